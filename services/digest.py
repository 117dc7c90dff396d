"""The weekly steering digest (báo cáo tổng hợp tuần): its numbers, its chart, its recipients.

``build_digest`` gathers one plan's week from ``services.reports`` (the same snapshot, so the
digest never counts differently from /tiendo or /baocao); ``render_chart`` draws the
per-agency bars as a PNG; ``queue_digest`` writes the outbox rows, once per recipient and week.

The week is the 7 days before ``now``: milestones whose date fell in [today - 7, today), and
milestones that became done in [now - 7 days, now) (verified then; a completion recorded
without verification counts by its date). A digest run at the same hour every week therefore
shows every event exactly once.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from io import BytesIO

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from i18n import N_, gettext
from i18n.formatting import short_day
from models import (
    Assignment,
    ChatBinding,
    Invite,
    Milestone,
    MilestoneStatus,
    Notification,
    Official,
    OfficialRole,
    Plan,
    ProgressReport,
    Role,
    Task,
)
from planning.calendar import WorkCalendar
from services import audit, coverage, daily_digest, outbox, reports
from services.coverage import AgencyGap
from services.messages import OutboxMessage, OutFile
from services.reports import AgencyStats, OverdueTask, StatusCounts
from services.review import EXPLANATION
from services.roster import Roster

STEERING = "steering"  # ChatBinding.role of the steering committee's group (Ban Chỉ đạo)
WEEK = timedelta(days=7)
TOP_AGENCIES = 5
KIND_TEXT = "digest"
KIND_CHART = "digest_chart"
PNG = "image/png"

# The chart: a fixed width, one row per agency, so a phone shows it the same every week.
CHART_DPI = 100
CHART_WIDTH_PX = 1000
CHART_ROW_PX = 40
CHART_TOP_PX = 100  # title and legend
CHART_BOTTOM_PX = 50  # the axis and its label
CHART_LEFT_PX = 330  # agency names, wrapped on two lines
CHART_RIGHT_PX = 30
CHART_AGENCIES = 20  # the most behind first; a steering group reads no more at once
CHART_FONT = "DejaVu Sans"  # bundled with matplotlib, and it has every Vietnamese letter
DONE_COLOUR, ON_TRACK_COLOUR, OVERDUE_COLOUR = "#2e7d32", "#f9a825", "#c62828"


# ----------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class WeekItem:
    """A milestone that became due, or became done, in the week; ``day`` is that date."""

    milestone_id: int
    task_id: int
    label: str
    title: str
    leads: tuple[str, ...]
    status: MilestoneStatus
    day: date


@dataclass(frozen=True)
class Explanation:
    """The newest explanation (giải trình) of an overdue task: why, and the date now expected."""

    task_id: int
    note: str
    requested_date: date | None
    given_on: datetime


@dataclass(frozen=True)
class Digest:
    """One plan's week. Aggregates (counts, agencies) are for everyone; the task lists
    (``became_due``, ``completed``, ``overdue``, ``explanations``) for coordinators only."""

    plan_id: int
    plan_number: str | None
    plan_title: str
    now: datetime
    counts: StatusCounts
    agencies: list[AgencyStats]  # every lead agency, by name
    worst: list[AgencyStats]  # the ``TOP_AGENCIES`` most behind, worst first
    behind: int  # how many agencies have something overdue
    became_due: list[WeekItem]
    completed: list[WeekItem]
    overdue: list[OverdueTask]
    explanations: dict[int, Explanation] = field(default_factory=dict)
    explained: dict[int, int] = field(default_factory=dict)  # agency id -> explained tasks

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def week_start(self) -> date:
        return self.today - WEEK

    @property
    def week_end(self) -> date:
        """The last day of the week reported (yesterday)."""
        return self.today - timedelta(days=1)

    @property
    def week(self) -> str:
        """The ISO week of ``now`` ("2026-W14"): the digest's identity in the outbox."""
        return week_of(self.today)


