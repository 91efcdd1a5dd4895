"""In Chromium: an officer sends a tin, Ban Biên tập publishes it, the unit's tally moves."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_a_tin_sent_and_published_counts_towards_the_quota(browser, live_server, page):
    log_in(page, "kesach")
    page.goto("/website")
    expect(page.locator("body")).to_contain_text("Tin: 0/2 · Bài: 0/1")
    page.fill("input[name=title] >> nth=0", "Kế Sách trao nhà Đại đoàn kết")
    page.fill("textarea[name=summary]", "Sáng 14/3, Ủy ban MTTQ huyện trao 5 căn nhà.")
    page.click("text=Gửi Ban Biên tập")
    expect(page.locator("body")).to_contain_text("Kế Sách trao nhà Đại đoàn kết")

    editor_context = browser.new_context(base_url=live_server)
    try:
        editor = editor_context.new_page()
        log_in(editor, "bientap")
        editor.goto("/website")
        waiting = editor.locator("#website-waiting")
        expect(waiting).to_contain_text("Kế Sách trao nhà Đại đoàn kết")
        waiting.locator("button[value=publish]").first.click()
        expect(editor.locator("#website-waiting")).to_contain_text("Không có tin, bài nào")
    finally:
        editor_context.close()

    page.reload()
    expect(page.locator("body")).to_contain_text("Tin: 1/2 · Bài: 0/1")
