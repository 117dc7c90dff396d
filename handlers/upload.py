"""Evidence through the web page: the one-time link in the chat, and the chat's confirmation.

Zalo bots receive photos but no documents, so there "Send evidence" answers with the link at
once; where files arrive in the chat (Telegram) the page is a second way, behind a button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from handlers import actions, callbacks
from handlers import evidence as evidence_handlers
from handlers.common import say, t
from handlers.context import Context
from handlers.markup import fmt
from handlers.messages import Incoming, Reply
from handlers.tasks import card_buttons
from i18n import N_, ngettext
from models import Official
from services import permissions, upload_links
from services import tasks as task_service
from services.evidence import StoredEvidence
from services.messages import Button
from services.permissions import Act

WEB_OPTION = N_("🌐 Send from the browser")
LINK = N_(
    "Open this page to send evidence for %(label)s: choose files or take a photo (PDF, Word, "
    "Excel, JPEG or PNG, up to 20 MB each). The link works once, until %(time)s.\n%(url)s"
)
ZALO_ASK = N_(
    "Send photos of the evidence for %(label)s here, or open this page to send documents "
    "(PDF, Word, Excel) and photos, up to 20 MB each. The link works once, until %(time)s.\n"
    "%(url)s"
)
NOT_SET_UP = N_(
    "Sending evidence through a web page is not set up here. Send the file in the chat."
)


def evidence_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Send evidence: wait for a file in the chat, and offer the page (on Zalo: give its link)."""
    replies = evidence_handlers.evidence_button(incoming, ctx, cb)
    links = ctx.upload_links
    if links is None:
        return replies
    assert ctx.official is not None
    task_id = cb.arg_int(0)
    if not incoming.capabilities.receives_files:  # a Zalo bot receives photos, not documents
        issued = upload_links.issue(ctx.session, links, ctx.official, task_id, ctx.now)
        label = task_service.load_task(ctx.session, task_id).label
        text = t(ZALO_ASK, label=label, url=issued.url, time=_clock(issued.expires_at, ctx.now))
        return [Reply(text, [[evidence_handlers.finish_button()]])]
    replies[0].buttons.insert(0, [Button(t(WEB_OPTION), actions.EVIDENCE_WEB.data(task_id))])
    return replies


def link_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """The page as a second way (Telegram): a fresh one-time link for the task."""
    assert ctx.official is not None
    task_id = cb.arg_int(0)
    task = task_service.load_task(ctx.session, task_id)
    permissions.require(ctx.session, ctx.official, Act.REPORT, task, ctx.today)
    links = ctx.upload_links
    if links is None:
        return say(NOT_SET_UP)
    issued = upload_links.issue(ctx.session, links, ctx.official, task_id, ctx.now)
    label = task_service.load_task(ctx.session, task_id).label
    text = t(LINK, label=label, url=issued.url, time=_clock(issued.expires_at, ctx.now))
    return [Reply(text, [[evidence_handlers.finish_button()]])]


def _clock(at: datetime, now: datetime) -> str:
    """HH:MM in the time zone of ``now`` (the app's), with the date when not today."""
    local = at.astimezone(now.tzinfo)
    if local.date() == now.date():
        return f"{local:%H:%M}"
    return f"{local:%H:%M %d/%m/%Y}"


def confirmation(
    session: Session,
    official: Official,
    task_id: int,
    stored: Sequence[StoredEvidence],
    now: datetime,
) -> tuple[str, list[list[Button]]]:
    """The chat message after an upload on the page, in the current language: what arrived,
    how many files the task has now, and the task's buttons to carry on (Report done)."""
    card = task_service.task_card(session, official, task_id, now.date())
    names = ", ".join(s.evidence.original_name for s in stored)
    text = fmt(
        ngettext(
            "Received through the web page for %(label)s: %(count)d file (%(names)s). "
            "Evidence files: %(total)d.",
            "Received through the web page for %(label)s: %(count)d files (%(names)s). "
            "Evidence files: %(total)d.",
            len(stored),
        ),
        {"label": card.label, "count": len(stored), "names": names, "total": card.evidence_count},
    )
    return text, card_buttons(card)
