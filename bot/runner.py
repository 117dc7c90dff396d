"""`nhacviec run`: every chat app whose token is set, the evidence upload page when it is
configured, and the schedules, until interrupted.

A chat app that cannot be reached at start (its API is down, the network is not up yet) is
tried again with a growing pause while everything else runs: the schedules queue, the upload
page serves, the other app answers; its webhook answers 503 meanwhile, so the platform keeps
the updates and posts them again later. Settings that cannot work (a webhook without a
proper secret) stop the start with a clear message (`NotConfigured`).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import random
import signal
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from bot.app import App
from bot.channels.base import ChatApp, checked_secret
from jobs.dispatch import Backoff

log = logging.getLogger(__name__)

# The pause before connecting again: 1 s, doubling up to a minute, with jitter.
RECONNECT = Backoff(base=timedelta(seconds=1), cap=timedelta(minutes=1))


@dataclass(frozen=True)
class Setup:
    """One chat app to run: by webhook at ``url`` with ``secret``, or by long polling."""

    channel: ChatApp
    url: str | None = None
    secret: str | None = None
    poll_timeout: int = 25  # seconds a long poll waits for an update


def chat_apps(app: App) -> list[Setup]:
    """Every chat app whose token is set; NotConfigured when its webhook cannot be used."""
    settings = app.settings
    found: list[Setup] = []
    if settings.telegram_bot_token is not None:
        from bot.channels import telegram

        url = settings.telegram_webhook_url
        secret = (
            checked_secret(
                "TELEGRAM_WEBHOOK_SECRET",
                "TELEGRAM_WEBHOOK_URL",
                settings.telegram_webhook_secret,
            )
            if url
            else None
        )
        found.append(Setup(telegram.TelegramChannel(app, telegram.make_bot(app)), url, secret))
    if settings.zalo_bot_token is not None:
        from bot.channels.zalo import channel as zalo

        url = settings.zalo_webhook_url
        secret = zalo.webhook_secret(app) if url else None
        found.append(Setup(zalo.ZaloChannel(app, zalo.make_bot(app)), url, secret))
    return found


async def run_channels(
    app: App, stop: asyncio.Event | None = None, reconnect: Backoff = RECONNECT
) -> None:
    setups = chat_apps(app)  # before anything starts: a setting that cannot work stops here
    stop = stop or _stop_on_signals()
    # The clients log every request URL at INFO, and a Bot API URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    routes: list[Any] = []
    tasks: list[asyncio.Task[None]] = []
    for setup in setups:
        if setup.url and setup.secret:
            path = urlparse(setup.url).path or "/"
            routes.append(setup.channel.webhook_route(path, setup.secret))
        tasks.append(asyncio.create_task(keep_running(setup, stop, reconnect)))
    if app.settings.public_base_url:
        from web.images import image_route

        routes.append(image_route(app.sessions, app.now))  # photos Zalo takes by URL
    health = _health(app, routes)
    if app.upload_links is not None:
        from starlette.routing import Mount

        from web.upload import create_app

        routes.append(Mount("", app=create_app(app.upload_site())))
    if routes:
        tasks.append(asyncio.create_task(_serve(app, routes, stop)))

    from jobs.scheduler import start_scheduler

    scheduler, leadership = start_scheduler(app.engine, app.sessions, app.now, app.schedules)
    health.leads_here = leadership.holds
    # What start-up built lives as long as the process: keep it out of the collector's
    # generations, so full collections stay short while people wait for answers.
    gc.collect()
    gc.freeze()
    try:
        await stop.wait()
        await asyncio.gather(*tasks)
    finally:
        scheduler.shutdown(wait=False)
        await asyncio.to_thread(leadership.release)
        for setup in setups:
            await setup.channel.stop()


async def keep_running(setup: Setup, stop: asyncio.Event, reconnect: Backoff = RECONNECT) -> None:
    """Connect the app, set its webhook or poll it, until ``stop``; whatever fails on the way
    (the platform cannot be reached, answers 5xx, refuses the token) is tried again after a
    pause of ``reconnect``, which grows with each failure in a row."""
    channel = setup.channel
    rng = random.Random()
    failures = 0
    while not stop.is_set():
        try:
            if not channel.connected:
                await channel.start()
                log.info("%s: connected", channel.name)
                failures = 0
            if setup.url and setup.secret:
                await channel.set_webhook(setup.url, setup.secret)
                await stop.wait()
            else:
                await channel.poll(stop, timeout=setup.poll_timeout)
            return
        except Exception as error:
            failures += 1
            pause = reconnect.delay(failures, rng).total_seconds()
            # The error's text, never its traceback: a client's may quote the URL, token and all.
            log.warning(
                "%s: %s (%s); trying again in %.1f s",
                channel.name,
                "cannot be reached" if not channel.connected else "stopped",
                type(error).__name__,
                pause,
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)


def _health(app: App, routes: list[Any]) -> Any:
    """``GET /healthz`` on LISTEN_HOST:LISTEN_PORT, served whatever else is (web.health)."""
    from web.health import Health, route

    health = Health(app.engine, app.now)
    routes.append(route(health))
    return health


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def _serve(app: App, routes: list[Any], stop: asyncio.Event) -> None:
    """One web server for the webhooks and the upload page, on LISTEN_HOST:LISTEN_PORT."""
    import uvicorn
    from starlette.applications import Starlette

    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=routes),
            host=app.settings.listen_host,
            port=app.settings.listen_port,
            log_level="warning",
        )
    )
    serving = asyncio.create_task(server.serve())
    await stop.wait()
    server.should_exit = True
    await serving
