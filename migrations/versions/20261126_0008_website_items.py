"""Tin, bài for the provincial website: announced events and the items units send.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 09:00:00
"""
from alembic import op
import sqlalchemy as sa

import editorial.models_base


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('web_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', editorial.models_base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_web_events_created_by_id_users')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_web_events_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_events'))
    )
    with op.batch_alter_table('web_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_web_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_web_events_unit_id'), ['unit_id'], unique=False)

    op.create_table('web_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('news', 'article', name='itemkind', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=500), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('submitted', 'published', 'rejected', name='itemstatus', native_enum=False, length=20), nullable=False),
    sa.Column('submitted_at', editorial.models_base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', editorial.models_base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', editorial.models_base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_web_items_author_id_users')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_web_items_decided_by_id_users')),
    sa.ForeignKeyConstraint(['event_id'], ['web_events.id'], name=op.f('fk_web_items_event_id_web_events')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_web_items_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_items'))
    )
    with op.batch_alter_table('web_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_web_items_event_id'), ['event_id'], unique=False)
        batch_op.create_index('ix_web_items_published', ['status', 'published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_web_items_unit_id'), ['unit_id'], unique=False)


def downgrade():
    with op.batch_alter_table('web_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_web_items_unit_id'))
        batch_op.drop_index('ix_web_items_published')
        batch_op.drop_index(batch_op.f('ix_web_items_event_id'))

    op.drop_table('web_items')
    with op.batch_alter_table('web_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_web_events_unit_id'))
        batch_op.drop_index(batch_op.f('ix_web_events_event_date'))

    op.drop_table('web_events')