"""A saved session or remember cookie stops working after logout, a password change or reset,
and a deactivation."""

import pytest

from tests.helpers import csrf_token


def _login(client, login="kesach", remember=False):
    token = csrf_token(client)
    data = {"login": login, "password": "mttq2023", "csrf_token": token}
    if remember:
        data["remember"] = "y"
    assert client.post("/login", data=data).status_code == 303


def _replay(app, cookies):
    """A new browser carrying the saved cookies."""
    other = app.test_client()
    for name, value in cookies.items():
        other.set_cookie(name, value)
    return other


def _saved(client, remember=False):
    names = ("session", "remember_token") if remember else ("session",)
    return {n: client.get_cookie(n).value for n in names if client.get_cookie(n)}


def _logged_in(client) -> bool:
    return client.get("/").status_code == 200


def _admin(app):
    admin = app.test_client()
    _login(admin, "quantri")
    return admin


@pytest.mark.parametrize("remember", [False, True])
def test_a_saved_cookie_is_dead_after_logout(demo, app, client, remember):
    _login(client, remember=remember)
    saved = _saved(client, remember)
    assert _logged_in(_replay(app, saved))
    assert client.post("/logout", data={"csrf_token": csrf_token(client, "/")}).status_code == 303
    assert not _logged_in(_replay(app, saved))


def test_a_remember_cookie_alone_is_dead_after_logout(demo, app, client):
    _login(client, remember=True)
    remember = {"remember_token": client.get_cookie("remember_token").value}
    assert _logged_in(_replay(app, remember))
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert not _logged_in(_replay(app, remember))


def _user(db, login):
    from editorial.auth.models import User

    return db.session.query(User).filter_by(login=login).one()


def test_an_admins_reset_ends_every_session(demo, app, client, db):
    _login(client, remember=True)
    saved = _saved(client, True)
    admin = _admin(app)
    user = _user(db, "kesach")
    response = admin.post(f"/admin/users/{user.id}/password",
                          data={"password": "mat-khau-moi-1", "csrf_token": csrf_token(admin)})
    assert response.status_code == 303
    assert not _logged_in(client)
    assert not _logged_in(_replay(app, saved))


def test_a_deactivation_ends_every_session(demo, app, client, db):
    _login(client, remember=True)
    saved = _saved(client, True)
    admin = _admin(app)
    user = _user(db, "kesach")
    form = {"name": user.name, "role": user.role.value, "unit_id": str(user.unit_id),
            "csrf_token": csrf_token(admin)}
    assert admin.post(f"/admin/users/{user.id}", data=form).status_code == 303
    assert not _logged_in(client)
    assert not _logged_in(_replay(app, saved))


def test_changing_ones_password_ends_the_other_sessions_but_this_one(demo, app, client):
    _login(client)
    elsewhere = app.test_client()
    _login(elsewhere)
    token = csrf_token(client, "/account/password")
    response = client.post("/account/password", data={
        "current": "mttq2023", "new": "mat-khau-moi-1", "again": "mat-khau-moi-1",
        "csrf_token": token})
    assert response.status_code == 303
    assert "Đã đổi mật khẩu" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert _logged_in(client)
    assert not _logged_in(elsewhere)


@pytest.mark.parametrize(("current", "new", "again", "message"), [
    ("sai-mat-khau", "mat-khau-moi-1", "mat-khau-moi-1", "Mật khẩu hiện tại không đúng."),
    ("mttq2023", "ngan", "ngan", "ít nhất 8 ký tự"),
    ("mttq2023", "mat-khau-moi-1", "mat-khau-moi-2", "không giống nhau"),
])
def test_a_wrong_password_change_is_refused_and_changes_nothing(demo, app, client, current,
                                                                 new, again, message):
    _login(client)
    token = csrf_token(client, "/account/password")
    response = client.post("/account/password", data={
        "current": current, "new": new, "again": again, "csrf_token": token})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _logged_in(client)
    other = app.test_client()
    _login(other)  # the old password still works
