"""`nhacviec run`: every chat app whose token is set, the evidence upload page when it is
configured, and the schedules, until interrupted."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from typing import Any
from urllib.parse import urlparse

from bot.app import App
from bot.channels.base import ChatApp

log = logging.getLogger(__name__)


def chat_apps(app: App) -> list[tuple[ChatApp, str | None, str | None]]:
    """(channel, webhook URL, webhook secret) for every chat app whose token is set."""
    settings = app.settings
    found: list[tuple[ChatApp, str | None, str | None]] = []
    if settings.telegram_bot_token is not None:
        from bot.channels import telegram

        channel: ChatApp = telegram.TelegramChannel(app, telegram.make_bot(app))
        url = settings.telegram_webhook_url
        secret = settings.telegram_webhook_secret
        assert not url or secret is not None, "TELEGRAM_WEBHOOK_SECRET must be set"
        found.append((channel, url, secret.get_secret_value() if url and secret else None))
    if settings.zalo_bot_token is not None:
        from bot.channels.zalo import channel as zalo

        channel = zalo.ZaloChannel(app, zalo.make_bot(app))
        url = settings.zalo_webhook_url
        found.append((channel, url, zalo.webhook_secret(app) if url else None))
    return found


async def run_channels(app: App, stop: asyncio.Event | None = None) -> None:
    stop = stop or _stop_on_signals()
    # The clients log every request URL at INFO, and a Bot API URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    routes: list[Any] = []
    tasks: list[asyncio.Task[None]] = []
    started: list[ChatApp] = []
    for channel, url, secret in chat_apps(app):
        await channel.start()
        started.append(channel)
        if url and secret:
            await channel.set_webhook(url, secret)
            routes.append(channel.webhook_route(urlparse(url).path or "/", secret))
        else:
            tasks.append(asyncio.create_task(channel.poll(stop)))
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
        leadership.release()
        for channel in started:
            await channel.stop()


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
