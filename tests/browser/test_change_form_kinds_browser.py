"""In Chromium (issue 14): choosing a kind of change shows only that kind's fields, without a
reload and without breaking the Content-Security-Policy; the typed reason stays; and without
scripts the same links draw the same form."""

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

FIELDS = {"Dời ngày": ["field", "new_date"], "Đổi nội dung": ["new_topic"],
          "Đổi tháng với đơn vị khác": ["other_slot_id"], "Hủy": []}
ALL = ["field", "new_date", "new_topic", "other_slot_id"]
WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective); });"""


def _march(db) -> Slot:
    return db.session.scalar(select(Slot).join(Slot.column).where(
        PlanColumn.channel == Channel.RADIO_TV, Slot.period_start == date(2023, 3, 1)))


def _shows_only(page, label: str) -> None:
    form = page.locator("#change-form")
    expect(form.locator(".kind-chooser [aria-current]")).to_have_text(label)
    for name in ALL:
        fields = form.locator(f"[name={name}]")
        if name in FIELDS[label]:
            expect(fields).to_be_visible()
        else:
            expect(fields).to_have_count(0)


def test_choosing_a_kind_shows_only_its_fields(page, db):
    slot = _march(db)
    page.add_init_script(WATCH)
    log_in(page, "kesach")
    page.goto(f"/slots/{slot.id}/changes")
    _shows_only(page, "Dời ngày")
    page.fill("textarea[name=reason]", "Đài đổi lịch")
    page.evaluate("document.body.dataset.sameDocument = 'yes'")
    for label in ("Đổi nội dung", "Đổi tháng với đơn vị khác", "Hủy", "Dời ngày",
                  "Đổi nội dung"):
        page.click(f".kind-chooser a:has-text('{label}')")
        _shows_only(page, label)
        expect(page.locator("textarea[name=reason]")).to_have_value("Đài đổi lịch")
    assert page.evaluate("document.body.dataset.sameDocument") == "yes"  # htmx, no reload
    assert page.url.endswith("?kind=topic")  # the address can be shared or reloaded
    assert page.evaluate("window.__violations") == []
    page.fill("input[name=new_topic]", "Mặt trận Kế Sách giám sát đầu tư công")
    page.click("button:has-text('Gửi yêu cầu')")
    expect(page.locator("h1")).to_contain_text("Đổi nội dung")


def test_without_scripts_the_links_draw_the_form(browser, live_server, db):
    slot = _march(db)
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    log_in(page, "kesach")
    page.goto(f"/slots/{slot.id}/changes")
    _shows_only(page, "Dời ngày")
    page.click(".kind-chooser a:has-text('Đổi tháng với đơn vị khác')")
    page.wait_for_url("**?kind=swap")
    _shows_only(page, "Đổi tháng với đơn vị khác")
    context.close()
