"""The agency resolver: agency names as plans write them -> entries of the agency directory.

The directory (danh mục cơ quan) is data, ``planning/data/agencies.yaml``, validated on load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from i18n import N_
from planning.findings import Finding
from planning.text import clean, fold

DEFAULT_PATH = Path(__file__).with_name("data") / "agencies.yaml"

LEVELS = ("central", "province", "department", "district", "commune", "other")

UNKNOWN_AGENCY = N_("Unknown agency %(name)s: kept as an unverified agency.")
# Translators: a misspelt agency name was read as the closest name in the directory.
GUESSED_AGENCY = N_("Agency %(written)s was read as %(name)s.")

# Fuzzy matching is a safety net for misspellings, so it must never turn one agency into
# another. It compares names only with names that open with the same word ("Sở" with
# "Sở", never "Sở" with "Phòng"), and two distinct agencies' names that do, such as
# "Ủy ban nhân dân huyện" and "Ủy ban nhân dân cấp huyện", score below this threshold
# (a test holds the directory to it) ...
FUZZY_THRESHOLD = 93.0
# ... and the best agency must beat any other clearly.
FUZZY_MARGIN = 4.0
# Abbreviations are not fuzzed: "Sở TN&MT" and "Sở NN&MT" differ by one letter. A name
# is fuzzed only with this many letters in syllables (words with a vowel; "tn", "ptnt"
# and "hđnd" have none).
FUZZY_MIN_LETTERS = 7

_CACHE_LIMIT = 20_000


@dataclass(frozen=True)
class Agency:
    """One entry of the directory: an agency, or a group standing for several (is_group).

    ``successor``/``successor_from``: the agency that took over after a merger (sáp nhập)
    and the date it took effect. ``dissolved_from``: the date an agency ceased to exist
    with no single successor (the district level, 2025-07-01); the operator maps its
    tasks, and ``AgencyDirectory.current`` returns it unchanged. ``work_to``: the bodies,
    one of which a plan names, that took a dissolved agency's work over (a district's
    People's Committee's went to the communes'), for answers that say so.
    """

    key: str
    name: str
    short_name: str | None = None
    level: str = "other"
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    successor: str | None = None
    successor_from: date | None = None
    members: tuple[str, ...] = ()
    is_group: bool = False
    dissolved_from: date | None = None
    work_to: tuple[str, ...] = ()

    def is_dissolved(self, on: date) -> bool:
        return self.dissolved_from is not None and self.dissolved_from <= on


@dataclass(frozen=True)
class Resolution:
    """What one agency name in a cell resolved to; ``agency`` None is an unverified agency."""

    as_written: str
    name: str
    agency: Agency | None
    score: float


# ---------------------------------------------------------------------------- words

_TOKEN = re.compile(r"\w+|[^\w\s]")
_PARENS = re.compile(r"\([^)]*(?:\)|$)")
# "Các Sở: Nội vụ, Tư pháp, Tài chính" names several Sở after one "Sở".
_SO_LIST = re.compile(r"\b(?:các\s+)?sở\s*:\s*([^;]*)", re.IGNORECASE)
_VOWEL = re.compile(r"[aeiouy]")
_SEP_WORDS = frozenset({"va", "voi", "cung"})


@dataclass(frozen=True)
class _Word:
    folded: str
    start: int
    end: int
    punct_before: bool  # punctuation between this word and the previous one


@lru_cache(maxsize=8192)
def _fold_token(token: str) -> str:
    return fold(token)


def _words(text: str, city: bool = False) -> list[_Word]:
    """Folded words with their spans; punctuation only marks where a word follows it.

    ``city``: the plan is a centrally-run city's, where "thành phố" (or "TP") after a name
    is the province level: it reads as "tỉnh" ("Công an Thành phố" is the city's police),
    unless a place name follows ("UBND thành phố Thủ Đức" is a city inside the city).
    """
    words: list[_Word] = []
    punct = False
    tokens = list(_TOKEN.finditer(text))
    skip = False
    for n, m in enumerate(tokens):
        token = m.group()
        if skip:
            skip = False
            continue
        if token == "&":
            # "HĐND&UBND", "TT&TT": the ampersand reads as "và".
            words.append(_Word("va", m.start(), m.end(), punct))
            punct = False
        elif token[0].isalnum() or token[0] == "_":
            folded = _fold_token(token)
            end = m.end()
            if city and words and not punct and folded in ("thanh", "tp"):
                after = 2 if folded == "thanh" else 1
                pho = folded == "tp" or (
                    n + 1 < len(tokens) and fold(tokens[n + 1].group()) == "pho"
                )
                following = tokens[n + after].group() if n + after < len(tokens) else ""
                if pho and not following[:1].isupper():
                    folded = "tinh"
                    if after == 2:
                        end, skip = tokens[n + 1].end(), True
            words.append(_Word(folded, m.start(), end, punct))
            punct = False
        else:
            punct = True
    return words


def _key_of(text: str) -> tuple[str, ...]:
    return tuple(w.folded for w in _words(clean(text)))


class _Phrases(tuple[tuple[str, ...], ...]):
    """Phrases of folded words, longest first, indexed by their first word."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]


def _phrases(*texts: str) -> _Phrases:
    phrases = _Phrases(sorted((tuple(t.split()) for t in texts), key=len, reverse=True))
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    phrases.by_first = {first: tuple(group) for first, group in index.items()}
    return phrases


# Words that may follow a name without changing the agency ("Sở Nội vụ tỉnh",
# "Các Sở, ban, ngành liên quan", "Phòng Nội vụ thành phố"): kept in as_written.
_QUALIFIERS = _phrases(
    "tinh",
    "cap tinh",
    "thanh pho",
    "huyen",
    "thi xa",
    "lien quan",
    "co lien quan",
    "cac lien quan",
    "tren dia ban",
)
# ... and the ministry a body is under ("Các đơn vị thuộc Bộ"), kept too; "Bộ" alone is no
# filler ("Văn phòng Bộ").
_OWNER = _phrases("thuoc bo", "truc thuoc bo")
# Words about the agency's role that sit next to a name, and the titles of the people
# who answer for it ("Giám đốc Sở Nội vụ" is Sở Nội vụ): dropped.
_ROLE_WORDS = _phrases(
    "chu tri",
    "phoi hop",
    "phoi hop voi",
    "cung voi",
    "cung",
    "giam doc",
    "thu truong",
    "chu tich",
    "chanh van phong",
    "chanh thanh tra",
    "truong ban",
    "nguoi dung dau",
    "lanh dao",
)
# A fragment made only of these is filler, not an agency ("hướng dẫn, tổng hợp").
_FILLER = frozenset(
    word
    for phrase in (
        *_ROLE_WORDS,
        ("va",),
        ("huong", "dan"),
        ("tong", "hop"),
        ("don", "doc"),
        ("theo", "doi"),
        ("thuc", "hien"),
        ("tham", "muu"),
        ("trien", "khai"),
        ("cac", "cap", "nganh"),
        # the units of a level listed after a name: "UBND các xã, phường và đặc khu"
        ("xa", "phuong", "dac", "khu", "thi", "tran"),
        *_QUALIFIERS,
    )
    for word in phrase
)


def _phrase_at(words: Sequence[_Word], i: int, phrases: _Phrases) -> int:
    """The number of words of the first phrase found at ``i`` with no punctuation inside, else 0."""
    if i >= len(words):
        return 0
    for phrase in phrases.by_first.get(words[i].folded, ()):
        n = len(phrase)
        if i + n <= len(words) and all(
            words[i + k].folded == phrase[k] and (k == 0 or not words[i + k].punct_before)
            for k in range(n)
        ):
            return n
    return 0


class _Node:
    __slots__ = ("children", "key")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.key: str | None = None


# ------------------------------------------------------------------------- directory


class AgencyDirectory:
    """The agencies a plan may name, with folded alias indexes built once."""

    def __init__(self, agencies: Iterable[Agency], cities: Iterable[str] = ()) -> None:
        self._agencies = tuple(agencies)
        self._cities = tuple(cities)
        _validate(self._agencies)
        self._by_key = {a.key: a for a in self._agencies}
        self._trie = _Node()
        self._alias_owner: dict[tuple[str, ...], str] = {}
        # Fuzzy candidates by their first word: (folded names, their agency keys).
        self._fuzzy_index: dict[str, tuple[list[str], list[str]]] = {}
        self._cache: dict[tuple[str, bool], tuple[list[Resolution], list[Finding]]] = {}
        for agency in self._agencies:
            for alias in _all_names(agency):
                self._index(alias, agency.key)

    # -- construction

    @classmethod
    def load(cls, path: Path | None = None) -> AgencyDirectory:
        """The directory from a YAML file; without a path, the packaged one (cached)."""
        if path is None:
            return _default_directory()
        return cls(*_parse_yaml(path.read_text(encoding="utf-8"), str(path)))

    @classmethod
    def from_entries(cls, entries: Iterable[Agency], cities: Iterable[str] = ()) -> AgencyDirectory:
        """A directory of the given agencies; ValueError if they do not hold together."""
        return cls(entries, cities)

    def _index(self, alias: str, key: str) -> None:
        words = _key_of(alias)
        if not words:
            raise ValueError(f"Agency directory: {key}: empty alias {alias!r}")
        owner = self._alias_owner.get(words)
        if owner is not None and owner != key:
            raise ValueError(
                f"Agency directory: alias {alias!r} of {key!r} is already a name of {owner!r}"
            )
        if owner is None:
            self._alias_owner[words] = key
            if _fuzzable(words):
                names, keys = self._fuzzy_index.setdefault(words[0], ([], []))
                names.append(" ".join(words))
                keys.append(key)
        node = self._trie
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.key = key

    # -- lookup

    def agencies(self) -> Sequence[Agency]:
        return self._agencies

    def get(self, key: str) -> Agency:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no agency {key!r} in the directory") from None

    def current(self, key: str, on: date) -> Agency:
        """The agency doing ``key``'s work on a date: follows mergers in force by then.

        A dissolved agency (``dissolved_from``) is returned unchanged: with no single
        successor, the operator reassigns its tasks.
        """
        agency = self.get(key)
        seen = {agency.key}
        while (
            agency.successor is not None
            and agency.successor_from is not None
            and agency.successor_from <= on
        ):
            agency = self.get(agency.successor)
            if agency.key in seen:  # validated away on load; kept as a guard
                break
            seen.add(agency.key)
        return agency

    def expand(self, key: str, on: date | None = None) -> list[Agency]:
        """A group's member agencies, nested groups expanded (the agency itself if not a group).

        With ``on``, each member is replaced by its successor in force on that date.
        A group with no members yet expands to an empty list.
        """
        out: list[Agency] = []
        seen: set[str] = set()

        def visit(agency: Agency, path: frozenset[str]) -> None:
            if agency.is_group:
                for member in agency.members:
                    if member not in path:
                        visit(self.get(member), path | {member})
                return
            if on is not None:
                agency = self.current(agency.key, on)
            if agency.key not in seen:
                seen.add(agency.key)
                out.append(agency)

        visit(self.get(key), frozenset({key}))
        return out

    # -- resolving

    def is_centrally_run(self, issuer: str | None) -> bool:
        """Whether a plan's issuer ("UBND thành phố Hà Nội") is a centrally-run city."""
        if not issuer:
            return False
        folded = fold(issuer)
        return ("thanh pho" in folded or "tp" in folded.split()) and any(
            fold(city) in folded for city in self._cities
        )

    def resolve(self, text: str, *, city: bool = False) -> Resolution:
        """One agency name: exact alias (any case, with or without diacritics), else fuzzy."""
        written = _tidy(_PARENS.sub(" ", clean(text)))
        words = _words(written, city)
        if not words:
            return Resolution(written, written, None, 0.0)
        key, end = self._match(words, 0)
        if key is not None:
            end += _absorb(words, end, _QUALIFIERS)
            end += _absorb(words, end, _OWNER)
            end += _absorb(words, end, _ROLE_WORDS)
            if end == len(words):
                agency = self._by_key[key]
                return Resolution(written, _shown(agency, written), agency, 100.0)
        guess = self._fuzzy(words)
        if guess is not None:
            agency, score = guess
            return Resolution(written, agency.name, agency, score)
        return Resolution(written, written, None, 0.0)

    def resolve_list(
        self, text: str, line: int | None = None, *, city: bool = False
    ) -> tuple[list[Resolution], list[Finding]]:
        """The agencies of one lead or coordinating cell, in order, without repeats.

        A cell is split on ";" first; inside a part, known names are found greedily
        (longest first). What no known name spans is read by the structure of agency
        names (see ``_names``): lists split only where the next name begins with a head
        noun (Sở, Bộ, UBND, Ban, ...), so "Bộ Văn hóa, Thể thao và Du lịch" stays one
        name, and a sentence after a name ("... tiến hành rà soát") is dropped.
        Text after a name that is no name ("Sở Tư pháp nhiệm vụ trọng tâm ...") is a
        remark and is dropped, and so is a note in brackets; a name that matches nothing
        is kept as an unverified agency with a warning. ``city``: see ``_words``.
        """
        cached = self._cache.get((text, city))
        if cached is None:
            cached = self._resolve_cell(text, city)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[(text, city)] = cached
        resolutions, findings = cached
        if line is not None:
            findings = [f if f.line is not None else replace(f, line=line) for f in findings]
        return list(resolutions), list(findings)

    def _resolve_cell(self, text: str, city: bool) -> tuple[list[Resolution], list[Finding]]:
        cleaned = _PARENS.sub(" ", clean(text))
        cleaned = _SO_LIST.sub(self._spell_out_so_list, cleaned)
        resolutions: list[Resolution] = []
        findings: list[Finding] = []
        seen: set[str] = set()
        for part in cleaned.split(";"):
            for resolution in self._resolve_part(part, city):
                agency = resolution.agency
                identity = agency.key if agency is not None else "?" + fold(resolution.name)
                if identity in seen:
                    continue
                seen.add(identity)
                resolutions.append(resolution)
                if agency is None:
                    findings.append(Finding(UNKNOWN_AGENCY, {"name": resolution.name}))
                elif resolution.score < 100.0:
                    findings.append(
                        Finding(
                            GUESSED_AGENCY, {"written": resolution.as_written, "name": agency.name}
                        )
                    )
        return resolutions, findings

    def _spell_out_so_list(self, m: re.Match[str]) -> str:
        items = [item.strip() for item in m.group(1).split(",")]
        spelled = []
        for item in items:
            bare = re.sub(r"^(?:và|với)\s+", "", item, flags=re.IGNORECASE)
            candidate = "Sở " + bare
            words = _words(candidate)
            key, end = self._match(words, 0) if words else (None, 0)
            spelled.append(candidate if key is not None and end == len(words) else item)
        return ", ".join(spelled)

    def _resolve_part(self, part: str, city: bool = False) -> list[Resolution]:
        words = _words(part, city)
        out: list[Resolution] = []
        region: list[int] = []  # unmatched words waiting to be read as names
        i = 0
        while i < len(words):
            key, end = self._match(words, i)
            if key is None or (region and _inside_name(part, words, region, i)):
                region.append(i)
                i += 1
                continue
            if region:
                out.extend(self._read_pieces(part, words, region))
                region = []
            end += _absorb(words, end, _QUALIFIERS)
            end += _absorb(words, end, _OWNER)
            agency = self._by_key[key]
            written = _tidy(part[words[i].start : words[end - 1].end])
            agency = self._same_kind_at_level(out, words[i:end], written) or agency
            out.append(Resolution(written, _shown(agency, written), agency, 100.0))
            end += _absorb(words, end, _ROLE_WORDS)
            i = self._after_name(words, end)
        if region:
            out.extend(self._read_pieces(part, words, region))
        return out

    def _same_kind_at_level(
        self, before: list[Resolution], name: Sequence[_Word], written: str
    ) -> Agency | None:
        """ "cấp huyện" after "Trung tâm hành chính công cấp tỉnh" is that body's district one.

        A bare level ("cấp huyện", "cấp xã") following a name that ends in another level
        names the same kind of body at that level, when the directory has one.
        """
        if len(name) != 2 or name[0].folded != "cap" or not before:
            return None
        previous = before[-1].as_written
        at = fold(previous).rfind("cap ")
        if at <= 0:
            return None
        found = self.resolve(previous[:at] + written)
        return found.agency if found.score == 100.0 else None

    def _after_name(self, words: Sequence[_Word], i: int) -> int:
        """Where reading resumes after a name: a separator, the next name, or past a remark."""
        if i >= len(words) or words[i].punct_before or words[i].folded in _SEP_WORDS:
            return i
        if self._match(words, i)[0] is not None:
            return i
        # A remark ("nhiệm vụ trọng tâm liên ngành của UBND tỉnh") runs until a separator
        # that is followed by a known name; names inside the remark are not assignees.
        j = i + 1
        while j < len(words):
            if words[j].folded in _SEP_WORDS:
                if j + 1 < len(words) and self._match(words, j + 1)[0] is not None:
                    return j
            elif words[j].punct_before and self._match(words, j)[0] is not None:
                return j
            j += 1
        return j

    def _match(self, words: Sequence[_Word], i: int) -> tuple[str | None, int]:
        """The longest known name starting at word ``i``: (key, end) or (None, i)."""
        node = self._trie
        best: tuple[str | None, int] = (None, i)
        j = i
        while j < len(words):
            child = node.children.get(words[j].folded)
            if child is None:
                break
            node = child
            j += 1
            if node.key is not None:
                best = (node.key, j)
        return best

    def _read_pieces(
        self, part: str, words: Sequence[_Word], indexes: list[int]
    ) -> list[Resolution]:
        """Unmatched words between names: a misspelt name, several, filler, or unknown agencies.

        The whole run is tried first (a misspelt name may contain "và" or a comma), then
        each name the run holds by its structure (``_names``).
        """
        indexes = _strip_edges(words, indexes)
        if not indexes or all(words[k].folded in _FILLER for k in indexes):
            return []
        guess = self._fuzzy([words[k] for k in indexes])
        if guess is not None:
            agency, score = guess
            written = _tidy(part[words[indexes[0]].start : words[indexes[-1]].end])
            return [Resolution(written, agency.name, agency, score)]
        out: list[Resolution] = []
        for name in _names(part, words, indexes):
            name = _strip_edges(words, name)
            if not name or all(words[k].folded in _FILLER for k in name):
                continue
            written = _tidy(part[words[name[0]].start : words[name[-1]].end])
            guess = self._fuzzy([words[k] for k in name])
            if guess is not None:
                out.append(Resolution(written, guess[0].name, guess[0], guess[1]))
            elif written:
                out.append(Resolution(written, written, None, 0.0))
        return out

    def _fuzzy(self, words: Sequence[_Word]) -> tuple[Agency, float] | None:
        """The one agency whose name is within a typo or two of ``words``, if any."""
        folded = tuple(w.folded for w in words)
        if not _fuzzable(folded) or folded[0] not in self._fuzzy_index:
            return None
        names, keys = self._fuzzy_index[folded[0]]
        hits = process.extract(
            " ".join(folded),
            names,
            scorer=fuzz.ratio,
            limit=8,
            score_cutoff=FUZZY_THRESHOLD - FUZZY_MARGIN,
        )
        # A typo never changes the level: "... UBND" is not "... UBND xã".
        levels = _levels_of(folded)
        hits = [hit for hit in hits if _levels_of(hit[0].split()) == levels]
        if not hits or hits[0][1] < FUZZY_THRESHOLD:
            return None
        _, best_score, best_index = hits[0]
        best_key = keys[best_index]
        if any(
            keys[index] != best_key and best_score - score < FUZZY_MARGIN
            for _, score, index in hits[1:]
        ):
            return None
        return self._by_key[best_key], round(float(best_score), 1)


_LEVEL_TOKENS = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "tran", "khu", "pho", "cap"})


