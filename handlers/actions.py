"""Every button and every conversation step by name: one object both builds a button's data
and routes its press (``handlers.registry``). The short wire names stay, behind the names, so
buttons already in people's chats keep working; the format is ``handlers.callbacks``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers import callbacks
from services.messages import Button


@dataclass(frozen=True)
class Action:
    """A button's action: ``wire`` is its short name in the callback data; ``about_task``
    marks the actions whose first argument is a task id (a message with such a button is
    about that task, so a file sent in reply to it is evidence for the task)."""

    wire: str
    about_task: bool = False

    def data(self, *args: object) -> str:
        return callbacks.encode(self.wire, *args)

    def button(self, text: str, *args: object) -> Button:
        return Button(text, self.data(*args))

    def press(self, *args: object) -> callbacks.Callback:
        """The callback a press of this button decodes to (for a handler calling another)."""
        return callbacks.Callback(self.wire, tuple(str(a) for a in args))


# The task list and a task's card
LIST_PAGE = Action("list")  # filter code, page
CARD = Action("card", about_task=True)  # task
PROGRESS = Action("prog", about_task=True)  # task
PERCENT = Action("pct")  # task, percent
SKIP_NOTE = Action("pnote")  # task
HISTORY = Action("hist", about_task=True)  # task
NOTE = Action("note", about_task=True)  # task
CANCEL = Action("stop")  # task (or none): leave the step
# Evidence
EVIDENCE = Action("evid", about_task=True)  # task
EVIDENCE_WEB = Action("evweb", about_task=True)  # task: a link to the upload page
EVIDENCE_FILES = Action("evls", about_task=True)  # task
# Completion and extensions, and the coordinator's decisions on them
REPORT_DONE = Action("done", about_task=True)  # task
ASK_EXTENSION = Action("ext", about_task=True)  # task
EXTENSION_DAYS = Action("extd")  # task, days
APPROVE = Action("rok")  # report
REJECT = Action("rno")  # report
# A coordinator's corrections of what the importer misread (Sửa)
EDIT = Action("ed", about_task=True)  # task
EDIT_AGENCIES = Action("eda")  # task, role code (l/s)
ADD_AGENCY = Action("edn")  # task, role code
PICK_AGENCY = Action("edp")  # task, role code, agency
REMOVE_AGENCY = Action("edr")  # task, role code, agency
EDIT_DUE = Action("edd")  # milestone
# Explanations of a delay (giải trình)
EXPLAIN = Action("expl", about_task=True)  # task
EXPLAIN_REASON = Action("exr")  # task, reason code
EXPLAIN_DATE = Action("exd")  # task, days or "none"
# Targets (chỉ tiêu) and the values reported for them
TARGETS = Action("tgl")  # page
TARGET = Action("tg")  # target
TASK_TARGETS = Action("tgt", about_task=True)  # task
REPORT_TARGET = Action("tgr")  # target: enter the value achieved
TARGET_NO_NOTE = Action("tgn")  # target
# The report to the People's Committee as a Word document
WORD_REPORT = Action("rdoc")  # plan, period code ("2025-Q3")
# Questions and settings
ASK = Action("ask")  # one reading of a question the bot was unsure of
OVERDUE_OF = Action("qh")  # agency
LANGUAGE = Action("lang")  # language code

ACTIONS = {
    action.wire: action
    for action in (
        LIST_PAGE,
        CARD,
        PROGRESS,
        PERCENT,
        SKIP_NOTE,
        HISTORY,
        NOTE,
        CANCEL,
        EVIDENCE,
        EVIDENCE_WEB,
        EVIDENCE_FILES,
        REPORT_DONE,
        ASK_EXTENSION,
        EXTENSION_DAYS,
        APPROVE,
        REJECT,
        EDIT,
        EDIT_AGENCIES,
        ADD_AGENCY,
        PICK_AGENCY,
        REMOVE_AGENCY,
        EDIT_DUE,
        EXPLAIN,
        EXPLAIN_REASON,
        EXPLAIN_DATE,
        TARGETS,
        TARGET,
        TASK_TARGETS,
        REPORT_TARGET,
        TARGET_NO_NOTE,
        WORD_REPORT,
        ASK,
        OVERDUE_OF,
        LANGUAGE,
    )
}


def action_of(callback: callbacks.Callback) -> Action | None:
    return ACTIONS.get(callback.action)


class Step(StrEnum):
    """A multi-step conversation in progress, kept in the database (``ConversationState``)."""

    PROGRESS = "progress"  # waiting for a percentage
    PROGRESS_NOTE = "progress_note"  # waiting for a note on the progress just given
    EVIDENCE = "evidence"  # waiting for files
    EXTENSION_DATE = "ext_date"  # waiting for the date asked for
    EXTENSION_REASON = "ext_reason"  # waiting for the reason of the extension
    REJECT_REASON = "reject_reason"  # (coordinator) waiting for why a report is rejected
    NOTE = "note"  # waiting for a note on a task
    EXPLAIN_REASON = "expl_reason"  # waiting for the reason of a delay
    EXPLAIN_DATE = "expl_date"  # waiting for the date the task will be done
    EDIT_AGENCY = "edit_agency"  # (coordinator) waiting for part of an agency's name
    EDIT_DUE = "edit_due"  # (coordinator) waiting for a deadline's correct date
    TARGET_VALUE = "target_value"  # waiting for the value a target achieved
    TARGET_NOTE = "target_note"  # waiting for a note on the value just given
    TARGET_EVIDENCE = "target_evidence"  # waiting for a file as the value's evidence
