"""What coordinators ask by command: overdue by agency, progress, the plan's summary, the
Excel report (questions in ordinary Vietnamese: ``handlers.questions``, which answers the
readings that match a command with the command's answer).

Who sees what (``services.reports.Detail``): counts, rates and agency names are for every
registered member; task lists are details: a coordinator sees every agency's, an official
or focal point its own agency's (``/quahan`` alone narrows to it; another agency's list is
refused), a steering member and everyone in a group chat get the counts only. The Excel
report is for coordinators, in a private chat.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum

from handlers import actions, callbacks, groups, reporting, targets
from handlers.common import menu_row, t
from handlers.context import Context
from handlers.markup import escape, fmt
from handlers.messages import Incoming, Reply
from i18n import N_, gettext, ngettext
from i18n.formatting import day, status_label
from models import Agency, MilestoneStatus
from planning.intent import DEFAULT_SOON_DAYS, Period, Status, agency_in, section_in
from services import reports, xlsx_report
from services.access import require_coordinator
from services.agencies import UNKNOWN_AGENCY
from services.errors import UserError
from services.messages import Button, OutFile
from services.reports import Detail, Snapshot, StatusCounts

LIST_LIMIT = 20
BUTTON_TEXT_LIMIT = 60
STATUS_ORDER = (
    MilestoneStatus.DONE_ON_TIME,
    MilestoneStatus.DONE_LATE,
    MilestoneStatus.IN_PROGRESS,
    MilestoneStatus.OVERDUE,
    MilestoneStatus.UNDATED,
)
STATUS_ICONS = {
    MilestoneStatus.OVERDUE: "🔴",
    MilestoneStatus.IN_PROGRESS: "🟡",
    MilestoneStatus.UNDATED: "⚪",
    MilestoneStatus.DONE_ON_TIME: "✅",
    MilestoneStatus.DONE_LATE: "☑️",
}


class IntentKind(StrEnum):
    """The readings buttons sent before ``handlers.questions`` offered, each as the command
    it matches: such buttons in people's chats keep working."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    PROGRESS = "progress"
    COUNT_OPEN = "count_open"
    REPORT = "report"
    EXPORT = "export"


# Intent kinds in button data, one letter each.
KIND_CODES = {
    IntentKind.OVERDUE: "o",
    IntentKind.DUE_SOON: "s",
    IntentKind.PROGRESS: "p",
    IntentKind.COUNT_OPEN: "c",
    IntentKind.REPORT: "r",
    IntentKind.EXPORT: "x",
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}

UNKNOWN_SECTION = N_("No agency or section of the plan matches %(name)s.")
NOTHING_TRACKED = N_("No plan is tracked yet.")


# ---------------------------------------------------------------------------- commands


def overdue_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/quahan [agency]: overdue tasks by agency, worst first; with an agency, its tasks."""
    text = " ".join(incoming.args).strip()
    return overdue(ctx, _agency_arg(ctx, text) if text else None, None)


def progress_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/tiendo [agency|section]: counts by status and the on-time rate."""
    text = " ".join(incoming.args).strip()
    if not text:
        return progress(ctx, None, None)
    section = section_in(text, reports.sections(ctx.session, group_plan(ctx)))
    if section is not None:
        return progress(ctx, None, section)
    return progress(ctx, _agency_arg(ctx, text, UNKNOWN_SECTION), None)


def report_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/baocao: the plan's summary."""
    return report(ctx)


def export_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/xuatbaocao: the Excel report, sent as a file."""
    return export(ctx)


def overdue_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """An agency tapped in the overdue ranking: its overdue tasks."""
    agency = ctx.session.get(Agency, cb.arg_int(0))
    if agency is None:
        return [Reply(t(N_("This button is no longer valid. Open your task list again.")))]
    return overdue(ctx, agency, cb.args[1] if len(cb.args) > 1 and cb.args[1] else None)


# ------------------------------------------------------------------------- old buttons


def ask_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A reading offered for an unclear question: ``ask:<kind>:<agency>:<section>:<days>``."""
    kind = KINDS_BY_CODE.get(cb.args[0] if cb.args else "")
    if kind is None:
        return [Reply(t(N_("This button is no longer valid. Open your task list again.")))]
    agency_id = cb.arg_int(1, 0)
    agency = ctx.session.get(Agency, agency_id) if agency_id else None
    section = cb.args[2] if len(cb.args) > 2 and cb.args[2] else None
    days = cb.arg_int(3, DEFAULT_SOON_DAYS)
    return _answer(ctx, kind, agency, section, days)


