"""Storing an imported plan: create it, or update it from an amended version, keeping progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from models import Agency, Assignment, Milestone, Plan, Role, Target, TargetAgency, Task
from planning.agencies import AgencyDirectory
from planning.importer import ImportedPlan, ImportedTarget, ImportedTask
from services import audit
from services.agencies import agency_for, sync_directory
from services.errors import UserError

NO_PLAN = N_("There is no plan #%(id)d.")


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
    plan = session.scalar(
        select(Plan)
        .where(Plan.identity == imported.identity)
        .options(
            selectinload(Plan.tasks).selectinload(Task.milestones),
            selectinload(Plan.tasks).selectinload(Task.assignments),
        )
    )
    if plan is not None and plan.source_sha256 == sha256:
        return ImportReport(plan_id=plan.id, unchanged=True, task_count=_live(plan))
    created = plan is None
    if plan is None:
        plan = Plan(identity=imported.identity, tasks=[])
        session.add(plan)
    _fill_plan(plan, imported, source_name, sha256, now)
    report = _merge_tasks(session, plan, imported, rows, now)
    session.flush()
    _merge_targets(session, plan, imported.targets, rows, now, report)
    session.flush()
    report.plan_id, report.created, report.task_count = plan.id, created, _live(plan)
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


def plan_identity_of(session: Session, plan_id: int) -> str:
    """What makes a document an amendment of plan ``plan_id`` (`plan import --plan ID`)."""
    identity = session.scalar(select(Plan.identity).where(Plan.id == plan_id))
    if identity is None:
        raise UserError(NO_PLAN, id=plan_id)
    return identity


def _live(plan: Plan) -> int:
    return sum(1 for t in plan.tasks if t.removed_at is None)


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
    session: Session, plan: Plan, imported: ImportedPlan, rows: dict[str, Agency], now: datetime
) -> ImportReport:
    report = ImportReport(plan_id=0)
    existing = {t.slot: t for t in plan.tasks}
    for position, item in enumerate(imported.tasks):
        task = existing.pop(item.slot, None)
        if task is None:
            task = Task(slot=item.slot, assignments=[], milestones=[])
            plan.tasks.append(task)
            report.added.append(item.slot)
        elif task.content_hash != item.content_hash or task.removed_at is not None:
            report.changed.append(item.slot)
        else:
            task.position = position
            continue
        task.position = position
        task.removed_at = None
        _fill_task(session, task, item, rows)
    for task in existing.values():
        if task.removed_at is None:
            task.removed_at = now
            report.removed.append(task.slot)
    return report


def _fill_task(session: Session, task: Task, item: ImportedTask, rows: dict[str, Agency]) -> None:
    raw = item.raw
    task.section = raw.section
    task.section_title = raw.section_title
    task.number = raw.number
    task.parent_number = raw.parent
    task.activity_index = raw.activity_index
    task.title = raw.title
    task.objective = raw.objective
    task.product = raw.product
    task.lead_as_written = raw.lead_text
    task.support_as_written = raw.support_text
    task.deadline_text = raw.deadline_text
    task.deadline_kind = item.deadline.kind
    task.budget_million_vnd = raw.budget_million_vnd
    task.content_hash = item.content_hash

    task.assignments.clear()
    for role, resolutions in ((Role.LEAD, item.lead), (Role.SUPPORT, item.support)):
        for position, resolution in enumerate(resolutions):
            task.assignments.append(
                Assignment(
                    agency=agency_for(session, resolution, rows),
                    role=role,
                    as_written=resolution.as_written,
                    position=position,
                )
            )

    # Milestones are matched by what they stand for, so completion recorded on an
    # unchanged milestone survives an amendment of another part of the task.
    old = {_milestone_key(m.level, m.period, m.label): m for m in task.milestones}
    kept: list[Milestone] = []
    for position, spec in enumerate(item.deadline.milestones):
        milestone = old.pop(_milestone_key(spec.level, spec.period, spec.label), None)
        if milestone is None:
            milestone = Milestone(label=spec.label, level=spec.level, period=spec.period)
        milestone.position = position
        if milestone.original_due != spec.due or milestone.due is None:
            # The plan set a new date; an extension granted against the old one lapses.
            milestone.due = milestone.original_due = spec.due
        kept.append(milestone)
    kept.extend(m for m in old.values() if m.completed_on is not None)
    task.milestones[:] = kept


def _milestone_key(level: str | None, period: str | None, label: str) -> tuple[str, str]:
    return (level or "", period or label)


def _merge_targets(
    session: Session,
    plan: Plan,
    targets: list[ImportedTarget],
    rows: dict[str, Agency],
    now: datetime,
    report: ImportReport,
) -> None:
    """Write the plan's targets (chỉ tiêu), matched by their key (what they measure, their
    level, their task): a target read as before is left as it is, with any correction a
    coordinator made; one read differently takes the new reading; one the plan no longer
    writes is marked removed. Values reported stay with their target either way."""
    existing = {t.key: t for t in session.scalars(select(Target).where(Target.plan_id == plan.id))}
    tasks = {t.slot: t for t in plan.tasks}
    for position, item in enumerate(targets):
        spec = item.target
        target = existing.pop(spec.key, None)
        if target is None:
            target = Target(plan_id=plan.id, key=spec.key, source=spec.source, agencies=[])
            session.add(target)
            report.targets_added.append(spec.key)
        elif target.content_hash == spec.content_hash and target.removed_at is None:
            target.position = position
            continue
        else:
            report.targets_changed.append(spec.key)
        figure = spec.figure
        target.position = position
        target.task = tasks.get(spec.slot) if spec.slot else None
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
