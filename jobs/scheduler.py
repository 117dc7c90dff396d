"""The schedules of `nhacviec run` (APScheduler): one tick every few minutes does the day's
nudges, escalations and report requests, and the weekly digest once its moment has come.

Every job is safe to run twice (the outbox's unique keys), so the tick can be frequent and a
restart loses nothing: a run missed while the bot was down is simply done at the next tick.
With several processes on PostgreSQL only the leader (an advisory lock) runs the tick.
"""

from __future__ import annotations

import asyncio
import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from jobs import digest, nudges
from jobs.leader import Leadership

log = logging.getLogger(__name__)

TICK_MINUTES = 10


def tick(app: App, leadership: Leadership) -> None:
    """One pass of every schedule, as the leader."""
    if not leadership.is_leader():
        return
    now = app.now()
    report = nudges.run_once(app, now)
    queued = digest.run(
        app.sessions,
        now,
        schedule=digest.DigestSchedule.from_settings(app.settings),
        language=app.settings.default_language,
    )
    log.info(
        "tick: %d nudges queued, %d withdrawn, %d digest messages",
        report.enqueued,
        report.withdrawn,
        len(queued.queued),
    )


def start_scheduler(app: App) -> tuple[AsyncIOScheduler, Leadership]:
    leadership = Leadership(app.engine)

    async def run_tick() -> None:
        try:
            await asyncio.to_thread(tick, app, leadership)
        except Exception:
            log.exception("the scheduled tick failed; the next one will try again")

    scheduler = AsyncIOScheduler(timezone=app.settings.tz)
    scheduler.add_job(
        run_tick,
        "interval",
        minutes=TICK_MINUTES,
        id="tick",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=app.now(),
    )
    scheduler.start()
    return scheduler, leadership
