"""Who the reminders cannot reach: agencies that lead or support open tasks but have nobody
registered, only people no chat app reaches, or only people who paused their reminders; and
how many open milestones that leaves without a reminder (`nhacviec agencies coverage`, and a
part of the coordinators' daily summary).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_
from models import Assignment, Milestone, Role, Task
from services.roster import Roster


class Gap(StrEnum):
    NOBODY = "nobody"  # nobody registered for the agency
    UNREACHABLE = "unreachable"  # registered, but no chat app reaches any of them
    PAUSED = "paused"  # every one who can be reached has paused their reminders


GAP_NAMES = {
    Gap.NOBODY: N_("nobody registered"),
    Gap.UNREACHABLE: N_("nobody reachable"),
    Gap.PAUSED: N_("everyone paused"),
}


@dataclass(frozen=True)
class AgencyGap:
    """An agency the reminders do not reach today, and what it has open."""

    agency_id: int
    name: str
    gap: Gap
    registered: int  # people registered for it (officials and focal points)
    leads: int  # open dated milestones of tasks it leads
    supports: int  # open dated milestones of tasks it supports (and does not lead)
    next_due: date | None  # its earliest open deadline

    @property
    def milestones(self) -> int:
        """The open milestones whose reminders would go to nobody of this agency."""
        return self.leads + self.supports


def coverage(session: Session, today: date, plan_id: int | None = None) -> list[AgencyGap]:
    """The agencies (as they answer ``today``: mergers followed, groups expanded) that lead or
    support open milestones and that the reminders cannot reach, most milestones first."""
    roster = Roster.load(session, today)
    return gaps(session, roster, plan_id)


def gaps(session: Session, roster: Roster, plan_id: int | None = None) -> list[AgencyGap]:
    """``coverage`` with the roster already read. The agencies named in live tasks are found
    first; the milestones are read only for those the reminders cannot reach."""
    named = select(Assignment.agency_id).group_by(Assignment.agency_id)  # on its index
    if plan_id is not None:
        named = named.join(Task, Assignment.task_id == Task.id).where(Task.plan_id == plan_id)
    answering: dict[int, list[int]] = defaultdict(
        list
    )  # a gap agency -> the agencies it answers for
    for (written,) in session.execute(named):
        for agency in roster.answering([written]):
            if _gap(roster, agency) is not None:
                answering[agency].append(written)
    if not answering:
        return []
    written_ids = sorted({w for ids in answering.values() for w in ids})
    query = (
        select(Milestone.id, Milestone.due, Assignment.agency_id, Assignment.role)
        .join(Task, Milestone.task_id == Task.id)
        .join(Assignment, Assignment.task_id == Task.id)
        .where(
            Task.removed_at.is_(None),
            Milestone.completed_on.is_(None),
            Milestone.verified_at.is_(None),
            Milestone.due.is_not(None),
            Assignment.agency_id.in_(written_ids),
        )
    )
    if plan_id is not None:
        query = query.where(Task.plan_id == plan_id)
    leads: dict[int, set[int]] = defaultdict(set)
    supports: dict[int, set[int]] = defaultdict(set)
    first: dict[int, date] = {}
    for milestone_id, due, agency_id, role in session.execute(query):
        for agency in roster.answering([agency_id]):
            if agency not in answering:
                continue
            (leads if role == Role.LEAD else supports)[agency].add(milestone_id)
            first[agency] = min(first.get(agency, due), due)
    found = []
    for agency in set(leads) | set(supports):
        gap = _gap(roster, agency)
        assert gap is not None
        led = leads.get(agency, set())
        found.append(
            AgencyGap(
                agency_id=agency,
                name=roster.names.get(agency, "?"),
                gap=gap,
                registered=len(roster.by_agency.get(agency, [])),
                leads=len(led),
                supports=len(supports.get(agency, set()) - led),
                next_due=first.get(agency),
            )
        )
    return sorted(found, key=lambda g: (-g.milestones, g.name))


def _gap(roster: Roster, agency: int) -> Gap | None:
    people = roster.by_agency.get(agency, [])
    if not people:
        return Gap.NOBODY
    reachable = [p for p in people if p.reachable]
    if not reachable:
        return Gap.UNREACHABLE
    if all(p.paused_on(roster.today) for p in reachable):
        return Gap.PAUSED
    return None


def lead_agencies(session: Session, roster: Roster, plan_id: int) -> list[int]:
    """The agencies (as they answer today) that lead live tasks of the plan, by name."""
    rows = session.execute(
        select(Assignment.agency_id)
        .join(Task, Assignment.task_id == Task.id)
        .where(Task.plan_id == plan_id, Task.removed_at.is_(None), Assignment.role == Role.LEAD)
        .distinct()
    )
    found = {agency for (written,) in rows for agency in roster.answering([written])}
    return sorted(found, key=lambda a: roster.names.get(a, ""))
