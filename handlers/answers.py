"""Answers to questions about a plan, each a ``Question`` (a reading made concrete: agencies
as rows of the database, the task by its number, the window): a list, a count, progress,
the summary, the weekly digest, the Excel file, one task or one of its fields, the way to
do something. ``handlers.questions`` reads the words and picks what to answer.

Who sees what is ``services.reports.Detail``'s rule, as for the commands: counts, rates and
agency names for every registered member; task lists for a coordinator, and for an official
its own agency's; in a group chat and for steering members, counts by agency instead of
lists. What the plan itself says of a task (its title, who leads and supports it, its
deliverable, the dates it sets) is the published plan, shown to every member; its progress
and notes only to those who may see the task's card.

A question travels in a button's data (``encode``/``decode``): the runner-up offered beside
an answer, and the choices of an unclear question, work after a restart.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers import actions, callbacks, digest, queries, start, tasks
from handlers.common import t
from handlers.context import Context
from handlers.markup import escape, fmt
from handlers.messages import Reply
from i18n import N_, gettext, ngettext
from i18n.formatting import day, short_day, status_label
from models import Agency, MilestoneStatus, Task
from models import Role as AssignmentRole
from planning.intent import Action, Ask, Period, PeriodKind, Role, Status, TaskField, TaskRef
from services import questions as found
from services import reports, vocabulary, xlsx_report
from services import tasks as task_service
from services.access import agency_scope
from services.errors import NotAllowed
from services.messages import Button
from services.reports import Detail
from services.tasks import TaskCard

LIST_LIMIT = 20
TASK_ROWS_LIMIT = 8
ACTION_TASKS_LIMIT = 8
BUTTON_TEXT_LIMIT = 60
NO_SUCH_TASK = N_("The plan has no task %(label)s.")
MERGED = N_("%(agency)s, now %(successor)s")
NO_MATCH = N_("No task matches.")
MORE = N_("… and %(count)d more.")
HIDDEN = N_("Only the agencies assigned the task and the coordinators see its progress.")
SEE_LIST = N_("See the list")


WHAT = {
    Status.OVERDUE: N_("Overdue tasks"),
    Status.DUE: N_("Tasks falling due"),
    Status.DONE: N_("Tasks done"),
    Status.UNDATED: N_("Tasks with no deadline yet"),
    Status.IN_PROGRESS: N_("Tasks in progress within their deadline"),
    Status.OPEN: N_("Tasks not finished"),
    None: N_("Tasks"),
}
ACTION_NAMES = {
    Action.EXTEND: N_("Ask for more time"),
    Action.REMIND: N_("Reminders"),
    Action.REPORT_PROGRESS: N_("Update progress"),
    Action.ATTACH_EVIDENCE: N_("Send evidence"),
    Action.COMPLETE: N_("Report done"),
}
HOW_TO = {
    Action.EXTEND: N_(
        "More time is asked for by the lead agency: its official opens the task's card and "
        "taps “Ask for more time” with the new date and the reason; a coordinator approves "
        "or rejects the request, and the statistics still judge against the plan's date."
    ),
    Action.REMIND: N_(
        "I remind the lead agencies myself before each deadline and on the day, as the "
        "reminder policy sets; once a deadline passes I tell the lead agency, then its focal "
        "point, then the coordinators, and ask the agency for an explanation."
    ),
    Action.REPORT_PROGRESS: N_(
        "Progress is updated by the lead agency from the task's card: “Update progress”, "
        "a percentage and a short note."
    ),
    Action.ATTACH_EVIDENCE: N_(
        "Evidence is sent by the lead agency from the task's card: “Send evidence”, then "
        "the files (PDF, Word, Excel or photos)."
    ),
    Action.COMPLETE: N_(
        "A task is reported done by the lead agency from its card: “Report done”; a "
        "coordinator verifies it against the evidence."
    ),
}
ACTION_BUTTONS = {
    Action.EXTEND: actions.ASK_EXTENSION,
    Action.REPORT_PROGRESS: actions.PROGRESS,
    Action.ATTACH_EVIDENCE: actions.EVIDENCE,
    Action.COMPLETE: actions.REPORT_DONE,
}
ICONS = queries.STATUS_ICONS
_DONE = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)

# ------------------------------------------------------------------------------ question


@dataclass(frozen=True)
class Question:
    """A reading made concrete: agencies as rows of the database (a member of a group the
    plan assigns stands for the group), the rest as the reading says."""

    ask: Ask
    field: TaskField | None = None
    action: Action | None = None
    status: Status | None = None
    role: Role | None = None
    own: bool = False
    agencies: tuple[int, ...] = ()
    section: str | None = None
    task: TaskRef | None = None
    period: Period | None = None


# Button data of a question: ``q:<ask><field|action>:<status>:<role><own>:<agency ids>:
# <section>:<task>:<period>``, one or two letters each.
_ASKS = {
    Ask.LIST: "l",
    Ask.COUNT: "c",
    Ask.PROGRESS: "p",
    Ask.REPORT: "r",
    Ask.DIGEST: "d",
    Ask.EXPORT: "x",
    Ask.TASK: "t",
    Ask.ACTION: "a",
    Ask.HELP: "h",
}
_FIELDS = {
    TaskField.CARD: "c",
    TaskField.LEAD: "l",
    TaskField.SUPPORT: "s",
    TaskField.DUE: "d",
    TaskField.PROGRESS: "p",
    TaskField.PRODUCT: "o",
}
_ACTIONS = {
    Action.EXTEND: "e",
    Action.REMIND: "r",
    Action.REPORT_PROGRESS: "p",
    Action.ATTACH_EVIDENCE: "v",
    Action.COMPLETE: "c",
}
_STATUSES = {
    Status.OVERDUE: "o",
    Status.DUE: "d",
    Status.DONE: "x",
    Status.UNDATED: "u",
    Status.IN_PROGRESS: "i",
    Status.OPEN: "n",
}
_ROLES = {Role.LEAD: "l", Role.SUPPORT: "s"}
_KINDS = {
    PeriodKind.DAY: "d",
    PeriodKind.WEEK: "w",
    PeriodKind.MONTH: "m",
    PeriodKind.QUARTER: "q",
    PeriodKind.HALF: "h",
    PeriodKind.YEAR: "y",
    PeriodKind.RANGE: "r",
}


def _back(codes: dict) -> dict:  # type: ignore[type-arg]
    return {v: k for k, v in codes.items()}


def encode(question: Question) -> str | None:
    """The button data of ``question``; None when it does not fit in a button."""
    sub = ""
    if question.field is not None:
        sub = _FIELDS[question.field]
    elif question.action is not None:
        sub = _ACTIONS[question.action]
    ask = _ASKS.get(question.ask)
    if ask is None:
        return None
    task = question.task
    period = question.period
    args = (
        ask + sub,
        _STATUSES[question.status] if question.status else "",
        (_ROLES[question.role] if question.role else "") + ("m" if question.own else ""),
        ".".join(str(a) for a in question.agencies),
        question.section or "",
        ""
        if task is None
        else "~".join((task.section or "", task.number, str(task.activity or ""))),
        "" if period is None else f"{_KINDS[period.kind]}{period.start:%y%m%d}{period.end:%y%m%d}",
    )
    try:
        return actions.QUESTION.data(*args)
    except ValueError:
        return None  # too long, or a code with a ":" in it


def decode(cb: callbacks.Callback) -> Question | None:
    """The question behind a button's data; None for data that is not one."""
    args = list(cb.args) + [""] * (7 - len(cb.args))
    try:
        code = args[0]
        ask = _back(_ASKS)[code[:1]]
        field = _back(_FIELDS)[code[1:]] if ask is Ask.TASK and code[1:] else None
        action = _back(_ACTIONS)[code[1:]] if ask is Ask.ACTION and code[1:] else None
        status = _back(_STATUSES)[args[1]] if args[1] else None
        role = _back(_ROLES)[args[2][:1]] if args[2][:1] in ("l", "s") else None
        agencies = tuple(int(a) for a in args[3].split(".") if a)
        task = None
        if args[5]:
            section, number, activity = (args[5].split("~") + ["", ""])[:3]
            task = TaskRef(section or None, number, int(activity) if activity else None)
        period = None
        if args[6]:
            kind = _back(_KINDS)[args[6][0]]
            start, end = _yymmdd(args[6][1:7]), _yymmdd(args[6][7:13])
            period = Period(kind, start, end)
    except (KeyError, ValueError, IndexError):
        return None
    return Question(
        ask,
        field=field,
        action=action,
        status=status,
        role=role,
        own=args[2].endswith("m"),
        agencies=agencies,
        section=args[4] or None,
        task=task,
        period=period,
    )


