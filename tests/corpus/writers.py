"""Write the corpus documents: Word, Excel, PDF (text layer or scanned) from plain blocks.

A document is a list of blocks: ``("p", text)`` a paragraph, ``("table", rows, merges)``
a table whose ``merges`` are ``(row0, col0, row1, col1)`` rectangles (inclusive). A cell's
"\\n" is a paragraph break inside the cell. Only the generator needs fpdf2 (PDF text
layer); Word and Excel use the project's own dependencies, scans use Pillow.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

Block = tuple[Any, ...]
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def write_docx(blocks: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if block[0] == "p":
            document.add_paragraph(block[1])
            continue
        rows, merges = block[1], block[2] if len(block) > 2 else []
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        covered = set()
        for r0, c0, r1, c1 in merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                if (i, j) in covered or not text:
                    continue
                cell = table.cell(i, j)
                lines = text.split("\n")
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_xlsx(sheets: list[list[Block]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for n, blocks in enumerate(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        r = 1
        for block in blocks:
            if block[0] == "p":
                sheet.cell(r, 1, block[1])
                r += 1
                continue
            rows, merges = block[1], block[2] if len(block) > 2 else []
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    if text:
                        sheet.cell(r + i, j + 1, text)
            for r0, c0, r1, c1 in merges:
                sheet.merge_cells(
                    start_row=r + r0, start_column=c0 + 1, end_row=r + r1, end_column=c1 + 1
                )
            r += len(rows) + 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_pdf(blocks: list[Block], widths: dict[int, tuple[int, ...]] | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for n, block in enumerate(blocks):
        if block[0] == "p":
            pdf.multi_cell(0, 5, block[1], new_x="LMARGIN", new_y="NEXT")
            continue
        rows, merges = block[1], block[2] if len(block) > 2 else []
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
        covered = {
            (r, c)
            for r0, c0, r1, c1 in merges
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }
        col_widths = (widths or {}).get(n)
        with pdf.table(col_widths=col_widths, first_row_as_headings=True) as table:
            for i, row in enumerate(rows):
                pdf_row = table.row()
                for j, text in enumerate(row):
                    if (i, j) in covered:
                        continue
                    rowspan, colspan = spans.get((i, j), (1, 1))
                    pdf_row.cell(text, rowspan=rowspan, colspan=colspan)
        pdf.ln(4)
    return bytes(pdf.output())


def write_scanned_pdf(lines: list[str]) -> bytes:
    """A page as a scanner makes it: an image of the text, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 22)
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((80, 80 + 34 * n), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
