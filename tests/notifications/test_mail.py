"""Mail through a real SMTP server: Vietnamese subject and body, UTF-8, the link; retries,
the outbox without a server, and the admin's resend."""

from datetime import datetime, timedelta

from sqlalchemy import select

from editorial.auth.models import User
from editorial.clock import VN
from editorial.jobs import tasks
from editorial.notifications import preferences
from editorial.notifications.models import MailMessage
from editorial.notifications.rules import MailStatus, Preferences
from tests.notifications.conftest import free_port

APRIL_2 = datetime(2023, 4, 2, 7, 30, tzinfo=VN)


def wants_mail(db, login: str, address: str) -> None:
    user = db.session.scalar(select(User).where(User.login == login))
    preferences.save_preferences(user.id, Preferences(email=address))
    db.session.commit()


def test_a_reminder_reaches_the_smtp_server_in_vietnamese(demo, db, smtp_server):
    wants_mail(db, "vinhchau", "vinhchau@mttq.test")
    tasks.reminders(APRIL_2)
    assert "gửi 2 thư, lỗi 0" in tasks.send_mail(APRIL_2)
    assert "gửi 0 thư" in tasks.send_mail(APRIL_2 + timedelta(minutes=2))  # sent once

    assert len(smtp_server.envelopes) == 2
    assert smtp_server.envelopes[0].rcpt_tos == ["vinhchau@mttq.test"]
    raw = smtp_server.envelopes[0].original_content
    assert raw.isascii()  # every header and the body are MIME-encoded
    assert b"Subject: =?utf-8?" in raw and b"Content-Transfer-Encoding: base64" in raw
    message = smtp_server.messages[0]
    assert message["Subject"].startswith(
        "[Lịch biên tập MTTQ] Còn 3 ngày – Hạn đăng ký chủ đề tháng 4/2023")
    assert message["From"].addresses[0].display_name == "Lịch biên tập MTTQ"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert body.startswith("Kính gửi Cán bộ Vĩnh Châu,")
    assert "Chuyên mục PT-TH: MTTQ các cấp chăm lo cho đồng bào dân tộc Khmer" in body
    slot_link = next(line for line in body.splitlines() if line.startswith("Xem chi tiết: "))
    assert slot_link.startswith("Xem chi tiết: http://lich.test/slots/")
    assert "http://lich.test/notifications/preferences" in body
    statuses = db.session.scalars(select(MailMessage.status)).all()
    assert statuses == [MailStatus.SENT, MailStatus.SENT]


def test_without_smtp_mail_is_held_in_the_outbox(demo, db, login_as, client):
    wants_mail(db, "vinhchau", "vinhchau@mttq.test")
    tasks.reminders(APRIL_2)
    assert "gửi 0 thư" in tasks.send_mail(APRIL_2)
    assert {m.status for m in db.session.scalars(select(MailMessage))} == {MailStatus.HELD}
    login_as("quantri")
    html = client.get("/admin/scheduler/").get_data(as_text=True)
    assert "vinhchau@mttq.test" in html and "Còn 3 ngày" in html
    assert "Kính gửi Cán bộ Vĩnh Châu," in html
    assert "Giữ trong hộp thư đi: 2" in html
    assert "Gửi lại" not in html  # nothing to resend to without a server


def test_failed_mail_backs_off_gives_up_and_an_admin_resends_it(demo, db, app, smtp_server,
                                                               login_as, client):
    wants_mail(db, "vinhchau", "vinhchau@mttq.test")
    tasks.reminders(APRIL_2)
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    now = APRIL_2
    for _attempt in range(5):
        assert "lỗi 2" in tasks.send_mail(now)
        assert "lỗi 0" in tasks.send_mail(now + timedelta(minutes=1))  # backing off
        now += timedelta(hours=7)
    failed = db.session.scalars(select(MailMessage)).all()
    assert {m.status for m in failed} == {MailStatus.FAILED}
    assert all(m.attempts == 5 and "ConnectionRefusedError" in m.last_error for m in failed)

    login_as("quantri")
    html = client.get("/admin/scheduler/").get_data(as_text=True)
    assert html.count("Gửi lại") == 2 and "ConnectionRefusedError" in html
    app.config["MAIL_PORT"] = working_port
    response = login_as("quantri").post(f"/admin/scheduler/mail/{failed[0].id}/resend")
    assert response.status_code == 303
    assert "Đã đưa thư số" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert "gửi 1 thư" in tasks.send_mail(now)
    assert len(smtp_server.envelopes) == 1
    again = login_as("quantri").post(f"/admin/scheduler/mail/{failed[0].id}/resend")
    assert again.status_code == 422
    assert "Chỉ gửi lại được thư bị lỗi" in again.get_data(as_text=True)


def test_only_admins_resend(demo, db, login_as):
    assert login_as("bientap").post("/admin/scheduler/mail/1/resend").status_code == 403
