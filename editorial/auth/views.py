"""Log in, log out, and the language switch."""

from __future__ import annotations

import math
from datetime import datetime
from urllib.parse import urlsplit

from flask import Blueprint, Response, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from editorial import clock
from editorial.auth import services, throttle
from editorial.auth.forms import LoginForm, PasswordChangeForm
from editorial.auth.models import User
from editorial.extensions import db
from editorial.web.attempt import attempt
from editorial.web.render import page_or_fragment

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only redirect to a path on this site after login."""
    if target and target.startswith("/") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("dashboard.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; a wrong login or password gets one message, no hint which. Too many
    failures for a login or from an address lock both for a while (429, whatever is typed)."""
    form = LoginForm()
    error, status = None, 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        login_name, address = form.login.data, request.remote_addr
        until = throttle.locked_until(login_name, address)
        if until is not None:
            return _locked(form, until)
        user = services.authenticate(login_name, form.password.data)
        if user is not None:
            throttle.succeeded(login_name)
            db.session.commit()
            session.clear()
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")), code=303)
        throttle.failed(login_name, address)
        db.session.commit()
        error = _("Tên đăng nhập hoặc mật khẩu không đúng.")
    return page_or_fragment("auth/login.html", "auth/login.html", status=status, form=form,
                            error=error)


def _locked(form: LoginForm, until: datetime) -> Response:
    """The form again, refused until the lock ends (429 with Retry-After)."""
    seconds = max(1, math.ceil((until - clock.now()).total_seconds()))
    error = _("Đăng nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút, "
              "hoặc nhờ quản trị viên mở khóa.", minutes=math.ceil(seconds / 60))
    response = page_or_fragment("auth/login.html", "auth/login.html", status=429, form=form,
                                error=error)
    response.headers["Retry-After"] = str(seconds)
    return response


@bp.post("/logout")
@login_required
def logout():
    """End this session and every other of the same user (other browsers, remember cookies)."""
    user = db.session.get(User, current_user.id)
    user.end_sessions()
    db.session.commit()
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"), code=303)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """A user changes their own password; every other session of theirs ends, this one stays."""
    form = PasswordChangeForm()
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return page_or_fragment("auth/password.html", "auth/password.html", status=status,
                                form=form)

    def change() -> User:
        user = db.session.get(User, current_user.id)
        services.change_password(user, form.current.data, form.new.data)
        return user

    def done(user: User) -> Response:
        login_user(user)  # this browser carries the new session version
        return redirect(url_for("auth.change_password", changed=1), code=303)

    return attempt(change, done, lambda error, status: page_or_fragment(
        "auth/password.html", "auth/password.html", status=status, form=form, error=error))


@bp.post("/language")
def language():
    """Switch the interface language (Vietnamese or English) for this session."""
    lang = request.form.get("lang", "vi")
    session["lang"] = lang if lang in ("vi", "en") else "vi"
    return redirect(_safe_next(request.form.get("next")), code=303)
