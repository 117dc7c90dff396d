"""Plans (kế hoạch), their tasks (nhiệm vụ), who does them, and when they are due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from planning.agencies import as_the_plan_writes

if TYPE_CHECKING:
    from models.agency import Agency


class Plan(Base):
    """A plan as issued ("1256/QĐ-UBND"), identified across versions by ``identity``."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    identity: Mapped[str] = mapped_column(String(300), unique=True)
    number: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(String(300))
    source_sha256: Mapped[str] = mapped_column(String(64))
    # Counts the corrections made since the import (an agency assigned, a date, a corrected
    # workbook): what a plan's question reader is kept for, with the document's checksum.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)

    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan"
    )


class Role(StrEnum):
    LEAD = "lead"  # cơ quan chủ trì
    SUPPORT = "support"  # cơ quan phối hợp


class Task(Base):
    """One trackable task; ``slot`` is its place in the plan, stable across amended versions.

    A task that an amended version no longer lists gets ``removed_at`` and keeps its history.
    """

    __tablename__ = "task"
    __table_args__ = (
        UniqueConstraint("plan_id", "slot"),
        # A plan's tasks, and a task asked for by its number ("nv III.12") without reading them.
        Index("ix_task_plan_number", "plan_id", "number"),
        # Covering an agency's list: what judges, sorts and labels a task, without its texts;
        # and whether a task is live in the plan and section a question names.
        Index(
            "ix_task_listing",
            "id",
            "removed_at",
            "plan_id",
            "current_due",
            "current_judged",
            "current_completed",
            "section",
            "number",
            "activity_index",
            "position",
            "progress_percent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    slot: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(20))
    section_title: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(20))
    parent_number: Mapped[str | None] = mapped_column(String(20))
    activity_index: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    objective: Mapped[str | None] = mapped_column(Text)
    product: Mapped[str | None] = mapped_column(Text)
    lead_as_written: Mapped[str] = mapped_column(Text, default="")
    support_as_written: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    deadline_kind: Mapped[str] = mapped_column(String(20), default="none")
    budget_million_vnd: Mapped[Decimal | None] = mapped_column(Numeric(16, 3))
    content_hash: Mapped[str] = mapped_column(String(64))
    progress_percent: Mapped[int] = mapped_column(Integer, default=0)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The current milestone (`current_of`) in three dates, for lists that judge thousands of
    # tasks at once: its due date, the date it is judged against (`judge`) and, once every
    # milestone is done, the last one's completion. Written only by the database's triggers
    # on milestone (migration 0007), whatever writes the milestones; read them in queries,
    # not from a loaded entity, which does not see the triggers' writes.
    current_due: Mapped[date | None] = mapped_column(Date, deferred=True)
    current_judged: Mapped[date | None] = mapped_column(Date, deferred=True)
    current_completed: Mapped[date | None] = mapped_column(Date, deferred=True)

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Assignment.position"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Milestone.position"
    )

    @property
    def label(self) -> str:
        return task_label(self.section, self.number, self.activity_index, self.position)

    def current_milestone(self) -> Milestone | None:
        return current_of(self.milestones)

    def status(self, on: date) -> MilestoneStatus:
        milestone = self.current_milestone()
        return milestone.status(on) if milestone else MilestoneStatus.UNDATED


class Assignment(Base):
    """An agency's part in a task: lead (chủ trì) or support (phối hợp), with the words used."""

    __tablename__ = "assignment"
    __table_args__ = (
        # Covering an agency's list: its tasks and its part in each, read from the index alone.
        Index("ix_assignment_agency_task", "agency_id", "task_id", "role"),
        # Covering how a plan writes an agency (`names_in_plans`): its words, counted by task.
        Index("ix_assignment_written", "agency_id", "as_written", "task_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    role: Mapped[str] = mapped_column(String(10))
    as_written: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    task: Mapped[Task] = relationship(back_populates="assignments")
    agency: Mapped[Agency] = relationship()

    @property
    def shown_name(self) -> str:
        """The agency's name as this plan's issuer writes it (a city's offices stay "thành
        phố"), where it differs from the directory's only so."""
        return as_the_plan_writes(self.agency.name, self.as_written)


class MilestoneStatus(StrEnum):
    """The four classes Vietnamese task tracking reports, plus milestones with no date."""

    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    IN_PROGRESS = "in_progress"  # đang thực hiện trong hạn
    OVERDUE = "overdue"  # quá hạn
    UNDATED = "undated"  # chưa có thời hạn


class Milestone(Base):
    """One due date of a task (mốc thời hạn).

    ``original_due`` keeps the date the plan set: an approved extension moves ``due`` but the
    statistics still judge against the original date.
    """

    __tablename__ = "milestone"
    __table_args__ = (
        Index("ix_milestone_open_due", "completed_on", "due"),
        # Covering a task's current milestone (`current_of`), judged without reading the rows.
        Index("ix_milestone_task", "task_id", "position", "completed_on", "due", "original_due"),
        # Covering the milestones due in a window (a quarter, next week), with what judges and
        # orders them: an agency's are picked from the window's without reading the rows.
        Index(
            "ix_milestone_window",
            "due",
            "task_id",
            "position",
            "completed_on",
            "original_due",
            "id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    due: Mapped[date | None] = mapped_column(Date)
    original_due: Mapped[date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str | None] = mapped_column(String(80))
    period: Mapped[str | None] = mapped_column(String(20))
    completed_on: Mapped[date | None] = mapped_column(Date)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    task: Mapped[Task] = relationship(back_populates="milestones")

    def is_overdue(self, on: date) -> bool:
        return self.completed_on is None and self.due is not None and self.due < on

    def status(self, on: date) -> MilestoneStatus:
        return judge(self.due, self.original_due, self.completed_on, on)


# The rules as plain functions too, so that listings over thousands of tasks can apply them
# to query rows without loading every entity.


def task_label(
    section: str | None, number: str | None, activity_index: int | None, position: int
) -> str:
    """How a person names a task: "II.1.2", or "III.1 (2)" for an activity row."""
    text = ".".join(p for p in (section, number) if p) or str(position + 1)
    return f"{text} ({activity_index})" if activity_index else text


# The columns `task_label` names a task from, for statements that read rows, not entities.
LABEL_COLUMNS = (Task.section, Task.number, Task.activity_index, Task.position)


class _Dated(Protocol):
    @property
    def due(self) -> date | None: ...

    @property
    def completed_on(self) -> date | None: ...


D = TypeVar("D", bound=_Dated)


def current_of(milestones: Sequence[D]) -> D | None:
    """The milestone that matters now: the earliest open dated one, else the last one."""
    open_dated = [m for m in milestones if m.completed_on is None and m.due is not None]
    if open_dated:
        return min(open_dated, key=lambda m: m.due or date.max)
    undated = [m for m in milestones if m.completed_on is None]
    if undated:
        return undated[0]
    return milestones[-1] if milestones else None


def judge(
    due: date | None, original_due: date | None, completed_on: date | None, on: date
) -> MilestoneStatus:
    """The class of a milestone on ``on``. Completion is judged against the date the plan set
    (an extension does not turn a late completion into an on-time one); being overdue is
    judged against the current due date. Work done with no date set is done on time: there
    was nothing to be late against."""
    judged = original_due or due
    if completed_on is not None:
        late = judged is not None and completed_on > judged
        return MilestoneStatus.DONE_LATE if late else MilestoneStatus.DONE_ON_TIME
    if judged is None:
        return MilestoneStatus.UNDATED
    if due is not None and due < on:
        return MilestoneStatus.OVERDUE
    return MilestoneStatus.IN_PROGRESS
