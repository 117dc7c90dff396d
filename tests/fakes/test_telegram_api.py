"""The fake Telegram Bot API, driven by the real python-telegram-bot client over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import html
import io
import json
import threading
import time
import warnings
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from tests.fakes.telegram_api import (
    Call,
    FakeTelegram,
    Fault,
    HtmlError,
    RateLimits,
    Upload,
    Window,
    fake_telegram_fixture,
    parse_telegram_html,
)

# RetryAfter warns about its int retry_after on construction; retry_seconds() copes with both.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

fake_telegram = fake_telegram_fixture()
shared_telegram = fake_telegram_fixture(name="shared_telegram", scope="module")

# Real text from the plans: a task, a deliverable with the stray list markup the Word
# conversion left in it, and an agency.
TASK = "Rà soát, tham mưu đơn giản hóa TTHC nội bộ giữa các cơ quan hành chính nhà nước"
DELIVERABLE_WITH_MARKUP = (
    '<ul style="list-style-type: none"> - Kế hoạch rà soát, đánh giá TTHC; - Phương án đơn giản hóa'
)
AGENCY = "Sở Tư pháp"


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    async with fake_telegram.bot() as bot:
        yield bot


class ManualClock:
    """A monotonic clock the test moves by hand, so rate-limit windows are exact."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int (deprecated) or a timedelta, depending on PTB settings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# --- getMe, messages, keyboards -------------------------------------------------------------


async def test_get_me_describes_the_bot(fake_telegram: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456789, "nhacviec_test_bot", True)
    assert fake_telegram.calls[0].method == "getMe"


async def test_a_message_with_an_inline_keyboard_is_echoed_and_kept(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Đã xong", callback_data="v1:done:12")]])
    fake_telegram.push_text(42, 42, "/nhiemvu")  # the user's message takes id 1 in chat 42

    first = await bot.send_message(42, TASK, reply_markup=keyboard)
    second = await bot.send_message(42, AGENCY)
    other_chat = await bot.send_message(-1001234567890, AGENCY)

    assert (first.message_id, second.message_id, other_chat.message_id) == (2, 3, 1)
    assert first.text == TASK
    assert first.reply_markup == keyboard
    assert first.chat.type == "private" and other_chat.chat.type == "supergroup"
    kept = fake_telegram.sent_messages(42)
    assert [message["text"] for message in kept] == [TASK, AGENCY]
    assert kept[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "v1:done:12"
    assert len(fake_telegram.sent_messages()) == 3


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"<b>{AGENCY}</b>: 3 nhiệm vụ quá hạn", f"{AGENCY}: 3 nhiệm vụ quá hạn"),
        # From plan 003: an italic fragment is valid Telegram HTML.
        ("Tổng hợp (<i>tổng hợp)</i>", "Tổng hợp (tổng hợp)"),
        (
            "Tỷ lệ hồ sơ đúng hạn &lt; 95% &amp; cần cải thiện",
            "Tỷ lệ hồ sơ đúng hạn < 95% & cần cải thiện",
        ),
        (html.escape(DELIVERABLE_WITH_MARKUP), DELIVERABLE_WITH_MARKUP),
        ('<a href="https://dichvucong.gov.vn">Cổng Dịch vụ công</a>', "Cổng Dịch vụ công"),
    ],
)
async def test_well_formed_html_is_shown_without_tags(bot: Bot, text: str, shown: str) -> None:
    message = await bot.send_message(42, text, parse_mode="HTML")
    assert message.text == shown


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # The plan's stray list markup, sent without escaping.
        (DELIVERABLE_WITH_MARKUP, 'unsupported start tag "ul" at byte offset 0'),
        ("Tỷ lệ hồ sơ đúng hạn < 95%", "unclosed start tag at byte offset"),
        ("Hạn chót <b>30/6/2025", 'can\'t find end tag corresponding to start tag "b"'),
        ("<b>Quá hạn</i>", 'expected "</b>", found "</i>"'),
        ("Quá hạn</b>", "unexpected end tag at byte offset"),
    ],
)
async def test_unescaped_html_is_refused_as_telegram_does(
    fake_telegram: FakeTelegram, bot: Bot, text: str, reason: str
) -> None:
    with pytest.raises(BadRequest) as refused:
        await bot.send_message(42, text, parse_mode="HTML")
    assert "can't parse entities" in refused.value.message.lower()
    assert reason in refused.value.message.lower()
    assert fake_telegram.sent_messages(42) == []


