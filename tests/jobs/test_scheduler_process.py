"""Two `flask scheduler run` processes on one database: only the lease holder runs jobs; when
it dies the other takes over after the lease expires, and when it stops it hands over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from editorial.jobs.models import JobRun, SchedulerLease

ROOT = Path(__file__).resolve().parents[2]
LEASE = 5  # seconds: long enough that a loaded CI machine still renews in time
WAIT = 30  # the longest any step may take


def start(database_url: str, log: Path) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY="test-secret",
               SCHEDULER_LEASE_SECONDS=str(LEASE), SCHEDULER_SWEEP_SECONDS="1",
               PYTHONWARNINGS="error", PYTHONUNBUFFERED="1")
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "scheduler", "run"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_until(condition: Callable[[], bool], what: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    output = "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in logs)
    pytest.fail(f"timed out waiting until {what}\n{output}")


def pid_of(holder: str) -> int:
    return int(holder.split(":")[1])


class Database:
    """Fresh reads of the lease and the run records, as another process committed them."""

    def __init__(self, db):
        self.db = db

    def holder(self) -> int | None:
        self.db.session.rollback()
        lease = self.db.session.get(SchedulerLease, "scheduler")
        return pid_of(lease.holder) if lease is not None else None

    def runs_by(self) -> dict[int, int]:
        self.db.session.rollback()
        counts: dict[int, int] = {}
        for holder in self.db.session.scalars(select(JobRun.holder).where(JobRun.ok.is_(True))):
            counts[pid_of(holder)] = counts.get(pid_of(holder), 0) + 1
        return counts


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=WAIT)


def test_only_one_scheduler_runs_jobs_and_a_standby_takes_over(app, db, database_url, tmp_path,
                                                               processes):
    logs = [tmp_path / "first.log", tmp_path / "second.log", tmp_path / "third.log"]
    state = Database(db)
    first = start(database_url, logs[0])
    processes.append(first)
    wait_until(lambda: state.holder() == first.pid, "the first holds the lease", logs)
    second = start(database_url, logs[1])
    processes.append(second)
    wait_until(lambda: "started" in logs[1].read_text(), "the second is standing by", logs)
    wait_until(lambda: state.runs_by().get(first.pid, 0) >= 2, "the first ran jobs", logs)
    time.sleep(LEASE * 1.5)  # the second polls the lease all this while
    assert second.poll() is None
    assert set(state.runs_by()) == {first.pid}
    assert state.holder() == first.pid

    first.send_signal(signal.SIGKILL)  # dies without releasing: the lease must expire
    first.wait(timeout=WAIT)
    killed_runs = state.runs_by()[first.pid]
    wait_until(lambda: state.holder() == second.pid, "the second took the lease", logs)
    wait_until(lambda: state.runs_by().get(second.pid, 0) >= 2, "the second ran jobs", logs)
    assert state.runs_by()[first.pid] == killed_runs

    third = start(database_url, logs[2])
    processes.append(third)
    wait_until(lambda: "started" in logs[2].read_text(), "the third is standing by", logs)
    assert state.holder() == second.pid
    second.send_signal(signal.SIGTERM)  # a clean stop releases the lease at once
    assert second.wait(timeout=WAIT) == 0
    wait_until(lambda: state.holder() == third.pid, "the third took over", logs)
    wait_until(lambda: state.runs_by().get(third.pid, 0) >= 1, "the third ran jobs", logs)
