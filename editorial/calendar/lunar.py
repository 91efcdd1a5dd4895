"""The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.

Months start on the day of the new moon as seen in Vietnam, so a few months differ
from the Chinese calendar (computed for UTC+8): Tết 1985 fell on 21/1 in Vietnam but
20/2 in China, Tết 2007 on 17/2 versus 18/2. This module computes the calendar from
the astronomical rules (mean new moons with the main periodic terms, the sun's
apparent longitude for the leap-month rule), following the method published by Hồ
Ngọc Đức for the Vietnamese calendar. It is valid for the years 1800-2199.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

TIME_ZONE = 7.0  # hours east of UTC: Asia/Ho_Chi_Minh
MIN_YEAR, MAX_YEAR = 1800, 2199

_SYNODIC_MONTH = 29.530588853
_K0_JD = 2415021.076998695  # the mean new moon of 1900-01-01, Julian day
_ORDINAL_TO_JD = 1721425  # date.toordinal() + this == Julian day number at noon
_RAD = math.pi / 180

CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


@dataclass(frozen=True, slots=True, order=True)
class LunarDate:
    """A day of the Vietnamese lunar calendar; `leap` marks the intercalary month."""

    year: int
    month: int
    day: int
    leap: bool = False

    def __str__(self) -> str:
        return format_lunar(self)


def _jd(d: date) -> int:
    return d.toordinal() + _ORDINAL_TO_JD


def _from_jd(jd: int) -> date:
    return date.fromordinal(jd - _ORDINAL_TO_JD)


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after 1900-01-01 (Meeus, chapter 49 terms)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _RAD)
    m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _RAD  # sun anomaly
    mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _RAD  # moon anomaly
    f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _RAD  # latitude arg
    c = (0.1734 - 0.000393 * t) * math.sin(m) + 0.0021 * math.sin(2 * m)
    c += -0.4068 * math.sin(mp) + 0.0161 * math.sin(2 * mp) - 0.0004 * math.sin(3 * mp)
    c += 0.0104 * math.sin(2 * f) - 0.0051 * math.sin(m + mp) - 0.0074 * math.sin(m - mp)
    c += 0.0004 * math.sin(2 * f + m) - 0.0004 * math.sin(2 * f - m)
    c += -0.0006 * math.sin(2 * f + mp) + 0.0010 * math.sin(2 * f - mp)
    c += 0.0005 * math.sin(2 * mp + m)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c - delta_t


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """Julian day number of the local (UTC+7) civil day holding the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_longitude(jd_ut: float) -> float:
    """The sun's apparent longitude in radians, 0 <= L < 2*pi, at a Julian day (UT)."""
    t = (jd_ut - 2451545.0) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _RAD
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
    dl += (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000290 * math.sin(3 * m)
    return ((l0 + dl) * _RAD) % (2 * math.pi)


def _sun_sector(jd: int) -> int:
    """Which 30-degree sector (0..11) the sun is in at the start of a local day."""
    return math.floor(_sun_longitude(jd - 0.5 - TIME_ZONE / 24) / math.pi * 6)


@lru_cache(maxsize=512)
def _month11_start(year: int) -> int:
    """Julian day of the start of lunar month 11 (the one holding the winter solstice)."""
    k = math.floor((_jd(date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k)
    if _sun_sector(start) >= 9:
        start = _new_moon_day(k - 1)
    return start


def _k_of(jd: int) -> int:
    return math.floor((jd - _K0_JD) / _SYNODIC_MONTH + 0.5)


@lru_cache(maxsize=512)
def _leap_offset(a11: int) -> int:
    """Months after month 11 to the first month holding no major solar term (the leap one)."""
    k = _k_of(a11)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")


def solar_to_lunar(d: date) -> LunarDate:
    """Convert a Gregorian date to the Vietnamese lunar date."""
    _check_year(d.year)
    jd = _jd(d)
    k = math.floor((jd - _K0_JD) / _SYNODIC_MONTH)
    # The true new moon strays up to ~14 hours from the mean one: walk to the right month.
    while _new_moon_day(k + 1) <= jd:
        k += 1
    while _new_moon_day(k) > jd:
        k -= 1
    month_start = _new_moon_day(k)
    a11 = _month11_start(d.year)
    if a11 >= month_start:
        lunar_year, b11, a11 = d.year, a11, _month11_start(d.year - 1)
    else:
        lunar_year, b11 = d.year + 1, _month11_start(d.year + 1)
    diff = (month_start - a11) // 29
    month, leap = diff + 11, False
    if b11 - a11 > 365:  # a year of 13 months
        leap_diff = _leap_offset(a11)
        if diff >= leap_diff:
            month = diff + 10
            leap = diff == leap_diff
    if month > 12:
        month -= 12
    if month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, month, jd - month_start + 1, leap)


def _month_start(year: int, month: int, leap: bool) -> int:
    """Julian day of the first day of a lunar month; ValueError if it does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month {month} outside 1-12")
    if month < 11:
        a11, b11 = _month11_start(year - 1), _month11_start(year)
    else:
        a11, b11 = _month11_start(year), _month11_start(year + 1)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_offset(a11)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or offset >= leap_off:
            offset += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return _new_moon_day(_k_of(a11) + offset)


def month_length(year: int, month: int, leap: bool = False) -> int:
    """Number of days (29 or 30) of a lunar month."""
    _check_year(year)
    start = _month_start(year, month, leap)
    return _new_moon_day(_k_of(start) + 1) - start


def leap_month(year: int) -> int | None:
    """The month number repeated as a leap month in a lunar year, or None."""
    _check_year(year)
    for month in range(1, 13):
        try:
            _month_start(year, month, True)
        except ValueError:
            continue
        return month
    return None


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """Convert a Vietnamese lunar date to the Gregorian date; ValueError if invalid."""
    _check_year(year)
    start = _month_start(year, month, leap)
    length = _new_moon_day(_k_of(start) + 1) - start
    if not 1 <= day <= length:
        raise ValueError(f"lunar month {month}/{year} has {length} days, not {day}")
    return _from_jd(start + day - 1)


def tet(year: int) -> date:
    """Tết Nguyên đán: the first day of the first lunar month of `year`."""
    return lunar_to_solar(year, 1, 1)


def lantern_day(year: int) -> date:
    """Rằm tháng Giêng: the 15th day of the first lunar month."""
    return lunar_to_solar(year, 1, 15)


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: the 10th day of the third lunar month."""
    return lunar_to_solar(year, 3, 10)


def mid_autumn(year: int) -> date:
    """Tết Trung thu: the 15th day of the eighth lunar month."""
    return lunar_to_solar(year, 8, 15)


def can_chi(year: int) -> str:
    """The sexagenary name of a lunar year, e.g. "Quý Mão" for 2023."""
    return f"{CAN[(year + 6) % 10]} {CHI[(year + 8) % 12]}"


def format_lunar(ld: LunarDate) -> str:
    """Vietnamese wording of a lunar date, e.g. "mùng 10 tháng 3 năm Quý Mão"."""
    day = f"mùng {ld.day}" if ld.day <= 10 else f"ngày {ld.day}"
    month = f"tháng {ld.month} nhuận" if ld.leap else f"tháng {ld.month}"
    return f"{day} {month} năm {can_chi(ld.year)}"


def lunar_days(start: date, end: date) -> list[tuple[date, LunarDate]]:
    """Every day from `start` to `end` inclusive with its lunar date (for month grids)."""
    days = (end - start).days + 1
    return [(start + timedelta(n), solar_to_lunar(start + timedelta(n))) for n in range(days)]
