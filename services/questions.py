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
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Date,
    Row,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, selectinload

from models import Agency, Assignment, Milestone, MilestoneStatus, Role, Task
from models.base import columns, planned_once
from models.plan import LABEL_COLUMNS, judge, task_label
from planning.intent import Status, TaskRef
from services import vocabulary
from services.access import merged_into
from services.reports import OpenCounts, StatusCounts, classified, names_in_plans
from services.tasks import CARD_LOAD

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
    (empty: any); ``role``: their part (None: lead or support); ``partners``: ids of which
    one must be assigned the task too, in that part ("bên mình với Sở Y tế có việc nào
    chung"); ``window``: first and last day, both included."""

    plan_id: int | None = None
    agencies: frozenset[int] = frozenset()
    role: Role | None = Role.LEAD
    partners: frozenset[int] = frozenset()
    section: str | None = None
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
    shape = _Shape.of(selection)
    values = _values(selection, today)
    positions = None
    if shape.by_agency and selection.plan_id is not None and not shape.section:
        positions = vocabulary.live_positions(session, selection.plan_id)
    # The rows fetched at once (``all``): fetched one by one, they cost 0.15 ms more for an
    # agency's two hundred milestones of a quarter.
    rows: Sequence[Row[Any]]
    if positions is None:
        rows = columns(session, _milestones(shape), values).all()
    else:
        # An agency's milestones without their tasks, kept to the plan's live tasks and put
        # in its order here: the join to the task took half the statement's time. The
        # columns by their place: a row's column read by its name cost ten times more, a
        # third of a millisecond over an agency's quarter.
        found = columns(session, _agency_milestones(shape), values).all()
        rows = sorted(
            (r for r in found if r[_TASK_ID] in positions),
            key=lambda r: (positions[r[_TASK_ID]], r[_POSITION], r[_ID]),
        )
    wanted = _STATES.get(selection.status) if selection.status else None
    hits = []
    for m_id, task_id, due, original, completed, *_ in rows:
        status = judge(due, original, completed, today)
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
    milestones reads a row per class and a row per task state, not a row per milestone."""
    if selection.status is Status.DONE and selection.window is None:
        selected = select_milestones(session, today, selection)
        return Tally(selected.counts(), selected.open_tasks())
    counts: dict[MilestoneStatus, int] = {}
    states: dict[str, int] = defaultdict(int)
    for kind, value, n in columns(
        session, _counts(_Shape.of(selection)), _values(selection, today)
    ):
        if kind == "milestones":
            counts[MilestoneStatus(value)] = n
        else:
            states[value] = n
    open_counts = OpenCounts(states["0"], states["1"], states["2"], states["3"])
    return Tally(StatusCounts(counts), open_counts)


def task_states(session: Session, today: date, selection: Selection) -> OpenCounts:
    """``tally(...).tasks``: the selected tasks by state. With no window, every milestone of a
    task is selected, and its state is that of the milestone the task keeps as current (the
    agency's list judges it so): read from one row per task, not from every milestone."""
    if selection.window is not None or selection.status not in (Status.OPEN, None):
        return tally(session, today, selection).tasks
    rows = columns(session, _states(_Shape.of(selection)), _values(selection, today))
    counts: dict[str, int] = {status: n for status, n in rows}
    n = {s: counts.get(s.value, 0) for s in MilestoneStatus}
    done = n[MilestoneStatus.DONE_ON_TIME] + n[MilestoneStatus.DONE_LATE]
    return OpenCounts(
        n[MilestoneStatus.OVERDUE], n[MilestoneStatus.IN_PROGRESS], n[MilestoneStatus.UNDATED], done
    )


def milestone_status(today: date | ColumnElement[date]) -> ColumnElement[str]:
    """``Milestone.status(today)`` as a column, for the database to judge (``judge``)."""
    judged = func.coalesce(Milestone.original_due, Milestone.due)
    return classified(Milestone.due, judged, Milestone.completed_on, today)


# ------------------------------------------------------------------------------ statements
# A question's statements are built once for each shape of selection (which conditions it
# has), and run with its values: building and keying a statement cost as much as running it.


@dataclass(frozen=True)
class _Shape:
    """Which conditions a selection has. ``by_agency``: the milestones are those of the tasks
    the agencies are assigned, a subquery of their assignments."""

    plan: bool
    section: bool
    by_agency: bool
    role: bool
    partners: bool
    status: Status | None
    window: bool

    @classmethod
    def of(cls, selection: Selection) -> _Shape:
        return cls(
            plan=selection.plan_id is not None,
            section=selection.section is not None,
            by_agency=bool(selection.agencies),
            role=bool(selection.agencies) and selection.role is not None,
            partners=bool(selection.agencies) and bool(selection.partners),
            status=selection.status,
            window=selection.window is not None,
        )


def _values(selection: Selection, today: date) -> dict[str, Any]:
    """The values of the parameters of ``selection``'s statements."""
    start, end = selection.window or (None, None)
    return {
        "today": today,
        "plan_id": selection.plan_id,
        "section": selection.section,
        "agencies": sorted(selection.agencies),
        "partners": sorted(selection.partners),
        "role": selection.role,
        "start": start,
        "end": end,
    }


def _narrowing(
    shape: _Shape, joined: bool = True, tasks_known: bool = False
) -> list[ColumnElement[bool]]:
    """The conditions of a selection but its state. ``joined``: the statement joins each
    milestone's task; otherwise an agency's tasks are narrowed in the subquery of their
    assignments, which spares PostgreSQL a join of every milestone it counts to its task.
    ``tasks_known``: none on the task (which tasks are live in the plan is known already)."""
    tasks = [] if tasks_known else _task_terms(shape)
    where = [] if shape.by_agency and not joined else list(tasks)
    if shape.by_agency:
        assigned = _assigned(shape)
        if not joined:
            assigned = assigned.join(Task, Task.id == Assignment.task_id).where(*tasks)
        where.append(Milestone.task_id.in_(assigned))
    if shape.partners:
        where.append(Milestone.task_id.in_(_assigned(shape, "partners")))
    status = shape.status
    if shape.window and status is not Status.UNDATED:
        dated = Milestone.completed_on if status is Status.DONE else Milestone.due
        where.append(dated.between(bindparam("start"), bindparam("end")))
    # The state is judged on the rows read; these terms only let a whole plan's open
    # milestones be read from their index. For an agency's tasks that index is the wrong way
    # in (every open milestone, for a few hundred tasks), which SQLite's statistics cannot
    # tell it: a NULL completion date counts as one value among hundreds of dates.
    if not shape.by_agency:
        if status in (Status.OVERDUE, Status.DUE, Status.IN_PROGRESS, Status.OPEN):
            where.append(Milestone.completed_on.is_(None))
        if status is Status.OVERDUE:
            where.append(Milestone.due < bindparam("today"))
    if status is Status.DONE and shape.window:
        where.append(Milestone.completed_on.is_not(None))
    return where


def _task_terms(shape: _Shape) -> list[ColumnElement[bool]]:
    """The conditions on a selected task: live, in the plan and the section named."""
    terms: list[ColumnElement[bool]] = [Task.removed_at.is_(None)]
    if shape.plan:
        terms.append(Task.plan_id == bindparam("plan_id"))
    if shape.section:
        # The section, or the part above sections and points it names ("II" of II.1 and
        # II.2, a directive's point 2 of 2.a and 2.b), as ``in_part`` has it.
        code = bindparam("section", type_=String)
        terms.append(
            or_(
                Task.section == code,
                Task.section.like(code + "._%"),
                and_(Task.section.is_(None), Task.number.like(code + "._%")),
            )
        )
    return terms


def _assigned(shape: _Shape, agencies: str = "agencies") -> Select[Any]:
    """The ids of the tasks the selection's agencies (or its partners) are assigned (in its
    part, if named)."""
    assigned = select(Assignment.task_id).where(
        Assignment.agency_id.in_(bindparam(agencies, expanding=True))
    )
    if shape.role:
        assigned = assigned.where(Assignment.role == bindparam("role"))
    return assigned


@cache
def _milestones(shape: _Shape) -> Select[Any]:
    return (
        select(
            Milestone.id,
            Milestone.task_id,
            Milestone.due,
            Milestone.original_due,
            Milestone.completed_on,
        )
        .join(Task, Task.id == Milestone.task_id)
        .where(*_narrowing(shape))
        .order_by(Task.position, Milestone.position, Milestone.id)
    )


@cache
def _agency_milestones(shape: _Shape) -> Select[Any]:
    """``_milestones`` of an agency's tasks in a plan, each with its position, of any task
    and in no order: ``select_milestones`` keeps those of the plan's live tasks, in order."""
    return select(
        Milestone.id,
        Milestone.task_id,
        Milestone.due,
        Milestone.original_due,
        Milestone.completed_on,
        Milestone.position,
    ).where(*_narrowing(shape, tasks_known=True))


# The places of ``_agency_milestones``' columns that order its rows.
_ID, _TASK_ID, _POSITION = 0, 1, 5


# A task's state from the classes of its selected milestones, as ``OpenCounts.of`` ranks
# them, in text that sorts the same way: the least is the task's state.
_TASK_STATE = {
    MilestoneStatus.OVERDUE: "0",
    MilestoneStatus.IN_PROGRESS: "1",
    MilestoneStatus.UNDATED: "2",
    MilestoneStatus.DONE_LATE: "3",
    MilestoneStatus.DONE_ON_TIME: "3",
}


@cache
def _counts(shape: _Shape) -> CompoundSelect:
    """A row per class of milestone and a row per state of task (``_TASK_STATE``)."""
    rows = select(
        Milestone.task_id.label("task_id"),
        milestone_status(bindparam("today", type_=Date)).label("status"),
    )
    if not shape.by_agency:
        rows = rows.join(Task, Task.id == Milestone.task_id)
    chosen = rows.where(*_narrowing(shape, joined=not shape.by_agency)).cte("chosen")
    # The states wanted are picked from the judged rows, not in the statement that judges
    # them: PostgreSQL cannot estimate how many rows a condition on the CASE keeps, and
    # guessing few, it would read every milestone of the plan.
    wanted = _STATES.get(shape.status) if shape.status else None
    picked = [] if wanted is None else [chosen.c.status.in_([s.value for s in wanted])]
    state = case({s.value: rank for s, rank in _TASK_STATE.items()}, value=chosen.c.status)
    tasks = (
        select(func.min(state).label("state")).where(*picked).group_by(chosen.c.task_id).subquery()
    )
    return union_all(
        select(literal("milestones"), chosen.c.status, func.count())
        .where(*picked)
        .group_by(chosen.c.status),
        select(literal("tasks"), tasks.c.state, func.count()).group_by(tasks.c.state),
    )


@cache
def _states(shape: _Shape) -> Select[Any]:
    """A row per class of the tasks' current milestones (``Task.current_*``)."""
    status = classified(
        Task.current_due,
        Task.current_judged,
        Task.current_completed,
        bindparam("today", type_=Date),
    ).label("status")
    where = _task_terms(shape)
    if shape.by_agency:
        where.append(Task.id.in_(_assigned(shape)))
    judged = select(status).where(*where).subquery()
    return select(judged.c.status, func.count()).group_by(judged.c.status)


# ------------------------------------------------------------------------------ agencies


def answering_for(session: Session, agency: Agency, today: date) -> frozenset[int]:
    """The agencies whose assignments a question about ``agency`` counts: itself and, unless
    it has merged into another, the agencies merged into it by ``today``."""
    if agency.current(today).id != agency.id:
        return frozenset({agency.id})
    return frozenset(merged_into(session, agency.id, today))


def agencies_by_key(session: Session, keys: Iterable[str]) -> dict[str, Agency]:
    keys = list(keys)
    if not keys:
        return {}
    return {a.key: a for a in session.scalars(select(Agency).where(Agency.key.in_(keys)))}


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
    overdue: int  # how many of its milestones the question selected are overdue


# What a list shows of its tasks, with their agencies: a row per assignment (one for a task
# with none), in one round trip. Tasks by their keys: planned once (one prepared statement for
# each number of tasks), which spared 0.2-0.3 ms of a list's 0.7 ms on PostgreSQL.
_LINES = planned_once(
    select(
        Task.id,
        *LABEL_COLUMNS,
        Task.title,
        Assignment.role,
        Assignment.agency_id,
        Agency.name,
    )
    .outerjoin(Assignment, Assignment.task_id == Task.id)
    .outerjoin(Agency, Agency.id == Assignment.agency_id)
    .where(Task.id.in_(bindparam("ids", expanding=True)))
    .order_by(Task.id, Assignment.role, Assignment.position)
)


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
    # The columns by their place, as ``select_milestones`` reads them.
    tasks: dict[int, tuple[str | None, str | None, int | None, int, str]] = {}
    parts: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    read = columns(session, _LINES, {"ids": ids}).all()
    for task_id, section, number, activity, position, title, role, agency_id, name in read:
        if task_id not in tasks:
            tasks[task_id] = (section, number, activity, position, title)
        if agency_id is not None:
            parts[task_id].append((role, agency_id, name))
    hits = selected.by_task()
    lines = []
    for task_id, standing in ranked:
        task = tasks.get(task_id)
        if task is None:
            continue
        section, number, activity, position, title = task
        assigned = parts[task_id]
        roles = {role for role, agency_id, _ in assigned if agency_id in agencies}
        role = Role.LEAD if Role.LEAD in roles else (Role.SUPPORT if roles else None)
        lines.append(
            TaskLine(
                task_id=task_id,
                label=task_label(section, number, activity, position),
                title=title,
                leads=tuple(n for r, _, n in assigned if r == Role.LEAD),
                supports=tuple(n for r, _, n in assigned if r == Role.SUPPORT),
                role=role,
                standing=standing,
                overdue=sum(h.status is MilestoneStatus.OVERDUE for h in hits[task_id]),
            )
        )
    return lines


def tasks_by_lead(session: Session, selected: Selected) -> list[tuple[str, int]]:
    """(lead agency, how many selected tasks it leads), most first: what a group chat sees
    instead of the tasks themselves."""
    ids = list(selected.by_task())
    if not ids:
        return []
    per: dict[int, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    for chunk in _chunks(ids, 500):
        rows = session.execute(
            select(Assignment.task_id, Assignment.agency_id, Agency.name)
            .join(Agency, Agency.id == Assignment.agency_id)
            .where(Assignment.task_id.in_(chunk), Assignment.role == Role.LEAD)
        )
        for task_id, agency_id, name in rows:
            per[agency_id].add(task_id)
            names[agency_id] = name
    names.update(names_in_plans(session, names, None))
    counted = ((names[a], len(tasks)) for a, tasks in per.items())
    return sorted(counted, key=lambda e: (-e[1], e[0]))


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
    """The live rows of the task ``ref`` names in the plan, loaded for their cards: every
    activity row of "II.3", the second only of "II.3 (2)"; none when the plan has no such
    task."""
    query = _numbered(ref.section is not None, ref.activity is not None)
    values = {
        "plan_id": plan_id,
        "number": ref.number,
        "section": ref.section,
        "activity": ref.activity,
    }
    return list(session.execute(query, values).unique().scalars())


@cache
def _numbered(section: bool, activity: bool) -> Select[tuple[Task]]:
    """``find_tasks``'s statement, built once for each shape of number: building it and
    keying it again for each question cost a quarter of a millisecond. Found by its number
    on its index whatever the number: planned once."""
    query = (
        select(Task)
        .where(
            Task.plan_id == bindparam("plan_id"),
            Task.removed_at.is_(None),
            Task.number == bindparam("number"),
            Task.section == bindparam("section") if section else Task.section.is_(None),
        )
        .options(*CARD_LOAD)
        .order_by(Task.position)
    )
    if activity:
        query = query.where(Task.activity_index == bindparam("activity"))
    return planned_once(query)


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
