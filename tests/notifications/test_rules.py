"""The pure reminder rules: days ahead, who gets what offset, catch-up, countdown, backoff."""

from datetime import UTC, date, datetime, timedelta

import pytest

from editorial.clock import VN
from editorial.notifications import rules
from editorial.notifications.rules import Deadline, Due, Kind, Preferences


def deadline(**overrides) -> Deadline:
    values = dict(kind=Kind.REGISTRATION, subject="slot:7", due=date(2023, 4, 5),
                  what="đăng ký chủ đề tháng 4/2023", detail="", url="/slots/7",
                  recipients=(1,), watchers=(9,))
    values.update(overrides)
    return Deadline(**values)


@pytest.mark.parametrize("text, days", [("3, 1", (3, 1)), ("1 3", (3, 1)), ("7", (7,)),
                                        ("2;2;5", (5, 2)), (" 30 ", (30,))])
def test_days_ahead_parse(text, days):
    assert rules.parse_days(text) == days


@pytest.mark.parametrize("text", ["", "0", "31", "-1", "ba", "1,2,3,4,5,6", "1.5"])
def test_days_ahead_refuses_nonsense(text):
    with pytest.raises(ValueError):
        rules.parse_days(text)


def test_officers_get_each_day_ahead_and_the_day_editors_the_day_after():
    planned = sorted(rules.plan([deadline()], {}, VN), key=lambda p: p.offset_days)
    assert [(p.recipient_id, p.kind, p.offset_days) for p in planned] == [
        (1, "registration", -3), (1, "registration", -1), (1, "registration", 0),
        (9, "overdue", 1)]
    three_before = planned[0]
    assert three_before.due_at == datetime(2023, 4, 2, 7, 30, tzinfo=VN)
    assert three_before.expires_at == datetime(2023, 4, 6, 0, 0, tzinfo=VN)
    assert planned[-1].due_at == datetime(2023, 4, 6, 7, 30, tzinfo=VN)
    assert planned[-1].title.startswith("Quá hạn đăng ký")


def test_preferences_choose_days_and_mute_kinds():
    prefs = {1: Preferences(days_before=(7,)), 9: Preferences(muted=frozenset({"overdue"}))}
    planned = list(rules.plan([deadline()], prefs, VN))
    assert sorted((p.recipient_id, p.offset_days) for p in planned) == [(1, -7), (1, 0)]
    muted = {1: Preferences(muted=frozenset({"registration"}))}
    assert [p.recipient_id for p in rules.plan([deadline()], muted, VN)] == [9]


def test_countdown_is_computed_when_sent():
    title = "Hạn đăng ký chủ đề tháng 4/2023"
    assert rules.headline(title, date(2023, 4, 5), date(2023, 4, 2), "registration") == (
        "Còn 3 ngày – Hạn đăng ký chủ đề tháng 4/2023 (05/04/2023)")
    assert rules.headline(title, date(2023, 4, 5), date(2023, 4, 5), "registration").startswith(
        "Hôm nay – ")
    assert rules.headline("Bản tin", date(2023, 4, 5), date(2023, 4, 5), "digest") == "Bản tin"


def test_catch_up_sends_only_the_latest_of_a_kind_for_a_person():
    t = datetime(2023, 4, 2, tzinfo=UTC)
    rows = [Due(1, ("registration", "slot:7", 1, -3), t),
            Due(2, ("registration", "slot:7", 1, -1), t + timedelta(days=2)),
            Due(3, ("registration", "slot:8", 1, -1), t + timedelta(days=2)),
            Due(4, ("overdue", "slot:7", 9, 1), t)]
    assert rules.catch_up(rows) == ([2, 3, 4], [1])


def test_backoff_doubles_up_to_six_hours():
    assert [rules.retry_delay(n) for n in (1, 2, 3)] == [
        timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]
    assert rules.retry_delay(20) == timedelta(hours=6)
    assert not rules.gives_up(rules.MAX_ATTEMPTS - 1) and rules.gives_up(rules.MAX_ATTEMPTS)


def test_a_digest_waits_for_its_oldest_step_then_names_how_many():
    first = datetime(2023, 4, 2, 1, 0, tzinfo=UTC)
    assert not rules.digest_ready(first, first + timedelta(minutes=4))
    assert rules.digest_ready(first, first + timedelta(minutes=5))
    assert rules.digest_ready(first, first + timedelta(minutes=1), timedelta(0))
    assert rules.digest_subject(["Ban PT-TG đề xuất khác"]) == "Ban PT-TG đề xuất khác"
    assert rules.digest_subject(["A", "B", "C"]) == "3 cập nhật mới – A"
