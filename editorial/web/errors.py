"""Error pages in Vietnamese: one place maps HTTP errors and domain exceptions to answers."""

from __future__ import annotations

from flask import Flask, Response, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import DataError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from editorial.errors import DomainError
from editorial.extensions import db
from editorial.web.render import page_or_fragment
from editorial.web.requestlog import request_id


def _titles() -> dict[int, str]:
    return {
        400: _("Yêu cầu không hợp lệ"),
        403: _("Bạn không có quyền thực hiện việc này"),
        404: _("Không tìm thấy trang"),
        405: _("Phương thức không được hỗ trợ"),
        409: _("Dữ liệu vừa được người khác thay đổi"),
        422: _("Dữ liệu chưa hợp lệ"),
        500: _("Đã có lỗi xảy ra"),
    }


def _answer(status: int, message: str = ""):
    title = _titles().get(status, _("Đã có lỗi xảy ra"))
    if request.path.endswith(".ics"):  # a calendar client: a line of text, no page, no cookie
        return Response(f"{status} {title}\n", status=status,
                        content_type="text/plain; charset=utf-8")
    return page_or_fragment(
        "errors/error.html", "errors/_message.html", status=status, status_code=status,
        title=title, message=message,
    )


def register(app: Flask) -> None:
    """Install the handlers on the app."""

    @app.before_request
    def refuse_control_characters():
        """A NUL byte cannot be stored (PostgreSQL refuses it in text): refuse it up front
        rather than fail in the database and lose what was typed."""
        if any("\x00" in value for source in (request.args, request.form)
               for values in source.listvalues() for value in values):
            return _answer(400, _("Dữ liệu gửi lên có ký tự không hợp lệ; hãy nhập lại."))
        return None

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        db.session.rollback()
        return _answer(error.status, str(error))

    @app.errorhandler(OverflowError)
    @app.errorhandler(DataError)
    def out_of_range(_error: Exception):
        db.session.rollback()  # an id or a date beyond what the database holds: nothing there
        return _answer(404)

    @app.errorhandler(StaleDataError)
    def stale(_error: StaleDataError):
        db.session.rollback()  # a concurrent writer won: answer like a version mismatch
        return _answer(409, _("Dữ liệu vừa được người khác thay đổi; hãy tải lại trang."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code == 400 and "CSRF" in (error.description or ""):
            return _answer(400, _("Phiên làm việc đã hết hạn, vui lòng tải lại trang và thử lại."))
        return _answer(error.code or 500)

    @app.errorhandler(500)
    def server_error(_error):
        db.session.rollback()
        return render_template("errors/error.html", status_code=500, title=_("Đã có lỗi xảy ra"),
                               message="", error_id=request_id()), 500
