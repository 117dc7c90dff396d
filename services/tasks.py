"""An official's tasks: the list, the card, and progress reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    func,
    literal,
    select,
    true,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, joinedload

from i18n import N_
from models import (
    Agency,
    Assignment,
    Evidence,
    Milestone,
    MilestoneStatus,
    Official,
    ProgressReport,
    Role,
    Target,
    Task,
)
from models.base import planned_once
from models.plan import LABEL_COLUMNS, task_label
from services import audit, permissions
from services.access import agency_scope, is_coordinator
from services.people import NotAllowed
from services.permissions import Act, Relation, Who
from services.reports import classified

PAGE_SIZE = 8
SOON_DAYS = 7
TASK_GONE = N_("This task no longer exists in the plan.")
BAD_PERCENT = N_("Progress is a whole number from 0 to 100.")


ROLES = {Relation.LEADS: Role.LEAD, Relation.SUPPORTS: Role.SUPPORT}


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
    targets: int = 0  # the task's targets (chỉ tiêu)


# A list's statement is built once for each shape (an agency's or everyone's; the filter on
# top) and run with its values bound: building and keying a statement this size costs more
# than the database takes to run it.
TODAY = bindparam("today", type_=Date)
SOON = bindparam("soon", type_=Date)  # the last day "due in 7 days" takes in
SCOPE = bindparam("scope", expanding=True)
LIMIT, OFFSET = bindparam("limit", type_=Integer), bindparam("offset", type_=Integer)


def _listing(scoped: bool) -> Subquery:
    """Every live task in ``SCOPE`` (not ``scoped``: every task, a coordinator's, each counted
    as led) with its agency's part (``lead_rank`` 0 lead, 1 support) and its current
    milestone's class, judged as ``models.plan.judge`` does from the dates the task keeps of it
    (``current_*``), all by the database: thousands of tasks are counted and sorted without one
    row reaching Python.
    """
    if not scoped:
        parts = select(Task.id.label("task_id"), literal(0).label("lead_rank")).where(
            Task.removed_at.is_(None)
        )
    else:
        # From the assignment index alone; removed tasks fall out at the join with the task.
        parts = (
            select(
                Assignment.task_id.label("task_id"),
                func.min(case((Assignment.role == Role.LEAD, 0), else_=1)).label("lead_rank"),
            )
            .where(Assignment.agency_id.in_(SCOPE))
            .group_by(Assignment.task_id)
        )
    tasks = parts.subquery("scoped")
    status = classified(Task.current_due, Task.current_judged, Task.current_completed, TODAY)
    return (
        select(
            Task.id,
            *LABEL_COLUMNS,
            Task.progress_percent,
            tasks.c.lead_rank,
            Task.current_due.label("due"),
            status.label("status"),
        )
        .select_from(tasks)
        .join(Task, Task.id == tasks.c.task_id)
        .where(Task.removed_at.is_(None))
        .subquery("listing")
    )


_DONE = (MilestoneStatus.DONE_ON_TIME.value, MilestoneStatus.DONE_LATE.value)


def _in_filter(listing: Subquery, which: TaskFilter) -> ColumnElement[bool]:
    status = listing.c.status
    if which is TaskFilter.OVERDUE:
        return status == MilestoneStatus.OVERDUE.value
    if which is TaskFilter.SOON:
        return and_(status == MilestoneStatus.IN_PROGRESS.value, listing.c.due <= SOON)
    if which is TaskFilter.DONE:
        return status.in_(_DONE)
    return true()


@cache
def _page(scoped: bool, which: TaskFilter) -> Select[Any]:
    """One page of the list, ``which`` first, with every filter's count on each row."""
    listing = _listing(scoped)
    rank = case(
        (listing.c.status == MilestoneStatus.OVERDUE.value, 0),
        (listing.c.status == MilestoneStatus.IN_PROGRESS.value, 2),
        (listing.c.status == MilestoneStatus.UNDATED.value, 4),
        else_=6,
    )
    # Each filter's count rides on every row of the page (a window over the whole listing),
    # so one query both counts and reads the page.
    counted = [
        func.count(case((_in_filter(listing, f), 1))).over().label(f"n_{f.name}")
        for f in TaskFilter
    ]
    return (
        select(listing, *counted)
        .order_by(
            case((_in_filter(listing, which), 0), else_=1),
            rank + listing.c.lead_rank,
            func.coalesce(listing.c.due, date.max),
            listing.c.section,
            listing.c.number,
            listing.c.activity_index,
            listing.c.position,
        )
        .limit(LIMIT)
        .offset(OFFSET)
    )


