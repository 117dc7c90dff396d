"""The importer as a whole: every seed, Word files, and arbitrary input that must not crash it."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.demo import SAMPLE_PLAN
from planning.agencies import AgencyDirectory
from planning.errors import BadDocument
from planning.importer import import_document, read_plan, to_json
from tests.conftest import seed_path

DIRECTORY = AgencyDirectory.load()


def _as_docx(text: str) -> bytes:
    """The plan as Word would hold it: paragraphs, and each block of tab rows as a real table."""
    document = docx.Document()
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        block.clear()

    for line in text.splitlines():
        if "\t" in line:
            block.append(line.split("\t"))
        else:
            flush()
            document.add_paragraph(line)
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_a_seed_as_a_word_file_reads_like_its_text(prefix):
    text = seed_path(prefix).read_text(encoding="utf-8")
    from_text = to_json(import_document(text.encode(), "plan.txt", DIRECTORY))
    from_word = to_json(import_document(_as_docx(text), "plan.docx", DIRECTORY))
    assert from_word["tasks"] == from_text["tasks"]
    assert from_word["plan"] == from_text["plan"]


def test_the_sample_plan_as_a_word_file():
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    plan = import_document(_as_docx(text), "ke-hoach.docx", DIRECTORY)
    assert len(plan.tasks) == 11
    assert plan.tasks[0].lead[0].name == "Sở Nội vụ"


@pytest.mark.parametrize(
    ("prefix", "count"), [("000", 60), ("001", 53), ("002", 40), ("003", 73), ("004", 77)]
)
def test_every_seed_gives_its_tasks_and_each_task_a_lead(prefix, count):
    plan = import_document(seed_path(prefix).read_bytes(), "plan.txt", DIRECTORY)
    assert len(plan.tasks) == count
    with_lead = sum(1 for t in plan.tasks if t.lead)
    # 000 I.1 names no agency at all; 002 has items whose label lines name none.
    assert with_lead >= count - 3
    slots = [t.slot for t in plan.tasks]
    assert len(set(slots)) == len(slots)


def test_the_2025_merger_keeps_the_name_as_written():
    plan = import_document(seed_path("000").read_bytes(), "plan.txt", DIRECTORY)
    task = next(t for t in plan.tasks if t.raw.lead_text.startswith("Sở Thông tin và TT"))
    assert task.lead[0].name == "Sở Thông tin và Truyền thông"
    assert task.lead[0].as_written.startswith("Sở Thông tin và TT")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",))), max_size=30))
def test_arbitrary_text_is_read_or_refused_never_crashes(lines):
    try:
        plan = read_plan(lines)
    except BadDocument:
        return
    assert plan.tasks


TABLE_WORDS = [
    "TT",
    "Nhiệm vụ",
    "Sản phẩm",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian",
    "I",
    "1",
    "1.1",
    "Sở Nội vụ",
    "Quý I/2025",
    "",
    "Tổng cộng",
    "- ",
    "<li>",
    "a)",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(TABLE_WORDS), min_size=1, max_size=8), max_size=25))
def test_table_like_noise_is_read_or_refused_never_crashes(rows):
    lines = ["\t".join(row) for row in rows]
    try:
        plan = import_document("\n".join(lines).encode() or b"x", "plan.txt", DIRECTORY)
    except BadDocument:
        return
    assert to_json(plan)["tasks"]


# --- documents of late 2025: plans and directives the importer had not seen --------------


def test_a_heading_without_a_year_takes_the_year_the_deadlines_write() -> None:
    from planning.importer import YEAR_FROM_DEADLINES

    text = (
        "KẾ HOẠCH\nKiểm soát thủ tục hành chính\n"
        "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n"
        "1\tRà soát thủ tục\tSở Tư pháp\tQuý I\n"
        "2\tCông bố thủ tục\tVăn phòng UBND tỉnh\tQuý II/2026\n"
    )
    plan = import_document(text.encode(), "plan.txt", DIRECTORY)
    assert [str(t.deadline.milestones[0].due) for t in plan.tasks] == ["2026-03-31", "2026-06-30"]
    assert [f.message for f in plan.findings] == [YEAR_FROM_DEADLINES]
    assert plan.findings[0].params == {"year": 2026}


def test_a_row_pairing_two_activities_is_two_tasks_with_a_warning() -> None:
    from planning.tables import PAIRED_ROW
    from tests.corpus.writers import write_docx

    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "- Ban hành kế hoạch\n- Tổ chức hội nghị", "Sở Nội vụ", "Quý I/2026\nQuý III/2026"],
    ]
    data = write_docx([("p", "KẾ HOẠCH"), ("p", "Cải cách hành chính năm 2026"), ("table", rows)])
    plan = import_document(data, "plan.docx", DIRECTORY)
    assert [
        (t.raw.title, t.raw.activity_index, str(t.deadline.milestones[0].due)) for t in plan.tasks
    ] == [
        ("Ban hành kế hoạch", 1, "2026-03-31"),
        ("Tổ chức hội nghị", 2, "2026-09-30"),
    ]
    assert [f.message for f in plan.findings] == [PAIRED_ROW]


def test_an_unknown_agency_is_flagged_in_the_json() -> None:
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2026 của Bộ Tư pháp\n"
        "TT\tNội dung\tĐơn vị chủ trì\tThời hạn\n"
        "1\tRà soát luật\tVụ Pháp luật dân sự - kinh tế, Văn phòng Bộ\tQuý III/2026\n"
    )
    document = to_json(import_document(text.encode(), "plan.txt", DIRECTORY))
    task = document["tasks"][0]
    assert task["lead"] == ["Vụ Pháp luật dân sự - kinh tế", "Văn phòng Bộ"]
    assert task["unverified"] == ["Vụ Pháp luật dân sự - kinh tế", "Văn phòng Bộ"]
    assert len(document["warnings"]) == 2
