"""Completion and extension requests, the coordinator's verification, notes and a task's history.

A lead agency (cơ quan chủ trì) reports a task done (báo hoàn thành) or asks for more time
(xin gia hạn); a coordinator (Sở Nội vụ) approves or rejects; a support agency (cơ quan phối
hợp) adds notes. Every change writes an audit row; the caller's handler tells the people
concerned through the outbox in the same unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from i18n import N_
from models import (
    Agency,
    AgencyGroupMember,
    AuditLog,
    Evidence,
    Milestone,
    MilestoneStatus,
    Official,
    OfficialRole,
    ProgressReport,
    Role,
    Task,
)
from services import audit, permissions
from services.errors import UserError
from services.permissions import Act
from services.tasks import load_task

COMPLETION = "completion"
EXTENSION = "extension"
NOTE = "note"
APPROVED = "approved"
REJECTED = "rejected"

NEED_EVIDENCE = N_(
    "Send at least one evidence file first (tap Send evidence), then report the task done."
)
ALREADY_DONE = N_("This task is already done.")
COMPLETION_WAITING = N_("A completion report for this task is already waiting for a coordinator.")
EXTENSION_WAITING = N_(
    "An extension request for this deadline is already waiting for a coordinator."
)
NO_DEADLINE = N_("This task has no deadline to extend.")
DATE_NOT_LATER = N_("The new date must be later than the current deadline %(date)s.")
DATE_PAST = N_("The new date must not be in the past.")
REQUEST_GONE = N_("This request no longer exists.")
EMPTY_TEXT = N_("Please type some text.")
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class Request:
    """A completion or extension request just recorded, and the coordinators to ask."""

    report: ProgressReport
    task: Task
    milestone: Milestone | None
    coordinators: list[Official]


@dataclass(frozen=True)
class Decision:
    """A coordinator's answer; ``already`` when the request had been answered before."""

    report: ProgressReport
    task: Task
    milestone: Milestone | None
    approved: bool
    already: bool
    reason: str | None
    lead_officials: list[Official]


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a task's history (lịch sử): a report, a request, a decision or a file."""

    at: datetime
    kind: str  # progress, note, completion, extension, explanation, decision, evidence
    who: str  # the agency that acted
    percent: int | None = None
    note: str | None = None
    requested_date: date | None = None
    request_kind: str | None = None  # for a decision: what was decided
    approved: bool | None = None
    file_name: str | None = None


# --- who may do what (services.permissions)


def require_lead(session: Session, official: Official, task: Task, today: date) -> None:
    """Only the lead agency's officials and focal points send evidence, report done and ask for
    more time; a coordinator verifies, so it does not report on its own behalf."""
    permissions.require(session, official, Act.REPORT, task, today)


def coordinators(session: Session) -> list[Official]:
    return list(
        session.scalars(
            select(Official)
            .where(Official.role == OfficialRole.COORDINATOR, Official.active.is_(True))
            .order_by(Official.id)
        )
    )


def lead_officials(session: Session, task: Task, today: date) -> list[Official]:
    """The officials and focal points of the agencies leading ``task`` today (after mergers,
    and every member when a group such as "Các Sở, ban, ngành" leads)."""
    leads = {a.agency_id for a in task.assignments if a.role == Role.LEAD}
    members = session.scalars(
        select(AgencyGroupMember.member_id).where(AgencyGroupMember.group_id.in_(leads))
    )
    leads.update(members)
    agencies = session.scalars(select(Agency).where(Agency.id.in_(leads))).all()
    current = {a.current(today).id for a in agencies}
    return list(
        session.scalars(
            select(Official)
            .where(
                Official.agency_id.in_(current),
                Official.active.is_(True),
                Official.role.in_((OfficialRole.OFFICIAL, OfficialRole.FOCAL)),
            )
            .order_by(Official.id)
        )
    )


def evidence_count(session: Session, task_id: int) -> int:
    return session.scalar(select(func.count(Evidence.id)).where(Evidence.task_id == task_id)) or 0


def _open_request(session: Session, kind: str, task_id: int) -> ProgressReport | None:
    return session.scalar(
        select(ProgressReport)
        .where(
            ProgressReport.task_id == task_id,
            ProgressReport.kind == kind,
            ProgressReport.decision.is_(None),
        )
        .order_by(ProgressReport.id.desc())
        .limit(1)
    )


