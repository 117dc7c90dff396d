"""Report done, ask for more time, the coordinator's approve/reject, notes and history.

Messages to other people (the coordinators, the lead agency) are written to the outbox in
the recipient's language, in the same unit of work as the change that causes them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import menu_row, say, t
from handlers.context import Context
from handlers.markup import escape
from handlers.messages import Incoming, Reply
from handlers.tasks import card_buttons, render_card
from i18n import N_, use_language
from i18n.formatting import day, status_label
from models import Milestone, Official, ProgressReport, Task
from services import outbox, permissions, review
from services import tasks as task_service
from services.messages import Button, OutboxMessage, button_rows
from services.permissions import Act
from services.review import COMPLETION, Decision, HistoryEntry, Request

EXTENSION_DAYS = (7, 15, 30)
DATE_TEXT = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")

# Replies to the person who acts.
DONE_SENT = N_(
    "Your completion report for %(label)s was sent to the coordinators for verification."
)
ASK_DATE = N_(
    "The current deadline of %(label)s is %(date)s. Type the new date (dd/mm/yyyy), "
    "or choose one below."
)
PLUS_DAYS = N_("+%(days)d days (%(date)s)")
BAD_DATE = N_("Please type the date as dd/mm/yyyy, for example %(example)s.")
ASK_REASON = N_("New deadline %(date)s. Now type the reason you need more time.")
EXTENSION_SENT = N_(
    "Your request to move the deadline of %(label)s to %(date)s was sent to the coordinators."
)
APPROVED_REPLY = N_("Approved: %(label)s. The lead agency has been told.")
EXTENSION_APPROVED_REPLY = N_(
    "Approved: the deadline of %(label)s is now %(date)s. The lead agency has been told."
)
ASK_REJECT_REASON = N_("Type the reason for rejecting; it will be sent to %(agency)s.")
REJECTED_REPLY = N_("Rejected: %(label)s. The reason was sent to the lead agency.")
ALREADY_APPROVED = N_("This request was already approved on %(date)s; nothing was changed.")
ALREADY_REJECTED = N_("This request was already rejected on %(date)s; nothing was changed.")
ASK_NOTE = N_("Type your note on %(label)s.")
NOTE_SAVED = N_("Your note on %(label)s was saved.")
TYPE_TEXT = N_("Please type it as text.")
CANCELLED = N_("Stopped. Nothing more will be recorded.")
STEP_OVER = N_("That step has already finished.")

# Messages to coordinators and lead agencies (through the outbox).
COMPLETION_REQUEST = N_(
    "📥 <b>Completion report</b>\n%(agency)s reports %(label)s done: %(title)s\n"
    "Deadline: %(date)s\nProgress: %(percent)d%%\nEvidence files: %(count)d"
)
EXTENSION_REQUEST = N_(
    "📥 <b>Extension request</b>\n%(agency)s asks to move the deadline of %(label)s "
    "%(title)s from %(old)s to %(new)s.\nReason: %(reason)s"
)
COMPLETION_APPROVED = N_(
    "✅ The coordinator approved the completion of %(label)s %(title)s: %(status)s."
)
COMPLETION_REJECTED = N_(
    "❌ The coordinator rejected the completion report of %(label)s %(title)s.\nReason: %(reason)s"
)
EXTENSION_APPROVED = N_(
    "✅ The deadline of %(label)s %(title)s was moved to %(new)s (originally %(old)s)."
)
EXTENSION_REJECTED = N_(
    "❌ The coordinator rejected the request to move the deadline of %(label)s %(title)s "
    "to %(new)s.\nReason: %(reason)s"
)
NOTE_ADDED = N_("📝 %(agency)s added a note on %(label)s %(title)s:\n%(note)s")

# History (lịch sử).
HISTORY_HEADER = N_("<b>History of %(label)s</b> %(title)s")
HISTORY_EMPTY = N_("Nothing has been recorded for this task yet.")
HISTORY_LINES = {
    "progress": N_("%(date)s · %(who)s: progress %(percent)d%%"),
    "note": N_("%(date)s · %(who)s added a note"),
    "completion": N_("%(date)s · %(who)s reported the task done"),
    "extension": N_("%(date)s · %(who)s asked to move the deadline to %(new)s"),
    "explanation": N_("%(date)s · %(who)s gave an explanation"),
    "evidence": N_("%(date)s · %(who)s sent evidence: %(name)s"),
}
HISTORY_DECISIONS = {
    ("completion", True): N_("%(date)s · the coordinator approved the completion"),
    ("completion", False): N_("%(date)s · the coordinator rejected the completion"),
    ("extension", True): N_("%(date)s · the coordinator approved the new deadline %(new)s"),
    ("extension", False): N_("%(date)s · the coordinator rejected the new deadline %(new)s"),
}


def _cancel_row() -> list[Button]:
    return [Button(t(N_("Cancel")), actions.CANCEL.data())]


def _card(ctx: Context, task_id: int) -> Reply:
    assert ctx.official is not None
    card = task_service.task_card(ctx.session, ctx.official, task_id, ctx.today)
    return Reply(render_card(card), card_buttons(card))


def _day(value: date | None) -> str:
    return day(value) if value else "—"


def _lead_name(task: Task) -> str:
    return ", ".join(a.agency.name for a in task.assignments if a.role == "lead") or "—"


def cancel_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Finish / Cancel: leave whatever step the conversation is in."""
    if ctx.state() is None:
        return say(STEP_OVER)
    ctx.clear_state()
    return say(CANCELLED)


