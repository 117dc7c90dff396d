"""Questions typed in English: spelled into the Vietnamese words the reader reads, and only
where a question reads as English, so that no Vietnamese question changes its reading."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from planning.agencies import AgencyDirectory
from planning.intent import (
    Action,
    Ask,
    Intent,
    PlanVocabulary,
    Reading,
    Role,
    Status,
    TaskEntry,
    TaskField,
    TaskRef,
    reader_for,
    understand,
)
from planning.periods import Duration, Period, PeriodKind
from planning.questions.english import English, vietnamese_shaped
from planning.questions.reader import without_chat_headers
from planning.questions.words import alternatives
from planning.text import fold
from tests.questions.plans import SAMPLE, plan_path, plan_vocabulary

DIRECTORY = AgencyDirectory.load()
SAMPLE_PLAN = plan_vocabulary(SAMPLE)
WEDNESDAY = date(2026, 3, 25)
QUESTIONS = Path(__file__).resolve().parents[1] / "questions"


def _speller():  # type: ignore[no-untyped-def]
    return reader_for(SAMPLE_PLAN, DIRECTORY).speller


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("how many tasks are overdue this quarter", "bao nhiêu việc quá hạn quý này"),
        ("overdue tasks of the doj", "quá hạn các việc của sở tư pháp"),
        ("so tu phap overdue", "so tu phap quá hạn"),
        ("what's late for UBND cấp huyện", "gì quá hạn UBND cấp huyện"),
        ("tasks due on dec 31", "việc đến hạn 31/12"),
        ("due 31st of december 2026", "đến hạn 31/12/2026"),
        ("what's due between march and june", "gì có hạn từ tháng 3 đến tháng 6"),
        ("anything in the next 10 days", "có gì trong 10 ngày"),
        ("extend II.1 by 2 weeks", "gia hạn II.1 thêm 2 tuần"),
        ("extend III.7 by one month", "gia hạn III.7 thêm 1 tháng"),
        ("due soon", "sắp đến hạn"),
        ("can we extend VI.4 by 2 wks", "chúng tôi gia hạn VI.4 thêm 2 tuần"),
        ("how many tasks fall due in 2023", "bao nhiêu việc đến hạn năm 2023"),
        ("tasks w/o a deadline", "việc chưa có thời hạn"),
        # Words of tasks' titles, said in English.
        ("who leads the one-stop shop task", "ai chủ trì một cửa việc"),
        (
            "when's the PAR communication plan due",
            "khi nào cải cách hành chính kế hoạch tuyên truyền đến hạn",
        ),
        (
            "hows the handbook for law drafting coming along",
            "thế nào sổ tay xây dựng pháp luật tiến độ",
        ),
        # "due in" a window: "có hạn trong", a window of deadlines as the files read it.
        ("how many e-gov tasks due in q3", "bao nhiêu chính quyền điện tử việc có hạn trong q3"),
        # A dotted number is kept whole: its "a" is no article.
        ("extend II.7.a.3 by 1 month", "gia hạn ii.7.a.3 thêm 1 tháng"),
        ("field 7 point b - which agency is in the lead?", "mục 7 điểm b, đơn vị nào chủ trì?"),
        # "I" after a section's word is its number; a range's first day takes the month of
        # its second; a row by its place.
        ("Which agencies support item 6 of section I?", "ai phối hợp việc 6 mục I?"),
        ("what's due between 1 and 15 September", "gì có hạn từ 1/9 đến 15/9"),
        ("task V.3, second row - deadline?", "việc V.3, dòng 2, hạn chót?"),
        ("Which items have no fixed deadline?", "những việc nào chưa có thời hạn?"),
        # Round 32: a phrase's apostrophe left out, a part denied, "on the", a plan, a
        # thing (not a time) after "from", bullets under a point.
        ("how many tasks dont have a deadline at all", "bao nhiêu việc chưa có thời hạn"),
        ("which tasks are we only supporting, not leading", "những việc nào chúng tôi phối hợp"),
        ("Overall, how are we doing on the plan?", "chung, tình hình kế hoạch?"),
        ("output expected from the reform coverage", "sản phẩm cải cách tuyên truyền"),
        ("status of the first bullet under 2.b", "tình hình gạch 1 2.b"),
        ("what can this bot do?", "hướng dẫn?"),
        # Round 44: the head noun first, "push ... back", "the" before a year, small talk.
        ("job position scheme, where are we", "đề án vị trí việc làm, tình hình"),
        ("remind them about the 2024 digital plan", "nhắc 2024 kế hoạch chuyển đổi số"),
        ("can we push 4a back a month", "chúng tôi gia hạn 4a 1 tháng"),
        ("happy new year team!", "chúc mừng năm mới!"),
        ("whats the usd to vnd rate today", "gì tỷ giá hôm nay"),
    ],
)
def test_english_is_spelled_into_the_vietnamese_it_stands_for(typed: str, spelled: str) -> None:
    assert _speller().translate(typed) == spelled


@pytest.mark.parametrize(
    "typed",
    [
        "sở tư pháp",
        "so tu phap",
        "do ai chủ trì",
        "to cong tac",
        "hi",
        "an ninh",
        "ok",
        # A slip typed with its marks ("lòg" for "lòng") is no English word ("log").
        "Sản phẩm của nhiệm vụ đo lường sự hài lòg là gì?",
        # A link pasted as evidence holds no words of the question.
        "QT nội bộ đã đăng rồi, e dán link: https://so.example.gov.vn/internal-process-report",
    ],
)
def test_words_english_shares_with_folded_vietnamese_leave_a_question_vietnamese(
    typed: str,
) -> None:
    assert not _speller().reads_english(typed)
    assert _speller().translate(typed) == typed


def test_anchors_are_spelled_unlike_any_vietnamese_syllable() -> None:
    assert all(vietnamese_shaped(w) for w in ("the", "do", "so", "an", "to", "my", "nghieng"))
    assert not any(vietnamese_shaped(w) for w in ("overdue", "tasks", "who", "late", "doj"))
    speller = _speller()
    assert {"overdue", "tasks", "doj"} <= speller.anchors
    assert not speller.anchors & {"the", "do", "so", "to", "me", "an", "in", "on", "at", "a"}


def _vietnamese_questions() -> list[tuple[str, str]]:
    found = []
    for path in sorted(QUESTIONS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("language", "vi") != "vi":
            continue
        found.extend((str(data["plan"]), str(e["q"])) for e in data["questions"])
    return found


def test_no_vietnamese_question_reads_as_english() -> None:
    """No Vietnamese question goes through the English phrases, but one that mixes English
    office words in ("list giùm em", "report 6 tháng"): the question files hold how those are
    read, end to end."""
    office = {
        key
        for key in English.load().phrases
        if len(key) <= 2
        and all(w.isalpha() for w in key)
        and len(key[0]) > 2
        and not vietnamese_shaped(key[0])
    }
    questions = _vietnamese_questions()
    assert len(questions) > 500
    english = []
    for plan, question in questions:
        path = plan_path(plan)
        typed = re.findall(r"[a-z]+", fold(question))
        # its words and pairs of words ("follow up")
        said = {(w,) for w in typed} | set(zip(typed, typed[1:], strict=False))
        if path is None or office & said:
            continue
        speller = reader_for(plan_vocabulary(path), DIRECTORY).speller
        if speller.reads_english(without_chat_headers(question)):  # as the reader reads it
            english.append(question)
    assert english == []


def test_an_english_question_is_read_like_its_vietnamese_equivalent() -> None:
    for english, vietnamese in [
        ("how many tasks are overdue this quarter", "bao nhiêu việc quá hạn quý này"),
        ("overdue tasks of Sở Tư pháp", "việc quá hạn của sở tư pháp"),
        ("who leads task II.1", "ai chủ trì nhiệm vụ II.1"),
        ("weekly digest", "tổng hợp tuần"),
    ]:
        read = understand(english, SAMPLE_PLAN, directory=DIRECTORY, today=WEDNESDAY)
        meant = understand(vietnamese, SAMPLE_PLAN, directory=DIRECTORY, today=WEDNESDAY)
        assert read.choices == meant.choices


def test_small_talk_and_unknown_english() -> None:
    def ask(text: str) -> Ask:
        return understand(text, SAMPLE_PLAN, directory=DIRECTORY, today=WEDNESDAY).best.ask

    assert ask("what's the weather") is Ask.OFF_TOPIC
    assert ask("happy belated national day everyone") is Ask.OFF_TOPIC  # a holiday's greeting
    assert ask("what can you do") is Ask.HELP
    reading = understand("overdue in may", SAMPLE_PLAN, directory=DIRECTORY, today=WEDNESDAY)
    assert reading.best.status is Status.OVERDUE
    assert reading.best.period is not None and reading.best.period.start == date(2026, 5, 1)


def test_a_phrase_said_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_text("phrases:\n  quá hạn: [late]\n  trễ: [late]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        English.load(path)


def test_a_key_said_twice_in_the_phrases_file_is_refused(tmp_path: Path) -> None:
    """Plain YAML keeps the last of two equal keys, and the first's phrases would be lost."""
    path = tmp_path / "en.yaml"
    path.write_text("phrases:\n  quá hạn: [late]\n  quá hạn: [overdue]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        English.load(path)


def test_questions_of_round_32() -> None:
    def best(text: str):  # type: ignore[no-untyped-def]
        return understand(text, SAMPLE_PLAN, directory=DIRECTORY, today=WEDNESDAY).best

    intent = best("What output is expected from the reform coverage on the newspaper and TV?")
    assert (intent.task, intent.field) == (TaskRef("IV", "2"), TaskField.PRODUCT)
    intent = best("Who is the Department of Justice working with on the legal documents review?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    assert best("how do I use this bot? what can it do?").ask is Ask.HELP
    intent = best("How is the institutional reform section going?")
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "II")
    assert best("who leads the training task?").ask is Ask.UNKNOWN  # no such task


def test_questions_of_round_59() -> None:
    """A city's plan asked about in English after Tết."""
    city = plan_vocabulary(plan_path("thanh_pho_hai_phong"))

    def best(text: str):  # type: ignore[no-untyped-def]
        return understand(text, city, directory=DIRECTORY, today=date(2026, 2, 24)).best

    intent = best("What is the City Police leading?")
    assert (intent.agencies, intent.role) == (("cong-an-tinh",), Role.LEAD)
    intent = best("how many taks does the city People's Committee office still have open?")
    assert (intent.agencies, intent.status) == (("van-phong-ubnd-tinh",), Status.OPEN)
    intent = best("How many tasks have to be finished in Q1?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DUE)
    intent = best("what has to be done before the end of February")
    assert intent.period is not None and intent.period.label == "01/01/2026–28/02/2026"
    intent = best("They lost time over the long holiday. Can task 7 get another 15 days?")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef(None, "7"))
    intent = best("What's the expected output of task no. 5?")
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.PRODUCT)
    text = "When is the digital skills training for commune officials supposed to be finished?"
    intent = best(text)
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.DUE)
    # The sentences stay apart: the remark's month is no window of the question.
    text = "Is the city police behind on anything? Their January report never came in."
    intent = best(text)
    assert (intent.agencies, intent.status, intent.period) == (
        ("cong-an-tinh",),
        Status.OVERDUE,
        None,
    )


def test_questions_of_round_60() -> None:
    """A directive asked about in English by an adviser in March."""
    directive = plan_vocabulary(plan_path("chi_thi_quang_tri"))

    def read(text: str):  # type: ignore[no-untyped-def]
        return understand(text, directive, directory=DIRECTORY, today=date(2026, 3, 10))

    text = "Who's supporting on the upgrade of the reminder function for dossier deadlines?"
    intent = read(text).best
    assert (intent.task, intent.field) == (TaskRef(None, "4.1"), TaskField.SUPPORT)
    intent = read("any update on no. 6, the Fatherland Front supervision?").best
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.PROGRESS)
    intent = read(
        "The annual inspection plan is about to be issued, so quick check - who leads "
        "the spot inspections on administrative discipline?"
    ).best
    assert (intent.task, intent.field) == (TaskRef(None, "2.a"), TaskField.LEAD)
    # "my", "our" are the asker's own only when they own tasks.
    intent = read("Planning my calendar. What falls due this month?").best
    assert (intent.status, intent.own) == (Status.DUE, False)
    assert read("show my overdue tasks").best.own
    reading = read("When is the report to the Chairman due?")
    assert reading.ask_back
    assert {i.task for i in reading.choices} >= {TaskRef(None, "2.b"), TaskRef(None, "7")}
    assert read("Any good place near the PPC for a team lunch on Friday?").best.ask is (
        Ask.OFF_TOPIC
    )


def test_questions_of_round_61() -> None:
    """A ministry's plan asked about in English before the April holiday."""
    ministry = plan_vocabulary(plan_path("bo_khcn_2026"))

    def best(text: str):  # type: ignore[no-untyped-def]
        return understand(text, ministry, directory=DIRECTORY, today=date(2026, 4, 23)).best

    intent = best("Who supports on the year-end wrap-up of admin reform?")
    assert (intent.task, intent.field) == (TaskRef(None, "8"), TaskField.SUPPORT)
    text = "Pull up the card for the population database connection pls, I'm briefing the donor"
    intent = best(text)
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.CARD)
    intent = best("What does the Ministry of Public Security have to do under this plan?")
    assert intent.agencies == ("bo-cong-an",)
    # "partner" is no "who supports"; the question's own window, after a dash, is kept.
    text = "The partner's review is early July so I need the list - what has to be done by 30 June?"
    intent = best(text)
    assert (intent.role, intent.status) == (None, Status.DUE)
    assert intent.period is not None and intent.period.label == "01/01/2026–30/06/2026"
    intent = best("What's due between now and 15 May?")
    assert intent.period is not None and intent.period.label == "23/04/2026–15/05/2026"
    intent = best("Export the whole task list to Excel for me, I'll attach it to the review pack.")
    assert (intent.ask, intent.action) == (Ask.EXPORT, None)


def test_questions_of_round_62() -> None:
    """A province's plan asked about in English in December, after the 2025 reorganisation."""
    province = plan_vocabulary(plan_path("an_giang_hai_cap"))

    def best(text: str):  # type: ignore[no-untyped-def]
        return understand(text, province, directory=DIRECTORY, today=date(2026, 12, 9)).best

    intent = best("Tasks where the commune People's Committees are in the lead?")
    assert (intent.ask, intent.agencies, intent.role) == (Ask.LIST, ("ubnd-cap-xa",), Role.LEAD)
    assert best("Are you coming to the year-end party on Friday?").ask is Ask.OFF_TOPIC
    assert best("what can this bot actually do?").ask is Ask.HELP
    intent = best("What is the security and order task at the service centres supposed to produce?")
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.PRODUCT)


