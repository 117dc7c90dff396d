"""The agency resolver, tried on the names the five real plans write in their assignee cells."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.agencies import (
    GUESSED_AGENCY,
    UNKNOWN_AGENCY,
    Agency,
    AgencyDirectory,
    Resolution,
    as_the_plan_writes,
    resolve_agency,
)
from tests.conftest import seed_lines


@pytest.fixture(scope="module")
def directory() -> AgencyDirectory:
    return AgencyDirectory.load()


def keys(resolutions: list[Resolution]) -> list[str | None]:
    return [r.agency.key if r.agency else None for r in resolutions]


# ------------------------------------------------------------------- the directory


def test_the_packaged_directory_is_loaded_once(directory: AgencyDirectory) -> None:
    assert AgencyDirectory.load() is directory


@pytest.mark.parametrize(
    "key, name",
    [
        ("so-noi-vu", "Sở Nội vụ"),
        ("so-tu-phap", "Sở Tư pháp"),
        ("so-tai-chinh", "Sở Tài chính"),
        ("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư"),
        ("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông"),
        ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ"),
        ("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường"),
        ("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường"),
        ("so-giao-thong-van-tai", "Sở Giao thông vận tải"),
        ("so-xay-dung", "Sở Xây dựng"),
        ("so-cong-thuong", "Sở Công Thương"),
        ("so-y-te", "Sở Y tế"),
        ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo"),
        ("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội"),
        ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch"),
        ("so-ngoai-vu", "Sở Ngoại vụ"),
        ("ban-dan-toc", "Ban Dân tộc tỉnh"),
        ("thanh-tra-tinh", "Thanh tra tỉnh"),
        ("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"),
        ("van-phong-doan-dbqh-va-hdnd-tinh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
        ("cong-an-tinh", "Công an tỉnh"),
        ("bo-chi-huy-quan-su-tinh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("dai-phat-thanh-truyen-hinh-tinh", "Đài Phát thanh và Truyền hình tỉnh"),
        ("tinh-doan", "Tỉnh đoàn"),
        ("ban-quan-ly-khu-kinh-te", "Ban Quản lý Khu kinh tế tỉnh"),
        ("trung-tam-phuc-vu-hanh-chinh-cong-tinh", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("kho-bac-nha-nuoc-tinh", "Kho bạc Nhà nước tỉnh"),
        ("cuc-thue-tinh", "Cục Thuế tỉnh"),
        ("bao-hiem-xa-hoi-tinh", "Bảo hiểm xã hội tỉnh"),
        ("uy-ban-mttq-tinh", "Ủy ban MTTQ Việt Nam tỉnh"),
        ("lien-doan-lao-dong-tinh", "Liên đoàn Lao động tỉnh"),
        ("truong-chinh-tri-tinh", "Trường Chính trị tỉnh"),
        ("van-phong-hdnd-va-ubnd-huyen", "Văn phòng HĐND và UBND huyện"),
        ("phong-noi-vu", "Phòng Nội vụ"),
        ("phong-tu-phap", "Phòng Tư pháp"),
        ("phong-tai-chinh-ke-hoach", "Phòng Tài chính - Kế hoạch"),
        ("phong-kinh-te", "Phòng Kinh tế"),
        ("phong-quan-ly-do-thi", "Phòng Quản lý đô thị"),
        ("phong-tai-nguyen-va-moi-truong", "Phòng Tài nguyên và Môi trường"),
        ("phong-van-hoa-va-thong-tin", "Phòng Văn hóa và Thông tin"),
        ("phong-giao-duc-va-dao-tao", "Phòng Giáo dục và Đào tạo"),
        ("phong-y-te", "Phòng Y tế"),
        ("phong-lao-dong-thuong-binh-va-xa-hoi", "Phòng Lao động - Thương binh và Xã hội"),
        ("thanh-tra-huyen", "Thanh tra huyện"),
        ("ban-phap-che-hdnd-huyen", "Ban Pháp chế HĐND huyện"),
        ("cong-an-huyen", "Công an huyện"),
        ("trung-tam-van-hoa-the-thao-truyen-thanh", "Trung tâm Văn hóa - Thể thao - Truyền thanh"),
    ],
)
def test_a_province_and_a_city_have_their_standard_agencies(
    directory: AgencyDirectory, key: str, name: str
) -> None:
    agency = directory.get(key)
    assert agency.name == name
    assert directory.resolve(name).agency == agency


def test_an_unknown_key_is_a_key_error(directory: AgencyDirectory) -> None:
    with pytest.raises(KeyError, match="so-khong-co"):
        directory.get("so-khong-co")


# ----------------------------------------------------------- aliases and typos


@pytest.mark.parametrize(
    "written, key",
    [
        ("Sở TTTT", "so-thong-tin-va-truyen-thong"),
        ("Sở TT&TT", "so-thong-tin-va-truyen-thong"),
        ("Sở Thông tin và TT", "so-thong-tin-va-truyen-thong"),
        ("Sở KHĐT", "so-ke-hoach-va-dau-tu"),
        ("Sở KH&ĐT", "so-ke-hoach-va-dau-tu"),
        ("Sở KH&CN", "so-khoa-hoc-va-cong-nghe"),
        ("Sở KHCN", "so-khoa-hoc-va-cong-nghe"),
        ("VP UBND tỉnh", "van-phong-ubnd-tinh"),
        ("VPUBND tỉnh", "van-phong-ubnd-tinh"),
        ("Sở TNMT", "so-tai-nguyen-va-moi-truong"),
        ("Sở TN&MT", "so-tai-nguyen-va-moi-truong"),
        ("Đài PTTH tỉnh", "dai-phat-thanh-truyen-hinh-tinh"),
        ("Đài PT-TH tỉnh", "dai-phat-thanh-truyen-hinh-tinh"),
        ("Sở NN&PTNT", "so-nong-nghiep-va-phat-trien-nong-thon"),
        ("Sở LĐTBXH", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("Sở GD&ĐT", "so-giao-duc-va-dao-tao"),
        ("Sở VHTTDL", "so-van-hoa-the-thao-va-du-lich"),
        ("Văn phòng HĐND&UBND thành phố", "van-phong-hdnd-va-ubnd-huyen"),
        ("Văn phòng HĐND và UBND thành phố", "van-phong-hdnd-va-ubnd-huyen"),
        ("CQCM", "co-quan-chuyen-mon"),
        # without diacritics, in any case
        ("so tu phap", "so-tu-phap"),
        ("SỞ TƯ PHÁP", "so-tu-phap"),
        ("SO KE HOACH VA DAU TU", "so-ke-hoach-va-dau-tu"),
        ("sở tt&tt", "so-thong-tin-va-truyen-thong"),
        ("van phong ubnd tinh", "van-phong-ubnd-tinh"),
        ("Uỷ ban nhân dân tỉnh", "ubnd-tinh"),
        ("Sở Văn hoá, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich"),
        # a qualifier or a trailing dot changes nothing
        ("Sở Nội vụ tỉnh", "so-noi-vu"),
        ("Phòng Nội vụ thành phố.", "phong-noi-vu"),
        ("Sở Thông tin và Truyền thông.", "so-thong-tin-va-truyen-thong"),
        # the typos of the seeds: "Số" for "Sở", a half-abbreviated name, "các" for "có"
        ("Số Thông tin và Truyền thông", "so-thong-tin-va-truyen-thong"),
        ("Số Khoa học và công nghệ", "so-khoa-hoc-va-cong-nghe"),
        ("Số Nội vụ", "so-noi-vu"),
        ("Sở Tài nguyên và MT", "so-tai-nguyen-va-moi-truong"),
        ("Các đơn vị các liên quan.", "co-quan-don-vi-lien-quan"),
        ("Sở Kế hoạch và đầu tư", "so-ke-hoach-va-dau-tu"),
        # names of the seeds' own provinces and bodies
        ("Báo Đắk Nông", "bao-tinh"),
        ("Ban QLKKT tỉnh", "ban-quan-ly-khu-kinh-te"),
        (
            "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp tỉnh",
            "ban-quan-ly-khu-kinh-te",
        ),
        ("UBMTTQ Việt Nam tỉnh", "uy-ban-mttq-tinh"),
        ("Trung tâm HCC tỉnh", "trung-tam-phuc-vu-hanh-chinh-cong-tinh"),
        ("Văn phòng HĐND tỉnh", "van-phong-doan-dbqh-va-hdnd-tinh"),
        ("Tổ trưởng Tổ Tư vấn", "to-tu-van-cchc"),
        ("Tổ công tác của Chủ tịch UBND tỉnh", "to-cong-tac-chu-tich-ubnd-tinh"),
        ("Đoàn khối các cơ quan và Doanh nghiệp tỉnh", "doan-khoi-co-quan-va-doanh-nghiep-tinh"),
        ("Phòng Tài chính – Kế hoạch thành phố", "phong-tai-chinh-ke-hoach"),
        ("Ban Pháp chế HĐND thành phố", "ban-phap-che-hdnd-huyen"),
        ("Ban pháp chế HĐND tỉnh", "ban-phap-che-hdnd-tinh"),
    ],
)
def test_abbreviations_variants_and_typos_resolve_exactly(
    directory: AgencyDirectory, written: str, key: str
) -> None:
    resolution = directory.resolve(written)
    assert resolution.agency is not None and resolution.agency.key == key
    assert resolution.score == 100.0
    assert resolution.name == SHOWN_AS_WRITTEN.get(written, resolution.agency.name)


# A name that writes another level ("thành phố" for the directory's "huyện") or a place
# ("Báo Đắk Nông" for "Báo tỉnh") is shown as the plan writes it, not as the entry's name.
SHOWN_AS_WRITTEN = {
    "Văn phòng HĐND&UBND thành phố": "Văn phòng HĐND&UBND thành phố",
    "Văn phòng HĐND và UBND thành phố": "Văn phòng HĐND và UBND thành phố",
    "Báo Đắk Nông": "Báo Đắk Nông",
    "Ban Pháp chế HĐND thành phố": "Ban Pháp chế HĐND thành phố",
    "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp tỉnh": (
        "Ban Quản lý Khu kinh tế tỉnh"
    ),
}


@pytest.mark.parametrize(
    "written, key",
    [
        # misspellings beyond diacritics (not in the seeds): matched by fuzzy search
        ("Sở Kế hạch và Đầu tư", "so-ke-hoach-va-dau-tu"),
        ("Sở Thông tin và Truyền thôn", "so-thong-tin-va-truyen-thong"),
        ("Sở Khoa hoc va Cong ngh", "so-khoa-hoc-va-cong-nghe"),
        ("Sở Nội vụu", "so-noi-vu"),
    ],
)
def test_a_misspelt_name_is_found_with_a_lower_score(
    directory: AgencyDirectory, written: str, key: str
) -> None:
    resolution = directory.resolve(written)
    assert resolution.agency is not None and resolution.agency.key == key
    assert 90.0 <= resolution.score < 100.0
    assert resolution.as_written == written


def test_a_misspelt_name_in_a_cell_is_reported(directory: AgencyDirectory) -> None:
    resolutions, findings = directory.resolve_list("Sở Kế hạch và Đầu tư; UBND cấp huyện")
    assert keys(resolutions) == ["so-ke-hoach-va-dau-tu", "ubnd-cap-huyen"]
    assert [f.message for f in findings] == [GUESSED_AGENCY]
    assert findings[0].render() == "Agency Sở Kế hạch và Đầu tư was read as Sở Kế hoạch và Đầu tư."


def _unlinked(agencies: list[Agency]) -> list[Agency]:
    return [
        replace(a, parent=None, successor=None, successor_from=None, members=(), work_to=())
        for a in agencies
    ]


def test_no_agency_is_ever_read_as_another(directory: AgencyDirectory) -> None:
    """Take each agency out of the directory: none of its names may then match a different one.

    Only a group may fall back on a wider group ("Các cơ quan chuyên môn cấp tỉnh" is
    "Các cơ quan chuyên môn" with a qualifier), never one agency on another.
    """
    everyone = _unlinked(list(directory.agencies()))
    confusions = []
    for left_out in everyone:
        rest = AgencyDirectory.from_entries(a for a in everyone if a.key != left_out.key)
        for name in [left_out.name, *left_out.aliases]:
            found = rest.resolve(name)
            if found.agency is None:
                continue
            if found.score == 100.0 and left_out.is_group and found.agency.is_group:
                continue
            confusions.append((name, found.agency.key, found.score))
    assert confusions == []


@pytest.mark.parametrize(
    "written",
    [
        "Sở Tư pháp",
        "Sở Tài chính",
        "Sở Nội vụ",
        "Sở Y tế",
        "Sở Xây dựng",
        "Sở Công Thương",
        "Sở Ngoại vụ",
        "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và PTNT",
        "Sở Khoa học và Công nghệ",
        "Sở Kế hoạch và Đầu tư",
        "Sở Giáo dục và Đào tạo",
    ],
)
def test_distinct_departments_are_never_confused(directory: AgencyDirectory, written: str) -> None:
    only_sos = _unlinked(
        [a for a in directory.agencies() if a.level == "department" and a.name.startswith("Sở")]
    )
    own = directory.resolve(written).agency
    assert own is not None
    # A typo of one letter still finds the right one ...
    typo = written[:-1] + ("x" if written[-1] != "x" else "y")
    guess = directory.resolve(typo).agency
    assert guess is None or guess.key == own.key
    # ... and without it in the directory, its name matches no other Sở.
    rest = AgencyDirectory.from_entries(a for a in only_sos if a.key != own.key)
    assert rest.resolve(written).agency is None


# ------------------------------------------------------------ collective assignees


@pytest.mark.parametrize(
    "written, key",
    [
        ("Các Sở, ban, ngành", "so-ban-nganh"),
        ("Sở, ban, ngành cấp tỉnh", "so-ban-nganh"),
        ("Các sở ban ngành", "so-ban-nganh"),
        ("UBND cấp huyện", "ubnd-cap-huyen"),
        ("UBND các huyện, thị xã, thành phố", "ubnd-cap-huyen"),
        ("UBND cấp xã", "ubnd-cap-xa"),
        ("UBND các xã, phường, thị trấn", "ubnd-cap-xa"),
        ("UBND xã, phường", "ubnd-cap-xa"),
        ("UBND các cấp", "ubnd-cac-cap"),
        ("các cơ quan, đơn vị liên quan", "co-quan-don-vi-lien-quan"),
        ("Các cơ quan, đơn vị có liên quan", "co-quan-don-vi-lien-quan"),
        ("Các cơ quan, đơn vị, địa phương có liên quan.", "co-quan-don-vi-lien-quan"),
        ("Các cơ quan giải quyết TTHC", "co-quan-giai-quyet-tthc"),
        ("các cơ quan, đơn vị thuộc thành phố", "co-quan-don-vi-thuoc-ubnd-huyen"),
        ("Các cơ quan, đơn vị thuộc UBND thành phố.", "co-quan-don-vi-thuoc-ubnd-huyen"),
        (
            "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh",
            "co-quan-chuyen-mon-ubnd-tinh",
        ),
        ("Đơn vị SNCL", "don-vi-su-nghiep-cong-lap"),
        ("Cơ quan soạn thảo văn bản QPPL", "co-quan-soan-thao-vbqppl"),
        ("Các thành viên Tổ tư vấn", "to-tu-van-cchc"),
    ],
)
def test_collective_assignees_resolve_to_groups(
    directory: AgencyDirectory, written: str, key: str
) -> None:
    agency = directory.resolve(written).agency
    assert agency is not None and agency.key == key


def test_all_departments_expand_to_every_department(directory: AgencyDirectory) -> None:
    members = {a.key for a in directory.expand("so-ban-nganh")}
    assert {"so-tu-phap", "so-tai-chinh", "so-noi-vu", "van-phong-ubnd-tinh"} <= members
    assert "phong-tu-phap" not in members
    assert all(not directory.get(k).is_group for k in members)


def test_a_group_without_members_still_resolves_and_expands_to_nothing(
    directory: AgencyDirectory,
) -> None:
    group = directory.resolve("Các cơ quan, đơn vị có liên quan").agency
    assert group is not None and group.is_group
    assert directory.expand(group.key) == []


def test_nested_groups_expand_to_their_members() -> None:
    d = AgencyDirectory.from_entries(
        [
            Agency("ubnd-huyen-a", "UBND huyện A", level="district"),
            Agency("ubnd-huyen-b", "UBND huyện B", level="district"),
            Agency("ubnd-xa-c", "UBND xã C", level="commune"),
            Agency(
                "huyen", "UBND cấp huyện", is_group=True, members=("ubnd-huyen-a", "ubnd-huyen-b")
            ),
            Agency("xa", "UBND cấp xã", is_group=True, members=("ubnd-xa-c",)),
            Agency(
                "cac-cap", "UBND các cấp", is_group=True, members=("huyen", "xa", "ubnd-huyen-a")
            ),
        ]
    )
    assert [a.key for a in d.expand("cac-cap")] == ["ubnd-huyen-a", "ubnd-huyen-b", "ubnd-xa-c"]


def test_an_agency_expands_to_itself(directory: AgencyDirectory) -> None:
    assert directory.expand("so-tu-phap") == [directory.get("so-tu-phap")]


def test_expanding_on_a_date_follows_the_mergers(directory: AgencyDirectory) -> None:
    before = [a.key for a in directory.expand("so-ban-nganh", on=date(2025, 2, 28))]
    after = [a.key for a in directory.expand("so-ban-nganh", on=date(2025, 3, 1))]
    assert "so-ke-hoach-va-dau-tu" in before
    assert "so-ke-hoach-va-dau-tu" not in after
    assert after.count("so-tai-chinh") == 1
    assert "so-thong-tin-va-truyen-thong" not in after
    assert len(after) < len(before)


# --------------------------------------------------------------- splitting a cell


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Sở Kế hoạch và Đầu tư", ["so-ke-hoach-va-dau-tu"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["so-van-hoa-the-thao-va-du-lich"]),
        ("Các Sở, ban, ngành; UBND cấp huyện", ["so-ban-nganh", "ubnd-cap-huyen"]),
        (
            "Sở Tư pháp, Phòng Tư pháp và các cơ quan, đơn vị có liên quan",
            ["so-tu-phap", "phong-tu-phap", "co-quan-don-vi-lien-quan"],
        ),
        ("Sở Tư pháp và UBND cấp huyện", ["so-tu-phap", "ubnd-cap-huyen"]),
        (
            "Văn phòng UBND tỉnh và các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã",
            ["van-phong-ubnd-tinh", "so-ban-nganh", "ubnd-cap-huyen", "ubnd-cap-xa"],
        ),
        # "cấp xã" after "UBND cấp huyện" is the commune level's UBND
        ("UBND cấp huyện và cấp xã", ["ubnd-cap-huyen", "ubnd-cap-xa"]),
        (
            "Các Sở, Ban, ngành; UBND cấp huyện, cấp xã",
            ["so-ban-nganh", "ubnd-cap-huyen", "ubnd-cap-xa"],
        ),
        # one "Sở" before a list of them
        (
            "Các Sở: Nội vụ, Thông tin và Truyền thông, Kế hoạch và Đầu tư, Tài chính; "
            "UBND cấp huyện",
            [
                "so-noi-vu",
                "so-thong-tin-va-truyen-thong",
                "so-ke-hoach-va-dau-tu",
                "so-tai-chinh",
                "ubnd-cap-huyen",
            ],
        ),
        (
            "Văn phòng UBND tỉnh, các Sở: Tư pháp, Tài chính, Sở TTTT, Sở KHĐT; UBND cấp huyện",
            [
                "van-phong-ubnd-tinh",
                "so-tu-phap",
                "so-tai-chinh",
                "so-thong-tin-va-truyen-thong",
                "so-ke-hoach-va-dau-tu",
                "ubnd-cap-huyen",
            ],
        ),
        # filler: role words, a remark after the name, a note in brackets
        (
            "Sở Nội vụ hướng dẫn, tổng hợp và các cơ quan liên quan",
            ["so-noi-vu", "co-quan-don-vi-lien-quan"],
        ),
        ("Sở Tài chính (đơn đốc, tổng hợp kết quả thực hiện)", ["so-tai-chinh"]),
        (
            "Sở Tài chính chủ trì, phối hợp với Cục Thuế tỉnh và cơ quan, đơn vị liên quan",
            ["so-tai-chinh", "cuc-thue-tinh", "co-quan-don-vi-lien-quan"],
        ),
        (
            "- Sở Tư pháp nhiệm vụ trọng tâm liên ngành; - Sở, ban, ngành cấp tỉnh; "
            "UBND cấp huyện nhiệm vụ quản lý của ngành, đơn vị",
            ["so-tu-phap", "so-ban-nganh", "ubnd-cap-huyen"],
        ),
        # "của UBND tỉnh" inside a remark is not an assignee
        (
            "Sở, ban, ngành cấp tỉnh, UBND cấp huyện đổi với xử lý kết quả TDTHPL thuộc lĩnh vực "
            "quản lý; - Sở Tư pháp đổi với Báo cáo kết quả TDTHPL của UBND tỉnh",
            ["so-ban-nganh", "ubnd-cap-huyen", "so-tu-phap"],
        ),
        (
            "Các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh; (TTHC cấp huyện, cấp xã: UBND cấp "
            "huyện rà soát gửi cơ quan chuyên môn theo ngành, lĩnh vực liên quan tổng hợp)",
            ["co-quan-chuyen-mon-ubnd-tinh"],
        ),
        # names with commas inside
        (
            "Các cơ quan, đơn vị thuộc UBND thành phố, UBND xã, phường.",
            ["co-quan-don-vi-thuoc-ubnd-huyen", "ubnd-cap-xa"],
        ),
        (
            "Phòng Thương mại và Công nghiệp Việt Nam; các cơ quan TW đóng trên địa bàn tỉnh; "
            "VP UBND tỉnh, Các Sở, ban, ngành liên quan; UBND cấp huyện.",
            [
                "vcci",
                "co-quan-trung-uong-tren-dia-ban",
                "van-phong-ubnd-tinh",
                "so-ban-nganh",
                "ubnd-cap-huyen",
            ],
        ),
        # one agency named twice in a cell is kept once
        (
            "Sở Tư pháp; Các sở, ngành; UBND cấp huyện Sở Tư pháp",
            ["so-tu-phap", "so-ban-nganh", "ubnd-cap-huyen"],
        ),
        ("Số Thông tin và Truyền thông, Số Nội vụ", ["so-thong-tin-va-truyen-thong", "so-noi-vu"]),
        (
            "Sở Kế hoạch và Đầu tư; Sở Tài nguyên và Môi trường; Ban Quản lý Khu kinh tế Dung "
            "Quất và các Khu công nghiệp tỉnh; UBND thành phố Quảng Ngãi...",
            [
                "so-ke-hoach-va-dau-tu",
                "so-tai-nguyen-va-moi-truong",
                "ban-quan-ly-khu-kinh-te",
                "ubnd-tp-quang-ngai",
            ],
        ),
    ],
)
def test_a_cell_splits_into_its_agencies(
    directory: AgencyDirectory, cell: str, expected: list[str]
) -> None:
    resolutions, findings = directory.resolve_list(cell)
    assert keys(resolutions) == expected
    assert findings == []


def test_as_written_keeps_the_cells_own_spelling(directory: AgencyDirectory) -> None:
    resolutions, _ = directory.resolve_list("Sở TTTT; UBND cấp huyện và cấp xã.")
    assert [r.as_written for r in resolutions] == ["Sở TTTT", "UBND cấp huyện", "cấp xã"]
    assert [r.name for r in resolutions] == [
        "Sở Thông tin và Truyền thông",
        "UBND cấp huyện",
        "UBND cấp xã",
    ]


@pytest.mark.parametrize("cell", ["", "   ", " ; ", '<ul style="list-style-type: none"> <li>'])
def test_an_empty_cell_names_no_agency(directory: AgencyDirectory, cell: str) -> None:
    assert directory.resolve_list(cell) == ([], [])


# ----------------------------------------------------------------- unknown names


def test_an_unknown_agency_is_kept_unverified_with_a_warning(directory: AgencyDirectory) -> None:
    resolutions, findings = directory.resolve_list("Sở Nội vụ; Ban Dân vận Tỉnh ủy.")
    assert keys(resolutions) == ["so-noi-vu", None]
    unknown = resolutions[1]
    assert (unknown.as_written, unknown.name, unknown.score) == (
        "Ban Dân vận Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        0.0,
    )
    assert findings == [type(findings[0])(UNKNOWN_AGENCY, {"name": "Ban Dân vận Tỉnh ủy"})]
    assert (
        findings[0].render() == "Unknown agency Ban Dân vận Tỉnh ủy: kept as an unverified agency."
    )


def test_unknown_agencies_joined_by_va_are_two(directory: AgencyDirectory) -> None:
    resolutions, findings = directory.resolve_list("Hội Sinh viên tỉnh và Ban Dân vận Tỉnh ủy")
    assert [(r.name, r.agency) for r in resolutions] == [
        ("Hội Sinh viên tỉnh", None),
        ("Ban Dân vận Tỉnh ủy", None),
    ]
    assert len(findings) == 2


def test_findings_carry_the_line_when_given(directory: AgencyDirectory) -> None:
    _, findings = directory.resolve_list("Ban Dân vận Tỉnh ủy", line=42)
    assert [f.line for f in findings] == [42]
    _, again = directory.resolve_list("Ban Dân vận Tỉnh ủy")
    assert [f.line for f in again] == [None]


def test_resolve_agency_uses_the_packaged_directory() -> None:
    resolution = resolve_agency("Sở TN&MT")
    assert resolution.agency is not None
    assert resolution.name == "Sở Tài nguyên và Môi trường"
    assert resolve_agency("Hội Sinh viên tỉnh").agency is None


# --------------------------------------------------------------- every seed cell

_TABLES = {"000": (6, 3, 4), "003": (9, 5, 6), "004": (7, 3, 4)}
_HEADER_CELLS = {"Cơ quan chủ trì", "Cơ quan phối hợp", "Chủ trì", "Phối hợp"}
# Cells the conversion cut at a page break without keeping the rest: "UBND cấp" lost
# "huyện" (000 rows III.1 and IV.6, 004 row VII.7) and a final "UBND" lost "cấp xã".
_CUT_CELLS = {
    "Các Sở, ban, ngành; UBND cấp": "UBND cấp",
    "Văn phòng UBND tỉnh, các Sở, Ban, ngành; UBND cấp": "UBND cấp",
    "Các Sở: Nội vụ, Thông tin và Truyền thông, Kế hoạch và Đầu tư, Tài chính; "
    "UBND cấp huyện; UBND": "UBND",
}


def _table_cells(prefix: str) -> set[str]:
    """Lead and coordinating cells of a seed's table, rows split by a page break joined again."""
    width, lead, support = _TABLES[prefix]
    rows: list[list[str]] = []
    after_header = False
    for line in seed_lines(prefix):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != width:
            continue
        if cells[0] == "TT":
            after_header = True
            continue
        # A row just after a repeated header with no number continues the row before it,
        # unless (seed 003) it is a new activity with its own lead and deadline.
        continues = after_header and not cells[0] and rows
        if continues and prefix == "003" and cells[lead] and cells[7]:
            continues = False
        if continues:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
        after_header = False
    return {row[i] for row in rows for i in (lead, support) if row[i]} - _HEADER_CELLS


