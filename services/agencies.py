"""Keeping the agency table in step with the directory, and finding the row for a resolved name."""

from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from i18n import N_
from models import Agency, AgencyAlias, AgencyGroupMember
from planning.agencies import Agency as DirectoryEntry
from planning.agencies import AgencyDirectory, Resolution
from planning.text import fold
from services.access import scope_changed
from services.errors import UserError


def sync_directory(session: Session, directory: AgencyDirectory) -> dict[str, Agency]:
    """Upsert every directory agency by key, with aliases, groups and successors; rows by key."""
    scope_changed(session)
    rows = {a.key: a for a in session.scalars(select(Agency))}
    entries = list(directory.agencies())
    for entry in entries:
        row = rows.get(entry.key)
        if row is None:
            row = Agency(key=entry.key, name=entry.name)
            session.add(row)
            rows[entry.key] = row
        row.name = entry.name
        row.short_name = entry.short_name
        row.level = entry.level
        row.is_group = entry.is_group
        row.verified = True
        row.successor_from = entry.successor_from
        row.dissolved_from = getattr(entry, "dissolved_from", None)
    session.flush()
    for entry in entries:
        row = rows[entry.key]
        row.parent_id = rows[entry.parent].id if entry.parent else None
        row.successor_id = rows[entry.successor].id if entry.successor else None
    _sync_aliases(session, entries, rows)
    _sync_members(session, entries, rows)
    return rows


def _sync_aliases(session: Session, entries: list[DirectoryEntry], rows: dict[str, Agency]) -> None:
    wanted: dict[str, tuple[int, str]] = {}
    for entry in entries:
        for alias in (entry.name, entry.short_name, *entry.aliases):
            if alias and fold(alias) not in wanted:
                wanted[fold(alias)] = (rows[entry.key].id, alias)
    existing = {a.folded: a for a in session.scalars(select(AgencyAlias))}
    for folded, (agency_id, alias) in wanted.items():
        row = existing.get(folded)
        if row is None:
            session.add(AgencyAlias(agency_id=agency_id, alias=alias, folded=folded))
        elif row.agency_id != agency_id or row.alias != alias:
            row.agency_id, row.alias = agency_id, alias


def _sync_members(session: Session, entries: list[DirectoryEntry], rows: dict[str, Agency]) -> None:
    wanted = {
        (rows[e.key].id, rows[m].id) for e in entries if e.is_group for m in e.members if m in rows
    }
    existing = {(m.group_id, m.member_id) for m in session.scalars(select(AgencyGroupMember))}
    directory_groups = {rows[e.key].id for e in entries if e.is_group}
    for group_id, member_id in existing - wanted:
        if group_id in directory_groups:
            session.execute(
                delete(AgencyGroupMember).where(
                    AgencyGroupMember.group_id == group_id,
                    AgencyGroupMember.member_id == member_id,
                )
            )
    for group_id, member_id in wanted - existing:
        session.add(AgencyGroupMember(group_id=group_id, member_id=member_id))


def agency_for(session: Session, resolution: Resolution, rows: dict[str, Agency]) -> Agency:
    """The row of a resolved name; a name the directory lacks becomes an unverified agency."""
    if resolution.agency is not None:
        return rows[resolution.agency.key]
    key = "unverified-" + re.sub(r"[^a-z0-9]+", "-", fold(resolution.name)).strip("-")[:100]
    row = rows.get(key)
    if row is None:
        row = Agency(key=key, name=resolution.name, verified=False, level="other")
        session.add(row)
        rows[key] = row
    return row


UNKNOWN_AGENCY = N_("No agency matches %(name)s.")


def find_agency(session: Session, directory: AgencyDirectory, text: str) -> Agency:
    """The agency a person named ("Sở TTTT", "so tu phap"), through the directory's resolver."""
    rows = sync_directory(session, directory)
    resolution = directory.resolve(text)
    if resolution.agency is not None:
        return rows[resolution.agency.key]
    row = session.scalar(select(Agency).where(Agency.name == text.strip()))
    if row is None:
        raise UserError(UNKNOWN_AGENCY, name=text)
    return row