def week_of(day: date) -> str:
    """The ISO week of ``day``, "2026-W14"."""
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def build_digest(session: Session, plan_id: int, now: datetime, top: int = TOP_AGENCIES) -> Digest:
    """The digest of ``plan_id`` as of ``now`` (aware, in the plan's timezone)."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise LookupError(f"no plan {plan_id}")
    today = now.date()
    snap = reports.snapshot(session, today, plan_id)
    facts = {f.milestone_id: f for f in snap.facts}
    start = today - WEEK

    due_ids = [f.milestone_id for f in snap.facts if f.due is not None and start <= f.due < today]
    done_ids = _completed_in_week(session, plan_id, now)
    tasks = _tasks(session, {facts[m].task_id for m in (*due_ids, *done_ids) if m in facts})

    def item(milestone_id: int, day: date) -> WeekItem:
        fact = facts[milestone_id]
        task = tasks[fact.task_id]
        leads = tuple(snap.agency_names.get(a, "?") for a in fact.leads)
        return WeekItem(milestone_id, task.id, task.label, task.title, leads, fact.status, day)

    became_due = [item(m, facts[m].due or today) for m in due_ids]
    completed = [item(m, day) for m, day in done_ids.items() if m in facts]

    overdue_facts = [f for f in snap.facts if f.status is MilestoneStatus.OVERDUE]
    explanations = _explanations(session, [(f.task_id, f.milestone_id) for f in overdue_facts])
    explained: dict[int, set[int]] = defaultdict(set)
    for fact in overdue_facts:
        if fact.task_id in explanations:
            for agency_id in fact.leads:
                explained[agency_id].add(fact.task_id)

    behind = snap.overdue_by_agency()
    return Digest(
        plan_id=plan.id,
        plan_number=plan.number,
        plan_title=plan.title,
        now=now,
        counts=snap.counts(),
        agencies=snap.by_agency(),
        worst=behind[:top],
        behind=len(behind),
        became_due=sorted(became_due, key=lambda i: (i.day, i.label)),
        completed=sorted(completed, key=lambda i: (i.day, i.label)),
        overdue=reports.overdue_tasks(snap, session),
        explanations=explanations,
        explained={a: len(ids) for a, ids in explained.items()},
    )


def _completed_in_week(session: Session, plan_id: int, now: datetime) -> dict[int, date]:
    """milestone id -> completion date, for milestones that became done in the week."""
    today = now.date()
    query = (
        select(Milestone.id, Milestone.completed_on)
        .join(Task, Milestone.task_id == Task.id)
        .where(
            Task.plan_id == plan_id,
            Task.removed_at.is_(None),
            Milestone.completed_on.is_not(None),
            or_(
                and_(Milestone.verified_at >= now - WEEK, Milestone.verified_at < now),
                and_(
                    Milestone.verified_at.is_(None),
                    Milestone.completed_on >= today - WEEK,
                    Milestone.completed_on < today,
                ),
            ),
        )
    )
    return {m_id: completed for m_id, completed in session.execute(query)}


def _tasks(session: Session, ids: Iterable[int]) -> dict[int, Task]:
    ids = list(ids)
    if not ids:
        return {}
    return {t.id: t for t in session.scalars(select(Task).where(Task.id.in_(ids)))}


def _explanations(session: Session, overdue: Iterable[tuple[int, int]]) -> dict[int, Explanation]:
    """The newest explanation of each overdue task (``overdue``: task and milestone ids), about
    one of its overdue milestones or the task as a whole; one about a milestone since
    completed is no longer news."""
    milestones: dict[int, set[int]] = defaultdict(set)
    for task_id, milestone_id in overdue:
        milestones[task_id].add(milestone_id)
    if not milestones:
        return {}
    rows = session.scalars(
        select(ProgressReport)
        .where(ProgressReport.kind == EXPLANATION, ProgressReport.task_id.in_(list(milestones)))
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc())
    )
    out: dict[int, Explanation] = {}
    for row in rows:
        if row.task_id in out:
            continue
        if row.milestone_id is not None and row.milestone_id not in milestones[row.task_id]:
            continue
        out[row.task_id] = Explanation(
            row.task_id, (row.note or "").strip(), row.requested_date, row.created_at
        )
    return out


# ---------------------------------------------------------------------------- the chart


@dataclass(frozen=True)
class ChartRow:
    name: str
    done: int
    on_track: int
    overdue: int


def chart_rows(digest: Digest, limit: int = CHART_AGENCIES) -> list[ChartRow]:
    """The agencies to draw, most behind first: done (on time or late), in progress within
    the date, overdue. Agencies with undated milestones only have nothing to draw."""
    rows = [
        ChartRow(
            s.name,
            s.counts[MilestoneStatus.DONE_ON_TIME] + s.counts[MilestoneStatus.DONE_LATE],
            s.counts[MilestoneStatus.IN_PROGRESS],
            s.counts[MilestoneStatus.OVERDUE],
        )
        for s in digest.agencies
    ]
    rows = [r for r in rows if r.done or r.on_track or r.overdue]
    rows.sort(key=lambda r: (-r.overdue, -(r.done + r.on_track + r.overdue), r.name))
    return rows[:limit]


def chart_size(rows: int) -> tuple[int, int]:
    """The PNG's (width, height) in pixels for ``rows`` agencies."""
    return CHART_WIDTH_PX, CHART_TOP_PX + CHART_BOTTOM_PX + CHART_ROW_PX * max(rows, 1)


