"""Plan vocabularies for the question tests, built from the plans themselves."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from planning.agencies import AgencyDirectory
from planning.importer import ImportedPlan, import_document
from planning.intent import PlanVocabulary, SectionRef, TaskEntry
from planning.text import fold

SAMPLE = Path(__file__).resolve().parents[2] / "bot" / "data" / "ke_hoach_mau.txt"


def vocabulary_of(plan: ImportedPlan, directory: AgencyDirectory) -> PlanVocabulary:
    """What the database will hold of a plan, as the caller passes it to the reader."""
    sections: dict[str, SectionRef] = {}
    tasks: dict[tuple[str | None, str], list[str]] = {}
    titles: dict[tuple[str | None, str], str] = {}
    activities: dict[tuple[str | None, str], list[int]] = {}
    agencies: dict[str, list[str]] = {}
    for task in plan.tasks:
        raw = task.raw
        if raw.section and raw.section not in sections:
            sections[raw.section] = SectionRef(raw.section, raw.section_title or raw.section)
        if raw.number is not None:
            ref = (raw.section, raw.number)
            titles.setdefault(ref, raw.objective or raw.title)
            tasks.setdefault(ref, []).extend(p for p in (raw.title, raw.product) if p)
            if raw.activity_index is not None:
                activities.setdefault(ref, []).append(raw.activity_index)
        for resolution in (*task.lead, *task.support):
            key = (
                resolution.agency.key
                if resolution.agency is not None
                else "unverified-" + re.sub(r"[^a-z0-9]+", "-", fold(resolution.name)).strip("-")
            )
            names = agencies.setdefault(key, [])
            for name in (resolution.name, resolution.as_written):
                if name not in names:
                    names.append(name)
    years = plan.meta.period or ((plan.meta.year, plan.meta.year) if plan.meta.year else None)
    return PlanVocabulary.build(
        directory,
        years=years,
        sections=sections.values(),
        tasks=[
            TaskEntry(
                section=ref[0],
                number=ref[1],
                title=titles[ref],
                activities=tuple(activities.get(ref, ())),
                words=" ".join(words),
            )
            for ref, words in tasks.items()
        ],
        agencies=agencies,
    )


@lru_cache(maxsize=4)
def plan_vocabulary(path: Path) -> PlanVocabulary:
    directory = AgencyDirectory.load()
    plan = import_document(path.read_bytes(), path.name, directory)
    return vocabulary_of(plan, directory)
