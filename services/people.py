"""Who is who: invites (one-time codes, stored hashed), registration, and finding the sender."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from i18n import N_
from models import (
    Agency,
    AuditLog,
    ChannelAccount,
    ConversationState,
    Invite,
    Notification,
    NotificationStatus,
    Official,
    OfficialRole,
)
from services import audit
from services.errors import NotAllowed, UserError

__all__ = ["NotAllowed", "UserError"]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


class InviteError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


INVITE_UNKNOWN = N_("This invite code is not valid. Ask your coordinator for a new one.")
INVITE_USED = N_("This invite code has already been used.")
INVITE_EXPIRED = N_("This invite code has expired. Ask your coordinator for a new one.")
TOO_MANY_TRIES = N_(
    "Too many wrong codes from this chat. Wait a minute, then send the code your coordinator "
    "gave you."
)
# Codes cannot be guessed at a bot's speed: a chat gets a few wrong codes a minute, and every
# wrong one is in the audit log (who, which chat, why), the refused ones too.
TRIES_PER_WINDOW = 5
TRY_WINDOW = timedelta(minutes=1)
INVITE_FAILED = "invite.fail"
REASONS = {INVITE_UNKNOWN: "unknown", INVITE_USED: "used", INVITE_EXPIRED: "expired"}


@dataclass(frozen=True)
class NewInvite:
    code: str
    expires_at: datetime
    agency_name: str
    role: str


def hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def create_invite(
    session: Session,
    *,
    agency: Agency,
    role: OfficialRole,
    now: datetime,
    valid_for: timedelta,
    created_by: str,
    plan_id: int | None = None,
) -> NewInvite:
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    invite = Invite(
        code_hash=hash_code(code),
        agency_id=agency.id,
        role=role,
        plan_id=plan_id,
        created_by=created_by,
        created_at=now,
        expires_at=now + valid_for,
    )
    session.add(invite)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=created_by,
        action="invite.create",
        entity="invite",
        entity_id=invite.id,
        after={
            "agency": agency.name,
            "role": str(role),
            "expires_at": invite.expires_at.isoformat(),
        },
    )
    return NewInvite(code, invite.expires_at, agency.name, role)


def redeem_invite(
    session: Session,
    *,
    code: str,
    channel: str,
    external_id: str,
    chat_id: str,
    display_name: str | None,
    language: str,
    now: datetime,
) -> Official:
    """Link this chat account to a new official of the invite's agency and role. A wrong code
    is audited; after ``TRIES_PER_WINDOW`` of them in ``TRY_WINDOW`` the chat waits."""
    actor = f"{channel}:{external_id}"
    if _recent_failures(session, actor, now) >= TRIES_PER_WINDOW:
        _failed(session, actor, chat_id, "too many", now)
        raise InviteError(TOO_MANY_TRIES)
    invite = session.scalar(
        select(Invite).where(Invite.code_hash == hash_code(code)).with_for_update()
    )
    problem = None
    if invite is None:
        problem = INVITE_UNKNOWN
    elif invite.used_at is not None:
        problem = INVITE_USED
    elif invite.expires_at <= now:
        problem = INVITE_EXPIRED
    if problem is not None or invite is None:
        _failed(session, actor, chat_id, REASONS[problem or INVITE_UNKNOWN], now, invite)
        raise InviteError(problem or INVITE_UNKNOWN)
    if invite.role == LINK_ROLE:
        return _link_account(session, invite, channel, external_id, chat_id, display_name, now)
    account = find_account(session, channel, external_id)
    if account is not None:
        official = account.official
    else:
        official = Official(
            full_name=display_name or external_id,
            agency_id=invite.agency_id,
            role=invite.role,
            language=language,
            preferred_channel=channel,
            created_at=now,
        )
        session.add(official)
        session.flush()
        session.add(
            ChannelAccount(
                official_id=official.id,
                channel=channel,
                external_id=external_id,
                chat_id=chat_id,
                display_name=display_name,
                created_at=now,
            )
        )
    before = {"agency_id": official.agency_id, "role": official.role}
    official.agency_id, official.role, official.active = invite.agency_id, invite.role, True
    invite.used_at, invite.official_id = now, official.id
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"{channel}:{external_id}",
        actor_official_id=official.id,
        action="official.register",
        entity="official",
        entity_id=official.id,
        before=before if account is not None else None,
        after={"agency_id": invite.agency_id, "role": invite.role, "invite_id": invite.id},
    )
    session.refresh(official)
    return official


def _recent_failures(session: Session, actor: str, now: datetime) -> int:
    return (
        session.scalar(
            select(func.count(AuditLog.id)).where(
                AuditLog.actor == actor,
                AuditLog.action == INVITE_FAILED,
                AuditLog.at > now - TRY_WINDOW,
            )
        )
        or 0
    )


def _failed(
    session: Session,
    actor: str,
    chat_id: str,
    reason: str,
    now: datetime,
    invite: Invite | None = None,
) -> None:
    """A wrong invite code in the audit log: never the code itself, which may be one digit
    away from a good one."""
    session.add(
        AuditLog(
            at=now,
            actor=actor,
            action=INVITE_FAILED,
            entity="invite",
            entity_id=invite.id if invite is not None else None,
            after={"chat_id": chat_id, "reason": reason},
        )
    )
    session.flush()


LINK_ROLE = "link"  # an invite that adds a second chat app to an existing official
LINK_VALID_FOR = timedelta(minutes=30)
ALREADY_SOMEONE = N_("This chat account already belongs to another registered person.")


def create_link_code(session: Session, official: Official, now: datetime) -> NewInvite:
    """A one-time code that links a chat account on another app to this same official."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    invite = Invite(
        code_hash=hash_code(code),
        agency_id=official.agency_id,
        role=LINK_ROLE,
        official_id=official.id,
        created_by=f"official:{official.id}",
        created_at=now,
        expires_at=now + LINK_VALID_FOR,
    )
    session.add(invite)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="invite.link",
        entity="invite",
        entity_id=invite.id,
        after={"expires_at": invite.expires_at.isoformat()},
    )
    return NewInvite(code, invite.expires_at, official.agency.name, LINK_ROLE)


