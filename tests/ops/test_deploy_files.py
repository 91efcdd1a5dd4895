"""deploy/ holds what a production server runs: the gunicorn config imports and sizes its
workers, the env example lists exactly what the code reads, the systemd units name commands
that exist, nginx accepts the site, and gunicorn with the config serves /healthz."""

from __future__ import annotations

import ast
import configparser
import http.client
import json
import os
import re
import runpy
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest

from editorial import config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent
ENV_FILE = "/etc/editorial/editorial.env"
UNITS = ("editorial-web.service", "editorial-scheduler.service")


def _gunicorn_settings(monkeypatch, cpus: int | None = None) -> dict:
    """deploy/gunicorn.conf.py run as gunicorn runs it, optionally on `cpus` cores."""
    if cpus is not None:
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cpus)))
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_gunicorn_config_runs_sync_workers_three_per_two_cores(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    here = _gunicorn_settings(monkeypatch)
    assert here["worker_class"] == "sync" and here["bind"] == "127.0.0.1:8000"
    assert here["accesslog"] is None and here["timeout"] > 0
    cores = len(os.sched_getaffinity(0))
    assert max(2, cores) <= here["workers"] <= max(2, cores * 3 // 2)
    for cpus in range(1, 9):
        workers = _gunicorn_settings(monkeypatch, cpus)["workers"]
        assert 2 <= workers and cpus <= workers <= max(2, cpus * 3 / 2), (cpus, workers)
    assert _gunicorn_settings(monkeypatch, 64)["workers"] <= 16


def test_web_concurrency_overrides_the_worker_count(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert _gunicorn_settings(monkeypatch)["workers"] == 5


def test_the_app_sees_the_browser_address_that_nginx_forwards(monkeypatch):
    def remote(environ, start_response):
        start_response("200 OK", [])
        return [environ["REMOTE_ADDR"].encode()]

    worker = SimpleNamespace(wsgi=remote)
    _gunicorn_settings(monkeypatch)["post_worker_init"](worker)
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.0.0.9, 192.0.2.7",
               "REQUEST_METHOD": "GET", "PATH_INFO": "/", "wsgi.url_scheme": "http"}
    assert b"".join(worker.wsgi(environ, lambda *_: None)) == b"192.0.2.7"


# -- the env file ---------------------------------------------------------------------------


class _Recording(dict):
    """An empty environment that remembers every name asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, name, default=None):
        self.asked.add(name)
        return default

    def __getitem__(self, name):
        self.asked.add(name)
        raise KeyError(name)

    def __contains__(self, name):
        self.asked.add(name)
        return False


def _names_read_by_config_load(monkeypatch, tmp_path) -> set[str]:
    """The names config.load asks the environment for, in a run with an empty environment."""
    environ = _Recording()
    monkeypatch.setattr(config, "os", SimpleNamespace(environ=environ))
    config.load(str(tmp_path), None)
    return environ.asked


def _literal_names_read(path: Path) -> set[str]:
    """Names in os.environ.get("X"), os.environ["X"], os.getenv("X") of one source file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            environ_get = (isinstance(func, ast.Attribute) and func.attr == "get"
                           and isinstance(func.value, ast.Attribute)
                           and func.value.attr == "environ")
            getenv = isinstance(func, ast.Attribute) and func.attr == "getenv"
            if environ_get or getenv:
                names.add(node.args[0].value)
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                and node.value.attr == "environ" and isinstance(node.slice, ast.Constant)):
            names.add(node.slice.value)
    return names


def _listed_in_env_example() -> list[str]:
    text = (DEPLOY / "editorial.env.example").read_text()
    return re.findall(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE)


def test_env_example_lists_exactly_what_the_code_reads(monkeypatch, tmp_path):
    read = _names_read_by_config_load(monkeypatch, tmp_path)
    assert {"DATABASE_URL", "SECRET_KEY", "LOG_LEVEL"} <= read  # the recording works
    for path in [*sorted((ROOT / "editorial").rglob("*.py")), DEPLOY / "gunicorn.conf.py"]:
        read |= _literal_names_read(path)
    listed = _listed_in_env_example()
    assert len(listed) == len(set(listed)), "a variable is listed twice"
    assert set(listed) == read


# -- systemd ----------------------------------------------------------------------------------


def _unit(name: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / "systemd" / name).read_text())
    return parser["Service"]


def _local_command(service: configparser.SectionProxy) -> list[str]:
    """ExecStart with the server's venv replaced by the one running these tests."""
    argv = shlex.split(service["ExecStart"])
    assert argv[0].startswith(service["WorkingDirectory"] + "/.venv/bin/"), argv[0]
    return [str(BIN / Path(argv[0]).name), *argv[1:]]


def _run(argv: list[str], env: dict[str, str], timeout: float = 120, cwd: Path = ROOT) -> None:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in config.ENVIRONMENT}
    env.pop("WEB_CONCURRENCY", None)
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'editorial.sqlite3'}",
               SECRET_KEY="deploy-test", LOG_LEVEL="WARNING")
    return env


