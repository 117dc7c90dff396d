"""Reading files: Word, Excel, PDF, old .doc, and hostile or broken files that are refused."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planning import documents
from planning.agencies import AgencyDirectory
from planning.documents import (
    BAD_EXCEL,
    BAD_PDF,
    BAD_WORD,
    NEEDS_LIBREOFFICE,
    NOT_TEXT,
    SCANNED_PDF,
    TOO_MANY_PAGES,
    UNPACKS_TOO_LARGE,
    document_lines,
)
from planning.errors import BadDocument
from planning.importer import import_document, to_json
from planning.text import CELL_BREAK, MERGED, clean
from tests.corpus import hostile
from tests.corpus.writers import write_docx, write_xlsx

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DIRECTORY = AgencyDirectory.load()


def _refusal(data: bytes, name: str) -> str:
    with pytest.raises(BadDocument) as refused:
        document_lines(data, name)
    return refused.value.message


# --------------------------------------------------------------- Word and Excel tables

MERGED_TABLE = [
    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
    ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý I/2026"],
    ["", "Công bố thủ tục hành chính", "", "Quý II/2026"],
    ["2", "Khảo sát sự hài lòng", "Sở Nội vụ", "Tháng 10/2026"],
]
# Task 1's number and lead span two rows.
MERGES = [(1, 0, 2, 0), (1, 2, 2, 2)]


@pytest.mark.parametrize(
    "name, data",
    [
        ("plan.docx", write_docx([("table", MERGED_TABLE, MERGES)])),
        ("plan.xlsx", write_xlsx([[("table", MERGED_TABLE, MERGES)]])),
    ],
)
def test_a_merged_cell_is_marked_for_the_rows_it_spans(name: str, data: bytes) -> None:
    rows = [line.split("\t") for line in document_lines(data, name) if "\t" in line]
    assert rows[2][0] == MERGED and rows[2][2] == MERGED
    assert rows[3][:3] == ["2", "Khảo sát sự hài lòng", "Sở Nội vụ"]


@pytest.mark.parametrize(
    "name, data",
    [
        ("plan.docx", write_docx([("table", MERGED_TABLE, MERGES)])),
        ("plan.xlsx", write_xlsx([[("table", MERGED_TABLE, MERGES)]])),
    ],
)
def test_rows_under_a_merged_number_are_activities_with_its_lead(name: str, data: bytes) -> None:
    tasks = to_json(import_document(data, name, DIRECTORY))["tasks"]
    assert [(t["number"], t["activity_index"], t["lead"]) for t in tasks] == [
        ("1", 1, ["Sở Tư pháp"]),
        ("1", 2, ["Sở Tư pháp"]),
        ("2", None, ["Sở Nội vụ"]),
    ]
    assert [t["milestones"][0]["due"] for t in tasks] == ["2026-03-31", "2026-06-30", "2026-10-31"]


def test_a_cell_keeps_its_paragraphs_apart() -> None:
    data = write_docx([("table", [["TT", "Nhiệm vụ"], ["1", "- Ban hành\n- Tổ chức"]])])
    assert document_lines(data, "plan.docx")[2] == f"1\t- Ban hành{CELL_BREAK}- Tổ chức"
    assert clean(f"- Ban hành{CELL_BREAK}- Tổ chức") == "- Ban hành - Tổ chức"


# ------------------------------------------------------------------------------ PDF


def test_a_pdf_with_a_text_layer_gives_its_text_and_table() -> None:
    lines = document_lines((CORPUS / "dev" / "khanh_hoa_kiem_soat.pdf").read_bytes(), "k.pdf")
    assert "KẾ HOẠCH" in lines
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows[0] == [
        "TT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
    ]
    assert rows[2][2] == "Sở Nông nghiệp và Môi trường"


def test_a_pdf_row_span_is_a_merged_cell() -> None:
    lines = document_lines((CORPUS / "heldout" / "bo_khcn_2026.pdf").read_bytes(), "b.pdf")
    rows = [line.split("\t") for line in lines if "\t" in line]
    fifth = next(r for r in rows if r[0] == "5")
    assert fifth[2] == MERGED


def test_a_scanned_pdf_is_refused_saying_it_has_no_text() -> None:
    data = (CORPUS / "dev" / "cao_bang_ban_quet.pdf").read_bytes()
    assert _refusal(data, "scan.pdf") == SCANNED_PDF


def test_a_pdf_of_too_many_pages_is_refused() -> None:
    assert _refusal(hostile.many_page_pdf(documents.MAX_PDF_PAGES + 1), "long.pdf") == (
        TOO_MANY_PAGES
    )


# ------------------------------------------------------------------------------ .doc


def test_a_doc_without_libreoffice_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert _refusal(ole, "plan.doc") == NEEDS_LIBREOFFICE
    assert "LibreOffice" in BadDocument(NEEDS_LIBREOFFICE).render()


def test_a_doc_that_is_not_one_is_refused() -> None:
    assert _refusal(b"just some text", "plan.doc") == documents.BAD_DOC


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed here",
)
def test_a_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    source = tmp_path / "plan.docx"
    source.write_bytes(write_docx([("table", MERGED_TABLE, MERGES)]))
    # The .doc is written from LibreOffice's own document (.odt): its .doc export of a
    # python-docx table loses the table, which a .doc written by Word never would.
    for target, path in (("odt", source), ("doc", tmp_path / "plan.odt")):
        subprocess.run(
            [soffice, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(path)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    tasks = import_document((tmp_path / "plan.doc").read_bytes(), "plan.doc", DIRECTORY).tasks
    assert [t.raw.number for t in tasks] == ["1", "1", "2"]


# ---------------------------------------------------------------- hostile and broken


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("bomb.docx", lambda: hostile.zip_bomb_docx(200 << 20), UNPACKS_TOO_LARGE),
        ("many.docx", lambda: hostile.many_entries_docx(6000), UNPACKS_TOO_LARGE),
        ("laughs.docx", hostile.entity_docx, BAD_WORD),
        ("hidden.docx", lambda: hostile.entity_docx(hidden=True), BAD_WORD),
        ("laughs.xlsx", hostile.entity_xlsx, BAD_EXCEL),
        ("corrupt.docx", hostile.corrupt_xml_docx, BAD_WORD),
        ("bomb.pdf", lambda: hostile.pdf_flate_bomb(300 << 20), UNPACKS_TOO_LARGE),
        ("broken.pdf", hostile.broken_pdf, BAD_PDF),
        ("noise.txt", hostile.utf16_noise, NOT_TEXT),
        ("zip.xlsx", lambda: b"PK\x03\x04 not really a zip", BAD_EXCEL),
        ("word.docx", lambda: write_xlsx([[("p", "x")]]), BAD_WORD),
        ("sheet.xlsx", lambda: b"%PDF-1.4 not a sheet", BAD_EXCEL),
        ("plan.pdf", lambda: b"<html>not a pdf</html>", BAD_PDF),
    ],
)
def test_a_hostile_or_broken_file_is_refused_with_its_message(name, make, message) -> None:  # type: ignore[no-untyped-def]
    assert _refusal(make(), name) == message


def test_a_zip_bomb_is_refused_before_anything_is_inflated(tmp_path: Path) -> None:
    """In a fresh process: a 1 GiB Word bomb is refused within a small, fixed memory."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(hostile.zip_bomb_docx())
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_hostile", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    report = json.loads(done.stdout)
    assert report["outcome"].startswith("refused: The file unpacks to more than")
    assert report["peak_mib"] < 200  # the interpreter and its imports take about 40
    assert report["seconds"] < 1