def _actor(official: Official) -> str:
    return f"official:{official.id}"


def _file(
    session: Session,
    official: Official,
    *,
    task_id: int,
    milestone_id: int | None,
    kind: str,
    action: str,
    now: datetime,
    after: dict[str, object],
    note: str | None = None,
    requested_date: date | None = None,
) -> ProgressReport:
    """A lead agency's report or request on a task, written with its audit row."""
    report = ProgressReport(
        task_id=task_id,
        milestone_id=milestone_id,
        official_id=official.id,
        kind=kind,
        note=note,
        requested_date=requested_date,
        created_at=now,
    )
    session.add(report)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=_actor(official),
        actor_official_id=official.id,
        action=action,
        entity="progress_report",
        entity_id=report.id,
        after=after,
    )
    return report


# --- completion (báo hoàn thành)


def request_completion(
    session: Session, official: Official, task_id: int, now: datetime
) -> Request:
    """The lead agency reports the task's current milestone done; evidence must come first."""
    task = load_task(session, task_id)
    require_lead(session, official, task, now.date())
    milestone = task.current_milestone()
    if milestone is not None and milestone.completed_on is not None:
        raise UserError(ALREADY_DONE)
    if evidence_count(session, task.id) == 0:
        raise UserError(NEED_EVIDENCE)
    if _open_request(session, COMPLETION, task.id) is not None:
        raise UserError(COMPLETION_WAITING)
    milestone_id = milestone.id if milestone else None
    report = _file(
        session,
        official,
        task_id=task.id,
        milestone_id=milestone_id,
        kind=COMPLETION,
        action="task.report_done",
        now=now,
        after={"task_id": task.id, "milestone_id": milestone_id, "kind": COMPLETION},
    )
    return Request(report, task, milestone, coordinators(session))


# --- extension (xin gia hạn)


def extension_target(session: Session, official: Official, task_id: int, today: date) -> Milestone:
    """The milestone an extension would move: the task's current open, dated one."""
    task = load_task(session, task_id)
    require_lead(session, official, task, today)
    milestone = task.current_milestone()
    if milestone is None or milestone.due is None:
        raise UserError(NO_DEADLINE)
    if milestone.completed_on is not None:
        raise UserError(ALREADY_DONE)
    if _open_request(session, EXTENSION, task.id) is not None:
        raise UserError(EXTENSION_WAITING)
    return milestone


def check_new_due(milestone: Milestone, new_due: date, today: date) -> None:
    assert milestone.due is not None
    if new_due <= milestone.due:
        raise UserError(DATE_NOT_LATER, date=f"{milestone.due:%d/%m/%Y}")
    if new_due < today:
        raise UserError(DATE_PAST)


def request_extension(
    session: Session,
    official: Official,
    task_id: int,
    new_due: date,
    reason: str,
    now: datetime,
) -> Request:
    """The lead agency asks to move the current milestone to ``new_due``, saying why."""
    reason = reason.strip()[:NOTE_LIMIT]
    if not reason:
        raise UserError(EMPTY_TEXT)
    milestone = extension_target(session, official, task_id, now.date())
    check_new_due(milestone, new_due, now.date())
    report = _file(
        session,
        official,
        task_id=milestone.task_id,
        milestone_id=milestone.id,
        kind=EXTENSION,
        action="task.ask_extension",
        now=now,
        note=reason,
        requested_date=new_due,
        after={
            "task_id": milestone.task_id,
            "milestone_id": milestone.id,
            "due": milestone.due.isoformat() if milestone.due else None,
            "requested_date": new_due.isoformat(),
            "reason": reason,
        },
    )
    return Request(report, milestone.task, milestone, coordinators(session))


# --- the coordinator's answer


def open_request(session: Session, coordinator: Official, report_id: int) -> ProgressReport:
    """A request a coordinator is about to answer (the reject step checks it before asking)."""
    permissions.require_any(coordinator, Act.DECIDE)
    report = session.get(ProgressReport, report_id)
    if report is None or report.kind not in (COMPLETION, EXTENSION):
        raise UserError(REQUEST_GONE)
    task = load_task(session, report.task_id)
    permissions.require(session, coordinator, Act.DECIDE, task, report.created_at.date())
    return report


