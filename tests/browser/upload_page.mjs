// Drives Debian's headless Chromium through the evidence upload page on a phone-sized screen.
// Usage: node upload_page.mjs <plan.json>; prints what a person saw, as JSON, on stdout.
// The browser is never downloaded: playwright-core only talks to the executable given.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const PHONE = { width: 390, height: 844 };

const context = await chromium.launchPersistentContext(plan.userDataDir, {
  executablePath: plan.executable,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: PHONE,
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
  timezoneId: "Asia/Ho_Chi_Minh",
});
const shot = (page, name) => page.screenshot({ path: join(plan.screenshots, name), fullPage: true });
const seen = {};

try {
  seen.upload = await upload(await context.newPage());
  seen.clientRefusal = await clientRefusal(await context.newPage());
  seen.serverRefusal = await serverRefusal(await context.newPage());
  seen.expired = await expired(await context.newPage());
} finally {
  await context.close();
}
process.stdout.write(JSON.stringify(seen));

// A PDF and a photo from the camera, on a slow upload link so the progress is visible.
async function upload(page) {
  const opened = await page.goto(plan.valid);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: -1,
    uploadThroughput: plan.uploadBytesPerSecond,
  });
  const result = {
    status: opened.status(),
    heading: await page.textContent("h1"),
    label: await page.textContent(".task .label"),
    facts: await page.locator(".facts li").allTextContents(),
    buttons: await page.locator(".pick label").allTextContents(),
    overflows: await page.evaluate(() => document.documentElement.scrollWidth > innerWidth),
  };
  await page.setInputFiles("#files", plan.pdf);
  await page.setInputFiles("#camera", plan.photo);
  result.chosen = await page.locator("#chosen .name").allTextContents();
  await shot(page, "1-chosen.png");

  const progress = [];
  let progressShot = false;
  await page.tap("#send");
  while (!(await page.isVisible("#done"))) {
    const now = await page.evaluate(() => ({
      value: document.getElementById("bar").value,
      text: document.getElementById("percent").textContent,
      visible: !document.getElementById("progress").hidden,
    }));
    if (now.visible) progress.push(now);
    if (!progressShot && now.visible && now.value > 0 && now.value < 100) {
      await shot(page, "2-progress.png");
      progressShot = true;
    }
    await page.waitForTimeout(25);
  }
  result.progress = progress;
  result.done = await page.textContent("#done-title");
  result.doneFiles = await page.locator("#done-files li").allTextContents();
  result.formHidden = await page.isHidden("#upload");
  await shot(page, "3-done.png");
  await page.close();
  return result;
}

// A file the page itself refuses before sending anything.
async function clientRefusal(page) {
  await page.goto(plan.wrongType);
  await page.setInputFiles("#files", plan.text);
  await page.tap("#send");
  await page.waitForSelector("#status.error");
  const result = { status: await page.textContent("#status"), progressShown: await page.isVisible("#progress") };
  await shot(page, "4-wrong-type-here.png");
  await page.close();
  return result;
}

// A program renamed .pdf: only the server can tell; the page shows its answer.
async function serverRefusal(page) {
  await page.goto(plan.wrongType);
  await page.setInputFiles("#files", plan.renamed);
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await page.tap("#send");
  const response = await answer;
  await page.waitForSelector("#status.error");
  const result = {
    httpStatus: response.status(),
    status: await page.textContent("#status"),
    sendEnabled: await page.isEnabled("#send"),
  };
  await shot(page, "5-wrong-type-server.png");
  await page.close();
  return result;
}

async function expired(page) {
  const opened = await page.goto(plan.expired);
  const result = {
    status: opened.status(),
    heading: await page.textContent("h1"),
    notice: await page.textContent(".notice"),
    hasForm: (await page.locator("form").count()) > 0,
  };
  await shot(page, "6-expired.png");
  await page.close();
  return result;
}
