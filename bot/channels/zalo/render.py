"""Replies as Zalo messages: plain text (Zalo has no HTML and no buttons), the buttons as
numbered choices ("Trả lời 1, 2 hoặc 3"), each message within Zalo's 2,000 characters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from handlers.common import t
from handlers.markup import split_text, to_plain
from handlers.messages import Reply
from i18n import N_

TEXT_LIMIT = 2000  # sendMessage text: 1-2000 characters

# TRANSLATORS: the line under numbered choices when there is only one.
REPLY_ONE = N_("Reply %(number)d.")
# TRANSLATORS: the line under 2 to 4 numbered choices: "Reply 1, 2 or 3."
REPLY_SOME = N_("Reply %(numbers)s or %(last)d.")
# TRANSLATORS: the line under 5 or more numbered choices.
REPLY_RANGE = N_("Reply with a number from %(first)d to %(last)d.")
FILE_NOT_SENT = N_(
    "The file %(name)s cannot be sent through Zalo. Open it on Telegram, or ask the "
    "coordinator for it."
)


@dataclass(frozen=True)
class Rendered:
    """Replies as Zalo messages (plain text, each at most TEXT_LIMIT long) and the button data
    behind the numbers shown, in order (number n is ``menu[n - 1]``)."""

    messages: list[str]
    menu: list[str]


def render(replies: Iterable[Reply], *, numbered: bool = True) -> Rendered:
    """Plain text with numbered choices; numbers run on across the replies of one answer, so
    each number means one thing. Without ``numbered`` (a group) buttons are left out."""
    messages: list[str] = []
    menu: list[str] = []
    for reply in replies:
        parts = [to_plain(reply.text).strip()]
        for file in (reply.document, reply.photo):
            if file is not None:
                parts.append(to_plain(t(FILE_NOT_SENT, name=file.file_name)))
        if numbered and reply.buttons:
            first = len(menu) + 1
            lines = []
            for row in reply.buttons:
                options = []
                for button in row:
                    menu.append(button.data)
                    options.append(f"{len(menu)}. {to_plain(button.text)}")
                joined = "   ".join(options)
                lines.extend([joined] if len(joined) <= 48 else options)
            parts.append("\n".join(lines) + "\n" + choose_line(first, len(menu)))
        body = "\n\n".join(part for part in parts if part)
        if body:
            messages.extend(split_message(body, TEXT_LIMIT))
    return Rendered(messages, menu)


def choose_line(first: int, last: int) -> str:
    """ "Trả lời 1, 2 hoặc 3": how to answer the numbered choices first..last."""
    if last <= first:
        return to_plain(t(REPLY_ONE, number=first))
    if last - first < 4:
        numbers = ", ".join(str(n) for n in range(first, last))
        return to_plain(t(REPLY_SOME, numbers=numbers, last=last))
    return to_plain(t(REPLY_RANGE, first=first, last=last))


def _units(text: str) -> int:
    # Counted in UTF-16 code units, as a JavaScript string length: emoji count twice, which
    # keeps us under the limit whichever way Zalo counts.
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` UTF-16 units, cut at line breaks where possible."""
    pieces = split_text(text, limit, _units)
    return [piece for piece in pieces if piece.strip()] or [text[:limit]]
