"""Routing one incoming event to its handler, with the checks every event gets."""

from __future__ import annotations

import logging
from contextvars import ContextVar

from handlers import actions, callbacks, choices, groups, registry, start
from handlers.actions import Step
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from i18n import N_
from services import permissions
from services.access import NOT_REGISTERED
from services.errors import NotAllowed, UserError
from services.permissions import Who

log = logging.getLogger(__name__)

# What the person wrote in the event being handled (text, a command's words, a file's and the
# sender's names): kept out of the logs by bot.logs, tracebacks included. Set for the rest of
# the event's context, so a failure logged after dispatch returns is covered too.
PRIVATE_TEXT: ContextVar[tuple[str, ...]] = ContextVar("private_text", default=())

UNKNOWN_COMMAND = N_("I do not know the command /%(command)s. Send /trogiup to see what I can do.")
OLD_BUTTON = N_("This button is no longer valid. Open your task list again.")
GROUP_MEMBERS_ONLY = N_("Only registered members can use me here.")
UNSUPPORTED = N_(
    "Zalo does not pass this kind of message on to me. Send text, or a photo of the document; "
    "documents themselves can be sent on Telegram."
)


class Refused(Exception):
    """A handler refused (``error``): its unit of work is to be rolled back whole, and the
    refusal answered in a new one (``dispatch(..., refused=...)``), where nothing the handler
    began is left. ``in_step``: the refused event was a conversation step's."""

    def __init__(self, error: UserError, in_step: bool) -> None:
        super().__init__(error.message)
        self.error = error
        self.in_step = in_step


def dispatch(incoming: Incoming, ctx: Context, refused: Refused | None = None) -> list[Reply]:
    """The replies to ``incoming``. A refusal is an answer, not an error: a UserError leaves
    as ``Refused``, and given back as ``refused`` becomes a message in the person's language
    in a unit of work that still commits. Where buttons are numbered choices, a number presses
    one, and the choices shown are remembered."""
    PRIVATE_TEXT.set(_private_words(incoming))
    incoming = ctx.incoming = choices.resolve(incoming, ctx.session)
    if refused is None:
        try:
            replies = _route(incoming, ctx)
        except UserError as error:
            raise Refused(error, ctx.in_step) from error
    else:
        if isinstance(refused.error, NotAllowed) and refused.in_step:
            ctx.clear_state()  # a step this person may not finish is not one to stay in
        replies = say(refused.error.message, **refused.error.params)
    choices.keep_shown(incoming, ctx.session, replies, ctx.now)
    return replies


def _private_words(incoming: Incoming) -> tuple[str, ...]:
    words = [incoming.text or "", " ".join(incoming.args), *incoming.args]
    words.append(incoming.sender.display_name or "")
    if incoming.attachment is not None:
        words.append(incoming.attachment.file_name)
    return tuple(w for w in words if w.strip())


def _route(incoming: Incoming, ctx: Context) -> list[Reply]:
    if incoming.unsupported:
        # A file or a voice note the chat app did not pass on: say what does get through.
        return [] if incoming.sender.chat_type == "group" else [Reply(t(UNSUPPORTED))]
    if incoming.command is not None:
        name = incoming.command.lower()
        if name in registry.PUBLIC_COMMANDS and (name == "start" or ctx.official is not None):
            return registry.PUBLIC_COMMANDS[name](incoming, ctx)
        if ctx.official is None:
            return _unregistered(incoming, ctx)
        if name in registry.PRIVATE_COMMANDS and incoming.sender.chat_type == "group":
            return groups.private_only(incoming, ctx)
        if name in registry.COMMANDS:
            ctx.clear_state()
            return registry.COMMANDS[name](incoming, ctx)
        return [Reply(t(UNKNOWN_COMMAND, command=name))]

    if ctx.official is None:
        return _unregistered(incoming, ctx)

    if incoming.button is not None:
        if incoming.sender.chat_type == "group":
            return groups.private_only(incoming, ctx)
        callback = callbacks.decode(incoming.button)
        action = actions.action_of(callback) if callback else None
        handler = registry.BUTTONS.get(action) if action else None
        if callback is None or handler is None or action is None:
            return say(OLD_BUTTON)
        who = Who.of(ctx.official)
        if not permissions.may(who, action.act):
            return say(permissions.refusal(who, action.act))
        return handler(incoming, ctx, callback)

    if incoming.sender.chat_type == "group":
        return []  # in a group, only commands are for the bot
    state = ctx.state()
    if state is not None and state[0] in registry.STEPS:
        step = Step(state[0])
        who = Who.of(ctx.official)
        if not permissions.may(who, actions.STEP_ACTS[step]):
            ctx.clear_state()
            return say(permissions.refusal(who, actions.STEP_ACTS[step]))
        ctx.in_step = True
        return registry.STEPS[step](incoming, ctx, state[1])
    for handler in registry.FREE_TEXT:
        replies = handler(incoming, ctx)
        if replies is not None:
            return replies
    return start.not_understood(incoming, ctx)


def _unregistered(incoming: Incoming, ctx: Context) -> list[Reply]:
    ctx.clear_state()  # a step begun before the account was removed does not wait for it
    if incoming.sender.chat_type == "group":
        # In a group, strangers' messages are not answered, except their commands, briefly.
        return [Reply(t(GROUP_MEMBERS_ONLY))] if incoming.command else []
    return [Reply(t(NOT_REGISTERED))]
