"""The nudge policy as configuration: the shipped file, its validation, an operator's override,
and the rule that says which deadlines call for which step on a given day."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from jobs.policy import (
    DEFAULT_POLICY,
    Audience,
    Phase,
    PolicyError,
    load_policy,
    parse_policy,
    steps_due,
)
from planning.calendar import WorkCalendar
from tests.world import VN

CAL = WorkCalendar(VN)
POLICY = load_policy(DEFAULT_POLICY)


def test_the_shipped_policy_is_the_one_the_issue_describes() -> None:
    assert POLICY.working_hours.start == time(7, 30)
    assert POLICY.working_hours.end == time(17, 0)
    assert [(s.days, s.to) for s in POLICY.before_due] == [
        (0, (Audience.LEAD,)),
        (1, (Audience.LEAD,)),
        (3, (Audience.LEAD,)),
        (7, (Audience.LEAD, Audience.SUPPORT)),
    ]
    assert [(s.days, s.to, s.ask_explanation) for s in POLICY.overdue] == [
        (1, (Audience.LEAD,), False),
        (3, (Audience.LEAD_FOCAL,), False),
        (5, (Audience.COORDINATOR,), True),
    ]
    assert (POLICY.repeat_every, POLICY.repeat_to) == (5, (Audience.LEAD,))
    assert POLICY.report_dates == ((3, 10), (6, 10), (9, 10), (12, 10))


def kinds(today: date, earliest: date | None = date(2025, 1, 1)) -> dict[date, str]:
    return {d: s.kind for d, s in steps_due(CAL, POLICY, today, earliest).items()}


# Task I.1 of the sample plan is due Tuesday 31/03/2026.
@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (date(2026, 3, 20), "before_7"),
        (date(2026, 3, 26), "before_3"),
        (date(2026, 3, 30), "before_1"),
        (date(2026, 3, 31), "before_0"),
        (date(2026, 4, 1), "overdue_1"),
        (date(2026, 4, 3), "overdue_3"),
        (date(2026, 4, 7), "overdue_5"),
        (date(2026, 4, 14), "overdue_10"),
        (date(2026, 4, 21), "overdue_15"),
        (date(2026, 4, 29), "overdue_20"),  # 27/04 (Hùng Vương, observed) is not counted
    ],
)
def test_each_step_of_a_deadline_falls_on_its_working_day(today: date, kind: str) -> None:
    assert kinds(today).get(date(2026, 3, 31)) == kind


@pytest.mark.parametrize(
    "today",
    [date(2026, 3, 23), date(2026, 3, 27), date(2026, 4, 2), date(2026, 4, 6), date(2026, 4, 8)],
)
def test_days_between_the_steps_call_for_nothing(today: date) -> None:
    assert date(2026, 3, 31) not in kinds(today)


def test_a_deadline_on_a_day_off_is_nudged_on_the_last_working_day_before_it() -> None:
    # Sunday 31/05/2026: "on the day" is Friday 29/05, the day before it Thursday 28/05, and
    # the first overdue day is Monday 01/06.
    assert kinds(date(2026, 5, 29))[date(2026, 5, 31)] == "before_0"
    assert kinds(date(2026, 5, 28))[date(2026, 5, 31)] == "before_1"
    assert kinds(date(2026, 6, 1))[date(2026, 5, 31)] == "overdue_1"
    # The Friday covers the whole weekend: Saturday 30/05 too.
    assert kinds(date(2026, 5, 29))[date(2026, 5, 30)] == "before_0"


def test_tet_stretches_the_steps_over_the_holiday() -> None:
    # On Friday 13/02/2026, the last day before Tết, the next seven working days run to
    # Tuesday 03/03: a deadline then gets its 7-day nudge, one on 25/02 its 3-day nudge.
    assert kinds(date(2026, 2, 13))[date(2026, 3, 3)] == "before_7"
    assert kinds(date(2026, 2, 13))[date(2026, 2, 25)] == "before_3"
    # A deadline inside Tết (Mùng 1, 17/02) is nudged on the day before the holiday starts.
    assert kinds(date(2026, 2, 13))[date(2026, 2, 17)] == "before_0"
    # ... and it is overdue on the first working day after it.
    assert kinds(date(2026, 2, 23))[date(2026, 2, 17)] == "overdue_1"


def test_nothing_is_due_on_a_day_off() -> None:
    assert steps_due(CAL, POLICY, date(2026, 3, 28), date(2025, 1, 1)) == {}
    assert steps_due(CAL, POLICY, date(2026, 9, 2), date(2025, 1, 1)) == {}


def test_the_walk_back_stops_at_the_earliest_open_deadline() -> None:
    due = steps_due(CAL, POLICY, date(2026, 4, 7), date(2026, 3, 31))
    assert min(due) == date(2026, 3, 31)
    assert all(s.phase is Phase.BEFORE for d, s in due.items() if d > date(2026, 4, 7))
    assert kinds(date(2026, 4, 7), None) == {
        d: k for d, k in kinds(date(2026, 4, 7), None).items() if d >= date(2026, 4, 7)
    }


@pytest.mark.parametrize(
    ("today", "configured"),
    [
        (date(2026, 3, 10), date(2026, 3, 10)),  # a Tuesday
        (date(2026, 3, 11), None),
        (date(2024, 3, 11), date(2024, 3, 10)),  # Sunday 10/03/2024 moves to Monday
        (date(2024, 3, 10), None),
        (date(2029, 3, 12), date(2029, 3, 10)),  # Saturday 10/03/2029 moves to Monday
        (date(2026, 6, 10), date(2026, 6, 10)),
        (date(2026, 9, 10), date(2026, 9, 10)),
        (date(2026, 12, 10), date(2026, 12, 10)),
        (date(2026, 5, 10), None),
    ],
)
def test_report_requests_go_on_the_10th_of_each_quarters_last_month(
    today: date, configured: date | None
) -> None:
    assert POLICY.report_request_date(today, CAL) == configured


# --- validation

GOOD = """
working_hours: {start: "08:00", end: "16:30"}
before_due:
  - {days: 5, to: [lead, support]}
  - {days: 0, to: [lead]}
