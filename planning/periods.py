"""Periods named in questions ("quý 1", "tháng 12", "từ 1/10 đến 31/12", "tuần sau"): date
windows with the label an answer's header shows, and durations ("thêm 1 tháng").

Pure: ``today`` and the plan's years come in as arguments. A period written without a year
falls in the plan's year ("quý 1" of a 2025 plan is quý I/2025); relative periods ("tuần
này", "tháng sau") count from ``today``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal, Protocol, TypeVar

from i18n import N_, gettext
from planning.calendar import back_from_tet, lunar_new_year

# The window of "sắp đến hạn" when the question names none.
DEFAULT_SOON_DAYS = 7

QUARTER_LABEL = N_("quarter %(quarter)s/%(year)d")
MONTH_LABEL = N_("month %(month)d/%(year)d")
FIRST_HALF_LABEL = N_("first half of %(year)d")
SECOND_HALF_LABEL = N_("second half of %(year)d")
YEAR_LABEL = N_("year %(year)d")

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OF = {1: "I", 2: "II", 3: "III", 4: "IV"}
_SMALL_NUMBERS = {"mot": 1, "hai": 2, "ba": 3}
# "(tuần) thứ nhất, thứ hai, ...": the ordinals of a month's weeks.
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5}
_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?")
_UNIT_YEAR = re.compile(r"([ivx]+|\d{1,2})[/.\-](\d{4})")
_QUARTER_WORD = re.compile(r"q(?:uy)?([1-4]|iv|i{1,3})")  # "q4", "quy4", "QIV"
# The ten-day parts of a month ("thượng tuần", "trung tuần", "hạ tuần"), by their first day.
_DEKADS = {"thuong": 1, "trung": 11, "ha": 21}
# Words before a day of the month: "ngày 20", "mùng 5", "mồng 10".
_DAY_HEADS = ("ngay", "mung", "mong")
# ... and as people say them of a month named: "đầu tháng 12", "giữa tháng sau", "cuối tháng này".
_MONTH_PARTS = {"dau": 1, "giua": 11, "cuoi": 21}
_LAST_DEKAD = 21
_MONTH_WORD = re.compile(r"t(?:h|hang)?(1[0-2]|[1-9])")  # "t12", "th12", "thang12"
# ... but "t6" before "tuần" is a weekday: "t6 tuần này" (Friday this week).
_WEEKDAY_SHORT = re.compile(r"t([2-7])")
# ... as after a part of the day: "chiều t6", "trưa t7".
_DAY_PARTS = frozenset({"chieu", "trua"})
_YEAR = re.compile(r"(20\d\d)")
# "năm nay", "năm sau", "năm tới", "năm trước", "năm ngoái" after a quarter or a month.
_YEAR_AFTER = {"nay": 0, "sau": 1, "toi": 1, "truoc": -1, "ngoai": -1}

# The words periods are made of, for mending a question's typos.
PERIOD_WORDS = frozenset(
    {"quy", "thang", "tuan", "nam", "nay", "toi", "sau", "truoc", "qua", "roi", "ngoai"}
    | {"ke", "tiep", "hom", "bua", "mai", "ngay", "dau", "cuoi", "nua", "ca", "them", "tu"}
    | {"den", "trong", "vua", "giua"}
)
# What a holiday is said after ("kỳ nghỉ Tết"), and the words that make Tết the western one.
_HOLIDAY_OPENERS = (("ky", "nghi"), ("dip", "nghi"), ("nghi",), ("dip",))
# Days named that no one is off, as (words, month, day).
_WORKING_DAYS = (
    (("tet", "thieu", "nhi"), 6, 1),
    (("giang", "sinh"), 12, 25),
    (("noel",), 12, 25),
)
_WESTERN = (("duong", "lich"), ("duong",), ("tay",))
_OTHER_TETS = (("thieu", "nhi"), ("trung", "thu"))
# Going back to work after a break: "đi làm lại", "quay lại làm việc".
_BACK_TO_WORK = (
    ("di", "lam", "lai"),
    ("di", "lam"),
    ("lam", "lai"),
    ("quay", "lai", "lam", "viec"),
    ("quay", "lai", "lam"),
    ("quay", "lai"),
)
# Which lunar new year is meant, when said.
_WHICH_TET = (
    (("vua", "roi"), "past"),
    (("vua", "qua"), "past"),
    (("nam", "nay"), "this"),
    (("sap", "toi"), "coming"),
    (("nam", "sau"), "coming"),
    (("nam", "toi"), "coming"),
)
# Words a period or a duration may open with (besides numbers, "q1", "t12").
_OPENERS = frozenset(
    {"tu", "quy", "thang", "tuan", "nam", "ca", "hom", "bua", "ngay", "mai", "trong", "cuoi"}
    | {"truoc", "den", "toi", "sau", "nua", "them", "mot", "hai", "ba", "het"}
    | {"thu", "chu", "cn", "thuong", "trung", "ha", "q", "dau", "giua", "mung", "mong"}
)
_SHORT = re.compile(r"q(?:[1-4]|iv|i{1,3})|t(?:h|hang)?\d{1,2}")
_NEXT = frozenset({"toi", "sau", "ke", "ke tiep"})
# Words after which "tới" is no "next" ("tháng 1 tới hạn", "tháng 1 tới tháng 3").
_AFTER_TOI = frozenset(
    {"han", "dau", "gio", "nay", "noi", "luc", "ngay", "khi", "thang", "quy", "nam", "cuoi"}
    | {"het", "tuan", "mai", "thu", "chu", "giua", "mung", "mong"}
)
# Words after a bare "cuối năm" opening a question that ask what falls in it.
_ASKS_AFTER_YEAR_END = frozenset({"han", "co", "can", "phai", "nhung", "may"})
# "tới nơi": has come ("cuối năm tới nơi rồi"), not the next one.
_ARRIVED = ("toi", "noi")
_PREVIOUS = frozenset({"truoc", "qua", "roi", "ngoai"})
# Words before "năm rồi" that say a year went by or is ending, no last year: "1 năm rồi",
# "sang năm rồi", "tuần cuối của năm rồi", "sắp khóa sổ năm rồi", "sắp tổng kết năm rồi".
_YEAR_GONE_BY = frozenset(
    {"sang", "het", "cuoi", "may", "nua", "ca", "moi", "qua", "nhieu", "cua", "so", "ket", "dau"}
)
_RELATIVE = _NEXT | _PREVIOUS | {"nay"}
_UNITS = frozenset({"nam", "quy", "thang", "tuan"})
# Words after which "31 tháng 12" is a day, not 31 months: a deadline's.
_DATE_SAID_AFTER = frozenset({"han", "truoc", "den", "toi", "het"})
# Words after which "ngày 15" alone is the next 15th: a window's end ("từ giờ tới ngày 15").
_UNTIL = frozenset({"truoc", "den", "toi", "het"})
# The day "giữa tháng" stands for at a range's end: "từ giữa tháng 11 tới giữa tháng 12".
_MID_MONTH = 15
# "Nửa tháng", as a length: fifteen days.
_HALF_A_MONTH = 15
# What a share done counts, said after it ("9/14 đơn vị", "2/5 lớp"): no day's words.
_COUNTED_THINGS = tuple(
    tuple(things.split())
    for things in (
        *("lop", "don vi", "ho so", "phieu", "cuoc", "buoi", "luot", "cum", "xa", "phuong"),
        *("dia phuong", "co quan", "quy trinh", "thu tuc", "tthc", "van ban", "dot", "huyen"),
    )
)
# The first day of the year, quarter or month a day falls in.
_STARTS: dict[str, Callable[[date], date]] = {
    "nam": lambda d: date(d.year, 1, 1),
    "quy": lambda d: date(d.year, 3 * ((d.month - 1) // 3) + 1, 1),
    "thang": lambda d: date(d.year, d.month, 1),
    "tuan": lambda d: d - timedelta(days=d.weekday()),
}
# Words of several before a unit: "từ mấy quý trước", "các tháng tới", "vài tuần nay".
_SEVERAL = frozenset({"may", "cac", "nhung", "vai", "nhieu"})


class PeriodKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True)
class Period:
    """A window of days, both ends included, and what kind of window the question named."""

    kind: PeriodKind
    start: date
    end: date

    @property
    def label(self) -> str:
        """The window as an answer's header names it, in the current language."""
        year = self.start.year
        if self.kind is PeriodKind.QUARTER:
            quarter = _ROMAN_OF[(self.start.month - 1) // 3 + 1]
            return gettext(QUARTER_LABEL) % {"quarter": quarter, "year": year}
        if self.kind is PeriodKind.MONTH:
            return gettext(MONTH_LABEL) % {"month": self.start.month, "year": year}
        if self.kind is PeriodKind.HALF:
            label = FIRST_HALF_LABEL if self.start.month == 1 else SECOND_HALF_LABEL
            return gettext(label) % {"year": year}
        if self.kind is PeriodKind.YEAR:
            return gettext(YEAR_LABEL) % {"year": year}
        if self.kind is PeriodKind.DAY:
            return f"{self.start:%d/%m/%Y}"
        return f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Duration:
    """How much longer something should take: "thêm 1 tháng", "15 ngày"."""

    count: int
    unit: Literal["day", "week", "month"]

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''}"


