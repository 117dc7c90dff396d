"""One rate limit for the bot: two `nhacviec run` processes on one PostgreSQL database send
the outbox through one elected sender, so Telegram sees the bot's messages within its limits;
when the sender dies its claims are released within a minute and nothing goes twice.

Each "process" here is a TelegramChannel with an engine of its own (its own connections, so
its own advisory lock), started as `nhacviec run` starts it; a kill is the sender's task
cancelled in the middle of sends and its lock's connection cut, with no goodbye.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.app import App
from bot.channels.telegram import TelegramChannel, make_bot
from bot.db import make_engine, make_sessionmaker
from jobs.dispatch import STALE_AFTER, Claimed, Dispatcher, claim, mark, release_stale
from jobs.ratelimit import TELEGRAM, RateLimiter
from models import Notification, NotificationStatus
from services import outbox
from services.messages import OutboxMessage
from tests.fakes import FakeTelegram, Fault, RateLimits
from tests.fakes.telegram_api import Window as FakeWindow
from tests.world import World

# Telegram's limits as the fake enforces them, one a second in a private chat included.
STRICT = RateLimits(
    overall=FakeWindow(30, 1.0),
    private_chat=FakeWindow(1, 1.0),
    group_chat=FakeWindow(20, 60.0),
)


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    with FakeTelegram(rate_limits=STRICT) as server:
        yield server


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path, tg: FakeTelegram) -> World:  # type: ignore[no-untyped-def]
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={"telegram_bot_token": SecretStr(tg.token), "telegram_api_base_url": tg.url}
    )
    return world


def postgresql_only(world: World) -> None:
    if world.app.engine.dialect.name != "postgresql":
        pytest.skip("several processes share one database on PostgreSQL only")


@pytest.fixture
async def processes(world: World) -> AsyncIterator[list[TelegramChannel]]:
    """Two processes of the bot on the same database, each started as `nhacviec run` does."""
    postgresql_only(world)
    engines: list[Engine] = []
    channels = []
    for _ in range(2):
        engine = make_engine(world.app.engine.url.render_as_string(hide_password=False))
        engines.append(engine)
        app = App(world.app.settings, engine, make_sessionmaker(engine), clock=world.app.clock)
        channel = TelegramChannel(app, make_bot(app))
        await channel.start()
        channels.append(channel)
    yield channels
    for channel in channels:
        await channel.stop()
    for engine in engines:
        engine.dispose()


def queue(world: World, chats: list[int], per_chat: int) -> list[str]:
    """``per_chat`` nudges to each of ``chats``, one official each; the texts queued."""
    texts = []
    officials = {
        chat: world.register(str(chat), "Sở Tư pháp", channel="telegram") for chat in chats
    }
    with world.app.sessions.begin() as session:
        for n in range(per_chat):
            for chat, official in officials.items():
                text = f"Nhắc hạn {n + 1} cho {chat}: nhiệm vụ đến hạn Thứ Hai, 30/03/2026"
                outbox.enqueue(
                    session,
                    official_id=official,
                    kind="before_1",
                    key=f"test:{chat}:{n}",
                    message=OutboxMessage(text),
                    now=world.now,
                )
                texts.append(text)
    return texts


def details(world: World) -> list[tuple[str, int, str | None, object]]:
    with world.app.sessions() as session:
        return [
            (r.status, r.attempts, r.last_error, r.not_before)
            for r in session.scalars(select(Notification).where(Notification.status != "sent"))
        ]


def statuses(world: World) -> Counter[str]:
    with world.app.sessions() as session:
        return Counter(session.scalars(select(Notification.status)))


async def until(
    condition: Callable[[], bool], timeout: float, why: Callable[[], object] = lambda: ""
) -> float:
    """Wait for ``condition``; the seconds it took."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, f"condition not met in time {why()}"
        await asyncio.sleep(0.05)
    return time.monotonic() - started


def accepted(tg: FakeTelegram) -> list[tuple[int, str, float]]:
    return [
        (c.params["chat_id"], c.params["text"], c.time) for c in tg.calls_to("sendMessage") if c.ok
    ]


async def test_two_processes_send_within_telegrams_limits_together(world, tg, processes):  # type: ignore[no-untyped-def]
    """The finding: two processes together sent 54 messages a second, and 860 pairs to one
    chat under a second apart."""
    texts = queue(world, list(range(3001, 3081)), per_chat=2)
    for channel in processes:
        channel.dispatcher.wake()

    await until(lambda: statuses(world) == {"sent": len(texts)}, timeout=60)

    sent = accepted(tg)
    assert sorted(text for _, text, _ in sent) == sorted(texts), "each once, none twice"
    assert tg.rate_limited_count == 0
    assert tg.most_sent_in_one_second() <= 30
    for chat in range(3001, 3081):
        first, second = sorted(at for to, _, at in sent if to == chat)
        assert second - first >= 1.0, chat
    leaders = [c.dispatcher.leadership.is_leader() for c in processes]  # type: ignore[union-attr]
    assert sorted(leaders) == [False, True], "one sender; the other stands by"