# --- report done (báo hoàn thành)


def done_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    request = review.request_completion(ctx.session, ctx.official, cb.arg_int(0), ctx.now)
    _ask_coordinators(ctx, request)
    ctx.clear_state()
    return [Reply(t(DONE_SENT, label=request.task.label)), _card(ctx, request.task.id)]


def _ask_coordinators(ctx: Context, request: Request) -> None:
    assert ctx.official is not None
    task, report, milestone = request.task, request.report, request.milestone
    count = review.evidence_count(ctx.session, task.id)
    for coordinator in request.coordinators:
        with use_language(coordinator.language):
            buttons = [
                [
                    Button(t(N_("Approve")), actions.APPROVE.data(report.id)),
                    Button(t(N_("Reject")), actions.REJECT.data(report.id)),
                ],
                [
                    Button(t(N_("Open task")), actions.CARD.data(task.id)),
                    Button(t(N_("Evidence files")), actions.EVIDENCE_FILES.data(task.id)),
                ],
            ]
            if report.kind == COMPLETION:
                text = t(
                    COMPLETION_REQUEST,
                    agency=ctx.official.agency.name,
                    label=task.label,
                    title=task.title,
                    date=_day(milestone.due if milestone else None),
                    percent=task.progress_percent,
                    count=count,
                )
            else:
                text = t(
                    EXTENSION_REQUEST,
                    agency=ctx.official.agency.name,
                    label=task.label,
                    title=task.title,
                    old=_day(milestone.due if milestone else None),
                    new=_day(report.requested_date),
                    reason=report.note or "—",
                )
        outbox.enqueue(
            ctx.session,
            official_id=coordinator.id,
            kind=f"{report.kind}_request",
            key=f"request:{report.id}:to:{coordinator.id}",
            message=OutboxMessage(text, button_rows(buttons)),
            now=ctx.now,
            milestone_id=milestone.id if milestone else None,
        )


# --- ask for more time (xin gia hạn)


def extension_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Step 1: show the current deadline and ask for the new one."""
    assert ctx.official is not None
    milestone = review.extension_target(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    assert milestone.due is not None
    ctx.set_state(Step.EXTENSION_DATE, task_id=milestone.task_id)
    base = max(milestone.due, ctx.today)
    choices = [
        Button(
            t(PLUS_DAYS, days=n, date=f"{base + timedelta(days=n):%d/%m}"),
            actions.EXTENSION_DAYS.data(milestone.task_id, n),
        )
        for n in EXTENSION_DAYS
    ]
    text = t(ASK_DATE, label=milestone.task.label, date=day(milestone.due))
    return [Reply(text, [choices, _cancel_row()])]


def extension_days_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Step 2 by button: +7 / +15 / +30 days from the current deadline (or from today)."""
    assert ctx.official is not None
    task_id = cb.arg_int(0)
    milestone = review.extension_target(ctx.session, ctx.official, task_id, ctx.today)
    assert milestone.due is not None
    new_due = max(milestone.due, ctx.today) + timedelta(days=cb.arg_int(1, 7))
    return _ask_reason(ctx, milestone, new_due)


