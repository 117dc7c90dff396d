"""Sending the outbox: claim, send, mark, each step ordered so that a crash loses no message.

1. Claim: in a short transaction, pending rows become ``sending`` with ``claimed_at``
   (SKIP LOCKED on PostgreSQL, so two dispatchers never claim the same row). Committed.
2. Send: outside any transaction, one row at a time, through the channel's transport.
3. Mark: in a second transaction, ``sent``; or back to ``pending`` with a later retry time;
   or ``failed``/``unreachable`` when retrying cannot help.

A crash after 1 leaves rows ``sending``: ``release_stale`` returns them to ``pending``
after ``STALE_AFTER``. The one case that sends a message twice is a crash after the platform
accepted it (2) and before its mark committed (3): a window of one HTTP response and one
small commit, far narrower than the alternative of marking before sending, which would lose
the message instead.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from models import Notification, NotificationStatus
from services import outbox

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=10)


class DeliveryError(Exception):
    """A send that did not go through; ``permanent`` when retrying cannot help."""

    permanent = False


class RetryLater(DeliveryError):
    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds} s")
        self.seconds = seconds


class Unreachable(DeliveryError):
    """The person blocked the bot, or the chat is gone."""

    permanent = True


class Transport(Protocol):
    channel: str

    async def deliver(self, chat_id: str, payload: dict[str, Any]) -> None:
        """Send one message; raise a DeliveryError when it did not go through."""


@dataclass(frozen=True)
class Claimed:
    id: int
    chat_id: str | None
    payload: dict[str, Any]


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def claim(
    sessions: sessionmaker[Session], channel: str, now: datetime, limit: int
) -> list[Claimed]:
    with sessions.begin() as session:
        rows = outbox.pending(session, channel, limit, now=now)
        claimed = []
        for row in rows:
            account = outbox.destination(session, row)
            row.status = NotificationStatus.SENDING
            row.claimed_at = now
            claimed.append(Claimed(row.id, account.chat_id if account else None, dict(row.payload)))
        return claimed


def release_stale(sessions: sessionmaker[Session], now: datetime) -> int:
    """Rows left ``sending`` by a dispatcher that died go back to ``pending``."""
    with sessions.begin() as session:
        result = session.execute(
            update(Notification)
            .where(
                Notification.status == NotificationStatus.SENDING,
                Notification.claimed_at < now - STALE_AFTER,
            )
            .values(status=NotificationStatus.PENDING)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _mark(
    sessions: sessionmaker[Session],
    notification_id: int,
    now: datetime,
    error: DeliveryError | None,
) -> None:
    with sessions.begin() as session:
        row = session.scalar(select(Notification).where(Notification.id == notification_id))
        if row is None:
            return
        if error is None:
            outbox.mark_sent(session, row, now)
            return
        outbox.mark_failed(session, row, now, str(error), permanent=error.permanent)
        if isinstance(error, RetryLater) and row.status == NotificationStatus.PENDING:
            row.not_before = max(row.not_before, now + timedelta(seconds=error.seconds))


async def drain(
    sessions: sessionmaker[Session],
    transport: Transport,
    now: datetime,
    limit: int = 30,
) -> DrainReport:
    """Send what is due on the transport's channel, up to ``limit`` messages."""
    report = DrainReport()
    claimed = await asyncio.to_thread(claim, sessions, transport.channel, now, limit)
    for item in claimed:
        error: DeliveryError | None = None
        if item.chat_id is None:
            error = Unreachable("no chat account on this channel")
        else:
            try:
                await transport.deliver(item.chat_id, item.payload)
            except DeliveryError as failure:
                error = failure
            except Exception as failure:  # a bug or an unexpected answer: retry, and log it
                log.exception("delivering notification %s failed", item.id)
                error = DeliveryError(repr(failure))
        await asyncio.to_thread(_mark, sessions, item.id, now, error)
        if error is None:
            report.sent += 1
        elif error.permanent:
            report.failed += 1
        else:
            report.retried += 1
    return report
