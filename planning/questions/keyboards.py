"""Words typed with the phone's Vietnamese input method off: Telex ("quas hanj", "tieens
ddooj") and VNI ("qua1 ha5n") keys left as letters and digits. Each decoder gives the word
with its diacritics, or None when the word holds no such keys; the speller takes a decoding
only when it spells a known syllable."""

from __future__ import annotations

import re
import unicodedata

# The shortest word decoded: "as", "ba1" are too short to tell.
KEYS_MIN = 3
# Telex, as typed with the input method off: "quas hanj", "tieens ddooj", "sowr tuw phaps".
_TELEX_SHAPES: tuple[tuple[str, str], ...] = (
    *(("dd", "đ"), ("uow", "ươ"), ("aa", "â"), ("aw", "ă")),
    *(("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư")),
)
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VOWELS = "aăâeêioôơuưy"


def telex(word: str) -> str | None:
    """The Vietnamese a word typed in Telex with the input method off stands for ("quas" ->
    "quá"), or None when it holds no Telex keys."""
    if not word.isascii() or not word.isalpha():
        return None
    shaped = word
    for keys, letter in _TELEX_SHAPES:
        shaped = shaped.replace(keys, letter)
    if "w" in shaped:
        shaped = _late_w(shaped)
    tone = ""
    if shaped[-1] in _TELEX_TONES and any(c in _VOWELS for c in shaped[:-1]):
        tone, shaped = _TELEX_TONES[shaped[-1]], shaped[:-1]
    if shaped == word or not any(c in _VOWELS for c in shaped):
        return None
    last = max(i for i, c in enumerate(shaped) if c in _VOWELS)
    return unicodedata.normalize("NFC", shaped[: last + 1] + tone + shaped[last + 1 :])


def _late_w(shaped: str) -> str:
    """ "hopw" for "hơp": a Telex "w" typed after the consonant that ends the syllable
    shapes the vowel before it ("uo" to "ươ", "o" to "ơ", "u" to "ư", "a" to "ă")."""
    k = shaped.index("w")
    head, tail = shaped[:k], shaped[k + 1 :]
    for plain, shaped_vowel in (("uo", "ươ"), ("o", "ơ"), ("u", "ư"), ("a", "ă")):
        at = head.rfind(plain)
        if at >= 0 and all(c not in _VOWELS for c in head[at + len(plain) :]):
            return head[:at] + shaped_vowel + head[at + len(plain) :] + tail
    return shaped


# VNI, as typed with the input method off: "qua1 ha5n"; 6-9 shape a vowel or make "đ".
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_VNI_SHAPES = {"6": "\u0302", "7": "\u031b", "8": "\u0306"}
_VNI = re.compile(r"[a-z]+[1-9][a-z1-9]*")


def vni(word: str) -> str | None:
    """The Vietnamese a word typed in VNI with the input method off stands for ("ha5n" ->
    "hạn"), or None when it is no such word."""
    if not word.isascii() or not _VNI.fullmatch(word):
        return None
    out = ""
    tone = ""
    for c in word:
        if c in _VNI_TONES:
            tone = _VNI_TONES[c]
        elif c == "9" and out.endswith("d"):
            out = out[:-1] + "đ"
        elif c in _VNI_SHAPES and out and out[-1] in "aeoiu":
            out += _VNI_SHAPES[c]
        elif c.isdigit():
            return None
        else:
            out += c
    shaped = unicodedata.normalize("NFC", out)
    if not any(v in _VOWELS for v in shaped):
        return None
    last = max(i for i, v in enumerate(shaped) if v in _VOWELS)
    return unicodedata.normalize("NFC", shaped[: last + 1] + tone + shaped[last + 1 :])
