"""`nhacviec backup` and `nhacviec restore`: the database and the evidence files in one archive.

The archive is a .tar.gz holding ``manifest.json`` (what it holds, counted), the database
(``database.sqlite``, copied with SQLite's online backup API while the bot runs; or
``database.dump``, pg_dump's custom format) and ``evidence/<xx>/<sha256>.<ext>``. The database
is copied first: an evidence file is written before its row commits and never deleted, so every
row in the copy has its file on disk when the files are read.

Restore puts both back into the configured database and EVIDENCE_DIR, checks each file's
SHA-256 and each table's count against the manifest, points the evidence rows at the files'
new place, migrates to the newest schema, and records the restore in the audit log.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.engine import URL

from bot.app import App
from bot.db import upgrade
from i18n import N_
from models import Base, Evidence
from services import audit
from services.errors import UserError

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite"
PG_FILE = "database.dump"


class BackupError(UserError):
    """Something the operator can fix: a wrong archive, a database that is not empty..."""


UNKNOWN_FORMAT = N_("This is not a nhacviec backup, or one of a newer version.")
NOT_A_BACKUP = N_("This is not a nhacviec backup: %(name)s is missing.")
OTHER_BACKEND = N_(
    "This backup is of a %(backup)s database, but DATABASE_URL names a %(configured)s one."
)
NOT_EMPTY = N_(
    "The database already holds plans or people. Restore with --force to replace everything in it."
)
COUNTS_DIFFER = N_("The restored database does not match the backup: %(tables)s.")
OUTSIDE = N_("The backup holds a file outside the evidence folder: %(name)s.")
DAMAGED = N_("The evidence file %(name)s is damaged in the backup.")
IN_MEMORY = N_("An in-memory database cannot be backed up.")
MISSING_TOOL = N_("%(tool)s is not installed (Debian: postgresql-client).")
TOOL_FAILED = N_("%(tool)s failed: %(error)s")


@dataclass(frozen=True)
class Manifest:
    created_at: str
    backend: str
    tables: dict[str, int]
    evidence: list[dict[str, object]]  # {"name", "sha256", "size"}

    def to_json(self) -> bytes:
        body = {"format": FORMAT, **self.__dict__}
        return json.dumps(body, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        body = json.loads(data)
        if body.get("format") != FORMAT:
            raise BackupError(UNKNOWN_FORMAT)
        return cls(body["created_at"], body["backend"], body["tables"], body["evidence"])


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


# --- backup


def backup(app: App, archive: Path, now: datetime) -> Manifest:
    """Write the archive; the database is read while the bot may be running."""
    engine = app.engine
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / (SQLITE_FILE if _is_sqlite(engine) else PG_FILE)
        if _is_sqlite(engine):
            _sqlite_copy(_sqlite_path(engine), dump)
        else:
            _pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump)], engine.url)
        tables = _dump_counts(engine, dump)
        files = _evidence_files(engine)
        manifest = Manifest(now.isoformat(), engine.dialect.name, tables, [])
        partial = archive.with_name(archive.name + ".part")
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            for name, path in files:
                if not path.is_file():
                    continue  # listed but gone: restore will say so by its count
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                manifest.evidence.append(
                    {"name": name, "sha256": digest, "size": path.stat().st_size}
                )
                tar.add(path, arcname=f"evidence/{name}")
            _add_bytes(tar, MANIFEST, manifest.to_json())
        os.replace(partial, archive)
    return manifest


def _dump_counts(engine: Engine, dump: Path) -> dict[str, int]:
    """The rows in the copy (SQLite: the copy itself; PostgreSQL: the live database read in
    the same moment is close enough, and restore checks against what it restored)."""
    if not _is_sqlite(engine):
        return counts(engine)
    with sqlite3.connect(dump) as copy:
        return {
            table.name: copy.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            for table in Base.metadata.sorted_tables
        }


def _evidence_files(engine: Engine) -> list[tuple[str, Path]]:
    with engine.connect() as connection:
        rows = connection.execute(select(Evidence.sha256, Evidence.stored_path)).all()
    found = {}
    for digest, stored in rows:
        path = Path(stored)
        found[f"{digest[:2]}/{path.name}"] = path
    return sorted(found.items())


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


# --- restore


def restore(app: App, archive: Path, now: datetime, *, force: bool = False) -> Manifest:
    """Put the archive's database and files back. Refuses a database that already holds plans
    or people unless ``force``: a restore replaces everything in it."""
    engine = app.engine
    with tarfile.open(archive, "r:gz") as tar:
        manifest = Manifest.from_json(_member(tar, MANIFEST))
        if manifest.backend != engine.dialect.name:
            raise BackupError(
                OTHER_BACKEND, backup=manifest.backend, configured=engine.dialect.name
            )
        if not force and _holds_data(engine):
            raise BackupError(NOT_EMPTY)
        with tempfile.TemporaryDirectory() as work:
            name = SQLITE_FILE if _is_sqlite(engine) else PG_FILE
            dump = Path(work) / name
            dump.write_bytes(_member(tar, name))
            engine.dispose()
            if _is_sqlite(engine):
                _sqlite_copy(dump, _sqlite_path(engine))
            else:
                _pg(
                    [
                        "pg_restore",
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--no-privileges",
                        "--single-transaction",
                        "--exit-on-error",
                        "--dbname",
                        _pg_dbname(engine.url),
                        str(dump),
                    ],
                    engine.url,
                )
        restored = counts(engine)
        if restored != manifest.tables:
            wrong = {k: (v, restored.get(k)) for k, v in manifest.tables.items()}
            wrong = {k: v for k, v in wrong.items() if v[0] != v[1]}
            raise BackupError(COUNTS_DIFFER, tables=wrong)
        evidence_dir = app.settings.evidence_dir
        for entry in manifest.evidence:
            _restore_file(tar, str(entry["name"]), str(entry["sha256"]), evidence_dir)
    upgrade(engine)
    with app.sessions.begin() as session:
        for row in session.scalars(select(Evidence)):
            place = evidence_dir / row.sha256[:2] / Path(row.stored_path).name
            if row.stored_path != str(place):
                session.execute(
                    update(Evidence).where(Evidence.id == row.id).values(stored_path=str(place))
                )
        audit.record(
            session,
            at=now,
            actor="cli",
            action="backup.restore",
            entity="database",
            entity_id=None,
            after={
                "archive": archive.name,
                "created_at": manifest.created_at,
                "evidence_files": len(manifest.evidence),
            },
        )
    return manifest


def _member(tar: tarfile.TarFile, name: str) -> bytes:
    try:
        member = tar.getmember(name)
    except KeyError:
        raise BackupError(NOT_A_BACKUP, name=name) from None
    handle = tar.extractfile(member)
    if handle is None:
        raise BackupError(NOT_A_BACKUP, name=name)
    return handle.read()


def _restore_file(tar: tarfile.TarFile, name: str, digest: str, evidence_dir: Path) -> None:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or len(relative.parts) != 2:
        raise BackupError(OUTSIDE, name=name)
    data = _member(tar, f"evidence/{name}")
    if hashlib.sha256(data).hexdigest() != digest:
        raise BackupError(DAMAGED, name=name)
    target = evidence_dir.joinpath(*relative.parts)
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as connection:
        tables = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table'")
                if _is_sqlite(engine)
                else text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        }
        return any(
            name in tables and connection.scalar(text(f'SELECT count(*) FROM "{name}"'))
            for name in ("plan", "official")
        )


# --- the two databases


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError(IN_MEMORY)
    return Path(database)


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while another process writes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as dst:
        dst.execute("PRAGMA journal_mode=WAL")


def _pg_dbname(url: URL) -> str:
    return str(url.database or "")


def _pg(command: list[str], url: URL) -> None:
    """Run pg_dump or pg_restore against ``url``; the password travels in the environment,
    never on the command line (where any user of the machine could read it)."""
    if shutil.which(command[0]) is None:
        raise BackupError(MISSING_TOOL, tool=command[0])
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[variable] = str(value)
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(TOOL_FAILED, tool=command[0], error=done.stderr.strip()[-500:])
