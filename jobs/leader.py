"""One scheduler leader among several processes: a PostgreSQL advisory lock held on its own
connection. SQLite runs one process, which is always the leader."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

LOCK_KEY = 0x6E686163  # "nhac"


class Leadership:
    """``is_leader()`` tries to take the lock once and keeps it while the connection lives."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def is_leader(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except Exception:  # the connection died, and the lock with it
                log.warning("lost the scheduler lock's connection", exc_info=True)
                self.release()
        connection = self.engine.connect()
        got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY})
        if got.scalar():
            connection.commit()
            self._connection = connection
            return True
        connection.close()
        return False

    def holds(self) -> bool:
        """Whether this process leads now, without trying to become the leader."""
        return self.engine.dialect.name != "postgresql" or self._connection is not None

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                self._connection.close()
            except Exception:
                log.debug("releasing the scheduler lock failed", exc_info=True)
            self._connection = None
