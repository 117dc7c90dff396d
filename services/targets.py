"""Targets (chỉ tiêu): an agency's targets, a target's card and history, recording the value
achieved, and where every target stands (đạt, chưa đạt, chưa báo cáo, quá hạn báo cáo).

Who answers for a target: the agencies assigned to it, else its task's lead agencies (an
objective of the plan as a whole has none until a coordinator assigns one). Who may report
its value (``may_report``): an official or focal point of such an agency (mergers and groups
as ``services.access.agency_scope`` counts them), or a coordinator on an agency's behalf.
Steering members see counts only. Every value is kept with who and when; the latest counts.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from models import (
    Agency,
    Assignment,
    Official,
    OfficialRole,
    Role,
    Target,
    TargetAgency,
    TargetStatus,
    TargetValue,
    Task,
)
from models.target import judge_target
from planning.targets import PERCENT, parse_achieved
from services import audit, permissions
from services.access import agency_scope, is_coordinator
from services.errors import NotAllowed, UserError
from services.evidence import ALLOWED, checked_suffix, store_file
from services.permissions import Act, Relation, Who
from services.tasks import load_task

# Who may enter a target's value, for the permission table: an official or focal point of
# an agency answering for the target, or a coordinator (Sở Nội vụ) on an agency's behalf.

TARGET_GONE = N_("This target no longer exists in the plan.")
NOT_YOUR_TARGET = N_("This target is not one your agency answers for.")
BAD_VALUE = N_(
    "Please type the value achieved as a number (for example 62 or 62,5) or as x/y "
    "(for example 45/60)."
)
BAD_COUNT = N_("This target counts %(unit)s: please type a number, for example 3.")
VALUE_GONE = N_("This value no longer exists.")
NOTE_LIMIT = 2000
HISTORY_LIMIT = 10


@dataclass(frozen=True)
class TargetRow:
    """A live target with where it stands; ``number`` is its place in the plan (1, 2 ...),
    the same in every list; ``task_label`` the task it belongs to ("VII.4"), if any."""

    id: int
    key: str
    plan_id: int
    number: int
    task_id: int | None
    task_label: str | None
    section: str | None
    section_title: str | None
    measure: str
    level: str | None
    comparison: str
    value: Decimal
    unit: str
    change: str | None
    baseline: str | None
    due: date | None
    agencies: tuple[str, ...]
    agency_ids: frozenset[int]
    status: TargetStatus
    latest: Decimal | None = None
    latest_fraction: tuple[Decimal, Decimal] | None = None
    latest_at: datetime | None = None
    latest_note: str | None = None


@dataclass(frozen=True)
class TargetSummary:
    """Targets by status, for /tiendo, /baocao and the digests."""

    rows: list[TargetRow]
    counts: dict[TargetStatus, int] = field(default_factory=dict)

    def __getitem__(self, status: TargetStatus) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return len(self.rows)

    def where(self, *statuses: TargetStatus) -> list[TargetRow]:
        return [r for r in self.rows if r.status in statuses]

    @classmethod
    def of(cls, rows: Sequence[TargetRow]) -> TargetSummary:
        return cls(list(rows), dict(Counter(r.status for r in rows)))


@dataclass(frozen=True)
class ValueEntry:
    id: int
    value: Decimal
    fraction: tuple[Decimal, Decimal] | None
    note: str | None
    who: str
    agency: str
    at: datetime
    evidence_name: str | None


@dataclass(frozen=True)
class TargetCard:
    row: TargetRow
    text: str
    history: list[ValueEntry]
    can_report: bool


# ---------------------------------------------------------------------------- reading


def _live_targets(session: Session, plan_id: int | None) -> list[Target]:
    query = (
        select(Target)
        .outerjoin(Task, Task.id == Target.task_id)
        .where(Target.removed_at.is_(None), Task.removed_at.is_(None))
        .options(
            selectinload(Target.agencies).selectinload(TargetAgency.agency),
            selectinload(Target.task)
            .selectinload(Task.assignments)
            .selectinload(Assignment.agency),
        )
        .order_by(Target.plan_id, Target.position, Target.id)
    )
    if plan_id is not None:
        query = query.where(Target.plan_id == plan_id)
    return list(session.scalars(query))


def responsible(target: Target) -> list[Agency]:
    """The agencies answering for ``target``: those assigned, else its task's leads."""
    if target.agencies:
        return [a.agency for a in target.agencies]
    if target.task is not None:
        return [a.agency for a in target.task.assignments if a.role == Role.LEAD]
    return []


