"""Computing the day's digests: a generated plan of 25,000 tasks with 100,000 quarterly
milestones over two years in SQLite, led and supported by 500 agencies (the directory's
departments and generated ones), twenty registered people each and three coordinators:
10,003 people. Goal: a day's digests for all of them (read the agenda, gather each person's
items, render every distinct digest) under 1 s; writing them to the outbox is measured too.

The plan's rows are written directly (reading 25,000 tasks through the importer would take
minutes and measure the importer, which bench_import does). Deadlines are spread over the
working year; nine in ten deadlines already past are done, as in a plan being followed. Each
figure is the best of three runs, each rolled back, in this one process.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.common import Result
from bot.db import make_engine, make_sessionmaker, upgrade
from jobs import nudges
from jobs.policy import load_policy
from models import (
    Agency,
    Assignment,
    ChannelAccount,
    Milestone,
    Official,
    OfficialRole,
    Plan,
    Role,
    Task,
)
from planning.agencies import AgencyDirectory
from planning.calendar import WorkCalendar
from services.agencies import sync_directory
from services.roster import Roster

TASKS = 25_000
MILESTONES_PER_TASK = 4
AGENCIES = 500
OFFICIALS_PER_AGENCY = 20
NOW = datetime(2026, 3, 20, 1, 0, tzinfo=UTC)  # Friday 08:00 in Hà Nội
FIRST_DUE = date(2025, 7, 1)
DAYS = 730


def _populate(sessions: sessionmaker[Session]) -> None:
    rng = random.Random(20260320)
    today = NOW.date()
    with sessions.begin() as session:
        rows = sync_directory(session, AgencyDirectory.load())
        departments = [a.id for a in rows.values() if a.level == "department" and not a.is_group]
        departments += session.scalars(
            insert(Agency).returning(Agency.id),
            [
                {"key": f"bench-{n}", "name": f"Phòng Văn hóa - Xã hội số {n}", "level": "commune"}
                for n in range(AGENCIES - len(departments))
            ],
        ).all()
        plan_id = session.scalar(
            insert(Plan)
            .values(
                identity="bench-nudges",
                title="Kế hoạch cải cách hành chính (sinh tự động)",
                source_name="bench",
                source_sha256="0" * 64,
                imported_at=NOW,
                warnings=[],
            )
            .returning(Plan.id)
        )
        session.execute(
            insert(Task),
            [
                {
                    "plan_id": plan_id,
                    "slot": f"S|{n}",
                    "position": n,
                    "section": "I",
                    "number": str(n + 1),
                    "title": f"Rà soát, đánh giá thủ tục hành chính số {n}",
                    "product": f"Báo cáo kết quả {n}",
                    "content_hash": "x",
                    "deadline_kind": "recurring",
                }
                for n in range(TASKS)
            ],
        )
        task_ids = list(session.scalars(select(Task.id).order_by(Task.id)))
        assignments, milestones = [], []
        for n, task_id in enumerate(task_ids):
            lead = departments[n % len(departments)]
            support = departments[(n * 7 + 3) % len(departments)]
            assignments.append(
                {"task_id": task_id, "agency_id": lead, "role": Role.LEAD, "as_written": "x"}
            )
            if support != lead:
                assignments.append(
                    {
                        "task_id": task_id,
                        "agency_id": support,
                        "role": Role.SUPPORT,
                        "as_written": "x",
                        "position": 1,
                    }
                )
            start = rng.randrange(DAYS - 3 * 91)
            for k in range(MILESTONES_PER_TASK):
                due = FIRST_DUE + timedelta(days=start + 91 * k)
                done = rng.random() < (0.9 if due < today else 0.05)
                milestones.append(
                    {
                        "task_id": task_id,
                        "position": k,
                        "due": due,
                        "label": "Định kỳ hằng quý",
                        "completed_on": min(due, today) if done else None,
                    }
                )
        session.execute(insert(Assignment), assignments)
        session.execute(insert(Milestone), milestones)
        people, accounts = [], []
        for agency in departments:
            for k in range(OFFICIALS_PER_AGENCY):
                role = OfficialRole.FOCAL if k == 0 else OfficialRole.OFFICIAL
                people.append((agency, role))
        people.extend([(rows["so-noi-vu"].id, OfficialRole.COORDINATOR)] * 3)
        official_ids = session.scalars(
            insert(Official).returning(Official.id),
            [
                {
                    "full_name": f"Cán bộ {n}",
                    "agency_id": agency,
                    "role": role,
                    "language": "vi",
                    "created_at": NOW,
                }
                for n, (agency, role) in enumerate(people)
            ],
        ).all()
        for official_id in official_ids:
            accounts.append(
                {
                    "official_id": official_id,
                    "channel": "telegram",
                    "external_id": str(100_000 + official_id),
                    "chat_id": str(100_000 + official_id),
                    "created_at": NOW,
                }
            )
        session.execute(insert(ChannelAccount), accounts)
        assert session.scalar(select(func.count(Agency.id)))


def run() -> list[Result]:
    policy = load_policy()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/nudges.db")
        upgrade(engine)
        sessions = make_sessionmaker(engine)
        _populate(sessions)
        with sessions() as session:
            total = session.scalar(select(func.count(Milestone.id))) or 0
        calendar = WorkCalendar(nudges.DEFAULT_TZ, policy.working_hours)
        today = NOW.astimezone(calendar.tz).date()
        planned = composed = best = float("inf")
        people = digests = written = 0
        for _ in range(3):
            with sessions() as session:
                start = time.perf_counter()
                roster = Roster.load(session, today)
                nudges.agenda(session, today, calendar, policy, roster)
                planned = min(planned, time.perf_counter() - start)
            with sessions() as session:
                start = time.perf_counter()
                roster = Roster.load(session, today)
                planner = nudges.Planner(session, calendar, policy, roster, today)
                everyone = [p for p in roster.people() if p.role != "steering"]
                found = [planner.message(p, [today]) for p in everyone]
                composed = min(composed, time.perf_counter() - start)
                people, digests = len(everyone), sum(1 for f in found if f is not None)
            with sessions() as session:
                start = time.perf_counter()
                written = nudges.compute(session, NOW, calendar, policy)
                session.flush()
                best = min(best, time.perf_counter() - start)
                session.rollback()
        engine.dispose()
    return [
        Result(f"nudges: the day's agenda over {total:,} milestones", planned * 1000, "ms", 1000),
        Result(
            f"nudges: the day's digests of {people:,} people ({digests:,} with something)",
            composed * 1000,
            "ms",
            1000,
        ),
        Result(f"nudges: compute and write them ({written:,} rows)", best * 1000, "ms", None),
    ]


if __name__ == "__main__":
    for result in run():
        print(result.line())
