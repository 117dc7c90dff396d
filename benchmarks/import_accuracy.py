"""How well the importer reads plans: task recall and precision, lead agencies, first due dates.

`python -m benchmarks.import_accuracy` measures three parts against annotations written by
reading the documents: the five real seed plans (../shared/seeds, annotated in
tests/corpus/seeds_annotation), the development corpus (tests/corpus/dev) and the held-out
corpus (tests/corpus/heldout), which is never read while tuning; and beside them the
held-out headings (tests/corpus/headings_heldout.yaml), the first lines of plans in the
forms they come in.

An annotated task is matched to an imported one by its number (section.number as a reader
names it) when their titles agree, else by its title alone. A lead is right when the set of
agencies is the same, each annotated name resolved on its own (whole names only); a first
due date is right when the earliest dated milestone is the annotated date (or both none).
A heading is scored field by field where the annotation has one (number, title, issuer,
period, signing date), each right when equal to what was read.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from planning.agencies import AgencyDirectory, Resolution
from planning.errors import BadDocument
from planning.importer import ImportedPlan, ImportedTask, import_document
from planning.metadata import read_metadata
from planning.text import fold
from planning.types import PlanMeta

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
PARTS = ("seeds", "dev", "heldout")


@dataclass
class Scores:
    """Counts over one part of the corpus, and the documents' misses for a closer look."""

    documents: int = 0
    expected: int = 0
    imported: int = 0
    matched: int = 0
    lead_right: int = 0
    due_right: int = 0
    heading_fields: int = 0
    heading_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.imported if self.imported else 1.0

    @property
    def lead(self) -> float:
        return self.lead_right / self.matched if self.matched else 1.0

    @property
    def due(self) -> float:
        return self.due_right / self.matched if self.matched else 1.0

    @property
    def heading(self) -> float:
        return self.heading_right / self.heading_fields if self.heading_fields else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:8} {self.documents:3} documents {self.expected:4} tasks: "
            f"recall {self.recall:.3f}, precision {self.precision:.3f}, "
            f"lead {self.lead:.3f}, first due {self.due:.3f}, heading {self.heading:.3f}"
        )


def annotations(part: str) -> list[tuple[dict[str, Any], bytes | None, str]]:
    """(annotation, document bytes or None when absent, file name) of one part."""
    folder = CORPUS / ("seeds_annotation" if part == "seeds" else part)
    out = []
    for path in sorted(folder.glob("*.yaml")):
        note = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = str(note["document"])
        if part == "seeds":
            found = sorted(SEEDS.glob(f"{name}_*.txt")) if SEEDS.is_dir() else []
            data = found[0].read_bytes() if found else None
            out.append((note, data, found[0].name if found else name))
        else:
            document = folder / name
            out.append((note, document.read_bytes() if document.exists() else None, name))
    return out


def measure(part: str, directory: AgencyDirectory | None = None) -> Scores:
    """The scores of one part; a document that is absent (a seed elsewhere) is left out."""
    directory = directory or AgencyDirectory.load()
    scores = Scores()
    for note, data, name in annotations(part):
        if data is None:
            continue
        scores.documents += 1
        expected = note.get("tasks") or []
        scores.expected += len(expected)
        try:
            plan = import_document(data, name, directory)
        except BadDocument as refusal:
            if not note.get("refused"):
                scores.misses.append(f"{name}: refused: {refusal.render()}")
            continue
        scores.imported += len(plan.tasks)
        city = bool(note.get("city", directory.is_centrally_run(plan.meta.issuer)))
        _score(plan, expected, directory, city, name, scores)
        _score_heading(plan.meta, note.get("heading") or {}, name, scores)
    return scores


_HEADING_FIELDS = ("number", "title", "issuer", "period", "signed")


def _score_heading(meta: PlanMeta, wanted: dict[str, Any], name: str, scores: Scores) -> None:
    read = {
        "number": meta.number,
        "title": meta.title,
        "issuer": meta.issuer,
        "period": list(meta.period) if meta.period else None,
        "signed": meta.signed,
    }
    for key, value in wanted.items():
        if key not in _HEADING_FIELDS:
            continue
        scores.heading_fields += 1
        if read[key] == value:
            scores.heading_right += 1
        else:
            scores.misses.append(f"{name}: heading {key} {read[key]!r} instead of {value!r}")


