"""The board, the homes, search, weekly slots and the month grid, over HTTP."""

import re
from datetime import date

from sqlalchemy import select

from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.plans import rules as plan_rules
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, SlotStatus
from editorial.units.models import Unit
from tests.factories import make_plan, make_unit, make_user
from tests.registrations.helpers import REGISTRATION, demo_slot, version_on_page


def _counts(html: str) -> dict[str, int]:
    return {s: int(n) for s, n in re.findall(r'data-state="(\w+)">(\d+)<', html)}


def _submit(auth, slot_id: int, **changes):
    data = dict(REGISTRATION, action="submit", **changes)
    data["version"] = version_on_page(auth.client, slot_id)
    return auth.post(f"/registrations/slots/{slot_id}/register", data)


def test_board_counts_states_and_filters(demo, login_as, client):
    _submit(login_as("kesach"), demo_slot(3).id, air_date="2023-03-26", record_date="")
    login_as("bientap")
    html = client.get("/registrations/board/2023/3").get_data(as_text=True)
    assert _counts(html) == {"all": 2, "unregistered": 0, "registered": 1, "negotiating": 0,
                             "agreed": 0, "overdue": 1, "done": 0}
    assert 'hx-trigger="every 60s, slotChanged from:body"' in html
    only = client.get("/registrations/board/2023/3?state=overdue", headers={"HX-Request": "true"})
    fragment = only.get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="board-live"')
    assert fragment.count('class="reg-card') == 1 and "Báo" in fragment
    paper = client.get("/registrations/board/2023/3?channel=newspaper").get_data(as_text=True)
    assert _counts(paper)["all"] == 1
    assert client.get("/registrations/board/2023/13").status_code == 404


def test_editor_home_shows_counters_overdue_units_and_what_waits(demo, login_as, client):
    _submit(login_as("kesach"), demo_slot(3).id, air_date="2023-03-26", record_date="")
    login_as("bientap")
    html = client.get("/").get_data(as_text=True)
    assert _counts(html)["registered"] == 1 and _counts(html)["overdue"] == 1
    assert "Đơn vị quá hạn đăng ký" in html and "Kế Sách" in html
    waiting = html[html.index("Đang chờ Ban PT-TG trả lời"):]
    assert REGISTRATION["title"] in waiting
    february = demo_slot(2)  # last month's slot never registered: still listed as owed
    february.status = SlotStatus.PLANNED
    db.session.commit()
    overdue = client.get("/").get_data(as_text=True).split('class="plain overdue"')[1]
    assert f"({2}/2023)" in overdue.split("</ul>")[0]


def test_officer_home_shows_what_the_unit_owes(demo, login_as, client):
    login_as("vinhchau")
    html = client.get("/").get_data(as_text=True)
    assert "Việc của đơn vị tháng 3/2023" in html
    assert "Tháng này đơn vị không phụ trách" in html  # Vĩnh Châu has April
    assert "Thứ Tư, 05/04/2023" in html  # April's deadline among the upcoming dates
    login_as("kesach")
    html = client.get("/").get_data(as_text=True)
    assert "Thứ Sáu, 03/03/2023" in html and "quá hạn 12 ngày" in html


def test_search_with_or_without_diacritics(demo, login_as, client):
    _submit(login_as("vinhchau"), demo_slot(4).id)
    for q in ("ke sach", "Kế Sách", "KE SACH"):
        assert "Ủy ban MTTQVN huyện Kế Sách" in client.get(f"/search?q={q}").get_data(
            as_text=True)
    html = client.get("/search?q=chol chnam").get_data(as_text=True)
    assert "đón tết Chôl-Chnăm-Thmây" in html or "Chôl Chnăm Thmây" in html
    people = client.get("/search?q=thach thi sa").get_data(as_text=True)
    assert "Thạch Thị Sa Rinh" in people  # staff of a registration
    assert "Nguyễn Thị Biên Tập" in client.get("/search?q=bien tap").get_data(as_text=True)
    assert "ít nhất 2 ký tự" in client.get("/search?q=k").get_data(as_text=True)
    assert "Không tìm thấy" in client.get("/search?q=--").get_data(as_text=True)
    assert "Không tìm thấy" in client.get("/search?q=100%25_").get_data(as_text=True)


def test_weekly_column_works_the_same_way(app, client, auth):
    province = make_unit("Ủy ban MTTQ tỉnh Thử", kind="province")
    unit = make_unit("Ủy ban MTTQ huyện Tuần")
    plan = make_plan(2023, province, [unit])
    column = PlanColumn(name="Đại đoàn kết toàn dân", channel=Channel.RADIO_TV,
                        cadence=Cadence.WEEKLY, position=5)
    for start, end in plan_rules.weekly_periods(2023)[12:16]:  # weeks from 27/3
        column.slots.append(Slot(period_start=start, period_end=end, topic="Tuần đại đoàn kết",
                                 assigned_unit=unit))
    plan.columns.append(column)
    make_user("tuan", Role.OFFICER, unit)
    db.session.commit()
    week = column.slots[1]  # Monday 3/4/2023: due the Friday before, 31/3
    auth.login("tuan")
    page = client.get(f"/registrations/slots/{week.id}").get_data(as_text=True)
    assert "Thứ Sáu, 31/03/2023" in page and "tuần 03/04/2023" in page
    grid = client.get("/calendar/2023/3").get_data(as_text=True)  # the week's deadline too
    friday = grid[grid.index('data-date="2023-03-31"'):grid.index('data-date="2023-04-01"')]
    assert f'data-uid="slot-{week.id}-deadline"' in friday
    assert _submit(auth, week.id, air_date="2023-04-06", record_date="").status_code == 303
    assert "Đã đăng ký" in client.get(f"/registrations/slots/{week.id}").get_data(as_text=True)


