"""Questions typed in English, spelled into the Vietnamese words the reader reads.

"how many tasks are overdue this quarter" -> bao nhieu viec qua han quy nay. The phrases and
what they stand for are data (planning/data/questions_en.yaml), replaced by the same speller
that spells the lexicon's shorthand; a few rules need the words around them: dates ("dec 31",
"31st of december 2026" -> 31/12/2026), ranges ("between march and june": từ ... đến ...),
"the next 10 days" (trong 10 ngày) and "by 2 weeks" (thêm 2 tuần).

English and Vietnamese meet once diacritics are folded ("do" and "đó", "so" and "sở"), so
English phrases apply only to a question that reads as English: one with a word no
Vietnamese syllable is spelled like ("overdue", "tasks", "who"), or one the English phrases
cover whole ("due soon"). Any other question is spelled as before, word for word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from planning.questions.lexicon import load_yaml
from planning.questions.words import Speller, Word, _chunks, alternatives, phrase
from planning.text import fold

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "questions_en.yaml"

Phrase = tuple[str, ...]

# The shape of a Vietnamese syllable with its diacritics folded: onset, vowels, final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|oai|oay|oeo|uoi|uou|ieu|yeu|uay|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi"
    r"|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?:ch|nh|ng|[cmnpt])?"
)
# An English word this long at least, spelled unlike any Vietnamese syllable, tells that a
# question is English.
ANCHOR_MIN = 3
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
# A date as ``_dates`` writes it, after its day: the month and the year, if any.
_DAY_MONTH = re.compile(r"\d{1,2}/(\d{1,2}(?:/\d{4})?)")
_YEAR = re.compile(r"20\d\d")
# Two words joined by a dash, as months are spanned ("Jan–Sep", "march-june").
_SPAN = re.compile(r"\b([A-Za-z]{3,9}) ?[-–—] ?([A-Za-z]{3,9})\b")
# Words that open a range ("from", "between") and the words that close it.
_OPENS = frozenset({"from", "between", "btw"})  # "due btw 1 Jun and 15 Jul"
# "update on I.2: ...": an update given of a task, its news after the colon.
_UPDATE_GIVEN = re.compile(r"update on [^:\n]{1,40}:\s*\S")
# A thing named before a comma ("the 30/9 one, ...", "task 4 - ..."): "how's it going"
# after it asks how that thing stands, no small talk.
_OF_WHAT_WAS_NAMED = re.compile(r"(?:\d|\bone)\s*[,:;\-–]\s*$", re.IGNORECASE)
# What names a task after the day it is due: "the 30/9 one", "the Sept 30 task".
_ONE_OF_THE_TASKS = frozenset({"one", "task", "item"})
_CLOSES = frozenset({"to", "and", "till", "til", "until", "through", "thru"})
# ... and those that close one with no opener ("jul 1 to dec 31"; two days "and" are two).
_RANGE_TO = _CLOSES - {"and"}
_UNITS = frozenset({"day", "days", "week", "weeks", "wk", "wks", "month", "months", "mth", "mths"})
_MORE = frozenset({"more", "extra"})
# What a question opens with after "remind me": what to tell the asker.
_ASKED = frozenset({"which", "what", "who", "when", "where", "how", "whether", "if"})
# Words a number said aloud follows as a task's or a period's number: "task six", "quarter
# four", "task two point three" (not "a": "item a" is a letter).
_NUMBER_HEADS = frozenset({"task", "item", "activity", "no", "number", "section", "part"})
_NUMBER_HEADS |= frozenset({"point", "quarter", "month", "phase"})
_TASK_HEADS = frozenset({"task", "item", "activity"})
# A month's days said as ordinal words: "the fifteenth of december", "the thirty first".
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"  # noqa: SIM905
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        " twentieth".split(),
        1,
    )
} | {"thirtieth": 30}
_TENS_SAID = {"twenty": 20, "thirty": 30}
_ARTICLES = frozenset({"a", "an"})  # "point a" is a letter
_ROW_LETTERS = frozenset("abcdđe")
_DOTTED = re.compile(r"\d+(?:\.\d+)*")
# Letters dictated one by one, as speech-to-text writes an acronym: "van phong u b n d".
# A link pasted into a message ("e dán link làm minh chứng: https://..."): no words of it.
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SPELLED_OUT = re.compile(r"(?<![\w.])[b-hj-z](?: [b-hj-z]){2,3}(?![\w.])", re.IGNORECASE)
# What "my", "our" own when they ask of the asker's own tasks ("my overdue tasks").
_OWNED = frozenset(
    {"task", "tasks", "tsk", "tsks", "item", "items", "stuff", "work", "jobs", "things"}
    | {"overdue", "open", "due", "agency", "dept", "department", "office", "unit", "own"}
    | {"deadlines", "list"}
    | {"pending", "outstanding", "late", "side", "plate"}
)
# English prepositions Vietnamese also spells ("in": print, "to": big), English before a
# Vietnamese name typed with its marks or in capitals ("to UBND tinh"); "the" always is.
_BEFORE_NAMES = frozenset({("in",), ("to",), ("at",), ("from",)})
# Words before a year that say it is the window ("done in 2026", "looking back over 2026").
_IN_A_YEAR = frozenset({"in", "over", "during", "throughout"})
_NUMBERED = re.compile(r"(?:no|nr|num)\.(\d{1,2}(?:\.\d{1,2})?)")
# Words typed with no apostrophe ("arent done"), as the phrases spell them ("aren t").
_CONTRACTIONS = {
    w + "nt": (w + "n", "t")
    for w in ("are", "is", "was", "were", "do", "does", "did", "have", "has", "had")
    + ("should", "could", "would")
} | {
    "cant": ("can", "t"),
    "wont": ("won", "t"),
    "thats": ("that", "s"),
    "whats": ("what", "s"),
    "wheres": ("where", "s"),
    "whos": ("who", "s"),
    "theyre": ("they", "re"),
    "ill": ("i", "ll"),  # "ill annex it": chat's "I'll"
}
# What a run of Vietnamese words after "the" may name ("the ... task", "the ... part").
_HEADS_AFTER = frozenset({"task", "item", "activity", "part", "section"})
_TITLE_RUN = 8
# English words shaped like Vietnamese syllables ("in", "to"), which end such a run.
_FUNCTION_WORDS = frozenset({"in", "on", "to", "at", "of", "a", "an", "and", "or", "for", "by"})
# The marks that end a sentence or a clause, kept after the words they follow.
_MARKS = frozenset(".?!,;:")
# Whom a remark after the question speaks of, as Vietnamese says it.
_REMARKED = {"they": "họ"}
# Words before which "miss" is a title of address ("hi miss", "thanks miss Lan").
_ADDRESSING = frozenset({"hi", "hello", "dear", "thanks", "thank", "you", "sorry", "excuse"})
# The words after which a year typed bare is a window ("for 2026", "the whole of 2026").
_BEFORE_A_YEAR = frozenset({"of", "for", "in", "during", "throughout", "covering"})
_DASH = re.compile(r"\s[-–—]\s")
# A document's number with its kind's letters: "77/KH-UBND".
_DOCUMENT_NUMBER = re.compile(r"\b\d+/[a-zđ]+(?:-[a-zđ]+)+\b")
# ... and the date it bears, said as Vietnamese says it ("Official Letter 312/SNV-CCHC of 8
# May", "Decision 2451 of 26/12/2025": "ngày 8/5"), that the reader takes as the document's.
_DOCUMENT_DATED = re.compile(
    r"(\b(?:letter|decision|directive|notice|plan|dispatch)\s+(?:no\.?\s*)?\d+(?:/[\w.-]+)?"
    r"|\b\d+/[a-zđ]+(?:-[a-zđ]+)+)\b,?\s+(?:of|dated)\s+(?=\d|[a-z]{3,9}\s+\d)",
    re.IGNORECASE,
)
# Words that open a time after "from", "between": "from now", "from the start of".
_NOW_WORDS = frozenset(
    {"now", "today", "tomorrow", "this", "next", "last", "start", "beginning", "end", "first"}
    | {"mid", "early", "late", "middle", "q1", "q2", "q3", "q4", "week", "month", "quarter"}
)


def _due_that_day(words: list[Word]) -> list[Word]:
    """ "the 30/9 one", "the Sept 30 task", "the one due sept 30": the task due that day
    ("việc hạn 30/9")."""
    out: list[Word] = []
    for word in words:
        if (
            _DAY_MONTH.fullmatch(word.text)
            and len(out) > 2
            and out[-3].text == "the"
            and out[-2].text in _ONE_OF_THE_TASKS
            and out[-1].text == "due"
        ):
            out[-3:] = [Word(w, out[-3].start, out[-1].end) for w in ("việc", "hạn")]
            out.append(word)
            continue
        if (
            word.text in _ONE_OF_THE_TASKS
            and len(out) > 1
            and out[-2].text == "the"
            and _DAY_MONTH.fullmatch(out[-1].text)
        ):
            day = out.pop()
            out[-1:] = [Word(w, day.start, day.end) for w in ("việc", "hạn")] + [day]
            continue
        out.append(word)
    return out


def vietnamese_shaped(word: str) -> bool:
    """Whether a folded word could be a Vietnamese syllable ("the", "do", "an" could)."""
    return _SYLLABLE.fullmatch(word) is not None


@dataclass(frozen=True)
class English:
    """English phrases and the Vietnamese words they stand for, with the rules' words."""

    phrases: Mapping[Phrase, Phrase]
    # What each phrase means, as Vietnamese writes it ("quá hạn").
    meanings: Mapping[Phrase, str]
    months: Mapping[str, int]
    numbers: Mapping[str, int]

    @classmethod
    def load(cls, path: Path | None = None) -> English:
        if path is None:
            return _default()
        return _parse(path.read_text(encoding="utf-8"), str(path))

    def words(self) -> frozenset[str]:
        """Every English word the phrases and rules know."""
        out = set(self.months) | set(self.numbers) | _OPENS | _CLOSES | {"next", "by"}
        out |= set(_CONTRACTIONS)
        for key in self.phrases:
            out.update(key)
        return frozenset(out)


