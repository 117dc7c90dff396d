"""The application context: settings, the database (migrated on start) and the agency directory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, make_sessionmaker, upgrade
from bot.settings import Settings, get_settings
from planning.agencies import AgencyDirectory


@dataclass
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Callable[[], datetime] | None = None  # tests and `jobs run-once --at` set the time

    @cached_property
    def directory(self) -> AgencyDirectory:
        return AgencyDirectory.load(self.settings.agency_directory)

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(self.settings.tz)


def build_app(settings: Settings | None = None, *, migrate: bool = True) -> App:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    return App(settings=settings, engine=engine, sessions=make_sessionmaker(engine))
