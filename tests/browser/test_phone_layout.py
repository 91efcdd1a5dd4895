"""Phones: at 360 px no page scrolls sideways (wide tables scroll inside their own box), the
header menu folds behind one button, and a form control never spills out of its card."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_csp_browser import _menu_paths
from tests.registrations.helpers import demo_slot

PHONE = {"width": 360, "height": 740}
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("main *")].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) return false;
    for (let p = e.parentElement; p; p = p.parentElement) {  // inside a scroll box: fine
      const s = getComputedStyle(p);
      if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") {
        return p.getBoundingClientRect().right > width + 1;
      }
    }
    return true;
  });
  return {scroll: document.documentElement.scrollWidth, width,
          wide: wide.slice(0, 3).map(e => e.tagName + "." + e.className)};
}"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="vi-VN", viewport=PHONE,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.parametrize("login", ["bientap", "kesach", "quantri"])
def test_no_page_scrolls_sideways_at_360_px(phone, login):
    log_in(phone, login)
    menu = phone.locator("button.menu-toggle")
    menu.click()
    paths = ["/", *_menu_paths(phone), "/website/scoreboard/2023", "/audit",
             "/registrations/board/2023/3"]
    overflowing = {}
    for path in dict.fromkeys(paths):
        phone.goto(path)
        found = phone.evaluate(OVERFLOW)
        if found["scroll"] > found["width"] or found["wide"]:
            overflowing[path] = found
    assert not overflowing


def test_the_header_menu_folds_on_a_phone(phone):
    log_in(phone, "bientap")
    nav = phone.locator("nav.mainnav")
    assert not nav.is_visible()
    header = phone.locator("header.topbar").bounding_box()
    assert header["height"] < 740 * 0.12  # a bar, not a quarter of the screen
    phone.click("button.menu-toggle")
    assert nav.is_visible()
    assert phone.get_attribute("button.menu-toggle", "aria-expanded") == "true"
    phone.click("nav.mainnav >> text=Lịch trình")
    phone.wait_for_url("**/agenda**")
    assert not phone.locator("nav.mainnav").is_visible()  # folded again on the next page


@pytest.mark.parametrize("path", ["/registrations/board/2023/3", "/calendar/2023/3"])
def test_the_month_arrows_sit_on_the_titles_row(phone, path):
    log_in(phone, "bientap")
    phone.goto(path)
    prev, title, nxt = (phone.locator(f".month-head {s}").first.bounding_box()
                        for s in ("a[rel=prev]", "h1", "a[rel=next]"))
    assert abs(prev["y"] - nxt["y"]) < 2 and nxt["x"] > title["x"] > prev["x"]


def test_a_checkbox_sits_beside_its_words(phone):
    slot_id = demo_slot(4).id  # Vĩnh Châu's April: radio and newspaper, one registration
    log_in(phone, "vinhchau")
    phone.goto(f"/registrations/slots/{slot_id}")
    box = phone.locator("input[name=also_sibling]").bounding_box()
    label = phone.locator("label:has(input[name=also_sibling])").bounding_box()
    assert box["width"] < 40  # not stretched across the card
    assert box["y"] < label["y"] + 24  # on the label's first line, not above its words
