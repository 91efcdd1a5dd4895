"""The audit log: who did what, when, before → after; filterable, exportable as CSV."""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, request

from editorial.audit import queries
from editorial.auth.rules import Role
from editorial.clock import VN
from editorial.plans.values import readable_pairs
from editorial.units.services import all_units, unit_names
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("audit", __name__)
COLUMNS = ["thời điểm", "người thực hiện", "hành động", "đối tượng", "mã", "đơn vị",
           "trước", "sau", "ghi chú"]


def cell(value: object) -> str:
    """A CSV cell spreadsheet programs will not run as a formula (=, +, -, @ at the start)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class Readable:
    """An entry's before and after for people: only the values that changed, field names in
    words, unit names instead of ids, dates as d/m/Y."""

    def __init__(self) -> None:
        self.unit_names = unit_names()

    def __call__(self, entry) -> tuple[str, str]:
        before, after = _values(entry.before), _values(entry.after)
        if before and after:
            keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
            before = {k: before.get(k) for k in keys}
            after = {k: after.get(k) for k in keys}
        return (readable_pairs(before, self.unit_names), readable_pairs(after, self.unit_names))


def _values(raw: str | None) -> dict:
    return json.loads(raw) if raw else {}


@bp.get("/audit")
@roles_required(Role.EDITOR, Role.VIEWER)
def index():
    """The log, newest first, 100 rows a page."""
    filters = queries.AuditFilter.parse(request.args)
    rows, more = queries.page(filters)
    return page_or_fragment("audit/index.html", "audit/_rows.html", rows=rows, more=more,
                            filters=filters, units=all_units(), changed=Readable())


@bp.get("/audit.csv")
@roles_required(Role.EDITOR, Role.VIEWER)
def export():
    """The filtered log as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese)."""
    filters = queries.AuditFilter.parse(request.args)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    changed = Readable()
    for e in queries.all_rows(filters):
        writer.writerow([cell(v) for v in (
            e.at.astimezone(VN).strftime("%d/%m/%Y %H:%M:%S"), e.actor.login if e.actor else "",
            e.action, e.subject_type, e.subject_id or "", e.unit.name if e.unit else "",
            *changed(e), e.note)])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"})
