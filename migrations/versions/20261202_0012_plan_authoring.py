"""Plan authoring: a plan's number/symbol, signing date, signer and focal department; a
column's "every N weeks" and broadcast pattern (weekday, week of the month, time); a row's note.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 13:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.String(length=60), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('signed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('signer', sa.String(length=200), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('focal_unit_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_plans_focal_unit_id_units'), 'units',
                                    ['focal_unit_id'], ['id'])
    with op.batch_alter_table('plan_columns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('every_weeks', sa.Integer(), nullable=False,
                                      server_default='1'))
        batch_op.add_column(sa.Column('air_weekday', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('air_week_of_month', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('air_time', sa.String(length=5), nullable=True))
    with op.batch_alter_table('slots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('slots', schema=None) as batch_op:
        batch_op.drop_column('note')
    with op.batch_alter_table('plan_columns', schema=None) as batch_op:
        batch_op.drop_column('air_time')
        batch_op.drop_column('air_week_of_month')
        batch_op.drop_column('air_weekday')
        batch_op.drop_column('every_weeks')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plans_focal_unit_id_units'), type_='foreignkey')
        batch_op.drop_column('focal_unit_id')
        batch_op.drop_column('signer')
        batch_op.drop_column('signed_on')
        batch_op.drop_column('number')
