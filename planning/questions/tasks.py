"""Tasks named in questions: by number in any written form ("II.3", "2.3", "nv III.4",
"việc số 7 mục V", "II.3.2" for its second activity, or for task 3.2 of a plan that numbers
its tasks so; a lettered item of a prose plan: "1.a", "7b", "điểm d mục 1", and a dashed
item under one: "3.a.4", "ý 2 điểm a mục 3") or by words of their title ("nhiệm vụ rà soát
văn bản QPPL")."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np

from planning.periods import scan
from planning.questions.lexicon import Lexicon
from planning.questions.reading import TaskRef
from planning.questions.vocabulary import PlanVocabulary, TaskEntry
from planning.questions.words import YEAR, Word, has_vowel, slipped
from planning.text import fold

_DOTTED = re.compile(r"([ivx]+|\d{1,2})[.\-](\d{1,3})(?:[.\-](\d{1,2}))?")
_DOTS = re.compile(r"[.\-]")
_SPAN = re.compile(r"\d{4}-\d{4}")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_SECTION_WORDS = (("linh", "vuc"), ("muc",), ("phan",), ("nhom",))
# A row of a section's table as printed, after the section: "mục II dòng 3".
_ROW_WORDS = (("dong",), ("hang",), ("dong", "thu"), ("hang", "thu"))
# A lettered item (điểm) as documents number it: "a" to "y", "đ" after "d".
_LETTER = re.compile(r"[a-yđ]")
_FUSED = re.compile(r"(\d{1,2})([a-yđ])(\d{1,2})?")  # "7b", "4a", "3d4"
_LETTER_FIRST = re.compile(r"([a-yđ])(\d{1,2})")  # "nv d3": dashed item 3 of a point d
# Words before an item's letter ("điểm d", "ý b", "mục II.2 việc b") and before the number
# of the part that holds it ("mục 1", "khoản 2"); "khoản 3" alone is point 3 of a plan of
# points.
_LETTER_WORDS = (("diem",), ("y",), ("khoan",), ("viec",))
# Nouns of tasks a number counts ("1 việc", "2 nhiệm vụ").
_COUNTED_BY_NUMBER = frozenset({"viec", "nv", "nhiem", "dau", "cai"})
# A word of a title, or two neighbours as written.
_TitleKey = str | tuple[str, str]
# "thứ nhất", "thứ hai" ...: the dashed item said by its place.
_ORDINALS = {
    w: str(n)
    for n, w in enumerate(("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin"), 1)
}
# Words before the number of a dashed item under a point ("ý 2 điểm a", "ý thứ 2").
_DASH_WORDS = (("y",), ("gach", "dau", "dong"), ("gach",))
_PART_WORDS = (("linh", "vuc"), ("muc",), ("khoan",), ("phan",), ("nhom",), ("diem",))
_ACTIVITY_WORDS = (("hoat", "dong"), ("hd",), ("dong",))
# Words before a numbered point of a section ("mục 4 điểm 1").
_POINT_WORDS = (("diem",), ("khoan",))
# An item of a text ("ý 3 phần I"), as cited before the section it is in.
_ITEM_WORDS = (("y",), ("tiet",))
_STRUCTURE_WORDS = frozenset(
    w
    for heads in (_LETTER_WORDS, _DASH_WORDS, _PART_WORDS, _ACTIVITY_WORDS, _POINT_WORDS)
    for head in heads
    for w in head
    if len(w) > 1
)
# Places numbered as tasks are ("phòng họp số 2", "tầng số 3", "xe số 1"): no task.
_PLACES = frozenset({"phong", "hop", "tang", "xe", "nha"})
_ROOMS = frozenset((place, "so") for place in _PLACES)
_OR = (["hay"], ["hoac"], ["voi"], ["va"])
# A task's head typed joined to its number: "nv1", "stt5".
_FUSED_HEAD = re.compile(r"([a-z]{2,4})(\d{1,3})")
# A task named by its place in the list after its head, "việc thứ 6", "nhiệm vụ thứ bảy",
# the ordinal in figures or in words; not a weekday ("việc thứ 2 tuần sau").
_ORDINALS = dict(
    zip(
        ("nhat", "hai", "ba", "tu", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"),
        ("1", "2", "3", "4", "4", "5", "6", "7", "8", "9", "10"),
        strict=True,
    )
)
_WEEK_WORDS = frozenset({"tuan", "nay", "toi", "sau", "truoc", "vua", "qua"})
# A task's place in a list said in words ("dòng đầu tiên", "nhiệm vụ cuối cùng"), the words
# that say which list, and the list itself ("của bảng phụ lục").
_FIRST = frozenset({("dau", "tien"), ("thu", "nhat")})
_PLACES_IN_LIST = (*_FIRST, ("cuoi", "cung"), ("cuoi",))
_OF_THE_LIST = (("cua",), ("trong",), ("o",), ("thuoc",))
_LISTS = (
    *(("bang", "phu", "luc"), ("bang", "phan", "cong"), ("bang",), ("phu", "luc")),
    *(("danh", "muc"), ("danh", "sach"), ("chi", "thi")),
    # ... or the plan's ("nhiệm vụ đầu tiên của kế hoạch").
    *(("ke", "hoach"), ("kh",)),
)
# A title match must cover this share of the question's words (weighted by rarity) ...
TITLE_COVER = 0.6
TITLE_CHOICES = 5
# Tasks scored in full, of those holding the most of the question's words.
TITLE_CANDIDATES = 24
# The share of a title score that comes from pairs of words found together ...
PAIRED = 0.4
# ... and from the task's own title, the name people know it by.
IN_TITLE = 0.2
# ... (or from the opening words of one of its activity rows, this many) ...
ROW_OPENING = 8
# ... and hold words rare enough to name a task (two rare words, or several common ones).
TITLE_RARITY = 3.0


@dataclass(frozen=True)
class TaskMention:
    """Words ``[start, end)`` naming one task, or several (best first) when unsure."""

    start: int
    end: int
    refs: tuple[TaskRef, ...]
    scores: tuple[float, ...]
    known: bool = True  # False: the plan has no task of that number


class Tasks:
    """A plan's tasks, by number and by the words of their titles."""

    def __init__(
        self,
        vocabulary: PlanVocabulary,
        spell: Callable[[str], Sequence[Word]],
        lexicon: Lexicon,
    ) -> None:
        self._by_ref: dict[tuple[str | None, str], TaskEntry] = {
            (t.section, t.number): t for t in vocabulary.tasks
        }
        # Every deadline the plan set, by day, with its task's place in the plan: a window's
        # tasks are a slice of it, not a pass over thousands of tasks.
        entries = list(self._by_ref.values())
        self._dues = sorted((due, n) for n, t in enumerate(entries) for due in t.dues)
        self._refs = [TaskRef(t.section, t.number) for t in entries]
        self._sections = {s.code.lower(): s.code for s in vocabulary.sections}
        self._sections.update(
            {(t.section or "").lower(): t.section or "" for t in vocabulary.tasks}
        )
        self._unheaded = _unheaded_codes(vocabulary.tasks)
        # The tasks each agency leads, and those it supports, in the plan's order.
        self._assigned: dict[tuple[str, bool], dict[TaskRef, None]] = {}
        for t in vocabulary.tasks:
            ref = TaskRef(t.section, t.number)
            for supports, agencies in ((False, t.leads), (True, t.supports)):
                for agency in agencies:
                    self._assigned.setdefault((agency, supports), {})[ref] = None
        # Each pair of neighbouring words of the sections' titles, spelled.
        self._section_pairs = {
            pair for s in vocabulary.sections for pair in pairwise(w.text for w in spell(s.title))
        }
        # The parts above what holds tasks: "II" over II.1 and II.2, a directive's point 2
        # over 2.a and 2.b.
        held = {t.section for t in vocabulary.tasks}
        self._parts = {s.code for s in vocabulary.sections if s.code not in held}
        # Tasks by their number alone ("1.1" of several sections, "2.đ"), as written and
        # folded ("2.d" typed without diacritics).
        self._numbered: dict[str, list[TaskEntry]] = {}
        self._folded: dict[str, list[TaskEntry]] = {}
        for task in vocabulary.tasks:
            self._numbered.setdefault(task.number.lower(), []).append(task)
            self._folded.setdefault(fold(task.number), []).append(task)
        # Each task's whole number as a person writes it ("II.2.b"), in its parts: a plan
        # that makes its numbered parts sections ("II.2", item "b") is read like one that
        # numbers the item "2.b" of section II.
        self._labels = [
            (tuple(".".join(p for p in (t.section, t.number) if p).lower().split(".")), t)
            for t in vocabulary.tasks
        ]
        # A plan with lettered points (điểm "a"), items themselves or holding the dashed
        # items a plan numbers under them ("3.a.4").
        self._lettered = any(
            _LETTER.fullmatch(part) for label, _ in self._labels for part in label[1:]
        )
        self._tops = {label[0] for label, _ in self._labels if len(label) > 1}
        self._heads = sorted(lexicon.task_heads, key=len, reverse=True)
        self._filler = lexicon.filler
        self._texts: list[_TaskText] = []
        # The first words of each task's title ("báo cáo" of a report to send).
        self._openings: dict[TaskRef, tuple[str, ...]] = {}
        # The titles of a task's activity rows other than the one that is its own title.
        self._rows: dict[int, list[tuple[int, _Words]]] = {}
        self._text_of: dict[int, _Words] = {}
        self._index_of: dict[int, int] = {}
        counts: Counter[str] = Counter()
        # Which tasks hold a word, to score only those a question can mean.
        self._holding: dict[str, list[int]] = {}
        # Which tasks' titles hold a word, or a pair of neighbours as written.
        titled: dict[_TitleKey, set[int]] = {}
        for n, task in enumerate(vocabulary.tasks):
            spelled = spell(task.title)
            self._openings[TaskRef(task.section, task.number)] = tuple(w.text for w in spelled[:4])
            title = self._text(spelled)
            text = self._text([*spelled, *spell(task.words)])
            openings = tuple(self._text(spell(" ".join(_opening(row)))) for row in task.rows)
            self._texts.append(_TaskText(task, text, title, openings))
            self._text_of[id(task)] = text
            self._index_of[id(task)] = n
            if len(task.rows) > 1 and len(task.rows) == len(task.activities):
                self._rows[id(task)] = [
                    (activity, self._text(spell(row)))
                    for activity, row in zip(task.activities, task.rows, strict=True)
                    if row != task.title
                ]
            counts.update(text.held.keys())
            for word in text.held:
                self._holding.setdefault(word, []).append(n)
            keys: list[_TitleKey] = [*title.held, *title.written]
            for key in keys:
                titled.setdefault(key, set()).add(n)
        # ... as index arrays, to weigh a thousand tasks at once, and as sets, to meet.
        self._holding_at = {w: np.array(ns, dtype=np.intp) for w, ns in self._holding.items()}
        self._held_by = {w: frozenset(ns) for w, ns in self._holding.items()}
        self._titled = {key: frozenset(ns) for key, ns in titled.items()}
        # Every pair of neighbours any task's text holds as written.
        self._written = frozenset().union(*(t.text.written for t in self._texts))
        total = max(len(self._texts), 1)
        # Rare words say more about which task is meant ("QPPL" more than "kiểm tra").
        self._rarity = {w: math.log(1 + total / n) for w, n in counts.items()}
        self._unknown_rarity = math.log(1 + total)
        # ... and the words that number a task's parts ("gạch", "dòng"), which no slip mends.
        self.syllables = frozenset(counts) | _STRUCTURE_WORDS

    def _text(self, words: Sequence[Word]) -> _Words:
        kept = [
            Word(part, w.start, w.end, w.marks)
            for w in words
            if not self._filler(w.text, w.marks)
            for part in _apart(w.text)
        ]
        held: dict[str, set[str | None]] = {}
        for word in kept:
            held.setdefault(word.text, set()).add(word.marks)
        pairs = frozenset(zip((w.text for w in kept), (w.text for w in kept[1:]), strict=False))
        every = [part for w in words for part in _apart(w.text)]
        return _Words(held, pairs, frozenset(zip(every, every[1:], strict=False)))

    @property
    def empty(self) -> bool:
        return not self._by_ref

    def due_between(self, start: date, end: date) -> list[TaskRef]:
        """The tasks the plan set a deadline from ``start`` to ``end``, in its order."""
        first = bisect_left(self._dues, (start, -1))
        last = bisect_right(self._dues, (end, len(self._refs)))
        return [self._refs[n] for n in sorted({n for _, n in self._dues[first:last]})]

    def due_on(self, ref: TaskRef, day: date) -> bool:
        """Whether the plan set task ``ref`` a deadline on ``day``."""
        task = self._by_ref.get((ref.section, ref.number))
        return task is not None and day in task.dues

    def rows_due(self, ref: TaskRef, windows: Sequence[tuple[date, date]]) -> list[TaskRef]:
        """Task ``ref`` named by a deadline in ``windows``: the activity rows due then where
        only some of its rows are ("việc hạn 30/6" of a task whose first row is due 30/6 and
        its second 31/12), else the task."""
        task = self._by_ref.get((ref.section, ref.number))
        if task is None or len(task.row_dues) != len(task.activities):
            return [ref]
        rows = [
            TaskRef(ref.section, ref.number, activity)
            for activity, dues in zip(task.activities, task.row_dues, strict=True)
            if any(start <= d <= end for d in dues for start, end in windows)
        ]
        return rows if 0 < len(rows) < len(task.activities) else [ref]

    # -------------------------------------------------------------------- by number

    def find_numbered(
        self,
        words: Sequence[str],
        typed: Sequence[str] | None = None,
        joined: Sequence[bool] | None = None,
    ) -> list[TaskMention]:
        """Tasks named by number. ``typed``: each word as typed, lower case ("đ", "e" where
        the words read "d", "em"); ``joined``: whether a word was typed joined to the next by
        a dot or a dash ("1.a")."""
        typed = typed if typed is not None else words
        joined = joined if joined is not None else [False] * len(words)
        return scan(len(words), lambda i: self._numbered_at(words, typed, joined, i))

    def _numbered_at(
        self, words: Sequence[str], typed: Sequence[str], joined: Sequence[bool], i: int
    ) -> TaskMention | None:
        if words[i] == "so" and i > 0 and words[i - 1] in _PLACES:
            return None  # "phòng họp số 2 còn trống không": a room, no task
        if words[i] == "so" and words[i - 1 : i] in _OR and tuple(words[i - 4 : i - 2]) in _ROOMS:
            return None  # "phòng họp số 2 hay số 3": rooms both
        fused = _FUSED_HEAD.fullmatch(words[i])
        if fused and (fused[1],) in self._heads:
            return self._by_number(words, i, i + 1, fused[2])  # "nv1", "stt5"
        cited = self._cited_at(words, i) or self._placed_at(words, i)
        if cited is not None:
            return cited
        if (
            (words[i],) in _ROW_WORDS
            and i + 2 < len(words)
            and words[i + 1].isdigit()
            and (m := _DOTTED.fullmatch(words[i + 2])) is not None
            and (task := self._in_section(m.group(1), m.group(2))) is not None
            and not m.group(3)
        ):
            return self._mention(i, i + 3, task, int(words[i + 1]))  # "dòng 1 II.1": its row
        if (
            (words[i],) in _ROW_WORDS
            and i + 1 < len(words)
            and words[i + 1].isdigit()
            and words[i + 2 : i + 3] != ["cua"]
            and not self._head_at(words, i + 2)
        ):
            return self._by_number(words, i, i + 2, words[i + 1])  # "dòng 3" of the table
        if self._lettered:
            lettered = self._lettered_at(words, typed, joined, i)
            if lettered is not None:
                return lettered
        head = self._head_at(words, i)
        j = i + head
        whole = self._whole_number_at(words, i, j)
        if whole is not None:
            return whole
        m = _DOTTED.fullmatch(words[j]) if j < len(words) else None
        if m:
            row = self._row_in_section_after(words, j, m)
            if row is not None:
                return row
            task = self._in_section(m.group(1), m.group(2))
            unheaded = self._by_ref.get((None, m.group(1)))
            if task is None and unheaded is not None and int(m.group(2)) in unheaded.activities:
                # "nv 4.1" of a plan whose task 4, under no section, has rows 4.1 and 4.2
                return self._mention(i, j + 1, unheaded, int(m.group(2)))
            if task is None and self._section_code(words[j]):
                # "mục II.5", "mục 2.5": a section of a plan that numbers them so; said as a
                # task ("nv II.1"), its tasks, asking which.
                named = head and not self._section_word_at(words, i)
                return self._items_of_section(i, j, words[j]) if named else None
            if task is None:
                return self._missing(i, j, m, head)
            end = j + 1
            activity = int(m.group(3)) if m.group(3) else None
            if activity is None:
                activity, end = self._activity_after(words, end)
            return self._mention(i, end, task, activity)
        if not head and not self._section_word_at(words, i):
            return None
        # "mục II nhiệm vụ 3"
        section_first = self._section_word_at(words, i)
        if section_first:
            k = i + section_first + 1
            code = words[k - 1] if k - 1 < len(words) else ""
            section = self._section(code) if code else None
            # "mục 4 điểm 1": a point of a section is its task, where the point is a number.
            point = self._word_at(_POINT_WORDS + _ITEM_WORDS + _ROW_WORDS, words, k)
            pointed = section or code in self._unheaded
            head = self._head_at(words, k) or (
                point if pointed and k + point < len(words) and words[k + point].isdigit() else 0
            )
            later = self._section_word_at(words, k)
            if not head and later and k + later < len(words):
                # "mục 2 phần VI": task 2 of the section named after it
                task = self._in_section(words[k + later], code)
                if task is not None:
                    return self._mention(i, k + later + 1, task, None)
            if section is None and not head and code and self._points(code):
                # "mục 6", "khoản 2" of a plan with no such section: its numbered point; a
                # point with items under it ("2.a", "2.b") is a part, asked of as a whole.
                return None if code in self._parts else self._by_number(words, i, k, code)
            if (section is None and code not in self._unheaded) or not head:
                return None
            if k + head >= len(words):
                return None
            task = self._in_section(code, words[k + head])
            if task is None:
                return None
            activity, end = self._activity_after(words, k + head + 1)
            return self._mention(i, end, task, activity)
        # "nhiệm vụ 3", "việc số 7 mục V", "việc thứ 6", "nhiệm vụ thứ bảy"
        said = _number_at(words, j)
        if said is None or YEAR.fullmatch(said[0]):
            return None  # "trong việc 2025 chỉ số CCHC ...": a year, no task's number
        return self._by_number(words, i, j + said[1], said[0])

    def _cited_at(self, words: Sequence[str], i: int) -> TaskMention | None:
        """ "dòng 2 mục III", "điểm 2 mục I", "ý 3 phần I": a task cited as a document cites
        a place in its text, by its number within the section named after it."""
        point = self._word_at(_POINT_WORDS + _ROW_WORDS + _ITEM_WORDS, words, i)
        k = i + point + 1
        if not point or k > len(words) or not words[k - 1].isdigit():
            return None
        later = self._section_word_at(words, k)
        if not later or k + later >= len(words):
            return None
        task = self._in_section(words[k + later], words[k - 1])
        return None if task is None else self._mention(i, k + later + 1, task, None)

    def _placed_at(self, words: Sequence[str], i: int) -> TaskMention | None:
        """ "dòng đầu tiên", "nhiệm vụ cuối cùng trong bảng phụ lục", "dòng thứ 3 của bảng",
        "việc cuối cùng mục III": a task by its place in the plan's list, or in a section's."""
        head = self._word_at(_ROW_WORDS, words, i) or self._head_at(words, i)
        if not head:
            return None
        k = i + head
        place = next((p for p in _PLACES_IN_LIST if tuple(words[k : k + len(p)]) == p), None)
        # "dòng thứ 3" (a bare "dòng 3" is its number, read after)
        rowed = place is None and (words[i],) in _ROW_WORDS and words[k : k + 1] == ["thu"]
        said = _number_at(words, k) if rowed else None
        if place is None and said is None:
            return None
        k += len(place) if place is not None else said[1] if said is not None else 0
        of = self._word_at(_OF_THE_LIST, words, k)
        listed = self._word_at(_LISTS, words, k + of)
        if listed and words[k + of + listed - 1] in ("hoach", "kh"):
            after = words[k + of + listed : k + of + listed + 1]
            if after and (words[k + of + listed - 1], after[0]) in self._written:
                listed = 0  # "việc đầu tiên của kế hoạch kiểm tra": a task's document
        later = self._section_word_at(words, k + of + listed)
        if place == ("cuoi",) and not (listed or later):
            return None  # "việc cuối năm": a time; "việc cuối mục IV", "việc cuối bảng": a place
        if of and not (listed or later):
            if said is not None or k + of >= len(words) or not words[k + of].isalpha():
                return None  # "dòng đầu tiên của II.1": a task's row, not the plan's first
            # "việc đầu tiên thuộc cải cách thể chế"
            return self._ends_of_sections(words, i, k + of, place)
        k += of + listed
        tasks = list(self._by_ref.values())
        if later and k + later < len(words):
            section = self._section(words[k + later])
            if section is None and words[k + later] not in self._unheaded:
                return self._ends_of_sections(words, i, k + later, place) if said is None else None
            # ("việc cuối mục II" of a plan whose tasks all sit under its heading II)
            tasks = [t for t in tasks if t.section == section]
            k += later + 1
        if said is not None:
            number = int(said[0])
            task = tasks[number - 1] if 0 < number <= len(tasks) else None
        else:
            task = tasks[0 if place in _FIRST else -1] if tasks else None
        return None if task is None else self._mention(i, k, task, None)

    def _ends_of_sections(
        self, words: Sequence[str], i: int, k: int, place: tuple[str, ...] | None
    ) -> TaskMention | None:
        """ "việc đầu tiên thuộc cải cách thể chế": the first (or last) task of a section
        named by its title from word ``k``; of each section, for the title to tell which."""
        if tuple(words[k : k + 2]) not in self._section_pairs:
            return None  # "việc đầu tiên của sở tư pháp": no section's title
        ends: dict[str | None, TaskEntry] = {}
        for t in self._by_ref.values():
            if place in _FIRST:
                ends.setdefault(t.section, t)
            else:
                ends[t.section] = t
        refs = tuple(TaskRef(t.section, t.number) for t in ends.values())
        return TaskMention(i, k, refs, tuple(1.0 for _ in refs)) if len(refs) > 1 else None

    def items_of_part(self, code: str) -> tuple[TaskRef, ...]:
        """The items of a directive's point ``code`` ("2.a", "2.b" of 2), where it is a part."""
        if code not in self._parts:
            return ()
        return tuple(TaskRef(s, n) for s, n in self._by_ref if s is None and _item_of(n, code))

    def _items_of_section(self, i: int, j: int, code: str) -> TaskMention | None:
        """The tasks of section ``code`` named as one task by words ``[i, j]``, where it has a
        few ("nv II.1" of a ward's field II.1 with duties a and b)."""
        section = self._section(code)
        refs = tuple(TaskRef(s, n) for (s, n) in self._by_ref if section and s == section)
        if not 1 < len(refs) <= _ITEMS_ASKED:
            return None
        return TaskMention(i, j + 1, refs, tuple(1.0 for _ in refs))

    def _by_number(self, words: Sequence[str], i: int, end: int, number: str) -> TaskMention:
        """Task ``number`` named by words ``[i, end)``, of the section named after it ("mục
        V"), else of every section that has one."""
        if number.isdigit() and not any(n == number for _, n in self._by_ref):
            number = str(int(number))  # "nv 01": task 1, where no task is numbered "01"
        after = self._section_word_at(words, end)
        if after and end + after < len(words):
            section = self._section(words[end + after])
            task = self._in_section(words[end + after], number)
            if task is not None:
                activity, stop = self._activity_after(words, end + after + 1)
                return self._mention(i, stop, task, activity)
            if section is not None:
                # "nhiệm vụ 5 phần II" of a plan whose section II has no task 5: say so.
                ref = TaskRef(section, number)
                return TaskMention(i, end + after + 1, (ref,), (1.0,), known=False)
        candidates = [t for (s, n), t in self._by_ref.items() if n == number]
        if not candidates:
            # A point whose items the plan numbers under it ("2.a", "2.b"; "4.1"): its number
            # names its items, one of them that task, several asking which.
            candidates = [t for (s, n), t in self._by_ref.items() if _item_of(n, number)]
        if not candidates:
            # "nhiệm vụ 99": a task the plan does not have; the answer says so.
            return TaskMention(i, end, (TaskRef(None, number),), (1.0,), known=False)
        refs = tuple(TaskRef(t.section, t.number) for t in candidates)
        return TaskMention(i, end, refs, tuple(1.0 for _ in refs))

    def _row_in_section_after(
        self, words: Sequence[str], j: int, m: re.Match[str]
    ) -> TaskMention | None:
        """ "nhiệm vụ 1.3 mục II": row 3 of task 1 of the section named after the number."""
        after = self._section_word_at(words, j + 1)
        if m.group(3) or not after or j + 1 + after >= len(words) or not m.group(1).isdigit():
            return None
        task = self._in_section(words[j + 1 + after], m.group(1))
        row = int(m.group(2))
        if task is None or row not in task.activities:
            return None
        return self._mention(j, j + 2 + after, task, row)

    def _whole_number_at(self, words: Sequence[str], i: int, j: int) -> TaskMention | None:
        """A dotted number that is a task's whole number in a plan that numbers tasks "1.1"
        under groups: "I.1.1" (section I, task 1.1), "2.3 mục I", and "1.1" alone, which
        every section with a task 1.1 may mean (and section I's task 1, where there is one)."""
        if j >= len(words) or not _DOTTED.fullmatch(words[j]):
            return None
        first, _, rest = _DOTS.sub(".", words[j]).partition(".")
        after = self._section_word_at(words, j + 1)
        if after and j + 1 + after < len(words):
            section = self._section(words[j + 1 + after])
            task = self._by_ref.get((section, words[j])) if section else None
            if task is not None:
                return self._mention(i, j + 2 + after, task, None)
        section = self._section(first)
        task = self._by_ref.get((section, rest)) if section else None
        if task is not None and "." in rest:
            return self._mention(i, j + 1, task, None)
        if not first.isdigit():
            return None
        tasks = self._numbered.get(words[j], [])
        if not tasks:
            return None
        led = [task] if task is not None else []
        if task is None and section is not None and "." not in rest:
            # "2.3": task 3 of section II, when the plan has it, before every task 2.3.
            led = [t for t in (self._by_ref.get((section, rest)),) if t is not None]
        refs = tuple(TaskRef(t.section, t.number) for t in (*led, *tasks))
        return TaskMention(i, j + 1, refs, tuple(1.0 for _ in refs))

    def _lettered_at(
        self, words: Sequence[str], typed: Sequence[str], joined: Sequence[bool], i: int
    ) -> TaskMention | None:
        """A lettered item of a prose plan: "nv 1.a", "II.2.b", "7b", "mục 1 điểm d",
        "điểm đ mục 3", and "điểm c" alone (of every part that has one)."""
        head = self._head_at(words, i)
        j = i + head
        if j >= len(words):
            return None
        # "ý 2 điểm a mục 3": the second dashed item of point a of part 3.
        dash, j = self._dash_before(words, j)
        if dash is None and head:
            # "việc số 5 điểm a mục 3": the fifth dashed item of point a of part 3.
            numbered = self._numbered_point(words, typed, i, j)
            if numbered is not None:
                return numbered
        letter_word = self._word_at(_LETTER_WORDS, words, j) if j < len(words) else 0
        if not letter_word and j < len(words) and words[j] == "muc" and self._letter(typed, j + 1):
            letter_word = 1  # "mục b khoản 1 phần II": a point's letter after "mục"
        # "nhiệm vụ c mục 4 phần II": a point's letter right after a task's head, then its part.
        bare = (
            not letter_word
            and head > 0
            and self._letter(typed, j) is not None
            and self._part_after(words, j + 1)[1] is not None
        )
        if letter_word or bare:
            # "điểm d", "điểm đ mục 3"
            letter, end = self._letter(typed, j + letter_word), j + letter_word + 1
            if letter is None:
                return self._point_then_letter(words, typed, joined, i, j + letter_word)
            top, part, end = self._part_after(words, end)
            if part is not None and top is None:
                top, end = self._top_after(words, end)  # "điểm b khoản 1 phần II"
            if dash is None:
                dash, end = self._dash_before(words, end)  # "điểm a mục 4 gạch thứ 2"
            return self._item(i, end, top, part, letter, dash)
        if dash is not None and j + 1 < len(words) and words[j].isdigit() and joined[j]:
            letter = self._letter(typed, j + 1)  # "gạch 1 2.b": the first dash of point 2.b
            return self._item(i, j + 2, None, words[j], letter, dash) if letter else None
        if dash is not None or j >= len(words):
            return None
        section = None
        if j + 1 < len(words) and joined[j] and not words[j].isdigit():
            section = words[j] if words[j] in self._tops else None  # "II.2.b"
            if section is not None:
                j += 1
        elif (j + 2 < len(words) and joined[j] and joined[j + 1] and words[j + 1].isdigit()) or (
            j + 1 < len(words)
            and joined[j]
            and words[j].isdigit()
            and _FUSED.fullmatch(typed[j + 1])
        ):
            section = _roman(words[j])  # "2.1.b", "2.1b": section II's
            if section not in self._tops:
                section = None
            else:
                j += 1
        top, part = self._top_and_part(words[j]) if section is None else (None, None)
        letter_word = self._word_at(_LETTER_WORDS, words, j + 1) if top else 0
        if letter_word:
            # "mục II.2 điểm a", "mục II.3 điểm a gạch thứ 6"
            letter = self._letter(typed, j + 1 + letter_word)
            dash, end = self._dash_before(words, j + 2 + letter_word)
            return self._item(i, end, top, part, letter, dash) if letter else None
        fused = _FUSED.fullmatch(typed[j])
        if fused:
            dash, end = (fused[3], j + 1) if fused[3] else self._dash_after(words, joined, j + 1)
            return self._item(i, end, section, fused[1], fused[2], dash)
        fused = _LETTER_FIRST.fullmatch(typed[j]) if head and section is None else None
        if fused:
            return self._item(i, j + 1, None, None, fused[1], fused[2])
        if head and section is None and joined[j] and j + 1 < len(words) and words[j + 1].isdigit():
            letter = self._letter(typed, j)  # "nv d.3", as "nv d3"
            if letter is not None:
                return self._item(i, j + 2, None, None, letter, words[j + 1])
        if not words[j].isdigit() or j + 1 >= len(words):
            return None
        letter_word = self._word_at(_LETTER_WORDS, words, j + 1)
        if letter_word:
            # "mục 1 điểm d", "mục 4 điểm a gạch đầu dòng thứ 2"
            letter = self._letter(typed, j + 1 + letter_word)
            dash, end = self._dash_before(words, j + 2 + letter_word)
        elif joined[j] or head:
            letter, end = self._letter(typed, j + 1), j + 2
            dash, end = self._dash_after(words, joined, end)  # "3.a.4"
            if dash is None and letter:
                # "II.2.a ý thứ 2": a dashed item said after its point, where it has one
                said, after = self._dash_before(words, end)
                item = self._item(i, after, section, words[j], letter, said) if said else None
                if item is not None:
                    return item
        else:
            return None
        return self._item(i, end, section, words[j], letter, dash) if letter else None

    def _numbered_point(
        self, words: Sequence[str], typed: Sequence[str], i: int, j: int
    ) -> TaskMention | None:
        """A number said after a task's head, then a point's letter and its part: the
        number is the dashed item's ("việc số 5 điểm a mục 3")."""
        if j + 1 >= len(words) or not words[j].isdigit():
            return None
        letter_word = self._word_at(_LETTER_WORDS, words, j + 1)
        letter = self._letter(typed, j + 1 + letter_word) if letter_word else None
        if letter is None:
            return None
        top, part, end = self._part_after(words, j + 2 + letter_word)
        if part is None:
            return None
        return self._item(i, end, top, part, letter, words[j])

    def _point_then_letter(
        self, words: Sequence[str], typed: Sequence[str], joined: Sequence[bool], i: int, k: int
    ) -> TaskMention | None:
        """ "điểm 2 khoản a", "điểm 1 mục b": item a of point 2, the words the other way
        round; "điểm 4" alone, point 4 of a plan of points."""
        number = words[k] if k < len(words) else ""
        if not self._points(number):
            return None
        after = self._word_at((*_LETTER_WORDS, ("khoan",), ("muc",)), words, k + 1)
        # "điểm 2 khoản a", "điểm 2.b"
        letter = self._letter(typed, k + 1 + after) if after or joined[k] else None
        item = self._item(i, k + 2 + after, None, number, letter) if letter else None
        return item or self._by_number(words, i, k + 1, number)

    def _dash_before(self, words: Sequence[str], j: int) -> tuple[str | None, int]:
        """ "ý 2", "ý thứ 2" before a point's letter, or "gạch 2" after its part: the number
        of a dashed item under it."""
        n = self._word_at(_DASH_WORDS, words, j)
        ordinal = n and j + n + 1 < len(words) and words[j + n] == "thu"
        if ordinal and words[j + n + 1] in _ORDINALS:
            return _ORDINALS[words[j + n + 1]], j + n + 2  # "gạch đầu dòng thứ nhất"
        if ordinal:
            n += 1
        if n and j + n < len(words) and words[j + n].isdigit():
            return words[j + n], j + n + 1
        return None, j

    @staticmethod
    def _dash_after(
        words: Sequence[str], joined: Sequence[bool], end: int
    ) -> tuple[str | None, int]:
        """ "3.a.4": the number of a dashed item typed joined after its point's letter."""
        if 0 < end < len(words) and joined[end - 1] and words[end].isdigit():
            return words[end], end + 1
        return None, end

    def _item(
        self,
        i: int,
        end: int,
        section: str | None,
        part: str | None,
        letter: str,
        dash: str | None = None,
    ) -> TaskMention | None:
        """The tasks lettered ``letter`` (in part ``part`` of the top section ``section``,
        "ii", where given), or dashed item ``dash`` under that point. A point that is no
        task but holds dashed items ("3.a" over 3.a.1 to 3.a.6) means each of them."""

        def of(spelt: Callable[[str], str], letter: str, under: bool) -> list[TaskEntry]:
            found = []
            for label, t in self._labels:
                point = label[:-1] if under or dash is not None else label
                if dash is not None and label[-1] != dash:
                    continue
                if (
                    len(point) > 1
                    and spelt(point[-1]) == letter
                    and (part is None or point[-2:-1] == (part,))
                    and (section is None or label[0] == section)
                ):
                    found.append(t)
            return found

        tasks = of(str, letter, False) or of(fold, fold(letter), False)
        if not tasks and dash is None:
            tasks = of(str, letter, True) or of(fold, fold(letter), True)
        if not tasks:
            return None
        refs = tuple(TaskRef(t.section, t.number) for t in tasks)
        return TaskMention(i, end, refs, tuple(1.0 for _ in refs))

    @staticmethod
    def _letter(typed: Sequence[str], k: int) -> str | None:
        return typed[k] if k < len(typed) and _LETTER.fullmatch(typed[k]) else None

    def _part_after(self, words: Sequence[str], k: int) -> tuple[str | None, str | None, int]:
        """ "mục 3", "mục II.2" after an item's letter: the top section (where said), the
        part's number, and where the words end."""
        n = self._word_at(_PART_WORDS, words, k)
        if n and k + n < len(words):
            top, part = self._top_and_part(words[k + n])
            if part is not None:
                return top, part, k + n + 1
        return None, None, k

    def _top_after(self, words: Sequence[str], k: int) -> tuple[str | None, int]:
        """ "phần II", "mục II" after a part: the top section that holds it."""
        n = self._word_at(_SECTION_WORDS, words, k)
        top = words[k + n] if n and k + n < len(words) else None
        return (top, k + n + 1) if top in self._tops else (None, k)

    def _top_and_part(self, word: str) -> tuple[str | None, str | None]:
        """ "3": part 3; "ii.2", "2.2": part 2 of the top section II."""
        if word.isdigit():
            return None, word
        m = _DOTTED.fullmatch(word)
        if m is None or m.group(3):
            return None, None
        top = m.group(1) if not m.group(1).isdigit() else _roman(m.group(1))
        return (top, m.group(2)) if top in self._tops else (None, None)

    @staticmethod
    def _word_at(heads: Sequence[tuple[str, ...]], words: Sequence[str], i: int) -> int:
        for head in heads:
            if tuple(words[i : i + len(head)]) == head:
                return len(head)
        return 0

    def _missing(self, i: int, j: int, m: re.Match[str], head: int) -> TaskMention | None:
        """ "nv VIII.2": a task number the plan does not have, when it surely is one (after
        "nhiệm vụ", or with a Roman section); "2.5" alone may be anything."""
        code = m.group(1)
        if not head and code.isdigit():
            return None
        section = code.upper() if not code.isdigit() else _ROMAN[int(code) - 1].upper()
        if code.isdigit() and not 0 < int(code) <= len(_ROMAN):
            return None
        activity = int(m.group(3)) if m.group(3) else None
        ref = TaskRef(section, m.group(2), activity)
        return TaskMention(i, j + 1, (ref,), (1.0,), known=False)

    def _mention(self, i: int, end: int, task: TaskEntry, activity: int | None) -> TaskMention:
        if activity is not None and activity not in task.activities:
            activity = None
        if activity is not None and task.activities == (activity,):
            activity = None  # the task's only row is the task
        return TaskMention(i, end, (TaskRef(task.section, task.number, activity),), (1.0,))

    def _head_at(self, words: Sequence[str], i: int) -> int:
        for head in self._heads:
            if tuple(words[i : i + len(head)]) == head:
                if head == ("so",) and i > 0 and words[i - 1] == "chi":
                    continue  # "chỉ số 2018": an index, no task's number
                if head == ("so",) and i > 0 and words[i - 1 : i + 2] == ["doi", "so", "thu"]:
                    continue  # "về chuyển đổi số thứ 6": digital, on Friday
                return len(head)
        return 0

    def _section_word_at(self, words: Sequence[str], i: int) -> int:
        for head in _SECTION_WORDS:
            if tuple(words[i : i + len(head)]) == head:
                return len(head)
        return 0

    def _activity_after(self, words: Sequence[str], i: int) -> tuple[int | None, int]:
        for head in _ACTIVITY_WORDS:
            j = i + len(head)
            if tuple(words[i:j]) != head:
                continue
            said = _number_at(words, j)  # "dòng 2", "dòng thứ hai"
            if said is not None:
                return int(said[0]), j + said[1]
        return None, i

    def _points(self, number: str) -> bool:
        """Whether tasks of no section are numbered ``number`` or as its items ("2.a")."""
        return number.isdigit() and any(
            s is None and (n == number or _item_of(n, number)) for s, n in self._by_ref
        )

    def _in_section(self, code: str, number: str) -> TaskEntry | None:
        """Task ``number`` of the section coded ``code`` ("ii", "2"), or of the tasks under no
        section where the code is the heading the plan's document gives them."""
        section = self._section(code)
        if section:
            task = self._by_ref.get((section, number))
            if task is None and number.isdigit():
                # "việc số 2 phần 7" of a part whose tasks are lettered (a, b, c): its second
                listed = [t for (s, _), t in self._by_ref.items() if s == section]
                n = int(number)
                if all(_LETTER.fullmatch(t.number) for t in listed) and 0 < n <= len(listed):
                    task = listed[n - 1]
            return task
        if code in self._unheaded:
            return self._by_ref.get((None, number))
        return None

    def _section_code(self, code: str) -> bool:
        """Whether ``code`` ("ii.5", "2.5") is the code of a section of the plan."""
        first, _, rest = code.partition(".")
        return code in self._sections or f"{_roman(first)}.{rest}" in self._sections

    def _section(self, code: str) -> str | None:
        """The section ``code`` names ("ii", "2"; "2.1" of a plan with a section II.1)."""
        first, dot, rest = code.partition(".")
        roman = _roman(first) if first.isdigit() else first
        found = self._sections.get(f"{roman}{dot}{rest}") if roman else None
        if found is None and code.isdigit():
            # "phần 7" of a plan whose parts are numbered under one heading (II.7)
            parts = [s for k, s in self._sections.items() if k.rpartition(".")[2] == code]
            found = parts[0] if len(parts) == 1 else None
        return found

    # --------------------------------------------------------------------- by title

    def find_titled(
        self,
        words: Sequence[str],
        marks: Sequence[str | None],
        cover: float = TITLE_COVER,
        within: Sequence[int] | None = None,
    ) -> list[tuple[TaskRef, float]]:
        """The tasks whose title and activities hold the question's words, best first
        (of the tasks ``within``, as ``likeliest`` gives them, where given).

        A score weighs the question's words found in the task by their rarity, and its
        pairs of neighbouring words found together ("tuyển dụng", not "tuyên truyền" and
        "xây dựng"); a word typed with diacritics must be written so in the task.
        """
        asked = self._asked(words, marks)
        if not asked:
            return []
        rarity = [self._rarity.get(w, self._unknown_rarity) for w, _ in asked]
        candidates = self.likeliest(words, marks) if within is None else within
        scored = []
        for n in candidates:
            text = self._texts[n]
            held, score = text.text.score(asked, rarity)
            if held and score >= cover * (1 - IN_TITLE):
                in_title = max(w.score(asked, rarity)[1] for w in (text.title, *text.openings))
                scored.append((IN_TITLE * in_title + (1 - IN_TITLE) * score, held, text.task))
        scored.sort(key=lambda e: -e[0])
        if not scored or scored[0][0] < cover or scored[0][1] < TITLE_RARITY:
            return []
        return [(TaskRef(t.section, t.number), round(s, 3)) for s, _, t in scored[:TITLE_CHOICES]]

    def positions(self, refs: Iterable[TaskRef]) -> list[int]:
        """Where the tasks ``refs`` stand, for ``find_titled``'s ``within``."""
        tasks = (self._by_ref.get((r.section, r.number)) for r in refs)
        return sorted(self._index_of[id(t)] for t in tasks if t is not None)

    def likeliest(
        self, words: Sequence[str], marks: Sequence[str | None], limit: int = TITLE_CANDIDATES
    ) -> list[int]:
        """A first pass on the folded words alone, to score in full only the likeliest tasks
        (a plan of a thousand tasks that all say "thủ tục hành chính")."""
        asked = self._asked(words, marks)
        rarity = [self._rarity.get(w, self._unknown_rarity) for w, _ in asked]
        count = len(self._texts)
        rough = np.zeros(count)
        # Each task in the order a word first touched it, which breaks ties between equal
        # sums as a sort that keeps that order would.
        first = np.full(count, count)
        touched = 0
        for (word, _), weight in dict(zip(asked, rarity, strict=True)).items():
            at = self._holding_at.get(word)
            if at is None:
                continue
            rough[at] += weight
            new = at[first[at] == count]
            first[new] = np.arange(touched, touched + len(new))
            touched += len(new)
        held = np.flatnonzero(first < count)
        order = np.lexsort((first[held], -rough[held]))[:limit]
        return [int(n) for n in held[order]]

    def _asked(
        self, words: Sequence[str], marks: Sequence[str | None]
    ) -> list[tuple[str, str | None]]:
        return [
            (part, m)
            for w, m in zip(words, marks, strict=True)
            if not self._filler(w, m)
            for part in _apart(w)
            if self._weighed(part)
        ]

    def _weighed(self, word: str) -> bool:
        """Whether a question's word weighs in a title's score: not an abbreviation (a word
        with no vowel, "kh") that no task's text holds, which the reader cannot spell out
        and which says nothing for or against a title."""
        return word in self._holding or has_vowel(word) or any(c.isdigit() for c in word)

    def row_named(self, ref: TaskRef, words: Sequence[str], marks: Sequence[str | None]) -> TaskRef:
        """The task, or the one activity row of it whose own title the words name ("trình
        phương án sắp xếp" of task 4, "rà soát" over it): a row that is not the task's title
        and that the words fit clearly better than the task's title."""
        task = self._by_ref.get((ref.section, ref.number))
        rows = self._rows.get(id(task), [])
        asked = [
            (part, m)
            for w, m in zip(words, marks, strict=True)
            if not self._filler(w, m)
            for part in _apart(w)
        ]
        # Words no row holds tell no row from another ("PCI" of "Kế hoạch hành động năm 2025
        # về PCI", said in the task's objective).
        asked = [(w, m) for w, m in asked if any(text.holds(w, m) for _, text in rows)]
        if task is None or not rows or not asked:
            return ref
        rarity = [self._rarity.get(w, self._unknown_rarity) for w, _ in asked]
        # Equal scores are told apart by the neighbours typed as the text writes them,
        # fillers too: "kế hoạch tuyên truyền CCHC của tỉnh" is a row's, word for word.
        typed = list(zip(words, words[1:], strict=False))

        def fit(text: _Words) -> tuple[float, int]:
            return text.score(asked, rarity)[1], sum(p in text.written for p in typed)

        own = fit(self._texts[self._index_of[id(task)]].title)
        scored = sorted(((fit(text), a) for a, text in rows), reverse=True)
        best, activity = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else (0.0, 0)
        if best[0] >= TITLE_COVER and best > own and best > runner_up:
            return TaskRef(ref.section, ref.number, activity)
        return ref

    def holding(self, asked: Sequence[tuple[str, str | None]], limit: int) -> list[TaskRef]:
        """The first ``limit`` tasks whose text holds every one of the ``asked`` words (with
        their marks)."""
        if not asked:
            return []
        # Only the tasks that hold every word as spelled are looked at (``_holding``).
        common = frozenset.intersection(*(self._held_by.get(w, frozenset()) for w, _ in asked))
        found: list[TaskRef] = []
        for n in sorted(common):
            text = self._texts[n]
            if all(text.text.holds(w, m) for w, m in asked):
                found.append(TaskRef(text.task.section, text.task.number))
                if len(found) == limit:
                    break
        return found

    def row_of(self, ref: TaskRef, row: int) -> TaskRef | None:
        """Row ``row`` of the task ``ref``, where it has that row."""
        task = self._by_ref.get((ref.section, ref.number))
        if task is None or row not in task.activities or len(task.activities) < 2:
            return None
        return TaskRef(ref.section, ref.number, row)

    def assigned_to(self, key: str, supports: bool = False) -> list[TaskRef]:
        """The tasks the agency ``key`` leads (``supports``: those it supports)."""
        return list(self._assigned.get((key, supports), ()))

    def title_opens(self, ref: TaskRef, run: Sequence[str]) -> bool:
        """Whether the title of the task ``ref`` opens with the words ``run``."""
        return self._openings.get(TaskRef(ref.section, ref.number), ())[: len(run)] == tuple(run)

    def titles_with(self, run: Sequence[str], limit: int) -> list[TaskRef]:
        """The first ``limit`` tasks whose title holds the words ``run`` one after another
        ("giáo dục" of "dịch vụ giáo dục công")."""
        kept = [w for w in run if not self._filler(w, None)]
        if not kept:
            return []
        keys: list[_TitleKey] = [*kept, *zip(run, run[1:], strict=False)]
        common = frozenset.intersection(*(self._titled.get(k, frozenset()) for k in keys))
        return [
            TaskRef(self._texts[n].task.section, self._texts[n].task.number)
            for n in sorted(common)[:limit]
        ]

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Every pair of neighbours any task's text holds as written."""
        return self._written

    def pair_in_title(self, first: str, second: str) -> bool:
        """Whether some task's text holds ``first`` right before ``second`` ("số hóa")."""
        return (first, second) in self._written

    def holds(self, ref: TaskRef, words: Sequence[str]) -> bool:
        """Whether every one of ``words`` is in the text of the task ``ref``."""
        task = self._by_ref.get((ref.section, ref.number))
        text = self._text_of.get(id(task))
        return text is not None and all(w in text.held or self._filler(w, None) for w in words)

    def title_holds(self, ref: TaskRef, words: Sequence[str]) -> bool:
        """Whether every one of ``words`` (but fillers) is in the task's own title."""
        task = self._by_ref.get((ref.section, ref.number))
        if task is None:
            return False
        title = self._texts[self._index_of[id(task)]].title
        return all(w in title.held or self._filler(w, None) for w in words)

    def title_within(self, ref: TaskRef, words: Collection[str]) -> bool:
        """Whether every word of the task's title (but fillers) is one of ``words``."""
        task = self._by_ref.get((ref.section, ref.number))
        if task is None:
            return False
        title = self._texts[self._index_of[id(task)]].title
        return all(w in words for w in title.held)

    def leading_run(self, ref: TaskRef, words: Sequence[str]) -> int:
        """How many of ``words``, from the first, the task's text says one after another."""
        task = self._by_ref.get((ref.section, ref.number))
        text = self._text_of.get(id(task))
        if text is None or not words:
            return 0
        run = 1
        while run < len(words) and (words[run - 1], words[run]) in text.written:
            run += 1
        return run

    def holds_run(self, ref: TaskRef, words: Sequence[str], slips: int = 0) -> bool:
        """Whether the text of the task ``ref`` holds ``words`` one after another, but for
        ``slips`` of them apart from the word before (every word held)."""
        task = self._by_ref.get((ref.section, ref.number))
        text = self._text_of.get(id(task))
        if text is None or len(words) < 2:
            return self.holds(ref, words)
        apart = sum(pair not in text.written for pair in zip(words, words[1:], strict=False))
        return apart <= slips and (not apart or self.holds(ref, words))


