"""The command line as an operator uses it: import, dry run, JSON, bad files, the demo."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.cli import main
from bot.demo import SAMPLE_PLAN
from bot.settings import get_settings
from models import Plan, Task
from tests.conftest import seed_path


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder and database for each run of the command line, in Vietnamese."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'cli.db'}")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("DEFAULT_LANGUAGE", "vi")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def _count(workdir: Path, model) -> int:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{workdir / 'var' / 'cli.db'}")
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, model.__tablename__):
            return 0
        return connection.scalar(select(func.count()).select_from(model)) or 0


def test_import_json_prints_exactly_the_document(workdir, capsys):
    assert main(["plan", "import", str(SAMPLE_PLAN), "--json"]) == 0
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert list(document) == ["plan", "tasks", "warnings", "targets"]
    assert set(document["plan"]) == {"number", "title", "issuer", "year"}
    assert document["plan"]["number"] == "15/KH-UBND"
    first = document["tasks"][0]
    assert list(first) == [
        "section", "section_title", "number", "parent", "activity_index", "title", "objective",
        "product", "lead", "support", "lead_as_written", "support_as_written", "deadline_text",
        "deadline_kind", "milestones", "budget_million_vnd", "unverified",
    ]  # fmt: skip
    assert first["lead"] == ["Sở Nội vụ"]
    assert first["milestones"] == [
        {"due": "2026-03-31", "label": first["milestones"][0]["label"], "level": None}
    ]
    assert "Kế hoạch #1" in err
    assert _count(workdir, Task) == len(document["tasks"])


def test_dry_run_writes_nothing(workdir, capsys):
    assert main(["plan", "import", str(SAMPLE_PLAN), "--dry-run"]) == 0
    assert "không ghi" in capsys.readouterr().out
    assert _count(workdir, Plan) == 0


def test_importing_twice_says_nothing_changed(workdir, capsys):
    assert main(["plan", "import", str(SAMPLE_PLAN)]) == 0
    assert main(["plan", "import", str(SAMPLE_PLAN)]) == 0
    out = capsys.readouterr().out
    assert "không có gì thay đổi" in out
    assert _count(workdir, Plan) == 1


def _corrupt_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-a-document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("trong.txt", b"", "Tệp trống"),
        ("trong.docx", b"   \n", "Tệp trống"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "không phải là văn bản"),
        ("hong.docx", b"PK\x03\x04 this is not really a zip", "bị hỏng"),
        ("thieu.docx", _corrupt_docx(), "bị hỏng"),
        ("bang.xlsx", b"PK\x03\x04", "Tệp Excel bị hỏng"),
        ("bang.odt", b"PK\x03\x04", "không được hỗ trợ"),
        ("ke-hoach", b"some text", "không được hỗ trợ"),
        (
            "van-ban.txt",
            "Kính gửi các cơ quan.\nNội dung không có nhiệm vụ.".encode(),
            "Không tìm thấy",
        ),
    ],
)
def test_a_bad_document_gets_a_clear_message_and_nothing_is_written(
    workdir, capsys, name, content, expected
):
    path = workdir / name
    path.write_bytes(content)
    assert main(["plan", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert _count(workdir, Plan) == 0 and _count(workdir, Task) == 0


def test_an_oversized_document_is_refused(workdir, capsys, monkeypatch):
    monkeypatch.setenv("MAX_DOCUMENT_BYTES", "1000")
    get_settings.cache_clear()
    assert main(["plan", "import", str(SAMPLE_PLAN)]) == 2
    assert "quá lớn" in capsys.readouterr().err
    assert _count(workdir, Plan) == 0


def test_a_missing_file_is_named(workdir, capsys):
    assert main(["plan", "import", "khong-co.docx"]) == 2
    assert "khong-co.docx" in capsys.readouterr().err


def test_run_without_a_token_shows_the_demo(workdir, capsys):
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "Kế hoạch #1 đã được nhập với" in out
    assert "Sở Nội vụ" in out
    assert "quá hạn" in out  # Quý I/2026 has passed in any run after March 2026
    assert main(["run"]) == 0
    assert "không có gì thay đổi" in capsys.readouterr().out


def test_a_real_seed_imports_from_the_command_line(workdir, capsys):
    assert main(["plan", "import", str(seed_path("004")), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["plan"]["year"] == 2021
    assert len(document["tasks"]) == _count(workdir, Task)


def test_db_upgrade_creates_the_schema(workdir, capsys):
    assert main(["db", "upgrade"]) == 0
    engine = create_engine(f"sqlite:///{workdir / 'var' / 'cli.db'}")
    with engine.connect() as connection:
        assert connection.scalar(text("select version_num from alembic_version")) == "0011"


def test_an_invite_is_created_for_an_agency_named_loosely(workdir, capsys, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "nhacviec_bot")
    get_settings.cache_clear()
    assert (
        main(["invite", "create", "--agency", "so tttt", "--role", "focal", "--expires", "48h"])
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert "Sở Thông tin và Truyền thông" in out[0] and "focal" in out[0]
    code = out[1]
    assert len(code) == 10
    assert out[2] == f"https://t.me/nhacviec_bot?start={code}"
    engine = create_engine(f"sqlite:///{workdir / 'var' / 'cli.db'}")
    with engine.connect() as connection:
        stored = connection.scalar(text("select code_hash from invite"))
    assert stored != code and len(stored) == 64  # only the hash is kept


def test_an_invite_for_an_unknown_agency_is_refused(workdir, capsys):
    assert main(["invite", "create", "--agency", "Bộ Ngoại giao Sao Hỏa"]) == 2
    assert "Không tìm thấy cơ quan" in capsys.readouterr().err


def test_the_schedule_can_be_previewed_run_once_and_told_of_days_off(workdir, capsys):
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["jobs", "preview", "--days", "14", "--at", "2026-03-23T08:00"]) == 0
    out = capsys.readouterr().out
    # I.1 (Sở Nội vụ, Quý I/2026, due Tuesday 31/03) is nudged 3 working days before: 26/03,
    # in the digest of the demo focal point of Sở Nội vụ, as it would be read.
    thursday = out[out.index("=== Thứ Năm, 26/03/2026 ===") :]
    thursday = thursday[: thursday.index("=== ", 4)]
    assert "--- 08:00 · Trần Thị Bình (đầu mối, Sở Nội vụ)" in thursday
    assert "📬 Nhắc việc của bạn ngày Thứ Năm, 26/03/2026" in thursday
    assert "• I.1 Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026" in thursday
    assert "tin nhắn cho 2 người trong 14 ngày." in out
    assert "Nhắc việc chưa đến được ai tại" in out  # and who it cannot reach

    assert main(["calendar", "add-off", "2026-03-27", "--note", "nghỉ bù"]) == 0
    assert "27/03/2026" in capsys.readouterr().out
    assert main(["jobs", "preview", "--days", "14", "--at", "2026-03-23T08:00", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    # With Friday 27/03 off, three working days before 31/03 fall on Wednesday 25/03.
    wednesday = [d for d in document["digests"] if d["date"] == "2026-03-25"]
    assert any(
        item["task"] == "I.1" and item["section"] == "soon"
        for d in wednesday
        if d["official"]["agency"] == "Sở Nội vụ"
        for item in d["items"]
    )
    assert not any(d["date"] == "2026-03-27" for d in document["digests"])
    assert document["coverage"] and {"agency", "gap", "leads"} <= set(document["coverage"][0])

    assert main(["jobs", "run-once", "--at", "2026-03-25T08:00"]) == 0
    first = capsys.readouterr().out
    assert main(["jobs", "run-once", "--at", "2026-03-25T08:00"]) == 0
    assert capsys.readouterr().out.startswith("0 ")  # running twice queues nothing twice
    assert not first.startswith("0 ")


def _every_parser(parser):  # type: ignore[no-untyped-def]
    """The parser and every subcommand's, with the command words that reach it."""
    import argparse

    yield (), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for words, found in _every_parser(sub):
                    yield (name, *words), found


