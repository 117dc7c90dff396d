"""Shared fixtures: the real seed plans (skipped cleanly where absent)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, make_sessionmaker, upgrade
from models import Base

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed plan whose file name starts with ``prefix`` ("000" .. "004"); skip if absent."""
    if not SEEDS.is_dir():
        pytest.skip("the seed plans (../shared/seeds) are not here")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is not here")
    return matches[0]


def seed_lines(prefix: str) -> list[str]:
    return seed_path(prefix).read_text(encoding="utf-8").splitlines()


# --- databases: every database test runs on a SQLite file, and on PostgreSQL where
# TEST_DATABASE_URL names a server (CI starts one).


BACKENDS = ["sqlite", "postgresql"]


def _postgres_engine() -> Iterator[Engine]:
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        pytest.skip("TEST_DATABASE_URL is not set: no PostgreSQL server to test against")
    name = f"nhacviec_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        make_url(server_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(server_url).set(database=name).render_as_string(False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A migrated database of each backend, shared by the session and emptied after each test."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "nhacviec.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        yield engine
        engine.dispose()
    else:
        for engine in _postgres_engine():
            upgrade(engine)
            yield engine


@pytest.fixture
def sessions(engine: Engine) -> Iterator[sessionmaker[Session]]:
    yield make_sessionmaker(engine)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))
