"""Questions in words through the real handlers and database, in every place they are asked:
a coordinator's and an official's private chat, Zalo's numbered choices, the steering group
(with /hoi), in Vietnamese and in English.

The sample plan (bot/data/ke_hoach_mau.txt) on 14/04/2026: Sở Văn hóa, Thể thao và Du lịch
missed its monthly items of January, February and March (IV.2), Sở Nội vụ its Quý I items
(I.1 and the Q1 report of I.3), Sở Tư pháp the Q1 check of II.2.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.demo import SAMPLE_PLAN
from handlers import answers, callbacks
from models import Agency, Assignment, Milestone, Official, OfficialRole, Plan, Role, Task
from planning.importer import import_document
from planning.intent import Ask, Status
from services import questions as found
from services import vocabulary
from services.access import agency_scope, keep_scope, merged_into
from services.agencies import sync_directory
from services.corrections import add_agency
from services.plans import import_plan
from tests.conftest import seed_path
from tests.questions.plans import CORPUS_PLANS, plan_vocabulary
from tests.test_digest import complete
from tests.world import VN, World, buttons_of, text_of

APRIL_14 = datetime(2026, 4, 14, 9, 0, tzinfo=VN)
NOVEMBER_12_2025 = datetime(2025, 11, 12, 9, 0, tzinfo=VN)
VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
# The sample plan with its task II.2 given no deadline (an empty cell).
NO_DEADLINE_FOR_II_2 = SAMPLE_PLAN.read_text().replace(
    "Sở Tư pháp\tUBND cấp xã\tThường xuyên", "Sở Tư pháp\tUBND cấp xã\t"
)


@pytest.fixture
def world(sessions, tmp_path) -> World:
    world = World.build(sessions, tmp_path, now=APRIL_14)
    world.register("coord", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Trần Điều Phối")
    world.register("stp", "Sở Tư pháp", name="Lê Văn Tư")
    world.register("bcd", "Sở Nội vụ", OfficialRole.STEERING, name="Phạm Chỉ Đạo")
    return world


def asked(replies) -> list[answers.Question]:  # type: ignore[no-untyped-def]
    """The questions behind the reply's buttons that ask one."""
    out = []
    for data in buttons_of(replies).values():
        callback = callbacks.decode(data)
        if callback is not None and callback.action == "q":
            question = answers.decode(callback)
            assert question is not None
            out.append(question)
    return out


# ---------------------------------------------------------------------- a coordinator


def test_a_task_by_its_number_shows_what_was_asked_about_it(world):
    lead = text_of(world.send("coord", text="nv II.2 ai chủ trì"))
    assert lead.splitlines() == [
        "II.2 Kiểm tra văn bản QPPL sau khi ban hành",
        "Chủ trì: Sở Tư pháp",
    ]
    due = text_of(world.send("coord", text="nhiem vu 2.2 han khi nao"))
    assert "31/03/2026" in due and "quá hạn 14 ngày" in due
    card = text_of(world.send("coord", text="cho xem nv II.2"))
    assert "Sản phẩm:" in card and "Số minh chứng: 0" in card
    missing = text_of(world.send("coord", text="nv VIII.2 tới đâu rồi"))
    assert missing.startswith("Kế hoạch không có nhiệm vụ VIII.2.")


def test_a_period_is_stated_in_the_header_and_narrows_the_list(world):
    text = text_of(world.send("coord", text="quá hạn quý 1"))
    assert text.splitlines()[0] == "Nhiệm vụ quá hạn · quý I/2026 (4)"
    for label in ("IV.2", "I.1", "I.3", "II.2"):
        assert label in text
    december = text_of(world.send("coord", text="tháng 12 đến hạn những gì"))
    assert december.splitlines()[0].startswith("Nhiệm vụ đến hạn · tháng 12/2026")
    assert "🟡 II.1 " in december and "🟡 I.1 " not in december  # I.1 was due in Q1


def test_still_to_do_lists_and_how_many_counts(world):
    listed = text_of(world.send("coord", text="Sở Nội vụ còn những việc gì chưa làm"))
    assert listed.splitlines()[:2] == [
        "Nhiệm vụ chưa hoàn thành, Thứ Ba, 14/04/2026 (5)",
        "Cơ quan chủ trì: Sở Nội vụ",
    ]
    counted = world.send("coord", text="sở nội vụ còn bao nhiêu việc chưa xong")
    assert "5 nhiệm vụ chưa hoàn thành: 2 quá hạn" in text_of(counted)
    assert "đã hoàn thành" not in text_of(counted)  # the done ones were not counted
    see = buttons_of(counted)["Xem danh sách"]
    assert text_of(world.send("coord", button=see)) == listed


