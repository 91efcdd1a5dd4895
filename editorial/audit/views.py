"""The audit log: who did what, when, before → after; filterable, exportable as CSV."""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, request

from editorial.audit import queries
from editorial.auth.models import Role
from editorial.clock import VN
from editorial.units.services import all_units
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("audit", __name__)
COLUMNS = ["thời điểm", "người thực hiện", "hành động", "đối tượng", "mã", "đơn vị",
           "trước", "sau", "ghi chú"]


def cell(value: object) -> str:
    """A CSV cell spreadsheet programs will not run as a formula (=, +, -, @ at the start)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def pretty(raw: str | None) -> str:
    """JSON text of values as `key: value; …` for people."""
    if not raw:
        return ""
    values = json.loads(raw)
    return "; ".join(f"{k}: {'' if v is None else v}" for k, v in values.items())


@bp.get("/audit")
@roles_required(Role.EDITOR, Role.VIEWER)
def index():
    """The log, newest first, 100 rows a page."""
    filters = queries.AuditFilter.parse(request.args)
    rows, more = queries.page(filters)
    return page_or_fragment("audit/index.html", "audit/_rows.html", rows=rows, more=more,
                            filters=filters, units=all_units(), pretty=pretty)


@bp.get("/audit.csv")
@roles_required(Role.EDITOR, Role.VIEWER)
def export():
    """The filtered log as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese)."""
    filters = queries.AuditFilter.parse(request.args)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for e in queries.all_rows(filters):
        writer.writerow([cell(v) for v in (
            e.at.astimezone(VN).strftime("%d/%m/%Y %H:%M:%S"), e.actor.login if e.actor else "",
            e.action, e.subject_type, e.subject_id or "", e.unit.name if e.unit else "",
            pretty(e.before), pretty(e.after), e.note)])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"})
