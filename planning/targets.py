"""Targets (chỉ tiêu): the measurable figures a plan promises, read from its objectives and
task rows, and the rule that says whether a reported value meets one.

"Tối thiểu 80% hồ sơ ... được luân chuyển bằng phương thức điện tử" is a target: at least
80 %. "cấp tỉnh 95%; cấp huyện 90%; cấp xã 80%" is three, one per level. "giảm 10% biên
chế sự nghiệp so với năm 2021" is a change from a baseline: the value reported is the
reduction achieved. A date, a decree's number or a count of documents is no target: a figure
counts only as a percentage, a rank ("xếp hạng 25 - 30/63"), or a count of something with
a comparison before it ("ít nhất 02 hội nghị").

Pure: text in, ``Figure``s out; ``plan_targets`` reads a whole plan given its lines and tasks.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from planning.text import clean, fold

Comparison = Literal["ge", "le", "eq"]
Change = Literal["decrease", "increase"]
Source = Literal["objective", "task", "added"]

COMPARISONS: tuple[Comparison, ...] = ("ge", "le", "eq")
CHANGES: tuple[Change, ...] = ("decrease", "increase")
SYMBOLS: dict[Comparison, str] = {"ge": "≥", "le": "≤", "eq": "="}
PERCENT = "%"
RANK = "hạng"  # a place in a ranking: lower is better


@dataclass(frozen=True)
class Figure:
    """One target as a passage writes it.

    ``measure`` is what is measured ("hồ sơ giải quyết TTHC được luân chuyển ... điện tử");
    ``comparison``: ``ge`` at least (tối thiểu, ít nhất, trên, từ ... trở lên), ``le`` at
    most (tối đa, không quá, dưới, and every rank), ``eq`` reached (đạt, bằng, a bare
    figure); ``change`` marks a reduction or an increase from ``baseline`` ("năm 2021"),
    whose reported value is the change achieved; ``level`` the administrative level of one
    tier of a tiered target ("cấp tỉnh"); ``text`` the clause as written.
    """

    measure: str
    comparison: Comparison
    value: Decimal
    unit: str
    level: str | None = None
    change: Change | None = None
    baseline: str | None = None
    text: str = ""


def is_met(comparison: str, target: Decimal, achieved: Decimal) -> bool:
    """Whether ``achieved`` meets the target. A plan's "đạt 80%" is a floor reached, not a
    value to hit exactly (85 % meets it), so ``eq`` is judged as ``ge``; ``le`` is a ceiling."""
    if comparison == "le":
        return achieved <= target
    return achieved >= target


# ------------------------------------------------------------------- reading a passage

_NUMBER = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_PERCENT = re.compile(r"(?<![\d/.,])" + _NUMBER + r"(?:\s*(?:-|–|den|toi)\s*" + _NUMBER + r")?\s*%")
_RANK = re.compile(
    r"\b(?:xep hang|thu hang|vi thu|xep thu)[a-z ]{0,16}?(?<![\d/])(\d{1,2})"
    r"(?:\s*(?:-|–|den)\s*(\d{1,2}))?\s*/\s*(\d{2})\b"
)
_GROUP_RANK = re.compile(r"\bnhom (\d{1,2}) (?:tinh|dia phuong|don vi)\b[^;.]{0,60}\bdan dau\b")
# Words a count is counted in; a count is a target only with a comparison or a change
# before it ("tổ chức ít nhất 02 hội nghị", "tăng từ 2 đến 3 bậc").
_UNITS = (
    "ngay lam viec",
    "hoi nghi",
    "sang kien",
    "mo hinh",
    "hoc vien",
    "co quan",
    "don vi",
    "cuoc",
    "lop",
    "lan",
    "dot",
    "buoi",
    "luot",
    "diem",
    "bac",
    "ngay",
    "gio",
    "phut",
)
_COUNT = re.compile(
    r"(?<![\d/.,])(\d{1,4}(?:,\d{1,2})?)(?:\s*(?:-|–|den)\s*(\d{1,4}))?\s+("
    + "|".join(_UNITS)
    + r")\b"
)
_GE = re.compile(
    r"\b(?:toi thieu|it nhat|khong duoi|khong thap hon|khong it hon|lon hon|cao hon)\b"
)
_LE = re.compile(r"\b(?:toi da|khong qua|khong vuot qua|khong vuot|khong cao hon|khong lon hon)\b")
_LE_NEAR = re.compile(r"(?:\b(?:duoi|thap hon|nho hon)|<=?|≤)\s*$")
_GE_NEAR = re.compile(r"(?:\b(?:tren|hon)|>=?|≥)\s*$")
_EQ = re.compile(r"\b(?:dat|bang|phan dau|len)\b")
_FROM_NEAR = re.compile(r"\btu\s*$")
_UP = re.compile(r"^[^;%\d]{0,40}?\btro len\b")
_DOWN = re.compile(r"^[^;%\d]{0,40}?\btro xuong\b")
_CHANGE = re.compile(r"\b(cat giam|giam|tinh gian|rut ngan)\b|\btang\b(?! cuong| len| them)")
_CHANGE_REACH = 44  # how far before its figure a change verb still governs it
_BASELINE = re.compile(r"\bso voi\b\s*([^;,.()]{2,60})")
# A level right before its figure: "cấp tỉnh 95%", "ở cấp xã đạt 90%", and bare in a list of
# tiers ("Cấp tỉnh 80%; huyện 80%; xã 70%"), never "của tỉnh 100%".
_LEVEL_BEFORE = re.compile(
    r"(?:(?:^|[\s:;,(])(?:(?:o|tai)\s+)?(cap tinh|cap huyen|cap xa)|(?:^|[:;,(])\s*(tinh|huyen|xa))"
    r"\s*(?:dat\s*)?:?\s*$"
)
_LEVEL_AFTER = re.compile(r"[^\d;%]{0,40}?\b((?:o|tai)\s+(cap tinh|cap huyen|cap xa))\b")
_LEVELS = {
    "cap tinh": "cấp tỉnh",
    "cap huyen": "cấp huyện",
    "cap xa": "cấp xã",
    "tinh": "cấp tỉnh",
    "huyen": "cấp huyện",
    "xa": "cấp xã",
}
# Where a passage splits: sentences, bullets run together ("... 80% - Ký số ..."), clauses.
_SENTENCE = re.compile(r"(?<=\S)\.\s+(?=\S)|\n|\s—\s|\s[-–+•]\s(?=[A-ZÀ-Ỹ])")
_CLAUSE = re.compile(r";")
# Between two figures of a clause, what follows the last of these belongs to the second.
_SEPARATOR = re.compile(r",|\bva\b|\bcon\b|\btrong so do\b|\btrong do\b|\bcho den khi\b")
# Words around a measure that say nothing about what is measured (matched on the text as
# written, lower-cased: "đạt" is such a word, "đất" is not).
_LEAD_WORDS = re.compile(
    r"^(?:[-+•*:,.;)\s]|\d{1,2}(?:\.\d{1,2})*[.)](?=\s|$)|[a-zđ]\)(?=\s|$)|(?:đảm bảo|bảo đảm|"
    r"phấn đấu|phần đầu|phân đầu|hằng năm|hàng năm|hoàn thành|mỗi năm|trong số đó|trong đó|và|"
    r"với mục tiêu|đạt tỷ lệ|đạt tỉ lệ|đạt|tỷ lệ|tỉ lệ|các|từ|ở|tại|theo|cắt giảm|giảm|"
    r"tinh giản|rút ngắn|tăng(?! cường)|bình quân|giữ|(?:trong |đến |vào )?năm \d{4}|"
    r"giai đoạn \d{4}\s*[-–]\s*\d{4})(?=[\s,.:;]|$))+",
)
_TRAIL_WORDS = re.compile(
    r"(?:[-+•*:,.;(\s]|(?<!\w)(?:đạt|theo tỷ lệ|theo tỉ lệ|tỷ lệ|tỉ lệ|và|từ|trong số đó|"
    r"trong đó|là|ở|tại|với|bằng|phấn đấu|trở lên|trở xuống|xếp thứ hạng|xếp hạng|thứ hạng|"
    r"tăng|giảm|bình quân|mỗi năm|hằng năm|hàng năm|đến năm \d{4}|năm \d{4}|được|vào|"
    r"cho đến khi))+$"
)
_YEAR_WORDS = re.compile(r"(?<!\w)(?:đến |vào |trong )?năm \d{4}")


_DIGIT = re.compile(r"\d")


def _folded(text: str) -> str:
    """``fold`` one character at a time, so positions in the folded text are positions in
    the text as written."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(
        c for c in unicodedata.normalize("NFD", ch.lower()) if unicodedata.category(c) != "Mn"
    )
    return (base or " ")[0].replace("đ", "d")


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ".")).normalize() + 0


