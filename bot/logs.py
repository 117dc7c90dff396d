"""Logs without secrets and without what people wrote: every log record, from our code or a
library's, is cleaned when it is made, before any handler formats or ships it.

What is taken out: the operator's secrets (bot tokens, webhook and upload-link secrets, the
database password), anything shaped like a bot token or a password in a URL, the parameters
SQLAlchemy puts in its errors (they hold the rows being written: notes, names), and the words
of the update being handled (``handlers.dispatch.PRIVATE_TEXT``), wherever they appear,
tracebacks included.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable

from handlers.dispatch import PRIVATE_TEXT

HIDDEN = "[hidden]"
# A Telegram token is "<bot id>:<35 characters>"; Zalo's "<bot id>:<access token>".
TOKEN_SHAPE = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{20,}")
URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@/\s]+@")
SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$|\s*\()", re.DOTALL)
SHORTEST_PRIVATE = 4  # words shorter than this ("ok", "50") are not worth hiding
# Clients that log whole requests below WARNING: every URL holds the bot token and every
# sendMessage what is said to a person. Their warnings and errors still come through.
CHATTY = ("httpx", "httpcore", "telegram", "hpack", "uvicorn.access")


class Redactor:
    """Removes ``secrets`` and the current update's words from a piece of log text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        text = TOKEN_SHAPE.sub(HIDDEN, text)
        text = URL_PASSWORD.sub(rf"\g<1>{HIDDEN}@", text)
        text = SQL_PARAMETERS.sub(f"[parameters: {HIDDEN}]", text)
        for words in sorted(PRIVATE_TEXT.get(), key=len, reverse=True):
            if len(words) >= SHORTEST_PRIVATE:
                text = text.replace(words, HIDDEN)
        return text


def install(secrets: Iterable[str]) -> Redactor:
    """Clean every log record made from now on in this process (idempotent per process: a
    second call replaces the first's secrets)."""
    redact = Redactor(secrets)
    for name in CHATTY:
        chatty = logging.getLogger(name)
        chatty.setLevel(max(chatty.getEffectiveLevel(), logging.WARNING))
    factory = logging.getLogRecordFactory()
    base = getattr(factory, "unredacted", factory)

    def make(*args: object, **kwargs: object) -> logging.LogRecord:
        record = base(*args, **kwargs)  # type: ignore[arg-type]
        try:
            record.msg = redact(record.getMessage())
            record.args = None
        except Exception:  # a message that does not format: keep it out rather than fail
            record.msg, record.args = HIDDEN, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)))
            record.exc_text = record.exc_text.rstrip("\n")
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    make.unredacted = base  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make)
    return redact


def settings_secrets(settings: object) -> list[str]:
    """Every secret value in the settings (SecretStr fields) and the database password."""
    from pydantic import SecretStr
    from sqlalchemy.engine import make_url

    found = []
    for name in type(settings).model_fields:  # type: ignore[attr-defined]
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            found.append(value.get_secret_value())
    url = getattr(settings, "database_url", "")
    try:
        password = make_url(url).password
    except Exception:
        password = None
    if password:
        found.append(str(password))
    return found
