"""Clashes among plan rows: a unit twice in a month, an air date on a day off, one agency's
two columns on the same evening."""

from datetime import date

from editorial.calendar.workdays import WorkCalendar
from editorial.plans.clashes import Clash, PlanRow, clashes, days_off

RADIO, PAPER, TV = 1, 2, 3
AGENCY = "Báo và Phát thanh, Truyền hình Cần Thơ"


def _row(slot: int, column: int = RADIO, month: int = 3, unit: int | None = 7, **kw) -> PlanRow:
    names = {RADIO: "Chuyên mục Mặt trận (phát thanh)", PAPER: "Chuyên trang Mặt trận",
             TV: "Chuyên mục Mặt trận (truyền hình)"}
    return PlanRow(slot_id=slot, plan_id=kw.pop("plan", 1), column_id=column,
                   column_name=names[column], period_start=date(2026, month, 1),
                   topic=kw.pop("topic", "Giám sát và phản biện xã hội"), unit_id=unit,
                   unit_label="Ủy ban MTTQ phường Phú Lợi", **kw)


def test_the_seeds_shape_is_clean() -> None:
    # One unit a month, its radio–TV slot and newspaper slot carrying the same topic.
    rows = [_row(1, RADIO), _row(2, PAPER, topic="giám sát và phản biện xã hội "),
            _row(3, RADIO, month=4, unit=8), _row(4, PAPER, month=4, unit=8),
            _row(5, RADIO, month=12, unit=None, all_units=True),
            _row(6, PAPER, month=12, unit=None, all_units=True)]
    assert clashes(rows) == []


def test_a_unit_twice_in_one_month() -> None:
    rows = [_row(1, RADIO), _row(2, RADIO, topic="Chăm lo người nghèo"), _row(3, PAPER)]
    assert clashes(rows) == [Clash(
        "unit_twice", (1, 2, 3),
        "Ủy ban MTTQ phường Phú Lợi được giao 3 lượt trong tháng 3/2026 của cùng một kế hoạch.")]
    other_topic = [_row(1, RADIO), _row(2, PAPER, topic="Chăm lo người nghèo")]
    assert [c.kind for c in clashes(other_topic)] == ["unit_twice"]


def test_different_plans_or_months_do_not_clash() -> None:
    rows = [_row(1, RADIO), _row(2, RADIO, plan=2), _row(3, RADIO, month=4)]
    assert clashes(rows) == []


def test_an_air_date_on_a_day_off() -> None:
    rows = [_row(1, air_date=date(2026, 4, 30)),  # Giải phóng miền Nam
            _row(2, month=4, unit=8, air_date=date(2026, 4, 29)),
            _row(3, month=3, unit=9, air_date=date(2026, 3, 15))]  # a Sunday (election day)
    found = clashes(rows, WorkCalendar().is_working_day)
    assert found == [
        Clash("day_off", (1,), "Ngày phát sóng Thứ Năm, 30/4/2026 của "
              "“Chuyên mục Mặt trận (phát thanh)” là ngày nghỉ."),
        Clash("day_off", (3,), "Ngày phát sóng Chủ nhật, 15/3/2026 của "
              "“Chuyên mục Mặt trận (phát thanh)” là ngày nghỉ."),
    ]
    assert clashes(rows) == []  # no calendar given: air dates are not judged
    assert days_off(rows, lambda d: True) == []


def test_two_columns_of_one_agency_on_one_evening() -> None:
    evening = date(2026, 3, 12)
    rows = [_row(1, RADIO, outlet=AGENCY, air_date=evening),
            _row(2, TV, unit=8, outlet=AGENCY.upper(), air_date=evening),
            _row(3, PAPER, unit=9, outlet="Báo Nhân Dân", air_date=evening),
            _row(4, TV, month=4, unit=10, outlet=AGENCY, air_date=date(2026, 4, 9))]
    assert clashes(rows) == [Clash(
        "same_evening", (1, 2),
        f"{AGENCY}: Chuyên mục Mặt trận (phát thanh) và Chuyên mục Mặt trận (truyền hình) "
        "cùng phát ngày 12/3/2026.")]
