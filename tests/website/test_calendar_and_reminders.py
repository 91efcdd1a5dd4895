"""The website in the calendar and the reminders: an event's news due in the grid, the agenda
and the unit's feed; reminders of it; quota reminders only for units still short; the
monthly scoreboard snapshot, once."""

from datetime import datetime

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.auth.models import User
from editorial.clock import VN
from editorial.jobs import tasks
from editorial.notifications.models import Notification
from editorial.website.models import WebEvent, WebItem
from tests.feeds.parse import feed_events
from tests.website.conftest import decide, last_item, send


def at(day: int, month: int = 3, hour: int = 7, minute: int = 30) -> datetime:
    return datetime(2023, month, day, hour, minute, tzinfo=VN)


def inbox(db, login: str, kind: str) -> list[str]:
    user = db.session.scalar(select(User).where(User.login == login))
    return list(db.session.scalars(select(Notification.title).where(
        Notification.user_id == user.id, Notification.kind == kind).order_by(Notification.id)))


def _feed(client, app, db, login: str) -> dict:
    from editorial.feeds import services as feeds

    user = db.session.scalar(select(User).where(User.login == login))
    path = feeds.feed_url(user, "me").removeprefix(app.config["BASE_URL"])
    db.session.commit()
    return feed_events(client.get(path).data)


def test_an_events_news_is_due_in_the_grid_the_agenda_and_the_units_feed(demo, login_as,
                                                                          client, db, app):
    officer = login_as("kesach")
    officer.post("/website/events", {"title": "Hội nghị biểu dương", "event_date": "2023-03-17"})
    event = db.session.scalars(select(WebEvent)).one()
    uid = f"web-event-{event.id}-news"
    grid = client.get("/calendar/2023/3").get_data(as_text=True)
    monday = grid[grid.index('data-date="2023-03-20"'):]
    assert f'data-uid="{uid}"' in monday[:monday.index("</td>")]  # Friday's news: Monday
    assert "Hội nghị biểu dương" in client.get("/agenda?from=2023-03-20").get_data(as_text=True)
    assert _feed(client, app, db, "kesach")[uid].title.startswith("Hạn gửi tin sự kiện")
    assert uid not in _feed(client, app, db, "vinhchau")  # another unit's event
    send(officer, event_id=str(event.id))
    assert uid not in client.get("/calendar/2023/3").get_data(as_text=True)
    assert uid not in _feed(client, app, db, "kesach")


def test_the_unit_is_reminded_of_an_events_news(demo, login_as, db):
    login_as("kesach").post("/website/events", {"title": "Ngày hội Đại đoàn kết",
                                                "event_date": "2023-03-17"})
    tasks.reminders(at(20))  # due Monday 20/3: on the day
    titles = inbox(db, "kesach", "event_news")
    assert titles and titles[-1].startswith("Hôm nay – Hạn gửi tin sự kiện “Ngày hội Đại đoàn kết”")
    assert inbox(db, "vinhchau", "event_news") == []


def test_quota_reminders_skip_the_units_that_met_it(demo, login_as, db):
    officer = login_as("kesach")
    for kind, title in [("news", "Tin một"), ("news", "Tin hai"), ("article", "Bài một")]:
        send(officer, kind=kind, title=title)
    editor = login_as("bientap")
    for _ in range(3):
        db.session.expire_all()
        item = db.session.scalars(select(WebItem).where(WebItem.status == "submitted")).first()
        assert decide(editor, item, published_on="2023-03-15").status_code == 303
    tasks.reminders(at(28))  # 31/3/2023 is a Friday: 3 days before
    reminders = [t for t in inbox(db, "kesach", "quota") if t.startswith("Còn")]
    assert reminders == []  # Kế Sách met March's quota (its decisions are in the inbox)
    assert inbox(db, "vinhchau", "quota") == [
        "Còn 3 ngày – Hạn gửi tin, bài Trang Thông tin điện tử tháng 3/2023: ít nhất 2 tin, "
        "1 bài (31/03/2023)"]


