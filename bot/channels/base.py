"""The one interface of a chat app: turn its updates into `Incoming`, show `Reply` the app's
way, and (for the apps the outbox sends through) deliver an `OutboxMessage`.

Every app answers an update the same way (`ChatApp.handle`): one unit of work
(`bot.updates.process`), then the replies, then a wake-up for the outbox's dispatcher, which
runs in the background for each app and sends what the handlers queued for other people.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import random
import re
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any, ClassVar, TypeVar

from pydantic import SecretStr

from bot.app import App
from bot.updates import process
from handlers.messages import Capabilities, Incoming, Reply, Sender
from i18n import N_
from jobs.dispatch import Dispatcher
from jobs.leader import Leadership, sender
from jobs.ratelimit import RateLimiter
from services.messages import OutboxMessage

log = logging.getLogger(__name__)

T = TypeVar("T")


# A reply is awaited by the person who just wrote: flood control and failures on the way (a
# 5xx, a timeout, a dropped connection) are waited out a few times before it is given up.
REPLY_ATTEMPTS = 5
REPLY_PATIENCE = 10.0  # seconds of flood control worth waiting for a reply


def reply_pause(attempt: int) -> float:
    """Seconds before trying a failed reply again: 0.25, 0.5, 1, 2, 2..."""
    return min(0.25 * 2 ** (attempt - 1), 2.0)


def poll_pause(failures: int) -> float:
    """Seconds before polling again after ``failures`` failed polls in a row: from a quarter
    of a second, doubling up to half a minute, less a random part of up to half."""
    full = min(0.25 * 2 ** (failures - 1), 30.0)
    return full * (0.5 + random.random() / 2)


async def sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def unless_stopped(stop: asyncio.Event, work: Awaitable[T]) -> T | None:
    """The result of ``work``; None, with ``work`` cancelled, as soon as ``stop`` is set (a long
    poll need not run out before the process can stop)."""
    task = asyncio.ensure_future(work)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
    return None


class BadUpdate(Exception):
    """A webhook body that is no update of the app: answered 400."""


class Channel(ABC):
    """A chat app the handlers talk through: its name (stored with accounts and rows) and
    what it can do (`Capabilities`, which is all the handlers see of it)."""

    name: ClassVar[str]
    capabilities: ClassVar[Capabilities]

    def __init__(self, app: App) -> None:
        self.app = app

    def sender(self, user_id: str, chat_id: str, **more: Any) -> Sender:
        return Sender(channel=self.name, user_id=user_id, chat_id=chat_id, **more)

    def incoming(self, sender: Sender, update_key: str, **meaning: Any) -> Incoming:
        return Incoming(sender, update_key, capabilities=self.capabilities, **meaning)


class ChatApp(Channel):
    """A chat platform: updates come by long polling or a webhook, replies go at once, and
    the outbox is sent through `deliver` by this app's dispatcher."""

    # What a failed reply raises; the change is committed, only the answer is lost.
    send_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def __init__(
        self, app: App, limiter: RateLimiter | None = None, workers: int = 8, batch: int = 100
    ) -> None:
        super().__init__(app)
        self.dispatcher = Dispatcher(
            app.sessions,
            self,
            clock=app.now,
            limiter=limiter,
            workers=workers,
            batch=batch,
            # One sender of this app's outbox among all processes: the limits are the bot's.
            leadership=Leadership(app.engine, sender(self.name)),
        )
        self._stop_dispatch = asyncio.Event()
        self._dispatching: asyncio.Task[None] | None = None
        self.connected = False

    @property
    def channel(self) -> str:  # the dispatcher's name for its transport
        return self.name

    async def start(self) -> None:
        """Connect, then send the outbox in the background until `stop`."""
        await self.connect()
        self.connected = True
        self._dispatching = asyncio.create_task(self.dispatcher.run(self._stop_dispatch))

    async def stop(self) -> None:
        self._stop_dispatch.set()
        if self._dispatching is not None:
            await self._dispatching
        await asyncio.to_thread(self.dispatcher.resign)
        self.connected = False
        await self.disconnect()

    async def answer(
        self,
        incoming: Incoming,
        acknowledge: Callable[[], Awaitable[object]] | None = None,
        **reply_options: Any,
    ) -> None:
        """Answer one update: processed once and committed, and replied to; where the app wants
        an acknowledgement (a button's spinner) it goes at once, beside the processing, so the
        person waits for one round trip, not two. Where the update queued messages to other
        people, the dispatcher looks at the outbox now (else at its next tick)."""
        acknowledged = asyncio.create_task(acknowledge()) if acknowledge is not None else None
        processed = await asyncio.to_thread(process, self.app, incoming)
        replies = processed.replies
        if acknowledged is not None:
            try:
                await acknowledged
            except self.send_errors:
                log.info("%s: acknowledging update %s failed", self.name, incoming.update_key)
        if replies:
            try:
                await self.send(incoming.sender, replies, **reply_options)
            except self.send_errors:
                # The change is committed; only this answer is lost, and the person can ask again.
                log.warning("reply to %s update %s not delivered", self.name, incoming.update_key)
        if processed.queued:
            self.dispatcher.wake()

    @contextlib.asynccontextmanager
    async def counted(self, chat_id: str, group: bool) -> AsyncIterator[None]:
        """A reply going out now: it does not wait for the outbox's limiter, but is counted
        by it, so that what the outbox sends around it keeps within the platform's limits."""
        limiter = self.dispatcher.limiter
        if limiter is None:
            yield
            return
        send = limiter.take(chat_id, limiter.clock(), group)
        try:
            yield
        finally:
            limiter.answered(send, limiter.clock())

    @abstractmethod
    async def connect(self) -> None: ...

    @abstractmethod
    async def disconnect(self) -> None: ...

    @abstractmethod
    async def poll(self, stop: asyncio.Event, timeout: int = 25) -> None:
        """Take updates by long polling until ``stop`` is set."""

    @abstractmethod
    async def set_webhook(self, url: str, secret: str) -> None:
        """Ask the platform to post updates to ``url`` with ``secret`` in its header."""

    @abstractmethod
    def webhook_route(self, path: str, secret: str) -> Any:
        """The route (`webhook_route`) the platform posts to."""

    @abstractmethod
    async def send(self, sender: Sender, replies: Iterable[Reply], **options: Any) -> None:
        """Show ``replies`` in the sender's chat, the app's way."""

    @abstractmethod
    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        """Send one outbox message; raise a `jobs.dispatch.DeliveryError` when it did not go."""


