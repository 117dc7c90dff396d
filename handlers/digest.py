"""The weekly steering digest as messages: its text, its chart's caption, and /tonghop.

Two levels of detail (``services.reports.Detail``): a steering group and a steering member
read aggregates and agency names only (never a person's name, nor an official's own words
from an explanation); a coordinator asking with /tonghop in a private chat also reads the
tasks behind the numbers, with each overdue task's explanation (giải trình).
"""

from __future__ import annotations

from handlers.common import menu_row, t
from handlers.context import Context
from handlers.markup import escape, fmt
from handlers.messages import Incoming, Reply
from handlers.queries import STATUS_ICONS, STATUS_ORDER
from i18n import N_, gettext, ngettext
from i18n.formatting import day, short_day, status_label
from models import MilestoneStatus
from services import digest as digests
from services import reports
from services.access import require_coordinator
from services.digest import Digest, WeekItem
from services.errors import UserError
from services.groups import find_plan
from services.messages import OutFile
from services.reports import Detail, StatusCounts

LIST_LIMIT = 15
NOTE_LIMIT = 200
NOT_BOUND = N_("This group is not bound to a plan yet. A coordinator can bind it with /ganketnhom.")


# ------------------------------------------------------------------------------ /tonghop


def digest_command(incoming: Incoming, ctx: Context) -> list[Reply]:
    """/tonghop [plan]: the weekly digest now, for a coordinator. In a private chat every
    plan's (or the one named), with the tasks; in a bound group that group's plan, as the
    group receives it."""
    official = ctx.official
    assert official is not None
    require_coordinator(official)
    in_group = incoming.sender.chat_type == "group"
    if in_group:
        sender = incoming.sender
        plan_id = reports.group_plan(ctx.session, sender.channel, sender.chat_id, sender.thread_id)
        if plan_id is None:
            raise UserError(NOT_BOUND)
        plan_ids = [plan_id]
    elif incoming.args:
        plan_ids = [find_plan(ctx.session, " ".join(incoming.args)).id]
    else:
        plan_ids = digests.tracked_plans(ctx.session)
    detail = reports.detail_for(official, in_group=in_group)
    replies: list[Reply] = []
    for plan_id in plan_ids:
        week = digests.build_digest(ctx.session, plan_id, ctx.now)
        replies.append(Reply(render_text(week, detail)))
        replies.append(Reply(caption(week), photo=chart_file(week)))
    if not replies:
        return [Reply(t(N_("No plan is tracked yet.")), [menu_row()])]
    if not in_group:
        replies[0].buttons = [menu_row()]
    return replies


def chart_file(week: Digest) -> OutFile:
    return OutFile(file_name(week), digests.render_chart(week), digests.PNG)


def file_name(week: Digest) -> str:
    # Translators: a file name: no spaces, no diacritics.
    return gettext(N_("digest-%(date)s.png")) % {"date": f"{week.today:%Y-%m-%d}"}


# -------------------------------------------------------------------------------- text


def caption(week: Digest) -> str:
    """The chart's caption (well under a photo caption's 1,024 characters)."""
    return t(
        N_("Done, in progress and overdue milestones by agency: %(plan)s, %(date)s"),
        plan=_plan_name(week),
        date=short_day(week.today),
    )


def render_text(week: Digest, detail: Detail) -> str:
    """The digest's text in the current language, Telegram HTML with every value escaped."""
    lines = [
        t(N_("<b>Weekly digest: %(plan)s</b>"), plan=_plan_name(week)),
        t(
            N_("%(date)s · the week from %(start)s to %(end)s"),
            date=day(week.today),
            start=short_day(week.week_start),
            end=short_day(week.week_end),
        ),
        "",
    ]
    lines.extend(_count_lines(week.counts))
    lines.append("")
    lines.extend(_week_lines(week, detail))
    lines.append("")
    lines.extend(_behind_lines(week))
    if detail is Detail.ALL:
        lines.append("")
        lines.extend(_overdue_lines(week))
    return "\n".join(lines).strip()


def _plan_name(week: Digest) -> str:
    return week.plan_number or week.plan_title


def _count_lines(counts: StatusCounts) -> list[str]:
    lines = [
        f"{STATUS_ICONS[s]} "
        + t(N_("%(status)s: %(count)d"), status=status_label(s), count=counts[s])
        for s in STATUS_ORDER
    ]
    rate = counts.on_time_rate
    if rate is None:
        lines.append(t(N_("On-time rate: nothing was due yet.")))
    else:
        lines.append(
            t(
                N_("On-time rate: %(rate)s (%(on_time)d of %(judged)d milestones due)"),
                rate=f"{round(rate * 100)}%",
                on_time=counts[MilestoneStatus.DONE_ON_TIME],
                judged=counts.judged,
            )
        )
    return lines


