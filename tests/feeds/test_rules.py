"""Pure feed rules: the window, scopes, what a feed shows, reminders, HTTP validators."""

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from editorial.calendar.event import EventKind
from editorial.feeds import rules

NOW = datetime(2023, 3, 15, 5, 0, tzinfo=UTC)
MODIFIED = datetime(2023, 3, 10, 1, 2, 3, tzinfo=UTC)


@pytest.mark.parametrize("today, window", [
    (date(2023, 3, 15), (date(2022, 3, 1), date(2024, 6, 30))),
    (date(2023, 1, 1), (date(2022, 1, 1), date(2024, 4, 30))),
    (date(2023, 12, 31), (date(2022, 12, 1), date(2025, 3, 31))),
    (date(2023, 11, 30), (date(2022, 11, 1), date(2025, 2, 28))),
    (date(2022, 11, 3), (date(2021, 11, 1), date(2024, 2, 29))),  # a leap February
])
def test_window_is_12_months_back_and_15_ahead_in_whole_months(today, window):
    assert rules.feed_window(today) == window


def test_window_is_the_same_all_month():
    assert rules.feed_window(date(2023, 3, 1)) == rules.feed_window(date(2023, 3, 31))


def test_scopes():
    assert rules.scope_filter("me", reads_all=False, own_unit_id=7) == 7
    assert rules.scope_filter("me", reads_all=True, own_unit_id=2) is None
    assert rules.scope_filter("province", reads_all=True, own_unit_id=2) is None
    assert rules.scope_filter("unit-12", reads_all=True, own_unit_id=2) == 12
    for scope in ("province", "unit-7", "unit-12"):
        with pytest.raises(rules.ScopeRefused):
            rules.scope_filter(scope, reads_all=False, own_unit_id=7)
    for scope in ("unit-", "unit-01", "unit-x", "public", "all"):
        with pytest.raises(rules.ScopeRefused):
            rules.scope_filter(scope, reads_all=True, own_unit_id=2)


def test_hidden_groups_round_trip_and_unknown_names_drop():
    assert rules.parse_hidden("holidays,bogus,anniversaries") == {"holidays", "anniversaries"}
    assert rules.dump_hidden({"holidays", "anniversaries"}) == "anniversaries,holidays"
    assert rules.hidden_kinds({"anniversaries"}) == {EventKind.ANNIVERSARY}
    assert rules.parse_hidden("") == frozenset()


def test_every_kind_is_in_exactly_one_group():
    grouped = [kind for kinds in rules.GROUPS.values() for kind in kinds]
    assert sorted(grouped) == sorted(EventKind)


def test_alarms_ring_before_the_start():
    assert rules.alarm_offsets("none") == ()
    assert rules.alarm_offsets("day_before") == (timedelta(hours=15),)
    assert rules.alarm_offsets("unknown") == ()
    assert all(o > timedelta(0) for offsets in rules.ALARMS.values() for o in offsets)


def test_last_modified_is_the_latest_input_or_the_window_move():
    assert rules.last_modified(MODIFIED, None, window_moved=date(2023, 3, 1)) == MODIFIED
    moved = rules.last_modified(None, window_moved=date(2023, 4, 1))
    assert moved == datetime(2023, 3, 31, 17, 0, tzinfo=UTC)  # local midnight
    assert rules.last_modified(MODIFIED.replace(microsecond=5),
                               window_moved=date(2023, 1, 1)).microsecond == 0


def test_entity_tag_follows_the_bytes():
    assert rules.entity_tag(b"a") == rules.entity_tag(b"a") != rules.entity_tag(b"b")


@pytest.mark.parametrize("inm, ims, expected", [
    (["abc"], None, True),
    (["zzz", "abc"], None, True),
    (["*"], None, True),
    (["zzz"], MODIFIED, False),  # If-None-Match decides when it is sent
    (None, MODIFIED, True),
    (None, MODIFIED + timedelta(hours=1), True),
    (None, MODIFIED - timedelta(seconds=1), False),
    (None, NOW + timedelta(days=1), False),  # in the future: ignored
    (None, MODIFIED.replace(tzinfo=None), False),  # naive: not a valid HTTP date
    (None, None, False),
])
def test_not_modified(inm, ims, expected):
    assert rules.not_modified("abc", MODIFIED, inm, ims, NOW) is expected


def test_subscribe_links():
    url = "https://lich.vn/app/feeds/3/me/Tok-en_.ics"
    assert rules.webcal(url) == "webcal://lich.vn/app/feeds/3/me/Tok-en_.ics"
    links = rules.subscribe_links(url, "Lịch MTTQ – Kế Sách")
    assert parse_qs(urlsplit(links["google"]).query) == {"cid": [rules.webcal(url)]}
    outlook = parse_qs(urlsplit(links["outlook"]).query)
    assert outlook == {"url": [url], "name": ["Lịch MTTQ – Kế Sách"]}
    assert links["apple"] == rules.webcal(url)
