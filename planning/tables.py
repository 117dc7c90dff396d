"""Reads a plan's appendix task table (phụ lục), given as one line per row with cells joined by
tabs: the 6-column, the 9-column (activity rows) and the 7-column (groups and budget) shapes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from i18n import N_
from planning.findings import Finding
from planning.text import CELL_BREAK, MERGED, clean, fold
from planning.types import RawTask

Column = Literal[
    "number", "objective", "task", "activity", "product", "lead", "support", "deadline", "budget"
]

ACTIVITY_SEPARATOR = " — "
"""Joins a task (nhiệm vụ) and one of its activities (hoạt động) into the activity's title."""

DUPLICATE_NUMBER = N_("Task %(number)s appears more than once in section %(section)s.")
DUPLICATE_NUMBER_NO_SECTION = N_("Task %(number)s appears more than once.")
# Translators: a table row listing several activities line by line, each with its own
# deadline, was read as one task per activity.
PAIRED_ROW = N_(
    "A row lists %(count)d activities line by line with their deadlines: read as %(count)d tasks."
)
BUDGET_MISMATCH = N_(
    "The tasks' budgets add up to %(sum)s million VND, "
    "but the table states a total of %(total)s million VND."
)

_NUMBER_HEADERS = frozenset({"tt", "stt", "so tt", "so thu tu", "thu tu"})
_NUMBER_HEADERS_AS_WRITTEN = frozenset({"tt", "stt", "số tt", "so tt", "số thứ tự", "thứ tự"})
# Header words by meaning: plans name the same column many ways ("Cơ quan chủ trì",
# "Đơn vị chủ trì", "Chủ trì thực hiện", "Cơ quan thực hiện", "Trách nhiệm thực hiện").
_LEAD_PREFIXES = (
    "co quan thuc hien",
    "don vi thuc hien",
    "co quan, don vi thuc hien",
    "trach nhiem thuc hien",
    "phan cong thuc hien",
    "don vi phu trach",
    "co quan phu trach",
    "phu trach",
)
_DEADLINE_PREFIXES = (
    "thoi gian",
    "thoi han",
    "tien do",
    "moc thoi gian",
    "han hoan thanh",
    "thoi diem",
    "du kien hoan thanh",
)
# The words a header row holds somewhere; a row without any is not looked at closely.
_HEADER_HINTS = ("chủ trì", "chu tri", "thực hiện", "thuc hien", "phụ trách", "phu trach")
_TASK_PREFIXES = ("ten nhiem vu", "cong viec", "ten cong viec", "viec can lam", "giai phap")
_TOTAL_LABELS = frozenset({"tong cong", "tong", "tong so", "tong kinh phi", "cong"})
_IN_WORDS = ("bang chu", "(bang chu")
_SUB_HEADERS: dict[str, Column] = {
    "chu tri": "lead",
    "co quan chu tri": "lead",
    "don vi chu tri": "lead",
    "phoi hop": "support",
    "co quan phoi hop": "support",
    "don vi phoi hop": "support",
}

_ROMAN = re.compile(r"(?P<numeral>[IVXLC]{1,7})(?:[.:)]|(?=\s)|$)\s*(?P<title>.*)", re.S)
_VALID_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_TASK_NUMBER = re.compile(r"(?P<number>\d{1,3}(?:\.\d{1,3})*)[.)]?(?:\s+(?P<title>.*))?", re.S)
_SHORT_NUMBER = re.compile(r"[\w.,]{1,6}")
_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
_LEADING_BULLET = re.compile(r"[-–—•+*]\s*")
# Another item of a list: a bullet after punctuation, or after a space and before a capital
# letter; a hyphen inside "Pa-nô" or "2022 - 2025" is not one.
_NEXT_ITEM = re.compile(r"(?:([;.:])\s*|\s)[-–—•+]\s*(\S)")


@dataclass(frozen=True)
class _Header:
    columns: dict[Column, int]
    width: int
    budget_scale: Decimal

    @property
    def has_activities(self) -> bool:
        return "activity" in self.columns


@dataclass(frozen=True)
class _Section:
    numeral: str
    title: str
    seq: int


@dataclass
class _Row:
    """A data row of the table, with the continuation lines of page breaks already joined."""

    line: int
    fields: dict[Column, str]
    number: str | None
    section: _Section | None
    header: _Header
    # The first row of a task whose number cell is merged over this row (rowspan).
    owner: _Row | None = None

    def get(self, column: Column) -> str:
        return self.fields.get(column, "")


