"""In Chromium, two people negotiate one slot and each is told at each step: the officer
registers, the editor finds it in Thông báo and counters from the link, the officer finds the
counter-proposal there, agrees from the link, and the editor is told of the agreement."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.registrations.helpers import demo_slot

pytestmark = pytest.mark.browser


def _told(page, words: str):
    """The person's notifications hold `words`, unread, and the badge counts it; open it."""
    page.goto("/")
    expect(page.locator(".mainnav .badge-count")).not_to_have_attribute("data-unread", "0")
    page.goto("/notifications/")
    item = page.locator(".notification.unread", has_text=words)
    expect(item).to_have_count(1)
    item.locator("a").first.click()
    page.wait_for_url("**/registrations/slots/*")


def test_each_side_is_told_at_each_step(browser, live_server):
    slot_id = demo_slot(4).id  # April, Vĩnh Châu, radio–TV
    contexts = [browser.new_context(base_url=live_server, locale="vi-VN") for _ in range(2)]
    try:
        officer, editor = (c.new_page() for c in contexts)
        for page in (officer, editor):
            page.set_default_timeout(10_000)
        log_in(officer, "vinhchau")
        log_in(editor, "bientap")

        officer.goto(f"/registrations/slots/{slot_id}")
        officer.fill("input[name=title]", "Đồng bào Khmer Vĩnh Châu vui đón Tết")
        officer.fill("input[name=air_date]", "14/04/2023")
        officer.click("button[value=submit]")
        expect(officer.locator(".reg-panel .state")).to_have_text("Đã đăng ký")

        _told(editor, "Vĩnh Châu đã gửi đăng ký")
        panel = editor.locator(".reg-panel")
        panel.locator("summary", has_text="Đề xuất khác").click()
        panel.locator("details.counter input[name=air_date]").fill("16/04/2023")
        panel.locator("details.counter textarea[name=body]").fill("Phát vào Chủ nhật nhé.")
        panel.locator("details.counter button.primary").click()
        expect(panel.locator(".state")).to_have_text("Đang trao đổi")

        _told(officer, "đề xuất khác")
        expect(officer.locator(".thread")).to_contain_text("Phát vào Chủ nhật nhé.")
        officer.click("text=Đồng ý, thống nhất")
        expect(officer.locator(".reg-panel .state")).to_have_text("Đã thống nhất")

        _told(editor, "đồng ý – đã thống nhất")
        expect(editor.locator(".reg-panel .state")).to_have_text("Đã thống nhất")
    finally:
        for context in contexts:
            context.close()