def _levels_of(words: Sequence[str]) -> frozenset[str]:
    return frozenset(words) & _LEVEL_TOKENS


def resolve_agency(text: str, directory: AgencyDirectory | None = None) -> Resolution:
    """One agency name against the given directory, else the packaged one."""
    return (directory or AgencyDirectory.load()).resolve(text)


# --------------------------------------------------------------------------- helpers


def _all_names(agency: Agency) -> list[str]:
    names = [agency.name, *agency.aliases]
    if agency.short_name:
        names.append(agency.short_name)
    return names


def _fuzzable(words: Sequence[str]) -> bool:
    letters = sum(len(w) for w in words if _VOWEL.search(w))
    return len(words) >= 2 and letters >= FUZZY_MIN_LETTERS


def _absorb(words: Sequence[_Word], i: int, phrases: _Phrases) -> int:
    """How many words from ``i`` are qualifiers or role words directly after a name."""
    n = 0
    for _ in range(4):
        if i + n >= len(words) or words[i + n].punct_before:
            break
        step = _phrase_at(words, i + n, phrases)
        if not step:
            break
        n += step
    return n


def _strip_edges(words: Sequence[_Word], indexes: list[int]) -> list[int]:
    start, stop = 0, len(indexes)
    while start < stop and words[indexes[start]].folded in _SEP_WORDS:
        start += 1
    while start < stop:
        n = _phrase_at(words, indexes[start], _ROLE_WORDS)
        if not n or start + n > stop:
            break
        start += n
    while stop > start and words[indexes[stop - 1]].folded in _SEP_WORDS:
        stop -= 1
    return indexes[start:stop]


