"""Every command, button and conversation step, and the handler that answers it: one place.

Commands are Vietnamese words without diacritics (as officials type them); buttons are the
named actions of ``handlers.actions``; steps are multi-step conversations in progress.
"""

from __future__ import annotations

from collections.abc import Callable

from handlers import (
    actions,
    corrections,
    daily_digest,
    digest,
    evidence,
    explain,
    groups,
    queries,
    questions,
    reporting,
    review,
    settings,
    start,
    targets,
    tasks,
    upload,
)
from handlers.actions import Action, Step
from handlers.callbacks import Callback
from handlers.context import Context
from handlers.messages import Incoming, Reply
from i18n import N_

Command = Callable[[Incoming, Context], list[Reply]]
ButtonHandler = Callable[[Incoming, Context, Callback], list[Reply]]
StepHandler = Callable[[Incoming, Context, dict[str, object]], list[Reply]]

# Commands anyone may send, registered or not.
PUBLIC_COMMANDS: dict[str, Command] = {
    "start": start.start,
    "help": start.help_registered,
    "trogiup": start.help_registered,
}

COMMANDS: dict[str, Command] = {
    "nhiemvu": tasks.list_command,
    "ngonngu": start.language,
    "lienket": start.link,
    "ganketnhom": groups.bind,
    "quahan": queries.overdue_command,
    "tiendo": queries.progress_command,
    "baocao": queries.report_command,
    "xuatbaocao": queries.export_command,
    "tonghop": digest.digest_command,
    "caidat": settings.settings_command,
    "hoi": questions.ask_command,
    "chitieu": targets.list_command,
}

# Commands that show one person's own work: answered only in a private chat.
PRIVATE_COMMANDS = {"nhiemvu", "ngonngu", "xuatbaocao", "lienket", "caidat", "chitieu"}

BUTTONS: dict[Action, ButtonHandler] = {
    actions.LIST_PAGE: tasks.list_button,
    actions.CARD: tasks.card_button,
    actions.PROGRESS: tasks.progress_button,
    actions.PERCENT: tasks.percent_button,
    actions.SKIP_NOTE: tasks.skip_note_button,
    actions.LANGUAGE: start.set_language,
    actions.EVIDENCE: upload.evidence_button,
    actions.EVIDENCE_WEB: upload.link_button,
    actions.EVIDENCE_FILES: evidence.files_button,
    actions.REPORT_DONE: review.done_button,
    actions.ASK_EXTENSION: review.extension_button,
    actions.EXTENSION_DAYS: review.extension_days_button,
    actions.APPROVE: review.approve_button,
    actions.REJECT: review.reject_button,
    actions.NOTE: review.note_button,
    actions.HISTORY: review.history_button,
    actions.CANCEL: review.cancel_button,
    actions.ASK: queries.ask_button,
    actions.QUESTION: questions.question_button,
    actions.OVERDUE_OF: queries.overdue_button,
    actions.EDIT: corrections.edit_button,
    actions.EDIT_AGENCIES: corrections.agencies_button,
    actions.ADD_AGENCY: corrections.add_button,
    actions.PICK_AGENCY: corrections.pick_button,
    actions.REMOVE_AGENCY: corrections.remove_button,
    actions.EDIT_DUE: corrections.due_button,
    actions.EXPLAIN: explain.explain_button,
    actions.EXPLAIN_REASON: explain.reason_button,
    actions.EXPLAIN_DATE: explain.date_button,
    actions.DIGEST_PAGE: daily_digest.page_button,
    actions.SETTINGS: settings.settings_button,
    actions.DIGEST_TIME: settings.time_button,
    actions.PAUSE: settings.pause_button,
    actions.RESUME: settings.resume_button,
    actions.TARGETS: targets.list_button,
    actions.TARGET: targets.card_button,
    actions.TASK_TARGETS: targets.task_targets_button,
    actions.REPORT_TARGET: targets.report_button,
    actions.TARGET_NO_NOTE: targets.no_note_button,
    actions.WORD_REPORT: reporting.word_report_button,
}

STEPS: dict[Step, StepHandler] = {
    Step.PROGRESS: tasks.progress_text,
    Step.PROGRESS_NOTE: tasks.progress_text,
    Step.EVIDENCE: evidence.evidence_step,
    Step.EXTENSION_DATE: review.extension_date_step,
    Step.EXTENSION_REASON: review.extension_reason_step,
    Step.REJECT_REASON: review.reject_reason_step,
    Step.NOTE: review.note_step,
    Step.EXPLAIN_REASON: explain.reason_step,
    Step.EXPLAIN_DATE: explain.date_step,
    Step.EDIT_AGENCY: corrections.agency_step,
    Step.EDIT_DUE: corrections.due_step,
    Step.DIGEST_TIME: settings.time_step,
    Step.PAUSE_UNTIL: settings.pause_step,
    Step.TARGET_VALUE: targets.value_step,
    Step.TARGET_NOTE: targets.note_step,
    Step.TARGET_EVIDENCE: targets.evidence_step,
}

