"""Small real files of every evidence type, and hostile ones that only start right.

Each good file opens in the program its name promises (a one-page PDF, a 2x2 photo, a Word
document and a workbook with one cell); each bad one is built the way an attacker would.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def pdf(text: str = "", catalog: bytes = b"") -> bytes:
    """A real one-page PDF, laid out as pypdf writes one; ``text`` makes it another file (its
    producer), ``catalog`` adds entries to its catalog."""
    objects = [
        b"<<\n/Producer (pypdf%s)\n>>" % (b" " + text.encode() if text else b""),
        b"<<\n/Type /Pages\n/Count 1\n/Kids [ 4 0 R ]\n>>",
        b"<<\n/Type /Catalog\n%s/Pages 2 0 R\n>>" % catalog,
        b"<<\n/Type /Page\n/Resources <<\n>>\n/MediaBox [ 0.0 0.0 595 842 ]\n/Parent 2 0 R\n>>",
    ]
    out = b"%PDF-1.3\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<<\n/Size 5\n/Root 3 0 R\n/Info 1 0 R\n>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


PDF = pdf()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int = 2, height: int = 2, colour: bytes = b"\x20\x80\xc0") -> bytes:
    """A true-colour PNG of one colour."""
    rows = b"".join(b"\x00" + colour * width for _ in range(height))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


PNG = png()


def jpeg(width: int = 16, height: int = 16, shade: int = 128) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (shade, shade // 2, 255 - shade)).save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = jpeg()

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def package(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 25, 9, 0, 0)), data)
    return buffer.getvalue()


def content_types(main: str, kind: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="{main}" ContentType="{kind}"/>{extra}</Types>'
    ).encode()


_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="%s"/></Relationships>'
)
_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Bi\xc3\xaan b\xe1\xba\xa3n ki\xe1\xbb\x83m tra</w:t></w:r></w:p>"
    b"</w:body></w:document>"
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'
)


def docx(extra_parts: dict[str, bytes] | None = None, extra_types: str = "") -> bytes:
    return package(
        {
            "[Content_Types].xml": content_types("/word/document.xml", _WORD, extra_types),
            "_rels/.rels": _RELS % b"word/document.xml",
            "word/document.xml": _DOCUMENT,
            **(extra_parts or {}),
        }
    )


def xlsx(extra_parts: dict[str, bytes] | None = None) -> bytes:
    return package(
        {
            "[Content_Types].xml": content_types("/xl/workbook.xml", _EXCEL),
            "_rels/.rels": _RELS % b"xl/workbook.xml",
            "xl/workbook.xml": _WORKBOOK,
            **(extra_parts or {}),
        }
    )


DOCX = docx()
XLSX = xlsx()

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48 + b"PE\x00\x00"

# --- hostile: files that only start right (the findings of the hostile test)

PDF_THEN_HTML = b"%PDF-1.7\n<html><body><script>fetch('/steal?c='+document.cookie)</script>"
JPEG_THEN_SCRIPT = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01<script>alert(document.domain)</script>"
PNG_THEN_SCRIPT = b"\x89PNG\r\n\x1a\n<script>alert(1)</script>" + b" " * 64
ZIP_WITH_A_PROGRAM = package({"setup.exe": PROGRAM, "doc.txt": b"Xem tep dinh kem"})
DOCX_WITH_A_PROGRAM = docx({"word/media/image1.png": PROGRAM})
DOCX_WITH_MACROS = docx(
    {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"},
    '<Override PartName="/word/vbaProject.bin" '
    'ContentType="application/vnd.ms-office.vbaProject"/>',
)
XLSX_NAMED_DOCX = XLSX  # a workbook is a valid package, but not a Word document


def zip_bomb(declared: int = 1 << 30) -> bytes:
    """A Word package whose one part inflates from about a megabyte to ``declared`` bytes of
    zeros: real deflate data (one flushed block of a mebibyte of zeros, repeated), so reading
    the part would really fill memory; built without compressing a gigabyte."""
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    mebibyte = b"\x00" * (1 << 20)
    piece = block.compress(mebibyte) + block.flush(zlib.Z_FULL_FLUSH)
    count = declared >> 20
    stream = piece * count + b"\x03\x00"  # an empty final block ends the stream
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(mebibyte, crc)
    info = zipfile.ZipInfo("word/media/zeros.bin", date_time=(2026, 3, 25, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    good = docx()
    buffer = io.BytesIO(good)
    with zipfile.ZipFile(buffer, "a") as archive:
        # Written stored, then its header rewritten as deflated with the real sizes and CRC.
        info.compress_type = zipfile.ZIP_STORED
        archive.writestr(info, b"")
    return _replace_last_part(buffer.getvalue(), stream, count << 20, crc)


def _replace_last_part(archive: bytes, data: bytes, size: int, crc: int) -> bytes:
    """``archive`` with its last (empty, stored) part replaced by ``data`` deflated."""
    directory = archive.rfind(b"PK\x01\x02\x14")
    head = archive.rfind(b"PK\x03\x04", 0, directory)
    name_length = struct.unpack("<H", archive[head + 26 : head + 28])[0]
    local = bytearray(archive[head : head + 30 + name_length])
    struct.pack_into("<HIII", local, 8, 8, 0, 0, 0)  # method: deflate, time zeroed
    struct.pack_into("<III", local, 14, crc, len(data), size)
    before = archive[:head]
    rest = archive[head + 30 + name_length :]  # the central directory and its end
    central = bytearray(rest)
    entries = []
    at = 0
    while central[at : at + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack("<HHH", central[at + 28 : at + 34])
        entries.append((at, 46 + n + m + k))
        at += 46 + n + m + k
    last, _length = entries[-1]
    struct.pack_into("<H", central, last + 10, 8)
    struct.pack_into("<III", central, last + 16, crc, len(data), size)
    shift = len(data)
    end = central.find(b"PK\x05\x06")
    (offset,) = struct.unpack("<I", central[end + 16 : end + 20])
    struct.pack_into("<I", central, end + 16, offset + shift)
    return before + bytes(local) + data + bytes(central)


def many_entries(count: int = 20_000) -> bytes:
    parts = {f"word/p{n}.xml": b"" for n in range(count)}
    return docx(parts)


def png_bomb(side: int = 60_000) -> bytes:
    """A PNG that declares ``side`` x ``side`` pixels (3.6 gigapixels at 60,000)."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)

    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IEND", b"")


def png_cut_short() -> bytes:
    """A PNG whose pixels stop halfway: the header promises 64 rows, the data holds 32."""
    whole = png(64, 64)
    rows = b"".join(b"\x00" + b"\x10\x20\x30" * 64 for _ in range(32))
    data = zlib.compress(rows)
    header = whole[8 : 8 + 25]

    return b"\x89PNG\r\n\x1a\n" + header + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


PDF_WITH_SCRIPT = pdf(catalog=b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>\n")
