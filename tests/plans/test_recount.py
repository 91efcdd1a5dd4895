"""Recounting a plan's wording from 2023 to 2026: ordinals, date ranges, Tết, the plan's year."""

import pytest

from editorial.calendar.anniversaries import Anniversary, load_anniversaries
from editorial.demo.soc_trang import TOPICS
from editorial.plans.recount import Change, Recounted, recount

SEED_2023 = {month: text for month, text, _, _ in TOPICS}
TABLE = load_anniversaries()


def _recount(text: str, from_year: int = 2023, to_year: int = 2026) -> Recounted:
    return recount(text, from_year, to_year, TABLE)


def _rebuilt(result: Recounted) -> str:
    """The text again from `before` and the changes alone: nothing else may differ."""
    out, cursor = [], 0
    for old, new, _ in result.changes:
        at = result.before.index(old, cursor)
        out += [result.before[cursor:at], new]
        cursor = at + len(old)
    return "".join(out) + result.before[cursor:]


def test_month_1_tet() -> None:
    result = _recount(SEED_2023[1])
    assert result.before == SEED_2023[1]
    assert result.after == (
        "MTTQ các cấp tỉnh Sóc Trăng chăm lo cho người nghèo nhân dịp Tết Nguyên đán Bính Ngọ "
        "năm 2026."
    )
    assert result.changes == [
        ("Quý Mão", "Bính Ngọ", "tên năm âm lịch: Quý Mão (2023) → Bính Ngọ (2026)"),
        ("năm 2023", "năm 2026", "năm của kế hoạch"),
    ]
    assert result.flags == []


def test_month_4_khmer_new_year() -> None:
    result = _recount(SEED_2023[4])
    assert result.after == (
        "MTTQ các cấp chăm lo cho đồng bào dân tộc Khmer đón tết Chôl-Chnăm-Thmây năm 2026."
    )
    assert result.changes == [("năm 2023", "năm 2026", "năm của kế hoạch")]
    assert result.flags == []


def test_month_10_a_period() -> None:
    result = _recount(SEED_2023[10])
    assert result.after == (
        'Toàn dân hưởng ứng Tháng cao điểm "Vì người nghèo" (17/10 – 18/11/2026), xây dựng mô '
        "hình thoát nghèo bền vững."
    )
    assert result.changes == [
        ("17/10 – 18/11/2023", "17/10 – 18/11/2026", "khoảng ngày chuyển sang năm 2026"),
    ]
    assert result.flags == []


def test_month_11_the_fronts_day() -> None:
    result = _recount(SEED_2023[11])
    assert result.after == (
        "Chào mừng kỷ niệm 96 năm ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – "
        "18/11/2026) gắn với Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư."
    )
    assert result.changes == [
        ("93 năm", "96 năm",
         "số năm kỷ niệm ngày truyền thống Mặt trận Tổ quốc Việt Nam (năm gốc 1930)"),
        ("18/11/1930 – 18/11/2023", "18/11/1930 – 18/11/2026", "khoảng ngày chuyển sang năm 2026"),
    ]  # fmt: skip
    assert result.flags == []


def test_month_12_the_year_in_review() -> None:
    result = _recount(SEED_2023[12])
    assert result.after == "Một số kết quả nổi bật trong công tác Mặt trận năm 2026"
    assert result.changes == [("năm 2023", "năm 2026", "năm của kế hoạch")]
    assert result.flags == []


@pytest.mark.parametrize("month", range(1, 13))
def test_nothing_changes_that_is_not_listed(month: int) -> None:
    result = _recount(SEED_2023[month])
    assert _rebuilt(result) == result.after
    assert all(isinstance(c, Change) for c in result.changes)
    if month in (2, 3, 5, 6, 7, 8, 9):  # no year in them
        assert result.after == result.before and result.changes == [] == result.flags


