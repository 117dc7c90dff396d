"""Pacing outgoing messages within a platform's flood limits: a token bucket for the whole
channel, sliding windows per chat and per group. No I/O: the clock and the sleep are given.

Telegram's Bots FAQ: about 30 messages a second overall, no more than one a second in one chat,
20 a minute in one group. The platform counts messages as they *arrive*, and arrivals jitter by
a few milliseconds, so `TELEGRAM` keeps a small margin under each figure.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """At most ``limit`` messages in any span of ``seconds``."""

    limit: int
    seconds: float


@dataclass(frozen=True)
class Limits:
    """One channel's limits: the bucket refills ``rate`` tokens a second up to ``burst``.

    A bucket of ``burst`` 1 spaces messages by ``1 / rate`` exactly; a larger burst lets a quiet
    channel send that many at once, but then a server counting "N in any second" sees up to
    ``burst + rate`` in one second, so keep ``burst + rate`` under the platform's N.
    """

    rate: float
    burst: int = 1
    chat: Window | None = None  # every chat, private or group
    group: Window | None = None  # group chats, on top of ``chat``


# 30/s -> 29/s: the 31st message goes 34 ms after the first one's second is over, room for
# the arrival jitter of a busy host. A chat's second and a group's minute get 50 ms and 1 s.
TELEGRAM = Limits(rate=29.0, burst=1, chat=Window(1, 1.05), group=Window(20, 61.0))


def is_group(chat_id: str) -> bool:
    """Telegram's convention: group and supergroup chat ids are negative."""
    return chat_id.startswith("-")


class RateLimiter:
    """When the next message may go, for one channel, shared by every sender of a process.

    ``ready_in``, ``bucket_ready_in``, ``take`` and ``pause`` are pure bookkeeping on the
    clock's readings; ``acquire`` is the asyncio front. A sender first waits for its chat's
    windows (a group past its 20 a minute holds nothing of the bucket meanwhile: other chats
    go on), then queues for the bucket, and the message is recorded when it really goes.
    The schedule is kept to within ``SLACK`` of a late wake-up, and past that it restarts
    from the late moment: after the event loop stalled, the senders it held up go one by one
    at the bucket's pace, not in a bunch that the platform would count in one second.
    """

    SLACK = 0.005  # seconds a wake-up may be late and still count as on time

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
        self._sent: dict[str, deque[float]] = {}  # per chat: when its messages went
        self._paused: dict[str, float] = {}  # per chat: no message before this time
        self._horizon = max((w.seconds for w in (limits.chat, limits.group) if w), default=0.0)
        self._taken = 0
        self._bucket = asyncio.Lock()  # FIFO: senders take the bucket's turns in order
        self._locks: dict[str, asyncio.Lock] = {}  # per chat, while senders wait for it
        self._waiting: dict[str, int] = {}  # per chat, senders in `acquire` not yet through

    def _windows(self, group: bool) -> list[Window]:
        windows = [self.limits.chat] + ([self.limits.group] if group else [])
        return [w for w in windows if w is not None]

    def ready_in(self, chat_id: str, now: float, group: bool | None = None) -> float:
        """Seconds until one more message to ``chat_id`` could go: its windows, any pause,
        and the messages to it already waiting in `acquire` (a rough second each)."""
        waiting = self._waiting.get(chat_id, 0)
        spacing = self.limits.chat.seconds / self.limits.chat.limit if self.limits.chat else 0.0
        return self._own_wait(chat_id, now, group) + waiting * spacing

    def _own_wait(self, chat_id: str, now: float, group: bool | None) -> float:
        group = is_group(chat_id) if group is None else group
        wait = self._paused.get(chat_id, now) - now
        sent = self._sent.get(chat_id)
        if sent:
            while sent and sent[0] <= now - self._horizon:
                sent.popleft()
            for window in self._windows(group):
                if len(sent) >= window.limit:
                    wait = max(wait, sent[-window.limit] + window.seconds - now)
        return max(wait, 0.0)

    def bucket_ready_in(self, now: float) -> float:
        """Seconds until the channel's bucket has a token."""
        return max(self._next - self._tolerance - now, 0.0)

    def take(self, chat_id: str, now: float, group: bool | None = None) -> None:
        """Record a message to ``chat_id`` going at ``now`` (its bucket token and windows)."""
        # Idle, or held up past the slack: the schedule restarts from now. A wake-up a little
        # late keeps the schedule, so the rate is not eroded by each sleep's overshoot.
        late = now - self._next
        self._next = (now if late > self.SLACK else self._next) + self._interval
        if self.limits.chat or (self.limits.group and (group or is_group(chat_id))):
            self._sent.setdefault(chat_id, deque()).append(now)
        self._taken += 1
        if self._taken % 1000 == 0:
            self._forget(now)

    def pause(self, seconds: float, now: float, chat_id: str | None = None) -> None:
        """After a 429: no message on the channel (and in ``chat_id``) for ``seconds``."""
        self._next = max(self._next, now + seconds + self._tolerance)
        if chat_id is not None:
            self._paused[chat_id] = max(self._paused.get(chat_id, now), now + seconds)

    async def acquire(
        self, chat_id: str, group: bool | None = None, max_wait: float | None = None
    ) -> bool:
        """Return True when a message to ``chat_id`` may be sent now; False, without taking
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
                        return False
                    await self.sleep(wait)
                async with self._bucket:
                    while (wait := self.bucket_ready_in(self.clock())) > 0:
                        await self.sleep(wait)  # again after a pause came in meanwhile
                    self.take(chat_id, self.clock(), group)
                return True
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id]
                del self._locks[chat_id]

    def _forget(self, now: float) -> None:
        """Drop chats whose last message left every window: 5,000 chats a day stay small."""
        stale = [c for c, sent in self._sent.items() if not sent or sent[-1] <= now - self._horizon]
        for chat_id in stale:
            del self._sent[chat_id]
        for chat_id in [c for c, until in self._paused.items() if until <= now]:
            del self._paused[chat_id]