def render_chart(digest: Digest) -> bytes:
    """Per-agency horizontal bars of done / in progress / overdue milestones, as a PNG.

    Drawn on a bare Figure with the Agg canvas: no pyplot, no GUI, no global state, so it is
    safe in a worker thread. Labels are in the current language.
    """
    rows = chart_rows(digest)
    width, height = chart_size(len(rows))
    with rc_context({"font.family": CHART_FONT, "font.size": 11}):
        figure = Figure(figsize=(width / CHART_DPI, height / CHART_DPI), dpi=CHART_DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_axes(
            (
                CHART_LEFT_PX / width,
                CHART_BOTTOM_PX / height,
                (width - CHART_LEFT_PX - CHART_RIGHT_PX) / width,
                (height - CHART_TOP_PX - CHART_BOTTOM_PX) / height,
            )
        )
        positions = list(range(len(rows)))[::-1]  # the most behind at the top
        done = [r.done for r in rows]
        on_track = [r.on_track for r in rows]
        overdue = [r.overdue for r in rows]
        segments = (
            (done, [0] * len(rows), DONE_COLOUR, gettext(N_("Done"))),
            (on_track, done, ON_TRACK_COLOUR, gettext(N_("In progress"))),
            (
                overdue,
                [d + o for d, o in zip(done, on_track, strict=True)],
                OVERDUE_COLOUR,
                gettext(N_("Overdue")),
            ),
        )
        for values, left, colour, label in segments:
            bars = axes.barh(positions, values, left=left, color=colour, label=label, height=0.6)
            axes.bar_label(
                bars,
                labels=[str(v) if v else "" for v in values],
                label_type="center",
                color="white",
                fontsize=10,
                fontweight="bold",
            )
        axes.set_yticks(positions, labels=[_wrap(r.name) for r in rows], fontsize=10)
        axes.set_ylim(-0.6, max(len(rows), 1) - 0.4)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        # Translators: the chart's horizontal axis: how many milestones (mốc thời hạn).
        axes.set_xlabel(gettext(N_("Milestones")))
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="x", alpha=0.3)
        axes.set_axisbelow(True)
        if not rows:
            axes.set_yticks([])
            axes.text(
                0.5,
                0.5,
                gettext(N_("No milestones yet.")),
                ha="center",
                va="center",
                transform=axes.transAxes,
            )
        figure.suptitle(
            gettext(N_("Progress by agency, %(date)s")) % {"date": short_day(digest.today)},
            y=1 - 12 / height,
            va="top",
            fontsize=14,
            fontweight="bold",
        )
        figure.legend(
            loc="upper center", bbox_to_anchor=(0.5, 1 - 46 / height), ncol=3, frameon=False
        )
        buffer = BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _wrap(name: str, width: int = 32) -> str:
    lines = textwrap.wrap(name, width) or [name]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


