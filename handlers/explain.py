"""Explanations (giải trình): a lead agency says why a task is late and when it expects to
finish, when the coordinator's escalation asks for it (the Explain button on that message).

Explain -> step "expl_reason" (a reason chosen or typed) -> step "expl_date" (a date chosen
or typed as dd/mm/yyyy) -> a progress report of kind "explanation", audited; the coordinators
are told through the outbox in the same unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.formatting import day
from bot.i18n import use_language
from handlers import callbacks
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Button, Incoming, Reply
from handlers.review import BAD_DATE, PLUS_DAYS, STEP_OVER, TYPE_TEXT, parse_date
from handlers.tasks import card_buttons, render_card
from models import Milestone, Official, ProgressReport, Task
from planning.findings import N_
from services import audit, outbox, review
from services import tasks as task_service
from services.errors import UserError

EXPLANATION = "explanation"
REASON_STEP = "expl_reason"
DATE_STEP = "expl_date"
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
EXPECTED_NOT_LATER = N_("The expected date must be later than today.")
NOTHING_TO_EXPLAIN = N_("This task has no open deadline to explain.")
EXPLANATION_SAVED = N_(
    "Your explanation for %(label)s was sent to the coordinators: expected completion %(date)s."
)
EXPLANATION_RECEIVED = N_(
    "📝 <b>Explanation</b>\n%(agency)s explains the delay of %(label)s %(title)s "
    "(deadline %(due)s).\nReason: %(reason)s\nExpected completion: %(expected)s"
)


@dataclass(frozen=True)
class Explanation:
    report: ProgressReport
    task: Task
    milestone: Milestone
    coordinators: list[Official]


# --- the conversation


def explain_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Explain: check the official may, then ask for the reason."""
    assert ctx.official is not None
    milestone = explanation_target(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    task = milestone.task
    ctx.set_state(REASON_STEP, task_id=task.id)
    assert milestone.due is not None
    choices = [
        [Button(t(text), callbacks.encode("exr", task.id, code))] for code, text in REASONS.items()
    ]
    return [
        Reply(t(ASK_REASON, label=task.label, date=day(milestone.due)), [*choices, _cancel_row()])
    ]


def reason_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A reason chosen from the buttons."""
    state = ctx.state()
    code = cb.args[1] if len(cb.args) > 1 else ""
    if state is None or state[0] != REASON_STEP or code not in REASONS:
        return say(STEP_OVER)
    return _ask_date(ctx, cb.arg_int(0), t(REASONS[code]))


def reason_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """A reason typed during the reason step."""
    reason = (incoming.text or "").strip()
    if not reason:
        return [Reply(t(TYPE_TEXT), [_cancel_row()])]
    return _ask_date(ctx, int(str(data.get("task_id", 0))), reason)


def _ask_date(ctx: Context, task_id: int, reason: str) -> list[Reply]:
    assert ctx.official is not None
    milestone = explanation_target(ctx.session, ctx.official, task_id, ctx.today)
    ctx.set_state(DATE_STEP, task_id=task_id, reason=reason[: review.NOTE_LIMIT])
    choices = [
        Button(
            t(PLUS_DAYS, days=n, date=f"{ctx.today + timedelta(days=n):%d/%m}"),
            callbacks.encode("exd", task_id, n),
        )
        for n in DATE_CHOICES
    ]
    text = t(ASK_DATE, reason=reason, label=milestone.task.label)
    return [Reply(text, [choices, _cancel_row()])]


def date_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """An expected date chosen: today plus 7, 15 or 30 days."""
    state = ctx.state()
    if state is None or state[0] != DATE_STEP:
        return say(STEP_OVER)
    expected = ctx.today + timedelta(days=cb.arg_int(1, DATE_CHOICES[0]))
    return _save(ctx, cb.arg_int(0), str(state[1].get("reason", "")), expected)


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
                    Button(t(N_("Open task")), callbacks.encode("card", task.id)),
                    Button(t(N_("History")), callbacks.encode("hist", task.id)),
                ]
            ]
        outbox.enqueue(
            ctx.session,
            official_id=coordinator.id,
            kind=EXPLANATION,
            key=f"explanation:{report.id}:to:{coordinator.id}",
            text=text,
            buttons=buttons,
            now=ctx.now,
            milestone_id=milestone.id,
        )


def _cancel_row() -> list[Button]:
    return [Button(t(N_("Cancel")), callbacks.encode("stop"))]


# --- the use case. It belongs with the other requests in services/review.py; it lives here
# until that file's owner takes it, and builds no query of its own.


def explanation_target(
    session: Session, official: Official, task_id: int, today: date
) -> Milestone:
    """The milestone an explanation is about: the task's current open, dated one."""
    task = task_service.load_task(session, task_id)
    review.require_lead(session, official, task, today)
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
    reason = reason.strip()[: review.NOTE_LIMIT]
    if not reason:
        raise UserError(review.EMPTY_TEXT)
    if expected <= now.date():
        raise UserError(EXPECTED_NOT_LATER)
    milestone = explanation_target(session, official, task_id, now.date())
    report = ProgressReport(
        task_id=milestone.task_id,
        milestone_id=milestone.id,
        official_id=official.id,
        kind=EXPLANATION,
        note=reason,
        requested_date=expected,
        created_at=now,
    )
    session.add(report)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="task.explain",
        entity="progress_report",
        entity_id=report.id,
        after={
            "task_id": milestone.task_id,
            "milestone_id": milestone.id,
            "due": milestone.due.isoformat() if milestone.due else None,
            "reason": reason,
            "expected": expected.isoformat(),
        },
    )
    return Explanation(report, milestone.task, milestone, review.coordinators(session))