overdue:
  - {days: 2, to: [lead_focal, coordinator], ask_explanation: true}
repeat: {every: 10, to: [lead, coordinator]}
report_requests: {dates: ["06-15", "12-15"]}
"""


def test_an_operator_can_replace_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("NUDGE_POLICY", str(path))
    policy = load_policy()
    assert policy.working_hours.start == time(8, 0)
    assert [s.days for s in policy.before_due] == [0, 5]
    assert policy.overdue_step(2) is not None and policy.overdue_step(2).ask_explanation  # type: ignore[union-attr]
    assert policy.overdue_step(12) is not None and policy.overdue_step(12).repeat  # type: ignore[union-attr]
    assert policy.overdue_step(7) is None
    assert policy.report_dates == ((6, 15), (12, 15))
    monkeypatch.delenv("NUDGE_POLICY")
    assert load_policy() == POLICY


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("before_due: [{days: -1, to: [lead]}]", "before_due[0].days: expected a whole number"),
        ("before_due: [{days: 3, to: [director]}]", "unknown audience 'director'"),
        ("before_due: [{days: 3, to: []}]", "before_due[0]: 'to' names nobody"),
        ("before_due: [{to: [lead]}]", "before_due[0]: 'days' is missing"),
        (
            "before_due: [{days: 3, to: [lead]}, {days: 3, to: [support]}]",
            "a step of 3 days is already listed",
        ),
        ("before_due: [{days: 3, to: [lead], ask_explanation: true}]", "only after a deadline"),
        ("overdue: [{days: 0, to: [lead]}]", "overdue: days must be 1 or more"),
        ("overdue: [{days: 2, to: [lead], when: later}]", "unknown key 'when'"),
        ("working_hours: {start: '17:00', end: '07:30'}", "is not after start"),
        ("working_hours: {start: 'morning'}", "expected a time as HH:MM"),
        ("report_requests: {dates: ['02-30']}", "expected a date as MM-DD"),
        ("report_requests: {dates: '03-10'}", "expected a list of MM-DD"),
        ("repeat: {every: 5, to: []}", "repeat: 'to' names nobody"),
        ("nudges: []", "unknown key 'nudges'"),
        ("- 1\n- 2", "expected a mapping"),
    ],
)
def test_a_wrong_policy_is_refused_with_the_place_and_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=problem.replace("(", r"\(").replace("[", r"\[")):
        load_policy(path)


def test_a_missing_or_broken_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nowhere.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("before_due: [", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(broken)


def test_an_empty_policy_sends_nothing() -> None:
    policy = parse_policy({})
    assert steps_due(CAL, policy, date(2026, 3, 31), date(2026, 1, 1)) == {}
    assert policy.report_request_date(date(2026, 3, 10), CAL) is None
