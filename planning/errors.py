"""The one kind of failure the person importing a plan can fix: a document we cannot read."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from i18n import N_


class BadDocument(Exception):
    """The file is empty, corrupt, of an unknown type, too large, or holds no task list."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params: Mapping[str, object] = params

    def render(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        text = gettext(self.message)
        return text % dict(self.params) if self.params else text


NO_TASKS = N_("No task list was found in this document.")
