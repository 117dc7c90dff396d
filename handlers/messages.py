"""What a channel hands the handlers, and what the handlers hand back.

Reply text is Telegram-flavoured HTML: every value put into it goes through ``markup.fmt``,
which escapes it; channels without HTML (Zalo, the console) turn it into plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from services.messages import Button, OutFile

ChatType = Literal["private", "group"]


@dataclass(frozen=True)
class Capabilities:
    """What the chat app a message came through can do; handlers ask this, never its name.

    ``receives_files``: documents sent in the chat reach the bot (not on Zalo, which passes
    only photos). ``numbered_choices``: buttons are shown as numbered lines and a person
    answers with the number (Zalo, the terminal), so the choices shown must be remembered.
    """

    receives_files: bool = True
    numbered_choices: bool = False


@dataclass(frozen=True)
class Sender:
    """Who wrote, and where: a channel's user id and chat id, as strings on every channel."""

    channel: str
    user_id: str
    chat_id: str
    display_name: str | None = None
    chat_type: ChatType = "private"
    thread_id: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file the person sent (a document or a photo), with its bytes once the channel has them."""

    kind: Literal["document", "photo"]
    file_name: str
    mime_type: str | None
    size: int | None
    content: bytes | None = None


@dataclass(frozen=True)
class Incoming:
    """One event from a person. Exactly one of ``command``, ``text``, ``button``, ``attachment``
    carries the meaning; ``args`` are a command's words; ``reply_to`` the bot message replied to.
    ``unsupported``: a message the chat app did not pass on (a file on Zalo, a voice note)."""

    sender: Sender
    update_key: str
    command: str | None = None
    args: tuple[str, ...] = ()
    text: str | None = None
    button: str | None = None
    attachment: Attachment | None = None
    reply_to: str | None = None
    unsupported: bool = False
    capabilities: Capabilities = Capabilities()


@dataclass
class Reply:
    """A message back to the same chat: text with buttons, or a document or a photo."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    document: OutFile | None = None
    photo: OutFile | None = None
    edit: bool = False
