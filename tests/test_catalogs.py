"""Every user-facing string is in the catalogs: Vietnamese complete, placeholders intact."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import i18n

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("i18n", "bot", "handlers", "jobs", "models", "planning", "services", "web")
BASE_WRAPPERS = {"_", "gettext", "N_"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]")


def _called(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else None


def translating_wrappers() -> set[str]:
    """Every function that translates its first argument: gettext itself, and any function
    that passes its first parameter on to one (``t``, ``say``...), found by reading the code, so
    that a new wrapper is extracted too."""
    functions = [
        node
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.args.args
    ]
    wrappers = set(BASE_WRAPPERS)
    while True:
        found = {
            function.name
            for function in functions
            if function.args.args[0].arg not in ("self", "cls")
            and any(
                isinstance(call, ast.Call)
                and _called(call) in wrappers
                and call.args
                and isinstance(call.args[0], ast.Name)
                and call.args[0].id == function.args.args[0].arg
                for call in ast.walk(function)
            )
        }
        if found <= wrappers:
            return wrappers
        wrappers |= found


WRAPPERS = translating_wrappers()
KEYWORDS = {**{name: None for name in WRAPPERS}, "ngettext": (1, 2)}


def test_the_wrappers_are_found_and_the_catalog_rule_extracts_them() -> None:
    assert {"t", "say", "translate"} <= WRAPPERS
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = next(line for line in makefile.splitlines() if "pybabel extract" in line)
    assert {k for k in re.findall(r"-k (\w+)", rule)} >= WRAPPERS - {"_", "gettext"}


def _source_messages() -> set[str]:
    found: set[str] = set()
    for package in PACKAGES:
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            # A plural is catalogued under its singular.
            found.add(message if isinstance(message, str) else message[0])
    return found


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


SOURCE = _source_messages()


def test_the_source_has_messages() -> None:
    assert len(SOURCE) > 20


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_is_translated(language: str) -> None:
    catalog = _catalog(language)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and not m.fuzzy and (m.string if isinstance(m.string, str) else all(m.string))
    }
    missing = sorted(m for m in SOURCE if m not in translated)
    assert missing == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_translations_keep_every_placeholder(language: str) -> None:
    for message in _catalog(language):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for string in strings:
            if not string:
                continue  # untranslated: the test above reports it
            assert set(PLACEHOLDER.findall(string)) <= expected, message.id
            assert set(PLACEHOLDER.findall(string)) >= set(PLACEHOLDER.findall(ids[0])), message.id


def test_vietnamese_is_the_default() -> None:
    with i18n.use_language(None):
        assert i18n.gettext("overdue") == "quá hạn"
    with i18n.use_language("en"):
        assert i18n.gettext("overdue") == "overdue"
