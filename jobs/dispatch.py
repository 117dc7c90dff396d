"""Sending the outbox: claim, send, mark, each step ordered so that a crash loses no message.

1. Claim: in a short transaction, pending rows become ``sending`` with ``claimed_at``
   (SKIP LOCKED on PostgreSQL, so two dispatchers never claim the same row). Committed.
2. Send: outside any transaction, one row at a time per worker, through the channel's
   transport, paced by the channel's `jobs.ratelimit.RateLimiter`. A row starts going within
   ``CLAIM_LEASE`` of its claim or is given back unsent, and a send is given up after
   ``SEND_TIMEOUT``.
3. Mark: in a second transaction, one per row, ``sent``; or back to ``pending`` with a later
   retry time; or ``failed``/``unreachable`` when retrying cannot help, with the notice to
   the people who must act written in that same transaction. Only the claim that took the
   row marks it.

A crash after 1 leaves rows ``sending``: the channel's sender, between two drains (when it
holds no claim of its own), returns them to ``pending`` ``STALE_AFTER`` after their claim
(``release_stale``), when their sender has either marked them or can no longer send them
(the lease and the send timeout are over). The one case that sends a message twice
is a crash after the platform accepted it (2) and before its mark committed (3): a window of
one HTTP response and one small commit, far narrower than the alternative of marking before
sending, which would lose the message instead. (An answer lost on the way back, a timeout
after the platform had in fact sent the message, is the same case seen from the network:
accepted, never recorded. Telegram offers no idempotency key, so it cannot be told apart from
a message that never arrived.)

One sender per channel: the platform's limits are the bot's, not a process's. With several
processes on PostgreSQL, only the one holding the channel's advisory lock
(`jobs.leader.sender`) claims and sends; the others stand by and take over within ``idle``
seconds once its connection, and with it the lock, is gone. Its limiter then paces every
outgoing message of the channel exactly, in one process's memory, which a shared bucket in the
database could only approach at the cost of a round trip, and the jitter of one, per message.

Retries: 5xx, timeouts and network errors come back after an exponential pause with jitter
(`Backoff`) and are given up after ``outbox.MAX_ATTEMPTS``; the coordinators are then told.
A 429 is the platform pacing us, not a failure of the message: the whole channel pauses for
``retry_after`` and the row waits that long, without spending an attempt. A person who blocked
the bot (403) has their account marked unreachable and their agency's focal point is told.
Notices about delivery are never themselves the subject of a notice, so failures cannot loop.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import ParamSpec, Protocol, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from handlers.common import t
from i18n import N_, use_language
from jobs.nudges import vet
from jobs.ratelimit import RateLimiter, Send, is_group
from models import (
    ChannelAccount,
    ChatBinding,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    Plan,
)
from services import audit, outbox
from services.messages import OutboxMessage
from services.review import coordinators

log = logging.getLogger(__name__)

CLAIM_LEASE = 10.0  # seconds after its claim within which a row must start going
SEND_TIMEOUT = 20.0  # seconds; the transport's own read timeout should come first
# Past this a claimed row is its dead sender's: the lease and the send are over, with room for
# the mark's commit. Well within the minute a message of a dead sender may wait.
STALE_AFTER = timedelta(seconds=40)
assert STALE_AFTER.total_seconds() >= CLAIM_LEASE + SEND_TIMEOUT + 5
ACTOR = "job:dispatch"

# The notices this module writes: never themselves reported when they fail.
DELIVERY_FAILED = "delivery_failed"
RECIPIENT_BLOCKED = "recipient_blocked"
NOTICE_KINDS = frozenset({DELIVERY_FAILED, RECIPIENT_BLOCKED})

# TRANSLATORS: to coordinators. kind: what the message was ("deadline reminder"); channel:
# "Telegram" or "Zalo"; error: the platform's answer, in English.
FAILED_TO_PERSON = N_(
    "Could not deliver a message (%(kind)s) to %(name)s, %(agency)s, on %(channel)s after "
    "%(attempts)d attempts. Last error: %(error)s"
)
# TRANSLATORS: to coordinators; plan: the plan's number or title.
FAILED_TO_GROUP = N_(
    "Could not deliver a message (%(kind)s) to the group chat of plan %(plan)s on %(channel)s "
    "after %(attempts)d attempts. Last error: %(error)s"
)
# TRANSLATORS: to the agency's focal point (đầu mối) when an official blocked the bot.
BLOCKED = N_(
    "%(name)s, %(agency)s, has blocked the bot on %(channel)s and no longer receives "
    "reminders. Please ask them to open the chat with the bot again and press Start."
)

# What a message kind is, in words, for the notices; other kinds are named as they are.
KIND_LABELS = {
    "before_": N_("deadline reminder"),
    "overdue_": N_("overdue reminder"),
    "completion_request": N_("completion report to verify"),
    "extension_request": N_("extension request"),
    "completion_decision": N_("decision on a completion report"),
    "extension_decision": N_("decision on an extension request"),
    "note": N_("note on a task"),
    "digest": N_("weekly digest"),
    "daily_digest": N_("daily digest"),
    "daily_summary": N_("daily summary"),
    "evidence_upload": N_("evidence upload"),
}


class DeliveryError(Exception):
    """A send that did not go through and may go through later (5xx, timeout, network)."""

    permanent = False


class RetryLater(DeliveryError):
    """The platform's flood control (429): wait ``seconds``, then send the same again."""

    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds} s")
        self.seconds = seconds