def _labelled_cells() -> set[str]:
    """The "- Cơ quan chủ trì ...:" and "- Cơ quan phối hợp ...:" lines of seed 002."""
    label = re.compile(r"^\s*-\s*Cơ quan (?:chủ trì|phối hợp)[^:]*:\s*(.+)$")
    return {m.group(1) for line in seed_lines("002") if (m := label.match(line))}


def _heading_cells() -> set[str]:
    """Agency headings of seed 001: "a) Sở Tư pháp:"."""
    heading = re.compile(r"^[a-zđ]\)\s*([^:]{3,80}):\s*$")
    return {m.group(1) for line in seed_lines("001") if (m := heading.match(line))}


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_every_table_cell_of_the_seeds_names_known_agencies(
    directory: AgencyDirectory, prefix: str
) -> None:
    cells = _table_cells(prefix)
    assert len(cells) > 25
    unknown = {}
    for cell in sorted(cells - set(_CUT_CELLS)):
        resolutions, findings = directory.resolve_list(cell)
        assert resolutions, cell
        if findings:
            unknown[cell] = [f.render() for f in findings]
    assert unknown == {}


def test_every_labelled_line_of_the_city_plan_names_known_agencies(
    directory: AgencyDirectory,
) -> None:
    cells = _labelled_cells()
    assert len(cells) > 20
    unknown = {c: f for c in sorted(cells) if (f := directory.resolve_list(c)[1])}
    assert unknown == {}


