"""The prose reader, against the prose plans (seeds 001, 002) and small texts shaped like them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.agencies import AgencyDirectory
from planning.findings import Finding
from planning.importer import import_document
from planning.prose import (
    DUPLICATE_NUMBER,
    DUPLICATE_NUMBER_NO_SECTION,
    NO_LEAD,
    UNKNOWN_LABEL,
    read_prose,
)
from planning.types import RawTask
from tests.conftest import seed_lines


def _by_number(prefix: str) -> dict[str, RawTask]:
    """The tasks of a seed by their number within section II ("2.b" is item b of II.2)."""
    tasks, _ = read_prose(seed_lines(prefix))
    return {_label(t).removeprefix("II."): t for t in tasks}


def _label(task: RawTask) -> str:
    return ".".join(p for p in (task.section, task.number) if p)


def _read(text: str) -> tuple[list[RawTask], list[Finding]]:
    return read_prose(text.splitlines())


# Seed 002: lettered items, each followed by labelled lines.


@pytest.mark.parametrize(
    ("number", "line", "lead", "support", "deadline"),
    [
        (
            "1.a",
            30,
            "Phòng Tư pháp và các cơ quan, đơn vị thành phố; UBND xã, phường",
            "Các cơ quan, đơn vị có liên quan",
            "Thường xuyên trong năm",
        ),
        # "Thời gian hoàn thành" instead of "Thời gian thực hiện".
        (
            "1.d",
            59,
            "Phòng Tư pháp; UBND xã, phường",
            "Ban Pháp chế HĐND thành phố, các cơ quan, đơn vị có liên quan",
            "Chậm nhất là ngày 31/01/2024",
        ),
        # "Cơ quan chủ trì, tổng hợp".
        (
            "1.đ",
            69,
            "Phòng Tư pháp; Văn phòng HĐND và UBND thành phố",
            "Các đơn vị các liên quan",
            "Quyết định công bố chậm nhất ngày 01/3/2024; "
            "Báo cáo kết quả hệ thống hóa chậm nhất ngày 20/02/2024",
        ),
        # "Cơ quan chủ trì triển khai tham mưu".
        (
            "2.d",
            131,
            "Văn phòng HĐND&UBND thành phố",
            "Các cơ quan giải quyết TTHC; UBND xã, phường",
            "Thường xuyên trong năm",
        ),
        # "Cơ quan chủ trì" then "Cơ quan thực hiện": those who carry it out work alongside.
        (
            "2.i",
            181,
            "Phòng Văn hóa và Thông tin thành phố",
            "UBND xã, phường; các cơ quan giải quyết TTHC",
            "Theo quy định của Chính phủ và hướng dẫn của Sở Thông tin và Truyền thông",
        ),
        # "- k)": a lettered item written as a bullet.
        (
            "2.k",
            188,
            "Phòng Văn hóa và Thông tin thành phố",
            "UBND xã, phường; các cơ quan giải quyết TTHC",
            "Thường xuyên trong năm",
        ),
        # "Cơ quan chủ trì thực hiện tiếp nhận".
        (
            "2.m",
            198,
            "Văn phòng HĐND và UBND thành phố; UBND xã, phường",
            "Các cơ quan, đơn vị có liên quan",
            "Thường xuyên trong năm",
        ),
        # "Cơ quan thực hiện" written before "Cơ quan chủ trì tham mưu".
        (
            "4.a",
            264,
            "Phòng Nội vụ thành phố",
            "Các đơn vị sự nghiệp",
            "Hoàn thành quý I/2024",
        ),
        # "Cơ quan chủ trì triển khai" and "Cơ quan phối hợp/ thực hiện".
        (
            "4.c",
            280,
            "Phòng Nội vụ",
            "Các cơ quan, đơn vị thuộc UBND thành phố, UBND xã, phường",
            "Quý I năm 2024 ban hành Kế hoạch; tháng 12 năm 2024 báo cáo kết quả thực hiện "
            "về UBND tỉnh (qua Sở Nội vụ)",
        ),
        # "Cơ quan phối hợp theo dõi".
        (
            "4.d",
            289,
            "Các cơ quan , đơn vị; UBND xã, phường",
            "Phòng Nội vụ thành phố và các cơ quan liên quan",
            "Tự kiểm tra định kỳ hàng tháng hoặc kiểm tra đột xuất",
        ),
        (
            "6.a",
            331,
            "Phòng Văn hóa và Thông tin thành phố",
            "Các cơ quan, đơn vị thuộc UBND thành phố, UBND xã, phường",
            "theo thời gian quy định của UBND tỉnh",
        ),
    ],
)
def test_city_plan_items_carry_their_labelled_lines(
    number: str, line: int, lead: str, support: str, deadline: str
) -> None:
    task = _by_number("002")[number]
    assert (task.line, task.lead_text, task.support_text, task.deadline_text) == (
        line,
        lead,
        support,
        deadline,
    )


@pytest.mark.parametrize(
    ("number", "title_start", "product_start"),
    [
        (
            "1.a",
            "Tiếp tục nâng cao chất lượng công tác soạn thảo",
            "100% văn bản quy phạm pháp luật được ban hành đúng thẩm quyền",
        ),
        ("2.k", "Đẩy mạnh thực hiện dịch vụ công trực tuyến", "Các văn bản triển khai thực hiện"),
        ("5.d", "Xây dựng dự toán thu chi ngân sách nhà nước năm 2025", "Quyết định của UBND"),
    ],
)
def test_city_plan_titles_and_products(number: str, title_start: str, product_start: str) -> None:
    task = _by_number("002")[number]
    assert task.title.startswith(title_start)
    assert (task.product or "").startswith(product_start)


def test_city_plan_item_split_by_a_page_break_is_joined() -> None:
    title = _by_number("002")["4.d"].title
    assert "Ban Thường vụ Tỉnh ủy về chủ trương không dùng bia, rượu trong buổi trưa" in title
    assert title.endswith("cơ quan hành chính nhà nước tỉnh Quảng Ngãi.")


def test_city_plan_markdown_emphasis_is_dropped_from_products() -> None:
    product = _by_number("002")["2.o"].product or ""
    assert product.startswith("Kế hoạch kiểm tra việc cải cách TTHC (trong đó bao gồm")
    assert "*" not in product


def test_city_plan_numbers_follow_the_document() -> None:
    tasks, _ = read_prose(seed_lines("002"))
    assert [_label(t).removeprefix("II.") for t in tasks] == [
        *("1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "1.g"),
        *("2.a", "2.b", "2.c", "2.d", "2.đ", "2.e", "2.g", "2.h", "2.i", "2.k", "2.l"),
        *("2.m", "2.o"),
        *("3.a", "3.b", "3.c", "3.d", "3.đ"),
        *("4.a", "4.b", "4.c", "4.d"),
        *("5.a", "5.b", "5.c", "5.d"),
        *("6.a", "6.b", "6.c"),
        *("7.a", "7.b", "7.c", "7.c"),
    ]


@pytest.mark.parametrize(
    ("number", "parent", "section_title"),
    [
        ("1.a", "1", "Cải cách thể chế"),
        ("2.o", "2", "Cải cách thủ tục hành chính (TTHC)"),
        ("6.c", "6", "Xây dựng và phát triển chính quyền điện tử hướng đến chính quyền số"),
        ("7.b", "7", "Công tác chỉ đạo, điều hành cải cách hành chính"),
    ],
)
def test_city_plan_fields_are_sections_of_their_own(
    number: str, parent: str, section_title: str
) -> None:
    # "II. NHIỆM VỤ CỤ THỂ ..." holds the fields "1. Cải cách thể chế:", "2. ...": item
    # 2.o is item "o" of section II.2, titled after its field.
    task = _by_number("002")[number]
    assert (task.section, task.number, task.parent, task.section_title) == (
        f"II.{parent}",
        number.removeprefix(f"{parent}."),
        None,
        section_title,
    )


def test_city_plan_repeated_letter_is_reported_once() -> None:
    _, findings = read_prose(seed_lines("002"))
    assert findings == [
        Finding(DUPLICATE_NUMBER, {"number": "7.c", "section": "II"}, line=382),
    ]
    assert findings[0].render() == "Task 7.c appears more than once in section II."


def test_city_plan_aims_and_organisation_sections_are_not_tasks() -> None:
    tasks, _ = read_prose(seed_lines("002"))
    # I. MỤC ĐÍCH, YÊU CẦU ends at line 25; III. TỔ CHỨC THỰC HIỆN starts at line 389.
    assert min(t.line or 0 for t in tasks) == 30
    assert max(t.line or 0 for t in tasks) == 382


# Seed 001: bullets under agency headings, and items that open with their agency.


@pytest.mark.parametrize(
    ("number", "line", "lead", "support", "deadline"),
    [
        ("1.a.1", 54, "Sở Nội vụ", "", ""),
        # The item opens with its agency; partners are named in brackets.
        (
            "1.b",
            58,
            "Sở Thông tin và Truyền thông",
            "Đài PTTH Quảng Ngãi và Báo Quảng Ngãi, UBND cấp huyện",
            "",
        ),
        ("1.c", 66, "Văn phòng UBND tỉnh", "", ""),
        ("1.d.3", 74, "Các sở, ban, ngành, UBND các huyện thành phố", "", ""),
        ("2.a.2", 82, "Sở Tư pháp", "", ""),
        ("3.a.5", 102, "Văn phòng UBND tỉnh", "Sở Nội vụ", ""),
        # Two districts, each opening its own clause.
        ("3.b", 106, "UBND huyện Sơn Tịnh; UBND huyện Tây Trà", "", ""),
        (
            "3.c",
            108,
            "UBND thành phố Quảng Ngãi và các huyện đồng bằng",
            "",
            "trong năm 2018",
        ),
        ("4.a.1", 128, "Sở Nội vụ", "các cơ quan liên quan", ""),
        # "Thanh tra, kiểm tra ..." is work, not the provincial Inspectorate.
        ("4.a.2", 130, "Sở Nội vụ", "", ""),
        # Under "a) Sở Tài chính:", bullets that open with another agency are that agency's.
        ("6.a.2", 170, "Sở Tài chính", "", ""),
        ("6.a.3", 172, "Sở Nội vụ", "", ""),
        ("6.a.4", 174, "Các sở, ngành, địa phương", "", ""),
        ("7.a.3", 184, "Sở Thông tin và Truyền thông", "", "trước ngày 31/12/2018"),
        ("7.b", 188, "Sở Khoa học và Công nghệ", "", "trong năm 2018"),
        (
            "7.c.1",
            192,
            "Các sở, ban, ngành, UBND các huyện, thành phố, UBND xã, phường, thị trấn",
            "",
            "",
        ),
        (
            "7.d",
            202,
            "Trung tâm hành chính công cấp tỉnh, cấp huyện và các cơ quan, địa phương",
            "",
            "",
        ),
        ("8.a", 206, "Sở Tài chính", "Cục Thuế tỉnh và cơ quan, đơn vị liên quan", ""),
        ("8.b.2", 212, "Sở Kế hoạch và Đầu tư", "", ""),
    ],
)
def test_province_plan_bullets_take_their_agency(
    number: str, line: int, lead: str, support: str, deadline: str
) -> None:
    task = _by_number("001")[number]
    assert (task.line, task.lead_text, task.support_text, task.deadline_text) == (
        line,
        lead,
        support,
        deadline,
    )


@pytest.mark.parametrize(
    ("number", "parent", "section_title"),
    [
        ("1.a.1", "1.a", "Công tác chỉ đạo, điều hành cải cách hành chính (CCHC)"),
        ("1.b", "1", "Công tác chỉ đạo, điều hành cải cách hành chính (CCHC)"),
        (
            "2.b.1",
            "2.b",
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (QPPL) tại tỉnh",
        ),
        ("8.a", "8", "Tác động của CCHC đến sự phát triển kinh tế - xã hội của tỉnh"),
    ],
)
def test_province_plan_fields_name_the_subsection(
    number: str, parent: str, section_title: str
) -> None:
    task = _by_number("001")[number]
    field, _, rest = parent.partition(".")
    assert (task.section, task.parent, task.section_title) == (
        f"II.{field}",
        rest or None,
        section_title,
    )


@pytest.mark.parametrize(
    ("number", "title_start", "title_end"),
    [
        ("1.a.1", "Tham mưu UBND tỉnh ban hành", "chấm điểm chỉ số CCHC năm 2018 của tỉnh"),
        # Split by a page break with two footnotes in between.
        (
            "1.b",
            "Sở Thông tin và Truyền thông tham mưu",
            "về cải cách hành chính cụ thể: Số lượng tin, bài, phóng sự, thời lượng phát trên "
            "đài; và dung lượng đăng tải trên Báo Quảng Ngãi).",
        ),
        (
            "3.d.1",
            "Thường xuyên rà soát",
            "đề nghị cấp có thẩm quyền cắt giảm thời gian giải quyết các thủ tục hành chính (với "
            "mục tiêu cắt giảm tối thiểu 10% chi phí tuân thủ TTHC mà cá nhân, tổ chức phải bỏ ra "
            "khi thực hiện TTHC, trong đó gắn với chỉ tiêu rà soát rút ngắn 30% thời gian giải "
            "quyết TTHC so với khung thời gian quy định chung của trung ương).",
        ),
        # The paragraph after a bullet belongs to it.
        (
            "5.b.1",
            "Thực hiện đúng các quy định của Đảng",
            "Trong thời gian 15 ngày kể từ ngày ban hành quyết định bổ nhiệm, gửi quyết định bổ "
            "nhiệm và hồ sơ bổ nhiệm về Sở Nội vụ để kiểm tra và theo dõi.",
        ),
        ("6.a.1", "Nghiên cứu xây dựng", "để nâng cao trách nhiệm của thủ trưởng cơ quan."),
        ("7.c.1", "Triển khai hoàn thành", "dưới dạng điện tử."),
    ],
)
def test_province_plan_titles_are_whole_bullets(
    number: str, title_start: str, title_end: str
) -> None:
    title = _by_number("001")[number].title
    assert title.startswith(title_start)
    assert title.endswith(title_end)


def test_province_plan_footnotes_are_not_task_text() -> None:
    tasks, _ = read_prose(seed_lines("001"))
    assert not any("2548/QĐUBND" in t.title or "¹" in t.title for t in tasks)


def test_province_plan_agency_headings_are_not_tasks() -> None:
    numbers = set(_by_number("001"))
    assert {"1.a", "1.d", "2.a", "3.d", "5.b", "8.b"}.isdisjoint(numbers)


def test_province_plan_task_count_by_field() -> None:
    tasks, findings = read_prose(seed_lines("001"))
    counts: dict[str, int] = {}
    for task in tasks:
        field_number = _label(task).split(".")[1]
        counts[field_number] = counts.get(field_number, 0) + 1
    # Counted by hand: bullets under headings plus items that open with an agency.
    assert counts == {"1": 7, "2": 4, "3": 13, "4": 4, "5": 8, "6": 4, "7": 10, "8": 3}
    assert findings == []


def test_province_plan_targets_and_organisation_are_not_tasks() -> None:
    tasks, _ = read_prose(seed_lines("001"))
    # I. MỤC TIÊU, CHỈ TIÊU holds bullets (lines 26-44); III. TỔ CHỨC THỰC HIỆN starts at 214.
    assert all(54 <= (t.line or 0) <= 212 for t in tasks)


# The table plans: prose there describes the appendix and assigns nothing.


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_table_plans_give_no_prose_tasks(prefix: str) -> None:
    assert read_prose(seed_lines(prefix)) == ([], [])


# Small texts shaped like the plans.

LABELLED = """\
II. NHIỆM VỤ CỤ THỂ

