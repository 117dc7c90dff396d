"""Questions typed in ordinary Vietnamese: "nv II.3 tới đâu rồi", "quá hạn quý 1", "sở KHĐT
có việc gì trễ không", "gia hạn cho STP thêm 1 tháng", "tài chính thế nào rồi".

The plan's reader (``services.vocabulary``) turns the words into a reading; each reading
becomes a ``handlers.answers.Question`` and is answered there. One reading that clearly leads
is answered, with the runner-up offered as a button; readings too close to pick one are
offered as choices, and nothing else; small talk gets a short pointer to what the bot is
for. In a group chat, where only commands reach the bot, ``/hoi`` asks, and the answer comes
without buttons.
"""

from __future__ import annotations

import logging

from handlers import answers, callbacks, queries, start
from handlers.answers import ACTION_NAMES, BUTTON_TEXT_LIMIT, WHAT, Question, decode, encode, short
from handlers.common import menu_row, t
from handlers.context import Context
from handlers.markup import escape
from handlers.messages import Incoming, Reply
from i18n import N_, gettext
from models import Agency
from planning.intent import Ask, Intent, Reading, Relation, TaskField
from services import questions as found
from services import reports, vocabulary
from services.messages import Button

log = logging.getLogger(__name__)

POINTER = N_(
    "I follow the tasks of the administrative reform plan. Ask me, for example: "
    "“việc quá hạn của sở tư pháp”, “nv II.3 tới đâu rồi”, “quý 4 đến hạn những gì”. "
    "Send /trogiup to see everything I can do."
)
NOT_UNDERSTOOD = N_(
    "Sorry, I did not understand. Ask about the plan's tasks, for example: "
    "“việc quá hạn của sở tư pháp”, “nv II.3 tới đâu rồi”, “tiến độ quý 1”; "
    "or send /trogiup."
)
HOW_TO_ASK = N_(
    "Ask me in your own words after /hoi, for example: /hoi việc quá hạn quý 1, "
    "/hoi tiến độ sở tư pháp, /hoi nv II.3 ai chủ trì."
)
DID_YOU_MEAN = N_("Did you mean:")
ASK_AGAIN = N_("Ask again naming one of them, for example with /hoi.")
OR_ELSE = N_("Or: %(reading)s")
NO_PLAN = N_("No plan is tracked yet.")
NOT_IN_PLAN = N_("%(agency)s is not assigned anything in this plan.")
MEMBER_OF = N_("%(agency)s is in the group %(group)s, to which the plan assigns its tasks.")
NOW_PART_OF = N_("%(agency)s is now %(successor)s.")
WORK_PASSED = N_(
    "%(agency)s has not existed since %(since)s and is not in this plan; "
    "its work is now done by %(successor)s."
)
OLD_BUTTON = N_("This button is no longer valid. Open your task list again.")

FIELD_NAMES = {
    TaskField.CARD: N_("the card"),
    TaskField.LEAD: N_("who leads"),
    TaskField.SUPPORT: N_("who supports"),
    TaskField.DUE: N_("when due"),
    TaskField.PROGRESS: N_("how far along"),
    TaskField.PRODUCT: N_("the deliverable"),
}


# ------------------------------------------------------------------------------ entries


def free_text(incoming: Incoming, ctx: Context) -> list[Reply]:
    """A question typed in a private chat."""
    if incoming.attachment is not None or not (incoming.text or "").strip():
        return start.not_understood(incoming, ctx)
    return ask(ctx, incoming.text or "")


def ask_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/hoi <question>: the same in a group chat, where only commands reach the bot."""
    text = " ".join(incoming.args).strip()
    if not text:
        return [Reply(t(HOW_TO_ASK), queries.menu(ctx))]
    return ask(ctx, text)


def question_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A reading offered beside an answer, or as one of the choices of an unclear question."""
    question = decode(cb)
    plan_id = _question_plan(ctx)
    if question is None or plan_id is None:
        return [Reply(t(OLD_BUTTON), queries.menu(ctx))]
    return answers.answer(ctx, question, plan_id)


