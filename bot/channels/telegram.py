"""The Telegram channel: python-telegram-bot's Bot for the API, our own loop for updates.

Updates are taken with getUpdates and acknowledged (by the next call's offset) only after
their unit of work has committed, so a crash never loses one; in webhook mode the HTTP answer
waits for the commit in the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from telegram import Bot as TelegramBot
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest

from bot.app import App
from bot.channels.base import (
    REPLY_ATTEMPTS,
    REPLY_PATIENCE,
    BadUpdate,
    ChatApp,
    poll_pause,
    reply_pause,
    sleep_or_stop,
    unless_stopped,
    webhook_route,
)
from handlers.markup import split_text
from handlers.messages import Attachment, Capabilities, Incoming, Reply, Sender
from handlers.registry import MENU
from i18n import gettext, use_language
from jobs.dispatch import DeliveryError, Rejected, RetryLater, Unreachable
from jobs.ratelimit import TELEGRAM, RateLimiter
from services.evidence import allowed_file
from services.messages import Button, OutboxMessage

log = logging.getLogger(__name__)

CHANNEL = "telegram"
TEXT_LIMIT = 4096
ALLOWED_UPDATES = ["message", "callback_query"]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def make_bot(app: App) -> TelegramBot:
    token = app.settings.telegram_bot_token
    assert token is not None
    base = app.settings.telegram_api_base_url.rstrip("/")
    return TelegramBot(
        token.get_secret_value(),
        base_url=f"{base}/bot",
        base_file_url=f"{base}/file/bot",
        request=HTTPXRequest(connection_pool_size=8, read_timeout=15, write_timeout=30),
        get_updates_request=HTTPXRequest(read_timeout=40),
    )


class TelegramChannel(ChatApp):
    name = CHANNEL
    capabilities = Capabilities(receives_files=True, numbered_choices=False)
    send_errors = (TelegramError,)

    def __init__(self, app: App, bot: TelegramBot) -> None:
        super().__init__(app, limiter=RateLimiter(TELEGRAM))
        self.bot = bot
        self.username: str | None = None

    async def connect(self) -> None:
        """Connect and register the command menu."""
        await self.bot.initialize()
        self.username = self.bot.username
        for language in ("vi", "en"):
            with use_language(language):
                commands = [BotCommand(name, gettext(text)) for name, text in MENU]
            await self.bot.set_my_commands(
                commands, language_code=None if language == "vi" else language
            )

    async def disconnect(self) -> None:
        await self.bot.shutdown()

    async def poll(self, stop: asyncio.Event, timeout: int = 25) -> None:
        """Long-poll until ``stop`` is set; each update is handled before the next is asked for."""
        await self.bot.delete_webhook()
        offset: int | None = None
        failures = 0
        while not stop.is_set():
            try:
                updates = await unless_stopped(
                    stop,
                    self.bot.get_updates(
                        offset=offset, timeout=timeout, allowed_updates=ALLOWED_UPDATES
                    ),
                )
            except TimedOut:
                continue
            except RetryAfter as error:
                await sleep_or_stop(stop, _seconds(error.retry_after))
                continue
            except TelegramError as error:
                failures += 1
                log.warning("getUpdates failed (%s); retrying", error)
                await sleep_or_stop(stop, poll_pause(failures))
                continue
            failures = 0
            for update in updates or ():
                await self.handle(update)
                offset = update.update_id + 1
        if offset is not None:
            # Acknowledge the last handled update before leaving.
            await self.bot.get_updates(offset=offset, timeout=0, allowed_updates=ALLOWED_UPDATES)

    async def handle(self, update: Update) -> None:
        incoming = await self.to_incoming(update)
        if incoming is not None:
            await self._answer(update, incoming)

    async def _answer(self, update: Update, incoming: Incoming) -> None:
        query = update.callback_query
        await self.answer(
            incoming,
            # Stop the button's spinner.
            acknowledge=partial(retrying, query.answer) if query is not None else None,
            edit_target=query.message if query is not None else None,
        )

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)

    def webhook_route(self, path: str, secret: str) -> Any:
        """Telegram posts each update here with its secret-token header."""

        async def receive(body: Any) -> None:
            update = to_update(body, self.bot)
            try:
                incoming = await self.to_incoming(update)
            except (AttributeError, TypeError, ValueError) as error:  # parts of the wrong shape
                raise BadUpdate(f"{type(error).__name__}: {error}") from error
            if incoming is not None:
                await self._answer(update, incoming)

        return webhook_route(path, SECRET_HEADER, secret, receive, ready=lambda: self.connected)

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        """The outbox's transport: one message, errors mapped to what the dispatcher does."""
        markup = _keyboard(message.buttons)
        thread = message.thread_id
        text = message.text
        photo = message.photo
        try:
            if photo is not None:
                await self.bot.send_photo(
                    int(chat_id),
                    photo.content,
                    filename=photo.file_name,
                    caption=text[:1024] or None,
                    parse_mode=ParseMode.HTML,
                    message_thread_id=int(thread) if thread else None,
                    reply_markup=markup,
                )
            else:
                await self.bot.send_message(
                    int(chat_id),
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    message_thread_id=int(thread) if thread else None,
                )
        except RetryAfter as error:
            raise RetryLater(_seconds(error.retry_after)) from error
        except Forbidden as error:
            raise Unreachable(str(error)) from error
        except BadRequest as error:
            if "chat not found" in str(error).lower():
                raise Unreachable(str(error)) from error
            raise Rejected(str(error)) from error
        except ChatMigrated as error:  # a group became a supergroup: its binding must be redone
            raise Rejected(str(error)) from error
        except TelegramError as error:
            raise DeliveryError(str(error)) from error

    async def to_incoming(self, update: Update) -> Incoming | None:
        key = str(update.update_id)
        query = update.callback_query
        if query is not None and query.message is not None and query.data:
            chat = query.message.chat
            return self.incoming(
                self._sender(query.from_user, chat, query.message), key, button=query.data
            )
        message = update.message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return None
        sender = self._sender(message.from_user, message.chat, message)
        reply_to = _replied_card(message)
        text = message.text or message.caption or ""
        if text.startswith("/"):
            words = text.split()
            name = words[0][1:].split("@", 1)
            if len(name) == 2 and self.username and name[1].lower() != self.username.lower():
                return None  # a command for another bot in the same group
            return self.incoming(
                sender, key, command=name[0].lower(), args=tuple(words[1:]), reply_to=reply_to
            )
        attachment = await self._attachment(message)
        if attachment is not None:
            return self.incoming(
                sender, key, attachment=attachment, text=text or None, reply_to=reply_to
            )
        if message.text is None:
            return None
        return self.incoming(sender, key, text=text, reply_to=reply_to)

    def _sender(self, user, chat, message: Message) -> Sender:  # type: ignore[no-untyped-def]
        thread = message.message_thread_id if message.is_topic_message else None
        return self.sender(
            str(user.id),
            str(chat.id),
            display_name=user.full_name,
            chat_type="private" if chat.type == "private" else "group",
            thread_id=str(thread) if thread else None,
            language=(user.language_code or "vi")[:2],
        )

    async def _attachment(self, message: Message) -> Attachment | None:
        if message.document is not None:
            doc = message.document
            kind, file_id, name = "document", doc.file_id, doc.file_name or "tep"
            mime, size = doc.mime_type, doc.file_size
        elif message.photo:
            photo = message.photo[-1]  # the largest size
            kind, file_id, name = "photo", photo.file_id, f"anh-{message.message_id}.jpg"
            mime, size = "image/jpeg", photo.file_size
        else:
            return None
        content = None
        if allowed_file(name, mime, size) is None:
            try:
                file = await retrying(partial(self.bot.get_file, file_id))
                content = bytes(await retrying(file.download_as_bytearray))
            except TelegramError:
                log.warning("could not download %s", file_id, exc_info=True)
        return Attachment(kind=kind, file_name=name, mime_type=mime, size=size, content=content)  # type: ignore[arg-type]

    async def send(
        self, sender: Sender, replies: Iterable[Reply], edit_target: Message | None = None
    ) -> None:
        """HTML text with inline buttons; a button's answer edits the message it came from
        where the reply asks to (``Reply.edit``); long text is split at line breaks."""
        chat_id = int(sender.chat_id)
        thread = int(sender.thread_id) if sender.thread_id else None
        group = sender.chat_type == "group"

        async def post(call: Callable[[], Awaitable[Message]]) -> None:
            # A new message in the chat: counted by the outbox's limiter as it goes.
            async with self.counted(sender.chat_id, group):
                await retrying(call)

        for reply in replies:
            markup = _keyboard(reply.buttons)
            if reply.document is not None:
                await post(
                    partial(
                        self.bot.send_document,
                        chat_id,
                        reply.document.content,
                        filename=reply.document.file_name,
                        caption=reply.text[:1024] or None,
                        parse_mode=ParseMode.HTML,
                        message_thread_id=thread,
                    )
                )
                continue
            if reply.photo is not None:
                await post(
                    partial(
                        self.bot.send_photo,
                        chat_id,
                        reply.photo.content,
                        caption=reply.text[:1024] or None,
                        parse_mode=ParseMode.HTML,
                        message_thread_id=thread,
                    )
                )
                continue
            if reply.edit and edit_target is not None and len(reply.text) <= TEXT_LIMIT:
                try:
                    await retrying(
                        partial(
                            self.bot.edit_message_text,
                            reply.text,
                            chat_id=chat_id,
                            message_id=edit_target.message_id,
                            parse_mode=ParseMode.HTML,
                            reply_markup=markup,
                        )
                    )
                    continue
                except BadRequest as error:
                    if "not modified" in str(error).lower():
                        continue
                    log.info("edit failed, sending anew: %s", error)
            chunks = split_text(reply.text, TEXT_LIMIT)
            for index, chunk in enumerate(chunks):
                last = index == len(chunks) - 1
                try:
                    await post(
                        partial(
                            self.bot.send_message,
                            chat_id,
                            chunk,
                            parse_mode=ParseMode.HTML,
                            reply_markup=markup if last else None,
                            message_thread_id=thread,
                        )
                    )
                except Forbidden:
                    log.info("chat %s blocked the bot", chat_id)
                    return