def read_tables(lines: Sequence[str]) -> tuple[list[RawTask], list[Finding], Decimal | None]:
    """Read the task table (bảng nhiệm vụ) of a plan: its tasks, warnings and stated budget total.

    Returns ``([], [], None)`` when no line is a table header (TT + nhiệm vụ + chủ trì).
    A numbered row with children (1 -> 1.1, 1.2) is a group: its title becomes the
    children's ``objective``. In a table with an activity column (hoạt động), every activity
    row is a task of its own, numbered like its task, with ``activity_index`` 1, 2...; its
    title is the task (nhiệm vụ) and the activity joined by ``ACTIVITY_SEPARATOR`` and its
    objective is the objective (mục tiêu) of the numbered row.
    """
    reader = _TableReader()
    for index, line in enumerate(lines, start=1):
        reader.feed(line, index)
    tasks, findings = _build_tasks(reader.rows)
    findings = reader.findings + findings
    total = reader.total
    if total is not None:
        budgets = [t.budget_million_vnd for t in tasks if t.budget_million_vnd is not None]
        spent = sum(budgets, Decimal(0))
        if spent != total:
            findings.append(
                Finding(
                    BUDGET_MISMATCH,
                    {"sum": _plain(spent), "total": _plain(total)},
                    line=reader.total_line,
                )
            )
    return tasks, findings, total