def _week_lines(week: Digest, detail: Detail) -> list[str]:
    due_done = sum(1 for i in week.became_due if i.status in _DONE)
    due_overdue = sum(1 for i in week.became_due if i.status is MilestoneStatus.OVERDUE)
    on_time = sum(1 for i in week.completed if i.status is MilestoneStatus.DONE_ON_TIME)
    lines = [
        t(N_("<b>This week</b>")),
        "📅 "
        + _n(
            ngettext(
                "%(count)d milestone became due: %(done)d done, %(overdue)d overdue",
                "%(count)d milestones became due: %(done)d done, %(overdue)d overdue",
                len(week.became_due),
            ),
            len(week.became_due),
            done=due_done,
            overdue=due_overdue,
        ),
    ]
    if detail is Detail.ALL:
        lines.extend(_item_lines(week.became_due))
    lines.append(
        "✅ "
        + _n(
            ngettext(
                "%(count)d milestone completed: %(on_time)d on time, %(late)d late",
                "%(count)d milestones completed: %(on_time)d on time, %(late)d late",
                len(week.completed),
            ),
            len(week.completed),
            on_time=on_time,
            late=len(week.completed) - on_time,
        )
    )
    if detail is Detail.ALL:
        lines.extend(_item_lines(week.completed))
    return lines


_DONE = (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)


def _item_lines(items: list[WeekItem]) -> list[str]:
    lines = [
        f"    {STATUS_ICONS[i.status]} <b>{escape(i.label)}</b> {escape(i.title)}"
        f" — {escape(', '.join(i.leads))} ({escape(status_label(i.status))})"
        for i in items[:LIST_LIMIT]
    ]
    if len(items) > LIST_LIMIT:
        lines.append("    " + t(N_("… and %(count)d more."), count=len(items) - LIST_LIMIT))
    return lines


def _behind_lines(week: Digest) -> list[str]:
    """The agencies most behind, named; the rest counted."""
    if not week.worst:
        return [t(N_("Nothing is overdue."))]
    lines = [
        _n(
            ngettext(
                "<b>Overdue by agency</b> (%(count)d agency behind)",
                "<b>Overdue by agency</b> (%(count)d agencies behind)",
                week.behind,
            ),
            week.behind,
        )
    ]
    for rank, stats in enumerate(week.worst, start=1):
        line = _n(
            ngettext(
                "%(rank)d. %(agency)s: %(count)d overdue milestone, up to %(days)d days",
                "%(rank)d. %(agency)s: %(count)d overdue milestones, up to %(days)d days",
                stats.overdue,
            ),
            stats.overdue,
            rank=rank,
            agency=stats.name,
            days=stats.max_days_overdue,
        )
        explained = week.explained.get(stats.agency_id, 0)
        if explained:
            line += " · " + _n(
                ngettext("%(count)d task explained", "%(count)d tasks explained", explained),
                explained,
            )
        lines.append(line)
    others = week.behind - len(week.worst)
    if others > 0:
        lines.append(
            _n(
                ngettext(
                    "… and %(count)d more agency with overdue milestones.",
                    "… and %(count)d more agencies with overdue milestones.",
                    others,
                ),
                others,
            )
        )
    return lines


def _overdue_lines(week: Digest) -> list[str]:
    """For coordinators: each overdue task, longest overdue first, with its explanation."""
    if not week.overdue:
        return []
    lines = [t(N_("<b>Overdue tasks</b> (%(count)d)"), count=len(week.overdue))]
    for row in week.overdue[:LIST_LIMIT]:
        lines.append(
            f"🔴 <b>{escape(row.label)}</b> {escape(row.title)} — {escape(', '.join(row.leads))}"
            f" · {t(N_('%(days)d days overdue'), days=row.days)}"
        )
        explanation = week.explanations.get(row.task_id)
        if explanation is None:
            lines.append("    " + t(N_("No explanation yet.")))
            continue
        note = explanation.note
        if len(note) > NOTE_LIMIT:
            note = note[: NOTE_LIMIT - 1] + "…"
        if explanation.requested_date is not None:
            lines.append(
                "    💬 "
                + t(
                    N_("Explanation: %(note)s (expected by %(date)s)"),
                    note=note,
                    date=short_day(explanation.requested_date),
                )
            )
        else:
            lines.append("    💬 " + t(N_("Explanation: %(note)s"), note=note))
    if len(week.overdue) > LIST_LIMIT:
        lines.append(t(N_("… and %(count)d more."), count=len(week.overdue) - LIST_LIMIT))
    return lines


def _n(template: str, count: int, **values: object) -> str:
    """A plural form (``ngettext``) filled with ``count`` and the other values, escaped."""
    return fmt(template, {"count": count, **values})
