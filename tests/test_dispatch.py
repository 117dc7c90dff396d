"""Delivering the outbox: the real TelegramChannel.deliver over HTTP to the fake Bot API, which
enforces Telegram's flood limits and answers 429 when they are broken; a real database.

Officials are registered through real invites; nudges are queued with ``outbox.enqueue`` as the
scheduler does. ``world.now`` is the wall clock written to the rows; the limiter paces on the
real monotonic clock, except in the pure tables at the top, which drive it with a fake one.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import random
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import event, select
from telegram.request import HTTPXRequest

from bot.channels.telegram import TelegramChannel, make_bot
from handlers.common import t
from i18n import use_language
from jobs.dispatch import (
    BLOCKED,
    DELIVERY_FAILED,
    FAILED_TO_PERSON,
    RECIPIENT_BLOCKED,
    STALE_AFTER,
    Backoff,
    Dispatcher,
    claim,
    kind_label,
    release_stale,
)
from jobs.ratelimit import TELEGRAM, Limits, RateLimiter, Send, Window
from models import (
    AuditLog,
    ChannelAccount,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
)
from services import outbox
from services.digest import queue_digest
from services.groups import bind_group
from services.messages import OutboxMessage
from tests.fakes import FakeTelegram, Fault, RateLimits
from tests.fakes import telegram_api as fake_api
from tests.fakes.telegram_api import Window as FakeWindow
from tests.world import World

# --- the limiter alone, on a fake clock ------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def run_sends(limits: Limits, chats: list[str]) -> list[tuple[str, float]]:
    """Acquire for each chat in turn on a fake clock; the times the messages would go."""
    clock = FakeClock()
    limiter = RateLimiter(limits, clock=clock, sleep=clock.sleep)
    sent = []

    async def go() -> None:
        for chat in chats:
            send = await limiter.acquire(chat)
            assert send is not None
            sent.append((chat, clock.now))
            limiter.answered(send, clock.now)  # answered at once: no time on the wire

    asyncio.run(go())
    return sent


def refused_by_telegram(sent: list[tuple[str, float]]) -> int:
    """How many of these sends the fake Bot API's own flood check (Telegram's limits) refuses."""
    referee = fake_api._RateLimiter(RateLimits())
    refused = 0
    for chat, at in sent:
        if referee.retry_after(int(chat), at) is not None:
            refused += 1
        else:
            referee.accept(int(chat), at)
    return refused


@pytest.mark.parametrize(
    ("traffic", "chats"),
    [
        ("5,000 people, one message each", [str(100 + i) for i in range(5000)]),
        ("one person, ten messages", ["42"] * 10),
        ("one group, 45 messages", ["-100500"] * 45),
        ("two groups and people mixed", ["-1001", "-1002", "7", "8", "9"] * 30),
        ("a burst to few people", [str(i % 4) for i in range(200)]),
    ],
)
def test_the_telegram_limits_keep_every_traffic_within_the_platforms_flood_control(traffic, chats):
    sent = run_sends(TELEGRAM, chats)
    assert refused_by_telegram(sent) == 0, traffic


def sends_on_the_wire(
    limits: Limits, chats: list[str], lag: Callable[[random.Random], float], seed: int = 5
) -> list[tuple[str, float]]:
    """When each message *arrives* at the platform when it spends ``lag`` on the way (a busy
    host, a slow network) and is answered 2 ms after arriving; in the order they arrive.

    A step-by-step simulation of one sender after another on the limiter's bookkeeping, with
    the answers coming back while later messages wait."""
    rng = random.Random(seed)
    limiter = RateLimiter(limits)
    now = 0.0
    answers: list[tuple[float, int, Send]] = []
    arrivals = []
    for n, chat in enumerate(chats):
        while True:
            while answers and answers[0][0] <= now:
                at, _, send = heapq.heappop(answers)
                limiter.answered(send, at)
            wait = max(limiter.ready_in(chat, now), limiter.bucket_ready_in(now))
            if wait <= 0:
                break
            now = min(now + wait, answers[0][0]) if answers else now + wait
        send = limiter.take(chat, now)
        arrived = now + lag(rng)
        heapq.heappush(answers, (arrived + 0.002, n, send))
        arrivals.append((chat, arrived))
    return sorted(arrivals, key=lambda sent: sent[1])


LAGS: dict[str, Callable[[random.Random], float]] = {
    "none": lambda rng: 0.0,
    "a few ms": lambda rng: rng.uniform(0.0, 0.005),
    "a busy host: one in ten held up 40-120 ms": lambda rng: (
        rng.uniform(0.04, 0.12) if rng.random() < 0.1 else rng.uniform(0.0, 0.003)
    ),
    "a slow network: 150-400 ms": lambda rng: rng.uniform(0.15, 0.4),
}


@pytest.mark.parametrize("lag", LAGS, ids=list(LAGS))
@pytest.mark.parametrize(
    ("traffic", "chats"),
    [
        ("3,000 people, one message each", [str(100 + i) for i in range(3000)]),
        ("a burst to few people", [str(i % 4) for i in range(120)]),
        ("two groups and people mixed", ["-1001", "-1002", "7", "8", "9"] * 30),
    ],
)
def test_however_late_messages_arrive_telegram_never_sees_them_bunched(traffic, chats, lag):
    """The windows count from each message's answer, and a message has arrived by the time
    it is answered: arrivals delayed at random never make 31 in a second, nor two in a chat."""
    arrivals = sends_on_the_wire(TELEGRAM, chats, LAGS[lag])
    assert refused_by_telegram(arrivals) == 0, (traffic, lag)
    if lag in ("none", "a few ms") and len(set(chats)) == len(chats):
        span = arrivals[-1][1] - arrivals[0][1]
        assert (len(arrivals) - 1) / span >= 0.95 * 30  # the goal: 95% of Telegram's 30/s


def test_distinct_people_go_at_the_bucket_rate_and_no_faster():
    sent = run_sends(TELEGRAM, [str(i) for i in range(301)])
    elapsed = sent[-1][1] - sent[0][1]
    assert elapsed == pytest.approx(300 / TELEGRAM.rate)
    assert 300 / elapsed > 0.95 * 30  # the goal: at least 95% of Telegram's 30 a second


def test_a_bucket_with_burst_sends_that_many_at_once_then_refills_at_its_rate():
    limiter = RateLimiter(Limits(rate=10, burst=3))
    now, times = 0.0, []
    for chat in range(6):
        now += limiter.bucket_ready_in(now)
        limiter.take(str(chat), now)
        times.append(now)
    assert times == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2, 0.3])


def test_a_little_late_keeps_the_schedule_and_a_stall_restarts_it_without_a_bunch():
    limiter = RateLimiter(Limits(rate=10))
    limiter.take("1", 0.0)
    limiter.take("2", 0.103)  # due at 0.1, woken 3 ms late: on time
    assert limiter.bucket_ready_in(0.103) == pytest.approx(0.097)
    limiter.take("3", 0.5)  # due at 0.2: the event loop stalled for 300 ms
    assert limiter.bucket_ready_in(0.5) == pytest.approx(0.1), "the next one waits its turn"


def test_wake_ups_late_by_more_than_a_turn_do_not_slow_the_bucket_down():
    """A busy host wakes each sender some milliseconds late, often past the next turn: the
    schedule is kept and catches up, so the rate stays the bucket's."""
    limiter = RateLimiter(Limits(rate=30))
    now, overshoots = 0.0, itertools.cycle([0.01, 0.04, 0.002, 0.06])
    for chat in range(301):
        now += limiter.bucket_ready_in(now) + next(overshoots)
        limiter.take(str(chat), now)
    assert 300 / now >= 0.95 * 30