def _best_of(plan: str, day: date) -> Callable[[str], Intent]:
    """The best reading of a question about ``plan`` asked on ``day``."""
    vocabulary = plan_vocabulary(plan_path(plan))
    return lambda text: understand(text, vocabulary, directory=DIRECTORY, today=day).best


def _reading_of(plan: str, day: date) -> Callable[[str], Reading]:
    """The whole reading of a question about ``plan`` asked on ``day``."""
    vocabulary = plan_vocabulary(plan_path(plan))
    return lambda text: understand(text, vocabulary, directory=DIRECTORY, today=day)


def _asks_back_who_leads(plan: str, day: date, text: str) -> bool:
    """Whether the question is asked back, each choice a task's lead."""
    reading = understand(text, plan_vocabulary(plan_path(plan)), directory=DIRECTORY, today=day)
    return reading.ask_back and {i.field for i in reading.choices} == {TaskField.LEAD}


def test_questions_of_round_64() -> None:
    """A province's appendix plan asked about in English in July, for a partner's report."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 7, 3))

    intent = best("what does III.2 have to deliver? the donor may co-fund it")
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    intent = best("which tasks had a 30/6 deadline and still aren't finished?")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OPEN)
    intent = best("the survey in the communes and wards, when is that one due")
    assert (intent.task, intent.field, intent.agencies) == (
        TaskRef("II", "2", 2),
        TaskField.DUE,
        (),
    )


def test_questions_of_round_65() -> None:
    """A province's plan asked about in English in May, for a mid-year review."""
    province = plan_vocabulary(plan_path("tinh_dong_thap_2026"))

    def read(text: str) -> Reading:
        return understand(text, province, directory=DIRECTORY, today=date(2026, 5, 27))

    text = (
        "who is in charge of publically posting the procedures at the Public Admin Service Centre?"
    )
    intent = read(text).best
    assert (intent.task, intent.field) == (TaskRef("III", "1", 2), TaskField.LEAD)
    text = "What does the Information and Communications dept have in this plan? sorry, old names"
    intent = read(text).best
    assert (intent.agencies, intent.status) == (("so-khoa-hoc-va-cong-nghe",), None)
    reading = read("who's in charge of the review after the reorganisation?")
    assert {c.task for c in reading.choices} == {TaskRef("II", "1"), TaskRef("IV", "1")}


def test_questions_of_round_66() -> None:
    """A ministry's plan asked about in English by its office, in April."""
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 4, 3))

    intent = best("e-civil status registration system - who's supporting on that one")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.SUPPORT)
    intent = best("any tasks for MOLISA in here?")
    assert intent.agencies == ("bo-noi-vu",)
    intent = best("need another month on task 6, MOHA still hasn't issued its guidance")
    assert (intent.action, intent.task, str(intent.duration)) == (
        Action.EXTEND,
        TaskRef(None, "6"),
        "1 month",
    )
    intent = best("where are we on inspecting admin reform at the ministry's units?")
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.PROGRESS)


def test_questions_of_round_67() -> None:
    """A chairman's directive asked about in English in November."""
    best = _best_of("chi_thi_thanh_hoa", date(2026, 11, 17))
    text = "has the guidance on digital signatures on mobile devices been done? partner asks"
    intent = best(text)
    assert (intent.task, intent.field) == (TaskRef(None, "1.b"), TaskField.PROGRESS)
    assert best("quick summary of where the directive stands overall?").ask is Ask.PROGRESS
    intent = best("we need 15 more days on item 5, the criteria aren't signed yet. please extend")
    assert (intent.action, str(intent.duration)) == (Action.EXTEND, "15 days")
    intent = best("who's supporting on no. 5?")
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.SUPPORT)
    # ... while tasks that have been done are the done ones.
    assert best("how many tasks have been completed so far?").status is Status.DONE


def test_questions_of_round_68() -> None:
    """A province's plan for procedure control asked about in English in September."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 9, 4))
    intent = best("how many tasks due in Q3 are still not finished")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)
    assert best("what's due in Q3?").status is Status.DUE
    intent = best("how many overdue for DONRE?")
    assert intent.agencies == ("so-nong-nghiep-va-moi-truong",)
    intent = best("who supports the land procedures review")
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.SUPPORT)
    intent = best("what is the construction procedures review meant to deliver in the end")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PRODUCT)
    assert best("any good seafood place in Nha Trang you'd recommend?").ask is Ask.OFF_TOPIC


def test_questions_of_round_69() -> None:
    """A province's table of assignments asked about in English after Tết."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 2, 20))
    intent = best("which departments are supporting the cashless payments rollout at hospitals?")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.SUPPORT)
    intent = best("civil servant database update - how far along is it?")
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef(None, "5"),
        TaskField.PROGRESS,
    )
    intent = best("what's due between now and 31 March and still not done?")
    assert (intent.status, intent.period.end) == (Status.OPEN, date(2026, 3, 31))
    assert best("what's due between now and 31 March?").status is Status.DUE
    intent = best("which of our own department's tasks are in progress at the moment?")
    assert (intent.status, intent.own, intent.agencies) == (Status.IN_PROGRESS, True, ())
    text = (
        "what tasks does the Department of Planning and Investment have? we used to work with them"
    )
    assert best(text).role is None
    assert best("who supports the satisfaction survey?").field is TaskField.SUPPORT
    assert best("happy Lunar New Year to everyone at the department!").ask is Ask.OFF_TOPIC


def test_questions_of_round_70() -> None:
    """A ward's plan asked about in English in December, for a donor's year-end report."""
    best = _best_of("phuong_hoa_khanh", date(2026, 12, 9))
    intent = best("who's in charge of the loudspeaker campaign on admin reform?")
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.LEAD)
    intent = best("how many tasks does the culture & socity office lead?")
    assert (intent.ask, intent.agencies) == (Ask.COUNT, ("phong-van-hoa-xa-hoi",))
    intent = best("pls extend the archive digitisation task by 1 month")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef("II.2", "a"))
    reading = understand(
        "when is item a) due?",
        plan_vocabulary(plan_path("phuong_hoa_khanh")),
        directory=DIRECTORY,
        today=date(2026, 12, 9),
    )
    assert {c.task for c in reading.choices} == {TaskRef("II.1", "a"), TaskRef("II.2", "a")}
    assert best("happy holidays to the whole team!").ask is Ask.OFF_TOPIC
    assert best("any good pho places near the ward office?").ask is Ask.OFF_TOPIC


def test_questions_of_round_71() -> None:
    """A province's task list asked about in English at the end of March, by a partner."""
    best = _best_of("danh_muc_gia_lai", date(2026, 3, 26))
    intent = best("online payment of fees and charges - what's the deadline on that one")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.DUE)
    intent = best(
        "what deliverable is expected from the proposal to reorganise public service units?"
    )
    assert (intent.task, intent.field) == (TaskRef(None, "4", 2), TaskField.PRODUCT)
    assert best("whats due nxt week").period.start == date(2026, 3, 30)
    intent = best("how is section II (the commune-level tasks) progressing overall?")
    assert (intent.section, intent.agencies) == ("II", ())
    text = "Could you pull the general report for the whole plan? we have a quarterly review"
    assert best(text).ask is Ask.REPORT
    intent = best("please log that the satisfaction survey is 60% done")
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "2"))


def test_questions_of_round_72() -> None:
    """A city's plan asked about in English in August, half of it dictated."""
    best = _best_of("thanh_pho_hai_phong", date(2026, 8, 12))
    intent = best("What's #7 supposed to produce?")
    assert (intent.task, intent.field) == (TaskRef(None, "7"), TaskField.PRODUCT)
    text = "when is the digital skills training for commune officials due my director wants to know"
    assert (best(text).task, best(text).agencies) == (TaskRef(None, "6"), ())
    text = "how far along is the one stop shop pilot at commune level the donors keep asking me"
    assert best(text).task == TaskRef(None, "5")
    assert best("Can I see the full details of the inspection plan task pls").task == TaskRef(
        None, "1"
    )
    text = "can you give me the general report on the plan the office wants an update"
    assert best(text).ask is Ask.REPORT


def test_questions_of_round_73() -> None:
    """A directive asked about in English in January, by a newcomer."""
    best = _best_of("chi_thi_quang_tri", date(2026, 1, 9))
    intent = best("What exactly is the output expected under 2(a)?")
    assert (intent.task, intent.field) == (TaskRef(None, "2.a"), TaskField.PRODUCT)
    intent = best("how many tasks are we supporting, as opposed to leading?")
    assert (intent.ask, intent.role, intent.own) == (Ask.COUNT, Role.SUPPORT, True)
    text = "How many open items does So Noi vu have? I still have their old contact list."
    assert best(text).ask is Ask.COUNT


def test_questions_of_round_74() -> None:
    """A province's two-level plan asked about in English in its steering chat, in June."""
    best = _best_of("an_giang_hai_cap", date(2026, 6, 12))
    intent = best("who is in charge of standardising the commune-level admin procedure data?")
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.LEAD)


def test_questions_of_round_75() -> None:
    """A ministry's plan asked about in English by a donor project's adviser, in October."""
    best = _best_of("bo_khcn_2026", date(2026, 10, 29))
    text = "hi, I just joined the donor project team in Vụ TCCB. what can this bot do?"
    assert best(text).ask is Ask.HELP
    text = (
        "Which tasks are already completed? I want to put them under achievements in our "
        "update to the donor."
    )
    assert (best(text).ask, best(text).status) == (Ask.LIST, Status.DONE)
    text = "progress update on nv 7: 5 of 12 units inspected so far, the rest are for November"
    assert (best(text).action, best(text).task) == (Action.REPORT_PROGRESS, TaskRef(None, "7"))
    assert best("any progress update on nv 7?").field is TaskField.PROGRESS
    text = "how far along is ra soat van ban QPPL? it was due end of Q3 and i havent seen anything"
    assert (best(text).task, best(text).field) == (TaskRef(None, "2"), TaskField.PROGRESS)


def test_questions_of_round_76() -> None:
    """A chairman's directive asked about in English as the year closes, some messages
    forwarded from a group with the sender's name first."""
    best = _best_of("chi_thi_thanh_hoa", date(2026, 11, 26))
    intent = best("[08:47] Nguyễn Thị Thu Hằng: is item 5 still due on 15 December?")
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.DUE)
    intent = best("does stp have anything to do in this chi thi?")
    assert (intent.ask, intent.status) == (Ask.LIST, None)
    text = "[17:30] Trần Thị Mai: anyone driving to Sầm Sơn on Saturday? happy to share petrol"
    assert best(text).ask is Ask.OFF_TOPIC
    intent = best("Anh Tuấn (Sở Tài chính), 14:02: how many tasks does Sở KH&CN lead here?")
    assert intent.agencies == ("so-khoa-hoc-va-cong-nghe",)


def test_questions_of_round_77() -> None:
    """A province's plan asked about in English by a consultant naming tasks by topic."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 3, 4))
    text = "who does So Noi vu work with on the 2025 PAR index of the departments and communes?"
    assert (best(text).task, best(text).field) == (TaskRef("I", "3"), TaskField.SUPPORT)
    intent = best("which tasks of VP UBND tinh are being implemented right now?")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.IN_PROGRESS)
    text = (
        "pls send DOST a reminder about upgrading the province's admin procedure information system"
    )
    assert (best(text).action, best(text).task) == (Action.REMIND, TaskRef("V", "1"))
    text = "hello, I'm a consultant supporting Sở Nội vụ on the reform review - what can I ask you?"
    assert best(text).ask is Ask.HELP


def test_questions_of_round_78() -> None:
    """A province's table of assignments asked about in English for a partner NGO in June."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 6, 30))
    intent = best("what is the sản phẩm of task no.4? partner asks what exactly will be measured")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.PRODUCT)
    text = "how far along is nv5, the database update? i think its deadline is today"
    assert best(text).field is TaskField.PROGRESS
    text = "any good place for thắng cố near the provincial square? our guests arrive tomorrow"
    assert best(text).ask is Ask.OFF_TOPIC


def test_questions_of_round_79() -> None:
    """A ward's plan asked about in English by a sister-city volunteer in September."""
    best = _best_of("phuong_hoa_khanh", date(2026, 9, 9))
    text = "is it gonna rain in Da Nang this weekend? we plan to go up Son Tra"
    assert best(text).ask is Ask.OFF_TOPIC


def test_questions_of_round_80() -> None:
    """A ministry's plan asked about in English by a project's adviser in December, some
    dictated: numbers said as words, no apostrophes."""
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 12, 2))
    intent = best("what is the product of task six")
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.PRODUCT)
    intent = best("please extend task one by ten days the draft decision is still out for comments")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef(None, "1"))
    intent = best("which tasks are overdue in quarter four")
    assert intent.period is not None and intent.period.start == date(2026, 10, 1)
    intent = best("send me this weeks digest")
    assert intent.ask is Ask.DIGEST and intent.period is not None
    assert intent.period.start == date(2026, 11, 30)
    text = (
        "how far along is the review of the laws in the ministry's fields? i thought quarter III"
        " was the deadline"
    )
    intent = best(text)
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.PROGRESS)
    text = "is it going to be cold in hanoi this weekend, i only brought summer clothes"
    assert best(text).ask is Ask.OFF_TOPIC
    intent = best(
        "progress on task 5: 9 of 14 units inspected, the report will be drafted after that"
    )
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "5"))


def test_questions_of_round_81() -> None:
    """A province's task list asked about in English in April, some messages taking back a
    slip."""
    best = _best_of("danh_muc_gia_lai", date(2026, 4, 16))
    intent = best(
        "When is II.2, no wait, II.3 due? The communes' report on administrative reform results."
    )
    assert (intent.task, intent.field) == (TaskRef("II", "3"), TaskField.DUE)
    intent = best(
        "please extend 4.2 by one month, no wait, two months. the units are still being merged"
    )
    assert intent.duration == Duration(2, "month")
    intent = best("are there any tasks without a specific due date? pls list them")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.UNDATED)
    assert (
        best("do u know if there's a flight from Pleiku to Da Nang on sunday afternoon?").ask
        is Ask.OFF_TOPIC
    )


