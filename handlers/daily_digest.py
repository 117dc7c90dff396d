"""The daily digest as messages: pages that fit the chat app (Telegram's 4,096 characters of
HTML; Zalo's 2,000 of plain text with the buttons as numbered choices), and "Xem thêm".

A page lists items by section (Quá hạn, Đến hạn hôm nay, Sắp đến hạn, Việc phối hợp, Báo cáo
định kỳ), each task with a button to its card. The first page opens with the day and the
counts; a summary's first page with its overview. Further pages are read again from the
outbox row when their button is pressed, leaving out what has been done since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from handlers import actions, callbacks
from handlers.common import menu_row, say, t
from handlers.context import Context
from handlers.markup import escape, fmt, to_plain
from handlers.messages import Incoming, Reply
from i18n import N_, ngettext
from i18n.formatting import day, short_day
from models import Notification
from services import daily_digest
from services.coverage import GAP_NAMES
from services.daily_digest import Digest, Item, Section, Stored
from services.digest import DailyOverview
from services.messages import Button

TITLE_LIMIT = 70  # a task's title in a digest line
ITEMS_PER_PAGE = 10


@dataclass(frozen=True)
class Limit:
    """How much one message of a chat app holds, counted in UTF-16 units; where buttons are
    numbered choices (Zalo) they are lines of the message too."""

    units: int
    numbered: bool


TELEGRAM = Limit(4096, numbered=False)
ZALO = Limit(2000, numbered=True)


def limit_for(channels: Iterable[str]) -> Limit:
    """The stricter limit of the apps a person uses, so a page fits whichever app it goes by."""
    return ZALO if "zalo" in set(channels) else TELEGRAM


@dataclass(frozen=True)
class Page:
    text: str
    buttons: list[list[Button]]


HEADINGS = {
    Section.OVERDUE: N_("🔴 <b>Overdue</b>"),
    Section.TODAY: N_("⏰ <b>Due today</b>"),
    Section.SOON: N_("🟡 <b>Due soon</b>"),
    Section.SUPPORT: N_("🤝 <b>Tasks your agency supports</b>"),
    Section.ESCALATED: N_("⚠️ <b>Escalated to the coordinators today</b>"),
    Section.REPORT: N_("📋 <b>Periodic report</b>"),
}
COUNT_WORDS = {
    Section.OVERDUE: N_("%(count)d overdue"),
    Section.TODAY: N_("%(count)d due today"),
    Section.SOON: N_("%(count)d due soon"),
    Section.SUPPORT: N_("%(count)d to support"),
    Section.ESCALATED: N_("%(count)d escalated"),
}
PERSON_TITLE = N_("📬 <b>Your reminders for %(date)s</b>")
SUMMARY_TITLE = N_("📊 <b>Daily summary for %(date)s</b>")
PAGE_TITLE = N_("%(title)s (page %(page)d of %(pages)d)")
MISSED = N_("Also what could not be sent on %(dates)s, while the bot was stopped.")
PAGE_LINE = N_("Page %(page)d of %(pages)d")
MORE = N_("More ▶")
EXPLAIN_BUTTON = N_("Explain %(label)s")
EXPLAIN_ASKED = N_("please explain the delay")
FOCAL_FOLLOW_UP = N_("as focal point, please follow up")
EXPLANATION_ASKED = N_("explanation asked")
LEAD_BY = N_("lead: %(agencies)s")
DAYS_OVERDUE = N_("%(days)d days overdue")
DUE_TODAY = N_("due today")
DAYS_LEFT = N_("%(days)d days left")
GONE = N_("This digest is no longer available. Open your task list.")
NOTHING_LEFT = N_("Everything in this digest has been done or moved since. Well done!")


# ------------------------------------------------------------------------------ pages


def pages(digest: Digest, limit: Limit) -> list[Page]:
    """The digest as pages within ``limit``, in the current language; a digest with nothing
    in it (a summary with only its overview) is one page."""
    title = t(
        SUMMARY_TITLE if digest.kind == daily_digest.SUMMARY else PERSON_TITLE, date=day(digest.day)
    )
    items = list(digest.items)
    chunks: list[list[Item]] = []
    start = 0
    while start < len(items) or not chunks:
        # The most items that fit, trying the fullest page first: most pages fit at once.
        size = min(ITEMS_PER_PAGE, len(items) - start)
        while size > 1 and not _fits(
            _page(digest, title, items[start : start + size], len(chunks) + 1, 99), limit
        ):
            size -= 1
        chunks.append(items[start : start + size])
        start += size
        if start >= len(items):
            break
    return [
        _page(digest, title, chunk, number, len(chunks))
        for number, chunk in enumerate(chunks, start=1)
    ]


def first_page(digest: Digest, limit: Limit) -> Page:
    return pages(digest, limit)[0]


def _page(digest: Digest, title: str, items: Sequence[Item], number: int, total: int) -> Page:
    summary = digest.kind == daily_digest.SUMMARY
    lines: list[str] = []
    heads: list[list[Button]] = []
    explains: list[list[Button]] = []
    if number == 1:
        lines.append(title)
        if summary and digest.head:
            lines.append(digest.head)
            heads.extend(list(row) for row in digest.head_buttons)
        elif not summary:
            counts = digest.counts()
            words = [t(COUNT_WORDS[s], count=counts[s]) for s in COUNT_WORDS if counts.get(s)]
            if words:
                lines.append(" · ".join(words))
        if digest.missed:
            lines.append(t(MISSED, dates=", ".join(short_day(d) for d in digest.missed)))
    else:
        lines.append(t(PAGE_TITLE, title=title, page=number, pages=total))
    section: Section | None = None
    cards: list[Button] = []
    for item in items:
        if item.section is not section:
            section = item.section
            lines.extend(["", t(HEADINGS[section])])
        lines.append(_line(item, digest.day))
        if item.task_id is not None:
            cards.append(Button(item.label, actions.CARD.data(item.task_id)))
            if item.explain and item.section is not Section.ESCALATED:
                label = t(EXPLAIN_BUTTON, label=item.label)
                explains.append([Button(label, actions.EXPLAIN.data(item.task_id))])
    buttons = heads + [cards[i : i + 4] for i in range(0, len(cards), 4)] + explains
    if total > 1:
        lines.extend(["", t(PAGE_LINE, page=number, pages=total)])
        nav = []
        if number > 1:
            nav.append(Button("◀", actions.DIGEST_PAGE.data(f"{digest.day:%Y%m%d}", number - 1)))
        if number < total:
            nav.append(
                Button(t(MORE), actions.DIGEST_PAGE.data(f"{digest.day:%Y%m%d}", number + 1))
            )
        buttons.append(nav)
    buttons.append(menu_row())
    return Page("\n".join(lines), buttons)


def _line(item: Item, on: date) -> str:
    if item.section is Section.REPORT:
        template = ngettext(
            "Please report the status of the %(count)d open task of %(agency)s: open it from "
            "your task list below.",
            "Please report the status of the %(count)d open tasks of %(agency)s: open them "
            "from your task list below.",
            item.count,
        )
        return fmt(template, {"count": item.count, "agency": item.agency})
    title = item.title if len(item.title) <= TITLE_LIMIT else item.title[: TITLE_LIMIT - 1] + "…"
    parts = [f"• <b>{escape(item.label)}</b> {escape(title)}"]
    facts = []
    if item.section in (Section.SUPPORT, Section.ESCALATED) and item.leads:
        facts.append(t(LEAD_BY, agencies=", ".join(item.leads)))
    if item.due is not None:
        facts.append(f"{item.due:%d/%m}, {when(item.due, on)}")
    if item.section is Section.ESCALATED and item.explain:
        facts.append(t(EXPLANATION_ASKED))
    elif item.explain:
        facts.append(t(EXPLAIN_ASKED))
    if item.focal:
        facts.append(t(FOCAL_FOLLOW_UP))
    return parts[0] + (" — " + " · ".join(facts) if facts else "")


def when(due: date, on: date) -> str:
    days = (due - on).days
    if days < 0:
        return t(DAYS_OVERDUE, days=-days)
    if days == 0:
        return t(DUE_TODAY)
    return t(DAYS_LEFT, days=days)


# ------------------------------------------------------------------------- measuring


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def size(page: Page, limit: Limit) -> int:
    """The page's length as the chat app counts it: the HTML text on Telegram; on Zalo the
    plain text with its numbered choices under it, as ``bot/channels/zalo/render`` lays them."""
    if not limit.numbered:
        return units(page.text)
    number, lines = 0, []
    for row in page.buttons:
        options = []
        for button in row:
            number += 1
            options.append(f"{number}. {to_plain(button.text)}")
        joined = "   ".join(options)
        lines.extend([joined] if len(joined) <= 48 else options)
    choose = 60  # "Trả lời bằng một số từ 1 đến 23." and its line break, generously
    return units(to_plain(page.text).strip()) + 2 + units("\n".join(lines)) + choose


def _fits(page: Page, limit: Limit) -> bool:
    return size(page, limit) <= limit.units


# ------------------------------------------------------------------------- "Xem thêm"


def key(official_id: int, on: date) -> str:
    """The outbox key of a person's digest or summary of a day: one a day per person."""
    return f"day:{on:%Y%m%d}:o{official_id}"


