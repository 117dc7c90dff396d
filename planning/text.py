"""Text clean-up shared by every reader: markup, Unicode forms, white space, accent folding."""

from __future__ import annotations

import html
import re
import unicodedata

# A tag opens with a letter or "/": "hồ sơ trễ hạn < 2% và > 30 ngày" is text, not markup.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Strip stray HTML markup, normalise to NFC, and fold runs of white space."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case and remove Vietnamese diacritics, for matching: "Sở Tư pháp" -> "so tu phap"."""
    text = unicodedata.normalize("NFD", text.lower()).replace("\u0111", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SPACE.sub(" ", text).strip()
