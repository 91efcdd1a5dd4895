"""In Chromium: log in, move to the next month without reloading, read the year plan."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, open_menu

pytestmark = pytest.mark.browser


def test_login_and_move_to_the_next_month_in_place(page):
    log_in(page, "bientap")
    page.click("nav.mainnav >> text=Lịch tháng")
    expect(page.locator("#month-title")).to_have_text("Tháng 3/2023")
    page.wait_for_function("window.htmx !== undefined")  # loaded before the click, under load
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
    open_menu(page)
    page.click("nav.mainnav >> text=Lịch tháng")
    page.wait_for_url("**/calendar")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert page.locator(".grid th .short").first.is_visible()
    context.close()


@pytest.mark.parametrize("path, title, content", [
    ("/observances/2023", "Ngày lễ, kỷ niệm năm 2023", "table"),
    ("/deadlines/2023/4", "Các hạn tháng 4/2023", "dl.facts"),
    ("/plans/2023", "2023", "table"),
])
def test_pages_print_cleanly(page, path, title, content):
    """Printed: no menu, filters or year links; the title and the content stay, on an A4 page."""
    log_in(page, "bientap")
    page.goto(path)
    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator(content).first).to_be_visible()
    for hidden in (".filters", ".years", ".copy-plan", ".no-print"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


@pytest.mark.parametrize("path", ["/", "/calendar/2023/4", "/agenda", "/plans/2023",
                                  "/deadlines/2023/4", "/observances/2023",
                                  "/registrations/board/2023/4", "/changes", "/notifications",
                                  "/feeds", "/audit"])
def test_pages_fit_a_phone_screen(browser, live_server, path):
    context = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        log_in(page, "bientap")
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    finally:
        context.close()
