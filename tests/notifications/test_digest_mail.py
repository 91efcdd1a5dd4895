"""The digest through a real SMTP server: a few minutes of steps make one mail per user,
listing each with its link; mail off means no mail; a second sweep sends nothing more."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from editorial import clock
from editorial.jobs import tasks
from editorial.notifications import digest, preferences
from editorial.notifications.models import MailMessage, Notification
from editorial.notifications.rules import MailStatus, Preferences
from tests.notifications.negotiation import (
    agree,
    counter,
    message,
    notes_of,
    register,
    user_id,
)
from tests.registrations.helpers import demo_slot


def wants_mail(db, login: str, enabled: bool = True) -> None:
    preferences.save_preferences(user_id(login), Preferences(email=f"{login}@mttq.test",
                                                             email_enabled=enabled))
    db.session.commit()


def three_steps_for_the_officer(login_as) -> int:
    """Register; the editor counters and writes; the officer counters; the editor agrees:
    three steps the officer is told of (the counter, the message, the agreement)."""
    slot = demo_slot(4)
    register(login_as("vinhchau"), slot.id)
    editor = login_as("bientap")
    counter(editor, slot.id)
    message(editor, slot.id, "Anh chị xem giúp ngày ghi hình.")
    counter(login_as("vinhchau"), slot.id, body="Xin giữ ngày ghi hình 12/4.",
            record_date="2023-04-12")
    assert agree(login_as("bientap"), slot.id).status_code == 303
    return slot.id


def test_three_steps_within_minutes_make_one_digest_mail(demo, db, login_as, smtp_server):
    wants_mail(db, "vinhchau")
    slot_id = three_steps_for_the_officer(login_as)
    now = clock.now()
    assert "vào 0 thư" in tasks.send_mail(now + timedelta(minutes=1))  # still gathering
    assert smtp_server.envelopes == []

    summary = tasks.send_mail(now + timedelta(minutes=6))
    assert "gom 3 thông báo vào 1 thư; gửi 1 thư, lỗi 0" in summary
    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["vinhchau@mttq.test"]
    [mail] = smtp_server.messages
    assert mail["Subject"].startswith("[Lịch biên tập MTTQ] 3 cập nhật mới – Ban PT-TG đề xuất")
    body = mail.get_content()
    assert body.startswith("Kính gửi Cán bộ Vĩnh Châu,")
    assert "Có 3 cập nhật mới:" in body
    for line in ("1. Ban PT-TG đề xuất khác: ", "2. Ban PT-TG nhắn về: ",
                 "3. Ban PT-TG đồng ý – đã thống nhất: "):
        assert line in body
    assert "Anh chị xem giúp ngày ghi hình." in body
    assert body.count(f"Xem: http://lich.test/registrations/slots/{slot_id}") == 3
    assert "http://lich.test/notifications/preferences" in body
    assert all(n.mailed_at is not None and not n.mail_pending for n in notes_of("vinhchau"))

    assert "gom 0 thông báo vào 0 thư; gửi 0 thư" in tasks.send_mail(now + timedelta(minutes=9))
    assert len(smtp_server.envelopes) == 1  # the second sweep sends nothing more


def test_the_editor_gets_their_own_digest_and_nobody_mails_the_actor(demo, db, login_as,
                                                                    smtp_server):
    wants_mail(db, "vinhchau")
    wants_mail(db, "bientap")
    three_steps_for_the_officer(login_as)
    tasks.send_mail(clock.now() + timedelta(minutes=6))
    by_address = {e.rcpt_tos[0]: m for e, m in zip(smtp_server.envelopes, smtp_server.messages,
                                                 strict=True)}
    assert set(by_address) == {"vinhchau@mttq.test", "bientap@mttq.test"}
    editors = by_address["bientap@mttq.test"].get_content()
    assert "Có 2 cập nhật mới:" in editors  # the registration and the officer's counter
    assert "Vĩnh Châu đã gửi đăng ký" in editors and "Vĩnh Châu đề xuất khác" in editors
    assert "Ban PT-TG" not in editors.split("Có 2 cập nhật mới:")[1].split("Tất cả")[0]


def test_a_user_who_turned_mail_off_gets_none(demo, db, login_as, smtp_server):
    wants_mail(db, "vinhchau", enabled=False)
    three_steps_for_the_officer(login_as)
    assert len(notes_of("vinhchau")) == 3  # still told in the notification centre
    tasks.send_mail(clock.now() + timedelta(minutes=6))
    assert smtp_server.envelopes == []
    assert db.session.scalars(select(MailMessage)).all() == []


def test_turning_mail_off_before_the_digest_leaves_it_unsent(demo, db, login_as, smtp_server):
    wants_mail(db, "vinhchau")
    three_steps_for_the_officer(login_as)
    wants_mail(db, "vinhchau", enabled=False)
    result = digest.queue_digests(clock.now() + timedelta(minutes=6))
    assert (result.mails, result.dropped) == (0, 3)
    assert all(n.mailed_at is None and not n.mail_pending for n in notes_of("vinhchau"))
    wants_mail(db, "vinhchau")  # turned on again later: the old steps are not mailed then
    assert digest.queue_digests(clock.now() + timedelta(minutes=60)).mails == 0
    assert smtp_server.envelopes == []


def test_without_a_server_the_digest_is_held_in_the_outbox(demo, db, login_as):
    wants_mail(db, "vinhchau")
    three_steps_for_the_officer(login_as)
    tasks.send_mail(clock.now() + timedelta(minutes=6))
    [held] = db.session.scalars(select(MailMessage)).all()
    assert held.status == MailStatus.HELD and held.to_addr == "vinhchau@mttq.test"
    assert "Có 3 cập nhật mới:" in held.body


def test_reminders_are_not_mailed_again_by_the_digest(demo, db, smtp_server):
    from tests.notifications.test_mail import APRIL_2

    wants_mail(db, "vinhchau")
    tasks.reminders(APRIL_2)
    assert db.session.scalars(select(Notification.mail_pending)).all() == [False, False]
    assert "gom 0 thông báo vào 0 thư; gửi 2 thư" in tasks.send_mail(APRIL_2)


def test_two_sweeps_at_once_send_each_digest_once(demo, db, app, login_as):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (TEST_DATABASE_URL)")
    wants_mail(db, "vinhchau")
    wants_mail(db, "bientap")
    three_steps_for_the_officer(login_as)
    later, barrier, results = clock.now() + timedelta(minutes=6), threading.Barrier(4), []

    def sweep() -> None:
        with app.app_context():
            barrier.wait(timeout=30)
            results.append(digest.queue_digests(later).mails)

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(results) == 2
    db.session.expire_all()
    assert len(db.session.scalars(select(MailMessage)).all()) == 2