def test_the_scoreboard_snapshot_is_kept_once_and_editors_told(demo, login_as, db):
    officer = login_as("kesach")
    send(officer, kind="news", title="Tin tháng ba")
    editor = login_as("bientap")
    decide(editor, last_item(db), published_on="2023-03-15")
    assert "3/2023: 0/11" in tasks.scoreboard_snapshot(at(1, month=4))
    assert "đã có" in tasks.scoreboard_snapshot(at(1, month=4, hour=9))
    entries = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "website.scoreboard")).all()
    assert len(entries) == 1 and "1 tin, 0 bài – chưa đạt" in entries[0].after
    told = inbox(db, "bientap", "website")
    assert told == ["Kết quả tin, bài tháng 3/2023: 0/11 đơn vị đạt chỉ tiêu"]


def test_the_homes_show_the_months_tally_and_what_waits(demo, login_as, client, db):
    officer = login_as("kesach")
    send(officer, kind="news", title="Tin một")
    send(officer, kind="news", title="Tin hai")
    editor = login_as("bientap")
    home = client.get("/").get_data(as_text=True)
    assert "2 chờ duyệt · 11 đơn vị chưa đạt chỉ tiêu tháng này" in home
    decide(editor, last_item(db), published_on="2023-03-15")
    login_as("kesach")
    home = client.get("/").get_data(as_text=True)
    assert "Tin: 1/2 · Bài: 0/1" in home and "đạt chỉ tiêu</span>" not in home


def test_an_event_announced_by_mistake_is_withdrawn(demo, login_as, client, db):
    officer = login_as("kesach")
    officer.post("/website/events", {"title": "Nhầm ngày", "event_date": "2023-03-17"})
    event_id = db.session.scalars(select(WebEvent.id)).one()
    assert login_as("vinhchau").post(f"/website/events/{event_id}/withdraw", {}).status_code == 403
    officer = login_as("kesach")
    assert "Rút sự kiện" in client.get("/website").get_data(as_text=True)
    assert officer.post(f"/website/events/{event_id}/withdraw", {}).status_code == 303
    db.session.expire_all()
    assert db.session.scalars(select(WebEvent)).all() == []
    assert f"web-event-{event_id}-news" not in client.get("/calendar/2023/3").get_data(
        as_text=True)
    assert db.session.scalar(select(AuditEntry.action).where(
        AuditEntry.action == "website.withdraw_event")) == "website.withdraw_event"
    assert officer.post("/website/events/999999/withdraw", {}).status_code == 404


def test_publication_days_and_units_are_checked(demo, login_as, client, db):
    officer = login_as("kesach")
    send(officer, title="Tin đúng")
    editor = login_as("bientap")
    item = last_item(db)
    for day in ("2023-03-16", "2023-03-01", "2010-01-01"):  # tomorrow; before it was sent
        response = decide(editor, item, published_on=day)
        assert response.status_code == 422, day
        assert "Ngày đăng phải từ ngày gửi" in response.get_data(as_text=True)
    province = db.session.scalar(select(User.unit_id).where(User.login == "quantri"))
    response = send(editor, unit_id=str(province))
    assert response.status_code == 422
    assert "đơn vị có chỉ tiêu tin, bài" in response.get_data(as_text=True)


def test_muting_quota_reminders_keeps_the_decisions(demo, login_as, db):
    from editorial.notifications import preferences
    from editorial.notifications.rules import Preferences

    user = db.session.scalar(select(User).where(User.login == "kesach"))
    preferences.save_preferences(user.id, Preferences(muted=frozenset({"quota"})))
    db.session.commit()
    send(login_as("kesach"), title="Tin bị trả")
    decide(login_as("bientap"), last_item(db), "reject", note="Ảnh chưa rõ nét")
    assert inbox(db, "kesach", "website") == ["Tin không được đăng: Tin bị trả"]


def test_a_quoted_event_title_is_not_quoted_twice_in_the_reminder(demo, login_as, db):
    login_as("kesach").post("/website/events", {"title": "“Ngày hội “Đại đoàn kết” ở ấp”",
                                                "event_date": "2023-03-17"})
    tasks.reminders(at(20))
    [title] = inbox(db, "kesach", "event_news")
    assert "Hạn gửi tin sự kiện “Ngày hội ‘Đại đoàn kết’ ở ấp” (17/03/2023)" in title
    assert "““" not in title and "””" not in title
