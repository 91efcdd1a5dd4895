"""The audit log and every history speak the users' language: after a real registration,
counter-proposal, agreement, change request approval and plan edit over HTTP, the log, the
slot's history and the request's history show words and names, never the stored codes; the
English pages show English; the CSV keeps both; an officer reads their own unit's entries."""

import csv
import io
import re

import pytest
from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.changes.models import ChangeRequest
from editorial.plans.models import Plan, Slot
from tests.changes.conftest import unit_named
from tests.plans.editor_helpers import new_plan, plan_id_of
from tests.registrations.helpers import REGISTRATION, demo_slot, version_on_page

RAW = ("slot.change", "registration.", "change.", "plan.", "pending", "approved", "False",
       "True", "{'name'", "[{", " #", "air_date", "_id")
PLAN_TITLE = "Kế hoạch thông tin, tuyên truyền năm 2024"


def _text(html: str) -> str:
    """The page's words (tags, scripts and attributes left out)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _log_part(html: str, marker: str) -> str:
    """The words of the page from `marker` on (the log or history itself, not the menu)."""
    text = _text(html)
    assert marker in text
    return text[text.index(marker):]


@pytest.fixture
def story(demo, db, login_as, client):
    """Vĩnh Châu registers April's column, the editor counters, the unit agrees; the unit asks
    to move the air date and the editor approves; the editor creates and edits the 2024 plan."""
    slot = demo_slot(4)
    unit = login_as("vinhchau")
    data = dict(REGISTRATION, action="submit", version=version_on_page(client, slot.id))
    assert unit.post(f"/registrations/slots/{slot.id}/register", data).status_code == 303
    editor = login_as("bientap")
    assert editor.post(f"/registrations/slots/{slot.id}/counter", {
        "version": version_on_page(client, slot.id), "title": "Đồng bào Khmer đón Tết",
        "record_date": "2023-04-11", "air_date": "2023-04-16"}).status_code == 303
    unit = login_as("vinhchau")
    assert unit.post(f"/registrations/slots/{slot.id}/agree",
                     {"version": version_on_page(client, slot.id)}).status_code == 303
    assert unit.post(f"/slots/{slot.id}/changes", {
        "kind": "move_date", "field": "air_date", "new_date": "2023-04-18",
        "reason": "Đài đổi lịch phát"}).status_code == 303
    editor = login_as("bientap")
    change = db.session.scalars(select(ChangeRequest)).one()
    assert editor.post(f"/changes/{change.id}/approve",
                       {"version": change.version}).status_code == 200
    created = new_plan(editor, 2024, title=PLAN_TITLE)
    assert created.status_code == 303
    plan_id = plan_id_of(created)
    assert editor.post(f"/plans/{plan_id}/edit", {
        "title": PLAN_TITLE, "number": "12/KH-MTTQ", "signed_on": "20/12/2023",
        "signer": "Trần Văn Ký", "focal_unit": ""}).status_code in (200, 303)
    db.session.expire_all()
    return {"slot": db.session.get(Slot, slot.id), "change": change.id, "plan": plan_id}


def test_the_log_speaks_words_and_names(story, client, db):
    html = client.get("/audit").get_data(as_text=True)
    log = _log_part(html, "Thời điểm")
    for raw in RAW:
        assert raw not in log, raw
    for words in ("Đơn vị gửi đăng ký", "Đề xuất phương án khác", "Đồng ý, thống nhất nội dung",
                  "Gửi yêu cầu thay đổi lịch", "Duyệt yêu cầu thay đổi",
                  "Thay đổi lịch theo yêu cầu được duyệt", "Tạo kế hoạch năm",
                  "Sửa thông tin kế hoạch", "Trạng thái: Chờ duyệt", "Trạng thái: Đã duyệt",
                  "Trạng thái: Đã đăng ký", "Trạng thái: Đã thống nhất", "Trễ hạn: Không",
                  "Bên đề xuất: Ban PT-TG", "Ngày phát sóng: 18/04/2023",
                  "Người ký: Trần Văn Ký", f"{PLAN_TITLE} (năm 2024)",
                  "Theo yêu cầu: Dời ngày", "Vĩnh Châu"):
        assert words in log, words
    # The staff is a list of names (and roles), one item each.
    assert "<li>Thạch Thị Sa Rinh (Biên tập)</li><li>Lâm Văn Đức (Quay phim)</li>" in html
    # Targets are named and linked: the slot, the request, the plan's year.
    assert f'href="/slots/{story["slot"].id}"' in html
    assert f'href="/changes/{story["change"]}"' in html
    assert 'href="/plans/2024"' in html


def test_the_slot_and_request_histories_speak_words(story, client):
    slot, change = story["slot"], story["change"]
    for path in (f"/slots/{slot.id}/changes", f"/changes/{change}"):
        html = client.get(path).get_data(as_text=True)
        history = _log_part(html, "Lịch sử")
        for raw in RAW:
            assert raw not in history, (path, raw)
        for words in ("Đơn vị gửi đăng ký", "Đồng ý, thống nhất nội dung", "Duyệt yêu cầu thay đổi",
                      "Chờ duyệt", "Đã duyệt", "Thạch Thị Sa Rinh (Biên tập)",
                      "Ngày phát sóng: 16/04/2023 → 18/04/2023"):
            assert words in history, (path, words)


def test_english_pages_show_english_words(story, auth, client):
    auth.post("/language", {"lang": "en", "next": "/audit"})
    log = _log_part(client.get("/audit").get_data(as_text=True), "When")
    for words in ("Submitted the registration", "Approved a change request",
                  "Changed the schedule on an approved request", "Status: Awaiting approval",
                  "Status: Approved", "Late: No", "Air date: 18/04/2023", "Signer: Trần Văn Ký"):
        assert words in log, words
    for vietnamese in ("Đơn vị gửi đăng ký", "Trạng thái", "Chờ duyệt"):
        assert vietnamese not in log, vietnamese
    history = _log_part(client.get(f"/changes/{story['change']}").get_data(as_text=True),
                        "History")
    assert "Approved a change request" in history and "Awaiting approval" in history
    auth.post("/language", {"lang": "vi"})


def test_the_csv_keeps_the_words_and_the_codes(story, client):
    text = client.get("/audit.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    submitted = next(r for r in rows if r["mã hành động"] == "registration.submit")
    assert submitted["hành động"] == "Đơn vị gửi đăng ký"
    assert submitted["loại đối tượng"] == "slots" and submitted["mã đối tượng"].isdecimal()
    assert "Thạch Thị Sa Rinh (Biên tập)" in submitted["sau"]
    assert "Trễ hạn: Không" in submitted["sau"] and '"late": false' in submitted["sau (mã)"]
    approved = next(r for r in rows if r["mã hành động"] == "change.approve")
    assert approved["trước"] == "Trạng thái: Chờ duyệt" and '"pending"' in approved["trước (mã)"]
    assert approved["người thực hiện"] != approved["tên đăng nhập"] == "bientap"
    applied = next(r for r in rows if r["mã hành động"] == "slot.change")
    assert applied["ghi chú"].startswith("Theo yêu cầu: Dời ngày")
    assert re.fullmatch(r"Yêu cầu thay đổi #\d+", applied["ghi chú (mã)"])


def test_an_officer_reads_their_own_units_entries_only(story, db, login_as, client):
    ke_sach = unit_named(db, "Kế Sách")
    theirs = db.session.scalars(select(Slot).where(Slot.assigned_unit_id == ke_sach.id)).first()
    other = login_as("kesach")
    data = dict(REGISTRATION, action="draft", title="Kế Sách chung sức xây dựng nông thôn mới",
                version=version_on_page(client, theirs.id))
    assert other.post(f"/registrations/slots/{theirs.id}/register", data).status_code == 303
    own = _log_part(client.get("/audit").get_data(as_text=True), "Thời điểm")
    assert "Kế Sách chung sức" in own and "Lưu nháp đăng ký" in own
    for foreign in ("Đơn vị gửi đăng ký", "Duyệt yêu cầu thay đổi", PLAN_TITLE,
                    "Thạch Thị Sa Rinh"):
        assert foreign not in own, foreign
    csv_text = client.get("/audit.csv").get_data(as_text=True)
    assert "registration.save_draft" in csv_text and "registration.submit" not in csv_text
    history = _log_part(client.get(f"/slots/{story['slot'].id}/changes").get_data(
        as_text=True), "Lịch sử")
    assert "Đơn vị gửi đăng ký" not in history

    unit = login_as("vinhchau")
    assert 'href="/audit"' in unit.client.get("/").get_data(as_text=True)  # in the menu
    mine = _log_part(client.get("/audit").get_data(as_text=True), "Thời điểm")
    for words in ("Đơn vị gửi đăng ký", "Đồng ý, thống nhất nội dung", "Duyệt yêu cầu thay đổi",
                  "Thay đổi lịch theo yêu cầu được duyệt"):
        assert words in mine, words
    for foreign in ("Kế Sách chung sức", PLAN_TITLE, "Tạo kế hoạch năm"):
        assert foreign not in mine, foreign
    # Asking for another unit's entries by the filter finds nothing either.
    filtered = client.get(f"/audit?unit={ke_sach.id}").get_data(as_text=True)
    assert "Kế Sách chung sức" not in filtered
    assert "Kế Sách chung sức" not in client.get(f"/audit?slot={theirs.id}").get_data(
        as_text=True)


def test_the_log_runs_a_bounded_number_of_queries(story, db, login_as, client, queries):
    login_as("bientap")
    with queries() as few:
        assert client.get("/audit").status_code == 200
    from editorial.audit.services import record

    slots = db.session.scalars(select(Slot)).all()[:30]
    plan = db.session.get(Plan, story["plan"])
    for slot in slots:  # many entries naming many different slots, units and plans
        record(None, "slot.edit", slot, before={"assigned_unit_id": slot.assigned_unit_id},
               after={"assigned_unit_id": None, "slots": [s.id for s in slots[:3]]})
        record(None, "plan.update", plan, before={"focal_unit_id": None},
               after={"focal_unit_id": slot.assigned_unit_id})
    db.session.commit()
    assert db.session.query(AuditEntry).count() > 60
    with queries() as many:
        html = client.get("/audit").get_data(as_text=True)
    assert html.count("Sửa trực tiếp nội dung kế hoạch") >= 30
    assert len(many) <= len(few) + 1, (len(few), len(many))
