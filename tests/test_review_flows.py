"""Report done, verification, extensions, notes and history, as conversations with the bot.

The sample plan's task I.1 ("Xây dựng Kế hoạch kiểm tra...") is led by Sở Nội vụ, due Quý
I/2026 (31/03/2026), supported by "Các Sở, ban, ngành"; I.2 is due 30/11/2026 and supported
by Sở Tư pháp.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from handlers import evidence as evidence_handlers
from handlers import review as review_handlers
from handlers.common import t
from handlers.messages import Attachment, Reply
from i18n import use_language
from i18n.formatting import day, status_label
from models import (
    AuditLog,
    ChannelAccount,
    Milestone,
    MilestoneStatus,
    Notification,
    NotificationStatus,
    OfficialRole,
    ProgressReport,
    Task,
)
from services import outbox, permissions, review
from services.access import COORDINATORS_ONLY, NOT_YOURS
from services.messages import Button, OutboxMessage, button_rows
from tests.samples import PDF
from tests.world import VN, World

# --- helpers a person would not need: reading buttons and the outbox


def find_button(replies: list[Reply] | None, action: str) -> Button:
    assert replies, "no reply"
    for reply in replies:
        for row in reply.buttons:
            for button in row:
                if button.data.split(":")[1] == action:
                    return button
    raise AssertionError(f"no {action} button in {[r.text for r in replies]}")


def text_of(replies: list[Reply] | None) -> str:
    assert replies is not None
    return "\n".join(r.text for r in replies)


def inbox(world: World, official_id: int) -> list[Notification]:
    with world.app.sessions() as session:
        return list(
            session.scalars(
                select(Notification)
                .where(Notification.official_id == official_id)
                .order_by(Notification.id)
            )
        )


def notification_button(note: Notification, action: str) -> str:
    buttons = note.payload["buttons"]
    assert isinstance(buttons, list)
    for row in buttons:
        for button in row:
            if button["data"].split(":")[1] == action:
                return str(button["data"])
    raise AssertionError(f"no {action} button in {note.payload}")


def milestone_of(world: World, slot: str, position: int = 0) -> Milestone:
    with world.app.sessions() as session:
        milestone = session.scalar(
            select(Milestone)
            .join(Task)
            .where(Task.plan_id == world.plan_id, Task.slot == slot)
            .where(Milestone.position == position)
        )
        assert milestone is not None
        return milestone


def count(world: World, model: type, **where: object) -> int:
    with world.app.sessions() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query) or 0


def vi(message: str, **values: object) -> str:
    """What a Vietnamese-speaking official reads for this catalog message."""
    with use_language("vi"):
        return t(message, **values)


def vi_day(value: date) -> str:
    with use_language("vi"):
        return day(value)


def title_of(world: World, slot: str) -> str:
    with world.app.sessions() as session:
        return session.get_one(Task, world.task_id(slot)).title


def pdf(name: str = "bien_ban.pdf", content: bytes = PDF) -> Attachment:
    return Attachment("document", name, "application/pdf", len(content), content)


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    return World.build(sessions, tmp_path)


def send_evidence(world: World, user: str, task_id: int, attachment: Attachment | None = None):  # type: ignore[no-untyped-def]
    world.send(user, button=f"1:evid:{task_id}")
    return world.send(user, attachment=attachment or pdf())


def report_done(world: World, user: str, task_id: int) -> list[Reply] | None:
    send_evidence(world, user, task_id)
    return world.send(user, button=f"1:done:{task_id}")


# --- completion and verification


def test_a_completion_approved_after_the_deadline_counts_from_the_day_it_was_reported(
    world: World,
) -> None:
    official = world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")

    replies = report_done(world, "u1", task_id)
    assert text_of(replies).startswith(vi(review_handlers.DONE_SENT, label="I.1"))
    [ask] = inbox(world, coordinator)
    assert ask.kind == "completion_request" and ask.channel == "console"
    assert ask.payload["text"] == vi(
        review_handlers.COMPLETION_REQUEST,
        agency="Sở Nội vụ",
        label="I.1",
        title=title_of(world, "I|1"),
        date=vi_day(date(2026, 3, 31)),
        percent=0,
        count=1,
    )

    world.now = datetime(2026, 4, 3, 10, 0, tzinfo=VN)  # the coordinator is slow
    replies = world.send("c1", button=notification_button(ask, "rok"))
    assert text_of(replies).startswith(vi(review_handlers.APPROVED_REPLY, label="I.1"))

    milestone = milestone_of(world, "I|1")
    assert milestone.completed_on == date(2026, 3, 25)
    assert milestone.verified_at is not None
    assert milestone.status(date(2026, 4, 3)) is MilestoneStatus.DONE_ON_TIME
    with world.app.sessions() as session:
        task = session.get(Task, task_id)
        assert task is not None and task.progress_percent == 100
        decision = session.scalar(select(ProgressReport).where(ProgressReport.kind == "completion"))
        assert decision is not None and decision.decision == "approved"
        assert decision.decided_by_id == coordinator
        audit_row = session.scalar(select(AuditLog).where(AuditLog.action == "completion.approve"))
        assert audit_row is not None
        assert audit_row.before is not None and audit_row.before["completed_on"] is None
        assert audit_row.after is not None and audit_row.after["completed_on"] == "2026-03-25"
    [told] = [n for n in inbox(world, official) if n.kind == "completion_decision"]
    with use_language("vi"):
        on_time = status_label(MilestoneStatus.DONE_ON_TIME)
    assert told.payload["text"] == vi(
        review_handlers.COMPLETION_APPROVED,
        label="I.1",
        title=title_of(world, "I|1"),
        status=on_time,
    )


def test_a_task_reported_done_after_its_deadline_is_done_late(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")
    world.now = datetime(2026, 4, 2, 8, 30, tzinfo=VN)

    report_done(world, "u1", task_id)
    [ask] = inbox(world, coordinator)
    world.send("c1", button=notification_button(ask, "rok"))

    milestone = milestone_of(world, "I|1")
    assert milestone.completed_on == date(2026, 4, 2)
    assert milestone.status(date(2026, 4, 2)) is MilestoneStatus.DONE_LATE


def test_a_task_with_several_milestones_completes_only_the_current_one(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|3")  # quarterly reports: four milestones

    report_done(world, "u1", task_id)
    world.send("c1", button=notification_button(inbox(world, coordinator)[0], "rok"))

    assert milestone_of(world, "I|3", 0).completed_on == date(2026, 3, 25)
    assert milestone_of(world, "I|3", 1).completed_on is None
    with world.app.sessions() as session:
        task = session.get(Task, task_id)
        assert task is not None and task.progress_percent == 0


def test_reporting_done_without_evidence_asks_for_evidence_first(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)

    replies = world.send("u1", button=f"1:done:{world.task_id('I|1')}")

    assert text_of(replies).startswith(t(review.NEED_EVIDENCE))
    assert count(world, ProgressReport, kind="completion") == 0
    assert inbox(world, coordinator) == []


def test_reporting_done_twice_while_waiting_is_refused(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")

    report_done(world, "u1", task_id)
    replies = world.send("u1", button=f"1:done:{task_id}")

    assert text_of(replies).startswith(t(review.COMPLETION_WAITING))
    assert count(world, ProgressReport, kind="completion") == 1
    assert len(inbox(world, coordinator)) == 1


def test_a_rejection_asks_the_coordinator_why_and_carries_the_reason_back(world: World) -> None:
    official = world.register("u1", "Sở Nội vụ")
    focal = world.register("f1", "Sở Nội vụ", OfficialRole.FOCAL, name="Trần Thị B")
    other = world.register("t1", "Sở Tư pháp")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")
    report_done(world, "u1", task_id)
    [ask] = inbox(world, coordinator)

    replies = world.send("c1", button=notification_button(ask, "rno"))
    assert text_of(replies).startswith(vi(review_handlers.ASK_REJECT_REASON, agency="Sở Nội vụ"))
    assert count(world, Notification, kind="completion_decision") == 0
    replies = world.send("c1", text="Thiếu biên bản kiểm tra <có chữ ký> & dấu")
    assert text_of(replies).startswith(vi(review_handlers.REJECTED_REPLY, label="I.1"))

    for person in (official, focal):
        [told] = [n for n in inbox(world, person) if n.kind == "completion_decision"]
        assert told.payload["text"] == vi(
            review_handlers.COMPLETION_REJECTED,
            label="I.1",
            title=title_of(world, "I|1"),
            reason="Thiếu biên bản kiểm tra <có chữ ký> & dấu",
        )
        assert "Thiếu biên bản kiểm tra &lt;có chữ ký&gt; &amp; dấu" in str(told.payload["text"])
    assert inbox(world, other) == []
    assert milestone_of(world, "I|1").completed_on is None
    # The lead agency can try again.
    send_evidence(world, "u1", task_id, pdf("bien_ban_ky.pdf", PDF + b"% signed\n"))
    world.send("u1", button=f"1:done:{task_id}")
    assert count(world, ProgressReport, kind="completion") == 2


def test_a_second_approval_of_the_same_request_changes_nothing(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    first = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    second = world.register("c2", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Lê Văn C")
    report_done(world, "u1", world.task_id("I|1"))
    [ask_first] = inbox(world, first)
    [ask_second] = inbox(world, second)
    world.send("c1", button=notification_button(ask_first, "rok"))
    world.now = datetime(2026, 3, 27, 9, 0, tzinfo=VN)

    again = world.send("c2", button=notification_button(ask_second, "rok"))
    reject = world.send("c2", button=notification_button(ask_second, "rno"))

    already = vi(review_handlers.ALREADY_APPROVED, date=vi_day(date(2026, 3, 25)))
    assert text_of(again).startswith(already)
    assert text_of(reject).startswith(already)
    assert count(world, AuditLog, action="completion.approve") == 1
    assert count(world, Notification, kind="completion_decision") == 1
    with world.app.sessions() as session:
        request = session.scalar(select(ProgressReport).where(ProgressReport.kind == "completion"))
        assert request is not None and request.decided_by_id == first


def test_an_official_of_another_agency_cannot_report_done_or_send_evidence(world: World) -> None:
    world.register("t1", "Sở Tư pháp")  # Sở Tư pháp supports I.2, leads nothing in section I
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|2")

    done = world.send("t1", button=f"1:done:{task_id}")
    evidence = world.send("t1", button=f"1:evid:{task_id}")
    extension = world.send("t1", button=f"1:ext:{task_id}")

    for replies in (done, evidence, extension):
        assert text_of(replies).startswith(t(NOT_YOURS))
    assert count(world, ProgressReport) == 0
    assert inbox(world, coordinator) == []


def test_only_a_coordinator_can_approve(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    report_done(world, "u1", world.task_id("I|1"))
    with world.app.sessions() as session:
        request_id = session.scalar(select(ProgressReport.id))

    replies = world.send("u1", button=f"1:rok:{request_id}")

    assert text_of(replies).startswith(vi(COORDINATORS_ONLY))
    assert milestone_of(world, "I|1").completed_on is None


def test_a_coordinator_does_not_report_on_its_own_behalf(world: World) -> None:
    world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    replies = world.send("c1", button=f"1:done:{world.task_id('I|1')}")
    assert text_of(replies).startswith(t(permissions.LEAD_OFFICIALS_ONLY))


def test_a_duplicate_delivery_of_an_update_changes_nothing_twice(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")
    send_evidence(world, "u1", task_id)

    first = world.send("u1", button=f"1:done:{task_id}", update_key="42")
    second = world.send("u1", button=f"1:done:{task_id}", update_key="42")
    [ask] = inbox(world, coordinator)
    approve = notification_button(ask, "rok")
    world.send("c1", button=approve, update_key="43")
    again = world.send("c1", button=approve, update_key="43")

    assert first and second is None and again is None
    assert count(world, ProgressReport, kind="completion") == 1
    assert count(world, AuditLog, action="completion.approve") == 1
    assert count(world, Notification) == 2  # the request, and the decision to u1


def test_the_coordinators_are_asked_in_their_own_language(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    vietnamese = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    english = world.register("c2", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Lê Văn C")
    world.send("c2", button="1:lang:en")

    report_done(world, "u1", world.task_id("I|1"))

    [vi] = inbox(world, vietnamese)
    [en] = inbox(world, english)
    assert "Thứ Ba, 31/03/2026" in str(vi.payload["text"])
    assert "Tuesday, 31/03/2026" in str(en.payload["text"])


# --- extensions


def test_an_approved_extension_moves_the_deadline_and_keeps_the_original(world: World) -> None:
    official = world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|2")  # due 30/11/2026

    replies = world.send("u1", button=f"1:ext:{task_id}")
    assert "30/11/2026" in text_of(replies)
    find_button(replies, "extd")
    replies = world.send("u1", text="31/11/2026")  # no such day
    assert text_of(replies).startswith(vi(review_handlers.BAD_DATE, example="15/12/2026"))
    replies = world.send("u1", text="15/11/2026")  # earlier than the deadline
    assert text_of(replies).startswith(vi(review.DATE_NOT_LATER, date="30/11/2026"))
    replies = world.send("u1", text="15/12/2026")
    assert text_of(replies).startswith(
        vi(review_handlers.ASK_REASON, date=vi_day(date(2026, 12, 15)))
    )
    replies = world.send("u1", text="Chờ kết quả thanh tra của Bộ Nội vụ")
    assert text_of(replies).startswith(
        vi(review_handlers.EXTENSION_SENT, label="I.2", date=vi_day(date(2026, 12, 15)))
    )

    [ask] = inbox(world, coordinator)
    assert ask.kind == "extension_request"
    assert "Chờ kết quả thanh tra" in str(ask.payload["text"])
    world.send("c1", button=notification_button(ask, "rok"))

    milestone = milestone_of(world, "I|2")
    assert milestone.due == date(2026, 12, 15)
    assert milestone.original_due == date(2026, 11, 30)
    [told] = [n for n in inbox(world, official) if n.kind == "extension_decision"]
    assert "15/12/2026" in str(told.payload["text"]) and "30/11/2026" in str(told.payload["text"])
    card = world.send("u1", button=f"1:card:{task_id}")
    assert "15/12/2026" in text_of(card) and "30/11/2026" in text_of(card)

    # Done between the two dates: on time by the new date, late by the plan's. The plan counts.
    world.now = datetime(2026, 12, 10, 9, 0, tzinfo=VN)
    report_done(world, "u1", task_id)
    done_ask = [n for n in inbox(world, coordinator) if n.kind == "completion_request"][0]
    world.send("c1", button=notification_button(done_ask, "rok"))
    milestone = milestone_of(world, "I|2")
    assert milestone.completed_on == date(2026, 12, 10)
    assert milestone.status(date(2026, 12, 10)) is MilestoneStatus.DONE_LATE


def test_an_extension_by_button_adds_days_to_the_deadline(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|2")

    world.send("u1", button=f"1:ext:{task_id}")
    world.send("u1", button=f"1:extd:{task_id}:15")
    world.send("u1", text="Đợt cao điểm cuối năm")
    [ask] = inbox(world, coordinator)

    with world.app.sessions() as session:
        request = session.scalar(select(ProgressReport).where(ProgressReport.kind == "extension"))
        assert request is not None and request.requested_date == date(2026, 12, 15)
    world.send("c1", button=notification_button(ask, "rno"))
    world.send("c1", text="Không có căn cứ")
    assert milestone_of(world, "I|2").due == date(2026, 11, 30)


def test_a_restart_in_the_middle_of_an_extension_loses_nothing(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    world = World.build(sessions, tmp_path)
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|2")
    world.send("u1", button=f"1:ext:{task_id}", update_key="r1")
    world.send("u1", text="20/12/2026", update_key="r2")

    restarted = World.build(sessions, tmp_path)  # a new process over the same database
    replies = restarted.send("u1", text="Chờ ý kiến của Bộ", update_key="r3")

    assert text_of(replies).startswith(
        vi(review_handlers.EXTENSION_SENT, label="I.2", date=vi_day(date(2026, 12, 20)))
    )
    with restarted.app.sessions() as session:
        request = session.scalar(select(ProgressReport).where(ProgressReport.kind == "extension"))
        assert request is not None
        assert request.requested_date == date(2026, 12, 20)
        assert request.note == "Chờ ý kiến của Bộ"
    assert len(inbox(restarted, coordinator)) == 1


# --- notes and history


def test_a_supporting_agency_adds_a_note_and_the_lead_agency_hears_of_it(world: World) -> None:
    lead = world.register("u1", "Sở Nội vụ")
    world.register("t1", "Sở Tư pháp")
    task_id = world.task_id("I|2")  # Sở Tư pháp supports

    card = world.send("t1", button=f"1:card:{task_id}")
    find_button(card, "note")
    world.send("t1", button=f"1:note:{task_id}")
    replies = world.send("t1", text="Đã cử 02 cán bộ tham gia đoàn kiểm tra")

    assert text_of(replies).startswith(vi(review_handlers.NOTE_SAVED, label="I.2"))
    [told] = inbox(world, lead)
    assert told.kind == "note"
    assert "Sở Tư pháp" in str(told.payload["text"]) and "02 cán bộ" in str(told.payload["text"])
    with world.app.sessions() as session:
        note = session.scalar(select(ProgressReport).where(ProgressReport.kind == "note"))
        assert note is not None and note.note == "Đã cử 02 cán bộ tham gia đoàn kiểm tra"
    assert count(world, AuditLog, action="task.note") == 1


def test_an_agency_with_no_part_cannot_add_a_note(world: World) -> None:
    world.register("k1", "Sở Khoa học và Công nghệ")
    replies = world.send("k1", button=f"1:note:{world.task_id('I|2')}")
    assert text_of(replies).startswith(t(NOT_YOURS))


def test_the_history_lists_reports_requests_decisions_and_files_newest_first(
    world: World,
) -> None:
    world.register("u1", "Sở Nội vụ")
    world.register("t1", "Sở Tư pháp")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|2")
    world.now = datetime(2026, 4, 1, 9, 0, tzinfo=VN)
    world.send("u1", button=f"1:pct:{task_id}:50")
    world.send("u1", text="Đã xây dựng dự thảo")
    world.now = datetime(2026, 4, 2, 9, 0, tzinfo=VN)
    send_evidence(world, "u1", task_id)
    world.now = datetime(2026, 4, 3, 9, 0, tzinfo=VN)
    world.send("u1", button=f"1:done:{task_id}")
    world.now = datetime(2026, 4, 6, 9, 0, tzinfo=VN)
    world.send("c1", button=notification_button(inbox(world, coordinator)[0], "rno"))
    world.send("c1", text="Chưa có báo cáo <tổng hợp>")

    replies = world.send("t1", button=f"1:hist:{task_id}")

    lines = text_of(replies).splitlines()
    assert "I.2" in lines[0]
    rejected = vi(
        review_handlers.HISTORY_DECISIONS["completion", False], date=vi_day(date(2026, 4, 6))
    )
    assert lines[1] == f"• {rejected}: <i>Chưa có báo cáo &lt;tổng hợp&gt;</i>"
    assert "Thứ Hai, 06/04/2026" in lines[1]
    assert lines[2] == "• " + vi(
        review_handlers.HISTORY_LINES["completion"],
        date=vi_day(date(2026, 4, 3)),
        who="Sở Nội vụ",
    )
    assert "02/04/2026" in lines[3] and "bien_ban.pdf" in lines[3]
    assert "01/04/2026" in lines[4] and "50%" in lines[4] and "Đã xây dựng dự thảo" in lines[4]


def test_the_history_is_cut_to_fifteen_lines(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    task_id = world.task_id("I|2")
    for percent in range(20):
        world.send("u1", button=f"1:pct:{task_id}:{percent}")
        world.send("u1", text=f"bước {percent}")

    replies = world.send("u1", button=f"1:hist:{task_id}")

    lines = text_of(replies).splitlines()
    assert len(lines) == 16
    assert "bước 19" in lines[1]


# --- the outbox


def test_the_outbox_gives_pending_messages_and_retries_failures(world: World) -> None:
    world.register("u1", "Sở Nội vụ")
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    report_done(world, "u1", world.task_id("I|1"))
    later = datetime(2026, 3, 25, 9, 5, tzinfo=VN)

    with world.app.sessions.begin() as session:
        assert outbox.pending(session, "telegram", 10) == []
        [row] = outbox.pending(session, "console", 10, now=later)
        account = outbox.destination(session, row)
        assert account is not None and account.chat_id == "c1"
        again = outbox.enqueue(
            session,
            official_id=coordinator,
            kind=row.kind,
            key=row.key,
            message=OutboxMessage("other"),
            now=later,
        )
        assert again.id == row.id and again.payload["text"] != "other"
        outbox.mark_failed(session, row, later, "timed out")
    with world.app.sessions.begin() as session:
        assert outbox.pending(session, "console", 10, now=later) == []
        [row] = outbox.pending(session, "console", 10, now=datetime(2026, 3, 25, 9, 7, tzinfo=VN))
        assert row.attempts == 1 and row.last_error == "timed out"
        outbox.mark_sent(session, row, later)
    with world.app.sessions() as session:
        row = session.scalars(select(Notification)).one()
        assert row.status == NotificationStatus.SENT and row.sent_at is not None


def test_a_message_to_someone_without_a_chat_account_is_kept_as_unreachable(
    world: World,
) -> None:
    coordinator = world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    with world.app.sessions.begin() as session:
        session.execute(delete(ChannelAccount))
        row = outbox.enqueue(
            session,
            official_id=coordinator,
            kind="test",
            key="t:1",
            message=OutboxMessage("x", button_rows([[Button("a", "1:card:1")]])),
            now=world.now,
        )
        assert row.status == NotificationStatus.UNREACHABLE
        assert row.payload["buttons"] == [[{"text": "a", "data": "1:card:1"}]]


def test_every_message_of_this_part_renders_in_vietnamese_and_english() -> None:
    values = {
        "label": "I.1",
        "title": "<b>",
        "agency": "Sở Nội vụ",
        "date": "31/03/2026",
        "days": 7,
        "example": "15/04/2026",
        "percent": 50,
        "count": 2,
        "old": "x",
        "new": "y",
        "reason": "z",
        "status": "s",
        "note": "n",
        "who": "w",
        "name": "f.pdf",
    }
    messages = [
        getattr(module, name)
        for module in (review_handlers, evidence_handlers, review)
        for name in dir(module)
        if name.isupper()
        and isinstance(getattr(module, name), str)
        and " " in getattr(module, name)
    ]
    messages += list(review_handlers.HISTORY_LINES.values())
    messages += list(review_handlers.HISTORY_DECISIONS.values())
    assert len(messages) > 30
    for language in ("vi", "en"):
        with use_language(language):
            for message in messages:
                assert t(message, **values)
