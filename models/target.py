"""Targets (chỉ tiêu) a plan promises, who answers for each, and the values agencies report."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from planning.targets import is_met

if TYPE_CHECKING:
    from models.agency import Agency
    from models.plan import Plan, Task


class TargetStatus(StrEnum):
    """Where a target stands: met (đạt), not met (chưa đạt), not reported (chưa báo cáo),
    and not reported after its date (quá hạn báo cáo)."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"
    REPORT_OVERDUE = "report_overdue"


class Target(Base):
    """One target of a plan: "Tối thiểu 80% hồ sơ ... được luân chuyển bằng phương thức điện
    tử" is ``comparison`` ge, ``value`` 80, ``unit`` "%".

    ``key`` is what it measures, its level and its task (``planning.targets.target_key``):
    an amended plan updates the target of the same key, and values reported stay with it.
    A task's target (``task_id``) is its lead agency's unless ``agencies`` names others; an
    objective of the plan as a whole answers to ``agencies`` (assigned by the coordinator).
    ``content_hash`` is the reading the target was last written from: a re-import of an
    unchanged reading leaves a coordinator's correction alone. ``source``: objective, task,
    or added (by a coordinator, in the workbook). A target the plan no longer writes gets
    ``removed_at`` and keeps its values.
    """

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(10))
    measure: Mapped[str] = mapped_column(Text)
    comparison: Mapped[str] = mapped_column(String(2))
    value: Mapped[Decimal] = mapped_column(Numeric(16, 3))
    unit: Mapped[str] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(40))
    change: Mapped[str | None] = mapped_column(String(10))
    baseline: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    plan: Mapped[Plan] = relationship()
    task: Mapped[Task | None] = relationship()
    agencies: Mapped[list[TargetAgency]] = relationship(
        back_populates="target", cascade="all, delete-orphan", order_by="TargetAgency.position"
    )

    def status(self, latest: Decimal | None, on: date) -> TargetStatus:
        return judge_target(self.comparison, self.value, self.due, latest, on)


def judge_target(
    comparison: str, value: Decimal, due: date | None, latest: Decimal | None, on: date
) -> TargetStatus:
    """A target's status on ``on`` given the latest value reported (None: none yet)."""
    if latest is None:
        overdue = due is not None and due < on
        return TargetStatus.REPORT_OVERDUE if overdue else TargetStatus.NOT_REPORTED
    return TargetStatus.MET if is_met(comparison, value, latest) else TargetStatus.NOT_MET


class TargetAgency(Base):
    """An agency answering for a target, where it is not (only) the task's lead agency."""

    __tablename__ = "target_agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    target: Mapped[Target] = relationship(back_populates="agencies")
    agency: Mapped[Agency] = relationship()


class TargetValue(Base):
    """A value reported for a target (kết quả đạt được), by whom and when; every value is
    kept, the latest counts. "x/y" is kept as ``numerator``/``denominator`` beside the
    percentage it makes. One evidence file may go with it, stored once by its SHA-256."""

    __tablename__ = "target_value"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    value: Mapped[Decimal] = mapped_column(Numeric(16, 3))
    numerator: Mapped[Decimal | None] = mapped_column(Numeric(16, 3))
    denominator: Mapped[Decimal | None] = mapped_column(Numeric(16, 3))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    evidence_name: Mapped[str | None] = mapped_column(String(300))
    evidence_mime: Mapped[str | None] = mapped_column(String(100))
    evidence_path: Mapped[str | None] = mapped_column(String(500))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
