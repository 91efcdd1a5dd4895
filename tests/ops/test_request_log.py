"""One JSON line per request with its id, user, status and time; a feed's token never reaches
the log; a 500 shows the officer the same id the traceback is logged under."""

from __future__ import annotations

import json
import logging

import pytest

from editorial.web.requestlog import LOGGER, JsonFormatter
from tests.conftest import make_app


def _lines(caplog, name=LOGGER) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) | getattr(r, "fields", {})
            for r in caplog.records if r.name == name]


def test_each_request_logs_one_line_with_id_user_and_time(demo, login_as, client, caplog):
    login_as("bientap")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        response = client.get("/units", headers={"X-Request-ID": "lb-1234567890"})
    assert response.headers["X-Request-ID"] == "lb-1234567890"
    [line] = _lines(caplog)
    assert line["method"] == "GET" and line["path"] == "/units" and line["status"] == 200
    assert isinstance(line["user_id"], int) and line["ms"] >= 0
    assert line["route"] == "/units"


def test_a_malformed_incoming_id_is_replaced(client, caplog):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        response = client.get("/healthz", headers={"X-Request-ID": "bad id {}"})
    assigned = response.headers["X-Request-ID"]
    assert assigned != "bad id {}" and len(assigned) == 32
    assert _lines(caplog)[-1]["user_id"] is None


def test_the_feed_token_is_masked(client, caplog):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        client.get("/feeds/1/all/s3cr3t-token-value.ics")
    line = _lines(caplog)[-1]
    assert "s3cr3t-token-value" not in json.dumps(line)
    assert line["path"] == "/feeds/1/all/….ics"


@pytest.fixture
def failing_app(database_url):
    app = make_app(database_url, TESTING=False)

    @app.get("/__boom")
    def boom():
        raise RuntimeError("kaboom")

    return app


def test_a_server_error_shows_the_id_it_is_logged_under(failing_app, caplog):
    with caplog.at_level(logging.INFO):
        response = failing_app.test_client().get("/__boom")
    assert response.status_code == 500
    error_id = response.headers["X-Request-ID"]
    assert f"Mã lỗi: {error_id}" in response.get_data(as_text=True)
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    logged = json.loads(JsonFormatter().format(error))
    assert logged["request_id"] == error_id and "kaboom" in logged["exception"]
