"""A plan's vocabulary for the question reader (sections, tasks, the agencies it assigns),
read from the database, and the reader built on it, kept per version of the plan.

Building a reader takes a few tenths of a second for a real plan, reading a question about a
millisecond: the reader is kept for the plan's id, the checksum of the document it was
imported from and the corrections made since (``plan_corrected``), so an amended or corrected
plan gets a new reader at its first question. The names the plan writes its agencies by
(``names_in_plan``) and the positions of its live tasks (``live_positions``) are kept the
same way.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.orm import Session, SessionTransaction

from models import Agency, Assignment, Milestone, Plan, Role, Task
from models.base import columns, planned_once
from planning.agencies import AgencyDirectory, written_by_level
from planning.intent import PlanVocabulary, QuestionReader, TaskRow
from services.access import keep_scope, with_scope
from services.reports import names_as_written, names_in_plans

# Readers kept at once: one per plan people ask about.
KEPT = 8

_readers: OrderedDict[tuple[int, str, int, AgencyDirectory], QuestionReader] = OrderedDict()
# agency id -> (as the plan writes it, how many live tasks do), for each version of a plan.
_written: OrderedDict[tuple[int, str, int], dict[int, list[tuple[str, int]]]] = OrderedDict()
# live task id -> its position in the plan, for each version of a plan.
_positions: OrderedDict[tuple[int, str, int], dict[int, int]] = OrderedDict()
_lock = threading.Lock()


def question_plan(session: Session, plan_id: int | None = None) -> int | None:
    """The plan a question is about: ``plan_id`` (a group's plan) when given, else the plan
    imported last that has live tasks; None with no plan."""
    if plan_id is not None:
        return plan_id
    return session.scalar(_LAST_PLAN)


def question_reader(
    session: Session,
    directory: AgencyDirectory,
    plan_id: int | None = None,
    *,
    scope_of: int | None = None,
) -> tuple[int, QuestionReader] | None:
    """``question_plan`` and its reader: the plan and its version read in one statement; with
    ``scope_of`` (the asker's agency), the rows of its ``access.agency_scope`` in the same
    statement, kept for the transaction (one round trip less for each question)."""
    values = {"plan_id": plan_id, "agency": scope_of}
    if scope_of is None:
        found = columns(session, _LAST_VERSION if plan_id is None else _VERSION, values).first()
    else:
        statement = _LAST_VERSION_SCOPE if plan_id is None else _VERSION_SCOPE
        rows = columns(session, statement, values).all()
        found = next((row for row in rows if row[0] is not None), None)
        keep_scope(session, scope_of, (row[3:] for row in rows if row[0] is None))
    if found is None:
        return None
    found_id, sha256, revision = found[:3]
    version = (sha256 or "", revision)
    # The version this transaction read, for what else its answer reads of the plan.
    session.info[_version_key(found_id)] = (session.get_transaction(), version)
    return found_id, _reader(session, directory, found_id, version)


def plan_corrected(session: Session, plan_id: int) -> None:
    """Counts a correction of plan ``plan_id``: its question reader is built again."""
    session.execute(update(Plan).where(Plan.id == plan_id).values(revision=Plan.revision + 1))
    plan_changed(session, plan_id)


def plan_changed(session: Session, plan_id: int) -> None:
    """Plan ``plan_id`` was amended or corrected in this transaction: what ``names_in_plan``
    keeps of the version read before it no longer answers for it."""
    session.info.pop(_version_key(plan_id), None)


def names_in_plan(session: Session, names: Mapping[int, str], plan_id: int) -> dict[int, str]:
    """``reports.names_in_plans`` of plan ``plan_id``: after ``question_reader`` in the same
    transaction, from the counts kept for the version of the plan it read (counting an
    agency's names over its tasks took a millisecond and more for each answer naming one);
    else read."""

    def read() -> dict[int, list[tuple[str, int]]]:
        written: dict[int, list[tuple[str, int]]] = {}
        for agency_id, as_written, count in columns(session, _WRITTEN, {"plan_id": plan_id}):
            written.setdefault(agency_id, []).append((as_written, count))
        return written

    written = _kept(session, plan_id, _written, read)
    if written is None:
        return names_in_plans(session, names, plan_id)
    ids = [agency_id for agency_id, name in names.items() if written_by_level(name)]
    return names_as_written(names, ((a, w, n) for a in ids for w, n in written.get(a, ())))


def live_positions(session: Session, plan_id: int) -> Mapping[int, int] | None:
    """The live tasks of plan ``plan_id`` (id -> position), kept for the version of the plan
    ``question_reader`` read in this transaction: a question's milestones are then put in the
    plan's order and kept to its live tasks without joining each to its task. None where
    this transaction has not read the plan's version (or has changed the plan since)."""

    def read() -> dict[int, int]:
        return dict(columns(session, _LIVE, {"plan_id": plan_id}).tuples().all())

    return _kept(session, plan_id, _positions, read)


_Kept = TypeVar("_Kept")


def _kept(
    session: Session,
    plan_id: int,
    kept: OrderedDict[tuple[int, str, int], _Kept],
    read: Callable[[], _Kept],
) -> _Kept | None:
    """What ``kept`` holds for the version of plan ``plan_id`` that ``question_reader`` read
    in this transaction, ``read`` at its first use; None without that version."""
    found: tuple[SessionTransaction | None, tuple[str, int]] | None
    found = session.info.get(_version_key(plan_id))
    if found is None or found[0] is None or found[0] is not session.get_transaction():
        return None
    return _keep(kept, (plan_id, *found[1]), read)


_Key = TypeVar("_Key")


def _keep(kept: OrderedDict[_Key, _Kept], key: _Key, read: Callable[[], _Kept]) -> _Kept:
    """What ``kept`` holds for ``key``, ``read`` and kept (the last ``KEPT`` used) where it
    holds nothing."""
    with _lock:
        value = kept.get(key)
        if value is not None:
            kept.move_to_end(key)
            return value
    value = read()
    with _lock:
        kept[key] = value
        while len(kept) > KEPT:
            kept.popitem(last=False)
    return value


def _version_key(plan_id: int) -> tuple[str, int]:
    return ("plan_version", plan_id)


# Every name the plan writes its agencies by, and for how many live tasks.
_WRITTEN = (
    select(Assignment.agency_id, Assignment.as_written, func.count())
    .join(Task, Task.id == Assignment.task_id)
    .where(Task.plan_id == bindparam("plan_id"), Task.removed_at.is_(None))
    .group_by(Assignment.agency_id, Assignment.as_written)
    .order_by(Assignment.agency_id, Assignment.as_written)
)

# The plan's live tasks and their positions.
_LIVE = select(Task.id, Task.position).where(
    Task.plan_id == bindparam("plan_id"), Task.removed_at.is_(None)
)

# Read for every question: planned once (a plan by its id, or the last one).
_LAST_PLAN = planned_once(
    select(func.max(Plan.id)).where(
        exists().where(Task.plan_id == Plan.id, Task.removed_at.is_(None))
    )
)
_VERSION = planned_once(
    select(Plan.id, Plan.source_sha256, Plan.revision).where(Plan.id == bindparam("plan_id"))
)
_LAST_VERSION = planned_once(
    select(Plan.id, Plan.source_sha256, Plan.revision).where(
        Plan.id == _LAST_PLAN.scalar_subquery()
    )
)
# The same with the asker's scope (``access.with_scope``).
_VERSION_SCOPE = planned_once(with_scope(_VERSION))
_LAST_VERSION_SCOPE = planned_once(with_scope(_LAST_VERSION))


def plan_vocabulary(session: Session, directory: AgencyDirectory, plan_id: int) -> PlanVocabulary:
    """What the plan's questions may name, from its live tasks and their assignments."""
    plan = session.get(Plan, plan_id)
    years = None
    if plan is not None and plan.period_start and plan.period_end:
        years = (plan.period_start, plan.period_end)
    elif plan is not None and plan.year:
        years = (plan.year, plan.year)
    # The deadlines the plan set each task (an extension keeps the one it set).
    dues: dict[int, list[date]] = {}
    for task_id, due in session.execute(
        select(Milestone.task_id, func.coalesce(Milestone.original_due, Milestone.due))
        .join(Task, Task.id == Milestone.task_id)
        .where(Task.plan_id == plan_id, Task.removed_at.is_(None))
        .order_by(Milestone.task_id, Milestone.position)
    ):
        if due is not None:
            dues.setdefault(task_id, []).append(due)
    # Who each task is assigned to ("việc STP chủ trì" names tasks by their lead), and the
    # names the plan gives every agency it assigns.
    roles: dict[tuple[int, str], list[str]] = {}
    agencies: dict[str, list[str]] = {}
    assigned = session.execute(
        select(Assignment.task_id, Assignment.role, Agency.key, Agency.name, Assignment.as_written)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(Task, Task.id == Assignment.task_id)
        .where(Task.plan_id == plan_id, Task.removed_at.is_(None))
        .order_by(Task.position, Assignment.role, Assignment.position)
    )
    for task_id, role, key, name, as_written in assigned:
        roles.setdefault((task_id, role), []).append(key)
        names = agencies.setdefault(key, [])
        for written in (name, as_written):
            if written and written not in names:
                names.append(written)
    rows = [
        TaskRow(
            r.section,
            r.section_title,
            r.number,
            r.activity_index,
            r.title,
            r.objective,
            r.product,
            dues=tuple(dues.get(r.id, ())),
            leads=tuple(roles.get((r.id, Role.LEAD), ())),
            supports=tuple(roles.get((r.id, Role.SUPPORT), ())),
        )
        for r in session.execute(
            select(
                Task.id,
                Task.section,
                Task.section_title,
                Task.number,
                Task.activity_index,
                Task.title,
                Task.objective,
                Task.product,
            )
            .where(Task.plan_id == plan_id, Task.removed_at.is_(None))
            .order_by(Task.position)
        )
    ]
    return PlanVocabulary.of_rows(
        directory,
        years=years,
        rows=rows,
        agencies=agencies,
        title=plan.title if plan is not None else "",
        number=(plan.number or "") if plan is not None else "",
    )


def plan_reader(session: Session, directory: AgencyDirectory, plan_id: int) -> QuestionReader:
    """The reader of questions about the plan as it stands (rebuilt once it is amended or
    corrected)."""
    found = session.execute(_VERSION, {"plan_id": plan_id}).first()
    version = (found.source_sha256 or "", found.revision) if found is not None else ("", 0)
    return _reader(session, directory, plan_id, version)


def _reader(
    session: Session, directory: AgencyDirectory, plan_id: int, version: tuple[str, int]
) -> QuestionReader:
    return _keep(
        _readers,
        (plan_id, *version, directory),
        lambda: QuestionReader(plan_vocabulary(session, directory, plan_id), directory),
    )