def test_a_group_waiting_for_its_minute_holds_nothing_and_other_chats_go_on():
    limiter = RateLimiter(TELEGRAM)
    now = 0.0
    for _ in range(20):  # the group's 20 a minute, spaced by its one a second
        now += max(limiter.ready_in("-100500", now), limiter.bucket_ready_in(now))
        limiter.answered(limiter.take("-100500", now), now)
    assert now == pytest.approx(19 * 1.0)
    later = now + 1.1  # the group must wait for its minute; a person need not
    assert limiter.ready_in("-100500", later) == pytest.approx(60.0 - 1.1 - 19 * 1.0)
    assert (limiter.ready_in("42", later), limiter.bucket_ready_in(later)) == (0.0, 0.0)


def test_after_a_429_the_channel_and_the_chat_pause_for_retry_after():
    limiter = RateLimiter(TELEGRAM)
    limiter.pause(5.0, now=10.0, chat_id="42")
    assert limiter.ready_in("42", 10.0) == pytest.approx(5.0)
    assert limiter.bucket_ready_in(10.0) == pytest.approx(5.0)  # another chat waits too


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [(1, 30, 60), (2, 60, 120), (3, 120, 240), (4, 240, 480), (9, 900, 1800)],
)
def test_retries_pause_exponentially_with_jitter_up_to_the_cap(attempts, low, high):
    rng = random.Random(4)
    delays = [Backoff().delay(attempts, rng).total_seconds() for _ in range(200)]
    assert low <= min(delays) and max(delays) <= high
    assert max(delays) - min(delays) > (high - low) / 2  # spread, not one value


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("before_7", "deadline reminder"),
        ("overdue_5", "overdue reminder"),
        ("extension_request", "extension request"),
        ("digest_chart", "weekly digest"),
        ("report_request", "report_request"),
    ],
)
def test_a_message_kind_is_named_in_words(kind, label):
    with use_language("en"):
        assert kind_label(kind) == label


