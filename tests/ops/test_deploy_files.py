"""deploy/ holds what a production server runs: the gunicorn config imports and sizes its
workers, the env example lists exactly what the code reads, the systemd units name commands
that exist, and nginx accepts the site (test_deploy_run.py runs them)."""

from __future__ import annotations

import ast
import configparser
import os
import re
import runpy
import shlex
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from editorial import config
from tests.ops.deploy_support import (
    BIN,
    DEPLOY,
    NGINX,
    ROOT,
    environment,
    nginx_main_conf,
    run,
    site,
)

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
    run([*argv, "--help"], environment(tmp_path))


def test_web_unit_runs_gunicorn_on_the_config_and_an_app_that_loads(tmp_path):
    argv = _local_command(_unit("editorial-web.service"))
    assert Path(argv[0]).name == "gunicorn"
    assert argv[argv.index("--config") + 1] == "deploy/gunicorn.conf.py"
    run([*argv, "--check-config"], environment(tmp_path))


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd-analyze")
def test_systemd_knows_every_key_of_the_units(tmp_path):
    for name in UNITS:  # the units with the server's checkout mapped to this one
        text = (DEPLOY / "systemd" / name).read_text()
        (tmp_path / name).write_text(text.replace(_unit(name)["WorkingDirectory"], str(ROOT)))
    done = subprocess.run(["systemd-analyze", "verify", *(str(tmp_path / n) for n in UNITS)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def test_the_flask_wrapper_reads_the_env_example_from_any_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in config.ENVIRONMENT}
    env["EDITORIAL_ENV"] = str(DEPLOY / "editorial.env.example")
    run([str(DEPLOY / "editorial-flask"), "scheduler", "--help"], env, cwd=tmp_path)


# -- nginx ------------------------------------------------------------------------------------

@pytest.mark.skipif(not NGINX.exists(), reason="nginx is not installed (.ci/run installs it)")
def test_nginx_accepts_the_site(tmp_path):
    main = nginx_main_conf(tmp_path, site(tmp_path))
    run([str(NGINX), "-t", "-q", "-e", str(tmp_path / "error.log"), "-p", str(tmp_path),
          "-c", str(main)], dict(os.environ), timeout=30)


