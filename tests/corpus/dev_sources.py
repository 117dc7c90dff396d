# ruff: noqa: E501 - the documents' paragraphs are data, kept one a line as written
"""The development corpus: plans written for this project in the forms real plans take
(not copied from any of them). The importer is tuned against these; each has an annotation."""

from __future__ import annotations

from collections.abc import Callable

from tests.corpus.writers import write_docx, write_pdf, write_scanned_pdf, write_xlsx


def _paragraphs(text: str) -> list[tuple[str, str]]:
    return [("p", line.strip()) for line in text.strip().splitlines() if line.strip()]


def province_appendix() -> bytes:
    """A province's plan with a 9-column appendix, merged cells and paired activities."""
    heading = _paragraphs(
        """
        ỦY BAN NHÂN DÂN
        TỈNH NGHỆ AN
        Số: 390/KH-UBND
        Nghệ An, ngày 19 tháng 12 năm 2025
        KẾ HOẠCH
        Cải cách hành chính tỉnh Nghệ An năm 2026
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao hiệu quả phục vụ người dân và doanh nghiệp.
        II. NHIỆM VỤ TRỌNG TÂM
        Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.
        III. TỔ CHỨC THỰC HIỆN
        Thủ trưởng các cơ quan, đơn vị tổ chức thực hiện Kế hoạch này.
        PHỤ LỤC
        PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026
        """
    )
    rows = [
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Kết quả dự kiến",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Tiến độ",
            "Nguồn kinh phí",
            "Kinh phí (triệu đồng)",
            "Ghi chú",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["I", "Cải cách thể chế", "", "", "", "", "", "", ""],
        [
            "1",
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh",
            "Quyết định công bố kết quả",
            "Sở Tư pháp",
            "Các cơ quan chuyên môn thuộc UBND tỉnh",
            "Quý I-2026",
            "Ngân sách tỉnh",
            "50",
            "",
        ],
        [
            "2",
            "Kiểm tra, xử lý văn bản trái pháp luật",
            "Báo cáo kết quả kiểm tra",
            "",
            "Văn phòng UBND tỉnh",
            "Quý IV/2026",
            "Ngân sách tỉnh",
            "30",
            "",
        ],
        ["II", "Cải cách thủ tục hành chính", "", "", "", "", "", "", ""],
        [
            "1",
            "Rà soát, đơn giản hóa thủ tục hành chính nội bộ",
            "Phương án đơn giản hóa",
            "Văn phòng UBND tỉnh",
            "Các sở, ban, ngành",
            "Quý II/2026",
            "",
            "",
            "",
        ],
        [
            "",
            "Thực thi phương án đơn giản hóa đã được phê duyệt",
            "Văn bản sửa đổi",
            "Các sở, ban, ngành",
            "Văn phòng UBND tỉnh",
            "Quý IV/2026",
            "",
            "",
            "",
        ],
        [
            "2",
            "- Xây dựng bộ câu hỏi khảo sát sự hài lòng\n- Tổ chức khảo sát tại các xã, phường",
            "Bộ câu hỏi; Báo cáo khảo sát",
            "Sở Nội vụ",
            "Bưu điện tỉnh",
            "Tháng 3/2026\nTháng 10/2026",
            "",
            "",
            "",
        ],
        ["III", "Cải cách tổ chức bộ máy hành chính nhà nước", "", "", "", "", "", "", ""],
        [
            "1",
            "Kiện toàn tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh",
            "Quyết định quy định chức năng, nhiệm vụ",
            "Sở Nội vụ",
            "Các sở, ban, ngành",
            "Quí II năm 2026",
            "",
            "",
            "",
        ],
        [
            "2",
            "Sắp xếp các đơn vị sự nghiệp công lập thuộc UBND tỉnh",
            "Đề án sắp xếp",
            "Sở Nội vụ",
            "Sở Tài chính",
            "năm 2026 - 2027",
            "",
            "",
            "",
        ],
        ["IV", "Xây dựng chính quyền số", "", "", "", "", "", "", ""],
        [
            "1",
            "Nâng cấp Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính",
            "Hệ thống được nâng cấp",
            "Sở Khoa học và Công nghệ",
            "Văn phòng UBND tỉnh; Công an tỉnh",
            "trước ngày 01 tháng 7 năm 2026",
            "Ngân sách tỉnh",
            "1.200",
            "",
        ],
        [
            "2",
            "Tuyên truyền về cải cách hành chính trên Báo và Đài",
            "Chuyên trang, chuyên mục",
            "Báo Nghệ An",
            "Sở Văn hóa, Thể thao và Du lịch",
            "năm 2026 và các năm tiếp theo",
            "",
            "",
            "",
        ],
    ]
    merges = [
        (2, 1, 2, 8),
        (5, 1, 5, 8),
        (9, 1, 9, 8),
        (12, 1, 12, 8),
        (3, 3, 4, 3),  # Sở Tư pháp leads I.1 and I.2
        (6, 0, 7, 0),  # II.1 has two activity rows
    ]
    return write_docx([*heading, ("table", rows, merges)])


