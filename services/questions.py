"""The tasks and milestones a question selects ("việc quá hạn quý 1 của Sở Tư pháp", "sở nội
vụ đang phối hợp những việc gì"), counted and listed the way ``services.reports`` counts.

A ``Selection`` names the plan, the agencies and their part (lead or support), the section,
the tasks, the state and the window; the database narrows the milestones by all but the
state, which is judged on plain columns as ``Milestone.status`` judges it. A milestone is
in a window when its due date is (for milestones done in a window: its completion date).

Agencies are matched as the plan wrote them or as they answer today: Sở Tài chính answers
for the tasks the plan gave Sở Kế hoạch và Đầu tư before they merged, while a question about
Sở Kế hoạch và Đầu tư is about those tasks only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Integer, any_, bindparam, case, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, selectinload

from models import Agency, Assignment, Milestone, MilestoneStatus, Role, Task
from models.plan import task_label
from planning.intent import Status, TaskRef
from services.reports import OpenCounts, StatusCounts, classify

_DONE = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)
_OPEN = (MilestoneStatus.OVERDUE, MilestoneStatus.IN_PROGRESS, MilestoneStatus.UNDATED)
# Which milestones of each state a question selects.
_STATES: dict[Status, tuple[MilestoneStatus, ...]] = {
    Status.OVERDUE: (MilestoneStatus.OVERDUE,),
    Status.DUE: (MilestoneStatus.OVERDUE, MilestoneStatus.IN_PROGRESS),
    Status.DONE: _DONE,
    Status.UNDATED: (MilestoneStatus.UNDATED,),
    Status.IN_PROGRESS: (MilestoneStatus.IN_PROGRESS,),
    Status.OPEN: _OPEN,
}
# Up to this many tasks of the asked agencies are named in the query itself.
MANY_TASKS = 5000
# The order of a list: overdue first, then in progress, undated, done.
_RANK = {
    MilestoneStatus.OVERDUE: 0,
    MilestoneStatus.IN_PROGRESS: 1,
    MilestoneStatus.UNDATED: 2,
    MilestoneStatus.DONE_LATE: 3,
    MilestoneStatus.DONE_ON_TIME: 3,
}


@dataclass(frozen=True)
class Selection:
    """Which milestones a question is about. ``agencies``: ids whose assignments count
    (empty: any); ``role``: their part (None: lead or support); ``window``: first and last
    day, both included."""

    plan_id: int | None = None
    agencies: frozenset[int] = frozenset()
    role: Role | None = Role.LEAD
    section: str | None = None
    task_ids: tuple[int, ...] = ()
    status: Status | None = None
    window: tuple[date, date] | None = None


@dataclass(frozen=True)
class Hit:
    """One selected milestone."""

    milestone_id: int
    task_id: int
    due: date | None
    completed_on: date | None
    status: MilestoneStatus


@dataclass
class Selected:
    """The milestones a selection found on ``today``, in the plan's order."""

    today: date
    hits: list[Hit] = field(default_factory=list)

    def by_task(self) -> dict[int, list[Hit]]:
        tasks: dict[int, list[Hit]] = {}
        for hit in self.hits:
            tasks.setdefault(hit.task_id, []).append(hit)
        return tasks

    @property
    def task_count(self) -> int:
        return len({h.task_id for h in self.hits})

    def counts(self) -> StatusCounts:
        return StatusCounts.of(h.status for h in self.hits)

    def open_tasks(self) -> OpenCounts:
        """Tasks by the state of their selected milestones, as ``Snapshot.open_tasks``."""
        return OpenCounts.of({h.status for h in hits} for hits in self.by_task().values())

    def ranked(self) -> list[tuple[int, Hit]]:
        """(task id, the milestone that stands for it), most urgent first: the longest
        overdue, then the soonest due, then undated, then the latest done."""
        rows = [(task_id, _standing(hits)) for task_id, hits in self.by_task().items()]
        return sorted(
            rows,
            key=lambda r: (
                _RANK[r[1].status],
                -(r[1].completed_on or date.min).toordinal()
                if r[1].status in _DONE
                else (r[1].due or date.max).toordinal(),
            ),
        )


def _standing(hits: Sequence[Hit]) -> Hit:
    def key(h: Hit) -> tuple[int, int]:
        if h.status in _DONE:
            return _RANK[h.status], -(h.completed_on or date.min).toordinal()
        return _RANK[h.status], (h.due or date.max).toordinal()

    return min(hits, key=key)


def select_milestones(session: Session, today: date, selection: Selection) -> Selected:
    """The milestones of live tasks that ``selection`` names, judged on ``today``."""
    query = (
        select(
            Milestone.id,
            Milestone.task_id,
            Milestone.due,
            Milestone.original_due,
            Milestone.completed_on,
        )
        .join(Task, Task.id == Milestone.task_id)
        .where(Task.removed_at.is_(None), *_narrowing(session, selection, today))
        .order_by(Task.position, Milestone.position, Milestone.id)
    )
    wanted = _STATES.get(selection.status) if selection.status else None
    hits = []
    for m_id, task_id, due, original, completed in session.execute(query):
        status = classify(due, original, completed, today)
        if wanted is None or status in wanted:
            hits.append(Hit(m_id, task_id, due, completed, status))
    if selection.status is Status.DONE and selection.window is None:
        # Done, with no window: tasks whose every milestone is done.
        open_tasks = {h.task_id for h in hits if h.status not in _DONE}
        hits = [h for h in hits if h.task_id not in open_tasks]
    return Selected(today, hits)


