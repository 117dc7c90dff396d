"""Who answers for which agency on a day: mergers followed, groups ("Các Sở, ban, ngành")
expanded to their members, and each agency's registered people with their digest settings
and whether a chat app can reach them. Loaded in a few column queries, for thousands of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from models import Agency, AgencyGroupMember, ChannelAccount, Official, OfficialRole
from models.agency import answering_on


def current_agencies(
    rows: Sequence[Row[tuple[int, str, int | None, date | None]]]
    | Sequence[tuple[int, str, int | None, date | None]],
    on: date,
) -> dict[int, int]:
    """agency id -> the agency answering for it on ``on`` (``rows``: id, name, successor,
    since)."""
    return answering_on(((a, s, since) for a, _n, s, since in rows), on)


@dataclass(frozen=True)
class Person:
    """A registered person as the schedules see them."""

    id: int
    name: str
    agency_id: int
    role: str
    language: str
    digest_at: time | None
    paused_until: date | None
    digested_through: date | None
    channels: tuple[str, ...]  # the chat apps that can reach them, preferred first

    @property
    def reachable(self) -> bool:
        return bool(self.channels)

    def paused_on(self, day: date) -> bool:
        return self.paused_until is not None and day <= self.paused_until

    @property
    def focal(self) -> bool:
        return self.role == OfficialRole.FOCAL


@dataclass
class Roster:
    """Agencies and people on ``today``."""

    today: date
    names: dict[int, str]
    current: dict[int, int]  # agency -> the agency answering for it today (after mergers)
    members: dict[int, list[int]]  # group -> its member agencies
    by_agency: dict[int, list[Person]]  # officials and focal points, by agency
    coordinators: list[Person]
    steering: list[Person]

    @classmethod
    def load(cls, session: Session, today: date) -> Roster:
        agencies = session.execute(
            select(Agency.id, Agency.name, Agency.successor_id, Agency.successor_from)
        ).all()
        current = current_agencies(agencies, today)
        members: dict[int, list[int]] = defaultdict(list)
        for group, member in session.execute(
            select(AgencyGroupMember.group_id, AgencyGroupMember.member_id)
        ):
            members[group].append(member)
        channels: dict[int, list[str]] = defaultdict(list)
        for official_id, channel in session.execute(
            select(ChannelAccount.official_id, ChannelAccount.channel)
            .where(ChannelAccount.unreachable_since.is_(None))
            .order_by(ChannelAccount.id)
        ):
            if channel not in channels[official_id]:
                channels[official_id].append(channel)
        by_agency: dict[int, list[Person]] = defaultdict(list)
        coordinators: list[Person] = []
        steering: list[Person] = []
        rows = session.execute(
            select(
                Official.id,
                Official.full_name,
                Official.agency_id,
                Official.role,
                Official.language,
                Official.digest_at,
                Official.paused_until,
                Official.digested_through,
                Official.preferred_channel,
            )
            .where(Official.active.is_(True))
            .order_by(Official.id)
        )
        for o_id, name, agency_id, role, language, at, paused, through, preferred in rows:
            found = channels.get(o_id, ())
            if len(found) > 1:
                found = sorted(found, key=lambda c: c != preferred)
            person = Person(
                o_id, name, agency_id, role, language, at, paused, through, tuple(found)
            )
            if role in (OfficialRole.OFFICIAL, OfficialRole.FOCAL):
                by_agency[agency_id].append(person)
            elif role == OfficialRole.COORDINATOR:
                coordinators.append(person)
            elif role == OfficialRole.STEERING:
                steering.append(person)
        names = {a: n for a, n, *_ in agencies}
        return cls(today, names, current, dict(members), dict(by_agency), coordinators, steering)

    def answering(self, agency_ids: Iterable[int]) -> list[int]:
        """The agencies that answer today for these: a group's members, each after mergers."""
        out: dict[int, None] = {}
        for agency in agency_ids:
            for member in self.members.get(agency, [agency]):
                out[self.current.get(member, member)] = None
        return list(out)

    def officials(self, agency_ids: Iterable[int], focal_only: bool = False) -> list[Person]:
        people = [p for a in self.answering(agency_ids) for p in self.by_agency.get(a, [])]
        return [p for p in people if p.focal] if focal_only else people

    def people(self) -> list[Person]:
        """Everyone registered and active, by id."""
        everyone = [p for group in self.by_agency.values() for p in group]
        return sorted([*everyone, *self.coordinators, *self.steering], key=lambda p: p.id)
