"""indexes that read a window's milestones and the names a plan writes from the index alone

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 07:00:00

A question about an agency's tasks in a window ("việc quá hạn quý 1", "tuần sau đến hạn những
gì") reads the milestones due in it: by due date, with what judges and orders them, instead
of every milestone of the plan. How a plan writes an agency (`services.reports.names_in_plans`)
is counted from the agency's assignments without reading their rows.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WINDOW = ["due", "task_id", "position", "completed_on", "original_due", "id"]


# Plain statements, not a batch: a batch may rebuild the table on SQLite.
def upgrade() -> None:
    op.create_index("ix_milestone_window", "milestone", WINDOW)
    op.create_index("ix_assignment_written", "assignment", ["agency_id", "as_written", "task_id"])
    # SQLite keeps statistics per index: give the new ones theirs.
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_assignment_written", table_name="assignment")
    op.drop_index("ix_milestone_window", table_name="milestone")