def ask(ctx: Context, text: str) -> list[Reply]:
    """The answer to a question: the reading that leads, or the choices when none does. In
    a group chat, where buttons are not answered, without buttons."""
    replies = _ask(ctx, text)
    if queries.in_group(ctx):
        for reply in replies:
            reply.buttons = []
    return replies


def _ask(ctx: Context, text: str) -> list[Reply]:
    # The asker's scope is read with the plan's version: most answers are narrowed by it.
    official = ctx.official
    scope_of = reports.own_agency(official, ctx.today).id if official is not None else None
    found = vocabulary.question_reader(
        ctx.session, ctx.directory, queries.group_plan(ctx), scope_of=scope_of
    )
    if found is None:
        return [Reply(t(NO_PLAN), queries.menu(ctx))]
    plan_id, reader = found
    reading = reader.read(text, ctx.today)
    log.debug("question %r read as %s because %s", text, reading.best, reading.best.why)
    if reading.ask_back:
        return _choices(ctx, reading, plan_id)
    intent = reading.best
    if intent.ask is Ask.OFF_TOPIC:
        return [Reply(t(POINTER), queries.menu(ctx))]
    if intent.ask is Ask.UNKNOWN:
        return [Reply(t(NOT_UNDERSTOOD), queries.menu(ctx))]
    if intent.ask is Ask.HELP:
        return start.help_registered(ctx.incoming, ctx)
    question, notes = _question(ctx, intent)
    if question is None:
        return [Reply("\n".join(notes), queries.menu(ctx))]
    replies = answers.answer(ctx, question, plan_id)
    if notes and replies:
        replies[0].text = "\n".join([*notes, replies[0].text])
    taken = {b.data for r in replies for row in r.buttons for b in row}
    other = _runner_up(ctx, reading, question, taken, plan_id)
    if other is not None and replies:
        last = replies[-1]
        at = len(last.buttons) - 1 if last.buttons and last.buttons[-1] == menu_row() else None
        last.buttons.insert(len(last.buttons) if at is None else at, [other])
    return replies


def _question_plan(ctx: Context) -> int | None:
    return vocabulary.question_plan(ctx.session, queries.group_plan(ctx))


def _choices(ctx: Context, reading: Reading, plan_id: int) -> list[Reply]:
    offered: list[Question] = []
    for intent in reading.choices:
        question, _notes = _question(ctx, intent)
        if question is not None and question not in offered:
            offered.append(question)
    if len(offered) == 1:
        return answers.answer(ctx, offered[0], plan_id)
    labels = [(_describe(ctx, q, plan_id), encode(q)) for q in offered]
    if queries.in_group(ctx):
        lines = [t(DID_YOU_MEAN), *(f"• {escape(label)}" for label, _ in labels), t(ASK_AGAIN)]
        return [Reply("\n".join(lines))]
    rows = [[Button(label, data)] for label, data in labels if data is not None]
    if not rows:
        return [Reply(t(NOT_UNDERSTOOD), queries.menu(ctx))]
    return [Reply(t(DID_YOU_MEAN), queries.menu(ctx, rows))]


def _runner_up(
    ctx: Context, reading: Reading, answered: Question, taken: set[str], plan_id: int
) -> Button | None:
    """The next reading, as a button beside the answer (unless a button there asks it)."""
    for intent in reading.alternatives:
        if intent.ask in (Ask.UNKNOWN, Ask.OFF_TOPIC):
            continue
        question, _notes = _question(ctx, intent)
        if question is None or question == answered:
            continue
        data = encode(question)
        if data is None:
            continue
        if data in taken:
            continue
        label = gettext(OR_ELSE) % {"reading": _describe(ctx, question, plan_id)}
        return Button(short(label, BUTTON_TEXT_LIMIT), data)
    return None


