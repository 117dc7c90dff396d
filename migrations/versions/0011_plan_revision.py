"""a plan's revision: the corrections made since its import

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 07:20:00

A plan's question reader was kept for the plan's id and the checksum of the document it was
imported from; a correction (an agency assigned or removed, a date, a corrected workbook)
changes what the reader must know without changing the document, so the reader kept the old
leads and titles until the bot restarted. Each correction now counts in ``plan.revision``,
and the reader is kept for it too.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("revision")
