"""Accuracy floors: the seeds, the development corpus and the held-out corpus, each against
annotations written by reading the documents (benchmarks/import_accuracy.py measures them)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.import_accuracy import CORPUS, Scores, annotations, measure, measure_headings
from planning.agencies import AgencyDirectory

DIRECTORY = AgencyDirectory.load()
FLOORS = {
    "seeds": {"recall": 0.98, "precision": 0.95, "lead": 0.95, "due": 0.95, "heading": 0.95},
    "dev": {"recall": 0.90, "precision": 0.90, "lead": 0.90, "due": 0.90, "heading": 0.90},
    "heldout": {"recall": 0.90, "precision": 0.90, "lead": 0.90, "due": 0.90, "heading": 0.90},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def part(request: pytest.FixtureRequest) -> tuple[str, Scores]:
    scores = measure(request.param, DIRECTORY)
    if not scores.documents:
        pytest.skip(f"no {request.param} documents here (the seeds live in ../shared/seeds)")
    return request.param, scores


@pytest.mark.parametrize("measure_name", ["recall", "precision", "lead", "due", "heading"])
def test_the_importer_reads_the_corpus_above_its_floor(
    part: tuple[str, Scores], measure_name: str
) -> None:
    name, scores = part
    assert getattr(scores, measure_name) >= FLOORS[name][measure_name], scores.misses


def test_the_heading_reader_reads_the_held_out_headings_above_its_floor() -> None:
    scores = measure_headings()
    assert scores.documents >= 30
    assert scores.heading >= 0.97, scores.misses


@pytest.mark.parametrize("folder", ["dev", "heldout"])
def test_every_corpus_document_has_its_annotation(folder: str) -> None:
    documents = {p.name for p in (CORPUS / folder).iterdir() if p.suffix != ".yaml"}
    annotated = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["document"]
        for p in (CORPUS / folder).glob("*.yaml")
    }
    assert documents == annotated
    assert all(data is not None for _, data, _ in annotations(folder))


def test_the_seed_annotations_name_every_seed() -> None:
    names = sorted(
        str(yaml.safe_load(p.read_text(encoding="utf-8"))["document"])
        for p in Path(CORPUS / "seeds_annotation").glob("*.yaml")
    )
    assert names == ["000", "001", "002", "003", "004"]
