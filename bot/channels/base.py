"""The one interface of a chat app: turn its updates into `Incoming`, show `Reply` the app's
way, and (for the apps the outbox sends through) deliver an `OutboxMessage`.

Every app answers an update the same way (`ChatApp.handle`): one unit of work
(`bot.updates.process`), then the replies, then a wake-up for the outbox's dispatcher, which
runs in the background for each app and sends what the handlers queued for other people.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, ClassVar

from bot.app import App
from bot.updates import process
from handlers.messages import Capabilities, Incoming, Reply, Sender
from jobs.dispatch import Dispatcher
from jobs.ratelimit import RateLimiter
from services.messages import OutboxMessage

log = logging.getLogger(__name__)


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

    def __init__(self, app: App, limiter: RateLimiter | None = None, workers: int = 8) -> None:
        super().__init__(app)
        self.dispatcher = Dispatcher(
            app.sessions, self, clock=app.now, limiter=limiter, workers=workers
        )
        self._stop_dispatch = asyncio.Event()
        self._dispatching: asyncio.Task[None] | None = None

    @property
    def channel(self) -> str:  # the dispatcher's name for its transport
        return self.name

    async def start(self) -> None:
        """Connect, then send the outbox in the background until `stop`."""
        await self.connect()
        self._dispatching = asyncio.create_task(self.dispatcher.run(self._stop_dispatch))

    async def stop(self) -> None:
        self._stop_dispatch.set()
        if self._dispatching is not None:
            await self._dispatching
        await self.disconnect()

    async def answer(
        self,
        incoming: Incoming,
        acknowledge: Callable[[], Awaitable[object]] | None = None,
        **reply_options: Any,
    ) -> None:
        """Answer one update: processed once and committed, and replied to; where the app wants
        an acknowledgement (a button's spinner) it goes at once, beside the processing, so the
        person waits for one round trip, not two. Then the dispatcher looks at the outbox."""
        acknowledged = asyncio.create_task(acknowledge()) if acknowledge is not None else None
        replies = await asyncio.to_thread(process, self.app, incoming)
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
        self.dispatcher.wake()

    @abstractmethod
    async def connect(self) -> None: ...

    @abstractmethod
    async def disconnect(self) -> None: ...

    @abstractmethod
    async def poll(self, stop: asyncio.Event) -> None:
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


def webhook_route(
    path: str, header: str, secret: str, receive: Callable[[Any], Awaitable[Any]]
) -> Any:
    """The Starlette route a platform posts updates to: the secret header is checked, the JSON
    body handed to ``receive``, and the answer waits until the update is committed and replied
    to. ``receive`` returns the response body (None for an empty 200)."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    expected = secret.encode()

    async def endpoint(request: Request) -> Response:
        given = request.headers.get(header, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        try:
            body = await request.json()
        except ValueError:
            return Response(status_code=400)
        try:
            answer = await receive(body)
        except BadUpdate:
            return Response(status_code=400)
        except Exception:
            log.exception("a webhook update failed")
            return Response(status_code=500)
        return Response(status_code=200) if answer is None else JSONResponse(answer)

    return Route(path, endpoint, methods=["POST"])