def _question(ctx: Context, intent: Intent) -> tuple[Question | None, list[str]]:
    """The question a reading asks, and what to say first about the agencies it names;
    (None, what to say) when it names only agencies the plan does not assign."""
    notes: list[str] = []
    keys = list(intent.agencies)
    by_note = {n.named: n for n in intent.notes}
    named = [k for n in intent.notes for k in (n.named, n.other) if k]
    rows = found.agencies_by_key(ctx.session, [*keys, *named])
    for note in intent.notes:
        # "Sở TTTT" for the plan's Sở Khoa học và Công nghệ: say so once, first.
        merged = note.relation is Relation.MERGED_INTO and note.named not in keys
        if merged and note.named in rows and note.other in rows:
            notes.append(
                t(NOW_PART_OF, agency=rows[note.named].name, successor=rows[note.other].name)
            )
        # "UBND cấp huyện" of a plan for the communes: gone, and who does its work now.
        if note.relation is Relation.PASSED_TO and note.other in rows and note.since:
            name = ctx.directory.get(note.named).name
            since = f"{note.since:%d/%m/%Y}"
            notes.append(t(WORK_PASSED, agency=name, since=since, successor=rows[note.other].name))
    agencies: list[int] = []
    for key in keys:
        note = by_note.get(key)
        row = rows.get(key)
        if note is not None and note.relation is Relation.NOT_IN_PLAN:
            # A body the directory knows, but that no plan has assigned yet (so no row).
            name = row.name if row is not None else ctx.directory.get(key).name
            notes.append(t(NOT_IN_PLAN, agency=name))
            continue
        if row is None:
            continue
        if note is not None and note.relation is Relation.MEMBER_OF and note.other in rows:
            group = rows[note.other]
            notes.append(t(MEMBER_OF, agency=row.name, group=group.name))
            row = group
        if row.id not in agencies:
            agencies.append(row.id)
    if keys and not agencies:
        return None, notes
    question = Question(
        ask=intent.ask,
        field=intent.field,
        action=intent.action,
        status=intent.status,
        role=intent.role,
        own=intent.own,
        agencies=tuple(agencies),
        section=intent.section,
        task=intent.task,
        period=intent.period,
    )
    return question, notes


# ------------------------------------------------------------------------------- labels


def _describe(ctx: Context, question: Question, plan_id: int) -> str:
    """A question as a button's label (plain text: buttons are not HTML)."""
    subject = _subject(ctx, question)
    window = question.period.label if question.period is not None else ""
    ask = question.ask
    if ask is Ask.TASK and question.task is not None:
        rows = found.find_tasks(ctx.session, plan_id, question.task)
        title = answers.task_title(rows) if rows else ""
        field = question.field or TaskField.CARD
        if field is TaskField.CARD:
            text = f"{question.task.label} {title}"
        else:
            text = f"{question.task.label}: {gettext(FIELD_NAMES[field])} · {title}"
    elif ask is Ask.ACTION and question.action is not None:
        text = " · ".join(p for p in (gettext(ACTION_NAMES[question.action]), subject) if p)
    elif ask is Ask.REPORT and not subject:
        text = gettext(N_("The plan's summary"))
    elif ask is Ask.DIGEST:
        text = gettext(N_("The weekly digest"))
    elif ask is Ask.EXPORT:
        text = gettext(N_("Excel report"))
    elif ask in (Ask.PROGRESS, Ask.REPORT):
        text = " · ".join(p for p in (gettext(N_("Progress")), subject, window) if p)
    else:
        what = gettext(WHAT[question.status])
        if ask is Ask.COUNT:
            what = gettext(N_("How many: %(what)s")) % {"what": what}
        text = " · ".join(p for p in (what, subject, window) if p)
    return short(text, BUTTON_TEXT_LIMIT)


def _subject(ctx: Context, question: Question) -> str:
    parts = []
    if question.own:
        parts.append(gettext(N_("your agency")))
    for agency_id in question.agencies:
        agency = ctx.session.get(Agency, agency_id)
        if agency is not None:
            parts.append(agency.name)
    if question.section:
        parts.append(queries.section_name(ctx, question.section))
    return ", ".join(parts)
