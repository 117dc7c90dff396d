"""The Telegram channel end to end: the real python-telegram-bot client over HTTP to a local fake
Bot API, our polling loop, the handlers and a real database."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.channels.telegram import TelegramChannel, make_bot
from handlers import callbacks
from handlers.markup import split_text
from models import Evidence, ProgressReport
from tests.fakes import FakeTelegram, Fault
from tests.samples import JPEG, PDF  # Telegram sends photos as JPEG
from tests.world import World


@pytest.fixture
def tg() -> AsyncIterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server


@pytest.fixture
async def running(sessions, tmp_path, tg):  # type: ignore[no-untyped-def]
    """The world, with the Telegram channel polling the fake server."""
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={"telegram_bot_token": SecretStr(tg.token), "telegram_api_base_url": tg.url}
    )
    channel = TelegramChannel(world.app, make_bot(world.app))
    await channel.start()
    stop = asyncio.Event()
    polling = asyncio.create_task(channel.poll(stop, timeout=1))
    yield world, channel
    stop.set()
    await asyncio.wait_for(polling, 10)
    await channel.stop()


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


def texts(tg: FakeTelegram, chat: int) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in tg.sent_messages(chat)]


def button_data(message: dict, starts: str) -> str:  # type: ignore[type-arg]
    for row in message["reply_markup"]["inline_keyboard"]:
        for button in row:
            if button["text"].startswith(starts):
                return str(button["callback_data"])
    raise AssertionError(f"no button {starts!r}")


async def say(tg: FakeTelegram, chat: int, push: Callable[[], int], replies: int = 1) -> list[str]:
    """Push one update and wait for ``replies`` new messages in the chat (edits count)."""
    before = len(tg.calls_to("sendMessage")) + len(tg.calls_to("editMessageText"))
    push()
    await until(
        lambda: (
            len(tg.calls_to("sendMessage")) + len(tg.calls_to("editMessageText"))
            >= before + replies
        )
    )
    return texts(tg, chat)


async def expect(tg: FakeTelegram, chat: int, push: Callable[[], int], words: str) -> str:
    """Push one update and wait for a new message in the chat that contains ``words``."""
    seen = len(tg.sent_messages(chat))
    push()

    def arrived() -> bool:
        return any(words in t for t in texts(tg, chat)[seen:])

    await until(arrived)
    return next(t for t in texts(tg, chat)[seen:] if words in t)


async def register(world: World, tg: FakeTelegram, chat: int, agency: str) -> None:
    code = world.invite(agency)
    shown = await say(tg, chat, lambda: tg.push_command(chat, chat, f"/start {code}"))
    assert agency in shown[-1]


async def test_commands_are_registered_in_vietnamese_and_english(running, tg):
    commands = {c["command"]: c["description"] for c in tg.my_commands()}
    assert commands["nhiemvu"] == "Nhiệm vụ của cơ quan"
    english = {c["command"]: c["description"] for c in tg.my_commands("en")}
    assert english["nhiemvu"] == "Your agency's tasks"


async def test_an_official_registers_lists_opens_a_card_and_reports_progress(running, tg):
    world, _channel = running
    await register(world, tg, 501, "Văn phòng UBND tỉnh")

    await say(tg, 501, lambda: tg.push_command(501, 501, "/nhiemvu"))
    listing = tg.sent_messages(501)[-1]
    assert "Nhiệm vụ của Văn phòng UBND tỉnh" in listing["text"]
    # The title's "&" is escaped in the HTML and displayed as written.
    assert "hành chính & quy trình" in listing["text"]

    card_data = button_data(listing, "III.1")
    await say(tg, 501, lambda: tg.push_callback(501, 501, card_data, listing["message_id"]))
    card = tg.sent_messages(501)[-1]
    assert "Sản phẩm: Quyết định công bố" in card["text"]
    assert "hồ sơ trễ hạn < 2%" in card["text"]
    assert tg.calls_to("answerCallbackQuery"), "the button's spinner must stop"

    progress = button_data(card, "Cập nhật tiến độ")
    await say(tg, 501, lambda: tg.push_callback(501, 501, progress, card["message_id"]))
    choice = tg.sent_messages(501)[-1]
    fifty = button_data(choice, "50%")
    await say(tg, 501, lambda: tg.push_callback(501, 501, fifty, choice["message_id"]))
    shown = await say(tg, 501, lambda: tg.push_text(501, 501, "Đã dự thảo <Quyết định>"), 2)
    assert any("đạt 50%" in text for text in shown[-2:])
    with world.app.sessions() as session:
        assert session.scalar(select(ProgressReport.note)) == "Đã dự thảo <Quyết định>"


async def test_a_duplicate_delivery_is_processed_once(running, tg):
    world, _channel = running
    await register(world, tg, 502, "Sở Nội vụ")
    task_id = world.task_id("I|2")
    await say(tg, 502, lambda: tg.push_callback(502, 502, callbacks.encode("prog", task_id), 1))
    await say(tg, 502, lambda: tg.push_callback(502, 502, callbacks.encode("pct", task_id, 25), 1))
    first = tg.push_text(502, 502, "một lần")
    # The answer is two messages: "saved", then the task card with the note.
    await until(lambda: any("Cập nhật gần nhất: một lần" in t for t in texts(tg, 502)))
    count = len(tg.sent_messages(502))
    tg.push_duplicate(first)
    await until(lambda: not tg.pending_updates)
    await asyncio.sleep(0.3)
    assert len(tg.sent_messages(502)) == count
    with world.app.sessions() as session:
        assert session.scalar(select(func.count(ProgressReport.id))) == 1


async def test_evidence_is_downloaded_checked_and_kept_once(running, tg):
    world, _channel = running
    await register(world, tg, 503, "Sở Nội vụ")
    task_id = world.task_id("I|2")
    await expect(
        tg, 503, lambda: tg.push_callback(503, 503, callbacks.encode("evid", task_id), 1), "20 MB"
    )
    pdf = tg.add_file(PDF, "bien-ban.pdf", "application/pdf")
    send_pdf = lambda: tg.push_document(503, 503, pdf, "bien-ban.pdf", "application/pdf")  # noqa: E731
    await expect(tg, 503, send_pdf, "Đã lưu minh chứng")
    await expect(tg, 503, send_pdf, "chỉ lưu một lần")
    exe = tg.add_file(b"MZ\x90\x00", "setup.exe", "application/octet-stream")
    await expect(tg, 503, lambda: tg.push_document(503, 503, exe, "setup.exe"), "không được nhận")
    big = tg.add_file(PDF, "lon.pdf", "application/pdf", file_size=25_000_000)
    send_big = lambda: tg.push_document(  # noqa: E731
        503, 503, big, "lon.pdf", "application/pdf", 25_000_000
    )
    await expect(tg, 503, send_big, "quá lớn")
    photo = tg.add_file(JPEG, "anh.jpg", "image/jpeg")
    await expect(tg, 503, lambda: tg.push_photo(503, 503, photo), "Số minh chứng: 2")
    with world.app.sessions() as session:
        stored = session.scalars(select(Evidence).order_by(Evidence.id)).all()
    assert [e.original_name for e in stored][:1] == ["bien-ban.pdf"]
    assert len({e.sha256 for e in stored}) == len(stored)
    downloads = [c for c in tg.calls_to("getFile") if c.params.get("file_id") in (exe, big)]
    assert downloads == [], "refused files are never downloaded"


async def test_a_failing_send_does_not_stop_the_bot(running, tg):
    world, _channel = running
    await register(world, tg, 504, "Sở Nội vụ")
    tg.fail_next("sendMessage", Fault.internal_error())
    tg.push_command(504, 504, "/nhiemvu")
    await until(lambda: any(not c.ok for c in tg.calls_to("sendMessage")))
    shown = await say(tg, 504, lambda: tg.push_command(504, 504, "/nhiemvu"))
    assert "Nhiệm vụ của Sở Nội vụ" in shown[-1]


async def test_a_group_is_bound_by_a_coordinator(running, tg):
    world, _channel = running
    from models import OfficialRole

    code = world.invite("Sở Nội vụ", OfficialRole.COORDINATOR)
    await say(tg, 505, lambda: tg.push_command(505, 505, f"/start {code}"))
    bind = "/ganketnhom@nhacviec_test_bot"
    shown = await say(tg, -1001, lambda: tg.push_command(-1001, 505, bind))
    assert "An Thịnh" in shown[-1]
    # A command addressed to another bot in the same group is not for us.
    tg.push_command(-1001, 505, "/nhiemvu@some_other_bot")
    await until(lambda: not tg.pending_updates)
    await asyncio.sleep(0.3)
    assert len(tg.sent_messages(-1001)) == 1


def test_long_replies_are_split_at_line_breaks():
    text = "\n".join(f"dòng {i} " + "x" * 50 for i in range(200))
    pieces = split_text(text, 4096)
    assert all(len(p) <= 4096 for p in pieces) and len(pieces) > 1
    assert "\n".join(pieces) == text


async def test_a_completion_reaches_the_coordinator_and_the_approval_comes_back(running, tg):
    world, _channel = running
    from models import OfficialRole

    await register(world, tg, 601, "Sở Nội vụ")
    code = world.invite("Sở Nội vụ", OfficialRole.COORDINATOR)
    await say(tg, 602, lambda: tg.push_command(602, 602, f"/start {code}"))
    task_id = world.task_id("I|2")

    await expect(
        tg, 601, lambda: tg.push_callback(601, 601, callbacks.encode("evid", task_id), 1), "20 MB"
    )
    pdf = tg.add_file(PDF, "bao-cao.pdf", "application/pdf")
    send_pdf = lambda: tg.push_document(601, 601, pdf, "bao-cao.pdf", "application/pdf")  # noqa: E731
    await expect(tg, 601, send_pdf, "Đã lưu minh chứng")
    tg.push_callback(601, 601, callbacks.encode("done", task_id), 1)

    await until(lambda: any("Báo cáo hoàn thành" in t for t in texts(tg, 602)))
    request = next(m for m in tg.sent_messages(602) if "Báo cáo hoàn thành" in m["text"])
    approve = button_data(request, "Duyệt")
    tg.push_callback(602, 602, approve, request["message_id"])
    await until(lambda: any("đã xác nhận hoàn thành" in t for t in texts(tg, 601)))
    assert any("hoàn thành đúng hạn" in t for t in texts(tg, 601))


async def test_webhook_mode_checks_the_secret_and_answers_after_the_commit(sessions, tmp_path, tg):
    import socket

    import httpx

    from bot.runner import run_channels

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(tg.token),
            "telegram_api_base_url": tg.url,
            "telegram_webhook_url": f"http://127.0.0.1:{port}/tg/hook",
            "telegram_webhook_secret": SecretStr("bi-mat-123"),
            "listen_port": port,
        }
    )
    code = world.invite("Sở Nội vụ")
    stop = asyncio.Event()
    running = asyncio.create_task(run_channels(world.app, stop))
    await until(lambda: tg.webhook.get("url", "").endswith("/tg/hook"))
    update = {
        "update_id": 77,
        "message": {
            "message_id": 5,
            "date": 1774400000,
            "chat": {"id": 701, "type": "private"},
            "from": {"id": 701, "is_bot": False, "first_name": "Lan"},
            "text": f"/start {code}",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    url = f"http://127.0.0.1:{port}/tg/hook"
    async with httpx.AsyncClient() as client:
        for _ in range(50):  # the server may still be starting
            try:
                refused = await client.post(url, json=update)
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.05)
        assert refused.status_code == 403
        assert tg.sent_messages(701) == []
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "doan-mo"}
        assert (await client.post(url, json=update, headers=wrong)).status_code == 403
        good = {"X-Telegram-Bot-Api-Secret-Token": "bi-mat-123"}
        answered = await client.post(url, json=update, headers=good)
        assert answered.status_code == 200
        # The reply was sent before the webhook answered, so it is there already.
        assert "Sở Nội vụ" in tg.sent_messages(701)[-1]["text"]
        again = await client.post(url, json=update, headers=good)  # Telegram retries
        assert again.status_code == 200 and len(tg.sent_messages(701)) == 1
    stop.set()
    await asyncio.wait_for(running, 10)
