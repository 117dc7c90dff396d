"""The plan as read, as a workbook a coordinator corrects in Excel or LibreOffice, and the
corrected workbook read back: one row per task or activity, the appendix's columns, the
agencies as resolved, each deadline's date in a column of its own, warnings highlighted.

Pure: the caller gives the rows (from the database) and the headers' language, and gets
bytes; or gives bytes and gets the rows back. Rows carry their task's slot in a hidden
column, so a coordinator may sort, insert and delete rows; columns are found by their
header, in Vietnamese or English.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from i18n import N_
from planning.documents import BAD_EXCEL, check_zip
from planning.errors import BadDocument
from planning.text import fold

MARK = "nhacviec-plan-export"
VERSION = 1
MARKS_SHEET = "nhacviec"

NOT_AN_EXPORT = N_(
    "This workbook was not exported by nhacviec (no plan mark): correct the plan in the "
    "workbook that `nhacviec plan export` wrote."
)
NO_HEADER = N_("The workbook's header row is missing its %(column)s column.")
NOT_A_DATE = N_("Row %(row)d: “%(value)s” is not a date; write deadlines as dd/mm/yyyy.")
NOT_A_NUMBER = N_(
    "Targets, row %(row)d: “%(value)s” is not a number; write the target value as 80 or 12,5."
)
TARGET_NOT_A_DATE = N_("Targets, row %(row)d: “%(value)s” is not a date; write it as dd/mm/yyyy.")

# (key, header): the columns in order; a header is a catalog message.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("slot", N_("Code (do not change)")),
    ("section", N_("Section")),
    ("number", N_("No.")),
    ("activity", N_("Activity")),
    ("title", N_("Task")),
    ("objective", N_("Objective")),
    ("product", N_("Deliverable")),
    ("lead", N_("Lead agency")),
    ("support", N_("Coordinating agencies")),
    ("deadline", N_("Deadline as written")),
    ("budget", N_("Budget (million VND)")),
)
MILESTONE = N_("Deadline %(number)d")
MEANING = N_("What the deadlines stand for")
WARNINGS = N_("Warnings")
WARNING_FILL = "FFF2CC"  # a pale yellow: the rows the importer was unsure of
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SheetMilestone:
    """One deadline of a row: its date (None: no date) and what it stands for."""

    due: date | None
    label: str = ""


@dataclass(frozen=True)
class SheetRow:
    slot: str | None  # None: a row the coordinator added
    section: str | None
    number: str | None
    activity: int | None
    title: str
    objective: str | None
    product: str | None
    lead: str
    support: str
    deadline: str
    budget: Decimal | None
    milestones: tuple[SheetMilestone, ...]
    warnings: tuple[str, ...] = ()


# The targets' sheet (chỉ tiêu): (key, header) of the columns read back, then those shown only.
TARGET_SHEET = N_("Targets")
TARGET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", N_("Code (do not change)")),
    ("task", N_("Task")),
    ("measure", N_("What is measured")),
    ("level", N_("Level")),
    ("comparison", N_("Comparison")),
    ("value", N_("Target value")),
    ("unit", N_("Unit")),
    ("change", N_("Change")),
    ("baseline", N_("Baseline")),
    ("due", N_("Report by")),
    ("agencies", N_("Agencies answering for it")),
)
TARGET_SHOWN = (N_("As written in the plan"), N_("Latest value"), N_("Status"))
DECREASE = N_("decrease")
INCREASE = N_("increase")
_COMPARISONS = {
    "≥": "ge",
    ">=": "ge",
    ">": "ge",
    "ge": "ge",
    "toi thieu": "ge",
    "it nhat": "ge",
    "≤": "le",
    "<=": "le",
    "<": "le",
    "le": "le",
    "toi da": "le",
    "khong qua": "le",
    "=": "eq",
    "eq": "eq",
    "dat": "eq",
    "": "eq",
}
_SYMBOLS = {"ge": "≥", "le": "≤", "eq": "="}


@dataclass(frozen=True)
class SheetTarget:
    """A target (chỉ tiêu) row: ``key`` None for a row the coordinator added; ``task`` the
    task's number as people name it ("III.2"), empty for an objective of the whole plan;
    ``agencies`` separated by ";". ``text``, ``latest`` and ``status`` are shown, not read."""

    key: str | None
    task: str | None
    measure: str
    level: str | None
    comparison: str
    value: Decimal
    unit: str
    change: str | None
    baseline: str | None
    due: date | None
    agencies: str
    text: str = ""
    latest: str = ""
    status: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetPlan:
    plan_id: int
    rows: tuple[SheetRow, ...]
    targets: tuple[SheetTarget, ...] | None = None  # None: a workbook with no targets' sheet


def write_workbook(
    plan_id: int,
    title: str,
    rows: Sequence[SheetRow],
    gettext: Callable[[str], str],
    targets: Sequence[SheetTarget] = (),
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(title)
    width = max((len(r.milestones) for r in rows), default=1) or 1
    headers = [gettext(h) for _key, h in COLUMNS]
    headers += [gettext(MILESTONE) % {"number": n} for n in range(1, width + 1)]
    headers += [gettext(MEANING), gettext(WARNINGS)]
    sheet.append(headers)
    # One style object of each kind for every cell: openpyxl hashes each one it is given.
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color=WARNING_FILL, end_color=WARNING_FILL)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = wrap
    style = _Styles(wrap, fill)
    for r, row in enumerate(rows, start=2):
        values: list[Any] = [
            row.slot,
            row.section,
            row.number,
            row.activity,
            row.title,
            row.objective,
            row.product,
            row.lead,
            row.support,
            row.deadline,
            float(row.budget) if row.budget is not None else None,
        ]
        values += [m.due for m in row.milestones] + [None] * (width - len(row.milestones))
        meanings = [f"{n}. {m.label}" for n, m in enumerate(row.milestones, start=1) if m.label]
        values += ["\n".join(meanings) or None, "\n".join(row.warnings) or None]
        _write_row(sheet, r, values, style, bool(row.warnings))
    sheet.column_dimensions["A"].hidden = True
    for letter, size in (("E", 60), ("G", 40), ("H", 28), ("I", 36), ("J", 24)):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = "E2"
    _target_sheet(book, targets, gettext, style, bold)
    marks = book.create_sheet(MARKS_SHEET)
    marks.append([MARK, VERSION])
    marks.append(["plan", plan_id])
    marks.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _target_sheet(
    book: Any,
    targets: Sequence[SheetTarget],
    gettext: Callable[[str], str],
    style: _Styles,
    bold: Any,
) -> None:
    """The second sheet: one row per target, its goal in columns a coordinator can fix, its
    agencies to assign; the rows with a warning (no agency) are yellow."""
    sheet = book.create_sheet(gettext(TARGET_SHEET)[:31])
    sheet.append([gettext(h) for _key, h in TARGET_COLUMNS] + [gettext(h) for h in TARGET_SHOWN])
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = style.wrap
    change = {"decrease": gettext(DECREASE), "increase": gettext(INCREASE)}
    for r, target in enumerate(targets, start=2):
        values: list[Any] = [
            target.key,
            target.task,
            target.measure,
            target.level,
            _SYMBOLS.get(target.comparison, target.comparison),
            float(target.value),
            target.unit,
            change.get(target.change or ""),
            target.baseline,
            target.due,
            target.agencies,
            target.text,
            target.latest,
            target.status,
        ]
        _write_row(sheet, r, values, style, bool(target.warnings))
    sheet.column_dimensions["A"].hidden = True
    for letter, size in (("C", 60), ("K", 36), ("L", 60)):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = "C2"


class _Styles:
    """The few styles of the sheets' cells: wrapped, a date as dd/mm/yyyy or not, yellow or
    not. Each is given to the first cell that needs it through openpyxl's attributes, and
    every later cell takes a copy of that cell's style indices, as openpyxl's own sheet
    copier does: given a style object, openpyxl hashes it into the workbook's list of styles
    again for each cell, which took a third of the time to export 5,000 tasks."""

    def __init__(self, wrap: Any, fill: Any) -> None:
        self.wrap, self.fill = wrap, fill
        self._made: dict[tuple[bool, bool], Any] = {}

    def apply(self, cell: Any, value: Any, yellow: bool) -> None:
        kind = (isinstance(value, date), yellow)
        made = self._made.get(kind)
        if made is not None:
            cell._style = copy(made)
            return
        cell.alignment = self.wrap
        if kind[0]:
            cell.number_format = "DD/MM/YYYY"
        if yellow:
            cell.fill = self.fill
        self._made[kind] = copy(cell._style)


def _write_row(sheet: Any, r: int, values: list[Any], style: _Styles, yellow: bool) -> None:
    """One row of values, wrapped, dates as dd/mm/yyyy, yellow if ``yellow``."""
    for c, value in enumerate(values, start=1):
        cell = sheet.cell(row=r, column=c)
        _set(cell, value)
        style.apply(cell, value, yellow)


def is_export(data: bytes) -> bool:
    """Whether ``data`` is a workbook `write_workbook` wrote (possibly corrected since)."""
    try:
        return _marks(_load(data)) is not None
    except BadDocument:
        return False


def read_workbook(data: bytes, headers_in: Sequence[Callable[[str], str]]) -> SheetPlan:
    """The rows of a corrected workbook. ``headers_in``: the gettext of every language the
    headers may be in. Raises BadDocument for a damaged file or one we did not export."""
    book = _load(data)
    plan_id = _marks(book)
    if plan_id is None:
        raise BadDocument(NOT_AN_EXPORT)
    rows = _values(book.worksheets[0])
    header = [str(v or "").strip() for v in next(rows, ())]
    where = _columns(header, headers_in)
    read = []
    for number, values in enumerate(rows, start=2):
        cells = list(values) + [None] * (len(header) - len(values))
        if all(v is None or str(v).strip() == "" for v in cells):
            continue
        read.append(_row(number, cells, where))
    return SheetPlan(plan_id, tuple(read), _read_targets(book, headers_in))


def _read_targets(
    book: Any, headers_in: Sequence[Callable[[str], str]]
) -> tuple[SheetTarget, ...] | None:
    """The targets' sheet, found by its header (it may be renamed); None if there is none."""
    wanted = {
        key: {g(h).casefold() for g in headers_in} | {h.casefold()} for key, h in TARGET_COLUMNS
    }
    for sheet in book.worksheets[1:]:
        if sheet.title == MARKS_SHEET:
            continue
        rows = _values(sheet)
        header = [str(v or "").strip().casefold() for v in next(rows, ())]
        where = {}
        for key, names in wanted.items():
            found = next((i for i, h in enumerate(header) if h in names), None)
            if found is None:
                break
            where[key] = found
        else:
            changes = {}
            for gettext in headers_in:
                changes[gettext(DECREASE).casefold()] = "decrease"
                changes[gettext(INCREASE).casefold()] = "increase"
            read = []
            for number, values in enumerate(rows, start=2):
                cells = list(values) + [None] * (len(header) - len(values))
                if all(v is None or str(v).strip() == "" for v in cells):
                    continue
                read.append(_target_row(number, cells, where, changes))
            return tuple(read)
    return None