@dataclass
class _Found:
    start: int  # where the figure's phrase starts (its comparison word, if any)
    end: int  # where it ends (its unit, "trở lên")
    number_start: int
    value: Decimal
    unit: str
    comparison: Comparison | None
    change: Change | None
    level: str | None
    level_span: tuple[int, int] | None
    ranked: bool = False


_ABBREVIATION = re.compile(r"\s*\((?:sau đây )?(?:viết|gọi) tắt là [^()]{1,40}\)", re.IGNORECASE)


def read_figures(passage: str) -> list[Figure]:
    """The targets a passage (an objective, a table cell) writes, in order."""
    if not _DIGIT.search(passage):
        return []  # every target has a figure
    text = _ABBREVIATION.sub("", clean(passage))
    folded = _folded(text)
    figures: list[Figure] = []
    for s_start, s_end in _spans(_SENTENCE, text, 0, len(text)):
        inherited: str | None = None
        for c_start, c_end in _spans(_CLAUSE, text, s_start, s_end):
            clause = _clause_figures(text, folded, c_start, c_end, inherited)
            if clause:
                inherited = clause[0].measure
                figures.extend(clause)
    return figures


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for match in pattern.finditer(text, start, end):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _clause_figures(
    text: str, folded: str, start: int, end: int, inherited: str | None
) -> list[Figure]:
    found = _find(folded, start, end)
    if not found:
        return []
    clause_text = text[start:end].strip()
    head = ""
    figures = []
    for i, item in enumerate(found):
        before = found[i - 1].end if i else start
        after = found[i + 1].start if i + 1 < len(found) else end
        # Between two figures, the words up to the last separator ("," "và") are the
        # first's, the rest the second's.
        own_start = before
        if i:
            separator = _last(_SEPARATOR, folded, before, item.start)
            own_start = separator.end() if separator else before
        own_end = after
        if i + 1 < len(found):
            separator = _last(_SEPARATOR, folded, item.end, after)
            own_end = separator.start() if separator else after
        own_head = _measure(text, folded, own_start, item.start, item, trim=False)
        own_tail = _measure(text, folded, item.end, own_end, item)
        if len(own_tail.split()) >= 3:
            own_head = _after_within(own_head)
        own_head = _trim(own_head)
        restated = _RESTATED.search(text[start : item.start].lower())
        if restated is not None:
            # "giảm 88 chỉ tiêu biên chế công chức, tương ứng với 05%": the share of what
            # the clause named before.
            named = text[start + restated.start(1) : start + restated.end(1)]
            own_head, own_tail = _trim(named), ""
        if i == 0:
            head = own_head
        if item.ranked:
            # What is ranked is named before the rank ("Chỉ số PCI ... xếp thứ hạng 10 - 20/63"),
            # or in the clause before; what follows ("/63 tỉnh, thành phố") says nothing.
            own_head, own_tail = _trim(_YEAR_WORDS.sub(" ", own_head)), ""
        measure = " ".join(p for p in (own_head, own_tail) if p)
        if i and not own_head and head and not item.ranked:
            measure = " ".join(p for p in (head, own_tail) if p)
        if not measure:
            measure = (head if not item.ranked else "") or inherited or head or ""
        baseline = _baseline(text, folded, item.end, own_end) if item.change else None
        figures.append(
            Figure(
                measure=_strip_baseline(measure)[:300],
                comparison=item.comparison or ("ge" if item.change else "eq"),
                value=item.value,
                unit=item.unit,
                level=item.level,
                change=item.change,
                baseline=baseline,
                text=clause_text,
            )
        )
    return figures


