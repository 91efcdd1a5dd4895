"""Every answer carries the security headers; the policy allows no inline script or style and
no framing, and an operator can switch it to report-only."""

import re

import pytest

from editorial import create_app
from editorial.web.security import HEADERS


def _every_get_path(app) -> list[str]:
    paths = set()
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "static":
            paths.add(re.sub(r"<(?:int:)?\w+>", "1", rule.rule))
    return sorted(paths)


def _assert_secured(response, path):
    policy = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, path
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
    assert "frame-ancestors 'none'" in policy, path
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (path, name)


@pytest.mark.parametrize("login", [None, "bientap", "kesach", "quantri", "xem"])
def test_every_page_carries_the_headers(demo, app, client, login_as, login):
    if login:
        login_as(login)
    for path in _every_get_path(app):
        if path.endswith("/logout"):
            continue
        _assert_secured(client.get(path), path)
    static = client.get("/static/css/app.css")
    _assert_secured(static, "static")
    static.close()
    _assert_secured(client.get("/no/such/page"), "404")


def test_no_template_has_inline_script_style_or_handlers(app):
    loader = app.jinja_loader
    offending = []
    for name in loader.list_templates():
        source = loader.get_source(app.jinja_env, name)[0]
        if re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", source):
            offending.append(name)
    assert not offending


def test_the_policy_can_be_report_only(tmp_path, monkeypatch):
    monkeypatch.setenv("CSP_REPORT_ONLY", "1")
    monkeypatch.setenv("CSP_REPORT_URI", "/csp-report")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://",
                      "SECRET_KEY": "x"})
    response = app.test_client().get("/login")
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["Content-Security-Policy-Report-Only"].endswith(
        "report-uri /csp-report")