def _answer(
    ctx: Context, kind: IntentKind, agency: Agency | None, section: str | None, days: int
) -> list[Reply]:
    if kind is IntentKind.OVERDUE:
        return overdue(ctx, agency, section)
    if kind is IntentKind.DUE_SOON:
        return due_soon(ctx, agency, section, days)
    if kind is IntentKind.PROGRESS:
        return progress(ctx, agency, section)
    if kind is IntentKind.COUNT_OPEN:
        return count_open(ctx, agency, section)
    if kind is IntentKind.REPORT:
        return report(ctx)
    return export(ctx)


def _code(section: str | None) -> str:
    """A section code fit for button data ("III"); a code that is not is left out."""
    if not section or ":" in section or len(section) > 12:
        return ""
    return section


# ------------------------------------------------------------------------------ answers


def overdue(
    ctx: Context, agency: Agency | None, section: str | None, plan_id: int | None = None
) -> list[Reply]:
    """Overdue milestones by agency, worst first; an agency's overdue tasks (of ``plan_id``,
    else of a group's plan, else of every plan)."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=in_group(ctx))
    snap = _snapshot(ctx, section, plan_id)
    if agency is None and detail is Detail.OWN:
        agency = reports.own_agency(official, ctx.today)  # an official's /quahan: its own
    if agency is None:
        return _overdue_ranking(ctx, snap, detail, section)
    if detail is Detail.AGGREGATE:
        return _overdue_aggregate(ctx, snap, agency)
    reports.check_task_details(official, agency, in_group=in_group(ctx), today=ctx.today)
    rows = reports.overdue_tasks(snap.where(agency_id=agency.id), ctx.session)
    name = snap.name_of(agency)
    lines = [t(N_("<b>Overdue tasks of %(agency)s</b> (%(count)d)"), agency=name, count=len(rows))]
    if not rows:
        lines.append(t(N_("%(agency)s has nothing overdue."), agency=name))
    for row in rows[:LIST_LIMIT]:
        when = t(N_("%(days)d days overdue"), days=row.days)
        if row.overdue_milestones > 1:
            when += " · " + t(N_("%(count)d overdue milestones"), count=row.overdue_milestones)
        lines.append(f"🔴 <b>{escape(row.label)}</b> {escape(row.title)}\n    {when}")
    lines.extend(_more(len(rows)))
    buttons = pack([Button(r.label, actions.CARD.data(r.task_id)) for r in rows[:LIST_LIMIT]])
    return [Reply("\n".join(lines), menu(ctx, buttons))]


def _overdue_ranking(
    ctx: Context, snap: Snapshot, detail: Detail, section: str | None
) -> list[Reply]:
    ranking = snap.overdue_by_agency()
    lines = [t(N_("<b>Overdue by agency</b>, %(date)s"), date=day(ctx.today))]
    if section:
        lines.append(section_heading(ctx, section))
    if not ranking:
        lines.append(t(N_("Nothing is overdue.")))
    lines.extend(_rank_line(n, s) for n, s in enumerate(ranking[:LIST_LIMIT], start=1))
    lines.extend(_more(len(ranking)))
    buttons: list[list[Button]] = []
    if detail is Detail.ALL:
        buttons = pack(
            [
                Button(
                    f"{n}. {s.name}"[:BUTTON_TEXT_LIMIT],
                    actions.OVERDUE_OF.data(s.agency_id, _code(section)),
                )
                for n, s in enumerate(ranking[:LIST_LIMIT], start=1)
            ],
            width=1,
        )
    return [Reply("\n".join(lines), menu(ctx, buttons))]


def _rank_line(rank: int, stats: reports.AgencyStats) -> str:
    return fmt(
        ngettext(
            "%(rank)d. %(agency)s: %(count)d overdue milestone, up to %(days)d days",
            "%(rank)d. %(agency)s: %(count)d overdue milestones, up to %(days)d days",
            stats.overdue,
        ),
        {
            "rank": rank,
            "agency": stats.name,
            "count": stats.overdue,
            "days": stats.max_days_overdue,
        },
    )


def _overdue_aggregate(ctx: Context, snap: Snapshot, agency: Agency) -> list[Reply]:
    """For steering members and group chats: an agency's overdue counts, no task list."""
    stats = next((s for s in snap.overdue_by_agency() if s.agency_id == agency.id), None)
    if stats is None:
        text = t(N_("%(agency)s has nothing overdue."), agency=snap.name_of(agency))
    else:
        text = fmt(
            ngettext(
                "<b>%(agency)s</b>: %(tasks)d overdue task, %(count)d overdue milestones, "
                "up to %(days)d days.",
                "<b>%(agency)s</b>: %(tasks)d overdue tasks, %(count)d overdue milestones, "
                "up to %(days)d days.",
                stats.overdue_tasks,
            ),
            {
                "agency": stats.name,
                "tasks": stats.overdue_tasks,
                "count": stats.overdue,
                "days": stats.max_days_overdue,
            },
        )
    return [Reply(text, menu(ctx))]


