"""The nudge job, day by day, on the sample plan in a real database.

Task I.1 ("Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026") is led by Sở Nội
vụ, supported by "Các Sở, ban, ngành" (Sở Tư pháp among them) and due Tuesday 31/03/2026. Its
steps: 7 working days before on Friday 20/03, 3 before on Thursday 26/03, 1 before on Monday
30/03, the day itself, then overdue on 01/04 (the lead agency), 03/04 (its focal point), 07/04
(the coordinators, and the lead agency is asked for an explanation), and every 5 working days
after that: 14/04, 21/04.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from handlers.common import t
from handlers.messages import Attachment
from i18n import use_language
from i18n.formatting import day
from jobs import nudges
from jobs.policy import DEFAULT_POLICY, load_policy
from jobs.preview import preview
from models import (
    AuditLog,
    Milestone,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    Task,
)
from planning.calendar import WorkCalendar
from planning.importer import import_document
from services import calendar as calendar_service
from services.plans import import_plan
from tests.samples import PDF
from tests.world import VN, World

POLICY = load_policy(DEFAULT_POLICY)
CAL = WorkCalendar(VN)


def at(y: int, m: int, d: int, hh: int = 8, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN)


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path, now=at(2026, 3, 2, 9))
    world.register("noivu", "Sở Nội vụ", name="Cán bộ Nội vụ")
    world.register("noivu_dm", "Sở Nội vụ", OfficialRole.FOCAL, name="Đầu mối Nội vụ")
    world.register("dieuphoi", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")
    world.register("tuphap", "Sở Tư pháp", name="Cán bộ Tư pháp")
    return world


# --- reading what the job wrote


def run(world: World, when: datetime) -> nudges.RunReport:
    world.now = when
    return nudges.run_once(world.app.sessions, when)


def rows(world: World, **where: object) -> list[Notification]:
    with world.app.sessions() as session:
        query = select(Notification).order_by(Notification.id)
        for name, value in where.items():
            query = query.where(getattr(Notification, name) == value)
        return list(session.scalars(query))


def who(world: World, official_id: int | None) -> str:
    with world.app.sessions() as session:
        official = session.get(Official, official_id)
        assert official is not None
        return official.full_name


def milestone_id(world: World, slot: str, position: int = 0) -> int:
    with world.app.sessions() as session:
        found = session.scalar(
            select(Milestone.id)
            .join(Task)
            .where(Task.plan_id == world.plan_id, Task.slot == slot, Milestone.position == position)
        )
        assert found is not None
        return found


def sent_for(world: World, slot: str) -> set[tuple[str, str]]:
    """(kind, recipient) of the pending and sent messages about a task's first milestone."""
    ms = milestone_id(world, slot)
    return {
        (n.kind, who(world, n.official_id))
        for n in rows(world, milestone_id=ms)
        if n.key.startswith("nudge:") and n.status != nudges.CANCELLED
    }


def button_actions(note: Notification) -> list[str]:
    buttons = note.payload["buttons"]
    assert isinstance(buttons, list)
    return [b["data"].split(":")[1] for row in buttons for b in row]


def vi(message: str, **values: object) -> str:
    with use_language("vi"):
        return t(message, **values)


LEAD = {"Cán bộ Nội vụ", "Đầu mối Nội vụ"}


# --- each step of the policy


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (
            at(2026, 3, 20),
            {("before_7_lead", p) for p in LEAD} | {("before_7_support", "Cán bộ Tư pháp")},
        ),
        (at(2026, 3, 26), {("before_3_lead", p) for p in LEAD}),
        (at(2026, 3, 30), {("before_1_lead", p) for p in LEAD}),
        (at(2026, 3, 31), {("before_0_lead", p) for p in LEAD}),
        (at(2026, 4, 1), {("overdue_1_lead", p) for p in LEAD}),
        (at(2026, 4, 3), {("overdue_3_lead_focal", "Đầu mối Nội vụ")}),
        (
            at(2026, 4, 7),
            {("explain_5", p) for p in LEAD} | {("overdue_5_coordinator", "Điều phối")},
        ),
        (at(2026, 4, 14), {("overdue_10_lead", p) for p in LEAD}),
        (at(2026, 4, 21), {("overdue_15_lead", p) for p in LEAD}),
        # Days between the steps, and a Saturday, send nothing.
        (at(2026, 3, 23), set()),
        (at(2026, 4, 2), set()),
        (at(2026, 4, 8), set()),
        (at(2026, 3, 28), set()),
    ],
)
def test_each_step_reaches_its_people_on_its_day(
    world: World, when: datetime, expected: set[tuple[str, str]]
) -> None:
    run(world, when)
    assert sent_for(world, "I|1") == expected


