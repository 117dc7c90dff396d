"""The question lexicon (planning/data/questions.yaml): shorthand, abbreviations, synonyms,
fillers and cues (what a phrase says about the question), validated on load."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from planning.questions.reading import Action, Ask, Role, Status, TaskField
from planning.questions.words import Speller, agree, marks, phrase, phrase_marks
from planning.text import fold

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "questions.yaml"

Phrase = tuple[str, ...]
Marks = tuple[str | None, ...]


class CueKind(StrEnum):
    ASK = "ask"
    FIELD = "field"
    STATUS = "status"
    ROLE = "role"
    ACTION = "action"
    OWN = "own"
    HELP = "help"
    OFF_TOPIC = "off_topic"


_VALUES: dict[CueKind, frozenset[str]] = {
    CueKind.ASK: frozenset(a.value for a in Ask),
    CueKind.FIELD: frozenset(f.value for f in TaskField),
    CueKind.STATUS: frozenset(s.value for s in Status),
    CueKind.ROLE: frozenset(r.value for r in Role),
    CueKind.ACTION: frozenset(a.value for a in Action),
    CueKind.OWN: frozenset({""}),
    CueKind.HELP: frozenset({""}),
    CueKind.OFF_TOPIC: frozenset({""}),
}


@dataclass(frozen=True)
class Cue:
    """What a phrase says: ``status=overdue`` with weight 3 (3 and up: a clear signal).
    ``marks``: the phrase's diacritics, which a question typed with diacritics must share
    ("đã" is not "dạ")."""

    kind: CueKind
    value: str
    weight: float
    marks: Marks = ()
    strict: bool = False  # read only when typed with its diacritics


@dataclass(frozen=True)
class Lexicon:
    replacements: Mapping[Phrase, Phrase]
    # The diacritics each replacement is written with ("cchc": "cải cách hành chính", so
    # that its "cải" is no "cái").
    written: Mapping[Phrase, Marks]
    synonyms: Mapping[Phrase, tuple[Phrase, ...]]
    # Words a part of the plan is called by only after its head ("mảng số hóa": the part on
    # digital government; "số hóa" alone is a task's words).
    part_synonyms: Mapping[Phrase, tuple[Phrase, ...]]
    # Everyday words for a task's work, with their diacritics, and the plan's words for it
    # with theirs ("dò lại": "rà soát").
    title_words: Mapping[Phrase, tuple[Marks, Phrase, Marks]]
    # Filler words, each with the diacritics it is written with ("hộ" but not "hồ").
    fillers: Mapping[str, frozenset[str | None]]
    plan_words: frozenset[Phrase]
    # Words naming a task before its number or title, each with how it is written.
    task_heads: Mapping[Phrase, frozenset[Marks]]
    agency_kinds: Mapping[str, frozenset[str]]
    cues: Mapping[Phrase, tuple[Cue, ...]]
    # Fillers read as such only when typed with their diacritics ("mảng", a field of the
    # plan's work; "mang" typed bare may be "mạng").
    strict_fillers: frozenset[str] = frozenset()
    # A region's words, read only when typed with their own diacritics ("chừ" is "giờ";
    # typed bare, "chu" is "chủ"): each word's diacritics and what it stands for.
    dialect: Mapping[str, tuple[str | None, Phrase]] = field(default_factory=dict)
    # The words after which a region's word typed bare is that word ("tới mô"); "end": at
    # the question's end ("... ai rứa").
    dialect_bare: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def filler(self, word: str, marks: str | None) -> bool:
        """Whether a word (typed with ``marks``) carries nothing of the meaning."""
        written = self.fillers.get(word)
        strict = word in self.strict_fillers
        return written is not None and any(agree(marks, w, strict) for w in written)

    def syllables(self) -> set[str]:
        """Every word the lexicon spells, for mending a question's typos."""
        out: set[str] = set(self.fillers)
        for words in self._phrases():
            out.update(words)
        return out

    def pairs(self) -> set[tuple[str, str]]:
        """Every two neighbouring words of the lexicon's phrases ("triển khai")."""
        return {pair for words in self._phrases() for pair in zip(words, words[1:], strict=False)}

    def _phrases(self) -> Iterator[Phrase]:
        for group in (
            self.cues,
            self.plan_words,
            self.task_heads,
            self.synonyms,
            self.part_synonyms,
        ):
            yield from group
        yield from self.replacements.values()
        for targets in (*self.synonyms.values(), *self.part_synonyms.values()):
            yield from targets

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """The lexicon from a YAML file; without a path, the packaged one (cached)."""
        if path is None:
            return _default_lexicon()
        return _parse(path.read_text(encoding="utf-8"), str(path))