def test_questions_of_round_82() -> None:
    """A province's plan for procedure control asked about in English by a researcher in
    July."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 7, 24))
    intent = best(
        "how many tasks are overdue today? our professor wants the number for the seminar"
    )
    assert (intent.ask, intent.status, intent.period) == (Ask.COUNT, Status.OVERDUE, None)
    text = "do you know a good bánh căn place near the provincial office? we have guests tonight"
    assert best(text).ask is Ask.OFF_TOPIC


def test_questions_of_round_83() -> None:
    """A province's appendix plan asked about in English in October, for a year-end review."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 10, 5))
    intent = best("between now and end of year, how many tasks still have to be delivered?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DUE)


def test_questions_of_round_84() -> None:
    """An appendix plan asked about in English in late August, typed as on a phone."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 8, 28))
    intent = best("which tasks in the to chuc bo may section are overdue? thx 🙏")
    assert (intent.ask, intent.section, intent.status, intent.period) == (
        Ask.LIST,
        "III",
        Status.OVERDUE,
        None,
    )
    assert best("anything overdue from may? 🙂").period == Period(
        PeriodKind.MONTH, date(2026, 5, 1), date(2026, 5, 31)
    )


def test_questions_of_round_85() -> None:
    """A chairman's directive asked about in English before Tết."""
    best = _best_of("chi_thi_thanh_hoa", date(2026, 1, 29))
    intent = best("who works together with the lead on item 3?")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.SUPPORT)
    assert best("happy early tet and thanks for all your support this year 🙏").ask is (
        Ask.OFF_TOPIC
    )
    intent = best("between now and tet, what still has to be done?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 29), date(2026, 2, 16))


def test_questions_of_round_86() -> None:
    """A ministry's plan asked about in English in May, checking what the asker believes."""
    best = _best_of("bo_khcn_2026", date(2026, 5, 15))
    assert best("where can i get a sim card around here? 🙏").ask is Ask.OFF_TOPIC


def test_questions_of_round_87() -> None:
    """A province's plan asked about in English in early March, days named by the weekday."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 3, 10))
    intent = best("is anything due next tuesday? 🙂")
    assert intent.period == Period(PeriodKind.DAY, date(2026, 3, 17), date(2026, 3, 17))
    assert best("thanks, talk again soon").ask is Ask.OFF_TOPIC


def test_questions_of_round_88() -> None:
    """A province's task list asked about in English at the year's end, agencies ranked."""
    best = _best_of("danh_muc_gia_lai", date(2026, 12, 10))
    intent = best("which department is most behind?")
    assert (intent.ask, intent.status, intent.agencies) == (Ask.LIST, Status.OVERDUE, ())
    intent = best("looking back over 2026, how many tasks have been completed?")
    assert intent.period == Period(PeriodKind.YEAR, date(2026, 1, 1), date(2026, 12, 31))
    intent = best("the service quality task was due in Q2 - did they ever finish it?")
    assert intent.field is TaskField.PROGRESS
    intent = best("pls make the bao cao nam 2026 for this plan, we attach it to our annual report")
    assert (intent.ask, intent.action) == (Ask.REPORT, None)


def test_questions_of_round_89() -> None:
    """A province's assignment table asked about in English in September, people named."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 9, 10))
    intent = best("Ms Mai asked me this morning - how many tasks are overdue now?")
    assert (intent.ask, intent.period) == (Ask.COUNT, None)
    intent = best("back from the 2/9 holiday, anything due soon?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 9, 10), date(2026, 9, 17))


def test_questions_of_round_90() -> None:
    """A ward's plan asked about in English in June, for shares and rates."""
    best = _best_of("phuong_hoa_khanh", date(2026, 6, 24))
    intent = best("what percentage of the plan is done so far?")
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    assert best("btw whats the inflation rate in VN this year?").ask is Ask.OFF_TOPIC


def test_questions_of_round_91() -> None:
    """A province's appendix plan asked about in English right after a quarter closed."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 4, 9))
    assert best("do u know where i can change USD near the market?").ask is Ask.OFF_TOPIC


def test_questions_of_round_92() -> None:
    """A province's two-level plan asked about in English in November, short of time."""
    best = _best_of("an_giang_hai_cap", date(2026, 11, 4))
    intent = best("overdue tasks rn? just the number pls")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)


def test_questions_of_round_93() -> None:
    """Procedure control asked about in English in August, several offices at a time."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 8, 13))
    intent = best("how many tasks r qua han as of today? I need the number for the donor update")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)
    intent = best("anything sap den han? want to give the team a heads-up")
    assert (intent.ask, intent.role) == (Ask.LIST, None)
    text = (
        "which tasks do the provincial office and the Department of Agriculture and"
        " Environment chu tri?"
    )
    assert "van-phong-ubnd-tinh" in best(text).agencies
    text = (
        "hello, I work for the partner project on one-stop shops."
        " what kinds of questions can u answer?"
    )
    assert best(text).ask is Ask.HELP


def test_questions_of_round_94() -> None:
    """A city's plan asked about in English as the third quarter closes, mostly to act."""
    best = _best_of("thanh_pho_hai_phong", date(2026, 9, 25))
    intent = best("can task 7 get 10 more days? the security report is waiting for the scan")
    assert (intent.action, intent.task, intent.duration) == (
        Action.EXTEND,
        TaskRef(None, "7"),
        Duration(10, "day"),
    )
    intent = best("log 70% on nv 4 pls, the invitations to the businesses went out on Monday")
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "4"))
    intent = best("is the storm going to hit Hai Phong this weekend? our field visit might be off")
    assert intent.ask is Ask.OFF_TOPIC
    intent = best(
        "does So KH&DT have any nv in this plan? our old contact there still signs as So KH&DT"
    )
    assert (intent.ask, intent.status) == (Ask.LIST, None)
    intent = best(
        "how many tasks are qua han as of today? need the number for the partner's update"
    )
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)


def test_questions_of_round_95() -> None:
    """A province's appendix plan asked about in English in October, tasks cited by place."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 10, 16))
    intent = best("pls nhac VP UBND tinh on the first row of II.1, it was due at the end of June")
    assert (intent.action, intent.task) == (Action.REMIND, TaskRef("II", "1", 1))
    assert best("who is chu tri of the first task under section I?").task == TaskRef("I", "1")
    intent = best("btw is the road to Ky Son open again after the floods? our team drives up")
    assert intent.ask is Ask.OFF_TOPIC
    intent = best("what does stp still have to finish before 31/12?")
    assert intent.status is Status.DUE
    intent = best("how many nv are qua han as of today? need the number for my back-to-office note")
    assert (intent.ask, intent.own) == (Ask.COUNT, False)


@pytest.mark.skipif(plan_path("000") is None, reason="the seed plans are not here")
def test_questions_of_round_96() -> None:
    """A province's 2024 plan asked about in English on a plain day in December."""
    best = _best_of("000", date(2024, 12, 4))
    text = "Hello, I'm new at the partner office supporting the PAR programme. What can I ask?"
    assert best(text).ask is Ask.HELP


def test_questions_of_round_98() -> None:
    """A directive asked about in English in November, windows named as officials do."""
    best = _best_of("chi_thi_quang_tri", date(2026, 11, 12))
    start, end = date(2026, 12, 1), date(2026, 12, 10)
    intent = best("What falls due in the first ten days of December?")
    assert intent.period == Period(PeriodKind.RANGE, start, end)
    text = "can u export to excel everything due from now to the end of the year? for our workplan"
    assert (best(text).ask, best(text).own) == (Ask.EXPORT, False)
    text = "is the Hien Luong bridge worth a visit on the way to the north of the province?"
    assert best(text).ask is Ask.OFF_TOPIC


@pytest.mark.skipif(plan_path("001") is None, reason="the seed plans are not here")
def test_questions_of_round_99() -> None:
    """A province's prose plan asked about in English in early March."""
    best = _best_of("001", date(2018, 3, 7))
    intent = best("pls send a reminde to vp ubnd tinh abt 3a4, the periodic inspections")
    assert (intent.action, intent.task) == (Action.REMIND, TaskRef("II.3", "a.4"))
    intent = best("where r we on 8.b.2 (biz registration thru the national portal)?")
    assert (intent.task, intent.field) == (TaskRef("II.8", "b.2"), TaskField.PROGRESS)
    intent = best("wich tasks with q1 deadlines are still not done? need to chase them")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OPEN)
    intent = best("whats coming due soon on our side?")
    assert (intent.status, intent.own) == (Status.DUE, True)
    # A district named in English order, its level after its place.
    intent = best("tay tra district - which tasks are theirs?")
    assert (intent.ask, intent.agencies) == (Ask.LIST, ("ubnd-huyen-tay-tra",))


@pytest.mark.skipif(plan_path("002") is None, reason="the seed plans are not here")
def test_questions_of_round_100() -> None:
    """A city's prose plan asked about in English in mid-May."""
    best = _best_of("002", date(2024, 5, 15))
    text = "need an overall progress report on the whole cchc plan for the steering committee mtg"
    assert best(text).ask is Ask.REPORT
    assert best("overall progress of the plan pls").ask is Ask.PROGRESS


def test_questions_of_round_102() -> None:
    """A province's 2026 plan asked about in English in early December, for the leaders."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 12, 2))
    intent = best("how many tasks had dealines in quý III and still arent done")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)
    assert best("which tasks dont have any deadline at all?").status is Status.UNDATED
    assert best("whats due in Q4/2026?").status is Status.DUE
    intent = best("vice chair wants a list of everything due this yr thats still not done, pls")
    year = Period(PeriodKind.YEAR, date(2026, 1, 1), date(2026, 12, 31))
    assert (intent.ask, intent.status, intent.period) == (Ask.LIST, Status.OPEN, year)
    intent = best("boss says chase the late ones now. which tasks are overdue and who owns them")
    assert (intent.ask, intent.status, intent.role) == (Ask.LIST, Status.OVERDUE, None)
    intent = best("chair asks how far along the so hoa ho so tthc task is, can u check")
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PROGRESS)
    intent = best("giám đốc asked how section IV is going, the tổ chức bộ máy part")
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "IV")
    intent = best("what still needs finishing between now and 31/12? trying to plan the last wks")
    assert intent.status is Status.DUE


def test_questions_of_round_103() -> None:
    """A province's two-level plan asked about in English in mid-August."""
    best = _best_of("an_giang_hai_cap", date(2026, 8, 12))
    intent = best("pls remind công an xã about nv II.2, the security at the service centres")
    assert (intent.task, intent.agencies) == (TaskRef("II", "2"), ("cong-an-cap-xa",))
    intent = best("list everything ubnd cấp xã still hasnt finished")
    assert intent.status is Status.OPEN
    assert best("what has to be wrapped up before 15/11?").status is Status.DUE
    assert best("anyone know if the canteen is open today lol").ask is Ask.OFF_TOPIC
    intent = best("who's chủ trì on nv I.3 again? need to chase them")
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.LEAD)


def test_questions_of_round_104() -> None:
    """A ministry's plan asked about in English in late November, counting down."""
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 11, 25))
    intent = best("pls show me everything on the hộ tịch điện tử system task")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.CARD)
    friday = Period(PeriodKind.RANGE, date(2026, 11, 25), date(2026, 11, 27))
    assert best("anything due by fri? need to know before the briefing").period == friday
    intent = best("so tu phap asked what they need to have done by end of next wk, pls list")
    sunday = Period(PeriodKind.RANGE, date(2026, 11, 25), date(2026, 12, 6))
    assert (intent.status, intent.period) == (Status.DUE, sunday)
    assert best("did vn win last nite? missed the 2nd half").ask is Ask.OFF_TOPIC
    intent = best("They lost time over the long holiday. Can task 7 get another 15 days?")
    assert intent.action is Action.EXTEND


def test_questions_of_round_105() -> None:
    """A directive asked about in English on a plain day before Tết."""
    best = _best_of("chi_thi_quang_tri", date(2026, 2, 4))
    intent = best("update on 2a: surprise inspection plan drafted, approx 15% done")
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "2.a"))
    intent = best("how far along is 1a, the quán triệt chỉ thị one? deadline was end of jan")
    assert (intent.task, intent.field) == (TaskRef(None, "1.a"), TaskField.PROGRESS)


def test_questions_of_round_106() -> None:
    """A province's plan for procedure control asked about in English in mid-October."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 10, 14))
    intent = best("list all tasks not finished yet pls, need it for the briefing tmr")
    assert (intent.status, intent.period) == (Status.OPEN, None)


def test_questions_of_rounds_107_to_109() -> None:
    """A city's plan, a province's list and a department's tasks asked about in English."""
    best = _best_of("thanh_pho_hai_phong", date(2026, 7, 8))
    intent = best("pls list all overdue tasks, need it for the leadership meeting tmrw")
    assert (intent.ask, intent.status, intent.task) == (Ask.LIST, Status.OVERDUE, None)
    intent = best("whats coming due soon? want to send out reminders")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.DUE)
    intent = best("how is the home affairs dept (so noi vu) doing overall on its cchc tasks")
    assert (intent.ask, intent.agencies, intent.task) == (Ask.PROGRESS, ("so-noi-vu",), None)
    best = _best_of("danh_muc_gia_lai", date(2026, 3, 25))
    intent = best("how is the dept of finance doing on its tasks")
    assert (intent.ask, intent.action) == (Ask.PROGRESS, None)
    intent = best("how's muc II going overall? the commune-level tasks")
    assert (intent.section, intent.agencies) == ("II", ())
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 5, 6))
    intent = best("how far along is the cbccvc database update (task 5)")
    assert (intent.task, intent.field, intent.action) == (
        TaskRef(None, "5"),
        TaskField.PROGRESS,
        None,
    )
    intent = best("how r we doing overall? need to brief the giam doc tmrw")
    assert (intent.ask, intent.own) == (Ask.PROGRESS, True)
    assert best("anyone going for pho after work today?").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_110_to_115() -> None:
    """The sample plan asked about in English in September and April; a province's plan
    for procedure control in December."""
    best = _best_of("sample", date(2026, 9, 9))
    intent = best(
        "what exactly has to be delivered for the one-stop digitisation task (so hoa ho so)"
    )
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PRODUCT)
    intent = best("what has to be delivered this week")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    intent = best("how is the dept of science & tech doing on its tasks in general")
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("so-khoa-hoc-va-cong-nghe",))
    assert best("whats the score of the vietnam match last nite, missed it").ask is Ask.OFF_TOPIC
    intent = best("hows the kiem tra going?")
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.PROGRESS)
    intent = best("hows the cai cach the che part going overall")
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "II")
    assert best("anyone going for cơm tấm at lunch?").ask is Ask.OFF_TOPIC
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 12, 2))
    intent = best("what tasks had to be done by 30/6? cross-checking the mid-year report")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 6, 30))
    best = _best_of("sample", date(2026, 4, 8))
    intent = best(
        "can u pull together a report on the overall progress of the whole plan? for my boss"
    )
    assert intent.ask is Ask.REPORT
    assert best("still cant get over the u23 final in january, anyone got a replay link").ask is (
        Ask.OFF_TOPIC
    )