def test_deadlines_and_agreed_dates_appear_in_the_month_grid(demo, login_as, client):
    slot = demo_slot(4)
    login_as("vinhchau")
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    cell = grid[grid.index('data-date="2023-04-05"'):grid.index('data-date="2023-04-06"')]
    assert "Hạn đăng ký" in cell and "Vĩnh Châu" in cell
    auth = login_as("vinhchau")
    _submit(auth, slot.id)
    auth = login_as("bientap")
    auth.post(f"/registrations/slots/{slot.id}/agree",
              {"version": version_on_page(client, slot.id)})
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    aired = grid[grid.index('data-date="2023-04-14"'):grid.index('data-date="2023-04-15"')]
    recorded = grid[grid.index('data-date="2023-04-10"'):grid.index('data-date="2023-04-11"')]
    assert "Phát sóng" in aired and "Ghi hình" in recorded
    assert REGISTRATION["title"] in aired  # the title as it will really run, and the unit
    assert "Phát sóng: Chuyên mục PT-TH (Vĩnh Châu)" in aired

    paper = demo_slot(4, Channel.NEWSPAPER)  # the newspaper page: its print date
    auth = login_as("vinhchau")
    _submit(auth, paper.id, air_date="", record_date="", print_date="2023-04-19")
    auth = login_as("bientap")
    auth.post(f"/registrations/slots/{paper.id}/agree",
              {"version": version_on_page(client, paper.id)})
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    printed = grid[grid.index('data-date="2023-04-19"'):grid.index('data-date="2023-04-20"')]
    assert "Đăng báo" in printed and "Vĩnh Châu" in printed
    agenda = client.get("/agenda?from=2023-04-19").get_data(as_text=True)
    assert "Đăng báo" in agenda


def _board_queries(client, queries) -> int:
    with queries() as statements:
        assert client.get("/registrations/board/2024/5").status_code == 200
    return len(statements)


def test_board_query_count_does_not_grow_with_slots(app, client, auth, queries):
    province = make_unit("Ủy ban MTTQ tỉnh Thử", kind="province")
    make_plan(2024, province, [make_unit()])
    make_user("ed", Role.EDITOR, province)
    db.session.commit()
    auth.login("ed")
    small = _board_queries(client, queries)
    for _ in range(30):  # 30 more plans, each with May 2024 slots on two channels
        unit = make_unit()
        make_plan(2024, unit, [unit], channels=(Channel.RADIO_TV, Channel.NEWSPAPER))
    db.session.commit()
    html = client.get("/registrations/board/2024/5").get_data(as_text=True)
    assert _counts(html)["all"] == 61
    assert _board_queries(client, queries) == small <= 6
    with queries() as statements:
        assert client.get("/").status_code == 200
    assert len(statements) <= 10


def test_board_and_panel_in_english(demo, login_as, client):
    auth = login_as("bientap")
    auth.post("/language", {"lang": "en", "next": "/"})
    board = client.get("/registrations/board/2023/3").get_data(as_text=True)
    assert "Registration board 3/2023" in board and "Overdue" in board
    panel = client.get(f"/registrations/slots/{demo_slot(3).id}").get_data(as_text=True)
    assert "Thread" in panel and "12 days overdue" in panel and "Trao đổi" not in panel


def test_registered_titles_show_on_cards_and_the_waiting_list_names_the_channel(
        demo, login_as, client):
    radio = demo_slot(3)
    topic = radio.topic
    assert _submit(login_as("kesach"), radio.id, air_date="2023-03-26",
                   record_date="").status_code == 303
    login_as("bientap")
    board = client.get("/registrations/board/2023/3").get_data(as_text=True)
    [card] = re.findall(rf'id="card-{radio.id}">\s*<a class="card-title"[^>]*>([^<]+)</a>', board)
    assert card == REGISTRATION["title"] != topic
    waiting = client.get("/").get_data(as_text=True).split('class="plain waiting"')[1]
    [line] = re.findall(r"<li>(.*?)</li>", waiting.split("</ul>")[0], re.S)
    assert REGISTRATION["title"] in line and "Đài PT-TH" in line


def test_the_units_registrations_reach_a_year_ahead(demo, login_as, client, app):
    unit = db.session.scalar(select(Unit).where(Unit.name.contains("Vĩnh Châu")))
    today = app.config["TODAY"]
    later = db.session.scalars(select(Slot).where(
        Slot.assigned_unit_id == unit.id, Slot.period_start > date(today.year, today.month + 2, 28),
        Slot.period_start <= date(today.year + 1, today.month, 28))).all()
    assert later, "the demo gives Vĩnh Châu a month more than two months ahead"
    login_as("vinhchau")
    html = client.get("/registrations").get_data(as_text=True)
    for slot in later:
        assert f'href="/registrations/slots/{slot.id}"' in html
    home = client.get("/").get_data(as_text=True)  # the home keeps its short window
    assert f'href="/registrations/slots/{later[-1].id}"' not in home