def extension_date_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """Step 2 typed: a date as dd/mm/yyyy."""
    assert ctx.official is not None
    task_id = int(str(data.get("task_id", 0)))
    milestone = review.extension_target(ctx.session, ctx.official, task_id, ctx.today)
    assert milestone.due is not None
    new_due = parse_date(incoming.text or "")
    if new_due is None:
        example = f"{max(milestone.due, ctx.today) + timedelta(days=15):%d/%m/%Y}"
        return [Reply(t(BAD_DATE, example=example), [_cancel_row()])]
    return _ask_reason(ctx, milestone, new_due)


def parse_date(text: str) -> date | None:
    """A date typed as dd/mm/yyyy (or with "." or "-"), None if it is no real date."""
    match = DATE_TEXT.match(text)
    if match is None:
        return None
    d, m, y = (int(g) for g in match.groups())
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _ask_reason(ctx: Context, milestone: Milestone, new_due: date) -> list[Reply]:
    review.check_new_due(milestone, new_due, ctx.today)
    ctx.set_state(Step.EXTENSION_REASON, task_id=milestone.task_id, new_due=new_due.isoformat())
    return [Reply(t(ASK_REASON, date=day(new_due)), [_cancel_row()])]


def extension_reason_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """Step 3: the reason; the request goes to the coordinators."""
    assert ctx.official is not None
    if not (incoming.text or "").strip():
        return [Reply(t(TYPE_TEXT), [_cancel_row()])]
    task_id = int(str(data.get("task_id", 0)))
    new_due = date.fromisoformat(str(data["new_due"]))
    request = review.request_extension(
        ctx.session, ctx.official, task_id, new_due, incoming.text or "", ctx.now
    )
    _ask_coordinators(ctx, request)
    ctx.clear_state()
    return [
        Reply(t(EXTENSION_SENT, label=request.task.label, date=day(new_due))),
        _card(ctx, task_id),
    ]


# --- the coordinator's answer


def approve_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    decision = review.decide(
        ctx.session, ctx.official, cb.arg_int(0), approve=True, reason=None, now=ctx.now
    )
    if decision.already:
        return _already(ctx, decision.report)
    _tell_lead(ctx, decision)
    if decision.report.kind == COMPLETION:
        text = t(APPROVED_REPLY, label=decision.task.label)
    else:
        text = t(
            EXTENSION_APPROVED_REPLY,
            label=decision.task.label,
            date=_day(decision.milestone.due if decision.milestone else None),
        )
    return [Reply(text), _card(ctx, decision.task.id)]


