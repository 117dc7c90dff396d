"""From a file's bytes to the lines the readers read: text as it is, tables as tab rows.

Word (.docx, and .doc through LibreOffice), Excel (.xlsx) and PDF with a text layer.
Every input is checked before it is parsed (size, zip directory, streams), and every
parse error becomes a BadDocument with a catalog message, never a traceback.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from i18n import N_
from planning.errors import BadDocument
from planning.text import CELL_BREAK, MERGED

if TYPE_CHECKING:
    from docx.table import Table

TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIXES = (".docx",)
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".doc", ".xlsx", ".pdf")
DEFAULT_MAX_BYTES = 20_000_000

# A zip (.docx, .xlsx) is refused from its directory, before anything is inflated, when
# it would unpack to more than this: a 20 MB Word file of real text unpacks to a few tens
# of MB, while a zip bomb of the same size unpacks to gigabytes.
MAX_UNPACKED_BYTES = 120_000_000
# The XML parts are what the parsers hold in memory as trees, ten times their size; the
# text of a long plan with its tables takes a few MB.
MAX_XML_BYTES = 15_000_000
MAX_ZIP_ENTRIES = 5_000
# A PDF's compressed streams, inflated, and its pages: plans run to tens of pages,
# and pdfplumber takes about 0.15 s a page.
MAX_PDF_INFLATED_BYTES = 200_000_000
MAX_PDF_PAGES = 150
# LibreOffice converting a .doc: a real plan takes seconds.
CONVERT_TIMEOUT_S = 60

UNSUPPORTED = N_(
    "Unsupported file type %(suffix)s: send a .docx, .doc, .xlsx, .pdf, .txt or .md plan."
)
TOO_LARGE = N_("The file is too large (%(size)d bytes; the limit is %(limit)d bytes).")
EMPTY = N_("The file is empty.")
NOT_TEXT = N_("The file is not text: save the plan as .docx or UTF-8 text.")
NOT_UTF8 = N_("The file is not UTF-8 text: save the plan as .docx or UTF-8 text.")
BAD_WORD = N_("The Word file is damaged or is not a .docx file.")
BAD_EXCEL = N_("The Excel file is damaged or is not an .xlsx file.")
BAD_PDF = N_("The PDF file is damaged or is not a PDF.")
BAD_DOC = N_("The file is damaged or is not an old Word .doc file.")
UNPACKS_TOO_LARGE = N_(
    "The file unpacks to more than %(limit)d bytes or holds too many parts: "
    "it is not a plan we can read."
)
SCANNED_PDF = N_(
    "This PDF holds only scanned images, no text: send the plan as Word or as a PDF "
    "saved from Word."
)
TOO_MANY_PAGES = N_("The PDF has %(pages)d pages; plans of up to %(limit)d pages are read.")
NEEDS_LIBREOFFICE = N_(
    "Old Word .doc files are read through LibreOffice, which is not installed here: "
    "install LibreOffice (the soffice command) or save the plan as .docx."
)
CONVERSION_FAILED = N_(
    "LibreOffice could not convert this .doc file: open it in Word and save it as .docx."
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"
# An XML prolog that declares a DTD or entities: no part of an Office file needs one.
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_PROLOG_BYTES = 65_536


def _declares_dtd(head: bytes) -> bool:
    """Whether an XML part's prolog (before its root element) declares a DTD.

    A DTD can only stand before the root element; a prolog longer than ``_PROLOG_BYTES``
    (a long comment hiding one) is refused too: no Office part has one.
    """
    root = _ELEMENT.search(head)
    if root is None:
        return len(head) >= _PROLOG_BYTES or _DTD.search(head) is not None
    return _DTD.search(head, 0, root.start()) is not None


def document_lines(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """The document's lines; a table row becomes one line with its cells joined by tabs.

    A cell that continues a vertical merge (rowspan) holds ``MERGED``: the table reader
    decides per column what it inherits. Raises BadDocument for an empty, oversized,
    binary, corrupt, hostile or unknown file.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise BadDocument(UNSUPPORTED, suffix=suffix or "?")
    if len(data) > max_bytes:
        raise BadDocument(TOO_LARGE, size=len(data), limit=max_bytes)
    if not data.strip():
        raise BadDocument(EMPTY)
    if suffix == ".docx":
        return list(_docx_lines(data))
    if suffix == ".xlsx":
        return list(_xlsx_lines(data))
    if suffix == ".pdf":
        return list(_pdf_lines(data))
    if suffix == ".doc":
        return list(_doc_lines(data))
    return _text_lines(data)


# ------------------------------------------------------------------------------ text


