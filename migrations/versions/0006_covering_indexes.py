"""indexes that answer an agency's list from the index alone, and accounts by official

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 22:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("assignment") as batch:
        batch.drop_index("ix_assignment_agency_role")
        batch.create_index("ix_assignment_agency_task", ["agency_id", "task_id", "role"])
    with op.batch_alter_table("milestone") as batch:
        batch.drop_index("ix_milestone_task_id")
        batch.create_index(
            "ix_milestone_task", ["task_id", "position", "completed_on", "due", "original_due"]
        )
    with op.batch_alter_table("channel_account") as batch:
        batch.create_index(batch.f("ix_channel_account_official_id"), ["official_id"])


def downgrade() -> None:
    with op.batch_alter_table("channel_account") as batch:
        batch.drop_index(batch.f("ix_channel_account_official_id"))
    with op.batch_alter_table("milestone") as batch:
        batch.drop_index("ix_milestone_task")
        batch.create_index("ix_milestone_task_id", ["task_id"])
    with op.batch_alter_table("assignment") as batch:
        batch.drop_index("ix_assignment_agency_task")
        batch.create_index("ix_assignment_agency_role", ["agency_id", "role"])
