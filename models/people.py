"""People and chats: officials (cán bộ), their chat accounts, invites, and bound group chats."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from models.agency import Agency


class OfficialRole(StrEnum):
    OFFICIAL = "official"  # cán bộ: sees and updates what the agency leads
    FOCAL = "focal"  # đầu mối: also receives the agency's nudges and escalations
    COORDINATOR = "coordinator"  # Sở Nội vụ: sees and verifies everything in its plans
    STEERING = "steering"  # Ban Chỉ đạo: sees aggregates


class Official(Base):
    __tablename__ = "official"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=OfficialRole.OFFICIAL)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The daily digest (bản tin nhắc việc): when the person reads it (None: the policy's
    # time), the last day of a pause (leave, a business trip), and the last working day whose
    # reminders a digest of theirs has covered (a day missed while the bot was down is
    # caught up in the next one).
    digest_at: Mapped[time | None] = mapped_column(Time)
    paused_until: Mapped[date | None] = mapped_column(Date)
    digested_through: Mapped[date | None] = mapped_column(Date)

    agency: Mapped[Agency] = relationship()

    def paused_on(self, day: date) -> bool:
        """Whether the person asked for no reminders on ``day`` (a pause ends after its date)."""
        return self.paused_until is not None and day <= self.paused_until

    accounts: Mapped[list[ChannelAccount]] = relationship(back_populates="official")


class ChannelAccount(Base):
    """An official's identity on one chat platform (Telegram user id, Zalo user id, console)."""

    __tablename__ = "channel_account"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(
        ForeignKey("official.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    chat_id: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str | None] = mapped_column(String(200))
    unreachable_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    official: Mapped[Official] = relationship(back_populates="accounts")


class Invite(Base):
    """A one-time registration code; only its SHA-256 is stored."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    role: Mapped[str] = mapped_column(String(20))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChatBinding(Base):
    """A group chat, or a forum topic of one, bound to a plan in a role (the steering group)."""

    __tablename__ = "chat_binding"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "thread_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    thread_id: Mapped[str] = mapped_column(String(100), default="")
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20), default="steering")
    bound_by_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConversationState(Base):
    """Where a multi-step conversation stands, so a restart in the middle loses nothing."""

    __tablename__ = "conversation_state"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(100))
    step: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
