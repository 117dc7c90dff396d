"""The schedules of `nhacviec run` (APScheduler): one tick every few minutes does the day's
nudges, escalations and report requests, and the weekly digest once its moment has come.

Every job is safe to run twice (the outbox's unique keys), so the tick can be frequent and a
restart loses nothing: a run missed while the bot was down is simply done at the next tick.
With several processes on PostgreSQL only the leader (an advisory lock) runs the tick.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from jobs import digest, nudges
from jobs.leader import Leadership
from jobs.policy import Policy, load_policy

log = logging.getLogger(__name__)

TICK_MINUTES = 10


@dataclass(frozen=True)
class Schedules:
    """What the jobs need to know: the zone, the nudge policy, when the weekly digest goes,
    and the language of group messages (the operator's default)."""

    tz: ZoneInfo
    policy: Policy = field(default_factory=load_policy)
    digest: digest.DigestSchedule = field(default_factory=digest.DigestSchedule)
    language: str = "vi"


@dataclass(frozen=True)
class TickReport:
    nudges: nudges.RunReport
    digest: digest.DigestRun


def tick(sessions: sessionmaker[Session], now: datetime, schedules: Schedules) -> TickReport:
    """One pass of every schedule at ``now`` (`nhacviec jobs run-once` runs one by hand)."""
    # A digest due before the next tick is written now, to go at its own time.
    lookahead = timedelta(minutes=TICK_MINUTES)
    report = nudges.run_once(sessions, now, schedules.policy, schedules.tz, lookahead)
    queued = digest.run(sessions, now, schedule=schedules.digest, language=schedules.language)
    return TickReport(report, queued)


def start_scheduler(
    engine: Engine,
    sessions: sessionmaker[Session],
    clock: Callable[[], datetime],
    schedules: Schedules,
) -> tuple[AsyncIOScheduler, Leadership]:
    leadership = Leadership(engine)

    def lead_and_tick() -> None:
        if not leadership.is_leader():
            return
        report = tick(sessions, clock(), schedules)
        log.info(
            "tick: %d nudges queued, %d withdrawn, %d digest messages",
            report.nudges.enqueued,
            report.nudges.withdrawn,
            len(report.digest.queued),
        )

    async def run_tick() -> None:
        try:
            await asyncio.to_thread(lead_and_tick)
        except Exception:
            log.exception("the scheduled tick failed; the next one will try again")

    scheduler = AsyncIOScheduler(timezone=schedules.tz)
    scheduler.add_job(
        run_tick,
        "interval",
        minutes=TICK_MINUTES,
        id="tick",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=clock(),
    )
    scheduler.start()
    return scheduler, leadership
