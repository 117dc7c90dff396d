"""The upload page in a real browser: Debian's headless Chromium on a phone-sized screen,
driven by playwright-core (tests/browser), against the app served by uvicorn on a local port.

Skipped when node, Chromium or tests/browser/node_modules is missing, unless
REQUIRE_BROWSER_TESTS=1 (CI sets it, so there a missing browser is a failure).
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import random
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import uvicorn
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import Evidence, Notification
from tests.test_review_flows import PDF, text_of
from tests.world import World
from web.upload import create_app

HERE = Path(__file__).resolve().parent / "browser"
CHROMIUM = Path("/usr/bin/chromium")
UPLOAD_BYTES_PER_SECOND = 400_000  # a slow mobile link: the photo takes a few seconds


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not CHROMIUM.exists():
        return "chromium is not installed (apt-get install chromium)"
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        return "playwright-core is not installed (npm ci --prefix tests/browser)"
    return None


@pytest.fixture(scope="module")
def browser_ready() -> None:
    missing = _missing()
    if missing and os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        pytest.fail(f"REQUIRE_BROWSER_TESTS=1 but {missing}")
    if missing:
        pytest.skip(missing)


@pytest.fixture
def served(browser_ready: None, sessions: sessionmaker[Session], tmp_path: Path) -> Iterator[World]:
    """The world with the upload page served on a free local port."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={
            "public_base_url": f"http://127.0.0.1:{port}",
            "upload_link_secret": SecretStr("a long random secret, only for tests"),
        }
    )
    world.register("z1", "Sở Nội vụ", name="Trần Thị Bình", channel="zalo")
    server = uvicorn.Server(
        uvicorn.Config(create_app(world.app.upload_site()), log_level="warning")
    )
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])))
    thread.start()
    try:
        while not server.started and thread.is_alive():
            threading.Event().wait(0.02)
        yield world
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def link(world: World) -> str:
    replies = world.send("z1", button=f"1:evid:{world.task_id('I|1')}", channel="zalo")
    found = re.search(r"http://127\.0\.0\.1:\d+/u/\S+", text_of(replies))
    assert found, text_of(replies)
    return found.group(0)


def photo() -> bytes:
    """A camera-sized JPEG that does not compress away (noise), about a megabyte."""
    from PIL import Image

    noise = random.Random(7).randbytes(900 * 1200 * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (900, 1200), noise).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_a_phone_uploads_a_pdf_and_a_photo_and_sees_progress_refusals_and_expiry(
    served: World, tmp_path: Path
) -> None:
    world = served
    world.now -= timedelta(minutes=31)
    expired = link(world)
    world.now += timedelta(minutes=31)
    files = tmp_path / "files"
    files.mkdir()
    (files / "Bao cao ket qua CCHC.pdf").write_bytes(PDF)
    (files / "IMG_20260325_090112.jpg").write_bytes(picture := photo())
    (files / "ghi-chu.txt").write_text("không phải minh chứng", encoding="utf-8")
    (files / "bien-ban.pdf").write_bytes(b"MZ\x90\x00 a program, renamed")
    screenshots = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path / "screens")
    screenshots.mkdir(parents=True, exist_ok=True)
    plan = {
        "executable": str(CHROMIUM),
        "userDataDir": str(tmp_path / "chromium-profile"),
        "screenshots": str(screenshots),
        "valid": link(world),
        "wrongType": link(world),
        "expired": expired,
        "pdf": str(files / "Bao cao ket qua CCHC.pdf"),
        "photo": str(files / "IMG_20260325_090112.jpg"),
        "text": str(files / "ghi-chu.txt"),
        "renamed": str(files / "bien-ban.pdf"),
        "uploadBytesPerSecond": UPLOAD_BYTES_PER_SECOND,
    }
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")

    run = subprocess.run(
        ["node", str(HERE / "upload_page.mjs"), str(tmp_path / "plan.json")],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=HERE,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout)

    upload = seen["upload"]
    assert upload["status"] == 200 and upload["heading"] == "Gửi minh chứng"
    assert upload["label"] == "I.1"
    assert "Người gửi: Trần Thị Bình, Sở Nội vụ" in upload["facts"]
    assert upload["buttons"] == ["📎 Chọn tệp", "📷 Chụp ảnh"]
    assert upload["overflows"] is False  # nothing wider than the phone
    assert upload["chosen"] == ["Bao cao ket qua CCHC.pdf", "IMG_20260325_090112.jpg"]
    values = [p["value"] for p in upload["progress"]]
    assert any(0 < v < 100 for v in values), values  # the bar moved while bytes went up
    assert values == sorted(values)
    assert any(re.fullmatch(r"Đang tải lên… [1-9]\d?%", p["text"]) for p in upload["progress"])
    assert upload["done"] == "✅ Đã lưu 2 tệp minh chứng cho I.1."
    assert upload["doneFiles"] == ["Bao cao ket qua CCHC.pdf", "IMG_20260325_090112.jpg"]
    assert upload["formHidden"] is True

    assert seen["clientRefusal"] == {
        "status": "Tệp ghi-chu.txt không được chấp nhận. Loại tệp này không được nhận làm minh "
        "chứng. Hãy gửi tệp PDF, Word, Excel, JPEG hoặc PNG. Chưa có tệp nào được lưu; "
        "hãy chọn lại.",
        "progressShown": False,
    }
    refused = seen["serverRefusal"]
    assert refused["httpStatus"] == 415 and refused["sendEnabled"] is True
    assert refused["status"].startswith("Tệp bien-ban.pdf không được chấp nhận.")

    assert seen["expired"] == {
        "status": 410,
        "heading": "Không dùng được liên kết này",
        "notice": "Liên kết này đã hết hạn: mỗi liên kết chỉ dùng được trong 30 phút. Hãy bấm "
        "Gửi minh chứng trong khung chat để nhận liên kết mới.",
        "hasForm": False,
    }

    with world.app.sessions() as session:
        stored = session.scalars(select(Evidence).order_by(Evidence.id)).all()
        told = session.scalars(
            select(Notification).where(Notification.kind == "evidence_upload")
        ).all()
    assert [(e.original_name, e.size) for e in stored] == [
        ("Bao cao ket qua CCHC.pdf", len(PDF)),
        ("IMG_20260325_090112.jpg", len(picture)),
    ]
    assert Path(stored[1].stored_path).read_bytes() == picture
    assert len(told) == 1 and told[0].channel == "zalo"
    for name in ("1-chosen.png", "2-progress.png", "3-done.png", "6-expired.png"):
        assert (screenshots / name).stat().st_size > 10_000
