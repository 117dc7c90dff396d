"""Targets (chỉ tiêu) in the chat: /chitieu lists the agency's targets with a button each; a
target's card shows its goal, where it stands and the values reported; an official enters
the value achieved (a number, or "x/y"), an optional note, then a file as evidence.

Report value -> step "target_value" (a number or x/y) -> step "target_note" (a note, or No
note) -> saved, audited -> step "target_evidence" (a file or a photo, or Finish).

Who may enter a value (``Act.TARGET`` in ``services.permissions``, checked by the service): an
official or focal point of an agency answering for the target, or a coordinator.
"""

from __future__ import annotations

from decimal import Decimal

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import menu_row, say, t
from handlers.context import Context
from handlers.markup import escape
from handlers.messages import Incoming, Reply
from i18n import N_
from i18n.formatting import amount, day, number, short_day, target_goal, target_status_label
from models import Agency, OfficialRole, TargetStatus
from planning.intent import agency_in
from planning.targets import PERCENT, Achieved, parse_achieved, target_question
from services import evidence as evidence_service
from services import reports, vocabulary
from services import targets as target_service
from services.access import is_coordinator
from services.messages import Button
from services.reports import Detail
from services.targets import TargetCard, TargetRow, TargetSummary

PAGE_SIZE = 8
LIST_LIMIT = 20
MEASURE_LIMIT = 110
ICONS = {
    TargetStatus.REPORT_OVERDUE: "⏰",
    TargetStatus.NOT_MET: "❌",
    TargetStatus.NOT_REPORTED: "⚪",
    TargetStatus.MET: "✅",
}
STATUS_ORDER = target_service.STATUS_ORDER

LIST_TITLE = N_("<b>🎯 Targets of %(agency)s</b> (%(count)d)")
ALL_TITLE = N_("<b>🎯 Targets of the plans</b> (%(count)d)")
TASK_TITLE = N_("<b>🎯 Targets of task %(label)s</b> (%(count)d)")
NO_TARGETS = N_("No target of the plan is yours to report.")
CARD_TITLE = N_("<b>🎯 Target %(number)d</b>")
CARD_TASK = N_("Task: %(label)s")
CARD_GOAL = N_("Goal: %(goal)s")
CARD_DUE = N_("Report by: %(date)s")
CARD_AGENCIES = N_("Answering for it: %(agencies)s")
CARD_NO_AGENCY = N_("Answering for it: not assigned yet (the coordinator assigns it)")
CARD_STATUS = N_("Status: %(status)s")
CARD_AS_WRITTEN = N_("In the plan: “%(text)s”")
HISTORY_TITLE = N_("Values reported:")
HISTORY_LINE = N_("%(date)s: %(value)s — %(who)s, %(agency)s")
LATEST = N_("latest %(value)s")
ASK_VALUE = N_(
    "What did target %(number)d achieve (goal %(goal)s)? Type a number, for example 62, "
    "or x/y, for example 45/60."
)
ASK_COUNT = N_("What did target %(number)d achieve (goal %(goal)s)? Type a number, for example 3.")
ASK_NOTE = N_(
    "%(value)s. Type a short note (how it was counted, where the figures come from), "
    "or tap No note."
)
SAVED = N_("Saved: target %(number)d is at %(value)s, %(status)s (goal %(goal)s).")
ASK_FILE = N_("Send a photo or a file (PDF, Word, Excel) as its evidence now, or tap Finish.")
ASK_PHOTO = N_("Send a photo of the evidence now, or tap Finish.")
SEND_A_FILE = N_("Please send the evidence as a photo or a file, or tap Finish.")
EVIDENCE_SAVED = N_("Saved as the evidence of this value: %(name)s.")
STEP_OVER = N_("That step has already finished.")
COUNT_LINE = N_("🎯 Targets: %(counts)s")
ANSWER_TITLE = N_("<b>🎯 Targets %(status)s</b>: %(subject)s (%(count)d)")
ANSWER_ALL = N_("<b>🎯 Targets</b>: %(subject)s (%(count)d)")
ANSWER_NONE = N_("None.")
ALSO_UNKNOWN = N_(
    "Besides, %(not_reported)d not reported yet and %(overdue)d with the report overdue."
)
MORE = N_("… and %(count)d more.")
WHOLE_PLAN = N_("the whole plan")


# ------------------------------------------------------------------------------- lists


def list_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/chitieu: the targets the official's agency answers for (a coordinator: all)."""
    return show_list(ctx, 0)