def test_an_agencys_part_as_support_is_its_own_filter(world):
    text = text_of(world.send("coord", text="sở khoa học công nghệ đang phối hợp việc gì"))
    assert "Cơ quan phối hợp: Sở Khoa học và Công nghệ" in text
    assert "III.2" in text and "IV.1" not in text  # it supports III.2, leads IV.1


def test_a_clear_question_is_answered_with_the_next_reading_beside_it(world):
    replies = world.send("coord", text="sở tư pháp")
    assert text_of(replies).startswith("Tiến độ: Sở Tư pháp")
    (other,) = asked(replies)
    assert (other.ask, other.status) == (Ask.LIST, Status.OVERDUE)


def test_a_truly_ambiguous_question_offers_its_readings_and_nothing_else(world):
    replies = world.send("coord", text="nhiệm vụ 2 ai chủ trì")
    assert text_of(replies).startswith("Có phải bạn muốn hỏi:")
    labels = [q.task.label for q in asked(replies) if q.task is not None]
    assert labels == ["I.2", "II.2", "III.2", "IV.2"]


def test_a_request_to_act_gets_the_way_to_do_it_not_a_menu(world):
    replies = world.send("coord", text="gia hạn cho STP thêm 1 tháng")
    text = text_of(replies)
    assert text.startswith("Việc gia hạn do cơ quan chủ trì đề nghị")
    assert "Sở Tư pháp" in text
    assert not asked(replies)  # no readings offered
    cards = [d for d in buttons_of(replies).values() if d.startswith("1:card:")]
    assert len(cards) == 2  # II.1 and II.2, the tasks Sở Tư pháp leads


def test_a_reminder_for_a_supporting_agency_says_its_part_beside_the_lead(world):
    text = text_of(world.send("coord", text="nhắc ubnd cấp xã làm nv II.2"))
    assert "Chủ trì: Sở Tư pháp" in text
    assert "Phối hợp: UBND cấp xã" in text
    # Named as the lead, the lead alone.
    assert "Phối hợp" not in text_of(world.send("coord", text="nhắc stp làm nv II.2"))


def test_the_tasks_an_agency_shares_with_another_are_those_both_are_given(world):
    text = text_of(world.send("stp", text="bên mình với Sở Nội vụ có việc nào chung"))
    assert "Cơ quan của bạn: Sở Tư pháp\nCùng thực hiện với: Sở Nội vụ" in text
    assert "I.2" in text  # Sở Nội vụ leads it, Sở Tư pháp supports
    assert "II.1" not in text and "II.2" not in text  # Sở Tư pháp's alone


def test_a_reminder_of_a_part_names_the_part(world):
    text = text_of(world.send("coord", text="nhắc sở tư pháp các việc phần II"))
    assert "Cơ quan chủ trì: Sở Tư pháp\nPhần II. Cải cách thể chế" in text


def test_the_deadline_of_a_task_the_plan_gives_none_says_it_has_none(world):
    data = SAMPLE_PLAN.read_bytes().replace(
        "Sở Tư pháp\tUBND cấp xã\tThường xuyên".encode(), "Sở Tư pháp\tUBND cấp xã\t".encode()
    )
    world.import_plan(data, SAMPLE_PLAN.name)
    text = text_of(world.send("coord", text="nv II.2 hạn khi nào"))
    assert text.splitlines()[0].startswith("II.2 ")
    assert "chưa có thời hạn" in text


def test_a_task_the_plan_gives_no_deadline_is_counted_as_having_none_until_done(world):
    world.import_text(NO_DEADLINE_FOR_II_2, SAMPLE_PLAN.name)
    question = "sở tư pháp còn bao nhiêu việc chưa xong"
    before = text_of(world.send("coord", text=question))
    assert "2 nhiệm vụ chưa hoàn thành: 0 quá hạn, 1 đang thực hiện trong hạn, 1 chưa có" in before
    assert "II.2 " in text_of(world.send("coord", text="việc chưa có thời hạn"))
    stp = world.register("stp2", "Sở Tư pháp", name="Đỗ Thị Pháp")
    coordinator = world.register("coord2", "Sở Nội vụ", OfficialRole.COORDINATOR)
    complete(world, stp, coordinator, "II|2", APRIL_14, APRIL_14)
    after = text_of(world.send("coord", text=question))
    assert "1 nhiệm vụ chưa hoàn thành: 0 quá hạn, 1 đang thực hiện trong hạn, 0 chưa có" in after
    assert "II.2 " not in text_of(world.send("coord", text="việc chưa có thời hạn"))