def page_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """Another page of one's own digest, as things stand now."""
    official = ctx.official
    assert official is not None
    raw = cb.args[0] if cb.args else ""
    try:
        on = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return say(GONE)
    row = ctx.session.scalar(select(Notification).where(Notification.key == key(official.id, on)))
    stored = Stored.from_payload(row.payload) if row is not None else None
    if stored is None:
        return say(GONE)
    gone = daily_digest.stale(ctx.session, stored.milestones())
    digest = daily_digest.load(ctx.session, stored, leave_out=gone)
    if not digest.items and not digest.head:
        return say(NOTHING_LEFT)
    limit = ZALO if incoming.capabilities.numbered_choices else TELEGRAM
    found = pages(digest, limit)
    page = found[min(max(cb.arg_int(1, 1), 1), len(found)) - 1]
    return [Reply(page.text, page.buttons, edit=True)]


# ------------------------------------------------------------- the coordinators' overview

TOP = 5
BUTTON_TEXT = 30
OVERDUE_TOTAL = N_("Overdue: %(milestones)d milestones of %(tasks)d tasks, %(agencies)d agencies")
NOTHING_OVERDUE = N_("Nothing is overdue.")
BY_AGENCY = N_("<b>Most behind</b>")
AGENCY_LINE = N_("%(rank)d. %(agency)s: %(count)d overdue, up to %(days)d days")
EXPLAINED = N_("explained %(answered)d of %(asked)d")
WORST = N_("<b>Longest overdue</b>")
TASK_LINE = N_("%(days)d days overdue")
ANSWERED = N_("explained")
NOT_ANSWERED = N_("not explained yet")
EXPLANATIONS = N_("Explanations: %(asked)d tasks asked, %(answered)d answered")
GAPS = N_("<b>Not reached by reminders</b> (%(count)d agencies)")
GAP_LINE = N_("%(agency)s: %(gap)s, %(count)d open milestones")
GAPS_MORE = N_("… and %(count)d more: nhacviec agencies coverage")


