"""The Zalo channel: a thin client of the Zalo Bot Platform API on httpx, and the adapter that
lets the channel-agnostic handlers talk through it.

Zalo has no buttons, no HTML and no file uploads, so each reply becomes plain text with its
buttons as numbered choices ("Trả lời 1, 2 hoặc 3"); the last choices shown to a person are
kept in the database (``ConversationState.data["_menu"]``), so an answer "2" means the same
after a restart. Updates carry no update_id: each message is processed once by its message id.
Facts about the platform and what is unconfirmed: docs/MESSAGING_APIS.md, section 1.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.app import App
from bot.updates import process
from handlers.common import t
from handlers.markup import split_text, to_plain
from handlers.messages import Attachment, Incoming, Reply, Sender
from handlers.registry import COMMANDS, PUBLIC_COMMANDS
from i18n import N_, use_language
from jobs import dispatch as _dispatch
from jobs.dispatch import DeliveryError, RetryLater, Unreachable, drain
from models import ChannelAccount, ConversationState, ProcessedUpdate
from services.evidence import DOWNLOAD_LIMIT
from services.messages import OutboxMessage
from services.people import find_account

log = logging.getLogger(__name__)

CHANNEL = "zalo"
DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
TEXT_LIMIT = 2000  # sendMessage text: 1-2000 characters
SECRET_HEADER = "X-Bot-Api-Secret-Token"

# Event names (MESSAGING_APIS.md 1.5).
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
STICKER_EVENT = "message.sticker.received"
UNSUPPORTED_EVENT = "message.unsupported.received"

MENU_KEY = "_menu"  # reserved key in ConversationState.data: the button data of the last choices
MENU_ONLY_STEP = ""  # the step of a state row that holds only a menu, no conversation step
EVIDENCE_STEP = "evidence"  # handlers.evidence.STEP: images are downloaded only then

# A refusal of the message itself (400): permanent where the dispatcher knows the kind.
Rejected: type[DeliveryError] = getattr(_dispatch, "Rejected", DeliveryError)

# Defaults while bot/settings.py has no Zalo fields yet; Zalo publishes no rate limits.
DEFAULT_SEND_INTERVAL = 0.2  # seconds between two sends of this process (5 a second at most)
DEFAULT_RETRY_AFTER = 60.0  # seconds to wait after a 429: Zalo says "Quota exceeded", not how long

# TRANSLATORS: the line under numbered choices when there is only one.
REPLY_ONE = N_("Reply %(number)d.")
# TRANSLATORS: the line under 2 to 4 numbered choices: "Reply 1, 2 or 3."
REPLY_SOME = N_("Reply %(numbers)s or %(last)d.")
# TRANSLATORS: the line under 5 or more numbered choices.
REPLY_RANGE = N_("Reply with a number from %(first)d to %(last)d.")
FILE_NOT_SENT = N_(
    "The file %(name)s cannot be sent through Zalo. Open it on Telegram, or ask the "
    "coordinator for it."
)
UNSUPPORTED = N_(
    "Zalo does not pass this kind of message on to me. Send text, or a photo of the document; "
    "documents themselves can be sent on Telegram."
)

_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.)]?\s*")


# --- The HTTP client ------------------------------------------------------------------------


class ZaloError(Exception):
    """A call that did not succeed; never carries the token (it is part of the URL)."""


class ZaloNetworkError(ZaloError):
    """No answer: the connection failed or timed out."""


class ZaloTimeout(ZaloNetworkError):
    """No answer in time (for a long poll: nothing happened)."""


class ZaloApiError(ZaloError):
    """The platform answered ``ok: false`` (with HTTP 200 or with the error's own status)."""

    def __init__(self, method: str, error_code: int, description: str) -> None:
        super().__init__(f"{method}: {error_code} {description}")
        self.method = method
        self.error_code = error_code
        self.description = description


class ZaloBot:
    """``<base>/bot<TOKEN>/<method>``, JSON in, ``{"ok", "result"}`` out."""

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._prefix = f"{base_url.rstrip('/')}/bot{token}"
        self._timeout = timeout
        self._client = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(
        self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None
    ) -> Any:
        """The ``result`` of ``method``; raises ZaloApiError or ZaloNetworkError."""
        try:
            response = await self._client.post(
                f"{self._prefix}/{method}", json=params or {}, timeout=timeout or self._timeout
            )
        except httpx.TimeoutException as error:
            raise ZaloTimeout(f"{method}: {type(error).__name__}") from None
        except httpx.HTTPError as error:
            raise ZaloNetworkError(f"{method}: {type(error).__name__}") from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("ok") is True and response.is_success:
            return body.get("result")
        code = body.get("error_code") if isinstance(body, dict) else None
        if not isinstance(code, int) or isinstance(code, bool):
            code = response.status_code if not response.is_success else 0
        description = body.get("description") if isinstance(body, dict) else None
        raise ZaloApiError(method, code, str(description or response.reason_phrase))

    async def get_me(self) -> dict[str, Any]:
        return dict(await self.call("getMe") or {})

    async def get_updates(self, timeout: int = 30) -> list[dict[str, Any]]:
        """What one long poll brought: one update (Zalo sends one per call), or none when the
        poll ended with 408 "Request timeout"."""
        try:
            result = await self.call(
                "getUpdates", {"timeout": str(timeout)}, timeout=timeout + 10.0
            )
        except ZaloApiError as error:
            if error.error_code == 408:
                return []
            raise
        except ZaloTimeout:
            return []
        if isinstance(result, dict):
            return [result]
        return [u for u in result if isinstance(u, dict)] if isinstance(result, list) else []

    async def set_webhook(self, url: str, secret_token: str) -> dict[str, Any]:
        if not 8 <= len(secret_token) <= 256:
            raise ValueError("Zalo's webhook secret must have 8 to 256 characters")
        return dict(await self.call("setWebhook", {"url": url, "secret_token": secret_token}))

    async def get_webhook_info(self) -> dict[str, Any]:
        return dict(await self.call("getWebhookInfo") or {})

    async def delete_webhook(self) -> dict[str, Any]:
        return dict(await self.call("deleteWebhook") or {})

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        return dict(await self.call("sendMessage", {"chat_id": chat_id, "text": text}) or {})

    async def send_photo(
        self, chat_id: str, photo_url: str, caption: str | None = None
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return dict(await self.call("sendPhoto", params) or {})

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def download(self, url: str, limit: int) -> tuple[bytes | None, str | None, int]:
        """(content, content type, size) of a file the platform points at; content None when
        it is larger than ``limit`` bytes (then size is ``limit + 1``) or not fetched."""
        if urlparse(url).scheme not in ("http", "https"):
            return None, None, 0
        try:
            async with self._client.stream("GET", url, follow_redirects=True) as response:
                if not response.is_success:
                    return None, None, 0
                kind = response.headers.get("content-type", "").split(";")[0].strip() or None
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        return None, kind, limit + 1
                    chunks.append(chunk)
                return b"".join(chunks), kind, size
        except httpx.HTTPError:
            log.warning("could not download an image from Zalo", exc_info=True)
            return None, None, 0


def make_bot(app: App) -> ZaloBot:
    token = _secret(getattr(app.settings, "zalo_bot_token", None))
    assert token, "ZALO_BOT_TOKEN must be set"
    base = getattr(app.settings, "zalo_api_base_url", None) or DEFAULT_BASE_URL
    return ZaloBot(token, base)


def _secret(value: object) -> str | None:
    if value is None:
        return None
    getter = getattr(value, "get_secret_value", None)
    return str(getter() if callable(getter) else value)


# --- Updates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZaloUpdate:
    """One event, read leniently: field names drift between the docs and what is delivered."""

    event_name: str
    message_id: str
    chat_id: str
    chat_type: str  # "PRIVATE" or "GROUP"
    user_id: str
    display_name: str | None
    is_bot: bool
    text: str | None
    photo_url: str | None
    date: datetime | None


def parse_update(body: object) -> ZaloUpdate | None:
    """The update in a webhook body or a getUpdates result: flat ``{event_name, message}`` or
    wrapped ``{ok, result: {event_name, message}}``; None for anything else."""
    if not isinstance(body, dict):
        return None
    if "message" not in body and isinstance(body.get("result"), dict):
        body = body["result"]
    message = body.get("message")
    if not isinstance(message, dict):
        return None
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    user_id = str(sender.get("id") or "")
    chat_id = str(chat.get("id") or user_id)
    if not user_id or not chat_id:
        return None
    text = message.get("text")
    photo = next(
        (
            message[key]
            for key in ("photo", "photo_url", "image_url")
            if isinstance(message.get(key), str) and message[key]
        ),
        None,
    )
    event = str(body.get("event_name") or message.get("event_name") or "")
    if not event:
        event = TEXT_EVENT if isinstance(text, str) else IMAGE_EVENT if photo else ""
    if event == IMAGE_EVENT and photo is None and isinstance(message.get("url"), str):
        photo = message["url"]
    if event == IMAGE_EVENT:
        text = message.get("caption") if isinstance(message.get("caption"), str) else None
    date = message.get("date")
    when = (
        datetime.fromtimestamp(date / 1000, UTC)
        if isinstance(date, int | float) and not isinstance(date, bool)
        else None
    )
    message_id = str(message.get("message_id") or "")
    if not message_id:
        # No id to deduplicate on: the event, the chat and the millisecond it was written.
        message_id = f"{event}:{chat_id}:{date}"
    return ZaloUpdate(
        event_name=event,
        message_id=message_id[:100],
        chat_id=chat_id,
        chat_type=str(chat.get("chat_type") or "PRIVATE").upper(),
        user_id=user_id,
        display_name=sender.get("display_name") or sender.get("first_name") or None,
        is_bot=sender.get("is_bot") is True,
        text=text if isinstance(text, str) else None,
        photo_url=photo,
        date=when,
    )


COMMAND_NAMES = frozenset(PUBLIC_COMMANDS) | frozenset(COMMANDS)


def parse_command(text: str, names: Iterable[str] = COMMAND_NAMES) -> tuple[str, tuple[str, ...]]:
    """("nhiemvu", args) for "/nhiemvu ..." and for "nhiemvu ..." (a known name typed without
    the slash, as Zalo has no command menu); ("", ()) when the text is no command."""
    words = text.split()
    if not words:
        return "", ()
    head = words[0]
    if head.startswith("/"):
        return head[1:].split("@", 1)[0].lower(), tuple(words[1:])
    if head.lower() in set(names):
        return head.lower(), tuple(words[1:])
    return "", ()


def strip_mention(text: str, names: Iterable[str] = COMMAND_NAMES) -> str:
    """A group message addressed to the bot ("@Bot Nhắc việc quahan") without the mention.

    How Zalo writes a mention into ``text`` is not documented: the words from the "@" up to
    the first command are dropped; text without a command loses its first word only.
    """
    if not text.startswith("@"):
        return text
    words = text.split()
    known = set(names)
    for index, word in enumerate(words[:6]):
        if word.startswith("/") or word.lower() in known:
            return " ".join(words[index:])
    return " ".join(words[1:])


def pick(text: str, menu: Sequence[str]) -> str | None:
    """The button data chosen by an answer "2" (or "2." or " 2 "), if the menu has a 2."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    number = int(match.group(1))
    return menu[number - 1] if 1 <= number <= len(menu) else None


# --- Rendering ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """Replies as Zalo messages (plain text, each at most TEXT_LIMIT long) and the button data
    behind the numbers shown, in order (number n is ``menu[n - 1]``)."""

    messages: list[str]
    menu: list[str]


def render(replies: Iterable[Reply], *, numbered: bool = True) -> Rendered:
    """Plain text with numbered choices; numbers run on across the replies of one answer, so
    each number means one thing. Without ``numbered`` (a group) buttons are left out."""
    messages: list[str] = []
    menu: list[str] = []
    for reply in replies:
        parts = [to_plain(reply.text).strip()]
        for file in (reply.document, reply.photo):
            if file is not None:
                parts.append(to_plain(t(FILE_NOT_SENT, name=file.file_name)))
        if numbered and reply.buttons:
            first = len(menu) + 1
            lines = []
            for row in reply.buttons:
                options = []
                for button in row:
                    menu.append(button.data)
                    options.append(f"{len(menu)}. {to_plain(button.text)}")
                joined = "   ".join(options)
                lines.extend([joined] if len(joined) <= 48 else options)
            parts.append("\n".join(lines) + "\n" + choose_line(first, len(menu)))
        body = "\n\n".join(part for part in parts if part)
        if body:
            messages.extend(split_message(body, TEXT_LIMIT))
    return Rendered(messages, menu)


def choose_line(first: int, last: int) -> str:
    """ "Trả lời 1, 2 hoặc 3": how to answer the numbered choices first..last."""
    if last <= first:
        return to_plain(t(REPLY_ONE, number=first))
    if last - first < 4:
        numbers = ", ".join(str(n) for n in range(first, last))
        return to_plain(t(REPLY_SOME, numbers=numbers, last=last))
    return to_plain(t(REPLY_RANGE, first=first, last=last))


def _units(text: str) -> int:
    # Counted in UTF-16 code units, as a JavaScript string length: emoji count twice, which
    # keeps us under the limit whichever way Zalo counts.
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` UTF-16 units, cut at line breaks where possible."""
    pieces = split_text(text, limit, _units)
    return [piece for piece in pieces if piece.strip()] or [text[:limit]]


def _state_row(session: Session, chat_id: str, user_id: str) -> ConversationState | None:
    return session.scalar(
        select(ConversationState).where(
            ConversationState.channel == CHANNEL,
            ConversationState.chat_id == chat_id,
            ConversationState.external_id == user_id,
        )
    )


def recall(session: Session, chat_id: str, user_id: str) -> tuple[str | None, list[str]]:
    """(the conversation step, or None; the button data of the last choices shown)."""
    row = _state_row(session, chat_id, user_id)
    if row is None:
        return None, []
    menu = (row.data or {}).get(MENU_KEY)
    choices = [str(data) for data in menu] if isinstance(menu, list) else []
    return (row.step or None), choices


def remember(
    session: Session, chat_id: str, user_id: str, menu: Sequence[str], now: datetime
) -> None:
    """Keep ``menu`` as the choices a number refers to, beside the step (never replacing it);
    an empty menu forgets the old one, so a number typed later is read as text."""
    row = _state_row(session, chat_id, user_id)
    if row is None:
        if not menu:
            return
        row = ConversationState(
            channel=CHANNEL,
            chat_id=chat_id,
            external_id=user_id,
            step=MENU_ONLY_STEP,
            data={},
            updated_at=now,
        )
        session.add(row)
    data = {key: value for key, value in (row.data or {}).items() if key != MENU_KEY}
    if menu:
        data[MENU_KEY] = list(menu)
    if not data and row.step == MENU_ONLY_STEP:
        session.delete(row)
        return
    row.data = data


# --- The channel ------------------------------------------------------------------------------


class ZaloChannel:
    """Zalo Bot Platform as a channel of nhacviec, and the outbox's transport for "zalo"."""

    channel = CHANNEL

    def __init__(self, app: App, bot: ZaloBot) -> None:
        self.app = app
        self.bot = bot
        self.me: dict[str, Any] = {}
        self.groups_enabled = False
        self._send_lock = asyncio.Lock()
        self._last_send = 0.0

    @property
    def send_interval(self) -> float:
        return float(getattr(self.app.settings, "zalo_send_interval", DEFAULT_SEND_INTERVAL))

    @property
    def retry_after(self) -> float:
        return float(getattr(self.app.settings, "zalo_retry_after", DEFAULT_RETRY_AFTER))

    async def start(self) -> None:
        """getMe; groups are served only when the setting asks and the platform allows."""
        self.me = await self.bot.get_me()
        wanted = bool(getattr(self.app.settings, "zalo_groups", False))
        allowed = self.me.get("can_join_groups") is True
        if wanted and not allowed:
            log.warning("ZALO_GROUPS is on but getMe says can_join_groups is false: DMs only")
        self.groups_enabled = wanted and allowed

    async def stop(self) -> None:
        await self.bot.aclose()

    # receiving

    async def poll(self, stop: asyncio.Event, timeout: int = 25) -> None:
        """Long-poll until ``stop`` is set. Zalo has no offset to acknowledge with: an update
        is the platform's to forget once handed out, so each is handled before the next poll."""
        await self.bot.delete_webhook()  # getUpdates does not work while a webhook is set
        while not stop.is_set():
            try:
                bodies = await self.bot.get_updates(timeout)
            except ZaloApiError as error:
                if error.error_code == 429:
                    await _sleep_or_stop(stop, self.retry_after)
                elif error.error_code == 401:
                    log.error("Zalo refused the token (401); check ZALO_BOT_TOKEN")
                    await _sleep_or_stop(stop, 30)
                else:
                    log.warning("getUpdates failed: %s", error)
                    await _sleep_or_stop(stop, 1)
                continue
            except ZaloNetworkError as error:
                log.warning("getUpdates failed: %s", error)
                await _sleep_or_stop(stop, 1)
                continue
            for body in bodies:
                update = parse_update(body)
                if update is not None:
                    await self.handle(update)
            await self.drain_outbox()

    async def handle(self, update: ZaloUpdate) -> None:
        """Answer one update: processed once (by message id), committed, then replied to."""
        if update.event_name == UNSUPPORTED_EVENT:
            await self._answer_unsupported(update)
            await self.drain_outbox()
            return
        incoming = await self.to_incoming(update)
        if incoming is None:
            return
        replies = await asyncio.to_thread(process, self.app, incoming)
        if replies:
            try:
                await self.send(incoming.sender, replies)
            except ZaloError:
                # The change is committed; only this answer is lost, and the person can ask again.
                log.warning("reply to Zalo message %s not delivered", update.message_id)
        await self.drain_outbox()

    async def to_incoming(self, update: ZaloUpdate) -> Incoming | None:
        if update.is_bot or update.user_id == str(self.me.get("id", "")):
            return None  # the platform echoes the bot's own messages
        group = update.chat_type == "GROUP"
        if group and not self.groups_enabled:
            return None
        sender = Sender(
            channel=CHANNEL,
            user_id=update.user_id,
            chat_id=update.chat_id,
            display_name=update.display_name,
            chat_type="group" if group else "private",
            language="vi",
        )
        key = update.message_id
        if update.event_name == IMAGE_EVENT and update.photo_url:
            return Incoming(sender, key, attachment=await self._image(update), text=update.text)
        if update.event_name != TEXT_EVENT or update.text is None:
            return None  # stickers, and events this bot does not know
        text = strip_mention(update.text.strip()) if group else update.text.strip()
        command, args = parse_command(text)
        if command:
            return Incoming(sender, key, command=command, args=args)
        if not group and _NUMBER.fullmatch(text):
            _step, menu = await self._recall(update)
            chosen = pick(text, menu)
            if chosen is not None:
                return Incoming(sender, key, button=chosen)
        return Incoming(sender, key, text=text)

    async def _recall(self, update: ZaloUpdate) -> tuple[str | None, list[str]]:
        def read() -> tuple[str | None, list[str]]:
            with self.app.sessions() as session:
                return recall(session, update.chat_id, update.user_id)

        return await asyncio.to_thread(read)

    async def _image(self, update: ZaloUpdate) -> Attachment:
        """The photo as an attachment; downloaded only when the person is sending evidence."""
        assert update.photo_url is not None
        step, _menu = await self._recall(update)
        name = f"anh-{update.message_id}.jpg"
        if step != EVIDENCE_STEP:
            return Attachment(kind="photo", file_name=name, mime_type="image/jpeg", size=None)
        content, kind, size = await self.bot.download(update.photo_url, DOWNLOAD_LIMIT)
        if kind == "image/png" or (kind is None and update.photo_url.lower().endswith(".png")):
            name, kind = f"anh-{update.message_id}.png", "image/png"
        return Attachment(
            kind="photo",
            file_name=name,
            mime_type=kind or "image/jpeg",
            size=size or None,
            content=content,
        )

    async def _answer_unsupported(self, update: ZaloUpdate) -> None:
        """A file, a voice note or a protected sender: say what Zalo lets through, once."""
        if update.is_bot or update.chat_type == "GROUP":
            return

        def first_time() -> str | None:
            with self.app.sessions.begin() as session:
                seen = session.scalar(
                    select(ProcessedUpdate.id).where(
                        ProcessedUpdate.channel == CHANNEL,
                        ProcessedUpdate.update_key == update.message_id,
                    )
                )
                if seen is not None:
                    return None
                session.add(
                    ProcessedUpdate(
                        channel=CHANNEL, update_key=update.message_id, processed_at=self.app.now()
                    )
                )
                account = find_account(session, CHANNEL, update.user_id)
                with use_language(account.official.language if account else None):
                    return to_plain(t(UNSUPPORTED))

        text = await asyncio.to_thread(first_time)
        if text is not None:
            try:
                await self._send_text(update.chat_id, text)
            except ZaloError:
                log.warning("answer to an unsupported Zalo message not delivered")

    # sending

    async def send(self, sender: Sender, replies: Iterable[Reply]) -> None:
        """The replies as plain text with numbered choices; the choices are remembered once
        the person can see them."""
        private = sender.chat_type == "private"
        rendered = render(replies, numbered=private)
        for piece in rendered.messages:
            await self._send_text(sender.chat_id, piece)
        if private:
            await asyncio.to_thread(self._remember, sender.chat_id, sender.user_id, rendered.menu)

    async def drain_outbox(self) -> None:
        """Send what the handlers queued for people on Zalo."""
        await drain(self.app.sessions, self, self.app.now())

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        """The outbox's transport: one notification, Zalo's errors mapped to what the
        dispatcher does (`delivery_error`). A chart (``photo``) stays behind: Zalo takes
        photos by public URL only; ``thread_id`` has no meaning on Zalo."""
        user_id = await asyncio.to_thread(self._private_user, chat_id)
        reply = Reply(message.text, [list(row) for row in message.buttons])
        rendered = render([reply], numbered=user_id is not None)
        try:
            for piece in rendered.messages:
                await self._send_text(chat_id, piece)
        except ZaloError as error:
            raise delivery_error(error, self.retry_after) from error
        if user_id is not None:
            # Only now: a choice the person never saw must not answer to a number they type.
            await asyncio.to_thread(self._remember, chat_id, user_id, rendered.menu)

    def _private_user(self, chat_id: str) -> str | None:
        """The Zalo user whose private chat ``chat_id`` is; None for a group."""
        with self.app.sessions() as session:
            return session.scalar(
                select(ChannelAccount.external_id)
                .where(ChannelAccount.channel == CHANNEL, ChannelAccount.chat_id == chat_id)
                .limit(1)
            )

    def _remember(self, chat_id: str, user_id: str, menu: list[str]) -> None:
        with self.app.sessions.begin() as session:
            remember(session, chat_id, user_id, menu, self.app.now())

    async def _send_text(self, chat_id: str, text: str) -> None:
        async with self._send_lock:  # Zalo's limits are unpublished: keep a steady pace
            wait = self._last_send + self.send_interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                await self.bot.send_message(chat_id, text)
            finally:
                self._last_send = time.monotonic()


def delivery_error(error: ZaloError, retry_after: float = DEFAULT_RETRY_AFTER) -> DeliveryError:
    """What the outbox does about a failed send.

    429 "Quota exceeded": later (Zalo gives no retry_after, so ``retry_after``). 400/404
    naming the recipient (chat or user not found): the person cannot be reached. Any other
    400 ("bad request"): this message is refused, resending cannot help. 403 is documented as
    "Internal server error" (sic), not as a block, so it is retried like 401 (our token), 5xx
    and network failures, until the outbox gives up.
    """
    if isinstance(error, ZaloApiError):
        if error.error_code == 429:
            return RetryLater(retry_after, str(error))
        described = error.description.lower()
        if error.error_code in (400, 404) and any(
            word in described for word in ("chat", "user", "recipient", "không tồn tại")
        ):
            return Unreachable(str(error))
        if error.error_code == 400:
            return Rejected(str(error))
    return DeliveryError(str(error))


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


# --- Running: polling, or a webhook --------------------------------------------------------------


def webhook_route(channel: ZaloChannel, path: str, secret: str):  # type: ignore[no-untyped-def]
    """The Starlette route Zalo posts to: the secret header is checked, both payload shapes are
    read, and the answer waits until the update is committed and replied to."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        try:
            body = await request.json()
        except ValueError:
            return Response(status_code=400)
        update = parse_update(body)
        if update is not None:
            try:
                await channel.handle(update)
            except Exception:
                log.exception("Zalo webhook update %s failed", update.message_id)
                return Response(status_code=500)
        return JSONResponse({"message": "Success"})

    return Route(path, receive, methods=["POST"])


def webhook_secret(app: App) -> str:
    secret = _secret(getattr(app.settings, "zalo_webhook_secret", None))
    assert secret and 8 <= len(secret) <= 256, "ZALO_WEBHOOK_SECRET must have 8-256 characters"
    return secret


async def run_polling(app: App, stop: asyncio.Event, timeout: int = 25) -> None:
    """`nhacviec run` with ZALO_BOT_TOKEN and no ZALO_WEBHOOK_URL."""
    channel = ZaloChannel(app, make_bot(app))
    await channel.start()
    try:
        await channel.poll(stop, timeout)
    finally:
        await channel.stop()


async def run_webhook(app: App, stop: asyncio.Event) -> None:
    """`nhacviec run` with ZALO_WEBHOOK_URL: its own small server on LISTEN_HOST:LISTEN_PORT
    (when Telegram's webhook shares the port, mount `webhook_route` in that server instead)."""
    import uvicorn
    from starlette.applications import Starlette

    url = getattr(app.settings, "zalo_webhook_url", None)
    assert url, "ZALO_WEBHOOK_URL must be set"
    secret = webhook_secret(app)
    channel = ZaloChannel(app, make_bot(app))
    await channel.start()
    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=[webhook_route(channel, urlparse(url).path or "/", secret)]),
            host=app.settings.listen_host,
            port=app.settings.listen_port,
            log_level="warning",
        )
    )
    try:
        await channel.bot.set_webhook(url, secret)
        serving = asyncio.create_task(server.serve())
        await stop.wait()
        server.should_exit = True
        await serving
    finally:
        await channel.stop()


async def run(app: App, stop: asyncio.Event) -> None:
    """Webhook when ZALO_WEBHOOK_URL is set, else polling."""
    if getattr(app.settings, "zalo_webhook_url", None):
        await run_webhook(app, stop)
    else:
        await run_polling(app, stop)
