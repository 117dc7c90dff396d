"""A coordinator corrects what the importer misread: a task's lead or coordinating agencies,
and a milestone's date. Each change is audited; re-importing the plan keeps it unless the
document's own row for the task changed."""

from __future__ import annotations

from datetime import date, datetime

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_
from models import Agency, AgencyAlias, Assignment, Milestone, Official, Role, Task
from planning.text import fold
from services import audit
from services.access import require_coordinator
from services.errors import UserError
from services.tasks import load_task
from services.vocabulary import plan_corrected

SEARCH_LIMIT = 8
CUTOFF = 60.0  # rapidfuzz's token_set_ratio, 0-100

LAST_LEAD = N_("A task needs a lead agency: add the new one first, then remove this one.")
ALREADY_THERE = N_("%(agency)s is already on this task.")
MILESTONE_GONE = N_("This deadline no longer exists in the plan.")
AGENCY_GONE = N_("This agency is no longer in the directory.")


def find_agencies(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[Agency]:
    """Agencies whose name or alias matches part of a name as typed ("tư pháp", "so tttt",
    "ubnd xa"), best first; dissolved agencies left out."""
    wanted = fold(text)
    if not wanted:
        return []
    names: dict[str, int] = {}  # every folded name and alias -> its agency
    for agency_id, name in session.execute(
        select(Agency.id, Agency.name).where(Agency.dissolved_from.is_(None))
    ):
        names.setdefault(fold(name), agency_id)
    for agency_id, folded in session.execute(
        select(AgencyAlias.agency_id, AgencyAlias.folded)
        .join(Agency, Agency.id == AgencyAlias.agency_id)
        .where(Agency.dissolved_from.is_(None))
    ):
        names.setdefault(folded, agency_id)
    # Names holding every typed word come first, shortest first ("tư pháp": Sở Tư pháp before
    # Phòng Tư pháp cấp xã); then the closest by fuzzy matching, for typos.
    words = wanted.split()
    containing = sorted((name for name in names if all(word in name for word in words)), key=len)
    fuzzy = process.extract(
        wanted,
        list(names),
        scorer=fuzz.token_set_ratio,
        limit=limit * 3,
        score_cutoff=CUTOFF,
    )
    ordered = [names[n] for n in containing] + [names[n] for n, _score, _i in fuzzy]
    unique = list(dict.fromkeys(ordered))[:limit]
    rows = {a.id: a for a in session.scalars(select(Agency).where(Agency.id.in_(unique)))}
    return [rows[i] for i in unique if i in rows]


def add_agency(
    session: Session, official: Official, task_id: int, role: Role, agency_id: int, now: datetime
) -> Task:
    require_coordinator(official)
    task = load_task(session, task_id)
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise UserError(AGENCY_GONE)
    if any(a.agency_id == agency_id and a.role == role for a in task.assignments):
        raise UserError(ALREADY_THERE, agency=agency.name)
    before = _agencies(task)
    task.assignments.append(
        Assignment(
            agency_id=agency_id,
            role=role,
            as_written=agency.name,
            position=len(task.assignments),
        )
    )
    session.flush()
    _audit(session, official, task, "task.assign", before, now)
    return task


def remove_agency(
    session: Session, official: Official, task_id: int, role: Role, agency_id: int, now: datetime
) -> Task:
    require_coordinator(official)
    task = load_task(session, task_id)
    leads = [a for a in task.assignments if a.role == Role.LEAD]
    if role == Role.LEAD and [a.agency_id for a in leads] == [agency_id]:
        raise UserError(LAST_LEAD)
    before = _agencies(task)
    for assignment in list(task.assignments):
        if assignment.agency_id == agency_id and assignment.role == role:
            task.assignments.remove(assignment)
    session.flush()
    _audit(session, official, task, "task.unassign", before, now)
    return task


def milestone(session: Session, milestone_id: int) -> Milestone:
    found = session.get(Milestone, milestone_id)
    if found is None or found.task.removed_at is not None:
        raise UserError(MILESTONE_GONE)
    return found


def correct_due(
    session: Session, official: Official, milestone_id: int, due: date, now: datetime
) -> Milestone:
    """The plan's date of a milestone, as the coordinator reads the document: what the
    statistics judge against (``original_due``) and the current due date both move."""
    require_coordinator(official)
    corrected = milestone(session, milestone_id)
    before = {"due": _iso(corrected.due), "original_due": _iso(corrected.original_due)}
    corrected.due = corrected.original_due = due
    session.flush()
    plan_corrected(session, corrected.task.plan_id)
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="milestone.correct",
        entity="milestone",
        entity_id=corrected.id,
        before=before,
        after={"due": due.isoformat(), "original_due": due.isoformat()},
    )
    return corrected


def _agencies(task: Task) -> dict[str, object]:
    return {
        "lead": [a.agency.name for a in task.assignments if a.role == Role.LEAD],
        "support": [a.agency.name for a in task.assignments if a.role == Role.SUPPORT],
    }


def _audit(
    session: Session,
    official: Official,
    task: Task,
    action: str,
    before: dict[str, object],
    now: datetime,
) -> None:
    plan_corrected(session, task.plan_id)
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action=action,
        entity="task",
        entity_id=task.id,
        before=before,
        after=_agencies(task),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
