"""The coordinator's "Sửa" on a task card: correct what the importer misread, the lead and
coordinating agencies (found by typing part of a name) and a deadline's date."""

from __future__ import annotations

from handlers import actions, callbacks
from handlers.actions import Step
from handlers.common import menu_row, t
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.review import parse_date
from handlers.tasks import card_buttons, render_card
from i18n import N_
from i18n.formatting import day, short_day
from models import Role, Task
from services import corrections
from services import tasks as task_service
from services.access import require_coordinator
from services.messages import Button

ROLES = {"l": Role.LEAD, "s": Role.SUPPORT}  # the role's code in the button data

EDIT_MENU = N_("What do you want to correct in %(label)s?")
LEADS = N_("Lead agencies")
SUPPORTS = N_("Coordinating agencies")
DEADLINE = N_("📅 %(label)s%(date)s")
NO_DATE = N_("no date")
AGENCIES = N_("%(role)s of %(label)s: %(names)s. Tap one to remove it, or add another.")
ADD = N_("➕ Add an agency")
ASK_NAME = N_("Type part of the agency's name, for example: tư pháp, ubnd xã, văn phòng.")
NO_MATCH = N_("No agency matches “%(text)s”. Type another part of its name.")
PICK = N_("Choose the agency for %(label)s:")
ADDED = N_("%(agency)s was added to %(label)s (%(role)s).")
REMOVED = N_("%(agency)s was removed from %(label)s (%(role)s).")
ASK_DUE = N_("%(label)s: the plan's date is %(date)s. Type the correct date (dd/mm/yyyy).")
BAD_DATE = N_("Please type the date as dd/mm/yyyy, for example 30/06/2026.")
DUE_SAVED = N_("Saved: the deadline of %(label)s is now %(date)s.")


def edit_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """What can be corrected: the agencies of each role and every deadline."""
    assert ctx.official is not None
    require_coordinator(ctx.official)
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    rows = [
        [
            Button(t(LEADS), actions.EDIT_AGENCIES.data(task.id, "l")),
            Button(t(SUPPORTS), actions.EDIT_AGENCIES.data(task.id, "s")),
        ]
    ]
    for milestone in task.milestones:
        label = f"{milestone.level}: " if milestone.level else ""
        when = short_day(milestone.due) if milestone.due else t(NO_DATE)
        edit = actions.EDIT_DUE.data(milestone.id)
        rows.append([Button(t(DEADLINE, label=label, date=when), edit)])
    rows.append(_back(task))
    return [Reply(t(EDIT_MENU, label=task.label), rows)]


def agencies_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    """The agencies of one role, each a button that removes it, and "Add an agency"."""
    assert ctx.official is not None
    require_coordinator(ctx.official)
    ctx.clear_state()
    return [_agencies(ctx, task_service.load_task(ctx.session, cb.arg_int(0)), _role(cb))]


def add_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    require_coordinator(ctx.official)
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    ctx.set_state(Step.EDIT_AGENCY, task_id=task.id, role=_code(_role(cb)))
    return [Reply(t(ASK_NAME), [_back(task)])]


def agency_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    """Part of a name typed: the agencies it matches, as buttons."""
    task = task_service.load_task(ctx.session, int(str(data.get("task_id", 0))))
    code = str(data.get("role", "l"))
    text = (incoming.text or "").strip()
    found = corrections.find_agencies(ctx.session, text) if text else []
    if not found:
        return [Reply(t(NO_MATCH, text=text), [_back(task)])]
    rows = [[Button(a.name, actions.PICK_AGENCY.data(task.id, code, a.id))] for a in found]
    return [Reply(t(PICK, label=task.label), [*rows, _back(task)])]


def pick_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    role = _role(cb)
    task = corrections.add_agency(
        ctx.session, ctx.official, cb.arg_int(0), role, cb.arg_int(2), ctx.now
    )
    ctx.clear_state()
    name = next(a.agency.name for a in task.assignments if a.agency_id == cb.arg_int(2))
    done = Reply(t(ADDED, agency=name, label=task.label, role=_role_name(role)))
    return [done, _agencies(ctx, task, role)]


def remove_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    role = _role(cb)
    task = task_service.load_task(ctx.session, cb.arg_int(0))
    name = next((a.agency.name for a in task.assignments if a.agency_id == cb.arg_int(2)), "")
    task = corrections.remove_agency(
        ctx.session, ctx.official, task.id, role, cb.arg_int(2), ctx.now
    )
    done = Reply(t(REMOVED, agency=name, label=task.label, role=_role_name(role)))
    return [done, _agencies(ctx, task, role)]


def due_button(incoming: Incoming, ctx: Context, cb: callbacks.Callback) -> list[Reply]:
    assert ctx.official is not None
    require_coordinator(ctx.official)
    milestone = corrections.milestone(ctx.session, cb.arg_int(0))
    ctx.set_state(Step.EDIT_DUE, milestone_id=milestone.id)
    when = day(milestone.original_due or milestone.due) if milestone.due else t(NO_DATE)
    return [Reply(t(ASK_DUE, label=milestone.task.label, date=when), [_back(milestone.task)])]


def due_step(incoming: Incoming, ctx: Context, data: dict[str, object]) -> list[Reply]:
    assert ctx.official is not None
    due = parse_date(incoming.text or "")
    milestone_id = int(str(data.get("milestone_id", 0)))
    if due is None:
        task = corrections.milestone(ctx.session, milestone_id).task
        return [Reply(t(BAD_DATE), [_back(task)])]
    milestone = corrections.correct_due(ctx.session, ctx.official, milestone_id, due, ctx.now)
    ctx.clear_state()
    card = task_service.task_card(ctx.session, ctx.official, milestone.task_id, ctx.today)
    saved = Reply(t(DUE_SAVED, label=milestone.task.label, date=day(due)))
    return [saved, Reply(render_card(card), card_buttons(card))]


def _agencies(ctx: Context, task: Task, role: Role) -> Reply:
    assigned = [a for a in task.assignments if a.role == role]
    code = _code(role)
    rows = [
        [Button(f"✖ {a.agency.name}", actions.REMOVE_AGENCY.data(task.id, code, a.agency_id))]
        for a in assigned
    ]
    rows.append([Button(t(ADD), actions.ADD_AGENCY.data(task.id, code))])
    rows.append(_back(task))
    names = ", ".join(a.agency.name for a in assigned) or "—"
    heading = t(LEADS if role == Role.LEAD else SUPPORTS)
    return Reply(t(AGENCIES, role=heading, label=task.label, names=names), rows)


def _back(task: Task) -> list[Button]:
    return [Button(t(N_("Back to the task")), actions.CARD.data(task.id)), *menu_row()]


def _role(cb: callbacks.Callback) -> Role:
    code = cb.args[1] if len(cb.args) > 1 else "l"
    return ROLES.get(code, Role.LEAD)


def _code(role: Role) -> str:
    return "l" if role == Role.LEAD else "s"


def _role_name(role: Role) -> str:
    return t(N_("lead")) if role == Role.LEAD else t(N_("coordinating"))
