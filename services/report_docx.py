"""The report to the People's Committee (Báo cáo kết quả thực hiện công tác cải cách hành chính)
as a Word document: ``load_report`` reads one plan for one period (a quarter, a half-year, a
year); ``render`` lays it out as Nghị định 30/2020/NĐ-CP sets an administrative document.

The layout: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman, the
body at 14 pt; the issuing body and the national motto (quốc hiệu, tiêu ngữ) side by side
in a borderless table, the number and date left blank for the office to fill ("Số: /BC-
UBND", "..., ngày ... tháng ... năm ..."); the title; the body following the plan's areas;
the on-time rate per agency; the targets met and not met; the overdue tasks with the
explanations received; a blank "Đề xuất, kiến nghị" for the author; "Nơi nhận" and the
signature block; and, on landscape pages, the appendix table the spreadsheet holds.

What is counted: the milestones due in the period, each in its class as it stood the day
after the period ended (or today, for a period not over yet); a completion recorded after
that day does not count. Targets are judged by the latest value reported by then.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_, gettext
from i18n.formatting import amount, short_day, status_label, target_goal, target_status_label
from models import (
    Agency,
    Assignment,
    Milestone,
    MilestoneStatus,
    Plan,
    ProgressReport,
    Role,
    TargetStatus,
    Task,
)
from models.plan import judge, task_label
from planning.reporting import ReportPeriod
from services import xlsx_report
from services.errors import UserError
from services.plans import NO_PLAN
from services.reports import StatusCounts
from services.review import EXPLANATION
from services.targets import TargetRow, target_rows
from services.xlsx_report import AgencyLine, PlanSheet, SectionLine, TaskLine

MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
BAD_PERIOD = N_("A period is a quarter, a half-year or a year: 2025-Q3, 2025-H1 or 2025.")

_JUDGED = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE, MilestoneStatus.OVERDUE)
_ISSUER_LEVEL = re.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(.*)$", re.IGNORECASE
)  # "UBND tỉnh Quảng Trị" -> "tỉnh Quảng Trị"
_PLACE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường)\s+", re.IGNORECASE)


# ------------------------------------------------------------------------------ the data


@dataclass(frozen=True)
class AreaLine:
    """One area (lĩnh vực) of the plan: its milestones due in the period, and its targets."""

    code: str | None
    title: str
    counts: StatusCounts
    targets: list[TargetRow]


@dataclass(frozen=True)
class OverdueLine:
    label: str
    title: str
    leads: str
    due: date
    days: int
    reason: str | None
    expected: date | None


@dataclass(frozen=True)
class ReportData:
    issuer: str | None
    plan_number: str | None
    plan_title: str
    period: ReportPeriod
    judged_on: date  # the day the classes are judged on
    counts: StatusCounts
    areas: list[AreaLine]
    agencies: list[AgencyLine]
    targets: list[TargetRow]
    overdue: list[OverdueLine]
    appendix: PlanSheet


def newest_plans(session: Session, count: int) -> list[Plan]:
    """The plans most recently imported, newest first (what a report is likely about)."""
    return list(session.scalars(select(Plan).order_by(Plan.id.desc()).limit(count)))


def parse_period(code: str) -> ReportPeriod:
    period = ReportPeriod.parse(code)
    if period is None:
        raise UserError(BAD_PERIOD)
    return period


def load_report(session: Session, plan_id: int, period: ReportPeriod, now: datetime) -> ReportData:
    """Everything the report says about plan ``plan_id`` in ``period``, as of ``now``.

    Tasks and milestones are read as plain columns (a 300-task plan has a thousand
    milestones); the appendix is the spreadsheet's (``services.xlsx_report``)."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise UserError(NO_PLAN, id=plan_id)
    today = now.date()
    judged_on = min(today, period.end + timedelta(days=1))
    known_until = datetime.combine(judged_on - timedelta(days=1), time.max, tzinfo=now.tzinfo)
    live = (Task.plan_id == plan_id, Task.removed_at.is_(None))
    tasks = {
        row.id: row
        for row in session.execute(
            select(
                Task.id,
                Task.section,
                Task.section_title,
                Task.number,
                Task.activity_index,
                Task.position,
                Task.title,
            )
            .where(*live)
            .order_by(Task.position)
        )
    }
    names = {a.id: a for a in session.scalars(select(Agency))}
    leads: dict[int, list[str]] = defaultdict(list)
    for task_id, agency_id in session.execute(
        select(Assignment.task_id, Assignment.agency_id)
        .join(Task, Task.id == Assignment.task_id)
        .where(*live, Assignment.role == Role.LEAD)
        .order_by(Assignment.task_id, Assignment.position)
    ):
        name = names[agency_id].current(judged_on).name
        if name not in leads[task_id]:
            leads[task_id].append(name)
    milestones = session.execute(
        select(Milestone.task_id, Milestone.due, Milestone.original_due, Milestone.completed_on)
        .join(Task, Task.id == Milestone.task_id)
        .where(*live)
    ).all()

    areas: dict[tuple[str | None, str], list[MilestoneStatus]] = {
        (t.section, t.section_title or ""): [] for t in tasks.values()
    }
    per_agency: dict[str, list[MilestoneStatus]] = defaultdict(list)
    everything: list[MilestoneStatus] = []
    late: dict[int, date] = {}
    for task_id, due, original_due, completed_on in milestones:
        done = completed_on if completed_on is not None and completed_on < judged_on else None
        if due is not None and due < judged_on and done is None:
            late[task_id] = min(late.get(task_id, due), due)
        judged = original_due or due
        if judged is None or judged not in period:
            continue
        status = judge(due, original_due, done, judged_on)
        task = tasks[task_id]
        areas[(task.section, task.section_title or "")].append(status)
        everything.append(status)
        for name in leads[task_id]:
            per_agency[name].append(status)

    targets = target_rows(session, judged_on, plan_id=plan_id, until=known_until)
    by_section: dict[str | None, list[TargetRow]] = defaultdict(list)
    for row in targets:
        by_section[row.section].append(row)
    area_lines = [
        AreaLine(code, title, StatusCounts.of(statuses), by_section.get(code, []))
        for (code, title), statuses in areas.items()
    ]
    agencies = sorted(
        (AgencyLine(name, StatusCounts.of(s)) for name, s in per_agency.items()),
        key=lambda a: (-(a.counts.on_time_rate or 0), a.name),
    )
    sheets, _agencies = xlsx_report.load_report(
        session, datetime.combine(judged_on, time(0, 0), tzinfo=now.tzinfo), plan_id
    )
    overdue = [
        OverdueLine(
            label=task_label(t.section, t.number, t.activity_index, t.position),
            title=t.title,
            leads=", ".join(leads[task_id]),
            due=due,
            days=(judged_on - due).days,
            reason=None,
            expected=None,
        )
        for task_id, due in late.items()
        for t in (tasks[task_id],)
    ]
    return ReportData(
        issuer=plan.issuer,
        plan_number=plan.number,
        plan_title=plan.title,
        period=period,
        judged_on=judged_on,
        counts=StatusCounts.of(everything),
        areas=area_lines,
        agencies=agencies,
        targets=targets,
        overdue=_explained(session, overdue, list(late), known_until),
        appendix=sheets[0] if sheets else PlanSheet(plan.number or plan.title, []),
    )


