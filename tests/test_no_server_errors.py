"""Every page, fed odd values in its URL and query string, answers without a server error."""

import re

import pytest

ODD_INTS = ["0", "1", "13", "2023", "99999", "99999999999999999999"]
ODD_QUERY = (
    "?year=abc&month=x&from=zz&to=2023-02-30&page=-1"
    "&unit=abc&channel=zz&scope=zz&q=%25&all=9"
)


def _paths(app) -> list[str]:
    """Each GET route with every argument replaced by each odd value."""
    paths = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        template = re.sub(r"<(?:int:)?(\w+)>", "{}", rule.rule)
        count = template.count("{}")
        for value in ODD_INTS if count else [""]:
            paths.add(template.format(*([value] * count)))
    return sorted(paths)


@pytest.mark.parametrize("login", ["bientap", "kesach", "quantri"])
def test_no_page_answers_500(demo, login_as, client, app, login):
    login_as(login)
    failures = []
    for path in _paths(app):
        if path.endswith("/logout"):
            continue
        for url in (path, path + ODD_QUERY):
            status = client.get(url).status_code
            if status >= 500:
                failures.append((url, status))
    assert not failures
