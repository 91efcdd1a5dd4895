"""The scheduler's tables: the leader lease, the record of job runs, APScheduler's job store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Float, Index, LargeBinary, String, Table, Text, Unicode
from sqlalchemy.orm import Mapped, mapped_column

from editorial.extensions import db
from editorial.models_base import UTCDateTime, utcnow


class SchedulerLease(db.Model):
    """Who may run jobs: the holder, until `expires_at` unless it renews in time."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "scheduler_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime())
    renewed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<SchedulerLease {self.name} {self.holder} until {self.expires_at}>"


class JobRun(db.Model):
    """One run of a job: when, by which scheduler instance, and how it ended."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "job_runs"
    __table_args__ = (Index("ix_job_runs_job", "job_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(60))
    holder: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ok: Mapped[bool | None]
    summary: Mapped[str] = mapped_column(String(300), default="")
    error: Mapped[str | None] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<JobRun {self.job_id} {self.started_at} ok={self.ok}>"


# APScheduler's SQLAlchemyJobStore table, declared here so the migrations create it and
# `flask db check` knows it; the job store finds it already there.
apscheduler_jobs = Table(
    "apscheduler_jobs", db.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)
