"""Explanations (giải trình): a lead agency says why a task is late and when it expects to
finish, when the coordinator's escalation asks for it (the Explain button on that message).

Explain -> step "expl_reason" (a reason chosen or typed) -> step "expl_date" (a date chosen
or typed as dd/mm/yyyy) -> a progress report of kind "explanation", audited; the coordinators
are told through the outbox in the same unit of work.
"""

from __future__ import annotations

from datetime import date, timedelta

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.review import BAD_DATE, PLUS_DAYS, STEP_OVER, TYPE_TEXT, parse_date
from handlers.tasks import card_buttons, render_card
from i18n import N_, use_language
from i18n.formatting import day
from services import outbox, review
from services import tasks as task_service
from services.messages import Button, OutboxMessage, button_rows
from services.review import (
    EXPECTED_NOT_LATER,
    EXPLANATION,
    NOTHING_TO_EXPLAIN,
    Explanation,
    explanation_target,
    record_explanation,
)

__all__ = ["EXPECTED_NOT_LATER", "NOTHING_TO_EXPLAIN"]

DATE_CHOICES = (7, 15, 30)

# Reasons offered as buttons; anything else is typed.
REASONS = {
    "input": N_("Waiting for input from other agencies"),
    "funds": N_("Funding has not been allocated yet"),
    "guide": N_("Waiting for guidance from higher levels"),
    "load": N_("More work than planned"),
}

ASK_REASON = N_(
    "Why is %(label)s late (deadline %(date)s)? Choose a reason below or type your own."
)
ASK_DATE = N_(
    "Reason: %(reason)s\nWhen do you expect to finish %(label)s? Type the date (dd/mm/yyyy) "
    "or choose one below."
)
EXPLANATION_SAVED = N_(
    "Your explanation for %(label)s was sent to the coordinators: expected completion %(date)s."
)
EXPLANATION_RECEIVED = N_(
    "📝 <b>Explanation</b>\n%(agency)s explains the delay of %(label)s %(title)s "
    "(deadline %(due)s).\nReason: %(reason)s\nExpected completion: %(expected)s"
)


# --- the conversation


def explain_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Explain: check the official may, then ask for the reason."""
    assert ctx.official is not None
    milestone = explanation_target(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    task = milestone.task
    ctx.set_state(Step.EXPLAIN_REASON, task_id=task.id)
    assert milestone.due is not None
    choices = [
        [Button(t(text), actions.EXPLAIN_REASON.data(task.id, code))]
        for code, text in REASONS.items()
    ]
    return [
        Reply(t(ASK_REASON, label=task.label, date=day(milestone.due)), [*choices, _cancel_row()])
    ]


def reason_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A reason chosen from the buttons."""
    state = ctx.state()
    code = cb.args[1] if len(cb.args) > 1 else ""
    if state is None or state[0] != Step.EXPLAIN_REASON or code not in REASONS:
        return say(STEP_OVER)
    return _ask_date(ctx, int(str(state[1].get("task_id", 0))), t(REASONS[code]))


def reason_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """A reason typed during the reason step."""
    reason = (incoming.text or "").strip()
    if not reason:
        return [Reply(t(TYPE_TEXT), [_cancel_row()])]
    return _ask_date(ctx, int(str(data.get("task_id", 0))), reason)


def _ask_date(ctx: Context, task_id: int, reason: str) -> list[Reply]:
    assert ctx.official is not None
    milestone = explanation_target(ctx.session, ctx.official, task_id, ctx.today)
    ctx.set_state(Step.EXPLAIN_DATE, task_id=task_id, reason=reason[: review.NOTE_LIMIT])
    choices = [
        Button(
            t(PLUS_DAYS, days=n, date=f"{ctx.today + timedelta(days=n):%d/%m}"),
            actions.EXPLAIN_DATE.data(task_id, n),
        )
        for n in DATE_CHOICES
    ]
    text = t(ASK_DATE, reason=reason, label=milestone.task.label)
    return [Reply(text, [choices, _cancel_row()])]


def date_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """An expected date chosen: today plus 7, 15 or 30 days."""
    state = ctx.state()
    if state is None or state[0] != Step.EXPLAIN_DATE:
        return say(STEP_OVER)
    expected = ctx.today + timedelta(days=cb.arg_int(1, DATE_CHOICES[0]))
    task_id = int(str(state[1].get("task_id", 0)))  # the step's task, whatever the button says
    return _save(ctx, task_id, str(state[1].get("reason", "")), expected)


def date_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """An expected date typed during the date step."""
    expected = parse_date(incoming.text or "")
    if expected is None:
        example = f"{ctx.today + timedelta(days=15):%d/%m/%Y}"
        return [Reply(t(BAD_DATE, example=example), [_cancel_row()])]
    task_id = int(str(data.get("task_id", 0)))
    return _save(ctx, task_id, str(data.get("reason", "")), expected)


def _save(ctx: Context, task_id: int, reason: str, expected: date) -> list[Reply]:
    assert ctx.official is not None
    explanation = record_explanation(ctx.session, ctx.official, task_id, reason, expected, ctx.now)
    _tell_coordinators(ctx, explanation)
    ctx.clear_state()
    card = task_service.task_card(ctx.session, ctx.official, task_id, ctx.today)
    return [
        Reply(t(EXPLANATION_SAVED, label=explanation.task.label, date=day(expected))),
        Reply(render_card(card), card_buttons(card)),
    ]


def _tell_coordinators(ctx: Context, explanation: Explanation) -> None:
    assert ctx.official is not None
    report, task, milestone = explanation.report, explanation.task, explanation.milestone
    assert milestone.due is not None and report.requested_date is not None
    for coordinator in explanation.coordinators:
        with use_language(coordinator.language):
            text = t(
                EXPLANATION_RECEIVED,
                agency=ctx.official.agency.name,
                label=task.label,
                title=task.title,
                due=day(milestone.due),
                reason=report.note or "—",
                expected=day(report.requested_date),
            )
            buttons = [
                [
                    Button(t(N_("Open task")), actions.CARD.data(task.id)),
                    Button(t(N_("History")), actions.HISTORY.data(task.id)),
                ]
            ]
        outbox.enqueue(
            ctx.session,
            official_id=coordinator.id,
            kind=EXPLANATION,
            key=f"explanation:{report.id}:to:{coordinator.id}",
            message=OutboxMessage(text, button_rows(buttons)),
            now=ctx.now,
            milestone_id=milestone.id,
        )


def _cancel_row() -> list[Button]:
    return [Button(t(N_("Cancel")), actions.CANCEL.data())]
