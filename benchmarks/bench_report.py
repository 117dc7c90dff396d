"""The Word report to the People's Committee for a 300-task plan: goal under 2 s.

A generated plan of 300 tasks over ten areas, a third of them with a target in their
deliverable, some values reported and some milestones done, stored in a SQLite file; the
report of its year is read and laid out five times after a first run, and the median is
the figure (the read and the layout are shown apart too).
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from benchmarks.bench_import import generated_plan
from benchmarks.common import Result
from bot.db import make_engine, make_sessionmaker, upgrade
from models import Milestone, Official, OfficialRole, Task
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from planning.reporting import ReportPeriod
from services import report_docx
from services.plans import import_plan
from services.targets import record_value, target_rows

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 10, 5, 9, 0, tzinfo=ZONE)
TASKS = 300
RUNS = 5


def _product(n: int) -> str:
    """A third of the deliverables carry a target."""
    if n % 3 == 0:
        return f"Tối thiểu {50 + n % 50}% hồ sơ nhóm {n} được giải quyết trực tuyến"
    return f"Báo cáo kết quả {n}"


def _populate(database: Path) -> tuple[object, int]:
    engine = make_engine(f"sqlite:///{database}")
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    directory = AgencyDirectory.load()
    data = generated_plan(TASKS, product=_product)
    imported = import_document(data, "plan.txt", directory)
    with sessions.begin() as session:
        plan_id = import_plan(
            session,
            imported,
            source_name="plan.txt",
            sha256=hashlib.sha256(data).hexdigest(),
            directory=directory,
            now=NOW,
            actor="bench",
        ).plan_id
        coordinator = Official(
            full_name="Điều phối",
            agency_id=session.scalars(select(Task)).first().assignments[0].agency_id,  # type: ignore[union-attr]
            role=OfficialRole.COORDINATOR,
            created_at=NOW,
        )
        session.add(coordinator)
        session.flush()
        for n, milestone in enumerate(session.scalars(select(Milestone))):
            if n % 4 == 0 and milestone.due is not None:
                milestone.completed_on = min(milestone.due, date(2026, 9, 30))
        for n, row in enumerate(target_rows(session, NOW.date(), plan_id=plan_id)):
            if n % 2 == 0:
                record_value(session, coordinator, row.id, f"{40 + n % 60}", None, NOW)
    return sessions, plan_id


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        sessions, plan_id = _populate(Path(folder) / "report.db")
        period = ReportPeriod(2026, "year")
        loads, renders, totals = [], [], []
        for attempt in range(RUNS + 1):
            with sessions() as session:  # type: ignore[operator]
                start = time.perf_counter()
                data = report_docx.load_report(session, plan_id, period, NOW)
                loaded = time.perf_counter()
                report_docx.render(data)
                done = time.perf_counter()
            if attempt:  # the first run warms the caches
                loads.append(loaded - start)
                renders.append(done - loaded)
                totals.append(done - start)
        tasks = len([r for r in data.appendix.rows if not hasattr(r, "code")])
    return [
        Result(
            f"Word report of a {tasks}-task plan (median of {RUNS})",
            statistics.median(totals),
            "s",
            2.0,
        ),
        Result("  reading the database", statistics.median(loads), "s", None),
        Result("  laying out the document", statistics.median(renders), "s", None),
    ]


def main() -> int:
    for result in run():
        print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