def test_questions_of_rounds_116_and_117() -> None:
    """A province's two-level plan asked about in English in August; a province's appendix
    plan before Tết."""
    vocabulary = plan_vocabulary(plan_path("an_giang_hai_cap"))
    reading = understand(
        "how are the communes doing overall?",
        vocabulary,
        directory=DIRECTORY,
        today=date(2026, 8, 28),
    )
    assert reading.ask_back
    assert {(c.agencies, c.section) for c in reading.choices} == {
        (("ubnd-cap-xa",), None),
        ((), "II"),
    }
    reading = understand(
        "has the guidance been issued yet?",
        vocabulary,
        directory=DIRECTORY,
        today=date(2026, 8, 28),
    )
    assert {c.task for c in reading.choices} == {TaskRef("I", "1"), TaskRef("I", "3")}
    best = _best_of("tinh_dong_thap_2026", date(2026, 2, 6))
    intent = best("how many tasks fall due in quý I")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DUE)
    assert intent.period == Period(PeriodKind.QUARTER, date(2026, 1, 1), date(2026, 3, 31))
    intent = best("can u send the digest for this week before i log off")
    assert (intent.ask, intent.action) == (Ask.DIGEST, None)


def test_questions_of_round_118() -> None:
    """A chairman's directive asked about in English in November."""
    best = _best_of("chi_thi_thanh_hoa", date(2026, 11, 13))
    intent = best("quick one - which department runs the provincial data sharing platform task?")
    assert (intent.task, intent.field) == (TaskRef(None, "1.a"), TaskField.LEAD)
    intent = best("the annual report needs the number - how many items are past their deadline?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)
    assert best("which q2 tasks never got finished?").status is Status.OPEN
    assert best("anyone know if 20/11 is a day off this year? teachers' day").ask is Ask.OFF_TOPIC
    intent = best("list the items under point 2 pls")
    assert (intent.ask, intent.section, intent.task) == (Ask.LIST, "2", None)
    text = "how is the Office of the Provincial People's Committee getting on with its part of it?"
    intent = best(text)
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("van-phong-ubnd-tinh",))
    intent = best("anything coming due soon? want to chase people before the deadline, not after")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)
    intent = best("can task 3 get one more month?")
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))


def test_questions_of_round_119() -> None:
    """Seed 003 asked about in English in late May."""
    if plan_path("003") is None:
        pytest.skip("the seed plans are not here")
    best = _best_of("003", date(2025, 5, 23))
    intent = best("could you draft the six-month report for us? the province wants it in June")
    assert (intent.ask, intent.own) == (Ask.REPORT, False)
    intent = best("which of the tasks on our own plate have no date set?")
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.UNDATED, True)


def test_questions_of_rounds_120_and_121() -> None:
    """A province's task list after the nine-month report, and a directive in March, in
    English."""
    best = _best_of("danh_muc_gia_lai", date(2026, 10, 7))
    intent = best("what's overdue right now? i'm doing the donor update tonight")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.OVERDUE)
    intent = best("vp ubnd tinh says task 1 is finished, pls close it out")
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef(None, "1"))
    assert best("which of the commune tasks hv been completed?").status is Status.DONE
    text = "is so ke hoach dau tu in this plan at all? the old notes still use that name"
    assert best(text).status is None
    # Round 121: a directive as the first quarter closes.
    best = _best_of("chi_thi_quang_tri", date(2026, 3, 20))
    intent = best("which points come without any due date?")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.UNDATED)


def test_questions_of_rounds_122_and_123() -> None:
    """A ministry's plan in late June and a province's table in December, in English."""
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 6, 25))
    intent = best("can u extend nv3 by another month? they need more time")
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))
    text = "is anyone going to the farewell lunch tmrw? need to tell the restaurant"
    assert best(text).ask is Ask.OFF_TOPIC
    assert best("whats teh output of task 6?").field is TaskField.PRODUCT
    intent = best("which tasks are due in Q3? planning the follow-up calls")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.DUE)
    intent = best("how's vu PL DSKT doing?")
    assert intent.agencies == ("unverified-vu-phap-luat-dan-su-kinh-te",)
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 12, 2))
    intent = best("for the review deck: how many tasks have been completed this year?")
    assert (intent.ask, intent.status, intent.period.label) == (Ask.COUNT, Status.DONE, "năm 2026")
    assert best("q3 - how many tasks fell due but didnt get done?").status is Status.OPEN
    assert best("any tasks w no deadline?").status is Status.UNDATED
    assert best("what else can u do?").ask is Ask.HELP


def test_questions_of_rounds_124_and_125() -> None:
    """A province's plan in mid-August and in late February, in English."""
    best = _best_of("an_giang_hai_cap", date(2026, 8, 19))
    text = (
        "Putting together the brief for the review mission in Sept. Can u list evrything"
        " that's qua han as of today?"
    )
    intent = best(text)
    assert (intent.ask, intent.status, intent.period) == (Ask.LIST, Status.OVERDUE, None)
    text = "how many nv does VP UBND tinh still have chua xong? they carry most of the TTHC tasks"
    intent = best(text)
    assert (intent.ask, intent.agencies, intent.section) == (
        Ask.COUNT,
        ("van-phong-ubnd-tinh",),
        None,
    )
    intent = best("nv I.1, the huong dan for the communes - was it ever approved?")
    assert (intent.task, intent.field) == (TaskRef("I", "1"), TaskField.PROGRESS)
    intent = best("how far along is I.3? our consultant asked me if it was ever approved")
    assert (intent.task, intent.field) == (TaskRef("I", "3"), TaskField.PROGRESS)
    intent = best("what is II 3 supposed to deliver?")
    assert (intent.task, intent.field) == (TaskRef("II", "3"), TaskField.PRODUCT)
    text = "does anyone know if the 2/9 holiday is 2 days or 4 this year? trying to book a trip"
    assert best(text).ask is Ask.OFF_TOPIC
    best = _best_of("an_giang_hai_cap", date(2026, 2, 24))
    intent = best("what do we have to get done in Q1? trying to map out march")
    assert (intent.status, intent.own, intent.period.label) == (Status.DUE, True, "quý I/2026")
    assert best("which tasks dont have a set deadline at all").status is Status.UNDATED
    intent = best("january's done - which tasks had a jan deadline n still arent finished?")
    assert (intent.status, intent.period.label) == (Status.OPEN, "tháng 1/2026")
    intent = best("what does VP UBND tinh have to wrap up before 31/3?")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.DUE)


def test_a_phrase_said_each_way_its_groups_offer() -> None:
    assert alternatives("(don t|do not) have (a|) deadline") == [
        "don t have a deadline",
        "don t have deadline",
        "do not have a deadline",
        "do not have deadline",
    ]
    assert alternatives("no groups") == ["no groups"]


def test_questions_of_rounds_126_and_127() -> None:
    """A province's procedure control in May and an appendix plan in November, in English."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 5, 8))
    assert best("happy friday all! any plans for the weekend?").ask is Ask.OFF_TOPIC
    intent = best("what are the communes (ubnd xa, phuong) expected to do under this plan?")
    assert (intent.ask, intent.agencies, intent.status) == (Ask.LIST, ("ubnd-cap-xa",), None)
    reading = understand(
        "who leads the one due 30/9?",
        plan_vocabulary(plan_path("khanh_hoa_kiem_soat")),
        directory=DIRECTORY,
        today=date(2026, 5, 8),
    )
    assert reading.ask_back
    assert {c.field for c in reading.choices} == {TaskField.LEAD}
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 11, 24))
    text = "for the donor review i need every task that's been hoan thanh so far, can u list them?"
    assert best(text).status is Status.DONE
    text = "how many nv are in the 390 plan altogether? the donor template asks for the total"
    intent = best(text)
    assert (intent.ask, intent.task) == (Ask.COUNT, None)
    text = "need a bc tong hop on the whole of 2026 for the donor's annual review, can u make one?"
    intent = best(text)
    assert (intent.ask, intent.period.label) == (Ask.REPORT, "năm 2026")
    text = "xuat excel pls, all tasks with lead, deadline and status - ill annex it to the review"
    intent = best(text)
    assert (intent.ask, intent.status, intent.period) == (Ask.EXPORT, None, None)


def test_questions_of_rounds_128_and_129() -> None:
    """A plan mapped in January and a mid-year note in June, in English."""
    best = _best_of("sample", date(2026, 6, 23))
    assert best("could you list the items w/o a fixed date?").status is Status.UNDATED
    intent = best("how many have actually been finished this year?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DONE)
    intent = best("full details on I.1 please, the output-based one")
    assert (intent.task, intent.field) == (TaskRef("I", "1"), TaskField.CARD)
    assert best("ok and what else can the bot do?").ask is Ask.HELP
    assert best("what exactly can we ask the bot?").ask is Ask.HELP
    assert best("so what sort of stuff can u help us with?").ask is Ask.HELP
    assert best("is the cafeteria open this afternoon?").ask is Ask.OFF_TOPIC
    intent = best("anything overdue that we should chase?")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.OVERDUE)


def test_questions_of_rounds_132_and_133() -> None:
    """A third-quarter review and a year's summary, for a partner, in English."""
    best = _best_of("sample", date(2026, 9, 9))
    intent = best("getting the Q3 review deck ready for our partner. whats still overdue?")
    assert (intent.ask, intent.status, intent.period, intent.own) == (
        Ask.LIST,
        Status.OVERDUE,
        None,
        False,
    )
    intent = best("which tasks has So Tu phap ticked off as done so far")
    assert (intent.status, intent.agencies) == (Status.DONE, ("so-tu-phap",))
    assert best("is the canteen still closed after the holiday?").ask is Ask.OFF_TOPIC
    intent = best("IV.1 - where's it at?")
    assert (intent.task, intent.field) == (TaskRef("IV", "1"), TaskField.PROGRESS)
    intent = best("anything still open with So Tu phap? working off an old contact sheet")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OPEN)
    intent = best("which tasks under 12/KH-UBND are overdue?")
    assert (intent.status, intent.agencies) == (Status.OVERDUE, ())
    intent = best("the satisfaction survey - who helps out on that one")
    assert (intent.task, intent.field) == (TaskRef("III", "3"), TaskField.SUPPORT)


def test_questions_of_rounds_134_and_135() -> None:
    """A directive's mid-term check in May and a six-month review in August, in English."""
    best = _best_of("sample", date(2026, 8, 11))
    intent = best("what's still open on our side? the partner wants to see what we still owe")
    assert (intent.status, intent.own) == (Status.OPEN, True)
    intent = best("pls close I.1 as done, the plan was approved in january")
    assert (intent.ask, intent.action, intent.task) == (
        Ask.ACTION,
        Action.COMPLETE,
        TaskRef("I", "1"),
    )
    assert best("the canteen is closed today, anyone want to order lunch?").ask is Ask.OFF_TOPIC
    intent = best("is there a supporting agency on II.1, or is it stp alone?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    intent = best("need an overall report for the partner's mid-term review next week")
    assert (intent.ask, intent.period) == (Ask.REPORT, None)
    intent = best("anything due soon that i should chase before thursday?")
    assert (intent.status, intent.period.label) == (Status.DUE, "11/08/2026–18/08/2026")
    intent = best("pls draft a six-month progress report, they want it by friday")
    assert (intent.ask, intent.period.label) == (Ask.REPORT, "6 tháng đầu năm 2026")


def test_questions_of_rounds_136_and_137() -> None:
    """A first quarter mapped in March and a nine-month note in September, in English."""
    best = _best_of("sample", date(2026, 9, 22))
    intent = best("export the overdue tasks to excel pls, I'll attach it as an annex")
    assert (intent.ask, intent.status, intent.action) == (Ask.EXPORT, Status.OVERDUE, None)
    assert best("anyone got a spare usb-c charger? mine just died").ask is Ask.OFF_TOPIC
    assert best("happy mid-autumn everyone! any plans for the kids?").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_138_and_139() -> None:
    """A ward's mid-year note in June and a year's summary in December, in English."""
    best = _best_of("sample", date(2026, 12, 10))
    assert best("the aircon in the office is broken again, so hot in here").ask is Ask.OFF_TOPIC
    assert best("so what kinds of things can u actually do?").ask is Ask.HELP


def test_questions_of_rounds_140_and_141() -> None:
    """A partner's year planned in February and an annual review in October, in English."""
    best = _best_of("sample", date(2026, 2, 14))
    assert best("happy valentine's day! anyone getting flowers today?").ask is Ask.OFF_TOPIC
    text = "what can this bot do, for example remind the departments or export a report?"
    assert best(text).ask is Ask.HELP
    intent = best("Hi! drafting our 2026 support workplan. which nv have a deadline in Q1?")
    assert (intent.status, intent.role, intent.period.label) == (Status.DUE, None, "quý I/2026")
    intent = best("pls don doc So Tu phap on II.1, we havent seen a draft")
    assert (intent.ask, intent.action) == (Ask.ACTION, Action.REMIND)
    assert best("remind me what this bot can actually do? havent used it since summer").ask is (
        Ask.HELP
    )
    text = (
        "can u generate a summary report of where the plan stands? for the review meeting next week"
    )
    intent = best(text)
    assert (intent.ask, intent.period) == (Ask.REPORT, None)
    best = _best_of("tinh_dong_thap_2026", date(2026, 10, 28))
    intent = best("show me the whole card for the so hoa ho so task pls")
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.CARD)