def test_a_nudge_names_the_task_the_deliverable_the_weekday_and_the_days_left(
    world: World,
) -> None:
    run(world, at(2026, 3, 26))
    note = next(n for n in rows(world, kind="before_3_lead") if n.milestone_id == 1)
    with world.app.sessions() as session:
        task = session.get_one(Task, world.task_id("I|1"))
    with use_language("vi"):
        due = day(date(2026, 3, 31))
    assert due == "Thứ Ba, 31/03/2026"
    assert note.payload["text"] == "\n".join(
        [
            vi(nudges.BEFORE_HEADING),
            f"<b>I.1</b> {task.title}",
            vi(nudges.DELIVERABLE_LINE, product="Kế hoạch của UBND tỉnh"),
            vi(nudges.DEADLINE_LINE, date=due, when=vi(nudges.DAYS_LEFT, days=5)),
        ]
    )
    assert "còn 5 ngày" in str(note.payload["text"])
    # The task card's buttons for someone of the lead agency.
    assert button_actions(note) == ["prog", "evid", "done", "ext", "hist", "list"]
    assert note.channel == "console" and note.status == NotificationStatus.PENDING


def test_the_supporting_agency_reads_who_leads_and_gets_a_note_button(world: World) -> None:
    run(world, at(2026, 3, 20))
    [note] = [n for n in rows(world, kind="before_7_support") if n.milestone_id == 1]
    assert note.payload["text"].startswith(vi(nudges.SUPPORT_HEADING))  # type: ignore[union-attr]
    assert vi(nudges.LEAD_LINE, agencies="Sở Nội vụ") in str(note.payload["text"])
    assert button_actions(note) == ["note", "hist", "list"]
    # Only the 7-day nudge goes to supporting agencies.
    run(world, at(2026, 3, 26))
    assert [n.kind for n in rows(world) if who(world, n.official_id) == "Cán bộ Tư pháp"] == [
        "before_7_support",  # I.1
        "before_7_support",  # I.3, first quarter
        "before_7_lead",  # II.2 is Sở Tư pháp's own, due 31/03 too
        "before_3_lead",  # II.2 again; nothing more about I.1 or I.3
    ]


def test_the_coordinators_escalation_asks_the_lead_agency_to_explain(world: World) -> None:
    run(world, at(2026, 4, 7))
    [coordinator] = [n for n in rows(world, kind="overdue_5_coordinator") if n.milestone_id == 1]
    text = str(coordinator.payload["text"])
    assert text.startswith(vi(nudges.COORDINATOR_HEADING))
    assert vi(nudges.LEAD_LINE, agencies="Sở Nội vụ") in text
    assert vi(nudges.DAYS_OVERDUE, days=7) in text
    assert text.endswith(vi(nudges.EXPLANATION_ASKED))
    assert button_actions(coordinator) == ["evls", "hist", "list"]
    asked = [n for n in rows(world, kind="explain_5") if n.milestone_id == 1]
    assert {who(world, n.official_id) for n in asked} == LEAD
    assert str(asked[0].payload["text"]).endswith(vi(nudges.EXPLAIN_ASK))
    assert button_actions(asked[0])[0] == "expl"


# --- quiet hours


def test_a_nudge_computed_on_friday_evening_goes_out_on_monday_morning(world: World) -> None:
    report = run(world, at(2026, 3, 20, 18))
    assert report.enqueued > 0
    assert {n.not_before.astimezone(VN) for n in rows(world)} == {at(2026, 3, 23, 7, 30)}


def test_or_on_tuesday_when_monday_is_a_day_off(world: World) -> None:
    with world.app.sessions.begin() as session:
        calendar_service.add_day(session, date(2026, 3, 30), "off", "cli", world.now)
    report = run(world, at(2026, 3, 27, 18))
    assert report.enqueued > 0
    # With Monday off, Friday is the last working day before Tuesday's deadline.
    assert sent_for(world, "I|1") == {("before_1_lead", p) for p in LEAD}
    assert {n.not_before.astimezone(VN) for n in rows(world)} == {at(2026, 3, 31, 7, 30)}