def decide(
    session: Session,
    coordinator: Official,
    report_id: int,
    *,
    approve: bool,
    reason: str | None,
    now: datetime,
) -> Decision:
    """Approve or reject a request; answering an answered request changes nothing.

    An approved completion marks the milestone done on the date it was reported (not the
    approval date) and verified now; an approved extension moves ``due`` and leaves
    ``original_due``, which the statistics judge by.
    """
    permissions.require_any(coordinator, Act.DECIDE)
    query = select(ProgressReport).where(ProgressReport.id == report_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    report = session.scalar(query)
    if report is None or report.kind not in (COMPLETION, EXTENSION):
        raise UserError(REQUEST_GONE)
    task = load_task(session, report.task_id)
    today = now.date()
    permissions.require(session, coordinator, Act.DECIDE, task, today)
    milestone = session.get(Milestone, report.milestone_id) if report.milestone_id else None
    if report.decision is not None:
        return Decision(
            report,
            task,
            milestone,
            approved=report.decision == APPROVED,
            already=True,
            reason=None,
            lead_officials=[],
        )
    reason = (reason or "").strip()[:NOTE_LIMIT] or None
    before: dict[str, object] = {"decision": None}
    after: dict[str, object] = {"decision": APPROVED if approve else REJECTED, "reason": reason}
    if approve and milestone is not None:
        before |= _milestone_state(milestone)
        if report.kind == COMPLETION:
            if milestone.completed_on is None:
                milestone.completed_on = report.created_at.astimezone(now.tzinfo).date()
            milestone.verified_at = now
        elif report.requested_date is not None:
            if milestone.original_due is None:
                milestone.original_due = milestone.due
            milestone.due = report.requested_date
        after |= _milestone_state(milestone)
    if approve and report.kind == COMPLETION:
        before["progress"] = task.progress_percent
        if all(m.completed_on is not None for m in task.milestones):
            task.progress_percent = 100
        after["progress"] = task.progress_percent
    report.decision = APPROVED if approve else REJECTED
    report.decided_by_id = coordinator.id
    report.decided_at = now
    session.flush()
    audit.record(
        session,
        at=now,
        actor=_actor(coordinator),
        actor_official_id=coordinator.id,
        action=f"{report.kind}.{'approve' if approve else 'reject'}",
        entity="progress_report",
        entity_id=report.id,
        before=before,
        after=after,
    )
    return Decision(
        report,
        task,
        milestone,
        approved=approve,
        already=False,
        reason=reason,
        lead_officials=lead_officials(session, task, today),
    )


def _milestone_state(milestone: Milestone) -> dict[str, object]:
    return {
        "milestone_id": milestone.id,
        "due": milestone.due.isoformat() if milestone.due else None,
        "original_due": milestone.original_due.isoformat() if milestone.original_due else None,
        "completed_on": milestone.completed_on.isoformat() if milestone.completed_on else None,
        "verified_at": milestone.verified_at.isoformat() if milestone.verified_at else None,
    }


def milestone_status(milestone: Milestone | None, today: date) -> MilestoneStatus:
    return milestone.status(today) if milestone else MilestoneStatus.UNDATED


# --- notes (ghi chú) and history (lịch sử)


def add_note(
    session: Session, official: Official, task_id: int, text: str, now: datetime
) -> tuple[ProgressReport, Task]:
    """An agency with a part in the task (a support agency, typically) adds a note."""
    text = text.strip()[:NOTE_LIMIT]
    if not text:
        raise UserError(EMPTY_TEXT)
    task = load_task(session, task_id)
    permissions.require(session, official, Act.NOTE, task, now.date())
    report = ProgressReport(
        task_id=task.id, official_id=official.id, kind=NOTE, note=text, created_at=now
    )
    session.add(report)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=_actor(official),
        actor_official_id=official.id,
        action="task.note",
        entity="progress_report",
        entity_id=report.id,
        after={"task_id": task.id, "note": text},
    )
    return report, task


