"""In Chromium set to English or Vietnamese: a day is typed dd/mm/yyyy, echoed in words before
saving, chosen with the picker into the same dd/mm/yyyy, and saved as that day."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.registrations.helpers import demo_slot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_days_are_typed_day_first_whatever_the_browsers_language(browser, live_server, locale):
    slot_id = demo_slot(4).id  # April, Vĩnh Châu, radio–TV
    context = browser.new_context(base_url=live_server, locale=locale)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, "vinhchau")
        page.goto(f"/registrations/slots/{slot_id}")
        air = page.locator("input[name=air_date]")
        assert air.get_attribute("type") == "text"
        echo = air.locator("xpath=..").locator(".day-echo")

        air.fill("")
        air.press_sequentially("10/4/2023")
        expect(echo).to_have_text("Thứ Hai, 10/04/2023")  # 10 April, not 4 October
        air.fill("4/31/2023")
        expect(echo).to_contain_text("Ngày không hợp lệ")
        assert page.evaluate("document.querySelector('input[name=air_date]').validity.valid") \
            is False

        # The picker is the browser's calendar; what it chooses lands as dd/mm/yyyy.
        expect(page.locator("input[name=air_date] ~ button.day-pick")).to_be_visible()
        page.evaluate("""() => {
            const native = document.querySelector('input[name=air_date] ~ input.day-native');
            native.value = '2023-04-14';
            native.dispatchEvent(new Event('change', {bubbles: true}));
        }""")
        expect(air).to_have_value("14/04/2023")
        expect(echo).to_have_text("Thứ Sáu, 14/04/2023")

        page.fill("input[name=title]", "Đồng bào Khmer Vĩnh Châu vui đón Tết")
        page.click("button[value=draft]")
        expect(page.locator(".reg-panel [role=status]")).to_contain_text("Đã lưu nháp")
        page.reload()
        expect(page.locator("input[name=air_date]")).to_have_value("14/04/2023")
    finally:
        context.close()
