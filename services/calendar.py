"""The province's calendar: days off and working days a coordinator adds, and the working
calendar (public holidays plus those days) the scheduled jobs count with."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import CalendarDay
from models.calendar import DayKind
from planning.calendar import WorkCalendar, WorkingHours
from services import audit


def add_day(
    session: Session,
    day: date,
    kind: DayKind | str,
    actor: str,
    now: datetime,
    note: str | None = None,
    actor_official_id: int | None = None,
) -> CalendarDay:
    """Declare ``day`` off or worked (`nhacviec calendar add-off|add-work DATE`). Declaring it
    again replaces the earlier declaration; every change is audited, a repeat changes nothing."""
    kind = DayKind(kind)
    row = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    before = _state(row) if row is not None else None
    if row is None:
        row = CalendarDay(day=day, kind=kind.value, note=note, created_by=actor, created_at=now)
        session.add(row)
    elif row.kind == kind.value and (note is None or note == row.note):
        return row
    else:
        row.kind, row.created_by, row.created_at = kind.value, actor, now
        if note is not None:
            row.note = note
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        actor_official_id=actor_official_id,
        action=f"calendar.add_{kind.value}",
        entity="calendar_day",
        entity_id=row.id,
        before=before,
        after=_state(row),
    )
    return row


def list_days(session: Session, year: int | None = None) -> list[CalendarDay]:
    query = select(CalendarDay).order_by(CalendarDay.day)
    if year is not None:
        query = query.where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
    return list(session.scalars(query))


def overrides(session: Session) -> dict[date, bool]:
    """Each declared date: True when worked, False when off."""
    rows = session.execute(select(CalendarDay.day, CalendarDay.kind))
    return {day: kind == DayKind.WORK for day, kind in rows}


def work_calendar(
    session: Session, tz: ZoneInfo, hours: WorkingHours | None = None
) -> WorkCalendar:
    """The calendar the jobs count working days with: holidays and the declared days."""
    return WorkCalendar(tz, hours, overrides(session))


def _state(row: CalendarDay) -> dict[str, object]:
    return {"date": row.day.isoformat(), "kind": row.kind, "note": row.note}
