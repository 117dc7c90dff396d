"""The reminders, day by day, on the sample plan in a real database: the per-milestone
schedule the policy calls for, and the one digest a day each person reads instead.

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
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from handlers.messages import Attachment
from jobs import dispatch, nudges
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
from services.daily_digest import Section, Stored
from services.plans import import_plan
from services.roster import Roster
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


# --- reading what the job planned and wrote


def run(world: World, when: datetime) -> nudges.RunReport:
    world.now = when
    return nudges.run_once(world.app.sessions, when)


def rows(world: World, **where: object) -> list[Notification]:
    with world.app.sessions() as session:
        query = select(Notification).order_by(Notification.id)
        for name, value in where.items():
            query = query.where(getattr(Notification, name) == value)
        return list(session.scalars(query))


def names(world: World) -> dict[int, str]:
    with world.app.sessions() as session:
        return dict(session.execute(select(Official.id, Official.full_name)).all())


def milestone_id(world: World, slot: str, position: int = 0) -> int:
    with world.app.sessions() as session:
        found = session.scalar(
            select(Milestone.id)
            .join(Task)
            .where(Task.plan_id == world.plan_id, Task.slot == slot, Milestone.position == position)
        )
        assert found is not None
        return found


def scheduled(world: World, day: date, slot: str) -> set[tuple[str, str]]:
    """(kind, person) of the per-milestone schedule about a task's first milestone."""
    ms = milestone_id(world, slot)
    with world.app.sessions() as session:
        roster = Roster.load(session, day)
        calendar = calendar_service.work_calendar(session, VN)
        agenda = nudges.agenda(session, day, calendar, POLICY, roster)
        who = names(world)
        return {
            (n.kind, who[n.official_id])
            for n in nudges.schedule(agenda, roster)
            if n.milestone_id == ms
        }


def digest(world: World, person: str, day: date) -> Notification | None:
    found = [n for n in rows(world) if n.key.startswith(f"day:{day:%Y%m%d}:")]
    who = names(world)
    mine = [n for n in found if who[n.official_id] == person]
    assert len(mine) <= 1
    return mine[0] if mine else None


def items(note: Notification | None) -> list[tuple[str, str]]:
    """(section, task label) of a digest's items, as the outbox keeps them."""
    assert note is not None
    stored = Stored.from_payload(note.payload)
    assert stored is not None
    labels = {}
    with_ids = [r for r in stored.refs if r[0] != Section.REPORT.value]
    for ref in with_ids:
        labels[ref[1]] = ref
    return [(Section(r[0]).name, str(r[1])) for r in stored.refs]


def labels(world: World, note: Notification | None) -> list[tuple[str, str]]:
    """(section, task label) of a digest's items."""
    assert note is not None
    stored = Stored.from_payload(note.payload)
    assert stored is not None
    with world.app.sessions() as session:
        out = []
        for ref in stored.refs:
            if ref[0] == Section.REPORT.value:
                out.append(("REPORT", str(ref[2])))
                continue
            task = session.get_one(Milestone, ref[1]).task
            out.append((Section(ref[0]).name, task.label))
        return out


def button_actions(note: Notification) -> list[str]:
    buttons = note.payload["buttons"]
    assert isinstance(buttons, list)
    return [b["data"].split(":")[1] for row in buttons for b in row]


LEAD = {"Cán bộ Nội vụ", "Đầu mối Nội vụ"}