# --- the dispatcher against the fake Bot API -------------------------------------------------


@pytest.fixture
def tg() -> AsyncIterator[FakeTelegram]:
    with FakeTelegram(rate_limits=RateLimits()) as server:
        yield server


@pytest.fixture
async def world(sessions, tmp_path, tg) -> World:  # type: ignore[no-untyped-def]
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={"telegram_bot_token": SecretStr(tg.token), "telegram_api_base_url": tg.url}
    )
    return world


@pytest.fixture
async def channel(world) -> AsyncIterator[TelegramChannel]:  # type: ignore[no-untyped-def]
    channel = TelegramChannel(world.app, make_bot(world.app))
    await channel.bot.initialize()
    yield channel
    await channel.bot.shutdown()


def dispatcher(world: World, transport, limits: Limits = TELEGRAM, **options) -> Dispatcher:  # type: ignore[no-untyped-def]
    return Dispatcher(
        world.app.sessions,
        transport,
        clock=world.app.now,
        limiter=RateLimiter(limits),
        rng=random.Random(1),
        **options,
    )


def register(
    world: World,
    chat: int,
    agency: str = "Sở Tư pháp",
    role: OfficialRole = OfficialRole.OFFICIAL,
    name: str = "Nguyễn Văn A",
) -> int:
    return world.register(str(chat), agency, role, name=name, channel="telegram")


def nudge(world: World, official_id: int, n: int = 1, kind: str = "before_7") -> int:
    with world.app.sessions.begin() as session:
        row = outbox.enqueue(
            session,
            official_id=official_id,
            kind=kind,
            key=f"{kind}:{official_id}:{n}",
            message=OutboxMessage(f"Nhắc hạn: nhiệm vụ <b>số {n}</b> đến hạn Thứ Hai, 30/03/2026"),
            now=world.now,
        )
        return row.id


