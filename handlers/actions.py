"""Every button and every conversation step by name: one object both builds a button's data
and routes its press (``handlers.registry``). The short wire names stay, behind the names, so
buttons already in people's chats keep working; the format is ``handlers.callbacks``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers import callbacks
from services.messages import Button
from services.permissions import Act


@dataclass(frozen=True)
class Action:
    """A button's action: ``wire`` is its short name in the callback data; ``act`` what it does
    as far as permission goes (``services.permissions.TABLE`` says who may); ``about_task``
    marks the actions whose first argument is a task id (a message with such a button is
    about that task, so a file sent in reply to it is evidence for the task)."""

    wire: str
    act: Act
    about_task: bool = False

    def data(self, *args: object) -> str:
        return callbacks.encode(self.wire, *args)

    def button(self, text: str, *args: object) -> Button:
        return Button(text, self.data(*args))

    def press(self, *args: object) -> callbacks.Callback:
        """The callback a press of this button decodes to (for a handler calling another)."""
        return callbacks.Callback(self.wire, tuple(str(a) for a in args))


# The task list and a task's card
LIST_PAGE = Action("list", Act.LIST)  # filter code, page
CARD = Action("card", Act.VIEW, about_task=True)  # task
PROGRESS = Action("prog", Act.REPORT, about_task=True)  # task
PERCENT = Action("pct", Act.REPORT)  # task, percent
SKIP_NOTE = Action("pnote", Act.REPORT)  # task
HISTORY = Action("hist", Act.VIEW, about_task=True)  # task
NOTE = Action("note", Act.NOTE, about_task=True)  # task
CANCEL = Action("stop", Act.SETTINGS)  # task (or none): leave the step
# Evidence
EVIDENCE = Action("evid", Act.REPORT, about_task=True)  # task
EVIDENCE_WEB = Action("evweb", Act.REPORT, about_task=True)  # task: a link to the upload page
EVIDENCE_FILES = Action("evls", Act.VIEW_FILES, about_task=True)  # task
# Completion and extensions, and the coordinator's decisions on them
REPORT_DONE = Action("done", Act.REPORT, about_task=True)  # task
ASK_EXTENSION = Action("ext", Act.REPORT, about_task=True)  # task
EXTENSION_DAYS = Action("extd", Act.REPORT)  # task, days
APPROVE = Action("rok", Act.DECIDE)  # report
REJECT = Action("rno", Act.DECIDE)  # report
# A coordinator's corrections of what the importer misread (Sửa)
EDIT = Action("ed", Act.CORRECT, about_task=True)  # task
EDIT_AGENCIES = Action("eda", Act.CORRECT)  # task, role code (l/s)
ADD_AGENCY = Action("edn", Act.CORRECT)  # task, role code
PICK_AGENCY = Action("edp", Act.CORRECT)  # task, role code, agency
REMOVE_AGENCY = Action("edr", Act.CORRECT)  # task, role code, agency
EDIT_DUE = Action("edd", Act.CORRECT)  # milestone
# Explanations of a delay (giải trình)
EXPLAIN = Action("expl", Act.REPORT, about_task=True)  # task
EXPLAIN_REASON = Action("exr", Act.REPORT)  # task, reason code
EXPLAIN_DATE = Action("exd", Act.REPORT)  # task, days or "none"
# Targets (chỉ tiêu) and the values reported for them
TARGETS = Action("tgl", Act.LIST)  # page
TARGET = Action("tg", Act.TARGET)  # target
TASK_TARGETS = Action("tgt", Act.VIEW, about_task=True)  # task
REPORT_TARGET = Action("tgr", Act.TARGET)  # target: enter the value achieved
TARGET_NO_NOTE = Action("tgn", Act.TARGET)  # target
# The report to the People's Committee as a Word document
WORD_REPORT = Action("rdoc", Act.EXPORT)  # plan, period code ("2025-Q3")
# Questions and settings
ASK = Action("ask", Act.ASK)  # a reading of a question, as buttons were made before "q"
QUESTION = Action("q", Act.ASK)  # a reading of a question: ask, filters, window (handlers.answers)
OVERDUE_OF = Action("qh", Act.ASK)  # agency
LANGUAGE = Action("lang", Act.SETTINGS)  # language code
# The daily digest and one's own settings (/caidat)
DIGEST_PAGE = Action("dg", Act.SETTINGS)  # day (yyyymmdd), page
SETTINGS = Action("set", Act.SETTINGS)  # (none): the settings menu
DIGEST_TIME = Action("dgt", Act.SETTINGS)  # "HHMM", or "ask" to type one
PAUSE = Action("pau", Act.SETTINGS)  # days, or "ask" to type the last day
RESUME = Action("res", Act.SETTINGS)  # (none)

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
        QUESTION,
        OVERDUE_OF,
        LANGUAGE,
        DIGEST_PAGE,
        SETTINGS,
        DIGEST_TIME,
        PAUSE,
        RESUME,
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
    DIGEST_TIME = "digest_time"  # waiting for the time of day to receive the digest
    PAUSE_UNTIL = "pause_until"  # waiting for the last day of a pause
    TARGET_VALUE = "target_value"  # waiting for the value a target achieved
    TARGET_NOTE = "target_note"  # waiting for a note on the value just given
    TARGET_EVIDENCE = "target_evidence"  # waiting for a file as the value's evidence


# What each step does, as far as permission goes: a step goes on only while its act is allowed.
STEP_ACTS: dict[Step, Act] = {
    Step.PROGRESS: Act.REPORT,
    Step.PROGRESS_NOTE: Act.REPORT,
    Step.EVIDENCE: Act.REPORT,
    Step.EXTENSION_DATE: Act.REPORT,
    Step.EXTENSION_REASON: Act.REPORT,
    Step.REJECT_REASON: Act.DECIDE,
    Step.NOTE: Act.NOTE,
    Step.EXPLAIN_REASON: Act.REPORT,
    Step.EXPLAIN_DATE: Act.REPORT,
    Step.EDIT_AGENCY: Act.CORRECT,
    Step.EDIT_DUE: Act.CORRECT,
    Step.DIGEST_TIME: Act.SETTINGS,
    Step.PAUSE_UNTIL: Act.SETTINGS,
    Step.TARGET_VALUE: Act.TARGET,
    Step.TARGET_NOTE: Act.TARGET,
    Step.TARGET_EVIDENCE: Act.TARGET,
}
