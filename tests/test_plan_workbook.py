"""The correction loop: the plan exported as read, corrected in a spreadsheet, applied back."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import main
from bot.demo import SAMPLE_PLAN
from bot.settings import get_settings
from i18n import LANGUAGES, translations, use_language
from models import AuditLog, Milestone, OfficialRole, Role, Task
from planning.errors import BadDocument
from planning.workbook import read_workbook
from services.plan_workbook import apply_workbook, export_plan
from tests.world import World

GETTEXTS = [translations(language).gettext for language in LANGUAGES]


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    return World.build(sessions, tmp_path)


def exported(world: World) -> openpyxl.Workbook:
    with world.app.sessions() as session, use_language("vi"):
        data = export_plan(session, world.plan_id, translations("vi").gettext)
    return openpyxl.load_workbook(io.BytesIO(data))


def saved(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def apply(world: World, book: openpyxl.Workbook):  # type: ignore[no-untyped-def]
    sheet = read_workbook(saved(book), GETTEXTS)
    with world.app.sessions.begin() as session:
        return apply_workbook(
            session, sheet, world.plan_id, directory=world.app.directory, now=world.now, actor="t"
        )


def row_of(sheet, number: str, section: str):  # type: ignore[no-untyped-def]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        values = dict(zip(header, (c.value for c in row), strict=False))
        if values["TT"] == number and values["Phần"] == section:
            return {h: c for h, c in zip(header, row, strict=False)}
    raise AssertionError(f"no row {section}.{number}")


def task(world: World, slot: str) -> Task:
    with world.app.sessions() as session:
        found = session.scalar(select(Task).where(Task.plan_id == world.plan_id, Task.slot == slot))
        assert found is not None
        _ = [(a.role, a.agency.name) for a in found.assignments], list(found.milestones)
        return found


def test_a_workbook_applied_unchanged_changes_nothing(world: World) -> None:
    report = apply(world, exported(world))
    assert (report.added, report.changed, report.removed) == ([], [], [])


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("Nhiệm vụ", "Rà soát quy trình nội bộ", "title"),
        ("Mục tiêu", "Giảm thời gian giải quyết", "objective"),
        ("Sản phẩm", "Báo cáo", "product"),
        ("Thời gian hoàn thành (theo văn bản)", "Quý III/2026", "deadline_text"),
        ("Kinh phí (triệu đồng)", 12.5, "budget_million_vnd"),
        ("Hoạt động", 2, "activity_index"),
        ("TT", "7", "number"),
        ("Cơ quan chủ trì", "Văn phòng UBND tỉnh", "lead"),
        ("Cơ quan phối hợp", None, "support"),
        ("Mốc 1", "15/11/2026", "milestones"),
        ("Mốc 1", None, "milestones"),
        ("Mốc 2", "01/12/2026", "milestones"),
    ],
)
def test_each_kind_of_correction_is_applied_and_audited(
    world: World, column: str, value: object, field: str
) -> None:
    """Applying compares each row with the stored task before loading it: every cell a
    coordinator may correct is found changed, and only its task is; the corrected plan
    exported and applied again changes nothing."""
    book = exported(world)
    row_of(book.worksheets[0], "1", "II")[column].value = value
    report = apply(world, book)
    assert (report.added, report.changed, report.removed) == ([], ["II|1"], [])
    with world.app.sessions() as session:
        entry = session.scalars(select(AuditLog).where(AuditLog.action == "plan.correct")).one()
        assert entry.after["changed"] == {"II|1": [field]}  # type: ignore[index]
    again = apply(world, exported(world))
    assert (again.added, again.changed, again.removed) == ([], [], [])


def test_the_sheet_shows_each_task_with_its_agencies_and_dates(world: World) -> None:
    sheet = exported(world).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Mã (không sửa)", "Phần", "TT", "Hoạt động", "Nhiệm vụ"]
    row = row_of(sheet, "2", "I")
    assert row["Cơ quan chủ trì"].value == "Sở Nội vụ"
    assert row["Cơ quan phối hợp"].value == "Văn phòng UBND tỉnh; Sở Tư pháp"
    assert row["Mốc 1"].value == datetime(2026, 11, 30)
    assert sheet.column_dimensions["A"].hidden


def test_corrections_are_applied_and_progress_is_kept(world: World) -> None:
    world.register("cb", "Sở Tư pháp", OfficialRole.FOCAL)
    world.send("cb", button=f"1:pct:{world.task_id('II|2')}:40")
    world.send("cb", text="đã kiểm tra 12 văn bản")
    book = exported(world)
    sheet = book.worksheets[0]
    row_of(sheet, "2", "II")["Cơ quan chủ trì"].value = "Sở Tư pháp; Văn phòng UBND tỉnh"
    row_of(sheet, "1", "II")["Mốc 1"].value = "15/11/2026"
    sheet.delete_rows(row_of(sheet, "1", "III")["TT"].row)
    sheet.append([None, "IV", "9", None, "Tập huấn sử dụng Hệ thống thông tin giải quyết TTHC"])
    added_row = sheet.max_row
    header = [c.value for c in sheet[1]]
    sheet.cell(added_row, header.index("Cơ quan chủ trì") + 1, "Sở Khoa học và Công nghệ")
    sheet.cell(added_row, header.index("Mốc 1") + 1, date(2026, 9, 30))

    report = apply(world, book)
    assert report.changed == ["II|1", "II|2"] and report.removed == ["III|1"]
    assert report.added == ["IV|9"]
    corrected = task(world, "II|2")
    assert [a.agency.name for a in corrected.assignments if a.role == Role.LEAD] == [
        "Sở Tư pháp",
        "Văn phòng UBND tỉnh",
    ]
    assert corrected.progress_percent == 40
    [deadline] = task(world, "II|1").milestones
    assert (deadline.due, deadline.original_due) == (date(2026, 11, 15), date(2026, 11, 15))
    new = task(world, "IV|9")
    assert [m.due for m in new.milestones] == [date(2026, 9, 30)]
    assert new.section_title == task(world, "IV|1").section_title
    assert task(world, "III|1").removed_at is not None
    with world.app.sessions() as session:
        entry = session.scalars(select(AuditLog).where(AuditLog.action == "plan.correct")).one()
        assert entry.after["changed"]["II|1"] == ["milestones"]  # type: ignore[index]


def test_a_correction_survives_the_same_document_imported_again(
    world: World, tmp_path: Path
) -> None:
    book = exported(world)
    row_of(book.worksheets[0], "2", "II")["Cơ quan chủ trì"].value = "Văn phòng UBND tỉnh"
    apply(world, book)
    import hashlib

    from planning.importer import import_document
    from services.plans import import_plan

    data = SAMPLE_PLAN.read_bytes()
    with world.app.sessions.begin() as session:
        report = import_plan(
            session,
            import_document(data, SAMPLE_PLAN.name, world.app.directory),
            source_name=SAMPLE_PLAN.name,
            sha256=hashlib.sha256(data).hexdigest(),
            directory=world.app.directory,
            now=world.now,
            actor="t",
        )
    assert report.unchanged
    corrected = task(world, "II|2")
    assert [a.agency.name for a in corrected.assignments if a.role == Role.LEAD] == [
        "Văn phòng UBND tỉnh"
    ]


def test_a_date_that_is_not_a_date_refuses_the_workbook_and_writes_nothing(world: World) -> None:
    book = exported(world)
    row_of(book.worksheets[0], "1", "II")["Mốc 1"].value = "cuối năm"
    with pytest.raises(BadDocument) as refused:
        apply(world, book)
    assert "cuối năm" in refused.value.render()
    with world.app.sessions() as session:
        assert session.scalar(select(Milestone.due).join(Task).where(Task.slot == "II|1")) == date(
            2026, 12, 31
        )


def test_a_title_that_looks_like_a_formula_stays_text(world: World) -> None:
    with world.app.sessions.begin() as session:
        found = session.scalar(select(Task).where(Task.slot == "I|1"))
        assert found is not None
        found.title = '=HYPERLINK("http://example.invalid","bấm vào đây")'
    cell = row_of(exported(world).worksheets[0], "1", "I")["Nhiệm vụ"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_command_line_exports_and_applies(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "vi")
    get_settings.cache_clear()
    try:
        assert main(["plan", "import", str(SAMPLE_PLAN)]) == 0
        out = tmp_path / "sua.xlsx"
        assert main(["plan", "export", "1", "--out", str(out)]) == 0
        book = openpyxl.load_workbook(out)
        row_of(book.worksheets[0], "1", "II")["Mốc 1"].value = "01/12/2026"
        book.save(out)
        capsys.readouterr()
        assert main(["plan", "import", str(out), "--plan", "1", "--dry-run"]) == 0
        assert "sửa 1, bỏ 0" in capsys.readouterr().out
        assert main(["plan", "export", "1", "--out", str(tmp_path / "again.xlsx")]) == 0
        again = openpyxl.load_workbook(tmp_path / "again.xlsx")
        assert row_of(again.worksheets[0], "1", "II")["Mốc 1"].value == datetime(2026, 12, 31)
        assert main(["plan", "import", str(out), "--plan", "2"]) == 2  # the wrong plan
        assert main(["plan", "import", str(out), "--plan", "1"]) == 0
        assert "sửa 1, bỏ 0" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()