def _link_account(
    session: Session,
    invite: Invite,
    channel: str,
    external_id: str,
    chat_id: str,
    display_name: str | None,
    now: datetime,
) -> Official:
    official = session.get(Official, invite.official_id)
    if official is None:
        raise InviteError(INVITE_UNKNOWN)
    account = find_account(session, channel, external_id)
    if account is not None and account.official_id != official.id:
        raise InviteError(ALREADY_SOMEONE)
    if account is None:
        account = ChannelAccount(
            official_id=official.id,
            channel=channel,
            external_id=external_id,
            chat_id=chat_id,
            display_name=display_name,
            created_at=now,
        )
        session.add(account)
    invite.used_at = now
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"{channel}:{external_id}",
        actor_official_id=official.id,
        action="official.link",
        entity="channel_account",
        entity_id=account.id,
        after={"official_id": official.id, "channel": channel},
    )
    return official


# Read for every update: built once, run with its values (building and keying the statement
# cost as much as running it).
_ACCOUNT = (
    select(ChannelAccount)
    .where(
        ChannelAccount.channel == bindparam("channel"),
        ChannelAccount.external_id == bindparam("external_id"),
    )
    .options(joinedload(ChannelAccount.official).joinedload(Official.agency))
)


def find_account(session: Session, channel: str, external_id: str) -> ChannelAccount | None:
    return session.scalar(_ACCOUNT, {"channel": channel, "external_id": external_id})


# --- personal data (Nghị định 13/2023/NĐ-CP): removing a person keeps the facts, not the person

NO_SUCH_PERSON = N_("There is no person #%(id)d.")


@dataclass(frozen=True)
class Removed:
    official_id: int
    accounts: int


def pseudonym(official_id: int) -> str:
    return f"#{official_id}"


def everyone(session: Session) -> list[Official]:
    return list(
        session.scalars(
            select(Official)
            .order_by(Official.id)
            .options(joinedload(Official.agency), selectinload(Official.accounts))
        )
    )


def remove_person(session: Session, official_id: int, *, actor: str, now: datetime) -> Removed:
    """Delete the person's chat accounts (their ids and display names on Telegram and Zalo),
    replace their name by a pseudonym, end their conversations and cancel what waits to be sent
    to them. What they did stays, under the pseudonym: the audit log, their reports and files.
    Audit rows that named them by a chat id are rewritten to the pseudonymous actor."""
    official = session.get(Official, official_id)
    if official is None:
        raise UserError(NO_SUCH_PERSON, id=official_id)
    accounts = list(official.accounts)
    named = {f"{a.channel}:{a.external_id}" for a in accounts}
    anonymous = f"official:{official.id}"
    for row in session.scalars(select(AuditLog).where(AuditLog.actor.in_(named))):
        row.actor = anonymous
        if row.after and "chat_id" in row.after:
            row.after = {**row.after, "chat_id": anonymous}
    for account in accounts:
        session.execute(
            delete(ConversationState).where(
                ConversationState.channel == account.channel,
                ConversationState.external_id == account.external_id,
            )
        )
        session.delete(account)
    session.execute(
        update(Notification)
        .where(
            Notification.official_id == official.id,
            Notification.status == NotificationStatus.PENDING,
        )
        .values(status=NotificationStatus.CANCELLED)
    )
    before = {"active": official.active, "accounts": len(accounts)}
    official.full_name = pseudonym(official.id)
    official.active = False
    official.preferred_channel = None
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action="official.remove",
        entity="official",
        entity_id=official.id,
        before=before,  # never the name: the log would keep what the removal takes away
        after={"active": False, "name": pseudonym(official.id)},
    )
    return Removed(official.id, len(accounts))