def test_every_agency_heading_of_the_prose_plan_is_known(directory: AgencyDirectory) -> None:
    cells = _heading_cells()
    assert "Sở Tư pháp" in cells and "Các sở, ban, ngành, UBND các huyện, thành phố" in cells
    unknown = {c: f for c in sorted(cells) if (f := directory.resolve_list(c)[1])}
    assert unknown == {}


@pytest.mark.parametrize("cell, lost", sorted(_CUT_CELLS.items()))
def test_a_name_cut_by_a_page_break_is_kept_unverified(
    directory: AgencyDirectory, cell: str, lost: str
) -> None:
    resolutions, findings = directory.resolve_list(cell)
    assert resolutions[-1] == Resolution(lost, lost, None, 0.0)
    assert [f.params for f in findings] == [{"name": lost}]


@pytest.mark.parametrize(
    "heading, expected",
    [
        (
            "UBND huyện Sơn Tịnh xây dựng Đề án áp dụng cơ chế một cửa trình UBND tỉnh phê duyệt "
            "và tổ chức triển khai thực hiện; UBND huyện Tây Trà khẩn trương phê duyệt và thực "
            "hiện cơ chế một cửa tại UBND 7 xã (Trà Nham, Trà Thanh, Trà Thọ, Trà Trung, Trà "
            "Quân, Trà Lãnh, Trà Khê) thuộc huyện.",
            ["ubnd-huyen-son-tinh", "ubnd-huyen-tay-tra"],
        ),
        (
            "Văn phòng UBND tỉnh thường xuyên theo dõi, đôn đốc, nhắc nhở các cơ quan liên quan "
            "tham mưu UBND tỉnh, Chủ tịch UBND tỉnh triển khai kịp thời các nhiệm vụ",
            ["van-phong-ubnd-tinh"],
        ),
    ],
)
def test_a_heading_that_opens_a_sentence_names_its_agency(
    directory: AgencyDirectory, heading: str, expected: list[str]
) -> None:
    resolutions, findings = directory.resolve_list(heading)
    assert keys(resolutions) == expected
    assert findings == []