def _find(folded: str, start: int, end: int) -> list[_Found]:
    """The clause's figures in order, each with its comparison, change and level."""
    raw: list[tuple[int, int, Decimal, str, bool, int]] = []  # start, end, value, unit, ...
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _RANK.finditer(folded, start, end):
        value = _decimal(m.group(2) or m.group(1))
        raw.append((m.start(1), m.end(), value, RANK, True, m.start()))
        taken.append((m.start(1), m.end()))
    for m in _GROUP_RANK.finditer(folded, start, end):
        if free(m.start(1), m.end(1)):
            raw.append((m.start(1), m.end(1), _decimal(m.group(1)), RANK, True, m.start()))
            taken.append((m.start(), m.end()))
    for m in _PERCENT.finditer(folded, start, end):
        if free(m.start(), m.end()):
            raw.append((m.start(), m.end(), _decimal(m.group(1)), PERCENT, False, m.start()))
            taken.append((m.start(), m.end()))
    for m in _COUNT.finditer(folded, start, end):
        if free(m.start(), m.end()):
            unit = _UNIT_NAMES[m.group(3)]
            raw.append((m.start(), m.end(), _decimal(m.group(1)), unit, False, m.start()))
            taken.append((m.start(), m.end()))
    raw.sort()
    found: list[_Found] = []
    previous_end = start
    for number_start, number_end, value, unit, ranked, phrase_start in raw:
        window_start = max(previous_end, start)
        window = folded[window_start:phrase_start]
        comparison, cmp_start = _comparison(window, window_start, folded, number_end, end)
        change = _change(window)
        if ranked:
            comparison, change = "le", None
        elif unit == "bậc":
            change = change or "increase"
        is_count = unit not in (PERCENT, RANK)
        if is_count and comparison is None and change is None:
            previous_end = number_end
            continue  # "12 sở, ngành", "06 cơ quan": a count with nothing asked of it
        if is_count and unit in _TIME_UNITS and comparison not in ("ge", "le"):
            previous_end = number_end
            continue
        level, level_span = (
            (None, None) if ranked else _level(folded, window_start, phrase_start, number_end, end)
        )
        phrase_end = _phrase_end(folded, number_end, end)
        found.append(
            _Found(
                start=min(cmp_start, phrase_start),
                end=phrase_end,
                number_start=number_start,
                value=value,
                unit=unit,
                comparison=comparison,
                change=change,
                level=level,
                level_span=level_span,
                ranked=ranked,
            )
        )
        previous_end = phrase_end
    _inherit(found, folded)
    return found


