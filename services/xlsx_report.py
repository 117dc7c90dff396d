"""The Excel report (.xlsx): each plan as its appendix table with today's status, plus a
per-agency summary sheet. ``load_report`` reads the database; ``render`` is pure layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from i18n import N_, gettext
from i18n.formatting import status_label
from models import (
    Assignment,
    Evidence,
    MilestoneStatus,
    Plan,
    ProgressReport,
    Role,
    Task,
)
from planning.intent import Status, in_part
from services import reports

MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_NAME_LIMIT = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

# The plan's appendix columns, then today's state; (msgid, width).
TASK_COLUMNS: tuple[tuple[str, int], ...] = (
    # Translators: the "TT" (thứ tự) column of a plan's appendix table.
    (N_("No."), 6),
    (N_("Task"), 48),
    (N_("Deliverable"), 30),
    (N_("Lead agency"), 24),
    (N_("Coordinating agencies"), 30),
    (N_("Deadline"), 18),
    (N_("Status"), 18),
    (N_("Progress (%)"), 10),
    (N_("Last update"), 14),
    (N_("Evidence count"), 11),
    (N_("Days overdue"), 11),
)
STATUS_ORDER = (
    MilestoneStatus.DONE_ON_TIME,
    MilestoneStatus.DONE_LATE,
    MilestoneStatus.IN_PROGRESS,
    MilestoneStatus.OVERDUE,
    MilestoneStatus.UNDATED,
)
STATUS_HEADERS = {
    MilestoneStatus.DONE_ON_TIME: N_("Done on time"),
    MilestoneStatus.DONE_LATE: N_("Done late"),
    MilestoneStatus.IN_PROGRESS: N_("In progress"),
    MilestoneStatus.OVERDUE: N_("Overdue"),
    MilestoneStatus.UNDATED: N_("No deadline yet"),
}
AGENCY_SHEET = N_("By agency")
AGENCY_COLUMNS: tuple[tuple[str, int], ...] = (
    (N_("Agency"), 36),
    *((STATUS_HEADERS[s], 14) for s in STATUS_ORDER),
    (N_("Total milestones"), 12),
    (N_("On-time rate"), 12),
)
DATE_FORMAT = "DD/MM/YYYY"
# Text a spreadsheet would take for a formula (or, pasted or re-typed, turn into one): a plan's
# cell "=HYPERLINK(...)" must reach the reader as the words the plan has, never run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_SECTION_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


# ------------------------------------------------------------------------------ layout


@dataclass(frozen=True)
class SectionLine:
    """A section heading row of the appendix ("I", "Công tác chỉ đạo, điều hành")."""

    code: str
    title: str


@dataclass(frozen=True)
class TaskLine:
    task_id: int
    number: str
    title: str
    product: str
    leads: str
    supports: str
    deadline: str
    status: MilestoneStatus
    progress: int
    last_update: date | None
    evidence: int
    days_overdue: int | None


@dataclass(frozen=True)
class PlanSheet:
    name: str  # wanted sheet name (the plan's number); made valid by ``sheet_name``
    rows: list[SectionLine | TaskLine]


@dataclass(frozen=True)
class AgencyLine:
    name: str
    counts: reports.StatusCounts


def sheet_name(wanted: str, taken: Sequence[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, no leading or trailing apostrophe, at most
    31 characters ("15/KH-UBND" -> "15-KH-UBND")."""
    name = _SHEET_FORBIDDEN.sub("-", wanted).strip().strip("'").strip() or "Sheet"
    name = name[:SHEET_NAME_LIMIT]
    lowered = {t.lower() for t in taken}
    n = 2
    candidate = name
    while candidate.lower() in lowered:
        suffix = f" ({n})"
        candidate = name[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    return candidate


def render(plans: Sequence[PlanSheet], agencies: Sequence[AgencyLine]) -> bytes:
    """The workbook: one sheet per plan, then the per-agency summary; headers translated
    into the current language (Vietnamese by default)."""
    book = Workbook()
    default = book.active
    taken: list[str] = []
    for plan in plans:
        sheet = book.create_sheet(sheet_name(plan.name, taken))
        taken.append(sheet.title)
        _plan_sheet(sheet, plan)
    summary = book.create_sheet(sheet_name(gettext(AGENCY_SHEET), taken))
    _agency_sheet(summary, agencies)
    if default is not None:
        book.remove(default)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    for index, (message, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=gettext(message))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _plan_sheet(sheet: Worksheet, plan: PlanSheet) -> None:
    _header(sheet, TASK_COLUMNS)
    for row in plan.rows:
        if isinstance(row, SectionLine):
            _append(sheet, [row.code, row.title])
            for cell in sheet[sheet.max_row]:
                cell.font = _SECTION_FONT
        else:
            _append(
                sheet,
                [
                    row.number,
                    row.title,
                    row.product,
                    row.leads,
                    row.supports,
                    row.deadline,
                    _capital(status_label(row.status)),
                    row.progress,
                    row.last_update,
                    row.evidence,
                    row.days_overdue,
                ],
            )
            sheet.cell(row=sheet.max_row, column=9).number_format = DATE_FORMAT
        for cell in sheet[sheet.max_row]:
            cell.alignment = _WRAP


def _agency_sheet(sheet: Worksheet, agencies: Sequence[AgencyLine]) -> None:
    _header(sheet, AGENCY_COLUMNS)
    for line in agencies:
        _append(
            sheet,
            [
                line.name,
                *(line.counts[s] for s in STATUS_ORDER),
                line.counts.total,
                line.counts.on_time_rate,
            ],
        )
        rate = sheet.cell(row=sheet.max_row, column=len(AGENCY_COLUMNS))
        rate.number_format = "0.0%"
        for cell in sheet[sheet.max_row]:
            cell.alignment = _WRAP


def _append(sheet: Worksheet, values: Sequence[object]) -> None:
    """A row whose text is text: a value that starts like a formula is stored as a string
    (not a formula) with Excel's quote prefix, so editing the cell keeps it text too."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class Scope:
    """Which tasks a report holds beyond its window and status: one section's ("xuất excel
    các nhiệm vụ phần III"), or those some agencies take part in (as ``role`` where given)."""

    section: str | None = None
    agencies: frozenset[int] = frozenset()
    role: Role | None = None

    def holds(self, task: Task) -> bool:
        if self.section is not None and not in_part(self.section, task.section, task.number):
            return False
        return not self.agencies or any(
            a.agency_id in self.agencies and (self.role is None or a.role == self.role)
            for a in task.assignments
        )


def load_report(
    session: Session,
    now: datetime,
    plan_id: int | None = None,
    due_in: tuple[date, date] | None = None,
    status: Status | None = None,
    scope: Scope = Scope(),
) -> tuple[list[PlanSheet], list[AgencyLine]]:
    """The plans' rows as of ``now`` (its time zone dates the last updates), and the
    per-agency summary counted as ``services.reports`` counts; with ``due_in``, of the tasks
    and milestones due in that window only (a quarter's report); with ``status``, of the
    tasks that stand so ("xuất excel các việc quá hạn"); with ``scope``, of its tasks (and a
    section's summary)."""
    today = now.date()
    query = select(Plan).order_by(Plan.id)
    if plan_id is not None:
        query = query.where(Plan.id == plan_id)
    plans = session.scalars(query).all()
    evidence: dict[int, int] = {
        task_id: count
        for task_id, count in session.execute(
            select(Evidence.task_id, func.count(Evidence.id)).group_by(Evidence.task_id)
        )
    }
    last: dict[int, datetime] = {
        task_id: moment
        for task_id, moment in session.execute(
            select(ProgressReport.task_id, func.max(ProgressReport.created_at)).group_by(
                ProgressReport.task_id
            )
        )
    }
    sheets = []
    for plan in plans:
        tasks = session.scalars(
            select(Task)
            .where(Task.plan_id == plan.id, Task.removed_at.is_(None))
            .order_by(Task.position)
            .options(
                selectinload(Task.milestones),
                selectinload(Task.assignments).selectinload(Assignment.agency),
            )
        )
        rows: list[SectionLine | TaskLine] = []
        section: tuple[str | None, str | None] | None = None
        for task in tasks:
            if due_in is not None and not any(
                m.due is not None and due_in[0] <= m.due <= due_in[1] for m in task.milestones
            ):
                continue
            if status is not None and not _stands(task, today, status):
                continue
            if not scope.holds(task):
                continue
            if task.section and (task.section, task.section_title) != section:
                section = (task.section, task.section_title)
                rows.append(SectionLine(task.section, task.section_title or ""))
            updated = last.get(task.id)
            rows.append(
                _task_line(task, today, evidence.get(task.id, 0), _local_date(updated, now))
            )
        sheets.append(PlanSheet(plan.number or plan.title, rows))
    snap = reports.snapshot(session, today, plan_id)
    if due_in is not None or scope.section is not None:
        snap = snap.where(due_in=due_in, section=scope.section)
    agencies = [AgencyLine(s.name, s.counts) for s in snap.by_agency()]
    return sheets, agencies


def build_report(
    session: Session,
    now: datetime,
    plan_id: int | None = None,
    due_in: tuple[date, date] | None = None,
    status: Status | None = None,
    scope: Scope = Scope(),
) -> bytes:
    """The .xlsx bytes of the report as of ``now`` (of the window ``due_in``, the tasks
    that stand as ``status`` says and those of ``scope``, if given)."""
    return render(*load_report(session, now, plan_id, due_in, status, scope))


def _stands(task: Task, today: date, status: Status) -> bool:
    """Whether a task stands as ``status`` says on ``today``, by its milestones."""
    milestones = task.milestones
    done = bool(milestones) and all(m.completed_on is not None for m in milestones)
    overdue = any(m.is_overdue(today) for m in milestones)
    dated = any(m.due is not None for m in milestones)
    if status is Status.OVERDUE:
        return overdue
    if status is Status.DONE:
        return done
    if status is Status.UNDATED:
        return not dated
    if status is Status.IN_PROGRESS:
        return dated and not done and not overdue
    return not done  # open; falling due, within the window given


def _task_line(task: Task, today: date, evidence: int, updated: date | None) -> TaskLine:
    overdue = [m.due for m in task.milestones if m.is_overdue(today) and m.due is not None]
    number = task.number or str(task.position + 1)
    if task.activity_index:
        number = f"{number} ({task.activity_index})"
    return TaskLine(
        task_id=task.id,
        number=number,
        title=task.title,
        product=task.product or "",
        leads="; ".join(a.shown_name for a in task.assignments if a.role == Role.LEAD),
        supports="; ".join(a.shown_name for a in task.assignments if a.role == Role.SUPPORT),
        deadline=task.deadline_text,
        status=task.status(today),
        progress=task.progress_percent,
        last_update=updated,
        evidence=evidence,
        days_overdue=(today - min(overdue)).days if overdue else None,
    )


def _local_date(moment: datetime | None, now: datetime) -> date | None:
    if moment is None:
        return None
    if moment.tzinfo is not None and now.tzinfo is not None:
        moment = moment.astimezone(now.tzinfo)
    return moment.date()