def test_small_talk_gets_a_short_pointer(world):
    for text in ("xin chào", "cảm ơn bot nhé", "thời tiết hôm nay thế nào"):
        answer = text_of(world.send("coord", text=text))
        assert "/trogiup" in answer and "việc quá hạn của sở tư pháp" in answer


# ---------------------------------------------------------------------------- officials


def test_an_official_lists_its_own_tasks_but_only_counts_anothers(world):
    own = text_of(world.send("stp", text="việc của mình còn gì chưa xong"))
    assert "Cơ quan của bạn: Sở Tư pháp" in own and "II.2" in own
    refused = text_of(world.send("stp", text="sở nội vụ còn những việc gì chưa làm"))
    assert "cơ quan mình (Sở Tư pháp)" in refused and "I.1" not in refused
    counted = text_of(world.send("stp", text="sở nội vụ còn bao nhiêu việc"))
    assert "5 nhiệm vụ chưa hoàn thành" in counted


def test_an_official_reads_what_the_plan_says_of_anothers_task_not_its_progress(world):
    text = text_of(world.send("stp", text="nv IV.2 tới đâu rồi"))
    assert f"Chủ trì: {VHTTDL}" in text and "31/01/2026" in text
    assert "quá hạn" not in text and "Tiến độ:" not in text
    assert "chỉ hiển thị cho cơ quan được giao" in text


def test_an_official_asking_to_act_on_its_task_gets_the_button_that_does_it(world):
    replies = world.send("stp", text="xin gia hạn nv II.2 thêm 15 ngày")
    task_id = world.task_id("II|2")
    assert buttons_of(replies)["II.2: Xin gia hạn"] == f"1:ext:{task_id}"
    other = world.send("stp", text="gửi minh chứng nv IV.2")
    assert not [d for d in buttons_of(other).values() if ":evid:" in d]


def test_a_steering_member_gets_counts_by_agency_instead_of_tasks(world):
    text = text_of(world.send("bcd", text="quá hạn quý 1"))
    assert text.splitlines()[0] == "Nhiệm vụ quá hạn · quý I/2026 (4)"
    assert f"{VHTTDL}: 1" in text and "Sở Nội vụ: 2" in text
    assert "Tuyên truyền" not in text


# -------------------------------------------------------------------- every place


def test_on_zalo_the_choices_are_numbers_and_a_number_picks_one(world):
    world.register("zl", "Sở Nội vụ", OfficialRole.COORDINATOR, channel="zalo")
    choices = world.send("zl", text="nhiem vu 2 ai chu tri", channel="zalo")
    assert len(asked(choices)) == 4
    picked = text_of(world.send("zl", text="2", channel="zalo"))
    assert picked.startswith("II.2 Kiểm tra văn bản QPPL") and "Chủ trì: Sở Tư pháp" in picked


def test_in_the_steering_group_hoi_answers_with_aggregates_and_no_buttons(world):
    world.send("coord", command="ganketnhom", chat_type="group", chat_id="-100")
    group = {"chat_type": "group", "chat_id": "-100"}
    ignored = world.send("coord", text="quá hạn quý 1", **group)
    assert ignored == []  # in a group only commands reach the bot
    replies = world.send("coord", command="hoi", args=("quá", "hạn", "quý", "1"), **group)
    text = text_of(replies)
    assert "quý I/2026" in text and f"{VHTTDL}: 1" in text
    assert "Tuyên truyền" not in text and all(not r.buttons for r in replies)
    task = text_of(world.send("bcd", command="hoi", args=("nv", "II.2", "tới", "đâu"), **group))
    assert "Chủ trì: Sở Tư pháp" in task and "Tiến độ:" not in task
    choices = text_of(
        world.send("coord", command="hoi", args=("nv", "2", "ai", "chủ", "trì"), **group)
    )
    assert "Có phải bạn muốn hỏi:" in choices and "/hoi" in choices
    for name in ("Trần Điều Phối", "Lê Văn Tư", "Phạm Chỉ Đạo"):
        assert name not in text + task + choices
    assert "/hoi" in text_of(world.send("coord", command="hoi", **group))


