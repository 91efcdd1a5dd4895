"""`flask scheduler …`: run the scheduler process, run one job now, show the state."""

from __future__ import annotations

import logging
import signal

import click
from flask import current_app
from flask.cli import AppGroup

from editorial import clock
from editorial.jobs import lease, process, runner
from editorial.jobs.tasks import JOBS_BY_ID

scheduler = AppGroup("scheduler", help="Tiến trình lập lịch (nhắc việc, thư điện tử).")


@scheduler.command("run")
@click.option("--lease-seconds", type=float, default=None,
              help="Độ dài hợp đồng thuê (mặc định SCHEDULER_LEASE_SECONDS).")
def run(lease_seconds: float | None) -> None:
    """Run the scheduler: active while it holds the lease, standby otherwise."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = current_app._get_current_object()
    seconds = lease_seconds or float(app.config["SCHEDULER_LEASE_SECONDS"])
    worker = process.SchedulerProcess(app, seconds)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: worker.stop.set())
    click.echo(f"Tiến trình lập lịch {worker.holder} đang chạy (Ctrl-C để dừng).")
    worker.run()


@scheduler.command("run-job")
@click.argument("job_id", type=click.Choice(sorted(JOBS_BY_ID)))
def run_job(job_id: str) -> None:
    """Run one job now, in this process (jobs are safe to run twice)."""
    record = runner.run_now(job_id, f"cli:{process.instance_name()}")
    if not record.ok:
        raise click.ClickException(f"Công việc {job_id} lỗi:\n{record.error}")
    click.echo(f"{job_id}: {record.summary}")


@scheduler.command("status")
def status() -> None:
    """Show which instance holds the lease."""
    held = lease.current()
    if held is None:
        click.echo("Chưa có tiến trình lập lịch nào chạy.")
        return
    state = "đang hoạt động" if held.expires_at > clock.now() else "đã hết hạn"
    click.echo(f"{held.holder} ({state}, hạn {held.expires_at.isoformat()})")