class Unreachable(DeliveryError):
    """The person blocked the bot, or the chat is gone."""

    permanent = True


class Rejected(DeliveryError):
    """The platform refused this message itself (400): sending it again cannot help."""

    permanent = True


class Transport(Protocol):
    channel: str

    async def deliver(self, chat_id: str, message: OutboxMessage) -> None:
        """Send one message; raise a DeliveryError when it did not go through."""


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: str
    chat_id: str | None
    message: OutboxMessage
    account_id: int | None = None  # the official's account the message goes to
    group: bool = False
    claimed_at: datetime | None = None  # which claim this is: only it marks the row


def _is_claim(row: Notification, item: Claimed) -> bool:
    """Whether ``row`` is still held by the claim that gave ``item``."""
    if row.status != NotificationStatus.SENDING:
        return False
    return item.claimed_at is None or row.claimed_at == item.claimed_at


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0  # back to pending: 5xx, timeouts, 429s
    failed: int = 0  # given up: too many attempts, or refused by the platform
    unreachable: int = 0
    deferred: int = 0  # put back unsent: its chat's window was full for a while
    rate_limited: int = 0  # 429s among ``retried``


@dataclass(frozen=True)
class Backoff:
    """The pause before retry ``n`` (n >= 1): ``base * 2**(n-1)`` up to ``cap``, of which a
    random half is taken off ("equal jitter"), so rows that failed together spread out."""

    base: timedelta = outbox.RETRY_AFTER
    cap: timedelta = timedelta(minutes=30)

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        full: timedelta = min(self.cap, self.base * (2 ** max(attempts - 1, 0)))
        return full / 2 + full / 2 * rng.random()


# --- the three steps, each its own unit of work


def claim(
    sessions: sessionmaker[Session], channel: str, now: datetime, limit: int
) -> list[Claimed]:
    with sessions.begin() as session:
        rows = outbox.pending(session, channel, limit, now=now)
        # Decided at send time: a digest leaves out what was done or extended since it was written.
        rows = vet(session, rows, now)
        # Where each row goes, looked up for the whole claim at once: a query a row held the
        # database (and on SQLite every mark) for half a second per claim.
        accounts = outbox.destinations(session, rows)
        bindings = {row.binding_id for row in rows if row.binding_id is not None}
        groups = {b.id: b for b in _bindings(session, bindings)}
        claimed = []
        for row in rows:
            row.status = NotificationStatus.SENDING
            row.claimed_at = now
            item = _claimed(row, accounts.get(row.id), groups.get(row.binding_id or 0))
            claimed.append(replace(item, claimed_at=now))
        return claimed


def _bindings(session: Session, ids: set[int]) -> Sequence[ChatBinding]:
    if not ids:
        return []
    return session.scalars(select(ChatBinding).where(ChatBinding.id.in_(ids))).all()


