"""Only one process leads the schedules on PostgreSQL; on SQLite the one process always does."""

from __future__ import annotations

from jobs.leader import Leadership


def test_one_leader_at_a_time(engine):
    first, second = Leadership(engine), Leadership(engine)
    try:
        assert first.is_leader()
        if engine.dialect.name == "postgresql":
            assert not second.is_leader()
            first.release()
            assert second.is_leader()
            assert not first.is_leader()
        else:
            assert second.is_leader()
    finally:
        first.release()
        second.release()
