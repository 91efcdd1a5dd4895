"""Slogans from templates: the 2022 plan's list word for word, then the next years."""

import pytest

from editorial.calendar.slogans import SloganTemplate, load_slogans, slogans_for

# Seed 000, section II "Một số khẩu hiệu tuyên truyền" (2022), numbering removed.
SEED_2022 = [
    "Mừng đất nước đổi mới, mừng Đảng quang vinh, mừng xuân Nhâm Dần 2022!",
    "Nhiệt liệt chào mừng 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)!",
    "Nhiệt liệt chào mừng 47 năm Ngày Giải phóng miền Nam, thống nhất đất nước"
    " (30/4/1975 - 30/4/2022)!",
    "Nhiệt liệt chào mừng 68 năm Ngày Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/2022)!",
    "Nhiệt liệt chào mừng 132 năm Ngày sinh Chủ tịch Hồ Chí Minh vĩ đại (19/5/1890 - 19/5/2022)!",
    "Nhiệt liệt chào mừng 77 năm Ngày Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2022)"
    " và Ngày Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2022)!",
    "Toàn Đảng, toàn dân, toàn quân ra sức thi đua thực hiện thắng lợi nhiệm vụ phát triển"
    " kinh tế - xã hội năm 2022!",
    "Toàn Đảng, toàn dân, toàn quân phấn đấu sớm đưa Nghị quyết Đại hội đại biểu toàn quốc"
    " lần thứ XIII của Đảng thành hiện thực cuộc sống!",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh!",
    "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
    "Nước Cộng hòa xã hội chủ nghĩa Việt Nam muôn năm!",
    "Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp của chúng ta!",
    '"Đoàn kết, đoàn kết, đại đoàn kết. Thành công, thành công, đại thành công"!',
]


def test_2022_reproduces_the_seed_word_for_word() -> None:
    assert slogans_for(2022) == SEED_2022


def test_2023_gives_the_next_ordinals() -> None:
    found = slogans_for(2023)
    assert found[0] == "Mừng đất nước đổi mới, mừng Đảng quang vinh, mừng xuân Quý Mão 2023!"
    assert found[1] == (
        "Nhiệt liệt chào mừng 93 năm Ngày thành lập Đảng Cộng sản Việt Nam"
        " (03/02/1930 - 03/02/2023)!"
    )
    assert "48 năm Ngày Giải phóng miền Nam" in found[2] and "30/4/2023)!" in found[2]
    assert "69 năm" in found[3] and "133 năm" in found[4]
    assert "78 năm" in found[5] and "02/9/2023)!" in found[5]
    assert found[6].endswith("năm 2023!")
    assert len(found) == len(SEED_2022)


def test_the_fourteenth_congress_replaces_the_thirteenth_from_2026() -> None:
    assert any("lần thứ XIII" in s for s in slogans_for(2025))
    found = slogans_for(2026)
    assert any("lần thứ XIV của Đảng" in s for s in found)
    assert not any("lần thứ XIII" in s for s in found)
    assert "mừng xuân Bính Ngọ 2026!" in found[0]


def test_template_bounds_and_origin() -> None:
    t = SloganTemplate("x", "Chào mừng {ordinal} năm!", origin_year=2020, until_year=2030)
    assert not t.applies_to(2020) and t.applies_to(2021) and not t.applies_to(2031)
    assert t.render(2025) == "Chào mừng 5 năm!"
    assert slogans_for(2025, [t]) == ["Chào mừng 5 năm!"]


@pytest.mark.parametrize(
    "kwargs",
    [{"text": "Chào {province}!"}, {"text": "Chào mừng {ordinal} năm!"}],  # no origin_year
)
def test_bad_templates_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        SloganTemplate("bad", **kwargs)


def test_shipped_keys_are_unique() -> None:
    keys = [t.key for t in load_slogans()]
    assert len(keys) == len(set(keys))
