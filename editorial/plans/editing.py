"""The plan editor's changes to a plan and its columns: create a draft for a year, edit its
header as signed, add, edit and remove columns, publish it. Only drafts are edited here; a
published plan changes through direct edits and change requests (audited)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.plans.editor_forms import ColumnInput, PlanInput
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import PlanStatus
from editorial.units.models import Unit
from editorial.units.rules import UnitKind


def focal_choices(province_id: int) -> list[Unit]:
    """The departments of a province that can be a plan's focal point (đầu mối)."""
    query = (select(Unit).where(Unit.in_province(province_id), Unit.kind == UnitKind.DEPARTMENT)
             .order_by(Unit.position, Unit.id))
    return list(db.session.scalars(query))


def create_plan(province_id: int, year: int, values: PlanInput) -> Plan:
    """A new draft plan of the province for `year`; refused when the year has one."""
    taken = select(Plan.id).where(Plan.unit_id == province_id, Plan.year == year)
    if db.session.scalar(taken) is not None:
        raise RuleViolation(_("Đã có kế hoạch năm %(year)s.", year=year))
    plan = Plan(year=year, unit_id=province_id, status=PlanStatus.DRAFT, title=values.title)
    _apply_header(plan, values)
    db.session.add(plan)
    db.session.flush()
    return plan


def update_plan(plan: Plan, values: PlanInput) -> dict:
    """Change a draft's header; returns what it was, for the audit log."""
    require_draft(plan)
    before = header_of(plan)
    plan.title = values.title
    _apply_header(plan, values)
    db.session.flush()
    return before


def header_of(plan: Plan) -> dict:
    """The header's values as the audit log records them."""
    return {"title": plan.title, "number": plan.number, "signed_on": plan.signed_on,
            "signer": plan.signer, "focal_unit_id": plan.focal_unit_id}


def _apply_header(plan: Plan, values: PlanInput) -> None:
    if values.focal_unit_id is not None and values.focal_unit_id not in {
            u.id for u in focal_choices(plan.unit_id)}:
        raise RuleViolation(_("Hãy chọn ban đầu mối trong danh sách."))
    plan.number, plan.signed_on, plan.signer = values.number, values.signed_on, values.signer
    plan.focal_unit_id = values.focal_unit_id


def require_draft(plan: Plan) -> None:
    """Refuse to edit a published plan here (its changes are audited elsewhere)."""
    if plan.status != PlanStatus.DRAFT:
        raise RuleViolation(_("Kế hoạch đã ban hành: hãy sửa từng nội dung qua trang của nó "
                              "(sửa trực tiếp hoặc đề nghị thay đổi)."))


def publish(plan: Plan) -> None:
    """Make a draft the active plan: units see it, get its deadlines and reminders."""
    require_draft(plan)
    rows = db.session.scalar(select(func.count(Slot.id)).join(Slot.column)
                             .where(PlanColumn.plan_id == plan.id))
    if not rows:
        raise RuleViolation(_("Kế hoạch chưa có dòng nào; hãy thêm nội dung trước khi ban hành."))
    plan.status = PlanStatus.ACTIVE
    db.session.flush()


def add_column(plan: Plan, values: ColumnInput) -> PlanColumn:
    """A new column at the end of the plan."""
    require_draft(plan)
    column = PlanColumn(position=max((c.position for c in plan.columns), default=-1) + 1)
    _apply_column(column, values)
    plan.columns.append(column)
    db.session.flush()
    return column


def update_column(column: PlanColumn, values: ColumnInput) -> None:
    """Rename a column, change its channel or broadcast pattern; its cadence only while it has
    no rows (the rows' periods are the cadence's)."""
    require_draft(column.plan)
    cadence = (column.cadence, column.every_weeks)
    if column.slots and cadence != (values.cadence, values.every_weeks):
        raise RuleViolation(_("Chuyên mục đã có dòng: hãy xóa các dòng trước khi đổi tần suất."))
    _apply_column(column, values)
    db.session.flush()


def _apply_column(column: PlanColumn, values: ColumnInput) -> None:
    column.name, column.channel = values.name, values.channel
    column.cadence, column.every_weeks = values.cadence, values.every_weeks
    pattern = values.pattern
    column.air_weekday = pattern.weekday if pattern else None
    column.air_week_of_month = pattern.week_of_month if pattern else None
    column.air_time = pattern.at if pattern else None


def remove_column(column: PlanColumn) -> None:
    """Remove a draft's column and its rows."""
    require_draft(column.plan)
    db.session.delete(column)
    db.session.flush()