def _latest(
    session: Session, target_ids: Iterable[int], until: datetime | None
) -> dict[int, TargetValue]:
    """The latest value of each target reported up to ``until`` (None: any time)."""
    ids = list(target_ids)
    if not ids:
        return {}
    query = (
        select(TargetValue)
        .where(TargetValue.target_id.in_(ids))
        .order_by(TargetValue.reported_at, TargetValue.id)
    )
    if until is not None:
        query = query.where(TargetValue.reported_at <= until)
    return {v.target_id: v for v in session.scalars(query)}


def target_rows(
    session: Session,
    today: date,
    *,
    plan_id: int | None = None,
    until: datetime | None = None,
) -> list[TargetRow]:
    """Every live target in plan order, judged on ``today`` by the latest value reported up to
    ``until`` (a report for a period that has ended judges by what was known at its end)."""
    targets = _live_targets(session, plan_id)
    latest = _latest(session, (t.id for t in targets), until)
    rows: list[TargetRow] = []
    numbers: Counter[int] = Counter()
    for target in targets:
        numbers[target.plan_id] += 1
        rows.append(_row(target, numbers[target.plan_id], latest.get(target.id), today))
    return rows


def _row(target: Target, number: int, value: TargetValue | None, today: date) -> TargetRow:
    agencies = responsible(target)
    task = target.task
    fraction = None
    if value is not None and value.numerator is not None and value.denominator is not None:
        fraction = (value.numerator, value.denominator)
    return TargetRow(
        id=target.id,
        key=target.key,
        plan_id=target.plan_id,
        number=number,
        task_id=task.id if task else None,
        task_label=task.label if task else None,
        section=task.section if task else None,
        section_title=task.section_title if task else None,
        measure=target.measure,
        level=target.level,
        comparison=target.comparison,
        value=target.value,
        unit=target.unit,
        change=target.change,
        baseline=target.baseline,
        due=target.due,
        agencies=tuple(a.name for a in agencies),
        agency_ids=frozenset(a.id for a in agencies),
        status=judge_target(
            target.comparison, target.value, target.due, value.value if value else None, today
        ),
        latest=value.value if value else None,
        latest_fraction=fraction,
        latest_at=value.reported_at if value else None,
        latest_note=value.note if value else None,
    )


def summarize(
    session: Session,
    today: date,
    *,
    plan_id: int | None = None,
    agency_id: int | None = None,
    until: datetime | None = None,
) -> TargetSummary:
    """Where the targets stand on ``today`` (of one plan, of one agency's scope): the one
    call for /tiendo, /baocao, the coordinator's summary and the weekly digest."""
    rows = target_rows(session, today, plan_id=plan_id, until=until)
    if agency_id is not None:
        scope = agency_scope(session, agency_id, today)
        rows = [r for r in rows if r.agency_ids & scope]
    return TargetSummary.of(rows)


def targets_of(
    session: Session, official: Official, today: date, plan_id: int | None = None
) -> list[TargetRow]:
    """The targets an official works on: its agency's (a coordinator: all). Worst first:
    overdue reports, not met, not reported, met; then in plan order."""
    if official.role == OfficialRole.STEERING:
        raise NotAllowed(NOT_YOUR_TARGET)
    rows = target_rows(session, today, plan_id=plan_id)
    if not is_coordinator(official):
        scope = agency_scope(session, official.agency_id, today)
        rows = [r for r in rows if r.agency_ids & scope]
    order = {s: n for n, s in enumerate(STATUS_ORDER)}
    return sorted(rows, key=lambda r: (order[r.status], r.plan_id, r.number))


STATUS_ORDER = (
    TargetStatus.REPORT_OVERDUE,
    TargetStatus.NOT_MET,
    TargetStatus.NOT_REPORTED,
    TargetStatus.MET,
)


def task_targets(
    session: Session, official: Official, task_id: int, today: date
) -> list[TargetRow]:
    """The targets of one task, in plan order, for anyone who may see the task."""
    permissions.require(session, official, Act.VIEW, load_task(session, task_id), today)
    rows = [r for r in targets_of(session, official, today) if r.task_id == task_id]
    return sorted(rows, key=lambda r: r.number)


def load_target(session: Session, target_id: int) -> Target:
    target = session.scalar(
        select(Target)
        .where(Target.id == target_id)
        .options(
            selectinload(Target.agencies).selectinload(TargetAgency.agency),
            selectinload(Target.task)
            .selectinload(Task.assignments)
            .selectinload(Assignment.agency),
        )
    )
    if (
        target is None
        or target.removed_at is not None
        or (target.task is not None and target.task.removed_at is not None)
    ):
        raise NotAllowed(TARGET_GONE)
    return target