@lru_cache(maxsize=1)
def _default() -> English:
    return _parse(DEFAULT_PATH.read_text(encoding="utf-8"), str(DEFAULT_PATH))


def _parse(text: str, source: str) -> English:
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError(f"English phrases {source}: expected a mapping")
    phrases: dict[Phrase, Phrase] = {}
    meanings: dict[Phrase, str] = {}
    for meaning, said in _section(data, "phrases", source).items():
        if not isinstance(said, list) or not said:
            raise ValueError(f"English phrases {source}: {meaning!r} needs a list of phrases")
        for english in (a for written in said for a in alternatives(str(written))):
            key = _expanded(phrase(english))
            if not key or meanings.get(key, meaning or "") != (meaning or ""):
                raise ValueError(f"English phrases {source}: {english!r} is empty or twice")
            phrases[key] = phrase(str(meaning or ""))
            meanings[key] = str(meaning or "")
    months = {str(k): int(v) for k, v in _section(data, "months", source).items()}
    numbers = {str(k): int(v) for k, v in _section(data, "numbers", source).items()}
    for name, number in months.items():  # a month alone: "in march", "overdue in dec"
        if (name,) not in phrases:
            phrases[(name,)] = ("thang", str(number))
            meanings[(name,)] = f"tháng {number}"
        for coming in (("coming",), ("this", "coming"), ("next",)):  # "this coming January"
            phrases[(*coming, name)] = ("thang", str(number), "toi")
            meanings[(*coming, name)] = f"tháng {number} tới"
    return English(phrases, meanings, months, numbers)