def list_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    return show_list(ctx, cb.arg_int(0), edit=True)


def show_list(ctx: Context, page: int, edit: bool = False) -> list[Reply]:
    official = ctx.official
    assert official is not None
    if official.role == OfficialRole.STEERING:  # counts only
        summary = target_service.summarize(ctx.session, ctx.today)
        return [Reply(t(ALL_TITLE, count=summary.total) + "\n" + _counts(summary), [menu_row()])]
    rows = target_service.targets_of(ctx.session, official, ctx.today)
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = rows[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    if is_coordinator(official):
        title = t(ALL_TITLE, count=len(rows))
    else:
        title = t(LIST_TITLE, agency=official.agency.name, count=len(rows))
    lines = [title, _counts(TargetSummary.of(rows))] if rows else [title, t(NO_TARGETS)]
    lines.extend(_row_line(r) for r in shown)
    buttons = _pack([Button(str(r.number), actions.TARGET.data(r.id)) for r in shown])
    nav = []
    if page > 0:
        nav.append(Button("◀", actions.TARGETS.data(page - 1)))
    if page + 1 < pages:
        nav.append(Button("▶", actions.TARGETS.data(page + 1)))
    if nav:
        buttons.append(nav)
    buttons.append(menu_row())
    return [Reply("\n".join(lines), buttons, edit=edit)]


def task_targets_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """The targets of one task, from its card."""
    assert ctx.official is not None
    rows = target_service.task_targets(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    label = rows[0].task_label if rows else ""
    lines = [t(TASK_TITLE, label=label or "—", count=len(rows))]
    if not rows:
        lines.append(t(NO_TARGETS))
    lines.extend(_row_line(r) for r in rows)
    buttons = _pack([Button(str(r.number), actions.TARGET.data(r.id)) for r in rows])
    return [Reply("\n".join(lines), [*buttons, menu_row()])]


def _row_line(row: TargetRow) -> str:
    what = _short(row.measure or "—", MEASURE_LIMIT)
    if row.level:
        what = f"{what} — {row.level}"
    where = f" ({escape(row.task_label)})" if row.task_label else ""
    status = target_status_label(row.status)
    if row.latest is not None:
        status += ", " + t(LATEST, value=_value_text(row.latest, row.unit, row.latest_fraction))
    goal = target_goal(row.comparison, row.value, row.unit, row.change)
    return (
        f"{ICONS[row.status]} <b>{row.number}.</b>{where} {escape(what)}\n"
        f"    {escape(goal)} · {escape(status)}"
    )


def _counts(summary: TargetSummary) -> str:
    parts = [
        f"{ICONS[s]} {summary[s]} {target_status_label(s)}" for s in STATUS_ORDER if summary[s]
    ]
    return t(COUNT_LINE, counts=" · ".join(parts) or "0")


def count_lines(
    ctx: Context,
    *,
    plan_id: int | None = None,
    agency: Agency | None = None,
    section: str | None = None,
) -> list[str]:
    """One line of target counts by status, for /tiendo and /baocao; none without targets."""
    summary = target_service.summarize(
        ctx.session, ctx.today, plan_id=plan_id, agency_id=agency.id if agency else None
    )
    if section is not None:
        summary = TargetSummary.of([r for r in summary.rows if r.section == section])
    return [_counts(summary)] if summary.total else []


# ------------------------------------------------------------------------------ a card


def card_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    card = target_service.target_card(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    return [Reply(render_card(card, ctx), card_buttons(card))]


def render_card(card: TargetCard, ctx: Context) -> str:
    row = card.row
    lines = [t(CARD_TITLE, number=row.number)]
    what = row.measure or "—"
    lines.append(escape(f"{what} — {row.level}" if row.level else what))
    if row.task_label:
        lines.append(t(CARD_TASK, label=row.task_label))
    lines.append(
        t(
            CARD_GOAL,
            goal=target_goal(row.comparison, row.value, row.unit, row.change, row.baseline),
        )
    )
    if row.due:
        lines.append(t(CARD_DUE, date=day(row.due)))
    if row.agencies:
        lines.append(t(CARD_AGENCIES, agencies=", ".join(row.agencies)))
    else:
        lines.append(t(CARD_NO_AGENCY))
    lines.append(f"{ICONS[row.status]} " + t(CARD_STATUS, status=target_status_label(row.status)))
    if card.history:
        lines.append(t(HISTORY_TITLE))
        for entry in card.history[:5]:
            local = entry.at.astimezone(ctx.now.tzinfo).date()
            line = "• " + t(
                HISTORY_LINE,
                date=short_day(local),
                value=_value_text(entry.value, row.unit, entry.fraction),
                who=entry.who,
                agency=entry.agency,
            )
            if entry.note:
                line += "\n    " + escape(entry.note)
            if entry.evidence_name:
                line += " 📎"
            lines.append(line)
    if card.text and card.text != row.measure:
        lines.append(t(CARD_AS_WRITTEN, text=_short(card.text, 300)))
    return "\n".join(lines)


def card_buttons(card: TargetCard) -> list[list[Button]]:
    rows: list[list[Button]] = []
    if card.can_report:
        rows.append(
            [Button(t(N_("Report the value achieved")), actions.REPORT_TARGET.data(card.row.id))]
        )
    more = [Button(t(N_("🎯 All targets")), actions.TARGETS.data(0))]
    if card.row.task_id:
        more.insert(0, Button(t(N_("Open task")), actions.CARD.data(card.row.task_id)))
    rows.append(more)
    rows.append(menu_row())
    return rows


# ----------------------------------------------------------------- entering a value


def report_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Report the value achieved: check the official may, then ask for it."""
    assert ctx.official is not None
    target = target_service.require_reporter(ctx.session, ctx.official, cb.arg_int(0), ctx.today)
    card = target_service.target_card(ctx.session, ctx.official, target.id, ctx.today)
    ctx.set_state(Step.TARGET_VALUE, target_id=target.id)
    goal = target_goal(target.comparison, target.value, target.unit, target.change)
    message = ASK_VALUE if target.unit == PERCENT else ASK_COUNT
    return [Reply(t(message, number=card.row.number, goal=goal), [[_cancel()]])]


def value_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """The value typed: checked at once, then a note is asked for."""
    assert ctx.official is not None
    target_id = int(str(data.get("target_id", 0)))
    target = target_service.require_reporter(ctx.session, ctx.official, target_id, ctx.today)
    text = (incoming.text or "").strip()
    achieved = parse_achieved(text, target.unit)
    if achieved is None:
        if target.unit != PERCENT:
            return [Reply(t(target_service.BAD_COUNT, unit=target.unit), [[_cancel()]])]
        return [Reply(t(target_service.BAD_VALUE), [[_cancel()]])]
    ctx.set_state(Step.TARGET_NOTE, target_id=target_id, value=text)
    shown = _value_text(achieved.value, target.unit, _fraction(achieved))
    skip = [Button(t(N_("No note")), actions.TARGET_NO_NOTE.data(target_id))]
    return [Reply(t(ASK_NOTE, value=shown), [skip, [_cancel()]])]


def note_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    return _save(ctx, data, (incoming.text or "").strip() or None)


def no_note_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    state = ctx.state()
    if state is None or state[0] != Step.TARGET_NOTE:
        return say(STEP_OVER)
    return _save(ctx, state[1], None)


def _save(ctx: Context, data: dict[str, object], note: str | None) -> list[Reply]:
    assert ctx.official is not None
    target_id = int(str(data.get("target_id", 0)))
    value = target_service.record_value(
        ctx.session, ctx.official, target_id, str(data.get("value", "")), note, ctx.now
    )
    ctx.set_state(Step.TARGET_EVIDENCE, target_id=target_id, value_id=value.id)
    card = target_service.target_card(ctx.session, ctx.official, target_id, ctx.today)
    row = card.row
    saved = t(
        SAVED,
        number=row.number,
        value=_value_text(value.value, row.unit, row.latest_fraction),
        status=target_status_label(row.status),
        goal=target_goal(row.comparison, row.value, row.unit, row.change),
    )
    ask = ASK_FILE if ctx.incoming.capabilities.receives_files else ASK_PHOTO
    return [Reply(saved + "\n" + t(ask), [[_finish()]])]


def evidence_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """A file or a photo during the evidence step: the value's evidence; the step ends."""
    assert ctx.official is not None
    target_id = int(str(data.get("target_id", 0)))
    target_service.require_reporter(ctx.session, ctx.official, target_id, ctx.today)
    attachment = incoming.attachment
    if attachment is None:
        return [Reply(t(SEND_A_FILE), [[_finish()]])]
    problem = evidence_service.refusal(
        attachment.file_name, attachment.mime_type, attachment.size, attachment.content
    )
    if problem is not None:
        raise evidence_service.BadFile(problem)
    assert attachment.content is not None
    value = target_service.attach_value_evidence(
        ctx.session,
        ctx.official,
        int(str(data.get("value_id", 0))),
        name=attachment.file_name,
        mime_type=attachment.mime_type,
        content=attachment.content,
        evidence_dir=ctx.evidence_dir,
        now=ctx.now,
    )
    ctx.clear_state()
    card = target_service.target_card(ctx.session, ctx.official, value.target_id, ctx.today)
    return [
        Reply(t(EVIDENCE_SAVED, name=value.evidence_name or "")),
        Reply(render_card(card, ctx), card_buttons(card)),
    ]


# ----------------------------------------------------------------------- a question


def _names_a_task(ctx: Context, text: str) -> bool:
    """Whether the plan's reader reads the text as about a task: "hướng dẫn chỉ tiêu cchc
    theo TW thì ai lo" asks who leads the task whose title holds "chỉ tiêu". Free text comes
    from private chats only, which ask of the latest plan."""
    found = vocabulary.question_reader(ctx.session, ctx.directory)
    return found is not None and found[1].read(text, ctx.today).best.task is not None


def free_text(incoming: Incoming, ctx: Context) -> list[Reply] | None:
    """A question about targets in plain Vietnamese ("chỉ tiêu nào chưa đạt", "chi tieu
    qua han cua so tu phap"); None when the text is not about targets."""
    if incoming.attachment is not None or not incoming.text:
        return None
    question = target_question(incoming.text)
    official = ctx.official
    if question is None or official is None or _names_a_task(ctx, incoming.text):
        return None
    detail = reports.detail_for(official, in_group=incoming.sender.chat_type == "group")
    key = agency_in(incoming.text, ctx.directory, ctx.today)
    agency = reports.agency_by_key(ctx.session, key, ctx.today) if key else None
    if agency is None and detail is Detail.OWN:
        agency = reports.own_agency(official, ctx.today)
    if agency is not None and detail is Detail.OWN:
        reports.check_task_details(official, agency, in_group=False, today=ctx.today)
    summary = target_service.summarize(
        ctx.session, ctx.today, agency_id=agency.id if agency else None
    )
    subject = agency.name if agency else t(WHOLE_PLAN)
    if detail is Detail.AGGREGATE:
        return [Reply(f"<b>{escape(subject)}</b>\n" + _counts(summary))]
    if question.status is None:
        rows = sorted(summary.rows, key=lambda r: (STATUS_ORDER.index(r.status), r.number))
        lines = [t(ANSWER_ALL, subject=subject, count=len(rows)), _counts(summary)]
    else:
        status = TargetStatus(question.status)
        rows = summary.where(status)
        lines = [
            t(ANSWER_TITLE, status=target_status_label(status), subject=subject, count=len(rows))
        ]
        if not rows:
            lines.append(t(ANSWER_NONE))
        if status is TargetStatus.NOT_MET:
            unknown = summary[TargetStatus.NOT_REPORTED] + summary[TargetStatus.REPORT_OVERDUE]
            if unknown:
                lines.append(
                    t(
                        ALSO_UNKNOWN,
                        not_reported=summary[TargetStatus.NOT_REPORTED],
                        overdue=summary[TargetStatus.REPORT_OVERDUE],
                    )
                )
    lines.extend(_row_line(r) for r in rows[:LIST_LIMIT])
    if len(rows) > LIST_LIMIT:
        lines.append(t(MORE, count=len(rows) - LIST_LIMIT))
    buttons = _pack([Button(str(r.number), actions.TARGET.data(r.id)) for r in rows[:LIST_LIMIT]])
    return [Reply("\n".join(lines), [*buttons, menu_row()])]


# -------------------------------------------------------------------------- helpers


def _value_text(value: Decimal, unit: str, fraction: tuple[Decimal, Decimal] | None) -> str:
    """ "62,5%", or "75% (45/60)" for a value reported as x/y."""
    text = amount(value, unit)
    if fraction is not None:
        text += f" ({number(fraction[0])}/{number(fraction[1])})"
    return text


def _fraction(achieved: Achieved) -> tuple[Decimal, Decimal] | None:
    if achieved.numerator is None or achieved.denominator is None:
        return None
    return achieved.numerator, achieved.denominator


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _pack(flat: list[Button], width: int = 4) -> list[list[Button]]:
    return [flat[i : i + width] for i in range(0, len(flat), width)]


def _cancel() -> Button:
    return Button(t(N_("Cancel")), actions.CANCEL.data())


def _finish() -> Button:
    return Button(t(N_("Finish")), actions.CANCEL.data())
