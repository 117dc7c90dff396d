"""The targets' sheet of the correction workbook: a coordinator fixes what was misread, assigns
an objective to an agency, adds a target and deletes one; values reported stay, and a
correction survives the same reading imported again."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.demo import SAMPLE_PLAN
from handlers import actions
from models import AuditLog, Target, TargetValue
from planning.errors import BadDocument
from planning.workbook import read_workbook
from tests.test_plan_workbook import GETTEXTS, apply, exported, saved
from tests.world import World

OBJECTIVE = "- Phấn đấu 95% hồ sơ thủ tục hành chính được giải quyết đúng hạn."


def import_text(world: World, text: str) -> None:
    world.import_plan(text.encode(), SAMPLE_PLAN.name)


def with_objective() -> str:
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    return text.replace("II. NHIỆM VỤ CỤ THỂ", f"{OBJECTIVE}\n\nII. NHIỆM VỤ CỤ THỂ")


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    import_text(world, with_objective())
    world.register("vp", "Văn phòng UBND tỉnh")
    return world


def targets_sheet(book):  # type: ignore[no-untyped-def]
    sheet = book["Chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    rows = [{h: c for h, c in zip(header, row, strict=False)} for row in sheet.iter_rows(min_row=2)]
    return sheet, header, rows


def test_the_sheet_lists_each_target_and_marks_those_no_agency_answers_for(world: World) -> None:
    _sheet, header, rows = targets_sheet(exported(world))
    assert header[:11] == [
        "Mã (không sửa)",
        "Nhiệm vụ",
        "Nội dung chỉ tiêu",
        "Cấp",
        "So sánh",
        "Giá trị chỉ tiêu",
        "Đơn vị tính",
        "Tăng/giảm",
        "Mốc so sánh",
        "Hạn báo cáo",
        "Cơ quan thực hiện",
    ]
    shown = [
        (
            r["Nhiệm vụ"].value,
            r["So sánh"].value,
            r["Giá trị chỉ tiêu"].value,
            r["Cơ quan thực hiện"].value,
        )
        for r in rows
    ]
    assert shown == [
        ("III.1", "≤", 2, "Văn phòng UBND tỉnh"),
        ("III.2", "=", 100, "Văn phòng UBND tỉnh"),
        (None, "=", 95, None),
    ]
    assert rows[2]["Nội dung chỉ tiêu"].fill.start_color.rgb.endswith("FFF2CC")
    assert not rows[0]["Nội dung chỉ tiêu"].fill.start_color.rgb.endswith("FFF2CC")


def test_corrections_assignments_additions_and_deletions_are_applied(world: World) -> None:
    digitised = next(
        b.data.split(":")[2]
        for r in world.send("vp", command="chitieu") or []
        for row in r.buttons
        for b in row
        if b.text == "2"
    )
    world.send("vp", button=actions.REPORT_TARGET.data(digitised))
    world.send("vp", text="96")
    world.send("vp", button=actions.TARGET_NO_NOTE.data(digitised))

    book = exported(world)
    sheet, header, rows = targets_sheet(book)
    rows[1]["Giá trị chỉ tiêu"].value = 95  # III.2 was misread: 95%, not 100%
    rows[1]["So sánh"].value = "≥"
    rows[2]["Cơ quan thực hiện"].value = "Sở Nội vụ; Văn phòng UBND tỉnh"  # the objective
    sheet.delete_rows(rows[0]["Nhiệm vụ"].row)  # III.1's target is no target after all
    sheet.append(
        [
            None,
            "IV.1",
            "hệ thống vận hành ổn định",
            None,
            "≥",
            99,
            "%",
            None,
            None,
            "31/12/2026",
            "",
        ]
    )
    report = apply(world, book)
    assert (
        len(report.targets_added),
        len(report.targets_changed),
        len(report.targets_removed),
    ) == (
        1,
        2,
        1,
    )
    with world.app.sessions() as session:
        live = {
            t.measure: t for t in session.scalars(select(Target).where(Target.removed_at.is_(None)))
        }
        assert set(live) == {
            "hồ sơ được số hóa",
            "hồ sơ thủ tục hành chính được giải quyết đúng hạn",
            "hệ thống vận hành ổn định",
        }
        fixed = live["hồ sơ được số hóa"]
        assert (fixed.comparison, fixed.value) == ("ge", Decimal("95"))
        assert [v.value for v in session.scalars(select(TargetValue))] == [Decimal("96")]
        objective = live["hồ sơ thủ tục hành chính được giải quyết đúng hạn"]
        assert [a.agency.name for a in objective.agencies] == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]
        added = live["hệ thống vận hành ổn định"]
        assert (added.source, added.task.label if added.task else None) == ("added", "IV.1")
        assert added.agencies == []  # its task's lead answers for it
        entry = session.scalars(select(AuditLog).where(AuditLog.action == "plan.correct")).one()
        assert entry.after["targets"]["changed"][fixed.key] == ["comparison", "value"]  # type: ignore[index]

    import_text(world, with_objective() + "\n")  # the same reading, imported again
    with world.app.sessions() as session:
        again = session.get(Target, fixed.id)
        assert again is not None and (again.comparison, again.value) == ("ge", Decimal("95"))
        kept = session.get(Target, objective.id)
        assert kept is not None and [a.agency.name for a in kept.agencies] == [
            "Sở Nội vụ",
            "Văn phòng UBND tỉnh",
        ]


def test_a_target_value_that_is_no_number_refuses_the_workbook(world: World) -> None:
    book = exported(world)
    _sheet, _header, rows = targets_sheet(book)
    rows[0]["Giá trị chỉ tiêu"].value = "hai phần trăm"
    with pytest.raises(BadDocument) as refused:
        read_workbook(saved(book), GETTEXTS)
    assert refused.value.params == {"row": 2, "value": "hai phần trăm"}
