"""The held-out corpus: plans written for this project (not copied from any real plan),
kept apart and never read while the importer is tuned. Each has an annotation beside it."""

from __future__ import annotations

from collections.abc import Callable

from tests.corpus.writers import write_docx, write_pdf, write_xlsx

HEADER_DECISION = [
    ("p", "ỦY BAN NHÂN DÂN"),
    ("p", "TỈNH ĐỒNG THÁP"),
    ("p", "Số: 2451/QĐ-UBND"),
    ("p", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("p", "Độc lập - Tự do - Hạnh phúc"),
    ("p", "Đồng Tháp, ngày 26 tháng 12 năm 2025"),
    ("p", "QUYẾT ĐỊNH"),
    ("p", "Ban hành Kế hoạch cải cách hành chính tỉnh Đồng Tháp năm 2026"),
    ("p", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"),
    ("p", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
    ("p", "Theo đề nghị của Giám đốc Sở Nội vụ."),
    ("p", "QUYẾT ĐỊNH:"),
    ("p", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026."),
    ("p", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
    ("p", "TM. ỦY BAN NHÂN DÂN"),
    ("p", "KẾ HOẠCH"),
    ("p", "Cải cách hành chính tỉnh Đồng Tháp năm 2026"),
    ("p", "(Kèm theo Quyết định số 2451/QĐ-UBND ngày 26/12/2025 của UBND tỉnh)"),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "Bảo đảm các nhiệm vụ được giao có địa chỉ, thời hạn và sản phẩm cụ thể."),
    ("p", "II. NHIỆM VỤ CỤ THỂ"),
    ("p", "Nhiệm vụ cụ thể tại Phụ lục kèm theo."),
    ("p", "PHỤ LỤC"),
    ("p", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"),
]

PROVINCE_TABLE = [
    [
        "TT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
        "Sản phẩm",
        "Nguồn kinh phí",
    ],
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", "", ""],
    [
        "1",
        "Ban hành Kế hoạch cải cách hành chính năm 2026 của tỉnh",
        "Sở Nội vụ",
        "Các sở, ban, ngành; UBND các xã, phường",
        "Quý I/2026",
        "Kế hoạch của UBND tỉnh",
        "Ngân sách tỉnh",
    ],
    [
        "2",
        "Kiểm tra công tác cải cách hành chính tại các cơ quan, địa phương",
        "Sở Nội vụ",
        "Văn phòng UBND tỉnh, Sở Tư pháp",
        "Quý II - Quý III/2026",
        "Báo cáo kết quả kiểm tra",
        "Ngân sách tỉnh",
    ],
    [
        "3",
        "Tổ chức xác định Chỉ số cải cách hành chính năm 2025 của các sở, ngành và UBND cấp xã",
        "",
        "Sở Khoa học và Công nghệ",
        "trước ngày 31 tháng 3 năm 2026",
        "Quyết định công bố Chỉ số",
        "",
    ],
    ["II", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
    [
        "1",
        "Rà soát văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành sau sắp xếp đơn vị "
        "hành chính",
        "Sở Tư pháp",
        "Các cơ quan chuyên môn thuộc UBND tỉnh",
        "năm 2026 - 2027",
        "Danh mục văn bản cần sửa đổi, thay thế",
        "",
    ],
    [
        "2",
        "Theo dõi tình hình thi hành pháp luật trong lĩnh vực xử lý vi phạm hành chính",
        "Sở Tư pháp",
        "Công an tỉnh, Sở Y tế",
        "6 tháng đầu năm",
        "Báo cáo",
        "",
    ],
    ["III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", ""],
    [
        "1",
        "Cập nhật thủ tục hành chính lên Cơ sở dữ liệu quốc gia",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "khi có phát sinh",
        "Thủ tục được cập nhật",
        "",
    ],
    [
        "",
        "Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "",
        "Thường xuyên",
        "Thủ tục được niêm yết",
        "",
    ],
    [
        "2",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Sở Khoa học và Công nghệ Văn phòng UBND tỉnh",
        "UBND các xã, phường, đặc khu",
        "năm 2026 và các năm tiếp theo",
        "Kho dữ liệu số hóa",
        "",
    ],
    ["IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", "", "", ""],
    [
        "1",
        "Rà soát chức năng, nhiệm vụ của các cơ quan chuyên môn sau sắp xếp",
        "Sở Nội vụ",
        "Các sở, ban, ngành",
        "Tháng 6/2026",
        "Báo cáo rà soát",
        "",
    ],
    [
        "2",
        "Xây dựng Đề án vị trí việc làm của UBND cấp xã",
        "UBND các xã, phường, đặc khu",
        "Sở Nội vụ",
        "trước ngày 01/6 và 15/11 hằng năm",
        "Đề án",
        "",
    ],
    ["V", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "", "", "", "", ""],
    [
        "1",
        "Hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
        "Sở Khoa học và Công nghệ",
        "Bưu điện tỉnh",
        "Quý 4/2026",
        "Hệ thống được nâng cấp",
        "",
    ],
    [
        "2",
        "Tuyên truyền về cải cách hành chính trên báo chí",
        "Báo và Phát thanh, Truyền hình Đồng Tháp",
        "Sở Văn hóa, Thể thao và Du lịch",
        "tháng 6 và tháng 12 hằng năm",
        "Tin, bài, phóng sự",
        "",
    ],
]
# Section rows span the table; task III.1 has two activity rows under one number; the
# lead "Sở Nội vụ" spans tasks I.2 and I.3.
PROVINCE_MERGES = [
    (1, 1, 1, 6),
    (5, 1, 5, 6),
    (8, 1, 8, 6),
    (12, 1, 12, 6),
    (15, 1, 15, 6),
    (3, 2, 4, 2),
    (9, 0, 10, 0),
]


def province_plan() -> bytes:
    return write_docx([*HEADER_DECISION, ("table", PROVINCE_TABLE, PROVINCE_MERGES)])


def directive() -> bytes:
    lines = [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
        "Số: 05/CT-UBND",
        "Quảng Trị, ngày 05 tháng 01 năm 2026",
        "CHỈ THỊ",
        "Về tăng cường kỷ luật, kỷ cương trong thực hiện cải cách hành chính năm 2026",
        "Thời gian qua, công tác cải cách hành chính của tỉnh có chuyển biến, song việc giải "
        "quyết hồ sơ ở một số nơi còn chậm, quá hạn.",
        "Để khắc phục tình trạng trên, Chủ tịch UBND tỉnh yêu cầu:",
        "1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường, đặc khu:",
        "a) Quán triệt nội dung Chỉ thị này đến cán bộ, công chức, viên chức của cơ quan, "
        "đơn vị ngay trong tháng 01/2026.",
        "b) Rà soát, công khai quy trình nội bộ giải quyết thủ tục hành chính, hoàn thành trước "
        "ngày 31/3/2026.",
        "2. Sở Nội vụ:",
        "a) Chủ trì tham mưu tổ chức kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành "
        "chính; báo cáo kết quả trước ngày 15/12/2026.",
        "b) Theo dõi, tổng hợp tình hình thực hiện Chỉ thị, báo cáo Chủ tịch UBND tỉnh định kỳ "
        "hằng quý.",
        "3. Văn phòng UBND tỉnh:",
        "a) Giám sát việc tiếp nhận, giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ "
        "tục hành chính thường xuyên.",
        "b) Công khai danh sách cơ quan có hồ sơ quá hạn trên Cổng thông tin điện tử tỉnh trong "
        "Quý II/2026.",
        "4. Sở Khoa học và Công nghệ:",
        "Chủ trì, phối hợp với Văn phòng UBND tỉnh nâng cấp chức năng nhắc hạn xử lý hồ sơ, "
        "hoàn thành trong tháng 9/2026.",
        "5. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện nhiệm "
        "vụ cải cách hành chính năm 2027, trình UBND tỉnh trước ngày 30/11/2026.",
        "6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát việc thực hiện Chỉ thị này.",
        "7. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp, báo cáo Chủ tịch "
        "UBND tỉnh trước ngày 20/12/2026.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
    ]
    return write_docx([("p", line) for line in lines])


MINISTRY_TABLE = [
    [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Sản phẩm dự kiến",
        "Thời hạn hoàn thành",
    ],
    [
        "1",
        "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026 của Bộ",
        "Vụ Tổ chức cán bộ",
        "Các đơn vị thuộc Bộ",
        "Quyết định của Bộ trưởng",
        "Tháng 01/2026",
    ],
    [
        "2",
        "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý của Bộ",
        "Vụ Pháp chế",
        "Các Cục, Vụ liên quan",
        "Báo cáo rà soát",
        "Quý III/2026",
    ],
    [
        "3",
        "Đơn giản hóa thủ tục hành chính trong lĩnh vực sở hữu trí tuệ",
        "Cục Sở hữu trí tuệ",
        "Văn phòng Bộ",
        "Phương án đơn giản hóa",
        "trước ngày 30/6/2026",
    ],
    [
        "4",
        "Cập nhật, công bố thủ tục hành chính thuộc phạm vi quản lý của Bộ",
        "Văn phòng Bộ",
        "Các đơn vị thuộc Bộ",
        "Quyết định công bố",
        "khi có văn bản quy phạm pháp luật mới",
    ],
    [
        "5",
        "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính của Bộ",
        "",
        "Trung tâm Công nghệ thông tin",
        "Báo cáo vận hành",
        "hằng quý",
    ],
    [
        "6",
        "Kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
        "Cục Chuyển đổi số quốc gia, Trung tâm Công nghệ thông tin",
        "Bộ Công an",
        "Dữ liệu được kết nối",
        "Quý IV năm 2026",
    ],
    [
        "7",
        "Kiểm tra công tác cải cách hành chính tại các đơn vị thuộc Bộ",
        "Vụ Tổ chức cán bộ",
        "Thanh tra Bộ",
        "Báo cáo kiểm tra",
        "6 tháng cuối năm",
    ],
    [
        "8",
        "Tổng kết công tác cải cách hành chính năm 2026",
        "Văn phòng Bộ",
        "Vụ Tổ chức cán bộ",
        "Báo cáo năm",
        "trước ngày 15 tháng 12 năm 2026",
    ],
]


def ministry_plan() -> bytes:
    heading = [
        ("p", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
        ("p", "Số: 88/KH-BKHCN"),
        ("p", "Hà Nội, ngày 30 tháng 12 năm 2025"),
        ("p", "KẾ HOẠCH"),
        ("p", "Cải cách hành chính năm 2026 của Bộ Khoa học và Công nghệ"),
        ("p", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Triển khai đồng bộ các nội dung cải cách hành chính của Bộ."),
        ("p", "II. NHIỆM VỤ"),
    ]
    return write_pdf([*heading, ("table", MINISTRY_TABLE, [(4, 2, 5, 2)])])


def task_list() -> bytes:
    header = [
        "Số TT",
        "Tên nhiệm vụ",
        "Cơ quan, đơn vị chủ trì",
        "Cơ quan, đơn vị phối hợp",
        "Thời gian dự kiến hoàn thành",
        "Kết quả dự kiến",
    ]
    first = [
        ("p", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"),
        ("p", "(Kèm theo Kế hoạch số 210/KH-UBND ngày 20/12/2025 của UBND tỉnh Gia Lai)"),
        (
            "table",
            [
                header,
                [
                    "1",
                    "Nâng cao chất lượng phục vụ của Trung tâm Phục vụ hành chính công tỉnh",
                    "Văn phòng UBND tỉnh",
                    "Sở Khoa học và Công nghệ",
                    "Quý II năm 2026",
                    "Báo cáo đánh giá",
                ],
                [
                    "2",
                    "Đánh giá mức độ hài lòng của người dân, doanh nghiệp",
                    "Sở Nội vụ",
                    "Bưu điện tỉnh",
                    "Tháng 11/2026",
                    "Kết quả khảo sát",
                ],
                [
                    "3",
                    "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính",
                    "Sở Tài chính, Kho bạc Nhà nước khu vực XV",
                    "Các sở, ban, ngành",
                    "2026-2027",
                    "Tỷ lệ hồ sơ thanh toán trực tuyến",
                ],
                [
                    "4",
                    "Rà soát các đơn vị sự nghiệp công lập thuộc tỉnh",
                    "Sở Nội vụ",
                    "Các sở, ban, ngành",
                    "Quí IV-2026",
                    "Báo cáo rà soát",
                ],
                [
                    "",
                    "Trình phương án sắp xếp đơn vị sự nghiệp công lập",
                    "",
                    "Sở Tài chính",
                    "trước ngày 01 tháng 01 năm 2027",
                    "Phương án sắp xếp",
                ],
            ],
            [(4, 0, 5, 0), (4, 2, 5, 2)],
        ),
    ]
    second = [
        ("p", "II. NHIỆM VỤ CỦA CẤP XÃ"),
        (
            "table",
            [
                header,
                [
                    "1",
                    "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
                    "UBND các xã, phường",
                    "",
                    "Thường xuyên",
                    "Thủ tục được niêm yết",
                ],
                [
                    "2",
                    "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
                    "UBND xã, phường",
                    "Trung tâm Phục vụ hành chính công tỉnh",
                    "Từ năm 2026",
                    "Dữ liệu số hóa",
                ],
                [
                    "3",
                    "Báo cáo kết quả cải cách hành chính",
                    "UBND các xã, phường",
                    "Sở Nội vụ",
                    "trước ngày 15/6 và 15/12 hằng năm",
                    "Báo cáo",
                ],
            ],
        ),
    ]
    return write_xlsx([first, second])


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "tinh_dong_thap_2026.docx": province_plan,
    "chi_thi_quang_tri.docx": directive,
    "bo_khcn_2026.pdf": ministry_plan,
    "danh_muc_gia_lai.xlsx": task_list,
}
