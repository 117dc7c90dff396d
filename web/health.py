"""``GET /healthz``: is the database reachable, who leads the schedules, and how far behind the
outbox is, as JSON for a load balancer, a monitor or an operator's curl.

200 while the database answers, 503 when it does not (or not within ``TIMEOUT``). Counts only:
no person, no message text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select, text
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from jobs.leader import SCHEDULER
from models import Notification, NotificationStatus

PATH = "/healthz"
TIMEOUT = 5.0  # seconds for the database to answer


@dataclass
class Health:
    """What the check needs: the database and the clock; ``leads_here`` says whether this
    process holds the schedules' leadership (None until the scheduler has started)."""

    engine: Engine
    clock: Callable[[], datetime]
    leads_here: Callable[[], bool] | None = None

    def report(self) -> dict[str, object]:
        now = self.clock()
        backend = self.engine.dialect.name
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            if backend == "postgresql":
                # pg_try_advisory_lock(bigint) shows as classid (high half), objid (low half).
                held = bool(
                    connection.scalar(
                        text(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND granted AND classid = :high AND objid = :low AND objsubid = 1"
                        ),
                        {"high": SCHEDULER >> 32, "low": SCHEDULER & 0xFFFFFFFF},
                    )
                )
            else:
                held = True  # one process on SQLite, always its own leader
            due = Notification.status == NotificationStatus.PENDING
            due = due & (Notification.not_before <= now)
            pending, oldest = connection.execute(
                select(func.count(Notification.id), func.min(Notification.not_before)).where(due)
            ).one()
            sending = connection.scalar(
                select(func.count(Notification.id)).where(
                    Notification.status == NotificationStatus.SENDING
                )
            )
            waiting = connection.scalar(
                select(func.count(Notification.id)).where(
                    Notification.status == NotificationStatus.PENDING,
                    Notification.not_before > now,
                )
            )
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        return {
            "status": "ok",
            "database": {"reachable": True, "backend": backend},
            "leader": {
                "held": held,
                "here": self.leads_here() if self.leads_here is not None else None,
            },
            "outbox": {
                "due": pending,
                "oldest_due_seconds": (
                    round((now - oldest).total_seconds()) if oldest is not None else 0
                ),
                "sending": sending or 0,
                "waiting": waiting or 0,  # for working hours or a retry
            },
            "at": now.astimezone(UTC).isoformat(),
        }


def route(health: Health) -> Route:
    async def healthz(_request: Request) -> JSONResponse:
        try:
            body = await asyncio.wait_for(run_in_threadpool(health.report), TIMEOUT)
        except Exception as problem:  # unreachable, or too slow to answer: not healthy
            kind = "timeout" if isinstance(problem, TimeoutError) else type(problem).__name__
            body = {
                "status": "failing",
                "database": {"reachable": False, "error": kind},
                "at": health.clock().astimezone(UTC).isoformat(),
            }
            return JSONResponse(body, status_code=503, headers={"Cache-Control": "no-store"})
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    return Route(PATH, healthz, methods=["GET"])