class _TableReader:
    """First pass: find headers, sections and data rows; join page-break continuations."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.findings: list[Finding] = []
        self.total: Decimal | None = None
        self.total_line: int | None = None
        self._header: _Header | None = None
        self._after_header = False
        self._previous: _Row | None = None
        self._section: _Section | None = None
        self._sections = 0
        self._total_pending = False
        self._tables = 1
        self._gap_text = ""
        # A section heading ("I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH") on the line just above
        # the first table, before the table is known to be one.
        self._heading_above: _Section | None = None

    def feed(self, line: str, index: int) -> None:
        if "\t" not in line:
            self._feed_single(line, index)
            return
        raw = line.split("\t")
        header = _header_of(raw)
        if header is not None:
            if self.rows and self._gap_text:
                # Text between two tables: the second is another task table, not the first
                # one's header repeated at a page break.
                self._tables += 1
                self._open_section(f"B{self._tables}", self._gap_text)
            self._gap_text = ""
            if self._header is not None:
                self._heading_above = None
            self._header = header
            self._after_header = True
            self._total_pending = False
            return
        if self._header is None:
            self._heading_above = None
            return
        if self._after_header and self._refine_header(raw, self._header):
            return
        paired = _paired_rows(raw, self._header)
        if len(paired) > 1:
            self.findings.append(Finding(PAIRED_ROW, {"count": len(paired)}, line=index))
        for row in paired:
            cells = [clean(cell) for cell in row]
            if any(cells):
                self._gap_text = ""
                merged = {i for i, cell in enumerate(row) if MERGED in cell and not cells[i]}
                self._feed_row(cells, index, self._header, merged)

    def _refine_header(self, raw: list[str], header: _Header) -> bool:
        """Read a second header row that splits "Cơ quan thực hiện" into "Chủ trì | Phối hợp"."""
        filled = {i: fold(text) for i, cell in enumerate(raw) if (text := clean(cell))}
        if len(filled) < 2 or not all(text in _SUB_HEADERS for text in filled.values()):
            return False
        columns = dict(header.columns)
        for i, text in filled.items():
            columns[_SUB_HEADERS[text]] = i
        self._header = _Header(columns, max(header.width, len(raw)), header.budget_scale)
        return True

    def _feed_single(self, line: str, index: int) -> None:
        # A row whose cells were merged into one arrives without tabs; inside a table it can
        # only be a section heading or the total, never prose worth reading as a task.
        if not line.strip():
            return
        text = clean(line)
        heading = _section_heading(text)
        if self._header is None:
            self._heading_above = _Section(*heading, 0) if heading else None
            return
        if self._take_total(text, [text], index, self._header):
            return
        if heading:
            self._open_section(*heading)
        elif len(text.split()) >= 2:
            self._gap_text = text

    def _feed_row(
        self, cells: list[str], index: int, header: _Header, merged: set[int] | None = None
    ) -> None:
        if len(cells) < header.width:
            cells += [""] * (header.width - len(cells))
        elif len(cells) > header.width:
            cells[header.width - 1 :] = [" ".join(c for c in cells[header.width - 1 :] if c)]
        fields: dict[Column, str] = {col: cells[i] for col, i in header.columns.items()}
        first = fields.get("number", "")
        label = first or fields.get("task", "")
        if self._take_total(label, cells, index, header):
            return
        if _is_column_numbering(cells):
            return
        after_header, self._after_header = self._after_header, False
        if merged and self._previous is not None and self._merged_row(fields, merged, index):
            return

        section = _ROMAN.fullmatch(first)
        if section and _VALID_ROMAN.fullmatch(section["numeral"]):
            title = section["title"] or next((c for c in cells[1:] if c), "")
            self._open_section(section["numeral"], title)
            return

        number: str | None = None
        if first:
            match = _TASK_NUMBER.fullmatch(first)
            if match:
                number = match["number"]
                if match["title"]:
                    fields["task"] = _join(match["title"], fields.get("task", ""))
            elif _SHORT_NUMBER.fullmatch(first):
                number = first.rstrip(".)")
            else:
                fields["task"] = _join(first, fields.get("task", ""))
            fields["number"] = number or ""
        elif self._previous is not None and _continues(fields, header, after_header):
            for column, text in fields.items():
                if text:
                    self._previous.fields[column] = _join(self._previous.get(column), text)
            return

        row = _Row(index, fields, number, self._section, header)
        self.rows.append(row)
        self._previous = row

    def _merged_row(self, fields: dict[Column, str], merged: set[int], index: int) -> bool:
        """A row under vertically merged cells (rowspan): each merged cell applies to it.

        A merged lead, partner, deadline, product or task is the row above's; a merged
        budget is counted once, on the first row. A merged number makes the row another
        activity of the task above (same number, next ``activity_index``).
        """
        previous = self._previous
        assert previous is not None
        header = previous.header
        for column, i in header.columns.items():
            if i in merged and column not in ("number", "budget") and not fields.get(column):
                fields[column] = previous.get(column)
        number_at = header.columns.get("number")
        if number_at is None or number_at not in merged or previous.number is None:
            return False
        owner = previous.owner or previous
        fields["number"] = owner.number or ""
        row = _Row(index, fields, owner.number, previous.section, header, owner=owner)
        self.rows.append(row)
        self._previous = row
        return True

    def _take_total(self, label: str, cells: list[str], index: int, header: _Header) -> bool:
        """Consume the total row (tổng cộng), the amount in words, and a total on its own line."""
        folded = fold(label[:40])
        if folded.startswith(_IN_WORDS):
            return True
        filled = [c for c in cells if c]
        if self._total_pending and len(filled) == 1:
            amount = _parse_amount(filled[0], header.budget_scale)
            if amount is not None:
                self.total, self.total_line = amount, index
                self._total_pending = False
                return True
        if folded.partition(":")[0].strip() not in _TOTAL_LABELS:
            return False
        budget_at = header.columns.get("budget")
        candidates = [cells[budget_at]] if budget_at is not None and budget_at < len(cells) else []
        candidates += reversed(filled)
        amount = next(
            (
                a
                for a in (_parse_amount(c, header.budget_scale) for c in candidates)
                if a is not None
            ),
            None,
        )
        if amount is None:
            # "Tổng cộng: 936" written in one cell.
            amount = _parse_amount(label.split(":", 1)[-1], header.budget_scale)
        self.total, self.total_line = amount, index
        self._total_pending = amount is None
        self._previous = None
        return True

    def _open_section(self, numeral: str, title: str) -> None:
        above = self._heading_above
        self._heading_above = None
        if above is not None and _roman_value(numeral) == _roman_value(above.numeral) + 1:
            # The first table's rows are the section whose heading stood above the table,
            # now that the next section ("II.") shows the tables are divided by sections.
            self._sections += 1
            first = _Section(above.numeral, above.title, self._sections)
            for row in self.rows:
                if row.section is None:
                    row.section = first
        self._sections += 1
        self._section = _Section(numeral, title, self._sections)
        self._previous = None


def _paired_rows(raw: list[str], header: _Header) -> list[list[str]]:
    """A row that lists k activities line by line with k deadlines, as k rows.

    "- Ban hành kế hoạch / - Tổ chức hội nghị" beside "Quý I/2026 / Quý III/2026" pairs
    line by line; a cell with one line (the lead, say) applies to every activity.
    """
    task_at = header.columns.get("activity", header.columns.get("task"))
    deadline_at = header.columns.get("deadline")
    if task_at is None or deadline_at is None or max(task_at, deadline_at) >= len(raw):
        return [raw]
    if CELL_BREAK not in raw[task_at] or CELL_BREAK not in raw[deadline_at]:
        return [raw]
    parts = [cell.split(CELL_BREAK) for cell in raw]
    count = len(parts[task_at])
    if len(parts[deadline_at]) != count:
        return [raw]
    rows = []
    for k in range(count):
        row = []
        for i, cell in enumerate(raw):
            if len(parts[i]) == count:
                row.append(parts[i][k])
            else:
                row.append(cell if k == 0 else MERGED)
        rows.append(row)
    return rows


def _continues(fields: dict[Column, str], header: _Header, after_header: bool) -> bool:
    """Whether a row with an empty number cell continues the row above it.

    Right after a repeated header it is the rest of a row split by the page break, unless it
    is a complete activity row (activity, lead and deadline given, no objective of its own).
    Elsewhere, in a table with activities it is the next activity of the task above; in one
    without, it is a continuation unless it is complete enough to stand as an unnumbered task.
    """
    complete = bool(
        (fields.get("activity") or fields.get("task"))
        and fields.get("lead")
        and fields.get("deadline")
    )
    if header.has_activities:
        if after_header:
            return not (complete and fields.get("activity") and not fields.get("objective"))
        return False
    return after_header or not complete


def _build_tasks(rows: list[_Row]) -> tuple[list[RawTask], list[Finding]]:
    """Second pass: groups, activities and duplicate numbers, now that every row is whole."""
    parents = {
        (_seq(row), _parent(row.number)) for row in rows if row.number and _parent(row.number)
    }
    group_titles: dict[tuple[int, str], str] = {}
    seen: set[tuple[int, str]] = set()
    findings: list[Finding] = []
    tasks: list[RawTask] = []
    numbered: _Row | None = None
    activity_index = 0
    owners = {id(row.owner) for row in rows if row.owner is not None}

    for row in rows:
        if row.owner is not None:
            # Another activity of a task whose number cell spans several rows.
            task = _task_of(row, None, group_titles)
            activity_index += 1
            if task is not None:
                task.number, task.parent = row.owner.number, _parent(row.owner.number)
                task.activity_index = activity_index
                tasks.append(task)
            continue
        if numbered is not None and numbered.section is not row.section:
            numbered = None
        if row.number is not None:
            key = (_seq(row), row.number)
            has_assignment = any(row.get(c) for c in ("lead", "deadline", "product", "activity"))
            if key in parents and not has_assignment:
                group_titles[key] = _single_item(row.get("task"))
                numbered = None
                continue
            if key in seen:
                findings.append(_duplicate(row))
            seen.add(key)
            numbered, activity_index = row, 0
        activity_of = numbered if row.number is None and row.header.has_activities else None
        task = _task_of(row, activity_of, group_titles)
        if task is None:
            continue
        if row.header.has_activities:
            activity_index = activity_index + 1 if numbered is not None else 1
            task.activity_index = activity_index
        elif id(row) in owners:
            activity_index = task.activity_index = 1
        tasks.append(task)
    return tasks, findings


def _task_of(
    row: _Row, numbered: _Row | None, group_titles: dict[tuple[int, str], str]
) -> RawTask | None:
    """The task a row stands for; ``numbered`` is the task an activity row belongs to."""
    owner = numbered or row
    number = owner.number
    parent = _parent(number) if number else None
    objective = _single_item(row.get("objective") or owner.get("objective"))
    if not objective and parent:
        objective = group_titles.get((_seq(owner), parent), "")
    if row.header.has_activities:
        task_text = _single_item(row.get("task") or owner.get("task"))
        title = _activity_title(task_text, _single_item(row.get("activity")))
    else:
        title = _single_item(row.get("task"))
    title = title or objective
    product = _single_item(row.get("product"))
    lead = _single_item(row.get("lead"))
    support = _single_item(row.get("support"))
    deadline = row.get("deadline")
    if not any((title, product, lead, support, deadline)):
        return None
    section = row.section
    return RawTask(
        section=section.numeral if section else None,
        section_title=section.title if section else None,
        number=number,
        parent=parent,
        title=title,
        objective=objective or None,
        product=product or None,
        lead_text=lead,
        support_text=support,
        deadline_text=deadline,
        budget_million_vnd=_parse_amount(row.get("budget"), row.header.budget_scale),
        line=row.line,
    )


def _activity_title(task_text: str, activity: str) -> str:
    if not task_text or not activity or fold(task_text) == fold(activity):
        return activity or task_text
    return task_text.rstrip(" .;,:") + ACTIVITY_SEPARATOR + activity


def _duplicate(row: _Row) -> Finding:
    if row.section is None:
        return Finding(DUPLICATE_NUMBER_NO_SECTION, {"number": row.number}, line=row.line)
    return Finding(
        DUPLICATE_NUMBER, {"number": row.number, "section": row.section.numeral}, line=row.line
    )


def _header_of(raw: list[str]) -> _Header | None:
    """The column map if this row is a table header (TT, nhiệm vụ/nội dung, chủ trì...)."""
    # Folding every cell of every row is the costly part of reading; a header names who
    # leads ("chủ trì", "thực hiện"), so look for that before folding anything.
    low = "\t".join(raw).lower()
    if not any(hint in low for hint in _HEADER_HINTS) and not any(
        len(cell) <= 16 and cell.strip(" .").lower() in _NUMBER_HEADERS_AS_WRITTEN for cell in raw
    ):
        return None
    columns: dict[Column, int] = {}
    budget_scale = Decimal(1)
    for index, cell in enumerate(raw):
        folded = fold(clean(cell))
        column = _column_of(folded)
        if column is None or column in columns:
            continue
        columns[column] = index
        if column == "budget":
            budget_scale = _scale_of(folded)
    needed = {"number", "task", "lead"}
    # A table without a number column still has one when it says who leads and by when.
    if not (needed <= columns.keys() or {"task", "lead", "deadline"} <= columns.keys()):
        return None
    return _Header(columns, len(raw), budget_scale)


def _column_of(folded: str) -> Column | None:
    if folded.strip(" .") in _NUMBER_HEADERS:
        return "number"
    if "chu tri" in folded or folded.startswith(_LEAD_PREFIXES):
        return "lead"
    if "phoi hop" in folded:
        return "support"
    if folded.startswith(_DEADLINE_PREFIXES):
        return "deadline"
    if "kinh phi" in folded or "du toan" in folded:
        return "budget"
    if "muc tieu" in folded:
        return "objective"
    if "hoat dong" in folded:
        return "activity"
    if "san pham" in folded or folded.startswith(("ket qua", "hinh thuc")):
        return "product"
    if "nhiem vu" in folded or "noi dung" in folded or folded.startswith(_TASK_PREFIXES):
        return "task"
    return None


def _scale_of(folded_header: str) -> Decimal:
    """How many million VND one unit of the budget column is worth, from its header's unit."""
    if "trieu" in folded_header:
        return Decimal(1)
    if "nghin dong" in folded_header or "ngan dong" in folded_header:
        return Decimal("0.001")
    if re.search(r"\bty\b", folded_header):
        return Decimal(1000)
    if re.search(r"\(\s*(dong|vnd)\s*\)", folded_header):
        return Decimal("0.000001")
    return Decimal(1)


