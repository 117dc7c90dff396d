"""Storing imported plans: one transaction, idempotent re-import, amendments that keep progress."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.demo import SAMPLE_PLAN
from models import AuditLog, Base, Milestone, Plan, Task
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from services.plans import import_plan
from tests.conftest import seed_path

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def directory() -> AgencyDirectory:
    return AgencyDirectory.load()


def _import(sessions, directory, data: bytes, name: str = "plan.txt"):  # type: ignore[no-untyped-def]
    imported = import_document(data, name, directory)
    with sessions.begin() as session:
        return import_plan(
            session,
            imported,
            source_name=name,
            sha256=hashlib.sha256(data).hexdigest(),
            directory=directory,
            now=NOW,
            actor="test",
        )


def _row_counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_seed_imports_once_and_again_changes_nothing(sessions, directory, prefix):
    data = seed_path(prefix).read_bytes()
    first = _import(sessions, directory, data)
    assert first.created
    with sessions() as session:
        stored = session.scalar(select(func.count(Task.id)).where(Task.plan_id == first.plan_id))
    assert stored == first.task_count == len(import_document(data, "p.txt", directory).tasks)
    before = _row_counts(sessions)

    again = _import(sessions, directory, data)
    assert again.unchanged and again.plan_id == first.plan_id
    assert _row_counts(sessions) == before


def test_an_amended_plan_updates_what_changed_and_keeps_progress(sessions, directory):
    original = SAMPLE_PLAN.read_text(encoding="utf-8")
    first = _import(sessions, directory, original.encode())
    with sessions.begin() as session:
        tasks = {
            t.slot: t for t in session.scalars(select(Task).where(Task.plan_id == first.plan_id))
        }
        kept = tasks["II|1"]
        kept.progress_percent = 60
        kept.milestones[0].completed_on = date(2026, 2, 1)
        assert "I|2" in tasks and "IV|3" in tasks

    amended = (
        original.replace(
            "Tổ chức kiểm tra công tác cải cách hành chính tại các cơ quan, địa phương",
            "Tổ chức kiểm tra công tác cải cách hành chính tại 30% cơ quan, địa phương",
        )
        .replace(
            "3\tHướng dẫn thực hiện chỉ tiêu cải cách hành chính theo quy định của Trung ương"
            "\tVăn bản hướng dẫn\tSở Nội vụ\tCác cơ quan, đơn vị có liên quan"
            "\tTheo quy định của Trung ương\n",
            "",
        )
        .replace(
            "\tQuý II/2026\n",
            "\tQuý II/2026\n4\tRà soát quy trình nội bộ giải quyết TTHC\tQuyết định phê duyệt"
            "\tVăn phòng UBND tỉnh\tCác Sở, ban, ngành\tQuý III/2026\n",
            1,
        )
    )
    assert amended != original
    report = _import(sessions, directory, amended.encode())

    assert not report.created and not report.unchanged
    assert report.changed == ["I|2"]
    assert report.removed == ["IV|3"]
    assert report.added == ["III|4"]
    with sessions() as session:
        kept_again = session.scalar(select(Task).where(Task.slot == "II|1"))
        assert kept_again.progress_percent == 60
        assert kept_again.milestones[0].completed_on == date(2026, 2, 1)
        removed = session.scalar(select(Task).where(Task.slot == "IV|3"))
        assert removed.removed_at is not None
        changed = session.scalar(select(Task).where(Task.slot == "I|2"))
        assert "30%" in changed.title
        actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
        assert actions == ["plan.import", "plan.amend"]
        assert session.scalar(select(func.count(Plan.id))) == 1


def test_every_dated_milestone_is_stored_with_its_date(sessions, directory):
    data = SAMPLE_PLAN.read_bytes()
    imported = import_document(data, "ke_hoach_mau.txt", directory)
    report = _import(sessions, directory, data)
    expected = sorted(
        m.due for t in imported.tasks for m in t.deadline.milestones if m.due is not None
    )
    with sessions() as session:
        stored = sorted(
            session.scalars(
                select(Milestone.due)
                .join(Task)
                .where(Task.plan_id == report.plan_id, Milestone.due.is_not(None))
            )
        )
    assert stored == expected and len(stored) >= 10
