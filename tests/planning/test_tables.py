"""The table reader, against the seed plans' appendix tables and small tables shaped like them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.findings import Finding
from planning.tables import (
    ACTIVITY_SEPARATOR,
    BUDGET_MISMATCH,
    DUPLICATE_NUMBER,
    read_tables,
)
from planning.text import MERGED
from planning.types import RawTask
from tests.conftest import seed_lines

Result = tuple[list[RawTask], list[Finding], Decimal | None]

HEADER_000 = (
    "TT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành"
)
HEADER_003 = (
    "TT\tMục tiêu\tNhiệm vụ\tHoạt động\tKết quả/Sản phẩm\tChủ trì\tPhối hợp\tThời gian\tKinh phí"
)
HEADER_004 = (
    "TT\tNội dung, nhiệm vụ\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\t"
    "Thời gian thực hiện\tKinh phí (Triệu đồng)"
)


@pytest.fixture(scope="module")
def seed000() -> Result:
    return read_tables(seed_lines("000"))


@pytest.fixture(scope="module")
def seed003() -> Result:
    return read_tables(seed_lines("003"))


@pytest.fixture(scope="module")
def seed004() -> Result:
    return read_tables(seed_lines("004"))


def at_line(tasks: list[RawTask], line: int) -> RawTask:
    """The task read from a given line of the document (lines are 1-based, as in an editor)."""
    found = [t for t in tasks if t.line == line]
    assert len(found) == 1, f"no single task at line {line}: {found}"
    return found[0]


# --- How many tasks each seed holds, counted by reading the tables --------------------------


@pytest.mark.parametrize(
    ("seed", "count"),
    [
        # 000, 6 columns, sections I..VIII: I 1-6 (6); II 1,2,3,4,5,5,7,8 (8, number 5 twice);
        # III 1-10 (10); IV 1-9 (9); V 1-7 (7); VI 1-6 (6); VII 1-7 (7); VIII 1-7 (7) = 60.
        # The nine page-break continuation lines add no task.
        ("000", 60),
        # 001 and 002 are prose plans: no task table (001's letterhead has tabs, no header).
        ("001", 0),
        ("002", 0),
        # 003, 9 columns, one task per activity row:
        # I: tasks 1-11, task 2 has a second activity row = 12;
        # II: 1 (4 activities), 2 (3), 3 (3), 4, 5, 6, 7 (2), 8 (2), 9 = 18;
        # III: 1-10, one row each = 10; IV: 1-6 = 6; V: 1-7, tasks 3 and 7 have 2 rows = 9;
        # VI: 1-7, task 6 has 3 rows = 9; VII: 1-9 = 9. Total 12+18+10+6+9+9+9 = 73.
        ("003", 73),
        # 004, 7 columns, group rows (1, 2, ... with children 1.1, 1.2) are not tasks:
        # I: 1.1-1.4, 2.1-2.4, 3.1-3.2, 4.1-4.9 = 19; II: 1-12 = 12;
        # III: 1.1-1.3, 2.1-2.5, 3.1-3.5, 4.1-4.2 = 15; IV: 1.1-1.2, 2.1-2.2, 3.1-3.2 = 6;
        # V: 1.1-1.2, 2.1-2.5 = 7; VI: 1-7 = 7; VII: 1-11 = 11. Total 77.
        ("004", 77),
    ],
)
def test_every_task_of_a_seed_table_is_read(seed: str, count: int) -> None:
    tasks, _, _ = read_tables(seed_lines(seed))
    assert len(tasks) == count


@pytest.mark.parametrize(
    ("seed", "sections"),
    [
        ("000", ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]),
        ("003", ["I", "II", "III", "IV", "V", "VI", "VII"]),
        ("004", ["I", "II", "III", "IV", "V", "VI", "VII"]),
    ],
)
def test_tasks_carry_their_section_numeral(seed: str, sections: list[str]) -> None:
    tasks, _, _ = read_tables(seed_lines(seed))
    assert list(dict.fromkeys(t.section for t in tasks)) == sections


def test_prose_plans_hold_no_table() -> None:
    assert read_tables(seed_lines("001")) == ([], [], None)
    assert read_tables(seed_lines("002")) == ([], [], None)


# --- Seed 000: six columns, numbers restart in each section ---------------------------------


@pytest.mark.parametrize(
    ("line", "section", "number", "title", "product", "lead", "support", "deadline"),
    [
        # I.1 names no agency and no deadline: still a task.
        (
            306,
            "I",
            "1",
            "Tổ chức triển khai thực hiện Chương trình xây dựng chính quyền kiến tạo",
            "Thực hiện theo Quyết định số 1100/QĐ-UBND ngày 12/11/2021",
            "",
            "",
            "",
        ),
        (
            307,
            "I",
            "2",
            "Xây dựng Kế hoạch CCHC hằng năm",
            "Quyết định của UBND tỉnh",
            "Sở Nội vụ",
            "Các Sở, ban, ngành; UBND cấp huyện.",
            "Trước 25/12 năm báo cáo",
        ),
        # The page break after I.5 cut "UBND cấp" and nothing continues it: kept as written.
        (
            310,
            "I",
            "5",
            "Xây dựng Kế hoạch tuyên truyền CCHC giai đoạn 2022 - 2025",
            "Kế hoạch của UBND tỉnh",
            "Sở Thông tin và TT",
            "Các Sở, ban, ngành; UBND cấp",
            "Quý I năm 2022",
        ),
        (
            315,
            "II",
            "1",
            "Nâng cao chất lượng công tác soạn thảo, thẩm định văn bản QPPL",
            "100% Văn bản QPPL của HĐND, UBND các cấp ban hành đúng trình tự",
            "Các sở, ban, ngành tỉnh; UBND cấp huyện, cấp xã",
            "Sở Tư pháp, Phòng Tư pháp và các cơ quan, đơn vị có liên quan",
            "Hàng năm",
        ),
        # The second of the two rows numbered 5 in section II.
        (
            322,
            "II",
            "5",
            "Tăng cường kiểm tra, rà soát, hệ thống hóa văn bản QPPL",
            "Kế hoạch của Chủ tịch UBND tỉnh; Báo cáo kết quả thực hiện",
            "Sở Tư pháp và UBND cấp huyện.",
            "Các Sở, ban, ngành tỉnh và các cơ quan, đơn vị có liên quan",
            "Hàng năm",
        ),
        # III.2's product is wrapped in <ul style=...>: stripped, the list keeps its dashes.
        (
            330,
            "III",
            "2",
            "Thực hiện việc rà soát, đánh giá TTHC; đề xuất loại bỏ",
            "- Kế hoạch rà soát, đánh giá TTHC; - Phương án đơn giản hóa TTHC được phê duyệt;",
            "Văn phòng UBND tỉnh và các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã",
            "Các cơ quan, đơn vị có liên quan",
            "Hàng năm",
        ),
        (
            351,
            "IV",
            "6",
            "Rà soát, sắp xếp các tổ chức tư vấn phối hợp liên ngành",
            "Quyết định của Chủ tịch UBND tỉnh, UBND cấp",
            "Sở Nội vụ, UBND cấp huyện",
            "Các Sở, ban, ngành; UBND cấp",
            "Năm 2022",
        ),
        (
            358,
            "V",
            "1",
            "Triển khai xây dựng, phê duyệt Danh mục vị trí việc làm",
            "Quyết định phê duyệt của cơ quan, đơn vị có thẩm quyền",
            "Các sở, ban, ngành tỉnh, đơn vị sự nghiệp công lập thuộc UBND tỉnh; UBND cấp huyện",
            "Sở Nội vụ và các cơ quan, đơn vị liên quan",
            "Hàng năm. Năm 2022 hoàn thành các cơ quan hành chính",
        ),
        # "Số Thông tin" is the document's typo for "Sở Thông tin": kept for the resolver.
        (
            387,
            "VII",
            "4",
            "Tham mưu ban hành và triển khai thực hiện Kế hoạch xây dựng CSDL dùng chung",
            "Kế hoạch của UBND tỉnh",
            "Số Thông tin và Truyền thông",
            "Các Sở, ban, ngành; UBND cấp huyện.",
            "Năm 2022 và những năm tiếp theo",
        ),
        (
            402,
            "VIII",
            "7",
            "Thực hiện các nội dung theo Nghị quyết số 02/NQ-CP của Chính phủ",
            "Các văn bản chỉ đạo triển khai và báo cáo kết quả thực hiện",
            "Sở Kế hoạch và Đầu tư",
            "Các Sở, ban, ngành liên quan; UBND cấp huyện.",
            "Hàng năm",
        ),
    ],
)
def test_seed_000_tasks(
    seed000: Result,
    line: int,
    section: str,
    number: str,
    title: str,
    product: str,
    lead: str,
    support: str,
    deadline: str,
) -> None:
    task = at_line(seed000[0], line)
    assert (task.section, task.number, task.parent) == (section, number, None)
    assert task.title.startswith(title)
    assert (task.product or "").startswith(product)
    assert (task.lead_text, task.support_text, task.deadline_text) == (lead, support, deadline)
    assert task.activity_index is None
    assert task.objective is None
    assert task.budget_million_vnd is None


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        # Continuations after a repeated header, joined cell by cell with a space.
        (326, "support_text", "Các Sở, ban, ngành; UBND cấp huyện"),
        (326, "title", "thực hiện, trọng tâm là TTHC thuộc các lĩnh vực: đất đai"),
        (334, "title", "Thủ tướng Chính phủ và Kế hoạch số 140/KH-UBND ngày 14/10/2021 của UBND"),
        (341, "product", "Kế hoạch kiểm tra và báo cáo kết quả kiểm tra; kiến ngợi xử lý (nếu có)"),
        (341, "lead_text", "Văn phòng UBND tỉnh; Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã"),
        (359, "title", "theo tiêu chuẩn ngạch công chức, chức đanh nghề nghiệp viên chức."),
        (369, "title", "Tham mưu UBND tỉnh thể chế hóa Nghị quyết của UBND tỉnh quy định"),
        (369, "support_text", "Các Sở, ban, ngành; UBND cấp huyện"),
        (369, "deadline_text", "Quý I năm 2022"),
        (383, "title", "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục"),
    ],
)
def test_seed_000_rows_split_by_a_page_break_are_joined(
    seed000: Result, line: int, field: str, expected: str
) -> None:
    assert expected in getattr(at_line(seed000[0], line), field)


def test_seed_000_section_title_in_the_number_cell(seed000: Result) -> None:
    # "II Cải cách thể chế" and "VIII Nâng cao chỉ số CCHC; ..." hold numeral and title together.
    titles = {t.section: t.section_title for t in seed000[0]}
    assert titles["I"] == "Công tác chỉ đạo điều hành"
    assert titles["II"] == "Cải cách thể chế"
    assert titles["VIII"] == (
        "Nâng cao chỉ số CCHC; Chỉ số hiệu quả quản trị và hành chính công; "
        "Chỉ số năng lực cạnh tranh cấp tỉnh"
    )


def test_seed_000_duplicate_number_is_kept_and_reported(seed000: Result) -> None:
    tasks, findings, _ = seed000
    fives = [t for t in tasks if (t.section, t.number) == ("II", "5")]
    assert [t.line for t in fives] == [321, 322]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.message == DUPLICATE_NUMBER
    assert dict(finding.params) == {"number": "5", "section": "II"}
    assert finding.line == 322
    assert finding.render() == "Task 5 appears more than once in section II."


def test_seed_000_prose_before_the_table_is_not_read(seed000: Result) -> None:
    # Section III of the prose (lettered items) comes before the appendix header at line 304.
    assert min(t.line or 0 for t in seed000[0]) == 306
    assert seed000[2] is None


# --- Seed 003: nine columns, one task per activity row --------------------------------------


def title_of(task_text: str, activity: str) -> str:
    return task_text + ACTIVITY_SEPARATOR + activity


@pytest.mark.parametrize(
    (
        "line",
        "section",
        "number",
        "index",
        "title",
        "objective",
        "product",
        "lead",
        "support",
        "deadline",
    ),
    [
        # Per-level milestones in the deadline cell pass through untouched.
        (
            268,
            "I",
            "1",
            1,
            title_of(
                "Xác định nhiệm vụ cụ thể; Tổ chức triển khai kịp thời các nhiệm vụ CCHC",
                "Xây dựng, ban hành Kế hoạch CCHC của tỉnh",
            ),
            "Xây dựng Kế hoạch CCHC, các nhiệm vụ trọng tâm về CCHC trong năm",
            "Kế hoạch UBND tỉnh; Kế hoạch của các cơ quan, đơn vị",
            "Sở Nội vụ; các cơ quan tham mưu CCHC",
            "Sở, ban, ngành cấp tỉnh; UBND cấp huyện",
            "- UBND tỉnh: trước ngày 25/12/2024 - Sở, huyện: trước ngày 31/01/2025 "
            "- Cấp xã: trước ngày 28/02/2025",
        ),
        # An activity row with a task (nhiệm vụ) of its own, under task 2.
        (
            270,
            "I",
            "2",
            2,
            title_of(
                "Đẩy mạnh công tác thông tin, tuyên truyền, nâng cao nhận thức cho CB, CCVC, "
                "người dân, doanh nghiệp và xã hội",
                "Tuyên truyền công tác CCHC đến CB, CCVC và người dân",
            ),
            "Xây dựng Kế hoạch tuyên truyền về CCHC và tổ chức thực hiện",
            "Bài viết, phóng sự, cuộc thi; Báo cáo kết quả tuyên truyền",
            "Sở TTTT; UBND cấp huyện và cấp xã",
            "Sở, ban, ngành cấp tỉnh",
            "Cả năm 2025",
        ),
        # "- Sở Nội vụ", a single item: its bullet goes.
        (
            282,
            "I",
            "9",
            1,
            "- Đánh giá kết quả đạt được sau 5 năm triển khai thực hiện Nghị quyết",
            "Tổng kết Nghị quyết số 01-NQ/TU ngày 04/11/2021 của Tỉnh ủy Quảng Trị",
            "- Báo cáo đánh giá của cấp cơ sở; - Báo cáo đánh giá tổng thể",
            "Sở Nội vụ",
            "Văn phòng UBND tỉnh và các sở, ban, ngành; UBND các cấp",
            "Quý IV",
        ),
        # Activities 2 and 3 of II.1 take the numbered row's task and objective.
        (
            290,
            "II",
            "1",
            3,
            title_of(
                "Ban hành văn bản quy phạm pháp luật (QPPL) của HĐND và UBND",
                "Thẩm định dự thảo văn bản",
            ),
            "Ban hành văn bản quy phạm pháp luật (QPPL) của HĐND và UBND",
            "Báo cáo thẩm định văn bản",
            "Sở Tư pháp;",
            "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện",
            "Cả năm 2025",
        ),
        (
            296,
            "II",
            "2",
            2,
            title_of(
                "Kiểm tra để đảm bảo tính hợp hiến, hợp pháp, tính thống nhất, đồng bộ của hệ "
                "thống pháp luật",
                "Xây dựng và ban hành Kế hoạch kiểm tra văn bản QPPL",
            ),
            "Kiểm tra văn bản QPPL",
            "Kế hoạch",
            "Sở Tư pháp;",
            "Sở, ban, ngành cấp tỉnh; UBND cấp huyện",
            "Trước ngày 15/01/2025",
        ),
        # III.7 has no activity: the task alone is the title.
        (
            335,
            "III",
            "7",
            1,
            "Báo cáo tháng công tác cải cách TTHC và báo cáo quý, năm công tác kiểm soát TTHC",
            "Báo cáo công tác kiểm soát TTHC và cải cách TTHC",
            "Báo cáo định kỳ và đột xuất theo quy định",
            "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh; UBND cấp huyện; UBND cấp xã",
            "Văn phòng UBND tỉnh",
            "Định kỳ hoặc đột xuất",
        ),
        # III.10: task and activity are the same words, written once.
        (
            340,
            "III",
            "10",
            1,
            "Tuyên truyền, hướng dẫn người dân doanh nghiệp thực hiện DVCTT",
            "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình và một phần trên tổng số hồ sơ đạt "
            "tối thiểu 50%.",
            "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình và một phần trên tổng số hồ sơ đạt "
            "tối thiểu 50%.",
            "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh; UBND cấp huyện; UBND cấp xã",
            "Văn phòng UBND tỉnh",
            "Thường xuyên",
        ),
        (
            342,
            "IV",
            "1",
            1,
            title_of(
                "Ban hành mới hoặc điều chỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu "
                "tổ chức của các cơ quan chuyên môn cấp tỉnh, cấp huyện, các Ban, chi cục, đơn vị "
                "sự nghiệp công lập theo quy định mới của Chính phủ và hướng dẫn của các Bộ, "
                "ngành trung ương",
                "Rà soát chức năng, nhiệm vụ, thẩm định",
            ),
            "100% cơ quan, đơn vị được quy định đầy đủ chức năng, nhiệm vụ, quyền hạn",
            "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức CQCM",
            "Sở, ban, ngành và UBND cấp huyện",
            "Sở Nội vụ",
            "Cả năm 2025",
        ),
        (
            361,
            "V",
            "3",
            2,
            title_of(
                "Giải quyết chế độ, chính sách đối với cán bộ, công chức dôi dư do sắp xếp tổ "
                "chức bộ máy, tinh giản biên chế theo lộ trình",
                "Phê duyệt danh sách; chi trả chế độ",
            ),
            "Thực hiện chế độ, chính sách đối với cán bộ, công chức, viên chức",
            "Quyết định của UBND tỉnh",
            "Sở Nội vụ; Sở Tài chính",
            "Các cơ quan, đơn vị liên quan; UBND các huyện, thị xã, thành phố",
            "Cả năm 2025",
        ),
        # VI.6 activity 2 names no coordinating agency.
        (
            380,
            "VI",
            "6",
            2,
            title_of(
                "Giải quyết vướng mắc khó khăn cho doanh nghiệp, nhà đầu tư",
                "Từng sở, ngành tổ chức đối thoại theo ngành lĩnh vực.",
            ),
            "Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số PCI",
            "Báo cáo kết quả giải quyết vướng mắc, khó khăn sau đối thoại.",
            "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện",
            "",
            "Cả năm",
        ),
        (
            387,
            "VII",
            "1",
            1,
            title_of(
                "Xác định nhiệm vụ, thời gian cụ thể, phân công cơ quan, đơn vị thực hiện",
                "Xây dựng Kế hoạch của UBND tỉnh; Kế hoạch của từng cơ quan, đơn vị thực hiện.",
            ),
            "Xây dựng và hướng dẫn triển khai Kế hoạch Chuyển đổi số trong hoạt động của các "
            "cơ quan nhà nước tỉnh Quảng Trị năm 2025.",
            "Kế hoạch Chuyển đổi số",
            "Sở Thông tin và Truyền thông.",
            "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện",
            "Quý I/2025",
        ),
    ],
)
def test_seed_003_activities(
    seed003: Result,
    line: int,
    section: str,
    number: str,
    index: int,
    title: str,
    objective: str,
    product: str,
    lead: str,
    support: str,
    deadline: str,
) -> None:
    task = at_line(seed003[0], line)
    assert (task.section, task.number, task.parent, task.activity_index) == (
        section,
        number,
        None,
        index,
    )
    assert task.title.startswith(title)
    assert (task.objective or "").startswith(objective)
    assert (task.product or "").startswith(product)
    assert (task.lead_text, task.support_text, task.deadline_text) == (lead, support, deadline)


@pytest.mark.parametrize(
    ("section", "number", "lines"),
    [
        ("I", "2", [269, 270]),
        ("II", "1", [288, 289, 290, 294]),
        ("II", "3", [298, 299, 302]),
        ("II", "7", [309, 312]),
        ("VI", "6", [379, 380, 381]),
        ("VII", "4", [390]),
    ],
)
def test_seed_003_activity_rows_are_numbered_in_order(
    seed003: Result, section: str, number: str, lines: list[int]
) -> None:
    rows = [t for t in seed003[0] if (t.section, t.number) == (section, number)]
    assert [t.line for t in rows] == lines
    assert [t.activity_index for t in rows] == list(range(1, len(lines) + 1))


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        # "\tỦy; các Nghị quyết 01..." continues the objective and "Sở Thông tin và" the support.
        (271, "objective", "của Ban Thường vụ Tỉnh Ủy; các Nghị quyết 01, 02, 03 của BCS đảng"),
        (
            271,
            "support_text",
            "Sở Nội vụ, Sở Kế hoạch và Đầu tư, Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh",
        ),
        # "\t\t\t\t\t\tUBND cấp huyện\t\t": only the support cell continues.
        (290, "support_text", "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện"),
        # Only the deadline continues ("UBND cấp" + "tình", the document's typo).
        (
            304,
            "deadline_text",
            "thuộc UBND cấp tình báo cáo 6 tháng (trước ngày 07/6), báo cáo năm",
        ),
        # A continuation with its own objective text, though lead and deadline are filled too.
        (327, "objective", "Phê duyệt phương án đơn giản hóa TTHC thực hiện trên địa bàn tỉnh"),
        (327, "deadline_text", "-UBND cấp huyện: Trước 15/8/2025 - Các cơ quan chuyên môn"),
        # <i>tổng hợp)</i> continues the lead; the markup goes.
        (331, "lead_text", "theo ngành, lĩnh vực liên quan tổng hợp)"),
        (331, "title", "thực hiện rà soát, đánh giá TTHC nội bộ, trình phê duyệt phương án"),
        # Only the task cell continues.
        (343, "title", "theo quy định và sắp xếp theo chủ trương của Trung ương"),
        (349, "title", "theo Nghị quyết của Chính phủ và Kế hoạch của UBND tỉnh"),
        (
            355,
            "title",
            "đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới”",
        ),
        # Task, activity, product and support continue.
        (382, "title", "Tham mưu thực hiện hiệu quả Kế hoạch đầu tư công năm 2025"),
        (382, "product", "Văn bản đơn đốc; Hội nghị giao ban XDCB"),
        (382, "support_text", "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện, thành phố, thị xã."),
        (390, "title", "trên môi trường mạng; áp dụng chữ ký số"),
        (390, "support_text", "Các sở, ban, ngành cấp tỉnh; UBND cấp huyện, UBND cấp xã"),
        (395, "lead_text", "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh; UBND cấp huyện"),
        (400, "objective", "bao gồm cả thiết bị di động. cung cấp trên nhiều phương tiện"),
    ],
)
def test_seed_003_rows_split_by_a_page_break_are_joined(
    seed003: Result, line: int, field: str, expected: str
) -> None:
    assert expected in getattr(at_line(seed003[0], line), field)


@pytest.mark.parametrize(
    ("line", "index", "title"),
    [
        # After a repeated header but complete (activity, lead, deadline, no objective):
        # these are activity rows, not continuations.
        (302, 3, "Công bố danh mục văn bản QPPL do HĐND, UBND tỉnh ban hành hết hiệu lực"),
        (312, 2, title_of("Nâng cao chất lượng nhân lực trong công tác PB GDPL", "Tập huấn")),
    ],
)
def test_seed_003_activity_row_after_a_page_break(
    seed003: Result, line: int, index: int, title: str
) -> None:
    task = at_line(seed003[0], line)
    assert task.activity_index == index
    assert title in task.title


def test_seed_003_section_titles_as_written(seed003: Result) -> None:
    titles = {t.section: t.section_title for t in seed003[0]}
    assert titles["I"] == "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"
    assert titles["III"] == "CẢI CÁCH TTHC"
    assert titles["VII"] == "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ"


def test_seed_003_budget_column_of_words_gives_no_budget(seed003: Result) -> None:
    # "Thường xuyên", "Theo dự toán", "Ngân sách tỉnh (...)": text, not amounts.
    tasks, findings, total = seed003
    assert all(t.budget_million_vnd is None for t in tasks)
    assert (findings, total) == ([], None)


def test_seed_003_single_and_listed_bullets(seed003: Result) -> None:
    tasks = seed003[0]
    assert at_line(tasks, 342).support_text == "Sở Nội vụ"
    assert at_line(tasks, 313).lead_text.startswith(
        "- Sở Tư pháp nhiệm vụ trọng tâm liên ngành; - Sở, ban, ngành cấp tỉnh"
    )


# --- Seed 004: hierarchical numbers, groups and a budget total ------------------------------


@pytest.mark.parametrize(
    (
        "line",
        "section",
        "number",
        "parent",
        "title",
        "objective",
        "product",
        "lead",
        "support",
        "deadline",
        "budget",
    ),
    [
        (
            131,
            "I",
            "1.1",
            "1",
            "Kiến toàn Ban chỉ đạo CCHC tỉnh",
            "Kiến toàn tổ chức, tổ chức họp, hội nghị",
            "- Quyết định kiện toàn của UBND tỉnh; - Quy chế hoạt động.",
            "Sở Nội vụ",
            "Các Sở, Ban, ngành",
            "Quý I/2021",
            None,
        ),
        (
            133,
            "I",
            "1.3",
            "1",
            "Hội Tổ tư vấn CCHC tỉnh định kỳ, đột xuất",
            "Kiến toàn tổ chức, tổ chức họp, hội nghị",
            "Các nội dung CCHC trọng tâm được Tổ tư vấn họp, góp ý tham mưu",
            "Tổ trưởng Tổ Tư vấn",
            "Các thành viên Tổ tư vấn",
            "Thường xuyên",
            Decimal(10),
        ),
        (
            141,
            "I",
            "2.4",
            "2",
            "Tổ chức điều tra xã hội học đo lường mức độ hài lòng",
            "Đánh giá, xác định Chỉ số CCHC và tổ chức đo lường",
            "- Kế hoạch tổ chức điều tra; - Tổng hợp, báo cáo kết quả điều tra.",
            "Sở Nội vụ",
            "Các Sở, Ban, ngành, UBND cấp huyện; UBND cấp xã",
            "Tháng 5 - tháng 11",
            Decimal(80),
        ),
        (
            148,
            "I",
            "4.3",
            "4",
            "Bản tin CCHC trên sóng Đài Phát thanh và Truyền hình tỉnh",
            "Tuyên truyền CCHC",
            "04 bản tin/01 tháng",
            "Sở Nội vụ; Đài PTTH tỉnh",
            "Các cơ quan, đơn vị liên quan",
            "Định kỳ hàng tuần",
            Decimal(240),
        ),
        # A numbered row without children is a task, not a group.
        (
            158,
            "II",
            "1",
            None,
            "Xây dựng văn bản quy phạm pháp luật thuộc phạm vi quản lý nhà nước của tỉnh",
            "",
            "Nghị quyết của HĐND tỉnh; Quyết định của UBND tỉnh ban hành văn bản QPPL",
            "Sở Tư pháp",
            "Văn phòng HĐND tỉnh; Các Sở, Ban, ngành",
            "Thường xuyên",
            None,
        ),
        (
            172,
            "II",
            "11",
            None,
            "Tổ chức điều tra, khảo sát tình hình thi hành pháp luật tại tỉnh",
            "",
            "- Kế hoạch; phương án điều tra, khảo sát; - Báo cáo kết quả thực hiện",
            "Sở Tư pháp",
            "Các cơ quan, đơn vị có liên quan",
            "Tháng 7 - tháng 11",
            Decimal(55),
        ),
        # Product and lead continue after the page break ("huyện," + "cấp xã").
        (
            191,
            "III",
            "3.4",
            "3",
            "Kết quả giải quyết TTHC các cấp",
            "Thực hiện cơ chế một cửa, một cửa liên thông",
            "- Từ 95% trở lên các hồ sơ TTHC cấp tỉnh, huyện và cấp xã được giải quyết đúng hạn; "
            "- Báo cáo kết quả theo dõi, thực hiện",
            "Các Sở, Ban, ngành; huyện, cấp xã",
            "Các cơ quan, đơn vị liên quan",
            "Thường xuyên",
            None,
        ),
        (
            195,
            "III",
            "3.5",
            "3",
            "Tổ chức lớp tập huấn nghiệp vụ kiểm soát TTHC",
            "Thực hiện cơ chế một cửa, một cửa liên thông",
            "- Kế hoạch mở lớp; - Báo cáo kết quả",
            "Văn phòng UBND tỉnh",
            "Các cơ quan, đơn vị liên quan",
            "Tháng 5 - tháng 9",
            Decimal(35),
        ),
        (
            210,
            "IV",
            "3.2",
            "3",
            "Tổ chức kiểm tra việc thực hiện các quy định về phân cấp",
            "Thực hiện các quy định về quản lý phân cấp",
            "Thực hiện lồng ghép kiểm tra liên ngành về công tác CCHC, PCI",
            "Sở Nội vụ",
            "Các Sở, Ban, ngành; UBND cấp huyện",
            "Theo kế hoạch Đoàn liên ngành",
            None,
        ),
        (
            221,
            "V",
            "2.4",
            "2",
            "Đánh giá, phân loại CBCC, VC",
            "Tuyển dụng, nâng ngạch, thăng hạng, bổ nhiệm, đánh giá, đào tạo, bồi dưỡng CBCC",
            "100% CBCC, VC được đánh giá, phân loại theo nhiệm vụ được giao",
            "Sở Nội vụ",
            "Các Sở, Ban, ngành; UBND cấp huyện",
            "Định kỳ",
            None,
        ),
        (
            232,
            "VI",
            "7",
            None,
            "Thực hiện quản lý vốn đầu tư công",
            "",
            "Báo cáo kết quả thực hiện",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài chính; Các cơ quan, đơn vị có liên quan",
            "Thường xuyên",
            None,
        ),
        (
            248,
            "VII",
            "11",
            None,
            "Triển khai áp dụng ISO điện tử trong các cơ quan nhà nước",
            "",
            "ISO điện tử tại các cơ quan chuyên môn thực UBND tỉnh, UBND cấp huyện, cấp xã",
            "Sở Thông tin và Truyền thông",
            "Các Sở, Ban, ngành; UBND cấp huyện, UBND cấp xã",
            "Theo kế hoạch",
            None,
        ),
    ],
)
def test_seed_004_tasks(
    seed004: Result,
    line: int,
    section: str,
    number: str,
    parent: str | None,
    title: str,
    objective: str,
    product: str,
    lead: str,
    support: str,
    deadline: str,
    budget: Decimal | None,
) -> None:
    task = at_line(seed004[0], line)
    assert (task.section, task.number, task.parent, task.activity_index) == (
        section,
        number,
        parent,
        None,
    )
    assert task.title.startswith(title)
    assert (task.objective or "") == objective
    assert task.product == product
    assert (task.lead_text, task.support_text, task.deadline_text) == (lead, support, deadline)
    assert task.budget_million_vnd == budget


@pytest.mark.parametrize(
    ("section", "numbers"),
    [
        (
            "I",
            ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"]
            + [f"4.{i}" for i in range(1, 10)],
        ),
        (
            "III",
            ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5"]
            + ["3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2"],
        ),
        ("VI", ["1", "2", "3", "4", "5", "6", "7"]),
    ],
)
def test_seed_004_group_rows_are_not_tasks(
    seed004: Result, section: str, numbers: list[str]
) -> None:
    assert [t.number for t in seed004[0] if t.section == section] == numbers


def test_seed_004_total_matches_the_budgets() -> None:
    # Budgets in the table: I 10+5+10+5+80+40+25+90+120+240+60+36+30+40+20 = 811,
    # II 55+35 = 90, III 35: 936, the total stated below "(Bảng chữ: Chín trăm ba mươi sáu...)".
    tasks, findings, total = read_tables(seed_lines("004"))
    assert total == Decimal(936)
    assert sum(t.budget_million_vnd or 0 for t in tasks) == Decimal(936)
    assert [f for f in findings if f.message == BUDGET_MISMATCH] == []


def test_seed_004_total_mismatch_is_reported_when_a_budget_changes() -> None:
    lines = seed_lines("004")
    # Line 148 (4.3, "Bản tin CCHC ...") states 240; make it 250.
    assert lines[147].endswith("\t240")
    lines[147] = lines[147][: -len("240")] + "250"
    _, findings, total = read_tables(lines)
    assert total == Decimal(936)
    assert [(f.message, dict(f.params), f.line) for f in findings] == [
        (BUDGET_MISMATCH, {"sum": "946", "total": "936"}, 251)
    ]
    assert findings[0].render() == (
        "The tasks' budgets add up to 946 million VND, but the table states a total of 936 "
        "million VND."
    )


def test_no_field_keeps_html_markup() -> None:
    for seed in ("000", "003", "004"):
        for task in read_tables(seed_lines(seed))[0]:
            for text in (task.title, task.objective, task.product, task.lead_text):
                assert "<" not in (text or ""), (seed, task.line)


# --- Small tables in the shapes a converted .docx gives -------------------------------------


def test_reordered_columns_are_mapped_by_header_text() -> None:
    # Seed 000's task II.4, with the columns in another order and a column we do not read.
    lines = [
        "STT\tĐơn vị chủ trì\tNội dung công việc\tThời hạn\tĐơn vị phối hợp\tGhi chú\tSản phẩm",
        "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)",
        "II. Cải cách thể chế",
        "4.\tSở Kế hoạch và Đầu tư\tRà soát tham mưu bổ sung, hoàn thiện hoặc ban hành mới các "
        "tiêu chí về đầu tư\tNăm 2022\tCác Sở, ban, ngành; UBND cấp huyện\t\tQuyết định của UBND "
        "tỉnh",
    ]
    tasks, findings, total = read_tables(lines)
    assert findings == [] and total is None
    assert tasks == [
        RawTask(
            section="II",
            section_title="Cải cách thể chế",
            number="4",
            parent=None,
            title="Rà soát tham mưu bổ sung, hoàn thiện hoặc ban hành mới các tiêu chí về đầu tư",
            product="Quyết định của UBND tỉnh",
            lead_text="Sở Kế hoạch và Đầu tư",
            support_text="Các Sở, ban, ngành; UBND cấp huyện",
            deadline_text="Năm 2022",
            line=4,
        )
    ]


def test_agency_columns_split_under_a_second_header_row() -> None:
    # A common .docx layout: "Cơ quan thực hiện" spans two columns named on the row below.
    lines = [
        "TT\tNội dung, nhiệm vụ\tSản phẩm\tCơ quan thực hiện\t\tThời gian thực hiện",
        "\t\t\tChủ trì\tPhối hợp\t",
        "1.1\tKiến toàn Ban chỉ đạo CCHC tỉnh\tQuy chế hoạt động.\tSở Nội vụ\t"
        "Các Sở, Ban, ngành\tQuý I/2021",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.number, t.lead_text, t.support_text, t.deadline_text) for t in tasks] == [
        ("1.1", "Sở Nội vụ", "Các Sở, Ban, ngành", "Quý I/2021")
    ]


def test_short_rows_are_padded_and_long_rows_joined_into_the_last_cell() -> None:
    lines = [
        HEADER_000,
        "2\tXây dựng Kế hoạch CCHC hằng năm\tQuyết định của UBND tỉnh\tSở Nội vụ",
        "3\tXây dựng Kế hoạch và thành lập các đoàn kiểm tra công tác CCHC hằng năm\tBáo cáo "
        "kết quả kiểm tra\tSở Nội vụ\tCác Sở, ban, ngành; UBND cấp huyện\tQuý I\tnăm kế hoạch",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.lead_text, t.support_text, t.deadline_text) for t in tasks] == [
        ("Sở Nội vụ", "", ""),
        ("Sở Nội vụ", "Các Sở, ban, ngành; UBND cấp huyện", "Quý I năm kế hoạch"),
    ]


@pytest.mark.parametrize(
    ("cell", "budget"),
    [
        ("936", Decimal(936)),
        ("1.200", Decimal(1200)),
        ("1,5", Decimal("1.5")),
        ("1.200,5", Decimal("1200.5")),
        ("Thường xuyên", None),
        ("Theo dự toán ngân sách hàng năm", None),
        ("", None),
    ],
)
def test_budget_cells(cell: str, budget: Decimal | None) -> None:
    lines = [
        HEADER_004,
        f"4.5\tTuyên truyền CCHC bằng tờ rơi\tPhát hành tờ rơi\tSở Nội vụ\t\t\t{cell}",
    ]
    assert read_tables(lines)[0][0].budget_million_vnd == budget


def test_total_in_its_own_row_with_a_mismatch() -> None:
    lines = [
        HEADER_004,
        "I\tCÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH\t\t\t\t\t",
        "1.3\tHội Tổ tư vấn CCHC tỉnh định kỳ, đột xuất\t\tTổ trưởng Tổ Tư vấn\t\tThường xuyên\t10",
        "1.4\tTổ chức Hội nghị tổng kết công tác CCHC năm 2021\t\tSở Nội vụ\t\tTháng 11\t1,5",
        "Tổng cộng\t\t\t\t\t\t1.200",
    ]
    tasks, findings, total = read_tables(lines)
    assert total == Decimal(1200)
    assert [t.number for t in tasks] == ["1.3", "1.4"]
    assert [(f.message, dict(f.params), f.line) for f in findings] == [
        (BUDGET_MISMATCH, {"sum": "11.5", "total": "1200"}, 5)
    ]


def test_row_without_a_number_away_from_a_page_break() -> None:
    # With no repeated header above it, an empty number cell is a continuation only when the
    # row cannot stand alone; a row with its own task, lead and deadline is an unnumbered task.
    lines = [
        HEADER_000,
        "2\tXây dựng Kế hoạch CCHC hằng năm\tQuyết định của UBND tỉnh\tSở Nội vụ\t"
        "Các Sở, ban, ngành; UBND cấp\tTrước 25/12 năm báo cáo",
        "\t\t\t\thuyện.\t",
        "\tXây dựng Kế hoạch tuyên truyền CCHC hàng năm\tKế hoạch của UBND tỉnh\t"
        "Sở Thông tin và TT\tCác Sở, ban, ngành; UBND cấp huyện\tQuý I năm kế hoạch",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.number, t.support_text, t.line) for t in tasks] == [
        ("2", "Các Sở, ban, ngành; UBND cấp huyện.", 2),
        (None, "Các Sở, ban, ngành; UBND cấp huyện", 4),
    ]


@pytest.mark.parametrize(
    "total_lines",
    [
        ["Tổng cộng: 11,5"],
        ["Tổng cộng\t\t\t\t\t\t", "(Bảng chữ: Mười một triệu năm trăm nghìn đồng)\t\t", "11,5"],
        ["\tCộng\t\t\t\t\t11,5"],
    ],
)
def test_total_written_in_other_places(total_lines: list[str]) -> None:
    lines = [
        HEADER_004,
        "1.3\tHội Tổ tư vấn CCHC tỉnh định kỳ, đột xuất\t\tTổ trưởng Tổ Tư vấn\t\tThường xuyên\t10",
        "1.4\tTổ chức Hội nghị tổng kết công tác CCHC năm 2021\t\tSở Nội vụ\t\tTháng 11\t1,5",
        *total_lines,
    ]
    tasks, findings, total = read_tables(lines)
    assert (len(tasks), findings, total) == (2, [], Decimal("11.5"))


def test_duplicate_number_without_a_section() -> None:
    lines = [
        HEADER_000,
        "5\tXây dựng và tham mưu hoàn thiện cơ chế phối hợp\tQuyết định\tSở Tư pháp\t\tNăm 2022",
        "5\tTăng cường kiểm tra, rà soát văn bản QPPL\tKế hoạch\tSở Tư pháp\t\tHàng năm",
    ]
    tasks, findings, _ = read_tables(lines)
    assert len(tasks) == 2
    assert [(f.render(), f.line) for f in findings] == [("Task 5 appears more than once.", 3)]


def test_activity_table_without_page_breaks() -> None:
    # Seed 003's task II.2 as a .docx gives it: merged TT/objective/task cells arrive empty.
    lines = [
        HEADER_003,
        "II\tCẢI CÁCH THỂ CHẾ\t\t\t\t\t\t\t",
        "2\tKiểm tra văn bản QPPL\tKiểm tra để đảm bảo tính hợp hiến\tTự kiểm tra Quyết định "
        "của UBND\tPhiếu kiểm tra\tSở Tư pháp, UBND cấp huyện\tSở, ban, ngành cấp tỉnh\tCả năm "
        "2025\tThường xuyên",
        "\t\t\tXây dựng và ban hành Kế hoạch kiểm tra văn bản QPPL\tKế hoạch\tSở Tư pháp;\t\t"
        "Trước ngày 15/01/2025\t",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.number, t.activity_index, t.objective, t.title) for t in tasks] == [
        (
            "2",
            1,
            "Kiểm tra văn bản QPPL",
            title_of("Kiểm tra để đảm bảo tính hợp hiến", "Tự kiểm tra Quyết định của UBND"),
        ),
        (
            "2",
            2,
            "Kiểm tra văn bản QPPL",
            title_of(
                "Kiểm tra để đảm bảo tính hợp hiến",
                "Xây dựng và ban hành Kế hoạch kiểm tra văn bản QPPL",
            ),
        ),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["KẾ HOẠCH", "Cải cách hành chính năm 2025", ""],
        # A tabbed letterhead is not a table (seed 001's first lines).
        ["TT CỔNG BÁO & TIN HỌC Q. NGÃI\t", "Ngày: 22/6/2018\t"],
        # A header alone.
        [HEADER_000],
    ],
)
def test_documents_without_a_task_table(lines: list[str]) -> None:
    assert read_tables(lines) == ([], [], None)


# --- Robustness ---------------------------------------------------------------------------

_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "TT",
            "STT",
            "Nhiệm vụ",
            "Hoạt động",
            "Mục tiêu",
            "Cơ quan chủ trì",
            "Phối hợp",
            "Thời gian",
            "Kinh phí (Triệu đồng)",
            "I",
            "II Cải cách thể chế",
            "1",
            "1.2",
            "1.2.",
            "a)",
            "Tổng cộng",
            "Tổng cộng:",
            "(Bảng chữ: Chín trăm ba mươi sáu triệu đồng)",
            "936",
            "1.200,5",
            "- Sở Nội vụ",
            "- a; - b",
            "<ul style=x> <li>",
            "(1)",
            "(2)",
            "(3)",
        ]
    ),
    st.text(max_size=12),
)
_LINES = st.one_of(st.lists(_CELLS, max_size=10).map("\t".join), st.text(max_size=30))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=25))
def test_never_raises_on_arbitrary_text(lines: list[str]) -> None:
    tasks, findings, total = read_tables(lines)
    assert isinstance(tasks, list) and isinstance(findings, list)
    assert total is None or isinstance(total, Decimal)


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINES, max_size=25))
def test_never_raises_inside_a_table(lines: list[str]) -> None:
    read_tables([HEADER_003, *lines, HEADER_004, *lines])


def test_a_large_table_with_page_breaks_reads_every_row() -> None:
    # 5,000 rows with a page break (blank line, repeated header, continuation) every 10 rows.
    lines = [HEADER_000, "I\tCông tác chỉ đạo điều hành\t\t\t\t"]
    for n in range(1, 5001):
        lines.append(
            f"{n}\tXây dựng Kế hoạch CCHC hằng năm\tQuyết định của UBND tỉnh\tSở Nội vụ\t"
            "Các Sở, ban, ngành; UBND cấp\tTrước 25/12 năm báo cáo"
        )
        if n % 10 == 0:
            lines += ["", HEADER_000, "\t\t\t\thuyện\t"]
    tasks, findings, _ = read_tables(lines)
    assert len(tasks) == 5000 and findings == []
    assert tasks[9].support_text == "Các Sở, ban, ngành; UBND cấp huyện"


# --- Headers in other words, merged cells, several tables (plans of late 2025) ---------------


@pytest.mark.parametrize(
    "header",
    [
        "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tTiến độ\tSản phẩm dự kiến",
        "Số TT\tTên nhiệm vụ\tChủ trì thực hiện\tPhối hợp\tThời gian dự kiến hoàn thành\tKết quả",
        "TT\tNội dung công việc\tCơ quan thực hiện\tCơ quan phối hợp\tThời hạn\tHình thức văn bản",
        # a table without a number column still says who leads and by when
        "Nhiệm vụ\tTrách nhiệm thực hiện\tPhối hợp\tThời gian hoàn thành\tSản phẩm\tGhi chú",
    ],
)
def test_headers_are_read_by_meaning(header: str) -> None:
    columns = header.split("\t")
    values = {
        0: "1",
        1: "Rà soát thủ tục hành chính",
        2: "Sở Tư pháp",
        3: "Sở Nội vụ",
        4: "Quý II/2026",
        5: "Báo cáo",
    }
    if columns[0] == "Nhiệm vụ":
        values = {
            0: "Rà soát thủ tục hành chính",
            1: "Sở Tư pháp",
            2: "Sở Nội vụ",
            3: "Quý II/2026",
            4: "Báo cáo",
            5: "",
        }
    row = "\t".join(values[i] for i in range(len(columns)))
    tasks, _, _ = read_tables([header, row])
    assert [(t.title, t.lead_text, t.support_text, t.deadline_text, t.product) for t in tasks] == [
        ("Rà soát thủ tục hành chính", "Sở Tư pháp", "Sở Nội vụ", "Quý II/2026", "Báo cáo")
    ]


def test_a_merged_lead_applies_to_each_row_and_a_merged_number_makes_activities() -> None:
    lines = [
        "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
        "1\tRà soát thủ tục\tSở Tư pháp\tQuý I/2026",
        f"{MERGED}\tCông bố thủ tục\t{MERGED}\tQuý II/2026",
        f"2\tKiểm tra văn bản\t{MERGED}\tQuý III/2026",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.number, t.activity_index, t.title, t.lead_text) for t in tasks] == [
        ("1", 1, "Rà soát thủ tục", "Sở Tư pháp"),
        ("1", 2, "Công bố thủ tục", "Sở Tư pháp"),
        ("2", None, "Kiểm tra văn bản", "Sở Tư pháp"),
    ]


def test_a_merged_budget_is_counted_once() -> None:
    lines = [
        HEADER_004,
        "1.1\tTuyên truyền\tTin bài\tSở Nội vụ\t\tQuý I/2026\t100",
        f"1.2\tTập huấn\tLớp học\tSở Nội vụ\t\tQuý II/2026\t{MERGED}",
    ]
    tasks, _, _ = read_tables(lines)
    assert [t.budget_million_vnd for t in tasks] == [Decimal(100), None]


def test_a_second_table_after_text_is_a_section_of_its_own() -> None:
    header = "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành"
    lines = [
        header,
        "1\tHướng dẫn vận hành bộ máy\tSở Nội vụ\tQuý I/2026",
        "",
        "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG",
        "",
        header,
        "1\tKiện toàn bộ phận một cửa\tUBND các xã, phường\tTháng 3/2026",
    ]
    tasks, findings, _ = read_tables(lines)
    assert [(t.section, t.section_title, t.number) for t in tasks] == [
        (None, None, "1"),
        ("B2", "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG", "1"),
    ]
    assert findings == []


def test_a_header_repeated_at_a_page_break_is_the_same_table() -> None:
    lines = [
        HEADER_000,
        "1\tA\tB\tSở Nội vụ\t\tQuý I/2026",
        "",
        HEADER_000,
        "2\tC\tD\tSở Tư pháp\t\tQuý II/2026",
    ]
    tasks, _, _ = read_tables(lines)
    assert [(t.section, t.number) for t in tasks] == [(None, "1"), (None, "2")]


def _two_tables(above: list[str], between: str) -> list[str]:
    header = "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành"
    return [
        *above,
        header,
        "1\tHướng dẫn vận hành bộ máy\tSở Nội vụ\tQuý I/2026",
        "",
        between,
        "",
        header,
        "1\tKiện toàn bộ phận một cửa\tUBND các xã, phường\tTháng 3/2026",
    ]


def test_a_heading_just_above_the_first_table_is_its_section_when_the_next_follows_it() -> None:
    lines = _two_tables(
        ["KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH", ""],
        "II. NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG",
    )
    tasks, findings, _ = read_tables(lines)
    assert [(t.section, t.section_title, t.number) for t in tasks] == [
        ("I", "NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH", "1"),
        ("II", "NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG", "1"),
    ]
    assert findings == []


@pytest.mark.parametrize(
    ("above", "between"),
    [
        # The body's heading with text under it: the table is not that section's.
        (["I. MỤC ĐÍCH, YÊU CẦU", "Bảo đảm tiến độ.", ""], "II. NHIỆM VỤ CỦA CẤP XÃ"),
        # The next section is not the one after it.
        (["II. NHIỆM VỤ CỤ THỂ", ""], "II. NHIỆM VỤ CỦA CẤP XÃ"),
        (["I. NHIỆM VỤ CỦA CẤP TỈNH", ""], "IV. NHIỆM VỤ CỦA CẤP XÃ"),
    ],
)
def test_a_heading_above_the_first_table_stays_out_unless_it_opens_the_sections(
    above: list[str], between: str
) -> None:
    tasks, _, _ = read_tables(_two_tables(above, between))
    assert tasks[0].section is None
    assert tasks[1].section == between.split(".")[0]
