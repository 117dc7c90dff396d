"""The layers depend one way: each package imports only itself and the packages below it.

bot (wiring: CLI, runner, chat apps) → web (the upload page) → jobs (schedules) → handlers
(conversation) → services (use cases) → models (entities) → planning (the pure document core)
→ i18n (translation and formatting). An import that runs upward fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["bot", "web", "jobs", "handlers", "services", "models", "planning", "i18n"]


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in ``path``, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def upward_imports(package: str) -> list[str]:
    allowed = set(LAYERS[LAYERS.index(package) :])
    forbidden = set(LAYERS) - allowed
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, name in imported_packages(path)
        if name in forbidden
    ]


@pytest.mark.parametrize("package", LAYERS)
def test_a_layer_imports_only_the_layers_below_it(package: str) -> None:
    assert upward_imports(package) == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from bot.app import App\n", encoding="utf-8")
    assert imported_packages(module) == [(2, "bot")]


def test_every_package_of_the_project_has_its_place() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    assert packages - {"tests", "benchmarks", "migrations"} == set(LAYERS)
