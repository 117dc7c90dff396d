"""The registry names every button and step once, and the conversation diagram is drawn from it."""

from __future__ import annotations

import ast
from pathlib import Path

from handlers import actions, registry
from handlers.actions import Step
from handlers.diagram import document

ROOT = Path(__file__).resolve().parents[1]


def steps_entered_in_code() -> set[str]:
    """Every ``Step.X`` passed to ``ctx.set_state`` anywhere in handlers/."""
    found = set()
    for path in (ROOT / "handlers").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "set_state"
            ):
                first = node.args[0]
                assert isinstance(first, ast.Attribute), f"{path.name}: a step must be a Step"
                found.add(first.attr)
    return found


def test_every_action_is_routed_and_every_step_answered() -> None:
    assert set(registry.BUTTONS) == set(actions.ACTIONS.values())
    assert set(registry.STEPS) == set(Step)
    assert len({a.wire for a in actions.ACTIONS.values()}) == len(actions.ACTIONS)


def test_the_flow_covers_every_step_the_handlers_enter() -> None:
    targets = {target.name for _source, _by, target in registry.FLOW if target is not None}
    assert steps_entered_in_code() <= targets
    assert targets == {step.name for step in Step}


def test_a_button_carries_its_wire_name_under_64_bytes() -> None:
    data = actions.EXTENSION_DAYS.data(123456789, 30)
    assert data == "1:extd:123456789:30" and len(data.encode()) < 64
    assert actions.action_of(actions.EXTENSION_DAYS.press(1, 7)) is actions.EXTENSION_DAYS


def test_the_diagram_in_docs_is_current() -> None:
    written = (ROOT / "docs" / "conversation.md").read_text(encoding="utf-8")
    assert written == document(), "run: python -m handlers.diagram > docs/conversation.md"
