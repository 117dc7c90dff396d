"""The conversation steps as a mermaid state diagram, drawn from ``handlers.registry.FLOW``.

``python -m handlers.diagram > docs/conversation.md`` redraws it; a test checks it is current.
"""

from __future__ import annotations

from handlers.actions import Action, Step
from handlers.registry import BUTTONS, FLOW, STEPS


def _node(step: Step | None) -> str:
    return "[*]" if step is None else step.name


def _label(trigger: Action | str) -> str:
    if isinstance(trigger, str):
        return trigger
    handler = BUTTONS[trigger]
    return f"{handler.__name__} ({trigger.wire})"


def mermaid() -> str:
    lines = ["stateDiagram-v2"]
    for step in Step:
        lines.append(f"    {step.name}: {step.name} ({step.value}) → {STEPS[step].__name__}")
    for source, trigger, target in FLOW:
        lines.append(f"    {_node(source)} --> {_node(target)}: {_label(trigger)}")
    return "\n".join(lines)


def document() -> str:
    return (
        "# Conversation steps\n\n"
        "Generated from `handlers/registry.py` by `python -m handlers.diagram`; do not edit\n"
        "by hand. Buttons are named by their handler and wire name; any step also ends with a\n"
        "command or with Cancel/Finish (`stop`).\n\n"
        "```mermaid\n" + mermaid() + "\n```\n"
    )


if __name__ == "__main__":
    print(document(), end="")