# How the steps follow each other: (from, what the person does, to); None is "no step".
# Actions are buttons; strings say what is typed or sent. Any step is left by a command or by
# Cancel/Finish (``actions.CANCEL``). Drawn by ``handlers.diagram`` into docs/conversation.md.
TYPED_NUMBER = "types a number 0-100"
TYPED_TEXT = "types text"
TYPED_DATE = "types a date dd/mm/yyyy"
TYPED_TIME = "types a time hh:mm"
SENT_FILE = "sends a file or a photo"
TYPED_VALUE = "types a number or x/y"
FLOW: list[tuple[Step | None, Action | str, Step | None]] = [
    (None, actions.PROGRESS, Step.PROGRESS),
    (Step.PROGRESS, actions.PERCENT, Step.PROGRESS_NOTE),
    (Step.PROGRESS, TYPED_NUMBER, Step.PROGRESS_NOTE),
    (Step.PROGRESS_NOTE, TYPED_TEXT, None),
    (Step.PROGRESS_NOTE, actions.SKIP_NOTE, None),
    (None, actions.EVIDENCE, Step.EVIDENCE),
    (Step.EVIDENCE, SENT_FILE, Step.EVIDENCE),
    (None, actions.ASK_EXTENSION, Step.EXTENSION_DATE),
    (Step.EXTENSION_DATE, actions.EXTENSION_DAYS, Step.EXTENSION_REASON),
    (Step.EXTENSION_DATE, TYPED_DATE, Step.EXTENSION_REASON),
    (Step.EXTENSION_REASON, TYPED_TEXT, None),
    (None, actions.REJECT, Step.REJECT_REASON),
    (Step.REJECT_REASON, TYPED_TEXT, None),
    (None, actions.NOTE, Step.NOTE),
    (Step.NOTE, TYPED_TEXT, None),
    (None, actions.EXPLAIN, Step.EXPLAIN_REASON),
    (Step.EXPLAIN_REASON, actions.EXPLAIN_REASON, Step.EXPLAIN_DATE),
    (Step.EXPLAIN_REASON, TYPED_TEXT, Step.EXPLAIN_DATE),
    (Step.EXPLAIN_DATE, actions.EXPLAIN_DATE, None),
    (Step.EXPLAIN_DATE, TYPED_DATE, None),
    (None, actions.ADD_AGENCY, Step.EDIT_AGENCY),
    (Step.EDIT_AGENCY, TYPED_TEXT, Step.EDIT_AGENCY),
    (Step.EDIT_AGENCY, actions.PICK_AGENCY, None),
    (None, actions.EDIT_DUE, Step.EDIT_DUE),
    (Step.EDIT_DUE, TYPED_DATE, None),
    (None, actions.DIGEST_TIME, Step.DIGEST_TIME),
    (Step.DIGEST_TIME, TYPED_TIME, None),
    (Step.DIGEST_TIME, actions.DIGEST_TIME, None),
    (None, actions.PAUSE, Step.PAUSE_UNTIL),
    (Step.PAUSE_UNTIL, TYPED_DATE, None),
    (Step.PAUSE_UNTIL, actions.PAUSE, None),
    (None, actions.REPORT_TARGET, Step.TARGET_VALUE),
    (Step.TARGET_VALUE, TYPED_VALUE, Step.TARGET_NOTE),
    (Step.TARGET_NOTE, TYPED_TEXT, Step.TARGET_EVIDENCE),
    (Step.TARGET_NOTE, actions.TARGET_NO_NOTE, Step.TARGET_EVIDENCE),
    (Step.TARGET_EVIDENCE, SENT_FILE, None),
]

# The command list shown by the chat apps (Telegram's setMyCommands), in menu order.
MENU: list[tuple[str, str]] = [
    ("nhiemvu", N_("Your agency's tasks")),
    ("quahan", N_("Overdue tasks by agency")),
    ("tiendo", N_("Progress counts and on-time rate")),
    ("baocao", N_("The plan's summary")),
    ("xuatbaocao", N_("The report as an Excel file")),
    ("tonghop", N_("The weekly digest with a chart")),
    ("caidat", N_("Your settings: digest time, pause, language")),
    ("hoi", N_("Ask about the plan in your own words")),
    ("chitieu", N_("Targets and the values achieved")),
    ("ngonngu", N_("Change the language")),
    ("lienket", N_("Link another chat app")),
    ("trogiup", N_("Help")),
]

# Text or a file that is no command, no button and no step: each of these is asked in turn
# and the first answer wins (None: not mine). A file sent as a reply to a task card is
# evidence for that task; anything else is read as a question in plain Vietnamese ("việc quá
# hạn của sở tư pháp", "nv II.3 tới đâu rồi"), answered, or pointed to what the bot can do.
FREE_TEXT: tuple[Callable[[Incoming, Context], list[Reply] | None], ...] = (
    evidence.file_reply,
    targets.free_text,
    questions.free_text,
)
