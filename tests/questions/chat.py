"""The question sets end to end: each question typed by a coordinator of Sở Nội vụ (or of the
agency a file names as its ``asker``: Phòng Nội vụ of a city's plan) through the console
channel's path (``World.send``: the real ``process``, handlers and database),
against the plan the file is about, on the file's day; each reply judged by what it must
show for the reading the file expects.

What a reply must show follows from the expected reading: the task's label and the field
asked (who leads, the dates, the progress...), the header of a list or count (its status, its
window, its agencies, their part, the section), the summary, the digest, the Excel file, the
way to do what was asked, the merger or the group an agency is named through; for a question
that must be asked back, the choices as buttons that ask each expected reading; for small
talk, a pointer to what the bot can do. ``answer`` keys add what the file names itself.

A reply is *confidently wrong* when it answers (no choices, no pointer, no "not understood")
and misses what it must show. ``python -m tests.questions.chat [part...] [--show]`` prints
the figures on a scratch SQLite database.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from handlers import answers, callbacks
from handlers.markup import to_plain
from handlers.messages import Reply
from i18n import gettext, use_language
from models import Agency, Assignment, OfficialRole, Task
from planning.agencies import AgencyDirectory
from planning.intent import Action, Ask, Status, TaskField
from tests.questions.evaluate import AgencyNames, QuestionFile, Score
from tests.questions.plans import plan_path, plan_vocabulary
from tests.world import VN, World

ASKER = "dieuphoi"
# What a reply shows, in Vietnamese (the asker's language), by what was asked.
POINTER = "/trogiup"
CHOICES = "Có phải bạn muốn hỏi"
SUMMARY = "Tổng hợp:"
DIGEST = "Tổng hợp tuần"
HELP = "/nhiemvu"
NO_SUCH_TASK = "Kế hoạch không có nhiệm vụ"
FIELDS = {
    TaskField.LEAD: ("Chủ trì",),
    TaskField.SUPPORT: ("Phối hợp",),
    TaskField.PRODUCT: ("Sản phẩm",),
    TaskField.PROGRESS: ("Tiến độ",),
    TaskField.CARD: ("Chủ trì",),
}
_DATE = re.compile(r"\d\d/\d\d/\d{4}|chưa có thời hạn")
# The answer's first lines (its header) must name what is listed or counted, and the window.
HEADER_LINES = 4
OVERDUE_RANKING = ("Quá hạn theo cơ quan", "Nhiệm vụ quá hạn của")
COUNTED = ("nhiệm vụ chưa hoàn thành:", "mốc thời hạn", "mốc quá hạn")
# What a reply shows in English, to an asker who set English (a file's ``language: en``).
ENGLISH = {
    "Có phải bạn muốn hỏi": "Did you mean",
    "Tổng hợp:": "Summary:",
    "Tổng hợp tuần": "Weekly digest",
    "Kế hoạch không có nhiệm vụ": "The plan has no task",
    "Chủ trì": "Lead",
    "Phối hợp": "Support",
    "Sản phẩm": "Deliverable",
    "Tiến độ": "Progress",
    "Tỷ lệ đúng hạn": "On-time rate",
    "Quá hạn theo cơ quan": "Overdue by agency",
    "Nhiệm vụ quá hạn của": "Overdue tasks of",
    "nhiệm vụ chưa hoàn thành:": "tasks not finished:",
    "mốc thời hạn": "milestones",
    "mốc quá hạn": "overdue milestone",
    "phối hợp": "Coordinating agency",
    "phối hợp:": "coordinating:",
    "Cơ quan của bạn": "Your agency",
    "nay là": "now",
    "không còn từ ngày": "has not existed since",
    "nay do": "is now done by",
    "thuộc nhóm": "is in the group",
    "không có trong kế hoạch": "is not assigned anything",
    "chưa có thời hạn": "no deadline yet",
}
_ENGLISH_PERIODS = (
    (re.compile(r"quý (\S+)"), r"quarter \1"),
    (re.compile(r"6 tháng đầu năm (\d+)"), r"first half of \1"),
    (re.compile(r"6 tháng cuối năm (\d+)"), r"second half of \1"),
    (re.compile(r"tháng (\S+)"), r"month \1"),
    (re.compile(r"năm (\d+)"), r"year \1"),
)


@dataclass
class Answered:
    question: str
    right: bool
    confidently_wrong: bool
    pointer: bool  # the reply points to what the bot can do
    missing: list[str] = field(default_factory=list)
    reply: str = ""


def chat_score(part: str) -> Score:
    return Score(part, what="answered as asked")


class Chat:
    """A world holding one question file's plan, and a coordinator asking its questions."""

    def __init__(self, questions_file: QuestionFile, sessions: sessionmaker[Session], tmp: Path):
        plan = plan_path(questions_file.plan)
        if plan is None:
            raise FileNotFoundError(f"plan {questions_file.plan} is not here")
        self.file = questions_file
        self.directory = AgencyDirectory.load()
        now = datetime.combine(questions_file.today, time(9, 0), tzinfo=VN)
        self.world = World.build(sessions, tmp, now=now, directory=self.directory, plan=plan)
        self.world.register(
            ASKER,
            questions_file.asker,
            OfficialRole.COORDINATOR,
            name="Trần Điều Phối",
            language=questions_file.language,
        )
        vocabulary = plan_vocabulary(plan)
        self.names = AgencyNames(vocabulary, self.directory)
        self.tasks = vocabulary.tasks
        with self.world.app.sessions() as session:
            self.agency_names = {a.key: a.name for a in session.scalars(select(Agency))}
            self.agency_keys = {a.id: a.key for a in session.scalars(select(Agency))}
            # ... and as the plan writes them, where answers show that ("Báo Nghệ An").
            self.shown_names: dict[str, set[str]] = {}
            for assignment in session.scalars(select(Assignment)):
                names = self.shown_names.setdefault(assignment.agency.key, set())
                names.add(assignment.shown_name)

    def score(self) -> Score:
        score = chat_score(f"{self.file.plan} {self.file.part}")
        for entry in self.file.questions:
            score.outcomes.append(self.ask(entry))
        return score

    def ask(self, entry: Mapping[str, Any]) -> Answered:
        with use_language(self.file.language):  # what the reply must show, in its language
            return self._ask(entry)

    def _ask(self, entry: Mapping[str, Any]) -> Answered:
        replies = self.world.send(ASKER, text=entry["q"]) or []
        text = "\n".join(to_plain(r.text) for r in replies)
        pointer = POINTER in text
        if "choices" in entry:
            missing = self._missing_choices(entry["choices"], replies, text)
            asked_back = self._says(CHOICES) in text
            wrong = bool(missing) and not asked_back and not pointer
        else:
            missing = self._missing(entry["read"], entry.get("answer") or {}, replies, text)
            asked_back = self._says(CHOICES) in text
            wrong = bool(missing) and not asked_back and not pointer
        return Answered(entry["q"], not missing, wrong, pointer, missing, text)

    def _says(self, text: str) -> str:
        """What a reply shows, in the asker's language (a period's label too)."""
        if self.file.language != "en":
            return text
        if text in ENGLISH:
            return ENGLISH[text]
        for pattern, english in _ENGLISH_PERIODS:
            if pattern.fullmatch(text):
                return pattern.sub(english, text)
        return text

    # ------------------------------------------------------------------------- readings

    def _missing(
        self,
        read: Mapping[str, Any],
        answer: Mapping[str, Any],
        replies: list[Reply],
        text: str,
    ) -> list[str]:
        wanted = self.names.expected(read)
        ask = Ask(wanted["ask"])
        shows: list[tuple[str, ...]] = []  # each: one of these texts must be in the reply
        heads: list[tuple[str, ...]] = []  # each: one of these must be in its first lines
        outside = bool(wanted["agencies"]) and set(wanted["agencies"]) <= set(wanted["not_in_plan"])
        if outside:
            pass  # only agencies the plan does not assign: saying so is the whole answer
        elif ask is Ask.OFF_TOPIC or ask is Ask.UNKNOWN:
            shows.append((POINTER,))
        elif ask is Ask.HELP:
            shows.append((HELP,))
        elif ask is Ask.EXPORT:
            if not any(r.document is not None for r in replies):
                return ["an Excel file"]
            if wanted["status"]:
                shows.append((gettext(answers.WHAT[Status(wanted["status"])]),))
        elif ask is Ask.DIGEST:
            shows.append((self._says(DIGEST),))
            past = self._past_week(wanted["period"])
            if past:
                shows.append((past,))  # "tuần trước": that week's digest
        elif ask is Ask.ACTION:
            shows.append((gettext(answers.HOW_TO[Action(wanted["action"])]),))
        elif ask is Ask.TASK and not self._in_plan(wanted["task"]):
            shows.append((NO_SUCH_TASK, wanted["task"]))
        elif ask is Ask.TASK:
            shows.append((self._task_label(wanted["task"]),))
            task_field = TaskField(wanted["field"] or "card")
            if task_field is TaskField.DUE:
                # "does #4 have a real deadline?": a task the plan gives none says so.
                undated = self._undated(wanted["task"])
                shows.append((self._says("chưa có thời hạn"),) if undated else ("__date__",))
            else:
                shows.append(tuple(self._says(f) for f in FIELDS[task_field]))
        elif ask is Ask.REPORT and not wanted["agencies"] and not wanted["section"]:
            shows.append((self._says(SUMMARY),))
        elif ask in (Ask.PROGRESS, Ask.REPORT):
            shows.append((self._says("Tiến độ"),))
            shows.append((self._says("Tỷ lệ đúng hạn"),))
        else:  # list, count
            status = Status(wanted["status"]) if wanted["status"] else None
            title = gettext(answers.WHAT[status])
            ranking = (
                tuple(self._says(r) for r in OVERDUE_RANKING) if status is Status.OVERDUE else ()
            )
            heads.append((title, *ranking))
            if ask is Ask.COUNT:
                shows.append(tuple(self._says(c) for c in COUNTED))
            if wanted["role"] == "support":
                # "Coordinating agency: ..."; of the asker's own, "Your agency, coordinating".
                shows.append((self._says("phối hợp"), self._says("phối hợp:")))
            if wanted["own"]:
                shows.append((self._says("Cơ quan của bạn"),))
        if ask not in (Ask.OFF_TOPIC, Ask.UNKNOWN, Ask.HELP):
            for key in wanted["agencies"]:
                shows.append((self.agency_names[key], *self.shown_names.get(key, ())))
            if wanted["section"]:
                shows.append((f"{wanted['section']}.",))
            if wanted["period"] and ask not in (Ask.ACTION, Ask.DIGEST):
                heads.append((self._says(wanted["period"]),))
        for named, other in wanted["merged"].items():
            shows.append((self.agency_names[named],))
            shows.append((self.agency_names[other],))
            shows.append((self._says("nay là"),))
        for named in wanted["passed_to"]:
            # "UBND cấp huyện không còn từ ngày ...; việc ... nay do UBND cấp xã đảm nhận."
            shows.append((self.directory.get(named).name,))
            shows.append((self._says("không còn từ ngày"),))
            shows.append((self._says("nay do"),))
        if wanted["not_in_plan"]:
            shows.append((self._says("không có trong kế hoạch"),))
        if wanted["member_of"]:
            shows.append((self._says("thuộc nhóm"),))
        if answer.get("task"):
            shows.append((self._task_label(str(answer["task"])),))
        for key in ("window", "agency"):
            if answer.get(key):
                shows.append((str(answer[key]),))
        shows.extend((str(s),) for s in answer.get("says") or ())
        missing = []
        header = "\n".join(_without_notes(text).splitlines()[:HEADER_LINES])
        for options in heads:
            if not any(o in header for o in options):
                missing.append("header: " + " | ".join(options))
        for options in shows:
            if options == ("__date__",):
                if not _DATE.search(text):
                    missing.append("a date")
            elif options[0] == NO_SUCH_TASK:
                if f"{self._says(NO_SUCH_TASK)} {options[1]}" not in text:
                    missing.append(f"{NO_SUCH_TASK} {options[1]}")
            elif not any(o in text for o in options):
                missing.append(" | ".join(options))
        return missing

    def _in_plan(self, task: str) -> bool:
        return self._task_of(task) is not None

    def _task_of(self, task: str) -> tuple[str, str, str | None] | None:
        """A task as the question files write it, as section, number and activity: "II.3.2"
        is task 3.2 of section II where the plan numbers it so (a table's "3.2", a prose
        plan's "2.b"), else activity 2 of task II.3. A section's code may have parts of its
        own: "II.3.a.4" is item a.4 of section II.3 where the plan makes a part a section.
        A task of no section ("3", "4.1") is written without one."""
        numbered = {(t.section, t.number) for t in self.tasks}
        parts = task.split(".")
        for cut in range(len(parts)):
            section = ".".join(parts[:cut]) or None
            rest = ".".join(parts[cut:])
            if (section, rest) in numbered:
                return section, rest, None
            number, _, activity = rest.rpartition(".")
            if number and (section, number) in numbered:
                return section, number, activity
        return None

    def _undated(self, task: str) -> bool:
        """Whether a task (or the activity of it written) has no deadline at all."""
        found = self._task_of(task)
        if found is None:
            return False
        section, number, activity = found
        query = select(Task.current_due).where(
            Task.number == number,
            Task.section.is_(None) if section is None else Task.section == section,
        )
        if activity is not None and activity.isdigit():
            query = query.where(Task.activity_index == int(activity))
        with self.world.app.sessions() as session:
            dues = list(session.scalars(query))
        return bool(dues) and all(due is None for due in dues)

    def _task_label(self, task: str) -> str:
        """A task as replies show it: "II.3.2", or "II.3 (2)" for activity 2 of II.3."""
        found = self._task_of(task)
        if found is None or found[2] is None:
            return task
        number = ".".join(p for p in found[:2] if p)
        return f"{number} ({found[2]})"

    def _past_week(self, label: str | None) -> str | None:
        """The first day of the week a digest question names, when that week is over."""
        if not label or "–" not in label:
            return None
        start, end = (datetime.strptime(d, "%d/%m/%Y").date() for d in label.split("–"))
        return f"{start:%d/%m/%Y}" if end < self.file.today else None

    def _missing_choices(
        self, choices: list[Mapping[str, Any]], replies: list[Reply], text: str
    ) -> list[str]:
        if self._says(CHOICES) not in text:
            return ["choices"]
        offered = []
        for reply in replies:
            for row in reply.buttons:
                for button in row:
                    callback = callbacks.decode(button.data)
                    if callback is None or callback.action != "q":
                        continue
                    question = answers.decode(callback)
                    if question is not None:
                        offered.append(self._project(question))
        missing = []
        for choice in choices:
            wanted = self.names.expected(choice)
            keys = ("ask", "field", "action", "agencies", "section", "task", "status", "role")
            if not any(all(o[k] == wanted[k] for k in keys) for o in offered):
                missing.append(str({k: wanted[k] for k in keys if wanted[k]}))
        return missing

    def _project(self, question: answers.Question) -> dict[str, Any]:
        task = question.task
        return {
            "ask": question.ask.value,
            "field": question.field.value if question.field else None,
            "action": question.action.value if question.action else None,
            "agencies": sorted(self.agency_keys[a] for a in question.agencies),
            "section": question.section,
            "task": None
            if task is None
            else ".".join(p for p in (task.section, task.number, str(task.activity or "")) if p),
            "status": question.status.value if question.status else None,
            "role": question.role.value if question.role else None,
        }


