"""A plan's vocabulary: what its questions can name (sections, tasks, agencies), passed in
by the caller (built from the database) so that reading a question needs no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from planning.agencies import AgencyDirectory
from planning.text import fold


@dataclass(frozen=True)
class SectionRef:
    """A section (phần, mục) of a plan: its code as numbered ("III") and its title."""

    code: str
    title: str
    # A part above the sections the importer keeps: a heading over II.1 and II.2, a
    # directive's point over its items 2.a and 2.b.
    above: bool = False


@dataclass(frozen=True)
class TaskEntry:
    """A task: its section and number, its activity rows (1, 2, ... where the plan has
    several per task), its title, and other words people may name it by (the objective,
    the activities, the product)."""

    section: str | None
    number: str
    title: str
    activities: tuple[int, ...] = ()
    words: str = ""
    # The title of each activity row, as ``activities`` numbers them.
    rows: tuple[str, ...] = ()
    # The deadlines the plan set it, every row's ("việc hạn 30/9" names it) ...
    dues: tuple[date, ...] = ()
    # ... and each activity row's, as ``activities`` numbers them.
    row_dues: tuple[tuple[date, ...], ...] = ()
    # The agencies that lead it and those that support it (keys), any row's.
    leads: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskRow:
    """One row of a plan's task list as the importer reads it and the database keeps it: a
    task, or one activity row of it (``activity``)."""

    section: str | None
    section_title: str | None
    number: str | None
    activity: int | None
    title: str
    objective: str | None = None
    product: str | None = None
    dues: tuple[date, ...] = ()
    # The agencies it assigns the row, by their keys: who leads it, who supports.
    leads: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyEntry:
    """An agency the plan names: its directory key, its name, the other names it goes by
    (as the plan writes it, aliases, abbreviation), its level, whether it is a group
    ("Các Sở, ban, ngành"), and its mergers."""

    key: str
    name: str
    names: tuple[str, ...] = ()
    level: str = "other"
    is_group: bool = False
    successor: str | None = None
    successor_from: date | None = None
    predecessors: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanVocabulary:
    """What a plan's questions may name. ``years`` is the plan's period (2025, 2025)."""

    years: tuple[int, int] | None = None
    sections: tuple[SectionRef, ...] = ()
    tasks: tuple[TaskEntry, ...] = ()
    agencies: tuple[AgencyEntry, ...] = ()
    # The plan's own title ("Kiểm soát thủ tục hành chính tỉnh Khánh Hòa năm 2026") and
    # number ("77/KH-UBND"), by which people name it ("kh 77").
    title: str = ""
    number: str = ""

    @classmethod
    def build(
        cls,
        directory: AgencyDirectory,
        *,
        years: tuple[int, int] | None,
        sections: Iterable[SectionRef] = (),
        tasks: Iterable[TaskEntry] = (),
        agencies: Mapping[str, Sequence[str]] | Iterable[str] = (),
        title: str = "",
        number: str = "",
    ) -> PlanVocabulary:
        """The vocabulary of a plan whose assignments name ``agencies`` (directory keys,
        each with the names the plan wrote it by); the rest comes from the directory."""
        written: Mapping[str, Sequence[str]] = (
            agencies if isinstance(agencies, Mapping) else {key: () for key in agencies}
        )
        known = {a.key for a in directory.agencies()}
        predecessors: dict[str, list[str]] = {}
        for agency in directory.agencies():
            if agency.successor is not None:
                predecessors.setdefault(agency.successor, []).append(agency.key)
        entries = []
        for key, as_written in written.items():
            if key not in known:
                name = as_written[0] if as_written else key
                group = _named_as_group(name)
                entries.append(AgencyEntry(key, name, tuple(as_written[1:]), is_group=group))
                continue
            agency = directory.get(key)
            names = [*as_written, *agency.aliases]
            if agency.short_name:
                names.append(agency.short_name)
            entries.append(
                AgencyEntry(
                    key=key,
                    name=agency.name,
                    names=tuple(dict.fromkeys(n for n in names if n != agency.name)),
                    level=agency.level,
                    is_group=agency.is_group,
                    successor=agency.successor,
                    successor_from=agency.successor_from,
                    predecessors=tuple(predecessors.get(key, ())),
                )
            )
        return cls(
            years=years,
            sections=tuple(sections),
            tasks=tuple(tasks),
            agencies=tuple(entries),
            title=title,
            number=number,
        )

    @classmethod
    def of_rows(
        cls,
        directory: AgencyDirectory,
        *,
        years: tuple[int, int] | None,
        rows: Iterable[TaskRow],
        agencies: Mapping[str, Sequence[str]],
        title: str = "",
        number: str = "",
    ) -> PlanVocabulary:
        """The vocabulary of a plan's task rows, in the plan's order: its sections, its tasks
        (a task's title is its objective where its rows have one of their own; an objective
        several tasks share is the title of the group they are in, "1. Kiểm tra CCHC" over
        1.1 and 1.2, and names none of them; its words, every row's title and product), and
        the agencies it assigns."""
        rows = list(rows)
        sections: dict[str, SectionRef] = {}
        # A task by its section, number and, where the plan numbers two items alike (a
        # second "c)" under II.7), which of them it is: each keeps its own title.
        Ref = tuple[str | None, str, int]
        titles: dict[Ref, str] = {}
        words: dict[Ref, list[str]] = {}
        activities: dict[Ref, list[int]] = {}
        row_titles: dict[Ref, list[str]] = {}
        dues: dict[Ref, set[date]] = {}
        row_dues: dict[Ref, list[tuple[date, ...]]] = {}
        leads: dict[Ref, dict[str, None]] = {}
        supports: dict[Ref, dict[str, None]] = {}
        alike: Counter[tuple[str | None, str]] = Counter()
        sharing: dict[str, set[tuple[str | None, str]]] = {}
        for row in rows:
            if row.objective and row.number is not None:
                sharing.setdefault(row.objective, set()).add((row.section, row.number))
        for row in rows:
            if row.section and row.section not in sections:
                sections[row.section] = SectionRef(row.section, row.section_title or row.section)
            if row.number is None:
                continue
            if row.activity is None:
                alike[row.section, row.number] += 1
            ref = (row.section, row.number, max(alike[row.section, row.number], 1))
            own = row.objective if len(sharing.get(row.objective or "", ())) == 1 else None
            titles.setdefault(ref, own or row.title)
            words.setdefault(ref, []).extend(p for p in (row.title, row.product) if p)
            dues.setdefault(ref, set()).update(row.dues)
            leads.setdefault(ref, {}).update(dict.fromkeys(row.leads))
            supports.setdefault(ref, {}).update(dict.fromkeys(row.supports))
            if row.activity is not None:
                activities.setdefault(ref, []).append(row.activity)
                row_titles.setdefault(ref, []).append(row.title)
                row_dues.setdefault(ref, []).append(tuple(sorted(row.dues)))
        # The parts a plan numbers above what the importer keeps as sections: a heading over
        # II.1 and II.2 ("II. NHIỆM VỤ TRỌNG TÂM"), the points of a directive over 2.a and 2.b
        # ("2. Sở Nội vụ:"), askable as a whole ("mục II", "mục 2").
        for code in _parts(list(sections), [(r[0], r[1]) for r in titles]):
            sections.setdefault(code, SectionRef(code, "", above=True))
        tasks = [
            TaskEntry(
                section=ref[0],
                number=ref[1],
                title=title,
                activities=tuple(activities.get(ref, ())),
                words=" ".join(words[ref]),
                rows=tuple(row_titles.get(ref, ())),
                dues=tuple(sorted(dues[ref])),
                row_dues=tuple(row_dues.get(ref, ())),
                leads=tuple(leads[ref]),
                supports=tuple(s for s in supports[ref] if s not in leads[ref]),
            )
            for ref, title in titles.items()
        ]
        return cls.build(
            directory,
            years=years,
            sections=sections.values(),
            tasks=tasks,
            agencies=agencies,
            title=title,
            number=number,
        )

    def agency(self, key: str) -> AgencyEntry | None:
        return next((a for a in self.agencies if a.key == key), None)


def in_part(code: str, section: str | None, number: str | None) -> bool:
    """Whether a task (its section and number) is in the section or part ``code``: section
    II.2 is in part II, the items 2.a and 2.b of a directive with no sections in point 2."""
    if section is not None:
        return section == code or section.startswith(code + ".")
    return number is not None and number.startswith(code + ".")


def _parts(sections: Sequence[str], tasks: Sequence[tuple[str | None, str]]) -> list[str]:
    """The codes of the parts above sections ("II" of "II.1") and above a directive's points
    ("2" of "2.a", where the plan has no sections and no task "2")."""
    parts = [c.partition(".")[0] for c in sections if "." in c]
    if not sections:
        numbers = {n for _, n in tasks}
        points = Counter(
            n.partition(".")[0]
            for s, n in tasks
            if s is None and n.count(".") == 1 and n.partition(".")[0].isdigit()
        )
        # ... a point of one item is that item ("4. Sở KH&CN: 4.1 ...").
        parts += [p for p, items in points.items() if items > 1 and p not in numbers]
    return [p for p in dict.fromkeys(parts) if p not in sections]


def _named_as_group(name: str) -> bool:
    """Whether an agency the directory does not know is, by its name, a group of bodies, as
    documents write them: "Các Cục", "Các đơn vị thuộc Bộ", "Vụ liên quan"."""
    words = fold(name).split()
    return words[:1] == ["cac"] or words[-2:] == ["lien", "quan"]
