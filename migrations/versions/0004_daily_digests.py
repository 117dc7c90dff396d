"""daily digests: a person's digest time, pause and last day covered; images served by URL

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("official") as batch:
        batch.add_column(sa.Column("digest_at", sa.Time(), nullable=True))
        batch.add_column(sa.Column("paused_until", sa.Date(), nullable=True))
        batch.add_column(sa.Column("digested_through", sa.Date(), nullable=True))
    op.create_table(
        "public_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("mime_type", sa.String(length=60), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_image")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_public_image_token_hash")),
    )
    op.create_index(
        op.f("ix_public_image_expires_at"), "public_image", ["expires_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_public_image_expires_at"), table_name="public_image")
    op.drop_table("public_image")
    # In place on both (SQLite 3.35+): a batch copy of the official table would drop it, and
    # with it, through their foreign keys, the rows that refer to officials.
    for column in ("digested_through", "paused_until", "digest_at"):
        op.execute(f"ALTER TABLE official DROP COLUMN {column}")
