"""The target reader (chỉ tiêu): tables of lines as plans write them, the seed plans read
whole, and the rule that judges a reported value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from benchmarks import targets_accuracy
from planning.agencies import AgencyDirectory
from planning.importer import import_document, to_json
from planning.targets import is_met, parse_achieved, read_figures, target_question
from tests.conftest import seed_lines, seed_path

DIRECTORY = AgencyDirectory.load()


def _read(line: str) -> list[tuple[str, float, str, str | None, str | None]]:
    return [(f.comparison, float(f.value), f.unit, f.level, f.change) for f in read_figures(line)]


@pytest.mark.parametrize(
    ("line", "targets"),
    [
        # the comparison words
        (
            "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 50%.",
            [("ge", 50, "%", None, None)],
        ),
        ("Từ 95% trở lên hồ sơ được giải quyết đúng hạn.", [("ge", 95, "%", None, None)]),
        ("Phấn đấu từ 95 - 100% TTHC được giải quyết đúng hạn.", [("ge", 95, "%", None, None)]),
        ("Tỷ lệ hồ sơ trễ hạn không quá 1%.", [("le", 1, "%", None, None)]),
        ("Tỷ lệ văn bản ban hành chậm dưới 5%.", [("le", 5, "%", None, None)]),
        ("100% TTHC được công bố, công khai.", [("eq", 100, "%", None, None)]),
        ("Mức độ hài lòng đạt trên 92%.", [("ge", 92, "%", None, None)]),
        # one target per level of a tiered target
        (
            "Số hóa hồ sơ, kết quả giải quyết TTHC: cấp tỉnh 100%; cấp huyện 95%; cấp xã 90%.",
            [
                ("eq", 100, "%", "cấp tỉnh", None),
                ("eq", 95, "%", "cấp huyện", None),
                ("eq", 90, "%", "cấp xã", None),
            ],
        ),
        (
            "Ký số theo tỷ lệ: Cấp tỉnh 80%; huyện 80%; xã 70%",
            [
                ("eq", 80, "%", "cấp tỉnh", None),
                ("eq", 80, "%", "cấp huyện", None),
                ("eq", 70, "%", "cấp xã", None),
            ],
        ),
        (
            "90% hồ sơ công việc tại cấp tỉnh; 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ "
            "công việc tại cấp xã được xử lý trên môi trường mạng.",
            [
                ("eq", 90, "%", "cấp tỉnh", None),
                ("eq", 80, "%", "cấp huyện", None),
                ("eq", 60, "%", "cấp xã", None),
            ],
        ),
        # a change from a baseline, and a list sharing one verb
        (
            "Giảm 10% biên chế sự nghiệp so với năm 2021 và 5% biên chế hành chính.",
            [("ge", 10, "%", None, "decrease"), ("ge", 5, "%", None, "decrease")],
        ),
        (
            "Chỉ số CCHC thành phố tăng thứ hạng từ 01-04 bậc so với 2023.",
            [("ge", 1, "bậc", None, "increase")],
        ),
        # ranks: a lower place is better
        (
            "Chỉ số PAR INDEX xếp hạng từ 25 - 30/63 tỉnh, thành phố.",
            [("le", 30, "hạng", None, None)],
        ),
        # counts, with something asked of them
        ("Tổ chức ít nhất 02 hội nghị đối thoại.", [("ge", 2, "hội nghị", None, None)]),
        ("Thời gian giải quyết tối đa 02 ngày làm việc.", [("le", 2, "ngày làm việc", None, None)]),
        # no target: dates, decree numbers, counts of documents, counts with nothing asked
        ("Căn cứ Nghị định số 107/2020/NĐ-CP ngày 14/9/2020 của Chính phủ.", []),
        ("Ban hành 02 kế hoạch triển khai trong Quý I/2026.", []),
        ("Kiểm tra công tác CCHC tại 25 cơ quan, đơn vị theo kế hoạch.", []),
        ("Báo cáo trước ngày 15/6 và 15/12 hằng năm.", []),
        ("Áp dụng ISO 9001:2015 ở mức độ 3, 4.", []),
    ],
)
def test_a_line_gives_its_targets(line, targets):
    assert _read(line) == targets


def test_what_is_measured_leaves_out_the_figure_and_the_empty_words():
    (first, second) = read_figures(
        "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực "
        "tuyến, trong số đó, tỷ lệ hồ sơ giao dịch thanh toán trực tuyến đạt từ 45% trở lên."
    )
    assert first.measure == (
        "TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến"
    )
    assert second.measure == "hồ sơ giao dịch thanh toán trực tuyến"
    (reduction,) = read_figures("Giảm tối thiểu 15% số lượng đơn vị sự nghiệp so với năm 2021.")
    assert (reduction.measure, reduction.baseline) == ("số lượng đơn vị sự nghiệp", "năm 2021")


# --- the seeds read whole


def _seed(prefix: str):
    return import_document(seed_path(prefix).read_bytes(), "plan.txt", DIRECTORY)


def test_the_tiered_row_of_the_2025_quang_tri_plan_gives_a_target_per_level():
    plan = _seed("003")
    tasks = {t.slot: t for t in plan.tasks}
    row = [
        t.target.figure
        for t in plan.targets
        if t.target.slot
        and tasks[t.target.slot].raw.section == "VII"
        and tasks[t.target.slot].raw.number == "4"
    ]
    by_measure: dict[str, list[tuple[str | None, int]]] = {}
    for figure in row:
        by_measure.setdefault(figure.measure, []).append((figure.level, int(figure.value)))
    assert by_measure == {
        "Xử lý VB và HSCV đúng quy trình": [("cấp tỉnh", 95), ("cấp huyện", 90), ("cấp xã", 80)],
        "Ký số đơn vị": [("cấp tỉnh", 90), ("cấp huyện", 80), ("cấp xã", 80)],
        "Ký số Lãnh đạo đơn vị trên tổng số VB đi ký số của đơn vị": [
            ("cấp tỉnh", 80),
            ("cấp huyện", 80),
            ("cấp xã", 70),
        ],
    }
    # A task's target is its lead agency's, due with the task's last deadline.
    item = next(t for t in plan.targets if t.target.figure in row)
    assert [r.name for r in tasks[item.target.slot].lead] == ["Văn phòng UBND tỉnh"]
    assert item.target.due == date(2025, 12, 31)


def test_the_quang_tri_plans_minimum_of_50_percent_is_at_least_50():
    document = to_json(_seed("003"))
    (target,) = [t for t in document["targets"] if t["section"] == "III" and t["number"] == "10"]
    assert (target["comparison"], target["value"], target["unit"]) == ("ge", 50, "%")
    assert (
        target["measure"] == "hồ sơ giải quyết trực tuyến toàn trình và một phần trên tổng số hồ sơ"
    )
    assert target["agencies"][0] == "Các cơ quan chuyên môn thuộc UBND tỉnh"


def test_the_json_keeps_every_field_and_adds_the_targets_last():
    document = to_json(_seed("003"))
    assert list(document) == ["plan", "tasks", "warnings", "targets"]
    assert list(document["targets"][0]) == [
        "source",
        "section",
        "number",
        "activity_index",
        "measure",
        "comparison",
        "value",
        "unit",
        "level",
        "change",
        "baseline",
        "due",
        "agencies",
        "text",
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_seed_target_comes_from_a_date_a_decree_or_a_plain_count(prefix):
    plan = _seed(prefix)
    assert plan.targets
    for item in plan.targets:
        figure = item.target.figure
        assert figure.unit in ("%", "hạng", "bậc") or figure.comparison in ("ge", "le")
        assert figure.value <= 100 or figure.unit != "%"


def test_an_objective_under_an_agencys_heading_is_that_agencys():
    """Quảng Trị's "2. Sở Nội vụ" duties: "kiểm tra ít nhất 30% số cơ quan, địa phương"."""
    plan = _seed("003")
    (item,) = [
        t for t in plan.targets if t.target.source == "objective" and t.target.figure.value == 30
    ]
    assert [r.name for r in item.agencies] == ["Sở Nội vụ"]
    assert item.target.figure.comparison == "ge"


