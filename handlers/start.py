"""Registration with an invite code, help, and the language switch."""

from __future__ import annotations

from handlers import actions, callbacks
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from i18n import LANGUAGES, N_, use_language
from services import people, preferences
from services.messages import Button

ROLE_NAMES = {
    "official": N_("official"),
    "focal": N_("focal point"),
    "coordinator": N_("coordinator"),
    "steering": N_("steering committee member"),
}


def start(incoming: Incoming, ctx: Context) -> list[Reply]:
    code = incoming.args[0] if incoming.args else ""
    if not code:
        if ctx.official is not None:
            return say(
                N_("Hello %(name)s. Tap the button below to see your tasks."),
                name=ctx.official.full_name,
            )
        return help_unregistered(incoming, ctx)
    if incoming.sender.chat_type != "private":
        return [Reply(t(N_("Please send your invite code to me in a private chat.")))]
    try:
        official = people.redeem_invite(
            ctx.session,
            code=code,
            channel=incoming.sender.channel,
            external_id=incoming.sender.user_id,
            chat_id=incoming.sender.chat_id,
            display_name=incoming.sender.display_name,
            language=incoming.sender.language if incoming.sender.language in LANGUAGES else "vi",
            now=ctx.now,
        )
    except people.InviteError as error:
        return [Reply(t(error.message))]
    with use_language(official.language):
        return say(
            N_("Welcome, %(name)s! You are registered as %(role)s of %(agency)s."),
            name=official.full_name,
            role=t(ROLE_NAMES.get(official.role, official.role)),
            agency=official.agency.name,
        )


def help_unregistered(incoming: Incoming, ctx: Context) -> list[Reply]:
    return [
        Reply(
            t(
                N_(
                    "Hello! I am nhacviec, the reminder bot for the administrative reform plan.\n"
                    "To start, send /start followed by the invite code your coordinator gave you, "
                    "for example: /start ABCD234567"
                )
            )
        )
    ]


def help_registered(incoming: Incoming, ctx: Context) -> list[Reply]:
    return say(
        N_(
            "What I can do:\n"
            "/nhiemvu: your agency's tasks\n"
            "/quahan: overdue tasks by agency\n"
            "/tiendo: progress counts\n"
            "/baocao: the plan's summary\n"
            "/xuatbaocao: the report as an Excel file\n"
            "/caidat: your settings: when your daily digest comes, a pause, the language\n"
            'You can also just ask, for example "việc quá hạn của sở tư pháp".'
        )
    )


def language(incoming: Incoming, ctx: Context) -> list[Reply]:
    buttons = [
        [
            Button("Tiếng Việt", actions.LANGUAGE.data("vi")),
            Button("English", actions.LANGUAGE.data("en")),
        ]
    ]
    return [Reply(t(N_("Choose your language:")), buttons)]


def set_language(incoming: Incoming, ctx: Context, choice: callbacks.Callback) -> list[Reply]:
    official = ctx.official
    assert official is not None
    chosen = preferences.set_language(
        ctx.session, official, choice.args[0] if choice.args else "vi", ctx.now
    )
    with use_language(chosen):
        return say(N_("Language changed to English."))


def not_understood(incoming: Incoming, ctx: Context) -> list[Reply]:
    if incoming.attachment is not None:
        return say(N_("To send evidence, open the task and tap Send evidence first."))
    return say(N_("Sorry, I did not understand. Tap the button below, or send /trogiup."))


def link(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/lienket: a code to use the bot from a second app as the same person."""
    assert ctx.official is not None
    if incoming.sender.chat_type != "private":
        return [Reply(t(N_("Please send your invite code to me in a private chat.")))]
    invite = people.create_link_code(ctx.session, ctx.official, ctx.now)
    return say(
        N_(
            "To use me from your other chat app (Telegram or Zalo) as the same person, send "
            "this there within 30 minutes: /start %(code)s"
        ),
        code=invite.code,
    )