def test_inside_working_hours_a_nudge_may_go_at_once(world: World) -> None:
    run(world, at(2026, 3, 20, 9, 15))
    assert {n.not_before.astimezone(VN) for n in rows(world)} == {at(2026, 3, 20, 9, 15)}


def test_early_in_the_morning_it_waits_for_the_office_to_open(world: World) -> None:
    run(world, at(2026, 3, 20, 6, 0))
    assert {n.not_before.astimezone(VN) for n in rows(world)} == {at(2026, 3, 20, 7, 30)}


# --- idempotence


def test_running_twice_writes_nothing_twice(world: World) -> None:
    first = run(world, at(2026, 3, 20))
    again = run(world, at(2026, 3, 20))
    later = run(world, at(2026, 3, 20, 15))
    assert first.enqueued == len(rows(world)) > 0
    assert again.enqueued == later.enqueued == 0
    assert len({n.key for n in rows(world)}) == first.enqueued


def test_two_processes_at_once_write_each_message_once(world: World) -> None:
    barrier = threading.Barrier(2)
    reports: list[nudges.RunReport] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            reports.append(nudges.run_once(world.app.sessions, at(2026, 4, 7)))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = len(rows(world))
    assert total > 0
    assert sorted(r.enqueued for r in reports) == [0, total]


# --- stopping


def report_done(world: World, user: str, slot: str) -> None:
    task_id = world.task_id(slot)
    world.send(user, button=f"1:evid:{task_id}")
    world.send(user, attachment=Attachment("document", "ke_hoach.pdf", "application/pdf", 80, PDF))
    world.send(user, button=f"1:done:{task_id}")


def approve_last_request(world: World, coordinator: str) -> None:
    [official_id] = [
        o for o in {n.official_id for n in rows(world)} if who(world, o) == "Điều phối"
    ] or [None]
    requests = [n for n in rows(world, official_id=official_id) if n.kind.endswith("_request")]
    data = next(
        b["data"]
        for row in requests[-1].payload["buttons"]  # type: ignore[union-attr]
        for b in row
        if b["data"].split(":")[1] == "rok"
    )
    world.send(coordinator, button=data)


def test_reporting_done_stops_the_pending_nudges_and_the_later_steps(world: World) -> None:
    run(world, at(2026, 3, 20, 18))  # written on Friday evening, to go out on Monday
    pending = [n for n in rows(world) if n.milestone_id == 1]
    assert len(pending) == 3

    world.now = at(2026, 3, 21, 10)  # on Saturday the lead agency reports it done
    report_done(world, "noivu", "I|1")
    report = run(world, at(2026, 3, 23, 7))  # before the office opens on Monday

    assert report.withdrawn == 3
    for note in rows(world, milestone_id=1):
        if note.key.startswith("nudge:"):
            assert note.status == nudges.CANCELLED
            assert note.last_error == "cancelled: reported done, awaiting verification"
    # Waiting for verification, nothing more is asked of the lead agency...
    run(world, at(2026, 3, 26))
    assert sent_for(world, "I|1") == set()
    # ... and once verified, nothing ever again.
    world.now = at(2026, 3, 27, 9)
    approve_last_request(world, "dieuphoi")
    for when in (at(2026, 3, 30), at(2026, 4, 1), at(2026, 4, 7)):
        run(world, when)
    assert sent_for(world, "I|1") == set()
    with world.app.sessions() as session:
        audits = session.scalars(select(AuditLog).where(AuditLog.action == "nudge.withdraw"))
        [audit] = [a for a in audits if a.entity_id == 1]
        assert audit.after == {
            "notifications": sorted(n.id for n in pending),
            "reason": "reported done, awaiting verification",
        }


def test_a_rejected_completion_report_lets_the_nudges_resume(world: World) -> None:
    report_done(world, "noivu", "I|1")
    [request] = [n for n in rows(world) if n.kind == "completion_request"]
    reject = next(
        b["data"]
        for row in request.payload["buttons"]  # type: ignore[union-attr]
        for b in row
        if b["data"].split(":")[1] == "rno"
    )
    world.send("dieuphoi", button=reject)
    world.send("dieuphoi", text="Thiếu quyết định ban hành")
    run(world, at(2026, 3, 26))
    assert sent_for(world, "I|1") == {("before_3_lead", p) for p in LEAD}