@dataclass(frozen=True)
class Tally:
    """What a selection counts: its milestones by class, its tasks by state, how many."""

    milestones: StatusCounts
    tasks: OpenCounts

    @property
    def task_count(self) -> int:
        return self.tasks.open + self.tasks.done


def tally(session: Session, today: date, selection: Selection) -> Tally:
    """The counts of ``select_milestones``, counted by the database: a count over thousands of
    milestones reads a row per task and a row per class, not a row per milestone."""
    if selection.status is Status.DONE and selection.window is None:
        selected = select_milestones(session, today, selection)
        return Tally(selected.counts(), selected.open_tasks())
    status = milestone_status(today)
    chosen = (
        select(Milestone.task_id.label("task_id"), status.label("status"))
        .join(Task, Task.id == Milestone.task_id)
        .where(Task.removed_at.is_(None), *_narrowing(session, selection, today))
    )
    wanted = _STATES.get(selection.status) if selection.status else None
    if wanted is not None:
        chosen = chosen.where(status.in_([s.value for s in wanted]))
    rows = chosen.subquery()
    classes: dict[int, set[MilestoneStatus]] = defaultdict(set)
    counts: dict[MilestoneStatus, int] = defaultdict(int)
    for task_id, name, n in session.execute(
        select(rows.c.task_id, rows.c.status, func.count()).group_by(rows.c.task_id, rows.c.status)
    ):
        status_ = MilestoneStatus(name)
        classes[task_id].add(status_)
        counts[status_] += n
    return Tally(StatusCounts(dict(counts)), OpenCounts.of(classes.values()))


def milestone_status(today: date) -> ColumnElement[str]:
    """``Milestone.status(today)`` as a column, for the database to judge (``classify``)."""
    judged = func.coalesce(Milestone.original_due, Milestone.due)
    done = case(
        (Milestone.completed_on <= judged, MilestoneStatus.DONE_ON_TIME.value),
        else_=MilestoneStatus.DONE_LATE.value,
    )
    return case(
        (judged.is_(None), MilestoneStatus.UNDATED.value),
        (Milestone.completed_on.is_not(None), done),
        (Milestone.due < today, MilestoneStatus.OVERDUE.value),
        else_=MilestoneStatus.IN_PROGRESS.value,
    )