def test_an_english_speaker_gets_the_answer_in_english(world):
    official_id = world.register("en", "Sở Nội vụ", OfficialRole.COORDINATOR)
    world.send("en", button="1:lang:en")
    text = text_of(world.send("en", text="quá hạn quý 1"))
    assert text.splitlines()[0] == "Overdue tasks · quarter I/2026 (4)"
    assert "days overdue" in text
    assert world.official(official_id).language == "en"


# ---------------------------------------------------------------------- the vocabulary


def test_the_vocabulary_read_from_the_database_is_the_documents(world):
    with world.app.sessions() as session:
        stored = vocabulary.plan_vocabulary(session, world.app.directory, world.plan_id)
    assert stored == plan_vocabulary(SAMPLE_PLAN)
    assert sum(bool(t.dues) for t in stored.tasks) > len(stored.tasks) // 2  # as the plan set


def test_an_amended_plan_gets_a_new_reader_and_a_second_plan_is_asked_about(world):
    with world.app.sessions() as session:
        first = vocabulary.plan_reader(session, world.app.directory, world.plan_id)
        assert vocabulary.plan_reader(session, world.app.directory, world.plan_id) is first
        latest = vocabulary.question_reader(session, world.app.directory)
        assert latest == (world.plan_id, first)
        assert vocabulary.question_reader(session, world.app.directory, world.plan_id) == latest
        assert vocabulary.question_reader(session, world.app.directory, world.plan_id + 1) is None
    data = SAMPLE_PLAN.read_bytes().replace(
        "Kiểm tra văn bản QPPL sau khi ban hành".encode(), "Kiểm tra hậu kiểm văn bản".encode()
    )
    with world.app.sessions.begin() as session:
        import_plan(
            session,
            import_document(data, SAMPLE_PLAN.name, world.app.directory),
            source_name=SAMPLE_PLAN.name,
            sha256=hashlib.sha256(data).hexdigest(),
            directory=world.app.directory,
            now=world.now,
            actor="test",
        )
    with world.app.sessions() as session:
        again = vocabulary.plan_reader(session, world.app.directory, world.plan_id)
        assert again is not first
        assert vocabulary.question_plan(session) == world.plan_id
        assert vocabulary.question_reader(session, world.app.directory) == (world.plan_id, again)
    text = text_of(world.send("coord", text="nhiệm vụ hậu kiểm văn bản ai chủ trì"))
    assert text.startswith("II.2 Kiểm tra hậu kiểm văn bản")


def test_an_agencys_milestones_read_with_the_plans_kept_tasks_are_those_joined_to_them(world):
    """``select_milestones`` of an agency's tasks after ``question_reader`` (the plan's live
    tasks kept for its version) finds what it finds joined to each task, in the same order;
    also once an amendment has dropped a task the agency led."""
    today = APRIL_14.date()

    def both(selection: found.Selection) -> tuple[found.Selected, found.Selected]:
        with world.app.sessions() as session:
            joined = found.select_milestones(session, today, selection)
        with world.app.sessions() as session:
            vocabulary.question_reader(session, world.app.directory, world.plan_id)
            assert vocabulary.live_positions(session, world.plan_id)
            kept = found.select_milestones(session, today, selection)
        return joined, kept

    def selections() -> list[found.Selection]:
        with world.app.sessions() as session:
            ids = session.scalars(select(Agency.id).where(Agency.name == "Sở Tư pháp")).all()
        return [
            found.Selection(
                plan_id=world.plan_id, agencies=frozenset(ids), role=role, window=window
            )
            for role in (Role.LEAD, None)
            for window in (None, (date(2026, 1, 1), date(2026, 12, 31)))
        ]

    for selection in selections():
        joined, kept = both(selection)
        assert joined.hits and kept == joined, selection
    dropped = SAMPLE_PLAN.read_text().replace(
        "2\tKiểm tra văn bản QPPL sau khi ban hành\tKết luận kiểm tra\tSở Tư pháp\t"
        "UBND cấp xã\tThường xuyên\n",
        "",
    )
    assert dropped != SAMPLE_PLAN.read_text()
    world.import_text(dropped, SAMPLE_PLAN.name)
    for selection in selections():
        joined, kept = both(selection)
        assert kept == joined, selection


