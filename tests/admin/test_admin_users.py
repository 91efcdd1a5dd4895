"""Admins create users, change them, reset passwords; every change is in the audit log."""

from tests.admin.helpers import entries, unit_id, user
from tests.factories import make_user

KE_SACH = "huyện Kế Sách"


def _new_user(auth, **changes):
    data = {"login": "cbks2", "name": "Trần Thị Mới", "role": "officer",
            "unit_id": str(unit_id(KE_SACH)), "password": "mat-khau-moi"}
    return auth.post("/admin/users", dict(data, **changes))


def _switch(auth, login: str, password: str = "mttq2023"):
    auth.post("/logout")
    return auth.login(login, password)


def test_an_admin_creates_a_user_who_can_then_log_in(demo, login_as, client):
    auth = login_as("quantri")
    page = client.get("/admin/users").get_data(as_text=True)
    assert "Thêm người dùng" in page and "kesach" in page and "Cán bộ đơn vị" in page
    response = _new_user(auth)
    assert response.status_code == 303
    assert "Trần Thị Mới" in client.get("/admin/users").get_data(as_text=True)
    created = user("cbks2")
    assert created.unit.name.endswith("Kế Sách") and created.role == "officer"
    assert _switch(auth, "cbks2", "mat-khau-moi").status_code == 303
    assert client.get("/").status_code == 200


def test_bad_new_users_are_refused_with_the_form_kept(demo, login_as, db):
    auth = login_as("quantri")
    cases = [({"login": "KeSach"}, "đã được dùng"),
             ({"password": "ngan"}, "ít nhất 8 ký tự"),
             ({"login": "có dấu"}, "chữ không dấu"),
             ({"name": " "}, "Vui lòng nhập họ tên"),
             ({"role": "king"}, "Hãy chọn vai trò"),
             ({"unit_id": "99999999999999999999"}, "Hãy chọn đơn vị công tác"),
             ({"unit_id": "99999"}, "Đơn vị đã chọn không tồn tại")]
    for changes, message in cases:
        response = _new_user(auth, **changes)
        html = response.get_data(as_text=True)
        assert response.status_code == 422, changes
        assert message in html and "<form" in html, changes
    assert _new_user(auth, login="kesach").status_code == 422
    assert 'value="Trần Thị Mới"' in _new_user(auth, password="x").get_data(as_text=True)
    assert entries("user.create") == []


def test_edit_role_unit_and_deactivate(demo, login_as, client):
    auth = login_as("quantri")
    target = user("kesach")
    page = client.get(f"/admin/users/{target.id}").get_data(as_text=True)
    assert f'value="{target.name}"' in page and "Đặt lại mật khẩu" in page
    tran_de = unit_id("huyện Trần Đề")
    response = auth.post(f"/admin/users/{target.id}", {
        "name": "Cán bộ mới", "role": "viewer", "unit_id": str(tran_de)})
    assert response.status_code == 303
    changed = user("kesach")
    assert (changed.name, changed.role, changed.unit_id, changed.active) == (
        "Cán bộ mới", "viewer", tran_de, False)
    [entry] = entries("user.update")
    assert '"active": true' in entry.before and '"active": false' in entry.after
    assert entry.actor.login == "quantri"
    response = _switch(auth, "kesach")
    assert response.status_code == 422
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)


def test_password_reset_replaces_the_old_password(demo, login_as):
    auth = login_as("quantri")
    target = user("bientap")
    short = auth.post(f"/admin/users/{target.id}/password", {"password": "1234567"})
    assert short.status_code == 422 and "ít nhất 8 ký tự" in short.get_data(as_text=True)
    ok = auth.post(f"/admin/users/{target.id}/password", {"password": "mat-khau-2024"})
    assert ok.status_code == 303
    assert _switch(auth, "bientap").status_code == 422
    assert auth.login("bientap", "mat-khau-2024").status_code == 303


def test_an_admin_cannot_lock_themself_out(demo, login_as):
    auth = login_as("quantri")
    me = user("quantri")
    base = {"name": me.name, "role": "admin", "unit_id": str(me.unit_id), "active": "on"}
    for changes, message in (({"active": ""}, "tự khóa tài khoản"),
                             ({"role": "editor"}, "tự bỏ vai trò quản trị")):
        data = {k: v for k, v in dict(base, **changes).items() if v}
        response = auth.post(f"/admin/users/{me.id}", data)
        assert response.status_code == 422 and message in response.get_data(as_text=True)
    again = user("quantri")
    assert again.active and again.role == "admin"
    assert auth.post(f"/admin/users/{me.id}", dict(base, name="Quản trị viên")).status_code == 303
    assert user("quantri").name == "Quản trị viên"


def test_every_change_is_audited_without_passwords(demo, login_as):
    auth = login_as("quantri")
    _new_user(auth)
    created = user("cbks2")
    auth.post(f"/admin/users/{created.id}", {"name": "Tên khác", "role": "officer",
                                             "unit_id": str(created.unit_id), "active": "on"})
    auth.post(f"/admin/users/{created.id}/password", {"password": "mat-khau-khac"})
    logged = entries("user.create") + entries("user.update") + entries("user.password_reset")
    assert [e.action for e in logged] == ["user.create", "user.update", "user.password_reset"]
    assert all(e.subject_type == "users" and e.subject_id == created.id for e in logged)
    assert all(e.actor.login == "quantri" for e in logged)
    text = " ".join(f"{e.before} {e.after} {e.note}" for e in logged)
    assert "cbks2" in text and "Tên khác" in text
    assert "mat-khau" not in text and "pbkdf2" not in text and "password" not in text
    assert created.password_hash.split("$")[0] not in text


def test_unknown_users_are_404(demo, login_as, client):
    auth = login_as("quantri")
    assert client.get("/admin/users/99999").status_code == 404
    assert auth.post("/admin/users/99999", {"name": "X"}).status_code == 404
    assert auth.post("/admin/users/99999999999999999999/password",
                     {"password": "mat-khau-moi"}).status_code == 404


def test_the_cli_still_audits_user_creation(demo, runner):
    result = runner.invoke(args=["users", "create", "cli1", "--role", "viewer", "--unit",
                                 "ke sach", "--password", "mat-khau-123"])
    assert result.exit_code == 0, result.output
    [entry] = entries("user.create")
    assert entry.actor_id is None and entry.note == "flask users create"
    assert '"login": "cli1"' in entry.after and "mat-khau" not in entry.after


def _users_page_queries(client, queries) -> int:
    with queries() as statements:
        assert client.get("/admin/users").status_code == 200
    return len(statements)


def test_the_users_page_runs_the_same_few_queries_for_many_users(demo, login_as, client,
                                                                 queries, db):
    login_as("quantri")
    small = _users_page_queries(client, queries)
    unit = user("kesach").unit
    for number in range(46):
        make_user(f"them{number:02}", "officer", unit)
    db.session.commit()
    html = client.get("/admin/users").get_data(as_text=True)
    assert "(60)" in html and "them45" in html
    # the session's user, the users with their units, the unit tree for the form
    assert _users_page_queries(client, queries) == small <= 4, small


def test_the_pages_and_refusals_in_english(demo, login_as, client):
    auth = login_as("quantri")
    auth.post("/language", {"lang": "en", "next": "/"})
    page = client.get("/admin/users").get_data(as_text=True)
    assert "Add a user" in page and "Thêm người dùng" not in page
    refused = _new_user(auth, password="short").get_data(as_text=True)
    assert "at least 8 characters" in refused
    assert "Add a unit" in client.get("/admin/units").get_data(as_text=True)
