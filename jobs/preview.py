"""What the reminders would send in the coming days, without writing anything
(`nhacviec jobs preview --days 14 [--at ISO] [--json]`): per day and person, the digest as it
would be read, and who the reminders cannot reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers import daily_digest as rendering
from handlers.markup import to_plain
from i18n import use_language
from jobs.nudges import Planner, moment
from jobs.policy import Policy
from models import Notification, NotificationStatus, OfficialRole
from planning.calendar import WorkCalendar
from services.daily_digest import Digest
from services.roster import Person, Roster


@dataclass(frozen=True)
class Planned:
    """One digest: when it would go out, to whom, and its pages as the person would read them
    (plain text, each page's buttons by their labels)."""

    at: datetime
    person: Person
    agency: str
    digest: Digest
    pages: list[rendering.Page]

    def plain(self) -> list[tuple[str, list[list[str]]]]:
        return [
            (to_plain(page.text), [[to_plain(b.text) for b in row] for row in page.buttons])
            for page in self.pages
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.at.date().isoformat(),
            "at": self.at.isoformat(),
            "official": {
                "id": self.person.id,
                "name": self.person.name,
                "role": self.person.role,
                "agency": self.agency,
            },
            "kind": self.digest.kind,
            "items": [
                {
                    "section": item.section.name.lower(),
                    "milestone_id": item.milestone_id,
                    "task_id": item.task_id,
                    "task": item.label or None,
                    "due": item.due.isoformat() if item.due else None,
                    "explain": item.explain,
                    "focal": item.focal,
                }
                for item in self.digest.items
            ],
            "pages": [{"text": text, "buttons": buttons} for text, buttons in self.plain()],
        }


def preview(
    session: Session, start: datetime, days: int, calendar: WorkCalendar, policy: Policy
) -> list[Planned]:
    """The digests of the ``days`` days from ``start``, in the order they would go out.

    Each day is planned as the job would plan it at each person's digest time (or at ``start``
    on the first day, for those whose time has passed), judging the milestones as they stand
    now; a digest the outbox has already sent, or cancelled, is left out.
    """
    planned: list[Planned] = []
    first = start.astimezone(calendar.tz).date()
    for offset in range(max(days, 0)):
        today = first + timedelta(days=offset)
        if not calendar.is_working_day(today):
            continue
        if offset == 0 and start.astimezone(calendar.tz).time() >= calendar.hours.end:
            continue  # the job writes nothing after hours: the day is caught up the next one
        planned.extend(plan_day(session, today, start, calendar, policy))
    planned.sort(key=lambda p: (p.at, p.agency, p.person.id))
    return planned


def plan_day(
    session: Session, today: date, start: datetime, calendar: WorkCalendar, policy: Policy
) -> list[Planned]:
    """Every digest of ``today``, each read in its person's language and within their apps'
    limit (nothing is written)."""
    roster = Roster.load(session, today)
    planner = Planner(session, calendar, policy, roster, today)
    people = [
        p for p in roster.people() if p.role != OfficialRole.STEERING and not p.paused_on(today)
    ]
    done = _handled(session, [rendering.key(p.id, today) for p in people])
    found = []
    for person in people:
        if rendering.key(person.id, today) in done:
            continue
        digest = planner.digest(person, [today])
        if digest is None:
            continue
        with use_language(person.language):
            pages = rendering.pages(digest, rendering.limit_for(person.channels))
        at = max(moment(person, today, calendar, policy), start)
        agency = roster.names.get(person.agency_id, "")
        found.append(Planned(at, person, agency, digest, pages))
    return found


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
