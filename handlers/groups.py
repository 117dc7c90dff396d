"""Group chats: binding the steering committee's group to a plan."""

from __future__ import annotations

from handlers.common import t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from i18n import N_
from services import groups

IN_GROUP_ONLY = N_("Send this command in the group you want to bind, after adding me to it.")
PRIVATE_ONLY = N_("In a group I only show summaries. Talk to me in a private chat for your tasks.")


def bind(incoming: Incoming, ctx: Context) -> list[Reply]:
    assert ctx.official is not None
    sender = incoming.sender
    if sender.chat_type != "group":
        return [Reply(t(IN_GROUP_ONLY))]
    _binding, plan = groups.bind_group(
        ctx.session,
        ctx.official,
        channel=sender.channel,
        chat_id=sender.chat_id,
        thread_id=sender.thread_id,
        plan_text=" ".join(incoming.args),
        now=ctx.now,
    )
    return [
        Reply(
            t(
                N_("This group now follows the plan %(plan)s: it will receive the digests."),
                plan=plan.title,
            )
        )
    ]


def private_only(incoming: Incoming, ctx: Context) -> list[Reply]:
    return [Reply(t(PRIVATE_ONLY))]
