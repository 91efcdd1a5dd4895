"""Each province's own calendar data: its anniversaries, report rules, Khmer New Year dates and
deadline rule carry its province (the rows stored so far go to the first province, the only
one before several could share a server); the admins' days off stay national.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-02 13:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None

KEYED = ('anniversary_entries', 'report_rule_entries')


def _first_province(bind):
    units = sa.table('units', sa.column('id'), sa.column('parent_id'))
    return bind.execute(sa.select(sa.func.min(units.c.id))
                        .where(units.c.parent_id.is_(None))).scalar()


def _fill(bind, table: str, province) -> None:
    rows = sa.table(table, sa.column('province_id'))
    if province is None:  # calendar data without any unit cannot belong anywhere
        bind.execute(rows.delete())
    else:
        bind.execute(rows.update().values(province_id=province))


def upgrade():
    bind = op.get_bind()
    province = _first_province(bind)
    for table in (*KEYED, 'khmer_new_year_overrides', 'deadline_settings'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('province_id', sa.Integer(), nullable=True))
        _fill(bind, table, province)
    for table in KEYED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('province_id', existing_type=sa.Integer(), nullable=False)
            batch_op.drop_constraint(f'uq_{table}_key', type_='unique')
            batch_op.create_unique_constraint(batch_op.f(f'uq_{table}_province_id'),
                                              ['province_id', 'key'])
            batch_op.create_index(batch_op.f(f'ix_{table}_province_id'), ['province_id'])
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_province_id_units'), 'units',
                                        ['province_id'], ['id'])
    with op.batch_alter_table('khmer_new_year_overrides', schema=None) as batch_op:
        batch_op.alter_column('province_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint('pk_khmer_new_year_overrides', type_='primary')
        batch_op.create_primary_key('pk_khmer_new_year_overrides', ['province_id', 'year'])
        batch_op.create_foreign_key(batch_op.f('fk_khmer_new_year_overrides_province_id_units'),
                                    'units', ['province_id'], ['id'])
    with op.batch_alter_table('deadline_settings', schema=None) as batch_op:
        batch_op.alter_column('province_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_deadline_settings_province_id'),
                                          ['province_id'])
        batch_op.create_foreign_key(batch_op.f('fk_deadline_settings_province_id_units'),
                                    'units', ['province_id'], ['id'])


def downgrade():
    with op.batch_alter_table('deadline_settings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_deadline_settings_province_id_units'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_deadline_settings_province_id'), type_='unique')
        batch_op.drop_column('province_id')
    with op.batch_alter_table('khmer_new_year_overrides', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_khmer_new_year_overrides_province_id_units'),
                                 type_='foreignkey')
        batch_op.drop_constraint('pk_khmer_new_year_overrides', type_='primary')
        batch_op.create_primary_key('pk_khmer_new_year_overrides', ['year'])
        batch_op.drop_column('province_id')
    for table in KEYED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_province_id_units'),
                                     type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_province_id'))
            batch_op.drop_constraint(batch_op.f(f'uq_{table}_province_id'), type_='unique')
            batch_op.create_unique_constraint(f'uq_{table}_key', ['key'])
            batch_op.drop_column('province_id')