def city_plan() -> bytes:
    """A centrally-run city's plan: its offices say "thành phố", its wards are communes."""
    heading = _paragraphs(
        """
        ỦY BAN NHÂN DÂN
        THÀNH PHỐ HẢI PHÒNG
        Số: 301/KH-UBND
        Hải Phòng, ngày 24 tháng 12 năm 2025
        KẾ HOẠCH
        Cải cách hành chính thành phố Hải Phòng năm 2026
        I. MỤC ĐÍCH, YÊU CẦU
        Xây dựng nền hành chính phục vụ, chuyên nghiệp.
        II. NHIỆM VỤ, GIẢI PHÁP
        """
    )
    rows = [
        [
            "TT",
            "Tên nhiệm vụ",
            "Chủ trì thực hiện",
            "Phối hợp",
            "Thời gian hoàn thành",
            "Sản phẩm dự kiến",
        ],
        [
            "1",
            "Ban hành Kế hoạch kiểm tra cải cách hành chính năm 2026",
            "Sở Nội vụ",
            "Văn phòng UBND thành phố",
            "Quý 1/2026",
            "Kế hoạch",
        ],
        [
            "2",
            "Theo dõi việc giải quyết hồ sơ thủ tục hành chính về cư trú",
            "Công an Thành phố",
            "UBND các xã, phường, đặc khu",
            "Hằng tháng",
            "Báo cáo",
        ],
        [
            "3",
            "Kiểm soát thủ tục hành chính và công bố danh mục thủ tục",
            "Văn phòng UBND thành phố",
            "Các sở, ban, ngành thành phố",
            "Khi có văn bản quy phạm pháp luật mới ban hành",
            "Quyết định công bố",
        ],
        [
            "4",
            "Tổ chức Hội nghị đối thoại giữa lãnh đạo thành phố với doanh nghiệp",
            "Sở Tài chính",
            "Văn phòng UBND thành phố; Hiệp hội Doanh nghiệp thành phố",
            "Quý III năm 2026",
            "Hội nghị",
        ],
        [
            "5",
            "Thí điểm mô hình một cửa liên thông cấp xã không phụ thuộc địa giới hành chính",
            "UBND các xã, phường, đặc khu",
            "Trung tâm Phục vụ hành chính công thành phố",
            "Quý IV/2026 - Quý II/2027",
            "Báo cáo đánh giá thí điểm",
        ],
        [
            "6",
            "Đào tạo, bồi dưỡng kỹ năng số cho công chức cấp xã",
            "Sở Nội vụ",
            "Sở Khoa học và Công nghệ",
            "6 tháng đầu năm",
            "Lớp bồi dưỡng",
        ],
        [
            "7",
            "Bảo đảm an toàn thông tin cho hệ thống dùng chung của thành phố",
            "Công an Thành phố",
            "Sở Khoa học và Công nghệ",
            "Thường xuyên",
            "Báo cáo",
        ],
        [
            "8",
            "Tuyên truyền cải cách hành chính trên sóng phát thanh, truyền hình",
            "Đài Phát thanh và Truyền hình Hải Phòng",
            "Sở Văn hóa, Thể thao và Du lịch",
            "tháng 6 và tháng 12 hằng năm",
            "Chuyên mục",
        ],
    ]
    return write_docx([*heading, ("table", rows)])


