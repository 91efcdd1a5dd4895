"""In Chromium: an officer asks to move the air date, the editor approves, the grid follows."""

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel, SlotStatus
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def agreed_april(db, demo):
    slot = db.session.scalar(select(Slot).join(Slot.column).where(
        PlanColumn.channel == Channel.RADIO_TV, Slot.period_start == date(2023, 4, 1)))
    slot.status, slot.air_date = SlotStatus.AGREED, date(2023, 4, 20)
    db.session.commit()
    return slot


def test_officer_requests_a_move_editor_approves_grid_shows_it(browser, live_server,
                                                               agreed_april):
    officer = browser.new_context(base_url=live_server).new_page()
    log_in(officer, "vinhchau")
    officer.goto(f"/slots/{agreed_april.id}/changes")
    expect(officer.locator(".kind-chooser [aria-current]")).to_have_text("Dời ngày")
    officer.select_option("select[name=field]", "air_date")
    officer.fill("input[name=new_date]", "2023-04-26")
    officer.fill("textarea[name=reason]", "Đài đổi lịch phát sóng")
    officer.click("button:has-text('Gửi yêu cầu')")
    expect(officer.locator("h1")).to_contain_text("Dời ngày")

    editor = browser.new_context(base_url=live_server).new_page()
    log_in(editor, "bientap")
    editor.goto("/changes")
    expect(editor.locator("a[href='/changes'] .badge")).to_have_text("1")
    editor.click("text=Dời ngày")
    editor.click("button:has-text('Duyệt')")
    expect(editor.locator(".change .state").first).to_have_text("Đã duyệt")
    expect(editor.locator("a[href='/changes'] .badge")).to_have_count(0)  # heard changeDecided
    editor.goto("/calendar/2023/4")
    expect(editor.locator('td[data-date="2023-04-26"] .ev-air')).to_have_count(1)
    expect(editor.locator('td[data-date="2023-04-20"] .ev-air')).to_have_count(0)