def _explained(
    session: Session, lines: list[OverdueLine], task_ids: list[int], known_until: datetime
) -> list[OverdueLine]:
    """The overdue tasks, longest overdue first, each with the latest explanation (giải
    trình) received by then: its reason and the date the agency expects to finish."""
    explanations: dict[int, ProgressReport] = {}
    if task_ids:
        for report in session.scalars(
            select(ProgressReport)
            .where(
                ProgressReport.task_id.in_(task_ids),
                ProgressReport.kind == EXPLANATION,
                ProgressReport.created_at <= known_until,
            )
            .order_by(ProgressReport.created_at, ProgressReport.id)
        ):
            explanations[report.task_id] = report
    out = []
    for task_id, line in zip(task_ids, lines, strict=True):
        explanation = explanations.get(task_id)
        if explanation is not None:
            line = replace(line, reason=explanation.note, expected=explanation.requested_date)
        out.append(line)
    return sorted(out, key=lambda line: (-line.days, line.label))


# ---------------------------------------------------------------------------- the layout

# Translators: the Word report's fixed words; an administrative document's, in Vietnamese.
NATION = N_("SOCIALIST REPUBLIC OF VIETNAM")
MOTTO = N_("Independence - Freedom - Happiness")
ISSUER_DEFAULT = N_("PEOPLE'S COMMITTEE")
NUMBER = N_("No.:      /BC-UBND")
PLACE_DATE = N_("%(place)s, day ... month ... year %(year)d")
TITLE = N_("REPORT")
SUBTITLE = N_("Results of the administrative reform work in %(period)s")
INTRO = N_(
    "Carrying out the plan %(title)s, the People's Committee reports the results of the "
    "administrative reform work in %(period)s as follows:"
)
INTRO_NUMBERED = N_(
    "Carrying out plan No. %(number)s (%(title)s), the People's Committee reports the results "
    "of the administrative reform work in %(period)s as follows:"
)
PART_RESULTS = N_("I. RESULTS OF THE PLAN")
OVERALL = N_(
    "In %(period)s, %(total)d deadlines of the plan fell due: %(on_time)d done on time, "
    "%(late)d done late, %(in_progress)d in progress within their deadline and %(overdue)d "
    "overdue. On-time rate: %(rate)s."
)
NO_DEADLINES = N_("No deadline of the plan fell due in %(period)s.")
AREA_COUNTS = N_(
    "Deadlines due in the period: %(total)d (%(on_time)d done on time, %(late)d done late, "
    "%(in_progress)d in progress, %(overdue)d overdue); on-time rate: %(rate)s."
)
AREA_NO_DEADLINES = N_("No deadline of this area fell due in the period.")
AREA_TARGET = N_("%(measure)s: target %(goal)s; achieved %(value)s (%(status)s).")
AREA_TARGET_NONE = N_("%(measure)s: target %(goal)s; %(status)s.")
PLAN_LEVEL = N_("Targets of the plan as a whole")
PART_AGENCIES = N_("II. ON-TIME RATE BY AGENCY")
PART_TARGETS = N_("III. TARGETS")
TARGETS_MET = N_("1. Targets met (%(count)d)")
TARGETS_NOT_MET = N_("2. Targets not met or not reported (%(count)d)")
NO_TARGETS = N_("The plan names no measurable target.")
NONE = N_("None.")
PART_OVERDUE = N_("IV. OVERDUE TASKS AND THE EXPLANATIONS RECEIVED")
NO_OVERDUE = N_("No task is overdue.")
NO_EXPLANATION = N_("no explanation received")
EXPLANATION_TEXT = N_("%(reason)s; expected completion %(date)s")
PART_PROPOSALS = N_("V. PROPOSALS AND RECOMMENDATIONS")
CLOSING = N_("This is the report on the results of the administrative reform work in %(period)s./.")
RECIPIENTS = N_("Recipients:")
RECIPIENT_LINES = (
    N_("- Ministry of Home Affairs (to report);"),
    N_("- ...;"),
    N_("- Archive: VT."),
)
SIGNATURE_FOR = N_("ON BEHALF OF THE PEOPLE'S COMMITTEE")
SIGNATURE_TITLE = N_("CHAIRMAN")
APPENDIX = N_("APPENDIX")
APPENDIX_TITLE = N_("RESULTS OF THE TASKS OF THE PLAN IN %(period)s")
APPENDIX_NOTE = N_("(Attached to Report No.      /BC-UBND of the People's Committee)")
AS_OF = N_("Status as of %(date)s.")

