"""Read-only views of plans and tasks for listings, cards and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from models import Assignment, MilestoneStatus, Plan, Role, Task


@dataclass(frozen=True)
class PlanSummary:
    id: int
    number: str | None
    title: str
    issuer: str | None
    year: int | None
    task_count: int


@dataclass(frozen=True)
class TaskLine:
    id: int
    label: str
    title: str
    leads: tuple[str, ...]
    due: date | None
    status: MilestoneStatus


def list_plans(sessions: sessionmaker[Session]) -> list[PlanSummary]:
    with sessions() as session:
        counts = (
            select(Task.plan_id, func.count(Task.id).label("n"))
            .where(Task.removed_at.is_(None))
            .group_by(Task.plan_id)
            .subquery()
        )
        rows = session.execute(
            select(Plan, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.plan_id == Plan.id)
            .order_by(Plan.id)
        )
        return [PlanSummary(p.id, p.number, p.title, p.issuer, p.year, int(n)) for p, n in rows]


def plan_tasks(sessions: sessionmaker[Session], plan_id: int, today: date) -> list[TaskLine]:
    """The plan's live tasks in document order, each with its current milestone's status."""
    with sessions() as session:
        tasks = session.scalars(
            select(Task)
            .where(Task.plan_id == plan_id, Task.removed_at.is_(None))
            .options(
                selectinload(Task.milestones),
                selectinload(Task.assignments).selectinload(Assignment.agency),
            )
            .order_by(Task.position)
        )
        lines = []
        for task in tasks:
            current = task.current_milestone()
            lines.append(
                TaskLine(
                    id=task.id,
                    label=task.label,
                    title=task.title,
                    leads=tuple(a.shown_name for a in task.assignments if a.role == Role.LEAD),
                    due=current.due if current else None,
                    status=task.status(today),
                )
            )
        return lines