_UNIT_NAMES = {
    "ngay lam viec": "ngày làm việc",
    "hoi nghi": "hội nghị",
    "sang kien": "sáng kiến",
    "mo hinh": "mô hình",
    "hoc vien": "học viên",
    "co quan": "cơ quan",
    "don vi": "đơn vị",
    "cuoc": "cuộc",
    "lop": "lớp",
    "lan": "lần",
    "dot": "đợt",
    "buoi": "buổi",
    "luot": "lượt",
    "diem": "điểm",
    "bac": "bậc",
    "ngay": "ngày",
    "gio": "giờ",
    "phut": "phút",
}
_TIME_UNITS = {"ngày làm việc", "ngày", "giờ", "phút"}


def _comparison(
    window: str, window_start: int, folded: str, number_end: int, end: int
) -> tuple[Comparison | None, int]:
    """The comparison the words before a figure (and "trở lên" after it) ask for, and where
    its words start."""
    tail = window[-40:]
    offset = window_start + len(window) - len(tail)
    best: tuple[int, Comparison] | None = None
    words: tuple[tuple[re.Pattern[str], Comparison], ...] = ((_GE, "ge"), (_LE, "le"), (_EQ, "eq"))
    for pattern, comparison in words:
        for m in pattern.finditer(tail):
            if best is None or m.start() > best[0] or (m.start() == best[0] and comparison != "eq"):
                best = (m.start(), comparison)
    near: tuple[tuple[re.Pattern[str], Comparison], ...] = ((_GE_NEAR, "ge"), (_LE_NEAR, "le"))
    for pattern, comparison in near:
        found = pattern.search(tail)
        if found is not None:
            best = (found.start(), comparison)
    from_near = _FROM_NEAR.search(tail)
    ranged = _is_range(folded, number_end)
    after = folded[number_end:end]
    written: Comparison | None = None
    if _UP.match(after):
        written = "ge"
    elif _DOWN.match(after):
        written = "le"
    elif best is None and (from_near is not None and ranged):
        written = "ge"
    from_at = from_near.start() if from_near else len(tail)
    if best is None:
        return written or ("ge" if ranged else None), offset + from_at
    chosen: Comparison = written or best[1]
    if chosen == "eq" and ranged:
        chosen = "ge"
    return chosen, offset + min(best[0], from_at)