# Head nouns that open an agency's name (folded): a list splits only before one of these.
_HEADS = _phrases(
    "bo",
    "so",
    "ban",
    "ubnd",
    "ubmttq",
    "uy ban",
    "hdnd",
    "hoi dong",
    "van phong",
    "thanh tra",
    "cong an",
    "bo chi huy",
    "bo tu lenh",
    "dai",
    "bao",
    "thong tan xa",
    "trung tam",
    "kho bac",
    "cuc",
    "chi cuc",
    "tong cuc",
    "vu",
    "vien",
    "hoc vien",
    "truong",
    "phong",
    "hoi",
    "hiep hoi",
    "lien minh",
    "lien doan",
    "tinh doan",
    "thanh doan",
    "doan",
    "tinh uy",
    "thanh uy",
    "dang uy",
    "toa an",
    "bao hiem",
    "buu dien",
    "ngan hang",
    "benh vien",
    "cong ty",
    "tong cong ty",
    "tap doan",
    "chi nhanh",
    "thue",
    "mat tran",
    "to",
    "cac",
)
_HEAD_FIRST = frozenset(phrase[0] for phrase in _HEADS)
# Words after which a head noun continues the name: "Văn phòng Bộ", "Vụ Pháp chế thuộc Bộ".
_LINKS = frozenset({"cua", "thuoc", "truc", "tai", "va", "voi"})
_OWNER_LINKS = frozenset({"cua", "thuoc"})
# Verbs that end a name and open what the agency is to do ("Bộ Công an tiến hành rà soát").
_VERBS = _phrases(
    "tien hanh",
    "thuc hien",
    "tham muu",
    "to chuc",
    "xay dung",
    "ra soat",
    "trien khai",
    "huong dan",
    "theo doi",
    "chi dao",
    "kiem tra",
    "bao cao",
    "tong hop",
    "ban hanh",
    "de xuat",
    "trinh",
    "chiu trach nhiem",
    "co trach nhiem",
    "cap nhat",
    "nghien cuu",
    "hoan thanh",
    "phoi hop thuc hien",
)