# ----------------------------------------------------------------------- the recipients


def tracked_plans(session: Session) -> list[int]:
    """The ids of the plans with live tasks, oldest first."""
    query = select(Task.plan_id).where(Task.removed_at.is_(None)).distinct()
    return sorted(session.scalars(query))


@dataclass(frozen=True)
class Recipients:
    """Who receives a plan's digest: the steering groups bound to it, and the steering
    members (thành viên Ban Chỉ đạo) who would receive it in private."""

    bindings: list[ChatBinding]
    members: list[Official]

    def default_targets(self) -> tuple[list[ChatBinding], list[Official]]:
        """The groups when there are any, else each member in private."""
        return (self.bindings, []) if self.bindings else ([], self.members)


def digest_recipients(session: Session, plan_id: int) -> Recipients:
    """The steering groups bound to ``plan_id`` and the active steering members of it: those
    invited for this plan or for no plan in particular."""
    bindings = session.scalars(
        select(ChatBinding)
        .where(ChatBinding.plan_id == plan_id, ChatBinding.role == STEERING)
        .order_by(ChatBinding.id)
    ).all()
    other_plan = exists().where(
        Invite.official_id == Official.id,
        Invite.plan_id.is_not(None),
        Invite.plan_id != plan_id,
    )
    this_plan = exists().where(Invite.official_id == Official.id, Invite.plan_id == plan_id)
    members = session.scalars(
        select(Official)
        .where(
            Official.role == OfficialRole.STEERING,
            Official.active.is_(True),
            or_(this_plan, ~other_plan),
        )
        .order_by(Official.id)
    ).all()
    return Recipients(list(bindings), list(members))


# ---------------------------------------------------------------------------- the outbox


def digest_key(
    plan_id: int, week: str, *, binding_id: int | None = None, official_id: int | None = None
) -> str:
    """The outbox key of a recipient's digest for a week; the chart's is this + ":chart"."""
    who = f"b{binding_id}" if binding_id is not None else f"o{official_id}"
    return f"digest:p{plan_id}:{week}:{who}"


