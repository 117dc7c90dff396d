"""Explanations (giải trình), as conversations: the coordinator's escalation asks Sở Nội vụ
why task I.1 (due 31/03/2026) is late; an official answers with a reason and a new date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from handlers import actions, explain, registry
from handlers import review as review_handlers
from handlers.actions import Step
from handlers.common import t
from handlers.messages import Reply
from i18n import use_language
from i18n.formatting import day
from jobs import nudges
from models import (
    AuditLog,
    ConversationState,
    Milestone,
    Notification,
    Official,
    OfficialRole,
    ProgressReport,
    Task,
)
from services import permissions
from services.access import NOT_YOURS
from tests.world import VN, World

ESCALATION_DAY = datetime(2026, 4, 7, 9, 0, tzinfo=VN)


def test_the_explanation_is_registered():
    assert registry.BUTTONS[actions.EXPLAIN] is explain.explain_button
    assert registry.STEPS[Step.EXPLAIN_REASON] is explain.reason_step
    assert registry.STEPS[Step.EXPLAIN_DATE] is explain.date_step


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("noivu", "Sở Nội vụ", name="Cán bộ Nội vụ")
    world.register("dieuphoi", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")
    world.register("tuphap", "Sở Tư pháp", name="Cán bộ Tư pháp")
    world.now = ESCALATION_DAY
    nudges.run_once(world.app.sessions, ESCALATION_DAY)
    return world


def vi(message: str, **values: object) -> str:
    with use_language("vi"):
        return t(message, **values)


def vi_day(value: date) -> str:
    with use_language("vi"):
        return day(value)


def text_of(replies: list[Reply] | None) -> str:
    assert replies is not None
    return "\n".join(r.text for r in replies)


def buttons(replies: list[Reply] | None, action: str) -> list[tuple[str, str]]:
    assert replies
    return [
        (b.text, b.data)
        for r in replies
        for row in r.buttons
        for b in row
        if b.data.split(":")[1] == action
    ]


def explain_button_of(world: World, user_id: int) -> str:
    """The "Explain I.1" button of the person's daily digest on the escalation day."""
    with world.app.sessions() as session:
        note = session.scalar(
            select(Notification).where(
                Notification.official_id == user_id,
                Notification.kind == "daily_digest",
                Notification.key == f"day:{ESCALATION_DAY:%Y%m%d}:o{user_id}",
            )
        )
        assert note is not None
    task_id = world.task_id("I|1")
    [data] = [
        b["data"]
        for row in note.payload["buttons"]  # type: ignore[union-attr]
        for b in row
        if b["data"] == f"1:expl:{task_id}"
    ]
    return str(data)


def official_id(world: World, name: str) -> int:
    with world.app.sessions() as session:
        found = session.scalar(select(Official.id).where(Official.full_name == name))
        assert found is not None
        return found


def explanations(world: World) -> list[ProgressReport]:
    with world.app.sessions() as session:
        return list(
            session.scalars(select(ProgressReport).where(ProgressReport.kind == "explanation"))
        )


