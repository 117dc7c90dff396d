"""Pacing outgoing messages within a platform's flood limits: a token bucket for the whole
channel, sliding windows overall, per chat and per group. No I/O: the clock and the sleep are
given.

Telegram's Bots FAQ: about 30 messages a second overall, no more than one a second in one chat,
20 a minute in one group. The platform counts messages as they *arrive*, and when a message
arrives is not known to its sender: a busy host sends it late, a slow network delivers it
late, so two messages sent 34 ms apart may arrive 5 ms apart. But a message has surely arrived
by the time its answer is back. So every window counts from the *answer* of the message it
looks back at: the 31st message goes one second after the first was answered, hence at least
one second after the first arrived, however late that was; a message not yet answered holds
its window until it is. The bucket spaces messages evenly on top, so the windows only have to
catch messages that bunched up on the way.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """At most ``limit`` messages in any span of ``seconds``, counted from their answers."""

    limit: int
    seconds: float


@dataclass(frozen=True)
class Limits:
    """One channel's limits: the bucket refills ``rate`` tokens a second up to ``burst``.

    A bucket of ``burst`` 1 spaces messages by ``1 / rate`` exactly; a larger burst lets a quiet
    channel send that many at once (``overall`` still caps any second).
    """

    rate: float
    burst: int = 1
    overall: Window | None = None  # the whole channel
    chat: Window | tuple[Window, ...] = ()  # every chat, private or group
    group: Window | None = None  # group chats, on top of ``chat``

    @property
    def chat_windows(self) -> tuple[Window, ...]:
        return (self.chat,) if isinstance(self.chat, Window) else self.chat


# One a second in a chat, and no more than three in any three seconds even when replies to a
# person who writes fast have already gone out in a burst.
TELEGRAM = Limits(
    rate=30.0,
    overall=Window(30, 1.0),
    chat=(Window(1, 1.0), Window(3, 3.0)),
    group=Window(20, 60.0),
)

# How often a sender looks again while the message its window waits for is unanswered.
UNANSWERED_POLL = 0.002


def is_group(chat_id: str) -> bool:
    """Telegram's convention: group and supergroup chat ids are negative."""
    return chat_id.startswith("-")


class Send:
    """One message the limiter let go: to which chat, when, and when it was answered."""

    __slots__ = ("answered", "at", "chat_id")

    def __init__(self, chat_id: str, at: float) -> None:
        self.chat_id = chat_id
        self.at = at
        self.answered: float | None = None


def _window_wait(sends: deque[Send], window: Window, now: float) -> float:
    """Seconds until one more message fits ``window`` after ``sends`` (oldest first)."""
    if len(sends) < window.limit:
        return 0.0
    oldest = sends[-window.limit]
    if oldest.answered is None:
        return UNANSWERED_POLL
    return max(oldest.answered + window.seconds - now, 0.0)


