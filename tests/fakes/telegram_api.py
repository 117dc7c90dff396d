"""A fake Telegram Bot API: a real HTTP server on 127.0.0.1 that the real client talks to in tests.

Point python-telegram-bot at it and drive it from the test through Python methods::

    with FakeTelegram() as tg:
        bot = Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url)
        tg.push_command(chat_id=42, user_id=42, text="/start")
        ...  # run the code under test
        assert tg.sent_messages(42)[-1]["text"] == "..."

What it models, and where it deliberately differs from Telegram:

- Wire format: GET or POST, with a query string, a form (url-encoded or multipart, files recorded
  as `Upload`) or a JSON body. Form values are JSON-decoded as PTB encodes them (everything but
  plain strings is sent as JSON text), except the free-text fields in `_TEXT_FIELDS`.
- Answers use real HTTP status codes, because PTB raises from the status, not from ``ok``.
- Updates live in one queue; ``getUpdates`` acknowledges by ``offset``, honours ``limit``,
  sticky ``allowed_updates`` and long-polls for up to ``timeout`` seconds, returning early
  when the test pushes an update. A second concurrent ``getUpdates`` gets 409 Conflict.
- Sent messages get a message_id that counts up per chat (shared with the user's messages, as
  in Telegram), are stored as the chat shows them (edits applied, deletions removed), and HTML
  text is parsed the way Telegram does, so an unescaped ``<`` fails with "can't parse entities".
- Webhooks are only recorded: the fake never calls the bot's webhook URL.
- Every call is recorded as a `Call` after it has been answered.

Failures are configured per test::

    tg.fail_next("sendMessage", Fault.too_many_requests(5))   # PTB raises RetryAfter(5)
    tg.fail_next("sendMessage", Fault.blocked_by_user(), times=2)
    tg.fail_next("getUpdates", Fault.slow(10))                 # the client times out
    tg.fail_next("getMe", Fault.dropped())                     # the connection drops
    tg.set_chaos(Chaos(rate=0.1, seed=3))                      # a seeded mix of all of these
    tg.set_rate_limits(RateLimits(private_chat=Window(1, 1.0)))
    call = await tg.wait_for("sendMessage")                    # from an async test
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import json
import math
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.chaos import Chaos, drop_connection

if TYPE_CHECKING:
    from telegram import Bot

JSON = dict[str, Any]

DEFAULT_TOKEN = "123456789:TEST-fake-telegram-token"
DEFAULT_BOT_USERNAME = "nhacviec_test_bot"

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_DOWNLOAD_BYTES = 20_000_000
MAX_COMMANDS = 100

# Telegram's default when allowed_updates was never set, or set to an empty list.
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

# Methods that post a message into a chat: the ones the flood limits apply to.
_SEND_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})

# Free-text fields are never JSON-decoded: PTB sends strings as they are, so text "42" must
# stay the string "42" rather than become the number 42.
_TEXT_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "secret_token",
        "file_id",
        "language_code",
        "action",
        "title",
        "description",
        "short_description",
        "name",
        "ip_address",
        "document",
        "photo",
    }
)

# How long a getUpdates that meets another poll waits for it to end before answering 409:
# a client that has just cancelled its poll may reconnect before the server noticed.
_CONFLICT_GRACE_SECONDS = 0.3
_START_TIMEOUT_SECONDS = 5.0
_STOP_TIMEOUT_SECONDS = 5.0
# How long stopping waits for answers in flight; long polls and slow faults end at once.
_SHUTDOWN_GRACE_SECONDS = 1.0
DROPPED = 0  # the "status" of a call whose connection the fake dropped


# --- Records and configuration -------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """A file the client uploaded in a multipart request."""

    file_name: str
    content: bytes
    mime_type: str


@dataclass(frozen=True)
class Call:
    """One request the fake answered: what the client asked and what it got back.

    ``time`` is the fake's monotonic clock when the request arrived; ``status`` the HTTP status
    answered; ``response`` the JSON body sent back (``{"ok": ..., ...}``).
    """

    method: str
    params: JSON
    time: float
    status: int = 200
    response: JSON = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class Fault:
    """A failure to inject into the next call of a method (see `FakeTelegram.fail_next`).

    With ``status`` 200 and a ``delay``, the call is answered normally but late: a client that
    gave up (TimedOut) never learns that the message was in fact sent, as with Telegram.
    """

    status: int
    description: str = ""
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None
    delay: float = 0.0

    @classmethod
    def too_many_requests(cls, retry_after: int) -> Fault:
        """429 flood control; PTB raises RetryAfter(retry_after)."""
        return cls(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)

    @classmethod
    def internal_error(cls) -> Fault:
        """500; PTB raises NetworkError."""
        return cls(500, "Internal Server Error")

    @classmethod
    def blocked_by_user(cls) -> Fault:
        """403 after the user blocked the bot; PTB raises Forbidden."""
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def bad_request(cls, description: str) -> Fault:
        """400 with a description such as "chat not found"; PTB raises BadRequest."""
        if not description.startswith("Bad Request"):
            description = f"Bad Request: {description}"
        return cls(400, description)

    @classmethod
    def chat_migrated(cls, new_chat_id: int) -> Fault:
        """400 for a group upgraded to a supergroup; PTB raises ChatMigrated."""
        return cls(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=new_chat_id,
        )

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """Answer normally after ``seconds``: past the client's read timeout it sees TimedOut,
        though the call was done (a message sent)."""
        return cls(200, delay=seconds)

    @classmethod
    def no_answer(cls, seconds: float) -> Fault:
        """Do nothing and answer 504 after ``seconds``: a request lost on its way in."""
        return cls(504, "Gateway Timeout", delay=seconds)

    @classmethod
    def dropped(cls) -> Fault:
        """Do nothing and close the connection before answering (PTB raises NetworkError)."""
        return cls(DROPPED, "connection dropped")

    def body(self) -> JSON:
        return _error_body(self.status, self.description, self._parameters())

    def _parameters(self) -> JSON:
        parameters: JSON = {}
        if self.retry_after is not None:
            parameters["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        return parameters


@dataclass(frozen=True)
class Window:
    """A sliding-window limit: at most ``limit`` accepted messages in any ``seconds`` span.

    A burst of 3 with 1 message a second on average is ``Window(3, 3.0)``.
    """

    limit: int
    seconds: float


@dataclass(frozen=True)
class RateLimits:
    """The flood limits the fake enforces on sendMessage/sendDocument/sendPhoto when enabled.

    Defaults follow Telegram's Bots FAQ: about 30 messages a second overall, one a second per
    chat with short bursts allowed (modelled as 3 in any 3 s), 20 a minute per group (negative
    chat_id). Only accepted messages count; the 429s answered do not.
    """

    overall: Window = Window(30, 1.0)
    private_chat: Window = Window(3, 3.0)
    group_chat: Window = Window(20, 60.0)


# --- Telegram HTML -------------------------------------------------------------------------


class HtmlError(ValueError):
    """Text that Telegram would refuse with "can't parse entities"."""


_HTML_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_HTML_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_ENTITY_RE = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);")
_HTML_ATTRIBUTE_RE = re.compile(r"""([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?""")


@dataclass
class _OpenTag:
    name: str
    offset: int
    attributes: dict[str, str]
    language: str | None = None


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_telegram_html(text: str) -> tuple[str, list[JSON]]:
    """Parse text sent with parse_mode=HTML the way Telegram does: (plain text, entities).

    Supported tags are Telegram's (b, strong, i, em, u, ins, s, strike, del, a, code, pre,
    tg-spoiler, span class="tg-spoiler", blockquote, tg-emoji); only &lt; &gt; &amp; &quot; and
    numeric character references are decoded. Raises HtmlError with Telegram's wording for any
    other tag, a ``<`` that does not start a tag, or unbalanced tags. Entity offsets and
    lengths count UTF-16 code units, as in the Bot API.
    """
    plain: list[str] = []
    position = 0
    stack: list[_OpenTag] = []
    entities: list[JSON] = []
    index = 0

    def emit(piece: str) -> None:
        nonlocal position
        plain.append(piece)
        position += _utf16_length(piece)

    while index < len(text):
        char = text[index]
        if char == "&":
            match = _HTML_ENTITY_RE.match(text, index)
            decoded = _decode_html_entity(match.group(1)) if match else None
            if match and decoded is not None:
                emit(decoded)
                index = match.end()
            else:
                emit("&")
                index += 1
            continue
        if char != "<":
            emit(char)
            index += 1
            continue
        byte_offset = len(text[:index].encode("utf-8"))
        close = text.find(">", index)
        if close == -1:
            raise HtmlError(f"Unclosed start tag at byte offset {byte_offset}")
        inner = text[index + 1 : close]
        index = close + 1
        if inner.startswith("/"):
            name = inner[1:].strip().lower()
            if not stack:
                raise HtmlError(f"Unexpected end tag at byte offset {byte_offset}")
            if name != stack[-1].name:
                raise HtmlError(
                    f"Unmatched end tag at byte offset {byte_offset}, "
                    f'expected "</{stack[-1].name}>", found "</{name}>"'
                )
            _close_tag(stack, entities, position)
            continue
        name_match = re.match(r"[^\s/]*", inner)
        name = name_match.group(0).lower() if name_match else ""
        if name not in _HTML_TAG_ENTITY:
            raise HtmlError(f'Unsupported start tag "{name}" at byte offset {byte_offset}')
        attributes = {
            key.lower(): html.unescape(double or single or bare)
            for key, double, single, bare in _HTML_ATTRIBUTE_RE.findall(inner[len(name) :])
        }
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset}')
        stack.append(_OpenTag(name, position, attributes))

    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(plain), entities


def _decode_html_entity(reference: str) -> str | None:
    if reference.startswith(("#x", "#X")):
        code = int(reference[2:], 16)
    elif reference.startswith("#"):
        code = int(reference[1:])
    else:
        return _HTML_NAMED_ENTITIES.get(reference)
    return chr(code) if 0 < code <= 0x10FFFF else None


def _close_tag(stack: list[_OpenTag], entities: list[JSON], position: int) -> None:
    tag = stack.pop()
    code_class = tag.attributes.get("class", "")
    # <pre><code class="language-x"> is one pre entity with a language, not two entities.
    if tag.name == "code" and stack and stack[-1].name == "pre":
        if code_class.startswith("language-"):
            stack[-1].language = code_class.removeprefix("language-")
        return
    length = position - tag.offset
    if length == 0:
        return  # Telegram drops empty entities.
    entity: JSON = {"type": _HTML_TAG_ENTITY[tag.name], "offset": tag.offset, "length": length}
    if tag.name == "a":
        entity["url"] = tag.attributes.get("href", "")
    elif tag.name == "pre" and tag.language:
        entity["language"] = tag.language
    elif tag.name == "blockquote" and "expandable" in tag.attributes:
        entity["type"] = "expandable_blockquote"
    elif tag.name == "tg-emoji":
        entity["custom_emoji_id"] = tag.attributes.get("emoji-id", "")
    entities.append(entity)


# --- Answers --------------------------------------------------------------------------------


class _ApiError(Exception):
    """Raised inside a method handler to answer ``{"ok": false, ...}`` with a real status."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters or {}


def _bad_request(reason: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {reason}")


def _error_body(status: int, description: str, parameters: JSON | None = None) -> JSON:
    body: JSON = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


# --- State kept by the fake ------------------------------------------------------------------


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    content: bytes
    file_name: str
    mime_type: str
    file_path: str
    declared_size: int | None = None

    @property
    def size(self) -> int:
        return self.declared_size if self.declared_size is not None else len(self.content)


@dataclass
class _QueuedUpdate:
    update: JSON
    # A forced redelivery is handed out once even if its id is below the client's offset.
    redelivery: bool = False
    delivered: bool = False

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])

    @property
    def kind(self) -> str:
        return next((key for key in self.update if key != "update_id"), "")


