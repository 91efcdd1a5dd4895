"""Settings from the environment: the database URL, a generated secret key, typed values."""

import stat

from editorial import config


def test_database_urls(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert config.database_url(str(tmp_path)) == f"sqlite:///{tmp_path / 'editorial.sqlite3'}"
    for given in ("postgresql://u@db:5432/lich", "postgres://u@db:5432/lich"):
        monkeypatch.setenv("DATABASE_URL", given)
        assert config.database_url(str(tmp_path)) == "postgresql+psycopg://u@db:5432/lich"
    monkeypatch.setenv("DATABASE_URL", "sqlite:////srv/lich.db")
    assert config.database_url(str(tmp_path)) == "sqlite:////srv/lich.db"


def test_a_secret_key_is_generated_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = config.load(str(tmp_path), {})["SECRET_KEY"]
    assert len(first) >= 48
    assert config.load(str(tmp_path), {})["SECRET_KEY"] == first  # kept across restarts
    mode = (tmp_path / "secret_key").stat().st_mode
    assert not mode & (stat.S_IRGRP | stat.S_IROTH)
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert config.load(str(tmp_path), {})["SECRET_KEY"] == "from-the-environment"


def test_environment_values_are_typed(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "k")
    monkeypatch.setenv("MAIL_PORT", "2525")
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "true")
    monkeypatch.setenv("SCHEDULER_LEASE_SECONDS", "7.5")
    settings = config.load(str(tmp_path), {})
    assert settings["MAIL_PORT"] == 2525 and settings["SESSION_COOKIE_SECURE"] is True
    assert settings["SCHEDULER_LEASE_SECONDS"] == 7.5
    assert settings["SESSION_COOKIE_HTTPONLY"] is True and settings["BABEL_DEFAULT_LOCALE"] == "vi"
