"""Dates and numbers the way a Vietnamese official reads them: "Thứ Hai, 31/03/2025"."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from babel.dates import format_date
from babel.numbers import format_decimal

from i18n import N_, current_language, gettext


def day(value: date) -> str:
    """dd/MM/yyyy with the weekday in the current language."""
    return f"{_weekday(value.weekday(), current_language())}, {value:%d/%m/%Y}"


@cache
def _weekday(weekday: int, language: str) -> str:
    """The name of ``weekday`` (0: Monday) in ``language``; Babel takes a fifth of a
    millisecond to format one, and a digest names dozens of days."""
    return format_date(MONDAY + timedelta(days=weekday), "EEEE", locale=language)


MONDAY = date(2024, 1, 1)


def short_day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


# Keyed by models.MilestoneStatus's values (a StrEnum), so this module needs none of ours.
STATUS_LABELS = {
    "done_on_time": N_("done on time"),
    "done_late": N_("done late"),
    "in_progress": N_("in progress"),
    "overdue": N_("overdue"),
    "undated": N_("no deadline yet"),
}


def status_label(status: str) -> str:
    """The status class as people read it: "quá hạn", "hoàn thành đúng hạn"..."""
    return gettext(STATUS_LABELS[status])


def number(value: Decimal | float | int) -> str:
    """A figure as the reader writes it: "62,5" in Vietnamese, "62.5" in English, at most
    two decimals, no trailing zeros."""
    return format_decimal(value, format="#,##0.##", locale=current_language())


# Keyed by models.TargetStatus's values.
TARGET_STATUS_LABELS = {
    "met": N_("met"),
    "not_met": N_("not met"),
    "not_reported": N_("not reported"),
    "report_overdue": N_("report overdue"),
}
TARGET_SYMBOLS = {"ge": "≥", "le": "≤"}


def target_status_label(status: str) -> str:
    """Where a target stands as people read it: "đạt", "chưa đạt", "chưa báo cáo"..."""
    return gettext(TARGET_STATUS_LABELS[status])


def amount(value: Decimal | float | int, unit: str) -> str:
    """A value with its unit: "62,5%", "3 hội nghị"."""
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def target_goal(
    comparison: str,
    value: Decimal | float | int,
    unit: str,
    change: str | None = None,
    baseline: str | None = None,
) -> str:
    """A target's goal as a short formula: "≥ 50%", "100%", "≤ 20 hạng", "giảm ≥ 10% so với
    năm 2021"."""
    goal = amount(value, unit)
    if comparison in ("ge", "le"):  # "đạt 80%" reads as the figure itself
        goal = f"{TARGET_SYMBOLS[comparison]} {goal}"
    if change == "decrease":
        goal = gettext(N_("decrease %(goal)s")) % {"goal": goal}
    elif change == "increase":
        goal = gettext(N_("increase %(goal)s")) % {"goal": goal}
    if baseline:
        goal = gettext(N_("%(goal)s compared with %(baseline)s")) % {
            "goal": goal,
            "baseline": baseline,
        }
    return goal
