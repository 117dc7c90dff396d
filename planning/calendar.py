"""Working days (ngày làm việc) and working hours: when a nudge is due and when it may go out.

Pure: the public holidays come from the ``holidays`` package (Vietnam, lunar Tết included, with
the Saturdays worked in exchange for a bridging day off), the coordinators' extra days off and
working days are handed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

# A calendar with no working day in this many days is a configuration error, not a long walk.
_HORIZON = 366


@dataclass(frozen=True)
class WorkingHours:
    """When messages may be delivered on a working day (giờ hành chính): [start, end)."""

    start: time = time(7, 30)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"working hours end before they start: {self.start}-{self.end}")


class WorkCalendar:
    """Monday to Friday, minus Vietnamese public holidays, with ``overrides``: a date mapped to
    True is worked (a make-up Saturday), to False is off (a day off the province adds).

    ``add_working_days(d, n)`` is the date ``n`` working days after ``d`` (before it for n < 0);
    ``working_days_between(a, b)`` counts the working days in (a, b], negative when b < a.
    """

    def __init__(
        self,
        tz: ZoneInfo,
        hours: WorkingHours | None = None,
        overrides: Mapping[date, bool] | None = None,
        public_holidays: holidays.HolidayBase | None = None,
    ) -> None:
        self.tz = tz
        self.hours = hours or WorkingHours()
        self.overrides = dict(overrides or {})
        self._holidays = public_holidays if public_holidays is not None else _vietnam()
        self._known: dict[date, bool] = {}

    def holiday_name(self, day: date) -> str | None:
        name = self._holidays.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            if day in self.overrides:
                known = self.overrides[day]
            else:
                # Looking the day up loads its year, and with it the Saturdays worked that year.
                holiday = day in self._holidays
                worked: set[date] = getattr(self._holidays, "weekend_workdays", set())
                known = day in worked or (day.weekday() < 5 and not holiday)
            self._known[day] = known
        return known

    def on_or_after(self, day: date) -> date:
        """``day`` if it is a working day, else the next one."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def on_or_before(self, day: date) -> date:
        """``day`` if it is a working day, else the last one before it."""
        return day if self.is_working_day(day) else self.add_working_days(day, -1)

    def add_working_days(self, day: date, n: int) -> date:
        step = timedelta(days=1 if n > 0 else -1)
        remaining, walked = abs(n), 0
        while remaining:
            day += step
            walked += 1
            if walked > _HORIZON * max(1, abs(n)):
                raise ValueError(f"no working day within {walked} days of {day}")
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def next_send_time(self, at: datetime) -> datetime:
        """``at`` itself when it falls in working hours on a working day; otherwise the start
        of the next working morning (the same morning, before the office opens)."""
        local = at.astimezone(self.tz)
        today = local.date()
        if self.is_working_day(today):
            if local.time() < self.hours.start:
                return self._opening(today)
            if local.time() < self.hours.end:
                return at
        return self._opening(self.add_working_days(today, 1))

    def opening(self, day: date) -> datetime:
        """When the office opens on ``day`` (which should be a working day)."""
        return self._opening(day)

    def _opening(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.start, tzinfo=self.tz)


@cache
def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết of ``year``: the first day of the lunar year, as Vietnam keeps it."""
    vietnam = holidays.country_holidays("VN", years=year, language="en_US")
    (day,) = vietnam.get_named("Lunar New Year", lookup="exact")
    return day


@cache
def back_from_tet(year: int) -> date:
    """The first working day after the Tết break of ``year``, its bridging days off too."""
    calendar = WorkCalendar(ZoneInfo("Asia/Ho_Chi_Minh"))
    return calendar.add_working_days(lunar_new_year(year), 1)


def _vietnam() -> holidays.HolidayBase:
    return holidays.country_holidays("VN")
