"""Feeds: per-user feed settings (secret, choices, last use) and the calendar data version.

Revision ID: 0004
Revises: 0006
Create Date: 2026-11-25 22:01:36.618767
"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa

import editorial.models_base


revision = '0004'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    versions = op.create_table('calendar_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('counter', sa.Integer(), nullable=False),
    sa.Column('changed_at', editorial.models_base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_versions'))
    )
    # The one row the feeds' cache key reads; the app also creates it if it is missing.
    op.bulk_insert(versions, [{'id': 1, 'counter': 0, 'changed_at': datetime.now(UTC)}])
    op.create_table('feed_settings',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('hidden_groups', sa.String(length=200), nullable=False),
    sa.Column('alarm', sa.String(length=20), nullable=False),
    sa.Column('changed_at', editorial.models_base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', editorial.models_base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_used_scope', sa.String(length=70), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_feed_settings_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_feed_settings'))
    )


def downgrade():
    op.drop_table('feed_settings')
    op.drop_table('calendar_versions')
