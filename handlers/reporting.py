"""The report to the People's Committee as a Word document, from the chat: /xuatbaocao offers
it beside the spreadsheet, one button per period (the quarter just ended, the current one,
the half-year, the year); a coordinator taps one and gets the .docx in a private chat."""

from __future__ import annotations

from handlers import actions, callbacks, groups
from handlers.common import say, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from i18n import N_, gettext
from planning.reporting import ReportPeriod, offered_periods
from services import permissions, report_docx
from services.access import require_coordinator
from services.messages import Button, OutFile
from services.permissions import Act, Who

PLANS_OFFERED = 3
OFFER = N_("The report to the People's Committee as a Word document, for the period:")
OFFER_PLAN = N_("Plan %(plan)s:")
SENT = N_(
    "The report for %(period)s, as of %(date)s: fill in its number and date, and the proposals."
)
FILE_NAME = N_("cchc-report-%(period)s.docx")


def offer(ctx: Context) -> list[Reply]:
    """The period buttons, for each of the newest plans (the export's second message), for
    whoever may have the report."""
    official = ctx.official
    if official is None or not permissions.may(Who.of(official), Act.EXPORT):
        return []
    plans = report_docx.newest_plans(ctx.session, PLANS_OFFERED)
    if not plans:
        return []
    periods = offered_periods(ctx.today)
    lines = [t(OFFER)]
    buttons = []
    for plan in plans:
        row = [Button(p.short(gettext), actions.WORD_REPORT.data(plan.id, p.code)) for p in periods]
        if len(plans) > 1:
            lines.append(t(OFFER_PLAN, plan=plan.number or f"#{plan.id}"))
        buttons.append(row)
    return [Reply("\n".join(lines), buttons)]


def word_report_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """A period tapped: the Word report of that plan and period, for a coordinator."""
    official = ctx.official
    assert official is not None
    if incoming.sender.chat_type == "group":
        return groups.private_only(incoming, ctx)
    require_coordinator(official)
    period = ReportPeriod.parse(cb.args[1] if len(cb.args) > 1 else "")
    if period is None:
        return say(report_docx.BAD_PERIOD)
    data = report_docx.load_report(ctx.session, cb.arg_int(0), period, ctx.now)
    content = report_docx.render(data)
    name = gettext(FILE_NAME) % {"period": period.code}
    text = t(SENT, period=period.label(gettext), date=f"{data.judged_on:%d/%m/%Y}")
    return [Reply(text, document=OutFile(name, content, report_docx.MIME_TYPE))]