# Column widths in cm: a portrait page's text is 16.5 cm wide, a landscape page's 26.2 cm.
AGENCY_COLUMNS = (
    (N_("No."), 1.0),
    (N_("Agency"), 5.5),
    (N_("Done on time"), 2.0),
    (N_("Done late"), 2.0),
    (N_("Overdue"), 2.0),
    (N_("In progress"), 2.0),
    (N_("On-time rate"), 2.0),
)
TARGET_COLUMNS = (
    (N_("No."), 1.0),
    (N_("What is measured"), 7.0),
    (N_("Goal"), 2.5),
    (N_("Achieved"), 2.5),
    (N_("Agency"), 3.5),
)
NOT_MET_COLUMNS = (
    (N_("No."), 1.0),
    (N_("What is measured"), 6.0),
    (N_("Goal"), 2.3),
    (N_("Achieved"), 2.3),
    (N_("Status"), 2.0),
    (N_("Agency"), 2.9),
)
OVERDUE_COLUMNS = (
    (N_("Task"), 1.4),
    (N_("Title"), 4.7),
    (N_("Lead agency"), 3.0),
    (N_("Deadline"), 2.6),
    (N_("Days overdue"), 1.5),
    (N_("Explanation"), 3.3),
)
APPENDIX_COLUMNS = (
    (N_("No."), 1.3),
    (N_("Task"), 7.1),
    (N_("Deliverable"), 4.0),
    (N_("Lead agency"), 3.6),
    (N_("Coordinating agencies"), 3.6),
    (N_("Deadline"), 2.4),
    (N_("Status"), 2.6),
    (N_("Progress (%)"), 1.6),
)


