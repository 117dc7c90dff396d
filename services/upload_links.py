"""One-time upload links: signed (HMAC), bound to an official and a task, 30 minutes, used once.

A token reads ``<official>.<task>.<expires>.<nonce>.<signature>``: the signature (HMAC-SHA256
with the operator's secret) covers the first four parts, and the database keeps only the
SHA-256 of the whole token, so neither a leaked table nor an edited link opens the page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from i18n import N_
from models import Official
from models.upload import UploadLink
from services import audit
from services.errors import NotAllowed, UserError
from services.review import require_lead
from services.tasks import load_task

LIFETIME = timedelta(minutes=30)
PATH = "/u/"  # the page's address under PUBLIC_BASE_URL
_PURPOSE = b"nhacviec upload link v1\n"  # the same secret signing something else never matches

LINK_INVALID = N_(
    "This link is not valid. Open the task in the chat and tap Send evidence to get a new link."
)
LINK_USED = N_(
    "This link has already been used. To send more files, tap Send evidence in the chat "
    "to get a new link."
)
LINK_EXPIRED = N_(
    "This link has expired: a link works for 30 minutes. Tap Send evidence in the chat "
    "to get a new link."
)
INACTIVE = N_("Your account is no longer active, so this link cannot be used.")


class LinkInvalid(UserError):
    """Not a link we signed: mistyped, cut short or edited."""


class LinkGone(UserError):
    """A link we signed that can no longer be used: used already, or expired."""


@dataclass(frozen=True)
class UploadLinks:
    """What signing and addressing links needs: the secret and the public address of the app."""

    secret: bytes
    base_url: str

    def signature(self, body: str) -> str:
        digest = hmac.new(self.secret, _PURPOSE + body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def url(self, token: str) -> str:
        return f"{self.base_url}{PATH}{token}"


@dataclass(frozen=True)
class IssuedLink:
    url: str
    token: str
    expires_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(
    session: Session, links: UploadLinks, official: Official, task_id: int, now: datetime
) -> IssuedLink:
    """A new link for ``official`` to send evidence for the task: only the lead agency's
    officials and focal points may (the same rule as evidence sent in the chat)."""
    task = load_task(session, task_id)
    require_lead(session, official, task, now.date())
    expires_at = now + LIFETIME
    body = ".".join(
        (
            str(official.id),
            str(task.id),
            str(int(expires_at.timestamp())),
            secrets.token_urlsafe(12),
        )
    )
    token = f"{body}.{links.signature(body)}"
    link = UploadLink(
        token_hash=token_hash(token),
        official_id=official.id,
        task_id=task.id,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(link)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="upload_link.issue",
        entity="upload_link",
        entity_id=link.id,
        after={"task_id": task.id, "expires_at": expires_at.astimezone(UTC).isoformat()},
    )
    return IssuedLink(url=links.url(token), token=token, expires_at=expires_at)


def open_link(session: Session, links: UploadLinks, token: str, now: datetime) -> UploadLink:
    """The link ``token`` names, if it may still be used: LinkInvalid for a token we did not
    sign, LinkGone for one used or expired, NotAllowed for an official no longer active."""
    parts = token.split(".")
    if len(parts) != 5 or not all(parts):
        raise LinkInvalid(LINK_INVALID)
    body, given = ".".join(parts[:4]), parts[4]
    if not hmac.compare_digest(given.encode(), links.signature(body).encode()):
        raise LinkInvalid(LINK_INVALID)
    link = session.scalar(select(UploadLink).where(UploadLink.token_hash == token_hash(token)))
    if link is None or (str(link.official_id), str(link.task_id)) != (parts[0], parts[1]):
        raise LinkInvalid(LINK_INVALID)  # signed, but not issued by this database
    if link.used_at is not None:
        raise LinkGone(LINK_USED)
    if now >= link.expires_at:
        raise LinkGone(LINK_EXPIRED)
    official = session.get(Official, link.official_id)
    if official is None or not official.active:
        raise NotAllowed(INACTIVE)
    return link


def claim(session: Session, links: UploadLinks, token: str, now: datetime) -> UploadLink:
    """Open the link and mark it used in the caller's transaction. Of two uploads racing on
    one link only one marks it (a conditional UPDATE); the other gets LinkGone. If the caller's
    transaction rolls back (a file refused), the link stays usable."""
    link = open_link(session, links, token, now)
    marked = session.execute(
        update(UploadLink)
        .where(UploadLink.id == link.id, UploadLink.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        raise LinkGone(LINK_USED)
    session.refresh(link)
    audit.record(
        session,
        at=now,
        actor=f"official:{link.official_id}",
        actor_official_id=link.official_id,
        action="upload_link.use",
        entity="upload_link",
        entity_id=link.id,
        before={"used_at": None},
        after={"used_at": now.astimezone(UTC).isoformat()},
    )
    return link
