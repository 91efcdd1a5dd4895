"""What the deployment tests share: paths, running a command, the test environment, the nginx
site made runnable here (a self-signed certificate, a main config in a temp folder)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from editorial import config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent


def run(argv: list[str], env: dict[str, str], timeout: float = 120, cwd: Path = ROOT) -> None:
    """Run a command to its end (bounded), failing the test with its output if it fails."""
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"


def environment(tmp_path: Path) -> dict[str, str]:
    """This environment without the app's variables, on a SQLite file in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in config.ENVIRONMENT}
    env.pop("WEB_CONCURRENCY", None)
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'editorial.sqlite3'}",
               SECRET_KEY="deploy-test", LOG_LEVEL="WARNING")
    return env


NGINX = Path("/usr/sbin/nginx")
CERT, KEY = "/etc/ssl/editorial/fullchain.pem", "/etc/ssl/editorial/privkey.pem"
HOST = "lich.example.vn"


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate and its key for one day, made by openssl."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    if not shutil.which("openssl"):
        pytest.skip("no openssl to make a certificate")
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
          "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)], dict(os.environ))
    return cert, key


def site(tmp_path: Path, replace: dict[str, str] | None = None) -> Path:
    """The site with a self-signed certificate at the placeholders (and `replace` done)."""
    cert, key = self_signed(tmp_path)
    text = (DEPLOY / "nginx" / "editorial.conf").read_text()
    for old, new in {CERT: str(cert), KEY: str(key), **(replace or {})}.items():
        assert old in text, f"{old!r} is not in the site"
        text = text.replace(old, new)
    site = tmp_path / "editorial.conf"
    site.write_text(text)
    return site


def nginx_main_conf(tmp_path: Path, site: Path) -> Path:
    """A main nginx config with everything in tmp_path, including the site."""
    temp = " ".join(f"{kind}_temp_path {tmp_path / kind};"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = tmp_path / "nginx.conf"
    lines = ["user root;  # the workers read the tests' files and temp paths",
             f"pid {tmp_path / 'nginx.pid'};", f"error_log {tmp_path / 'error.log'};",
             "events {}", "http {", " include /etc/nginx/mime.types;",
             f" access_log {tmp_path / 'access.log'};", f" {temp}", f" include {site};", "}"]
    main.write_text("\n".join(lines) + "\n")
    return main


def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]



def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process we started, by its PID; SIGKILL if it is still there in 40 s."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)

