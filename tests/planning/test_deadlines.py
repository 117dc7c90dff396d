"""The deadline parser, read against the deadline cells of the five real plans."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date as D
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.deadlines import parse_deadline
from planning.types import Deadline, DeadlineKind
from tests.conftest import seed_lines

# The plans' years: 000 is a 2021-2025 plan issued in 2021; 001 is for 2018; 002 for
# 2024; 003 for 2025 (issued late in 2024); 004 for 2021.
P000 = (2021, 2025)
Dues = list[tuple[D | None, str | None]]


def yearly(month: int, day: int, first: int, last: int) -> Dues:
    return [(D(y, month, day), None) for y in range(first, last + 1)]


def quarter_ends(first: int, last: int) -> Dues:
    ends = ((3, 31), (6, 30), (9, 30), (12, 31))
    return [(D(y, m, d), None) for y in range(first, last + 1) for m, d in ends]


def month_ends(year: int) -> Dues:
    return [(D(year, m, calendar.monthrange(year, m)[1]), None) for m in range(1, 13)]


def fridays_of_2021() -> Dues:
    # 1 January 2021 was a Friday.
    return [(D.fromordinal(D(2021, 1, 1).toordinal() + 7 * n), None) for n in range(53)]


UNDATED: Dues = [(None, None)]


def row(
    text: str,
    plan_year: int,
    period: tuple[int, int] | None,
    kind: str,
    dues: Sequence[tuple[D | None, str | None]],
) -> object:
    return pytest.param(text, plan_year, period, kind, dues, id=text[:48] or "empty")


TABLE = [
    # Seed 000: the last column of the 6-column appendix (a 2021-2025 plan).
    row("Hàng năm", 2021, P000, "recurring", yearly(12, 31, 2021, 2025)),
    row("", 2021, P000, "none", []),
    row("Năm 2022", 2021, P000, "year", [(D(2022, 12, 31), None)]),
    row("Năm 2023", 2021, P000, "year", [(D(2023, 12, 31), None)]),
    row("2022", 2021, P000, "year", [(D(2022, 12, 31), None)]),
    row("Thường xuyên", 2021, P000, "continuous", quarter_ends(2021, 2025)),
    row("Theo quy định của Trung ương", 2021, P000, "conditional", UNDATED),
    row("theo quy định của Chính phủ", 2021, P000, "conditional", UNDATED),
    row("theo Kế hoạch của UBND tỉnh", 2021, P000, "conditional", UNDATED),
    row("Quý I năm kế hoạch", 2021, P000, "recurring", yearly(3, 31, 2021, 2025)),
    row("Quý I năm 2022", 2021, P000, "quarter", [(D(2022, 3, 31), None)]),
    row("Quý II năm 2022", 2021, P000, "quarter", [(D(2022, 6, 30), None)]),
    # A row split by a page break: "Quý I năm" on one page, "2022" on the next.
    row("Quý I năm", 2021, P000, "quarter", [(D(2021, 3, 31), None)]),
    row("Quý I năm\n2022", 2021, P000, "quarter", [(D(2022, 3, 31), None)]),
    row("Năm 2022-2023", 2021, P000, "range", [(D(2023, 12, 31), None)]),
    row("Từ năm 2022 đến năm 2023", 2021, P000, "range", [(D(2023, 12, 31), None)]),
    row("Năm 2022 và những năm tiếp theo", 2021, P000, "recurring", yearly(12, 31, 2022, 2025)),
    row("Trước 25/12 năm báo cáo", 2021, P000, "recurring", yearly(12, 25, 2021, 2025)),
    row("Quý II, hàng năm", 2021, P000, "recurring", yearly(6, 30, 2021, 2025)),
    row(
        "Hàng năm. Năm 2022 hoàn thành các cơ quan hành chính",
        2021,
        P000,
        "multiple",
        sorted(yearly(12, 31, 2021, 2025) + [(D(2022, 12, 31), None)]),
    ),
    row(
        '<ul style="list-style-type: none"> - Quý I năm 2022',
        2021,
        P000,
        "quarter",
        [(D(2022, 3, 31), None)],
    ),
    # Seed 001: deadlines inside the bullets of a prose plan for 2018.
    row(
        "- Triển khai kết nối, liên thông phần mềm quản lý văn bản ở tất cả các cơ quan nhà nước"
        " từ cấp tỉnh đến cấp huyện và 100% cấp xã trước ngày 31/12/2018.",
        2018,
        None,
        "date",
        [(D(2018, 12, 31), None)],
    ),
    # The date of a cited decision is not a deadline.
    row(
        "- Thực hiện nghiêm túc Quyết định số 306-QĐ/TU ngày 25/5/2016 của Ban Thường vụ Tỉnh"
        " ủy trong việc triển khai thực hiện cải cách hành chính",
        2018,
        None,
        "conditional",
        UNDATED,
    ),
    row("trước ngày 31/12/2018", 2018, None, "date", [(D(2018, 12, 31), None)]),
    row("trong năm 2018", 2018, None, "year", [(D(2018, 12, 31), None)]),
    # Phrases the prose reader lifts out of bullets; one date written twice is one milestone.
    row("trong tháng 7/2018", 2018, None, "month", [(D(2018, 7, 31), None)]),
    row("Quý III/2018", 2018, None, "quarter", [(D(2018, 9, 30), None)]),
    row("chậm nhất là ngày 15 tháng 8 năm 2018", 2018, None, "date", [(D(2018, 8, 15), None)]),
    row("trước 31/12/2018; trong quý IV năm 2018", 2018, None, "date", [(D(2018, 12, 31), None)]),
    row("hằng năm", 2018, None, "recurring", [(D(2018, 12, 31), None)]),
    row(
        "Định kỳ 6 tháng/lần",
        2018,
        None,
        "recurring",
        [(D(2018, 6, 30), None), (D(2018, 12, 31), None)],
    ),
    # Seed 002: "Thời gian thực hiện:" / "Thời gian hoàn thành:" lines of a 2024 plan.
    row("Thường xuyên trong năm.", 2024, None, "continuous", quarter_ends(2024, 2024)),
    row("Niêm yết thường xuyên trong năm.", 2024, None, "continuous", quarter_ends(2024, 2024)),
    row("Thường xuyên trong năm 2024.", 2024, None, "continuous", quarter_ends(2024, 2024)),
    row(
        "Thường xuyên trong năm; định kỳ báo cáo kết quả thực hiện.",
        2024,
        None,
        "continuous",
        quarter_ends(2024, 2024),
    ),
    row("Chậm nhất là ngày 31/01/2024.", 2024, None, "date", [(D(2024, 1, 31), None)]),
    row(
        "Quyết định công bố chậm nhất ngày 01/3/2024; Báo cáo kết quả hệ thống hóa chậm nhất"
        " ngày 20/02/2024.",
        2024,
        None,
        "multiple",
        [(D(2024, 2, 20), None), (D(2024, 3, 1), None)],
    ),
    row(
        "Theo thời hạn quy định tại kế hoạch theo dõi thi hành PL của thành phố; định kỳ báo"
        " cáo kết quả thực hiện theo quy định.",
        2024,
        None,
        "recurring",
        quarter_ends(2024, 2024) + UNDATED,
    ),
    row(
        "Quý I/2024 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        2024,
        None,
        "multiple",
        [(D(2024, 3, 31), None)] + quarter_ends(2024, 2024),
    ),
    row(
        "Quý I năm 2024 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.",
        2024,
        None,
        "multiple",
        [(D(2024, 3, 31), None)] + quarter_ends(2024, 2024),
    ),
    row(
        "Quý I năm 2024 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        2024,
        None,
        "multiple",
        [(D(2024, 3, 31), None)] + quarter_ends(2024, 2024),
    ),
    row(
        "Quý I năm 2024 ban hành kế hoạch và triển khai trong năm; định kỳ báo cáo kết quả thực"
        " hiện về Sở Nội vụ.",
        2024,
        None,
        "multiple",
        sorted([(D(2024, 3, 31), None), (D(2024, 12, 31), None)] + quarter_ends(2024, 2024)),
    ),
    # The report has no date of its own here: the plan is due in the first quarter.
    row(
        "Quý I năm 2024 ban hành kế hoạch (trừ kiểm tra đột xuất); báo cáo kết quả thực hiện.",
        2024,
        None,
        "quarter",
        [(D(2024, 3, 31), None)],
    ),
    row(
        "Quý I năm 2024 ban hành Kế hoạch; tháng 12 năm 2024 báo cáo kết quả thực hiện về UBND"
        " tỉnh (qua Sở Nội vụ).",
        2024,
        None,
        "multiple",
        [(D(2024, 3, 31), None), (D(2024, 12, 31), None)],
    ),
    row(
        "Công văn triển khai trong quý I/2024; báo cáo kết quả hàng quý.",
        2024,
        None,
        "multiple",
        [(D(2024, 3, 31), None)] + quarter_ends(2024, 2024),
    ),
    row("Định kỳ hàng tháng trong năm.", 2024, None, "recurring", month_ends(2024)),
    row(
        "Tự kiểm tra định kỳ hàng tháng hoặc kiểm tra đột xuất.",
        2024,
        None,
        "recurring",
        month_ends(2024),
    ),
    row(
        "Theo quy định của Chính phủ và hướng dẫn của Sở Thông tin và Truyền thông.",
        2024,
        None,
        "conditional",
        UNDATED,
    ),
    row("theo thời gian quy định của UBND tỉnh.", 2024, None, "conditional", UNDATED),
    row(
        "tháng 6 và tháng 12/2024.",
        2024,
        None,
        "multiple",
        [(D(2024, 6, 30), None), (D(2024, 12, 31), None)],
    ),
    row("Hoàn thành quý I/2024.", 2024, None, "quarter", [(D(2024, 3, 31), None)]),
    row("Hoàn thành trong năm 2024.", 2024, None, "year", [(D(2024, 12, 31), None)]),
    row("Trong năm 2024.", 2024, None, "year", [(D(2024, 12, 31), None)]),
    row("Đầu năm 2024.", 2024, None, "quarter", [(D(2024, 3, 31), None)]),
    row("Quý I năm 2024.", 2024, None, "quarter", [(D(2024, 3, 31), None)]),
    row("Quý II năm 2024.", 2024, None, "quarter", [(D(2024, 6, 30), None)]),
    row("Quý III năm 2024.", 2024, None, "quarter", [(D(2024, 9, 30), None)]),
    row("Quý IV năm 2024.", 2024, None, "quarter", [(D(2024, 12, 31), None)]),
    # Seed 003: the "Thời gian" column of the 9-column appendix of the 2025 plan.
    row(
        "- UBND tỉnh: trước ngày 25/12/2024 - Sở, huyện: trước ngày 31/01/2025 - Cấp xã: trước"
        " ngày 28/02/2025",
        2025,
        None,
        "multiple",
        [
            (D(2024, 12, 25), "UBND tỉnh"),
            (D(2025, 1, 31), "Sở, huyện"),
            (D(2025, 2, 28), "Cấp xã"),
        ],
    ),
    row("Quý I/2025", 2025, None, "quarter", [(D(2025, 3, 31), None)]),
    row("Quý IV năm 2025", 2025, None, "quarter", [(D(2025, 12, 31), None)]),
    row("Quý IV", 2025, None, "quarter", [(D(2025, 12, 31), None)]),
    row("Năm 2025", 2025, None, "year", [(D(2025, 12, 31), None)]),
    row("Cả năm 2025", 2025, None, "year", [(D(2025, 12, 31), None)]),
    row("Cả năm", 2025, None, "year", [(D(2025, 12, 31), None)]),
    row(
        "Cả năm 2025 (đối với tuyển dụng công chức thực hiện sau khi có chủ trương của Bộ Chính"
        " trị)",
        2025,
        None,
        "year",
        [(D(2025, 12, 31), None)],
    ),
    row("Thường xuyên", 2025, None, "continuous", quarter_ends(2025, 2025)),
    row("Trước ngày 15/01/2025", 2025, None, "date", [(D(2025, 1, 15), None)]),
    row("Trước ngày 18/11/2025", 2025, None, "date", [(D(2025, 11, 18), None)]),
    row("Trước ngày 31/01/2026", 2025, None, "date", [(D(2026, 1, 31), None)]),
    row("Tháng 01/2025", 2025, None, "month", [(D(2025, 1, 31), None)]),
    row(
        "Quý II và Quý IV/2025",
        2025,
        None,
        "multiple",
        [(D(2025, 6, 30), None), (D(2025, 12, 31), None)],
    ),
    row(
        "Quý III, Quý IV và hoàn thành trước ngày 31/12 hàng năm",
        2025,
        None,
        "recurring",
        [(D(2025, 9, 30), None), (D(2025, 12, 31), None)],
    ),
    row("Hàng tháng hoặc đột xuất", 2025, None, "recurring", month_ends(2025)),
    row("Định kỳ hoặc đột xuất", 2025, None, "recurring", quarter_ends(2025, 2025)),
    row("Theo Kế hoạch phê duyệt", 2025, None, "conditional", UNDATED),
    row("Theo KH được phê duyệt", 2025, None, "conditional", UNDATED),
    row("Theo Kế hoạch được UBND tỉnh phê duyệt", 2025, None, "conditional", UNDATED),
    row("Theo KH năm", 2025, None, "conditional", UNDATED),
    row(
        "- Đối với báo cáo PBGDPL: Căn cứ vào KHPBGDPL của UBND tỉnh năm 2025. - Đối với báo"
        " cáo HP: Căn cứ vào văn bản của Sở Tư pháp để thực hiện.",
        2025,
        None,
        "conditional",
        UNDATED,
    ),
    row(
        "- Trước ngày 10/12/2025 đổi với báo cáo của UBND tỉnh - Trước ngày 01/12/2025 đổi với"
        " báo cáo Sở, ban, ngành cấp tỉnh; UBND cấp huyện.",
        2025,
        None,
        "multiple",
        [(D(2025, 12, 1), None), (D(2025, 12, 10), None)],
    ),
    # Cells torn by a page break, first as they lie in the file, then joined again.
    row("-UBND cấp huyện: Trước", 2025, None, "conditional", UNDATED),
    row(
        "15/8/2025 - Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh: Trước ngày 31/8/2025; -"
        " Văn phòng UBND cấp tỉnh: Trước 30/9/2025",
        2025,
        None,
        "multiple",
        [
            (D(2025, 8, 15), None),
            (D(2025, 8, 31), "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh"),
            (D(2025, 9, 30), "Văn phòng UBND cấp tỉnh"),
        ],
    ),
    row(
        "-UBND cấp huyện: Trước\n15/8/2025 - Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh:"
        " Trước ngày 31/8/2025; - Văn phòng UBND cấp tỉnh: Trước 30/9/2025",
        2025,
        None,
        "multiple",
        [
            (D(2025, 8, 15), "UBND cấp huyện"),
            (D(2025, 8, 31), "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh"),
            (D(2025, 9, 30), "Văn phòng UBND cấp tỉnh"),
        ],
    ),
    row(
        "-Kế hoạch: Trước ngày 29/01/2025 đối với Kế hoạch của UBND tỉnh; Trước ngày 10/02/2025"
        " , đối với các cơ quan chuyên môn thuộc UBND cấp tỉnh; UBND cấp huyện. Báo cáo: Đối"
        " với các cơ quan chuyên môn thuộc UBND cấp",
        2025,
        None,
        "multiple",
        [(D(2025, 1, 29), None), (D(2025, 2, 10), None)],
    ),
    row(
        "tình báo cáo 6 tháng (trước ngày 07/6), báo cáo năm (trước ngày 07/11)",
        2025,
        None,
        "multiple",
        [(D(2025, 6, 7), None), (D(2025, 11, 7), None)],
    ),
    row(
        "-Kế hoạch: Trước ngày 29/01/2025 đối với Kế hoạch của UBND tỉnh; Trước ngày 10/02/2025"
        " , đối với các cơ quan chuyên môn thuộc UBND cấp tỉnh; UBND cấp huyện. Báo cáo: Đối"
        " với các cơ quan chuyên môn thuộc UBND cấp\ntình báo cáo 6 tháng (trước ngày 07/6),"
        " báo cáo năm (trước ngày 07/11)",
        2025,
        None,
        "multiple",
        [
            (D(2025, 1, 29), None),
            (D(2025, 2, 10), None),
            (D(2025, 6, 7), None),
            (D(2025, 11, 7), None),
        ],
    ),
    # Seed 004: the "Thời gian thực hiện" column of the 2021 plan.
    row("Quý I/2021", 2021, None, "quarter", [(D(2021, 3, 31), None)]),
    row("Thường xuyên", 2021, None, "continuous", quarter_ends(2021, 2021)),
    row("Tháng 12/2020", 2021, None, "month", [(D(2020, 12, 31), None)]),
    row("Tháng 01/2021", 2021, None, "month", [(D(2021, 1, 31), None)]),
    row("Tháng 01 - Tháng 3", 2021, None, "range", [(D(2021, 3, 31), None)]),
    row("Tháng 01 - tháng 6", 2021, None, "range", [(D(2021, 6, 30), None)]),
    row("Tháng 3 - tháng 7", 2021, None, "range", [(D(2021, 7, 31), None)]),
    row("Tháng 4 - tháng 7", 2021, None, "range", [(D(2021, 7, 31), None)]),
    row("Tháng 4 - tháng 10", 2021, None, "range", [(D(2021, 10, 31), None)]),
    row("Tháng 5 - tháng 9", 2021, None, "range", [(D(2021, 9, 30), None)]),
    row("Tháng 5 - tháng 10", 2021, None, "range", [(D(2021, 10, 31), None)]),
    row("Tháng 5 - tháng 11", 2021, None, "range", [(D(2021, 11, 30), None)]),
    row("Tháng 6 - tháng 12", 2021, None, "range", [(D(2021, 12, 31), None)]),
    row("Tháng 6 - Tháng 12", 2021, None, "range", [(D(2021, 12, 31), None)]),
    row("Tháng 7 - tháng 11", 2021, None, "range", [(D(2021, 11, 30), None)]),
    row("Tháng 9 - tháng 11", 2021, None, "range", [(D(2021, 11, 30), None)]),
    row("Tháng 10 - tháng 12", 2021, None, "range", [(D(2021, 12, 31), None)]),
    row("Tháng 11 - tháng 12", 2021, None, "range", [(D(2021, 12, 31), None)]),
    row("Định kỳ hàng tháng", 2021, None, "recurring", month_ends(2021)),
    row("Định kỳ hàng tuần", 2021, None, "recurring", fridays_of_2021()),
    row("Định kỳ trong năm", 2021, None, "recurring", quarter_ends(2021, 2021)),
    row("Định kỳ", 2021, None, "recurring", quarter_ends(2021, 2021)),
    row("Theo Kế hoạch của Bộ Nội vụ", 2021, None, "conditional", UNDATED),
    row("Theo kế hoạch", 2021, None, "conditional", UNDATED),
    row("Theo kế hoạch Đoàn liên ngành", 2021, None, "conditional", UNDATED),
    row("Theo đề nghị của các Đoàn kiểm tra", 2021, None, "conditional", UNDATED),
    # Forms the issue names that the five seeds do not hold word for word.
    row("6 tháng đầu năm", 2024, None, "range", [(D(2024, 6, 30), None)]),
    row("Quý II - Quý III", 2024, None, "range", [(D(2024, 9, 30), None)]),
    row(
        "Quý II và Quý IV",
        2024,
        None,
        "multiple",
        [(D(2024, 6, 30), None), (D(2024, 12, 31), None)],
    ),
    row("ngày 15 tháng 3 năm 2024", 2024, None, "date", [(D(2024, 3, 15), None)]),
    row("Định kỳ hàng quý", 2024, None, "recurring", quarter_ends(2024, 2024)),
    row("Khi có văn bản hướng dẫn", 2024, None, "conditional", UNDATED),
    row("Sau khi Đề án được phê duyệt", 2024, None, "conditional", UNDATED),
    # Typed without diacritics.
    row("Quy I/2024", 2024, None, "quarter", [(D(2024, 3, 31), None)]),
    row("Truoc ngay 15/01/2025", 2025, None, "date", [(D(2025, 1, 15), None)]),
    row("thang 9 - thang 11", 2021, None, "range", [(D(2021, 11, 30), None)]),
    row("Thuong xuyen", 2024, None, "continuous", quarter_ends(2024, 2024)),
    row("Nam 2022 va nhung nam tiep theo", 2021, P000, "recurring", yearly(12, 31, 2022, 2025)),
    # Dates that do not exist are kept undated, never guessed.
    row("31/02/2024", 2024, None, "date", UNDATED),
    row("Trước ngày 00/13/2024", 2024, None, "date", UNDATED),
    row("Tháng 13/2024", 2024, None, "month", UNDATED),
]


@pytest.mark.parametrize(("text", "plan_year", "period", "kind", "dues"), TABLE)
def test_deadline_cells_of_the_plans(
    text: str,
    plan_year: int,
    period: tuple[int, int] | None,
    kind: str,
    dues: list[tuple[D | None, str | None]],
) -> None:
    deadline = parse_deadline(text, plan_year, period)
    assert deadline.kind == kind
    assert [(m.due, m.level) for m in deadline.milestones] == dues


def _seed_deadline_cells() -> set[str]:
    """Every deadline cell or line of the five seeds, as the file holds it."""
    cells: set[str] = set()
    for prefix, width, column in (("000", 6, 5), ("003", 9, 7), ("004", 7, 5)):
        for line in seed_lines(prefix):
            fields = line.split("\t")
            if len(fields) == width:
                cells.add(fields[column])
    for line in seed_lines("002"):
        found = re.search(r"Thời gian (?:thực hiện|hoàn thành):\s*(.*)", line)
        if found:
            cells.add(found.group(1))
    return cells - {"Thời gian hoàn thành", "Thời gian", "Thời gian thực hiện"}


def test_every_deadline_form_of_the_seeds_is_in_the_table() -> None:
    listed = {param.values[0] for param in TABLE}  # type: ignore[attr-defined]
    assert sorted(_seed_deadline_cells() - listed) == []


def test_the_seed_001_bullets_keep_their_own_deadlines() -> None:
    bullets = [line for line in seed_lines("001") if "trước ngày 31/12/2018" in line]
    assert len(bullets) == 1
    assert [m.due for m in parse_deadline(bullets[0], 2018).milestones] == [D(2018, 12, 31)]


LABELS = [
    (
        "Quyết định công bố chậm nhất ngày 01/3/2024; Báo cáo kết quả hệ thống hóa chậm nhất"
        " ngày 20/02/2024.",
        2024,
        [("Báo cáo kết quả hệ thống hóa", None), ("Quyết định công bố", None)],
    ),
    (
        "- UBND tỉnh: trước ngày 25/12/2024 - Sở, huyện: trước ngày 31/01/2025 - Cấp xã: trước"
        " ngày 28/02/2025",
        2025,
        [("UBND tỉnh", "UBND tỉnh"), ("Sở, huyện", "Sở, huyện"), ("Cấp xã", "Cấp xã")],
    ),
    ("Quý I/2024", 2024, [("Quý I/2024", None)]),
    ("Chậm nhất là ngày 31/01/2024.", 2024, [("Chậm nhất là ngày 31/01/2024", None)]),
    ("tháng 6 và tháng 12/2024.", 2024, [("tháng 6", None), ("tháng 12/2024", None)]),
    ("Quý II và Quý IV/2025", 2025, [("Quý II", None), ("Quý IV/2025", None)]),
    (
        "tình báo cáo 6 tháng (trước ngày 07/6), báo cáo năm (trước ngày 07/11)",
        2025,
        [("tình báo cáo 6 tháng", None), ("báo cáo năm", None)],
    ),
    # "Kế hoạch" is the product, not an administrative level.
    (
        "-Kế hoạch: Trước ngày 29/01/2025 đối với Kế hoạch của UBND tỉnh",
        2025,
        [("Kế hoạch", None)],
    ),
    ("Theo quy định của Trung ương", 2021, [("Theo quy định của Trung ương", None)]),
    ("Trước ngày 31/02/2024", 2024, [("Trước ngày 31/02/2024", None)]),
]


@pytest.mark.parametrize(("text", "plan_year", "labels"), LABELS)
def test_labels_are_the_documents_own_words(
    text: str, plan_year: int, labels: list[tuple[str, str | None]]
) -> None:
    deadline = parse_deadline(text, plan_year)
    assert [(m.label, m.level) for m in deadline.milestones] == labels


def test_issuing_the_plan_keeps_its_date_beside_the_periodic_reports() -> None:
    deadline = parse_deadline(
        "Quý I năm 2024 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện", 2024
    )
    issued = [m for m in deadline.milestones if m.period is None]
    assert [(m.due, m.label) for m in issued] == [
        (D(2024, 3, 31), "Quý I năm 2024 ban hành kế hoạch")
    ]
    reports = [m for m in deadline.milestones if m.period is not None]
    assert {m.label for m in reports} == {"định kỳ báo cáo kết quả thực hiện"}
    assert deadline.recurrence == "quarterly"


PERIODS = [
    ("Hàng năm", 2021, P000, "yearly", ["2021", "2022", "2023", "2024", "2025"]),
    ("Thường xuyên", 2024, None, "quarterly", ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]),
    ("Định kỳ 6 tháng/lần", 2018, None, "half-yearly", ["2018-H1", "2018-H2"]),
    ("Định kỳ hàng tháng", 2021, None, "monthly", [f"2021-{m:02d}" for m in range(1, 13)]),
    ("Quý I năm kế hoạch", 2021, (2021, 2022), "yearly", ["2021", "2022"]),
]


@pytest.mark.parametrize(("text", "plan_year", "period", "recurrence", "periods"), PERIODS)
def test_expanded_milestones_name_their_period(
    text: str,
    plan_year: int,
    period: tuple[int, int] | None,
    recurrence: str,
    periods: list[str],
) -> None:
    deadline = parse_deadline(text, plan_year, period)
    assert deadline.recurrence == recurrence
    assert [m.period for m in deadline.milestones] == periods


def test_weekly_bulletins_fall_on_every_friday_of_the_year() -> None:
    # Seed 004: "Bản tin CCHC ... Định kỳ hàng tuần" in 2021, which starts on a Friday.
    deadline = parse_deadline("Định kỳ hàng tuần", 2021)
    assert deadline.kind == "recurring"
    assert deadline.recurrence == "weekly"
    dues = [m.due for m in deadline.milestones]
    assert len(dues) == 53
    assert dues[0] == D(2021, 1, 1) and dues[-1] == D(2021, 12, 31)
    assert all(d is not None and d.weekday() == 4 for d in dues)
    assert deadline.milestones[0].period == "2020-W53"
    assert deadline.milestones[5].period == "2021-W05"


def test_a_recurrence_never_runs_beyond_the_period() -> None:
    deadline = parse_deadline("Năm 2022 và những năm tiếp theo", 2021, (2021, 2023))
    assert [m.due for m in deadline.milestones] == [D(2022, 12, 31), D(2023, 12, 31)]


def test_years_outside_the_period_are_kept_unexpanded() -> None:
    deadline = parse_deadline("Thường xuyên trong năm 2030", 2024)
    assert deadline.kind == "year"
    assert [(m.due, m.period) for m in deadline.milestones] == [(D(2030, 12, 31), None)]


def test_undated_text_needs_a_date() -> None:
    assert parse_deadline("Theo Kế hoạch của Bộ Nội vụ", 2021).needs_date
    assert not parse_deadline("Quý I/2021", 2021).needs_date


# Words of the plans' deadline cells, to give the property tests text that looks real.
VOCABULARY = [
    "Quý", "I", "II", "IV", "/", "2024", "năm", "tháng", "12", "31/02/2024", "01/3/2024",
    "-", ";", ".", ":", "và", "hàng", "hằng", "thường xuyên", "định kỳ", "tiếp theo",
    "trước ngày", "chậm nhất", "Theo", "kế hoạch", "báo cáo", "6 tháng", "đầu", "UBND tỉnh",
    "0000", "9999", "29/02", "tuần", "quý", "lần", "Cả", "trong", "đến", "từ", "\n", "<li>",
]  # fmt: skip

deadline_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(VOCABULARY), max_size=25).map(" ".join),
)


def _check(deadline: Deadline, period: tuple[int, int]) -> None:
    assert deadline.kind in get_args(DeadlineKind)
    for milestone in deadline.milestones:
        assert milestone.due is None or isinstance(milestone.due, D)
        if milestone.period is not None:
            assert milestone.due is not None
            assert D(period[0], 1, 1) <= milestone.due <= D(period[1], 12, 31)


@settings(max_examples=400, deadline=None)
@given(text=deadline_text, plan_year=st.integers(1990, 2100), span=st.integers(0, 6))
def test_never_raises_and_stays_within_the_period(text: str, plan_year: int, span: int) -> None:
    period = (plan_year, plan_year + span)
    _check(parse_deadline(text, plan_year, period), period)


@settings(max_examples=200, deadline=None)
@given(text=deadline_text, plan_year=st.integers(1990, 2100))
def test_never_raises_without_a_period(text: str, plan_year: int) -> None:
    deadline = parse_deadline(text, plan_year)
    _check(deadline, (plan_year, plan_year))
    if not text.strip():
        assert deadline == Deadline("none")


# --- The forms of the plans of late 2025 (for 2026) ------------------------------------------

P2026 = (2026, 2026)


@pytest.mark.parametrize(
    ("text", "kind", "first_due", "count"),
    [
        # long dates, alone and after "trước"
        ("ngày 01 tháng 01 năm 2026", "date", D(2026, 1, 1), 1),
        ("trước ngày 01 tháng 01 năm 2026", "date", D(2026, 1, 1), 1),
        ("Trước ngày 15 tháng 12 năm 2026", "date", D(2026, 12, 15), 1),
        # quarters: "Quý"/"Quí", Roman or Arabic, joined by "/", "-" or " năm "
        ("Quí IV-2025", "quarter", D(2025, 12, 31), 1),
        ("Quý I-2026", "quarter", D(2026, 3, 31), 1),
        ("Quý 4/2025", "quarter", D(2025, 12, 31), 1),
        ("quý IV năm 2025", "quarter", D(2025, 12, 31), 1),
        ("Quí 2 năm 2026", "quarter", D(2026, 6, 30), 1),
        ("Quý II", "quarter", D(2026, 6, 30), 1),
        ("tháng 3-2026", "month", D(2026, 3, 31), 1),
        # ranges within and across years: due at their end
        ("Quý IV/2025 - Quý II/2026", "range", D(2026, 6, 30), 1),
        ("Quý II - Quý III/2026", "range", D(2026, 9, 30), 1),
        ("năm 2026 - 2027", "range", D(2027, 12, 31), 1),
        ("2026-2030", "range", D(2030, 12, 31), 1),
        ("Tháng 10/2025 - tháng 3/2026", "range", D(2026, 3, 31), 1),
        # recurring from a year on
        ("năm 2025 và các năm tiếp theo", "recurring", D(2025, 12, 31), 2),
        ("từ năm 2026", "recurring", D(2026, 12, 31), 1),
        ("Từ năm 2026", "recurring", D(2026, 12, 31), 1),
        # parts of every year
        ("6 tháng đầu năm", "range", D(2026, 6, 30), 1),
        ("tháng 6 và tháng 12 hằng năm", "recurring", D(2026, 6, 30), 2),
        ("trước ngày 01/6 và 15/11 hằng năm", "recurring", D(2026, 6, 1), 2),
        ("trước ngày 15 của tháng cuối quý", "recurring", D(2026, 3, 15), 4),
        ("Trước ngày 20 tháng cuối quý", "recurring", D(2026, 3, 20), 4),
        # conditions stay conditional, with their text
        ("khi có phát sinh", "conditional", None, 1),
        ("sau khi Nghị định được ban hành", "conditional", None, 1),
        ("Khi có văn bản quy phạm pháp luật mới ban hành", "conditional", None, 1),
    ],
)
def test_the_forms_of_2026_plans(text: str, kind: str, first_due: D | None, count: int) -> None:
    period = (2025, 2026) if "2025" in text and "tiếp theo" in text else P2026
    deadline = parse_deadline(text, period[0] if "tiếp theo" in text else 2026, period)
    assert deadline.kind == kind
    dated = [m.due for m in deadline.milestones if m.due]
    assert (min(dated) if dated else None) == first_due
    assert len(deadline.milestones) == count
    if kind == "conditional":
        assert deadline.milestones[0].label == text