def test_a_claim_finds_where_its_rows_go_in_a_few_statements_however_many_rows(world):  # type: ignore[no-untyped-def]
    chats = range(4001, 4041)
    for chat in chats:
        nudge(world, register(world, chat, name=f"Cán bộ {chat}"))
    statements: list[str] = []

    def count(conn, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(world.app.engine, "before_cursor_execute", count)
    try:
        claimed = claim(world.app.sessions, "telegram", world.now, 100)
    finally:
        event.remove(world.app.engine, "before_cursor_execute", count)
    assert sorted(item.chat_id for item in claimed) == [str(chat) for chat in chats]
    assert len(statements) < 10, "one statement a row would be over 40"


def rows(world: World, **where) -> list[Notification]:  # type: ignore[no-untyped-def]
    with world.app.sessions() as session:
        query = select(Notification).filter_by(**where).order_by(Notification.id)
        return list(session.scalars(query))


def row(world: World, notification_id: int) -> Notification:
    with world.app.sessions() as session:
        found = session.get(Notification, notification_id)
        assert found is not None
        return found


def texts(tg: FakeTelegram, chat: int) -> list[str]:
    return [m["text"] for m in tg.sent_messages(chat)]


async def test_thirty_officials_each_get_their_nudge_once_and_it_is_marked_sent(world, tg, channel):
    ids = {chat: nudge(world, register(world, chat)) for chat in range(2001, 2031)}

    report = await dispatcher(world, channel).drain()

    assert (report.sent, report.retried, report.failed) == (30, 0, 0)
    for chat, notification_id in ids.items():
        assert texts(tg, chat) == ["Nhắc hạn: nhiệm vụ số 1 đến hạn Thứ Hai, 30/03/2026"]
        sent = row(world, notification_id)
        assert (sent.status, sent.attempts, sent.sent_at) == ("sent", 1, world.now)
    assert tg.rate_limited_count == 0
    assert (await dispatcher(world, channel).drain()).sent == 0  # nothing twice


async def test_one_person_gets_one_message_a_second_while_everyone_else_goes_on(world, tg, channel):
    busy = register(world, 2100)
    for n in (1, 2, 3):
        nudge(world, busy, n)
    for chat in range(2101, 2121):
        nudge(world, register(world, chat))

    await dispatcher(world, channel).drain()

    to_busy = [c.time for c in tg.calls_to("sendMessage") if c.params["chat_id"] == 2100]
    assert [b - a >= 1.0 for a, b in zip(to_busy, to_busy[1:], strict=False)] == [True, True]
    others = [c.time for c in tg.calls_to("sendMessage") if c.params["chat_id"] != 2100]
    assert max(others) < to_busy[-1], "the busy chat did not hold up the others"
    assert texts(tg, 2100) == [
        f"Nhắc hạn: nhiệm vụ số {n} đến hạn Thứ Hai, 30/03/2026" for n in (1, 2, 3)
    ]
    assert tg.rate_limited_count == 0


async def test_a_429_pauses_the_channel_for_retry_after_and_the_row_waits_without_an_attempt(
    world, tg, channel
):
    first = nudge(world, register(world, 2201))
    for chat in range(2202, 2206):
        nudge(world, register(world, chat))
    tg.fail_next("sendMessage", Fault.too_many_requests(2))

    report = await dispatcher(world, channel, workers=1).drain()

    assert (report.sent, report.retried, report.rate_limited) == (4, 1, 1)
    waiting = row(world, first)
    assert (waiting.status, waiting.attempts) == ("pending", 0)
    assert waiting.not_before == world.now + timedelta(seconds=2)
    calls = tg.calls_to("sendMessage")
    assert calls[0].status == 429
    assert calls[1].time - calls[0].time >= 2.0, "nothing went during retry_after"

    world.now += timedelta(seconds=2)
    await dispatcher(world, channel).drain()
    assert row(world, first).status == "sent"
    assert len(texts(tg, 2201)) == 1


async def test_a_5xx_is_retried_with_backoff_then_failed_and_the_coordinators_are_told(
    world, tg, channel
):
    official = register(world, 2301, "Sở Tư pháp", name="Trần Thị Bình")
    register(world, 2390, "Sở Nội vụ", OfficialRole.COORDINATOR, name="Lê Văn Cường")
    english = register(world, 2391, "Sở Nội vụ", OfficialRole.COORDINATOR, name="Phạm Dũng")
    with world.app.sessions.begin() as session:
        session.get_one(Official, english).language = "en"
    failing = nudge(world, official, kind="overdue_3")
    started = world.now
    pauses = []

    for attempt in range(1, 6):
        tg.fail_next("sendMessage", Fault.internal_error())
        report = await dispatcher(world, channel, workers=1).drain(limit=1)
        assert report.sent == 0
        now_row = row(world, failing)
        assert now_row.attempts == attempt
        if attempt < 5:
            assert now_row.status == "pending"
            pauses.append((now_row.not_before - world.now).total_seconds())
            world.now = now_row.not_before
    assert now_row.status == "failed"
    assert [30 <= pauses[0] <= 60, 60 <= pauses[1] <= 120, 240 <= pauses[3] <= 480] == [True] * 3
    assert world.now - started < timedelta(minutes=16)

    await dispatcher(world, channel).drain()
    with use_language("vi"):
        vietnamese = t(
            FAILED_TO_PERSON,
            kind=kind_label("overdue_3"),
            name="Trần Thị Bình",
            agency="Sở Tư pháp",
            channel="Telegram",
            attempts=5,
            error=now_row.last_error,
        )
    assert texts(tg, 2390) == [vietnamese.replace("&amp;", "&")]
    [told] = texts(tg, 2391)
    assert told.startswith("Could not deliver a message (overdue reminder) to Trần Thị Bình,")
    assert "Sở Tư pháp, on Telegram after 5 attempts" in told
    assert texts(tg, 2301) == []
    with world.app.sessions() as session:
        assert session.scalar(select(AuditLog).filter_by(action="notification.fail")) is not None


async def test_a_timeout_is_retried_later(world, tg):
    official = register(world, 2401)
    slow = TelegramChannel(world.app, tg.bot(request=HTTPXRequest(read_timeout=0.3)))
    await slow.bot.initialize()
    notification_id = nudge(world, official)
    tg.fail_next("sendMessage", Fault.slow(1.0))

    report = await dispatcher(world, slow).drain()

    retried = row(world, notification_id)
    assert (report.retried, retried.status, retried.attempts) == (1, "pending", 1)
    assert "timed out" in (retried.last_error or "").lower()
    assert retried.not_before > world.now + timedelta(seconds=29)
    await slow.bot.shutdown()


async def test_a_person_who_blocked_the_bot_is_marked_unreachable_and_the_focal_point_told(
    world, tg, channel
):
    blocked = register(world, 2501, "Sở Tư pháp", name="Trần Thị Bình")
    register(world, 2502, "Sở Tư pháp", OfficialRole.FOCAL, name="Đỗ Minh Hải")
    register(world, 2503, "Sở Y tế", OfficialRole.FOCAL, name="Ngô An")  # another agency
    first = nudge(world, blocked, 1)
    second = nudge(world, blocked, 2)
    tg.fail_next("sendMessage", Fault.blocked_by_user())

    blocking = await dispatcher(world, channel).drain(limit=1)
    after = await dispatcher(world, channel).drain()

    assert (blocking.unreachable, after.unreachable, after.sent) == (1, 1, 1)
    assert len(tg.calls_to("sendMessage")) == 2, "the second nudge was not even tried"
    assert [row(world, first).status, row(world, second).status] == ["unreachable"] * 2
    with world.app.sessions() as session:
        account = session.scalar(select(ChannelAccount).filter_by(official_id=blocked))
        assert account is not None and account.unreachable_since == world.now
        audits = session.scalars(select(AuditLog.action).where(AuditLog.entity_id == account.id))
        assert "channel_account.unreachable" in list(audits)
    with use_language("vi"):
        expected = t(BLOCKED, name="Trần Thị Bình", agency="Sở Tư pháp", channel="Telegram")
    assert texts(tg, 2502) == [expected]
    assert texts(tg, 2503) == []
    assert len(rows(world, kind=RECIPIENT_BLOCKED)) == 1, "told once, not once per message"
    # A later nudge is not even queued for a channel that cannot reach the person.
    later = nudge(world, blocked, 3)
    assert row(world, later).status == "unreachable"


async def test_a_notice_about_a_failure_that_fails_itself_is_never_reported(world, tg, channel):
    official = register(world, 2601)
    register(world, 2690, "Sở Nội vụ", OfficialRole.COORDINATOR)
    failing = nudge(world, official)
    for _ in range(5):
        tg.fail_next("sendMessage", Fault.internal_error())
        await dispatcher(world, channel, workers=1).drain(limit=1)
        world.now = max(world.now, row(world, failing).not_before)
    assert row(world, failing).status == "failed"
    tg.fail_next("sendMessage", Fault.blocked_by_user())  # the coordinator blocked the bot too

    await dispatcher(world, channel).drain()
    await dispatcher(world, channel).drain()

    assert [(r.kind, r.status) for r in rows(world)] == [
        ("before_7", "failed"),
        (DELIVERY_FAILED, "unreachable"),
    ]


async def test_a_group_gets_twenty_a_minute_and_the_rest_waits_for_the_next_minute(
    world, tg, channel
):
    tg.set_rate_limits(RateLimits(overall=FakeWindow(200, 1.0), group_chat=FakeWindow(20, 60.0)))
    coordinator = register(world, 2790, "Sở Nội vụ", OfficialRole.COORDINATOR)
    with world.app.sessions.begin() as session:
        official = session.get_one(Official, coordinator)
        binding, _plan = bind_group(
            session,
            official,
            channel="telegram",
            chat_id="-100777",
            thread_id=None,
            plan_text="",
            now=world.now,
        )
        for week in range(13):  # 26 messages: a text and its chart each
            queue_digest(
                session,
                key=f"digest:test:{week}",
                text=f"Tổng hợp tuần {week}",
                caption=f"Biểu đồ tuần {week}",
                png=b"\x89PNG\r\n\x1a\n",
                file_name="tong-hop.png",
                now=world.now,
                binding=binding,
            )
    fast = Limits(rate=200, chat=Window(1, 0.05), group=Window(20, 61.0))

    report = await dispatcher(world, channel, fast).drain()

    assert (report.sent, report.deferred) == (20, 6)
    assert len(tg.sent_messages(-100777)) == 20
    assert tg.rate_limited_count == 0
    waiting = rows(world, status="pending")
    assert len(waiting) == 6
    assert all(
        timedelta(seconds=55) < r.not_before - world.now < timedelta(seconds=62) for r in waiting
    )
    assert all(r.attempts == 0 for r in waiting)


async def test_the_running_dispatcher_sends_what_is_queued_when_woken_and_stops_when_told(
    world, tg, channel
):
    official = register(world, 2701)
    running = dispatcher(world, channel)
    stop = asyncio.Event()
    task = asyncio.create_task(running.run(stop, idle=30))
    await asyncio.sleep(0.2)  # idle: nothing queued yet

    nudge(world, official)
    running.wake()
    await tg.wait_for("sendMessage", timeout=3)
    stop.set()
    await asyncio.wait_for(task, 3)

    assert texts(tg, 2701) == ["Nhắc hạn: nhiệm vụ số 1 đến hạn Thứ Hai, 30/03/2026"]


# --- a crash in the middle, and a restart ----------------------------------------------------


class Crash(BaseException):
    """The process dying: not an error any code would catch."""


class CrashingAfter:
    """The real channel, but the process dies right after the platform accepted the Nth message."""

    channel = "telegram"

    def __init__(self, inner: TelegramChannel, sends: int) -> None:
        self.inner = inner
        self.sends = sends

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        await self.inner.deliver(chat_id, message)
        self.sends -= 1
        if self.sends == 0:
            raise Crash


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met"
        await asyncio.sleep(0.005)


@pytest.mark.parametrize(("how", "workers"), [("raise", 1), ("raise", 8), ("cancel", 8)])
async def test_a_restart_after_a_crash_sends_every_remaining_message_exactly_once(
    world, tg, channel, how, workers
):
    chats = list(range(2801, 2841))
    ids = {chat: nudge(world, register(world, chat)) for chat in chats}

    if how == "raise":
        crashing = dispatcher(world, CrashingAfter(channel, 12), workers=workers, batch=10)
        with pytest.raises(BaseExceptionGroup) as died:
            await crashing.drain()
        assert died.value.subgroup(Crash) is not None
    else:
        task = asyncio.create_task(dispatcher(world, channel, workers=workers, batch=10).drain())
        await until(lambda: len(tg.calls_to("sendMessage")) >= 12)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.3)  # a mark already in its thread commits; a dead process's would not

    at_crash = {chat: row(world, ids[chat]).status for chat in chats}
    delivered = {chat: len(texts(tg, chat)) for chat in chats}
    # The documented window: accepted by the platform, not yet marked sent.
    window = {c for c in chats if delivered[c] == 1 and at_crash[c] != "sent"}
    assert {at_crash[c] for c in chats} >= {"sent", "sending"}
    assert (1 if how == "raise" else 0) <= len(window) <= workers
    assert all(at_crash[c] == "sending" for c in window)

    await asyncio.sleep(1.1)  # a new process; the platform's second has passed
    world.now += STALE_AFTER + timedelta(seconds=1)
    assert release_stale(world.app.sessions, world.now) == sum(
        1 for c in chats if at_crash[c] == "sending"
    )
    report = await dispatcher(world, channel).drain()

    assert {row(world, ids[c]).status for c in chats} == {"sent"}
    assert report.sent == sum(1 for c in chats if at_crash[c] != "sent")
    for chat in chats:
        assert len(texts(tg, chat)) == (2 if chat in window else 1), chat
    assert tg.rate_limited_count == 0