# ----------------------------------------------------------------- mergers in 2025


@pytest.mark.parametrize(
    "key, on, expected",
    [
        ("so-thong-tin-va-truyen-thong", date(2025, 2, 28), "so-thong-tin-va-truyen-thong"),
        ("so-thong-tin-va-truyen-thong", date(2025, 3, 1), "so-khoa-hoc-va-cong-nghe"),
        ("so-ke-hoach-va-dau-tu", date(2024, 12, 31), "so-ke-hoach-va-dau-tu"),
        ("so-ke-hoach-va-dau-tu", date(2025, 3, 1), "so-tai-chinh"),
        ("so-tai-nguyen-va-moi-truong", date(2025, 3, 1), "so-nong-nghiep-va-moi-truong"),
        (
            "so-nong-nghiep-va-phat-trien-nong-thon",
            date(2025, 6, 1),
            "so-nong-nghiep-va-moi-truong",
        ),
        ("so-giao-thong-van-tai", date(2025, 3, 1), "so-xay-dung"),
        ("so-lao-dong-thuong-binh-va-xa-hoi", date(2025, 3, 1), "so-noi-vu"),
        ("so-tu-phap", date(2030, 1, 1), "so-tu-phap"),
        # the district level has no single successor: kept as it is, for the operator to map
        ("ubnd-cap-huyen", date(2025, 7, 1), "ubnd-cap-huyen"),
        ("phong-tu-phap", date(2026, 1, 1), "phong-tu-phap"),
    ],
)
def test_current_follows_the_mergers_in_force(
    directory: AgencyDirectory, key: str, on: date, expected: str
) -> None:
    assert directory.current(key, on).key == expected


