"""Local HTTP fakes of the messaging platforms, for tests that drive the real client libraries."""

from tests.fakes.chaos import Chaos
from tests.fakes.telegram_api import (
    Call,
    FakeTelegram,
    Fault,
    RateLimits,
    Upload,
    Window,
    fake_telegram_fixture,
    parse_telegram_html,
)

__all__ = [
    "Call",
    "Chaos",
    "FakeTelegram",
    "Fault",
    "RateLimits",
    "Upload",
    "Window",
    "fake_telegram_fixture",
    "parse_telegram_html",
]