def _text_lines(data: bytes) -> list[str]:
    text = _decode(data)
    if not _looks_like_text(text):
        raise BadDocument(NOT_TEXT)
    return text.splitlines()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadDocument(NOT_TEXT) from None
    if b"\x00" in data[:4096]:
        raise BadDocument(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadDocument(NOT_UTF8) from None


def _looks_like_text(text: str) -> bool:
    """Whether decoded bytes read as Vietnamese or English text rather than noise.

    Noise decoded as UTF-16 is mostly CJK, private-use or control characters; a plan is
    mostly Latin letters (Vietnamese ones included, below U+2000), digits and spaces.
    """
    sample = text[:20_000]
    if not sample.strip():
        return False
    plain = sum(1 for ch in sample if ch.isspace() or (ch.isprintable() and ord(ch) < 0x2200))
    return plain >= 0.9 * len(sample)


# ----------------------------------------------------------------------- zip archives


def check_zip(data: bytes, bad: str) -> None:
    """Refuse a zip bomb from the zip directory, and XML with a DTD, before any parser runs."""
    if not data.startswith(_ZIP_MAGIC):
        raise BadDocument(bad)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise BadDocument(bad) from None
    with archive:
        infos = archive.infolist()
        unpacked = sum(i.file_size for i in infos)
        xml = [i for i in infos if i.filename.endswith((".xml", ".rels"))]
        if (
            len(infos) > MAX_ZIP_ENTRIES
            or unpacked > MAX_UNPACKED_BYTES
            or sum(i.file_size for i in xml) > MAX_XML_BYTES
        ):
            raise BadDocument(UNPACKS_TOO_LARGE, limit=MAX_UNPACKED_BYTES)
        try:
            for info in xml:
                with archive.open(info) as part:
                    if _declares_dtd(part.read(_PROLOG_BYTES)):
                        raise BadDocument(bad)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError):
            # RuntimeError: an encrypted part; zlib.error and BadZipFile: corrupt data.
            raise BadDocument(bad) from None


# ------------------------------------------------------------------------------ Word


def _docx_lines(data: bytes) -> list[str]:
    check_zip(data, BAD_WORD)
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
        return list(_docx_blocks(document))
    except BadDocument:
        raise
    except Exception:  # noqa: BLE001 - any parse error of a damaged file is the user's to fix
        raise BadDocument(BAD_WORD) from None


def _docx_blocks(document: Any) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield ""
            yield from _table_rows(block)
            yield ""
        else:
            yield from block.text.splitlines() or [""]


