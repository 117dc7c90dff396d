# ruff: noqa: E501 - Office XML and table rows are data, kept whole
"""Hostile and broken inputs, made small on disk when a test or the benchmark needs them.

Each is what an attacker or a broken tool might upload: a zip bomb, XML with entities, a
PDF whose streams inflate to gigabytes, noise that looks like UTF-16, a damaged file.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


_BLOCK = b" " * (1 << 22)


def _repeated_deflate(repeats: int, wbits: int) -> tuple[bytes, int, int]:
    """A deflate stream of ``repeats`` blocks of spaces, made in milliseconds.

    After a full flush the compressor starts afresh, so every block compresses to the
    same bytes: one is compressed and repeated. Returns (stream, crc32, adler32).
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    first = compressor.compress(_BLOCK) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(_BLOCK) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)
    crc = adler = 1
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(_BLOCK, crc)
        adler = zlib.adler32(_BLOCK, adler)
    if wbits > 0:
        end = end[:-4] + adler.to_bytes(4, "big")
    return first + again * (repeats - 1) + end, crc, adler


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, data, method, crc32, size) entries already compressed."""
    out = io.BytesIO()
    central = []
    for name, data, method, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
            )
        )
        out.write(encoded)
        out.write(data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0
        )
    )
    return out.getvalue()


def zip_bomb_docx(unpacked: int = 1 << 30) -> bytes:
    """A Word file whose document part inflates to ``unpacked`` bytes of spaces (a zip bomb)."""
    repeats = unpacked // len(_BLOCK)
    stream, crc, _ = _repeated_deflate(repeats, -15)
    stored = [
        (name, text.encode(), 0, zlib.crc32(text.encode()), len(text.encode()))
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS))
    ]
    return _raw_zip([*stored, ("word/document.xml", stream, 8, crc, repeats * len(_BLOCK))])


def many_entries_docx(entries: int = 20_000) -> bytes:
    return _docx(
        f'<w:document xmlns:w="{_W}"><w:body/></w:document>'.encode(),
        {f"word/media/x{n}.bin": b"" for n in range(entries)},
    )


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def entity_docx(hidden: bool = False) -> bytes:
    """A Word file whose document part declares the billion-laughs entities.

    ``hidden``: behind a long comment, past the first few kilobytes of the part.
    """
    comment = "<!--" + "x" * 10_000 + "-->" if hidden else ""
    xml = _LAUGHS.replace("?>", "?>" + comment, 1) + (
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return _docx(xml.encode())


def entity_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "TT"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[-1]
                data = _LAUGHS.encode() + body.replace(b">TT<", b">&lol9;<")
            archive.writestr(info, data)
    return out.getvalue()


def corrupt_xml_docx() -> bytes:
    return _docx(f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>Kế'.encode())


def pdf_flate_bomb(unpacked: int = 2 << 30) -> bytes:
    """A PDF with one content stream that inflates to ``unpacked`` bytes."""
    stream, _, _ = _repeated_deflate(unpacked // len(_BLOCK), 15)
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(stream)}/Filter/FlateDecode>>stream\n".encode()
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def broken_pdf() -> bytes:
    return b"%PDF-1.7\n" + os.urandom(2000) + b"\n%%EOF"


def utf16_noise() -> bytes:
    """Bytes with a UTF-16 byte-order mark that decode to no text anyone wrote."""
    return b"\xff\xfe" + bytes((n * 7919 + 13) % 256 for n in range(4000))


def large_text_plan(size: int = 19_000_000) -> bytes:
    """A real-looking table plan just under the 20 MB limit (tens of thousands of rows)."""
    lines = [
        "KẾ HOẠCH",
        "Cải cách hành chính tỉnh An Thịnh năm 2026",
        "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    ]
    row = "{n}\tRà soát, đơn giản hóa thủ tục hành chính nhóm {n}\tSở Tư pháp\tSở Nội vụ; UBND các xã, phường\tQuý {q}/2026"
    total = sum(len(line.encode()) + 1 for line in lines)
    n = 0
    while total < size:
        n += 1
        line = row.format(n=n, q="I" * (n % 3 + 1))
        total += len(line.encode()) + 1
        lines.append(line)
    return "\n".join(lines).encode()


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "zip bomb (.docx, 1 GiB of XML)": ("bomb.docx", zip_bomb_docx),
    "zip with 20,000 entries (.docx)": ("many.docx", many_entries_docx),
    "billion laughs (.docx)": ("laughs.docx", entity_docx),
    "billion laughs behind a long comment (.docx)": ("hidden.docx", lambda: entity_docx(True)),
    "billion laughs (.xlsx)": ("laughs.xlsx", entity_xlsx),
    "corrupt XML (.docx)": ("corrupt.docx", corrupt_xml_docx),
    "PDF stream inflating to 2 GiB": ("bomb.pdf", pdf_flate_bomb),
    "damaged PDF": ("broken.pdf", broken_pdf),
    "UTF-16 noise (.txt)": ("noise.txt", utf16_noise),
    "19 MB text table (.txt)": ("large.txt", large_text_plan),
}


def _row_xml(cells: list[str]) -> str:
    return (
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells)
        + "</w:tr>"
    )


def large_docx_table(xml_bytes: int = 14_500_000) -> bytes:
    """A Word file whose table XML comes just under the limit on what is parsed."""
    rows = [
        _row_xml(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
    ]
    size = 0
    n = 0
    while size < xml_bytes:
        n += 1
        row = _row_xml(
            [
                str(n),
                f"Rà soát thủ tục hành chính nhóm {n}",
                "Sở Tư pháp",
                "Sở Nội vụ",
                "Quý II/2026",
            ]
        )
        rows.append(row)
        size += len(row.encode())
    body = (
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'
        f"<w:tbl>{''.join(rows)}</w:tbl></w:body></w:document>"
    )
    return _docx(body.encode())


def large_xlsx_table(rows: int = 35_000) -> bytes:
    """An Excel task list of many rows, written in write-only mode."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
    for n in range(1, rows + 1):
        sheet.append(
            [n, f"Rà soát thủ tục hành chính nhóm {n}", "Sở Tư pháp", "Sở Nội vụ", "Quý II/2026"]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CASES["Word table of 14.5 MB of XML (.docx)"] = ("large.docx", large_docx_table)
CASES["Excel list of 35,000 rows (.xlsx)"] = ("large.xlsx", large_xlsx_table)


def many_page_pdf(pages: int = 150) -> bytes:
    """A PDF of ``pages`` pages, each a ruled table of 20 task rows (text in a core font)."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b""]
    kids = []
    font = len(objects) + 1
    objects.append(b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
    widths = [40, 300, 150, 150, 110]
    for page in range(pages):
        ops = ["0.5 w"]
        top = 560
        for r in range(21):
            y = top - 25 * r
            ops.append(f"30 {y} m 780 {y} l S")
            x = 30
            cells = (
                ["TT", "Nhiem vu", "Co quan chu tri", "Co quan phoi hop", "Thoi gian"]
                if r == 0
                else [
                    str(page * 20 + r),
                    f"Ra soat thu tuc {page * 20 + r}",
                    "So Tu phap",
                    "So Noi vu",
                    "Quy II/2026",
                ]
            )
            for width, text in zip(widths, cells, strict=True):
                ops.append(f"BT /F1 9 Tf {x + 3} {y - 16} Td ({text}) Tj ET")
                x += width
        bottom = top - 25 * 21
        ops.append(f"30 {bottom} m 780 {bottom} l S")
        x = 30
        for width in [0, *widths]:
            x += width
            ops.append(f"{x} {top} m {x} {bottom} l S")
        content = "\n".join(ops).encode()
        objects.append(b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream")
        contents = len(objects)
        objects.append(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 842 595]/Contents %d 0 R"
            b"/Resources<</Font<</F1 %d 0 R>>>>>>" % (contents, font)
        )
        kids.append(len(objects))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


CASES["PDF of 150 pages of tables"] = ("pages.pdf", many_page_pdf)
CASES["PDF of 151 pages"] = ("toolong.pdf", lambda: many_page_pdf(151))