T = TypeVar("T")


async def retrying(call: Callable[[], Awaitable[T]], attempts: int = REPLY_ATTEMPTS) -> T:
    """``call()``, made again after a 429 (its retry_after), a 5xx, a timeout or a dropped
    connection; what the request itself got wrong (400, 403) is raised at once."""
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except RetryAfter as error:
            wait = _seconds(error.retry_after)
            if attempt == attempts or wait > REPLY_PATIENCE:
                raise
            await asyncio.sleep(wait)
        except BadRequest:
            raise
        except NetworkError:  # 5xx, timeouts, connections refused or dropped
            if attempt == attempts:
                raise
            await asyncio.sleep(reply_pause(attempt))
    raise AssertionError("unreachable")


def to_update(body: Any, bot: TelegramBot) -> Update:
    """The update a webhook body holds; BadUpdate for anything else (``[]``, ``{}``, ``null``,
    an update_id that is no number, fields of the wrong shape)."""
    if not isinstance(body, dict):
        raise BadUpdate("not a JSON object")
    update_id = body.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise BadUpdate("no update_id")
    try:
        update = Update.de_json(body, bot)
    except Exception as error:  # the library's own reading of a malformed update
        raise BadUpdate(f"{type(error).__name__}: {error}") from error
    if update is None:
        raise BadUpdate("empty")
    message, query = update.message, update.callback_query
    if message is not None and message.chat is None:
        raise BadUpdate("a message in no chat")
    if query is not None and query.from_user is None:
        raise BadUpdate("a button press by nobody")
    return update


def _replied_card(message: Message) -> str | None:
    """What a reply points at: the first button of the bot message replied to (a task card's
    buttons all name the task), else that message's id."""
    replied = message.reply_to_message
    if replied is None:
        return None
    markup = replied.reply_markup
    if replied.from_user is not None and replied.from_user.is_bot and markup is not None:
        for row in markup.inline_keyboard:
            for button in row:
                if isinstance(button.callback_data, str):
                    return button.callback_data
    return str(replied.message_id)


def _seconds(value: object) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)  # type: ignore[arg-type]


def _keyboard(buttons: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in buttons]
    )