def ministry_decision() -> bytes:
    """A ministry's decision issuing a plan whose tasks go to its Cục, Vụ and offices."""
    heading = _paragraphs(
        """
        BỘ TƯ PHÁP
        Số: 3120/QĐ-BTP
        Hà Nội, ngày 29 tháng 12 năm 2025
        QUYẾT ĐỊNH
        Ban hành Kế hoạch cải cách hành chính năm 2026 của Bộ Tư pháp
        BỘ TRƯỞNG BỘ TƯ PHÁP
        Căn cứ Nghị định số 39/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;
        Xét đề nghị của Vụ trưởng Vụ Tổ chức cán bộ,
        QUYẾT ĐỊNH:
        Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
        Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
        Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ chịu trách nhiệm thi hành.
        KẾ HOẠCH
        Cải cách hành chính năm 2026 của Bộ Tư pháp
        (Ban hành kèm theo Quyết định số 3120/QĐ-BTP ngày 29/12/2025 của Bộ trưởng Bộ Tư pháp)
        I. MỤC TIÊU
        Hoàn thành các nhiệm vụ cải cách hành chính được Chính phủ giao.
        II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
        """
    )
    rows = [
        [
            "TT",
            "Nội dung",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn",
            "Sản phẩm",
        ],
        [
            "1",
            "Xây dựng Kế hoạch cải cách hành chính năm 2027 của Bộ",
            "Vụ Tổ chức cán bộ",
            "Văn phòng Bộ",
            "trước ngày 15/12/2026",
            "Quyết định của Bộ trưởng",
        ],
        [
            "2",
            "Rà soát, đề xuất sửa đổi các luật thuộc lĩnh vực quản lý của Bộ",
            "Vụ Pháp luật hình sự - hành chính, Vụ Pháp luật dân sự - kinh tế",
            "Các Cục, Vụ liên quan",
            "Quý III/2026",
            "Báo cáo rà soát",
        ],
        [
            "3",
            "Cắt giảm điều kiện kinh doanh trong lĩnh vực bổ trợ tư pháp",
            "Cục Bổ trợ tư pháp",
            "Vụ Pháp chế",
            "Quý II/2026",
            "Phương án cắt giảm",
        ],
        [
            "4",
            "Vận hành Hệ thống đăng ký, quản lý hộ tịch điện tử",
            "Cục Công nghệ thông tin",
            "Vụ Hành chính tư pháp; Sở Tư pháp các tỉnh, thành phố",
            "Thường xuyên",
            "Hệ thống vận hành ổn định",
        ],
        [
            "5",
            "Kiểm tra công tác cải cách hành chính tại các đơn vị thuộc Bộ",
            "Vụ Tổ chức cán bộ",
            "Thanh tra Bộ",
            "6 tháng cuối năm",
            "Báo cáo kiểm tra",
        ],
        [
            "6",
            "Phối hợp với Bộ Nội vụ xác định Chỉ số cải cách hành chính của Bộ",
            "Văn phòng Bộ",
            "Bộ Nội vụ",
            "theo hướng dẫn của Bộ Nội vụ",
            "Báo cáo tự đánh giá",
        ],
    ]
    return write_docx([*heading, ("table", rows)])


def directive() -> bytes:
    """A chairman's directive: work assigned in prose, agency by agency."""
    return write_docx(
        _paragraphs(
            """
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA
            Số: 12/CT-UBND
            Thanh Hóa, ngày 08 tháng 01 năm 2026
            CHỈ THỊ
            Về đẩy mạnh giải quyết thủ tục hành chính trên môi trường điện tử năm 2026
            Để nâng cao tỷ lệ hồ sơ trực tuyến, Chủ tịch UBND tỉnh chỉ thị:
            1. Sở Khoa học và Công nghệ:
            a) Chủ trì hoàn thiện nền tảng chia sẻ dữ liệu của tỉnh, hoàn thành trước ngày 30/6/2026.
            b) Hướng dẫn các cơ quan sử dụng chữ ký số trên thiết bị di động trong Quý I/2026.
            2. Văn phòng UBND tỉnh:
            a) Theo dõi tỷ lệ hồ sơ trực tuyến toàn trình, báo cáo Chủ tịch UBND tỉnh hằng tháng.
            b) Đánh giá chất lượng cung cấp dịch vụ công trực tuyến 6 tháng một lần.
            3. Sở Tài chính: Bố trí kinh phí số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2026, trình UBND tỉnh trong Quý II năm 2026.
            4. Chủ tịch UBND các xã, phường:
            a) Bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa, hoàn thành trong tháng 02/2026.
            b) Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực theo lộ trình từ năm 2026.
            5. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh đưa kết quả thực hiện Chỉ thị vào đánh giá, xếp loại cơ quan, hoàn thành trước ngày 15 tháng 12 năm 2026.
            6. Đề nghị Bưu điện tỉnh phối hợp hỗ trợ người dân nộp hồ sơ trực tuyến khi có yêu cầu.
            Nơi nhận:
            - Như trên;
            - Lưu: VT.
            """
        )
    )