1. Cải cách thể chế:

a) Rà soát văn bản quy phạm pháp luật.

- {label}: Phòng Tư pháp.
"""


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Cơ quan chủ trì", "lead_text"),
        ("Co quan chu tri", "lead_text"),
        ("Cơ quan chủ trì thực hiện", "lead_text"),
        ("Cơ quan chủ trì, tổng hợp", "lead_text"),
        ("Cơ quan thực hiện", "lead_text"),
        ("Đơn vị chủ trì", "lead_text"),
        ("Cơ quan phối hợp", "support_text"),
        ("Cơ quan phối hợp/ thực hiện", "support_text"),
        ("Sản phẩm", "product"),
        ("Kết quả/Sản phẩm", "product"),
        ("Thời gian thực hiện", "deadline_text"),
        ("Thời hạn hoàn thành", "deadline_text"),
    ],
)
def test_labels_are_recognised_without_regard_to_accents(label: str, field: str) -> None:
    tasks, _ = _read(LABELLED.format(label=label))
    assert [getattr(t, field) for t in tasks] == ["Phòng Tư pháp"]


def test_an_unknown_agency_label_is_reported_and_skipped() -> None:
    text = LABELLED.format(label="Cơ quan thường trực") + "- Cơ quan chủ trì: Phòng Nội vụ.\n"
    tasks, findings = _read(text)
    assert [t.lead_text for t in tasks] == ["Phòng Nội vụ"]
    assert findings == [Finding(UNKNOWN_LABEL, {"label": "Cơ quan thường trực"}, line=7)]


MIXED = """\
II. NHIỆM VỤ CỤ THỂ