@dataclass
class _RateLimiter:
    limits: RateLimits
    overall: deque[float] = field(default_factory=deque)
    per_chat: dict[int, deque[float]] = field(default_factory=dict)

    def retry_after(self, chat_id: Any, now: float) -> int | None:
        """Seconds the client must wait, or None if a message to ``chat_id`` may go now."""
        waits = [self._wait(self.overall, self.limits.overall, now)]
        if isinstance(chat_id, int):
            window = self.limits.group_chat if chat_id < 0 else self.limits.private_chat
            waits.append(self._wait(self.per_chat.setdefault(chat_id, deque()), window, now))
        longest = max(wait for wait in waits)
        return math.ceil(longest) if longest > 0 else None

    def accept(self, chat_id: Any, now: float) -> None:
        self.overall.append(now)
        if isinstance(chat_id, int):
            self.per_chat.setdefault(chat_id, deque()).append(now)

    @staticmethod
    def _wait(sent: deque[float], window: Window, now: float) -> float:
        while sent and sent[0] <= now - window.seconds:
            sent.popleft()
        if len(sent) < window.limit:
            return 0.0
        return max(sent[-window.limit] + window.seconds - now, 1e-9)


def _chaos_fault(chaos: Chaos, method: str, params: JSON) -> Fault | None:
    kind = chaos.draw(method, params)
    if kind == "429":
        return Fault.too_many_requests(chaos.retry_after)
    if kind == "500":
        return Fault.internal_error()
    if kind == "hang":
        return Fault.no_answer(chaos.hang)
    if kind == "drop":
        return Fault.dropped()
    return None


