"""Evidence files (minh chứng): which files are accepted, and storing them once by content."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_
from models import Evidence, Official
from services import audit, contents
from services.errors import UserError
from services.permissions import Act, require
from services.review import require_lead
from services.tasks import load_task

DOWNLOAD_LIMIT = 20_000_000  # Telegram's getFile limit, and ours for every channel
ALLOWED = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
WRONG_TYPE = N_(
    "Files of this type are not accepted as evidence. Send a PDF, Word, Excel, JPEG or PNG file."
)
TOO_LARGE = N_("The file is too large (over 20 MB). Send a smaller file or a link to it.")
EMPTY = N_("The file is empty.")
NOT_FETCHED = N_("I could not download this file. Please send it again.")
MAX_SHOWN = 10  # files sent back at once
# Magic numbers: a file must be what its name says, not a renamed program.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


class BadFile(UserError):
    """The file cannot be evidence: wrong type, too large, empty, or not what its name says."""


def allowed_file(name: str, mime_type: str | None, size: int | None) -> str | None:
    """None if the file may be fetched, else the catalog message that says why not."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED:
        return WRONG_TYPE
    if size is not None and size > DOWNLOAD_LIMIT:
        return TOO_LARGE
    return None


@dataclass(frozen=True)
class StoredEvidence:
    evidence: Evidence
    new: bool


def attach_evidence(
    session: Session,
    official: Official,
    task_id: int,
    *,
    name: str,
    mime_type: str | None,
    content: bytes,
    evidence_dir: Path,
    now: datetime,
) -> StoredEvidence:
    """Store the file under its SHA-256 and list it on the task; a file sent twice is kept once."""
    task = load_task(session, task_id)
    require_lead(session, official, task, now.date())
    suffix = checked_suffix(name, mime_type, content)
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalar(
        select(Evidence).where(Evidence.task_id == task.id, Evidence.sha256 == digest)
    )
    if existing is not None:
        return StoredEvidence(existing, new=False)
    path = store_file(evidence_dir, content, suffix)
    evidence = Evidence(
        task_id=task.id,
        official_id=official.id,
        sha256=digest,
        size=len(content),
        mime_type=ALLOWED[suffix],
        original_name=PurePath(name).name[:300],
        stored_path=str(path),
        created_at=now,
    )
    session.add(evidence)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="evidence.add",
        entity="evidence",
        entity_id=evidence.id,
        after={"task_id": task.id, "sha256": digest, "name": evidence.original_name},
    )
    return StoredEvidence(evidence, new=True)


def checked_suffix(name: str, mime_type: str | None, content: bytes) -> str:
    """The file's suffix once it is known to be evidence we accept; BadFile otherwise."""
    problem = allowed_file(name, mime_type, len(content))
    if problem is None and not content:
        problem = EMPTY
    suffix = PurePath(name).suffix.lower()
    if problem is None and not content.startswith(SIGNATURES[suffix]):
        problem = WRONG_TYPE
    if problem is not None:
        raise BadFile(problem)
    refused = contents.problem(suffix, content)  # it opens as what its name says, no macros
    if refused is not None:
        raise BadFile(refused.message, **refused.params)
    return suffix


def store_file(evidence_dir: Path, content: bytes, suffix: str) -> Path:
    """The file under ``evidence_dir``, named by its SHA-256: the same bytes are kept once."""
    digest = hashlib.sha256(content).hexdigest()
    path = evidence_dir / digest[:2] / f"{digest}{suffix}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(path.suffix + ".part")
        partial.write_bytes(content)
        os.replace(partial, path)  # never a half-written file under the final name
    return path


def refusal(
    name: str, mime_type: str | None, size: int | None, content: bytes | None
) -> str | None:
    """Why a file the channel handed over cannot be stored, before touching the database:
    the channel fetches only allowed files, so a missing content says why by itself."""
    if content is not None:
        return None
    return allowed_file(name, mime_type, size) or NOT_FETCHED


def task_files(
    session: Session, official: Official, task_id: int, today: date
) -> list[tuple[Evidence, bytes]]:
    """The task's evidence files with their bytes, newest first, for anyone with a part in it
    (the coordinator checking a completion report, typically)."""
    task = load_task(session, task_id)
    require(session, official, Act.VIEW_FILES, task, today)
    rows = session.scalars(
        select(Evidence)
        .where(Evidence.task_id == task.id)
        .order_by(Evidence.created_at.desc(), Evidence.id.desc())
        .limit(MAX_SHOWN)
    ).all()
    files = []
    for row in rows:
        path = Path(row.stored_path)
        if path.is_file():
            files.append((row, path.read_bytes()))
    return files
