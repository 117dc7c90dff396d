"""Who may do what, walked whole: every button and every step, for every kind of person and
every part their agency has in the task, through the real handlers with crafted data.

The expected answer is the declared table (services.permissions.TABLE). A refused attempt
answers with a refusal (or, in a group, with silence), changes nothing in the database, and
leaves nobody in a step; an allowed one gets past every permission check (it may still meet a
rule of the task, such as "already waiting for a coordinator").

Everyone here belongs to Sở Tư pháp, which in the sample plan leads II.1, supports I.2 and has
no part in IV.1; a second plan (a copy numbered 16/KH-UBND) gives a task of another plan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.demo import SAMPLE_PLAN
from bot.updates import APOLOGY
from handlers import actions, groups
from handlers.actions import Action, Step
from handlers.dispatch import GROUP_MEMBERS_ONLY
from handlers.messages import Attachment, Reply
from i18n import use_language
from models import (
    Agency,
    AgencyGroupMember,
    Base,
    ConversationState,
    Evidence,
    OfficialRole,
    ProgressReport,
    Task,
)
from models import Target as PlanTarget
from services import access, permissions
from services import targets as targets_service
from services.permissions import Act, Relation, Who
from tests import samples
from tests.world import World

AGENCY = "Sở Tư pháp"
PEOPLE = {
    Who.OFFICIAL: ("off", OfficialRole.OFFICIAL),
    Who.FOCAL: ("foc", OfficialRole.FOCAL),
    Who.COORDINATOR: ("coo", OfficialRole.COORDINATOR),
    Who.STEERING: ("ste", OfficialRole.STEERING),
    Who.GROUP_MEMBER: ("grp", OfficialRole.OFFICIAL),
}
STRANGERS = {Who.UNREGISTERED: "nobody", Who.NON_MEMBER: "stranger"}
GROUP_CHAT = "-100200300"
IN_GROUP = {Who.GROUP_MEMBER, Who.NON_MEMBER}


# The relations walked: the table's three, and a task of another plan (judged as the table
# judges the part the agency has in it: none).
RELATIONS: dict[str, tuple[str, str, Relation]] = {
    "leads": ("15/KH-UBND", "II|1", Relation.LEADS),
    "supports": ("15/KH-UBND", "I|2", Relation.SUPPORTS),
    "neither": ("15/KH-UBND", "IV|1", Relation.NEITHER),
    "other plan": ("16/KH-UBND", "IV|1", Relation.NEITHER),
}

REFUSALS = (
    access.NOT_YOURS,
    access.NOT_REGISTERED,
    permissions.LEAD_OFFICIALS_ONLY,
    permissions.AGENCY_OFFICIALS_ONLY,
    permissions.COUNTS_ONLY,
    access.COORDINATORS_ONLY,
    GROUP_MEMBERS_ONLY,
    groups.PRIVATE_ONLY,
    targets_service.NOT_YOUR_TARGET,
)


@dataclass(frozen=True)
class Target:
    task_id: int
    report_id: int  # a completion report of the task, waiting for a coordinator
    lead_agency_id: int
    milestone_id: int  # the task's first milestone
    target_id: int  # a target of the task, which its lead agency answers for


# What a press of each button carries, for a task: its arguments, and the step the person is in
# when the button continues one.
BUTTON_ARGS: dict[Action, Callable[[Target], tuple[object, ...]]] = {
    actions.LIST_PAGE: lambda t: ("a", 0),
    actions.CARD: lambda t: (t.task_id,),
    actions.PROGRESS: lambda t: (t.task_id,),
    actions.PERCENT: lambda t: (t.task_id, 50),
    actions.SKIP_NOTE: lambda t: (t.task_id,),
    actions.HISTORY: lambda t: (t.task_id,),
    actions.NOTE: lambda t: (t.task_id,),
    actions.CANCEL: lambda t: (),
    actions.EVIDENCE: lambda t: (t.task_id,),
    actions.EVIDENCE_WEB: lambda t: (t.task_id,),
    actions.EVIDENCE_FILES: lambda t: (t.task_id,),
    actions.REPORT_DONE: lambda t: (t.task_id,),
    actions.ASK_EXTENSION: lambda t: (t.task_id,),
    actions.EXTENSION_DAYS: lambda t: (t.task_id, 15),
    actions.APPROVE: lambda t: (t.report_id,),
    actions.REJECT: lambda t: (t.report_id,),
    actions.EXPLAIN: lambda t: (t.task_id,),
    actions.EXPLAIN_REASON: lambda t: (t.task_id, "funds"),
    actions.EXPLAIN_DATE: lambda t: (t.task_id, 15),
    actions.ASK: lambda t: ("o", t.lead_agency_id, "", 7),
    actions.QUESTION: lambda t: ("l", "o", "", t.lead_agency_id, "", "", ""),  # its overdue
    actions.OVERDUE_OF: lambda t: (t.lead_agency_id,),
    actions.LANGUAGE: lambda t: ("en",),
    actions.TARGETS: lambda t: (0,),
    actions.TARGET: lambda t: (t.target_id,),
    actions.TASK_TARGETS: lambda t: (t.task_id,),
    actions.REPORT_TARGET: lambda t: (t.target_id,),
    actions.TARGET_NO_NOTE: lambda t: (t.target_id,),
    actions.WORD_REPORT: lambda t: (1, "2026-Q1"),
    actions.EDIT: lambda t: (t.task_id,),
    actions.EDIT_AGENCIES: lambda t: (t.task_id, "s"),
    actions.ADD_AGENCY: lambda t: (t.task_id, "s"),
    actions.PICK_AGENCY: lambda t: (t.task_id, "s", t.lead_agency_id),
    actions.REMOVE_AGENCY: lambda t: (t.task_id, "l", t.lead_agency_id),
    actions.EDIT_DUE: lambda t: (t.milestone_id,),
    actions.DIGEST_PAGE: lambda t: ("20260105", 1),
    actions.SETTINGS: lambda t: (),
    actions.DIGEST_TIME: lambda t: ("0730",),
    actions.PAUSE: lambda t: (3,),
    actions.RESUME: lambda t: (),
}
BUTTON_STEPS: dict[Action, tuple[Step, dict[str, object]]] = {
    actions.SKIP_NOTE: (Step.PROGRESS_NOTE, {"percent": 50}),
    actions.EXPLAIN_REASON: (Step.EXPLAIN_REASON, {}),
    actions.EXPLAIN_DATE: (Step.EXPLAIN_DATE, {"reason": "Chờ kinh phí"}),
    actions.CANCEL: (Step.NOTE, {}),
    actions.TARGET_NO_NOTE: (Step.TARGET_NOTE, {"value": "45/60"}),
}
# Each step's data beyond the task, and what the person types or sends in it.
STEP_INPUTS: dict[Step, tuple[dict[str, object], dict[str, Any]]] = {
    Step.PROGRESS: ({}, {"text": "50"}),
    Step.PROGRESS_NOTE: ({"percent": 50}, {"text": "Đã xong dự thảo"}),
    Step.EVIDENCE: (
        {},
        {"attachment": Attachment("document", "bb.pdf", "application/pdf", None, samples.PDF)},
    ),
    Step.EXTENSION_DATE: ({}, {"text": "31/12/2027"}),
    Step.EXTENSION_REASON: ({"new_due": "2027-12-31"}, {"text": "Chờ hướng dẫn của Bộ"}),
    Step.REJECT_REASON: ({}, {"text": "Thiếu biên bản kiểm tra"}),
    Step.NOTE: ({}, {"text": "Đã góp ý dự thảo"}),
    Step.EXPLAIN_REASON: ({}, {"text": "Chờ kinh phí"}),
    Step.EXPLAIN_DATE: ({"reason": "Chờ kinh phí"}, {"text": "31/12/2027"}),
    Step.EDIT_AGENCY: ({"role": "s"}, {"text": "tư pháp"}),
    Step.EDIT_DUE: ({}, {"text": "30/06/2027"}),
    Step.DIGEST_TIME: ({}, {"text": "7:30"}),
    Step.PAUSE_UNTIL: ({}, {"text": "31/12/2027"}),
    Step.TARGET_VALUE: ({}, {"text": "45/60"}),
    Step.TARGET_NOTE: ({"value": "45/60"}, {"text": "Số liệu quý I"}),
    Step.TARGET_EVIDENCE: (
        {"value_id": 0},
        {"attachment": Attachment("document", "so-lieu.pdf", "application/pdf", None, samples.PDF)},
    ),
}


def test_the_table_names_every_button_and_step() -> None:
    assert set(BUTTON_ARGS) == set(actions.ACTIONS.values())
    assert set(STEP_INPUTS) == set(Step) == set(actions.STEP_ACTS)
    assert set(permissions.TABLE) == set(Act)
    for act, rows in permissions.TABLE.items():
        assert not rows.keys() & {Who.UNREGISTERED, Who.GROUP_MEMBER, Who.NON_MEMBER}, act


# --- the world and a way back to it after each attempt


def second_plan(world: World) -> None:
    text = SAMPLE_PLAN.read_text(encoding="utf-8").replace("Số: 15/KH-UBND", "Số: 16/KH-UBND")
    world.import_text(text, "ke-hoach-16.txt")


def targets(world: World) -> dict[str, Target]:
    """Each relation's task, with a completion report waiting and an evidence file on it."""
    found = {}
    with world.app.sessions.begin() as session:
        for name, (number, slot, _relation) in RELATIONS.items():
            task = session.scalars(select(Task).where(Task.slot == slot)).all()
            [task] = [t for t in task if t.plan.number == number]
            report = ProgressReport(task_id=task.id, kind="completion", created_at=world.now)
            session.add(report)
            content = samples.pdf(f"{name} baseline")
            session.add(
                Evidence(
                    task_id=task.id,
                    sha256=hashlib.sha256(content).hexdigest(),
                    size=len(content),
                    mime_type="application/pdf",
                    original_name="bien-ban.pdf",
                    stored_path=str(world.app.settings.evidence_dir / "none.pdf"),
                    created_at=world.now,
                )
            )
            session.flush()
            target = PlanTarget(
                plan_id=task.plan_id,
                task_id=task.id,
                key=f"walk-{task.id}",
                source="task",
                measure="Tỷ lệ hồ sơ giải quyết trực tuyến",
                comparison=">=",
                value=Decimal(50),
                unit="%",
            )
            session.add(target)
            session.flush()
            lead = next(a.agency_id for a in task.assignments if a.role == "lead")
            found[name] = Target(task.id, report.id, lead, task.milestones[0].id, target.id)
    return found


