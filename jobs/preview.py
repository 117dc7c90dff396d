"""What the nudge job would send in the coming days, without writing anything
(`nhacviec jobs preview --days 14 [--at ISO]`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.nudges import plan_day
from jobs.policy import Policy
from models import Notification, NotificationStatus
from planning.calendar import WorkCalendar


@dataclass(frozen=True)
class Planned:
    """One message: when it would go out, to whom (official and agency), of what kind, about
    which task (a report request names the tasks it lists)."""

    at: datetime
    agency: str
    kind: str
    task: str
    official_id: int
    milestone_id: int | None

    def line(self) -> str:
        return f"{self.at:%d/%m/%Y}  {self.agency}  {self.kind}  {self.task}"


def preview(
    session: Session, start: datetime, days: int, calendar: WorkCalendar, policy: Policy
) -> list[Planned]:
    """The messages of the ``days`` days from ``start``, in the order they would go out.

    Each day is planned as the job would plan it at that day's opening (at ``start`` itself on
    the first day), judging the milestones as they stand now; messages the outbox has already
    sent, or cancelled, are left out.
    """
    planned: list[Planned] = []
    first = start.astimezone(calendar.tz).date()
    for offset in range(max(days, 0)):
        today = first + timedelta(days=offset)
        if not calendar.is_working_day(today):
            continue
        moment = start if offset == 0 else calendar.opening(today)
        send_at = calendar.next_send_time(moment)
        items = plan_day(session, today, send_at.date(), calendar, policy)
        done = _handled(session, [i.key for i in items])
        planned.extend(
            Planned(send_at, i.agency, i.kind, i.task, i.official_id, i.milestone_id)
            for i in items
            if i.key not in done
        )
    planned.sort(key=lambda p: (p.at, p.agency, p.kind, p.task, p.official_id))
    return planned


def _handled(session: Session, keys: list[str]) -> set[str]:
    """Keys the outbox holds in any state but pending: sent, failed, cancelled, sending."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        found.update(
            session.scalars(
                select(Notification.key).where(
                    Notification.key.in_(keys[start : start + 500]),
                    Notification.status != NotificationStatus.PENDING,
                )
            )
        )
    return found
