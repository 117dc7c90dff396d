"""The Vietnamese deadline parser: a deadline cell (thời gian hoàn thành) as written in a
plan becomes a Deadline with dated milestones (mốc thời hạn)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from planning.text import clean
from planning.types import Deadline, DeadlineKind, MilestoneSpec, Recurrence

# Everything below matches the accent-folded, lower-cased text (see _fold_aligned), so
# "Quý I/2024", "quy I/2024" and "QUÝ I/2024" read alike.

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# The dated phrases, most specific first; "QN" stands for a quarter's number and "TO"
# for the joint of a range.
_ANCHOR_FORMS = (
    # ngày 15 tháng 3 năm 2024 (the year may be missing)
    r"\bngay\s+(?P<ld>\d{1,2})\s+thang\s+(?P<lm>\d{1,2})\b(?:\s+nam\s+(?P<ly>\d{4})\b)?",
    # Tháng 9 - tháng 11, từ tháng 11/2024 đến tháng 02/2025
    r"\b(?:tu\s+)?thang\s+(?P<rm1>\d{1,2})(?:\s*/\s*(?P<ry1>\d{4}))?TO"
    r"thang\s+(?P<rm2>\d{1,2})\b(?:\s*/\s*(?P<ry2>\d{4})\b|\s+nam\s+(?P<ry3>\d{4})\b)?",
    # Quý II - Quý III/2025
    r"\b(?:tu\s+)?qu[yi]\s+(?P<rq1>QN)(?:\s*/\s*(?P<rqy1>\d{4}))?TO"
    r"qu[yi]\s+(?P<rq2>QN)\b(?:\s*/\s*(?P<rqy2>\d{4})\b|\s+nam\s+(?P<rqy3>\d{4})\b)?",
    # Năm 2022-2023, từ năm 2022 đến năm 2023
    r"\b(?:tu\s+)?(?:nam\s+)?(?P<yr1>\d{4})TO(?:nam\s+)?(?P<yr2>\d{4})\b",
    # 15/01/2025, 01/3/2024, 15.01.2025, 15-01-2025
    r"\b(?P<d>\d{1,2})(?:\s*/\s*|[.-])(?P<m>\d{1,2})(?:\s*/\s*|[.-])(?P<y>\d{4})\b",
    # 6 tháng đầu năm (2024), nửa cuối năm
    r"\b(?:0?6\s+thang|nua)\s+(?P<half>dau|cuoi)(?:\s+nam)?(?:\s*/?\s*(?P<hy>\d{4})\b)?",
    # Đầu năm 2024 (the first quarter), cuối năm 2024
    r"\b(?P<edge>dau|cuoi)\s+nam\b(?:\s+(?P<ey>\d{4})\b)?",
    # Quý I/2024, Quý I năm 2024, Quý I-2024, Quý IV
    r"\bqu[yi]\s+(?P<q>QN)\b(?:\s*[/\-–]\s*(?P<qy>\d{4})\b|\s+(?:nam\s+)?(?P<qy2>\d{4})\b)?",
    # Tháng 12/2020, tháng 12 năm 2024, tháng 6
    r"\bthang\s+(?P<mm>\d{1,2})\b(?:\s*[/\-–]\s*(?P<my>\d{4})\b|\s+nam\s+(?P<my2>\d{4})\b)?",
    # 25/12, 07/6 (no year)
    r"\b(?P<dd>\d{1,2})\s*/\s*(?P<dm>\d{1,2})\b(?!\s*/\s*\d)",
    # 12/2024 (a month)
    r"\b(?P<om>\d{1,2})\s*/\s*(?P<oy>\d{4})\b",
    # Năm 2022, Cả năm 2025, Trong năm 2024
    r"\bnam\s+(?P<yy>\d{4})\b",
    # a bare 2022
    r"\b(?P<by>(?:19|20)\d{2})\b",
    # Cả năm, trong năm: the plan's year, or no limit at all next to a recurrence
    r"\b(?P<weak>ca|trong)\s+nam\b(?!\s*\d)(?!\s+(?:ke hoach|bao cao|tiep theo))",
)
_ANCHOR = re.compile(
    "|".join(_ANCHOR_FORMS)
    .replace("QN", r"(?:iv|iii|ii|i|[1-4])")
    .replace("TO", r"\s*(?:-|–|—|den|toi)\s*(?:het\s+)?")
)

# Recurrence markers. "định kỳ" without a period is read as quarterly, like "thường
# xuyên": the plans demand quarterly reports (báo cáo định kỳ hằng quý).
_RECURRENCE = re.compile(
    r"\b(?:"
    r"(?P<weekly>(?:hang|moi)\s+tuan|tuan\s*/\s*lan)"
    r"|(?P<half>(?:0?6\s+thang\s*(?:/|mot|1)\s*lan)|(?:hang|moi|dinh\s+ky)\s+0?6\s+thang)"
    r"|(?P<monthly>(?:hang|moi)\s+thang|thang\s*/\s*lan)"
    # "trước ngày 15 của tháng cuối quý": every quarter, on that day of its last month
    r"|(?P<quarterday>ngay\s+\d{1,2}\s+(?:cua\s+)?thang\s+cuoi\s+(?:cua\s+)?(?:moi\s+|hang\s+)?qu[yi])"
    r"|(?P<quarterly>(?:hang|moi)\s+qu[yi]|qu[yi]\s*/\s*lan)"
    r"|(?P<following>(?:nhung|cac)\s+nam\s+tiep\s+theo|nam\s+tiep\s+theo"
    # "Từ năm 2026" with no end: every year from 2026 on.
    r"|tu\s+nam(?=\s+\d{4}\b(?!\s*(?:-|–|—|den\b|toi\b))))"
    r"|(?P<yearly>(?:hang|moi)\s+nam|nam\s+ke\s+hoach|nam\s+bao\s+cao|nam\s*/\s*lan)"
    r"|(?P<continuous>thuong\s+xuyen|lien\s+tuc)"
    r"|(?P<periodic>dinh\s+ky)"
    r")\b"
)

# Text after one of these names a rule or another document, not a date of this task
# ("Theo dự toán ngân sách hàng năm", "Căn cứ vào KH của UBND tỉnh năm 2025").
_CONDITION = re.compile(
    r"(?<!tiep )(?<!tuy )\btheo\b|\bcan\s+cu\b|\bsau\s+khi\b|\bkhi\s+co\b|\btuy\s+(?:theo|thuoc)\b"
)
# A document number ("62/2020/NĐ-CP", "306-QĐ/TU"): its digits are not a deadline, nor
# is the date that follows it ("... ngày 01/6/2020 của Chính phủ").
_DOCUMENT_NUMBER = re.compile(r"\b\d+(?:[/-]\d+)*[/-][a-z][a-z0-9]*(?:[-/][a-z0-9]+)*")
_TRIGGER_BEFORE = re.compile(r"\b(?:truoc|cham\s+nhat|han|den|hoan\s+thanh|vao)\b[^0-9]{0,12}$")
_OF_AFTER = re.compile(r"\s*(?:cua|ve\s+viec)\b")

# Clause boundaries: ";", a sentence end, and list dashes ("- UBND tỉnh: ... - Cấp xã: ...")
# but not the dash of a range ("Tháng 9 - tháng 11", "Năm 2022 - 2023").
_CLAUSE_BREAK = re.compile(
    r";|\.\s+(?=[^\W\d_])|(?:^|(?<=[\s;.,:]))[-–—+•]+\s*(?!(?:thang|qu[yi]|nam|ngay|den)\b)(?=[^\W\d_])"
)
_HEADING = re.compile(r"^[\s\-+•]*thoi\s+gian(?:\s+thuc\s+hien|\s+hoan\s+thanh)?\s*:\s*")
_LEAD_CHARS = " -–—+•.,;:)"
_TAIL_CHARS = " -–—+•.,;:("
# Words between a label and its date that belong to the date ("Quyết định công bố chậm
# nhất ngày 01/3/2024" is labelled "Quyết định công bố").
_FILLER_TAIL = re.compile(
    r"(?:[\s,;:(\-–—+•]|\b(?:hoan\s+thanh|truoc|cham\s+nhat|la|ngay|trong|vao|den|tu|va|hoac|ca"
    r"|han|ke\s+tu|bat\s+dau)\b)+$"
)
_JOINER = re.compile(r"(?:[\s,;:(\-–—+•]|\b(?:va|hoac)\b)+")
# The words that make "X: trước ngày ..." a per-level milestone ("UBND tỉnh", "Sở,
# huyện", "Cấp xã") rather than a labelled product ("Kế hoạch: trước ngày ...").
_LEVEL_WORD = re.compile(
    r"\b(?:ubnd|uy\s+ban|so|ban|nganh|huyen|xa|tinh|thanh\s+pho|thi\s+xa|cap|co\s+quan|van\s+phong"
    r"|phong|don\s+vi|dia\s+phuong|bo)\b"
)

_RECURRENCE_OF: dict[str, Recurrence] = {
    "weekly": "weekly",
    "half": "half-yearly",
    "monthly": "monthly",
    "quarterly": "quarterly",
    "quarterday": "quarterly",
    "following": "yearly",
    "yearly": "yearly",
}
_MAX_LABEL = 80
_FRIDAY = 4


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    low = base.lower()
    return low if len(low) == 1 else ch


def _fold_aligned(text: str) -> str:
    """Accent-fold and lower-case character by character, so positions match ``text``."""
    return "".join(_fold_char(ch) for ch in text)


@dataclass(frozen=True)
class _Anchor:
    """One dated phrase of a clause: what it is due on, before the year is settled."""

    kind: DeadlineKind
    start: int
    end: int
    month: int
    day: int | None  # None: the last day of the month
    year: int | None  # None: the plan's year, or every year next to a recurrence
    first_year: int | None = None  # the first year of "Năm 2022-2023"
    weak: bool = False  # "Cả năm", "trong năm": no year written
    is_day: bool = False

    def due(self, year: int) -> date | None:
        return _safe_date(year, self.month, self.day)


@dataclass
class _Part:
    """What one clause of a deadline cell says."""

    kind: DeadlineKind
    milestones: list[MilestoneSpec] = field(default_factory=list)
    recurrence: Recurrence | None = None
    conditional: bool = False

    @property
    def dated(self) -> bool:
        return any(m.due for m in self.milestones)

    @property
    def periodic(self) -> bool:
        return self.kind in ("recurring", "continuous")


@lru_cache(maxsize=8192)
def parse_deadline(text: str, plan_year: int, period: tuple[int, int] | None = None) -> Deadline:
    """Read a deadline cell (thời gian hoàn thành / thời gian thực hiện) of a plan.

    ``plan_year`` is the plan's year (the first of its period); ``period`` its years,
    inclusive (None: ``plan_year`` alone). A quarter, month or day written without a year
    takes ``plan_year`` (or the year written later in the same phrase: "Quý II và Quý
    IV/2025").

    Due dates: a quarter (quý) on its last day, a month (tháng) on its last day, a year
    (năm) on 31 December, "6 tháng đầu năm" on 30 June, "Đầu năm 2024" on 31 March 2024
    (the first quarter), a range ("Tháng 9 - tháng 11", "Năm 2022-2023") at the end of
    its last month, "Trước ngày X" / "Chậm nhất ngày X" on X.

    Recurring (hằng năm, định kỳ hằng quý/tháng/tuần, 6 tháng/lần, "Quý I năm kế
    hoạch", "Trước 25/12 năm báo cáo") and continuous (thường xuyên) deadlines expand
    into milestones within the period, each with its ``period`` ("2024", "2024-Q1",
    "2024-H1", "2024-03", "2024-W05"): yearly on 31 December or the stated day, half-
    yearly on 30 June and 31 December, quarterly on each quarter's end, monthly on each
    month's end, weekly on each Friday. Continuous work and an unqualified "định kỳ" are
    followed quarterly, as the plans demand quarterly reports. "Năm 2022 và những năm
    tiếp theo" is yearly from 2022. A recurrence limited to years outside the period
    keeps one milestone at the end of those years instead.

    Several clauses ("Quý I năm 2024 ban hành kế hoạch; định kỳ báo cáo kết quả") or
    levels ("- UBND tỉnh: trước ngày 25/12/2024 - Cấp xã: ...") give kind "multiple"
    with every milestone, sorted by date; a mix of a dated milestone and a recurrence
    is "multiple" too, with ``recurrence`` set; one date written twice ("trước 31/12/2018;
    trong quý IV năm 2018") is one milestone. Text that cannot be dated ("Theo quy
    định của Trung ương") is "conditional" with one undated milestone holding the text;
    an invalid date (31/02/2024) is kept undated, never guessed. An empty cell is "none".
    """
    cleaned = clean(text)
    folded = _fold_aligned(cleaned)
    heading = _HEADING.match(folded)
    if heading:
        cleaned, folded = cleaned[heading.end() :], folded[heading.end() :]
    whole = _trim(cleaned)
    if not whole:
        return Deadline("none")
    first, last = sorted(period) if period else (plan_year, plan_year)
    context = _Context(plan_year, max(first, 1), min(last, 9998))
    parts = [
        context.parse_clause(cleaned[a:b], folded[a:b])
        for a, b in _clauses(folded)
        if _trim(cleaned[a:b])
    ]
    return _combine(parts, whole)


def _clauses(folded: str) -> Iterator[tuple[int, int]]:
    start = 0
    for brk in _CLAUSE_BREAK.finditer(folded):
        yield start, brk.start()
        start = brk.end()
    yield start, len(folded)


def _trim(text: str) -> str:
    return text.lstrip(_LEAD_CHARS).rstrip(_TAIL_CHARS)


def _safe_date(year: int, month: int, day: int | None) -> date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, last)
    return date(year, month, day) if 1 <= day <= last else None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _anchor(match: re.Match[str]) -> _Anchor | None:
    """The anchor a match of _ANCHOR stands for."""
    g = match.groupdict()
    s, e = match.span()
    if g["ld"]:
        return _Anchor("date", s, e, int(g["lm"]), int(g["ld"]), _int(g["ly"]), is_day=True)
    if g["rm1"]:
        m1, m2 = int(g["rm1"]), int(g["rm2"])
        y1, y2 = _int(g["ry1"]), _int(g["ry2"] or g["ry3"])
        if y2 is None and y1 is not None:
            y2 = y1 + 1 if m2 < m1 else y1
        return _Anchor("range", s, e, m2, None, y2)
    if g["rq1"]:
        q2 = _ROMAN[g["rq2"]]
        y1, y2 = _int(g["rqy1"]), _int(g["rqy2"] or g["rqy3"])
        if y2 is None and y1 is not None:
            y2 = y1 + 1 if q2 < _ROMAN[g["rq1"]] else y1
        return _Anchor("range", s, e, 3 * q2, None, y2)
    if g["yr1"]:
        y1, y2 = int(g["yr1"]), int(g["yr2"])
        if y2 < y1:
            return None
        return _Anchor("range", s, e, 12, 31, y2, first_year=y1)
    if g["d"]:
        return _Anchor("date", s, e, int(g["m"]), int(g["d"]), int(g["y"]), is_day=True)
    if g["half"]:
        month = 6 if g["half"] == "dau" else 12
        return _Anchor("range", s, e, month, None, _int(g["hy"]))
    if g["edge"]:
        if g["edge"] == "dau":
            return _Anchor("quarter", s, e, 3, None, _int(g["ey"]))
        return _Anchor("year", s, e, 12, 31, _int(g["ey"]))
    if g["q"]:
        return _Anchor("quarter", s, e, 3 * _ROMAN[g["q"]], None, _int(g["qy"] or g["qy2"]))
    if g["mm"]:
        return _Anchor("month", s, e, int(g["mm"]), None, _int(g["my"] or g["my2"]))
    if g["dd"]:
        return _Anchor("date", s, e, int(g["dm"]), int(g["dd"]), None, is_day=True)
    if g["om"]:
        return _Anchor("month", s, e, int(g["om"]), None, int(g["oy"]))
    if g["yy"] or g["by"]:
        return _Anchor("year", s, e, 12, 31, int(g["yy"] or g["by"]))
    return _Anchor("year", s, e, 12, 31, None, weak=True)


@dataclass(frozen=True)
class _Context:
    plan_year: int
    first: int
    last: int

    def parse_clause(self, clause: str, folded: str) -> _Part:
        """Read one clause: its dated phrases, its recurrence, or nothing datable."""
        condition = _CONDITION.search(folded)
        limit = condition.start() if condition else len(folded)
        documents = [m.span() for m in _DOCUMENT_NUMBER.finditer(folded)]
        anchors = [
            a
            for a in (_anchor(m) for m in _ANCHOR.finditer(folded))
            if a is not None and _is_deadline(a, folded, limit, documents)
        ]
        markers = [m for m in _RECURRENCE.finditer(folded) if m.start() < limit]
        if markers:
            return self._periodic(clause, folded, anchors, markers)
        if not anchors:
            return _Part(
                "conditional", [MilestoneSpec(None, _trim(clause))], conditional=bool(condition)
            )
        years = _resolve_years(anchors, self.plan_year)
        milestones = [
            self._milestone(clause, folded, anchors, i, years[i]) for i in range(len(anchors))
        ]
        # "Quý IV, trước 31/12/2024" names one date twice: that is not two milestones.
        distinct = {(m.due, m.level) for m in milestones}
        kind: DeadlineKind = anchors[0].kind if len(distinct) == 1 else "multiple"
        return _Part(kind, milestones, conditional=condition is not None)

    def _milestone(
        self, clause: str, folded: str, anchors: list[_Anchor], index: int, year: int
    ) -> MilestoneSpec:
        """A dated phrase as a milestone, labelled by the document's own words."""
        anchor = anchors[index]
        previous_end = anchors[index - 1].end if index else 0
        # The words of a date's trigger are few: look only just before the date.
        filler = _FILLER_TAIL.search(folded, max(previous_end, anchor.start - 40), anchor.start)
        cut = filler.start() if filler else anchor.start
        prefix = _trim(clause[previous_end:cut])
        level = None
        if prefix and len(prefix) <= _MAX_LABEL:
            label = prefix
            if ":" in clause[cut : anchor.start] and _LEVEL_WORD.search(folded[previous_end:cut]):
                level = prefix
        elif len(anchors) == 1 and len(_trim(clause)) <= _MAX_LABEL:
            label = _trim(clause)
        else:
            joiner = _JOINER.match(folded, cut, anchor.start)
            label = _trim(clause[joiner.end() if joiner else cut : anchor.end])
        return MilestoneSpec(anchor.due(year), label, level=level)

    def _periodic(
        self, clause: str, folded: str, anchors: list[_Anchor], markers: list[re.Match[str]]
    ) -> _Part:
        """A clause with a recurrence: expand it over the period (or the years it names)."""
        names = [next(k for k, v in m.groupdict().items() if v) for m in markers]
        continuous = "continuous" in names
        specific = [n for n in names if n in _RECURRENCE_OF]
        name = specific[0] if specific else "quarterly"
        recurrence = _RECURRENCE_OF[name]
        label = _trim(clause)
        if len(label) > _MAX_LABEL:
            label = _trim(clause[markers[0].start() : markers[0].end()])
        kind: DeadlineKind = "continuous" if continuous else "recurring"

        fixed: list[_Anchor] = []
        repeated: list[tuple[int, int | None]] = []
        first, last = self.first, self.last
        stated: tuple[int, int] | None = None
        if name == "following":
            years = [a.first_year or a.year for a in anchors if a.year is not None]
            if years:
                stated = (min(years), min(years))
                first = max(first, min(years))
            repeated = [(a.month, a.day) for a in anchors if not a.weak]
        elif recurrence == "yearly":
            repeated = [(a.month, a.day) for a in anchors if a.year is None and not a.weak]
            fixed = [a for a in anchors if a.year is not None]
        else:
            # Years written next to the recurrence bound it ("Thường xuyên trong năm 2024");
            # any other dated phrase is a milestone of its own.
            bounds = [a for a in anchors if a.kind == "year" or a.first_year]
            fixed = [a for a in anchors if a not in bounds]
            spans = [(a.first_year or a.year, a.year) for a in bounds if a.year is not None]
            if spans:
                stated = (min(s for s, _ in spans), max(e for _, e in spans))
                first, last = max(first, stated[0]), min(last, stated[1])
        milestones = [
            self._milestone(clause, folded, fixed, i, y)
            for i, y in enumerate(_resolve_years(fixed, self.plan_year))
        ]
        if first > last:
            # The stated years lie outside the plan's period: keep their end, unexpanded.
            end = stated[1] if stated else self.last
            milestones.append(MilestoneSpec(_safe_date(end, 12, 31), label))
            return _Part("multiple" if fixed else "year", _sorted(milestones))
        day = None
        if name == "quarterday":
            day = int(re.search(r"\d{1,2}", markers[names.index(name)].group())[0])  # type: ignore[index]
        milestones += _expand(recurrence, first, last, repeated or [(12, 31)], label, day)
        return _Part("multiple" if fixed else kind, milestones, recurrence)


def _is_deadline(
    anchor: _Anchor, folded: str, limit: int, documents: list[tuple[int, int]]
) -> bool:
    """Whether a dated phrase is this task's deadline, not a rule or document it cites."""
    if any(s < anchor.end and anchor.start < e for s, e in documents):
        return False
    trigger = _TRIGGER_BEFORE.search(folded, max(0, anchor.start - 30), anchor.start)
    triggered = anchor.is_day and trigger is not None
    if anchor.start >= limit and not triggered:
        return False
    if anchor.is_day and not triggered:
        cited = any(0 <= anchor.start - e <= 50 for _, e in documents)
        if cited or _OF_AFTER.match(folded, anchor.end):
            return False
    return True


def _resolve_years(anchors: list[_Anchor], plan_year: int) -> list[int]:
    """The year of each anchor: its own, the next one written after it, or the plan's."""
    years: list[int] = []
    following = plan_year
    for anchor in reversed(anchors):
        if anchor.year is not None:
            following = anchor.year
            years.append(anchor.year)
        else:
            years.append(plan_year if anchor.weak else following)
    return years[::-1]


def _expand(
    recurrence: Recurrence,
    first: int,
    last: int,
    yearly_days: list[tuple[int, int | None]],
    label: str,
    quarter_day: int | None = None,
) -> list[MilestoneSpec]:
    """The milestones of a recurrence over the years first..last.

    ``quarter_day``: a quarterly milestone falls on that day of the quarter's last month
    ("ngày 15 của tháng cuối quý") instead of on its last day.
    """
    out: list[MilestoneSpec] = []
    for year in range(first, last + 1):
        if recurrence == "yearly":
            for month, day in yearly_days:
                if 1 <= month <= 12:
                    last_day = calendar.monthrange(year, month)[1]
                    # 29/02 of a leap year falls on 28/02 in the other years.
                    due = date(year, month, min(day or last_day, last_day))
                    out.append(MilestoneSpec(due, label, period=str(year)))
        elif recurrence == "half-yearly":
            out.append(MilestoneSpec(date(year, 6, 30), label, period=f"{year}-H1"))
            out.append(MilestoneSpec(date(year, 12, 31), label, period=f"{year}-H2"))
        elif recurrence == "quarterly":
            for q in range(1, 5):
                due = _last_day(year, 3 * q)
                if quarter_day is not None:
                    due = due.replace(day=min(quarter_day, due.day))
                out.append(MilestoneSpec(due, label, period=f"{year}-Q{q}"))
        elif recurrence == "monthly":
            for month in range(1, 13):
                out.append(
                    MilestoneSpec(_last_day(year, month), label, period=f"{year}-{month:02d}")
                )
    if recurrence == "weekly":
        friday = date(first, 1, 1)
        friday += timedelta(days=(_FRIDAY - friday.weekday()) % 7)
        end = date(last, 12, 31)
        while friday <= end:
            iso = friday.isocalendar()
            out.append(MilestoneSpec(friday, label, period=f"{iso.year}-W{iso.week:02d}"))
            friday += timedelta(days=7)
    return out


def _sorted(milestones: list[MilestoneSpec]) -> list[MilestoneSpec]:
    """Milestones by due date (undated last), each (date, level, period) once."""
    seen: set[tuple[object, ...]] = set()
    unique = []
    for m in milestones:
        key = (m.due, m.level, m.period, m.label if m.due is None else None)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return sorted(unique, key=lambda m: (m.due is None, m.due or date.min))


def _combine(parts: list[_Part], whole: str) -> Deadline:
    """One deadline from the clauses of a cell."""
    if len(parts) == 1:
        part = parts[0]
        if part.kind == "conditional":
            return Deadline("conditional", (MilestoneSpec(None, whole),))
        return Deadline(part.kind, tuple(_sorted(part.milestones)), part.recurrence)
    kept = [p for p in parts if p.dated or p.periodic]
    kept_ids = {id(p) for p in kept}
    if not kept:
        undated_kinds = {p.kind for p in parts}
        kind: DeadlineKind = undated_kinds.pop() if len(undated_kinds) == 1 else "conditional"
        return Deadline(kind, (MilestoneSpec(None, whole),))
    # An undated clause is kept when it names a condition ("Theo thời hạn quy định ...");
    # a clause that only continues an agency list ("UBND cấp huyện.") is dropped.
    extra = [m for p in parts if id(p) not in kept_ids and p.conditional for m in p.milestones]
    milestones = [m for p in kept for m in p.milestones] + extra
    recurrence = next((p.recurrence for p in kept if p.recurrence), None)
    if len(kept) == 1:
        kind = kept[0].kind
    elif all(p.periodic for p in kept):
        kind = "continuous" if any(p.kind == "continuous" for p in kept) else "recurring"
    elif len({(m.due, m.level) for m in milestones}) == 1:
        kind = kept[0].kind
    else:
        kind = "multiple"
    return Deadline(kind, tuple(_sorted(milestones)), recurrence)
