"""A fault campaign: three working days of nudges, a digest, button presses, questions and
evidence uploads, while the fake Telegram and Zalo answer one call in ten with a fault (a
seeded mix of 429 with retry_after, 500, no answer until the client gives up, and a connection
dropped), start-up included. At the end every outbox message was delivered exactly once and
every update applied once.

The apps run as `nhacviec run` runs them (`bot.runner.keep_running`: connect, poll, send the
outbox in the background), with short client timeouts so that a fault costs a second, not a
minute. The clock of the rows moves on by the test (three days in seconds); the pacing of
sends is real. The faults are all of the kind a platform answers before it sends anything; the
one case that can duplicate (an answer lost after the platform sent) is left out on purpose:
no client can avoid it, and `jobs.dispatch` documents it.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.channels.telegram import TelegramChannel
from bot.channels.zalo.channel import ZaloChannel
from bot.channels.zalo.client import ZaloBot
from bot.channels.zalo.render import render
from bot.runner import Setup, keep_running
from handlers import actions
from handlers.messages import Reply
from i18n import use_language
from jobs.dispatch import Backoff
from jobs.scheduler import Schedules, tick
from models import (
    ChannelAccount,
    ChatBinding,
    Evidence,
    Notification,
    Official,
    OfficialRole,
    ProcessedUpdate,
    ProgressReport,
)
from services.messages import OutboxMessage
from tests.fakes import Chaos, FakeTelegram, RateLimits
from tests.fakes.chaos import KINDS
from tests.fakes.zalo_api import FakeZalo
from tests.test_concurrent_writes import png
from tests.world import VN, World

MONDAY = datetime(2026, 3, 30, 8, 0, tzinfo=VN)
DAYS = 3
BASE = "https://nhacviec.test"
LINK = re.compile(re.escape(BASE) + r"(/u/[^\s<\"]+)")
APOLOGY = "Xin lỗi"

# Who works with the bot these days (agencies that lead tasks of the sample plan).
TELEGRAM_PEOPLE = {
    5001: ("Sở Nội vụ", OfficialRole.FOCAL),
    5002: ("Sở Nội vụ", OfficialRole.OFFICIAL),
    5003: ("Văn phòng UBND tỉnh", OfficialRole.FOCAL),
    5004: ("Sở Tư pháp", OfficialRole.FOCAL),
    5005: ("Sở Khoa học và Công nghệ", OfficialRole.OFFICIAL),
    5009: ("Sở Nội vụ", OfficialRole.COORDINATOR),
}
ZALO_PEOPLE = {
    "zalo-vp": ("Văn phòng UBND tỉnh", OfficialRole.OFFICIAL),
    "zalo-tp": ("Sở Tư pháp", OfficialRole.OFFICIAL),
    "zalo-vh": ("Sở Văn hóa, Thể thao và Du lịch", OfficialRole.FOCAL),
    "zalo-kh": ("Sở Khoa học và Công nghệ", OfficialRole.FOCAL),
    "zalo-dt": ("Đài Phát thanh và Truyền hình tỉnh", OfficialRole.FOCAL),
}
GROUP = -100900


@dataclass
class Campaign:
    world: World
    tg: FakeTelegram
    zalo: FakeZalo
    telegram: TelegramChannel
    zalo_app: ZaloChannel
    browser: httpx.AsyncClient
    faults: tuple[Chaos, Chaos]
    telegram_updates: set[str]
    zalo_updates: set[str]

    def processed(self, channel: str, key: str) -> bool:
        with self.world.app.sessions() as session:
            found = session.scalar(
                select(ProcessedUpdate.id).filter_by(channel=channel, update_key=key)
            )
            return found is not None

    async def telegram_says(self, push: Callable[[], int]) -> str:
        update_id = str(push())
        self.telegram_updates.add(update_id)
        await until(lambda: self.processed("telegram", update_id), what=f"telegram {update_id}")
        return update_id

    async def zalo_says(self, push: Callable[[], str]) -> str:
        message_id = push()
        self.zalo_updates.add(message_id)
        await until(lambda: self.processed("zalo", message_id), what=f"zalo {message_id}")
        return message_id

    def wake(self) -> None:
        self.telegram.dispatcher.wake()
        self.zalo_app.dispatcher.wake()


async def until(condition: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not in time: {what}"
        await asyncio.sleep(0.02)


def register(world: World) -> None:
    for chat, (agency, role) in TELEGRAM_PEOPLE.items():
        world.register(str(chat), agency, role, name=f"Cán bộ {chat}", channel="telegram")
    for user, (agency, role) in ZALO_PEOPLE.items():
        world.register(user, agency, role, name=f"Cán bộ {user}", channel="zalo")


@pytest.fixture
async def campaign(sessions, tmp_path) -> AsyncIterator[Campaign]:  # type: ignore[no-untyped-def]
    world = World.build(sessions, tmp_path, now=MONDAY - timedelta(minutes=30))
    with FakeTelegram(rate_limits=RateLimits()) as tg, FakeZalo() as zalo:
        world.app.settings = world.app.settings.model_copy(
            update={
                "telegram_bot_token": SecretStr(tg.token),
                "telegram_api_base_url": tg.url,
                "zalo_bot_token": SecretStr(zalo.token),
                "zalo_api_base_url": zalo.url,
                "zalo_send_interval": 0.0,
                "zalo_retry_after": 1.0,
                "public_base_url": BASE,
                "upload_link_secret": SecretStr("a long random secret, only for tests"),
            }
        )
        register(world)
        # From here on, one call in ten of every method fails, start-up included.
        # Seeds whose draws bring every kind of fault within the first fifteen calls.
        faults = (Chaos(rate=0.1, seed=227, hang=1.0), Chaos(rate=0.1, seed=316, hang=1.0))
        tg.set_chaos(faults[0])
        zalo.set_chaos(faults[1])
        quick = HTTPXRequest(connection_pool_size=16, read_timeout=0.5, connect_timeout=1.0)
        bot = Bot(
            tg.token,
            base_url=tg.base_url,
            base_file_url=tg.base_file_url,
            request=quick,
            get_updates_request=HTTPXRequest(read_timeout=3.0, connect_timeout=1.0),
        )
        telegram = TelegramChannel(world.app, bot)
        zalo_app = ZaloChannel(world.app, ZaloBot(zalo.token, zalo.url, timeout=0.5))
        stop = asyncio.Event()
        reconnect = Backoff(base=timedelta(milliseconds=200), cap=timedelta(seconds=1))
        running = [
            asyncio.create_task(keep_running(Setup(app, poll_timeout=1), stop, reconnect))
            for app in (telegram, zalo_app)
        ]
        transport = httpx.ASGITransport(app=create_upload_app(world))
        async with httpx.AsyncClient(transport=transport, base_url=BASE, timeout=30) as browser:
            yield Campaign(world, tg, zalo, telegram, zalo_app, browser, faults, set(), set())
        stop.set()
        await asyncio.wait_for(asyncio.gather(*running), 30)
        for app in (telegram, zalo_app):
            await app.stop()


def create_upload_app(world: World) -> Any:
    from web.upload import create_app

    return create_app(world.app.upload_site())


def task_of(world: World, slot: str) -> int:
    return world.task_id(slot)


# --- a day of work -------------------------------------------------------------------------------


async def a_day(c: Campaign, day: int) -> None:
    world, tg, zalo = c.world, c.tg, c.zalo
    world.now = MONDAY + timedelta(days=day)
    if day == 0:  # the coordinator binds the steering committee's group first thing
        await c.telegram_says(lambda: tg.push_command(GROUP, 5009, "/ganketnhom"))
    await asyncio.to_thread(tick, world.app.sessions, world.now, Schedules(tz=VN))
    c.wake()
    minutes = iter(range(1, 1000))

    def later() -> None:
        world.now = MONDAY + timedelta(days=day, minutes=2 * next(minutes))
        c.wake()

    # The focal point of Sở Nội vụ reports progress on I.2: list, progress, percent, a note.
    task = task_of(world, "I|2")
    first = await c.telegram_says(lambda: tg.push_command(5001, 5001, "/nhiemvu"))
    await c.telegram_says(lambda: tg.push_callback(5001, 5001, actions.PROGRESS.data(task), 1))
    percent = 20 + 15 * day
    await c.telegram_says(
        lambda: tg.push_callback(5001, 5001, actions.PERCENT.data(task, percent), 1)
    )
    await c.telegram_says(lambda: tg.push_text(5001, 5001, f"Ngày {day + 1}: đã làm thêm"))
    tg.push_duplicate(int(first))  # Telegram delivers an update twice
    later()

    # An official of Văn phòng UBND tỉnh on Zalo lists the tasks and opens the first.
    listed = await c.zalo_says(lambda: zalo.push_text("zalo-vp", "nhiemvu"))
    await until(lambda: texts_to(zalo, "zalo-vp"), what="the Zalo list")
    await c.zalo_says(lambda: zalo.push_text("zalo-vp", "1"))
    zalo.push_duplicate(listed)
    later()

    # An official of Sở Nội vụ sends evidence for I.1 through the upload page.
    evidence = task_of(world, "I|1")
    seen = len(tg.sent_messages(5002))
    await c.telegram_says(lambda: tg.push_callback(5002, 5002, actions.EVIDENCE.data(evidence), 1))
    await c.telegram_says(
        lambda: tg.push_callback(5002, 5002, actions.EVIDENCE_WEB.data(evidence), 1)
    )
    await until(lambda: link_in(tg.sent_messages(5002)[seen:]) is not None, what="the link")
    path = link_in(tg.sent_messages(5002)[seen:])
    assert path is not None
    files = [("files", (f"anh-{day}.png", png(day + 1), "image/png"))]
    answer = await c.browser.post(path, files=files, headers={"X-Requested-With": "XMLHttpRequest"})
    assert answer.status_code == 200, answer.text
    later()

    # The coordinator asks what is overdue; a Zalo focal point asks in words.
    await c.telegram_says(lambda: tg.push_command(5009, 5009, "/quahan"))
    await c.zalo_says(lambda: zalo.push_text("zalo-tp", "việc quá hạn của sở tư pháp"))
    later()


def link_in(messages: list[dict[str, Any]]) -> str | None:
    """The upload link in the text, a text link or a button of ``messages``."""
    for message in messages:
        places = [message.get("text", "")]
        places += [e.get("url", "") for e in message.get("entities", [])]
        for row in message.get("reply_markup", {}).get("inline_keyboard", []):
            places += [button.get("url", "") for button in row]
        for place in places:
            found = LINK.search(place or "")
            if found:
                return found.group(1)
    return None


def texts_to(zalo: FakeZalo, chat: str) -> list[str]:
    return [m["text"] for m in zalo.sent_messages(chat) if "text" in m]


# --- what the platforms received ---------------------------------------------------------------


def outbox_rows(world: World) -> list[tuple[Notification, str | None, str]]:
    """Every outbox row with the chat it went to and its recipient's language."""
    found = []
    with world.app.sessions() as session:
        for row in session.scalars(select(Notification).order_by(Notification.id)):
            if row.binding_id is not None:
                binding = session.get_one(ChatBinding, row.binding_id)
                found.append((row, binding.chat_id, "vi"))
                continue
            official = session.get(Official, row.official_id) if row.official_id else None
            account = session.scalar(
                select(ChannelAccount).filter_by(official_id=row.official_id, channel=row.channel)
            )
            language = official.language if official else "vi"
            found.append((row, account.chat_id if account else None, language))
    return found