# ------------------------------------------------------------- seed 003: mergers, groups


@pytest.fixture
def quang_tri(sessions, tmp_path) -> World:
    world = World.build(sessions, tmp_path, now=NOVEMBER_12_2025, plan=seed_path("003"))
    world.register("coord", "Sở Nội vụ", OfficialRole.COORDINATOR)
    return world


def test_a_merged_agency_is_answered_for_what_the_plan_gave_it_saying_so(quang_tri):
    text = text_of(quang_tri.send("coord", text="sở KHĐT có việc gì chưa xong"))
    assert "Cơ quan chủ trì: Sở Kế hoạch và Đầu tư, nay là Sở Tài chính" in text
    with quang_tri.app.sessions() as session:
        written = set(
            session.scalars(
                select(Task.id)
                .join(Assignment)
                .join(Agency)
                .where(Agency.key == "so-ke-hoach-va-dau-tu", Assignment.role == Role.LEAD)
            )
        )
        shown = {
            int(d.split(":")[2]) for d in _card_buttons(quang_tri, "sở KHĐT có việc gì chưa xong")
        }
    assert shown and shown <= written


def test_a_group_the_plan_assigns_is_askable_and_its_members_lead_to_it(quang_tri):
    text = text_of(quang_tri.send("coord", text="UBND huyện quá hạn bao nhiêu"))
    assert "Cơ quan chủ trì: UBND cấp huyện" in text
    assert "0 nhiệm vụ" not in text
    member = text_of(quang_tri.send("coord", text="sở y tế quá hạn ko"))
    assert member.startswith("Sở Y tế thuộc nhóm Các Sở, ban, ngành")


def test_the_askers_scope_read_with_the_plans_version_is_the_one_read_alone(quang_tri):
    """``question_reader`` with ``scope_of`` keeps the asker's ``agency_scope`` rows for the
    transaction: the same scope, and the same merges for any agency, as read alone, for every
    agency of seed 003 (its mergers and groups); kept neither past the transaction nor past a
    change of the directory."""
    world, today = quang_tri, quang_tri.now.date()
    with world.app.sessions() as session:
        ids = session.scalars(select(Agency.id).order_by(Agency.id)).all()
        alone = {i: (agency_scope(session, i, today), merged_into(session, i, today)) for i in ids}
    assert any(len(scope) > 2 for scope, _ in alone.values())
    assert any(len(merged) > 1 for _, merged in alone.values())
    for agency_id in ids:
        with world.app.sessions() as session:
            found = vocabulary.question_reader(session, world.app.directory, scope_of=agency_id)
            assert found is not None and found[0] == world.plan_id
            assert agency_scope(session, agency_id, today) == alone[agency_id][0]
            assert all(merged_into(session, i, today) == alone[i][1] for i in ids)
    wide = next(i for i in ids if len(alone[i][0]) > 2)
    with world.app.sessions() as session:
        session.connection()  # in a transaction, as after the question's first statement
        keep_scope(session, wide, [])  # as if it had no merges and no groups
        assert agency_scope(session, wide, today) == {wide}
        session.commit()
        assert agency_scope(session, wide, today) == alone[wide][0]
    with world.app.sessions.begin() as session:
        keep_scope(session, wide, [])
        sync_directory(session, world.app.directory)
        assert agency_scope(session, wide, today) == alone[wide][0]
        assert merged_into(session, wide, today) == alone[wide][1]


def test_close_readings_of_one_word_are_offered_as_choices(quang_tri):
    replies = quang_tri.send("coord", text="tài chính thế nào rồi")
    offered = {(q.section, bool(q.agencies)) for q in asked(replies)}
    assert offered == {("VI", False), (None, True)}


def _card_buttons(world: World, question: str) -> list[str]:
    replies = world.send("coord", text=question)
    return [d for d in buttons_of(replies).values() if d.startswith("1:card:")]


def test_only_one_plan_is_asked_about_the_last_imported(world):
    with world.app.sessions() as session:
        plans = session.scalars(select(Plan.id)).all()
    assert plans == [world.plan_id]


# ------------------------------------------------------------------------------ counting


