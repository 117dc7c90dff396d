"""Building reply text safely: every value is HTML-escaped before it meets the template."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

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
