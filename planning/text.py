"""Text clean-up shared by every reader: markup, Unicode forms, white space, accent folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MERGED = "\ue000"
"""A table cell that continues a vertical merge (rowspan) of the cell above it.

A private-use character: no document writes it, and clean() removes it.
"""

CELL_BREAK = "\ue001"
"""A paragraph break inside a table cell (Word, Excel), kept so that a row listing two
activities line by line can be paired; clean() turns it into a space."""

# Stray HTML markup the plans' conversions leave (list markup, italics), by tag name:
# text as written is kept, so "&lt;script&gt;" stays as it is and "a < 2% và > 30" too.
_TAG = re.compile(
    r"</?(?:ul|ol|li|p|br|i|b|u|em|strong|span|div|sup|sub|font|table|tbody|tr|td|th)"
    r"(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Strip stray HTML markup, normalise to NFC, and fold runs of white space."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if MERGED in text or CELL_BREAK in text:
        text = text.replace(MERGED, "").replace(CELL_BREAK, " ")
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case and remove Vietnamese diacritics, for matching: "Sở Tư pháp" -> "so tu phap"."""
    # A question's words come back again and again: short texts are folded once.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 24


@lru_cache(maxsize=1 << 14)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("\u0111", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SPACE.sub(" ", text).strip()