def test_questions_of_rounds_142_and_143() -> None:
    """A first quarter reviewed in April and a half-year note in July, in English."""
    best = _best_of("sample", date(2026, 4, 8))
    assert best("hi - what kind of stuff can i ask u?").ask is Ask.HELP
    text = "do we get mon 27/4 off since Gio To falls on a sunday this yr?"
    assert best(text).ask is Ask.OFF_TOPIC


def test_questions_of_rounds_144_and_145() -> None:
    """A directive's year in November and a year's assignments mapped in January, in English."""
    best = _best_of("sample", date(2026, 11, 18))
    assert best("the open-ended ones w/o any deadline, which are they again").status is (
        Status.UNDATED
    )
    intent = best("the partner's org chart is from 2024 and still shows So Nội vụ - any tasks?")
    assert (intent.agencies, intent.status) == (("so-noi-vu",), None)
    intent = best("II.1 done: the upgrade went live in october. close it pls")
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("II", "1"))
    assert best("can u write up a short progress report on the plan overall?").ask is Ask.REPORT
    intent = best("xuat excel pls - all the tasks with their status and deadlines")
    assert (intent.ask, intent.status, intent.period) == (Ask.EXPORT, None, None)
    intent = best("what does pt II.1 produce at the end - just a report?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.PRODUCT)


def test_questions_of_rounds_146_and_147() -> None:
    """The communes' one-stop shops in May and a list's progress in August, in English."""
    best = _best_of("an_giang_hai_cap", date(2026, 5, 20))
    intent = best("I.1 can be closed - the cong van huong dan went out on 12/2. set it to done pls")
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("I", "1"))
    assert best("has anything been marked complete yet? partner asked me").status is Status.DONE
    intent = best("what does the huong dan giai quyet tthc task actually deliver?")
    assert intent.field is TaskField.PRODUCT
    intent = best(
        "can i get the whole plan as an excel file w/ deadlines and leads? for a briefing"
    )
    assert (intent.ask, intent.status, intent.period, intent.role) == (Ask.EXPORT, None, None, None)
    intent = best("pls send a remider to ubnd cac xa phuong dac khu on 2.1, it was due in march")
    assert (intent.action, intent.agencies) == (Action.REMIND, ("ubnd-cap-xa",))
    best = _best_of("danh_muc_gia_lai", date(2026, 8, 19))
    intent = best("what's due between now and 30/9? the partner meets us early october")
    assert (intent.status, intent.own) == (Status.DUE, False)
    assert best("is 4.2 due 01/01/2027 or end of dec?").field is TaskField.DUE


def test_questions_of_rounds_148_and_149() -> None:
    """A province's plan in March and the sample plan at the year's end, in English."""
    best = _best_of("sample", date(2026, 12, 21))
    assert best("wifi at the So is down again lol, typing this from my phone").ask is (
        Ask.OFF_TOPIC
    )
    assert best("traffic on the bridge was horrible this morning lol, anyone else late?").ask is (
        Ask.OFF_TOPIC
    )
    intent = best("any of our own tasks overdue rn? the director asked me this morning")
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.OVERDUE, True)
    assert best("besides deadlines, what else can u help me with?").ask is Ask.HELP
    text = "could u put together a bao cao on progress of the whole plan? before we meet the PCT"
    assert best(text).ask is Ask.REPORT
    intent = best("hw many tasks have been completed so far?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DONE)
    intent = best("my old contact sheet still lists So TT&TT - what do they have left?")
    assert intent.status is Status.OPEN
    intent = best("who's leading the ra soat, he thong hoa VBQPPL task? need the name of the dept")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.LEAD)


def test_questions_of_rounds_150_and_151() -> None:
    """A directive's digital tasks in June and a ministry's nine months, in English."""
    directive = plan_vocabulary(plan_path("chi_thi_thanh_hoa"))

    def reading(text: str) -> Reading:
        return understand(text, directive, directory=DIRECTORY, today=date(2026, 6, 10))

    assert reading("the digitisation task - who is in charge of it?").ask_back
    assert reading("how far is the evaluation one?").ask_back
    best = _best_of("chi_thi_thanh_hoa", date(2026, 6, 10))
    assert best("quick q, what kind of stuff can this bot actually do for me?").ask is Ask.HELP
    assert best("anyone else's AC dead? it's 37 degrees in here today").ask is Ask.OFF_TOPIC
    intent = best("how many points in the chi thi have no deadine set at all?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.UNDATED)
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 9, 22))
    text = "Before I start, could you tell me what kinds of things you can help me with?"
    assert best(text).ask is Ask.HELP
    text = "which tasks have no real deadline, just 'theo huong dan' of someone?"
    assert best(text).status is Status.UNDATED


def test_questions_of_rounds_152_and_153() -> None:
    """A city's first quarter in April and procedure control in November, in English."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 11, 4))
    intent = best("bn nv hav been completed so far?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DONE)
    assert best("which quy III deadlines got missed?").status is Status.OVERDUE
    text = (
        "is the office doing anything for 20/11 this year? last year we all chipped in for flowers"
    )
    assert best(text).ask is Ask.OFF_TOPIC
    assert best("besides listing tasks, what else can u help me with?").ask is Ask.HELP
    intent = best("anything due soon that i should flag to the departments?")
    assert (intent.status, intent.agencies) == (Status.DUE, ())
    best = _best_of("thanh_pho_hai_phong", date(2026, 4, 22))
    text = "my old contact was at so thong tin va truyen thong, does that dept still have anything?"
    assert best(text).status is None
    text = "are any of our own tasks overdue? rather know before i go chasing the other depts"
    assert (best(text).own, best(text).agencies) == (True, ())


def test_questions_of_rounds_154_and_155() -> None:
    """Replies to the bot's reminders and digests, in English."""
    best = _best_of("sample", date(2026, 6, 24))
    intent = best("got your reminder about III.2 - who is leading that one?")
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef("III", "2"),
        TaskField.LEAD,
    )
    intent = best("digest says STP has overdue items, which ones exactly?")
    assert (intent.ask, intent.agencies, intent.status) == (
        Ask.LIST,
        ("so-tu-phap",),
        Status.OVERDUE,
    )
    intent = best("the digest lists something due 30/11 - who leads it?")
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.LEAD)


def test_questions_of_rounds_156_and_157() -> None:
    """A body in the plan at all, and the New Year break as a window's end, in English."""
    best = _best_of("an_giang_hai_cap", date(2026, 11, 27))
    intent = best("is So Y te in this plan at all? their director asked me this morning")
    assert (intent.ask, intent.agencies) == (Ask.LIST, ("so-y-te",))
    intent = best("what's still due between now and the New Year break?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 11, 27), date(2026, 12, 31))


def test_questions_of_rounds_158_and_159() -> None:
    """Terse messages and the newcomer's words, in English."""
    best = _best_of("sample", date(2026, 9, 8))
    assert best("what can this bot do? is there a list of commands?").ask is Ask.HELP
    intent = best("can u draft where our own tasks stand? it goes into a memo for the director")
    assert (intent.ask, intent.own) == (Ask.PROGRESS, True)
    intent = best("where does the whole plan stand for the first 9 months of the year?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 1, 1), date(2026, 9, 30))
    assert best("III.1: what exactly do they have to publish").field is TaskField.PRODUCT
    assert best("running late for the 9am, start w/o me").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_160_and_161() -> None:
    """Numbers and letters as a phone dictates them, and slips taken back, in English."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 12, 3))
    assert best("pull up the whole card for three point two").task == TaskRef("III", "2")
    intent = best("extend two point two point two by a month, the communes are slow")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef("II", "2", 2))
    assert best("progress on task two two two").task == TaskRef("II", "2", 2)
    assert best("remind v p u b n d about task II.1").agencies == ("van-phong-ubnd-tinh",)
    assert best("what's been done so far in this plan").status is Status.DONE
    intent = best("what does the department of info and communications have to do")
    assert intent.agencies == ("so-khoa-hoc-va-cong-nghe",)
    assert best("anyone up for badminton after work?").ask is Ask.OFF_TOPIC
    intent = best("how far along is II.2.2? actually pls send me the whole card")
    assert intent.field is TaskField.CARD
    intent = best("export the overdue ones to excel.. actually the whole plan")
    assert (intent.ask, intent.status) == (Ask.EXPORT, None)
    assert best("extend II.2.2 by 15 days, no, make it one month").duration == Duration(1, "month")
    intent = best("how many overdue for So Tu phap.. sorry, I meant for us")
    assert (intent.agencies, intent.own) == ((), True)
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 4, 14))
    assert best("who leads task twelve").field is TaskField.LEAD
    assert best("who leads task twelve").task == best("ai chủ trì nhiệm vụ 12").task


def test_questions_of_rounds_162_and_163() -> None:
    """Vietnamese words in English, a meeting tomorrow morning, a task by its deadline."""
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 5, 19))
    assert best("which tasks dont have a fixed han").status is Status.UNDATED
    assert best("what kind of questions does this bot understand").ask is Ask.HELP
    text = "Director wants a quick picture for tmr morning's meeting. how is the whole plan going?"
    assert (best(text).ask, best(text).period) == (Ask.PROGRESS, None)
    vocabulary, day = plan_vocabulary(plan_path("bo_tu_phap_quyet_dinh")), date(2026, 5, 19)
    english = understand(
        "who leads the one with the deadline 30/6?", vocabulary, directory=DIRECTORY, today=day
    )
    vietnamese = understand("ai chủ trì việc hạn 30/6", vocabulary, directory=DIRECTORY, today=day)
    assert english.ask_back and len(english.choices) == 2
    assert [i.task for i in english.choices] == [i.task for i in vietnamese.choices]


def test_questions_of_rounds_164_and_165() -> None:
    """States said by negation, the coming week, two bodies at once, a day off."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 9, 16))
    assert best("which ones are not overdue but not finished either?").status is Status.IN_PROGRESS
    assert best("export to excel, only the tasks that aren't completed").status is Status.OPEN
    intent = best("what's due in the coming week")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 9, 16), date(2026, 9, 23))
    intent = best("can u export the Health and Education tasks to excel")
    assert set(intent.agencies) == {"so-giao-duc-va-dao-tao", "so-y-te"}
    text = "does anyone know if we get the afternoon off for Trung thu on the 25th?"
    assert best(text).ask is Ask.OFF_TOPIC
    intent = best("Q3 items not finished yet? we're closing the quarter report next week")
    assert (intent.status, intent.own) == (Status.OPEN, False)


def test_questions_of_rounds_166_and_167() -> None:
    """Long messages in English: the question among news, greetings and who asks."""
    best = _best_of("sample", date(2026, 11, 17))
    text = (
        "Dear all, the inspection team finished the last field visits on Friday and the draft"
        " report is on the Director's desk now. I'd like to update the progress of I.2, we're at"
        " about 80%. Can you record that?"
    )
    assert best(text).action is Action.REPORT_PROGRESS
    text = "The Director wants to know where we're slipping. Which tasks are overdue right now?"
    assert (best(text).status, best(text).own) == (Status.OVERDUE, False)
    text = (
        "With the year-end rush I don't want anything to slip through the cracks. "
        "Could you list the tasks that are due soon?"
    )
    assert (best(text).ask, best(text).status) == (Ask.LIST, Status.DUE)


@pytest.mark.skipif(plan_path("001") is None, reason="the seed plans are not here")
def test_questions_of_round_168() -> None:
    """Worries and meetings before the question: whose tasks, and whose window."""
    best = _best_of("001", date(2018, 9, 11))
    text = (
        "meeting with VP UBND tomorrow morning, dont want to be caught out. which of their"
        " tasks are due this month?"
    )
    assert best(text).agencies == ("van-phong-ubnd-tinh",)
    text = (
        "inspection team from the province comes next week and honestly i dont know what we"
        " still owe. whats still open for our dept?"
    )
    assert (best(text).status, best(text).period) == (Status.OPEN, None)
    text = "list the tasks where we are only supporting pls, not the ones we lead"
    assert best(text).role is Role.SUPPORT


def test_questions_of_round_169() -> None:
    """The formal register of letters, and a section said short."""
    best = _best_of("phuong_hoa_khanh", date(2026, 5, 19))
    intent = best("digital govt part, how's it going?")
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "II.2")
    text = "We would be grateful to receive the consolidated summary report of the plan."
    assert (best(text).ask, best(text).own) == (Ask.REPORT, False)
    text = "Kindly provide an update on the overall implementation status of Plan No. 45/KH-UBND."
    assert best(text).ask is Ask.PROGRESS


def test_questions_of_rounds_170_and_171() -> None:
    """A section named in English, and a day off asked about."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 4, 7))
    text = "anyone know if we're off on the 27th? HR hasn't sent the holiday notice yet"
    assert best(text).ask is Ask.OFF_TOPIC
    best = _best_of("sample", date(2026, 7, 15))
    intent = best("public finance section: how many tasks still not finished")
    assert (intent.ask, intent.agencies) == (Ask.COUNT, ())


def test_questions_of_rounds_172_and_173() -> None:
    """Days written as ordinals, a task by the day it falls due, what a task delivers."""
    best = _best_of("an_giang_hai_cap", date(2026, 9, 22))
    intent = best("which tasks fall due between the 15th and the 30th of Nov?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 11, 15), date(2026, 11, 30))
    text = "who is lead on the task with the June 30th deadline?"
    assert _asks_back_who_leads("an_giang_hai_cap", date(2026, 9, 22), text)
    text = "Does So Y te have any task in the 512 plan? their deputy director called me about it"
    assert (best(text).ask, best(text).agencies) == (Ask.LIST, ("so-y-te",))
    best = _best_of("danh_muc_gia_lai", date(2026, 6, 2))
    intent = best("what exactly do we have to deliver for 4.2?")
    assert intent.field is TaskField.PRODUCT
    text = (
        "Director wants a short note on where our dept's tasks stand before Friday's"
        " leadership meeting. can you give me that"
    )
    assert (best(text).ask, best(text).own, best(text).period) == (Ask.PROGRESS, True, None)


def test_questions_of_rounds_174_and_175() -> None:
    """A body's role asked, on track, an overview, the lift, a part's last item."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 3, 24))
    text = "Does So Tu phap have any role in this plan? their deputy director asked me at lunch"
    assert (best(text).ask, best(text).agencies) == (Ask.LIST, ("so-tu-phap",))
    intent = best("Is So GD&DT on track with its tasks?")
    assert (intent.ask, intent.status) == (Ask.PROGRESS, None)
    text = "I need a short overview of where the whole plan stands for the director's briefing"
    assert best(text).ask is Ask.PROGRESS
    assert best("does anyone know if the lift in building B is working again").ask is Ask.OFF_TOPIC
    best = _best_of("bo_tu_phap_quyet_dinh", date(2026, 8, 18))
    intent = best("the last item of part II - what exactly are we supposed to deliver?")
    assert (intent.task, intent.field) == (TaskRef(None, "6"), TaskField.PRODUCT)


