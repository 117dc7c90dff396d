"""A coordinator corrects what was misread, from the task card: agencies and deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from handlers import actions
from i18n import gettext, use_language
from models import AuditLog, OfficialRole, Role, Task
from services import corrections
from services.corrections import LAST_LEAD
from tests.test_review_flows import find_button, milestone_of, text_of
from tests.world import World


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("dp", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Lê Văn Cường")
    world.register("cb", "Sở Tư pháp", OfficialRole.FOCAL, name="Trần Thị Bình")
    return world


def agencies_of(world: World, slot: str, role: Role) -> list[str]:
    with world.app.sessions() as session:
        task = session.scalar(select(Task).where(Task.plan_id == world.plan_id, Task.slot == slot))
        assert task is not None
        return [a.agency.name for a in task.assignments if a.role == role]


def test_the_coordinator_replaces_a_lead_by_typing_part_of_a_name(world: World) -> None:
    task_id = world.task_id("II|2")  # "Kiểm tra văn bản QPPL sau khi ban hành": Sở Tư pháp
    card = world.send("dp", button=actions.CARD.data(task_id))
    menu = world.send("dp", button=find_button(card, "ed").data)
    leads = world.send("dp", button=find_button(menu, "eda").data)
    assert "Sở Tư pháp" in text_of(leads)

    world.send("dp", button=find_button(leads, "edn").data)
    found = world.send("dp", text="van phong ubnd")  # without diacritics, as typed on a phone
    pick = next(
        b for r in found or [] for row in r.buttons for b in row if b.text == "Văn phòng UBND tỉnh"
    )
    added = world.send("dp", button=pick.data)
    assert "Văn phòng UBND tỉnh" in text_of(added)
    assert agencies_of(world, "II|2", Role.LEAD) == ["Sở Tư pháp", "Văn phòng UBND tỉnh"]

    remove = next(
        b for r in added or [] for row in r.buttons for b in row if b.text == "✖ Sở Tư pháp"
    )
    world.send("dp", button=remove.data)
    assert agencies_of(world, "II|2", Role.LEAD) == ["Văn phòng UBND tỉnh"]
    with world.app.sessions() as session:
        actions_done = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
        assert actions_done[-2:] == ["task.assign", "task.unassign"]


def test_the_last_lead_stays_until_another_is_added(world: World) -> None:
    task_id = world.task_id("II|2")
    leads = world.send("dp", button=actions.EDIT_AGENCIES.data(task_id, "l"))
    remove = find_button(leads, "edr")
    refused = world.send("dp", button=remove.data)
    with use_language("vi"):
        assert gettext(LAST_LEAD) in text_of(refused)
    assert agencies_of(world, "II|2", Role.LEAD) == ["Sở Tư pháp"]


def test_the_coordinator_corrects_a_deadline_and_the_plan_date_moves(world: World) -> None:
    milestone = milestone_of(world, "II|1")  # "Tháng 12/2026"
    asked = world.send("dp", button=actions.EDIT_DUE.data(milestone.id))
    assert "31/12/2026" in text_of(asked)
    assert "dd/mm/yyyy" in text_of(world.send("dp", text="ngày mai"))  # not a date: asked again
    saved = world.send("dp", text="15/11/2026")
    assert "15/11/2026" in text_of(saved)
    corrected = milestone_of(world, "II|1")
    assert (corrected.due, corrected.original_due) == (date(2026, 11, 15), date(2026, 11, 15))
    with world.app.sessions() as session:
        entry = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert entry is not None and entry.action == "milestone.correct"
        assert entry.before == {"due": "2026-12-31", "original_due": "2026-12-31"}


def test_only_a_coordinator_may_correct(world: World) -> None:
    task_id = world.task_id("II|1")
    milestone = milestone_of(world, "II|1")
    for data in (
        actions.EDIT.data(task_id),
        actions.EDIT_AGENCIES.data(task_id, "l"),
        actions.EDIT_DUE.data(milestone.id),
        actions.PICK_AGENCY.data(task_id, "l", 1),
    ):
        refused = world.send("cb", button=data)
        assert "điều phối" in text_of(refused), data
    assert agencies_of(world, "II|1", Role.LEAD) == ["Sở Tư pháp"]
    card = world.send("cb", button=actions.CARD.data(task_id))
    assert all(b.data.split(":")[1] != "ed" for r in card or [] for row in r.buttons for b in row)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tư pháp", "Sở Tư pháp"),
        ("so tu phap", "Sở Tư pháp"),
        ("nội vụ", "Sở Nội vụ"),
        ("van phong ubnd", "Văn phòng UBND tỉnh"),
        ("sở tư phap", "Sở Tư pháp"),
        ("so noi vu", "Sở Nội vụ"),
    ],
)
def test_an_agency_is_found_from_part_of_its_name(world: World, typed: str, expected: str) -> None:
    with world.app.sessions() as session:
        found = [a.name for a in corrections.find_agencies(session, typed)]
    assert expected in found[:3], found