def test_an_approved_extension_stops_the_old_schedule_and_starts_the_new_one(
    world: World,
) -> None:
    run(world, at(2026, 4, 1, 18))  # overdue, to go out on Thursday morning
    assert len([n for n in rows(world) if n.milestone_id == 1]) == 2

    world.now = at(2026, 4, 1, 19)
    task_id = world.task_id("I|1")
    world.send("noivu", button=f"1:ext:{task_id}")
    world.send("noivu", text="15/05/2026")
    world.send("noivu", text="Chờ ý kiến góp ý của các huyện")
    approve_last_request(world, "dieuphoi")

    report = run(world, at(2026, 4, 2, 7))
    assert report.withdrawn == 2
    assert {n.last_error for n in rows(world, milestone_id=1) if n.key.startswith("nudge:")} == {
        "cancelled: deadline moved"
    }
    run(world, at(2026, 4, 3))  # would have been the focal point's escalation
    assert sent_for(world, "I|1") == set()
    seven_before = CAL.add_working_days(date(2026, 5, 15), -7)
    assert seven_before == date(2026, 5, 6)  # 30/04 and 01/05 are holidays
    run(world, at(2026, 5, 6))
    assert sent_for(world, "I|1") == {("before_7_lead", p) for p in LEAD} | {
        ("before_7_support", "Cán bộ Tư pháp")
    }
    new = [n for n in rows(world, milestone_id=1) if n.kind == "before_7_lead"]
    assert all(":20260515:" in n.key for n in new)


# --- who hears: mergers and groups

EXTRA_PLAN = "\n".join(
    [
        "ỦY BAN NHÂN DÂN",
        "TỈNH AN THỊNH",
        "Số: 16/KH-UBND",
        "KẾ HOẠCH",
        "Chuyển đổi số tỉnh An Thịnh năm 2026",
        "",
        "TT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "I\tHạ tầng số\t\t\t\t",
        "1\tNâng cấp mạng truyền số liệu chuyên dùng\tMạng được nâng cấp"
        "\tSở Thông tin và Truyền thông\tVăn phòng UBND tỉnh\tTrước ngày 31/03/2026",
        "2\tRà soát thủ tục hành chính nội bộ\tDanh mục thủ tục"
        "\tCác Sở, ban, ngành\tSở Nội vụ\tTrước ngày 31/03/2026",
    ]
).encode()


def import_extra(world: World) -> int:
    imported = import_document(EXTRA_PLAN, "chuyen_doi_so.txt", world.app.directory)
    with world.app.sessions.begin() as session:
        return import_plan(
            session,
            imported,
            source_name="chuyen_doi_so.txt",
            sha256=hashlib.sha256(EXTRA_PLAN).hexdigest(),
            directory=world.app.directory,
            now=world.now,
            actor="test",
        ).plan_id


def test_a_merged_agencys_task_goes_to_its_successor_and_a_group_to_its_members(
    world: World,
) -> None:
    plan_id = import_extra(world)
    world.register("khcn", "Sở Khoa học và Công nghệ", name="Cán bộ KH&CN")
    run(world, at(2026, 3, 26))
    with world.app.sessions() as session:
        labels = dict(
            session.execute(
                select(Milestone.id, Task.title).join(Task).where(Task.plan_id == plan_id)
            ).all()
        )
    got = {
        (labels[n.milestone_id], who(world, n.official_id))
        for n in rows(world, kind="before_3_lead")
        if n.milestone_id in labels
    }
    assert got == {
        # Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ on 01/03/2025.
        ("Nâng cấp mạng truyền số liệu chuyên dùng", "Cán bộ KH&CN"),
        # "Các Sở, ban, ngành" is every department: here, those with officials registered.
        ("Rà soát thủ tục hành chính nội bộ", "Cán bộ KH&CN"),
        ("Rà soát thủ tục hành chính nội bộ", "Cán bộ Tư pháp"),
        ("Rà soát thủ tục hành chính nội bộ", "Cán bộ Nội vụ"),
        ("Rà soát thủ tục hành chính nội bộ", "Đầu mối Nội vụ"),
    }


# --- periodic report requests


