"""Who may do what: one declared table (``TABLE``), asked by the routing of every button and
step (who may ever do it) and by every use case (may this person do it to this task?), and
walked whole by tests/test_permissions.py.

Who: an official (cán bộ), a focal point (đầu mối), a coordinator (Sở Nội vụ), a steering
member (Ban Chỉ đạo); somebody not registered; in a group chat, a registered member or a
stranger. The relation is the part the person's agency has in the task: it leads it (chủ trì),
supports it (phối hợp), or neither. Plans do not scope what an agency may do, its part in the
task does: a task of another plan is judged like any other (the test walks one).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from i18n import N_
from models import Official, Role, Task
from services.access import COORDINATORS_ONLY, NOT_YOURS, agency_scope, role_on
from services.errors import NotAllowed


class Who(StrEnum):
    OFFICIAL = "official"
    FOCAL = "focal"
    COORDINATOR = "coordinator"
    STEERING = "steering"
    UNREGISTERED = "unregistered"  # nobody we know (or nobody active), in a private chat
    GROUP_MEMBER = "group member"  # a registered person, writing in a group chat
    NON_MEMBER = "non-member"  # somebody we do not know, writing in a group chat

    @classmethod
    def of(cls, official: Official | None, in_group: bool = False) -> Who:
        if in_group:
            return cls.GROUP_MEMBER if official is not None else cls.NON_MEMBER
        if official is None:
            return cls.UNREGISTERED
        return cls(official.role)


class Relation(StrEnum):
    LEADS = "leads"
    SUPPORTS = "supports"
    NEITHER = "neither"


class Act(StrEnum):
    """What a button or a step does, as far as permission goes."""

    LIST = "list"  # the agency's task list, its filters and pages
    VIEW = "view"  # a task's card and its history
    VIEW_FILES = "view files"  # a task's evidence files, sent back
    REPORT = "report"  # progress, evidence, report done, more time, explain a delay
    NOTE = "note"  # a note on a task
    DECIDE = "decide"  # approve or reject a completion or an extension request
    ASK = "ask"  # questions and counts; how much detail is reports.Detail's to say
    TARGET = "target"  # the targets an agency answers for, and the values it reports for them
    EXPORT = "export"  # the report to the People's Committee as a Word document
    CORRECT = "correct"  # correct what the importer misread: a task's agencies, a deadline
    SETTINGS = "settings"  # one's own: the language, the digest's time, a pause; leaving a step


ANY = frozenset(Relation)
PART = frozenset({Relation.LEADS, Relation.SUPPORTS})
LEAD = frozenset({Relation.LEADS})
NONE: frozenset[Relation] = frozenset()

# Who may do what, to a task their agency leads, supports, or has no part in. Whoever is not
# named may not. Nothing is done by button in a group chat, where only commands (counts) work.
TABLE: dict[Act, dict[Who, frozenset[Relation]]] = {
    Act.LIST: {Who.OFFICIAL: ANY, Who.FOCAL: ANY, Who.COORDINATOR: ANY},
    Act.VIEW: {Who.OFFICIAL: PART, Who.FOCAL: PART, Who.COORDINATOR: ANY},
    Act.VIEW_FILES: {Who.OFFICIAL: PART, Who.FOCAL: PART, Who.COORDINATOR: ANY},
    # Only the lead agency reports; a coordinator verifies, so it never reports for itself.
    Act.REPORT: {Who.OFFICIAL: LEAD, Who.FOCAL: LEAD},
    Act.NOTE: {Who.OFFICIAL: PART, Who.FOCAL: PART},
    Act.DECIDE: {Who.COORDINATOR: ANY},
    Act.CORRECT: {Who.COORDINATOR: ANY},
    # A target is "led" by the agencies answering for it (services.targets.responsible, which
    # says so); a coordinator may enter a value an agency gave by other means.
    Act.TARGET: {Who.OFFICIAL: LEAD, Who.FOCAL: LEAD, Who.COORDINATOR: ANY},
    Act.EXPORT: {Who.COORDINATOR: ANY},
    Act.ASK: {Who.OFFICIAL: ANY, Who.FOCAL: ANY, Who.COORDINATOR: ANY, Who.STEERING: ANY},
    Act.SETTINGS: {Who.OFFICIAL: ANY, Who.FOCAL: ANY, Who.COORDINATOR: ANY, Who.STEERING: ANY},
}

LEAD_OFFICIALS_ONLY = N_("Only officials of the lead agency can do this.")
AGENCY_OFFICIALS_ONLY = N_(
    "Only officials of the agencies that lead or support the task can add notes to it."
)
COUNTS_ONLY = N_(
    "Members of the steering committee see counts and summaries: send /tiendo, /baocao or /tonghop."
)
# Why someone who may never do an act is refused it (a relation refusal is NOT_YOURS).
ROLE_REFUSALS = {
    Act.REPORT: LEAD_OFFICIALS_ONLY,
    Act.NOTE: AGENCY_OFFICIALS_ONLY,
    Act.DECIDE: COORDINATORS_ONLY,
    Act.CORRECT: COORDINATORS_ONLY,
    Act.EXPORT: COORDINATORS_ONLY,
}


def may(who: Who, act: Act, relation: Relation | None = None) -> bool:
    """Whether ``who`` may do ``act`` to a task of ``relation`` (None: to some task)."""
    allowed = TABLE[act].get(who, NONE)
    return bool(allowed) if relation is None else relation in allowed


def refusal(who: Who, act: Act) -> str:
    """The catalog message for ``who`` refused ``act``."""
    if may(who, act):
        return NOT_YOURS
    if who is Who.STEERING:
        return COUNTS_ONLY
    return ROLE_REFUSALS.get(act, NOT_YOURS)


def relation(session: Session, official: Official, task: Task, today: date) -> Relation:
    role = role_on(task, agency_scope(session, official.agency_id, today))
    if role is Role.LEAD:
        return Relation.LEADS
    return Relation.SUPPORTS if role is Role.SUPPORT else Relation.NEITHER


def require(session: Session, official: Official, act: Act, task: Task, today: date) -> Relation:
    """The official's relation to ``task``, if the table lets them do ``act`` to it; else
    NotAllowed with the reason."""
    who = Who.of(official)
    if not may(who, act):
        raise NotAllowed(refusal(who, act))
    found = relation(session, official, task, today)
    if not may(who, act, found):
        raise NotAllowed(refusal(who, act))
    return found


def require_any(official: Official, act: Act) -> None:
    """For what is not about one task (the list, a decision before its task is read)."""
    who = Who.of(official)
    if not may(who, act):
        raise NotAllowed(refusal(who, act))
