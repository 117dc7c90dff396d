"""The weekly steering digest: its numbers, its chart, who may ask for it, and the outbox.

The story, on the sample plan (15/KH-UBND, An Thịnh), reported on Monday 06/04/2026 at 08:00
for the week from 30/03 to 05/04:

- I.1 (Sở Nội vụ, due 31/03) is reported done on 30/03 and verified on 01/04: on time;
- IV.2 (Sở Văn hóa, Thể thao và Du lịch, monthly) has its January report done on 02/04:
  late; its February and March reports stay overdue;
- II.2 (Sở Tư pháp, due 31/03) was extended to 30/04 on 27/03: not overdue;
- I.3 (Sở Nội vụ, quarterly, due 31/03) stays open; Sở Nội vụ explained why on 03/04.
"""

from __future__ import annotations

import struct
import threading
import warnings
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from matplotlib.image import imread
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from handlers import digest as digest_handlers
from handlers import registry
from handlers.common import t
from handlers.messages import Reply
from i18n import use_language
from jobs import digest as digest_job
from models import (
    AuditLog,
    Milestone,
    MilestoneStatus,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
    ProgressReport,
    Task,
)
from services import digest, reports, review
from services.access import COORDINATORS_ONLY
from services.evidence import attach_evidence
from services.messages import OutboxMessage
from services.reports import Detail
from tests.samples import PDF
from tests.world import VN, World

MONDAY = datetime(2026, 4, 6, 8, 0, tzinfo=VN)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXPLANATION = "Chờ số liệu của các Sở, ban, ngành gửi chậm"
# Officials' names: a steering group must never read them.
NAMES = {
    "coordinator": "Trần Thị Điều Phối",
    "noivu": "Lê Văn Nội Vụ",
    "vanhoa": "Phạm Thị Văn Hóa",
    "tuphap": "Hoàng Văn Tư Pháp",
    "steering": "Đỗ Minh Chỉ Đạo",
}


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    return World.build(sessions, tmp_path)


@pytest.fixture
def tonghop() -> None:
    """/tonghop answers through the registry, as a person reaches it."""
    assert registry.COMMANDS["tonghop"] is digest_handlers.digest_command


# --- the story, told through the services


def at(world: World, moment: datetime) -> World:
    world.now = moment
    return world


def milestone(world: World, slot: str, position: int = 0) -> Milestone:
    with world.app.sessions() as session:
        found = session.scalar(
            select(Milestone)
            .join(Task)
            .where(Task.plan_id == world.plan_id, Task.slot == slot, Milestone.position == position)
        )
        assert found is not None
        return found


def complete(
    world: World,
    official_id: int,
    coordinator_id: int,
    slot: str,
    reported: datetime,
    approved: datetime,
) -> None:
    """The lead agency sends evidence and reports done; the coordinator verifies later."""
    task_id = world.task_id(slot)
    with world.app.sessions.begin() as session:
        official = session.get_one(Official, official_id)
        attach_evidence(
            session,
            official,
            task_id,
            name="bien_ban.pdf",
            mime_type="application/pdf",
            content=PDF,
            evidence_dir=world.app.settings.evidence_dir,
            now=reported,
        )
        request = review.request_completion(session, official, task_id, reported)
        report_id = request.report.id
    with world.app.sessions.begin() as session:
        coordinator = session.get_one(Official, coordinator_id)
        review.decide(session, coordinator, report_id, approve=True, reason=None, now=approved)


def extend(
    world: World, official_id: int, coordinator_id: int, slot: str, new_due: date, when: datetime
) -> None:
    task_id = world.task_id(slot)
    with world.app.sessions.begin() as session:
        official = session.get_one(Official, official_id)
        request = review.request_extension(
            session, official, task_id, new_due, "Chờ hướng dẫn của Bộ", when
        )
        coordinator = session.get_one(Official, coordinator_id)
        review.decide(session, coordinator, request.report.id, approve=True, reason=None, now=when)


def explain(
    world: World, official_id: int, slot: str, note: str, expected: date, when: datetime
) -> None:
    """An explanation (giải trình) as the escalation step records it: a ProgressReport row."""
    target = milestone(world, slot)
    with world.app.sessions.begin() as session:
        session.add(
            ProgressReport(
                task_id=target.task_id,
                milestone_id=target.id,
                official_id=official_id,
                kind=digest.EXPLANATION,
                note=note,
                requested_date=expected,
                created_at=when,
            )
        )


