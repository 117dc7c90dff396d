"""Questions as coordinators type them, with and without diacritics, and what they mean."""

from __future__ import annotations

from datetime import date

import pytest

from planning.agencies import AgencyDirectory
from planning.intent import (
    DEFAULT_SOON_DAYS,
    Intent,
    IntentKind,
    SectionRef,
    agency_in,
    interpret,
    section_in,
)

K = IntentKind
DIRECTORY = AgencyDirectory.load()
# The sections of the sample plan (bot/data/ke_hoach_mau.txt).
SECTIONS = (
    SectionRef("I", "Công tác chỉ đạo, điều hành"),
    SectionRef("II", "Cải cách thể chế"),
    SectionRef("III", "Cải cách thủ tục hành chính"),
    SectionRef("IV", "Chuyển đổi số, xây dựng chính quyền số"),
)
WEDNESDAY = date(2026, 3, 25)  # "tuần này" runs 4 more days, to Sunday 29/03


def read(text: str, today: date = WEDNESDAY):  # type: ignore[no-untyped-def]
    return interpret(text, directory=DIRECTORY, sections=SECTIONS, today=today)


STP, TTTT, VP = "so-tu-phap", "so-thong-tin-va-truyen-thong", "van-phong-ubnd-tinh"

# (question, kind, agency key, section code, days)
SURE = [
    ("việc quá hạn của sở tư pháp", K.OVERDUE, STP, None, None),
    ("viec qua han cua so tu phap", K.OVERDUE, STP, None, None),
    ("VIỆC QUÁ HẠN CỦA SỞ TƯ PHÁP", K.OVERDUE, STP, None, None),
    ("quá hạn", K.OVERDUE, None, None, None),
    ("qua han", K.OVERDUE, None, None, None),
    ("những việc nào đang trễ hạn?", K.OVERDUE, None, None, None),
    ("Văn phòng UBND tỉnh trễ hạn những việc gì", K.OVERDUE, VP, None, None),
    ("STP có việc nào chậm tiến độ không", K.OVERDUE, STP, None, None),
    ("còn bao nhiêu việc quá hạn", K.OVERDUE, None, None, None),
    ("quá hạn cải cách thể chế", K.OVERDUE, None, "II", None),
    ("tuan nay den han gi", K.DUE_SOON, None, None, 4),
    ("tuần này đến hạn gì", K.DUE_SOON, None, None, 4),
    ("tuần tới có việc gì đến hạn", K.DUE_SOON, None, None, 11),
    ("việc sắp đến hạn", K.DUE_SOON, None, None, DEFAULT_SOON_DAYS),
    ("sap het han", K.DUE_SOON, None, None, DEFAULT_SOON_DAYS),
    ("hôm nay có việc gì", K.DUE_SOON, None, None, 0),
    ("ngày mai phải nộp gì", K.DUE_SOON, None, None, 1),
    ("việc sắp đến hạn trong 10 ngày tới", K.DUE_SOON, None, None, 10),
    ("tháng này sở tư pháp có việc gì đến hạn", K.DUE_SOON, STP, None, 6),
    ("tiến độ cải cách thủ tục hành chính", K.PROGRESS, None, "III", None),
    ("tien do cai cach thu tuc hanh chinh", K.PROGRESS, None, "III", None),
    ("tiến độ cải cách hành chính", K.PROGRESS, None, None, None),
    ("tiến độ chuyển đổi số", K.PROGRESS, None, "IV", None),
    ("tiến độ mục III", K.PROGRESS, None, "III", None),
    ("tien do phan 2", K.PROGRESS, None, "II", None),
    ("tỷ lệ đúng hạn của Sở Nội vụ", K.PROGRESS, "so-noi-vu", None, None),
    ("tình hình thực hiện của sở tư pháp thế nào", K.PROGRESS, STP, None, None),
    ("sở tư pháp thế nào", K.PROGRESS, STP, None, None),
    ("Sở TTTT còn bao nhiêu việc", K.COUNT_OPEN, TTTT, None, None),
    ("so tttt con bao nhieu viec", K.COUNT_OPEN, TTTT, None, None),
    ("sở thông tin và truyền thông còn mấy việc chưa xong", K.COUNT_OPEN, TTTT, None, None),
    ("còn bao nhiêu nhiệm vụ chưa hoàn thành", K.COUNT_OPEN, None, None, None),
    ("báo cáo", K.REPORT, None, None, None),
    ("bao cao", K.REPORT, None, None, None),
    ("cho tôi xem báo cáo tổng hợp", K.REPORT, None, None, None),
    ("tóm tắt kế hoạch", K.REPORT, None, None, None),
    ("xuất báo cáo excel", K.EXPORT, None, None, None),
    ("xuat bao cao excel", K.EXPORT, None, None, None),
    ("gửi tôi file excel", K.EXPORT, None, None, None),
    ("tải về bảng tính", K.EXPORT, None, None, None),
]


