"""Working days and working hours: Vietnamese holidays, Tết, make-up Saturdays, the days a
coordinator adds, and when a message computed outside office hours goes out."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import AuditLog, CalendarDay
from planning.calendar import WorkCalendar, WorkingHours
from services import calendar as calendar_service
from tests.world import VN

CAL = WorkCalendar(VN)


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        # Tết Bính Ngọ 2026: Monday 16/02 to Friday 20/02 off, around a weekend each side.
        (date(2026, 2, 13), True, "the Friday before Tết"),
        (date(2026, 2, 16), False, "29 Tết (Lunar New Year's Eve)"),
        (date(2026, 2, 17), False, "Mùng 1 Tết"),
        (date(2026, 2, 20), False, "Mùng 4 Tết"),
        (date(2026, 2, 21), False, "a Saturday"),
        (date(2026, 2, 23), True, "back to work"),
        # Tết Ất Tỵ 2025: Monday 27/01 to Saturday 01/02.
        (date(2025, 1, 24), True, "the Friday before Tết"),
        (date(2025, 1, 27), False, "28 Tết"),
        (date(2025, 1, 31), False, "Mùng 3 Tết"),
        (date(2025, 2, 3), True, "back to work"),
        # Quốc khánh 2 September.
        (date(2025, 9, 1), False, "bridging Monday"),
        (date(2025, 9, 2), False, "National Day"),
        (date(2025, 9, 3), True, "a Wednesday"),
        (date(2026, 8, 31), False, "Monday swapped with Saturday 22/08/2026"),
        (date(2026, 8, 22), True, "the Saturday worked in exchange"),
        (date(2026, 9, 1), False, "the day before National Day"),
        (date(2026, 9, 2), False, "National Day"),
        # 30/4 and 1/5, with the Saturday 26/04/2025 worked for Friday 02/05/2025.
        (date(2025, 4, 30), False, "Reunification Day"),
        (date(2025, 5, 1), False, "Labour Day"),
        (date(2025, 5, 2), False, "bridging Friday"),
        (date(2025, 4, 26), True, "the Saturday worked in exchange"),
        (date(2026, 4, 30), False, "Reunification Day"),
        (date(2026, 5, 1), False, "Labour Day"),
        # Giỗ Tổ Hùng Vương (10/3 âm lịch).
        (date(2025, 4, 7), False, "Hung Kings' day"),
        (date(2026, 4, 27), False, "Hung Kings' day falls on Sunday 26/04: Monday off"),
        (date(2026, 4, 28), True, "a Tuesday"),
        (date(2026, 1, 1), False, "New Year's Day"),
        (date(2026, 3, 25), True, "a Wednesday"),
        (date(2026, 3, 28), False, "a Saturday"),
    ],
)
def test_working_days(day: date, working: bool, why: str) -> None:
    assert CAL.is_working_day(day) is working, why


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 3, 31), -7, date(2026, 3, 20)),  # 7 working days before Tuesday 31/03
        (date(2026, 3, 31), -1, date(2026, 3, 30)),
        (date(2026, 3, 31), 0, date(2026, 3, 31)),
        (date(2026, 3, 31), 5, date(2026, 4, 7)),
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # over Tết
        (date(2026, 2, 23), -1, date(2026, 2, 13)),
        (date(2026, 2, 17), 1, date(2026, 2, 23)),  # from a day off
        (date(2026, 2, 17), -1, date(2026, 2, 13)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),  # over 31/08-02/09
        (date(2026, 9, 3), -3, date(2026, 8, 26)),
        (date(2025, 4, 25), 1, date(2025, 4, 26)),  # the make-up Saturday counts
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected
    if CAL.is_working_day(start):
        assert CAL.working_days_between(start, expected) == n


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2026, 2, 13), date(2026, 2, 23), 1),  # Tết leaves one working day: the Monday
        (date(2026, 2, 23), date(2026, 2, 13), -1),
        (date(2026, 3, 20), date(2026, 3, 31), 7),
        (date(2026, 3, 31), date(2026, 3, 31), 0),
        (date(2026, 3, 28), date(2026, 3, 29), 0),  # a weekend counts nothing
    ],
)
def test_working_days_between(start: date, end: date, count: int) -> None:
    assert CAL.working_days_between(start, end) == count


def at(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN)


@pytest.mark.parametrize(
    ("computed", "sent"),
    [
        (at(2026, 3, 25, 9), at(2026, 3, 25, 9)),  # inside working hours: at once
        (at(2026, 3, 25, 7, 30), at(2026, 3, 25, 7, 30)),
        (at(2026, 3, 25, 6), at(2026, 3, 25, 7, 30)),  # before the office opens
        (at(2026, 3, 25, 17), at(2026, 3, 26, 7, 30)),  # the office has closed
        (at(2026, 3, 20, 18), at(2026, 3, 23, 7, 30)),  # Friday evening: Monday morning
        (at(2026, 3, 21, 10), at(2026, 3, 23, 7, 30)),  # Saturday
        (at(2026, 4, 24, 18), at(2026, 4, 28, 7, 30)),  # Monday 27/04 is a holiday: Tuesday
        (at(2026, 2, 13, 18), at(2026, 2, 23, 7, 30)),  # Friday before Tết: after Tết
        (at(2026, 8, 28, 16, 59), at(2026, 8, 28, 16, 59)),
        (at(2026, 8, 28, 17, 1), at(2026, 9, 3, 7, 30)),  # over the National Day holiday
    ],
)
def test_next_send_time(computed: datetime, sent: datetime) -> None:
    assert CAL.next_send_time(computed) == sent


def test_the_time_keeps_its_instant_in_any_zone() -> None:
    from datetime import UTC

    utc = datetime(2026, 3, 25, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội
    assert CAL.next_send_time(utc) == utc
    assert CAL.next_send_time(datetime(2026, 3, 25, 11, 0, tzinfo=UTC)) == at(2026, 3, 26, 7, 30)


def test_working_hours_are_configurable() -> None:
    calendar = WorkCalendar(VN, WorkingHours(time(8, 0), time(11, 30)))
    assert calendar.next_send_time(at(2026, 3, 25, 7, 45)) == at(2026, 3, 25, 8, 0)
    assert calendar.next_send_time(at(2026, 3, 25, 12, 0)) == at(2026, 3, 26, 8, 0)
    with pytest.raises(ValueError):
        WorkingHours(time(17, 0), time(7, 30))


def test_a_coordinators_days_override_the_holidays() -> None:
    calendar = WorkCalendar(VN, overrides={date(2026, 3, 27): False, date(2026, 3, 28): True})
    assert not calendar.is_working_day(date(2026, 3, 27))  # a Friday given off
    assert calendar.is_working_day(date(2026, 3, 28))  # a Saturday worked
    assert calendar.next_send_time(at(2026, 3, 26, 18)) == at(2026, 3, 28, 7, 30)


# --- the days a coordinator adds, through the service and the database


def test_days_added_are_stored_audited_and_counted(sessions: sessionmaker[Session]) -> None:
    now = at(2026, 3, 2, 10)
    with sessions.begin() as session:
        calendar_service.add_day(
            session, date(2026, 3, 27), "off", "cli", now, note="Nghỉ bù lễ hội tỉnh"
        )
        calendar_service.add_day(session, date(2026, 3, 28), "work", "cli", now)
    with sessions() as session:
        calendar = calendar_service.work_calendar(session, VN)
        assert not calendar.is_working_day(date(2026, 3, 27))
        assert calendar.is_working_day(date(2026, 3, 28))
        assert calendar.add_working_days(date(2026, 3, 26), 1) == date(2026, 3, 28)
        days = calendar_service.list_days(session, 2026)
        assert [(d.day, d.kind, d.note) for d in days] == [
            (date(2026, 3, 27), "off", "Nghỉ bù lễ hội tỉnh"),
            (date(2026, 3, 28), "work", None),
        ]
        audits = session.scalars(
            select(AuditLog).where(AuditLog.entity == "calendar_day").order_by(AuditLog.id)
        ).all()
        assert [(a.action, a.after["date"]) for a in audits] == [  # type: ignore[index]
            ("calendar.add_off", "2026-03-27"),
            ("calendar.add_work", "2026-03-28"),
        ]


def test_declaring_a_day_again_replaces_it_and_a_repeat_changes_nothing(
    sessions: sessionmaker[Session],
) -> None:
    now = at(2026, 3, 2, 10)
    with sessions.begin() as session:
        calendar_service.add_day(session, date(2026, 3, 27), "off", "cli", now)
        calendar_service.add_day(session, date(2026, 3, 27), "off", "cli", now)
        calendar_service.add_day(session, date(2026, 3, 27), "work", "coordinator", now)
    with sessions() as session:
        rows = session.scalars(select(CalendarDay)).all()
        assert [(r.day, r.kind, r.created_by) for r in rows] == [
            (date(2026, 3, 27), "work", "coordinator")
        ]
        audits = session.scalars(
            select(AuditLog).where(AuditLog.entity == "calendar_day").order_by(AuditLog.id)
        ).all()
        assert [a.action for a in audits] == ["calendar.add_off", "calendar.add_work"]
        assert audits[1].before == {"date": "2026-03-27", "kind": "off", "note": None}
    with sessions.begin() as session, pytest.raises(ValueError):
        calendar_service.add_day(session, date(2026, 3, 27), "holiday", "cli", now)