@pytest.fixture
def story(world: World) -> dict[str, int]:
    people = {
        "coordinator": world.register(
            "c1", "Sở Nội vụ", OfficialRole.COORDINATOR, NAMES["coordinator"]
        ),
        "noivu": world.register("n1", "Sở Nội vụ", OfficialRole.OFFICIAL, NAMES["noivu"]),
        "vanhoa": world.register(
            "v1", "Sở Văn hóa, Thể thao và Du lịch", OfficialRole.FOCAL, NAMES["vanhoa"]
        ),
        "tuphap": world.register("t1", "Sở Tư pháp", OfficialRole.OFFICIAL, NAMES["tuphap"]),
        "steering": world.register("s1", "Sở Nội vụ", OfficialRole.STEERING, NAMES["steering"]),
    }
    coordinator = people["coordinator"]
    extend(
        world,
        people["tuphap"],
        coordinator,
        "II|2",
        date(2026, 4, 30),
        datetime(2026, 3, 27, 10, 0, tzinfo=VN),
    )
    complete(
        world,
        people["noivu"],
        coordinator,
        "I|1",
        reported=datetime(2026, 3, 30, 15, 0, tzinfo=VN),
        approved=datetime(2026, 4, 1, 9, 0, tzinfo=VN),
    )
    complete(
        world,
        people["vanhoa"],
        coordinator,
        "IV|2",
        reported=datetime(2026, 4, 2, 10, 0, tzinfo=VN),
        approved=datetime(2026, 4, 2, 16, 0, tzinfo=VN),
    )
    explain(
        world,
        people["noivu"],
        "I|3",
        "Đã gửi công văn đôn đốc",
        date(2026, 4, 10),
        datetime(2026, 4, 2, 9, 0, tzinfo=VN),
    )
    explain(
        world,
        people["noivu"],
        "I|3",
        EXPLANATION,
        date(2026, 4, 15),
        datetime(2026, 4, 3, 9, 0, tzinfo=VN),
    )
    at(world, MONDAY)
    return people


def build(world: World, now: datetime = MONDAY) -> digest.Digest:
    with world.app.sessions() as session:
        return digest.build_digest(session, world.plan_id, now)


def vi(render, *args: object):  # type: ignore[no-untyped-def]
    """What ``render`` makes for a Vietnamese reader."""
    with use_language("vi"):
        return render(*args)


def text_of(replies: list[Reply] | None) -> str:
    assert replies is not None
    return "\n".join(r.text for r in replies)


# --- the numbers


def test_the_week_in_numbers(world: World, story: dict[str, int]) -> None:
    week = build(world)
    assert (week.week_start, week.week_end, week.week) == (
        date(2026, 3, 30),
        date(2026, 4, 5),
        "2026-W15",
    )

    # Milestones whose date fell in the week: I.1 done, I.3 and IV.2 (March) still open;
    # II.2 moved to 30/04 is not due; IV.2's January report, done this week, fell due in January.
    assert [(i.label, i.status, i.day) for i in week.became_due] == [
        ("I.1", MilestoneStatus.DONE_ON_TIME, date(2026, 3, 31)),
        ("I.3", MilestoneStatus.OVERDUE, date(2026, 3, 31)),
        ("IV.2", MilestoneStatus.OVERDUE, date(2026, 3, 31)),
    ]
    # Done this week: I.1 as reported (30/03, on time) and IV.2's January report (late).
    assert [(i.label, i.status, i.day, i.leads) for i in week.completed] == [
        ("I.1", MilestoneStatus.DONE_ON_TIME, date(2026, 3, 30), ("Sở Nội vụ",)),
        ("IV.2", MilestoneStatus.DONE_LATE, date(2026, 4, 2), ("Sở Văn hóa, Thể thao và Du lịch",)),
    ]

    # The numbers are the reports' numbers, not a second count.
    with world.app.sessions() as session:
        snap = reports.snapshot(session, MONDAY.date(), world.plan_id)
    assert week.counts == snap.counts()
    assert week.counts[MilestoneStatus.DONE_ON_TIME] == 1
    assert week.counts[MilestoneStatus.DONE_LATE] == 1
    assert week.counts[MilestoneStatus.OVERDUE] == 3  # IV.2 February and March, I.3
    assert week.counts[MilestoneStatus.UNDATED] == 1  # IV.3 "theo quy định của Trung ương"
    assert week.counts.on_time_rate == pytest.approx(1 / 5)

    assert [(s.name, s.overdue, s.max_days_overdue) for s in week.worst] == [
        ("Sở Văn hóa, Thể thao và Du lịch", 2, 37),  # since 28/02
        ("Sở Nội vụ", 1, 6),  # since 31/03
    ]
    assert week.behind == 2

    # The newest explanation of I.3, shown next to it; IV.2 has none.
    i3, iv2 = world.task_id("I|3"), world.task_id("IV|2")
    assert week.explanations[i3].note == EXPLANATION
    assert week.explanations[i3].requested_date == date(2026, 4, 15)
    assert iv2 not in week.explanations
    noivu = next(s for s in week.worst if s.name == "Sở Nội vụ")
    assert week.explained == {noivu.agency_id: 1}