class _Spanning(Protocol):
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanning)


def scan(count: int, at: Callable[[int], S | None]) -> list[S]:
    """What ``at`` finds from each of ``count`` words, left to right, none overlapping."""
    found: list[S] = []
    i = 0
    while i < count:
        hit = at(i)
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


@dataclass(frozen=True)
class Found:
    """A period or a duration and the words ``[start, end)`` that name it."""

    value: Period | Duration
    start: int
    end: int
    # Another window the words may as well mean, to offer beside it ("đầu năm sau": January,
    # or the first quarter).
    rival: Period | None = None


def counted_at(words: Sequence[str], k: int) -> bool:
    """Whether words from ``k`` name what a share done counts: "(9/14) đơn vị", "(2/3) số
    thủ tục"."""
    k += tuple(words[k : k + 1]) == ("so",)
    return any(tuple(words[k : k + len(t)]) == t for t in _COUNTED_THINGS)


def soon(today: date, days: int = DEFAULT_SOON_DAYS) -> Period:
    """The next ``days`` days from today: the window of "sắp đến hạn"."""
    return Period(PeriodKind.RANGE, today, today + timedelta(days=days))


def find_periods(
    words: Sequence[str], today: date, years: tuple[int, int] | None = None
) -> list[Found]:
    """Every period and duration in a question's folded words, left to right."""
    reader = _Reader(words, today, years)

    def at(i: int) -> Found | None:
        word = words[i]
        if word not in _OPENERS and not word[:1].isdigit() and not _SHORT.fullmatch(word):
            return None
        return reader.range_at(i) or reader.period_at(i) or reader.duration_at(i)

    return scan(len(words), at)


# What opens the name of a meeting or event dated after it ("phiên họp BCĐ ngày 17/4",
# "đợt kiểm tra 20/4"), and how many words its name may run to.
_OCCASIONS = frozenset({"hop", "phien", "cuoc", "buoi", "hoi", "ky", "dot", "le"})
_OCCASION_WORDS = 6
# "từ nay", "từ hôm nay", "từ bây giờ", "từ giờ" (typed "từ h"): from today.
_NOW = (("hom", "nay"), ("bay", "gio"), ("nay",), ("gio",), ("h",))


