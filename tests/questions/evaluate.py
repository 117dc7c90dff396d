"""Scoring the reader on the question sets: right, asked back, not understood, confidently
wrong. ``python -m tests.questions.evaluate [--show]`` prints the figures per part."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

from planning.agencies import AgencyDirectory
from planning.intent import Ask, Intent, PlanVocabulary, Reading, Relation, understand
from tests.questions.plans import plan_path, plan_vocabulary

HERE = Path(__file__).resolve().parent
# Who asks, unless a file names another agency ("asker: Phòng Nội vụ" of a city's plan).
ASKER_AGENCY = "Sở Nội vụ"
READING_KEYS = frozenset(
    {
        "ask",
        "field",
        "action",
        "agencies",
        "section",
        "task",
        "status",
        "role",
        "own",
        "period",
        "duration",
        "merged",
        "took_over",
        "passed_to",
        "member_of",
        "not_in_plan",
    }
)
ANSWER_KEYS = frozenset({"task", "window", "agency", "says"})
NOTE_KEYS = {
    "merged": Relation.MERGED_INTO,
    "took_over": Relation.TOOK_OVER,
    "passed_to": Relation.PASSED_TO,
    "member_of": Relation.MEMBER_OF,
}
# Readings that assert nothing about the plan: a wrong one is not understood, not misleading.
SILENT = frozenset({Ask.UNKNOWN, Ask.OFF_TOPIC, Ask.HELP})


# Files of questions still read or answered wrongly, set apart from their held-out file
# ("*_open.yaml"): scored on request ("evaluate open"), not held to the floors.
OPEN = "_open"


def question_files(open_too: bool = False) -> list[Path]:
    return sorted(p for p in HERE.glob("*.yaml") if open_too or not p.stem.endswith(OPEN))


@dataclass
class Outcome:
    question: str
    right: bool
    confidently_wrong: bool
    got: list[dict[str, Any]]
    wanted: list[dict[str, Any]]
    why: tuple[str, ...] = ()


class Judged(Protocol):
    """A question judged: read (or answered) as asked, or confidently wrong."""

    right: bool
    confidently_wrong: bool


@dataclass
class Score:
    part: str
    outcomes: list[Any] = field(default_factory=list)  # Judged: Outcome, or a chat's answer
    what: str = "right"

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def confidently_wrong(self) -> int:
        return sum(o.confidently_wrong for o in self.outcomes)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    def line(self) -> str:
        return (
            f"{self.part:<24} {self.right:>4}/{self.total:<4} {self.what} ({self.share:.1%}), "
            f"{self.confidently_wrong} confidently wrong"
        )


class QuestionFile:
    """One file of questions about one plan, read and checked for shape."""

    def __init__(self, path: Path) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.path = path
        self.plan = str(data["plan"])
        self.part = str(data["part"])
        self.today: date = data["today"]
        self.asker = str(data.get("asker", ASKER_AGENCY))
        # The asker's language: "en" files are asked and answered in English.
        self.language = str(data.get("language", "vi"))
        self.questions: list[dict[str, Any]] = data["questions"]
        for entry in self.questions:
            _check(entry, path)

    def score(self, directory: AgencyDirectory) -> Score:
        plan = plan_path(self.plan)
        if plan is None:
            raise FileNotFoundError(f"plan {self.plan} is not here")
        vocabulary = plan_vocabulary(plan)
        score = Score(f"{self.plan} {self.part}")
        names = AgencyNames(vocabulary, directory)
        for entry in self.questions:
            reading = understand(entry["q"], vocabulary, directory=directory, today=self.today)
            score.outcomes.append(judge(entry, reading, names))
        return score


def judge(entry: Mapping[str, Any], reading: Reading, names: AgencyNames) -> Outcome:
    got = [project(i) for i in reading.choices]
    if "choices" in entry:
        wanted = [names.expected(c) for c in entry["choices"]]
        right = reading.ask_back and all(w in got for w in wanted)
        wrong = not reading.ask_back and reading.best.ask not in SILENT
    else:
        wanted = [names.expected(entry["read"])]
        right = not reading.ask_back and got[0] == wanted[0]
        wrong = not reading.ask_back and not right and reading.best.ask not in SILENT
    return Outcome(entry["q"], right, wrong, got, wanted, reading.best.why)


def project(intent: Intent) -> dict[str, Any]:
    """The fields of a reading the question files name, as they name them."""
    notes: dict[str, dict[str, str | None]] = {}
    for note in intent.notes:
        name = next((k for k, r in NOTE_KEYS.items() if r is note.relation), "not_in_plan")
        notes.setdefault(name, {})[note.named] = note.other
    task = intent.task
    return {
        "ask": intent.ask.value,
        "field": intent.field.value if intent.field else None,
        "action": intent.action.value if intent.action else None,
        "agencies": sorted(intent.agencies),
        "section": intent.section,
        "task": (
            None
            if task is None
            else ".".join(p for p in (task.section, task.number, str(task.activity or "")) if p)
        ),
        "status": intent.status.value if intent.status else None,
        "role": intent.role.value if intent.role else None,
        "own": intent.own,
        "period": intent.period.label if intent.period else None,
        "duration": str(intent.duration) if intent.duration else None,
        **{k: notes.get(k, {}) for k in (*NOTE_KEYS, "not_in_plan")},
    }


class AgencyNames:
    """Agency names in the question files -> directory keys."""

    def __init__(self, vocabulary: PlanVocabulary, directory: AgencyDirectory) -> None:
        self.directory = directory
        # A task's only activity row is the task itself ("II.9.1" of a task of one row is
        # "II.9", as the reader and the card name it).
        self.only_rows = {
            f"{base}.{t.activities[0]}": base
            for t in vocabulary.tasks
            if len(t.activities) == 1
            for base in (".".join(p for p in (t.section, t.number) if p),)
        }
        self.by_name = {}
        for agency in vocabulary.agencies:
            for name in (agency.name, *agency.names):
                self.by_name[name] = agency.key

    def key(self, name: str) -> str:
        if name in self.by_name:
            return self.by_name[name]
        resolution = self.directory.resolve(name)
        if resolution.agency is None:
            raise KeyError(f"no agency named {name!r}")
        return resolution.agency.key

    def expected(self, read: Mapping[str, Any]) -> dict[str, Any]:
        notes: dict[str, dict[str, str | None]] = {}
        for name in NOTE_KEYS:
            notes[name] = {self.key(k): self.key(v) for k, v in (read.get(name) or {}).items()}
        notes["not_in_plan"] = {self.key(k): None for k in read.get("not_in_plan") or ()}
        return {
            "ask": read["ask"],
            "field": read.get("field"),
            "action": read.get("action"),
            "agencies": sorted(self.key(a) for a in read.get("agencies") or ()),
            "section": read.get("section"),
            "task": self.only_rows.get(str(read["task"]), read["task"])
            if read.get("task")
            else None,
            "status": read.get("status"),
            "role": read.get("role"),
            "own": bool(read.get("own", False)),
            "period": read.get("period"),
            "duration": read.get("duration"),
            **notes,
        }


def _check(entry: Any, path: Path) -> None:
    where = f"{path.name}: {entry!r}"
    if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
        raise ValueError(f"{where}: an entry needs a question 'q'")
    if ("read" in entry) == ("choices" in entry):
        raise ValueError(f"{where}: an entry has either 'read' or 'choices'")
    reads = [entry["read"]] if "read" in entry else entry["choices"]
    for read in reads:
        unknown = set(read) - READING_KEYS
        if unknown or "ask" not in read:
            raise ValueError(f"{where}: unknown keys {unknown} or no 'ask'")
    unknown = set(entry.get("answer") or {}) - ANSWER_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown answer keys {unknown}")


def scores(parts: set[str] | None = None) -> Iterator[Score]:
    """The scores of the files of ``parts`` (all when None); "open": the open files."""
    directory = AgencyDirectory.load()
    for path in question_files(open_too=bool(parts and "open" in parts)):
        questions = QuestionFile(path)
        if path.stem.endswith(OPEN):
            questions.part += " open"
        if parts and questions.part not in parts and not questions.part.endswith(" open"):
            continue
        if plan_path(questions.plan) is None:
            continue
        yield questions.score(directory)


def main(argv: list[str]) -> int:
    show = "--show" in argv
    parts = {a for a in argv if not a.startswith("--")} or None
    totals: dict[str, Score] = {}
    for score in scores(parts):
        print(score.line())
        total = totals.setdefault(score.part.split()[-1], Score(score.part.split()[-1]))
        total.outcomes.extend(score.outcomes)
        if show:
            for outcome in score.outcomes:
                if not outcome.right:
                    mark = "WRONG" if outcome.confidently_wrong else "miss "
                    print(f"  {mark} {outcome.question!r}")
                    print(f"        got    {_short(outcome.got)}")
                    print(f"        wanted {_short(outcome.wanted)}")
                    print(f"        why    {outcome.why}")
    for total in totals.values():
        print(total.line())
    return 0


def _short(readings: list[dict[str, Any]]) -> str:
    return " | ".join(
        ", ".join(f"{k}={v}" for k, v in r.items() if v not in (None, [], {}, False))
        for r in readings
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