def test_with_no_arguments_it_says_what_it_can_do(workdir, capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("plan", "invite", "run", "jobs", "calendar"):
        assert f"    {command} " in out
    assert "Kế hoạch: nhập văn bản kế hoạch" in out  # in the operator's language


def test_every_command_and_option_has_a_vietnamese_line_of_help(workdir):
    from bot.cli import _parser
    from i18n import use_language

    with use_language("vi"):
        parser = _parser()
    for words, sub in _every_parser(parser):
        if words:
            assert sub.description, words
        for action in sub._actions:
            if action.help is None and not action.option_strings and action.dest == "==SUPPRESS==":
                continue  # the subcommand list itself
            assert action.help, (words, action.dest)
    with use_language("vi"):
        helps = [a.help for _w, sub in _every_parser(_parser()) for a in sub._actions if a.help]
    with use_language("en"):
        english = [a.help for _w, sub in _every_parser(_parser()) for a in sub._actions if a.help]
    untranslated = [h for h, e in zip(helps, english, strict=True) if h == e and h != "ID"]
    assert untranslated == []


def test_a_group_without_its_command_shows_its_commands(workdir, capsys):
    assert main(["plan"]) == 0
    out = capsys.readouterr().out
    assert "import" in out and "list" in out


def test_coverage_names_the_agencies_nobody_is_reached_at(workdir, capsys):
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["agencies", "coverage", "--plan", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    # The demo registers only Sở Nội vụ: Sở Tư pháp leads II.1 and II.2 and has nobody.
    tuphap = next(line for line in out if line.startswith("Sở Tư pháp:"))
    assert "chưa có ai đăng ký" in tuphap and "chủ trì" in tuphap
    assert not any(line.startswith("Sở Nội vụ:") for line in out)
    assert out[-1].startswith(f"{len(out) - 1} cơ quan chưa nhận được nhắc việc")


def test_bulk_invites_one_per_lead_agency_with_a_qr_code_and_not_twice(
    workdir, capsys, monkeypatch
):
    from openpyxl import load_workbook

    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "nhacviec_bot")
    get_settings.cache_clear()
    assert main(["demo"]) == 0
    capsys.readouterr()
    out = workdir / "moi" / "invites.xlsx"
    assert main(["invite", "bulk", "--plan", "1", "--role", "focal", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    sheet = load_workbook(out).active
    rows = [r for r in sheet.iter_rows(min_row=3, values_only=True) if r[1]]
    agencies = {r[1]: r for r in rows}
    # Sở Nội vụ has its demo focal point; every other lead agency gets a code and a link.
    assert "Đã đăng ký: Trần Thị Bình" in agencies["Sở Nội vụ"][5]
    tuphap = agencies["Sở Tư pháp"]
    assert tuphap[3] == f"https://t.me/nhacviec_bot?start={tuphap[2]}"
    new = [r for r in rows if r[2]]
    assert len(sheet._images) == len(new) == len(rows) - 1 >= 4
    assert said.startswith(f"Đã ghi {len(new)} mã mời mới")
    # Again: the invites still valid are not issued twice...
    again = workdir / "again.xlsx"
    assert main(["invite", "bulk", "--plan", "1", "--role", "focal", "--out", str(again)]) == 0
    assert capsys.readouterr().out.startswith("Đã ghi 0 mã mời mới")
    assert not [
        r for r in load_workbook(again).active.iter_rows(min_row=3, values_only=True) if r[2]
    ]
    # ... unless asked: then the old ones stop working.
    assert main(["invite", "bulk", "--plan", "1", "--out", str(again), "--reissue"]) == 0
    assert capsys.readouterr().out.startswith(f"Đã ghi {len(new)} mã mời mới")
    old = tuphap[2]
    engine = create_engine(f"sqlite:///{workdir / 'var' / 'cli.db'}")
    with engine.connect() as connection:
        revoked = connection.scalar(
            text("select count(*) from audit_log where action = 'invite.revoke'")
        )
    assert revoked == len(new) and old


def test_an_oversized_document_is_refused_before_it_is_read(workdir, capsys, monkeypatch):
    """A file far over MAX_DOCUMENT_BYTES costs no memory: its size is read, not its bytes."""
    import tracemalloc

    monkeypatch.setenv("MAX_DOCUMENT_BYTES", "1000")
    get_settings.cache_clear()
    huge = workdir / "ke-hoach.docx"
    with huge.open("wb") as file:
        file.truncate(256 * 1024 * 1024)  # sparse: no disk used, 256 MiB if read
    tracemalloc.start()
    try:
        assert main(["plan", "import", str(huge)]) == 2
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024
    err = capsys.readouterr().err
    assert "quá lớn" in err and f"{256 * 1024 * 1024}" in err
    assert "Traceback" not in err
    assert _count(workdir, Plan) == 0
