"""What coordinators ask, through the real handlers and database: overdue by agency, progress,
the plan's summary, the Excel file, and the same questions typed in ordinary Vietnamese.

The sample plan (bot/data/ke_hoach_mau.txt) on 14/04/2026: Sở Văn hóa, Thể thao và Du lịch
missed its monthly items of January, February and March (IV.2), Sở Nội vụ its Quý I items
(I.1 and the Q1 report of I.3), Sở Tư pháp the Q1 check of II.2.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import Date, create_engine, insert, literal, select
from sqlalchemy.orm import selectinload

from handlers import actions
from handlers.markup import to_plain
from jobs import nudges
from jobs.policy import load_policy
from models import (
    Agency,
    Assignment,
    Milestone,
    MilestoneStatus,
    Notification,
    OfficialRole,
    Plan,
    Role,
    Task,
)
from services import reports
from tests.world import VN, World, buttons_of, text_of

APRIL_14 = datetime(2026, 4, 14, 9, 0, tzinfo=VN)
VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"


@pytest.fixture
def world(sessions, tmp_path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("coord", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Trần Điều Phối")
    world.register("stp", "Sở Tư pháp", name="Lê Văn Tư")
    world.register("bcd", "Sở Nội vụ", OfficialRole.STEERING, name="Phạm Chỉ Đạo")
    return world


def raw_of(replies) -> str:  # type: ignore[no-untyped-def]
    assert replies is not None
    return "\n".join(r.text for r in replies)


def positions(text: str, *names: str) -> list[int]:
    found = [text.find(n) for n in names]
    assert all(p >= 0 for p in found), (names, text)
    return found


# ------------------------------------------------------------------------------ /quahan


def test_a_coordinator_sees_overdue_agencies_worst_first(world):
    world.now = APRIL_14
    replies = world.send("coord", command="quahan")
    text = text_of(replies)
    # 3 overdue milestones, then 2 (up to 14 days), then 1.
    vh, nv, tp = positions(text, VHTTDL, "Sở Nội vụ", "Sở Tư pháp")
    assert vh < nv < tp
    assert "73" in text.splitlines()[1]  # IV.2's January item: 31/01 to 14/04
    assert "Văn phòng UBND tỉnh" not in text  # nothing of its is overdue
    # each agency opens its overdue tasks
    assert [data.split(":")[1] for data in buttons_of(replies).values()].count("qh") == 3


def test_before_the_first_quarter_ends_only_the_monthly_items_are_overdue(world):
    text = text_of(world.send("coord", command="quahan"))  # 25/03/2026
    assert VHTTDL in text
    assert "Sở Nội vụ" not in text.split("\n", 1)[1]
    assert "Sở Tư pháp" not in text


def test_tapping_an_agency_in_the_ranking_lists_its_overdue_tasks(world):
    world.now = APRIL_14
    ranking = world.send("coord", command="quahan")
    data = next(d for label, d in buttons_of(ranking).items() if VHTTDL in label)
    text = text_of(world.send("coord", button=data))
    assert "IV.2" in text and "Tuyên truyền" in text
    assert "73" in text  # days overdue since 31/01
    assert "3" in text  # three monthly items overdue


def test_a_coordinator_names_an_agency_with_or_without_diacritics(world):
    world.now = APRIL_14
    with_marks = world.send("coord", command="quahan", args=("Sở", "Tư", "pháp"))
    without = world.send("coord", command="quahan", args=("so", "tu", "phap"))
    assert raw_of(with_marks) == raw_of(without)
    text = text_of(with_marks)
    assert "II.2" in text and "Kiểm tra văn bản QPPL" in text
    assert "II.1" not in text  # due in December
    assert "card" in "".join(buttons_of(with_marks).values())


def test_an_agency_nobody_knows_is_answered_not_guessed(world):
    text = text_of(world.send("coord", command="quahan", args=("Sở", "Phép", "Thuật")))
    assert "Sở Phép Thuật" in text


# ---------------------------------------------------------------------------- who sees


def test_an_official_asking_quahan_sees_only_its_own_agency(world):
    world.now = APRIL_14
    text = text_of(world.send("stp", command="quahan"))
    assert "Sở Tư pháp" in text and "II.2" in text
    assert VHTTDL not in text and "IV.2" not in text and "I.1" not in text


def test_an_official_cannot_see_another_agencys_overdue_tasks(world):
    world.now = APRIL_14
    for replies in (
        world.send("stp", command="quahan", args=("Sở", "Nội", "vụ")),
        world.send("stp", text="việc quá hạn của sở nội vụ"),
    ):
        text = text_of(replies)
        assert "I.1" not in text and "Xây dựng Kế hoạch kiểm tra" not in text
        assert "Sở Tư pháp" in text  # told whose tasks it may see
    # ... nor tap its way there
    agency_id = _agency_id(world, "Sở Nội vụ")
    text = text_of(world.send("stp", button=f"1:qh:{agency_id}"))
    assert "I.1" not in text


def test_a_steering_member_sees_counts_not_tasks(world):
    world.now = APRIL_14
    ranking = world.send("bcd", command="quahan")
    assert VHTTDL in text_of(ranking)
    assert not [d for d in buttons_of(ranking).values() if ":qh:" in d]
    text = text_of(world.send("bcd", command="quahan", args=(VHTTDL,)))
    assert VHTTDL in text and "3" in text and "73" in text
    assert "IV.2" not in text and "Tuyên truyền" not in text


def test_in_the_steering_group_only_aggregates_and_agency_names_are_shown(world):
    world.send("coord", command="ganketnhom", chat_type="group", chat_id="-100")
    world.now = APRIL_14
    ranking = world.send("coord", command="quahan", chat_type="group", chat_id="-100")
    text = text_of(ranking)
    assert VHTTDL in text and "Sở Tư pháp" in text
    assert all(not r.buttons for r in ranking)
    detail = text_of(
        world.send("coord", command="quahan", args=(VHTTDL,), chat_type="group", chat_id="-100")
    )
    assert "Tuyên truyền" not in detail and "73" in detail
    summary = text_of(world.send("stp", command="baocao", chat_type="group", chat_id="-100"))
    assert "Cải cách thể chế" in summary
    for name in ("Trần Điều Phối", "Lê Văn Tư", "Phạm Chỉ Đạo"):
        assert name not in text + detail + summary
    export = world.send("coord", command="xuatbaocao", chat_type="group", chat_id="-100")
    assert export is not None and all(r.document is None for r in export)


def test_only_a_coordinator_gets_the_excel_file(world):
    replies = world.send("coord", command="xuatbaocao")
    assert replies is not None
    files = [r.document for r in replies if r.document is not None]
    assert len(files) == 1
    assert files[0].file_name.endswith(".xlsx") and files[0].content[:2] == b"PK"
    for user in ("stp", "bcd"):
        refused = world.send(user, command="xuatbaocao")
        assert refused is not None and all(r.document is None for r in refused)


# ------------------------------------------------------------------ /tiendo and /baocao


def test_progress_of_a_section_counts_its_milestones(world):
    world.now = APRIL_14
    text = text_of(world.send("coord", command="tiendo", args=("III",)))
    assert "Cải cách thủ tục hành chính" in text
    counts = _count_lines(text)
    assert counts == [0, 0, 3, 0, 0]  # III.1, III.2, III.3: all due later


def test_progress_of_the_plan_and_its_on_time_rate(world):
    _complete(world, "IV|2", date(2026, 1, 30))  # January, on time
    _complete(world, "IV|2", date(2026, 3, 2))  # February, late
    world.now = APRIL_14
    text = text_of(world.send("coord", command="tiendo"))
    # 28 milestones: done on time 1, done late 1, overdue 4 (IV.2 March, I.1, I.3 Q1, II.2 Q1)
    assert _count_lines(text) == [1, 1, 21, 4, 1]
    assert "17%" in text  # 1 / (1 + 1 + 4)


def test_an_extension_keeps_the_original_date_for_the_statistics(world):
    _extend(world, "II|2", date(2026, 4, 30))  # Q1 check moved from 31/03 to 30/04
    world.now = APRIL_14
    tp = text_of(world.send("coord", command="tiendo", args=("Sở", "Tư", "pháp")))
    assert _count_lines(tp) == [0, 0, 5, 0, 0]  # within its new date: not overdue
    _complete(world, "II|2", date(2026, 4, 20))
    world.now = APRIL_14 + timedelta(days=10)
    tp = text_of(world.send("coord", command="tiendo", args=("Sở", "Tư", "pháp")))
    assert _count_lines(tp) == [0, 1, 4, 0, 0]  # done after 31/03: late


def test_an_official_asking_tiendo_gets_its_own_agency(world):
    world.now = APRIL_14
    text = text_of(world.send("stp", command="tiendo"))
    assert "Sở Tư pháp" in text
    assert _count_lines(text) == [0, 0, 4, 1, 0]  # II.1 (1) and II.2 (4 quarters)


def test_the_summary_has_every_section_and_the_agencies_most_behind(world):
    world.now = APRIL_14
    replies = world.send("coord", command="baocao")
    text = text_of(replies)
    for title in (
        "Công tác chỉ đạo, điều hành",
        "Cải cách thể chế",
        "Cải cách thủ tục hành chính",
        "Chuyển đổi số, xây dựng chính quyền số",
    ):
        assert title in text
    vh, nv, tp = positions(text, VHTTDL, "Sở Nội vụ", "Sở Tư pháp")
    assert vh < nv < tp
    assert "0%" in text


# --------------------------------------------------------------------------- free text


@pytest.mark.parametrize(
    ("question", "command", "args"),
    [
        ("việc quá hạn của sở tư pháp", "quahan", ("Sở", "Tư", "pháp")),
        ("viec qua han cua so tu phap", "quahan", ("Sở", "Tư", "pháp")),
        ("tiến độ cải cách thủ tục hành chính", "tiendo", ("III",)),
        ("báo cáo", "baocao", ()),
    ],
)
def test_a_question_in_vietnamese_gets_the_commands_answer(world, question, command, args):
    world.now = APRIL_14
    asked = world.send("coord", text=question)
    commanded = world.send("coord", command=command, args=args)
    assert raw_of(asked) == raw_of(commanded)


def test_overdue_in_words_lists_the_tasks_with_the_ranking_a_tap_away(world):
    world.now = APRIL_14
    replies = world.send("coord", text="quá hạn")
    text = text_of(replies)
    assert text.splitlines()[0] == "Nhiệm vụ quá hạn, Thứ Ba, 14/04/2026 (4)"
    for label in ("IV.2", "I.1", "I.3", "II.2"):
        assert label in text
    ranking = buttons_of(replies)["Nhiệm vụ quá hạn theo cơ quan"]
    assert raw_of(world.send("coord", button=ranking)) == raw_of(
        world.send("coord", command="quahan")
    )


def test_an_agency_named_by_its_old_name_is_answered_for_its_successor_saying_so(world):
    world.now = APRIL_14
    asked = raw_of(world.send("coord", text="tiến độ của Sở TTTT"))
    commanded = raw_of(world.send("coord", command="tiendo", args=("Sở", "KH&CN")))
    note, answer = asked.split("\n", 1)
    assert note == "Sở Thông tin và Truyền thông nay là Sở Khoa học và Công nghệ."
    assert answer == commanded


def test_asking_for_the_excel_report_in_words_sends_the_file(world):
    replies = world.send("coord", text="xuất báo cáo excel")
    assert replies is not None and any(r.document is not None for r in replies)


def test_sở_tttt_is_answered_for_the_agency_it_merged_into(world):
    text = text_of(world.send("coord", text="Sở TTTT còn bao nhiêu việc"))
    assert "Sở Khoa học và Công nghệ" in text  # since 01/03/2025
    assert "1" in text  # IV.1, its only task as lead


def test_open_task_counts_agree_with_each_tasks_status(world):
    world.now = APRIL_14
    today = world.now.date()
    with world.app.sessions() as session:
        tasks = session.scalars(select(Task).options(selectinload(Task.milestones))).all()
        expected = [t.status(today) for t in tasks]
        counts = reports.snapshot(session, today).open_tasks()
    assert counts.overdue == expected.count(MilestoneStatus.OVERDUE)
    assert counts.in_progress == expected.count(MilestoneStatus.IN_PROGRESS)
    assert counts.undated == expected.count(MilestoneStatus.UNDATED)
    assert counts.open + counts.done == len(tasks)


def test_this_weeks_deadlines_in_words(world):
    world.now = datetime(2026, 3, 27, 9, 0, tzinfo=VN)  # Friday; Sunday is 29/03
    text = text_of(world.send("coord", text="tuần này đến hạn gì"))
    assert "29/03/2026" in text
    assert text.count("🟡") == 0  # 31/03 is next week
    text = text_of(world.send("coord", text="tuan toi den han gi"))
    for label in ("I.1", "I.3", "II.2", "IV.2"):
        assert label in text  # all due 31/03
    assert "IV.1" not in text


def test_a_bare_agency_gets_its_progress_and_its_overdue_tasks_as_a_button(world):
    world.now = APRIL_14
    replies = world.send("coord", text="sở tư pháp")
    progress = raw_of(world.send("coord", command="tiendo", args=("Sở", "Tư", "pháp")))
    assert raw_of(replies) == progress
    offers = {label: data for label, data in buttons_of(replies).items() if ":q:" in data}
    assert list(offers) == ["Hoặc: Nhiệm vụ quá hạn · Sở Tư pháp"]
    overdue = raw_of(world.send("coord", command="quahan", args=("Sở", "Tư", "pháp")))
    assert raw_of(world.send("coord", button=next(iter(offers.values())))) == overdue


def test_buttons_of_questions_sent_before_keep_working(world):
    world.now = APRIL_14
    agency_id = _agency_id(world, "Sở Tư pháp")
    overdue = raw_of(world.send("coord", command="quahan", args=("Sở", "Tư", "pháp")))
    assert raw_of(world.send("coord", button=f"1:ask:o:{agency_id}::")) == overdue


def test_small_talk_falls_back_to_the_help_hint(world):
    replies = world.send("coord", text="xin chào")
    assert "/trogiup" in text_of(replies)


# ------------------------------------------------------------------------------- HTML


def test_task_titles_with_html_characters_arrive_escaped(world):
    world.now = datetime(2026, 7, 10, 9, 0, tzinfo=VN)  # III.1 (Quý II) is overdue
    replies = world.send("coord", command="quahan", args=("Văn", "phòng", "UBND", "tỉnh"))
    raw = raw_of(replies)
    # The plan writes "TTHC & quy trình ... (<i>bản điện tử</i>)": the importer keeps the "&"
    # and drops the tags; the reply escapes the "&".
    assert "thủ tục hành chính &amp; quy trình" in raw
    assert " & " not in raw and "<i>" not in raw
    assert "thủ tục hành chính & quy trình" in to_plain(raw)


# ------------------------------------------------------------------------------ counting

# The rule judged by a database, with no table: each example is one SELECT of constants.
_SQLITE = create_engine("sqlite://")


@given(
    due=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2026, 12, 31))),
    moved=st.integers(0, 60),
    completed=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2027, 3, 1))),
    on=st.dates(date(2026, 1, 1), date(2027, 3, 1)),
)
def test_counting_classifies_milestones_as_the_model_does(due, moved, completed, on):
    """The database's rule (``reports.classified``) against the model's."""
    extended = due + timedelta(days=moved) if due else None
    milestone = Milestone(due=extended, original_due=due, completed_on=completed)
    dates = [literal(d, Date) for d in (extended, due or extended, completed)]
    with _SQLITE.connect() as connection:
        judged = connection.scalar(select(reports.classified(*dates, literal(on, Date))))
    assert judged == milestone.status(on).value


def test_the_on_time_rate_leaves_out_what_is_not_due_yet():
    counts = reports.StatusCounts(
        {
            MilestoneStatus.DONE_ON_TIME: 3,
            MilestoneStatus.DONE_LATE: 1,
            MilestoneStatus.OVERDUE: 2,
            MilestoneStatus.IN_PROGRESS: 10,
            MilestoneStatus.UNDATED: 4,
        }
    )
    assert counts.on_time_rate == pytest.approx(0.5)
    assert reports.StatusCounts({MilestoneStatus.IN_PROGRESS: 3}).on_time_rate is None


def test_counting_ten_thousand_tasks_ranks_every_agency_and_section(sessions):
    today = date(2026, 6, 15)
    with sessions.begin() as session:
        agencies = [Agency(key=f"co-quan-{n}", name=f"Cơ quan {n}") for n in range(200)]
        session.add_all(agencies)
        plan = Plan(
            identity="bench",
            title="Bench",
            source_name="bench",
            source_sha256="0" * 64,
            imported_at=datetime(2026, 1, 1, tzinfo=VN),
        )
        session.add(plan)
        session.flush()
        tasks = [
            {
                "plan_id": plan.id,
                "slot": f"s{n}",
                "position": n,
                "section": ("I", "II", "III", "IV")[n % 4],
                "title": f"Nhiệm vụ {n}",
                "content_hash": "x",
            }
            for n in range(10_000)
        ]
        session.execute(insert(Task), tasks)
        ids = session.scalars(select(Task.id).order_by(Task.position)).all()
        session.execute(
            insert(Assignment),
            [
                {
                    "task_id": task_id,
                    "agency_id": agencies[n % 200].id,
                    "role": Role.LEAD,
                    "as_written": "x",
                }
                for n, task_id in enumerate(ids)
            ],
        )
        session.execute(
            insert(Milestone),
            [
                {
                    "task_id": task_id,
                    "position": k,
                    "due": date(2026, 3 * k + 3, 28),
                    "original_due": date(2026, 3 * k + 3, 28),
                    "completed_on": date(2026, 3, 1) if n % 3 == 0 else None,
                }
                for n, task_id in enumerate(ids)
                for k in range(3)
            ],
        )
    with sessions() as session:
        snap = reports.snapshot(session, today)
        ranking = snap.overdue_by_agency()
        sections = snap.by_section()
    assert len(snap.facts) == 30_000
    assert len(ranking) == 200 and len(sections) == 4


# ------------------------------------------------------------------------------ helpers


def _count_lines(text: str) -> list[int]:
    """The five counts of a /tiendo answer, in the order shown (✅ ☑️ 🟡 🔴 ⚪)."""
    counts = []
    for icon in ("✅", "☑️", "🟡", "🔴", "⚪"):
        line = next(line for line in text.splitlines() if line.startswith(icon))
        counts.append(int(line.rsplit(":", 1)[1]))
    return counts


def _agency_id(world: World, name: str) -> int:
    with world.app.sessions() as session:
        agency_id = session.scalar(select(Agency.id).where(Agency.name == name))
        assert agency_id is not None
        return agency_id


def _first_open(session, slot: str) -> Milestone:  # type: ignore[no-untyped-def]
    milestone = session.scalar(
        select(Milestone)
        .join(Task)
        .where(Task.slot == slot, Milestone.completed_on.is_(None))
        .order_by(Milestone.due)
    )
    assert milestone is not None
    return milestone


def _complete(world: World, slot: str, on: date) -> None:
    """Arrange: the earliest open milestone of the task was completed ``on``."""
    with world.app.sessions.begin() as session:
        _first_open(session, slot).completed_on = on


def _extend(world: World, slot: str, to: date) -> None:
    """Arrange: an approved extension moved the earliest open milestone to ``to``."""
    with world.app.sessions.begin() as session:
        milestone = _first_open(session, slot)
        milestone.original_due = milestone.original_due or milestone.due
        milestone.due = to


CITY_PLAN = """ỦY BAN NHÂN DÂN
THÀNH PHỐ ĐÀ NẴNG

