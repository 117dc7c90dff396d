"""Targets (chỉ tiêu) as conversations: the sample plan promises "hồ sơ trễ hạn < 2%" (III.1)
and "100% hồ sơ được số hóa" (III.2), both Văn phòng UBND tỉnh's; its officials list them with
/chitieu, report what was achieved, and coordinators ask which are not met."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.demo import SAMPLE_PLAN
from handlers import actions
from handlers.messages import Attachment, Reply
from models import AuditLog, OfficialRole, Target, TargetStatus, TargetValue
from services import targets as target_service
from tests import samples
from tests.test_explain import text_of
from tests.test_zalo import number_of, register, running, say, zalo  # noqa: F401
from tests.world import VN, World

PNG = samples.png(64, 48)  # a real image: evidence must open as what its name says


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("vp", "Văn phòng UBND tỉnh", name="Cán bộ Văn phòng")
    world.register("tp", "Sở Tư pháp", name="Cán bộ Tư pháp")
    world.register("dieuphoi", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")
    world.register("bcd", "Sở Nội vụ", OfficialRole.STEERING, name="Ban Chỉ đạo")
    return world


def buttons(replies: list[Reply] | None, action: actions.Action) -> list[tuple[str, str]]:
    assert replies
    return [
        (b.text, b.data)
        for r in replies
        for row in r.buttons
        for b in row
        if b.data.split(":")[1] == action.wire
    ]


def target_id(world: World, measure_starts: str) -> int:
    with world.app.sessions() as session:
        for target in session.scalars(select(Target).where(Target.plan_id == world.plan_id)):
            if target.measure.startswith(measure_starts):
                return target.id
    raise AssertionError(measure_starts)


def test_the_sample_plan_gives_its_two_targets_to_their_tasks(world: World) -> None:
    with world.app.sessions() as session:
        rows = target_service.target_rows(session, world.now.date(), plan_id=world.plan_id)
    assert [(r.task_label, r.comparison, r.value, r.unit, r.agencies) for r in rows] == [
        ("III.1", "le", Decimal("2"), "%", ("Văn phòng UBND tỉnh",)),
        ("III.2", "eq", Decimal("100"), "%", ("Văn phòng UBND tỉnh",)),
    ]
    assert {r.status for r in rows} == {TargetStatus.NOT_REPORTED}


def test_an_official_reports_a_value_as_x_of_y_with_a_note_and_evidence(world: World) -> None:
    listing = world.send("vp", command="chitieu")
    assert "Chỉ tiêu của Văn phòng UBND tỉnh" in text_of(listing)
    assert "≤ 2%" in text_of(listing) and "100%" in text_of(listing)
    assert [text for text, _ in buttons(listing, actions.TARGET)] == ["1", "2"]

    card = world.send("vp", button=dict(buttons(listing, actions.TARGET))["2"])
    assert "Chỉ tiêu 2" in text_of(card) and "chưa báo cáo" in text_of(card)
    (report,) = buttons(card, actions.REPORT_TARGET)
    assert report[0] == "Báo cáo kết quả"

    asked = world.send("vp", button=report[1])
    assert "45/60" in text_of(asked)
    refused = world.send("vp", text="nhiều lắm")
    assert "Vui lòng nhập kết quả" in text_of(refused)
    noted = world.send("vp", text="270/300")
    assert "90% (270/300)" in text_of(noted)
    saved = world.send("vp", text="Số liệu Hệ thống một cửa điện tử đến 20/3")
    assert "chỉ tiêu 2 đạt 90% (270/300), chưa đạt (chỉ tiêu 100%)" in text_of(saved)
    assert "Gửi ảnh hoặc tệp" in text_of(saved)

    done = world.send(
        "vp", attachment=Attachment("document", "so-lieu.png", "image/png", len(PNG), PNG)
    )
    assert "Đã lưu minh chứng cho kết quả này: so-lieu.png" in text_of(done)
    assert "90% (270/300)" in text_of(done) and "📎" in text_of(done)

    with world.app.sessions() as session:
        (value,) = session.scalars(select(TargetValue)).all()
        assert (value.value, value.numerator, value.denominator) == (
            Decimal("90"),
            Decimal("270"),
            Decimal("300"),
        )
        assert value.note == "Số liệu Hệ thống một cửa điện tử đến 20/3"
        assert value.evidence_name == "so-lieu.png" and Path(value.evidence_path or "").is_file()
        actions_logged = [a.action for a in session.scalars(select(AuditLog).order_by(AuditLog.id))]
        assert actions_logged[-2:] == ["target.value", "target.evidence"]


def test_a_new_value_is_kept_with_the_old_and_changes_the_status(world: World) -> None:
    late = target_id(world, "hồ sơ trễ hạn")
    for value, when in (("3,5", datetime(2026, 3, 25, 9, tzinfo=VN)), ("1,8", None)):
        if when is None:
            world.now = datetime(2026, 4, 2, 9, tzinfo=VN)
        world.send("vp", button=actions.REPORT_TARGET.data(late))
        world.send("vp", text=value)
        saved = world.send("vp", button=actions.TARGET_NO_NOTE.data(late))
        world.send("vp", button=actions.CANCEL.data())
    assert "đạt 1,8%, đạt (chỉ tiêu ≤ 2%)" in text_of(saved)
    card = text_of(world.send("vp", button=actions.TARGET.data(late)))
    assert card.index("1,8%") < card.index("3,5%")  # newest first, the old one kept
    with world.app.sessions() as session:
        assert len(session.scalars(select(TargetValue)).all()) == 2


def test_only_the_agency_answering_for_a_target_or_a_coordinator_may_report_it(
    world: World,
) -> None:
    digitised = target_id(world, "hồ sơ được số hóa")
    assert "Chỉ tiêu này không giao cho cơ quan của bạn" in text_of(
        world.send("tp", button=actions.REPORT_TARGET.data(digitised))
    )
    assert "Cơ quan chưa được giao chỉ tiêu nào" in text_of(world.send("tp", command="chitieu"))
    world.send("dieuphoi", button=actions.REPORT_TARGET.data(digitised))
    world.send("dieuphoi", text="100")
    saved = world.send("dieuphoi", text="Theo báo cáo của Văn phòng UBND tỉnh")
    assert "chỉ tiêu 2 đạt 100%, đạt" in text_of(saved)
    steering = text_of(world.send("bcd", command="chitieu"))
    assert "1 đạt" in steering and "1 chưa báo cáo" in steering
    assert "Nhiệm vụ" not in steering


def test_a_task_card_opens_its_targets(world: World) -> None:
    card = world.send("vp", button=actions.CARD.data(world.task_id("III|2")))
    ((label, data),) = buttons(card, actions.TASK_TARGETS)
    assert label == "🎯 Chỉ tiêu (1)"
    listed = world.send("vp", button=data)
    assert "Chỉ tiêu của nhiệm vụ III.2</b> (1)" in text_of(listed)
    assert [text for text, _ in buttons(listed, actions.TARGET)] == ["2"]


def test_a_coordinator_asks_which_targets_are_not_met(world: World) -> None:
    late = target_id(world, "hồ sơ trễ hạn")
    world.send("vp", button=actions.REPORT_TARGET.data(late))
    world.send("vp", text="4")
    world.send("vp", button=actions.TARGET_NO_NOTE.data(late))
    answer = text_of(world.send("dieuphoi", text="chỉ tiêu nào chưa đạt"))
    assert "Chỉ tiêu chưa đạt</b>: toàn bộ kế hoạch (1)" in answer
    assert "hồ sơ trễ hạn" in answer and "mới nhất 4%" in answer
    assert "1 chỉ tiêu chưa báo cáo" in answer
    by_agency = text_of(
        world.send("dieuphoi", text="chi tieu chua bao cao cua van phong ubnd tinh")
    )
    assert "Chỉ tiêu chưa báo cáo</b>: Văn phòng UBND tỉnh (1)" in by_agency
    mine = text_of(world.send("tp", text="chỉ tiêu chưa đạt"))
    assert "Sở Tư pháp (0)" in mine
    # Who leads the task whose title holds the word is the task's, not the targets'.
    task = text_of(world.send("dieuphoi", text="huong dan chi tieu cchc theo TW thi ai lo"))
    assert "IV.3" in task and "Sở Nội vụ" in task and "Chỉ tiêu chưa" not in task


def test_progress_and_the_summary_count_the_targets(world: World) -> None:
    assert "🎯 Chỉ tiêu: ⚪ 2 chưa báo cáo" in text_of(world.send("dieuphoi", command="tiendo"))
    assert "🎯 Chỉ tiêu: ⚪ 2 chưa báo cáo" in text_of(world.send("dieuphoi", command="baocao"))
    world.now = datetime(2026, 7, 1, 9, tzinfo=VN)  # III.1 is due by 30/06/2026
    assert "⏰ 1 quá hạn báo cáo" in text_of(world.send("dieuphoi", command="tiendo"))
    assert "Chỉ tiêu" not in text_of(world.send("tp", command="tiendo"))


def test_the_summary_for_the_digests_counts_by_status(world: World) -> None:
    with world.app.sessions() as session:
        summary = target_service.summarize(session, datetime(2026, 7, 1).date())
    assert (summary.total, summary[TargetStatus.REPORT_OVERDUE]) == (2, 1)
    assert [r.task_label for r in summary.where(TargetStatus.NOT_REPORTED)] == ["III.2"]


def test_an_amended_plan_keeps_the_values_of_the_targets_it_still_writes(world: World) -> None:
    late = target_id(world, "hồ sơ trễ hạn")
    world.send("vp", button=actions.REPORT_TARGET.data(late))
    world.send("vp", text="1,5")
    world.send("vp", button=actions.TARGET_NO_NOTE.data(late))
    amended = (
        SAMPLE_PLAN.read_text(encoding="utf-8")
        .replace("hồ sơ trễ hạn < 2%", "hồ sơ trễ hạn < 1%")
        .replace("100% hồ sơ được số hóa", "100% kết quả giải quyết TTHC được số hóa")
    )
    report = world.import_plan(amended.encode(), SAMPLE_PLAN.name)
    assert (
        len(report.targets_added),
        len(report.targets_changed),
        len(report.targets_removed),
    ) == (
        1,
        1,
        1,
    )
    with world.app.sessions() as session:
        kept = session.get(Target, late)
        assert kept is not None and kept.value == Decimal("1") and kept.removed_at is None
        assert [v.value for v in session.scalars(select(TargetValue))] == [Decimal("1.5")]
        rows = target_service.target_rows(session, world.now.date(), plan_id=world.plan_id)
    assert [(r.measure, r.status) for r in rows] == [
        ("hồ sơ trễ hạn", TargetStatus.NOT_MET),
        ("kết quả giải quyết TTHC được số hóa", TargetStatus.NOT_REPORTED),
    ]


async def test_on_zalo_the_targets_are_numbered_choices(running, zalo):  # noqa: F811
    world, _channel = running
    await register(world, zalo, "z-vp", "Văn phòng UBND tỉnh")
    listing = (await say(zalo, "z-vp", "chitieu"))[-1]
    card = (await say(zalo, "z-vp", number_of(listing, "2")))[-1]
    assert "Chỉ tiêu 2" in card
    asked = (await say(zalo, "z-vp", number_of(card, "Báo cáo kết quả")))[-1]
    assert "Nhập một số" in asked
    noted = (await say(zalo, "z-vp", "95"))[-1]
    saved = (await say(zalo, "z-vp", number_of(noted, "Không ghi chú")))[-1]
    assert "chỉ tiêu 2 đạt 95%, chưa đạt" in saved
    assert "Gửi ảnh minh chứng" in saved  # Zalo passes photos, not documents
