"""`nhacviec run`: start every channel whose token is set, until interrupted."""

from __future__ import annotations

import asyncio
import gc
import hmac
import logging
import signal
from urllib.parse import urlparse

from telegram import Update

from bot.app import App
from bot.telegram import ALLOWED_UPDATES, TelegramChannel, make_bot

log = logging.getLogger(__name__)


async def run_channels(app: App, stop: asyncio.Event | None = None) -> None:
    stop = stop or _stop_on_signals()
    # What start-up built lives as long as the process: keep it out of the collector's
    # generations, so full collections stay short while people wait for answers.
    gc.collect()
    gc.freeze()
    telegram = TelegramChannel(app, make_bot(app))
    await telegram.start()
    try:
        if app.settings.telegram_webhook_url:
            await _serve_webhook(app, telegram, stop)
        else:
            await telegram.poll(stop)
    finally:
        await telegram.stop()


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def _serve_webhook(app: App, telegram: TelegramChannel, stop: asyncio.Event) -> None:
    """Telegram posts each update; the answer is sent only after its unit of work committed,
    and a request without Telegram's secret-token header is refused."""
    import uvicorn
    from starlette.applications import Starlette
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

    path = urlparse(url).path or "/"
    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=[Route(path, receive, methods=["POST"])]),
            host=app.settings.listen_host,
            port=app.settings.listen_port,
            log_level="warning",
        )
    )
    await telegram.bot.set_webhook(url, secret_token=expected, allowed_updates=ALLOWED_UPDATES)
    serving = asyncio.create_task(server.serve())
    await stop.wait()
    server.should_exit = True
    await serving