def test_an_objective_is_due_at_the_end_of_the_year_it_names():
    plan = _seed("000")  # a 2021-2025 plan: "Trong năm 2022, ... 100% cơ quan ..."
    dues = {
        t.target.figure.text[:40]: t.target.due for t in plan.targets if t.target.source != "task"
    }
    assert dues["Trong năm 2022, hoàn thành phê duyệt lại"] == date(2022, 12, 31)
    assert max(dues.values()) == date(2025, 12, 31)


def test_every_line_of_a_seed_with_a_percentage_gives_a_target_or_repeats_one():
    for prefix in ("000", "002", "004"):
        plan = _seed(prefix)
        clauses = [t.target.figure.text for t in plan.targets]
        for line in seed_lines(prefix):
            if "%" in line:
                assert any(c[:30] in line for c in clauses), line


# --- accuracy, against annotations


def test_the_reader_holds_its_floors_on_the_seeds_and_the_annotated_lines():
    seeds = targets_accuracy.score_seeds(DIRECTORY)
    if seeds is None:
        pytest.skip("the seed plans (../shared/seeds) are not here")
    assert seeds.precision >= 0.97 and seeds.recall >= 0.97, seeds.misses
    dev = targets_accuracy.score_lines("dev")
    assert dev.precision >= 0.95 and dev.recall >= 0.95, dev.misses
    # Held-out lines, never read while tuning: a floor under what was measured (0.977 both).
    heldout = targets_accuracy.score_lines("heldout")
    assert heldout.precision >= 0.9 and heldout.recall >= 0.9


