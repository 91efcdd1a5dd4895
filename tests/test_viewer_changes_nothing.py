"""The role matrix's viewer row: a viewer (Thường trực, read only) who posts to any route that
changes data gets 403 — before any form is validated, whatever the form holds — and nothing
changes. Routes come from `app.url_map`, so a new mutating route is checked the day it lands."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from editorial.audit.models import AuditEntry
from editorial.auth.rules import Role
from editorial.extensions import db
from tests.helpers import csrf_token
from tests.test_isolation import OBJECT_PARAMS, PLAIN_PARAMS, _client, _token_of, _urls

# What a viewer may post: their own session, language, password, notifications and feeds.
VIEWER_MAY = {
    "auth.login", "auth.logout", "auth.language", "auth.change_password",
    "notifications.read", "notifications.read_all", "notifications.open_",
    "notifications.edit_preferences", "feeds.save_choices", "feeds.reset",
}
FORMS = [{}, {"version": "1", "title": "x", "day": "2023-04-05", "year": "2031"}]



def _post_rules(app):
    return sorted((r for r in app.url_map.iter_rules()
                   if "POST" in r.methods and r.endpoint not in VIEWER_MAY),
                  key=lambda r: r.rule)


def test_the_allow_list_names_real_routes(app):
    assert VIEWER_MAY <= set(app.view_functions)


@pytest.mark.parametrize("form", FORMS)
def test_a_viewer_is_refused_every_change_before_validation(app, one_province, form):
    province = one_province
    client = _client(app, province.user(Role.VIEWER))
    token = csrf_token(client, "/")
    feed = _token_of(province.user(Role.VIEWER))
    before = db.session.scalar(select(func.count(AuditEntry.id)))
    wrong = []
    for rule in _post_rules(app):
        if all(n in OBJECT_PARAMS | PLAIN_PARAMS for n in rule.arguments):
            paths = [path for path, _values in _urls(rule, province, feed)]
        else:  # a national row (days off): any id will do, the refusal comes first
            paths = [re.sub(r"<(?:\w+:)?\w+>", "1", rule.rule)]
        for path in paths:
            status = client.post(path, data={"csrf_token": token, **form}).status_code
            if status != 403:
                wrong.append((rule.endpoint, path, status))
    assert not wrong
    assert db.session.scalar(select(func.count(AuditEntry.id))) == before
