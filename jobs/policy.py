"""The nudge policy as configuration (jobs/data/policy.yaml), validated on load, and the pure
rule that says which deadlines call for which step on a given working day."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from planning.calendar import WorkCalendar, WorkingHours

DEFAULT_POLICY = Path(__file__).resolve().parent / "data" / "policy.yaml"
POLICY_ENV = "NUDGE_POLICY"


class PolicyError(ValueError):
    """The policy file is wrong; the message names the place and the problem."""


class Audience(StrEnum):
    LEAD = "lead"  # cơ quan chủ trì: officials and focal points
    LEAD_FOCAL = "lead_focal"  # the lead agency's focal points (đầu mối) only
    SUPPORT = "support"  # cơ quan phối hợp: officials and focal points
    COORDINATOR = "coordinator"  # Sở Nội vụ


class Phase(StrEnum):
    BEFORE = "before"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Step:
    """One nudge of a milestone: ``days`` working days before or after its deadline."""

    phase: Phase
    days: int
    to: tuple[Audience, ...]
    ask_explanation: bool = False
    repeat: bool = False

    @property
    def kind(self) -> str:
        return f"{self.phase.value}_{self.days}"


@dataclass(frozen=True)
class Policy:
    working_hours: WorkingHours
    before_due: tuple[Step, ...]
    overdue: tuple[Step, ...]
    repeat_every: int  # 0: no reminders after the last overdue step
    repeat_to: tuple[Audience, ...]
    report_dates: tuple[tuple[int, int], ...]  # (month, day)
    digest_at: time = time(8, 0)  # when a person's daily digest goes, unless they chose

    def digest_time(self, chosen: time | None) -> time:
        """A person's digest time: theirs if it falls inside working hours, else the policy's."""
        hours = self.working_hours
        if chosen is not None and hours.start <= chosen < hours.end:
            return chosen
        return self.digest_at

    @property
    def last_overdue_day(self) -> int:
        return max((s.days for s in self.overdue), default=0)

    def overdue_step(self, days: int) -> Step | None:
        """The step ``days`` working days after a deadline: configured, or a repeat reminder."""
        for step in self.overdue:
            if step.days == days:
                return step
        last = self.last_overdue_day
        if self.repeat_every and days > last and (days - last) % self.repeat_every == 0:
            return Step(Phase.OVERDUE, days, self.repeat_to, repeat=True)
        return None

    def report_request_date(self, today: date, calendar: WorkCalendar) -> date | None:
        """The configured report date whose request goes out ``today`` (moved to the next
        working day when it falls on a day off), or None."""
        for year in (today.year, today.year - 1):
            for month, day in self.report_dates:
                configured = date(year, month, day)
                if calendar.on_or_after(configured) == today:
                    return configured
        return None


def steps_due(
    calendar: WorkCalendar, policy: Policy, today: date, earliest_due: date | None
) -> dict[date, Step]:
    """The deadlines that call for a nudge ``today``, each with its step.

    Before a deadline D, the step of n days goes out n working days before the last working
    day on or before D (so a deadline on a Sunday is nudged "on the day" on Friday); after
    it, the step of k days goes out on the k-th working day after D. Nothing goes out on a
    day off. ``earliest_due`` bounds the walk back for repeat reminders.
    """
    if not calendar.is_working_day(today):
        return {}
    due: dict[date, Step] = {}
    for step in policy.before_due:
        anchor = calendar.add_working_days(today, step.days)
        following = calendar.add_working_days(anchor, 1)
        day = anchor
        while day < following:
            due[day] = step
            day += timedelta(days=1)
    if earliest_due is None or earliest_due >= today:
        return due
    # Walking back: P(k) is the k-th working day before today; a deadline D in [P(k), P(k-1))
    # is exactly k working days old today.
    newer, k = today, 0
    while newer > earliest_due and (policy.repeat_every or k < policy.last_overdue_day):
        k += 1
        older = calendar.add_working_days(newer, -1)
        step = policy.overdue_step(k)
        if step is not None:
            day = older
            while day < newer:
                due[day] = step
                day += timedelta(days=1)
        newer = older
    return due


# --- loading and validating


def policy_path(configured: Path | str | None = None) -> Path:
    """The policy file: the one configured (settings or NUDGE_POLICY), else the default."""
    chosen = configured or os.environ.get(POLICY_ENV)
    return Path(chosen) if chosen else DEFAULT_POLICY


def load_policy(path: Path | str | None = None) -> Policy:
    where = policy_path(path)
    try:
        raw = yaml.safe_load(where.read_text(encoding="utf-8"))
    except OSError as error:
        raise PolicyError(f"{where}: cannot read: {error}") from error
    except yaml.YAMLError as error:
        raise PolicyError(f"{where}: not valid YAML: {error}") from error
    return parse_policy(raw, str(where))


_TOP = {"working_hours", "before_due", "overdue", "repeat", "report_requests", "digest"}


def parse_policy(raw: object, where: str = "policy") -> Policy:
    data = _mapping(raw, where, _TOP)
    hours = _mapping(data.get("working_hours", {}), f"{where}: working_hours", {"start", "end"})
    start = _time(hours.get("start", "07:30"), f"{where}: working_hours.start")
    end = _time(hours.get("end", "17:00"), f"{where}: working_hours.end")
    if not start < end:
        raise PolicyError(f"{where}: working_hours: end {end:%H:%M} is not after start")
    before = _steps(data.get("before_due", []), Phase.BEFORE, f"{where}: before_due")
    overdue = _steps(data.get("overdue", []), Phase.OVERDUE, f"{where}: overdue")
    if any(s.days == 0 for s in overdue):
        raise PolicyError(f"{where}: overdue: days must be 1 or more")
    repeat = _mapping(data.get("repeat", {}), f"{where}: repeat", {"every", "to"})
    every = _count(repeat.get("every", 0), f"{where}: repeat.every")
    repeat_to = _audiences(repeat.get("to", []), f"{where}: repeat.to")
    if every and not repeat_to:
        raise PolicyError(f"{where}: repeat: 'to' names nobody")
    reports = _mapping(data.get("report_requests", {}), f"{where}: report_requests", {"dates"})
    dates = reports.get("dates", [])
    if not isinstance(dates, list):
        raise PolicyError(f"{where}: report_requests.dates: expected a list of MM-DD")
    digest = _mapping(data.get("digest", {}), f"{where}: digest", {"at"})
    digest_at = _time(digest.get("at", "08:00"), f"{where}: digest.at")
    if not start <= digest_at < end:
        raise PolicyError(f"{where}: digest.at {digest_at:%H:%M} is outside working hours")
    return Policy(
        working_hours=WorkingHours(start, end),
        before_due=before,
        overdue=overdue,
        repeat_every=every,
        repeat_to=repeat_to,
        report_dates=tuple(
            _month_day(d, f"{where}: report_requests.dates[{i}]") for i, d in enumerate(dates)
        ),
        digest_at=digest_at,
    )


def _mapping(raw: object, where: str, allowed: set[str]) -> Mapping[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PolicyError(f"{where}: expected a mapping")
    unknown = sorted(set(map(str, raw)) - allowed)
    if unknown:
        raise PolicyError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(allowed))})"
        )
    return raw


def _steps(raw: object, phase: Phase, where: str) -> tuple[Step, ...]:
    if not isinstance(raw, list):
        raise PolicyError(f"{where}: expected a list of steps")
    steps: list[Step] = []
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        entry = _mapping(item, here, {"days", "to", "ask_explanation"})
        if "days" not in entry:
            raise PolicyError(f"{here}: 'days' is missing")
        days = _count(entry["days"], f"{here}.days")
        if any(s.days == days for s in steps):
            raise PolicyError(f"{here}: a step of {days} days is already listed")
        to = _audiences(entry.get("to", []), f"{here}.to")
        if not to:
            raise PolicyError(f"{here}: 'to' names nobody")
        ask = entry.get("ask_explanation", False)
        if not isinstance(ask, bool):
            raise PolicyError(f"{here}.ask_explanation: expected true or false")
        if ask and phase is Phase.BEFORE:
            raise PolicyError(f"{here}: an explanation is asked only after a deadline")
        steps.append(Step(phase, days, to, ask_explanation=ask))
    return tuple(sorted(steps, key=lambda s: s.days))


def _audiences(raw: object, where: str) -> tuple[Audience, ...]:
    if not isinstance(raw, list):
        raise PolicyError(f"{where}: expected a list of audiences")
    found: list[Audience] = []
    for value in raw:
        try:
            audience = Audience(str(value))
        except ValueError:
            known = ", ".join(a.value for a in Audience)
            raise PolicyError(f"{where}: unknown audience {value!r} (known: {known})") from None
        if audience not in found:
            found.append(audience)
    return tuple(found)


def _count(raw: object, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0 or raw > 250:
        raise PolicyError(f"{where}: expected a whole number of working days from 0 to 250")
    return raw


def _time(raw: object, where: str) -> time:
    try:
        hour, minute = str(raw).split(":")
        return time(int(hour), int(minute))
    except ValueError:
        raise PolicyError(f"{where}: expected a time as HH:MM, not {raw!r}") from None


def _month_day(raw: object, where: str) -> tuple[int, int]:
    try:
        month, day = (int(p) for p in str(raw).split("-"))
        date(2023, month, day)  # not a leap year: a date every year has
    except ValueError:
        raise PolicyError(f"{where}: expected a date as MM-DD, not {raw!r}") from None
    return month, day
