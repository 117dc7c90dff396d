"""The correction loop: a plan as read, exported to a workbook; the workbook, corrected in
Excel or LibreOffice, applied back as an amendment.

A correction keeps every task's progress and completed deadlines, and leaves the task's
document fingerprint (``Task.content_hash``) as it was: re-importing the same document
changes nothing, and an amended document overrides a correction only where the document's
own row for that task changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from i18n.formatting import amount, target_status_label
from models import Agency, Assignment, Milestone, Plan, Role, Target, TargetAgency, Task
from models.plan import task_label
from planning.agencies import AgencyDirectory
from planning.workbook import SheetMilestone, SheetPlan, SheetRow, SheetTarget, write_workbook
from services import audit
from services.agencies import agency_for, sync_directory
from services.errors import UserError
from services.plans import NO_DEADLINE, NO_PLAN, ImportReport, chunks, forget_tasks, live_tasks
from services.targets import responsible, target_rows
from services.vocabulary import plan_corrected

OTHER_PLAN = N_(
    "This workbook was exported from plan #%(exported)d, not from plan #%(id)d: "
    "check the plan's number."
)
NOT_IN_DIRECTORY = N_("Not in the agency directory, kept as written: %(names)s")
NO_LEAD = N_("No lead agency was read.")
NO_DATE = N_("No date could be read from the deadline “%(text)s”.")
NO_AGENCY = N_("No agency answers for this target yet: assign one.")
UNKNOWN_TASK = N_("Targets: no task of the plan is numbered %(task)s.")


def export_plan(
    session: Session, plan_id: int, gettext: Callable[[str], str], today: date | None = None
) -> bytes:
    """The plan as read and as corrected so far, with each row's warnings; and its targets,
    with where each stands on ``today`` (left blank without it)."""
    plan = _plan(session, plan_id)
    rows = [_sheet_row(t, gettext) for t in _stored(session, plan.id) if t.removed_at is None]
    texts = dict(
        session.execute(
            select(Target.id, Target.text).where(
                Target.plan_id == plan.id, Target.removed_at.is_(None)
            )
        ).all()
    )
    targets = [
        SheetTarget(
            key=row.key,
            task=row.task_label,
            measure=row.measure,
            level=row.level,
            comparison=row.comparison,
            value=row.value,
            unit=row.unit,
            change=row.change,
            baseline=row.baseline,
            due=row.due,
            agencies="; ".join(row.agencies),
            text=texts.get(row.id, ""),
            latest=amount(row.latest, row.unit) if row.latest is not None else "",
            status=target_status_label(row.status) if today else "",
            warnings=() if row.agencies else (gettext(NO_AGENCY),),
        )
        for row in target_rows(session, today or date.max, plan_id=plan.id)
    ]
    return write_workbook(plan.id, plan.number or plan.title, rows, gettext, targets)


@dataclass
class _StoredMilestone:
    due: date | None
    original_due: date | None
    completed_on: date | None
    level: str | None
    label: str


@dataclass
class _StoredTask:
    """A task as stored, in plain columns named as the entity's: what the export writes,
    and what a correction is compared with before any entity is loaded. ``agencies`` are
    (role, name, verified) and ``milestones`` are in the order of their position."""

    id: int
    slot: str
    position: int
    section: str | None
    section_title: str | None
    number: str | None
    activity_index: int | None
    title: str
    objective: str | None
    product: str | None
    deadline_text: str
    budget_million_vnd: Decimal | None
    removed_at: datetime | None
    agencies: list[tuple[str, str, bool]] = field(default_factory=list)
    milestones: list[_StoredMilestone] = field(default_factory=list)

    def names(self, role: Role) -> list[str]:
        return [name for r, name, _verified in self.agencies if r == role]


def _stored(session: Session, plan_id: int) -> list[_StoredTask]:
    """The plan's tasks, removed ones too, in the order of their position, in three queries:
    loading the 27,000 entities of a 5,000-task plan took seconds."""
    tasks = {
        row.id: _StoredTask(**row._asdict())
        for row in session.execute(
            select(
                Task.id,
                Task.slot,
                Task.position,
                Task.section,
                Task.section_title,
                Task.number,
                Task.activity_index,
                Task.title,
                Task.objective,
                Task.product,
                Task.deadline_text,
                Task.budget_million_vnd,
                Task.removed_at,
            )
            .where(Task.plan_id == plan_id)
            .order_by(Task.position, Task.id)
        )
    }
    for task_id, role, name, verified in session.execute(
        select(Assignment.task_id, Assignment.role, Agency.name, Agency.verified)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(Task, Task.id == Assignment.task_id)
        .where(Task.plan_id == plan_id)
        .order_by(Assignment.task_id, Assignment.position, Assignment.id)
    ):
        tasks[task_id].agencies.append((role, name, verified))
    for task_id, *columns in session.execute(
        select(
            Milestone.task_id,
            Milestone.due,
            Milestone.original_due,
            Milestone.completed_on,
            Milestone.level,
            Milestone.label,
        )
        .join(Task, Task.id == Milestone.task_id)
        .where(Task.plan_id == plan_id)
        .order_by(Milestone.task_id, Milestone.position, Milestone.id)
    ):
        tasks[task_id].milestones.append(_StoredMilestone(*columns))
    return list(tasks.values())


def _sheet_row(task: _StoredTask, gettext: Callable[[str], str]) -> SheetRow:
    leads = [(n, v) for r, n, v in task.agencies if r == Role.LEAD]
    supports = [(n, v) for r, n, v in task.agencies if r == Role.SUPPORT]
    warnings = []
    unverified = [name for name, verified in leads + supports if not verified]
    if unverified:
        warnings.append(gettext(NOT_IN_DIRECTORY) % {"names": "; ".join(unverified)})
    if not leads:
        warnings.append(gettext(NO_LEAD))
    if task.deadline_text and not any(m.due for m in task.milestones):
        warnings.append(gettext(NO_DATE) % {"text": task.deadline_text})
    return SheetRow(
        slot=task.slot,
        section=task.section,
        number=task.number,
        activity=task.activity_index,
        title=task.title,
        objective=task.objective,
        product=task.product,
        lead="; ".join(name for name, _verified in leads),
        support="; ".join(name for name, _verified in supports),
        deadline=task.deadline_text,
        budget=task.budget_million_vnd,
        milestones=tuple(
            SheetMilestone(m.due, f"{m.level}: {m.label}" if m.level else m.label)
            for m in task.milestones
        ),
        warnings=tuple(warnings),
    )


def apply_workbook(
    session: Session,
    sheet: SheetPlan,
    plan_id: int,
    *,
    directory: AgencyDirectory,
    now: datetime,
    actor: str,
) -> ImportReport:
    """Apply a corrected workbook to plan ``plan_id`` in the caller's transaction: rows by
    their hidden code, rows added become tasks, rows deleted remove their task."""
    if sheet.plan_id != plan_id:
        raise UserError(OTHER_PLAN, exported=sheet.plan_id, id=plan_id)
    plan = _plan(session, plan_id)
    agencies = sync_directory(session, directory)
    report = ImportReport(plan_id=plan.id)
    stored = _stored(session, plan.id)
    existing = {t.slot: t for t in stored if t.removed_at is None}
    titles = {t.section: t.section_title for t in stored if t.section}
    taken = {t.slot for t in stored}
    # Each row's task (None: a new one); only the tasks whose row differs are loaded.
    matched = [existing.pop(row.slot, None) if row.slot else None for row in sheet.rows]
    loaded = _load_tasks(
        session,
        [t.id for t, row in zip(matched, sheet.rows, strict=True) if t and _differs(t, row)],
    )
    moved = []
    changes: dict[str, list[str]] = {}
    for position, (found, row) in enumerate(zip(matched, sheet.rows, strict=True)):
        if found is not None and found.id not in loaded:
            if found.position != position:
                moved.append({"id": found.id, "position": position})
            continue
        task = loaded[found.id] if found else None
        if task is None:
            task = Task(
                plan_id=plan.id,
                slot=_new_slot(taken, row, position),
                content_hash="",
                assignments=[],
                milestones=[],
                section_title=titles.get(row.section),
            )
            session.add(task)
            taken.add(task.slot)
            report.added.append(task.slot)
        changed = _apply_row(session, task, row, directory, agencies)
        if not task.milestones:
            task.milestones.append(Milestone(label=NO_DEADLINE.label, position=0))
        task.position = position
        if changed and task.slot not in report.added:
            report.changed.append(task.slot)
            changes[task.slot] = changed
    gone = [{"id": t.id, "removed_at": now} for t in existing.values()]
    report.removed = [t.slot for t in existing.values()]
    session.flush()
    for values in (moved, gone):
        if values:
            session.execute(update(Task), values)
    forget_tasks(session, plan)
    target_changes: dict[str, list[str]] = {}
    if sheet.targets is not None:
        target_changes = _apply_targets(
            session, plan, sheet.targets, directory, agencies, now, report
        )
    report.task_count = live_tasks(session, plan.id)
    plan_corrected(session, plan.id)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="plan.correct",
        entity="plan",
        entity_id=plan.id,
        after={
            "added": report.added,
            "changed": changes,
            "removed": report.removed,
            "targets": {
                "added": report.targets_added,
                "changed": target_changes,
                "removed": report.targets_removed,
            },
        },
    )
    return report


def _apply_row(
    session: Session,
    task: Task,
    row: SheetRow,
    directory: AgencyDirectory,
    agencies: dict[str, Agency],
) -> list[str]:
    """Bring ``task`` to what the row says; the names of the fields that changed."""
    changed = []
    for name, value in _fields(row):
        if getattr(task, name) != value:
            setattr(task, name, value)
            changed.append(name)
    for role, text in ((Role.LEAD, row.lead), (Role.SUPPORT, row.support)):
        if _same_agencies([a.agency.name for a in task.assignments if a.role == role], text):
            continue
        for assignment in [a for a in task.assignments if a.role == role]:
            task.assignments.remove(assignment)
        resolutions, _findings = directory.resolve_list(text)
        for position, resolution in enumerate(resolutions):
            task.assignments.append(
                Assignment(
                    agency=agency_for(session, resolution, agencies),
                    role=role,
                    as_written=resolution.as_written,
                    position=position,
                )
            )
        changed.append(role.value)
    if _apply_dates(task, row.milestones):
        changed.append("milestones")
    return changed


def _fields(row: SheetRow) -> tuple[tuple[str, object], ...]:
    """The task's columns a row writes, by the task's attribute names."""
    return (
        ("section", row.section),
        ("number", row.number),
        ("activity_index", row.activity),
        ("title", row.title),
        ("objective", row.objective),
        ("product", row.product),
        ("deadline_text", row.deadline),
        ("budget_million_vnd", row.budget),
    )


def _same_agencies(names: list[str], text: str) -> bool:
    """Whether a row's agency cell names the agencies ``names`` as the export wrote them."""
    return " ".join("; ".join(names).split()) == text