def test_on_the_10th_each_lead_agency_is_asked_for_all_its_open_tasks_in_one_message(
    world: World,
) -> None:
    run(world, at(2026, 3, 10))
    requests = rows(world, kind="report_request")
    assert sorted(who(world, n.official_id) for n in requests) == [
        "Cán bộ Nội vụ",
        "Cán bộ Tư pháp",
        "Đầu mối Nội vụ",
    ]
    noivu = next(n for n in requests if who(world, n.official_id) == "Cán bộ Nội vụ")
    text = str(noivu.payload["text"])
    with use_language("vi"):
        from i18n import ngettext

        heading = ngettext(
            "📋 <b>Periodic report</b>\nPlease report the status of the %(count)d open task of "
            "%(agency)s: tap it to update its progress, send evidence or report it done.",
            "📋 <b>Periodic report</b>\nPlease report the status of the %(count)d open tasks of "
            "%(agency)s: tap each one to update its progress, send evidence or report it done.",
            5,
        ) % {"count": 5, "agency": "Sở Nội vụ"}
    assert text.startswith(heading)
    for label in ("I.1", "I.2", "I.3", "III.3", "IV.3"):
        assert f"<b>{label}</b>" in text
    buttons = noivu.payload["buttons"]
    assert isinstance(buttons, list)
    cards = [b for row in buttons for b in row if b["data"].split(":")[1] == "card"]
    assert [b["text"] for b in cards] == ["I.1", "I.3", "III.3", "I.2", "IV.3"]  # by deadline
    tuphap = next(n for n in requests if who(world, n.official_id) == "Cán bộ Tư pháp")
    assert "<b>II.1</b>" in str(tuphap.payload["text"])
    assert "<b>II.2</b>" in str(tuphap.payload["text"])
    # Once: not again that day, nor the next.
    run(world, at(2026, 3, 10, 14))
    run(world, at(2026, 3, 11))
    assert len(rows(world, kind="report_request")) == 3


def test_a_report_day_that_is_a_day_off_moves_to_the_next_working_day(world: World) -> None:
    with world.app.sessions.begin() as session:
        calendar_service.add_day(session, date(2026, 6, 10), "off", "cli", world.now)
    run(world, at(2026, 6, 10))
    assert rows(world, kind="report_request") == []
    run(world, at(2026, 6, 11))
    requests = rows(world, kind="report_request")
    assert len(requests) == 3
    assert all(n.key.startswith("report:20260610:") for n in requests)


# --- preview


def test_the_preview_lists_what_the_job_then_sends_and_writes_nothing(world: World) -> None:
    start = at(2026, 3, 19, 8)
    with world.app.sessions() as session:
        calendar = calendar_service.work_calendar(session, VN)
        planned = preview(session, start, 14, calendar, POLICY)
    assert rows(world) == []
    lines = [p.line() for p in planned]
    assert "20/03/2026  Sở Nội vụ  before_7_lead  I.1" in lines
    assert "20/03/2026  Sở Tư pháp  before_7_support  I.1" in lines
    assert "01/04/2026  Sở Nội vụ  overdue_1_lead  I.1" in lines
    assert [p.at for p in planned] == sorted(p.at for p in planned)

    sent: list[tuple[str, str, str, str]] = []
    for offset in range(14):
        when = start + timedelta(days=offset)
        before = {n.id for n in rows(world)}
        run(world, when)
        for note in rows(world):
            if note.id in before:
                continue
            with world.app.sessions() as session:
                official = session.get_one(Official, note.official_id)
                agency = official.agency.name
                task = session.get_one(Milestone, note.milestone_id).task.label
            sent.append((f"{note.not_before.astimezone(VN):%d/%m/%Y}", agency, note.kind, task))
    assert sorted(sent) == sorted((f"{p.at:%d/%m/%Y}", p.agency, p.kind, p.task) for p in planned)


def test_the_preview_leaves_out_what_was_already_sent(world: World) -> None:
    run(world, at(2026, 3, 20))
    with world.app.sessions.begin() as session:
        for note in session.scalars(select(Notification)):
            note.status = NotificationStatus.SENT
    with world.app.sessions() as session:
        calendar = calendar_service.work_calendar(session, VN)
        planned = preview(session, at(2026, 3, 20), 1, calendar, POLICY)
        assert planned == []
        assert session.scalar(select(func.count(Notification.id))) > 0
