"""The day's nudges, escalations, explanation requests and periodic report requests, computed
into the outbox. Safe to run twice, or in two processes at once: every message has a unique
key (milestone, deadline, kind, recipient), and the run holds a lock for its transaction.

What is planned for a day is read in a few column queries: only the milestones whose deadline
calls for a step that day (``jobs.policy.steps_due``) are loaded, so the work grows with the
day's nudges, not with the plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from handlers import actions
from handlers.common import menu_row, t
from handlers.markup import escape, fmt
from handlers.tasks import card_buttons
from i18n import N_, ngettext, use_language
from i18n.formatting import day, short_day
from jobs.policy import Audience, Phase, Policy, Step, load_policy, steps_due
from models import (
    Agency,
    AgencyGroupMember,
    Assignment,
    Milestone,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    ProgressReport,
    Role,
    Task,
)
from models.plan import task_label
from planning.calendar import WorkCalendar
from services import audit, outbox
from services.calendar import work_calendar
from services.messages import Button, OutboxMessage, button_rows
from services.tasks import TaskCard

NUDGE = "nudge"
REPORT_REQUEST = "report_request"
# A pending nudge that is no longer needed. NotificationStatus should name it (see the note in
# the report); the dispatcher takes only "pending" rows, so a cancelled one is never sent.
CANCELLED = "cancelled"
# The advisory lock a run holds on PostgreSQL, so two schedulers compute one after the other.
LOCK_KEY = 0x6E7564676573  # "nudges"
REPORT_LIST_LIMIT = 40  # tasks named in one report request (Telegram allows 100 buttons)
CHUNK = 500
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# --- messages

BEFORE_HEADING = N_("⏰ <b>Deadline reminder</b>")
SUPPORT_HEADING = N_("🤝 <b>Deadline reminder for a task your agency supports</b>")
OVERDUE_HEADING = N_("🔴 <b>Overdue</b>")
STILL_OVERDUE_HEADING = N_("🔴 <b>Still overdue</b>")
FOCAL_HEADING = N_("🔴 <b>Overdue: as your agency's focal point, please follow this up</b>")
COORDINATOR_HEADING = N_("⚠️ <b>Escalation: a task is overdue</b>")
EXPLAIN_HEADING = N_("🔴 <b>Overdue: the coordinators have been told</b>")
DEADLINE_LINE = N_("Deadline: %(date)s (%(when)s)")
EXPLAIN_ASK = N_(
    "Please explain the delay: tap Explain, then give the reason and the date you expect to finish."
)
EXPLANATION_ASKED = N_("The lead agency has been asked for an explanation.")
EXPLAIN_BUTTON = N_("Explain")
DAYS_LEFT = N_("%(days)d days left")
DAYS_OVERDUE = N_("%(days)d days overdue")
DUE_TODAY = N_("due today")
DELIVERABLE_LINE = N_("Deliverable: %(product)s")
LEAD_LINE = N_("Lead: %(agencies)s")


@dataclass(frozen=True)
class Outgoing:
    """One message a day's run would write: to one official, about one milestone or agency."""

    key: str
    kind: str
    official_id: int
    agency: str  # the recipient's agency
    task: str  # the task label, or the labels a report request lists
    milestone_id: int | None
    text: str
    buttons: list[list[Button]] = field(default_factory=list)


@dataclass(frozen=True)
class RunReport:
    enqueued: int
    withdrawn: int


# --- the entry points


def run_once(
    sessions: sessionmaker[Session],
    now: datetime,
    policy: Policy | None = None,
    tz: ZoneInfo = DEFAULT_TZ,
) -> RunReport:
    """Withdraw what is no longer needed, then compute the day's messages, in one unit of work
    (`nhacviec jobs run-once`). ``policy``: the packaged one unless the operator gave another."""
    policy = policy or load_policy()
    with sessions.begin() as session:
        lock(session)
        calendar = work_calendar(session, tz, policy.working_hours)
        withdrawn = withdraw(session, now)
        enqueued = compute(session, now, calendar, policy)
    return RunReport(enqueued=enqueued, withdrawn=withdrawn)