def overview(
    view: DailyOverview, aggregates: bool = False
) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The overview above a coordinator's summary (HTML), and its buttons to drill in;
    ``aggregates`` (a steering member's): the same counts and tasks, nothing to open."""
    lines: list[str] = []
    rows: list[tuple[Button, ...]] = []
    if view.overdue_tasks:
        lines.append(
            t(
                OVERDUE_TOTAL,
                milestones=view.overdue_milestones,
                tasks=view.overdue_tasks,
                agencies=len(view.agencies),
            )
        )
        lines.extend(["", t(BY_AGENCY)])
        for rank, agency in enumerate(view.agencies[:TOP], start=1):
            line = t(
                AGENCY_LINE, rank=rank, agency=agency.name, count=agency.overdue, days=agency.days
            )
            if agency.asked:
                line += " · " + t(EXPLAINED, answered=agency.answered, asked=agency.asked)
            lines.append(line)
            label = f"{rank}. {agency.name}"
            label = label if len(label) <= BUTTON_TEXT else label[: BUTTON_TEXT - 1] + "…"
            rows.append((Button(label, actions.OVERDUE_OF.data(agency.agency_id, "")),))
        lines.extend(["", t(WORST)])
        cards = []
        for task in view.worst[:TOP]:
            title = task.title if len(task.title) <= 60 else task.title[:59] + "…"
            facts = [", ".join(task.leads), t(TASK_LINE, days=task.days)]
            if task.asked or task.answered:
                facts.append(t(ANSWERED if task.answered else NOT_ANSWERED))
            lines.append(
                f"🔴 <b>{escape(task.label)}</b> {escape(title)} — {escape(' · '.join(facts))}"
            )
            cards.append(Button(task.label, actions.CARD.data(task.task_id)))
        rows.extend(tuple(cards[i : i + 4]) for i in range(0, len(cards), 4))
        if view.asked:
            lines.extend(["", t(EXPLANATIONS, asked=view.asked, answered=view.answered)])
    else:
        lines.append(t(NOTHING_OVERDUE))
    if view.gaps:
        lines.extend(["", t(GAPS, count=len(view.gaps))])
        for gap in view.gaps[:TOP]:
            lines.append(
                "• " + t(GAP_LINE, agency=gap.name, gap=t(GAP_NAMES[gap.gap]), count=gap.milestones)
            )
        if len(view.gaps) > TOP:
            lines.append(t(GAPS_MORE, count=len(view.gaps) - TOP))
    return "\n".join(lines), () if aggregates else tuple(rows)
