"""A year's suggestions, month by month: ordinals, lunar days, periods, local rows, campaigns."""

from datetime import date

from editorial.calendar.anniversaries import Anniversary, load_anniversaries
from editorial.calendar.khmer import khmer_new_year
from editorial.calendar.suggestions import Suggestion, suggestions_for_year


def _wordings(by_month: dict[int, list[Suggestion]], month: int) -> list[str]:
    return [s.wording for s in by_month[month]]


def _one(by_month: dict[int, list[Suggestion]], key: str) -> Suggestion:
    return next(s for month in by_month.values() for s in month if s.key == key)


def test_every_month_is_there() -> None:
    found = suggestions_for_year(2027)
    assert list(found) == list(range(1, 13))
    assert all(s.month == m for m, items in found.items() for s in items)


def test_2027_war_invalids_and_martyrs_day_leads_july() -> None:
    july = suggestions_for_year(2027)[7]
    first = july[0]
    assert first.wording == "Kỷ niệm 80 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2027)"
    assert (first.round, first.source, first.category, first.date) == (
        True, "anniversary", "national", date(2027, 7, 27))
    assert "80 năm Ngày Thương binh – Liệt sĩ" in first.wording


def test_2027_front_day_in_november() -> None:
    assert "Kỷ niệm 97 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2027)" \
        in _wordings(suggestions_for_year(2027), 11)


def test_round_first_decades_before_fives_then_by_day() -> None:
    may = suggestions_for_year(2026)[5]
    assert [(s.ordinal, s.round) for s in may] == [
        (140, True),  # Quốc tế Lao động 1/5/1886
        (85, True),  # Mặt trận Việt Minh 19/5/1941
        (72, False),  # Điện Biên Phủ 7/5
        (136, False),  # Bác Hồ 19/5
    ]


def test_lunar_rows_land_in_their_solar_month() -> None:
    found = suggestions_for_year(2027)
    tet = _one(found, "anniv-tet-nguyen-dan-2027")
    assert (tet.month, tet.date, tet.source) == (2, date(2027, 2, 6), "lunar")
    assert tet.wording == "Tết Nguyên đán Đinh Mùi năm 2027"
    hung = _one(found, "anniv-gio-to-hung-vuong-2027")
    assert (hung.month, hung.date) == (4, date(2027, 4, 16))
    assert _one(found, "anniv-tet-trung-thu-2027").month == 9
    assert _one(suggestions_for_year(2026), "anniv-tet-nguyen-dan-2026").month == 2


def test_the_month_for_the_poor_is_a_period_in_october() -> None:
    found = suggestions_for_year(2026)
    period = _one(found, "anniv-thang-cao-diem-vi-nguoi-ngheo-2026")
    assert (period.month, period.source, period.round) == (10, "period", False)
    assert period.wording == 'Tháng cao điểm "Vì người nghèo" (17/10 – 18/11/2026)'


def test_campaigns_only_in_their_year() -> None:
    march_2026 = suggestions_for_year(2026)[3]
    campaigns = [s for s in march_2026 if s.source == "campaign"]
    assert [s.wording for s in campaigns] == [
        "Ngày bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp "
        "nhiệm kỳ 2026 – 2031 (15/3/2026)"
    ]
    congress = _one(suggestions_for_year(2026), "anniv-dai-hoi-dang-xiv-2026")
    assert (congress.month, congress.date, congress.source) == (1, None, "campaign")
    later = suggestions_for_year(2027)
    assert not [s for items in later.values() for s in items if s.source == "campaign"]


def test_local_rows_and_the_khmer_new_year() -> None:
    tran_de = Anniversary("tai-lap-huyen-tran-de", "Ngày thành lập huyện Trần Đề", "national",
                          1, 1, year=2009)
    found = suggestions_for_year(2029, local=[tran_de], khmer_new_year=khmer_new_year(2029))
    local = found[1][0]
    assert local.wording == "Kỷ niệm 20 năm Ngày thành lập huyện Trần Đề (1/1/2009 – 1/1/2029)"
    assert (local.source, local.round) == ("local", True)
    khmer = _one(found, "khmer-new-year-2029")
    assert (khmer.month, khmer.source) == (4, "local")
    assert khmer.wording.startswith("Tết Chôl Chnăm Thmây năm 2029 (")
    reestablished = _one(found, "anniv-tai-lap-tinh-soc-trang-2029")
    assert (reestablished.source, reestablished.date) == ("local", None)  # month only


def test_a_given_table_replaces_the_shipped_one() -> None:
    only = [a for a in load_anniversaries() if a.key == "truyen-thong-mttq"]
    found = suggestions_for_year(2030, only, local=only)  # listed once, not twice
    assert [s.key for items in found.values() for s in items] == ["anniv-truyen-thong-mttq-2030"]
    assert found[11][0].round and found[11][0].ordinal == 100
