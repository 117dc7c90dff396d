"""Many writers at once: uploads on the evidence page, button presses and the outbox's sender,
all in one process against one database, as `nhacviec run` serves them.

On SQLite a transaction that reads before it writes used to fail at once ("database is locked")
when another connection committed in between; now every unit of work takes the write lock when
it begins and waits its turn. Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import re
import struct
import zlib
from collections import Counter
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from jobs.dispatch import Dispatcher
from models import Evidence, Notification, NotificationStatus, Official, ProgressReport
from services import upload_links
from services.messages import OutboxMessage
from tests.world import World
from web.upload import create_app

BASE = "https://nhacviec.test"
LINK = re.compile(re.escape(BASE) + r"(/u/\S+)")
XHR = {"X-Requested-With": "XMLHttpRequest"}


def png(n: int) -> bytes:
    """A valid 1x1 PNG whose colour is ``n``: a different file for every n below 2**24."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixel = b"\x00" + n.to_bytes(3, "big")
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixel))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={
            "public_base_url": BASE,
            "upload_link_secret": SecretStr("a long random secret, only for tests"),
        }
    )
    return world


@pytest.fixture
async def browser(world: World) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(world.app.upload_site()))
    async with httpx.AsyncClient(transport=transport, base_url=BASE, timeout=120) as client:
        yield client


def link_for(world: World, user: str, slot: str = "I|1") -> str:
    """The official taps Send evidence on Zalo; the path of the one-time link shown."""
    replies = world.send(user, button=f"1:evid:{world.task_id(slot)}", channel="zalo")
    assert replies is not None
    found = LINK.search("\n".join(r.text for r in replies))
    assert found, replies
    return found.group(1)


def links_for(world: World, officials: list[int], slot: str = "I|1") -> list[str]:
    """One link each, as `link_for` gives, issued at once (quicker to set up by the hundred)."""
    task_id = world.task_id(slot)
    links = world.app.upload_links
    assert links is not None
    with world.app.sessions.begin() as session:
        return [
            "/u/"
            + upload_links.issue(
                session, links, session.get_one(Official, official), task_id, world.now
            ).token
            for official in officials
        ]


def count(world: World, model: type) -> int:
    with world.app.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


async def upload(browser: httpx.AsyncClient, path: str, n: int) -> int:
    files = [("files", (f"anh-{n}.png", png(n), "image/png"))]
    answer = await browser.post(path, files=files, headers=XHR)
    return answer.status_code


async def test_110_officials_uploading_at_once_all_succeed(world: World, browser) -> None:  # type: ignore[no-untyped-def]
    """The finding: on SQLite two uploads at once failed one of them with HTTP 500. (On
    PostgreSQL, which had no such trouble, 30 are enough.)"""
    many = 110 if world.app.engine.dialect.name == "sqlite" else 30
    officials = [
        world.register(f"z{n}", "Sở Nội vụ", name=f"Cán bộ {n}", channel="zalo")
        for n in range(many)
    ]
    paths = links_for(world, officials)

    statuses = await asyncio.gather(*(upload(browser, p, n) for n, p in enumerate(paths)))

    assert Counter(statuses) == {200: many}
    assert count(world, Evidence) == many
    with world.app.sessions() as session:
        confirmations = session.scalars(
            select(Notification).where(Notification.kind == "evidence_upload")
        ).all()
    assert len(confirmations) == many


async def test_eight_uploads_racing_on_one_link_give_one_success_and_seven_410(
    world: World,
    browser,  # type: ignore[no-untyped-def]
) -> None:
    world.register("z1", "Sở Nội vụ", name="Trần Thị Bình", channel="zalo")
    path = link_for(world, "z1")

    statuses = await asyncio.gather(*(upload(browser, path, n) for n in range(8)))

    assert Counter(statuses) == {200: 1, 410: 7}
    assert count(world, Evidence) == 1


async def test_uploads_while_other_officials_press_buttons_all_succeed(
    world: World,
    browser,  # type: ignore[no-untyped-def]
) -> None:
    """The finding: an upload while another official pressed buttons failed 10 of 10."""
    uploaders = [world.register(f"z{n}", "Sở Nội vụ", channel="zalo") for n in range(12)]
    paths = links_for(world, uploaders)
    pressers = [f"t{n}" for n in range(6)]
    for user in pressers:
        world.register(user, "Sở Nội vụ", channel="telegram")
    task = world.task_id("I|2")

    def press_buttons(user: str) -> bool:
        # Open the card, ask to update progress, choose 25%, write a note: four updates.
        steps = [
            {"button": f"1:card:{task}"},
            {"button": f"1:prog:{task}"},
            {"button": f"1:pct:{task}:25"},
            {"text": f"ghi chú của {user}"},
        ]
        for n, step in enumerate(steps):
            replies = world.send(
                user,
                channel="telegram",
                update_key=f"{user}-{n}",
                **step,  # type: ignore[arg-type]
            )
            if replies is None or any("Xin lỗi" in r.text for r in replies):
                return False
        return True

    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(4) as pool:
        presses = [loop.run_in_executor(pool, press_buttons, user) for user in pressers]
        uploads = [upload(browser, p, n) for n, p in enumerate(paths)]
        results = await asyncio.gather(*presses, *uploads)

    assert results[:6] == [True] * 6, "every button press was answered, none apologised"
    assert Counter(results[6:]) == {200: 12}
    assert count(world, ProgressReport) == 6
    assert count(world, Evidence) == 12


class Recorder:
    """A transport that accepts every message (the platform is not what is tested here)."""

    channel = "zalo"

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        await asyncio.sleep(0.001)
        self.sent.append(chat_id)


async def test_the_outbox_sender_and_uploads_write_side_by_side(world: World, browser) -> None:  # type: ignore[no-untyped-def]
    """The finding: the outbox's sender met "database is locked" like the upload page."""
    users = [f"z{n}" for n in range(16)]
    paths = links_for(world, [world.register(user, "Sở Nội vụ", channel="zalo") for user in users])
    recorder = Recorder()
    dispatcher = Dispatcher(world.app.sessions, recorder, clock=world.app.now, workers=4, batch=5)

    async def send_while_queued() -> int:
        sent = 0
        for _ in range(200):
            sent += (await dispatcher.drain()).sent
            if sent >= len(users):
                break
            await asyncio.sleep(0.01)
        return sent

    results = await asyncio.gather(
        send_while_queued(), *(upload(browser, p, n) for n, p in enumerate(paths))
    )

    assert Counter(results[1:]) == {200: 16}
    assert results[0] == 16, "every confirmation went, none failed on a locked database"
    with world.app.sessions() as session:
        statuses = session.scalars(select(Notification.status)).all()
    assert set(statuses) == {NotificationStatus.SENT}
    assert sorted(recorder.sent) == sorted(users)