# --- a reported value


@pytest.mark.parametrize(
    ("text", "unit", "value", "fraction"),
    [
        ("62", "%", "62", None),
        ("62,5", "%", "62.5", None),
        ("62.5%", "%", "62.5", None),
        ("45/60", "%", "75.00", ("45", "60")),
        (" 2 / 3 ", "%", "66.67", ("2", "3")),
        ("3", "hội nghị", "3", None),
    ],
)
def test_a_reported_value_is_a_number_or_a_share(text, unit, value, fraction):
    achieved = parse_achieved(text, unit)
    assert achieved is not None
    assert achieved.value == Decimal(value)
    if fraction:
        assert (achieved.numerator, achieved.denominator) == tuple(Decimal(f) for f in fraction)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("", "%"), ("nhiều", "%"), ("5/0", "%"), ("-3", "%"), ("3/4", "hội nghị"), ("1e9999", "%")],
)
def test_what_is_no_value_is_refused(text, unit):
    assert parse_achieved(text, unit) is None


@pytest.mark.parametrize(
    ("comparison", "target", "achieved", "met"),
    [
        ("ge", 50, 50, True),
        ("ge", 50, 49.9, False),
        ("eq", 80, 85, True),  # "đạt 80%" is a floor reached
        ("eq", 80, 79, False),
        ("le", 2, 1.5, True),
        ("le", 2, 2.5, False),
    ],
)
def test_whether_a_value_meets_its_target(comparison, target, achieved, met):
    assert is_met(comparison, Decimal(str(target)), Decimal(str(achieved))) is met


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("chỉ tiêu nào chưa đạt", "not_met"),
        ("chi tieu chua bao cao cua so tu phap", "not_reported"),
        ("các chỉ tiêu đã đạt", "met"),
        ("chỉ tiêu của văn phòng ubnd tỉnh", None),
    ],
)
def test_a_question_about_targets_says_which(text: str, status: str | None) -> None:
    question = target_question(text)
    assert question is not None and question.status == status


@pytest.mark.parametrize(
    "text",
    [
        "nhiệm vụ hướng dẫn chỉ tiêu cchc ai làm",  # a task named by words of its title
        "việc giao chỉ tiêu biên chế tới đâu rồi",
        "sở tư pháp còn việc gì quá hạn",
        # Who leads it or when it is due: asked of a task whose title has the word.
        "huong dan chi tieu cchc cua TW bao gio phai xong",
        "giao chỉ tiêu biên chế ai chủ trì",
    ],
)
def test_a_question_about_a_task_is_not_about_targets(text: str) -> None:
    assert target_question(text) is None
