"""targets (chỉ tiêu), the agencies answering for them, and the values reported

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("comparison", sa.String(length=2), nullable=False),
        sa.Column("value", sa.Numeric(precision=16, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=40), nullable=True),
        sa.Column("change", sa.String(length=10), nullable=True),
        sa.Column("baseline", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("removed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_target_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_target_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
        sa.UniqueConstraint("plan_id", "key", name=op.f("uq_target_plan_id_key")),
    )
    op.create_index(op.f("ix_target_plan_id"), "target", ["plan_id"], unique=False)
    op.create_index(op.f("ix_target_task_id"), "target", ["task_id"], unique=False)
    op.create_table(
        "target_agency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_target_agency_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["target.id"],
            name=op.f("fk_target_agency_target_id_target"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_agency")),
    )
    op.create_index(
        op.f("ix_target_agency_target_id"), "target_agency", ["target_id"], unique=False
    )
    op.create_table(
        "target_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Numeric(precision=16, scale=3), nullable=False),
        sa.Column("numerator", sa.Numeric(precision=16, scale=3), nullable=True),
        sa.Column("denominator", sa.Numeric(precision=16, scale=3), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("evidence_name", sa.String(length=300), nullable=True),
        sa.Column("evidence_mime", sa.String(length=100), nullable=True),
        sa.Column("evidence_path", sa.String(length=500), nullable=True),
        sa.Column("reported_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["official_id"], ["official.id"], name=op.f("fk_target_value_official_id_official")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["target.id"],
            name=op.f("fk_target_value_target_id_target"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_value")),
    )
    op.create_index(
        op.f("ix_target_value_reported_at"), "target_value", ["reported_at"], unique=False
    )
    op.create_index(op.f("ix_target_value_target_id"), "target_value", ["target_id"], unique=False)


def downgrade() -> None:
    op.drop_table("target_value")
    op.drop_table("target_agency")
    op.drop_table("target")