def _table_rows(table: Table) -> Iterator[str]:
    """Each row's cells joined by tabs; a cell continuing a vertical merge holds MERGED.

    A cell's paragraphs are joined by CELL_BREAK; a nested table inside a cell is read
    as more of the cell's paragraphs. The XML is read directly: python-docx's cell
    objects cost a hundred times more on a large table.
    """
    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                text = MERGED
            else:
                paragraphs = (_paragraph_text(p) for p in tc.iter(_W_P))
                text = CELL_BREAK.join(p for p in paragraphs if p)
            cells.append(text)
            cells.extend([""] * (tc.grid_span - 1))
        yield "\t".join(cells)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_T, _W_TAB, _W_BR = f"{_W}p", f"{_W}t", f"{_W}tab", f"{_W}br"


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text, tabs and line breaks as spaces, white space folded."""
    parts: list[str] = []
    for node in paragraph.iter(_W_T, _W_TAB, _W_BR):
        parts.append(node.text or "" if node.tag == _W_T else " ")
    return " ".join("".join(parts).split())


def _doc_lines(data: bytes) -> list[str]:
    """An old Word file (.doc), converted to .docx by LibreOffice where it is installed."""
    if not data.startswith(_OLE_MAGIC):
        raise BadDocument(BAD_DOC)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BadDocument(NEEDS_LIBREOFFICE)
    return _docx_lines(convert_doc(data, soffice))


def convert_doc(data: bytes, soffice: str) -> bytes:
    """The .docx LibreOffice makes of a .doc, in a private folder and profile."""
    with tempfile.TemporaryDirectory(prefix="nhacviec-doc-") as folder:
        source = Path(folder) / "plan.doc"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_S,
            )
            return (Path(folder) / "plan.docx").read_bytes()
        except (subprocess.SubprocessError, OSError):
            raise BadDocument(CONVERSION_FAILED) from None


# ----------------------------------------------------------------------------- Excel


def _xlsx_lines(data: bytes) -> list[str]:
    check_zip(data, BAD_EXCEL)
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), data_only=True)
        lines: list[str] = []
        for sheet in book.worksheets:
            lines.append("")
            lines.extend(_sheet_rows(sheet))
        return lines
    except BadDocument:
        raise
    except Exception:  # noqa: BLE001 - any parse error of a damaged file is the user's to fix
        raise BadDocument(BAD_EXCEL) from None


def _sheet_rows(sheet: Any) -> Iterator[str]:
    """A sheet as tab rows; a row with one filled cell is a line of text (a title, a heading)."""
    covered: dict[tuple[int, int], str] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) == (merged.min_row, merged.min_col):
                    continue
                below = row > merged.min_row and col == merged.min_col
                covered[(row, col)] = MERGED if below else ""
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [covered.get((r, c), _cell_text(value)) for c, value in enumerate(row, start=1)]
        while cells and not cells[-1]:
            cells.pop()
        filled = [c for c in cells if c and c != MERGED]
        if not filled:
            yield ""
        elif len(filled) == 1 and MERGED not in cells:
            yield filled[0]
        else:
            yield "\t".join(cells)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[no-any-return]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    paragraphs = str(value).splitlines()
    return CELL_BREAK.join(" ".join(p.split()) for p in paragraphs if p.strip())


# ------------------------------------------------------------------------------- PDF


def _pdf_lines(data: bytes) -> list[str]:
    if not data.lstrip()[:1024].find(_PDF_MAGIC) >= 0:
        raise BadDocument(BAD_PDF)
    _check_pdf_streams(data)
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            if pages > MAX_PDF_PAGES:
                raise BadDocument(TOO_MANY_PAGES, pages=pages, limit=MAX_PDF_PAGES)
            lines: list[str] = []
            has_text = False
            for page in pdf.pages:
                if page.chars:
                    has_text = True
                lines.extend(_page_lines(page))
                page.close()
    except BadDocument:
        raise
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file
        raise BadDocument(BAD_PDF) from None
    if not has_text:
        raise BadDocument(SCANNED_PDF)
    return lines


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _check_pdf_streams(data: bytes) -> None:
    """Refuse a PDF whose streams inflate beyond MAX_PDF_INFLATED_BYTES, inflating in chunks.

    pdfminer inflates each stream whole in memory; a few MB of zeros make gigabytes.
    """
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        inflater = zlib.decompressobj()
        chunk = data[start : start + _CHUNK]
        try:
            while chunk:
                out = inflater.decompress(chunk, _CHUNK)
                total += len(out)
                if total > MAX_PDF_INFLATED_BYTES:
                    raise BadDocument(UNPACKS_TOO_LARGE, limit=MAX_PDF_INFLATED_BYTES)
                if inflater.eof:
                    break
                chunk = inflater.unconsumed_tail
                if not chunk:
                    start += _CHUNK
                    chunk = data[start : start + _CHUNK]
        except zlib.error:
            continue  # not a deflated stream (an image, plain text): nothing to inflate


def _page_lines(page: Any) -> Iterator[str]:
    """A page's text outside its tables, and each table as tab rows, in reading order."""
    tables = page.find_tables()
    blocks: list[tuple[float, list[str]]] = []
    boxes = [t.bbox for t in tables]
    for table in tables:
        blocks.append((table.bbox[1], ["", *_pdf_table_rows(table), ""]))
    outside = page
    for box in boxes:
        outside = outside.outside_bbox(box)
    for line in outside.extract_text_lines(return_chars=False):
        blocks.append((line["top"], [line["text"]]))
    blocks.sort(key=lambda b: b[0])
    for _, block in blocks:
        yield from block


def _pdf_table_rows(table: Any) -> Iterator[str]:
    """A PDF table's rows; a cell covered by one above it (rowspan) holds MERGED."""
    cells: Sequence[tuple[float, float, float, float]] = table.cells
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    tops = sorted({round(c[1], 1) for c in cells} | {round(c[3], 1) for c in cells})
    columns, rows = xs[:-1], tops[:-1]
    grid: list[list[str | None]] = [[None] * len(columns) for _ in rows]
    for text_row, row in zip(table.extract(), table.rows, strict=False):
        for text, box in zip(text_row, row.cells, strict=False):
            if box is None:
                continue
            r0 = _index(rows, box[1])
            c0 = _index(columns, box[0])
            r1 = _index(rows, box[3], end=True)
            c1 = _index(columns, box[2], end=True)
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if r == r0 and c == c0:
                        grid[r][c] = " ".join((text or "").split())
                    else:
                        grid[r][c] = MERGED if c == c0 else ""
    for row_cells in grid:
        yield "\t".join(c or "" for c in row_cells)


def _index(edges: list[float], value: float, end: bool = False) -> int:
    """The grid row or column an edge falls on (for an end edge, the one after it)."""
    value = round(value, 1)
    for i, edge in enumerate(edges):
        if abs(edge - value) < 1.5:
            return i
    return len(edges) if end else max(0, sum(1 for e in edges if e < value) - 1)
