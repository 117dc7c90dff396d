"""The values the plan reader produces: plain data, shared by every shape of document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from planning.findings import Finding

DeadlineKind = Literal[
    "date",
    "quarter",
    "month",
    "year",
    "range",
    "recurring",
    "continuous",
    "conditional",
    "multiple",
    "none",
]

Recurrence = Literal["weekly", "monthly", "quarterly", "half-yearly", "yearly"]


@dataclass(frozen=True)
class MilestoneSpec:
    """One due date of a task (mốc thời hạn).

    ``due`` is None where the text cannot be dated ("Theo quy định của Trung ương"):
    such a milestone is listed as needing a date, never guessed.
    ``level`` is the administrative level a per-level deadline applies to
    ("UBND tỉnh", "Sở, huyện", "Cấp xã"), else None.
    ``period`` names the period of a recurring or continuous milestone
    ("2024", "2024-Q1", "2024-H1", "2024-03", "2024-W05"), else None.
    """

    due: date | None
    label: str
    level: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class Deadline:
    """What a deadline cell (thời gian hoàn thành) means."""

    kind: DeadlineKind
    milestones: tuple[MilestoneSpec, ...] = ()
    recurrence: Recurrence | None = None

    @property
    def needs_date(self) -> bool:
        return not any(m.due for m in self.milestones)


@dataclass
class RawTask:
    """A task as the document writes it, before agencies and deadlines are resolved.

    ``activity_index`` numbers the activity rows of one numbered task (1, 2, ...) in
    plans that give a task several rows (seed 003); None elsewhere.
    ``lead_text``/``support_text`` are the lead agency (cơ quan chủ trì) and the
    coordinating agencies (cơ quan phối hợp) exactly as written, cleaned of markup.
    """

    section: str | None
    section_title: str | None
    number: str | None
    parent: str | None
    title: str
    activity_index: int | None = None
    objective: str | None = None
    product: str | None = None
    lead_text: str = ""
    support_text: str = ""
    deadline_text: str = ""
    budget_million_vnd: Decimal | None = None
    line: int | None = None


@dataclass
class PlanMeta:
    """The plan's heading: number ("1256/QĐ-UBND"), title, issuer, its years, and the date
    it was signed ("Quảng Ngãi, ngày 22 tháng 12 năm 2021"), when the heading gives it."""

    number: str | None = None
    title: str = ""
    issuer: str | None = None
    year: int | None = None
    period: tuple[int, int] | None = None
    signed: date | None = None


@dataclass
class RawPlan:
    meta: PlanMeta
    tasks: list[RawTask]
    findings: list[Finding] = field(default_factory=list)
