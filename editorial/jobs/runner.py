"""The app-context wrapper: how APScheduler calls a job (by id, so the stored job stays
valid when the code changes), recording each run."""

from __future__ import annotations

import logging
import traceback

from flask import Flask

from editorial import clock
from editorial.extensions import db
from editorial.jobs import lease
from editorial.jobs.models import JobRun
from editorial.jobs.tasks import JOBS_BY_ID

log = logging.getLogger("editorial.scheduler")

# Set by the scheduler process before it starts APScheduler.
_app: Flask | None = None
_holder: str | None = None


def bind(app: Flask, holder: str | None) -> None:
    """Tell the wrapper which app to run jobs in, and on behalf of which lease holder."""
    global _app, _holder
    _app, _holder = app, holder


def run_job(job_id: str) -> None:
    """APScheduler's entry point: run one job in an app context, unless we lost the lease."""
    if _app is None:
        raise RuntimeError("editorial.jobs.runner.bind() was not called")
    with _app.app_context():
        if _holder is not None and not lease.holds(_holder, lease.database_now()):
            log.warning("job %s not run: this instance no longer holds the lease", job_id)
            return
        run_now(job_id, _holder or "cli")


def run_now(job_id: str, holder: str) -> JobRun:
    """Run a job at the current time and record how it went (needs an app context)."""
    job = JOBS_BY_ID[job_id]
    record = JobRun(job_id=job_id, holder=holder, started_at=clock.now())
    db.session.add(record)
    db.session.commit()
    run_id = record.id
    try:
        summary = job.func(clock.now())
    except Exception:
        db.session.rollback()
        log.exception("job %s failed", job_id)
        return _finish(run_id, ok=False, error=traceback.format_exc()[-4000:])
    return _finish(run_id, ok=True, summary=summary or "")


def _finish(run_id: int, ok: bool, summary: str = "", error: str | None = None) -> JobRun:
    record = db.session.get(JobRun, run_id)
    record.finished_at, record.ok = clock.now(), ok
    record.summary, record.error = summary[:300], error
    db.session.commit()
    log.info("job %s %s %s", record.job_id, "ok" if ok else "FAILED", record.summary)
    return record
