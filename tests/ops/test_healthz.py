"""/healthz for a load balancer: 200 at the migrations' head, 503 behind it or without a
database; the scheduler's lease is reported, stale or not, without taking the site down."""

from datetime import timedelta

from sqlalchemy import text

from editorial import clock
from editorial.jobs.models import SchedulerLease
from tests.conftest import make_app


def test_healthy_at_head_without_a_cookie(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["migrations"]["at_head"] is True
    assert body["migrations"]["current"] == body["migrations"]["head"]
    assert body["scheduler"] == {"lease": "none"}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_behind_the_migrations_is_503(app, client, db):
    db.session.execute(text("UPDATE alembic_version SET version_num = '0012'"))
    db.session.commit()
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        body = response.get_json()
        assert body["migrations"]["current"] == ["0012"] and not body["migrations"]["at_head"]
    finally:
        db.session.execute(text("UPDATE alembic_version SET version_num = :head"),
                           {"head": response.get_json()["migrations"]["head"][0]})
        db.session.commit()


def test_no_database_is_503(tmp_path):
    broken = make_app(f"sqlite:///{tmp_path}/missing/dir/db.sqlite3")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"].startswith("failed")


def test_a_stale_lease_is_reported_not_a_failure(app, client, db):
    now = clock.now()
    db.session.add(SchedulerLease(name="scheduler", holder="host-1:42", acquired_at=now,
                                  renewed_at=now - timedelta(minutes=10),
                                  expires_at=now - timedelta(minutes=9)))
    db.session.commit()
    response = client.get("/healthz")
    assert response.status_code == 200
    lease = response.get_json()["scheduler"]
    assert lease["stale"] is True and lease["age_seconds"] >= 600
    assert lease["holder"] == "host-1:42"
