"""Template filters and globals: Vietnamese dates, weekday names, labels."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask_babel import lazy_gettext as _l

from editorial.calendar.dates import format_day
from editorial.clock import VN, today
from editorial.units.settings import focal_name

WEEKDAYS = (_l("Thứ Hai"), _l("Thứ Ba"), _l("Thứ Tư"), _l("Thứ Năm"), _l("Thứ Sáu"),
            _l("Thứ Bảy"), _l("Chủ nhật"))
WEEKDAYS_SHORT = (_l("T2"), _l("T3"), _l("T4"), _l("T5"), _l("T6"), _l("T7"), _l("CN"))


def vndate(value: date | datetime | None, with_weekday: bool = False) -> str:
    """dd/mm/yyyy, optionally preceded by the weekday name."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(VN)
    text = value.strftime("%d/%m/%Y")
    return f"{WEEKDAYS[value.weekday()]}, {text}" if with_weekday else text


def vndatetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam's time."""
    return value.astimezone(VN).strftime("%d/%m/%Y %H:%M") if value else ""


def vntime(value: datetime | None) -> str:
    """HH:MM in Vietnam's time (a meeting's hour on its chip)."""
    return value.astimezone(VN).strftime("%H:%M") if value else ""


def register(app: Flask) -> None:
    """Install the filters and globals on the app's Jinja environment."""
    app.jinja_env.filters.update(vndate=vndate, vndatetime=vndatetime, vntime=vntime,
                                 dmy=format_day)
    app.jinja_env.globals.update(WEEKDAYS=WEEKDAYS, WEEKDAYS_SHORT=WEEKDAYS_SHORT,
                                 focal_name=focal_name)
    app.jinja_env.add_extension("jinja2.ext.loopcontrols")

    @app.context_processor
    def _globals() -> dict:
        return {"today": today()}
