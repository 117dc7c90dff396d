"""Storing an imported plan: create it, or update it from an amended version, keeping progress.

Tasks, assignments and milestones are written with bulk statements, not entity by entity
through the session: a plan of 5,000 tasks is some 27,000 rows, and the unit of work spent
about 0.3 ms on each. So this module never holds a Task, Assignment or Milestone entity;
it reads the stored rows as plain columns, works out what to write, and writes it in a few
statements. Entities of those kinds that the caller's session holds are expired afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from i18n import N_
from models import Agency, Assignment, Milestone, Plan, Role, Target, TargetAgency, Task
from planning.agencies import AgencyDirectory
from planning.importer import ImportedPlan, ImportedTarget, ImportedTask
from planning.types import MilestoneSpec
from services import audit
from services.agencies import agency_for, sync_directory
from services.errors import UserError
from services.vocabulary import plan_changed

NO_PLAN = N_("There is no plan #%(id)d.")

# Rows are inserted through the tables, not the entities: the ORM's bulk insert leaves out
# the None values, and then cannot send rows that differ in which columns are None together.
TASK, ASSIGNMENT, MILESTONE = Task.__table__, Assignment.__table__, Milestone.__table__

# Ids per IN (...) list: well under every backend's limit on bound parameters.
CHUNK = 500


@dataclass
class ImportReport:
    """What an import did. ``unchanged`` means the same file was imported again: nothing written."""

    plan_id: int
    created: bool = False
    unchanged: bool = False
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    task_count: int = 0
    targets_added: list[str] = field(default_factory=list)
    targets_changed: list[str] = field(default_factory=list)
    targets_removed: list[str] = field(default_factory=list)


def import_plan(
    session: Session,
    imported: ImportedPlan,
    *,
    source_name: str,
    sha256: str,
    directory: AgencyDirectory,
    now: datetime,
    actor: str,
) -> ImportReport:
    """Write the plan, its tasks, assignments and milestones in the caller's transaction."""
    rows = sync_directory(session, directory)
    plan = session.scalar(select(Plan).where(Plan.identity == imported.identity))
    if plan is not None and plan.source_sha256 == sha256:
        return ImportReport(
            plan_id=plan.id, unchanged=True, task_count=live_tasks(session, plan.id)
        )
    created = plan is None
    if plan is None:
        plan = Plan(identity=imported.identity)
        session.add(plan)
    _fill_plan(plan, imported, source_name, sha256, now)
    session.flush()
    plan_changed(session, plan.id)
    report = _merge_tasks(session, plan.id, imported.tasks, rows, now)
    forget_tasks(session, plan)
    _merge_targets(session, plan.id, imported.targets, rows, now, report)
    session.flush()
    report.plan_id, report.created = plan.id, created
    report.task_count = live_tasks(session, plan.id)
    refresh_statistics(session)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="plan.import" if created else "plan.amend",
        entity="plan",
        entity_id=plan.id,
        after={
            "source": source_name,
            "sha256": sha256,
            "added": report.added,
            "changed": report.changed,
            "removed": report.removed,
            "targets": {
                "added": report.targets_added,
                "changed": report.targets_changed,
                "removed": report.targets_removed,
            },
        },
    )
    return report


def refresh_statistics(session: Session) -> None:
    """Tell the query planner what the tables now hold. An import changes them more than
    anything else; without this, SQLite (which keeps no statistics unless asked) takes
    ``task.plan_id = ?`` for a few rows when it is the whole plan, and PostgreSQL plans on the
    empty tables until its autovacuum comes round."""
    session.execute(text("ANALYZE"))


def plan_identity_of(session: Session, plan_id: int) -> str:
    """What makes a document an amendment of plan ``plan_id`` (`plan import --plan ID`)."""
    identity = session.scalar(select(Plan.identity).where(Plan.id == plan_id))
    if identity is None:
        raise UserError(NO_PLAN, id=plan_id)
    return identity


def live_tasks(session: Session, plan_id: int) -> int:
    """How many of the plan's tasks are not removed."""
    return (
        session.scalar(
            select(func.count(Task.id)).where(Task.plan_id == plan_id, Task.removed_at.is_(None))
        )
        or 0
    )