def reject_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Reject: first ask the coordinator why (a conversation step)."""
    assert ctx.official is not None
    report = review.open_request(ctx.session, ctx.official, cb.arg_int(0))
    if report.decision is not None:
        return _already(ctx, report)
    task = task_service.load_task(ctx.session, report.task_id)
    ctx.set_state(Step.REJECT_REASON, report_id=report.id)
    return [Reply(t(ASK_REJECT_REASON, agency=_lead_name(task)), [_cancel_row()])]


def reject_reason_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    assert ctx.official is not None
    reason = (incoming.text or "").strip()
    if not reason:
        return [Reply(t(TYPE_TEXT), [_cancel_row()])]
    decision = review.decide(
        ctx.session,
        ctx.official,
        int(str(data.get("report_id", 0))),
        approve=False,
        reason=reason,
        now=ctx.now,
    )
    ctx.clear_state()
    if decision.already:
        return _already(ctx, decision.report)
    _tell_lead(ctx, decision)
    return [Reply(t(REJECTED_REPLY, label=decision.task.label)), _card(ctx, decision.task.id)]


def _already(ctx: Context, report: ProgressReport) -> list[Reply]:
    when = report.decided_at.astimezone(ctx.now.tzinfo).date() if report.decided_at else None
    message = ALREADY_APPROVED if report.decision == review.APPROVED else ALREADY_REJECTED
    return say(message, date=_day(when))


def _tell_lead(ctx: Context, decision: Decision) -> None:
    task, report, milestone = decision.task, decision.report, decision.milestone
    for official in decision.lead_officials:
        with use_language(official.language):
            text = _decision_text(ctx, decision, task, milestone)
            buttons = [[Button(t(N_("Open task")), actions.CARD.data(task.id))]]
        outbox.enqueue(
            ctx.session,
            official_id=official.id,
            kind=f"{report.kind}_decision",
            key=f"decision:{report.id}:to:{official.id}",
            message=OutboxMessage(text, button_rows(buttons)),
            now=ctx.now,
            milestone_id=milestone.id if milestone else None,
        )


def _decision_text(
    ctx: Context, decision: Decision, task: Task, milestone: Milestone | None
) -> str:
    report = decision.report
    common = {"label": task.label, "title": task.title}
    if report.kind == COMPLETION:
        if decision.approved:
            status = review.milestone_status(milestone, ctx.today)
            return t(COMPLETION_APPROVED, status=status_label(status), **common)
        return t(COMPLETION_REJECTED, reason=decision.reason or "—", **common)
    if decision.approved:
        old = milestone.original_due if milestone else None
        return t(EXTENSION_APPROVED, new=_day(report.requested_date), old=_day(old), **common)
    return t(
        EXTENSION_REJECTED, new=_day(report.requested_date), reason=decision.reason or "—", **common
    )


# --- notes (ghi chú)


def note_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    permissions.require(ctx.session, ctx.official, Act.NOTE, task, ctx.today)
    ctx.set_state(Step.NOTE, task_id=task.id)
    return [Reply(t(ASK_NOTE, label=task.label), [_cancel_row()])]


def note_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    assert ctx.official is not None
    if not (incoming.text or "").strip():
        return [Reply(t(TYPE_TEXT), [_cancel_row()])]
    report, task = review.add_note(
        ctx.session, ctx.official, int(str(data.get("task_id", 0))), incoming.text or "", ctx.now
    )
    ctx.clear_state()
    for official in review.lead_officials(ctx.session, task, ctx.today):
        if official.id == ctx.official.id:
            continue
        _tell_note(ctx, official, task, report)
    return [Reply(t(NOTE_SAVED, label=task.label)), _card(ctx, task.id)]


def _tell_note(ctx: Context, official: Official, task: Task, report: ProgressReport) -> None:
    assert ctx.official is not None
    with use_language(official.language):
        text = t(
            NOTE_ADDED,
            agency=ctx.official.agency.name,
            label=task.label,
            title=task.title,
            note=report.note or "",
        )
        buttons = [[Button(t(N_("Open task")), actions.CARD.data(task.id))]]
    outbox.enqueue(
        ctx.session,
        official_id=official.id,
        kind="note",
        key=f"note:{report.id}:to:{official.id}",
        message=OutboxMessage(text, button_rows(buttons)),
        now=ctx.now,
    )


# --- history (lịch sử)


def history_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    task, entries = review.history(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    lines = [t(HISTORY_HEADER, label=task.label, title=task.title)]
    if not entries:
        lines.append(t(HISTORY_EMPTY))
    lines.extend(history_line(ctx, entry) for entry in entries)
    buttons = [[Button(t(N_("Back to the task")), actions.CARD.data(task.id))], menu_row()]
    return [Reply("\n".join(lines), buttons)]


def history_line(ctx: Context, entry: HistoryEntry) -> str:
    values: dict[str, object] = {
        "date": day(entry.at.astimezone(ctx.now.tzinfo).date()),
        "who": entry.who,
        "new": _day(entry.requested_date),
    }
    if entry.kind == "decision":
        key = (entry.request_kind or COMPLETION, bool(entry.approved))
        line = t(HISTORY_DECISIONS[key], **values)
    elif entry.kind in HISTORY_LINES:
        values |= {"percent": entry.percent or 0, "name": entry.file_name or ""}
        line = t(HISTORY_LINES[entry.kind], **values)
    else:
        line = t(N_("%(date)s · %(who)s"), **values)
    if entry.note:
        line += f": <i>{escape(_shorten(entry.note))}</i>"
    return "• " + line


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