class _Reader:
    """Pattern readers over one question's words."""

    def __init__(self, words: Sequence[str], today: date, years: tuple[int, int] | None):
        self.words = words
        self.today = today
        if years is None:
            self.year = today.year
        else:
            first, last = years
            self.year = today.year if first <= today.year <= last else first

    def at(self, i: int, *phrase: str) -> bool:
        return tuple(self.words[i : i + len(phrase)]) == phrase

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    # -- a year after a quarter or a month: "năm 2025", "/2025" is read with the number

    def year_at(self, i: int) -> tuple[int, int] | None:
        """A year written at ``i`` ("2025", "năm 2025") and the index after it."""
        if self.word(i) == "nam" and _YEAR.fullmatch(self.word(i + 1)):
            return int(self.word(i + 1)), i + 2
        if _YEAR.fullmatch(self.word(i)):
            return int(self.word(i)), i + 1
        if self.word(i) == "nam" and self.word(i + 1) in _YEAR_AFTER:
            if (self.word(i + 1), self.word(i + 2)) in (
                ("toi", "han"),
                ("toi", "gio"),
                ("toi", "nay"),
                _ARRIVED,
            ):
                # "6 tháng đầu năm tới hạn": falling due; "cuối năm tới nơi rồi": the year's
                # end has come; "6 tháng đầu năm tới giờ": up to now. No next year.
                return None
            # "quý I năm sau", "tháng 3 năm nay": a year counted from today's
            return self.today.year + _YEAR_AFTER[self.word(i + 1)], i + 2
        return None

    def with_year(self, i: int) -> tuple[int, int]:
        hit = self.year_at(i)
        return hit if hit is not None else (self.year, i)

    # -- one period

    def period_at(self, i: int) -> Found | None:
        if self.word(i - 1) in _SEVERAL and self.word(i + 1) in _RELATIVE:
            return None  # "mấy quý trước", "các tháng tới": several, no one period
        if self.word(i) in _UNITS and self.at(i + 1, "toi", "dau"):
            return None  # "bc tổng kết 5 năm tới đâu rồi": how far, not next year
        for reader in (
            self._quarter,
            self._half,
            self._dekad,
            self._month,
            self._year_start,
            self._year_end,
            self._year,
            self._week_back,
            self._week,
            self._day,
            self._next_days,
            self._until_end,
            self._until_then,
            self._before,
            self._date,
        ):
            hit = reader(i)
            if hit is not None:
                return hit
        return None

    def range_at(self, i: int) -> Found | None:
        """ "từ 1/10 đến 31/12", "từ tháng 3 đến tháng 5", "từ nay đến hết ngày 30/9"."""
        if self.word(i) != "tu":
            return self._between_days(i)
        since = self._since_the_start(i) or self._weekdays(i)
        if since is not None:
            return since
        now = next((n for n in _NOW if self.at(i + 1, *n)), None)
        if now is not None:  # "từ nay", "từ hôm nay", "từ bây giờ": from today
            first: Found | None = Found(
                Period(PeriodKind.DAY, self.today, self.today), i + 1, i + 1 + len(now)
            )
        else:
            first = self._day_after(i + 1) or self.period_at(i + 1)
            if first is None:
                # "từ thứ 2 tới giờ": since this week's Monday.
                first = self._weekday(i + 1, bare=True)
            if first is None:
                return self._days_of_a_month(i)
        if first is None or not isinstance(first.value, Period):
            return None
        j = first.end
        if first.value.kind is PeriodKind.DAY and _DATE.fullmatch(self.word(j)):
            j -= 1  # "từ 15/6 - 30/6": the dash between the days, read as "đến"
        elif self.word(j) not in ("den", "toi"):
            return None
        if self.word(j + 1) in ("het", "cuoi"):  # "đến hết ngày 30/9", "đến cuối tháng 1"
            j += 1
            # "từ giờ đến hết tháng": this month, this quarter ("từ 2/9 tới cuối tháng": the
            # month the range starts in).
            second = self.period_at(j + 1) or self._this_unit(j + 1, first.value.start)
        else:
            second = self.period_at(j + 1)
            until_now = next((n for n in _NOW if self.at(j + 1, *n)), None)
            if second is None and until_now is not None and now is None:
                # "từ thứ 2 tuần trước đến nay": up to today.
                today = Period(PeriodKind.DAY, self.today, self.today)
                second = Found(today, j + 1, j + 1 + len(until_now))
            if second is None and now is not None:
                # "từ nay tới thứ 6": to this week's Friday; "từ nay đến Tết": to its eve
                # ("đến trước kỳ nghỉ Tết dương lịch" too).
                eve = self._tet_eve(j + 1 + (self.word(j + 1) == "truoc"))
                second = (
                    self._weekday(j + 1, bare=True)
                    or (Found(_day(eve[0]), j + 1, eve[1]) if eve is not None else None)
                    or self._day_of_an_occasion(j + 1)
                )
        if second is None or not isinstance(second.value, Period):
            return None
        start, end = first.value.start, second.value.end
        days = first.value.kind is PeriodKind.DAY and second.value.kind is PeriodKind.DAY
        said = self.words[j + 1 : second.end]
        if days and end < start and not _has_year(said) and not _date_free(said):
            end = end.replace(year=end.year + 1)  # "từ 1/11 đến 31/1": into the next year
        if self.at(i + 1, "giua", "thang"):
            start = start.replace(day=_MID_MONTH)
        if self.at(j + 1, "giua", "thang"):
            end = end.replace(day=_MID_MONTH)
        if end < start:
            return None
        return Found(Period(PeriodKind.RANGE, start, end), i, second.end)

    def _days_of_a_month(self, i: int) -> Found | None:
        """ "từ mùng 1 đến 31/12", "từ ngày 5 đến 20/12": the first day said bare, of the
        month (and year) of the last."""
        k = i + 1 + (self.word(i + 1) in _DAY_HEADS)
        if not self.word(k).isdigit() or self.word(k + 1) not in ("den", "toi"):
            return None
        second = self._date(k + 2)
        if second is None or not isinstance(second.value, Period):
            return None
        end = second.value.end
        if not 1 <= int(self.word(k)) <= end.day:
            return None
        start = end.replace(day=int(self.word(k)))
        return Found(Period(PeriodKind.RANGE, start, end), i, second.end)

    def _day_of_an_occasion(self, i: int) -> Found | None:
        """ "(từ nay đến) phiên họp BCĐ ngày 17/4", "cuộc họp giao ban 20/4": the day of a
        meeting or event named before its date (its words may be taken already: "")."""
        if self.word(i) not in _OCCASIONS and self.word(i) != "":
            return None
        for j in range(i + 1, min(i + 1 + _OCCASION_WORDS, len(self.words))):
            hit = self._date(j)
            if hit is not None and isinstance(hit.value, Period):
                return hit
        return None

    def _between_days(self, i: int) -> Found | None:
        """ "(trong khoảng) 1/10 đến 31/12", "giữa 1/10 và 31/12": two days said without
        "từ" bound a range."""
        between = self.word(i) == "giua"
        first = self._date(i + between)
        if first is None or not isinstance(first.value, Period):
            return None
        j = first.end
        if self.word(j) not in (("va",) if between else ("den", "toi")):
            return None
        j += self.word(j + 1) == "het"  # "1/10 đến hết 31/12"
        second = self._date(j + 1)
        if second is None or not isinstance(second.value, Period):
            return None
        start, end = first.value.start, second.value.end
        if end < start and not _has_year(self.words[j + 1 : second.end]):
            end = end.replace(year=end.year + 1)
        if end <= start:
            return None
        return Found(Period(PeriodKind.RANGE, start, end), i, second.end)

    def _day_after(self, i: int) -> Found | None:
        """ "(từ) sau (lễ, ngày) 2/9", "sau Quốc khánh": the day after the one said."""
        if self.word(i) != "sau":
            return None
        j = i + 1 + (self.word(i + 1) in ("le", "dip"))
        hit = self._date(j)
        named = self._named_day(j)
        if hit is not None and isinstance(hit.value, Period):
            day, end = hit.value.start, hit.end
        elif named is not None:
            day, end = named
            if self.at(j, "quoc", "khanh"):
                day = date(day.year, 9, 2)  # read as its eve, 1/9, before a window's end
        else:
            return None
        return Found(_day(day + timedelta(days=1)), i, end)

    def _weekdays(self, i: int) -> Found | None:
        """ "từ thứ 2 tuần sau tới chủ nhật", "từ thứ 2 đến thứ 6 tuần sau", "từ thứ 4 tới
        thứ 6": days of one week, the week said at either end (else this week)."""
        first, j = _weekday_at(self.words, i + 1)
        if first is None:
            return None
        week = self._week(j)
        k = week.end if week is not None else j
        if self.word(k) not in ("den", "toi"):
            return None
        last, end = _weekday_at(self.words, k + 1)
        if last is None or last < first:
            return None
        said_last = self._week(end)
        if said_last is not None:
            week, end = said_last, said_last.end
        monday = self.today - timedelta(days=self.today.weekday())
        if week is not None and isinstance(week.value, Period):
            monday = week.value.start
        start = monday + timedelta(days=first)
        return Found(Period(PeriodKind.RANGE, start, monday + timedelta(days=last)), i, end)

    def _this_unit(self, i: int, within: date | None = None) -> Found | None:
        """ "tháng", "quý", "năm" said alone after "hết": the one today (or ``within``) falls
        in."""
        today = within or self.today
        if self.word(i) == "thang":
            return Found(_month(today.year, today.month), i, i + 1)
        if self.word(i) == "quy":
            return Found(_quarter(today.year, (today.month - 1) // 3 + 1), i, i + 1)
        if self.word(i) == "nam":
            return Found(_year(today.year), i, i + 1)
        return None

    def _since_the_start(self, i: int) -> Found | None:
        """ "từ đầu năm tới 30/6", "từ đầu quý đến nay", "từ đầu tuần tới giờ": from the first
        day of the year, quarter, month or week the end falls in ("năm tới", "tuần tới" there
        are no next year or week); "từ đầu tháng 7 đến giờ": of the month or quarter named, in
        the end's year."""
        unit = self.word(i + 2)
        said = (_quarter_number if unit == "quy" else _month_number)(self.word(i + 3))
        number = said if unit in ("quy", "thang") else None
        k = i + 3 if number is None else i + 4
        if self.word(i + 1) != "dau" or unit not in _STARTS or self.word(k) not in ("den", "toi"):
            return None
        k += self.word(k + 1) == "het"  # "từ đầu năm đến hết ngày 30/9"
        if self.word(k + 1) in ("nay", "gio"):  # "từ đầu quý đến nay"
            end: Found | None = Found(Period(PeriodKind.DAY, self.today, self.today), k + 1, k + 2)
        else:
            end = self.period_at(k + 1)
        if end is None or not isinstance(end.value, Period):
            return None
        last = end.value.end
        if number is None:
            start = _STARTS[unit](last)
        elif unit == "quy":
            start = _quarter(last.year, number).start
        else:
            start = date(last.year, number, 1)
        if start > last:
            return None
        return Found(Period(PeriodKind.RANGE, start, last), i, end.end)

    def _quarter(self, i: int) -> Found | None:
        said = _quarter_number(self.word(i + 1)) if self.word(i) == "q" else None
        if said is not None:  # "Q.III", "Q 4": the dot or space between
            year, end = self.with_year(i + 2)
            return Found(_quarter(year, said), i, end)
        return self._unit(i, "quy", _QUARTER_WORD, 4, _quarter, _quarter_number)

    def _half(self, i: int) -> Found | None:
        """ "6 tháng đầu năm", "sáu tháng cuối năm 2025", "nửa đầu năm"; "báo cáo 6 tháng"
        (the half-year report, báo cáo 6 tháng đầu năm) and "báo cáo 9 tháng"."""
        if self.at(i, "6", "thang") or self.at(i, "sau", "thang"):
            j = i + 2
        elif self.word(i) == "nua":
            if self.word(i + 2) == "thang":
                return self._half_month(i)
            j = i + 1
        else:
            return self._months_of_year(i)
        side = self.word(j)
        if side not in ("dau", "cuoi"):
            if j != i + 2 or not self._reported(i):
                return None
            side, j = "dau", j - 1  # "báo cáo 6 tháng": of the first half
        j += 1
        year, end = self.year, j
        if self.word(j) == "nam":
            hit = self.year_at(j)
            year, end = hit if hit is not None else (self.year, j + 1)
        start = date(year, 1 if side == "dau" else 7, 1)
        last = date(year, 6, 30) if side == "dau" else date(year, 12, 31)
        return Found(Period(PeriodKind.HALF, start, last), i, end)

    def _half_month(self, i: int) -> Found | None:
        """ "nửa đầu tháng 7", "nửa cuối tháng này" ("nửa cuối tháng": of this month): the
        month's first fifteen days, or the rest."""
        side, month = self.word(i + 1), self._month(i + 2) or self._this_unit(i + 2)
        if side not in ("dau", "cuoi") or month is None or not isinstance(month.value, Period):
            return None
        first = month.value.start
        if side == "dau":
            return Found(Period(PeriodKind.RANGE, first, first.replace(day=15)), i, month.end)
        return Found(Period(PeriodKind.RANGE, first.replace(day=16), month.value.end), i, month.end)

    def _months_of_year(self, i: int) -> Found | None:
        """ "9 tháng đầu năm" (1 January to 30 September), "3 tháng cuối năm 2025"; "báo cáo
        9 tháng" (the report of the first nine months)."""
        w = self.word(i)
        if not (w.isdigit() and 1 <= int(w) <= 11 and self.word(i + 1) == "thang"):
            return None
        count, side = int(w), self.word(i + 2)
        if side in ("dau", "cuoi") and self.word(i + 3) == "nam":
            hit = self.year_at(i + 3)
            year, end = hit if hit is not None else (self.year, i + 4)
        elif count == 9 and self._reported(i):
            side, (year, end) = "dau", self.with_year(i + 2)
        else:
            return None
        if side == "dau":
            first, last = date(year, 1, 1), date(year, count, calendar.monthrange(year, count)[1])
        else:
            first, last = date(year, 13 - count, 1), date(year, 12, 31)
        return Found(Period(PeriodKind.RANGE, first, last), i, end)

    def _reported(self, i: int) -> bool:
        """Whether the words before ``i`` name a report ("báo cáo", "bc") of that period."""
        return self.at(i - 2, "bao", "cao") or self.word(i - 1) in ("baocao", "bc")

    def _dekad(self, i: int) -> Found | None:
        """ "thượng tuần tháng 12", "trung tuần tháng 11", "hạ tuần tháng 11": the first,
        middle or last ten days of a month, as administrative documents write them; "đầu
        tháng 12", "giữa tháng sau", "cuối tháng này", as people say them."""
        first = _DEKADS.get(self.word(i))
        if first is not None and self.word(i + 1) == "tuan":
            month = self._month(i + 2)
        elif (
            self.word(i) in _MONTH_PARTS
            and self.word(i + 1) == "thang"
            and not (self.word(i) == "cuoi" and self.word(i - 1) in ("han", "chot"))
        ):
            # ... but "hạn cuối tháng 9" is a deadline, the month's last day.
            first, month = _MONTH_PARTS[self.word(i)], self._month(i + 1)
        else:
            return None
        if month is None or not isinstance(month.value, Period):
            return None
        start = month.value.start.replace(day=first)
        end = month.value.end if first == _LAST_DEKAD else start + timedelta(days=9)
        return Found(Period(PeriodKind.RANGE, start, end), i, month.end)

    def _month(self, i: int) -> Found | None:
        hit = self._unit(i, "thang", _MONTH_WORD, 12, _month, _month_number)
        if hit is None or not isinstance(hit.value, Period):
            return hit
        # "tháng 10 và 11", "tháng 10 và tháng 11": both months, as one window.
        if self.word(hit.end) != "va":
            return hit
        j = hit.end + 2 if self.word(hit.end + 1) == "thang" else hit.end + 1
        later, first = _month_number(self.word(j)), hit.value
        if later is None or later <= first.start.month or _YEAR.fullmatch(self.word(j + 1)):
            return hit
        last = _month(first.start.year, later)
        return Found(Period(PeriodKind.RANGE, first.start, last.end), i, j + 1)

    def _unit(
        self,
        i: int,
        keyword: str,
        short: re.Pattern[str],
        per_year: int,
        build: Callable[[int, int], Period],
        number: Callable[[str], int | None],
    ) -> Found | None:
        """A quarter or a month: "quý 1", "q1", "quý I/2025", "quý 1 năm 2025", "quý này",
        "quý sau", "QIV"; "tháng 12", "t12", "th12", "tháng 12/2025", "tháng trước"."""
        w = self.word(i)
        m = short.fullmatch(w)
        said = number(m.group(1)) if m else None
        if _WEEKDAY_SHORT.fullmatch(w) and (
            self.word(i + 1) == "tuan" or self.word(i - 1) in _DAY_PARTS
        ):
            return None  # "t6 tuần này", "chiều t6": Friday, no June
        if said is not None:  # "q4", "QIV", "th12"
            return self._coming(i, i + 1, said, per_year, build)
        if w != keyword:
            return None
        nxt = self.word(i + 1)
        current = (self.today.month - 1) * per_year // 12 + 1
        if nxt == "nay":
            return Found(build(self.today.year, current), i, i + 2)
        just = self._just_past(i + 1)
        if self.word(i - 1) == "cuoi" and nxt == "roi":
            return None  # "cuối quý rồi": the quarter is ending, no window named
        if nxt in _NEXT or nxt in _PREVIOUS or just:
            after_next = self._after_next(i + 1)  # "tháng sau nữa": the one after next
            shifted = current + (1 + after_next if nxt in _NEXT else -1)
            year = self.today.year + (shifted - 1) // per_year
            end = i + 2 + just + after_next
            return Found(build(year, (shifted - 1) % per_year + 1), i, end)
        m = _UNIT_YEAR.fullmatch(nxt)
        if m and number(m.group(1)) is not None:
            return Found(build(int(m.group(2)), number(m.group(1)) or 0), i, i + 2)
        if number(nxt) is not None:
            return self._coming(i, i + 2, number(nxt) or 0, per_year, build)
        return None

    def _coming(
        self, i: int, j: int, said: int, per_year: int, build: Callable[[int, int], Period]
    ) -> Found:
        """The month or quarter numbered ``said`` (its words end at ``j``): of the year said,
        else the plan's; "tháng 1 tới", "quý 1 sắp tới": the next one to begin after today."""
        year, end = self.with_year(j)
        if end == j and self.word(j) == "nay":
            return Found(build(self.today.year, said), i, j + 1)  # "tháng 4 này": this year's
        coming = 2 if self.at(j, "sap", "toi") else 1 if self.word(j) == "toi" else 0
        after = self.word(j + coming)
        if end == j and coming and after not in _AFTER_TOI and not after[:1].isdigit():
            current = (self.today.month - 1) * per_year // 12 + 1
            year = self.today.year + (said <= current)
            end = j + coming
        return Found(build(year, said), i, end)

    def _year_start(self, i: int) -> Found | None:
        """ "đầu năm sau", "đầu năm 2027": that year's January, or its first quarter (a bare
        "đầu năm" is no window: which year's is unsaid); "đầu quý sau", "đầu quý IV": the
        quarter's first month, or the quarter."""
        if self.word(i) != "dau" or self.word(i - 1) == "tu":
            return None
        if self.word(i + 1) == "quy":  # "đầu quý sau": its first month, or the quarter
            quarter = self._quarter(i + 1)
            if quarter is None or not isinstance(quarter.value, Period):
                return None
            opens = quarter.value.start
            return Found(_month(opens.year, opens.month), i, quarter.end, rival=quarter.value)
        if self.word(i + 1) != "nam":
            return None
        year = self._year(i + 1)
        if year is None or not isinstance(year.value, Period):
            return None
        first = year.value.start.year
        return Found(_month(first, 1), i, year.end, rival=_quarter(first, 1))

    def _year_end(self, i: int) -> Found | None:
        """ "cuối năm nay", "cuối năm 2026": that year's December, or its last quarter ("quý
        cuối năm nay": that quarter alone); a bare "cuối năm" only where it opens a question
        of what falls in it ("cuối năm hạn những việc gì", "cuối năm có những nhiệm vụ nào"):
        elsewhere it is when the asker speaks ("cuối năm rồi, ...")."""
        if self.word(i) != "cuoi" or self.word(i + 1) != "nam" or self.word(i - 1) == "tu":
            return None
        hit = self.year_at(i + 1)
        if hit is not None:
            year, end = hit
        elif i == 0 and self.word(i + 2) in _ASKS_AFTER_YEAR_END:
            year, end = self.year, i + 2
        else:
            return None
        if self.word(i - 1) == "quy":
            return Found(_quarter(year, 4), i - 1, end)  # "quý cuối năm nay": the last quarter
        return Found(_month(year, 12), i, end, rival=_quarter(year, 4))

    def _year(self, i: int) -> Found | None:
        w = self.word(i)
        if w == "ca" and self.word(i + 1) == "nam":
            hit = self.year_at(i + 1)
            year, end = hit if hit is not None else (self.year, i + 2)
            return Found(_year(year), i, end)
        if w != "nam":
            return None
        nxt = self.word(i + 1)
        if _YEAR.fullmatch(nxt):
            return Found(_year(int(nxt)), i, i + 2)
        if nxt == "nay":
            return Found(_year(self.today.year), i, i + 2)
        if (nxt, self.word(i + 2)) == _ARRIVED:
            return None  # "cuối năm tới nơi rồi": this year's end has come
        if nxt in ("sau", "toi"):
            return Found(_year(self.today.year + 1), i, i + 2)
        if self.word(i - 1) == "sang" and nxt not in _PREVIOUS:
            return Found(_year(self.today.year + 1), i, i + 1)  # "sang năm": next year
        just = self._just_past(i + 1)
        if nxt in ("truoc", "ngoai") or just:
            return Found(_year(self.today.year - 1), i, i + 2 + just)
        before = self.word(i - 1)
        if nxt == "roi" and not before.isdigit() and before not in _YEAR_GONE_BY:
            return Found(_year(self.today.year - 1), i, i + 2)  # "năm rồi": last year
        return None

    def _just_past(self, i: int) -> int:
        """1 where words ``i``, ``i + 1`` say "just past" ("quý vừa rồi", "tháng vừa qua"),
        the one word more they take; else 0."""
        return int(self.word(i) == "vua" and self.word(i + 1) in ("roi", "qua"))

    def _week(self, i: int) -> Found | None:
        if self.word(i) == "cuoi" and self.word(i + 1) == "tuan":
            # "cuối tuần này", "cuối tuần sau": that week's Saturday and Sunday.
            week = self._week(i + 1)
            if week is None or not isinstance(week.value, Period):
                return None
            saturday = week.value.start + timedelta(days=5)
            return Found(Period(PeriodKind.RANGE, saturday, week.value.end), i, week.end)
        if self.word(i) != "tuan":
            return None
        nxt = self.word(i + 1)
        numbered = self._numbered_week(i)
        if numbered is not None:
            return numbered
        if nxt == "cuoi":
            year_end = self._last_week_of_year(i)
            if year_end is not None:
                return year_end
            # "tuần cuối tháng 12", "tuần cuối của tháng này": the month's last seven days.
            month = self._month(i + 2 + (self.word(i + 2) == "cua"))
            if month is None or not isinstance(month.value, Period):
                return None
            last = month.value.end
            return Found(Period(PeriodKind.RANGE, last - timedelta(days=6), last), i, month.end)
        monday = self.today - timedelta(days=self.today.weekday())
        if self.word(i - 1) == "sang" and nxt not in _RELATIVE:
            shift, end = 1, i + 1  # "sang tuần": next week
        elif nxt == "nay":
            shift, end = 0, i + 2
        elif nxt == "ke" and self.word(i + 2) == "tiep":
            shift, end = 1, i + 3
        elif nxt in _NEXT:
            shift, end = 1, i + 2
            if self._after_next(i + 1) and self.word(i - 1) not in ("voi", "va", "vs"):
                shift, end = 2, i + 3  # "tuần sau nữa": the week after next
        elif nxt in _PREVIOUS:
            shift, end = -1, i + 2
        elif self._just_past(i + 1):
            shift, end = -1, i + 3
        else:
            return None
        start = monday + timedelta(weeks=shift)
        if shift == 1 and self._and_the_week_after(end):
            # "tuần tới với tuần sau nữa": the two weeks.
            last = start + timedelta(days=13)
            return Found(Period(PeriodKind.RANGE, start, last), i, end + 4)
        return Found(Period(PeriodKind.WEEK, start, start + timedelta(days=6)), i, end)

    def _last_week_of_year(self, i: int) -> Found | None:
        """ "tuần cuối (cùng) (của) năm (nay, 2026)", from word ``i``: the Monday-to-Sunday
        week holding 31 December (a month's last week is its last seven days)."""
        j = i + 2 + (self.word(i + 2) == "cung")
        j += self.word(j) == "cua"
        if self.word(j) != "nam":
            return None
        year = self._year(j)
        if year is not None and isinstance(year.value, Period):
            return Found(_week_of(year.value.end), i, year.end)
        return Found(_week_of(date(self.today.year, 12, 31)), i, j + 1)

    def _numbered_week(self, i: int) -> Found | None:
        """ "tuần 51", "lịch tuần 52": the week of that number (Monday to Sunday, as ISO
        counts them) nearest today; "tuần thứ 2 (của) tháng 12": the second week whose Monday
        falls in that month."""
        j = i + 1 + (self.word(i + 1) == "thu")
        said = self.word(j)
        number = int(said) if said.isdigit() else _ORDINALS.get(said) if j > i + 1 else None
        if number is None or not 1 <= number <= 53:
            return None
        k = j + 1 + (self.word(j + 1) in ("cua", "trong"))
        month = self._month(k)
        if month is not None and isinstance(month.value, Period):
            first = month.value.start
            monday = first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (number - 1))
            if monday > month.value.end:
                return None
            return Found(_week_of(monday), i, month.end)
        if j > i + 1 or said != str(number) or number < 6:
            return None  # "tuần thứ 2", "tuần 2": which month's, unsaid
        mondays = []
        for year in (self.today.year - 1, self.today.year, self.today.year + 1):
            try:
                mondays.append(date.fromisocalendar(year, number, 1))
            except ValueError:
                continue  # no week 53 that year
        monday = min(mondays, key=lambda day: abs((day - self.today).days))
        return Found(_week_of(monday), i, j + 1)

    def _after_next(self, i: int) -> bool:
        """Whether word ``i`` is "sau" of "sau nữa" (the one after next), where "nữa" is not
        the "nữa" of "còn ... nữa" ("còn tuần sau nữa?": and next week?, "... nữa không":
        anything more)."""
        return (
            self.word(i) == "sau"
            and self.word(i + 1) == "nua"
            and self.word(i + 2) not in ("khong", "ko", "k", "kg", "hong")
            and self.word(i - 2) != "con"
        )

    def _and_the_week_after(self, i: int) -> bool:
        """Whether words ``i`` on join the week after next ("với tuần sau nữa")."""
        return self.word(i) in ("voi", "va", "vs", "hoac", "hay") and (
            self.word(i + 1),
            self.word(i + 2),
            self.word(i + 3),
        ) == ("tuan", "sau", "nua")

    def _day(self, i: int) -> Found | None:
        w, nxt = self.word(i), self.word(i + 1)
        if (w, nxt) in (("hom", "nay"), ("bua", "nay")):
            return Found(_day(self.today), i, i + 2)
        if (w, nxt) == ("ngay", "mai"):
            return Found(_day(self.today + timedelta(days=1)), i, i + 2)
        if w == "mai" and nxt != "moi":
            return Found(_day(self.today + timedelta(days=1)), i, i + 1)
        if w == "hom" and nxt in ("thu", "chu", "cn"):
            day = self._weekday(i + 1)  # "hôm thứ 2 vừa rồi"
            if day is not None:
                return Found(day.value, i, day.end)
        if (w, nxt) == ("hom", "qua"):
            return Found(_day(self.today - timedelta(days=1)), i, i + 2)
        if w in ("ngay", "bua") and nxt == "mot" and self.word(i + 2) != "thang":
            return Found(_day(self.today + timedelta(days=2)), i, i + 2)  # "ngày mốt"
        count = _count(w)
        if count is not None and (nxt, self.word(i + 2)) == ("hom", "nua"):
            return Found(_day(self.today + timedelta(days=count)), i, i + 3)  # "3 hôm nữa"
        return self._weekday(i)

    def _weekday(self, i: int, bare: bool = False) -> Found | None:
        """ "thứ 6 này", "thứ 2 tuần sau", "chủ nhật tuần trước": that day of this, the next
        or the last week (Monday to Sunday); ``bare``: "thứ 6" alone, where a range ends
        ("từ nay tới thứ 6"), is this week's. Alone elsewhere it may be an ordinal ("việc
        thứ 5"), no day."""
        day, j = _weekday_at(self.words, i)
        if day is None:
            return None
        if self.word(j) == "vua" and self.word(j + 1) in ("roi", "qua"):
            # "thứ 2 vừa rồi": the last such day before today.
            back = (self.today.weekday() - day - 1) % 7 + 1
            return Found(_day(self.today - timedelta(days=back)), i, j + 2)
        week = self._week(j)  # "tuần này", "tuần sau", "tuần trước"
        if week is not None and isinstance(week.value, Period):
            monday, end = week.value.start, week.end
        elif self.word(j) == "nay" or bare:
            monday = self.today - timedelta(days=self.today.weekday())
            end = j + 1 if self.word(j) == "nay" else j
        else:
            return None
        return Found(_day(monday + timedelta(days=day)), i, end)

    def _next_days(self, i: int) -> Found | None:
        """ "10 ngày tới", "trong (vòng) 10 ngày", "2 tuần tới", "nửa tháng tới": from today on;
        "10 ngày qua", "2 tuần vừa rồi": up to today."""
        j = i + 1 if self.word(i) == "trong" else i
        j += 1 if j > i and self.word(j) == "vong" else 0
        half = self.at(j, "nua", "thang")  # "nửa tháng tới": fifteen days
        count = _HALF_A_MONTH if half else _count(self.word(j))
        unit = "ngay" if half else self.word(j + 1)
        if count is None or unit not in ("ngay", "tuan", "thang"):
            return None
        end = j + 2
        back = self._just_past(end) or self.word(end) == "qua"
        if back:
            end += 1 + self._just_past(end)
        elif self.word(end) in ("toi", "nua") or (self.word(end), self.word(end + 1)) == (
            "sap",
            "toi",
        ):
            end += 2 if self.word(end) == "sap" else 1
        elif j == i:
            return None  # "15 ngày" alone is a duration
        if (
            unit == "thang"
            and not back
            and (end == j + 2 or (j == i and self.word(end - 1) == "nua"))
        ):
            # "trong 3 tháng": how long; "còn 3 tháng nữa là hết năm": a remark; no window
            return None
        if unit == "thang":
            other = _months_on(self.today, -count if back else count)
        else:
            days = count * (7 if unit == "tuan" else 1)
            other = self.today + timedelta(days=-days if back else days)
        start, last = sorted((self.today, other))
        return Found(Period(PeriodKind.RANGE, start, last), i, end)

    def _until_end(self, i: int) -> Found | None:
        """ "từ giờ đến cuối năm", "từ hôm nay tới cuối tháng", "đến cuối quý này", "trước cuối
        tuần sau": from today to the end of this year, month, quarter, or this or next week
        ("đến cuối tháng 1" is a range's end)."""
        j = i
        if self.word(j) == "tu":
            j += 1
            j += 1 if self.word(j) == "bay" else 0
            j += 1 if (self.word(j), self.word(j + 1)) == ("hom", "nay") else 0
            if self.word(j) not in ("gio", "nay"):
                return None
            j += 1
        # "từ nay đến hết năm" (a bare "đến hết quý này" is that day)
        ends = ("cuoi", "het") if j > i else ("cuoi",)
        if self.word(j) not in ("den", "toi", "truoc") or self.word(j + 1) not in ends:
            return None
        unit, end = self.word(j + 2), j + 4 if self.word(j + 3) == "nay" else j + 3
        today, numbered = self.today, self.word(end)[:1].isdigit()
        if unit == "nam" or (unit in ("thang", "quy") and not numbered):
            last = _end_of_this(today, unit)
        elif unit == "tuan" and self.word(j + 3) in ("nay", *_NEXT):
            # "trước cuối tuần sau": to next week's Sunday.
            sunday = today + timedelta(days=6 - today.weekday())
            last, end = sunday + timedelta(weeks=self.word(j + 3) != "nay"), j + 4
        else:
            return None
        return Found(Period(PeriodKind.RANGE, today, last), i, end)

    def _until_then(self, i: int) -> Found | None:
        """ "(còn 1 tháng nữa là hết quý III rồi,) từ giờ tới đó": from today to the end said
        before, of this year, this month or a quarter of this year."""
        j = i + 1 + (self.word(i + 1) == "bay")
        if self.word(i) != "tu" or self.word(j) not in ("gio", "nay"):
            return None
        if self.word(j + 1) not in ("den", "toi") or self.word(j + 2) != "do":
            return None
        today = self.today
        for k in range(i - 2, -1, -1):
            if self.word(k) not in ("het", "cuoi"):
                continue
            unit = self.word(k + 1)
            if unit not in ("nam", "thang", "quy"):
                continue
            last = _end_of_this(today, unit, _quarter_number(self.word(k + 2)))
            if last < today:
                return None
            return Found(Period(PeriodKind.RANGE, today, last), i, j + 3)
        return None

    def _week_back(self, i: int) -> Found | None:
        """ "tuần đầu đi làm lại sau Tết": the seven days from the first working day after the
        nearest Tết break."""
        if not self.at(i, "tuan", "dau"):
            return None
        end = i + 2 + self.at(i + 2, "tien")
        back = next((b for b in _BACK_TO_WORK if self.at(end, *b)), ())
        j = end + len(back)
        if self.word(j) != "sau":
            return None
        k = j + 1
        k += next((len(o) for o in _HOLIDAY_OPENERS if self.at(k, *o)), 0)
        if self.word(k) != "tet" or any(self.at(k + 1, *o) for o in _OTHER_TETS):
            return None
        end = k + 1
        first = back_from_tet(self._nearest(self._tets()).year)
        return Found(Period(PeriodKind.RANGE, first, first + timedelta(days=6)), i, end)

    def _tet_eve(self, i: int) -> tuple[date, int] | None:
        """ "Tết": the eve of the nearest lunar new year, just past or coming; "(kỳ nghỉ) Tết
        dương lịch", "Tết tây": the last day of the year. With where the words end."""
        for holiday in _HOLIDAY_OPENERS:
            if self.at(i, *holiday):
                i += len(holiday)
                break
        if self.word(i) != "tet" or any(self.at(i + 1, *other) for other in _OTHER_TETS):
            return None  # "Tết thiếu nhi", "Tết trung thu": no new year
        for western in _WESTERN:
            if self.at(i + 1, *western):
                return date(self.today.year, 12, 31), i + 1 + len(western)
        today = self.today
        tets = self._tets()
        for said, which in _WHICH_TET:
            if self.at(i + 1, *said):
                # "Tết vừa rồi", "Tết sắp tới", "Tết năm nay": the one just past, coming, or
                # of this year.
                past = [tet for tet in tets if tet <= today]
                if which == "this":  # "Tết năm nay": this year's, past or coming
                    tet = tets[1]
                else:
                    tet = past[-1] if which == "past" else min(set(tets) - set(past))
                return tet - timedelta(days=1), i + 1 + len(said)
        return self._nearest(tets) - timedelta(days=1), i + 1

    def _tets(self) -> list[date]:
        """Mùng 1 Tết of last year, this year and next year."""
        year = self.today.year
        return [lunar_new_year(y) for y in (year - 1, year, year + 1)]

    def _nearest(self, days: Sequence[date]) -> date:
        return min(days, key=lambda day: abs((day - self.today).days))

    def _named_day(self, i: int) -> tuple[date, int] | None:
        """ "(lễ) Quốc khánh (2/9)": its eve, 1 September; "rằm tháng Giêng": the fifteenth day
        of the lunar year, this year's; "Giáng sinh": 25 December. With where the words end."""
        j = i + 1 if self.word(i) in ("le", "dip") else i
        if self.at(j, "quoc", "khanh"):
            end = j + 2
            end += 1 if self.at(end, "2/9") else 2 if self.at(end, "2", "9") else 0
            return date(self.today.year, 9, 1), end
        if self.at(j, "ram", "thang", "gieng"):
            return lunar_new_year(self.today.year) + timedelta(days=14), j + 3
        # Days no one is off, the day itself: "Tết thiếu nhi (1/6)", "Giáng sinh", "Noel".
        for said, month, day in _WORKING_DAYS:
            if self.at(j, *said):
                end = j + len(said)
                end += 1 if self.at(end, f"{day}/{month}") else 0
                return date(self.today.year, month, day), end
        return None

    def _before(self, i: int) -> Found | None:
        """ "trước ngày 30/6", "đến 31/12", "trước cuối tháng 2": from the start of the plan's
        year to that day;
        "trước Tết": to the eve of the nearest lunar new year, just past or coming (from today
        if it falls in the next year)."""
        if self.word(i) == "het" and self.word(i - 1) not in ("den", "toi", "tu", "truoc"):
            # "hết T6 là phải xong những nv nào": by the month's end, as "đến hết tháng 6"
            hit = self._month(i + 1)
            if hit is None or not isinstance(hit.value, Period):
                return None
            if self.word(hit.end) in ("roi", "r"):
                return None  # "hết tháng 6 rồi": the month is over, said of the time
            if not any(c.isdigit() for w in self.words[i + 1 : hit.end] for c in w):
                return None  # "hết tháng này": the month said by no number
            end = hit.value.end
            return Found(Period(PeriodKind.RANGE, date(end.year, 1, 1), end), i, hit.end)
        if self.word(i) not in ("truoc", "den", "toi"):
            return None
        j = i + 1
        tet = self._tet_eve(j)
        if tet is not None:
            eve, said_to = tet
            if self.word(i) == "truoc":
                ahead = eve.year != self.today.year and eve >= self.today
                start = self.today if ahead else date(eve.year, 1, 1)
                return Found(Period(PeriodKind.RANGE, start, eve), i, said_to)
            # "tới Tết tây": from today to the year's last day (a lunar "tới Tết" is no window)
            if (eve.month, eve.day) != (12, 31) or eve < self.today:
                return None
            return Found(Period(PeriodKind.RANGE, self.today, eve), i, said_to)
        named = self._named_day(j)
        if named is not None and self.word(i) == "truoc":  # "trước Quốc khánh", "trước rằm ..."
            day, said_to = named
            return Found(Period(PeriodKind.RANGE, date(day.year, 1, 1), day), i, said_to)
        if named is not None and named[0] >= self.today:  # "từ nay tới Giáng sinh"
            day, said_to = named
            return Found(Period(PeriodKind.RANGE, self.today, day), i, said_to)
        weekday = self._weekday(j, bare=True) if self.word(i) == "truoc" else None
        if weekday is not None and isinstance(weekday.value, Period):
            # "trước thứ 6", "trước thứ 2 tuần sau": from today to that day of a week at hand
            # ("đến thứ 6" is that day: a new deadline).
            day = weekday.value.end
            if day >= self.today:
                return Found(Period(PeriodKind.RANGE, self.today, day), i, weekday.end)
        k = j + 1 if self.word(j) in _DAY_HEADS else j
        if self.word(k) in ("cuoi", "het"):  # "trước cuối tháng 2", "đến hết quý I"
            hit = self._month(k + 1) or self._quarter(k + 1)
        else:
            hit = self._date(j)  # "trước 15/12", "trước ngày 15 tháng 12"
        if hit is None or not isinstance(hit.value, Period):
            return None
        end = hit.value.end
        return Found(Period(PeriodKind.RANGE, date(end.year, 1, 1), end), i, hit.end)

    def _date(self, i: int) -> Found | None:
        start = i + 1 if self.word(i) in _DAY_HEADS else i
        m = _DATE.fullmatch(self.word(start))
        if not m:
            return self._date_in_words(i)
        day_, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            year, end = int(m.group(3)), start + 1
            year += 2000 if year < 100 else 0
        elif (
            start == i
            and self.word(i - 1) not in _DATE_SAID_AFTER
            and counted_at(self.words, start + 1)
        ):
            # "đã tổ chức đc 2/5 lớp", "rà xong 2/3 số thủ tục": a share done, not the 2nd of
            # May; "hạn 30/9 đơn vị nào chủ trì" is a day.
            return None
        else:
            year, end = self.with_year(start + 1)  # "25/12 năm ngoái", "30/6 năm 2025"
        try:
            return Found(_day(date(year, month, day_)), i, end)
        except ValueError:
            return None

    def _date_in_words(self, i: int) -> Found | None:
        """ "ngày 30 tháng 6", "ngày 1 tháng 7 năm 2026", as said aloud; "hạn 31 tháng 12"
        without its "ngày" after a deadline's word; "mùng 5 tháng sau", "ngày 20 tháng này":
        that day of a month said from today."""
        start = i + 1 if self.word(i) in _DAY_HEADS else i
        day_, month = self.word(start), self.word(start + 2)
        if not day_.isdigit():
            return None
        if start == i + 1 and self.word(i - 1) in _UNTIL and self.word(start + 1) != "thang":
            return self._next_day_numbered(i, int(day_))
        # "từ 15 tháng 11 tới ...": a range's first day ("từ 3 tháng nay" is a length).
        from_day = self.word(i - 1) == "tu" and month.isdigit()
        if start == i and self.word(i - 1) not in _DATE_SAID_AFTER and not from_day:
            return None
        if self.word(start + 1) != "thang":
            return None
        if month.isdigit():
            year, end = self.with_year(start + 3)
            number = int(month)
        else:
            said = self._month(start + 1)  # "tháng này", "tháng sau", "tháng trước"
            if said is None or not isinstance(said.value, Period):
                return None
            year, number, end = said.value.start.year, said.value.start.month, said.end
        try:
            return Found(_day(date(year, number, int(day_))), i, end)
        except ValueError:
            return None

    def _next_day_numbered(self, i: int, day_: int) -> Found | None:
        """ "(tới) ngày 15", "(trước) mùng 10": the next day of that number from today."""
        month = date(self.today.year, self.today.month, 1)
        for _ in range(3):
            try:
                day = month.replace(day=day_)
            except ValueError:
                day = None
            if day is not None and day >= self.today:
                return Found(_day(day), i, i + 2)
            month = _months_on(month, 1)
        return None

    # -- a duration

    def duration_at(self, i: int) -> Found | None:
        """ "thêm 1 tháng", "15 ngày", "hai tuần", "nửa tháng"."""
        j = i + 1 if self.word(i) == "them" else i
        if self.at(j, "nua", "thang"):  # "thêm nửa tháng": fifteen days
            return Found(Duration(_HALF_A_MONTH, "day"), i, j + 2)
        count = _count(self.word(j))
        units = {"ngay": "day", "tuan": "week", "thang": "month"}
        unit = units.get(self.word(j + 1))
        if count is None or unit is None or count == 0:
            return None
        if unit == "day":
            return Found(Duration(count, "day"), i, j + 2)
        if unit == "week":
            return Found(Duration(count, "week"), i, j + 2)
        if _MONTH_YEAR.fullmatch(self.word(j + 2)):
            return None  # "kh 77 tháng 8/2026": a month named after a number of its own
        if self.word(j - 1) == "tu" and count <= 31 and _month_number(self.word(j + 2)):
            return None  # "từ 15 tháng 11": a day of a month ("6 tháng 1 lần": every six)
        return Found(Duration(count, "month"), i, j + 2)


_MONTH_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])/\d{4}")