def compute(session: Session, now: datetime, calendar: WorkCalendar, policy: Policy) -> int:
    """Write the messages due today (the date of ``now`` in the calendar's zone) to the outbox,
    each not before the next moment inside working hours; returns how many were new.

    Call it first thing in the unit of work: on SQLite the lock it takes must come before any
    read, so that a second process waits for this one instead of working from an old snapshot.
    """
    lock(session)
    today = now.astimezone(calendar.tz).date()
    send_at = calendar.next_send_time(now)
    planned = plan_day(session, today, send_at.date(), calendar, policy)
    messages = [
        outbox.Message(
            official_id=p.official_id,
            kind=p.kind,
            key=p.key,
            message=OutboxMessage(p.text, button_rows(p.buttons)),
            milestone_id=p.milestone_id,
        )
        for p in planned
    ]
    return outbox.enqueue_many(session, messages, now=now, not_before=send_at)


def lock(session: Session) -> None:
    """Serialise runs: a transaction-scoped advisory lock on PostgreSQL; on SQLite, a write that
    changes nothing, which takes the database's write lock until the transaction ends."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(text("UPDATE notification SET kind = kind WHERE 0"))


def withdraw(session: Session, now: datetime) -> int:
    """Cancel the pending nudges of milestones that no longer need them: done or verified,
    reported done and awaiting verification, their deadline moved (an approved extension),
    or their task removed from the plan. Returns how many were cancelled; each milestone's
    withdrawal is audited."""
    rows = session.execute(
        select(
            Notification.id,
            Notification.key,
            Milestone.id,
            Milestone.due,
            Milestone.completed_on,
            Milestone.verified_at,
            Task.removed_at,
        )
        .join(Milestone, Notification.milestone_id == Milestone.id)
        .join(Task, Milestone.task_id == Task.id)
        .where(
            Notification.status == NotificationStatus.PENDING,
            Notification.key.like(f"{NUDGE}:%"),
        )
    ).all()
    if not rows:
        return 0
    awaiting = _awaiting_verification(session, {r[2] for r in rows})
    reasons: dict[int, tuple[str, list[int]]] = {}
    for notification_id, key, milestone_id, due, completed_on, verified_at, removed_at in rows:
        reason = None
        if completed_on is not None or verified_at is not None:
            reason = "done"
        elif milestone_id in awaiting:
            reason = "reported done, awaiting verification"
        elif removed_at is not None:
            reason = "task removed from the plan"
        elif _key_due(key) != (f"{due:%Y%m%d}" if due else ""):
            reason = "deadline moved"
        if reason is not None:
            reasons.setdefault(milestone_id, (reason, []))[1].append(notification_id)
    cancelled = 0
    for milestone_id, (reason, ids) in sorted(reasons.items()):
        for chunk in _chunks(ids):
            session.execute(
                update(Notification)
                .where(
                    Notification.id.in_(chunk),
                    Notification.status == NotificationStatus.PENDING,
                )
                .values(status=CANCELLED, last_error=f"cancelled: {reason}")
            )
        cancelled += len(ids)
        audit.record(
            session,
            at=now,
            actor="job:nudges",
            action="nudge.withdraw",
            entity="milestone",
            entity_id=milestone_id,
            after={"notifications": sorted(ids), "reason": reason},
        )
    return cancelled


# --- planning one day


def plan_day(
    session: Session,
    today: date,
    send_day: date,
    calendar: WorkCalendar,
    policy: Policy,
) -> list[Outgoing]:
    """Every message the day's run writes (nothing is written here). ``send_day`` is the day
    they will be read, which the "days left" in the text count from."""
    planned: list[Outgoing] = []
    earliest = session.scalar(
        select(func.min(Milestone.due)).where(
            Milestone.completed_on.is_(None), Milestone.due.is_not(None)
        )
    )
    due_steps = steps_due(calendar, policy, today, earliest)
    people: _People | None = None
    if due_steps:
        targets = _window(session, due_steps)
        if targets:
            people = _People.load(session, today)
            planned.extend(_milestone_messages(session, targets, due_steps, people, send_day))
    configured = policy.report_request_date(today, calendar)
    if configured is not None:
        people = people or _People.load(session, today)
        planned.extend(_report_requests(session, configured, people, send_day))
    return planned


@dataclass(frozen=True)
class _Target:
    milestone_id: int
    due: date
    task_id: int
    label: str
    title: str
    product: str | None


def _window(session: Session, due_steps: dict[date, Step]) -> list[_Target]:
    """The open milestones of live tasks due on one of the given dates, and not awaiting a
    coordinator's verification of a completion report."""
    found: list[_Target] = []
    for chunk in _chunks(sorted(due_steps)):
        rows = session.execute(
            select(
                Milestone.id,
                Milestone.due,
                Task.id,
                Task.section,
                Task.number,
                Task.activity_index,
                Task.position,
                Task.title,
                Task.product,
            )
            .join(Task, Milestone.task_id == Task.id)
            .where(
                Milestone.completed_on.is_(None),
                Milestone.verified_at.is_(None),
                Milestone.due.in_(chunk),
                Task.removed_at.is_(None),
            )
        )
        for m_id, due, task_id, section, number, activity, position, title, product in rows:
            label = task_label(section, number, activity, position)
            found.append(_Target(m_id, due, task_id, label, title, product))
    awaiting = _awaiting_verification(session, {f.milestone_id for f in found})
    found = [f for f in found if f.milestone_id not in awaiting]
    return sorted(found, key=lambda f: (f.due, f.task_id, f.milestone_id))


