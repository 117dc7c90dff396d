"""Failures the person can fix, each carrying a catalog message to show them."""

from __future__ import annotations


class UserError(Exception):
    """Something the person asked cannot be done as asked; ``message`` is a catalog msgid."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class NotAllowed(UserError):
    """The person's role or agency does not allow this."""
