"""The task list the database computes (`services.tasks.list_tasks`) says of every task what
the entities say (`Task.status`, `Task.current_milestone`): its class, its due date and the
agency's part, over generated plans with every shape of milestones, on every backend."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from models import (
    Agency,
    Assignment,
    Milestone,
    MilestoneStatus,
    Official,
    OfficialRole,
    Plan,
    Role,
    Task,
)
from services.tasks import SOON_DAYS, TaskFilter, list_tasks

TODAY = date(2026, 6, 15)
NOW = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


def _milestones(rng: random.Random) -> list[Milestone]:
    """None to four milestones: dated or not, open or done on time or late, extended or not."""
    found = []
    for position in range(rng.choice((0, 1, 1, 2, 3, 4))):
        due = None if rng.random() < 0.15 else TODAY + timedelta(days=rng.randint(-90, 60))
        original = due
        if due is not None and rng.random() < 0.2:  # an approved extension moved it later
            due = due + timedelta(days=rng.randint(1, 40))
        completed = None
        if rng.random() < 0.4:
            completed = (original or TODAY) + timedelta(days=rng.randint(-20, 20))
        found.append(
            Milestone(position=position, due=due, original_due=original, completed_on=completed)
        )
    return found


def _build(session, seed: int) -> tuple[Official, Official, dict[int, Role | None]]:  # type: ignore[no-untyped-def]
    """A plan of 120 generated tasks; an official of one agency, a coordinator, and that
    agency's part in each task (None: no part)."""
    rng = random.Random(seed)
    ours, other = (
        Agency(key="so-noi-vu", name="Sở Nội vụ"),
        Agency(key="so-tu-phap", name="Sở Tư pháp"),
    )
    plan = Plan(
        identity="test",
        title="Kế hoạch thử",
        source_name="test",
        source_sha256="0" * 64,
        imported_at=NOW,
    )
    session.add_all([ours, other, plan])
    session.flush()
    parts: dict[int, Role | None] = {}
    for n in range(120):
        task = Task(
            plan=plan,
            slot=f"s{n}",
            position=n,
            section=("I", "II", "III")[n % 3],
            number=str(n // 3 + 1),
            title=f"Nhiệm vụ {n}",
            content_hash="x",
            removed_at=NOW if rng.random() < 0.05 else None,
            milestones=_milestones(rng),
        )
        part = rng.choice((Role.LEAD, Role.SUPPORT, None))
        lead = ours if part == Role.LEAD else other
        task.assignments.append(Assignment(agency=lead, role=Role.LEAD, as_written=lead.name))
        if part == Role.SUPPORT:
            task.assignments.append(Assignment(agency=ours, role=Role.SUPPORT, as_written="x"))
            if rng.random() < 0.3:  # led and supported by the same agency: led counts
                task.assignments[0].agency = ours
                part = Role.LEAD
        session.add(task)
        session.flush()
        parts[task.id] = part if task.removed_at is None else None
    official = Official(full_name="Lê Văn A", agency=ours, created_at=NOW)
    coordinator = Official(
        full_name="Trần Thị B", agency=ours, role=OfficialRole.COORDINATOR, created_at=NOW
    )
    session.add_all([official, coordinator])
    session.flush()
    return official, coordinator, parts


def _every_row(session, official: Official, which: TaskFilter):  # type: ignore[no-untyped-def]
    first = list_tasks(session, official, TODAY, which)
    rows = list(first.rows)
    for page in range(1, first.pages):
        rows += list_tasks(session, official, TODAY, which, page).rows
    assert len(rows) == first.total
    return first, rows


def _in(which: TaskFilter, status: MilestoneStatus, due: date | None) -> bool:
    if which is TaskFilter.OVERDUE:
        return status == MilestoneStatus.OVERDUE
    if which is TaskFilter.SOON:
        soon = TODAY + timedelta(days=SOON_DAYS)
        return status == MilestoneStatus.IN_PROGRESS and due is not None and due <= soon
    if which is TaskFilter.DONE:
        return status in (MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE)
    return True


def _change(session, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """What people and the importer do to milestones after the plan is stored, each through
    the path that does it: completions, extensions and new dates through the entities, a
    reopened milestone and a re-dated batch through bulk statements, removed milestones."""
    milestones = list(session.scalars(select(Milestone).order_by(Milestone.id)))
    for milestone in rng.sample(milestones, len(milestones) // 4):
        roll = rng.random()
        if roll < 0.35 and milestone.completed_on is None:
            milestone.completed_on = TODAY - timedelta(days=rng.randint(0, 30))
        elif roll < 0.6 and milestone.due is not None and milestone.completed_on is None:
            milestone.original_due = milestone.original_due or milestone.due
            milestone.due = milestone.due + timedelta(days=rng.randint(1, 60))
        elif roll < 0.75:
            session.delete(milestone)
        else:
            due = TODAY + timedelta(days=rng.randint(-30, 30))
            # After the task's last, so that "the last one" is one milestone, never a tie.
            position = max(m.position for m in milestone.task.milestones) + 1
            milestone.task.milestones.append(
                Milestone(position=position, due=due, original_due=due)
            )
    session.flush()
    done = [m.id for m in milestones[::7] if m in session and m.completed_on is not None]
    session.execute(update(Milestone).where(Milestone.id.in_(done)).values(completed_on=None))
    session.execute(
        update(Milestone)
        .where(Milestone.id.in_([m.id for m in milestones[3::11] if m in session]))
        .values(due=TODAY - timedelta(days=3), original_due=TODAY - timedelta(days=3))
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("changed", [False, True], ids=["stored", "changed"])
def test_every_task_is_listed_as_its_entity_judges_it(sessions, seed, changed):
    with sessions.begin() as session:
        official, coordinator, parts = _build(session, seed)
    if changed:  # the dates the tasks keep of their milestones follow every kind of write
        with sessions.begin() as session:
            _change(session, random.Random(seed))
    with sessions() as session:
        official = session.get(Official, official.id)
        coordinator = session.get(Official, coordinator.id)
        tasks = {t.id: t for t in session.query(Task).all()}
        for who, part_of in ((official, parts), (coordinator, None)):
            for which in TaskFilter:
                first, rows = _every_row(session, who, which)
                expected = {}
                for task_id, task in tasks.items():
                    part = Role.LEAD if part_of is None else part_of[task_id]
                    if task.removed_at is not None or part is None:
                        continue
                    current = task.current_milestone()
                    due = current.due if current is not None else None
                    status = task.status(TODAY)
                    if _in(which, status, due):
                        expected[task_id] = (status, due, part)
                got = {r.id: (r.status, r.due, r.role) for r in rows}
                assert got == expected, (which, who.role)
                assert first.counts[which] == len(expected)
                # The order: overdue, in progress, undated, done; led before supported; then
                # by due date and the task's place.
                rank = {
                    MilestoneStatus.OVERDUE: 0,
                    MilestoneStatus.IN_PROGRESS: 2,
                    MilestoneStatus.UNDATED: 4,
                }
                keys = [
                    (
                        rank.get(r.status, 6) + (r.role != Role.LEAD),
                        r.due or date.max,
                    )
                    for r in rows
                ]
                assert keys == sorted(keys), which