def _one_of(session: Session, column: ColumnElement[int], ids: list[int]) -> ColumnElement[bool]:
    """``column IN ids``; on PostgreSQL as one array, so that the statement is the same for
    any number of ids and is planned once (a list of hundreds is hundreds of parameters, and a
    new statement for each length)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("ids", ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def _narrowing(session: Session, selection: Selection, today: date) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if selection.plan_id is not None:
        where.append(Task.plan_id == selection.plan_id)
    if selection.section is not None:
        where.append(Task.section == selection.section)
    if selection.task_ids:
        where.append(Task.id.in_(selection.task_ids))
    if selection.agencies:
        assigned = select(Assignment.task_id).where(
            Assignment.agency_id.in_(sorted(selection.agencies))
        )
        if selection.role is not None:
            assigned = assigned.where(Assignment.role == selection.role)
        # The agencies' tasks are read first: a planner without statistics (a database just
        # loaded) may otherwise scan the assignments again for every milestone.
        task_ids = sorted(set(session.scalars(assigned)))
        if len(task_ids) <= MANY_TASKS:
            where.append(_one_of(session, Milestone.task_id, task_ids))
        else:
            where.append(Milestone.task_id.in_(assigned))
    status = selection.status
    if selection.window is not None and status is not Status.UNDATED:
        start, end = selection.window
        if status is Status.DONE:
            where.append(Milestone.completed_on.between(start, end))
        else:
            where.append(Milestone.due.between(start, end))
    if status in (Status.OVERDUE, Status.DUE, Status.IN_PROGRESS, Status.OPEN):
        where.append(Milestone.completed_on.is_(None))
    if status is Status.OVERDUE:
        where.append(Milestone.due < today)
    if status is Status.DONE and selection.window is not None:
        where.append(Milestone.completed_on.is_not(None))
    return where


# ------------------------------------------------------------------------------ agencies


def answering_for(session: Session, agency: Agency, today: date) -> frozenset[int]:
    """The agencies whose assignments a question about ``agency`` counts: itself and, unless
    it has merged into another, the agencies merged into it by ``today``."""
    if agency.current(today).id != agency.id:
        return frozenset({agency.id})
    links = {
        row.id: (row.successor_id, row.successor_from)
        for row in session.execute(select(Agency.id, Agency.successor_id, Agency.successor_from))
    }
    found = {agency.id}
    for start in links:
        seen, current = {start}, start
        while True:
            successor, since = links[current]
            if successor is None or since is None or since > today or successor in seen:
                break
            current = successor
            seen.add(current)
        if current == agency.id:
            found.add(start)
    return frozenset(found)


def agencies_by_key(session: Session, keys: Iterable[str]) -> dict[str, Agency]:
    keys = list(keys)
    if not keys:
        return {}
    return {a.key: a for a in session.scalars(select(Agency).where(Agency.key.in_(keys)))}


def assigned_in(session: Session, plan_id: int, agency_ids: Iterable[int]) -> set[int]:
    """Which of ``agency_ids`` the plan assigns any live task to."""
    ids = list(agency_ids)
    if not ids:
        return set()
    return set(
        session.scalars(
            select(Assignment.agency_id)
            .join(Task, Task.id == Assignment.task_id)
            .where(
                Task.plan_id == plan_id,
                Task.removed_at.is_(None),
                Assignment.agency_id.in_(ids),
            )
            .distinct()
        )
    )


# ---------------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class TaskLine:
    """A task as a list shows it, with the milestone that stands for it."""

    task_id: int
    label: str
    title: str
    leads: tuple[str, ...]
    supports: tuple[str, ...]
    role: Role | None  # the part of the asked agencies, where the question named some
    standing: Hit
    matched: int  # how many of its milestones the question selected


def task_lines(
    session: Session,
    selected: Selected,
    limit: int,
    agencies: frozenset[int] = frozenset(),
) -> list[TaskLine]:
    """The first ``limit`` tasks of ``selected``, most urgent first (read as columns: a list
    of a plan of thousands of tasks loads no entity)."""
    ranked = selected.ranked()[:limit]
    ids = [task_id for task_id, _ in ranked]
    if not ids:
        return []
    tasks = {
        row.id: row
        for row in session.execute(
            select(
                Task.id,
                Task.section,
                Task.number,
                Task.activity_index,
                Task.position,
                Task.title,
            ).where(Task.id.in_(ids))
        )
    }
    parts: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for task_id, role, agency_id, name in session.execute(
        select(Assignment.task_id, Assignment.role, Assignment.agency_id, Agency.name)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.task_id.in_(ids))
        .order_by(Assignment.task_id, Assignment.role, Assignment.position)
    ):
        parts[task_id].append((role, agency_id, name))
    matched = {task_id: len(hits) for task_id, hits in selected.by_task().items()}
    lines = []
    for task_id, standing in ranked:
        task = tasks.get(task_id)
        if task is None:
            continue
        assigned = parts[task_id]
        roles = {role for role, agency_id, _ in assigned if agency_id in agencies}
        role = Role.LEAD if Role.LEAD in roles else (Role.SUPPORT if roles else None)
        lines.append(
            TaskLine(
                task_id=task_id,
                label=task_label(task.section, task.number, task.activity_index, task.position),
                title=task.title,
                leads=tuple(n for r, _, n in assigned if r == Role.LEAD),
                supports=tuple(n for r, _, n in assigned if r == Role.SUPPORT),
                role=role,
                standing=standing,
                matched=matched[task_id],
            )
        )
    return lines


def tasks_by_lead(session: Session, selected: Selected) -> list[tuple[str, int]]:
    """(lead agency, how many selected tasks it leads), most first: what a group chat sees
    instead of the tasks themselves."""
    ids = list(selected.by_task())
    if not ids:
        return []
    per: dict[str, set[int]] = defaultdict(set)
    for chunk in _chunks(ids, 500):
        rows = session.execute(
            select(Assignment.task_id, Agency.name)
            .join(Agency, Agency.id == Assignment.agency_id)
            .where(Assignment.task_id.in_(chunk), Assignment.role == Role.LEAD)
        )
        for task_id, name in rows:
            per[name].add(task_id)
    return sorted(((n, len(t)) for n, t in per.items()), key=lambda e: (-e[1], e[0]))


def load_tasks(session: Session, ids: Iterable[int]) -> dict[int, Task]:
    ids = list(ids)
    if not ids:
        return {}
    tasks = session.scalars(
        select(Task)
        .where(Task.id.in_(ids))
        .options(
            selectinload(Task.assignments).selectinload(Assignment.agency),
            selectinload(Task.milestones),
        )
    )
    return {t.id: t for t in tasks}


def find_tasks(session: Session, plan_id: int, ref: TaskRef) -> list[Task]:
    """The live rows of the task ``ref`` names in the plan: every activity row of "II.3",
    the second only of "II.3 (2)"; none when the plan has no such task."""
    query = (
        select(Task)
        .where(
            Task.plan_id == plan_id,
            Task.removed_at.is_(None),
            Task.number == ref.number,
        )
        .options(
            selectinload(Task.assignments).selectinload(Assignment.agency),
            selectinload(Task.milestones),
        )
        .order_by(Task.position)
    )
    query = query.where(
        Task.section.is_(None) if ref.section is None else Task.section == ref.section
    )
    if ref.activity is not None:
        query = query.where(Task.activity_index == ref.activity)
    return list(session.scalars(query))


def _names(task: Task, role: Role) -> tuple[str, ...]:
    return tuple(a.shown_name for a in task.assignments if a.role == role)


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
