"""`nhacviec backup` and `nhacviec restore`: a backup restored into an empty database and an
empty evidence folder finds every row and every file, on SQLite and on PostgreSQL."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.app import App
from bot.backup import NOT_EMPTY, BackupError, backup, counts, restore
from bot.db import make_engine, make_sessionmaker
from handlers.messages import Attachment
from models import AuditLog, Evidence, Official
from services.evidence import task_files
from tests import samples
from tests.conftest import _postgres_engine
from tests.test_review_flows import text_of
from tests.world import World


@pytest.fixture
def empty(engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """Another database of the same kind, empty (not even migrated)."""
    if engine.dialect.name == "sqlite":
        fresh = make_engine(f"sqlite:///{tmp_path / 'restored' / 'nhacviec.db'}")
        yield fresh
        fresh.dispose()
    else:
        yield from _postgres_engine()


def test_a_backup_restored_into_an_empty_place_finds_everything(sessions, empty, tmp_path):
    world = World.build(sessions, tmp_path)
    world.register("u1", "Sở Nội vụ", name="Trần Thị Bình")
    task_id = world.task_id("I|1")
    world.send("u1", button=f"1:evid:{task_id}")
    photo = Attachment("photo", "anh.jpg", "image/jpeg", len(samples.JPEG), samples.JPEG)
    for attachment in (
        Attachment("document", "bb.pdf", "application/pdf", None, samples.PDF),
        photo,
    ):
        world.send("u1", attachment=attachment)
    world.send("u1", button=f"1:prog:{task_id}")
    world.send("u1", text="40")
    world.send("u1", text="Đã có dự thảo")
    before = counts(world.app.engine)
    assert before["evidence"] == 2 and before["progress_report"] == 1

    archive = tmp_path / "backups" / "nhacviec.tar.gz"
    manifest = backup(world.app, archive, world.now)
    assert manifest.tables == before and len(manifest.evidence) == 2
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and sum(n.startswith("evidence/") for n in names) == 2

    settings = world.app.settings.model_copy(
        update={
            "database_url": empty.url.render_as_string(hide_password=False),
            "evidence_dir": tmp_path / "elsewhere" / "evidence",
        }
    )
    elsewhere = App(settings, empty, make_sessionmaker(empty), clock=world.app.clock)
    restore(elsewhere, archive, world.now)

    after = counts(empty)
    assert after == before | {"audit_log": before["audit_log"] + 1}
    with elsewhere.sessions() as session:
        official = session.scalar(select(Official).where(Official.full_name == "Trần Thị Bình"))
        assert official is not None
        files = task_files(session, official, task_id, world.now.date())
        assert sorted(content for _row, content in files) == sorted([samples.PDF, samples.JPEG])
        for row in session.scalars(select(Evidence)):
            assert Path(row.stored_path).is_relative_to(settings.evidence_dir)
        restored = session.scalars(select(AuditLog).where(AuditLog.action == "backup.restore"))
        assert restored.one().after["evidence_files"] == 2

    # The restored bot answers as the old one did.
    again = World(elsewhere, world.plan_id, world.now)
    assert "I.1" in text_of(again.send("u1", command="nhiemvu", update_key="after-restore"))

    # A second restore over the data, without --force, is refused and changes nothing.
    with pytest.raises(BackupError) as refused:
        restore(elsewhere, archive, world.now)
    assert refused.value.message == NOT_EMPTY
    assert counts(empty)["audit_log"] == after["audit_log"]


def test_the_command_line_saves_and_restores(tmp_path, monkeypatch, capsys):
    from bot.cli import main
    from bot.settings import get_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'a.db'}")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    get_settings.cache_clear()
    try:
        assert main(["demo"]) == 0
        assert main(["backup", "sao-luu.tar.gz"]) == 0
        assert "sao-luu.tar.gz" in capsys.readouterr().out
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'b.db'}")
        get_settings.cache_clear()
        assert main(["restore", "sao-luu.tar.gz"]) == 0
        assert main(["restore", "sao-luu.tar.gz"]) == 2  # not over data, without --force
        assert "--force" in capsys.readouterr().err
        assert main(["restore", "--force", "sao-luu.tar.gz"]) == 0
        assert main(["plan", "list"]) == 0
        assert "15/KH-UBND" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()
