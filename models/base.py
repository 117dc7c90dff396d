"""The declarative base, a naming convention for constraints, a UTC timestamp type, the mark
of a statement PostgreSQL may plan once, and the reading of plain columns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import CursorResult, DateTime, Executable, MetaData
from sqlalchemy.orm import DeclarativeBase, Session
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


def columns(
    session: Session, statement: Executable, values: Mapping[str, Any] | None = None
) -> CursorResult[Any]:
    """The rows of ``statement``, a select of columns (no entity), read on the session's
    connection: what ``session.execute`` gives for it, without the ORM's handling of a
    result, which only wraps the columns (about 0.05-0.15 ms a statement). What the session
    has pending is flushed first, as ``session.execute`` would."""
    if session.autoflush:
        session.flush()
    return session.connection().execute(statement, values)


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
