"""Anniversaries: occurrences in a year, ordinals, official wording, periods, lunar rows."""

from datetime import date

import pytest

from editorial.calendar.anniversaries import (
    Anniversary,
    anniversaries_in,
    anniversary_from_mapping,
    load_anniversaries,
    occurrence,
)


def _by_key(year: int) -> dict:
    return {o.anniversary.key: o for o in anniversaries_in(year)}


def test_the_fronts_own_day() -> None:
    found = _by_key(2023)["truyen-thong-mttq"]
    assert found.wording == (
        "Kỷ niệm 93 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2023)"
    )
    assert (found.date, found.ordinal, found.category) == (date(2023, 11, 18), 93, "front")
    assert found.key == "anniv-truyen-thong-mttq-2023"


def test_party_day_2022() -> None:
    assert _by_key(2022)["thanh-lap-dang"].wording == (
        "Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/2022)"
    )


# Seed 000, section I.1: the 2022 anniversaries with their dates as the seed writes them.
SEED_2022 = {
    "thanh-lap-dang": (92, "3/2/1930 - 3/2/2022"),
    "giai-phong-mien-nam": (47, "30/4/1975 - 30/4/2022"),
    "chien-thang-dien-bien-phu": (68, "7/5/1954 - 7/5/2022"),
    "sinh-nhat-bac-ho": (132, "19/5/1890 - 19/5/2022"),
    "bac-ho-ra-di-tim-duong-cuu-nuoc": (111, "5/6/1911 - 5/6/2022"),
    "cach-mang-thang-tam": (77, "19/8/1945 - 19/8/2022"),
    "quoc-khanh": (77, "2/9/1945 - 2/9/2022"),
    "truyen-thong-mttq": (92, "18/11/1930 - 18/11/2022"),
    "thanh-lap-mat-tran-viet-minh": (81, "19/5/1941-19/5/2022"),
    "tai-lap-tinh-soc-trang": (30, "4/1992 – 4/2022"),
}


@pytest.mark.parametrize(("key", "expected"), SEED_2022.items())
def test_seed_2022_ordinals_and_dates(key: str, expected: tuple[int, str]) -> None:
    ordinal, dates = expected
    found = _by_key(2022)[key]
    assert found.ordinal == ordinal
    origin, _, current = dates.replace(" – ", "-").replace(" - ", "-").partition("-")
    assert f"({origin} – {current})" in found.wording
    assert found.wording.startswith(f"Kỷ niệm {ordinal} năm ")


def test_month_only_rows() -> None:
    found = _by_key(2022)["tai-lap-tinh-soc-trang"]
    assert found.anniversary.month_only
    assert found.date == date(2022, 4, 1)
    assert found.wording == "Kỷ niệm 30 năm Ngày tái lập tỉnh Sóc Trăng (4/1992 – 4/2022)"
    assert found.is_round and found.is_decade


def test_a_period_has_start_and_end() -> None:
    found = _by_key(2023)["thang-cao-diem-vi-nguoi-ngheo"]
    assert (found.date, found.end) == (date(2023, 10, 17), date(2023, 11, 18))
    # Word for word as in the 2023 plan (seed 001, month 10).
    assert found.wording == 'Tháng cao điểm "Vì người nghèo" (17/10 – 18/11/2023)'
    assert found.ordinal is None and not found.is_round


def test_lunar_rows_are_converted() -> None:
    found = _by_key(2023)
    assert found["tet-nguyen-dan"].date == date(2023, 1, 22)
    assert found["tet-nguyen-dan"].wording == "Tết Nguyên đán Quý Mão năm 2023"
    assert found["gio-to-hung-vuong"].date == date(2023, 4, 29)
    assert found["gio-to-hung-vuong"].wording == (
        "Ngày Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, 29/4/2023)"
    )
    assert _by_key(2024)["gio-to-hung-vuong"].date == date(2024, 4, 18)


def test_a_late_lunar_month_falls_in_the_next_solar_year() -> None:
    tao_quan = Anniversary("ong-tao", "Ông Công, ông Táo", "local", 12, 23, calendar="lunar")
    found = anniversaries_in(2023, [tao_quan])
    assert [o.date for o in found] == [date(2023, 1, 14)]  # 23 tháng Chạp Nhâm Dần
    assert found[0].wording == "Ông Công, ông Táo (14/1/2023)"


def test_a_missing_thirtieth_falls_back_to_the_29th() -> None:
    eve = Anniversary("giao-thua", "Giao thừa", "national", 12, 30, calendar="lunar")
    assert occurrence(eve, 2024).date == date(2024, 2, 9)  # Chạp Quý Mão has 30 days
    assert occurrence(eve, 2025).date == date(2025, 1, 28)  # Chạp Giáp Thìn has 29


def test_round_anniversaries_2025() -> None:
    found = anniversaries_in(2025, round_only=True)
    keys = {o.anniversary.key: (o.ordinal, o.is_decade) for o in found}
    assert keys["giai-phong-mien-nam"] == (50, True)
    assert keys["quoc-khanh"] == (80, True)
    assert keys["thanh-lap-dang"] == (95, False)
    assert keys["truyen-thong-mttq"] == (95, False)
    assert all(o.ordinal is not None and o.ordinal % 5 == 0 for o in found)
    assert "chien-thang-dien-bien-phu" not in keys  # 71


