"""The year's scoreboard: units × months of published tin/bài, months met, bounded SQL."""

from datetime import date

from editorial.auth.models import User
from editorial.website.models import WebItem
from editorial.website.rules import ItemKind, ItemStatus
from tests.factories import make_unit
from tests.website.conftest import unit_named


def _published(db, unit_id: int, kind: ItemKind, day: date, status=ItemStatus.PUBLISHED):
    author = db.session.query(User).filter_by(login="bientap").one()
    db.session.add(WebItem(unit_id=unit_id, author_id=author.id, kind=kind, title="Tin thử",
                           summary="…", status=status, published_on=day))


def _fill(db, unit_id: int, month: int) -> None:
    for kind in (ItemKind.NEWS, ItemKind.NEWS, ItemKind.ARTICLE):
        _published(db, unit_id, kind, date(2023, month, 10))


def test_the_scoreboard_counts_months_met(demo, login_as, client, db):
    kesach = unit_named(db, "Kế Sách").id
    _fill(db, kesach, 1)
    _fill(db, kesach, 2)
    _published(db, kesach, ItemKind.NEWS, date(2023, 3, 2))
    _published(db, kesach, ItemKind.ARTICLE, date(2023, 3, 3), ItemStatus.REJECTED)
    _published(db, kesach, ItemKind.NEWS, date(2022, 12, 31))
    db.session.commit()
    login_as("kesach")  # officers see it too: the emulation basis is public
    response = client.get("/website/scoreboard/2023")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    row = page[page.index(f'data-unit="{kesach}"'):]
    row = row[:row.index("</tr>")]
    assert row.count("2/1") == 2 and "1/0" in row and "<strong>2</strong>/12" in row
    assert client.get("/website/scoreboard/1999").status_code == 404


def test_the_scoreboard_is_open_to_viewers_and_editors(demo, login_as, client):
    for login in ("xem", "bientap", "quantri"):
        login_as(login)
        assert client.get("/website/scoreboard/2023").status_code == 200
        client.post("/logout")


def test_the_scoreboard_query_count_does_not_grow_with_units(demo, login_as, client, db,
                                                             queries):
    login_as("bientap")

    def count() -> int:
        with queries() as statements:
            assert client.get("/website/scoreboard/2023").status_code == 200
        return len(statements)

    with_eleven = count()
    for _ in range(29):
        unit = make_unit()
        for month in (1, 2, 3):
            _fill(db, unit.id, month)
    db.session.commit()
    assert count() == with_eleven


def test_the_month_page_query_count_does_not_grow_with_items(demo, login_as, client, db,
                                                             queries):
    login_as("bientap")

    def count() -> int:
        with queries() as statements:
            assert client.get("/website").status_code == 200
        return len(statements)

    before = count()
    for unit in (unit_named(db, "Kế Sách"), unit_named(db, "Vĩnh Châu")):
        for kind in (ItemKind.NEWS, ItemKind.ARTICLE):
            _published(db, unit.id, kind, None, ItemStatus.SUBMITTED)
    db.session.commit()
    assert count() == before


def test_the_scoreboard_downloads_as_an_excel_workbook(demo, login_as, client, db):
    from io import BytesIO

    from openpyxl import load_workbook

    kesach = unit_named(db, "Kế Sách").id
    _fill(db, kesach, 1)
    _published(db, kesach, ItemKind.NEWS, date(2023, 2, 5))
    db.session.commit()
    login_as("xem")
    assert 'href="/website/scoreboard/2023.xlsx"' in client.get(
        "/website/scoreboard/2023").get_data(as_text=True)
    response = client.get("/website/scoreboard/2023.xlsx")
    assert response.status_code == 200
    assert "tin-bai-2023.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.data)).active
    assert sheet["A1"].value == "Bảng tổng hợp tin, bài Trang Thông tin điện tử năm 2023"
    assert [c.value for c in sheet[3]][:4] == ["Đơn vị", "Tháng 1", None, "Tháng 2"]
    row = next(r for r in sheet.iter_rows(min_row=5) if r[0].value == "Kế Sách")
    assert [c.value for c in row[:5]] == ["Kế Sách", 2, 1, 1, 0] and row[27].value == 1
    assert row[1].fill.fgColor.rgb.endswith("E6F4EA")  # January met: shaded green
    assert row[3].fill.fgColor.rgb.endswith("FDECEA")  # February over and missed: red
    assert sheet.max_row == 4 + 11 + 1  # two header rows, every district unit, the totals
    assert client.get("/website/scoreboard/2200.xlsx").status_code == 404
