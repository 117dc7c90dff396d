"""One message a day per person: the goal measured over a whole year of a real plan, pages
that fit each chat app, "Xem thêm", /caidat, and the weekly chart reaching Zalo by URL."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot.channels.zalo.channel import ZaloChannel, make_bot
from bot.channels.zalo.render import render
from handlers import daily_digest as rendering
from handlers.messages import Reply
from i18n import use_language
from jobs import nudges
from jobs.policy import load_policy
from models import Agency, AuditLog, Milestone, Notification, Official, OfficialRole
from services import calendar as calendar_service
from services.coverage import lead_agencies
from services.daily_digest import Digest, Item, Section, Stored
from services.messages import OutboxMessage, OutFile
from services.roster import Roster
from tests.conftest import seed_path
from tests.fakes.zalo_api import FakeZalo
from tests.world import VN, World
from web.images import image_route

POLICY = load_policy()


# --- the goal: one scheduled message per person per working day, and nothing lost


def focal_for_every_lead_agency(world: World) -> None:
    with world.app.sessions() as session:
        roster = Roster.load(session, world.now.date())
        names = [
            session.get_one(Agency, a).name for a in lead_agencies(session, roster, world.plan_id)
        ]
    for number, name in enumerate(names):
        world.register(f"focal{number}", name, OfficialRole.FOCAL, name=f"Đầu mối {name}")
    world.register("coordinator", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")


def year_of_digests(world: World, year: int) -> None:
    """Every working day of ``year``: the per-milestone schedule worked out, then the job run
    at 08:00 (on Mondays again at 15:00); the outbox holds one digest a person a day at most,
    and each holds every milestone the schedule had for that person that day."""
    sessions = world.app.sessions
    with sessions() as session:
        calendar = calendar_service.work_calendar(session, VN, POLICY.working_hours)
    day = date(year, 1, 1)
    expected: dict[tuple[int, date], set[int]] = defaultdict(set)
    per_person_day: Counter[tuple[int, date]] = Counter()
    while day.year == year:
        if calendar.is_working_day(day):
            with sessions() as session:
                roster = Roster.load(session, day)
                agenda = nudges.agenda(session, day, calendar, POLICY, roster)
                for nudge in nudges.schedule(agenda, roster):
                    if nudge.milestone_id is not None:
                        expected[(nudge.official_id, day)].add(nudge.milestone_id)
            # A second tick later in the day writes nothing (tried every Monday).
            for hour in (8, 15) if day.weekday() == 0 else (8,):
                world.now = datetime.combine(day, time(hour), VN)
                nudges.run_once(sessions, world.now, POLICY, VN)
        day += timedelta(days=1)
    got: dict[tuple[int, date], set[int]] = defaultdict(set)
    with sessions() as session:
        for row in session.scalars(select(Notification)):
            stored = Stored.from_payload(row.payload)
            assert stored is not None, row.key
            assert row.official_id is not None
            sent_on = row.not_before.astimezone(VN).date()
            assert sent_on == stored.day
            per_person_day[(row.official_id, sent_on)] += 1
            got[(row.official_id, sent_on)] |= set(stored.milestones())
    assert per_person_day, "nothing was sent all year"
    assert max(per_person_day.values()) == 1
    missing = {k: v - got[k] for k, v in expected.items() if v - got[k]}
    assert missing == {}
    return None


def test_over_2026_the_sample_plan_sends_one_digest_a_day_and_loses_no_reminder(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    world = World.build(sessions, tmp_path, now=datetime(2025, 12, 31, 9, tzinfo=VN))
    focal_for_every_lead_agency(world)
    year_of_digests(world, 2026)


def test_over_2025_the_quang_tri_plan_sends_one_digest_a_day_and_loses_no_reminder(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    plan = seed_path("003")
    world = World.build(sessions, tmp_path, now=datetime(2024, 12, 31, 9, tzinfo=VN), plan=plan)
    focal_for_every_lead_agency(world)
    year_of_digests(world, 2025)


# --- pages that fit


def many_items(count: int, title: str) -> Digest:
    sections = [Section.OVERDUE, Section.TODAY, Section.SOON, Section.SUPPORT]
    items = tuple(
        Item(
            sections[n % 4],
            milestone_id=1000 + n,
            task_id=n + 1,
            label=f"II.{n + 1}",
            title=f"{title} {n}",
            due=date(2025, 12, 22) + timedelta(days=(n % 9) - 4),
            leads=("Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh",),
            explain=n % 5 == 0,
        )
        for n in range(count)
    )
    return Digest("daily_digest", date(2025, 12, 22), items).sorted()


LONG = (
    "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến "
    "quản lý dân cư thuộc phạm vi chức năng quản lý của cơ quan"
)


@pytest.mark.parametrize("count", [1, 9, 62, 150])
def test_a_long_digest_pages_within_telegrams_and_zalos_limits(count: int) -> None:
    digest = many_items(count, LONG)
    with use_language("vi"):
        telegram = rendering.pages(digest, rendering.TELEGRAM)
        zalo = rendering.pages(digest, rendering.ZALO)
    for pages in (telegram, zalo):
        shown = [
            b.data for page in pages for row in page.buttons for b in row if ":card:" in b.data
        ]
        assert sorted(shown) == sorted(f"1:card:{i.task_id}" for i in digest.items)
        more = [[b for row in p.buttons for b in row if ":dg:" in b.data] for p in pages]
        assert all(any(b.data.endswith(f":{n + 2}") for b in m) for n, m in enumerate(more[:-1]))
    assert all(len(p.text.encode("utf-16-le")) // 2 <= 4096 for p in telegram)
    for page in zalo:
        rendered = render([Reply(page.text, page.buttons)])
        assert len(rendered.messages) == 1  # one Zalo message, numbered choices included
        assert len(rendered.messages[0].encode("utf-16-le")) // 2 <= 2000
    if count == 62:  # the 62 reminders of a focal point on 22/12/2025, before
        assert len(zalo) <= 8 and len(telegram) <= 7


def test_the_first_page_opens_with_the_day_and_the_counts() -> None:
    digest = many_items(9, "Tuyên truyền")
    with use_language("vi"):
        page = rendering.first_page(digest, rendering.TELEGRAM)
    lines = page.text.splitlines()
    assert lines[0] == "📬 <b>Nhắc việc của bạn ngày Thứ Hai, 22/12/2025</b>"
    assert lines[1] == "3 quá hạn · 2 đến hạn hôm nay · 2 sắp đến hạn · 2 việc phối hợp"
    assert lines[3] == "🔴 <b>Quá hạn</b>"
    # Worst first: the oldest deadline.
    assert lines[4].startswith("• <b>II.1</b> Tuyên truyền 0 — 18/12, quá hạn 4 ngày")


# --- "Xem thêm" and the digest as things stand


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path, now=datetime(2026, 3, 19, 9, tzinfo=VN))
    world.register("noivu", "Sở Nội vụ", name="Cán bộ Nội vụ")
    return world


def test_more_shows_the_next_page_without_what_was_done_since(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rendering, "ITEMS_PER_PAGE", 1)
    world.now = datetime(2026, 3, 20, 8, tzinfo=VN)
    nudges.run_once(world.app.sessions, world.now)
    with world.app.sessions() as session:
        row = session.scalar(select(Notification))
        assert row is not None
    first = str(row.payload["text"])
    assert "<b>I.1</b>" in first and "(trang" not in first and "Trang 1/2" in first
    more = [b["data"] for r in row.payload["buttons"] for b in r if ":dg:" in b["data"]]  # type: ignore[union-attr]
    assert more == ["1:dg:20260320:2"]
    [reply] = world.send("noivu", button=more[0]) or []
    assert reply.edit and "<b>I.3</b>" in reply.text and "trang 2/2" in reply.text
    # I.3 done meanwhile: the page shows what is left.
    task_id = world.task_id("I|3")
    with world.app.sessions.begin() as session:
        for milestone in session.scalars(select(Milestone).where(Milestone.task_id == task_id)):
            milestone.completed_on = date(2026, 3, 20)
    [reply] = world.send("noivu", button=more[0]) or []
    assert "<b>I.1</b>" in reply.text and "<b>I.3</b>" not in reply.text
    [reply] = world.send("noivu", button="1:dg:20260101:2") or []
    assert "không còn" in reply.text


# --- /caidat


def test_caidat_sets_the_time_pauses_and_resumes_each_audited(world: World) -> None:
    [menu] = world.send("noivu", command="caidat") or []
    assert menu.text.splitlines() == [
        "⚙️ <b>Cài đặt của bạn</b>",
        "Bản tin nhắc việc: 08:00 các ngày làm việc",
        "Nhắc việc: đang bật",
        "Ngôn ngữ: Tiếng Việt",
    ]
    [times] = world.send("noivu", button="1:dgt:menu") or []
    offered = [b.text for row in times.buttons for b in row]
    assert offered[:4] == ["07:30", "08:00", "08:30", "09:00"]
    [saved] = world.send("noivu", button="1:dgt:0900") or []
    assert saved.text.startswith("Bản tin nhắc việc sẽ được gửi lúc 09:00")
    world.send("noivu", button="1:dgt:ask")
    [refused] = world.send("noivu", text="18:30") or []
    assert "07:30 đến 17:00" in refused.text
    [saved] = world.send("noivu", text="13h45") or []
    assert "13:45" in saved.text

    [pauses] = world.send("noivu", button="1:pau:menu") or []
    assert [b.text for b in pauses.buttons[0]] == [
        "Đến hết 26/03",
        "Đến hết 02/04",
        "Đến hết 18/04",
    ]
    world.send("noivu", button="1:pau:ask")
    [refused] = world.send("noivu", text="01/03/2026") or []
    assert "từ hôm nay trở đi" in refused.text
    [paused] = world.send("noivu", text="27/03/2026") or []
    assert "Đã tạm dừng nhắc việc đến hết Thứ Sáu, 27/03/2026" in paused.text
    assert "▶️ Bật lại nhắc việc" in [b.text for row in paused.buttons for b in row]
    with world.app.sessions() as session:
        official = session.scalar(select(Official).where(Official.full_name == "Cán bộ Nội vụ"))
        assert official is not None
        assert (official.digest_at, official.paused_until) == (time(13, 45), date(2026, 3, 27))
    # While paused, no digest; the person's own time is kept.
    world.now = datetime(2026, 3, 20, 14, tzinfo=VN)
    assert nudges.run_once(world.app.sessions, world.now).enqueued == 0
    [resumed] = world.send("noivu", button="1:res") or []
    assert resumed.text.startswith("Đã bật lại nhắc việc")
    with world.app.sessions() as session:
        actions = list(
            session.scalars(
                select(AuditLog.action)
                .where(AuditLog.action.like("official.%"))
                .where(AuditLog.action != "official.register")
                .order_by(AuditLog.id)
            )
        )
    assert actions == [
        "official.digest_at",
        "official.digest_at",
        "official.pause",
        "official.resume",
    ]
    [english] = world.send("noivu", button="1:lang:en") or []
    assert english.text == "Language changed to English."
    [menu] = world.send("noivu", command="caidat") or []
    assert "Daily digest: 13:45 on working days" in menu.text


# --- the weekly chart on Zalo, by an unguessable, expiring address


async def test_the_chart_reaches_zalo_as_a_photo_served_at_an_expiring_address(
    world: World,
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
    with FakeZalo() as zalo:
        world.app.settings = world.app.settings.model_copy(
            update={
                "zalo_bot_token": SecretStr(zalo.token),
                "zalo_api_base_url": zalo.url,
                "zalo_send_interval": 0.0,
                "public_base_url": "https://nhacviec.example.vn/",
            }
        )
        channel = ZaloChannel(world.app, make_bot(world.app))
        try:
            caption = "Tiến độ theo cơ quan: <b>15/KH-UBND</b>, 06/04/2026"
            await channel.deliver(
                "group-1", OutboxMessage(caption, photo=OutFile("c.png", png, "image/png"))
            )
        finally:
            await channel.bot.aclose()
        [sent] = zalo.sent_messages("group-1")
    assert sent["caption"] == "Tiến độ theo cơ quan: 15/KH-UBND, 06/04/2026"
    url = str(sent["photo"])
    assert url.startswith("https://nhacviec.example.vn/img/") and len(url.rsplit("/", 1)[1]) >= 40

    site = Starlette(routes=[image_route(world.app.sessions, lambda: world.now)])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=site), base_url="http://t"
    ) as web:
        path = "/img/" + url.rsplit("/", 1)[1]
        served = await web.get(path)
        assert served.status_code == 200 and served.content == png
        assert served.headers["content-type"] == "image/png"
        assert (await web.get(path[:-1] + ("A" if path[-1] != "A" else "B"))).status_code == 404
        world.now += timedelta(days=8)
        assert (await web.get(path)).status_code == 404  # expired


def test_the_steering_committee_reads_the_days_summary_in_counts_only(world: World) -> None:
    """A steering member gets the coordinators' overview once a day, with nothing to open;
    the coordinator's carries the buttons to drill in."""
    steering = world.register("bcd", "Văn phòng UBND tỉnh", OfficialRole.STEERING, name="Ban CĐ")
    coordinator = world.register("dp", "Sở Nội vụ", OfficialRole.COORDINATOR, name="Điều phối")
    world.now = datetime(2026, 4, 7, 8, 0, tzinfo=VN)  # I.1 (Quý I/2026) is a week overdue
    nudges.run_once(world.app.sessions, world.now, POLICY, VN)
    nudges.run_once(world.app.sessions, world.now + timedelta(hours=3), POLICY, VN)
    with world.app.sessions() as session:
        rows = {
            official: session.scalars(
                select(Notification).where(Notification.official_id == official)
            ).all()
            for official in (steering, coordinator)
        }
    [summary] = rows[steering]
    assert summary.kind == "daily_summary"
    assert "Sở Nội vụ" in summary.payload["text"]  # the agencies behind, counted
    actions_there = {b["data"].split(":")[1] for row in summary.payload["buttons"] for b in row}
    assert not actions_there & {"card", "qh"}
    [theirs] = rows[coordinator]
    assert {"card", "qh"} <= {b["data"].split(":")[1] for r in theirs.payload["buttons"] for b in r}