def history(
    session: Session, official: Official, task_id: int, today: date, limit: int = 15
) -> tuple[Task, list[HistoryEntry]]:
    """The task's reports, requests, decisions and evidence files, newest first."""
    task = load_task(session, task_id)
    permissions.require(session, official, Act.VIEW, task, today)
    reports = session.scalars(select(ProgressReport).where(ProgressReport.task_id == task.id)).all()
    files = session.scalars(select(Evidence).where(Evidence.task_id == task.id)).all()
    people = {o.id: o for o in _officials(session, reports, files)}

    def who(official_id: int | None) -> str:
        person = people.get(official_id) if official_id else None
        return person.agency.name if person else "—"

    reasons = _decision_reasons(session, [r.id for r in reports if r.decision])
    # Sorted by time, then by the order things were written (the clock may not have moved).
    keyed: list[tuple[datetime, int, int, HistoryEntry]] = []
    for r in reports:
        keyed.append(
            (
                r.created_at,
                0,
                r.id,
                HistoryEntry(
                    at=r.created_at,
                    kind=r.kind,
                    who=who(r.official_id),
                    percent=r.percent,
                    note=r.note,
                    requested_date=r.requested_date,
                ),
            )
        )
        if r.decision and r.decided_at:
            keyed.append(
                (
                    r.decided_at,
                    1,
                    r.id,
                    HistoryEntry(
                        at=r.decided_at,
                        kind="decision",
                        who=who(r.decided_by_id),
                        note=reasons.get(r.id),
                        requested_date=r.requested_date,
                        request_kind=r.kind,
                        approved=r.decision == APPROVED,
                    ),
                )
            )
    for e in files:
        entry = HistoryEntry(
            at=e.created_at, kind="evidence", who=who(e.official_id), file_name=e.original_name
        )
        keyed.append((e.created_at, 0, e.id, entry))
    keyed.sort(key=lambda item: item[:3], reverse=True)
    return task, [item[3] for item in keyed[:limit]]


def _officials(
    session: Session, reports: Sequence[ProgressReport], files: Sequence[Evidence]
) -> list[Official]:
    ids = {r.official_id for r in reports} | {r.decided_by_id for r in reports}
    ids |= {e.official_id for e in files}
    ids.discard(None)
    if not ids:
        return []
    return list(session.scalars(select(Official).where(Official.id.in_(ids))))


def _decision_reasons(session: Session, report_ids: list[int]) -> dict[int, str]:
    """The reason a coordinator gave, kept with the decision in the audit log."""
    if not report_ids:
        return {}
    rows = session.scalars(
        select(AuditLog).where(
            AuditLog.entity == "progress_report",
            AuditLog.entity_id.in_(report_ids),
            AuditLog.action.in_(
                [f"{k}.{d}" for k in (COMPLETION, EXTENSION) for d in ("approve", "reject")]
            ),
        )
    )
    reasons: dict[int, str] = {}
    for row in rows:
        reason = (row.after or {}).get("reason")
        if row.entity_id is not None and isinstance(reason, str) and reason:
            reasons[row.entity_id] = reason
    return reasons


# --- explanations (giải trình) of a delay, asked for when an overdue task reaches the
# coordinators

EXPLANATION = "explanation"
EXPECTED_NOT_LATER = N_("The expected date must be later than today.")
NOTHING_TO_EXPLAIN = N_("This task has no open deadline to explain.")


@dataclass(frozen=True)
class Explanation:
    report: ProgressReport
    task: Task
    milestone: Milestone
    coordinators: list[Official]


def explanation_target(
    session: Session, official: Official, task_id: int, today: date
) -> Milestone:
    """The milestone an explanation is about: the task's current open, dated one."""
    task = load_task(session, task_id)
    require_lead(session, official, task, today)
    milestone = task.current_milestone()
    if milestone is None or milestone.due is None or milestone.completed_on is not None:
        raise UserError(NOTHING_TO_EXPLAIN)
    return milestone


def record_explanation(
    session: Session,
    official: Official,
    task_id: int,
    reason: str,
    expected: date,
    now: datetime,
) -> Explanation:
    """The lead agency's explanation of a delay: the reason and the date it expects to finish."""
    reason = reason.strip()[:NOTE_LIMIT]
    if not reason:
        raise UserError(EMPTY_TEXT)
    if expected <= now.date():
        raise UserError(EXPECTED_NOT_LATER)
    milestone = explanation_target(session, official, task_id, now.date())
    report = _file(
        session,
        official,
        task_id=milestone.task_id,
        milestone_id=milestone.id,
        kind=EXPLANATION,
        action="task.explain",
        now=now,
        note=reason,
        requested_date=expected,
        after={
            "task_id": milestone.task_id,
            "milestone_id": milestone.id,
            "due": milestone.due.isoformat() if milestone.due else None,
            "reason": reason,
            "expected": expected.isoformat(),
        },
    )
    return Explanation(report, milestone.task, milestone, coordinators(session))
