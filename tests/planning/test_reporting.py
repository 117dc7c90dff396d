"""The periods a report covers: codes, dates, and the periods offered on a given day."""

from __future__ import annotations

from datetime import date

import pytest

from i18n import translations
from planning.reporting import ReportPeriod, offered_periods

VI = translations("vi").gettext


@pytest.mark.parametrize(
    ("code", "start", "end", "label"),
    [
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30), "quý III năm 2025"),
        ("2025-q4", date(2025, 10, 1), date(2025, 12, 31), "quý IV năm 2025"),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), "6 tháng cuối năm 2025"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
    ],
)
def test_a_period_code_gives_its_dates_and_its_title(code, start, end, label):
    period = ReportPeriod.parse(code)
    assert period is not None
    assert (period.start, period.end, period.label(VI)) == (start, end, label)
    assert ReportPeriod.parse(period.code) == period


@pytest.mark.parametrize("code", ["2025-Q5", "2025-H3", "Q3", "25-Q1", "", "2025-Q3-x", "1999"])
def test_what_is_no_period_is_refused(code):
    assert ReportPeriod.parse(code) is None


def test_early_in_a_year_the_last_quarter_and_the_last_year_are_offered():
    offered = [p.code for p in offered_periods(date(2026, 1, 8))]
    assert offered == ["2025-Q4", "2026-Q1", "2026-H1", "2025", "2026"]
    assert [p.code for p in offered_periods(date(2026, 10, 5))] == [
        "2026-Q3",
        "2026-Q4",
        "2026-H2",
        "2026",
    ]
