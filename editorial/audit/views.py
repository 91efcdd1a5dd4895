"""The audit log: who did what, when, before → after, in words; filterable, exportable as CSV
(words and codes side by side). Officers read their own unit's entries only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask import Blueprint, Response, request
from flask_babel import gettext as _
from flask_login import current_user

from editorial.audit import queries
from editorial.audit.present import Line, Presenter, flat
from editorial.auth.rules import Role
from editorial.clock import VN
from editorial.sheets import csv_cell
from editorial.units.services import all_units
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("audit", __name__)
READERS = (Role.EDITOR, Role.VIEWER, Role.OFFICER)  # admins always pass


def columns() -> list[str]:
    """The CSV's header: each thing in words, then its code."""
    return [_("thời điểm"), _("người thực hiện"), _("tên đăng nhập"), _("hành động"),
            _("mã hành động"), _("đối tượng"), _("loại đối tượng"), _("mã đối tượng"),
            _("đơn vị"), _("mã đơn vị"), _("trước"), _("sau"), _("ghi chú"),
            _("trước (mã)"), _("sau (mã)"), _("ghi chú (mã)")]


def _units():
    """The unit filter's choices: every unit, or an officer's own."""
    if current_user.reads_all:
        return all_units()
    return [current_user.unit] if current_user.unit else []


@bp.get("/audit")
@roles_required(*READERS)
def index():
    """The log, newest first, 100 rows a page."""
    filters = queries.AuditFilter.parse(request.args)
    rows, more = queries.page(filters, current_user)
    return page_or_fragment("audit/index.html", "audit/_rows.html", lines=Presenter(rows).lines(),
                            more=more, filters=filters, units=_units())


def _pairs(pairs: list[tuple[str, object]]) -> str:
    return "; ".join(f"{label}: {flat(value)}" for label, value in pairs)


def _row(line: Line) -> list[str]:
    e = line.entry
    return [csv_cell(v) for v in (
        e.at.astimezone(VN).strftime("%d/%m/%Y %H:%M:%S"),
        e.actor.name if e.actor else _("Hệ thống"), e.actor.login if e.actor else "",
        line.action, e.action, line.target.text, e.subject_type, e.subject_id or "",
        line.unit, e.unit_id or "", _pairs(line.before), _pairs(line.after), line.note.text,
        e.before or "", e.after or "", e.note)]


def _batches(entries: Iterable, size: int = 500) -> Iterator[list]:
    batch = []
    for entry in entries:
        batch.append(entry)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@bp.get("/audit.csv")
@roles_required(*READERS)
def export():
    """The filtered log as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese)."""
    filters = queries.AuditFilter.parse(request.args)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(columns())
    for batch in _batches(queries.all_rows(filters, current_user)):
        writer.writerows(_row(line) for line in Presenter(batch).lines())
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"})