def _is_range(folded: str, number_end: int) -> bool:
    """Whether the figure ending here was written as a range ("95 - 100%"): its low end is
    the floor asked for."""
    return bool(
        re.search(r"\d\s*(?:-|–|den|toi)\s*\d", folded[max(0, number_end - 14) : number_end])
    )


def _change(window: str) -> Change | None:
    """A reduction or an increase when its verb comes shortly before the figure ("giảm tối
    thiểu bình quân 10%"), or anywhere before a restatement ("giảm 88 ..., tương ứng 5%")."""
    verb = _last(_CHANGE, window if "tuong ung" in window else window[-_CHANGE_REACH:])
    if verb is None:
        return None
    return "increase" if verb.group(0) == "tang" else "decrease"


def _last(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return last


def _level(
    folded: str, window_start: int, phrase_start: int, number_end: int, end: int
) -> tuple[str | None, tuple[int, int] | None]:
    before = folded[window_start:phrase_start]
    stripped = re.sub(r"\b(?:toi thieu|it nhat|tren|dat|tu|duoi|toi da)\s*$", "", before)
    m = _LEVEL_BEFORE.search(stripped)
    if m is not None:
        g = 1 if m.group(1) else 2
        return _LEVELS[m.group(g)], (window_start + m.start(g), window_start + m.end(g))
    m = _LEVEL_AFTER.match(folded, number_end, end)
    if m is not None:
        return _LEVELS[m.group(2)], (m.start(1), m.end(1))
    return None, None


def _phrase_end(folded: str, number_end: int, end: int) -> int:
    """Where a figure's phrase ends: after "trở lên" when it follows at once ("từ 80% trở
    lên"); when words come between, they are what is measured, and "trở lên" is dropped
    from the measure with the other empty words."""
    m = re.compile(r"\s*tro (?:len|xuong)\b").match(folded, number_end, end)
    return m.end() if m is not None else number_end


def _inherit(found: list[_Found], folded: str) -> None:
    """A figure listed after another in one clause ("giảm 10% X và 5% Y") takes the first's
    comparison and change when it writes none of its own."""
    for i in range(1, len(found)):
        item, previous = found[i], found[i - 1]
        gap = folded[previous.end : item.start]
        if (
            item.comparison is None
            and previous.comparison is not None
            and not re.search(r"\b(?:dat|ty le|ti le)\b", gap)
        ):
            item.comparison = previous.comparison
        own_words = folded[item.start : item.number_start]
        if (
            item.change is None
            and previous.change is not None
            and not re.search(r"\b(?:dat|ty le|ti le)\b", gap + " " + own_words)
        ):
            item.change = previous.change


_WITHIN = re.compile(r"(?<!\w)(?:trong (?:số )?đó|đảm bảo|bảo đảm|phấn đấu|nhằm|để)(?!\w)|\(")
_RESTATED = re.compile(
    r"(?:giảm|tăng|và|,)\s*(?:\d[\d.,]*\s+)?([^,;\d]{3,80}?),?\s*tương ứng(?: với)?\s*$"
)


def _after_within(head: str) -> str:
    """The words before a figure that the words after it make needless: "đảm bảo tỷ lệ tinh
    giản ..., trong đó giảm 10% biên chế ...", "..., đảm bảo 100% TTHC có phí ..." measure
    what follows the figure."""
    cut = _last(_WITHIN, head.lower())
    return head[cut.end() :] if cut is not None else head


def _measure(
    text: str, folded: str, start: int, end: int, item: _Found, *, trim: bool = True
) -> str:
    """The words between ``start`` and ``end`` that say what is measured: the figure's own
    phrase, its level and the words around every measure left out."""
    if end <= start:
        return ""
    keep = [True] * (end - start)
    for a, b in ((item.start, item.end), item.level_span or (0, 0)):
        for k in range(max(a, start), min(b, end)):
            keep[k - start] = False
    chars = "".join(c if keep[k] else " " for k, c in enumerate(text[start:end]))
    part = _strip_baseline(" ".join(chars.split()))
    return _trim(part) if trim else part


def _trim(part: str) -> str:
    """``part`` without the words around it that say nothing about what is measured."""
    while part:
        lowered = part.lower()
        lead = _LEAD_WORDS.match(lowered)
        trail = _TRAIL_WORDS.search(lowered)
        cut_lead = lead.end() if lead else 0
        cut_trail = trail.start() if trail else len(lowered)
        if cut_lead == 0 and cut_trail == len(lowered):
            break
        part = part[cut_lead:cut_trail].strip() if cut_trail > cut_lead else ""
    if part.rfind("(") > part.rfind(")"):
        part = _trim(part[: part.rfind("(")])  # "... công lập (tổng giai đoạn 2018 - 2025"
    elif part.endswith(")") and "(" not in part:
        part = _trim(part[:-1])
    return part


def _baseline(text: str, folded: str, start: int, end: int) -> str | None:
    m = _BASELINE.search(folded, start, end)
    if m is None:
        return None
    return text[m.start(1) : m.end(1)].strip(" .,;:") or None


def _strip_baseline(measure: str) -> str:
    m = re.search(r"\bso voi\b", _folded(measure))
    return measure[: m.start()].rstrip(" ,.;:") if m else measure


# ---------------------------------------------------------------------- a whole plan


@dataclass(frozen=True)
class TaskText:
    """What the target reader needs of one imported task: its slot, the texts that may hold
    targets (title, objective, product), and the date its last deadline falls on.
    ``group`` names the numbered task its activity rows share ("III|8"): a target written
    in a cell merged over the rows is one target, on the first of them."""

    slot: str
    group: str
    texts: tuple[str, ...]
    due: date | None


@dataclass(frozen=True)
class PlanTarget:
    """A target of the plan: ``slot`` is its task's (None for an objective of the plan as a
    whole); ``key`` stays the same across amended versions while what it measures, its
    level and its task do; ``agency_text`` is the heading an objective is written under
    where that heading may name an agency ("2. Sở Nội vụ"), for the importer to resolve."""

    key: str
    source: Source
    figure: Figure
    slot: str | None
    due: date | None
    agency_text: str = ""
    line: int | None = None

    @property
    def content_hash(self) -> str:
        f = self.figure
        parts = (
            f.measure,
            f.comparison,
            str(f.value),
            f.unit,
            f.level or "",
            f.change or "",
            f.baseline or "",
            "" if self.due is None else self.due.isoformat(),
            self.agency_text,
        )
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def target_key(slot: str | None, figure: Figure) -> str:
    """What makes two readings one target: its task, what it measures, its level and unit."""
    parts = (slot or "plan", figure.level or "", fold(figure.measure), figure.unit, figure.change)
    return hashlib.sha256("|".join(p or "" for p in parts).encode()).hexdigest()[:32]


def plan_targets(
    lines: Sequence[str],
    tasks: Sequence[TaskText],
    *,
    period: tuple[int, int] | None,
) -> list[PlanTarget]:
    """Every target of a plan: those of its task rows, then those of its other text (the
    objectives, "Mục tiêu, chỉ tiêu", and the body's paragraphs) that no task row repeats."""
    end_of_plan = date(period[1], 12, 31) if period else None
    targets: list[PlanTarget] = []
    kept: dict[str, list[Figure]] = {}
    for task in tasks:
        group = kept.setdefault(task.group, [])
        for text in task.texts:
            for figure in read_figures(text):
                if any(_same(figure, other, 85, fuzz.ratio) for other in group):
                    continue
                group.append(figure)
                targets.append(PlanTarget("", "task", figure, task.slot, task.due or end_of_plan))
    # A plan read from its prose writes its tasks' targets in the lines read here too: the
    # same figures, dropped as repeats.
    task_figures = [t.figure for t in targets]
    objectives: list[Figure] = []
    for number, text, heading in _body_lines(lines):
        for figure in read_figures(text):
            if any(_same(figure, other, 70) for other in task_figures) or any(
                _same(figure, other, 85) for other in objectives
            ):
                continue
            objectives.append(figure)
            due = _year_due(figure.text, period) or end_of_plan
            targets.append(PlanTarget("", "objective", figure, None, due, heading, number))
    return _keyed(targets)


def _keyed(targets: list[PlanTarget]) -> list[PlanTarget]:
    seen: dict[str, int] = {}
    out = []
    for target in targets:
        key = target_key(target.slot, target.figure)
        seen[key] = seen.get(key, 0) + 1
        out.append(replace(target, key=key if seen[key] == 1 else f"{key}#{seen[key]}"))
    return out


def _signature(figure: Figure) -> tuple[object, ...]:
    return (
        figure.value,
        figure.unit,
        figure.level,
        figure.change,
        "le" if figure.comparison == "le" else "ge",
    )


def _same(
    a: Figure,
    b: Figure,
    similarity: float,
    scorer: Callable[[str, str], float] = fuzz.token_sort_ratio,
) -> bool:
    """The same target written twice (a cell merged over activity rows, the body repeating
    the appendix): the same figure, level and change, and much the same words."""
    if _signature(a) != _signature(b):
        return False
    return scorer(fold(a.measure), fold(b.measure)) >= similarity


_HEADING = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])[.)]\s+([^.;:]{3,90}?)\s*:?\s*$")
_PART = re.compile(r"^\s*[IVX]{1,5}[.\s]")
_PREAMBLE = re.compile(r"^\s*(?:căn cứ|theo đề nghị)\b", re.IGNORECASE)
_TERMINAL = (".", ";", ":", "!", "?")