def _yymmdd(text: str) -> date:
    return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))


# ------------------------------------------------------------------------------- answers


def answer(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """The answer to one question about the plan ``plan_id``."""
    ask = question.ask
    if ask is Ask.TASK and question.task is not None:
        return _task(ctx, question, plan_id)
    if ask is Ask.ACTION:
        return _action(ctx, question, plan_id)
    if ask is Ask.EXPORT:
        return _export(ctx, question, plan_id)
    if ask is Ask.DIGEST:
        return _digest(ctx, question)
    if ask is Ask.HELP:
        return start.help_registered(ctx.incoming, ctx)
    if ask is Ask.REPORT and not question.agencies and not question.section:
        return queries.report(ctx, plan_id=plan_id, window=question.period)
    if ask in (Ask.PROGRESS, Ask.REPORT):
        return _progress(ctx, question, plan_id)
    if ask is Ask.COUNT:
        return _count(ctx, question, plan_id)
    if ask is Ask.TASK:  # a task by a number no plan has
        return _list(ctx, question, plan_id)
    return _list(ctx, question, plan_id)


def _export(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """The Excel report of the tasks a question selects: "xuất excel các việc quá hạn của
    stp", "xuất excel phần III"."""
    tasks, lines = xlsx_report.Scope(question.section), ()
    if question.own or question.agencies:
        scope = _scope(ctx, question, plan_id, listing=False)
        tasks = xlsx_report.Scope(question.section, scope.agencies, scope.role)
        lines = scope.lines
    what = gettext(WHAT[question.status])
    return queries.export(ctx, plan_id, question.period, question.status, what, tasks, lines)


def _digest(ctx: Context, question: Question) -> list[Reply]:
    """The weekly digest, as /tonghop gives it; of a past week ("tuần trước") as it was
    sent the morning after that week."""
    command = dataclasses.replace(ctx.incoming, command="tonghop", args=(), text=None)
    period = question.period
    if period is not None and period.end < ctx.today:
        moment = datetime.combine(period.end + timedelta(days=1), ctx.now.timetz())
        return digest.digest_command(command, dataclasses.replace(ctx, now=moment))
    return digest.digest_command(command, ctx)


def _window(question: Question) -> tuple[date, date] | None:
    period = question.period
    return (period.start, period.end) if period is not None else None


@dataclass(frozen=True)
class _Scope:
    """Whose tasks: agency ids and their part, and how to name them; ``partners``: ids of
    which one must be assigned each task too ("bên mình với Sở Y tế có việc nào chung")."""

    agencies: frozenset[int]
    role: AssignmentRole | None
    lines: tuple[str, ...]
    partners: frozenset[int] = frozenset()


def _scope(ctx: Context, question: Question, plan_id: int, *, listing: bool) -> _Scope:
    """The agencies a question is about, checked against what the asker may see: a list of
    tasks for an official only of its own agency; an official naming none gets its own. Each
    is named as the plan writes it."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=queries.in_group(ctx))
    role = None
    if question.role is not None:
        role = AssignmentRole.LEAD if question.role is Role.LEAD else AssignmentRole.SUPPORT
    own = reports.own_agency(official, ctx.today)
    if question.own:
        scope = frozenset(agency_scope(ctx.session, own.id, ctx.today))
        name = vocabulary.names_in_plan(ctx.session, {own.id: own.name}, plan_id).get(
            own.id, own.name
        )
        if role is AssignmentRole.SUPPORT:
            line = t(N_("Your agency, coordinating: %(agency)s"), agency=name)
        elif role is AssignmentRole.LEAD:
            line = t(N_("Your agency, leading: %(agency)s"), agency=name)
        else:
            line = t(N_("Your agency: %(agency)s"), agency=name)
        if not question.agencies:
            return _Scope(scope, role, (line,))
        # "bên mình với Sở Y tế có việc nào chung": the tasks one of them shares.
        partners, names = _named(ctx, _rows(ctx, question), plan_id)
        shared = t(N_("Shared with: %(agency)s"), agency=names)
        return _Scope(scope, role, (line, shared), partners)
    rows = _rows(ctx, question)
    if not rows and detail is Detail.OWN and (listing or not question.section):
        rows = [own]  # an official's list is of its own agency; so is a count of nothing named
    if listing and detail is Detail.OWN:
        for row in rows:
            if row.current(ctx.today).id != own.id:
                raise NotAllowed(reports.OWN_AGENCY_ONLY, agency=own.name)
    ids, names = _named(ctx, rows, plan_id)
    lines: tuple[str, ...] = ()
    if rows:
        if role is AssignmentRole.SUPPORT:
            lines = (t(N_("Coordinating agency: %(agency)s"), agency=names),)
        else:
            lines = (t(N_("Lead agency: %(agency)s"), agency=names),)
    if rows and role is None:
        role = AssignmentRole.LEAD  # an agency's tasks are those it leads, as counted
    return _Scope(ids, role, lines)


def _rows(ctx: Context, question: Question) -> list[Agency]:
    """The agencies a question names."""
    return [a for a in (ctx.session.get(Agency, i) for i in question.agencies) if a is not None]


def _named(ctx: Context, rows: list[Agency], plan_id: int) -> tuple[frozenset[int], str]:
    """The ids whose assignments count for ``rows``, and their names as the plan writes them."""
    ids: set[int] = set()
    for row in rows:
        ids |= found.answering_for(ctx.session, row, ctx.today)
    written = vocabulary.names_in_plan(ctx.session, {row.id: row.name for row in rows}, plan_id)
    names = ", ".join(_agency_name(row, ctx.today, written.get(row.id)) for row in rows)
    return frozenset(ids), names


def _agency_name(agency: Agency, today: date, name: str | None = None) -> str:
    """ "Sở Kế hoạch và Đầu tư, nay là Sở Tài chính" for an agency merged into another;
    ``name``: the agency as a plan writes it, where not the directory's."""
    name = name or agency.name
    current = agency.current(today)
    if current.id == agency.id:
        return name
    return gettext(MERGED) % {"agency": name, "successor": current.name}


def _selection(question: Question, scope: _Scope, plan_id: int) -> found.Selection:
    return found.Selection(
        plan_id=plan_id,
        agencies=scope.agencies,
        role=scope.role if scope.agencies else None,
        partners=scope.partners,
        section=question.section,
        status=question.status,
        window=_window(question),
    )


def _header(ctx: Context, question: Question, what: str, scope: _Scope) -> list[str]:
    title = gettext(what)
    if question.period is not None:
        first = t(N_("<b>%(what)s</b> · %(window)s"), what=title, window=question.period.label)
    else:
        first = t(N_("<b>%(what)s</b>, %(date)s"), what=title, date=day(ctx.today))
    lines = [first, *scope.lines]
    if question.section:
        lines.append(queries.section_heading(ctx, question.section))
    return lines


def _list(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """The tasks a question selects, most urgent first; counts by lead agency where the
    asker may not see the tasks."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=queries.in_group(ctx))
    simple = (
        question.status is Status.OVERDUE
        and question.period is None
        and question.role is None
        and not question.own
        and len(question.agencies) <= 1
    )
    ranking: list[list[Button]] = []
    if simple:
        agency = ctx.session.get(Agency, question.agencies[0]) if question.agencies else None
        if agency is not None and agency.current(ctx.today).id == agency.id:
            # As "/quahan <agency>" answers it: the agency's overdue tasks.
            return queries.overdue(ctx, agency, question.section, plan_id)
        if agency is None and detail is not Detail.ALL:
            # As /quahan answers it: the asker's agency, or (aggregates) agencies ranked.
            return queries.overdue(ctx, None, question.section, plan_id)
        if agency is None:
            # The tasks themselves, and /quahan's ranking of the agencies a tap away.
            data = actions.ASK.data(queries.KIND_CODES[queries.IntentKind.OVERDUE], "", "", "")
            if question.section is None:
                ranking = [[Button(t(N_("Overdue tasks by agency")), data)]]
    scope = _scope(ctx, question, plan_id, listing=detail is not Detail.AGGREGATE)
    selected = found.select_milestones(ctx.session, ctx.today, _selection(question, scope, plan_id))
    lines = _header(ctx, question, WHAT[question.status], scope)
    lines[0] += f" ({selected.task_count})"
    if detail is Detail.AGGREGATE:
        per = found.tasks_by_lead(ctx.session, selected)
        if not per:
            lines.append(t(NO_MATCH))
        lines.extend(
            t(N_("%(agency)s: %(count)d"), agency=name, count=count)
            for name, count in per[:LIST_LIMIT]
        )
        return [Reply("\n".join(lines), queries.menu(ctx))]
    rows = found.task_lines(ctx.session, selected, LIST_LIMIT, scope.agencies)
    if not rows:
        lines.append(t(NO_MATCH))
    show_leads = len(scope.agencies) == 0
    lines.extend(_task_line(ctx, row, question, show_leads) for row in rows)
    if selected.task_count > LIST_LIMIT:
        lines.append(t(MORE, count=selected.task_count - LIST_LIMIT))
    buttons = queries.pack([Button(r.label, actions.CARD.data(r.task_id)) for r in rows])
    return [Reply("\n".join(lines), queries.menu(ctx, [*buttons, *ranking]))]


def _task_line(ctx: Context, row: found.TaskLine, question: Question, show_leads: bool) -> str:
    hit = row.standing
    title = short(row.title, 90)
    line = f"{ICONS[hit.status]} <b>{escape(row.label)}</b> {escape(title)}"
    if row.role is AssignmentRole.SUPPORT and question.role is None:
        line += " " + t(N_("(support)"))
    if (show_leads or row.role is AssignmentRole.SUPPORT) and row.leads:
        # Who leads a task the agency only supports: the one to work with.
        line += " — " + escape(", ".join(row.leads))
    return f"{line}\n    {_when(ctx, hit, row.overdue)}"


def _when(ctx: Context, hit: found.Hit, overdue: int) -> str:
    if hit.status in _DONE:
        done = hit.completed_on or ctx.today
        return t(
            N_("done on %(date)s (%(status)s)"),
            date=short_day(done),
            status=status_label(hit.status),
        )
    if hit.due is None:
        return t(N_("no deadline yet"))
    days = (hit.due - ctx.today).days
    if days < 0:
        when = t(N_("%(days)d days overdue"), days=-days)
        if overdue > 1 and hit.status is MilestoneStatus.OVERDUE:
            when += " · " + t(N_("%(count)d overdue milestones"), count=overdue)
    elif days == 0:
        when = t(N_("due today"))
    else:
        when = t(N_("%(days)d days left"), days=days)
    return f"{escape(short_day(hit.due))} ({when})"


_ALL_STATES = N_(
    "<b>%(open)d</b> tasks not finished: %(overdue)d overdue, %(in_progress)d in progress, "
    "%(undated)d with no deadline yet; %(done)d done."
)
_OPEN_STATES = N_(
    "<b>%(open)d</b> tasks not finished: %(overdue)d overdue, %(in_progress)d in progress, "
    "%(undated)d with no deadline yet."
)


def _count(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """How many tasks (and milestones) a question selects; an open count by state."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=queries.in_group(ctx))
    scope = _scope(ctx, question, plan_id, listing=False)
    selection = _selection(question, scope, plan_id)
    lines = _header(ctx, question, WHAT[question.status], scope)
    if question.status in (Status.OPEN, None):
        tally = found.task_states(ctx.session, ctx.today, selection)
        counts = {
            "open": tally.open,
            "overdue": tally.overdue,
            "in_progress": tally.in_progress,
            "undated": tally.undated,
        }
        if question.status is None:
            count = tally.open + tally.done
            lines.append(t(N_("<b>%(total)d</b> tasks in all."), total=count))
            lines.append(t(_ALL_STATES, **counts, done=tally.done))
        else:  # what is not finished: the tasks done are not counted
            count = tally.open
            lines.append(t(_OPEN_STATES, **counts))
    else:
        counted = found.tally(ctx.session, ctx.today, selection)
        count = counted.task_count
        lines.append(
            fmt(
                ngettext(
                    "<b>%(count)d</b> task, %(milestones)d milestones",
                    "<b>%(count)d</b> tasks, %(milestones)d milestones",
                    count,
                ),
                {"count": count, "milestones": counted.milestones.total},
            )
        )
    buttons: list[list[Button]] = []
    may_list = detail is Detail.ALL or (detail is Detail.OWN and _own_only(ctx, question))
    if count and may_list:
        data = encode(dataclasses.replace(question, ask=Ask.LIST))
        if data is not None:
            buttons.append([Button(t(SEE_LIST), data)])
    return [Reply("\n".join(lines), queries.menu(ctx, buttons))]


def _own_only(ctx: Context, question: Question) -> bool:
    official = ctx.official
    assert official is not None
    own = reports.own_agency(official, ctx.today)
    rows = [ctx.session.get(Agency, i) for i in question.agencies]
    return question.own or all(r is not None and r.current(ctx.today).id == own.id for r in rows)


def _progress(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """Counts by class and the on-time rate of what the question names, in its window."""
    if question.period is None and question.role is None and len(question.agencies) <= 1:
        agency = ctx.session.get(Agency, question.agencies[0]) if question.agencies else None
        if (agency is None or agency.current(ctx.today).id == agency.id) and not question.own:
            return queries.progress(ctx, agency, question.section, plan_id)  # as /tiendo answers
    scope = _scope(ctx, question, plan_id, listing=False)
    selection = dataclasses.replace(_selection(question, scope, plan_id), status=None)
    counted = found.tally(ctx.session, ctx.today, selection)
    lines = _header(ctx, question, N_("Progress"), scope)
    lines.extend(queries.count_lines(counted.milestones))
    return [Reply("\n".join(lines), queries.menu(ctx))]


# ---------------------------------------------------------------------------------- a task


def _task(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """A task by its number: its card, or the field asked about, for each of its activity
    rows; the card's buttons where there is one row the asker may see."""
    ref = question.task
    assert ref is not None
    rows = found.find_tasks(ctx.session, plan_id, ref)
    if not rows:
        return [Reply(t(NO_SUCH_TASK, label=ref.label), queries.menu(ctx))]
    field = question.field or TaskField.CARD
    cards = {r.id: card for r in rows[:TASK_ROWS_LIMIT] if (card := _card(ctx, r)) is not None}
    if field is TaskField.CARD and len(rows) == 1 and cards:
        card = cards[rows[0].id]
        return [Reply(tasks.render_card(card), tasks.card_buttons(card))]
    lines = [f"<b>{escape(ref.label)}</b> {escape(task_title(rows))}"]
    for row in rows[:TASK_ROWS_LIMIT]:
        if len(rows) > 1:
            lines.append(f"<b>{escape(row.label)}</b> {escape(short(_row_title(row, rows), 90))}")
        lines.extend(_field_lines(row, field, cards.get(row.id), ctx.today))
    if len(rows) > TASK_ROWS_LIMIT:
        lines.append(t(MORE, count=len(rows) - TASK_ROWS_LIMIT))
    if len(cards) == 1 and len(rows) == 1:
        buttons = tasks.card_buttons(cards[rows[0].id])[:-1]
    else:
        buttons = queries.pack(
            [Button(r.label, actions.CARD.data(r.id)) for r in rows if r.id in cards]
        )
    return [Reply("\n".join(lines), queries.menu(ctx, buttons))]


def _card(ctx: Context, task: Task) -> TaskCard | None:
    """The task's card (progress, notes, evidence), if the asker may see it."""
    official = ctx.official
    assert official is not None
    detail = reports.detail_for(official, in_group=queries.in_group(ctx))
    if detail is Detail.AGGREGATE:
        return None
    try:
        return task_service.card_of(ctx.session, official, task, ctx.today)
    except NotAllowed:
        return None


def task_title(rows: list[Task]) -> str:
    """The task's name: what its activity rows share ("objective — activity"), else its
    objective, else its title."""
    heads = {r.title.split(" — ", 1)[0] for r in rows}
    if len(rows) > 1 and len(heads) == 1:
        return short(heads.pop(), 160)
    objectives = {r.objective for r in rows if r.objective}
    if len(rows) > 1 and len(objectives) == 1:
        return short(objectives.pop(), 160)
    return short(rows[0].title, 160)


def _row_title(row: Task, rows: list[Task]) -> str:
    """An activity row's own words, without the task's name they all begin with."""
    head, _, rest = row.title.partition(" — ")
    if rest and all(r.title.startswith(head + " — ") for r in rows):
        return rest
    return row.title


def _field_lines(task: Task, field: TaskField, card: TaskCard | None, today: date) -> list[str]:
    """What is asked of one task row: what the plan says of it to anyone (its agencies as
    the plan names them, and what a merged one is now), its progress to those who may see
    its card."""
    names = {a.id: _agency_name(a.agency, today, a.shown_name) for a in task.assignments}
    leads = [names[a.id] for a in task.assignments if a.role == AssignmentRole.LEAD]
    supports = [names[a.id] for a in task.assignments if a.role == AssignmentRole.SUPPORT]
    lead_line = t(N_("Lead: %(agencies)s"), agencies=", ".join(leads) or "—")
    if field is TaskField.LEAD:
        return [lead_line]
    if field is TaskField.SUPPORT:
        return [t(N_("Support: %(agencies)s"), agencies=", ".join(supports) or "—")]
    if field is TaskField.PRODUCT:
        return [t(N_("Deliverable: %(product)s"), product=task.product or "—")]
    # A task the plan gives no deadline has no milestone: its card says so, as the plan does.
    dates = (tasks.milestone_lines(card.milestones) if card else []) or _planned_dates(task)
    if field is TaskField.DUE:
        return dates
    lines = [lead_line]
    if field is TaskField.CARD and supports:
        lines.append(t(N_("Support: %(agencies)s"), agencies=", ".join(supports)))
    lines.extend(dates)
    if card is None:
        return [*lines, t(HIDDEN)]
    lines.append(t(N_("Progress: %(percent)d%%"), percent=card.progress))
    if card.last_report:
        lines.append(t(N_("Last update: %(note)s"), note=card.last_report))
    return lines


def _planned_dates(task: Task) -> list[str]:
    """The dates the plan sets for a task, as the published plan says them."""
    if not task.milestones:
        return ["⚪ " + t(N_("no deadline yet"))]
    lines = []
    for m in task.milestones:
        label = f"{m.level}: " if m.level else ""
        planned = m.original_due or m.due
        if planned is None:
            lines.append("⚪ " + tasks.undated_line(label, m.label))
        else:
            lines.append("📅 " + t(N_("%(label)s%(date)s"), label=label, date=day(planned)))
    return lines


# ----------------------------------------------------------------------------- an action


def _action(ctx: Context, question: Question, plan_id: int) -> list[Reply]:
    """How to do what was asked, about the task or the agency named, with the buttons that
    do it (or open the tasks' cards) where the asker may."""
    action = question.action or Action.REPORT_PROGRESS
    lines = [t(HOW_TO[action])]
    rows: list[Task] = []
    if question.task is not None:
        rows = found.find_tasks(ctx.session, plan_id, question.task)
        if not rows:
            lines.append(t(NO_SUCH_TASK, label=question.task.label))
        else:
            lines.append(f"<b>{escape(question.task.label)}</b> {escape(task_title(rows))}")
            lines.extend(
                dict.fromkeys(_field_lines(r, TaskField.LEAD, None, ctx.today)[0] for r in rows)
            )
            leads = {
                a.agency_id for r in rows for a in r.assignments if a.role == AssignmentRole.LEAD
            }
            if set(question.agencies) - leads:
                # "nhắc ubnd cấp xã làm nv II.2" of a task it supports: its part too.
                lines.extend(
                    dict.fromkeys(
                        _field_lines(r, TaskField.SUPPORT, None, ctx.today)[0] for r in rows
                    )
                )
    elif question.agencies or question.own:
        scope = _scope(ctx, question, plan_id, listing=False)
        status = Status.OVERDUE if action is Action.REMIND else Status.OPEN
        selection = dataclasses.replace(
            _selection(question, scope, plan_id), status=status, window=None
        )
        selected = found.select_milestones(ctx.session, ctx.today, selection)
        lines.extend(scope.lines)
        if question.section:  # "nhắc STC ... các việc lĩnh vực 8": that part's tasks
            lines.append(queries.section_heading(ctx, question.section))
        what = gettext(WHAT[status])
        lines.append(t(N_("%(what)s: %(count)d"), what=what, count=selected.task_count))
        ids = [task_id for task_id, _ in selected.ranked()[:ACTION_TASKS_LIMIT]]
        loaded = found.load_tasks(ctx.session, ids)
        rows = [loaded[i] for i in ids if i in loaded]
    buttons: list[list[Button]] = []
    act = ACTION_BUTTONS.get(action)
    for row in rows[:ACTION_TASKS_LIMIT]:
        card = _card(ctx, row)
        if card is None:
            continue
        if act is not None and card.can_update:
            text = f"{row.label}: {gettext(ACTION_NAMES[action])}"
            buttons.append([Button(short(text, BUTTON_TEXT_LIMIT), act.data(row.id))])
        else:
            text = f"{row.label} {row.title}"
            buttons.append([Button(short(text, BUTTON_TEXT_LIMIT), actions.CARD.data(row.id))])
    return [Reply("\n".join(lines), queries.menu(ctx, buttons))]


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis where cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
