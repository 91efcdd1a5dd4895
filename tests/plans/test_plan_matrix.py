"""The plan matrix: units × months with each slot's state, in a bounded number of queries."""

from sqlalchemy import select

from editorial.plans import rules
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, SlotStatus
from editorial.units.models import Unit


def _line(html: str, label: str) -> str:
    start = html.index(f'<th scope="row">{label}</th>')
    return html[start:html.index("</tr>", start)]


def test_the_matrix_shows_each_units_months_and_states(demo, login_as, client):
    login_as("bientap")
    response = client.get("/plans/2023/matrix")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "@page" not in html  # the print rules: a stylesheet
    city = _line(html, "TP. Sóc Trăng")
    assert city.count("state-done") == 2  # January, both channels, done
    assert city.count("<td>") == 12 and "Đài PT-TH: Đã thực hiện" in city
    ke_sach = _line(html, "Kế Sách")
    assert ke_sach.count("state-planned") == 4  # March and December, two channels each
    assert client.get("/plans/1999/matrix").status_code == 404


def test_the_matrix_runs_the_same_queries_for_a_bigger_plan(demo, login_as, client, db,
                                                           queries):
    login_as("bientap")
    client.get("/plans/2023/matrix")  # warm the caches a first request fills
    with queries() as before:
        client.get("/plans/2023/matrix")
    plan = db.session.scalar(select(Plan).where(Plan.year == 2023))
    units = db.session.scalars(select(Unit).where(Unit.short_name != "")).all()
    weekly = PlanColumn(name="Đại đoàn kết toàn dân", channel=Channel.RADIO_TV,
                        cadence=Cadence.WEEKLY, position=5)
    weekly.slots.extend(Slot(period_start=start, period_end=end, topic=f"Tuần {n}",
                             assigned_unit=units[n % len(units)], status=SlotStatus.AGREED)
                        for n, (start, end) in enumerate(rules.weekly_periods(2023)))
    plan.columns.append(weekly)
    db.session.commit()
    with queries() as after:
        html = client.get("/plans/2023/matrix").get_data(as_text=True)
    assert len(after) == len(before) <= 5, after  # a handful, whatever the size
    assert "state-agreed" in html


def test_officers_do_not_see_the_matrix(demo, login_as, client):
    login_as("kesach")
    assert client.get("/plans/2023/matrix").status_code == 403
