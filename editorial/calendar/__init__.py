"""Dates and their rules, pure: working days, deadlines, the Vietnamese lunar calendar,
the Khmer New Year, anniversaries, slogans, a year's suggested topics and recurring report
deadlines.

Nothing here imports Flask, SQLAlchemy or the rest of `editorial`, and nothing reads the
clock: "today" is always a parameter. The app passes what admins stored (extra days off,
anniversary rows, rule overrides) as plain values.
"""

from editorial.calendar.anniversaries import (
    Anniversary,
    Occurrence,
    anniversaries_in,
    anniversary_from_mapping,
    load_anniversaries,
    occurrence,
)
from editorial.calendar.dates import VN_TZ, dm, dmy, local_date, my, weekday_name
from editorial.calendar.deadlines import (
    DEFAULT_RULE,
    DeadlineRule,
    DueDate,
    add_working_days,
    apply_rule,
    day_before,
    event_news_due,
    registration_deadline,
    slot_deadline,
)
from editorial.calendar.khmer import KhmerNewYear, khmer_new_year
from editorial.calendar.lunar import (
    LunarDate,
    can_chi,
    format_lunar,
    hung_kings_day,
    lantern_day,
    leap_month,
    lunar_to_solar,
    mid_autumn,
    month_length,
    solar_to_lunar,
    tet,
)
from editorial.calendar.reports import (
    WEBSITE_QUOTA,
    Quota,
    ReportDeadline,
    ReportRule,
    load_report_rules,
    quota_words,
    report_deadlines,
    rule_from_mapping,
)
from editorial.calendar.slogans import SloganTemplate, load_slogans, slogans_for
from editorial.calendar.suggestions import Suggestion, suggestions_for_year
from editorial.calendar.workdays import DayException, WorkCalendar, parse_exceptions

__all__ = [
    "DEFAULT_RULE",
    "VN_TZ",
    "WEBSITE_QUOTA",
    "Anniversary",
    "DayException",
    "DeadlineRule",
    "DueDate",
    "KhmerNewYear",
    "LunarDate",
    "Occurrence",
    "Quota",
    "ReportDeadline",
    "ReportRule",
    "SloganTemplate",
    "Suggestion",
    "WorkCalendar",
    "add_working_days",
    "anniversaries_in",
    "anniversary_from_mapping",
    "apply_rule",
    "can_chi",
    "day_before",
    "dm",
    "dmy",
    "event_news_due",
    "format_lunar",
    "hung_kings_day",
    "khmer_new_year",
    "lantern_day",
    "leap_month",
    "load_anniversaries",
    "load_report_rules",
    "load_slogans",
    "local_date",
    "lunar_to_solar",
    "mid_autumn",
    "month_length",
    "my",
    "occurrence",
    "parse_exceptions",
    "quota_words",
    "registration_deadline",
    "slot_deadline",
    "report_deadlines",
    "rule_from_mapping",
    "slogans_for",
    "solar_to_lunar",
    "suggestions_for_year",
    "tet",
    "weekday_name",
]
