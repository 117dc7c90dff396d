"""Reading questions as coordinators type them: the rules behind the readings, as tables.

The readings of whole questions, hundreds of them, are in tests/questions; these tests pin
the parts: spelling, task numbers, agency and section names, mergers, when to ask back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from planning.agencies import Agency, AgencyDirectory
from planning.intent import (
    Action,
    AgencyEntry,
    AgencyNote,
    Ask,
    Intent,
    PlanVocabulary,
    Reading,
    Relation,
    Role,
    SectionRef,
    Status,
    TaskEntry,
    TaskField,
    TaskRef,
    TaskRow,
    agency_in,
    in_part,
    reader_for,
    section_in,
    understand,
)
from planning.periods import Duration, Period, PeriodKind
from planning.questions.lexicon import Lexicon
from planning.questions.words import agree, marks
from tests.questions.plans import CORPUS_PLANS, SAMPLE, plan_path, plan_vocabulary

DIRECTORY = AgencyDirectory.load()
SAMPLE_PLAN = plan_vocabulary(SAMPLE)
WEDNESDAY = date(2026, 3, 25)
STP, SNV, VP = "so-tu-phap", "so-noi-vu", "van-phong-ubnd-tinh"
KHCN, TTTT = "so-khoa-hoc-va-cong-nghe", "so-thong-tin-va-truyen-thong"


def read(text: str, vocabulary: PlanVocabulary = SAMPLE_PLAN, today: date = WEDNESDAY) -> Reading:
    return understand(text, vocabulary, directory=DIRECTORY, today=today)


def _section_of(code: str, *tasks: tuple[str, str]) -> PlanVocabulary:
    """A plan of one section and its tasks, each a number and a title."""
    return PlanVocabulary(
        sections=(SectionRef(code, f"Phần {code}"),),
        tasks=tuple(TaskEntry(code, number, title) for number, title in tasks),
    )


# ------------------------------------------------------------------------------- words

SPELLER = reader_for(SAMPLE_PLAN, DIRECTORY).speller

# (typed, spelled)
SPELLING = [
    ("Sở Tư Pháp", "so tu phap"),
    ("stp ko có việc qa hạn à", "stp khong co viec qua han a"),
    ("bn việc j", "bao nhieu viec gi"),
    ("quahan", "qua han"),
    ("baocao tiendo", "bao cao tien do"),
    ("thnag 12", "thang 12"),
    ("cải cách TTHC", "cai cach thu tuc hanh chinh"),
    ("Sở KH&ĐT", "so khdt"),
    ("sở kh đt", "so khdt"),
    ("Sở TT-TT", "so tttt"),
    ("nv II.3.2 hạn 31/12/2025", "nv ii.3.2 han 31/12/2025"),
    ("Ủy ban nhân dân cấp xã", "ubnd cap xa"),
    ("sắp xếp ĐVSN công lập", "sap xep don vi su nghiep cong lap"),
    ("trung tâm phục vụ HCC", "trung tam phuc vu hanh chinh cong"),
    # Telex typed with the input method off.
    ("sowr tuw phaps con bn vieecj quas hanj", "so tu phap con bao nhieu viec qua han"),
    ("tieens ddooj nv II.1", "tien do nv ii.1"),
    # VNI typed the same way; a head typed joined to its number; a shorthand joined on.
    ("co j qua1 ha5n ko", "co gi qua han khong"),
    ("nvII.1.2 ai chủ trì", "nv ii.1.2 ai chu tri"),
    ("còn bnviệc chưa xong", "con bao nhieu viec chua xong"),
    # Nghệ An's "răng rồi", "khi mô", "ni".
    ("tiến độ răng rồi, hạn khi mô, tuần ni", "tien do sao roi han khi nao tuan nay"),
    # "kh" alone is a plan, "kh đt" Sở KH&ĐT's initials; "ql" is "quản lý".
    (
        "kh tuyên truyền cchc, sở kh đt, ban ql",
        "ke hoach tuyen truyen cai cach hanh chinh so khdt ban quan ly",
    ),
]


@pytest.mark.parametrize(("typed", "spelled"), SPELLING)
def test_words_are_spelled_the_way_the_lexicon_spells_them(typed, spelled):
    assert " ".join(w.text for w in SPELLER(typed)) == spelled


def test_diacritics_tell_apart_words_that_fold_alike():
    assert marks("đã") != marks("dạ")
    assert marks("chức") != marks("chúc")
    assert marks("hoá") == marks("hóa")  # wherever the tone mark sits
    assert marks("da") is None  # typed without diacritics: either


# (question, reading's ask): a word typed with diacritics is not its look-alike.
LOOK_ALIKES = [
    ("nv III.2 đã làm được 80%", Ask.ACTION),  # "đã", not "dạ" (small talk)
    ("dạ", Ask.OFF_TOPIC),
    ("hối stp làm nhanh II.2", Ask.ACTION),  # "hối" (urge) typed with its marks
    ("tôi hỏi stp làm II.2 tới đâu", Ask.TASK),  # "hỏi" (ask) is not "hối"
]


@pytest.mark.parametrize(("text", "ask"), LOOK_ALIKES)
def test_look_alike_words_are_read_by_their_diacritics(text, ask):
    assert read(text).best.ask is ask


def test_a_phrase_typed_with_its_tones_but_not_its_vowels_shapes_is_read():
    vocabulary = _section_of(
        "VIII",
        ("3", "Tổ chức Hội nghị đối thoại với doanh nghiệp"),
        ("6", "Tổ chức Hội nghị phân tích chỉ số PCI"),
    )
    reading = read("hội nghị đối thoại doanh nghiệp tiến đọ", vocabulary)  # "đọ": "độ"
    assert (reading.best.task, reading.best.field) == (TaskRef("VIII", "3"), TaskField.PROGRESS)
    assert read("tối nay đá bóng ko").best.ask is Ask.OFF_TOPIC


# ------------------------------------------------------------------------------- tasks

# (question, task, field)
TASKS = [
    ("nv II.1 tới đâu rồi", TaskRef("II", "1"), TaskField.PROGRESS),
    ("nhiem vu 2.1 toi dau roi", TaskRef("II", "1"), TaskField.PROGRESS),
    ("nhiệm vụ IV-2 ai chủ trì", TaskRef("IV", "2"), TaskField.LEAD),
    ("việc số 3 mục III hạn khi nào", TaskRef("III", "3"), TaskField.DUE),
    ("mục I nhiệm vụ 2 ai phối hợp", TaskRef("I", "2"), TaskField.SUPPORT),
    ("III.1 sản phẩm là gì", TaskRef("III", "1"), TaskField.PRODUCT),
    ("cho xem nhiệm vụ I.1", TaskRef("I", "1"), TaskField.CARD),
    ("nhiệm vụ số hóa hồ sơ TTHC tới đâu", TaskRef("III", "2"), TaskField.PROGRESS),
    ("nv đo lường sự hài lòng hạn lúc nào", TaskRef("III", "3"), TaskField.DUE),
    ("nv VIII.2 tới đâu", TaskRef("VIII", "2"), TaskField.PROGRESS),  # not in the plan
]


@pytest.mark.parametrize(("text", "task", "field"), TASKS)
def test_a_task_is_named_by_its_number_or_its_title(text, task, field):
    reading = read(text)
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.task, reading.best.field) == (Ask.TASK, task, field)


def test_an_activity_row_is_named_where_the_plan_has_several():
    vocabulary = PlanVocabulary(
        sections=(SectionRef("II", "Cải cách thể chế"),),
        tasks=(TaskEntry("II", "3", "Rà soát văn bản QPPL", activities=(1, 2, 3)),),
    )
    assert read("II.3.2 xong chưa", vocabulary).best.task == TaskRef("II", "3", 2)
    assert read("nv II.3 hoạt động 3", vocabulary).best.task == TaskRef("II", "3", 3)
    assert read("II.3.9 xong chưa", vocabulary).best.task == TaskRef("II", "3")
    assert TaskRef("II", "3", 2).label == "II.3 (2)"


def test_a_task_numbered_under_a_group_is_named_by_its_whole_number():
    vocabulary = PlanVocabulary(
        sections=(SectionRef("I", "Chỉ đạo điều hành"), SectionRef("II", "Cải cách thể chế")),
        tasks=(
            TaskEntry("I", "1.1", "Kiện toàn Ban chỉ đạo"),
            TaskEntry("I", "2.3", "Đánh giá chỉ số CCHC"),
            TaskEntry("II", "1.1", "Rà soát văn bản"),
            TaskEntry("II", "3", "Kiểm tra văn bản"),
        ),
    )
    assert read("nv I.1.1 ai chủ trì", vocabulary).best.task == TaskRef("I", "1.1")
    assert read("nv 2.3 mục I tới đâu", vocabulary).best.task == TaskRef("I", "2.3")
    assert read("nv 2.3 tới đâu", vocabulary).choices[0].task == TaskRef("II", "3")
    both = read("nhiệm vụ 1.1 ai chủ trì", vocabulary)
    assert both.ask_back
    assert [i.task for i in both.choices] == [TaskRef("I", "1.1"), TaskRef("II", "1.1")]


# (question, task): the lettered items of a prose plan, "1.a", "2.đ"
LETTERED = [
    ("nv 1.a ai chủ trì", TaskRef("II", "1.a")),
    ("II.2.b tới đâu", TaskRef("II", "2.b")),
    ("việc 2b ai làm", TaskRef("II", "2.b")),
    ("mục 2 điểm d hạn khi nào", TaskRef("II", "2.d")),
    ("điểm đ mục 2 xong chưa", TaskRef("II", "2.đ")),
    ("báo xong việc 2.d", TaskRef("II", "2.d")),
    ("nv 2.e tới đâu", TaskRef("II", "2.e")),  # "e" is no "em" here
]


@pytest.mark.parametrize(("text", "task"), LETTERED)
def test_a_lettered_item_is_named_as_documents_number_it(text, task):
    vocabulary = PlanVocabulary(
        sections=(SectionRef("II", "Nhiệm vụ cụ thể"),),
        tasks=tuple(
            TaskEntry("II", number, f"Việc {number}")
            for number in ("1.a", "1.b", "2.a", "2.b", "2.d", "2.đ", "2.e")
        ),
    )
    reading = read(text, vocabulary)
    assert not reading.ask_back
    assert reading.best.task == task
    letter_b = read("điểm b ai chủ trì", vocabulary)
    assert letter_b.ask_back
    assert [i.task for i in letter_b.choices] == [TaskRef("II", "1.b"), TaskRef("II", "2.b")]


# (question, task): the dashed items a prose plan numbers under its lettered points
DASHED = [
    ("nv 3.a.2 hạn khi nào", "II.3.a.2"),
    ("nhiệm vụ II.3.a.1 tới đâu rồi", "II.3.a.1"),
    ("nhắc vp ubnd làm 3.a.2", "II.3.a.2"),
    ("ý 2 điểm a mục 3 xong chưa", "II.3.a.2"),
    ("gạch đầu dòng thứ 1 điểm a mục 3 ai làm", "II.3.a.1"),
    ("gạch đầu dòng thứ nhất điểm a mục 3 ai làm", "II.3.a.1"),  # its place in words
    ("mục II.3.a ý thứ 2 do ai chủ trì vậy", "II.3.a.2"),  # the dash said after its point
    ("việc 3.a gạch 1 tới đâu rồi", "II.3.a.1"),
    ("việc 3b ai làm", "II.3.b"),
]


@pytest.mark.parametrize("layout", ["section II", "section II.3"])
@pytest.mark.parametrize(("text", "task"), DASHED)
def test_a_dashed_item_is_named_by_its_whole_number(layout, text, task):
    # Either way a plan stores item "3.a.2": as "3.a.2" of section II, or "a.2" of II.3.
    numbers = ("3.a.1", "3.a.2", "3.b")
    sections = [("II", n) if layout == "section II" else ("II.3", n[2:]) for n in numbers]
    vocabulary = PlanVocabulary(
        sections=tuple(SectionRef(s, f"Phần {s}") for s in dict.fromkeys(s for s, _ in sections)),
        tasks=tuple(TaskEntry(s, n, f"Việc {s}.{n}") for s, n in sections),
    )
    reading = read(text, vocabulary)
    assert not reading.ask_back
    assert reading.best.task is not None and reading.best.task.label == task
    # A point that only holds dashed items means each of them.
    point = read("nv 3.a ai chủ trì", vocabulary)
    assert point.ask_back
    assert [i.task.label for i in point.choices if i.task] == ["II.3.a.1", "II.3.a.2"]


def test_cue_words_inside_a_title_belong_to_it():
    vocabulary = _section_of(
        "VII",
        ("5", "Kế hoạch bảo đảm an toàn thông tin mạng"),
        ("6", "Áp dụng ISO điện tử trên môi trường mạng, an toàn"),
    )
    reading = read("nv an toàn thông tin mạng ai chủ trì", vocabulary)  # "thông tin": details
    assert not reading.ask_back
    assert (reading.best.task, reading.best.field) == (TaskRef("VII", "5"), TaskField.LEAD)


def test_a_span_of_years_is_read_however_it_is_spaced():
    vocabulary = _section_of(
        "VIII",
        ("2", "Phê duyệt Quy hoạch tỉnh thời kỳ 2021 - 2030"),
        ("3", "Hội nghị đối thoại với doanh nghiệp"),
    )
    reading = read("quy hoạch tỉnh thời kỳ 2021-2030 ai phối hợp", vocabulary)
    assert (reading.best.ask, reading.best.task) == (Ask.TASK, TaskRef("VIII", "2"))


def test_a_group_title_names_none_of_its_tasks():
    # "3. Một cửa" over 3.1 and 3.2 is their objective in the rows; each is named by its own.
    rows = [
        TaskRow("III", "Thủ tục hành chính", "3.1", None, "Niêm yết TTHC", "Một cửa"),
        TaskRow("III", "Thủ tục hành chính", "3.2", None, "Lớp tập huấn một cửa", "Một cửa"),
        TaskRow("III", "Thủ tục hành chính", "4", 1, "Ban hành kế hoạch", "Kiểm soát TTHC"),
        TaskRow("III", "Thủ tục hành chính", "4", 2, "Báo cáo kết quả", "Kiểm soát TTHC"),
    ]
    vocabulary = PlanVocabulary.of_rows(DIRECTORY, years=None, rows=rows, agencies={})
    assert [t.title for t in vocabulary.tasks] == [
        "Niêm yết TTHC",
        "Lớp tập huấn một cửa",
        "Kiểm soát TTHC",  # a task's own objective, over its activity rows
    ]


def test_a_number_several_sections_share_is_asked_back():
    reading = read("nhiệm vụ 3 ai chủ trì")
    assert reading.ask_back
    assert [i.task for i in reading.choices] == [
        TaskRef("I", "3"),
        TaskRef("III", "3"),
        TaskRef("IV", "3"),
    ]


def _numbered_list(*titles: str) -> PlanVocabulary:
    """A plan whose tasks are the numbered rows of one table, under no section."""
    return PlanVocabulary(
        tasks=tuple(TaskEntry(None, str(n), t) for n, t in enumerate(titles, start=1))
    )


# (question, task number): a task by its place in the list, as people write it
ORDINALS = [
    ("việc thứ 3 ai phối hợp", "3"),
    ("nhiệm vụ thứ hai tới đâu rồi", "2"),
    ("nv thu tu han khi nao", "4"),
    ("stt 3 ai làm", "3"),
    ("số thứ tự 1 ai chủ trì", "1"),
    ("nv1 xong chưa", "1"),
    ("nv4 ai phối hợp", "4"),
]


@pytest.mark.parametrize(("text", "number"), ORDINALS)
def test_a_task_is_named_by_its_place_in_the_list(text, number):
    vocabulary = _numbered_list("Rà soát văn bản", "Kiểm tra", "Tổng kết", "Công bố TTHC")
    reading = read(text, vocabulary)
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.task) == (Ask.TASK, TaskRef(None, number))
    # A weekday is no place in the list.
    assert read("việc thứ 2 tuần sau", vocabulary).best.task is None


def test_a_year_inside_a_title_names_the_task_not_a_period():
    vocabulary = _numbered_list("Rà soát văn bản", "Tổng kết công tác CCHC năm 2026")
    # ... and a quarter said of it is no filter: its card answers, with every deadline.
    for text in ("nv tổng kết cchc năm 2026 ai phối hợp", "nv tổng kết cchc quý 2 ai phối hợp"):
        intent = read(text, vocabulary).best
        assert (intent.task, intent.field, intent.period) == (
            TaskRef(None, "2"),
            TaskField.SUPPORT,
            None,
        ), text


def test_an_agency_a_title_names_belongs_to_the_title():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[
            TaskEntry(
                None, "1", "Nâng cao chất lượng phục vụ của Trung tâm Phục vụ hành chính công tỉnh"
            ),
            TaskEntry(None, "2", "Rà soát các đơn vị sự nghiệp công lập thuộc tỉnh"),
            TaskEntry(None, "3", "Kiểm tra công tác cải cách hành chính"),
        ],
        agencies=["trung-tam-phuc-vu-hanh-chinh-cong-tinh", SNV],
    )
    # Named by a short form the title does not hold.
    reading = read("việc nâng cao chất lượng phục vụ của trung tâm hcc ai chủ trì", vocabulary)
    assert (reading.best.task, reading.best.agencies) == (TaskRef(None, "1"), ())
    # An agency the plan does not name, with no "việc" before it: the title's words.
    reading = read("rà soát đơn vị sự nghiệp công lập tiến độ sao rồi", vocabulary)
    assert not reading.ask_back
    assert (reading.best.task, reading.best.notes) == (TaskRef(None, "2"), ())


def test_an_activity_row_is_named_by_its_own_title():
    rows = [
        TaskRow(None, None, "4", 1, "Rà soát các đơn vị sự nghiệp công lập thuộc tỉnh"),
        TaskRow(None, None, "4", 2, "Trình phương án sắp xếp đơn vị sự nghiệp công lập"),
        TaskRow(None, None, "5", None, "Kiểm tra công tác cải cách hành chính"),
    ]
    vocabulary = PlanVocabulary.of_rows(DIRECTORY, years=(2026, 2026), rows=rows, agencies={})
    named = read("trình phương án sắp xếp đvsn công lập hạn khi nào", vocabulary)
    assert named.best.task == TaskRef(None, "4", 2)
    # The first row's title is the task's: naming it names the task.
    assert read("việc rà soát đơn vị sự nghiệp công lập", vocabulary).best.task == TaskRef(
        None, "4"
    )


def test_words_several_titles_share_ask_which_task():
    vocabulary = _numbered_list(
        "Đơn giản hóa thủ tục hành chính lĩnh vực sở hữu trí tuệ",
        "Công bố thủ tục hành chính",
        "Vận hành hệ thống giải quyết thủ tục hành chính",
        "Kiểm tra công tác cải cách hành chính",
        "Tổng kết công tác cải cách hành chính",
    )
    reading = read("thủ tục hành chính tới đâu rồi", vocabulary)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef(None, n) for n in ("1", "2", "3")}
    # The plan's own subject is the whole plan.
    whole = read("cải cách hành chính tới đâu rồi", vocabulary)
    assert (whole.ask_back, whole.best.task) == (False, None)


def test_dates_and_decimals_are_no_task_numbers():
    assert read("ngày 31.12 đến hạn gì").best.task is None
    assert read("tăng 2.5 lần").best.task is None


# ---------------------------------------------------------------------------- agencies

# (question, agencies of the reading, notes)
AGENCIES = [
    ("việc quá hạn của sở tư pháp", (STP,), ()),
    ("qua han ben tu phap", (STP,), ()),
    ("stp quá hạn", (STP,), ()),
    ("sở tp quá hạn", (STP,), ()),
    ("vp ubnd quá hạn", (VP,), ()),
    ("văn phòng quá hạn", (VP,), ()),
    ("sở kh&cn quá hạn", (KHCN,), ()),
    ("ubnd xã quá hạn", ("ubnd-cap-xa",), ()),
    # The kinds of commune listed either way round.
    ("các xã phường quá hạn", ("ubnd-cap-xa",), ()),
    ("các phường, xã quá hạn", ("ubnd-cap-xa",), ()),
    ("phuong xa qua han", ("ubnd-cap-xa",), ()),
    ("sở nội vụ và stp quá hạn", (SNV, STP), ()),
    (
        "sở tttt quá hạn",
        (KHCN,),
        (AgencyNote(TTTT, Relation.MERGED_INTO, KHCN, date(2025, 3, 1)),),
    ),
    (
        "sở xây dựng quá hạn",
        ("so-xay-dung",),
        (AgencyNote("so-xay-dung", Relation.MEMBER_OF, "so-ban-nganh"),),
    ),
    ("ubnd tỉnh quá hạn", ("ubnd-tinh",), (AgencyNote("ubnd-tinh", Relation.NOT_IN_PLAN),)),
]


@pytest.mark.parametrize(("text", "agencies", "notes"), AGENCIES)
def test_agencies_are_named_as_people_name_them(text, agencies, notes):
    intent = read(text).best
    assert (intent.agencies, intent.notes) == (agencies, notes)


def test_an_agency_the_plan_names_by_its_old_name_says_it_merged():
    plan = PlanVocabulary.build(DIRECTORY, years=(2025, 2025), agencies=["so-ke-hoach-va-dau-tu"])
    (note,) = read("sở KHĐT quá hạn", plan).best.notes
    assert note == AgencyNote(
        "so-ke-hoach-va-dau-tu", Relation.MERGED_INTO, "so-tai-chinh", date(2025, 3, 1)
    )
    # Asked before the merger took effect, it is only itself.
    before = understand("sở KHĐT quá hạn", plan, directory=DIRECTORY, today=date(2025, 2, 1))
    assert before.best.notes == ()
    # The agency that took it over, asked for by its own name: the old agency's tasks.
    intent = read("sở tài chính quá hạn", plan).best
    assert intent.agencies == ("so-ke-hoach-va-dau-tu",)
    assert intent.notes[0].relation is Relation.TOOK_OVER


def test_a_group_the_plan_names_is_asked_for_as_such():
    plan = PlanVocabulary.build(DIRECTORY, years=(2025, 2025), agencies=["ubnd-cap-huyen"])
    # "UBND huyện" is the plan's "UBND cấp huyện", not the body of that name.
    for text in ("UBND huyện quá hạn", "các huyện quá hạn", "ubnd các huyện quá hạn"):
        assert read(text, plan).best.agencies == ("ubnd-cap-huyen",), text


def test_sở_alone_asks_which_one():
    reading = read("sở còn bao nhiêu việc")
    assert reading.ask_back
    assert {i.agencies[0] for i in reading.choices} == {
        SNV,
        STP,
        KHCN,
        "so-van-hoa-the-thao-va-du-lich",
    }
    assert {i.ask for i in reading.choices} == {Ask.COUNT}
    assert not read("số hóa còn bao nhiêu việc").ask_back  # "số", not "sở"
    assert not read("sở nào quá hạn nhiều nhất").ask_back  # all of them, ranked


def test_phòng_alone_asks_which_one_of_a_citys_plan():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2024, 2024),
        agencies=["phong-tu-phap", "phong-noi-vu", "van-phong-hdnd-va-ubnd-huyen"],
    )
    reading = read("phòng còn bao nhiêu việc", vocabulary)
    assert reading.ask_back
    assert {i.agencies[0] for i in reading.choices} == {"phong-tu-phap", "phong-noi-vu"}
    assert not read("phòng còn bao nhiêu việc").ask_back  # a plan with no Phòng


def test_cục_alone_asks_which_one_of_a_ministrys_plan():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        agencies={
            "unverified-cuc-a": ["Cục Sở hữu trí tuệ"],
            "unverified-cuc-b": ["Cục Chuyển đổi số quốc gia"],
            "unverified-cac-cuc": ["Các Cục"],
            "unverified-vu-lien-quan": ["Vụ liên quan"],
        },
    )
    # Named as documents name groups, "Các Cục" and "Vụ liên quan" are groups.
    assert [a.is_group for a in vocabulary.agencies] == [False, False, True, True]
    reading = read("bên cục còn mấy việc", vocabulary)
    assert reading.ask_back
    assert {i.agencies[0] for i in reading.choices} == {"unverified-cuc-a", "unverified-cuc-b"}


def _ministry_units() -> PlanVocabulary:
    """A ministry's plan whose units are its Vụ."""
    return PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[TaskEntry(None, "1", "Xây dựng kế hoạch"), TaskEntry(None, "2", "Kiểm tra")],
        agencies={
            "unverified-vu-tccb": ["Vụ Tổ chức cán bộ"],
            "unverified-vu-qldn": ["Vụ Quản lý doanh nghiệp"],
            "unverified-vu-qldt": ["Vụ Quản lý đầu tư"],
        },
    )


def test_a_ministrys_vụ_is_named_as_its_officials_shorten_it():
    vocabulary = _ministry_units()
    # By its initials, and by the first words of its name.
    reading = read("vụ tccb còn mấy việc", vocabulary)
    assert not reading.ask_back
    assert reading.best.agencies == ("unverified-vu-tccb",)
    assert read("vụ tổ chức có mấy việc", vocabulary).best.agencies == ("unverified-vu-tccb",)
    # Words two units' names begin with ask which of them.
    reading = read("vụ quản lý có mấy việc", vocabulary)
    assert reading.ask_back
    assert {i.agencies[0] for i in reading.choices} == {
        "unverified-vu-qldn",
        "unverified-vu-qldt",
    }


def test_a_vụ_the_plan_does_not_name_asks_which_instead_of_counting_every_task():
    vocabulary = _ministry_units()
    for text in ("vụ hợp tác quốc tế có mấy việc", "vụ còn mấy việc chưa xong"):
        reading = read(text, vocabulary)
        assert reading.ask_back, text
        assert all(i.agencies for i in reading.choices), text
    # "nhiệm vụ", "dịch vụ" hold no "vụ".
    for text in ("nhiệm vụ còn mấy", "có bao nhiêu nhiệm vụ quá hạn", "dịch vụ công ai làm"):
        reading = read(text, vocabulary)
        assert not reading.ask_back and reading.best.agencies == (), text


def test_sở_mình_is_the_askers_own():
    reading = read("việc sở mình chủ trì còn gì chưa xong")
    assert not reading.ask_back
    assert (reading.best.own, reading.best.role) == (True, Role.LEAD)


def test_a_local_peoples_committee_is_named_by_its_place():
    plan = PlanVocabulary.build(
        DIRECTORY,
        years=(2018, 2018),
        agencies=["ubnd-huyen-tay-tra", "ubnd-tp-quang-ngai", "ubnd-cap-huyen", SNV],
    )
    assert read("huyện tây trà có mấy việc", plan).best.agencies == ("ubnd-huyen-tay-tra",)
    assert read("tp quảng ngãi quá hạn gì", plan).best.agencies == ("ubnd-tp-quang-ngai",)
    assert read("ubnd huyện quá hạn", plan).best.agencies == ("ubnd-cap-huyen",)


def test_a_name_of_agencies_at_two_levels_is_the_one_at_the_plans_level():
    province = PlanVocabulary.build(
        DIRECTORY, years=(2022, 2022), agencies=[STP, SNV, VP, "phong-tu-phap"]
    )
    reading = read("bên tư pháp có việc gì quá hạn", province)
    assert not reading.ask_back
    assert reading.best.agencies == (STP,)
    city = PlanVocabulary.build(
        DIRECTORY, years=(2024, 2024), agencies=["phong-tu-phap", "phong-noi-vu", STP]
    )
    assert read("bên tư pháp có việc gì quá hạn", city).best.agencies == ("phong-tu-phap",)


def test_agency_in_finds_an_agency_anywhere_in_a_sentence():
    assert agency_in("cho hỏi việc của Sở KH&CN với", DIRECTORY) == KHCN
    assert agency_in("việc của văn phòng ubnd tỉnh", DIRECTORY) == VP  # the longest name
    assert agency_in("việc của ai đó", DIRECTORY) is None


# ---------------------------------------------------------------------------- sections

SECTIONS = SAMPLE_PLAN.sections


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("III", "III"),
        ("mục 3", "III"),
        ("phần IV", "IV"),
        ("cai cach the che", "II"),
        ("Cải cách thủ tục hành chánh", "III"),  # a typo
        ("chuyển đổi số", "IV"),
        ("sở tư pháp", None),
    ],
)
def test_a_section_is_found_by_code_number_or_title(text, code):
    assert section_in(text, SECTIONS) == code


def test_an_index_is_named_by_its_acronym():
    sections = (
        SectionRef("II", "Cải cách thể chế"),
        SectionRef(
            "VIII",
            "Nâng cao chỉ số CCHC; Chỉ số hiệu quả quản trị và hành chính công; "
            "Chỉ số năng lực cạnh tranh cấp tỉnh",
        ),
    )
    for acronym in ("PCI", "papi", "Par Index"):
        assert section_in(acronym, sections) == "VIII", acronym
    reading = read("các việc về papi còn bn việc chưa xong", PlanVocabulary(sections=sections))
    assert (reading.best.ask, reading.best.section) == (Ask.COUNT, "VIII")  # not a list


def test_a_lower_case_roman_inside_a_word_is_no_section():
    assert read("các đơn vị quá hạn").best.section is None  # "vị", not VI
    assert read("tiến độ IV").best.section == "IV"


def test_without_sections_no_section_is_read():
    bare = PlanVocabulary()
    assert read("tiến độ cải cách thủ tục hành chính", bare).best.section is None


# -------------------------------------------------------------------------- ambiguity


def test_a_clear_question_is_answered_without_asking_back():
    reading = read("sở tư pháp sao rồi")
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.agencies) == (Ask.PROGRESS, (STP,))
    assert reading.best.score >= 0.5


def test_a_bare_subject_is_its_progress_with_its_overdue_tasks_next():
    reading = read("sở tư pháp")
    assert not reading.ask_back and reading.best.score < 0.5
    assert reading.best.ask is Ask.PROGRESS
    assert reading.runner_up is not None
    assert (reading.runner_up.ask, reading.runner_up.status) == (Ask.LIST, Status.OVERDUE)


def test_an_agency_and_a_section_named_alike_are_both_offered():
    plan = PlanVocabulary.build(
        DIRECTORY,
        years=(2025, 2025),
        sections=[SectionRef("VI", "Cải cách tài chính công")],
        agencies=["so-tai-chinh", STP],
    )
    reading = read("tài chính tới đâu rồi", plan)
    assert reading.ask_back
    assert {(i.section, i.agencies) for i in reading.choices} == {
        ("VI", ()),
        (None, ("so-tai-chinh",)),
    }
    assert read("tài chính công tới đâu rồi", plan).best.section == "VI"
    assert read("sở tài chính tới đâu rồi", plan).best.agencies == ("so-tai-chinh",)
    # Beside an agency named clearly, each choice keeps it.
    reading = read("sở tư pháp và tài chính quá hạn", plan)
    assert reading.ask_back
    assert {(i.section, i.agencies) for i in reading.choices} == {
        ("VI", (STP,)),
        (None, (STP, "so-tai-chinh")),
    }


def test_a_request_to_act_is_an_action_not_a_menu():
    reading = read("gia hạn cho STP thêm 1 tháng")
    assert not reading.ask_back
    intent = reading.best
    assert (intent.ask, intent.action, intent.agencies, str(intent.duration)) == (
        Ask.ACTION,
        Action.EXTEND,
        (STP,),
        "1 month",
    )


@pytest.mark.parametrize("text", ["", "   ", "???", "123", "con mèo", "abc xyz"])
def test_what_says_nothing_is_unknown(text):
    reading = read(text)
    assert reading.best.ask is Ask.UNKNOWN and not reading.understood


@pytest.mark.parametrize(
    "text",
    [
        "chào em",
        "cảm ơn nhé",
        "thời tiết hôm nay thế nào",
        "ok",
        "hôm nay thứ mấy",
        # A meeting's hour, a coffee: no task of the plan, whatever day is said.
        "mai họp giao ban mấy giờ",
        "chiều nay đi cafe ko",
        # The weather felt ("quá" no overdue), wishes to the group, an outing asked of all.
        "hôm nay nóng quá",
        "chúc cả nhà cuối tuần vui vẻ",
        "chủ nhật đi biển ko mọi người",
        "hôm nay trời đẹp ghê",
        "kể chuyện cười đi bot",
        # Rain ("quá" no overdue, "hôm nay" no period), football at a given hour.
        "gia nghĩa hôm nay mưa to quá",
        "tối nay mấy giờ đá bóng vậy",
        # The office's day: a meeting's hour, a car's papers; wishes; a hot day; "you guys".
        "họp bcđ cchc chiều mai mấy giờ nhỉ",
        "xe e het han dang kiem r, chieu e xin ve som ti",
        "Chào em, chúc em một tuần làm việc hiệu quả nhé!",
        "hôm nay trời nóng quá nhỉ",
        "chiều nay đi cà phê hông mấy anh",
        # A phone number asked for is no count of tasks.
        "so dt cua a Hung ben stp la bn vay",
        "chiều nay có họp giao ban ko e",
        "đông hà hôm nay mưa dữ ko",
        "hôm nay nắng nóng quá",
        "morning!",
        # Lunch, an outing, working from home.
        "trua nay an com tam hay hu tieu may dua, c dat luon ne",
        "Thứ 7 này cơ quan đi Đồ Sơn, mọi người đăng ký xe chưa nhỉ?",
        "Mọi người ơi tuần này mình vẫn làm việc luân phiên ở nhà đúng ko, văn phòng sở có"
        " thông báo mới chưa ạ",
        # ... a lunch order beside "sở", the office's keys.
        "trưa nay ai ăn bún bò quán đầu đường sở ko, e đặt thêm suất",
        "ai cầm chìa khóa tủ hồ sơ phòng mình vậy, c cần lấy con dấu gấp",
        # The year-end party and Tết chores, whatever else their clause says.
        "tất niên phòng mình năm nay tổ chức ngày nào mọi người",
        "chiều nay ai đăng ký gói bánh chưng với công đoàn thì chốt danh sách trước 4h nhé",
        "ai ra chợ mua giúp c hai chậu cúc chưng tết ở phòng với",
        # ... fog that made one late, the stationery to fetch.
        "sáng nay sương mù quá, e đi làm trễ mấy phút mọi người thông cảm nhé",
        "ai xuống lấy văn phòng phẩm thì lấy giùm c một ram giấy a4",
        # ... a colleague's new baby, a broken air conditioner, the market, shifts, a trip.
        "chiều thứ 6 cả phòng đi thăm chị Lan mới sinh em bé, ai đi thì báo mình trước 3h nhé",
        "may lanh phong hu roi, ai goi tho sua giup c voi",
        "chiều nay ai ra chợ mua trái cây không, chị đặt luôn",
        "nghe noi tu thu 2 co quan lam viec luan phien 50% vi covid",
        "chiều chị đi công tác huyện, có gì mọi người nhắn zalo nhé",
        # ... the post office, breakfast, the union's gifts and mid-autumn cakes, a storm.
        "trua nay ai ra buu dien ko, gui dum c cai phong bi",
        "mai chi em phong minh di an sang pho bo ko, nghe noi quan moi mo",
        "quà 20/10 công đoàn sở tặng còn phần của chị Lan, ai cầm giúp với",
        "sap trung thu r, cong doan so co phat banh cho con em can bo k moi nguoi",
        "nghe noi bao sap vo, thu 6 co nghi khong a",
        "thang 7 doan thanh nien di trong cay o xa, ai di thi dang ky voi e nhe",
    ],
)
def test_small_talk_is_recognised(text):
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_a_question_of_the_plan_asked_of_everyone_is_still_read():
    intent = read("có việc gì quá hạn không mọi người").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)


def test_a_reading_says_why():
    why = read("quá hạn quý 1 của stp").best.why
    assert any(w.startswith("period") for w in why)
    assert any(w.startswith("name") for w in why)
    assert any(w.startswith("cue") for w in why)


def test_the_same_question_reads_the_same():
    text = "nhiệm vụ rà soát hệ thống hóa văn bản khi nào hết hạn"
    assert read(text) == read(text)


# ------------------------------------------------------------------------- vocabulary


def test_the_vocabulary_takes_what_the_directory_knows():
    plan = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        agencies={"so-tai-chinh": ["STC"], "unverified-bao-an-thinh": ["Báo An Thịnh"]},
    )
    finance = plan.agency("so-tai-chinh")
    assert finance is not None and "so-ke-hoach-va-dau-tu" in finance.predecessors
    assert plan.agency("unverified-bao-an-thinh") == AgencyEntry(
        "unverified-bao-an-thinh", "Báo An Thịnh"
    )
    assert read("báo an thịnh quá hạn", plan).best.agencies == ("unverified-bao-an-thinh",)


def test_a_directory_of_ones_own_is_used():
    directory = AgencyDirectory.from_entries(
        [Agency("so-a", "Sở Alpha", aliases=("SA",), level="department")]
    )
    plan = PlanVocabulary.build(directory, years=None, agencies=["so-a"])
    reading = understand("sở alpha quá hạn", plan, directory=directory, today=WEDNESDAY)
    assert reading.best.agencies == ("so-a",)


# ----------------------------------------------------------------------------- lexicon


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("[]", "expected a mapping"),
        ("cues: [{mean: wish=x, weight: 1, say: [a]}]", "unknown cue"),
        ("cues: [{mean: ask=dance, weight: 1, say: [a]}]", "cannot be"),
        ("cues: [{mean: ask=list, weight: 0, say: [a]}]", "positive"),
        ("cues: [{mean: ask=list, weight: 1, say: []}]", "list of phrases"),
        ("fillers: nope", "must be a list"),
    ],
)
def test_a_broken_lexicon_is_refused(tmp_path: Path, yaml_text: str, message: str):
    path = tmp_path / "questions.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Lexicon.load(path)


# ------------------------------------------------------- a directive's points, titles' words


def _points(*tasks: tuple[str, str]) -> PlanVocabulary:
    """A directive's tasks, each a number ("2.a", "5") under no section, and its text."""
    return PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[TaskEntry(None, number, title) for number, title in tasks],
        agencies=[STP, SNV, KHCN],
    )


DIRECTIVE = _points(
    ("2.a", "Kiểm tra đột xuất việc chấp hành kỷ luật hành chính"),
    ("2.b", "Theo dõi, tổng hợp tình hình thực hiện Chỉ thị"),
    ("4.1", "Nâng cấp chức năng nhắc hạn xử lý hồ sơ"),
    ("6", "Giám sát việc thực hiện Chỉ thị này"),
    ("7", "Đôn đốc việc thực hiện Chỉ thị, báo cáo trước ngày 20/12/2026"),
)


def test_a_point_by_its_number_names_its_items():
    reading = read("nv 2 tới đâu rồi", DIRECTIVE)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef(None, "2.a"), TaskRef(None, "2.b")}
    reading = read("nv 4 ai phối hợp", DIRECTIVE)
    assert not reading.ask_back
    assert (reading.best.task, reading.best.field) == (TaskRef(None, "4.1"), TaskField.SUPPORT)


def test_a_part_word_before_a_number_names_the_point_of_a_plan_without_sections():
    intent = read("mục 6 ai làm", DIRECTIVE).best
    assert (intent.ask, intent.task, intent.field) == (Ask.TASK, TaskRef(None, "6"), TaskField.LEAD)
    # Of a plan with sections, "mục 2" is still its section.
    assert read("mục II còn mấy việc", _section_of("II", ("1", "Rà soát"))).best.section == "II"


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        ("Rà soát văn bản quy phạm pháp luật", "Rà soát chức năng", "rà soát ai chủ trì vậy"),
        # A word that asks for help when alone is the titles' when who leads is asked.
        ("Hướng dẫn vận hành bộ máy", "Hướng dẫn giải quyết TTHC", "hướng dẫn ai chủ trì vậy"),
    ],
)
def test_who_leads_words_several_tasks_hold_asks_which(first, second, text):
    plan = _points(("1", first), ("2", second))
    reading = read(text, plan)
    assert reading.ask_back
    assert {(i.task, i.field) for i in reading.choices} == {
        (TaskRef(None, "1"), TaskField.LEAD),
        (TaskRef(None, "2"), TaskField.LEAD),
    }
    # Words no task holds leave the list of what the plan's agencies lead.
    assert read("ai chủ trì", plan).best.ask is Ask.LIST
    assert read("hướng dẫn sử dụng", plan).best.ask is Ask.HELP


@pytest.mark.parametrize(
    ("text", "task", "field"),
    [
        ("việc đôn đốc thực hiện chỉ thị hạn khi nào", "7", TaskField.DUE),
        ("nâng cấp chức năng nhắc hạn xử lý hồ sơ ai phối hợp", "4.1", TaskField.SUPPORT),
    ],
)
def test_a_request_word_a_title_holds_is_the_titles_when_a_field_is_asked(text, task, field):
    intent = read(text, DIRECTIVE).best
    assert (intent.ask, intent.task, intent.field) == (Ask.TASK, TaskRef(None, task), field)
    assert intent.action is None


def test_a_request_beside_a_task_number_is_still_a_request():
    intent = read("nhắc sở tư pháp làm nv 7", DIRECTIVE).best
    assert (intent.ask, intent.action, intent.task) == (
        Ask.ACTION,
        Action.REMIND,
        TaskRef(None, "7"),
    )


def test_bare_so_beside_a_titles_neighbour_is_no_agency_kind():
    plan = _points(("1", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"))
    reading = read("viec so hoa ho so ai chu tri", plan)
    assert not reading.ask_back
    assert (reading.best.task, reading.best.field) == (TaskRef(None, "1"), TaskField.LEAD)
    assert read("so con may viec", plan).ask_back  # "sở" alone still asks which


def test_words_officials_write_for_completion_progress_and_law():
    assert read("nv 7 đã xong, cập nhật hoàn thành giúp", DIRECTIVE).best.action is Action.COMPLETE
    plan = _points(("3", "Công khai danh sách cơ quan có hồ sơ quá hạn trên Cổng thông tin"))
    intent = read("công khai danh sách cơ quan có hồ sơ quá hạn tiến độ sao", plan).best
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef(None, "3"),
        TaskField.PROGRESS,
    )
    assert " ".join(w.text for w in SPELLER("pl vphc")) == "phap luat vi pham hanh chinh"


# ------------------------------------------------- tasks under no section, as documents head them


def _two_tables() -> PlanVocabulary:
    """A plan's first table of tasks under a heading the importer does not keep, then II."""
    return PlanVocabulary(
        sections=(SectionRef("II", "Nhiệm vụ của cấp xã"),),
        tasks=(
            TaskEntry(None, "1", "Hướng dẫn vận hành bộ máy"),
            TaskEntry(None, "2", "Chuẩn hóa dữ liệu"),
            TaskEntry("II", "1", "Kiện toàn bộ phận một cửa"),
            TaskEntry("II", "2", "Bảo đảm an ninh trật tự"),
        ),
    )


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("nv I.2 ai chủ trì", TaskRef(None, "2")),
        ("mục I nhiệm vụ 2 hạn bao giờ", TaskRef(None, "2")),
        ("việc số 1 mục I xong chưa", TaskRef(None, "1")),
        ("ii.2 ai lam", TaskRef("II", "2")),
    ],
)
def test_unheaded_tasks_before_section_ii_are_section_i(text, task):
    reading = read(text, _two_tables())
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.task) == (Ask.TASK, task)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Nhiệm vụ của cấp xã", "việc số 2 cấp xã xong chưa"),
        # The plan's name of the agency the question names by its level.
        ("Nhiệm vụ của UBND các xã, phường, đặc khu", "nv 2 cấp xã xong chưa"),
    ],
)
def test_a_name_a_section_title_holds_tells_which_sections_task_a_number_is(title, text):
    tasks = _two_tables().tasks
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        sections=[SectionRef("II", title)],
        tasks=tasks,
        agencies={"ubnd-cap-xa": ["UBND các xã, phường, đặc khu"]},
    )
    reading = read(text, vocabulary)
    assert not reading.ask_back
    assert (reading.best.task, reading.best.agencies) == (TaskRef("II", "2"), ())
    # Whom to remind, as well.
    intent = read("nhắc ubnd các xã làm nv 2", vocabulary).best
    assert (intent.action, intent.task, intent.agencies) == (
        Action.REMIND,
        TaskRef("II", "2"),
        ("ubnd-cap-xa",),
    )
    # A name no section's title holds still asks which.
    assert read("nv 2 sở nội vụ xong chưa", vocabulary).ask_back


def test_a_level_a_section_title_holds_tells_which_sections_task_a_number_is():
    vocabulary = _plan(
        {"I": "NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH", "II": "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG"},
        TaskEntry("I", "1", "Hướng dẫn vận hành bộ máy"),
        TaskEntry("I", "3", "Hướng dẫn giải quyết thủ tục"),
        TaskEntry("II", "1", "Kiện toàn bộ phận một cửa"),
        TaskEntry("II", "3", "Báo cáo kết quả"),
    )
    for text, task in (
        ("nv 3 cấp tỉnh ai phối hợp", TaskRef("I", "3")),
        ("cho xem thẻ nv 1 phần cấp tỉnh", TaskRef("I", "1")),
        ("nv 1 cap tinh xong r", TaskRef("I", "1")),
    ):
        reading = read(text, vocabulary)
        assert not reading.ask_back, text
        assert reading.best.task == task, text
    # A level neither title holds, or said alone, still asks which.
    assert read("nv 3 cấp huyện ai phối hợp", vocabulary).ask_back
    assert read("nv 3 ai phối hợp", vocabulary).ask_back


def test_a_section_code_of_a_plan_without_sections_is_the_heading_of_its_table():
    vocabulary = _numbered_list("Rà soát văn bản", "Kiểm tra", "Tổng kết")
    assert read("II.3 ai làm", vocabulary).best.task == TaskRef(None, "3")
    # Of a plan with sections, a section it does not have names no task of it.
    assert read("nv III.1 ai làm", _two_tables()).best.task == TaskRef("III", "1")


def test_an_abbreviation_no_task_holds_weighs_nothing_in_a_title():
    vocabulary = _numbered_list(
        "Ban hành Kế hoạch kiểm tra cải cách hành chính năm 2026",
        "Kiểm soát thủ tục hành chính và công bố danh mục thủ tục",
        "Kiện toàn Trung tâm Phục vụ hành chính công xã, phường",
    )
    # "kh" (kế hoạch, or không): neither for nor against the title; not an agency either.
    intent = read("ban hành kh kiểm tra cchc xong chưa", vocabulary).best
    assert (intent.ask, intent.task, intent.agencies) == (Ask.TASK, TaskRef(None, "1"), ())
    intent = read("kiện toàn trung tâm phục vụ hcc tiến độ sao rồi", vocabulary).best
    assert (intent.ask, intent.task, intent.agencies) == (Ask.TASK, TaskRef(None, "3"), ())


def test_a_deliverable_is_asked_for_as_the_expected_result_and_a_document_as_submitted():
    vocabulary = _numbered_list("Xây dựng đề án vị trí việc làm", "Kiểm tra công vụ")
    intent = read("nv 2 kết quả dự kiến là gì", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.PRODUCT)
    intent = read("đề án vị trí việc làm nộp chưa", vocabulary).best
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef(None, "1"),
        TaskField.PROGRESS,
    )


def test_a_group_of_the_provinces_agencies_is_named_without_whose_they_are():
    vocabulary = PlanVocabulary.build(
        DIRECTORY, years=(2026, 2026), agencies=["co-quan-chuyen-mon-ubnd-tinh", SNV]
    )
    for text in ("các cqcm phối hợp mấy việc", "các cơ quan chuyên môn phối hợp mấy việc"):
        intent = read(text, vocabulary).best
        assert intent.agencies == ("co-quan-chuyen-mon-ubnd-tinh",), text
        assert intent.notes == (), text


def test_what_is_asked_of_one_task_of_words_beside_names_its_title_holds_is_that_tasks():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        sections=[SectionRef("III", "Cải cách tổ chức bộ máy")],
        tasks=[
            TaskEntry("III", "1", "Đánh giá bộ máy các cơ quan chuyên môn thuộc UBND tỉnh"),
            TaskEntry("III", "2", "Sắp xếp các đơn vị sự nghiệp công lập"),
        ],
        agencies=["co-quan-chuyen-mon-ubnd-tinh", SNV],
    )
    intent = read("đánh giá bộ máy các cqcm kết quả dự kiến là gì", vocabulary).best
    assert (intent.ask, intent.task, intent.field, intent.agencies) == (
        Ask.TASK,
        TaskRef("III", "1"),
        TaskField.PRODUCT,
        (),
    )
    # A name alone is the agency's, not a task's.
    intent = read("sở nội vụ kết quả dự kiến là gì", vocabulary).best
    assert (intent.task, intent.agencies) == (None, (SNV,))


def _plan(
    sections: dict[str, str],
    *tasks: TaskEntry,
    year: int = 2026,
    agencies: tuple[str, ...] = (STP, SNV),
) -> PlanVocabulary:
    """A plan of these sections (code: title), tasks and agencies."""
    return PlanVocabulary.build(
        DIRECTORY,
        years=(year, year),
        sections=[SectionRef(code, title) for code, title in sections.items()],
        tasks=tasks,
        agencies=agencies,
    )


def test_a_section_said_with_one_of_its_tasks_only_says_where_the_task_is():
    vocabulary = _plan(
        {"II": "Nhiệm vụ trọng tâm", "III": "Tổ chức thực hiện"},
        TaskEntry("II", "1", "Niêm yết thủ tục"),
        TaskEntry("III", "1", "Tham mưu triển khai"),
        TaskEntry("III", "2", "Tuyên truyền"),
    )
    intent = read("nhiệm vụ 1 phần tổ chức thực hiện ai chủ trì", vocabulary).best
    assert (intent.task, intent.section, intent.field) == (
        TaskRef("III", "1"),
        None,
        TaskField.LEAD,
    )


def test_half_an_agencys_name_names_it_and_a_title_holding_it_is_offered_beside():
    gddt = "so-giao-duc-va-dao-tao"
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[
            TaskEntry(None, "1", "Rà soát thủ tục hành chính"),
            TaskEntry(None, "2", "Nâng cao chất lượng dịch vụ giáo dục công lập"),
        ],
        agencies=[gddt, STP],
    )
    reading = read("giáo dục thế nào rồi", vocabulary)
    assert reading.ask_back
    assert [(i.ask, i.agencies, i.task) for i in reading.choices] == [
        (Ask.PROGRESS, (gddt,), None),
        (Ask.TASK, (), TaskRef(None, "2")),
    ]
    # Counting or listing is of the agency's tasks: no title is offered.
    reading = read("giao duc con bao nhieu viec qua han", vocabulary)
    assert not reading.ask_back and reading.best.agencies == (gddt,)
    # A title that does not hold the words: the agency alone.
    reading = read("tư pháp thế nào rồi", vocabulary)
    assert not reading.ask_back and reading.best.agencies == (STP,)
    # Half a name that is also a word of the plan names no agency: "kế hoạch".
    khdt = PlanVocabulary.build(DIRECTORY, years=(2026, 2026), agencies=["so-ke-hoach-va-dau-tu"])
    assert read("kế hoạch thế nào rồi", khdt).best.agencies == ()


# A prose plan's items under numbered fields of section II, two of them with dashed items.
FIELDS = PlanVocabulary.build(
    DIRECTORY,
    years=(2026, 2026),
    sections=[
        SectionRef("II.1", "Cải cách thể chế"),
        SectionRef("II.2", "Cải cách thủ tục hành chính"),
        SectionRef("II.3", "Cải cách tổ chức bộ máy"),
    ],
    tasks=[
        TaskEntry("II.1", "a", "Rà soát văn bản quy phạm pháp luật"),
        TaskEntry("II.1", "b", "Theo dõi thi hành pháp luật"),
        TaskEntry("II.1", "d.3", "Kiểm tra việc ban hành văn bản"),
        TaskEntry("II.2", "a", "Niêm yết công khai thủ tục hành chính"),
        TaskEntry("II.3", "d.3", "Sắp xếp các phòng chuyên môn"),
        TaskEntry("II.3", "d.4", "Tinh giản biên chế"),
    ],
    agencies=[STP, SNV, "so-tai-chinh"],
)


@pytest.mark.parametrize(
    ("text", "tasks"),
    [
        ("nv 2.1.b ai phối hợp", {"II.1.b"}),  # the section's number in figures
        ("nv 3d4 tới đâu rồi", {"II.3.d.4"}),  # run together
        ("nv d3 hạn khi nào", {"II.1.d.3", "II.3.d.3"}),  # the letter first, of two points
        ("mục II.2 điểm a tới đâu rồi", {"II.2.a"}),
        ("điểm a mục II.2 tới đâu rồi", {"II.2.a"}),
    ],
)
def test_an_items_number_in_the_forms_people_write_it(text, tasks):
    reading = read(text, FIELDS)
    assert {i.task.label for i in reading.choices if i.task} == tasks
    assert reading.ask_back == (len(tasks) > 1)


def test_what_is_asked_of_a_task_is_the_tasks_whatever_agency_says_it():
    text = "dạ nhiệm vụ II.1.a thì Sở Tài chính phối hợp với những cơ quan nào ạ"
    intent = read(text, FIELDS).best
    assert (intent.task, intent.field, intent.agencies) == (
        TaskRef("II.1", "a"),
        TaskField.SUPPORT,
        (),
    )


TITLED = _points(
    ("1", "Kiện toàn Ban chỉ đạo cải cách hành chính"),
    ("2", "Kiện toàn Tổ tư vấn của Ban chỉ đạo"),
    ("3", "Đôn đốc việc thực hiện Chỉ thị"),
    ("5", "Xây dựng Kế hoạch tuyên truyền CCHC giai đoạn 2022 - 2025"),
    ("6", "Xây dựng Kế hoạch tuyên truyền CCHC hàng năm"),
    ("7", "Báo cáo kết quả kiểm tra công tác CCHC"),
)


def test_a_shorthand_keeps_the_diacritics_it_stands_for():
    plan = TITLED
    # The titles' "CCHC" says "cải", no filler "cái": both plans of propaganda are offered.
    reading = read("kế hoạch tuyên truyền cải cách hành chính hạn khi nào ạ", plan)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef(None, "5"), TaskRef(None, "6")}
    # A report asked of nothing but the plan's subject is the plan's, not task 7's.
    assert read("làm giúp chị báo cáo cchc quý I", plan).best.ask is Ask.REPORT
    assert read("cho xin bc tình hình thực hiện kh quý III", plan).best.ask is Ask.REPORT


def test_how_the_few_tasks_a_questions_words_are_of_stand():
    plan = TITLED
    reading = read("kiện toàn tới đâu rồi em", plan)
    assert reading.ask_back
    assert {(i.task, i.field) for i in reading.choices} == {
        (TaskRef(None, "1"), TaskField.PROGRESS),
        (TaskRef(None, "2"), TaskField.PROGRESS),
    }
    # The plan's subject, or the plan itself, is the whole plan.
    for text in ("cải cách hành chính tới đâu rồi", "tiến độ thực hiện chỉ thị thế nào"):
        intent = read(text, plan).best
        assert (intent.ask, intent.task) == (Ask.PROGRESS, None), text
    # Of many tasks at once ("quá hạn"), no one task is meant.
    assert read("kiện toàn có gì quá hạn", plan).best.task is None


def test_the_plural_of_a_level_is_its_group_before_one_body():
    vocabulary = PlanVocabulary.build(
        DIRECTORY, years=(2026, 2026), agencies=["ubnd-cap-huyen", "bo-phan-mot-cua-huyen"]
    )
    reading = read("các huyện còn bn việc chưa xong", vocabulary)
    assert not reading.ask_back and reading.best.agencies == ("ubnd-cap-huyen",)


@pytest.mark.parametrize(
    ("text", "ask", "field", "status"),
    [
        ("nv 3 sp là gì", Ask.TASK, TaskField.PRODUCT, None),
        ("việc 3 xog chưa nhỉ", Ask.TASK, TaskField.PROGRESS, None),
        ("nv 3 hạn thế nào", Ask.TASK, TaskField.DUE, None),
        # Whether an agency has anything at all to do: its tasks, not this week's.
        ("sở tư pháp có phải làm j trong kh này ko", Ask.LIST, None, None),
    ],
)
def test_words_officials_write_for_a_product_completion_a_deadline_and_any_task(
    text, ask, field, status
):
    intent = read(text, DIRECTIVE if "nv" in text or "việc" in text else SAMPLE_PLAN).best
    assert (intent.ask, intent.field, intent.status) == (ask, field, status)


# A plan whose tasks have activity rows, as seed 003's table gives them.
_ROWS = (
    "Xây dựng văn bản — Lập đề nghị xây dựng nghị quyết",
    "Xây dựng văn bản — Thẩm định dự thảo",
    "Xây dựng văn bản — Công bố danh mục văn bản hết hiệu lực",
)
ROWS = _plan(
    {"I": "Công tác chỉ đạo", "II": "Cải cách thể chế"},
    TaskEntry("I", "3", "Kiểm tra công tác cải cách hành chính"),
    TaskEntry(
        "II",
        "1",
        "Xây dựng văn bản quy phạm pháp luật",
        activities=(1, 2, 3),
        words=" ".join(_ROWS),
        rows=_ROWS,
    ),
    TaskEntry("II", "8", "Đánh giá tình hình thi hành pháp luật", words="Phương án điều tra"),
    year=2025,
)


def test_a_row_by_its_number_after_its_tasks_and_by_its_words():
    intent = read("nhiem vu 1.3 muc II ai phoi hop", ROWS).best
    assert (intent.task, intent.field) == (TaskRef("II", "1", 3), TaskField.SUPPORT)
    intent = read("công bố danh mục văn bản hết hiệu lực hạn bao giờ ạ", ROWS).best
    assert (intent.task, intent.field) == (TaskRef("II", "1", 3), TaskField.DUE)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("nv I.3 ai chu tri vs han bao gio", TaskField.CARD),  # two fields: all of it
        # "tình hình" is the title's; the product is what is asked.
        ("đánh giá tình hình thi hành pháp luật sản phẩm là j", TaskField.PRODUCT),
        ("nv I.3 ai phoi hơp", TaskField.SUPPORT),  # the tone left off "hợp"
    ],
)
def test_the_field_asked_of_a_task(text, field):
    assert read(text, ROWS).best.field is field


def test_a_completion_reported_of_a_task_is_the_tasks_alone():
    intent = read("nv II.1.2 sở em xong r nhé, kh ban hành từ tháng 1", ROWS).best
    assert (intent.ask, intent.action, intent.task, intent.own, intent.period) == (
        Ask.ACTION,
        Action.COMPLETE,
        TaskRef("II", "1", 2),
        False,
        None,
    )


def test_a_reminder_keeps_whom_it_is_for_and_how_to_do_a_request_is_the_request():
    intent = read("nhắc các sở đang chậm tiến độ").best
    assert (intent.action, intent.status) == (Action.REMIND, Status.OVERDUE)
    intent = read("lam sao bao cao tien do vay bot").best
    assert (intent.ask, intent.action) == (Ask.ACTION, Action.REPORT_PROGRESS)


def test_whom_a_report_goes_to_is_no_subject():
    for text, ask in (
        ("tổng hợp tuần này gửi ban chỉ đạo giúp chị", Ask.DIGEST),
        ("lam bao cao 6 thang trinh bcd", Ask.REPORT),
    ):
        reading = read(text)
        assert (reading.best.ask, reading.best.agencies, reading.ask_back) == (ask, (), False)


def test_a_year_said_with_a_titles_words_names_the_task():
    # Tasks I.1 and I.2 of the sample plan both say "kiểm tra cải cách hành chính"; only
    # I.1's title says "năm 2026". No unrelated body is read into "kiểm tra cchc".
    intent = read("kế hoạch kiểm tra cchc năm 2026 xong chưa").best
    assert (intent.ask, intent.task, intent.agencies) == (Ask.TASK, TaskRef("I", "1"), ())


def test_we_typed_as_people_in_the_south_and_the_north_say_it_is_ones_own():
    intent = read("6 tháng cuối năm tụi em có những nv gì").best
    assert (intent.ask, intent.own) == (Ask.LIST, True)


@pytest.mark.parametrize(
    ("text", "agencies", "period"),
    [
        ("thế còn sở y tế thì sao", ("so-y-te",), None),
        ("con quy 3 thi sao", (), "quý III/2026"),
    ],
)
def test_a_follow_up_asks_how_things_stand(text, agencies, period):
    intent = read(text).best
    assert (intent.ask, intent.status, intent.agencies) == (Ask.PROGRESS, None, agencies)
    assert (intent.period.label if intent.period else None) == period


def test_what_is_not_reported_done_is_open_and_help_said_in_other_words():
    intent = read("những việc chưa có ai báo xong").best
    assert (intent.ask, intent.status, intent.action) == (Ask.LIST, Status.OPEN, None)
    for text in ("bot làm được những gì vậy", "bot này xài sao vậy, chỉ em với"):
        assert read(text).best.ask is Ask.HELP, text


def test_an_agency_merged_into_a_member_of_the_plans_group_is_that_member():
    vocabulary = PlanVocabulary.build(DIRECTORY, years=(2026, 2026), agencies=["so-ban-nganh", SNV])
    intent = read("sở kh&đt có việc gì ko", vocabulary).best
    relations = {(n.named, n.relation, n.other) for n in intent.notes}
    assert intent.agencies == ("so-tai-chinh",)
    assert relations == {
        ("so-ke-hoach-va-dau-tu", Relation.MERGED_INTO, "so-tai-chinh"),
        ("so-tai-chinh", Relation.MEMBER_OF, "so-ban-nganh"),
    }


def test_an_agencys_words_after_a_task_head_asked_of_one_task_are_its_titles():
    vocabulary = _plan(
        {},
        TaskEntry(None, "5", "Thí điểm một cửa liên thông cấp xã"),
        TaskEntry(None, "6", "Đánh giá mức độ hài lòng ở cấp xã"),
        TaskEntry(None, "7", "Rà soát văn bản"),
        agencies=("ubnd-cap-xa", SNV),
    )
    reading = read("nv cấp xã hạn bao giờ", vocabulary)
    assert reading.ask_back
    assert {(i.task, i.field) for i in reading.choices} == {
        (TaskRef(None, "5"), TaskField.DUE),
        (TaskRef(None, "6"), TaskField.DUE),
    }
    # Without "nv", the agency's tasks.
    assert read("cấp xã hạn bao giờ", vocabulary).best.task is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("cuc cds quoc gia chu tri viec nao", "cuc-chuyen-doi-so-quoc-gia"),
        ("tt bộ phối hợp việc nào", "thanh-tra-bo"),
    ],
)
def test_a_ministrys_units_by_their_shorthand(text, agency):
    reading = understand(
        text, plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"]), directory=DIRECTORY, today=WEDNESDAY
    )
    assert any(agency in k for k in reading.best.agencies), reading.best
    assert read("vụ mình còn mấy việc chưa xong").best.own


# A directive's points, one of them a single sentence ("4.1").
POINTS = _points(
    ("1.a", "Rà soát quy trình nội bộ giải quyết thủ tục hành chính"),
    ("2.a", "Báo cáo kết quả thực hiện Chỉ thị"),
    ("2.b", "Báo cáo định kỳ hằng quý"),
    ("3.b", "Kiểm tra đột xuất kỷ luật, kỷ cương"),
    ("4.1", "Tuyên truyền Chỉ thị trên báo, đài"),
    ("5", "Trình UBND tỉnh kinh phí thực hiện cải cách hành chính năm 2027"),
)


@pytest.mark.parametrize(
    ("text", "task", "field"),
    [
        ("điểm 2 khoản a hạn khi nào ạ", "2.a", TaskField.DUE),  # the other way round
        ("ý b điểm 3 tới đâu rồi", "3.b", TaskField.PROGRESS),
        ("điểm 4 chỉ thị ai chủ trì vậy", "4.1", TaskField.LEAD),  # "chỉ thị": no "chi" (gì)
        # A question ending in "chưa" asks how the task stands.
        ("stc trình ubnd tỉnh kinh phí cchc năm 2027 chưa", "5", TaskField.PROGRESS),
    ],
)
def test_a_directives_points_as_officials_name_them(text, task, field):
    intent = read(text, POINTS).best
    assert (intent.ask, intent.task, intent.field) == (Ask.TASK, TaskRef(None, task), field)


def test_what_an_agency_must_do_without_a_window_is_all_of_it():
    intent = read("ubnd cấp huyện phải làm gì").best
    assert (intent.ask, intent.status, intent.period) == (Ask.LIST, None, None)
    intent = read("tháng 4 sở tư pháp phải làm gì").best
    assert (intent.status, intent.period.label) == (Status.DUE, "tháng 4/2026")


def test_the_plans_own_words_with_a_generic_verb_are_the_whole_plan():
    intent = read("tình hình thực hiện chỉ thị đến nay thế nào", POINTS).best
    assert (intent.ask, intent.task, intent.period) == (Ask.PROGRESS, None, None)


def test_a_ward_office_by_its_initials_and_ones_own_office():
    vocabulary = _plan(
        {"III": "Tổ chức thực hiện"},
        TaskEntry("III", "1", "Tổng hợp báo cáo cải cách hành chính quý gửi Sở Nội vụ"),
        TaskEntry("III", "2", "Tuyên truyền trên loa truyền thanh"),
        TaskEntry("III", "3", "Báo cáo kết quả số hóa hồ sơ"),
        agencies=("phong-van-hoa-xa-hoi", "van-phong-hdnd-va-ubnd-xa"),
    )
    intent = read("nhắc p.vh-xh làm III.2 nhé", vocabulary).best
    assert (intent.action, intent.agencies) == (Action.REMIND, ("phong-van-hoa-xa-hoi",))
    intent = read("văn phòng mình còn việc gì chưa làm ko", vocabulary).best
    assert (intent.own, intent.agencies) == (True, ())
    # A report's words after "việc" are the titles'; whom it goes to is no subject.
    reading = read("việc báo cáo hạn khi nào", vocabulary)
    assert {i.task for i in reading.choices} == {TaskRef("III", "1"), TaskRef("III", "3")}
    assert read("lam bao cao cchc quy 2 gui so noi vu", vocabulary).best.ask is Ask.REPORT


# A task list with a task of two rows under no section, then the communes' section II.
TWO_GROUPS = _plan(
    {"II": "NHIỆM VỤ CỦA CẤP XÃ"},
    TaskEntry(None, "1", "Nâng cao chất lượng phục vụ của Trung tâm"),
    TaskEntry(None, "4", "Rà soát đơn vị sự nghiệp", activities=(1, 2)),
    TaskEntry("II", "1", "Niêm yết thủ tục hành chính"),
    TaskEntry("II", "3", "Báo cáo kết quả cải cách hành chính"),
)


@pytest.mark.parametrize(
    ("text", "task", "field"),
    [
        (
            "bot ơi cho chị hỏi là nhiệm vụ 4 chấm 2 thì ai phối hợp",
            TaskRef(None, "4", 2),
            TaskField.SUPPORT,
        ),
        ("nhiệm vụ hai chấm ba của xã hạng chót là ngày nào", TaskRef("II", "3"), TaskField.DUE),
        ("mục hai nhiệm vụ một ai phối hợp", TaskRef("II", "1"), TaskField.SUPPORT),
        ("cho xem chi tiết nhiệm vụ bốn", TaskRef(None, "4"), TaskField.CARD),
        ("nv 4.1 sp là gì", TaskRef(None, "4", 1), TaskField.PRODUCT),
    ],
)
def test_numbers_said_aloud_and_a_row_of_a_task_of_no_section(text, task, field):
    intent = read(text, TWO_GROUPS).best
    assert (intent.ask, intent.task, intent.field) == (Ask.TASK, task, field)


def test_number_words_elsewhere_stay_words():
    # "tháng sau" is next month, "sở tư pháp" no "sở 4", "thí điểm một cửa" no point 1.
    assert read("tháng sau phải nộp những gì").best.period.label == "tháng 4/2026"
    assert read("sở tư pháp còn bao nhiêu việc").best.agencies == (STP,)
    intent = read("gia hạn nhiệm vụ bốn chấm hai thêm mười lăm ngày", TWO_GROUPS).best
    assert (intent.task, str(intent.duration)) == (TaskRef(None, "4", 2), "15 days")
    assert (
        read("ngày ba mươi tháng sáu có những việc nào đến hạn").best.period.label == "30/06/2026"
    )


def test_the_asker_introducing_herself_names_no_subject():
    intent = read(
        "chào bot chị là hoa bên sở nội vụ chị hỏi tí là sở tư pháp phối hợp những việc nào"
    ).best
    assert (intent.agencies, intent.role) == ((STP,), Role.SUPPORT)


def test_words_of_one_tasks_field_that_no_task_holds_are_not_understood():
    plan = _points(
        ("2", "Rà soát thủ tục hành chính lĩnh vực đất đai"), ("4", "Tập huấn nghiệp vụ")
    )
    assert read("việc số hóa kết quả giải quyết tthc ai chủ trì", plan).best.ask is Ask.UNKNOWN
    # Words that fit one title well enough, though not wholly, name it.
    intent = read("đơn giản hóa tthc đất đai hạn bao giờ", plan).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.DUE)
    # A role asked of a task is who has it.
    intent = read("nv 2 có phải stp chủ trì ko", plan).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.LEAD)


def test_briefing_words():
    intent = read("Hiện có bao nhiêu việc quá hạn cần lãnh đạo chỉ đạo?").best
    assert (intent.ask, intent.status, intent.section) == (Ask.COUNT, Status.OVERDUE, None)
    intent = read("6 tháng đầu năm hoàn thành đúng hạn được bao nhiêu phần trăm").best
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    intent = read("Từ đầu năm đến nay đã hoàn thành bao nhiêu nhiệm vụ?").best
    assert (intent.status, intent.period.start, intent.period.end) == (
        Status.DONE,
        date(2026, 1, 1),
        WEDNESDAY,
    )
    assert read("bot ơi bot làm được những gì thế hướng dẫn chị với").best.ask is Ask.HELP


def test_a_row_said_before_its_task_and_how_many_is_of_many_tasks():
    intent = read("dòng 2 của nv II.1 ai chủ trì vậy", ROWS).best
    assert (intent.task, intent.field) == (TaskRef("II", "1", 2), TaskField.LEAD)
    # "có mấy việc" counts tasks, whatever title the other words fit.
    intent = read("xây dựng văn bản qppl có mấy việc", ROWS).best
    assert (intent.ask, intent.task) == (Ask.COUNT, None)
    # "bộ máy" typed bare holds a "mấy" that asks nothing.
    plan = _points(("1", "Hướng dẫn các huyện vận hành bộ máy sau sắp xếp"))
    intent = read("huong dan van hanh bo may sau sap xep xong chua", plan).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    assert read("e ko biet dung bot nay, chi minh voi").best.ask is Ask.HELP


def test_a_request_about_a_task_named_by_its_words_keeps_whom_it_is_for():
    plan = _points(
        ("2", "Rà soát thủ tục hành chính lĩnh vực đất đai"),
        ("3", "Rà soát thủ tục hành chính lĩnh vực xây dựng"),
    )
    intent = understand(
        "nhắc sxd đẩy nhanh rà soát tthc xây dựng nhé",
        PlanVocabulary.build(
            DIRECTORY, years=(2026, 2026), tasks=plan.tasks, agencies=["so-xay-dung"]
        ),
        directory=DIRECTORY,
        today=WEDNESDAY,
    ).best
    assert (intent.action, intent.task, intent.agencies) == (
        Action.REMIND,
        TaskRef(None, "3"),
        ("so-xay-dung",),
    )


def test_a_wards_office_by_p_and_its_own_and_a_list_of_tasks_is_no_title():
    vocabulary = _plan(
        {"III": "Tổ chức thực hiện"},
        TaskEntry("III", "2", "Phòng Văn hóa - Xã hội chủ trì tuyên truyền về cải cách hành chính"),
        agencies=("phong-van-hoa-xa-hoi", "van-phong-hdnd-va-ubnd-xa"),
    )
    intent = read("p. văn hóa xã hội còn việc gì chưa xong", vocabulary).best
    assert (intent.ask, intent.agencies, intent.status, intent.task) == (
        Ask.LIST,
        ("phong-van-hoa-xa-hoi",),
        Status.OPEN,
        None,
    )
    assert read("vp minh co viec nao sap den han k", vocabulary).best.own
    # Who leads, said as "bên nào làm"; a point's item typed joined, "điểm 2.b".
    intent = read("tuyên truyền cải cách hành chính bên nào làm thế", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.LEAD)
    intent = read("điểm 2.b hạn khi nào vậy", POINTS).best
    assert (intent.task, intent.field) == (TaskRef(None, "2.b"), TaskField.DUE)


def test_a_points_item_said_as_muc_and_what_assigned_means_without_a_role():
    intent = read("điểm 2 mục b tiến độ sao rồi", POINTS).best
    assert (intent.task, intent.field) == (TaskRef(None, "2.b"), TaskField.PROGRESS)
    # "được giao" alone is whatever part the plan gives; "được giao phối hợp" supporting.
    intent = read("stp dc giao nhung viec gi").best
    assert (intent.ask, intent.agencies, intent.role) == (Ask.LIST, (STP,), None)
    intent = read("stp duoc giao phoi hop nhung viec gi").best
    assert (intent.agencies, intent.role) == ((STP,), Role.SUPPORT)
    assert read("Mặt trận Tổ quốc tỉnh có bao nhiêu nhiệm vụ").best.agencies == (
        "uy-ban-mttq-tinh",
    )


def test_a_requests_words_in_a_title_asked_which_unit_leads_and_small_talks_qua():
    plan = _points(
        ("4", "Cập nhật, công bố thủ tục hành chính thuộc phạm vi quản lý của Bộ"),
        ("8", "Tổng kết công tác cải cách hành chính năm 2026"),
    )
    intent = read("việc cập nhật công bố tthc giao đv nào chủ trì", plan).best
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef(None, "4"),
        TaskField.LEAD,
    )
    # A report's words asked when of are the task's title, its year too.
    intent = read("tong ket cchc nam 2026 han bao gio", plan).best
    assert (intent.ask, intent.task, intent.period) == (Ask.TASK, TaskRef(None, "8"), None)
    assert read("tổng kết cchc năm 2026", plan).best.ask is Ask.REPORT
    # "quá trời" says how much, not overdue.
    assert read("nay nha trang nang qua troi").best.ask is Ask.OFF_TOPIC
    assert read("viec qua han nhieu qua troi").best.status is Status.OVERDUE


def test_the_plan_as_a_whole_with_its_year_or_in_general():
    plan = _points(
        ("1", "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026"),
        ("8", "Tổng kết công tác cải cách hành chính năm 2026"),
    )
    for text in (
        "tình hình thực hiện kế hoạch cchc 2026 đến nay thế nào",
        "tinh hinh thuc hien ke hoach cchc chung the nao",
    ):
        intent = read(text, plan).best
        assert (intent.ask, intent.task) == (Ask.PROGRESS, None), text
    # Who drafts it is still task 1's.
    assert read("kế hoạch cchc 2026 ai chủ trì xây dựng", plan).best.task == TaskRef(None, "1")


def test_whom_a_tasks_result_went_to_is_no_subject_of_a_request():
    intent = read("nv II.1 đã trình UBND tỉnh r, đánh dấu hoàn thành giúp mình").best
    assert (intent.action, intent.task, intent.agencies, intent.notes) == (
        Action.COMPLETE,
        TaskRef("II", "1"),
        (),
        (),
    )
    # Whom to remind stays.
    intent = read("nv II.1 gửi stp nhắc giúp").best
    assert (intent.action, intent.agencies) == (Action.REMIND, (STP,))


def test_a_sections_numbered_point_how_often_and_how_to_use():
    intent = read("muc 4 diem 1 den dau r").best
    assert (intent.task, intent.field) == (TaskRef("IV", "1"), TaskField.PROGRESS)
    assert read("mục 4 tới đâu rồi").best.section == "IV"
    assert read("bot này dùng ntn vậy").best.ask is Ask.HELP
    # "6 tháng 1 lần" says how often: a title's words, no length of time.
    plan = _points(
        ("5", "Định kỳ 6 tháng/lần tổ chức đối thoại với tổ chức, công dân về thủ tục hành chính"),
        ("6", "Tổ chức hội nghị tổng kết"),
    )
    intent = read("viec doi thoai voi cong dan 6 thang 1 lan den dau roi", plan).best
    assert (intent.task, intent.duration) == (TaskRef(None, "5"), None)
    intent = read("gia hạn nv 5 thêm 6 tháng", plan).best
    assert (intent.action, str(intent.duration)) == (Action.EXTEND, "6 months")


def test_a_row_that_holds_the_words_word_for_word_over_its_tasks_title():
    rows = (
        "Xác định nhiệm vụ — Xây dựng, ban hành Kế hoạch tuyên truyền CCHC của tỉnh",
        "Đẩy mạnh thông tin — Tuyên truyền công tác CCHC đến người dân",
    )
    plan = _plan(
        {"I": "Công tác chỉ đạo"},
        TaskEntry(
            "I",
            "2",
            "Xây dựng Kế hoạch tuyên truyền về CCHC và tổ chức thực hiện",
            activities=(1, 2),
            words=" ".join(rows),
            rows=rows,
        ),
        TaskEntry("I", "3", "Kiểm tra công tác cải cách hành chính"),
    )
    intent = read("Kế hoạch tuyên truyền CCHC của tỉnh hạn chót khi nào?", plan).best
    assert (intent.task, intent.field) == (TaskRef("I", "2", 1), TaskField.DUE)
    intent = read("xây dựng kế hoạch tuyên truyền về cchc ai chủ trì", plan).best
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.LEAD)


def test_fast_typing_of_the_year_end():
    # Words that, typed without diacritics, would read as fillers: "cua" (của), "so" (số).
    plan = _points(
        ("1", "Bố trí thiết bị đánh giá sự hài lòng tại Bộ phận Một cửa"),
        ("2", "Số hóa hồ sơ thủ tục hành chính"),
        ("3", "Quyết định kiện toàn Ban Chỉ đạo"),
        ("4", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật"),
    )
    for text, task in (
        ("bo tri thiet bi danh gia hai long o 1 cua xong chua", "1"),
        ("so hoa ho so tien do sao r", "2"),
        ("qd kien toan ban chi dao xong chua", "3"),
        ("he thong hoa vb qppl tien do sao r", "4"),
    ):
        assert read(text, plan).best.task == TaskRef(None, task), text
    # How things stand, said as a summary of progress; one's own part as supporting.
    assert read("tom tat tien do chung ke hoach giup").best.ask is Ask.PROGRESS
    intent = read("mình phối hợp những việc gì").best
    assert (intent.ask, intent.role, intent.own) == (Ask.LIST, Role.SUPPORT, True)
    # What follows the task of a progress report is the report's words.
    intent = read("bc tien do nv II.1 da to chuc xong lop tap huan").best
    assert (intent.action, intent.task, intent.section) == (
        Action.REPORT_PROGRESS,
        TaskRef("II", "1"),
        None,
    )


def test_a_dashed_item_said_as_gach_and_offices_by_their_short_names():
    plan = _section_of("II", ("5.a.3", "Xây dựng đề án tinh giản biên chế"))
    assert read("gạch 3 điểm a mục 5 sản phẩm là gì", plan).best.task == TaskRef("II", "5.a.3")
    city = PlanVocabulary.build(
        DIRECTORY,
        years=(2024, 2024),
        tasks=[TaskEntry(None, "1", "Rà soát thủ tục hành chính")],
        agencies=["van-phong-hdnd-va-ubnd-huyen", "dai-phat-thanh-truyen-hinh-tinh"],
    )
    assert read("vp ubnd tp chu tri nhung viec nao", city).best.agencies == (
        "van-phong-hdnd-va-ubnd-huyen",
    )
    assert read("ben truyen hinh tien do sao r", city).best.agencies == (
        "dai-phat-thanh-truyen-hinh-tinh",
    )


def test_the_plan_as_a_whole_in_a_summary_its_year_and_a_section_named_for_a_group():
    assert read("tóm tắt tình hình thực hiện kế hoạch giúp mình").best.ask is Ask.PROGRESS
    assert read("tom tat tinh hinh th kh cchc giup e").best.ask is Ask.PROGRESS
    assert read("tóm tắt tuần này").best.ask is Ask.DIGEST
    # A year of the plan after the plan's words names the plan; a report's stays its period.
    intent = read("tinh hinh thuc hien ke hoach cchc nam nay toi dau roi").best
    assert (intent.ask, intent.period) == (Ask.PROGRESS, None)
    assert read("tổng hợp tình hình thực hiện kế hoạch năm 2026").best.period.label == "năm 2026"
    assert read("việc quá hạn năm nay").best.period.label == "năm 2026"
    # A group said with how it stands offers the section of its tasks beside it.
    plan = _plan(
        {"I": "Nhiệm vụ của các sở", "II": "Nhiệm vụ của UBND các xã, phường"},
        TaskEntry("II", "1", "Kiện toàn Trung tâm Phục vụ hành chính công xã, phường"),
        agencies=(STP, "ubnd-cap-xa"),
    )
    reading = read("xã phường làm tới đâu rồi", plan)
    assert reading.ask_back
    assert {(i.agencies, i.section) for i in reading.choices} == {
        (("ubnd-cap-xa",), None),
        ((), "II"),
    }


def test_a_row_after_its_task_the_police_by_initials_and_a_list_of_tasks():
    intent = read("dòng 2 của nv II.1 ai chủ trì vậy", ROWS).best
    assert read("nv II.1 dòng 2 ai chủ trì", ROWS).best.task == intent.task == TaskRef("II", "1", 2)
    city = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[TaskEntry(None, "2", "Theo dõi việc giải quyết hồ sơ về cư trú")],
        agencies=["cong-an-tinh"],
    )
    assert read("ca tp con bn viec chua xong", city).best.agencies == ("cong-an-tinh",)
    intent = read("nv II.1 giao cho dv nao").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.LEAD)
    intent = read("danh sách việc thuộc cải cách thủ tục hành chính").best
    assert (intent.ask, intent.section, intent.task) == (Ask.LIST, "III", None)


def test_a_formal_question_wrapped_in_its_context():
    # What the asker will do with the answer is no request to the bot.
    for text, ask in (
        ("chị nhờ bot liệt kê giúp các nhiệm vụ sắp đến hạn để chị nhắc các đơn vị ạ", Ask.LIST),
        ("tuần sau có nhiệm vụ nào đến hạn không ạ, em muốn chuẩn bị văn bản đôn đốc", Ask.LIST),
        ("em cần danh sách việc quá hạn dạng file excel để gửi kèm công văn đôn đốc", Ask.EXPORT),
    ):
        assert read(text).best.ask is ask, text
    assert read("nhắc stp để họ nộp báo cáo").best.action is Action.REMIND
    # The asker's day and "as of today" are no window; "sáng mai có việc gì" is.
    intent = read("Chiều nay họp giao ban, cho chị xin danh sách các nhiệm vụ đã quá hạn").best
    assert (intent.status, intent.period) == (Status.OVERDUE, None)
    assert read("Tính đến hôm nay có bao nhiêu nhiệm vụ đã quá hạn ạ?").best.period is None
    assert read("sáng mai có việc gì đến hạn").best.period.label == "26/03/2026"
    assert read("stp chưa cập nhật tiến độ mấy tuần nay, nhắc giúp em").best.period is None
    # Done to a task named by number, whoever asks for it; its title's words name no section.
    intent = read(
        "Sở Tư pháp có văn bản xin lùi thời hạn nhiệm vụ II.1, nhờ bot gia hạn thêm 30 ngày"
    ).best
    assert (intent.action, intent.task, intent.agencies) == (Action.EXTEND, TaskRef("II", "1"), ())
    intent = read("nhắc sở tư pháp báo cáo tiến độ nv II.1").best
    assert intent.agencies == (STP,)
    # Other words of a formal question.
    assert read("có nhiệm vụ nào bị quá hạn chưa ạ").best.status is Status.OVERDUE
    assert read("những nhiệm vụ nào đã được đánh dấu hoàn thành rồi ạ").best.status is Status.DONE
    assert read("thống kê giúp em số nhiệm vụ còn chưa hoàn thành ạ").best.ask is Ask.COUNT
    assert read("bot hỗ trợ được những việc gì và em nên hỏi như thế nào ạ").best.ask is Ask.HELP
    intent = read("danh sách nhiệm vụ không ghi thời hạn cụ thể (theo quy định của Chính phủ)").best
    assert (intent.status, intent.agencies) == (Status.UNDATED, ())
    intent = read("Từ nay đến hết ngày 30 tháng 9 có những nhiệm vụ nào phải hoàn thành ạ?").best
    assert intent.period.label == "25/03/2026–30/09/2026"
    assert read("quá hạn quý 1 của stp").best.period.label == "quý I/2026"


def test_a_formal_question_on_another_plan():
    assert (
        read("Hiện có những nhiệm vụ nào đang trong quá trình triển khai thực hiện ạ?").best.status
        is Status.IN_PROGRESS
    )
    assert read("Cho em hỏi bot có thể hỗ trợ những việc gì ạ?").best.ask is Ask.HELP
    assert (
        read("Nhờ bot xuất giúp em file Excel toàn bộ nhiệm vụ của kế hoạch ạ.").best.ask
        is Ask.EXPORT
    )
    # The purpose clause's names, whom the asker meets and whose leader asks are no subject;
    # "phối hợp với" still names whom a task is shared with.
    for text in (
        "Cho em xin tóm tắt tình hình thực hiện chung đến nay để em trình lãnh đạo Sở Tư pháp ạ.",
        "Chiều mai họp Sở Tư pháp, nhờ bot tóm tắt giúp chị tình hình thực hiện đến nay ạ.",
        "Lãnh đạo Sở Tư pháp vừa hỏi, nhờ bot cho em xem tiến độ thực hiện của cả kế hoạch ạ.",
    ):
        intent = read(text).best
        assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ()), text
    assert read("việc phối hợp với sở tư pháp").best.agencies == (STP,)
    intent = read("Nhiệm vụ II.1 do Sở mình chủ trì thì có đơn vị nào phối hợp không ạ?").best
    assert (intent.task, intent.field, intent.own) == (TaskRef("II", "1"), TaskField.SUPPORT, False)


def test_a_third_quarters_plain_questions():
    intent = read("Em đang làm báo cáo 9 tháng, anh cho em xin tình hình thực hiện chung với").best
    assert intent.ask is Ask.REPORT
    assert read("sở tư pháp đang làm những việc gì").best.status is Status.IN_PROGRESS
    assert read("bot này hỏi kiểu gì vậy ad").best.ask is Ask.HELP
    intent = read("mình đang phối hợp mấy việc vậy").best
    assert (intent.ask, intent.role, intent.own) == (Ask.COUNT, Role.SUPPORT, True)
    intent = read("nv II.1 phoi hop gom nhung ai").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    assert read("mai bão vào có được nghỉ làm ko ae").best.ask is Ask.OFF_TOPIC
    assert read("báo cáo quý 2").best.ask is Ask.REPORT  # "bao" typed as "báo" is no storm
    intent = read("xuất excel quý I giúp mình, cần gửi kèm báo cáo").best
    assert (intent.ask, intent.action) == (Ask.EXPORT, None)
    assert read("gửi file minh chứng thế nào ạ").best.action is Action.ATTACH_EVIDENCE
    # A task's number before its section's; a section numbered "II.5" named as such.
    intent = read("muc 3 phan III san pham dau ra la gi").best
    assert (intent.task, intent.field) == (TaskRef("III", "3"), TaskField.PRODUCT)
    fields = _plan(
        {"II.5": "Xây dựng đội ngũ cán bộ", "II.6": "Cải cách tài chính công"},
        TaskEntry("II.5", "a.1", "Tuyển dụng công chức"),
    )
    intent = read("mục II.5 tiến độ ra sao", fields).best
    assert (intent.ask, intent.section, intent.task) == (Ask.PROGRESS, "II.5", None)


def test_context_said_before_the_question_is_handed_to_the_bot():
    # The context's request, names, dates and "sở" ask nothing once the question has its own.
    for text, ask in (
        ("Em đang soạn công văn đôn đốc các sở nên nhờ bot liệt kê giúp việc quá hạn", Ask.LIST),
        ("Kính gửi, để tham mưu văn bản đôn đốc, đề nghị cho biết nhiệm vụ đến hạn", Ask.LIST),
        ("Vì sắp phải báo cáo 6 tháng nên nhờ bot liệt kê các nhiệm vụ có hạn tháng 6", Ask.LIST),
        ("Kính gửi, Sở đang tổng hợp báo cáo, đề nghị bot lập giúp báo cáo quý 2", Ask.REPORT),
    ):
        reading = read(text)
        assert (reading.best.ask, reading.ask_back) == (ask, False), text
    intent = read(
        "Văn phòng cần số liệu 6 tháng để tổng hợp, đề nghị bot nhắc Sở Tư pháp nộp báo cáo"
    ).best
    assert (intent.action, intent.agencies, intent.duration) == (Action.REMIND, (STP,), None)
    intent = read("Tuần sau đoàn kiểm tra về, em cần nắm nv II.1 đã triển khai đến đâu").best
    assert (intent.task, intent.period) == (TaskRef("II", "1"), None)
    intent = read("Vì chiều nay phải nộp báo cáo nên em cần biết việc nào của mình đã xong").best
    assert (intent.status, intent.own) == (Status.DONE, True)
    # Without a question's own subject or filter, the context's stay.
    intent = read("Sếp nhờ em in danh sách việc quá hạn. Bot xuất giúp em ra file Excel nhé").best
    assert (intent.ask, intent.status) == (Ask.EXPORT, Status.OVERDUE)
    intent = read("Bên tư pháp chậm quá, nhờ bot liệt kê giúp các việc quá hạn").best
    assert (intent.agencies, intent.status) == ((STP,), Status.OVERDUE)
    intent = read("Nhiệm vụ số 2 cần gia hạn thêm 1 tháng, bot cập nhật giúp em", DIRECTIVE).best
    assert intent.action is Action.EXTEND
    # A clause that asks is no context: "... việc nào, bot liệt kê giúp em".
    intent = read("chị bên Sở Tư pháp hỏi sở đang được giao việc nào, bot liệt kê giúp em").best
    assert (intent.ask, intent.agencies, intent.role) == (Ask.LIST, (STP,), None)


def test_a_task_the_context_names_by_its_title_and_refers_back_to():
    vocabulary = _plan(
        {"II": "Nhiệm vụ trọng tâm"},
        TaskEntry("II", "1", "Biên soạn Sổ tay nghiệp vụ xây dựng pháp luật"),
        TaskEntry("II", "2", "Rà soát thủ tục hành chính lĩnh vực đất đai"),
    )
    text = (
        "Sở Tư pháp có văn bản xin lùi thời hạn biên soạn Sổ tay nghiệp vụ xây dựng pháp luật"
        " vì chưa kịp lấy ý kiến, nhờ bot gia hạn nhiệm vụ này thêm 30 ngày"
    )
    intent = read(text, vocabulary).best
    assert (intent.action, intent.task, intent.agencies) == (
        Action.EXTEND,
        TaskRef("II", "1"),
        (),
    )
    # Agencies referred back to stay whom to remind.
    text = (
        "Nhiệm vụ rà soát thủ tục đất đai tới giờ Sở Tư pháp và Sở Nội vụ chưa gửi số liệu."
        " Nhờ bot nhắc hai đơn vị này giúp em."
    )
    intent = read(text, vocabulary).best
    assert (intent.task, set(intent.agencies)) == (TaskRef("II", "2"), {STP, SNV})
    # "do" (by) typed with its marks refers to nothing.
    text = "Kính gửi, để chuẩn bị làm việc với Sở Nội vụ, đề nghị cho biết các việc do STP chủ trì"
    assert read(text, vocabulary).best.agencies == (STP,)


def test_a_task_named_by_its_words_keeps_whom_to_remind_said_apart_from_them():
    vocabulary = _plan(
        {"VI": "Cải cách tài chính công"},
        TaskEntry(
            "VI",
            "1",
            "Triển khai giải ngân kế hoạch đầu tư vốn ngân sách nhà nước, công khai số liệu"
            " tài chính",
        ),
        agencies=(STP, "so-tai-chinh"),
    )
    text = "nhắc Sở Tài chính cập nhật tiến độ nhiệm vụ giải ngân kế hoạch đầu tư vốn ngân sách"
    intent = read(text, vocabulary).best
    assert (intent.task, intent.agencies) == (TaskRef("VI", "1"), ("so-tai-chinh",))


def test_small_words_of_a_second_quarters_questions():
    fields = _plan(
        {"II.3": "Cải cách thủ tục hành chính"},
        *(TaskEntry("II.3", f"a.{n}", f"Việc thứ {n} của điểm a") for n in range(1, 7)),
    )
    assert read("việc số 5 điểm a mục 3 tình hình sao r", fields).best.task == TaskRef(
        "II.3", "a.5"
    )
    intent = read("đề nghị cho biết những nhiệm vụ nào có hạn vào ngày 30/06/2026").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    intent = read("chị phụ trách bên Sở Tư pháp hỏi sở đang được giao những việc nào").best
    assert (intent.agencies, intent.role) == ((STP,), None)
    # The digest's words ask for the digest, whatever context is said before.
    text = (
        "Kính gửi, phục vụ họp giao ban sáng thứ Hai, đề nghị bot gửi bản tổng hợp tuần về"
        " tình hình thực hiện kế hoạch"
    )
    assert read(text).best.ask is Ask.DIGEST
    # "CB", "DN" of a plan's text and "ng" typed for "người".
    rows = _plan(
        {"I": "Công tác chỉ đạo"},
        TaskEntry("I", "2", "Tuyên truyền công tác CCHC đến CB, CCVC và người dân"),
        TaskEntry("I", "3", "Tuyên truyền CCHC trên báo chí"),
    )
    intent = read("việc tuyên truyền cchc tới cán bộ, ng dân thì ai chủ trì", rows).best
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.LEAD)


def test_context_opened_by_a_reason_or_a_purpose_is_context_through_and_through():
    # Its names and dates are no filters, although the question names nothing of its own.
    intent = read(
        "Kính gửi bot, để chuẩn bị báo cáo nhanh gửi Văn phòng UBND tỉnh, đề nghị cho biết hiện"
        " nay có bao nhiêu nhiệm vụ đã quá hạn."
    ).best
    assert (intent.ask, intent.agencies, intent.status) == (Ask.COUNT, (), Status.OVERDUE)
    intent = read("Vì cuối tuần này họp giao ban, nhờ bot liệt kê giúp em các việc quá hạn").best
    assert (intent.period, intent.status) == (None, Status.OVERDUE)
    # Said without a reason, the context keeps what it names ("bên tư pháp chậm quá ...").
    intent = read("Sở Tư pháp chậm quá, nhờ bot liệt kê giúp các việc quá hạn").best
    assert intent.agencies == (STP,)
    # A bare request keeps the context's filters only where the context lists tasks.
    intent = read("Sáng mai em phải báo cáo sếp, bot tóm tắt giúp em tình hình thực hiện").best
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    # "lĩnh vực này" refers back to the section the context named; "đến nay" to nothing.
    intent = read(
        "vi lanh dao dang quan tam phan cai cach the che nen nho bot dem giup linh vuc nay con"
        " bao nhieu viec chua xong"
    ).best
    assert (intent.ask, intent.section) == (Ask.COUNT, "II")
    intent = read(
        "Mai em báo cáo sếp, nhờ bot tóm tắt tiến độ các nhiệm vụ phần IV đến nay giúp em"
    ).best
    assert (intent.ask, intent.section, intent.task) == (Ask.PROGRESS, "IV", None)


def test_who_asked_the_asker_or_every_unit_is_no_subject():
    intent = read(
        "Anh bên Sở Tư pháp vừa gọi hỏi lại, em cần xác nhận hạn hoàn thành nhiệm vụ kiểm tra"
        " văn bản QPPL sau khi ban hành là khi nào"
    ).best
    assert (intent.task, intent.field, intent.agencies) == (TaskRef("II", "2"), TaskField.DUE, ())
    # ... unless the question has no other subject.
    intent = read("Sở Tư pháp vừa hỏi, sở đang được giao những việc nào, bot liệt kê giúp em").best
    assert intent.agencies == (STP,)
    intent = read(
        "Kính gửi bot, Ban chỉ đạo đề nghị các đơn vị rà soát tiến độ. Cho em hỏi trong tuần sau"
        " có những nhiệm vụ nào đến hạn ạ?"
    ).best
    assert (intent.agencies, intent.status) == ((), Status.DUE)


def test_the_asker_and_their_own_unit_in_the_context():
    for text in (
        "Thứ Hai tuần sau Sở giao ban, anh Giám đốc dặn em chuẩn bị danh sách nhiệm vụ đến hạn."
        " Nhờ bot liệt kê giúp em.",
        "Sáng mai anh Sở trưởng hỏi, nhờ bot liệt kê các nhiệm vụ quá hạn",
    ):
        reading = read(text)
        assert (reading.ask_back, reading.best.agencies) == (False, ()), text
    # What the asker will do, said after the question, and a request's words in a title.
    intent = read(
        "Tình hình thực hiện kế hoạch đến nay thế nào ạ, em cần số liệu để báo cáo Giám đốc."
    ).best
    assert intent.ask is Ask.PROGRESS
    text = (
        "đề nghị cho biết việc nâng cấp hệ thống thông tin giải quyết thủ tục hành chính đến nay"
        " đã thực hiện đến đâu, để em đưa vào dự thảo báo cáo"
    )
    intent = read(text).best
    assert (intent.task, intent.field) == (TaskRef("IV", "1"), TaskField.PROGRESS)
    text = "nhờ bot cho em xem thông tin nhiệm vụ IV.2 (tuyên truyền về cải cách hành chính)"
    assert read(text).best.ask is Ask.TASK


def test_words_of_a_plans_units_and_of_a_request():
    hcc = "trung-tam-phuc-vu-hanh-chinh-cong-tinh"
    vocabulary = _plan({"I": "Nhiệm vụ"}, TaskEntry("I", "1", "Số hóa hồ sơ"), agencies=(hcc,))
    assert read("ttpvhcc con bao nhieu viec", vocabulary).best.agencies == (hcc,)
    intent = read("các việc stp tham gia, cả chủ trì lẫn phối hợp").best
    assert (intent.agencies, intent.role) == ((STP,), None)
    intent = read("báo cáo tháng 3 của nv II.1 chưa kịp, đề nghị gia hạn thêm 10 ngày").best
    assert (intent.action, intent.period, str(intent.duration)) == (Action.EXTEND, None, "10 days")
    assert read("bot hỗ trợ những lệnh gì vậy").best.ask is Ask.HELP
    assert read("trưa nay căng tin có món gì ngon ko").best.ask is Ask.OFF_TOPIC
    assert read("bot tóm tắt giúp em tình hình thực hiện kế hoạch nhé").best.ask is Ask.PROGRESS
    assert read("bot gửi giúp em bản tóm tắt tình hình thực hiện kế hoạch").best.ask is Ask.REPORT
    intent = read("việc kiểm tra văn bản QPPL thời hạn thực hiện ra sao").best
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.DUE)


@pytest.mark.parametrize(
    ("text", "task", "field"),
    [
        ("nhiệm vụ hai chấm một hạn chót là ngày nào", TaskRef("II", "1"), TaskField.DUE),
        (
            "cho tôi hỏi nhiệm vụ số hai phần bốn thì sản phẩm là gì",
            TaskRef("IV", "2"),
            TaskField.PRODUCT,
        ),
        ("nhieemj vuj IV.2 ai phoois hopwj", TaskRef("IV", "2"), TaskField.SUPPORT),
    ],
)
def test_numbers_dictated_and_words_typed_with_the_keyboard_off(text, task, field):
    intent = read(text).best
    assert (intent.task, intent.field) == (task, field)


def test_a_points_dashed_item_dictated_or_named_after_it():
    fields = _plan(
        {"II.4": "Cải cách tổ chức bộ máy"},
        *(TaskEntry("II.4", f"a.{n}", f"Sắp xếp đơn vị thứ {n}") for n in (1, 2)),
    )
    for text in (
        "nhiệm vụ hai chấm bốn chấm a chấm hai hạn chót là ngày nào",
        "mục 4 điểm a gạch đầu dòng thứ 2 là việc gì",
        "điểm a mục 4 gạch 2 ai làm",
    ):
        assert read(text, fields).best.task == TaskRef("II.4", "a.2"), text
    intent = read("từ ngày một tháng bảy đến ngày ba mươi mốt tháng tám có bao nhiêu việc").best
    assert intent.period.label == "01/07/2026–31/08/2026"
    assert read("trong quý một năm nay những nhiệm vụ nào").best.period.label == "quý I/2026"
    intent = read("từ nay đến cuối tháng tư có những việc nào phải xong").best
    assert intent.period.label == "25/03/2026–30/04/2026"


def test_a_newcomers_words():
    for text in (
        "mình mới nhận theo dõi kế hoạch này, dùng bot ntn vậy",
        "mình mới nhận theo dõi kế hoạch, hỏi bot kiểu gì vậy",
    ):
        assert read(text).best.ask is Ask.HELP, text
    assert read("tinh hinh thuc hien ke hoach den gio the nao").best.ask is Ask.PROGRESS
    # Done yet: of many, the done ones; of an agency, how it stands.
    assert read("đã có nhiệm vụ nào hoàn thành chưa").best.status is Status.DONE
    intent = read("sở tư pháp làm xong chưa").best
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    # "bên tài chính" is a body, not a section's subject.
    finance = _plan(
        {"VI": "Cải cách tài chính công"},
        TaskEntry("VI", "1", "Giải ngân vốn đầu tư công"),
        agencies=("so-tai-chinh",),
    )
    reading = read("cac viec ben tai chinh phoi hop", finance)
    assert (reading.ask_back, reading.best.agencies) == (False, ("so-tai-chinh",))
    assert read("tài chính tiến độ ra sao", finance).ask_back


def test_a_body_outside_the_plan_said_in_a_title_and_the_title_that_says_nothing_else():
    vocabulary = _plan(
        {"I": "Công tác chỉ đạo"},
        TaskEntry("I", "1", "Kiện toàn Ban chỉ đạo CCHC tỉnh"),
        TaskEntry("I", "2", "Kiện toàn Tổ Tư vấn của Ban Chỉ đạo CCHC tỉnh"),
    )
    reading = read("ban chỉ đạo cchc tỉnh kiện toàn xong chưa", vocabulary)
    assert (reading.ask_back, reading.best.task) == (False, TaskRef("I", "1"))
    assert read("sở tư pháp kiện toàn xong chưa", vocabulary).best.agencies == (STP,)


def test_an_index_and_its_year_a_dash_before_its_point_and_a_section_named_before_its_word():
    points = _plan(
        {"II.2": "Cải cách thủ tục hành chính"},
        *(TaskEntry("II.2", f"b.{n}", f"Công bố thủ tục lần {n}") for n in (1, 2)),
        TaskEntry("II.2", "c", "Chấm điểm chỉ số cải cách hành chính năm 2026"),
    )
    assert read("gạch 1 2.b tới đâu rồi", points).best.task == TaskRef("II.2", "b.1")
    intent = read("ai chủ trì chấm chỉ số 2026", points).best
    assert intent.task != TaskRef(None, "2026")
    intent = read("chuyển đổi số mục tiến độ thế nào").best
    assert (intent.ask, intent.section, intent.task) == (Ask.PROGRESS, "IV", None)


def test_a_year_counted_from_today_a_time_said_of_another_and_a_meeting_day():
    intent = read("Quý I năm sau có việc gì tới hạn không").best
    assert intent.period.label == "quý I/2027"
    assert read("tháng 3 năm nay có gì đến hạn").best.period.label == "tháng 3/2026"
    intent = read("tuan sau la het quy 2, viec nao den han trong quy 2 vay").best
    assert intent.period.label == "quý II/2026"
    intent = read("Chiều mai có cuộc họp về số hóa hồ sơ, cho mình xin tình hình việc này").best
    assert intent.period is None
    assert read("sáng mai có việc gì đến hạn").best.period.label == "26/03/2026"
    assert read("dao nay lanh ghe, sang nay chay xe ma run tay").best.ask is Ask.OFF_TOPIC


def test_a_task_to_act_on_named_by_its_words_and_whom_to_remind_apart_from_them():
    for text, task in (
        (
            "Nâng cấp hệ thống thông tin giải quyết TTHC chưa kịp vì đang chờ bố trí vốn từ"
            " ngân sách tỉnh cho năm sau, gia hạn thêm 1 tháng giúp mình",
            TaskRef("IV", "1"),
        ),
        (
            "số hóa hồ sơ chưa xong vì bộ phận một cửa thiếu người, đề nghị gia hạn thêm 15 ngày",
            TaskRef("III", "2"),
        ),
    ):
        intent = read(text).best
        assert (intent.action, intent.task) == (Action.EXTEND, task), text
    intent = read("nhắc sở tư pháp việc rà soát văn bản").best
    assert (intent.action, intent.task, intent.agencies) == (
        Action.REMIND,
        TaskRef("II", "1"),
        (STP,),
    )
    # A reminder to report progress names no task by the words of its own request.
    intent = read("nhắc sở tư pháp báo cáo tiến độ").best
    assert (intent.action, intent.task, intent.agencies) == (Action.REMIND, None, (STP,))


def test_a_citys_office_said_short_and_the_askers_meeting_beside_the_plans_own_words():
    city = PlanVocabulary.build(
        DIRECTORY,
        years=(2024, 2024),
        tasks=[TaskEntry("II", "1", "Rà soát văn bản")],
        agencies=["van-phong-hdnd-va-ubnd-huyen", "phong-noi-vu"],
    )
    assert read("vp ubnd chu tri bao nhieu viec", city).best.agencies == (
        "van-phong-hdnd-va-ubnd-huyen",
    )
    text = (
        "Chiều mai họp giao ban với lãnh đạo Sở, cho mình tóm tắt tình hình thực hiện kế hoạch"
        " CCHC năm nay đến giờ"
    )
    intent = read(text).best
    assert (intent.ask, intent.task) == (Ask.PROGRESS, None)


def _tasks(
    *tasks: TaskEntry,
    sections: tuple[SectionRef, ...] = (),
    agencies: tuple[str, ...] = (),
    year: int = 2025,
) -> PlanVocabulary:
    return PlanVocabulary.build(
        DIRECTORY, years=(year, year), sections=sections, tasks=tasks, agencies=agencies
    )


def test_a_title_is_read_in_the_clause_that_asks_and_polite_last_words_hold_none():
    plan = _tasks(
        TaskEntry("VIII", "2", "Xây dựng, trình phê duyệt Quy hoạch tỉnh thời kỳ 2021 - 2030"),
        TaskEntry("VIII", "3", "Tổ chức Hội nghị đối thoại với doanh nghiệp"),
        TaskEntry(
            "I",
            "9",
            "Đánh giá kết quả sau 5 năm thực hiện",
            words="Tổng kết Nghị quyết số 01-NQ/TU của Tỉnh ủy về đẩy mạnh CCHC",
        ),
    )
    for text, task, field in (
        # The other clause says why, or when, and no title holds its words.
        (
            "Quy hoạch tỉnh thời kỳ 2021-2030 giờ tới đâu rồi, cuối năm phải báo cáo rồi",
            TaskRef("VIII", "2"),
            TaskField.PROGRESS,
        ),
        (
            "hội nghị đối thoại doanh nghiệp hạn khi nào, trong năm nay hay sang năm",
            TaskRef("VIII", "3"),
            TaskField.DUE,
        ),
        # "em" after the question is no word of a title; "NQ" is a resolution (nghị quyết).
        ("Tổng kết NQ 01-NQ/TU của Tỉnh ủy đến đâu rồi em?", TaskRef("I", "9"), TaskField.PROGRESS),
    ):
        intent = read(text, plan).best
        assert (intent.ask, intent.task, intent.field) == (Ask.TASK, task, field), text
    # A clause that says nothing but the plan's words names no task; nor do the words of
    # another clause, who asked.
    intent = read("Sếp cần số liệu để báo cáo, cho mình xin tình hình thực hiện chung", plan).best
    assert intent.task is None
    plan = _tasks(TaskEntry("I", "1", "Tổ chức gặp mặt lãnh đạo các sở"), *plan.tasks)
    intent = read("Tình hình thực hiện kế hoạch tới giờ ra sao, lãnh đạo đang hỏi", plan).best
    assert (intent.ask, intent.task) == (Ask.PROGRESS, None)


def test_whether_something_is_done_yet_is_asked_of_the_tasks_its_words_name():
    plan = _tasks(
        TaskEntry("VIII", "3", "Tổ chức Hội nghị đối thoại với doanh nghiệp"),
        TaskEntry("VIII", "6", "Tổ chức Hội nghị gặp mặt nhà đầu tư"),
        TaskEntry("II", "5", "Tham mưu thực hiện dự toán ngân sách nhà nước năm 2024"),
        TaskEntry("II", "6", "Xây dựng dự toán ngân sách nhà nước năm 2025"),
        TaskEntry("II", "12", "Biên soạn Sổ tay nghiệp vụ xây dựng pháp luật"),
        sections=(SectionRef("IV", "Cải cách tổ chức bộ máy"),),
        agencies=("so-tu-phap",),
        year=2024,
    )
    # "tổ chức" is the titles' verb, not section IV's name, and "năm nay" the asker's: which
    # of the two?
    for text in ("hội nghị tổ chức chưa", "hội nghị năm nay tổ chức chưa"):
        reading = read(text, plan)
        assert reading.ask_back, text
        assert {(i.task, i.period) for i in reading.choices} == {
            (TaskRef("VIII", "3"), None),
            (TaskRef("VIII", "6"), None),
        }, text
    # The year said tells two titles apart.
    assert read("du toan ngan sach 2025 xong chua", plan).best.task == TaskRef("II", "6")
    # Who does it is none of the title's words, nor is a book's classifier.
    text = "sếp hỏi bên tư pháp làm xong cuốn sổ tay nghiệp vụ xây dựng pháp luật chưa"
    assert read(text, plan).best.task == TaskRef("II", "12")


def test_small_talk_about_the_askers_own_office_is_no_question_about_the_plan():
    for text in (
        "tối thứ 6 liên hoan tất niên phòng mình ở đâu ấy nhỉ",
        "sắp tất niên rồi, năm nay cơ quan mình liên hoan hôm nào nhỉ",
        "cảm ơn bot nhé, đỡ quá 👍",
        "cuoi tuan nay ha noi co ret ko",
        "cuối năm chạy deadline mệt ghê 😅",
        "tat nien nam nay co quan minh to chuc o dau ta",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text
    # "dến hạn": the bar of its "đ" left off.
    assert read("tuần này có nv nào dến hạn k").best.status is Status.DUE
    # "quá" after a word of the plan is its state; a key held down is one letter.
    assert read("bên đó chậm quá rồi").best.status is Status.OVERDUE
    assert read("hiện có bao nhiêu nv quá hạnn rồi").best.status is Status.OVERDUE
    assert read("tuan nay dv em co viec nao toi han ko").best.own
    assert read("mục III tiến độ sao rồi").best.section == "III"


def test_a_citys_own_body_is_named_without_the_city():
    city = PlanVocabulary.build(
        DIRECTORY,
        years=(2024, 2024),
        tasks=[TaskEntry("II", "1", "Rà soát văn bản")],
        agencies={"ban-phap-che-hdnd-huyen": ["Ban Pháp chế HĐND thành phố"]},
    )
    assert read("ban pháp chế hđnd phối hợp việc gì", city).best.agencies == (
        "ban-phap-che-hdnd-huyen",
    )


def test_a_request_about_a_task_and_the_reason_said_with_it():
    plan = _tasks(
        TaskEntry(None, "3", "Đơn giản hóa thủ tục hành chính trong lĩnh vực sở hữu trí tuệ"),
        TaskEntry(None, "6", "Kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư"),
        TaskEntry(None, "7", "Kiểm tra công tác cải cách hành chính tại các đơn vị"),
    )
    # Who is named in the reason is none of an extension's business; only a reminder's.
    intent = read("gia hạn thêm 1 tháng cho nv kết nối csdl dân cư, bên công an chưa xong", plan)
    assert (intent.best.action, intent.best.task, intent.best.agencies) == (
        Action.EXTEND,
        TaskRef(None, "6"),
        (),
    )
    intent = read("danh dau nv 7 hoan thanh nhe, bc kiem tra ky r", plan).best
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef(None, "7"))
    # The clause that clearly asks names the task; the other's "hạn" and month are its reason.
    text = "Đơn giản hóa TTHC lĩnh vực SHTT xong chưa em? Hạn từ cuối tháng 6 rồi mà chưa thấy"
    intent = read(text, plan).best
    assert (intent.task, intent.field, intent.period) == (
        TaskRef(None, "3"),
        TaskField.PROGRESS,
        None,
    )


def test_the_whole_plan_said_in_its_own_words():
    plan = _tasks(TaskEntry(None, "4", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính"))
    text = "Tình hình thực hiện kế hoạch kiểm soát TTHC nói chung đến nay thế nào rồi em?"
    intent = read(text, plan).best
    assert (intent.ask, intent.task) == (Ask.PROGRESS, None)


def test_a_message_in_two_parts_is_read_by_the_part_that_asks():
    plan = _tasks(
        TaskEntry("II.4", "a", "Xây dựng Đề án vị trí việc làm trình UBND tỉnh"),
        TaskEntry("II.6", "c", "Tham mưu ban hành Kế hoạch chuyển đổi số thành phố năm 2024"),
        TaskEntry("I", "4.3", "Xây dựng bản tin CCHC trên Đài PTTH"),
        TaskEntry("I", "4.2", "Xây dựng chuyên mục CCHC trên Đài PTTH"),
        sections=(SectionRef("II.6", "Xây dựng chính quyền số"),),
        agencies=("van-phong-ubnd-tinh",),
        year=2024,
    )
    for text, expected in (
        # The asker's meeting tomorrow, and hearsay, are no window of the question.
        ("Mai họp giao ban rồi. Quý I còn bao nhiêu việc chưa xong em?", "quý I/2024"),
        ("nhac vp ubnd tinh cap nhat tien do giup minh, sap chot so lieu quy roi", None),
    ):
        intent = read(text, plan).best
        assert (intent.period.label if intent.period else None) == expected, text
    intent = read("nv I.4.3 hạn lúc nào? Nghe nói quý III mới làm, chưa thấy cập nhật", plan).best
    assert (intent.ask, intent.action, intent.period) == (Ask.TASK, None, None)
    # What the asker will do themselves is no request to the bot.
    intent = read("vp ubnd tỉnh còn bn việc chưa xong, chiều nay mình gọi đôn đốc", plan).best
    assert (intent.ask, intent.action) == (Ask.COUNT, None)
    # A clause asking "yet?" names its task, without what is asked done yet.
    for text, task in (
        ("de an vi tri viec lam da trinh tinh chua, sep dang hoi", TaskRef("II.4", "a")),
        (
            "Kế hoạch chuyển đổi số thành phố năm 2024 trình ký chưa em? Gấp nhé, hết quý rồi",
            TaskRef("II.6", "c"),
        ),
        # "bản tin" is the digest's word and a title's.
        ("ban tin cchc tren dai PTTH tien do sao r", TaskRef("I", "4.3")),
    ):
        intent = read(text, plan).best
        assert (intent.task, intent.field) == (task, TaskField.PROGRESS), text


def test_a_price_asked_and_a_head_of_unit_named_are_not_the_plans():
    assert read("hôm nay giá vàng sjc bao nhiêu").best.ask is Ask.OFF_TOPIC
    city = PlanVocabulary.build(
        DIRECTORY,
        years=(2024, 2024),
        tasks=[TaskEntry("II", "1", "Rà soát văn bản")],
        agencies=["phong-noi-vu", "phong-tu-phap"],
    )
    text = "Việc của phòng mình quý I còn cái nào chưa xong? Trưởng phòng muốn biết"
    reading = read(text, city)
    assert not reading.ask_back
    assert reading.best.own


def test_words_of_a_task_asked_beside_a_name_the_plan_gives_no_task():
    plan = _tasks(
        TaskEntry("II", "1", "Kiện toàn Trung tâm Phục vụ hành chính công xã, phường"),
        TaskEntry("II", "2", "Bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công"),
        TaskEntry(None, "5", "Thí điểm một cửa liên thông không phụ thuộc địa giới hành chính"),
        TaskEntry(None, "6", "Thực thi phương án đơn giản hóa thủ tục hành chính"),
        year=2026,
    )
    # No centre is given a task: the titles that hold its name are asked about.
    reading = read("trung tam phuc vu hcc toi dau roi", plan)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef("II", "1"), TaskRef("II", "2")}
    for text, field in (
        ("Thực thi phương án đơn giản hóa hạn quý mấy?", TaskField.DUE),
        (
            "Thí điểm một cửa liên thông ko phụ thuộc địa giới thì sản phẩm cuối là gì",
            TaskField.PRODUCT,
        ),
    ):
        intent = read(text, plan).best
        assert (intent.ask, intent.field) == (Ask.TASK, field), text
    # "giám đốc sở" is whom the digest goes to, not a kind of body to choose.
    intent = read("Gửi mình tổng hợp tuần này nhé, chiều trình giám đốc sở", plan)
    assert (intent.best.ask, intent.ask_back) == (Ask.DIGEST, False)


def test_a_report_the_asker_is_writing_is_no_report_asked_for():
    plan = _tasks(
        TaskEntry(
            "II.2", "a.2", "Tự kiểm tra văn bản QPPL sau khi ban hành; thành lập đoàn kiểm tra"
        ),
        TaskEntry("II.4", "a.1", "Tham mưu sắp xếp tổ chức bộ máy, kiện toàn chức năng"),
        TaskEntry("III", "5", "Rà soát TTHC, gửi phương án đơn giản hóa về bộ"),
        TaskEntry("VI", "6", "Tổ chức đối thoại doanh nghiệp"),
        sections=(
            SectionRef("II.4", "Cải cách tổ chức bộ máy"),
            SectionRef("VI", "Tài chính công"),
        ),
        agencies=("ubnd-cap-xa",),
        year=2025,
    )
    # The report is the asker's; what is asked is how many, in the clause that asks.
    for text in (
        "Đang tổng hợp báo cáo sơ kết. Hiện có bao nhiêu nhiệm vụ quá hạn?",
        "Hiện có bao nhiêu việc quá hạn? e cần số liệu đưa vào báo cáo sơ kết",
        "con bn viec qua han, can so dua vao bc so ket gap",
        # "so lieu", "so ket" typed bare are "số liệu", "sơ kết": no "sở" to choose.
        "da hoan thanh dc bao nhieu nv? can so lieu cho bc so ket",
    ):
        reading = read(text, plan)
        assert (reading.best.ask, reading.ask_back) == (Ask.COUNT, False), text
    # ... but a report asked for in so many words is that report, no task's title.
    intent = read("lap bao cao so ket 6 thang dau nam giup a", plan).best
    assert (intent.ask, intent.task) == (Ask.REPORT, None)
    # Whom a summary is handed to is no subject of it.
    intent = read("Làm giúp bản tóm tắt tình hình thực hiện. Gấp lắm, chiều nộp UBND.", plan).best
    assert (intent.ask, intent.agencies) == (Ask.REPORT, ())
    # "tổ chức chưa": whether it was held, no section "tổ chức bộ máy".
    intent = read("doi thoai doanh nghiep to chuc chua? sep can so lieu bao cao", plan).best
    assert (intent.section, intent.task) == (None, TaskRef("VI", "6"))
    # A section said after "phần" is that section, though a title holds its words.
    intent = read("phần tổ chức bộ máy tiến độ thế nào, giám đốc muốn nắm", plan).best
    assert (intent.ask, intent.section, intent.task) == (Ask.PROGRESS, "II.4", None)
    # "Gửi mình danh sách ...": sent to the asker, no title's "gửi".
    intent = read("Gửi mình danh sách các nv đang thực hiện nhé, chiều nay anh PGĐ cần.", plan)
    assert (intent.best.ask, intent.best.task) == (Ask.LIST, None)
    # When the asker will call is no window of the question.
    intent = read("ubnd cấp xã còn bn việc chưa xong, mai e gọi nhắc", plan).best
    assert (intent.ask, intent.period) == (Ask.COUNT, None)


def test_what_the_asker_writes_does_and_is_told_of_a_year_end_review():
    plan = _tasks(
        TaskEntry("", "2", "Rà soát, đề xuất sửa đổi các luật thuộc lĩnh vực quản lý"),
        TaskEntry("", "5", "Kiểm tra công tác cải cách hành chính tại các đơn vị"),
        agencies=("so-xay-dung", "so-noi-vu", "van-phong-ubnd-tinh"),
        year=2026,
    )
    # Who says what they will do is the asker, typed short too ("a", "e"); not "điểm a".
    for text in (
        "quý 4 có mấy nv đến hạn, a cần lên lịch đôn đốc",
        "quý 4 này có những nv nào đến hạn, e lên lịch đôn đốc",
    ):
        intent = read(text, plan).best
        assert (intent.ask, intent.action, intent.status) == (
            Ask.COUNT if "mấy" in text else Ask.LIST,
            None,
            Status.DUE,
        ), text
    # The report the asker writes names no window of what is asked.
    for text in (
        "tom tat tinh hinh thuc hien ke hoach giup minh, de lam bao cao 9 thang",
        "Cho chị bản tóm tắt tình hình thực hiện đến giờ. Chiều nay sếp duyệt báo cáo 9 tháng.",
        "nv 2 den dau roi, qua han quy III roi ma chua thay bao cao ra soat",
    ):
        assert read(text, plan).best.period is None, text
    # ... but the months asked of are a window: "9 tháng đầu năm".
    intent = read("liệt kê các việc có hạn trong 9 tháng đầu năm", plan).best
    assert (intent.ask, intent.period.end) == (Ask.LIST, date(2026, 9, 30))
    # Whose leaders an answer goes to is no subject, nor a kind of body to choose.
    intent = read("Xuất file excel các nhiệm vụ quá hạn nhé, gửi lãnh đạo văn phòng", plan).best
    assert (intent.ask, intent.agencies) == (Ask.EXPORT, ())
    ministry = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    reading = read("tom tat tien do giup c, chieu nay gui lanh dao vu", ministry)
    assert (reading.best.ask, reading.best.agencies, reading.ask_back) == (
        Ask.PROGRESS,
        (),
        False,
    )
    # Holidays and the office's rooms are small talk.
    for text in ("nghi tet duong lich nam nay may ngay e", "thu 7 nay co phai di lam bu ko"):
        assert read(text, plan).best.ask is Ask.OFF_TOPIC, text
    # A reminder's reason is no filter of whom to remind, nor a length to add.
    intent = read("nhắc sở xd giúp anh, quá hạn gần 1 tháng rồi", plan).best
    assert (intent.action, intent.agencies, intent.status, intent.duration) == (
        Action.REMIND,
        ("so-xay-dung",),
        None,
        None,
    )


def test_a_body_said_bare_and_a_remark_after_the_question_that_names_it():
    plan = _tasks(
        TaskEntry("", "5", "Kiểm tra công tác cải cách hành chính tại các đơn vị"),
        TaskEntry("", "6", "Rà soát thủ tục hành chính"),
        agencies=("so-noi-vu", "so-ban-nganh"),
        year=2026,
    )
    # "bên tư pháp" of a plan that names no "tư pháp": the Sở, in the plan's group.
    intent = read("bên tư pháp có phải làm gì theo kế hoạch này ko", plan).best
    assert (intent.ask, intent.agencies) == (Ask.LIST, (STP,))
    # The clause that asks names its subject: what the asker will do after it names no
    # task, and its dates no window.
    intent = read("ben noi vu tien do the nao roi, tuan sau di kiem tra cac don vi", plan).best
    assert (intent.ask, intent.agencies, intent.task, intent.period) == (
        Ask.PROGRESS,
        (SNV,),
        None,
        None,
    )
    # ... while a window said alone after it is the question's ("..., tuần sau ấy").
    intent = read("snv có việc gì đến hạn, tuần sau ấy", plan).best
    assert intent.period is not None and intent.period.start == date(2026, 3, 30)


def test_the_plan_named_by_its_own_title_is_the_whole_plan():
    def plan(*tasks: TaskEntry) -> PlanVocabulary:
        return PlanVocabulary.build(
            DIRECTORY,
            years=(2026, 2026),
            tasks=tasks,
            agencies=("van-phong-ubnd-tinh",),
            title="Kiểm soát thủ tục hành chính tỉnh Khánh Hòa năm 2026",
        )

    training = TaskEntry("", "4", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cấp xã")
    vocabulary = plan(TaskEntry("", "1", "Công bố danh mục thủ tục hành chính"), training)
    for text in (
        "tóm tắt tiến độ kế hoạch kiểm soát tthc giúp e",
        "Tình hình thực hiện kế hoạch kiểm soát thủ tục hành chính đến nay thế nào?",
    ):
        intent = read(text, vocabulary).best
        assert (intent.ask, intent.task) == (Ask.PROGRESS, None), text
    # The task's own words still name it.
    intent = read("tập huấn kiểm soát tthc tới đâu rồi", vocabulary).best
    assert intent.task == TaskRef("", "4")
    # ... and so does a task whose title is a plan of the same words.
    next_year = TaskEntry("", "5", "Xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2027")
    intent = read("kế hoạch kiểm soát tthc năm 2027 tới đâu rồi", plan(training, next_year)).best
    assert intent.task == TaskRef("", "5")


def test_an_agency_asking_of_its_own_tasks():
    plan = _tasks(
        TaskEntry("I", "2", "Tuyên truyền công tác CCHC đến cán bộ, công chức và người dân"),
        TaskEntry("II", "5", "Xây dựng cơ chế phối hợp thực thi văn bản QPPL"),
        TaskEntry("VII", "5", "Triển khai ứng dụng văn bản điện tử"),
        sections=(SectionRef("VII", "Chuyển đổi số"),),
        agencies=("so-tu-phap", "so-tai-chinh", "ubnd-cap-huyen"),
        year=2025,
    )
    # The export of what someone's part is keeps that part.
    intent = read("xuất file excel các nv bên em chủ trì nhé", plan).best
    assert (intent.ask, intent.own, intent.role) == (Ask.EXPORT, True, Role.LEAD)
    # The card asked for by name, whatever the title says ("phối hợp").
    intent = read("mở thẻ việc xây dựng cơ chế phối hợp thực thi văn bản qppl", plan).best
    assert (intent.task, intent.field) == (TaskRef("II", "5"), TaskField.CARD)
    # Whom the asker must report to is what the asker will do, after the question.
    intent = read("ben em con viec nao chua xong k, cuoi thang phai bao cao sep", plan).best
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.OPEN, True)
    # The asker's own unit in a remark after asking of another body is no subject.
    text = "bên tài chính còn những việc nào chưa xong, bên em đang chờ họ để phối hợp"
    intent = read(text, plan).best
    assert (intent.agencies, intent.own) == (("so-tai-chinh",), False)
    # What the bot can do, asked by a newcomer of "the" Sở: no Sở to choose.
    reading = read("em mới nhận đầu mối cchc của sở, bot này hỏi được những gì vậy", plan)
    assert (reading.best.ask, reading.ask_back) == (Ask.HELP, False)
    # "năm 2025" is the year, not task number five.
    assert read("ứng dụng văn bản điện tử năm 2025 xong chưa", plan).best.task == TaskRef(
        "VII", "5"
    )
    assert read("chuyển đổi số năm 2025 tới đâu rồi", plan).best.task is None


def test_what_evidence_holds_and_how_urgent_a_reminder_is_name_no_task():
    titles = {
        ("I", "1"): "Hướng dẫn nghiệp vụ CCHC cho cán bộ, công chức",
        ("I", "2"): "Tuyên truyền công tác CCHC đến người dân, doanh nghiệp",
        ("III", "1"): "Đăng tải bài viết, phóng sự về cải cách hành chính trên báo, đài",
        ("III", "3"): "Tổ chức hội nghị đối thoại với người dân về thủ tục hành chính",
    }
    tasks = (TaskEntry(section, number, title) for (section, number), title in titles.items())
    plan = _tasks(*tasks, agencies=("so-tu-phap", "ubnd-cap-huyen"))
    # What follows the colon of evidence sent is its content, no title's words.
    text = "gửi minh chứng việc tuyên truyền cchc: ảnh hội nghị đối thoại với người dân về tthc"
    intent = read(text, plan).best
    assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef("I", "2"))
    # "gấp lắm" says how urgent, no title's words.
    text = "nhắc ubnd các huyện tuyên truyền đến người dân nhé, gấp lắm"
    intent = read(text, plan).best
    assert (intent.action, intent.task) == (Action.REMIND, TaskRef("I", "2"))


def test_the_first_weeks_after_tet():
    plan = _tasks(
        TaskEntry("I", "1", "Ban hành Kế hoạch cải cách hành chính năm 2025 của cấp xã"),
        TaskEntry("II", "2", "Rà soát văn bản quy phạm pháp luật do Sở Tư pháp thẩm định"),
        TaskEntry("VI", "7", "Thực hiện quản lý vốn đầu tư công"),
        TaskEntry("VIII", "6", "Hội nghị phân tích chỉ số thành phần, cải thiện chỉ số PCI"),
        sections=(
            SectionRef("VI", "Cải cách tài chính công"),
            SectionRef("VIII", "Nâng cao chỉ số CCHC; Chỉ số năng lực cạnh tranh cấp tỉnh"),
        ),
        agencies=("so-tu-phap", "so-tai-chinh", "ubnd-cap-huyen", "ubnd-cap-xa"),
    )
    # "Chị" typed with its marks is no "chi" (the dialect's "gì"), which is typed bare.
    text = "Chị mới được giao theo dõi kế hoạch này. Con bot này dùng thế nào vậy?"
    assert read(text, plan).best.ask is Ask.HELP
    assert read("stp có việc chi quá hạn", plan).best.ask is Ask.LIST
    # An index said with its section's own words is the section, not the task that holds them.
    intent = read("chỉ số PCI tiến độ thế nào rồi", plan).best
    assert (intent.ask, intent.section, intent.task) == (Ask.PROGRESS, "VIII", None)
    # "bên tư pháp" is the body, not the words of a title that names it.
    reading = read("bên tư pháp tới đâu rồi", plan)
    assert (reading.best.agencies, reading.ask_back) == ((STP,), False)
    # A list asked for in so many words outweighs "mấy".
    for text in (
        "may viec ben minh chu tri liet ke giup c nhe, chieu truong phong can",
        "chiều nay làm việc với mấy xã, ubnd cấp xã được giao những nv gì",
    ):
        assert read(text, plan).best.ask is Ask.LIST, text
    # A summary report asked for is the report.
    text = "Làm giúp báo cáo tóm tắt tình hình thực hiện kế hoạch. Chiều nay trình chủ tịch."
    assert read(text, plan).best.ask is Ask.REPORT
    # A deadline the asker thinks, to be checked, is no window.
    intent = read("nv I.1 ke hoach cchc cap xa han 28/2 phai k", plan).best
    assert (intent.task, intent.field, intent.period) == (TaskRef("I", "1"), TaskField.DUE, None)
    # What a leader wants to do is no request to the bot.
    intent = read("ubnd huyen co viec nao qua han ko, chu tich muon nhac truc tiep", plan).best
    assert (intent.ask, intent.status, intent.action) == (Ask.LIST, Status.OVERDUE, None)
    # The asker's own part said of a task its words name: when that task is due.
    intent = read("vốn đầu tư công bên em chủ trì hạn khi nào vạy", plan).best
    assert (intent.task, intent.field) == (TaskRef("VI", "7"), TaskField.DUE)
    intent = read("các nv sở mình chủ trì hạn khi nào", plan).best
    assert (intent.ask, intent.own, intent.task) == (Ask.LIST, True, None)
    # The holiday just over, and the new year's customs, are small talk.
    for text in ("nghỉ tết xong ai cũng uể oải quá 😅", "ai con li xi dau nam ko, e xin via 😄"):
        assert read(text, plan).best.ask is Ask.OFF_TOPIC, text
    # A year said with a document's own words is the document's, not a window; and the row
    # is named by the words its own title holds, whatever else the task's text says.
    rows = (
        "Tổ chức đối thoại với doanh nghiệp",
        "Từng sở, ngành tổ chức đối thoại theo lĩnh vực",
        "Xây dựng Kế hoạch hành động thực hiện năm 2025",
    )
    pci = TaskEntry("VI", "6", "Cải thiện chỉ số PCI của tỉnh", activities=(1, 2, 3), rows=rows)
    intent = read("Kế hoạch hành động năm 2025 về PCI xong chưa, sếp đang hỏi", _tasks(pci)).best
    assert (intent.task, intent.period) == (TaskRef("VI", "6", 3), None)


def test_the_first_half_of_august():
    rows = (
        "Chuẩn hóa dữ liệu thủ tục hành chính",
        "Công khai thủ tục hành chính tại bộ phận một cửa",
    )
    plan = _tasks(
        TaskEntry("I", "2", "Chuẩn hóa dữ liệu TTHC cấp xã trên Cơ sở dữ liệu quốc gia"),
        TaskEntry("III", "3", "Rà soát thủ tục về đất đai, xây dựng, báo cáo trong tháng 5/2026"),
        TaskEntry("II", "1", "Thủ tục hành chính cấp xã", activities=(1, 2), rows=rows),
        sections=(
            SectionRef("II", "Nhiệm vụ của UBND các xã, phường"),
            SectionRef("IV", "Cải cách thủ tục hành chính"),
        ),
        agencies=(
            "so-noi-vu",
            "van-phong-ubnd-tinh",
            "ubnd-cap-xa",
            "phong-van-hoa-xa-hoi",
            "van-phong-hdnd-va-ubnd-xa",
        ),
        year=2026,
    )
    # Who asks, said after the question, is no subject of it; nor is "xong" of "hỏi xong".
    intent = read("còn mấy việc quá hạn, sở nv đang hỏi", plan).best
    assert (intent.ask, intent.agencies, intent.status) == (Ask.COUNT, (), Status.OVERDUE)
    intent = read("Bên mình còn mấy việc chưa xong? Sếp vừa hỏi xong.", plan).best
    assert (intent.status, intent.own) == (Status.OPEN, True)
    # What someone has just done is news, no request; the question is the one that asks.
    text = "VP UBND tỉnh vừa gọi nhắc. Việc chuẩn hoá dữ liệu TTHC cấp xã giờ tiến độ tới đâu rồi?"
    intent = read(text, plan).best
    assert (intent.ask, intent.task, intent.action) == (Ask.TASK, TaskRef("I", "2"), None)
    # "trc" is "trước"; "mấy h" is the hour; a question for help beside a remark on leave.
    intent = read("trc 30/9 phai xong nhung viec j", plan).best
    assert intent.period is not None and intent.period.start == date(2026, 1, 1)
    assert read("toi nay da bong may h", plan).best.ask is Ask.OFF_TOPIC
    assert read("em mới nghỉ phép về, bot này hỏi được những gì vậy?", plan).best.ask is Ask.HELP
    # The asker's own commune and office; the head of office is a person.
    assert read("xã mình còn mấy việc chưa xong", plan).best.own
    text = "Văn phòng mình đang phối hợp mấy nhiệm vụ? Chánh văn phòng cần số để báo cáo."
    intent = read(text, plan).best
    assert (intent.own, intent.agencies, intent.role) == (True, (), Role.SUPPORT)
    # Words after a section's number that its title holds are the title's, no agency.
    intent = read("phan II nhiem vu cua xa phuong co may viec", plan).best
    assert (intent.section, intent.agencies) == ("II", ())
    # Asked before "em cần số liệu", the count stays the question.
    text = "6 tháng đầu năm có bn việc đã hoàn thành, em cần số liệu bổ sung vào bc sơ kết"
    assert read(text, plan).best.ask is Ask.COUNT
    # "các nhiệm vụ" only names them: the section and the agency are offered alike.
    reading = read(
        "tiến độ các nhiệm vụ cấp xã thế nào",
        _tasks(
            *plan.tasks,
            sections=(SectionRef("II", "Nhiệm vụ của cấp xã"),),
            agencies=("ubnd-cap-xa",),
            year=2026,
        ),
    )
    assert reading.ask_back and {i.section for i in reading.choices} == {None, "II"}
    # The plan's commune bodies by their bare names.
    intent = read("bên văn hóa xã hội chủ trì mấy việc", plan).best
    assert intent.agencies == ("phong-van-hoa-xa-hoi",)
    intent = read("vp hdnd ubnd co viec nao tre k?", plan).best
    assert intent.agencies == ("van-phong-hdnd-va-ubnd-xa",)
    # "xay dung sao r" is a title's "xây dựng", no "dùng sao"; a task's reading carries no
    # section (of "tthc") and no window (of a remark).
    intent = read("viec ra soat tthc dat dai xay dung sao r, tre tu t5 toi gio do", plan).best
    assert (intent.task, intent.section, intent.period) == (TaskRef("III", "3"), None, None)
    # A phrase is read within one clause: "chủ tịch phường, em ..." holds no "phường em".
    text = "Chuẩn bị họp với chủ tịch phường, em tóm tắt giúp tình hình thực hiện kế hoạch nhé"
    assert not read(text, plan).best.own


def test_the_first_half_of_january():
    plan = _tasks(
        TaskEntry("II.2", "a", "Ban hành các Kế hoạch: hoạt động kiểm soát TTHC; rà soát TTHC"),
        TaskEntry("VII", "3", "Báo cáo kết quả thực hiện công tác cải cách hành chính"),
        TaskEntry("II.6", "c", "Tham mưu ban hành Kế hoạch chuyển đổi số năm 2024"),
        TaskEntry("II.6", "a", "Triển khai các nhiệm vụ chuyển đổi số của thành phố"),
        TaskEntry("2", "b", "Theo dõi tình hình thực hiện, báo cáo Chủ tịch UBND tỉnh hằng quý"),
        sections=(
            SectionRef("II.2", "Cải cách thủ tục hành chính"),
            SectionRef("II.6", "Chuyển đổi số"),
        ),
        agencies=("so-tu-phap", "so-noi-vu", "so-y-te", "van-phong-hdnd-va-ubnd-huyen"),
        year=2024,
    )
    # "lọc" asks for the list, whatever "mấy"; "giao ban sở" is the asker's own meeting.
    intent = read("mai họp giao ban r, lọc giúp mấy việc sắp đến hạn", plan).best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    reading = read("mai giao ban so r, sap den han nhung viec gi", plan)
    assert (reading.best.agencies, reading.ask_back) == ((), False)
    # The holiday's days off and the snow are small talk; "gõ gì" asks for help.
    for text in ("tết nay được nghỉ mấy hôm vậy ae", "hom nay sa pa co tuyet ko mn"):
        assert read(text, plan).best.ask is Ask.OFF_TOPIC, text
    assert read("bot nay dung the nao, go gi de xem viec cua 1 so", plan).best.ask is Ask.HELP
    # "hạn báo cáo thế nào" asks when.
    intent = read("mục 2 điểm b hạn báo cáo thế nào? sếp đang hỏi", plan).best
    assert (intent.task, intent.field) == (TaskRef("2", "b"), TaskField.DUE)
    # A report's words alone, after whom to remind, name no task's title.
    intent = read("nhắc stp gửi báo cáo kết quả đi, trễ rồi", plan).best
    assert (intent.action, intent.agencies, intent.task) == (Action.REMIND, (STP,), None)
    # What the asker must hand in, after the question, is no status asked for.
    text = "Sở mình phối hợp những nhiệm vụ nào, liệt kê giúp mình nhé. Chiều nay phải nộp rồi."
    intent = read(text, plan).best
    assert (intent.ask, intent.status, intent.period) == (Ask.LIST, None, None)
    # A document named by a section's subject is the task that makes it.
    intent = read("kế hoạch chuyển đổi số năm 2024 xong chưa", plan).best
    assert (intent.task, intent.section) == (TaskRef("II.6", "c"), None)
    assert read("chuyển đổi số tới đâu rồi", plan).best.section == "II.6"


def test_what_is_handed_in_after_whom_to_remind_names_the_task():
    path = plan_path("002")
    if path is None:
        pytest.skip("the seed plans are not here")
    text = "nhac vp hdnd ubnd nop ke hoach kiem soat tthc giup e, gap lam"
    intent = read(text, plan_vocabulary(path)).best
    assert (intent.action, intent.task) == (Action.REMIND, TaskRef("II.2", "a"))


def test_the_middle_of_april():
    plan = _tasks(
        TaskEntry("I", "8", "Đo lường sự hài lòng của người dân, tổ chức"),
        TaskEntry("I", "2.4", "Khảo sát mức độ hài lòng đối với dịch vụ y tế công"),
        TaskEntry("III", "2.4", "Kiểm tra việc thực hiện phân cấp quản lý"),
        TaskEntry("II", "4", "Rà soát, đánh giá thủ tục hành chính"),
        sections=tuple(
            SectionRef(c, t) for c, t in (("I", "Thể chế"), ("II", "TTHC"), ("III", "Bộ máy"))
        ),
        agencies=("so-noi-vu", "so-y-te", "ubnd-cap-huyen", "ubnd-cap-xa"),
        year=2026,
    )
    # A kind said with "mình" is the asker's own, not the plan's group of that kind.
    intent = read("nhung viec huyen minh phoi hop thuc hien", plan).best
    assert (intent.own, intent.agencies, intent.role) == (True, (), Role.SUPPORT)
    # ... and after a leader's title, a person: "báo cáo Chủ tịch huyện".
    text = "Chiều nay báo cáo Chủ tịch huyện. Tình hình thực hiện kế hoạch nói chung tới đâu rồi?"
    intent = read(text, plan).best
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ())
    # An index's score or rank is not what the plan follows ...
    for text in ("PAPI 2020 tỉnh mình được bao nhiêu điểm vậy", "PAPI 2025 xếp thứ mấy cả nước"):
        assert read(text, plan).best.ask is Ask.OFF_TOPIC, text
    # ... but a remark of that kind, beside a task's field asked, leaves the question.
    text = "Việc đo lường sự hài lòng người dân ai chủ trì thế? Năm ngoái SIPAS mình tụt mấy bậc"
    intent = read(text, plan).best
    assert (intent.task, intent.field) == (TaskRef("I", "8"), TaskField.LEAD)
    # "mấy nv" counts, whatever titles "được giao" is in; what the asker must report, said
    # before the question, is no status.
    communes = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    assert read("ubnd cấp xã đc giao mấy nv", communes).best.ask is Ask.COUNT
    text = "Cuối tuần phải báo cáo lãnh đạo Vụ. Việc của vụ mình còn cái nào chưa xong ko?"
    intent = read(text, plan).best
    assert (intent.status, intent.own, intent.period) == (Status.OPEN, True, None)
    # "tổng hợp tiến độ" is how things stand; whom the asker reports to after it, no report.
    text = "Tổng hợp tiến độ thực hiện kế hoạch giúp mình, chiều báo cáo lãnh đạo sở"
    assert read(text, plan).best.ask is Ask.PROGRESS
    directive = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    intent = read("việc của sở mình trong chỉ thị này tiến độ sao rồi", directive).best
    assert (intent.own, intent.task) == (True, None)
    # A section by its number with a point of it: "mục I điểm 2.4".
    intent = read("mục I điểm 2.4 khảo sát hài lòng dv y tế đơn vị nào chủ trì", plan).best
    assert (intent.task, intent.field) == (TaskRef("I", "2.4"), TaskField.LEAD)
    # Whom a report is handed to ("cho BCĐ") is no subject of the question.
    text = "Mai nộp báo cáo cho BCĐ rồi. Tóm tắt giúp kết quả thực hiện kế hoạch đến nay"
    assert read(text, plan).best.agencies == ()


def test_a_ministrys_units_and_next_years_plan():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    # "Các Cục": a group of one kind, as the plan writes it.
    intent = read("cac cuc phoi hop viec gi", plan).best
    assert (intent.agencies, intent.role) == (("unverified-cac-cuc",), Role.SUPPORT)
    # The plan's words with a year outside the plan's: next year's plan, a task's product.
    intent = read("ke hoach cchc nam 2027 thi san pham dau ra la gi", plan).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.PRODUCT)
    # News of what was just done asks nothing; the clause that asks names its task.
    text = (
        "Kết quả Chỉ số CCHC 2025 vừa công bố xong. Nhiệm vụ phối hợp với Bộ Nội vụ xác định"
        " chỉ số của Bộ năm nay thì đơn vị nào chủ trì?"
    )
    intent = read(text, plan).best
    assert (intent.task, intent.field, intent.status) == (TaskRef(None, "6"), TaskField.LEAD, None)


def test_the_second_half_of_september():
    plan = _tasks(
        TaskEntry("I", "1", "Rà soát văn bản quy phạm pháp luật"),
        TaskEntry("II", "1", "Công bố thủ tục hành chính"),
        agencies=("so-tu-phap", "so-noi-vu"),
        year=2026,
    )
    # The dates of the report a file goes with are the report's, no window of the file.
    for text in (
        "Xuất file excel danh sách nhiệm vụ, gửi kèm báo cáo 9 tháng.",
        "xuat excel ds nhiem vu cua so minh nhe, gui kem bao cao 9 thang",
    ):
        intent = read(text, plan).best
        assert (intent.ask, intent.period) == (Ask.EXPORT, None), text
    # A report asked for, and who is demanding it ("snv đang đòi"), no subject.
    intent = read("làm giúp báo cáo 9 tháng tình hình thực hiện kế hoạch, snv đang đòi", plan).best
    assert (intent.ask, intent.agencies) == (Ask.REPORT, ())
    assert intent.period is not None and intent.period.end == date(2026, 9, 30)
    # "hoàn thàn", a slip, is "hoàn thành".
    assert read("có bao nhiêu nhiệm vụ đã hoàn thàn?", plan).best.status is Status.DONE


# ------------------------------------------- the second half of November, as the year closes

NOVEMBER = date(2026, 11, 24)


_on = partial(read, today=NOVEMBER)


def test_no_window_is_read_across_a_comma_of_several_units_or_of_how_far():
    # "năm, trước 15/12" is no "năm trước": the days up to 15/12.
    best = _on("Để kịp báo cáo năm, trước 15/12 phải xong những việc gì?").best
    assert best.period is not None
    assert (best.period.start, best.period.end) == (date(2026, 1, 1), date(2026, 12, 15))
    # "từ mấy quý trước": several quarters, no last quarter.
    assert _on("Các việc trễ hạn từ mấy quý trước liệt kê giúp em.").best.period is None
    # "5 năm tới đâu rồi": how far, not next year.
    assert _on("bc tổng kết 5 năm tới đâu rồi").best.period is None
    # A day the asker reports to a superior is when she meets, no window.
    assert _on("mai chị lên báo cáo sếp, việc nào quá hạn rồi").best.period is None


def test_the_year_of_a_report_is_its_period_only_where_the_report_is_asked_before_it():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=_numbered_list("Rà soát văn bản", "Tuyên truyền").tasks,
        agencies=(STP,),
    )
    text = "tình hình thực hiện kế hoạch cchc năm nay thế nào, e đang viết báo cáo năm"
    asked = _on(text, vocabulary).best
    assert (asked.ask, asked.period) == (Ask.PROGRESS, None)
    report = _on("làm giúp báo cáo tình hình thực hiện kế hoạch cchc năm nay", vocabulary).best
    assert (report.ask, report.period is not None) == (Ask.REPORT, True)


def test_a_remark_or_a_schedule_beside_the_question_asks_nothing_to_be_done():
    vocabulary = _numbered_list("Số hóa hồ sơ lưu trữ của phường", "Tuyên truyền CCHC")
    best = _on("so hoa ho so luu tru toi dau r, chua thay bao xong", vocabulary).best
    assert (best.ask, best.action, best.field) == (Ask.TASK, None, TaskField.PROGRESS)
    best = _on("thang 12 nhung nv nao den han, lam lich nhac cho sep").best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)


def test_a_bare_number_of_a_part_and_of_a_task_of_another_section_offers_both():
    vocabulary = _plan(
        {
            "II.1": "Cải cách thủ tục hành chính",
            "II.2": "Xây dựng chính quyền số",
            "III": "Tổ chức",
        },
        TaskEntry("II.1", "a", "Niêm yết thủ tục hành chính"),
        TaskEntry("II.2", "a", "Số hóa hồ sơ lưu trữ"),
        TaskEntry("III", "1", "Tổng hợp báo cáo"),
        TaskEntry("III", "2", "Tuyên truyền trên loa truyền thanh"),
    )
    reading = _on("mục 2 tới đâu rồi", vocabulary)
    assert reading.ask_back
    assert {(i.section, i.task) for i in reading.choices} == {
        ("II.2", None),
        (None, TaskRef("III", "2")),
    }


def test_when_or_who_of_a_report_asks_of_the_tasks_whose_titles_hold_it():
    vocabulary = _numbered_list(
        "Tổng hợp báo cáo cải cách hành chính quý", "Tuyên truyền", "Rà soát, báo cáo đất đai"
    )
    reading = _on("cái báo cáo đó hạn khi nào", vocabulary)
    assert reading.ask_back
    assert {(i.task, i.field) for i in reading.choices} == {
        (TaskRef(None, "1"), TaskField.DUE),
        (TaskRef(None, "3"), TaskField.DUE),
    }


def test_what_is_asked_outside_a_titles_words_gives_way_over_them_even_weakly():
    vocabulary = _numbered_list(
        "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính", "Tuyên truyền"
    )
    best = _on("he thong thong tin giai quyet tthc han quy 4 phai ko", vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.DUE)


def test_how_far_in_per_cent_and_when_as_written_ask_of_one_task():
    vocabulary = _numbered_list("Số hóa hồ sơ, kết quả giải quyết TTHC", "Tuyên truyền")
    best = _on("số hóa hồ sơ kết quả giải quyết tthc được bao nhiêu % rồi", vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    best = _on("nv 2 hạn ghi thế nào", vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "2"), TaskField.DUE)


def test_a_bare_so_after_khoa_is_a_ledger_no_department():
    reading = _on("các việc hạn quý I còn cái nào chưa xong, phải giải trình trước khi khoa so")
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.status) == (Ask.LIST, Status.OPEN)


def test_a_reviews_years_and_the_kind_of_document_said_name_the_task():
    vocabulary = _numbered_list(
        "Đánh giá kết quả sau 5 năm thực hiện Nghị quyết về CCHC — báo cáo tổng kết",
        "Đánh giá kết quả sau 5 năm thực hiện Kế hoạch CCHC — báo cáo tổng kết",
        "Đánh giá kết quả sau 2 năm thực hiện Nghị quyết — báo cáo sơ kết",
    )
    reading = _on("bc tổng kết 5 năm tới đâu rồi", vocabulary)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef(None, "1"), TaskRef(None, "2")}
    best = _on("báo cáo tổng kết 5 năm kế hoạch cchc hạn khi nào", vocabulary).best
    assert best.task == TaskRef(None, "2")
    # The plan itself, said where the task is, is no kind of document.
    assert _on("việc báo cáo tổng kết trong kế hoạch hạn khi nào", vocabulary).ask_back


def test_a_short_summary_asked_is_how_things_stand():
    best = _on("tình hình chung kế hoạch tới giờ ra sao, tóm tắt ngắn giúp mình").best
    assert best.ask is Ask.PROGRESS
    assert _on("tình hình chung kế hoạch tới giờ ra sao").best.ask is Ask.REPORT


def test_the_units_under_the_ministry_are_the_group_the_plan_names_so():
    (written,), _ = DIRECTORY.resolve_list("Các đơn vị thuộc Bộ")
    assert written.as_written == "Các đơn vị thuộc Bộ"
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=_numbered_list("Kiểm tra công tác CCHC", "Rà soát văn bản").tasks,
        agencies={written.agency.key: [written.name, written.as_written]},
    )
    best = _on("các đơn vị thuộc bộ phải phối hợp mấy nhiệm vụ", vocabulary).best
    assert (best.ask, best.agencies, best.role) == (Ask.COUNT, (written.agency.key,), Role.SUPPORT)


# ---------------------------------------------- the first half of June, the six-month report

JUNE = date(2026, 6, 10)


_in_june = partial(read, today=JUNE)


def test_a_row_of_the_tt_column_and_a_half_year_after_a_number():
    vocabulary = _numbered_list("Rà soát", "Kiểm tra", "Tuyên truyền", "Vận hành hộ tịch")
    best = _in_june("dong TT 4 trong bang han chot la ngay nao", vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "4"), TaskField.DUE)
    # "nhiệm vụ 6 tháng cuối năm" is the tasks of a half-year, no task 6.
    text = "kiểm tra hạn là ngày nào? Chị cần ghi vào phần nhiệm vụ 6 tháng cuối năm."
    assert _in_june(text, _numbered_list(*"abcdef", "Kiểm tra")).best.task != TaskRef(None, "6")


def test_how_far_and_when_in_other_words():
    vocabulary = _numbered_list("Xác định Chỉ số CCHC của Bộ", "Điều tra, khảo sát thi hành")
    best = _in_june("Việc xác định chỉ số CCHC của Bộ đang ở bước nào?", vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    text = "Việc điều tra, khảo sát thi hành làm vào thời gian nào nhỉ?"
    best = _in_june(text, vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "2"), TaskField.DUE)


def test_a_section_said_by_phan_and_the_words_of_its_title():
    vocabulary = _plan(
        {"I": "Nhiệm vụ của cấp tỉnh", "II": "Nhiệm vụ của cấp xã"},
        TaskEntry("I", "1", "Nâng cao chất lượng phục vụ"),
        TaskEntry("II", "1", "Niêm yết thủ tục hành chính"),
        agencies=("ubnd-cap-xa",),
    )
    best = _in_june("phần nhiệm vụ cấp xã còn mấy việc chưa xong", vocabulary).best
    assert (best.section, best.agencies) == ("II", ())
    # Without "phần", the communes.
    best = _in_june("cấp xã còn mấy việc chưa xong", vocabulary).best
    assert best.agencies == ("ubnd-cap-xa",)


def test_a_long_name_said_short_is_offered_beside_the_task_whose_title_holds_it():
    centre = "trung-tam-phuc-vu-hanh-chinh-cong-tinh"
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=_numbered_list("Nâng cao chất lượng Trung tâm Phục vụ hành chính công tỉnh").tasks,
        agencies=(centre,),
    )
    reading = _in_june("trung tâm hcc tỉnh dạo này sao rồi", vocabulary)
    assert reading.ask_back
    assert {(i.agencies, i.task) for i in reading.choices} == {
        ((centre,), None),
        ((), TaskRef(None, "1")),
    }


def test_taking_part_is_either_role():
    best = _in_june("ubnd các xã phường tham gia những việc gì").best
    assert (best.ask, best.role) == (Ask.LIST, None)
    assert _in_june("ubnd các xã phường tham gia phối hợp những việc gì").best.role is Role.SUPPORT


def test_whom_to_remind_said_right_after_stays_though_the_task_names_it():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=(TaskEntry(None, "1", "Tự kiểm tra văn bản QPPL", words="UBND cấp huyện"),),
        agencies=("ubnd-cap-huyen",),
    )
    best = _in_june("nhắc ubnd cấp huyện gửi kết quả tự kiểm tra văn bản QPPL", vocabulary).best
    assert (best.action, best.agencies, best.task) == (
        Action.REMIND,
        ("ubnd-cap-huyen",),
        TaskRef(None, "1"),
    )


def test_a_task_head_makes_report_words_and_a_remembered_deadline_a_titles():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=_numbered_list(
            "Sở Nội vụ tổng hợp, báo cáo Chủ tịch", "Rà soát thủ tục đất đai", "Rà soát quy trình"
        ).tasks,
        agencies=(SNV,),
    )
    reading = _in_june("việc báo cáo của snv tới đâu rồi", vocabulary)
    assert (reading.best.task, reading.best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    reading = _in_june("nv rà soát hạn 30/9 tới đâu rồi", vocabulary)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef(None, "2"), TaskRef(None, "3")}
    # A day before "tới đâu" is still a day.
    best = _in_june("việc hạn 30/9 tới đâu rồi", vocabulary).best
    assert best.period is not None and best.period.end == date(2026, 9, 30)


# -------------------------------------------------------- the last days of December, year-end

DECEMBER = date(2026, 12, 23)


_in_december = partial(read, today=DECEMBER)


def _two_levels() -> PlanVocabulary:
    return PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        sections=[
            SectionRef("I", "NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH"),
            SectionRef("II", "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"),
        ],
        tasks=(
            TaskEntry("I", "1", "Hướng dẫn vận hành bộ máy"),
            TaskEntry("II", "1", "Kiện toàn Trung tâm Phục vụ hành chính công"),
            TaskEntry("II", "2", "Bảo đảm an ninh trật tự", activities=(1, 2)),
            TaskEntry("II", "3", "Báo cáo kết quả cải cách hành chính"),
        ),
        agencies={
            "ubnd-cap-xa": ["UBND các xã, phường, đặc khu"],
            "cong-an-cap-xa": ["Công an các xã, phường, đặc khu"],
        },
    )


def test_whose_tasks_a_section_holds_name_it_and_for_whom_is_no_subject():
    text = "cac co quan cap tinh con viec nao qua han chua lam cho cac xa ko"
    best = _in_december(text, _two_levels()).best
    assert (best.section, best.agencies, best.status) == ("I", (), Status.OVERDUE)
    # Reporting to the chairman, in a clause of its own, is what the asker will do.
    an_giang = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    text = (
        "phần nhiệm vụ của các cơ quan cấp tỉnh tiến độ thế nào rồi, chiều nay e báo cáo chủ tịch"
    )
    best = _in_december(text, an_giang).best
    assert (best.ask, best.section, best.task) == (Ask.PROGRESS, "I", None)


def test_the_communes_listed_short_are_the_communes_and_not_their_police():
    best = _in_december("cac xa phuong con bn viec", _two_levels()).best
    assert best.agencies == ("ubnd-cap-xa",)
    # "phần các xã phường": the communes, or their part of the plan.
    reading = _in_december("tien do phan cac xa phuong the nao", _two_levels())
    assert reading.ask_back
    assert {(i.section, i.agencies) for i in reading.choices} == {
        ("II", ()),
        (None, ("ubnd-cap-xa",)),
    }


def test_where_unfinished_work_is_carried_is_no_window():
    best = _in_december("Những việc chưa xong phải chuyển sang năm sau là những việc nào?").best
    assert (best.ask, best.status, best.period) == (Ask.LIST, Status.OPEN, None)


def test_the_asker_typed_as_one_letter_and_a_meeting_room_name_nothing_of_the_plan():
    thanh_hoa = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    best = _in_december("tóm tắt tiến độ chỉ thị giúp c, chiều báo cáo lãnh đạo", thanh_hoa).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)
    assert _in_december("chiều nay họp tổng kết ở phòng nào nhỉ").best.ask is Ask.OFF_TOPIC


def test_a_row_said_after_its_task_by_an_ordinal_or_by_a_name():
    rows = ("Xây dựng bộ câu hỏi khảo sát", "Tổ chức khảo sát tại các xã, phường")
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        sections=[SectionRef("II", "Nâng cao sự hài lòng")],
        tasks=(TaskEntry("II", "1", "Khảo sát sự hài lòng", activities=(1, 2), rows=rows),),
        agencies={"ubnd-cap-xa": ["UBND các xã, phường, đặc khu"]},
    )
    best = _in_december("phan II muc 1 dong thu hai han khi nao", vocabulary).best
    assert best.task == TaskRef("II", "1", 2)
    # A province's plan whose task II.2 has a row "Tổ chức khảo sát tại các xã, phường".
    nghe_an = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    best = _in_december("Hoạt động khảo sát tại các xã, phường hạn lúc nào?", nghe_an).best
    assert best.task == TaskRef("II", "2", 2)


def test_a_slip_of_a_mark_in_a_phrase_and_a_word_typed_without_one():
    best = _in_december("Phần cải cách tổ chức bộ máy còn việc nào chuă xong").best
    assert best.status is Status.OPEN
    # "gửi anh danh sách" sends the list to the asker, no photo.
    best = _in_december("Mai họp rồi, việc nào hạn 31/12 mà chưa xong gửi anh danh sách.").best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.OPEN)


# ------------------------------------------- the first half of October, the quarter's reports

OCTOBER = date(2026, 10, 7)


_in_october = partial(read, today=OCTOBER)


def test_a_report_the_asker_owes_and_who_urges_it_are_the_askers_context():
    text = "Chiều nay phải trình lãnh đạo báo cáo quý III. Liệt kê giúp các nhiệm vụ đã quá hạn."
    best = _in_october(text).best
    assert (best.ask, best.status, best.period) == (Ask.LIST, Status.OVERDUE, None)
    # The report asked for keeps its quarter; who urges it is no subject, nor a request.
    best = _in_october("lap bao cao cchc quy III giup minh, ben noi vu dang giuc").best
    assert (best.ask, best.agencies, best.action) == (Ask.REPORT, (), None)
    assert best.period is not None and best.period.end == date(2026, 9, 30)


def test_issued_right_asks_how_far_one_task_is():
    vocabulary = _numbered_list("Ban hành Kế hoạch kiểm tra cải cách hành chính", "Tuyên truyền")
    text = "ke hoach kiem tra cchc ban hanh roi dung ko, sep dang hoi"
    best = _in_october(text, vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)


# ------------------------------------------- the second half of March, the first quarter closes

MARCH = date(2026, 3, 24)


_in_march = partial(read, today=MARCH)


def test_a_meeting_held_by_the_quarter_is_no_window_and_the_body_that_meets_no_subject():
    text = "mai hop BCD quy roi, lam giup cai bao cao tinh hinh thuc hien ke hoach nhe"
    best = _in_march(text).best
    assert (best.ask, best.period) == (Ask.REPORT, None)
    text = "Tiến độ chung cả kế hoạch tới giờ thế nào? Tuần sau Ban chỉ đạo họp quý rồi."
    best = _in_march(text).best
    assert (best.ask, best.agencies, best.period) == (Ask.PROGRESS, (), None)
    # "quý rồi" alone is the quarter before.
    best = _in_march("quý rồi xong mấy việc").best
    assert best.period is not None and best.period.end == date(2025, 12, 31)


def test_from_now_to_the_end_of_the_month_or_the_quarter():
    monday = date(2026, 3, 16)  # not a week before the month's end
    text = "Mai họp giao ban rồi. Từ giờ tới cuối tháng còn việc nào phải xong ko"
    best = read(text, today=monday).best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)
    assert best.period is not None
    assert (best.period.start, best.period.end) == (monday, date(2026, 3, 31))
    best = read("den cuoi quy con bn viec chua xong", today=date(2026, 2, 9)).best
    assert best.period is not None
    assert (best.period.start, best.period.end) == (date(2026, 2, 9), date(2026, 3, 31))


def test_what_the_asker_has_not_seen_after_the_question_is_no_request():
    vocabulary = _numbered_list("Rà soát thủ tục hành chính", "Bố trí công chức ở bộ phận một cửa")
    text = "Cho mình xem chi tiết nhiệm vụ 2. Các xã báo bố trí xong rồi mà chưa thấy cập nhật"
    best = _in_march(text, vocabulary).best
    assert (best.ask, best.field, best.action) == (Ask.TASK, TaskField.CARD, None)
    assert best.task == TaskRef(None, "2")


def test_the_office_the_asker_goes_to_and_a_wedding_are_small_talk():
    assert _in_march("chiều nay mưa to quá, ngại ra sở").best.ask is Ask.OFF_TOPIC
    assert _in_march("chiều nay ai đi đám cưới bé Hạnh không").best.ask is Ask.OFF_TOPIC


# ------------------------------------------- the second half of July, after the six-month review


def _plan_of_2026(**parts: Any) -> PlanVocabulary:
    """A plan of 2026 of these parts, its agencies named as the directory names them."""
    return PlanVocabulary.build(DIRECTORY, years=(2026, 2026), **parts)


JULY = date(2026, 7, 22)


_in_july = partial(read, today=JULY)


def test_the_body_whose_plan_it_is_said_as_ones_own_is_the_whole_plan():
    ward = _plan_of_2026(
        tasks=(TaskEntry(None, "1", "Niêm yết thủ tục hành chính"),),
        title="Cải cách hành chính phường Hòa Khánh năm 2026",
    )
    best = _in_july("phường mình hiện có bn việc quá hạn", ward).best
    assert (best.ask, best.status, best.own) == (Ask.COUNT, Status.OVERDUE, False)
    assert _in_july("phòng mình có việc gì quá hạn", ward).best.own
    # Of a province's plan, a ward's official's "phường mình" is still the asker's own.
    assert _in_july("phường mình hiện có bn việc quá hạn").best.own


def test_a_slip_several_words_are_near_is_mended_by_the_word_beside_it():
    assert " ".join(w.text for w in SPELLER("cac viec dang trien khia")) == (
        "cac viec dang trien khai"
    )
    best = _in_july("liet ke giup cac viec dang trien khia do dang nhe").best
    assert (best.ask, best.status) == (Ask.LIST, Status.IN_PROGRESS)


def test_initials_of_a_names_listed_parts_read_with_their_and():
    ward = _plan_of_2026(agencies=["phong-kinh-te-ha-tang-do-thi"])
    text = "Hội nghị sơ kết nêu tên phòng KT, HT và ĐT chậm. Bên đó có việc nào quá hạn không?"
    best = _in_july(text, ward).best
    assert (best.agencies, best.status) == (("phong-kinh-te-ha-tang-do-thi",), Status.OVERDUE)


def test_the_old_spelling_of_a_quarter():
    best = _in_july("viec nao qua han qui 2").best
    assert best.period is not None and best.period.end == date(2026, 6, 30)


def test_a_directive_reported_before_the_question_is_no_filter():
    text = (
        "Chủ tịch kết luận phải xử lý dứt điểm những việc chậm 6 tháng đầu năm. "
        "Bên em đang trễ hạn những việc nào?"
    )
    best = _in_july(text).best
    assert (best.ask, best.status, best.own, best.period) == (
        Ask.LIST,
        Status.OVERDUE,
        True,
        None,
    )
    text = (
        "Kết luận của Chủ tịch yêu cầu hoàn thành các việc còn chậm. "
        "Vậy 6 tháng đầu năm còn mấy việc chưa xong?"
    )
    best = _in_july(text).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OPEN)
    assert best.period is not None and best.period.end == date(2026, 6, 30)


def test_a_deadline_said_with_a_window_and_a_status_is_that_window():
    best = _in_july("Việc có hạn trong 6 tháng đầu năm mà vẫn chưa xong, liệt kê giúp chị").best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)
    assert best.period is not None and best.period.end == date(2026, 6, 30)
    # Coming due soon and not done is still what comes due.
    assert _in_july("việc sắp đến hạn mà chưa xong").best.status is Status.DUE


def test_a_meeting_this_week_or_next_is_no_window():
    best = _in_july("ben khcn con viec nao chua xong ko, tuan sau hop giao ban roi").best
    assert (best.agencies, best.status, best.period) == ((KHCN,), Status.OPEN, None)
    best = _in_july("việc nào đến hạn tuần sau").best
    assert best.period is not None and best.period.start == date(2026, 7, 27)


# ------------------------------------------------ the last ten days of June, the first half closes

JUNE_END = date(2026, 6, 24)


_in_june_end = partial(read, today=JUNE_END)


def test_from_the_start_of_a_year_quarter_or_month_to_a_day():
    text = "Mình đang viết báo cáo 6 tháng. Từ đầu năm tới 30/6 phải hoàn thành những nhiệm vụ nào?"
    best = _in_june_end(text).best
    assert best.period is not None
    assert (best.period.start, best.period.end) == (date(2026, 1, 1), date(2026, 6, 30))
    best = _in_june_end("từ đầu quý đến nay còn bn việc chưa xong").best
    assert best.period is not None
    assert (best.period.start, best.period.end) == (date(2026, 4, 1), JUNE_END)


def test_a_meeting_said_with_its_month_is_no_window():
    best = _in_june_end("Đầu tháng 7 họp sơ kết rồi. Sở mình còn việc nào chưa xong?").best
    assert (best.status, best.own, best.period) == (Status.OPEN, True, None)


def test_who_gathers_the_figures_after_the_request_is_no_subject():
    text = "Làm giúp mình báo cáo kết quả 6 tháng đầu năm, mai Sở Nội vụ chốt số liệu rồi"
    best = _in_june_end(text).best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())


def test_business_conditions_typed_short():
    vocabulary = _numbered_list(
        "Rà soát, đề xuất sửa đổi các luật thuộc lĩnh vực quản lý của Bộ",
        "Cắt giảm điều kiện kinh doanh trong lĩnh vực bổ trợ tư pháp",
    )
    text = "nhắc vụ pháp chế gửi ý kiến việc cắt giảm đk kinh doanh giúp mình"
    best = _in_june_end(text, vocabulary).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef(None, "2"))


def test_a_plan_named_by_its_words_is_the_task_that_makes_it():
    titles = (
        "Xây dựng và hướng dẫn triển khai Kế hoạch Chuyển đổi số năm 2025",
        "Tiếp tục triển khai Nghị quyết về chuyển đổi số; xây dựng chương trình, kế hoạch",
        "Triển khai Đề án chuyển đổi số; xây dựng kế hoạch, dự án",
    )
    # ... in a section the words name too ("chuyển đổi số"), of the plan's own year.
    vocabulary = PlanVocabulary(
        years=(2025, 2025),
        sections=(SectionRef("VII", "Chính quyền số, chuyển đổi số"),),
        tasks=tuple(TaskEntry("VII", str(n), t) for n, t in enumerate(titles, start=1)),
    )
    for text in ("kế hoạch chuyển đổi số ai chủ trì", "kh chuyển đổi số năm nay ai chủ trì"):
        reading = read(text, vocabulary, today=date(2025, 6, 24))
        assert not reading.ask_back
        assert (reading.best.task, reading.best.field) == (TaskRef("VII", "1"), TaskField.LEAD)


def test_a_merger_said_from_both_sides_is_told_once():
    plan = PlanVocabulary.build(
        DIRECTORY,
        years=(2025, 2025),
        agencies=["so-thong-tin-va-truyen-thong"],
        tasks=(TaskEntry(None, "1", "Nâng cấp Cổng dịch vụ công"),),
    )
    text = "Sở TTTT còn mấy việc chủ trì chưa xong? Giờ về KH&CN rồi không biết ai theo."
    best = read(text, plan, today=date(2025, 6, 24)).best
    assert best.agencies == ("so-thong-tin-va-truyen-thong",)
    assert [n.relation for n in best.notes] == [Relation.MERGED_INTO]


def test_a_regions_words_are_read_only_as_typed_with_their_diacritics():
    assert " ".join(w.text for w in SPELLER("cổng dvc chừ tới đâu rồi hỉ")) == (
        "cong dich vu cong gio toi dau roi nhi"
    )
    # Typed bare, "chu" is "chủ" of "chủ trì".
    assert " ".join(w.text for w in SPELLER("chu tri la ai")) == "chu tri la ai"


# ------------------------------------------- the first half of November, the year's end nears

NOVEMBER = date(2026, 11, 10)


_in_november = partial(read, today=NOVEMBER)


def test_what_the_inspection_team_asks_about_is_the_subject_it_refers_back_to():
    titles = (
        "Công bố danh mục thủ tục hành chính sau sắp xếp",
        "Rà soát thủ tục hành chính lĩnh vực đất đai",
        "Rà soát thủ tục hành chính lĩnh vực xây dựng",
        "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức cấp xã",
    )
    vocabulary = PlanVocabulary(
        years=(2026, 2026),
        tasks=tuple(TaskEntry(None, str(n), t) for n, t in enumerate(titles, start=1)),
        title="Kiểm soát thủ tục hành chính tỉnh Khánh Hòa năm 2026",
    )
    text = "Đoàn kiểm tra đang hỏi việc công bố danh mục tthc. Sản phẩm của việc đó là gì em?"
    best = _in_november(text, vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PRODUCT)


def test_staff_cuts_misspelt_and_a_province_that_supervises():
    assert " ".join(w.text for w in SPELLER("tinh giảm biên chế")) == "tinh gian bien che"
    assert " ".join(w.text for w in SPELLER("tỉnh giám sát")) == "tinh giam sat"


def test_a_deadline_said_aloud_without_its_day_word():
    best = _in_november("có bao nhiêu việc hạn ba mươi mốt tháng mười hai").best
    assert best.period is not None and best.period.start == date(2026, 12, 31)
    # "hạn năm nay" is this year, no number five; "gia hạn ba tháng" still a length.
    best = _in_november("quá hạn năm nay còn bao nhiêu việc").best
    assert best.period is not None and best.period.end == date(2026, 12, 31)
    assert _in_november("gia hạn ba tháng cho nv II.1").best.duration is not None


def test_for_ever_is_no_tomorrow():
    text = "xã đang chờ hướng dẫn dự toán mãi. sở tư pháp có việc nào quá hạn ko"
    best = _in_november(text).best
    assert (best.agencies, best.status, best.period) == ((STP,), Status.OVERDUE, None)


def test_the_guidance_to_send_and_whom_to_are_no_words_of_the_title():
    vocabulary = _numbered_list(
        "Tiếp tục triển khai chữ ký số chuyên dùng trên sim di động", "Tuyên truyền"
    )
    text = "nhắc sở tư pháp gửi hướng dẫn chữ ký số trên sim cho xã giùm"
    best = _in_november(text, vocabulary).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef(None, "1"))


def test_the_whole_office_ordering_lunch_is_small_talk():
    assert _in_november("trưa nay cả phòng đặt cơm ở đâu vậy").best.ask is Ask.OFF_TOPIC


def test_all_done_yet_of_a_body_asks_how_far_it_has_got():
    best = _in_november("sở tư pháp xong hết chưa").best
    assert (best.ask, best.agencies, best.status) == (Ask.PROGRESS, (STP,), None)


def test_asking_to_carry_a_task_into_next_year_is_an_extension():
    text = "Làm sao để xin chuyển nhiệm vụ sang năm sau vậy, phường em làm ko kịp"
    best = _in_november(text).best
    assert (best.ask, best.action, best.own) == (Ask.ACTION, Action.EXTEND, False)
    assert best.period is not None and best.period.start == date(2027, 1, 1)


# ------------------------------------------- the first half of September, the third quarter

SEPTEMBER = date(2026, 9, 10)


_in_september = partial(read, today=SEPTEMBER)


def test_a_report_the_message_opens_by_asking_to_make_is_asked_for():
    vocabulary = _numbered_list(
        "Theo dõi tỷ lệ hồ sơ trực tuyến toàn trình, báo cáo Chủ tịch UBND tỉnh hằng tháng",
        "Đẩy mạnh thanh toán trực tuyến",
    )
    best = _in_september("lam bao cao quy 3 giup minh. Tinh doi truoc 15/9 roi", vocabulary).best
    assert (best.ask, best.task) == (Ask.REPORT, None)
    assert best.period is not None and best.period.end == date(2026, 9, 30)


def test_a_number_two_tasks_hold_is_the_one_whose_words_are_said_with_it():
    vocabulary = PlanVocabulary(
        sections=(SectionRef("II", "Nhiệm vụ của cấp xã"),),
        tasks=(
            TaskEntry(None, "3", "Đẩy mạnh thanh toán trực tuyến phí, lệ phí"),
            TaskEntry("II", "3", "Tuyên truyền cải cách hành chính ở xã"),
        ),
    )
    for text in (
        "nv 3 thanh toán trực tuyến đang tới đâu r, sếp đang hỏi",
        "cap nhat tien do nv 3: da dat 62% ho so thanh toan truc tuyen",
    ):
        reading = _in_september(text, vocabulary)
        assert not reading.ask_back
        assert reading.best.task == TaskRef(None, "3")
    assert _in_september("nv 3 tới đâu rồi", vocabulary).ask_back


def test_a_newly_made_focal_point_asking_how_to_use_the_bot_asks_for_help():
    text = "bot nay dung ntn, chi moi duoc giao lam dau moi"
    assert _in_september(text).best.ask is Ask.HELP


def test_the_day_a_report_is_due_said_beside_the_question_is_no_window():
    text = "15/9 là hạn gửi báo cáo quý lên tỉnh rồi. Đã hoàn thành bao nhiêu nhiệm vụ?"
    best = _in_september(text).best
    assert (best.ask, best.status, best.period) == (Ask.COUNT, Status.DONE, None)


def test_allowing_more_days_is_an_extension():
    best = _in_september("II.1 cho lùi thêm 15 ngày. Bên đó vừa xin sáng nay").best
    assert (best.action, best.duration) == (Action.EXTEND, Duration(15, "day"))


def test_a_power_cut_in_the_building_is_small_talk():
    assert _in_september("thu 6 nay co cat dien o toa nha so ko").best.ask is Ask.OFF_TOPIC


def test_number_words_are_no_slips():
    assert " ".join(w.text for w in SPELLER("thêm mười lăm ngày")) == "them muoi lam ngay"


# ------------------------------------------- the first half of May, after the index results

MAY = date(2026, 5, 12)


_in_may = partial(read, today=MAY)


def test_a_section_of_whose_tasks_by_their_level():
    vocabulary = _plan_of_2026(
        sections=(
            SectionRef("I", "NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH"),
            SectionRef("II", "NHIỆM VỤ CỦA CẤP XÃ"),
        ),
        tasks=(TaskEntry("I", "1", "Rà soát thủ tục"), TaskEntry("II", "1", "Niêm yết thủ tục")),
        agencies=["ubnd-cap-xa"],
    )
    best = _in_may("phần nhiệm vụ cấp tỉnh còn mấy việc chưa xong", vocabulary).best
    assert (best.section, best.status) == ("I", Status.OPEN)
    assert _in_may("phần nhiệm vụ cấp xã còn mấy việc", vocabulary).best.section == "II"
    # Without "phần", the communes' tasks may be the section or the communes' own.
    reading = _in_may("tiến độ các nhiệm vụ cấp xã thế nào", vocabulary)
    assert reading.ask_back
    assert {(i.section, i.agencies) for i in reading.choices} == {
        ("II", ()),
        (None, ("ubnd-cap-xa",)),
    }


def test_the_askers_purpose_ends_where_a_question_follows_it():
    vocabulary = _numbered_list(
        "Tuyên truyền cải cách hành chính",
        "Tổ chức Hội nghị phân tích nguyên nhân tăng, giảm chỉ số PCI của tỉnh",
    )
    text = (
        "Kính gửi anh chị, em đang chuẩn bị nội dung để trình lãnh đạo. Nhiệm vụ tổ chức hội "
        "nghị phân tích nguyên nhân tăng giảm chỉ số PCI thì thời hạn là khi nào ạ?"
    )
    best = _in_may(text, vocabulary).best
    assert (best.task, best.field) == (TaskRef(None, "2"), TaskField.DUE)
    assert "sent to the asker" not in best.why  # "Kính gửi" greets


def test_some_tasks_are_no_count_and_a_leader_who_read_is_no_task_done():
    text = (
        "Dạ em chào anh chị. Báo cáo quý I lãnh đạo đã xem xong nhưng vẫn còn một số việc hạn "
        "quý I chưa hoàn thành. Anh chị cho em danh sách các nhiệm vụ hạn quý I mà chưa xong."
    )
    best = _in_may(text).best
    window = best.period.end if best.period else None
    assert (best.ask, best.status, window) == (Ask.LIST, Status.OPEN, date(2026, 3, 31))


@pytest.mark.parametrize(
    "text",
    [
        "chieu nay phong minh ai di hop ben tinh uy vay",
        "cuoi tuan di Cua Viet tam bien ko mn",
        "ai co mau giay moi hop to dan pho ko gui e vs",
    ],
)
def test_the_offices_day_and_the_weekend_are_small_talk(text):
    assert _in_may(text).best.ask is Ask.OFF_TOPIC


def test_an_index_typed_bare_is_no_regions_what():
    vocabulary = _numbered_list(
        "Phối hợp xác định Chỉ số cải cách hành chính của tỉnh",
        "Nâng cao Chỉ số cải cách hành chính",
        "Tuyên truyền",
    )
    reading = _in_may("viec chi so cchc toi dau roi a", vocabulary)
    assert reading.ask_back
    assert [i.task for i in reading.choices] == [TaskRef(None, "1"), TaskRef(None, "2")]


def test_a_word_of_its_own_is_no_slip_in_a_name():
    plan = _plan_of_2026(
        agencies={"cong-an-tinh": ["Công an Thành phố"]},
        tasks=(TaskEntry(None, "1", "Số hóa hồ sơ"),),
    )
    text = "Chỉ số CCHC vừa công bố, thành phố tụt hạng. Chủ tịch hỏi còn những việc nào chưa xong"
    best = _in_may(text, plan).best
    assert (best.agencies, best.status) == ((), Status.OPEN)


def test_a_task_numbered_as_a_half_year_is_offered_beside_it():
    vocabulary = _numbered_list(*(f"Việc thứ {n}" for n in range(1, 8)))
    reading = _in_may("nv 6 tháng đầu năm đến đâu r", vocabulary)
    assert reading.ask_back
    tasks = [(i.task, i.period is None) for i in reading.choices]
    assert (TaskRef(None, "6"), True) in tasks and (None, False) in tasks


def test_a_letter_named_by_what_it_does_is_no_request():
    text = "sắp đến hạn có việc gì ko, sếp dặn rà lại trước khi ký văn bản đôn đốc"
    best = _in_may(text).best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.DUE, None)


# ------------------------------------------- the second half of August, back from leave

AUGUST = date(2026, 8, 26)


_in_august = partial(read, today=AUGUST)


def test_what_the_asker_must_do_or_has_done_after_the_question_is_a_remark():
    best = _in_august("Sở tư pháp còn việc nào chưa xong không? Phải nhắc thôi, im quá").best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.OPEN, None)
    best = _in_august("Sở tư pháp quá hạn những việc nào, nhắc mấy lần rồi vẫn im.").best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.OVERDUE, None)
    text = "Sở tư pháp tiến độ thế nào rồi, tuần này vụ phải gửi văn bản đôn đốc"
    best = _in_august(text).best
    assert (best.ask, best.action, best.period) == (Ask.PROGRESS, None, None)
    # ... and so are updates the asker has not seen.
    best = _in_august("stp tien do sao r? 2 tuan nay k thay cap nhat j").best
    assert (best.ask, best.agencies, best.action) == (Ask.PROGRESS, (STP,), None)
    # Asked of the bot, it is a request.
    assert _in_august("Sở tư pháp còn việc nào quá hạn, nhắc giúp em").best.action is Action.REMIND


def test_a_deadline_the_asker_recalls_names_the_task():
    vocabulary = _numbered_list(
        "Tham mưu tổ chức thực hiện dự toán ngân sách nhà nước năm 2026.",
        "Xây dựng dự toán thu chi ngân sách nhà nước năm 2027 và kế hoạch tài chính 3 năm",
    )
    best = _in_august("du toan ngan sach 2027 han khi nao vay, nho la quy 3", vocabulary).best
    assert (best.task, best.field, best.period) == (TaskRef(None, "2"), TaskField.DUE, None)


def test_the_outline_the_asker_drafts_asks_nothing():
    text = "Chị đang làm đề cương báo cáo 9 tháng. Em lập báo cáo 6 tháng đầu năm giúp chị."
    best = _in_august(text).best
    assert (best.ask, best.status) == (Ask.REPORT, None)
    assert best.period is not None and best.period.end == date(2026, 6, 30)
    text = "quý 3 còn mấy nhiệm vụ chưa hoàn thành. Đang làm đề cương bc 9 tháng"
    best = _in_august(text).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OPEN)
    assert best.period is not None and best.period.start == date(2026, 7, 1)


# ------------------------------------------- the second half of January, before Tết

JANUARY = date(2026, 1, 22)


def test_a_reminder_asked_in_its_own_clause_names_the_task_said_there():
    vocabulary = _numbered_list(
        "Xây dựng kế hoạch tuyên truyền cải cách hành chính",
        "Khảo sát mức độ hài lòng về dịch vụ y tế công",
        "Khảo sát mức độ hài lòng về dịch vụ giáo dục công",
        "Triển khai thanh toán không dùng tiền mặt tại bệnh viện, trường học",
        "Cập nhật Cơ sở dữ liệu cán bộ, công chức, viên chức",
    )
    text = "nhắc stp gửi kế hoạch tuyên truyền nhé, tháng 2 hết hạn mà tết nghỉ dài"
    best = read(text, vocabulary, today=JANUARY).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef(None, "1"))


def test_what_the_asker_needs_to_do_before_the_holiday_is_a_remark():
    for text in (
        "Tuần sau đên hạn bao nhiêu việc em? Chị cần nhắc các đơn vị trước khi nghỉ Tết.",
        "Từ giờ tới 13/2 có việc gì đến hạn không, trước khi nghỉ Tết còn kịp nhắc các đơn vị.",
    ):
        best = read(text, today=JANUARY).best
        assert (best.status, best.action) == (Status.DUE, None)
    # "đen" typed with neither its shape nor its tone, in "sắp đến hạn".
    assert read("sap đen han co viec gi ko", today=JANUARY).best.status is Status.DUE
    assert read("Tết năm nay cơ quan nghỉ từ ngày mấy vậy mn", today=JANUARY).best.ask is (
        Ask.OFF_TOPIC
    )


# ------------------------------------------- the first two weeks after Tết

AFTER_TET = date(2026, 2, 24)

_after_tet = partial(read, today=AFTER_TET)


def test_what_falls_due_before_tet_is_a_window_to_its_eve():
    best = read("trc tet phai xong nhung viec gi", today=JANUARY).best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)
    assert best.period is not None and best.period.label == "01/01/2026–16/02/2026"
    # "trước cuối tháng 2": up to the month's end, from the first of the year.
    best = _after_tet("những việc phải xong trước cuối tháng 2").best
    assert best.period is not None and best.period.label == "01/01/2026–28/02/2026"


def test_more_days_asked_for_a_task_ask_it_to_be_extended():
    vocabulary = _numbered_list("Kiểm soát thủ tục hành chính", "Bảo đảm an toàn thông tin")
    for text in ("việc 2 cho thêm 15 ngày được không", "cho việc 2 thêm 15 ngày nhé"):
        best = _after_tet(text, vocabulary).best
        assert (best.action, best.task, best.duration) == (
            Action.EXTEND,
            TaskRef(None, "2"),
            Duration(15, "day"),
        )
    # Days left are no request.
    assert _after_tet("việc 2 còn 15 ngày nữa", vocabulary).best.action is None


def test_a_report_the_reminder_asks_to_send_dates_no_window():
    best = _after_tet("nhắc sở tư pháp gửi báo cáo quý 4 giúp em, trễ rồi").best
    assert (best.action, best.agencies, best.period) == (Action.REMIND, (STP,), None)
    # Whom to remind, by what is overdue in a quarter, keeps its window.
    best = _after_tet("nhắc các đơn vị có việc quá hạn quý 4").best
    assert best.period is not None and best.period.label == "quý IV/2026"


def test_what_must_be_done_said_after_the_question_is_a_remark():
    text = "Việc bên mình chủ trì còn mấy cái chưa xong? Đầu năm phải làm gương chứ"
    best = _after_tet(text).best
    assert (best.ask, best.status, best.own, best.period) == (Ask.COUNT, Status.OPEN, True, None)
    # Asked alone, what must be done is what is due.
    assert _after_tet("tuần này phải làm những việc gì").best.status is Status.DUE


def test_a_room_numbered_as_a_task_is_small_talk():
    vocabulary = _numbered_list("Kiểm soát thủ tục hành chính", "Bảo đảm an toàn thông tin")
    assert _after_tet("chieu nay phong hop so 2 con trong ko em", vocabulary).best.ask is (
        Ask.OFF_TOPIC
    )
    assert _after_tet("việc số 2 ai chủ trì", vocabulary).best.task == TaskRef(None, "2")
    assert _after_tet("co ai biet tiem banh xeo gan so mo ban lai chua").best.ask is Ask.OFF_TOPIC
    # "da" typed bare is as often "đã" as "dạ": no small talk by itself.
    assert _after_tet("dạ vâng").best.ask is Ask.OFF_TOPIC
    assert _after_tet("da").best.ask is not Ask.OFF_TOPIC


def test_the_result_a_task_must_have_is_its_product():
    best = _after_tet("nhiem vu II.1 thi ket qua can co la gi").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.PRODUCT)


# ------------------------------------------- the first half of March

MARCH_10 = date(2026, 3, 10)


def test_the_time_a_task_is_carried_out_in_asks_when_it_is_due():
    vocabulary = _numbered_list(
        "Kiểm tra công tác cải cách hành chính tại các cơ quan, địa phương",
        "Cập nhật thủ tục hành chính lên Cơ sở dữ liệu quốc gia",
    )
    for text in (
        "Đợt kiểm tra CCHC tại các cơ quan năm nay thời gian thực hiện thế nào?",
        "kiểm tra CCHC tại các cơ quan thời gian thực hiện thế nào",
    ):
        best = read(text, vocabulary, today=MARCH_10).best
        assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.DUE)


def test_who_the_asker_is_is_no_status():
    # "qua mang" is "qua mảng" (moved to the field), no slip of "quá hạng".
    best = read("bot nay dung sao vay em, chi moi chuyen qua mang cchc", today=MARCH_10).best
    assert (best.ask, best.status) == (Ask.HELP, None)
    best = read("chị mới chuyển qua mảng cchc, quá hạn có mấy việc", today=MARCH_10).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OVERDUE)


def test_a_letter_typed_as_cv_is_named_by_what_it_does():
    best = read("cac so nganh phai phoi hop viec gi? e soan cv don doc", today=MARCH_10).best
    assert (best.ask, best.action, best.role) == (Ask.LIST, None, Role.SUPPORT)


def test_an_agency_the_plan_does_not_name_is_a_subject_small_talk_holds_too():
    assert read("quán nào gần ubnd tỉnh ăn trưa ngon", today=MARCH_10).best.ask is Ask.OFF_TOPIC
    assert (
        read("ai con giu anh chup hom 8/3 gui vao nhom voi", today=MARCH_10).best.ask
        is Ask.OFF_TOPIC
    )


# ------------------------------------------- the last ten days of April, before the holiday

APRIL_23 = date(2026, 4, 23)


def test_a_status_said_after_a_question_that_asks_its_own_is_a_remark():
    best = read("Sở Tư pháp còn việc nào chưa xong? bên đó hay chậm lắm", today=APRIL_23).best
    assert (best.agencies, best.status) == ((STP,), Status.OPEN)
    # Said in the question, it is the status asked.
    best = read("Sở Tư pháp còn việc nào chậm tiến độ?", today=APRIL_23).best
    assert best.status is Status.OVERDUE


def test_the_regions_which_and_where():
    vocabulary = _numbered_list("Thực thi phương án đơn giản hóa đã được phê duyệt")
    best = read("vụ phương án đơn giản hóa tới mô rồi", vocabulary, today=APRIL_23).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    text = "thực thi phương án đơn giản hóa thì đơn vị mô phối hợp?"
    best = read(text, vocabulary, today=APRIL_23).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.SUPPORT)


def test_what_a_product_holds_asks_for_the_product():
    vocabulary = _numbered_list("Tổ chức cuộc thi video clip sáng kiến cải cách hành chính")
    text = "Cuộc thi video clip sáng kiến CCHC thì sản phẩm gồm những gì?"
    best = read(text, vocabulary, today=APRIL_23).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PRODUCT)


def test_a_dash_between_spaces_parts_the_question_from_its_context():
    text = "đầu tháng 7 đoàn về kiểm tra - những việc gì phải xong trước 30/6?"
    best = read(text, today=APRIL_23).best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)
    assert best.period is not None and best.period.label == "01/01/2026–30/06/2026"


def test_a_body_met_and_then_asked_of_as_that_side_is_the_subject():
    best = read("họp sở tư pháp sáng mai. có gì quá hạn bên đó không", today=APRIL_23).best
    assert (best.agencies, best.status, best.period) == ((STP,), Status.OVERDUE, None)
    # Met alone, it is no subject.
    best = read("chiều mai họp sở tư pháp, quá hạn có mấy việc", today=APRIL_23).best
    assert best.agencies == ()
    # A body that cooperates ("phối hợp") is no meeting: the day is the window.
    best = read("những việc stp phối hợp đến hạn ngày mai", today=APRIL_23).best
    assert best.period is not None and best.period.start == date(2026, 4, 24)


def test_cooperating_on_a_review_is_no_review_meeting():
    vocabulary = _numbered_list("Tổng kết công tác cải cách hành chính năm 2026")
    best = read("ai phối hợp tổng kết năm cải cách hành chính?", vocabulary, today=APRIL_23).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.SUPPORT)
    assert read("chiều nay họp tổng kết ở đâu", today=APRIL_23).best.ask is Ask.OFF_TOPIC


# ------------------------------------------- the second week of December

DECEMBER_9 = date(2026, 12, 9)


def test_a_titles_word_typed_without_its_tone_still_names_it():
    vocabulary = _numbered_list(
        "Tổ chức kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính",
        "Theo dõi, tổng hợp tình hình thực hiện Chỉ thị",
    )
    best = read("kiểm tra đột xuât kỷ cương làm tới đâu rồi", vocabulary, today=DECEMBER_9).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)


def test_a_task_updated_as_done_is_marked_done():
    vocabulary = _numbered_list("Tổ chức kiểm tra đột xuất", "Theo dõi việc thực hiện")
    text = "Kết quả kiểm tra đột xuất báo cáo rồi, cập nhật việc 1 hoàn thành giúp anh."
    best = read(text, vocabulary, today=DECEMBER_9).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef(None, "1"))
    # Done in part is progress.
    best = read("nv 1 xong 90% r, cap nhat giup", vocabulary, today=DECEMBER_9).best
    assert best.action is Action.REPORT_PROGRESS


def test_next_years_plan_is_a_task_of_this_one():
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        title="Kế hoạch cải cách hành chính năm 2026",
        tasks=(
            TaskEntry(None, "1", "Xây dựng Kế hoạch cải cách hành chính năm 2027"),
            TaskEntry(None, "2", "Kiểm tra công tác cải cách hành chính"),
        ),
    )
    best = read(
        "Kế hoạch CCHC 2027 tới đâu rồi? mai họp giao ban", vocabulary, today=DECEMBER_9
    ).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    assert read("Kế hoạch CCHC 2026 tới đâu rồi", vocabulary, today=DECEMBER_9).best.task is None


def test_a_citys_own_tasks_said_as_its_own():
    for text in ("ds việc chưa xong của thành phố mình", "xuat excel cac nhiem vu cua tp minh"):
        assert read(text, today=DECEMBER_9).best.own
    city = _plan_of_2026(
        tasks=(TaskEntry(None, "1", "Niêm yết thủ tục hành chính"),),
        title="Cải cách hành chính thành phố Hải Phòng năm 2026",
    )
    assert not read("tp mình còn bao nhiêu việc quá hạn", city, today=DECEMBER_9).best.own


def test_what_the_asker_hands_in_soon_is_no_status():
    text = "tóm tắt tiến độ chung của cả kế hoạch giúp chị, sắp phải nộp báo cáo năm rồi"
    best = read(text, today=DECEMBER_9).best
    assert (best.ask, best.status, best.period) == (Ask.PROGRESS, None, None)


def test_words_of_the_december_office():
    assert (
        read("dang lam do bao nhieu viec, bao a con so thoi", today=DECEMBER_9).best.agencies == ()
    )
    best = read("mấy việc sở tư pháp chủ trì giờ còn cái nào chưa xong", today=DECEMBER_9).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)
    for text in ("nam nay thuong tet dc may thang luong vay mn", "luong thang 13 bao gio ve nhi"):
        assert read(text, today=DECEMBER_9).best.ask is Ask.OFF_TOPIC
    # Said to the phone, "ờ" is no word of the question.
    vocabulary = _numbered_list("Thí điểm mô hình một cửa không phụ thuộc địa giới hành chính")
    text = "ờ cái thí điểm một cửa không phụ thuộc địa giới à đang tới đâu rồi"
    assert read(text, vocabulary, today=DECEMBER_9).best.task == TaskRef(None, "1")


def test_a_tasks_words_after_its_head_ask_no_help():
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))
    asked = read("việc hướng dẫn, ai chủ trì?", province, today=DECEMBER_9).best
    assert asked.ask is not Ask.HELP
    assert read("hướng dẫn sử dụng", province, today=DECEMBER_9).best.ask is Ask.HELP


# ------------------------------------------- the first week of October

OCTOBER_5 = date(2026, 10, 5)


def test_a_row_said_by_its_place_in_words_before_its_task():
    vocabulary = PlanVocabulary(
        tasks=(
            TaskEntry(
                None,
                "4",
                "Sắp xếp đơn vị sự nghiệp công lập",
                activities=(1, 2),
                rows=("Rà soát các đơn vị sự nghiệp", "Trình phương án sắp xếp"),
            ),
        )
    )
    text = "dong thu 2 cua viec so 4 thi ai phoi hop"
    assert read(text, vocabulary, today=OCTOBER_5).best.task == TaskRef(None, "4", 2)


def test_the_asker_beside_a_question_of_the_whole_plan_asks_of_the_plan():
    text = "Dạ, xã em đang làm báo cáo 9 tháng ạ. Cho em xin tóm tắt tiến độ của cả chỉ thị."
    best = read(text, today=OCTOBER_5).best
    assert (best.ask, best.own) == (Ask.PROGRESS, False)
    assert read("xã em còn việc gì chưa xong", today=OCTOBER_5).best.own


def test_when_a_superior_asks_is_no_window():
    text = "việc bên mình chủ trì còn cái nào quá hạn, sáng mai giám đốc hỏi"
    best = read(text, today=OCTOBER_5).best
    assert (best.status, best.own, best.period) == (Status.OVERDUE, True, None)
    assert read("việc nào đến hạn ngày mai", today=OCTOBER_5).best.period is not None


def test_the_souths_words_for_help_and_lunch():
    assert read("bot nay xai sao vay, chi a may lenh voi", today=OCTOBER_5).best.ask is Ask.HELP
    assert read("trua nay an com ga hong may ba", today=OCTOBER_5).best.ask is Ask.OFF_TOPIC
    text = "da anh chi cho em hoi 20/10 nam nay co quan minh co duoc nghi khong a"
    assert read(text, today=OCTOBER_5).best.ask is Ask.OFF_TOPIC


# ------------------------------------------- the first week of July

JULY_6 = date(2026, 7, 6)
# A prose plan whose fields are sections II.1 to II.7, their points lettered, each point's
# dashed items numbered ("II.1.b.2").
POINTS_OF_FIELDS = _plan(
    {"II.1": "Chỉ đạo, điều hành", "II.3": "Cải cách TTHC", "II.7": "Hiện đại hóa hành chính"},
    *(
        TaskEntry(*item.split("|"))
        for item in (
            "II.1|b.1|Xây dựng kế hoạch tuyên truyền cải cách hành chính",
            "II.1|d.3|Triển khai các nhiệm vụ Chủ tịch UBND tỉnh giao đúng thời gian",
            "II.3|d.3|Giải quyết thủ tục hành chính theo cơ chế một cửa liên thông",
            "II.7|c.3|Cung cấp dịch vụ công trực tuyến mức độ 3, 4",
            "II.7|d|Lộ trình cung cấp dịch vụ công trực tuyến",
        )
    ),
)


def test_a_points_letter_said_by_its_name():
    text = "nhiệm vụ một chấm bê kế hoạch tuyên truyền phối hợp với những đơn vị nào"
    assert read(text, POINTS_OF_FIELDS, today=JULY_6).best.task == TaskRef("II.1", "b.1")
    text = "nhiệm vụ bảy đê lộ trình dịch vụ công trực tuyến thì sản phẩm đầu ra là gì"
    assert read(text, POINTS_OF_FIELDS, today=JULY_6).best.task == TaskRef("II.7", "d")
    # Typed bare right after a number, "de" is "để": no letter.
    best = read("việc 7 de làm gì", POINTS_OF_FIELDS, today=JULY_6).best
    assert best.task != TaskRef("II.7", "d")


def test_a_day_said_in_words_before_its_month():
    best = read("từ giờ tới ba mươi tháng chín còn những việc nào chưa xong", today=JULY_6).best
    assert best.period is not None and (best.period.start, best.period.end) == (
        JULY_6,
        date(2026, 9, 30),
    )


def test_a_section_numbered_in_figures_after_its_head():
    for text in (
        "mục 2.7 còn bao nhiêu việc chưa xong",
        "mục hai chấm bảy hiện đại hóa hành chính còn bao nhiêu việc chưa xong",
    ):
        best = read(text, POINTS_OF_FIELDS, today=JULY_6).best
        assert (best.ask, best.section, best.period) == (Ask.COUNT, "II.7", None)


def test_a_points_item_typed_with_a_dot():
    reading = read("cho hỏi nv d.3 hạn khi nào vậy", POINTS_OF_FIELDS, today=JULY_6)
    assert {c.task for c in reading.choices} == {TaskRef("II.1", "d.3"), TaskRef("II.3", "d.3")}


def test_a_section_numbered_with_a_dot_is_named_in_arabic_figures_too() -> None:
    # A ward's plan numbers its fields "II.1", "II.2" and their duties a, b: "nv 2.1" is
    # field II.1 as "nv II.1" is (which duty, asked back), not the date 2 January.
    ward = PlanVocabulary(
        sections=(SectionRef("II.1", "Cải cách thủ tục hành chính"),),
        tasks=(
            TaskEntry("II.1", "a", "Rà soát, đơn giản hóa thủ tục hành chính"),
            TaskEntry("II.1", "b", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"),
        ),
    )
    typed = read("nv 2.1 ben nao chu tri vay", ward, today=date(2026, 12, 9))
    assert typed.ask_back and typed.best.period is None
    assert [i.task for i in typed.choices] == [TaskRef("II.1", "a"), TaskRef("II.1", "b")]
    assert typed.best.field == TaskField.LEAD


def test_how_far_the_work_got_is_asked_not_reported():
    vocabulary = _numbered_list("Kết nối phần mềm quản lý văn bản tới 100% cấp xã")
    best = read("nv 1 đã làm đc tới đâu r", vocabulary, today=JULY_6).best
    assert (best.ask, best.field) == (Ask.TASK, TaskField.PROGRESS)


def test_who_must_carry_it_out_is_the_lead():
    vocabulary = _numbered_list("Gửi quyết định bổ nhiệm về Sở Nội vụ trong vòng 15 ngày")
    text = "việc gửi qđ bổ nhiệm về sở nội vụ là bên nào phải thực hiện"
    assert read(text, vocabulary, today=JULY_6).best.field is TaskField.LEAD


def test_the_share_a_task_requires_is_its_product():
    vocabulary = _numbered_list("Sử dụng thư điện tử công vụ trong cơ quan nhà nước")
    text = "nv 1 thư công vụ yêu cầu bao nhiêu % cbcc sử dụng"
    assert read(text, vocabulary, today=JULY_6).best.field is TaskField.PRODUCT


def test_the_service_centre_shortened_to_tt():
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))
    best = read("cho xem chi tiết việc kiện toàn TT phục vụ hcc xã", province, today=JULY_6).best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.CARD)


def _titled(title: str, task: str) -> PlanVocabulary:
    """A plan of this title and one task, numbered 1."""
    tasks = [TaskEntry(None, "1", task)]
    return PlanVocabulary.build(DIRECTORY, years=(2026, 2026), tasks=tasks, title=title)


def test_the_overall_progress_of_the_plan_named_in_other_words():
    vocabulary = _titled(
        "Giải pháp cải thiện Chỉ số cải cách hành chính năm 2026",
        "Chấm điểm chỉ số cải cách hành chính của tỉnh",
    )
    text = "sếp hỏi tiến độ chung của kế hoạch nâng chỉ số cải cách hành chính giờ thế nào rồi"
    best = read(text, vocabulary, today=JULY_6).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_a_task_that_makes_a_plan_is_named_by_its_verb():
    vocabulary = _titled(
        "Cải cách hành chính năm 2026 của Bộ",
        "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026",
    )
    best = read("việc ban hành kế hoạch cchc 2026 thì sản phẩm là gì", vocabulary, today=JULY_6)
    assert best.best.task == TaskRef(None, "1")


def test_the_plan_said_by_its_titles_initials():
    vocabulary = _titled(
        "Kiểm soát thủ tục hành chính tỉnh Khánh Hòa năm 2026",
        "Rà soát thủ tục hành chính lĩnh vực đất đai",
    )
    best = read("chị ơi cho em hỏi kh kstthc xong đc mấy việc rồi ạ", vocabulary, today=JULY_6)
    assert (best.best.ask, best.best.agencies) == (Ask.COUNT, ())


def test_where_the_asker_has_just_come_to_is_no_subject():
    text = "em mới về văn phòng, bot này hỏi được những gì ạ"
    assert read(text, today=JULY_6).best.ask is Ask.HELP


def test_a_deputy_minister_asking_is_context():
    vocabulary = _numbered_list(
        "Đơn giản hóa thủ tục hành chính lĩnh vực sở hữu trí tuệ",
        "Công bố thủ tục hành chính thuộc phạm vi quản lý của Bộ",
    )
    reading = read("thứ trưởng hỏi việc thủ tục hành chính tới đâu rồi", vocabulary, today=JULY_6)
    assert {c.task for c in reading.choices} == {TaskRef(None, "1"), TaskRef(None, "2")}


# ------------------------------------------- the last week of May

MAY_27 = date(2026, 5, 27)
DIRECTIVE_12 = plan_vocabulary(plan_path("chi_thi_thanh_hoa"))
TABLE = plan_vocabulary(plan_path("lao_cai_bang_phan_cong"))


def test_a_points_letter_written_with_its_parenthesis():
    vocabulary = _plan(
        {"II.1": "Cải cách thể chế", "II.2": "Cải cách thủ tục hành chính"},
        TaskEntry("II.1", "đ", "Theo dõi thi hành pháp luật"),
        TaskEntry("II.2", "đ", "Số hóa hồ sơ"),
    )
    reading = read("Cho hỏi việc đ) ai chủ trì ạ", vocabulary, today=MAY_27)
    assert {c.task for c in reading.choices} == {TaskRef("II.1", "đ"), TaskRef("II.2", "đ")}


def test_a_documents_number_names_the_document():
    text = "cho em xin báo cáo tổng hợp tình hình thực hiện Chỉ thị 12/CT-UBND ạ"
    best = read(text, DIRECTIVE_12, today=MAY_27).best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())
    best = read("tiến độ chung chỉ thị 12 tới nay sao rồi", DIRECTIVE_12, today=MAY_27).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)
    vocabulary = _numbered_list(
        "Xây dựng báo cáo sơ kết 02 năm thực hiện Nghị quyết số 02-NQ/BCSD", "Tuyên truyền"
    )
    text = "việc xây dựng báo cáo sơ kết thực hiện Nghị quyết số 02-NQ/BCSD thì hạn chót khi nào"
    assert read(text, vocabulary, today=MAY_27).best.task == TaskRef(None, "1")


def test_a_title_pasted_then_asked_about_as_this_task():
    text = (
        "Theo dõi tỷ lệ hồ sơ trực tuyến toàn trình, báo cáo Chủ tịch UBND tỉnh hằng tháng... "
        "cho xem chi tiết nv này"
    )
    best = read(text, DIRECTIVE_12, today=MAY_27).best
    assert (best.task, best.field) == (TaskRef(None, "2.a"), TaskField.CARD)


def test_reminders_the_asker_schedules_are_no_request():
    text = (
        "em cần lên lịch đôn đốc các đơn vị, cho em xin danh sách các nhiệm vụ có hạn trong tháng 6"
    )
    best = read(text, DIRECTIVE_12, today=MAY_27).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)


def test_what_the_asker_saw_after_the_question_asks_nothing():
    text = (
        "Sở Thông tin và Truyền thông có được giao nhiệm vụ gì trong Chỉ thị này không ạ? "
        "Em thấy trong danh sách nơi nhận cũ vẫn còn tên sở này"
    )
    assert read(text, DIRECTIVE_12, today=MAY_27).best.status is None


def test_the_askers_own_part_in_a_remark_with_its_role():
    vocabulary = _plan({"II": "Cải cách thể chế"}, TaskEntry("II", "1", "Rà soát văn bản"))
    text = "Phần Cải cách thể chế tiến độ tới đâu rồi ạ? Phần này phòng em chủ trì gần hết"
    best = read(text, vocabulary, today=MAY_27).best
    assert (best.section, best.own, best.role) == ("II", False, None)


def test_several_bodies_said_with_may_are_no_count():
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))
    best = read("may xa phuong con nhung viec nao qua han", province, today=MAY_27).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OVERDUE)


def test_help_asked_at_the_end_of_a_newcomers_greeting():
    text = (
        "Dạ em chào anh chị, em mới được giao theo dõi mảng này nên chưa rõ mình hỏi bot được "
        "những gì và hỏi như thế nào ạ?"
    )
    assert read(text, TABLE, today=MAY_27).best.ask is Ask.HELP


def test_public_education_services_shortened():
    best = read("ks hai long dv gd cong toi dau r", TABLE, today=MAY_27).best
    assert best.task == TaskRef(None, "3")


def test_the_year_of_the_plans_own_title_after_a_report_asked_of_it():
    text = "cho em xin báo cáo tổng hợp của bảng phân công nhiệm vụ CCHC năm 2026 ạ"
    best = read(text, TABLE, today=MAY_27).best
    assert (best.ask, best.period) == (Ask.REPORT, None)


def test_due_in_a_window_already_past_and_not_done_is_open():
    text = "những việc nào đến hạn quý I chưa hoàn thành"
    assert read(text, today=MAY_27).best.status is Status.OPEN
    # ... so in a window begun (what fell due on its past days is overdue), not in one to come.
    assert read(text, today=date(2026, 2, 2)).best.status is Status.OPEN
    text = "những việc nào đến hạn quý II chưa hoàn thành"
    assert read(text, today=date(2026, 2, 2)).best.status is Status.DUE


# ------------------------------------------- the first week of April

APRIL_7 = date(2026, 4, 7)
PRINTED = _plan(
    {"I": "Chỉ đạo điều hành", "II": "Cải cách thể chế", "III": "Cải cách TTHC"},
    *(
        TaskEntry(section, number, f"Nhiệm vụ {section}.{number}")
        for section in ("I", "II", "III")
        for number in ("1", "2", "3")
    ),
)


def test_a_row_of_a_section_as_printed():
    best = read("mục II dòng 3 hạn nộp là khi nào vậy", PRINTED, today=APRIL_7).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.DUE)
    best = read("gia hạn mục I dòng 1 thêm 15 ngày nha", PRINTED, today=APRIL_7).best
    assert (best.action, best.task) == (Action.EXTEND, TaskRef("I", "1"))
    reading = read("dòng 3 ai phối hợp vậy", PRINTED, today=APRIL_7)
    assert {c.task for c in reading.choices} == {TaskRef(s, "3") for s in ("I", "II", "III")}
    # A row said before its task is the task's row, as it was.
    best = read("dòng 2 của nhiệm vụ III.1 ai chủ trì", PRINTED, today=APRIL_7).best
    assert best.task is not None and best.task.number == "1"


def test_central_words_for_how_and_how_many():
    best = read("quý II có nhiêu việc tới hạn vậy chị", today=APRIL_7).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.DUE)
    assert read("bot ni dùng ra răng, chỉ c với", today=APRIL_7).best.ask is Ask.HELP
    # Typed bare, "nhieu" is "nhiều": no count.
    assert read("nhieu viec qua han qua", today=APRIL_7).best.ask is not Ask.COUNT


def test_a_sections_title_said_after_its_number_without_its_of():
    communes = plan_vocabulary(plan_path("danh_muc_gia_lai"))
    reading = read("mục II nhiệm vụ cấp xã tiến độ răng rồi", communes, today=APRIL_7)
    assert not reading.ask_back and reading.best.section == "II"


def test_a_bodys_first_words_by_their_initials():
    ward = plan_vocabulary(plan_path("phuong_hoa_khanh"))
    best = read("phòng kt còn việc nào quá hạn", ward, today=APRIL_7).best
    assert best.agencies == ("phong-kinh-te-ha-tang-do-thi",)


def test_the_askers_part_in_a_task_said_in_a_remark():
    vocabulary = _plan({"II": "Cải cách thể chế"}, TaskEntry("II", "3", "Rà soát văn bản"))
    text = "nv 2.3 han nam nao, ben minh phoi hop ma quen mat"
    best = read(text, vocabulary, today=APRIL_7).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.DUE)


# ------------------------------------------- the middle of November

NOVEMBER_16 = date(2026, 11, 16)


def test_a_dashed_item_of_a_point_of_a_numbered_part():
    vocabulary = _plan(
        {"II.3": "Cải cách thủ tục hành chính"},
        *(TaskEntry("II.3", f"a.{n}", f"Hoạt động {n}") for n in range(1, 7)),
    )
    text = "mục II.3 điểm a gạch thứ 6 thì sản phẩm đầu ra là gì"
    assert read(text, vocabulary, today=NOVEMBER_16).best.task == TaskRef("II.3", "a.6")


def test_work_left_half_done():
    assert read("sở tư phap có mấy nv đang dở", today=NOVEMBER_16).best.status is Status.OPEN
    assert read("nv nào đang làm dở", today=NOVEMBER_16).best.status is Status.IN_PROGRESS


def test_what_the_asker_hands_in_is_said_with_what_it_is():
    text = "den gio xong dc may viec r, 20/11 phai nop tu cham diem"
    best = read(text, today=NOVEMBER_16).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.DONE)


def test_an_agency_merged_after_the_plan_ended_is_itself():
    def named(years: tuple[int, int]) -> tuple[str, ...]:
        vocabulary = PlanVocabulary.build(DIRECTORY, years=years, agencies=[SNV, STP])
        return read("sở lđtbxh có việc gì", vocabulary, today=NOVEMBER_16).best.agencies

    assert named((2021, 2021)) == ("so-lao-dong-thuong-binh-va-xa-hoi",)
    assert named((2026, 2026)) == (SNV,)


def test_the_overall_progress_of_the_plan_without_of():
    path = plan_path("004")  # a province's plan whose titles hold "chữ ký số ... dùng chung"
    if path is None:
        pytest.skip("the seed plans are not here")
    text = "tóm tắt tiến độ chung kế hoạch giúp c, 2h chiều cần"
    best = read(text, plan_vocabulary(path), today=NOVEMBER_16).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_the_weeks_digest_asked_for_with_a_hurry_after_it():
    best = read("cho xin tong hop tuan nay, gap", today=NOVEMBER_16).best
    assert best.ask is Ask.DIGEST


def test_a_weekday_is_no_number_of_days():
    best = read("hnay thu 6 ngay 13 do, ca nha can than =))", today=NOVEMBER_16).best
    assert (best.ask, best.duration) == (Ask.OFF_TOPIC, None)


def test_this_directive_is_the_plan_not_a_title():
    best = read("Sở Tư pháp có gì trong chỉ thị này", DIRECTIVE_12, today=NOVEMBER_16).best
    assert (best.ask, best.task, best.agencies) == (Ask.LIST, None, (STP,))


# ------------------------------------------- the first week of September

SEPTEMBER_7 = date(2026, 9, 7)


def test_a_holiday_named_by_its_date_is_no_window():
    best = read("Vừa nghỉ lễ 2/9 xong, cho chị danh sách các việc đang quá hạn", today=SEPTEMBER_7)
    assert (best.best.status, best.best.period) == (Status.OVERDUE, None)
    assert read("nghỉ lễ 2/9 xong mệt quá bot ơi", today=SEPTEMBER_7).best.ask is Ask.OFF_TOPIC
    # A day asked of stays a window.
    assert read("việc nào đến hạn 30/9", today=SEPTEMBER_7).best.period is not None


def test_a_task_named_by_its_number_is_offered_once_whatever_names_its_words():
    vocabulary = _plan(
        {"VI": "Cải cách tài chính công"},
        TaskEntry("VI", "3", "Tự chủ tài chính của đơn vị sự nghiệp công lập"),
        agencies=(STP, SNV, "so-tai-chinh"),
    )
    text = "Em bên Sở Tài chính ạ, cho em hỏi nv VI.3 về tự chủ tài chính thì hạn là khi nào"
    reading = read(text, vocabulary, today=SEPTEMBER_7)
    assert not reading.ask_back and reading.best.task == TaskRef("VI", "3")


# ------------------------------------------- the weeks after Tết

FEBRUARY_18 = date(2025, 2, 18)


def test_a_syllable_ending_in_a_stop_typed_without_its_tone():
    # "nhăc": no syllable ending in c, ch, p or t is without a tone, so it is "nhắc".
    assert agree(marks("nhăc"), marks("nhắc"))
    assert read("nhăc stp nộp bc nhé", today=FEBRUARY_18).best.action is Action.REMIND
    # A syllable that may be toneless stays another word: "ban" is no "bán".
    assert not agree(marks("bàn"), marks("bán"))


def test_a_title_word_typed_without_its_vowels_shape():
    vocabulary = _plan(
        {},
        TaskEntry(None, "3", "Rà soát, đơn giản hóa thủ tục hành chính"),
        TaskEntry(
            None, "4", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức cấp xã"
        ),
    )
    text = "tập huán kstthc cho công chức xã hạn chót khi nào"
    best = read(text, vocabulary, today=FEBRUARY_18).best
    assert (best.task, best.field) == (TaskRef(None, "4"), TaskField.DUE)


def test_next_week_typed_with_its_letters_swapped():
    best = read("tuan sua co han nhung viec nao", today=FEBRUARY_18).best
    assert best.period == Period(PeriodKind.WEEK, date(2025, 2, 24), date(2025, 3, 2))


def test_a_date_takes_the_year_said_after_it():
    best = read("việc nào hạn 25/12 năm ngoái mà chưa xong", today=FEBRUARY_18).best
    assert best.period == Period(PeriodKind.DAY, date(2024, 12, 25), date(2024, 12, 25))
    # A day said alone is in the plan's year.
    assert read("việc nào hạn 25/12", today=FEBRUARY_18).best.period.start.year == 2026


def test_remarks_after_the_question_say_nothing_of_it():
    # Why the asker asks, with what was done to others ("bị nhắc"): no request, no window.
    text = "có bn việc quá hạn r ạ, năm ngoái tồn mấy việc bị nhắc mãi nên e hỏi trc"
    best = read(text, today=FEBRUARY_18).best
    assert (best.ask, best.status, best.period, best.action) == (
        Ask.COUNT,
        Status.OVERDUE,
        None,
        None,
    )
    # What the asker says of them, and what she is busy with.
    best = read("stp con viec nao chua xong ko, nam ngoai ho cham lam", today=FEBRUARY_18).best
    assert (best.status, best.period, best.agencies) == (Status.OPEN, None, (STP,))
    text = "còn nv nào hạn từ năm ngoái mà chưa xong ko, đang rà lại tồn đọng"
    assert read(text, today=FEBRUARY_18).best.status is Status.OPEN
    # A later clause that asks, or asks something done, stays.
    best = read("stp còn mấy việc, nhắc họ giúp em", today=FEBRUARY_18).best
    assert best.action is Action.REMIND


def test_a_document_a_task_makes_named_after_plan_with_a_wish_before_it():
    vocabulary = _plan(
        {"VI": "Cải cách tài chính công"},
        TaskEntry(
            "VI",
            "6",
            "Xây dựng Kế hoạch hành động thực hiện năm 2025",
            words="Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số PCI",
        ),
        TaskEntry(
            "VI",
            "7",
            "Tổ chức hội nghị đối thoại với doanh nghiệp",
            words="Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số PCI",
        ),
        year=2025,
    )
    text = "Xuân an lành ạ. Kh hành động cải thiện PCI năm 2025 tới đâu rồi"
    best = read(text, vocabulary, today=FEBRUARY_18).best
    assert (best.task, best.field) == (TaskRef("VI", "6"), TaskField.PROGRESS)
    # The plan's own subject after "kế hoạch" is still the whole plan.
    best = read("tóm tắt tình hình thực hiện kế hoạch cchc", vocabulary, today=FEBRUARY_18).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_a_tet_wish_is_small_talk():
    assert read("ăn tết vui ko bot", today=FEBRUARY_18).best.ask is Ask.OFF_TOPIC
    assert read("chúc mừng năm mới mọi người ở sở", today=FEBRUARY_18).best.ask is Ask.OFF_TOPIC
    text = "Chúc mừng năm mới ạ, cho em hỏi stp còn mấy việc chưa xong"
    best = read(text, today=FEBRUARY_18).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OPEN, (STP,))


def test_the_summary_report_asked_for_is_no_title():
    # A ward's plan whose task III.1 "tổng hợp báo cáo ... gửi Sở Nội vụ".
    vocabulary = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    text = "e xin báo cáo tổng hợp kế hoạch cchc của phường để gửi lãnh đạo"
    assert read(text, vocabulary, today=FEBRUARY_18).best.ask is Ask.REPORT


# ------------------------------------------- the middle of December

DECEMBER_11 = date(2026, 12, 11)


def test_a_question_forwarded_is_asked_of_what_it_names_not_of_who_sent_it():
    text = "Thành viên BCĐ hỏi: sở nào còn nhiều việc quá hạn nhất"
    best = read(text, today=DECEMBER_11).best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OVERDUE, ())
    text = "Đ/c Ủy viên BCĐ hỏi: Sở Tư pháp có việc gì"
    assert read(text, today=DECEMBER_11).best.agencies == (STP,)
    # A body's "hội nghị" is no "hỏi", and "nhận" no "nhắn".
    assert read("sở tư pháp nhan viec gi", today=DECEMBER_11).best.agencies == (STP,)


def test_a_director_typed_short_is_who_asks_not_a_title():
    vocabulary = _plan(
        {"II": "Cải cách thủ tục hành chính"},
        TaskEntry("II", "3", "UBND huyện Sơn Tịnh xây dựng Đề án áp dụng cơ chế một cửa"),
        TaskEntry("II", "4", "Rà soát thủ tục hành chính"),
    )
    text = "Anh Phó GĐ hỏi: đề án một cửa ở Sơn Tịnh tới đâu rồi e"
    best = read(text, vocabulary, today=DECEMBER_11).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.PROGRESS)


def test_how_many_percent_done_is_the_progress():
    for text in (
        "A Hùng PGĐ nhắn: tính tới giờ cả kh xong đc bn % r",
        "hoàn thành được bao nhiêu % rồi",
    ):
        best = read(text, today=DECEMBER_11).best
        assert (best.ask, best.status) == (Ask.PROGRESS, None), text


def test_the_whole_list_is_the_plan():
    vocabulary = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])  # "DANH MỤC NHIỆM VỤ ..."
    text = "tiến độ chung cả danh mục được bao nhiêu % rồi, a PGĐ cần số liệu"
    best = read(text, vocabulary, today=DECEMBER_11).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_a_body_said_as_where_a_place_is_is_no_subject():
    best = read("quán phở gần văn phòng UBND tỉnh có ngon không", today=DECEMBER_11).best
    assert best.ask is Ask.OFF_TOPIC
    assert read("văn phòng ubnd tỉnh gần hết hạn việc nào", today=DECEMBER_11).best.agencies == (
        VP,
    )


# ------------------------------------------- the last week of March

MARCH_27 = date(2026, 3, 27)


def test_what_the_asker_fears_or_will_do_after_the_question_says_nothing_of_it():
    text = "có việc nào hạn trong quý I mà chưa xong ko, sợ trễ báo cáo quý"
    best = read(text, today=MARCH_27).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)
    text = "gửi giúp em báo cáo tổng hợp kế hoạch cchc 2026, em ghép vào báo cáo quý I của sở"
    reading = read(text, today=MARCH_27)
    assert (reading.best.ask, reading.ask_back) == (Ask.REPORT, False)


def test_some_colleagues_of_a_body_are_no_count():
    text = "mấy a bên tư pháp mới chuyển về hỏi, sở tư pháp có đc giao nv nào ko"
    best = read(text, today=MARCH_27).best
    assert (best.ask, best.agencies) == (Ask.LIST, (STP,))
    # "tháng mấy ạ" still asks when.
    assert read("tập huấn hạn tháng mấy a", today=MARCH_27).best.ask is not Ask.OFF_TOPIC


def test_a_section_described_by_its_communes_is_the_section():
    vocabulary = _plan(
        {"I": "Nhiệm vụ của các sở", "II": "Nhiệm vụ của cấp xã"},
        TaskEntry("I", "1", "Nâng cao chất lượng phục vụ"),
        TaskEntry("II", "1", "Niêm yết công khai thủ tục hành chính"),
        agencies=(STP, SNV, "ubnd-cap-xa"),
    )
    best = read("mục II ubnd cấp xã tiến độ chung thế nào", vocabulary, today=MARCH_27).best
    assert (best.ask, best.section, best.agencies) == (Ask.PROGRESS, "II", ())


# ------------------------------------------- the second week of August

AUGUST_12 = date(2026, 8, 12)


def test_the_topic_before_then_names_the_task():
    path = plan_path("003")  # II.1.3: "Thẩm định dự thảo văn bản", a row of task II.1
    if path is None:
        pytest.skip("the seed plans are not here")
    vocabulary = plan_vocabulary(path)
    text = "Việc thẩm định dự thảo văn bản QPPL thì sản phẩm phải ra là gì nhỉ?"
    best = read(text, vocabulary, today=date(2025, 8, 12)).best
    assert (best.task, best.field) == (TaskRef("II", "1", 3), TaskField.PRODUCT)


def test_a_point_said_as_a_clause_the_part_left_out_the_asker_s_meeting_and_a_northern_tre():
    best = read("nhac stc khoan 6 giup minh", DIRECTIVE, today=AUGUST_12).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef(None, "6"))
    text = "danh sách các việc sở tư pháp tham gia phối hợp thôi không tính việc chủ trì"
    assert read(text, today=AUGUST_12).best.role is Role.SUPPORT
    reading = read("Quý 3 có những việc nào đến hạn? mai họp vụ cần nắm", today=AUGUST_12)
    assert (reading.best.status, reading.best.agencies, reading.ask_back) == (
        Status.DUE,
        (),
        False,
    )
    best = read("sở tư pháp những việc nào đang bị chễ hạn", today=AUGUST_12).best
    assert best.status is Status.OVERDUE
    # Typed bare, "che han" is no "chễ hạn": "biên chế hạn mấy".
    assert read("tinh gian bien che han may", today=AUGUST_12).best.status is None


# ------------------------------------------- the first week of January

JANUARY_7 = date(2026, 1, 7)


def test_a_newcomer_s_words_and_a_letter_s_formulas_ask_nothing():
    best = read("moi nhan file, hoi nhanh: co bn viec qua han r", today=JANUARY_7).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OVERDUE)
    text = "Kính gửi: nhacviec. Đề nghị cung cấp báo cáo tổng hợp tình hình thực hiện Kế hoạch"
    assert read(text, today=JANUARY_7).best.ask is Ask.REPORT
    vocabulary = _tasks(
        TaskEntry("II", "12", "Biên soạn Sổ tay nghiệp vụ xây dựng pháp luật"),
        TaskEntry("II", "13", "Rà soát văn bản quy phạm pháp luật"),
    )
    text = (
        "Kính gửi bot, đề nghị cho biết nhiệm vụ biên soạn Sổ tay nghiệp vụ đến nay đã xong chưa?"
    )
    best = read(text, vocabulary, today=JANUARY_7).best
    assert (best.task, best.field) == (TaskRef("II", "12"), TaskField.PROGRESS)


def test_last_december_is_no_news():
    best = read("tháng 12 vừa rồi xong đc mấy việc r", today=JANUARY_7).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.DONE)


# ------------------------------------------- the middle of June

JUNE_12 = date(2024, 6, 12)


def test_a_point_s_letter_after_viec_under_a_numbered_part():
    vocabulary = _tasks(
        TaskEntry("II.2", "a", "Xây dựng kế hoạch kiểm soát thủ tục hành chính"),
        TaskEntry("II.2", "b", "Rà soát, đánh giá thủ tục hành chính"),
        sections=(SectionRef("II.2", "Cải cách thủ tục hành chính"),),
        year=2024,
    )
    best = read("@nhacviec_bot mục II.2 việc b ai chủ trì vậy", vocabulary, today=JUNE_12).best
    assert (best.task, best.field) == (TaskRef("II.2", "b"), TaskField.LEAD)


def test_the_boss_s_use_of_the_figures_and_someone_s_room_ask_nothing():
    text = "tiến độ chung kh cchc thế nào, sếp cần số liệu đưa vào bc sơ kết"
    assert read(text, today=JUNE_12).best.ask is Ask.PROGRESS
    assert read("hom nay nong qua, phong ai con quat du ko", today=JUNE_12).best.ask is (
        Ask.OFF_TOPIC
    )


# ------------------------------------------- the last week of October

OCTOBER_27 = date(2025, 10, 27)


@pytest.mark.parametrize(
    ("text", "ask", "status"),
    [
        ("mấy cái nào ko có thời hạn cụ thể v", Ask.LIST, Status.UNDATED),
        ("mưa lũ mấy hôm nay đường về Hải Lăng có ngập ko e", Ask.OFF_TOPIC, None),
        ("bot ơi hỏi được mấy cái gì dzậy, chỉ giùm", Ask.HELP, None),
    ],
)
def test_which_few_lists_and_a_week_of_floods_asks_nothing(
    text: str, ask: Ask, status: Status | None
):
    best = read(text, today=OCTOBER_27).best
    assert (best.ask, best.status) == (ask, status)


def test_who_takes_care_of_a_task_and_the_rate_it_must_reach():
    vocabulary = _tasks(
        TaskEntry(None, "3", "Giám sát việc tiếp nhận, giải quyết hồ sơ trên Hệ thống"),
        TaskEntry(None, "4", "Xử lý văn bản, ký số trên môi trường mạng đạt tỷ lệ 95%"),
        year=2026,
    )
    for text, number, field in (
        ("ben nao lo giam sat vay", "3", TaskField.LEAD),
        (
            "Nhiệm vụ 4 ký số trên môi trường mạng thì kết quả phải đạt tỷ lệ bao nhiêu?",
            "4",
            (TaskField.PRODUCT),
        ),
    ):
        best = read(text, vocabulary, today=OCTOBER_27).best
        assert (best.task, best.field) == (TaskRef(None, number), field), text


def test_a_reminder_someone_else_gave_is_why_the_asker_asks():
    text = "bên tư pháp còn việc nào chưa xong ko, đoàn kt nhắc bên đó chậm"
    best = read(text, today=OCTOBER_27).best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.OPEN, None)
    assert best.agencies == ("so-tu-phap",)


def test_a_place_the_title_names_after_whom_to_remind_is_no_one_to_remind():
    vocabulary = _tasks(
        TaskEntry("II", "1", "Kiện toàn Trung tâm Phục vụ hành chính công xã"),
        TaskEntry("II", "2", "Bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công"),
        agencies=("cong-an-cap-xa",),
        year=2026,
    )
    text = "nhắc công an các xã vụ an ninh trật tự ở trung tâm hcc giùm, bển chưa báo gì hết"
    best = read(text, vocabulary, today=OCTOBER_27).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef("II", "2"))
    assert best.agencies == ("cong-an-cap-xa",)


def test_titles_alike_are_offered_each_by_the_row_the_words_name():
    path = plan_path("003")  # I.8 and VI.6 (its first row) hold "đối thoại doanh nghiệp"
    if path is None:
        pytest.skip("the seed plans are not here")
    vocabulary = plan_vocabulary(path)
    reading = read("đối thoại doanh nghiệp ai chủ trì vậy", vocabulary, today=OCTOBER_27)
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef("I", "8"), TaskRef("VI", "6", 1)}
    reading = read("kế hoạch kiểm tra ban hành chưa", vocabulary, today=OCTOBER_27)
    assert TaskRef("II", "2", 2) in {c.task for c in reading.choices}


def test_a_body_the_plan_does_not_name_is_its_group_when_one_is_among_its_names():
    vocabulary = _tasks(
        TaskEntry("I", "1", "Hướng dẫn UBND cấp xã vận hành bộ máy"),
        agencies=("so-noi-vu", "ubnd-cap-xa"),
        year=2026,
    )
    reading = read("ubnd huyen co viec gi trong kh nay hong", vocabulary, today=OCTOBER_27)
    assert not reading.ask_back
    # ... whose work, the districts' being gone, the plan's communes took over
    assert reading.best.agencies == ("ubnd-cap-xa",)
    assert [n.named for n in reading.best.notes] == ["ubnd-cap-huyen"]


# ------------------------------------------- the last week of November

NOVEMBER_26 = date(2026, 11, 26)
CITY = plan_vocabulary(plan_path("thanh_pho_hai_phong"))
KHCN = "so-khoa-hoc-va-cong-nghe"


@pytest.mark.parametrize(
    ("pasted", "ask", "agencies", "period"),
    [
        ("[08:47] Nguyễn Thị Hằng: còn bn việc quá hạn", Ask.COUNT, (), None),
        ("Anh Tuấn (Sở Tài chính), 14:02: sở khcn chủ trì mấy việc", Ask.COUNT, (KHCN,), None),
        ("Mai - VP UBND tỉnh, 10:20: Quý IV còn mấy việc chưa xong?", Ask.COUNT, (), "quý IV"),
        ("Forwarded from Trần Thị Mai\nEm lọc giúp chị những việc đã quá hạn", Ask.LIST, (), None),
        ("@Hùng việc quá hạn của sở tư pháp có những gì anh", Ask.LIST, ("so-tu-phap",), None),
    ],
)
def test_who_wrote_a_pasted_message_and_when_is_no_part_of_the_question(
    pasted: str, ask: Ask, agencies: tuple[str, ...], period: str | None
):
    best = read(pasted, CITY, today=NOVEMBER_26).best
    assert best.ask is ask
    assert best.agencies == agencies
    assert (best.period.label if best.period else None) == (f"{period}/2026" if period else None)


def test_a_body_named_after_the_city_said_short_and_a_task_on_schedule():
    reading = read("viec bao cao cua cong an tp han khi nao", CITY, today=NOVEMBER_26)
    assert reading.ask_back
    assert {TaskRef(None, "2"), TaskRef(None, "7")} <= {c.task for c in reading.choices}
    best = read("việc kiểm tra cchc có đúng tiến độ không", CITY, today=NOVEMBER_26).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.PROGRESS)
    assert read("bot nay tra loi duoc nhung gi", CITY, today=NOVEMBER_26).best.ask is Ask.HELP


def test_a_point_and_its_letter_typed_apart():
    best = read("cho xem chi tiết điểm 2 b", DIRECTIVE, today=NOVEMBER_26).best
    assert (best.task, best.field) == (TaskRef(None, "2.b"), TaskField.CARD)
    assert read("điểm 2 a và b tới đâu rồi", DIRECTIVE, today=NOVEMBER_26).ask_back


# ------------------------------------------- the first week of March

MARCH_3 = date(2026, 3, 3)
WARD = plan_vocabulary(plan_path("phuong_hoa_khanh"))


def test_what_the_asker_will_do_with_the_answer_names_no_task():
    text = "Việc bên mình chủ trì quý này còn cái nào chưa xong không, em tổng hợp báo chủ tịch"
    best = read(text, WARD, today=MARCH_3).best
    assert (best.ask, best.status, best.role, best.own, best.task) == (
        Ask.LIST,
        Status.OPEN,
        Role.LEAD,
        True,
        None,
    )
    text = "những việc không ghi ngày hạn cụ thể là việc nào, em đánh dấu để theo dõi riêng"
    best = read(text, WARD, today=MARCH_3).best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.UNDATED, None)


def test_a_meeting_in_the_next_clause_takes_no_window():
    best = read("gui a tong hop tuan nay, hop giao ban sang nay", WARD, today=MARCH_3).best
    assert best.ask is Ask.DIGEST
    assert best.period is not None and best.period.start == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "ask", "status"),
    [
        ("tuan sau co bn nv den hna", Ask.COUNT, Status.DUE),
        ("8/3 vụ mình tặng hoa chị em hôm nào nhỉ", Ask.OFF_TOPIC, None),
        ("Tôi ít khi dùng trợ lý này. Có thể hỏi nó những gì?", Ask.HELP, None),
        ("may viec ve chuyen doi so con viec nao chua xong ko", Ask.LIST, Status.OPEN),
    ],
)
def test_a_slip_flowers_for_women_s_day_and_the_tasks_about_a_topic(
    text: str, ask: Ask, status: Status | None
):
    best = read(text, today=MARCH_3).best
    assert (best.ask, best.status) == (ask, status)


# ------------------------------------------- the last days of June

JUNE_29 = date(2026, 6, 29)


@pytest.mark.parametrize(
    ("text", "ask", "status"),
    [
        ("tổng cộng còn bn việc pending chưa done vậy e", Ask.COUNT, Status.OPEN),
        ("may task dang lam la task nao v", Ask.LIST, Status.IN_PROGRESS),
        ("nhung viec nao ko ghi deadline cu the vay", Ask.LIST, Status.UNDATED),
        ("bot nay check duoc nhung gi, huong dan c voi", Ask.HELP, None),
        # The second week of September: the South's "nhiu", a weekend's small talk.
        ("tính tới giờ có nhiu việc quá hạn vậy", Ask.COUNT, Status.OVERDUE),
        ("bot ơi chỉ cách xài với, chị mới được giao theo dõi cchc", Ask.HELP, None),
        ("cuối tuần đi câu cá hông anh em", Ask.OFF_TOPIC, None),
        ("Thứ 7 này ai trực cơ quan vậy mọi người?", Ask.OFF_TOPIC, None),
    ],
)
def test_english_office_words_said_in_vietnamese(text: str, ask: Ask, status: Status | None):
    best = read(text, today=JUNE_29).best
    assert (best.ask, best.status) == (ask, status)


def test_an_update_asked_about_is_no_update_given():
    best = read("mục II việc 3 update tới đâu rồi, quá 15/6 lâu r", today=JUNE_29).best
    assert (best.ask, best.field, best.action) == (Ask.TASK, TaskField.PROGRESS, None)


# ------------------------------------------- the second week of September

SEPTEMBER_11 = date(2026, 9, 11)


def test_the_end_of_the_week_is_no_last_week_and_who_advises_is_who_leads():
    best = read("cuoi tuan r, gui tong hop tuan nay giup nhen", today=SEPTEMBER_11).best
    assert best.ask is Ask.DIGEST
    assert best.period is not None and best.period.start == date(2026, 9, 7)
    vocabulary = _tasks(TaskEntry("II", "6", "Đánh giá chỉ số chuyển đổi số"), year=2026)
    text = "danh gia chi so chuyen doi so phong nao tham muu vay"
    best = read(text, vocabulary, today=SEPTEMBER_11).best
    assert (best.task, best.field) == (TaskRef("II", "6"), TaskField.LEAD)


# ------------------------------------------- the first days of December, said aloud

DECEMBER_2 = date(2026, 12, 2)


@pytest.mark.parametrize(
    "text",
    [
        "trước ngày mười lăm tháng mười hai phải xong những việc gì",
        "trước ngày 15 tháng 12 phải xong những việc gì",
    ],
)
def test_before_a_day_said_aloud_is_up_to_that_day(text: str):
    best = read(text, today=DECEMBER_2).best
    assert best.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 12, 15))


def test_the_tasks_an_agency_supports_asked_who_leads_them_are_its_support_tasks():
    best = read("viec so tu phap phoi hop thi ben nao chu tri", today=DECEMBER_2).best
    assert (best.ask, best.role) == (Ask.LIST, Role.SUPPORT)
    assert best.agencies


def test_an_agencys_deadline_asked_when_is_its_list_with_no_window():
    best = read("so tu phap han chot khi nao", today=DECEMBER_2).best
    assert (best.ask, best.status, best.period) == (Ask.LIST, None, None)


def test_what_the_asker_thought_after_the_question_is_a_remark():
    plan = _tasks(
        TaskEntry(None, "2", "Rà soát, đề xuất sửa đổi các luật thuộc lĩnh vực quản lý của Bộ"),
        year=2026,
    )
    text = "rà soát luật lĩnh vực tới đâu rồi? em tưởng hạn chót là quý III"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef(None, "2"), TaskField.PROGRESS)


def test_a_visit_of_the_office_is_small_talk():
    text = (
        "Cuối tuần này cơ quan đi tham quan Mộc Châu, ai chưa đăng ký thì báo chị trước thứ sáu nhé"
    )
    assert read(text, today=DECEMBER_2).best.ask is Ask.OFF_TOPIC


@pytest.mark.parametrize(
    ("text", "action", "field"),
    [
        (
            "tiến độ nv I.1: đã kiểm tra 9/14 đơn vị, xong sẽ viết báo cáo",
            Action.REPORT_PROGRESS,
            None,
        ),
        ("nv I.1: đạt 80%", Action.REPORT_PROGRESS, None),
        ("nv I.1: đã có dự thảo, đang lấy ý kiến", Action.REPORT_PROGRESS, None),
        # A question after the colon still asks.
        ("nv I.1: đã có dự thảo chưa", None, TaskField.PROGRESS),
        ("nv I.1: đã giao cho ai", None, TaskField.LEAD),
    ],
)
def test_what_was_done_said_after_a_task_and_a_colon_is_an_update_given(
    text: str, action: Action | None, field: TaskField | None
):
    best = read(text, today=DECEMBER_2).best
    assert (best.task, best.action, best.field) == (TaskRef("I", "1"), action, field)


# ------------------------------------------- mid-April, slips taken back

APRIL_15 = date(2026, 4, 15)


@pytest.mark.parametrize(
    ("text", "task", "field"),
    [
        ("nv I.3 ai chủ trì vậy, à nhầm I.2", TaskRef("I", "2"), TaskField.LEAD),
        ("hạn chót nv I.1, xin lỗi, I.3 là ngày nào vậy e", TaskRef("I", "3"), TaskField.DUE),
        ("tien do nv i.1 sao r, go nham, y c la i.2", TaskRef("I", "2"), TaskField.PROGRESS),
    ],
)
def test_a_task_said_again_after_a_slip_is_the_one_asked(
    text: str, task: TaskRef, field: TaskField
):
    best = read(text, today=APRIL_15).best
    assert (best.task, best.field) == (task, field)


def test_what_is_said_again_after_a_slip_replaces_the_slip():
    best = read("quý 3 sorry quý 2 còn những việc gì chưa xong", today=APRIL_15).best
    assert best.period == Period(PeriodKind.QUARTER, date(2026, 4, 1), date(2026, 6, 30))
    best = read("sở tài chính... à thôi, bên tư pháp có việc nào quá hạn ko", today=APRIL_15).best
    assert best.agencies == (STP,)
    best = read("xin gia hạn nv I.1 thêm 15 ngày, à không, 1 tháng", today=APRIL_15).best
    assert best.duration == Duration(1, "month")
    best = read("ds việc quá hạn... à thôi, cho chị con số thôi", today=APRIL_15).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OVERDUE)
    text = "xuất file excel các nv quá hạn giúp e. À không, xuất hết các việc chưa xong nhé"
    best = read(text, today=APRIL_15).best
    assert (best.ask, best.status) == (Ask.EXPORT, Status.OPEN)


def test_a_day_said_again_ends_the_window_said_before():
    best = read("trc 31/5 à nhầm 30/6 phải xong những việc j", today=APRIL_15).best
    assert best.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 6, 30))
    best = read("tu nay den 30/5, y e la 30/6, phai xong nhung viec nao", today=APRIL_15).best
    assert best.period == Period(PeriodKind.RANGE, APRIL_15, date(2026, 6, 30))


def test_words_that_only_look_like_taking_back_take_nothing_back():
    # "thôi" of "thời hạn" typed bare, "xin lỗi" inside a task's title.
    best = read("nhung nv nao ko ghi thoi han cu the vay, de c con biet", today=APRIL_15).best
    assert best.status is Status.UNDATED
    plan = _tasks(TaskEntry("I", "4", "Xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ trễ hạn"))
    best = read("Ai chủ trì việc xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ trễ hạn?", plan).best
    assert (best.task, best.field) == (TaskRef("I", "4"), TaskField.LEAD)


# ------------------------------------------- late July, in the Centre's speech

JULY_22 = date(2026, 7, 22)


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("bot ni hỏi được chi rứa, eng chỉ với", Ask.HELP),
        ("mới vô dùng, bot ni tra cứu được những chi rứa", Ask.HELP),
        ("mệ tau ở quê gửi vô mấy hộp mè xửng, ai ăn thì ra bàn tau lấy nghe", Ask.OFF_TOPIC),
        ("mệ tau ở Quảng Bình ốm, cuối tuần ni tau về quê mấy bữa nghe mi", Ask.OFF_TOPIC),
    ],
)
def test_the_centres_speech(text: str, ask: Ask):
    assert read(text, today=JULY_22).best.ask is ask


def test_nothing_is_overdue_within_today_so_overdue_today_is_as_of_today():
    best = read("hôm nay có bao nhiêu việc quá hạn", today=JULY_22).best
    assert (best.ask, best.status, best.period) == (Ask.COUNT, Status.OVERDUE, None)


def test_what_the_asker_wants_or_is_doing_after_the_question_asks_nothing():
    text = "Sắp đến hạn có những nhiệm vụ nào vậy em? Chị muốn đôn đốc các đơn vị sớm."
    best = read(text, today=JULY_22).best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.DUE, None)
    text = "Sản phẩm đầu ra của nhiệm vụ I.1 là gì vậy em? Chị đang rà lại minh chứng cho báo cáo."
    best = read(text, today=JULY_22).best
    assert (best.task, best.field, best.action) == (TaskRef("I", "1"), TaskField.PRODUCT, None)
    # A request after a question of one task still asks.
    best = read("nv I.1 tới đâu rồi? em muốn gia hạn thêm 1 tháng", today=JULY_22).best
    assert best.action is Action.EXTEND


def test_a_fields_word_in_the_title_gives_way_to_one_outside_it():
    plan = _tasks(
        TaskEntry("V", "1", "Hoàn thiện hệ thống thông tin giải quyết TTHC của tỉnh"), year=2026
    )
    text = (
        "Nhiệm vụ V.1 hoàn thiện hệ thống thông tin giải quyết TTHC của tỉnh thì sản phẩm cuối"
        " cùng là gì vậy em?"
    )
    best = read(text, plan, today=JULY_22).best
    assert (best.task, best.field) == (TaskRef("V", "1"), TaskField.PRODUCT)


# ------------------------------------------- early October, periods as officials write them

OCTOBER_6 = date(2026, 10, 6)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "QIV con nhung viec nao chua xong e",
            Period(PeriodKind.QUARTER, date(2026, 10, 1), date(2026, 12, 31)),
        ),
        (
            "th12 co bn viec phai xong",
            Period(PeriodKind.MONTH, date(2026, 12, 1), date(2026, 12, 31)),
        ),
        (
            "trong tháng 10 và 11 có bn việc đến hạn",
            Period(PeriodKind.RANGE, date(2026, 10, 1), date(2026, 11, 30)),
        ),
        (
            "tháng 10 và tháng 11 có gì đến hạn",
            Period(PeriodKind.RANGE, date(2026, 10, 1), date(2026, 11, 30)),
        ),
        (
            "tu gio den het thang co viec gi den han ko",
            Period(PeriodKind.RANGE, OCTOBER_6, date(2026, 10, 31)),
        ),
        (
            "tu nay den het quy con gi chua xong",
            Period(PeriodKind.RANGE, OCTOBER_6, date(2026, 12, 31)),
        ),
    ],
)
def test_periods_as_officials_write_them(text: str, period: Period):
    assert read(text, today=OCTOBER_6).best.period == period


def test_the_unions_and_womens_day_are_small_talk():
    for text in (
        "20/10 này vụ mình có tổ chức gì cho chị em ko nhỉ 🌷",
        "Chiều thứ 6 công đoàn tổ chức sinh nhật quý IV cho anh chị em trong Sở, nhớ đến nhé 🎂",
    ):
        assert read(text, today=OCTOBER_6).best.ask is Ask.OFF_TOPIC


# ----------------------------------------------- late August, chatting as on a phone

AUGUST_24 = date(2026, 8, 24)


def test_a_question_for_help_is_not_small_talk_for_calling_the_bot():
    for text in (
        "bot ơiii bot hỏi được những gì vậy, c mới chuyển sang theo dõi kế hoạch 😅",
        "dạ bot ơi bot tra được những gì ạ hihi",
        "e mới chuyển sang phòng nội vụ, bot làm được những gì thế",
    ):
        assert read(text, today=AUGUST_24).best.ask is Ask.HELP, text
    assert read("bot ơi trưa nay ăn gì", today=AUGUST_24).best.ask is Ask.OFF_TOPIC


def test_recording_progress_or_completion_is_a_request():
    plan = _tasks(
        TaskEntry("II", "2", "Tổ chức hội thi tìm hiểu về cải cách hành chính"),
        TaskEntry("II", "4", "Xây dựng Đề án thí điểm mô hình một cửa liên thông"),
        year=2026,
    )
    best = read("II.2 đã có 150 bài dự thi rồi, ghi nhận tiến độ giúp em nhé", plan, AUGUST_24).best
    assert (best.ask, best.action, best.task) == (
        Ask.ACTION,
        Action.REPORT_PROGRESS,
        TaskRef("II", "2"),
    )
    text = "nv II.4 xong roi, ubnd da phe duyet de an, danh dau hoan thanh giup a"
    best = read(text, plan, AUGUST_24).best
    assert (best.ask, best.action, best.task) == (Ask.ACTION, Action.COMPLETE, TaskRef("II", "4"))


def test_a_report_the_asker_must_make_asks_no_status():
    text = "sắp phải làm bc tổng kết. quý 3 còn những việc nào chưa xong vậy"
    best = read(text, today=AUGUST_24).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)
    assert best.period == Period(PeriodKind.QUARTER, date(2026, 7, 1), date(2026, 9, 30))


def test_attt_is_information_security():
    plan = _tasks(
        TaskEntry(None, "3", "Bảo đảm an toàn thông tin cho Trung tâm dữ liệu của tỉnh"),
        TaskEntry(None, "4", "Nâng cấp Trung tâm dữ liệu của tỉnh"),
        year=2026,
    )
    best = read("attt cho trung tâm dữ liệu tỉnh ai chủ trì vậy", plan, AUGUST_24).best
    assert (best.task, best.field) == (TaskRef(None, "3"), TaskField.LEAD)


def test_a_fields_words_in_the_title_with_a_word_left_out_are_the_titles():
    plan = _tasks(
        TaskEntry(
            "III",
            "2",
            "Xây dựng đề án giao kinh phí cho đơn vị sự nghiệp theo kết quả công việc đầu ra",
        ),
        TaskEntry("III", "3", "Rà soát định mức chi thường xuyên"),
        year=2026,
    )
    text = "cho xem chi tiết nv III.2, đề án giao kinh phí theo kết quả đầu ra"
    best = read(text, plan, AUGUST_24).best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.CARD)


# ------------------------------------------- mid-January, the weeks before Tết

JANUARY_20 = date(2026, 1, 20)  # Tết's eve is 16/02/2026


def test_what_the_asker_wants_after_a_clause_that_asks_is_a_remark():
    best = read("thang 2 den han bao nhieu viec vay, a muon nhac truoc", today=JANUARY_20).best
    assert (best.ask, best.status, best.action) == (Ask.COUNT, Status.DUE, None)


def test_help_asked_by_a_newcomer_or_of_how_to_ask():
    for text in (
        "chao bot, chi moi nhan theo doi ke hoach cchc, bot giup dc nhung gi",
        "bot ơi chỉ em cách hỏi hạn và tiến độ với",
        # ... and what the bot is for
        "c moi vo nhom, bot ni dung de lam chi rua em",
        "Em mới nhận theo dõi mảng CCHC, con bot này dùng được vào những việc gì vậy ạ?",
        "chi xai bot nay lan dau, bot giup duoc nhung chuyen gi vay",
        "e oi con bot nay lam dc nhung viec gi v",
    ):
        assert read(text, today=JANUARY_20).best.ask is Ask.HELP, text


def test_tet_chores_and_days_off_are_small_talk():
    for text in (
        "năm nay phòng mình ai lo gói bánh chưng thế các chị 😄",
        "Tết này cơ quan mình nghỉ từ hôm nào vậy cả nhà?",
    ):
        assert read(text, today=JANUARY_20).best.ask is Ask.OFF_TOPIC, text


def test_windows_up_to_tet():
    eve = date(2026, 2, 16)
    best = read("từ giờ đến Tết còn việc nào phải xong", today=JANUARY_20).best
    assert (best.status, best.period) == (
        Status.DUE,
        Period(PeriodKind.RANGE, JANUARY_20, eve),
    )
    best = read("những việc đến hạn trước Tết, mấy việc đã xong rồi", today=JANUARY_20).best
    assert (best.ask, best.status, best.period) == (
        Ask.COUNT,
        Status.DONE,
        Period(PeriodKind.RANGE, date(2026, 1, 1), eve),
    )


def test_a_request_keeps_its_task_beside_a_remark_or_a_time():
    best = read(
        "nhắc stp việc kiểm tra vb qppl giúp chị, từ lúc nhận kế hoạch tới giờ chưa thấy họ"
        " cập nhật gì",
        today=JANUARY_20,
    ).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef("II", "2"))
    best = read(
        "nhac stp kiem tra van ban qppl sau khi ban hanh truoc khi nghi tet nhe", today=JANUARY_20
    ).best
    assert (best.ask, best.action, best.task) == (Ask.ACTION, Action.REMIND, TaskRef("II", "2"))


# ------------------------------------------- mid-May, what the asker believes, to confirm

MAY_13 = date(2026, 5, 13)


def test_a_task_asked_to_confirm_its_field():
    cases = [
        ("nv II.1 chưa có hạn cụ thể đúng ko", TaskRef("II", "1"), TaskField.DUE),
        (
            "nv IV.1 nâng cấp hệ thống thông tin vẫn chưa xong hả em",
            TaskRef("IV", "1"),
            TaskField.PROGRESS,
        ),
        ("nv II.2 kết luận kiểm tra gửi rồi phải không em", TaskRef("II", "2"), TaskField.PROGRESS),
        (
            "việc nâng cấp hệ thống thông tin giải quyết tthc có phải văn phòng ubnd tỉnh chủ"
            " trì không",
            TaskRef("IV", "1"),
            TaskField.LEAD,
        ),
        (
            "kiểm tra văn bản QPPL sau khi ban hành có phải quý 3 mới đến hạn không",
            TaskRef("II", "2"),
            TaskField.DUE,
        ),
    ]
    for text, task, field in cases:
        best = read(text, today=MAY_13).best
        assert (best.ask, best.task, best.field) == (Ask.TASK, task, field), text


def test_a_count_or_a_list_asked_to_confirm():
    best = read("sở tư pháp chỉ có 2 việc quá hạn thôi đúng không", today=MAY_13).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OVERDUE, (STP,))
    best = read("viec nao sap den han vay, chi con nhac cac so", today=MAY_13).best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.DUE, None)


# ------------------------------------------- early March, days named by the weekday

MARCH_11 = date(2026, 3, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("thứ 6 này có việc gì đến hạn không", date(2026, 3, 13), date(2026, 3, 13)),
        ("thu 2 tuan sau co nv nao den han", date(2026, 3, 16), date(2026, 3, 16)),
        ("chủ nhật tuần trước có việc nào quá hạn", date(2026, 3, 8), date(2026, 3, 8)),
        ("từ nay đến thứ 6 còn mấy việc phải xong", MARCH_11, date(2026, 3, 13)),
        ("tu nay toi thu 5 tuan sau co viec gi den han", MARCH_11, date(2026, 3, 19)),
        ("2 hôm nữa có việc nào đến hạn không", date(2026, 3, 13), date(2026, 3, 13)),
        ("ngày mốt có nv nào tới hạn ko", date(2026, 3, 13), date(2026, 3, 13)),
    ],
)
def test_days_named_by_the_weekday_or_from_today(text: str, start: date, end: date):
    assert read(text, today=MARCH_11).best.period in (
        Period(PeriodKind.DAY, start, end),
        Period(PeriodKind.RANGE, start, end),
    )


def test_a_weekday_is_no_ordinal_and_a_meetings_day_no_window():
    best = read("việc thứ 5 trong kế hoạch ai chủ trì", today=MARCH_11).best
    assert best.period is None
    text = "Thứ Hai tuần sau sở giao ban, em cần danh sách việc đến hạn trong tuần sau"
    best = read(text, today=MARCH_11).best
    assert best.period == Period(PeriodKind.WEEK, date(2026, 3, 16), date(2026, 3, 22))


def test_lunch_and_the_wards_clean_up_day_are_small_talk():
    for text in (
        "trưa nay ăn bún chả hay cơm văn phòng mọi người",
        "thứ 7 này ra quân tổng vệ sinh hả",
    ):
        assert read(text, today=MARCH_11).best.ask is Ask.OFF_TOPIC, text


# ------------------------------------ mid-December, agencies ranked, the year looked back on

DECEMBER_9 = date(2026, 12, 9)


def test_whom_the_asker_reminds_after_the_question_is_no_request():
    for text, status in (
        ("sắp đến hạn có việc gì không, c nhắc trước các sở", Status.DUE),
        ("ds việc quá hạn, mình còn nhắc các nơi", Status.OVERDUE),
    ):
        best = read(text, today=DECEMBER_9).best
        assert (best.ask, best.status, best.action) == (Ask.LIST, status, None), text
    # "em" is the bot, asked to remind.
    best = read("sắp đến hạn có việc gì không, em nhắc các sở giúp chị", today=DECEMBER_9).best
    assert best.action is Action.REMIND


def test_which_body_ranked_by_what_it_holds():
    for text in ("sở nào chưa để việc nào quá hạn", "đơn vị nào có việc quá hạn"):
        best = read(text, today=DECEMBER_9).best
        assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OVERDUE, ()), text
    best = read("xã nào còn việc chưa xong", today=DECEMBER_9).best
    assert (best.status, best.agencies) == (Status.OPEN, ("ubnd-cap-xa",))


def test_whom_the_asker_reports_to_and_the_reports_words_say_no_subject():
    best = read("sở nào trễ hạn nhiều nhất vậy, chiều c báo cáo ban chỉ đạo", today=DECEMBER_9)
    assert (best.best.ask, best.best.agencies, best.best.notes) == (Ask.LIST, (), ())
    reading = read("cả năm hoàn thành được bao nhiêu việc, c điền số vào bc tổng kết")
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.status) == (Ask.COUNT, Status.DONE)


def test_a_target_to_reach_a_hall_asked_for_and_what_the_bot_can_do():
    best = read("kiểm tra văn bản QPPL sau khi ban hành thì kết quả phải đạt chỉ tiêu gì").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.PRODUCT)
    assert read("hội nghị tổng kết tổ chức ở hội trường nào vậy").best.ask is Ask.OFF_TOPIC
    assert read("bot làm được những việc gì").best.ask is Ask.HELP


def test_a_deadline_said_before_asking_whether_it_is_done():
    text = "kiểm tra văn bản QPPL sau khi ban hành có hạn trong quý II, xong chưa?"
    best = read(text, today=DECEMBER_9).best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.PROGRESS)


def test_a_comma_inside_a_name_parts_no_clauses():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "tổ chức khảo sát tại các xã, phường tới đâu rồi, hạn tháng 10 qua lâu rồi"
    best = read(text, plan, today=DECEMBER_9).best
    assert (best.ask, best.task, best.field) == (
        Ask.TASK,
        TaskRef("II", "2", 2),
        TaskField.PROGRESS,
    )


# -------------------------- early September, people and the divisions inside agencies

SEPTEMBER_9 = date(2026, 9, 9)  # a Wednesday


def test_a_division_inside_a_body_of_the_plan_is_that_body():
    for text, agency in (
        ("Phòng Kiểm soát TTHC của VP UBND tỉnh còn mấy việc chưa xong", VP),
        ("phong cchc so noi vu co viec nao chua co han cu the k", SNV),
    ):
        best = read(text, today=SEPTEMBER_9).best
        assert (best.agencies, best.notes) == ((agency,), ()), text
    # ... by its full names only: the plan's own subject names no department.
    assert read("cchc tới đâu rồi", today=SEPTEMBER_9).best.agencies == ()
    best = read("nhắc phòng PC06 công an tỉnh gửi báo cáo số hóa hồ sơ giúp c").best
    assert best.task == TaskRef("III", "2")


def test_people_named_are_who_they_are():
    text = (
        "Anh Hùng phụ trách CCHC của Sở Nội vụ nhờ em hỏi: việc đo lường sự hài lòng của"
        " người dân, tổ chức thì sản phẩm phải ra là gì?"
    )
    best = read(text, today=SEPTEMBER_9).best
    assert (best.task, best.field) == (TaskRef("III", "3"), TaskField.PRODUCT)
    best = read("chị Mai hỏi có mấy việc quá hạn", today=SEPTEMBER_9).best
    assert (best.ask, best.period) == (Ask.COUNT, None)  # no "mai" (tomorrow)
    text = "chiều thứ 6 chi đoàn đá giao hữu với Sở Tư pháp, ae đi cổ vũ nhé"
    assert read(text, today=SEPTEMBER_9).best.ask is Ask.OFF_TOPIC


def test_not_done_yet_in_a_week_begun_and_a_deadline_said():
    best = read("tuần này có việc nào tới hạn mà chưa xong không", today=SEPTEMBER_9).best
    assert best.status is Status.OPEN
    text = "kiểm tra văn bản QPPL sau khi ban hành, hạn 30/6 quá lâu rồi"
    assert read(text, today=SEPTEMBER_9).best.field is TaskField.PROGRESS
    text = "kiểm tra văn bản QPPL sau khi ban hành hạn 30/6 đúng không"
    assert read(text, today=SEPTEMBER_9).best.field is TaskField.DUE


def test_a_bare_name_in_the_words_of_the_task_named_by_its_number():
    plan = replace(
        _section_of("II", ("8", "Đổi mới công tác phổ biến, giáo dục pháp luật")),
        agencies=(
            AgencyEntry(STP, "Sở Tư pháp"),
            AgencyEntry("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo"),
        ),
    )
    text = "nhắc Sở Tư pháp gửi báo cáo kết quả phổ biến, giáo dục pháp luật (nv II.8)"
    best = read(text, plan, today=SEPTEMBER_9).best
    assert (best.task, best.agencies) == (TaskRef("II", "8"), (STP,))


# ---------------------------------- the last week of June, shares, rates and totals

JUNE_24 = date(2026, 6, 24)


def test_a_share_of_the_whole_asks_how_far_along():
    for text, agencies in (
        ("cả kế hoạch mới xong được mấy phần rồi", ()),
        ("sở tư pháp hoàn thành bao nhiêu/bao nhiêu việc rồi", (STP,)),
        ("stp hoan thanh bn/bn viec r e", (STP,)),
    ):
        best = read(text, today=JUNE_24).best
        assert (best.ask, best.status, best.agencies) == (Ask.PROGRESS, None, agencies), text
    best = read("kiểm tra văn bản QPPL sau khi ban hành làm được mấy phần rồi", today=JUNE_24)
    assert (best.best.task, best.best.field) == (TaskRef("II", "2"), TaskField.PROGRESS)
    best = read("6 tháng đầu năm đúng hạn được mấy việc", today=JUNE_24).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.DONE)
    assert read("tỷ lệ lạm phát năm nay bao nhiêu", today=JUNE_24).best.ask is Ask.OFF_TOPIC


def test_a_part_of_a_section_named_as_a_task_asks_which_of_its_duties():
    ward = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    reading = read("nv II.1 hạn khi nào", ward, today=JUNE_24)
    assert reading.ask_back
    assert {i.task for i in reading.choices} == {TaskRef("II.1", "a"), TaskRef("II.1", "b")}
    assert read("mục II.1 tới đâu rồi", ward, today=JUNE_24).best.section == "II.1"
    assert read("việc 2.1b", ward, today=JUNE_24).best.task == TaskRef("II.1", "b")


# ------------------------------ the first week of April, months and quarters from today

APRIL_8 = date(2026, 4, 8)  # a Wednesday


def test_the_one_just_past():
    quarter = (PeriodKind.QUARTER, date(2026, 1, 1), date(2026, 3, 31))
    said = {
        "quý vừa rồi có mấy việc quá hạn": quarter,
        "quy vua qua hoan thanh dc may viec": quarter,
        "tháng vừa rồi có việc nào đến hạn": (
            PeriodKind.MONTH,
            date(2026, 3, 1),
            date(2026, 3, 31),
        ),
        "tuần vừa qua có việc nào quá hạn": (PeriodKind.WEEK, date(2026, 3, 30), date(2026, 4, 5)),
        "năm vừa rồi xong bao nhiêu việc": (PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31)),
    }
    for text, (kind, start, end) in said.items():
        assert read(text, today=APRIL_8).best.period == Period(kind, start, end), text


def test_what_the_asker_did_and_what_no_deadline_is_set_for():
    text = "Các sở, ban, ngành đang quá hạn những việc gì? Tháng trước chị đã nhắc một lần rồi."
    best = read(text, today=APRIL_8).best
    assert (best.ask, best.action, best.status, best.period) == (
        Ask.LIST,
        None,
        Status.OVERDUE,
        None,
    )
    best = read("những nv nào trong kế hoạch ko quy định thời hạn cụ thể", today=APRIL_8).best
    assert (best.ask, best.status) == (Ask.LIST, Status.UNDATED)
    text = "chào bot, c mới được giao đầu mối cchc của sở, bot giúp c được những việc gì"
    assert read(text, today=APRIL_8).best.ask is Ask.HELP
    text = "thứ 6 này phòng mình liên hoan tổng kết quý 1 ở đâu nhỉ"
    assert read(text, today=APRIL_8).best.ask is Ask.OFF_TOPIC


# ---------------------------------- early November, how the answer is wanted

NOVEMBER_4 = date(2026, 11, 4)


def test_how_the_answer_is_wanted_says_what_is_asked_only_of_a_number():
    for text in (
        "Những việc nào đang quá hạn em? Chỉ cần con số thôi, chị điền vào báo cáo.",
        "năm nay quá hạn bao nhiêu nhiệm vụ rồi em, báo số thôi khỏi liệt kê",
    ):
        best = read(text, today=NOVEMBER_4).best
        assert (best.ask, best.status) == (Ask.COUNT, Status.OVERDUE), text
    best = read("phần cải cách thể chế tiến độ chung sao rồi, tóm tắt 3 dòng thôi").best
    assert (best.ask, best.section) == (Ask.PROGRESS, "II")
    assert read("bot hỏi được những gì, liệt kê ngắn gọn giúp c").best.ask is Ask.HELP
    text = "giá vàng SJC hôm nay bao nhiêu vậy, chỉ cần con số thôi"
    assert read(text, today=NOVEMBER_4).best.ask is Ask.OFF_TOPIC


def test_a_task_marked_done_a_ride_and_a_row_said_after_its_task():
    text = "Kết luận kiểm tra đã ban hành rồi, em chuyển nhiệm vụ II.2 sang hoàn thành giúp chị."
    best = read(text, today=NOVEMBER_4).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("II", "2"))
    text = "cuối tuần này có ai về Buôn Ma Thuột không cho chị đi nhờ với"
    assert read(text, today=NOVEMBER_4).best.ask is Ask.OFF_TOPIC
    best = read("việc nào ko ghi mốc thời gian cụ thể vậy em", today=NOVEMBER_4).best
    assert best.status is Status.UNDATED
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "nv II.2 phần tổ chức khảo sát ở xã phường xong chưa em"
    assert read(text, plan, today=NOVEMBER_4).best.task == TaskRef("II", "2", 2)


# ------------------------------ mid-August, several agencies named in one question

AUGUST_12 = date(2026, 8, 12)


def test_names_listed_after_a_kind_are_each_of_that_kind():
    for text, keys in (
        ("ca 3 so NV, TP, KHCN con may viec chua xong", {"so-noi-vu", "so-tu-phap"}),
        ("các sở Tư pháp, Tài chính còn bao nhiêu việc quá hạn", {"so-tu-phap", "so-tai-chinh"}),
        ("sở nv với tp có việc gì quá hạn", {"so-noi-vu", "so-tu-phap"}),
    ):
        best = read(text, today=AUGUST_12).best
        assert keys <= set(best.agencies), text
        assert best.section is None, text
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    text = "cả 2 vụ pháp luật (hình sự - hành chính với dân sự - kinh tế) đang làm những việc gì"
    assert set(read(text, plan, today=AUGUST_12).best.agencies) == {
        "unverified-vu-phap-luat-hinh-su-hanh-chinh",
        "unverified-vu-phap-luat-dan-su-kinh-te",
    }


def test_those_bodies_a_group_of_related_ones_and_the_office_of_no_level():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    text = "VP Bộ, Thanh tra Bộ với Vụ Pháp chế: mấy đơn vị đó còn việc nào chưa xong ko"
    best = read(text, plan, today=AUGUST_12).best
    assert (best.ask, len(best.agencies)) == (Ask.LIST, 3)
    best = read("các cục với vụ liên quan phải phối hợp việc gì vậy", plan).best
    assert set(best.agencies) == {"unverified-cac-cuc", "unverified-vu-lien-quan"}
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    best = read("vp hdnd va ubnd duoc giao phoi hop nhung nv nao", plan, today=AUGUST_12).best
    assert best.agencies == ("van-phong-hdnd-va-ubnd-xa",)
    assert not best.notes


def test_tasks_named_by_their_deadline_and_a_short_slip_mended_by_both_neighbours():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    reading = read("việc hạn 30/9 ai chủ trì", plan, today=AUGUST_12)
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef(None, "2"), TaskRef(None, "3")}
    assert read("viec han quy 1 xong chua", plan, today=AUGUST_12).best.task == TaskRef(None, "1")
    reading = read("rà soát TTHC hạn 30/9 xong chưa", plan, today=AUGUST_12)
    assert {c.task for c in reading.choices} == {TaskRef(None, "2"), TaskRef(None, "3")}
    reading = read("gia hạn rà soát thủ tục hành chính đến 31/10", plan, today=AUGUST_12)
    assert reading.ask_back and all(c.action is Action.EXTEND for c in reading.choices)
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    reading = read("cai bao cao han 30/9 xong chua e", plan, today=AUGUST_12)
    assert {c.task for c in reading.choices} == {TaskRef(None, "2"), TaskRef(None, "5")}
    plan = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    text = "hội ngi đối thoại giữa lãnh đạo tp với doanh nghiệp chuẩn bị tới đâu rồi"
    assert read(text, plan, today=AUGUST_12).best.task == TaskRef(None, "4")
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    text = "Bên kinh tế hạ tầng đô thị quá hạn những việc nào, nhắc mấy lần rồi vẫn im."
    assert read(text, plan, today=AUGUST_12).best.ask is Ask.LIST  # "lần" is no "bạn"
    text = "trung thu nam nay phuong to chuc cho thieu nhi o dau vay e"
    assert read(text, today=AUGUST_12).best.ask is Ask.OFF_TOPIC


def test_tasks_named_by_a_window_of_their_deadlines_take_its_first_and_last_day():
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Rà soát thủ tục hành chính", dues=(date(2026, 10, 1),)),
        TaskEntry(None, "2", "Niêm yết công khai", dues=(date(2026, 8, 31), date(2026, 9, 30))),
        TaskEntry(None, "3", "Tuyên truyền cải cách", dues=(date(2026, 9, 1),)),
        TaskEntry(None, "4", "Khảo sát sự hài lòng", dues=(date(2026, 8, 31),)),
    )
    reading = read("việc hạn tháng 9 ai chủ trì", vocabulary, today=AUGUST_12)
    assert [c.task for c in reading.choices] == [TaskRef(None, "2"), TaskRef(None, "3")]
    assert read("việc hạn 1/10 ai chủ trì", vocabulary).best.task == TaskRef(None, "1")


# ------------------------------ the last week of September, requests to act

SEPTEMBER_24 = date(2025, 9, 24)


def test_the_day_an_extension_asks_for_is_kept_wherever_the_tasks_words_end():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = "cong khai tthc tai trung tam phuc vu hcc quy 3 xong roi nhe, dong lai giup"
    best = read(text, plan, today=date(2026, 9, 24)).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("III", "1", 2))
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    today = date(2026, 9, 23)
    text = "nhắc kho bạc với stc vụ thanh toán trực tuyến phí, lệ phí giúp c, quý III chưa thấy gửi"
    best = read(text, plan, today=today).best
    assert set(best.agencies) == {"kho-bac-nha-nuoc-tinh", "so-tai-chinh"}
    text = "nhac vp ubnd tinh nv 1 nang cao chat luong phuc vu tt pvhcc giup c, qua han quy 2 lau r"
    assert read(text, plan, today=today).best.agencies == ("van-phong-ubnd-tinh",)
    text = "nv 1 nâng cao chất lượng phục vụ của TT PVHCC tỉnh thì kết quả dự kiến là gì nhỉ"
    assert read(text, plan, today=today).best.field is TaskField.PRODUCT


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_an_extension_to_a_day_after_a_title_with_a_comma_or_a_lettered_number():
    plan = plan_vocabulary(plan_path("003"))
    text = (
        "xin lùi hạn nv II.3.2 báo cáo rà soát, hệ thống hóa vb qppl đến 30/11 vì còn chờ"
        " số liệu của các xã"
    )
    best = read(text, plan, today=SEPTEMBER_24).best
    day = date(2025, 11, 30)
    assert (best.action, best.period) == (Action.EXTEND, Period(PeriodKind.DAY, day, day))
    plan = plan_vocabulary(plan_path("001"))
    today = date(2018, 9, 26)
    text = "Xin lùi hạn nhiệm vụ 7.a.1 đến 15/10 vì số liệu quý III của các huyện chưa gửi đủ."
    best = read(text, plan, today=today).best
    day = date(2018, 10, 15)
    assert (best.task, best.period) == (TaskRef("II.7", "a.1"), Period(PeriodKind.DAY, day, day))
    text = "nhac ubnd cac huyen giup c nhe, nhieu viec tre ma chua thay dong tinh gi"
    best = read(text, plan, today=today).best
    assert (best.action, best.task) == (Action.REMIND, None)
    text = "nv 6.a.2 ai chu tri the\n6.a.4 chu, bam nham"
    assert read(text, plan, today=today).best.task == TaskRef("II.6", "a.4")


# ------------------------------ mid-October, tasks cited as documents cite their text

OCTOBER_14 = date(2026, 10, 14)


def test_a_task_cited_by_its_place_in_a_section_or_in_the_list():
    for text, task in (
        ("dong 2 muc III ai chu tri", TaskRef("III", "2")),
        ("cap nhat tien do diem 2 muc I: da kiem tra xong 9 so", TaskRef("I", "2")),
        ("Ý 3 phần I thực hiện tới đâu rồi em?", TaskRef("I", "3")),
        ("nhiệm vụ cuối cùng trong bảng phụ lục do cơ quan nào chủ trì vậy", TaskRef("IV", "3")),
        ("việc đầu tiên mục III ai chủ trì", TaskRef("III", "1")),
        ("việc cuối cùng của mục II tới đâu rồi", TaskRef("II", "2")),
    ):
        assert read(text, today=OCTOBER_14).best.task == task, text
    # "ý kiến" is no item; a row of a task is no first task of the plan.
    assert read("y kien cua muc III the nao", today=OCTOBER_14).best.task is None
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    today = date(2026, 10, 15)
    text = "dong thu 3 cua bang o chu tri bi de trong, vay la so nao chu tri"
    assert read(text, plan, today=today).best.task == TaskRef(None, "3")
    best = read("mo the dong cuoi cung cua bang phan cong giup minh", plan, today=today).best
    assert best.task == TaskRef(None, "5")
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    best = read("dong 1 II.1 ai chu tri", plan, today=date(2026, 10, 16)).best
    assert best.task == TaskRef("II", "1", 1)


def test_a_topic_before_thi_the_asker_typed_short_and_what_is_set_aside():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_quang_tri"])
    text = (
        "việc theo dõi, tổng hợp tình hình thực hiện chỉ thị báo cáo chủ tịch hằng quý thì sản"
        " phẩm đầu ra là gì"
    )
    assert read(text, plan, today=OCTOBER_14).best.field is TaskField.PRODUCT
    best = read("xuat file excel ds nv den han thang 11 gui c", today=OCTOBER_14).best
    assert (best.ask, best.task) == (Ask.EXPORT, None)
    text = "chào bot, ngoài tra tiến độ thì bot còn làm được gì nữa?"
    assert read(text, today=OCTOBER_14).best.ask is Ask.HELP
    best = read("ngoài stp thì còn sở nào quá hạn", today=OCTOBER_14).best
    assert (best.status, best.agencies) == (Status.OVERDUE, ())
    text = "20/10 nay bot goi y giup c qua tang chi em trong phong voi"
    assert read(text, today=OCTOBER_14).best.ask is Ask.OFF_TOPIC


def test_toi_dau_typed_bare_after_an_agencys_noun_asks_how_far():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    text = "nv 5 dua ket qua chi thi vao danh gia xep loai co quan toi dau r e, 15/12 la het han"
    best = read(text, plan, today=date(2026, 12, 2)).best
    assert (best.task, best.field) == (TaskRef(None, "5"), TaskField.PROGRESS)
    assert read("co quan toi con viec gi", plan, today=date(2026, 12, 2)).best.own


def test_the_day_a_festival_falls_on_is_small_talk():
    text = "Rằm tháng Giêng năm nay rơi vào thứ mấy vậy mọi người?"
    assert read(text, today=date(2026, 2, 25)).best.ask is Ask.OFF_TOPIC


# ------------------------------ mid-November, windows as documents write them

NOVEMBER_11 = date(2026, 11, 11)


def test_an_extension_from_one_day_to_another_and_the_communes_met():
    text = (
        "Gia hạn nhiệm vụ I.2 từ ngày 30 tháng 11 năm 2026 sang ngày 15 tháng 12 năm 2026 giúp chị"
    )
    best = read(text, today=NOVEMBER_11).best
    day = date(2026, 12, 15)
    assert (best.action, best.period) == (Action.EXTEND, Period(PeriodKind.DAY, day, day))
    text = "nv 1.2 kiem tra cchc xong r, bao cao ket qua da trinh ubnd tinh, dong lai giup e"
    assert read(text, today=NOVEMBER_11).best.action is Action.COMPLETE
    text = "các xã, phường còn việc nào chưa xong không em, chị sắp xuống làm việc với mấy xã"
    assert read(text, today=NOVEMBER_11).best.ask is Ask.LIST
    text = "cuoi tuan nay co ai di Sa Dec ngam lang hoa ko mn"
    assert read(text, today=NOVEMBER_11).best.ask is Ask.OFF_TOPIC


# ------------------------------ early March, office English in Vietnamese messages

MARCH_4 = date(2026, 3, 4)


def test_a_request_the_title_holds_and_a_task_named_by_its_deadline_and_a_field():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = (
        "viec cap nhat co so du lieu can bo cong chuc vien chuc dot nay xong roi, "
        "danh dau hoan thanh giup e"
    )
    best = read(text, plan, today=MARCH_4).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef(None, "5"))
    text = "việc có hạn tháng 2 thì sản phẩm phải nộp là gì nhỉ, để a đối chiếu hồ sơ"
    best = read(text, plan, today=MARCH_4).best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef(None, "1"), TaskField.PRODUCT)
    best = read("việc có hạn tháng 2 là những việc nào", plan, today=MARCH_4).best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)


def test_the_boss_said_in_a_message_with_english_words_is_no_september():
    text = "sếp cần report tổng hợp tình hình thực hiện bảng phân công cchc, làm giúp e nhé"
    best = read(text, today=MARCH_4).best
    assert (best.ask, best.period) == (Ask.REPORT, None)


# ------------------------------ mid-May, a plain fortnight

MAY_13 = date(2026, 5, 13)


def test_a_task_named_by_two_deadlines_and_the_plan_named_as_a_list_of_tasks():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    text = "cái việc hạn 15/6 với 15/12 hằng năm thì ai phối hợp nhỉ"
    best = read(text, plan, today=MAY_13).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.SUPPORT)
    text = (
        "Cho tôi báo cáo tổng hợp tình hình thực hiện danh mục nhiệm vụ cải cách hành chính, "
        "a cần gửi lãnh đạo"
    )
    assert read(text, plan, today=MAY_13).best.ask is Ask.REPORT


def test_evidence_sent_for_a_task_the_bots_skills_and_our_side_typed_short():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    text = "e gửi báo cáo vận hành hệ thống tthc quý I để làm minh chứng cho nv 5"
    best = read(text, plan, today=MAY_13).best
    assert (best.action, best.task) == (Action.ATTACH_EVIDENCE, TaskRef(None, "5"))
    best = read("lanh dao vu hoi, tien do chung cua ben mnh the nao r", plan, today=MAY_13).best
    assert (best.ask, best.own) == (Ask.PROGRESS, True)
    assert read("em lam duoc nhung viec gi, chi moi dung lan dau").best.ask is Ask.HELP
    assert read("Sở Nội vụ làm được những việc gì rồi").best.ask is Ask.LIST


# ------------------------------ late September, beliefs to confirm

SEPTEMBER_23 = date(2026, 9, 23)


def test_a_count_the_asker_believes_and_a_status_believed_after_the_question():
    believed = (
        "ben minh con 2 viec chua xong phai ko",
        "sở tài chính chủ trì có 4 nhiệm vụ đúng ko",
        "tu gio toi 15/12 con 3 viec phai xong dung ko a",
    )
    asked = [read(text, today=SEPTEMBER_23).best.ask for text in believed]
    assert asked == [Ask.COUNT] * len(believed)
    assert read("nhắc 3 việc quá hạn của stp giúp e", today=SEPTEMBER_23).best.ask is not Ask.COUNT
    best = read("sở khcn còn việc nào chưa xong ko e, a tưởng xong hết r", today=SEPTEMBER_23).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)


# ------------------------------ early December, the leaders pressing

DECEMBER_2 = date(2026, 12, 2)


def test_a_body_that_wants_the_answer_or_meets_is_no_filter_nor_is_its_meeting_a_window():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "bcd muon biet quy vua roi co may viec toi han ma chua xong"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.ask, best.agencies) == (Ask.COUNT, ())
    text = "tuần sau BCĐ họp rồi, a cần nắm tình hình thực hiện của Sở Y tế"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.ask, best.period) == (Ask.PROGRESS, None)
    text = "BCĐ họp tuần sau, chuẩn bị giúp a báo cáo tổng hợp tình hình thực hiện KH CCHC"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.ask, best.period) == (Ask.REPORT, None)
    best = read("báo cáo tổng hợp tuần sau", plan, today=DECEMBER_2).best
    assert (best.ask, best.period is not None) == (Ask.DIGEST, True)
    plan = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    text = "Thường trực UBND hỏi: trong tháng 12 này có bao nhiêu việc có hạn?"
    assert read(text, plan, today=DECEMBER_2).best.agencies == ()


def test_what_a_superior_said_before_the_question_is_why_it_is_asked():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = "sep bao nhac ngay may don vi cham. truoc het cho e ds cac viec da qua han"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.ask, best.status) == (Ask.LIST, Status.OVERDUE)
    best = read("sếp bảo nhắc STP việc II.1", plan, today=DECEMBER_2).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef("II", "1"))
    text = "nhắc ngay đơn vị chủ trì việc rà soát chức năng nhiệm vụ của các cơ quan sau sắp xếp"
    best = read(text, plan, today=DECEMBER_2).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef("IV", "1"))
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = (
        "sếp dặn việc nào năm nay ko kịp thì phải báo rõ. lọc giúp e các việc hạn 31/12 mà "
        "chưa xong"
    )
    day = date(2026, 12, 31)
    assert read(text, plan, today=DECEMBER_2).best.period == Period(PeriodKind.DAY, day, day)
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    text = (
        "sếp bảo nhắc ngay Cục Chuyển đổi số quốc gia việc kết nối dữ liệu dân cư, cuối tháng "
        "là hết hạn rồi"
    )
    assert read(text, plan, today=DECEMBER_2).best.task == TaskRef(None, "6")


def test_who_leads_the_tasks_listed_a_spot_check_and_a_match_tonight():
    best = read("những việc nào quá hạn và ai chủ trì", today=DECEMBER_2).best
    assert (best.ask, best.role) == (Ask.LIST, None)
    best = read("những việc nào sở tư pháp chủ trì", today=DECEMBER_2).best
    assert best.role is Role.LEAD
    text = "việc kiểm tra đột xuất công khai TTHC hạn khi nào"
    assert read(text, today=DECEMBER_2).best.ask is not Ask.EXPORT
    text = "tối nay Hải Phòng đá với ai nhỉ, có ai đi sân Lạch Tray không"
    assert read(text, today=DECEMBER_2).best.ask is Ask.OFF_TOPIC
    text = "sở tài chính có việc gì không, họ hỏi em hôm qua"
    assert read(text, today=DECEMBER_2).best.period is None


# ------------------------------ mid-August, tasks named by what they deliver

AUGUST_12 = date(2026, 8, 12)


def test_a_report_of_a_review_names_the_review_and_a_field_of_work_is_no_body():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    best = read("bc ket qua ra soat tthc linh vuc xay dung toi dau r e", plan, AUGUST_12).best
    assert (best.task, best.field) == (TaskRef(None, "3"), TaskField.PROGRESS)
    best = read("sở xây dựng còn việc nào chưa xong", plan, AUGUST_12).best
    assert best.agencies == ("so-xay-dung",)
    reading = read("cái báo cáo kết quả rà soát tthc hạn nộp khi nào e", plan, AUGUST_12)
    asked = {c.task for c in (reading.best, *reading.choices)}
    assert reading.ask_back and {TaskRef(None, "2"), TaskRef(None, "3")} <= asked
    text = "nhắc STP góp ý báo cáo rà soát tthc đất đai giúp a, còn hơn tháng nữa là tới hạn r"
    best = read(text, plan, AUGUST_12).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef(None, "2"))


def test_a_year_a_title_holds_a_document_issued_and_a_reminder_the_asker_owes():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_quang_tri"])
    text = "dự toán kinh phí cchc năm 2027 trình tỉnh thì bên nào chủ trì?"
    best = read(text, plan, AUGUST_12).best
    assert (best.task, best.field, best.period) == (TaskRef(None, "5"), TaskField.LEAD, None)
    best = read("ubnd cap xa thuc hien chi thi toi dau roi", plan, AUGUST_12).best
    assert (best.ask, best.action) == (Ask.PROGRESS, None)
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "kế hoạch tuyên truyền cchc ban hành lâu rồi, đánh dấu hoàn thành giúp"
    best = read(text, plan, AUGUST_12).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef(None, "1"))
    best = read("nv 3 ai chủ trì? cần nhắc họ", plan, AUGUST_12).best
    assert (best.ask, best.field) == (Ask.TASK, TaskField.LEAD)


# ------------------------------ late November, counting down from today

NOVEMBER_25 = date(2026, 11, 25)


def _window(start: date, end: date) -> Period:
    return Period(PeriodKind.RANGE, start, end)


def test_days_counted_down_from_today_are_the_window():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    cases = {
        "tu nay toi t6 tuan nay phai xong nhung gi": date(2026, 11, 27),
        "con 20 ngay nua la het han nhung viec nao vay": date(2026, 12, 15),
        "tinh tu hom nay den het nam con bn viec phai hoan thanh": date(2026, 12, 31),
        "có gì đến hạn trước thứ 6 không": date(2026, 11, 27),
        "stp còn gì phải xong trước cuối tuần sau": date(2026, 12, 6),
        "còn 36 ngày nữa là hết năm, những việc nào đến hạn": date(2026, 12, 31),
    }
    for text, last in cases.items():
        best = read(text, plan, NOVEMBER_25).best
        assert (best.status, best.period) == (Status.DUE, _window(NOVEMBER_25, last)), text
    june = Period(PeriodKind.MONTH, date(2026, 6, 1), date(2026, 6, 30))
    assert read("việc nào hạn t6", plan, NOVEMBER_25).best.period == june
    text = "nv xây dựng kế hoạch cchc năm 2027 còn mấy ngày nữa là tới hạn?"
    best = read(text, plan, NOVEMBER_25).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.DUE)


def test_a_report_asked_after_a_remark_a_section_being_done_and_the_cold():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    text = "sắp phải nộp bc rồi, làm giúp mình báo cáo tổng hợp tình hình thực hiện kế hoạch nhé"
    assert read(text, plan, NOVEMBER_25).best.ask is Ask.REPORT
    best = read("mảng cải cách thể chế đang làm ntn r", today=NOVEMBER_25).best
    assert (best.ask, best.section) == (Ask.PROGRESS, "II")
    text = "HN may hom nay ret the nhi, co ai mang o ko"
    assert read(text, today=NOVEMBER_25).best.ask is Ask.OFF_TOPIC


# ------------------------------ early February, a plain fortnight before Tết

FEBRUARY_4 = date(2026, 2, 4)


def test_a_share_given_after_a_colon_a_pitch_near_a_body_and_what_the_bot_is_for():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_quang_tri"])
    text = "2a: kế hoạch kiểm tra đột xuất đã xong dự thảo, khoảng 15%"
    best = read(text, plan, FEBRUARY_4).best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "2.a"))
    assert read("2a: được bao nhiêu phần trăm rồi", plan, FEBRUARY_4).best.action is None
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    text = "chiều nay có ai đi đá banh ko, sân gần ubnd nha"
    assert read(text, plan, FEBRUARY_4).best.ask is Ask.OFF_TOPIC
    assert read("bot nay dung de lam gi vay, chi a voi", today=FEBRUARY_4).best.ask is Ask.HELP


def test_the_asker_out_chasing_units_asks_what_falls_due():
    text = "e đang đi đôn đốc các đơn vị, sap den han co nhung viec gi vay"
    best = read(text, today=date(2026, 10, 14)).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)


# ------------------------------ early July, the six-month review; plans of parts and points

JULY_8 = date(2026, 7, 8)


def _rows_of(*rows: tuple[str | None, str, str]) -> PlanVocabulary:
    """A plan of task rows, each its section, number and title."""
    rows_ = [TaskRow(s, s and f"Phần {s}", n, None, title) for s, n, title in rows]
    return PlanVocabulary.of_rows(DIRECTORY, years=(2026, 2026), rows=rows_, agencies={})


def test_two_items_a_plan_numbers_alike_keep_their_own_titles():
    vocabulary = _rows_of(
        ("II.7", "c", "Tham mưu công bố Chỉ số cải cách hành chính của UBND xã, phường"),
        ("II.7", "c", "Xây dựng Kế hoạch cải cách hành chính năm 2027 của thành phố"),
    )
    assert [t.title[:9] for t in vocabulary.tasks] == ["Tham mưu ", "Xây dựng "]
    best = read("vc xây dựng kh cchc năm 2027 tới đâu r", vocabulary, JULY_8).best
    assert (best.task, best.field) == (TaskRef("II.7", "c"), TaskField.PROGRESS)


def test_parts_above_sections_and_a_directives_points_are_asked_as_a_whole():
    vocabulary = _rows_of(
        ("II.1", "a", "Niêm yết thủ tục hành chính"),
        ("II.2", "a", "Số hóa hồ sơ lưu trữ"),
        ("III", "1", "Tham mưu triển khai kế hoạch"),
    )
    assert [s.code for s in vocabulary.sections if s.above] == ["II"]
    best = read("tiến độ mục II nhiệm vụ trọng tâm ra sao rồi", vocabulary, JULY_8).best
    assert (best.ask, best.section) == (Ask.PROGRESS, "II")
    # "mục 2" is still the part numbered 2 of section II, not the heading above it.
    assert read("mục 2 còn mấy việc", vocabulary, JULY_8).best.section == "II.2"
    directive = _rows_of(
        (None, "1.a", "Quán triệt nội dung Chỉ thị"),
        (None, "1.b", "Rà soát quy trình nội bộ"),
        (None, "2.a", "Kiểm tra đột xuất việc chấp hành kỷ luật"),
        (None, "2.b", "Theo dõi, tổng hợp tình hình thực hiện Chỉ thị"),
        (None, "4.1", "Nâng cấp hệ thống thông tin"),
    )
    assert [s.code for s in directive.sections] == ["1", "2"]  # point 4 holds one item
    best = read("tiến độ mục 2 sao r e", directive, JULY_8).best
    assert (best.ask, best.section) == (Ask.PROGRESS, "2")
    reading = read("mục 2 hạn khi nào", directive, JULY_8)
    assert {c.task for c in reading.choices} == {TaskRef(None, "2.a"), TaskRef(None, "2.b")}
    assert read("muc 4 ben nao phoi hop", directive, JULY_8).best.task == TaskRef(None, "4.1")


def test_what_a_part_holds():
    assert in_part("II", "II.2", "a") and in_part("II.2", "II.2", "a")
    assert in_part("2", None, "2.b") and not in_part("2", None, "2")
    assert not in_part("II", "III", "1") and not in_part("1", None, "12.a")


def test_a_report_of_the_plan_said_whole_and_tonight_typed_bare():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "gui a bao cao tong hop tinh hinh thuc hien ke hoach toi nay nhe"
    assert read(text, plan, JULY_8).best.ask is Ask.REPORT


def test_a_windows_report_with_a_task_to_make_it_is_asked_back():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    reading = read("bc 6 thang sao roi", plan, JULY_8)
    assert reading.ask_back
    assert {c.ask for c in reading.choices} | {reading.best.ask} == {Ask.REPORT, Ask.TASK}
    assert not read("cho xin bc quy 2", plan, JULY_8).ask_back


def test_a_list_asked_with_the_askers_context_after_it_names_no_task():
    plan = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    best = read("ds tất cả nv quá hạn, cần cho cuộc họp lãnh đạo mai", plan, JULY_8).best
    assert (best.ask, best.status, best.task) == (Ask.LIST, Status.OVERDUE, None)
    text = "ds nv qua han cua vp hdnd va ubnd phuong, e dang tong hop so ket"
    best = read(text, plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"]), JULY_8).best
    assert (best.ask, best.task) == (Ask.LIST, None)


def test_reminders_the_asker_will_send_are_no_request():
    plan = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    for text in ("sap den han nhung gi, e con nhac cac dv", "sắp đến hạn việc nào, để chị nhắc"):
        best = read(text, plan, JULY_8).best
        assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE), text
    assert read("việc nào sắp đến hạn, nhắc giúp e", plan, JULY_8).best.action is Action.REMIND


def test_a_body_named_without_the_plans_place_is_the_plans():
    plan = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    station = "unverified-dai-phat-thanh-va-truyen-hinh-hai-phong"
    for text in ("dai truyen hinh toi dau roi", "đài ptth tỉnh sao rồi"):
        reading = read(text, plan, JULY_8)
        assert not reading.ask_back and reading.best.agencies == (station,), text


def test_a_sections_title_restated_after_it_is_no_body():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    best = read("mục II thế nào rồi? các việc cấp xã", plan, JULY_8).best
    assert (best.section, best.agencies) == ("II", ())


def test_a_match_last_night_is_small_talk():
    assert read("toi qua VN da voi Jordan hoa ha mn", today=JULY_8).best.ask is Ask.OFF_TOPIC


def test_a_share_said_of_one_task_is_an_update():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    for text in ("nv 8 đạt 10%", "nv 8 tiến độ khoảng 10%"):
        best = read(text, plan, JULY_8).best
        assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "8")), text
    for text in ("nv 8 được 10% chưa", "nv 8 đạt bao nhiêu %"):
        assert read(text, plan, JULY_8).best.action is None, text
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    for text in (
        "nền tảng chia sẻ dữ liệu đạt khoảng 70%",
        "bc tiến độ nền tảng chia sẻ dữ liệu: đạt khoảng 70%, đang kết nối các hệ thống",
    ):
        best = read(text, plan, JULY_8).best
        assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "1.a")), text


def test_a_titles_request_word_said_before_its_number():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    best = read("tiến độ cập nhật csdl cbccvc (nv 5)", plan, JULY_8).best
    assert (best.ask, best.action, best.task) == (Ask.TASK, None, TaskRef(None, "5"))
    best = read("cập nhật tiến độ nv 5: xong 50%", plan, JULY_8).best
    assert best.action is Action.REPORT_PROGRESS


SEPTEMBER_9, DECEMBER_9 = date(2026, 9, 9), date(2026, 12, 9)


def test_a_body_a_sections_title_names_offers_that_section():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    for text in ("ubnd xa gio sao roi", "ubnd cấp xã tiến độ thế nào"):
        reading = read(text, plan, SEPTEMBER_9)
        offered = {(c.section, c.agencies) for c in reading.choices}
        assert reading.ask_back and offered == {(None, ("ubnd-cap-xa",)), ("II", ())}, text
    assert not read("stp sao roi", plan, SEPTEMBER_9).ask_back


def test_what_falls_due_in_a_window_asked_what_remains_is_due():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_quang_tri"])
    best = read("việc của mình có hạn trong tháng 12 còn những gì", plan, DECEMBER_9).best
    assert (best.status, best.own) == (Status.DUE, True)
    best = read("việc có hạn trong tháng 12 mà chưa xong", plan, DECEMBER_9).best
    assert best.status is Status.OPEN


def test_a_task_numbered_alone_offers_the_part_numbered_so_too():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    for text in ("viec so 2 toi dau roi", "nhiệm vụ 2 tới đâu rồi"):
        reading = read(text, plan, SEPTEMBER_9)
        offered = {(c.task, c.section) for c in reading.choices}
        assert reading.ask_back and offered == {(TaskRef("III", "2"), None), (None, "II.2")}
    # A field of one task: task III.2, or the one task of part II.2.
    for text in ("nv 2 ai chủ trì", "cho chị xem chi tiết nhiệm vụ 2"):
        reading = read(text, plan, SEPTEMBER_9)
        offered = {c.task for c in reading.choices}
        assert reading.ask_back and offered == {TaskRef("III", "2"), TaskRef("II.2", "a")}


def test_the_number_of_tasks_typed_with_its_marks_is_no_department():
    best = read("cho a số nv đã hoàn thành").best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.DONE, ())
    assert read("sở nv quá hạn").best.agencies == (SNV,)
    assert read("so nv con bn viec").best.agencies == (SNV,)


def test_lunch_at_the_office_is_small_talk():
    assert read("trưa nay cơ quan có cơm ko e").best.ask is Ask.OFF_TOPIC


def test_a_sections_name_said_short_offers_the_one_task_whose_title_holds_it():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    reading = read("bộ máy thế nào rồi e", plan, SEPTEMBER_9)
    offered = {(c.section, c.task) for c in reading.choices}
    assert reading.ask_back and offered == {("III", None), (None, TaskRef("III", "1"))}
    reading = read("cải cách tổ chức bộ máy thế nào rồi", plan, SEPTEMBER_9)
    assert not reading.ask_back and reading.best.section == "III"


def test_the_first_task_of_a_section_named_by_its_title():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    best = read("việc đầu tiên thuộc cải cách thể chế ai chủ trì", plan, SEPTEMBER_9).best
    assert (best.task, best.field) == (TaskRef("I", "1"), TaskField.LEAD)
    best = read("việc cuối cùng phần cải cách thể chế ai chủ trì", plan, SEPTEMBER_9).best
    assert best.task == TaskRef("I", "2")
    best = read("việc đầu tiên của sở tư pháp ai chủ trì", today=SEPTEMBER_9).best
    assert best.task is None


def test_an_update_naming_its_task_after_the_colon():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "báo cáo tiến độ: rà soát, hệ thống hóa văn bản QPPL đã làm được 70%"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef("I", "1"))


def test_a_state_said_in_a_remark_beside_the_progress_asked():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "chị Lan bảo sở tài chính đang chậm, bên đó tiến độ chung thế nào"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.status, best.agencies) == (Ask.PROGRESS, None, ("so-tai-chinh",))
    text = "sở tài chính còn việc nào chậm, tiến độ chung thế nào"
    assert read(text, plan, SEPTEMBER_9).best.status is Status.OVERDUE
    text = (
        "Chị Lan bảo có việc xong rồi mà chưa thấy cập nhật. Giờ những nhiệm vụ nào đã hoàn thành?"
    )
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DONE)


def test_a_field_of_work_said_with_its_marks():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    reading = read("mảng thủ tục hành chính làm tới đâu rồi", plan, SEPTEMBER_9)
    assert {c.task for c in reading.choices} == {TaskRef(None, n) for n in ("3", "4", "5")}
    lexicon = Lexicon.load()
    assert lexicon.filler("mang", marks("mảng")) and not lexicon.filler("mang", None)


def test_rain_asked_of_a_friend_is_small_talk():
    text = "chiều nay có mưa ko bn, nghe nói sắp có áp thấp vô"
    assert read(text, today=SEPTEMBER_9).best.ask is Ask.OFF_TOPIC


def test_a_body_that_leads_is_no_section_named_alike():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    reading = read("ubnd cac xa phuong dac khu chu tri nhung nv nao", plan, SEPTEMBER_9)
    best = reading.best
    assert not reading.ask_back
    assert (best.agencies, best.section, best.role) == (("ubnd-cap-xa",), None, Role.LEAD)


def test_the_day_a_report_is_wanted_is_no_window_of_it():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    text = "Bot ơi, báo cáo tổng hợp tình hình thực hiện kế hoạch giúp chị, mai chị phải trình"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.period) == (Ask.REPORT, None)


def test_more_time_asked_for_a_task_whose_title_says_update():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "viec cap nhat csdl cbccvc cho xin them 1 thang nua dc ko e, cuoi nam du lieu nhieu qua"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.action, best.task) == (Action.EXTEND, TaskRef(None, "5"))
    assert best.duration == Duration(1, "month")


def test_the_number_of_tasks_typed_bare_before_a_body():
    best = read("dem giup a so nv stp da hoan thanh, cuoi nam phai bc so lieu").best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (STP,), Status.DONE)
    assert read("so nv qua han").best.agencies == (SNV,)


def test_a_share_of_communes_and_the_departments_director_are_no_department():
    reading = read("việc iso 9001 tối thiểu 40% so xa thi ai chu tri vay", today=SEPTEMBER_9)
    assert all(c.agencies != (SNV,) for c in reading.choices)
    text = "lam bao cao tong hop tinh hinh thuc hien ke hoach giup a, chieu nay trinh gd so"
    reading = read(text, today=SEPTEMBER_9)
    assert not reading.ask_back and reading.best.ask is Ask.REPORT


def test_the_askers_own_chasing_after_the_question_is_no_request():
    text = (
        "quý I vừa rồi các việc tới hạn mà chưa xong là những việc nào, tuần này a phải đi đôn đốc"
    )
    best = read(text, today=SEPTEMBER_9).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.OPEN)


def test_a_section_said_among_the_words_of_the_task_named_is_no_section():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    text = (
        "phòng KTHT&ĐT xin lùi hạn việc rà soát tthc đất đai, xây dựng thêm 15 ngày, e gia hạn giúp"
    )
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.action, best.task, best.section) == (Action.EXTEND, TaskRef("III", "3"), None)


def test_the_first_task_of_the_plan_and_not_of_a_document_named_plan():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    text = "Cho mình xem chi tiết nhiệm vụ đầu tiên của kế hoạch"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.task, best.field) == (TaskRef(None, "1"), TaskField.CARD)
    # "kế hoạch kiểm tra" is a task's document (I.1 "Xây dựng Kế hoạch kiểm tra ..."), no list.
    assert read("việc đầu tiên của kế hoạch kiểm tra ai chủ trì").best.task != TaskRef("I", "1")


def test_more_time_for_the_tasks_due_at_a_months_end():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    reading = read("viec han cuoi thang 9 xin lui them 10 ngay, gia han giup c", plan, SEPTEMBER_9)
    assert reading.ask_back
    assert {(c.action, c.task) for c in reading.choices} == {
        (Action.EXTEND, TaskRef(None, "2")),
        (Action.EXTEND, TaskRef(None, "3")),
    }
    assert all(c.duration == Duration(10, "day") and c.period is None for c in reading.choices)


def test_a_task_named_by_its_deadline_is_the_row_due_then():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    reading = read("cái việc hạn 30/6 bên nào chủ trì thế", plan, SEPTEMBER_9)
    assert {c.task for c in reading.choices} == {TaskRef("II", "1", 1), TaskRef("III", "1")}


def test_classes_held_are_how_far_a_task_has_got_not_a_count():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    text = "Nhiệm vụ tập huấn nghiệp vụ cho cc cấp xã đã tổ chức được mấy lớp rồi em?"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef(None, "4"), TaskField.PROGRESS)


def test_the_full_card_of_a_task_named_by_its_title():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "xem đầy đủ thông tin nv khảo sát ở các xã, phường cho c"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.task, best.field) == (TaskRef("II", "2", 2), TaskField.CARD)


def test_two_letters_typed_the_other_way_round():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    best = read("stp tham gia phoi hpo nhung viec nao trong kh", plan, SEPTEMBER_9).best
    assert (best.ask, best.agencies, best.role) == (Ask.LIST, (STP,), Role.SUPPORT)


def test_the_window_of_the_report_a_purpose_names_first_is_no_window():
    text = "Sếp cần số liệu để dựng báo cáo 9 tháng. Tóm tắt giúp e tình hình thực hiện cả kế hoạch"
    best = read(text, today=SEPTEMBER_9).best
    assert (best.ask, best.period) == (Ask.PROGRESS, None)
    best = read("để làm bc quý 3, cho e ds việc quá hạn", today=SEPTEMBER_9).best
    assert (best.ask, best.status, best.period) == (Ask.LIST, Status.OVERDUE, None)


def test_the_guidance_asked_if_issued_is_no_request_for_help():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    reading = read("hướng dẫn xong chưa", plan, SEPTEMBER_9)
    assert {c.task for c in reading.choices} == {TaskRef("I", "1"), TaskRef("I", "3")}
    assert read("hướng dẫn mình cách xem tiến độ", plan, SEPTEMBER_9).best.task is None


def test_a_group_said_overall_is_offered_with_the_section_it_names():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    reading = read("cac xa the nao chung", plan, SEPTEMBER_9)
    assert reading.ask_back
    assert {(c.agencies, c.section) for c in reading.choices} == {
        (("ubnd-cap-xa",), None),
        ((), "II"),
    }


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_the_tasks_assigned_to_a_body_are_its_own_not_a_titles():
    plan = plan_vocabulary(plan_path("003"))
    text = "sở tư pháp làm các nv được giao tới đâu rồi e"
    best = read(text, plan, date(2025, 8, 26)).best
    assert (best.ask, best.agencies, best.task) == (Ask.PROGRESS, (STP,), None)


def test_what_the_asker_wants_to_do_after_the_question_is_no_request():
    text = "Trước Tết còn những việc nào phải xong không em, chị muốn đôn đốc một lượt"
    best = read(text, today=date(2026, 2, 5)).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)


def test_a_meeting_the_asker_goes_to_is_context():
    best = read("a sap vao hop, ke hoach cchc nam nay toi dau roi e", today=date(2026, 2, 5)).best
    assert (best.ask, best.task, best.period) == (Ask.PROGRESS, None, None)


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_every_task_listed_in_excel_and_how_to_update_progress():
    plan = plan_vocabulary(plan_path("000"))
    text = "kết xuất ra excel toàn bộ danh mục nhiệm vụ của kế hoạch giúp a"
    assert read(text, plan, date(2023, 2, 7)).best.ask is Ask.EXPORT
    best = read("cap nhat % tien do cho 1 nv thi thao tac ra sao bot", plan, date(2023, 2, 7)).best
    assert (best.ask, best.action, best.task) == (Ask.ACTION, Action.REPORT_PROGRESS, None)


def test_how_much_a_part_has_done_is_its_progress():
    best = read("mảng cải cách thể chế làm đươc bao nhiêu rồi", today=SEPTEMBER_9).best
    assert (best.ask, best.section) == (Ask.PROGRESS, "II")
    best = read("sở tư pháp làm được bao nhiêu việc rồi", today=SEPTEMBER_9).best
    assert best.ask is Ask.COUNT


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_a_title_and_an_activity_row_that_opens_with_the_same_words_are_both_offered():
    plan = plan_vocabulary(plan_path("003"))
    reading = read(
        "việc đánh giá xếp loại tới đâu rồi e, lãnh đạo vừa hỏi", plan, date(2025, 8, 26)
    )
    assert {c.task for c in reading.choices} == {TaskRef("I", "6"), TaskRef("V", "5")}
    # ... but words further into a row name no task ("... và tinh giản biên chế" of V.2).
    best = read("nv tinh giản biên chế ai làm", plan, date(2025, 8, 26)).best
    assert best.task == TaskRef("IV", "4")


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_a_title_s_words_within_a_section_named_by_its_number():
    plan = plan_vocabulary(plan_path("000"))
    reading = read("cái hội nghị ở mục VIII hạn tổ chức là khi nào vậy", plan, date(2023, 2, 7))
    assert {c.task for c in reading.choices} == {TaskRef("VIII", "3"), TaskRef("VIII", "6")}


@pytest.mark.skipif(plan_path("001") is None, reason="the seed plans are not here")
def test_the_plans_year_after_its_own_title_is_no_window():
    plan = plan_vocabulary(plan_path("001"))
    text = "Kế hoạch cải thiện chỉ số PAR INDEX năm nay triển khai tới đâu rồi em"
    best = read(text, plan, date(2018, 2, 6)).best
    assert (best.ask, best.period) == (Ask.PROGRESS, None)


def test_where_everyone_goes_typed_bare_is_no_focal_point():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    reading = read("cuoi tuan nay co quan di teambuilding o dau moi nguoi", plan, SEPTEMBER_9)
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.role) == (Ask.OFF_TOPIC, None)


def test_how_to_send_evidence_to_the_system_names_no_task():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    best = read("lam sao de gui minh chung len he thong vay a", plan, SEPTEMBER_9).best
    assert (best.ask, best.action, best.task) == (Ask.ACTION, Action.ATTACH_EVIDENCE, None)


def test_the_plans_tasks_in_excel_are_no_tasks_card():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    assert read("c can bang excel cac nv cchc, e xuat giup c", plan, SEPTEMBER_9).best.ask is (
        Ask.EXPORT
    )


def test_an_asker_who_calls_the_bot_em_speaks_of_their_own_as_ben_chi():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    best = read("bên chị còn việc nào chưa xong không em", plan, SEPTEMBER_9).best
    assert (best.ask, best.own, best.status) == (Ask.LIST, True, Status.OPEN)
    assert not read("bên anh Tuấn chủ trì việc gì em", plan, SEPTEMBER_9).best.own
    assert not read("bên chị còn việc nào chưa xong", plan, SEPTEMBER_9).best.own


def test_what_an_old_list_still_says_is_no_status():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    text = "sở kh&đt cũ có phần việc nào ko, trong ds cũ còn ghi tên"
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.agencies, best.status) == (Ask.LIST, ("so-tai-chinh",), None)


def test_the_figures_as_a_whole_are_the_plans():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    text = (
        "Chủ tịch hỏi tình hình thực hiện kế hoạch CCHC của phường đến nay ra sao, em gửi số"
        " liệu chung giúp chị"
    )
    best = read(text, plan, SEPTEMBER_9).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_overall_is_no_report_asked():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    text = "tong the chi thi 12 dang thuc hien toi dau r e, c chuan bi viet bc 6 thang"
    best = read(text, plan, date(2026, 5, 20)).best
    assert (best.ask, best.period) == (Ask.PROGRESS, None)
    # ... but the plan's state said whole ("tình hình chung") is its summary report.
    assert read("tình hình chung thế nào, chiều sếp hỏi").best.ask is Ask.REPORT


def test_a_report_sent_back_to_a_department_is_a_tasks_title():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    text = (
        "Báo cáo kết quả CCHC của các xã gửi về Sở Nội vụ đợt giữa năm thì hạn chót là ngày"
        " nào vậy em"
    )
    best = read(text, plan, date(2026, 5, 26)).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.DUE)


def test_a_points_items_asked_for_as_a_list_are_the_point():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    best = read("điểm 2 còn việc nào chưa hoàn thành không", plan, date(2026, 5, 20)).best
    assert (best.ask, best.section, best.status, best.task) == (Ask.LIST, "2", Status.OPEN, None)
    reading = read("nv 2 hạn khi nào e, chị lên lịch", plan, date(2026, 5, 20))
    assert reading.ask_back and {c.task for c in reading.choices} == {
        TaskRef(None, "2.a"),
        TaskRef(None, "2.b"),
    }


def test_a_trip_with_colleagues_is_small_talk():
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    text = "thu 7 nay co ai di sam son khong ca nha"
    assert read(text, plan, date(2026, 5, 20)).best.ask is Ask.OFF_TOPIC


def test_the_reminding_one_who_calls_the_bot_em_will_do_is_no_request():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = (
        "Tháng 6 này có hạn những việc nào em? Anh nhắc mấy đơn vị trước cho kịp báo cáo 6 tháng."
    )
    best = read(text, plan, date(2026, 5, 28)).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)
    text = "nhiệm vụ 4a xong từ tháng 2 rồi ạ, anh chị đánh dấu hoàn thành giúp em nhé"
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    assert read(text, plan, date(2026, 5, 20)).best.action is Action.COMPLETE


def _assigned_plan() -> PlanVocabulary:
    """A province's plan of nine tasks and who each is assigned to: Sở Tư pháp leads two,
    Sở Tài chính one, Sở Nội vụ four; Công an tỉnh supports one."""
    CA, STC = "cong-an-tinh", "so-tai-chinh"
    tasks = [
        ("Ban hành Kế hoạch kiểm tra công tác cải cách hành chính", (SNV,), (VP,)),
        ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật", (STP,), ("so-ban-nganh",)),
        ("Cập nhật văn bản lên Cơ sở dữ liệu quốc gia về pháp luật", (STP,), ()),
        ("Triển khai thanh toán trực tuyến phí, lệ phí", (STC,), (CA,)),
        ("Đánh giá chỉ số cải cách hành chính các sở", (SNV,), ()),
        ("Tuyển dụng công chức cấp xã", (SNV,), ()),
        ("Đào tạo kỹ năng số cho công chức cấp xã", (SNV,), (KHCN,)),
        ("Khảo sát sự hài lòng của người dân", (KHCN,), ()),
        ("Sắp xếp các đơn vị sự nghiệp công lập", ("ubnd-cap-xa",), ()),
    ]
    rows = [
        TaskRow("I", "Nhiệm vụ", str(n), None, title, leads=leads, supports=supports)
        for n, (title, leads, supports) in enumerate(tasks, start=1)
    ]
    keys = {k for _, leads, supports in tasks for k in (*leads, *supports)}
    return PlanVocabulary.of_rows(
        DIRECTORY, years=(2026, 2026), rows=rows, agencies={k: [] for k in sorted(keys)}
    )


def test_a_task_named_by_the_one_agency_assigned_it():
    plan = _assigned_plan()
    reading = read("việc stp chủ trì thì bên nào phối hợp", plan)
    assert reading.ask_back
    assert [(c.task, c.field) for c in reading.choices] == [
        (TaskRef("I", "2"), TaskField.SUPPORT),
        (TaskRef("I", "3"), TaskField.SUPPORT),
    ]
    # An extension is of a task: an agency that leads one asks for that one ...
    best = read("stc xin gia hạn thêm 1 tháng, em ghi nhận giúp", plan).best
    assert (best.action, best.task, best.agencies) == (Action.EXTEND, TaskRef("I", "4"), ())
    # ... and where it supports some, those it supports, said so.
    reading = read("cái việc công an phối hợp hạn khi nào", plan)
    assert (reading.best.task, reading.best.field) == (TaskRef("I", "4"), TaskField.DUE)
    # A group named as a title says it ("việc cấp xã": the one it leads, the two of its staff).
    reading = read("việc cấp xã sản phẩm đầu ra là gì", plan)
    assert {c.task.number for c in reading.choices if c.task} == {"6", "7", "9"}


def test_an_agency_of_many_tasks_or_asked_of_many_is_its_list():
    plan = _assigned_plan()
    best = read("snv xin gia hạn thêm 1 tháng", plan).best
    assert (best.action, best.task, best.agencies) == (Action.EXTEND, None, (SNV,))
    # ... and more time for an agency of two, no task said as one: the way to extend them.
    reading = read("gia hạn cho stp thêm 1 tháng", plan)
    assert (reading.ask_back, reading.best.task, reading.best.agencies) == (False, None, (STP,))
    best = read("các việc stp chủ trì hạn khi nào", plan).best
    assert (best.ask, best.task, best.agencies) == (Ask.LIST, None, (STP,))
    # Whom its list names as leads answers who leads what it supports.
    best = read("việc sở khcn phối hợp thì bên nào chủ trì", plan).best
    assert (best.ask, best.agencies, best.role) == (Ask.LIST, (KHCN,), Role.SUPPORT)
    # "cải" of "cchc" typed short is no "cái": the agency's progress.
    best = read("stp dạo này triển khai cchc sao r", plan).best
    assert (best.ask, best.task, best.agencies) == (Ask.PROGRESS, None, (STP,))


def test_a_task_number_typed_with_a_leading_zero():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    assert read("xem chi tiết nv 02", plan, OCTOBER_6).best.task == TaskRef(None, "2")


def test_overdue_not_done_stays_overdue_beside_a_remark():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    text = "còn mấy việc quá hạn chưa xong vậy, sáng mai họp giao ban"
    assert read(text, plan, OCTOBER_6).best.status is Status.OVERDUE


@pytest.mark.parametrize(
    "text",
    [
        "chiều nay đoàn thanh niên đi tình nguyện ở xã bên phải không",
        "máy in tầng 2 kẹt giấy rồi, ai biết sửa không",
        "có ai có cục sạc laptop cho mượn không",
    ],
)
def test_volunteering_a_printer_and_a_charger_are_small_talk(text):
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    assert read(text, plan, OCTOBER_6).best.ask is Ask.OFF_TOPIC


def test_a_share_stated_after_a_colon_is_an_update_given():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    best = read("nv 2: đã rà soát xong 20 thủ tục, tiến độ khoảng 70%", plan, OCTOBER_6).best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "2"))


def test_undated_help_and_product_as_officials_say_them():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    text = "việc nào chưa xác định được thời hạn thì liệt kê giúp"
    assert read(text, plan, OCTOBER_6).best.status is Status.UNDATED
    text = "hướng dẫn mình dùng bot với, gõ chi để xem việc"
    assert read(text, plan, OCTOBER_6).best.ask is Ask.HELP
    assert read("nv 4 ai làm, hạn nào", plan, OCTOBER_6).best.field is TaskField.CARD
    city = plan_vocabulary(CORPUS_PLANS["thanh_pho_hai_phong"])
    text = "việc thí điểm một cửa liên thông không phụ thuộc địa giới thì phải nộp cái gì"
    best = read(text, city, date(2026, 3, 18)).best
    assert (best.task, best.field) == (TaskRef(None, "5"), TaskField.PRODUCT)


def test_whom_a_report_is_handed_to_a_few_words_on_is_no_subject():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    text = "tuần sau nộp bc quý III cho UBND tỉnh, bot lập giúp báo cáo quý III"
    best = read(text, plan, OCTOBER_6).best
    assert (best.ask, best.agencies, best.period.label) == (Ask.REPORT, (), "quý III/2026")


def test_context_before_the_bot_asked_by_name_gives_no_window():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    context = "Sáng thứ 5 này lãnh đạo họp giao ban, muốn nắm tình hình trước."
    best = read(context + " Bot cho mình danh sách các nhiệm vụ đang quá hạn nhé", plan).best
    assert (best.ask, best.status, best.period) == (Ask.LIST, Status.OVERDUE, None)


def test_what_the_asker_is_busy_with_said_first_filters_nothing():
    text = "c đang làm dự thảo kế hoạch kiểm tra năm nay, bên mình còn bao nhiêu việc chưa xong"
    best = read(text, SAMPLE_PLAN, date(2026, 3, 17)).best
    assert (best.ask, best.status, best.own, best.period) == (Ask.COUNT, Status.OPEN, True, None)
    # ... but the report the asker is making is what the question is for.
    text = "em đang làm báo cáo quý I, anh cho em xin tình hình thực hiện chung"
    assert read(text, SAMPLE_PLAN, date(2026, 3, 17)).best.ask is Ask.REPORT


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_a_section_said_as_context_of_a_task_reminded_of_is_dropped():
    plan = plan_vocabulary(plan_path("000"))
    text = "sắp chấm điểm par index rồi, e nhắc vp ubnd tỉnh bc kết quả nv 3.10 giúp c"
    best = read(text, plan, date(2023, 10, 6)).best
    assert (best.action, best.task, best.section) == (Action.REMIND, TaskRef("III", "10"), None)


def test_a_number_two_groups_hold_is_the_one_the_agency_named_is_assigned():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    reading = read("nhắc vp ubnd tỉnh làm nv 1 nhé", plan, date(2026, 3, 17))
    assert (reading.ask_back, reading.best.task) == (False, TaskRef(None, "1"))
    assert read("nv 1 ai chủ trì", plan, date(2026, 3, 17)).ask_back


def test_a_task_named_by_the_deadline_it_has_asked_how_far():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    reading = read("việc có hạn 30/9 tiến độ sao rồi", plan, OCTOBER_6)
    assert reading.ask_back
    assert {(c.task, c.field) for c in reading.choices} == {
        (TaskRef(None, "2"), TaskField.PROGRESS),
        (TaskRef(None, "3"), TaskField.PROGRESS),
    }


def test_done_said_right_after_tasks_named_many_is_which_are_listed():
    best = read("em liệt kê giúp chị những nv đã hoàn thành rồi nhé").best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DONE)
    text = (
        "Chị đang viết phần kết quả đạt được cho bc sơ kết, em liệt kê giúp chị những nv đã"
        " hoàn thành rồi nhé"
    )
    best = read(text).best
    assert (best.ask, best.action, best.status, best.task) == (Ask.LIST, None, Status.DONE, None)


def test_a_cues_own_de_is_no_purpose():
    best = read("co nv nao de mo, ko quy dinh thoi han ko e").best
    assert (best.ask, best.status) == (Ask.LIST, Status.UNDATED)
    assert read("e moi vao, con bot nay dung de lam gi vay a, huong dan e voi").best.ask is (
        Ask.HELP
    )


def test_the_whole_card_and_a_deadline_asked_as_two_or_before_which_day():
    best = read("cho c xem toàn bộ thông tin nv II.1, chủ trì phối hợp hạn sản phẩm các thứ").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.CARD)
    best = read("nv II.1 hạn là 31/12 hay sớm hơn?").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.DUE)
    assert read("rà soát văn bản qppl phải xong trước ngày nào nhỉ").best.field is TaskField.DUE


@pytest.mark.parametrize(
    "text",
    [
        "hom nay c ve som don con, co gi e nghe dien thoai giup c nha",
        "chiều nay tập văn nghệ ở hội trường phải không",
    ],
)
def test_leaving_early_and_a_rehearsal_are_small_talk(text):
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_whom_the_asker_will_remind_after_the_question_is_no_request():
    text = "Từ giờ tới 30/6 còn những việc nào phải xong hông em, anh gom lại nhắc một lượt."
    best = read(text).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.DUE)
    best = read("bên stp còn việc nào chưa làm xong k, a định gọi điện nhắc").best
    assert (best.ask, best.action, best.agencies) == (Ask.LIST, None, (STP,))
    # ... but "e đính kèm", typed bare, attaches.
    assert read("e dinh kem minh chung cho nv II.1 nhe").best.action is Action.ATTACH_EVIDENCE


def test_help_in_the_centres_words():
    text = "e bot, e mần được những việc chi, a mới dùng lần đầu"
    assert read(text).best.ask is Ask.HELP


def test_the_plans_tasks_exported_by_its_subject_and_place_are_the_plan():
    best = read("xuat excel ds nhiem vu cchc tinh nam 2026 giup c").best
    assert (best.ask, best.period) == (Ask.EXPORT, None)
    # ... but the asker's own tasks of a year keep the window
    assert read("xuất file excel các việc của mình năm 2026").best.period is not None


def test_the_few_to_be_shown_are_listed_not_counted():
    assert read("mấy cái sắp tới hạn cho c coi nghen").best.ask is Ask.LIST
    assert read("may viec qua han gui c coi voi").best.ask is Ask.LIST
    assert read("mấy việc sắp tới hạn vậy e").best.ask is Ask.COUNT


def test_the_day_asked_with_may_em_is_no_small_talk():
    best = read("nv I.1 xay dung kh kiem tra, dot toi han ngay may e").best
    assert (best.task, best.field) == (TaskRef("I", "1"), TaskField.DUE)
    # ... or "hạn chót là bữa nào", beside a remark's count ("mấy đoàn")
    best = read("việc IV.1 hạn chót là bữa nào vậy e, c tính lịch đi mấy đoàn còn lại").best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.DUE)


def test_one_of_a_tasks_deadlines_to_confirm_asks_its_deadline():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    best = read("nv I.2 con dot 15/11 nua phai ko e", plan, date(2026, 8, 20)).best
    assert (best.task, best.field) == (TaskRef("I", "2"), TaskField.DUE)
    # ... not a day it is not due, nor a day it was done
    best = read("nv I.2 con dot 15/10 nua phai ko e", plan, date(2026, 8, 20)).best
    assert best.field is not TaskField.DUE
    best = read("nv I.2 xong 15/11 phải ko", plan, date(2026, 8, 20)).best
    assert best.field is not TaskField.DUE


def test_the_communes_reminded_with_may():
    plan = plan_vocabulary(CORPUS_PLANS["an_giang_hai_cap"])
    best = read("e nhac may xa nop bc ket qua cchc giup c", plan, date(2026, 8, 20)).best
    assert (best.action, best.agencies) == (Action.REMIND, ("ubnd-cap-xa",))


def test_a_sections_number_and_its_tasks_typed_apart():
    best = read("II 1 sản phẩm là gì").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.PRODUCT)
    best = read("mục II 2 việc quá hạn").best
    assert (best.section, best.task) == ("II", None)


def test_what_an_agency_just_sent_is_news_not_evidence():
    text = "Gửi chị đầy đủ thông tin nhiệm vụ II.1 nha em, Sở Nội vụ mới gửi văn bản xin ý kiến"
    best = read(text).best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef("II", "1"), TaskField.CARD)


def test_the_regions_words_typed_bare_after_a_word_that_makes_them_so():
    best = read("nv I.1 xay dung ke hoach kiem tra toi mo roi e").best
    assert (best.task, best.field) == (TaskRef("I", "1"), TaskField.PROGRESS)
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    best = read("tuyen truyen cchc tren bao va dai ben mo chu tri rua", plan).best
    assert (best.task, best.field) == (TaskRef("IV", "2"), TaskField.LEAD)
    # "rứa" ending the question
    reading = read("viec han cuoi thang 3 phoi hop voi ai rua", plan, date(2026, 3, 20))
    assert reading.ask_back
    assert {c.field for c in reading.choices} == {TaskField.SUPPORT}


def test_the_day_the_reminded_must_send_by_is_no_window():
    text = "STP chưa gửi tài liệu kiểm chứng, e nhắc sở ni gửi trước thứ 6 giúp c"
    best = read(text).best
    assert (best.action, best.agencies, best.period) == (Action.REMIND, (STP,), None)
    best = read("nhắc STP nộp trước 20/4").best
    assert (best.action, best.period) == (Action.REMIND, None)


def test_the_question_handed_over_after_context_with_bot_xem_giup():
    text = "Sáng mai VP UBND tỉnh họp với sở mình, bot xem giúp những việc nào có bên đó tham gia"
    best = read(text).best
    assert (best.ask, best.agencies, best.own, best.period) == (Ask.LIST, (VP,), False, None)


def test_who_asks_for_a_report_is_no_subject_of_it():
    best = read("snv sap xin bc quy I roi, bot lap giup e bao cao quy I nha").best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())


def test_the_report_the_answer_goes_into_keeps_its_dates():
    text = "e ơi toàn kế hoạch có bao nhiêu nv quá hạn rứa, c cần con số đưa vô bc 6 tháng"
    best = read(text).best
    assert (best.ask, best.status, best.period) == (Ask.COUNT, Status.OVERDUE, None)


def test_what_the_asker_forgot_is_no_question():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_nghe_an_phu_luc"])
    text = "việc hạn 30/6 do ai chủ trì rứa, sếp hỏi trong cuộc họp sáng ni mà c quên mất"
    reading = read(text, plan, date(2026, 8, 18))
    assert reading.ask_back
    assert {c.field for c in reading.choices} == {TaskField.LEAD}


def test_a_ministry_by_its_kind_and_initials_but_not_all_of_them():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    assert read("Bộ CA được giao phối hợp nv nào nhỉ", plan).best.agencies == ("bo-cong-an",)
    best = read("xuat excel toan bo nv", plan).best
    assert (best.ask, best.agencies) == (Ask.EXPORT, ())


def test_the_number_and_the_list_said_as_things_not_asked():
    best = read("chieu ni a len bc giam doc, cho a con so nv tre han hien tai nghe").best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (), Status.OVERDUE)
    best = read("trong ds co may nv chua xac dinh thoi han cu the").best
    assert (best.ask, best.status) == (Ask.COUNT, Status.UNDATED)


def test_an_agencys_report_asked_when_due_is_its_task():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    best = read("bc cchc 6 thang cua cac xa han nop ngay nao e", plan, date(2026, 5, 5)).best
    assert (best.task, best.field) == (TaskRef("II", "3"), TaskField.DUE)


def test_tasks_named_by_their_deadline_beside_who_asked_or_whose_they_are():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    reading = read("viec han 31/12 toi dau roi, vu truong dang hoi", plan, date(2026, 11, 24))
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef(None, "4"), TaskRef(None, "5")}
    plan = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    reading = read("viec cua vp ubnd tinh han 31/12 toi mo roi", plan, date(2026, 11, 25))
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef(None, "2.a"), TaskRef(None, "2.b")}


def test_what_an_agency_is_still_given_has_no_state():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = "Bên Sở TTTT cũ giờ còn được giao việc gì trong kế hoạch hông em?"
    best = read(text, plan, date(2026, 11, 23)).best
    assert (best.ask, best.status) == (Ask.LIST, None)


def test_the_file_of_each_tasks_state_is_an_export():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "xuat excel ds nv kem tinh trang cho c de lam phu luc"
    assert read(text, plan, date(2026, 11, 26)).best.ask is Ask.EXPORT


def test_who_must_hand_in_a_report_is_no_subject_of_the_one_asked():
    text = "SNV sắp phải trình UBND tỉnh báo cáo CCHC quý I, bot lập giúp e báo cáo quý I nhé"
    best = read(text).best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())


def test_whom_the_asker_means_to_call_and_an_example_after_the_question():
    plan = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = "ben Bao Dong Thap con viec nao chua xong ko e, c tinh goi nhac"
    best = read(text, plan, date(2026, 11, 23)).best
    assert (best.ask, best.action, best.status) == (Ask.LIST, None, Status.OPEN)
    text = "nv nao trong kh hong co ngay han cu the z e, kieu khi nao phat sinh moi lam do"
    best = read(text, plan, date(2026, 11, 23)).best
    assert (best.ask, best.status) == (Ask.LIST, Status.UNDATED)


@pytest.mark.parametrize(
    ("plan", "day", "text", "task", "field"),
    [
        # "nửa số đơn vị": a share of the units, no task headed by "số"
        (
            "thanh_pho_hai_phong",
            date(2026, 8, 19),
            "Đoàn kiểm tra đi được nửa số đơn vị rồi, e cần đối chiếu lại. Cho e xem đầy đủ"
            " thông tin nhiệm vụ ban hành KH kiểm tra CCHC năm 2026",
            TaskRef(None, "1"),
            TaskField.CARD,
        ),
        # "hạn tính đến ngày nào": the day this round of a recurring task is due by
        (
            "bo_tu_phap_quyet_dinh",
            date(2026, 11, 24),
            "Nhiệm vụ vận hành hệ thống hộ tịch điện tử ghi là thường xuyên, vậy đợt này hạn"
            " tính đến ngày nào?",
            TaskRef(None, "4"),
            TaskField.DUE,
        ),
    ],
)
def test_a_task_named_after_what_the_asker_says_of_it(plan, day, text, task, field):
    intent = read(text, plan_vocabulary(CORPUS_PLANS[plan]), day).best
    assert (intent.task, intent.field) == (task, field)


def test_some_communes_that_called_are_no_count():
    plan = plan_vocabulary(CORPUS_PLANS["lao_cai_bang_phan_cong"])
    text = "Mấy xã gọi lên hỏi, các xã phường có phải làm nhiệm vụ nào trong bảng này không em?"
    best = read(text, plan, date(2026, 11, 26)).best
    assert (best.ask, best.agencies) == (Ask.LIST, ("ubnd-cap-xa",))


def test_what_an_agency_still_leads_is_no_state_and_bodies_listed_after_their_level():
    best = read("sở nội vụ giờ còn chủ trì những việc nào vậy").best
    assert (best.ask, best.role, best.status) == (Ask.LIST, Role.LEAD, None)
    best = read("huyện Sơn Tịnh vs Tây Trà có việc gì trong kế hoạch không").best
    assert best.agencies == ("ubnd-huyen-son-tinh", "ubnd-huyen-tay-tra")
    best = read("mấy việc bên mình phối hợp có cái nào bị trễ không").best
    assert (best.ask, best.status, best.role) == (Ask.LIST, Status.OVERDUE, Role.SUPPORT)


@pytest.mark.skipif(plan_path("001") is None, reason="the seed plans are not here")
def test_a_district_named_by_its_place_alone():
    province = plan_vocabulary(plan_path("001"))
    best = read("bên Tây Trà còn việc gì chưa xong k, a cần gọi đt hỏi", province).best
    assert (best.ask, best.agencies) == (Ask.LIST, ("ubnd-huyen-tay-tra",))
    best = read("Sơn Tịnh còn mấy việc quá hạn", province).best
    assert (best.ask, best.agencies) == (Ask.COUNT, ("ubnd-huyen-son-tinh",))
    # ... but the plan's own place is the plan's, no city's committee of that name
    best = read("Quảng Ngãi còn việc gì quá hạn", province).best
    assert "ubnd-tp-quang-ngai" not in best.agencies


@pytest.mark.parametrize(
    "text",
    [
        "việc nào để trống cột thời gian vậy em",
        "có nv nào ko ghi thời gian hoàn thành không",
        "việc nào làm thường xuyên không ghi ngày hết hạn vậy",
        # ... or a deadline not yet set
        "có việc nào chưa ấn định thời hạn không em",
        "nv nào trong kh chưa đặt hạn vậy",
        "liệt kê các việc chưa xác định thời gian hoàn thành cụ thể",
    ],
)
def test_a_blank_time_column_is_no_deadline(text):
    assert read(text).best.status is Status.UNDATED


@pytest.mark.parametrize(
    ("text", "ask", "action"),
    [
        ("nv I.1 xong rồi, tick hoàn thành giúp chị", Ask.ACTION, Action.COMPLETE),
        ("bot có tự nhắc việc không hay phải vào hỏi", Ask.HELP, None),
        # "việc" of who the asker has become is no task asked about.
        ("a moi nhan viec thay chi Mai, bot nay dung de lam gi", Ask.HELP, None),
        ("c moi nhan ban giao tu a Tuan, e ho tro duoc nhung viec chi", Ask.HELP, None),
        ("chiều mai cúp điện cả tòa, mọi người nhớ lưu file nhé", Ask.OFF_TOPIC, None),
    ],
)
def test_marking_done_help_and_the_offices_day(text, ask, action):
    best = read(text).best
    assert (best.ask, best.action) == (ask, action)


def test_a_message_about_an_office_outing_names_no_task():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    text = "chu nhat cong doan di thien nguyen, ai dang ky chua nhi"
    assert read(text, plan, date(2026, 6, 22)).best.ask is Ask.OFF_TOPIC


def test_a_task_named_by_its_deadline_shows_its_card_and_a_field_by_its_short_name():
    best = read("việc hạn 15/12 cho chị xem chi tiết").best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.CARD)
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    best = read("rà soát tthc lĩnh vực xd thì nộp sản phẩm gì", plan, date(2026, 6, 24)).best
    assert (best.task, best.field) == (TaskRef(None, "3"), TaskField.PRODUCT)


def test_what_the_asker_drafts_or_counts_into_a_report_leaves_the_question_its_own():
    best = read("dem giup c so nv dang tre han").best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OVERDUE, ())
    text = (
        "Đang tổng hợp để đưa vào báo cáo tháng, em đếm giúp chị có bao nhiêu việc đến hạn"
        " trong quý I mà chưa hoàn thành?"
    )
    best = read(text, today=date(2026, 4, 9)).best
    assert (best.ask, best.status, best.period.label) == (Ask.COUNT, Status.OPEN, "quý I/2026")
    text = "c đang lên ds các đơn vị chậm để báo cáo sếp, e lọc giúp c các việc hạn quý I chưa xong"
    best = read(text, today=date(2026, 4, 9)).best
    assert (best.status, best.period.label) == (Status.OPEN, "quý I/2026")
    best = read("Sở TTTT cũ có việc gì trong kế hoạch không, c đang lập ds đầu mối").best
    assert (best.ask, best.role) == (Ask.LIST, None)


def test_a_task_named_by_its_deadline_beside_what_the_asker_must_hand_in():
    best = read("việc hạn 15/12 tới đâu rồi em, chiều a phải báo cáo gđ").best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.PROGRESS)


def test_what_the_asker_only_supports_and_must_still_finish():
    best = read("liệt kê giúp chị các nv bên mình chỉ phối hợp thôi, không chủ trì").best
    assert (best.ask, best.role, best.own) == (Ask.LIST, Role.SUPPORT, True)
    best = read("từ giờ tới 30/6 bên mình còn phải làm xong những việc gì").best
    assert (best.status, best.own) == (Status.DUE, True)


def test_the_days_ahead_are_a_window_not_a_count():
    best = read("mấy bữa tới có nv chi sắp tới hạn ko").best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)
    assert read("mấy ngày tới còn bao nhiêu việc phải nộp").best.ask is Ask.COUNT
    best = read("mấy ngày nữa là hết hạn nv IV.1").best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.DUE)


def test_which_day_said_in_the_central_way_typed_bare():
    best = read("nv IV.1 lan toi phai nop bc han ngay mo").best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.DUE)


def test_a_notebook_typed_bare_is_no_department():
    reading = read("thang 6 co han nhung viec nao vay, c ghi vo so tay de theo doi")
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.agencies) == (Ask.LIST, ())


def test_the_body_that_reminds_the_asker_is_no_subject_and_no_request():
    text = "bên mình còn việc nào chưa xong không em, cuối năm rồi sợ bị UBND tỉnh nhắc"
    best = read(text).best
    assert (best.ask, best.status, best.own, best.agencies) == (Ask.LIST, Status.OPEN, True, ())


@pytest.mark.parametrize(
    ("text", "ask", "status"),
    [
        (
            "Văn phòng Bộ đang soạn báo cáo quý, cho mình hỏi còn bao nhiêu nhiệm vụ chưa xong?",
            Ask.COUNT,
            Status.OPEN,
        ),
        (
            "tháng 10 có những việc nào tới hạn, chị soạn văn bản gửi các Cục, Vụ luôn",
            Ask.LIST,
            Status.DUE,
        ),
    ],
)
def test_who_writes_the_report_and_whom_a_letter_goes_to_are_no_subject(text, ask, status):
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    reading = read(text, plan, date(2026, 9, 8))
    assert not reading.ask_back
    assert (reading.best.ask, reading.best.status, reading.best.agencies) == (ask, status, ())


def test_a_body_whose_work_the_asker_has_just_taken_on_asks_for_help():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    text = "em mới nhận bàn giao theo dõi CCHC của Vụ Tổ chức cán bộ, bot hỗ trợ được những gì"
    assert read(text, plan, date(2026, 9, 8)).best.ask is Ask.HELP
    # ... unless the question points back to it
    best = read("em mới nhận việc của Vụ Pháp chế, vụ đó còn việc gì chưa xong", plan).best
    assert best.agencies and best.status is Status.OPEN


def test_a_report_asked_for_beside_who_wants_it_is_the_plans():
    best = read("soạn giúp chị bc tình hình thực hiện kế hoạch đến nay, UBND tỉnh đòi gấp").best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())


@pytest.mark.skipif(plan_path("002") is None, reason="the seed plans are not here")
def test_the_plan_named_with_its_own_city_is_the_whole_plan():
    plan = plan_vocabulary(plan_path("002"))
    text = "lọc giúp anh những việc trong kế hoạch cchc của tp Quảng Ngãi đã quá hạn"
    best = read(text, plan, date(2024, 11, 26)).best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OVERDUE, ())


def test_a_task_named_as_a_topic_before_whether_the_asker_leads_it_alone():
    text = "so hoa ho so tthc la minh chu tri 1 minh hay co so nao cung chu tri"
    best = read(text).best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.LEAD)


def test_a_document_number_said_alone_names_no_body():
    best = read("những việc thuộc 12/KH-UBND còn quá hạn").best
    assert (best.status, best.agencies) == (Status.OVERDUE, ())


def test_a_report_said_of_a_number_two_tasks_share_tells_them_apart():
    plan = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    text = "nv 1 đã nộp báo cáo đánh giá rồi, đánh dấu xong giúp em"
    reading = read(text, plan, date(2026, 9, 8))
    assert not reading.ask_back
    assert reading.best.task == TaskRef(None, "1")


def test_a_task_chosen_by_its_deadline_with_the_end_of_a_month_asks_how_far():
    plan = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    reading = read("rà soát tthc hạn cuối tháng 9 tiến độ thế nào", plan, date(2026, 11, 24))
    assert {i.field for i in reading.choices} == {TaskField.PROGRESS}
    assert {i.task for i in reading.choices} == {TaskRef(None, "2"), TaskRef(None, "3")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # "xong" after a length of time is when, not a status
        ("Đi công tác 3 ngày xong về, bên mình còn bao nhiêu việc chưa hoàn thành em", Status.OPEN),
        # "cả tỉnh" typed bare is no provincial police the plan lacks
        ("den nay ca tinh hoan thanh duoc bao nhieu viec roi", Status.DONE),
    ],
)
def test_what_only_looks_like_a_status_or_a_body(text, status):
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, status, ())


def test_which_office_leads_the_tasks_a_deadline_names():
    plan = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    choices = read("việc hạn 30/9 phòng nào chủ trì vậy em", plan, date(2026, 5, 7)).choices
    assert len(choices) > 1 and {i.field for i in choices} == {TaskField.LEAD}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Tháng sau đoàn kiểm tra của tỉnh xuống, em rà giúp chị hiện có việc nào quá hạn không",
            Status.OVERDUE,
        ),
        (
            "các sở còn những việc gì chưa xong, đợt kiểm tra sắp tới anh muốn nhắc trước",
            Status.OPEN,
        ),
    ],
)
def test_context_before_a_request_to_look_and_an_event_to_come(text, status):
    best = read(text).best
    assert (best.status, best.period) == (status, None)


def test_the_inspectorate_short_and_a_colleagues_question_after_context():
    plan = plan_vocabulary(CORPUS_PLANS["bo_khcn_2026"])
    best = read("TTr Bộ được giao phối hợp những việc gì", plan, date(2026, 8, 11)).best
    assert (best.agencies, best.role) == (("unverified-thanh-tra-bo",), Role.SUPPORT)
    text = "Tuần sau đoàn đi kiểm tra các đơn vị, chị ấy hỏi Vụ Pháp chế chủ trì những việc gì"
    best = read(text, plan, date(2026, 8, 11)).best
    assert (best.agencies, best.role, best.period) == (("unverified-vu-phap-che",), Role.LEAD, None)


def test_help_asked_in_the_words_of_the_south_and_centre():
    assert read("chị mới nhận việc, con bot này xài sao em, hỏi được mấy loại câu gì").best.ask is (
        Ask.HELP
    )
    assert read("e moi ve phong, bot ni mần được những chi rứa").best.ask is Ask.HELP


def test_the_weeks_summary_is_the_digest():
    best = read("tom tat tinh hinh tuan nay giup a, chieu t6 giao ban").best
    assert (best.ask, best.period.label) == (Ask.DIGEST, "23/03/2026–29/03/2026")


def test_which_of_the_tasks_counted_are_listed():
    best = read("mấy việc sắp tới hạn là việc gì vậy em").best
    assert (best.ask, best.status) == (Ask.LIST, Status.DUE)


def test_the_asker_writing_the_report_then_a_request_for_a_list():
    text = (
        "Chào bot, phòng mình đang tổng hợp kết quả quý I để báo cáo giám đốc, cho mình xin"
        " danh sách các nhiệm vụ đã quá hạn nhé."
    )
    best = read(text).best
    assert (best.ask, best.status, best.own) == (Ask.LIST, Status.OVERDUE, False)


def test_the_whole_card_asked_after_a_forwarded_question():
    text = 'Fw từ anh Nam: "nv IV.1 hạn khi nào vậy?"\nbot cho chị xem đầy đủ nv này với'
    best = read(text).best
    assert (best.task, best.field) == (TaskRef("IV", "1"), TaskField.CARD)


def test_questions_of_rounds_138_and_139():
    """A newcomer at a department, a task marked done in other words, a file's columns, a
    department gathering the figures after the question."""
    assert read("e moi dc giao theo doi cchc ben stp, bot nay hoi dc nhung gi vay").best.ask is (
        Ask.HELP
    )
    best = read("II.1 xong lâu rồi nhé bot, cập nhật trạng thái hoàn thành giúp em").best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("II", "1"))
    assert read("xuat file excel ds nv kem han va tinh trang de a gui phong").best.ask is (
        Ask.EXPORT
    )
    best = read("Trước 30/6 sở mình phải xong những việc nào? SNV sắp chốt số liệu rồi").best
    assert (best.status, best.own, best.agencies) == (Status.DUE, True, ())


def test_the_offices_outings_and_chores_said_beside_who_comes_are_small_talk():
    for text in (
        "Thứ 7 này phòng mình đi lễ chùa đầu năm, ai đi thì báo e nhé",
        "chiều ni phòng mình tập văn nghệ cho hội diễn 20/11, ai đi được thì báo e nghe",
        "sang nay thang may lai hong, mn di cau thang bo nhe",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text
    # Typed bare, the pagoda and the lift are other words: "nộp lên chưa", "tháng mấy".
    assert read("bc khao sat hai long da nop len chua e").best.ask is not Ask.OFF_TOPIC
    assert read("do luong su hai long han thang may a").best.ask is not Ask.OFF_TOPIC


def test_how_the_bot_can_help_is_asked_with_how_or_what_it_knows():
    for text in (
        "Chào bot, chị là chuyên viên mới về Vụ sau Tết. Cho chị hỏi bot có thể hỗ trợ "
        "theo dõi kế hoạch CCHC như thế nào, có những lệnh gì?",
        "nam moi bot biet lam nhung gi, chi c voi",
    ):
        assert read(text).best.ask is Ask.HELP, text


def test_which_round_of_a_task_is_no_word_of_its_title():
    vocabulary = _section_of(
        "II",
        ("1", "Kiện toàn Trung tâm Phục vụ hành chính công xã, phường"),
        ("3", "Báo cáo kết quả cải cách hành chính gửi Sở Nội vụ"),
        ("4", "Bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công"),
    )
    text = "Cái vụ xã báo cáo kết quả CCHC gửi về sở, đợt cuối năm hạn ngày mấy dzậy em?"
    best = read(text, vocabulary, today=date(2026, 10, 27)).best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef("II", "3"), TaskField.DUE)


def test_reminding_the_asker_goes_to_do_after_asking_is_no_request():
    for text, status in (
        ("mấy hôm tới có việc gì sắp tới hạn k bot, e nhắc các đơn vị luôn", Status.DUE),
        (
            "ben minh co viec nao tre han ko, truoc khi di nhac nguoi ta thi minh phai sach da",
            Status.OVERDUE,
        ),
    ):
        best = read(text).best
        assert (best.ask, best.status) == (Ask.LIST, status), text
    # Asked of the bot, it is still done: "stp quá hạn rồi, bot nhắc giúp c".
    assert read("stp qua han roi, bot nhac giup c nhe").best.ask is Ask.ACTION


def test_which_tasks_are_done_is_asked_not_reported():
    for text in (
        "den gio co dv nao bao hoan thanh nv nao chua",
        "nv nao hoan thanh r e, a ghi vao phan ket qua dat duoc",
    ):
        best = read(text).best
        assert (best.ask, best.status, best.action) == (Ask.LIST, Status.DONE, None), text
    # Of one task named, it is still reported.
    assert read("báo hoàn thành nv II.1 giúp e").best.action == Action.COMPLETE


def test_the_years_first_months_begun_ask_what_fell_due_and_is_not_done():
    # "10 tháng đầu năm" is a window of its own, begun in October: every task of it not
    # done; "trước 30/6 phải xong" stays the year up to that day.
    october = date(2026, 10, 27)
    best = read("10 thang dau nam co bn viec toi han ma chua xong", today=october).best
    assert (best.status, best.period.start, best.period.end) == (
        Status.OPEN,
        date(2026, 1, 1),
        date(2026, 10, 31),
    )
    assert read("trước 31/12 phải xong mà chưa xong là mấy việc", today=october).best.status is (
        Status.DUE
    )


def test_how_far_those_tasks_got_is_no_count():
    best = read("mấy việc của sở tư pháp tới đâu rồi e").best
    assert (best.ask, best.agencies) == (Ask.PROGRESS, ("so-tu-phap",))
    assert read("sở tư pháp còn bao nhiêu việc, tới đâu rồi").best.ask is Ask.COUNT


def test_the_years_first_months_said_in_words():
    window = read("làm giúp c báo cáo tình hình thực hiện mười tháng đầu năm nha").best.period
    assert (window.start, window.end) == (date(2026, 1, 1), date(2026, 10, 31))


def test_what_the_bot_might_do_given_as_examples_is_not_asked_of_it():
    for text in (
        "bot co the lam nhung gi, vd nhac viec hay xuat bao cao duoc khong?",
        "bot làm được những gì, chẳng hạn nhắc các sở hay xuất báo cáo?",
    ):
        assert read(text).best.ask is Ask.HELP, text


def test_a_ministrys_words_for_who_answers_for_a_task_and_what_it_hands_in():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    october = date(2026, 10, 27)
    text = "cai nv het han ngay 31/12 la don vi nao chiu trach nhiem chinh nhi"
    reading = read(text, plan, today=october)
    assert reading.ask_back and {c.field for c in reading.choices} == {TaskField.LEAD}
    text = "dong so 3 trong bang phan cong giao nop ket qua duoi dang gi a"
    best = read(text, plan, today=october).best
    assert (best.task, best.field) == (TaskRef(None, "3"), TaskField.PRODUCT)
    text = "TTra Bộ có tham gia phối hợp nhiệm vụ nào trong KH không bot"
    assert read(text, plan, today=october).best.agencies == ("unverified-thanh-tra-bo",)


def test_who_wants_the_figures_and_who_drafts_the_report_are_no_subject():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    october = date(2026, 10, 27)
    text = (
        "Văn phòng Chính phủ đề nghị số liệu 10 tháng đầu năm để tổng hợp, bot xây dựng giúp "
        "mình báo cáo kết quả thực hiện kế hoạch CCHC của Bộ trong 10 tháng đầu năm nhé."
    )
    best = read(text, plan, today=october).best
    assert (best.ask, best.agencies, best.period.end) == (Ask.REPORT, (), date(2026, 10, 31))
    text = (
        "Chào bot, Vụ đang dựng dự thảo báo cáo CCHC năm của Bộ mà mấy đơn vị vẫn chưa gửi "
        "số liệu. Bot lọc giúp mình những nhiệm vụ đã trễ hạn nhé."
    )
    reading = read(text, plan, today=october)
    assert not reading.ask_back
    assert (reading.best.status, reading.best.agencies) == (Status.OVERDUE, ())


def test_a_week_said_after_a_briefing_is_when_it_meets():
    best = read("lập báo cáo toàn bộ kế hoạch cho cuộc họp giao ban tuần sau").best
    assert (best.ask, best.period) == (Ask.REPORT, None)


def test_a_bare_name_that_begins_a_titles_words_is_the_title():
    # "Tổ kiểm tra" said bare is "kiểm tra", which I.1's title goes on from: its words.
    vocabulary = _plan(
        {"I": "Công tác chỉ đạo, điều hành"},
        TaskEntry("I", "1", "Kiểm tra liên ngành công tác CCHC, hỗ trợ doanh nghiệp (PCI)"),
        TaskEntry("I", "2", "Tuyên truyền về cải cách hành chính"),
        agencies=("to-kiem-tra-cchc", STP),
    )
    text = "kiem tra lien nganh cchc, PCI thi phai ra nhung san pham gi"
    best = read(text, vocabulary, today=date(2021, 10, 26)).best
    assert (best.task, best.field, best.agencies) == (TaskRef("I", "1"), TaskField.PRODUCT, ())


def test_when_the_asker_is_away_is_no_window_and_those_tasks_listed_are_a_list():
    text = "Mai chị ra Phú Quốc công tác mấy bữa, mấy việc sắp đến hạn em liệt kê chị coi trước nha"
    best = read(text, today=date(2026, 10, 27)).best
    assert (best.ask, best.status, best.period.start, best.period.end) == (
        Ask.LIST,
        Status.DUE,
        date(2026, 10, 27),
        date(2026, 11, 3),
    )
    # Asked how many, it is a count.
    assert read("mấy việc sắp đến hạn vậy em").best.ask is Ask.COUNT


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_a_list_asked_after_a_meeting_and_the_plans_year_said_of_a_task():
    plan = plan_vocabulary(plan_path("003"))
    february = date(2025, 2, 11)
    # "ds các nv": many tasks, no title ("Phê duyệt danh sách" of V.3.2).
    text = "chieu nay hop giao ban dau xuan, cho c ds cac nv toi han trong quy I ma chua xong"
    best = read(text, plan, today=february).best
    assert (best.ask, best.task, best.status, best.period.label) == (
        Ask.LIST,
        None,
        Status.OPEN,
        "quý I/2025",
    )
    # The plan's own year, said of a task, is no window of who leads it.
    text = "Hội nghị đối thoại với DN cấp tỉnh năm nay do ai chủ trì vậy e"
    best = read(text, plan, today=february).best
    assert (best.ask, best.field, best.period) == (Ask.TASK, TaskField.LEAD, None)


def test_tasks_whose_deadline_is_left_unwritten_and_a_task_head_after_a_comma():
    plan = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    text = "trong kh cua bo, nv nao de han la theo huong dan chu ko ghi ngay thang?"
    best = read(text, plan, today=date(2026, 10, 27)).best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.UNDATED, ())


def test_the_head_of_the_departments_office_is_whom_the_digest_goes_to():
    best = read("cho c xin ban tong hop tuan nha, chieu c trinh chanh van phong so").best
    assert (best.ask, best.agencies) == (Ask.DIGEST, ())


def test_rain_gear_a_laptop_and_the_centres_words_for_doing():
    for text in (
        "mấy nay chiều nào cũng mưa, mn đi làm nhớ mang áo mưa nha",
        "chieu nay 2h hop giao ban phong, moi nguoi nho mang laptop nhe",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text
    best = read("Sở Tư pháp còn việc chi chưa mần xong không em").best
    assert (best.status, best.agencies) == (Status.OPEN, ("so-tu-phap",))
    assert read("6 thang dau nam hoan thang dc nhung nv nao r").best.status is Status.DONE


def test_what_the_bot_can_do_for_the_askers_office_is_help():
    assert read("bot nay giup dc gi cho ben tu phap v e, a moi nhan theo doi cchc").best.ask is (
        Ask.HELP
    )


def test_what_a_task_hands_in_is_its_product_only_of_a_task_named():
    best = read("nv II.1 thi phai nop nhung bc chi cho snv").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.PRODUCT)
    assert read("thang 6 phai nop nhung gi").best.ask is Ask.LIST


def test_a_reminder_the_asker_still_owes_and_a_visit_to_come_ask_nothing():
    text = "liet ke giup e cac nv ben minh phoi hop ma chua xong, e con nhac cac so chu tri"
    best = read(text).best
    assert (best.status, best.role, best.own) == (Status.OPEN, Role.SUPPORT, True)
    text = "Tuần sau đoàn kiểm tra CCHC của tỉnh xuống sở rồi, bên mình có nv nào trễ hạn ko bot"
    best = read(text).best
    assert (best.status, best.period) == (Status.OVERDUE, None)
    text = "truoc 30/6 ben minh phai xong nhung viec gi, c dang len ke hoach quy 2 cho so"
    reading = read(text)
    assert not reading.ask_back and reading.best.own
    text = "sap toi co viec nao toi han ko e, mai c nghi phep may bua"
    best = read(text, today=date(2026, 7, 7)).best
    assert (best.period.start, best.period.end) == (date(2026, 7, 7), date(2026, 7, 14))


def test_a_bare_name_amid_a_titles_words_and_a_name_in_an_update_after_a_colon():
    text = (
        "Em nhắc Sở Y tế giúp chị sớm gửi kế hoạch khảo sát hài lòng dịch vụ giáo dục công nhé, "
        "bên mình cần xếp lịch trước kỳ thi tốt nghiệp"
    )
    best = read(text, TABLE, today=date(2026, 4, 9)).best
    assert (best.action, best.agencies, best.task) == (
        Action.REMIND,
        ("so-y-te",),
        TaskRef(None, "3"),
    )
    communes = plan_vocabulary(plan_path("danh_muc_gia_lai"))
    text = (
        "cap nhat tien do nv 3 giup e: het quy I ty le ho so thanh toan truc tuyen dat khoang "
        "38%, dang huong dan cac xa thu phi online"
    )
    best = read(text, communes, today=date(2026, 4, 7)).best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "3"))


@pytest.mark.skipif(plan_path("002") is None, reason="the seed plans are not here")
def test_an_hour_of_the_day_is_no_lettered_task():
    plan = plan_vocabulary(plan_path("002"))
    april = date(2024, 4, 9)
    text = "chieu nay 2h hop giao ban phong, moi nguoi nho mang laptop nhe"
    assert read(text, plan, today=april).best.ask is Ask.OFF_TOPIC
    assert read("nv 2h ai chu tri", plan, today=april).best.task == TaskRef("II.2", "h")


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_what_a_department_merges_into_is_no_subject():
    plan = plan_vocabulary(plan_path("003"))
    text = (
        "Nghe nói Sở KH&ĐT sắp sáp nhập vào Sở Tài chính, bên KHĐT hiện còn những nv nào chưa xong"
    )
    best = read(text, plan, today=date(2025, 1, 21)).best
    assert (best.agencies, best.status) == (("so-ke-hoach-va-dau-tu",), Status.OPEN)


def test_a_turn_to_a_topic_is_no_status_and_tet_calendars_are_small_talk():
    best = read("con nhung viec minh chi phoi hop thi gom nv nao a").best
    assert (best.ask, best.role, best.own, best.status) == (Ask.LIST, Role.SUPPORT, True, None)
    assert read("chieu nay ai xuong hanh chinh lay lich tet cho phong minh vs").best.ask is (
        Ask.OFF_TOPIC
    )


def test_the_apparatus_is_no_count_and_a_report_or_a_document_is_what_a_task_hands_in():
    text = "nv II.1 gia han them 1 thang nha bot, so dang kien toan bo may chua kip danh gia"
    best = read(text).best
    assert (best.action, best.task) == (Action.EXTEND, TaskRef("II", "1"))
    best = read("nv II.1 thi phai gui ve so cai gi vay e, bc hay van ban gi").best
    assert best.field is TaskField.PRODUCT


def test_as_someone_asked_is_no_request_to_the_bot():
    text = (
        "Đôn đốc giúp a Sở Tư pháp khẩn trương sửa đổi văn bản theo đề nghị của sở (nv II.1), "
        "nhiều nơi chưa phản hồi"
    )
    best = read(text).best
    assert (best.action, best.task) == (Action.REMIND, TaskRef("II", "1"))


def _corpus(plan: str, day: date) -> Callable[[str], Intent]:
    vocabulary = plan_vocabulary(plan_path(plan))
    return lambda text: read(text, vocabulary, day).best


def test_marking_or_closing_a_task_is_done_whatever_was_updated():
    best = _corpus("phuong_hoa_khanh", date(2026, 5, 13))
    text = "danh dau xong nv 2.1a dot quy I giup c, bang niem yet tthc o trung tam da cap nhat du r"
    assert (best(text).action, best(text).task) == (Action.COMPLETE, TaskRef("II.1", "a"))
    intent = read("nv II.1 đã trình tỉnh r, đóng nv lại giúp c").best
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("II", "1"))
    # ... as "có gì đã hoàn thành chưa" asks which are done
    intent = read("có gì đã hoàn thành chưa").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DONE)


def test_help_asked_of_the_bot_for_the_asker_and_leave_or_mourning_are_small_talk():
    text = "Chị mới được giao theo dõi CCHC thay anh Phong, bot này giúp được mình những việc gì?"
    assert read(text).best.ask is Ask.HELP
    for text in (
        "tuan sau c nghi phep 3 ngay ve Sa Dec tham ngoai nha, co gi e nt c",
        "Chiều nay phòng mình ai đi viếng bố anh Hùng thì báo chị để đăng ký xe nhé",
        "Ngày mai ai đăng ký khám sức khỏe định kỳ thì nộp phiếu cho chị Hằng trước 10h nhé",
        "Em ơi Công đoàn đang thu danh sách đi nghỉ mát cuối tháng, em đăng ký chưa?",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_when_someone_meets_or_needs_it_is_no_window():
    best = read("sáng mai phòng KSTT họp rà soát, bên mình có nv nào trễ hạn k bot").best
    assert (best.status, best.own, best.period) == (Status.OVERDUE, True, None)
    # ... and a report of the asker's own tasks drafted is how they stand
    text = "soạn giúp e bc tiến độ các nv vp mình chủ trì, chiều mai c phó chánh vp cần"
    best = read(text).best
    assert (best.ask, best.role, best.own, best.period) == (Ask.PROGRESS, Role.LEAD, True, None)


def test_the_part_asked_beside_the_one_offered_as_only():
    best = read("sở mình có phải phối hợp nv nào ko hay chỉ chủ trì thôi").best
    assert (best.ask, best.role, best.own) == (Ask.LIST, Role.SUPPORT, True)


def test_a_month_after_a_plan_number_and_two_windows_joined():
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 8, 19))
    intent = best("soan giup bc tinh hinh thuc hien kh 77 thang 8/2026 de trinh lanh dao")
    assert (intent.ask, intent.duration) == (Ask.REPORT, None)
    assert (intent.period.start, intent.period.end) == (date(2026, 8, 1), date(2026, 8, 31))
    intent = read("tuan nay voi tuan sau co han gi k e", today=date(2026, 8, 19)).best
    assert (intent.period.start, intent.period.end) == (date(2026, 8, 17), date(2026, 8, 30))


def test_which_of_two_days_a_task_is_due():
    best = _corpus("danh_muc_gia_lai", date(2026, 8, 19))
    intent = best("4.2 đến hạn 01/01/2027 hay cuối tháng 12?")
    assert (intent.ask, intent.field, intent.status) == (Ask.TASK, TaskField.DUE, None)


def test_the_state_said_where_the_tasks_are_asked_for():
    text = "cac so con bao nhieu viec chu tri chua xong vay, xem bc 6 thang thay so cham qua"
    assert read(text).best.status is Status.OPEN
    text = "Sắp tới Bộ điều tra chấm PAR INDEX, bên mình còn bao nhiêu nv chưa hoàn thành?"
    best = read(text).best
    assert (best.ask, best.status, best.period) == (Ask.COUNT, Status.OPEN, None)


def test_the_department_gathering_figures_is_no_subject():
    best = read("so dang xin so lieu 9 thang, nv nao han quy III vay e").best
    assert (best.ask, best.agencies) == (Ask.LIST, ())


def test_a_body_named_as_its_section_is_titled_is_reminded_of_its_task():
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))
    reading = read("nhắc ubnd các xã, phường, đặc khu nv 2.1", province, date(2026, 5, 20))
    assert not reading.ask_back
    assert (reading.best.action, reading.best.agencies) == (Action.REMIND, ("ubnd-cap-xa",))


def test_what_the_asker_needs_after_the_question_and_a_part_done_said():
    text = (
        "Đến nay đã có nhiệm vụ nào xong chưa bot? Chiều mai giao ban Văn phòng em cần báo số liệu."
    )
    best = read(text).best
    assert (best.ask, best.status, best.own) == (Ask.LIST, Status.DONE, False)
    # ... but "chỉ cần con số" asks for a number
    text = "Những việc nào đang quá hạn em? Chỉ cần con số thôi, chị điền vào báo cáo."
    assert read(text).best.ask is Ask.COUNT
    text = "bc tien do nv II.1: cac so da cap nhat xong du lieu, dat khoang 55%"
    assert read(text).best.action is Action.REPORT_PROGRESS
    text = (
        "Nhiệm vụ II.1 xong rồi, kỳ thi vừa rồi thi trên máy tính, em đánh dấu hoàn thành giúp anh"
    )
    assert read(text).best.action is Action.COMPLETE


def test_reminding_the_asker_intends_and_whom_a_reminder_goes_to():
    best = read("các sở có việc nào trễ hạn ko e, c định nhắc luôn 1 thể").best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.OVERDUE, None)
    best = read("đôn đốc giúp a STP với, cả năm chưa thấy gửi bc gì về bên mình").best
    assert (best.action, best.agencies, best.own) == (Action.REMIND, ("so-tu-phap",), False)


@pytest.mark.parametrize(
    "text",
    [
        "noel nay e co di nha tho choi ko, c tinh dan tui nho di",
        "thu 7 xem VN vo dich AFF xong di bao toi 1h sang, gio van con met",
        "chiều nay tất niên phòng mình 5h nhé, ai chưa đóng quỹ thì đóng giúp e",
    ],
)
def test_year_end_small_talk(text):
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_what_else_the_bot_does_besides_reminding():
    assert read("bot nay ngoai nhac viec ra con lam dc gi nua e").best.ask is Ask.HELP


def test_a_title_before_a_trailing_v_or_the_askers_part_and_who_else_works_on_it():
    best = _corpus("danh_muc_gia_lai", date(2026, 12, 23))
    intent = best("thanh toan truc tuyen phi le phi tthc thi ket qua dau ra la gi v")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PRODUCT)
    intent = read("II.1 ngoài STP còn đơn vị nào cùng làm").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    assert read("bên VPUB tỉnh có việc nào trễ hạn k e").best.agencies == ("van-phong-ubnd-tinh",)


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_a_task_named_by_its_title_with_the_askers_part_in_it():
    best = _corpus("000", date(2023, 12, 19))
    intent = best("nv iso điện tử mình phối hợp giờ được bn % rồi")
    assert (intent.task, intent.field) == (TaskRef("VII", "6"), TaskField.PROGRESS)


def test_the_plan_by_its_number_and_a_task_named_by_the_days_it_falls_due():
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 6, 9))
    intent = best("kh 77 co nv nao qua han chua xu ly ko e, 3h chieu bc chanh vp")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    ward = plan_vocabulary(plan_path("phuong_hoa_khanh"))
    reading = read("viec han 30/9 ai chu tri v e", ward, date(2026, 6, 10))
    assert reading.ask_back and {i.field for i in reading.choices} == {TaskField.LEAD}


def test_what_a_request_is_about_before_what_it_is_for():
    best = _corpus("phuong_hoa_khanh", date(2026, 6, 10))
    text = "Đôn đốc phòng VH-XH gửi số liệu tuyên truyền CCHC trên loa để kịp tổng hợp sơ kết nhé"
    assert best(text).task == TaskRef("III", "2")
    best = _corpus("lao_cai_bang_phan_cong", date(2026, 9, 23))
    text = "E nhắc giúp c Sở GD&ĐT gửi kết quả phiếu khảo sát hài lòng dịch vụ giáo dục công nhé"
    assert (best(text).action, best(text).task) == (Action.REMIND, TaskRef(None, "3"))
    text = "Khảo sát hài lòng dịch vụ y tế công cuối cùng phải nộp sản phẩm gì em, chỉ báo cáo?"
    assert (best(text).task, best(text).field) == (TaskRef(None, "2"), TaskField.PRODUCT)


@pytest.mark.parametrize(
    "text",
    [
        "Tuần sau có việc chi tới hạn không em, chị sắp lịch cho anh em trong văn phòng",
        "so minh dang phoi hop nhung nv nao cua so khac",
        "tong so nv tre han tinh den hom nay la bn",
        "Chiều nay phòng CCHC giao ban, bot lọc giúp e các nhiệm vụ đang quá hạn nhé",
        "quy 1 vua roi con nv nao toi han ma chua xong ko e, snv dang gom so lieu bc quy",
        "ct ubnd vua hoi trong giao ban sang nay, co bao nhieu nv tre han roi e?",
    ],
)
def test_no_body_in_the_office_others_a_count_or_a_meeting(text):
    reading = read(text)
    assert (reading.ask_back, reading.best.agencies) == (False, ())


def test_small_talk_of_the_counter_and_this_weeks_news_and_the_office_by_its_short_name():
    text = "Bình nước ở quầy một cửa hết rồi, ai gọi đại lý mang lên giúp với, bà con đông lắm"
    assert read(text).best.ask is Ask.OFF_TOPIC
    assert read("tuần này có gì mới ko, tổng hợp nhanh cho c nhé").best.ask is Ask.DIGEST
    intent = read("VP UB tỉnh được giao chủ trì mấy nv").best
    assert (intent.ask, intent.agencies) == (Ask.COUNT, ("van-phong-ubnd-tinh",))


def test_a_task_done_yet_asked_of_the_bot_when_it_ends_and_the_citys_police():
    best = _corpus("thanh_pho_hai_phong", date(2026, 9, 22))
    intent = best("Hội nghị đối thoại DN (nv4) tổ chức chưa bot, hết quý III đến nơi rồi")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.PROGRESS)
    intent = best(
        "thi diem mot cua lien thong ko phu thuoc dia gioi hanh chinh thi khi nao ket thuc"
    )
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.DUE)
    intent = best("nhắc catp nộp bc an toàn thông tin quý III (nv7) trước 30/9 giúp e")
    assert (intent.action, intent.agencies) == (Action.REMIND, ("cong-an-tinh",))


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_a_title_holding_the_union_and_the_question_after_then():
    best = _corpus("000", date(2023, 6, 6))
    text = (
        "Nhiệm vụ phổ cập kỹ năng số cho người dân, phối hợp với Đoàn thanh niên tiến độ thế nào?"
    )
    assert (best(text).task, best(text).field) == (TaskRef("VII", "2"), TaskField.PROGRESS)
    best = _corpus("001", date(2018, 9, 25))
    intent = best("nv II.6.a.1 thi ket qua dau ra la gi e")
    assert intent.field is TaskField.PRODUCT


def test_a_section_by_its_level_or_its_initials_and_small_talk_of_the_holiday():
    best = _corpus("danh_muc_gia_lai", date(2026, 4, 21))
    intent = best("phan cap xa co viec nao dang trien khai do dang ko")
    assert (intent.section, intent.agencies) == ("II", ())
    text = "le 30/4 nay phong minh co di dau choi ko, c tinh ve Cao Lanh an ca loc nuong trui"
    assert read(text).best.ask is Ask.OFF_TOPIC
    text = "Bên mình còn bao nhiêu việc chưa xong vậy em? Tuần sau nghỉ lễ rồi, chị muốn nắm trước."
    best_reading = read(text).best
    assert (best_reading.status, best_reading.period) == (Status.OPEN, None)
    text = "Trong chỉ thị có những việc nào không ấn định mốc thời gian hoàn thành không em?"
    assert read(text).best.status is Status.UNDATED
    assert read("e moi qua phong cchc, bot nay xai sao vay, hoi dc nhung gi").best.ask is Ask.HELP


@pytest.mark.skipif(plan_path("004") is None, reason="the seed plans are not here")
def test_a_section_by_its_initials_and_a_merger_said_in_brackets():
    best = _corpus("004", date(2021, 4, 20))
    assert best("mảng CQĐT còn bn nv chưa xong vậy").section == "VII"
    best = _corpus("003", date(2025, 4, 22))
    intent = best("Sở KH&ĐT cũ (nay về STC) trong kh cchc còn việc nào quá hạn ko e")
    assert intent.agencies == ("so-ke-hoach-va-dau-tu",)


def test_the_bots_reminder_or_digest_said_before_what_is_asked_of_it():
    intent = read("bot nhắc II.2 sắp hạn đó, việc đó bên nào phối hợp vậy").best
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef("II", "2"),
        TaskField.SUPPORT,
    )
    intent = read("vừa nhận tin nhắc nv III.3, hạn cuối chính xác là ngày nào e").best
    assert (intent.task, intent.field, intent.action) == (TaskRef("III", "3"), TaskField.DUE, None)
    intent = read("nhắc rồi mà sao STP vẫn chưa gửi, II.1 giờ tới đâu rồi").best
    assert (intent.task, intent.field, intent.action) == (
        TaskRef("II", "1"),
        TaskField.PROGRESS,
        None,
    )
    intent = read("tin tổng hợp tuần báo có 3 việc quá hạn, liệt kê giúp c mấy việc đó").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    assert read("tin tuần báo gì vậy bot").best.ask is Ask.DIGEST
    intent = read("bot nhắc STP nộp kết quả rà soát II.1 giùm e").best
    assert (intent.action, intent.agencies) == (Action.REMIND, ("so-tu-phap",))


def test_a_reminder_news_and_a_reminder_asked_for_in_one_message():
    intent = read(
        "bot vừa nhắc IV.1 bên mình chưa cập nhật, mà bên mình phối hợp thôi, nhắc sở khcn giúp e"
    ).best
    assert (intent.action, intent.task, intent.agencies) == (
        Action.REMIND,
        TaskRef("IV", "1"),
        ("so-khoa-hoc-va-cong-nghe",),
    )
    intent = read("Sở VHTTDL nhắc mấy bận rồi mà vẫn im, các việc của họ giờ ra sao").best
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("so-van-hoa-the-thao-va-du-lich",))


def test_a_passage_quoted_from_a_letter():
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 7, 6))
    text = (
        'CV của VP UBND tỉnh ghi "đề nghị sớm rà soát thủ tục hành chính lĩnh vực đất đai", '
        "việc này ai chủ trì"
    )
    intent = best(text)
    assert (intent.task, intent.field, intent.agencies) == (TaskRef(None, "2"), TaskField.LEAD, ())
    text = (
        'Cv UBND tỉnh đề nghị "các sở, ban, ngành gửi báo cáo trước ngày 10/7", bên mình còn '
        "việc nào chưa xong không"
    )
    intent = best(text)
    assert (intent.ask, intent.own, intent.agencies, intent.period) == (Ask.LIST, True, (), None)
    text = (
        'Trong bảng cột thời hạn ghi "Theo kế hoạch", "Khi có yêu cầu của cấp trên" thì lọc '
        "giúp e các việc đó"
    )
    assert read(text).best.agencies == ()


def test_a_part_denied_a_short_name_said_in_full_and_points_counted():
    intent = read("ds việc stp phối hợp (ko phải chủ trì)").best
    assert (intent.agencies, intent.role) == (("so-tu-phap",), Role.SUPPORT)
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 7, 6))
    intent = best("Sở Nội vụ vừa gửi cv hỏi, vậy SNV có được giao việc gì không")
    assert intent.agencies == ("so-noi-vu",)
    best = _corpus("chi_thi_thanh_hoa", date(2026, 10, 28))
    intent = best("chỉ thị có mấy điểm chưa xong vậy")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)
    assert read("có việc nào chưa giao hạn cụ thể không").best.status is Status.UNDATED


def test_bn_said_to_the_bot_the_ride_to_a_meeting_and_a_remark_of_what_was_seen():
    intent = read("Sở Tư pháp làm các việc tới đâu rồi bn").best
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("so-tu-phap",))
    intent = read("bn nhắc STP nộp báo cáo giúp e").best
    assert intent.action is Action.REMIND
    assert read("chiều nay ai lên tỉnh họp cho e đi ké xe với").best.ask is Ask.OFF_TOPIC
    assert (
        read("ai ra phòng văn thư lấy giúp e công văn đến với, e đang kẹt họp").best.ask
        is Ask.OFF_TOPIC
    )
    intent = read("Sở Tư pháp làm tới đâu rồi, thấy bên đấy phối hợp khá nhiều việc").best
    assert (intent.agencies, intent.role) == (("so-tu-phap",), None)


def test_a_summary_asked_of_how_the_context_says_things_stand():
    text = (
        "Chiều nay giao ban, sếp hỏi tình hình thực hiện các nhiệm vụ của sở mình, bot tóm tắt "
        "giúp e với"
    )
    intent = read(text).best
    assert (intent.ask, intent.own) == (Ask.PROGRESS, True)


def test_a_share_said_of_a_task_whose_title_holds_the_updates_word():
    best = _corpus("lao_cai_bang_phan_cong", date(2026, 10, 29))
    intent = best("việc 5 đã cập nhật được khoảng 60% dữ liệu")
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "5"))


def test_words_run_together_with_their_number_and_a_number_typed_with_a_space():
    intent = read("thang3 nay phai xong nhung viec gi v").best
    assert intent.period == Period(PeriodKind.MONTH, date(2026, 3, 1), date(2026, 3, 31))
    assert read("cho minh xem chi tiet nhiem vu so4 voi").best.task is not None
    assert read("tinh hinh phanII toi dau r").best.section == "II"
    assert read("II. 1 han chot ngay may vay").best.task == TaskRef("II", "1")
    intent = read("6thang dau nam phai xong nhung viec gi").best
    assert intent.period == Period(PeriodKind.HALF, date(2026, 1, 1), date(2026, 6, 30))


def test_the_western_new_year_the_weekend_and_a_months_last_week():
    today = date(2026, 11, 25)
    intent = read("từ giờ tới Tết dương lịch còn bao nhiêu việc phải xong", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, today, date(2026, 12, 31))
    intent = read("Trước kỳ nghỉ Tết dương lịch sở mình còn phải xong những việc nào", today=today)
    assert intent.best.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 12, 31))
    intent = read("cuối tuần này có việc nào tới hạn không, chị về quê", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 11, 28), date(2026, 11, 29))
    intent = read("tuần cuối tháng 12 có mấy việc tới hạn", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 12, 25), date(2026, 12, 31))
    assert read("tết dương lịch đc nghỉ mấy ngày v mn", today=today).best.ask is Ask.OFF_TOPIC


def test_a_report_due_to_a_superior_and_a_body_in_the_plan_at_all():
    best = _corpus("chi_thi_quang_tri", date(2026, 2, 25))
    text = "Lập giúp e bản báo cáo tình hình các việc của sở mình, mai nộp lãnh đạo"
    assert best(text).period is None
    text = "Sở Y tế có trong kế hoạch này không? phó giám đốc bên đó hỏi em sáng nay"
    intent = read(text).best
    assert (intent.ask, intent.agencies) == (Ask.LIST, ("so-y-te",))


def test_a_body_by_the_first_part_of_its_name_and_a_wards_committee_of_the_communes():
    best = _corpus("phuong_hoa_khanh", date(2026, 11, 23))
    assert best("phòng kinh tế chủ trì việc gì").agencies == ("phong-kinh-te-ha-tang-do-thi",)
    best = _corpus("an_giang_hai_cap", date(2026, 2, 27))
    assert best("ubnd phuong chu tri nhung viec gi").agencies == ("ubnd-cap-xa",)


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_where_a_merged_body_went_said_beside_the_question():
    best = _corpus("003", date(2025, 11, 24))
    intent = best("Sở KH&ĐT trong kh này có những việc gì, giờ nhập vô sở tài chính rồi")
    assert intent.agencies == ("so-ke-hoach-va-dau-tu",)


def test_who_stands_up_to_lead_a_mention_at_a_meeting_and_a_meeting_put_back():
    intent = read("cái việc kiểm tra văn bản QPPL, ai đứng ra làm chính rứa").best
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.LEAD)
    intent = read("sở mình có đứng ra làm chính việc mô không hay toàn phối hợp thôi").best
    assert (intent.own, intent.role) == (True, Role.LEAD)
    assert read("có mấy việc hk ghi ngày cụ thể").best.status is Status.UNDATED
    text = "Sáng nay họp có nhắc tới Sở Tư pháp, việc của họ có cái nào trễ hạn chưa"
    intent = read(text).best
    assert (intent.ask, intent.agencies, intent.status) == (
        Ask.LIST,
        ("so-tu-phap",),
        Status.OVERDUE,
    )
    assert read("chiều nay giao ban lùi sang 3h nha mn").best.ask is Ask.OFF_TOPIC


def test_what_a_task_must_turn_out_evidence_as_proof_and_who_asked_pointed_back_to():
    intent = read("việc số hóa hồ sơ, làm xong thì phải ra cái gì").best
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    intent = read("e có ảnh chụp rồi, muốn gửi lên làm bằng chứng cho việc IV.2 thì làm sao").best
    assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef("IV", "2"))
    best = _corpus("chi_thi_thanh_hoa", date(2026, 9, 9))
    intent = best("sở xây dựng hỏi bên đó có được giao việc gì trong chỉ thị này không")
    assert intent.agencies == ("so-xay-dung",)


# (typed, what it asks, the part, the act, whose: own or the bodies, the state)
TAKEN_BACK_AND_SAID_AGAIN = [
    # a part said again
    (
        "mấy việc bên mình phối hợp á, à hông, bên mình chủ trì, liệt kê giùm chị",
        Ask.LIST,
        Role.LEAD,
        None,
        True,
        (),
        None,
    ),
    (
        "bên mình chủ trì mấy việc, à không, tính cả phối hợp luôn",
        Ask.COUNT,
        None,
        None,
        True,
        (),
        None,
    ),
    # an act said again
    (
        "nv II.1 đánh dấu hoàn thành giúp e, à thôi chỉ cập nhật tiến độ thôi vì còn làm tiếp",
        Ask.ACTION,
        None,
        Action.REPORT_PROGRESS,
        False,
        (),
        None,
    ),
    # whose tasks said again
    (
        "việc quá hạn của sở tư pháp, à nhầm, của mình",
        Ask.LIST,
        None,
        None,
        True,
        (),
        Status.OVERDUE,
    ),
    (
        "ds việc quá hạn của sở nội vụ, à ko, của tất cả các đơn vị",
        Ask.LIST,
        None,
        None,
        False,
        (),
        Status.OVERDUE,
    ),
    # the whole plan, for what narrowed it
    ("xuất excel việc quá hạn, à thôi xuất hết luôn", Ask.EXPORT, None, None, False, (), None),
    (
        "tóm tắt tình hình các việc bên mình chủ trì, à mà thôi, cả kế hoạch luôn",
        Ask.PROGRESS,
        None,
        None,
        False,
        (),
        None,
    ),
    # never mind what was asked
    (
        "tình hình bên mình sao rồi, à thôi khỏi, gửi chị tổng hợp tuần này",
        Ask.DIGEST,
        None,
        None,
        False,
        (),
        None,
    ),
    # "à" closing a question takes nothing back
    (
        "không phải sở tư pháp chủ trì việc II.1 à? chị nhớ bên mình chỉ phối hợp thôi",
        Ask.TASK,
        None,
        None,
        False,
        (),
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "ask", "role", "action", "own", "agencies", "status"), TAKEN_BACK_AND_SAID_AGAIN
)
def test_a_part_an_act_whose_tasks_and_the_whole_plan_said_again_after_a_slip(
    text: str,
    ask: Ask,
    role: Role | None,
    action: Action | None,
    own: bool,
    agencies: tuple[str, ...],
    status: Status | None,
) -> None:
    intent = read(text).best
    assert (intent.ask, intent.role, intent.action, intent.own) == (ask, role, action, own)
    assert (intent.agencies, intent.status) == (agencies, status)


def test_whom_to_remind_said_again_and_whom_the_asker_reports_to_later():
    best = _corpus("chi_thi_quang_tri", date(2026, 12, 1))
    intent = best("nhắc sở nội vụ việc bố trí kinh phí cchc năm 2027, à nhầm, sở tài chính")
    assert (intent.action, intent.agencies) == (Action.REMIND, ("so-tai-chinh",))
    best = _corpus("an_giang_hai_cap", date(2026, 12, 3))
    intent = best("Cả năm nay hoàn thành được mấy việc rồi? cuối tháng phải báo cáo UBND tỉnh")
    assert (intent.ask, intent.status, intent.agencies) == (Ask.COUNT, Status.DONE, ())


def test_words_as_dictated_to_a_phone():
    today = date(2026, 6, 23)
    intent = read("sáu tháng đầu năm tới hạn mà chưa xông còn mấy việc", today=today).best
    assert intent.status is Status.OPEN
    assert (intent.period.start, intent.period.end) == (date(2026, 1, 1), date(2026, 6, 30))
    intent = read("liệt kế giúp chị mấy việc sở tư pháp đã làm xong").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DONE)
    assert read("quý một còn những việc nào tới hạn mà chưa xông").best.status is Status.OPEN
    intent = read("da hạn cho việc số hóa hồ sơ thêm một tháng nữa nghe do đang chờ kinh phí").best
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))
    intent = read("việc II.1 gia hạn thêm giùm chị mười lăm ngày nha").best
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(15, "day"))


def test_thanks_for_what_the_bot_spares_a_report_to_submit_and_the_plan_of_the_ward():
    assert read("cảm ơn em nhé, đỡ phải mở file excel ra dò từng dòng").best.ask is Ask.OFF_TOPIC
    intent = read("Làm giúp anh bản bc tình hình các việc sở mình, mai trình GĐ").best
    assert (intent.ask, intent.own, intent.period) == (Ask.PROGRESS, True, None)
    assert read("việc II.1 cuối cùng phải nộp cái chi rứa").best.field is TaskField.PRODUCT
    best = _corpus("phuong_hoa_khanh", date(2026, 6, 23))
    intent = best("kế hoạch cchc của phường thực hiện tới đâu rồi em")
    assert (intent.ask, intent.task) == (Ask.PROGRESS, None)


def test_english_words_in_vietnamese_a_working_meeting_and_a_topics_tasks():
    intent = read("việc số hóa hồ sơ có update gì mới ko, tới đâu r").best
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.PROGRESS)
    assert read("confirm done II.1 nha, xong từ tháng 3 r").best.action is Action.COMPLETE
    assert read("bot ni dùng răng, chỉ a mấy cái lệnh").best.ask is Ask.HELP
    text = "Chiều mai a làm việc với Đảng ủy, gửi a danh sách việc chưa xong của sở mình"
    assert read(text).best.period is None
    intent = read("Mấy việc sở mình phối hợp thì còn việc mô chưa xong ko").best
    assert (intent.ask, intent.role, intent.status) == (Ask.LIST, Role.SUPPORT, Status.OPEN)
    best = _corpus("tinh_nghe_an_phu_luc", date(2026, 10, 13))
    intent = best("Sở KHCN thực hiện nhiệm vụ được giao tới đâu rồi")
    assert (intent.ask, intent.agencies, intent.task) == (Ask.PROGRESS, (KHCN,), None)


def test_states_said_by_negation_denial_and_what_is_left_out():
    intent = read("việc nào chưa quá hạn mà cũng chưa xong vậy em").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.IN_PROGRESS)
    intent = read("có bao nhiêu việc chưa xong mà không bị trễ").best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.IN_PROGRESS)
    intent = read("ko phải việc quá hạn, e hỏi mấy việc sắp tới hạn kìa").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    intent = read("ko phải việc bên mình chủ trì đâu, e cần ds mấy việc mình chỉ phối hợp").best
    assert (intent.ask, intent.role, intent.own) == (Ask.LIST, Role.SUPPORT, True)
    assert read("kế hoạch đã xong hết chưa hay còn sót việc nào").best.status is Status.OPEN
    intent = read("Sở Tư pháp chủ trì mấy việc, trừ cái đã xong ra còn mấy cái").best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)
    intent = read("xuất excel giúp em, việc nào xong rồi thì bỏ ra nhé").best
    assert (intent.ask, intent.status) == (Ask.EXPORT, Status.OPEN)


def test_late_or_on_time_which_body_is_slower_and_a_meeting_to_take_it_to():
    intent = read("Sở Tư pháp tới đâu rồi ạ? Có chậm gì không hay vẫn đúng tiến độ").best
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    intent = read("Tình hình của STP và Sở KH&CN thế nào, bên nào chậm hơn ạ").best
    assert (intent.ask, intent.status, len(intent.agencies)) == (Ask.PROGRESS, None, 2)
    text = "Lọc giúp em các việc chưa xong, việc nào xong rồi thì bỏ ra nhé. Mai em mang đi họp"
    assert read(text).best.period is None
    intent = read("muốn báo 1 việc đã xong thì làm sao").best
    assert (intent.ask, intent.action) == (Ask.ACTION, Action.COMPLETE)


def test_long_messages_holidays_and_when_someone_asked():
    text = (
        "Em oi, to cong tac vua gui ban bao cao, chi muon dinh kem lam minh chung cho nhiem vu"
        " II.1. Gui file vao day la duoc ha em, hay phai lam sao?"
    )
    intent = read(text).best
    assert (intent.ask, intent.action) == (Ask.ACTION, Action.ATTACH_EVIDENCE)
    text = "sáng nay chị mới gửi xong báo cáo quý I, giờ còn những việc nào chưa xong em"
    assert read(text).best.status is Status.OPEN
    today = date(2026, 1, 20)
    intent = read("Trước Quốc khánh sở mình phải xong việc gì", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 9, 1))
    intent = read("Từ giờ tới dịp 20/11 sở mình còn mấy việc phải xong", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, today, date(2026, 11, 20))
    text = "Hôm qua bên Sở Y tế có hỏi chị là họ có phải phối hợp việc nào không"
    assert read(text).best.period is None
    assert read("Trưa ni ai ăn mì Quảng hông, chị đặt luôn").best.ask is Ask.OFF_TOPIC


def test_worries_and_situations_before_the_question():
    today = date(2026, 12, 1)
    intent = read(
        "cuối năm tới nơi rồi mà quý 4 còn nhiêu việc chưa xong, lo quá", today=today
    ).best
    assert intent.period == Period(PeriodKind.QUARTER, date(2026, 10, 1), date(2026, 12, 31))
    reading = read(
        "so cuoi nam ko kip, tu gio toi 31/12 con nhung viec gi phai xong vay", today=today
    )
    assert not reading.ask_back and reading.best.agencies == ()
    intent = read("coi giùm mấy nv sắp đến hạn").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    assert read("xem giúp có mấy việc quá hạn").best.ask is Ask.COUNT
    text = "sợ họp giao ban đầu tháng 4 lại bị nêu tên vì chậm, bên mình có nv nào quá hạn ko vậy"
    intent = read(text).best
    assert (intent.status, intent.own, intent.period) == (Status.OVERDUE, True, None)
    text = "tuần trước Sở Tư pháp bị nhắc chậm báo cáo, giờ bên đó làm tới đâu rồi"
    intent = read(text).best
    assert (intent.ask, intent.agencies, intent.period) == (Ask.PROGRESS, (STP,), None)
    text = "đoàn kiểm tra tuần sau về, không biết mình còn nợ gì. đơn vị mình còn gì chưa xong?"
    assert read(text).best.period is None
    text = "chiều phải gửi LĐ tình hình tuần mà chưa làm gì, cho e tổng hợp tuần này với"
    assert read(text).best.ask is Ask.DIGEST
    assert (
        read("ai qua văn thư lấy giúp e mấy công văn đến với, e đang bận họp").best.ask
        is Ask.OFF_TOPIC
    )
    best = _corpus("bo_khcn_2026", date(2026, 10, 13))
    text = "Lo cái kết nối dữ liệu với CSDL dân cư không kịp quý IV, giờ đã làm được đến đâu rồi ạ"
    assert (best(text).task, best(text).field) == (TaskRef(None, "6"), TaskField.PROGRESS)
    best = _corpus("thanh_pho_hai_phong", date(2026, 3, 10))
    text = "lo cái lớp kỹ năng số cho cc cấp xã ko kịp, hạn chót là bao giờ ấy nhỉ"
    assert (best(text).task, best(text).field) == (TaskRef(None, "6"), TaskField.DUE)
    text = "mai họp với Sở Tư pháp, sợ bị hỏi. những việc nào của họ đến hạn tháng này"
    assert read(text).best.agencies == (STP,)
    text = "việc chấm điểm chỉ số CCHC ai chủ trì mà em chưa biết trả lời sao"
    assert read(text).best.task == TaskRef("IV", "3")


def test_the_formal_register_of_letters():
    intent = read(
        "Kính đề nghị thống kê số nhiệm vụ đã quá thời hạn hoàn thành tính đến thời điểm hiện nay."
    ).best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)
    intent = read("Xin danh sách các nhiệm vụ có thời hạn hoàn thành trong quý II/2026.").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    assert read("cho xin tình hình thực hiện kế hoạch").best.ask is Ask.PROGRESS


def test_the_plan_and_its_parts_and_a_leaders_instructions():
    today = date(2026, 9, 29)
    intent = read("bộ máy quý này có mấy việc tới hạn", today=today).best
    assert intent.period == Period(PeriodKind.QUARTER, date(2026, 7, 1), date(2026, 9, 30))
    intent = read("Yêu cầu Sở Tư pháp báo cáo tiến độ nv II.1").best
    assert (intent.action, intent.agencies) == (Action.REMIND, (STP,))
    text = "Gửi minh chứng nv II.1: công văn đề nghị Sở Tư pháp báo cáo số liệu"
    assert read(text).best.action is Action.ATTACH_EVIDENCE
    text = "Chiều thứ 5 giao ban với lãnh đạo UBND, tóm tắt giúp tôi tình hình thực hiện KH CCHC"
    assert read(text).best.ask is Ask.PROGRESS
    assert read("muốn xem tiến độ của 1 sở thì gõ thế nào").best.ask is Ask.HELP
    assert read("thứ 6 này tân niên sở mình ăn ở đâu vậy mn").best.ask is Ask.OFF_TOPIC
    text = "Cả kế hoạch giờ tới đâu rồi em? Sáng mai chị báo cáo anh Giám đốc"
    assert read(text).best.ask is Ask.PROGRESS
    text = "cập nhật tiến độ giúp e: số hóa hồ sơ kết quả giải quyết TTHC làm được khoảng 85% rồi"
    assert read(text).best.task == TaskRef("III", "2")
    best = _corpus("an_giang_hai_cap", date(2026, 2, 24))
    text = "chieu nay chi bao cao PGD, phan nhiem vu cua UBND cac xa phuong dac khu toi dau roi em"
    assert (best(text).ask, best(text).section) == (Ask.PROGRESS, "II")
    best = _corpus("chi_thi_thanh_hoa", date(2026, 10, 6))
    intent = best("Báo cáo tôi tình hình thực hiện chỉ thị 9 tháng đầu năm, đưa vào bc quý")
    assert (intent.ask, intent.task) == (Ask.REPORT, None)
    best = _corpus("tinh_nghe_an_phu_luc", date(2026, 9, 29))
    assert best("Sở Y tế có việc gì trong kế hoạch này không").notes[0].other == "so-ban-nganh"


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_a_task_named_by_its_words_and_the_day_it_falls_due():
    best = _corpus("003", date(2025, 10, 21))
    text = "Việc báo cáo PBGDPL hạn 7/11 xin gia hạn thêm 15 ngày được không ạ"
    assert (best(text).action, best(text).task) == (Action.EXTEND, TaskRef("II", "5"))


def test_dates_and_numbers_written_every_which_way():
    today = date(2026, 7, 21)
    assert read("nv nào hạn Q.III vậy", today=today).best.period.label == "quý III/2026"
    intent = read("6th đầu năm xong được mấy việc", today=today).best
    assert intent.period.label == "6 tháng đầu năm 2026"
    assert read("nv II.1 xin lùi thêm 15ng nữa nha", today=today).best.duration == Duration(
        15, "day"
    )
    assert read("quý 2 có mấy nv tới hạn mà ko xong", today=today).best.status is Status.OPEN
    intent = read("có hạn từ 15/6 - 30/6 những nv gì", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 6, 15), date(2026, 6, 30))
    intent = read("hết T6 những nv nào phải xong vậy", today=today).best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 6, 30))
    text = "nv hạn ngày 15 tháng 12 cho a xem đầy đủ thông tin"
    assert (read(text, today=today).best.task, read(text, today=today).best.field) == (
        TaskRef("IV", "1"),
        TaskField.CARD,
    )


def test_what_changed_lately_and_remarks_around_it():
    assert read("cam on em nhiu nha, de chi bao cao a GĐ").best.ask is Ask.OFF_TOPIC
    text = "Phần cải cách thủ tục hành chính tới đâu rồi em? chiều nay họp bên Sở Tư pháp"
    assert read(text).best.agencies == ()
    best = _corpus("tinh_dong_thap_2026", date(2026, 8, 25))
    intent = best("theo doi thi hanh PL ve xu ly VPHC thi san pham nop la gi vay")
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.PRODUCT)


def test_tasks_by_their_place_and_what_follows_a_colon():
    intent = read("việc cuối mục IV hạn ra răng chị").best
    assert (intent.task, intent.field) == (TaskRef("IV", "3"), TaskField.DUE)
    intent = read("cho e xin ds cac viec qua han chua xong nhe").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    text = "bc tiến độ nv I.2: đã cập nhật xong dữ liệu quý III, còn 3 xã chưa gửi"
    assert read(text).best.action is Action.REPORT_PROGRESS
    assert read("việc cuối năm còn mấy cái chưa xong").best.task is None
    best = _corpus("thanh_pho_hai_phong", date(2026, 5, 19))
    assert best("mục II ý 1 xong rồi, đánh dấu hoàn thành giúp e").task == TaskRef(None, "1")
    assert best("việc cuối mục II sp đầu ra là gì").task == TaskRef(None, "8")
    best = _corpus("chi_thi_thanh_hoa", date(2026, 12, 15))
    assert best("viec cuoi cua chi thi la ai lam chinh the").task == TaskRef(None, "6")


@pytest.mark.skipif(plan_path("002") is None, reason="the seed plans are not here")
def test_the_nth_task_of_a_part_numbered_under_one_heading():
    best = _corpus("002", date(2024, 3, 26))
    assert best("việc số 2 phần 7 tới đâu rồi e").task == TaskRef("II.7", "b")
    assert best("nhiem vu thu 3 muc 6 san pham la gi").task == TaskRef("II.6", "c")


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_a_body_asked_about_before_its_merger_is_itself():
    question = "Sở LĐTBXH được giao mấy việc trong kế hoạch"
    before = _corpus("000", date(2024, 9, 3))(question)
    assert (before.agencies, before.notes[0].relation) == (
        ("so-lao-dong-thuong-binh-va-xa-hoi",),
        Relation.MEMBER_OF,
    )
    assert _corpus("000", date(2025, 9, 3))(question).agencies == (SNV,)


def test_a_question_passed_on_from_a_person():
    vocabulary = plan_vocabulary(plan_path("khanh_hoa_kiem_soat"))
    reading = read(
        "Anh Tuấn nhờ hỏi việc hạn 30/9 đơn vị nào chủ trì", vocabulary, date(2026, 5, 5)
    )
    assert reading.ask_back and {i.field for i in reading.choices} == {TaskField.LEAD}
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 5, 5))
    # Her unit says who she is; "bên chị" after it is that unit, not the asker's.
    intent = best("Chị Mai phòng KSTTHC nhờ em hỏi: tháng 9 có việc nào đến hạn không")
    assert (intent.agencies, intent.status) == ((), Status.DUE)
    intent = best("anh Hòa bên STP nhắn hỏi: bên anh còn việc nào quá hạn không em")
    assert (intent.agencies, intent.own) == ((STP,), False)
    vocabulary = plan_vocabulary(plan_path("phuong_hoa_khanh"))
    best = _corpus("phuong_hoa_khanh", date(2026, 8, 11))
    intent = best("Sở Tài chính nhắn hỏi: kế hoạch của phường có giao cho Sở việc gì không")
    assert intent.agencies == ("so-tai-chinh",)
    reading = read("việc hạn 30/9 giao ai chủ trì vậy", vocabulary, date(2026, 8, 11))
    assert reading.ask_back and len(reading.choices) == 3


def test_a_letter_to_send_and_what_to_send_up():
    best = _corpus("bo_khcn_2026", date(2026, 8, 4))
    intent = best("lọc các việc quá hạn của Vụ Pháp chế, chiều nay gửi văn bản đôn đốc")
    assert (intent.ask, intent.status, intent.period) == (Ask.LIST, Status.OVERDUE, None)
    best = _corpus("phuong_hoa_khanh", date(2026, 8, 11))
    intent = best("báo cáo CCHC quý thì phường phải gửi lên cái gì")
    assert (intent.task, intent.field) == (TaskRef("III", "1"), TaskField.PRODUCT)
    best = _corpus("tinh_nghe_an_phu_luc", date(2026, 6, 9))
    intent = best("việc rà soát VBQPPL cập nhật đến đâu rồi em")
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.PROGRESS)


def test_a_letter_pasted_with_its_subject_salutation_and_signature():
    text = (
        "V/v: tình hình thực hiện kế hoạch\n\nKính gửi bộ phận theo dõi,\nĐề nghị cho biết tình"
        " hình thực hiện các nhiệm vụ của Sở Tư pháp.\nTrân trọng!\nPhòng CCHC - Sở Nội vụ"
    )
    assert (read(text).best.ask, read(text).best.agencies) == (Ask.PROGRESS, (STP,))
    # A body that only reports: the subject says what is asked.
    text = (
        "V/v: cập nhật tiến độ nhiệm vụ II.1\nKính gửi bộ phận theo dõi,\nSở Tư pháp đã rà"
        " soát 80 văn bản, ước đạt 60%.\nTrân trọng!"
    )
    intent = read(text).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("II", "1"))
    reading = read("Chào anh ạ\nQuý 3 bên mình còn mấy việc chưa xong ạ\nHoa - VP Sở")
    assert not reading.ask_back and reading.best.own
    assert read("chào chị, sở mình có mấy việc quá hạn").best.own


def test_two_bodies_together_a_body_pointed_back_to_and_a_task_marked_done():
    intent = read("bên mình phối hợp với Sở Nội vụ ở những việc nào").best
    assert (intent.own, intent.agencies, intent.role) == (True, (SNV,), None)
    intent = read("Văn phòng UBND tỉnh phối hợp với Sở Nội vụ ở việc nào").best
    assert (set(intent.agencies), intent.role) == ({SNV, VP}, None)
    text = "Sở Tư pháp vừa gọi hỏi, bên họ với Sở Nội vụ có chung việc nào"
    assert set(read(text).best.agencies) == {STP, SNV}
    text = "chiều nay họp với Sở Tư pháp, xem giúp bên mình với họ có việc nào chung"
    assert (read(text).best.agencies, read(text).best.own) == ((STP,), True)
    intent = read("đánh dấu việc II.1 đã hoàn thành nhé").best
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("II", "1"))
    assert read("Dạ em cảm ơn chị, có gì em hỏi thêm nhé").best.ask is Ask.OFF_TOPIC


def test_the_offices_words_for_chasing_and_for_work_left_lying():
    intent = read("dí Sở Tư pháp giùm em vụ II.1 nhé, trễ nải quá").best
    assert (intent.action, intent.agencies, intent.task) == (
        Action.REMIND,
        (STP,),
        TaskRef("II", "1"),
    )
    assert read("Sở Tư pháp đang ngâm những việc nào vậy").best.status is Status.OPEN
    assert read("việc nào bên mình chưa đụng tới").best.status is Status.OPEN
    assert read("liệt kê giúp các việc đang chạy").best.status is Status.IN_PROGRESS
    assert read("Sở Tư pháp đang chạy tới đâu rồi").best.ask is Ask.PROGRESS
    # A judgement said before asking how things stand is why one asks, no status.
    intent = read("Sở Tư pháp dạo này ì ạch quá, tình hình bên đó sao rồi").best
    assert (intent.ask, intent.agencies, intent.status) == (Ask.PROGRESS, (STP,), None)
    assert read("chiều t6 đá banh với Sở Nội vụ, ai đk chưa").best.ask is Ask.OFF_TOPIC
    assert read("mai đi Đà Lạt mấy giờ xuất phát mọi người").best.ask is Ask.OFF_TOPIC
    assert read("ok cảm ơn nha, có gì e hỏi tiếp").best.ask is Ask.OFF_TOPIC


def test_a_question_passed_on_by_a_head_of_a_body_who_points_back_to_it():
    intent = read("Anh Hùng Phó Giám đốc Sở Tư pháp hỏi bên anh ấy còn mấy việc quá hạn").best
    assert (intent.agencies, intent.status) == ((STP,), Status.OVERDUE)
    intent = read("ông Chánh VP UBND tỉnh hỏi bên VP có việc nào chưa có hạn không").best
    assert (intent.agencies, intent.status) == ((VP,), Status.UNDATED)
    # "bên chỉ" is "bên chị ấy": hers, never the asker's.
    intent = read("Chị Hoa bên Sở Tư pháp xin file excel các việc của bên chỉ, xuất giúp e").best
    assert (intent.ask, intent.agencies, intent.own) == (Ask.EXPORT, (STP,), False)
    # Who asks for the whole export is no filter of it.
    intent = read("Anh Nam bên Sở Tư pháp xin file excel toàn bộ nhiệm vụ, xuất giúp e nhé").best
    assert (intent.ask, intent.agencies) == (Ask.EXPORT, ())


def test_a_document_cited_by_its_number_and_date():
    # Its date is the document's, no window; who issued it is no subject.
    text = "Theo CV 245/SNV-CCHC ngày 12/3 thì Sở Tư pháp chủ trì những việc nào"
    intent = read(text).best
    assert (intent.agencies, intent.role, intent.period) == ((STP,), Role.LEAD, None)
    text = "Để trả lời CV 2150/UBND-NC ngày 03/9 của UBND tỉnh, cho em số việc đang quá hạn"
    intent = read(text).best
    assert (intent.agencies, intent.status, intent.period) == ((), Status.OVERDUE, None)
    # What the document asks for is no request, where the asker asks a question ...
    text = "Theo CV 312/SNV ngày 3/9 đôn đốc thì có những việc nào quá hạn"
    intent = read(text).best
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.OVERDUE)
    # ... and the task it names is asked of, past its number ("việc đó").
    text = (
        "TB kết luận số 88/TB-UBND ngày 20/8 có nhắc việc số hóa hồ sơ một cửa, việc đó tới đâu rồi"
    )
    intent = read(text).best
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PROGRESS)
    # Where the asker is to carry it out, the request stands.
    text = (
        "Theo CV số 77/SNV-CCHC ngày 18/3 đề nghị gia hạn nhiệm vụ II.1 thêm 1 tháng, em cập"
        " nhật giúp chị"
    )
    intent = read(text).best
    assert (intent.action, intent.task, intent.duration) == (
        Action.EXTEND,
        TaskRef("II", "1"),
        Duration(1, "month"),
    )


def test_chat_noise_and_a_report_the_asker_owes():
    intent = read("hic việc II.1 hạn khi nào vậy 😅").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.DUE)
    intent = read("việc II.1 ai phối hợp dị").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    text = "chiều nay phải báo cáo anh giám đốc tình hình các việc của sở mình, tóm giúp em"
    intent = read(text).best
    assert (intent.ask, intent.own, intent.status) == (Ask.PROGRESS, True, None)


def _each_asks_of_task_ii_1(field: TaskField, *texts: str) -> None:
    for text in texts:
        intent = read(text).best
        assert (intent.task, intent.field) == (TaskRef("II", "1"), field), text


def test_who_leads_and_who_supports_in_the_offices_words():
    _each_asks_of_task_ii_1(
        TaskField.LEAD,
        "việc II.1 ai cầm trịch vậy",
        "việc II.1 bên nào đứng ra",
        "nv II.1 bên nào là đầu mối",
    )
    intent = read("việc II.1 có đơn vị nào tham gia cùng không").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    intent = read("việc II.1 có ai giúp bên Sở Tư pháp không").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    intent = read("sở mình đứng chính mấy việc").best
    assert (intent.ask, intent.own, intent.role) == (Ask.COUNT, True, Role.LEAD)
    intent = read("Văn phòng UBND tỉnh đang cầm trịch những việc gì").best
    assert (intent.agencies, intent.role) == ((VP,), Role.LEAD)
    text = "mai em phải báo cáo gđ tình hình các việc sở mình, tóm giúp em"
    assert (read(text).best.ask, read(text).best.status) == (Ask.PROGRESS, None)


def test_how_far_along_said_as_a_share():
    for text in (
        "xong được nửa chưa e",
        "Sở Tư pháp xong mấy phần mấy rồi",
        "chiều giao ban, cho a con số: xong mấy việc trên tổng số bao nhiêu việc",
        "so voi ke hoach thi 6 thang dau nam dat bao nhieu vay",
        "Sở Tư pháp tỷ lệ đúng hạn dc bao nhiêu",
        "quý vừa rồi bên mình đúng hạn được bao nhiêu phần trăm",
    ):
        reading = read(text)
        assert not reading.ask_back, text
        assert reading.best.ask is Ask.PROGRESS, text
    intent = read("mấy việc Sở Tư pháp phối hợp thì xong được mấy phần mấy rồi").best
    assert (intent.ask, intent.agencies, intent.role) == (Ask.PROGRESS, (STP,), Role.SUPPORT)
    text = "chi thi 12 den gio thuc hien dc bao nhieu phan tram roi a"
    best = read(text, DIRECTIVE_12, today=MAY_27).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)
    text = (
        "Chiều nay giao ban, chánh VP hỏi kế hoạch năm nay tới đâu rồi, tỷ lệ đúng hạn bao"
        " nhiêu %, e tóm giúp a"
    )
    assert read(text).best.ask is Ask.PROGRESS


def test_which_of_a_bodys_tasks_a_results_file_and_a_task_closed():
    text = "Mấy việc bên mình chủ trì còn việc nào chưa xong k e, để ghi vô báo cáo 9 tháng"
    intent = read(text).best
    assert (intent.ask, intent.own, intent.status) == (Ask.LIST, True, Status.OPEN)
    intent = read("e gửi file kết quả tập huấn vô việc II.1 nha").best
    assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef("II", "1"))
    intent = read("việc II.1 QĐ ký hồi tháng 3 rồi, chốt việc này xong giúp e").best
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("II", "1"))
    assert read("xuất file excel các nv chưa xong giúp e").best.ask is Ask.EXPORT
    assert read("Mưa lụt rứa mai cơ quan có cho nghỉ không mn").best.ask is Ask.OFF_TOPIC


def test_a_part_of_the_plan_by_whose_tasks_it_holds_or_by_its_subject():
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))
    text = "phan nhiem vu giao cho xa phuong dac khu con bao nhieu viec chua xong vay em"
    intent = read(text, province, today=MAY_27).best
    assert (intent.ask, intent.section, intent.agencies) == (Ask.COUNT, "II", ())
    intent = read("mấy việc phần cấp tỉnh còn trễ hạn hông e", province, today=MAY_27).best
    assert (intent.ask, intent.section, intent.status) == (Ask.LIST, "I", Status.OVERDUE)
    digital = _plan(
        {"VI": "Cải cách tài chính công", "VII": "Xây dựng chính quyền điện tử, chính quyền số"},
        TaskEntry("VII", "1", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"),
        TaskEntry("VII", "2", "Vận hành hệ thống quản lý văn bản điều hành"),
    )
    intent = read("mảng số hóa tình hình sao rồi", digital).best
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "VII")
    intent = read("số hóa hồ sơ tới đâu rồi", digital).best
    assert (intent.task, intent.section) == (TaskRef("VII", "1"), None)


def test_the_communes_and_a_plans_phong_asked_all_together():
    for text in ("may phuong co viec gi co han trong quy 3 ko", "các phường có việc nào trễ không"):
        intent = read(text, DIRECTIVE_12, today=MAY_27).best
        assert intent.agencies == ("ubnd-cap-xa",), text
    ward = plan_vocabulary(plan_path("phuong_hoa_khanh"))
    intent = read("cac phong chuyen mon con bao nhieu viec chua xong", ward, today=MAY_27).best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)
    assert set(intent.agencies) == {"phong-kinh-te-ha-tang-do-thi", "phong-van-hoa-xa-hoi"}
    province = plan_vocabulary(plan_path("tinh_dong_thap_2026"))
    text = "Đề án vị trí việc làm của mấy xã, phường mấy ảnh nộp chưa em?"
    assert read(text, province, today=MAY_27).best.task == TaskRef("IV", "2")


def test_how_to_report_progress_and_an_errand_shared():
    text = "Việc II.1 đã gửi báo cáo tự đánh giá đi hôm 15/3 rồi, em báo cáo tiến độ thế nào ạ"
    intent = read(text).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("II", "1"))
    text = "Chiều nay ai đi xét nghiệm ở trạm y tế phường thì nhắn e đi chung nha"
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_the_next_round_of_a_task_and_a_summary_asked_for_someone():
    for text in ("vc II.1 mốc tiếp theo là hôm nào e", "việc II.1 lần nộp kế tiếp hạn hôm nào"):
        intent = read(text).best
        assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.DUE), text
    text = "Chiều nay giao ban, em tóm tắt giúp a tình hình thực hiện KH 9 tháng đầu năm nhé"
    assert read(text).best.ask is Ask.PROGRESS


def test_the_plans_own_place_alone_is_no_body_whose_name_ends_with_it():
    province = plan_vocabulary(plan_path("tinh_dong_thap_2026"))
    intent = read("kế hoạch CCHC Đồng Tháp tới đâu rồi", province, today=MAY_27).best
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ())
    text = "Nhac Bao va PTTH Dong Thap chuan bi tin bai tuyen truyen CCHC giup c nha"
    assert read(text, province, today=MAY_27).best.agencies == ("bao-tinh",)


def test_the_askers_own_place_bodies_by_nicknames_and_the_time_added():
    intent = read("Chỗ em đang chủ trì mấy việc ạ").best
    assert (intent.ask, intent.own, intent.role) == (Ask.COUNT, True, Role.LEAD)
    assert not read("cho em danh sách việc quá hạn").best.own
    intent = read("chiều mai họp giao ban, tụi mình đang đứng ở đâu rồi ad").best
    assert (intent.ask, intent.own) == (Ask.PROGRESS, True)
    assert read("bên y có việc gì trong kế hoạch không").best.agencies == ("so-y-te",)
    intent = read("SNV thuc hien toi mo r").best
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, (SNV,))
    intent = read("gia hạn việc II.1 báo cáo 6 tháng thêm 10 ngày nhé").best
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(10, "day"))
    text = "chỉ thị 12 triển khai tới đâu rồi, tóm tắt tình hình giúp chị"
    best = read(text, DIRECTIVE_12, today=MAY_27).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_what_was_done_before_the_turn_and_what_a_task_ends_in():
    intent = read("việc II.1 xong rồi, còn II.2 tới đâu rồi").best
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.PROGRESS)
    intent = read("Pháp chế báo xong việc II.1 rồi, còn việc II.2 thì bên nào phối hợp?").best
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef("II", "2"),
        TaskField.SUPPORT,
    )
    _each_asks_of_task_ii_1(
        TaskField.PRODUCT,
        "việc II.1 làm xong thì trình ai",
        "nv II.1 phải có những gì mới tính là xong",
        "việc II.1 thì kết quả cuối là gì nhỉ",
    )


def test_a_bare_field_said_with_a_task_names_the_task_and_tasks_sent_are_a_list():
    best = lambda text: read(text, TABLE, today=date(2026, 10, 6)).best  # noqa: E731
    intent = best("gia hạn việc khảo sát hài lòng y tế thêm 15 ngày nhé, phiếu chưa thu về đủ")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef(None, "2"))
    intent = best("nhac So Y te nop bc khao sat giao duc ho e")
    assert (intent.action, intent.agencies, intent.task) == (
        Action.REMIND,
        ("so-y-te",),
        TaskRef(None, "3"),
    )
    assert read("Mấy việc sắp đến hạn gửi em với ạ").best.ask is Ask.LIST
    assert read("mấy việc sắp đến hạn?").best.ask is Ask.COUNT
    assert read("việc có hạn 30/9 mà chưa xong là mấy việc chi rứa").best.ask is Ask.LIST
    intent = read("báo cáo tiến độ 1 việc thì làm kiểu gì").best
    assert (intent.ask, intent.action) == (Ask.ACTION, Action.REPORT_PROGRESS)
    assert read("Cảm ơn bot nhé, đỡ cho em bao nhiêu việc").best.ask is Ask.OFF_TOPIC
    intent = read("liet ke giup e cac viec ben minh phoi hop voi so nganh khac").best
    assert (intent.own, intent.role, intent.agencies) == (True, Role.SUPPORT, ())


def test_when_the_asker_reports_or_meets_is_no_window():
    intent = read("Đầu tuần sau em phải báo cáo anh Chánh văn phòng, cho em tóm tắt tình hình").best
    assert (intent.ask, intent.period) == (Ask.PROGRESS, None)
    intent = read("Nhắc Sở Tư pháp gửi cập nhật trước cuộc họp đầu tuần sau").best
    assert (intent.action, intent.agencies, intent.period) == (Action.REMIND, (STP,), None)
    intent = read("nv II.1: bên em đã tổ chức 3 lớp, còn 2 lớp trong tháng sau").best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("II", "1"))
    intent = read("từ thứ 2 tới giờ có thêm việc nào bị quá hạn ko").best
    assert (intent.status, intent.period and intent.period.label) == (
        Status.OVERDUE,
        "23/03/2026–25/03/2026",
    )


def test_how_late_which_first_and_a_chats_next_turn():
    _each_asks_of_task_ii_1(
        TaskField.DUE, "việc II.1 quá hạn mấy ngày rồi", "nv II.1 trễ bao lâu rồi hen"
    )
    intent = read("bên nào đang nợ nhiều việc nhất vậy e").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    assert read("việc nào sát hạn nhất").best.status is Status.DUE
    intent = read("Mấy việc có hạn trong quý 2 á, cái mô tới hạn trước rứa?").best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    intent = read("dem giup e co bao nhieu viec da xong roi nhe").best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DONE)
    intent = read("còn Sở Tư pháp chủ trì mấy việc").best
    assert (intent.ask, intent.agencies, intent.role, intent.status) == (
        Ask.COUNT,
        (STP,),
        Role.LEAD,
        None,
    )
    checks = plan_vocabulary(plan_path("khanh_hoa_kiem_soat"))
    intent = read("ủa việc rà soát đất đai tới đâu rồi", checks, today=date(2026, 10, 13)).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.PROGRESS)
    assert read("chiều nay đoàn thể có đi thăm nhà a Hùng ko mn").best.ask is Ask.OFF_TOPIC


def test_numbers_said_past_ten_a_section_said_in_words_and_reports_to_hand_in():
    assert read("những việc có hạn trong tháng mười một nè").best.period == Period(
        PeriodKind.MONTH, date(2026, 11, 1), date(2026, 11, 30)
    )
    intent = read("Tình hình thực hiện mục bốn tới đâu rồi ạ?").best
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "IV")
    assert read("cam on nha, bua nao ghe so uong ca phe hen").best.ask is Ask.OFF_TOPIC
    intent = read("quý IV sở mình phải nộp những báo cáo chi").best
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.DUE, True)
    intent = read("nv II.1 thì phải nộp những báo cáo gì").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.PRODUCT)


def test_the_time_of_year_said_as_a_remark_and_the_askers_part_in_a_task():
    text = (
        "Dạ anh, tháng sau sơ kết 6 tháng, sếp giao em soạn báo cáo phần việc của văn phòng"
        " mình. Anh tổng hợp giúp em tình hình các việc bên mình với ạ."
    )
    intent = read(text).best
    assert (intent.ask, intent.own, intent.period) == (Ask.PROGRESS, True, None)
    text = "Chị ơi cuối quý rồi, em soạn báo cáo các nhiệm vụ bên mình, chị cho em xin tình hình"
    intent = read(text).best
    assert (intent.ask, intent.period) == (Ask.PROGRESS, None)
    intent = read("mình có dính việc nào ở mục IV không ạ").best
    assert (intent.ask, intent.section, intent.own) == (Ask.LIST, "IV", True)
    assert read("xuat excel ds viec qua han, minh dinh kem cong van don doc").best.own is False
    intent = read("việc II.1 mình chủ trì hay phối hợp?").best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.CARD)


def test_a_plans_own_line_pasted_names_its_task():
    for text, task in (
        ('cột sản phẩm ghi "Báo cáo kết quả đo lường" là của nhiệm vụ nào vậy', "3"),
        ("kết quả đo lường sự hài lòng thuộc nhiệm vụ nào", "3"),
    ):
        intent = read(text).best
        assert (intent.task, intent.field) == (TaskRef("III", task), TaskField.CARD), text
    intent = read("cho e hỏi sp Văn bản hướng dẫn là của nv nào vậy ạ").best
    assert (intent.task, intent.field) == (TaskRef("IV", "3"), TaskField.CARD)
    # A deadline cell read from the plan names the tasks due then, "trước ngày" its day.
    intent = read('viec han "truoc ngay 15/12/2026" ben nao chu tri nhi').best
    assert (intent.task, intent.field) == (TaskRef("IV", "1"), TaskField.LEAD)
    reading = read('việc ghi thời gian hoàn thành "Quý II/2026" là ai chủ trì ạ')
    assert reading.ask_back
    assert (TaskRef("III", "1"), TaskField.LEAD) in [(c.task, c.field) for c in reading.choices]
    # ... but a window the deadlines fall in, said with "có hạn trong", stays a window.
    intent = read("viec co han trong quy 2 ma chua xong liet ke giup e").best
    assert (intent.ask, intent.task, intent.period and intent.period.label) == (
        Ask.LIST,
        None,
        "quý II/2026",
    )


def test_what_is_still_to_hand_in_in_a_window_begun_or_to_come():
    october = date(2026, 10, 6)
    intent = read("quý 4 này còn phải nộp những gì a", today=october).best
    assert (intent.status, intent.period and intent.period.label) == (Status.OPEN, "quý IV/2026")
    assert read("quý 1 năm sau còn phải nộp những gì", today=october).best.status is Status.DUE
    assert read("từ nay tới 31/12 còn phải gửi những gì", today=october).best.status is Status.DUE


def test_what_the_asker_believes_asked_to_confirm():
    # The tag that asks to confirm is none of the title's words.
    intent = read("việc hướng dẫn chỉ tiêu CCHC theo Trung ương ko có hạn cụ thể đúng hông").best
    assert (intent.task, intent.field) == (TaskRef("IV", "3"), TaskField.DUE)
    # A number of tasks believed is a count to check.
    intent = read("tháng 12 này có 4 việc có hạn đúng không nhỉ").best
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DUE)
    # "không có hạn nào": whether a deadline falls, not the tasks that have none.
    assert read("tuần này không có hạn nào phải nộp đúng không ạ").best.status is Status.DUE
    assert read("việc nào không có hạn").best.status is Status.UNDATED
    # What must still be done from today on falls due in that window.
    text = "Còn hơn nửa năm nữa là hết năm, từ nay tới cuối năm còn bao nhiêu nhiệm vụ phải làm ạ?"
    assert read(text).best.status is Status.DUE


def test_bodies_named_by_their_heads_and_a_report_already_sent():
    # A body's head who asked, the question pointing back to them, names the body.
    intent = read("anh Giám đốc Sở Tư pháp nhắn hỏi bên ảnh có phải phối hợp việc gì ko").best
    assert (intent.agencies, intent.role) == ((STP,), Role.SUPPORT)
    intent = read("a Giám đốc Sở NV vừa gọi hỏi bên ổng còn mấy việc chưa xong").best
    assert (intent.ask, intent.agencies) == (Ask.COUNT, (SNV,))
    intent = read("các đồng chí chủ tịch xã, phường được giao chủ trì những việc gì").best
    assert (intent.agencies, intent.role) == (("ubnd-cap-xa",), Role.LEAD)
    # "cả tỉnh" is the whole province, no "CA tỉnh".
    intent = read("Nửa đầu năm nay cả tỉnh hoàn thành được bao nhiêu nhiệm vụ rồi e").best
    assert (intent.ask, intent.agencies, intent.status) == (Ask.COUNT, (), Status.DONE)
    # A report said sent lends the question no window.
    intent = read("gửi bc quý 1 rồi, giờ sở mình còn việc nào quá hạn ko e").best
    assert (intent.status, intent.own, intent.period) == (Status.OVERDUE, True, None)


def test_who_reported_done_lately_and_a_list_with_its_count():
    # Which body reported a task done is the list of what is done, no task to mark.
    for text in ("tuần này có bên nào báo xong việc chưa nè", "hôm nay có báo xong vc nào ko"):
        intent = read(text).best
        assert (intent.ask, intent.status, intent.action) == (Ask.LIST, Status.DONE, None), text
    assert read("báo xong việc II.1 giúp e").best.action is Action.COMPLETE
    # A list asked in so many words, and its count in another clause: the list.
    intent = read("gửi e ds các việc bên mình quá hạn r, tổng cộng là bn việc luôn nha").best
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.OVERDUE, True)
    # ... but "đếm" asks the number alone.
    text = "có việc nào trễ hạn hông, em đếm giùm chị mấy cái nha"
    assert read(text).best.ask is Ask.COUNT


def test_a_leaders_formal_requests_and_terse_fragments():
    # The plan's own words for late.
    text = "Kính đề nghị cung cấp danh sách nhiệm vụ do Sở Tư pháp chủ trì chưa đảm bảo thời gian"
    intent = read(text).best
    assert (intent.agencies, intent.status, intent.role) == ((STP,), Status.OVERDUE, Role.LEAD)
    # "tính đến ngày" today is as of now, no window.
    intent = read("Đề nghị thống kê số nhiệm vụ chậm tiến độ tính đến ngày 25/3/2026.").best
    assert (intent.ask, intent.status, intent.period) == (Ask.COUNT, Status.OVERDUE, None)
    # A body told to update at once is reminded; "khẩn" is a word, no "kh" (kế hoạch).
    text = "Yêu cầu Sở Tư pháp khẩn trương cập nhật tiến độ nhiệm vụ rà soát văn bản QPPL"
    intent = read(text).best
    assert (intent.action, intent.agencies) == (Action.REMIND, (STP,))
    # The title after "nhiệm vụ", the request's own words before it.
    directive = plan_vocabulary(CORPUS_PLANS["chi_thi_thanh_hoa"])
    text = "Đề nghị Văn phòng cho biết tình hình triển khai nhiệm vụ hoàn thiện nền tảng dữ liệu"
    intent = read(text, directive).best
    assert (intent.task, intent.field) == (TaskRef(None, "1.a"), TaskField.PROGRESS)
    # What is done before "thì" is a condition, no status.
    control = plan_vocabulary(CORPUS_PLANS["khanh_hoa_kiem_soat"])
    intent = read("tập huấn cho công chức xã xong thì nộp sản phẩm gì", control).best
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.PRODUCT)
    # Rooms are no tasks; nor is whether a colleague is in, or the office's network.
    for text in (
        "chiều nay giao ban ở phòng họp số 2 hay số 3 vậy mọi người",
        "Chiều nay anh Chánh có ở cơ quan không ạ",
        "mạng cơ quan chập chờn quá, có ai bị giống e ko",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text
    # "mình" late, opening the question: the asker's own.
    intent = read("mình trễ j k?").best
    assert (intent.status, intent.own) == (Status.OVERDUE, True)


def test_english_words_in_vietnamese_and_what_is_handed_in_a_window():
    # What must be handed in during a window, no task named: what falls due in it.
    intent = read("hạ tuần tháng 4 sở mình có phải nộp cái gì ko").best
    assert (intent.status, intent.own) == (Status.DUE, True)
    intent = read("trước 30/6 bên mình phải submit những task nào").best
    assert (intent.status, intent.own) == (Status.DUE, True)
    assert read("co task nao khong set deadline ko a").best.status is Status.UNDATED
    # "check giúp mấy task ...": the few shown, no count.
    assert read("check giúp e mấy task overdue với").best.ask is Ask.LIST
    intent = read("II.2 chắc ko kịp đâu, số liệu chưa về, cho xin lùi thêm 15 ngày").best
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef("II", "2"))
    # "STP mình", "snv mình": the asker's own; "đi" closing a request, or before "phối hợp",
    # is no going.
    intent = read("ds việc chưa xong của STP mình đi").best
    assert (intent.status, intent.own) == (Status.OPEN, True)
    intent = read("liệt kê giúp e những việc snv mình đi phối hợp").best
    assert (intent.role, intent.own) == (Role.SUPPORT, True)


def test_windows_named_by_holidays_and_the_small_talk_around_them():
    # A holiday by its date, a window's end: up to that day ...
    intent = read("trước lễ 30/4 phải xong những việc gì vậy em").best
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 4, 30))
    # ... but when the asker acts, said after the question, no window.
    text = "xuat file excel ds viec qua han giup chi, truoc le 30/4 chi trinh lanh dao"
    assert read(text).best.period is None
    # The holiday's words are no small talk where they end a window.
    intent = read("truoc giang sinh co nhung viec nao den han").best
    assert (intent.ask, intent.period and intent.period.end) == (Ask.LIST, date(2026, 12, 25))
    for text in (
        "chiều nay xã có lịch tiếp dân ko mn",
        "Chúc mừng năm mới cả nhà ạ, năm Bính Ngọ mọi việc suôn sẻ 🎉",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_disputes_and_complaints_of_being_reminded():
    december = date(2026, 12, 22)
    # A deadline the asker disputes: the task's deadline, as the plan gives it.
    intent = read("em nhớ KH giao II.1 hạn tháng 12 mà sao bot lại báo 30/6", today=december).best
    assert (intent.ask, intent.field, intent.task) == (Ask.TASK, TaskField.DUE, TaskRef("II", "1"))
    # Leading denied, a reminder complained of: who leads it, no one to remind.
    intent = read("II.1 đâu phải sở em chủ trì, sao cứ nhắc hoài vậy", today=december).best
    assert (intent.ask, intent.field, intent.action) == (Ask.TASK, TaskField.LEAD, None)
    intent = read("why am I getting reminders for IV.2? we only support it", today=december).best
    assert (intent.field, intent.action) == (TaskField.SUPPORT, None)
    # The part claimed as why filters nothing ...
    text = "bên em chỉ phối hợp thôi mà bị tính trễ, gửi e ds việc của sở mình"
    intent = read(text, today=december).best
    assert (intent.ask, intent.own, intent.role) == (Ask.LIST, True, None)
    # ... but the part asked of does.
    intent = read("những việc bên mình chỉ phối hợp mà còn đang làm dở", today=december).best
    assert (intent.role, intent.status) == (Role.SUPPORT, Status.IN_PROGRESS)
    # More time asked with the time it falls short in: no new deadline; said "đến", one.
    text = "III.2 bên em ko kịp trong năm nay đâu, muốn xin thêm thời gian thì làm thế nào"
    intent = read(text, today=december).best
    assert (intent.action, intent.period) == (Action.EXTEND, None)
    intent = read("gia hạn III.2 đến 31/1/2027", today=december).best
    assert intent.period == Period(PeriodKind.DAY, date(2027, 1, 31), date(2027, 1, 31))


def test_early_next_year_asks_back_between_january_and_the_first_quarter():
    reading = read("đầu năm sau có hạn gì ko", today=date(2026, 12, 22))
    assert reading.ask_back
    labels = {c.period and c.period.label for c in reading.choices}
    assert {"tháng 1/2027", "quý I/2027"} <= labels


def test_a_task_named_in_everyday_words_and_questions_dictated():
    plan = _section_of(
        "I",
        ("1", "Rà soát văn bản quy phạm pháp luật của tỉnh"),
        ("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại cấp xã"),
        ("3", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức cấp xã"),
        ("4", "Chấm điểm chỉ số cải cách hành chính các sở"),
    )
    # Everyday words for a task's work, read as the plan writes them ...
    for text, number, field in (
        ("việc dò lại văn bản quy phạm pháp luật tới đâu rồi", "1", TaskField.PROGRESS),
        ("vụ scan hồ sơ ở xã ai chủ trì", "2", TaskField.LEAD),
        ("vụ mở lớp nghiệp vụ cho công chức xã hạn khi nào", "3", TaskField.DUE),
        # ... but for the words the plan writes itself.
        ("việc chấm điểm các sở tới đâu rồi", "4", TaskField.PROGRESS),
    ):
        best = read(text, plan).best
        assert (best.task, best.field) == (TaskRef("I", number), field), text
    # A word alone must be typed with its own marks: "nội" is no "nối".
    assert read("Sở Nội vụ còn mấy việc", plan).best.agencies == ("so-noi-vu",)
    # A point's letter said aloud; "em" typed in full is the asker.
    points = _section_of(
        "II.1",
        ("a", "Tuyên truyền pháp luật trên báo"),
        ("e", "Tổ chức cuộc thi tìm hiểu pháp luật"),
        ("g", "Kế hoạch phổ biến pháp luật năm"),
    )
    best = read("nhiệm vụ hai chấm một chấm e hạn khi nào", points).best
    assert best.task == TaskRef("II.1", "e")
    assert read("nhiệm vụ hai chấm một chấm gờ ai chủ trì", points).best.task == TaskRef(
        "II.1", "g"
    )
    assert read("nhiệm vụ hai chấm một chấm em hạn khi nào", points).ask_back
    # Words speech-to-text mishears; "Sở Tư pháp mình": the asker's own.
    best = read("Sở tư phát mình còn bao nhiêu việc quá hạng").best
    assert (best.ask, best.status, best.own) == (Ask.COUNT, Status.OVERDUE, True)
    # "à" before why the asker asks takes nothing back; "kiểm tra giúp" is no task's words.
    text = "Kiểm tra giúp tôi xem có việc nào quá hạn chưa à để chiều còn báo cáo lãnh đạo"
    best = read(text).best
    assert (best.ask, best.status, best.task) == (Ask.LIST, Status.OVERDUE, None)
    # What the asker wants done, before "thì": no condition.
    best = read("muốn báo một nhiệm vụ đã xong thì làm sao").best
    assert (best.ask, best.action) == (Ask.ACTION, Action.COMPLETE)
    # A deadline believed, said "hạn chót là ...", of a task named by its words.
    best = read("việc số hóa hồ sơ hạn chót là ngày 31/12 phải không").best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.DUE)


def test_task_numbers_typed_with_commas_glued_or_with_small_ls():
    for text, task, field in (
        ("ll.2 han khi nao vay", TaskRef("II", "2"), TaskField.DUE),
        ("II,1 ai chu tri a", TaskRef("II", "1"), TaskField.LEAD),
        ("iii2 toi dau r", TaskRef("III", "2"), TaskField.PROGRESS),
    ):
        best = read(text).best
        assert (best.task, best.field) == (task, field), text
    # Numbers with a comma between them are no task's number.
    best = read("quý 1,2 có gì").best
    assert (best.task, best.period and best.period.label) == (None, "quý I/2026")
    # "mn ơi": everyone, called to, before small talk.
    assert read("mn ơi chiều nay họp chi bộ mấy giờ nhỉ").best.ask is Ask.OFF_TOPIC


def test_not_said_as_people_say_it():
    # Whether anyone has reported on a task: how far along it is, not who leads it.
    best = read("việc số hóa hồ sơ tới giờ vẫn chưa ai báo cáo gì à").best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.PROGRESS)
    # What is done left out: the rest, still open.
    best = read("không tính việc đã xong, sở tư pháp còn những việc gì").best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OPEN, ("so-tu-phap",))
    # A window denied beside one that is not.
    best = read("ko phải quý này, quý sau cơ: có hạn những việc gì").best
    assert best.period is not None and best.period.label == "quý II/2026"
    # A deadline not met.
    assert read("sở tư pháp có việc nào ko kịp hạn không").best.status is Status.OVERDUE


def test_the_story_told_before_a_long_question():
    # The asker's post and body, said to introduce herself: no subject.
    text = "Chào bot, mình là chuyên viên Sở Tư pháp. Nhờ bot cho mình hỏi việc nào đã quá hạn"
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OVERDUE, ())
    # Whom the asker meets, and the day of the meeting: neither is what is asked.
    best = read("Mai có cuộc họp trực tuyến với UBND tỉnh, bot xuất giúp mình file excel nhé").best
    assert (best.ask, best.agencies, best.period) == (Ask.EXPORT, (), None)
    # Whom the report the asker writes goes to.
    text = (
        "Chào bot, chị đang làm báo cáo 9 tháng gửi Sở Nội vụ. Nhờ bot cho chị hỏi đã hoàn "
        "thành được bao nhiêu nhiệm vụ rồi"
    )
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.DONE, ())
    # The asker's own report, told before the request for the week's digest.
    for text in (
        "Chào bot. Em đang làm báo cáo tuần gửi lãnh đạo Vụ. Bot gửi em bản tổng hợp tuần này "
        "được không ạ",
        # "tối nay" (tonight) is no "tới nay" (up to now).
        "Tối nay chị phải gửi tình hình chung. Nhờ em gửi chị bản tổng hợp tuần này nhé",
    ):
        best = read(text).best
        assert (best.ask, best.period and best.period.label) == (
            Ask.DIGEST,
            "23/03/2026–29/03/2026",
        ), text


def test_time_left_and_chat_shorthand():
    # How long is left, or how late, asked of a task: its deadline.
    for text in (
        "nv II.1 còn bao lâu nữa thì hết hạn",
        "II.1 sap het han chua",
        "II.1 hết hạn chưa nhỉ",
        "việc II.1 trễ mấy hôm rồi",
        "II.1 liệu có kịp hạn ko",
    ):
        best = read(text).best
        assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.DUE), text
    # ... and of no task, what falls due soon.
    best = read("việc mình chủ trì có cái nào sắp hết hạn chưa").best
    assert (best.status, best.role, best.own) == (Status.DUE, Role.LEAD, True)
    best = read("việc nào hạn gần nhất").best
    assert (best.status, best.period and best.period.label) == (
        Status.DUE,
        "25/03/2026–01/04/2026",
    )
    # Teencode: "nhiu vc" (bao nhiêu việc), "lm" (làm), "j" (gì); "sgd" (Sở GD&ĐT).
    best = read("so minh con nhiu vc chua lm xong z").best
    assert (best.ask, best.status, best.own) == (Ask.COUNT, Status.OPEN, True)
    assert read("bot nay lm dc nhung j").best.ask is Ask.HELP
    assert read("sgd phối hợp những nv nào").best.agencies == ("so-giao-duc-va-dao-tao",)


def test_second_thoughts_in_one_message():
    # The done ones asked for too: no state; "tất cả việc đã hoàn thành" is all that are done.
    text = "gửi e ds việc mình chủ trì mà chưa xong… à mà thôi, cho e cả những việc đã xong luôn"
    best = read(text).best
    assert (best.ask, best.status, best.role, best.own) == (Ask.LIST, None, Role.LEAD, True)
    assert read("cho xin tất cả việc đã hoàn thành").best.status is Status.DONE
    # A window, a day, a task or a body said again after the slip, the other denied.
    best = read("tuần này có gì ko a, à nhầm, tuần sau cơ").best
    assert best.period is not None and best.period.label == "30/03/2026–05/04/2026"
    text = "có bn việc hạn 30/6 mà tới giờ chưa xong v? xl gõ nhầm, 30/9 chứ ko phải 30/6"
    best = read(text).best
    assert best.period is not None and best.period.label == "30/09/2026"
    best = read("nv II.1 hạn khi nào v bot, à ko ý e là II.2 chứ ko phải II.1").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.DUE)
    best = read("stp chủ trì bn việc vậy a... ấy chết nhầm, snv chứ ko phải stp").best
    assert best.agencies == ("so-noi-vu",)
    # "à khoan" takes back, typed with its mark; "điểm a khoản 1" is a point.
    text = "xuất excel ds nv cho e với, à khoan, gửi e bản tổng hợp tuần này thôi là đc"
    assert read(text).best.ask is Ask.DIGEST


def test_requests_to_act_said_indirectly():
    best = read("mình muốn cập nhật là II.1 xong rồi nhé").best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("II", "1"))
    best = read("ghi nhận giúp chị: việc II.1 đến nay được khoảng 70% rồi").best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef("II", "1"))
    best = read("II.1 chắc không kịp, lùi giúp chị thêm 10 ngày được ko").best
    assert (best.action, best.duration) == (Action.EXTEND, Duration(10, "day"))
    assert read("bản scan em đính vào nv II.1 kiểu gì").best.action is Action.ATTACH_EVIDENCE
    # "Vụ" before a task's words is the matter, no ministry department.
    ministry = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    best = read("Vụ rà soát sửa luật quá hạn mấy hôm rồi chị", ministry, date(2026, 11, 24)).best
    assert (best.task, best.field) == (TaskRef(None, "2"), TaskField.DUE)


def test_whether_any_is_still_open_or_all_done():
    best = read("kế hoạch này còn việc gì chưa xong không hay xong hết rồi").best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)


def test_a_week_to_come_asked_how_it_stands_lists_what_falls_due():
    for text in ("tuần sau thì sao", "lịch tuần sau thế nào"):
        best = read(text).best
        assert (best.ask, best.period and best.period.label) == (
            Ask.LIST,
            "30/03/2026–05/04/2026",
        ), text
    # ... but a quarter to come asks how far its tasks are, and so does "tiến độ" of a week.
    assert read("còn quý 3 thì sao").best.ask is Ask.PROGRESS
    assert read("tiến độ tuần sau thế nào").best.ask is Ask.PROGRESS


def test_who_goes_to_a_meeting_is_small_talk():
    for text in (
        "chiều nay ai đi họp tổng kết ngành tư pháp ở tỉnh ko mn",
        "chiều nay họp chi bộ mấy giờ nhỉ mn",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_the_years_end_said_among_a_tasks_words_is_when():
    best = read("nv số hóa hồ sơ cuối năm phải nộp sản phẩm gì vậy").best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    assert read("việc quá hạn cuối năm").best.status is Status.OVERDUE


def test_a_body_heading_the_tasks_that_name_it_is_asked_alone():
    # "Phòng Văn hóa - Xã hội chủ trì tuyên truyền ...": the body's standing holds that task.
    ward = plan_vocabulary(CORPUS_PLANS["phuong_hoa_khanh"])
    best = read("Phòng Văn hóa - Xã hội dạo này sao rồi", ward, date(2026, 7, 21))
    assert not best.ask_back
    assert (best.best.ask, best.best.agencies) == (Ask.PROGRESS, ("phong-van-hoa-xa-hoi",))
    # ... but a centre given no task, named by a title with "việc" or without, is asked back.
    province = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    for text in (
        "việc trung tâm phục vụ hành chính công tới đâu rồi",
        "trung tâm phục vụ hành chính công tiến độ sao",
    ):
        assert read(text, province, date(2026, 12, 15)).ask_back, text


def test_rounds_234_and_235_a_communes_own_and_what_the_asker_lists_into():
    # "ubnd xã mình": the asker's own commune.
    best = read("ubnd xa minh co chu tri viec nao trong ke hoach ko").best
    assert (best.ask, best.role, best.own, best.agencies) == (Ask.LIST, Role.LEAD, True, ())
    # "..., e liệt kê vào bc 9 tháng": the report's window is no window of the list.
    best = read("Bên mình đang chủ trì những nv nào nhỉ, e liệt kê vào bc 9 tháng").best
    assert (best.ask, best.own, best.period) == (Ask.LIST, True, None)
    # Whether a colleague comes by the office is small talk.
    text = "chiều nay a Hùng có lên phòng ko mn, e gửi tờ trình"
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_a_sections_word_after_a_tasks_head_names_the_tasks_that_say_it():
    # "chuyển đổi số" names the part "... chính quyền số" only as what it stands for; after
    # "việc", the tasks whose titles say it, offered to choose from.
    part = "Xây dựng và phát triển chính quyền điện tử hướng đến chính quyền số"
    plan = PlanVocabulary(
        sections=(SectionRef("II.6", part),),
        tasks=(
            TaskEntry("II.6", "a", "Tham mưu ban hành kế hoạch chuyển đổi số năm 2024"),
            TaskEntry("II.6", "b", "Triển khai chữ ký số cho cán bộ, công chức"),
            TaskEntry("II.6", "c", "Tham mưu ban hành kế hoạch chuyển đổi số giai đoạn 2025-2030"),
        ),
    )
    reading = read("viec chuyen doi so toi dau r", plan)
    assert reading.ask_back
    assert {c.task and c.task.label for c in reading.choices} == {"II.6.a", "II.6.c"}
    # ... said alone, the part.
    assert read("chuyen doi so toi dau r", plan).best.section == "II.6"


def test_rounds_236_and_237_a_body_with_mine_roles_around_a_task_and_updates():
    ministry = plan_vocabulary(CORPUS_PLANS["bo_tu_phap_quyet_dinh"])
    # A body said with "mình" after it is the asker's own, whatever the name.
    best = read("VP Bộ mình đang chủ trì bao nhiêu việc", ministry, date(2026, 6, 9)).best
    assert (best.ask, best.role, best.own, best.agencies) == (Ask.COUNT, Role.LEAD, True, ())
    # Which of the two roles, asked around the task: the whole card.
    best = read("bên mình chủ trì nv II.1 hay chỉ phối hợp").best
    assert (best.task, best.field) == (TaskRef("II", "1"), TaskField.CARD)
    # Marking done said as switching its state.
    best = read("nv II.1 chuyển trạng thái xong giúp e").best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("II", "1"))
    # "báo cáo tiến độ" with what was done told after a colon: an update of the task named.
    dong_thap = plan_vocabulary(CORPUS_PLANS["tinh_dong_thap_2026"])
    text = "bc tiến độ đề án vị trí việc làm: xã đã xong dự thảo, đang lấy ý kiến góp ý"
    best = read(text, dong_thap, date(2026, 11, 10)).best
    assert (best.action, best.task) == (Action.REPORT_PROGRESS, TaskRef("IV", "2"))
    # A number of two tasks, told by the words after it, each word once.
    province = plan_vocabulary(CORPUS_PLANS["danh_muc_gia_lai"])
    text = "báo cáo tiến độ nv 3: tỷ lệ hồ sơ thanh toán trực tuyến đạt khoảng 40%"
    reading = read(text, province, date(2026, 6, 2))
    assert not reading.ask_back and reading.best.task == TaskRef(None, "3")
    text = "Việc 3 cho xin gia hạn thêm 1 tháng, hệ thống thanh toán bên kho bạc chưa kết nối xong"
    assert read(text, province, date(2026, 6, 2)).best.task == TaskRef(None, "3")


def test_what_a_reminded_body_is_to_do_names_one_of_its_tasks():
    nnmt, sxd = "so-nong-nghiep-va-moi-truong", "so-xay-dung"
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[
            TaskEntry(None, "1", "Rà soát thủ tục hành chính lĩnh vực đất đai", leads=(nnmt,)),
            TaskEntry(None, "2", "Rà soát thủ tục hành chính lĩnh vực xây dựng", leads=(sxd,)),
            TaskEntry(None, "3", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cấp xã"),
            TaskEntry(None, "4", "Số hóa kết quả giải quyết thủ tục hành chính", leads=(nnmt,)),
        ],
        agencies=[nnmt, sxd, STP],
    )
    intent = read("nhắc giúp Sở NN&MT gửi kết quả rà soát đất đai với", vocabulary).best
    assert (intent.action, intent.agencies, intent.task) == (
        Action.REMIND,
        (nnmt,),
        TaskRef(None, "1"),
    )
    # Words said in a clause of their own are why, not which task.
    intent = read("nhắc Sở Xây dựng giúp chị nhé, đợi mãi chưa thấy gửi kết quả", vocabulary).best
    assert (intent.action, intent.agencies, intent.task) == (Action.REMIND, (sxd,), None)


def test_a_share_done_is_no_day_and_the_report_words_no_title():
    best = _corpus("khanh_hoa_kiem_soat", date(2026, 4, 14))
    intent = best("báo cáo tiến độ việc tập huấn: đã mở được 3/6 lớp cho công chức xã")
    assert (intent.action, intent.task, intent.period) == (
        Action.REPORT_PROGRESS,
        TaskRef(None, "4"),
        None,
    )
    # ... but a day said after a deadline's word stays one, whatever follows it.
    assert "period 30/09/2026" in best("việc hạn 30/9 đơn vị nào chủ trì").why


def test_an_update_said_subject_first_and_the_same_words_asked():
    best = _corpus("danh_muc_gia_lai", date(2026, 8, 24))
    intent = best("tiến độ nv 2: bộ phiếu đã in xong, đầu tháng 9 phát cho dân")
    assert intent.action is Action.REPORT_PROGRESS
    assert best("nv 2: bộ phiếu đã in xong chưa vậy").action is None
    intent = best("progress on task 2: survey form finalised with the post office")
    assert intent.action is Action.REPORT_PROGRESS


def test_those_tasks_spoken_of_and_the_askers_part_said_to_be_sure():
    best = _corpus("bo_khcn_2026", date(2026, 4, 13))
    intent = best("mấy việc trễ hạn đó, đơn vị nào nợ nhiều nhất")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    assert best("còn mấy việc trễ hạn").ask is Ask.COUNT
    intent = read("tuyên truyền cải cách hành chính bên mình chỉ phối hợp thôi hả").best
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.SUPPORT)
    intent = read("những việc nào mình chỉ phối hợp thôi à").best
    assert (intent.ask, intent.own, intent.role) == (Ask.LIST, True, Role.SUPPORT)


def test_the_plans_own_title_made_by_a_task_and_who_said_so():
    best = _corpus("bo_khcn_2026", date(2026, 4, 13))
    intent = best("KH CCHC 2026 của Bộ ban hành xong từ đầu năm, đánh dấu hoàn thành nhé")
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef(None, "1"))
    best = _corpus("chi_thi_quang_tri", date(2026, 4, 14))
    intent = best("nhắc vp ubnd tỉnh việc nâng cấp chức năng nhắc hạn, sở khcn nói đang chờ vp")
    assert (intent.action, intent.agencies) == (Action.REMIND, ("van-phong-ubnd-tinh",))
    intent = best("nhiệm vụ 4.1 thì kết quả phải ra là văn bản gì")
    assert (intent.task, intent.field) == (TaskRef(None, "4.1"), TaskField.PRODUCT)


def test_a_task_said_in_everyday_words_after_vu():
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Bố trí kinh phí số hóa hồ sơ thủ tục hành chính"),
        TaskEntry(None, "2", "Triển khai thanh toán không dùng tiền mặt tại bệnh viện, trường học"),
        TaskEntry(None, "3", "Khảo sát mức độ hài lòng về dịch vụ y tế công"),
        TaskEntry(None, "4", "Tổ chức số hóa hồ sơ lưu trữ của phường"),
    )
    # Everyday words for the work, read as the plan writes them.
    intent = read("việc lo tiền scan hồ sơ là bên nào làm chính", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.LEAD)
    intent = read("vụ quẹt thẻ ở viện với trường hạn chót khi nào", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.DUE)
    # "vụ", the matter of, heads a task said in many words of the asker's own.
    intent = read("cái vụ scan mấy bộ hồ sơ lưu trữ cũ của phường làm tới đâu rồi", vocabulary).best
    assert (intent.ask, intent.task) == (Ask.TASK, TaskRef(None, "4"))
    intent = read("vụ hỏi ý kiến người bệnh về chất lượng khám bệnh xong chưa", vocabulary).best
    assert intent.task == TaskRef(None, "3")
    # ... but many tasks, or none named, stay so.
    assert read("mấy vụ quá hạn rồi", vocabulary).best.task is None


def test_what_was_just_done_and_a_bonus_asked_of():
    intent = read("vừa nộp bc quý xong, giờ sở mình còn bn việc chưa xong vậy").best
    assert (intent.ask, intent.status, intent.own) == (Ask.COUNT, Status.OPEN, True)
    assert read("Tết này sở mình có thưởng ko mn").best.ask is Ask.OFF_TOPIC
    best = _corpus("bo_khcn_2026", date(2026, 1, 12))
    assert best("VPB chủ trì những việc nào").agencies == ("unverified-van-phong-bo",)
    intent = read("progress note for II.1: the draft went to the Director for comments").best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("II", "1"))


def test_who_goes_to_a_meeting_and_which_office_owes_most():
    assert read("chiều mai a có lên sở họp tổng kết không").best.ask is Ask.OFF_TOPIC
    assert read("sáng nay có ai đi dự hội nghị ở tỉnh ko mn").best.ask is Ask.OFF_TOPIC
    intent = read("phòng ban nào đang trễ việc nhiều nhất").best
    assert (intent.ask, intent.status, intent.agencies) == (Ask.LIST, Status.OVERDUE, ())


def test_the_report_a_reminded_body_sends_and_the_askers_part_before_a_task():
    xa, syt = "ubnd-cap-xa", "so-y-te"
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Báo cáo kết quả cải cách hành chính gửi Sở Nội vụ", leads=(xa,)),
        TaskEntry(None, "2", "Rà soát, công khai thủ tục hành chính cấp xã", leads=(xa,)),
        TaskEntry(None, "3", "Khảo sát mức độ hài lòng về dịch vụ y tế công", leads=(syt,)),
        TaskEntry(None, "4", "Khảo sát mức độ hài lòng về dịch vụ giáo dục công", leads=(syt,)),
        TaskEntry(None, "5", "Xây dựng Kế hoạch cải cách hành chính năm 2027", leads=(SNV,)),
        agencies=(STP, SNV, xa, syt),
    )
    # The one report task the body reminded leads is the report it is to send ...
    intent = read("nhắc UBND các xã gửi báo cáo CCHC quý 3 giúp mình", vocabulary).best
    assert (intent.action, intent.agencies, intent.task) == (
        Action.REMIND,
        (xa,),
        TaskRef(None, "1"),
    )
    # ... where the words say that report: a bare "báo cáo" may be any the body sends.
    intent = read("nhắc ubnd các xã nộp báo cáo", vocabulary).best
    assert (intent.action, intent.task) == (Action.REMIND, None)
    # The asker's place and part, and "thôi" closing it, are no title's words.
    intent = read("Sở mình chỉ phối hợp vụ khảo sát y tế thôi đúng ko anh", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.SUPPORT)
    # "hài" is no "hai" (two) after "dịch vụ".
    intent = read("sản phẩm của y tế dịch vụ hài lòng là gì", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PRODUCT)
    # A plan's title with a bare year outside the plan's is a task's product.
    intent = read("mình chủ trì hay phối hợp kế hoạch cchc 2027", vocabulary).best
    assert intent.task == TaskRef(None, "5")


def test_english_plans_of_the_year_fields_of_law_and_a_supporting_agency():
    best = _corpus("bo_tu_phap_quyet_dinh", date(2026, 3, 4))
    intent = best("Which tasks are we supporting in this year's plan?")
    assert (intent.ask, intent.role, intent.period) == (Ask.LIST, Role.SUPPORT, None)
    intent = best("deadline for cutting business conditions in judicial support?")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.DUE)
    intent = best("who's the supporting agency on the PAR index task?")
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.SUPPORT)
    intent = best("our overdue tasks pls, need them for the yr report")
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.OVERDUE, True)


def test_replies_to_the_bots_reminders_tell_updates_and_ask_of_the_task():
    vocabulary = _plan(
        {"II": "Cải cách thủ tục hành chính", "III": "Tổ chức thực hiện"},
        TaskEntry("II", "1", "Số hóa hồ sơ lưu trữ của phường", leads=(STP,), supports=(SNV,)),
        TaskEntry("II", "2", "Kiểm tra công tác cải cách hành chính tại các đơn vị", leads=(SNV,)),
        TaskEntry("III", "1", "Tuyên truyền cải cách hành chính trên loa truyền thanh"),
        TaskEntry("III", "2", "Dự thảo kế hoạch theo dõi thi hành pháp luật", leads=(SNV,)),
    )
    # What the asker's side did of one task, told with no question, is an update ...
    intent = read("III.2 bên em đã gửi dự thảo cho UBND tỉnh rồi", vocabulary).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("III", "2"))
    assert read("III.2 bên em đã gửi gì chưa", vocabulary).best.action is None
    # ... closed with a polite "ạ", which asks nothing, or after a title and a colon.
    intent = read("dạ III.1 bên em đã phát được 3 đợt, tầm 70% rồi ạ", vocabulary).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("III", "1"))
    intent = read(
        "Dạ việc kiểm tra cải cách hành chính các đơn vị: bên em đã kiểm tra xong 3/8 đơn vị ạ",
        vocabulary,
    ).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("II", "2"))
    # The bot's own reminder, said before what is asked of its task, is no request.
    intent = read(
        "bot nhắc vụ số hóa hồ sơ lưu trữ, cái đó bên em chỉ phối hợp thôi mà", vocabulary
    )
    assert (intent.best.task, intent.best.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    intent = read("Dạ bot nhắc III.2 mà em chưa rõ cần nộp sản phẩm gì ạ", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    intent = read(
        "bot vừa gửi bên em nhắc II.2, vậy sở em chủ trì hay phối hợp việc này", vocabulary
    )
    assert intent.best.action is None
    # ... but the bot asked outright, or asked why it has not, is a request still.
    intent = read("bot nhắc Sở Tư pháp gửi hồ sơ II.1 hộ em", vocabulary).best
    assert (intent.action, intent.agencies) == (Action.REMIND, (STP,))
    intent = read("sao chưa nhắc sở tư pháp nộp báo cáo vậy bot", vocabulary).best
    assert (intent.action, intent.agencies) == (Action.REMIND, (STP,))
    # English: what we sent, told; what the bot needs from us, asked.
    intent = read("fyi we sent the draft plan (III.2) to the PC last friday", vocabulary).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("III", "2"))
    intent = read("what do u actually need from us for II.1?", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.PRODUCT)


def test_replies_that_quote_the_reminder_and_the_asker_named_as_itself():
    xa, stc = "ubnd-cap-xa", "so-tai-chinh"
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Công bố danh mục thủ tục hành chính sau sắp xếp", leads=(STP,)),
        TaskEntry(None, "2", "Rà soát thủ tục hành chính lĩnh vực đất đai", supports=(STP,)),
        TaskEntry(None, "3", "Rà soát, công bố thủ tục hành chính mới", leads=(STP,)),
        TaskEntry(None, "4", "Tập huấn nghiệp vụ cho công chức cấp xã", leads=(xa,)),
        agencies=(STP, SNV, xa, stc),
    )
    # A reply to the reminder, or what the reminder asks of the asker, is no request.
    intent = read("phan hoi nhac viec so 3: da ra soat xong 45 TTHC moi, dang trinh ky", vocabulary)
    assert (intent.best.action, intent.best.task) == (Action.REPORT_PROGRESS, TaskRef(None, "3"))
    intent = read("nhắc việc 1 yêu cầu bên em nộp sản phẩm gì vậy ạ", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.PRODUCT)
    text = (
        "Dạ việc rà soát tthc đất đai bot cứ nhắc bên em, nhưng bên em chỉ phối hợp thôi phải ko ạ?"
    )
    intent = read(text, vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.SUPPORT)
    # ... but a request said after the bot's reminder is one still.
    intent = read(
        "bot vua nhac viec 3, ma ben minh phoi hop thoi, nhac so tai chinh giup e", vocabulary
    )
    assert (intent.best.action, intent.best.agencies) == (Action.REMIND, (stc,))
    # A body named, then "bên em", is the asker saying who it is.
    intent = read("UBND xã bên em phối hợp tổng cộng mấy việc ạ", vocabulary).best
    assert (intent.ask, intent.agencies, intent.own) == (Ask.COUNT, (), True)
    # "5/8 cụm xã": a share done, no day; "kết quả phải nộp là gì": the product.
    intent = read("nv 4 bên em đã tổ chức xong 5/8 cụm xã", vocabulary).best
    assert (intent.action, intent.period) == (Action.REPORT_PROGRESS, None)
    intent = read("Công bố danh mục TTHC thì kết quả phải nộp là gì ạ", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.PRODUCT)
    text = "got the nudge on task 3. we wrapped that up in July, can u mark it done"
    intent = read(text, vocabulary)
    assert (intent.best.action, intent.best.task) == (Action.COMPLETE, TaskRef(None, "3"))


def test_a_leaders_short_asks_in_the_steering_group():
    khcn = "so-khoa-hoc-va-cong-nghe"
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Nâng cấp chức năng nhắc hạn xử lý hồ sơ", leads=(khcn,)),
        TaskEntry(
            None, "2", "Rà soát, đề xuất sửa đổi các luật thuộc lĩnh vực quản lý", leads=(STP,)
        ),
        TaskEntry(
            None, "3", "Đo lường sự hài lòng của người dân đối với cơ quan hành chính", leads=(SNV,)
        ),
        TaskEntry(
            None, "4", "Đưa kết quả thực hiện Chỉ thị vào đánh giá, xếp loại cơ quan", leads=(SNV,)
        ),
        TaskEntry(None, "5", "Triển khai Kế hoạch bảo đảm an toàn thông tin mạng", leads=(VP,)),
        agencies=(STP, SNV, VP, khcn),
    )
    # Which bodies are behind, and by how much: the list, ranked with what each holds.
    intent = read("Đơn vị nào đang chậm, chậm bao nhiêu?", vocabulary).best
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    # A request opening the message, its body after it, is the asker's, whatever the title
    # says after ("... nâng cấp chức năng nhắc hạn").
    text = "nhắc sở KHCN cập nhật tiến độ nâng cấp chức năng nhắc hạn hồ sơ"
    intent = read(text, vocabulary).best
    assert (intent.action, intent.agencies, intent.task) == (
        Action.REMIND,
        (khcn,),
        TaskRef(None, "1"),
    )
    # The whole directive, and the doing of it, is no task's title.
    intent = read("cả chỉ thị thực hiện đc bao nhiêu % rồi", vocabulary).best
    assert (intent.ask, intent.task) == (Ask.PROGRESS, None)
    # "ai đang chủ trì": who leads; "đã triển khai tới đâu": the doing, no title's words.
    intent = read("Rà soát sửa luật ai đang chủ trì?", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.LEAD)
    intent = read("Đo lường hài lòng đã triển khai tới đâu?", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PROGRESS)
    # The asker's part asked of a task named in few words.
    intent = read("an toàn thông tin mạng thì mình chủ trì hay phối hợp vậy", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.CARD)
    # "mình còn phải nộp": the asker's own left to hand in.
    intent = read("6 tháng đầu năm mình còn phải nộp những gì nữa anh", vocabulary).best
    assert (intent.ask, intent.own) == (Ask.LIST, True)
    # "VP tỉnh" is the office; "Chánh VP tình hình ...": "tình", no province.
    assert read("VP tỉnh có mấy việc", vocabulary).best.agencies == (VP,)
    text = "Chiều mai em phải báo cáo Chánh VP tình hình chung kế hoạch, tóm tắt giúp em"
    assert read(text, vocabulary).best.agencies == ()


def test_replies_that_name_the_bots_reminder_as_a_thing_or_a_reason():
    stc, xa = "so-tai-chinh", "ubnd-cap-xa"
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Tổ chức hội nghị đối thoại với doanh nghiệp về TTHC", leads=(stc,)),
        TaskEntry(None, "2", "Bảo đảm an toàn thông tin hệ thống dùng chung", supports=(STP,)),
        TaskEntry(None, "3", "Cập nhật, công bố thủ tục hành chính mới", supports=(STP,)),
        TaskEntry(None, "4", "Bố trí công chức tại bộ phận một cửa cấp xã", leads=(xa,)),
        TaskEntry(None, "5", "Số hóa hồ sơ lưu trữ của cơ quan", leads=(STP,)),
        agencies=(STP, SNV, stc, xa),
    )
    # The bot's reminder of the asker, "đối thoại với DN" no "với" of a request.
    text = "Bot nhắc bên em việc hội nghị đối thoại với DN, việc này stc chủ trì chứ đâu phải snv?"
    intent = read(text, vocabulary).best
    assert (intent.action, intent.task, intent.field) == (None, TaskRef(None, "1"), TaskField.LEAD)
    # ... said after what is asked, as why it is asked.
    text = "viec an toan thong tin he thong dung chung ben e co phai phoi hop k ma bot gui nhac"
    intent = read(text, vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.SUPPORT)
    # ... answered ("trả lời nhắc việc"), or named as a thing ("cái nhắc việc ... đó").
    text = "Trả lời nhắc việc 4: xã đã bố trí được 2 công chức, còn 1 người đang chờ điều động"
    intent = read(text, vocabulary).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "4"))
    intent = read("cái nhắc việc 4 đó cụ thể phải nộp sản phẩm gì vậy", vocabulary).best
    assert (intent.action, intent.field) == (None, TaskField.PRODUCT)
    # The asker's part claimed, where the title holds a request's word ("cập nhật").
    text = "sao bot cứ nhắc vụ em việc cập nhật công bố TTHC, việc đó bên em chỉ phối hợp thôi mà"
    intent = read(text, vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.SUPPORT)
    # The digest's week is no window; a share told after "thấy trong tổng hợp tuần" is news.
    text = "bản tổng hợp tuần này ghi bên em có việc quá hạn, là việc nào vậy ạ"
    intent = read(text, vocabulary).best
    assert (intent.status, intent.own, intent.period) == (Status.OVERDUE, True, None)
    text = "thấy trong tổng hợp tuần có việc số hóa hồ sơ lưu trữ, phòng em số hóa xong tầm 60% rồi"
    intent = read(text, vocabulary).best
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "5"))
    # The plan carried out, how it goes; and a new year's wish is small talk.
    intent = read("Sở Tài chính đang thực hiện kế hoạch ra sao", vocabulary).best
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    assert read("năm mới chúc bot mạnh khỏe, làm việc chăm chỉ nha", vocabulary).best.ask is (
        Ask.OFF_TOPIC
    )


def test_questions_typed_in_a_hurry():
    vocabulary = _plan(
        {},
        TaskEntry(None, "1", "Xây dựng dự toán ngân sách năm 2025", leads=(STP,), supports=(SNV,)),
        TaskEntry(None, "2", "Số hóa kết quả giải quyết TTHC ở cấp xã", leads=(SNV,)),
        TaskEntry(None, "3", "Tổ chức hội nghị sơ kết", leads=(SNV,)),
    )
    # "tn rồi": thế nào rồi; "tổng hợp tn": this week's digest; "ai ph": who supports.
    intent = read("nv 3 tn roi", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PROGRESS)
    intent = read("so hoa kq tthc o xa tn roi", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.PROGRESS)
    intent = read("tong hop tn gui a", vocabulary).best
    assert intent.ask is Ask.DIGEST and intent.period is not None
    intent = read("nv1 ai ph voi minh, sp cuoi la gi", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.CARD)
    # "dự toán ns": the budget estimate; "p mình": the asker's office.
    intent = read("viec du toan ns han bao gio", vocabulary).best
    assert (intent.task, intent.field) == (TaskRef(None, "1"), TaskField.DUE)
    assert read("tuan sau p minh co gi phai nop ko", vocabulary).best.own is True
    # A meeting's room, or whether one goes to a meeting, is small talk.
    assert read("chiều nay anh có lên UBND tỉnh họp không ạ", vocabulary).best.ask is (
        Ask.OFF_TOPIC
    )


def test_a_points_parts_dictated_one_by_one_and_its_letter_after_chu():
    # Speech-to-text writes "nhiệm vụ hai một chữ bê": the parts of 2.1, and "chữ" before
    # the point's letter, said by its name or typed bare, after figures too.
    for text in (
        "nhiệm vụ hai chấm một chữ bê kế hoạch tuyên truyền phối hợp với những đơn vị nào",
        "nhiệm vụ hai một chữ bê kế hoạch tuyên truyền phối hợp với những đơn vị nào",
        "nv 2.1 chữ b kế hoạch tuyên truyền phối hợp với ai",
    ):
        assert read(text, POINTS_OF_FIELDS, today=JULY_6).best.task == TaskRef("II.1", "b.1"), text
    best = read("điểm bảy chữ đê hạn khi nào", POINTS_OF_FIELDS, today=JULY_6).best
    assert best.task == TaskRef("II.7", "d")
    # ... not after a time's word, nor "chữ" of a word ("chữ ký số").
    best = read("quý hai một việc nào quá hạn", POINTS_OF_FIELDS, today=JULY_6).best
    assert best.period is not None and best.period.label == "quý II/2026"
    best = read("mục 2 chữ ký số tới đâu rồi", POINTS_OF_FIELDS, today=JULY_6).best
    assert best.task is None


def test_questions_of_rounds_260_and_261():
    # The bot asked what it can do, by what it is called ("trợ lý nhắc việc").
    helped = (
        "Trợ lý này hỗ trợ được những thao tác gì vậy?",
        "Xin hướng dẫn giúp các chức năng của trợ lý nhắc việc này, tôi mới được giao theo dõi",
    )
    assert [read(text).best.ask for text in helped] == [Ask.HELP, Ask.HELP]
    # A body that just urged others is who sent word, not what is asked about.
    best = read("SNV vừa nhắn các sở gửi báo cáo CCHC quý I sớm. Bot lập báo cáo quý I giúp e").best
    assert (best.ask, best.agencies) == (Ask.REPORT, ())
    best = read("Sở Tư pháp vừa hỏi họ còn việc gì quá hạn, nhờ bot liệt kê").best
    assert best.agencies == ("so-tu-phap",)


@pytest.mark.skipif(plan_path("003") is None, reason="the seed plans are not here")
def test_a_broadcaster_a_column_airs_on_and_a_document_named_by_its_deadline():
    # A broadcaster named as where a column airs ("trên sóng Đài PTTH tỉnh") is the title's
    # words, not the body asked about.
    best = _corpus("004", date(2021, 6, 10))
    reading = read(
        "tuyên truyền CCHC trên sóng Đài PTTH tỉnh tới đâu rồi",
        plan_vocabulary(plan_path("004")),
        today=date(2021, 6, 10),
    )
    assert reading.ask_back and {c.task for c in reading.choices} == {
        TaskRef("I", "4.2"),
        TaskRef("I", "4.3"),
    }
    assert best("Đài PTTH tỉnh tới đâu rồi").agencies == ("dai-phat-thanh-truyen-hinh-tinh",)
    # "cái kế hoạch hạn 15/1": the plan a task makes, named by its deadline.
    reading = read(
        "cái kế hoạch hạn 15/1 làm xong chưa e",
        plan_vocabulary(plan_path("003")),
        today=date(2025, 3, 5),
    )
    assert reading.ask_back and {c.field for c in reading.choices} == {TaskField.PROGRESS}


EVERYDAY = _plan(
    {"I": "Cải cách thủ tục hành chính", "II": "Hiện đại hóa hành chính"},
    *(
        TaskEntry(*item.split("|"))
        for item in (
            "I|1|Hướng dẫn giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính",
            "I|2|Đơn giản hóa thủ tục hành chính trong lĩnh vực sở hữu trí tuệ",
            "I|3|Tổng kết công tác cải cách hành chính năm 2026",
            "I|4|Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc",
            "II|1|Kết nối, liên thông phần mềm quản lý văn bản đến cấp xã",
            "II|2|Bố trí kinh phí số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "II|3|Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
            "II|4|Bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công",
            "II|5|Tổ chức đối thoại giữa lãnh đạo với người dân về thủ tục hành chính",
        )
    ),
)
DECEMBER_16 = date(2026, 12, 16)


def test_a_task_named_by_everyday_words_for_its_work():
    # How people say the work a title writes: filing anywhere, patents, the year's review,
    # visits to the units, the document software, money asked for, keeping order, sitting
    # down with citizens.
    for text, task in (
        ("vụ cho dân nộp hồ sơ ở xã nào cũng được thì ai chủ trì", "I.1"),
        ("việc cắt bớt giấy tờ khi đăng ký sáng chế, nhãn hiệu hạn khi nào", "I.2"),
        ("báo cáo nhìn lại cả năm công tác cải cách ai chủ trì", "I.3"),
        ("đợt xuống các đơn vị trực thuộc hạn bao giờ", "I.4"),
        ("cái vụ nối phần mềm công văn xuống xã hạn chót khi nào", "II.1"),
        ("vụ xin tiền để scan hồ sơ tới đâu rồi", "II.2"),
        ("chuyện giữ an ninh ở trung tâm phục vụ hành chính công ai chịu trách nhiệm", "II.4"),
        ("việc lãnh đạo nói chuyện trực tiếp với dân ai chủ trì", "II.5"),
    ):
        best = read(text, EVERYDAY, today=DECEMBER_16).best
        assert best.task == TaskRef(*task.split(".")), text


def test_a_request_names_its_task_by_words_several_titles_hold():
    # "nhắc việc số hóa đẩy nhanh": the tasks of digitising, offered; the words that urge
    # it on are no title's.
    for text, action in (
        ("nhắc bên làm số hóa đẩy nhanh giúp mình", Action.REMIND),
        ("gia hạn việc số hóa thêm 1 tháng", Action.EXTEND),
    ):
        reading = read(text, EVERYDAY, today=DECEMBER_16)
        assert reading.ask_back, text
        assert {(c.action, c.task) for c in reading.choices} == {
            (action, TaskRef("II", "2")),
            (action, TaskRef("II", "3")),
        }, text
    # How to ask for one names none.
    reading = read("muốn gia hạn nhiệm vụ thì làm thế nào", EVERYDAY, today=DECEMBER_16)
    assert reading.best.task is None


def test_the_years_end_and_a_time_back_then():
    # "cuối năm nay": December or the last quarter, asked back; bare, only where it opens
    # a question of deadlines.
    for text in ("cuối năm nay hạn những việc gì", "cuoi nam han nhung viec gi"):
        reading = read(text, today=JULY_6)
        assert reading.ask_back, text
        assert {c.period.label for c in reading.choices if c.period} == {
            "tháng 12/2026",
            "quý IV/2026",
        }, text
    assert read("cuối năm rồi, còn những việc gì chưa xong", today=JULY_6).best.period is None
    # "ban hành hồi tháng 3 rồi": when it was done, no window; "hồi tháng 3" asked of is.
    best = read("kế hoạch tuyên truyền ban hành hồi tháng 3 rồi, đánh dấu xong giúp", today=JULY_6)
    assert best.best.period is None
    best = read("hồi tháng 3 có việc nào quá hạn", today=JULY_6).best
    assert best.period is not None and best.period.label == "tháng 3/2026"


def test_questions_of_rounds_264_and_265():
    # A trip's start is small talk, typed bare too; the assistant asked what it can do.
    assert read("mai đoàn đi huyện mấy giờ xuat phat e").best.ask is Ask.OFF_TOPIC
    assert read("tro ly nay lam dc nhung viec gi").best.ask is Ask.HELP
    # "yte" glued, "Ban TC Tỉnh ủy", "Đoàn khối": the bodies.
    assert read("so gd, so yte con gi chua xong").best.agencies == (
        "so-giao-duc-va-dao-tao",
        "so-y-te",
    )
    assert read("ban tc tinh uy chu tri nhung viec nao").best.agencies == ("ban-to-chuc-tinh-uy",)
    assert "doan-khoi-co-quan-va-doanh-nghiep-tinh" in (
        read("Tỉnh đoàn với đoàn khối xong đc mấy việc r").best.agencies
    )
    # "mấy cán bộ vi phạm": some officials, no count asked.
    best = read("cho xem chi tiết việc làm quy chế cách chức mấy cán bộ vi phạm kỷ luật").best
    assert best.ask is not Ask.COUNT


def test_questions_of_rounds_266_and_267():
    # The bot asked what it supports; Tết's days off, the flower market and a fee at the
    # commune's desk are small talk.
    assert read("cho hỏi bot này hỗ trợ những gì").best.ask is Ask.HELP
    for text in (
        "năm nay cơ quan mình được nghỉ Tết mấy ngày vậy mn",
        "chieu nay ai di cho hoa tet voi minh khong",
        "cho e hỏi chứng thực bản sao giấy khai sinh ở xã mất phí bao nhiêu",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_questions_of_rounds_268_and_269():
    # Dictated: "hai lăm" with "mươi" left unsaid, "chấm dê" as speech-to-text writes the
    # letter d, "chủ chì" misheard.
    best = read("việc hạn hai lăm tháng mười hai ai chủ chì", today=JULY_6).best
    assert best.period is not None and best.period.label == "25/12/2026"
    best = read("nhiệm vụ bảy chấm dê ai chủ trì", POINTS_OF_FIELDS, today=JULY_6).best
    assert (best.task, best.field) == (TaskRef("II.7", "d"), TaskField.LEAD)
    # The assistant's functions asked; a traffic jam is small talk; how much of the plan is
    # done is how it stands.
    assert read("Trợ lý này hỗ trợ được những chức năng gì vậy?").best.ask is Ask.HELP
    assert read("đường về thành phố giờ này có kẹt xe không em").best.ask is Ask.OFF_TOPIC
    best = read("kế hoạch năm nay đến giờ thực hiện được bao nhiêu rồi").best
    assert best.ask is Ask.PROGRESS


def test_questions_of_rounds_272_and_273():
    # What "đang được triển khai" is under way.
    best = read("Hiện những nhiệm vụ nào đang được triển khai?").best
    assert best.status is Status.IN_PROGRESS
    # "mục b khoản 1 phần II": a point's letter, its part, then the section, as a law cites.
    vocabulary = _plan(
        {"II": "Nhiệm vụ trọng tâm", "III": "Tổ chức thực hiện"},
        TaskEntry("II", "1.a", "Niêm yết thủ tục tại bộ phận một cửa"),
        TaskEntry("II", "1.b", "Tiếp nhận phản ánh của người dân"),
        TaskEntry("III", "1.b", "Tuyên truyền trên loa phường"),
    )
    best = read("cho e xem the nhiem vu muc b khoan 1 phan II", vocabulary).best
    assert best.task == TaskRef("II", "1.b")
    # "cho 1 việc": a count of tasks, no title's "1" ("khoản 7 Điều 1").
    vocabulary = _plan(
        {"II": "Cải cách thể chế"},
        TaskEntry("II", "1", "Ban hành văn bản theo khoản 7 Điều 1 Luật sửa đổi"),
        TaskEntry("II", "2", "Rà soát văn bản quy phạm pháp luật"),
    )
    for text in ("muốn xin lùi hạn cho 1 việc thì làm sao e", "gia hạn 1 nhiệm vụ thì làm sao"):
        best = read(text, vocabulary).best
        assert (best.action, best.task) == (Action.EXTEND, None), text
    assert read("việc 1 ai chủ trì", vocabulary).best.task == TaskRef("II", "1")
    # A bare phrase opening the question, then how it stands: the tasks that phrase names.
    reading = read("kiểm tra, tiến độ thế nào?")
    assert reading.ask_back
    assert {c.task for c in reading.choices} >= {TaskRef("I", "2"), TaskRef("II", "2")}
    assert read("tuần này, tiến độ thế nào").best.task is None
    # How to remind an agency that lags is asked of none: no status.
    best = read("muốn nhắc 1 đơn vị chậm tiến độ thì thao tác sao").best
    assert (best.action, best.status) == (Action.REMIND, None)
    assert read("nhắc các sở chậm tiến độ giúp e").best.status is Status.OVERDUE
    # "đài HP": a body named with the plan's place, the place by its initials.
    best = read("dai HP dang lam nhung viec gi", CITY).best
    assert best.agencies == ("unverified-dai-phat-thanh-va-truyen-hinh-hai-phong",)
    # A fee, a criminal-record certificate, a child's vaccinations: small talk.
    for text in (
        "Cho hỏi lệ phí cấp phiếu lý lịch tư pháp hiện nay bao nhiêu vậy",
        "Lịch tiêm chủng mở rộng tháng 7 cho trẻ dưới 1 tuổi đã có chưa",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_questions_of_rounds_274_and_275():
    # Where the answer goes, said before a colon, keeps the window asked after it.
    best = read("Để đưa vào báo cáo: quý III những nhiệm vụ nào quá hạn?").best
    assert best.period is not None and best.period.label == "quý III/2026"
    # "bấm hoàn thành": mark it done.
    best = read("việc kiểm tra văn bản QPPL đã xong r, bấm hoàn thành giúp e").best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef("II", "2"))
    # The plan itself "xong chưa": how it stands; "chậm so với thời hạn": late, no deadline
    # asked; "so với" is no "sở".
    assert read("kế hoạch này xong chưa").best.ask is Ask.PROGRESS
    text = "Kế hoạch CCHC năm 2026 của tỉnh có bao nhiêu nhiệm vụ đã chậm so với thời hạn?"
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OVERDUE, ())
    # "hiện đang triển khai tới đâu rồi": how far along, not a list of what is under way.
    best = read("việc kiểm tra văn bản hiện đang triển khai tới đâu rồi em?").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.PROGRESS)
    # Typed in haste: "vptinh" run together, "chuw xong" with "chưa"'s last letter dropped.
    assert read("vptinh dang lam nhung viec gi").best.agencies == (VP,)
    assert read("so minh con viec nao chuw xong k e").best.status is Status.OPEN
    # A directive by its number and what it is about: the whole of it.
    directive = plan_vocabulary(plan_path("chi_thi_quang_tri"))
    text = "Tình hình thực hiện Chỉ thị 05 về kỷ luật, kỷ cương CCHC đến thời điểm này ra sao?"
    best = read(text, directive, today=date(2026, 10, 7)).best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)


def test_questions_of_rounds_276_and_277():
    # A sentence of context, then the one that asks with a window of its own: the body the
    # context names (who urged, whom the figures go to) is none of the question's.
    for text in (
        "Sở Nội vụ vừa có công văn đôn đốc số liệu quý I. Quý vừa rồi những việc nào đã hoàn "
        "thành vậy em?",
        "Chiều nay em gửi số liệu cho Sở Nội vụ. Quý vừa rồi có mấy việc bị trễ hạn vậy?",
    ):
        best = read(text).best
        assert best.agencies == (), text
        assert best.period is not None and best.period.label == "quý IV/2025", text
    # ... unless the question points back to it ("bên đó").
    text = "Sáng mai họp với Sở Tư pháp bàn chuyện đôn đốc. Bên đó còn bn việc chưa xong hả e?"
    best = read(text).best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (STP,), Status.OPEN)


def test_questions_of_rounds_278_and_279():
    # A report named with its window, given more time: the task that makes it ("gia hạn" is
    # no "hạn báo cáo" asked; "quốc gia hạn khi nào" still asks when).
    best = read("gia hạn báo cáo quý 3 thêm 10 ngày nhé").best
    assert (best.action, best.task, best.period) == (Action.EXTEND, TaskRef("I", "3"), None)
    # How a body does "with its tasks", however few it is given.
    best = read("Tình hình thực hiện nhiệm vụ của Sở Văn hóa, Thể thao và Du lịch thế nào").best
    assert (best.ask, best.task) == (Ask.PROGRESS, None)
    # "mấy việc" before who leads them: those few tasks, no count ("do X chủ trì" counts).
    reading = read("mấy việc hạn 31/12 là ai chủ trì")
    assert reading.ask_back and {c.field for c in reading.choices} == {TaskField.LEAD}
    assert read("mấy việc hạn 31/12 do sở tư pháp chủ trì").best.ask is Ask.COUNT
    # What one task named after its head makes.
    best = read("việc số hóa hồ sơ sản phẩm là gì").best
    assert (best.task, best.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    # Colleagues going somewhere at the weekend: small talk.
    assert read("cuối tuần ae đi Cửa Lò không").best.ask is Ask.OFF_TOPIC
    # A body named in full with its kind, leading tasks, is asked of, though a title names
    # it; said bare, the title is offered beside it.
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2026, 2026),
        tasks=[
            TaskEntry(None, "1", "Rà soát văn bản QPPL", leads=(STP,)),
            TaskEntry(None, "2", "Sửa đổi văn bản QPPL có sai sót theo đề nghị của Sở Tư pháp"),
        ],
        agencies=[STP],
    )
    reading = read("Sở Tư pháp làm tới đâu rồi", vocabulary)
    assert not reading.ask_back and reading.best.agencies == (STP,)
    assert read("tư pháp làm tới đâu rồi", vocabulary).ask_back


def test_questions_of_rounds_280_and_281():
    when = date(2026, 3, 4)
    # "thông tin" inside a title's words ("an toàn thông tin") asks for no card: a report of
    # that task, sent or not, is how it stands.
    city = plan_vocabulary(plan_path("thanh_pho_hai_phong"))
    best = read("báo cáo an toàn thông tin quý 2 gửi chưa vậy", city, when).best
    assert (best.task, best.field) == (TaskRef(None, "7"), TaskField.PROGRESS)
    # Marked done of a body given one task: that task.
    province = plan_vocabulary(plan_path("lao_cai_bang_phan_cong"))
    text = "Sở Văn hóa gửi kế hoạch tuyên truyền bản ký rồi, đánh dấu hoàn thành giúp mình"
    best = read(text, province, when).best
    assert (best.action, best.task) == (Action.COMPLETE, TaskRef(None, "1"))
    # Who leads a task named first, the body believed asked to be confirmed.
    control = plan_vocabulary(plan_path("khanh_hoa_kiem_soat"))
    text = "rà soát thủ tục lĩnh vực đất đai có phải sở NN&MT chủ trì không"
    best = read(text, control, when).best
    assert (best.task, best.field, best.agencies) == (TaskRef(None, "2"), TaskField.LEAD, ())
    # "Đề nghị" opening a letter is no title's word.
    best = read("Đề nghị cho xem chi tiết kiểm tra văn bản QPPL sau khi ban hành").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.CARD)
    # Done or still under way, of one task: how far it is.
    best = read("kiểm tra văn bản QPPL xong chưa hay vẫn đang làm").best
    assert (best.task, best.field, best.status) == (TaskRef("II", "2"), TaskField.PROGRESS, None)
    # "mấy việc ... là gì": which they are.
    assert read("mấy việc sắp đến hạn là gì vậy").best.ask is Ask.LIST
    assert read("mấy việc sắp đến hạn vậy").best.ask is Ask.COUNT
    assert read("Tôi có thể tra cứu những nội dung gì trên hệ thống này?").best.ask is Ask.HELP


def test_questions_of_rounds_282_and_283():
    # "thế còn" turning to a topic only leans: the count said after it is asked.
    best = read("thế còn stp, quá hạn mấy việc?").best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (STP,), Status.OVERDUE)
    # "còn việc ... thì" turns to a topic: "việc" is the head of the tasks due then.
    reading = read("còn việc hạn 31/12 thì ai chủ trì")
    assert reading.ask_back and {c.field for c in reading.choices} == {TaskField.LEAD}
    # The task named in a last clause after the question ("..., việc VNeID á").
    plan = _section_of(
        "VII",
        ("1", "Kết nối, liên thông Hệ thống thông tin giải quyết TTHC với Cổng Dịch vụ công"),
        ("2", "Kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết thủ tục hành chính"),
        ("3", "Triển khai xác thực điện tử qua ứng dụng VNeID trong giải quyết thủ tục"),
    )
    best = read("tiến độ tới đâu rồi, việc VNeID á", plan).best
    assert (best.task, best.field) == (TaskRef("VII", "3"), TaskField.PROGRESS)
    # The plan by words of its title and its number; a directive's issuer after it.
    best = read("kế hoạch cải cách hành chính số 15 có bao nhiêu nhiệm vụ").best
    assert (best.ask, best.task) == (Ask.COUNT, None)
    directive = plan_vocabulary(plan_path("chi_thi_thanh_hoa"))
    best = read("chỉ thị 12 của ubnd tỉnh có mấy nhiệm vụ chưa xong", directive).best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (), Status.OPEN)
    # The tasks due in a window, asked what they are: a list, no card.
    best = read("việc hạn quý 3 là việc gì").best
    assert (best.ask, best.task) == (Ask.LIST, None)
    # "vc" is "việc"; a trip and a citizen's papers are small talk.
    assert read("có vc nào quá hạn chưa e").best.status is Status.OVERDUE
    for text in (
        "cuối tuần đi Tam Đảo có đông không mn",
        "làm căn cước cho con cần giấy tờ gì vậy",
    ):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_questions_of_rounds_284_and_285():
    # The civil service's base salary is small talk, no count of the year's tasks.
    for text in ("lương cơ sở năm nay bao nhiêu", "mức lương cơ sở mới áp dụng từ khi nào vậy mn"):
        assert read(text).best.ask is Ask.OFF_TOPIC, text


def test_questions_of_rounds_288_and_289():
    # A price asked with the Southern "nhiêu" is small talk, as with "bao nhiêu".
    assert read("tỷ giá đô hôm nay nhiêu vậy mn").best.ask is Ask.OFF_TOPIC
    assert read("stp còn nhiêu việc quá hạn").best.ask is Ask.COUNT
    # "hdsd": the user's guide.
    assert read("hdsd bot nay sao vay ad").best.ask is Ask.HELP
    # Who a task's lead works with is who supports it.
    best = read("kiểm tra văn bản QPPL thì stp làm với ai").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.SUPPORT)
    # An item dashed under a point, its number said after it, where the point has it.
    vocabulary = _section_of("II", ("3.a.1", "Rà soát quy chế"), ("3.a.2", "Ban hành quy chế"))
    reading = read("II.3.a ý 5 ai chủ trì", vocabulary)
    assert reading.ask_back
    assert [i.task.label for i in reading.choices if i.task] == ["II.3.a.1", "II.3.a.2"]


def test_questions_of_rounds_290_and_291():
    # What a task hands in as evidence, asked: what it produces, no evidence sent.
    best = read("nv II.2 phải nộp cái gì làm minh chứng").best
    assert (best.ask, best.task, best.field) == (Ask.TASK, TaskRef("II", "2"), TaskField.PRODUCT)
    # A scan asked about is how evidence is sent, no export.
    best = read("minh chứng gửi lên kiểu gì, file pdf scan được không").best
    assert (best.ask, best.action) == (Ask.ACTION, Action.ATTACH_EVIDENCE)
    # Evidence being gathered, said as why the question is asked, is a remark beside it.
    best = read("em đang gom minh chứng, stp đã hoàn thành mấy việc rồi").best
    assert (best.ask, best.agencies, best.status) == (Ask.COUNT, (STP,), Status.DONE)


def test_questions_of_rounds_292_and_293():
    # "quý cuối năm nay" is the last quarter, no choice with December.
    reading = read("quý cuối năm nay còn bao nhiêu việc chưa xong")
    assert not reading.ask_back
    assert reading.best.period is not None and reading.best.period.kind is PeriodKind.QUARTER
    # What "có hạn hoàn thành" in a window is what falls due in it.
    best = read("trong quý II có bao nhiêu nhiệm vụ có hạn hoàn thành").best
    assert (best.ask, best.status) == (Ask.COUNT, Status.DUE)
    # Fallen due "mà chưa nộp": not done, as "mà chưa xong".
    best = read("quý 1 có việc nào tới hạn mà chưa nộp không").best
    assert (best.ask, best.status) == (Ask.LIST, Status.OPEN)
    # Bodies to remind listed with a comma, then which of their tasks.
    best = read("nhắc sở nội vụ, stp mấy việc quá hạn giùm em").best
    assert (best.action, set(best.agencies), best.status) == (
        Action.REMIND,
        {SNV, STP},
        Status.OVERDUE,
    )
    # ... but a status said in a clause of its own is why, not which.
    best = read("nhắc stp giúp anh, quá hạn gần 1 tháng rồi").best
    assert (best.action, best.status) == (Action.REMIND, None)


def test_questions_of_rounds_294_and_295():
    # Tasks let fall overdue are what is overdue.
    best = read("đã có đơn vị nào để nv quá hạn chưa").best
    assert (best.ask, best.status) == (Ask.LIST, Status.OVERDUE)
    # Which body leads most is the list of what bodies lead.
    best = read("sở nào chủ trì nhiều việc nhất trong kế hoạch này").best
    assert (best.ask, best.role) == (Ask.LIST, Role.LEAD)
    # Pay day and a restaurant are small talk; "cơ quan nào" is still which body.
    for text in ("ai biết lương tháng 7 về chưa", "liên hoan phòng ở quán nào vậy mọi người"):
        assert read(text).best.ask is Ask.OFF_TOPIC, text
    assert read("cơ quan nào đang nợ việc nhiều nhất").best.status is Status.OVERDUE


def test_questions_of_rounds_296_and_297():
    # A message forwarded, then a question of its own: who said it, and what, are context.
    text = (
        'Bên Sở Nội vụ vừa gọi: "chiều nay gửi bảng theo dõi tiến độ lên sở nhé". '
        "Xuất file excel toàn bộ nhiệm vụ giúp mình"
    )
    best = read(text).best
    assert (best.ask, best.agencies) == (Ask.EXPORT, ())
    # ... but a request that only points back at it asks what the message says.
    text = 'Sếp hỏi: "quý 1 sở tư pháp còn bao nhiêu việc chưa xong?" bot đếm giúp em'
    best = read(text).best
    assert (best.ask, best.agencies) == (Ask.COUNT, (STP,))
    assert read("chào bot, bot giúp được gì vậy").best.ask is Ask.HELP


def test_questions_of_rounds_298_and_299():
    # The time left on a task, or how late it is: when it is due.
    for text in (
        "nv II.2 còn bao nhiêu ngày nữa thì đến hạn",
        "việc II.2 đã chậm so với thời hạn bao lâu rồi",
    ):
        best = read(text).best
        assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.DUE), text
    # Who the figures are for is no body asked of.
    best = read("số liệu cho BCĐ: tính đến nay đã hoàn thành những nhiệm vụ nào?").best
    assert (best.ask, best.agencies, best.status) == (Ask.LIST, (), Status.DONE)


def test_questions_of_rounds_300_and_301():
    # "tháng sau nữa", "tuần sau nữa": the one after next; "còn tuần sau nữa?" is next week.
    assert read("ds viec han thang sau nua").best.period == Period(
        PeriodKind.MONTH, date(2026, 5, 1), date(2026, 5, 31)
    )
    assert read("tuần sau nữa có việc gì hạn").best.period == Period(
        PeriodKind.WEEK, date(2026, 4, 6), date(2026, 4, 12)
    )
    assert read("còn tuần sau nữa?").best.period == Period(
        PeriodKind.WEEK, date(2026, 3, 30), date(2026, 4, 5)
    )
    # "đầu quý sau": the quarter's first month, or the quarter, offered both.
    reading = read("đầu quý sau có những việc nào hạn vậy")
    assert reading.ask_back
    assert {c.period for c in reading.choices} == {
        Period(PeriodKind.MONTH, date(2026, 4, 1), date(2026, 4, 30)),
        Period(PeriodKind.QUARTER, date(2026, 4, 1), date(2026, 6, 30)),
    }
    # "ngoài ... thì ... còn": "also", no status.
    best = read("ngoài việc chủ trì thì sở mình còn đứng tên phối hợp mấy việc ạ?").best
    assert (best.ask, best.status, best.role, best.own) == (Ask.COUNT, None, Role.SUPPORT, True)
    # The "hợp" of "tổng hợp" is no meeting: last week's digest.
    best = read("cho xin bản tổng hợp tình hình tuần rồi").best
    assert best.ask is Ask.DIGEST
    assert best.period == Period(PeriodKind.WEEK, date(2026, 3, 16), date(2026, 3, 22))
    # When the asker took the work over is no window.
    best = read("em mới nhận bàn giao tuần trước, sở mình phải làm những việc gì").best
    assert (best.ask, best.own, best.period) == (Ask.LIST, True, None)
    # The communes as a bloc.
    assert "ubnd-cap-xa" in {a for c in read("khối xã làm tới đâu rồi").choices for a in c.agencies}
    # A kind said bare beside the asker's own of that kind is the asker's own.
    best = read("em mới được giao theo dõi CCHC của sở, sở mình phải làm những việc gì").best
    assert (best.agencies, best.own) == ((), True)
    # A greeting and who the asker is, before the question, are context.
    text = "Dạ em chào bot, em mới được giao theo dõi CCHC ở Sở Tư pháp. Sở mình có việc nào trễ?"
    best = read(text).best
    assert (best.agencies, best.own, best.status) == ((), True, Status.OVERDUE)
    # A citizen's procedure and a travel form are small talk.
    assert read("hồ sơ đăng ký nhãn hiệu thẩm định mất bao lâu vậy").best.ask is Ask.OFF_TOPIC
    assert read("ai co mau giay di duong k cho e xin voi").best.ask is Ask.OFF_TOPIC
    # "chưa làm bao giờ": never, no "when".
    best = read("việc II.2 phải nộp sản phẩm gì ạ? em chưa làm bao giờ nên chưa hình dung").best
    assert (best.task, best.field) == (TaskRef("II", "2"), TaskField.PRODUCT)
    # How to report progress, asked as what to message the bot.
    best = read("giờ em muốn cập nhật tiến độ một nhiệm vụ thì nhắn cho bot thế nào ạ?").best
    assert (best.ask, best.action, best.task) == (Ask.ACTION, Action.REPORT_PROGRESS, None)


def test_titles_that_hold_every_word_said_are_offered():
    contests = _section_of(
        "I",
        ("1", "Tổ chức cuộc thi sân khấu hóa tìm hiểu CCHC cho đoàn viên"),
        ("2", "Tổ chức cuộc thi viết tìm hiểu về công tác CCHC cho công chức"),
        ("3", "Tổ chức cuộc thi ảnh về người dân"),
    )
    reading = read("cuộc thi tìm hiểu CCHC ai chủ trì vậy", contests)
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef("I", "1"), TaskRef("I", "2")}
    # ... but the words of one only name it.
    assert read("cuộc thi viết tìm hiểu CCHC ai chủ trì", contests).best.task == TaskRef("I", "2")


def test_a_points_letter_said_after_a_tasks_head_then_its_part():
    plan = PlanVocabulary(
        sections=(SectionRef("II", "Nhiệm vụ cụ thể"), SectionRef("II.4", "Cải cách TTHC")),
        tasks=(
            TaskEntry("II.4", "a", "Rà soát thủ tục hành chính"),
            TaskEntry("II.4", "c", "Số hóa hồ sơ thủ tục hành chính"),
        ),
    )
    best = read("nhiệm vụ c mục 4 phần II sản phẩm phải nộp là gì", plan).best
    assert (best.task, best.field) == (TaskRef("II.4", "c"), TaskField.PRODUCT)


def test_questions_of_rounds_302_and_303():
    # "ban KKT": the economic zone's board.
    assert read("ban KKT được giao phối hợp việc nào").best.agencies == ("ban-quan-ly-khu-kinh-te",)
    # A share below the whole is progress, not the task done.
    text = "Cập nhật tiến độ nhiệm vụ II.2: đã hoàn thành dự thảo kết luận, ước đạt khoảng 30%"
    assert read(text).best.action is Action.REPORT_PROGRESS
    assert read("cập nhật tiến độ nhiệm vụ II.2: đã hoàn thành 100%").best.action is Action.COMPLETE
    # Who leads, supports and when, said after "có" in a request for a file, are its columns.
    text = "Xuất giúp tôi danh sách nhiệm vụ ra file Excel, có đơn vị chủ trì, phối hợp và thời hạn"
    best = read(text).best
    assert (best.ask, best.status, best.role, best.period) == (Ask.EXPORT, None, None, None)
    # A body's office the asker will drop by, said beside small talk, is no body asked of.
    text = "chiều nay có mưa ko mn, tính chạy qua sở Xây dựng"
    assert read(text).best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_304_and_305():
    # A meal ordered for the office is small talk, no office asked of.
    best = _corpus("phuong_hoa_khanh", date(2026, 8, 26))
    assert best("trưa nay ai đặt cơm cho phòng vậy").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_306_and_307():
    # "năm rồi": last year, but not the year going by ("sắp khóa sổ năm rồi").
    best = read("nam roi so minh con viec nao chua hoan thanh k").best
    assert best.period == Period(PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31))
    assert read("Sắp khóa sổ năm rồi, bên mình còn việc nào chưa xong không em").best.period is None
    # "deadline" typed in Vietnamese is "hạn": the tasks due that day.
    ministry = plan_vocabulary(plan_path("bo_tu_phap_quyet_dinh"))
    reading = read("Việc deadline 30/6 đã done chưa em?", ministry, date(2026, 7, 15))
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef(None, "3"), TaskRef(None, "4")}


def test_a_body_gone_is_read_as_the_one_the_plan_names_that_took_its_work():
    communes = PlanVocabulary.build(DIRECTORY, years=(2026, 2026), agencies=[SNV, "ubnd-cap-xa"])
    passed = AgencyNote("ubnd-cap-huyen", Relation.PASSED_TO, "ubnd-cap-xa", date(2025, 7, 1))
    # "UBND huyện" and "UBND cấp huyện" are one answer (the level as a whole), no choice.
    for text in ("ubnd huyện còn việc gì ko", "cap huyen co phai lam gi trong ke hoach ko"):
        reading = read(text, communes)
        assert not reading.ask_back, text
        assert (reading.best.agencies, reading.best.notes) == (("ubnd-cap-xa",), (passed,)), text
    # A ward's plan: a district's office, gone, for the ward's office that took its kind of
    # work over.
    ward = PlanVocabulary.build(
        DIRECTORY, years=(2026, 2026), agencies=["ubnd-xa", "phong-kinh-te-ha-tang-do-thi"]
    )
    best = read("phòng tài nguyên môi trường cũ có việc nào trễ hạn ko", ward).best
    assert best.agencies == ("phong-kinh-te-ha-tang-do-thi",)
    assert [(n.named, n.relation) for n in best.notes] == [
        ("phong-tai-nguyen-va-moi-truong", Relation.PASSED_TO)
    ]
    # A plan of the years before the districts' end knew them as themselves: not in it.
    before = PlanVocabulary.build(DIRECTORY, years=(2024, 2024), agencies=[SNV, "ubnd-cap-xa"])
    best = read("ubnd cấp huyện còn việc gì ko", before).best
    assert best.agencies == ("ubnd-cap-huyen",)
    assert [n.relation for n in best.notes] == [Relation.NOT_IN_PLAN]
    # Small talk near a gone body's office stays small talk.
    text = "có ai biết chỗ sửa máy in gần trụ sở ubnd huyện cũ ko"
    assert read(text, communes).best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_308_and_309():
    # A title pasted in quotes is its task's, however near another's words are, and a window
    # said beside it is the task's year ...
    plan = PlanVocabulary.build(
        DIRECTORY,
        years=(2025, 2025),
        title="Kế hoạch cải cách hành chính năm 2025 của tỉnh",
        sections=[SectionRef("I", "Công tác chỉ đạo, điều hành")],
        tasks=[
            TaskEntry("I", "2", "Xây dựng Kế hoạch CCHC hằng năm"),
            TaskEntry("I", "3", "Xây dựng Kế hoạch kiểm tra CCHC hằng năm"),
        ],
        agencies=[SNV, STP],
    )
    october = date(2025, 10, 29)
    best = read("'Xây dựng Kế hoạch CCHC hằng năm' năm nay tới đâu rồi e", plan, october).best
    assert (best.ask, best.task, best.period) == (Ask.TASK, TaskRef("I", "2"), None)
    # ... and the plan's own title, quoted, is the plan: no body asked of.
    text = "Xuất danh sách nhiệm vụ của Kế hoạch “Cải cách hành chính năm 2025 của tỉnh” ra Excel"
    best = read(text, plan, october).best
    assert (best.ask, best.agencies) == (Ask.EXPORT, ())
    # A column's or a body's name quoted after "là" is no passage of a letter.
    best = read("danh sách các nhiệm vụ mà bên mình là “Đơn vị chủ trì”", plan, october).best
    assert (best.role, best.own) == (Role.LEAD, True)
    best = read("Nhiệm vụ nào có “Đơn vị phối hợp” là “Sở Tư pháp”?", plan, october).best
    assert (best.agencies, best.role) == ((STP,), Role.SUPPORT)
    # A leader's words: where things stand, and which late ones to push first.
    best = read("Tóm lại quý 1 này mình đang ở đâu, nói gọn thôi", today=date(2026, 2, 25)).best
    assert best.ask is Ask.PROGRESS
    best = read("Cần đôn đốc việc nào trước, cho tôi ds quá hạn").best
    assert (best.ask, best.status, best.action) == (Ask.LIST, Status.OVERDUE, None)
    # What the bot does, asked; a flight to book is small talk.
    assert read("Hệ thống này hỗ trợ được những nội dung gì?").best.ask is Ask.HELP
    assert read("Em đặt giúp anh vé máy bay ra Hà Nội chiều thứ 6 nhé").best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_310_and_311():
    # When a body was made, said after it, is no window.
    ward = PlanVocabulary.build(
        DIRECTORY, years=(2026, 2026), agencies=["ubnd-xa", "phong-kinh-te-ha-tang-do-thi"]
    )
    text = "Phòng Kinh tế, Hạ tầng và Đô thị mới lập hồi giữa năm ngoái đang chủ trì mấy việc"
    best = read(text, ward, date(2026, 4, 15)).best
    assert (best.agencies, best.role, best.period) == (
        ("phong-kinh-te-ha-tang-do-thi",),
        Role.LEAD,
        None,
    )
    # "ko có hạn việc nào": whether anything falls due in the window.
    best = read("tu 1/10 toi 30/11 ko co han viec nao phai ko e").best
    assert (best.status, best.period.start) == (Status.DUE, date(2026, 10, 1))
    # A number of tasks to confirm beside a deadline asks the count, no task's deadline.
    best = read("hạn 30/6 là 3 việc đúng không em").best
    assert (best.ask, best.task) == (Ask.COUNT, None)
    # Where a new commune's office sits is small talk.
    assert read("xã mới sáp nhập trụ sở giờ đặt ở đâu vậy e").best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_312_and_313():
    # In the steering committee's group: the committee as whom the answer is for, no body
    # asked of.
    best = read("@nhacviec_bot tổng hợp tuần này gửi các đồng chí trong BCĐ").best
    assert (best.ask, best.agencies) == (Ask.DIGEST, ())
    best = read("Xuất excel ds việc quá hạn gửi nhóm BCĐ giúp").best
    assert (best.ask, best.status, best.agencies) == (Ask.EXPORT, Status.OVERDUE, ())
    text = "Tôi mới được bổ sung vào Ban chỉ đạo. @nhacviec_bot có thể hỗ trợ những việc gì?"
    assert read(text).best.ask is Ask.HELP
    assert read("Nhóm mình ai có ảnh hội nghị hôm qua gửi mình với").best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_314_and_315():
    # One commune or ward named by its place is one of the communes the plan names as a group,
    # its place no words of a task.
    xa = "ubnd-cap-xa"
    best = read("Phường Lê Chân mới thành lập có việc nào bị quá hạn k").best
    assert (best.ask, best.agencies, best.status) == (Ask.LIST, (xa,), Status.OVERDUE)
    best = read("xa Vinh Thanh Loi minh hien co viec nao bi qua han chua anh").best
    assert (best.ask, best.agencies, best.own, best.status) == (Ask.LIST, (), True, Status.OVERDUE)
    # ... and, named with the asker's own, the asker saying who it is.
    best = read("UBND xã Ia Pết Nam chúng tôi mới thành lập, xã được giao những nhiệm vụ nào?").best
    assert (best.ask, best.agencies, best.own) == (Ask.LIST, (), True)
    text = "Dạ em bên UBND phường Hòa Bình, tuần sau phường em có việc nào tới hạn không ạ"
    best = read(text).best
    assert (best.agencies, best.own, best.status) == ((), True, Status.DUE)
    # Not a police station's, communes counted, a commune that calls, or capitals typed.
    assert xa not in read("Công an phường Lê Chân có việc gì").best.agencies
    text = "PCT xã Ia Hrung hỏi: báo cáo kết quả cchc hạn chót ngày nào"
    assert xa not in read(text).best.agencies
    best = read("UBND CẤP XÃ CÒN VIỆC GÌ").best
    assert (best.ask, best.agencies, best.status) == (Ask.LIST, (xa,), Status.OPEN)
    # A ward's own plan asked by its place is the plan's whole.
    ward = replace(SAMPLE_PLAN, title="Cải cách hành chính phường Hòa Minh năm 2026")
    assert read("phường Hòa Minh có việc nào quá hạn k", ward).best.agencies == ()
    assert read("phường Hòa Bình có việc nào quá hạn k", ward).best.agencies == (xa,)


def test_questions_of_rounds_316_and_317():
    # Whether a task's deadline moved, asked, is its deadline (the answer gives the one the
    # plan set beside it), not a request to move it.
    for text in (
        "việc II.3 hạn gốc là quý II đúng ko, đã gia hạn chưa e",
        "viec II.3 han ban dau la bao gio, co doi han chua",
        "Nhiệm vụ II.3 vẫn giữ hạn Quý III hay đã điều chỉnh?",
        "nv II.3 hạn 30/9 hay lùi rồi",
    ):
        best = read(text).best
        assert (best.ask, best.field, best.action) == (Ask.TASK, TaskField.DUE, None), text
    best = read("việc II.3 xin gia hạn thêm 1 tháng").best
    assert (best.ask, best.action) == (Ask.ACTION, Action.EXTEND)


def test_questions_of_rounds_318_and_319():
    # The first week back after Tết: seven days from the first working day after the break
    # (2026: Mùng 1 on 17 February, off from 14 to 22 February), said either way round.
    week_back = Period(PeriodKind.RANGE, date(2026, 2, 23), date(2026, 3, 1))
    for text in (
        "Tuần đầu tiên đi làm lại sau Tết có nhiệm vụ nào đến hạn không?",
        "Nghỉ Tết xong đi làm lại thì tuần đầu tiên có việc gì tới hạn không?",
        "an tet xong tuan dau co han gi k",
    ):
        best = read(text, today=date(2026, 1, 28)).best
        assert (best.ask, best.status, best.period) == (Ask.LIST, Status.DUE, week_back), text
    assert read("nghỉ tết xong chưa em", today=date(2026, 1, 28)).best.ask is Ask.OFF_TOPIC
    # The done and the not done each counted: the count by state, no one state.
    text = "e ơi kế hoạch năm nay tổng cộng bao nhiêu việc, xong mấy việc rồi, còn lại mấy việc?"
    best = read(text).best
    assert (best.ask, best.status) == (Ask.COUNT, None)
    assert read("sở tư pháp xong mấy việc rồi").best.status is Status.DONE
    # The office's own particulars are no question about the plan.
    assert read("cho hỏi mã số thuế của văn phòng mình là bao nhiêu").best.ask is Ask.OFF_TOPIC


def test_questions_of_rounds_320_and_321():
    # Context in a sentence of its own, then the request: what the context names (who
    # called, what a meeting spoke of) is not what is asked of; a request to act still
    # takes it.
    text = (
        "Sáng nay Sở Tài chính gọi điện hỏi số liệu quý. "
        "Anh cho em xin danh sách các việc đã quá hạn với ạ."
    )
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.LIST, Status.OVERDUE, ())
    text = (
        "Chiều nay giao ban có nhắc đến báo cáo của UBND cấp xã. "
        "Em cần nắm: hiện kế hoạch có bao nhiêu việc quá hạn?"
    )
    best = read(text).best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OVERDUE, ())
    text = "Chị Lan dặn nhắc Sở Tư pháp gửi kết quả rà soát văn bản. Bot nhắc giúp em nhé."
    best = read(text).best
    assert (best.action, best.agencies) == (Action.REMIND, (STP,))
    # A question someone else asked, reported, asks nothing of the bot.
    text = (
        "Lãnh đạo vừa gọi hỏi có việc gì còn tồn không. "
        "Anh chị xem giúp em hiện có bao nhiêu việc đã quá hạn rồi ạ?"
    )
    best = read(text).best
    assert (best.ask, best.status) == (Ask.COUNT, Status.OVERDUE)
    # ... but where the request says nothing of its own, it is the question relayed.
    text = (
        "Chị bên Sở Tư pháp vừa gọi hỏi sở đang được giao những việc nào, bot liệt kê giúp em nhé"
    )
    assert read(text).best.agencies == (STP,)
    # How things stand, handed over for the report the asker writes, is that report.
    text = "Em đang làm báo cáo quý I, anh cho em xin tình hình thực hiện chung của kế hoạch với"
    assert read(text).best.ask is Ask.REPORT
    # "khoảng bao nhiêu": how far, about.
    text = "cả kế hoạch đến giờ thực hiện được khoảng bao nhiêu rồi"
    assert read(text).best.ask is Ask.PROGRESS
    # Speech-to-text's "trủ trì", and a range whose first day is said bare.
    best = read("Sở Tư pháp trủ trì mấy việc").best
    assert (best.ask, best.agencies, best.role) == (Ask.COUNT, (STP,), Role.LEAD)
    spans = {
        "từ mùng 5 đến 20/4 có những việc nào": (date(2026, 4, 5), date(2026, 4, 20)),
        "từ mùng một đến ba mươi tháng sáu có những việc nào": (
            date(2026, 6, 1),
            date(2026, 6, 30),
        ),
    }
    for text, (start, end) in spans.items():
        assert read(text).best.period == Period(PeriodKind.RANGE, start, end), text
    # An invitation to draft is no question about the plan.
    assert read("soạn giúp tôi giấy mời dự lễ kỷ niệm 30/4 của cơ quan").best.ask is Ask.OFF_TOPIC
    # "xuất báo cáo", and nothing more: the file or the report.
    reading = read("xuất báo cáo giúp mình")
    assert reading.ask_back and {i.ask for i in reading.choices} == {Ask.EXPORT, Ask.REPORT}
    # "em" before a body's name is the asker, no person named "Sở".
    text = "lãnh đạo hỏi em Sở Tư pháp có được giao việc gì trong kế hoạch này không"
    assert read(text).best.agencies == (STP,)
    # All the plan's tasks of this year are the plan, whatever a summary said before.
    text = "sếp muốn xem bảng tổng hợp toàn bộ nhiệm vụ CCHC năm nay, xuất giúp em file excel"
    best = read(text).best
    assert (best.ask, best.period) == (Ask.EXPORT, None)


def test_questions_of_rounds_322_and_323():
    # What is said as left out is not what is asked ("ngoài ... ra", "không tính ... thì",
    # "bỏ ... ra"): the nearest answer is of every other.
    best = read("Không tính Sở Tư pháp thì các đơn vị khác còn bao nhiêu việc chưa xong?").best
    assert (best.ask, best.status, best.agencies) == (Ask.COUNT, Status.OPEN, ())
    for text in (
        "ngoài sở mình ra còn bên nào chưa xong",
        "ngoai so minh ra con ben nao chua xong",
    ):
        best = read(text).best
        assert (best.ask, best.status, best.own) == (Ask.LIST, Status.OPEN, False), text
    best = read("Ngoài Sở Tư pháp, Sở Nội vụ còn việc nào quá hạn không").best
    assert best.agencies == (SNV,)
    best = read("xuất excel các việc chưa xong, bỏ những việc đã xong ra").best
    assert (best.ask, best.status) == (Ask.EXPORT, Status.OPEN)
    # ... but "năm ngoái" and "ngoài giờ" leave nothing out.
    best = read("năm ngoái còn việc nào chưa xong").best
    assert (best.status, best.period) == (
        Status.OPEN,
        Period(PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31)),
    )
    # A part denied, with or without its body.
    text = "những việc không phải sở mình chủ trì mà sở mình chỉ phối hợp là việc nào"
    best = read(text).best
    assert (best.role, best.own) == (Role.SUPPORT, True)
    best = read("mảng tthc có việc nào ko phải VP UBND tỉnh chủ trì ko").best
    assert (best.agencies, best.role) == ((), None)
    # Words that take back, and words that add one more.
    best = read("sở tài chính, à thêm cả sở khcn nữa, còn bn việc chưa xong").best
    assert set(best.agencies) == {"so-tai-chinh", KHCN}
    best = read("xuất excel toàn bộ kế hoạch giúp e, à thôi chỉ các việc của sở mình thôi").best
    assert (best.ask, best.own) == (Ask.EXPORT, True)
    # How to act, typed short; a holiday asked of; what the asker will do once a review is done.
    assert read("muốn báo hoàn thành một nhiệm vụ thì làm ntn").best.action is Action.COMPLETE
    assert read("thứ 6 này cq mình có nghỉ k mn").best.ask is Ask.OFF_TOPIC
    best = read("sở mình có việc nào chưa xong không, tổng kết xong a muốn rà lại").best
    assert (best.status, best.own) == (Status.OPEN, True)


def test_questions_of_rounds_324_and_325():
    # Short forms typed between meetings.
    asked = {
        "snv ct bn nv": (Ask.COUNT, (SNV,), None, Role.LEAD),
        "stp dang ph may nv": (Ask.COUNT, (STP,), None, Role.SUPPORT),
        "ds nv cxl": (Ask.LIST, (), Status.OPEN, None),
        "ds nv dang th cua stp": (Ask.LIST, (STP,), Status.IN_PROGRESS, None),
        "ds nv da ht": (Ask.LIST, (), Status.DONE, None),
        "sở tư pháp chủ trỉ những việc gì": (Ask.LIST, (STP,), None, Role.LEAD),
    }
    for text, expected in asked.items():
        best = read(text).best
        assert (best.ask, best.agencies, best.status, best.role) == expected, text
    assert read("gui e ban th tuan nay").best.ask is Ask.DIGEST
    # What is about to slip falls due soon.
    best = read("việc nào sắp trễ hạn thì báo trước giúp em").best
    assert (best.status, best.period) == (
        Status.DUE,
        Period(PeriodKind.RANGE, WEDNESDAY, date(2026, 4, 1)),
    )
    # "kết thúc" ends; it urges no one.
    best = read("Quý I sắp kết thúc, còn bao nhiêu việc của quý I chưa hoàn thành?").best
    assert (best.ask, best.status, best.action) == (Ask.COUNT, Status.OPEN, None)
