"""Evidence files that only start right are refused, in the chat and on the upload page alike.

A hostile tester sent "%PDF" followed by HTML, a JPEG header followed by script, a zip holding
a program named .docx: all were accepted on their first bytes. Each now has to open as what it
claims (a PDF parses, an image decodes, an Office file is a package of its kind with no macro
and no program), within bounds a zip bomb cannot stretch.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from handlers.messages import Attachment, Reply
from models import Evidence
from services import contents
from services.evidence import WRONG_TYPE
from tests import samples
from tests.test_review_flows import text_of, vi
from tests.test_upload_page import BASE, ask_for_link, files, upload_world
from tests.world import World
from web.upload import create_app

GOOD = [
    ("bien-ban.pdf", samples.PDF, "application/pdf"),
    ("anh-hien-truong.jpg", samples.JPEG, "image/jpeg"),
    ("so-do.png", samples.PNG, "image/png"),
    ("bao-cao.docx", samples.DOCX, samples.MIME_DOCX),
    ("so-lieu.xlsx", samples.XLSX, samples.MIME_XLSX),
]

HOSTILE = [
    ("bien-ban.pdf", samples.PDF_THEN_HTML, "application/pdf", contents.DAMAGED),
    ("anh.jpg", samples.JPEG_THEN_SCRIPT, "image/jpeg", contents.DAMAGED),
    ("anh.png", samples.PNG_THEN_SCRIPT, "image/png", contents.DAMAGED),
    ("anh-cat.png", samples.png_cut_short(), "image/png", contents.DAMAGED),
    ("bao-cao.docx", samples.ZIP_WITH_A_PROGRAM, samples.MIME_DOCX, contents.DAMAGED),
    ("bao-cao.docx", samples.DOCX_WITH_A_PROGRAM, samples.MIME_DOCX, contents.ACTIVE_CONTENT),
    ("bao-cao.docx", samples.DOCX_WITH_MACROS, samples.MIME_DOCX, contents.ACTIVE_CONTENT),
    ("bao-cao.docx", samples.XLSX, samples.MIME_DOCX, contents.DAMAGED),
    ("so-lieu.xlsx", samples.DOCX, samples.MIME_XLSX, contents.DAMAGED),
    ("bien-ban.pdf", samples.PDF_WITH_SCRIPT, "application/pdf", contents.ACTIVE_CONTENT),
    ("bien-ban.pdf", b"MZ\x90\x00 a program renamed", "application/pdf", WRONG_TYPE),
]


@pytest.fixture
def world(sessions, tmp_path) -> World:  # type: ignore[no-untyped-def]
    return upload_world(sessions, tmp_path)


@pytest.fixture
async def browser(world: World) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(world.app.upload_site()))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        yield client


def stored(world: World) -> int:
    with world.app.sessions() as session:
        return session.scalar(select(func.count(Evidence.id))) or 0


def send_in_chat(world: World, attachment: Attachment) -> list[Reply] | None:
    """An official of the lead agency taps Send evidence on Telegram and sends the file."""
    world.register("t1", "Sở Nội vụ", channel="telegram")
    world.send("t1", button=f"1:evid:{world.task_id('I|1')}", channel="telegram")
    return world.send("t1", attachment=attachment, channel="telegram")


def refusal(message: str, **values: object) -> str:
    return vi(message, **values)


@pytest.mark.parametrize(("name", "content", "mime", "message"), HOSTILE)
def test_in_the_chat_a_file_that_only_starts_right_is_refused(
    world: World, name: str, content: bytes, mime: str, message: str
) -> None:
    replies = send_in_chat(world, Attachment("document", name, mime, len(content), content))

    assert text_of(replies).startswith(refusal(message))
    assert stored(world) == 0


@pytest.mark.parametrize(("name", "content", "mime"), GOOD)
def test_in_the_chat_real_files_of_every_type_are_kept(
    world: World, name: str, content: bytes, mime: str
) -> None:
    replies = send_in_chat(world, Attachment("document", name, mime, len(content), content))
    assert stored(world) == 1, text_of(replies)


@pytest.mark.parametrize(("name", "content", "mime", "message"), HOSTILE)
async def test_on_the_page_the_same_file_gets_the_same_refusal_and_the_link_still_works(
    world: World,
    browser: httpx.AsyncClient,
    name: str,
    content: bytes,
    mime: str,
    message: str,
) -> None:
    path = ask_for_link(world)

    answer = await browser.post(
        path, files=files((name, content, mime)), headers={"X-Requested-With": "XMLHttpRequest"}
    )

    assert answer.status_code in (400, 415)
    said = answer.json()["message"]
    assert said.startswith(f"Tệp {name} không được chấp nhận.")
    assert refusal(message) in said
    assert stored(world) == 0
    retry = await browser.post(path, files=files(("bien-ban.pdf", samples.PDF, "application/pdf")))
    assert retry.status_code == 200 and stored(world) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bom.docx", samples.zip_bomb(), contents.DAMAGED),  # a gibibyte from a megabyte
        ("nhieu-phan.docx", samples.many_entries(), contents.DAMAGED),
        ("anh-khong-lo.png", samples.png_bomb(), contents.TOO_MANY_PIXELS),
    ],
)
def test_bombs_are_refused_before_they_grow(name: str, content: bytes, message: str) -> None:
    """Nothing is inflated to find out: the memory the check takes stays a few megabytes."""
    tracemalloc.start()
    try:
        refused = contents.problem(name[name.rindex(".") :], content)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused is not None and refused.message == message
    assert peak < 16 * 1024 * 1024
