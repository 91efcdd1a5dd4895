"""A unit exists in a year when its validity dates reach into it (open dates: always)."""

from datetime import date

from editorial.units.models import Unit


def test_a_unit_exists_in_the_years_its_dates_reach():
    district = Unit(name="Ủy ban MTTQVN huyện Kế Sách", valid_to=date(2025, 6, 30))
    commune = Unit(name="Ủy ban MTTQ Việt Nam xã Kế Sách", valid_from=date(2025, 7, 1))
    assert district.exists_in(2023) and district.exists_in(2025) and not district.exists_in(2026)
    assert not commune.exists_in(2024) and commune.exists_in(2025) and commune.exists_in(2027)
    assert Unit(name="Văn phòng").exists_in(1990)
