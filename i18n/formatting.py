"""Dates and numbers the way a Vietnamese official reads them: "Thứ Hai, 31/03/2025"."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from i18n import N_, current_language, gettext


def day(value: date) -> str:
    """dd/MM/yyyy with the weekday in the current language."""
    language = current_language()
    weekday = format_date(value, "EEEE", locale=language)
    return f"{weekday}, {value:%d/%m/%Y}"


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
