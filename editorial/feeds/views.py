"""Feed routes: personal and public .ics feeds, one slot's .ics, the subscription page."""

from __future__ import annotations

import click
from flask import Blueprint, Response, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.http import parse_date

from editorial.auth.models import User
from editorial.errors import DomainError
from editorial.extensions import db
from editorial.feeds import pages, polls, rules, services
from editorial.feeds.cache import Built
from editorial.feeds.forms import Choices
from editorial.models_base import utcnow
from editorial.web.attempt import attempt
from editorial.web.render import page_or_fragment

bp = Blueprint("feeds", __name__)
CALENDAR = "text/calendar; charset=utf-8"


@bp.get("/feeds/<int:user_id>/<scope>/<token>.ics")
def personal(user_id: int, scope: str, token: str):
    """A user's secret feed: no login, no cookie; 404 for any URL that is not valid now."""
    reader = polls.authorize(user_id, scope, token)
    polls.record_use(reader)
    built = polls.personal_feed(reader)
    db.session.commit()
    return _calendar_response(built, "private, no-cache")


@bp.get("/feeds/public.ics")
def public():
    """Anniversaries and holidays, for anyone."""
    return _calendar_response(polls.public_feed(), "public, max-age=3600")


@bp.get("/slots/<int:slot_id>.ics")
@login_required
def slot_ics(slot_id: int):
    """One slot's dates as an .ics file to open in a calendar."""
    body, filename = services.slot_calendar(slot_id)
    response = Response(body, content_type=CALENDAR)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/feeds")
@login_required
def page():
    """The subscription page: URL, links, QR code, reset, what the feed shows."""
    context = pages.subscription(current_user, request.args.get("scope", "me"))
    db.session.commit()  # the per-user secret is created on the first visit
    notice = pages.notice(request.args.get("done", ""))
    return page_or_fragment("feeds/page.html", "feeds/_subscription.html", notice=notice,
                            error=None, **context)


@bp.post("/feeds/choices")
@login_required
def save_choices():
    """Store what the feeds show and their reminders."""
    scope = rules.posted_scope(request.form.get("scope"))

    def change() -> None:
        choices = Choices.parse(request.form)
        services.save_choices(current_user, choices.hidden, choices.alarm)

    return attempt(change, url_for("feeds.page", scope=scope, done="choices"),
                   lambda error, status: page_or_fragment(
                       "feeds/page.html", "feeds/_subscription.html", status=status, notice="",
                       error=error, **pages.subscription(current_user, scope)))


@bp.post("/feeds/reset")
@login_required
def reset():
    """A new secret: all the user's old feed URLs stop working at once."""
    services.reset_secret(current_user)
    db.session.commit()
    scope = rules.posted_scope(request.form.get("scope"))
    return redirect(url_for("feeds.page", scope=scope, done="reset"), code=303)


def _calendar_response(built: Built, cache_control: str) -> Response:
    """200 with the bytes, or 304 with only the validators when the client has them."""
    fresh = rules.not_modified(built.etag, built.last_modified, _if_none_match(),
                               _if_modified_since(), utcnow())
    response = Response(status=304) if fresh else Response(built.body, content_type=CALENDAR)
    response.set_etag(built.etag)
    response.last_modified = built.last_modified
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _if_none_match() -> list[str] | None:
    tags = request.if_none_match
    if "If-None-Match" not in request.headers:
        return None
    return ["*"] if tags.star_tag else list(tags.as_set(include_weak=True))


def _if_modified_since():
    """The header's date, or None when missing or malformed (some clients send odd ones)."""
    try:
        return parse_date(request.headers.get("If-Modified-Since"))
    except (ValueError, OverflowError, TypeError, IndexError):
        return None


@bp.cli.command("url")
@click.argument("login")
@click.option("--scope", default="me", show_default=True,
              help="me, province hoặc unit-<mã số> (hai loại sau cho biên tập viên, người xem).")
def url_command(login: str, scope: str) -> None:
    """Print a user's personal feed URL (BASE_URL + path)."""
    user = db.session.scalar(select(User).where(User.login == login.strip()))
    if user is None:
        raise click.ClickException(f"Không có người dùng “{login}”.")
    try:
        url = services.feed_url(user, scope)
    except DomainError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(url)
