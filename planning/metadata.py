"""Read a plan's heading: its number, title, issuing People's Committee and the years it covers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from planning.text import clean, fold
from planning.types import PlanMeta

# "Số: 1257/QĐ-UBND" at the start of a line; a stamp ("ĐẾN Số: 61.84") is not the plan's.
_NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<value>\S*)")
_DOCUMENT_NUMBER = re.compile(r"^\d+/[^\s,;)]+$")
# The decision a plan is annexed to, used only where the heading has no "Số:" line.
_ANNEXED_TO = re.compile(
    r"kèm theo (?:Quyết định|Kế hoạch) số\s*:?\s*(?P<value>\d+/[^\s,;)]+)", re.IGNORECASE
)
_ROMAN = re.compile(r"^[IVX]{1,4}\s*[.\-–]\s*\S")

_HEAD_LINES = 3000
_PLAN_MARKER = "ke hoach"
_DECISION_MARKER = "quyet dinh"
_DIRECTIVE_MARKER = "chi thi"
_MARKERS = (_PLAN_MARKER, _DECISION_MARKER, _DIRECTIVE_MARKER)
_ISSUING_PREFIX = re.compile(
    r"^(?:về việc\s+)?(?:ban hành|phê duyệt)\s+(?=kế hoạch)", re.IGNORECASE
)
_MAX_TITLE_LINES = 4
# Lines that follow a title: the issuing authority or the legal grounds (căn cứ).
_TITLE_ENDS = ("chu tich", "uy ban nhan dan", "ubnd", "can cu", "bo truong")
# What parts a flattened table's cells: a tab, or the run of spaces a PDF's layout leaves.
_CELLS = re.compile(r"\t| {4,}")
# A line that opens the body: a numbered part ("I. MỤC ĐÍCH", "1. Sở Tư pháp:", "a)",
# "Điều 1."), or a rule drawn under the title ("______", "-----").
_BODY_LINE = re.compile(
    r"^(?:[IVX]{1,4}\s*[.\-–]|\d{1,2}\s*[.)]|[a-zđ]\)|Điều\s+\d|[_\-–—=*.]{3,}$)"
)
# The longest line that ends with a full stop and still closes a title ("tỉnh Đắk Nông năm
# 2021."): a longer one is the body's first sentence.
_TITLE_TAIL_WORDS = 12
# A task list issued on its own, with its kind in capitals on one line, and no "KẾ HOẠCH"
# above it: "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", "BẢNG PHÂN CÔNG NHIỆM VỤ ...".
_LIST_TITLE = re.compile(
    r"^(?:danh muc|bang (?:phan cong|tong hop|theo doi)|ke hoach|chuong trinh|de an)\s+\S+\s+\S+"
)

_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s+(?P<start>\d{4})\s*[-–—]\s*(?P<end>\d{4})", re.I)
_YEAR = re.compile(r"năm\s+(?P<year>\d{4})", re.IGNORECASE)
_PLAUSIBLE_YEARS = range(1945, 2200)

# Levels of a People's Committee (Ủy ban nhân dân), folded, with how an issuer is written.
_LEVELS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "huyen": "huyện",
    "thi xa": "thị xã",
    "quan": "quận",
    "xa": "xã",
    "phuong": "phường",
    "dac khu": "đặc khu",
}
# A ministry's heading: "BỘ NỘI VỤ", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH".
_MINISTRY_HEADING = re.compile(r"^bo\s+(?!chi huy)\S")
_LEVEL_PATTERN = r"(?P<level>tỉnh|thành phố|huyện|thị xã|quận)"
_COMMITTEE = r"(?:UBND|[UỦ][ỷy] ban nhân dân)"
_HEADING_COMMITTEE = re.compile(r"^(?:chu tich\s+)?(?:uy ban nhan dan|ubnd)(?:\s+(?P<rest>.+))?$")
# "UBND tỉnh Quảng Trị xây dựng Kế hoạch", but not "của UBND tỉnh ... ban hành Kế hoạch",
# which cites a superior plan.
_BODY_ISSUER = re.compile(
    rf"(?<!của ){_COMMITTEE}\s+{_LEVEL_PATTERN}\b(?P<name>[^,;.]{{0,40}}?)\s+"
    r"(?:ban hành|xây dựng|phê duyệt)\s+kế hoạch",
    re.IGNORECASE,
)
# A task list annexed to the plan it belongs to: "(Kèm theo Kế hoạch số 210/KH-UBND ngày
# 20/12/2025 của UBND tỉnh Gia Lai)" names the plan's issuer.
_ANNEX_ISSUER = re.compile(
    rf"kèm theo\b[^()]*?\bcủa\s+(?:Chủ tịch\s+)?{_COMMITTEE}\s+{_LEVEL_PATTERN}\s+"
    r"(?P<name>[^,;.()]{2,40})",
    re.IGNORECASE,
)
_PLACE_LINE = re.compile(
    r"^(?:(?P<city>TP\.?|Thành phố)\s*)?(?P<place>[^,\d]{2,40}),\s*ngày\b", re.IGNORECASE
)


def read_metadata(lines: Sequence[str]) -> PlanMeta:
    """Read the heading of a plan (kế hoạch) or of the decision (quyết định) issuing it.

    The number is the heading's "Số:" line (None when left blank for signing, as
    drafts do); only without such a line is the decision the plan is annexed to used.
    The title drops "Ban hành" / "Về việc ban hành" so it reads "Kế hoạch ...".
    The year is the title's "năm 2024", or the first year of "giai đoạn 2021 - 2025".
    """
    # The heading, the title and the annexing decision stand near the start; a document
    # of a hundred thousand table rows need not be read whole for them.
    texts = [clean(line.replace("*", "")) for line in _unfold_columns(lines[:_HEAD_LINES])]
    heading = _heading_zone(texts)
    title = _title(texts)
    period = _period(title)
    return PlanMeta(
        number=_number(texts, heading),
        title=title,
        issuer=_issuer(heading, title),
        year=period[0] if period else None,
        period=period,
        signed=_signed(heading),
    )


def _unfold_columns(lines: Sequence[str]) -> list[str]:
    """The lines above the title, a heading set as a table of two columns (the issuer, its
    number; the national motto, the place and date) coming as one line per row with its
    cells parted by a tab (or, from a PDF, a run of spaces): its left column first, then
    its right, as each is read."""
    end = next((i for i, line in enumerate(lines) if _opens_title(line)), 0)
    out: list[str] = []
    start = 0
    while start < end:
        stop = start
        while stop < end and _CELLS.search(lines[stop]):
            stop += 1
        if stop == start:
            out.append(lines[start])
            start += 1
            continue
        rows = [_CELLS.split(line) for line in lines[start:stop]]
        for column in range(max(len(r) for r in rows)):
            out.extend(r[column] for r in rows if column < len(r) and r[column].strip())
        start = stop
    return [*out, *lines[end:]]


def _opens_title(line: str) -> bool:
    """A marker line ("KẾ HOẠCH", "QUYẾT ĐỊNH"), or a title in capitals that opens with
    one or with a task list's kind ("DANH MỤC NHIỆM VỤ ...")."""
    text = clean(line.replace("*", ""))
    key = fold(text)
    inline = any(key.startswith(m + " ") for m in _MARKERS) or _LIST_TITLE.match(key)
    return key in _MARKERS or (text.isupper() and bool(inline))


