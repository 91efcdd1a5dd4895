"""The admin's unit import (upload → preview → confirm) and export, for their province."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from editorial.admin import unit_import_form as forms
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.units import imports
from editorial.units.labels import IMPORT_ACTIONS, KIND_LABELS
from editorial.units.models import Unit
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("unit_import", __name__, url_prefix="/admin/units")


def _province() -> Unit:
    return db.session.get(Unit, current_user.unit.root_id)


def _page(status: int, error: str | None = None, upload: forms.Upload | None = None,
          found: imports.Check | None = None) -> Response:
    return page_or_fragment("admin/import_units.html", "admin/import_units.html", status=status,
                            error=error, upload=upload, found=found, province=_province(),
                            kind_labels=KIND_LABELS, action_labels=IMPORT_ACTIONS)


def _preview(upload: forms.Upload, error: str | None = None, status: int = 200) -> Response:
    """The file's rows as they would be saved; 422 when a row (or the file) is refused."""
    try:
        found = imports.check(upload.data, upload.filename, _province())
    except ValueError as refused:
        return _page(422, str(refused))
    if not found.ok:
        bad = sum(bool(row.errors) for row in found.rows)
        error = error or _("%(n)s dòng có lỗi; chưa lưu gì. Hãy sửa tệp rồi tải lên lại.", n=bad)
        status = max(status, 422)
    return _page(status, error, upload, found)


@bp.post("/import")
@roles_required(Role.ADMIN)
def preview():
    """Read the uploaded file and show what importing it would do; nothing is saved."""
    try:
        upload = forms.uploaded(request.files)
    except RuleViolation as refused:
        return _page(422, str(refused))
    return _preview(upload)


@bp.post("/import/confirm")
@roles_required(Role.ADMIN)
def confirm():
    """Save the previewed file in one transaction, unless the preview would now differ."""
    try:
        upload, fingerprint = forms.carried(request.form)
    except RuleViolation as refused:
        return _page(422, str(refused))
    return attempt(
        lambda: imports.confirm(current_user, _province(), upload.data, upload.filename,
                                fingerprint),
        lambda saved: redirect(url_for("admin.list_units", imported=saved), code=303),
        lambda error, status: _preview(upload, error, status))


@bp.get("/export.csv")
@roles_required(Role.ADMIN)
def export():
    """The province's unit tree as a .csv in the import format."""
    response = Response(imports.export_csv(current_user.unit.root_id), mimetype="text/csv")
    response.headers["Content-Disposition"] = "attachment; filename=don-vi.csv"
    return response
