"""The database engine and session factory, and migrations to the newest schema (Alembic).

A unit of work begins with ``sessions.begin()`` and is meant to write; a plain ``sessions()``
only reads. On SQLite, where one connection writes at a time, a unit of work takes the write
lock when it begins (``BEGIN IMMEDIATE``) and waits up to ``BUSY_TIMEOUT`` for it: writers
queue one behind the other instead of the later one failing with "database is locked" when it
first reads, then writes after another connection committed. Reads begin deferred and, in
WAL mode, never wait for a writer. PostgreSQL needs none of this.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, SessionTransactionOrigin, sessionmaker

from models.base import PLANNED_ONCE

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

BUSY_TIMEOUT = 30.0  # seconds a SQLite writer waits for the write lock before giving up
_WRITES = "nhacviec_writes"  # the execution option that makes a SQLite BEGIN take the lock
_writers: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file gets its folder, foreign keys, WAL and a busy wait."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            # Let SQLAlchemy, not the driver, begin transactions, so savepoints work.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # A plan of thousands of tasks outgrows the 2 MiB default: lists would read pages
            # from the OS again on every request.
            cursor.execute("PRAGMA cache_size=-32768")
            cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection):  # type: ignore[no-untyped-def]
            writes = connection.get_execution_options().get(_WRITES, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "do_execute")
        def _execute(cursor, statement, parameters, context):  # type: ignore[no-untyped-def]
            # The driver would prepare any statement run often, and after five runs
            # PostgreSQL may plan a prepared statement once for any values. How many rows an
            # agency's tasks or a window select varies a hundredfold, and the plan made for
            # no values in particular read a question's milestones at half the speed: a
            # statement is planned for its values each time, unprepared. Only one marked
            # PLANNED_ONCE (a row by its key, read for every update) is prepared and planned
            # once: planning the sender's account took 0.15 ms, running it 0.03 ms.
            prepare = bool(context.execution_options.get(PLANNED_ONCE, False))
            cursor.execute(statement, parameters, prepare=prepare)
            return True

    return engine


# The tables an import fills with thousands of rows, and every list and question reads.
PLAN_TABLES = ("task", "assignment", "milestone")


def settle(engine: Engine) -> None:
    """After an import has committed: on PostgreSQL, VACUUM the plan's tables. An agency's
    list and a question's counts read what they need from covering indexes, but PostgreSQL
    reads an index alone only for pages VACUUM has marked all-visible; until autovacuum comes
    round (a minute or more later, and then while people are asking), it reads the tasks'
    table whole instead. (The import's own ANALYZE has given the planner its statistics.)
    SQLite needs nothing: it reads a covering index alone at any time."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"VACUUM {', '.join(PLAN_TABLES)}")


def writer(engine: Engine) -> Engine:
    """``engine`` for transactions that write: on SQLite they begin by taking the write lock.
    The same pool and connections; one object per engine, so a session keeps one connection."""
    if engine.dialect.name != "sqlite" or engine.get_execution_options().get(_WRITES):
        return engine
    found = _writers.get(engine)
    if found is None:
        found = _writers[engine] = engine.execution_options(**{_WRITES: True})
    return found


class UnitOfWork(Session):
    """A session whose explicit transaction (``sessions.begin()``, ``session.begin()``) runs on
    the `writer` of its engine; what it reads without one (autobegin) begins deferred."""

    def get_bind(self, mapper: Any = None, **kwargs: Any) -> Any:
        bind = super().get_bind(mapper, **kwargs)
        transaction = self.get_transaction()
        explicit = transaction is not None and transaction.origin is SessionTransactionOrigin.BEGIN
        if explicit and isinstance(bind, Engine):
            return writer(bind)
        return bind


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, class_=UnitOfWork, expire_on_commit=False)


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = writer(engine)
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (what `nhacviec db upgrade` and start-up run)."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
