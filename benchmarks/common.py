"""A measured figure with its goal, printed as one line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """A figure; ``goal`` None for one reported as a reference (a floor, a count)."""

    name: str
    value: float
    unit: str
    goal: float | None
    lower_is_better: bool = True

    @property
    def met(self) -> bool:
        if self.goal is None:
            return True
        return self.value <= self.goal if self.lower_is_better else self.value >= self.goal

    def line(self) -> str:
        figure = f"{self.value:>12.3f} {self.unit:<10}"
        if self.goal is None:
            return f"{self.name:<60} {figure}"
        sign = "<=" if self.lower_is_better else ">="
        verdict = "ok" if self.met else "MISSED"
        return f"{self.name:<60} {figure} goal {sign} {self.goal:g}  {verdict}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def postgres_server() -> str | None:
    """A PostgreSQL server to measure on too: BENCH_DATABASE_URL, else TEST_DATABASE_URL."""
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")


@contextmanager
def scratch_postgres(server_url: str) -> Iterator[str]:
    """A new empty database on ``server_url`` for one benchmark, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"nhacviec_bench_{uuid.uuid4().hex[:10]}"
    base = make_url(server_url).set(drivername="postgresql+psycopg")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
