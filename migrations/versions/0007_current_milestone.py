"""each task keeps its current milestone's dates, kept by the database from its milestones

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 02:40:00

An agency's list judges every one of its tasks on every request. Judging from the milestones
meant reading and grouping them all each time; with the current milestone's three dates on the
task (`models.plan.Task.current_due` and its neighbours), the list reads one row per task.
Triggers keep the columns, so no path that writes milestones (the ORM, the importer's bulk
statements, a console session) can leave them stale.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Covering an agency's list: what judges, sorts and labels a task, without its texts.
JUDGED = ["id", "removed_at", "current_due", "current_judged", "current_completed"]
SORTED = ["section", "number", "activity_index", "position", "progress_percent"]


def refresh(dialect: str, tasks: str) -> str:
    """The statement that sets the three dates of the tasks whose ids ``tasks`` gives:
    `models.plan.current_of` and `judge` in SQL. The earliest open dated milestone; with open
    milestones but none dated, nothing (undated); with every milestone done, the last one,
    judged against the date the plan set."""
    # A task's milestones by the task's index: without statistics SQLite would rather walk
    # every open milestone of the plan (the open-due index) for each task.
    milestone = "milestone m" + (" INDEXED BY ix_milestone_task" if dialect == "sqlite" else "")
    mine = f"FROM {milestone} WHERE m.task_id = task.id"
    is_open = f"SELECT 1 {mine} AND m.completed_on IS NULL"
    open_due = f"SELECT min(m.due) {mine} AND m.completed_on IS NULL"

    def last(column: str) -> str:
        return f"SELECT {column} {mine} ORDER BY m.position DESC, m.id DESC LIMIT 1"

    return f"""
UPDATE task SET
    current_due = coalesce(({open_due}),
        CASE WHEN NOT EXISTS ({is_open}) THEN ({last("m.due")}) END),
    current_judged = coalesce(({open_due}),
        CASE WHEN NOT EXISTS ({is_open}) THEN ({last("coalesce(m.original_due, m.due)")}) END),
    current_completed = CASE WHEN NOT EXISTS ({is_open}) THEN ({last("m.completed_on")}) END
WHERE task.id IN ({tasks})
"""


# A later migration that rebuilds the milestone table on SQLite (batch mode copies it to a new
# table) loses these triggers and must create them again; tests/test_task_list.py fails if not.
_SQLITE = {
    "insert": ("AFTER INSERT", "NEW.task_id"),
    "update": (
        "AFTER UPDATE OF task_id, position, due, original_due, completed_on",
        "NEW.task_id, OLD.task_id",
    ),
    "delete": ("AFTER DELETE", "OLD.task_id"),
}
# PostgreSQL: once per statement over its transition tables, so a bulk import refreshes each
# task once, not once per milestone.
_POSTGRESQL = {
    "insert": ("AFTER INSERT", "REFERENCING NEW TABLE AS new_rows", "new_rows"),
    "update": (
        "AFTER UPDATE",
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "new_rows UNION SELECT task_id FROM old_rows",
    ),
    "delete": ("AFTER DELETE", "REFERENCING OLD TABLE AS old_rows", "old_rows"),
}


def upgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.add_column(sa.Column("current_due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("current_judged", sa.Date(), nullable=True))
        batch.add_column(sa.Column("current_completed", sa.Date(), nullable=True))
    op.create_index("ix_task_listing", "task", [*JUDGED, *SORTED])
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for event, (when, referencing, rows) in _POSTGRESQL.items():
            statement = refresh(dialect, f"SELECT task_id FROM {rows}")
            op.execute(
                f"CREATE FUNCTION milestone_current_{event}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN {statement}; RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER milestone_current_{event} {when} ON milestone {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION milestone_current_{event}()"
            )
    else:
        for event, (when, tasks) in _SQLITE.items():
            op.execute(
                f"CREATE TRIGGER milestone_current_{event} {when} ON milestone "
                f"FOR EACH ROW BEGIN {refresh(dialect, tasks)}; END"
            )
    op.execute(refresh(dialect, "SELECT id FROM task"))


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for event in _SQLITE:
        if postgresql:
            op.execute(f"DROP TRIGGER milestone_current_{event} ON milestone")
            op.execute(f"DROP FUNCTION milestone_current_{event}()")
        else:
            op.execute(f"DROP TRIGGER milestone_current_{event}")
    op.drop_index("ix_task_listing", "task")
    # In place on both (SQLite 3.35+): a batch copy of the task table would drop it, and with
    # it, through their foreign keys, every milestone and assignment.
    for column in ("current_completed", "current_judged", "current_due"):
        op.execute(f"ALTER TABLE task DROP COLUMN {column}")