class _Dropped(Response):
    """A response that ends after its head: the connection closes with no answer."""

    def __init__(self) -> None:
        super().__init__()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await drop_connection(send)


# --- The server -----------------------------------------------------------------------------


class _Server(uvicorn.Server):
    """uvicorn's server, stopping in milliseconds: its own loop polls every 0.1 s and its
    shutdown sleeps 0.1 s, which adds up over hundreds of tests with a server each."""

    closing: asyncio.Event | None = None

    async def main_loop(self) -> None:
        await self.on_tick(0)  # sets the default response headers
        assert self.closing is not None, "set before serving"
        while not self.should_exit and not self.closing.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), 0.1)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()  # idle keep-alive connections close at once
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _SHUTDOWN_GRACE_SECONDS
        state = self.server_state
        while (state.connections or state.tasks) and loop.time() < deadline:
            await asyncio.sleep(0.005)
        for task in state.tasks:
            task.cancel()


class FakeTelegram:
    """A fake Telegram Bot API server for one bot token, running in a background thread.

    Use it as a context manager (``with FakeTelegram() as tg``) or through
    `fake_telegram_fixture`. Every test method is thread-safe, so it can be called from a sync
    test, from an async test's event loop, or from a handler running in another thread.
    ``clock`` (monotonic seconds) drives the rate limiter and `Call.time`; ``wall_clock`` (Unix
    seconds) gives message dates. Both can be replaced to make timing deterministic.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = DEFAULT_BOT_USERNAME,
        bot_first_name: str = "Nhắc việc (test)",
        rate_limits: RateLimits | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.token = token
        self.bot_user: JSON = {
            "id": int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._clock = clock
        self._wall_clock = wall_clock

        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._limiter = _RateLimiter(rate_limits) if rate_limits else None
        self._rate_limited = 0
        self._rate_limited_calls: list[JSON] = []
        self._chaos: Chaos | None = None

        self._queue: list[_QueuedUpdate] = []
        self._pushed: dict[int, JSON] = {}
        self._next_update_id = 10_001
        self._allowed_updates: frozenset[str] | None = None
        self._polling = False

        self._chats: dict[int | str, JSON] = {}
        self._next_message_id: dict[int | str, int] = {}
        self._messages: dict[int | str, dict[int, JSON]] = {}
        self._callback_queries: set[str] = set()
        self._files: dict[str, _StoredFile] = {}
        self._next_file = 1
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._webhook: JSON = {}

        self._thread: threading.Thread | None = None
        self._server: _Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._updates_pushed: asyncio.Event | None = None
        self._closing: asyncio.Event | None = None
        self._port = 0

        self._handlers: dict[str, Callable[[JSON], Any]] = {
            "getMe": lambda params: dict(self.bot_user),
            "logOut": lambda params: True,
            "close": lambda params: True,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "getFile": self._get_file,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getChat": self._get_chat,
        }
        # Telegram matches method names case-insensitively.
        self._method_names = {name.lower(): name for name in [*self._handlers, "getUpdates"]}

    # --- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``; valid once started."""
        if not self._port:
            raise RuntimeError("the fake Telegram server is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """The value for PTB's ``base_url`` (the token is appended by PTB)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """The value for PTB's ``base_file_url``."""
        return f"{self.url}/file/bot"

    def start(self) -> FakeTelegram:
        """Bind a free port on 127.0.0.1 and serve in a background thread; return self."""
        if self._thread is not None:
            raise RuntimeError("this fake Telegram server was already started")
        # IPPROTO_TCP explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
        # proto says TCP, and with Nagle on every keep-alive request waits ~40 ms for an ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._app(),
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
            timeout_graceful_shutdown=1,
        )
        self._server = _Server(config)
        self._thread = threading.Thread(
            target=asyncio.run,
            args=(self._serve(self._server, sock),),
            name=f"fake-telegram-{self._port}",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the fake Telegram server did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop serving: wake long polls and slow answers, then shut down within seconds."""
        server, thread, loop, closing = self._server, self._thread, self._loop, self._closing
        if server is None or thread is None:
            return
        if loop is not None and closing is not None:
            with contextlib.suppress(RuntimeError):  # the loop may already be closed
                loop.call_soon_threadsafe(closing.set)
        server.should_exit = True
        thread.join(_STOP_TIMEOUT_SECONDS)
        if thread.is_alive():
            server.force_exit = True
            thread.join(_STOP_TIMEOUT_SECONDS)
        self._server = None

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def bot(self, **kwargs: Any) -> Bot:
        """A ``telegram.Bot`` pointed at this server (call ``await bot.initialize()`` or use it
        as an async context manager); ``kwargs`` go to ``Bot``."""
        from telegram import Bot

        return Bot(self.token, base_url=self.base_url, base_file_url=self.base_file_url, **kwargs)

    async def _serve(self, server: _Server, sock: socket.socket) -> None:
        self._loop = asyncio.get_running_loop()
        self._updates_pushed = asyncio.Event()
        self._closing = asyncio.Event()
        server.closing = self._closing
        try:
            await server.serve(sockets=[sock])
        finally:
            sock.close()

    # --- test API: files and updates ------------------------------------------------------

    def add_file(
        self,
        content: bytes,
        file_name: str = "file.bin",
        mime_type: str = "application/octet-stream",
        *,
        file_size: int | None = None,
    ) -> str:
        """Register a file a user could send; return its file_id for push_document/push_photo.

        ``file_size`` overrides the size Telegram reports (e.g. to test the 20 MB download
        limit without allocating 20 MB).
        """
        with self._lock:
            return self._store_file(content, file_name, mime_type, "documents", file_size).file_id

    def file_bytes(self, file_id: str) -> bytes:
        """The content of a registered or uploaded file."""
        with self._lock:
            return self._files[file_id].content

    def push_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        first_name: str = "Người dùng",
        language_code: str | None = "vi",
        message_thread_id: int | None = None,
        entities: list[JSON] | None = None,
    ) -> int:
        """Queue a text message from a user; return its update_id.

        ``chat_type`` defaults to "private" for a positive chat_id, "supergroup" for a -100...
        id and "group" for other negative ids. A ``message_thread_id`` makes it a message in a
        forum topic.
        """
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_thread_id
        )
        message["text"] = text
        if entities:
            message["entities"] = entities
        return self.push_raw({"message": message})

    def push_command(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str | None = None,
        first_name: str = "Người dùng",
        language_code: str | None = "vi",
        message_thread_id: int | None = None,
    ) -> int:
        """push_text with a bot_command entity over the first word ("/start", "/nhiemvu@bot")."""
        if not text.startswith("/"):
            raise ValueError("a command starts with '/'")
        command = text.split(maxsplit=1)[0]
        entity = {"type": "bot_command", "offset": 0, "length": _utf16_length(command)}
        return self.push_text(
            chat_id,
            user_id,
            text,
            chat_type=chat_type,
            first_name=first_name,
            language_code=language_code,
            message_thread_id=message_thread_id,
            entities=[entity],
        )

    def push_callback(
        self,
        chat_id: int,
        user_id: int,
        data: str,
        message_id: int,
        *,
        first_name: str = "Người dùng",
        language_code: str | None = "vi",
    ) -> int:
        """Queue a press on an inline button of the bot's message ``message_id``; return update_id.

        The callback query id is ``str(update_id)``. The message is the one the bot sent, as
        it now stands, or an inaccessible message if the fake does not know it.
        """
        with self._lock:
            update_id = self._take_update_id()
            stored = self._messages.get(chat_id, {}).get(message_id)
            message = (
                copy.deepcopy(stored)
                if stored
                else {"chat": self._chat(chat_id), "message_id": message_id, "date": 0}
            )
            query_id = str(update_id)
            self._callback_queries.add(query_id)
            query = {
                "id": query_id,
                "from": self._user(user_id, first_name, language_code),
                "chat_instance": f"ci{chat_id}",
                "data": data,
                "message": message,
            }
            return self._enqueue({"update_id": update_id, "callback_query": query})

    def push_document(
        self,
        chat_id: int,
        user_id: int,
        file_id: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        file_size: int | None = None,
        caption: str | None = None,
        *,
        chat_type: str | None = None,
        first_name: str = "Người dùng",
        language_code: str | None = "vi",
        message_thread_id: int | None = None,
    ) -> int:
        """Queue a document from a user; unset name/type/size come from `add_file`."""
        with self._lock:
            stored = self._files.get(file_id)
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_thread_id
        )
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id if stored else f"u{file_id}",
            "file_name": file_name or (stored.file_name if stored else "file.bin"),
            "mime_type": mime_type or (stored.mime_type if stored else "application/octet-stream"),
            "file_size": file_size if file_size is not None else (stored.size if stored else 0),
        }
        if caption is not None:
            message["caption"] = caption
        return self.push_raw({"message": message})

    def push_photo(
        self,
        chat_id: int,
        user_id: int,
        file_id: str,
        file_size: int | None = None,
        caption: str | None = None,
        *,
        chat_type: str | None = None,
        first_name: str = "Người dùng",
        language_code: str | None = "vi",
    ) -> int:
        """Queue a photo from a user (one size, 1280x960)."""
        with self._lock:
            stored = self._files.get(file_id)
        message = self._user_message(chat_id, user_id, chat_type, first_name, language_code, None)
        message["photo"] = [
            {
                "file_id": file_id,
                "file_unique_id": stored.file_unique_id if stored else f"u{file_id}",
                "width": 1280,
                "height": 960,
                "file_size": file_size if file_size is not None else (stored.size if stored else 0),
            }
        ]
        if caption is not None:
            message["caption"] = caption
        return self.push_raw({"message": message})

    def push_raw(self, update: JSON) -> int:
        """Queue an update as given; an update_id is added when missing. Return the update_id."""
        with self._lock:
            update = copy.deepcopy(update)
            if "update_id" not in update:
                update = {"update_id": self._take_update_id(), **update}
            return self._enqueue(update)

    def push_duplicate(self, update_id: int) -> int:
        """Deliver an update pushed earlier once more, with the SAME update_id.

        It is handed out even if the client's offset already acknowledged it, as when Telegram
        redelivers after a lost acknowledgement.
        """
        with self._lock:
            update = copy.deepcopy(self._pushed[update_id])
            self._queue.append(_QueuedUpdate(update, redelivery=True))
        self._wake_pollers()
        return update_id

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet acknowledged by the client."""
        with self._lock:
            return [copy.deepcopy(queued.update) for queued in self._queue]

    # --- test API: faults and limits ------------------------------------------------------

    def fail_next(self, method: str, fault: Fault, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with ``fault`` instead of normally."""
        with self._lock:
            queue = self._faults.setdefault(self._canonical(method), deque())
            queue.extend([fault] * times)

    def faults_left(self, method: str) -> int:
        """How many of the faults set for ``method`` no call has met yet."""
        with self._lock:
            return len(self._faults.get(self._canonical(method), ()))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def set_rate_limits(self, limits: RateLimits | None) -> None:
        """Enforce flood limits from now on (None turns them off); counts restart at zero."""
        with self._lock:
            self._limiter = _RateLimiter(limits) if limits else None

    def set_chaos(self, chaos: Chaos | None) -> None:
        """Answer a random share of calls with faults from now on (None: no more)."""
        with self._lock:
            self._chaos = chaos

    @property
    def rate_limited_count(self) -> int:
        """How many 429s the rate limiter has answered (injected faults not included)."""
        with self._lock:
            return self._rate_limited

    def most_sent_in_one_second(self) -> int:
        """The most messages (sendMessage, sendPhoto, sendDocument) accepted within any one
        second, as the platform's flood control counts them."""
        times = sorted(c.time for c in self.calls if c.ok and c.method in _SEND_METHODS)
        most, first = 0, 0
        for last, at in enumerate(times):
            while at - times[first] >= 1.0:
                first += 1
            most = max(most, last - first + 1)
        return most

    @property
    def rate_limited_calls(self) -> list[JSON]:
        """The parameters of each call the rate limiter answered 429 (faults not included)."""
        with self._lock:
            return copy.deepcopy(self._rate_limited_calls)

    # --- test API: what the client did ----------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every call answered so far, oldest first (file downloads appear as "downloadFile")."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        """The calls of one method, oldest first."""
        name = self._canonical(method)
        return [call for call in self.calls if call.method == name]

    def sent_messages(self, chat_id: int | str | None = None) -> list[JSON]:
        """The bot's messages as the chat now shows them (edits applied, deleted ones gone),
        in the order sent; all chats when ``chat_id`` is None."""
        if isinstance(chat_id, str) and re.fullmatch(r"-?\d+", chat_id):
            chat_id = int(chat_id)
        with self._lock:
            chats = [chat_id] if chat_id is not None else list(self._messages)
            return [
                copy.deepcopy(message)
                for chat in chats
                for message in self._messages.get(chat, {}).values()
            ]

    def my_commands(self, language_code: str = "", scope: JSON | None = None) -> list[JSON]:
        """The command list set for a scope (default scope when None) and language."""
        with self._lock:
            return copy.deepcopy(self._commands.get((_scope_key(scope), language_code), []))

    @property
    def webhook(self) -> JSON:
        """The webhook settings last set (url, secret_token, ...); empty when none."""
        with self._lock:
            return dict(self._webhook)

    async def wait_for(self, predicate: Callable[[Call], bool] | str, timeout: float = 5.0) -> Call:
        """Wait, without blocking the event loop, for a recorded call that matches; return it.

        ``predicate`` is a method name or a function of a `Call`. Calls recorded before the
        wait count too, so the first match is returned. Raises TimeoutError.
        """
        match = _as_predicate(predicate)
        deadline = time.monotonic() + timeout
        while True:
            found = self._first_call(match)
            if found is not None:
                return found
            if time.monotonic() >= deadline:
                raise TimeoutError(f"no matching call within {timeout} s")
            await asyncio.sleep(0.01)

    def wait_for_blocking(
        self, predicate: Callable[[Call], bool] | str, timeout: float = 5.0
    ) -> Call:
        """`wait_for` for sync tests whose client runs in another thread; blocks the caller."""
        match = _as_predicate(predicate)
        with self._changed:
            found: list[Call] = []

            def matched() -> bool:
                call = self._first_call(match)
                if call is not None:
                    found.append(call)
                return call is not None

            if not self._changed.wait_for(matched, timeout):
                raise TimeoutError(f"no matching call within {timeout} s")
            return found[0]

    def _first_call(self, match: Callable[[Call], bool]) -> Call | None:
        with self._lock:
            return next((call for call in self._calls if match(call)), None)

    # --- HTTP layer -----------------------------------------------------------------------

    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api_endpoint, methods=["GET", "POST"]),
                Route("/file/bot{token}/{file_path:path}", self._file_endpoint, methods=["GET"]),
            ]
        )

    async def _api_endpoint(self, request: Request) -> Response:
        received = self._clock()
        method = self._canonical(request.path_params["method"])
        try:
            params = await _read_params(request)
        except (ValueError, MultiPartException):
            params = {}
            status, body = 400, _error_body(400, "Bad Request: can't parse request body")
        else:
            status, body = await self._answer(request, method, params)
        self._record(Call(method, params, received, status, body))
        if status == DROPPED:
            return _Dropped()
        return JSONResponse(body, status_code=status)

    async def _file_endpoint(self, request: Request) -> Response:
        received = self._clock()
        file_path = request.path_params["file_path"]
        with self._lock:
            stored = next((f for f in self._files.values() if f.file_path == file_path), None)
        status = 200 if stored and request.path_params["token"] == self.token else 404
        self._record(Call("downloadFile", {"file_path": file_path}, received, status))
        if stored is None or status != 200:
            return JSONResponse(_error_body(404, "Not Found"), status_code=404)
        return Response(stored.content, media_type=stored.mime_type)

    async def _answer(self, request: Request, method: str, params: JSON) -> tuple[int, JSON]:
        if request.path_params["token"] != self.token:
            return 401, _error_body(401, "Unauthorized")
        if method not in self._method_names.values():
            return 404, _error_body(404, "Not Found")
        with self._lock:
            faults = self._faults.get(method)
            fault = faults.popleft() if faults else None
            chaos = self._chaos
        if fault is None and chaos is not None:
            fault = _chaos_fault(chaos, method, params)
        if fault is not None:
            if fault.delay:
                await self._sleep(fault.delay)
            if fault.status != 200:
                return fault.status, fault.body()
        try:
            if method == "getUpdates":
                result = await self._get_updates(request, params)
            elif method in _SEND_METHODS:
                result = self._send_with_limits(method, params)
            else:
                with self._lock:
                    result = self._handlers[method](params)
        except _ApiError as error:
            return error.status, _error_body(error.status, error.description, error.parameters)
        return 200, {"ok": True, "result": result}

    def _send_with_limits(self, method: str, params: JSON) -> Any:
        with self._lock:
            chat_id = _chat_id(params)
            now = self._clock()
            if self._limiter is not None:
                wait = self._limiter.retry_after(chat_id, now)
                if wait is not None:
                    self._rate_limited += 1
                    self._rate_limited_calls.append(copy.deepcopy(params))
                    raise _ApiError(
                        429, f"Too Many Requests: retry after {wait}", {"retry_after": wait}
                    )
            result = self._handlers[method](params)
            if self._limiter is not None:
                self._limiter.accept(chat_id, now)
            return result

    def _record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()

    def _canonical(self, method: str) -> str:
        return self._method_names.get(method.lower(), method)

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but end early when the server is stopping so shutdown never waits."""
        assert self._closing is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)

    # --- updates --------------------------------------------------------------------------

    async def _get_updates(self, request: Request, params: JSON) -> list[JSON]:
        offset = _int_param(params, "offset", 0)
        limit = min(max(_int_param(params, "limit", 100), 1), 100)
        timeout = max(_int_param(params, "timeout", 0), 0)
        with self._lock:
            if self._webhook.get("url"):
                raise _ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
        loop = asyncio.get_running_loop()
        grace_end = loop.time() + _CONFLICT_GRACE_SECONDS
        while self._polling and loop.time() < grace_end:
            await asyncio.sleep(0.01)
        if self._polling:
            raise _ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        self._polling = True
        disconnected = asyncio.ensure_future(_wait_for_disconnect(request))
        try:
            with self._lock:
                if "allowed_updates" in params:
                    self._allowed_updates = _allowed_set(params["allowed_updates"])
            deadline = loop.time() + timeout
            while True:
                assert self._updates_pushed is not None and self._closing is not None
                pushed = self._updates_pushed  # taken before looking, so no push is missed
                with self._lock:
                    batch = self._take_updates(offset, limit)
                remaining = deadline - loop.time()
                if batch or remaining <= 0 or self._closing.is_set() or disconnected.done():
                    return batch
                waits: list[asyncio.Future[Any]] = [
                    asyncio.ensure_future(pushed.wait()),
                    asyncio.ensure_future(self._closing.wait()),
                ]
                await asyncio.wait(
                    [*waits, disconnected], timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                )
                for waiter in waits:
                    waiter.cancel()
        finally:
            disconnected.cancel()
            self._polling = False

    def _take_updates(self, offset: int, limit: int) -> list[JSON]:
        """Acknowledge updates below ``offset`` and hand out up to ``limit`` others."""
        if offset < 0:
            # A negative offset keeps only the last -offset updates.
            self._queue = self._queue[offset:]
        else:
            self._queue = [
                queued
                for queued in self._queue
                if queued.update_id >= offset or (queued.redelivery and not queued.delivered)
            ]
        allowed = self._allowed_updates
        self._queue = [
            queued
            for queued in self._queue
            if (queued.kind in allowed if allowed else queued.kind not in _DEFAULT_EXCLUDED_UPDATES)
        ]
        batch = self._queue[:limit]
        for queued in batch:
            queued.delivered = True
        return [copy.deepcopy(queued.update) for queued in batch]

    def _take_update_id(self) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        return update_id

    def _enqueue(self, update: JSON) -> int:
        update_id = int(update["update_id"])
        with self._lock:
            self._pushed[update_id] = copy.deepcopy(update)
            self._queue.append(_QueuedUpdate(update))
            self._next_update_id = max(self._next_update_id, update_id + 1)
        self._wake_pollers()
        return update_id

    def _wake_pollers(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return

        def wake() -> None:
            # Replace the event so later waiters block again; current waiters see it set.
            if self._updates_pushed is not None:
                self._updates_pushed.set()
            self._updates_pushed = asyncio.Event()

        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(wake)

    # --- chats, users, messages -----------------------------------------------------------

    def _user(self, user_id: int, first_name: str, language_code: str | None) -> JSON:
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    def _chat(self, chat_id: int | str, chat_type: str | None = None, **extra: Any) -> JSON:
        """The chat object for ``chat_id``, created on first sight; the caller holds the lock."""
        chat = self._chats.get(chat_id)
        if chat is None or (chat_type and chat["type"] != chat_type):
            if chat_type is None:
                chat_type = _default_chat_type(chat_id)
            chat = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = extra.get("first_name", "Người dùng")
            else:
                chat["title"] = f"Nhóm {chat_id}"
            self._chats[chat_id] = chat
        if extra.get("is_forum"):
            chat["is_forum"] = True
        return dict(chat)

    def _take_message_id(self, chat_id: int | str) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _user_message(
        self,
        chat_id: int,
        user_id: int,
        chat_type: str | None,
        first_name: str,
        language_code: str | None,
        message_thread_id: int | None,
    ) -> JSON:
        with self._lock:
            chat = self._chat(
                chat_id,
                chat_type,
                first_name=first_name,
                is_forum=message_thread_id is not None,
            )
            message: JSON = {
                "message_id": self._take_message_id(chat_id),
                "from": self._user(user_id, first_name, language_code),
                "chat": chat,
                "date": int(self._wall_clock()),
            }
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
            message["is_topic_message"] = True
        return message

    def _new_bot_message(self, params: JSON) -> JSON:
        chat_id = _chat_id(params)
        message: JSON = {
            "message_id": self._take_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": self._chat(chat_id),
            "date": int(self._wall_clock()),
        }
        if "message_thread_id" in params:
            message["message_thread_id"] = _int_param(params, "message_thread_id", 0)
            message["is_topic_message"] = True
        markup = _inline_keyboard(params)
        if markup is not None:
            message["reply_markup"] = markup
        return message

    def _stored_message(self, params: JSON, missing: str) -> JSON:
        chat_id = _chat_id(params)
        message_id = _int_param(params, "message_id", 0)
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None:
            raise _bad_request(missing)
        return message

    def _keep(self, message: JSON) -> JSON:
        self._messages.setdefault(message["chat"]["id"], {})[message["message_id"]] = message
        return copy.deepcopy(message)

    def _store_file(
        self,
        content: bytes,
        file_name: str,
        mime_type: str,
        folder: str,
        declared_size: int | None = None,
    ) -> _StoredFile:
        number = self._next_file
        self._next_file += 1
        suffix = PurePosixPath(file_name).suffix or (".jpg" if folder == "photos" else "")
        stored = _StoredFile(
            file_id=f"FAKEFILE{number:05d}",
            file_unique_id=f"UNIQ{number:05d}",
            content=content,
            file_name=file_name,
            mime_type=mime_type,
            file_path=f"{folder}/file_{number}{suffix}",
            declared_size=declared_size,
        )
        self._files[stored.file_id] = stored
        return stored

    # --- method handlers (called with the lock held) --------------------------------------

    def _set_webhook(self, params: JSON) -> bool:
        url = str(params.get("url", ""))
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad_request("secret token contains unallowed characters")
        if _truthy(params.get("drop_pending_updates")):
            self._queue.clear()
        if "allowed_updates" in params:
            self._allowed_updates = _allowed_set(params["allowed_updates"])
        self._webhook = {key: value for key, value in params.items() if key != "certificate"}
        self._webhook["url"] = url
        return True

    def _delete_webhook(self, params: JSON) -> bool:
        if _truthy(params.get("drop_pending_updates")):
            self._queue.clear()
        self._webhook = {}
        return True

    def _get_webhook_info(self, params: JSON) -> JSON:
        info: JSON = {
            "url": self._webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self._webhook.get("max_connections") is not None:
            info["max_connections"] = self._webhook["max_connections"]
        if self._allowed_updates is not None:
            info["allowed_updates"] = sorted(self._allowed_updates)
        return info

    def _send_message(self, params: JSON) -> JSON:
        text, entities = _message_text(params, "text", MAX_TEXT_LENGTH)
        if not text.strip():
            raise _bad_request("message text is empty")
        message = self._new_bot_message(params)
        message["text"] = text
        if entities:
            message["entities"] = entities
        return self._keep(message)

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        text, entities = _message_text(params, "text", MAX_TEXT_LENGTH)
        if not text.strip():
            raise _bad_request("message text is empty")
        if "inline_message_id" in params:
            return True
        message = self._stored_message(params, "message to edit not found")
        markup = _inline_keyboard(params)
        if (
            message.get("text") == text
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise _bad_request(_NOT_MODIFIED)
        message["text"] = text
        _set_or_drop(message, "entities", entities or None)
        _set_or_drop(message, "reply_markup", markup)
        message["edit_date"] = int(self._wall_clock())
        return copy.deepcopy(message)

    def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        markup = _inline_keyboard(params)
        if "inline_message_id" in params:
            return True
        message = self._stored_message(params, "message to edit not found")
        if message.get("reply_markup") == markup:
            raise _bad_request(_NOT_MODIFIED)
        _set_or_drop(message, "reply_markup", markup)
        message["edit_date"] = int(self._wall_clock())
        return copy.deepcopy(message)

    def _delete_message(self, params: JSON) -> bool:
        message = self._stored_message(params, "message to delete not found")
        del self._messages[message["chat"]["id"]][message["message_id"]]
        return True

    def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._callback_queries:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(params.get("text", ""))) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        return True

    def _send_chat_action(self, params: JSON) -> bool:
        _chat_id(params)
        if not params.get("action"):
            raise _bad_request("wrong parameter action in request")
        return True

    def _send_document(self, params: JSON) -> JSON:
        stored = self._input_file(params, "document", "documents")
        message = self._new_bot_message(params)
        message["document"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_size": stored.size,
        }
        self._add_caption(message, params)
        return self._keep(message)

    def _send_photo(self, params: JSON) -> JSON:
        stored = self._input_file(params, "photo", "photos")
        message = self._new_bot_message(params)
        message["photo"] = [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": 1280,
                "height": 960,
                "file_size": stored.size,
            }
        ]
        self._add_caption(message, params)
        return self._keep(message)

    def _input_file(self, params: JSON, name: str, folder: str) -> _StoredFile:
        """The file a send method refers to: an upload, a known file_id, or a URL."""
        value = params.get(name)
        if isinstance(value, Upload):
            return self._store_file(value.content, value.file_name, value.mime_type, folder)
        if isinstance(value, str) and value.startswith("attach://"):
            attached = params.get(value.removeprefix("attach://"))
            if isinstance(attached, Upload):
                return self._store_file(
                    attached.content, attached.file_name, attached.mime_type, folder
                )
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            file_name = PurePosixPath(value).name or "file"
            return self._store_file(b"", file_name, "application/octet-stream", folder)
        raise _bad_request(f"there is no {name} in the request")

    def _add_caption(self, message: JSON, params: JSON) -> None:
        if params.get("caption") is None:
            return
        caption, entities = _message_text(params, "caption", MAX_CAPTION_LENGTH)
        message["caption"] = caption
        if entities:
            message["caption_entities"] = entities

    def _get_file(self, params: JSON) -> JSON:
        stored = self._files.get(str(params.get("file_id", "")))
        if stored is None:
            raise _bad_request("invalid file_id")
        if stored.size > MAX_DOWNLOAD_BYTES:
            raise _bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }

    def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
            raise _bad_request("can't parse commands JSON object")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            description = command.get("description", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise _bad_request("command description must be non-empty")
        key = (_scope_key(params.get("scope")), str(params.get("language_code", "")))
        self._commands[key] = copy.deepcopy(commands)
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        key = (_scope_key(params.get("scope")), str(params.get("language_code", "")))
        return copy.deepcopy(self._commands.get(key, []))

    def _delete_my_commands(self, params: JSON) -> bool:
        key = (_scope_key(params.get("scope")), str(params.get("language_code", "")))
        self._commands.pop(key, None)
        return True

    def _get_chat(self, params: JSON) -> JSON:
        chat_id = _chat_id(params)
        if chat_id not in self._chats:
            raise _bad_request("chat not found")
        return {**self._chats[chat_id], "accent_color_id": 0, "max_reaction_count": 11}


_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


# --- Request parsing and parameter helpers --------------------------------------------------


async def _read_params(request: Request) -> JSON:
    """All parameters of a request: query string, then the JSON or form body on top."""
    params: JSON = {key: _decode_value(key, value) for key, value in request.query_params.items()}
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        body = await request.body()
        if body.strip():
            decoded = json.loads(body)
            if not isinstance(decoded, dict):
                raise ValueError("a JSON body must be an object")
            params.update(decoded)
    elif content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        async with request.form(max_part_size=50 * 1024 * 1024) as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    params[key] = Upload(
                        file_name=value.filename or key,
                        content=await value.read(),
                        mime_type=value.content_type or "application/octet-stream",
                    )
                else:
                    params[key] = _decode_value(key, value)
    return params


def _decode_value(key: str, value: str) -> Any:
    """A form value as PTB meant it: JSON text for everything but plain strings."""
    if key in _TEXT_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _wait_for_disconnect(request: Request) -> None:
    """Return when the client closes the connection (e.g. PTB cancelled its long poll)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def _chat_id(params: JSON) -> int | str:
    value = params.get("chat_id")
    if isinstance(value, bool) or value in (None, ""):
        raise _bad_request("chat_id is empty")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    if isinstance(value, str) and value.startswith("@"):
        return value
    raise _bad_request("chat not found")


