"""A fake Zalo Bot Platform API: a real HTTP server on 127.0.0.1 that our client talks to in tests.

    with FakeZalo() as zalo:
        bot = ZaloBot(zalo.token, zalo.url)
        zalo.push_text("6ede9afa66b88fe6d6a9", "nhiemvu")
        ...  # run the code under test
        assert zalo.sent_messages("6ede9afa66b88fe6d6a9")[-1]["text"] == "..."

What it models (docs/MESSAGING_APIS.md 1.4-1.6, 7.2), and the choices made where the platform
is unconfirmed:

- ``/bot<token>/<method>``, GET or POST, parameters as query, form or JSON; method names are
  case-sensitive; a wrong token answers 401, an unknown method 400.
- Errors carry ``error_code`` 400/401/403/404/408/429 in ``{"ok": false}``; by default with
  HTTP 200 (what clients observed), with ``real_status=True`` with the code as HTTP status.
- ``getUpdates`` hands out ONE update (not a list), no update_id and no offset; after
  ``timeout`` seconds (a string, default 30) with nothing new it answers 408 "Request
  timeout". It refuses (400) while a webhook is set: the two are mutually exclusive.
- Ids are strings, ``date`` is in milliseconds, chat_type is PRIVATE or GROUP.
- ``sendMessage`` text must have 1-2000 characters, counted here in UTF-16 units (the stricter
  reading); ``sendPhoto`` takes a URL only; ``sendChatAction`` answers ``{"ok": true}``.
- With a webhook set, each pushed update is POSTed to it with ``X-Bot-Api-Secret-Token``, flat
  ``{event_name, message}`` (what is observed) or wrapped ``{ok, result}`` (what is documented)
  as ``webhook_shape`` says; `post_webhook` posts any body with any secret.
- ``echo_bot_messages=True`` delivers the bot's own sends back as updates, as Zalo is reported
  to do; images added with `add_image` are served at ``/media/<id>``.
- Every call is recorded as a `Call`. `set_chaos` answers a seeded share of calls with faults
  (`tests.fakes.chaos`): 429, HTTP 500, no answer, a dropped connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlparse

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.chaos import Chaos, drop_connection

JSON = dict[str, Any]
Shape = Literal["flat", "wrapped"]

DEFAULT_TOKEN = "1459232241454765289:TEST-fake-zalo-token"
BOT_ID = "1459232241454765289"
MAX_TEXT = 2000
SECRET_HEADER = "X-Bot-Api-Secret-Token"
_START_TIMEOUT = 5.0
_STOP_TIMEOUT = 5.0


def new_id() -> str:
    """A Zalo-looking id: 20 hex digits, as a string."""
    return secrets.token_hex(10)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Call:
    method: str
    params: JSON
    time: float
    status: int = 200
    response: JSON = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.response.get("ok") is True


@dataclass(frozen=True)
class Fault:
    """An error to answer instead of the next call of a method (`FakeZalo.fail_next`)."""

    error_code: int
    description: str

    @classmethod
    def quota_exceeded(cls) -> Fault:
        return cls(429, "Quota exceeded")

    @classmethod
    def unauthorized(cls) -> Fault:
        return cls(401, "Unauthorized")

    @classmethod
    def internal(cls) -> Fault:
        return cls(403, "Internal server error")  # sic: Zalo's table gives 403 this text

    @classmethod
    def bad_request(cls, description: str = "Bad request") -> Fault:
        return cls(400, description)

    @classmethod
    def not_found(cls, description: str = "Not found") -> Fault:
        return cls(404, description)


DROPPED = 0  # the "status" of a call whose connection the fake dropped


class _Dropped(Response):
    """A response that ends after its head: the connection closes with no answer."""

    def __init__(self) -> None:
        super().__init__()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await drop_connection(send)


class _ApiError(Exception):
    def __init__(self, error_code: int, description: str) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description


class _Server(uvicorn.Server):
    """uvicorn, stopping at once when the fake closes."""

    closing: asyncio.Event | None = None

    async def main_loop(self) -> None:
        await self.on_tick(0)
        assert self.closing is not None
        while not self.should_exit and not self.closing.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), 0.1)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 1.0
        while (self.server_state.connections or self.server_state.tasks) and (
            loop.time() < deadline
        ):
            await asyncio.sleep(0.005)
        for task in self.server_state.tasks:
            task.cancel()


def wrap(update: JSON, shape: Shape) -> JSON:
    """A webhook body in one of the two shapes seen: flat, or wrapped in ``{ok, result}``."""
    return {"ok": True, "result": copy.deepcopy(update)} if shape == "wrapped" else update


async def post_webhook(
    url: str, secret: str | None, update: JSON, shape: Shape = "flat"
) -> httpx.Response:
    """POST one update to a bot's webhook as Zalo does (no header when ``secret`` is None)."""
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with httpx.AsyncClient(timeout=30) as client:
        for _ in range(100):  # the bot's server may still be starting
            try:
                return await client.post(url, json=wrap(update, shape), headers=headers)
            except httpx.ConnectError:
                await asyncio.sleep(0.05)
        raise ConnectionError(f"nothing listens at {url}")