def test_questions_of_rounds_176_and_177() -> None:
    """ "-led", a dept's standing, "DD", progress to record, a deliverable still owed, emails."""
    best = _best_of("chi_thi_thanh_hoa", date(2026, 10, 20))
    intent = best("which Finance-led tasks are still open")
    assert (intent.agencies, intent.role) == (("so-tai-chinh",), Role.LEAD)
    text = "writing a paragraph for the director on how our department is doing with Chỉ thị 12"
    assert (best(text).ask, best(text).own) == (Ask.PROGRESS, True)
    intent = best("between now and 30/11 what does So Tu phap still need to deliver")
    assert (intent.status, intent.agencies) == (Status.DUE, ("so-tu-phap",))
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 11, 24))
    text = "update on task 2: half the units have sent their lists, please record the progress"
    assert (best(text).action, best(text).task) == (Action.REPORT_PROGRESS, TaskRef(None, "2"))
    text = "Department of Justice - which tasks are theirs? their focal point emailed me"
    assert best(text).role is None
    text = "DD asks which unit leads the task due on 30/9"
    assert _asks_back_who_leads("khanh_hoa_kiem_soat", date(2026, 11, 24), text)


def test_questions_of_rounds_178_and_179() -> None:
    """A letter's subject and sign-off, a long weekend, a deadline that will be missed."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 9, 22))
    text = "Re: Q4 planning meeting\n\nDear all,\nwhich tasks does So Tu phap support?\nBest,\nHa"
    intent = best(text)
    assert (intent.agencies, intent.role, intent.period) == (("so-tu-phap",), Role.SUPPORT, None)
    text = "Hi,\nI.1 can't be finished by end of October, please extend it 15 days.\nThanks,\nNam"
    intent = best(text)
    assert (intent.action, intent.period, intent.duration) == (
        Action.EXTEND,
        None,
        Duration(15, "day"),
    )
    assert best("do we get 2/9 off together with the weekend?").ask is Ask.OFF_TOPIC
    intent = best("when is the check of unlawful documents supposed to be done")
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.DUE)


def test_questions_of_rounds_180_and_181() -> None:
    """Words for how work stands ("lagging", "backlog"), and a question passed on by a head."""
    best = _best_of("sample", date(2026, 10, 20))
    intent = best("So Tu phap seems to be lagging. how do they stand on their tasks?")
    assert (intent.ask, intent.agencies, intent.status) == (Ask.PROGRESS, ("so-tu-phap",), None)
    intent = best("how is section II doing? feels like it's slipping")
    assert (intent.ask, intent.section, intent.status) == (Ask.PROGRESS, "II", None)
    assert best("what is in the backlog of So Noi vu right now").status is Status.OVERDUE
    intent = best("who is backing up So Tu phap on task II.1?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.SUPPORT)
    assert best("is the car park closed on saturday for the cleaning?").ask is Ask.OFF_TOPIC
    intent = best("Ms Hoa at So Tu phap asked me which tasks her team leads")
    assert (intent.agencies, intent.role) == (("so-tu-phap",), Role.LEAD)


def test_questions_of_rounds_182_and_183() -> None:
    """A document cited with its date, and how a body is doing said in a clause."""
    best = _best_of("sample", date(2026, 5, 19))
    text = "per Official Letter 312/SNV-CCHC of 8 May, how many tasks are still not done?"
    assert (best(text).status, best(text).period) == (Status.OPEN, None)
    text = "Decision 1234 of 26/12/2025 - which tasks does So Tu phap lead?"
    intent = best(text)
    assert (intent.agencies, intent.role, intent.period) == (("so-tu-phap",), Role.LEAD, None)
    intent = best("the director wants to know how So Tu phap is doing on its tasks")
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("so-tu-phap",))


def test_questions_of_rounds_184_and_185() -> None:
    """Who leads and supports in everyday words, and thanks said as "that helps"."""
    best = _best_of("sample", date(2026, 5, 5))
    intent = best("what is So Tu phap running point on in this plan")
    assert (intent.agencies, intent.role) == (("so-tu-phap",), Role.LEAD)
    intent = best("do they need So Noi vu to chip in on anything?")
    assert intent.role is Role.SUPPORT
    assert best("thx, that helps a lot").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_186_and_187() -> None:
    """How far along said as a share."""
    best = _best_of("sample", date(2026, 10, 6))
    assert best("is the plan halfway done yet").ask is Ask.PROGRESS
    assert best("how many are done out of how many").ask is Ask.PROGRESS


def test_questions_of_rounds_188_and_189() -> None:
    """The groups of bodies a plan assigns, in English."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 7, 7))
    intent = best("how many tasks r still open for the line agencies")
    assert (intent.ask, intent.agencies) == (Ask.COUNT, ("so-ban-nganh",))


def test_questions_of_rounds_190_and_191() -> None:
    """What is "on fire" is late, no file."""
    best = _best_of("sample", date(2026, 9, 15))
    intent = best("What's on fire right now? Which tasks are already past their deadline?")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)


def test_questions_of_rounds_192_and_193() -> None:
    """The asker's own unit as "our team"; "roughly half done", said of one's own work, asks
    no share."""
    best = _best_of("sample", date(2026, 9, 1))
    intent = best("how many tasks has our team got open")
    assert (intent.ask, intent.own, intent.status) == (Ask.COUNT, True, Status.OPEN)
    assert best("is the plan halfway done yet").ask is Ask.PROGRESS
    assert "nửa" not in _speller().translate("roughly half done, draft sent round")


def test_questions_of_rounds_194_and_195() -> None:
    """What a task ends in, said as what is handed in; when it is handed in stays a date."""
    best = _best_of("sample", date(2026, 10, 20))
    intent = best("II.1 - what do they actually have to hand in each quarter?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.PRODUCT)
    intent = best("when do they have to hand in II.1?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.DUE)


def test_questions_of_rounds_196_and_197() -> None:
    """Parts of a month and days of the week; an update given after a colon by "we"; a day
    off; what a list is for."""
    best = _best_of("001", date(2018, 8, 22))
    intent = best("whats due mid next month")
    assert intent.period is not None and intent.period.label == "11/09/2018–20/09/2018"
    intent = best("which tasks got marked done since Monday?")
    assert intent.period is not None and intent.period.label == "20/08/2018–22/08/2018"
    intent = best("anything due in the next few days?")
    assert (intent.status, intent.period is not None) == (Status.DUE, True)
    text = "Progress on II.4.a.2: we have inspected 4 of the 14 districts so far"
    assert best(text).action is Action.REPORT_PROGRESS
    assert best("is the office closed on Mon 3/9 for National Day or do we come in?").ask is (
        Ask.OFF_TOPIC
    )
    text = "i need the tasks due in the first nine months still not done for the follow up letter"
    assert (best(text).ask, best(text).status) == (Ask.LIST, Status.OPEN)
    intent = best("director wants a few lines on how our department tasks are standing")
    assert (intent.ask, intent.own) == (Ask.PROGRESS, True)


def test_questions_of_rounds_198_and_199() -> None:
    """How late a task is, or how long it has left, is when it is due; a section's standing
    "overall"; a list wanted for a follow-up letter asks no reminder."""
    best = _best_of("sample", date(2026, 9, 9))
    for text in ("how many days late is II.1?", "how long until II.1 is due"):
        intent = best(text)
        assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.DUE), text
    intent = best("where does section II stand overall? need one line for Thursday's meeting")
    assert (intent.ask, intent.section) == (Ask.PROGRESS, "II")
    intent = best("whats overdue right now? need it for the follow up after the 9 month report")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)


def test_questions_of_rounds_202_and_203() -> None:
    """Whether the asker's side finished a task; a count wanted for a follow-up note asks no
    reminder."""
    best = _best_of("sample", date(2026, 10, 13))
    intent = best("did we finish task II.1?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.PROGRESS)
    text = (
        "How many tasks had deadlines in the first 9 months but still aren't done? Need the"
        " number for a follow-up note to the 9-month report."
    )
    intent = best(text)
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OPEN)


def test_questions_of_rounds_204_and_205() -> None:
    """A plan's line pasted, asked which task it belongs to, or where the task named stands;
    a body asked how many it missed in a quarter: its overdue ones."""
    best = _best_of("sample", date(2026, 10, 13))
    for text, task, field in (
        ('the line "Báo cáo kết quả đo lường" belongs to which task?', ("III", "3"), "card"),
        (
            '"Nâng cấp Hệ thống thông tin giải quyết..." where\'s this one at now?',
            ("IV", "1"),
            "progress",
        ),
        ("what does the II.1 task have to hand in", ("II", "1"), "product"),
    ):
        intent = best(text)
        assert (intent.task, intent.field) == (TaskRef(*task), TaskField(field)), text
    intent = best("only So Tu phap - how many did they miss in Q3?")
    assert (intent.ask, intent.status, intent.agencies) == (
        Ask.COUNT,
        Status.OVERDUE,
        ("so-tu-phap",),
    )


def test_questions_of_rounds_206_and_207() -> None:
    """The coming fortnight, next week and the week after, the rest of this week; the
    asker's part in a task, lead or support, which its card says."""
    best = _best_of("sample", date(2026, 6, 16))
    assert best("How many deadlines land over the coming fortnight?").period == Period(
        PeriodKind.RANGE, date(2026, 6, 16), date(2026, 6, 30)
    )
    intent = best("anything falling due next week or the week after?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 6, 22), date(2026, 7, 5))
    intent = best("for the rest of this week, is anything due?")
    assert intent.period == Period(PeriodKind.RANGE, date(2026, 6, 16), date(2026, 6, 21))
    intent = best("are we lead or support on II.1")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.CARD)


@pytest.mark.skipif(plan_path("001") is None, reason="the seed plans are not here")
def test_questions_of_rounds_208_and_209() -> None:
    """Sections by their subject in English; the post office."""
    best = _best_of("001", date(2018, 5, 8))
    intent = best("do we have anything of our own in the org structure area?")
    assert (intent.section, intent.own) == ("II.4", True)
    assert best("Which of the modernisation tasks are already overdue?").section == "II.7"
    intent = best("the CCHC direction and steering section - how many of those fall to us")
    assert (intent.ask, intent.section) == (Ask.COUNT, "II.1")
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 9, 22))
    intent = best("how is the post office doing")
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ("unverified-buu-dien-tinh",))


def test_questions_of_rounds_212_and_213() -> None:
    """Spans back from today and since the start of a month; what is still to hand in after
    "do we"; the asker's part in a task asked with the task in between."""
    best = _best_of("sample", date(2026, 6, 16))
    for text, start in (
        ("which tasks went overdue in the past two weeks", date(2026, 6, 2)),
        ("what got done over the last 10 days?", date(2026, 6, 6)),
        ("how many have been completed since the start of the month", date(2026, 6, 1)),
        ("anything finished since the beginning of the year?", date(2026, 1, 1)),
    ):
        assert best(text).period == Period(PeriodKind.RANGE, start, date(2026, 6, 16)), text
    # "the last ten days of November" stays the month's last ten days.
    assert best("anything due in the last ten days of November?").period == Period(
        PeriodKind.RANGE, date(2026, 11, 21), date(2026, 11, 30)
    )
    intent = best("what do we still have to submit between now and 20 Dec")
    assert (intent.status, intent.own) == (Status.DUE, True)
    intent = best("II.1 - are we leading that one or just supporting?")
    assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.CARD)


def test_questions_of_rounds_214_and_215() -> None:
    """Half months and months spanned with a dash; "remind me which" asks; what has to get
    finished falls due; a task that can be marked done is to be marked."""
    best = _best_of("sample", date(2026, 6, 16))
    assert best("anything due in the first half of next month?").period == Period(
        PeriodKind.RANGE, date(2026, 7, 1), date(2026, 7, 15)
    )
    assert best("how many tasks were done Jan–Jun?").period == Period(
        PeriodKind.RANGE, date(2026, 1, 1), date(2026, 6, 30)
    )
    intent = best("remind me which ones we're leading")
    assert (intent.ask, intent.role, intent.own) == (Ask.LIST, Role.LEAD, True)
    assert best("What does STC have to get finished before 15 Dec?").status is Status.DUE
    intent = best("II.1 can be marked done, the review is signed")
    assert (intent.action, intent.task) == (Action.COMPLETE, TaskRef("II", "1"))


def test_questions_of_rounds_216_and_217() -> None:
    """Holidays named in English; what a task has to produce."""
    best = _best_of("sample", date(2026, 1, 20))
    assert best("anything due before christmas?").period == Period(
        PeriodKind.RANGE, date(2026, 1, 1), date(2026, 12, 25)
    )
    intent = best("how many tasks need to be completed before the 30/4 holiday")
    assert (intent.ask, intent.period and intent.period.end) == (Ask.COUNT, date(2026, 4, 30))
    assert best("what has to be done before National Day?").period == Period(
        PeriodKind.RANGE, date(2026, 1, 1), date(2026, 9, 1)
    )
    assert best("what does II.1 have to produce").field is TaskField.PRODUCT


def test_questions_of_rounds_218_and_219() -> None:
    """Weeks by number and the year's turn; complaints of being reminded."""
    best = _best_of("sample", date(2026, 12, 15))
    assert best("week 51 - anything on our plate?").period == Period(
        PeriodKind.WEEK, date(2026, 12, 14), date(2026, 12, 20)
    )
    assert best("Which deadlines fall in the 2nd week of Dec?").period == Period(
        PeriodKind.WEEK, date(2026, 12, 14), date(2026, 12, 20)
    )
    assert best("last week of the year, is there anything due").period == Period(
        PeriodKind.WEEK, date(2026, 12, 28), date(2027, 1, 3)
    )
    intent = best("how many deadlines have we got this coming January?")
    assert (intent.ask, intent.period and intent.period.label) == (Ask.COUNT, "tháng 1/2027")
    intent = best("we're only supporting on IV.2 aren't we? why am I getting reminders for it")
    assert (intent.field, intent.action) == (TaskField.SUPPORT, None)


