"""Alembic environment: migrate the engine the app hands over, or the configured database."""

from __future__ import annotations

from alembic import context

import models
from bot.db import make_engine
from bot.settings import get_settings

config = context.config
engine = config.attributes.get("engine") or make_engine(get_settings().database_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=models.Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
