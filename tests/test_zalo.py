"""The Zalo channel end to end: our httpx client over HTTP to a local fake Zalo Bot API, our
polling loop (or webhook), the handlers and a real database. Buttons are numbered choices."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.channels.zalo.channel import ZaloChannel, make_bot
from bot.channels.zalo.render import render, split_message
from bot.channels.zalo.updates import parse_command, parse_update, strip_mention
from bot.runner import run_channels
from handlers import callbacks
from handlers.choices import pick
from handlers.messages import Reply, Sender
from models import (
    ConversationState,
    Evidence,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    ProcessedUpdate,
    ProgressReport,
    Task,
)
from services import outbox
from services.messages import Button, OutboxMessage, button_rows
from tests.fakes.zalo_api import FakeZalo, Fault, new_id, post_webhook
from tests.samples import PNG
from tests.world import World

CHOOSE = re.compile(r"(Trả lời|Reply)")


@pytest.fixture
def zalo() -> Iterator[FakeZalo]:
    with FakeZalo() as server:
        yield server


def zalo_settings(world: World, zalo: FakeZalo, **more: object) -> None:
    world.app.settings = world.app.settings.model_copy(
        update={
            "zalo_bot_token": SecretStr(zalo.token),
            "zalo_api_base_url": zalo.url,
            "zalo_send_interval": 0.0,
            **more,
        }
    )


async def start_polling(world: World) -> tuple[ZaloChannel, asyncio.Event, asyncio.Task[None]]:
    channel = ZaloChannel(world.app, make_bot(world.app))
    await channel.start()
    stop = asyncio.Event()
    return channel, stop, asyncio.create_task(channel.poll(stop, timeout=1))


async def stop_polling(channel: ZaloChannel, stop: asyncio.Event, task: asyncio.Task[None]) -> None:
    stop.set()
    await asyncio.wait_for(task, 10)
    await channel.stop()


@pytest.fixture
async def running(sessions, tmp_path, zalo) -> AsyncIterator[tuple[World, ZaloChannel]]:  # type: ignore[no-untyped-def]
    """The world, with the Zalo channel polling the fake server."""
    world = World.build(sessions, tmp_path)
    zalo_settings(world, zalo)
    channel, stop, polling = await start_polling(world)
    yield world, channel
    await stop_polling(channel, stop, polling)


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


def texts(zalo: FakeZalo, chat: str) -> list[str]:
    return [m.get("text") or "" for m in zalo.sent_messages(chat)]


def sent_count(zalo: FakeZalo) -> int:
    return len([c for c in zalo.calls_to("sendMessage") if c.ok])


async def say(zalo: FakeZalo, user: str, text: str, replies: int = 1) -> list[str]:
    """A user writes ``text``; wait for ``replies`` more messages from the bot."""
    before = sent_count(zalo)
    zalo.push_text(user, text)
    await until(lambda: sent_count(zalo) >= before + replies)
    return texts(zalo, user)


def number_of(message: str, label: str) -> str:
    """The number shown before the choice ``label`` in a message."""
    found = re.search(rf"(\d+)\. {re.escape(label)}(?=\s|$)", message)
    assert found, f"no choice {label!r} in {message!r}"
    return found.group(1)


async def register(world: World, zalo: FakeZalo, user: str, agency: str, **kw: object) -> None:
    code = world.invite(agency, **kw)  # type: ignore[arg-type]
    shown = await say(zalo, user, f"/start {code}")
    assert agency in shown[-1]


# --- pure pieces: a table of real cases --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/nhiemvu", ("nhiemvu", ())),
        ("nhiemvu", ("nhiemvu", ())),
        ("NhiemVu", ("nhiemvu", ())),
        ("start ABCD234567", ("start", ("ABCD234567",))),
        ("/quahan@bot.NhacViec", ("quahan", ())),
        ("/khongco", ("khongco", ())),  # a slash makes it a command, known or not
        ("nhiệm vụ của tôi", ("", ())),  # Vietnamese words are free text
        ("việc quá hạn của sở tư pháp", ("", ())),
        ("2", ("", ())),
    ],
)
def test_commands_with_and_without_the_slash(text, expected):
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@Bot Nhắc việc quahan", "quahan"),
        ("@Bot /tiendo", "/tiendo"),
        ("@NhacViec xin chào", "xin chào"),
        ("quahan", "quahan"),
    ],
)
def test_a_mention_in_a_group_is_dropped(text, expected):
    assert strip_mention(text) == expected


def test_numbered_choices_run_on_across_replies():
    replies = [
        Reply("Đã lưu <b>A &amp; B</b>", [[Button("Xong", "1:stop")]]),
        Reply(
            "Thẻ",
            [
                [Button("Cập nhật", "1:prog:7")],
                [Button("Gửi", "1:evid:7"), Button("Báo", "1:done:7")],
            ],
        ),
    ]
    shown = render(replies)
    assert shown.menu == ["1:stop", "1:prog:7", "1:evid:7", "1:done:7"]
    first, second = shown.messages
    assert first.startswith("Đã lưu A & B")  # HTML gone, characters as written
    assert "1. Xong" in first and CHOOSE.search(first.splitlines()[-1])
    assert "2. Cập nhật" in second and "3. Gửi   4. Báo" in second
    assert re.search(r"2, 3 (hoặc|or) 4", second)
    assert pick("3", shown.menu) == "1:evid:7" and pick(" 4. ", shown.menu) == "1:done:7"
    assert pick("5", shown.menu) is None and pick("50%", shown.menu) is None


def test_in_a_group_there_are_no_numbers():
    shown = render([Reply("Tóm tắt", [[Button("Xem", "1:qh:1")]])], numbered=False)
    assert shown.messages == ["Tóm tắt"] and shown.menu == []


def test_long_replies_are_split_under_2000_at_line_breaks():
    text = "\n".join(f"🔴 dòng {i} " + "x" * 50 for i in range(200))
    pieces = split_message(text, 2000)
    assert len(pieces) > 1
    assert all(len(p.encode("utf-16-le")) // 2 <= 2000 for p in pieces)
    assert "\n".join(pieces) == text


@pytest.mark.parametrize("shape", ["flat", "wrapped"])
def test_both_webhook_shapes_are_read(shape):
    message = {
        "from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Ted", "is_bot": False},
        "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
        "text": "Xin chào",
        "message_id": "2d758cb5e222177a4e35",
        "date": 1750316131602,
    }
    flat = {"event_name": "message.text.received", "message": message}
    body = flat if shape == "flat" else {"ok": True, "result": flat}
    update = parse_update(body)
    assert update is not None
    assert (update.user_id, update.message_id, update.text) == (
        "6ede9afa66b88fe6d6a9",
        "2d758cb5e222177a4e35",
        "Xin chào",
    )
    assert update.date is not None and update.date.year == 2025


# --- conversations over HTTP -------------------------------------------------------------------


async def test_an_official_registers_lists_opens_a_card_and_reports_progress(running, zalo):
    world, _channel = running
    await register(world, zalo, "u501", "Văn phòng UBND tỉnh")

    listing = (await say(zalo, "u501", "nhiemvu"))[-1]
    assert "Nhiệm vụ của Văn phòng UBND tỉnh" in listing
    # The title's "&" is shown as written: plain text, nothing escaped.
    assert "hành chính & quy trình" in listing and "&amp;" not in listing
    assert "<b>" not in listing and CHOOSE.search(listing.splitlines()[-1])

    card = (await say(zalo, "u501", number_of(listing, "III.1")))[-1]
    assert "Sản phẩm: Quyết định công bố" in card
    assert "hồ sơ trễ hạn < 2%" in card

    choice = (await say(zalo, "u501", number_of(card, "Cập nhật tiến độ")))[-1]
    asked = (await say(zalo, "u501", number_of(choice, "50%")))[-1]
    assert "50%" in asked
    shown = await say(zalo, "u501", "Đã dự thảo <Quyết định>", 2)
    assert any("đạt 50%" in text for text in shown[-2:])
    with world.app.sessions() as session:
        assert session.scalar(select(ProgressReport.note)) == "Đã dự thảo <Quyết định>"
        assert session.scalar(select(ProgressReport.percent)) == 50


async def test_the_slash_command_and_the_plain_word_answer_alike(running, zalo):
    world, _channel = running
    await register(world, zalo, "u502", "Sở Nội vụ")
    with_slash = (await say(zalo, "u502", "/nhiemvu"))[-1]
    without = (await say(zalo, "u502", "nhiemvu"))[-1]
    assert with_slash == without and "Nhiệm vụ của Sở Nội vụ" in without


async def test_a_typed_number_outside_the_choices_is_text(running, zalo):
    world, _channel = running
    await register(world, zalo, "u503", "Văn phòng UBND tỉnh")
    listing = (await say(zalo, "u503", "nhiemvu"))[-1]
    card = (await say(zalo, "u503", number_of(listing, "III.1")))[-1]
    choice = (await say(zalo, "u503", number_of(card, "Cập nhật tiến độ")))[-1]
    assert "40." not in choice  # 40 is not one of the numbers shown
    asked = (await say(zalo, "u503", "40"))[-1]
    assert "40%" in asked  # read as the percentage typed


async def test_a_duplicate_delivery_is_processed_once(running, zalo):
    world, _channel = running
    await register(world, zalo, "u504", "Sở Nội vụ")
    before = sent_count(zalo)
    first = zalo.push_text("u504", "nhiemvu")
    await until(lambda: sent_count(zalo) > before)
    count = sent_count(zalo)
    zalo.push_duplicate(first)
    await until(lambda: not zalo.pending_updates)
    await asyncio.sleep(0.3)
    assert sent_count(zalo) == count
    with world.app.sessions() as session:
        keys = session.scalars(select(ProcessedUpdate.update_key)).all()
    assert keys.count(first) == 1


async def test_the_bots_own_messages_echoed_back_are_ignored(sessions, tmp_path):
    with FakeZalo(echo_bot_messages=True) as zalo:
        world = World.build(sessions, tmp_path)
        zalo_settings(world, zalo)
        channel, stop, polling = await start_polling(world)
        try:
            await register(world, zalo, "u505", "Sở Nội vụ")
            await until(lambda: not zalo.pending_updates)  # the echo was taken and dropped
            await asyncio.sleep(0.3)
            assert len(zalo.sent_messages("u505")) == 1
        finally:
            await stop_polling(channel, stop, polling)


async def test_the_choices_survive_a_restart(sessions, tmp_path, zalo):
    world = World.build(sessions, tmp_path)
    zalo_settings(world, zalo)
    channel, stop, polling = await start_polling(world)
    await register(world, zalo, "u506", "Văn phòng UBND tỉnh")
    listing = (await say(zalo, "u506", "nhiemvu"))[-1]
    await stop_polling(channel, stop, polling)

    channel, stop, polling = await start_polling(world)  # a new process, same database
    try:
        card = (await say(zalo, "u506", number_of(listing, "III.1")))[-1]
        assert "Sản phẩm: Quyết định công bố" in card
    finally:
        await stop_polling(channel, stop, polling)


async def test_the_menu_is_kept_beside_the_conversation_step(running, zalo):
    world, _channel = running
    await register(world, zalo, "u507", "Văn phòng UBND tỉnh")
    listing = (await say(zalo, "u507", "nhiemvu"))[-1]
    card = (await say(zalo, "u507", number_of(listing, "III.1")))[-1]
    await say(zalo, "u507", number_of(card, "Cập nhật tiến độ"))

    def state() -> ConversationState | None:
        with world.app.sessions() as session:
            return session.scalar(select(ConversationState))

    await until(lambda: len((state() or ConversationState(data={})).data.get("_menu", [])) == 5)
    row = state()
    assert row is not None and row.step == "progress" and isinstance(row.data["task_id"], int)
    assert [data.split(":")[-1] for data in row.data["_menu"]] == ["0", "25", "50", "75", "100"]


async def test_a_photo_is_evidence_during_the_evidence_step(running, zalo):
    world, _channel = running
    await register(world, zalo, "u508", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    with world.app.sessions() as session:
        label = session.get(Task, task_id).label  # type: ignore[union-attr]
    listing = (await say(zalo, "u508", "nhiemvu"))[-1]
    card = (await say(zalo, "u508", number_of(listing, label)))[-1]
    asked = (await say(zalo, "u508", number_of(card, "Gửi minh chứng")))[-1]
    assert "JPEG" in asked

    before = sent_count(zalo)
    zalo.push_image("u508", zalo.add_image(PNG, "image/png"))
    await until(lambda: sent_count(zalo) >= before + 2)  # saved, then the card
    with world.app.sessions() as session:
        stored = session.scalars(select(Evidence)).all()
    assert [(e.task_id, e.mime_type) for e in stored] == [(task_id, "image/png")]

    before = sent_count(zalo)
    zalo.push_unsupported("u508")  # a PDF sent from Zalo arrives as "unsupported"
    await until(lambda: sent_count(zalo) > before)
    assert "Telegram" in texts(zalo, "u508")[-1]


async def test_a_photo_outside_the_evidence_step_is_not_downloaded(running, zalo):
    world, _channel = running
    await register(world, zalo, "u509", "Sở Nội vụ")
    url = zalo.add_image(PNG, "image/png")
    before = sent_count(zalo)
    zalo.push_image("u509", url)
    await until(lambda: sent_count(zalo) > before)
    with world.app.sessions() as session:
        assert session.scalar(select(func.count(Evidence.id))) == 0


async def test_a_long_reply_goes_out_in_pieces_zalo_accepts(running, zalo):
    _world, channel = running
    long = "\n".join(
        f"🔴 <b>III.{i}</b> Rà soát &amp; công bố thủ tục hành chính" for i in range(90)
    )
    sender = Sender(channel="zalo", user_id="u510", chat_id="u510")
    await channel.send(sender, [Reply(long, [[Button("Xong", "1:stop")]])])
    shown = texts(zalo, "u510")
    assert len(shown) > 1 and all(c.ok for c in zalo.calls_to("sendMessage"))
    assert "III.89 Rà soát & công bố" in shown[-1] and "1. Xong" in shown[-1]


async def test_a_group_message_is_ignored_when_groups_are_off(running, zalo):
    world, _channel = running
    code = world.invite("Sở Nội vụ", OfficialRole.COORDINATOR)
    await say(zalo, "u511", f"start {code}")
    zalo.push_text("u511", "@Bot quahan", chat_id="g1", chat_type="GROUP")
    await until(lambda: not zalo.pending_updates)
    await asyncio.sleep(0.3)
    assert zalo.sent_messages("g1") == []


async def test_in_a_group_the_bot_answers_a_mention_when_groups_work(sessions, tmp_path):
    with FakeZalo(can_join_groups=True) as zalo:
        world = World.build(sessions, tmp_path)
        zalo_settings(world, zalo, zalo_groups=True)
        channel, stop, polling = await start_polling(world)
        try:
            assert channel.groups_enabled
            code = world.invite("Sở Nội vụ", OfficialRole.COORDINATOR)
            await say(zalo, "u512", f"start {code}")
            before = sent_count(zalo)
            zalo.push_text("u512", "@Bot Nhắc việc quahan", chat_id="g2", chat_type="GROUP")
            await until(lambda: sent_count(zalo) > before)
            answer = texts(zalo, "g2")[-1]
            assert not CHOOSE.search(answer)  # no numbered choices in a group
        finally:
            await stop_polling(channel, stop, polling)


async def test_a_429_from_zalo_puts_the_notification_off_and_it_arrives_later(running, zalo):
    world, _channel = running
    code = world.invite("Sở Nội vụ", OfficialRole.COORDINATOR)
    await say(zalo, "u513", f"start {code}")
    task_id = world.task_id("I|2")
    with world.app.sessions.begin() as session:
        official_id = session.scalar(select(Official.id))
        assert official_id is not None
        outbox.enqueue(
            session,
            official_id=official_id,
            kind="test",
            key="zalo-429",
            message=OutboxMessage(
                "Báo cáo <b>hoàn thành</b> của Sở Nội vụ &amp; Sở Tư pháp",
                button_rows([[Button("Lịch sử", callbacks.encode("hist", task_id))]]),
            ),
            now=world.now,
        )
    zalo.fail_next("sendMessage", Fault.quota_exceeded())
    await until(lambda: any(not c.ok for c in zalo.calls_to("sendMessage")))

    def row() -> Notification:
        with world.app.sessions() as session:
            found = session.scalar(select(Notification).where(Notification.key == "zalo-429"))
            assert found is not None
            return found

    await until(lambda: "429" in (row().last_error or ""))
    assert row().status == NotificationStatus.PENDING
    assert row().not_before >= world.now + timedelta(seconds=59)

    world.now += timedelta(minutes=2)
    await until(lambda: any("hoàn thành" in t for t in texts(zalo, "u513")))
    notice = texts(zalo, "u513")[-1]
    assert "Sở Nội vụ & Sở Tư pháp" in notice and "1. Lịch sử" in notice

    await until(lambda: row().status == NotificationStatus.SENT)
    history = (await say(zalo, "u513", "1"))[-1]  # the number answers the notification
    assert "Quay lại nhiệm vụ" in history


# --- webhook ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_reads_both_shapes_and_refuses_a_wrong_secret(sessions, tmp_path, zalo):
    port = free_port()
    url = f"http://127.0.0.1:{port}/zalo/hook"
    world = World.build(sessions, tmp_path)
    zalo_settings(
        world,
        zalo,
        zalo_webhook_url=url,
        zalo_webhook_secret=SecretStr("bi-mat-zalo-123"),
        listen_port=port,
    )
    code = world.invite("Sở Nội vụ")
    stop = asyncio.Event()
    serving = asyncio.create_task(run_channels(world.app, stop))
    try:
        await until(lambda: zalo.webhook.get("url") == url)
        assert zalo.webhook["secret_token"] == "bi-mat-zalo-123"
        update = {
            "event_name": "message.text.received",
            "message": {
                "from": {"id": "u601", "display_name": "Lan", "is_bot": False},
                "chat": {"id": "u601", "chat_type": "PRIVATE"},
                "text": f"/start {code}",
                "message_id": new_id(),
                "date": int(time.time() * 1000),
            },
        }
        assert (await post_webhook(url, None, update)).status_code == 403
        assert (await post_webhook(url, "doan-mo-sai", update)).status_code == 403
        assert zalo.sent_messages("u601") == []

        answered = await post_webhook(url, "bi-mat-zalo-123", update, "wrapped")
        assert answered.status_code == 200
        # The reply went out before the webhook answered.
        assert "Sở Nội vụ" in texts(zalo, "u601")[-1]
        again = await post_webhook(url, "bi-mat-zalo-123", update, "flat")  # a redelivery
        assert again.status_code == 200 and len(zalo.sent_messages("u601")) == 1

        # Messages the platform itself posts, in each shape.
        for shape in ("flat", "wrapped"):
            zalo.webhook_shape = shape  # type: ignore[assignment]
            before = sent_count(zalo)
            zalo.push_text("u601", "nhiemvu")
            await until(lambda before=before: sent_count(zalo) > before)
            assert "Nhiệm vụ của Sở Nội vụ" in texts(zalo, "u601")[-1]
        await until(lambda: len(zalo.webhook_deliveries) == 2)
        assert zalo.webhook_deliveries == [200, 200]
    finally:
        stop.set()
        await asyncio.wait_for(serving, 10)
