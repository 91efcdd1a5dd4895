"""Every page works in Chromium with the Content-Security-Policy enforced: no violation is
reported while pages load, htmx swaps fragments and the live search answers."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " "
                           + (e.sourceFile || "") + ":" + (e.lineNumber || ""));
});
"""


def _menu_paths(page) -> list[str]:
    hrefs = page.eval_on_selector_all("header a[href^='/'], main a[href^='/']",
                                      "els => els.map(e => e.getAttribute('href'))")
    seen, paths = set(), []
    for href in hrefs:
        path = href.split("#")[0]
        if path and path not in seen and not path.endswith((".ics", ".csv", ".docx", ".xlsx")):
            seen.add(path)
            paths.append(path)
    return paths[:40]


@pytest.mark.parametrize("login", ["bientap", "kesach", "quantri"])
def test_no_page_violates_the_policy(page, login):
    page.add_init_script(WATCH)
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    log_in(page, login)
    violations = {}
    for path in ["/", *_menu_paths(page)]:
        response = page.goto(path)
        assert response.headers.get("content-security-policy", "").startswith("default-src")
        found = page.evaluate("window.__violations")
        if found:
            violations[path] = found
    assert not violations
    assert not [m for m in console if "Content Security Policy" in m]


def test_htmx_and_the_live_search_work_under_the_policy(page):
    page.add_init_script(WATCH)
    log_in(page, "bientap")
    page.fill("input[name=q]", "Khmer")
    page.wait_for_selector("#search-popup a")
    page.goto("/calendar/2023/3")
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__notReloaded = true")
    page.click("a[rel=next]")
    page.wait_for_url("**/calendar/2023/4")
    assert page.evaluate("window.__notReloaded") is True
    assert page.evaluate("window.__violations") == []
