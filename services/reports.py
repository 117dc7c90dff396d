"""Status counts, on-time rates and overdue rankings, counted the way the government counts.

Every milestone (mốc thời hạn) is in one of the four official classes (done on time, done
late, in progress, overdue) or undated (``MilestoneStatus``). A milestone is counted for
the lead agency (cơ quan chủ trì) of its task, following mergers in force on the day asked
(tasks of Sở TTTT count for Sở KH&CN after 2025-03-01); a task led by a group ("Các Sở,
ban, ngành") counts for the group.

On-time rate (tỷ lệ đúng hạn) = done on time / (done on time + done late + overdue): of the
milestones whose date has come, the share met on time. Milestones still in progress within
their date, and undated ones, are left out; with nothing due yet there is no rate (None).
An approved extension moves ``due`` but the classes judge completion by ``original_due``.

One query loads every live milestone with its task and lead agencies as plain columns;
everything else is counted in Python, so a plan of 10,000 tasks answers in well under a
second.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, select
from sqlalchemy.orm import Session, selectinload

from i18n import N_
from models import (
    Agency,
    Assignment,
    ChatBinding,
    Milestone,
    MilestoneStatus,
    Official,
    OfficialRole,
    Plan,
    Role,
    Task,
)
from models.agency import answering_on
from models.plan import judge
from planning.agencies import as_the_plan_writes, written_by_level
from planning.intent import SectionRef, in_part
from services.access import is_coordinator
from services.errors import NotAllowed

OWN_AGENCY_ONLY = N_("You can see the overdue tasks of your own agency only (%(agency)s).")
SUMMARIES_ONLY = N_("Here I show summaries only: counts by agency, not the tasks themselves.")

# Milestones whose date has come: the denominator of the on-time rate.
_JUDGED = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE, MilestoneStatus.OVERDUE)
_DONE = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)


def classified(
    due: SQLColumnExpression[date | None],
    judged: SQLColumnExpression[date | None],
    completed: SQLColumnExpression[date | None],
    on: date | SQLColumnExpression[date | None],
) -> ColumnElement[str]:
    """``models.plan.judge`` as a column, for the database to judge: from the due date, the date the
    milestone is judged against (its original due date, else its due date) and its completion
    date."""
    return case(
        (
            completed.is_not(None),
            case(
                (completed > judged, MilestoneStatus.DONE_LATE.value),
                else_=MilestoneStatus.DONE_ON_TIME.value,
            ),
        ),
        (judged.is_(None), MilestoneStatus.UNDATED.value),
        (due < on, MilestoneStatus.OVERDUE.value),
        else_=MilestoneStatus.IN_PROGRESS.value,
    )


# ------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class StatusCounts:
    """How many milestones are in each class."""

    counts: dict[MilestoneStatus, int] = field(default_factory=dict)

    def __getitem__(self, status: MilestoneStatus) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def judged(self) -> int:
        """Milestones whose date has come (the on-time rate's denominator)."""
        return sum(self[s] for s in _JUDGED)

    @property
    def on_time_rate(self) -> float | None:
        """done on time / (done on time + done late + overdue); None with nothing due yet."""
        judged = self.judged
        return self[MilestoneStatus.DONE_ON_TIME] / judged if judged else None

    @classmethod
    def of(cls, statuses: Iterable[MilestoneStatus]) -> StatusCounts:
        return cls(dict(Counter(statuses)))


@dataclass(frozen=True)
class AgencyStats:
    """One lead agency's milestones: counts per class, and how far behind it is."""

    agency_id: int
    name: str
    counts: StatusCounts
    overdue_tasks: int
    max_days_overdue: int

    @property
    def overdue(self) -> int:
        return self.counts[MilestoneStatus.OVERDUE]


@dataclass(frozen=True)
class SectionStats:
    plan_id: int
    code: str | None
    title: str | None
    counts: StatusCounts


@dataclass(frozen=True)
class OverdueTask:
    """A task with overdue milestones; ``days`` counts from the earliest overdue date."""

    task_id: int
    label: str
    title: str
    leads: tuple[str, ...]
    overdue_milestones: int
    days: int
    earliest_due: date


@dataclass(frozen=True)
class DueTask:
    task_id: int
    label: str
    title: str
    leads: tuple[str, ...]
    due: date


@dataclass(frozen=True)
class OpenCounts:
    """Tasks not finished yet, by the class of their current milestone (as ``Task.status``)."""

    overdue: int
    in_progress: int
    undated: int
    done: int

    @property
    def open(self) -> int:
        return self.overdue + self.in_progress + self.undated

    @classmethod
    def of(cls, tasks: Iterable[set[MilestoneStatus]]) -> OpenCounts:
        """Each task (the classes of its milestones) by its state: overdue if any milestone
        is, else in progress if any is, else undated if any is, else done."""
        tally: Counter[str] = Counter()
        for statuses in tasks:
            if MilestoneStatus.OVERDUE in statuses:
                tally["overdue"] += 1
            elif MilestoneStatus.IN_PROGRESS in statuses:
                tally["in_progress"] += 1
            elif MilestoneStatus.UNDATED in statuses:
                tally["undated"] += 1
            else:
                tally["done"] += 1
        return cls(tally["overdue"], tally["in_progress"], tally["undated"], tally["done"])


@dataclass(frozen=True)
class PlanSummary:
    plan_id: int
    number: str | None
    title: str
    counts: StatusCounts
    sections: list[SectionStats]
    worst: list[AgencyStats]  # the agencies most behind, worst first


# ----------------------------------------------------------------------------- snapshot


@dataclass(slots=True)
class _Fact:
    """One milestone of a live task, with the task's place and its lead agencies."""

    milestone_id: int
    task_id: int
    plan_id: int
    section: str | None
    section_title: str | None
    number: str | None
    due: date | None
    status: MilestoneStatus
    leads: tuple[int, ...]  # current lead agencies (after mergers)
    written_leads: tuple[int, ...]  # lead agencies as the plan wrote them


@dataclass
class Snapshot:
    """Every live milestone as it stands on ``today``; the views below only count."""

    today: date
    facts: list[_Fact]
    agency_names: dict[int, str]
    plan_ids: tuple[int, ...]

    # -- narrowing

    def where(
        self,
        *,
        plan_id: int | None = None,
        agency_id: int | None = None,
        section: str | None = None,
        due_in: tuple[date, date] | None = None,
    ) -> Snapshot:
        """The milestones of one plan, agency (as lead), section, or due in a window (first
        and last day included)."""
        facts = [
            f
            for f in self.facts
            if (plan_id is None or f.plan_id == plan_id)
            and (agency_id is None or agency_id in f.leads)
            and (section is None or in_part(section, f.section, f.number))
            and (due_in is None or (f.due is not None and due_in[0] <= f.due <= due_in[1]))
        ]
        plans = self.plan_ids if plan_id is None else (plan_id,)
        return Snapshot(self.today, facts, self.agency_names, plans)

    def name_of(self, agency: Agency) -> str:
        """The agency's name as the plans write it."""
        return self.agency_names.get(agency.id, agency.name)

    # -- counting

    def counts(self) -> StatusCounts:
        return StatusCounts.of(f.status for f in self.facts)

    def by_agency(self) -> list[AgencyStats]:
        """Every lead agency's counts, by name."""
        per: dict[int, list[_Fact]] = defaultdict(list)
        for fact in self.facts:
            for agency_id in fact.leads:
                per[agency_id].append(fact)
        stats = []
        for agency_id, facts in per.items():
            overdue = [f for f in facts if f.status is MilestoneStatus.OVERDUE]
            stats.append(
                AgencyStats(
                    agency_id=agency_id,
                    name=self.agency_names.get(agency_id, "?"),
                    counts=StatusCounts.of(f.status for f in facts),
                    overdue_tasks=len({f.task_id for f in overdue}),
                    max_days_overdue=max((self._days_overdue(f) for f in overdue), default=0),
                )
            )
        return sorted(stats, key=lambda s: s.name)

    def overdue_by_agency(self) -> list[AgencyStats]:
        """Agencies with overdue milestones, worst first: the most overdue milestones, then
        the longest overdue, then by name."""
        behind = [s for s in self.by_agency() if s.overdue]
        return sorted(behind, key=lambda s: (-s.overdue, -s.max_days_overdue, s.name))

    def by_section(self) -> list[SectionStats]:
        """Counts per section, in the plans' order."""
        per: dict[tuple[int, str | None], list[_Fact]] = {}
        titles: dict[tuple[int, str | None], str | None] = {}
        for fact in self.facts:
            key = (fact.plan_id, fact.section)
            per.setdefault(key, []).append(fact)
            titles.setdefault(key, fact.section_title)
        return [
            SectionStats(
                plan_id, code, titles[(plan_id, code)], StatusCounts.of(f.status for f in facts)
            )
            for (plan_id, code), facts in per.items()
        ]

    def open_tasks(self) -> OpenCounts:
        """Tasks by their current state: overdue if any open milestone is overdue, in progress
        if any open milestone has a date, undated if only undated ones are open, else done."""
        per: dict[int, set[MilestoneStatus]] = defaultdict(set)
        for fact in self.facts:
            per[fact.task_id].add(fact.status)
        return OpenCounts.of(per.values())

    def _days_overdue(self, fact: _Fact) -> int:
        return (self.today - fact.due).days if fact.due else 0

    def overdue_task_ids(self) -> dict[int, tuple[int, int, date]]:
        """task id -> (overdue milestones, days overdue, earliest overdue date)."""
        out: dict[int, tuple[int, int, date]] = {}
        for fact in self.facts:
            if fact.status is not MilestoneStatus.OVERDUE or fact.due is None:
                continue
            count, _days, earliest = out.get(fact.task_id, (0, 0, fact.due))
            earliest = min(earliest, fact.due)
            out[fact.task_id] = (count + 1, (self.today - earliest).days, earliest)
        return out

    def due_within(self, days: int) -> dict[int, date]:
        """task id -> the first open date from today to ``days`` days ahead."""
        out: dict[int, date] = {}
        for fact in self.facts:
            if fact.status is not MilestoneStatus.IN_PROGRESS or fact.due is None:
                continue
            if 0 <= (fact.due - self.today).days <= days:
                out[fact.task_id] = min(out.get(fact.task_id, fact.due), fact.due)
        return out


def snapshot(session: Session, today: date, plan_id: int | None = None) -> Snapshot:
    """Every live milestone with its class on ``today``, from one query."""
    agencies = [
        (a_id, name, successor, since)
        for a_id, name, successor, since in session.execute(
            select(Agency.id, Agency.name, Agency.successor_id, Agency.successor_from)
        )
    ]
    names = {a_id: name for a_id, name, _successor, _since in agencies}
    current = answering_on(((a_id, succ, since) for a_id, _name, succ, since in agencies), today)
    query = (
        select(
            Milestone.id,
            Milestone.due,
            Milestone.original_due,
            Milestone.completed_on,
            Task.id,
            Task.plan_id,
            Task.section,
            Task.section_title,
            Task.number,
            Assignment.agency_id,
        )
        .join(Task, Milestone.task_id == Task.id)
        .outerjoin(Assignment, and_(Assignment.task_id == Task.id, Assignment.role == Role.LEAD))
        .where(Task.removed_at.is_(None))
        .order_by(Task.plan_id, Task.position, Milestone.position, Milestone.id)
    )
    if plan_id is not None:
        query = query.where(Task.plan_id == plan_id)
    facts: dict[int, _Fact] = {}
    rows = session.execute(query)
    for m_id, due, original, completed, task_id, p_id, section, title, number, lead in rows:
        fact = facts.get(m_id)
        if fact is None:
            facts[m_id] = _Fact(
                milestone_id=m_id,
                task_id=task_id,
                plan_id=p_id,
                section=section,
                section_title=title,
                number=number,
                due=due,
                status=judge(due, original, completed, today),
                leads=(current[lead],) if lead is not None else (),
                written_leads=(lead,) if lead is not None else (),
            )
        elif lead is not None and lead not in fact.written_leads:
            leads = fact.leads if current[lead] in fact.leads else (*fact.leads, current[lead])
            fact.leads, fact.written_leads = leads, (*fact.written_leads, lead)
    plans = tuple(dict.fromkeys(f.plan_id for f in facts.values()))
    if plan_id is not None:
        plans = (plan_id,)
    names.update(names_in_plans(session, names, plan_id))
    return Snapshot(today, list(facts.values()), names, plans)


def names_in_plans(
    session: Session, names: Mapping[int, str], plan_id: int | None
) -> dict[int, str]:
    """Of the agencies ``names`` names (id -> the directory's name), those the plan (else
    every plan) writes otherwise, by the name written most often ("Văn phòng HĐND và UBND
    thành phố" for "… huyện"). Only agencies whose names end with a level are read."""
    ids = [agency_id for agency_id, name in names.items() if written_by_level(name)]
    if not ids:
        return {}
    query = (
        select(Assignment.agency_id, Assignment.as_written, func.count())
        .join(Task, Task.id == Assignment.task_id)
        .where(Assignment.agency_id.in_(ids), Task.removed_at.is_(None))
        .group_by(Assignment.agency_id, Assignment.as_written)
    )
    if plan_id is not None:
        query = query.where(Task.plan_id == plan_id)
    return names_as_written(names, session.execute(query).tuples())


def names_as_written(
    names: Mapping[int, str], written: Iterable[tuple[int, str, int]]
) -> dict[int, str]:
    """``names_in_plans`` from what it reads: (agency id, as the plan writes it, how many of
    its live tasks do), of agencies whose names end with a level."""
    shown: dict[int, Counter[str]] = defaultdict(Counter)
    for agency_id, as_written, count in written:
        said = as_the_plan_writes(names[agency_id], as_written)
        if said != names[agency_id]:
            shown[agency_id][said] += count
    return {agency_id: said.most_common(1)[0][0] for agency_id, said in shown.items()}


# ---------------------------------------------------------------------------- use cases


def plan_summaries(
    session: Session,
    today: date,
    plan_id: int | None = None,
    top: int = 5,
    due_in: tuple[date, date] | None = None,
) -> list[PlanSummary]:
    """Each plan's summary: counts per section, overall counts and the ``top`` agencies
    most behind; of the milestones due in ``due_in`` where a window is given."""
    snap = snapshot(session, today, plan_id)
    if due_in is not None:
        snap = snap.where(due_in=due_in)
    plans = {p.id: p for p in session.scalars(select(Plan).where(Plan.id.in_(snap.plan_ids)))}
    summaries = []
    for p_id in snap.plan_ids:
        plan = plans.get(p_id)
        if plan is None:
            continue
        part = snap.where(plan_id=p_id)
        summaries.append(
            PlanSummary(
                plan_id=p_id,
                number=plan.number,
                title=plan.title,
                counts=part.counts(),
                sections=part.by_section(),
                worst=part.overdue_by_agency()[:top],
            )
        )
    return summaries


def overdue_tasks(snap: Snapshot, session: Session) -> list[OverdueTask]:
    """The snapshot's tasks with overdue milestones, longest overdue first."""
    overdue = snap.overdue_task_ids()
    tasks = _tasks(session, overdue)
    rows = [
        OverdueTask(
            task_id=t.id,
            label=t.label,
            title=t.title,
            leads=_lead_names(t),
            overdue_milestones=overdue[t.id][0],
            days=overdue[t.id][1],
            earliest_due=overdue[t.id][2],
        )
        for t in tasks
    ]
    return sorted(rows, key=lambda r: (-r.days, -r.overdue_milestones, r.label))


def due_tasks(snap: Snapshot, session: Session, days: int) -> list[DueTask]:
    """The snapshot's tasks with an open date from today to ``days`` ahead, soonest first."""
    due = snap.due_within(days)
    rows = [
        DueTask(t.id, t.label, t.title, _lead_names(t), due[t.id]) for t in _tasks(session, due)
    ]
    return sorted(rows, key=lambda r: (r.due, r.label))


def _tasks(session: Session, ids: Iterable[int]) -> list[Task]:
    ids = list(ids)
    if not ids:
        return []
    return list(
        session.scalars(
            select(Task)
            .where(Task.id.in_(ids))
            .options(selectinload(Task.assignments).selectinload(Assignment.agency))
        )
    )


def _lead_names(task: Task) -> tuple[str, ...]:
    return tuple(a.shown_name for a in task.assignments if a.role == Role.LEAD)


def sections(session: Session, plan_id: int | None = None) -> list[SectionRef]:
    """The sections of the live tasks (code and title), for the question matcher."""
    query = (
        select(Task.section, Task.section_title, func.min(Task.position))
        .where(Task.removed_at.is_(None), Task.section.is_not(None))
        .group_by(Task.section, Task.section_title)
        .order_by(func.min(Task.position))
    )
    if plan_id is not None:
        query = query.where(Task.plan_id == plan_id)
    seen: dict[str, SectionRef] = {}
    for code, title, _ in session.execute(query):
        if code and code not in seen:
            seen[code] = SectionRef(code, title or code)
    return list(seen.values())


def part_members(session: Session, plan_id: int | None, code: str) -> list[str]:
    """What a part above the plan's sections holds, as numbered: the sections II.1 and II.2
    of part II, the items 2.a and 2.b of a directive's point 2."""
    query = select(Task.section, Task.number).where(Task.removed_at.is_(None))
    if plan_id is not None:
        query = query.where(Task.plan_id == plan_id)
    query = query.order_by(Task.position)
    members = (
        section if section is not None else number
        for section, number in session.execute(query)
        if in_part(code, section, number) and section != code
    )
    return list(dict.fromkeys(m for m in members if m))


def agency_by_key(session: Session, key: str, today: date) -> Agency | None:
    """The agency row of a directory key, as it answers today (after mergers)."""
    agency = session.scalar(select(Agency).where(Agency.key == key))
    return agency.current(today) if agency is not None else None


def group_plan(session: Session, channel: str, chat_id: str, thread_id: str | None) -> int | None:
    """The plan a group chat (or its forum topic, else the whole group) is bound to."""
    for thread in dict.fromkeys((thread_id or "", "")):
        plan_id = session.scalar(
            select(ChatBinding.plan_id).where(
                ChatBinding.channel == channel,
                ChatBinding.chat_id == chat_id,
                ChatBinding.thread_id == thread,
            )
        )
        if plan_id is not None:
            return plan_id
    return None


# ------------------------------------------------------------------------------- access


class Detail(StrEnum):
    """How much of the tasks themselves a person may see in answers to questions.

    Counts, rates and agency names are aggregates every registered member may see (they
    are what the steering group receives). Task lists are details: a coordinator sees every
    agency's; an official or focal point only its own agency's; a steering member, and
    anyone in a group chat, aggregates only.
    """

    ALL = "all"
    OWN = "own"
    AGGREGATE = "aggregate"


def detail_for(official: Official, *, in_group: bool) -> Detail:
    if in_group or official.role == OfficialRole.STEERING:
        return Detail.AGGREGATE
    return Detail.ALL if is_coordinator(official) else Detail.OWN


def own_agency(official: Official, today: date) -> Agency:
    """The agency an official answers for today (its successor after a merger)."""
    return official.agency.current(today)


def check_task_details(official: Official, agency: Agency, *, in_group: bool, today: date) -> None:
    """NotAllowed unless ``official`` may see the tasks of ``agency`` (see ``Detail``)."""
    detail = detail_for(official, in_group=in_group)
    if detail is Detail.AGGREGATE:
        raise NotAllowed(SUMMARIES_ONLY)
    if detail is Detail.OWN and agency.id != own_agency(official, today).id:
        raise NotAllowed(OWN_AGENCY_ONLY, agency=own_agency(official, today).name)
