"""One leader among several processes: a PostgreSQL advisory lock held on its own connection.
The scheduler has one (`SCHEDULER`), and so does each channel's outbox sender (`sender`).
SQLite runs one process, which is always the leader.

The lock lives as long as its connection: a process that dies, even by ``kill -9``, closes
it and the next process to ask takes over. The connection sends TCP keepalives, so that a host
that vanished without closing it is noticed by the server within ``KEEPALIVE_SECONDS``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

SCHEDULER = 0x6E686163  # "nhac"
KEEPALIVE_SECONDS = 30  # idle 10 s, then 4 probes 5 s apart


def sender(channel: str) -> int:
    """The lock of the one process that sends ``channel``'s outbox."""
    digest = hashlib.sha256(f"nhacviec outbox sender {channel}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


class Leadership:
    """``is_leader()`` tries to take the lock once and keeps it while the connection lives."""

    def __init__(self, engine: Engine, key: int = SCHEDULER) -> None:
        self.engine = engine
        self.key = key
        self._connection: Connection | None = None

    def is_leader(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except Exception:  # the connection died, and the lock with it
                log.warning("lost the lock %x with its connection", self.key, exc_info=True)
                self.release()
        # Autocommit: the connection holds the lock between statements, never a transaction,
        # which would keep old row versions from being vacuumed for as long as it leads.
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key})
            if got.scalar():
                for setting, value in (
                    ("tcp_keepalives_idle", 10),
                    ("tcp_keepalives_interval", 5),
                    ("tcp_keepalives_count", 4),
                ):
                    connection.execute(text(f"SET {setting} = {value}"))
                self._connection = connection
                return True
        except Exception:
            connection.close()
            raise
        connection.close()
        return False

    def holds(self) -> bool:
        """Whether this process leads now, without trying to become the leader."""
        return self.engine.dialect.name != "postgresql" or self._connection is not None

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
        except Exception:
            log.debug("releasing the lock %x failed", self.key, exc_info=True)
        finally:
            with contextlib.suppress(Exception):
                connection.close()
