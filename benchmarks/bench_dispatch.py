"""Outbox delivery: 5,000 officials each due one nudge, dispatched through the real Telegram
client to a local fake Bot API that enforces Telegram's flood limits (30 a second overall, one
a second per chat, 20 a minute per group) and answers 429 when they are broken.

Goals: the achieved rate at least 95% of 30 a second, and not one 429. The rate is measured
at the server, between the first and the last accepted message. At 30 a second this takes
about 170 s; ``BENCH_DISPATCH_COUNT`` sets a smaller count for a quick run.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import SecretStr

from benchmarks.common import Result
from bot.app import App
from bot.channels.telegram import TelegramChannel, make_bot
from bot.db import make_engine, make_sessionmaker, upgrade
from bot.settings import Settings
from jobs.dispatch import Dispatcher
from jobs.ratelimit import TELEGRAM, RateLimiter
from models import ChannelAccount, Official, OfficialRole
from planning.agencies import AgencyDirectory
from services import outbox
from services.agencies import sync_directory
from services.messages import OutboxMessage
from tests.fakes import FakeTelegram, RateLimits

COUNT = int(os.environ.get("BENCH_DISPATCH_COUNT", "5000"))
TELEGRAM_RATE = 30.0
NOW = datetime(2026, 5, 20, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội: the morning's nudges


def _populate(app: App, directory: AgencyDirectory, count: int) -> None:
    """``count`` officials on Telegram across the departments, each with one nudge queued."""
    with app.sessions.begin() as session:
        rows = sync_directory(session, directory)
        agencies = [rows[a.key] for a in directory.agencies() if not a.is_group]
        officials = []
        for n in range(count):
            official = Official(
                full_name=f"Cán bộ {n}",
                agency_id=agencies[n % len(agencies)].id,
                role=OfficialRole.FOCAL,
                language="vi",
                preferred_channel="telegram",
                created_at=NOW,
            )
            user = str(200_000 + n)
            official.accounts.append(
                ChannelAccount(channel="telegram", external_id=user, chat_id=user, created_at=NOW)
            )
            officials.append(official)
        session.add_all(officials)
        session.flush()
        for n, official in enumerate(officials):
            outbox.enqueue(
                session,
                official_id=official.id,
                kind="before_1",
                key=f"bench:before_1:{official.id}",
                message=OutboxMessage(
                    f"Nhắc hạn: nhiệm vụ <b>số {n}</b> đến hạn <b>Thứ Năm, 21/05/2026</b>"
                ),
                now=NOW,
            )


async def _dispatch(app: App, count: int) -> tuple[int, float]:
    """Drain until every nudge is sent (a 429'd row comes back after retry_after)."""
    channel = TelegramChannel(app, make_bot(app))
    await channel.bot.initialize()
    start = time.monotonic()
    app.clock = lambda: NOW + timedelta(seconds=time.monotonic() - start)
    dispatcher = Dispatcher(
        app.sessions, channel, clock=app.now, limiter=RateLimiter(TELEGRAM), batch=200
    )
    sent = 0
    try:
        while sent < count and time.monotonic() - start < count / 10:
            sent += (await dispatcher.drain()).sent
            if sent < count:
                await asyncio.sleep(0.5)
        return sent, time.monotonic() - start
    finally:
        await channel.bot.shutdown()


def run() -> list[Result]:
    directory = AgencyDirectory.load()
    with tempfile.TemporaryDirectory() as folder, FakeTelegram(rate_limits=RateLimits()) as tg:
        settings = Settings(
            database_url=f"sqlite:///{folder}/dispatch.db",
            evidence_dir=Path(folder) / "evidence",
            telegram_bot_token=SecretStr(tg.token),
            telegram_api_base_url=tg.url,
            _env_file=None,  # type: ignore[call-arg]
        )
        engine = make_engine(settings.database_url)
        upgrade(engine)
        app = App(settings, engine, make_sessionmaker(engine), clock=lambda: NOW)
        app.__dict__["directory"] = directory
        _populate(app, directory, COUNT)
        sent, seconds = asyncio.run(_dispatch(app, COUNT))
        accepted = [c.time for c in tg.calls_to("sendMessage") if c.ok]
        refused = tg.rate_limited_count
        engine.dispose()
    rate = (len(accepted) - 1) / (accepted[-1] - accepted[0]) if len(accepted) > 1 else 0.0
    return [
        Result(
            f"outbox of {COUNT:,} nudges: rate as a share of 30/s",
            rate / TELEGRAM_RATE,
            "of limit",
            0.95,
            lower_is_better=False,
        ),
        Result(f"outbox of {COUNT:,} nudges: 429 answers", refused, "429s", 0),
        Result(f"outbox of {COUNT:,} nudges: not sent", COUNT - sent, "messages", 0),
        Result(f"outbox of {COUNT:,} nudges: time to drain", seconds, "s", COUNT / 28.5),
    ]


if __name__ == "__main__":
    for result in run():
        print(result.line())