def test_a_coordinator_reads_the_tasks_and_their_explanations(
    world: World, story: dict[str, int]
) -> None:
    week = build(world)
    with use_language("vi"):
        text = digest_handlers.render_text(week, Detail.ALL)
        explanation = t(
            "Explanation: %(note)s (expected by %(date)s)", note=EXPLANATION, date="15/04/2026"
        )
    assert "Thứ Hai, 06/04/2026" in text
    assert "30/03/2026" in text and "05/04/2026" in text
    assert "✅ hoàn thành đúng hạn: 1" in text
    assert "🔴 quá hạn: 3" in text
    assert "Tỷ lệ đúng hạn: 20% (1/5 mốc đã đến hạn)" in text
    assert "1. Sở Văn hóa, Thể thao và Du lịch: 2 mốc quá hạn, lâu nhất 37 ngày" in text
    assert "2. Sở Nội vụ: 1 mốc quá hạn, lâu nhất 6 ngày" in text
    # Each overdue task, longest overdue first, the explanation under I.3.
    lines = text.splitlines()
    iv2 = next(n for n, line in enumerate(lines) if line.startswith("🔴 <b>IV.2</b>"))
    i3 = next(n for n, line in enumerate(lines) if line.startswith("🔴 <b>I.3</b>"))
    assert iv2 < i3
    assert explanation in lines[i3 + 1]
    assert "Đã gửi công văn đôn đốc" not in text  # an older explanation is not news


def test_the_steering_text_has_aggregates_and_agency_names_only(
    world: World, story: dict[str, int]
) -> None:
    week = build(world)
    with use_language("vi"):
        text = digest_handlers.render_text(week, Detail.AGGREGATE)
    assert "Sở Văn hóa, Thể thao và Du lịch: 2 mốc quá hạn" in text
    assert "🔴 quá hạn: 3" in text
    for name in NAMES.values():
        assert name not in text
    assert EXPLANATION not in text
    assert "Xây dựng Kế hoạch kiểm tra" not in text  # no task list either


