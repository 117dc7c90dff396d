"""Understanding a coordinator's question typed in ordinary Vietnamese, with or without diacritics.

"việc quá hạn của sở tư pháp", "tuan nay den han gi", "Sở TTTT còn bao nhiêu việc": a
deterministic reading (no I/O) from a keyword table, the agency resolver and the plan's
section titles. When two readings score close, both are returned so the bot can offer them
as buttons instead of guessing.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from rapidfuzz import fuzz

from planning.agencies import AgencyDirectory
from planning.text import fold

DEFAULT_SOON_DAYS = 7
# A reading needs this much keyword weight to be taken on its own ...
SURE_SCORE = 2.0
# ... (less when the question names an agency or a section: "sở tư pháp thế nào") ...
SURE_SCORE_WITH_SUBJECT = 1.0
# ... and the runner-up must stay below this share of the best score, or both are offered.
CLOSE_RATIO = 0.75
# A section title matched loosely (a typo, a missing word) must be at least this close.
SECTION_FUZZY = 92.0
# Agency names are looked for in spans of up to this many words.
AGENCY_SPAN = 9


class IntentKind(StrEnum):
    OVERDUE = "overdue"  # việc quá hạn
    DUE_SOON = "due_soon"  # việc sắp đến hạn
    PROGRESS = "progress"  # tiến độ, tỷ lệ đúng hạn
    COUNT_OPEN = "count_open"  # còn bao nhiêu việc
    REPORT = "report"  # báo cáo tổng hợp
    EXPORT = "export"  # xuất báo cáo Excel
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SectionRef:
    """A section (phần, mục) of a plan: its code as numbered ("III") and its title."""

    code: str
    title: str


@dataclass(frozen=True)
class Intent:
    """One reading of a question. ``agency`` is a directory key, ``section`` a section code,
    ``days`` the window of a due-soon question (0 = today)."""

    kind: IntentKind
    agency: str | None = None
    section: str | None = None
    days: int | None = None
    confidence: float = 0.0


@dataclass(frozen=True)
class Reading:
    """What a question means: one intent when sure, the two closest when unsure."""

    intents: tuple[Intent, ...]
    scores: dict[IntentKind, float] = field(default_factory=dict, compare=False)

    @property
    def best(self) -> Intent:
        return self.intents[0]

    @property
    def unsure(self) -> bool:
        return len(self.intents) > 1

    @property
    def kind(self) -> IntentKind:
        return self.best.kind


# ------------------------------------------------------------------------ keyword table

K = IntentKind
# Folded phrases and the weight they lend a reading. Longer phrases are matched first and
# consume their words ("sắp đến hạn" is not also "đến hạn"; "chậm tiến độ" is not progress).
KEYWORDS: tuple[tuple[str, IntentKind, float], ...] = (
    ("qua han", K.OVERDUE, 3),
    ("tre han", K.OVERDUE, 3),
    ("da het han", K.OVERDUE, 3),
    ("cham tien do", K.OVERDUE, 3),
    ("cham tre", K.OVERDUE, 3),
    ("bi cham", K.OVERDUE, 3),
    ("no dong", K.OVERDUE, 2),
    ("tre", K.OVERDUE, 2),
    ("cham", K.OVERDUE, 2),
    ("sap den han", K.DUE_SOON, 4),
    ("sap het han", K.DUE_SOON, 4),
    ("sap qua han", K.DUE_SOON, 4),
    ("sap toi han", K.DUE_SOON, 4),
    ("den han", K.DUE_SOON, 3),
    ("toi han", K.DUE_SOON, 3),
    ("han chot", K.DUE_SOON, 3),
    ("het han", K.DUE_SOON, 2),
    ("can hoan thanh", K.DUE_SOON, 2),
    ("phai hoan thanh", K.DUE_SOON, 2),
    ("phai xong", K.DUE_SOON, 2),
    ("phai nop", K.DUE_SOON, 2),
    ("can lam", K.DUE_SOON, 1),
    ("phai lam", K.DUE_SOON, 1),
    ("tien do", K.PROGRESS, 3),
    ("ti le", K.PROGRESS, 2),
    ("ty le", K.PROGRESS, 2),
    ("dung han", K.PROGRESS, 2),
    ("tinh hinh", K.PROGRESS, 2),
    ("thong ke", K.PROGRESS, 2),
    ("ket qua", K.PROGRESS, 1),
    ("phan tram", K.PROGRESS, 1),
    ("the nao", K.PROGRESS, 1),
    ("ra sao", K.PROGRESS, 1),
    ("bao nhieu", K.COUNT_OPEN, 2),
    ("may viec", K.COUNT_OPEN, 3),
    ("may nhiem vu", K.COUNT_OPEN, 3),
    ("chua hoan thanh", K.COUNT_OPEN, 3),
    ("chua xong", K.COUNT_OPEN, 3),
    ("dang thuc hien", K.COUNT_OPEN, 2),
    ("dang lam", K.COUNT_OPEN, 2),
    ("con lai", K.COUNT_OPEN, 2),
    ("so luong", K.COUNT_OPEN, 2),
    ("dem", K.COUNT_OPEN, 1),
    ("con", K.COUNT_OPEN, 1),
    ("bao cao", K.REPORT, 3),
    ("tong hop", K.REPORT, 2),
    ("tom tat", K.REPORT, 2),
    ("tong quan", K.REPORT, 2),
    ("tong ket", K.REPORT, 2),
    ("so ket", K.REPORT, 2),
    ("xuat", K.EXPORT, 3),
    ("excel", K.EXPORT, 3),
    ("xlsx", K.EXPORT, 3),
    ("bang tinh", K.EXPORT, 2),
    ("tai ve", K.EXPORT, 2),
    ("tai file", K.EXPORT, 2),
    ("file", K.EXPORT, 1),
    ("tep", K.EXPORT, 1),
)
_KEYWORDS = sorted(
    ((tuple(p.split()), kind, weight) for p, kind, weight in KEYWORDS),
    key=lambda entry: len(entry[0]),
    reverse=True,
)
# Counting words only say "how many" about the other questions: "còn bao nhiêu việc quá
# hạn" is a question about overdue work.
_QUALIFIED_BY = {K.OVERDUE, K.DUE_SOON, K.PROGRESS}
COUNT_AS_QUALIFIER = 0.5

# Words that make a time window a question about work ("hôm nay có việc gì"), not small
# talk ("thời tiết hôm nay thế nào").
_WORK_WORDS = frozenset({"viec", "nhiem", "han", "gi", "lam", "nop"})
TIME_WINDOW_WEIGHT = 2.0

_TOKEN = re.compile(r"\w+|&")
_DAYS = re.compile(r"(\d{1,3}) ngay (?:toi|nua|sap toi)|trong (\d{1,3}) ngay")
_SECTION_CODE = re.compile(r"\b(?:muc|phan|nhom|linh vuc)\s+([ivxlc]+|\d{1,2})\b")
_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Token:
    folded: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(fold(m.group()) if m.group() != "&" else "&", m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]


# ------------------------------------------------------------------------------ reading


def interpret(
    text: str,
    *,
    directory: AgencyDirectory,
    sections: Sequence[SectionRef] = (),
    today: date,
) -> Reading:
    """The reading of a question; ``today`` dates windows such as "tuần này" (until Sunday)."""
    text = unicodedata.normalize("NFC", text or "")
    tokens = _tokens(text)
    if not tokens:
        return Reading((Intent(K.UNKNOWN),))
    used: set[int] = set()
    section, section_used = find_section(tokens, sections)
    used |= section_used
    agency, agency_used = find_agency(text, tokens, directory, skip=used)
    used |= agency_used
    words = [t.folded if i not in used else "" for i, t in enumerate(tokens)]

    scores = _keyword_scores(words)
    days = _window(words, today)
    if days is not None and _WORK_WORDS & set(words):
        scores[K.DUE_SOON] = scores.get(K.DUE_SOON, 0.0) + TIME_WINDOW_WEIGHT
    if K.COUNT_OPEN in scores and _QUALIFIED_BY & {k for k, s in scores.items() if s > 0}:
        scores[K.COUNT_OPEN] *= COUNT_AS_QUALIFIER
    if scores.get(K.EXPORT) and K.REPORT in scores:
        scores[K.REPORT] = 0.0  # "xuất báo cáo": the report is what is exported

    def intent(kind: IntentKind, confidence: float) -> Intent:
        window = (days if days is not None else DEFAULT_SOON_DAYS) if kind is K.DUE_SOON else None
        scoped = kind not in (K.REPORT, K.EXPORT)
        return Intent(
            kind,
            agency=agency if scoped else None,
            section=section if scoped else None,
            days=window,
            confidence=round(confidence, 2),
        )

    ranked = sorted(
        ((s, k) for k, s in scores.items() if s > 0), key=lambda e: (-e[0], _ORDER[e[1]])
    )
    has_subject = agency is not None or section is not None
    if not ranked:
        if has_subject:
            # "Sở Tư pháp?": a subject and no question; offer the two usual ones.
            return Reading((intent(K.PROGRESS, 0.4), intent(K.OVERDUE, 0.4)), scores)
        return Reading((Intent(K.UNKNOWN),), scores)
    best_score, best = ranked[0]
    second_score, second = ranked[1] if len(ranked) > 1 else (0.0, None)
    needed = SURE_SCORE_WITH_SUBJECT if has_subject else SURE_SCORE
    if best_score < needed:
        return Reading((Intent(K.UNKNOWN),), scores)
    strength = min(1.0, best_score / 3.0)
    margin = (best_score - second_score) / best_score
    confidence = strength * (0.5 + 0.5 * margin)
    if (
        second is not None
        and second_score >= SURE_SCORE
        and second_score >= best_score * CLOSE_RATIO
    ):
        share = second_score / (best_score + second_score)
        return Reading(
            (intent(best, confidence), intent(second, strength * share)),
            scores,
        )
    return Reading((intent(best, confidence),), scores)


_ORDER = {kind: n for n, kind in enumerate(IntentKind)}


def _keyword_scores(words: Sequence[str]) -> dict[IntentKind, float]:
    scores: dict[IntentKind, float] = {}
    taken = [not w for w in words]
    for phrase, kind, weight in _KEYWORDS:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if any(taken[i : i + n]) or tuple(words[i : i + n]) != phrase:
                continue
            for k in range(i, i + n):
                taken[k] = True
            scores[kind] = scores.get(kind, 0.0) + weight
    return scores


def _window(words: Sequence[str], today: date) -> int | None:
    """Days from today that a time expression covers, or None without one."""
    joined = " ".join(w for w in words if w)
    m = _DAYS.search(joined)
    if m:
        return int(m.group(1) or m.group(2))
    until_sunday = 6 - today.weekday()
    end_of_month = calendar.monthrange(today.year, today.month)[1] - today.day
    windows = (
        ("hom nay", 0),
        ("ngay mai", 1),
        ("tuan nay", until_sunday),
        ("tuan toi", until_sunday + 7),
        ("tuan sau", until_sunday + 7),
        ("thang nay", end_of_month),
        ("thang toi", _end_of_next_month(today)),
        ("thang sau", _end_of_next_month(today)),
    )
    padded = f" {joined} "
    for phrase, days in windows:
        if f" {phrase} " in padded:
            return days
    return None


def _end_of_next_month(today: date) -> int:
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = first_next.replace(day=calendar.monthrange(first_next.year, first_next.month)[1])
    return (last - today).days


# ------------------------------------------------------------------- subjects in the text


def find_agency(
    text: str,
    tokens: Sequence[_Token],
    directory: AgencyDirectory,
    skip: set[int] | frozenset[int] = frozenset(),
) -> tuple[str | None, set[int]]:
    """The directory key of the agency the text names, and the token indexes of the name.

    Every span of words is given to the resolver (exact alias, with or without diacritics,
    then its cautious fuzzy match); the best score wins, then the longest name.
    """
    best: tuple[float, int, str, int, int] | None = None
    for i in range(len(tokens)):
        if i in skip or tokens[i].folded == "&":
            continue
        for j in range(i + 1, min(len(tokens), i + AGENCY_SPAN) + 1):
            if j - 1 in skip:
                break
            resolution = directory.resolve(text[tokens[i].start : tokens[j - 1].end])
            if resolution.agency is None:
                continue
            candidate = (resolution.score, j - i, resolution.agency.key, i, j)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None, set()
    _score, _length, key, i, j = best
    return key, set(range(i, j))


def find_section(
    tokens: Sequence[_Token], sections: Sequence[SectionRef]
) -> tuple[str | None, set[int]]:
    """The code of the section the text names (by title, or "mục III" / "phần 3"), and the
    token indexes of the mention."""
    words = [t.folded for t in tokens]
    joined = " ".join(words)
    starts = []
    offset = 0
    for w in words:
        starts.append(offset)
        offset += len(w) + 1
    m = _SECTION_CODE.search(joined)
    if m:
        code = _roman(m.group(1))
        for section in sections:
            if fold(section.code) == code:
                return section.code, _covering(starts, words, m.start(), m.end())
    best: tuple[float, int, SectionRef, set[int]] | None = None
    for section in sections:
        for name, bonus in _section_names(section.title):
            if len(joined) < len(name):
                score = fuzz.ratio(name, joined)
                used = set(range(len(words)))
            else:
                alignment = fuzz.partial_ratio_alignment(name, joined)
                if alignment is None:
                    continue
                score = alignment.score
                used = _covering(starts, words, alignment.dest_start, alignment.dest_end)
            if score < SECTION_FUZZY:
                continue
            candidate = (score + bonus, len(name), section, used)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None, set()
    return best[2].code, best[3]


def _section_names(title: str) -> list[tuple[str, float]]:
    """The folded title, and its clauses ("Chuyển đổi số" of "Chuyển đổi số, xây dựng
    chính quyền số") when they are long enough to name the section on their own."""
    whole = " ".join(t.folded for t in _tokens(title))
    names = [(whole, 1.0)] if len(whole) >= 6 else []
    parts = [" ".join(t.folded for t in _tokens(p)) for p in re.split(r"[,;]", title)]
    if len(parts) > 1:
        names.extend((p, 0.0) for p in parts if len(p) >= 10 and len(p.split()) >= 2)
    return names


def _covering(starts: Sequence[int], words: Sequence[str], begin: int, end: int) -> set[int]:
    return {i for i, s in enumerate(starts) if s < end and s + len(words[i]) > begin}


def _roman(code: str) -> str:
    if not code.isdigit():
        return code
    number, out = int(code), ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def agency_in(text: str, directory: AgencyDirectory) -> str | None:
    """The directory key of the agency named anywhere in ``text`` ("của sở tư pháp")."""
    text = unicodedata.normalize("NFC", text)
    return find_agency(text, _tokens(text), directory)[0]


def section_in(text: str, sections: Sequence[SectionRef]) -> str | None:
    """The code of the section ``text`` names: its code ("III"), "mục 3", or its title."""
    bare = fold(text).strip()
    for section in sections:
        if fold(section.code) == bare:
            return section.code
    return find_section(_tokens(unicodedata.normalize("NFC", text)), sections)[0]
