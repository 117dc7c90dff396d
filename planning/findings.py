"""Findings: what the reader noticed about a document, as catalog messages to render later."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """A warning about the document: a catalog msgid with named placeholders.

    ``message`` is English, marked with ``N_`` where it is written, and uses named
    placeholders (``%(number)s``); it is translated only when shown to a person.
    """

    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    line: int | None = None

    def render(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        text = gettext(self.message)
        return text % dict(self.params) if self.params else text