# --- the chart


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_chart_is_a_png_of_the_agencies(world: World, story: dict[str, int]) -> None:
    week = build(world)
    rows = digest.chart_rows(week)
    assert [(r.name, r.done, r.on_track, r.overdue) for r in rows[:2]] == [
        ("Sở Văn hóa, Thể thao và Du lịch", 1, 9, 2),
        ("Sở Nội vụ", 1, 5, 1),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a Vietnamese letter missing from the font would warn
        png = vi(digest.render_chart, week)
    assert png_size(png) == digest.chart_size(len(rows)) == (1000, 150 + 40 * len(rows))
    pixels = imread(BytesIO(png))
    red = (abs(pixels[..., 0] - 0xC6 / 255) < 0.02) & (abs(pixels[..., 1] - 0x28 / 255) < 0.02)
    green = (abs(pixels[..., 0] - 0x2E / 255) < 0.02) & (abs(pixels[..., 1] - 0x7D / 255) < 0.02)
    assert red.sum() > 1000 and green.sum() > 1000  # the overdue and done bars are drawn


def test_a_plan_with_nothing_dated_still_gets_a_chart(world: World) -> None:
    week = build(world)
    empty = digest.Digest(**{**week.__dict__, "agencies": []})
    png = vi(digest.render_chart, empty)
    assert png_size(png) == digest.chart_size(0)


# --- /tonghop


def test_tonghop_is_for_coordinators(world: World, story: dict[str, int], tonghop: None) -> None:
    for user in ("n1", "v1", "s1"):  # an official, a focal point, a steering member
        replies = world.send(user, command="tonghop")
        with use_language("vi"):
            assert text_of(replies).startswith(t(COORDINATORS_ONLY))
        assert replies is not None and all(r.photo is None for r in replies)

    replies = world.send("c1", command="tonghop")
    assert replies is not None and len(replies) == 2
    text, chart = replies
    assert "Sở Văn hóa, Thể thao và Du lịch" in text.text
    assert EXPLANATION in text.text  # a coordinator in private reads the explanations
    assert chart.photo is not None
    assert chart.photo.mime_type == "image/png"
    assert chart.photo.file_name.endswith("2026-04-06.png")
    assert png_size(chart.photo.content)[0] == 1000
    assert "15/KH-UBND" in chart.text


def test_tonghop_in_the_steering_group_shows_no_personal_details(
    world: World, story: dict[str, int], tonghop: None
) -> None:
    group = "-1001"
    replies = world.send("c1", command="tonghop", chat_type="group", chat_id=group)
    with use_language("vi"):
        assert text_of(replies) == t(digest_handlers.NOT_BOUND)
    world.send("c1", command="ganketnhom", chat_type="group", chat_id=group)

    replies = world.send("c1", command="tonghop", chat_type="group", chat_id=group)
    assert replies is not None and len(replies) == 2
    text = text_of(replies)
    assert "Sở Nội vụ" in text
    for name in [*NAMES.values(), "Người dùng c1"]:
        assert name not in text
    assert EXPLANATION not in text
    assert all(not r.buttons for r in replies)
    assert replies[1].photo is not None


# --- the scheduled digest through the outbox


def outbox_rows(world: World) -> list[Notification]:
    with world.app.sessions() as session:
        return list(
            session.scalars(
                select(Notification)
                .where(Notification.kind.in_((digest.KIND_TEXT, digest.KIND_CHART)))
                .order_by(Notification.id)
            )
        )


def test_each_group_gets_the_digest_once_a_week(world: World, story: dict[str, int]) -> None:
    world.send("c1", command="ganketnhom", chat_type="group", chat_id="-1001")
    world.send("c1", command="ganketnhom", chat_type="group", chat_id="-1002")
    sessions = world.app.sessions

    # Monday 07:59: not yet.
    early = digest_job.run(sessions, datetime(2026, 4, 6, 7, 59, tzinfo=VN))
    assert early.queued == [] and outbox_rows(world) == []

    first = digest_job.run(sessions, MONDAY)
    rows = outbox_rows(world)
    assert len(first.queued) == len(rows) == 4  # per group: the text, then the chart
    assert [(r.kind, r.binding_id is not None, r.official_id) for r in rows] == [
        (digest.KIND_TEXT, True, None),
        (digest.KIND_CHART, True, None),
    ] * 2
    assert all(r.status == NotificationStatus.PENDING and r.channel == "console" for r in rows)
    assert len({r.key for r in rows}) == 4 and all("2026-W15" in r.key for r in rows)

    text, chart = rows[0].payload, rows[1].payload
    assert "Sở Văn hóa, Thể thao và Du lịch" in str(text["text"])
    for name in NAMES.values():
        assert name not in str(text["text"]) and name not in str(chart["text"])
    photo = OutboxMessage.from_payload(chart).photo
    assert photo is not None and png_size(photo.content)[0] == 1000
    assert photo.mime_type == "image/png"
    assert OutboxMessage.from_payload(text).photo is None

    # Again the same morning, later that week, from another process: nothing new.
    for moment in (
        MONDAY,
        datetime(2026, 4, 6, 9, 30, tzinfo=VN),
        datetime(2026, 4, 8, 14, 0, tzinfo=VN),
    ):
        again = digest_job.run(sessions, moment)
        assert again.queued == [] and again.already == 2
    assert [r.id for r in outbox_rows(world)] == [r.id for r in rows]

    # The next Monday: the next week's digest.
    following = digest_job.run(sessions, datetime(2026, 4, 13, 8, 0, tzinfo=VN))
    assert len(following.queued) == 4
    assert len(outbox_rows(world)) == 8

    with sessions() as session:
        audits = session.scalars(
            select(AuditLog).where(AuditLog.action == "digest.queue").order_by(AuditLog.id)
        ).all()
    assert [a.after["week"] for a in audits] == ["2026-W15", "2026-W16"]  # type: ignore[index]


def test_a_week_missed_by_a_restart_goes_out_late_once(world: World, story: dict[str, int]) -> None:
    """The scheduler was down on Monday; Tuesday's run sends the week's digest."""
    world.send("c1", command="ganketnhom", chat_type="group", chat_id="-1001")
    tuesday = datetime(2026, 4, 7, 10, 0, tzinfo=VN)
    assert len(digest_job.run(world.app.sessions, tuesday).queued) == 2
    assert digest_job.run(world.app.sessions, tuesday).queued == []


def test_the_schedule_is_configurable() -> None:
    friday = digest_job.DigestSchedule(weekday=4, at=datetime(2026, 1, 1, 16, 30).time())
    assert friday.moment(MONDAY) == datetime(2026, 4, 10, 16, 30, tzinfo=VN)
    assert not friday.due(MONDAY)
    assert friday.due(datetime(2026, 4, 10, 16, 30, tzinfo=VN))


def test_without_a_group_each_steering_member_gets_it_in_private(
    world: World, story: dict[str, int]
) -> None:
    with world.app.sessions() as session:
        recipients = digest.digest_recipients(session, world.plan_id)
        assert recipients.bindings == []
        assert [m.id for m in recipients.members] == [story["steering"]]

    digest_job.run(world.app.sessions, MONDAY)
    rows = outbox_rows(world)
    assert [(r.kind, r.official_id, r.binding_id) for r in rows] == [
        (digest.KIND_TEXT, story["steering"], None),
        (digest.KIND_CHART, story["steering"], None),
    ]
    assert OutboxMessage.from_payload(rows[1].payload).photo is not None
    assert "Sở Nội vụ" in str(rows[0].payload["text"])
    assert EXPLANATION not in str(rows[0].payload["text"])  # a steering member: aggregates

    digest_job.run(world.app.sessions, MONDAY)
    assert len(outbox_rows(world)) == 2


def test_recipients_are_the_plans_groups_and_steering_members(
    world: World, story: dict[str, int]
) -> None:
    world.send("c1", command="ganketnhom", chat_type="group", chat_id="-1001")
    with world.app.sessions() as session:
        recipients = digest.digest_recipients(session, world.plan_id)
        assert [b.chat_id for b in recipients.bindings] == ["-1001"]
        assert [m.id for m in recipients.members] == [story["steering"]]
        bindings, members = recipients.default_targets()
        assert len(bindings) == 1 and members == []
        assert digest.digest_recipients(session, world.plan_id + 1).bindings == []


def test_a_quiet_week_reads_plainly(world: World) -> None:
    """A plan where nothing happened: the digest still reads, and nothing was due."""
    week = build(world, datetime(2026, 1, 5, 8, 0, tzinfo=VN))
    assert week.became_due == [] and week.completed == [] and week.worst == []
    with use_language("vi"):
        text = digest_handlers.render_text(week, Detail.AGGREGATE)
        assert t("Nothing is overdue.") in text
        assert t("On-time rate: nothing was due yet.") in text


def test_two_processes_at_once_queue_one_digest(world: World, story: dict[str, int]) -> None:
    """Two scheduler processes fire at the same moment: one digest per group, no error."""
    if world.app.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the race needs PostgreSQL")
    world.send("c1", command="ganketnhom", chat_type="group", chat_id="-1001")
    start = threading.Barrier(2)
    results: list[digest_job.DigestRun] = []

    def scheduler() -> None:
        start.wait()
        results.append(digest_job.run(world.app.sessions, MONDAY))

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2
    assert sorted(len(r.queued) for r in results) == [0, 2]
    assert len(outbox_rows(world)) == 2