1. Cải cách thể chế:

a) Rà soát văn bản quy phạm pháp luật.

- Cơ quan chủ trì: Phòng Tư pháp.

b) Tuyên truyền phổ biến pháp luật.

2. Cải cách tài chính công

a) Đổi mới cơ chế phân bổ ngân sách.

b) Rà soát lộ trình tự chủ tài chính.
"""


def test_unlabelled_item_in_a_labelled_subsection_is_a_task_without_lead() -> None:
    tasks, findings = _read(MIXED)
    assert [(_label(t).removeprefix("II."), t.lead_text) for t in tasks] == [
        ("1.a", "Phòng Tư pháp"),
        ("1.b", ""),
    ]
    assert findings == [Finding(NO_LEAD, {"number": "1.b"}, line=9)]


def test_unlabelled_items_in_an_unlabelled_subsection_are_description_not_tasks() -> None:
    tasks, _ = _read(MIXED)
    assert not any(_label(t).startswith("II.2") for t in tasks)


LABELLED_BULLETS = """\
II. NHIỆM VỤ

1. Cải cách thủ tục hành chính

- Rà soát, đơn giản hóa TTHC.
+ Cơ quan chủ trì: Văn phòng UBND tỉnh.
+ Sản phẩm:
+ Kế hoạch rà soát
+ Báo cáo kết quả
- Công khai TTHC.
+ Cơ quan chủ trì: Sở Tư pháp.
"""


def test_bullets_with_labelled_lines_are_tasks_and_plus_bullets_list_their_products() -> None:
    tasks, _ = _read(LABELLED_BULLETS)
    assert [
        (_label(t).removeprefix("II."), t.title, t.lead_text, t.product, t.line) for t in tasks
    ] == [
        (
            "1.1",
            "Rà soát, đơn giản hóa TTHC.",
            "Văn phòng UBND tỉnh",
            "Kế hoạch rà soát; Báo cáo kết quả",
            5,
        ),
        ("1.2", "Công khai TTHC.", "Sở Tư pháp", None, 10),
    ]


AGENCY_SUBSECTIONS = """\
III. NHIỆM VỤ, GIẢI PHÁP

