"""Every command, button and conversation step, and the handler that answers it: one place.

Commands are Vietnamese words without diacritics (as officials type them); buttons carry the
short action names of ``handlers.callbacks``; steps are multi-step conversations in progress.
"""

from __future__ import annotations

from collections.abc import Callable

from handlers import digest, evidence, explain, groups, queries, review, start, tasks, upload
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
}

# Commands that show one person's own work: answered only in a private chat.
PRIVATE_COMMANDS = {"nhiemvu", "ngonngu", "xuatbaocao", "lienket"}

BUTTONS: dict[str, ButtonHandler] = {
    "list": tasks.list_button,
    "card": tasks.card_button,
    "prog": tasks.progress_button,
    "pct": tasks.percent_button,
    "pnote": tasks.skip_note_button,
    "lang": start.set_language,
    "evid": upload.evidence_button,
    "evweb": upload.link_button,
    "evls": evidence.files_button,
    "done": review.done_button,
    "ext": review.extension_button,
    "extd": review.extension_days_button,
    "rok": review.approve_button,
    "rno": review.reject_button,
    "note": review.note_button,
    "hist": review.history_button,
    "stop": review.cancel_button,
    "ask": queries.ask_button,
    "qh": queries.overdue_button,
    "expl": explain.explain_button,
    "exr": explain.reason_button,
    "exd": explain.date_button,
}

STEPS: dict[str, StepHandler] = {
    "progress": tasks.progress_text,
    "progress_note": tasks.progress_text,
    "evidence": evidence.evidence_step,
    "ext_date": review.extension_date_step,
    "ext_reason": review.extension_reason_step,
    "reject_reason": review.reject_reason_step,
    "note": review.note_step,
    "expl_reason": explain.reason_step,
    "expl_date": explain.date_step,
}

# The command list shown by the chat apps (Telegram's setMyCommands), in menu order.
MENU: list[tuple[str, str]] = [
    ("nhiemvu", N_("Your agency's tasks")),
    ("quahan", N_("Overdue tasks by agency")),
    ("tiendo", N_("Progress counts and on-time rate")),
    ("baocao", N_("The plan's summary")),
    ("xuatbaocao", N_("The report as an Excel file")),
    ("tonghop", N_("The weekly digest with a chart")),
    ("ngonngu", N_("Change the language")),
    ("lienket", N_("Link another chat app")),
    ("trogiup", N_("Help")),
]

# Text (or a file) that is no command, no button and no step of a conversation.
# Text or a file that is no command, no button and no step: each of these is asked in turn
# and the first answer wins (None: not mine). A file sent as a reply to a task card is
# evidence for that task; a question in plain Vietnamese ("việc quá hạn của sở tư pháp") is
# answered like the matching command, and anything else gets a short hint.
FREE_TEXT: tuple[Callable[[Incoming, Context], list[Reply] | None], ...] = (
    evidence.file_reply,
    queries.free_text,
)
