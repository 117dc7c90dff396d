"""The fake Zalo Bot API over HTTP: raw requests, and our client in both error modes."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.channels.zalo.channel import delivery_error
from bot.channels.zalo.client import ZaloApiError, ZaloBot
from jobs.dispatch import RetryLater, Unreachable
from tests.fakes.zalo_api import BOT_ID, FakeZalo, Fault, post_webhook


@pytest.fixture
def zalo() -> Iterator[FakeZalo]:
    with FakeZalo() as server:
        yield server


def api(zalo: FakeZalo, method: str, token: str | None = None) -> str:
    return f"{zalo.url}/bot{token or zalo.token}/{method}"


def test_get_me_says_whether_groups_work(zalo):
    answer = httpx.post(api(zalo, "getMe")).json()
    assert answer == {
        "ok": True,
        "result": {
            "id": BOT_ID,
            "account_name": "bot.NhacViecTest",
            "account_type": "BASIC",
            "can_join_groups": False,
        },
    }


def test_getupdates_hands_out_one_update_with_string_ids_and_ms_dates(zalo):
    first = zalo.push_text("6ede9afa66b88fe6d6a9", "Xin chào")
    zalo.push_text("6ede9afa66b88fe6d6a9", "lần hai")
    answer = httpx.post(api(zalo, "getUpdates"), json={"timeout": "1"}).json()
    update = answer["result"]
    assert isinstance(update, dict), "one update, not a list"
    assert update["event_name"] == "message.text.received"
    message = update["message"]
    assert message["message_id"] == first and isinstance(message["from"]["id"], str)
    assert message["date"] > 1_700_000_000_000  # milliseconds
    assert "update_id" not in update
    assert len(zalo.pending_updates) == 1


@pytest.mark.parametrize(("real_status", "http"), [(False, 200), (True, 408)])
def test_an_empty_long_poll_ends_with_408(real_status, http):
    with FakeZalo(real_status=real_status) as zalo:
        response = httpx.post(api(zalo, "getUpdates"), params={"timeout": "0.2"})
    assert response.status_code == http
    assert response.json() == {"ok": False, "error_code": 408, "description": "Request timeout"}


@pytest.mark.parametrize(
    ("method", "params", "code"),
    [
        ("sendMessage", {"chat_id": "a1", "text": ""}, 400),
        ("sendMessage", {"chat_id": "a1", "text": "x" * 2001}, 400),
        ("sendMessage", {"chat_id": 42, "text": "số"}, 400),
        ("sendPhoto", {"chat_id": "a1", "photo": "anh.png"}, 400),
        ("setWebhook", {"url": "https://vd.gov.vn/hook", "secret_token": "ngan"}, 400),
        ("sendDocument", {"chat_id": "a1"}, 400),  # no such method on Zalo
    ],
)
def test_invalid_requests_are_refused(zalo, method, params, code):
    answer = httpx.post(api(zalo, method), json=params).json()
    assert answer["ok"] is False and answer["error_code"] == code


def test_a_wrong_token_is_401(zalo):
    answer = httpx.post(api(zalo, "getMe", token="1:sai")).json()
    assert answer["error_code"] == 401


def test_text_of_2000_characters_is_accepted_and_recorded(zalo):
    answer = httpx.post(api(zalo, "sendMessage"), json={"chat_id": "a1", "text": "ạ" * 2000})
    assert answer.json()["ok"] is True
    assert isinstance(answer.json()["result"]["message_id"], str)
    assert zalo.sent_messages("a1")[0]["text"] == "ạ" * 2000


def test_getupdates_and_webhook_exclude_each_other(zalo):
    hook = {"url": "https://vd.gov.vn/hook", "secret_token": "bi-mat-123"}
    assert httpx.post(api(zalo, "setWebhook"), json=hook).json()["ok"] is True
    info = httpx.post(api(zalo, "getWebhookInfo")).json()["result"]
    assert info["url"] == "https://vd.gov.vn/hook"
    assert httpx.post(api(zalo, "getUpdates"), json={"timeout": "0"}).json()["ok"] is False
    assert httpx.post(api(zalo, "deleteWebhook")).json()["result"]["url"] == ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_pushes_reach_a_webhook_in_both_shapes_with_the_secret(zalo):
    import uvicorn

    received: list[tuple[str, dict]] = []  # type: ignore[type-arg]

    async def hook(request: Request) -> JSONResponse:
        received.append((request.headers.get("X-Bot-Api-Secret-Token", ""), await request.json()))
        return JSONResponse({"message": "Success"})

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=[Route("/hook", hook, methods=["POST"])]),
            port=port,
            log_level="warning",
        )
    )
    serving = asyncio.create_task(server.serve())
    try:
        url = f"http://127.0.0.1:{port}/hook"
        async with httpx.AsyncClient() as client:
            hook_params = {"url": url, "secret_token": "bi-mat-123"}
            await client.post(api(zalo, "setWebhook"), json=hook_params)
        # The test's own helper waits for the server to listen.
        assert (await post_webhook(url, "x" * 8, {"event_name": "ping"})).status_code == 200

        async def until_received(count: int) -> None:
            for _ in range(250):
                if len(received) >= count:
                    return
                await asyncio.sleep(0.02)

        zalo.push_text("u1", "phẳng")
        await until_received(2)  # delivered before the shape changes: the push is asynchronous
        zalo.webhook_shape = "wrapped"
        zalo.push_text("u1", "bọc")
        await until_received(3)
        flat, wrapped = received[1][1], received[2][1]
        assert received[1][0] == received[2][0] == "bi-mat-123"
        assert flat["message"]["text"] == "phẳng" and "ok" not in flat
        assert wrapped["ok"] is True and wrapped["result"]["message"]["text"] == "bọc"
        assert zalo.pending_updates == []  # nothing left for getUpdates
    finally:
        server.should_exit = True
        await serving


@pytest.mark.parametrize("real_status", [False, True])
async def test_our_client_reads_errors_in_both_modes(real_status):
    with FakeZalo(real_status=real_status) as zalo:
        bot = ZaloBot(zalo.token, zalo.url)
        try:
            assert (await bot.get_me())["id"] == BOT_ID
            assert await bot.get_updates(timeout=0) == []  # 408: nothing happened
            zalo.fail_next("sendMessage", Fault.quota_exceeded())
            with pytest.raises(ZaloApiError) as raised:
                await bot.send_message("a1", "nhắc việc")
            assert raised.value.error_code == 429
            assert isinstance(delivery_error(raised.value, 60.0), RetryLater)
            zalo.fail_next("getMe", Fault.unauthorized())
            with pytest.raises(ZaloApiError) as raised:
                await bot.get_me()
            assert raised.value.error_code == 401 and zalo.token not in str(raised.value)
            zalo.fail_next("sendMessage", Fault.not_found("user not found"))
            with pytest.raises(ZaloApiError) as raised:
                await bot.send_message("a1", "nhắc việc")
            assert isinstance(delivery_error(raised.value, 60.0), Unreachable)
            zalo.fail_next("sendMessage", Fault.internal())
            with pytest.raises(ZaloApiError) as raised:
                await bot.send_message("a1", "nhắc việc")
            assert not delivery_error(raised.value, 60.0).permanent  # 403 is "internal error"
            assert (await bot.send_message("a1", "nhắc việc"))["message_id"]
        finally:
            await bot.aclose()