def test_counting_by_the_database_agrees_with_judging_each_milestone(world):
    """``tally`` (classes judged in SQL) against ``select_milestones`` (``judge``)."""
    world.import_text(NO_DEADLINE_FOR_II_2, SAMPLE_PLAN.name)
    today = APRIL_14.date()
    with world.app.sessions.begin() as session:
        milestones = session.scalars(select(Milestone).order_by(Milestone.id)).all()
        for n, milestone in enumerate(milestones):
            if n % 4 == 0 and milestone.due is not None:  # done, some late
                milestone.completed_on = milestone.due + timedelta(days=(n % 3) * 10 - 5)
            if n % 7 == 0 and milestone.due is not None:  # an extension
                milestone.original_due, milestone.due = milestone.due, milestone.due + timedelta(9)
            if n % 5 == 2:  # undated, and now and then done all the same
                milestone.due = milestone.original_due = None
                milestone.completed_on = today - timedelta(days=3) if n % 10 == 2 else None
    with world.app.sessions() as session:
        agency = session.scalar(select(Agency).where(Agency.name == "Sở Nội vụ"))
        assert agency is not None
        scopes = [
            (frozenset(), None),
            (frozenset({agency.id}), Role.LEAD),
            (frozenset(agency_scope(session, agency.id, today)), None),
        ]
        windows = [
            None,
            (date(2026, 1, 1), date(2026, 3, 31)),
            (date(2026, 4, 1), date(2026, 12, 31)),
        ]
        for status in (None, *Status):
            for agencies, role in scopes:
                for window in windows:
                    selection = found.Selection(
                        plan_id=world.plan_id,
                        agencies=agencies,
                        role=role,
                        status=status,
                        window=window,
                    )
                    selected = found.select_milestones(session, today, selection)
                    counted = found.tally(session, today, selection)
                    assert counted.milestones == selected.counts(), selection
                    assert counted.tasks == selected.open_tasks(), selection
                    assert counted.task_count == selected.task_count, selection
                    states = found.task_states(session, today, selection)
                    if window is None and status in (Status.OPEN, None):
                        # Judged by each task's current milestone: the same states.
                        assert states.open == counted.tasks.open, selection
                        assert states.overdue == counted.tasks.overdue, selection
                        assert states.undated == counted.tasks.undated, selection
                        if status is None:
                            assert states == counted.tasks, selection


# ------------------------------------------- a directive's points, asked of as a whole


def test_a_directives_point_is_asked_of_as_a_whole(sessions, tmp_path):
    """Chỉ thị Quảng Trị: "2. Sở Nội vụ:" over items 2.a and 2.b, which the importer keeps
    under no section; "mục 2" is both of them, and no other."""
    plan = CORPUS_PLANS["chi_thi_quang_tri"]
    world = World.build(sessions, tmp_path, now=datetime(2026, 7, 8, 9, 0, tzinfo=VN), plan=plan)
    world.register("coord", "Sở Nội vụ", OfficialRole.COORDINATOR)
    text = text_of(world.send("coord", text="mục 2 có những việc nào"))
    assert "2 (2.a, 2.b)" in text
    assert "2.a " in text and "2.b " in text and "1.a " not in text
    # 2.b reports each quarter: two of its four milestones are overdue, not all it holds.
    assert "· 2 mốc quá hạn" in text
    text = text_of(world.send("coord", text="tiến độ mục 2 sao rồi"))
    assert "2 (2.a, 2.b)" in text


def test_a_corrected_plan_gets_a_new_reader_that_knows_the_correction(world):
    """An agency assigned to a task by a coordinator's correction, the document unchanged:
    the plan's reader is built again, with the task's new lead."""
    coordinator = world.register("coord2", "Sở Nội vụ", OfficialRole.COORDINATOR)
    with world.app.sessions() as session:
        first = vocabulary.plan_reader(session, world.app.directory, world.plan_id)
    with world.app.sessions.begin() as session:
        task = session.scalar(
            select(Task).where(
                Task.plan_id == world.plan_id, Task.section == "II", Task.number == "2"
            )
        )
        agency = session.scalar(select(Agency).where(Agency.name == VHTTDL))
        assert task is not None and agency is not None
        official = session.get(Official, coordinator)
        add_agency(session, official, task.id, Role.LEAD, agency.id, world.now)
    with world.app.sessions() as session:
        again = vocabulary.plan_reader(session, world.app.directory, world.plan_id)
    assert again is not first
    row = next(r for r in again.vocabulary.tasks if (r.section, r.number) == ("II", "2"))
    assert agency.key in row.leads