def _claimed(
    row: Notification, account: ChannelAccount | None, binding: ChatBinding | None
) -> Claimed:
    """What the claim of ``row`` sends and where: its ``binding``'s group chat, or else the
    official's ``account`` on the row's channel."""
    message = OutboxMessage.from_payload(row.payload)
    if row.binding_id is not None:
        if binding is None or binding.channel != row.channel:
            return Claimed(row.id, row.kind, None, message, group=True)
        if binding.thread_id:
            message = replace(message, thread_id=binding.thread_id)
        return Claimed(row.id, row.kind, binding.chat_id, message, group=True)
    if account is None:
        return Claimed(row.id, row.kind, None, message)
    return Claimed(
        row.id, row.kind, account.chat_id, message, account.id, is_group(account.chat_id)
    )


def release_stale(
    sessions: sessionmaker[Session], now: datetime, channel: str | None = None
) -> int:
    """Rows of ``channel`` (of every channel when None) left ``sending`` by a dispatcher that
    died go back to ``pending``. Looked for without the write lock: mostly there are none."""
    stale = [
        Notification.status == NotificationStatus.SENDING,
        Notification.claimed_at < now - STALE_AFTER,
    ]
    if channel is not None:
        stale.append(Notification.channel == channel)
    with sessions() as session:
        found = session.scalar(select(Notification.id).where(*stale).limit(1))
    if found is None:
        return 0
    with sessions.begin() as session:
        ids = list(session.scalars(select(Notification.id).where(*stale)))
        if not ids:
            return 0
        session.execute(
            update(Notification)
            .where(Notification.id.in_(ids), Notification.status == NotificationStatus.SENDING)
            .values(status=NotificationStatus.PENDING, claimed_at=None)
            .execution_options(synchronize_session=False)
        )
        audit.record(
            session,
            at=now,
            actor=ACTOR,
            action="notification.release",
            entity="notification",
            entity_id=None,
            before={"status": NotificationStatus.SENDING},
            after={"status": NotificationStatus.PENDING, "ids": ids},
        )
        log.warning("released %d notifications left claimed by a sender that stopped", len(ids))
        return len(ids)


def defer(sessions: sessionmaker[Session], item: Claimed, until: datetime) -> None:
    """Give a claimed row back unsent, to be taken again at ``until`` (no attempt spent)."""
    with sessions.begin() as session:
        row = session.get(Notification, item.id)
        if row is not None and _is_claim(row, item):
            row.status = NotificationStatus.PENDING
            row.claimed_at = None
            row.not_before = max(row.not_before, until)


def mark(
    sessions: sessionmaker[Session],
    item: Claimed,
    now: datetime,
    error: DeliveryError | None,
    backoff: Backoff = Backoff(),
    rng: random.Random | None = None,
) -> str:
    """Record how the send of ``item`` went; return the row's new status."""
    with sessions.begin() as session:
        row = session.get(Notification, item.id)
        if row is None:
            return ""
        # Released while it was on its way (its sender was held up past STALE_AFTER): the
        # row is another claim's now, unless it went and nobody has taken it again.
        lapsed = not _is_claim(row, item)
        if lapsed and (error is not None or row.status != NotificationStatus.PENDING):
            if error is None:
                log.warning("notification %s went after its claim lapsed", item.id)
            return row.status
        if error is None:
            outbox.mark_sent(session, row, now)
        elif isinstance(error, RetryLater):
            row.status = NotificationStatus.PENDING
            row.last_error = str(error)[:2000]
            row.not_before = max(row.not_before, now + timedelta(seconds=error.seconds))
        elif isinstance(error, Rejected):
            outbox.mark_failed(session, row, now, str(error))
            row.status = NotificationStatus.FAILED
        else:
            outbox.mark_failed(session, row, now, str(error), permanent=error.permanent)
            if row.status == NotificationStatus.PENDING:
                row.not_before = now + backoff.delay(row.attempts, rng or random.Random())
        row.claimed_at = None
        if row.status == NotificationStatus.UNREACHABLE:
            _unreachable(session, row, item, now)
            _fall_back(session, row, now)
        elif row.status == NotificationStatus.FAILED and not _fall_back(session, row, now):
            _failed(session, row, now)
        return row.status


