"""What an evidence file really holds, beyond its first bytes: a PDF parses, an image decodes,
an Office file is a valid package of the kind its name says, with no macro and no program.

Every check is bounded: nothing is decompressed whole, an image is decoded at a reduced scale
or streamed, and a package's entries and their declared sizes are counted before anything is
read. ``problem(suffix, content)`` answers None for a good file, else the catalog message.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from xml.etree import ElementTree

from i18n import N_

DAMAGED = N_(
    "This file does not open as the type its name says: it may be damaged or renamed. "
    "Save it again as PDF, Word, Excel, JPEG or PNG and send it."
)
ACTIVE_CONTENT = N_(
    "This file holds macros, scripts or embedded programs, which are not accepted as evidence. "
    "Save it as PDF, or without macros, and send it."
)
TOO_MANY_PIXELS = N_(
    "This image is too large (over %(megapixels)d megapixels). Send a smaller photo."
)

MAX_PIXELS = 80_000_000  # a 200-megapixel phone sensor saves binned 12-50 MP photos
MAX_ENTRIES = 5_000  # parts of an Office package; a long report has a few hundred
MAX_UNCOMPRESSED = 250_000_000  # all parts of a package together, as declared
MAX_RATIO = 200  # declared size / compressed size of one part: XML compresses ~10-30x
MAX_CONTENT_TYPES = 1_000_000  # bytes of [Content_Types].xml
STREAM_CHUNK = 1 << 16


class Refused(Exception):
    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def problem(suffix: str, content: bytes) -> Refused | None:
    """None if ``content`` (whose first bytes are already known right) opens as a clean file
    of the type ``suffix`` names."""
    try:
        CHECKS[suffix](content)
    except Refused as refused:
        return refused
    except Exception:  # any parser's complaint about a file is the file's fault
        return Refused(DAMAGED)
    return None


# --- PDF


def _pdf(content: bytes) -> None:
    """It parses (pypdf: its cross-reference table, its catalog, at least one page), and its
    catalog runs nothing on opening and carries no attached files."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    with _quiet("pypdf"):
        reader = PdfReader(io.BytesIO(content), strict=False)
        root = reader.trailer["/Root"].get_object()
        if not isinstance(root, DictionaryObject):
            raise Refused(DAMAGED)
        _has_a_page(root)
        names = root.get("/Names")
        names = names.get_object() if names is not None else {}
        if "/JavaScript" in names or "/EmbeddedFiles" in names:
            raise Refused(ACTIVE_CONTENT)
        opening = root.get("/OpenAction")
        opening = opening.get_object() if opening is not None else None
        triggers = root.get("/AA")
        triggers = triggers.get_object() if triggers is not None else {}
        actions = [opening, *(triggers[k].get_object() for k in triggers)]
        if any(_runs_something(action) for action in actions):
            raise Refused(ACTIVE_CONTENT)


def _has_a_page(root: object) -> None:
    """The page tree's root counts at least one page and its first child resolves: reading
    every page would cost time a hostile tree of a million pages could stretch."""
    from pypdf.generic import DictionaryObject

    assert isinstance(root, DictionaryObject)
    pages = root.get("/Pages")
    pages = pages.get_object() if pages is not None else None
    if not isinstance(pages, DictionaryObject) or pages.get("/Type") != "/Pages":
        raise Refused(DAMAGED)
    kids = pages.get("/Kids")
    kids = kids.get_object() if kids is not None else []
    if int(pages.get("/Count", 0)) < 1 or not kids:
        raise Refused(DAMAGED)
    first = kids[0].get_object()
    if not isinstance(first, DictionaryObject) or first.get("/Type") not in ("/Page", "/Pages"):
        raise Refused(DAMAGED)


RUNNING_ACTIONS = ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition")