@pytest.mark.parametrize("key", ["ubnd-cap-huyen", "phong-tu-phap", "van-phong-hdnd-va-ubnd-huyen"])
def test_the_district_level_is_dissolved_on_1_july_2025(
    directory: AgencyDirectory, key: str
) -> None:
    agency = directory.get(key)
    assert agency.dissolved_from == date(2025, 7, 1)
    assert agency.successor is None
    assert not agency.is_dissolved(date(2025, 6, 30))
    assert agency.is_dissolved(date(2025, 7, 1))


def test_the_district_levels_work_went_to_the_communes(directory: AgencyDirectory) -> None:
    # Every body said to have taken a gone one's work over is of the level that remains.
    gone = [a for a in directory.agencies() if a.work_to]
    assert {"ubnd-cap-huyen", "phong-quan-ly-do-thi"} <= {a.key for a in gone}
    for agency in gone:
        assert agency.dissolved_from is not None, agency.key
        assert {directory.get(k).level for k in agency.work_to} == {"commune"}, agency.key
    assert directory.get("ubnd-cap-huyen").work_to[0] == "ubnd-cap-xa"


def test_a_chain_of_mergers_is_followed_only_as_far_as_the_date() -> None:
    d = AgencyDirectory.from_entries(
        [
            Agency("a", "Sở A", successor="b", successor_from=date(2025, 3, 1)),
            Agency("b", "Sở B", successor="c", successor_from=date(2025, 7, 1)),
            Agency("c", "Sở C"),
        ]
    )
    assert d.current("a", date(2025, 2, 1)).key == "a"
    assert d.current("a", date(2025, 3, 1)).key == "b"
    assert d.current("a", date(2025, 7, 1)).key == "c"


