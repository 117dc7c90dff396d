"""Numbers said in words, as a phone's speech-to-text writes them: "nhiệm vụ bốn chấm hai"
is "nhiệm vụ 4.2", "thêm mười lăm ngày" "thêm 15 ngày", "ngày ba mươi tháng sáu" "ngày 30
tháng 6". A number word is read as a number only where a number is expected (after "nhiệm
vụ", "mục", "quý", "tháng", "ngày", "thêm" ..., or around "chấm"): "một cửa" stays words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planning.questions.words import YEAR, Word, agree, marks
from planning.text import fold

# The number words, each with how it is written: a word typed with other marks ("sau" for
# "after", "tâm", "bà", "làm") is no number; typed with none, it may be.
_DIGITS = {
    "mot": ("một", 1),
    "hai": ("hai", 2),
    "ba": ("ba", 3),
    "bon": ("bốn", 4),
    "nam": ("năm", 5),
    "sau": ("sáu", 6),
    "bay": ("bảy", 7),
    "tam": ("tám", 8),
    "chin": ("chín", 9),
}
# Units said only after tens: "mười lăm", "hai mươi mốt", "ba mươi tư".
_AFTER_TEN = {**_DIGITS, "lam": ("lăm", 5), "mot": ("mốt", 1), "tu": ("tư", 4)}
_TEN = "muoi"
# Units said right after tens with "mươi" left out: "hai lăm" (25), "ba mốt" (31).
_SHORT_UNITS = frozenset({"lam", "mot"})
# Every number word, which the speller must know as words ("mười lăm" is no slip).
NUMBER_WORDS = frozenset({*_DIGITS, *_AFTER_TEN, _TEN})
# "tư" for four after a month's or a quarter's word.
_FOURTH = {"tu": ("tư", 4)}
_FOURTH_AFTER = frozenset({"thang", "quy"})
# Words after which a number is expected, as written ("số" is left out: "sở tư pháp";
# "phần", not "bộ phận").
_BEFORE = {
    w: marks(w)
    for w in ("nv", "vụ", "việc", "mục", "phần", "điểm", "khoản", "quý", "tháng", "ngày")
    + ("thêm", "chương", "điều", "stt", "nhóm", "số", "hạn", "mùng", "mồng")
}
_BEFORE_FOLDED = {fold(w): m for w, m in _BEFORE.items()}
# Words after a number that make it no task's: "việc sáu tháng đầu năm", "việc năm nay"
# (units of time, unless a duration or a date is being said: "thêm 15 ngày", "ngày 30
# tháng 6").
_TIME = frozenset({"thang", "nam", "tuan", "ngay", "quy", "nay", "toi", "sau", "truoc"})
_DURATION_OR_DATE = frozenset({"them", "trong", "ngay", "quy", "thang"})
# Units of a length of time, or of a day's date: after a number said with its tens ("mười
# lăm ngày"), and after "hạn" ("hạn ba mươi tháng sáu", "hạn hai tuần"; not "hạn năm nay").
_LENGTHS = frozenset({"ngay", "tuan", "thang"})
# Words that end a compound, not a number's head, typed without marks: "thí điểm", "bộ
# phận", "địa điểm".
_COMPOUNDS = frozenset(
    {("thi", "diem"), ("dac", "diem"), ("dia", "diem"), ("thoi", "diem"), ("quan", "diem")}
    | {("uu", "diem"), ("bo", "phan"), ("thanh", "phan"), ("mot", "phan")}
)
_POINT = "cham"
# A number said so far: "4", "2.5", "4.a".
_SAID_NUMBER = re.compile(r"\d+(\.[0-9a-z]+)*")
_LETTERS = frozenset("abcdeghiklmnopqrstuvxy")
# A point's letter said by its name: "một chấm bê" is "1.b", "bảy đê" "7.d".
_LETTER_NAMES = {
    "be": ("bê", "b"),
    "xe": ("xê", "c"),
    "de": ("đê", "d"),
    "go": ("gờ", "g"),
    "hat": ("hát", "h"),
    # "e" alone, which chat shorthand spells "em": after "chấm", the letter.
    "em": ("e", "e"),
}
# Words that make "một" before them a word of a name, not a number: "một cửa".
_NOUNS_AFTER = frozenset({"cua"})
# "sau" typed bare after "tháng", "tuần", "quý" is "next", not six.
_NEXT = frozenset({"sau"})
# The word a point's letter is said after: "điểm hai chữ a" is "2.a".
_LETTER_WORD = ("chu", marks("chữ"))
# Heads of a task's number, after which digits said one by one are its parts: "nhiệm vụ
# hai một" is "2.1" (not after a time's word: "quý hai", "tháng mười một").
_PART_HEADS = frozenset({"nv", "vu", "viec", "muc", "phan", "diem", "khoan", "nhom", "stt"})


def _value(word: Word, table: dict[str, tuple[str, int]]) -> int | None:
    entry = table.get(word.text)
    # ... "hai" is written with no marks: "hài" ("dịch vụ hài lòng") is another word.
    if entry is None or not agree(word.marks, marks(entry[0]) or ""):
        return None
    return entry[1]


def _number_at(words: Sequence[Word], i: int) -> tuple[int, int] | None:
    """The number said from word ``i`` on, and the index after it."""
    if i >= len(words):
        return None
    nxt = words[i + 1] if i + 1 < len(words) else None
    if words[i].text == _TEN:  # "mười", "mười lăm", "mười một"
        unit = (_value(nxt, _AFTER_TEN) or _value(nxt, _DIGITS)) if nxt else None
        return (10 + unit, i + 2) if unit else (10, i + 1)
    if words[i].text in _NEXT and words[i].marks is None:
        return None
    digit = _value(words[i], _DIGITS)
    if digit is None:
        return None
    if nxt is not None and nxt.text == _TEN:  # "ba mươi", "hai mươi mốt"
        after = words[i + 2] if i + 2 < len(words) else None
        unit = _value(after, _AFTER_TEN) if after else None
        return (digit * 10 + unit, i + 3) if unit else (digit * 10, i + 2)
    if digit >= 2 and nxt is not None and nxt.text in _SHORT_UNITS:
        unit = _value(nxt, _AFTER_TEN)
        if unit:
            return digit * 10 + unit, i + 2  # "hai lăm", "ba mốt": "mươi" left unsaid
    return digit, i + 1


def _expected(earlier: Word | None, before: Word | None, after: Word | None) -> bool:
    """Whether a number is expected between ``before`` and ``after`` (``earlier`` is the
    word before ``before``: "thí điểm một cửa" is a pilot, no point 1)."""
    if before is None or before.text not in _BEFORE_FOLDED:
        return False
    if earlier is not None and (earlier.text, before.text) in _COMPOUNDS:
        return False
    if not agree(before.marks, _BEFORE_FOLDED[before.text]):
        return False
    if after is not None and after.text in _NOUNS_AFTER:
        return False  # "việc một cửa": the one-stop shop
    if before.text == "han" and after is not None and after.text in _LENGTHS:
        return True
    return after is None or after.text not in _TIME or before.text in _DURATION_OR_DATE


def _is_number(words: Sequence[Word], i: int) -> bool:
    return i < len(words) and (words[i].text.isdigit() or _number_at(words, i) is not None)


def spoken_numbers(words: list[Word]) -> list[Word]:
    """The words with numbers said in words written in figures, and "X chấm Y" as "X.Y"."""
    out: list[Word] = []
    i = 0
    said_last = False  # whether the last word out is a number said in words
    while i < len(words):
        said = _number_at(words, i) if not words[i].text.isdigit() else None
        if said is None and out and out[-1].text in _FOURTH_AFTER and _value(words[i], _FOURTH):
            said = (4, i + 1)  # "tháng tư", "quý tư": April, the fourth quarter
        after = words[said[1]] if said is not None and said[1] < len(words) else None
        earlier = out[-2] if len(out) > 1 else None
        expected = said is not None and _expected(earlier, out[-1] if out else None, after)
        if said is not None and after is not None and after.text == "thang" and said[0] <= 31:
            expected = expected or _is_number(words, said[1] + 1)  # "ba mươi tháng chín"
            # "mười tháng đầu năm", "ba tháng cuối năm": the year's first or last months
            side = [w.text for w in words[said[1] + 1 : said[1] + 3]]
            expected = expected or (said[0] < 12 and side in (["dau", "nam"], ["cuoi", "nam"]))
        if (
            said is not None
            and after is not None
            and after.text in _LENGTHS
            and _TEN in (w.text for w in words[i : said[1]])
        ):
            expected = True  # "gia hạn giùm chị mười lăm ngày": a length, wherever said
        if (
            said is not None
            and not expected
            and [w.text for w in words[said[1] : said[1] + 2]] == ["toi", "dau"]
        ):
            # "mục bốn tới đâu rồi": how far it has got, no "năm tới" (next year).
            expected = _expected(earlier, out[-1] if out else None, None)
        if expected and words[i].text == "nam" and after is not None and YEAR.fullmatch(after.text):
            expected = False  # "chuyển đổi số năm 2025": the year, not number five
        around_point = (
            i + 1 < len(words) and words[i + 1].text == _POINT and _is_number(words, i + 2)
        ) or (bool(out) and out[-1].text == _POINT)
        if said is not None and _next_part(out, words, i, said, said_last):
            out[-1] = _dotted(out[-1], str(said[0]), words[said[1] - 1].end)
            i = said[1]
        elif said is not None and (expected or around_point):
            value, end = said
            out.append(Word(str(value), words[i].start, words[end - 1].end))
            i = end
            said_last = True
        elif out and _letter_after_word(words, i, out[-1]):
            letter = _LETTER_NAMES.get(words[i + 1].text, (None, words[i + 1].text))[1]
            out[-1] = _dotted(out[-1], letter, words[i + 1].end)
            i += 2
            said_last = False
        elif out and _letter_named(words[i], out[-1], said_last):
            letter = _LETTER_NAMES[words[i].text][1]
            out.append(Word(letter, words[i].start, words[i].end))
            if out[-2].text != _POINT:  # "bảy đê": the point left unsaid
                out[-2:] = [_dotted(out[-2], letter, words[i].end)]
            i += 1
            said_last = False
        else:
            out.append(words[i])
            i += 1
            said_last = False
        # "4 chấm 2": one number, "4.2"; "4 chấm a chấm 2": "4.a.2".
        if len(out) >= 3 and out[-2].text == _POINT and _part(out[-1]):
            before = out[-3]
            if _SAID_NUMBER.fullmatch(before.text):
                out[-3:] = [_dotted(before, out[-1].text, out[-1].end)]
    return out


def _dotted(number: Word, part: str, end: int) -> Word:
    """``number`` and its next part, said up to ``end``: "4" and "2" are "4.2"."""
    return Word(f"{number.text}.{part}", number.start, end)


def _next_part(
    out: Sequence[Word], words: Sequence[Word], i: int, said: tuple[int, int], said_last: bool
) -> bool:
    """Whether a digit said right after a task's number said in words is its next part:
    "nhiệm vụ hai một" (2.1), "mục ba hai" (3.2); not a time ("việc hai ba ngày")."""
    if not said_last or said[0] > 9 or said[1] != i + 1 or len(out) < 2:
        return False
    head = next((w for w in reversed(out[:-1]) if not _SAID_NUMBER.fullmatch(w.text)), None)
    if head is None or head.text not in _PART_HEADS or "." in out[-1].text:
        return False
    after = words[said[1]] if said[1] < len(words) else None
    return after is None or after.text not in _TIME


def _letter_after_word(words: Sequence[Word], i: int, before: Word) -> bool:
    """Whether words ``i``, ``i + 1`` say a point's letter after a number ("điểm 2 chữ a",
    "hai chữ bê"): "chữ" and one letter, typed bare or by its name."""
    if i + 1 >= len(words) or not _SAID_NUMBER.fullmatch(before.text):
        return False
    word, letter = words[i], words[i + 1]
    if word.text != _LETTER_WORD[0] or not agree(word.marks, _LETTER_WORD[1]):
        return False
    if letter.text in _LETTER_NAMES:
        return agree(letter.marks, marks(_LETTER_NAMES[letter.text][0]))
    return _part(letter) and not letter.text.isdigit()


def _letter_named(word: Word, before: Word, after_said_number: bool) -> bool:
    """Whether ``word`` names a point's letter: after "chấm", or typed with its marks
    right after a number said in words ("bảy đê")."""
    name = _LETTER_NAMES.get(word.text)
    if name is None:
        return False
    if word.text == "em" and word.end - word.start != 1:
        return False  # "em" typed in full: the asker
    if before.text == _POINT:
        # ... "chấm dê": speech-to-text writes "đê" so too
        return agree(word.marks, marks(name[0])) or (
            word.text == "de" and agree(word.marks, marks("dê"))
        )
    return after_said_number and word.marks == marks(name[0])


def _part(word: Word) -> bool:
    """A number, or a point's letter typed bare ("chấm a")."""
    return word.text.isdigit() or (word.text in _LETTERS and word.marks is None)
