"""Building reply text safely: every value is HTML-escaped before it meets the template."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

_TAG = re.compile(r"</?(?:b|i|u|s|code|pre|a)(?:\s[^>]*)?>")


def fmt(template: str, values: Mapping[str, object] | None = None) -> str:
    """``template`` (a translated catalog string, trusted) with every value escaped."""
    if not values:
        return template
    return template % {k: v if isinstance(v, int | float) else escape(v) for k, v in values.items()}


def escape(value: object) -> str:
    return html.escape(str(value), quote=False)


def bold(value: object) -> str:
    return f"<b>{escape(value)}</b>"


def to_plain(text: str) -> str:
    """The same message for a channel without HTML: tags dropped, entities unescaped."""
    return html.unescape(_TAG.sub("", text))


def split_text(text: str, limit: int, length: Callable[[str], int] = len) -> list[str]:
    """Pieces of at most ``limit`` (as ``length`` measures), cut at line breaks where possible:
    each platform caps one message (Telegram 4,096 characters, Zalo 2,000)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while length(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            cut = limit
            while length(line[:cut]) > limit:
                cut -= 1
            pieces.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if length(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces
