"""The iCal serializer: RFC 5545 output checked both parsed back and line by line."""

import ast
import random
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from editorial.calendar.event import CalendarEvent, EventKind
from editorial.feeds import ical
from editorial.feeds.ical import absolute_url, clean_text, event_uid, serialize

VN = timezone(timedelta(hours=7))
BASE = "https://lich.example.vn/mttq/"
STAMP = datetime(2023, 1, 5, 3, 4, 5, tzinfo=UTC)
LONG_TITLE = (
    "Phát sóng chuyên mục “Mặt trận với cuộc sống”: tuyên truyền Ngày hội Đại đoàn kết "
    "toàn dân tộc ở khu dân cư, kỷ niệm 93 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam"
)


def air(**changes) -> CalendarEvent:
    """An all-day air-date event, with any field changed."""
    fields = {
        "uid": "slot-2023-7-air",
        "kind": EventKind.AIR,
        "title": "Phát sóng: Mặt trận với cuộc sống",
        "start": date(2023, 2, 3),
        "description": "Kênh PT-TH tỉnh",
        "url": "/plans/2023/slots/7",
        "sequence": 2,
        "last_modified": STAMP,
    }
    return CalendarEvent(**(fields | changes))


def meeting(**changes) -> CalendarEvent:
    """A timed meeting in Viet Nam time, with any field changed."""
    fields = {
        "uid": "meeting-15",
        "kind": EventKind.MEETING,
        "title": "Họp giao ban biên tập",
        "start": datetime(2023, 2, 3, 8, 30, tzinfo=VN),
        "end": datetime(2023, 2, 3, 10, 0, tzinfo=VN),
        "last_modified": datetime(2023, 1, 20, 9, 0, tzinfo=UTC),
    }
    return CalendarEvent(**(fields | changes))


def render(events=(), **options) -> bytes:
    """Serialize with test defaults."""
    arguments = {"name": "Lịch biên tập", "base_url": BASE, "calendar_uid": "feed-7-me"}
    return serialize(list(events), **(arguments | options))


def unfold(raw: bytes) -> list[str]:
    """The logical content lines of an iCalendar stream."""
    return re.sub(rb"\r\n[ \t]", b"", raw).decode("utf-8").split("\r\n")[:-1]


def unescape(value: str) -> str:
    """RFC 5545 TEXT unescaping, in one left-to-right pass."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def lines_of(raw: bytes, name: str) -> list[str]:
    """The values of every logical line of a property, parameters included."""
    return [line for line in unfold(raw) if re.match(rf"{name}[;:]", line)]


def value_of(raw: bytes, name: str) -> str:
    """The raw value of the first (usually only) line of a property."""
    return lines_of(raw, name)[0].split(":", 1)[1]


def test_calendar_properties():
    raw = render(description="Lịch của tôi")
    lines = unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for expected in [
        "VERSION:2.0",
        f"PRODID:{ical.PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "UID:feed-7-me",
        "NAME;VALUE=TEXT:Lịch biên tập",
        "X-WR-CALNAME;VALUE=TEXT:Lịch biên tập",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
        "DESCRIPTION:Lịch của tôi",
        "X-WR-CALDESC;VALUE=TEXT:Lịch của tôi",
    ]:
        assert expected in lines


def test_refresh_interval_is_a_duration():
    raw = render(refresh=timedelta(minutes=30))
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT30M" in unfold(raw)
    assert "X-PUBLISHED-TTL:PT30M" in unfold(raw)


def test_calendar_name_and_description_are_escaped():
    raw = render(name="Tỉnh A, huyện B; xã C\\D", description="Dòng một\nDòng hai, ba")
    assert value_of(raw, "NAME") == "Tỉnh A\\, huyện B\\; xã C\\\\D"
    assert value_of(raw, "X-WR-CALNAME") == "Tỉnh A\\, huyện B\\; xã C\\\\D"
    assert value_of(raw, "X-WR-CALDESC") == "Dòng một\\nDòng hai\\, ba"
    # Without VALUE=TEXT icalendar 7.3 (and ical.js) would keep NAME and X-WR-* raw, "\\,".
    parsed = Calendar.from_ical(raw)
    assert str(parsed["NAME"]) == "Tỉnh A, huyện B; xã C\\D"
    assert str(parsed["X-WR-CALNAME"]) == "Tỉnh A, huyện B; xã C\\D"
    assert parsed.calendar_name == "Tỉnh A, huyện B; xã C\\D"
    assert str(parsed["X-WR-CALDESC"]) == "Dòng một\nDòng hai, ba"
    assert str(parsed["DESCRIPTION"]) == "Dòng một\nDòng hai, ba"


def test_calendar_name_with_a_comma_reads_back_without_a_backslash():
    name = "Ngày lễ, ngày kỷ niệm – MTTQ"
    raw = render(name=name)
    assert "X-WR-CALNAME;VALUE=TEXT:Ngày lễ\\, ngày kỷ niệm – MTTQ" in unfold(raw)
    parsed = Calendar.from_ical(raw)
    assert parsed.calendar_name == name and "\\" not in str(parsed["X-WR-CALNAME"])
    assert str(parsed["NAME"]) == name


def test_calendar_uid_is_the_one_given():
    assert value_of(render(), "UID") == "feed-7-me"
    assert render() == render()


def test_all_day_event_uses_dates_with_exclusive_end():
    lines = unfold(render([air()]))
    assert "DTSTART;VALUE=DATE:20230203" in lines
    assert "DTEND;VALUE=DATE:20230204" in lines
    assert "TRANSP:TRANSPARENT" in lines
    event = Calendar.from_ical(render([air()])).events[0]
    assert event.decoded("DTSTART") == date(2023, 2, 3)
    assert event.decoded("DTEND") == date(2023, 2, 4)


def test_multi_day_event_keeps_its_exclusive_end():
    raw = render([air(start=date(2023, 2, 3), end=date(2023, 2, 6))])
    assert "DTEND;VALUE=DATE:20230206" in unfold(raw)


def test_timed_event_is_written_in_viet_nam_time_with_its_zone():
    raw = render([meeting(start=datetime(2023, 2, 3, 7, 0, tzinfo=UTC), end=None)])
    lines = unfold(raw)
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20230203T140000" in lines
    assert "DTEND;TZID=Asia/Ho_Chi_Minh:20230203T150000" in lines
    assert not any(line.startswith("TRANSP:TRANSPARENT") for line in lines)
    parsed = Calendar.from_ical(raw)
    start = parsed.events[0].decoded("DTSTART")
    assert start == datetime(2023, 2, 3, 14, 0, tzinfo=VN) and start.hour == 14
    assert str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    zone = parsed.timezones[0]
    assert zone["TZID"] == "Asia/Ho_Chi_Minh" and "COMMENT" not in zone
    assert lines[lines.index("DTSTART:19750613T000000") + 3] == "TZOFFSETTO:+0700"


def test_all_day_and_timed_events_side_by_side():
    event_lines = unfold(render([air(), meeting()]))
    assert "DTSTART;VALUE=DATE:20230203" in event_lines
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20230203T083000" in event_lines


def test_event_properties():
    raw = render([air()])
    event = Calendar.from_ical(raw).events[0]
    assert str(event["UID"]) == "slot-2023-7-air@lich-mttq" == event_uid(air())
    assert event.decoded("DTSTAMP") == STAMP
    assert event.decoded("LAST-MODIFIED") == STAMP
    assert event["SEQUENCE"] == 2
    assert str(event["SUMMARY"]) == "Phát sóng: Mặt trận với cuộc sống"
    assert str(event["URL"]) == "https://lich.example.vn/mttq/plans/2023/slots/7"
    assert str(event["DESCRIPTION"]) == (
        "Kênh PT-TH tỉnh\n\nhttps://lich.example.vn/mttq/plans/2023/slots/7"
    )
    assert "CATEGORIES:air" in unfold(raw)  # no words given: the code
    assert "X-MTTQ-KIND:air" in unfold(raw)


def test_categories_are_the_words_given_and_the_code_stays_in_x_mttq_kind():
    words = {EventKind.AIR: "Phát sóng", EventKind.MEETING: "Cuộc họp"}
    raw = render([air(), meeting()], categories=words)
    parsed = Calendar.from_ical(raw)
    assert [[str(c) for c in e.categories] for e in parsed.events] == [["Phát sóng"],
                                                                       ["Cuộc họp"]]
    assert [str(e["X-MTTQ-KIND"]) for e in parsed.events] == ["air", "meeting"]


def test_dtstamp_is_last_modified_not_now():
    assert "DTSTAMP:20230105T030405Z" in unfold(render([air()]))
    assert "DTSTAMP:20230120T090000Z" in unfold(render([meeting()]))


def test_event_without_url_or_details():
    raw = render([meeting(description="", url="")])
    assert lines_of(raw, "DESCRIPTION") == []
    assert lines_of(raw, "URL") == ["URL:" + BASE]  # only the calendar's own link


def test_text_escaping_of_event_fields():
    title = "Tin, ảnh; thư mục C:\\Nam\\nội dung\nDòng 2"
    raw = render([air(title=title, description="a;b,c\\d")])
    summary = value_of(raw, "SUMMARY")
    assert summary == "Tin\\, ảnh\\; thư mục C:\\\\Nam\\\\nội dung\\nDòng 2"
    assert unescape(summary) == title
    assert unescape(value_of(raw, "DESCRIPTION")).startswith("a;b,c\\d\n\n")


def test_control_characters_and_decomposed_letters_are_cleaned():
    decomposed = "Vie\u0302\u0323t Nam\x0b\x00 \r\nmới"
    assert clean_text(decomposed) == "Việt Nam \nmới"
    assert value_of(render([air(title=decomposed)]), "SUMMARY") == "Việt Nam \\nmới"


def test_long_vietnamese_lines_fold_at_75_octets_on_character_boundaries():
    raw = render([air(title=LONG_TITLE, description=LONG_TITLE * 3)], name=LONG_TITLE)
    physical = raw.split(b"\r\n")[:-1]
    assert any(len(line) > 60 for line in physical)
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")  # each line alone is whole UTF-8: no split character
    assert unescape(value_of(raw, "SUMMARY")) == LONG_TITLE
    assert unescape(value_of(raw, "NAME")) == LONG_TITLE
    event = Calendar.from_ical(raw).events[0]
    assert str(event["SUMMARY"]) == LONG_TITLE
    assert str(event["DESCRIPTION"]).startswith(LONG_TITLE * 3)


@pytest.mark.parametrize("shift", range(4))
def test_folding_never_cuts_a_three_byte_letter(shift):
    title = "x" * shift + "ệ" * 80  # U+1EC7: three octets each, at every alignment
    raw = render([air(title=title)])
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    assert unescape(value_of(raw, "SUMMARY")) == title


def test_crlf_line_endings_only():
    raw = render([air(description="một\nhai\r\nba"), meeting()])
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")


def test_alarms():
    raw = render([air()], alarms=[timedelta(days=1), timedelta(hours=2)])
    lines = unfold(raw)
    assert lines.count("BEGIN:VALARM") == 2
    assert lines.count("ACTION:DISPLAY") == 2
    assert "TRIGGER:-P1D" in lines and "TRIGGER:-PT2H" in lines
    alarm = Calendar.from_ical(raw).events[0].subcomponents[0]
    assert str(alarm["DESCRIPTION"]) == air().title
    assert alarm.decoded("TRIGGER") == -timedelta(days=1)


def test_no_alarms_by_default():
    assert "BEGIN:VALARM" not in unfold(render([air(), meeting()]))


def test_output_is_deterministic_and_sorted():
    events = [
        meeting(),
        air(),
        air(uid="a-first", start=date(2023, 2, 3)),
        meeting(uid="m-early", start=datetime(2023, 1, 30, 23, 0, tzinfo=UTC), end=None),
        air(uid="later", start=date(2023, 3, 1)),
    ]
    first = render(events, alarms=[timedelta(days=1)])
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert render(shuffled, alarms=[timedelta(days=1)]) == first
    uids = [str(event["UID"]) for event in Calendar.from_ical(first).events]
    assert uids == [
        "m-early@lich-mttq",  # 2023-01-31 06:00 in Viet Nam
        "a-first@lich-mttq",  # 2023-02-03, all day: local midnight
        "slot-2023-7-air@lich-mttq",
        "meeting-15@lich-mttq",  # 2023-02-03 08:30
        "later@lich-mttq",
    ]


def test_changed_event_changes_the_bytes():
    assert render([air()]) != render([air(sequence=3, last_modified=STAMP + timedelta(1))])


def test_empty_feed_is_still_a_valid_calendar():
    parsed = Calendar.from_ical(render([]))
    assert parsed.events == []
    assert [zone["TZID"] for zone in parsed.timezones] == ["Asia/Ho_Chi_Minh"]


def test_absolute_url_keeps_the_base_path():
    assert absolute_url("https://x.vn/app/", "/plans/1") == "https://x.vn/app/plans/1"
    assert absolute_url("https://x.vn", "plans/1") == "https://x.vn/plans/1"
    assert absolute_url("https://x.vn", "https://other.vn/a") == "https://other.vn/a"
    assert absolute_url("https://x.vn", "") == ""


@pytest.mark.parametrize(
    "events, options",
    [
        ([air(), air(title="again")], {}),  # duplicate uid
        ([meeting(start=datetime(2023, 2, 3, 8, 30), end=None)], {}),  # naive time
        ([air(end=datetime(2023, 2, 4, tzinfo=UTC))], {}),  # all-day with timed end
        ([], {"alarms": [-timedelta(days=1)]}),
        ([], {"refresh": timedelta(0)}),
        ([], {"base_url": "/relative"}),
        ([], {"calendar_uid": " "}),
    ],
)
def test_bad_input_is_refused(events, options):
    with pytest.raises(ValueError):
        render(events, **options)


def test_serializer_imports_no_web_or_database_code():
    for module in ("ical.py", "tokens.py"):
        source = Path(ical.__file__).with_name(module).read_text(encoding="utf-8")
        imported = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
        assert not imported & {"flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug"}
