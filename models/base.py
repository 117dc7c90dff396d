"""The declarative base, a naming convention for constraints, a UTC timestamp type, and the mark
of a statement PostgreSQL may plan once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import DateTime, Executable, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The execution option of a statement whose best plan is the same whatever its values (a row
# found by its key, the plan's version): on PostgreSQL it is prepared, and planned once for
# the connection (``bot.db``). Every other statement is planned for its values each time.
PLANNED_ONCE = "nhacviec_planned_once"

_Statement = TypeVar("_Statement", bound=Executable)


def planned_once(statement: _Statement) -> _Statement:
    """``statement``, marked ``PLANNED_ONCE``."""
    return statement.execution_options(**{PLANNED_ONCE: True})


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant stored as UTC, the same on SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
