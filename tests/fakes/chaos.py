"""Faults the fake platforms answer at random: a seeded mix of flood control (429 with
retry_after), server errors (500), requests that get no answer (the client times out) and
connections dropped mid-answer.

Every fault here is one the platform answers *before* doing what was asked: a 429 or a 500
refuses the message, a request that hangs or whose connection drops never reached the part of
the platform that sends. So a client that tries again delivers each message exactly once. (The
other kind, an answer lost after the platform sent the message, is `Fault.slow` of the fake
Telegram: no client can tell it from a message that never went, and the dispatcher documents
it as the one case that may send twice.)

The mix is drawn from ``random.Random(seed)`` in the order requests arrive, and the same
request (same method, chat and text) is refused at most ``in_a_row`` times running, so every
message gets through after a bounded number of tries however the draws fall.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["429", "500", "hang", "drop"]
KINDS: tuple[Kind, ...] = ("429", "500", "hang", "drop")


@dataclass
class Chaos:
    """Which share of which methods' calls fail, and how."""

    rate: float = 0.1
    seed: int = 11
    methods: frozenset[str] = frozenset()  # empty: every method
    weights: dict[Kind, float] = field(
        default_factory=lambda: {"429": 1.0, "500": 1.0, "hang": 1.0, "drop": 1.0}
    )
    retry_after: int = 1  # seconds, in a 429
    hang: float = 2.0  # seconds a request goes unanswered (longer than the client waits)
    in_a_row: int = 3  # at most this many faults for the same request running

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._streak: dict[str, int] = {}
        self.answered: Counter[str] = Counter()  # faults answered, by kind

    def draw(self, method: str, params: dict[str, Any]) -> Kind | None:
        """The fault to answer this call with, or None to answer it normally."""
        if self.methods and method not in self.methods:
            return None
        key = _request_key(method, params)
        with self._lock:
            roll = self._rng.random()
            kinds = [k for k in KINDS if self.weights.get(k, 0) > 0]
            kind = self._rng.choices(kinds, [self.weights[k] for k in kinds])[0]
            if roll >= self.rate or self._streak.get(key, 0) >= self.in_a_row:
                self._streak.pop(key, None)
                return None
            self._streak[key] = self._streak.get(key, 0) + 1
            self.answered[kind] += 1
            return kind

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.answered.values())


def _request_key(method: str, params: dict[str, Any]) -> str:
    """The same request sent again has the same key (its attempt does not count)."""
    wanted = {
        name: params.get(name)
        for name in ("chat_id", "text", "caption", "callback_query_id", "message_id", "offset")
        if name in params
    }
    text = json.dumps(wanted, sort_keys=True, default=str, ensure_ascii=False)
    return method + ":" + hashlib.sha256(text.encode()).hexdigest()[:16]


async def drop_connection(send: Any) -> None:
    """End an ASGI response after its head: the server closes the connection, and the client
    sees it drop before an answer (httpx: RemoteProtocolError)."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
        }
    )


__all__ = ["KINDS", "Chaos", "Kind", "drop_connection"]
