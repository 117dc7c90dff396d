"""Small pieces every handler uses: translated, escaped text and the buttons on every reply."""

from __future__ import annotations

from handlers import actions
from handlers.markup import fmt
from handlers.messages import Reply
from i18n import gettext
from services.messages import Button


def t(message: str, **values: object) -> str:
    """The catalog message in the person's language, with every value HTML-escaped."""
    return fmt(gettext(message), values)


def menu_row() -> list[Button]:
    """The button on every reply, so no command has to be remembered."""
    return [Button(t("📋 My tasks"), actions.LIST_PAGE.data("a", 0))]


def say(message: str, buttons: list[list[Button]] | None = None, **values: object) -> list[Reply]:
    return [Reply(t(message, **values), (buttons or []) + [menu_row()])]
