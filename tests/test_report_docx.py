"""The report to the People's Committee as a Word document: laid out as Nghị định 30/2020/NĐ-CP
sets, counting the period's deadlines, the targets with the values reported by chat, the
overdue tasks with their explanations; offered by /xuatbaocao, written by `nhacviec report`,
and opened by LibreOffice where it is installed."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import main
from bot.settings import get_settings
from handlers import actions
from handlers.messages import Reply
from i18n import use_language
from models import Milestone, Official, OfficialRole, Task
from planning.reporting import ReportPeriod
from services import report_docx, review
from tests.conftest import seed_path
from tests.world import VN, World

AFTER_Q1 = datetime(2026, 4, 7, 9, 0, tzinfo=VN)


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("vp", "Văn phòng UBND tỉnh", name="Cán bộ Văn phòng")
    world.register("noivu", "Sở Nội vụ", name="Cán bộ Nội vụ")
    world.register("dieuphoi", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")
    return world


def report(world: World, code: str, now: datetime = AFTER_Q1) -> docx.document.Document:
    with world.app.sessions() as session, use_language("vi"):
        data = report_docx.build_report(session, world.plan_id, ReportPeriod.parse(code), now)  # type: ignore[arg-type]
    return docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_report_is_laid_out_as_an_administrative_document(world: World) -> None:
    document = report(world, "2026-Q1")
    first, appendix = document.sections

    def cm(*lengths: object) -> list[float]:
        return [round(length.cm, 1) for length in lengths]  # type: ignore[attr-defined]

    assert cm(first.page_width, first.page_height) == [21.0, 29.7]  # A4
    assert cm(first.top_margin, first.bottom_margin) == [2.0, 2.0]
    assert cm(first.left_margin, first.right_margin) == [3.0, 1.5]
    assert appendix.page_width > appendix.page_height  # the appendix on landscape pages
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14

    issuer, nation = (cell.text.split("\n") for cell in document.tables[0].rows[0].cells)
    assert issuer[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH AN THỊNH"]
    assert "Số:      /BC-UBND" in issuer
    assert nation[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert nation[-1] == "An Thịnh, ngày ... tháng ... năm 2026"

    text = all_text(document)
    for heading in (
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
        "Thực hiện Kế hoạch số 15/KH-UBND",
        "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH",
        "II. TỶ LỆ HOÀN THÀNH ĐÚNG HẠN CỦA CÁC CƠ QUAN",
        "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "IV. NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ GIẢI TRÌNH",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "PHỤ LỤC",
    ):
        assert heading in text, heading
    appendix_table = document.tables[-1]
    with world.app.sessions() as session:
        tasks = session.scalars(select(Task).where(Task.removed_at.is_(None))).all()
    sections = {t.section for t in tasks}
    assert len(appendix_table.rows) == 1 + len(tasks) + len(sections)
    assert appendix_table.rows[0].cells[0].text == "TT"


def test_the_period_counts_the_deadlines_it_holds_and_the_agencies_on_time_rate(
    world: World,
) -> None:
    with world.app.sessions.begin() as session:
        first = session.scalar(
            select(Milestone).join(Task).where(Task.slot == "I|1")  # due 31/03/2026
        )
        assert first is not None and first.due == date(2026, 3, 31)
        first.completed_on = date(2026, 3, 20)
    with world.app.sessions() as session:
        data = report_docx.load_report(
            session, world.plan_id, ReportPeriod.parse("2026-Q1"), AFTER_Q1
        )  # type: ignore[arg-type]
    assert data.judged_on == date(2026, 4, 1)
    assert all(a.counts.total for a in data.agencies)
    noi_vu = next(a for a in data.agencies if a.name == "Sở Nội vụ")
    assert noi_vu.counts.on_time_rate is not None and noi_vu.counts.on_time_rate > 0
    assert "I" in {area.code for area in data.areas}


def test_overdue_tasks_come_with_the_explanation_received(world: World) -> None:
    with world.app.sessions.begin() as session:
        official = session.scalars(
            select(Official).where(Official.full_name == "Cán bộ Nội vụ")
        ).one()
        review.record_explanation(
            session,
            official,
            world.task_id("I|1"),
            "Chờ ý kiến các sở",
            date(2026, 4, 30),
            AFTER_Q1,
        )
    text = all_text(report(world, "2026-Q2", datetime(2026, 4, 8, 9, tzinfo=VN)))
    assert "Chờ ý kiến các sở; dự kiến hoàn thành 30/04/2026" in text


def test_a_value_reported_by_chat_changes_the_status_and_appears_in_the_report(
    world: World,
) -> None:
    late = next(
        data.split(":")[2]
        for r in world.send("vp", command="chitieu") or []
        for row in r.buttons
        for b in row
        for data in (b.data,)
        if b.text == "1"
    )
    world.send("vp", button=actions.REPORT_TARGET.data(late))
    world.send("vp", text="1,5")
    world.send("vp", button=actions.TARGET_NO_NOTE.data(late))
    text = all_text(report(world, "2026-Q1"))
    assert "1. Các chỉ tiêu đã đạt (1)" in text
    assert "hồ sơ trễ hạn [III.1]" in text and "1,5%" in text
    assert "2. Các chỉ tiêu chưa đạt hoặc chưa báo cáo (1)" in text


def test_the_2025_quang_tri_plan_reports_a_value_entered_by_chat(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    path = seed_path("003")
    world = World.build(sessions, tmp_path, now=datetime(2025, 12, 20, 9, tzinfo=VN))
    world.plan_id = world.import_plan(path.read_bytes(), path.name).plan_id
    world.register("vp", "Văn phòng UBND tỉnh")
    listing = world.send("vp", command="chitieu")
    assert listing is not None
    card_data = next(
        b.data
        for r in listing
        for row in r.buttons
        for b in row
        if b.data.startswith("1:tg:")
        and "cấp tỉnh" in (world.send("vp", button=b.data) or [Reply("")])[0].text
        and "95%" in (world.send("vp", button=b.data) or [Reply("")])[0].text
    )
    target = card_data.split(":")[2]
    world.send("vp", button=actions.REPORT_TARGET.data(target))
    world.send("vp", text="57/60")
    saved = world.send("vp", text="Thống kê trên phần mềm QLVB và HSCV")
    assert saved is not None and "95% (57/60), đạt" in saved[0].text
    document = report(world, "2025", datetime(2026, 1, 6, 9, tzinfo=VN))
    (met,) = [
        t
        for t in document.tables
        if t.rows[0].cells[1].text == "Nội dung chỉ tiêu" and len(t.columns) == 5
    ]
    assert [c.text for c in met.rows[1].cells][1:4] == [
        "Xử lý VB và HSCV đúng quy trình (cấp tỉnh) [VII.4 (1)]",
        "95%",
        "95% (57/60)",
    ]


def test_export_offers_the_word_report_beside_the_spreadsheet(world: World) -> None:
    world.now = AFTER_Q1
    replies = world.send("dieuphoi", command="xuatbaocao")
    assert replies is not None and replies[0].document is not None
    offer = replies[1]
    assert "Báo cáo gửi Ủy ban nhân dân (tệp Word)" in offer.text
    periods = {b.text: b.data for row in offer.buttons for b in row}
    assert list(periods) == ["Quý 1/2026", "Quý 2/2026", "6 tháng đầu năm 2026", "Năm 2026"]
    (sent,) = world.send("dieuphoi", button=periods["Quý 1/2026"]) or []
    assert sent.document is not None and sent.document.file_name == "bao-cao-cchc-2026-Q1.docx"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in all_text(
        docx.Document(io.BytesIO(sent.document.content))
    )
    refused = world.send("vp", button=periods["Quý 1/2026"]) or []
    assert refused[0].document is None and "điều phối" in refused[0].text.lower()


def test_the_command_line_writes_the_report(world: World, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", str(world.app.engine.url))
    monkeypatch.setenv("DEFAULT_LANGUAGE", "vi")
    get_settings.cache_clear()
    try:
        out = tmp_path / "bao-cao.docx"
        assert (
            main(["report", "--plan", str(world.plan_id), "--period", "2026-H1", "--out", str(out)])
            == 0
        )
        assert "6 tháng đầu năm 2026" in all_text(docx.Document(str(out)))
        assert main(["report", "--plan", "1", "--period", "2026-Q5", "--out", str(out)]) == 2
    finally:
        get_settings.cache_clear()


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_opens_the_report(world: World, tmp_path: Path) -> None:
    with world.app.sessions() as session:
        data = report_docx.build_report(
            session, world.plan_id, ReportPeriod(2026, "quarter", 1), AFTER_Q1
        )
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(data)
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
