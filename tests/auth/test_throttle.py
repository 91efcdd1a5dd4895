"""Failed logins lock the login (and the address) for growing times; admins lift the lock."""

from datetime import timedelta

import pytest

from editorial import clock
from editorial.auth.rules import ACCOUNT_THROTTLE, ADDRESS_THROTTLE
from tests.helpers import csrf_token


def _try(client, login, password, address="10.0.0.1"):
    token = csrf_token(client)
    return client.post("/login", data={"login": login, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


@pytest.fixture
def frozen(app):
    """Freeze the clock now, and give a way to move it on."""
    app.config["NOW"] = clock.now()

    def later(seconds: float) -> None:
        app.config["NOW"] += timedelta(seconds=seconds)

    yield later
    app.config.pop("NOW", None)


def test_the_lock_grows_and_caps():
    assert [ACCOUNT_THROTTLE.lock_seconds(n) for n in range(1, 10)] == \
        [0, 0, 0, 0, 30, 60, 120, 240, 480]
    assert ACCOUNT_THROTTLE.lock_seconds(60) == 900
    assert ADDRESS_THROTTLE.lock_seconds(29) == 0 and ADDRESS_THROTTLE.lock_seconds(30) == 30


def test_after_sixty_wrong_passwords_even_the_right_one_waits(demo, client, frozen):
    statuses = [_try(client, "bientap", f"wrong-{n}").status_code for n in range(60)]
    assert statuses[:4] == [422] * 4
    assert statuses[4] == 422  # the fifth failure is answered, and locks
    assert set(statuses[5:]) == {429}
    refused = _try(client, "bientap", "mttq2023")
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Đăng nhập sai quá nhiều lần" in html and "<form" in html
    assert 0 < int(refused.headers["Retry-After"]) <= 30
    frozen(31)
    assert _try(client, "bientap", "mttq2023").status_code == 303


def test_the_next_failure_after_a_lock_locks_for_longer(demo, client, frozen):
    for n in range(5):
        _try(client, "bientap", f"wrong-{n}")
    frozen(31)
    assert _try(client, "bientap", "wrong-again").status_code == 422
    assert int(_try(client, "bientap", "mttq2023").headers["Retry-After"]) > 30
    frozen(61)
    assert _try(client, "bientap", "mttq2023").status_code == 303


def test_a_right_password_starts_the_count_again(demo, client, app, frozen):
    for n in range(4):
        _try(client, "bientap", f"wrong-{n}")
    assert _try(client, "bientap", "mttq2023").status_code == 303
    client = app.test_client()
    for n in range(4):
        assert _try(client, "bientap", f"wrong-{n}").status_code == 422
    assert _try(client, "bientap", "mttq2023").status_code == 303


def test_an_unknown_login_locks_like_a_real_one(demo, client, frozen):
    """So the lock tells nobody which logins exist."""
    statuses = [_try(client, "khongco", "x" * 8).status_code for _ in range(6)]
    assert statuses == [422] * 5 + [429]


def test_one_address_trying_many_logins_is_locked(demo, client, frozen):
    for n in range(ADDRESS_THROTTLE.free):
        assert _try(client, f"login{n}", "wrong-pass", address="10.9.9.9").status_code == 422
    assert _try(client, "bientap", "mttq2023", address="10.9.9.9").status_code == 429
    assert _try(client, "bientap", "mttq2023", address="10.9.9.8").status_code == 303


def test_an_admin_unlocks_a_login(demo, client, app, frozen, db):
    from editorial.audit.models import AuditEntry
    from editorial.auth.models import User

    for n in range(6):
        _try(client, "bientap", f"wrong-{n}")
    user = db.session.query(User).filter_by(login="bientap").one()
    admin = app.test_client()
    assert _try(admin, "quantri", "mttq2023", address="127.0.0.1").status_code == 303
    page = admin.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "Mở khóa đăng nhập" in page
    assert "tạm khóa đăng nhập" in admin.get("/admin/users").get_data(as_text=True)
    token = csrf_token(admin)
    assert admin.post(f"/admin/users/{user.id}/unlock",
                      data={"csrf_token": token}).status_code == 303
    assert db.session.query(AuditEntry).filter_by(action="user.unlock").count() == 1
    assert _try(client, "bientap", "mttq2023").status_code == 303


def test_only_an_admin_may_unlock(demo, login_as, client, db):
    from editorial.auth.models import User

    login_as("bientap")
    user = db.session.query(User).filter_by(login="kesach").one()
    token = csrf_token(client)
    assert client.post(f"/admin/users/{user.id}/unlock",
                       data={"csrf_token": token}).status_code == 403
