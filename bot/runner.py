"""`nhacviec run`: every channel whose token is set, the evidence upload page when it is
configured, and the schedules, until interrupted."""

from __future__ import annotations

import asyncio
import gc
import hmac
import logging
import signal
from typing import Any
from urllib.parse import urlparse

from telegram import Update

from bot.app import App
from bot.telegram import ALLOWED_UPDATES, TelegramChannel, make_bot

log = logging.getLogger(__name__)


async def run_channels(app: App, stop: asyncio.Event | None = None) -> None:
    stop = stop or _stop_on_signals()
    settings = app.settings
    # The clients log every request URL at INFO, and a Bot API URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    routes: list[Any] = []
    tasks: list[asyncio.Task[None]] = []
    started: list[Any] = []
    if settings.telegram_bot_token is not None:
        telegram = TelegramChannel(app, make_bot(app))
        await telegram.start()
        started.append(telegram)
        if settings.telegram_webhook_url:
            routes.append(await _telegram_webhook(app, telegram))
        else:
            tasks.append(asyncio.create_task(telegram.poll(stop)))
    if settings.zalo_bot_token is not None:
        from bot import zalo

        channel = zalo.ZaloChannel(app, zalo.make_bot(app))
        await channel.start()
        started.append(channel)
        if settings.zalo_webhook_url:
            secret = zalo.webhook_secret(app)
            await channel.bot.set_webhook(settings.zalo_webhook_url, secret)
            path = urlparse(settings.zalo_webhook_url).path or "/"
            routes.append(zalo.webhook_route(channel, path, secret))
        else:
            tasks.append(asyncio.create_task(channel.poll(stop)))
    if app.upload_links is not None:
        from starlette.routing import Mount

        from web.upload import create_app

        routes.append(Mount("", app=create_app(app.upload_site())))
    if routes:
        tasks.append(asyncio.create_task(_serve(app, routes, stop)))

    from jobs.scheduler import start_scheduler

    scheduler, leadership = start_scheduler(app.engine, app.sessions, app.now, app.schedules)
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


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def _telegram_webhook(app: App, telegram: TelegramChannel) -> Any:
    """Telegram posts each update; the answer is sent only after its unit of work committed,
    and a request without Telegram's secret-token header is refused."""
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    url = app.settings.telegram_webhook_url
    secret = app.settings.telegram_webhook_secret
    assert url is not None and secret is not None, "TELEGRAM_WEBHOOK_SECRET must be set"
    expected = secret.get_secret_value()

    async def receive(request: Request) -> Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        try:
            update = Update.de_json(await request.json(), telegram.bot)
        except ValueError:
            return Response(status_code=400)
        await telegram.handle(update)
        return Response(status_code=200)

    await telegram.bot.set_webhook(url, secret_token=expected, allowed_updates=ALLOWED_UPDATES)
    return Route(urlparse(url).path or "/", receive, methods=["POST"])


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
