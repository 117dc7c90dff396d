"""Writing the audit log inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import AuditLog


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
    actor_official_id: int | None = None,
) -> None:
    session.add(
        AuditLog(
            at=at,
            actor=actor,
            actor_official_id=actor_official_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )
    )
