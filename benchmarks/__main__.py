"""Run every benchmark and print its figures next to its goal."""

from __future__ import annotations

import sys

from benchmarks import (
    bench_chat,
    bench_dispatch,
    bench_evidence,
    bench_hostile,
    bench_import,
    bench_intent,
    bench_nudges,
    bench_report,
    import_accuracy,
    targets_accuracy,
)


def main() -> int:
    import_accuracy.main([])
    targets_accuracy.main([])
    results = (
        bench_import.run()
        + bench_hostile.run()
        + bench_intent.run()
        + bench_chat.run()
        + bench_nudges.run()
        + bench_report.run()
        + bench_dispatch.run()
        + bench_evidence.run()
    )
    failed = [r for r in results if not r.met]
    for result in results:
        print(result.line())
    print(f"{len(results) - len(failed)} of {len(results)} goals met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
