"""What crosses from the use cases to the chat apps: buttons, files, and the outbox's typed
message, encoded into its row and decoded from it in this one place."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Button:
    """A button: its label, and the callback data it carries (``handlers.actions``)."""

    text: str
    data: str


@dataclass(frozen=True)
class OutFile:
    file_name: str
    content: bytes
    mime_type: str


Buttons = tuple[tuple[Button, ...], ...]


def button_rows(rows: Sequence[Sequence[Button]]) -> Buttons:
    return tuple(tuple(row) for row in rows)


@dataclass(frozen=True)
class OutboxMessage:
    """One message the outbox keeps for later: HTML text (already translated and escaped),
    buttons, a photo (the text is then its caption), and the forum topic of a group chat.

    The photo's bytes travel in the row itself, written in the same transaction as the row:
    no file to lose, clean up or share between hosts (a chart is tens of kilobytes).
    """

    text: str
    buttons: Buttons = ()
    photo: OutFile | None = None
    thread_id: str | None = None

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "text": self.text,
            "buttons": [[{"text": b.text, "data": b.data} for b in row] for row in self.buttons],
        }
        if self.photo is not None:
            payload["photo"] = {
                "file_name": self.photo.file_name,
                "mime_type": self.photo.mime_type,
                "base64": base64.b64encode(self.photo.content).decode("ascii"),
            }
        if self.thread_id is not None:
            payload["thread_id"] = self.thread_id
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> OutboxMessage:
        photo = payload.get("photo")
        return cls(
            text=str(payload.get("text", "")),
            buttons=tuple(
                tuple(Button(str(b["text"]), str(b["data"])) for b in row)
                for row in payload.get("buttons") or ()
            ),
            photo=OutFile(
                file_name=str(photo["file_name"]),
                content=base64.b64decode(str(photo["base64"])),
                mime_type=str(photo.get("mime_type") or "image/png"),
            )
            if isinstance(photo, Mapping)
            else None,
            thread_id=str(payload["thread_id"]) if payload.get("thread_id") else None,
        )