_VERB_FIRST = frozenset(phrase[0] for phrase in _VERBS)


def _head_at(part: str, words: Sequence[_Word], k: int) -> bool:
    """Whether word ``k`` opens an agency's name: a capitalised head noun, or "các" + one."""
    if words[k].folded not in _HEAD_FIRST or not _phrase_at(words, k, _HEADS):
        return False
    first = part[words[k].start : words[k].end]
    if words[k].folded == "cac":
        return k + 1 < len(words) and _phrase_at(words, k + 1, _HEADS) > 0
    return first[:1].isupper()


def _is_verb(part: str, words: Sequence[_Word], k: int) -> bool:
    """A lower-case verb phrase at ``k``: where a sentence about the agency begins."""
    return (
        words[k].folded in _VERB_FIRST
        and part[words[k].start : words[k].start + 1].islower()
        and bool(_phrase_at(words, k, _VERBS))
    )


def _names(part: str, words: Sequence[_Word], indexes: list[int]) -> list[list[int]]:
    """The names a run of unknown words holds, read by how agency names are written.

    A new name begins after "," / "và" / "với" only at a head noun ("Sở Tư pháp và
    Ban Dân vận" is two names, "Bộ Giáo dục và Đào tạo" one), and without any separator
    at a capitalised head noun after a complete name ("Sở Tài chính Sở Khoa học"), but
    not after a linking word ("Văn phòng Bộ", "Chi cục ... thuộc Sở ..."). From a verb
    ("tiến hành rà soát ...") to the next separator before a head noun is what the agency
    is to do, not a name.
    """
    names: list[list[int]] = []
    remark = False
    for position, k in enumerate(indexes):
        word = words[k]
        separated = word.punct_before or (
            position > 0 and words[indexes[position - 1]].folded in _SEP_WORDS
        )
        if word.folded in _SEP_WORDS and not names:
            continue
        head = _head_at(part, words, k)
        if remark:
            if separated and head:
                remark = False
            else:
                continue
        if names and not separated and _is_verb(part, words, k):
            remark = True
            continue
        current = names[-1] if names else None
        # Two names run together without a separator open with the same head noun
        # ("Sở Tài chính Sở Khoa học"); another head after a name is its owner
        # ("Ban Dân vận Tỉnh ủy", "Vụ Pháp chế Bộ Nội vụ").
        run_on = (
            current is not None
            and len(current) >= 2
            and words[current[0]].folded == word.folded
            and words[indexes[position - 1]].folded not in _LINKS
            and _phrase_at(words, current[0], _HEADS) < len(current)
        )
        if current is None or (head and (separated or run_on)):
            names.append([k])
        else:
            current.append(k)
    return [
        [k for k in name if words[k].folded not in _SEP_WORDS or k != name[-1]] for name in names
    ]


