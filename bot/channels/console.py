"""The console channel: the same handlers in a terminal, buttons shown as numbered choices."""

from __future__ import annotations

import mimetypes
import shlex
from collections.abc import Iterable
from itertools import count
from pathlib import Path
from typing import TextIO

from bot.app import App
from bot.channels.base import Channel
from bot.updates import process
from handlers.markup import to_plain
from handlers.messages import Attachment, Capabilities, Incoming, Reply
from i18n import gettext

CHANNEL = "console"
QUIT = {"/thoat", "/quit", "/exit"}


class Console(Channel):
    """One person at the terminal; ``handle`` is what they type, numbers press buttons."""

    name = CHANNEL
    capabilities = Capabilities(receives_files=True, numbered_choices=True)

    def __init__(self, app: App, handle: str, out: TextIO) -> None:
        super().__init__(app)
        self.person = self.sender(handle, handle, display_name=handle)
        self.out = out
        self._keys = count(1)

    def run(self, lines: Iterable[str]) -> None:
        self.out.write(
            gettext(
                "Type a command (/nhiemvu), a question, or a number to press a "
                "button; /file PATH sends a file; /thoat quits."
            )
            + "\n"
        )
        for line in lines:
            line = line.strip()
            if line in QUIT:
                break
            if line:
                self.say(line)

    def say(self, line: str) -> None:
        incoming = self.to_incoming(line)
        if incoming is None:
            return
        self.show(process(self.app, incoming).replies or [])

    def to_incoming(self, line: str) -> Incoming | None:
        key = f"{self.person.user_id}-{next(self._keys)}-{id(self)}"
        if line.startswith("/file"):
            return self._file(key, line)
        if line.startswith("/"):
            words = line.split()
            return self.incoming(
                self.person, key, command=words[0][1:].lower(), args=tuple(words[1:])
            )
        return self.incoming(self.person, key, text=line)

    def _file(self, key: str, line: str) -> Incoming | None:
        words = shlex.split(line)
        path = Path(words[1]) if len(words) > 1 else None
        if path is None or not path.is_file():
            self.out.write(gettext("No such file.") + "\n")
            return None
        content = path.read_bytes()
        mime = mimetypes.guess_type(path.name)[0]
        kind = "photo" if (mime or "").startswith("image/") else "document"
        attachment = Attachment(kind, path.name, mime, len(content), content)  # type: ignore[arg-type]
        return self.incoming(self.person, key, attachment=attachment)

    def show(self, replies: list[Reply]) -> None:
        """Plain text; buttons numbered on across the replies (``handlers.choices.menu_of``)."""
        number = 0
        for reply in replies:
            self.out.write(to_plain(reply.text) + "\n")
            if reply.document is not None:
                saved = Path("var") / reply.document.file_name
                saved.parent.mkdir(parents=True, exist_ok=True)
                saved.write_bytes(reply.document.content)
                self.out.write(f"  [{saved}]\n")
            for row in reply.buttons:
                cells = []
                for button in row:
                    number += 1
                    cells.append(f"[{number}] {button.text}")
                self.out.write("  " + "   ".join(cells) + "\n")
        self.out.flush()