def telegram_deliveries(tg: FakeTelegram) -> Counter[tuple[str, str]]:
    """(chat, HTML text or caption) of every message Telegram accepted."""
    counted: Counter[tuple[str, str]] = Counter()
    for call in tg.calls:
        if call.ok and call.method in ("sendMessage", "sendPhoto"):
            text = call.params.get("text") or call.params.get("caption") or ""
            counted[(str(call.params["chat_id"]), text)] += 1
    return counted


def zalo_deliveries(zalo: FakeZalo) -> Counter[tuple[str, str]]:
    counted: Counter[tuple[str, str]] = Counter()
    for message in zalo.sent_messages():
        counted[(message["chat_id"], message.get("text", ""))] += 1
    return counted


async def test_three_days_under_faults_deliver_every_message_once_and_apply_every_update_once(
    campaign: Campaign,
) -> None:
    c = campaign
    world = c.world
    await until(lambda: c.telegram.connected and c.zalo_app.connected, what="connected")

    for day in range(DAYS):
        await a_day(c, day)

    # The evening: retries come due, the outbox empties.
    def drained() -> bool:
        with world.app.sessions() as session:
            waiting = session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.status.in_(("pending", "sending")))
            )
        return waiting == 0

    for _ in range(40):
        if drained():
            break
        world.now += timedelta(minutes=10)
        c.wake()
        await asyncio.sleep(0.5)
    await until(drained, what="the outbox drained")

    rows = outbox_rows(world)
    assert rows, "the days queued messages"
    assert {row.status for row, _, _ in rows} == {"sent"}, [
        (row.kind, row.status, row.last_error) for row, _, _ in rows if row.status != "sent"
    ]
    telegram_sent = telegram_deliveries(c.tg)
    zalo_sent = zalo_deliveries(c.zalo)
    expected: Counter[tuple[str, str, str]] = Counter()
    for row, chat, language in rows:
        message = OutboxMessage.from_payload(row.payload)
        assert chat is not None
        if row.channel == "telegram":
            text = message.text[:1024] if message.photo is not None else message.text
            expected[("telegram", chat, text)] += 1
        else:
            reply = Reply(message.text, [list(r) for r in message.buttons])
            with use_language(language):
                for piece in render([reply], numbered=True).messages:
                    expected[("zalo", chat, piece)] += 1
    delivered = {
        (app, chat, text): (telegram_sent if app == "telegram" else zalo_sent)[(chat, text)]
        for app, chat, text in expected
    }
    assert delivered == dict(expected), "every outbox message exactly once"

    # Every update applied once, duplicates and faults notwithstanding.
    with world.app.sessions() as session:
        processed = Counter(session.scalars(select(ProcessedUpdate.channel)))
        progress = session.scalar(select(func.count()).select_from(ProgressReport))
        evidence = session.scalar(select(func.count()).select_from(Evidence))
    assert processed["telegram"] == len(c.telegram_updates)
    assert processed["zalo"] == len(c.zalo_updates)
    assert (progress, evidence) == (DAYS, DAYS)
    said = [t for (_, t) in telegram_sent] + [t for (_, t) in zalo_sent]
    assert not [t for t in said if t.startswith(APOLOGY)], "no update failed"
    # Replies answer at once (a person pressing fast may draw a 429, and the reply waits it out);
    # the outbox is paced and never does.
    outbox_texts = {text for app, _, text in expected if app == "telegram"}
    limited = [call.get("text") or call.get("caption") for call in c.tg.rate_limited_calls]
    assert not outbox_texts & set(limited), [
        (c["chat_id"], (c.get("text") or "")[:50]) for c in c.tg.rate_limited_calls
    ]

    # The faults were really there, every kind on both platforms.
    for chaos in c.faults:
        assert set(chaos.answered) == set(KINDS), chaos.answered
    kinds = {row.kind for row, _, _ in rows}
    assert {"daily_digest", "digest", "evidence_upload"} <= kinds
