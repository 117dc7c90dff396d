"""An official's tasks: the paged list with its filters, the task card, and progress updates."""

from __future__ import annotations

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import menu_row, say, t
from handlers.context import Context
from handlers.markup import escape
from handlers.messages import Incoming, Reply
from i18n import N_
from i18n.formatting import day, status_label
from models import MilestoneStatus, Role
from services import permissions
from services import tasks as task_service
from services.messages import Button
from services.permissions import Act
from services.tasks import MilestoneLine, TaskCard, TaskFilter, TaskPage, TaskRow

FILTER_NAMES = {
    TaskFilter.OVERDUE: N_("Overdue"),
    TaskFilter.SOON: N_("Due in 7 days"),
    TaskFilter.ALL: N_("All"),
    TaskFilter.DONE: N_("Done"),
}
STATUS_ICONS = {
    MilestoneStatus.OVERDUE: "🔴",
    MilestoneStatus.IN_PROGRESS: "🟡",
    MilestoneStatus.UNDATED: "⚪",
    MilestoneStatus.DONE_ON_TIME: "✅",
    MilestoneStatus.DONE_LATE: "☑️",
}
PERCENT_CHOICES = (0, 25, 50, 75, 100)


def list_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    return show_list(ctx, TaskFilter.ALL, 0)


def list_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    which = TaskFilter(cb.args[0]) if cb.args and cb.args[0] in set(TaskFilter) else TaskFilter.ALL
    return show_list(ctx, which, cb.arg_int(1), edit=True)


def show_list(ctx: Context, which: TaskFilter, page: int, edit: bool = False) -> list[Reply]:
    assert ctx.official is not None
    result = task_service.list_tasks(ctx.session, ctx.official, ctx.today, which, page)
    lines = [
        t(
            N_("<b>Tasks of %(agency)s</b> — %(filter)s (%(count)d)"),
            agency=ctx.official.agency.name,
            filter=t(FILTER_NAMES[which]),
            count=result.total,
        )
    ]
    if not result.rows:
        lines.append(t(N_("Nothing here.")))
    for row in result.rows:
        lines.append(_row_line(row))
    buttons = [[Button(f"{row.label}", actions.CARD.data(row.id))] for row in result.rows]
    buttons = _pack(buttons, 4)
    buttons.append(_filter_row(result))
    nav = _page_row(which, result)
    if nav:
        buttons.append(nav)
    return [Reply("\n".join(lines), buttons, edit=edit)]


def _row_line(row: TaskRow) -> str:
    when = _days_text(row.days, row.status)
    support = " " + t(N_("(support)")) if row.role is Role.SUPPORT else ""
    line = f"{STATUS_ICONS[row.status]} <b>{escape(row.label)}</b> {escape(_short(row.title, 90))}"
    return line + support + (f"\n    {when}" if when else "")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _days_text(days: int | None, status: MilestoneStatus) -> str:
    if days is None or status in (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE):
        return ""
    if days < 0:
        return t(N_("%(days)d days overdue"), days=-days)
    if days == 0:
        return t(N_("due today"))
    return t(N_("%(days)d days left"), days=days)


def _pack(rows: list[list[Button]], width: int) -> list[list[Button]]:
    flat = [b for row in rows for b in row]
    return [flat[i : i + width] for i in range(0, len(flat), width)]


def _filter_row(result: TaskPage) -> list[Button]:
    return [
        Button(f"{t(FILTER_NAMES[f])} ({result.counts[f]})", actions.LIST_PAGE.data(f.value, 0))
        for f in (TaskFilter.OVERDUE, TaskFilter.SOON, TaskFilter.ALL, TaskFilter.DONE)
    ]


def _page_row(which: TaskFilter, result: TaskPage) -> list[Button]:
    row = []
    if result.page > 0:
        row.append(Button("◀", actions.LIST_PAGE.data(which.value, result.page - 1)))
    if result.page + 1 < result.pages:
        row.append(Button("▶", actions.LIST_PAGE.data(which.value, result.page + 1)))
    return row