def _int_param(params: JSON, name: str, default: int) -> int:
    value = params.get(name, default)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise _bad_request(f'field "{name}" must be of type Integer')


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _allowed_set(value: Any) -> frozenset[str] | None:
    if isinstance(value, str):
        value = json.loads(value) if value.startswith("[") else [value]
    if not isinstance(value, list):
        raise _bad_request("can't parse allowed updates")
    return frozenset(str(item) for item in value) or None


def _scope_key(scope: Any) -> str:
    if not scope:
        return "default"
    if isinstance(scope, str):
        scope = json.loads(scope)
    return json.dumps(scope, sort_keys=True)


def _default_chat_type(chat_id: int | str) -> str:
    if isinstance(chat_id, str):
        return "channel"
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"


def _message_text(params: JSON, name: str, max_length: int) -> tuple[str, list[JSON]]:
    """Text or caption after entity parsing, checked against Telegram's length limit."""
    raw = params.get(name, "")
    text = raw if isinstance(raw, str) else json.dumps(raw)
    parse_mode = str(params.get("parse_mode") or "").lower()
    entities: list[JSON] = []
    if parse_mode == "html":
        try:
            text, entities = parse_telegram_html(text)
        except HtmlError as error:
            raise _bad_request(f"can't parse entities: {error}") from error
    elif isinstance(
        params.get(entities_field := f"{name}_entities" if name == "caption" else "entities"), list
    ):
        entities = params[entities_field]
    if len(text) > max_length:
        raise _bad_request(
            "message is too long" if name == "text" else "message caption is too long"
        )
    return text, entities