def _body_lines(lines: Sequence[str]) -> list[tuple[int, str, str]]:
    """(line number, text, the numbered heading it is under) of the plan's prose: not its
    tables or its grounds ("Căn cứ ..."). A line that breaks
    off mid-sentence, the next starting in lower case, is joined to the next (a page break
    of the conversions)."""
    out: list[tuple[int, str, str]] = []
    heading = ""
    pending: tuple[int, str] | None = None
    for number, raw in enumerate(lines, start=1):
        if "\t" in raw:
            continue
        text = clean(raw)
        if not text:
            continue
        if pending is not None:
            start, before = pending
            if text[:1].islower() or text[:1].isdigit() and not _HEADING.match(text):
                text, number = f"{before} {text}", start
            else:
                out.append((start, before, heading))
            pending = None
        if _PREAMBLE.match(text):
            continue
        if _PART.match(text):
            heading = ""
        elif (m := _HEADING.match(text)) is not None:
            heading = m.group(1)
        if not text.endswith(_TERMINAL) and len(text) > 60:
            pending = (number, text)
            continue
        out.append((number, text, heading))
    if pending is not None:
        out.append((pending[0], pending[1], heading))
    return out


_YEAR_DUE = re.compile(
    r"(?<!so voi )(?<!so voi nam )\b(?:nam|giai doan \d{4}\s*-)\s*(20\d{2})\b(?!\s*/)"
)