class _UniqueKeys(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no types
    """A YAML loader that refuses a key said twice in one mapping, which plain YAML would
    keep the last of, silently dropping the first's phrases."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"{key!r} twice, line {key_node.start_mark.line + 1}")
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def load_yaml(text: str) -> Any:
    """The data of a YAML file of phrases, none of its keys said twice."""
    return yaml.load(text, Loader=_UniqueKeys)  # noqa: S506 - a SafeLoader


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _parse(DEFAULT_PATH.read_text(encoding="utf-8"), str(DEFAULT_PATH))


def _parse(text: str, source: str) -> Lexicon:
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError(f"Question lexicon {source}: expected a mapping")
    pairs = [
        (phrase(str(k)), str(v))
        for section in ("shorthand", "abbreviations")
        for k, v in _mapping(data, section, source).items()
    ]
    replacements = {k: phrase(v) for k, v in pairs}
    marked = {k: phrase_marks(v, phrase(v)) for k, v in pairs}
    spell = Speller(replacements, (), written=marked).spell
    cues: dict[Phrase, list[Cue]] = {}
    for n, entry in enumerate(_list(data, "cues", source), start=1):
        meanings = _meanings(entry, f"{source}, cue {n}")
        for said in _strings(entry, "say", f"{source}, cue {n}"):
            words = spell(said)
            written = phrase_marks(said, words, bare="")
            strict = bool(entry.get("strict", False))
            cues.setdefault(words, []).extend(
                replace(m, marks=written, strict=strict) for m in meanings
            )
    strict_fillers = _list(data, "strict_fillers", source)
    return Lexicon(
        replacements=replacements,
        written=marked,
        synonyms=_synonyms(spell, data, "synonyms", source),
        part_synonyms=_synonyms(spell, data, "part_synonyms", source),
        title_words={
            spell(str(said)): (
                phrase_marks(str(said), spell(str(said))),
                spell(str(plan)),
                phrase_marks(str(plan), spell(str(plan))),
            )
            for plan, saids in _mapping(data, "title_words", source).items()
            for said in _as_list(saids, source, "title_words")
        },
        fillers=_fillers(spell, _list(data, "fillers", source) + strict_fillers),
        strict_fillers=frozenset(w for f in strict_fillers for w in spell(str(f))),
        plan_words=frozenset(spell(str(w)) for w in _list(data, "plan_words", source)),
        task_heads=_marked(spell, _list(data, "task_heads", source)),
        agency_kinds={
            "".join(spell(str(k))): frozenset(str(t).lower() for t in _as_list(v, source, k))
            for k, v in _mapping(data, "agency_kinds", source).items()
        },
        cues={k: tuple(v) for k, v in cues.items()},
        dialect={
            fold(str(k)): (marks(str(k)), phrase(str(v)))
            for k, v in _mapping(data, "dialect", source).items()
        },
        dialect_bare={
            fold(str(k)): frozenset(fold(str(w)) for w in _as_list(v, source, "dialect_bare"))
            for k, v in _mapping(data, "dialect_bare", source).items()
        },
    )


def _marked(spell: Callable[[str], Phrase], written: list[Any]) -> dict[Phrase, frozenset[Marks]]:
    marked: dict[Phrase, set[Marks]] = {}
    for text in written:
        words = spell(str(text))
        marked.setdefault(words, set()).add(phrase_marks(str(text), words))
    return {w: frozenset(m) for w, m in marked.items()}


def _fillers(
    spell: Callable[[str], Phrase], written: list[Any]
) -> dict[str, frozenset[str | None]]:
    marked: dict[str, set[str | None]] = {}
    for filler in written:
        words = spell(str(filler))
        for word, mark in zip(words, phrase_marks(str(filler), words), strict=True):
            marked.setdefault(word, set()).add(mark)
    return {w: frozenset(m) for w, m in marked.items()}


def _meanings(entry: Any, where: str) -> list[Cue]:
    if not isinstance(entry, dict) or not isinstance(entry.get("mean"), str):
        raise ValueError(f"Question lexicon {where}: expected 'mean', 'weight' and 'say'")
    weight = entry.get("weight")
    if not isinstance(weight, int | float) or weight <= 0:
        raise ValueError(f"Question lexicon {where}: 'weight' must be a positive number")
    cues = []
    for part in entry["mean"].split():
        name, _, value = part.partition("=")
        try:
            kind = CueKind(name)
        except ValueError:
            raise ValueError(f"Question lexicon {where}: unknown cue {name!r}") from None
        if value not in _VALUES[kind]:
            raise ValueError(f"Question lexicon {where}: {name} cannot be {value!r}")
        cues.append(Cue(kind, value, float(weight)))
    return cues


def _synonyms(
    spell: Callable[[str], Phrase], data: dict[str, Any], key: str, source: str
) -> dict[Phrase, tuple[Phrase, ...]]:
    return {
        spell(k): tuple(spell(t) for t in _as_list(v, source, key))
        for k, v in _mapping(data, key, source).items()
    }


def _mapping(data: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"Question lexicon {source}: '{key}' must be a mapping")
    return value


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    return _as_list(data.get(key, []), source, key)


def _as_list(value: Any, source: str, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"Question lexicon {source}: '{key}' must be a list")
    return value


def _strings(entry: dict[str, Any], key: str, where: str) -> list[str]:
    value = entry.get(key)
    if not isinstance(value, list) or not value:
        raise ValueError(f"Question lexicon {where}: '{key}' must be a list of phrases")
    return [str(v) for v in value]
