"""Who may see and change what: an official's agency scope and role, checked on every use case."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Date,
    Integer,
    Select,
    bindparam,
    cast,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, SessionTransaction

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
    one round trip: the merges, and the groups of every agency that may be in the scope
    (kept from ``with_scope`` where this transaction read them so)."""
    links: list[tuple[int, int | None, date | None]] = [(agency_id, None, None)]
    groups: dict[int, set[int]] = defaultdict(set)
    kept = _kept_scope(session)
    rows: Iterable[Sequence[Any]]
    if kept is not None and kept[0] == agency_id:
        rows = kept[1]
    else:
        rows = columns(session, _SCOPE, {"agency": agency_id})
    for agency, successor, since, group in rows:
        if group is None:
            links.append((agency, successor, since))
        else:
            groups[agency].add(group)
    scope = _answered_by(links, agency_id, today)
    scope.update(g for member in list(scope) for g in groups[member])
    return scope


def merged_into(session: Session, agency_id: int, today: date) -> set[int]:
    """The agency and the agencies merged into it by ``today`` (the merges kept from
    ``with_scope`` where this transaction read them so)."""
    kept = _kept_scope(session)
    links: Iterable[tuple[int, int | None, date | None]]
    if kept is not None:
        links = [(a, successor, since) for a, successor, since, group in kept[1] if group is None]
    else:
        links = columns(session, _MERGED).tuples()
    return _answered_by([*links, (agency_id, None, None)], agency_id, today)


def with_scope(first: Select[Any]) -> CompoundSelect[Any]:
    """``first`` and the rows ``agency_scope`` reads of the agency bound as "agency", in one
    statement: what a question reads first and the asker's scope in one round trip. A row of
    ``first`` ends in four NULLs; a row of the scope begins with as many NULLs as ``first``
    has columns (its first column must never be NULL), then the scope's four columns. Give
    those to ``keep_scope``."""
    width = len(first.selected_columns)
    # Typed NULLs: PostgreSQL resolves each column of a UNION two branches at a time, and
    # NULL beside NULL would be text.
    before = [null()] * width
    return union_all(
        first.add_columns(
            cast(null(), Integer), cast(null(), Integer), cast(null(), Date), cast(null(), Integer)
        ),
        *(select(*before, *part).where(term) for part, term in _PARTS),
    )


def keep_scope(session: Session, agency_id: int, rows: Iterable[Sequence[Any]]) -> None:
    """The rows of ``with_scope``'s scope (its last four columns) for ``agency_id``, kept for
    this transaction: ``agency_scope`` of that agency and ``merged_into`` of any read them
    instead of the database."""
    kept = [tuple(row) for row in rows]
    session.info[_SCOPE_KEPT] = (session.get_transaction(), agency_id, kept)


def scope_changed(session: Session) -> None:
    """The agencies' merges or groups were changed in this transaction: what ``keep_scope``
    kept no longer answers for them."""
    session.info.pop(_SCOPE_KEPT, None)


def _kept_scope(session: Session) -> tuple[int, list[tuple[Any, ...]]] | None:
    found: tuple[SessionTransaction | None, int, list[tuple[Any, ...]]] | None
    found = session.info.get(_SCOPE_KEPT)
    if found is None or found[0] is None or found[0] is not session.get_transaction():
        return None
    return found[1], found[2]


_SCOPE_KEPT = "agency_scope"


def _answered_by(
    links: Iterable[tuple[int, int | None, date | None]], agency_id: int, today: date
) -> set[int]:
    """Of the agencies in ``links`` (id, successor, since), those ``agency_id`` answers for."""
    return {a for a, current in answering_on(links, today).items() if current == agency_id}


# Read for most updates: built once, planned once (the plan does not depend on the agency).
# Only agencies that were merged can answer to another; the rest answer for themselves.
_WAS_MERGED = Agency.successor_id.is_not(None)
_MERGED = planned_once(
    select(Agency.id, Agency.successor_id, Agency.successor_from).where(_WAS_MERGED)
)
# With the groups (last column) of the agency asked about and of every merged agency: the
# columns and the condition of each part.
_PARTS: tuple[tuple[tuple[Any, ...], ColumnElement[bool]], ...] = (
    (
        (Agency.id, Agency.successor_id, Agency.successor_from, cast(null(), Integer)),
        _WAS_MERGED,
    ),
    (
        (
            AgencyGroupMember.member_id,
            cast(null(), Integer),
            cast(null(), Date),
            AgencyGroupMember.group_id,
        ),
        or_(
            AgencyGroupMember.member_id == bindparam("agency"),
            AgencyGroupMember.member_id.in_(_MERGED.with_only_columns(Agency.id)),
        ),
    ),
)
_SCOPE = planned_once(union_all(*(select(*part).where(term) for part, term in _PARTS)))


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