@pytest.mark.parametrize(("text", "kind", "agency", "section", "days"), SURE)
def test_a_clear_question_has_one_reading(text, kind, agency, section, days):
    reading = read(text)
    assert not reading.unsure, reading
    intent = reading.best
    assert (intent.kind, intent.agency, intent.section, intent.days) == (
        kind,
        agency,
        section,
        days,
    )
    assert intent.confidence >= 0.3


UNKNOWN = [
    "",
    "   ",
    "xin chào",
    "cảm ơn bạn nhiều",
    "ok",
    "123",
    "thời tiết hôm nay thế nào",
    "bạn là ai",
    "gửi minh chứng",
    "đổi ngôn ngữ",
    "hôm nay",
    "con mèo",
    "???",
]


@pytest.mark.parametrize("text", UNKNOWN)
def test_small_talk_is_not_a_question(text):
    reading = read(text)
    assert reading.kind is K.UNKNOWN
    assert not reading.unsure
    assert reading.best.confidence == 0.0


# (question, the two readings offered)
UNSURE = [
    ("báo cáo tiến độ", {K.REPORT, K.PROGRESS}),
    ("bao cao qua han", {K.REPORT, K.OVERDUE}),
    ("sở tư pháp", {K.PROGRESS, K.OVERDUE}),
    ("Sở Tư pháp?", {K.PROGRESS, K.OVERDUE}),
    ("cải cách thể chế", {K.PROGRESS, K.OVERDUE}),
]


@pytest.mark.parametrize(("text", "kinds"), UNSURE)
def test_two_close_readings_are_both_offered(text, kinds):
    reading = read(text)
    assert reading.unsure
    assert len(reading.intents) == 2
    assert {i.kind for i in reading.intents} == kinds
    assert all(i.confidence <= 0.5 for i in reading.intents)


def test_an_unsure_reading_keeps_the_agency_for_both_offers():
    reading = read("sở tư pháp")
    assert [i.agency for i in reading.intents] == [STP, STP]


def test_this_week_runs_to_sunday_whatever_the_day():
    monday, sunday = date(2026, 3, 23), date(2026, 3, 29)
    assert read("tuần này đến hạn gì", monday).best.days == 6
    assert read("tuần này đến hạn gì", sunday).best.days == 0


def test_this_month_runs_to_its_last_day():
    assert read("tháng này đến hạn gì", date(2026, 2, 10)).best.days == 18


def test_a_report_or_an_export_is_about_the_whole_plan():
    intent = read("xuất báo cáo excel của sở tư pháp").best
    assert intent == Intent(K.EXPORT, confidence=intent.confidence)


def test_an_agency_is_found_anywhere_in_a_sentence():
    assert agency_in("cho hỏi việc của Sở KH&CN với", DIRECTORY) == "so-khoa-hoc-va-cong-nghe"
    assert agency_in("việc của văn phòng ubnd tỉnh", DIRECTORY) == VP  # the longest name
    assert agency_in("việc của ai đó", DIRECTORY) is None


def test_a_section_is_found_by_code_number_or_title():
    assert section_in("III", SECTIONS) == "III"
    assert section_in("mục 3", SECTIONS) == "III"
    assert section_in("cai cach the che", SECTIONS) == "II"
    assert section_in("Cải cách thủ tục hành chánh", SECTIONS) == "III"  # a typo
    assert section_in("sở tư pháp", SECTIONS) is None


def test_without_sections_no_section_is_read():
    reading = interpret(
        "tiến độ cải cách thủ tục hành chính", directory=DIRECTORY, sections=(), today=WEDNESDAY
    )
    assert reading.best.kind is K.PROGRESS and reading.best.section is None