# --- the per-milestone schedule: each step of the policy


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (
            date(2026, 3, 20),
            {("before_7_lead", p) for p in LEAD} | {("before_7_support", "Cán bộ Tư pháp")},
        ),
        (date(2026, 3, 26), {("before_3_lead", p) for p in LEAD}),
        (date(2026, 3, 30), {("before_1_lead", p) for p in LEAD}),
        (date(2026, 3, 31), {("before_0_lead", p) for p in LEAD}),
        (date(2026, 4, 1), {("overdue_1_lead", p) for p in LEAD}),
        (date(2026, 4, 3), {("overdue_3_lead_focal", "Đầu mối Nội vụ")}),
        (
            date(2026, 4, 7),
            {("explain_5", p) for p in LEAD} | {("overdue_5_coordinator", "Điều phối")},
        ),
        (date(2026, 4, 14), {("overdue_10_lead", p) for p in LEAD}),
        (date(2026, 4, 21), {("overdue_15_lead", p) for p in LEAD}),
        # Days between the steps, and a Saturday, call for nothing.
        (date(2026, 3, 23), set()),
        (date(2026, 4, 2), set()),
        (date(2026, 4, 8), set()),
        (date(2026, 3, 28), set()),
    ],
)
def test_each_step_of_the_policy_reaches_its_people_on_its_day(
    world: World, when: date, expected: set[tuple[str, str]]
) -> None:
    assert scheduled(world, when, "I|1") == expected


# --- the digest: one message a day per person


def test_each_person_gets_one_digest_with_their_day_in_sections(world: World) -> None:
    report = run(world, at(2026, 3, 20))
    assert report.enqueued == 4  # the three officials, and the coordinator's summary
    assert labels(world, digest(world, "Cán bộ Nội vụ", date(2026, 3, 20))) == [
        ("SOON", "I.1"),
        ("SOON", "I.3"),
    ]
    assert labels(world, digest(world, "Cán bộ Tư pháp", date(2026, 3, 20))) == [
        ("SOON", "II.2"),  # its own
        ("SUPPORT", "I.1"),
        ("SUPPORT", "I.3"),
    ]
    note = digest(world, "Cán bộ Tư pháp", date(2026, 3, 20))
    assert note is not None and note.kind == "daily_digest"
    assert note.not_before.astimezone(VN) == at(2026, 3, 20, 8)
    text = str(note.payload["text"])
    assert text.splitlines()[:2] == [
        "📬 <b>Nhắc việc của bạn ngày Thứ Sáu, 20/03/2026</b>",
        "1 sắp đến hạn · 2 việc phối hợp",
    ]
    assert "🟡 <b>Sắp đến hạn</b>" in text
    assert "🤝 <b>Việc cơ quan bạn phối hợp</b>" in text
    assert "• <b>I.1</b> Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026" in text
    assert "chủ trì: Sở Nội vụ · 31/03, còn 11 ngày" in text
    # A button to each task's card, then the task list.
    assert button_actions(note) == ["card", "card", "card", "list"]


def test_the_day_itself_overdue_and_the_explanation_asked_read_in_their_sections(
    world: World,
) -> None:
    run(world, at(2026, 3, 31))
    assert ("TODAY", "I.1") in labels(world, digest(world, "Cán bộ Nội vụ", date(2026, 3, 31)))
    for each in (1, 2, 3):
        run(world, at(2026, 4, each))
    # The focal point's escalation goes to the focal point only.
    assert labels(world, digest(world, "Đầu mối Nội vụ", date(2026, 4, 3)))[0] == (
        "OVERDUE",
        "I.1",
    )
    assert digest(world, "Cán bộ Nội vụ", date(2026, 4, 3)) is None
    for each in (6, 7):
        run(world, at(2026, 4, each))
    note = digest(world, "Cán bộ Nội vụ", date(2026, 4, 7))
    assert ("OVERDUE", "I.1") in labels(world, note)
    assert note is not None
    text = str(note.payload["text"])
    assert "quá hạn 7 ngày · đề nghị giải trình lý do chậm" in text
    assert "expl" in button_actions(note)  # "Giải trình I.1"
    summary = digest(world, "Điều phối", date(2026, 4, 7))
    assert summary is not None and summary.kind == "daily_summary"
    assert ("ESCALATED", "I.1") in labels(world, summary)
    assert "đã yêu cầu giải trình" in str(summary.payload["text"])


