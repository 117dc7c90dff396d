"""Sending evidence (minh chứng): after the button or as a reply to a task card; refusals.

Files carry real magic numbers: a PDF starts with "%PDF", a PNG with its 8-byte signature.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.updates import process
from handlers import evidence as evidence_handlers
from handlers.messages import Attachment, Incoming, Sender
from models import AuditLog, Evidence, OfficialRole
from services import evidence as evidence_service
from services.access import NOT_YOURS
from tests.samples import PNG
from tests.test_review_flows import PDF, find_button, text_of, vi
from tests.world import World


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    world.register("u1", "Sở Nội vụ")
    return world


def evidence_rows(world: World) -> list[Evidence]:
    with world.app.sessions() as session:
        return list(session.scalars(select(Evidence).order_by(Evidence.id)))


def test_an_official_sends_a_pdf_and_a_photo_and_the_card_counts_them(
    world: World, tmp_path: Path
) -> None:
    task_id = world.task_id("I|1")

    card = world.send("u1", button=f"1:card:{task_id}")
    replies = world.send("u1", button=find_button(card, "evid").data)
    assert text_of(replies).startswith(vi(evidence_handlers.ASK_FILE, label="I.1"))
    replies = world.send(
        "u1",
        attachment=Attachment("document", "Bien ban <kiem tra>.pdf", "application/pdf", None, PDF),
    )
    assert text_of(replies).startswith(
        vi(
            evidence_handlers.SAVED,
            label="I.1",
            name="Bien ban <kiem tra>.pdf",
            count=1,
        )
    )
    assert "&lt;kiem tra&gt;" in replies[0].text  # escaped, shown as written
    replies = world.send(
        "u1", attachment=Attachment("photo", "anh-7.jpg", "image/jpeg", len(PNG), PNG)
    )
    replies = world.send(
        "u1", attachment=Attachment("photo", "anh-8.png", "image/png", len(PNG), PNG)
    )

    rows = evidence_rows(world)
    assert [(r.original_name, r.mime_type) for r in rows] == [
        ("Bien ban <kiem tra>.pdf", "application/pdf"),
        ("anh-8.png", "image/png"),
    ]
    stored = Path(rows[0].stored_path)
    assert stored.read_bytes() == PDF and stored.is_relative_to(tmp_path / "evidence")
    assert rows[0].sha256 == hashlib.sha256(PDF).hexdigest() and rows[0].size == len(PDF)
    assert "2" in replies[1].text.split("\n")[-1]  # the card: evidence files 2
    with world.app.sessions() as session:
        audited = session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == "evidence.add")
        )
        assert audited == 2


def test_the_same_file_sent_twice_is_recorded_once_and_the_reply_says_so(world: World) -> None:
    task_id = world.task_id("I|1")
    world.send("u1", button=f"1:evid:{task_id}")
    world.send("u1", attachment=Attachment("document", "a.pdf", "application/pdf", None, PDF))

    replies = world.send(
        "u1", attachment=Attachment("document", "ban sao.pdf", "application/pdf", None, PDF)
    )

    assert text_of(replies).startswith(vi(evidence_handlers.DUPLICATE, label="I.1", count=1))
    assert len(evidence_rows(world)) == 1


@pytest.mark.parametrize(
    ("attachment", "message"),
    [
        (
            Attachment("document", "setup.exe", "application/x-msdownload", 5, None),
            evidence_service.WRONG_TYPE,
        ),
        (  # a program renamed to .pdf
            Attachment("document", "bao_cao.pdf", "application/pdf", 6, b"MZ\x90\x00\x03\x00"),
            evidence_service.WRONG_TYPE,
        ),
        (  # the channel did not fetch it: over Telegram's 20 MB
            Attachment("document", "video.pdf", "application/pdf", 25_000_000, None),
            evidence_service.TOO_LARGE,
        ),
        (Attachment("document", "trong.pdf", "application/pdf", 0, b""), evidence_service.EMPTY),
        (  # allowed, but the download failed
            Attachment("photo", "anh-9.jpg", "image/jpeg", 1000, None),
            evidence_service.NOT_FETCHED,
        ),
    ],
)
def test_a_file_that_cannot_be_evidence_is_refused_clearly(
    world: World, attachment: Attachment, message: str
) -> None:
    task_id = world.task_id("I|1")
    world.send("u1", button=f"1:evid:{task_id}")

    replies = world.send("u1", attachment=attachment)

    assert text_of(replies).startswith(vi(message))
    assert evidence_rows(world) == []
    # The step goes on: the next, proper file is taken.
    world.send("u1", attachment=Attachment("document", "dung.pdf", "application/pdf", None, PDF))
    assert len(evidence_rows(world)) == 1


def test_a_refusal_comes_in_the_language_the_official_chose(world: World) -> None:
    world.send("u1", button="1:lang:en")
    world.send("u1", button=f"1:evid:{world.task_id('I|1')}")

    replies = world.send(
        "u1", attachment=Attachment("document", "x.zip", "application/zip", 10, None)
    )

    assert text_of(replies).startswith(evidence_service.WRONG_TYPE)  # the English msgid


def test_a_file_sent_as_a_reply_to_a_task_card_is_evidence_for_that_task(world: World) -> None:
    task_id = world.task_id("I|3")
    card = world.send("u1", button=f"1:card:{task_id}")
    first_button = card[0].buttons[0][0].data  # what the channel reads off the replied card

    incoming = Incoming(
        sender=Sender("console", "u1", "u1"),
        update_key="reply-1",
        attachment=Attachment("document", "bao_cao_quy.pdf", "application/pdf", None, PDF),
        reply_to=first_button,
    )
    replies = process(world.app, incoming).replies

    assert text_of(replies).startswith(
        vi(evidence_handlers.SAVED, label="I.3", name="bao_cao_quy.pdf", count=1)
    )
    [row] = evidence_rows(world)
    assert row.task_id == task_id


def test_a_file_sent_out_of_the_blue_is_not_taken(world: World) -> None:
    replies = world.send(
        "u1", attachment=Attachment("document", "a.pdf", "application/pdf", None, PDF)
    )
    assert text_of(replies).startswith(
        vi("To send evidence, open the task and tap Send evidence first.")
    )
    assert evidence_rows(world) == []


def test_an_agency_that_only_supports_cannot_send_evidence(world: World) -> None:
    world.register("t1", "Sở Tư pháp")
    task_id = world.task_id("I|2")  # Sở Tư pháp supports

    replies = world.send("t1", button=f"1:evid:{task_id}")
    assert text_of(replies).startswith(vi(NOT_YOURS))
    incoming = Incoming(
        sender=Sender("console", "t1", "t1"),
        update_key="reply-2",
        attachment=Attachment("document", "a.pdf", "application/pdf", None, PDF),
        reply_to=f"1:card:{task_id}",
    )
    replies = process(world.app, incoming).replies

    assert text_of(replies).startswith(vi(NOT_YOURS))
    assert evidence_rows(world) == []


def test_a_restart_during_the_evidence_step_keeps_waiting_for_the_file(
    world: World, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    world.send("u1", button=f"1:evid:{world.task_id('I|1')}", update_key="e1")

    restarted = World.build(sessions, tmp_path)
    restarted.send(
        "u1",
        attachment=Attachment("photo", "anh.png", "image/png", len(PNG), PNG),
        update_key="e2",
    )

    [row] = evidence_rows(restarted)
    assert row.original_name == "anh.png"


def test_the_coordinator_gets_the_evidence_files_back(world: World) -> None:
    world.register("c1", "Sở Nội vụ", OfficialRole.COORDINATOR)
    task_id = world.task_id("I|1")
    world.send("u1", button=f"1:evid:{task_id}")
    world.send("u1", attachment=Attachment("document", "bb.pdf", "application/pdf", None, PDF))

    replies = world.send("c1", button=f"1:evls:{task_id}")

    assert replies is not None
    [file_reply] = [r for r in replies if r.document is not None]
    assert file_reply.document is not None
    assert file_reply.document.content == PDF and file_reply.document.file_name == "bb.pdf"
    world.register("k1", "Sở Khoa học và Công nghệ")  # no part in I.2
    refused = world.send("k1", button=f"1:evls:{world.task_id('I|2')}")
    assert text_of(refused).startswith(vi(NOT_YOURS))
