"""A reply meets a fault on its way (flood control, a 500, no answer, a dropped connection): it
is sent again and arrives once; a poll that fails is tried again after a growing pause."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from telegram.request import HTTPXRequest

from bot.channels.base import ChatApp, poll_pause
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo.channel import ZaloChannel
from bot.channels.zalo.client import ZaloBot
from tests.fakes import Chaos, FakeTelegram, Fault
from tests.fakes.zalo_api import FakeZalo
from tests.test_webhooks import until
from tests.world import World


@contextlib.asynccontextmanager
async def polling(channel: ChatApp) -> AsyncIterator[None]:
    """The app connected and polling its fake, one-second polls, until the block ends."""
    await channel.start()
    stop = asyncio.Event()
    task = asyncio.create_task(channel.poll(stop, timeout=1))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await channel.stop()


@pytest.fixture
async def telegram(sessions, tmp_path) -> AsyncIterator[tuple[World, FakeTelegram]]:  # type: ignore[no-untyped-def]
    world = World.build(sessions, tmp_path)
    with FakeTelegram() as tg:
        world.app.settings = world.app.settings.model_copy(
            update={"telegram_bot_token": SecretStr(tg.token), "telegram_api_base_url": tg.url}
        )
        bot = tg.bot(request=HTTPXRequest(read_timeout=0.5))
        async with polling(TelegramChannel(world.app, bot)):
            yield world, tg


@pytest.mark.parametrize(
    "fault",
    [
        Fault.too_many_requests(1),
        Fault.internal_error(),
        Fault.no_answer(1.0),
        Fault.dropped(),
    ],
    ids=["429", "500", "no answer", "dropped"],
)
async def test_a_telegram_reply_goes_through_a_fault_once(telegram, fault):  # type: ignore[no-untyped-def]
    world, tg = telegram
    code = world.invite("Sở Nội vụ")
    tg.fail_next("sendMessage", fault, times=2)

    tg.push_command(701, 701, f"/start {code}")

    await until(lambda: len(tg.sent_messages(701)) == 1)
    await asyncio.sleep(0.3)
    [welcome] = tg.sent_messages(701)
    assert "Sở Nội vụ" in welcome["text"]
    # In the order they were sent: a call left unanswered is recorded when the fake gives
    # up on it, which may be after the retry that went through.
    sent = sorted(tg.calls_to("sendMessage"), key=lambda c: c.time)
    assert [c.ok for c in sent] == [False, False, True]


@pytest.mark.parametrize("kind", ["429", "500", "hang", "drop"])
async def test_a_zalo_reply_goes_through_a_fault_once(sessions, tmp_path, kind):  # type: ignore[no-untyped-def]
    world = World.build(sessions, tmp_path)
    with FakeZalo() as zalo:
        world.app.settings = world.app.settings.model_copy(
            update={
                "zalo_bot_token": SecretStr(zalo.token),
                "zalo_api_base_url": zalo.url,
                "zalo_send_interval": 0.0,
                "zalo_retry_after": 0.5,
            }
        )
        channel = ZaloChannel(world.app, ZaloBot(zalo.token, zalo.url, timeout=0.5))
        async with polling(channel):
            code = world.invite("Sở Nội vụ")
            only_sends = Chaos(
                rate=1.0, seed=1, methods=frozenset({"sendMessage"}), weights={kind: 1.0}, hang=1.0
            )  # type: ignore[dict-item]
            zalo.set_chaos(only_sends)  # the first three tries fail, the fourth goes
            zalo.push_text("u801", f"/start {code}")
            await until(lambda: len(zalo.sent_messages("u801")) == 1)
            await asyncio.sleep(0.3)
            [welcome] = zalo.sent_messages("u801")
            assert "Sở Nội vụ" in welcome["text"]
            assert only_sends.answered == {kind: 3}


def test_polls_that_keep_failing_wait_longer_each_time_up_to_half_a_minute():
    pauses = [[poll_pause(n) for n in (1, 2, 3, 4, 8, 20)] for _ in range(50)]
    for first, second, third, fourth, eighth, twentieth in pauses:
        assert 0.125 <= first <= 0.25 and 0.25 <= second <= 0.5 and 0.5 <= third <= 1.0
        assert 1.0 <= fourth <= 2.0 and 15.0 <= eighth <= 30.0 and 15.0 <= twentieth <= 30.0