def list_tasks(
    session: Session, official: Official, today: date, which: TaskFilter, page: int = 0
) -> TaskPage:
    """The tasks the official's agency leads or supports (a coordinator: every task),
    overdue first, then in progress, undated and done; led before supported; then by due
    date and number; ``PAGE_SIZE`` to a page. One query counts every filter and reads the
    page, one the page's titles."""
    permissions.require_any(official, Act.LIST)
    scope = None if is_coordinator(official) else agency_scope(session, official.agency_id, today)
    values: dict[str, Any] = {
        "today": today,
        "soon": today + timedelta(days=SOON_DAYS),
        "limit": PAGE_SIZE,
    }
    if scope is not None:
        values["scope"] = sorted(scope)
    statement = _page(scope is not None, which)

    def read(page: int) -> list[Row[Any]]:
        return list(session.execute(statement, {**values, "offset": page * PAGE_SIZE}))

    read_page = max(page, 0)
    found = read(read_page)
    if not found and read_page > 0:  # past the end: the list shrank since the button was sent
        read_page = 0
        found = read(read_page)
    counts = {f: int(getattr(found[0], f"n_{f.name}")) if found else 0 for f in TaskFilter}
    total = counts[which]
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    if page != read_page:
        found = read(page)
    found = found[: max(0, total - page * PAGE_SIZE)]  # the rows of other filters come last
    # Titles for the page alone: the listing reads its thousands of rows from an index.
    titles = dict(
        session.execute(select(Task.id, Task.title).where(Task.id.in_([r.id for r in found])))
        .tuples()
        .all()
    )
    rows = [
        TaskRow(
            id=r.id,
            label=task_label(r.section, r.number, r.activity_index, r.position),
            title=titles[r.id],
            role=Role.LEAD if r.lead_rank == 0 else Role.SUPPORT,
            due=r.due,
            status=MilestoneStatus(r.status),
            days=(r.due - today).days if r.due else None,
            progress=r.progress_percent,
        )
        for r in found
    ]
    return TaskPage(rows=rows, page=page, pages=pages, total=total, counts=counts)


# What a card shows of a task, loaded with it in one query: a card is read on every tap, and
# loading each collection by its own query cost more than reading them. Each agency comes
# with its successor, as the card names it today ("…, now Sở Tài chính").
CARD_LOAD = (
    joinedload(Task.plan),
    joinedload(Task.milestones),
    joinedload(Task.assignments).joinedload(Assignment.agency).joinedload(Agency.successor),
)


def load_task(session: Session, task_id: int) -> Task:
    """The task with its plan, milestones and assignments (with their agencies)."""
    task = session.execute(_CARD_TASK, {"task_id": task_id}).unique().scalar_one_or_none()
    if task is None or task.removed_at is not None:
        raise NotAllowed(TASK_GONE)
    return task


# ``load_task``'s statement, built once: built and keyed again for each card it cost about a
# quarter of a millisecond (as a task found by its number did). A row by its key: planned once.
_CARD_TASK = planned_once(select(Task).where(Task.id == bindparam("task_id")).options(*CARD_LOAD))


def _card_extras() -> Select[Any]:
    """The card's last progress note and when, its evidence files and targets, in one query."""
    task = bindparam("task", type_=Integer)
    last = (
        select(ProgressReport.note, ProgressReport.created_at)
        .where(ProgressReport.task_id == task)
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc())
        .limit(1)
    )
    return select(
        last.with_only_columns(ProgressReport.note).scalar_subquery(),
        last.with_only_columns(ProgressReport.created_at).scalar_subquery(),
        select(func.count(Evidence.id)).where(Evidence.task_id == task).scalar_subquery(),
        select(func.count(Target.id))
        .where(Target.task_id == task, Target.removed_at.is_(None))
        .scalar_subquery(),
    )


_CARD_EXTRAS = planned_once(_card_extras())


def task_card(session: Session, official: Official, task_id: int, today: date) -> TaskCard:
    return card_of(session, official, load_task(session, task_id), today)


def card_of(session: Session, official: Official, task: Task, today: date) -> TaskCard:
    """The card of a task loaded with ``CARD_LOAD``."""
    relation = permissions.require(session, official, Act.VIEW, task, today)
    who = Who.of(official)
    last_note, last_at, evidence, targets = session.execute(_CARD_EXTRAS, {"task": task.id}).one()
    return TaskCard(
        id=task.id,
        plan_title=task.plan.title,
        label=task.label,
        title=task.title,
        product=task.product,
        leads=[a.shown_name for a in task.assignments if a.role == Role.LEAD],
        supports=[a.shown_name for a in task.assignments if a.role == Role.SUPPORT],
        milestones=[_milestone_line(m, today) for m in task.milestones],
        progress=task.progress_percent,
        last_report=last_note or None,
        last_report_at=last_at,
        evidence_count=evidence,
        role=ROLES.get(relation),
        can_update=permissions.may(who, Act.REPORT, relation),
        can_verify=permissions.may(who, Act.DECIDE, relation),
        targets=targets,
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
    permissions.require(session, official, Act.REPORT, task, today)
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
