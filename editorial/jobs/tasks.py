"""The jobs: module-level functions of the current time, safe to run twice, in one list."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import delete, update

from editorial.clock import VN
from editorial.extensions import db
from editorial.jobs.models import JobRun
from editorial.notifications import digest, mail, sweep
from editorial.notifications.models import MailMessage
from editorial.notifications.rules import MailStatus
from editorial.reminders import planner
from editorial.website import snapshot

KEEP_RUNS = timedelta(days=14)
STUCK_SENDING = timedelta(minutes=15)


def reminders(now: datetime) -> str:
    """Bring the reminder rows in step with the deadlines, then send what is due."""
    planned = planner.plan_reminders(now)
    db.session.commit()
    swept = sweep.send_due(now)
    return (f"lập {planned.created} mới, sửa {planned.updated}, xóa {planned.deleted}; "
            f"gửi {swept.sent}, bỏ qua {swept.skipped}, lỗi {swept.failed}")


def send_mail(now: datetime) -> str:
    """Gather each user's waiting notifications into one digest mail, then send queued mail
    through SMTP (without MAIL_SERVER the digests stay in the outbox)."""
    gathered = digest.queue_digests(now)
    sent, failed = mail.deliver_queued(now)
    return (f"gom {gathered.items} thông báo vào {gathered.mails} thư; "
            f"gửi {sent} thư, lỗi {failed}")


def morning_digest(now: datetime) -> str:
    """The editors' morning digest, then the sweep sends it at once."""
    created = planner.plan_digest(now)
    db.session.commit()
    swept = sweep.send_due(now)
    return f"bản tin cho {created} biên tập viên; gửi {swept.sent}"


def housekeeping(now: datetime) -> str:
    """Prune old run records; mail stuck in "sending" (the process died) becomes failed."""
    runs = db.session.execute(delete(JobRun).where(JobRun.started_at < now - KEEP_RUNS))
    stuck = db.session.execute(
        update(MailMessage).where(MailMessage.status == MailStatus.SENDING,
                                  MailMessage.next_attempt_at < now - STUCK_SENDING)
        .values(status=MailStatus.FAILED,
                last_error="Không rõ đã gửi hay chưa (tiến trình dừng giữa chừng).")
        .execution_options(synchronize_session=False))
    db.session.commit()
    return f"xóa {runs.rowcount} lượt chạy cũ; {stuck.rowcount} thư treo chuyển sang lỗi"


def scoreboard_snapshot(now: datetime) -> str:
    """On the 1st: last month's website tally kept in the audit log; editors are told."""
    return snapshot.take(now)


@dataclass(frozen=True, slots=True)
class Job:
    """A job of the list: its id, its function and when it runs (from the settings)."""

    id: str
    func: Callable[[datetime], str]
    label: str
    trigger: Callable[[Mapping[str, Any]], Any]


def _every_sweep(config: Mapping[str, Any]) -> IntervalTrigger:
    return IntervalTrigger(seconds=int(config["SCHEDULER_SWEEP_SECONDS"]), timezone=VN)


def _monthly(day: int, hour: int, minute: int = 0) -> Callable[[Mapping[str, Any]], CronTrigger]:
    return lambda _config: CronTrigger(day=day, hour=hour, minute=minute, timezone=VN)


def _daily(hour: int, minute: int = 0) -> Callable[[Mapping[str, Any]], CronTrigger]:
    return lambda _config: CronTrigger(hour=hour, minute=minute, timezone=VN)


JOBS: list[Job] = [
    Job("reminders", reminders, "Lập và gửi nhắc việc", _every_sweep),
    Job("mail", send_mail, "Gom thông báo và gửi thư điện tử", _every_sweep),
    Job("digest", morning_digest, "Bản tin buổi sáng cho biên tập viên", _daily(7)),
    Job("housekeeping", housekeeping, "Dọn dữ liệu cũ", _daily(2, 30)),
    Job("scoreboard", scoreboard_snapshot, "Lưu kết quả tin, bài tháng trước", _monthly(1, 7, 15)),
]
JOBS_BY_ID = {job.id: job for job in JOBS}
