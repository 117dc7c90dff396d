"""The periods an administrative-reform report covers: a quarter, a half-year, a year
("2025-Q3", "2025-H1", "2025"), as the People's Committee asks for them.

Pure: codes in, dates and labels out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from i18n import N_

PeriodKind = Literal["quarter", "half", "year"]
ROMAN = ("I", "II", "III", "IV")
_CODE = re.compile(r"^\s*(\d{4})(?:\s*-\s*([QqHh])([1-4]))?\s*$")

# Translators: the period of a report, as its title names it ("quý III năm 2025").
QUARTER = N_("quarter %(roman)s of %(year)d")
FIRST_HALF = N_("the first six months of %(year)d")
SECOND_HALF = N_("the last six months of %(year)d")
YEAR = N_("the year %(year)d")
# Translators: a period on a button, short.
QUARTER_SHORT = N_("Q%(number)d/%(year)d")
FIRST_HALF_SHORT = N_("First half %(year)d")
SECOND_HALF_SHORT = N_("Second half %(year)d")
YEAR_SHORT = N_("Year %(year)d")


@dataclass(frozen=True)
class ReportPeriod:
    """A quarter (``index`` 1-4), a half-year (1-2) or a year (``index`` 0)."""

    year: int
    kind: PeriodKind
    index: int = 0

    @classmethod
    def parse(cls, code: str) -> ReportPeriod | None:
        """A quarter, a half-year or a year ("2025-Q3", "2025-H1", "2025"); None otherwise."""
        m = _CODE.match(code)
        if m is None:
            return None
        year = int(m.group(1))
        if not 2000 <= year <= 2100:
            return None
        if m.group(2) is None:
            return cls(year, "year")
        letter, index = m.group(2).upper(), int(m.group(3))
        if letter == "H" and index > 2:
            return None
        return cls(year, "quarter" if letter == "Q" else "half", index)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> ReportPeriod:
        if kind == "year":
            return cls(day.year, "year")
        if kind == "half":
            return cls(day.year, "half", 1 if day.month <= 6 else 2)
        return cls(day.year, "quarter", (day.month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        if self.kind == "year":
            return str(self.year)
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.index}"

    @property
    def start(self) -> date:
        if self.kind == "year":
            return date(self.year, 1, 1)
        months = 3 if self.kind == "quarter" else 6
        return date(self.year, (self.index - 1) * months + 1, 1)

    @property
    def end(self) -> date:
        if self.kind == "year":
            return date(self.year, 12, 31)
        months = 3 if self.kind == "quarter" else 6
        last = self.index * months
        following = date(self.year + 1, 1, 1) if last == 12 else date(self.year, last + 1, 1)
        return following - timedelta(days=1)

    def previous(self) -> ReportPeriod:
        if self.kind == "year":
            return ReportPeriod(self.year - 1, "year")
        count = 4 if self.kind == "quarter" else 2
        if self.index == 1:
            return ReportPeriod(self.year - 1, self.kind, count)
        return ReportPeriod(self.year, self.kind, self.index - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def label(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        """As a report's title names it: "quý III năm 2025", "6 tháng đầu năm 2025"."""
        if self.kind == "quarter":
            return gettext(QUARTER) % {"roman": ROMAN[self.index - 1], "year": self.year}
        if self.kind == "half":
            return gettext(FIRST_HALF if self.index == 1 else SECOND_HALF) % {"year": self.year}
        return gettext(YEAR) % {"year": self.year}

    def short(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        if self.kind == "quarter":
            return gettext(QUARTER_SHORT) % {"number": self.index, "year": self.year}
        if self.kind == "half":
            short = FIRST_HALF_SHORT if self.index == 1 else SECOND_HALF_SHORT
            return gettext(short) % {"year": self.year}
        return gettext(YEAR_SHORT) % {"year": self.year}


def offered_periods(today: date) -> list[ReportPeriod]:
    """What a coordinator is likely to report on ``today``: the quarter just ended and the
    current one, the half-year and the year (the previous year's too, early in a year)."""
    quarter = ReportPeriod.containing(today, "quarter")
    periods = [quarter.previous(), quarter, ReportPeriod.containing(today, "half")]
    year = ReportPeriod.containing(today, "year")
    if today.month <= 3:
        periods.append(year.previous())
    periods.append(year)
    return list(dict.fromkeys(periods))
