"""Agencies (cơ quan, đơn vị), their aliases, groups and successors after a merger."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base


class AgencyLevel(StrEnum):
    CENTRAL = "central"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"
    OTHER = "other"


class Agency(Base):
    """An agency; a group (collective assignee such as "Các Sở, ban, ngành") has members.

    ``verified`` is False for a name the directory did not know: it was kept as written.
    ``successor`` is the agency that took over after a merger from ``successor_from``.
    """

    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(20), default=AgencyLevel.OTHER)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    verified: Mapped[bool] = mapped_column(Boolean, default=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    successor_from: Mapped[date | None] = mapped_column(Date)
    dissolved_from: Mapped[date | None] = mapped_column(Date)

    aliases: Mapped[list[AgencyAlias]] = relationship(
        back_populates="agency", cascade="all, delete-orphan"
    )
    successor: Mapped[Agency | None] = relationship(
        remote_side="Agency.id", foreign_keys=[successor_id]
    )

    def current(self, on: date) -> Agency:
        """The agency that answers for this one on ``on``, following mergers in force then."""
        agency: Agency = self
        seen = {agency.id}
        while (
            agency.successor is not None
            and agency.successor_from is not None
            and agency.successor_from <= on
            and agency.successor.id not in seen
        ):
            agency = agency.successor
            seen.add(agency.id)
        return agency


def answering_on(links: Iterable[tuple[int, int | None, date | None]], on: date) -> dict[int, int]:
    """agency id -> the agency answering for it on ``on``, from (id, successor, since)
    columns: ``Agency.current`` for every agency at once, without loading an entity each."""
    links = list(links)
    successor = {a: s for a, s, since in links if s is not None and since and since <= on}
    answering = {}
    for agency, *_ in links:
        seen, current = {agency}, agency
        while current in successor and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        answering[agency] = current
    return answering


class AgencyAlias(Base):
    """Another way a plan writes an agency's name ("Sở TTTT"); ``folded`` is accent-free."""

    __tablename__ = "agency_alias"
    __table_args__ = (UniqueConstraint("folded"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    folded: Mapped[str] = mapped_column(String(300))

    agency: Mapped[Agency] = relationship(back_populates="aliases")


class AgencyGroupMember(Base):
    """Membership of an agency in a group ("Các Sở, ban, ngành" -> each Sở)."""

    __tablename__ = "agency_group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("agency.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("agency.id", ondelete="CASCADE"), primary_key=True
    )
