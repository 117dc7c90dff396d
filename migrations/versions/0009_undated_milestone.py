"""every task has a milestone: a task whose plan sets no deadline gets one, undated

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 20:00:00

Counts, lists by state, reports and digests judge tasks by their milestones; a task with none
was counted nowhere, while the agency's list showed it as having no deadline. Imports now
give such a task one undated milestone without words (`services.plans.NO_DEADLINE`); the tasks
imported before get theirs here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "INSERT INTO milestone (task_id, position, label) "
        "SELECT task.id, 0, '' FROM task "
        "WHERE NOT EXISTS (SELECT 1 FROM milestone m WHERE m.task_id = task.id)"
    )


def downgrade() -> None:
    # Only the milestones this migration (or an import since) added, and only while nothing
    # was recorded against them.
    op.execute(
        "DELETE FROM milestone WHERE label = '' AND due IS NULL AND original_due IS NULL "
        "AND completed_on IS NULL "
        "AND id NOT IN (SELECT milestone_id FROM progress_report WHERE milestone_id IS NOT NULL) "
        "AND id NOT IN (SELECT milestone_id FROM notification WHERE milestone_id IS NOT NULL)"
    )