def _runs_something(action: object, depth: int = 0) -> bool:
    """Whether a PDF action (and the actions it chains with /Next) runs or sends something;
    an opening destination (an array: a page to show) runs nothing."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if not isinstance(action, DictionaryObject):
        return False
    if depth > 8 or action.get("/S") in RUNNING_ACTIONS:
        return True
    following = action.get("/Next")
    following = following.get_object() if following is not None else None
    chained = following if isinstance(following, ArrayObject) else [following]
    return any(_runs_something(a.get_object() if a else a, depth + 1) for a in chained)


# --- images


def _jpeg(content: bytes) -> None:
    """It decodes: at an eighth of its size (libjpeg's scaled decoding), so a large photo costs
    little memory while every byte of its compressed data is still read."""
    image = _image(content, "JPEG")
    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()


def _png(content: bytes) -> None:
    """Its chunks are whole and their checksums right (Pillow's verify), and its compressed
    pixels inflate to exactly the rows its header declares, streamed so nothing is kept."""
    image = _image(content, "PNG")
    image.verify()
    width, height, depth, colour, interlaced = _png_header(content)
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if channels is None:
        raise Refused(DAMAGED)
    expected = _png_raw_size(width, height, depth * channels, interlaced)
    inflate = zlib.decompressobj()
    produced = 0
    for data in _png_chunks(content, b"IDAT"):
        pending = data
        while pending:
            produced += len(inflate.decompress(pending, STREAM_CHUNK))
            pending = inflate.unconsumed_tail
            if produced > expected:
                raise Refused(DAMAGED)
    produced += len(inflate.flush())
    if not inflate.eof or produced != expected:
        raise Refused(DAMAGED)


def _image(content: bytes, kind: str):  # type: ignore[no-untyped-def]
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content), formats=[kind])
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        image = None
    if image is None or image.width * image.height > MAX_PIXELS:
        raise Refused(TOO_MANY_PIXELS, megapixels=MAX_PIXELS // 1_000_000)
    return image


def _png_header(content: bytes) -> tuple[int, int, int, int, bool]:
    length, kind = struct.unpack(">I4s", content[8:16])
    if kind != b"IHDR" or length != 13:
        raise Refused(DAMAGED)
    width, height, depth, colour, _compression, _filter, interlace = struct.unpack(
        ">IIBBBBB", content[16:29]
    )
    return width, height, depth, colour, interlace == 1


def _png_chunks(content: bytes, wanted: bytes):  # type: ignore[no-untyped-def]
    at = 8
    while at + 8 <= len(content):
        length, kind = struct.unpack(">I4s", content[at : at + 8])
        if kind == wanted:
            yield content[at + 8 : at + 8 + length]
        if kind == b"IEND":
            return
        at += 12 + length


ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2))
ADAM7 += ((0, 1, 1, 2),)


def _png_raw_size(width: int, height: int, bits_per_pixel: int, interlaced: bool) -> int:
    """Bytes of the filtered rows: each row one filter byte and its packed pixels."""
    passes = ADAM7 if interlaced else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        columns = -(-(width - x0) // dx) if width > x0 else 0
        rows = -(-(height - y0) // dy) if height > y0 else 0
        if columns and rows:
            total += rows * (1 + -(-(columns * bits_per_pixel) // 8))
    return total


# --- Office: Word and Excel packages (.docx, .xlsx) and the older binary files (.doc, .xls)

MAIN_PARTS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
# Parts that run code or carry another program: macros (VBA), ActiveX controls, OLE objects.
ACTIVE_TYPES = re.compile(r"macroEnabled|vbaProject|vbaData|activeX|oleObject", re.IGNORECASE)
ACTIVE_NAMES = re.compile(
    r"(^|/)(vbaProject\.bin|vbaData\.xml)$|(^|/)activeX/|(^|/)embeddings/.*\.bin$"
    r"|\.(exe|dll|com|scr|bat|cmd|msi|ps1|vbs|vbe|js|jse|wsf|hta|jar|lnk|docm|xlsm|dotm|xltm"
    r"|xlam|pptm|potm|ppam)$",
    re.IGNORECASE,
)
PROGRAM_STARTS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _office_package(suffix: str) -> Callable[[bytes], None]:
    def check(content: bytes) -> None:
        _few_entries(content)
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            entries = package.infolist()
            _bounded(entries)
            names = {entry.filename for entry in entries}
            types = _content_types(package)
            if any(ACTIVE_TYPES.search(kind) for kind in types.values()):
                raise Refused(ACTIVE_CONTENT)
            if any(ACTIVE_NAMES.search(name) for name in names):
                raise Refused(ACTIVE_CONTENT)
            main = [part for part, kind in types.items() if kind == MAIN_PARTS[suffix]]
            if len(main) != 1 or main[0].lstrip("/") not in names:
                raise Refused(DAMAGED)
            for entry in entries:
                if entry.is_dir():
                    continue
                with package.open(entry) as part:
                    if part.read(4).startswith(PROGRAM_STARTS):
                        raise Refused(ACTIVE_CONTENT)

    return check


def _few_entries(content: bytes) -> None:
    """The entry count the archive's last record declares, read before its directory is: a
    directory of a million entries would take seconds to list."""
    end = content.rfind(b"PK\x05\x06", max(0, len(content) - 65_557))
    if end < 0 or end + 22 > len(content):
        raise Refused(DAMAGED)
    (count,) = struct.unpack("<H", content[end + 10 : end + 12])
    if count != 0xFFFF and count > MAX_ENTRIES:  # 0xFFFF: a ZIP64 count, checked once listed
        raise Refused(DAMAGED)


def _bounded(entries: list[zipfile.ZipInfo]) -> None:
    """A zip bomb stops here, before a byte is inflated: too many parts, too large together,
    or one part that would grow too many times its stored size."""
    if not entries or len(entries) > MAX_ENTRIES:
        raise Refused(DAMAGED)
    if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED:
        raise Refused(DAMAGED)
    for entry in entries:
        if entry.file_size > MAX_RATIO * max(entry.compress_size, 1024):
            raise Refused(DAMAGED)


def _content_types(package: zipfile.ZipFile) -> dict[str, str]:
    """[Content_Types].xml's overrides (part name: type) and defaults (".ext": type). A
    document type declaration is refused unread: entities are how XML bombs grow."""
    try:
        info = package.getinfo("[Content_Types].xml")
    except KeyError:
        raise Refused(DAMAGED) from None
    if info.file_size > MAX_CONTENT_TYPES:
        raise Refused(DAMAGED)
    data = package.read(info)
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise Refused(DAMAGED)
    root = ElementTree.fromstring(data)
    types: dict[str, str] = {}
    for element in root:
        kind = element.get("ContentType", "")
        if element.tag == f"{_NS}Override":
            types[element.get("PartName", "")] = kind
        elif element.tag == f"{_NS}Default":
            types["." + element.get("Extension", "").lower()] = kind
    return types


def _ole(streams: tuple[str, ...]) -> Callable[[bytes], None]:
    """A compound file (Word 97-2003, Excel 97-2003) with its main stream, and no macro
    storage nor embedded package (``Ole10Native``: a file, often a program, wrapped inside)."""

    def check(content: bytes) -> None:
        import olefile

        with olefile.OleFileIO(content) as ole:
            paths = ["/".join(parts) for parts in ole.listdir(streams=True, storages=True)]
            if not any(ole.exists(name) for name in streams):
                raise Refused(DAMAGED)
        for path in paths:
            last = path.rsplit("/", 1)[-1].lower()
            if last in ("macros", "_vba_project_cur", "vba", "\x01ole10native"):
                raise Refused(ACTIVE_CONTENT)

    return check


CHECKS: dict[str, Callable[[bytes], None]] = {
    ".pdf": _pdf,
    ".jpg": _jpeg,
    ".jpeg": _jpeg,
    ".png": _png,
    ".docx": _office_package(".docx"),
    ".xlsx": _office_package(".xlsx"),
    ".doc": _ole(("WordDocument",)),
    ".xls": _ole(("Workbook", "Book")),
}


class _quiet:
    """A parser's own warnings about a broken file are our refusal, not the operator's log."""

    def __init__(self, logger: str) -> None:
        self.logger = logging.getLogger(logger)

    def __enter__(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)

    def __exit__(self, *_exc: object) -> None:
        self.logger.setLevel(self.level)