# What a button or a step may change (the agencies, the plans and the calendar it cannot).
STATIC = {"agency", "agency_alias", "agency_group_member", "plan", "calendar_day"}
TRACKED = [t for t in Base.metadata.sorted_tables if t.name not in STATIC | {"processed_update"}]


def snapshot(
    connection: Connection, names: list[str] | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table.name: [tuple(row) for row in connection.execute(select(table).order_by(*pk(table)))]
        for table in TRACKED
        if names is None or table.name in names
    }


def pk(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def restore(
    connection: Connection,
    baseline: dict[str, list[tuple[Any, ...]]],
    now: dict[str, list[tuple[Any, ...]]],
) -> None:
    """Back to ``baseline`` from ``now``: rows added since are deleted, changed ones rewritten,
    deleted ones put back (deletions child first, writes parent first)."""
    changed = [t for t in TRACKED if now[t.name] != baseline[t.name]]
    keys = {t.name: {row[0] for row in baseline[t.name]} for t in changed}
    for table in reversed(changed):
        [key] = pk(table)
        connection.execute(delete(table).where(key.not_in(keys[table.name] or {-1})))
    for table in changed:
        [key] = pk(table)
        present = {row[0]: row for row in connection.execute(select(table))}
        for row in baseline[table.name]:
            values = dict(zip(table.columns.keys(), row, strict=True))
            if row[0] not in present:
                connection.execute(insert(table).values(values))
            elif tuple(present[row[0]]) != row:
                connection.execute(update(table).where(and_(key == row[0])).values(values))


# --- one attempt


@dataclass
class Attempt:
    who: Who
    relation: str
    what: str  # the button's wire name or the step
    expected: bool
    answered: bool | None = None  # True allowed, False refused, None an apology (a bug)
    note: str = ""


def sender(who: Who) -> dict[str, Any]:
    user = PEOPLE[who][0] if who in PEOPLE else STRANGERS[who]
    if who in IN_GROUP:
        return {"user_id": user, "chat_type": "group", "chat_id": GROUP_CHAT}
    return {"user_id": user}


def put_in_step(world: World, who: Who, step: Step, data: dict[str, object]) -> None:
    """The person is in ``step`` (as a button, crafted or pressed before a change, left them)."""
    user = PEOPLE[who][0] if who in PEOPLE else STRANGERS[who]
    with world.app.sessions.begin() as session:
        session.add(
            ConversationState(
                channel="console",
                chat_id=user,  # the private chat: a group keeps no steps
                external_id=user,
                step=step.value,
                data=data,
                updated_at=world.now,
            )
        )


def in_step(world: World, who: Who) -> bool:
    user = PEOPLE[who][0] if who in PEOPLE else STRANGERS[who]
    with world.app.sessions() as session:
        row = session.scalar(select(ConversationState).where(ConversationState.chat_id == user))
        return row is not None and bool(row.step)


def answer_kind(replies: list[Reply] | None) -> bool | None:
    texts = [r.text for r in replies or []]
    refusals = []
    for language in ("vi", "en"):
        with use_language(language):
            from handlers.common import t

            refusals += [t(message) for message in REFUSALS]
            if any(text.startswith(t(APOLOGY)) for text in texts):
                return None
    refused = not texts or any(text.startswith(tuple(refusals)) for text in texts)
    return not refused


def attempt(
    world: World,
    baseline: dict[str, list[tuple[Any, ...]]],
    case: Attempt,
    send: dict[str, Any],
    step: tuple[Step, dict[str, object]] | None,
) -> Attempt:
    engine = world.app.engine
    if step is not None:
        put_in_step(world, case.who, *step)
    with engine.connect() as connection:  # the baseline, and the step just put
        before = baseline | snapshot(connection, ["conversation_state"])
    replies = world.send(**sender(case.who), **send)
    case.answered = answer_kind(replies)
    with engine.connect() as connection:
        after = snapshot(connection)
    if case.answered is False:
        stepping = step is not None and case.what in {s.value for s in Step}
        if stepping and case.who not in IN_GROUP and in_step(world, case.who):
            case.note = "left in the step"
        # A refusal may end a step; it starts none and changes nothing else.
        changed = [
            name
            for name in before
            if before[name] != after[name]
            and not (name == "conversation_state" and all(r in before[name] for r in after[name]))
        ]
        if changed:
            case.note += f" changed {changed}"
    if case.note:
        case.note += " | " + " / ".join(r.text[:80] for r in replies or [])
    if after != baseline:
        with engine.begin() as connection:
            restore(connection, baseline, after)
    return case


def expected(who: Who, act: Act, relation: Relation) -> bool:
    return who not in IN_GROUP and permissions.may(who, act, relation)


# --- the walk


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path) -> World:
    world = World.build(sessions, tmp_path)
    second_plan(world)
    for user, role in PEOPLE.values():
        world.register(user, AGENCY, role, name=f"Người {user}")
    world.register("lead", "Sở Nội vụ")  # the lead of I.2, told about notes
    return world


