"""Who may see and change what: an official's agency scope and role, checked on every use case."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, null, or_, select, union_all
from sqlalchemy.orm import Session

from i18n import N_
from models import Agency, AgencyGroupMember, Official, OfficialRole, Role, Task
from models.agency import answering_on
from models.base import columns, planned_once
from services.people import NotAllowed

NOT_YOURS = N_("This task is not assigned to your agency.")
COORDINATORS_ONLY = N_("Only a coordinator can do this.")
NOT_REGISTERED = N_(
    "You are not registered yet. Send /start with the code your coordinator gave you."
)


def agency_scope(session: Session, agency_id: int, today: date) -> set[int]:
    """Agencies whose tasks this agency answers for today: itself, the agencies merged into it,
    and the groups ("Các Sở, ban, ngành") any of those belong to. Read for most updates, in
    one round trip: the merges, and the groups of every agency that may be in the scope."""
    links: list[tuple[int, int | None, date | None]] = [(agency_id, None, None)]
    groups: dict[int, set[int]] = defaultdict(set)
    for agency, successor, since, group in columns(session, _SCOPE, {"agency": agency_id}):
        if group is None:
            links.append((agency, successor, since))
        else:
            groups[agency].add(group)
    scope = _answered_by(links, agency_id, today)
    scope.update(g for member in list(scope) for g in groups[member])
    return scope


def merged_into(session: Session, agency_id: int, today: date) -> set[int]:
    """The agency and the agencies merged into it by ``today``."""
    links = columns(session, _MERGED).tuples()
    return _answered_by([*links, (agency_id, None, None)], agency_id, today)


def _answered_by(
    links: Iterable[tuple[int, int | None, date | None]], agency_id: int, today: date
) -> set[int]:
    """Of the agencies in ``links`` (id, successor, since), those ``agency_id`` answers for."""
    return {a for a, current in answering_on(links, today).items() if current == agency_id}


# Read for most updates: built once, planned once (the plan does not depend on the agency).
# Only agencies that were merged can answer to another; the rest answer for themselves.
_MERGED = planned_once(
    select(Agency.id, Agency.successor_id, Agency.successor_from).where(
        Agency.successor_id.is_not(None)
    )
)
# With the groups (last column) of the agency asked about and of every merged agency.
_SCOPE = planned_once(
    union_all(
        _MERGED.add_columns(null()),
        select(AgencyGroupMember.member_id, null(), null(), AgencyGroupMember.group_id).where(
            or_(
                AgencyGroupMember.member_id == bindparam("agency"),
                AgencyGroupMember.member_id.in_(_MERGED.with_only_columns(Agency.id)),
            )
        ),
    )
)


def is_coordinator(official: Official) -> bool:
    return official.role == OfficialRole.COORDINATOR


def role_on(task: Task, scope: set[int]) -> Role | None:
    """The official's agency's part in the task: lead, support, or none."""
    roles = {a.role for a in task.assignments if a.agency_id in scope}
    if Role.LEAD in roles:
        return Role.LEAD
    return Role.SUPPORT if Role.SUPPORT in roles else None


def require_coordinator(official: Official) -> None:
    if not is_coordinator(official):
        raise NotAllowed(COORDINATORS_ONLY)
