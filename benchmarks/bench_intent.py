"""Understanding a question, without the database: every question of the question sets
(tests/questions) read against the plan each is about (the sample plan, seeds 002, 003 and
004), and against a generated plan of 1,000 tasks. Goal: p99 under 5 ms a question; a plan's
reader built in under 1 s.

The reader is built once per plan (as the chat keeps it) and then reads each question
several times in this one process, garbage collection frozen as `nhacviec run` does. A
question's time is the median of its runs, so that a moment the shared machine gives the
process no core does not count as the reader's; the p99 is over the questions.
"""

from __future__ import annotations

import gc
import statistics
import time
from datetime import date
from pathlib import Path

import yaml

from benchmarks.bench_import import generated_plan
from benchmarks.common import Result
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from planning.intent import PlanVocabulary, QuestionReader, reader_for
from tests.questions.evaluate import plan_path, question_files
from tests.questions.plans import vocabulary_of

ROUNDS = 5
GENERATED_TASKS = 1000


def _questions() -> dict[str, tuple[date, list[str]]]:
    """The questions of each plan present here, and the day they are asked."""
    out: dict[str, tuple[date, list[str]]] = {}
    for path in question_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        plan = str(data["plan"])
        if plan_path(plan) is None:
            continue
        _today, questions = out.setdefault(plan, (data["today"], []))
        questions.extend(str(q["q"]) for q in data["questions"])
    return out


def _vocabulary(path: Path | None, directory: AgencyDirectory) -> PlanVocabulary:
    data = path.read_bytes() if path is not None else generated_plan(GENERATED_TASKS)
    name = path.name if path is not None else "generated.txt"
    return vocabulary_of(import_document(data, name, directory), directory)


def _times(reader: QuestionReader, questions: list[str], today: date) -> list[float]:
    """Each question's median time to read, in ms."""
    for question in questions:  # warm the reader's caches, as a running bot has
        reader.read(question, today)
    gc.collect()
    gc.freeze()
    runs: dict[int, list[float]] = {n: [] for n in range(len(questions))}
    try:
        for _ in range(ROUNDS):
            for n, question in enumerate(questions):
                start = time.perf_counter()
                reader.read(question, today)
                runs[n].append((time.perf_counter() - start) * 1000)
    finally:
        gc.unfreeze()
    return [statistics.median(times) for times in runs.values()]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run() -> list[Result]:
    directory = AgencyDirectory.load()
    results: list[Result] = []
    timings: list[float] = []
    builds: list[float] = []
    asked = _questions()
    for plan, (today, questions) in asked.items():
        vocabulary = _vocabulary(plan_path(plan), directory)
        start = time.perf_counter()
        reader = QuestionReader(vocabulary, directory)
        builds.append((time.perf_counter() - start) * 1000)
        timings.extend(_times(reader, questions, today))
    label = f"understand a question ({len(timings)} of them)"
    results.append(Result(f"{label}, p50", statistics.median(timings), "ms", 5))
    results.append(Result(f"{label}, p99", _percentile(timings, 0.99), "ms", 5))
    results.append(Result("build a plan's reader (slowest)", max(builds), "ms", 1000))
    generated = reader_for(_vocabulary(None, directory), directory)
    questions = [q for _today, qs in asked.values() for q in qs]
    large = _times(generated, questions, date(2026, 3, 25))
    results.append(
        Result(f"same, plan of {GENERATED_TASKS:,} tasks, p99", _percentile(large, 0.99), "ms", 5)
    )
    return results
