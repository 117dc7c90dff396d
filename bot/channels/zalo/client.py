"""Our client of the Zalo Bot Platform API on httpx: ``<base>/bot<TOKEN>/<method>``, JSON in,
``{"ok", "result"}`` out. Facts about the platform and what is unconfirmed:
docs/MESSAGING_APIS.md, section 1."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlparse

import httpx

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"


class ZaloError(Exception):
    """A call that did not succeed; never carries the token (it is part of the URL)."""


class ZaloNetworkError(ZaloError):
    """No answer: the connection failed or timed out."""


class ZaloTimeout(ZaloNetworkError):
    """No answer in time (for a long poll: nothing happened)."""


class ZaloApiError(ZaloError):
    """The platform answered ``ok: false`` (with HTTP 200 or with the error's own status)."""

    def __init__(self, method: str, error_code: int, description: str) -> None:
        super().__init__(f"{method}: {error_code} {description}")
        self.method = method
        self.error_code = error_code
        self.description = description


class ZaloBot:
    """``<base>/bot<TOKEN>/<method>``, JSON in, ``{"ok", "result"}`` out."""

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._prefix = f"{base_url.rstrip('/')}/bot{token}"
        self._timeout = timeout
        self._client = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(
        self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None
    ) -> Any:
        """The ``result`` of ``method``; raises ZaloApiError or ZaloNetworkError."""
        try:
            response = await self._client.post(
                f"{self._prefix}/{method}", json=params or {}, timeout=timeout or self._timeout
            )
        except httpx.TimeoutException as error:
            raise ZaloTimeout(f"{method}: {type(error).__name__}") from None
        except httpx.HTTPError as error:
            raise ZaloNetworkError(f"{method}: {type(error).__name__}") from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("ok") is True and response.is_success:
            return body.get("result")
        code = body.get("error_code") if isinstance(body, dict) else None
        if not isinstance(code, int) or isinstance(code, bool):
            code = response.status_code if not response.is_success else 0
        description = body.get("description") if isinstance(body, dict) else None
        raise ZaloApiError(method, code, str(description or response.reason_phrase))

    async def get_me(self) -> dict[str, Any]:
        return dict(await self.call("getMe") or {})

    async def get_updates(self, timeout: int = 30) -> list[dict[str, Any]]:
        """What one long poll brought: one update (Zalo sends one per call), or none when the
        poll ended with 408 "Request timeout"."""
        try:
            result = await self.call(
                "getUpdates", {"timeout": str(timeout)}, timeout=timeout + 10.0
            )
        except ZaloApiError as error:
            if error.error_code == 408:
                return []
            raise
        except ZaloTimeout:
            return []
        if isinstance(result, dict):
            return [result]
        return [u for u in result if isinstance(u, dict)] if isinstance(result, list) else []

    async def set_webhook(self, url: str, secret_token: str) -> dict[str, Any]:
        if not 8 <= len(secret_token) <= 256:
            raise ValueError("Zalo's webhook secret must have 8 to 256 characters")
        return dict(await self.call("setWebhook", {"url": url, "secret_token": secret_token}))

    async def get_webhook_info(self) -> dict[str, Any]:
        return dict(await self.call("getWebhookInfo") or {})

    async def delete_webhook(self) -> dict[str, Any]:
        return dict(await self.call("deleteWebhook") or {})

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        return dict(await self.call("sendMessage", {"chat_id": chat_id, "text": text}) or {})

    async def send_photo(
        self, chat_id: str, photo_url: str, caption: str | None = None
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return dict(await self.call("sendPhoto", params) or {})

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def download(self, url: str, limit: int) -> tuple[bytes | None, str | None, int]:
        """(content, content type, size) of a file the platform points at; content None when
        it is larger than ``limit`` bytes (then size is ``limit + 1``) or not fetched."""
        if urlparse(url).scheme not in ("http", "https"):
            return None, None, 0
        try:
            async with self._client.stream("GET", url, follow_redirects=True) as response:
                if not response.is_success:
                    return None, None, 0
                kind = response.headers.get("content-type", "").split(";")[0].strip() or None
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        return None, kind, limit + 1
                    chunks.append(chunk)
                return b"".join(chunks), kind, size
        except httpx.HTTPError:
            log.warning("could not download an image from Zalo", exc_info=True)
            return None, None, 0