def test_utf16_text_with_its_mark_is_read() -> None:
    text = "KẾ HOẠCH\nTT\tNhiệm vụ\tCơ quan chủ trì\n1\tRà soát\tSở Tư pháp\n"
    assert document_lines(text.encode("utf-16"), "plan.txt")[2] == "1\tRà soát\tSở Tư pháp"


@pytest.mark.parametrize(
    "written",
    ["Kiểm tra &lt;script&gt; trong biểu mẫu", "Tỷ lệ trễ hạn < 2% và > 30 ngày", "A &amp; B"],
)
def test_text_is_kept_as_the_document_writes_it(written: str) -> None:
    assert clean(written) == written


def test_stray_list_markup_of_the_conversions_is_still_stripped() -> None:
    assert clean('<ul style="list-style-type: none"> <li>- Văn bản</li></ul>') == "- Văn bản"


def test_parsing_a_damaged_file_never_raises_anything_else() -> None:
    good = write_docx([("p", "KẾ HOẠCH"), ("table", MERGED_TABLE, MERGES)])
    for cut in range(0, len(good), max(1, len(good) // 40)):
        damaged = good[:cut] + bytes(reversed(good[cut : cut + 64])) + good[cut + 64 :]
        with contextlib.suppress(BadDocument):
            document_lines(damaged, "plan.docx")