def render(data: ReportData) -> bytes:
    """The .docx bytes; the fixed words in the current language (Vietnamese by default)."""
    document = Document()
    _page(document)
    _header(document, data)
    _title(document, data)
    _body(document, data)
    _signature(document)
    _appendix(document, data)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_report(session: Session, plan_id: int, period: ReportPeriod, now: datetime) -> bytes:
    return render(load_report(session, plan_id, period, now))


def _page(document: WordDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15


def _page_number(paragraph: Paragraph) -> None:
    """The page number, centred at the top, from the second page on (as the decree sets)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _header(document: WordDocument, data: ReportData) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, (6.0, 10.5))
    left, right = table.rows[0].cells
    body, place = _issuer(data.issuer)
    _line(left.paragraphs[0], body[0], size=13, bold=True)
    for extra in body[1:]:
        _line(left.add_paragraph(), extra, size=13, bold=True)
    _rule(left.add_paragraph())
    _line(left.add_paragraph(), gettext(NUMBER), size=13)
    _line(right.paragraphs[0], gettext(NATION), size=13, bold=True)
    _line(right.add_paragraph(), gettext(MOTTO), size=14, bold=True)
    _rule(right.add_paragraph())
    date_line = gettext(PLACE_DATE) % {"place": place, "year": data.judged_on.year}
    _line(right.add_paragraph(), date_line, size=14, italic=True)


def _issuer(issuer: str | None) -> tuple[list[str], str]:
    """The issuing body in capitals on two lines ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ") and the
    place the date is written at ("Quảng Trị"); dots where the plan does not say."""
    if not issuer:
        return [gettext(ISSUER_DEFAULT), "……"], "……"
    m = _ISSUER_LEVEL.match(issuer.strip())
    if m is None:
        return [issuer.upper()], "……"
    where = m.group(1).strip()
    return [gettext(ISSUER_DEFAULT), where.upper()], _PLACE.sub("", where) or "……"


def _title(document: WordDocument, data: ReportData) -> None:
    document.add_paragraph()
    _line(document.add_paragraph(), gettext(TITLE), size=14, bold=True)
    subtitle = gettext(SUBTITLE) % {"period": data.period.label(gettext)}
    _line(document.add_paragraph(), subtitle, size=14, bold=True)
    _rule(document.add_paragraph())
    intro = gettext(INTRO_NUMBERED if data.plan_number else INTRO) % {
        "number": data.plan_number,
        "title": data.plan_title,
        "period": data.period.label(gettext),
    }
    _body_text(document, intro)


def _body(document: WordDocument, data: ReportData) -> None:
    period = data.period.label(gettext)
    _heading(document, gettext(PART_RESULTS))
    counts = data.counts
    if counts.total:
        _body_text(document, gettext(OVERALL) % {**_count_values(counts), "period": period})
    else:
        _body_text(document, gettext(NO_DEADLINES) % {"period": period})
    for n, area in enumerate(data.areas, start=1):
        _heading(document, f"{n}. {_as_heading(area.title) or area.code or '—'}", caps=False)
        if area.counts.total:
            _body_text(document, gettext(AREA_COUNTS) % _count_values(area.counts))
        else:
            _body_text(document, gettext(AREA_NO_DEADLINES))
        for target in area.targets:
            _body_text(document, "- " + _target_sentence(target))
    plan_level = [t for t in data.targets if t.section is None]
    if plan_level:
        _heading(document, f"{len(data.areas) + 1}. {gettext(PLAN_LEVEL)}", size=14, caps=False)
        for target in plan_level:
            _body_text(document, "- " + _target_sentence(target))

    _heading(document, gettext(PART_AGENCIES))
    _add_rows(
        _table(document, AGENCY_COLUMNS, size=12),
        [_agency_cells(n, agency) for n, agency in enumerate(data.agencies, start=1)],
        size=12,
    )

    _heading(document, gettext(PART_TARGETS))
    if not data.targets:
        _body_text(document, gettext(NO_TARGETS))
    else:
        met = [t for t in data.targets if t.status is TargetStatus.MET]
        other = [t for t in data.targets if t.status is not TargetStatus.MET]
        _heading(document, gettext(TARGETS_MET) % {"count": len(met)}, size=14, caps=False)
        if met:
            table = _table(document, TARGET_COLUMNS, size=12)
            _add_rows(table, [_target_cells(t) for t in met], size=12)
        else:
            _body_text(document, gettext(NONE))
        _heading(document, gettext(TARGETS_NOT_MET) % {"count": len(other)}, size=14, caps=False)
        if other:
            table = _table(document, NOT_MET_COLUMNS, size=12)
            rows = []
            for target in other:
                cells = _target_cells(target)
                rows.append([*cells[:4], target_status_label(target.status), cells[4]])
            _add_rows(table, rows, size=12)
        else:
            _body_text(document, gettext(NONE))

    _heading(document, gettext(PART_OVERDUE))
    if not data.overdue:
        _body_text(document, gettext(NO_OVERDUE))
    else:
        table = _table(document, OVERDUE_COLUMNS, size=12)
        _add_rows(table, [_overdue_cells(line) for line in data.overdue], size=12)

    _heading(document, gettext(PART_PROPOSALS))
    for _ in range(3):
        _body_text(document, "…" * 60, indent=False)
    _body_text(document, gettext(CLOSING) % {"period": period})


def _agency_cells(number: int, agency: AgencyLine) -> list[str]:
    c = agency.counts
    return [
        str(number),
        agency.name,
        str(c[MilestoneStatus.DONE_ON_TIME]),
        str(c[MilestoneStatus.DONE_LATE]),
        str(c[MilestoneStatus.OVERDUE]),
        str(c[MilestoneStatus.IN_PROGRESS]),
        _rate(c),
    ]


def _overdue_cells(line: OverdueLine) -> list[str]:
    if line.reason:
        expected = short_day(line.expected) if line.expected else "…"
        why = gettext(EXPLANATION_TEXT) % {"reason": line.reason, "date": expected}
    else:
        why = gettext(NO_EXPLANATION)
    return [line.label, line.title, line.leads, short_day(line.due), str(line.days), why]


# Abbreviations that stay in capitals when a heading written in capitals is set in sentence
# case ("CẢI CÁCH TTHC" -> "Cải cách TTHC"); a word with no vowel is one too.
_ABBREVIATIONS = {"UBND", "HĐND", "PAR", "INDEX", "PCI", "PAPI", "SIPAS", "ISO", "DVC", "QPPL"}
_VOWELS = set("AEIOUY")


def _as_heading(title: str) -> str:
    """An area's title as a sub-heading: as written, or in sentence case when the plan
    writes it in capitals."""
    if not title or title != title.upper():
        return title
    words = []
    for word in title.split():
        bare = word.strip(",.;:()")
        keep = bare in _ABBREVIATIONS or (bare.isascii() and not _VOWELS & set(bare))
        words.append(word if keep else word.lower())
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _target_sentence(target: TargetRow) -> str:
    measure = target.measure or "—"
    if target.level:
        measure = f"{measure} ({target.level})"
    goal = target_goal(target.comparison, target.value, target.unit, target.change, target.baseline)
    status = target_status_label(target.status)
    if target.latest is None:
        return gettext(AREA_TARGET_NONE) % {"measure": measure, "goal": goal, "status": status}
    value = amount(target.latest, target.unit)
    return gettext(AREA_TARGET) % {
        "measure": measure,
        "goal": goal,
        "value": value,
        "status": status,
    }


def _target_cells(target: TargetRow) -> list[str]:
    measure = target.measure or "—"
    if target.level:
        measure = f"{measure} ({target.level})"
    if target.task_label:
        measure = f"{measure} [{target.task_label}]"
    achieved = amount(target.latest, target.unit) if target.latest is not None else "—"
    if target.latest_fraction is not None:
        top, bottom = target.latest_fraction
        achieved += f" ({top:f}/{bottom:f})".replace(".000", "")
    return [
        str(target.number),
        measure,
        target_goal(target.comparison, target.value, target.unit, target.change),
        achieved,
        ", ".join(target.agencies) or "—",
    ]


def _count_values(counts: StatusCounts) -> dict[str, object]:
    return {
        "total": counts.total - counts[MilestoneStatus.UNDATED],
        "on_time": counts[MilestoneStatus.DONE_ON_TIME],
        "late": counts[MilestoneStatus.DONE_LATE],
        "in_progress": counts[MilestoneStatus.IN_PROGRESS],
        "overdue": counts[MilestoneStatus.OVERDUE],
        "rate": _rate(counts),
    }


def _rate(counts: StatusCounts) -> str:
    rate = counts.on_time_rate
    return "—" if rate is None else f"{round(rate * 100)}%"


def _signature(document: WordDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, (8.0, 8.5))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    _line(first, gettext(RECIPIENTS), size=12, bold=True, italic=True, center=False)
    for recipient in RECIPIENT_LINES:
        _line(left.add_paragraph(), gettext(recipient), size=11, center=False)
    _line(right.paragraphs[0], gettext(SIGNATURE_FOR), size=14, bold=True)
    _line(right.add_paragraph(), gettext(SIGNATURE_TITLE), size=14, bold=True)


def _appendix(document: WordDocument, data: ReportData) -> None:
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    _line(document.add_paragraph(), gettext(APPENDIX), size=14, bold=True)
    title = gettext(APPENDIX_TITLE) % {"period": data.period.label(gettext).upper()}
    _line(document.add_paragraph(), title, size=14, bold=True)
    _line(document.add_paragraph(), gettext(APPENDIX_NOTE), size=13, italic=True)
    _line(
        document.add_paragraph(),
        gettext(AS_OF) % {"date": short_day(data.judged_on)},
        size=12,
        italic=True,
    )
    table = _table(document, APPENDIX_COLUMNS, size=11)
    rows, headings = [], set()
    for row in data.appendix.rows:
        if isinstance(row, SectionLine):
            headings.add(len(rows))
            rows.append([row.code, row.title])
        else:
            rows.append(_appendix_cells(row))
    _add_rows(table, rows, size=11, bold=frozenset(headings))


def _appendix_cells(row: TaskLine) -> list[str]:
    status = status_label(row.status)
    return [
        row.number,
        row.title,
        row.product,
        row.leads,
        row.supports,
        row.deadline,
        status[:1].upper() + status[1:],
        str(row.progress),
    ]


# ---------------------------------------------------------------------- the pieces


def _line(
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    center: bool = True,
) -> None:
    """A short line of the header or the title, centred by default."""
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic


def _rule(paragraph: Paragraph) -> None:
    """The short line drawn under the issuing body, the motto and the title."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(6)
    run = paragraph.add_run("─" * 8)
    run.font.size = Pt(10)


def _heading(document: WordDocument, text: str, *, size: float = 14, caps: bool = True) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Cm(1.0)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(text.upper() if caps else text)
    run.bold = True
    run.font.size = Pt(size)


def _body_text(document: WordDocument, text: str, *, indent: bool = True) -> None:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.0)


