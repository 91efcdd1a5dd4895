"""In Chromium: log in, move to the next month without reloading, read the year plan."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_login_and_move_to_the_next_month_in_place(page):
    log_in(page, "bientap")
    page.click("nav.mainnav >> text=Lịch tháng")
    expect(page.locator("#month-title")).to_have_text("Tháng 3/2023")
    page.evaluate("window.__notReloaded = true")
    page.click("a[rel=next]")
    page.wait_for_url("**/calendar/2023/4")
    expect(page.locator("#month-title")).to_have_text("Tháng 4/2023")
    assert page.evaluate("window.__notReloaded") is True  # swapped by htmx, not a reload
    page.go_back()
    expect(page.locator("#month-title")).to_have_text("Tháng 3/2023")


def test_year_plan_filter_swaps_the_table(page):
    log_in(page, "bientap")
    page.goto("/plans/2023")
    assert page.locator(".plan-table tbody tr").count() == 12
    page.select_option("select[name=unit]", label="Kế Sách")
    page.wait_for_url("**/plans/2023?*unit=*")
    expect(page.locator(".plan-table tbody tr")).to_have_count(2)  # months 3 and 12


def test_month_fits_a_phone_screen(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740})
    page = context.new_page()
    log_in(page, "kesach")
    page.click("nav.mainnav >> text=Lịch tháng")
    page.wait_for_url("**/calendar")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert page.locator(".grid th .short").first.is_visible()
    context.close()