def due_soon(ctx: Context, agency: Agency | None, section: str | None, days: int) -> list[Reply]:
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=in_group(ctx))
    snap = _snapshot(ctx, section)
    if agency is None and detail is Detail.OWN:
        agency = reports.own_agency(official, ctx.today)
    if agency is not None:
        if detail is not Detail.AGGREGATE:
            reports.check_task_details(official, agency, in_group=in_group(ctx), today=ctx.today)
        snap = snap.where(agency_id=agency.id)
    until = ctx.today + timedelta(days=days)
    heading = t(N_("<b>Due by %(date)s</b>"), date=day(until))
    if agency is not None:
        heading += " — " + escape(snap.name_of(agency))
    lines = [heading]
    if section:
        lines.append(section_heading(ctx, section))
    if detail is Detail.AGGREGATE:
        due = snap.due_within(days)
        per = _count_by_lead(snap, set(due))
        if not per:
            lines.append(t(N_("Nothing is due in this period.")))
        lines.extend(
            t(N_("%(agency)s: %(count)d"), agency=name, count=count) for name, count in per
        )
        return [Reply("\n".join(lines), menu(ctx))]
    rows = reports.due_tasks(snap, ctx.session, days)
    if not rows:
        lines.append(t(N_("Nothing is due in this period.")))
    for row in rows[:LIST_LIMIT]:
        left = (row.due - ctx.today).days
        when = t(N_("due today")) if left == 0 else t(N_("%(days)d days left"), days=left)
        lead = "" if agency is not None else " — " + escape(", ".join(row.leads))
        title = f"🟡 <b>{escape(row.label)}</b> {escape(row.title)}{lead}"
        lines.append(f"{title}\n    {escape(day(row.due))} ({when})")
    lines.extend(_more(len(rows)))
    buttons = pack([Button(r.label, actions.CARD.data(r.task_id)) for r in rows[:LIST_LIMIT]])
    return [Reply("\n".join(lines), menu(ctx, buttons))]


def _count_by_lead(snap: Snapshot, task_ids: set[int]) -> list[tuple[str, int]]:
    counts: dict[int, set[int]] = {}
    for fact in snap.facts:
        if fact.task_id in task_ids:
            for lead in fact.leads:
                counts.setdefault(lead, set()).add(fact.task_id)
    named = [(snap.agency_names.get(a, "?"), len(ids)) for a, ids in counts.items()]
    return sorted(named, key=lambda e: (-e[1], e[0]))