def _inside_name(part: str, words: Sequence[_Word], region: list[int], i: int) -> bool:
    """Whether a known name found at ``i`` only continues the unknown name before it.

    "Bộ Văn hóa, Thể thao và Du lịch" where only "Du lịch"-free names are known: a known
    name that does not open with a head noun ("cấp xã" is known) and follows a separator
    inside an unknown name is part of it. Known names opening with a head noun always
    start afresh.
    """
    previous = words[region[-1]]
    if previous.folded in _OWNER_LINKS and not words[i].punct_before:
        # "Văn phòng Đăng ký đất đai thuộc Sở ...": the known name is the owner.
        return True
    if _head_at(part, words, i):
        return False
    return previous.folded in _SEP_WORDS and len(region) >= 2 and not words[i].punct_before


def _shown(agency: Agency, written: str) -> str:
    """The name to show: the directory's, unless the plan names another level or a place.

    "Văn phòng HĐND và UBND thành phố" stays "thành phố" (the directory's entry says
    "huyện"), "Công an Thành phố" of a centrally-run city stays so, and "Báo Đắk Nông"
    is not shown as "Báo tỉnh"; an abbreviation ("Sở TTTT") shows the full name.
    """
    canonical, levels = _name_words(agency.name)
    if not levels:
        return agency.name
    written_words = _WORD.findall(fold(written))
    original = _WORD.findall(written)
    # A level is written in lower case; "Tĩnh" of "Báo Hà Tĩnh" is part of a place.
    lower = {f for w, f in zip(original, written_words, strict=False) if not w[:1].isupper()}
    if levels & lower:
        return agency.name
    places = [
        w
        for w, f in zip(original, written_words, strict=False)
        if w[:1].isupper() and f not in canonical
    ]
    other_level = set(written_words) & (_LEVEL_WORDS - levels)
    if other_level or (len(places) >= 1 and len(original) >= 2 and not _abbreviated(original)):
        return _tidy(written)
    return agency.name