def _target_row(
    number: int, cells: list[Any], where: dict[str, int], changes: dict[str, str]
) -> SheetTarget:
    def text(key: str) -> str:
        value = cells[where[key]] if where[key] < len(cells) else None
        return "" if value is None else " ".join(str(value).split())

    raw_value = cells[where["value"]]
    value = _decimal(str(raw_value)) if raw_value is not None else None
    if value is None:
        raise BadDocument(NOT_A_NUMBER, row=number, value=text("value"))
    raw_due = cells[where["due"]]
    due = _date(raw_due)
    if due is None and str(raw_due or "").strip():
        raise BadDocument(TARGET_NOT_A_DATE, row=number, value=str(raw_due).strip())
    comparison = _COMPARISONS.get(fold(text("comparison")), "eq")
    change = changes.get(text("change").casefold()) or {"giam": "decrease", "tang": "increase"}.get(
        fold(text("change"))
    )
    return SheetTarget(
        key=text("key") or None,
        task=text("task") or None,
        measure=text("measure"),
        level=text("level") or None,
        comparison=comparison,
        value=value,
        unit=text("unit") or "%",
        change=change,
        baseline=text("baseline") or None,
        due=due,
        agencies=text("agencies"),
    )


def _row(number: int, cells: list[Any], where: dict[str, int | list[int]]) -> SheetRow:
    def text(key: str) -> str:
        index = where[key]
        assert isinstance(index, int)
        value = cells[index] if index < len(cells) else None
        return "" if value is None else " ".join(str(value).split())

    def optional(key: str) -> str | None:
        return text(key) or None

    milestone_columns = where["milestones"]
    assert isinstance(milestone_columns, list)
    dues = []
    for i in milestone_columns:
        value = cells[i] if i < len(cells) else None
        due = _date(value)
        if due is None and str(value or "").strip():
            raise BadDocument(NOT_A_DATE, row=number, value=str(value).strip())
        dues.append(due)
    while dues and dues[-1] is None:
        dues.pop()
    activity = text("activity")
    return SheetRow(
        slot=optional("slot"),
        section=optional("section"),
        number=optional("number"),
        activity=int(activity) if activity.isdigit() else None,
        title=text("title"),
        objective=optional("objective"),
        product=optional("product"),
        lead=text("lead"),
        support=text("support"),
        deadline=text("deadline"),
        budget=_decimal(text("budget")),
        milestones=tuple(SheetMilestone(due) for due in dues),
    )


