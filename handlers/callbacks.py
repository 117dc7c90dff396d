"""Button data: a short, versioned format under Telegram's 64-byte limit, parsed in one place.

``"1:card:42"`` is version 1, action ``card``, argument ``42``.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "1"
LIMIT = 64


@dataclass(frozen=True)
class Callback:
    action: str
    args: tuple[str, ...] = ()

    def arg_int(self, index: int, default: int = 0) -> int:
        try:
            return int(self.args[index])
        except (IndexError, ValueError):
            return default


def encode(action: str, *args: object) -> str:
    data = ":".join((VERSION, action, *(str(a) for a in args)))
    if len(data.encode()) > LIMIT or any(":" in str(a) for a in args):
        raise ValueError(f"callback data not encodable: {data!r}")
    return data


def decode(data: str) -> Callback | None:
    """The callback, or None for data of another version or shape (an old button)."""
    parts = data.split(":")
    if len(parts) < 2 or parts[0] != VERSION or not parts[1]:
        return None
    return Callback(parts[1], tuple(parts[2:]))
