"""A person's daily digest (bản tin nhắc việc hằng ngày): everything the schedule has for them
on one working day, as items in sections, and what the outbox keeps of it.

The outbox row of a digest holds the rendered first page and, beside it, the digest's items
as compact references (``refs``): a milestone, its deadline when the digest was composed, and
what the item says of it. From them the items are read again when the digest is sent (to leave
out what was completed or extended meanwhile) and when its reader asks for the next page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models import Agency, Assignment, Milestone, ProgressReport, Role, Task
from models.plan import LABEL_COLUMNS, task_label
from planning.agencies import as_the_plan_writes
from services.messages import Button, Buttons
from services.roster import current_agencies

PERSON = "daily_digest"  # the outbox kind of a person's digest
SUMMARY = "daily_summary"  # the outbox kind of a coordinator's or steering summary
KINDS = frozenset({PERSON, SUMMARY})
CHUNK = 500


class Section(StrEnum):
    """The parts of a digest, in the order they are read."""

    OVERDUE = "o"  # Quá hạn: the worst first
    TODAY = "t"  # Đến hạn hôm nay
    SOON = "s"  # Sắp đến hạn
    SUPPORT = "p"  # Việc phối hợp: tasks the person's agency supports
    ESCALATED = "c"  # for coordinators: overdue tasks escalated to them today
    REPORT = "r"  # Báo cáo định kỳ


ORDER = list(Section)


@dataclass(frozen=True)
class Item:
    """One line of a digest: a milestone of a task, or (``REPORT``) a periodic report request
    for the ``count`` open tasks of ``agency``."""

    section: Section
    milestone_id: int | None
    task_id: int | None
    label: str
    title: str
    due: date | None
    leads: tuple[str, ...] = ()  # the lead agencies, for support and escalated items
    explain: bool = False  # the lead agency is asked for an explanation (giải trình)
    focal: bool = False  # escalated to the agency's focal point (đầu mối)
    count: int = 0
    agency: str = ""

    def ref(self) -> list[Any]:
        if self.section is Section.REPORT:
            return [self.section.value, self.count, self.agency]
        flags = ("e" if self.explain else "") + ("f" if self.focal else "")
        due = int(f"{self.due:%Y%m%d}") if self.due else 0
        return [self.section.value, self.milestone_id, due, flags]

    def sort_key(self) -> tuple[object, ...]:
        """Within a section: the oldest deadline first (for overdue items, the worst)."""
        return (ORDER.index(self.section), self.due or date.max, _natural(self.label))


def _natural(label: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in label.replace("(", ".").split("."))


@dataclass(frozen=True)
class Digest:
    """What one person reads on ``day``: the items in order; ``missed`` are earlier working
    days whose reminders it catches up (the bot was down); ``head`` is a summary's overview,
    already rendered, above its items."""

    kind: str
    day: date
    items: tuple[Item, ...]
    missed: tuple[date, ...] = ()
    head: str = ""
    head_buttons: Buttons = ()

    def sorted(self) -> Digest:
        return replace(self, items=tuple(sorted(self.items, key=Item.sort_key)))

    def counts(self) -> dict[Section, int]:
        tally: dict[Section, int] = defaultdict(int)
        for item in self.items:
            tally[item.section] += 1
        return dict(tally)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "day": self.day.isoformat(),
            "refs": [item.ref() for item in self.items],
            "missed": [d.isoformat() for d in self.missed],
            "head": self.head,
            "head_buttons": [[[b.text, b.data] for b in row] for row in self.head_buttons],
        }


@dataclass(frozen=True)
class Stored:
    """A digest as the outbox keeps it: its day, kind, references and overview."""

    kind: str
    day: date
    refs: list[list[Any]]
    missed: tuple[date, ...] = ()
    head: str = ""
    head_buttons: Buttons = ()

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Stored | None:
        data = payload.get("digest")
        if not isinstance(data, Mapping):
            return None
        return cls(
            kind=str(data.get("kind") or PERSON),
            day=date.fromisoformat(str(data["day"])),
            refs=[list(r) for r in data.get("refs") or []],
            missed=tuple(date.fromisoformat(str(d)) for d in data.get("missed") or []),
            head=str(data.get("head") or ""),
            head_buttons=tuple(
                tuple(Button(str(text), str(value)) for text, value in row)
                for row in data.get("head_buttons") or ()
            ),
        )

    def milestones(self) -> dict[int, date | None]:
        """milestone id -> its deadline when the digest was composed."""
        out: dict[int, date | None] = {}
        for ref in self.refs:
            if ref and ref[0] != Section.REPORT.value and len(ref) >= 3:
                out[int(ref[1])] = _day(int(ref[2]))
        return out


def _day(value: int) -> date | None:
    if not value:
        return None
    return date(value // 10000, value // 100 % 100, value % 100)


# ------------------------------------------------------------------ what still needs sending


def stale(session: Session, milestones: Mapping[int, date | None]) -> set[int]:
    """The milestones (id -> deadline as composed) that no longer need a reminder: done or
    verified, reported done and awaiting verification, their deadline moved (an extension),
    or their task removed from the plan."""
    gone: set[int] = set()
    ids = sorted(milestones)
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = session.execute(
            select(
                Milestone.id,
                Milestone.due,
                Milestone.completed_on,
                Milestone.verified_at,
                Task.removed_at,
            )
            .join(Task, Milestone.task_id == Task.id)
            .where(Milestone.id.in_(chunk))
        )
        for m_id, due, completed, verified, removed in rows:
            found.add(m_id)
            if completed or verified or removed or due != milestones[m_id]:
                gone.add(m_id)
        gone.update(awaiting_verification(session, chunk))
    return gone | (set(ids) - found)


def awaiting_verification(session: Session, milestone_ids: Iterable[int]) -> set[int]:
    """The milestones reported done whose report a coordinator has not decided yet."""
    waiting: set[int] = set()
    ids = sorted(milestone_ids)
    for start in range(0, len(ids), CHUNK):
        waiting.update(
            session.scalars(
                select(ProgressReport.milestone_id).where(
                    ProgressReport.milestone_id.in_(ids[start : start + CHUNK]),
                    ProgressReport.kind == "completion",
                    ProgressReport.decision.is_(None),
                )
            )
        )
    return {m for m in waiting if m is not None}


# ------------------------------------------------------------------ reading the items again


@dataclass(frozen=True)
class MilestoneTask:
    """A milestone with what a digest line says of its task."""

    milestone_id: int
    due: date | None
    task_id: int
    label: str
    title: str


def milestone_tasks(session: Session, *where: ColumnElement[bool]) -> list[MilestoneTask]:
    """The milestones matching ``where``, each with its task's label and title."""
    rows = session.execute(
        select(
            Milestone.id,
            Milestone.due,
            Task.id,
            *LABEL_COLUMNS,
            Task.title,
        )
        .join(Task, Milestone.task_id == Task.id)
        .where(*where)
    )
    return [
        MilestoneTask(m_id, due, task_id, task_label(section, number, activity, pos), title)
        for m_id, due, task_id, section, number, activity, pos, title in rows
    ]


