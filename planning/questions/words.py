"""A question's words: folded, chat shorthand spelled out, run-on words split, typos mended.

"Sở KH&ĐT qa hạng ko" -> so khdt qua hang khong. Numbered tokens stay whole ("ii.3",
"31/12/2025", "1/2025") for the task and period readers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from planning.questions.keyboards import KEYS_MIN, telex, vni
from planning.text import fold

# A year as typed in a question ("2025").
YEAR = re.compile(r"(19|20)\d\d")
# A word, or "%" (said "phần trăm": "được bao nhiêu % rồi").
_CHUNK = re.compile(r"[^\W_]+(?:[./&\-][^\W_]+)*|%")
_NUMBERED = re.compile(r"(?:[ivx]+|\d+)(?:[./\-]\d+)+")
_HEADED = re.compile(r"(nv|nvu|viec)((?:[ivx]+|\d+)(?:[./\-]\d+)+)")
_JOINER = re.compile(r"[./&\-]")
# Words typed run together with their number ("thang3", "so4", "quy2", "6thang"), and a
# part of a plan typed joined to its Roman number ("phanI", "mucII").
_WORD_NUMBER = re.compile(r"(thang|quy|nam|tuan|ngay|so|nv|viec|muc|phan|diem|dong|khoan)(\d+)")
_NUMBER_WORD = re.compile(r"(\d+)(thang|ngay|tuan|nam|quy)")
_WORD_ROMAN = re.compile(r"(\w+?)([IVX]+)")
_VOWEL = re.compile(r"[aeiouy]")
# Shorthand that means another thing before a number: "TT 4" is the row of a task table's
# "TT" (thứ tự) column, not "thông tin".
_BEFORE_A_NUMBER = {"tt": "stt"}
# What parts two words no phrase respells as one: "chào chị, sở mình" holds no "chỉ số".
_PHRASE_BREAK = re.compile(r"[,;?!\n]")
# Run-on words ("quahan", "sotuphap") are split when at least this long ...
RUN_ON_MIN = 6
# ... and a word unknown to the lexicon and the plan is mended to the one known word one
# edit away, when it is at least this long (short words are too often real other words).
TYPO_MIN = 4
# ... or, this long, to the one that makes pairs the plan writes with both its neighbours
# ("hội ngi đối thoại": "hội nghị").
PAIRED_TYPO_MIN = 3
_CACHE = 4096
# Heads of offices typed short, with no vowel, that open a name run together ("vptinh").
_HEADS_SHORT = frozenset({"vp", "ubnd", "hdnd"})


@dataclass(frozen=True)
class Word:
    """One folded word, where it was typed (``start``/``end`` in the question) and its
    diacritics as typed (None when typed without, or when it stands for other words)."""

    text: str
    start: int
    end: int
    marks: str | None = None


# Tone marks (dấu thanh); where a writer puts them ("hoá", "hóa") does not matter.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


# A syllable's final stops ("nhắc", "thích", "họp", "việt"): such a syllable always has a tone.
_STOP_FINALS = ("c", "ch", "p", "t")

# The letters of a roman number ("VII"), which a held-down key ("hạnn") is not.
_ROMAN_LETTERS = frozenset("ivxlc")


def marks(text: str) -> str | None:
    """A word's diacritics, wherever its tone mark sits, or None if typed without any.

    Folding makes "đã" and "dạ", "chức" and "chúc" one word; when the question has its
    diacritics, they tell such words apart.
    """
    split = unicodedata.normalize("NFD", text.lower())
    if split.isascii():
        return None
    tone = "".join(_TONES[c] for c in split if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in split if c not in _TONES)) + tone


def agree(
    typed: str | None, written: str | None, strict: bool = False, shapeless: bool = False
) -> bool:
    """Whether a word typed with these marks can be the lexicon's word with those; a
    ``strict`` word must be typed with its marks. ``shapeless``: a word of a longer phrase
    may be typed with its tone but without its vowel's shape ("tiến đọ" for "tiến độ") or
    its "đ" without the bar ("dến hạn"), as quick typing often leaves them; the phrase around
    it tells the word. ``written`` "": the lexicon writes the word with no marks at all, so a
    word typed with marks is another word ("chị" is no "chi", the dialect's "gì")."""
    if typed is None:
        return not strict or not written
    if written is None or typed == written:
        return True
    if typed == written.rstrip("12345") and typed.endswith(_STOP_FINALS):
        # "nhăc": a syllable that ends in a stop has a tone, so one typed without is the
        # word with its tone left off, whatever the phrase.
        return True
    # "phối hơp": the tone left off a shaped vowel, as quick typing often does too; "dến
    # hạn": the bar left off a "đ"; "chuă xong": the shape put on the wrong vowel; "sắp đen
    # hạn": the shape and the tone both left off.
    return shapeless and (
        typed in (written.rstrip("12345"), written.replace("đ", "d"))
        or _without_shapes(typed)
        in (_without_shapes(written), _without_shapes(written).rstrip("12345"))
    )


def adds_shape(typed: str | None, written: str | None) -> bool:
    """Whether a word is typed with a vowel's shape its written form lacks ("hợp" for the
    lexicon's "họp"): another word, however quickly typed."""
    if not typed or written is None:
        return False
    shapes = set(unicodedata.normalize("NFD", written)) & _SHAPES
    return bool((set(unicodedata.normalize("NFD", typed)) & _SHAPES) - shapes)


# Marks that shape a vowel (â, ă, ơ), as against its tone.
_SHAPES = frozenset("\u0302\u0306\u031b")


def slipped(typed: str, written: str) -> bool:
    """Whether a word typed with these marks is the written word with a mark left off, as
    quick typing does: its tone ("đột xuât") or its vowel's shape ("tập huán")."""
    return typed != written and (
        (not typed[-1:].isdigit() and written[-1:].isdigit() and written[:-1] == typed)
        or (typed == _without_shapes(typed) and typed == _without_shapes(written))
    )


def _without_shapes(marks: str) -> str:
    split = unicodedata.normalize("NFD", marks)
    return unicodedata.normalize("NFC", "".join(c for c in split if c not in _SHAPES))


def has_vowel(text: str) -> bool:
    return _VOWEL.search(text) is not None


def phrase(text: str) -> tuple[str, ...]:
    """A lexicon or plan phrase as folded words, "&"/"-" joined abbreviations kept whole."""
    return tuple(w.text for w in _chunks(text.lower()))


_CHOICE = re.compile(r"\(([^()]*)\)")


def alternatives(text: str) -> list[str]:
    """A lexicon phrase with its "(a|b|)" groups said each way: "(don t|do not) have (a|)
    deadline" is four phrases (an empty choice leaves the group out)."""
    found = _CHOICE.search(text)
    if found is None:
        return [" ".join(text.split())]
    head, tail = text[: found.start()], text[found.end() :]
    return [said for choice in found[1].split("|") for said in alternatives(head + choice + tail)]


def phrase_marks(
    text: str, words: Sequence[str], bare: str | None = None
) -> tuple[str | None, ...]:
    """The diacritics of each of ``words`` as ``text`` writes them (None where unsure;
    ``bare`` for a word ``text`` writes with none)."""
    lowered = text.lower()
    chunks = _chunks(lowered)
    if [c.text for c in chunks] != list(words):
        return tuple(None for _ in words)
    return tuple(marks(lowered[c.start : c.end]) or bare for c in chunks)


@lru_cache(maxsize=1 << 16)
def _folded(chunk: str) -> tuple[str, bool, bool, str | None]:
    """A chunk of text folded, whether it is a numbered token, whether it is one word, and
    its marks (plan texts repeat their words: each is read once)."""
    folded = fold(chunk)
    if _NUMBERED.fullmatch(folded):
        return folded, True, False, None
    if folded.isalnum():
        return folded, False, True, marks(chunk)
    return folded, False, False, None


def _chunks(text: str, cased: str | None = None) -> list[Word]:
    """The words of ``text`` (lowered; ``cased``, where given, as typed, to tell "phanI")."""
    words: list[Word] = []
    for m in _CHUNK.finditer(text):
        chunk, numbered, whole, chunk_marks = _folded(m.group())
        split = _run_together(chunk, cased[m.start() : m.end()] if cased else "")
        if split:
            words.append(
                Word(chunk[:split], m.start(), m.start() + split, marks(m.group()[:split]))
            )
            words.append(Word(chunk[split:], m.start() + split, m.end()))
            continue
        headed = _HEADED.fullmatch(chunk)
        if headed:  # "nvII.1.2": a task's head typed joined to its number
            split = m.start() + len(headed[1])
            words.append(Word(headed[1], m.start(), split))
            words.append(Word(headed[2], split, m.end()))
            continue
        if numbered:
            words.append(Word(chunk, m.start(), m.end()))
            continue
        if whole:
            words.append(Word(chunk, m.start(), m.end(), chunk_marks))
            continue
        parts = [p for p in _JOINER.split(chunk) if p]
        if (
            len(parts) > 1
            and ("&" in chunk or "-" in chunk)
            and all(p.isalpha() and not has_vowel(p) for p in parts)
        ):
            # "KH&ĐT", "TT-TT", "PT-TH": one abbreviation.
            words.append(Word("".join(parts), m.start(), m.end()))
            continue
        offset = m.start()
        for part in parts:
            end = offset + len(part)
            words.append(Word(part, offset, end, marks(text[offset:end])))
            offset = end + 1
    return words


@lru_cache(maxsize=1 << 16)
def _run_together(chunk: str, cased: str) -> int:
    """Where a word typed run together with its number parts ("thang3": 5, "6thang": 1,
    "phanI": 4), or 0."""
    if not chunk.isalnum():
        return 0
    joined = _WORD_NUMBER.fullmatch(chunk)
    if joined:
        return len(joined[1])
    joined = _NUMBER_WORD.fullmatch(chunk)
    if joined:
        return len(joined[1])
    joined = _WORD_ROMAN.fullmatch(cased)
    if joined and joined[1].islower() and len(joined[1]) >= 2 and len(cased) == len(chunk):
        return len(joined[1])
    return 0


# Whom a question is asked of, and its polite ends, typed after its last word ("... rứa e").
_ASKED_OF = frozenset({"e", "em", "a", "anh", "c", "chi", "ha", "he", "hi", "nhe", "nha"})


class Speller:
    """Spells a question's words the way the lexicon and the plan spell them.

    ``replacements``: folded phrases and what they stand for (shorthand, abbreviations);
    ``syllables``: every word the lexicon and the plan use; ``acronyms``: vowel-less names
    ("khdt") that a question may split ("kh đt"); ``written``: the diacritics each
    replacement is written with.
    """

    def __init__(
        self,
        replacements: Mapping[tuple[str, ...], tuple[str, ...]],
        syllables: Iterable[str],
        acronyms: Iterable[str] = (),
        written: Mapping[tuple[str, ...], tuple[str | None, ...]] | None = None,
        pairs: Iterable[tuple[str, str]] = (),
        dialect: Mapping[str, tuple[str | None, tuple[str, ...]]] | None = None,
        dialect_bare: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self._replacements = dict(replacements)
        # A region's words, spelled out when typed with their own diacritics, or bare after
        # a word that makes them so ("tới mô").
        self._dialect = dict(dialect or {})
        self._dialect_bare = dict(dialect_bare or {})
        # Known neighbours ("triển khai"), to tell which of several words one edit away a
        # typo is by the word beside it: "triển khia" is "triển khai", not "khi".
        self._pairs = frozenset(pairs)
        self._written = dict(written or {})
        # Replacements by their first word, longest first.
        self._starting: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for key in sorted(self._replacements, key=len, reverse=True):
            self._starting.setdefault(key[0], []).append((len(key), key))
        self._syllables = frozenset(syllables)
        self._choices = sorted(s for s in self._syllables if has_vowel(s) and s.isalpha())
        self._acronyms = frozenset(acronyms)
        self._protected = frozenset(k[0] for k in self._replacements if len(k) == 1)
        # Every word of a shorthand ("răng" of "răng rồi"), which is no slip.
        self._shorthand = frozenset(w for k in self._replacements for w in k)
        self._mend = lru_cache(maxsize=_CACHE)(self._mend_word)
        self._near = lru_cache(maxsize=_CACHE)(self._near_words)

    def __call__(self, text: str) -> list[Word]:
        words: list[Word] = []
        normal = unicodedata.normalize("NFC", text)
        chunks = _chunks(normal.lower(), normal)
        for k, word in enumerate(chunks):
            said = self._dialect.get(word.text)
            if said is not None and (
                word.marks is not None
                and word.marks == said[0]
                or word.marks is None
                and self._bare_dialect(chunks, k)
            ):
                words.extend(Word(w, word.start, word.end) for w in said[1])
                continue
            words.extend(self._mend(word.text, word.start, word.end, word.marks))
        if self._pairs:
            words = self._mend_by_neighbours(words)
        return self._join_acronyms(self._replace(words, normal))

    def _bare_dialect(self, chunks: Sequence[Word], k: int) -> bool:
        """Whether word ``k``, typed bare, is the region's word: after a word that makes it so,
        or ("end") ending the question, but for whom it is asked of."""
        after = self._dialect_bare.get(chunks[k].text, frozenset())
        if k > 0 and chunks[k - 1].text in after:
            return True
        return "end" in after and all(c.text in _ASKED_OF for c in chunks[k + 1 :])

    def _near_words(self, text: str) -> tuple[str, ...]:
        """The known words one edit from ``text`` (a few at most)."""
        if len(text) < PAIRED_TYPO_MIN:
            return ()
        near = process.extract(text, self._choices, scorer=OSA.distance, score_cutoff=1, limit=4)
        return tuple(w for w, _, _ in near)

    def _mend_by_neighbours(self, words: list[Word]) -> list[Word]:
        """An unknown word several known words are one edit from, mended to the one of
        them that makes a known pair with a neighbour."""
        out = list(words)
        for i, word in enumerate(words):
            if (
                word.text in self._syllables
                or word.text in self._shorthand
                or word.text in self._acronyms
                or not word.text.isalpha()
                or not has_vowel(word.text)
                or set(word.text) <= _ROMAN_LETTERS  # "mục VII"
            ):
                continue
            before = words[i - 1].text if i else ""
            after = words[i + 1].text if i + 1 < len(words) else ""
            fits = [
                w
                for w in self._near(word.text)
                if (before, w) in self._pairs or (w, after) in self._pairs
            ]
            # ... or the one that makes pairs with both ("hội ngi đối thoại": "hội nghị" and
            # "nghị đối", not "hỏi gì"), the only way a short word is mended ("mấy lần" is
            # no "mấy bạn").
            both = [w for w in fits if (before, w) in self._pairs and (w, after) in self._pairs]
            if len(word.text) < TYPO_MIN:
                # ... or two letters typed the other way round ("phối hpo": "phối hợp").
                swapped = [w for w in fits if sorted(w) == sorted(word.text)]
                fits = both or (swapped if len(swapped) == 1 else [])
            if len(fits) == 1 or len(both) == 1:
                out[i] = Word(fits[0] if len(fits) == 1 else both[0], word.start, word.end)
        return out

    def spell(self, text: str) -> tuple[str, ...]:
        """Plan text (a title, a name) in the same spelling, without mending typos."""
        return tuple(w.text for w in self.spell_marked(text))

    def spell_marked(self, text: str) -> list[Word]:
        normal = unicodedata.normalize("NFC", text).lower()
        return self._join_acronyms(self._replace(_chunks(normal), normal))

    def _mend_word(self, text: str, start: int, end: int, marks_: str | None) -> tuple[Word, ...]:
        if text not in self._syllables and len(text) >= KEYS_MIN and marks_ is None:
            for decode in (telex, vni):  # "quas hanj", "qua1 ha5n"
                decoded = decode(text)
                if decoded is not None and fold(decoded) in self._syllables:
                    return (Word(fold(decoded), start, end, marks(decoded)),)
        if (
            text in self._syllables
            or text in self._protected
            or text in self._acronyms
            or not text.isalpha()
            or not has_vowel(text)
        ):
            return (Word(text, start, end, marks_),)
        glued = self._glued(text, start, end)
        if glued:
            return glued
        kept = text.rstrip(text[-1]) + text[-1]
        if kept != text and kept in self._syllables and not set(text) <= _ROMAN_LETTERS:
            # A key held down at the end: "hạnn", "chưaa", "rồiii", not "VII". A word's
            # marks are its letters, then its tone.
            held = marks_[: len(kept)] + marks_[len(text) :] if marks_ else marks_
            return (Word(kept, start, end, held),)
        if len(text) >= RUN_ON_MIN:
            pieces = self._split(text)
            if pieces:
                return tuple(Word(p, start, end) for p in pieces)
        near = self._near(text) if len(text) >= TYPO_MIN else ()
        mended = self._one_of(near)
        if mended is not None:
            return (Word(mended, start, end),)
        return (Word(text, start, end, marks_),)

    def _one_of(self, near: Sequence[str]) -> str | None:
        """The word a slip is mended to, of the known words one edit from it: the only one."""
        return near[0] if len(near) == 1 else None

    def _glued(self, text: str, start: int, end: int) -> tuple[Word, ...]:
        """ "bnviệc": a vowel-less shorthand typed joined to the word after it."""
        for n in range(2, min(len(text) - 1, 4)):
            head, rest = text[:n], text[n:]
            if head in self._protected and not has_vowel(head) and rest in self._syllables:
                return (Word(head, start, start + n), Word(rest, start + n, end))
        return ()

    def _split(self, text: str) -> list[str] | None:
        """The fewest known syllables (two letters or more) that spell ``text``, if any; an
        office's head typed short counts as one ("vptinh": "vp tinh")."""
        best: list[list[str] | None] = [None] * (len(text) + 1)
        best[0] = []
        for i in range(len(text)):
            done = best[i]
            if done is None:
                continue
            for j in range(i + 2, min(len(text), i + 7) + 1):
                piece = text[i:j]
                if piece in self._syllables and (has_vowel(piece) or piece in _HEADS_SHORT):
                    candidate = [*done, piece]
                    current = best[j]
                    if current is None or len(candidate) < len(current):
                        best[j] = candidate
        found = best[len(text)]
        return found if found is not None and len(found) > 1 else None

    def phrases_at(self, words: Sequence[Word], i: int) -> Iterator[tuple[int, tuple[str, ...]]]:
        """The phrases to replace that ``words`` hold from ``i`` on, longest first, with
        their lengths."""
        for n, key in self._starting.get(words[i].text, ()):
            if i + n <= len(words) and all(words[i + k].text == key[k] for k in range(1, n)):
                yield n, key

    def _replace(self, words: Sequence[Word], text: str) -> list[Word]:
        out: list[Word] = []
        i = 0
        while i < len(words):
            numbered = _BEFORE_A_NUMBER.get(words[i].text)
            if numbered and i + 1 < len(words) and words[i + 1].text[:1].isdigit():
                out.append(Word(numbered, words[i].start, words[i].end))
                i += 1
                continue
            for n, key in self.phrases_at(words, i):
                start, end = words[i].start, words[i + n - 1].end
                if self._replacements[key] == key and any(
                    _PHRASE_BREAK.search(text, a.end, b.start)
                    for a, b in zip(words[i : i + n - 1], words[i + 1 : i + n], strict=True)
                ):
                    continue  # "chào chị, sở mình": no "chỉ số" respelled across the comma
                marked = self._written.get(key, ())
                if self._other_word(words[i : i + n], key, marked):
                    continue
                out.extend(
                    Word(r, start, end, marked[k] if k < len(marked) else None)
                    for k, r in enumerate(self._replacements[key])
                )
                i += n
                break
            else:
                out.append(words[i])
                i += 1
        return out

    def _other_word(
        self, typed: Sequence[Word], key: tuple[str, ...], marked: Sequence[str | None]
    ) -> bool:
        """Whether a word the replacement keeps is typed with other marks: "1 của" is no
        "1 cửa" (một cửa). A replacement spelled as its key mends a slip ("tiến đổ")."""
        replacement = self._replacements[key]
        return replacement != key and any(
            k < len(replacement)
            and replacement[k] == word.text
            and k < len(marked)
            and word.marks is not None
            and not agree(word.marks, marked[k])
            for k, word in enumerate(typed)
        )

    def _join_acronyms(self, words: list[Word]) -> list[Word]:
        """ "kh đt" -> "khdt" when the plan knows that abbreviation; "KT, HT và ĐT" too, the
        initials of a name's listed parts with its "và"."""
        if not self._acronyms:
            return words
        out: list[Word] = []
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and (
                _initials(words[j].text)
                or words[j].text == "va"
                and i < j < len(words) - 1
                and _initials(words[j + 1].text)
            ):
                j += 1
            for k in range(j, i + 1, -1):
                joined = "".join(w.text for w in words[i:k] if w.text != "va")
                if words[k - 1].text != "va" and joined in self._acronyms:
                    out.append(Word(joined, words[i].start, words[k - 1].end))
                    i = k
                    break
            else:
                out.append(words[i])
                i += 1
        return out


def _initials(text: str) -> bool:
    return text.isalpha() and not has_vowel(text)
