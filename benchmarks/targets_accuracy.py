"""How well the target reader reads targets (chỉ tiêu): precision and recall.

`python -m benchmarks.targets_accuracy [seeds|dev|heldout] [--misses]` measures three parts:
the five seed plans read whole (annotated in tests/corpus/targets/seeds.yaml, the texts in
../shared/seeds), development lines read while tuning (tests/corpus/targets/dev.yaml) and
held-out lines never read while tuning (tests/corpus/targets/heldout.yaml).

A target read is right when one annotated on the same line (a seed's: the same task, or the
plan's other text) has the same value, comparison, unit, level and change; each annotated
target is matched once. What is measured is not scored: its words are a reader's choice.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from planning.agencies import AgencyDirectory
from planning.importer import import_document
from planning.targets import Figure, read_figures

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "targets"
SEEDS = ROOT.parent / "shared" / "seeds"
PARTS = ("seeds", "dev", "heldout")

Key = tuple[str, Decimal, str, str, str, str]


@dataclass
class Scores:
    read: int = 0
    expected: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.read if self.read else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def add(self, where: str, read: list[Key], expected: list[Key]) -> None:
        wanted = Counter(expected)
        got = Counter(read)
        right = wanted & got
        self.read += sum(got.values())
        self.expected += sum(wanted.values())
        self.right += sum(right.values())
        for key in (got - right).elements():
            self.misses.append(f"{where}: read but not a target: {_show(key)}")
        for key in (wanted - right).elements():
            self.misses.append(f"{where}: missed: {_show(key)}")


def _show(key: Key) -> str:
    where, value, comparison, unit, level, change = key
    return f"[{where}] {comparison} {value:f}{unit} {level} {change}".rstrip()


def _key(where: str, value: Any, comparison: str, unit: str, level: Any, change: Any) -> Key:
    return (where, Decimal(str(value)).normalize(), comparison, unit, level or "", change or "")


def _figure_key(where: str, figure: Figure) -> Key:
    return _key(where, figure.value, figure.comparison, figure.unit, figure.level, figure.change)


def _expected(entry: dict[str, Any], where: str) -> Key:
    return _key(
        where,
        entry["value"],
        entry["comparison"],
        entry["unit"],
        entry.get("level"),
        entry.get("change"),
    )


def score_lines(part: str) -> Scores:
    data = yaml.safe_load((CORPUS / f"{part}.yaml").read_text(encoding="utf-8"))
    scores = Scores()
    for n, line in enumerate(data["lines"], start=1):
        where = f"{part}#{n}"
        read = [_figure_key(where, f) for f in read_figures(line["text"])]
        expected = [_expected(e, where) for e in line["targets"] or []]
        scores.add(f"{where} {line['text'][:60]}", read, expected)
    return scores


def score_seeds(directory: AgencyDirectory | None = None) -> Scores | None:
    """None where the seed texts are not here."""
    if not SEEDS.is_dir():
        return None
    directory = directory or AgencyDirectory.load()
    data = yaml.safe_load((CORPUS / "seeds.yaml").read_text(encoding="utf-8"))
    scores = Scores()
    for prefix, entries in data["documents"].items():
        paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        if not paths:
            return None
        plan = import_document(paths[0].read_bytes(), paths[0].name, directory)
        tasks = {t.slot: t for t in plan.tasks}
        read = []
        for item in plan.targets:
            target = item.target
            where = "objective"
            if target.slot is not None:
                raw = tasks[target.slot].raw
                where = ".".join(p for p in (raw.section, raw.number) if p)
            read.append(_figure_key(where, target.figure))
        expected = [_expected(e, e["where"]) for e in entries]
        scores.add(prefix, read, expected)
    return scores


def score(part: str) -> Scores | None:
    return score_seeds() if part == "seeds" else score_lines(part)


def main(argv: list[str]) -> int:
    parts = [a for a in argv if a in PARTS] or list(PARTS)
    misses = "--misses" in argv
    for part in parts:
        scores = score(part)
        if scores is None:
            print(f"targets {part:<8} skipped: the seed plans (../shared/seeds) are not here")
            continue
        print(
            f"targets {part:<8} {scores.right:>4} right of {scores.read:>4} read, "
            f"{scores.expected:>4} annotated: precision {scores.precision:.3f}, "
            f"recall {scores.recall:.3f}"
        )
        if misses:
            for line in scores.misses:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