def test_filter_by_category_and_sorting() -> None:
    found = anniversaries_in(2023, categories={"front"})
    assert [o.anniversary.key for o in found] == [
        "thanh-lap-doan-tncs-ho-chi-minh",
        "thanh-lap-mat-tran-viet-minh",
        "thanh-lap-cong-doan",
        "thanh-lap-hoi-nong-dan",
        "thang-cao-diem-vi-nguoi-ngheo",
        "thanh-lap-hoi-phu-nu",
        "truyen-thong-mttq",
        "thanh-lap-hoi-cuu-chien-binh",
    ]
    every = anniversaries_in(2023)
    assert [o.date for o in every] == sorted(o.date for o in every)
    assert len({o.key for o in every}) == len(every)


def test_nothing_before_the_first_anniversary() -> None:
    row = Anniversary("moi", "Ngày mới", "local", 6, 1, year=2024)
    assert occurrence(row, 2023) is None
    assert occurrence(row, 2024) is None
    assert occurrence(row, 2025).ordinal == 1


def test_app_rows_from_mappings() -> None:
    row = anniversary_from_mapping(
        {"key": "tai-lap-huyen", "name": "Ngày tái lập huyện Trần Đề", "category": "local",
         "year": 2009, "month": 7, "day": 1}
    )  # fmt: skip
    found = anniversaries_in(2024, [row])[0]
    assert found.wording == "Kỷ niệm 15 năm Ngày tái lập huyện Trần Đề (1/7/2009 – 1/7/2024)"
    assert found.is_round and not found.is_decade
    with pytest.raises(ValueError, match="unknown fields"):
        anniversary_from_mapping({"key": "x", "name": "x", "category": "x", "month": 1, "hue": 1})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"wording": "{name} {nonsense}"},
        {"end_month": 11},
        {"calendar": "julian"},
    ],
)
def test_bad_rows_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Anniversary("bad", "Bad", "local", 1, 1, **kwargs)


def test_shipped_table() -> None:
    table = load_anniversaries()
    keys = [a.key for a in table]
    assert len(keys) == len(set(keys))
    assert {a.category for a in table} <= {"national", "party", "front", "local", "international"}
    yearly = [a for a in table if not a.one_off]
    assert len(anniversaries_in(2023, table)) == len(yearly)  # every yearly row, once


def test_press_day_2027() -> None:
    found = _by_key(2027)["bao-chi-cach-mang"]
    assert found.wording == (
        "Kỷ niệm 102 năm Ngày Báo chí Cách mạng Việt Nam (21/6/1925 – 21/6/2027)"
    )
    assert (found.date, found.category, found.is_round) == (date(2027, 6, 21), "national", False)


# The member organizations' founding days, as the 2025 plans word them.
MEMBER_ORGANIZATIONS_2025 = {
    "thanh-lap-doan-tncs-ho-chi-minh": "Kỷ niệm 94 năm Ngày thành lập Đoàn Thanh niên Cộng sản "
    "Hồ Chí Minh (26/3/1931 – 26/3/2025)",
    "thanh-lap-cong-doan": "Kỷ niệm 96 năm Ngày thành lập Công đoàn Việt Nam "
    "(28/7/1929 – 28/7/2025)",
    "thanh-lap-hoi-nong-dan": "Kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam "
    "(14/10/1930 – 14/10/2025)",
    "thanh-lap-hoi-phu-nu": "Kỷ niệm 95 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam "
    "(20/10/1930 – 20/10/2025)",
    "thanh-lap-hoi-cuu-chien-binh": "Kỷ niệm 36 năm Ngày thành lập Hội Cựu chiến binh Việt Nam "
    "(6/12/1989 – 6/12/2025)",
}


@pytest.mark.parametrize(("key", "wording"), MEMBER_ORGANIZATIONS_2025.items())
def test_member_organizations_founding_days(key: str, wording: str) -> None:
    found = _by_key(2025)[key]
    assert found.wording == wording
    assert found.category == "front"


def test_war_invalids_and_martyrs_day_2027_is_a_decade() -> None:
    found = _by_key(2027)["thuong-binh-liet-si"]
    assert found.wording == "Kỷ niệm 80 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2027)"
    assert found.is_decade


def test_campaigns_of_2026_only() -> None:
    found = _by_key(2026)
    assert found["bau-cu-quoc-hoi-xvi-hdnd-2026-2031"].wording == (
        "Ngày bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp "
        "nhiệm kỳ 2026 – 2031 (15/3/2026)"
    )
    congress = found["dai-hoi-dang-xiv"]
    assert congress.anniversary.month_only and congress.anniversary.one_off
    assert congress.wording == "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng (1/2026)"
    for year in (2025, 2027, 2031):
        assert "bau-cu-quoc-hoi-xvi-hdnd-2026-2031" not in _by_key(year)
        assert "dai-hoi-dang-xiv" not in _by_key(year)


def test_a_one_off_row_from_a_mapping() -> None:
    row = anniversary_from_mapping(
        {"key": "dai-hoi-mttq-tinh", "name": "Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ XI",
         "category": "front", "month": 9, "day": 10, "only_year": 2029}
    )  # fmt: skip
    assert occurrence(row, 2028) is None
    assert occurrence(row, 2029).wording == (
        "Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ XI (10/9/2029)"
    )
    assert not Anniversary("x", "X", "local", 1, 1).one_off


def test_lunar_festivals_2026() -> None:
    found = _by_key(2026)
    assert found["ram-thang-gieng"].date == date(2026, 3, 3)
    assert found["tet-trung-thu"].wording == "Tết Trung thu (rằm tháng 8 âm lịch, 25/9/2026)"
