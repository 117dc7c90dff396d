"""Evidence (minh chứng): asking for a file, storing what arrives, and showing a task's files.

A file counts as evidence for a task when it arrives during the "evidence" step started by
the Send evidence button, or as a reply to a message of the bot about that task (a card).
"""

from __future__ import annotations

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Attachment, Incoming, Reply
from handlers.tasks import card_buttons, render_card
from i18n import N_
from i18n.formatting import day
from services import evidence as evidence_service
from services import review
from services import tasks as task_service
from services.messages import Button, OutFile

ASK_FILE = N_(
    "Send a photo or a document as evidence for %(label)s: PDF, Word, Excel, JPEG or PNG, "
    "up to 20 MB. You can send several files; tap Finish when you are done."
)
SEND_A_FILE = N_("Please send the evidence as a photo or a document, or tap Finish.")
SAVED = N_("Saved as evidence for %(label)s: %(name)s. Evidence files: %(count)d.")
DUPLICATE = N_(
    "This file was already recorded for %(label)s, so it is kept once. Evidence files: %(count)d."
)
NO_FILES = N_("No evidence file has been sent for this task yet.")
FILES_HEADER = N_("Evidence files of %(label)s (%(count)d):")
FILE_CAPTION = N_("%(name)s, sent %(date)s")
FINISH = N_("Finish")


def finish_button() -> Button:
    return Button(t(FINISH), actions.CANCEL.data())


def evidence_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Send evidence: check the official may, then wait for a file."""
    assert ctx.official is not None
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    review.require_lead(ctx.session, ctx.official, task, ctx.today)
    ctx.set_state(Step.EVIDENCE, task_id=task.id)
    return [Reply(t(ASK_FILE, label=task.label), [[finish_button()]])]


def evidence_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """During the evidence step: a file is stored; anything else gets a reminder."""
    if incoming.attachment is None:
        return [Reply(t(SEND_A_FILE), [[finish_button()]])]
    task_id = task_from_reply(incoming.reply_to) or int(str(data.get("task_id", 0)))
    return store(ctx, task_id, incoming.attachment)


def file_reply(incoming: Incoming, ctx: Context) -> list[Reply] | None:
    """A file sent outside any step as a reply to a task's message is evidence for that task;
    None for anything else."""
    task_id = task_from_reply(incoming.reply_to)
    if incoming.attachment is not None and task_id is not None:
        return store(ctx, task_id, incoming.attachment)
    return None


def task_from_reply(reply_to: str | None) -> int | None:
    """The task a replied-to bot message is about, read from its buttons' data (the channel
    passes the first button's data of the replied message); None for anything else."""
    if not reply_to:
        return None
    cb = callbacks.decode(reply_to)
    action = actions.action_of(cb) if cb is not None else None
    if cb is None or action is None or not action.about_task:
        return None
    task_id = cb.arg_int(0)
    return task_id or None


def store(ctx: Context, task_id: int, attachment: Attachment) -> list[Reply]:
    assert ctx.official is not None
    problem = evidence_service.refusal(
        attachment.file_name, attachment.mime_type, attachment.size, attachment.content
    )
    if problem is not None:
        raise evidence_service.BadFile(problem)
    assert attachment.content is not None
    stored = evidence_service.attach_evidence(
        ctx.session,
        ctx.official,
        task_id,
        name=attachment.file_name,
        mime_type=attachment.mime_type,
        content=attachment.content,
        evidence_dir=ctx.evidence_dir,
        now=ctx.now,
    )
    card = task_service.task_card(ctx.session, ctx.official, task_id, ctx.today)
    if stored.new:
        text = t(
            SAVED, label=card.label, name=stored.evidence.original_name, count=card.evidence_count
        )
    else:
        text = t(DUPLICATE, label=card.label, count=card.evidence_count)
    return [Reply(text, [[finish_button()]]), Reply(render_card(card), card_buttons(card))]


def files_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """The task's evidence files sent back as documents (the newest ten)."""
    assert ctx.official is not None
    task_id = cb.arg_int(0)
    files = evidence_service.task_files(ctx.session, ctx.official, task_id, ctx.today)
    if not files:
        return say(NO_FILES)
    label = task_service.load_task(ctx.session, task_id).label
    replies = [
        Reply(t(FILES_HEADER, label=label, count=review.evidence_count(ctx.session, task_id)))
    ]
    for row, content in files:
        caption = t(
            FILE_CAPTION,
            name=row.original_name,
            date=day(row.created_at.astimezone(ctx.now.tzinfo).date()),
        )
        replies.append(Reply(caption, document=OutFile(row.original_name, content, row.mime_type)))
    return replies
