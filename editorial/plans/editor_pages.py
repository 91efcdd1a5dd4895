"""What the plan editor's pages show: the plan, its columns with their rows, the choices of
its forms, and the form that failed with its message and what was typed."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from editorial.plans import editing, editing_rows, labels
from editorial.plans.editor_forms import ALL_UNITS, EVERY_N_WEEKS
from editorial.plans.models import Plan
from editorial.plans.rules import Cadence, Channel, PlanStatus
from editorial.units import settings
from editorial.web.render import page_or_fragment

WEEKDAYS = (_l("Thứ Hai"), _l("Thứ Ba"), _l("Thứ Tư"), _l("Thứ Năm"), _l("Thứ Sáu"),
            _l("Thứ Bảy"), _l("Chủ nhật"))
WEEKS = ((1, _l("tuần 1")), (2, _l("tuần 2")), (3, _l("tuần 3")), (4, _l("tuần 4")),
         (5, _l("tuần cuối")))
CADENCES = ((Cadence.MONTHLY.value, _l("Hằng tháng")), (Cadence.WEEKLY.value, _l("Hằng tuần")),
            (EVERY_N_WEEKS, _l("Cách N tuần")))


def cadence_choice(column) -> str:
    """The form's cadence value of a column (every N weeks is weekly with N > 1)."""
    if column.cadence == Cadence.WEEKLY and column.every_weeks > 1:
        return EVERY_N_WEEKS
    return column.cadence.value


def editor_page(plan: Plan, failed: str | None = None, error: str | None = None,
                status: int = 200, editing_slot: int | None = None):
    """The editor page (the `#plan-editor` fragment for htmx)."""
    return page_or_fragment(
        "plans/editor/page.html", "plans/editor/_editor.html", status=status, plan=plan,
        draft=plan.status == PlanStatus.DRAFT,
        columns=[(c, editing_rows.rows_of(c)) for c in plan.columns],
        units=settings.assignable_units(plan.year), all_units=ALL_UNITS,
        all_units_label=settings.duties(plan.unit_id).all_units_label,
        focal_units=editing.focal_choices(plan.unit_id), channels=list(Channel),
        channel_labels=labels.CHANNEL_LABELS, cadences=CADENCES, weekdays=WEEKDAYS,
        weeks=WEEKS, cadence_choice=cadence_choice, failed=failed, error=error,
        typed=request.form if failed else {}, editing_slot=editing_slot)


def new_plan_page(year: int | None, error: str | None = None, status: int = 200):
    """The "no plan for this year yet" page: the creation form for editors, a note for others."""
    province = current_user.unit.root_id
    focal = settings.settings_of(province)
    return page_or_fragment(
        "plans/editor/new.html", "plans/editor/new.html", status=status, year=year,
        error=error, typed=request.form if error else {},
        focal_units=editing.focal_choices(province) if current_user.is_editor else [],
        default_focal=focal.focal_unit_id if focal is not None else None)
