"""The day's reminders, escalations, explanation requests and periodic report requests, as one
digest a day per person (bản tin nhắc việc), written to the outbox at the person's digest time.

What the policy calls for on a working day is first worked out by agency (``agenda``): the
milestones whose deadline calls for a step that day, who leads and who supports them, and, on
a report-request day, how many open tasks each lead agency has. ``schedule`` expands it per
person and milestone (what would be one message each); ``digests`` gathers the same per person
into one message. A person's digest covers the working days since their last one, so a day
missed entirely while the bot was down is caught up, once, in the next digest.

Safe to run twice, or in two processes at once: each person's digest of a day has one outbox
key, the run holds a lock for its transaction, and the person's last covered day is moved on
in that same transaction. Whether each item still needs sending is decided again when the
dispatcher takes the row (``vet``): what was completed or extended meanwhile is left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from handlers import daily_digest as rendering
from i18n import use_language
from jobs.policy import Audience, Phase, Policy, Step, load_policy, steps_due
from models import (
    Assignment,
    Milestone,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    Role,
    Task,
)
from planning.calendar import WorkCalendar
from services import audit, daily_digest, outbox
from services import digest as digests
from services.calendar import work_calendar
from services.daily_digest import Digest, Item, Section, Stored
from services.messages import OutboxMessage, button_rows
from services.roster import Person, Roster

NUDGE = "nudge"  # the per-milestone rows of earlier versions, still withdrawn when stale
REPORT_REQUEST = "report_request"
# A pending nudge that is no longer needed; the dispatcher takes only "pending" rows.
CANCELLED = NotificationStatus.CANCELLED.value
# The advisory lock a run holds on PostgreSQL, so two schedulers compute one after the other.
LOCK_KEY = 0x6E7564676573  # "nudges"
CATCH_UP = 10  # working days a digest catches up at most, after a long stop
CHUNK = 500
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


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
    lookahead: timedelta = timedelta(0),
) -> RunReport:
    """Withdraw what is no longer needed, then write the digests whose time has come (or comes
    within ``lookahead``: the scheduler's tick), in one unit of work (`nhacviec jobs run-once`).
    ``policy``: the packaged one unless the operator gave another."""
    policy = policy or load_policy()
    with sessions.begin() as session:
        lock(session)
        calendar = work_calendar(session, tz, policy.working_hours)
        withdrawn = withdraw(session, now)
        enqueued = compute(session, now, calendar, policy, lookahead)
    return RunReport(enqueued=enqueued, withdrawn=withdrawn)


def compute(
    session: Session,
    now: datetime,
    calendar: WorkCalendar,
    policy: Policy,
    lookahead: timedelta = timedelta(0),
) -> int:
    """Write the digests of the people whose digest time has come today (the date of ``now``
    in the calendar's zone), each not before that time; returns how many were written.

    Nothing is written on a day off, nor after working hours: that day is then caught up in
    the next working day's digests. Call it first thing in the unit of work: on SQLite the lock
    it takes must come before any read, so that a second process waits for this one.
    """
    lock(session)
    local = now.astimezone(calendar.tz)
    today = local.date()
    if not calendar.is_working_day(today) or local.time() >= calendar.hours.end:
        return 0
    roster = Roster.load(session, today)
    horizon = now + lookahead
    due = [
        p
        for p in roster.people()
        if (p.digested_through is None or p.digested_through < today)
        and moment(p, today, calendar, policy) <= horizon
    ]
    if not due:
        return 0
    planner = Planner(session, calendar, policy, roster, today)
    messages = []
    for person in due:
        if person.paused_on(today):
            continue
        composed = planner.message(person, covered_days(person, today, calendar))
        if composed is None:
            continue
        messages.append(
            outbox.Message(
                official_id=person.id,
                kind=composed.digest.kind,
                key=rendering.key(person.id, today),
                message=composed.message,
                extra=composed.extra,
                not_before=max(now, moment(person, today, calendar, policy)),
            )
        )
    written = outbox.enqueue_many(session, messages, now=now)
    ids = [p.id for p in due]
    for start in range(0, len(ids), CHUNK):
        session.execute(
            update(Official)
            .where(Official.id.in_(ids[start : start + CHUNK]))
            .values(digested_through=today)
            .execution_options(synchronize_session=False)
        )
    return written


def moment(person: Person, on: date, calendar: WorkCalendar, policy: Policy) -> datetime:
    """When ``person`` reads their digest on ``on``."""
    return datetime.combine(on, policy.digest_time(person.digest_at), tzinfo=calendar.tz)


def covered_days(person: Person, today: date, calendar: WorkCalendar) -> list[date]:
    """The working days a digest of ``today`` covers: today, and those since the person's
    last digest that no digest covered (the bot was down), at most ``CATCH_UP``, leaving out
    the days of their pause."""
    last = person.digested_through
    if last is None or last >= today:
        return [today]
    days, day = [], today
    while day > last and len(days) < CATCH_UP and (today - day).days <= 3 * CATCH_UP:
        if calendar.is_working_day(day) and not person.paused_on(day):
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


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
    awaiting = daily_digest.awaiting_verification(session, {r[2] for r in rows})
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


# --- a day's agenda, by agency


@dataclass(frozen=True)
class Target:
    """A milestone whose deadline calls for a step on the agenda's day."""

    milestone_id: int
    due: date
    task_id: int
    label: str
    title: str
    step: Step


@dataclass
class Agenda:
    """What the policy calls for on ``day``: the milestones due a step, each task's lead and
    supporting agencies as the plan names them, and on a report-request day the open tasks
    each lead agency (as it answers today) is asked about."""

    day: date
    targets: list[Target]
    leads: dict[int, list[int]]
    supports: dict[int, list[int]]
    report_date: date | None = None
    reports: dict[int, int] = field(default_factory=dict)  # agency -> open tasks it leads


def agenda(
    session: Session, day: date, calendar: WorkCalendar, policy: Policy, roster: Roster
) -> Agenda:
    """The agenda of ``day`` in a few column queries: only the milestones whose deadline
    calls for a step that day are read (``jobs.policy.steps_due``)."""
    earliest = session.scalar(
        select(func.min(Milestone.due)).where(
            Milestone.completed_on.is_(None), Milestone.due.is_not(None)
        )
    )
    steps = steps_due(calendar, policy, day, earliest)
    targets = _window(session, steps) if steps else []
    leads: dict[int, list[int]] = defaultdict(list)
    supports: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted({x.task_id for x in targets})):
        for task_id, agency_id, role in session.execute(
            select(Assignment.task_id, Assignment.agency_id, Assignment.role)
            .where(Assignment.task_id.in_(chunk))
            .order_by(Assignment.task_id, Assignment.position)
        ):
            (leads if role == Role.LEAD else supports)[task_id].append(agency_id)
    found = Agenda(day, targets, dict(leads), dict(supports))
    configured = policy.report_request_date(day, calendar)
    if configured is not None:
        found.report_date = configured
        found.reports = _open_tasks_led(session, roster)
    return found


def _window(session: Session, due_steps: dict[date, Step]) -> list[Target]:
    """The open milestones of live tasks due on one of the given dates, and not awaiting a
    coordinator's verification of a completion report."""
    found: list[Target] = []
    for chunk in _chunks(sorted(due_steps)):
        for row in daily_digest.milestone_tasks(
            session,
            Milestone.completed_on.is_(None),
            Milestone.verified_at.is_(None),
            Milestone.due.in_(chunk),
            Task.removed_at.is_(None),
        ):
            assert row.due is not None
            step = due_steps[row.due]
            found.append(Target(row.milestone_id, row.due, row.task_id, row.label, row.title, step))
    awaiting = daily_digest.awaiting_verification(session, {f.milestone_id for f in found})
    found = [f for f in found if f.milestone_id not in awaiting]
    return sorted(found, key=lambda f: (f.due, f.task_id, f.milestone_id))


def _open_tasks_led(session: Session, roster: Roster) -> dict[int, int]:
    """agency (as it answers today) -> how many live tasks with an open milestone it leads."""
    open_tasks = select(Milestone.task_id).where(Milestone.completed_on.is_(None)).distinct()
    rows = session.execute(
        select(Task.id, Assignment.agency_id)
        .join(Assignment, Assignment.task_id == Task.id)
        .where(
            Task.removed_at.is_(None),
            Assignment.role == Role.LEAD,
            Task.id.in_(open_tasks),
        )
    )
    tasks: dict[int, set[int]] = defaultdict(set)
    for task_id, lead in rows:
        for agency in roster.answering([lead]):
            tasks[agency].add(task_id)
    return {agency: len(ids) for agency, ids in tasks.items()}


# --- the per-milestone schedule: one reminder per milestone, step and person


@dataclass(frozen=True)
class Nudge:
    """What would have been one message: a milestone's step to one person (or a periodic
    report request, ``milestone_id`` None)."""

    official_id: int
    milestone_id: int | None
    kind: str


_ORDER = (Audience.LEAD, Audience.LEAD_FOCAL, Audience.COORDINATOR, Audience.SUPPORT)


def schedule(found: Agenda, roster: Roster) -> Iterator[Nudge]:
    """The agenda expanded per person and milestone, the lead agency first, so a person who
    would be reached twice is reached as the lead agency. Paused people are left out."""
    for target in found.targets:
        step = target.step
        leads = found.leads.get(target.task_id, [])
        supports = found.supports.get(target.task_id, [])
        seen: set[int] = set()
        for kind, recipients in _audiences(step, leads, supports, roster):
            for person in recipients:
                if person.id in seen or person.paused_on(roster.today):
                    continue
                seen.add(person.id)
                yield Nudge(person.id, target.milestone_id, kind)
    for agency in sorted(found.reports):
        for person in roster.by_agency.get(agency, []):
            if not person.paused_on(roster.today):
                yield Nudge(person.id, None, REPORT_REQUEST)


def _audiences(
    step: Step, leads: list[int], supports: list[int], roster: Roster
) -> Iterator[tuple[str, list[Person]]]:
    if step.ask_explanation:
        yield f"explain_{step.days}", roster.officials(leads)
    for audience in sorted(step.to, key=_ORDER.index):
        kind = f"{step.kind}_{audience.value}"
        if audience is Audience.LEAD:
            yield kind, roster.officials(leads)
        elif audience is Audience.LEAD_FOCAL:
            yield kind, _focal_today(leads, roster)
        elif audience is Audience.SUPPORT:
            yield kind, roster.officials(supports)
        else:
            yield kind, roster.coordinators


def _focal_today(leads: list[int], roster: Roster) -> list[Person]:
    """The lead agencies' focal points; where every focal point of an agency is paused, its
    other officials stand in for them (an escalation must not wait for a holiday's end)."""
    people: list[Person] = []
    for agency in roster.answering(leads):
        staff = roster.by_agency.get(agency, [])
        focal = [p for p in staff if p.focal]
        if focal and all(p.paused_on(roster.today) for p in focal):
            people.extend(p for p in staff if not p.focal)
        else:
            people.extend(focal)
    return people


# --- digests: the same, one message a day per person


@dataclass
class _AgencyItems:
    lead: list[Item] = field(default_factory=list)  # for everyone of the agency
    focal: list[Item] = field(default_factory=list)  # for its focal points (or stand-ins)
    support: list[Item] = field(default_factory=list)


@dataclass
class Day:
    """One agenda's items by agency and for the coordinators, sectioned as read on ``read``."""

    agencies: dict[int, _AgencyItems]
    escalated: list[Item]

    @classmethod
    def of(cls, found: Agenda, roster: Roster, read: date) -> Day:
        agencies: dict[int, _AgencyItems] = defaultdict(_AgencyItems)
        escalated: list[Item] = []
        names = roster.names
        for target in found.targets:
            step = target.step
            written = found.leads.get(target.task_id, [])
            leads = roster.answering(written)
            lead_names = tuple(dict.fromkeys(names[roster.current.get(a, a)] for a in written))
            common = dict(
                milestone_id=target.milestone_id,
                task_id=target.task_id,
                label=target.label,
                title=target.title,
                due=target.due,
                leads=lead_names,
            )
            to = set(step.to)
            if step.ask_explanation or Audience.LEAD in to:
                item = Item(
                    _section(step, target.due, read), explain=step.ask_explanation, **common
                )  # type: ignore[arg-type]
                for agency in leads:
                    agencies[agency].lead.append(item)
            elif Audience.LEAD_FOCAL in to:
                item = Item(_section(step, target.due, read), focal=True, **common)  # type: ignore[arg-type]
                for agency in leads:
                    agencies[agency].focal.append(item)
            if Audience.SUPPORT in to:
                item = Item(Section.SUPPORT, **common)  # type: ignore[arg-type]
                for agency in roster.answering(found.supports.get(target.task_id, [])):
                    if agency not in leads:
                        agencies[agency].support.append(item)
            if Audience.COORDINATOR in to:
                escalated.append(Item(Section.ESCALATED, explain=step.ask_explanation, **common))  # type: ignore[arg-type]
        for agency, count in found.reports.items():
            agencies[agency].lead.append(
                Item(Section.REPORT, None, None, "", "", None, count=count, agency=names[agency])
            )
        return cls(dict(agencies), escalated)

    def items_for(self, agency: int, focal: bool) -> list[Item]:
        """What the people of ``agency`` read; ``focal``: also what its focal points read."""
        mine = self.agencies.get(agency)
        if mine is None:
            return []
        items = list(mine.lead)
        if focal:
            items.extend(mine.focal)
        items.extend(mine.support)
        return items


def _section(step: Step, due: date, read: date) -> Section:
    if due < read:
        return Section.OVERDUE
    if due == read or (step.phase is Phase.BEFORE and step.days == 0):
        return Section.TODAY
    return Section.SOON


def merge(days: Sequence[Sequence[Item]]) -> list[Item]:
    """Items of several days as one digest: one item per milestone (the latest day's, an
    explanation asked on any day kept), one periodic report request per agency."""
    by_key: dict[object, Item] = {}
    for items in days:
        for item in items:
            key = (item.section, item.agency) if item.milestone_id is None else item.milestone_id
            earlier = by_key.get(key)
            if earlier is not None and earlier.explain and not item.explain:
                item = replace(item, explain=True)
            by_key[key] = item
    return list(by_key.values())


@dataclass(frozen=True)
class Composed:
    """A digest as the outbox takes it: its first page, and what is kept beside it."""

    digest: Digest
    page: rendering.Page
    limit: rendering.Limit
    message: OutboxMessage
    extra: dict[str, object]


class Planner:
    """The digests of one run: each day's agenda worked out once, each distinct digest
    rendered once per language and app limit, however many people read it."""

    def __init__(
        self,
        session: Session,
        calendar: WorkCalendar,
        policy: Policy,
        roster: Roster,
        today: date,
    ) -> None:
        self.session = session
        self.calendar = calendar
        self.policy = policy
        self.roster = roster
        self.today = today
        self._days: dict[date, Day] = {}
        self._rendered: dict[object, Composed | None] = {}
        self._summary: dict[tuple[tuple[date, ...], str], Digest | None] = {}
        self._overview: digests.DailyOverview | None = None
        self._has_focal: dict[tuple[int, tuple[date, ...]], bool] = {}
        # Agencies whose every focal point is paused today: their officials stand in.
        self._standing_in = {
            agency
            for agency, staff in roster.by_agency.items()
            if any(p.focal for p in staff) and all(p.paused_on(today) for p in staff if p.focal)
        }

    def day(self, on: date) -> Day:
        if on not in self._days:
            found = agenda(self.session, on, self.calendar, self.policy, self.roster)
            self._days[on] = Day.of(found, self.roster, self.today)
        return self._days[on]

    def digest(self, person: Person, days: Sequence[date]) -> Digest | None:
        """What ``person`` reads today, covering ``days``; None when there is nothing."""
        if person.role == OfficialRole.COORDINATOR:
            return self.summary(tuple(days), person.language)
        if person.role == OfficialRole.STEERING:
            return self.steering_summary(person.language)
        focal = self.reads_focal(person, days)
        per_day = [self.day(d).items_for(person.agency_id, focal) for d in days]
        items = merge(per_day) if len(days) > 1 else per_day[0]
        if not items:
            return None
        missed = tuple(
            d for d, found in zip(days, per_day, strict=True) if d < self.today and found
        )
        return Digest(daily_digest.PERSON, self.today, tuple(items), missed).sorted()

    def overview(self) -> digests.DailyOverview:
        if self._overview is None:
            explain_after = next((s.days for s in self.policy.overdue if s.ask_explanation), None)
            self._overview = digests.daily_overview(
                self.session, self.today, self.calendar, explain_after, self.roster
            )
        return self._overview

    def steering_summary(self, language: str) -> Digest | None:
        """A steering member's summary: the same overview in aggregates, with nothing to open
        (the steering committee sees counts, not cards); None on a quiet day."""
        view = self.overview()
        if view.quiet:
            return None
        with use_language(language):
            head, _buttons = rendering.overview(view, aggregates=True)
        return Digest(daily_digest.SUMMARY, self.today, (), (), head, ())

    def summary(self, days: tuple[date, ...], language: str) -> Digest | None:
        """A coordinator's summary: the overview of every plan, then the tasks escalated to
        the coordinators on ``days``; None on a quiet day."""
        if (days, language) not in self._summary:
            self.overview()
            assert self._overview is not None
            escalated = merge([self.day(d).escalated for d in days])
            missed = tuple(d for d in days if d < self.today and self.day(d).escalated)
            found = None
            if escalated or not self._overview.quiet:
                with use_language(language):
                    head, buttons = rendering.overview(self._overview)
                found = Digest(
                    daily_digest.SUMMARY, self.today, tuple(escalated), missed, head, buttons
                ).sorted()
            self._summary[(days, language)] = found
        return self._summary[(days, language)]

    def reads_focal(self, person: Person, days: Sequence[date]) -> bool:
        """Whether ``person`` reads the focal point's escalations: they are one, or every
        focal point of their agency is paused; and on ``days`` there are some."""
        if not (person.focal or person.agency_id in self._standing_in):
            return False
        key = (person.agency_id, tuple(days))
        if key not in self._has_focal:
            mine = [self.day(d).agencies.get(person.agency_id) for d in days]
            self._has_focal[key] = any(m is not None and bool(m.focal) for m in mine)
        return self._has_focal[key]

    def message(self, person: Person, days: Sequence[date]) -> Composed | None:
        """The first page of ``person``'s digest in their language and within their apps'
        limit, with the digest it belongs to."""
        limit = rendering.limit_for(person.channels)
        if person.role in (OfficialRole.COORDINATOR, OfficialRole.STEERING):
            profile: object = (person.role, tuple(days))
        else:
            # An agency's people read the same digest; its focal points (or their stand-ins)
            # a longer one on days with escalations for them.
            profile = (person.agency_id, self.reads_focal(person, days), tuple(days))
        cache = (profile, person.language, limit)
        if cache not in self._rendered:
            digest = self.digest(person, days)
            if digest is None:
                self._rendered[cache] = None
            else:
                with use_language(person.language):
                    page = rendering.first_page(digest, limit)
                message = OutboxMessage(page.text, button_rows(page.buttons))
                extra = {"digest": digest.to_json(), "limit": limit.units}
                self._rendered[cache] = Composed(digest, page, limit, message, extra)
        return self._rendered[cache]


# --- deciding at send time


def vet(session: Session, rows: Sequence[Notification], now: datetime) -> list[Notification]:
    """The claimed rows that still need sending, decided now: a digest whose items were all
    completed, reported done or extended since it was written is cancelled; one with some of
    them is written again without them, for the app it now goes by. Other rows pass."""
    kept = []
    for row in rows:
        stored = Stored.from_payload(row.payload) if row.kind in daily_digest.KINDS else None
        if stored is None:
            kept.append(row)
            continue
        gone = daily_digest.stale(session, stored.milestones())
        official = session.get(Official, row.official_id) if row.official_id else None
        paused = official is not None and official.paused_on(stored.day)
        limit = rendering.limit_for([row.channel or ""])
        if not gone and not paused and row.payload.get("limit") in (None, limit.units):
            kept.append(row)
            continue
        digest = daily_digest.load(session, stored, leave_out=gone)
        if paused or not (digest.items or digest.head):
            row.status = NotificationStatus.CANCELLED
            row.last_error = "cancelled: paused" if paused else "cancelled: nothing left to remind"
            audit.record(
                session,
                at=now,
                actor="job:nudges",
                action="digest.withdraw",
                entity="notification",
                entity_id=row.id,
                after={"milestones": sorted(gone), "paused": paused},
            )
            continue
        with use_language(official.language if official else None):
            page = rendering.first_page(digest, limit)
        payload = OutboxMessage(page.text, button_rows(page.buttons)).to_payload()
        payload["digest"] = digest.to_json()
        payload["limit"] = limit.units
        row.payload = payload
        kept.append(row)
    return kept


# --- small helpers


def _key_due(key: str) -> str:
    """The due date in a nudge key: "nudge:<milestone>:<yyyymmdd>:<kind>:<official>"."""
    parts = key.split(":")
    return parts[2] if len(parts) > 2 and parts[0] == "nudge" else ""


T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
