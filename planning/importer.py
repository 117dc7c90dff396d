"""The plan importer: a document in, a plan with resolved agencies and dated milestones out.

Pure: the caller stores the result (services.plans) or prints it (`nhacviec plan import --json`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from i18n import N_
from planning.agencies import AgencyDirectory, Resolution
from planning.deadlines import parse_deadline
from planning.documents import DEFAULT_MAX_BYTES, document_lines
from planning.errors import NO_TASKS, BadDocument
from planning.findings import Finding
from planning.metadata import read_metadata
from planning.prose import read_prose
from planning.tables import read_tables
from planning.targets import PlanTarget, TaskText, plan_targets
from planning.text import fold
from planning.types import Deadline, PlanMeta, RawPlan, RawTask


@dataclass(frozen=True)
class ImportedTask:
    raw: RawTask
    slot: str
    lead: tuple[Resolution, ...]
    support: tuple[Resolution, ...]
    deadline: Deadline
    content_hash: str


@dataclass(frozen=True)
class ImportedTarget:
    """A target (chỉ tiêu) of the plan; ``agencies`` are those named by the heading an
    objective is written under ("2. Sở Nội vụ"). A task's target is its lead agency's."""

    target: PlanTarget
    agencies: tuple[Resolution, ...] = ()


@dataclass
class ImportedPlan:
    meta: PlanMeta
    identity: str
    tasks: list[ImportedTask]
    findings: list[Finding] = field(default_factory=list)
    targets: list[ImportedTarget] = field(default_factory=list)


def read_plan(lines: Sequence[str]) -> RawPlan:
    """The plan's heading and task list; an appendix table, where there is one, is the task list."""
    meta = read_metadata(lines)
    tasks, findings, _total = read_tables(lines)
    if not tasks:
        tasks, findings = read_prose(lines, lenient=True)
    if not tasks:
        raise BadDocument(NO_TASKS)
    return RawPlan(meta=meta, tasks=tasks, findings=list(findings))


