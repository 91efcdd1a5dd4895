"""The reminder jobs on a controlled clock: who is reminded of what, exactly once."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from editorial.auth.models import User
from editorial.clock import VN
from editorial.jobs import tasks
from editorial.notifications import preferences
from editorial.notifications.models import MailMessage, Notification, Reminder
from editorial.notifications.rules import MailStatus, Preferences
from editorial.observances.models import ReportRuleEntry
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import SlotStatus
from editorial.units.models import Unit


def at(day: int, month: int = 4, hour: int = 7, minute: int = 30) -> datetime:
    """A Vietnamese wall-clock time in 2023."""
    return datetime(2023, month, day, hour, minute, tzinfo=VN)


def inbox(db, login: str) -> list[str]:
    user = db.session.scalar(select(User).where(User.login == login))
    return list(db.session.scalars(select(Notification.title).where(
        Notification.user_id == user.id).order_by(Notification.id)))


def everyone(db) -> dict[str, int]:
    rows = db.session.execute(select(User.login, func.count(Notification.id))
                              .join(Notification, Notification.user_id == User.id)
                              .group_by(User.login)).all()
    return dict(rows)


@pytest.fixture
def quota_off(db):
    """The admins switched the website-quota rule off: only the registration deadlines remain
    around the 1st of the month (the quota is due on the month's last working day)."""
    province = db.session.scalar(select(Unit.id).where(Unit.parent_id.is_(None)))
    db.session.add(ReportRuleEntry(key="tin-bai-trang-ttdt", name="-", frequency="monthly",
                                   day=31, wording="-", kind="quota", active=False,
                                   province_id=province))
    db.session.commit()


def april_slots(db) -> list[Slot]:
    """April's slots in the plan's column order: the radio–TV column, then the newspaper page."""
    return list(db.session.scalars(
        select(Slot).join(Slot.column).where(Slot.period_start == date(2023, 4, 1))
        .order_by(PlanColumn.position, Slot.id)))


def test_three_days_before_vinh_chau_is_reminded_once(demo, db):
    summary = tasks.reminders(at(2)).split(";")[1]
    assert "gửi 2" in summary
    # April's topic belongs to Vĩnh Châu; its deadline is Wednesday 5/4/2023.
    assert everyone(db) == {"vinhchau": 2}
    titles = inbox(db, "vinhchau")
    assert all(t.startswith("Còn 3 ngày – Hạn đăng ký chủ đề tháng 4/2023") for t in titles)
    assert {t.split(" – ")[2] for t in titles} == {"Chuyên mục PT-TH", "Chuyên trang Báo"}
    assert all(t.endswith("(05/04/2023)") for t in titles)

    assert "gửi 0" in tasks.reminders(at(2))
    assert "gửi 0" in tasks.reminders(at(2, minute=45))
    assert everyone(db) == {"vinhchau": 2}


def test_the_whole_run_up_to_the_deadline_and_after(demo, db):
    for day in range(1, 8):
        for hour in (6, 8, 20):  # the sweep runs all day; each step is sent once
            tasks.reminders(at(day, hour=hour, minute=0))
    titles = inbox(db, "vinhchau")
    assert len(titles) == 6
    assert sorted(t.split(" – ")[0] for t in titles) == (
        ["Còn 1 ngày"] * 2 + ["Còn 3 ngày"] * 2 + ["Hôm nay"] * 2)
    editors = inbox(db, "bientap")
    assert len(editors) == 2
    assert all(t.startswith("Quá hạn đăng ký chủ đề tháng 4/2023") and "Vĩnh Châu" in t
               for t in editors)
    assert set(everyone(db)) == {"vinhchau", "bientap"}


def test_a_registered_slot_stops_its_reminders(demo, db):
    tasks.reminders(at(2))
    radio, paper = april_slots(db)
    radio.status = SlotStatus.REGISTERED
    db.session.commit()
    tasks.reminders(at(4))
    tasks.reminders(at(6))
    titles = inbox(db, "vinhchau")
    assert len(titles) == 3  # both at -3, then only the newspaper page at -1
    assert "Chuyên trang Báo" in titles[-1]
    assert all("Chuyên mục PT-TH" not in t for t in inbox(db, "bientap"))
    unsent = db.session.scalars(select(Reminder).where(
        Reminder.subject == f"slot:{radio.id}", Reminder.sent_at.is_(None))).all()
    assert unsent == []


def test_a_moved_deadline_moves_its_unsent_reminders(demo, db, monkeypatch, quota_off):
    tasks.reminders(at(30, month=3))
    assert everyone(db) == {}
    from editorial.observances import services as observances

    moved = {(2023, 4): date(2023, 4, 3)}  # the 5th of April becomes Monday the 3rd
    monkeypatch.setattr(observances, "deadline_function",
                        lambda: lambda y, m: moved.get((y, m), date(y, m, 5)))
    tasks.reminders(at(31, month=3))
    titles = inbox(db, "vinhchau")
    assert len(titles) == 2 and all(t.startswith("Còn 3 ngày") for t in titles)
    assert all(t.endswith("(03/04/2023)") for t in titles)
    dues = db.session.scalars(select(Reminder.due_at).where(
        Reminder.recipient_id == _id(db, "vinhchau"), Reminder.offset_days == 0,
        Reminder.kind == "registration")).all()
    assert {d.astimezone(VN) for d in dues} == {at(3)}


def test_a_scheduler_down_for_days_catches_up_once(demo, db, quota_off):
    tasks.reminders(at(30, month=3))
    result = tasks.reminders(at(5, hour=9))  # nothing ran from 30/3 to 5/4 09:00
    assert "gửi 2, bỏ qua 4" in result
    assert [t.split(" – ")[0] for t in inbox(db, "vinhchau")] == ["Hôm nay", "Hôm nay"]
    assert "gửi 0, bỏ qua 0" in tasks.reminders(at(5, hour=10))


def test_each_user_chooses_days_ahead_kinds_and_mail(demo, db, quota_off):
    vinhchau, editor = _id(db, "vinhchau"), _id(db, "bientap")
    preferences.save_preferences(vinhchau, Preferences(days_before=(7,), email="vc@example.vn"))
    preferences.save_preferences(editor, Preferences(muted=frozenset({"overdue"})))
    db.session.commit()
    tasks.reminders(at(29, month=3))
    assert [t.split(" – ")[0] for t in inbox(db, "vinhchau")] == ["Còn 7 ngày"] * 2
    tasks.reminders(at(2))
    tasks.reminders(at(4))
    tasks.reminders(at(5))
    tasks.reminders(at(6))
    assert len(inbox(db, "vinhchau")) == 2 + 2  # 7 days before, then on the day; no 3, no 1
    assert inbox(db, "bientap") == []
    mail = db.session.scalars(select(MailMessage)).all()
    assert len(mail) == 4 and {m.to_addr for m in mail} == {"vc@example.vn"}
    assert {m.status for m in mail} == {MailStatus.HELD}  # no SMTP server in the tests


def test_report_deadlines_reach_district_officers(demo, db):
    # "Báo cáo tháng" is due "trước ngày 25": Monday 24/4/2023; 3 days before is 21/4.
    tasks.reminders(at(21))
    titles = inbox(db, "kesach")
    assert titles and all("Báo cáo tháng" in t and "trước ngày 25/4/2023" in t for t in titles)
    assert len(everyone(db)) == 11  # one officer in each district unit


def test_the_website_quota_reaches_district_officers_in_the_last_week(demo, db):
    # April 2023 closes on Friday 28/4 (30/4 is a Sunday, Saturday 29/4 is Giỗ Tổ).
    tasks.reminders(at(25))
    titles = inbox(db, "kesach")
    assert titles == ["Còn 3 ngày – Hạn gửi tin, bài Trang Thông tin điện tử tháng 4/2023: "
                      "ít nhất 2 tin, 1 bài (28/04/2023)"]
    assert len(everyone(db)) == 11 and "bientap" not in everyone(db)
    tasks.reminders(at(27))
    tasks.reminders(at(28))
    tasks.reminders(at(28, hour=15))
    assert [t.split(" – ")[0] for t in inbox(db, "kesach")] == [
        "Còn 3 ngày", "Còn 1 ngày", "Hôm nay"]
    kesach = _id(db, "kesach")
    preferences.save_preferences(kesach, Preferences(muted=frozenset({"quota"})))
    db.session.commit()
    tasks.reminders(at(30, month=5))  # May's quota, 1 day ahead: muted by Kế Sách only
    assert len(inbox(db, "kesach")) == 3 and len(inbox(db, "vinhchau")) == 4


def test_morning_digest_lists_what_waits_for_editors(demo, db):
    assert "cho 0" in tasks.morning_digest(at(3, hour=7, minute=0))
    radio = april_slots(db)[0]
    radio.status = SlotStatus.REGISTERED
    db.session.commit()
    tasks.morning_digest(at(4, hour=7, minute=0))
    tasks.morning_digest(at(4, hour=7, minute=5))  # a second run the same morning
    digest = inbox(db, "bientap")
    assert len(digest) == 1 and digest[0].startswith("Bản tin sáng 04/04/2023: 1 chủ đề")
    body = db.session.scalar(select(Notification.body).where(Notification.kind == "digest"))
    assert "[mới]" in body and "Vĩnh Châu" in body and "đã đăng ký" in body
    url = db.session.scalar(select(Notification.url).where(Notification.kind == "digest"))
    assert url == "/registrations/board"  # where what waits can be acted on


def test_a_failing_reminder_is_retried_with_backoff(demo, db, monkeypatch):
    from editorial.notifications import sweep

    tasks.reminders(at(30, month=3))
    real = sweep._deliver

    def broken(*args):
        raise RuntimeError("hỏng tạm thời")

    monkeypatch.setattr(sweep, "_deliver", broken)
    assert "lỗi 2" in tasks.reminders(at(2))
    row = db.session.scalars(select(Reminder).where(Reminder.attempts == 1)).first()
    assert "hỏng tạm thời" in row.last_error
    assert row.next_attempt_at.astimezone(VN) == at(2, minute=35)
    monkeypatch.setattr(sweep, "_deliver", real)
    assert "gửi 0" in tasks.reminders(at(2, minute=33))  # still backing off
    assert "gửi 2" in tasks.reminders(at(2, minute=36))


@pytest.mark.parametrize("job", ["reminders", "mail", "digest", "housekeeping"])
def test_each_job_runs_from_the_cli(demo, runner, job):
    result = runner.invoke(args=["scheduler", "run-job", job])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{job}: ")


def _id(db, login: str) -> int:
    return db.session.scalar(select(User.id).where(User.login == login))


def test_morning_digest_lists_pending_change_requests(demo, db):
    from editorial.auth.models import User
    from editorial.changes.models import ChangeRequest

    officer = db.session.scalar(select(User).where(User.login == "vinhchau"))
    radio = april_slots(db)[0]
    db.session.add(ChangeRequest(slot_id=radio.id, kind="cancel", state="pending",
                                 requester_id=officer.id, unit_id=officer.unit_id, reason="Bận"))
    db.session.commit()
    tasks.morning_digest(at(4, hour=7, minute=0))
    digest = inbox(db, "bientap")
    assert len(digest) == 1 and "1 yêu cầu thay đổi chờ duyệt" in digest[0]
    body = db.session.scalar(select(Notification.body).where(Notification.kind == "digest"))
    assert "Yêu cầu thay đổi #" in body and "(Hủy)" in body


def test_four_sweeps_racing_send_each_reminder_once(demo, db, app):
    """Two schedulers (or a job run twice at once) sweep together: every reminder is claimed
    by one of them only. Real concurrency needs PostgreSQL; SQLite serialises the writers."""
    import threading

    from editorial.notifications import sweep
    from editorial.reminders import planner

    planner.plan_reminders(at(2))
    db.session.commit()
    expected = db.session.scalar(select(func.count()).select_from(Reminder).where(
        Reminder.due_at <= at(2)))
    assert expected >= 2
    barrier, errors = threading.Barrier(4, timeout=30), []

    def run() -> None:
        with app.app_context():
            try:
                barrier.wait()
                sweep.send_due(at(2))
            except Exception as error:  # surfaced below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not [e for e in errors if "locked" not in str(e)]  # SQLite may refuse a writer
    db.session.expire_all()
    titles = inbox(db, "vinhchau")
    assert len(titles) == len(set(titles)) == 2  # each reminder once, never twice


def test_six_concurrent_sweeps_all_succeed_and_send_once(demo, app, db):
    """Six processes planning and sending the same reminders at once (two schedulers and the
    CLI, say): every run succeeds, each reminder row exists once and is delivered once."""
    import threading

    barrier, outcomes = threading.Barrier(6, timeout=30), []

    def sweep():
        with app.app_context():
            barrier.wait()
            try:
                outcomes.append(tasks.reminders(at(2)))
            except Exception as error:  # noqa: BLE001 (the failure is what the test reports)
                outcomes.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=sweep) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    assert len(outcomes) == 6 and all(isinstance(o, str) for o in outcomes), outcomes
    db.session.expire_all()
    keys = db.session.execute(select(Reminder.kind, Reminder.subject, Reminder.recipient_id,
                                     Reminder.offset_days)).all()
    assert keys and len(keys) == len(set(keys))
    assert sum(int(o.split("gửi ")[1].split(",")[0]) for o in outcomes) == \
        db.session.scalar(select(func.count(Notification.id)))
    assert everyone(db)  # somebody was told, and each reminder at most once
    sent = db.session.scalar(select(func.count(Reminder.id)).where(Reminder.sent_at.is_not(None),
                                                                   Reminder.skipped.is_(False)))
    assert sent == db.session.scalar(select(func.count(Notification.id)))