def progress(
    ctx: Context, agency: Agency | None, section: str | None, plan_id: int | None = None
) -> list[Reply]:
    """Counts by class and the on-time rate of an agency, a section, or the plan (an
    official's own agency when nothing is named)."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=in_group(ctx))
    if agency is None and section is None and detail is Detail.OWN:
        agency = reports.own_agency(official, ctx.today)
    snap = _snapshot(ctx, section, plan_id)
    if agency is not None:
        snap = snap.where(agency_id=agency.id)
    subject = _subject(ctx, agency, section)
    lines = [t(N_("<b>Progress: %(subject)s</b>, %(date)s"), subject=subject, date=day(ctx.today))]
    lines.extend(count_lines(snap.counts()))
    lines.extend(targets.count_lines(ctx, plan_id=group_plan(ctx), agency=agency, section=section))
    return [Reply("\n".join(lines), menu(ctx))]


def count_lines(counts: StatusCounts) -> list[str]:
    lines = [
        f"{STATUS_ICONS[s]} "
        + t(N_("%(status)s: %(count)d"), status=status_label(s), count=counts[s])
        for s in STATUS_ORDER
    ]
    lines.append(_rate_line(counts))
    return lines


def _rate_line(counts: StatusCounts) -> str:
    rate = counts.on_time_rate
    if rate is None:
        return t(N_("On-time rate: nothing was due yet."))
    return t(
        N_("On-time rate: %(rate)s (%(on_time)d of %(judged)d milestones due)"),
        rate=f"{round(rate * 100)}%",
        on_time=counts[MilestoneStatus.DONE_ON_TIME],
        judged=counts.judged,
    )


def count_open(ctx: Context, agency: Agency | None, section: str | None) -> list[Reply]:
    """How many tasks are not finished, by the class of their current milestone."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=in_group(ctx))
    if agency is None and section is None and detail is Detail.OWN:
        agency = reports.own_agency(official, ctx.today)
    snap = _snapshot(ctx, section)
    if agency is not None:
        snap = snap.where(agency_id=agency.id)
    tasks = snap.open_tasks()
    text = t(
        N_(
            "<b>%(subject)s</b>: %(open)d tasks not finished: %(overdue)d overdue, "
            "%(in_progress)d in progress, %(undated)d with no deadline yet; %(done)d done."
        ),
        subject=_subject(ctx, agency, section),
        open=tasks.open,
        overdue=tasks.overdue,
        in_progress=tasks.in_progress,
        undated=tasks.undated,
        done=tasks.done,
    )
    return [Reply(text, menu(ctx))]


def report(ctx: Context, plan_id: int | None = None, window: Period | None = None) -> list[Reply]:
    """Each plan's summary (or ``plan_id``'s): counts per section, overall counts and rate,
    the 5 agencies most behind; of the milestones due in ``window`` where one is given.
    Aggregates only, so anyone registered may ask, in a group too."""
    plan_id = plan_id if plan_id is not None else group_plan(ctx)
    due_in = (window.start, window.end) if window is not None else None
    summaries = reports.plan_summaries(ctx.session, ctx.today, plan_id, due_in=due_in)
    if not summaries:
        return [Reply(t(NOTHING_TRACKED), menu(ctx))]
    replies = []
    for summary in summaries:
        lines = [
            t(N_("<b>Summary: %(plan)s</b>, %(date)s"), plan=summary.title, date=day(ctx.today)),
        ]
        if window is not None:
            lines.append(t(N_("Milestones due in %(window)s"), window=window.label))
        lines += [
            " · ".join(f"{STATUS_ICONS[s]} {escape(status_label(s))}" for s in STATUS_ORDER),
        ]
        for section in summary.sections:
            name = " ".join(p for p in (section.code and f"{section.code}.", section.title) if p)
            lines.append(f"<b>{escape(name or '—')}</b>: {_compact(section.counts)}")
        total = t(N_("<b>Total</b>:"))
        lines.append(f"{total} {_compact(summary.counts)}")
        lines.append(_rate_line(summary.counts))
        if summary.worst:
            lines.append(t(N_("<b>Most behind</b>:")))
            lines.extend(_rank_line(n, s) for n, s in enumerate(summary.worst, start=1))
        else:
            lines.append(t(N_("Nothing is overdue.")))
        lines.extend(targets.count_lines(ctx, plan_id=summary.plan_id))
        replies.append(Reply("\n".join(lines)))
    replies[-1].buttons = menu(ctx)
    return replies


def _compact(counts: StatusCounts) -> str:
    return " ".join(f"{STATUS_ICONS[s]} {counts[s]}" for s in STATUS_ORDER)