def forget_tasks(session: Session, plan: Plan) -> None:
    """Expire what the session holds of the plan's tasks after bulk statements changed them
    behind its back, so that nothing stale is read or flushed over them."""
    session.expire(plan, ["tasks"])
    for entity in list(session.identity_map.values()):
        if isinstance(entity, Task | Assignment | Milestone):
            session.expire(entity)


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    """``ids`` in slices short enough for one IN (...) list."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _fill_plan(
    plan: Plan, imported: ImportedPlan, source_name: str, sha256: str, now: datetime
) -> None:
    meta = imported.meta
    plan.number = meta.number
    plan.title = meta.title
    plan.issuer = meta.issuer
    plan.year = meta.year
    plan.period_start, plan.period_end = meta.period or (meta.year, meta.year)
    plan.source_name = source_name
    plan.source_sha256 = sha256
    plan.imported_at = now
    plan.warnings = [f.render() for f in imported.findings]


def _merge_tasks(
    session: Session,
    plan_id: int,
    items: list[ImportedTask],
    rows: dict[str, Agency],
    now: datetime,
) -> ImportReport:
    """Bring the plan's tasks to the document's, matched by slot: a task read as before only
    takes its new place; one read differently (or coming back) is rewritten, keeping its
    progress and the milestones it still has; one the document no longer lists is marked
    removed. Rows are written in the document's order, so ids follow it."""
    report = ImportReport(plan_id=0)
    existing = {
        row.slot: row
        for row in session.execute(
            select(Task.id, Task.slot, Task.position, Task.content_hash, Task.removed_at)
            .where(Task.plan_id == plan_id)
            .order_by(Task.position, Task.id)
        )
    }
    written: list[ImportedTask] = []  # the tasks added or rewritten, in order
    changed: list[int] = []  # the ids of those rewritten
    added: list[dict[str, Any]] = []
    rewritten: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    read = {item.slot for item in items}
    for position, item in enumerate(items):
        row = existing.pop(item.slot, None)
        if row is None and (before := _unsectioned(item.slot)) not in read:
            # A task stored under no section, now read under the heading of its table.
            row = existing.pop(before, None)
        if row is None:
            report.added.append(item.slot)
            added.append({"plan_id": plan_id, "position": position, **_task_values(item)})
        elif (
            row.content_hash != item.content_hash
            or row.removed_at is not None
            or row.slot != item.slot
        ):
            report.changed.append(item.slot)
            rewritten.append({"id": row.id, "position": position, **_task_values(item)})
            changed.append(row.id)
        else:
            if row.position != position:
                moved.append({"id": row.id, "position": position})
            continue
        written.append(item)
    removed = [row for row in existing.values() if row.removed_at is None]
    report.removed = [row.slot for row in removed]

    # An agency the directory does not know becomes a row of its own: resolved before writing.
    named = [
        (index, role, position, resolution.as_written, agency_for(session, resolution, rows))
        for index, item in enumerate(written)
        for role, resolutions in ((Role.LEAD, item.lead), (Role.SUPPORT, item.support))
        for position, resolution in enumerate(resolutions)
    ]
    session.flush()

    if added:
        session.execute(insert(TASK), added)
    for values in (rewritten, moved, [{"id": row.id, "removed_at": now} for row in removed]):
        if values:
            session.execute(update(Task), values)
    slots = _task_ids(session, plan_id)
    ids = [slots[item.slot] for item in written]

    # New rows go in before old ones go out, so that SQLite does not hand a deleted row's
    # id to a new one (as the unit of work did, which wrote in that order too).
    replaced = [
        assignment_id
        for part in chunks(changed)
        for assignment_id in session.scalars(
            select(Assignment.id).where(Assignment.task_id.in_(part))
        )
    ]
    assignments = [
        {
            "task_id": ids[index],
            "agency_id": agency.id,
            "role": role,
            "as_written": as_written,
            "position": position,
        }
        for index, role, position, as_written, agency in named
    ]
    if assignments:
        session.execute(insert(ASSIGNMENT), assignments)
    for part in chunks(replaced):
        session.execute(delete(Assignment).where(Assignment.id.in_(part)))
    _merge_milestones(session, ids, written, changed)
    return report


def _task_ids(session: Session, plan_id: int) -> dict[str, int]:
    """The plan's task ids by slot, removed tasks' too."""
    query = select(Task.slot, Task.id).where(Task.plan_id == plan_id)
    return {slot: task_id for slot, task_id in session.execute(query)}


def _unsectioned(slot: str) -> str:
    """The slot a task of a section had when its plan was stored before the importer kept
    the heading above its table ("I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH")."""
    section, _, rest = slot.partition("|")
    return slot if section == "-" else f"-|{rest}"


def _task_values(item: ImportedTask) -> dict[str, Any]:
    """The task's columns as the document writes them (all but its place and progress)."""
    raw = item.raw
    return {
        "slot": item.slot,
        "section": raw.section,
        "section_title": raw.section_title,
        "number": raw.number,
        "parent_number": raw.parent,
        "activity_index": raw.activity_index,
        "title": raw.title,
        "objective": raw.objective,
        "product": raw.product,
        "lead_as_written": raw.lead_text,
        "support_as_written": raw.support_text,
        "deadline_text": raw.deadline_text,
        "deadline_kind": item.deadline.kind,
        "budget_million_vnd": raw.budget_million_vnd,
        "content_hash": item.content_hash,
        "removed_at": None,
    }


