"""Storing imported plans: one transaction, idempotent re-import, amendments that keep progress."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.db import PLAN_TABLES, settle
from bot.demo import SAMPLE_PLAN
from models import AuditLog, Base, Milestone, Plan, Role, Task
from models.base import planned_once
from planning.agencies import AgencyDirectory
from planning.importer import ImportedPlan, import_document
from services.plans import NO_DEADLINE, import_plan
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


_TWO_TABLES = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 512/KH-UBND
KẾ HOẠCH
Thực hiện cải cách hành chính trong chính quyền địa phương hai cấp năm 2026
{heading}
TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành
1\tHướng dẫn UBND cấp xã vận hành bộ máy sau sắp xếp\tSở Nội vụ\tQuý I/2026
2\tChuẩn hóa dữ liệu thủ tục hành chính cấp xã\tVăn phòng UBND tỉnh\tQuý II/2026

II. NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU

TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành
1\tKiện toàn Trung tâm Phục vụ hành chính công\tUBND các xã, phường, đặc khu\tTháng 3/2026
"""


def test_tasks_stored_under_no_section_are_found_again_under_their_tables_heading(
    sessions, directory
):
    """A plan stored while its first table's heading went unread, amended with it read (or
    written in), keeps its tasks and their progress: they only move into section I."""
    first = _import(sessions, directory, _TWO_TABLES.format(heading="").encode())
    with sessions.begin() as session:
        tasks = {t.slot: t for t in session.scalars(select(Task))}
        assert set(tasks) == {"-|1", "-|2", "II|1"}
        tasks["-|1"].progress_percent = 40
        ids = {slot: task.id for slot, task in tasks.items()}

    heading = "I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH"
    report = _import(sessions, directory, _TWO_TABLES.format(heading=heading).encode())

    assert (report.added, report.removed) == ([], [])
    assert report.changed == ["I|1", "I|2"]
    with sessions() as session:
        tasks = {
            t.slot: t for t in session.scalars(select(Task).where(Task.plan_id == first.plan_id))
        }
        assert set(tasks) == {"I|1", "I|2", "II|1"}
        assert (tasks["I|1"].id, tasks["I|1"].progress_percent) == (ids["-|1"], 40)
        assert (tasks["I|1"].section, tasks["I|1"].section_title) == ("I", heading[3:])
        assert all(t.removed_at is None for t in tasks.values())


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


def _as_read(imported: ImportedPlan) -> list[tuple[object, ...]]:
    """Each task as the document reads it: its columns, its agencies by role, its deadlines."""
    rows = []
    for position, item in enumerate(imported.tasks):
        raw = item.raw
        agencies = sorted(
            (role.value, n, r.agency.name if r.agency else r.name, r.as_written)
            for role, resolutions in ((Role.LEAD, item.lead), (Role.SUPPORT, item.support))
            for n, r in enumerate(resolutions)
        )
        milestones = [
            (n, m.label, m.level, m.period, m.due, m.due)
            # A task the document gives no deadline has one, undated.
            for n, m in enumerate(item.deadline.milestones or (NO_DEADLINE,))
        ]
        rows.append(
            (item.slot, position, raw.section, raw.section_title, raw.number, raw.parent)
            + (raw.activity_index, raw.title, raw.objective, raw.product, raw.lead_text)
            + (raw.support_text, raw.deadline_text, item.deadline.kind, raw.budget_million_vnd)
            + (item.content_hash, agencies, milestones)
        )
    return rows


def _as_stored(sessions: sessionmaker[Session], plan_id: int) -> list[tuple[object, ...]]:
    """The plan's live tasks as stored, in the shape of ``_as_read``."""
    with sessions() as session:
        tasks = session.scalars(
            select(Task)
            .where(Task.plan_id == plan_id, Task.removed_at.is_(None))
            .order_by(Task.position)
        )
        return [
            (t.slot, t.position, t.section, t.section_title, t.number, t.parent_number)
            + (t.activity_index, t.title, t.objective, t.product, t.lead_as_written)
            + (t.support_as_written, t.deadline_text, t.deadline_kind, t.budget_million_vnd)
            + (
                t.content_hash,
                sorted((a.role, a.position, a.agency.name, a.as_written) for a in t.assignments),
                [
                    (m.position, m.label, m.level, m.period, m.due, m.original_due)
                    for m in t.milestones
                ],
            )
            for t in tasks
        ]


def _audited(sessions: sessionmaker[Session]) -> list[tuple[str, object]]:
    with sessions() as session:
        entries = session.scalars(select(AuditLog).order_by(AuditLog.id))
        return [
            (e.action, {k: e.after[k] for k in ("added", "changed", "removed")}) for e in entries
        ]  # type: ignore[index]


def _amended(text: str) -> str:
    """``text`` with every seventh line after the header dropped and every fifth rewritten."""
    lines = text.splitlines()
    return "\n".join(
        line.replace("2025", "2026").replace("Sở", "Sở ") if n % 5 == 0 else line
        for n, line in enumerate(lines)
        if n <= 20 or n % 7
    )


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_what_is_stored_is_the_document_as_read_through_amendments(sessions, directory, prefix):
    """A plan stored, amended and amended back holds, each time, exactly the tasks, agencies
    and deadlines the latest document reads, and the audit log says what changed."""
    original = seed_path(prefix).read_text(encoding="utf-8")
    amended = _amended(original)
    readings = [import_document(v.encode(), "p.txt", directory) for v in (original, amended)]
    slots = [[t.slot for t in reading.tasks] for reading in readings]

    first = _import(sessions, directory, original.encode())
    assert _as_stored(sessions, first.plan_id) == _as_read(readings[0])
    second = _import(sessions, directory, amended.encode())
    assert _as_stored(sessions, first.plan_id) == _as_read(readings[1])
    assert second.removed == [s for s in slots[0] if s not in slots[1]]
    assert second.added == [s for s in slots[1] if s not in slots[0]]
    third = _import(sessions, directory, original.encode())
    assert _as_stored(sessions, first.plan_id) == _as_read(readings[0])
    assert set(second.removed) <= set(third.changed)

    assert _audited(sessions) == [
        ("plan.import", {"added": slots[0], "changed": [], "removed": []}),
        (
            "plan.amend",
            {"added": second.added, "changed": second.changed, "removed": second.removed},
        ),
        ("plan.amend", {"added": third.added, "changed": third.changed, "removed": third.removed}),
    ]
    assert second.changed and second.removed and third.changed