def _has_year(words: Sequence[str]) -> bool:
    return any(_YEAR.search(w) for w in words)


def _week_of(day: date) -> Period:
    """The Monday-to-Sunday week ``day`` falls in."""
    monday = day - timedelta(days=day.weekday())
    return Period(PeriodKind.WEEK, monday, monday + timedelta(days=6))


def _date_free(words: Sequence[str]) -> bool:
    """No day written in ``words``: "(đến) giờ", "hôm nay"."""
    return not any(word[:1].isdigit() for word in words)


def _count(word: str) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return _SMALL_NUMBERS.get(word)


def _quarter_number(text: str) -> int | None:
    if text in _ROMAN:
        return _ROMAN[text]
    return int(text) if text in ("1", "2", "3", "4") else None


def _month_number(text: str) -> int | None:
    return int(text) if text.isdigit() and 1 <= int(text) <= 12 else None


def _end_of_this(today: date, unit: str, quarter: int | None = None) -> date:
    """The last day of this year ("nam"), this month ("thang"), or this quarter or the one
    numbered of this year ("quy")."""
    if unit == "nam":
        return date(today.year, 12, 31)
    if unit == "thang":
        return _month(today.year, today.month).end
    return _quarter(today.year, quarter or (today.month - 1) // 3 + 1).end


def _months_on(day: date, months: int) -> date:
    """The same day ``months`` months on (or back), or that month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _quarter(year: int, quarter: int) -> Period:
    start = date(year, 3 * quarter - 2, 1)
    last = date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])
    return Period(PeriodKind.QUARTER, start, last)


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(PeriodKind.MONTH, date(year, month, 1), date(year, month, last))


def _year(year: int) -> Period:
    return Period(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))


def _weekday_at(words: Sequence[str], i: int) -> tuple[int | None, int]:
    """The weekday (Monday 0) named at word ``i`` ("thứ 6", "thứ sáu", "chủ nhật", "cn"), and
    the word after its name."""
    w = words[i] if i < len(words) else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w == "thu" and nxt in _WEEKDAYS:
        return _WEEKDAYS[nxt], i + 2
    if (w, nxt) == ("chu", "nhat"):
        return 6, i + 2
    short = _WEEKDAY_SHORT.fullmatch(w)
    if short and nxt == "tuan":
        return int(short[1]) - 2, i + 1  # "t6 tuần này"
    return (6, i + 1) if w == "cn" else (None, i)


# "thứ 2" to "thứ 7", in digits or words: Monday to Saturday.
_WEEKDAYS = {
    **{str(n): n - 2 for n in range(2, 8)},
    **{"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5},
}


def _day(day: date) -> Period:
    return Period(PeriodKind.DAY, day, day)
