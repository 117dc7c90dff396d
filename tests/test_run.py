"""`nhacviec run` as an operator runs it: GET /healthz on LISTEN_PORT, and logs that carry no
token, no secret and nothing a person wrote, even at DEBUG and through failures."""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import timedelta

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import Engine, create_engine

from bot import logs
from bot.channels.base import REPLY_ATTEMPTS
from bot.runner import run_channels
from handlers.dispatch import PRIVATE_TEXT
from models import ChannelAccount, Notification
from services import outbox
from services.messages import OutboxMessage
from tests.fakes import FakeTelegram, Fault
from tests.test_telegram import until
from tests.world import World
from web.health import Health, route

PRIVATE = "Nguyễn Thị Hoa, 0912 345 678, nhà số 12 ngõ Hoà Bình"
UPLOAD_SECRET = "upload-secret-not-for-logs-77"
WEBHOOK_SECRET = "webhook-secret-not-for-logs-13"
DATABASE_PASSWORD = "db-password-not-for-logs-42"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def redacted(caplog: pytest.LogCaptureFixture):  # type: ignore[no-untyped-def]
    factory = logging.getLogRecordFactory()
    caplog.set_level(logging.DEBUG)
    yield caplog
    logging.setLogRecordFactory(factory)


def update(number: int, text: str, name: str = "Lan") -> dict[str, object]:
    message: dict[str, object] = {
        "message_id": number,
        "date": 1774400000,
        "chat": {"id": 801, "type": "private"},
        "from": {"id": 801, "is_bot": False, "first_name": name},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": 6}]
    return {"update_id": number, "message": message}


async def test_a_run_serves_healthz_and_its_logs_keep_secrets_and_words_out(
    sessions, tmp_path, redacted
):
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg/hook"
    with FakeTelegram() as tg:
        world = World.build(sessions, tmp_path)
        world.app.settings = world.app.settings.model_copy(
            update={
                "telegram_bot_token": SecretStr(tg.token),
                "telegram_api_base_url": tg.url,
                "telegram_webhook_url": hook,
                "telegram_webhook_secret": SecretStr(WEBHOOK_SECRET),
                "listen_port": port,
                "public_base_url": f"http://127.0.0.1:{port}",
                "upload_link_secret": SecretStr(UPLOAD_SECRET),
            }
        )
        secrets = [*logs.settings_secrets(world.app.settings), DATABASE_PASSWORD]
        logs.install(secrets)
        code = world.invite("Sở Nội vụ")
        stop = asyncio.Event()
        running = asyncio.create_task(run_channels(world.app, stop))
        await until(lambda: tg.webhook.get("url", "") == hook, 10)
        signed = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        async with httpx.AsyncClient() as client:
            for _ in range(100):  # the server may still be starting
                try:
                    await client.get(f"http://127.0.0.1:{port}/healthz")
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
            await client.post(hook, json=update(1, f"/start {code}", PRIVATE), headers=signed)
            # Every attempt at the next reply fails: it is given up, and logged as such.
            tg.fail_next("sendMessage", Fault.internal_error(), times=REPLY_ATTEMPTS)
            await client.post(hook, json=update(2, PRIVATE), headers=signed)  # not understood
            await client.post(hook, json=[], headers=signed)  # a malformed body
            # A library's failure that names the database with its password.
            logging.getLogger("sqlalchemy.pool").warning(
                "cannot reach postgresql://nhacviec:%s@db/nhacviec", DATABASE_PASSWORD
            )
            answer = await client.get(f"http://127.0.0.1:{port}/healthz")
        stop.set()
        await asyncio.wait_for(running, 15)

    assert answer.status_code == 200
    health = answer.json()
    assert health["status"] == "ok" and health["database"]["reachable"] is True
    assert health["leader"] == {"held": True, "here": True}
    assert set(health["outbox"]) == {"due", "oldest_due_seconds", "sending", "waiting"}

    logged = redacted.text + "".join(r.getMessage() for r in redacted.records)
    assert "not delivered" in logged, "the failed reply was not logged: the test proves nothing"
    assert logs.HIDDEN in logged
    for secret in (tg.token, WEBHOOK_SECRET, UPLOAD_SECRET, DATABASE_PASSWORD, code, PRIVATE):
        assert secret not in logged, secret
    assert "0912 345 678" not in logged


def test_a_failed_update_is_logged_without_the_rows_it_wrote_or_the_words_it_carried(
    sessions, redacted
):
    """While an update is handled (dispatch sets PRIVATE_TEXT), a database error logs neither
    the parameters of its statement nor the person's words, wherever they show."""
    logs.install([])
    log = logging.getLogger("bot.updates")
    words = PRIVATE_TEXT.set((PRIVATE,))
    try:
        with sessions() as session:
            session.add(ChannelAccount(channel="console", external_id="x", display_name=PRIVATE))
            try:
                session.flush()
            except Exception as error:
                log.exception("update console/1 failed: %s", error.args[0][:40] + PRIVATE)
    finally:
        PRIVATE_TEXT.reset(words)
    assert "update console/1 failed" in redacted.text
    assert "[parameters: [hidden]]" in redacted.text
    assert PRIVATE not in redacted.text and "0912 345 678" not in redacted.text


async def test_healthz_counts_the_outbox_and_fails_when_the_database_does_not_answer(
    sessions, tmp_path
):
    world = World.build(sessions, tmp_path)
    official = world.register("u1", "Sở Nội vụ")
    with world.app.sessions.begin() as session:
        for n, delay in enumerate((-600, -60, 3600)):  # two due, ten and one minute ago
            outbox.enqueue(
                session,
                official_id=official,
                kind="test",
                key=f"health:{n}",
                message=OutboxMessage("xin chào"),
                now=world.now + timedelta(seconds=delay),
            )
    app = route(Health(world.app.engine, world.app.clock or world.app.now))
    from starlette.applications import Starlette

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=Starlette(routes=[app])), base_url="http://x"
    ) as client:
        body = (await client.get("/healthz")).json()
    assert body["outbox"] == {"due": 2, "oldest_due_seconds": 600, "sending": 0, "waiting": 1}
    assert body["leader"]["here"] is None

    dead: Engine = create_engine(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    gone = route(Health(dead, world.app.now))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=Starlette(routes=[gone])), base_url="http://x"
    ) as client:
        answer = await client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["database"]["reachable"] is False
    assert Notification  # the outbox rows were the model's