def _parse_amount(text: str, scale: Decimal) -> Decimal | None:
    """A budget cell that holds only a number: "936", "1.200" (thousands), "1,5" (decimal)."""
    text = text.strip()
    if _THOUSANDS.fullmatch(text):
        digits = text.replace(".", "").replace(" ", "").replace(",", ".")
    elif _DECIMAL.fullmatch(text):
        digits = text.replace(",", ".")
    else:
        return None
    try:
        return Decimal(digits) * scale
    except InvalidOperation:  # pragma: no cover - the patterns admit only valid numbers
        return None


def _is_column_numbering(cells: list[str]) -> bool:
    """A row "(1) (2) (3)..." numbering the columns under the header."""
    filled = [c for c in cells if c]
    if len(filled) < 3:
        return False
    numbers = [_COLUMN_NUMBER.fullmatch(c) for c in filled]
    return all(numbers) and [int(m[1]) for m in numbers if m] == list(range(1, len(filled) + 1))


def _single_item(text: str) -> str:
    """Drop the bullet before a cell that holds one item; a list of items keeps its bullets."""
    bullet = _LEADING_BULLET.match(text)
    if not bullet:
        return text
    rest = text[bullet.end() :]
    for item in _NEXT_ITEM.finditer(rest):
        if item[1] or item[2].isupper():
            return text
    return rest


def _join(before: str, after: str) -> str:
    return f"{before} {after}" if before and after else before or after


def _section_heading(text: str) -> tuple[str, str] | None:
    """The numeral and title of a section's heading ("II. NHIỆM VỤ CỦA CẤP XÃ")."""
    section = _ROMAN.fullmatch(text)
    if section and _VALID_ROMAN.fullmatch(section["numeral"]) and section["title"]:
        return section["numeral"], section["title"]
    return None


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for letter, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[letter]
        total += -value if after and values[after] > value else value
    return total


def _parent(number: str | None) -> str | None:
    if not number or "." not in number:
        return None
    return number.rpartition(".")[0] or None


def _seq(row: _Row) -> int:
    return row.section.seq if row.section else 0


def _plain(amount: Decimal) -> str:
    """936 rather than 9.36E+2 or 936.000 in a message."""
    return format(amount.normalize(), "f")