def _fall_back(session: Session, row: Notification, now: datetime) -> bool:
    """The same message on the person's other chat app, when one channel cannot deliver it.

    The copy's key names the channel, so it is written once however often this is reached.
    """
    if row.official_id is None or row.channel is None:
        return False
    other = session.scalar(
        select(ChannelAccount.channel)
        .where(
            ChannelAccount.official_id == row.official_id,
            ChannelAccount.channel != row.channel,
            ChannelAccount.unreachable_since.is_(None),
        )
        .order_by(ChannelAccount.id)
        .limit(1)
    )
    if other is None:
        return False
    key = f"{row.key}|via:{other}"
    if session.scalar(select(Notification.id).where(Notification.key == key)) is None:
        session.add(
            Notification(
                key=key[:200],
                kind=row.kind,
                official_id=row.official_id,
                milestone_id=row.milestone_id,
                channel=other,
                payload=dict(row.payload),
                status=NotificationStatus.PENDING,
                attempts=0,
                not_before=now,
                created_at=now,
            )
        )
    return True


def _failed(session: Session, row: Notification, now: datetime) -> None:
    audit.record(
        session,
        at=now,
        actor=ACTOR,
        action="notification.fail",
        entity="notification",
        entity_id=row.id,
        before={"status": NotificationStatus.SENDING},
        after={"status": row.status, "attempts": row.attempts, "error": row.last_error},
    )
    if row.kind not in NOTICE_KINDS:
        _tell_coordinators(session, row, now)


def _unreachable(session: Session, row: Notification, item: Claimed, now: datetime) -> None:
    audit.record(
        session,
        at=now,
        actor=ACTOR,
        action="notification.unreachable",
        entity="notification",
        entity_id=row.id,
        before={"status": NotificationStatus.SENDING},
        after={"status": row.status, "error": row.last_error},
    )
    if row.binding_id is not None:
        # The bot was removed from the group: only a coordinator can bind it again.
        if row.kind not in NOTICE_KINDS:
            _tell_coordinators(session, row, now)
        return
    account = session.get(ChannelAccount, item.account_id) if item.account_id else None
    if account is None or account.unreachable_since is not None:
        return  # no chat to mark: the person was already known to be out of reach
    account.unreachable_since = now
    audit.record(
        session,
        at=now,
        actor=ACTOR,
        action="channel_account.unreachable",
        entity="channel_account",
        entity_id=account.id,
        before={"unreachable_since": None},
        after={"unreachable_since": now.isoformat(), "error": row.last_error},
    )
    if row.kind not in NOTICE_KINDS:
        _tell_focal_points(session, account, now)


def _tell_coordinators(session: Session, row: Notification, now: datetime) -> None:
    official = session.get(Official, row.official_id) if row.official_id else None
    binding = session.get(ChatBinding, row.binding_id) if row.binding_id else None
    plan = session.get(Plan, binding.plan_id) if binding else None
    for coordinator in coordinators(session):
        if coordinator.id == row.official_id:
            continue  # the one who cannot be reached would not read it either
        with use_language(coordinator.language):
            common = {
                "kind": kind_label(row.kind),
                "channel": (row.channel or "").capitalize(),
                "attempts": row.attempts,
                "error": (row.last_error or "")[:200],
            }
            if official is not None:
                text = t(
                    FAILED_TO_PERSON, name=official.full_name, agency=official.agency.name, **common
                )
            else:
                text = t(
                    FAILED_TO_GROUP, plan=(plan.number or plan.title) if plan else "?", **common
                )
        outbox.enqueue(
            session,
            official_id=coordinator.id,
            kind=DELIVERY_FAILED,
            key=f"{DELIVERY_FAILED}:{row.id}:to:{coordinator.id}",
            message=OutboxMessage(text),
            now=now,
            milestone_id=row.milestone_id,
        )


def _tell_focal_points(session: Session, account: ChannelAccount, now: datetime) -> None:
    """The agency's focal points (đầu mối) hear that one of their officials blocked the bot;
    where the agency has none (or it was the focal point), the coordinators do."""
    blocked = account.official
    focal = list(
        session.scalars(
            select(Official)
            .where(
                Official.agency_id == blocked.agency_id,
                Official.role == OfficialRole.FOCAL,
                Official.active.is_(True),
                Official.id != blocked.id,
            )
            .order_by(Official.id)
        )
    )
    told = focal or [c for c in coordinators(session) if c.id != blocked.id]
    for official in told:
        with use_language(official.language):
            text = t(
                BLOCKED,
                name=blocked.full_name,
                agency=blocked.agency.name,
                channel=account.channel.capitalize(),
            )
        outbox.enqueue(
            session,
            official_id=official.id,
            kind=RECIPIENT_BLOCKED,
            key=f"{RECIPIENT_BLOCKED}:{account.id}:{now:%Y%m%dT%H%M%S}:to:{official.id}",
            message=OutboxMessage(text),
            now=now,
        )