def test_an_amendment_keeps_completed_deadlines_and_extensions(sessions, directory):
    """A rewritten task keeps the milestones it still has, with their completion and any
    extension; a completed milestone the document no longer writes stays, an open one goes."""
    original = SAMPLE_PLAN.read_text(encoding="utf-8")
    first = _import(sessions, directory, original.encode())
    with sessions.begin() as session:
        tasks = {t.slot: t for t in session.scalars(select(Task))}
        quarterly = tasks["I|3"].milestones
        quarterly[0].completed_on = quarterly[1].completed_on = date(2026, 3, 20)
        quarterly[2].due = date(2026, 10, 15)
        tasks["II|1"].milestones[0].completed_on = date(2026, 2, 1)
    amended = (
        original.replace("Báo cáo kết quả thực hiện Kế hoạch", "Báo cáo thực hiện Kế hoạch")
        .replace("\tTháng 12/2026", "\tTháng 11/2026")
        .replace("\tQuý IV/2026", "\tQuý III/2026")
    )
    report = _import(sessions, directory, amended.encode())

    assert report.changed == ["I|3", "II|1", "III|2"]
    with sessions() as session:
        tasks = {
            t.slot: t for t in session.scalars(select(Task).where(Task.plan_id == first.plan_id))
        }
        assert [
            (m.period, m.completed_on, m.due, m.original_due) for m in tasks["I|3"].milestones
        ] == [
            ("2026-Q1", date(2026, 3, 20), date(2026, 3, 31), date(2026, 3, 31)),
            ("2026-Q2", date(2026, 3, 20), date(2026, 6, 30), date(2026, 6, 30)),
            ("2026-Q3", None, date(2026, 10, 15), date(2026, 9, 30)),
            ("2026-Q4", None, date(2026, 12, 31), date(2026, 12, 31)),
        ]
        assert sorted((m.label, m.completed_on) for m in tasks["II|1"].milestones) == [
            ("Tháng 11/2026", None),
            ("Tháng 12/2026", date(2026, 2, 1)),
        ]
        assert [(m.label, m.due) for m in tasks["III|2"].milestones] == [
            ("Quý III/2026", date(2026, 9, 30))
        ]


def _planned_tasks(session: Session) -> float | None:
    """How many rows of ``task`` the query planner believes there are."""
    if session.get_bind().dialect.name == "sqlite":
        stat = session.scalar(
            text("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_task_plan_number'")
        )
        return None if stat is None else float(stat.split()[0])
    return session.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'task'"))


def test_after_an_import_the_query_planner_knows_how_many_tasks_there_are(sessions, directory):
    # Without it SQLite reads a whole plan's tasks where a question names a few hundred.
    with sessions.begin() as session:
        session.execute(text("ANALYZE"))  # the emptied tables
        assert not _planned_tasks(session)

    report = _import(sessions, directory, SAMPLE_PLAN.read_bytes())

    with sessions() as session:
        assert _planned_tasks(session) == report.task_count > 1


def test_postgresql_plans_each_run_of_a_statement_for_its_values(engine):
    # A plan made once for any values read a question's milestones at half the speed; only a
    # statement marked as planned once (a row by its key) is prepared and its plan kept.
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL setting")
    by_plan = select(func.count(Task.id)).where(Task.plan_id == bindparam("plan"))
    by_key = planned_once(select(Plan.id).where(Plan.id == bindparam("plan")))
    prepared = text("SELECT statement FROM pg_prepared_statements")
    with engine.connect() as connection:
        for _ in range(10):  # the driver prepares a statement after its fifth run
            connection.execute(by_plan, {"plan": 1})
            connection.execute(by_key, {"plan": 1})
        statements = connection.scalars(prepared).all()
    assert [s for s in statements if "FROM plan" in s] != []
    assert [s for s in statements if "FROM task" in s] == []


def test_settling_an_import_lets_postgresql_read_the_plan_from_its_indexes_alone(
    engine, sessions, directory
):
    """PostgreSQL reads a covering index alone only for the pages VACUUM has marked
    all-visible: before `settle`, none of a new plan's are; after it, all are."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite reads a covering index alone at any time")
    _import(sessions, directory, SAMPLE_PLAN.read_bytes())

    def pages() -> dict[str, tuple[int, int]]:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT relname, relpages, relallvisible FROM pg_class"
                    " WHERE relname = ANY(:tables)"
                ),
                {"tables": list(PLAN_TABLES)},
            )
            return {name: (total, visible) for name, total, visible in rows}

    before = pages()
    assert set(before) == set(PLAN_TABLES)
    assert all(total > 0 and visible == 0 for total, visible in before.values()), before
    settle(engine)
    assert all(visible == total > 0 for total, visible in pages().values()), pages()
