"""Group chats bound to a plan: the steering committee's group (Ban Chỉ đạo) and its topics."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from i18n import N_
from models import ChatBinding, Official, Plan
from services import audit
from services.access import require_coordinator
from services.errors import UserError

NO_SUCH_PLAN = N_("No plan matches %(plan)s. Send /ganketnhom followed by the plan's number.")
WHICH_PLAN = N_("Several plans are tracked: send /ganketnhom followed by the plan's number.")


def find_plan(session: Session, text: str) -> Plan:
    """A plan by its number ("15/KH-UBND") or id; with no text, the only plan there is."""
    text = text.strip()
    plans = session.scalars(select(Plan).order_by(Plan.id)).all()
    if not text:
        if len(plans) == 1:
            return plans[0]
        raise UserError(WHICH_PLAN if plans else NO_SUCH_PLAN, plan="-")
    for plan in plans:
        if str(plan.id) == text or (plan.number or "").lower() == text.lower():
            return plan
    raise UserError(NO_SUCH_PLAN, plan=text)


def bind_group(
    session: Session,
    official: Official,
    *,
    channel: str,
    chat_id: str,
    thread_id: str | None,
    plan_text: str,
    now: datetime,
) -> tuple[ChatBinding, Plan]:
    require_coordinator(official)
    plan = find_plan(session, plan_text)
    binding = session.scalar(
        select(ChatBinding).where(
            ChatBinding.channel == channel,
            ChatBinding.chat_id == chat_id,
            ChatBinding.thread_id == (thread_id or ""),
        )
    )
    before = {"plan_id": binding.plan_id} if binding else None
    if binding is None:
        binding = ChatBinding(channel=channel, chat_id=chat_id, thread_id=thread_id or "")
        session.add(binding)
    binding.plan_id, binding.role = plan.id, "steering"
    binding.bound_by_id, binding.created_at = official.id, now
    session.flush()
    audit.record(
        session,
        at=now,
        actor=f"official:{official.id}",
        actor_official_id=official.id,
        action="group.bind",
        entity="chat_binding",
        entity_id=binding.id,
        before=before,
        after={"plan_id": plan.id, "chat_id": chat_id, "thread_id": thread_id},
    )
    return binding, plan
