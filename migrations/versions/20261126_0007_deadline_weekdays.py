"""The registration-deadline rule: whether a deadline may land on a worked weekend day.

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-26 02:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('deadline_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weekdays_only', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))


def downgrade():
    with op.batch_alter_table('deadline_settings', schema=None) as batch_op:
        batch_op.drop_column('weekdays_only')
