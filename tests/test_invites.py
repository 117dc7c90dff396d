"""Invite codes cannot be guessed at a bot's speed: a chat gets five wrong codes a minute, and
every wrong one is audited (which chat, why; never the code)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import AuditLog, ChannelAccount
from services import people
from tests.test_review_flows import text_of, vi
from tests.world import World


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    return World.build(sessions, tmp_path)


def failures(world: World) -> list[AuditLog]:
    with world.app.sessions() as session:
        return list(
            session.scalars(
                select(AuditLog)
                .where(AuditLog.action == people.INVITE_FAILED)
                .order_by(AuditLog.id)
            )
        )


def registered(world: World, user: str) -> bool:
    with world.app.sessions() as session:
        return (
            session.scalar(select(ChannelAccount).where(ChannelAccount.external_id == user))
            is not None
        )


def test_a_hundred_guesses_a_second_get_five_answers_and_the_rest_wait(world: World) -> None:
    good = world.invite("Sở Tư pháp")
    answers = [
        text_of(world.send("k1", command="start", args=(f"ABCDEFGH{n:02d}",))) for n in range(100)
    ]
    assert answers[:5] == [vi(people.INVITE_UNKNOWN)] * 5
    assert set(answers[5:]) == {vi(people.TOO_MANY_TRIES)}

    # Even the right code waits while the chat is held back...
    assert text_of(world.send("k1", command="start", args=(good,))) == vi(people.TOO_MANY_TRIES)
    assert not registered(world, "k1")
    # ...another chat is not held back by this one...
    assert text_of(world.send("k2", command="start", args=("WRONGCODE2",))) == vi(
        people.INVITE_UNKNOWN
    )
    # ...and a minute after its last try, the chat may try again.
    world.now += people.TRY_WINDOW + timedelta(seconds=1)
    assert "Sở Tư pháp" in text_of(world.send("k1", command="start", args=(good,)))
    assert registered(world, "k1")


def test_every_wrong_code_is_audited_with_its_chat_and_reason_but_not_the_code(
    world: World,
) -> None:
    used = world.invite("Sở Tư pháp")
    world.send("k1", command="start", args=(used,))
    expired = world.invite("Sở Tư pháp")
    world.now += timedelta(days=8)

    world.send("k2", command="start", args=(used,))
    world.send("k2", command="start", args=(expired,))
    world.send("k2", command="start", args=("NOSUCHCODE",))

    rows = failures(world)
    assert [(r.actor, r.after) for r in rows] == [
        ("console:k2", {"chat_id": "k2", "reason": "used"}),
        ("console:k2", {"chat_id": "k2", "reason": "expired"}),
        ("console:k2", {"chat_id": "k2", "reason": "unknown"}),
    ]
    assert rows[0].entity_id is not None and rows[2].entity_id is None
    assert not any(code in str(r.after) for r in rows for code in (used, expired, "NOSUCHCODE"))