def _unheaded_codes(tasks: Sequence[TaskEntry]) -> frozenset[str]:
    """The Roman codes that name a plan's tasks under no section, as its document heads them.

    A plan's task table sits under a Roman heading ("II. NHIỆM VỤ, GIẢI PHÁP") that the
    importer may not keep: of a plan with no sections, any Roman code ("II.3" is task 3);
    of one whose unheaded tasks come first and whose sections start after I, the code
    before its first section ("I.3" where section II follows)."""
    if not any(t.section is None for t in tasks):
        return frozenset()
    sections = [t.section for t in tasks if t.section]
    if not sections:
        return frozenset(_ROMAN)
    first = sections[0].lower()
    if tasks[0].section is not None or first not in _ROMAN[1:]:
        return frozenset()
    return frozenset({_ROMAN[_ROMAN.index(first) - 1]})


# ... but a number after a task's or a part's word is its number ("việc 1 việc 2").
_NOT_COUNTING_AFTER = _STRUCTURE_WORDS | _COUNTED_BY_NUMBER


def counting(words: Sequence[str]) -> set[int]:
    """Where the words count tasks: a small number and the noun after it ("1 việc", "2
    nhiệm vụ"), no words of a title ("khoản 7 Điều 1"; "ISO 9001 task" is one)."""
    at: set[int] = set()
    for k, w in enumerate(words[:-1]):
        if (
            w.isdigit()
            and len(w) <= 2
            and words[k + 1] in _COUNTED_BY_NUMBER
            and (k == 0 or words[k - 1] not in _NOT_COUNTING_AFTER)
        ):  # ... not "việc 1 việc 2"
            at |= {k, k + 1, *((k + 2,) if words[k + 1 : k + 3] == ["nhiem", "vu"] else ())}
    return at


