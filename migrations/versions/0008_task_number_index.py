"""a plan's tasks indexed by number; the list's covering index holds the plan; statistics

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 04:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JUDGED = ["current_due", "current_judged", "current_completed"]
SORTED = ["section", "number", "activity_index", "position", "progress_percent"]


# Plain statements, not a batch: a batch may rebuild the table on SQLite.
def upgrade() -> None:
    op.create_index("ix_task_plan_number", "task", ["plan_id", "number"])
    op.drop_index("ix_task_plan_id", table_name="task")
    # The plan joins the covering index of migration 0007: whether a task is live in the plan
    # a question names, without reading the task's row and its texts.
    op.drop_index("ix_task_listing", table_name="task")
    op.create_index("ix_task_listing", "task", ["id", "removed_at", "plan_id", *JUDGED, *SORTED])
    # Imports now refresh the planner's statistics (services.plans); a database imported
    # before gets them here.
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_task_listing", table_name="task")
    op.create_index("ix_task_listing", "task", ["id", "removed_at", *JUDGED, *SORTED])
    op.create_index("ix_task_plan_id", "task", ["plan_id"])
    op.drop_index("ix_task_plan_number", table_name="task")
