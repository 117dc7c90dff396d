"""What a handler may use while it answers one event: the unit of work, the clock, the sender."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from handlers.messages import Incoming
from models import ChannelAccount, ConversationState, Official
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
        row.step, row.data, row.updated_at = step, data, self.now

    def clear_state(self) -> None:
        row = self._state_row()
        if row is not None:
            self.session.delete(row)


def state_row(
    session: Session, channel: str, chat_id: str, user_id: str
) -> ConversationState | None:
    """The conversation state of one person in one chat: the step, its data, the last choices."""
    return session.scalar(_STATE, {"channel": channel, "chat_id": chat_id, "user_id": user_id})


# Read for every update: built once, run with its values.
_STATE = select(ConversationState).where(
    ConversationState.channel == bindparam("channel"),
    ConversationState.chat_id == bindparam("chat_id"),
    ConversationState.external_id == bindparam("user_id"),
)
