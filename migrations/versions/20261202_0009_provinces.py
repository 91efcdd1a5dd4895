"""Provinces as data: each unit's province, validity dates and "formed from" links; what each
province decided (focal department, who owes what); an "all units" slot becomes one slot per
unit, so each unit registers its own; audit entries carry their province.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 08:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

SEED_ALL_UNITS = "Ủy ban MTTQVN các huyện, thị xã, thành phố"
SLOT_COPY = ("column_id", "period_start", "period_end", "topic", "status", "record_date",
             "air_date", "print_date", "final_title", "done_note", "search_folded", "created_at",
             "updated_at")


def upgrade():
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('province_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('valid_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('valid_to', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_units_province_id'), ['province_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_units_province_id_units'), 'units',
                                    ['province_id'], ['id'])
    op.create_table('unit_lineage',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('predecessor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['predecessor_id'], ['units.id'], name=op.f('fk_unit_lineage_predecessor_id_units'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_lineage_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', 'predecessor_id', name=op.f('pk_unit_lineage'))
    )
    op.create_table('province_settings',
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('focal_unit_id', sa.Integer(), nullable=True),
    sa.Column('assignable_kinds', sa.String(length=200), nullable=False),
    sa.Column('registering_kinds', sa.String(length=200), nullable=False),
    sa.Column('quota_json', sa.Text(), nullable=False),
    sa.Column('all_units_label', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['focal_unit_id'], ['units.id'], name=op.f('fk_province_settings_focal_unit_id_units')),
    sa.ForeignKeyConstraint(['province_id'], ['units.id'], name=op.f('fk_province_settings_province_id_units')),
    sa.PrimaryKeyConstraint('province_id', name=op.f('pk_province_settings'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('province_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_audit_entries_province_id'), ['province_id'],
                              unique=False)
    with op.batch_alter_table('slots', schema=None) as batch_op:
        batch_op.drop_constraint('uq_slots_column_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_slots_column_id'),
                                          ['column_id', 'period_start', 'assigned_unit_id'])
    _fill(op.get_bind())


def _fill(bind) -> None:
    """Existing rows: provinces of units and audit entries, the districts' settings, one slot
    per unit for the "all units" months."""
    units = sa.table('units', sa.column('id'), sa.column('parent_id'), sa.column('kind'),
                     sa.column('province_id'), sa.column('short_name'))
    parents = {r.id: r.parent_id for r in bind.execute(sa.select(units.c.id, units.c.parent_id))}
    root = {}
    for unit in parents:
        node = unit
        while parents.get(node) is not None:
            node = parents[node]
        root[unit] = node
        if node != unit:
            bind.execute(units.update().where(units.c.id == unit).values(province_id=node))
    _audit(bind, root)
    _settings(bind, units, root)
    _expand_slots(bind, units, root)


def _audit(bind, root: dict) -> None:
    audit = sa.table('audit_entries', sa.column('id'), sa.column('unit_id'),
                     sa.column('province_id'))
    for entry_id, unit_id in bind.execute(sa.select(audit.c.id, audit.c.unit_id)).all():
        if unit_id in root:
            bind.execute(audit.update().where(audit.c.id == entry_id)
                         .values(province_id=root[unit_id]))


def _settings(bind, units, root: dict) -> None:
    rows = bind.execute(sa.select(units.c.id, units.c.kind, units.c.short_name)).all()
    settings = sa.table('province_settings', sa.column('province_id'),
                        sa.column('focal_unit_id'), sa.column('assignable_kinds'),
                        sa.column('registering_kinds'), sa.column('quota_json'),
                        sa.column('all_units_label'))
    for province in {root[r.id] for r in rows if r.kind == 'district'}:
        focal = next((r.id for r in rows if root[r.id] == province and r.kind == 'department'
                      and r.short_name == 'Ban PT-TG'), None)
        bind.execute(settings.insert().values(
            province_id=province, focal_unit_id=focal, assignable_kinds='district',
            registering_kinds='district', quota_json='{"district": [2, 1]}',
            all_units_label=SEED_ALL_UNITS))


def _expand_slots(bind, units, root: dict) -> None:
    slots = sa.table('slots', sa.column('id'), sa.column('assigned_unit_id'),
                     sa.column('all_units'), sa.column('version'), *map(sa.column, SLOT_COPY))
    columns = sa.table('plan_columns', sa.column('id'), sa.column('plan_id'))
    plans = sa.table('plans', sa.column('id'), sa.column('unit_id'))
    registrations = sa.table('registrations', sa.column('slot_id'), sa.column('unit_id'))
    districts = bind.execute(sa.select(units.c.id).where(units.c.kind == 'district')
                             .order_by(units.c.id)).scalars().all()
    query = (sa.select(slots, plans.c.unit_id.label('plan_unit'))
             .join(columns, columns.c.id == slots.c.column_id)
             .join(plans, plans.c.id == columns.c.plan_id)
             .where(slots.c.all_units.is_(True), slots.c.assigned_unit_id.is_(None)))
    for slot in bind.execute(query).mappings().all():
        concerned = [u for u in districts if root[u] == root.get(slot['plan_unit'])]
        registered = bind.execute(sa.select(registrations.c.unit_id)
                                  .where(registrations.c.slot_id == slot['id'])).scalar()
        if not concerned:
            continue
        first = registered if registered in concerned else concerned[0]
        bind.execute(slots.update().where(slots.c.id == slot['id'])
                     .values(assigned_unit_id=first))
        for unit in concerned:
            if unit != first:
                bind.execute(slots.insert().values(
                    assigned_unit_id=unit, all_units=True, version=1,
                    **{c: slot[c] for c in SLOT_COPY}))


def downgrade():
    with op.batch_alter_table('slots', schema=None) as batch_op:
        batch_op.drop_constraint('uq_slots_column_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_slots_column_id'),
                                          ['column_id', 'period_start'])
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_province_id'))
        batch_op.drop_column('province_id')
    op.drop_table('province_settings')
    op.drop_table('unit_lineage')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_units_province_id_units'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_units_province_id'))
        batch_op.drop_column('valid_to')
        batch_op.drop_column('valid_from')
        batch_op.drop_column('province_id')
