"""Evidence through the one-time web page: the link in the chat, the page, the upload.

An official of Sở Nội vụ (the lead of task I.1 in the sample plan) talks to the bot on Zalo,
gets a link, and a phone's browser (here httpx against the ASGI app) opens it and uploads.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import AuditLog, Evidence, Notification, Official, OfficialRole
from models.upload import UploadLink
from tests.samples import JPEG
from tests.test_evidence_flow import PNG
from tests.test_review_flows import PDF, find_button, text_of
from tests.world import World
from web.upload import MAX_BODY, create_app

BASE = "https://nhacviec.test"
LINK = re.compile(re.escape(BASE) + r"/u/(\S+)")
XHR = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    return upload_world(sessions, tmp_path)


def upload_world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    """The sample plan with the upload page set up, and an official of Sở Nội vụ (lead of
    I.1) and one of Sở Tư pháp on Zalo."""
    world = World.build(sessions, tmp_path)
    world.app.settings = world.app.settings.model_copy(
        update={
            "public_base_url": BASE + "/",
            "upload_link_secret": SecretStr("a long random secret, only for tests"),
        }
    )
    world.register("z1", "Sở Nội vụ", name="Trần Thị Bình", channel="zalo")
    world.register("z2", "Sở Tư pháp", name="Lê Văn Cường", channel="zalo")
    return world


@pytest.fixture
async def browser(world: World) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(world.app.upload_site()))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        yield client


def ask_for_link(world: World, user: str = "z1", slot: str = "I|1") -> str:
    """The official taps Send evidence on the task's card on Zalo; the path of the link."""
    replies = world.send(user, button=f"1:evid:{world.task_id(slot)}", channel="zalo")
    found = LINK.search(text_of(replies))
    assert found, text_of(replies)
    return "/u/" + found.group(1)


def evidence(world: World) -> list[Evidence]:
    with world.app.sessions() as session:
        return list(session.scalars(select(Evidence).order_by(Evidence.id)))


def links(world: World) -> list[UploadLink]:
    with world.app.sessions() as session:
        return list(session.scalars(select(UploadLink).order_by(UploadLink.id)))


def outbox(world: World) -> list[Notification]:
    with world.app.sessions() as session:
        return list(
            session.scalars(
                select(Notification)
                .where(Notification.kind == "evidence_upload")
                .order_by(Notification.id)
            )
        )