def _differs(task: _StoredTask, row: SheetRow) -> bool:
    """Whether applying ``row`` would change ``task``: the test `_apply_row` makes, on the
    stored columns, so that a task whose row is as exported is not loaded at all."""
    return (
        any(getattr(task, name) != value for name, value in _fields(row))
        or not _same_agencies(task.names(Role.LEAD), row.lead)
        or not _same_agencies(task.names(Role.SUPPORT), row.support)
        or any(_new_dates(task.milestones, row.milestones))
    )


def _load_tasks(session: Session, ids: list[int]) -> dict[int, Task]:
    """The tasks ``ids`` with their assignments and milestones, by id."""
    loaded: dict[int, Task] = {}
    for part in chunks(ids):
        query = (
            select(Task)
            .where(Task.id.in_(part))
            .options(
                selectinload(Task.milestones),
                selectinload(Task.assignments).selectinload(Assignment.agency),
            )
        )
        loaded |= {task.id: task for task in session.scalars(query)}
    return loaded


def _new_dates(
    milestones: Sequence[Milestone | _StoredMilestone], dates: Sequence[SheetMilestone]
) -> tuple[list[tuple[int, date | None]], list[tuple[int, date]]]:
    """Each deadline takes its column's date, as the plan's own date (a correction of what was
    read, not an extension); a date in a new column adds a deadline, an emptied one leaves
    its deadline undated. Completed deadlines keep their dates. ``milestones`` in the order
    of their position; (index, date) of those whose date changes, and of the dates added."""
    redated = []
    for index, milestone in enumerate(milestones):
        due = dates[index].due if index < len(dates) else None
        if milestone.completed_on is None and milestone.original_due != due:
            redated.append((index, due))
    added = [(i, d.due) for i, d in enumerate(dates) if i >= len(milestones) and d.due]
    return redated, added


