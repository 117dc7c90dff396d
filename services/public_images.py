"""Images served at an unguessable, expiring address under PUBLIC_BASE_URL, for the chat apps
that take a photo only by URL (Zalo's sendPhoto): the weekly digest's chart.

The address carries 32 random bytes; the database keeps only their SHA-256, so neither a
leaked table nor a guess opens one. An image is served until ``LIFETIME`` has passed, and
expired ones are deleted when a new one is published.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import PublicImage

LIFETIME = timedelta(days=7)  # Zalo fetches the photo when it is sent, and again when shown
PATH = "/img/"


def publish(session: Session, content: bytes, mime_type: str, base_url: str, now: datetime) -> str:
    """Keep ``content`` for ``LIFETIME`` and return its address under ``base_url``."""
    session.execute(delete(PublicImage).where(PublicImage.expires_at <= now))
    token = secrets.token_urlsafe(32)
    session.add(
        PublicImage(
            token_hash=_hash(token),
            content=content,
            mime_type=mime_type,
            created_at=now,
            expires_at=now + LIFETIME,
        )
    )
    session.flush()
    return f"{base_url.rstrip('/')}{PATH}{token}"


def find(session: Session, token: str, now: datetime) -> tuple[bytes, str] | None:
    """The image ``token`` names and its type, None if there is none or it has expired."""
    row = session.scalar(select(PublicImage).where(PublicImage.token_hash == _hash(token)))
    if row is None or row.expires_at <= now:
        return None
    return row.content, row.mime_type


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
