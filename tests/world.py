"""A world to talk to: the sample plan imported, officials registered through real invites."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo.channel import ZaloChannel
from bot.demo import SAMPLE_PLAN
from bot.settings import Settings
from bot.updates import process
from handlers.markup import to_plain
from handlers.messages import Attachment, Capabilities, Incoming, Reply, Sender
from models import Agency, Official, OfficialRole, Task
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from services.people import create_invite, redeem_invite
from services.plans import ImportReport, import_plan

VN = __import__("zoneinfo").ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_NOW = datetime(2026, 3, 25, 9, 0, tzinfo=VN)
# What each chat app can do, as its channel tells the handlers (the console here: plain).
CAPABILITIES = {"telegram": TelegramChannel.capabilities, "zalo": ZaloChannel.capabilities}


@dataclass
class World:
    app: App
    plan_id: int
    now: datetime
    _updates: int = field(default=0)

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        tmp_path: Path,
        now: datetime = DEFAULT_NOW,
        directory: AgencyDirectory | None = None,
        plan: Path = SAMPLE_PLAN,
    ) -> World:
        """A database holding the plan ``plan`` (the sample plan unless told), imported
        ``now``."""
        engine = sessions.kw["bind"]
        settings = Settings(
            database_url=str(engine.url), evidence_dir=tmp_path / "evidence", _env_file=None
        )
        world = cls(App(settings, engine, sessions), plan_id=0, now=now)
        world.app.clock = lambda: world.now
        if directory is not None:
            world.app.__dict__["directory"] = directory
        world.plan_id = world.import_plan(plan.read_bytes(), plan.name).plan_id
        return world

    def import_plan(self, data: bytes, name: str) -> ImportReport:
        """A plan document imported now, as `nhacviec plan import` would (an amended version
        of one already there updates it)."""
        imported = import_document(data, name, self.app.directory)
        with self.app.sessions.begin() as session:
            return import_plan(
                session,
                imported,
                source_name=name,
                sha256=hashlib.sha256(data).hexdigest(),
                directory=self.app.directory,
                now=self.now,
                actor="test",
            )

    def import_text(self, text: str, name: str) -> int:
        """Another plan, from its text (the sample plan edited, typically); its id."""
        return self.import_plan(text.encode(), name).plan_id

    def invite(self, agency_name: str, role: OfficialRole = OfficialRole.OFFICIAL) -> str:
        with self.app.sessions.begin() as session:
            agency = session.scalar(select(Agency).where(Agency.name == agency_name))
            if agency is None:
                # Named as a plan names it ("Văn phòng HĐND và UBND phường"): the directory's.
                known = self.app.directory.resolve(agency_name).agency
                if known is not None:
                    agency = session.scalar(select(Agency).where(Agency.key == known.key))
            assert agency is not None, agency_name
            return create_invite(
                session,
                agency=agency,
                role=role,
                now=self.now,
                valid_for=timedelta(days=7),
                created_by="test",
            ).code

    def register(
        self,
        user_id: str,
        agency_name: str,
        role: OfficialRole = OfficialRole.OFFICIAL,
        name: str = "Nguyễn Văn A",
        channel: str = "console",
        language: str = "vi",
    ) -> int:
        code = self.invite(agency_name, role)
        with self.app.sessions.begin() as session:
            official = redeem_invite(
                session,
                code=code,
                channel=channel,
                external_id=user_id,
                chat_id=user_id,
                display_name=name,
                language=language,
                now=self.now,
            )
            return official.id

    def task_id(self, slot: str) -> int:
        with self.app.sessions() as session:
            task_id = session.scalar(
                select(Task.id).where(Task.plan_id == self.plan_id, Task.slot == slot)
            )
            assert task_id is not None, slot
            return task_id

    def official(self, official_id: int) -> Official:
        with self.app.sessions() as session:
            official = session.get(Official, official_id)
            assert official is not None
            return official

    # Talking to the handlers as a channel would (no transport in between).

    def send(
        self,
        user_id: str,
        *,
        text: str | None = None,
        command: str | None = None,
        args: tuple[str, ...] = (),
        button: str | None = None,
        attachment: Attachment | None = None,
        chat_type: str = "private",
        chat_id: str | None = None,
        channel: str = "console",
        update_key: str | None = None,
    ) -> list[Reply] | None:
        self._updates += 1
        sender = Sender(
            channel=channel,
            user_id=user_id,
            chat_id=chat_id or user_id,
            display_name="Người dùng " + user_id,
            chat_type=chat_type,  # type: ignore[arg-type]
        )
        incoming = Incoming(
            sender=sender,
            update_key=update_key or f"u{self._updates}",
            command=command,
            args=args,
            text=text,
            button=button,
            attachment=attachment,
            capabilities=CAPABILITIES.get(channel, Capabilities()),
        )
        return process(self.app, incoming).replies


def text_of(replies: list[Reply] | None) -> str:
    """The replies' text as a person reads it (no HTML)."""
    assert replies is not None
    return "\n".join(to_plain(r.text) for r in replies)


def buttons_of(replies: list[Reply] | None) -> dict[str, str]:
    """The replies' buttons: label -> data."""
    assert replies is not None
    return {b.text: b.data for r in replies for row in r.buttons for b in row}