def may_report(session: Session, official: Official, target: Target, today: date) -> bool:
    """What the permission table says of ``Act.TARGET``, the agencies answering for the target
    counting as its leads: their officials and focal points, and any coordinator."""
    who = Who.of(official)
    if not official.active or not permissions.may(who, Act.TARGET):
        return False
    scope = agency_scope(session, official.agency_id, today)
    answers = any(a.id in scope for a in responsible(target))
    return permissions.may(who, Act.TARGET, Relation.LEADS if answers else Relation.NEITHER)


def require_reporter(session: Session, official: Official, target_id: int, today: date) -> Target:
    """The target, if the official may report its value; NotAllowed otherwise."""
    target = load_target(session, target_id)
    if not may_report(session, official, target, today):
        raise NotAllowed(NOT_YOUR_TARGET)
    return target


def target_card(session: Session, official: Official, target_id: int, today: date) -> TargetCard:
    target = require_reporter(session, official, target_id, today)
    (row,) = [r for r in target_rows(session, today, plan_id=target.plan_id) if r.id == target.id]
    return TargetCard(
        row=row,
        text=target.text,
        history=history(session, target.id),
        can_report=may_report(session, official, target, today),
    )


def history(session: Session, target_id: int, limit: int = HISTORY_LIMIT) -> list[ValueEntry]:
    """The values reported for a target, newest first."""
    values = session.scalars(
        select(TargetValue)
        .where(TargetValue.target_id == target_id)
        .order_by(TargetValue.reported_at.desc(), TargetValue.id.desc())
        .limit(limit)
    ).all()
    people = {
        o.id: o
        for o in session.scalars(
            select(Official)
            .where(Official.id.in_({v.official_id for v in values if v.official_id}))
            .options(selectinload(Official.agency))
        )
    }
    entries = []
    for value in values:
        person = people.get(value.official_id) if value.official_id else None
        fraction = None
        if value.numerator is not None and value.denominator is not None:
            fraction = (value.numerator, value.denominator)
        entries.append(
            ValueEntry(
                id=value.id,
                value=value.value,
                fraction=fraction,
                note=value.note,
                who=person.full_name if person else "—",
                agency=person.agency.name if person else "—",
                at=value.reported_at,
                evidence_name=value.evidence_name,
            )
        )
    return entries


# ---------------------------------------------------------------------------- writing


def record_value(
    session: Session,
    official: Official,
    target_id: int,
    text: str,
    note: str | None,
    now: datetime,
) -> TargetValue:
    """An agency reports the value it achieved: a number, or "x/y" kept and read as a
    percentage; with an optional note. Audited."""
    target = require_reporter(session, official, target_id, now.date())
    achieved = parse_achieved(text, target.unit)
    if achieved is None:
        if target.unit != PERCENT and "/" in text:
            raise UserError(BAD_COUNT, unit=target.unit)
        raise UserError(BAD_VALUE)
    note = (note or "").strip()[:NOTE_LIMIT] or None
    value = TargetValue(
        target_id=target.id,
        official_id=official.id,
        value=achieved.value,
        numerator=achieved.numerator,
        denominator=achieved.denominator,
        note=note,
        reported_at=now,
    )
    session.add(value)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="target.value",
        entity="target_value",
        entity_id=value.id,
        after={
            "target_id": target.id,
            "value": str(achieved.value),
            "as_written": text.strip()[:40],
            "note": note,
        },
    )
    return value


def attach_value_evidence(
    session: Session,
    official: Official,
    value_id: int,
    *,
    name: str,
    mime_type: str | None,
    content: bytes,
    evidence_dir: Path,
    now: datetime,
) -> TargetValue:
    """A file (PDF, Word, Excel, JPEG, PNG; checked as task evidence is) as the evidence of a
    value, stored once by its SHA-256. The value's reporter, or a coordinator; a second file
    takes the place of the first, both audited."""
    value = session.get(TargetValue, value_id)
    if value is None:
        raise NotAllowed(VALUE_GONE)
    target = load_target(session, value.target_id)
    if value.official_id != official.id and not is_coordinator(official):
        raise NotAllowed(NOT_YOUR_TARGET)
    if not may_report(session, official, target, now.date()):
        raise NotAllowed(NOT_YOUR_TARGET)
    suffix = checked_suffix(name, mime_type, content)
    path = store_file(evidence_dir, content, suffix)
    before = {"sha256": value.evidence_sha256, "name": value.evidence_name}
    value.evidence_sha256 = hashlib.sha256(content).hexdigest()
    value.evidence_name = PurePath(name).name[:300]
    value.evidence_mime = ALLOWED[suffix]
    value.evidence_path = str(path)
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="target.evidence",
        entity="target_value",
        entity_id=value.id,
        before=before if before["sha256"] else None,
        after={"sha256": value.evidence_sha256, "name": value.evidence_name},
    )
    return value