def import_document(
    data: bytes,
    filename: str,
    directory: AgencyDirectory,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportedPlan:
    lines = document_lines(data, filename, max_bytes)
    plan = build_plan(read_plan(lines), directory)
    plan.targets = read_targets(lines, plan, directory)
    return plan


def read_targets(
    lines: Sequence[str], plan: ImportedPlan, directory: AgencyDirectory
) -> list[ImportedTarget]:
    """The plan's targets (planning.targets), each task's on the first row of its number."""
    tasks = [
        TaskText(
            slot=task.slot,
            group=f"{task.raw.section or '-'}|{task.raw.number or task.slot}",
            texts=tuple(t for t in (task.raw.title, task.raw.objective, task.raw.product) if t),
            due=max((m.due for m in task.deadline.milestones if m.due), default=None),
        )
        for task in plan.tasks
    ]
    meta = plan.meta
    period = meta.period or ((meta.year, meta.year) if meta.year else None)
    city = directory.is_centrally_run(meta.issuer)
    targets = []
    for target in plan_targets(lines, tasks, period=period):
        agencies: tuple[Resolution, ...] = ()
        if target.agency_text:
            named, _findings = directory.resolve_list(target.agency_text, city=city)
            if named and all(r.agency is not None for r in named):
                agencies = tuple(named)
        targets.append(ImportedTarget(target, agencies))
    return targets


def build_plan(raw: RawPlan, directory: AgencyDirectory) -> ImportedPlan:
    """Resolve every task's agencies and deadline, and give each task its stable slot."""
    meta = raw.meta
    if meta.issuer:
        # A ministry's heading in capitals gives its name's words, not its spelling.
        issuer = directory.resolve(meta.issuer).agency
        if issuer is not None and issuer.level == "central":
            meta = replace(meta, issuer=issuer.name)
    year = meta.year or (meta.period[0] if meta.period else None) or _written_year(raw.tasks)
    period = meta.period or ((year, year) if year else None)
    findings = list(raw.findings)
    if year and not meta.year:
        findings.append(Finding(YEAR_FROM_DEADLINES, {"year": year}))
    seen: Counter[str] = Counter()
    tasks: list[ImportedTask] = []
    # In a centrally-run city's plan "thành phố" is the province level.
    city = directory.is_centrally_run(meta.issuer)
    for position, task in enumerate(raw.tasks):
        lead, lead_findings = directory.resolve_list(task.lead_text, city=city)
        support, support_findings = directory.resolve_list(task.support_text, city=city)
        findings.extend(_at_line(lead_findings + support_findings, task.line))
        deadline = parse_deadline(task.deadline_text, year, period) if year else _undated(task)
        deadline = _from_signing(deadline, meta.signed)
        base = _slot_base(task, position)
        seen[base] += 1
        slot = base if seen[base] == 1 else f"{base}#{seen[base]}"
        tasks.append(
            ImportedTask(
                raw=task,
                slot=slot,
                lead=tuple(lead),
                support=tuple(support),
                deadline=deadline,
                content_hash=_content_hash(task),
            )
        )
    return ImportedPlan(meta=meta, identity=plan_identity(meta), tasks=tasks, findings=findings)


# Translators: the plan's heading names no year; dates written without one take this year.
YEAR_FROM_DEADLINES = N_(
    "The heading names no year: %(year)d, the first year the deadlines write, is taken "
    "for dates written without a year."
)
_YEAR = re.compile(r"(?<!\d)(20[0-9]{2})(?!\d)")


def _written_year(tasks: Sequence[RawTask]) -> int:
    """The plan's year when its heading names none: the earliest year its deadlines write.

    A directive (chỉ thị) or a plan titled without a year still dates its tasks ("Quý
    I/2026", "trước ngày 15/3/2026"); quarters and months written without a year take it.
    """
    years = Counter(int(y) for t in tasks for y in _YEAR.findall(t.deadline_text))
    if not years:
        return 0
    most = max(years.values())
    return min(y for y, n in years.items() if n * 4 >= most)


def plan_identity(meta: PlanMeta) -> str:
    """What makes two versions of a document one plan: its number, else its title and issuer."""
    if meta.number:
        return "so:" + fold(meta.number).replace(" ", "")
    return "ten:" + fold(f"{meta.issuer or ''} {meta.title} {meta.year or ''}")[:280]


def _slot_base(task: RawTask, position: int) -> str:
    if task.number is None:
        return f"{task.section or '-'}|{task.parent or '-'}|@{position}"
    activity = "" if task.activity_index is None else f"/{task.activity_index}"
    # A part of a section read as a section of its own ("II.2", item "b") keeps the slot it
    # had as item "2.b" of section "II": a plan stored before parts were sections, amended,
    # must find its tasks again.
    section, _, part = (task.section or "-").partition(".")
    number = f"{part}.{task.number}" if part else task.number
    return f"{section}|{number}{activity}"


def _content_hash(task: RawTask) -> str:
    parts = (
        task.title,
        task.objective or "",
        task.product or "",
        task.lead_text,
        task.support_text,
        task.deadline_text,
        "" if task.budget_million_vnd is None else str(task.budget_million_vnd),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _undated(task: RawTask) -> Deadline:
    from planning.types import MilestoneSpec

    if not task.deadline_text.strip():
        return Deadline(kind="none")
    return Deadline(kind="conditional", milestones=(MilestoneSpec(None, task.deadline_text),))


def _from_signing(deadline: Deadline, signed: date | None) -> Deadline:
    """A recurring deadline starts when the plan is signed: its earlier periods are dropped.

    "Quý I năm kế hoạch" in a 2021-2025 plan signed on 22/12/2021 is first due in March
    2022, not in the March before the plan existed; the last milestone is always kept.
    """
    if signed is None or not deadline.milestones:
        return deadline
    kept = [m for m in deadline.milestones if m.period is None or m.due is None or m.due >= signed]
    if not kept:
        kept = [deadline.milestones[-1]]
    if len(kept) == len(deadline.milestones):
        return deadline
    return replace(deadline, milestones=tuple(kept))


def _at_line(findings: list[Finding], line: int | None) -> list[Finding]:
    return [f if f.line is not None else Finding(f.message, f.params, line) for f in findings]


def to_json(plan: ImportedPlan, gettext: Any = lambda s: s) -> dict[str, Any]:
    """The document `nhacviec plan import --json` prints."""
    meta = plan.meta
    return {
        "plan": {
            "number": meta.number,
            "title": meta.title,
            "issuer": meta.issuer,
            "year": meta.year,
        },
        "tasks": [_task_json(t) for t in plan.tasks],
        "warnings": [_finding_text(f, gettext) for f in plan.findings],
        "targets": _targets_json(plan),
    }


def _targets_json(plan: ImportedPlan) -> list[dict[str, Any]]:
    tasks = {task.slot: task for task in plan.tasks}
    out = []
    for item in plan.targets:
        target, figure = item.target, item.target.figure
        task = tasks.get(target.slot) if target.slot else None
        agencies = [r.name for r in (task.lead if task else item.agencies)]
        out.append(
            {
                "source": target.source,
                "section": task.raw.section if task else None,
                "number": task.raw.number if task else None,
                "activity_index": task.raw.activity_index if task else None,
                "measure": figure.measure,
                "comparison": figure.comparison,
                "value": _number(figure.value),
                "unit": figure.unit,
                "level": figure.level,
                "change": figure.change,
                "baseline": figure.baseline,
                "due": target.due.isoformat() if target.due else None,
                "agencies": agencies,
                "text": figure.text,
            }
        )
    return out


def _task_json(task: ImportedTask) -> dict[str, Any]:
    raw = task.raw
    return {
        "section": raw.section,
        "section_title": raw.section_title,
        "number": raw.number,
        "parent": raw.parent,
        "activity_index": raw.activity_index,
        "title": raw.title,
        "objective": raw.objective,
        "product": raw.product,
        "lead": [r.name for r in task.lead],
        "support": [r.name for r in task.support],
        "lead_as_written": raw.lead_text,
        "support_as_written": raw.support_text,
        "deadline_text": raw.deadline_text,
        "deadline_kind": task.deadline.kind,
        "milestones": [
            {"due": m.due.isoformat() if m.due else None, "label": m.label, "level": m.level}
            for m in task.deadline.milestones
        ],
        "budget_million_vnd": _number(raw.budget_million_vnd),
        # Names the agency directory does not know: kept as written, to be confirmed.
        "unverified": [r.name for r in (*task.lead, *task.support) if r.agency is None],
    }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _finding_text(finding: Finding, gettext: Any) -> str:
    text = finding.render(gettext)
    return text if finding.line is None else f"{text} (#{finding.line})"