def test_questions_of_rounds_220_and_221() -> None:
    """A request to push a deadline back, said aloud."""
    best = _best_of("sample", date(2026, 7, 7))
    intent = best("Can II.1 get pushed back 15 days? the commune inspections are running late")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef("II", "1"))
    assert intent.duration == Duration(15, "day")


def test_questions_of_rounds_222_and_223() -> None:
    """A deadline "set" or not."""
    best = _best_of("sample", date(2026, 6, 16))
    assert best("any tasks without a set deadline?").status is Status.UNDATED


def test_questions_of_rounds_224_and_225() -> None:
    """ "Not" said in English: nobody reported, what is done left out, a quarter denied."""
    best = _best_of("sample", date(2026, 9, 29))
    intent = best("nobody has reported anything on the digitisation of records yet?")
    assert (intent.task, intent.field) == (TaskRef("III", "2"), TaskField.PROGRESS)
    intent = best("not counting whats already done, what does Sở Tư pháp still have")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OPEN)
    intent = best("not this quarter, the next one - what falls due in it")
    assert intent.period is not None and intent.period.label == "quý IV/2026"


def test_questions_of_rounds_226_and_227() -> None:
    """Time left, and chat shorthand, in English."""
    best = _best_of("sample", date(2026, 10, 13))
    for text in (
        "How many days are left until II.1 is due?",
        "how much time do we still have on II.1?",
        "Are we going to make it in time on II.1? Is it about to run out?",
    ):
        intent = best(text)
        assert (intent.task, intent.field) == (TaskRef("II", "1"), TaskField.DUE), text
    # A push of effort is no deadline pushed back.
    intent = best("what's due in Q4? trying to plan the year-end push")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.DUE)
    intent = best("wat do we still have to get done b4 end of Nov")
    assert (intent.status, intent.own) == (Status.DUE, True)
    assert intent.period is not None and intent.period.label == "01/01/2026–30/11/2026"


def test_questions_of_rounds_228_and_229() -> None:
    """Second thoughts in English."""
    best = _best_of("sample", date(2026, 5, 19))
    intent = best("pls list our unfinished tasks... actually never mind, include the finished ones")
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, None, True)
    intent = best("What do we have to get done before 30/6? typo, 30/9 not 30/6")
    assert intent.period is not None and intent.period.label == "01/01/2026–30/09/2026"
    intent = best("Extend II.1 by 2 weeks. Hmm no, make that a month to be safe")
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))


def test_questions_of_rounds_230_and_231() -> None:
    """A holiday greeting is small talk."""
    best = _best_of("sample", date(2026, 9, 1))
    assert best("happy 2/9 everyone, enjoy the holiday tomorrow!").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_232_and_233() -> None:
    """No fixed deadline said short, how much more time a task needs, and what the asker
    sent before (no subject of hers)."""
    best = _best_of("sample", date(2026, 7, 14))
    assert best("any tasks w/o a fixed deadline").status is Status.UNDATED
    intent = best("III.1 needs another month, can u extend it")
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))
    text = "double checking the figure we sent in the H1 report - how many tasks were done in H1?"
    intent = best(text)
    assert (intent.ask, intent.status, intent.own) == (Ask.COUNT, Status.DONE, False)


def test_questions_of_rounds_236_and_237() -> None:
    """ "til" closes a window; the approved simplification plan said in English."""
    best = _best_of("thanh_pho_hai_phong", date(2026, 11, 3))
    intent = best("from now til the end of the year how many tasks are still not finished")
    assert intent.period is not None and intent.period.label == "03/11/2026–31/12/2026"
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 6, 9))
    intent = best("how far along is implementing the approved simplification plan")
    assert (intent.task, intent.field) == (TaskRef("II", "1", 2), TaskField.PROGRESS)


def test_questions_of_rounds_250_and_251() -> None:
    """A leader's window up to a meeting, a worry or a flag no filter, and the words of
    reform work in English: public assets, surplus staff, ranking, a resolution, VNeID."""
    stc, snv = "so-tai-chinh", "so-noi-vu"
    vocabulary = PlanVocabulary.build(
        DIRECTORY,
        years=(2025, 2025),
        sections=[],
        tasks=[
            TaskEntry(None, "1", "Giải quyết chế độ, chính sách đối với cán bộ, công chức dôi dư"),
            TaskEntry(None, "2", "Kiểm tra công tác quản lý, sử dụng tài sản công", leads=(stc,)),
            TaskEntry(None, "3", "Đánh giá, xếp loại công tác CCHC của các sở", leads=(snv,)),
            TaskEntry(None, "4", "Báo cáo sơ kết 2 năm thực hiện Nghị quyết", leads=(snv,)),
            TaskEntry(None, "5", "Cổng DVC tỉnh định danh và xác thực điện tử thông suốt"),
            TaskEntry(None, "6", "Bố trí kinh phí thực hiện nhiệm vụ CCHC năm 2026", leads=(stc,)),
            TaskEntry(None, "7", "Tuyên truyền CCHC trên hệ thống loa truyền thanh", leads=(snv,)),
        ],
        agencies=(stc, snv),
    )
    day = date(2025, 4, 7)

    def best(text: str) -> Intent:
        return understand(text, vocabulary, directory=DIRECTORY, today=day).best

    intent = best("what comes due between now and the steering meeting on 20/4")
    assert intent.period is not None and intent.period.label == "07/04/2025–20/04/2025"
    assert best("anything due soon we should flag to the director?").own is False
    intent = best("2026 CCHC budget - who leads that one? dont want it slipping")
    assert (intent.task, intent.field, intent.status) == (TaskRef(None, "6"), TaskField.LEAD, None)
    for text, code in (
        ("pls remind the Finance Dept about the public asset inspections", "2"),
        ("the severance payouts for surplus staff are all paid now, pls mark that task done", "1"),
        ("we need 15 more days on the CCHC assessment & ranking of depts, can u extend it", "3"),
        ("when is the so ket report on the resolution due? the 2-year one", "4"),
        ("what's the expected output of the VNeID single sign-on task?", "5"),
    ):
        assert best(text).task == TaskRef(None, code), text
    # A record kept, or a thing "updated" that is sent, is evidence, no update told.
    for text in (
        "task 7 is done on our side, sending the broadcast log as proof",
        "attaching photos of the updated notice boards as evidence for task 7",
    ):
        intent = best(text)
        assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef(None, "7")), text


def test_questions_of_rounds_252_and_253() -> None:
    """ "DOC" owning or asked to act is the Department of Construction; what the digest
    shows, said before what is asked, is news."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 8, 12))
    intent = best("which of DOC's tasks are still open")
    assert (intent.agencies, intent.status) == (("so-xay-dung",), Status.OPEN)
    assert best("pls remind DOC about it").agencies == ("so-xay-dung",)
    assert best("pls send me the doc").agencies == ()
    intent = best("digest shows the training for commune officials as overdue - who runs that?")
    assert intent.ask is not Ask.DIGEST


def test_questions_of_rounds_254_and_255() -> None:
    """ "mth": a month, typed short."""
    best = _best_of("sample", date(2026, 9, 23))
    intent = best("extend II.2 1 mth? xa ko kip")
    assert (intent.action, intent.duration) == (Action.EXTEND, Duration(1, "month"))


def test_questions_of_rounds_258_and_259() -> None:
    """A day said as an ordinal word; "the culture dept" of whichever plan; the words of
    tasks (information security, the business dialogue conference)."""
    best = _best_of("sample", date(2026, 10, 14))
    for text, label in (
        (
            "what has to be finished between now and the fifteenth of december",
            "14/10/2026–15/12/2026",
        ),
        ("list what falls due on the thirty first of december", "31/12/2026"),
        ("anything due by december the twentieth", "01/01/2026–20/12/2026"),
    ):
        intent = best(text)
        assert intent.period is not None and intent.period.label == label, text
    assert best("remind the culture dept to send the column").agencies == (
        "so-van-hoa-the-thao-va-du-lich",
    )
    assert best("what can this bot actualy do").ask is Ask.HELP
    best = _best_of("thanh_pho_hai_phong", date(2026, 6, 11))
    intent = best("who supports the info security task")
    assert (intent.task, intent.field) == (TaskRef(None, "7"), TaskField.SUPPORT)
    intent = best("status of the business dialogue conference?")
    assert (intent.task, intent.field) == (TaskRef(None, "4"), TaskField.PROGRESS)
    intent = best("how many tasks is the dept of science n tech supporting")
    assert intent.agencies == ("so-khoa-hoc-va-cong-nghe",)
    # A ward's plan: its culture office, not a province's department.
    best = _best_of("phuong_hoa_khanh", date(2026, 10, 14))
    assert (
        "so-van-hoa-the-thao-va-du-lich" not in best("remind the culture dept about III.2").agencies
    )


def test_questions_of_rounds_260_and_261() -> None:
    """The bot's reminder quoted is news; "the guidance one" is a task."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 8, 26))
    intent = best(
        "Bot reminder: 'Task 2 – Khảo sát mức độ hài lòng về dịch vụ y tế công – due"
        " 30/09/2026'. we only support that one right? what's the deliverable?"
    )
    assert (intent.ask, intent.task, intent.field) == (
        Ask.TASK,
        TaskRef(None, "2"),
        TaskField.PRODUCT,
    )
    reading = understand(
        "the guidance one, who's leading it?",
        plan_vocabulary(plan_path("an_giang_hai_cap")),
        directory=DIRECTORY,
        today=date(2026, 3, 4),
    )
    assert reading.ask_back and {i.field for i in reading.choices} == {TaskField.LEAD}


def test_questions_of_rounds_264_and_265() -> None:
    """A task by "number two"; "where is it" asks how it stands; red tape, land use and the
    department of natural resources by "Dept of"."""
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 12, 16))
    intent = best("who's the lead on number two?")
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.LEAD)
    intent = best("how far along is the work on cutting red tape for land use paperwork?")
    assert (intent.task, intent.field) == (TaskRef(None, "2"), TaskField.PROGRESS)
    intent = best("does the Dept of Natural Resources and Environment still have anything open?")
    assert intent.agencies == ("so-nong-nghiep-va-moi-truong",)
    best = _best_of("chi_thi_thanh_hoa", date(2026, 7, 15))
    intent = best("digitisation budget from finance, where is it")
    assert (intent.task, intent.field) == (TaskRef(None, "3"), TaskField.PROGRESS)


def test_questions_of_rounds_266_and_267() -> None:
    """Evidence attached that publishes "the updated" procedures is no progress update."""
    best = _best_of("bo_khcn_2026", date(2026, 2, 4))
    intent = best(
        "attaching Decision 215/QĐ-BKHCN publishing the updated procedures as evidence for task 4"
    )
    assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef(None, "4"))


def test_questions_of_rounds_268_and_269() -> None:
    """ "btw" opening a range of days is "between"; "update on I.2: ..." gives news."""
    best = _best_of("sample", date(2026, 5, 13))
    intent = best("tasks due btw 1 Jun and 15 Jul?")
    assert intent.period is not None and intent.period.label == "01/06/2026–15/07/2026"
    intent = best("update on I.2: inspectd 5 of 12 depts so far, abt 40%")
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef("I", "2"))
    assert best("any update on I.2?").action is None


def test_questions_of_rounds_272_and_273() -> None:
    """ "the 30/9 one" is the task due that day; "how's it going" after a thing named asks
    how it stands; the PC office; "agri & environment"."""
    reading = _reading_of("sample", date(2026, 6, 17))("the 30/9 one, how's it going?")
    assert reading.ask_back
    assert {c.field for c in reading.choices} == {TaskField.PROGRESS}
    assert TaskRef("I", "3") in {c.task for c in reading.choices}
    best = _best_of("sample", date(2026, 6, 17))
    assert best("hi, how's it going").ask is Ask.OFF_TOPIC
    assert best("what is the PC office leading in this plan?").agencies == ("van-phong-ubnd-tinh",)
    assert best("how is agri & environment doing?").agencies == ("so-nong-nghiep-va-moi-truong",)
    intent = best("who's supporting the inspection visits to agencies and localities?")
    assert (intent.task, intent.field) == (TaskRef("I", "2"), TaskField.SUPPORT)


def test_questions_of_rounds_274_and_275() -> None:
    """ "radio" alone is the station; an agency rating; "working w us on"; the commune
    survey is the one in the communes."""
    best = _best_of("tinh_nghe_an_phu_luc", date(2026, 10, 7))
    intent = best(
        "what's the expected output for the admin reform coverage on the newspaper & radio?"
    )
    assert (intent.task, intent.field) == (TaskRef("IV", "2"), TaskField.PRODUCT)
    intent = best("extend the commune survey by 1 month")
    assert (intent.action, intent.task) == (Action.EXTEND, TaskRef("II", "2", 2))
    intent = _best_of("chi_thi_thanh_hoa", date(2026, 11, 18))(
        "whos working w us on the agency rating one"
    )
    assert (intent.task, intent.field) == (TaskRef(None, "5"), TaskField.SUPPORT)


def test_questions_of_rounds_276_and_277() -> None:
    """ "the Sept 30 task" is each task due that day; "they" after a body named in the
    sentence before is that body; a ward's offices by their English names."""
    reading = _reading_of("sample", date(2026, 6, 24))("Who's responsible for the Sept 30 task?")
    assert reading.ask_back
    assert {c.task for c in reading.choices} >= {TaskRef("I", "3"), TaskRef("II", "2")}
    best = _best_of("sample", date(2026, 6, 24))
    text = "Meeting at Sở Tư pháp this afternoon. What are they supposed to do under this plan?"
    assert best(text).agencies == ("so-tu-phap",)
    ward = _best_of("phuong_hoa_khanh", date(2026, 4, 22))
    text = "how many tasks does the Economic, Infrastructure and Urban Affairs division lead"
    assert ward(text).agencies == ("phong-kinh-te-ha-tang-do-thi",)