def _awaiting_verification(session: Session, milestone_ids: Iterable[int]) -> set[int]:
    waiting: set[int] = set()
    for chunk in _chunks(sorted(milestone_ids)):
        waiting.update(
            session.scalars(
                select(ProgressReport.milestone_id).where(
                    ProgressReport.milestone_id.in_(chunk),
                    ProgressReport.kind == "completion",
                    ProgressReport.decision.is_(None),
                )
            )
        )
    return waiting


@dataclass(frozen=True)
class _Person:
    id: int
    agency_id: int
    role: str
    language: str


@dataclass
class _People:
    """Who answers for which agency today: mergers followed, groups expanded."""

    today: date
    names: dict[int, str]
    current: dict[int, int]
    members: dict[int, list[int]]
    by_agency: dict[int, list[_Person]]
    coordinators: list[_Person]

    @classmethod
    def load(cls, session: Session, today: date) -> _People:
        agencies = session.execute(
            select(Agency.id, Agency.name, Agency.successor_id, Agency.successor_from)
        ).all()
        successor = {a: s for a, _n, s, since in agencies if s and since and since <= today}
        current = {}
        for a, *_ in agencies:
            seen, agency = {a}, a
            while agency in successor and successor[agency] not in seen:
                agency = successor[agency]
                seen.add(agency)
            current[a] = agency
        members: dict[int, list[int]] = defaultdict(list)
        for group, member in session.execute(
            select(AgencyGroupMember.group_id, AgencyGroupMember.member_id)
        ):
            members[group].append(member)
        by_agency: dict[int, list[_Person]] = defaultdict(list)
        coordinators: list[_Person] = []
        for o_id, agency_id, role, language in session.execute(
            select(Official.id, Official.agency_id, Official.role, Official.language)
            .where(Official.active.is_(True))
            .order_by(Official.id)
        ):
            person = _Person(o_id, agency_id, role, language)
            if role in (OfficialRole.OFFICIAL, OfficialRole.FOCAL):
                by_agency[agency_id].append(person)
            elif role == OfficialRole.COORDINATOR:
                coordinators.append(person)
        names = {a: n for a, n, *_ in agencies}
        return cls(today, names, current, dict(members), dict(by_agency), coordinators)

    def answering(self, agency_ids: Iterable[int]) -> list[int]:
        """The agencies that answer today for these: a group's members, each after mergers."""
        out: dict[int, None] = {}
        for agency in agency_ids:
            for member in self.members.get(agency, [agency]):
                out[self.current.get(member, member)] = None
        return list(out)

    def officials(self, agency_ids: Iterable[int], focal_only: bool = False) -> list[_Person]:
        people = [p for a in self.answering(agency_ids) for p in self.by_agency.get(a, [])]
        return [p for p in people if p.role == OfficialRole.FOCAL] if focal_only else people


