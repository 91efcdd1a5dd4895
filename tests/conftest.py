"""Fixtures: the app on a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL),
a client, the demo province, logins, factories and a SQL query counter."""

from __future__ import annotations

import contextvars
import os
from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from editorial import create_app
from editorial.extensions import db as _db
from tests.helpers import Auth, count_queries

TODAY = date(2023, 3, 15)


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


class IsolatedClient(FlaskClient):
    """A test client whose requests run outside the test's app context, as real requests do,
    so `g` (Flask-Login's user, the CSRF token) never leaks from one request to the next."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def make_app(url: str, **overrides) -> Flask:
    """An app configured for tests on `url`."""
    settings = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test-secret",
                "TODAY": TODAY, "BASE_URL": "http://lich.test",
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                "LOG_LEVEL": "WARNING"}  # request lines only where a test asks for them
    settings.update(overrides)
    app = create_app(settings)
    app.test_client_class = IsolatedClient
    return app


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test database, migrated from empty to head once per session."""
    url = _database_url(tmp_path_factory)
    app = make_app(url)
    with app.app_context():
        if url.startswith("postgresql"):
            with _db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
        _db.engine.dispose()
    return url


def _empty_tables() -> None:
    """Delete every row, children first, so the next test starts from a migrated empty db."""
    with _db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(t.name for t in _db.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(_db.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A fresh app on the migrated database, emptied after the test."""
    app = make_app(database_url)
    with app.app_context():
        yield app
        _db.session.remove()
        _empty_tables()
        _db.engine.dispose()


@pytest.fixture
def db(app: Flask):
    return _db


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def demo(app: Flask, db) -> None:
    """The historical demo province: Sóc Trăng and its 2023 plan (TODAY is in 2023)."""
    from editorial.demo import historical

    historical.load()
    db.session.commit()


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    return Auth(client)


@pytest.fixture
def login_as(auth: Auth):
    """Log in as a demo user by login; asserts the login worked."""

    def _login(login: str) -> Auth:
        response = auth.login(login)
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
        return auth

    return _login


@pytest.fixture
def queries(db):
    """A context manager counting the SQL statements of a block."""
    return lambda: count_queries(db.engine)


@pytest.fixture
def one_province(app: Flask):
    """Province Hải Âu of the isolation data (a user of every role, a little of everything)."""
    from tests.isolation_data import build

    province = build("Hải Âu", "haiau")
    _db.session.commit()
    return province
