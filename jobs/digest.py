"""The weekly digest job: each plan's digest to its steering groups (or members), via the outbox.

Safe to run twice and from several processes: each recipient's digest of a week has one
outbox key, so a second run finds it there and writes nothing. Safe to miss: run at any
moment of the week after the scheduled one (after a restart, from ``jobs run-once``), it
sends the week's digest that has not gone yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from handlers import digest as digest_text
from i18n import use_language
from services import digest as digests
from services.digest import Digest
from services.reports import Detail

DEFAULT_WEEKDAY = 0  # Monday (Thứ Hai)
DEFAULT_AT = time(8, 0)


@dataclass(frozen=True)
class DigestSchedule:
    """When the digest goes: a weekday (Monday = 0) and a local time."""

    weekday: int = DEFAULT_WEEKDAY
    at: time = DEFAULT_AT

    def moment(self, now: datetime) -> datetime:
        """The scheduled moment of ``now``'s week (Monday to Sunday), in ``now``'s timezone."""
        monday = now.date() - timedelta(days=now.weekday())
        return datetime.combine(monday + timedelta(days=self.weekday), self.at, now.tzinfo)

    def due(self, now: datetime) -> bool:
        """Whether this week's digest is due at ``now`` (its moment has come)."""
        return now >= self.moment(now)


@dataclass
class DigestRun:
    """What one run wrote: plans looked at, outbox rows written, recipients already served."""

    plans: int = 0
    queued: list[int] = field(default_factory=list)
    already: int = 0


def run(
    sessions: sessionmaker[Session],
    now: datetime,
    *,
    schedule: DigestSchedule | None = None,
    language: str = "vi",
) -> DigestRun:
    """Queue this week's digest for every plan's recipients, if its moment has come.

    One unit of work for the whole run: the outbox rows and their audit rows commit together.
    Groups read ``language`` (the operator's default); members read their own.
    """
    report = DigestRun()
    if not (schedule or DigestSchedule()).due(now):
        return report
    with sessions.begin() as session:
        for plan_id in digests.tracked_plans(session):
            report.plans += 1
            written = len(report.queued)
            try:
                with session.begin_nested():
                    queue_plan(session, plan_id, now, language=language, report=report)
            except IntegrityError:
                # Another process queued this plan's digest between our look and our write.
                del report.queued[written:]
                report.already += 1
    return report


def queue_plan(
    session: Session,
    plan_id: int,
    now: datetime,
    *,
    language: str = "vi",
    report: DigestRun | None = None,
) -> DigestRun:
    """One plan's digest to its recipients, each once a week (see ``Recipients``)."""
    report = report if report is not None else DigestRun()
    bindings, members = digests.digest_recipients(session, plan_id).default_targets()
    week = digests.week_of(now.date())
    targets = [
        (digests.digest_key(plan_id, week, binding_id=b.id), b, None, language) for b in bindings
    ] + [
        (digests.digest_key(plan_id, week, official_id=m.id), None, m, m.language) for m in members
    ]
    done = digests.queued(session, [key for key, *_ in targets])
    report.already += sum(1 for key, *_ in targets if key in done)
    todo = [target for target in targets if target[0] not in done]
    if not todo:
        return report
    week_digest = digests.build_digest(session, plan_id, now)
    rendered: dict[str, tuple[str, str, bytes, str]] = {}
    rows = []
    for key, binding, official, wanted in todo:
        if wanted not in rendered:
            rendered[wanted] = _render(week_digest, wanted)
        text, caption, png, name = rendered[wanted]
        rows.extend(
            digests.queue_digest(
                session,
                key=key,
                text=text,
                caption=caption,
                png=png,
                file_name=name,
                now=now,
                binding=binding,
                official=official,
            )
        )
    if rows:
        digests.record_queued(session, week_digest, rows, now)
    report.queued.extend(r.id for r in rows)
    return report


def _render(week: Digest, language: str) -> tuple[str, str, bytes, str]:
    """The aggregate digest (groups and steering members) in ``language``."""
    with use_language(language):
        return (
            digest_text.render_text(week, Detail.AGGREGATE),
            digest_text.caption(week),
            digests.render_chart(week),
            digest_text.file_name(week),
        )
