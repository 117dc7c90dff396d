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
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from i18n.formatting import amount, target_status_label
from models import Agency, Assignment, Milestone, Plan, Role, Target, TargetAgency, Task
from planning.agencies import AgencyDirectory
from planning.workbook import SheetMilestone, SheetPlan, SheetRow, SheetTarget, write_workbook
from services import audit
from services.agencies import agency_for, sync_directory
from services.errors import UserError
from services.plans import NO_PLAN, ImportReport
from services.targets import responsible, target_rows

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
    rows = [_sheet_row(task, gettext) for task in _live(plan)]
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


def _sheet_row(task: Task, gettext: Callable[[str], str]) -> SheetRow:
    leads = [a.agency for a in task.assignments if a.role == Role.LEAD]
    supports = [a.agency for a in task.assignments if a.role == Role.SUPPORT]
    warnings = []
    unverified = [a.name for a in leads + supports if not a.verified]
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
        lead="; ".join(a.name for a in leads),
        support="; ".join(a.name for a in supports),
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
    existing = {t.slot: t for t in plan.tasks if t.removed_at is None}
    titles = {t.section: t.section_title for t in plan.tasks if t.section}
    changes: dict[str, list[str]] = {}
    for position, row in enumerate(sheet.rows):
        task = existing.pop(row.slot, None) if row.slot else None
        if task is None:
            task = Task(
                slot=_new_slot(plan, row, position),
                content_hash="",
                assignments=[],
                milestones=[],
                section_title=titles.get(row.section),
            )
            plan.tasks.append(task)
            report.added.append(task.slot)
        changed = _apply_row(session, task, row, directory, agencies)
        task.position = position
        if changed and task.slot not in report.added:
            report.changed.append(task.slot)
            changes[task.slot] = changed
    for task in existing.values():
        task.removed_at = now
        report.removed.append(task.slot)
    session.flush()
    target_changes: dict[str, list[str]] = {}
    if sheet.targets is not None:
        target_changes = _apply_targets(
            session, plan, sheet.targets, directory, agencies, now, report
        )
    report.task_count = sum(1 for t in plan.tasks if t.removed_at is None)
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
    for name, value in (
        ("section", row.section),
        ("number", row.number),
        ("activity_index", row.activity),
        ("title", row.title),
        ("objective", row.objective),
        ("product", row.product),
        ("deadline_text", row.deadline),
        ("budget_million_vnd", row.budget),
    ):
        if getattr(task, name) != value:
            setattr(task, name, value)
            changed.append(name)
    for role, text in ((Role.LEAD, row.lead), (Role.SUPPORT, row.support)):
        current = "; ".join(a.agency.name for a in task.assignments if a.role == role)
        if " ".join(current.split()) == text:
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


def _apply_dates(task: Task, dates: Sequence[SheetMilestone]) -> bool:
    """Each deadline takes its column's date, as the plan's own date (a correction of what was
    read, not an extension); a date in a new column adds a deadline, an emptied one leaves
    its deadline undated. Completed deadlines keep their dates."""
    changed = False
    milestones = sorted(task.milestones, key=lambda m: m.position)
    for index, milestone in enumerate(milestones):
        due = dates[index].due if index < len(dates) else None
        if milestone.completed_on is None and milestone.original_due != due:
            milestone.due = milestone.original_due = due
            changed = True
    for index in range(len(milestones), len(dates)):
        due = dates[index].due
        if due is None:
            continue
        task.milestones.append(
            Milestone(label=f"{due:%d/%m/%Y}", position=index, due=due, original_due=due)
        )
        changed = True
    return changed


def _new_slot(plan: Plan, row: SheetRow, position: int) -> str:
    taken = {t.slot for t in plan.tasks}
    base = f"{row.section or '-'}|{row.number}" if row.number else f"added|@{position}"
    slot, n = base, 1
    while slot in taken:
        n += 1
        slot = f"{base}#{n}"
    return slot


def _plan(session: Session, plan_id: int) -> Plan:
    plan = session.scalar(
        select(Plan)
        .where(Plan.id == plan_id)
        .options(
            selectinload(Plan.tasks).selectinload(Task.milestones),
            selectinload(Plan.tasks).selectinload(Task.assignments).selectinload(Assignment.agency),
        )
    )
    if plan is None:
        raise UserError(NO_PLAN, id=plan_id)
    return plan


def _live(plan: Plan) -> list[Task]:
    return sorted((t for t in plan.tasks if t.removed_at is None), key=lambda t: t.position)


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
    tasks: dict[str, Task] = {}
    in_order = sorted(plan.tasks, key=lambda t: (t.removed_at is not None, t.position))
    for task in in_order:
        tasks.setdefault(task.label, task)
        tasks.setdefault(".".join(p for p in (task.section, task.number) if p), task)
    changes: dict[str, list[str]] = {}
    for position, row in enumerate(rows):
        target = existing.pop(row.key, None) if row.key else None
        task = tasks.get(row.task) if row.task else None
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