def files(*items: tuple[str, bytes, str]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", item) for item in items]


# --- the chat


def test_on_zalo_send_evidence_answers_with_a_link_for_30_minutes(world: World) -> None:
    replies = world.send("z1", button=f"1:evid:{world.task_id('I|1')}", channel="zalo")

    said = text_of(replies)
    assert said.startswith("Gửi ảnh minh chứng cho I.1 ngay tại đây, hoặc mở trang này")
    assert "Liên kết chỉ dùng được một lần, đến 09:30." in said
    assert find_button(replies, "stop")  # photos sent in the chat still count (Finish ends it)
    [link] = links(world)
    assert link.expires_at - link.created_at == timedelta(minutes=30) and link.used_at is None
    token = LINK.search(said).group(1)  # type: ignore[union-attr]
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()  # not the token


def test_on_telegram_the_page_is_a_second_way_behind_a_button(world: World) -> None:
    world.register("t1", "Sở Nội vụ", channel="telegram")
    replies = world.send("t1", button=f"1:evid:{world.task_id('I|1')}", channel="telegram")
    assert text_of(replies).startswith("Hãy gửi ảnh hoặc tài liệu làm minh chứng cho nhiệm vụ I.1")
    assert LINK.search(text_of(replies)) is None and not links(world)  # not until asked for

    web = find_button(replies, "evweb")
    assert web.text == "🌐 Gửi qua trình duyệt"
    replies = world.send("t1", button=web.data, channel="telegram")
    assert text_of(replies).startswith("Mở trang này để gửi minh chứng cho I.1")
    assert LINK.search(text_of(replies))


def test_an_agency_that_does_not_lead_the_task_gets_no_link(world: World) -> None:
    replies = world.send("z2", button=f"1:evweb:{world.task_id('I|1')}", channel="zalo")
    assert LINK.search(text_of(replies)) is None
    assert not links(world)


# --- the page


async def test_the_page_shows_the_task_in_vietnamese_with_no_outside_assets(
    world: World, browser: httpx.AsyncClient
) -> None:
    path = ask_for_link(world)

    page = await browser.get(path)

    assert page.status_code == 200
    body = page.text
    assert '<html lang="vi">' in body and 'name="viewport"' in body
    assert "<h1>Gửi minh chứng</h1>" in body
    assert '<p class="label">I.1</p>' in body
    assert "Người gửi: Trần Thị Bình, Sở Nội vụ" in body
    assert "Liên kết chỉ dùng được một lần, đến 09:30 ngày 25/03/2026." in body
    assert 'capture="environment"' in body and "multiple" in body
    assert "📎 Chọn tệp" in body and "📷 Chụp ảnh" in body
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", body)  # nothing from elsewhere
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    for asset in ("/static/upload.js", "/static/upload.css"):
        served = await browser.get(asset)
        assert served.status_code == 200 and len(served.content) > 500


async def test_values_on_the_page_are_escaped(world: World, browser: httpx.AsyncClient) -> None:
    with world.app.sessions.begin() as session:
        official = session.scalars(select(Official).where(Official.full_name == "Trần Thị Bình"))
        official.one().full_name = '<script>alert("x")</script>'
    page = await browser.get(ask_for_link(world))
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.text


# --- uploads


async def test_a_pdf_and_a_photo_land_as_evidence_and_the_chat_is_told(
    world: World, browser: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = ask_for_link(world)

    answer = await browser.post(
        path,
        files=files(
            ("Bien ban kiem tra.pdf", PDF, "application/pdf"),
            ("anh-hien-truong.png", PNG, "image/png"),
        ),
        headers=XHR,
    )

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "ok": True,
        "message": "Đã lưu 2 tệp minh chứng cho I.1.",
        "lines": ["Bien ban kiem tra.pdf", "anh-hien-truong.png"],
    }
    rows = evidence(world)
    assert [(r.original_name, r.mime_type, r.size) for r in rows] == [
        ("Bien ban kiem tra.pdf", "application/pdf", len(PDF)),
        ("anh-hien-truong.png", "image/png", len(PNG)),
    ]
    assert rows[0].sha256 == hashlib.sha256(PDF).hexdigest()
    assert Path(rows[0].stored_path).read_bytes() == PDF
    assert Path(rows[0].stored_path).is_relative_to(tmp_path / "evidence")
    [told] = outbox(world)
    assert told.channel == "zalo" and told.status == "pending"
    assert told.payload["text"] == (
        "Đã nhận qua trang web cho I.1: 2 tệp (Bien ban kiem tra.pdf, anh-hien-truong.png). "
        "Số tệp minh chứng: 2."
    )
    assert any(b["data"].startswith("1:done:") for row in told.payload["buttons"] for b in row)
    with world.app.sessions() as session:
        actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions[-4:] == ["upload_link.issue", "upload_link.use", "evidence.add", "evidence.add"]

    again = await browser.get(path)
    assert again.status_code == 410
    assert "Liên kết này đã được sử dụng." in again.text
    second = await browser.post(path, files=files(("khac.pdf", PDF + b"2", "application/pdf")))
    assert second.status_code == 410 and len(evidence(world)) == 2


async def test_without_javascript_the_form_posts_and_a_page_confirms(
    world: World, browser: httpx.AsyncClient
) -> None:
    answer = await browser.post(ask_for_link(world), files=files(("anh.jpg", JPEG, "image/jpeg")))
    assert answer.status_code == 200
    assert "✅ Đã lưu 1 tệp minh chứng cho I.1." in answer.text
    assert "Tin nhắn xác nhận đã được gửi vào khung chat của bạn." in answer.text


async def test_a_file_already_recorded_is_kept_once(
    world: World, browser: httpx.AsyncClient
) -> None:
    await browser.post(ask_for_link(world), files=files(("a.pdf", PDF, "application/pdf")))
    answer = await browser.post(
        ask_for_link(world), files=files(("a-copy.pdf", PDF, "application/pdf")), headers=XHR
    )
    assert answer.json()["lines"] == ["a.pdf (đã có từ trước, chỉ lưu một lần)"]
    assert len(evidence(world)) == 1


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 100, "application/octet-stream"),
        ("bao-cao.pdf", b"MZ\x90\x00 a program renamed", "application/pdf"),
        ("ghi-chu.txt", "Ghi chú".encode(), "text/plain"),
    ],
)
async def test_a_wrong_type_is_refused_nothing_is_saved_and_the_link_still_works(
    world: World, browser: httpx.AsyncClient, name: str, content: bytes, mime: str
) -> None:
    path = ask_for_link(world)

    answer = await browser.post(
        path,
        files=files(("bien-ban.pdf", PDF, "application/pdf"), (name, content, mime)),
        headers=XHR,
    )

    assert answer.status_code == 415
    assert answer.json()["message"] == (
        f"Tệp {name} không được chấp nhận. Loại tệp này không được nhận làm minh chứng. "
        "Hãy gửi tệp PDF, Word, Excel, JPEG hoặc PNG. Chưa có tệp nào được lưu; hãy chọn lại."
    )
    assert evidence(world) == [] and outbox(world) == []
    assert links(world)[0].used_at is None
    retry = await browser.post(path, files=files(("bien-ban.pdf", PDF, "application/pdf")))
    assert retry.status_code == 200 and len(evidence(world)) == 1


