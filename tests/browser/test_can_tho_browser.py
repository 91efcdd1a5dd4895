"""In Chromium, the living demo: a member organization of Cần Thơ registers December's column
on the slot's page; the city's editor sees it on the board, among Cần Thơ's units only."""

from datetime import date

import pytest
from playwright.sync_api import expect

from editorial.demo import current
from editorial.extensions import db
from tests.browser.conftest import log_in
from tests.demo.test_can_tho_demo import _radio_slot

pytestmark = pytest.mark.browser


def test_a_member_organization_registers_and_the_city_editor_sees_it(app, browser, live_server,
                                                                       page):
    app.config["TODAY"] = date(2026, 12, 2)
    with app.app_context():
        current.load(date(2026, 12, 2))
        db.session.commit()
        slot_id = db.session.scalar(_radio_slot(12)).id  # Hội CCB's December
    log_in(page, "hoiccb")
    expect(page.locator("main")).to_contain_text("04/12/2026")  # 5/12 is a Saturday
    page.goto(f"/registrations/slots/{slot_id}")
    page.fill("input[name=title]", "Cựu chiến binh Cần Thơ gương mẫu")
    page.fill("input[name=staff_name] >> nth=0", "Nguyễn Văn Hòa")
    page.fill("input[name=air_date]", "2026-12-17")
    page.click("button[value=submit]")
    expect(page.locator(".reg-panel .state")).to_have_text("Đã đăng ký")

    editor_context = browser.new_context(base_url=live_server, locale="vi-VN")
    editor = editor_context.new_page()
    editor.set_default_timeout(10_000)
    log_in(editor, "ct.bientap")
    editor.goto("/registrations/board/2026/12")
    card = editor.locator("#board-live .reg-card", has_text="Đài PT-TH")
    expect(card).to_contain_text("Hội Cựu chiến binh thành phố Cần Thơ")
    expect(card).to_contain_text("Đã đăng ký")
    expect(editor.locator("#board-live")).not_to_contain_text("Thạnh Trị")  # Sóc Trăng's
    editor_context.close()