def _item_of(number: str, point: str) -> bool:
    """Whether a task numbered ``number`` is an item of point ``point``: "2.a", "4.1" of 2, 4."""
    return number.lower().startswith(point + ".") and number.count(".") == 1


# At most this many tasks of a section said as one task are offered ("nv II.1").
_ITEMS_ASKED = 8
# "6 tháng đầu năm", "6 tháng cuối năm" after a number: a half-year, no task's number.
_HALF_YEARS = frozenset({("thang", "dau"), ("thang", "cuoi")})


def _number_at(words: Sequence[str], j: int) -> tuple[str, int] | None:
    """The task number after a head at ``j``, and how many words say it: "3", "thứ 3",
    "thứ ba"."""
    if j < len(words) and words[j].isdigit():
        if tuple(words[j + 1 : j + 3]) in _HALF_YEARS:
            return None  # "nhiệm vụ 6 tháng cuối năm": the tasks of a half-year
        return words[j], 1
    if j + 1 < len(words) and words[j] == "thu":
        after = words[j + 2 : j + 4]
        if after[:1] and after[0] in _WEEK_WORDS and after != ["toi", "dau"]:
            return None  # "việc thứ 2 tuần sau", "thứ bảy tới": a weekday, not "tới đâu"
        said = words[j + 1]
        number = said if said.isdigit() else _ORDINALS.get(said)
        if number is not None:
            return number, 2
    return None


