"""An official's tasks: the list, the card, and progress reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from models import (
    Assignment,
    Evidence,
    Milestone,
    MilestoneStatus,
    Official,
    OfficialRole,
    ProgressReport,
    Role,
    Task,
)
from models.plan import judge, task_label
from services import audit
from services.access import NOT_YOURS, agency_scope, is_coordinator, role_on
from services.people import NotAllowed

PAGE_SIZE = 8
SOON_DAYS = 7
TASK_GONE = N_("This task no longer exists in the plan.")
BAD_PERCENT = N_("Progress is a whole number from 0 to 100.")


class TaskFilter(StrEnum):
    OVERDUE = "o"  # Quá hạn
    SOON = "s"  # Sắp đến hạn (7 ngày)
    ALL = "a"  # Tất cả
    DONE = "d"  # Đã hoàn thành


@dataclass(frozen=True)
class TaskRow:
    id: int
    label: str
    title: str
    role: Role
    due: date | None
    status: MilestoneStatus
    days: int | None  # days left (positive) or overdue (negative) to the current milestone
    progress: int


@dataclass(frozen=True)
class TaskPage:
    rows: list[TaskRow]
    page: int
    pages: int
    total: int
    counts: dict[TaskFilter, int]


@dataclass(frozen=True)
class MilestoneLine:
    id: int
    label: str
    level: str | None
    due: date | None
    original_due: date | None
    status: MilestoneStatus
    days: int | None


@dataclass(frozen=True)
class TaskCard:
    id: int
    plan_title: str
    label: str
    title: str
    product: str | None
    leads: list[str]
    supports: list[str]
    milestones: list[MilestoneLine]
    progress: int
    last_report: str | None
    last_report_at: datetime | None
    evidence_count: int
    role: Role | None
    can_update: bool
    can_verify: bool


def _rows(session: Session, today: date, scope: set[int] | None) -> list[TaskRow]:
    """Listing rows from column queries: thousands of tasks without loading an entity each.

    ``scope`` None means every live task (a coordinator), each counted as lead.
    """
    task_columns = (
        Task.id,
        Task.section,
        Task.number,
        Task.activity_index,
        Task.position,
        Task.title,
        Task.progress_percent,
    )
    roles: dict[int, Role] = {}
    if scope is None:
        tasks = session.execute(select(*task_columns).where(Task.removed_at.is_(None))).all()
        roles = {t.id: Role.LEAD for t in tasks}
    else:
        found = session.execute(
            select(*task_columns, Assignment.role)
            .join(Assignment, Assignment.task_id == Task.id)
            .where(Task.removed_at.is_(None), Assignment.agency_id.in_(scope))
        ).all()
        for row in found:
            if roles.get(row.id) is not Role.LEAD:
                roles[row.id] = Role(row.role)
        tasks = list({row.id: row for row in found}.values())
    in_scope = (
        None
        if scope is None
        else select(Assignment.task_id).where(Assignment.agency_id.in_(scope)).scalar_subquery()
    )
    current = _current_milestones(session, in_scope)
    rows = []
    for task in tasks:
        due, original_due, completed_on = current.get(task.id, (None, None, None))
        rows.append(
            TaskRow(
                id=task.id,
                label=task_label(task.section, task.number, task.activity_index, task.position),
                title=task.title,
                role=roles[task.id],
                due=due,
                status=judge(due, original_due, completed_on, today),
                days=(due - today).days if due else None,
                progress=task.progress_percent,
            )
        )
    return rows


Dates = tuple[date | None, date | None, date | None]


def _current_milestones(session: Session, task_ids: Any) -> dict[int, Dates]:
    """(due, original due, completed on) of each task's current milestone (models.plan.current_of)
    computed by the database: the earliest open dated milestone; failing that an open undated
    one (no dates); failing that, all done, the last one."""

    def only(query):  # type: ignore[no-untyped-def]
        return query if task_ids is None else query.where(Milestone.task_id.in_(task_ids))

    is_open = Milestone.completed_on.is_(None)
    summary = session.execute(
        only(
            select(
                Milestone.task_id,
                func.min(case((is_open, Milestone.due))).label("open_due"),
                func.count(case((is_open, 1))).label("open_count"),
            ).group_by(Milestone.task_id)
        )
    ).all()
    current: dict[int, Dates] = {}
    all_done: set[int] = set()
    earliest: dict[int, date] = {}
    for task_id, open_due, open_count in summary:
        if open_due is not None:
            earliest[task_id] = open_due
        elif open_count:
            current[task_id] = (None, None, None)
        else:
            all_done.add(task_id)
    if earliest:
        # The original date of the current milestone matters once it is done, not while open;
        # for an open milestone the status depends on its due date alone.
        current.update({t: (d, d, None) for t, d in earliest.items()})
    if all_done:
        last = session.execute(
            select(Milestone.task_id, Milestone.due, Milestone.original_due, Milestone.completed_on)
            .where(Milestone.task_id.in_(sorted(all_done)))
            .order_by(Milestone.task_id, Milestone.position)
        )
        for task_id, due, original_due, completed_on in last:
            current[task_id] = (due, original_due, completed_on)  # the last one wins
    return current


def _matches(row: TaskRow, which: TaskFilter, today: date) -> bool:
    if which is TaskFilter.OVERDUE:
        return row.status is MilestoneStatus.OVERDUE
    if which is TaskFilter.SOON:
        return (
            row.status is MilestoneStatus.IN_PROGRESS
            and row.days is not None
            and 0 <= row.days <= SOON_DAYS
        )
    if which is TaskFilter.DONE:
        return row.status in (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)
    return True


def _sort_key(row: TaskRow) -> tuple[int, date, str]:
    rank = {
        MilestoneStatus.OVERDUE: 0,
        MilestoneStatus.IN_PROGRESS: 1,
        MilestoneStatus.UNDATED: 2,
        MilestoneStatus.DONE_LATE: 3,
        MilestoneStatus.DONE_ON_TIME: 3,
    }[row.status]
    role_rank = 0 if row.role is Role.LEAD else 1
    return (rank * 2 + role_rank, row.due or date.max, row.label)


def list_tasks(
    session: Session, official: Official, today: date, which: TaskFilter, page: int = 0
) -> TaskPage:
    """The tasks the official's agency leads or supports (a coordinator: every task),
    overdue first, then by due date, ``PAGE_SIZE`` to a page."""
    scope = None if is_coordinator(official) else agency_scope(session, official.agency_id, today)
    rows = _rows(session, today, scope)
    counts = {f: sum(1 for r in rows if _matches(r, f, today)) for f in TaskFilter}
    chosen = sorted((r for r in rows if _matches(r, which, today)), key=_sort_key)
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    return TaskPage(
        rows=chosen[page * PAGE_SIZE : (page + 1) * PAGE_SIZE],
        page=page,
        pages=pages,
        total=len(chosen),
        counts=counts,
    )


def load_task(session: Session, task_id: int) -> Task:
    task = session.scalar(
        select(Task)
        .where(Task.id == task_id)
        .options(
            selectinload(Task.milestones),
            selectinload(Task.assignments).selectinload(Assignment.agency),
        )
    )
    if task is None or task.removed_at is not None:
        raise NotAllowed(TASK_GONE)
    return task


def task_role(session: Session, official: Official, task: Task, today: date) -> Role | None:
    if is_coordinator(official):
        return Role.LEAD
    return role_on(task, agency_scope(session, official.agency_id, today))


def require_role(
    session: Session, official: Official, task: Task, today: date, *, lead: bool
) -> Role:
    """The official's role on the task; NotAllowed if the agency has no part (or only supports
    where leading is required). Steering members only see aggregates."""
    role = (
        None
        if official.role == OfficialRole.STEERING
        else task_role(session, official, task, today)
    )
    if role is None or (lead and role is not Role.LEAD):
        raise NotAllowed(NOT_YOURS)
    return role


def task_card(session: Session, official: Official, task_id: int, today: date) -> TaskCard:
    task = load_task(session, task_id)
    role = require_role(session, official, task, today, lead=False)
    last = session.scalar(
        select(ProgressReport)
        .where(ProgressReport.task_id == task.id)
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc())
        .limit(1)
    )
    evidence = session.scalar(select(func.count(Evidence.id)).where(Evidence.task_id == task.id))
    return TaskCard(
        id=task.id,
        plan_title=task.plan.title,
        label=task.label,
        title=task.title,
        product=task.product,
        leads=[a.agency.name for a in task.assignments if a.role == Role.LEAD],
        supports=[a.agency.name for a in task.assignments if a.role == Role.SUPPORT],
        milestones=[_milestone_line(m, today) for m in task.milestones],
        progress=task.progress_percent,
        last_report=(last.note or None) if last else None,
        last_report_at=last.created_at if last else None,
        evidence_count=evidence or 0,
        role=role,
        can_update=role is Role.LEAD
        and official.role in (OfficialRole.OFFICIAL, OfficialRole.FOCAL),
        can_verify=is_coordinator(official),
    )


def _milestone_line(milestone: Milestone, today: date) -> MilestoneLine:
    return MilestoneLine(
        id=milestone.id,
        label=milestone.label,
        level=milestone.level,
        due=milestone.due,
        original_due=milestone.original_due if milestone.original_due != milestone.due else None,
        status=milestone.status(today),
        days=(milestone.due - today).days if milestone.due else None,
    )


def record_progress(
    session: Session,
    official: Official,
    task_id: int,
    percent: int,
    note: str | None,
    now: datetime,
    today: date,
) -> Task:
    """A lead agency's official reports progress (0-100 %) with an optional note."""
    if not 0 <= percent <= 100:
        raise NotAllowed(BAD_PERCENT)
    task = load_task(session, task_id)
    require_role(session, official, task, today, lead=True)
    before = task.progress_percent
    task.progress_percent = percent
    report = ProgressReport(
        task_id=task.id,
        official_id=official.id,
        kind="progress",
        percent=percent,
        note=note,
        created_at=now,
    )
    session.add(report)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="task.progress",
        entity="task",
        entity_id=task.id,
        before={"progress": before},
        after={"progress": percent, "note": note},
    )
    return task