def load(session: Session, stored: Stored, *, leave_out: Iterable[int] = ()) -> Digest:
    """The digest ``stored`` describes, its items read from the database as they stand now
    (titles, labels), without the milestones in ``leave_out``."""
    skip = set(leave_out)
    wanted = [m for m in stored.milestones() if m not in skip]
    rows: dict[int, MilestoneTask] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        rows.update((r.milestone_id, r) for r in milestone_tasks(session, Milestone.id.in_(chunk)))
    leads = lead_names(session, {r.task_id for r in rows.values()}, stored.day)
    items = []
    for ref in stored.refs:
        section = Section(ref[0])
        if section is Section.REPORT:
            items.append(
                Item(section, None, None, "", "", None, count=int(ref[1]), agency=str(ref[2]))
            )
            continue
        row = rows.get(int(ref[1]))
        if row is None:
            continue
        flags = str(ref[3]) if len(ref) > 3 else ""
        items.append(
            Item(
                section,
                row.milestone_id,
                row.task_id,
                row.label,
                row.title,
                row.due,
                leads=leads.get(row.task_id, ()),
                explain="e" in flags,
                focal="f" in flags,
            )
        )
    return Digest(
        stored.kind, stored.day, tuple(items), stored.missed, stored.head, stored.head_buttons
    )


def lead_names(session: Session, task_ids: Iterable[int], on: date) -> dict[int, tuple[str, ...]]:
    """Each task's lead agencies by the names that answer for them on ``on`` (after mergers;
    a group, "Các Sở, ban, ngành", by its own name; a city's office as its plan writes it)."""
    ids = sorted(task_ids)
    if not ids:
        return {}
    agencies = session.execute(
        select(Agency.id, Agency.name, Agency.successor_id, Agency.successor_from)
    ).all()
    names = {a_id: name for a_id, name, *_ in agencies}
    current = current_agencies(agencies, on)
    out: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for task_id, agency_id, as_written in session.execute(
            select(Assignment.task_id, Assignment.agency_id, Assignment.as_written)
            .where(Assignment.task_id.in_(ids[start : start + CHUNK]), Assignment.role == Role.LEAD)
            .order_by(Assignment.task_id, Assignment.position)
        ):
            name = names[current[agency_id]]
            if current[agency_id] == agency_id:
                name = as_the_plan_writes(name, as_written)
            if name not in out[task_id]:
                out[task_id].append(name)
    return {task_id: tuple(names) for task_id, names in out.items()}
