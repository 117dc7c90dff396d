"""Zalo as a channel of nhacviec: updates by long polling or a webhook, replies as plain text
with numbered choices, and the outbox's transport for "zalo".

Zalo has no buttons, no HTML and no file uploads, so each reply becomes plain text with its
buttons as numbered choices; the choices shown are remembered in the update's own unit of
work (`handlers.choices`), so an answer "2" means the same after a restart. Updates carry no
update_id: each message is processed once by its message id.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from bot.app import App
from bot.channels.base import (
    REPLY_ATTEMPTS,
    REPLY_PATIENCE,
    BadUpdate,
    ChatApp,
    checked_secret,
    poll_pause,
    reply_pause,
    sleep_or_stop,
    webhook_route,
)
from bot.channels.zalo.client import ZaloApiError, ZaloBot, ZaloError, ZaloNetworkError
from bot.channels.zalo.render import TEXT_LIMIT, render
from bot.channels.zalo.updates import (
    IMAGE_EVENT,
    TEXT_EVENT,
    UNSUPPORTED_EVENT,
    ZaloUpdate,
    parse_command,
    parse_update,
    strip_mention,
)
from handlers import choices
from handlers.actions import Step
from handlers.markup import to_plain
from handlers.messages import Attachment, Capabilities, Incoming, Reply, Sender
from jobs.dispatch import CLAIM_LEASE, DeliveryError, Rejected, RetryLater, Unreachable
from models import ChannelAccount
from services import public_images
from services.evidence import DOWNLOAD_LIMIT
from services.messages import OutboxMessage, OutFile

log = logging.getLogger(__name__)

CHANNEL = "zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"


def make_bot(app: App) -> ZaloBot:
    token = app.settings.zalo_bot_token
    assert token is not None, "ZALO_BOT_TOKEN must be set"
    return ZaloBot(token.get_secret_value(), app.settings.zalo_api_base_url)


class ZaloChannel(ChatApp):
    """Zalo Bot Platform as a channel of nhacviec, and the outbox's transport for "zalo".

    Zalo publishes no rate limits: every send of this process (replies and the outbox) keeps
    ``ZALO_SEND_INTERVAL`` apart, and a 429 waits ``ZALO_RETRY_AFTER``.
    """

    name = CHANNEL
    capabilities = Capabilities(receives_files=False, numbered_choices=True)
    send_errors = (ZaloError,)

    def __init__(self, app: App, bot: ZaloBot) -> None:
        # The client paces itself; a claim holds what it sends well within the claim's lease.
        interval = max(app.settings.zalo_send_interval, 0.01)
        super().__init__(
            app, limiter=None, workers=1, batch=max(1, int(CLAIM_LEASE / 2 / interval))
        )
        self.bot = bot
        self.me: dict[str, Any] = {}
        self.groups_enabled = False
        self._send_lock = asyncio.Lock()
        self._last_send = 0.0

    @property
    def send_interval(self) -> float:
        return self.app.settings.zalo_send_interval

    @property
    def retry_after(self) -> float:
        return self.app.settings.zalo_retry_after

    async def connect(self) -> None:
        """getMe; groups are served only when the setting asks and the platform allows."""
        self.me = await self.bot.get_me()
        wanted = self.app.settings.zalo_groups
        allowed = self.me.get("can_join_groups") is True
        if wanted and not allowed:
            log.warning("ZALO_GROUPS is on but getMe says can_join_groups is false: DMs only")
        self.groups_enabled = wanted and allowed

    async def disconnect(self) -> None:
        await self.bot.aclose()

    # receiving

    async def poll(self, stop: asyncio.Event, timeout: int = 25) -> None:
        """Long-poll until ``stop`` is set. Zalo has no offset to acknowledge with: an update
        is the platform's to forget once handed out, so each is handled before the next poll."""
        await self.bot.delete_webhook()  # getUpdates does not work while a webhook is set
        failures = 0
        while not stop.is_set():
            try:
                # Never cancelled (stopping waits up to ``timeout``): Zalo has nothing to
                # acknowledge with, so an update handed to a poll given up would be lost.
                bodies = await self.bot.get_updates(timeout)
            except ZaloApiError as error:
                failures += 1
                if error.error_code == 429:
                    await sleep_or_stop(stop, self.retry_after)
                elif error.error_code == 401:
                    log.error("Zalo refused the token (401); check ZALO_BOT_TOKEN")
                    await sleep_or_stop(stop, 30)
                else:
                    log.warning("getUpdates failed: %s", error)
                    await sleep_or_stop(stop, poll_pause(failures))
                continue
            except ZaloNetworkError as error:
                failures += 1
                log.warning("getUpdates failed: %s", error)
                await sleep_or_stop(stop, poll_pause(failures))
                continue
            failures = 0
            for body in bodies:
                update = parse_update(body)
                if update is not None:
                    await self.handle(update)

    async def handle(self, update: ZaloUpdate) -> None:
        incoming = await self.to_incoming(update)
        if incoming is not None:
            await self.answer(incoming)

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.bot.set_webhook(url, secret)

    def webhook_route(self, path: str, secret: str) -> Any:
        """Zalo posts each update here, flat or wrapped, with its secret header."""

        async def receive(body: Any) -> dict[str, str]:
            update = parse_update(body)
            if update is None:
                raise BadUpdate("no Zalo event with a message in it")
            await self.handle(update)
            return {"message": "Success"}

        return webhook_route(path, SECRET_HEADER, secret, receive, ready=lambda: self.connected)

    async def to_incoming(self, update: ZaloUpdate) -> Incoming | None:
        if update.is_bot or update.user_id == str(self.me.get("id", "")):
            return None  # the platform echoes the bot's own messages
        group = update.chat_type == "GROUP"
        if group and not self.groups_enabled:
            return None
        sender = self.sender(
            update.user_id,
            update.chat_id,
            display_name=update.display_name,
            chat_type="group" if group else "private",
            language="vi",
        )
        key = update.message_id
        if update.event_name == UNSUPPORTED_EVENT:
            return self.incoming(sender, key, unsupported=True)
        if update.event_name == IMAGE_EVENT and update.photo_url:
            return self.incoming(
                sender, key, attachment=await self._image(update), text=update.text
            )
        if update.event_name != TEXT_EVENT or update.text is None:
            return None  # stickers, and events this bot does not know
        text = strip_mention(update.text.strip()) if group else update.text.strip()
        command, args = parse_command(text)
        if command:
            return self.incoming(sender, key, command=command, args=args)
        return self.incoming(sender, key, text=text)

    async def _image(self, update: ZaloUpdate) -> Attachment:
        """The photo as an attachment; downloaded only when the person is sending evidence."""
        assert update.photo_url is not None
        name = f"anh-{update.message_id}.jpg"
        if await asyncio.to_thread(self._step, update) != Step.EVIDENCE:
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

    def _step(self, update: ZaloUpdate) -> str | None:
        """The person's conversation step, read before the update's unit of work: a download
        must not hold the database's write lock."""
        with self.app.sessions() as session:
            step, _menu = choices.recall(session, CHANNEL, update.chat_id, update.user_id)
            return step

    # sending

    async def send(self, sender: Sender, replies: Iterable[Reply], **_options: Any) -> None:
        """The replies as plain text, with numbered choices in a private chat."""
        rendered = render(replies, numbered=sender.chat_type == "private")
        for piece in rendered.messages:
            await self._reply_text(sender.chat_id, piece)

    async def _reply_text(self, chat_id: str, text: str) -> None:
        """One piece of a reply, sent again after a 429 (a short wait), a 5xx, Zalo's 403
        "internal server error", a timeout or a dropped connection."""
        for attempt in range(1, REPLY_ATTEMPTS + 1):
            try:
                await self._send_text(chat_id, text)
                return
            except ZaloApiError as error:
                code = error.error_code
                if attempt == REPLY_ATTEMPTS or not (code in (403, 408, 429) or code >= 500):
                    raise
                wait = min(self.retry_after, REPLY_PATIENCE) if code == 429 else 0.0
            except ZaloNetworkError:
                if attempt == REPLY_ATTEMPTS:
                    raise
                wait = 0.0
            await asyncio.sleep(max(wait, reply_pause(attempt)))

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        """The outbox's transport: one notification, Zalo's errors mapped to what the
        dispatcher does (`delivery_error`). A photo (the weekly chart) goes by URL, served
        by this app under PUBLIC_BASE_URL (`services.public_images`); without that address
        only its caption goes. ``thread_id`` has no meaning on Zalo."""
        user_id = await asyncio.to_thread(self._private_user, chat_id)
        base_url = self.app.settings.public_base_url
        if message.photo is not None and base_url:
            url = await asyncio.to_thread(self._publish, message.photo, base_url)
            caption = to_plain(message.text).strip()[:TEXT_LIMIT] or None
            try:
                await self._send(self.bot.send_photo, chat_id, url, caption)
            except ZaloError as error:
                raise delivery_error(error, self.retry_after) from error
            return
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
            choices.remember(session, CHANNEL, chat_id, user_id, menu, self.app.now())

    def _publish(self, photo: OutFile, base_url: str) -> str:
        with self.app.sessions.begin() as session:
            return public_images.publish(
                session, photo.content, photo.mime_type, base_url, self.app.now()
            )

    async def _send_text(self, chat_id: str, text: str) -> None:
        await self._send(self.bot.send_message, chat_id, text)

    async def _send(self, method: Any, *args: Any) -> None:
        async with self._send_lock:  # Zalo's limits are unpublished: keep a steady pace
            wait = self._last_send + self.send_interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                await method(*args)
            finally:
                self._last_send = time.monotonic()


def delivery_error(error: ZaloError, retry_after: float) -> DeliveryError:
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


def webhook_secret(app: App) -> str:
    """ZALO_WEBHOOK_SECRET, checked (`NotConfigured` when it cannot be used)."""
    secret = app.settings.zalo_webhook_secret
    return checked_secret("ZALO_WEBHOOK_SECRET", "ZALO_WEBHOOK_URL", secret)
