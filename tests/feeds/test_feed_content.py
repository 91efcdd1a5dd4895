"""What the feeds hold, read by vobject and compared with the app's own month grid."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from editorial.calendar.grid import Month
from editorial.feeds.rules import feed_window
from editorial.plans.models import Slot
from editorial.plans.rules import SlotStatus
from editorial.units.models import Unit
from tests.conftest import TODAY
from tests.feeds.conftest import LONG
from tests.feeds.parse import feed_events, page_events, parse, strict_lines, unfold, vevents

WINDOW = feed_window(TODAY)


def grid_events(client, query: str = "") -> dict:
    """Every event the month pages of the feed window show (with the filter in query)."""
    seen = {}
    month = Month.of(WINDOW[0])
    while month.first <= WINDOW[1]:
        response = client.get(f"/calendar/{month.year}/{month.month}{query}")
        assert response.status_code == 200
        seen.update(page_events(response.get_data(as_text=True)))
        month = month.next()
    return {uid: e for uid, e in seen.items()
            if WINDOW[0] <= (e.start.date() if isinstance(e.start, datetime) else e.start)
            <= WINDOW[1]}


def unit_id(db, short: str) -> int:
    return db.session.scalar(select(Unit.id).where(Unit.short_name == short))


def slot_of(db, short: str, channel_position: int = 0) -> Slot:
    """The first slot (January on) assigned to a unit, in one column."""
    slots = db.session.scalars(select(Slot).join(Slot.assigned_unit)
                               .where(Unit.short_name == short).order_by(Slot.id)).all()
    return [s for s in slots if s.column.position == channel_position][0]


def set_dates(db, slot: Slot, **dates) -> None:
    for name, value in dates.items():
        setattr(slot, name, value)
    db.session.commit()


def test_officer_feed_is_exactly_the_grid_of_their_unit(db, client, login_as, feed_path,
                                                       observances):
    slot = slot_of(db, "Kế Sách")
    set_dates(db, slot, status=SlotStatus.AGREED, record_date=date(2023, 3, 8),
              air_date=date(2023, 3, 20))
    raw = client.get(feed_path("kesach")).data
    login_as("kesach")
    expected = grid_events(client, f"?unit={unit_id(db, 'Kế Sách')}")
    got = feed_events(raw)
    assert got == expected
    kinds = {e.kind for e in got.values()}
    assert {"air", "recording", "registration_deadline", "holiday", "anniversary", "meeting",
            "report_deadline"} <= kinds
    assert got[f"slot-{slot.id}-air"].title.startswith("Phát sóng: Chuyên mục PT-TH")
    assert got["meeting-2023-03-20"].all_day is False
    assert "anniversary-2022-02-03" not in got and "holiday-2024-09-02" not in got


@pytest.mark.parametrize("scope, query", [("province", ""), ("me", ""), ("unit", "?unit={id}")])
def test_editor_feeds_are_exactly_the_grid(db, client, login_as, feed_path, observances,
                                           scope, query):
    target = unit_id(db, "Mỹ Xuyên")
    set_dates(db, slot_of(db, "Mỹ Xuyên", 1), status=SlotStatus.AGREED,
              print_date=date(2023, 4, 12))
    scope = f"unit-{target}" if scope == "unit" else scope
    raw = client.get(feed_path("bientap", scope)).data
    login_as("bientap")
    assert feed_events(raw) == grid_events(client, query.format(id=target))
    assert len(feed_events(raw)) > 4


def test_public_feed_holds_only_the_grid_anniversaries_and_holidays(client, login_as, demo,
                                                                   observances):
    response = client.get("/feeds/public.ics")
    assert response.status_code == 200
    got = feed_events(response.data)
    login_as("bientap")
    expected = {uid: e for uid, e in grid_events(client).items()
                if e.kind in ("anniversary", "holiday")}
    assert got == expected and set(got) == {"holiday-2023-04-29", "anniversary-mttq-2023"}


def test_an_officer_never_sees_another_units_items(db, client, feed_path, observances):
    other = slot_of(db, "Mỹ Xuyên")
    set_dates(db, other, status=SlotStatus.AGREED, air_date=date(2023, 3, 22))
    mine = feed_events(client.get(feed_path("kesach")).data)
    assert not [uid for uid in mine if uid.startswith(f"slot-{other.id}-")]
    raw = client.get(feed_path("kesach")).data
    assert "Mỹ Xuyên".encode() not in unfold(raw)
    province = feed_events(client.get(feed_path("bientap", "province")).data)
    assert f"slot-{other.id}-air" in province  # the item exists: the officer just cannot see it


def test_changed_air_date_keeps_the_uid_and_raises_the_sequence(db, client, feed_path):
    slot = slot_of(db, "Kế Sách")
    set_dates(db, slot, status=SlotStatus.AGREED, air_date=date(2023, 3, 20))
    path = feed_path("kesach")
    first = client.get(path)
    before = vevents(first.data)[f"slot-{slot.id}-air"]
    set_dates(db, slot, air_date=date(2023, 3, 24))
    second = client.get(path)
    after = vevents(second.data)[f"slot-{slot.id}-air"]
    assert after.uid.value == before.uid.value == f"slot-{slot.id}-air@lich-mttq"
    assert before.dtstart.value == date(2023, 3, 20) and after.dtstart.value == date(2023, 3, 24)
    assert int(after.sequence.value) > int(before.sequence.value)
    assert after.last_modified.value >= before.last_modified.value
    assert second.headers["ETag"] != first.headers["ETag"]
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def test_cancelled_items_leave_the_feed(db, client, feed_path):
    slot = slot_of(db, "Kế Sách")
    set_dates(db, slot, status=SlotStatus.AGREED, air_date=date(2023, 3, 20))
    path = feed_path("kesach")
    assert f"slot-{slot.id}-air" in feed_events(client.get(path).data)
    set_dates(db, slot, status=SlotStatus.CANCELLED)
    assert not [u for u in feed_events(client.get(path).data) if u.startswith(f"slot-{slot.id}-")]


def test_vietnamese_text_survives_folding_byte_exact(client, feed_path, observances):
    raw = client.get(feed_path("kesach")).data
    lines = strict_lines(raw)
    assert any(len(line) >= 70 for line in lines)  # long lines were really folded
    escaped = LONG.replace(",", "\\,").replace(";", "\\;")
    assert f"SUMMARY:{escaped}\r\n".encode() in unfold(raw)
    anniversary = vevents(raw)["anniversary-mttq-2023"]
    assert anniversary.summary.value == LONG
    assert anniversary.description.value.startswith("Kỷ niệm 93 năm; khẩu hiệu: “Mặt trận")


def test_calendar_properties_and_empty_feed_parse(client, feed_path):
    calendar = parse(client.get(feed_path("kesach")).data)
    assert calendar.contents["x-wr-calname"][0].value == "Lịch MTTQ – Kế Sách"
    assert calendar.contents["x-published-ttl"][0].value == "PT1H"
    assert calendar.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    assert calendar.vtimezone.tzid.value == "Asia/Ho_Chi_Minh"
    public = vevents(client.get("/feeds/public.ics").data)
    assert public and not [uid for uid in public if uid.startswith("slot-")]
    assert {"tet", "anniv", "holiday"} & {uid.split("-")[0] for uid in public}


def test_choices_leave_groups_out_and_add_reminders(client, login_as, feed_path, observances):
    path = feed_path("kesach")
    auth = login_as("kesach")
    response = auth.post("/feeds/choices", {"show": ["production", "deadlines", "meetings"],
                                            "alarm": "day_before", "scope": "me"})
    assert response.status_code == 303
    events = vevents(client.get(path).data)
    assert "anniversary-mttq-2023" not in events and "holiday-2023-04-29" not in events
    assert "report-2023-05-14" in events
    alarm = events["report-2023-05-14"].valarm
    assert alarm.action.value == "DISPLAY"
    assert alarm.trigger.value.total_seconds() == -15 * 3600  # 09:00 the day before


def test_the_real_observances_reach_the_feed_exactly_as_the_grid_shows_them(client, login_as,
                                                                           feed_path):
    """No stand-ins: the holidays, anniversaries, meetings and report deadlines of the demo
    province, computed by the calendar rules, are the same in the feed and on the month pages."""
    raw = client.get(feed_path("bientap", "province")).data
    login_as("bientap")
    got = feed_events(raw)
    assert got == grid_events(client)
    titles = {e.start: e.title for e in got.values() if e.kind == "holiday"}
    assert "Giỗ Tổ Hùng Vương" in titles[date(2023, 4, 29)]  # 10/3 lunar of Quý Mão
    kinds = {e.kind for e in got.values()}
    assert {"holiday", "anniversary", "registration_deadline", "report_deadline",
            "quota_deadline"} <= kinds
    khmer = got["khmer-new-year-2023"]  # three days, DTEND exclusive, as on the page
    assert (khmer.start, khmer.end) == (date(2023, 4, 14), date(2023, 4, 17))
    period = [e for e in got.values() if "Vì người nghèo" in e.title and e.start.year == 2023]
    assert [(e.start, e.end) for e in period] == [(date(2023, 10, 17), date(2023, 11, 19))]
    officer = feed_events(client.get(feed_path("kesach")).data)
    quota = officer["report-tin-bai-trang-ttdt-2023-04"]
    assert quota.kind == "quota_deadline" and quota.start == date(2023, 4, 28)  # 30/4 a Sunday
    assert quota.title.startswith("Hạn cộng tác tin, bài Trang Thông tin điện tử: ít nhất 2 tin")


def test_an_admins_edit_of_a_report_rule_moves_the_event_and_raises_its_sequence(
        client, login_as, feed_path):
    uid = "report-bao-cao-thang-2023-04"
    before = vevents(client.get(feed_path("kesach")).data)[uid]
    assert before.dtstart.value == date(2023, 4, 24) and int(before.sequence.value) == 0
    admin = login_as("quantri")
    response = admin.post("/admin/calendar/report-rules/bao-cao-thang", {
        "day": "20", "wording": "trước ngày 20 hàng tháng", "active": "on"})
    assert response.status_code == 303
    after = vevents(client.get(feed_path("kesach")).data)[uid]
    assert after.dtstart.value == date(2023, 4, 19)  # the same event, moved
    assert int(after.sequence.value) > 0
    assert after.last_modified.value > before.last_modified.value


def test_a_viewer_reads_the_whole_province_in_the_feed_as_in_the_app(client, login_as, feed_path,
                                                                     observances):
    mine = feed_events(client.get(feed_path("xem")).data)
    province = feed_events(client.get(feed_path("bientap", "province")).data)
    assert mine == province and len(mine) > 10
    assert client.get(feed_path("xem", "province")).status_code == 200
    login_as("xem")
    assert mine == grid_events(client)