def _milestone_messages(
    session: Session,
    targets: Sequence[_Target],
    due_steps: dict[date, Step],
    people: _People,
    send_day: date,
) -> Iterator[Outgoing]:
    roles: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(sorted({x.task_id for x in targets})):
        for task_id, agency_id, role in session.execute(
            select(Assignment.task_id, Assignment.agency_id, Assignment.role)
            .where(Assignment.task_id.in_(chunk))
            .order_by(Assignment.task_id, Assignment.position)
        ):
            roles[task_id][role].append(agency_id)
    texts: dict[tuple[int, str, str], tuple[str, list[list[Button]]]] = {}
    for target in targets:
        step = due_steps[target.due]
        leads = roles[target.task_id][Role.LEAD]
        supports = roles[target.task_id][Role.SUPPORT]
        lead_names = [people.names[a] for a in people.answering(leads)]
        seen: set[int] = set()
        for audience, kind, recipients in _audiences(step, leads, supports, people):
            for person in recipients:
                if person.id in seen:
                    continue
                seen.add(person.id)
                cache_key = (target.milestone_id, kind, person.language)
                if cache_key not in texts:
                    with use_language(person.language):
                        texts[cache_key] = _render(
                            target, step, audience, kind, lead_names, send_day
                        )
                message, buttons = texts[cache_key]
                yield Outgoing(
                    key=f"{NUDGE}:{target.milestone_id}:{target.due:%Y%m%d}:{kind}:{person.id}",
                    kind=kind,
                    official_id=person.id,
                    agency=people.names.get(person.agency_id, ""),
                    task=target.label,
                    milestone_id=target.milestone_id,
                    text=message,
                    buttons=buttons,
                )


_ORDER = (Audience.LEAD, Audience.LEAD_FOCAL, Audience.COORDINATOR, Audience.SUPPORT)


def _audiences(
    step: Step, leads: list[int], supports: list[int], people: _People
) -> Iterator[tuple[Audience, str, list[_Person]]]:
    """(audience, message kind, recipients) of a step; the lead agency first, so a person
    who would be reached twice gets the message meant for the lead agency."""
    if step.ask_explanation:
        yield Audience.LEAD, f"explain_{step.days}", people.officials(leads)
    for audience in sorted(step.to, key=_ORDER.index):
        kind = f"{step.kind}_{audience.value}"
        if audience is Audience.LEAD:
            yield audience, kind, people.officials(leads)
        elif audience is Audience.LEAD_FOCAL:
            yield audience, kind, people.officials(leads, focal_only=True)
        elif audience is Audience.SUPPORT:
            yield audience, kind, people.officials(supports)
        else:
            yield audience, kind, people.coordinators


def _render(
    target: _Target,
    step: Step,
    audience: Audience,
    kind: str,
    lead_names: list[str],
    send_day: date,
) -> tuple[str, list[list[Button]]]:
    """The message in the current language, and the task card's buttons for its reader."""
    explain = kind.startswith("explain_")
    if explain:
        heading = EXPLAIN_HEADING
    elif step.phase is Phase.BEFORE:
        heading = SUPPORT_HEADING if audience is Audience.SUPPORT else BEFORE_HEADING
    elif audience is Audience.COORDINATOR:
        heading = COORDINATOR_HEADING
    elif audience is Audience.LEAD_FOCAL:
        heading = FOCAL_HEADING
    else:
        heading = STILL_OVERDUE_HEADING if step.repeat else OVERDUE_HEADING
    lines = [
        t(heading),
        f"<b>{escape(target.label)}</b> {escape(target.title)}",
        t(DELIVERABLE_LINE, product=target.product or "—"),
    ]
    if audience in (Audience.SUPPORT, Audience.COORDINATOR):
        lines.append(t(LEAD_LINE, agencies=", ".join(lead_names) or "—"))
    lines.append(t(DEADLINE_LINE, date=day(target.due), when=_when(target.due, send_day)))
    if explain:
        lines.append(t(EXPLAIN_ASK))
    elif audience is Audience.COORDINATOR and step.ask_explanation:
        lines.append(t(EXPLANATION_ASKED))
    buttons = card_buttons(_card(target, audience))
    if explain:
        buttons.insert(0, [Button(t(EXPLAIN_BUTTON), actions.EXPLAIN.data(target.task_id))])
    return "\n".join(lines), buttons


def _when(due: date, on: date) -> str:
    days = (due - on).days
    if days < 0:
        return t(DAYS_OVERDUE, days=-days)
    if days == 0:
        return t(DUE_TODAY)
    return t(DAYS_LEFT, days=days)


def _card(target: _Target, audience: Audience) -> TaskCard:
    """What the task card's buttons depend on, for a reader of this audience."""
    lead = audience in (Audience.LEAD, Audience.LEAD_FOCAL)
    return TaskCard(
        id=target.task_id,
        plan_title="",
        label=target.label,
        title=target.title,
        product=target.product,
        leads=[],
        supports=[],
        milestones=[],
        progress=0,
        last_report=None,
        last_report_at=None,
        evidence_count=0,
        role=Role.SUPPORT if audience is Audience.SUPPORT else Role.LEAD,
        can_update=lead,
        can_verify=audience is Audience.COORDINATOR,
    )


