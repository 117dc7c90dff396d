"""Understanding a coordinator's question typed in ordinary Vietnamese, with or without
diacritics, abbreviations and typos: "nv II.3 tới đâu rồi", "quá hạn quý 1", "stp còn bn
việc chưa xong", "gia hạn cho STP thêm 1 tháng".

Pure and deterministic: the caller passes the plan's vocabulary (``PlanVocabulary``, built
from the database), the agency directory and ``today``; the answer is a ``Reading`` (see
planning/questions/reading.py) whose ``why`` says which words led to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from planning.agencies import AgencyDirectory
from planning.periods import DEFAULT_SOON_DAYS, Duration, Period, PeriodKind
from planning.questions.reader import QuestionReader
from planning.questions.reading import (
    Action,
    AgencyNote,
    Ask,
    Intent,
    Reading,
    Relation,
    Role,
    Status,
    TaskField,
    TaskRef,
)
from planning.questions.vocabulary import (
    AgencyEntry,
    PlanVocabulary,
    SectionRef,
    TaskEntry,
    TaskRow,
    in_part,
)
from planning.text import fold

__all__ = [
    "in_part",
    "DEFAULT_SOON_DAYS",
    "Action",
    "AgencyEntry",
    "AgencyNote",
    "Ask",
    "Duration",
    "Intent",
    "Period",
    "PeriodKind",
    "PlanVocabulary",
    "QuestionReader",
    "Reading",
    "Relation",
    "Role",
    "SectionRef",
    "Status",
    "TaskEntry",
    "TaskField",
    "TaskRef",
    "TaskRow",
    "agency_in",
    "reader_for",
    "section_in",
    "understand",
]


@lru_cache(maxsize=32)
def reader_for(vocabulary: PlanVocabulary, directory: AgencyDirectory) -> QuestionReader:
    """The reader of one plan's questions, built once and kept for the next question."""
    return QuestionReader(vocabulary, directory)


def understand(
    text: str, vocabulary: PlanVocabulary, *, directory: AgencyDirectory, today: date
) -> Reading:
    """The reading of a question about the plan ``vocabulary`` describes, asked on ``today``."""
    return reader_for(vocabulary, directory).read(text, today)


def agency_in(text: str, directory: AgencyDirectory, today: date | None = None) -> str | None:
    """The directory key of the agency named anywhere in ``text`` ("của sở tư pháp")."""
    reading = understand(text, PlanVocabulary(), directory=directory, today=today or date.min)
    for intent in reading.choices:
        if intent.agencies:
            return intent.agencies[0]
    return None


def section_in(text: str, sections: Sequence[SectionRef]) -> str | None:
    """The code of the section ``text`` names: its code ("III"), "mục 3", or its title."""
    bare = fold(text).strip()
    for section in sections:
        if fold(section.code) == bare:
            return section.code
    vocabulary = PlanVocabulary(sections=tuple(sections))
    reading = understand(text, vocabulary, directory=_no_agencies(), today=date.min)
    return reading.best.section


@lru_cache(maxsize=1)
def _no_agencies() -> AgencyDirectory:
    return AgencyDirectory.from_entries(())
