"""The outbox: messages to other people, written in the same transaction as the change.

A channel's dispatcher later takes ``pending`` rows, sends each to the recipient's chat on
that channel (``destination``) and marks it ``mark_sent`` or ``mark_failed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import ChannelAccount, ChatBinding, Notification, NotificationStatus, Official
from services.messages import OutboxMessage

MAX_ATTEMPTS = 5
RETRY_AFTER = timedelta(minutes=1)  # doubled after each failed attempt
_WRITTEN = "outbox_written"


def written(session: Session) -> bool:
    """Whether this session has queued a message: its dispatcher need only look then."""
    return bool(session.info.get(_WRITTEN))


def enqueue(
    session: Session,
    *,
    kind: str,
    key: str,
    message: OutboxMessage,
    now: datetime,
    official_id: int | None = None,
    binding: ChatBinding | None = None,
    milestone_id: int | None = None,
) -> Notification:
    """The notification for ``key``: written once, the existing row if ``key`` was used.

    It goes to an official (``official_id``: the channel they prefer, else any of their
    accounts; with no chat account at all it is recorded as unreachable, not silently dropped)
    or to a group chat (``binding``: that chat on its channel). ``message.text`` is already
    translated into the recipient's language and HTML-escaped.
    """
    existing = session.scalar(select(Notification).where(Notification.key == key))
    if existing is not None:
        return existing
    if binding is not None:
        channel: str | None = binding.channel
    else:
        official = session.get(Official, official_id) if official_id is not None else None
        channel = _channel_for(session, official) if official is not None else None
    notification = Notification(
        key=key,
        kind=kind,
        official_id=official_id,
        binding_id=binding.id if binding is not None else None,
        milestone_id=milestone_id,
        channel=channel,
        payload=message.to_payload(),
        status=NotificationStatus.PENDING if channel else NotificationStatus.UNREACHABLE,
        attempts=0,
        not_before=now,
        created_at=now,
    )
    session.add(notification)
    session.flush()
    session.info[_WRITTEN] = True
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
    return destinations(session, [notification]).get(notification.id)


def destinations(
    session: Session, notifications: Sequence[Notification]
) -> dict[int, ChannelAccount]:
    """`destination` of each notification to an official, by notification id, in one query
    whatever the count (a claim of a hundred rows is one query, not a hundred): the
    official's first reachable account on the notification's channel."""
    wanted = {
        n.id: (n.official_id, n.channel)
        for n in notifications
        if n.official_id is not None and n.channel is not None
    }
    if not wanted:
        return {}
    first: dict[tuple[int | None, str | None], ChannelAccount] = {}
    for account in session.scalars(
        select(ChannelAccount)
        .where(
            ChannelAccount.official_id.in_({official for official, _ in wanted.values()}),
            ChannelAccount.unreachable_since.is_(None),
        )
        .order_by(ChannelAccount.id)
    ):
        first.setdefault((account.official_id, account.channel), account)
    return {id_: first[key] for id_, key in wanted.items() if key in first}


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


@dataclass(frozen=True)
class Message:
    """One of many messages to officials written at once (``enqueue_many``)."""

    official_id: int
    kind: str
    key: str
    message: OutboxMessage
    milestone_id: int | None = None
    # Kept in the row beside the message (what a digest is made of, to check when it is sent).
    extra: Mapping[str, Any] | None = None
    not_before: datetime | None = None  # this message's own time, before the batch's


def enqueue_many(
    session: Session,
    messages: Sequence[Message],
    *,
    now: datetime,
    not_before: datetime | None = None,
) -> int:
    """``enqueue`` for many messages: keys already used are skipped; returns how many rows were
    written. Three statements whatever the count: the keys used, the channels, one INSERT."""
    keys = [m.key for m in messages]
    used: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        used.update(session.scalars(select(Notification.key).where(Notification.key.in_(chunk))))
    fresh = {}
    for m in messages:
        if m.key not in used and m.key not in fresh:
            fresh[m.key] = m
    if not fresh:
        return 0
    ids = sorted({m.official_id for m in fresh.values()})
    preferred = dict(
        session.execute(
            select(Official.id, Official.preferred_channel).where(Official.id.in_(ids))
        ).all()
    )
    channels: dict[int, list[str]] = {}
    for official_id, channel in session.execute(
        select(ChannelAccount.official_id, ChannelAccount.channel)
        .where(ChannelAccount.official_id.in_(ids), ChannelAccount.unreachable_since.is_(None))
        .order_by(ChannelAccount.id)
    ):
        channels.setdefault(official_id, []).append(channel)

    def channel_for(official_id: int) -> str | None:
        found = channels.get(official_id, [])
        if preferred.get(official_id) in found:
            return preferred[official_id]
        return found[0] if found else None

    rows = []
    for m in fresh.values():
        channel = channel_for(m.official_id)
        rows.append(
            {
                "key": m.key,
                "kind": m.kind,
                "official_id": m.official_id,
                "milestone_id": m.milestone_id,
                "channel": channel,
                "payload": {**m.message.to_payload(), **(m.extra or {})},
                "status": NotificationStatus.PENDING if channel else NotificationStatus.UNREACHABLE,
                "attempts": 0,
                "not_before": m.not_before or not_before or now,
                "created_at": now,
            }
        )
    session.execute(insert(Notification), rows)
    session.info[_WRITTEN] = True
    return len(rows)
