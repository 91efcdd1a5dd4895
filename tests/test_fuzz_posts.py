"""The fuzz row of the route × role matrix: every route that changes data, posted by each role
that may use it, on its own province's rows, with every field the templates draw filled
with odd values, answers a 4xx or a redirect, never a server error. Routes come from
`app.url_map` and fields from the templates, so new ones are fuzzed the day they land."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editorial.auth.rules import Role
from tests.helpers import csrf_token
from tests.test_isolation import OBJECT_PARAMS, PLAIN_PARAMS, _client, _token_of, _urls

NOT_FUZZED = {"auth.login", "auth.logout"}  # the login is fuzzed by the throttle tests
ODD = ["", "-1", "99999999999999999999", "2023-02-30", "31/02/2023", "x" * 5000,
       "\u202e<script>’\"; DROP TABLE units; --"]


TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def field_names() -> set[str]:
    """The name of every input, select and textarea the templates draw (and the form classes
    render through macros by name)."""
    names = set()
    for template in TEMPLATES.rglob("*.html"):
        names |= set(re.findall(r'\bname="([\w-]+)"', template.read_text()))
    return names - {"csrf_token"}



def _paths(rule, province, feed) -> list[str]:
    if all(n in OBJECT_PARAMS | PLAIN_PARAMS for n in rule.arguments):
        return [path for path, _values in _urls(rule, province, feed)]
    return [re.sub(r"<(?:\w+:)?\w+>", "1", rule.rule)]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.EDITOR, Role.ADMIN])
def test_odd_forms_never_answer_a_server_error(app, one_province, role):
    province = one_province
    names = sorted(field_names())
    assert len(names) > 30  # the form classes were found
    client = _client(app, province.user(role))
    token = csrf_token(client, "/")
    feed = _token_of(province.user(role), "me" if role == Role.OFFICER else "province")
    rules = sorted((r for r in app.url_map.iter_rules()
                    if "POST" in r.methods and r.endpoint not in NOT_FUZZED), key=lambda r: r.rule)
    failures = []
    for rule in rules:
        for path in _paths(rule, province, feed):
            for value in ODD:
                response = client.post(path, data={"csrf_token": token,
                                                   **dict.fromkeys(names, value)})
                if response.status_code >= 500:
                    failures.append((rule.endpoint, path, value[:20], response.status_code))
    assert not failures
