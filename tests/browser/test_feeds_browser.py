"""In Chromium: the subscription page on a phone, its copy button, the editor's scope switch."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, open_menu

pytestmark = pytest.mark.browser


def test_officer_copies_the_feed_url_on_a_phone(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    log_in(page, "kesach")
    open_menu(page)
    page.click("text=Lịch điện thoại")
    expect(page.locator("h1")).to_have_text("Lịch trên điện thoại")
    url = page.locator("#feed-url").input_value()
    assert re.search(r"/feeds/\d+/me/[A-Za-z0-9_-]{43}\.ics$", url)
    expect(page.locator("svg.qr")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    button = page.locator("[data-copy=feed-url]")
    button.click()
    expect(button).to_have_text("Đã chép")
    assert page.evaluate("navigator.clipboard.readText()") == url
    feed = page.request.get(url.replace("http://lich.test", live_server))
    assert feed.ok and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    context.close()


def test_editor_switches_scope_in_place(page):
    log_in(page, "bientap")
    page.goto("/feeds")
    page.evaluate("window.__notReloaded = true")
    page.select_option("#feed-scope", label="– Kế Sách")  # a level below the province
    page.wait_for_url(re.compile(r".*/feeds\?scope=unit-\d+"))
    expect(page.locator("#feed-url")).to_have_value(re.compile(r"/unit-\d+/"))
    assert page.evaluate("window.__notReloaded") is True


def test_reset_asks_first_and_gives_a_new_url(page):
    log_in(page, "kesach")
    page.goto("/feeds")
    old = page.locator("#feed-url").input_value()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button.danger")
    expect(page.locator(".alert-ok")).to_contain_text("Đã đổi địa chỉ lịch")
    assert page.locator("#feed-url").input_value() != old
