"""The outbox: messages to other people, written in the same transaction as the change.

A channel's dispatcher later takes ``pending`` rows, sends each to the recipient's chat on
that channel (``destination``) and marks it ``mark_sent`` or ``mark_failed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ChannelAccount, Notification, NotificationStatus, Official

MAX_ATTEMPTS = 5
RETRY_AFTER = timedelta(minutes=1)  # doubled after each failed attempt


class ButtonData(Protocol):
    """A button as the outbox keeps it: its label and its callback data."""

    @property
    def text(self) -> str: ...

    @property
    def data(self) -> str: ...


def enqueue(
    session: Session,
    *,
    official_id: int,
    kind: str,
    key: str,
    text: str,
    buttons: Sequence[Sequence[ButtonData]] = (),
    now: datetime,
    milestone_id: int | None = None,
) -> Notification:
    """The notification for ``key``: written once, the existing row if ``key`` was used.

    ``text`` is already translated into the recipient's language and HTML-escaped. The row
    goes to the channel the official prefers (else any of their accounts); an official with
    no chat account at all is recorded as unreachable, not silently dropped.
    """
    existing = session.scalar(select(Notification).where(Notification.key == key))
    if existing is not None:
        return existing
    official = session.get(Official, official_id)
    channel = _channel_for(session, official) if official is not None else None
    notification = Notification(
        key=key,
        kind=kind,
        official_id=official_id,
        milestone_id=milestone_id,
        channel=channel,
        payload={
            "text": text,
            "buttons": [[{"text": b.text, "data": b.data} for b in row] for row in buttons],
        },
        status=NotificationStatus.PENDING if channel else NotificationStatus.UNREACHABLE,
        attempts=0,
        not_before=now,
        created_at=now,
    )
    session.add(notification)
    session.flush()
    return notification


def _channel_for(session: Session, official: Official) -> str | None:
    accounts = session.scalars(
        select(ChannelAccount)
        .where(ChannelAccount.official_id == official.id)
        .order_by(ChannelAccount.id)
    ).all()
    channels = [a.channel for a in accounts if a.unreachable_since is None]
    if official.preferred_channel in channels:
        return official.preferred_channel
    return channels[0] if channels else None


def pending(
    session: Session, channel: str, limit: int = 30, now: datetime | None = None
) -> list[Notification]:
    """Up to ``limit`` rows to send on ``channel``, oldest first, claimed for this transaction.

    On PostgreSQL the rows are locked with SKIP LOCKED, so several dispatchers never take
    the same row; ``now`` leaves out rows whose retry time has not come.
    """
    query = (
        select(Notification)
        .where(
            Notification.channel == channel,
            Notification.status == NotificationStatus.PENDING,
        )
        .order_by(Notification.id)
        .limit(limit)
    )
    if now is not None:
        query = query.where(Notification.not_before <= now)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(session.scalars(query))


def destination(session: Session, notification: Notification) -> ChannelAccount | None:
    """The recipient's account on the notification's channel: send to its ``chat_id``."""
    if notification.official_id is None or notification.channel is None:
        return None
    return session.scalar(
        select(ChannelAccount)
        .where(
            ChannelAccount.official_id == notification.official_id,
            ChannelAccount.channel == notification.channel,
            ChannelAccount.unreachable_since.is_(None),
        )
        .order_by(ChannelAccount.id)
        .limit(1)
    )


def mark_sent(session: Session, notification: Notification, now: datetime) -> None:
    notification.status = NotificationStatus.SENT
    notification.attempts += 1
    notification.sent_at = now
    notification.last_error = None


def mark_failed(
    session: Session,
    notification: Notification,
    now: datetime,
    error: str,
    *,
    permanent: bool = False,
) -> None:
    """A failed attempt: retried later with a growing pause, given up after ``MAX_ATTEMPTS``.

    ``permanent`` (the person blocked the bot, the chat is gone) gives up at once.
    """
    notification.attempts += 1
    notification.last_error = error[:2000]
    if permanent:
        notification.status = NotificationStatus.UNREACHABLE
    elif notification.attempts >= MAX_ATTEMPTS:
        notification.status = NotificationStatus.FAILED
    else:
        notification.status = NotificationStatus.PENDING
        notification.not_before = now + RETRY_AFTER * (2 ** (notification.attempts - 1))