# --- two dispatchers on PostgreSQL ------------------------------------------------------------


async def test_two_dispatchers_draining_together_on_postgresql_never_send_a_row_twice(
    sessions, world, tg, channel
):
    if sessions.kw["bind"].dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED claiming is PostgreSQL's; SQLite runs one dispatcher")
    chats = list(range(2901, 3021))
    for chat in chats:
        nudge(world, register(world, chat))
    half = Limits(rate=14.0, chat=Window(1, 1.05))  # two processes share Telegram's 30/s
    other = TelegramChannel(world.app, make_bot(world.app))
    await other.bot.initialize()

    # Rows are not given back for a full window, nor past a short lease, here (those have
    # tests of their own): on a machine slowed by other work, a worker's wait for a token may
    # pass the seconds after which a row goes back unsent, and this test is about claiming,
    # not waiting.
    patient = {"batch": 5, "defer_after": 60.0, "lease": 60.0}
    reports = await asyncio.gather(
        dispatcher(world, channel, half, **patient).drain(),
        dispatcher(world, other, half, **patient).drain(),
    )

    assert [r.sent > 0 for r in reports] == [True, True], "both took part"
    assert sum(r.sent for r in reports) == len(chats)
    assert [len(texts(tg, chat)) for chat in chats] == [1] * len(chats)
    assert {r.status for r in rows(world)} == {NotificationStatus.SENT}
    assert tg.rate_limited_count == 0
    await other.bot.shutdown()


async def test_a_message_one_app_cannot_deliver_goes_to_the_persons_other_app(world, tg, channel):
    official = register(world, 2601, "Sở Tư pháp", name="Lý Thu")
    link = world.send("2601", command="lienket", channel="telegram")
    assert link is not None
    code = link[0].text.split("/start ")[1].split()[0]
    world.send("zalo-2601", command="start", args=(code,), channel="zalo")
    sent = nudge(world, official, 1)
    tg.fail_next("sendMessage", Fault.blocked_by_user())

    await dispatcher(world, channel).drain()

    assert row(world, sent).status == "unreachable"
    [copy] = rows(world, channel="zalo", official_id=official)
    assert copy.status == "pending" and copy.payload == row(world, sent).payload
    assert copy.key.endswith("|via:zalo")
