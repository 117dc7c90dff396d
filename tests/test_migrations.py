"""The migrations build exactly the schema the models describe, on every backend, and bring
the rows stored before them along."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

from bot.db import alembic_config, make_engine, make_sessionmaker
from bot.demo import SAMPLE_PLAN
from models import Base
from tests.conftest import BACKENDS, _postgres_engine
from tests.world import World


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


@pytest.fixture(params=BACKENDS)
def bare(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each backend, for a test that runs the migrations itself."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'bare.db'}")
        yield engine
        engine.dispose()
    else:
        yield from _postgres_engine()


def test_a_task_stored_without_milestones_gets_one_undated(bare: Engine, tmp_path: Path) -> None:
    """Migration 0009: a task imported before it, from an empty deadline cell, had none. (The
    plan is imported by today's code, then the schema taken back to 0008.)"""
    config = alembic_config(bare)
    command.upgrade(config, "head")
    sessions = make_sessionmaker(bare)
    world = World.build(sessions, tmp_path, plan=SAMPLE_PLAN)
    world.import_text(
        SAMPLE_PLAN.read_text().replace("\tUBND cấp xã\tThường xuyên", "\tUBND cấp xã\t"),
        SAMPLE_PLAN.name,
    )
    bare_task = world.task_id("II|2")
    with bare.begin() as connection:  # as the import before 0009 stored it
        connection.execute(text("DELETE FROM milestone WHERE task_id = :t"), {"t": bare_task})
        before = connection.scalar(text("SELECT count(*) FROM milestone"))
    command.downgrade(config, "0008")

    command.upgrade(config, "head")
    with bare.connect() as connection:
        rows = connection.execute(
            text("SELECT position, label, due, completed_on FROM milestone WHERE task_id = :t"),
            {"t": bare_task},
        ).all()
        assert [tuple(r) for r in rows] == [(0, "", None, None)]
        assert connection.scalar(text("SELECT count(*) FROM milestone")) == before + 1

    command.downgrade(config, "0008")
    with bare.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM milestone")) == before


def test_going_back_to_the_first_schema_keeps_the_rows(bare: Engine, tmp_path: Path) -> None:
    """Every downgrade that drops a column keeps the table's rows and the rows that refer to
    them (a batch copy of a table on SQLite would drop it, and its children with it)."""
    config = alembic_config(bare)
    command.upgrade(config, "head")
    world = World.build(make_sessionmaker(bare), tmp_path, plan=SAMPLE_PLAN)
    world.register("coord", "Sở Nội vụ")
    tables = ("task", "milestone", "assignment", "official", "channel_account")

    def counts() -> dict[str, int]:
        with bare.connect() as connection:
            return {t: connection.scalar(text(f"SELECT count(*) FROM {t}")) or 0 for t in tables}

    stored = counts()
    assert all(stored.values()), stored
    command.downgrade(config, "0001")
    assert counts() == stored
