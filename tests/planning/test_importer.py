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
