"""The faults the fakes answer at random: what each looks like to the real clients, that none
of them does what was asked, that the mix follows its seed, and that a request is refused at
most ``in_a_row`` times running."""

from __future__ import annotations

import pytest
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from bot.channels.zalo.client import ZaloApiError, ZaloBot, ZaloNetworkError, ZaloTimeout
from tests.fakes import Chaos, FakeTelegram, Fault
from tests.fakes.chaos import KINDS
from tests.fakes.telegram_api import DROPPED
from tests.fakes.zalo_api import FakeZalo


def draws(seed: int, calls: int = 2000) -> list[str | None]:
    chaos = Chaos(rate=0.1, seed=seed)
    return [chaos.draw("sendMessage", {"chat_id": n}) for n in range(calls)]


def test_the_mix_follows_its_seed_and_its_rate():
    assert draws(7) == draws(7) != draws(8)
    faults = [kind for kind in draws(7) if kind is not None]
    assert 150 < len(faults) < 250
    assert set(faults) == set(KINDS)


def test_the_same_request_is_refused_at_most_in_a_row_times_running():
    chaos = Chaos(rate=0.99, seed=1, in_a_row=3)
    answers = [chaos.draw("sendMessage", {"chat_id": 1, "text": "x"}) for _ in range(8)]
    assert answers[3] is None and all(answers[:3])
    assert chaos.draw("getMe", {}) is not None, "another request has a streak of its own"


@pytest.mark.parametrize(
    ("fault", "raised"),
    [
        (Fault.too_many_requests(1), RetryAfter),
        (Fault.internal_error(), NetworkError),
        (Fault.no_answer(1.0), TimedOut),
        (Fault.dropped(), NetworkError),
    ],
)
async def test_telegram_faults_as_the_client_sees_them_and_nothing_is_sent(fault, raised):
    # Only the unanswered request should time out (see the Zalo test below).
    timeout = 0.3 if fault.delay else 10.0
    with FakeTelegram() as tg:
        async with tg.bot(request=HTTPXRequest(read_timeout=timeout)) as bot:
            tg.fail_next("sendMessage", fault)
            with pytest.raises(raised):
                await bot.send_message(42, "xin chào")
            assert tg.sent_messages(42) == []
            await bot.send_message(42, "xin chào")
        assert [m["text"] for m in tg.sent_messages(42)] == ["xin chào"]
    if fault.status == DROPPED:
        assert tg.calls_to("sendMessage")[0].status == DROPPED


@pytest.mark.parametrize(
    ("kind", "raised"),
    [
        ("429", ZaloApiError),
        ("500", ZaloApiError),
        ("hang", ZaloTimeout),
        ("drop", ZaloNetworkError),
    ],
)
async def test_zalo_faults_as_the_client_sees_them_and_nothing_is_sent(kind, raised):
    with FakeZalo() as zalo:
        chaos = Chaos(rate=1.0, seed=1, weights={kind: 1.0}, hang=1.0, in_a_row=1)  # type: ignore[dict-item]
        zalo.set_chaos(chaos)
        # Only a hang should time out: a first request given up on early under load could
        # reach the fake after the second and take the fault meant for it.
        bot = ZaloBot(zalo.token, zalo.url, timeout=0.3 if kind == "hang" else 10.0)
        with pytest.raises(raised):
            await bot.send_message("u1", "xin chào")
        assert zalo.sent_messages("u1") == []
        await bot.send_message("u1", "xin chào")  # the second in a row goes through
        await bot.aclose()
        assert [m["text"] for m in zalo.sent_messages("u1")] == ["xin chào"]
        assert chaos.answered == {kind: 1}