Số: 88/KH-UBND

KẾ HOẠCH
Cải cách hành chính thành phố Đà Nẵng năm 2026

TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
1\tRà soát quy trình nội bộ giải quyết TTHC\tVăn phòng UBND Thành phố\tSở Nội vụ\tQuý II/2026
2\tAn toàn thông tin Cổng dịch vụ công\tCông an Thành phố\tVăn phòng UBND Thành phố\t30/9/2026
"""


def test_a_city_s_offices_are_shown_as_its_plan_writes_them(world):  # type: ignore[no-untyped-def]
    """A centrally-run city's plan says "Văn phòng UBND Thành phố": the task card says so
    too, while the office is the directory's province-level one (its officials see the task)."""
    plan_id = world.import_text(CITY_PLAN, "ke-hoach-da-nang.txt")
    world.register("vp", "Văn phòng UBND tỉnh", name="Lê Văn Phòng")
    with world.app.sessions() as session:
        task = session.scalar(select(Task).where(Task.plan_id == plan_id, Task.number == "2"))
        assert task is not None
        task_id = task.id
    card = text_of(world.send("vp", button=actions.CARD.data(task_id)))
    assert "Chủ trì: Công an Thành phố" in card
    assert "Văn phòng UBND Thành phố" in card and "UBND tỉnh" not in card