def test_every_button_and_step_for_everyone_and_every_task(world: World) -> None:
    found = targets(world)
    with world.app.engine.connect() as connection:
        baseline = snapshot(connection)
    attempts: list[Attempt] = []
    for who in Who:
        for name, target in found.items():
            relation = RELATIONS[name][2]
            for action, args in BUTTON_ARGS.items():
                case = Attempt(who, name, action.wire, expected(who, action.act, relation))
                step = BUTTON_STEPS.get(action)
                if step is not None:
                    ids = {"task_id": target.task_id, "target_id": target.target_id}
                    step = (step[0], {**ids, **step[1]})
                send = {"button": action.data(*args(target))}
                attempts.append(attempt(world, baseline, case, send, step))
            for step_name, (data, typed) in STEP_INPUTS.items():
                act = actions.STEP_ACTS[step_name]
                case = Attempt(who, name, step_name.value, expected(who, act, relation))
                keys = {
                    Step.REJECT_REASON: {"report_id": target.report_id},
                    Step.EDIT_DUE: {"milestone_id": target.milestone_id},
                    Step.TARGET_VALUE: {"target_id": target.target_id},
                    Step.TARGET_NOTE: {"target_id": target.target_id},
                    Step.TARGET_EVIDENCE: {"target_id": target.target_id},
                }
                state = {**keys.get(step_name, {}), **data}
                state.setdefault("task_id", target.task_id)
                attempts.append(attempt(world, baseline, case, typed, (step_name, state)))

    wrong = [a for a in attempts if a.answered is not a.expected or a.note]
    assert len(attempts) == len(Who) * len(RELATIONS) * (len(BUTTON_ARGS) + len(STEP_INPUTS))
    assert not wrong, "\n".join(
        f"{a.who} / {a.relation} / {a.what}: expected "
        f"{'allowed' if a.expected else 'refused'}, got "
        f"{ {True: 'allowed', False: 'refused', None: 'an apology'}[a.answered] } {a.note}"
        for a in wrong
    )