@pytest.mark.parametrize(
    ("text", "parse_mode", "accepted"),
    [
        ("ệ" * 4096, None, True),
        ("ệ" * 4097, None, False),
        # Tags do not count towards the limit, only the text after parsing.
        ("<b>" + "a" * 4096 + "</b>", "HTML", True),
        ("&lt;" * 4097, "HTML", False),
    ],
)
async def test_text_is_limited_to_4096_characters_after_parsing(
    bot: Bot, text: str, parse_mode: str | None, accepted: bool
) -> None:
    if accepted:
        await bot.send_message(42, text, parse_mode=parse_mode)
    else:
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(42, text, parse_mode=parse_mode)


@pytest.mark.parametrize(
    ("callback_data", "accepted"),
    [
        ("v1:done:" + "9" * 56, True),  # 64 bytes
        ("v1:done:" + "9" * 57, False),  # 65 bytes
        # 54 characters, but 72 bytes in UTF-8.
        ("v1:coquan:Sở Tư pháp, Sở Nội vụ, Sở Tài chính, Sở Y tế", False),
    ],
)
async def test_callback_data_is_limited_to_64_bytes(
    bot: Bot, callback_data: str, accepted: bool
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Chọn", callback_data=callback_data)]])
    if accepted:
        await bot.send_message(42, TASK, reply_markup=keyboard)
    else:
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(42, TASK, reply_markup=keyboard)


async def test_edits_and_deletions_change_what_the_chat_shows(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Gia hạn", callback_data="v1:ext:3")]])
    sent = await bot.send_message(42, TASK, reply_markup=keyboard)

    edited = await bot.edit_message_text(f"<s>{TASK}</s>", 42, sent.message_id, parse_mode="HTML")
    assert not isinstance(edited, bool) and edited.edit_date is not None
    assert fake_telegram.sent_messages(42)[0]["text"] == TASK
    assert fake_telegram.sent_messages(42)[0]["entities"][0]["type"] == "strikethrough"
    assert "reply_markup" not in fake_telegram.sent_messages(42)[0]  # the edit dropped it
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(f"<s>{TASK}</s>", 42, sent.message_id, parse_mode="HTML")
    await bot.edit_message_reply_markup(42, sent.message_id, reply_markup=keyboard)
    assert fake_telegram.sent_messages(42)[0]["reply_markup"] == keyboard.to_dict()

    assert await bot.delete_message(42, sent.message_id)
    assert fake_telegram.sent_messages(42) == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(42, sent.message_id)


async def test_a_button_press_arrives_as_a_callback_query_that_can_be_answered(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Đã xong", callback_data="v1:done:7")]])
    sent = await bot.send_message(42, TASK, reply_markup=keyboard)

    update_id = fake_telegram.push_callback(42, 42, "v1:done:7", sent.message_id)
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query is not None and update.update_id == update_id
    assert (query.data, query.from_user.id, query.message.message_id) == (
        "v1:done:7",
        42,
        sent.message_id,
    )
    assert await query.answer("Đã ghi nhận")
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("no-such-query")


async def test_chat_actions_and_commands_are_recorded(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    assert await bot.send_chat_action(42, "typing")
    commands = [BotCommand("nhiemvu", "Xem nhiệm vụ của cơ quan"), BotCommand("start", "Bắt đầu")]
    assert await bot.set_my_commands(commands, language_code="vi")

    assert await bot.get_my_commands(language_code="vi") == tuple(commands)
    assert await bot.get_my_commands() == ()
    assert [command["command"] for command in fake_telegram.my_commands("vi")] == [
        "nhiemvu",
        "start",
    ]
    (action,) = fake_telegram.calls_to("sendChatAction")
    assert action.params == {"chat_id": 42, "action": "typing"}


# --- files ----------------------------------------------------------------------------------


async def test_a_user_document_is_downloaded_through_get_file(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    plan = "Kế hoạch cải cách hành chính năm 2025\n".encode()
    file_id = fake_telegram.add_file(plan, "ke_hoach_cchc_2025.docx", "application/msword")
    fake_telegram.push_document(42, 42, file_id, caption="Kế hoạch mới")

    (update,) = await bot.get_updates()
    document = update.message.document
    assert (document.file_name, document.file_size, update.message.caption) == (
        "ke_hoach_cchc_2025.docx",
        len(plan),
        "Kế hoạch mới",
    )
    telegram_file = await document.get_file()
    out = io.BytesIO()
    await telegram_file.download_to_memory(out)
    assert out.getvalue() == plan
    assert fake_telegram.calls_to("downloadFile")[0].ok


async def test_a_photo_from_a_group_member_reaches_the_bot(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    chart = b"\xff\xd8\xff\xe0 anh chup bien ban"
    file_id = fake_telegram.add_file(chart, "bien_ban.jpg", "image/jpeg")
    fake_telegram.push_photo(-1001234567890, 7, file_id, caption="Biên bản họp")

    (update,) = await bot.get_updates()
    message = update.message
    assert (message.chat.type, message.from_user.id, message.caption) == (
        "supergroup",
        7,
        "Biên bản họp",
    )
    downloaded = await (await message.photo[-1].get_file()).download_as_bytearray()
    assert bytes(downloaded) == chart
    assert (await bot.get_chat(-1001234567890)).type == "supergroup"
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.get_chat(-1009999)


async def test_files_over_20_mb_cannot_be_fetched(fake_telegram: FakeTelegram, bot: Bot) -> None:
    file_id = fake_telegram.add_file(b"...", "scan.pdf", "application/pdf", file_size=25_000_000)
    with pytest.raises(BadRequest, match="File is too big"):
        await bot.get_file(file_id)


async def test_uploaded_documents_and_photos_are_recorded_with_their_bytes(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    report = b"%PDF-1.4 bao cao tien do"
    chart = b"\x89PNG\r\n\x1a\n chart"
    sent = await bot.send_document(42, report, filename="bao_cao.pdf", caption="Báo cáo tuần")
    photo = await bot.send_photo(42, chart, caption="Tiến độ")

    assert (sent.document.file_name, sent.caption) == ("bao_cao.pdf", "Báo cáo tuần")
    assert fake_telegram.file_bytes(sent.document.file_id) == report
    assert fake_telegram.file_bytes(photo.photo[-1].file_id) == chart
    upload = fake_telegram.calls_to("sendDocument")[0].params["document"]
    assert upload == Upload("bao_cao.pdf", report, "application/pdf")


# --- updates --------------------------------------------------------------------------------


async def test_get_updates_acknowledges_by_offset_and_honours_limit(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    ids = [fake_telegram.push_text(42, 42, text) for text in ("/start", "/nhiemvu", "/baocao")]

    assert [u.update_id for u in await bot.get_updates(limit=1)] == ids[:1]
    assert [u.update_id for u in await bot.get_updates()] == ids  # nothing acknowledged yet
    # offset = second id acknowledges the first without delivering anything new.
    assert [u.update_id for u in await bot.get_updates(offset=ids[1])] == ids[1:]
    assert [u.update_id for u in await bot.get_updates(offset=ids[2] + 1)] == []
    assert fake_telegram.pending_updates == []
    assert all(isinstance(u, int) for u in ids) and ids == sorted(ids)


async def test_a_duplicate_update_is_delivered_again_with_the_same_id(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    update_id = fake_telegram.push_command(42, 42, "/start")
    (first,) = await bot.get_updates()
    assert await bot.get_updates(offset=update_id + 1) == ()

    fake_telegram.push_duplicate(update_id)
    (again,) = await bot.get_updates(offset=update_id + 1)
    assert again == first and again.message.text == "/start"
    assert await bot.get_updates(offset=update_id + 1) == ()


async def test_a_long_poll_returns_as_soon_as_an_update_is_pushed(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    async def push_later() -> None:
        await asyncio.sleep(0.2)
        fake_telegram.push_text(-1001234567890, 7, TASK, message_thread_id=5)

    started = time.monotonic()
    pusher = asyncio.create_task(push_later())
    (update,) = await bot.get_updates(timeout=5)
    await pusher
    assert time.monotonic() - started < 2
    message = update.message
    assert (message.chat.type, message.message_thread_id, message.is_topic_message) == (
        "supergroup",
        5,
        True,
    )


async def test_allowed_updates_is_sticky(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.push_text(42, 42, "bỏ qua")
    assert await bot.get_updates(allowed_updates=["callback_query"]) == ()
    callback_id = fake_telegram.push_callback(42, 42, "v1:done:1", 99)
    fake_telegram.push_text(42, 42, "cũng bỏ qua")
    # Not sent again: the earlier setting still applies.
    assert [u.update_id for u in await bot.get_updates()] == [callback_id]


async def test_an_application_polling_answers_a_pushed_command(
    fake_telegram: FakeTelegram,
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text("Xin chào")

    application = (
        ApplicationBuilder()
        .token(fake_telegram.token)
        .base_url(fake_telegram.base_url)
        .base_file_url(fake_telegram.base_file_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.05, timeout=1)
    try:
        fake_telegram.push_command(42, 42, "/start", first_name="Lan")
        reply = await fake_telegram.wait_for(lambda call: call.method == "sendMessage", 5)
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()

    assert (reply.params["chat_id"], reply.params["text"], reply.ok) == (42, "Xin chào", True)
    assert fake_telegram.pending_updates == []  # the final getUpdates acknowledged it
    assert [call.method for call in fake_telegram.calls[:2]] == ["getMe", "deleteWebhook"]
    assert all(call.status != 409 for call in fake_telegram.calls)


async def test_a_second_concurrent_poll_gets_409(fake_telegram: FakeTelegram) -> None:
    async with fake_telegram.bot() as first, fake_telegram.bot() as second:
        polling = asyncio.create_task(first.get_updates(timeout=3))
        await asyncio.sleep(0.1)
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await second.get_updates()
        fake_telegram.push_text(42, 42, "/start")
        assert len(await polling) == 1


async def test_polling_is_refused_while_a_webhook_is_set(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    assert await bot.set_webhook("https://nhacviec.example/tg", secret_token="bi-mat_123")
    assert fake_telegram.webhook["secret_token"] == "bi-mat_123"
    assert (await bot.get_webhook_info()).url == "https://nhacviec.example/tg"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    with pytest.raises(BadRequest, match="unallowed characters"):
        await bot.set_webhook("https://nhacviec.example/tg", secret_token="bí mật")

    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


# --- injected failures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "error_type", "message"),
    [
        (Fault.too_many_requests(7), RetryAfter, "Flood control exceeded"),
        (Fault.blocked_by_user(), Forbidden, "Forbidden: bot was blocked by the user"),
        (Fault.internal_error(), NetworkError, "Internal Server Error"),
        (Fault.bad_request("chat not found"), BadRequest, "Chat not found"),
        (Fault.chat_migrated(-1009876543210), ChatMigrated, "Group migrated"),
    ],
)
async def test_an_injected_fault_raises_ptbs_error_once(
    fake_telegram: FakeTelegram,
    bot: Bot,
    fault: Fault,
    error_type: type[TelegramError],
    message: str,
) -> None:
    fake_telegram.fail_next("sendMessage", fault)
    with pytest.raises(TelegramError) as raised:
        await bot.send_message(42, TASK)
    assert type(raised.value) is error_type
    assert message in raised.value.message
    await bot.send_message(42, TASK)  # the fault was used up
    assert [call.status for call in fake_telegram.calls_to("sendMessage")] == [fault.status, 200]


async def test_429_carries_retry_after_and_faults_can_repeat(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.fail_next("sendmessage", Fault.too_many_requests(7), times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as raised:
            await bot.send_message(42, TASK)
        assert retry_seconds(raised.value) == 7
    call = fake_telegram.calls_to("sendMessage")[0]
    assert call.response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    await bot.send_message(42, TASK)


async def test_a_slow_answer_times_out_but_the_message_is_still_sent(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.fail_next("sendMessage", Fault.slow(1.0))
    with pytest.raises(TimedOut):
        await bot.send_message(42, TASK, read_timeout=0.2)

    call = await fake_telegram.wait_for("sendMessage", timeout=3)
    assert call.ok
    assert [message["text"] for message in fake_telegram.sent_messages(42)] == [TASK]


# --- rate limiter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limits", "chat_ids", "retry_after"),
    [
        # Default per private chat: a burst of 3 in any 3 s.
        (RateLimits(), [42, 42, 42, 42], [None, None, None, 3]),
        (RateLimits(private_chat=Window(1, 1.0)), [42, 43, 42], [None, None, 1]),
        # 20 a minute per group, whatever the private limit.
        (RateLimits(), [-1001234567890] * 21, [None] * 20 + [60]),
        # 30 a second overall, across 31 different people.
        (RateLimits(), list(range(1, 32)), [None] * 30 + [1]),
    ],
)
async def test_the_rate_limiter_answers_429_past_the_limits(
    limits: RateLimits, chat_ids: list[int], retry_after: list[int | None]
) -> None:
    clock = ManualClock()
    with FakeTelegram(rate_limits=limits, clock=clock) as tg:
        async with tg.bot() as bot:
            answered: list[int | None] = []
            for chat_id in chat_ids:
                try:
                    await bot.send_message(chat_id, AGENCY)
                    answered.append(None)
                except RetryAfter as error:
                    answered.append(int(retry_seconds(error)))
            assert answered == retry_after
            assert tg.rate_limited_count == len([wait for wait in retry_after if wait])

            clock.now += max(wait or 0 for wait in retry_after)
            await bot.send_message(chat_ids[-1], AGENCY)  # the window has moved on


async def test_the_rate_limiter_is_off_by_default(fake_telegram: FakeTelegram, bot: Bot) -> None:
    for _ in range(5):
        await bot.send_message(42, AGENCY)
    assert fake_telegram.rate_limited_count == 0


# --- wire format ----------------------------------------------------------------------------


def test_get_json_and_form_requests_are_all_understood(shared_telegram: FakeTelegram) -> None:
    api = f"{shared_telegram.base_url}{shared_telegram.token}"
    keyboard = {"inline_keyboard": [[{"text": "Xong", "callback_data": "v1:done:1"}]]}
    with httpx.Client() as client:
        by_query = client.get(f"{api}/sendMessage", params={"chat_id": "7", "text": "42"}).json()
        by_json = client.post(
            f"{api}/sendmessage", json={"chat_id": 7, "text": AGENCY, "reply_markup": keyboard}
        ).json()
        by_form = client.post(
            f"{api}/sendMessage",
            data={"chat_id": "7", "text": "true", "reply_markup": json.dumps(keyboard)},
        ).json()
        unknown = client.post(f"{api}/sendCarrierPigeon", data={"chat_id": "7"})

    # Free text stays text even when it looks like JSON.
    assert (by_query["result"]["text"], by_query["result"]["chat"]["id"]) == ("42", 7)
    assert by_json["result"]["reply_markup"] == keyboard
    assert (by_form["result"]["text"], by_form["result"]["reply_markup"]) == ("true", keyboard)
    assert (unknown.status_code, unknown.json()["ok"]) == (404, False)
    assert shared_telegram.calls[-2].method == "sendMessage"


async def test_a_wrong_token_is_unauthorized(fake_telegram: FakeTelegram) -> None:
    wrong = Bot("999:wrong", base_url=fake_telegram.base_url)
    with pytest.raises(InvalidToken):
        await wrong.initialize()


def test_wait_for_blocking_sees_calls_from_another_thread(fake_telegram: FakeTelegram) -> None:
    def send_later() -> None:
        time.sleep(0.1)
        httpx.post(
            f"{fake_telegram.base_url}{fake_telegram.token}/sendMessage",
            data={"chat_id": "5", "text": TASK},
        )

    sender = threading.Thread(target=send_later)
    sender.start()
    call = fake_telegram.wait_for_blocking(lambda c: c.method == "sendMessage", timeout=3)
    sender.join()
    assert isinstance(call, Call) and call.params == {"chat_id": 5, "text": TASK}
    with pytest.raises(TimeoutError):
        fake_telegram.wait_for_blocking("deleteMessage", timeout=0.05)


async def test_stopping_does_not_wait_for_a_long_poll() -> None:
    tg = FakeTelegram().start()
    bot = tg.bot()
    await bot.initialize()
    polling = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=35))
    await asyncio.sleep(0.1)

    started = time.monotonic()
    tg.stop()
    assert time.monotonic() - started < 3
    with contextlib.suppress(NetworkError):  # the connection may be cut rather than answered
        await asyncio.wait_for(polling, 5)
    await bot.shutdown()


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text())
def test_html_parsing_either_parses_or_refuses_and_escaping_round_trips(text: str) -> None:
    try:
        plain, entities = parse_telegram_html(text)
    except HtmlError:
        pass
    else:
        assert len(plain) <= len(text)
        assert all(entity["length"] > 0 for entity in entities)
    assert parse_telegram_html(html.escape(text)) == (text, [])


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client() as client:
        yield client


@settings(max_examples=100)
@given(text=st.text(), parse_mode=st.sampled_from(["", "HTML"]))
def test_any_text_is_answered_200_or_400_never_a_crash(
    shared_telegram: FakeTelegram, http: httpx.Client, text: str, parse_mode: str
) -> None:
    shared_telegram.push_text(42, 42, text)
    answer = http.post(
        f"{shared_telegram.base_url}{shared_telegram.token}/sendMessage",
        data={"chat_id": "42", "text": text, "parse_mode": parse_mode},
    )
    assert answer.status_code in (200, 400)
    assert answer.json()["ok"] is (answer.status_code == 200)