def card_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    card = task_service.task_card(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    return [Reply(render_card(card), card_buttons(card))]


def render_card(card: TaskCard) -> str:
    lines = [
        f"<b>{escape(card.label)}</b> {escape(card.title)}",
        t(N_("Deliverable: %(product)s"), product=card.product or "—"),
        t(N_("Lead: %(agencies)s"), agencies=", ".join(card.leads) or "—"),
    ]
    if card.supports:
        lines.append(t(N_("Support: %(agencies)s"), agencies=", ".join(card.supports)))
    lines.extend(milestone_lines(card.milestones))
    lines.append(t(N_("Progress: %(percent)d%%"), percent=card.progress))
    if card.last_report:
        lines.append(t(N_("Last update: %(note)s"), note=card.last_report))
    lines.append(t(N_("Evidence files: %(count)d"), count=card.evidence_count))
    return "\n".join(lines)


def undated_line(label: str, text: str) -> str:
    """A milestone with no date, with the plan's words for it where it has any."""
    if not text:
        return t(N_("%(label)sno deadline yet"), label=label)
    return t(N_("%(label)sno deadline yet (%(text)s)"), label=label, text=text)


def milestone_lines(milestones: list[MilestoneLine]) -> list[str]:
    """A task's milestones as its card shows them: date, status, days left or overdue."""
    lines = []
    for m in milestones:
        label = f"{m.level}: " if m.level else ""
        if m.due is None:
            lines.append("⚪ " + undated_line(label, m.label))
            continue
        when = _days_text(m.days, m.status)
        status = status_label(m.status)
        lines.append(
            f"{STATUS_ICONS[m.status]} "
            + t(N_("%(label)s%(date)s — %(status)s"), label=label, date=day(m.due), status=status)
            + (f" ({when})" if when else "")
        )
        if m.original_due:
            lines.append("    " + t(N_("originally due %(date)s"), date=day(m.original_due)))
    return lines


def card_buttons(card: TaskCard) -> list[list[Button]]:
    rows: list[list[Button]] = []
    if card.can_update:
        rows.append([Button(t(N_("Update progress")), actions.PROGRESS.data(card.id))])
        rows.append(
            [
                Button(t(N_("Send evidence")), actions.EVIDENCE.data(card.id)),
                Button(t(N_("Report done")), actions.REPORT_DONE.data(card.id)),
            ]
        )
        rows.append([Button(t(N_("Ask for more time")), actions.ASK_EXTENSION.data(card.id))])
    elif card.can_verify:
        rows.append(
            [
                Button(t(N_("Evidence files")), actions.EVIDENCE_FILES.data(card.id)),
                Button(t(N_("✏️ Correct")), actions.EDIT.data(card.id)),
            ]
        )
    elif card.role is Role.SUPPORT:
        rows.append([Button(t(N_("Add a note")), actions.NOTE.data(card.id))])
    history = [Button(t(N_("History")), actions.HISTORY.data(card.id))]
    if card.targets and (card.can_update or card.can_verify):
        label = t(N_("🎯 Targets (%(count)d)"), count=card.targets)
        history.append(Button(label, actions.TASK_TARGETS.data(card.id)))
    rows.append(history)
    rows.append(menu_row())
    return rows


def progress_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Step 1: choose a percentage, or type one."""
    assert ctx.official is not None
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    permissions.require(ctx.session, ctx.official, Act.REPORT, task, ctx.today)
    ctx.set_state(Step.PROGRESS, task_id=task.id)
    buttons = [[Button(f"{p}%", actions.PERCENT.data(task.id, p)) for p in PERCENT_CHOICES]]
    return [
        Reply(
            t(
                N_("Progress of %(label)s: choose, or type a number from 0 to 100."),
                label=task.label,
            ),
            buttons,
        )
    ]


def percent_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Step 2: the percentage chosen; ask for an optional note."""
    assert ctx.official is not None
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    permissions.require(ctx.session, ctx.official, Act.REPORT, task, ctx.today)
    ctx.set_state(Step.PROGRESS_NOTE, task_id=cb.arg_int(0), percent=cb.arg_int(1))
    skip = [[Button(t(N_("No note")), actions.SKIP_NOTE.data(cb.arg_int(0)))]]
    return [
        Reply(
            t(
                N_("%(percent)d%%. Type a short note on what was done, or tap No note."),
                percent=cb.arg_int(1),
            ),
            skip,
        )
    ]


def progress_text(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """Typed answers during the progress steps: a number, then a note."""
    text = (incoming.text or "").strip()
    task_id = int(str(data.get("task_id", 0)))
    if "percent" not in data:
        digits = text.rstrip("%").strip()
        if not digits.isdigit() or not 0 <= int(digits) <= 100:
            return say(N_("Please type a whole number from 0 to 100."))
        return percent_button(incoming, ctx, actions.PERCENT.press(task_id, digits))
    return _save_progress(ctx, task_id, int(str(data["percent"])), text or None)


def skip_note_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    state = ctx.state()
    if not state or state[0] != Step.PROGRESS_NOTE or state[1].get("task_id") != cb.arg_int(0):
        return say(N_("That step has already finished."))
    return _save_progress(ctx, cb.arg_int(0), int(str(state[1].get("percent", 0))), None)


def _save_progress(ctx: Context, task_id: int, percent: int, note: str | None) -> list[Reply]:
    assert ctx.official is not None
    task = task_service.record_progress(
        ctx.session, ctx.official, task_id, percent, note, ctx.now, ctx.today
    )
    ctx.clear_state()
    card = task_service.task_card(ctx.session, ctx.official, task.id, ctx.today)
    return [
        Reply(t(N_("Saved: %(label)s is at %(percent)d%%."), label=task.label, percent=percent)),
        Reply(render_card(card), card_buttons(card)),
    ]
