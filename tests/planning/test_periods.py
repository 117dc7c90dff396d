"""Periods as questions name them: "quý 1", "tháng 12", "từ 1/10 đến 31/12", "tuần sau"."""

from __future__ import annotations

from datetime import date

import pytest

from i18n import use_language
from planning.periods import Duration, Period, PeriodKind, find_periods, soon
from planning.questions.words import phrase

WEDNESDAY = date(2025, 11, 12)  # its week runs Monday 10/11 to Sunday 16/11
PLAN_2025 = (2025, 2025)


def read(text: str, today: date = WEDNESDAY, years: tuple[int, int] | None = PLAN_2025):
    """The periods and durations a text names, each with the words it took."""
    words = phrase(text)
    return [(f.value, " ".join(words[f.start : f.end])) for f in find_periods(words, today, years)]


def period(text: str, **kwargs) -> Period:  # type: ignore[no-untyped-def]
    (found,) = read(text, **kwargs)
    assert isinstance(found[0], Period), found
    return found[0]


# (question words, label, first day, last day)
PERIODS = [
    ("quý 1", "quý I/2025", date(2025, 1, 1), date(2025, 3, 31)),
    ("quy I", "quý I/2025", date(2025, 1, 1), date(2025, 3, 31)),
    ("quý IV/2025", "quý IV/2025", date(2025, 10, 1), date(2025, 12, 31)),
    ("quý 2 năm 2026", "quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
    ("q3", "quý III/2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("quý này", "quý IV/2025", date(2025, 10, 1), date(2025, 12, 31)),
    ("quý sau", "quý I/2026", date(2026, 1, 1), date(2026, 3, 31)),
    ("quý trước", "quý III/2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("tháng 12", "tháng 12/2025", date(2025, 12, 1), date(2025, 12, 31)),
    ("thang 2/2024", "tháng 2/2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("t3", "tháng 3/2025", date(2025, 3, 1), date(2025, 3, 31)),
    ("tháng này", "tháng 11/2025", date(2025, 11, 1), date(2025, 11, 30)),
    ("tháng sau", "tháng 12/2025", date(2025, 12, 1), date(2025, 12, 31)),
    ("tháng trước", "tháng 10/2025", date(2025, 10, 1), date(2025, 10, 31)),
    ("6 tháng đầu năm", "6 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 6, 30)),
    ("sáu tháng cuối năm 2024", "6 tháng cuối năm 2024", date(2024, 7, 1), date(2024, 12, 31)),
    ("nửa đầu năm", "6 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 6, 30)),
    ("năm 2024", "năm 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("năm nay", "năm 2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("cả năm", "năm 2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("tuần này", "10/11/2025–16/11/2025", date(2025, 11, 10), date(2025, 11, 16)),
    ("tuần sau", "17/11/2025–23/11/2025", date(2025, 11, 17), date(2025, 11, 23)),
    ("tuan toi", "17/11/2025–23/11/2025", date(2025, 11, 17), date(2025, 11, 23)),
    ("tuần trước", "03/11/2025–09/11/2025", date(2025, 11, 3), date(2025, 11, 9)),
    ("hôm nay", "12/11/2025", WEDNESDAY, WEDNESDAY),
    ("ngày mai", "13/11/2025", date(2025, 11, 13), date(2025, 11, 13)),
    ("hôm qua", "11/11/2025", date(2025, 11, 11), date(2025, 11, 11)),
    ("ngày 31/12/2025", "31/12/2025", date(2025, 12, 31), date(2025, 12, 31)),
    ("31-12", "31/12/2025", date(2025, 12, 31), date(2025, 12, 31)),
    ("15.1.26", "15/01/2026", date(2026, 1, 15), date(2026, 1, 15)),
    ("từ 1/10 đến 31/12", "01/10/2025–31/12/2025", date(2025, 10, 1), date(2025, 12, 31)),
    ("từ tháng 3 đến tháng 5", "01/03/2025–31/05/2025", date(2025, 3, 1), date(2025, 5, 31)),
    ("từ 1/11 đến 31/1", "01/11/2025–31/01/2026", date(2025, 11, 1), date(2026, 1, 31)),
    ("trước ngày 30/6", "01/01/2025–30/06/2025", date(2025, 1, 1), date(2025, 6, 30)),
    ("10 ngày tới", "12/11/2025–22/11/2025", WEDNESDAY, date(2025, 11, 22)),
    ("trong 2 tuần", "12/11/2025–26/11/2025", WEDNESDAY, date(2025, 11, 26)),
    # The ten-day parts of a month, as administrative documents write them.
    ("thượng tuần tháng 12", "01/12/2025–10/12/2025", date(2025, 12, 1), date(2025, 12, 10)),
    ("trung tuan thang 11", "11/11/2025–20/11/2025", date(2025, 11, 11), date(2025, 11, 20)),
    ("hạ tuần tháng 2/2026", "21/02/2026–28/02/2026", date(2026, 2, 21), date(2026, 2, 28)),
    ("từ nay đến hết năm", "12/11/2025–31/12/2025", WEDNESDAY, date(2025, 12, 31)),
    ("từ đầu quý IV đến nay", "01/10/2025–12/11/2025", date(2025, 10, 1), WEDNESDAY),
    # ... of the month or quarter named, though the end is in a later one
    ("tu dau thang 7 den gio", "01/07/2025–12/11/2025", date(2025, 7, 1), WEDNESDAY),
    ("từ đầu quý II tới nay", "01/04/2025–12/11/2025", date(2025, 4, 1), WEDNESDAY),
    ("từ 3/11 đến nay", "03/11/2025–12/11/2025", date(2025, 11, 3), WEDNESDAY),
    # Days of one week, the week said at either end, else this week.
    (
        "từ thứ 2 tuần sau tới chủ nhật",
        "17/11/2025–23/11/2025",
        date(2025, 11, 17),
        date(2025, 11, 23),
    ),
    (
        "từ thứ 2 đến thứ 6 tuần sau",
        "17/11/2025–21/11/2025",
        date(2025, 11, 17),
        date(2025, 11, 21),
    ),
    ("tu thu 4 toi thu 6", "12/11/2025–14/11/2025", WEDNESDAY, date(2025, 11, 14)),
    # ... and from one of this week's days to today.
    ("từ thứ 2 tới giờ", "10/11/2025–12/11/2025", date(2025, 11, 10), WEDNESDAY),
    ("tu thu hai den nay", "10/11/2025–12/11/2025", date(2025, 11, 10), WEDNESDAY),
    # The parts of a month as people say them, like the ten-day parts.
    ("đầu tháng 12", "01/12/2025–10/12/2025", date(2025, 12, 1), date(2025, 12, 10)),
    ("giua thang sau", "11/12/2025–20/12/2025", date(2025, 12, 11), date(2025, 12, 20)),
    ("cuối tháng này", "21/11/2025–30/11/2025", date(2025, 11, 21), date(2025, 11, 30)),
    # The last such day before today.
    ("thứ 2 vừa rồi", "10/11/2025", date(2025, 11, 10), date(2025, 11, 10)),
    ("hôm thứ 6 vừa qua", "07/11/2025", date(2025, 11, 7), date(2025, 11, 7)),
]


@pytest.mark.parametrize(("text", "label", "first", "last"), PERIODS)
def test_a_period_is_a_window_with_a_label(text, label, first, last):
    found = period(text)
    assert (found.label, found.start, found.end) == (label, first, last)
    assert first in found and last in found


def test_a_period_without_a_year_falls_in_the_plans_year():
    asked_later = date(2026, 2, 10)
    assert period("quý 1", today=asked_later).label == "quý I/2025"
    assert period("quý 1", today=asked_later, years=None).label == "quý I/2026"
    # A plan over several years: the current year while it runs, else its first.
    assert period("tháng 3", today=date(2023, 5, 1), years=(2021, 2025)).label == "tháng 3/2023"
    assert period("tháng 3", today=date(2030, 5, 1), years=(2021, 2025)).label == "tháng 3/2021"


def test_relative_periods_count_from_today_whatever_the_plan():
    assert period("tuần này", today=date(2026, 3, 23)).start == date(2026, 3, 23)
    assert period("tuần này", today=date(2026, 3, 29)).end == date(2026, 3, 29)
    assert period("tháng sau", today=date(2025, 12, 5)).label == "tháng 1/2026"


@pytest.mark.parametrize(
    "text",
    ["từ giờ đến cuối năm", "tu nay toi cuoi nam", "từ bây giờ đến cuối năm", "đến cuối năm"],
)
def test_from_now_to_the_end_of_the_year(text):
    window = period(text, today=date(2025, 6, 25))
    assert (window.start, window.end) == (date(2025, 6, 25), date(2025, 12, 31))


def test_from_now_typed_short():
    # "từ giờ" typed "từ h": from today, where "tới 31/3" alone is the year up to that day.
    window = period("tu h toi 31/3", today=date(2025, 2, 27))
    assert (window.start, window.end) == (date(2025, 2, 27), date(2025, 3, 31))


def test_a_period_is_found_among_other_words():
    assert read("việc quá hạn quý 1 của sở tư pháp") == [(period("quý 1"), "quy 1")]


@pytest.mark.parametrize(
    ("text", "label", "first", "last"),
    [
        ("báo cáo 6 tháng", "6 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("bao cao 6 thang nam 2024", "6 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("báo cáo 9 tháng", "01/01/2025–30/09/2025", date(2025, 1, 1), date(2025, 9, 30)),
        ("bc 9 thang", "01/01/2025–30/09/2025", date(2025, 1, 1), date(2025, 9, 30)),
        ("9 tháng đầu năm", "01/01/2025–30/09/2025", date(2025, 1, 1), date(2025, 9, 30)),
        ("9 thang dau nam 2024", "01/01/2024–30/09/2024", date(2024, 1, 1), date(2024, 9, 30)),
        ("3 tháng cuối năm", "01/10/2025–31/12/2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("2 tháng đầu năm", "01/01/2025–28/02/2025", date(2025, 1, 1), date(2025, 2, 28)),
    ],
)
def test_the_half_year_and_nine_month_reports_name_their_period(text, label, first, last):
    with use_language("vi"):
        found = [v for v, _ in read(text) if isinstance(v, Period)]
        assert [(p.label, p.start, p.end) for p in found] == [(label, first, last)]


def test_six_months_elsewhere_is_a_duration():
    assert read("gia hạn 6 tháng") == [(Duration(6, "month"), "6 thang")]
    assert read("thêm 9 tháng") == [(Duration(9, "month"), "them 9 thang")]


# (words, duration)
DURATIONS = [
    ("thêm 1 tháng", Duration(1, "month")),
    ("15 ngày", Duration(15, "day")),
    ("them hai tuan", Duration(2, "week")),
]


@pytest.mark.parametrize(("text", "duration"), DURATIONS)
def test_a_duration_is_how_much_longer(text, duration):
    assert read(text) == [(duration, " ".join(phrase(text)))]


@pytest.mark.parametrize(
    "text",
    ["31/02", "tháng 13", "quý 5", "nam 1999x", "6 tháng", "ngày nào", "đến hạn", ""]
    # "the quarter is ending": a remark, no window
    + ["cuối quý rồi", "cuoi thang roi"],
)
def test_what_is_no_period_is_not_read_as_one(text):
    assert [v for v, _ in read(text) if isinstance(v, Period)] == []


def test_a_deadline_at_the_end_of_a_month_is_its_last_day_not_its_last_ten():
    assert period("hạn cuối tháng 9").label == "tháng 9/2025"


def test_labels_follow_the_language():
    with use_language("en"):
        assert period("quý 1").label == "quarter I/2025"
        assert period("6 tháng cuối năm").label == "second half of 2025"


def test_soon_is_the_next_seven_days():
    window = soon(WEDNESDAY)
    assert (window.kind, window.start, window.end) == (
        PeriodKind.RANGE,
        WEDNESDAY,
        date(2025, 11, 19),
    )


def test_before_tet_runs_to_the_eve_of_the_coming_lunar_new_year():
    # Tết 2026 falls on 17/02 and Tết 2027 on 06/02, lunar dates the calendar knows.
    assert period("trước tết", today=date(2026, 1, 22), years=None).label == "01/01/2026–16/02/2026"
    assert period("Trước Tết Nguyên đán", today=date(2026, 2, 2)).end == date(2026, 2, 16)
    # Asked in December, "before Tết" is the coming one, from today.
    window = period("truoc tet", today=date(2025, 12, 10), years=None)
    assert (window.start, window.end) == (date(2025, 12, 10), date(2026, 2, 16))
    # Asked soon after Tết, it is the one just past; asked in the autumn, the coming one.
    assert period("hạn từ trước tết", today=date(2026, 3, 2), years=None).end == date(2026, 2, 16)
    assert period("trước tết", today=date(2026, 10, 2), years=None).end == date(2027, 2, 5)
    assert read("nghỉ tết") == []


def test_spans_counted_from_today_forward_and_back():
    # Wednesday 12/11/2025.
    for text, start, end in (
        ("trong vòng 1 tháng tới", date(2025, 11, 12), date(2025, 12, 12)),
        ("10 ngày qua", date(2025, 11, 2), date(2025, 11, 12)),
        ("2 tuần vừa rồi", date(2025, 10, 29), date(2025, 11, 12)),
        ("1 tháng qua", date(2025, 10, 12), date(2025, 11, 12)),
        ("tuần tới với tuần sau nữa", date(2025, 11, 17), date(2025, 11, 30)),
    ):
        window = period(text)
        assert (window.start, window.end) == (start, end), text
    # The months left said as a remark are no window; the end said then is the window's.
    assert read("còn 1 tháng nữa là hết năm") == [(Duration(1, "month"), "1 thang")]
    found = read("còn hơn 1 tháng nữa là hết quý IV rồi, từ giờ tới đó")
    assert found[-1][0] == Period(PeriodKind.RANGE, WEDNESDAY, date(2025, 12, 31))


def test_since_the_start_of_this_week_and_up_to_the_end_of_a_day():
    # Wednesday 12/11/2025: "tuần tới" there is no next week.
    for text in ("từ đầu tuần tới giờ", "tu dau tuan den nay"):
        window = period(text)
        assert (window.start, window.end) == (date(2025, 11, 10), WEDNESDAY), text
    window = period("từ đầu năm đến hết ngày 30/9/2025")
    assert (window.start, window.end) == (date(2025, 1, 1), date(2025, 9, 30))


def test_half_months_and_days_of_a_month_said_from_today():
    # Wednesday 12/11/2025.
    for text, start, end in (
        ("nửa cuối tháng này", date(2025, 11, 16), date(2025, 11, 30)),
        ("nua dau thang sau", date(2025, 12, 1), date(2025, 12, 15)),
        ("nửa đầu tháng 12", date(2025, 12, 1), date(2025, 12, 15)),
        ("mùng 5 tháng sau", date(2025, 12, 5), date(2025, 12, 5)),
        ("ngày 20 tháng này", date(2025, 11, 20), date(2025, 11, 20)),
        ("từ giờ tới mùng 10 tháng sau", WEDNESDAY, date(2025, 12, 10)),
    ):
        window = period(text)
        assert (window.start, window.end) == (start, end), text
    # The year's halves stay the year's.
    assert period("nửa đầu năm").label == "6 tháng đầu năm 2025"


def test_windows_to_days_no_one_is_off_and_to_the_western_new_year():
    # Wednesday 12/11/2025: days said by name are the days themselves, Tết's eve is not.
    assert period("trước Giáng sinh").label == "01/01/2025–25/12/2025"
    assert period("trước Noel").end == date(2025, 12, 25)
    assert period("trước Tết thiếu nhi 1/6", today=date(2025, 4, 8)).end == date(2025, 6, 1)
    window = period("từ nay tới Giáng sinh")
    assert (window.start, window.end) == (WEDNESDAY, date(2025, 12, 25))
    # "tới Tết tây": from today to the year's last day.
    window = period("tới tết tây")
    assert (window.start, window.end) == (WEDNESDAY, date(2025, 12, 31))


def test_weeks_by_their_number_and_windows_at_the_turn_of_the_year():
    # Wednesday 23/12/2026, a 2026 plan.
    day, plan = date(2026, 12, 23), (2026, 2026)
    for text, start, end in (
        ("lịch tuần 52", date(2026, 12, 21), date(2026, 12, 27)),
        ("tuan 51", date(2026, 12, 14), date(2026, 12, 20)),
        ("tuần thứ 2 của tháng 12", date(2026, 12, 14), date(2026, 12, 20)),
        ("tuần thứ hai tháng 12", date(2026, 12, 14), date(2026, 12, 20)),
        ("tuần cuối cùng của năm", date(2026, 12, 28), date(2027, 1, 3)),
        # A month's last week stays its last seven days.
        ("tuần cuối tháng 12", date(2026, 12, 25), date(2026, 12, 31)),
    ):
        window = period(text, today=day, years=plan)
        assert (window.start, window.end) == (start, end), text
    # Which month's week, unsaid: no window.
    assert read("tuần 2", today=day, years=plan) == []
    # The next January to come; "tới hạn" is no "next".
    assert period("tháng 1 tới", today=day, years=plan).label == "tháng 1/2027"
    assert period("quý 1 sắp tới", today=day, years=plan).label == "quý I/2027"
    assert period("tháng 1 tới hạn", today=day, years=plan).label == "tháng 1/2026"
    assert period("sang năm", today=day, years=plan).label == "năm 2027"
    # "đầu năm sau": its January, its first quarter beside.
    (found,) = find_periods(phrase("đầu năm sau"), day, plan)
    assert (found.value.label, found.rival and found.rival.label) == ("tháng 1/2027", "quý I/2027")


def test_from_the_day_after_and_to_the_end_of_the_month_a_range_starts_in():
    # Wednesday 12/11/2025.
    for text, start, end in (
        ("từ sau 2/12 tới hết tháng 12", date(2025, 12, 3), date(2025, 12, 31)),
        ("từ sau Quốc khánh đến 30/9", date(2025, 9, 3), date(2025, 9, 30)),
        ("từ ngày 2/12 tới cuối tháng", date(2025, 12, 2), date(2025, 12, 31)),
        ("từ sau Giáng sinh tới hết năm", date(2025, 12, 26), date(2025, 12, 31)),
    ):
        window = period(text)
        assert (window.start, window.end) == (start, end), text
    # A start still to come, up to now: no window runs into next year.
    assert all(p.end.year == 2025 for p, _ in read("từ sau 15/12 đến giờ"))


def test_the_tet_just_past_coming_or_of_this_year():
    august = date(2026, 8, 25)
    assert period("trước Tết vừa rồi", today=august, years=None).label == "01/01/2026–16/02/2026"
    assert period("trước Tết năm nay", today=august, years=None).end == date(2026, 2, 16)
    assert period("trước Tết sắp tới", today=august, years=None).end == date(2027, 2, 5)
    # Asked in January, this year's Tết is still to come.
    january = date(2026, 1, 10)
    assert period("trước Tết năm nay", today=january, years=None).end == date(2026, 2, 16)
    assert period("trước Tết vừa rồi", today=january, years=None).end == date(2025, 1, 28)


def test_the_week_said_with_sang():
    # Wednesday 12/11/2025: "sang tuần" is next week.
    window = period("sang tuần có việc gì ko")
    assert (window.start, window.end) == (date(2025, 11, 17), date(2025, 11, 23))
    assert period("lùi sang tuần 48 nhé").start == date(2025, 11, 24)


def test_up_to_the_day_of_a_meeting_named_before_it_and_a_month_said_this():
    # Wednesday 12/11/2025: from now to the day of a meeting named before its date.
    for text in ("từ nay đến phiên họp BCĐ ngày 20/11", "từ nay tới cuộc họp giao ban 20/11"):
        window = period(text)
        assert (window.start, window.end) == (date(2025, 11, 12), date(2025, 11, 20)), text
    # "tháng 4 này": this year's April, whatever year the plan is of.
    april = date(2021, 4, 6)
    assert period("tháng 4 này có gì", today=april, years=(2024, 2024)).label == "tháng 4/2021"
    assert period("tháng 4 có gì", today=april, years=(2024, 2024)).label == "tháng 4/2024"


def test_a_share_of_the_things_counted_is_no_day():
    # "2/3 số thủ tục": two thirds of the procedures, not the 2nd of March.
    assert read("bên em rà xong khoảng 2/3 số thủ tục rồi") == []
    assert period("hạn 2/3 số thủ tục phải công bố").start == date(2025, 3, 2)


def test_the_first_half_up_to_now_is_this_years():
    # "6 tháng đầu năm tới giờ": this year's first half, up to now, no next year.
    assert period("6 thang dau nam toi gio hoan thanh bao nhieu").label == "6 tháng đầu năm 2025"
    assert period("quý 1 năm tới").label == "quý I/2026"


def test_two_days_said_without_tu_bound_a_range():
    # Wednesday 12/11/2025: "trong khoảng 1/12 đến 31/12", "giữa 1/12 và 15/1".
    assert period("hạn trong khoảng 1/12 đến 31/12 có gì").label == "01/12/2025–31/12/2025"
    assert period("giữa 1/12 và 15/1 có việc gì đến hạn").label == "01/12/2025–15/01/2026"
    # A day said before "đến hạn" is that day.
    assert period("ngày 1/12 đến hạn gì").label == "01/12/2025"


def test_days_of_months_and_mid_months_bound_a_range():
    # Wednesday 12/11/2025: "từ 15 tháng 11": a day of a month, no fifteen months.
    assert period("từ 15 tháng 11 tới 15 tháng 12 có gì").label == "15/11/2025–15/12/2025"
    # "6 tháng 1 lần": every six months, no 6 January.
    assert read("đối thoại 6 tháng 1 lần")[0][0] == Duration(6, "month")
    # "giữa tháng" at a range's end is its 15th, "tháng 11 tới giữa" no next November.
    assert period("từ giữa tháng 11 tới giữa tháng 12").label == "15/11/2025–15/12/2025"
    # "tới ngày 20": the next 20th from today; "trước mùng 10": the next 10th.
    assert period("từ giờ tới ngày 20 có gì").label == "12/11/2025–20/11/2025"
    assert period("từ giờ tới ngày 5 có gì").label == "12/11/2025–05/12/2025"


def test_half_a_month_and_the_end_of_the_year_asked_of():
    # "nửa tháng": fifteen days, more time or from today on.
    assert read("cho lùi thêm nửa tháng")[0][0] == Duration(15, "day")
    assert period("nửa tháng tới có gì đến hạn").label == "12/11/2025–27/11/2025"
    # A bare "cuối năm" opening a question of what falls in it: December, or the quarter.
    assert period("cuối năm có những việc nào đến hạn").label == "tháng 12/2025"
    assert read("cuối năm rồi mà còn nhiều việc trễ") == []
