"""The value a question becomes: what is asked, about what, filtered how, over which period.

A ``Reading`` holds its best ``Intent`` and the runners-up; it asks back (``ask_back``) only
when the readings are too close to pick one: then the best and the alternatives are the
choices to offer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planning.periods import Duration, Period


class Ask(StrEnum):
    LIST = "list"  # which tasks (danh sách)
    COUNT = "count"  # how many (bao nhiêu)
    PROGRESS = "progress"  # counts by status and the on-time rate (tiến độ, tình hình)
    REPORT = "report"  # the plan's summary (báo cáo tổng hợp)
    DIGEST = "digest"  # the weekly digest (tổng hợp tuần)
    EXPORT = "export"  # the Excel report (xuất báo cáo)
    TASK = "task"  # one task's card, or one field of it
    ACTION = "action"  # a request to act (gia hạn, nhắc, cập nhật tiến độ...)
    HELP = "help"  # how to use the bot (hướng dẫn)
    OFF_TOPIC = "off_topic"  # greetings, thanks, the weather
    UNKNOWN = "unknown"


class TaskField(StrEnum):
    """What is asked about one task."""

    CARD = "card"  # the whole card
    LEAD = "lead"  # ai chủ trì
    SUPPORT = "support"  # ai phối hợp
    DUE = "due"  # hạn khi nào
    PROGRESS = "progress"  # tới đâu rồi
    PRODUCT = "product"  # sản phẩm là gì


class Action(StrEnum):
    EXTEND = "extend"  # gia hạn
    REMIND = "remind"  # nhắc, đôn đốc
    REPORT_PROGRESS = "report_progress"  # cập nhật tiến độ
    ATTACH_EVIDENCE = "attach_evidence"  # gửi minh chứng
    COMPLETE = "complete"  # báo hoàn thành


class Status(StrEnum):
    """Which tasks, by the state of their milestones."""

    OVERDUE = "overdue"  # quá hạn
    DUE = "due"  # falls due in the period and is not done (sắp đến hạn, đến hạn)
    DONE = "done"  # đã hoàn thành
    UNDATED = "undated"  # chưa có thời hạn
    IN_PROGRESS = "in_progress"  # đang thực hiện (trong hạn)
    OPEN = "open"  # not done, whatever the date (chưa hoàn thành, còn lại)


class Role(StrEnum):
    LEAD = "lead"  # chủ trì
    SUPPORT = "support"  # phối hợp


class Relation(StrEnum):
    """How the agency a question names stands to the plan's agencies."""

    MERGED_INTO = "merged_into"  # it merged into ``other`` (Sở KH&ĐT, nay là Sở Tài chính)
    TOOK_OVER = "took_over"  # it took over ``other``, which the plan names
    MEMBER_OF = "member_of"  # the plan names it only within the group ``other``
    # it is gone, and ``other``, which the plan names, took its work over (UBND cấp huyện,
    # whose work went to UBND cấp xã on 1 July 2025)
    PASSED_TO = "passed_to"
    NOT_IN_PLAN = "not_in_plan"  # the plan does not name it at all


@dataclass(frozen=True)
class AgencyNote:
    """What an answer should say about an agency the question named: "Sở Kế hoạch và Đầu tư,
    nay là Sở Tài chính" (``named`` merged into ``other`` on ``since``)."""

    named: str
    relation: Relation
    other: str | None = None
    since: date | None = None


@dataclass(frozen=True)
class TaskRef:
    """A task by its place in the plan: section "II", number "3", activity row 2 or all."""

    section: str | None
    number: str
    activity: int | None = None

    @property
    def label(self) -> str:
        """As task cards name it: "II.3", "II.3 (2)"."""
        text = ".".join(p for p in (self.section, self.number) if p)
        return f"{text} ({self.activity})" if self.activity else text


@dataclass(frozen=True)
class Intent:
    """One reading of a question. ``agencies`` are directory keys of agencies the plan names
    (the caller expands groups if it wants their members; ``notes`` say how a named agency
    stands to them); ``own`` is the asker's agency; ``period`` the window asked about (for
    ``status`` DUE without one, the next 7 days); ``score`` how sure, in [0, 1] (under 0.5:
    nothing in the question said what is asked); ``why`` the words that led here, for logs
    and tests."""

    ask: Ask
    field: TaskField | None = None
    action: Action | None = None
    agencies: tuple[str, ...] = ()
    section: str | None = None
    task: TaskRef | None = None
    status: Status | None = None
    role: Role | None = None
    own: bool = False
    period: Period | None = None
    duration: Duration | None = None
    notes: tuple[AgencyNote, ...] = ()
    score: float = dataclasses.field(default=0.0, compare=False)
    why: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    @property
    def has_subject(self) -> bool:
        return bool(self.agencies or self.section or self.task or self.own)


@dataclass(frozen=True)
class Reading:
    """What a question means: the best intent and the runners-up, best first."""

    best: Intent
    alternatives: tuple[Intent, ...] = ()
    ask_back: bool = False

    @property
    def choices(self) -> tuple[Intent, ...]:
        """What to offer when asking back; the best alone otherwise."""
        return (self.best, *self.alternatives) if self.ask_back else (self.best,)

    @property
    def runner_up(self) -> Intent | None:
        return self.alternatives[0] if self.alternatives else None

    @property
    def understood(self) -> bool:
        return self.best.ask is not Ask.UNKNOWN
