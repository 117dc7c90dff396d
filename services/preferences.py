"""A person's own settings (/caidat): when the daily digest comes, a pause of the reminders
(leave, a business trip), and the language. Each change is audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from i18n import LANGUAGES, N_
from models import Official
from planning.calendar import WorkingHours
from services import audit
from services.errors import UserError

LONGEST_PAUSE = timedelta(days=366)

OUTSIDE_HOURS = N_("Please choose a time inside working hours, from %(start)s to %(end)s.")
PAUSE_PAST = N_("A pause ends today or later: choose a date from %(today)s on.")
PAUSE_TOO_LONG = N_("A pause lasts a year at most.")


@dataclass(frozen=True)
class DigestTimes:
    """The times a digest may be read at (working hours) and the default one (the policy's)."""

    hours: WorkingHours = field(default_factory=WorkingHours)
    default: time = time(8, 0)

    def of(self, official: Official) -> time:
        chosen = official.digest_at
        if chosen is not None and self.hours.start <= chosen < self.hours.end:
            return chosen
        return self.default


def set_digest_time(
    session: Session, official: Official, at: time, times: DigestTimes, now: datetime
) -> None:
    """The digest at ``at`` on every working day; refused outside working hours."""
    if not times.hours.start <= at < times.hours.end:
        raise UserError(
            OUTSIDE_HOURS, start=f"{times.hours.start:%H:%M}", end=f"{times.hours.end:%H:%M}"
        )
    _change(session, official, now, "official.digest_at", "digest_at", at.replace(second=0))


def pause(session: Session, official: Official, until: date, today: date, now: datetime) -> None:
    """No reminders from today through ``until`` (the last day of the pause)."""
    if until < today:
        raise UserError(PAUSE_PAST, today=f"{today:%d/%m/%Y}")
    if until - today > LONGEST_PAUSE:
        raise UserError(PAUSE_TOO_LONG)
    _change(session, official, now, "official.pause", "paused_until", until)


def resume(session: Session, official: Official, now: datetime) -> None:
    _change(session, official, now, "official.resume", "paused_until", None)


def set_language(session: Session, official: Official, language: str, now: datetime) -> str:
    chosen = language if language in LANGUAGES else "vi"
    _change(session, official, now, "official.language", "language", chosen)
    return chosen


def _change(
    session: Session, official: Official, now: datetime, action: str, name: str, value: object
) -> None:
    before = getattr(official, name)
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action=action,
        entity="official",
        entity_id=official.id,
        before={name: _plain(before)},
        after={name: _plain(value)},
    )
    setattr(official, name, value)


def _plain(value: object) -> object:
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return value
