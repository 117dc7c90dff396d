"""a plan's tasks indexed by number, for a task asked for by its number; planner statistics

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


# Plain statements, not a batch: a batch may rebuild the table on SQLite.
def upgrade() -> None:
    op.create_index("ix_task_plan_number", "task", ["plan_id", "number"])
    op.drop_index("ix_task_plan_id", table_name="task")
    # Imports now refresh the planner's statistics (services.plans); a database imported
    # before gets them here.
    op.execute("ANALYZE")


def downgrade() -> None:
    op.create_index("ix_task_plan_id", "task", ["plan_id"])
    op.drop_index("ix_task_plan_number", table_name="task")
