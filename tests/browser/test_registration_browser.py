"""In Chromium: an officer registers, the editor counters, the officer accepts, and the
editor's board counters follow each step without a page reload."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.registrations.helpers import demo_slot

pytestmark = pytest.mark.browser


def _count(page, state: str):
    return page.locator(f'#board-live [data-state="{state}"]')


def test_register_counter_accept_moves_the_board_counters_in_place(app, browser, live_server,
                                                                   page):
    app.config["BOARD_REFRESH_SECONDS"] = 1  # the board polls every minute; faster here
    slot_id = demo_slot(4).id  # April, Vĩnh Châu, radio–TV
    log_in(page, "bientap")
    page.goto("/registrations/board/2023/4")
    page.evaluate("window.__notReloaded = true")
    expect(_count(page, "registered")).to_have_text("0")

    officer_context = browser.new_context(base_url=live_server, locale="vi-VN")
    officer = officer_context.new_page()
    officer.set_default_timeout(10_000)
    log_in(officer, "vinhchau")
    officer.goto(f"/registrations/slots/{slot_id}")
    officer.fill("input[name=title]", "Đồng bào Khmer Vĩnh Châu vui đón Tết")
    officer.fill("input[name=staff_name] >> nth=0", "Thạch Thị Sa Rinh")
    officer.fill("input[name=air_date]", "2023-04-14")
    officer.click("button[value=submit]")
    expect(officer.locator(".reg-panel .state")).to_have_text("Đã đăng ký")

    expect(_count(page, "registered")).to_have_text("1")  # the board polled it in
    page.locator("#board-live .reg-card", has_text="Đài PT-TH").locator("a.card-title").click()
    panel = page.locator("#board-panel .reg-panel")
    expect(panel).to_contain_text("Đồng bào Khmer Vĩnh Châu vui đón Tết")
    panel.locator("summary", has_text="Đề xuất khác").click()
    panel.locator("details.counter input[name=air_date]").fill("2023-04-16")
    panel.locator("details.counter textarea[name=body]").fill("Phát vào Chủ nhật nhé.")
    panel.locator("details.counter button.primary").click()
    expect(panel.locator(".state")).to_have_text("Đang trao đổi")
    expect(_count(page, "negotiating")).to_have_text("1")  # announced by HX-Trigger
    expect(_count(page, "registered")).to_have_text("0")

    officer.reload()
    expect(officer.locator(".thread")).to_contain_text("Phát vào Chủ nhật nhé.")
    officer.click("text=Đồng ý, thống nhất")
    expect(officer.locator(".reg-panel .state")).to_have_text("Đã thống nhất")

    expect(_count(page, "agreed")).to_have_text("1")
    expect(_count(page, "negotiating")).to_have_text("0")
    assert page.evaluate("window.__notReloaded") is True  # all of it without a reload
    officer_context.close()


def test_an_officer_registers_from_the_units_list_without_leaving_it(page):
    log_in(page, "vinhchau")
    page.goto("/registrations")
    page.evaluate("window.__notReloaded = true")
    card = page.locator("#unit-cards .reg-card", has_text="Đài PT-TH").first
    card.locator("a.card-title").click()
    panel = page.locator("#unit-panel .reg-panel")
    panel.locator("input[name=title]").fill("Vĩnh Châu: Tết Chôl Chnăm Thmây an vui")
    panel.locator("input[name=air_date]").fill("2023-04-14")
    panel.locator("button[value=submit]").click()
    expect(panel.locator(".state")).to_have_text("Đã đăng ký")
    expect(page.locator("#unit-cards")).to_contain_text("Đã đăng ký")  # the list followed
    assert page.url.endswith("/registrations")
    assert page.evaluate("window.__notReloaded") is True
