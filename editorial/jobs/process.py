"""The scheduler process: a standby that polls the lease, and while it holds it runs
APScheduler on the persistent job store; when it loses the lease it stops at once."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from editorial.clock import VN
from editorial.extensions import db
from editorial.jobs import lease, runner
from editorial.jobs.tasks import JOBS, JOBS_BY_ID

log = logging.getLogger("editorial.scheduler")
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def instance_name() -> str:
    """This process, as the lease and the run records name it: host, pid and a nonce."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class SchedulerProcess:
    """Leader when holding the lease, standby otherwise; `stop` ends `run` cleanly."""

    def __init__(self, app: Flask, lease_seconds: float, holder: str | None = None):
        self.app = app
        self.lease_seconds = lease_seconds
        self.holder = holder or instance_name()
        self.stop = threading.Event()
        self.scheduler: BackgroundScheduler | None = None

    def run(self) -> None:
        """Poll or renew the lease every third of its length until told to stop."""
        runner.bind(self.app, self.holder)
        log.info("scheduler %s started (lease %ss)", self.holder, self.lease_seconds)
        try:
            while not self.stop.is_set():
                leader = self._lease()
                if leader and self.scheduler is None:
                    self._start()
                elif not leader and self.scheduler is not None:
                    log.warning("scheduler %s lost the lease: standing by", self.holder)
                    self._halt(wait=False)
                self.stop.wait(max(self.lease_seconds / 3, 0.2))
        finally:
            self._halt(wait=True)
            self._release()
            log.info("scheduler %s stopped", self.holder)

    def _lease(self) -> bool:
        with self.app.app_context():
            try:
                return lease.acquire(self.holder, lease.database_now(), self.lease_seconds)
            except SQLAlchemyError:
                log.exception("lease check failed; acting as standby")
                db.session.rollback()
                return False

    def _start(self) -> None:
        """Become the active scheduler: start APScheduler on the jobs stored in the database."""
        with self.app.app_context():
            store = SQLAlchemyJobStore(engine=db.engine, tablename="apscheduler_jobs")
        scheduler = BackgroundScheduler(
            jobstores={"default": store}, executors={"default": ThreadPoolExecutor(2)},
            job_defaults=JOB_DEFAULTS, timezone=VN)
        scheduler.start(paused=True)
        sync_jobs(scheduler, self.app.config)
        scheduler.resume()
        self.scheduler = scheduler
        log.info("scheduler %s holds the lease: running jobs", self.holder)

    def _halt(self, wait: bool) -> None:
        if self.scheduler is not None:
            stop_scheduler(self.scheduler, wait)
            self.scheduler = None

    def _release(self) -> None:
        with self.app.app_context():
            try:
                lease.release(self.holder, lease.database_now())
            except SQLAlchemyError:
                log.exception("could not release the lease; it expires by itself")


def stop_scheduler(scheduler: BackgroundScheduler, wait: bool) -> None:
    """Stop APScheduler without touching the stored jobs. Detaching the job store first
    matters: APScheduler's loop looks for due jobs once more after `shutdown`, and would
    move a due job's next run time on without running it."""
    scheduler.pause()
    # Not shutdown=True: the store's shutdown disposes the engine, which is the app's own
    # (its pool would be emptied under the sessions still using it).
    scheduler.remove_jobstore("default", shutdown=False)
    scheduler.shutdown(wait=wait)


def sync_jobs(scheduler: BackgroundScheduler, config) -> None:
    """Make the stored jobs match the list. A job whose trigger is unchanged keeps its stored
    next run time, so a run missed while no scheduler was up happens once on start."""
    for job in JOBS:
        trigger = job.trigger(config)
        stored = scheduler.get_job(job.id)
        if stored is None:
            scheduler.add_job(runner.run_job, trigger, args=[job.id], id=job.id, name=job.label)
        elif str(stored.trigger) != str(trigger):
            stored.reschedule(trigger)
    for stored in scheduler.get_jobs():
        if stored.id not in JOBS_BY_ID:
            stored.remove()