@lru_cache(maxsize=2048)
def _name_words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A directory name's folded words, and those of them that name a level."""
    words = frozenset(fold(name).split())
    return words, words & _LEVEL_NAMES


_LEVEL_NAMES = frozenset({"tinh", "huyen", "xa"})
_WORD = re.compile(r"\w+")
_LEVEL_WORDS = frozenset(
    {"tinh", "huyen", "xa", "thanh", "pho", "thi", "quan", "phuong", "khu", "tran"}
)


def _abbreviated(words: Sequence[str]) -> bool:
    """Whether a name is written with an abbreviation ("PTTH", "KBNN", "TP")."""
    return any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words[1:])


def _tidy(text: str) -> str:
    """A fragment without list dashes, stray punctuation at its ends or doubled spaces."""
    return re.sub(r"\s+", " ", text).strip(" \t-–—.,;:…*•")


# ----------------------------------------------------------------------- loading


_FIELDS = frozenset(
    {
        "key",
        "name",
        "short_name",
        "level",
        "parent",
        "aliases",
        "successor",
        "successor_from",
        "members",
        "is_group",
        "dissolved_from",
        "work_to",
    }
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=1)
def _default_directory() -> AgencyDirectory:
    return AgencyDirectory(
        *_parse_yaml(DEFAULT_PATH.read_text(encoding="utf-8"), str(DEFAULT_PATH))
    )


