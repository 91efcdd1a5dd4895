"""Small hardening of the feeds: a bad feed URL sets no cookie; a posted scope is never echoed
into a redirect unless it has a scope's shape."""

from editorial.feeds.rules import posted_scope
from tests.helpers import csrf_token


def test_a_bad_feed_url_answers_404_without_a_cookie(demo, client):
    for path in ("/feeds/1/me/not-a-token.ics", "/feeds/999999/province/x.ics",
                 "/feeds/nothing.ics"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Set-Cookie" not in response.headers, path
        assert response.content_type.startswith("text/plain")


def test_the_posted_scope_is_checked_before_it_reaches_location(demo, login_as, client):
    login_as("bientap")
    token = csrf_token(client, "/feeds")
    response = client.post("/feeds/reset", data={"scope": "x" * 200_000, "csrf_token": token})
    assert response.status_code == 303
    assert len(response.headers["Location"]) < 200
    assert "scope=me" in response.headers["Location"]


def test_posted_scope_keeps_only_a_scopes_shape():
    assert posted_scope("province") == "province" and posted_scope("unit-12") == "unit-12"
    assert posted_scope("unit-" + "9" * 13) == "me"
    assert posted_scope("unit-abc") == "me" and posted_scope(None) == "me"
