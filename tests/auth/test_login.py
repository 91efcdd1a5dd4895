"""Login, logout, roles and CSRF, through the real routes."""

from tests.helpers import csrf_token


def test_every_page_but_login_needs_a_user(demo, client):
    for path in ("/", "/calendar/2023/3", "/plans/2023", "/agenda", "/units", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    assert client.get("/login").status_code == 200


def test_wrong_password_gets_the_form_again_without_a_hint(demo, auth):
    for login, password in (("bientap", "wrong-password"), ("nobody", "mttq2023")):
        response = auth.login(login, password)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in html
        assert "<form" in html


def test_login_then_logout(demo, auth, client):
    response = auth.login("bientap")
    assert response.status_code == 303
    assert client.get("/").status_code == 200
    assert auth.post("/logout").status_code == 303
    assert client.get("/").status_code == 302


def test_login_redirects_only_inside_the_site(demo, client):
    token = csrf_token(client)
    data = {"login": "bientap", "password": "mttq2023", "csrf_token": token}
    response = client.post("/login?next=//evil.example/x", data=data)
    assert response.headers["Location"] == "/"


def test_session_cookie_is_hardened(demo, auth):
    response = auth.login("bientap")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_post_without_csrf_token_is_refused(demo, login_as, client, db):
    login_as("bientap")
    from editorial.plans.models import Plan

    plan = db.session.query(Plan).filter_by(year=2023).one()
    response = client.post(f"/plans/{plan.id}/copy", data={"year": "2030"})
    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert db.session.query(Plan).filter_by(year=2030).count() == 0


def test_htmx_requests_carry_the_token_in_a_header(demo, login_as, client):
    login_as("bientap")
    html = client.get("/").get_data(as_text=True)
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_officer_cannot_reach_admin_pages(demo, login_as, client):
    login_as("kesach")
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Bạn không có quyền" in response.get_data(as_text=True)


def test_admin_reaches_admin_pages(demo, login_as, client):
    login_as("quantri")
    html = client.get("/admin/").get_data(as_text=True)
    assert "Người dùng" in html and "kesach" in html


def test_language_switch_to_english_and_back(demo, login_as, auth, client):
    login_as("bientap")
    assert "Lịch tháng" in client.get("/calendar").get_data(as_text=True)
    auth.post("/language", {"lang": "en", "next": "/calendar"})
    html = client.get("/calendar").get_data(as_text=True)
    assert "Month" in html and "Monday" in html and "Lịch tháng" not in html
    auth.post("/language", {"lang": "vi"})
    assert "Thứ Hai" in client.get("/calendar").get_data(as_text=True)