def test_a_day_with_nothing_due_sends_nothing(world: World) -> None:
    run(world, at(2026, 3, 23))
    assert [names(world)[n.official_id] for n in rows(world)] == ["Điều phối"]  # the summary


# --- when: the person's time, working hours, days off


def test_a_digest_goes_at_the_persons_own_time(world: World) -> None:
    noivu = next(o for o, n in names(world).items() if n == "Cán bộ Nội vụ")
    with world.app.sessions.begin() as session:
        session.get_one(Official, noivu).digest_at = time(14, 0)
    run(world, at(2026, 3, 20, 8))
    assert digest(world, "Cán bộ Nội vụ", date(2026, 3, 20)) is None
    assert digest(world, "Đầu mối Nội vụ", date(2026, 3, 20)) is not None
    # The scheduler's tick writes what falls before the next tick, to go at its time.
    world.now = at(2026, 3, 20, 13, 55)
    nudges.run_once(world.app.sessions, world.now, lookahead=timedelta(minutes=10))
    note = digest(world, "Cán bộ Nội vụ", date(2026, 3, 20))
    assert note is not None and note.not_before.astimezone(VN) == at(2026, 3, 20, 14)


def test_nothing_is_written_after_hours_or_on_a_day_off(world: World) -> None:
    assert run(world, at(2026, 3, 20, 18)).enqueued == 0
    assert run(world, at(2026, 3, 21, 9)).enqueued == 0  # Saturday
    assert rows(world) == []


def test_a_working_day_missed_while_the_bot_was_down_is_caught_up_once(world: World) -> None:
    run(world, at(2026, 3, 19))  # Thursday: everyone's digest day is marked
    # Friday 20/03 the bot is down all day; it starts again on Monday 23/03.
    run(world, at(2026, 3, 23, 9, 30))
    note = digest(world, "Cán bộ Tư pháp", date(2026, 3, 23))
    assert labels(world, note) == [("SOON", "II.2"), ("SUPPORT", "I.1"), ("SUPPORT", "I.3")]
    assert note is not None
    assert "20/03/2026" in str(note.payload["text"]).splitlines()[2]
    # Once: Tuesday's digest does not repeat it.
    run(world, at(2026, 3, 24))
    assert digest(world, "Cán bộ Tư pháp", date(2026, 3, 24)) is None


def test_or_with_a_day_off_declared_in_between(world: World) -> None:
    with world.app.sessions.begin() as session:
        calendar_service.add_day(session, date(2026, 3, 30), "off", "cli", world.now)
    run(world, at(2026, 3, 27))
    # With Monday off, Friday is the last working day before Tuesday's deadline.
    assert ("SOON", "I.1") in labels(world, digest(world, "Cán bộ Nội vụ", date(2026, 3, 27)))
    assert scheduled(world, date(2026, 3, 27), "I|1") == {("before_1_lead", p) for p in LEAD}


# --- idempotence


def test_running_twice_writes_nothing_twice(world: World) -> None:
    first = run(world, at(2026, 3, 20))
    again = run(world, at(2026, 3, 20))
    later = run(world, at(2026, 3, 20, 15))
    assert first.enqueued == len(rows(world)) > 0
    assert again.enqueued == later.enqueued == 0


def test_two_processes_at_once_write_each_digest_once(world: World) -> None:
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


# --- deciding at send time


def report_done(world: World, user: str, slot: str) -> None:
    task_id = world.task_id(slot)
    world.send(user, button=f"1:evid:{task_id}")
    world.send(user, attachment=Attachment("document", "ke_hoach.pdf", "application/pdf", 80, PDF))
    world.send(user, button=f"1:done:{task_id}")


def claim(world: World, when: datetime) -> list[dispatch.Claimed]:
    return dispatch.claim(world.app.sessions, "console", when, 100)