class RateLimiter:
    """When the next message may go, for one channel, shared by every sender of a process.

    ``ready_in``, ``bucket_ready_in``, ``take``, ``answered`` and ``pause`` are bookkeeping on
    the clock's readings; ``acquire`` is the asyncio front. A sender first waits for its chat's
    windows (a group past its 20 a minute holds nothing of the bucket meanwhile: other chats go
    on), then queues for the bucket, and the message is recorded when it really goes; the
    sender reports its answer (`answered`), success or failure, as soon as it has one. The
    bucket's schedule is kept through wake-ups up to ``SLACK`` late, and past that it restarts
    from the late moment: after the event loop stalled, the senders it held up go one by one at
    the bucket's pace, not in a bunch.

    On a busy host nearly every wake-up is late by some milliseconds, often by more than one
    interval (33 ms); a schedule that restarted after each would lose all of that lateness,
    a fifth of the rate under CPU contention. Kept, the few messages that fell behind go at
    once to catch up. That bunch is never more than the platform allows: the ``overall``
    window, counted from answers, still holds any second to its limit.
    """

    SLACK = 0.1  # seconds a wake-up may be late and the schedule still kept: three turns at 30/s

    def __init__(
        self,
        limits: Limits,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.limits = limits
        self.clock = clock
        self.sleep = sleep
        self._interval = 1.0 / limits.rate
        self._tolerance = (limits.burst - 1) * self._interval
        self._next = float("-inf")  # GCRA's theoretical arrival time of the next message
        overall = limits.overall
        self._recent: deque[Send] = deque(maxlen=overall.limit if overall else 0)
        self._sent: dict[str, deque[Send]] = {}  # per chat, oldest first
        self._paused: dict[str, float] = {}  # per chat: no message before this time
        windows = [*limits.chat_windows, *([limits.group] if limits.group else [])]
        self._horizon = max((w.seconds for w in windows), default=0.0)
        self._spacing = max((w.seconds / w.limit for w in limits.chat_windows), default=0.0)
        self._taken = 0
        self._bucket = asyncio.Lock()  # FIFO: senders take the bucket's turns in order
        self._locks: dict[str, asyncio.Lock] = {}  # per chat, while senders wait for it
        self._waiting: dict[str, int] = {}  # per chat, senders in `acquire` not yet through

    def _windows(self, group: bool) -> list[Window]:
        windows = list(self.limits.chat_windows)
        if group and self.limits.group is not None:
            windows.append(self.limits.group)
        return windows

    def ready_in(self, chat_id: str, now: float, group: bool | None = None) -> float:
        """Seconds until one more message to ``chat_id`` could go: its windows, any pause,
        and the messages to it already waiting in `acquire` (a rough window each)."""
        waiting = self._waiting.get(chat_id, 0)
        return self._own_wait(chat_id, now, group) + waiting * self._spacing

    def _own_wait(self, chat_id: str, now: float, group: bool | None) -> float:
        group = is_group(chat_id) if group is None else group
        wait = self._paused.get(chat_id, now) - now
        sent = self._sent.get(chat_id)
        if sent:
            while sent and sent[0].answered is not None and sent[0].answered <= now - self._horizon:
                sent.popleft()
            for window in self._windows(group):
                wait = max(wait, _window_wait(sent, window, now))
        return max(wait, 0.0)

    def bucket_ready_in(self, now: float) -> float:
        """Seconds until the channel has a token: the bucket's, and a place in ``overall``."""
        wait = max(self._next - self._tolerance - now, 0.0)
        if self.limits.overall is not None:
            wait = max(wait, _window_wait(self._recent, self.limits.overall, now))
        return wait

    def take(self, chat_id: str, now: float, group: bool | None = None) -> Send:
        """Record a message to ``chat_id`` going at ``now`` (its token and its windows); the
        sender reports its answer with `answered`."""
        # Idle, or held up past the slack: the schedule restarts from now. A wake-up a little
        # late keeps the schedule, so the rate is not eroded by each sleep's overshoot.
        late = now - self._next
        self._next = (now if late > self.SLACK else self._next) + self._interval
        send = Send(chat_id, now)
        if self.limits.overall is not None:
            self._recent.append(send)
        if self.limits.chat_windows or (self.limits.group and (group or is_group(chat_id))):
            self._sent.setdefault(chat_id, deque()).append(send)
        self._taken += 1
        if self._taken % 1000 == 0:
            self._forget(now)
        return send

    def answered(self, send: Send, now: float) -> None:
        """The platform answered ``send`` (or the sender stopped waiting for it) at ``now``."""
        if send.answered is None:
            send.answered = now

    def pause(self, seconds: float, now: float, chat_id: str | None = None) -> None:
        """After a 429: no message on the channel (and in ``chat_id``) for ``seconds``."""
        self._next = max(self._next, now + seconds + self._tolerance)
        if chat_id is not None:
            self._paused[chat_id] = max(self._paused.get(chat_id, now), now + seconds)

    async def acquire(
        self, chat_id: str, group: bool | None = None, max_wait: float | None = None
    ) -> Send | None:
        """The `Send` of a message to ``chat_id`` that may go now; None, without taking
        anything, when its turn comes and the chat would still have to wait over ``max_wait``.

        Messages to one chat go in the order their senders called: a person reads the
        digest's text before its chart.
        """
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        lock = self._locks.setdefault(chat_id, asyncio.Lock())  # asyncio.Lock is FIFO
        try:
            async with lock:
                while (wait := self._own_wait(chat_id, self.clock(), group)) > 0:
                    if max_wait is not None and wait > max_wait:
                        return None
                    await self.sleep(wait)
                async with self._bucket:
                    while (wait := self.bucket_ready_in(self.clock())) > 0:
                        await self.sleep(wait)  # again after a pause came in meanwhile
                    return self.take(chat_id, self.clock(), group)
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id]
                del self._locks[chat_id]

    def _forget(self, now: float) -> None:
        """Drop chats whose last message left every window: 5,000 chats a day stay small."""
        horizon = now - self._horizon
        stale = [
            chat
            for chat, sent in self._sent.items()
            if not sent or (sent[-1].answered is not None and sent[-1].answered <= horizon)
        ]
        for chat_id in stale:
            del self._sent[chat_id]
        for chat_id in [c for c, until in self._paused.items() if until <= now]:
            del self._paused[chat_id]
