"""/caidat: one's own settings, from buttons: the time of the daily digest, a pause of the
reminders until a date (leave, a business trip), and the language (/ngonngu still works)."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import menu_row, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.review import BAD_DATE, parse_date
from i18n import N_
from i18n.formatting import day
from services import preferences
from services.messages import Button

TIME_CHOICES = ("0730", "0800", "0830", "0900", "1000", "1330", "1400", "1600")
PAUSE_CHOICES = (7, 14, 30)
TIME_TEXT = re.compile(r"^\s*(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?)?\s*$", re.IGNORECASE)

SETTINGS = N_(
    "⚙️ <b>Your settings</b>\n"
    "Daily digest: %(time)s on working days\n"
    "Reminders: %(pause)s\n"
    "Language: %(language)s"
)
ACTIVE = N_("on")
PAUSED = N_("paused through %(date)s")
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
CHANGE_TIME = N_("🕗 Digest time")
PAUSE = N_("⏸ Pause reminders")
RESUME = N_("▶️ Resume reminders")
CHOOSE_TIME = N_(
    "When should your daily digest come? Choose a time, or type one (for example 8:15), "
    "from %(start)s to %(end)s."
)
OTHER_TIME = N_("Another time")
TIME_SAVED = N_("Your daily digest will come at %(time)s on working days.")
BAD_TIME = N_("Please type a time such as 8:15, from %(start)s to %(end)s.")
CHOOSE_PAUSE = N_(
    "Until when should the reminders pause? While they do, the other officials of your agency "
    "and its focal point still receive them. Choose, or type the last day (dd/mm/yyyy)."
)
PAUSE_UNTIL = N_("Through %(date)s")
OTHER_DATE = N_("Another date")
PAUSE_SAVED = N_("Reminders are paused through %(date)s. They start again the day after.")
RESUMED = N_("Reminders are on again: your next digest comes on the next working day.")


def settings_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    return _menu(ctx)


def settings_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    return _menu(ctx, edit=True)


def _menu(ctx: Context, note: str | None = None, edit: bool = False) -> list[Reply]:
    official = ctx.official
    assert official is not None
    times = ctx.digest_times
    until = official.paused_until if official.paused_on(ctx.today) else None
    text = t(
        SETTINGS,
        time=f"{times.of(official):%H:%M}",
        pause=t(PAUSED, date=day(until)) if until else t(ACTIVE),
        language=LANGUAGE_NAMES.get(official.language, official.language),
    )
    if note:
        text = f"{note}\n\n{text}"
    buttons = [
        [Button(t(CHANGE_TIME), actions.DIGEST_TIME.data("menu"))],
        [
            Button(t(RESUME), actions.RESUME.data())
            if until
            else Button(t(PAUSE), actions.PAUSE.data("menu"))
        ],
        [Button(name, actions.LANGUAGE.data(code)) for code, name in LANGUAGE_NAMES.items()],
        menu_row(),
    ]
    return [Reply(text, buttons, edit=edit)]


def _hours(ctx: Context) -> dict[str, str]:
    hours = ctx.digest_times.hours
    return {"start": f"{hours.start:%H:%M}", "end": f"{hours.end:%H:%M}"}


def time_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """The digest time: the choices, a time chosen, or "type another"."""
    choice = cb.args[0] if cb.args else "menu"
    if choice == "ask":
        ctx.set_state(Step.DIGEST_TIME)
        return [Reply(t(BAD_TIME, **_hours(ctx)), [_back_row()])]
    if choice.isdigit() and len(choice) == 4:
        return _save_time(ctx, time(int(choice[:2]), int(choice[2:])))
    hours = ctx.digest_times.hours
    offered = [
        Button(f"{c[:2]}:{c[2:]}", actions.DIGEST_TIME.data(c))
        for c in TIME_CHOICES
        if hours.start <= time(int(c[:2]), int(c[2:])) < hours.end
    ]
    rows = [offered[i : i + 4] for i in range(0, len(offered), 4)]
    rows.append([Button(t(OTHER_TIME), actions.DIGEST_TIME.data("ask"))])
    rows.append(_back_row())
    return [Reply(t(CHOOSE_TIME, **_hours(ctx)), rows, edit=True)]


def time_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    match = TIME_TEXT.match(incoming.text or "")
    if match is None or int(match[1]) > 23 or int(match[2] or 0) > 59:
        return [Reply(t(BAD_TIME, **_hours(ctx)), [_back_row()])]
    return _save_time(ctx, time(int(match[1]), int(match[2] or 0)))


def _save_time(ctx: Context, at: time) -> list[Reply]:
    assert ctx.official is not None
    preferences.set_digest_time(ctx.session, ctx.official, at, ctx.digest_times, ctx.now)
    ctx.clear_state()
    return _menu(ctx, t(TIME_SAVED, time=f"{at:%H:%M}"))


def pause_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A pause: the choices (a week, two, a month), one chosen, or "type the last day"."""
    choice = cb.args[0] if cb.args else "menu"
    if choice == "ask":
        ctx.set_state(Step.PAUSE_UNTIL)
        example = f"{ctx.today + timedelta(days=10):%d/%m/%Y}"
        return [Reply(t(BAD_DATE, example=example), [_back_row()])]
    if choice.isdigit():
        return _save_pause(ctx, ctx.today + timedelta(days=int(choice)))
    rows = [
        [
            Button(
                t(PAUSE_UNTIL, date=f"{ctx.today + timedelta(days=n):%d/%m}"),
                actions.PAUSE.data(n),
            )
            for n in PAUSE_CHOICES
        ],
        [Button(t(OTHER_DATE), actions.PAUSE.data("ask"))],
        _back_row(),
    ]
    return [Reply(t(CHOOSE_PAUSE), rows, edit=True)]


def pause_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    until = parse_date(incoming.text or "")
    if until is None:
        example = f"{ctx.today + timedelta(days=10):%d/%m/%Y}"
        return [Reply(t(BAD_DATE, example=example), [_back_row()])]
    return _save_pause(ctx, until)


def _save_pause(ctx: Context, until: date) -> list[Reply]:
    assert ctx.official is not None
    preferences.pause(ctx.session, ctx.official, until, ctx.today, ctx.now)
    ctx.clear_state()
    return _menu(ctx, t(PAUSE_SAVED, date=day(until)))


def resume_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    preferences.resume(ctx.session, ctx.official, ctx.now)
    return _menu(ctx, t(RESUMED), edit=True)


def _back_row() -> list[Button]:
    return [Button("◀", actions.SETTINGS.data())]