def test_names_match_without_diacritics_and_any_dash() -> None:
    result = recount("Kỷ niệm 79 năm ngay thuong binh-liet si", 2026, 2027, TABLE)
    assert result.after == "Kỷ niệm 80 năm ngay thuong binh-liet si"
    result = recount("KỶ NIỆM 93 NĂM NGÀY TRUYỀN THỐNG MẶT TRẬN TỔ QUỐC VIỆT NAM", 2023, 2026,
                     TABLE)
    assert result.after == "KỶ NIỆM 96 NĂM NGÀY TRUYỀN THỐNG MẶT TRẬN TỔ QUỐC VIỆT NAM"


def test_a_founding_year_is_enough() -> None:
    text = "Chào mừng 93 năm thành lập Hội (18/11/1930-18/11/2023)"
    result = recount(text, 2023, 2026, TABLE)
    assert result.after == "Chào mừng 96 năm thành lập Hội (18/11/1930-18/11/2026)"
    assert [c.reason for c in result.changes] == [
        "số năm kỷ niệm (18/11/1930-18/11/2023) (năm gốc 1930)",
        "khoảng ngày chuyển sang năm 2026",
    ]


def test_the_party_day_and_a_bare_tet_year() -> None:
    text = ("Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2022) "
            "và mừng Xuân Nhâm Dần 2022")
    result = recount(text, 2022, 2027, TABLE)
    assert result.after == (
        "Kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2027) "
        "và mừng Xuân Đinh Mùi 2027"
    )
    assert result.flags == []


def test_what_it_cannot_recount_is_flagged_not_changed() -> None:
    text = ("Chào mừng kỷ niệm 10 năm thực hiện Cuộc vận động; 94 năm Ngày thành lập Đảng Cộng "
            "sản Việt Nam (3/2/1930 – 3/2/2024); Xuân 2023; hội nghị ngày 15/3/2023; "
            "nhiệm kỳ 2019 – 2024; Tết Chôl Chnăm Thmây (14/4 – 16/4/2023)")
    result = _recount(text)
    assert result.changes == [
        ("14/4 – 16/4/2023", "14/4 – 16/4/2026", "khoảng ngày chuyển sang năm 2026"),
    ]
    assert result.flags == [  # in the text's order
        "“10 năm…”: không nhận ra ngày kỷ niệm nào, chưa đếm lại số năm.",
        "“94 năm Ngày thành lập Đảng Cộng sản Việt Nam”: 94 năm không khớp với năm 2023 "
        "(năm gốc 1930), chưa đổi.",
        "“3/2/1930 – 3/2/2024”: năm 2024 không thuộc mẫu nào đã biết, chưa đổi, cần xem lại.",
        "“Xuân 2023”: năm 2023 không thuộc mẫu nào đã biết, chưa đổi, cần xem lại.",
        "“nghị ngày 15/3/2023”: năm 2023 không thuộc mẫu nào đã biết, chưa đổi, cần xem lại.",
        "“2019 – 2024”: năm 2024 không thuộc mẫu nào đã biết, chưa đổi, cần xem lại.",
        "“14/4 – 16/4/2023”: đã đổi năm, nhưng ngày cụ thể của năm 2026 có thể khác, "
        "cần kiểm tra lại.",
    ]


def test_a_date_is_not_an_ordinal_and_a_stray_year_name_is_flagged() -> None:
    result = _recount("Hội nghị tháng 5 năm 2023, đình làng xây năm Quý Mão")
    assert result.after == "Hội nghị tháng 5 năm 2026, đình làng xây năm Quý Mão"
    assert result.flags == ["“Quý Mão”: tên năm âm lịch ngoài ngữ cảnh Tết, chưa đổi."]


def test_a_province_table_and_the_same_year() -> None:
    own = [Anniversary("tai-lap-huyen", "Ngày tái lập huyện Trần Đề", "local", 7, 1, year=2009)]
    assert recount("Kỷ niệm 14 năm Ngày tái lập huyện Trần Đề", 2023, 2026, own).after == (
        "Kỷ niệm 17 năm Ngày tái lập huyện Trần Đề")
    same = recount(SEED_2023[11], 2023, 2023, TABLE)
    assert same.after == same.before and same.changes == [] == same.flags