# A task whose plan sets no deadline still has a milestone, undated and without words: lists,
# counts, reports and digests judge tasks by their milestones, and one with none would be
# counted nowhere (and could never be marked done).
NO_DEADLINE = MilestoneSpec(None, "")


def _merge_milestones(
    session: Session, ids: list[int], items: list[ImportedTask], changed: list[int]
) -> None:
    """Each written task's milestones as its deadline reads them. A changed task's stored
    milestones are matched by what they stand for, so completion recorded on an unchanged
    milestone survives an amendment of another part of the task; an unmatched one is kept
    only if completed."""
    stored: dict[int, list[Row[Any]]] = {task_id: [] for task_id in changed}
    for part in chunks(changed):
        for row in session.execute(
            select(
                Milestone.id,
                Milestone.task_id,
                Milestone.level,
                Milestone.period,
                Milestone.label,
                Milestone.due,
                Milestone.original_due,
                Milestone.completed_on,
            )
            .where(Milestone.task_id.in_(part))
            .order_by(Milestone.task_id, Milestone.position, Milestone.id)
        ):
            stored[row.task_id].append(row)
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    dropped: list[int] = []
    for task_id, item in zip(ids, items, strict=True):
        old = {_milestone_key(m.level, m.period, m.label): m for m in stored.get(task_id, [])}
        kept = {m.id for m in old.values() if m.completed_on is not None}
        for position, spec in enumerate(item.deadline.milestones or (NO_DEADLINE,)):
            milestone = old.pop(_milestone_key(spec.level, spec.period, spec.label), None)
            if milestone is None:
                inserts.append(
                    {
                        "task_id": task_id,
                        "label": spec.label,
                        "level": spec.level,
                        "period": spec.period,
                        "position": position,
                        "due": spec.due,
                        "original_due": spec.due,
                    }
                )
                continue
            kept.add(milestone.id)
            due, original_due = milestone.due, milestone.original_due
            if original_due != spec.due or due is None:
                # The plan set a new date; an extension granted against the old one lapses.
                due = original_due = spec.due
            updates.append(
                {"id": milestone.id, "position": position, "due": due, "original_due": original_due}
            )
        dropped += [m.id for m in stored.get(task_id, []) if m.id not in kept]
    if updates:
        session.execute(update(Milestone), updates)
    if inserts:
        session.execute(insert(MILESTONE), inserts)
    for part in chunks(dropped):
        session.execute(delete(Milestone).where(Milestone.id.in_(part)))


def _milestone_key(level: str | None, period: str | None, label: str) -> tuple[str, str]:
    return (level or "", period or label)


def _merge_targets(
    session: Session,
    plan_id: int,
    targets: list[ImportedTarget],
    rows: dict[str, Agency],
    now: datetime,
    report: ImportReport,
) -> None:
    """Write the plan's targets (chỉ tiêu), matched by their key (what they measure, their
    level, their task): a target read as before is left as it is, with any correction a
    coordinator made; one read differently takes the new reading; one the plan no longer
    writes is marked removed. Values reported stay with their target either way."""
    existing = {t.key: t for t in session.scalars(select(Target).where(Target.plan_id == plan_id))}
    tasks = _task_ids(session, plan_id)
    for position, item in enumerate(targets):
        spec = item.target
        target = existing.pop(spec.key, None)
        if target is None:
            target = Target(plan_id=plan_id, key=spec.key, source=spec.source, agencies=[])
            session.add(target)
            report.targets_added.append(spec.key)
        elif target.content_hash == spec.content_hash and target.removed_at is None:
            target.position = position
            continue
        else:
            report.targets_changed.append(spec.key)
        figure = spec.figure
        target.position = position
        target.task_id = tasks.get(spec.slot) if spec.slot else None
        target.measure = figure.measure
        target.comparison = figure.comparison
        target.value = figure.value
        target.unit = figure.unit
        target.level = figure.level
        target.change = figure.change
        target.baseline = figure.baseline
        target.text = figure.text
        target.due = spec.due
        target.content_hash = spec.content_hash
        target.removed_at = None
        if item.agencies:
            target.agencies[:] = [
                TargetAgency(agency=agency_for(session, resolution, rows), position=n)
                for n, resolution in enumerate(item.agencies)
            ]
    for target in existing.values():
        if target.removed_at is None and target.source != "added":
            target.removed_at = now
            report.targets_removed.append(target.key)