def _score(
    plan: ImportedPlan,
    expected: list[dict[str, Any]],
    directory: AgencyDirectory,
    city: bool,
    name: str,
    scores: Scores,
) -> None:
    free = list(plan.tasks)
    for want in expected:
        got = _match(want, free)
        if got is None:
            scores.misses.append(f"{name}: task {want['number']} not found: {want['title']}")
            continue
        free.remove(got)
        scores.matched += 1
        wanted_leads = {_identity(directory.resolve(n, city=city)) for n in want.get("lead", [])}
        got_leads = {_identity(r) for r in got.lead}
        if wanted_leads == got_leads:
            scores.lead_right += 1
        else:
            scores.misses.append(
                f"{name}: task {want['number']} lead {sorted(got_leads)} "
                f"instead of {sorted(wanted_leads)}"
            )
        due = first_due(got)
        wanted_due = want.get("due")
        if due == wanted_due:
            scores.due_right += 1
        else:
            scores.misses.append(
                f"{name}: task {want['number']} due {due} instead of {wanted_due} "
                f"({got.raw.deadline_text!r})"
            )
    for extra in free:
        scores.misses.append(f"{name}: extra task {_number(extra)}: {extra.raw.title[:60]}")


HEADINGS = CORPUS / "headings_heldout.yaml"


def measure_headings() -> Scores:
    """The held-out headings (tests/corpus/headings_heldout.yaml), field by field; each
    heading counts as a document."""
    scores = Scores()
    for entry in yaml.safe_load(HEADINGS.read_text(encoding="utf-8"))["headings"]:
        scores.documents += 1
        _score_heading(read_metadata(entry["lines"].splitlines()), entry, entry["name"], scores)
    return scores


def first_due(task: ImportedTask) -> date | None:
    dated = [m.due for m in task.deadline.milestones if m.due is not None]
    return min(dated) if dated else None


def _identity(resolution: Resolution) -> str:
    if resolution.agency is not None:
        return resolution.agency.key
    return "?" + fold(resolution.name)


def _number(task: ImportedTask) -> str:
    raw = task.raw
    if raw.section and raw.number:
        return f"{raw.section}.{raw.number}"
    return raw.number or "-"


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()-–") for w in fold(text).split()} - {""}


def _likeness(title: str, task: ImportedTask) -> float:
    """How much of an annotated title (often its first words) the task's title holds."""
    wanted = _words(title)
    if not wanted:
        return 0.0
    return len(wanted & _words(task.raw.title)) / len(wanted)


def _match(want: dict[str, Any], free: list[ImportedTask]) -> ImportedTask | None:
    number = str(want["number"])
    title = str(want.get("title", ""))
    same = [t for t in free if _number(t) == number or t.raw.number == number]
    ranked = sorted(same, key=lambda t: -_likeness(title, t))
    if ranked and _likeness(title, ranked[0]) >= 0.3:
        return ranked[0]
    best = max(free, key=lambda t: _likeness(title, t), default=None)
    if best is not None and _likeness(title, best) >= 0.7:
        return best
    return None


def main(argv: list[str] | None = None) -> int:
    """Print each part's scores (the held-out headings' too); with --misses, every task and
    heading field read wrong."""
    args = sys.argv[1:] if argv is None else argv
    directory = AgencyDirectory.load()
    named = [a for a in args if a in (*PARTS, "headings")]
    wanted = [a for a in named if a in PARTS] if named else list(PARTS)
    for part in wanted:
        start = time.perf_counter()
        scores = measure(part, directory)
        elapsed = time.perf_counter() - start
        if not scores.documents:
            print(f"{part:8} no documents here (the seeds live in ../shared/seeds)")
            continue
        print(f"{scores.line(part)} ({elapsed:.2f} s)")
        if "--misses" in args:
            for miss in scores.misses:
                print(f"    {miss}")
    if not named or "headings" in named:
        headings = measure_headings()
        print(f"headings {headings.documents:3} held-out headings: fields {headings.heading:.3f}")
        if "--misses" in args:
            for miss in headings.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
