"""The outbox of messages to push, and the ledger of incoming updates already processed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"  # a nudge its milestone no longer needs (done, extended, removed)


class Notification(Base):
    """A message to push; ``key`` (milestone, recipient, kind, date) makes each nudge idempotent."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("key"),
        Index("ix_notification_due", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    binding_id: Mapped[int | None] = mapped_column(ForeignKey("chat_binding.id"))
    milestone_id: Mapped[int | None] = mapped_column(ForeignKey("milestone.id"))
    channel: Mapped[str | None] = mapped_column(String(20))
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=NotificationStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProcessedUpdate(Base):
    """An incoming update handled and committed; a second delivery of it changes nothing."""

    __tablename__ = "processed_update"
    __table_args__ = (UniqueConstraint("channel", "update_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    update_key: Mapped[str] = mapped_column(String(100))
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PublicImage(Base):
    """An image served at an unguessable, expiring address under PUBLIC_BASE_URL, for chat
    apps that take photos by URL only (Zalo). Only the SHA-256 of the address's token is kept."""

    __tablename__ = "public_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
