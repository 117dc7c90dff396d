"""From a file's bytes to the lines the readers read: text as it is, Word tables as tab rows."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from i18n import N_
from planning.errors import BadDocument

if TYPE_CHECKING:
    from docx.table import Table

TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIXES = (".docx",)
SUFFIXES = TEXT_SUFFIXES + WORD_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000


def document_lines(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """The document's lines; a table row becomes one line with its cells joined by tabs.

    Raises BadDocument for an empty, oversized, binary, corrupt or unknown file.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise BadDocument(
            N_("Unsupported file type %(suffix)s: send a .docx, .txt or .md plan."),
            suffix=suffix or "?",
        )
    if len(data) > max_bytes:
        raise BadDocument(
            N_("The file is too large (%(size)d bytes; the limit is %(limit)d bytes)."),
            size=len(data),
            limit=max_bytes,
        )
    if not data.strip():
        raise BadDocument(N_("The file is empty."))
    if suffix in WORD_SUFFIXES:
        return list(_docx_lines(data))
    return _text_lines(data)


def _text_lines(data: bytes) -> list[str]:
    if b"\x00" in data[:4096]:
        raise BadDocument(N_("The file is not text: save the plan as .docx or UTF-8 text."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadDocument(
                N_("The file is not UTF-8 text: save the plan as .docx or UTF-8 text.")
            ) from None
    return text.splitlines()


def _docx_lines(data: bytes) -> Iterator[str]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise BadDocument(N_("The Word file is damaged or is not a .docx file.")) from None
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield ""
            yield from _table_rows(block)
            yield ""
        else:
            yield from block.text.splitlines() or [""]


def _table_rows(table: Table) -> Iterator[str]:
    """Each row's cells joined by tabs.

    A cell that only continues a vertical merge is left empty, as in the plans' own text
    conversions, so that an activity row does not repeat the task it belongs to.
    """
    from docx.table import _Cell

    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        for tc in tr.tc_lst:
            continues = tc.vMerge == "continue"
            text = "" if continues else " ".join(_Cell(tc, table).text.split())
            cells.append(text)
            cells.extend([""] * (tc.grid_span - 1))
        yield "\t".join(cells)
