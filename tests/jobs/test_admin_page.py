"""The admin page: jobs with last and next runs, the active instance, failures, the outbox."""

from dataclasses import replace
from datetime import timedelta

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import select

from editorial import clock
from editorial.auth.models import User
from editorial.clock import VN
from editorial.jobs import lease, process, runner
from editorial.jobs.tasks import JOBS, JOBS_BY_ID
from editorial.notifications.models import MailMessage
from editorial.notifications.rules import MailStatus


def test_admin_sees_jobs_runs_lease_and_failures(demo, db, app, login_as, client, monkeypatch,
                                                 queries):
    lease.acquire("may-chu-1:4242:abc", clock.now(), 60)
    runner.run_now("reminders", "may-chu-1:4242:abc")
    broken = replace(JOBS_BY_ID["digest"], func=lambda now: 1 / 0)
    monkeypatch.setitem(JOBS_BY_ID, "digest", broken)
    runner.run_now("digest", "may-chu-1:4242:abc")
    officer = db.session.scalar(select(User).where(User.login == "kesach"))
    db.session.add_all(MailMessage(to_addr=f"u{i}@mttq.test", subject=f"Thư {i}", body="…",
                                   recipient_id=officer.id, status=MailStatus.HELD)
                       for i in range(60))
    db.session.commit()
    login_as("quantri")
    with queries() as statements:
        html = client.get("/admin/scheduler/").get_data(as_text=True)
    assert "may-chu-1:4242:abc" in html and "lease-active" in html
    assert "Lập và gửi nhắc việc" in html and "Thành công" in html
    assert "ZeroDivisionError" in html  # the failure, with its traceback
    assert html.count("Chưa chạy") == 3  # mail, housekeeping and the scoreboard snapshot
    assert html.count('<tr id="mail-') == 50  # the latest 50
    assert len(statements) <= 8, len(statements)  # whatever the number of runs and mails


def test_no_active_scheduler_is_shown_as_a_problem(demo, login_as, client):
    login_as("quantri")
    html = client.get("/admin/scheduler/").get_data(as_text=True)
    assert "Không có tiến trình lập lịch nào đang chạy" in html


def test_only_admins_see_the_scheduler(demo, login_as, client):
    login_as("bientap")
    assert client.get("/admin/scheduler/").status_code == 403


def test_a_run_missed_while_down_stays_due_once_restarted(app, db):
    """Restarting keeps the stored next run time, so a missed run happens (once) on start."""
    engine = db.engine
    first = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=engine)},
                                job_defaults=process.JOB_DEFAULTS, timezone=VN)
    first.start(paused=True)
    process.sync_jobs(first, app.config)
    missed = clock.now() - timedelta(hours=3)
    first.modify_job("digest", next_run_time=missed)
    process.stop_scheduler(first, wait=True)

    second = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=engine)},
                                 job_defaults=process.JOB_DEFAULTS, timezone=VN)
    second.start(paused=True)
    process.sync_jobs(second, app.config)
    digest = second.get_job("digest")
    assert digest.next_run_time == missed
    assert digest.coalesce and digest.misfire_grace_time is None  # one run, however late
    assert {job.id for job in second.get_jobs()} == {job.id for job in JOBS}
    process.stop_scheduler(second, wait=True)


def test_a_scheduler_started_after_days_down_catches_each_missed_job_up_once(app, db, demo):
    """Three days down: on start the digest (daily) runs once, not three times, and its next
    run is in the future again."""
    import threading
    import time

    from sqlalchemy import func, select

    from editorial.jobs.models import JobRun

    store = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=db.engine)},
                                job_defaults=process.JOB_DEFAULTS, timezone=VN)
    store.start(paused=True)
    process.sync_jobs(store, app.config)
    store.modify_job("digest", next_run_time=clock.now() - timedelta(days=3))
    process.stop_scheduler(store, wait=True)

    scheduler = process.SchedulerProcess(app, lease_seconds=3, holder="thu:1:catchup")
    thread = threading.Thread(target=scheduler.run, daemon=True)
    thread.start()

    def digest_runs() -> int:
        db.session.rollback()
        return db.session.scalar(select(func.count()).select_from(JobRun)
                                 .where(JobRun.job_id == "digest")) or 0

    try:
        deadline = time.monotonic() + 20
        while digest_runs() == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.5)  # time enough for any duplicate to show
        assert digest_runs() == 1
    finally:
        scheduler.stop.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
    check = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=db.engine)},
                                timezone=VN)
    check.start(paused=True)
    assert check.get_job("digest").next_run_time > clock.now()
    process.stop_scheduler(check, wait=True)
