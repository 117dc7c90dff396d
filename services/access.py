"""Who may see and change what: an official's agency scope and role, checked on every use case."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from i18n import N_
from models import Agency, AgencyGroupMember, Official, OfficialRole, Role, Task
from models.agency import answering_on
from services.people import NotAllowed

NOT_YOURS = N_("This task is not assigned to your agency.")
COORDINATORS_ONLY = N_("Only a coordinator can do this.")
NOT_REGISTERED = N_(
    "You are not registered yet. Send /start with the code your coordinator gave you."
)


def agency_scope(session: Session, agency_id: int, today: date) -> set[int]:
    """Agencies whose tasks this agency answers for today: itself, the agencies merged into it,
    and the groups ("Các Sở, ban, ngành") any of those belong to."""
    scope = merged_into(session, agency_id, today)
    scope.update(session.scalars(_GROUPS, {"members": list(scope)}))
    return scope


def merged_into(session: Session, agency_id: int, today: date) -> set[int]:
    """The agency and the agencies merged into it by ``today``."""
    links = session.execute(_MERGED).tuples()
    answering = answering_on([*links, (agency_id, None, None)], today)
    return {a for a, current in answering.items() if current == agency_id}


# Read for most updates: built once. Only agencies that were merged can answer to another;
# the rest answer for themselves.
_MERGED = select(Agency.id, Agency.successor_id, Agency.successor_from).where(
    Agency.successor_id.is_not(None)
)
_GROUPS = select(AgencyGroupMember.group_id).where(
    AgencyGroupMember.member_id.in_(bindparam("members", expanding=True))
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
