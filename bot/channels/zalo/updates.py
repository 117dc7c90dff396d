"""Zalo's updates, read leniently (field names drift between the docs and what is delivered),
and the commands people type in them (with or without the slash, after a mention)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from handlers.registry import COMMANDS, PUBLIC_COMMANDS

# Event names (MESSAGING_APIS.md 1.5).
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
STICKER_EVENT = "message.sticker.received"
UNSUPPORTED_EVENT = "message.unsupported.received"


@dataclass(frozen=True)
class ZaloUpdate:
    """One event, read leniently: field names drift between the docs and what is delivered."""

    event_name: str
    message_id: str
    chat_id: str
    chat_type: str  # "PRIVATE" or "GROUP"
    user_id: str
    display_name: str | None
    is_bot: bool
    text: str | None
    photo_url: str | None
    date: datetime | None


def parse_update(body: object) -> ZaloUpdate | None:
    """The update in a webhook body or a getUpdates result: flat ``{event_name, message}`` or
    wrapped ``{ok, result: {event_name, message}}``; None for anything else."""
    if not isinstance(body, dict):
        return None
    if "message" not in body and isinstance(body.get("result"), dict):
        body = body["result"]
    message = body.get("message")
    if not isinstance(message, dict):
        return None
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    user_id = str(sender.get("id") or "")
    chat_id = str(chat.get("id") or user_id)
    if not user_id or not chat_id:
        return None
    text = message.get("text")
    photo = next(
        (
            message[key]
            for key in ("photo", "photo_url", "image_url")
            if isinstance(message.get(key), str) and message[key]
        ),
        None,
    )
    event = str(body.get("event_name") or message.get("event_name") or "")
    if not event:
        event = TEXT_EVENT if isinstance(text, str) else IMAGE_EVENT if photo else ""
    if event == IMAGE_EVENT and photo is None and isinstance(message.get("url"), str):
        photo = message["url"]
    if event == IMAGE_EVENT:
        text = message.get("caption") if isinstance(message.get("caption"), str) else None
    date = message.get("date")
    when = (
        datetime.fromtimestamp(date / 1000, UTC)
        if isinstance(date, int | float) and not isinstance(date, bool)
        else None
    )
    message_id = str(message.get("message_id") or "")
    if not message_id:
        # No id to deduplicate on: the event, the chat and the millisecond it was written.
        message_id = f"{event}:{chat_id}:{date}"
    return ZaloUpdate(
        event_name=event,
        message_id=message_id[:100],
        chat_id=chat_id,
        chat_type=str(chat.get("chat_type") or "PRIVATE").upper(),
        user_id=user_id,
        display_name=sender.get("display_name") or sender.get("first_name") or None,
        is_bot=sender.get("is_bot") is True,
        text=text if isinstance(text, str) else None,
        photo_url=photo,
        date=when,
    )


COMMAND_NAMES = frozenset(PUBLIC_COMMANDS) | frozenset(COMMANDS)


def parse_command(text: str, names: Iterable[str] = COMMAND_NAMES) -> tuple[str, tuple[str, ...]]:
    """("nhiemvu", args) for "/nhiemvu ..." and for "nhiemvu ..." (a known name typed without
    the slash, as Zalo has no command menu); ("", ()) when the text is no command."""
    words = text.split()
    if not words:
        return "", ()
    head = words[0]
    if head.startswith("/"):
        return head[1:].split("@", 1)[0].lower(), tuple(words[1:])
    if head.lower() in set(names):
        return head.lower(), tuple(words[1:])
    return "", ()


def strip_mention(text: str, names: Iterable[str] = COMMAND_NAMES) -> str:
    """A group message addressed to the bot ("@Bot Nhắc việc quahan") without the mention.

    How Zalo writes a mention into ``text`` is not documented: the words from the "@" up to
    the first command are dropped; text without a command loses its first word only.
    """
    if not text.startswith("@"):
        return text
    words = text.split()
    known = set(names)
    for index, word in enumerate(words[:6]):
        if word.startswith("/") or word.lower() in known:
            return " ".join(words[index:])
    return " ".join(words[1:])