def _inline_keyboard(params: JSON) -> JSON | None:
    """The reply_markup Telegram echoes on the message (inline keyboards only), validated."""
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if isinstance(markup, str):
        # A JSON body may still carry the markup as JSON text, which Telegram accepts.
        try:
            markup = json.loads(markup)
        except ValueError:
            raise _bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None  # reply keyboards and ForceReply are not echoed by Telegram
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad_request('can\'t parse inline keyboard button: field "inline_keyboard" is wrong')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise _bad_request("can't parse inline keyboard button: Text must be non-empty")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise _bad_request("BUTTON_DATA_INVALID")
    return copy.deepcopy(markup)


def _set_or_drop(message: JSON, key: str, value: Any) -> None:
    if value is None:
        message.pop(key, None)
    else:
        message[key] = value


def _as_predicate(predicate: Callable[[Call], bool] | str) -> Callable[[Call], bool]:
    if isinstance(predicate, str):
        wanted = predicate.lower()
        return lambda call: call.method.lower() == wanted
    return predicate


# --- pytest integration ---------------------------------------------------------------------


def fake_telegram_fixture(
    *,
    name: str = "fake_telegram",
    scope: Literal["function", "class", "module", "package", "session"] = "function",
    **options: Any,
) -> Any:
    """Make a pytest fixture that yields a started `FakeTelegram` and stops it afterwards.

    Assign it at module level (or in a conftest), e.g.
    ``fake_telegram = fake_telegram_fixture(rate_limits=RateLimits())``; ``options`` go to
    `FakeTelegram`. Works for sync and async tests alike: the server has its own thread.
    """

    def serve() -> Iterator[FakeTelegram]:
        with FakeTelegram(**options) as server:
            yield server

    return pytest.fixture(scope=scope, name=name)(serve)


__all__ = [
    "DEFAULT_TOKEN",
    "DROPPED",
    "Call",
    "Chaos",
    "FakeTelegram",
    "Fault",
    "HtmlError",
    "RateLimits",
    "Upload",
    "Window",
    "fake_telegram_fixture",
    "parse_telegram_html",
]