def _year_due(text: str, period: tuple[int, int] | None) -> date | None:
    """An objective's date: the end of the latest year of the plan's period it names ("đến
    năm 2025", "trong năm 2022"), not a baseline's ("so với năm 2021")."""
    if period is None:
        return None
    years = [int(y) for y in _YEAR_DUE.findall(fold(text)) if period[0] <= int(y) <= period[1]]
    return date(max(years), 12, 31) if years else None


# ----------------------------------------------------------------- a reported value


@dataclass(frozen=True)
class Achieved:
    """A value an agency reports: a number, or "x/y" kept as written and read as a share."""

    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None


_FRACTION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)\s*$")
_PLAIN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")
MAX_ACHIEVED = Decimal("1000000000")


def parse_achieved(text: str, unit: str) -> Achieved | None:
    """ "62", "62,5", "62.5%", or "45/60" (45 of 60: 75 % for a percentage target; a count
    target takes only a number); None when the text is none of these."""
    fraction = _FRACTION.match(text)
    if fraction is not None:
        if unit != PERCENT:
            return None
        try:
            top, bottom = (Decimal(g.replace(",", ".")) for g in fraction.groups())
        except InvalidOperation:
            return None
        if bottom <= 0 or top > MAX_ACHIEVED or bottom > MAX_ACHIEVED:
            return None
        share = (top * 100 / bottom).quantize(Decimal("0.01"))
        return Achieved(share, top, bottom)
    plain = _PLAIN.match(text)
    if plain is None:
        return None
    try:
        value = Decimal(plain.group(1).replace(",", "."))
    except InvalidOperation:
        return None
    return Achieved(value) if value <= MAX_ACHIEVED else None


