"""gunicorn started with deploy/gunicorn.conf.py serves /healthz, and nginx with the site in
front of it redirects to HTTPS, passes the request id, caches static files and passes the
feeds' validators without cookies."""

from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing

import pytest

from tests.ops.deploy_support import (
    BIN,
    HOST,
    NGINX,
    ROOT,
    environment,
    free_port,
    nginx_main_conf,
    run,
    site,
    stop,
)


def _get(url: str, headers: dict[str, str]) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (our own server)
        return response.status, dict(response.headers), response.read()


def _wait_for(url: str, headers: dict[str, str], seconds: float) -> tuple[int, dict, bytes]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(url, headers)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory) -> Iterator[int]:
    """gunicorn started as the web unit starts it, on a free port and a migrated SQLite file;
    stopped by its PID (the arbiter stops its workers)."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    env = environment(tmp_path)
    run([str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"], env)
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "--bind",
             f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            yield port
        finally:
            stop(server)
    assert server.returncode == 0, log_path.read_text()



def test_gunicorn_with_the_config_serves_healthz(gunicorn):
    status, headers, body = _wait_for(f"http://127.0.0.1:{gunicorn}/healthz",
                                      {"X-Request-ID": "deploy-test-0001"}, seconds=90)
    assert status == 200 and json.loads(body)["status"] == "ok"
    assert headers["X-Request-ID"] == "deploy-test-0001"


def _https(port: int) -> http.client.HTTPSConnection:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
    return http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)


def _ask(connection, path: str, headers: dict[str, str] | None = None):
    connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    response.read()
    return response


def _wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def nginx(gunicorn, tmp_path) -> Iterator[tuple[int, int]]:
    """nginx with the site on two free ports in front of the gunicorn fixture."""
    plain, tls = free_port(), free_port()
    conf = site(tmp_path, {"listen 80;": f"listen 127.0.0.1:{plain};",
                            "listen 443 ssl http2;": f"listen 127.0.0.1:{tls} ssl http2;",
                            "listen [::]:80;": "", "listen [::]:443 ssl http2;": "",
                            "server 127.0.0.1:8000;": f"server 127.0.0.1:{gunicorn};",
                            "/srv/editorial/static/": f"{ROOT / 'static'}/"})
    server = subprocess.Popen([str(NGINX), "-e", str(tmp_path / "error.log"), "-p",
                               str(tmp_path), "-c", str(nginx_main_conf(tmp_path, conf)),
                               "-g", "daemon off;"], stdin=subprocess.DEVNULL)
    try:
        _wait_for_port(tls, seconds=30)
        _wait_for(f"http://127.0.0.1:{gunicorn}/healthz", {}, seconds=90)
        yield plain, tls
    finally:
        stop(server)


@pytest.mark.skipif(not NGINX.exists(), reason="nginx is not installed (.ci/run installs it)")
def test_nginx_in_front_of_gunicorn(nginx):
    plain, tls = nginx
    with closing(http.client.HTTPConnection("127.0.0.1", plain, timeout=10)) as connection:
        redirect = _ask(connection, "/login?x=1")
    assert redirect.status == 301 and redirect.headers["Location"] == f"https://{HOST}/login?x=1"
    with closing(_https(tls)) as connection:
        page = _ask(connection, "/login")
        assert page.status == 200 and re.fullmatch(r"[0-9a-f]{32}", page.headers["X-Request-ID"])
        assert len(page.headers.get_all("X-Frame-Options")) == 1  # the app's, not doubled
        assert page.headers.get_all("Set-Cookie"), "the session passes outside the feeds"
        stamp = re.search(r"/static/css/app\.css\?v=(\w+)", _page_text(connection, "/login"))
        versioned = _ask(connection, f"/static/css/app.css?v={stamp[1]}")
        assert versioned.status == 200
        assert "max-age=31536000" in versioned.headers["Cache-Control"]
        assert _ask(connection, "/static/css/app.css").headers["Cache-Control"] == "no-cache"
        headers = {"Cookie": "session=x", "Accept-Encoding": "gzip"}
        feed = _ask(connection, "/feeds/public.ics", headers)
        assert feed.status == 200 and feed.headers["Last-Modified"] and feed.headers["ETag"]
        assert feed.headers.get("Set-Cookie") is None
        headers["If-None-Match"] = feed.headers["ETag"]
        assert _ask(connection, "/feeds/public.ics", headers).status == 304


def _page_text(connection, path: str) -> str:
    connection.request("GET", path, headers={"Host": HOST})
    return connection.getresponse().read().decode()
