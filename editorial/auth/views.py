"""Log in, log out, and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user

from editorial.auth import services
from editorial.auth.forms import LoginForm
from editorial.web.render import page_or_fragment

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only redirect to a path on this site after login."""
    if target and target.startswith("/") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("dashboard.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; a wrong login or password gets one message, no hint which."""
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = services.authenticate(form.login.data, form.password.data)
        if user is not None:
            session.clear()
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")), code=303)
        error = _("Tên đăng nhập hoặc mật khẩu không đúng.")
    status = 422 if request.method == "POST" else 200
    return page_or_fragment("auth/login.html", "auth/login.html", status=status, form=form,
                            error=error)


@bp.post("/logout")
@login_required
def logout():
    """End the session."""
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"), code=303)


@bp.post("/language")
def language():
    """Switch the interface language (Vietnamese or English) for this session."""
    lang = request.form.get("lang", "vi")
    session["lang"] = lang if lang in ("vi", "en") else "vi"
    return redirect(_safe_next(request.form.get("next")), code=303)