def queued(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` are in the outbox already."""
    keys = list(keys)
    if not keys:
        return set()
    return set(session.scalars(select(Notification.key).where(Notification.key.in_(keys))))


def queue_digest(
    session: Session,
    *,
    key: str,
    text: str,
    caption: str,
    png: bytes,
    file_name: str,
    now: datetime,
    binding: ChatBinding | None = None,
    official: Official | None = None,
) -> list[Notification]:
    """The digest's two messages for one recipient (a group or a person): the text, then the
    chart as a photo. Each key is written once: the rows written now are returned, none when
    another run (this process or another) wrote them first."""
    photo = OutFile(file_name, png, PNG)
    messages = (
        (KIND_TEXT, key, OutboxMessage(text)),
        (KIND_CHART, f"{key}:chart", OutboxMessage(caption, photo=photo)),
    )
    written = []
    for kind, row_key, message in messages:
        if queued(session, [row_key]):
            continue
        written.append(
            outbox.enqueue(
                session,
                kind=kind,
                key=row_key,
                message=message,
                now=now,
                official_id=official.id if official is not None else None,
                binding=binding,
            )
        )
    return written


def record_queued(
    session: Session, digest: Digest, rows: Sequence[Notification], now: datetime
) -> None:
    """The audit row of a week's digest written to the outbox."""
    audit.record(
        session,
        at=now,
        actor="job:digest",
        action="digest.queue",
        entity="plan",
        entity_id=digest.plan_id,
        after={"week": digest.week, "notifications": [r.id for r in rows]},
    )


# ------------------------------------------------------------- the coordinators' daily view


@dataclass(frozen=True)
class TaskBehind:
    """An overdue task in the daily overview, and where its explanation (giải trình) stands."""

    task_id: int
    label: str
    title: str
    leads: tuple[str, ...]
    days: int
    asked: bool  # overdue long enough for the lead agency to have been asked to explain
    answered: bool  # an explanation was given


@dataclass(frozen=True)
class AgencyBehind:
    agency_id: int
    name: str
    overdue: int  # overdue milestones
    tasks: int  # overdue tasks
    days: int  # the longest overdue, in days
    asked: int  # of its overdue tasks, those asked to explain...
    answered: int  # ... and those explained


@dataclass(frozen=True)
class DailyOverview:
    """Every plan's overdue work on ``today``, for the coordinators' daily summary: counts per
    agency (worst first), the longest overdue tasks, explanations asked and given, and the
    agencies the reminders cannot reach."""

    today: date
    overdue_milestones: int
    overdue_tasks: int
    agencies: list[AgencyBehind]
    worst: list[TaskBehind]
    asked: int
    answered: int
    gaps: list[AgencyGap]

    @property
    def quiet(self) -> bool:
        """Nothing overdue and everyone reachable: no summary is needed."""
        return not self.overdue_tasks and not self.gaps


def daily_overview(
    session: Session,
    today: date,
    calendar: WorkCalendar,
    explain_after: int | None,
    roster: Roster | None = None,
    top: int = TOP_AGENCIES,
) -> DailyOverview:
    """The overview of ``today`` (a working day); ``explain_after``: the working days overdue
    after which the policy asks the lead agency to explain (None: it never does). Only the
    overdue milestones are read, by their columns, and only the ``top`` worst tasks' titles."""
    roster = roster or Roster.load(session, today)
    rows = session.execute(
        select(Milestone.id, Milestone.due, Milestone.task_id, Assignment.agency_id)
        .join(Task, Milestone.task_id == Task.id)
        .outerjoin(Assignment, and_(Assignment.task_id == Task.id, Assignment.role == Role.LEAD))
        .where(
            Task.removed_at.is_(None),
            Milestone.completed_on.is_(None),
            Milestone.due < today,
        )
    ).all()
    milestones: dict[int, tuple[int, date]] = {}
    by_agency: dict[int, dict[int, date]] = defaultdict(dict)  # agency -> milestone -> due
    for m_id, due, task_id, lead in rows:
        milestones[m_id] = (task_id, due)
        if lead is not None:
            by_agency[roster.current.get(lead, lead)][m_id] = due
    behind_names = {a: roster.names[a] for a in by_agency if a in roster.names}
    names = roster.names | reports.names_in_plans(session, behind_names, None)
    behind: dict[int, list[date]] = defaultdict(list)  # task -> its overdue deadlines
    for task_id, due in milestones.values():
        behind[task_id].append(due)
    explained = set(_explanations(session, [(t, m) for m, (t, _d) in milestones.items()]))
    asked: set[int] = set()
    if explain_after is not None:
        # k working days overdue or more: the deadline is before the (k-1)-th working day back.
        cutoff = (
            calendar.add_working_days(today, -(explain_after - 1)) if explain_after > 1 else today
        )
        asked = {t for t, dues in behind.items() if min(dues) < cutoff}
    order = sorted(behind, key=lambda t: (min(behind[t]), -len(behind[t]), t))[:top]
    tasks = _tasks(session, order)
    leads = daily_digest.lead_names(session, order, today)
    worst = [
        TaskBehind(
            task_id,
            tasks[task_id].label,
            tasks[task_id].title,
            leads.get(task_id, ()),
            (today - min(behind[task_id])).days,
            asked=task_id in asked,
            answered=task_id in explained,
        )
        for task_id in order
        if task_id in tasks
    ]
    agencies = []
    for agency_id, dues in by_agency.items():
        ids = {milestones[m][0] for m in dues}
        agencies.append(
            AgencyBehind(
                agency_id,
                names.get(agency_id, "?"),
                len(dues),
                len(ids),
                (today - min(dues.values())).days,
                asked=len(ids & asked),
                answered=len(ids & asked & explained),
            )
        )
    agencies.sort(key=lambda a: (-a.overdue, -a.days, a.name))
    return DailyOverview(
        today,
        len(milestones),
        len(behind),
        agencies,
        worst,
        len(asked),
        len(asked & explained),
        coverage.gaps(session, roster),
    )
