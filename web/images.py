"""``GET /img/<token>``: an image published for a chat app that takes photos by URL (Zalo),
served while its address is valid (``services.public_images``), else 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from services import public_images

HEADERS = {
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
}


def image_route(sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> Route:
    def read(token: str) -> tuple[bytes, str] | None:
        with sessions() as session:
            return public_images.find(session, token, clock())

    async def endpoint(request: Request) -> Response:
        found = await run_in_threadpool(read, request.path_params["token"])
        if found is None:
            return Response(status_code=404, headers=HEADERS)
        content, mime_type = found
        return Response(content, media_type=mime_type, headers=HEADERS)

    return Route(public_images.PATH + "{token}", endpoint, methods=["GET"])
