"""The notification centre over HTTP: badge, list, mark as read, preferences."""

from datetime import datetime

from sqlalchemy import select

from editorial.auth.models import User
from editorial.clock import VN
from editorial.jobs import tasks
from editorial.notifications.models import Notification, Preference

APRIL_2 = datetime(2023, 4, 2, 7, 30, tzinfo=VN)
HTMX = {"HX-Request": "true"}


def test_badge_list_and_mark_as_read(demo, db, login_as, client):
    tasks.reminders(APRIL_2)
    auth = login_as("vinhchau")
    assert 'data-unread="2"' in client.get("/notifications/badge").get_data(as_text=True)
    page = client.get("/notifications/").get_data(as_text=True)
    assert page.count('class="notification unread"') == 2 and "Còn 3 ngày" in page
    first = db.session.scalars(select(Notification).order_by(Notification.id)).first()

    response = auth.post(f"/notifications/{first.id}/read", headers=HTMX)
    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "notifications-changed"
    assert 'class="notification"' in response.get_data(as_text=True)  # the item, now read
    assert 'data-unread="1"' in client.get("/notifications/badge").get_data(as_text=True)

    response = auth.post("/notifications/read-all")
    assert response.status_code == 303
    assert 'data-unread="0"' in client.get("/notifications/badge").get_data(as_text=True)


def test_nobody_reads_someone_elses_notifications(demo, db, login_as):
    tasks.reminders(APRIL_2)
    mine = db.session.scalars(select(Notification)).first()
    response = login_as("kesach").post(f"/notifications/{mine.id}/read")
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(Notification, mine.id).read_at is None


def test_the_navigation_polls_the_badge(demo, login_as, client):
    login_as("kesach")
    html = client.get("/").get_data(as_text=True)
    assert 'hx-get="/notifications/badge"' in html
    assert 'hx-trigger="load, every 60s, notifications-changed from:body"' in html


def test_badge_and_list_need_a_login(client, demo):
    assert client.get("/notifications/badge").status_code == 302


def test_preferences_are_saved_and_errors_redisplayed(demo, db, login_as, client):
    auth = login_as("vinhchau")
    page = client.get("/notifications/preferences").get_data(as_text=True)
    assert 'value="3, 1"' in page and "Hạn đăng ký chủ đề" in page
    bad = auth.post("/notifications/preferences",
                    {"days": "0, 45", "email": "không-phải-thư", "kinds": ["registration"]})
    assert bad.status_code == 422
    html = bad.get_data(as_text=True)
    assert "Nhập số ngày báo trước từ 1 đến 30" in html
    assert "Địa chỉ thư điện tử không hợp lệ." in html
    assert 'value="0, 45"' in html and 'value="không-phải-thư"' in html  # nothing typed is lost
    assert db.session.scalars(select(Preference)).all() == []

    good = auth.post("/notifications/preferences", {
        "days": "5, 2", "email": "vc@mttq.test", "email_enabled": "1", "kinds": ["registration"]})
    assert good.status_code == 200 and "Đã lưu lựa chọn nhắc việc." in good.get_data(as_text=True)
    user = db.session.scalar(select(User).where(User.login == "vinhchau"))
    saved = db.session.get(Preference, user.id)
    assert (saved.days_before, saved.email, saved.email_enabled) == ("5,2", "vc@mttq.test", True)
    assert set(saved.muted.split(",")) == {"overdue", "report", "quota", "event_news", "digest",
                                           "change", "website", "negotiation"}


def test_preferences_need_the_csrf_token(demo, login_as, client):
    login_as("vinhchau")
    response = client.post("/notifications/preferences", data={"days": "2"})
    assert response.status_code == 400


def test_opening_a_notification_marks_it_read_and_follows_its_link(demo, login_as, db, client):
    from editorial import clock
    from editorial.notifications.services import notify

    user = db.session.scalar(select(User).where(User.login == "kesach"))
    other = db.session.scalar(select(User).where(User.login == "vinhchau"))
    notify([user.id, other.id], "Tiêu đề", "Nội dung", "/changes/1", clock.now())
    db.session.commit()
    mine, theirs = db.session.scalars(select(Notification).order_by(Notification.user_id)).all()
    login_as("kesach")
    mine_id = mine.id if mine.user_id == user.id else theirs.id
    their_id = theirs.id if mine_id == mine.id else mine.id
    response = client.get(f"/notifications/{mine_id}/open")
    assert response.status_code == 303 and response.headers["Location"] == "/changes/1"
    assert client.get(f"/notifications/{their_id}/open").status_code == 404  # not yours
    db.session.expire_all()
    assert db.session.get(Notification, mine_id).read_at is not None
    assert db.session.get(Notification, their_id).read_at is None
