"""What the admin page shows: the jobs with their last and next runs, the active instance,
recent failures and the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from editorial import clock
from editorial.extensions import db
from editorial.jobs import lease
from editorial.jobs.models import JobRun, SchedulerLease, apscheduler_jobs
from editorial.jobs.tasks import JOBS
from editorial.notifications.models import MailMessage, Reminder
from editorial.notifications.rules import MailStatus

OUTBOX_SIZE = 50
FAILURES_SHOWN = 10


@dataclass(frozen=True, slots=True)
class JobRow:
    id: str
    label: str
    last: JobRun | None
    next_run: datetime | None


@dataclass(frozen=True, slots=True)
class Overview:
    jobs: list[JobRow]
    lease: SchedulerLease | None
    lease_active: bool
    failed_runs: list[JobRun]
    failed_reminders: list[Reminder]
    outbox: list[MailMessage]
    mail_counts: dict[MailStatus, int]


def overview() -> Overview:
    """Everything on the scheduler page, in a fixed number of queries."""
    held = lease.current()
    return Overview(
        jobs=_jobs(), lease=held, lease_active=held is not None and held.expires_at > clock.now(),
        failed_runs=list(db.session.scalars(select(JobRun).where(JobRun.ok.is_(False))
                                            .order_by(JobRun.id.desc()).limit(FAILURES_SHOWN))),
        failed_reminders=list(db.session.scalars(
            select(Reminder).where(Reminder.sent_at.is_(None), Reminder.last_error.is_not(None))
            .order_by(Reminder.id.desc()).limit(FAILURES_SHOWN))),
        outbox=list(db.session.scalars(select(MailMessage).order_by(MailMessage.id.desc())
                                       .limit(OUTBOX_SIZE))),
        mail_counts={s: n for s, n in db.session.execute(
            select(MailMessage.status, func.count()).group_by(MailMessage.status))},
    )


def _jobs() -> list[JobRow]:
    latest = select(func.max(JobRun.id)).group_by(JobRun.job_id)
    last = {r.job_id: r for r in db.session.scalars(select(JobRun).where(JobRun.id.in_(latest)))}
    stored = dict(db.session.execute(
        select(apscheduler_jobs.c.id, apscheduler_jobs.c.next_run_time)).all())
    return [JobRow(job.id, job.label, last.get(job.id), _instant(stored.get(job.id)))
            for job in JOBS]


def _instant(timestamp: float | None) -> datetime | None:
    """APScheduler stores the next run as a UTC timestamp (None when paused)."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


RESENDABLE = (MailStatus.FAILED, MailStatus.HELD)
