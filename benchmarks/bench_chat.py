"""Chat latency as a multiple of the floor: with 10,000 tasks and 2,000 officials, the time
from a "/nhiemvu" update to its reply, from a task-card button to the card, and from a
question typed in words ("việc quá hạn quý 1", "nv III.12 tới đâu rồi") to its answer, through
the real Telegram client and a local fake Bot API, divided by the same time for a bot that only
echoes (the floor of polling and sending on this machine, measured in the same run through
the same fake, interleaved with the others). Goals: p50 at most 2x and p99 at most 3x the
floor's, on SQLite and, where a server is named (BENCH_DATABASE_URL or TEST_DATABASE_URL), on
PostgreSQL.

Each figure runs from the moment the update is queued at the fake server to the moment the
server has answered the bot's sendMessage: the long poll's hand-over, the handling and the
HTTP round trips are all inside it.

Beside them, "/help" is measured the same way: a fixed answer, but through the whole unit of
work every update goes through (the processed-update ledger that makes a second delivery change
nothing, the sender's account, the commit) and a reply with its menu. It is the floor of any
answer that reads the database, and shows how much of each ratio is that floor.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import select
from telegram import Update

from benchmarks.bench_import import generated_plan
from benchmarks.common import Result, percentile, postgres_server, scratch_postgres
from bot.app import App
from bot.channels.telegram import TelegramChannel, make_bot
from bot.db import make_engine, make_sessionmaker, settle, upgrade
from bot.settings import Settings
from handlers import actions
from models import Assignment, Official, OfficialRole, Role, Task
from planning.agencies import AgencyDirectory
from planning.importer import import_document
from services.agencies import sync_directory
from services.people import create_invite, redeem_invite
from services.plans import import_plan
from tests.fakes import FakeTelegram

TASKS = 10_000
OFFICIALS = 2_000
SAMPLES = 300
ECHO = "/echo"
# Questions officials type, asked in turn: a list of their agency's tasks over a period, a
# task by its number, a count, the week's deadlines. The plan's reader is built by the first
# question before the measuring starts (``bench_intent`` measures building one).
QUESTIONS = (
    "việc quá hạn quý 1",
    "nv III.12 tới đâu rồi",
    "việc của mình còn bao nhiêu việc chưa xong",
    "tuần sau đến hạn những gì",
)
NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)


def _populate(app: App, directory: AgencyDirectory) -> list[tuple[int, int]]:
    """The plan and the officials; returns (telegram user id, a task id its agency leads)."""
    agencies = [a.name for a in directory.agencies() if not a.is_group and a.level == "department"]
    data = generated_plan(TASKS, agencies)
    with app.sessions.begin() as session:
        import_plan(
            session,
            import_document(data, "plan.txt", directory),
            source_name="plan.txt",
            sha256="bench",
            directory=directory,
            now=NOW,
            actor="bench",
        )
        rows = sync_directory(session, directory)
        people: list[tuple[int, int]] = []
        by_name = {a.name: rows[a.key] for a in directory.agencies()}
        for n in range(OFFICIALS):
            agency = by_name[agencies[n % len(agencies)]]
            invite = create_invite(
                session,
                agency=agency,
                role=OfficialRole.OFFICIAL,
                now=NOW,
                valid_for=timedelta(days=1),
                created_by="bench",
            )
            user = 100_000 + n
            redeem_invite(
                session,
                code=invite.code,
                channel="telegram",
                external_id=str(user),
                chat_id=str(user),
                display_name=f"Cán bộ {n}",
                language="vi",
                now=NOW,
            )
            task_id = session.scalar(
                select(Task.id)
                .join(Assignment)
                .where(Assignment.agency_id == agency.id, Assignment.role == Role.LEAD)
                .limit(1)
            )
            people.append((user, int(task_id or 0)))
        assert session.scalar(select(Official.id).limit(1)) is not None
    return people


class EchoingChannel(TelegramChannel):
    """The real channel, except that "/echo" is answered at once, untouched by the handlers
    and the database: the floor every answer stands on."""

    async def handle(self, update: Update) -> None:
        message = update.message
        if message is not None and message.text == ECHO:
            await self.bot.send_message(message.chat.id, ECHO)
            return
        await super().handle(update)


async def _measure(
    app: App, tg: FakeTelegram, people: list[tuple[int, int]]
) -> dict[str, list[float]]:
    channel = EchoingChannel(app, make_bot(app))
    await channel.start()
    stop = asyncio.Event()
    polling = asyncio.create_task(channel.poll(stop, timeout=5))
    timings: dict[str, list[float]] = {k: [] for k in ("echo", "help", "list", "card", "question")}
    start = time.monotonic()
    tg.push_text(people[0][0], people[0][0], QUESTIONS[0])
    await tg.wait_for(lambda c: c.method == "sendMessage" and c.time >= start, timeout=120)
    gc.collect()
    gc.freeze()  # as `nhacviec run` does once started
    try:
        for i in range(SAMPLES):
            user, task_id = people[(i * 37) % len(people)]
            for kind in timings:
                start = time.monotonic()
                if kind == "echo":
                    tg.push_command(user, user, ECHO)
                elif kind == "help":
                    tg.push_command(user, user, "/help")
                elif kind == "list":
                    tg.push_command(user, user, "/nhiemvu")
                elif kind == "card":
                    tg.push_callback(user, user, actions.CARD.data(task_id), 1)
                else:
                    tg.push_text(user, user, QUESTIONS[i % len(QUESTIONS)])
                # A minute: a reply that stalls is a figure to report, not a reason to stop.
                call = await tg.wait_for(
                    lambda c, s=start: c.method == "sendMessage" and c.time >= s,
                    timeout=60,
                )
                timings[kind].append((call.time - start) * 1000)
    finally:
        stop.set()
        await polling
        await channel.stop()
    return timings


def _on(database_url: str, directory: AgencyDirectory) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as folder, FakeTelegram() as tg:
        settings = Settings(
            database_url=database_url.replace("{folder}", folder),
            evidence_dir=Path(folder) / "evidence",
            telegram_bot_token=SecretStr(tg.token),
            telegram_api_base_url=tg.url,
            _env_file=None,  # type: ignore[call-arg]
        )
        engine = make_engine(settings.database_url)
        upgrade(engine)
        app = App(settings, engine, make_sessionmaker(engine), clock=lambda: NOW)
        app.__dict__["directory"] = directory
        people = _populate(app, directory)
        settle(engine)  # as `nhacviec plan import` does once a plan is in
        try:
            return asyncio.run(_measure(app, tg, people))
        finally:
            engine.dispose()


def _results(backend: str, timings: dict[str, list[float]]) -> list[Result]:
    floor = timings["echo"]
    floor50, floor99 = statistics.median(floor), percentile(floor, 0.99)
    results = [
        Result(f"[{backend}] echo floor, p50", floor50, "ms", None),
        Result(f"[{backend}] echo floor, p99", floor99, "ms", None),
    ]
    slowest: list[float] = []
    for kind, label, goals in (
        ("help", '"/help" (the unit of work\'s floor)', (None, None)),
        ("list", '"/nhiemvu" to reply', (2, 3)),
        ("card", "task-card button to card", (2, 3)),
        ("question", "question in words to answer", (2, 3)),
    ):
        values = timings[kind]
        p50, p99 = statistics.median(values), percentile(values, 0.99)
        slowest.append(max(values))
        results.append(
            Result(f"[{backend}] {label}, p50 ({p50:.1f} ms)", p50 / floor50, "x floor", goals[0])
        )
        results.append(
            Result(f"[{backend}] {label}, p99 ({p99:.1f} ms)", p99 / floor99, "x floor", goals[1])
        )
    each = " / ".join(f"{ms:.0f}" for ms in slowest)
    results.append(Result(f"[{backend}] slowest of the four ({each} ms)", max(slowest), "ms", None))
    return results


def run() -> list[Result]:
    directory = AgencyDirectory.load()
    results = _results("sqlite", _on("sqlite:///{folder}/chat.db", directory))
    server = postgres_server()
    if server:
        with scratch_postgres(server) as url:
            results += _results("postgresql", _on(url, directory))
    return results