def kind_label(kind: str) -> str:
    """A message kind in words, in the current language ("before_7" -> "deadline reminder")."""
    for prefix, label in KIND_LABELS.items():
        # "before_7" is a deadline reminder; "digest_chart" belongs to the digest.
        family = prefix.endswith("_") or prefix == "digest"
        if kind == prefix or (family and kind.startswith(prefix)):
            return t(label)
    return kind


# --- the dispatcher

P = ParamSpec("P")
R = TypeVar("R")


class Leader(Protocol):
    """Whether this process is the channel's one sender (`jobs.leader.Leadership`)."""

    def is_leader(self) -> bool: ...

    def release(self) -> None: ...


@dataclass
class Dispatcher:
    """Drains one channel's outbox through its transport, ``workers`` sends in flight at once.

    ``clock`` gives the wall time written to the rows (``sent_at``, ``not_before``); the
    limiter keeps its own monotonic clock. One dispatcher per channel and process, and with
    ``leadership`` only the elected one of all processes sends, so that its limiter keeps the
    whole bot within the platform's limits.
    """

    sessions: sessionmaker[Session]
    transport: Transport
    clock: Callable[[], datetime]
    limiter: RateLimiter | None = None
    workers: int = 8
    batch: int = 100
    backoff: Backoff = Backoff()
    rng: random.Random = field(default_factory=random.Random)
    defer_after: float = 3.0  # seconds: a chat that must wait longer gives its row back
    send_timeout: float = SEND_TIMEOUT
    lease: float = CLAIM_LEASE
    leadership: Leader | None = None
    _db_lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)
    _wake: asyncio.Event = field(default_factory=asyncio.Event, init=False, repr=False)
    _leading: bool = field(default=False, init=False, repr=False)
    _next_try: float = field(default=float("-inf"), init=False, repr=False)

    async def _db(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        # On SQLite one unit of work at a time per dispatcher: they would only queue for the
        # one write lock anyway. On PostgreSQL each goes at once: a mark that waits behind
        # others is a message sent and not yet recorded, the window in which a crash sends
        # a message twice.
        if self._serial:
            async with self._db_lock:
                return await asyncio.to_thread(work, *args, **kwargs)
        return await asyncio.to_thread(work, *args, **kwargs)

    @property
    def _serial(self) -> bool:
        bind = self.sessions.kw.get("bind")
        return bind is None or bind.dialect.name == "sqlite"

    def wake(self) -> None:
        """Something was queued: ``run`` drains now instead of at its next tick."""
        self._wake.set()

    async def is_sender(self, retry_every: float = 0.0) -> bool:
        """Whether this process sends the channel's outbox now. A process standing by asks
        for the lock at most every ``retry_every`` seconds; the sender checks it still
        holds it (its connection is alive) each time."""
        if self.leadership is None:
            return True
        if not self._leading and time.monotonic() < self._next_try:
            return False
        leading = await self._db(self.leadership.is_leader)
        if leading != self._leading:
            log.info(
                "%s: %s the outbox's sender",
                self.transport.channel,
                "became" if leading else "is no longer",
            )
        self._leading = leading
        self._next_try = time.monotonic() + retry_every
        return leading

    @property
    def leading(self) -> bool:
        """Whether this process was the channel's sender when last asked."""
        return self.leadership is None or self._leading

    def resign(self) -> None:
        """Give up being the sender (on the way out), so another process takes over at once."""
        if self.leadership is not None:
            self.leadership.release()
            self._leading = False

    async def run(self, stop: asyncio.Event, idle: float = 2.0) -> None:
        """Drain, then wait ``idle`` seconds or a `wake`, until ``stop`` is set."""
        while not stop.is_set():
            self._wake.clear()
            try:
                if await self.is_sender(retry_every=idle):
                    # Between drains this sender holds no claim of its own: what is left
                    # claimed too long is a dead sender's.
                    channel = self.transport.channel
                    await self._db(release_stale, self.sessions, self.clock(), channel)
                    await self.drain()
            except Exception:
                log.exception("dispatching the %s outbox failed", self.transport.channel)
            waits = [asyncio.ensure_future(e.wait()) for e in (stop, self._wake)]
            await asyncio.wait(waits, timeout=idle, return_when=asyncio.FIRST_COMPLETED)
            for waiting in waits:
                waiting.cancel()

    @property
    def claim_size(self) -> int:
        """Rows claimed at once: ``batch``, but no more than the limiter lets go in half a
        lease, so that the last of them still starts going within its lease."""
        if self.limiter is None:
            return self.batch
        return max(1, min(self.batch, int(self.limiter.limits.rate * self.lease / 2)))

    async def drain(self, limit: int | None = None) -> DrainReport:
        """Send what is due until nothing is (or ``limit`` rows were taken, or this process
        is no longer the sender).

        Rows are claimed as the workers need them: the queue holds one row per worker, and the
        next batch is claimed once the last one is all handed out, so a claimed row waits for
        no more than its own batch and a queue's worth ahead of it. With `claim_size` that is
        well within the lease; a row held past it would be given back unsent, its limiter
        token spent for nothing.
        """
        report = DrainReport()
        queue: asyncio.Queue[tuple[Claimed, float] | None] = asyncio.Queue(maxsize=self.workers)

        async def feed() -> None:
            taken = 0
            while limit is None or taken < limit:
                if taken and not await self.is_sender():
                    break
                size = self.claim_size if limit is None else min(self.claim_size, limit - taken)
                channel = self.transport.channel
                lease_ends = time.monotonic() + self.lease
                claimed = await self._db(claim, self.sessions, channel, self.clock(), size)
                if not claimed:
                    break
                taken += len(claimed)
                for item in claimed:
                    await queue.put((item, lease_ends))
            for _ in range(self.workers):
                await queue.put(None)

        async def work() -> None:
            while (entry := await queue.get()) is not None:
                await self.send(*entry, report=report)

        async with asyncio.TaskGroup() as group:
            group.create_task(feed())
            for _ in range(self.workers):
                group.create_task(work())
        return report

    async def send(
        self, item: Claimed, lease_ends: float = float("inf"), *, report: DrainReport
    ) -> None:
        """Send one claimed row and record the outcome (or give it back for later)."""
        error: DeliveryError | None = None
        limiter = self.limiter
        if item.chat_id is None:
            error = Unreachable("no chat on this channel")
        else:
            ticket: Send | None = None
            if limiter is not None:
                # A chat that must wait long (a group past its 20 a minute) gives its row back
                # rather than hold a worker, and the claim, for that long.
                wait = limiter.ready_in(item.chat_id, limiter.clock(), item.group)
                if wait <= self.defer_after:
                    ticket = await limiter.acquire(
                        item.chat_id, item.group, max_wait=self.defer_after
                    )
                if ticket is None:
                    wait = max(wait, limiter.ready_in(item.chat_id, limiter.clock(), item.group))
                    until = self.clock() + timedelta(seconds=wait)
                    await self._db(defer, self.sessions, item, until)
                    report.deferred += 1
                    return
            try:
                if time.monotonic() > lease_ends:
                    # Held up past its lease (the channel paused after a 429): once the lease
                    # is over the row may be another sender's, so it goes back unsent.
                    await self._db(defer, self.sessions, item, self.clock())
                    report.deferred += 1
                    return
                error = await self._deliver(item.chat_id, item)
            finally:
                if limiter is not None and ticket is not None:
                    limiter.answered(ticket, limiter.clock())
        if isinstance(error, RetryLater):
            report.rate_limited += 1
            if limiter is not None:
                limiter.pause(error.seconds, limiter.clock(), item.chat_id)
        status = await self._db(
            mark, self.sessions, item, self.clock(), error, self.backoff, self.rng
        )
        if status == NotificationStatus.SENT:
            report.sent += 1
        elif status == NotificationStatus.UNREACHABLE:
            report.unreachable += 1
        elif status == NotificationStatus.FAILED:
            report.failed += 1
        else:
            report.retried += 1

    async def _deliver(self, chat_id: str, item: Claimed) -> DeliveryError | None:
        try:
            async with asyncio.timeout(self.send_timeout):
                await self.transport.deliver(chat_id, item.message)
        except DeliveryError as failure:
            return failure
        except TimeoutError:
            return DeliveryError(f"no answer within {self.send_timeout:g} s")
        except Exception as failure:  # a bug or an unexpected answer: retry, and log it
            log.exception("delivering notification %s failed", item.id)
            return DeliveryError(repr(failure))
        return None