# "Quảng Ngãi, ngày 22 tháng 12 năm 2021", "Hà Nội, ngày 05/01/2026"
_SIGNED = re.compile(
    r"^[^,\d]{2,40},\s*ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|/\s*)(?P<m>\d{1,2})"
    r"\s*(?:năm\s+|/\s*)(?P<y>\d{4})",
    re.IGNORECASE,
)


def _signed(heading: Sequence[str]) -> date | None:
    """The date on the heading's place line, the day the document was signed."""
    for text in heading:
        match = _SIGNED.match(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


def _heading_zone(texts: Sequence[str]) -> list[str]:
    """The lines before the plan's first roman section, where the heading lives."""
    for index, text in enumerate(texts):
        if _ROMAN.match(text):
            return list(texts[:index])
    return list(texts)


def _number(texts: Sequence[str], heading: Sequence[str]) -> str | None:
    for text in heading:
        match = _NUMBER_LINE.match(text)
        if match:
            value = match["value"].rstrip(".")
            return value if _DOCUMENT_NUMBER.match(value) else None
    for text in texts:
        annexed = _ANNEXED_TO.search(text)
        if annexed:
            return annexed["value"].rstrip(".")
    return None


def _title(texts: Sequence[str]) -> str:
    """The decision's subject when it issues a plan, else the lines after "KẾ HOẠCH", else
    a task list's own heading ("DANH MỤC NHIỆM VỤ ... NĂM 2026")."""
    decision = plan = listed = None
    for index, text in enumerate(texts):
        # A marker line is short ("QUYẾT ĐỊNH", "KẾ HOẠCH"): fold only those.
        key = fold(text) if len(text) <= 16 else ""
        if key == _DECISION_MARKER and decision is None and plan is None:
            decision = _lines_after(texts, index)
        elif key in (_PLAN_MARKER, _DIRECTIVE_MARKER) and plan is None:
            # A directive (chỉ thị) is titled like a plan: "Về việc ..." under its name.
            plan = _lines_after(texts, index)
        elif listed is None and text.isupper() and _LIST_TITLE.match(fold(text)):
            # "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH ..." on one line reads as under its marker.
            inline = fold(text).startswith(_PLAN_MARKER + " ")
            head = text.split(maxsplit=2)[2] if inline else text
            listed = _lines_after(texts, index, head)
    if decision:
        subject = _ISSUING_PREFIX.sub("", decision)
        if subject != decision or not plan:
            return subject[:1].upper() + subject[1:]
    return plan or listed or ""


def _lines_after(texts: Sequence[str], index: int, head: str | None = None) -> str:
    """The title under a marker line (or going on from ``head``): its lines up to a blank
    line, the issuing authority, the legal grounds, a note in brackets or the body's first
    line, at most four of them."""
    taken: list[str] = [head] if head else []
    for text in texts[index + 1 :]:
        if not text:
            if taken:
                break
            continue
        key = fold(text)
        if text.startswith("(") or key.startswith(_TITLE_ENDS) or key in _MARKERS:
            break
        if _BODY_LINE.match(text):
            if taken:
                break
            continue
        if taken and (_body_sentence(text) or _case_changes(taken[0], text)):
            break
        taken.append(text)
        if len(taken) == _MAX_TITLE_LINES:
            break
    return clean(" ".join(taken)).rstrip(".;:")


def _body_sentence(text: str) -> bool:
    """A line that opens a list ("..., Chủ tịch UBND tỉnh chỉ thị:") or is a whole sentence."""
    return text.endswith((":", ";")) or (
        text.endswith(".") and len(text.split()) > _TITLE_TAIL_WORDS
    )


def _case_changes(first: str, text: str) -> bool:
    """A line in capitals under a title that is not, or the other way round: the issuing
    authority ("BỘ TRƯỞNG BỘ TƯ PHÁP") under a decision's subject, the body under a title in
    capitals."""
    return first.isupper() != text.isupper()


def _period(title: str) -> tuple[int, int] | None:
    span = _PERIOD.search(title)
    if span:
        start, end = int(span["start"]), int(span["end"])
        if start in _PLAUSIBLE_YEARS and end in _PLAUSIBLE_YEARS and start <= end:
            return start, end
    for match in _YEAR.finditer(title):
        year = int(match["year"])
        if year in _PLAUSIBLE_YEARS:
            return year, year
    return None


def _issuer(heading: Sequence[str], title: str) -> str | None:
    """The issuing People's Committee, written "UBND tỉnh Quảng Ngãi".

    In order: the committee's heading ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI", or
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"); the body ("UBND tỉnh ban hành Kế
    hoạch ...", named from the title or the place line where the body leaves the
    name out); an annexed list's note ("Kèm theo Kế hoạch số ... của UBND tỉnh Gia
    Lai"); the place line ("TP. Quảng Ngãi, ngày ...").
    """
    from_heading = _heading_issuer(heading)
    if from_heading:
        return from_heading
    place_level, place = _place(heading)
    for text in heading:
        body = _BODY_ISSUER.search(text)
        if not body:
            continue
        level = _LEVELS[fold(body["level"])]
        name = _capitalised_name(body["name"].split())
        name = name or _title_place(title, level)
        if not name and place and place_level in (None, level):
            name = place
        if name:
            return f"UBND {level} {name}"
    for text in heading:
        annex = _ANNEX_ISSUER.search(text)
        if annex and _capitalised_name(annex["name"].split()):
            level = _LEVELS[fold(annex["level"])]
            return f"UBND {level} {_capitalised_name(annex['name'].split())}"
    if place:
        place_level = place_level or _title_level(title, place)
        if place_level:
            return f"UBND {place_level} {place}"
    return None


def _ministry(text: str) -> str | None:
    """ "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH" -> "Bộ Văn hóa, Thể thao và Du lịch"."""
    if not text.isupper() or not _MINISTRY_HEADING.match(fold(text)) or len(text) > 60:
        return None
    words = text.split()
    out = ["Bộ"]
    capital = True
    for word in words[1:]:
        low = word.lower()
        if low == "và":
            out.append(low)
            capital = True
            continue
        out.append(low[:1].upper() + low[1:] if capital else low)
        capital = word.endswith(",")
    return " ".join(out)


def _heading_issuer(heading: Sequence[str]) -> str | None:
    texts = [t for t in heading if t]
    for k, text in enumerate(texts[:6]):
        after = texts[k + 1] if k + 1 < len(texts) else ""
        if after.isupper() and (fold(after).startswith("va ") or text.endswith(",")):
            text = f"{text} {after}"  # "BỘ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG"
        ministry = _ministry(text)
        if ministry:
            return ministry
    for index, text in enumerate(texts):
        # The committee's heading is set in capitals; body sentences are not.
        match = _HEADING_COMMITTEE.match(fold(text)) if text.isupper() else None
        if not match:
            continue
        words = text.split()
        # Keep the original words of the level and name, after "[CHỦ TỊCH] ỦY BAN NHÂN DÂN".
        rest = words[len(words) - len(match["rest"].split()) :] if match["rest"] else []
        if not rest and index + 1 < len(texts) and texts[index + 1].isupper():
            rest = texts[index + 1].split()
        issuer = _committee(rest)
        if issuer:
            # A commune's heading under its province's ("UBND TỈNH HƯNG YÊN" / "ỦY BAN NHÂN
            # DÂN XÃ NGHĨA TRỤ"): the lower one issues.
            below = _heading_issuer(texts[index + 1 : index + 2])
            return below if below and below.split()[1] != issuer.split()[1] else issuer
    return None


def _committee(words: Sequence[str]) -> str | None:
    """ "TỈNH QUẢNG NGÃI" -> "UBND tỉnh Quảng Ngãi"."""
    keys = [fold(w) for w in words]
    for size in (2, 1):
        level = _LEVELS.get(" ".join(keys[:size]))
        if level and len(words) > size:
            name = " ".join(w.capitalize() for w in words[size:])
            return f"UBND {level} {name}"
    return None


def _place(heading: Sequence[str]) -> tuple[str | None, str | None]:
    """The place of signing: ("thành phố", "Quảng Ngãi") from "TP. Quảng Ngãi, ngày ..."."""
    for text in heading:
        match = _PLACE_LINE.match(text)
        if match:
            place = _capitalised_name(match["place"].split())
            if place and place == match["place"].strip():
                return ("thành phố" if match["city"] else None), place
    return None, None


def _title_place(title: str, level: str) -> str:
    """The name after ``level`` in the title: "... thành phố Quảng Ngãi năm 2024"."""
    for match in re.finditer(rf"\b{level}\s+(?P<rest>.+)", title, re.IGNORECASE):
        name = _capitalised_name(match["rest"].split())
        if name:
            return name
    return ""


def _title_level(title: str, place: str) -> str | None:
    match = re.search(rf"\b{_LEVEL_PATTERN}\s+{re.escape(place)}\b", title, re.IGNORECASE)
    return _LEVELS[fold(match["level"])] if match else None


def _capitalised_name(words: Sequence[str]) -> str:
    """The leading run of capitalised words: "Quảng Ngãi năm 2024" -> "Quảng Ngãi"."""
    taken: list[str] = []
    for word in words:
        bare = word.strip(",;.:()")
        if not bare or not bare[:1].isupper():
            break
        taken.append(bare)
        if bare != word:
            break
    name = " ".join(taken)
    return " ".join(w.capitalize() for w in taken) if name.isupper() else name
