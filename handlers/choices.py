"""Numbered choices: where a chat app shows buttons as numbered lines and people answer with
the number (Zalo, the terminal), the choices last shown are kept beside the conversation step
(``ConversationState.data["_menu"]``), so that "2" means the same after a restart."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from handlers.context import keep_state_row, state_row
from handlers.messages import Incoming, Reply, Sender
from models import ConversationState

MENU_KEY = "_menu"  # reserved key in ConversationState.data: the button data of the last choices
MENU_ONLY_STEP = ""  # the step of a row that holds only a menu, no conversation step
_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.)]?\s*")


def menu_of(replies: Iterable[Reply]) -> list[str]:
    """The button data behind the numbers, in order: numbers run on across the replies of one
    answer, so each number means one thing (``menu[n - 1]`` is choice n)."""
    return [button.data for reply in replies for row in reply.buttons for button in row]


def pick(text: str, menu: Sequence[str]) -> str | None:
    """The button data chosen by an answer "2" (or "2." or " 2 "), if the menu has a 2."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    number = int(match.group(1))
    return menu[number - 1] if 1 <= number <= len(menu) else None


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def recall(
    session: Session, channel: str, chat_id: str, user_id: str
) -> tuple[str | None, list[str]]:
    """(the conversation step, or None; the button data of the last choices shown)."""
    row = state_row(session, channel, chat_id, user_id)
    if row is None:
        return None, []
    menu = (row.data or {}).get(MENU_KEY)
    choices = [str(data) for data in menu] if isinstance(menu, list) else []
    return (row.step or None), choices


def remember(
    session: Session, channel: str, chat_id: str, user_id: str, menu: Sequence[str], now: datetime
) -> None:
    """Keep ``menu`` as the choices a number refers to, beside the step (never replacing it);
    an empty menu forgets the old one, so a number typed later is read as text."""
    row = state_row(session, channel, chat_id, user_id)
    if row is None:
        if not menu:
            return
        row = ConversationState(
            channel=channel,
            chat_id=chat_id,
            external_id=user_id,
            step=MENU_ONLY_STEP,
            data={},
            updated_at=now,
        )
        session.add(row)
        keep_state_row(session, channel, chat_id, user_id, row)
    data = {key: value for key, value in (row.data or {}).items() if key != MENU_KEY}
    if menu:
        data[MENU_KEY] = list(menu)
    if not data and row.step == MENU_ONLY_STEP:
        session.delete(row)
        keep_state_row(session, channel, chat_id, user_id, None)
        return
    row.data = data


def numbered(sender: Sender, incoming: Incoming) -> bool:
    """Whether this chat answers buttons with numbers: only in private chats, where the
    numbers are shown (a group's messages carry no choices)."""
    return incoming.capabilities.numbered_choices and sender.chat_type == "private"


def resolve(incoming: Incoming, session: Session) -> Incoming:
    """A number answering one of the choices last shown becomes the press of that button."""
    text = incoming.text
    sender = incoming.sender
    if text is None or not numbered(sender, incoming) or not is_number(text):
        return incoming
    _step, menu = recall(session, sender.channel, sender.chat_id, sender.user_id)
    chosen = pick(text, menu)
    if chosen is None:
        return incoming
    return dataclasses.replace(incoming, text=None, button=chosen)


def keep_shown(
    incoming: Incoming, session: Session, replies: Iterable[Reply], now: datetime
) -> None:
    """Remember the choices of this answer, in the same unit of work as the update."""
    sender = incoming.sender
    if numbered(sender, incoming):
        remember(session, sender.channel, sender.chat_id, sender.user_id, menu_of(replies), now)