def _columns(
    header: list[str], headers_in: Sequence[Callable[[str], str]]
) -> dict[str, int | list[int]]:
    folded = [h.casefold() for h in header]
    where: dict[str, int | list[int]] = {}
    for key, message in COLUMNS:
        names = {gettext(message).casefold() for gettext in headers_in} | {message.casefold()}
        found = next((i for i, h in enumerate(folded) if h in names), None)
        if found is None:
            raise BadDocument(NO_HEADER, column=headers_in[0](message))
        where[key] = found
    patterns = [
        re.compile(re.escape(gettext(MILESTONE) % {"number": 999}).replace("999", r"(\d+)"), re.I)
        for gettext in headers_in
    ]
    numbered = []
    for i, h in enumerate(header):
        for pattern in patterns:
            match = pattern.fullmatch(h)
            if match:
                numbered.append((int(match.group(1)), i))
                break
    where["milestones"] = [i for _n, i in sorted(numbered)]
    return where


def _load(data: bytes) -> Any:
    check_zip(data, BAD_EXCEL)
    try:
        from openpyxl import load_workbook

        return load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception:  # noqa: BLE001 - any parse error of a damaged file is the user's to fix
        raise BadDocument(BAD_EXCEL) from None


def _values(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows of values. The workbook is opened read-only (a third faster to read,
    with no cell objects made), which parses a sheet only as it is read: so a damaged sheet
    is found here, and refused as a damaged file is."""
    try:
        rows = list(sheet.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - as in _load
        raise BadDocument(BAD_EXCEL) from None
    return iter(rows)


def _marks(book: Any) -> int | None:
    if MARKS_SHEET not in book.sheetnames:
        return None
    rows = [[*row, None, None] for row in _values(book[MARKS_SHEET])]
    if not rows or rows[0][0] != MARK:
        return None
    plan = rows[1][1] if len(rows) > 1 else None
    return int(plan) if isinstance(plan, int | float) else None


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*", str(value or ""))
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _decimal(text: str) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _set(cell: Any, value: Any) -> None:
    """A value into a cell; text that a spreadsheet would run as a formula stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(_UNSAFE_START):
        cell.data_type = "s"


def _sheet_title(title: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Plan"
    return cleaned[:31]