# What a webhook secret may be: Telegram allows 1-256 of these characters, Zalo requires 8-256
# (its alphabet is not documented); both get the stricter of the two.
SECRET = re.compile(r"[A-Za-z0-9_-]{8,256}")
MAX_UPDATE_BYTES = 1_000_000  # an update is a few kilobytes; files come by reference

# TRANSLATORS: printed by `nhacviec run`, which then does not start. setting, url_setting:
# names of environment variables, left as they are.
BAD_SECRET = N_(
    "%(setting)s must be set when %(url_setting)s is: 8 to 256 characters, only the letters "
    "A-Z and a-z, the digits 0-9, '_' and '-'. Without it anyone who finds the address could "
    "post updates in anyone's name."
)


class NotConfigured(Exception):
    """A setting `nhacviec run` cannot start without; ``message`` is a catalog message."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params)
        self.message = message
        self.params = params


def checked_secret(setting: str, url_setting: str, value: SecretStr | None) -> str:
    """The secret of a webhook, checked; NotConfigured when missing, short or not allowed."""
    secret = value.get_secret_value() if value is not None else ""
    if not SECRET.fullmatch(secret):
        raise NotConfigured(BAD_SECRET, setting=setting, url_setting=url_setting)
    return secret


def webhook_route(
    path: str,
    header: str,
    secret: str,
    receive: Callable[[Any], Awaitable[Any]],
    ready: Callable[[], bool] = lambda: True,
) -> Any:
    """The Starlette route a platform posts updates to: the secret header is checked, the JSON
    body handed to ``receive``, and the answer waits until the update is committed and replied
    to. ``receive`` returns the response body (None for an empty 200) and raises BadUpdate for
    a body that is no update (400). Until the app is ``ready`` (connected) the route answers
    503, and the platform tries again later."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    if not SECRET.fullmatch(secret):
        raise ValueError("a webhook needs a secret of 8-256 letters, digits, '_' or '-'")
    expected = secret.encode()

    async def endpoint(request: Request) -> Response:
        given = request.headers.get(header, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        if not ready():
            return Response(status_code=503, headers={"Retry-After": "5"})
        try:
            body = json.loads(await _read_body(request, MAX_UPDATE_BYTES))
        except _TooLarge:
            return Response(status_code=413)
        except ValueError:  # not JSON, or not UTF-8
            return Response(status_code=400)
        try:
            answer = await receive(body)
        except BadUpdate as bad:
            log.info("a webhook body that is no update: %s", bad)
            return Response(status_code=400)
        except Exception:
            log.exception("a webhook update failed")
            return Response(status_code=500)
        return Response(status_code=200) if answer is None else JSONResponse(answer)

    return Route(path, endpoint, methods=["POST"])


class _TooLarge(Exception):
    pass


async def _read_body(request: Any, limit: int) -> bytes:
    """The request's body, stopping at ``limit`` bytes whatever its declared length."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)
