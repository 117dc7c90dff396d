"""The province's own calendar: days off and working days a coordinator adds to the holidays."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class DayKind(StrEnum):
    OFF = "off"  # ngày nghỉ: a weekday no one works (a bridging day the province grants)
    WORK = "work"  # ngày làm việc: a Saturday or Sunday worked in exchange


class CalendarDay(Base):
    """A date the coordinators declared off or worked; it overrides weekends and holidays."""

    __tablename__ = "calendar_day"
    __table_args__ = (CheckConstraint("kind IN ('off', 'work')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column("date", Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