def test_what_was_reported_done_before_the_digest_went_is_left_out_of_it(world: World) -> None:
    run(world, at(2026, 3, 20))
    world.now = at(2026, 3, 20, 8, 0)
    report_done(world, "noivu", "I|1")  # before the dispatcher took the row
    claimed = {c.id: c for c in claim(world, at(2026, 3, 20, 8, 1))}
    note = digest(world, "Cán bộ Nội vụ", date(2026, 3, 20))
    assert note is not None
    assert labels(world, note) == [("SOON", "I.3")]
    text = claimed[note.id].message.text
    assert "<b>I.3</b>" in text and "<b>I.1</b>" not in text


def test_a_digest_whose_every_item_was_done_is_not_sent(world: World) -> None:
    run(world, at(2026, 3, 20))
    world.now = at(2026, 3, 20, 8, 0)
    report_done(world, "tuphap", "II|2")
    report_done(world, "noivu", "I|1")
    report_done(world, "noivu", "I|3")
    claimed = claim(world, at(2026, 3, 20, 8, 1))
    who = names(world)
    tuphap = digest(world, "Cán bộ Tư pháp", date(2026, 3, 20))
    assert tuphap is not None and tuphap.status == NotificationStatus.CANCELLED
    assert tuphap.last_error == "cancelled: nothing left to remind"
    assert "Cán bộ Tư pháp" not in {
        who[n.official_id] for n in rows(world) if n.id in {c.id for c in claimed}
    }
    with world.app.sessions() as session:
        assert session.scalar(
            select(AuditLog).where(
                AuditLog.action == "digest.withdraw", AuditLog.entity_id == tuphap.id
            )
        )


def test_an_approved_extension_moves_the_schedule(world: World) -> None:
    task_id = world.task_id("I|1")
    world.now = at(2026, 4, 1, 19)
    world.send("noivu", button=f"1:ext:{task_id}")
    world.send("noivu", text="15/05/2026")
    world.send("noivu", text="Chờ ý kiến góp ý của các huyện")
    request = next(n for n in rows(world) if n.kind.endswith("_request"))
    approve = next(
        b["data"]
        for row in request.payload["buttons"]  # type: ignore[union-attr]
        for b in row
        if b["data"].split(":")[1] == "rok"
    )
    world.send("dieuphoi", button=approve)
    assert scheduled(world, date(2026, 4, 3), "I|1") == set()
    seven_before = CAL.add_working_days(date(2026, 5, 15), -7)
    assert seven_before == date(2026, 5, 6)  # 30/04 and 01/05 are holidays
    assert scheduled(world, date(2026, 5, 6), "I|1") == {("before_7_lead", p) for p in LEAD} | {
        ("before_7_support", "Cán bộ Tư pháp")
    }


# --- pauses


def pause(world: World, person: str, until: date) -> None:
    official = next(o for o, n in names(world).items() if n == person)
    with world.app.sessions.begin() as session:
        session.get_one(Official, official).paused_until = until


def test_a_paused_person_gets_nothing_and_the_others_still_do(world: World) -> None:
    pause(world, "Cán bộ Nội vụ", date(2026, 3, 27))
    run(world, at(2026, 3, 20))
    assert digest(world, "Cán bộ Nội vụ", date(2026, 3, 20)) is None
    assert digest(world, "Đầu mối Nội vụ", date(2026, 3, 20)) is not None
    # After the pause: the days of the pause are not caught up.
    run(world, at(2026, 3, 30))
    assert labels(world, digest(world, "Cán bộ Nội vụ", date(2026, 3, 30))) == [
        ("SOON", "I.1"),
        ("SOON", "I.3"),
    ]