# --- the two holes the hostile test found, as conversations


def test_a_coordinator_cannot_record_progress_through_crafted_buttons(world: World) -> None:
    task_id = world.task_id("II|1")
    for data in (f"1:prog:{task_id}", f"1:pct:{task_id}:80"):
        replies = world.send("coo", button=data)
        assert answer_kind(replies) is False, [r.text for r in replies or []]
    assert world.send("coo", text="80") is not None
    with world.app.sessions() as session:
        assert session.get_one(Task, task_id).progress_percent == 0
        assert session.scalars(select(ProgressReport)).all() == []


def test_a_crafted_button_leaves_nobody_stuck_in_a_step(world: World) -> None:
    """An official presses a percentage button made up for a task of another agency: refused,
    and what they type next is read as a question again, not as a note on that task."""
    other = world.task_id("IV|1")
    assert answer_kind(world.send("off", button=f"1:pct:{other}:50")) is False
    assert not in_step(world, Who.OFFICIAL)

    put_in_step(world, Who.OFFICIAL, Step.PROGRESS_NOTE, {"task_id": other, "percent": 50})
    assert answer_kind(world.send("off", text="Đã xong")) is False
    assert not in_step(world, Who.OFFICIAL)
    replies = world.send("off", text="việc quá hạn của sở tư pháp")
    assert answer_kind(replies) is True


