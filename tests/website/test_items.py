"""Tin, bài through the HTTP routes: send, publish or reject, the tally, permissions,
conflicts, bad input and the audit trail."""

from sqlalchemy import func, select

from editorial.audit.models import AuditEntry
from editorial.notifications.models import Notification
from editorial.website.models import WebItem
from tests.website.conftest import decide, last_item, send, unit_named


def _publish(login_as, client, db, kind="news", day="2023-03-15", login="kesach"):
    send(login_as(login), kind)
    client.post("/logout")
    editor = login_as("bientap")
    response = decide(editor, last_item(db), published_on=day)
    client.post("/logout")
    return response


def test_published_items_count_toward_the_month(demo, login_as, client, db):
    officer = login_as("kesach")
    assert send(officer).status_code == 303
    assert "Tin: 0/2 · Bài: 0/1" in client.get("/website").get_data(as_text=True)
    client.post("/logout")
    editor = login_as("bientap")
    page = client.get("/website").get_data(as_text=True)
    assert "Hội nghị điển hình tiên tiến" in page and "Duyệt đăng" in page
    assert decide(editor, last_item(db)).status_code == 303
    item = last_item(db)
    assert item.status == "published" and item.decided_by.login == "bientap"
    client.post("/logout")
    login_as("kesach")
    page = client.get("/website").get_data(as_text=True)
    assert "Tin: 1/2 · Bài: 0/1" in page and "Chưa đạt chỉ tiêu" in page
    told = db.session.scalars(select(Notification)).all()
    assert told and all("đã được đăng ngày 15/3/2023" in n.title for n in told)


def test_the_quota_is_met_with_two_news_and_an_article(demo, login_as, client, db):
    for kind in ("news", "news", "article"):
        _publish(login_as, client, db, kind)
    login_as("kesach")
    page = client.get("/website").get_data(as_text=True)
    assert "Tin: 2/2 · Bài: 1/1" in page and "Đạt chỉ tiêu" in page


def test_rejected_and_other_months_items_do_not_count(demo, login_as, client, db, app):
    from datetime import date

    from editorial.website.services import tally

    app.config["TODAY"] = date(2023, 4, 3)  # an item published in April
    _publish(login_as, client, db, day="2023-04-03")
    app.config["TODAY"] = date(2023, 3, 15)
    send(login_as("kesach"), "article")
    client.post("/logout")
    editor = login_as("bientap")
    assert decide(editor, last_item(db), "reject", note="Ảnh chưa rõ nét").status_code == 303
    assert last_item(db).status == "rejected"
    kesach = unit_named(db, "Kế Sách").id
    assert tally(2023, 3)[kesach].news == 0 and tally(2023, 3)[kesach].articles == 0
    assert tally(2023, 4)[kesach].news == 1
    assert len(tally(2023, 3)) == 11


def test_a_reject_needs_a_reason_and_bad_input_saves_nothing(demo, login_as, client, db):
    officer = login_as("kesach")
    response = send(officer, title="  ")
    assert response.status_code == 422
    assert "Vui lòng nhập tiêu đề." in response.get_data(as_text=True)
    response = send(officer, link="ftp:/x")
    assert response.status_code == 422 and "http://" in response.get_data(as_text=True)
    assert send(officer, kind="video").status_code == 422
    assert db.session.scalar(select(func.count()).select_from(WebItem)) == 0
    send(officer)
    client.post("/logout")
    editor = login_as("bientap")
    response = decide(editor, last_item(db), "reject", note="")
    assert response.status_code == 422
    assert "Vui lòng nêu lý do không đăng." in response.get_data(as_text=True)
    assert decide(editor, last_item(db), published_on="2023-02-30").status_code == 422
    assert last_item(db).status == "submitted"


def test_another_unit_viewer_and_officer_decisions_are_forbidden(demo, login_as, client, db):
    vinhchau = unit_named(db, "Vĩnh Châu").id
    officer = login_as("kesach")
    assert send(officer, unit_id=str(vinhchau)).status_code == 403
    send(officer)
    assert decide(officer, last_item(db)).status_code == 403
    client.post("/logout")
    other = login_as("vinhchau")
    assert decide(other, last_item(db)).status_code == 403
    client.post("/logout")
    viewer = login_as("xem")
    assert client.get("/website").status_code == 200
    assert send(viewer).status_code == 403
    assert viewer.post("/website/events", {"title": "Hội nghị",
                                           "event_date": "2023-03-17"}).status_code == 403
    assert decide(viewer, last_item(db)).status_code == 403
    assert last_item(db).status == "submitted"
    assert db.session.scalar(select(func.count()).select_from(WebItem)) == 1


def test_an_editor_sends_for_a_unit(demo, login_as, db):
    editor = login_as("bientap")
    assert send(editor).status_code == 422  # no unit chosen
    kesach = unit_named(db, "Kế Sách").id
    assert send(editor, "article", unit_id=str(kesach)).status_code == 303
    assert last_item(db).unit_id == kesach


def test_a_stale_version_is_a_conflict(demo, login_as, client, db):
    send(login_as("kesach"))
    client.post("/logout")
    editor = login_as("bientap")
    item = last_item(db)
    stale = item.version
    assert decide(editor, item, "reject", note="Trùng tin").status_code == 303
    response = decide(editor, item, version=stale)
    assert response.status_code == 409
    assert "vừa được người khác xử lý" in response.get_data(as_text=True)
    assert last_item(db).status == "rejected"


def test_each_step_is_audited(demo, login_as, client, db):
    officer = login_as("kesach")
    officer.post("/website/events", {"title": "Hội nghị", "event_date": "2023-03-14"})
    send(officer)
    client.post("/logout")
    decide(login_as("bientap"), last_item(db))
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["website.event", "website.submit", "website.publish"]
    entry = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "website.publish")).one()
    assert entry.unit_id == unit_named(db, "Kế Sách").id
    assert '"status": "submitted"' in entry.before and '"published_on": "2023-03-15"' in entry.after
