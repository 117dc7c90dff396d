"""Conversations through the real handlers and database, as an official on a phone has them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from handlers import callbacks
from handlers.markup import to_plain
from models import AuditLog, Official, OfficialRole, ProgressReport, Task
from tests.world import World


@pytest.fixture
def world(sessions, tmp_path) -> World:
    return World.build(sessions, tmp_path)


def texts(replies) -> str:  # type: ignore[no-untyped-def]
    assert replies is not None
    return "\n".join(to_plain(r.text) for r in replies)


def buttons(replies) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {b.text: b.data for r in replies for row in r.buttons for b in row}


def test_an_unregistered_person_is_told_how_to_start(world):
    replies = world.send("999", command="nhiemvu")
    assert "/start" in texts(replies)
    assert world.send("999", text="xin chào") is not None


def test_registration_with_an_invite_is_single_use(world):
    code = world.invite("Sở Tư pháp")
    assert "Sở Tư pháp" in texts(world.send("100", command="start", args=(code,)))
    assert "đã được sử dụng" in texts(world.send("101", command="start", args=(code,)))
    assert "không hợp lệ" in texts(world.send("102", command="start", args=("SAI-MA",)))


def test_an_expired_invite_is_refused(world):
    code = world.invite("Sở Tư pháp")
    world.now += timedelta(days=8)
    assert "hết hạn" in texts(world.send("100", command="start", args=(code,)))


def test_an_official_sees_their_agencys_tasks_overdue_first(world):
    world.register("200", "Sở Nội vụ")
    replies = world.send("200", command="nhiemvu")
    text = texts(replies)
    assert "Sở Nội vụ" in text
    lines = [line for line in text.splitlines() if line.startswith(("🔴", "🟡", "⚪", "✅"))]
    # On 25/03/2026 nothing is overdue yet: I.1 (Quý I/2026) is due in 6 days and comes first.
    assert lines, text
    assert "I.1" in lines[0]
    assert "còn 6 ngày" in text
    # Tasks in which the agency has no part are not listed: IV.1 is Sở KH&CN's.
    assert "IV.1 " not in text
    # Tasks led by a group it belongs to ("Các Sở, ban, ngành") are listed as support.
    assert "(phối hợp)" in text


def test_overdue_tasks_come_first_once_their_date_passes(world):
    world.register("200", "Sở Nội vụ")
    world.now = world.now.replace(month=4, day=2)
    text = texts(world.send("200", command="nhiemvu"))
    first = next(line for line in text.splitlines() if line.startswith(("🔴", "🟡")))
    assert first.startswith("🔴") and "I.1" in first
    assert "quá hạn 2 ngày" in text


def test_filters_and_pages_are_buttons(world):
    world.register("200", "Sở Nội vụ")
    replies = world.send("200", command="nhiemvu")
    labels = " ".join(buttons(replies))
    for name in ("Quá hạn", "Sắp đến hạn", "Tất cả", "Đã hoàn thành"):
        assert name in labels
    soon = next(data for text, data in buttons(replies).items() if text.startswith("Sắp đến hạn"))
    text = texts(world.send("200", button=soon))
    assert "I.1" in text and "II.1" not in text


def test_the_task_card_shows_everything_and_escapes_html(world):
    world.register("300", "Văn phòng UBND tỉnh")
    task_id = world.task_id("III|1")
    replies = world.send("300", button=callbacks.encode("card", task_id))
    html = replies[0].text
    assert "&amp;" in html and "&lt; 2%" in html  # the title's "&" and "<" arrive as written
    assert "hồ sơ trễ hạn < 2%" in texts(replies)
    text = texts(replies)
    assert "quy trình nội bộ" in text
    assert "Văn phòng UBND tỉnh" in text and "Các Sở, ban, ngành" in text
    assert "30/06/2026" in text and "Thứ Ba" in text
    assert "Tiến độ: 0%" in text
    assert "Cập nhật tiến độ" in " ".join(buttons(replies))


def test_progress_is_recorded_with_a_note_and_audited(world):
    official_id = world.register("200", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    world.send("200", button=callbacks.encode("prog", task_id))
    world.send("200", button=callbacks.encode("pct", task_id, 50))
    replies = world.send("200", text="Đã kiểm tra 5/10 cơ quan <b>")
    assert "50%" in texts(replies)
    with world.app.sessions() as session:
        task = session.get(Task, task_id)
        assert task.progress_percent == 50
        report = session.scalar(select(ProgressReport).where(ProgressReport.task_id == task_id))
        assert report.note == "Đã kiểm tra 5/10 cơ quan <b>" and report.official_id == official_id
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "task.progress"))
        assert audit.before == {"progress": 0} and audit.after["progress"] == 50


def test_a_typed_percentage_and_a_wrong_one(world):
    world.register("200", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    world.send("200", button=callbacks.encode("prog", task_id))
    assert "0 đến 100" in texts(world.send("200", text="150"))
    world.send("200", text="75%")
    replies = world.send("200", button=callbacks.encode("pnote", task_id))
    assert "75%" in texts(replies)


def test_another_agency_cannot_update_or_see_a_task(world):
    world.register("400", "Sở Tư pháp")
    task_id = world.task_id("I|2")  # Sở Nội vụ leads; Sở Tư pháp supports it
    card = world.send("400", button=callbacks.encode("card", task_id))
    assert "Cập nhật tiến độ" not in " ".join(buttons(card))
    assert "Thêm ghi chú" in " ".join(buttons(card))
    refused = world.send("400", button=callbacks.encode("prog", task_id))
    assert "không được giao" in texts(refused)
    other = world.task_id("IV|1")  # Sở KH&CN leads, nobody from Sở Tư pháp takes part
    assert "không được giao" in texts(world.send("400", button=callbacks.encode("card", other)))
    with world.app.sessions() as session:
        assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_a_duplicate_delivery_changes_nothing_twice(world):
    world.register("200", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    world.send("200", button=callbacks.encode("prog", task_id))
    world.send("200", button=callbacks.encode("pct", task_id, 25))
    first = world.send("200", text="lần một", update_key="same")
    assert first is not None
    assert world.send("200", text="lần một", update_key="same") is None
    with world.app.sessions() as session:
        assert session.scalar(select(func.count(ProgressReport.id))) == 1


def test_a_refusal_is_answered_once_and_changes_nothing(world):
    """A refusal rolls back what its handler began and is answered in a unit of work of its
    own: the update is marked processed there, so a second delivery gets no second refusal."""
    world.register("200", "Sở Nội vụ")
    world.register("400", "Sở Tư pháp")
    task_id = world.task_id("I|2")  # Sở Nội vụ leads; Sở Tư pháp only supports it
    press = callbacks.encode("pct", task_id, 60)
    assert "không được giao" in texts(world.send("400", button=press, update_key="pct"))
    assert world.send("400", button=press, update_key="pct") is None
    # The person still asks as before: nothing of the refused step was left behind.
    assert "0%" in texts(world.send("200", button=callbacks.encode("card", task_id)))
    with world.app.sessions() as session:
        assert session.scalar(select(func.count(ProgressReport.id))) == 0
        assert session.get_one(Task, task_id).progress_percent == 0


def test_a_conversation_survives_a_restart(world, sessions, tmp_path):
    world.register("200", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    world.send("200", button=callbacks.encode("prog", task_id))
    app = world.app.__class__(world.app.settings, world.app.engine, sessions)
    restarted = World(app, plan_id=world.plan_id, now=world.now, _updates=100)
    restarted.app.clock = lambda: restarted.now
    restarted.send("200", text="40")
    replies = restarted.send("200", text="ghi chú sau khi khởi động lại")
    assert "40%" in texts(replies)


def test_unknown_commands_and_old_buttons_get_a_clear_answer(world):
    world.register("200", "Sở Nội vụ")
    assert "/khongco" in texts(world.send("200", command="khongco"))
    assert "không còn hiệu lực" in texts(world.send("200", button="0:old:1"))


def test_english_after_switching_language(world):
    official_id = world.register("200", "Sở Nội vụ")
    world.send("200", command="ngonngu")
    replies = world.send("200", button=callbacks.encode("lang", "en"))
    assert "English" in texts(replies)
    assert "Tasks of" in texts(world.send("200", command="nhiemvu"))
    with world.app.sessions() as session:
        assert session.get(Official, official_id).language == "en"


def test_a_coordinator_sees_every_task(world):
    world.register("500", "Sở Nội vụ", OfficialRole.COORDINATOR)
    text = texts(world.send("500", command="nhiemvu"))
    assert "(11)" in text or "(12)" in text


def test_groups_get_no_private_lists_and_strangers_are_ignored(world):
    world.register("500", "Sở Nội vụ", OfficialRole.COORDINATOR)
    assert "nhắn riêng" in texts(
        world.send("500", command="nhiemvu", chat_type="group", chat_id="-1")
    )
    assert world.send("777", text="xin chào", chat_type="group", chat_id="-1") == []
    bound = world.send("500", command="ganketnhom", chat_type="group", chat_id="-1")
    assert "Cải cách hành chính tỉnh An Thịnh" in texts(bound)
    official = world.register("200", "Sở Nội vụ")
    assert official
    refused = world.send("200", command="ganketnhom", chat_type="group", chat_id="-2")
    assert "điều phối" in texts(refused)


def test_a_second_app_is_linked_to_the_same_official(world):
    official_id = world.register("tg-1", "Sở Nội vụ", channel="telegram")
    replies = world.send("tg-1", command="lienket", channel="telegram")
    code = texts(replies).split("/start ")[1].split()[0]
    welcome = world.send("zl-1", command="start", args=(code,), channel="zalo")
    assert "Sở Nội vụ" in texts(welcome)
    with world.app.sessions() as session:
        official = session.get(Official, official_id)
        assert sorted(a.channel for a in official.accounts) == ["telegram", "zalo"]
        assert session.scalar(select(func.count(Official.id))) == 1
    # The code is single-use, and a link code cannot take over someone else's account.
    assert "đã được sử dụng" in texts(
        world.send("zl-2", command="start", args=(code,), channel="zalo")
    )
    world.register("zl-9", "Sở Tư pháp", channel="zalo")
    other = world.send("tg-1", command="lienket", channel="telegram")
    second = texts(other).split("/start ")[1].split()[0]
    assert "người khác" in texts(
        world.send("zl-9", command="start", args=(second,), channel="zalo")
    )


def test_the_tasks_an_agency_supports_say_who_leads_them(world):
    world.register("200", "Sở Nội vụ")
    text = texts(world.send("200", text="việc sở mình phối hợp thì bên nào chủ trì"))
    lines = [line for line in text.splitlines() if line.startswith(("🔴", "🟡", "⚪", "✅"))]
    assert lines, text
    # A task it only supports names the one to work with, who leads it: III.1 Văn phòng
    # UBND tỉnh's, II.1 Sở Tư pháp's; one it also leads (I.1) names no one.
    led = {line.split()[1]: line.partition(" — ")[2] for line in lines}
    assert led["III.1"] == "Văn phòng UBND tỉnh" and led["II.1"] == "Sở Tư pháp", text
    assert led["I.1"] == "", text
