"""Hostile and large documents: peak memory and time of importing each, in a fresh process.

Goal: any input under MAX_DOCUMENT_BYTES (20 MB) is read or refused within 512 MiB of
memory and 30 s. Each case runs in its own Python process (`python -m
benchmarks.bench_hostile FILE`), whose peak resident size (VmHWM, the interpreter and its
imports included) and time are reported.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

MEMORY_GOAL_MIB = 512
TIME_GOAL_S = 30.0


def measure_one(path: Path) -> dict[str, object]:
    """Import one file in this process and report what happened, its peak memory and time."""
    from planning.agencies import AgencyDirectory
    from planning.errors import BadDocument
    from planning.importer import import_document

    directory = AgencyDirectory.load()
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        plan = import_document(data, path.name, directory)
        outcome = f"{len(plan.tasks)} tasks"
    except BadDocument as refusal:
        outcome = "refused: " + refusal.render()
    elapsed = time.perf_counter() - start
    return {"outcome": outcome, "seconds": elapsed, "peak_mib": peak_mib()}


def peak_mib() -> float:
    """This process's peak resident memory in MiB.

    Linux's VmHWM starts afresh at exec; getrusage's maxrss would count the memory of the
    process this one was forked from (a test runner's hundreds of MiB).
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def run() -> list[Result]:
    from tests.corpus.hostile import CASES

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for label, (name, make) in CASES.items():
            path = Path(folder) / name
            path.write_bytes(make())
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_hostile", str(path)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            wall = time.perf_counter() - started
            if done.returncode != 0:
                print(f"{label}: the process failed ({done.returncode}): {done.stderr[-500:]}")
                results.append(Result(f"{label}: crashed", wall, "s", TIME_GOAL_S))
                continue
            report = json.loads(done.stdout.strip().splitlines()[-1])
            size = path.stat().st_size
            print(f"{label} ({size:,} bytes): {report['outcome']}")
            results.append(Result(f"  {label}: time", float(report["seconds"]), "s", TIME_GOAL_S))
            results.append(
                Result(f"  {label}: peak memory", float(report["peak_mib"]), "MiB", MEMORY_GOAL_MIB)
            )
    return results


def main() -> int:
    if len(sys.argv) == 2:
        print(json.dumps(measure_one(Path(sys.argv[1]))))
        return 0
    for result in run():
        print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