async def test_when_the_sender_dies_the_other_takes_over_and_its_claims_go_within_a_minute(
    world, tg, processes
):  # type: ignore[no-untyped-def]
    """The finding: after a kill -9 of the sender, 146 claimed messages waited 10 minutes."""
    # The sender's sends hang unanswered (never taken by Telegram), and it dies then.
    tg.fail_next("sendMessage", Fault.no_answer(30), times=8)
    texts = queue(world, list(range(3101, 3141)), per_chat=1)
    for channel in processes:
        channel.dispatcher.wake()
    await until(lambda: statuses(world)["sending"] >= 8, timeout=20)
    # Its eight workers are waiting for answers that will not come: every hanging answer is
    # taken by the sender's calls (under load they may reach the fake later than claimed).
    await until(lambda: tg.faults_left("sendMessage") == 0, timeout=20)
    assert tg.calls_to("sendMessage") == [], "none answered yet"
    [sender] = [c for c in processes if c.dispatcher.leading]
    [other] = [c for c in processes if c is not sender]

    killed = sender._dispatching
    assert killed is not None
    killed.cancel()  # kill -9: no mark, no release, no goodbye
    sender.dispatcher.leadership._connection.invalidate()  # type: ignore[union-attr]
    with contextlib.suppress(asyncio.CancelledError):
        await killed
    sender._dispatching = None
    await asyncio.sleep(0.3)  # a claim already in its thread commits; a dead process's would not
    claimed = statuses(world)["sending"]
    assert claimed > 0

    await until(lambda: other.dispatcher.leading, timeout=10)  # took over within its idle
    assert statuses(world)["sending"] == claimed, "the dead sender's claims wait their time"
    world.now += STALE_AFTER + timedelta(seconds=1)
    assert STALE_AFTER + timedelta(seconds=1) <= timedelta(minutes=1)
    other.dispatcher.wake()
    await until(
        lambda: statuses(world) == {"sent": len(texts)},
        timeout=30,
        why=lambda: (details(world), world.now, tg.rate_limited_count),
    )

    assert sorted(text for _, text, _ in accepted(tg)) == sorted(texts), "each once, none twice"
    assert tg.rate_limited_count == 0


# --- claims and their lease, on both databases -----------------------------------------------


def a_row(world: World, chat: int = 3201) -> int:
    queue(world, [chat], per_chat=1)
    with world.app.sessions() as session:
        return session.scalars(select(Notification.id).filter_by(key=f"test:{chat}:0")).one()


def status_of(world: World, notification_id: int) -> str:
    with world.app.sessions() as session:
        return session.get_one(Notification, notification_id).status


def test_a_lapsed_claim_cannot_mark_the_row_another_sender_took(world):  # type: ignore[no-untyped-def]
    row_id = a_row(world)
    [first] = claim(world.app.sessions, "telegram", world.now, 10)
    world.now += STALE_AFTER + timedelta(seconds=1)
    assert release_stale(world.app.sessions, world.now) == 1
    [second] = claim(world.app.sessions, "telegram", world.now, 10)

    late = mark(world.app.sessions, first, world.now, None)  # the first sender, held up

    assert late == NotificationStatus.SENDING and status_of(world, row_id) == "sending"
    assert mark(world.app.sessions, second, world.now, None) == NotificationStatus.SENT


def test_a_row_that_went_after_its_claim_lapsed_and_was_not_taken_again_is_sent(world):  # type: ignore[no-untyped-def]
    row_id = a_row(world)
    [first] = claim(world.app.sessions, "telegram", world.now, 10)
    world.now += STALE_AFTER + timedelta(seconds=1)
    release_stale(world.app.sessions, world.now)

    assert mark(world.app.sessions, first, world.now, None) == NotificationStatus.SENT
    assert claim(world.app.sessions, "telegram", world.now, 10) == []
    assert status_of(world, row_id) == "sent"


async def test_a_row_held_up_past_its_lease_goes_back_unsent(world, tg):  # type: ignore[no-untyped-def]
    """After a 429 the channel pauses; a row that would start going after its lease gives
    its claim back rather than go when another sender might already have it."""
    a_row(world, 3301)
    a_row(world, 3302)
    channel = TelegramChannel(world.app, make_bot(world.app))
    await channel.bot.initialize()
    tg.fail_next("sendMessage", Fault.too_many_requests(2))
    dispatcher = Dispatcher(
        world.app.sessions,
        channel,
        clock=world.app.now,
        limiter=RateLimiter(TELEGRAM),
        workers=1,
        lease=0.5,
    )

    report = await dispatcher.drain()

    assert (report.sent, report.rate_limited, report.deferred) == (0, 1, 1)
    assert len(tg.calls_to("sendMessage")) == 1, "nothing went past its lease"
    assert statuses(world) == {"pending": 2}
    await channel.bot.shutdown()


def test_claimed_is_marked_by_its_own_claim_only(world):  # type: ignore[no-untyped-def]
    row_id = a_row(world)
    [item] = claim(world.app.sessions, "telegram", world.now, 10)
    assert isinstance(item, Claimed) and item.claimed_at == world.now
    assert mark(world.app.sessions, item, world.now, None) == NotificationStatus.SENT
    assert status_of(world, row_id) == "sent"
