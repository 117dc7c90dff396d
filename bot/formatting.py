"""Dates and numbers the way a Vietnamese official reads them: "Thứ Hai, 31/03/2025"."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from bot.i18n import current_language, gettext
from models import MilestoneStatus
from planning.findings import N_


def day(value: date) -> str:
    """dd/MM/yyyy with the weekday in the current language."""
    language = current_language()
    weekday = format_date(value, "EEEE", locale=language)
    return f"{weekday}, {value:%d/%m/%Y}"


def short_day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


STATUS_LABELS = {
    MilestoneStatus.DONE_ON_TIME: N_("done on time"),
    MilestoneStatus.DONE_LATE: N_("done late"),
    MilestoneStatus.IN_PROGRESS: N_("in progress"),
    MilestoneStatus.OVERDUE: N_("overdue"),
    MilestoneStatus.UNDATED: N_("no deadline yet"),
}


def status_label(status: MilestoneStatus) -> str:
    return gettext(STATUS_LABELS[status])