def _apply_dates(task: Task, dates: Sequence[SheetMilestone]) -> bool:
    """The task's deadlines brought to the row's dates (see `_new_dates`); whether any changed."""
    milestones = sorted(task.milestones, key=lambda m: m.position)
    redated, added = _new_dates(milestones, dates)
    for index, due in redated:
        milestones[index].due = milestones[index].original_due = due
    for index, due in added:
        task.milestones.append(
            Milestone(label=f"{due:%d/%m/%Y}", position=index, due=due, original_due=due)
        )
    return bool(redated or added)


def _new_slot(taken: set[str], row: SheetRow, position: int) -> str:
    base = f"{row.section or '-'}|{row.number}" if row.number else f"added|@{position}"
    slot, n = base, 1
    while slot in taken:
        n += 1
        slot = f"{base}#{n}"
    return slot


def _plan(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise UserError(NO_PLAN, id=plan_id)
    return plan


def _apply_targets(
    session: Session,
    plan: Plan,
    rows: Sequence[SheetTarget],
    directory: AgencyDirectory,
    agencies: dict[str, Agency],
    now: datetime,
    report: ImportReport,
) -> dict[str, list[str]]:
    """Bring the plan's targets to the targets' sheet: rows by their hidden code, rows added
    become targets of the coordinator's, rows deleted remove theirs. A target keeps the
    reading it was imported from (``content_hash``), so a correction stays until the
    document itself changes that target. The fields that changed, by target key."""
    existing = {
        t.key: t
        for t in session.scalars(
            select(Target)
            .where(Target.plan_id == plan.id, Target.removed_at.is_(None))
            .options(selectinload(Target.agencies).selectinload(TargetAgency.agency))
        )
    }
    # A target goes with its task: one whose task this workbook deleted is gone with it.
    tasks: dict[str, int] = {}
    numbered = session.execute(
        select(Task.id, Task.section, Task.number, Task.activity_index, Task.position)
        .where(Task.plan_id == plan.id)
        .order_by(Task.removed_at.is_not(None), Task.position, Task.id)
    )
    for task_id, section, number, activity_index, task_position in numbered:
        tasks.setdefault(task_label(section, number, activity_index, task_position), task_id)
        tasks.setdefault(".".join(p for p in (section, number) if p), task_id)
    changes: dict[str, list[str]] = {}
    for position, row in enumerate(rows):
        target = existing.pop(row.key, None) if row.key else None
        task_id = tasks.get(row.task) if row.task else None
        task = session.get(Task, task_id) if task_id is not None else None
        if row.task and task is None:
            raise UserError(UNKNOWN_TASK, task=row.task)
        if target is None:
            target = Target(
                plan_id=plan.id,
                key=_new_target_key(session, plan.id, row, position),
                source="added",
                content_hash="",
                agencies=[],
            )
            session.add(target)
            report.targets_added.append(target.key)
        target.position = position
        changed = []
        for name, value in (
            ("task", task),
            ("measure", row.measure),
            ("level", row.level),
            ("comparison", row.comparison),
            ("value", row.value),
            ("unit", row.unit),
            ("change", row.change),
            ("baseline", row.baseline),
            ("due", row.due),
        ):
            if getattr(target, name) != value:
                setattr(target, name, value)
                changed.append(name)
        if _assign(session, target, row.agencies, directory, agencies):
            changed.append("agencies")
        if changed and target.key not in report.targets_added:
            report.targets_changed.append(target.key)
            changes[target.key] = changed
    for target in existing.values():
        target.removed_at = now
        report.targets_removed.append(target.key)
    session.flush()
    return changes


def _assign(
    session: Session,
    target: Target,
    text: str,
    directory: AgencyDirectory,
    agencies: dict[str, Agency],
) -> bool:
    """The agencies answering for a target, as the sheet names them; those of its task's
    lead need no assignment of their own. Whether they changed."""
    current = "; ".join(a.name for a in responsible(target))
    if " ".join(current.split()) == text:
        return False
    resolutions, _findings = directory.resolve_list(text) if text else ([], [])
    named = [agency_for(session, r, agencies) for r in resolutions]
    leads = (
        [a.agency for a in target.task.assignments if a.role == Role.LEAD] if target.task else []
    )
    if [a.id for a in named] == [a.id for a in leads]:
        named = []
    target.agencies[:] = [TargetAgency(agency=a, position=n) for n, a in enumerate(named)]
    return True


def _new_target_key(session: Session, plan_id: int, row: SheetTarget, position: int) -> str:
    base = hashlib.sha256(f"added|{row.task}|{row.measure}|{row.level}|{position}".encode())
    key = "added-" + base.hexdigest()[:24]
    taken = set(session.scalars(select(Target.key).where(Target.plan_id == plan_id)))
    n = 1
    while key in taken:
        n += 1
        key = f"added-{base.hexdigest()[:24]}#{n}"
    return key