TOWN_PLAN = """ỦY BAN NHÂN DÂN
THỊ XÃ BÌNH MINH

Số: 41/KH-UBND

KẾ HOẠCH
Cải cách hành chính thị xã Bình Minh năm 2026

TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
1\tCập nhật danh mục TTHC tại Bộ phận một cửa\tVăn phòng HĐND và UBND thị xã\t\t15/02/2026
2\tTổng hợp ý kiến cử tri\tBan Pháp chế HĐND thị xã\tVăn phòng HĐND và UBND thị xã\t31/03/2026
"""


def test_a_town_s_offices_are_named_as_its_plan_writes_them_in_answers(world):  # type: ignore[no-untyped-def]
    """A town's plan says "Văn phòng HĐND và UBND thị xã": the answers about its overdue
    tasks, the ranking and the digests say so, where the directory's entry is the district's
    ("… huyện")."""
    world.now = APRIL_14
    world.import_text(TOWN_PLAN, "ke-hoach-thi-xa.txt")
    asked = text_of(world.send("coord", text="vp hđnd và ubnd thị xã đang trễ những việc gì"))
    assert "Văn phòng HĐND và UBND thị xã" in asked and "huyện" not in asked
    ranking = text_of(world.send("coord", command="quahan"))
    assert "Ban Pháp chế HĐND thị xã" in ranking and "huyện" not in ranking
    digest = text_of(world.send("coord", command="tonghop"))
    assert "một cửa — Văn phòng HĐND và UBND thị xã ·" in digest and "huyện" not in digest
    nudges.run_once(world.app.sessions, world.now, load_policy(), VN)  # the day's overview
    with world.app.sessions() as session:
        sent = session.scalars(select(Notification).where(Notification.kind == "daily_summary"))
        overview = "\n".join(n.payload["text"] for n in sent)
    assert "Văn phòng HĐND và UBND thị xã" in overview and "huyện" not in overview


def test_the_excel_report_asked_for_of_a_section_or_an_agency_holds_their_tasks(world):
    replies = world.send("coord", text="xuất excel các nhiệm vụ phần II giúp em")
    files = [r.document for r in replies if r.document is not None]
    assert len(files) == 1 and "Cải cách thể chế" in text_of(replies)
    book = load_workbook(BytesIO(files[0].content))
    numbers = [r[0] for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert numbers[0] == "II" and "I" not in numbers and "IV" not in numbers
    replies = world.send("coord", text="xuất excel việc stp chủ trì")
    assert "Sở Tư pháp" in text_of(replies)
    assert any(r.document is not None for r in replies)