async def test_a_file_over_20_mb_is_refused(world: World, browser: httpx.AsyncClient) -> None:
    big = PDF + b"0" * (20_000_001 - len(PDF))
    answer = await browser.post(
        ask_for_link(world), files=files(("quet.pdf", big, "application/pdf")), headers=XHR
    )
    assert answer.status_code == 413
    assert (
        "Tệp quet.pdf không được chấp nhận. Tệp quá lớn (trên 20 MB)." in answer.json()["message"]
    )
    assert evidence(world) == []


async def test_a_body_over_the_limit_is_cut_off_even_without_a_declared_length(
    world: World, browser: httpx.AsyncClient
) -> None:
    boundary = "nhacviec-test"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
        'filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF'
    ).encode()

    async def body() -> AsyncIterator[bytes]:
        yield head
        chunk = b"0" * 1_000_000
        for _ in range(MAX_BODY // len(chunk) + 2):
            yield chunk

    answer = await browser.post(
        ask_for_link(world),
        content=body(),
        headers={**XHR, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert answer.status_code == 413
    assert answer.json()["message"].startswith("Tổng dung lượng các tệp quá lớn (trên 61 MB).")


async def test_eleven_files_are_too_many(world: World, browser: httpx.AsyncClient) -> None:
    many = [(f"trang-{i}.pdf", PDF + bytes([i]), "application/pdf") for i in range(11)]
    answer = await browser.post(ask_for_link(world), files=files(*many), headers=XHR)
    assert answer.status_code == 400
    assert answer.json()["message"].startswith("Mỗi lần gửi tối đa 10 tệp.")
    assert evidence(world) == []


async def test_no_file_chosen(world: World, browser: httpx.AsyncClient) -> None:
    answer = await browser.post(ask_for_link(world), data={"note": "x"}, headers=XHR)
    assert answer.status_code == 400
    assert answer.json()["message"] == "Hãy chọn ít nhất một tệp hoặc chụp một ảnh trước."


# --- links that cannot be used


async def test_an_expired_link_says_so(world: World, browser: httpx.AsyncClient) -> None:
    path = ask_for_link(world)

    world.now += timedelta(minutes=29)
    assert (await browser.get(path)).status_code == 200
    world.now += timedelta(minutes=1)
    page = await browser.get(path)
    upload = await browser.post(path, files=files(("a.pdf", PDF, "application/pdf")))

    assert page.status_code == 410
    assert "<h1>Không dùng được liên kết này</h1>" in page.text
    assert "Liên kết này đã hết hạn: mỗi liên kết chỉ dùng được trong 30 phút." in page.text
    assert "I.1" not in page.text  # the task is not shown through a dead link
    assert upload.status_code == 410 and evidence(world) == []


def _edited(path: str, part: int, value: str) -> str:
    parts = path.removeprefix("/u/").split(".")
    parts[part] = value
    return "/u/" + ".".join(parts)


async def test_a_tampered_link_is_not_valid(world: World, browser: httpx.AsyncClient) -> None:
    path = ask_for_link(world)
    signature = path.rsplit(".", 1)[1]
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    later = str(int(path.split(".")[2]) + 86_400)
    other_task = str(world.task_id("I|2"))

    for forged in (
        _edited(path, 4, flipped),  # the signature
        _edited(path, 2, later),  # a longer life
        _edited(path, 1, other_task),  # another task
        path[:-3],  # cut short
        "/u/not-a-link",
    ):
        page = await browser.get(forged)
        assert page.status_code == 404, forged
        assert "Liên kết này không hợp lệ." in page.text
        upload = await browser.post(forged, files=files(("a.pdf", PDF, "application/pdf")))
        assert upload.status_code == 404
    assert evidence(world) == []
    assert (await browser.get(path)).status_code == 200  # the real one still works


async def test_another_officials_link_cannot_be_made_theirs(
    world: World, browser: httpx.AsyncClient
) -> None:
    """Cường (Sở Tư pháp) holds Bình's link and writes his own id into it: not valid. The
    files sent through Bình's link are hers, whoever holds the phone."""
    path = ask_for_link(world, "z1")
    with world.app.sessions() as session:
        cuong = session.scalars(select(Official).where(Official.full_name == "Lê Văn Cường"))
        binh = session.scalars(select(Official).where(Official.full_name == "Trần Thị Bình"))
        cuong_id, binh_id = cuong.one().id, binh.one().id

    forged = await browser.get(_edited(path, 0, str(cuong_id)))
    assert forged.status_code == 404

    await browser.post(path, files=files(("a.pdf", PDF, "application/pdf")))
    assert [r.official_id for r in evidence(world)] == [binh_id]


async def test_a_link_stops_working_when_its_official_leaves(
    world: World, browser: httpx.AsyncClient
) -> None:
    path = ask_for_link(world)
    with world.app.sessions.begin() as session:
        binh = session.scalars(select(Official).where(Official.full_name == "Trần Thị Bình"))
        binh.one().active = False
    page = await browser.get(path)
    assert page.status_code == 403
    assert "Tài khoản của bạn không còn hoạt động" in page.text


async def test_a_link_follows_the_officials_role_at_upload_time(
    world: World, browser: httpx.AsyncClient
) -> None:
    """Made steering in the meantime (only aggregates): the upload is refused, nothing saved."""
    path = ask_for_link(world)
    with world.app.sessions.begin() as session:
        binh = session.scalars(select(Official).where(Official.full_name == "Trần Thị Bình"))
        binh.one().role = OfficialRole.STEERING
    answer = await browser.post(path, files=files(("a.pdf", PDF, "application/pdf")))
    assert answer.status_code == 403 and evidence(world) == []


def test_the_app_needs_its_secret_and_address(world: World) -> None:
    world.app.settings = world.app.settings.model_copy(update={"upload_link_secret": None})
    with pytest.raises(ValueError, match="UPLOAD_LINK_SECRET"):
        create_app(world.app.upload_site())
