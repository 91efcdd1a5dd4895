"""Meeting times: a province's report rule (a meeting) may carry its hours, so the
briefing meeting is a timed event in Viet Nam time rather than a whole day.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 13:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report_rule_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_time', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('end_time', sa.Time(), nullable=True))


def downgrade():
    with op.batch_alter_table('report_rule_entries', schema=None) as batch_op:
        batch_op.drop_column('end_time')
        batch_op.drop_column('start_time')