# --- periodic report requests

NO_DEADLINE = N_("no deadline yet")


@dataclass(frozen=True)
class _OpenTask:
    id: int
    label: str
    title: str
    due: date | None
    position: tuple[int, int]


def _report_requests(
    session: Session, configured: date, people: _People, send_day: date
) -> Iterator[Outgoing]:
    """One message to each official of each agency leading open tasks, listing them all."""
    open_due = (
        select(
            Milestone.task_id,
            func.min(Milestone.due).label("due"),
        )
        .where(Milestone.completed_on.is_(None))
        .group_by(Milestone.task_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Task.id,
            Task.plan_id,
            Task.position,
            Task.section,
            Task.number,
            Task.activity_index,
            Task.title,
            open_due.c.due,
            Assignment.agency_id,
        )
        .join(open_due, open_due.c.task_id == Task.id)
        .join(Assignment, Assignment.task_id == Task.id)
        .where(Task.removed_at.is_(None), Assignment.role == Role.LEAD)
    )
    by_agency: dict[int, dict[int, _OpenTask]] = defaultdict(dict)
    for task_id, plan_id, position, section, number, activity, title, due, lead in rows:
        task = _OpenTask(
            task_id,
            task_label(section, number, activity, position),
            title,
            due,
            (plan_id, position),
        )
        for agency in people.answering([lead]):
            by_agency[agency][task_id] = task
    texts: dict[tuple[int, str], tuple[str, list[list[Button]]]] = {}
    for agency in sorted(by_agency):
        tasks = sorted(by_agency[agency].values(), key=lambda x: (x.due or date.max, x.position))
        labels = ", ".join(x.label for x in tasks)
        for person in people.by_agency.get(agency, []):
            cache_key = (agency, person.language)
            if cache_key not in texts:
                with use_language(person.language):
                    texts[cache_key] = _render_request(people.names[agency], tasks, send_day)
            message, buttons = texts[cache_key]
            yield Outgoing(
                key=f"report:{configured:%Y%m%d}:{person.id}",
                kind=REPORT_REQUEST,
                official_id=person.id,
                agency=people.names[agency],
                task=labels if len(labels) <= 60 else labels[:59] + "…",
                milestone_id=None,
                text=message,
                buttons=buttons,
            )


def _render_request(
    agency: str, tasks: list[_OpenTask], send_day: date
) -> tuple[str, list[list[Button]]]:
    count = len(tasks)
    heading = ngettext(
        "📋 <b>Periodic report</b>\nPlease report the status of the %(count)d open task of "
        "%(agency)s: tap it to update its progress, send evidence or report it done.",
        "📋 <b>Periodic report</b>\nPlease report the status of the %(count)d open tasks of "
        "%(agency)s: tap each one to update its progress, send evidence or report it done.",
        count,
    )
    lines = [fmt(heading, {"count": count, "agency": agency})]
    listed = tasks[:REPORT_LIST_LIMIT]
    for task in listed:
        title = task.title if len(task.title) <= 80 else task.title[:79].rstrip() + "…"
        if task.due is None:
            when = t(NO_DEADLINE)
        else:
            when = f"{short_day(task.due)}, {_when(task.due, send_day)}"
        lines.append(f"• <b>{escape(task.label)}</b> {escape(title)} — {when}")
    if count > len(listed):
        more = count - len(listed)
        message = ngettext(
            "…and %(count)d more task: open your task list.",
            "…and %(count)d more tasks: open your task list.",
            more,
        )
        lines.append(fmt(message, {"count": more}))
    flat = [Button(task.label, actions.CARD.data(task.id)) for task in listed]
    buttons = [flat[i : i + 4] for i in range(0, len(flat), 4)]
    buttons.append(menu_row())
    return "\n".join(lines), buttons


# --- small helpers


def _key_due(key: str) -> str:
    """The due date in a nudge key: "nudge:<milestone>:<yyyymmdd>:<kind>:<official>"."""
    parts = key.split(":")
    return parts[2] if len(parts) > 2 and parts[0] == "nudge" else ""


T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
