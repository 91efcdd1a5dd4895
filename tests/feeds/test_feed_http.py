"""Feed URLs over HTTP: validators and 304s, HEAD, secrets and resets, cheap cached polls."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from werkzeug.http import http_date, parse_date

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.feeds.models import FeedSettings
from editorial.feeds.services import cache
from editorial.feeds.tokens import feed_token
from editorial.plans.models import Slot
from editorial.plans.rules import SlotStatus
from editorial.units.models import Unit


def user(db, login: str) -> User:
    return db.session.scalar(select(User).where(User.login == login))


def test_feed_answers_text_calendar_with_validators(client, feed_path):
    response = client.get(feed_path("kesach"), headers={})  # Google's fetcher sends no Accept
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["ETag"].startswith('"') and response.headers["Last-Modified"]
    assert "private" in response.headers["Cache-Control"]
    assert "Set-Cookie" not in response.headers
    assert response.data.startswith(b"BEGIN:VCALENDAR\r\n")


def test_second_request_with_the_etag_answers_304_without_a_body(client, feed_path):
    path = feed_path("kesach")
    first = client.get(path)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    weak = client.get(path, headers={"If-None-Match": f'"x", W/{first.headers["ETag"]}'})
    assert weak.status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_if_modified_since(client, feed_path):
    path = feed_path("kesach")
    modified = client.get(path).headers["Last-Modified"]
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    earlier = http_date(parse_date(modified) - timedelta(seconds=1))
    assert client.get(path, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110).
    both = {"If-Modified-Since": modified, "If-None-Match": '"stale"'}
    assert client.get(path, headers=both).status_code == 200


@pytest.mark.parametrize("value", [
    "", "garbage", "0", "-1", "Mon, 99 Foo 2023 99:99:99 GMT", "Tue, 15 Nov 1994 08:12:31",
    "Thu, 01 Jan 99999 00:00:00 GMT", "2023-03-15T10:00:00Z", "\u00e9t\u00e9",
    "Sat, 31 Dec 9999 23:59:59 GMT",
])
def test_malformed_or_future_if_modified_since_gets_the_feed(client, feed_path, value):
    response = client.get(feed_path("kesach"), headers={"If-Modified-Since": value})
    assert response.status_code == 200 and response.data.startswith(b"BEGIN:VCALENDAR")


def test_head_has_the_headers_and_no_body(client, feed_path):
    path = feed_path("kesach")
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert client.head(path, headers={"If-None-Match": get.headers["ETag"]}).status_code == 304


def test_reset_kills_the_old_url_at_once(client, login_as, feed_path):
    old = feed_path("kesach")
    assert client.get(old).status_code == 200
    response = login_as("kesach").post("/feeds/reset", {"scope": "me"})
    assert response.status_code == 303 and "done=reset" in response.headers["Location"]
    assert client.get(old).status_code == 404
    new = feed_path("kesach")
    assert new != old and client.get(new).status_code == 200


def test_bad_tokens_answer_404(app, db, client, feed_path):
    path = feed_path("kesach")
    prefix, token = path.rsplit("/", 1)
    other = feed_path("myxuyen")
    assert client.get(f"{prefix}/{'A' * 43}.ics").status_code == 404
    assert client.get(f"{prefix}/{token[:-5]}.ics").status_code == 404
    assert client.get(path.replace("/me/", "/province/")).status_code == 404
    assert client.get(path.replace("/me/", "/ME/")).status_code == 404
    assert client.get(other.rsplit("/", 1)[0] + "/" + token).status_code == 404
    assert client.get("/feeds/999/me/" + token).status_code == 404


def test_scopes_are_checked_when_the_feed_is_read(app, db, client, feed_path):
    """A token minted by the server for a scope the user may not read still gives nothing."""
    officer = user(db, "kesach")
    feed_path("kesach")
    secret = db.session.get(FeedSettings, officer.id).secret
    other_unit = db.session.scalar(select(Unit.id).where(Unit.short_name == "Mỹ Xuyên"))
    for scope in ("province", f"unit-{other_unit}"):
        token = feed_token(app.config["SECRET_KEY"], officer.id, scope, secret)
        assert client.get(f"/feeds/{officer.id}/{scope}/{token}.ics").status_code == 404
    editor_path = feed_path("bientap", "province")
    assert client.get(editor_path).status_code == 200
    user(db, "bientap").role = Role.OFFICER  # demoted: the province feed goes at once
    db.session.commit()
    assert client.get(editor_path).status_code == 404


def test_deactivated_users_feeds_answer_404(db, client, feed_path):
    path = feed_path("kesach")
    user(db, "kesach").active = False
    db.session.commit()
    assert client.get(path).status_code == 404


def test_no_session_cookie_even_for_a_logged_in_browser(client, login_as, feed_path):
    path = feed_path("kesach")
    login_as("kesach")
    response = client.get(path)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert "Set-Cookie" not in client.get("/feeds/public.ics").headers


def test_polls_are_cheap_and_built_once_per_change(app, db, client, feed_path, queries):
    path = feed_path("kesach")
    first = client.get(path)
    builds = cache().builds
    with queries() as statements:
        again = client.get(path)
        not_modified = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.data == first.data and not_modified.status_code == 304
    assert len(statements) <= 4, statements  # two small reads per poll
    assert cache().builds == builds  # served from memory
    slot = db.session.scalars(select(Slot).order_by(Slot.id)).first()
    slot.status, slot.air_date = SlotStatus.AGREED, date(2023, 3, 28)
    db.session.commit()
    client.get(path)
    client.get(path)
    assert cache().builds == builds + 1  # one rebuild for the change, then memory again


def test_a_rebuild_of_unchanged_data_gives_the_same_bytes(client, feed_path, observances):
    path = feed_path("bientap", "province")
    first = client.get(path)
    cache().clear()  # another process, or this one after a restart
    again = client.get(path)
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]


def test_last_use_is_recorded_hourly(db, client, feed_path):
    path = feed_path("kesach")
    client.get(path)
    settings = db.session.get(FeedSettings, user(db, "kesach").id)
    db.session.refresh(settings)
    assert settings.last_used_at is not None and settings.last_used_scope == "me"
    stamp = settings.last_used_at
    client.get(path)
    db.session.refresh(settings)
    assert settings.last_used_at == stamp  # within the hour: no write


def test_public_feed_needs_no_token_and_caches_publicly(client, demo):
    response = client.get("/feeds/public.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response.headers["Cache-Control"]
    etag = response.headers["ETag"]
    assert client.get("/feeds/public.ics", headers={"If-None-Match": etag}).status_code == 304