def organising_duties() -> bytes:
    """A commune's plan in prose whose "Tổ chức thực hiện" section assigns dated duties."""
    return write_docx(
        _paragraphs(
            """
            ỦY BAN NHÂN DÂN
            PHƯỜNG HÒA KHÁNH
            Số: 45/KH-UBND
            Hòa Khánh, ngày 22 tháng 12 năm 2025
            KẾ HOẠCH
            Cải cách hành chính phường Hòa Khánh năm 2026
            I. MỤC ĐÍCH, YÊU CẦU
            Thực hiện có hiệu quả chính quyền địa phương hai cấp.
            II. NHIỆM VỤ TRỌNG TÂM
            1. Cải cách thủ tục hành chính
            a) Niêm yết, công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường; thời gian thực hiện: thường xuyên.
            b) Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về thủ tục hành chính.
            2. Xây dựng chính quyền số
            a) Tổ chức số hóa hồ sơ lưu trữ của phường hoàn thành trong Quý III/2026.
            III. TỔ CHỨC THỰC HIỆN
            1. Văn phòng HĐND và UBND phường chủ trì tham mưu triển khai Kế hoạch này; tổng hợp báo cáo cải cách hành chính quý, 6 tháng, năm gửi Sở Nội vụ trước ngày 15 của tháng cuối quý.
            2. Phòng Văn hóa - Xã hội chủ trì tuyên truyền về cải cách hành chính trên hệ thống loa truyền thanh, hoàn thành trước ngày 30/9/2026.
            3. Phòng Kinh tế, Hạ tầng và Đô thị phối hợp rà soát thủ tục về đất đai, xây dựng, báo cáo trong tháng 5/2026.
            4. Công an phường phối hợp thực hiện các nhiệm vụ có liên quan.
            Trên đây là Kế hoạch cải cách hành chính năm 2026 của UBND phường.
            """
        )
    )


def two_level_tables() -> bytes:
    """A province's plan after July 2025 with two task tables: the province's and the communes'."""
    header = [
        "TT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    first = [
        header,
        [
            "1",
            "Hướng dẫn UBND cấp xã vận hành bộ máy sau sắp xếp",
            "Sở Nội vụ",
            "Các sở, ban, ngành",
            "Quý I/2026",
        ],
        [
            "2",
            "Chuẩn hóa dữ liệu thủ tục hành chính cấp xã",
            "Văn phòng UBND tỉnh",
            "UBND các xã, phường, đặc khu",
            "trước ngày 01/6 và 15/11 hằng năm",
        ],
        [
            "3",
            "Hướng dẫn giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính",
            "Sở Khoa học và Công nghệ Sở Tư pháp",
            "Văn phòng UBND tỉnh",
            "Quý II/2026",
        ],
    ]
    second = [
        header,
        [
            "1",
            "Kiện toàn Trung tâm Phục vụ hành chính công xã, phường, đặc khu",
            "UBND các xã, phường, đặc khu",
            "Sở Nội vụ",
            "Tháng 3/2026",
        ],
        [
            "2",
            "Bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công",
            "Công an các xã, phường, đặc khu",
            "",
            "Thường xuyên",
        ],
        [
            "3",
            "Báo cáo kết quả cải cách hành chính gửi Sở Nội vụ",
            "UBND các xã, phường, đặc khu",
            "",
            "Trước ngày 15/6 và 15/12 hằng năm",
        ],
    ]
    heading = _paragraphs(
        """
        ỦY BAN NHÂN DÂN
        TỈNH AN GIANG
        Số: 512/KH-UBND
        KẾ HOẠCH
        Thực hiện cải cách hành chính trong chính quyền địa phương hai cấp năm 2026
        I. NHIỆM VỤ CỦA CÁC CƠ QUAN CẤP TỈNH
        """
    )
    between = _paragraphs("II. NHIỆM VỤ CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU")
    return write_docx([*heading, ("table", first), *between, ("table", second)])


