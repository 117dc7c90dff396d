"""`nhacviec people remove` (Nghị định 13/2023/NĐ-CP on personal data): a person's chat
identities and name go; what they did stays, under a pseudonym, in the audit log and the task's
history."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models import (
    AuditLog,
    ChannelAccount,
    ConversationState,
    Notification,
    Official,
    ProgressReport,
)
from services import outbox
from services.access import NOT_REGISTERED
from services.errors import UserError
from services.messages import OutboxMessage
from services.people import NO_SUCH_PERSON, remove_person
from tests.test_review_flows import text_of, vi
from tests.world import World

NAME = "Trần Thị Bình"


@pytest.fixture
def world(sessions, tmp_path) -> World:  # type: ignore[no-untyped-def]
    return World.build(sessions, tmp_path)


def test_removing_a_person_keeps_what_they_did_and_nothing_that_names_them(world: World) -> None:
    official = world.register("987654321", "Sở Nội vụ", name=NAME, channel="telegram")
    world.send("zalo-5f2a9c", command="start", args=("WRONGCODE9",), channel="zalo")
    link = text_of(world.send("987654321", command="lienket", channel="telegram"))
    code = link.split("/start ")[1].split()[0].rstrip(".")
    world.send("zalo-5f2a9c", command="start", args=(code,), channel="zalo")
    task_id = world.task_id("I|1")
    world.send("987654321", button=f"1:prog:{task_id}", channel="telegram")
    world.send("987654321", text="60", channel="telegram")
    world.send("987654321", text="Đã gửi dự thảo", channel="telegram")
    world.send("987654321", button=f"1:note:{task_id}", channel="telegram")  # left in a step
    with world.app.sessions.begin() as session:
        outbox.enqueue(
            session,
            official_id=official,
            kind="test",
            key="waiting",
            message=OutboxMessage("nhắc việc"),
            now=world.now,
        )
        assert len(session.scalars(select(ChannelAccount)).all()) == 2

    with world.app.sessions.begin() as session:
        removed = remove_person(session, official, actor="cli", now=world.now)
    assert removed.accounts == 2

    with world.app.sessions() as session:
        person = session.get_one(Official, official)
        assert (person.full_name, person.active) == (f"#{official}", False)
        assert session.scalars(select(ChannelAccount)).all() == []
        assert session.scalars(select(ConversationState)).all() == []
        [waiting] = session.scalars(select(Notification).where(Notification.key == "waiting"))
        assert waiting.status == "cancelled"
        [report] = session.scalars(select(ProgressReport))
        assert (report.official_id, report.percent, report.note) == (official, 60, "Đã gửi dự thảo")
        rows = session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        actions = [r.action for r in rows]
        assert {"official.register", "official.link", "task.progress"} <= set(actions)
        assert actions[-1] == "official.remove"
        trail = json.dumps([[r.actor, r.before, r.after] for r in rows], ensure_ascii=False)
        for identity in (NAME, "987654321", "zalo-5f2a9c", "telegram:", "zalo:"):
            assert identity not in trail, identity

    # The chat account is a stranger now; the history still says which agency acted.
    assert text_of(world.send("987654321", text="chào", channel="telegram")) == vi(NOT_REGISTERED)
    coordinator = world.register("c1", "Sở Nội vụ", role="coordinator")
    assert coordinator
    history = text_of(world.send("c1", button=f"1:hist:{task_id}"))
    assert "60%" in history


def test_removing_nobody_says_so(world: World) -> None:
    with world.app.sessions.begin() as session, pytest.raises(UserError) as refused:
        remove_person(session, 999, actor="cli", now=world.now)
    assert refused.value.message == NO_SUCH_PERSON