def _parse_yaml(text: str, source: str) -> tuple[list[Agency], tuple[str, ...]]:
    """The agencies of a directory file and its centrally-run cities (optional)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(data, Mapping) or not isinstance(data.get("agencies"), list):
        raise ValueError(f"Agency directory {source}: expected a mapping with an 'agencies' list")
    cities = _str_tuple(data.get("centrally_run_cities"), source, "centrally_run_cities")
    return [_entry(raw, source, n) for n, raw in enumerate(data["agencies"], start=1)], cities


def _entry(raw: Any, source: str, n: int) -> Agency:
    where = f"Agency directory {source}, entry {n}"
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: expected a mapping")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    key = raw.get("key")
    if not isinstance(key, str):
        raise ValueError(f"{where}: 'key' is missing")
    where = f"{where} ({key})"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: 'name' is missing")
    return Agency(
        key=key,
        name=clean(name),
        short_name=_optional_str(raw.get("short_name"), where, "short_name"),
        level=str(raw.get("level", "other")),
        parent=_optional_str(raw.get("parent"), where, "parent"),
        aliases=_str_tuple(raw.get("aliases"), where, "aliases"),
        successor=_optional_str(raw.get("successor"), where, "successor"),
        successor_from=_optional_date(raw.get("successor_from"), where, "successor_from"),
        members=_str_tuple(raw.get("members"), where, "members"),
        is_group=bool(raw.get("is_group", False)),
        dissolved_from=_optional_date(raw.get("dissolved_from"), where, "dissolved_from"),
        work_to=_str_tuple(raw.get("work_to"), where, "work_to"),
    )


def _optional_str(value: Any, where: str, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{field}' must be text")
    return clean(value)


def _str_tuple(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: '{field}' must be a list of text")
    return tuple(clean(v) for v in value)


def _optional_date(value: Any, where: str, field: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{where}: '{field}' must be a date (YYYY-MM-DD)")


def _validate(agencies: Sequence[Agency]) -> None:
    """Reject a directory the resolver could not trust: bad keys, dangling links, cycles."""
    keys: dict[str, Agency] = {}
    for agency in agencies:
        if not _SLUG.match(agency.key):
            raise ValueError(f"Agency directory: bad key {agency.key!r} (use a-z, 0-9 and '-')")
        if agency.key in keys:
            raise ValueError(f"Agency directory: key {agency.key!r} appears twice")
        keys[agency.key] = agency
    for agency in agencies:
        where = f"Agency directory: {agency.key}"
        if agency.level not in LEVELS:
            raise ValueError(f"{where}: level {agency.level!r} is not one of {', '.join(LEVELS)}")
        if agency.parent is not None and agency.parent not in keys:
            raise ValueError(f"{where}: unknown parent {agency.parent!r}")
        if agency.successor is not None and agency.successor not in keys:
            raise ValueError(f"{where}: unknown successor {agency.successor!r}")
        if (agency.successor is None) != (agency.successor_from is None):
            raise ValueError(f"{where}: 'successor' and 'successor_from' go together")
        if agency.members and not agency.is_group:
            raise ValueError(f"{where}: has members but is not a group (is_group: true)")
        for member in agency.members:
            if member not in keys:
                raise ValueError(f"{where}: unknown member {member!r}")
        if agency.work_to and agency.dissolved_from is None:
            raise ValueError(f"{where}: 'work_to' is for a dissolved agency (dissolved_from)")
        for other in agency.work_to:
            if other not in keys:
                raise ValueError(f"{where}: unknown 'work_to' agency {other!r}")
    for agency in agencies:
        _check_acyclic(
            agency.key, keys, lambda a: (a.successor,) if a.successor else (), "successor"
        )
        _check_acyclic(agency.key, keys, lambda a: a.members, "member")


def _check_acyclic(
    start: str, keys: Mapping[str, Agency], links: Any, what: str, path: tuple[str, ...] = ()
) -> None:
    if start in path:
        chain = " -> ".join((*path[path.index(start) :], start))
        raise ValueError(f"Agency directory: {what} links form a cycle: {chain}")
    for nxt in links(keys[start]):
        _check_acyclic(nxt, keys, links, what, (*path, start))


# The words a city's plan writes a level by: a centrally-run city's for a province's, a
# provincial city's, a town's or an urban district's for a district's.
_CITY_LEVELS = {
    "tinh": ("thanh pho", "tp"),
    "huyen": ("thanh pho", "tp", "thi xa", "tx", "quan"),
}


@lru_cache(maxsize=4096)
def written_by_level(name: str) -> bool:
    """Whether a plan may write the directory's ``name`` otherwise (``as_the_plan_writes``):
    it ends with a level a city writes by its own."""
    return fold(name).rsplit(" ", 1)[-1] in _CITY_LEVELS


def as_the_plan_writes(name: str, written: str) -> str:
    """The name to show for a directory agency a plan named ``written``: the plan's own words
    where a city writes a body by its city's level ("Văn phòng UBND Thành phố", "Công an
    Thành phố" for "… tỉnh"; "Văn phòng HĐND và UBND thành phố", "… thị xã" for "… huyện"),
    or a province's body by the province's name ("Báo Nghệ An" for "Báo tỉnh"), else the
    directory's ``name``."""
    folded = fold(name)
    level = folded.rsplit(" ", 1)[-1]
    if level not in _CITY_LEVELS:
        return name
    body = folded.removesuffix(" " + level)
    said = fold(written)
    if said in {f"{body} {city}" for city in _CITY_LEVELS[level]}:
        return written.strip()
    if level != "tinh":
        return name
    # The same words, then a place's name of one to three capitalised words; or the body
    # merged with another, named so ("Báo và Phát thanh, Truyền hình Lào Cai").
    place = written.split()[len(body.split()) :]
    if said.startswith(body + " va "):
        place = place[-2:]
    if (
        said.startswith(body + " ")
        and 1 <= len(place) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in place)
        and fold(place[0]) not in ("tinh", "thanh", "tp")
    ):
        return written.strip()
    return name