def test_the_lead_agency_explains_with_a_typed_reason_and_a_chosen_date(world: World) -> None:
    task_id = world.task_id("I|1")
    replies = world.send(
        "noivu", button=explain_button_of(world, official_id(world, "Cán bộ Nội vụ"))
    )
    assert text_of(replies) == vi(explain.ASK_REASON, label="I.1", date=vi_day(date(2026, 3, 31)))
    assert [text for text, _ in buttons(replies, "exr")] == [
        vi(r) for r in explain.REASONS.values()
    ]

    replies = world.send("noivu", text="Chờ số liệu của UBND cấp xã")
    assert text_of(replies) == vi(
        explain.ASK_DATE, reason="Chờ số liệu của UBND cấp xã", label="I.1"
    )
    choices = buttons(replies, "exd")
    assert [text for text, _ in choices] == [
        vi(review_handlers.PLUS_DAYS, days=n, date=d)
        for n, d in ((7, "14/04"), (15, "22/04"), (30, "07/05"))
    ]

    replies = world.send("noivu", button=choices[1][1])  # +15 days: 22/04/2026
    assert text_of(replies).startswith(
        vi(explain.EXPLANATION_SAVED, label="I.1", date=vi_day(date(2026, 4, 22)))
    )
    [report] = explanations(world)
    assert (report.task_id, report.milestone_id) == (task_id, 1)
    assert report.note == "Chờ số liệu của UBND cấp xã"
    assert report.requested_date == date(2026, 4, 22)
    assert report.official_id == official_id(world, "Cán bộ Nội vụ")

    with world.app.sessions() as session:
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "task.explain"))
        assert audit is not None and audit.entity_id == report.id
        assert audit.after == {
            "task_id": task_id,
            "milestone_id": 1,
            "due": "2026-03-31",
            "reason": "Chờ số liệu của UBND cấp xã",
            "expected": "2026-04-22",
        }
        told = session.scalar(select(Notification).where(Notification.kind == "explanation"))
        assert told is not None
        assert told.official_id == official_id(world, "Điều phối")
        assert told.milestone_id == 1
    with world.app.sessions() as session:
        title = session.get_one(Task, task_id).title
    assert told.payload["text"] == vi(
        explain.EXPLANATION_RECEIVED,
        agency="Sở Nội vụ",
        label="I.1",
        title=title,
        due=vi_day(date(2026, 3, 31)),
        reason="Chờ số liệu của UBND cấp xã",
        expected=vi_day(date(2026, 4, 22)),
    )
    # The conversation is over; the task's history shows the explanation.
    with world.app.sessions() as session:
        assert session.scalars(select(ConversationState)).all() == []
    history = world.send("dieuphoi", button=f"1:hist:{task_id}")
    assert "Chờ số liệu của UBND cấp xã" in text_of(history)


def test_a_reason_from_the_buttons_and_a_typed_date(world: World) -> None:
    world.send("noivu", button=explain_button_of(world, official_id(world, "Cán bộ Nội vụ")))
    replies = world.send("noivu", button=f"1:exr:{world.task_id('I|1')}:funds")
    assert text_of(replies).startswith(
        vi(explain.ASK_DATE, reason=vi(explain.REASONS["funds"]), label="I.1")
    )
    replies = world.send("noivu", text="ngày mai")
    assert text_of(replies) == vi(review_handlers.BAD_DATE, example="22/04/2026")
    replies = world.send("noivu", text="01/04/2026")
    assert text_of(replies).startswith(vi(explain.EXPECTED_NOT_LATER))
    assert explanations(world) == []
    world.send("noivu", text="30/04/2026")
    [report] = explanations(world)
    assert report.note == vi(explain.REASONS["funds"])
    assert report.requested_date == date(2026, 4, 30)


def test_only_the_lead_agency_explains(world: World) -> None:
    data = explain_button_of(world, official_id(world, "Cán bộ Nội vụ"))
    assert text_of(world.send("tuphap", button=data)).startswith(vi(NOT_YOURS))
    assert text_of(world.send("dieuphoi", button=data)).startswith(
        vi(permissions.LEAD_OFFICIALS_ONLY)
    )
    assert explanations(world) == []


def test_an_old_reason_button_after_the_step_is_over_changes_nothing(world: World) -> None:
    replies = world.send("noivu", button=f"1:exr:{world.task_id('I|1')}:input")
    assert text_of(replies).startswith(vi(review_handlers.STEP_OVER))
    replies = world.send("noivu", button=f"1:exd:{world.task_id('I|1')}:7")
    assert text_of(replies).startswith(vi(review_handlers.STEP_OVER))
    assert explanations(world) == []


def test_a_task_already_done_has_nothing_to_explain(world: World) -> None:
    with world.app.sessions.begin() as session:
        milestone = session.get_one(Milestone, 1)
        milestone.completed_on = date(2026, 4, 6)
    data = explain_button_of(world, official_id(world, "Cán bộ Nội vụ"))
    assert text_of(world.send("noivu", button=data)).startswith(vi(explain.NOTHING_TO_EXPLAIN))
