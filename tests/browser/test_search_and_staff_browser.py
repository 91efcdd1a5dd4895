"""In Chromium: live search while typing, and adding staff rows to a registration."""

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_live_search_without_diacritics(page):
    log_in(page, "bientap")
    page.fill("input[name=q]", "ke sach")
    popup = page.locator("#search-popup")
    expect(popup).to_contain_text("Ủy ban MTTQVN huyện Kế Sách")
    page.keyboard.press("Escape")
    expect(popup).to_be_empty()
    page.wait_for_timeout(700)  # longer than the typing delay: no late answer refills it
    expect(popup).to_be_empty()


def test_live_search_closes_when_the_query_gets_too_short(page):
    log_in(page, "bientap")
    box = page.locator("input[name=q]")
    box.fill("vinh")
    popup = page.locator("#search-popup")
    expect(popup).to_contain_text("Vĩnh Châu")
    box.fill("v")
    expect(popup).to_be_empty()
    page.wait_for_timeout(700)
    expect(popup).to_be_empty()


def test_adding_staff_rows(page, db):
    slot = db.session.scalar(select(Slot).join(Slot.column).where(
        PlanColumn.channel == Channel.RADIO_TV, Slot.period_start == date(2023, 4, 1)))
    log_in(page, "vinhchau")
    page.goto(f"/registrations/slots/{slot.id}")
    rows = page.locator(".staff-row")
    before = rows.count()
    page.click("[data-add-staff]")
    page.click("[data-add-staff]")
    expect(rows).to_have_count(before + 2)
    page.fill("input[name=title]", "Tên chính thức")
    page.fill("input[name=air_date]", "2023-04-14")
    names = page.locator("input[name=staff_name]")
    for i, name in enumerate(["Người Một", "Người Hai", "Người Ba", "Người Bốn"]):
        names.nth(i).fill(name)
    page.click("button[value=submit]")
    expect(page.locator(".thread")).to_contain_text("Tên chính thức")
    from editorial.registrations.models import Registration

    db.session.expire_all()
    staff = db.session.scalar(select(Registration).where(Registration.slot_id == slot.id)).staff
    assert [p["name"] for p in staff] == ["Người Một", "Người Hai", "Người Ba", "Người Bốn"]
