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
    op.add_column("plan", sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    # In place on both (SQLite 3.35+): a batch copy of the plan table would drop it, and with
    # it, through their foreign keys, the plan's tasks.
    op.execute("ALTER TABLE plan DROP COLUMN revision")