4. Sở Tư pháp

Chủ trì, phối hợp với cơ quan liên quan tham mưu công tác cải cách thể chế.

6. Sở Nội vụ

- Theo dõi, đôn đốc việc thực hiện Kế hoạch này.

- Hướng dẫn tổ chức tổng kết, khen thưởng.
"""


def test_a_numbered_agency_heading_assigns_what_follows() -> None:
    tasks, _ = _read(AGENCY_SUBSECTIONS)
    assert [(t.number, t.parent, t.lead_text, t.line) for t in tasks] == [
        ("4.1", "4", "Sở Tư pháp", 5),
        ("6.1", "6", "Sở Nội vụ", 9),
        ("6.2", "6", "Sở Nội vụ", 11),
    ]


def test_a_heading_handing_work_to_an_agency_assigns_its_bullets() -> None:
    text = "II. NHIỆM VỤ\n\n4. Giao Sở Tài chính\n\n- Tham mưu bố trí kinh phí.\n"
    tasks, _ = _read(text)
    assert [(t.number, t.lead_text) for t in tasks] == [("4.1", "Sở Tài chính")]


def test_a_numbered_item_naming_its_agency_before_a_colon_is_a_task() -> None:
    text = (
        "II. NHIỆM VỤ\n\n3. Sở Tư pháp: Chủ trì, tham mưu công tác cải cách thể chế.\n\n"
        "4. Giao Sở Tài chính\n"
    )
    tasks, _ = _read(text)
    assert [(t.number, t.parent, t.lead_text, t.section_title) for t in tasks] == [
        ("3", None, "Sở Tư pháp", "NHIỆM VỤ"),
    ]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # A verb word inside a capitalised name is part of the name.
        ("b) Sở Xây dựng tham mưu UBND tỉnh phê duyệt quy hoạch.", "Sở Xây dựng"),
        ("b) Ban Chỉ đạo CCHC tỉnh chỉ đạo các cơ quan.", "Ban Chỉ đạo CCHC tỉnh"),
        ("b) Công an tỉnh triển khai cấp căn cước.", "Công an tỉnh"),
        (
            "b) Đài Phát thanh và Truyền hình tỉnh xây dựng chuyên mục.",
            "Đài Phát thanh và Truyền hình tỉnh",
        ),
        # Ordinary openings that look like agency names.
        ("b) Ban hành các văn bản chỉ đạo.", ""),
        ("b) Bảo đảm đúng tiến độ.", ""),
        ("b) Thanh tra, kiểm tra công vụ.", ""),
        ("b) Sở dĩ chưa hoàn thành là do thiếu kinh phí.", ""),
    ],
)
def test_an_item_opening_with_an_agency_names_its_lead(item: str, lead: str) -> None:
    text = f"II. NHIỆM VỤ\n\n1. Hiện đại hóa hành chính\n\n{item}\n"
    tasks, _ = _read(text)
    assert [t.lead_text for t in tasks] == ([lead] if lead else [])


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("triển khai trước ngày 30/6/2018.", "trước ngày 30/6/2018"),
        ("tổ chức hội nghị trong tháng 7/2018.", "trong tháng 7/2018"),
        ("ban hành kế hoạch Quý III/2018.", "Quý III/2018"),
        (
            "hoàn thành chậm nhất là ngày 15 tháng 8 năm 2018.",
            "chậm nhất là ngày 15 tháng 8 năm 2018",
        ),
        (
            "báo cáo trước 31/12/2018; công bố trong quý IV năm 2018.",
            "trước 31/12/2018; trong quý IV năm 2018",
        ),
        # A date that cites a document is not a deadline, nor is the plan's own year.
        ("thực hiện Quyết định số 881/QĐ-UBND ngày 12/5/2017.", ""),
        ("thực hiện kế hoạch CCHC năm 2018 của tỉnh.", ""),
        ("hoàn thành nhiệm vụ được giao.", ""),
    ],
)
def test_deadlines_written_inside_a_bullet(sentence: str, deadline: str) -> None:
    text = f"II. NHIỆM VỤ\n\n1. Cải cách\n\na) Sở Nội vụ:\n\n- Tham mưu, {sentence}\n"
    tasks, _ = _read(text)
    assert [t.deadline_text for t in tasks] == [deadline]


def test_body_ends_at_the_recipients_list() -> None:
    text = (
        "II. NHIỆM VỤ\n\n1. Cải cách\n\na) Sở Nội vụ:\n\n- Tham mưu.\n\nNơi nhận:\n- Sở Nội vụ;\n"
    )
    tasks, _ = _read(text)
    assert [t.title for t in tasks] == ["Tham mưu."]


def test_table_rows_are_left_to_the_table_reader() -> None:
    text = "II. NHIỆM VỤ\n\n1. Cải cách\n\na) Sở Nội vụ:\n\n1\tXây dựng\tKế hoạch\tSở Nội vụ\n"
    assert _read(text) == ([], [])


def test_a_lettered_item_in_lower_case_is_not_a_continuation() -> None:
    text = (
        "II. NHIỆM VỤ\n\n1. Cải cách\n\nd) Sở Tư pháp tham mưu văn bản.\n\n"
        "đ) Sở Nội vụ tham mưu\n\nkế hoạch kiểm tra.\n"
    )
    tasks, _ = _read(text)
    assert [(_label(t).removeprefix("II."), t.title) for t in tasks] == [
        ("1.d", "Sở Tư pháp tham mưu văn bản."),
        ("1.đ", "Sở Nội vụ tham mưu kế hoạch kiểm tra."),
    ]


def test_a_heading_split_by_a_page_break_is_joined() -> None:
    text = (
        "II. NHIỆM VỤ\n\n2. Đối với lĩnh vực “Xây dựng và tổ chức thực hiện văn bản\n\n"
        "² Quyết định số 881/QĐ-UBND.\n\nquy phạm pháp luật”\n\na) Sở Tư pháp:\n\n- Tham mưu.\n"
    )
    tasks, _ = _read(text)
    assert [(_label(t).removeprefix("II."), t.section_title) for t in tasks] == [
        ("2.a.1", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"),
    ]


def test_a_text_without_sections_is_read_whole() -> None:
    text = (
        "a) Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "a) Lặp lại.\n- Cơ quan chủ trì: Sở Nội vụ.\n"
    )
    tasks, findings = _read(text)
    assert [(t.number, t.section, t.lead_text) for t in tasks] == [
        ("a", None, "Sở Tư pháp"),
        ("a", None, "Sở Nội vụ"),
    ]
    assert findings == [Finding(DUPLICATE_NUMBER_NO_SECTION, {"number": "a"}, line=3)]


_FRAGMENTS = st.sampled_from(
    [
        "II. NHIỆM VỤ",
        "I. MỤC TIÊU",
        "1. Cải cách thể chế:",
        "a) Sở Tư pháp:",
        "- k) Đẩy mạnh",
        "- Cơ quan chủ trì: Phòng Tư pháp.",
        "- Cơ quan thực hiện:",
        "- Thời gian:",
        "- Sở Nội vụ tham mưu",
        "¹ Quyết định số 1",
        "chủ trương",
        "Nơi nhận:",
        "",
        "\t",
        "- ",
        ":",
        "a)",
    ]
)
_LINES = st.lists(st.one_of(st.text(max_size=60), _FRAGMENTS), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_read_prose_never_raises(lines: list[str]) -> None:
    tasks, findings = read_prose(lines)
    assert all(isinstance(t, RawTask) and t.title for t in tasks)
    assert all(isinstance(f.render(), str) for f in findings)


# --- Directives and commune plans of late 2025 ------------------------------------------------


DIRECTIVE = """\
CHỈ THỊ
Về tăng cường kỷ luật hành chính năm 2026
1. Sở Nội vụ:
a) Tổ chức kiểm tra đột xuất, báo cáo kết quả trước ngày 15/12/2026.
b) Tổng hợp tình hình thực hiện Chỉ thị, báo cáo định kỳ hằng quý.
2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí, trình trước ngày 30/11/2026.
3. Đề nghị Bưu điện tỉnh phối hợp hỗ trợ người dân nộp hồ sơ trực tuyến.
"""


def test_a_directive_assigns_work_agency_by_agency() -> None:
    tasks, _ = _read(DIRECTIVE)
    assert [(t.number, t.lead_text, t.support_text, t.deadline_text) for t in tasks] == [
        ("1.a", "Sở Nội vụ", "", "trước ngày 15/12/2026"),
        ("1.b", "Sở Nội vụ", "", "định kỳ hằng quý"),
        ("2", "Sở Tài chính", "Sở Nội vụ", "trước ngày 30/11/2026"),
        ("3", "Bưu điện tỉnh", "", ""),
    ]


COMMUNE_PLAN = """\
II. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thủ tục hành chính
a) Niêm yết công khai thủ tục hành chính; thời gian thực hiện: thường xuyên.
b) Tiếp nhận, xử lý phản ánh, kiến nghị của người dân.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND phường tổng hợp báo cáo gửi Sở Nội vụ trước ngày 15 của tháng cuối quý.
2. Phòng Văn hóa - Xã hội chủ trì tuyên truyền, hoàn thành trước ngày 30/9/2026.
3. Công an phường phối hợp thực hiện các nhiệm vụ có liên quan.
"""


def test_a_plan_without_a_table_reads_its_own_items_and_dated_duties() -> None:
    tasks, _ = read_prose(COMMUNE_PLAN.splitlines(), lenient=True)
    assert [(t.section, t.number, t.lead_text, t.deadline_text) for t in tasks] == [
        ("II.1", "a", "", "thường xuyên"),
        ("II.1", "b", "", ""),
        ("III", "1", "Văn phòng HĐND và UBND phường", "trước ngày 15 của tháng cuối quý"),
        ("III", "2", "Phòng Văn hóa - Xã hội", "hoàn thành trước ngày 30/9/2026"),
    ]


def test_without_leniency_the_organising_section_and_unassigned_items_are_not_tasks() -> None:
    assert _read(COMMUNE_PLAN) == ([], [])


# A district's plan that writes its fields of reform as numbered parts of one section.
DISTRICT_PLAN = """II. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN

1. Cải cách thể chế

a) Rà soát văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành.

- Cơ quan chủ trì: Phòng Tư pháp.

- Thời gian hoàn thành: Quý II/2025.

2. Cải cách thủ tục hành chính

a) Công khai thủ tục hành chính tại Bộ phận Một cửa huyện.

- Cơ quan chủ trì: Văn phòng HĐND và UBND huyện.

- Thời gian thực hiện: Thường xuyên.

b) Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.

- Cơ quan chủ trì: Văn phòng HĐND và UBND huyện.

- Cơ quan phối hợp: UBND các xã, thị trấn.

3. Phòng Nội vụ:

a) Tham mưu kế hoạch tuyển dụng công chức cấp xã.

- Thời gian hoàn thành: tháng 6/2025.

4. Tổng hợp báo cáo cải cách hành chính quý, 6 tháng, năm.

- Cơ quan chủ trì: Phòng Nội vụ.
"""


def test_numbered_fields_of_a_task_section_are_sections_with_their_own_titles() -> None:
    tasks, _ = _read(DISTRICT_PLAN)
    assert [(t.section, t.section_title, t.number, t.parent) for t in tasks] == [
        ("II.1", "Cải cách thể chế", "a", None),
        ("II.2", "Cải cách thủ tục hành chính", "a", None),
        ("II.2", "Cải cách thủ tục hành chính", "b", None),
        # A heading that names an agency groups its work: its items stay in section II ...
        ("II", "NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", "3.a", "3"),
        # ... and so does a numbered paragraph that is a task itself.
        ("II", "NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", "4", None),
    ]


def test_a_field_read_as_a_section_keeps_the_slot_its_item_had_in_the_task_section() -> None:
    # A plan stored when item "b" of field 2 was item "2.b" of section II, amended since,
    # must find its tasks again (a task's slot is what an amended version is matched by).
    plan = import_document(DISTRICT_PLAN.encode(), "plan.txt", AgencyDirectory.load())
    assert [t.slot for t in plan.tasks] == ["II|1.a", "II|2.a", "II|2.b", "II|3.a", "II|4"]