@pytest.mark.parametrize("name", UNITS)
def test_systemd_unit_runs_hardened_with_the_env_file(name):
    service = _unit(name)
    assert service["EnvironmentFile"] == ENV_FILE
    assert service["User"] not in {"", "root"} and service["Restart"] == "on-failure"
    assert service["NoNewPrivileges"] == "yes" and service["PrivateTmp"] == "yes"
    assert service["ProtectSystem"] == "strict"
    instance = Path(config.__file__).resolve().parents[1] / "instance"
    from editorial import create_app

    assert Path(create_app({"SECRET_KEY": "x"}).instance_path) == instance
    assert service["ReadWritePaths"] == f"{service['WorkingDirectory']}/instance"


def test_scheduler_unit_names_a_flask_command_that_exists(tmp_path):
    argv = _local_command(_unit("editorial-scheduler.service"))
    assert Path(argv[0]).name == "flask" and argv[1:3] == ["--app", "wsgi"]
    _run([*argv, "--help"], _environment(tmp_path))


def test_web_unit_runs_gunicorn_on_the_config_and_an_app_that_loads(tmp_path):
    argv = _local_command(_unit("editorial-web.service"))
    assert Path(argv[0]).name == "gunicorn"
    assert argv[argv.index("--config") + 1] == "deploy/gunicorn.conf.py"
    _run([*argv, "--check-config"], _environment(tmp_path))


def test_the_flask_wrapper_reads_the_env_example_from_any_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in config.ENVIRONMENT}
    env["EDITORIAL_ENV"] = str(DEPLOY / "editorial.env.example")
    _run([str(DEPLOY / "editorial-flask"), "scheduler", "--help"], env, cwd=tmp_path)


# -- nginx ------------------------------------------------------------------------------------

NGINX = Path("/usr/sbin/nginx")
CERT, KEY = "/etc/ssl/editorial/fullchain.pem", "/etc/ssl/editorial/privkey.pem"
HOST = "lich.example.vn"


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    if not shutil.which("openssl"):
        pytest.skip("no openssl to make a certificate")
    _run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
          "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)], dict(os.environ))
    return cert, key


def _site(tmp_path: Path, replace: dict[str, str] | None = None) -> Path:
    """The site with a self-signed certificate at the placeholders (and `replace` done)."""
    cert, key = _self_signed(tmp_path)
    text = (DEPLOY / "nginx" / "editorial.conf").read_text()
    for old, new in {CERT: str(cert), KEY: str(key), **(replace or {})}.items():
        assert old in text, f"{old!r} is not in the site"
        text = text.replace(old, new)
    site = tmp_path / "editorial.conf"
    site.write_text(text)
    return site


def _nginx_main_conf(tmp_path: Path, site: Path) -> Path:
    temp = " ".join(f"{kind}_temp_path {tmp_path / kind};"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = tmp_path / "nginx.conf"
    lines = ["user root;  # the workers read the tests' files and temp paths",
             f"pid {tmp_path / 'nginx.pid'};", f"error_log {tmp_path / 'error.log'};",
             "events {}", "http {", " include /etc/nginx/mime.types;",
             f" access_log {tmp_path / 'access.log'};", f" {temp}", f" include {site};", "}"]
    main.write_text("\n".join(lines) + "\n")
    return main


@pytest.mark.skipif(not NGINX.exists(), reason="nginx is not installed (.ci/run installs it)")
def test_nginx_accepts_the_site(tmp_path):
    main = _nginx_main_conf(tmp_path, _site(tmp_path))
    _run([str(NGINX), "-t", "-q", "-e", str(tmp_path / "error.log"), "-p", str(tmp_path),
          "-c", str(main)], dict(os.environ), timeout=30)


# -- a real run -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    env = _environment(tmp_path)
    _run([str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"], env)
    port = _free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "--bind",
             f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            yield port
        finally:
            _stop(server)
    assert server.returncode == 0, log_path.read_text()


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


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
    plain, tls = _free_port(), _free_port()
    site = _site(tmp_path, {"listen 80;": f"listen 127.0.0.1:{plain};",
                            "listen 443 ssl http2;": f"listen 127.0.0.1:{tls} ssl http2;",
                            "listen [::]:80;": "", "listen [::]:443 ssl http2;": "",
                            "server 127.0.0.1:8000;": f"server 127.0.0.1:{gunicorn};",
                            "/srv/editorial/static/": f"{ROOT / 'static'}/"})
    server = subprocess.Popen([str(NGINX), "-e", str(tmp_path / "error.log"), "-p",
                               str(tmp_path), "-c", str(_nginx_main_conf(tmp_path, site)),
                               "-g", "daemon off;"], stdin=subprocess.DEVNULL)
    try:
        _wait_for_port(tls, seconds=30)
        _wait_for(f"http://127.0.0.1:{gunicorn}/healthz", {}, seconds=90)
        yield plain, tls
    finally:
        _stop(server)


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
