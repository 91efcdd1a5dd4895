"""Only admins reach the user and unit administration, for reading and for changing."""

import pytest

from tests.admin.helpers import unit_id, user

GETS = ["/admin/users", "/admin/users/{user}", "/admin/units", "/admin/units/{unit}"]
POSTS = ["/admin/users", "/admin/users/{user}", "/admin/users/{user}/password",
         "/admin/units", "/admin/units/{unit}"]


@pytest.mark.parametrize("login", ["kesach", "bientap", "xem"])
def test_officers_editors_and_viewers_get_403_everywhere(demo, login_as, client, login):
    auth = login_as(login)
    ids = {"user": user("quantri").id, "unit": unit_id("tỉnh Sóc Trăng")}
    data = {"login": "hacker", "name": "X", "role": "admin", "unit_id": str(ids["unit"]),
            "active": "on", "password": "mat-khau-123", "kind": "province"}
    for path in GETS:
        assert client.get(path.format(**ids)).status_code == 403, path
    for path in POSTS:
        assert auth.post(path.format(**ids), data).status_code == 403, path
    assert user("quantri").name != "X"


def test_posts_without_the_csrf_token_are_refused(demo, login_as, client):
    login_as("quantri")
    response = client.post("/admin/users", data={"login": "x1", "name": "X", "role": "viewer",
                                                  "unit_id": "1", "password": "mat-khau-123"})
    assert response.status_code == 400


def test_the_admin_page_links_the_new_pages(demo, login_as, client):
    login_as("quantri")
    html = client.get("/admin/").get_data(as_text=True)
    assert 'href="/admin/users"' in html and 'href="/admin/units"' in html
