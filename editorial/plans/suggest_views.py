"""Suggestions for a year: what each month could centre on, one click to make a suggestion
the topic of a draft plan's row, and the year's clashes."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.plans import labels, suggesting
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("plan_suggest", __name__)
SOURCE_LABELS = {
    "anniversary": _l("Ngày kỷ niệm"), "lunar": _l("Lễ, Tết âm lịch"), "period": _l("Đợt cao điểm"),
    "local": _l("Ngày của địa phương"), "campaign": _l("Sự kiện trong năm"),
}
MISSING_CHOICE = _l("Hãy chọn dòng của kế hoạch nháp.")
BAD_YEAR = _l("Năm phải nằm trong khoảng 2000–2100.")


@bp.get("/plans/<int:year>/suggestions")
@roles_required(Role.EDITOR)
def index(year: int):
    """The twelve months of `year` with their suggestions, draft rows and clashes."""
    return _page(year)


@bp.post("/plans/<int:year>/suggestions/use")
@roles_required(Role.EDITOR)
def use(year: int):
    """Set a suggestion as the topic of a draft row of its month (422 when there is none)."""

    def change():
        month, slot_id = _number("month"), _number("slot")
        slot, before, row = suggesting.use(year, month, request.form.get("key", ""), slot_id)
        audit.record(current_user, "slot.topic_from_suggestion", slot, before={"topic": before},
                     after={"topic": slot.topic, "slots": [s.id for s in row]})
        return month

    return attempt(change, lambda month: redirect(
        url_for("plan_suggest.index", year=year, _anchor=f"thang-{month}"), 303),
        lambda error, status: _page(year, error, status))


def _number(name: str) -> int:
    value = request.form.get(name, "")
    if not value.isdecimal():
        raise RuleViolation(str(MISSING_CHOICE))
    return int(value)


def _page(year: int, error: str | None = None, status: int = 200):
    if not 2000 <= year <= 2100:
        raise RuleViolation(str(BAD_YEAR))
    return page_or_fragment("plans/suggestions.html", "plans/suggestions.html", status=status,
                            year=year, months=suggesting.for_year(year), error=error,
                            channel_labels=labels.CHANNEL_LABELS,
                            source_labels=SOURCE_LABELS)