class FakeZalo:
    """A fake Zalo Bot API for one token, served from a background thread; thread-safe."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        account_name: str = "bot.NhacViecTest",
        can_join_groups: bool = False,
        real_status: bool = False,
        echo_bot_messages: bool = False,
        webhook_shape: Shape = "flat",
    ) -> None:
        self.token = token
        self.me: JSON = {
            "id": BOT_ID,
            "account_name": account_name,
            "account_type": "BASIC",
            "can_join_groups": can_join_groups,
        }
        self.real_status = real_status
        self.echo_bot_messages = echo_bot_messages
        self.webhook_shape: Shape = webhook_shape

        self._lock = threading.RLock()
        self._calls: list[Call] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._queue: deque[JSON] = deque()
        self._pushed: dict[str, JSON] = {}
        self._messages: dict[str, list[JSON]] = {}
        self._media: dict[str, tuple[bytes, str]] = {}
        self._webhook: JSON = {"url": "", "updated_at": 0}
        self._secret = ""
        self._deliveries: list[int] = []
        self._chaos: Chaos | None = None

        self._thread: threading.Thread | None = None
        self._server: _Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pushed_event: asyncio.Event | None = None
        self._closing: asyncio.Event | None = None
        self._port = 0
        self._handlers: dict[str, Callable[[JSON], Any]] = {
            "getMe": lambda params: dict(self.me),
            "setWebhook": self._set_webhook,
            "getWebhookInfo": lambda params: dict(self._webhook),
            "deleteWebhook": self._delete_webhook,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendSticker": self._send_sticker,
            "sendChatAction": self._send_chat_action,
        }

    # --- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``: the client's base URL (it appends ``/bot<token>``)."""
        if not self._port:
            raise RuntimeError("the fake Zalo server is not started")
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> FakeZalo:
        if self._thread is not None:
            raise RuntimeError("already started")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(
            Starlette(
                routes=[
                    Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"]),
                    Route("/media/{media_id}", self._media_endpoint, methods=["GET"]),
                ]
            ),
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
        )
        self._server = _Server(config)
        self._thread = threading.Thread(
            target=asyncio.run, args=(self._serve(self._server, sock),), daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the fake Zalo server did not start")
            time.sleep(0.005)
        return self

    async def _serve(self, server: _Server, sock: socket.socket) -> None:
        self._loop = asyncio.get_running_loop()
        self._pushed_event = asyncio.Event()
        self._closing = asyncio.Event()
        server.closing = self._closing
        try:
            await server.serve(sockets=[sock])
        finally:
            sock.close()

    def stop(self) -> None:
        server, thread, loop, closing = self._server, self._thread, self._loop, self._closing
        if server is None or thread is None:
            return
        if loop is not None and closing is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(closing.set)
        server.should_exit = True
        thread.join(_STOP_TIMEOUT)
        self._server = None

    def __enter__(self) -> FakeZalo:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- test API: users write ----------------------------------------------------------------

    def push_text(self, user_id: str, text: str, **options: Any) -> str:
        """A text message from a user; returns its message_id."""
        message = self._message(user_id, **options)
        message["text"] = text
        return self.push_event("message.text.received", message)

    def push_image(
        self, user_id: str, photo_url: str, caption: str | None = None, **options: Any
    ) -> str:
        message = self._message(user_id, **options)
        message["photo"] = photo_url
        if caption is not None:
            message["caption"] = caption
        return self.push_event("message.image.received", message)

    def push_sticker(
        self, user_id: str, sticker: str = "bfe458bf64fa8da4d4eb", **options: Any
    ) -> str:
        message = self._message(user_id, **options)
        message["sticker"] = sticker
        message["url"] = f"https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid={sticker}"
        return self.push_event("message.sticker.received", message)

    def push_unsupported(self, user_id: str, **options: Any) -> str:
        """A file, voice note or other content Zalo does not pass to bots."""
        return self.push_event("message.unsupported.received", self._message(user_id, **options))

    def push_event(self, event_name: str, message: JSON) -> str:
        """Deliver ``{event_name, message}``: to the webhook if one is set, else to getUpdates."""
        update = {"event_name": event_name, "message": copy.deepcopy(message)}
        with self._lock:
            self._pushed[str(message["message_id"])] = copy.deepcopy(update)
        self._deliver(update)
        return str(message["message_id"])

    def push_duplicate(self, message_id: str) -> None:
        """The same update once more (same message_id), as a redelivery would be."""
        with self._lock:
            update = copy.deepcopy(self._pushed[message_id])
        self._deliver(update)

    def add_image(self, content: bytes, mime_type: str = "image/jpeg") -> str:
        """Serve ``content`` at a URL a user's photo message can point to; return the URL."""
        media_id = new_id()
        with self._lock:
            self._media[media_id] = (content, mime_type)
        return f"{self.url}/media/{media_id}"

    def _message(
        self,
        user_id: str,
        *,
        chat_id: str | None = None,
        chat_type: str = "PRIVATE",
        display_name: str = "Người dùng",
        is_bot: bool = False,
    ) -> JSON:
        return {
            "from": {"id": user_id, "display_name": display_name, "is_bot": is_bot},
            "chat": {"id": chat_id or user_id, "chat_type": chat_type},
            "message_id": new_id(),
            "date": int(time.time() * 1000),
        }

    def _deliver(self, update: JSON) -> None:
        with self._lock:
            hook = self._webhook.get("url")
            secret = self._secret
            if not hook:
                self._queue.append(update)
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if hook:
            shape = self.webhook_shape

            def post() -> None:
                asyncio.ensure_future(self._post(hook, secret, update, shape))

            loop.call_soon_threadsafe(post)
        else:
            loop.call_soon_threadsafe(self._wake)

    async def _post(self, url: str, secret: str, update: JSON, shape: Shape) -> None:
        try:
            response = await post_webhook(url, secret, update, shape)
            status = response.status_code
        except (httpx.HTTPError, ConnectionError):
            status = 0
        with self._lock:
            self._deliveries.append(status)

    def _wake(self) -> None:
        if self._pushed_event is not None:
            self._pushed_event.set()
        self._pushed_event = asyncio.Event()

    # --- test API: faults and records -----------------------------------------------------------

    def fail_next(self, method: str, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self._faults.setdefault(method, deque()).extend([fault] * times)

    def set_chaos(self, chaos: Chaos | None) -> None:
        """Answer a random share of calls with faults from now on (None: no more)."""
        with self._lock:
            self._chaos = chaos

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent_messages(self, chat_id: str | None = None) -> list[JSON]:
        """The bot's messages (text and photos) in a chat, or in all chats, in order sent."""
        with self._lock:
            if chat_id is not None:
                return copy.deepcopy(self._messages.get(chat_id, []))
            return [copy.deepcopy(m) for chat in self._messages.values() for m in chat]

    @property
    def pending_updates(self) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(list(self._queue))

    @property
    def webhook(self) -> JSON:
        with self._lock:
            return {**self._webhook, "secret_token": self._secret}

    @property
    def webhook_deliveries(self) -> list[int]:
        """The HTTP status of each webhook POST the fake made (0: no answer)."""
        with self._lock:
            return list(self._deliveries)

    # --- HTTP -----------------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> Response:
        received = time.monotonic()
        method = request.path_params["method"]
        params: JSON = dict(request.query_params)
        try:
            if request.headers.get("content-type", "").startswith("application/json"):
                raw = await request.body()
                if raw.strip():
                    decoded = json.loads(raw)
                    if not isinstance(decoded, dict):
                        raise ValueError("not an object")
                    params.update(decoded)
            elif request.method == "POST":
                async with request.form() as form:
                    params.update({k: v for k, v in form.items() if isinstance(v, str)})
        except ValueError:
            body = self._error_body(400, "Bad request")
        else:
            with self._lock:
                chaos = self._chaos
            kind = chaos.draw(method, params) if chaos is not None else None
            if kind is not None and request.path_params["token"] == self.token:
                return await self._chaos_answer(chaos, kind, method, params, received)
            body = await self._answer(request, method, params)
        status = 200 if body["ok"] or not self.real_status else int(body["error_code"])
        with self._lock:
            self._calls.append(Call(method, params, received, status, body))
        return JSONResponse(body, status_code=status)

    async def _chaos_answer(
        self, chaos: Chaos | None, kind: str, method: str, params: JSON, received: float
    ) -> Response:
        """A fault instead of the call, which is not done: 429, a gateway's 500, no answer
        (the client gives up), or a dropped connection."""
        assert chaos is not None
        if kind == "429":
            body, status = self._error_body(429, "Quota exceeded"), 200
            response: Response = JSONResponse(body, status_code=429 if self.real_status else 200)
            status = response.status_code
        elif kind == "500":
            body, status = self._error_body(500, "Internal Server Error"), 500
            response = Response("Internal Server Error", status_code=500)
        elif kind == "hang":
            assert self._closing is not None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), chaos.hang)
            body, status = self._error_body(504, "Gateway Timeout"), 504
            response = Response("Gateway Timeout", status_code=504)
        else:
            body, status = {"ok": False, "dropped": True}, DROPPED
            response = _Dropped()
        with self._lock:
            self._calls.append(Call(method, params, received, status, body))
        return response

    @staticmethod
    def _error_body(code: int, description: str) -> JSON:
        return {"ok": False, "error_code": code, "description": description}

    async def _answer(self, request: Request, method: str, params: JSON) -> JSON:
        if request.path_params["token"] != self.token:
            return self._error_body(401, "Unauthorized")
        if method != "getUpdates" and method not in self._handlers:
            return self._error_body(400, "Bad request")  # "wrong path or invalid API name"
        with self._lock:
            faults = self._faults.get(method)
            fault = faults.popleft() if faults else None
        if fault is not None:
            return self._error_body(fault.error_code, fault.description)
        try:
            if method == "getUpdates":
                result = await self._get_updates(params)
            else:
                with self._lock:
                    result = self._handlers[method](params)
        except _ApiError as error:
            return self._error_body(error.error_code, error.description)
        return {"ok": True} if result is None else {"ok": True, "result": result}

    async def _media_endpoint(self, request: Request) -> Response:
        with self._lock:
            found = self._media.get(request.path_params["media_id"])
        if found is None:
            return Response(status_code=404)
        return Response(found[0], media_type=found[1])

    # --- methods ------------------------------------------------------------------------------

    async def _get_updates(self, params: JSON) -> JSON:
        try:
            timeout = float(str(params.get("timeout", "30")))
        except ValueError:
            raise _ApiError(400, "Bad request") from None
        with self._lock:
            if self._webhook.get("url"):
                raise _ApiError(400, "Bad request: webhook is set, getUpdates is unavailable")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(timeout, 0)
        while True:
            assert self._pushed_event is not None and self._closing is not None
            pushed = self._pushed_event
            with self._lock:
                if self._queue:
                    return self._queue.popleft()
            remaining = deadline - loop.time()
            if remaining <= 0 or self._closing.is_set():
                raise _ApiError(408, "Request timeout")
            waiters = [
                asyncio.ensure_future(pushed.wait()),
                asyncio.ensure_future(self._closing.wait()),
            ]
            await asyncio.wait(waiters, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()

    def _set_webhook(self, params: JSON) -> JSON:
        url = str(params.get("url") or "")
        secret = str(params.get("secret_token") or "")
        parsed = urlparse(url)
        local = parsed.hostname in ("127.0.0.1", "localhost")
        if parsed.scheme != "https" and not (parsed.scheme == "http" and local):
            raise _ApiError(400, "Bad request: url must be HTTPS")
        if not 8 <= len(secret) <= 256:
            raise _ApiError(400, "Bad request: secret_token must have 8-256 characters")
        self._webhook = {"url": url, "updated_at": int(time.time() * 1000)}
        self._secret = secret
        return dict(self._webhook)

    def _delete_webhook(self, params: JSON) -> JSON:
        self._webhook = {"url": "", "updated_at": int(time.time() * 1000)}
        self._secret = ""
        return dict(self._webhook)

    def _chat_id(self, params: JSON) -> str:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, str) or not chat_id:
            raise _ApiError(400, "Bad request: chat_id must be a non-empty string")
        return chat_id

    def _text(self, params: JSON, name: str, required: bool) -> str | None:
        value = params.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not 1 <= _utf16(value) <= MAX_TEXT:
            raise _ApiError(400, f"Bad request: {name} must have 1-{MAX_TEXT} characters")
        return value

    def _keep(self, chat_id: str, message: JSON) -> JSON:
        message_id = new_id()
        date = int(time.time() * 1000)
        self._messages.setdefault(chat_id, []).append(
            {"message_id": message_id, "chat_id": chat_id, "date": date, **message}
        )
        if self.echo_bot_messages and "text" in message:
            echo = self._message(BOT_ID, chat_id=chat_id, display_name="Bot", is_bot=True)
            echo.update(message_id=message_id, date=date, text=message["text"])
            self._deliver({"event_name": "message.text.received", "message": echo})
        return {"message_id": message_id, "date": date}

    def _send_message(self, params: JSON) -> JSON:
        chat_id = self._chat_id(params)
        text = self._text(params, "text", required=True)
        return self._keep(chat_id, {"text": text})

    def _send_photo(self, params: JSON) -> JSON:
        chat_id = self._chat_id(params)
        photo = params.get("photo")
        if not isinstance(photo, str) or urlparse(photo).scheme not in ("http", "https"):
            raise _ApiError(400, "Bad request: photo must be a URL")
        caption = self._text(params, "caption", required=False)
        return self._keep(chat_id, {"photo": photo, "caption": caption})

    def _send_sticker(self, params: JSON) -> JSON:
        chat_id = self._chat_id(params)
        if not params.get("sticker"):
            raise _ApiError(400, "Bad request: sticker is required")
        return self._keep(chat_id, {"sticker": str(params["sticker"])})

    def _send_chat_action(self, params: JSON) -> None:
        self._chat_id(params)
        if params.get("action") not in ("typing", "upload_photo"):
            raise _ApiError(400, "Bad request: action must be typing or upload_photo")
        return None


__all__ = [
    "BOT_ID",
    "DEFAULT_TOKEN",
    "DROPPED",
    "Call",
    "Chaos",
    "FakeZalo",
    "Fault",
    "new_id",
    "post_webhook",
    "wrap",
]
