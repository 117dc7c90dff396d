"""Webhooks and start-up as an attacker and an unlucky operator meet them: a webhook needs a
real secret, a body that is no update gets 400 (never 500), and a chat app that cannot be
reached at start is tried again while the rest of `nhacviec run` works."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from bot.channels.base import ChatApp, NotConfigured
from bot.channels.telegram import TelegramChannel, make_bot
from bot.channels.zalo.channel import ZaloChannel
from bot.channels.zalo.channel import make_bot as make_zalo_bot
from bot.cli import main
from bot.runner import chat_apps, run_channels
from bot.settings import get_settings
from jobs.dispatch import Backoff
from tests.fakes import FakeTelegram, Fault
from tests.fakes.zalo_api import FakeZalo
from tests.world import World

TELEGRAM_SECRET = "X-Telegram-Bot-Api-Secret-Token"
ZALO_SECRET = "X-Bot-Api-Secret-Token"
GOOD = "bi-mat_cua-bot-2026"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met"
        await asyncio.sleep(0.02)


@pytest.fixture
def world(sessions, tmp_path) -> World:  # type: ignore[no-untyped-def]
    return World.build(sessions, tmp_path)


def configure(world: World, **settings: object) -> None:
    world.app.settings = world.app.settings.model_copy(update=settings)


# --- the secret a webhook needs ----------------------------------------------------------------


BAD_SECRETS = [
    ("unset", None),
    ("empty", ""),
    ("too short", "abc1234"),
    ("too long", "a" * 257),
    ("a space", "bi mat cua bot"),
    ("not ASCII", "bímậtcủabot"),
    ("punctuation", "secret!secret"),
]


@pytest.mark.parametrize(("case", "secret"), BAD_SECRETS)
@pytest.mark.parametrize("app", ["telegram", "zalo"])
def test_a_webhook_without_a_proper_secret_does_not_start(world, app, case, secret):  # type: ignore[no-untyped-def]
    configure(
        world,
        **{
            f"{app}_bot_token": SecretStr("123:token"),
            f"{app}_webhook_url": "https://bot.example.vn/hook",
            f"{app}_webhook_secret": None if secret is None else SecretStr(secret),
        },
    )
    with pytest.raises(NotConfigured) as refused:
        chat_apps(world.app)
    said = str(refused.value)
    name = app.upper()
    assert said.startswith(f"{name}_WEBHOOK_SECRET must be set when {name}_WEBHOOK_URL is:")
    assert not secret or secret not in said, case  # the secret is never printed


@pytest.mark.parametrize("secret", ["abcd1234", "A-Za-z0-9_-", "x" * 256])
@pytest.mark.parametrize("app", ["telegram", "zalo"])
def test_a_webhook_with_a_proper_secret_starts(world, app, secret):  # type: ignore[no-untyped-def]
    configure(
        world,
        **{
            f"{app}_bot_token": SecretStr("123:token"),
            f"{app}_webhook_url": "https://bot.example.vn/hook",
            f"{app}_webhook_secret": SecretStr(secret),
        },
    )
    [setup] = chat_apps(world.app)
    assert setup.secret == secret


def test_long_polling_needs_no_secret(world):  # type: ignore[no-untyped-def]
    configure(world, telegram_bot_token=SecretStr("123:token"), zalo_bot_token=SecretStr("1:z"))
    assert [(s.channel.name, s.secret) for s in chat_apps(world.app)] == [
        ("telegram", None),
        ("zalo", None),
    ]


def test_nhacviec_run_refuses_with_a_clear_message_and_no_traceback(tmp_path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'run.db'}")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "vi")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:token")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://bot.example.vn/tg")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "")
    get_settings.cache_clear()
    try:
        assert main(["run"]) == 2
    finally:
        get_settings.cache_clear()
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Phải đặt TELEGRAM_WEBHOOK_SECRET khi đã đặt TELEGRAM_WEBHOOK_URL")
    assert "Traceback" not in err


def test_a_route_is_never_built_with_an_empty_secret(world):  # type: ignore[no-untyped-def]
    configure(world, telegram_bot_token=SecretStr("123:token"))
    channel = TelegramChannel(world.app, make_bot(world.app))
    with pytest.raises(ValueError, match="secret"):
        channel.webhook_route("/hook", "")


# --- bodies that are no update -------------------------------------------------------------------


NOT_UPDATES: list[tuple[str, bytes]] = [
    ("a list", b"[]"),
    ("an empty object", b"{}"),
    ("null", b"null"),
    ("a string", b'"update"'),
    ("a number", b"42"),
    ("not JSON", b"update_id=5"),
    ("cut short", b'{"update_id": 5, "message": {'),
    ("not UTF-8", b'{"update_id": 5, "text": "\xff\xfe"}'),
    ("empty", b""),
]
TELEGRAM_NOT_UPDATES = [
    *NOT_UPDATES,
    ("an update_id that is text", b'{"update_id": "5"}'),
    ("a message that is text", b'{"update_id": 5, "message": "xin chao"}'),
    ("a message with no chat", b'{"update_id": 5, "message": {"message_id": 1, "date": 0}}'),
    (
        "a message from someone in no chat",
        b'{"update_id": 5, "message": {"message_id": 1, "date": 0, "text": "/nhiemvu",'
        b' "from": {"id": 7, "is_bot": false, "first_name": "A"}}}',
    ),
    (
        "a button press on a message in no chat",
        b'{"update_id": 5, "callback_query": {"id": "1", "chat_instance": "c", "data": "1:x",'
        b' "from": {"id": 7, "is_bot": false, "first_name": "A"},'
        b' "message": {"message_id": 1, "date": 0}}}',
    ),
    ("a button press with nothing", b'{"update_id": 5, "callback_query": {"id": "1"}}'),
    ("a button press as a list", b'{"update_id": 5, "callback_query": []}'),
]
ZALO_NOT_UPDATES = [
    *NOT_UPDATES,
    ("no message", b'{"event_name": "message.text.received"}'),
    ("an empty message", b'{"event_name": "message.text.received", "message": {}}'),
    ("a wrapped list", b'{"ok": true, "result": []}'),
    ("a message that is text", b'{"event_name": "message.text.received", "message": "hi"}'),
]


@contextlib.asynccontextmanager
async def serving(channel: ChatApp, path: str) -> AsyncIterator[httpx.AsyncClient]:
    """The app connected to its fake, and a client posting to its webhook route at ``path``."""
    await channel.start()
    try:
        transport = httpx.ASGITransport(app=Starlette(routes=[channel.webhook_route(path, GOOD)]))
        async with httpx.AsyncClient(transport=transport, base_url="http://bot") as client:
            yield client
    finally:
        await channel.stop()


@pytest.fixture
async def hook(world, request) -> AsyncIterator[Hook]:  # type: ignore[no-untyped-def]
    """The webhook of the app ``request.param`` ("telegram" or "zalo"), connected to its fake."""
    app = request.param
    fake = FakeTelegram() if app == "telegram" else FakeZalo()
    with fake:
        configure(
            world, **{f"{app}_bot_token": SecretStr(fake.token), f"{app}_api_base_url": fake.url}
        )
        channel: ChatApp = (
            TelegramChannel(world.app, make_bot(world.app))
            if app == "telegram"
            else ZaloChannel(world.app, make_zalo_bot(world.app))
        )
        async with serving(channel, "/hook") as client:
            yield Hook(client, TELEGRAM_SECRET if app == "telegram" else ZALO_SECRET)


@dataclass
class Hook:
    client: httpx.AsyncClient
    header: str

    async def post(self, body: bytes, secret: str | None = GOOD) -> int:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[self.header] = secret
        return (await self.client.post("/hook", content=body, headers=headers)).status_code


@pytest.mark.parametrize(
    ("hook", "case", "body"),
    [("telegram", case, body) for case, body in TELEGRAM_NOT_UPDATES]
    + [("zalo", case, body) for case, body in ZALO_NOT_UPDATES],
    indirect=["hook"],
)
async def test_a_body_that_is_no_update_gets_400(hook: Hook, case: str, body: bytes) -> None:
    assert await hook.post(body) == 400, case


@pytest.mark.parametrize("hook", ["telegram", "zalo"], indirect=True)
async def test_without_the_secret_even_a_good_body_is_refused_and_a_bad_one_tells_nothing(
    hook: Hook,
) -> None:
    for secret in (None, "", GOOD + "x", GOOD[:-1]):
        assert await hook.post(b"[]", secret) == 403
        assert await hook.post(b'{"update_id": 1}', secret) == 403


@pytest.mark.parametrize("hook", ["telegram"], indirect=True)
async def test_an_update_of_a_kind_the_bot_does_not_ask_for_is_taken_quietly(hook: Hook) -> None:
    assert await hook.post(b'{"update_id": 9, "edited_channel_post": null}') == 200


@pytest.mark.parametrize("hook", ["telegram", "zalo"], indirect=True)
async def test_a_body_over_a_megabyte_is_refused(hook: Hook) -> None:
    assert await hook.post(b'{"update_id": 5, "x": "' + b"a" * 1_100_000 + b'"}') == 413


# --- an app that cannot be reached at start --------------------------------------------------


def telegram_update(update_id: int, chat: int, text: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1774400000,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "Lan"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
        },
    }


async def test_an_app_down_at_start_is_tried_again_while_the_rest_runs(world):  # type: ignore[no-untyped-def]
    """Telegram's API drops the connection and answers 500 four times before it works; Zalo
    cannot be reached at all (nothing listens). Meanwhile the upload page serves, and Telegram's
    webhook answers 503 so that the platform keeps the update; then Telegram connects, sets
    its webhook and answers."""
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg"
    with FakeTelegram() as tg:
        tg.fail_next("getMe", Fault.dropped(), times=2)
        tg.fail_next("getMe", Fault.internal_error(), times=2)
        configure(
            world,
            telegram_bot_token=SecretStr(tg.token),
            telegram_api_base_url=tg.url,
            telegram_webhook_url=hook,
            telegram_webhook_secret=SecretStr(GOOD),
            zalo_bot_token=SecretStr("1459232241454765289:zalo"),
            zalo_api_base_url=f"http://127.0.0.1:{free_port()}",  # nothing listens there
            public_base_url=f"http://127.0.0.1:{port}",
            upload_link_secret=SecretStr("a long random secret, only for tests"),
            listen_port=port,
        )
        code = world.invite("Sở Nội vụ")
        stop = asyncio.Event()
        quick = Backoff(base=timedelta(milliseconds=200), cap=timedelta(milliseconds=400))
        running = asyncio.create_task(run_channels(world.app, stop, reconnect=quick))
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:

                async def post(update: dict[str, Any]) -> int:
                    for _ in range(100):  # the server may still be starting
                        try:
                            answer = await client.post(
                                "/tg", json=update, headers={TELEGRAM_SECRET: GOOD}
                            )
                            return answer.status_code
                        except httpx.ConnectError:
                            await asyncio.sleep(0.05)
                    raise AssertionError("nothing listens")

                first = await post(telegram_update(1, 801, f"/start {code}"))
                page = await client.get("/u/not-a-link")
                assert (first, page.status_code) == (503, 404), "the page serves meanwhile"
                await until(lambda: tg.webhook.get("url") == hook)
                assert len(tg.calls_to("getMe")) == 5
                assert await post(telegram_update(1, 801, f"/start {code}")) == 200
                assert "Sở Nội vụ" in tg.sent_messages(801)[-1]["text"]
        finally:
            stop.set()
            await asyncio.wait_for(running, 15)
    assert not running.exception()