def _roman(number: str) -> str | None:
    """ "2" -> "ii"; None for what is no section's number."""
    return _ROMAN[int(number) - 1] if number.isdigit() and 0 < int(number) <= len(_ROMAN) else None


def _apart(word: str) -> list[str]:
    """A span of numbers typed with a dash, "2021-2030", as its numbers: documents write
    the span "2021 - 2030" as often as not."""
    return word.split("-") if _SPAN.fullmatch(word) else [word]


@dataclass(frozen=True)
class _Words:
    """Words of a text (with the diacritics each is written with) and pairs of neighbours."""

    held: dict[str, set[str | None]]
    pairs: frozenset[tuple[str, str]]
    # Neighbours as written, fillers too ("số hóa").
    written: frozenset[tuple[str, str]] = frozenset()

    def holds(self, word: str, marks: str | None) -> bool:
        written = self.held.get(word)
        if written is None:
            return False
        if marks is None or None in written or marks in written:
            return True
        # "đột xuât", "tập huán": a mark left off, as quick typing does.
        return any(w and slipped(marks, w) for w in written)

    def score(
        self, asked: Sequence[tuple[str, str | None]], rarity: Sequence[float]
    ) -> tuple[float, float]:
        """The rarity of the asked words found here, and the score in [0, 1]."""
        hits = [self.holds(w, m) for w, m in asked]
        held = sum(r for r, hit in zip(rarity, hits, strict=True) if hit)
        pair_rarity = [a + b for a, b in zip(rarity, rarity[1:], strict=False)]
        together = sum(
            r
            for k, r in enumerate(pair_rarity)
            if hits[k] and hits[k + 1] and (asked[k][0], asked[k + 1][0]) in self.pairs
        )
        cover = held / sum(rarity)
        paired = together / sum(pair_rarity) if pair_rarity else cover
        return held, PAIRED * paired + (1 - PAIRED) * cover


@dataclass(frozen=True)
class _TaskText:
    """A task's words: all of them (title, activities, product), and its title's."""

    task: TaskEntry
    text: _Words
    title: _Words
    # The opening words of each activity row, which name it as a title does ("Triển khai
    # việc đánh giá, xếp loại công tác CCHC ..."): not the clauses further on.
    openings: tuple[_Words, ...] = ()


def _opening(row: str) -> list[str]:
    """The first words of an activity row, before what it delivers ("... — Báo cáo")."""
    words = row.split(" — ")[0].split()
    return [w for w in words if any(c.isalnum() for c in w)][:ROW_OPENING]