def test_a_task_keeps_the_name_as_written_after_a_merger(directory: AgencyDirectory) -> None:
    resolution = directory.resolve("Sở KH&ĐT")
    assert resolution.agency is not None
    assert resolution.name == "Sở Kế hoạch và Đầu tư"
    assert directory.current(resolution.agency.key, date(2025, 3, 1)).name == "Sở Tài chính"


# ---------------------------------------------------------------- validation on load


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "agencies.yaml"
    path.write_text("agencies:\n" + body, encoding="utf-8")
    return path


def test_an_operator_directory_is_loaded_from_a_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
  - key: so-tu-phap
    name: Sở Tư pháp
    level: department
    aliases: [STP]
  - key: so-ke-hoach-va-dau-tu
    name: Sở Kế hoạch và Đầu tư
    level: department
    successor: so-tai-chinh
    successor_from: 2025-03-01
  - key: so-tai-chinh
    name: Sở Tài chính
    level: department
  - key: cac-so
    name: Các Sở, ban, ngành
    is_group: true
    members: [so-tu-phap, so-tai-chinh]
""",
    )
    d = AgencyDirectory.load(path)
    assert [a.key for a in d.agencies()] == [
        "so-tu-phap",
        "so-ke-hoach-va-dau-tu",
        "so-tai-chinh",
        "cac-so",
    ]
    assert d.get("so-ke-hoach-va-dau-tu").successor_from == date(2025, 3, 1)
    assert keys(d.resolve_list("STP; Các Sở, ban, ngành")[0]) == ["so-tu-phap", "cac-so"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("  - key: a\n    name: A\n    parent: b\n", "a: unknown parent 'b'"),
        (
            "  - key: a\n    name: A\n    successor: b\n    successor_from: 2025-03-01\n",
            "unknown successor 'b'",
        ),
        ("  - key: a\n    name: A\n    is_group: true\n    members: [b]\n", "unknown member 'b'"),
        ("  - key: a\n    name: A\n  - key: a\n    name: B\n", "key 'a' appears twice"),
        ("  - key: a\n    name: A\n    level: county\n", "level 'county'"),
        ("  - key: a\n    name: A\n    colour: red\n", "unknown field(s) colour"),
        ("  - key: A B\n    name: A\n", "bad key 'A B'"),
        ("  - key: a\n    level: province\n", "'name' is missing"),
        ("  - key: a\n    name: A\n    successor_from: soon\n", "must be a date"),
        ("  - key: a\n    name: A\n    members: [a]\n", "not a group"),
        ("  - key: a\n    name: A\n    work_to: [a]\n", "'work_to' is for a dissolved agency"),
        (
            "  - key: a\n    name: A\n    dissolved_from: 2025-07-01\n    work_to: [b]\n",
            "unknown 'work_to' agency 'b'",
        ),
        (
            "  - key: a\n    name: A\n    successor: b\n    successor_from: 2025-03-01\n"
            "  - key: b\n    name: B\n    successor: a\n    successor_from: 2025-03-01\n",
            "cycle: a -> b -> a",
        ),
        (
            "  - key: a\n    name: Sở A\n    aliases: [SA]\n"
            "  - key: b\n    name: Sở B\n    aliases: [sa]\n",
            "alias 'sa' of 'b' is already a name of 'a'",
        ),
    ],
)
def test_a_directory_that_does_not_hold_together_is_refused(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        AgencyDirectory.load(_write(tmp_path, body))


def test_a_file_without_an_agency_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "agencies.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'agencies' list"):
        AgencyDirectory.load(path)


# ---------------------------------------------------------------------- robustness

_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("SởTưphápUBNDcấpxãhuyệnvà,;:&-().ĐđôơêăâÁ TtKH<>/")), max_size=80
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), _VIETNAMESE))
def test_resolving_never_raises_on_arbitrary_text(text: str) -> None:
    directory = AgencyDirectory.load()
    resolutions, findings = directory.resolve_list(text)
    unknown = [r for r in resolutions if r.agency is None]
    assert len([f for f in findings if f.message == UNKNOWN_AGENCY]) == len(unknown)
    assert all(0.0 <= r.score <= 100.0 and r.name.strip() for r in resolutions)
    single = directory.resolve(text)
    assert 0.0 <= single.score <= 100.0
    assert resolve_agency(text).agency == single.agency


# ------------------------------------------------- names read by their structure


@pytest.mark.parametrize(
    "cell, expected",
    [
        # commas and "và" inside one name are not separators
        ("Bộ Văn hóa, Thể thao và Du lịch", ["Bộ Văn hóa, Thể thao và Du lịch"]),
        ("Bộ Giáo dục và Đào tạo; Bộ Y tế", ["Bộ Giáo dục và Đào tạo", "Bộ Y tế"]),
        # two names with no separator between them
        (
            "Sở Tài chính Sở Khoa học và Công nghệ",
            ["Sở Tài chính", "Sở Khoa học và Công nghệ"],
        ),
        # a sentence in the cell: what the agency is to do is not a name
        (
            "Bộ Công an tiến hành rà soát các quy định về cư trú; các bộ, cơ quan ngang bộ, "
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
            [
                "Bộ Công an",
                "Các bộ, cơ quan ngang bộ",
                "UBND các tỉnh, thành phố trực thuộc Trung ương",
            ],
        ),
        # names the directory does not know, split only between names
        (
            "Cục Kiểm soát thủ tục hành chính, Vụ Pháp chế và Văn phòng Bộ",
            ["Cục Kiểm soát thủ tục hành chính", "Vụ Pháp chế", "Văn phòng Bộ"],
        ),
        (
            "Trung tâm Chuyển đổi số và Giám sát điều hành thông minh tỉnh, Sở Y tế",
            ["Trung tâm Chuyển đổi số và Giám sát điều hành thông minh tỉnh", "Sở Y tế"],
        ),
        (
            "Văn phòng Đăng ký đất đai thuộc Sở Nông nghiệp và Môi trường",
            ["Văn phòng Đăng ký đất đai thuộc Sở Nông nghiệp và Môi trường"],
        ),
        # a person's title before the agency
        ("Giám đốc Sở Nội vụ", ["Sở Nội vụ"]),
        ("Chủ tịch UBND các xã, phường, đặc khu", ["UBND cấp xã"]),
        # the two-level local government since 1 July 2025: "đặc khu" is no agency
        ("UBND các xã, phường, đặc khu", ["UBND cấp xã"]),
        ("Sở Nội vụ; UBND xã, phường, đặc khu", ["Sở Nội vụ", "UBND cấp xã"]),
        ("UBND các xã, phường và đặc khu", ["UBND cấp xã"]),
        # a level after a name ending in another: the same kind of body at that level
        (
            "Trung tâm hành chính công cấp tỉnh, cấp huyện và các cơ quan, địa phương",
            [
                "Trung tâm Phục vụ hành chính công tỉnh",
                "Bộ phận Một cửa cấp huyện",
                "Các cơ quan, đơn vị liên quan",
            ],
        ),
        ("Công an các xã, phường, đặc khu", ["Công an cấp xã"]),
    ],
)
def test_names_are_read_by_their_structure(
    directory: AgencyDirectory, cell: str, expected: list[str]
) -> None:
    resolutions, _ = directory.resolve_list(cell)
    assert [r.name for r in resolutions] == expected


def test_an_unknown_name_is_a_new_agency_never_another(directory: AgencyDirectory) -> None:
    resolutions, findings = directory.resolve_list("Vụ Tổ chức cán bộ và Văn phòng Bộ")
    assert [(r.name, r.agency) for r in resolutions] == [
        ("Vụ Tổ chức cán bộ", None),
        ("Văn phòng Bộ", None),
    ]
    assert [f.params["name"] for f in findings] == ["Vụ Tổ chức cán bộ", "Văn phòng Bộ"]


@pytest.mark.parametrize(
    "written, key, shown",
    [
        ("Bộ Văn hóa, Thể thao và Du lịch", "bo-van-hoa-the-thao-va-du-lich", None),
        ("Bộ VHTTDL", "bo-van-hoa-the-thao-va-du-lich", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Bộ Nông nghiệp và Môi trường", "bo-nong-nghiep-va-moi-truong", None),
        ("Bộ Dân tộc và Tôn giáo", "bo-dan-toc-va-ton-giao", None),
        ("Văn phòng Chính phủ", "van-phong-chinh-phu", None),
        ("Thanh tra Chính phủ", "thanh-tra-chinh-phu", None),
        ("Ngân hàng Nhà nước Việt Nam", "ngan-hang-nha-nuoc", None),
        ("Ủy ban Dân tộc", "uy-ban-dan-toc", None),
        ("Sở Văn hóa và Thể thao", "so-van-hoa-va-the-thao", None),
        ("Thuế tỉnh", "cuc-thue-tinh", "Cục Thuế tỉnh"),
        ("UBND đặc khu", "ubnd-xa", "UBND đặc khu"),
        ("UBND phường", "ubnd-xa", "UBND phường"),
        ("Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi", None),
        ("Báo Hà Tĩnh", "bao-tinh", "Báo Hà Tĩnh"),
        ("Báo và Phát thanh, Truyền hình Cà Mau", "bao-tinh", None),
    ],
)
def test_the_2025_government_and_local_government(
    directory: AgencyDirectory, written: str, key: str, shown: str | None
) -> None:
    resolution = directory.resolve(written)
    assert resolution.agency is not None and resolution.agency.key == key
    assert resolution.name == (shown or written)


@pytest.mark.parametrize(
    "key, successor",
    [
        ("bo-ke-hoach-va-dau-tu", "bo-tai-chinh"),
        ("bo-lao-dong-thuong-binh-va-xa-hoi", "bo-noi-vu"),
        ("bo-tai-nguyen-va-moi-truong", "bo-nong-nghiep-va-moi-truong"),
        ("bo-nong-nghiep-va-phat-trien-nong-thon", "bo-nong-nghiep-va-moi-truong"),
        ("bo-giao-thong-van-tai", "bo-xay-dung"),
        ("bo-thong-tin-va-truyen-thong", "bo-khoa-hoc-va-cong-nghe"),
        ("uy-ban-dan-toc", "bo-dan-toc-va-ton-giao"),
    ],
)
def test_the_ministries_merged_in_march_2025_have_successors(
    directory: AgencyDirectory, key: str, successor: str
) -> None:
    assert directory.current(key, date(2025, 2, 28)).key == key
    assert directory.current(key, date(2025, 3, 1)).key == successor


@pytest.mark.parametrize(
    "cell, city, key, shown",
    [
        # a centrally-run city's own offices are the province level, shown as written
        ("Công an Thành phố", True, "cong-an-tinh", "Công an Thành phố"),
        ("Văn phòng UBND thành phố", True, "van-phong-ubnd-tinh", "Văn phòng UBND thành phố"),
        ("UBND Thành phố", True, "ubnd-tinh", "UBND Thành phố"),
        ("Sở Nội vụ thành phố", True, "so-noi-vu", "Sở Nội vụ"),
        # in a province's plan a city is the old district level, still shown as written
        ("Văn phòng HĐND và UBND thành phố", False, "van-phong-hdnd-va-ubnd-huyen", None),
        ("Công an thành phố", False, "cong-an-huyen", "Công an thành phố"),
    ],
)
def test_a_city_s_offices_keep_the_city_s_level(
    directory: AgencyDirectory, cell: str, city: bool, key: str, shown: str | None
) -> None:
    resolutions, findings = directory.resolve_list(cell, city=city)
    assert [r.agency.key if r.agency else None for r in resolutions] == [key]
    assert resolutions[0].name == (shown or cell)
    assert findings == []


@pytest.mark.parametrize(
    "issuer, expected",
    [
        ("UBND thành phố Hà Nội", True),
        ("UBND thành phố Hồ Chí Minh", True),
        ("UBND thành phố Huế", True),
        ("UBND tỉnh Quảng Ngãi", False),
        ("UBND thành phố Quảng Ngãi", False),
        (None, False),
    ],
)
def test_which_issuers_are_centrally_run_cities(
    directory: AgencyDirectory, issuer: str | None, expected: bool
) -> None:
    assert directory.is_centrally_run(issuer) is expected


@pytest.mark.parametrize(
    ("name", "written", "shown"),
    [
        ("Văn phòng UBND tỉnh", "Văn phòng UBND Thành phố", "Văn phòng UBND Thành phố"),
        ("Công an tỉnh", "Công an Thành phố", "Công an Thành phố"),
        ("Công an tỉnh", "Công an TP", "Công an TP"),
        ("Công an tỉnh", "Công an tỉnh", "Công an tỉnh"),
        ("Văn phòng UBND tỉnh", "VP UBND tỉnh", "Văn phòng UBND tỉnh"),  # shorthand: the name
        ("Sở Nội vụ", "Sở Nội vụ thành phố", "Sở Nội vụ"),  # no level in the name to keep
        # A province's own body by the province's name.
        ("Báo tỉnh", "Báo Nghệ An", "Báo Nghệ An"),
        (
            "Đài Phát thanh và Truyền hình tỉnh",
            "Đài Phát thanh và Truyền hình Quảng Ngãi",
            "Đài Phát thanh và Truyền hình Quảng Ngãi",
        ),
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh Nghệ An", "Văn phòng UBND tỉnh"),
        ("Báo tỉnh", "Báo điện tử", "Báo tỉnh"),  # no place's name
        # ... and merged with the broadcaster, named so.
        (
            "Báo tỉnh",
            "Báo và Phát thanh, Truyền hình Lào Cai",
            "Báo và Phát thanh, Truyền hình Lào Cai",
        ),
        ("Báo tỉnh", "Báo và Đài tỉnh", "Báo tỉnh"),
        # A provincial city's, a town's and an urban district's offices, by their level.
        (
            "Văn phòng HĐND và UBND huyện",
            "Văn phòng HĐND và UBND thành phố",
            "Văn phòng HĐND và UBND thành phố",
        ),
        ("Ban Pháp chế HĐND huyện", "Ban Pháp chế HĐND thị xã", "Ban Pháp chế HĐND thị xã"),
        ("Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND huyện"),
        ("Ban Pháp chế HĐND huyện", "Ban Pháp chế HĐND huyện Ea Súp", "Ban Pháp chế HĐND huyện"),
    ],
)
def test_a_city_s_offices_are_shown_as_the_plan_writes_them(
    name: str, written: str, shown: str
) -> None:
    assert as_the_plan_writes(name, written) == shown