def spreadsheet() -> bytes:
    """A task list kept in Excel, with a merged lead cell and cell text on several lines."""
    return write_xlsx(
        [
            [
                ("p", "UBND TỈNH LÀO CAI"),
                ("p", "BẢNG PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"),
                (
                    "table",
                    [
                        [
                            "STT",
                            "Nội dung công việc",
                            "Cơ quan chủ trì",
                            "Cơ quan phối hợp",
                            "Thời gian thực hiện",
                            "Sản phẩm",
                        ],
                        [
                            "1",
                            "Xây dựng kế hoạch tuyên truyền cải cách hành chính",
                            "Sở Văn hóa, Thể thao và Du lịch",
                            "Báo và Phát thanh, Truyền hình Lào Cai",
                            "Tháng 02/2026",
                            "Kế hoạch",
                        ],
                        [
                            "2",
                            "Khảo sát mức độ hài lòng về dịch vụ y tế công",
                            "Sở Y tế",
                            "Sở Nội vụ",
                            "Quý III/2026",
                            "Báo cáo khảo sát",
                        ],
                        [
                            "3",
                            "Khảo sát mức độ hài lòng về dịch vụ giáo dục công",
                            "",
                            "Sở Giáo dục và Đào tạo",
                            "Quý III/2026",
                            "Báo cáo khảo sát",
                        ],
                        [
                            "4",
                            "Triển khai thanh toán không dùng tiền mặt tại bệnh viện, trường học",
                            "Sở Tài chính",
                            "Sở Y tế, Sở Giáo dục và Đào tạo",
                            "từ năm 2026",
                            "Tỷ lệ giao dịch không dùng tiền mặt",
                        ],
                        [
                            "5",
                            "Cập nhật Cơ sở dữ liệu cán bộ, công chức, viên chức",
                            "Sở Nội vụ",
                            "Các sở, ban, ngành;\nUBND các xã, phường",
                            "Hằng quý",
                            "Dữ liệu được cập nhật",
                        ],
                    ],
                    [(2, 2, 3, 2)],
                ),
            ]
        ]
    )


def pdf_plan() -> bytes:
    """A plan saved as PDF from Word: a text layer with a ruled table."""
    heading = [
        ("p", "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"),
        ("p", "Số: 77/KH-UBND"),
        ("p", "KẾ HOẠCH"),
        ("p", "Kiểm soát thủ tục hành chính tỉnh Khánh Hòa năm 2026"),
        ("p", "I. NHIỆM VỤ"),
    ]
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
        [
            "1",
            "Công bố danh mục thủ tục hành chính sau sắp xếp",
            "Văn phòng UBND tỉnh",
            "Các sở, ban, ngành",
            "Quý I/2026",
        ],
        [
            "2",
            "Rà soát thủ tục hành chính lĩnh vực đất đai",
            "Sở Nông nghiệp và Môi trường",
            "Sở Tư pháp",
            "trước ngày 30/9/2026",
        ],
        [
            "3",
            "Rà soát thủ tục hành chính lĩnh vực xây dựng",
            "Sở Xây dựng",
            "Sở Tư pháp",
            "Quý III/2026",
        ],
        [
            "4",
            "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức cấp xã",
            "Văn phòng UBND tỉnh",
            "UBND các xã, phường",
            "6 tháng đầu năm 2026",
        ],
    ]
    return write_pdf([*heading, ("table", rows)])


def scanned_pdf() -> bytes:
    """A plan that was printed, signed and scanned: no text to read."""
    return write_scanned_pdf(
        [
            "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "1. Sở Nội vụ: xây dựng kế hoạch kiểm tra, Quý I/2026.",
        ]
    )


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "tinh_nghe_an_phu_luc.docx": province_appendix,
    "thanh_pho_hai_phong.docx": city_plan,
    "bo_tu_phap_quyet_dinh.docx": ministry_decision,
    "chi_thi_thanh_hoa.docx": directive,
    "phuong_hoa_khanh.docx": organising_duties,
    "an_giang_hai_cap.docx": two_level_tables,
    "lao_cai_bang_phan_cong.xlsx": spreadsheet,
    "khanh_hoa_kiem_soat.pdf": pdf_plan,
    "cao_bang_ban_quet.pdf": scanned_pdf,
}