def _expanded(words: Phrase) -> Phrase:
    """A phrase with its words typed with no apostrophe spelled as with one ("dont have" ->
    "don t have"), as questions are."""
    return tuple(part for w in words for part in _CONTRACTIONS.get(w, (w,)))


def _section(data: dict[str, Any], key: str, source: str) -> dict[Any, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"English phrases {source}: '{key}' must be a mapping")
    return value


class Bilingual:
    """The reader's speller, and the translator of questions that read as English into the
    Vietnamese words they stand for, written out with their diacritics."""

    def __init__(
        self,
        replacements: Mapping[Phrase, Phrase],
        syllables: Iterable[str],
        acronyms: Iterable[str] = (),
        english: English | None = None,
        written: Mapping[Phrase, tuple[str | None, ...]] | None = None,
        pairs: Iterable[tuple[str, str]] = (),
        dialect: Mapping[str, tuple[str | None, Phrase]] | None = None,
        dialect_bare: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.english = english or English.load()
        # Chat shorthand Vietnamese speakers type ("thanks", "ok") is no sign of English.
        known = frozenset(syllables) | {k[0] for k in replacements if len(k) == 1}
        self.vietnamese = Speller(
            replacements, known, acronyms, written, pairs, dialect, dialect_bare
        )
        words = self.english.words()
        # Words that tell a question is English: no Vietnamese word is spelled like them,
        # and they are no chat shorthand's letters ("r", "ko").
        self.anchors = frozenset(
            w
            for w in words
            if len(w) >= ANCHOR_MIN and w.isalpha() and w not in known and not vietnamese_shaped(w)
        )
        self._words = words
        self._known = known
        self._speller = _EnglishSpeller(
            self.english.phrases, known, words, self.english, frozenset(pairs)
        )

    def __call__(self, text: str) -> list[Word]:
        return self.vietnamese(text)

    def spell(self, text: str) -> tuple[str, ...]:
        return self.vietnamese.spell(text)

    def reads_english(self, text: str) -> bool:
        chunks = _chunks(LINK.sub(" ", text).lower())
        words = tuple(c.text for c in chunks)
        # A word typed with Vietnamese marks is no English one: "lòg", a slip for "lòng", is
        # no "log".
        if any(c.text in self.anchors and c.marks is None for c in chunks):
            return True
        said = [w for w in words if not w[:1].isdigit()]
        if not said or not all(w in self._words for w in said):
            return False
        if all(w in self._known for w in said):
            return False  # "hello bot", "ok": words Vietnamese chat reads the same way
        # Every word is an English one ("due soon"): English if its phrases say something.
        return phrase(self._speller.translate(text)) != words

    def translate(self, text: str) -> str:
        """The question in Vietnamese when it reads as English, else as typed: "overdue
        tasks of the doj" -> "quá hạn việc sở tư pháp"."""
        return self.from_english(text) if self.reads_english(text) else text

    def from_english(self, text: str) -> str:
        """An English question (``reads_english``) in Vietnamese."""
        text = _SPELLED_OUT.sub(lambda m: m[0].replace(" ", ""), text)
        text = _DOCUMENT_DATED.sub(r"\1 ngày ", text)
        text = _SPAN.sub(self._months_spanned, text)
        return self._speller.translate(unicodedata.normalize("NFC", text))

    def _months_spanned(self, m: re.Match[str]) -> str:
        """ "Jan–Sep": from one month to the other, as "from January to September" reads."""
        months = self.english.months
        if m[1].lower() in months and m[2].lower() in months:
            return f"from {m[1]} to {m[2]}"
        return m[0]


class _EnglishSpeller(Speller):
    """The speller of English phrases, and the rules that need the words around them."""

    def __init__(
        self,
        replacements: Mapping[Phrase, Phrase],
        vietnamese: frozenset[str],
        english_words: frozenset[str],
        english: English,
        pairs: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        super().__init__(replacements, vietnamese | english_words)
        self._english = english
        # Pairs of syllables the plan writes ("hồ sơ"): the second of one is no English word
        # ("so" of "(so hoa ho so)").
        self._pairs = pairs
        self._english_words = english_words
        # Vietnamese words, which a phrase folded Vietnamese also spells must not be read
        # before: "so" of "so tu phap" is "sở", "do" of "do ai" is "do".
        self._vietnamese = vietnamese - english_words

    def _split(self, text: str) -> list[str] | None:
        """An English word typed with one slip ("socity") is that word, not two run on
        ("so city"); nor is a word of "-ing" ("typing": no "ty ping")."""
        if len(self._near(text)) == 1 or (text.endswith("ing") and len(text) > 5):
            return None
        return super()._split(text)

    def _one_of(self, near: Sequence[str]) -> str | None:
        """... or the first of several that mean the same ("reminde": reminder, remind)."""
        meanings = {self._english.meanings.get((w,)) for w in near}
        if len(near) > 1 and len(meanings) == 1 and None not in meanings:
            return near[0]
        return super()._one_of(near)

    def translate(self, text: str) -> str:
        lowered = text.lower()
        words: list[Word] = []
        given = False
        for word in _labels(_chunks(lowered), lowered):
            if word.text == "own" and words and words[-1].text in ("my", "our"):
                continue  # "our own department's": our department's
            if word.text == "update" and _UPDATE_GIVEN.match(lowered, word.start):
                # "update on I.2: inspected 5 of 12 depts": news of a task, given
                words += [Word(w, word.start, word.end) for w in ("cập", "nhật", "tiến", "độ")]
                given = True
                continue
            if given and word.text == "on":
                given = False
                continue
            if word.text.isdigit() and lowered[word.start - 1 : word.start] == "#":
                # "what's #7 supposed to produce": task number 7.
                words += [Word("việc", word.start, word.end), Word("số", word.start, word.end)]
            numbered = _NUMBERED.fullmatch(word.text)
            if numbered:
                # "task no.4", "item nr.2": task number 4, typed with no space after the dot.
                words += [Word("việc", word.start, word.end), Word("số", word.start, word.end)]
                word = Word(numbered[1], word.start, word.end, word.marks)
            for part in _CONTRACTIONS.get(word.text, (word.text,)):
                words.extend(self._mend(part, word.start, word.end, word.marks))
        words = _due_that_day(self._around(self._dates(self._head_first(words, lowered))))
        out: list[str] = []
        i = 0
        while i < len(words):
            # "điểm a" (as "item a)" is read first): a point's letter, no article.
            lettered = i > 0 and out[-1:] == ["điểm"] and len(words[i].text) == 1
            # "due in quý I": the quarter's number, no "I" of the asker.
            lettered = lettered or (out[-1:] in (["quý"], ["quy"]) and words[i].text == "i")
            # "...? they carry most of the TTHC section": a sentence after the question,
            # opened by whom it speaks of, is a remark, as Vietnamese says it ("họ ...").
            if (
                _YEAR.fullmatch(words[i].text)
                and i > 0
                and words[i - 1].text in _BEFORE_A_YEAR
                and out[-1:] != ["năm"]
            ):
                out.append("năm")  # "the whole of 2026": the year, as Vietnamese says it
            after_question = i > 0 and "?" in text[words[i - 1].end : words[i].start]
            remarked = _REMARKED.get(words[i].text) if after_question else None
            if _missed(words, i, text):
                out.append("quá hạn")  # "how many tasks did the communes miss?"
                i += 1
            elif remarked:
                out.append(remarked)
                i += 1
            else:
                for n, key in () if lettered else self.phrases_at(words, i):
                    if not all(text[w.start : w.end].isascii() for w in words[i : i + n]):
                        continue  # typed with Vietnamese marks: "sếp" is no Sep
                    if i + n < len(words) and all(vietnamese_shaped(w) for w in key):
                        after = words[i + n]
                        as_typed = phrase(text[after.start : after.end]) == (after.text,)
                        # ... a number is no Vietnamese: "about the 2024 ... plan"; nor is a
                        # preposition before a name typed with its marks ("in Vụ TCCB").
                        if (
                            as_typed
                            and after.text in self._vietnamese
                            and not after.text.isdigit()
                            and key != ("the",)
                            and not (key in _BEFORE_NAMES and _named(text[after.start : after.end]))
                        ):
                            continue
                    if (
                        n == 1
                        and i > 0
                        and vietnamese_shaped(key[0])
                        and words[i - 1].text in self._vietnamese
                        and (words[i - 1].text, key[0]) in self._pairs
                    ):
                        continue  # "so" of "ho so": "hồ sơ", said last
                    if (
                        n == 1
                        and key[0] in self._english.months
                        and vietnamese_shaped(key[0])
                        and i > 0
                        and words[i - 1].text.isalpha()
                        and words[i - 1].text in self._vietnamese
                        and not (i + 1 < len(words) and words[i + 1].text[:1].isdigit())
                    ):
                        continue  # "the to chuc bo may section": "bộ máy", no May
                    meaning = self._english.meanings[key]
                    if "going" in key and _OF_WHAT_WAS_NAMED.search(text[: words[i].start]):
                        meaning = "tiến độ thế nào"  # "the 30/9 one, how's it going?"
                    out.append(meaning)
                    i += n
                    break
                else:
                    word = words[i]
                    typed = text[word.start : word.end]
                    out.append(typed if phrase(typed) == (word.text,) else word.text)
                    i += 1
            # "Is the city police behind? Their report ...": the sentences stay apart; so do
            # the parts a dash between spaces sets apart.
            gap = text[words[i - 1].end : words[i].start if i < len(words) else len(text)]
            mark = gap[:1] if gap[:1] in _MARKS else "," if _DASH.search(gap) else ""
            if mark:
                said = [k for k, o in enumerate(out) if o]
                if said:
                    out[said[-1]] += mark
        return " ".join(o for o in out if o).rstrip(",;:")

    def _head_first(self, words: list[Word], text: str) -> list[Word]:
        """ "the so hoa ho so tthc task", "the tổ chức bộ máy part": a title's or a section's
        Vietnamese words, then what they name, said as Vietnamese says it (việc số hóa ...);
        "the 390 plan", "kế hoạch 390"."""
        out = list(words)
        moved = 0
        for i, word in enumerate(words):
            if word.text != "the" or i < moved:
                continue
            pair = [w.text for w in words[i + 1 : i + 3]]
            if len(pair) == 2 and pair[0].isdigit() and pair[1] == "plan":
                # "the 390 plan": the plan by its number, as "kế hoạch 390".
                out[i + 1 : i + 3] = [words[i + 2], words[i + 1]]
                moved = i + 3
                continue
            j = i + 1
            while (
                j < len(words)
                and j - i <= _TITLE_RUN
                and (_in_a_title(words[j]) or self._paired(words, j))
                and not _MARKS.intersection(text[words[j - 1].end : words[j].start])
            ):
                j += 1
            run = words[i + 1 : j]
            # ... said mostly in Vietnamese: "the hộ tịch điện tử system task" too.
            # ... or in pairs the plan writes ("so" and "hoa" of "so hoa ho so").
            vietnamese = sum(
                self._vietnamese_word(w)
                or self._paired(run, k)
                or (k > 0 and self._paired(run, k - 1))
                for k, w in enumerate(run)
            )
            # ... or a title's word said in English: "the digitisation task", "the
            # evaluation one" (việc số hóa, việc đánh giá).
            head = words[j].text if words[j : j + 1] else ""
            # ... said as the topic, the question after it ("the digitisation task - who ...").
            topic = bool(head) and (head == "one" or not text[words[j].end :].strip()[:1].isalnum())
            titled = topic and len(run) == 1 and self._written_by_the_plan(run[0].text)
            if run and (
                (2 * vietnamese > len(run) and head in _HEADS_AFTER)
                or (titled and head in _HEADS_AFTER | {"one"})
            ):
                out[i + 1 : j + 1] = [words[j], *run]
                moved = j + 1
        return out

    def _written_by_the_plan(self, word: str) -> bool:
        """Whether an English word stands for words the plan writes together ("digitisation":
        "số hóa")."""
        said = fold(self._english.meanings.get((word,), "")).split()
        pairs = zip(said, said[1:], strict=False)
        return len(said) > 1 and all(pair in self._pairs for pair in pairs)

    def _paired(self, words: Sequence[Word], j: int) -> bool:
        """Whether word ``j`` makes a pair the plan writes with its next ("the" of "cai
        cach the che": "thể chế")."""
        return j + 1 < len(words) and (words[j].text, words[j + 1].text) in self._pairs

    def _vietnamese_word(self, word: Word) -> bool:
        """Whether a word is read as Vietnamese here: typed with Vietnamese marks, or no
        English word ("hoa", "tthc")."""
        return word.marks is not None or word.text not in self._english_words

    def _dates(self, words: list[Word]) -> list[Word]:
        """ "dec 31", "december 31st, 2026", "31 dec", "31st of december", "the thirty first
        of december", "december the thirty first" -> 31/12(/2026)."""
        months = self._english.months
        out: list[Word] = []
        i = 0
        while i < len(words):
            text = words[i].text
            day = month = None
            end = i
            nxt = words[i + 1].text if i + 1 < len(words) else ""
            after = _day_said(words, i + 1 + (nxt == "the")) if text in months else None
            spoken = _day_said(words, i)
            if text in months and _ORDINAL.fullmatch(nxt):
                month, day, end = months[text], int(_ordinal(nxt)), i + 2
            elif after is not None:
                month, (day, end) = months[text], after
            elif spoken is not None or _ORDINAL.fullmatch(text):
                day, j = spoken or (int(_ordinal(text)), i + 1)
                j += j < len(words) and words[j].text == "of"
                if j < len(words) and words[j].text in months:
                    month, end = months[words[j].text], j + 1
            if month is None or day is None or not 1 <= day <= 31:
                out.append(words[i])
                i += 1
                continue
            label = f"{day}/{month}"
            if end < len(words) and _YEAR.fullmatch(words[end].text):
                label += f"/{words[end].text}"
                end += 1
            out.append(Word(label, words[i].start, words[end - 1].end))
            i = end
        # "the task with the June 30th deadline": the task due that day, as "việc hạn 30/6".
        for k in range(len(out) - 1):
            if _DAY_MONTH.fullmatch(out[k].text) and out[k + 1].text == "deadline":
                when, said = out[k], out[k + 1]
                out[k : k + 2] = [Word("hạn", said.start, said.end), when]
        # "between the 15th and the 30th of Nov": no "the" before a day said between.
        out = [
            w
            for k, w in enumerate(out)
            if not (
                w.text == "the"
                and 0 < k < len(out) - 1
                and out[k - 1].text in _OPENS | _CLOSES
                and (_ORDINAL.fullmatch(out[k + 1].text) or _DAY_MONTH.fullmatch(out[k + 1].text))
            )
        ]
        # "between 1 and 15 September": the first day takes the month of the second.
        for k in range(1, len(out) - 2):
            first, close, second = out[k], out[k + 1], out[k + 2]
            dated = _DAY_MONTH.fullmatch(second.text)
            if (
                out[k - 1].text in _OPENS
                and close.text in _CLOSES
                and _ORDINAL.fullmatch(first.text)
                and 1 <= int(_ordinal(first.text)) <= 31
                and dated
            ):
                out[k] = Word(f"{_ordinal(first.text)}/{dated[1]}", first.start, first.end)
        # "jul 1 to dec 31": a range with no "from" before it, as "from jul 1 to dec 31".
        for k in range(len(out) - 2, 0, -1):
            if (
                _DAY_MONTH.fullmatch(out[k - 1].text)
                and out[k].text in _RANGE_TO
                and _DAY_MONTH.fullmatch(out[k + 1].text)
                and (k < 2 or out[k - 2].text not in _OPENS)
            ):
                out[k] = Word("đến", out[k].start, out[k].end)
                out.insert(k - 1, Word("từ", out[k - 1].start, out[k - 1].start))
        return out

    def _a_time(self, nxt: str, after: str) -> bool:
        """Whether the words after "from", "between" open a time ("from 1 March", "from now
        until", "between the start of Q2 and ..."), not a thing ("from the reform coverage")."""
        months = self._english.months
        if _time_word(nxt, months) or nxt in self._english.numbers or nxt in _NOW_WORDS:
            return True
        return nxt == "the" and (_time_word(after, months) or after in _NOW_WORDS)

    def _around(self, words: list[Word]) -> list[Word]:
        """Words read by their neighbours: a range's close ("from ... to", "between ...
        and": đến) and the deadlines it opens on ("due between": có hạn từ), "next 10 days"
        (trong), "the last 14 days" (trong 14 ngày qua), "by 2 weeks" (thêm), "one month" (1)."""
        numbers = self._english.numbers
        out: list[Word] = []
        opened = more = False
        skip = 0
        back = -1  # where "the last 14 days" ends: "qua" follows its unit
        for i, word in enumerate(words):
            if i == back + 1 and back >= 0:
                out.append(Word("qua", words[back].start, words[back].end))
            if more:  # the "more" of "10 more days", said before its number
                more = False
                continue
            if skip:  # the numbers of "task one four five", said with the first
                skip -= 1
                continue
            text = word.text
            nxt = words[i + 1].text if i + 1 < len(words) else ""
            after = words[i + 2].text if i + 2 < len(words) else ""
            counted = nxt.isdigit() or nxt in numbers
            if text in _OPENS and self._a_time(nxt, after):
                opened = True
                if out and out[-1].text == "due":
                    # "what's due between now and 31 March": a window of deadlines.
                    due = out.pop()
                    out += [Word("có", due.start, due.end), Word("hạn", due.start, due.end)]
                out.append(Word("từ", word.start, word.end))
            elif text == "now" and out and out[-1].text == "từ":
                out.append(Word("nay", word.start, word.end))  # "between now and ..."
            elif text in _CLOSES and opened:
                opened = False
                out.append(Word("đến", word.start, word.end))
            elif text in ("next", "coming") and counted and after in _UNITS:
                out.append(Word("trong", word.start, word.end))
            elif (
                text in ("last", "past")
                and counted
                and after in _UNITS
                and (i + 3 == len(words) or words[i + 3].text != "of")  # "of November"
            ):
                back = i + 2
                out.append(Word("trong", word.start, word.end))
            elif text in ("by", "for", "another") and counted and after in _UNITS:
                out.append(Word("thêm", word.start, word.end))
            elif (text.isdigit() or text in numbers) and nxt in _MORE and after in _UNITS:
                # "can task 7 get 10 more days": 10 days more, an extension's length ...
                said = text if text.isdigit() else str(numbers[text])
                if out and out[-1].text in ("get", "have"):
                    got = out.pop()  # ... asked for ("can the task get one more month")
                    out += [Word("gia", got.start, got.end), Word("hạn", got.start, got.end)]
                out += [Word("thêm", word.start, word.end), Word(said, word.start, word.end)]
                more = True
            elif text in _IN_A_YEAR and _YEAR.fullmatch(nxt):
                out.append(Word("năm", word.start, word.end))  # "due in 2023", "over 2026"
            elif text in numbers and nxt in _UNITS:
                out.append(Word(str(numbers[text]), word.start, word.end))
            elif (
                (text.isdigit() or text in numbers)
                and text not in _ARTICLES
                and _after_point(out, numbers)
            ):
                # "task two point three", "task 2 point 1", "one point four point one" as
                # dictated: task 2.3, 2.1, 1.4.1.
                out.pop()
                number = out.pop()
                head = number.text if number.text[:1].isdigit() else str(numbers[number.text])
                said = text if text.isdigit() else str(numbers[text])
                out.append(Word(f"{head}.{said}", number.start, word.end))
            elif (
                text in numbers and text not in _ARTICLES and out and out[-1].text in _NUMBER_HEADS
            ):
                digits = [numbers[text]]  # "task six"; "task one four five" as dictated: 1.4.5
                dictated = out[-1].text in _TASK_HEADS and digits[0] < 10
                for k in range(i + 1, min(i + 3, len(words)) if dictated else i + 1):
                    then = words[k].text
                    unit = words[k + 1].text if k + 1 < len(words) else ""
                    if then in _ARTICLES or not 0 < numbers.get(then, 0) < 10 or unit in _UNITS:
                        break  # "task two three days late": task 2, three days
                    digits.append(numbers[then])
                skip = len(digits) - 1
                end = words[i + skip].end
                out.append(Word(".".join(map(str, digits)), word.start, end))
            elif (
                text in _ROW_LETTERS
                and (nxt.isdigit() or nxt in numbers)
                and nxt not in _ARTICLES
                and out
                and _DOTTED.fullmatch(out[-1].text)
            ):
                # "task two point seven a three" as dictated: 2.7.a.3, a row's letter and
                # its number.
                number = out.pop()
                said = nxt if nxt.isdigit() else str(numbers[nxt])
                out.append(Word(f"{number.text}.{text}.{said}", number.start, words[i + 1].end))
                skip = 1
            elif text in ("no", "nr", "number") and (
                nxt.isdigit() or (text == "number" and nxt in numbers and nxt not in _ARTICLES)
            ):
                # "any update on no. 6", "who's the lead on number two": task number 6, 2
                # ("no one" is nobody)
                out += [Word("việc", word.start, word.end), Word("số", word.start, word.end)]
                if not nxt.isdigit():
                    out.append(Word(str(numbers[nxt]), words[i + 1].start, words[i + 1].end))
                    skip = 1
            elif text == "remind" and nxt == "me" and after in _ASKED:
                skip = 1  # "remind me which ones we're leading": tell me, no reminder to send
            elif text in ("my", "our") and not _OWNED.intersection(
                w.text for w in words[i + 1 : i + 4]
            ):
                continue  # "planning my calendar", "our project": no task of one's own
            else:
                out.append(word)
        if back == len(words) - 1:
            out.append(Word("qua", words[back].start, words[back].end))
        return out


def _missed(words: Sequence[Word], i: int, text: str) -> bool:
    """Whether "miss" at ``i`` is the verb ("did they miss?", "which tasks will we miss
    this quarter"): no name typed with a capital after it, no greeting before it."""
    if words[i].text != "miss" or (i > 0 and words[i - 1].text in _ADDRESSING):
        return False
    if i + 1 == len(words):
        return True
    after = text[words[i + 1].start : words[i + 1].end]
    return not after[:1].isupper() and "?" not in text[words[i].end : words[i + 1].start]


def _in_a_title(word: Word) -> bool:
    """Whether a word may be a title's, in a run after "the" ("the ... task"): typed with
    Vietnamese marks ("tổ" is no "to"), or no English word that ends such a run."""
    return word.text.isalpha() and (
        word.marks is not None or word.text not in _HEADS_AFTER | _FUNCTION_WORDS
    )


def _after_point(out: list[Word], numbers: Mapping[str, int]) -> bool:
    """The words so far end in a number and "point": "task two point", "1.4 point", "four
    point" (a number said alone before "point")."""
    if len(out) < 2 or out[-1].text != "point":
        return False
    said = out[-2].text
    return bool(_DOTTED.fullmatch(said)) or (said in numbers and said not in _ARTICLES)


def _named(typed: str) -> bool:
    """Whether a word is typed as a name is: with Vietnamese marks, or in capitals."""
    return fold(typed) != typed.lower() or (len(typed) > 1 and typed.isupper())


def _time_word(word: str, months: Mapping[str, int]) -> bool:
    return bool(_ORDINAL.fullmatch(word) or _DAY_MONTH.fullmatch(word)) or word in months


def _labels(words: list[Word], text: str) -> list[Word]:
    """A task's number typed with dots ("II.1.a.2") as one word, kept as typed: its "a" is
    no article. Dotted words with no figure ("e.g") stay apart. A document's number
    ("77/KH-UBND") is one word too."""
    runs: list[list[Word]] = []
    for word in words:
        last = runs[-1][-1] if runs else None
        if last is not None and last.end + 1 == word.start and text[last.end] == ".":
            runs[-1].append(word)
        else:
            runs.append([word])
    out: list[Word] = []
    for run in runs:
        if len(run) > 1 and any(c.isdigit() for w in run for c in w.text):
            out.append(Word(text[run[0].start : run[-1].end], run[0].start, run[-1].end))
        else:
            out.extend(run)
    for m in _DOCUMENT_NUMBER.finditer(text):
        inside = [w for w in out if m.start() <= w.start and w.end <= m.end()]
        if inside:
            k = out.index(inside[0])
            out[k : k + len(inside)] = [Word(m[0], m.start(), m.end())]
    return out


def _day_said(words: Sequence[Word], i: int) -> tuple[int, int] | None:
    """The day of a month said as an ordinal word from word ``i`` on ("fifteenth", "thirty
    first"), and the index after it."""
    text = words[i].text if i < len(words) else ""
    nxt = words[i + 1].text if i + 1 < len(words) else ""
    if text in _TENS_SAID and nxt in _ORDINAL_WORDS and _ORDINAL_WORDS[nxt] < 10:
        return _TENS_SAID[text] + _ORDINAL_WORDS[nxt], i + 2
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text], i + 1
    return None


def _ordinal(text: str) -> str:
    m = _ORDINAL.fullmatch(text)
    return m.group(1) if m else text