def export(
    ctx: Context,
    plan_id: int | None = None,
    window: Period | None = None,
    status: Status | None = None,
    what: str | None = None,
    scope: xlsx_report.Scope | None = None,
    scoped: Sequence[str] = (),
) -> list[Reply]:
    """The Excel report, for a coordinator in a private chat: every plan's (or ``plan_id``'s),
    of the tasks due in ``window``, standing as ``status`` says (named ``what``) and of
    ``scope`` (its agencies named in the lines ``scoped``) where given."""
    official = ctx.official
    assert official is not None
    if in_group(ctx):
        return groups.private_only(ctx.incoming, ctx)
    require_coordinator(official)
    due_in = (window.start, window.end) if window is not None else None
    scope = scope or xlsx_report.Scope()
    content = xlsx_report.build_report(ctx.session, ctx.now, plan_id, due_in, status, scope)
    name = gettext(N_("cchc-report-%(date)s.xlsx")) % {"date": f"{ctx.today:%Y-%m-%d}"}
    document = OutFile(name, content, xlsx_report.MIME_TYPE)
    text = t(N_("The report as of %(date)s."), date=day(ctx.today))
    if window is not None:
        text += "\n" + t(N_("Tasks with milestones due in %(window)s."), window=window.label)
    if status is not None and what:
        text += "\n" + t(N_("Only: %(what)s."), what=what)
    if scope.section is not None:
        text += "\n" + section_heading(ctx, scope.section)
    text += "".join("\n" + line for line in scoped)
    return [Reply(text, menu(ctx), document=document), *reporting.offer(ctx)]


# -------------------------------------------------------------------------------- helpers


def in_group(ctx: Context) -> bool:
    return ctx.incoming.sender.chat_type == "group"


def group_plan(ctx: Context) -> int | None:
    """In a group bound to a plan, that plan; elsewhere every plan."""
    if not in_group(ctx):
        return None
    sender = ctx.incoming.sender
    return reports.group_plan(ctx.session, sender.channel, sender.chat_id, sender.thread_id)


def _snapshot(ctx: Context, section: str | None, plan_id: int | None = None) -> Snapshot:
    plan = plan_id if plan_id is not None else group_plan(ctx)
    snap = reports.snapshot(ctx.session, ctx.today, plan)
    return snap.where(section=section) if section else snap


def _agency_arg(ctx: Context, text: str, unknown: str = UNKNOWN_AGENCY) -> Agency:
    """The agency a command names ("sở tư pháp", "Sở TTTT"), as it answers today."""
    resolution = ctx.directory.resolve(text)
    key = resolution.agency.key if resolution.agency else agency_in(text, ctx.directory)
    agency = reports.agency_by_key(ctx.session, key, ctx.today) if key else None
    if agency is None:
        raise UserError(unknown, name=text)
    return agency


def _subject(ctx: Context, agency: Agency | None, section: str | None) -> str:
    """What an answer is about, as plain text (escaped by ``t``)."""
    parts = []
    if agency is not None:
        parts.append(agency.name)
    if section:
        parts.append(section_name(ctx, section))
    return " — ".join(parts) if parts else gettext(N_("the whole plan"))


def section_name(ctx: Context, section: str | None) -> str:
    if not section:
        return ""
    for ref in reports.sections(ctx.session, group_plan(ctx)):
        if ref.code == section:
            return f"{ref.code}. {ref.title}"
    # A part above the sections, or a directive's point: what it holds.
    members = reports.part_members(ctx.session, group_plan(ctx), section)
    return f"{section} ({', '.join(members)})" if members else section


def section_heading(ctx: Context, section: str) -> str:
    return t(N_("Section %(section)s"), section=section_name(ctx, section))


def _more(count: int) -> list[str]:
    if count <= LIST_LIMIT:
        return []
    return [t(N_("… and %(count)d more."), count=count - LIST_LIMIT)]


def menu(ctx: Context, rows: list[list[Button]] | None = None) -> list[list[Button]]:
    """The buttons of a reply; none in a group chat, where buttons are not answered."""
    return [] if in_group(ctx) else [*(rows or []), menu_row()]


def pack(flat: list[Button], width: int = 4) -> list[list[Button]]:
    return [flat[i : i + width] for i in range(0, len(flat), width)]