def test_questions_of_rounds_278_and_279() -> None:
    """ "the Science and Tech dept", "the Treasury", "online fee payments", "did they miss"
    (no "Miss" of address), "supposed to be" that asks nothing of its own."""
    best = _best_of("danh_muc_gia_lai", date(2026, 12, 2))
    intent = best("which tasks is the Science and Tech dept supporting on")
    assert (intent.agencies, intent.role) == (("so-khoa-hoc-va-cong-nghe",), Role.SUPPORT)
    intent = best("nudge the Treasury about the online fee payments pls")
    assert (intent.agencies, intent.task) == (("kho-bac-nha-nuoc-tinh",), TaskRef(None, "3"))
    intent = best("what's the output supposed to be for the digitisation one")
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.PRODUCT)
    sample = _best_of("sample", date(2026, 8, 5))
    intent = sample("last quarter how many tasks did the province's departments miss?")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.OVERDUE)
    assert sample("hi miss, how many tasks are there").status is None


def test_questions_of_rounds_280_and_281() -> None:
    """ "the one due 30/9" is each task due that day; "gone in"; "surprise inspections";
    "inspection conclusions" on "post-issuance" documents."""
    reading = _reading_of("sample", date(2026, 3, 4))("who's on the one due 30/9")
    assert reading.ask_back
    assert {c.task for c in reading.choices} >= {TaskRef("I", "3"), TaskRef("II", "2")}
    best = _best_of("sample", date(2026, 3, 4))
    text = "can we get 15 more days for the inspection conclusions on post-issuance legal docs"
    assert (best(text).action, best(text).task) == (Action.EXTEND, TaskRef("II", "2"))
    directive = _best_of("chi_thi_quang_tri", date(2026, 9, 23))
    intent = directive("are we the lead on the surprise inspections?")
    assert (intent.task, intent.field) == (TaskRef(None, "2.a"), TaskField.LEAD)
    intent = directive("has the quarterly report to the chairman gone in yet?")
    assert (intent.task, intent.field) == (TaskRef(None, "2.b"), TaskField.PROGRESS)


def test_questions_of_rounds_282_and_283() -> None:
    """ "... i should chase" says why, no reminder; the newspaper and broadcasting station."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 11, 4))
    intent = best("anything due this week i should chase?")
    assert (intent.ask, intent.action, intent.status) == (Ask.LIST, None, Status.DUE)
    intent = best("how many tasks does the newspaper and broadcasting station still have open")
    assert intent.agencies == ("bao-tinh",)


def test_questions_of_rounds_284_and_285() -> None:
    """ "left to finish" in a window still to come is what falls due in it."""
    intent = _best_of("sample", date(2026, 7, 8))("how many are left to finish in Q4")
    assert (intent.ask, intent.status) == (Ask.COUNT, Status.DUE)


def test_questions_of_rounds_288_and_289() -> None:
    """ "for the departments": the group, though "for the" alone is dropped as words of
    nothing."""
    best = _best_of("sample", date(2026, 2, 4))
    intent = best("how many tasks are still open for the departments")
    assert (intent.ask, intent.agencies, intent.status) == (
        Ask.COUNT,
        ("so-ban-nganh",),
        Status.OPEN,
    )
    assert best("send a reminder to the departments").agencies == ("so-ban-nganh",)


def test_questions_of_rounds_290_and_291() -> None:
    """Evidence gathered as why the question is asked; what must be handed in; the
    province's bodies as a part of the plan; a title's words in English."""
    best = _best_of("sample", date(2026, 9, 9))
    intent = best("we need to pull together our evidence folder, which tasks involve Sở Tư pháp?")
    assert (intent.ask, intent.action, intent.agencies) == (Ask.LIST, None, ("so-tu-phap",))
    intent = best("for II.2 what exactly do we have to hand in at the end")
    assert (intent.task, intent.field) == (TaskRef("II", "2"), TaskField.PRODUCT)
    two_tier = _best_of("an_giang_hai_cap", date(2026, 4, 22))
    intent = two_tier("how many of the provincial agencies' tasks are done?")
    assert (intent.ask, intent.section, intent.status) == (Ask.COUNT, "I", Status.DONE)
    intent = two_tier("who supports the guidance on handling procedures regardless of boundaries?")
    assert (intent.task, intent.field) == (TaskRef("I", "3"), TaskField.SUPPORT)


def test_questions_of_rounds_292_and_293() -> None:
    """A place's opening hours are small talk; a title's words in English ("the autonomy
    mechanism", "the year-end review conference")."""
    best = _best_of("004", date(2021, 12, 1))
    assert best("lunch place near the dept open on sat").ask is Ask.OFF_TOPIC
    intent = best("when's the deadline for the year-end PAR review conference?")
    assert (intent.task, intent.field) == (TaskRef("I", "1.4"), TaskField.DUE)
    reading = _reading_of("004", date(2021, 12, 1))("how's the autonomy mechanism task going?")
    assert reading.ask_back
    assert {c.task for c in reading.choices} == {TaskRef("VI", "3"), TaskRef("VI", "4")}


def test_questions_of_rounds_294_and_295() -> None:
    """A range of days with no "from" ("jul 1 to dec 31"); "the most tasks"; "the report
    deliverable" names the report, no product asked."""
    best = _best_of("sample", date(2026, 1, 7))
    intent = best("jul 1 to dec 31, which unit has the most tasks coming due?")
    assert intent.period is not None
    assert (intent.period.start, intent.period.end) == (date(2026, 7, 1), date(2026, 12, 31))
    intent = best("which dept is leading the most tasks in this plan")
    assert (intent.ask, intent.role) == (Ask.LIST, Role.LEAD)
    reading = _reading_of("sample", date(2026, 1, 7))("when's the report deliverable due?")
    assert {c.field for c in reading.choices} == {TaskField.DUE}


def test_questions_of_rounds_296_and_297() -> None:
    """The commune police; the province's inspection team, no youth union."""
    best = _best_of("an_giang_hai_cap", date(2026, 10, 14))
    assert best("commune police tasks not finished yet?").agencies == ("cong-an-cap-xa",)
    intent = best("Province inspection team comes next week. How is the plan going overall?")
    assert (intent.ask, intent.agencies) == (Ask.PROGRESS, ())


def test_questions_of_rounds_298_and_299() -> None:
    """Days remaining on a task; the task furthest behind; "sci & tech dept"; seafood after
    work."""
    best = _best_of("tinh_dong_thap_2026", date(2026, 5, 6))
    assert (best("IV.1 - days remaining?").task, best("IV.1 - days remaining?").field) == (
        TaskRef("IV", "1"),
        TaskField.DUE,
    )
    intent = best("which overdue task is furthest behind and by how many days")
    assert (intent.ask, intent.status) == (Ask.LIST, Status.OVERDUE)
    assert best("what is sci & tech dept supporting on").agencies == ("so-khoa-hoc-va-cong-nghe",)
    assert best("Anyone up for seafood after work today?").ask is Ask.OFF_TOPIC


def test_questions_of_rounds_300_and_301() -> None:
    """Taking over the file, and what a predecessor did, say who asks; "attaching" sends
    evidence; "the next week or so" is the coming seven days; "early next quarter"."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 10, 7))
    intent = best("Hi, I just took over the CCHC file last week. What does our dept have to do?")
    assert (intent.ask, intent.own, intent.period) == (Ask.LIST, True, None)
    intent = best(
        "My predecessor was helping with the health services satisfaction survey. Status?"
    )
    assert (intent.task, intent.field, intent.role) == (
        TaskRef(None, "2"),
        TaskField.PROGRESS,
        None,
    )
    intent = best("Attaching the Q3 database update report as evidence for task #5")
    assert (intent.action, intent.task) == (Action.ATTACH_EVIDENCE, TaskRef(None, "5"))
    intent = best("anything coming due in the next week or so?")
    assert intent.period is not None
    assert (intent.period.start, intent.period.end) == (date(2026, 10, 7), date(2026, 10, 14))
    reading_of = _reading_of("lao_cai_bang_phan_cong", date(2026, 10, 7))
    reading = reading_of("what's due early next quarter?")
    assert reading.ask_back
    assert {(c.period.start, c.period.end) for c in reading.choices if c.period} == {
        (date(2027, 1, 1), date(2027, 1, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
    }


def test_questions_of_rounds_302_and_303() -> None:
    """ "in the next week" is the coming seven days; "the old I&C dept"; a file's column,
    said after the question, is no field asked."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 6, 3))
    intent = best("anything coming due in the next week?")
    assert intent.period is not None
    assert (intent.period.start, intent.period.end) == (date(2026, 6, 3), date(2026, 6, 10))
    intent = best("how many of the old I&C dept's tasks are actually underway")
    assert intent.agencies == ("so-khoa-hoc-va-cong-nghe",)
    text = "are there any tasks w no deadline at all? "
    text += "the donor template has a 'target date' column i need to fill"
    intent = best(text)
    assert (intent.ask, intent.status) == (Ask.LIST, Status.UNDATED)


def test_questions_of_rounds_304_and_305() -> None:
    """Chat shorthand ("tsks", "2" for "to", "wat"); whether the office is open is small
    talk; an update's subject said in many words before its colon."""
    best = _best_of("lao_cai_bang_phan_cong", date(2026, 12, 16))
    assert best("wats left 2 finish from now til 31/12").status is Status.DUE
    intent = best("export our tsks 2 excel pls")
    assert (intent.ask, intent.own, intent.task) == (Ask.EXPORT, True, None)
    assert best("wat can u do").ask is Ask.HELP
    assert best("does anyone know if the office is open on 2 sept").ask is Ask.OFF_TOPIC
    best = _best_of("khanh_hoa_kiem_soat", date(2026, 8, 26))
    text = "update on the land procedures review: our legal comments are in, roughly 60% done"
    intent = best(text)
    assert (intent.action, intent.task) == (Action.REPORT_PROGRESS, TaskRef(None, "2"))


def test_questions_of_rounds_306_and_307() -> None:
    """Missed deadlines are overdue; "for another month"; closing the year's file, and
    what "we did not manage to finish", as said."""
    best = _best_of("danh_muc_gia_lai", date(2027, 1, 6))
    intent = best("which tasks missed their deadline in the last quarter of 2026?")
    assert intent.status is Status.OVERDUE
    assert best("please gia hạn task 4.1 for another month").duration == Duration(1, "month")
    text = "Closing out the 2026 PAR file. Which of our own tasks did we not manage to finish?"
    intent = best(text)
    assert (intent.ask, intent.status, intent.own) == (Ask.LIST, Status.OPEN, True)


def test_questions_of_rounds_308_and_309() -> None:
    """A leader's "how bad is it" is where things stand."""
    best = _best_of("sample", date(2026, 2, 25))
    assert best("How bad is it, overall?").ask is Ask.PROGRESS
    assert best("how bad are things with Justice").agencies == ("so-tu-phap",)


def test_questions_of_rounds_310_and_311() -> None:
    """A belief to confirm with "right?" and a number of tasks in words asks the count;
    "right now" is no such word."""
    best = _best_of("sample", date(2026, 9, 9))
    intent = best("We lead two tasks in this plan, right?")
    assert (intent.ask, intent.role, intent.own) == (Ask.COUNT, Role.LEAD, True)
    asked = {
        "Only one task in the plan has no set deadline, right?": Ask.COUNT,
        "is anything overdue right now": Ask.LIST,
    }
    assert {text: best(text).ask for text in asked} == asked


def test_questions_of_rounds_316_and_317() -> None:
    """Whether a deadline moved, asked, is the task's deadline; a request moves it."""
    best = _best_of("sample", date(2026, 5, 13))
    for text in (
        "has task II.3 been extended?",
        "Is II.3 still due in Q3 or has it been pushed back?",
    ):
        intent = best(text)
        assert (intent.ask, intent.field, intent.action) == (Ask.TASK, TaskField.DUE, None), text
    assert best("please extend II.3 by a month").action is Action.EXTEND


def test_questions_of_rounds_320_and_321() -> None:
    """Dictated numbers with a row's letter; context in a sentence of its own, before a
    question and thanks; "they" said of the body the context names."""
    assert "2.7.a.3" in _speller().translate("who is the lead on task two point seven a three")
    assert "iso 9001" in _speller().translate("how is the iso nine thousand one thing going")
    best = _best_of("sample", date(2026, 4, 22))
    text = (
        "Hello, the Department of Finance rang this morning about next year's budget. "
        "Which tasks does the Department of Justice lead? Thanks in advance."
    )
    intent = best(text)
    assert (intent.ask, intent.agencies, intent.period, intent.own) == (
        Ask.LIST,
        ("so-tu-phap",),
        None,
        False,
    )
    intent = best("I'm seeing the Department of Justice at 3 pm. What are they supposed to do?")
    assert intent.agencies == ("so-tu-phap",)
    intent = best("pls show me the card for reform coverage in newspapers and on radio")
    assert (intent.ask, intent.task) == (Ask.TASK, TaskRef("IV", "2"))


def test_questions_of_rounds_322_and_323() -> None:
    """What is left out is not asked of; a part denied; the asker narrowing to their own."""
    best = _best_of("sample", date(2026, 7, 15))
    intent = best("Other than the Department of Justice, which agencies have overdue tasks?")
    assert (intent.ask, intent.status, intent.agencies) == (Ask.LIST, Status.OVERDUE, ())
    intent = best("Apart from our department, how many tasks are still open?")
    assert (intent.ask, intent.status, intent.own) == (Ask.COUNT, Status.OPEN, False)
    intent = best("Export the unfinished tasks to Excel, leaving out the completed ones")
    assert (intent.ask, intent.status) == (Ask.EXPORT, Status.OPEN)
    intent = best("Are there tasks where we only support and don't lead?")
    assert (intent.role, intent.own) == (Role.SUPPORT, True)
    intent = best("Show me everything overdue in the whole plan. Actually, only ours.")
    assert (intent.status, intent.own) == (Status.OVERDUE, True)


def test_questions_of_rounds_324_and_325() -> None:
    """English typed short ("ovd", "supp", "wip", "ddl", "cnt"); what is about to slip."""
    best = _best_of("sample", date(2026, 10, 14))
    intent = best("pls list ovd tasks for the DOJ")
    assert (intent.status, intent.agencies) == (Status.OVERDUE, ("so-tu-phap",))
    assert best("DOJ supp tasks?").role is Role.SUPPORT
    assert best("wip tasks?").status is Status.IN_PROGRESS
    intent = best("#3 ddl?")
    assert (intent.ask, intent.field) == (Ask.TASK, TaskField.DUE)
    assert best("Q4 deadlines cnt?").ask is Ask.COUNT
    intent = best("anything about to slip?")
    assert (intent.status, intent.period) == (
        Status.DUE,
        Period(PeriodKind.RANGE, date(2026, 10, 14), date(2026, 10, 21)),
    )
