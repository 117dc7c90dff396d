"""The application context: settings, the database (migrated on start), and the values built
from settings that the layers below receive (the agency directory, the upload-link signer,
the schedules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, make_sessionmaker, upgrade
from bot.settings import Settings, get_settings
from jobs.digest import DigestSchedule
from jobs.policy import Policy, load_policy
from jobs.scheduler import Schedules
from planning.agencies import AgencyDirectory
from services.preferences import DigestTimes
from services.upload_links import UploadLinks
from web.upload import Site


@dataclass
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Callable[[], datetime] | None = None  # tests and `jobs run-once --at` set the time

    @cached_property
    def directory(self) -> AgencyDirectory:
        return AgencyDirectory.load(self.settings.agency_directory)

    @property
    def upload_links(self) -> UploadLinks | None:
        """None where the operator has not set both UPLOAD_LINK_SECRET and PUBLIC_BASE_URL."""
        secret, base = self.settings.upload_link_secret, self.settings.public_base_url
        if secret is None or not base:
            return None
        return UploadLinks(secret=secret.get_secret_value().encode(), base_url=base.rstrip("/"))

    @cached_property
    def policy(self) -> Policy:
        return load_policy(self.settings.nudge_policy)

    @property
    def digest_times(self) -> DigestTimes:
        """When a person may have their daily digest, and when they get it by default."""
        return DigestTimes(self.policy.working_hours, self.policy.digest_at)

    @property
    def schedules(self) -> Schedules:
        settings = self.settings
        return Schedules(
            tz=settings.tz,
            policy=self.policy,
            digest=DigestSchedule(weekday=settings.digest_weekday, at=settings.digest_at),
            language=settings.default_language,
        )

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(self.settings.tz)

    def upload_site(self) -> Site:
        """The evidence upload page's values; UPLOAD_LINK_SECRET and PUBLIC_BASE_URL must be set."""
        links = self.upload_links
        if links is None:
            raise ValueError(
                "UPLOAD_LINK_SECRET and PUBLIC_BASE_URL must be set for the upload page"
            )
        return Site(self.sessions, links, self.settings.evidence_dir, self.now)


def build_app(settings: Settings | None = None, *, migrate: bool = True) -> App:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    return App(settings=settings, engine=engine, sessions=make_sessionmaker(engine))
