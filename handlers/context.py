"""What a handler may use while it answers one event: the unit of work, the clock, the sender."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import Session, joinedload

from handlers.messages import Incoming, Sender
from models import Agency, ChannelAccount, ConversationState, Official
from models.base import planned_once
from planning.agencies import AgencyDirectory
from services.preferences import DigestTimes
from services.upload_links import UploadLinks


@dataclass
class Context:
    session: Session
    now: datetime
    incoming: Incoming
    account: ChannelAccount | None
    directory: AgencyDirectory
    evidence_dir: Path
    upload_links: UploadLinks | None = None  # None: no upload page here
    digest_times: DigestTimes = field(default_factory=DigestTimes)  # the policy's, for /caidat
    in_step: bool = False  # the event is answered by a conversation step's handler

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def official(self) -> Official | None:
        if self.account is None or not self.account.official.active:
            return None
        return self.account.official

    # Multi-step conversations keep their step in the database, so a restart loses nothing.

    def _state_row(self) -> ConversationState | None:
        sender = self.incoming.sender
        return state_row(self.session, sender.channel, sender.chat_id, sender.user_id)

    def _keep(self, row: ConversationState | None) -> None:
        sender = self.incoming.sender
        keep_state_row(self.session, sender.channel, sender.chat_id, sender.user_id, row)

    def state(self) -> tuple[str, dict[str, object]] | None:
        row = self._state_row()
        if row is None or not row.step:  # a row may hold only a channel's last menu
            return None
        return row.step, {k: v for k, v in row.data.items() if not k.startswith("_")}

    def set_state(self, step: str, **data: object) -> None:
        row = self._state_row()
        sender = self.incoming.sender
        if row is None:
            row = ConversationState(
                channel=sender.channel, chat_id=sender.chat_id, external_id=sender.user_id
            )
            self.session.add(row)
            self._keep(row)
        row.step, row.data, row.updated_at = step, data, self.now

    def clear_state(self) -> None:
        row = self._state_row()
        if row is not None:
            self.session.delete(row)
            self._keep(None)


def find_sender(session: Session, sender: Sender) -> ChannelAccount | None:
    """The sender's account, with its official and agency, and their conversation state in
    this chat read in the same statement: the two reads every update makes, in one round
    trip."""
    found = session.execute(
        _SENDER, {"channel": sender.channel, "chat_id": sender.chat_id, "user_id": sender.user_id}
    ).first()
    if found is None:
        return None  # no account: the state is read if it is asked for
    account, state = found
    keep_state_row(session, sender.channel, sender.chat_id, sender.user_id, state)
    return account


def state_row(
    session: Session, channel: str, chat_id: str, user_id: str
) -> ConversationState | None:
    """The conversation state of one person in one chat: the step, its data, the last choices.
    Read once in a unit of work: whoever adds or deletes the row says so (``keep_state_row``)."""
    key = _state_key(channel, chat_id, user_id)
    if key not in session.info:
        values = {"channel": channel, "chat_id": chat_id, "user_id": user_id}
        session.info[key] = session.scalar(_STATE, values)
    row: ConversationState | None = session.info[key]
    return row


def keep_state_row(
    session: Session, channel: str, chat_id: str, user_id: str, row: ConversationState | None
) -> None:
    """The state row this unit of work has added (or None: deleted, or found to be none)."""
    session.info[_state_key(channel, chat_id, user_id)] = row


def _state_key(channel: str, chat_id: str, user_id: str) -> tuple[str, str, str, str]:
    return ("conversation_state", channel, chat_id, user_id)


# The sender's agency, and the one that answers for it after a merger (``own_agency``): what
# a list, a count or a card checks, read with the account rather than by a query of its own.
_AGENCY = (
    joinedload(ChannelAccount.official).joinedload(Official.agency).joinedload(Agency.successor)
)
# Read for every update: built once, run with its values, planned once (rows by their keys).
_STATE = planned_once(
    select(ConversationState).where(
        ConversationState.channel == bindparam("channel"),
        ConversationState.chat_id == bindparam("chat_id"),
        ConversationState.external_id == bindparam("user_id"),
    )
)
_SENDER = planned_once(
    select(ChannelAccount, ConversationState)
    .outerjoin(
        ConversationState,
        and_(
            ConversationState.channel == ChannelAccount.channel,
            ConversationState.external_id == ChannelAccount.external_id,
            ConversationState.chat_id == bindparam("chat_id"),
        ),
    )
    .where(
        ChannelAccount.channel == bindparam("channel"),
        ChannelAccount.external_id == bindparam("user_id"),
    )
    .options(_AGENCY)
)