def test_while_the_focal_point_is_paused_the_officials_get_the_escalation(world: World) -> None:
    pause(world, "Đầu mối Nội vụ", date(2026, 4, 10))
    assert scheduled(world, date(2026, 4, 3), "I|1") == {("overdue_3_lead_focal", "Cán bộ Nội vụ")}
    run(world, at(2026, 4, 3))
    assert ("OVERDUE", "I.1") in labels(world, digest(world, "Cán bộ Nội vụ", date(2026, 4, 3)))


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
    with world.app.sessions() as session:
        titles = dict(
            session.execute(
                select(Milestone.id, Task.title).join(Task).where(Task.plan_id == plan_id)
            ).all()
        )
        roster = Roster.load(session, date(2026, 3, 26))
        agenda = nudges.agenda(session, date(2026, 3, 26), CAL, POLICY, roster)
        who = names(world)
        got = {
            (titles[n.milestone_id], who[n.official_id])
            for n in nudges.schedule(agenda, roster)
            if n.milestone_id in titles
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
    run(world, at(2026, 3, 26))
    khcn = labels(world, digest(world, "Cán bộ KH&CN", date(2026, 3, 26)))
    assert [section for section, _label in khcn] == ["SOON", "SOON"]


# --- periodic report requests


def test_on_the_10th_each_lead_agency_is_asked_for_its_open_tasks_in_the_digest(
    world: World,
) -> None:
    run(world, at(2026, 3, 10))
    noivu = digest(world, "Cán bộ Nội vụ", date(2026, 3, 10))
    assert labels(world, noivu)[-1] == ("REPORT", "Sở Nội vụ")
    assert noivu is not None
    text = str(noivu.payload["text"])
    assert "📋 <b>Báo cáo định kỳ</b>" in text
    assert "5 nhiệm vụ đang mở của Sở Nội vụ" in text
    tuphap = digest(world, "Cán bộ Tư pháp", date(2026, 3, 10))
    assert ("REPORT", "Sở Tư pháp") in labels(world, tuphap)
    run(world, at(2026, 3, 11))
    assert digest(world, "Cán bộ Nội vụ", date(2026, 3, 11)) is None


def test_a_report_day_that_is_a_day_off_moves_to_the_next_working_day(world: World) -> None:
    with world.app.sessions.begin() as session:
        calendar_service.add_day(session, date(2026, 6, 10), "off", "cli", world.now)
    run(world, at(2026, 6, 9))
    run(world, at(2026, 6, 10))
    assert rows(world, key="day:20260610:o1") == []
    run(world, at(2026, 6, 11))
    assert ("REPORT", "Sở Nội vụ") in labels(
        world, digest(world, "Cán bộ Nội vụ", date(2026, 6, 11))
    )


# --- preview


def test_the_preview_shows_each_digest_the_job_then_writes_and_writes_nothing(
    world: World,
) -> None:
    start = at(2026, 3, 19, 8)
    with world.app.sessions() as session:
        calendar = calendar_service.work_calendar(session, VN)
        planned = preview(session, start, 14, calendar, POLICY)
    assert rows(world) == []
    first = next(p for p in planned if p.person.name == "Cán bộ Tư pháp")
    assert first.at == at(2026, 3, 20, 8)
    text, buttons = first.plain()[0]
    assert text.startswith("📬 Nhắc việc của bạn ngày Thứ Sáu, 20/03/2026")
    assert ["II.2", "I.1", "I.3"] in buttons

    written: list[tuple[datetime, str, str]] = []
    for offset in range(14):
        when = start + timedelta(days=offset)
        before = {n.id for n in rows(world)}
        run(world, when)
        written.extend(
            (n.not_before.astimezone(VN), names(world)[n.official_id], str(n.payload["text"]))
            for n in rows(world)
            if n.id not in before
        )
    expected = [(p.at, p.person.name, p.pages[0].text) for p in planned]
    assert sorted(written) == sorted(expected)


def test_the_preview_leaves_out_what_was_already_sent(world: World) -> None:
    run(world, at(2026, 3, 20))
    with world.app.sessions.begin() as session:
        for note in session.scalars(select(Notification)):
            note.status = NotificationStatus.SENT
    with world.app.sessions() as session:
        calendar = calendar_service.work_calendar(session, VN)
        assert preview(session, at(2026, 3, 20), 1, calendar, POLICY) == []