def test_a_card_offers_only_buttons_the_table_allows(world: World) -> None:
    found = targets(world)
    seen = 0
    for who in (Who.OFFICIAL, Who.FOCAL, Who.COORDINATOR):
        for name, target in found.items():
            relation = RELATIONS[name][2]
            replies = world.send(PEOPLE[who][0], button=actions.CARD.data(target.task_id))
            if not permissions.may(who, Act.VIEW, relation):
                assert answer_kind(replies) is False
                continue
            for reply in replies or []:
                for row in reply.buttons:
                    for button in row:
                        action = actions.ACTIONS[button.data.split(":")[1]]
                        assert permissions.may(who, action.act, relation), (who, name, action)
                        seen += 1
    assert seen > 20


def test_an_agencys_scope_takes_in_what_merged_into_it_and_their_groups(sessions):
    """Sở KH&CN answers, from the day of the merger, for Sở TTTT merged into it, and for the
    groups either belongs to; not for a group of an agency merged elsewhere."""
    with sessions.begin() as session:
        science = Agency(key="so-khcn", name="Sở Khoa học và Công nghệ")
        finance = Agency(key="so-tc", name="Sở Tài chính")
        departments = Agency(key="cac-so", name="Các Sở, ban, ngành", is_group=True)
        broadcasters = Agency(key="cq-bao-chi", name="Các cơ quan báo chí", is_group=True)
        planners = Agency(key="cq-kh", name="Các cơ quan kế hoạch", is_group=True)
        session.add_all([science, finance, departments, broadcasters, planners])
        session.flush()
        ict = Agency(
            key="so-tttt",
            name="Sở Thông tin và Truyền thông",
            successor_id=science.id,
            successor_from=date(2025, 3, 1),
        )
        planning = Agency(
            key="so-khdt",
            name="Sở Kế hoạch và Đầu tư",
            successor_id=finance.id,
            successor_from=date(2025, 3, 1),
        )
        session.add_all([ict, planning])
        session.flush()
        session.add_all(
            [
                AgencyGroupMember(group_id=departments.id, member_id=science.id),
                AgencyGroupMember(group_id=broadcasters.id, member_id=ict.id),
                AgencyGroupMember(group_id=planners.id, member_id=planning.id),
            ]
        )
        session.flush()
        ids = {a.key: a.id for a in (science, ict, departments, broadcasters)}

    with sessions() as session:
        before = access.agency_scope(session, ids["so-khcn"], date(2025, 2, 28))
        after = access.agency_scope(session, ids["so-khcn"], date(2025, 3, 1))
    assert before == {ids["so-khcn"], ids["cac-so"]}
    assert after == set(ids.values())