# ------------------------------------------------------------------- a question


@dataclass(frozen=True)
class TargetQuestion:
    """A question about targets typed in plain Vietnamese ("chỉ tiêu nào chưa đạt", "chi tieu
    qua han bao cao cua so tu phap"): which targets, by where they stand (None: all)."""

    status: Literal["met", "not_met", "not_reported", "report_overdue"] | None = None


_ASKS_TARGETS = re.compile(r"\bchi ?tieu\b")
# "nhiệm vụ hướng dẫn chỉ tiêu CCHC ai làm": a task named by its title, which has the word.
_TASK_NAMED = re.compile(r"\b(?:nhiem vu|nv|viec|cong viec)\b.*\bchi ?tieu\b")
# "hướng dẫn chỉ tiêu CCHC của TW bao giờ phải xong": who or when, asked of a task.
_OF_A_TASK = re.compile(r"\bai (?:chu tri|phoi hop|lam)\b|\bbao gio\b|\bkhi nao\b|\bluc nao\b")
_NOT_REPORTED = re.compile(r"\bchua (?:bao cao|co (?:so lieu|ket qua)|nhap|cap nhat)\b")
_REPORT_OVERDUE = re.compile(r"\bqua han\b|\btre han\b")
_NOT_MET = re.compile(r"\b(?:chua|khong|ko|k) (?:dat|hoan thanh)\b")
_MET = re.compile(r"\b(?:da |duoc )?dat\b|\bhoan thanh\b")


def target_question(text: str) -> TargetQuestion | None:
    """The targets a question asks about; None when it is not about targets."""
    folded = fold(text)
    if not _ASKS_TARGETS.search(folded) or _TASK_NAMED.search(folded) or _OF_A_TASK.search(folded):
        return None
    if _NOT_REPORTED.search(folded):
        return TargetQuestion("not_reported")
    if _REPORT_OVERDUE.search(folded):
        return TargetQuestion("report_overdue")
    if _NOT_MET.search(folded):
        return TargetQuestion("not_met")
    if _MET.search(folded):
        return TargetQuestion("met")
    return TargetQuestion()
