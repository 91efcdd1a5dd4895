"""In Chromium: an editor creates the 2024 plan (Sóc Trăng's districts still exist), adds a
column and a row; htmx swaps the editor in place (no page reload) and a refused row shows its
Vietnamese message."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_editor_creates_a_plan_and_adds_a_row_in_place(page):
    log_in(page, "bientap")
    page.goto("/plans/2024")
    page.fill("input[name=title]", "Kế hoạch thông tin, tuyên truyền năm 2024")
    page.fill("input[name=number]", "45/KH-MTTQ-BTT")
    page.click("button.primary")
    page.wait_for_url("**/plans/*/edit")
    page.evaluate("window.__notReloaded = true")

    new_column = page.locator("#column-new")
    new_column.locator("input[name=name]").fill("Đại đoàn kết toàn dân")
    new_column.locator("select[name=channel]").select_option("radio_tv")
    new_column.locator("select[name=cadence]").select_option("weekly")
    new_column.locator("select[name=air_weekday]").select_option("3")
    new_column.locator("input[name=air_time]").fill("19:30")
    new_column.locator("button.primary").click()
    column = page.locator("article.plan-column")
    expect(column.locator("h2")).to_contain_text("Đại đoàn kết toàn dân")

    form = column.locator("form.row-new")
    form.locator("select[name=period]").select_option("2024-01-01")
    form.locator("textarea[name=topic]").fill("Mừng Đảng, mừng Xuân Giáp Thìn")
    form.locator("select[name=units]").select_option(index=1)
    form.locator("button.primary").click()
    row = column.locator("li.plan-row").first
    expect(row).to_contain_text("Mừng Đảng, mừng Xuân Giáp Thìn")
    expect(row).to_contain_text("Thứ Năm, 04/01/2024 19:30")

    form = page.locator("article.plan-column form.row-new")
    form.locator("textarea[name=topic]").fill("Không chọn đơn vị")
    form.locator("select[name=units]").evaluate("s => s.required = false")
    form.locator("button.primary").click()
    expect(page.locator("article.plan-column .alert-error")).to_contain_text(
        "Hãy chọn đơn vị phối hợp thực hiện.")
    assert page.evaluate("window.__notReloaded") is True