def _table(
    document: WordDocument,
    columns: tuple[tuple[str, float], ...],
    *,
    size: float,
) -> Table:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, tuple(width for _header, width in columns))  # new rows take these
    for cell, (header, _width) in zip(table.rows[0].cells, columns, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(gettext(header))
        run.bold = True
        run.font.size = Pt(size)
    _repeat_header(table)
    return table


def _widths(table: Table, widths: tuple[float, ...]) -> None:
    """Column widths in cm, in the table's grid (which LibreOffice reads) and its cells."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Cm(width)


def _repeat_header(table: Table) -> None:
    """The header row repeats at the top of each page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _add_rows(
    table: Table, rows: list[list[str]], *, size: float, bold: frozenset[int] = frozenset()
) -> None:
    """Rows of text cells, written as WordprocessingML at once: python-docx's cell and run
    objects cost a fraction of a millisecond each, which made a 300-task appendix slow.
    A row whose index is in ``bold`` is a heading: bold, its second cell spanning the rest."""
    grid = [int(col.w or 0) for col in table._tbl.tblGrid.gridCol_lst]
    half_points = round(size * 2)
    run_properties = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    parts = [f"<w:tbl {nsdecls('w')}>"]
    for index, values in enumerate(rows):
        heading = index in bold
        properties = ("<w:b/>" if heading else "") + run_properties
        parts.append("<w:tr>")
        cells = values[:2] if heading else values
        for n, value in enumerate(cells):
            span = len(grid) - 1 if heading and n == 1 else 1
            width = sum(grid[n : n + span]) // 635  # EMU to twentieths of a point
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
            if span > 1:
                parts.append(f'<w:gridSpan w:val="{span}"/>')
            parts.append(
                f"</w:tcPr><w:p><w:r><w:rPr>{properties}</w:rPr>"
                f'<w:t xml:space="preserve">{_xml_text(value)}</w:t></w:r></w:p></w:tc>'
            )
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    for tr in parse_xml("".join(parts)).findall(qn("w:tr")):
        table._tbl.append(tr)


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))
