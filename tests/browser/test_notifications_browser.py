"""In Chromium: the unread badge, marking a notification read in place, the preferences form."""

from datetime import datetime

import pytest
from playwright.sync_api import expect

from editorial.clock import VN
from editorial.jobs import tasks
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_badge_counts_down_as_notifications_are_read(page, app):
    tasks.reminders(datetime(2023, 4, 2, 7, 30, tzinfo=VN))  # Vĩnh Châu gets two
    log_in(page, "vinhchau")
    badge = page.locator(".mainnav .badge-count")
    expect(badge).to_have_attribute("data-unread", "2")
    page.click("text=Thông báo")
    page.wait_for_url("**/notifications/")
    expect(page.locator(".notification.unread")).to_have_count(2)
    page.evaluate("window.__notReloaded = true")
    page.locator(".notification.unread button").first.click()
    expect(page.locator(".notification.unread")).to_have_count(1)
    expect(badge).to_have_attribute("data-unread", "1")  # told by the HX-Trigger header
    page.click("text=Đánh dấu tất cả đã đọc")
    expect(page.locator(".notification.unread")).to_have_count(0)
    expect(badge).to_have_attribute("data-unread", "0")
    assert page.evaluate("window.__notReloaded") is True


def test_preferences_error_then_saved(page):
    log_in(page, "kesach")
    page.goto("/notifications/preferences")
    page.fill("input[name=days]", "45")
    page.click("text=Lưu")
    expect(page.locator(".field-error")).to_contain_text("từ 1 đến 30")
    expect(page.locator("input[name=days]")).to_have_value("45")
    page.fill("input[name=days]", "7, 2")
    page.fill("input[name=email]", "kesach@mttq.test")
    page.click("text=Lưu")
    expect(page.locator(".alert-ok")).to_have_text("Đã lưu lựa chọn nhắc việc.")
    page.reload()
    expect(page.locator("input[name=days]")).to_have_value("7, 2")