def _without_notes(text: str) -> str:
    """The reply without the notes on agencies said before the answer."""
    lines = text.splitlines()
    while lines and any(n in lines[0] for n in (" nay là ", "thuộc nhóm", "không có trong")):
        lines.pop(0)
    return "\n".join(lines)


def chat_scores(
    sessions_for: Iterator[sessionmaker[Session]], tmp: Path, parts: set[str] | None
) -> Iterator[Score]:
    from tests.questions.evaluate import OPEN, question_files

    for path in question_files(open_too=bool(parts and "open" in parts)):
        questions_file = QuestionFile(path)
        if path.stem.endswith(OPEN):
            questions_file.part += " open"
        if parts and questions_file.part not in parts and not path.stem.endswith(OPEN):
            continue
        if plan_path(questions_file.plan) is None:
            continue
        with use_language(questions_file.language):
            yield Chat(questions_file, next(sessions_for), tmp).score()


def main(argv: list[str]) -> int:
    from bot.db import make_engine, make_sessionmaker, upgrade

    show = "--show" in argv
    parts = {a for a in argv if not a.startswith("--")} or None

    def databases(folder: Path) -> Iterator[sessionmaker[Session]]:
        n = 0
        while True:
            n += 1
            engine = make_engine(f"sqlite:///{folder}/chat{n}.db")
            upgrade(engine)
            yield make_sessionmaker(engine)

    totals: dict[str, Score] = {}
    with tempfile.TemporaryDirectory() as folder:
        for score in chat_scores(databases(Path(folder)), Path(folder), parts):
            print(score.line())
            part = score.part.split()[-1]
            totals.setdefault(part, chat_score(part)).outcomes.extend(score.outcomes)
            if show:
                for answered in score.outcomes:
                    if not answered.right:
                        mark = "WRONG" if answered.confidently_wrong else "miss "
                        print(f"  {mark} {answered.question!r}: missing {answered.missing}")
                        print("        " + answered.reply.replace("\n", "\n        ")[:600])
    for total in totals.values():
        print(total.line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
