"""Agencies and sections as people name them in questions: "stp", "bên tư pháp", "vp ubnd",
"UBND huyện" (the plan's "UBND cấp huyện"), "sở KHĐT" (merged into Sở Tài chính), "tài
chính công" (section VI), "mục 3".

Every name the plan, the directory and common abbreviation habits give an agency or a
section becomes a *form*: a phrase of folded words with a strength (1.0 for a full name;
less for a bare or shortened one such as "tư pháp"). A question's words are matched
against the forms, longest first; a form two things share names both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from planning.agencies import AgencyDirectory
from planning.questions.lexicon import Lexicon, Phrase
from planning.questions.reading import AgencyNote, Relation
from planning.questions.vocabulary import PlanVocabulary, SectionRef
from planning.questions.words import has_vowel
from planning.text import fold

# Strengths of the forms of a name.
FULL = 1.0  # the name, an alias, "sở tp", "stp"
SHORTENED = 0.8  # "sở văn hóa" for "Sở Văn hóa, Thể thao và Du lịch"; "khdt" alone
BARE = 0.6  # the name without its kind: "tư pháp", "tài chính"
LOOSE = 0.5  # the start of a section's distinctive words: "tài chính" of "tài chính công"
HALF = 0.5  # the words before a name's "và": "giáo dục" of "Sở Giáo dục và Đào tạo"
# An agency the plan does not name is a little weaker than one it does.
OUTSIDE_PLAN = 0.9
# A typo'd name (rapidfuzz ratio over the words) must be at least this close.
FUZZY_NAME = 88.0
FUZZY_MIN_LETTERS = 12

# Words that say what kind of body follows, longest first, and the letter they abbreviate to.
_KINDS: tuple[tuple[Phrase, str], ...] = (
    (("van", "phong"), "vp"),
    (("trung", "tam"), "tt"),
    (("thanh", "tra"), "tt"),
    (("chi", "cuc"), "cc"),
    (("so",), "s"),
    (("ban",), "b"),
    (("phong",), "p"),
    (("dai",), "d"),
    (("bao",), "b"),
    (("to",), "t"),
    (("cuc",), "c"),
    (("vu",), "v"),  # a ministry's departments: "Vụ Tổ chức cán bộ", "vụ tccb"
)
# Kinds whose letters are typed joined to the initials of the rest ("ttcntt").
_SPELLED_TOGETHER = frozenset({("trung", "tam"), ("ban",), ("chi", "cuc")})
_TRAILING = (
    ("tren", "dia", "ban", "tinh"),
    ("tren", "dia", "ban"),
    ("co", "lien", "quan"),
    ("lien", "quan"),
    ("thuoc", "ubnd", "cap", "tinh"),
    ("thuoc", "ubnd", "tinh"),
    ("thuoc", "tinh"),
    ("cap", "tinh"),
    ("tinh",),
)
# A city's or a district's bodies that its own plan names, said without it: "Ban Pháp chế
# HĐND" of its "Ban Pháp chế HĐND thành phố" (of other plans, any city's or district's).
_LOCAL_LEVELS = (("thanh", "pho"), ("thi", "xa"), ("huyen",))
# A group of local committees named by their levels ("UBND các xã, phường, thị trấn").
_COMMITTEES_OF = re.compile(
    r"UBND (?:các )?((?:xã|phường|thị trấn|đặc khu)(?:, (?:xã|phường|thị trấn|đặc khu))+)"
)
# Words a group's name may consist of without naming any body in particular ("Các cơ
# quan", "Các đơn vị", a ministry's "Các Cục", "Vụ liên quan"): such a form would catch
# "các cơ quan nào quá hạn", and "cục" alone, which asks which Cục.
# Kinds of body a group may be named by alone ("Các Cục", "Các Vụ"), unlike "các đơn vị".
_KIND_GROUPS = frozenset({"cuc", "vu", "so", "phong"})
_GENERIC = frozenset(
    {
        *("cac", "co", "quan", "don", "vi", "dia", "phuong", "nganh", "ban", "so", "phong"),
        *("lien", "cuc", "vu"),
    }
)
_BODIES = frozenset({"ubnd", "hdnd", "tinh", "huyen", "xa"})
# The kinds of local government a People's Committee is of, and how people shorten them.
_PLACES: tuple[tuple[Phrase, str | None], ...] = (
    (("thanh", "pho"), "tp"),
    (("thi", "xa"), "tx"),
    (("thi", "tran"), "tt"),
    (("huyen",), None),
    (("xa",), None),
    (("phuong",), None),
)
# A place's level said after its name, as English spells it: "Tay Tra district".
_DISTRICT = (("ubnd", "cap", "huyen"), ("huyen",))
_LEVEL_AFTER: dict[Phrase, tuple[Phrase, ...]] = {
    ("huyen",): _DISTRICT,
    ("thanh", "pho"): (*_DISTRICT, ("thanh", "pho")),
    ("thi", "xa"): (*_DISTRICT, ("thi", "xa")),
    ("xa",): (("ubnd", "cap", "xa"), ("xa",)),
    ("phuong",): (("phuong",),),
}
# The levels of local government below the province, each a group of People's Committees.
_LEVELS = frozenset({"huyen", "xa"})
# The two kinds of commune a group of them is listed by ("UBND các xã, phường").
_COMMUNES = ("xa", "phuong")
_SECTION_OPENERS = (
    ("xay", "dung", "va", "phat", "trien"),
    ("xay", "dung"),
    ("cai", "cach"),
    ("cong", "tac"),
)
_SECTION_WORDS = (("linh", "vuc"), ("muc",), ("phan",), ("nhom",))
# How a section's title says whose tasks it holds ("NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH"), and
# how many words their name needs to name the section by itself.
_WHOSE_TASKS = ("nhiem", "vu", "cua")
_WHOSE_WORDS = 4
# The kinds of body a plan may name one by one that people ask about all together.
_PLURAL_KINDS = ("phong",)
# How a part of the plan is said before its subject ("mảng số hóa") or whose tasks it holds
# ("phần nhiệm vụ giao cho ...").
_PART_HEADS = (("phan",), ("phan", "nhiem", "vu"), ("phan", "viec"), ("mang",), ("linh", "vuc"))
_PART_LINKS = ((), ("cua",), ("giao",), ("giao", "cho"), ("cua", "cac"), ("giao", "cac"))
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_BARE_ROMAN = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix"})


@dataclass(frozen=True)
class Target:
    """What a form names: agencies (by key, with what to say about them) or a section."""

    kind: Literal["agency", "section"]
    values: tuple[str, ...]
    notes: tuple[AgencyNote, ...] = ()
    # What the name named before the merger its notes tell took effect (Sở LĐTBXH, asked
    # about in 2024 of a 2021-2025 plan that names Sở Nội vụ: itself, one of "Các Sở").
    before: Target | None = None

    def on(self, day: date) -> Target:
        """What the name names on ``day``."""
        if self.before is not None and any(
            n.since is not None and day < n.since for n in self.notes
        ):
            return self.before
        return self


@dataclass(frozen=True)
class Mention:
    """Words ``[start, end)`` of a question and what they may name, strongest first."""

    start: int
    end: int
    options: tuple[tuple[Target, float], ...]

    @property
    def strength(self) -> float:
        return self.options[0][1]

    @property
    def weight(self) -> float:
        return self.strength * math.sqrt(self.end - self.start)


class Names:
    """The forms of a plan's agencies and sections, and of the directory's other agencies."""

    def __init__(
        self,
        vocabulary: PlanVocabulary,
        directory: AgencyDirectory,
        spell: Callable[[str], Phrase],
        lexicon: Lexicon,
    ) -> None:
        self._spell = spell
        # A phrase -> what it names, each with the strength of the phrase as its name.
        self._forms: dict[Phrase, dict[Target, float]] = {}
        self._sections = {s.code.lower(): s.code for s in vocabulary.sections}
        self._above = {s.code for s in vocabulary.sections if s.above}
        self._plan_keys = {a.key for a in vocabulary.agencies}
        # The plan's agencies by their names without the plan's place ("Đài Phát thanh và
        # Truyền hình" of "... Hải Phòng").
        self._local: dict[Phrase, str] = {}
        # The place the plan is of, by its name ("dong thap").
        self.place = _place_of(vocabulary.title)
        self._add_plan_agencies(vocabulary, lexicon)
        self._add_plan_kinds(vocabulary)
        for section in vocabulary.sections:
            self._add_section(section, lexicon)
        self._add_directory(vocabulary, directory, lexicon)
        self._outside_groups_first(directory)
        self._longest = max((len(f) for f in self._forms), default=0)
        # A name typed with typos is looked for among what the plan names (or names through a
        # merger): "kiểm tra cchc" typed near an unrelated body's name is a task's words.
        self._fuzzy = [
            (" ".join(phrase), phrase)
            for phrase, form in self._forms.items()
            if max(form.values()) >= SHORTENED
            and sum(len(w) for w in phrase) >= FUZZY_MIN_LETTERS
            and not all(outside_plan(t) for t in form)
        ]
        self._fuzzy_names = [name for name, _ in self._fuzzy]
        self.fuzzy_starts = frozenset(phrase[0] for _, phrase in self._fuzzy)
        # Vowel-less abbreviations ("khdt", "tttt") a question may type in pieces.
        self.acronyms = frozenset(
            w for phrase in self._forms for w in phrase if w.isalpha() and not has_vowel(w)
        )
        self.syllables = frozenset(w for phrase in self._forms for w in phrase)
        self.pairs = frozenset(
            p for phrase in self._forms for p in zip(phrase, phrase[1:], strict=False)
        )

    # ------------------------------------------------------------------ building forms

    def _put(self, words: Phrase, target: Target, strength: float) -> None:
        if words:
            form = self._forms.setdefault(words, {})
            form[target] = max(strength, form.get(target, 0.0))

    def _add_plan_kinds(self, vocabulary: PlanVocabulary) -> None:
        """ "các phòng chuyên môn" of a district's or a ward's plan that names its Phòng one
        by one: all of them."""
        for kind in _PLURAL_KINDS:
            keys = tuple(
                a.key
                for a in vocabulary.agencies
                if not a.is_group and self._spell(a.name)[:1] == (kind,)
            )
            if len(keys) < 2:
                continue
            target = Target("agency", keys)
            for head in ((), ("cac",), ("may",)):
                self._put((*head, kind, "chuyen", "mon"), target, FULL)

    def _add_plan_agencies(self, vocabulary: PlanVocabulary, lexicon: Lexicon) -> None:
        """The plan's agencies by every name they go by; half a name only where the lexicon
        gives those words no other sense ("kế hoạch" of "Sở Kế hoạch và Đầu tư" is a plan,
        "thông tin" of "Sở Thông tin và Truyền thông" a task's details)."""
        other = {*lexicon.cues, *lexicon.plan_words, *lexicon.task_heads}
        place = self.place
        initials = "".join(w[0] for w in place) if len(place) > 1 else ""
        for entry in vocabulary.agencies:
            notes: tuple[AgencyNote, ...] = ()
            if entry.successor is not None:
                notes = (
                    AgencyNote(
                        entry.key, Relation.MERGED_INTO, entry.successor, entry.successor_from
                    ),
                )
            target = Target("agency", (entry.key,), notes)
            # "Phòng Kinh tế" of a ward's "Phòng Kinh tế, Hạ tầng và Đô thị": a name by its
            # first part, where no other body of the plan begins so.
            heads = [
                head
                for n in (entry.name, *entry.names)
                if "," in n and not entry.is_group
                for head in (n.split(",")[0],)
                if len(head.split()) >= 3
            ]
            parts = [
                h
                for h in heads
                if not any(o.name.startswith(h) for o in vocabulary.agencies if o is not entry)
            ]
            # "UBND phường" of a group named "UBND các xã, phường, thị trấn": each of its
            # levels, said alone.
            if entry.is_group:
                parts += [
                    f"UBND {kind.strip()}"
                    for n in (entry.name, *entry.names)
                    if (levels := _COMMITTEES_OF.fullmatch(n)) is not None
                    for kind in levels[1].split(",")[1:]
                ]
            for name in (entry.name, *entry.names, *parts):
                spelled = self._spell(name)
                local = [
                    spelled[: -len(level)]
                    for level in _LOCAL_LEVELS
                    if len(spelled) > len(level) + 1 and spelled[-len(level) :] == level
                ]
                # "Đài Phát thanh và Truyền hình Hải Phòng" of a plan of Hải Phòng: "đài
                # truyền hình", as its own people say it.
                if place and len(spelled) > len(place) + 1 and spelled[-len(place) :] == place:
                    local.append(spelled[: -len(place)])
                    self._local.setdefault(spelled[: -len(place)], entry.key)
                for said in (spelled, *local):
                    for words, strength in _agency_forms(said, entry.is_group):
                        if strength > HALF or words not in other:
                            self._put(words, target, strength)
                        if initials and len(words) > len(place) and words[-len(place) :] == place:
                            # "đài HP": the plan's place by its initials
                            self._put((*words[: -len(place)], initials), target, strength)
                named = _place_named(spelled)
                if not entry.is_group and len(named) >= 2 and named != place:
                    # "bên Tây Trà" of "UBND huyện Tây Trà": a local committee by its place
                    # alone (not the plan's own place, which is the plan's).
                    self._put(("ben", *named), target, SHORTENED)
                    if named not in other:
                        self._put(named, target, BARE)
                    # ... and its level after it, in English order: "Tay Tra district"
                    # (spelled "tay tra ubnd cấp huyện"), "Hoa Khanh ward".
                    for level in _LEVEL_AFTER.get(spelled[1 : -len(named)], ()):
                        self._put((*named, *level), target, FULL)
                if spelled[:5] == ("van", "phong", "hdnd", "va", "ubnd"):
                    # "vp ubnd" of a plan's own "Văn phòng HĐND và UBND" (a city's, a
                    # district's), before the province's office outside the plan.
                    self._put(("vp", *spelled[4:]), target, FULL)
                    self._put(("vp", "hdnd", *spelled[4:]), target, FULL)
                    self._put(("vp", "ubnd"), target, SHORTENED)
                    self._put(("vp", "hdnd", "ubnd"), target, SHORTENED)
                    # "VP HĐND và UBND" said with no level: the plan's own, of any level.
                    self._put(spelled[:5], target, FULL)
                    self._put(("vp", *spelled[2:5]), target, FULL)

    def _add_directory(
        self, vocabulary: PlanVocabulary, directory: AgencyDirectory, lexicon: Lexicon
    ) -> None:
        """Agencies outside the plan: named through a merger, within a group, or not at all.

        A form that the lexicon reads as a cue is no name of an agency outside the plan:
        "thống kê" in a question is statistics, not the "Thống kê tỉnh" of the directory.
        """
        plan = self._plan_keys
        groups_of: dict[str, list[str]] = {}
        sizes: dict[str, int] = {}
        for entry in vocabulary.agencies:
            if entry.is_group and entry.key in _keys(directory):
                members = directory.expand(entry.key)
                sizes[entry.key] = len(members)
                for member in members:
                    groups_of.setdefault(member.key, []).append(entry.key)
        for key, groups in groups_of.items():
            # Of the plan's groups a body is in, the one named by its kind ("Các Sở, ban,
            # ngành" for a Sở, before "Các cơ quan chuyên môn thuộc UBND tỉnh"), else the
            # narrowest.
            kind = _WORD.findall(fold(directory.get(key).name))[0]
            groups.sort(
                key=lambda g: (kind not in _WORD.findall(fold(directory.get(g).name)), sizes[g])
            )
        outside: set[Phrase] = set()
        # The starts of the plan's names, which a bare name outside it must not be.
        said = {form[:n] for form in self._forms for n in range(2, len(form) + 1)}
        for agency in directory.agencies():
            if agency.key in plan:
                continue
            target = self._outside_target(agency.key, vocabulary, directory, groups_of)
            spelled = self._spell(agency.name)
            if spelled[-1:] == ("tinh",) and spelled[:-1] in self._local:
                # The province's body of a kind, of a plan whose own body of that kind is
                # named by its place: the plan's ("Đài Truyền hình tỉnh" is its station).
                target = Target("agency", (self._local[spelled[:-1]],))
            # A unit inside the plan's agency goes by its full names only ("phòng CCHC", not
            # "cải cách hành chính").
            unit = agency.key not in target.values and not target.notes
            names = [agency.name, *agency.aliases]
            if agency.short_name:
                names.append(agency.short_name)
            for name in names:
                spelled = self._spell(name)
                for words, strength in _agency_forms(spelled, agency.is_group):
                    if unit and words[:1] != spelled[:1]:
                        continue
                    # What the plan names keeps its names: "UBND huyện" is its "UBND cấp
                    # huyện", not the dissolved body of that name.
                    if strength < SHORTENED and len(words) >= 2 and words not in said:
                        # "bên tư pháp", of a plan that names no "tư pháp": a bare name said
                        # as a body's, as people do
                        words, strength = ("ben", *words), SHORTENED
                    if (
                        strength >= SHORTENED
                        and words not in lexicon.cues
                        and not (words in self._forms and words not in outside)
                    ):
                        outside.add(words)
                        local = target.values[0] in plan and not outside_plan(target)
                        self._put(words, target, strength * (1 if local else OUTSIDE_PLAN))

    def _outside_target(
        self,
        key: str,
        vocabulary: PlanVocabulary,
        directory: AgencyDirectory,
        groups_of: dict[str, list[str]],
    ) -> Target:
        agency = directory.get(key)
        # A division inside an agency the plan names ("Phòng CCHC Sở Nội vụ"): that agency.
        if agency.parent in self._plan_keys and agency.name.startswith("Phòng "):
            itself = Target("agency", (agency.parent,))
        elif groups := groups_of.get(key):
            itself = Target("agency", (key,), (AgencyNote(key, Relation.MEMBER_OF, groups[0]),))
        else:
            itself = Target("agency", (key,), (AgencyNote(key, Relation.NOT_IN_PLAN),))
        merged = self._merged_target(key, vocabulary, directory, groups_of)
        return itself if merged is None else replace(merged, before=itself)

    def _merged_target(
        self,
        key: str,
        vocabulary: PlanVocabulary,
        directory: AgencyDirectory,
        groups_of: dict[str, list[str]],
    ) -> Target | None:
        """What an agency merged into, or took over, of the plan's agencies names."""
        agency = directory.get(key)
        # Merged into an agency the plan names: the plan's agency, "nay là ..."; but a plan
        # that ended before the merger knew the agency as itself (Sở LĐTBXH in a 2021 plan).
        years, since = vocabulary.years, agency.successor_from
        merged_later = years is not None and since is not None and years[1] < since.year
        seen, current = {key}, agency
        while not merged_later and current.successor is not None and current.successor not in seen:
            seen.add(current.successor)
            current = directory.get(current.successor)
            if current.key in self._plan_keys:
                note = AgencyNote(key, Relation.MERGED_INTO, current.key, agency.successor_from)
                return Target("agency", (current.key,), (note,))
        # Merged into an agency in one of the plan's groups: that agency, as a member.
        if current.key != key and current.key in groups_of:
            merged = AgencyNote(key, Relation.MERGED_INTO, current.key, agency.successor_from)
            member = AgencyNote(current.key, Relation.MEMBER_OF, groups_of[current.key][0])
            return Target("agency", (current.key,), (merged, member))
        # Took over agencies the plan names: their tasks.
        taken = [
            e.key
            for e in vocabulary.agencies
            if e.successor is not None and _succeeds(directory, e.key, key)
        ]
        if taken:
            notes = tuple(
                AgencyNote(key, Relation.TOOK_OVER, k, directory.get(k).successor_from)
                for k in taken
            )
            return Target("agency", tuple(taken), notes)
        # Gone before the plan's last year, its work taken over by a body the plan names
        # (a district's, asked of in a plan for the communes): that body's tasks.
        gone = agency.dissolved_from
        if gone is not None and years is not None and years[1] >= gone.year:
            for other in agency.work_to:
                if other in self._plan_keys:
                    note = AgencyNote(key, Relation.PASSED_TO, other, gone)
                    return Target("agency", (other,), (note,))
        return None

    def _add_section(self, section: SectionRef, lexicon: Lexicon) -> None:
        """A section by its title, its clauses and their starts; a start that says nothing
        but the plan's own nouns ("nhiệm vụ của" of "NHIỆM VỤ CỦA CẤP XÃ") names no section,
        though the whole title does."""
        target = Target("section", (section.code,))
        title = self._spell(section.title)
        plain = {w for p in (*lexicon.plan_words, *lexicon.task_heads) for w in p}

        def put(words: Phrase, strength: float) -> None:
            if words == title or not all(w in plain or w in lexicon.fillers for w in words):
                self._put(words, target, strength)

        put(title, FULL)
        for n in range(3, len(title)):
            put(title[:n], SHORTENED)
        clauses = [self._spell(c) for c in re.split(r"[,;]", section.title)]
        for clause in [title, *clauses]:
            if len(clause) >= 2:
                put(clause, FULL if clause == title else SHORTENED + 0.1)
            rest = _strip_opener(clause)
            if len(rest) < 2:
                continue
            put(rest, SHORTENED + 0.1)
            for n in range(2, len(rest)):
                put(rest[:n], LOOSE if n == 2 else SHORTENED - 0.1)
        # "các cơ quan cấp tỉnh" of "NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH": whose tasks the
        # section holds, said whole.
        n = len(_WHOSE_TASKS)
        whose = title[n:] if title[:n] == _WHOSE_TASKS else ()
        for form in (whose, whose[1:] if whose[:1] == ("cac",) else ()):
            if len(form) >= _WHOSE_WORDS:
                put(form, SHORTENED + 0.1)
        # ... and as a part of the plan ("phần nhiệm vụ giao cho xã phường đặc khu" of
        # "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"): the section, not the bodies.
        bodies = whose[1:] if whose[:1] == ("ubnd",) else whose
        bodies = bodies[1:] if bodies[:1] == ("cac",) else bodies
        if len(bodies) >= _WHOSE_WORDS - 1:
            for head in _PART_HEADS:
                for link in _PART_LINKS:
                    put((*head, *link, *bodies), FULL)
        # ... and by their level ("nhiệm vụ cấp tỉnh" of the same title), which may be the
        # body's as well, but for "phần nhiệm vụ cấp xã".
        if "cap" in whose[:-1]:
            by_level = (*_WHOSE_TASKS[:2], *whose[whose.index("cap") :])
            put(by_level, SHORTENED + 0.1)
            put(("phan", *by_level), FULL)
            put(("phan", *whose[whose.index("cap") :]), FULL)  # "phần cấp xã"
        for said, meanings in lexicon.synonyms.items():
            if any(_contains(title, m) for m in meanings):
                self._put(said, target, SHORTENED + 0.1)
        for said, meanings in lexicon.part_synonyms.items():
            if any(_contains(title, m) for m in meanings):
                for head in _PART_HEADS:
                    put((*head, *said), FULL)  # "mảng số hóa": the part on it

    def _outside_groups_first(self, directory: AgencyDirectory) -> None:
        """A name of bodies the plan does not name, one of them a group ("ubnd huyện" of a
        plan before the districts' end: UBND huyện, UBND cấp huyện), names the group: the
        answer is the same, no choice to ask about. So for bodies gone whose work went to
        the same body the plan names (UBND cấp xã, after the districts)."""

        def named(target: Target) -> list[str]:
            passed = [n.named for n in target.notes if n.relation is Relation.PASSED_TO]
            return passed or list(target.values)

        for form in self._forms.values():
            if len(form) < 2 or not all(outside_plan(t) for t in form):
                continue
            groups = [t for t in form if any(directory.get(k).is_group for k in named(t))]
            if groups and len(groups) < len(form):
                for target in [t for t in form if t not in groups]:
                    del form[target]

    # ---------------------------------------------------------------------- matching

    def find(
        self, words: Sequence[str], taken: Sequence[bool], upper: Sequence[bool]
    ) -> list[Mention]:
        """Every form found among the words not taken yet, each start with all its lengths.
        ``upper``: which words were typed in capitals ("VI" is a section, "vi" a syllable)."""
        found: list[Mention] = []
        for i in range(len(words)):
            if taken[i]:
                continue
            for n in range(1, min(self._longest, len(words) - i) + 1):
                if taken[i + n - 1]:
                    break
                form = self._forms.get(tuple(words[i : i + n]))
                if form is not None:
                    found.append(Mention(i, i + n, _ranked(form)))
        found.extend(self._codes(words, taken, upper))
        return found

    def agencies_of(self, words: Phrase) -> tuple[tuple[Target, float], ...]:
        """The agencies ``words`` name as a whole, strongest first."""
        form = self._forms.get(words, {})
        return tuple((t, s) for t, s in _ranked(form) if t.kind == "agency")

    def find_loosely(self, words: Sequence[str], start: int, end: int) -> Mention | None:
        """A name typed with typos over words ``[start, end)``, when one is close enough."""
        text = " ".join(words[start:end])
        if sum(len(w) for w in words[start:end]) < FUZZY_MIN_LETTERS:
            return None
        hits = process.extract(
            text,
            self._fuzzy_names,
            scorer=fuzz.ratio,
            limit=2,
            score_cutoff=FUZZY_NAME,
        )
        if not hits:
            return None
        name = self._fuzzy[hits[0][2]][1]
        if len(name) == end - start and any(
            OSA.distance(typed, said) > 1
            for typed, said in zip(words[start:end], name, strict=True)
        ):
            return None  # "công bố thành phố": a word of its own, no slip in "công an"
        form = self._forms[name]
        runner_up = self._forms[self._fuzzy[hits[1][2]][1]] if len(hits) > 1 else form
        if hits[0][1] - hits[-1][1] < 4 and runner_up.keys() != form.keys():
            return None  # two names as close: neither
        return Mention(start, end, tuple((t, s * 0.9) for t, s in _ranked(form)))

    def _codes(
        self, words: Sequence[str], taken: Sequence[bool], upper: Sequence[bool]
    ) -> list[Mention]:
        """ "mục III", "phần 2", "lĩnh vực 6", and a bare "III"."""
        out = []
        for i, word in enumerate(words):
            if taken[i]:
                continue
            for head in _SECTION_WORDS:
                j = i + len(head)
                if tuple(words[i:j]) == head and j < len(words) and not taken[j]:
                    code = self._section_code(words[j])
                    if code is not None:
                        out.append(Mention(i, j + 1, ((Target("section", (code,)), FULL),)))
            if word in _BARE_ROMAN and upper[i]:
                code = self._sections.get(word)
                if code is not None:
                    out.append(Mention(i, i + 1, ((Target("section", (code,)), SHORTENED),)))
        return out

    def section_after(self, words: Sequence[str], k: int) -> bool:
        """Whether word ``k`` is a section's code after its head: "mục 2.7" (II.7)."""
        return any(
            tuple(words[k - len(head) : k]) == head and self._section_code(words[k]) is not None
            for head in _SECTION_WORDS
        )

    def _section_code(self, word: str) -> str | None:
        first, dot, rest = word.partition(".")
        if dot and first.isdigit() and 0 < int(first) <= len(_ROMAN):
            return self._sections.get(f"{_ROMAN[int(first) - 1]}.{rest}")  # "mục 2.7": II.7
        if word.isdigit() and 0 < int(word) <= len(_ROMAN):
            code = self._sections.get(_ROMAN[int(word) - 1])
            # "mục 2" of a plan whose parts are numbered in one section ("II.2"), before the
            # heading II above them.
            parts = [c for k, c in self._sections.items() if k.rpartition(".")[2] == word]
            if len(parts) == 1 and (code is None or code in self._above):
                return parts[0]
            return code or self._sections.get(word)
        return self._sections.get(word)


# How a name stands to the plan when it names a body the plan does not.
OUTSIDE = frozenset({Relation.NOT_IN_PLAN, Relation.PASSED_TO})


def outside_plan(target: Target) -> bool:
    """Whether a name's target is an agency the plan does not name at all (or one gone, for
    the body the plan names that took its work over)."""
    return target.kind == "agency" and any(note.relation in OUTSIDE for note in target.notes)


def _ranked(form: dict[Target, float]) -> tuple[tuple[Target, float], ...]:
    return tuple(sorted(form.items(), key=lambda e: -e[1]))


_WORD = re.compile(r"\w+")


def _keys(directory: AgencyDirectory) -> set[str]:
    return {a.key for a in directory.agencies()}


def _succeeds(directory: AgencyDirectory, key: str, successor: str) -> bool:
    seen = {key}
    agency = directory.get(key)
    while agency.successor is not None and agency.successor not in seen:
        if agency.successor == successor:
            return True
        seen.add(agency.successor)
        agency = directory.get(agency.successor)
    return False


def _contains(words: Phrase, part: Phrase) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _strip_opener(words: Phrase) -> Phrase:
    for opener in _SECTION_OPENERS:
        if words[: len(opener)] == opener:
            return words[len(opener) :]
    return words


def _agency_forms(words: Phrase, is_group: bool) -> Iterable[tuple[Phrase, float]]:
    """The phrases a name goes by, with their strengths."""
    variants = {words}
    if words[:1] == ("cac",):
        variants.add(words[1:])
    for variant in list(variants):
        for tail in _TRAILING:
            if len(variant) > len(tail) + 1 and variant[-len(tail) :] == tail:
                variants.add(variant[: -len(tail)])
    for variant in list(variants):
        if "cap" in variant[:-1]:
            at = variant.index("cap")
            if len(variant) > 2:  # "cấp xã" alone is no "xã": "xã hội"
                variants.add(variant[:at] + variant[at + 1 :])
            variants.add(variant[:at] + ("cac",) + variant[at + 1 :])
    for variant in list(variants):
        if "va" in variant:
            variants.add(tuple(w for w in variant if w != "va"))
    for variant in list(variants):
        variants.update(_places(variant))
        for place, short in _PLACES:
            # "công an tp" of "Công an Thành phố", "vp ubnd tp": the place said short.
            if short and len(variant) > len(place) and variant[-len(place) :] == place:
                variants.add((*variant[: -len(place)], short))
    for variant in list(variants):
        # "các phường, xã": the kinds of commune listed the other way round.
        at = next((k for k in range(len(variant) - 1) if variant[k : k + 2] == _COMMUNES), -1)
        if at >= 0:
            variants.add((*variant[:at], *_COMMUNES[::-1], *variant[at + 2 :]))
            # "các xã phường" of "UBND các xã, phường, đặc khu": the list said short, of the
            # communes themselves (not "Công an các xã, phường").
            if at + 2 < len(variant) and variant[:at] == ("ubnd", "cac"):
                variants.add(variant[at - 1 : at + 2])
    plural: set[Phrase] = set()
    if is_group and words[:1] == ("ubnd",):
        # "xã nào còn nhiều việc nhất": which of the communes, ranked, is their group's.
        for variant in list(variants):
            if len(variant) >= 3 and variant[-2] in ("cap", "cac") and variant[-1] in _LEVELS:
                variants.add((variant[-1], "nao"))
                # "mấy xã", "mấy phường", "các phường": the communes, whichever kind.
                kinds = _COMMUNES if variant[-1] == "xa" else (variant[-1],)
                plural.update((head, kind) for kind in kinds for head in ("may", "cac"))
                plural.update((kind, "nao") for kind in kinds)
                if len(kinds) > 1:
                    plural.update({("may", *kinds), ("may", *kinds[::-1])})
        variants |= plural
    for variant in variants:
        if is_group and all(w in _GENERIC for w in variant) and "nganh" not in variant:
            if variant in plural:
                yield variant, FULL  # "các phường": the communes
                continue
            if variant == words and (
                (len(words) == 2 and words[0] == "cac" and words[1] in _KIND_GROUPS)
                or (words[0] in _KIND_GROUPS and words[1:] == ("lien", "quan"))
            ):
                # "Các Cục", "Vụ liên quan": a group of one kind, as the plan writes it
                yield variant, FULL
            continue
        if not is_group and "cac" in variant and "cac" not in words:
            yield variant, BARE  # "các huyện" is a group's, before one body's
            continue
        yield variant, FULL
        if is_group:
            continue
        yield from _derived(variant)


def _place_of(title: str) -> Phrase:
    """The place a plan's title says it is of, by its name: "hai phong" of "Cải cách hành
    chính thành phố Hải Phòng năm 2026"."""
    words = title.split()
    folded = [fold(w) for w in words]
    for k, word in enumerate(folded):
        level = 2 if folded[k : k + 2] in (["thanh", "pho"], ["thi", "xa"]) else 1
        if level == 1 and word not in ("tinh", "huyen", "xa", "phuong", "quan"):
            continue
        named: list[str] = []
        for w, f in zip(words[k + level :], folded[k + level :], strict=True):
            if not w[:1].isupper() or len(named) == 3:
                break
            named.append(f.strip(",;.:"))
        if named:
            return tuple(named)
    return ()


def _places(words: Phrase) -> Iterable[Phrase]:
    """A local People's Committee by its place, as people name it: "UBND huyện Tây Trà" is
    "huyện Tây Trà", "UBND thành phố Quảng Ngãi" "thành phố Quảng Ngãi" and "tp Quảng Ngãi".
    A level alone ("UBND cấp huyện", "UBND huyện") names no place."""
    if words[:1] != ("ubnd",):
        return
    for place, short in _PLACES:
        rest = words[1 + len(place) :]
        if words[1 : 1 + len(place)] == place and rest and "cap" not in rest:
            yield (*place, *rest)
            if short:
                yield (short, *rest)


def _place_named(words: Phrase) -> Phrase:
    """The place of a local People's Committee's name: "tay tra" of "UBND huyện Tây Trà";
    () for any other name, and for a level alone ("UBND cấp huyện")."""
    if words[:1] != ("ubnd",):
        return ()
    for place, _short in _PLACES:
        rest = words[1 + len(place) :]
        if words[1 : 1 + len(place)] == place and "cap" not in rest and "cac" not in rest:
            return rest
    return ()


def _derived(words: Phrase) -> Iterable[tuple[Phrase, float]]:
    """Abbreviations, shortened and bare forms of a body's name: "stp", "sở tp", "tư pháp"."""
    if words[:2] == ("cong", "an") and words[2:] in (("thanh", "pho"), ("thi", "xa")):
        # "CATP" of "Công an Thành phố" (no "cách" of a "Công an cấp huyện")
        yield ("ca" + words[2][0] + words[3][0],), FULL
    if words[:1] == ("bo",) and len(words) > 2 and all(has_vowel(w) for w in words[1:]):
        # "Bộ CA": a ministry by its kind and initials (no bare form: "công an" is also
        # the province's police)
        yield ("bo", "".join(w[0] for w in words[1:] if w != "va")), FULL
    for kind, letter in _KINDS:
        if words[: len(kind)] != kind or len(words) == len(kind):
            continue
        rest = words[len(kind) :]
        core = tuple(w for w in rest if w != "va")
        # Names of other bodies inside a name ("Văn phòng UBND tỉnh") have no initials and
        # no bare form: "ubnd tỉnh" is another body.
        # ... but "xã hội" is society, no "xã": "Phòng Văn hóa - Xã hội" is "văn hóa xã hội".
        plain = all(
            has_vowel(w) and (w not in _BODIES or core[k + 1 : k + 2] == ("hoi",))
            for k, w in enumerate(core)
        )
        if len(core) == 1 and not has_vowel(core[0]):
            initials = core[0]  # already an abbreviation: "Sở KHĐT"
        elif plain:
            initials = "".join(w[0] for w in core)
        else:
            initials = ""
        if len(initials) >= 2:
            yield (*kind, initials), FULL
            if kind in (("so",), ("phong",)):
                yield (letter + initials,), FULL  # "stp", "p.vh-xh"
            elif kind in _SPELLED_TOGETHER and len(initials) >= 3:
                yield (letter + initials,), FULL  # "ttcntt", "ttpvhcc", "bqlda"
            if len(initials) >= 3:
                yield (initials,), SHORTENED
        if kind == ("van", "phong"):
            yield ("vp", *rest), FULL
            if rest[:1] == ("ubnd",):
                yield ("vpub", *rest[1:]), FULL  # "VPUB tỉnh", "VP UB tỉnh"
                yield ("vpubnd", *rest[1:]), FULL
                yield ("vp", "ub", *rest[1:]), FULL
        if kind == ("phong",):
            yield ("p", *rest), FULL  # "p. văn hóa xã hội"
        if len(kind) > 1:
            yield kind, BARE  # "văn phòng", "thanh tra"
        if len(core) >= 2 and plain:
            yield rest, BARE
            if len(rest) >= 3:
                for n in range(2, len(rest)):
                    yield (*kind, *rest[:n]), SHORTENED
                    # ... and by their initials: "phòng kt" of "Phòng Kinh tế, Hạ tầng và Đô thị"
                    yield (*kind, "".join(w[0] for w in rest[:n] if w != "va")), SHORTENED
            if len(core) >= 3:
                yield (*kind, *core[-2:]), SHORTENED  # "đài truyền hình", "sở du lịch"
            if "va" in rest and rest.index("va") >= 2:
                yield rest[: rest.index("va")], HALF  # "giáo dục", "tài nguyên"
        return
