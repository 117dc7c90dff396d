"""The heading reader, against the five seed plans and small headings shaped like them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.metadata import read_metadata
from planning.types import PlanMeta
from tests.conftest import seed_lines


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # A decision issuing the plan: its "Số:" line wins over the annex's "1256" and "2256".
        (
            "000",
            PlanMeta(
                number="1257/QĐ-UBND",
                title="Kế hoạch cải cách hành chính; nâng cao thứ hạng các chỉ số cải cách hành "
                "chính, hiệu quả quản trị và hành chính công, năng lực cạnh tranh cấp tỉnh giai "
                "đoạn 2021 - 2025",
                issuer="UBND tỉnh Quảng Ngãi",
                year=2021,
                period=(2021, 2025),
                signed=date(2021, 12, 22),
            ),
        ),
        # No number (the "Số: 61.84" is an incoming-mail stamp); "UBND tỉnh ban hành" in the body.
        (
            "001",
            PlanMeta(
                number=None,
                title="Thực hiện nhiệm vụ, giải pháp trọng tâm nhằm cải thiện Chỉ số cải cách "
                "hành chính (PAR INDEX) năm 2018 của tỉnh Quảng Ngãi",
                issuer="UBND tỉnh Quảng Ngãi",
                year=2018,
                period=(2018, 2018),
            ),
        ),
        # A draft: "Số: /KH-UBND", signed in "TP. Quảng Ngãi" in December 2023 for 2024.
        (
            "002",
            PlanMeta(
                number=None,
                title="Cải cách hành chính thành phố Quảng Ngãi năm 2024",
                issuer="UBND thành phố Quảng Ngãi",
                year=2024,
                period=(2024, 2024),
            ),
        ),
        (
            "003",
            PlanMeta(
                number=None,
                title="Cải cách hành chính nhà nước tỉnh Quảng Trị năm 2025",
                issuer="UBND tỉnh Quảng Trị",
                year=2025,
                period=(2025, 2025),
            ),
        ),
        # The chairman's decision, its title in bold over two lines, numbered only in the annex.
        (
            "004",
            PlanMeta(
                number="1887/QĐ-UBND",
                title="Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2021",
                issuer="UBND tỉnh Đắk Nông",
                year=2021,
                period=(2021, 2021),
            ),
        ),
    ],
)
def test_seed_headings(prefix: str, expected: PlanMeta) -> None:
    assert read_metadata(seed_lines(prefix)) == expected


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("Số: 15/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm 2024", "15/KH-UBND"),
        ("Số:  208/QĐ-UBND.\nQUYẾT ĐỊNH\nBan hành Kế hoạch", "208/QĐ-UBND"),
        ("Số: /KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm 2024", None),
        # A blank number is a draft: the annex's citation is not the plan's number.
        ("Số: /KH-UBND\n(Ban hành kèm theo Quyết định số 99/QĐ-UBND)", None),
        ("KẾ HOẠCH\n(Ban hành kèm theo Quyết định số 99/QĐ-UBND ngày 1/1/2024)", "99/QĐ-UBND"),
        ("ĐẾN\tSố: 61.84\n\tNgày: 22/6/2018", None),
        ("KẾ HOẠCH\nCải cách hành chính năm 2024", None),
    ],
)
def test_number(heading: str, number: str | None) -> None:
    assert read_metadata(heading.splitlines()).number == number


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "QUYẾT ĐỊNH\n**Về việc ban hành Kế hoạch cải cách hành chính\n"
            "huyện Sơn Tịnh năm 2022**",
            "Kế hoạch cải cách hành chính huyện Sơn Tịnh năm 2022",
        ),
        (
            "QUYẾT ĐỊNH\n\nBan hành Kế hoạch chuyển đổi số năm 2023\n\nCăn cứ Luật ...",
            "Kế hoạch chuyển đổi số năm 2023",
        ),
        # A decision that does not issue a plan gives way to the plan's own title.
        (
            "QUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n\nKẾ HOẠCH\nCải cách hành chính năm 2022",
            "Cải cách hành chính năm 2022",
        ),
        (
            "KẾ HOẠCH\n\nCải cách hành chính\nthị xã Đức Phổ năm 2023\n\nThực hiện ...",
            "Cải cách hành chính thị xã Đức Phổ năm 2023",
        ),
        ("Số: 5/KH-UBND\n\nThực hiện Quyết định số 1", ""),
        # With no blank line under the title, the title ends where the body begins: a
        # numbered part, a sentence, a list's opening, the authority in capitals, a rule.
        (
            "KẾ HOẠCH\nCải cách hành chính năm 2026 của Bộ Công Thương\nI. MỤC ĐÍCH, YÊU CẦU\n"
            "Triển khai đồng bộ các nhiệm vụ.",
            "Cải cách hành chính năm 2026 của Bộ Công Thương",
        ),
        (
            "CHỈ THỊ\nVề tăng cường kỷ luật hành chính năm 2026\nThời gian qua, việc giải quyết "
            "hồ sơ ở một số nơi còn chậm, để quá hạn nhiều, gây phiền hà cho người dân.",
            "Về tăng cường kỷ luật hành chính năm 2026",
        ),
        (
            "CHỈ THỊ\nVề đẩy mạnh dịch vụ công trực tuyến\nĐể nâng cao tỷ lệ hồ sơ trực tuyến, "
            "Chủ tịch UBND tỉnh chỉ thị:\n1. Sở Tư pháp:",
            "Về đẩy mạnh dịch vụ công trực tuyến",
        ),
        (
            "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2026 của Bộ Y tế\n"
            "BỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Nghị định số 42/2025/NĐ-CP;",
            "Kế hoạch cải cách hành chính năm 2026 của Bộ Y tế",
        ),
        (
            "KẾ HOẠCH\nCải cách hành chính huyện Bình Sơn\nnăm 2024\n__________\nThực hiện ...",
            "Cải cách hành chính huyện Bình Sơn năm 2024",
        ),
        # A title that closes with a full stop keeps its last line.
        (
            "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch cải cách hành chính\ntỉnh Đắk Nông năm 2021.",
            "Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2021",
        ),
        # A task list issued with no "KẾ HOẠCH" above it is titled by its own heading.
        (
            "UBND TỈNH LÀO CAI\nBẢNG PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
            "STT\tNội dung công việc\tCơ quan chủ trì",
            "BẢNG PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        ),
    ],
)
def test_title(heading: str, title: str) -> None:
    assert read_metadata(heading.splitlines()).title == title


@pytest.mark.parametrize(
    ("heading", "issuer"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\n\nSố: 1/KH-UBND", "UBND huyện Sơn Tịnh"),
        ("UỶ BAN NHÂN DÂN\nTHÀNH PHỐ QUẢNG NGÃI", "UBND thành phố Quảng Ngãi"),
        ("UBND TỈNH QUẢNG TRỊ\nSố: 1/KH-UBND", "UBND tỉnh Quảng Trị"),
        ("QUYẾT ĐỊNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "UBND tỉnh Đắk Nông"),
        # The place of signing says "TP."; otherwise the title says which level it is.
        (
            "TP. Quảng Ngãi, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nCải cách",
            "UBND thành phố Quảng Ngãi",
        ),
        (
            "Đức Phổ, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nCải cách thị xã Đức Phổ",
            "UBND thị xã Đức Phổ",
        ),
        ("Đức Phổ, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nCải cách hành chính", None),
        # Citing a superior's plan does not make that superior the issuer.
        (
            "Thực hiện Quyết định số 1879/QĐ-UBND của UBND tỉnh Quảng Ngãi ban hành Kế hoạch "
            "cải cách hành chính năm 2024",
            None,
        ),
        (
            "Căn cứ Quyết định của UBND tỉnh Quảng Ngãi ban hành Kế hoạch năm 2024, UBND huyện "
            "Nghĩa Hành ban hành Kế hoạch như sau:",
            "UBND huyện Nghĩa Hành",
        ),
        # The heading is in capitals; a sentence in the body is not a heading.
        ("Ủy ban nhân dân tỉnh chỉ đạo các sở", None),
        ("KẾ HOẠCH\nCải cách hành chính", None),
        # A list annexed to its plan names the plan's issuer in its note.
        (
            "DANH MỤC NHIỆM VỤ NĂM 2026\n(Kèm theo Kế hoạch số 210/KH-UBND ngày 20/12/2025 "
            "của UBND tỉnh Gia Lai)",
            "UBND tỉnh Gia Lai",
        ),
    ],
)
def test_issuer(heading: str, issuer: str | None) -> None:
    assert read_metadata(heading.splitlines()).issuer == issuer


@pytest.mark.parametrize(
    ("title", "year", "period"),
    [
        ("Cải cách hành chính tỉnh Quảng Trị năm 2025", 2025, (2025, 2025)),
        ("Cải cách hành chính giai đoạn 2021–2025", 2021, (2021, 2025)),
        ("Cải cách hành chính giai đoạn 2021 - 2025, định hướng đến năm 2030", 2021, (2021, 2025)),
        ("Chuyển đổi số thời kỳ 2021-2030", 2021, (2021, 2030)),
        ("Cải cách hành chính giai đoạn 2025 - 2021 năm 2024", 2024, (2024, 2024)),
        ("Cải cách hành chính", None, None),
    ],
)
def test_year_and_period_come_from_the_title(
    title: str, year: int | None, period: tuple[int, int] | None
) -> None:
    meta = read_metadata(["KẾ HOẠCH", title])
    assert (meta.year, meta.period) == (year, period)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(
                [
                    "KẾ HOẠCH",
                    "QUYẾT ĐỊNH",
                    "ỦY BAN NHÂN DÂN",
                    "TỈNH",
                    "Số:",
                    "Số: 1/",
                    "TP., ngày",
                    "UBND tỉnh ban hành Kế hoạch",
                    "giai đoạn 9999 - 0000",
                    "I. MỤC TIÊU",
                    "",
                ]
            ),
        ),
        max_size=20,
    )
)
def test_read_metadata_never_raises(lines: list[str]) -> None:
    meta = read_metadata(lines)
    assert isinstance(meta, PlanMeta)
    assert meta.period is None or meta.period[0] <= meta.period[1]


@pytest.mark.parametrize(
    ("lines", "title", "issuer", "signed"),
    [
        # a ministry's plan: its name in capitals, spelt as the ministry writes it
        (
            ["BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Số: 12/KH-BVHTTDL", "Hà Nội, ngày 05/01/2026",
             "KẾ HOẠCH", "Cải cách hành chính năm 2026"],
            "Cải cách hành chính năm 2026",
            "Bộ Văn hóa, Thể thao và Du lịch",
            date(2026, 1, 5),
        ),
        # a directive is titled like a plan
        (
            ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "Thanh Hóa, ngày 08 tháng 01 năm 2026",
             "CHỈ THỊ", "Về đẩy mạnh giải quyết thủ tục hành chính"],
            "Về đẩy mạnh giải quyết thủ tục hành chính",
            "UBND tỉnh Thanh Hóa",
            date(2026, 1, 8),
        ),
        # a ward and a special zone since July 2025
        (
            ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA KHÁNH", "KẾ HOẠCH", "Cải cách hành chính năm 2026"],
            "Cải cách hành chính năm 2026",
            "UBND phường Hòa Khánh",
            None,
        ),
        (
            ["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUỐC", "KẾ HOẠCH", "Cải cách hành chính năm 2026"],
            "Cải cách hành chính năm 2026",
            "UBND đặc khu Phú Quốc",
            None,
        ),
    ],
)  # fmt: skip
def test_headings_of_ministries_directives_and_communes(
    lines: list[str], title: str, issuer: str, signed: date | None
) -> None:
    meta = read_metadata(lines)
    assert (meta.title, meta.issuer, meta.signed) == (title, issuer, signed)
