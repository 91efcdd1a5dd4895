"""The isolation matrix: every route of the app, as each role of province A, with province B's
ids in the URL and the form, never shows or changes B's rows; A's lists, exports, feeds,
search and reminders never carry B's names.

Routes come from `app.url_map`, so a new route is in the matrix the day it is added; a route
with a parameter the matrix cannot fill fails `test_every_route_is_in_the_matrix` until its
parameter is given one of B's ids below (or the route is allowed, with the reason, in ALLOWED).
"""

from __future__ import annotations

import io
import itertools
import re
from datetime import UTC, datetime

import pytest
from docx import Document
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import select, update

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import Step
from editorial.extensions import db
from editorial.feeds import services as feeds
from editorial.feeds.tokens import feed_token
from editorial.jobs import tasks
from editorial.notifications.models import Notification, Reminder
from editorial.plans.models import Slot
from editorial.reminders import planner
from editorial.units import scope
from editorial.units.models import Unit
from editorial.website.models import WebItem
from tests.helpers import csrf_token
from tests.isolation_data import Province, build, version_of

ROLES = [Role.ADMIN, Role.EDITOR, Role.VIEWER, Role.OFFICER]

# Routes that are the same for every province, each with the reason.
ALLOWED = {
    "static": "shipped CSS/JS files, no data",
    "auth.login": "the login form: no province before login",
    "auth.logout": "ends the session only",
    "auth.language": "stores the language in the session only",
    "feeds.public": "the shipped holidays and anniversaries for anyone (no province's own data)",
    # Days off and swapped working days are national: one list for every province.
    "observances.add_exception": "national days off, one list for the whole country",
    "observances.delete_exception": "national days off, one list for the whole country",
}

# URL parameters that name one of B's rows, with the keys of B's ids to put there.
OBJECT_PARAMS = {
    "unit_id": ["root", "commune"], "user_id": ["user_editor", "user_officer"],
    "slot_id": ["slot", "agreed"], "request_id": ["change"], "plan_id": ["plan"],
    "column_id": ["column"], "notification_id": ["notification"], "event_id": ["event"],
    "item_id": ["item"], "mail_id": ["mail"],
}
# Parameters that are no row of B's: the year and month of B's plan, the change steps, a feed.
PLAIN_PARAMS = {"year": ["2023"], "month": ["3", "4"], "step": [str(s) for s in Step],
                "scope": ["province", "me"], "token": ["<token>"],
                "key": ["local-kylan", "report-kylan"]}  # B's own anniversary and report rule
VERSIONED = {"slot_id": Slot, "request_id": ChangeRequest, "item_id": WebItem}


@pytest.fixture
def provinces(app: Flask) -> tuple[Province, Province]:
    """Province A (Hải Âu) and province B (Kỳ Lân), committed."""
    a, b = build("Hải Âu", "haiau"), build("Kỳ Lân", "kylan")
    db.session.commit()
    return a, b


def _rules(app: Flask, method: str) -> list:
    return sorted((r for r in app.url_map.iter_rules()
                   if method in r.methods and r.endpoint not in ALLOWED), key=lambda r: r.rule)


def _params(rule) -> list[str]:
    return sorted(rule.arguments)


def _is_object_route(rule) -> bool:
    return any(name in OBJECT_PARAMS for name in rule.arguments)


def _urls(rule, b: Province, token: str) -> list[tuple[str, dict]]:
    """Each URL of `rule` with B's ids (every combination), and the values used."""
    names = _params(rule)
    choices = [[str(b.ids[k]) for k in OBJECT_PARAMS[n]] if n in OBJECT_PARAMS
               else [token if v == "<token>" else v for v in PLAIN_PARAMS[n]] for n in names]
    urls = []
    for values in itertools.product(*choices):
        filled = dict(zip(names, values, strict=True))
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m, f=filled: f[m.group(1)], rule.rule)
        urls.append((path, filled))
    return urls


def _client(app: Flask, login: str):
    """A client logged in as `login` (its CSRF token ready)."""
    client = app.test_client()
    token = csrf_token(client)
    response = client.post("/login", data={"login": login, "password": "mttq2023",
                                           "csrf_token": token})
    assert response.status_code == 303, login
    return client


def _token_of(login: str, scope: str = "province") -> str:
    user = db.session.scalar(select(User).where(User.login == login))
    return feed_token(feeds.server_key(), user.id, scope, feeds.settings_of(user).secret)


def _text(response) -> str:
    """The response as text to search: HTML, CSV, iCal unfolded, Word and Excel opened."""
    kind, body = response.content_type, response.get_data()
    if "wordprocessingml" in kind:
        doc = Document(io.BytesIO(body))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if "spreadsheetml" in kind:
        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(str(v) for s in book.worksheets for r in s.iter_rows(values_only=True)
                         for v in r if v is not None)
    text = body.decode("utf-8", errors="replace")
    if "calendar" in kind:
        text = text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    return text


def _leaks(text: str, b: Province) -> list[str]:
    return [mark for mark in b.marks if mark in text]


# --- every route is in the matrix ---------------------------------------------------------


def test_every_route_is_in_the_matrix(app):
    unknown = {(r.rule, name) for r in app.url_map.iter_rules() if r.endpoint not in ALLOWED
               for name in r.arguments if name not in OBJECT_PARAMS | PLAIN_PARAMS}
    assert not unknown, f"give these parameters one of B's ids in OBJECT_PARAMS: {unknown}"
    assert all(endpoint in app.view_functions for endpoint in ALLOWED), "stale ALLOWED entry"


# --- (a) pages and exports ----------------------------------------------------------------

LIST_QUERIES = ["", "?q=Kỳ+Lân&all=1",
                "?q=Phóng+sự&unit={commune}&slot={slot}&scope=unit-{commune}&year=2023"
                "&month=3&from=2023-01-01&to=2023-12-31&channel=radio_tv"]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_or_export_shows_the_other_province(app, provinces, role):
    a, b = provinces
    client = _client(app, a.user(role))
    token = _token_of(a.user(role), "province" if role != Role.OFFICER else "me")
    failures = []
    for rule in _rules(app, "GET"):
        for path, _filled in _urls(rule, b, token):
            queries = [""] if _is_object_route(rule) else LIST_QUERIES
            for query, headers in itertools.product(queries, ({}, {"HX-Request": "true"})):
                url = path + query.format(**b.ids)
                response = client.get(url, headers=headers)
                if response.status_code >= 500:
                    failures.append((url, response.status_code, "server error"))
                elif _is_object_route(rule) and response.status_code not in (403, 404):
                    failures.append((url, response.status_code, "B's object answered"))
                elif response.status_code == 200 and (leaks := _leaks(_text(response), b)):
                    failures.append((url, 200, leaks[:3]))
    assert not failures


def test_a_sees_its_own_province_in_the_lists(app, provinces):
    """The matrix is not vacuous: the same pages show A's own rows."""
    a, _b = provinces
    client = _client(app, a.user(Role.EDITOR))
    pages = {"/registrations/board/2023/4": "Chủ đề radio_tv tháng 4 Hải Âu",
             "/registrations/board/2023/4.xlsx": "Chủ đề radio_tv tháng 4 Hải Âu",
             "/search?q=Phóng+sự": "Phóng sự đã thống nhất Hải Âu",
             "/units": "Ủy ban MTTQ xã Đông Hải Âu", "/audit": "Ghi chú nhật ký Hải Âu",
             "/changes": "Lý do đổi Hải Âu", "/calendar/2023/3": "Phóng sự đã thống nhất Hải Âu",
             "/website": "Tin chờ duyệt Hải Âu", "/plans/2023": "Chủ đề radio_tv tháng 5 Hải Âu",
             "/plans/2023.docx": "Chủ đề radio_tv tháng 5 Hải Âu",
             "/plans/2023.xlsx": "Chủ đề radio_tv tháng 5 Hải Âu",
             "/website/scoreboard/2023.xlsx": "Xã Đông Hải Âu",
             "/observances/2023": "Ngày thành lập Hải Âu",
             f"/changes/{a.ids['change']}": "Lý do đổi Hải Âu",
             f"/registrations/slots/{a.ids['slot']}": "Tin nhắn tháng 4 Hải Âu"}
    missing = [url for url, mark in pages.items() if mark not in _text(client.get(url))]
    assert not missing


def test_counters_count_only_the_own_province(app, provinces):
    """Numbers carry no names: the badges and the home's counters count A's rows alone (each
    province has one pending change, one item waiting, two units short of the quota)."""
    a, _b = provinces
    client = _client(app, a.user(Role.EDITOR))
    assert re.sub(r"<[^>]+>|\s", "", client.get("/changes/badge").text) == "1"
    home = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get("/").text))
    assert "1 chờ duyệt · 2 đơn vị chưa đạt chỉ tiêu tháng này" in home


# --- (b) changes --------------------------------------------------------------------------


def _form(endpoint: str, b: Province, filled: dict) -> dict:
    """Plausible input for the route, pointing at B's rows wherever the form takes an id."""
    ids = b.ids
    form = {"unit_id": ids["commune"], "parent_id": ids["root"], "focal_unit_id": ids["dept"],
            "assigned_unit_id": ids["commune"], "other_slot_id": ids["other_slot"],
            "event_id": ids["event"], "title": "Tiêu đề xâm nhập", "body": "Xâm nhập",
            "note": "Xâm nhập", "reason": "Xâm nhập tỉnh khác", "year": "2024"}
    for name, model in VERSIONED.items():
        if name in filled:
            form["version"] = version_of(model, int(filled[name]))
    form.update({
        "admin.create_unit": {"name": "Xã Xâm Nhập", "kind": "commune"},
        "admin.update_unit": {"name": "Xã Xâm Nhập", "kind": "commune"},
        "admin.create_user": {"login": "xamnhap", "name": "Xâm Nhập", "role": "editor",
                              "active": "on", "password": "mat-khau-123"},
        "admin.update_user": {"login": "xamnhap", "name": "Xâm Nhập", "role": "admin",
                              "active": "on"},
        "admin.reset_password": {"password": "mat-khau-moi-123"},
        "province_settings.update": {"assignable_kinds": "commune",
                                     "registering_kinds": "commune"},
        "changes.file": {"kind": "topic", "new_topic": "Chủ đề xâm nhập"},
        "changes.edit": {"topic": "Chủ đề xâm nhập", "air_date": "2023-04-21"},
        "changes.move": {"field": "air_date", "day": "2023-04-25"},
        "registrations.register": {"record_date": "2023-04-10", "air_date": "2023-04-20",
                                   "outline": "Xâm nhập", "action": "submit"},
        "registrations.counter": {"air_date": "2023-04-21"},
        "registrations.done": {"day": "2023-04-20"},
        "website.announce": {"event_date": "2023-03-20"},
        "website.submit": {"kind": "news", "summary": "Xâm nhập"},
        "website.decide": {"decision": "publish", "published_on": "2023-03-15"},
        "observances.save_anniversary": {"key": "local-kylan", "name": "Ngày xâm nhập",
                                         "month": "5", "day": "10", "active": "on"},
        "observances.toggle_anniversary": {"active": "0"},
        "observances.save_report_rule": {"name": "Báo cáo xâm nhập", "frequency": "monthly",
                                         "day": "21", "wording": "Xâm nhập", "active": "on",
                                         "unit_kinds": "commune"},
        "observances.set_deadline_rule": {"day_of_month": "7", "direction": "before"},
        "observances.set_khmer": {"start": "2023-04-14", "end": "2023-04-16"},
    }.get(endpoint, {}))
    return form


def _province_rows(b: Province) -> dict[str, set[tuple]]:
    """Every row of B's province, read with plain SQL: B's units, and every row that refers to
    one of B's rows (by foreign key, or audit entries by their province), to a fixed point."""
    with db.engine.connect() as conn:
        tables = {t.name: (t, [tuple(r) for r in conn.execute(t.select())])
                  for t in db.metadata.sorted_tables}
    keys: dict[str, set] = {name: set() for name in tables}
    rows: dict[str, set[tuple]] = {name: set() for name in tables}
    changed = True
    while changed:
        changed = False
        for name, (table, data) in tables.items():
            cols = [c.name for c in table.columns]
            pk = [cols.index(c.name) for c in table.primary_key.columns]
            for row in data:
                values = dict(zip(cols, row, strict=True))
                if row in rows[name] or not _is_b(name, table, values, keys, b):
                    continue
                rows[name].add(row)
                keys[name].add(tuple(row[i] for i in pk))
                changed = True
    return rows


def _is_b(name: str, table, values: dict, keys: dict[str, set], b: Province) -> bool:
    root = b.ids["root"]
    if name == "units" and root in (values["id"], values["province_id"]):
        return True
    if name == "audit_entries" and values["province_id"] == root:
        return True
    return any(values[fk.parent.name] is not None
               and (values[fk.parent.name],) in keys[fk.column.table.name]
               for fk in table.foreign_keys)


# Second inputs for routes whose form can point at another row in more than one way.
VARIANTS = {"changes.file": {"kind": "swap"}, "website.submit": {"unit_id": ""},
            "admin.update_unit": {"parent_id": ""}}


@pytest.mark.parametrize("role", ROLES)
def test_no_change_reaches_the_other_province(app, provinces, role):
    """B's rows in the URL (refused: 403/404), then A's own rows in the URL with B's ids in the
    form (A's row must not end up pointing into B); B's rows never change."""
    a, b = provinces
    client = _client(app, a.user(role))
    token = csrf_token(client, "/")
    before = _province_rows(b)
    failures = []
    rules = _rules(app, "POST")
    # Backwards for A's own rows, so the user administration (which changes roles) comes last.
    for owner, ordered in ((b, rules), (a, rules[::-1])):
        for rule in ordered:
            for path, filled in _urls(rule, owner, "x"):
                for extra in ({}, VARIANTS.get(rule.endpoint)):
                    if extra is None:
                        continue
                    data = dict(_form(rule.endpoint, b, filled), **extra, csrf_token=token)
                    status = client.post(path, data=data).status_code
                    if status >= 500 or (owner is b and _is_object_route(rule)
                                         and status not in (403, 404)):
                        failures.append((path, status))
                    if (after := _province_rows(b)) != before:
                        failures.append((path, status, _difference(before, after)))
                        before = after
    assert not failures


def test_the_matrix_forms_work_on_own_rows(app, provinces):
    """The control: the routes that refuse B's ids take A's own, with the same input (so B's
    refusals come from the province, not from a malformed request)."""
    a, _b = provinces
    clients = {role: _client(app, a.user(role)) for role in ROLES}
    tokens = {role: csrf_token(client, "/") for role, client in clients.items()}
    refused = set()
    for method in ("GET", "POST"):
        # Backwards, so the user administration (which changes A's roles) comes last.
        for rule in reversed(list(filter(_is_object_route, _rules(app, method)))):
            answers = set()
            for role, client in clients.items():
                for path, filled in _urls(rule, a, _token_of(a.user(role))):
                    data = dict(_form(rule.endpoint, a, filled), csrf_token=tokens[role])
                    response = (client.get(path) if method == "GET"
                                else client.post(path, data=data))
                    answers.add(response.status_code)
            if answers <= {403, 404}:
                refused.add((method, rule.rule))
    assert not refused


def test_the_row_snapshot_sees_a_change_of_b(app, provinces):
    """The control of `_province_rows`: a changed, a new and a moved row of B all show."""
    a, b = provinces
    before = _province_rows(b)
    with db.engine.begin() as conn:
        conn.execute(update(Slot).where(Slot.id == b.ids["slot"]).values(topic="Đổi"))
    assert _province_rows(b) != before
    before = _province_rows(b)
    with db.engine.begin() as conn:
        conn.execute(update(User).where(User.id == a.ids["user_viewer"])
                     .values(unit_id=b.ids["commune"]))
    assert _difference(before, _province_rows(b)).keys() == {"users", "feed_settings"}


def _difference(before: dict, after: dict) -> dict:
    return {name: (before[name] ^ after[name]) for name in before if before[name] != after[name]}


def test_get_by_primary_key_inside_a_province(app, provinces):
    """`session.get` returns a row already in the session's identity map without asking the
    database, so the filter cannot stop it there; each request has its own session (its own
    app context) that holds only the user and their unit when the province is entered."""
    a, b = provinces
    with app.app_context():  # a fresh session, as a request has
        scope.enter(a.ids["root"])
        assert db.session.get(Unit, b.ids["commune"]) is None
        assert db.session.get(Slot, b.ids["slot"]) is None
        assert db.session.get(Unit, a.ids["commune"]) is not None


# --- (c) feeds ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_feeds_of_a_carry_nothing_of_b(app, provinces, role):
    a, b = provinces
    login = a.user(role)
    user_id = db.session.scalar(select(User.id).where(User.login == login))
    scopes = ["me"] if role == Role.OFFICER else ["me", "province", f"unit-{a.ids['commune']}"]
    for name in scopes:
        response = app.test_client().get(f"/feeds/{user_id}/{name}/{_token_of(login, name)}.ics")
        assert response.status_code == 200
        assert not _leaks(_text(response), b), name
    # A token for B's unit (the page would never make one): valid, but it reads A's province.
    other = f"unit-{b.ids['commune']}"
    response = app.test_client().get(f"/feeds/{user_id}/{other}/{_token_of(login, other)}.ics")
    assert response.status_code in (200, 404) and not _leaks(_text(response), b)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.EDITOR, Role.VIEWER])
def test_a_cannot_create_a_feed_scope_for_a_unit_of_b(app, provinces, role):
    a, b = provinces
    client = _client(app, a.user(role))
    for unit in ("root", "commune", "dept"):
        response = client.get(f"/feeds?scope=unit-{b.ids[unit]}")
        assert response.status_code == 404, unit
    page = client.get("/feeds").get_data(as_text=True)
    assert f"unit-{b.ids['commune']}" not in page and not _leaks(page, b)
    assert f"unit-{a.ids['commune']}" in page


def test_the_feed_of_b_shows_b(app, provinces):
    """The control: B's own editor's feed does carry B's events."""
    _a, b = provinces
    login = b.user(Role.EDITOR)
    user_id = db.session.scalar(select(User.id).where(User.login == login))
    body = _text(app.test_client().get(f"/feeds/{user_id}/province/{_token_of(login)}.ics"))
    assert "Phóng sự đã thống nhất Kỳ Lân" in body


# --- (d) reminders and digests ------------------------------------------------------------


def test_reminders_and_digests_stay_in_their_province(app, provinces):
    a, b = provinces
    now = datetime(2023, 3, 30, 1, 0, tzinfo=UTC)  # April's deadlines are near
    planner.plan_reminders(now)
    planner.plan_digest(now)
    db.session.commit()
    users = {u.id: u for u in db.session.scalars(select(User))}
    a_ids = {uid for uid, u in users.items() if u.login.startswith(a.login)}
    rows = list(db.session.scalars(select(Reminder)))
    assert any(r.recipient_id in a_ids for r in rows), "A's people get no reminder at all"
    a_text = "\n".join(f"{r.title}\n{r.body}\n{r.url}" for r in rows if r.recipient_id in a_ids)
    assert not _leaks(a_text, b)
    b_slots = {f"/slots/{b.ids[k]}" for k in ("slot", "agreed")} | {
        f"/registrations/slots/{b.ids[k]}" for k in ("slot", "agreed")}
    assert not any(r.url in b_slots for r in rows if r.recipient_id in a_ids)
    digest = [r for r in rows if r.kind == "digest" and r.recipient_id in a_ids]
    assert digest and "Hải Âu" in digest[0].body


def test_the_monthly_scoreboard_snapshot_stays_in_its_province(app, provinces):
    """Regression: the snapshot job tallied every province into one entry that no province's
    log showed, and told every editor of the server which units of any province fell short."""
    a, b = provinces
    tasks.scoreboard_snapshot(datetime(2023, 4, 1, 1, 0, tzinfo=UTC))
    assert "đã có" in tasks.scoreboard_snapshot(datetime(2023, 4, 1, 3, 0, tzinfo=UTC))
    for mine, other in ((a, b), (b, a)):
        editor = mine.ids["user_editor"]
        told = db.session.scalars(select(Notification).where(
            Notification.user_id == editor, Notification.kind == "website")).all()
        assert len(told) == 1 and "Xã Đông " + mine.tag in told[0].body
        assert not _leaks(told[0].body, other)
        log = _client(app, mine.user(Role.EDITOR)).get("/audit").get_data(as_text=True)
        assert "Kết quả tin, bài tháng 3/2023" in log and not _leaks(log, other)


def test_an_admin_cannot_start_or_split_off_a_province(app, provinces):
    """Regression: a unit saved without a parent became a root, i.e. a new province outside
    the admin's tree (its own log, no admin); only the root itself stays without one."""
    a, _b = provinces
    client = _client(app, a.user(Role.ADMIN))
    token = csrf_token(client, "/")
    roots = set(db.session.scalars(select(Unit.id).where(Unit.province_id.is_(None))))
    for path, kind in (("/admin/units", "province"), (f"/admin/units/{a.ids['commune']}",
                                                        "commune")):
        response = client.post(path, data={"name": "Tỉnh Tách Ra", "kind": kind,
                                           "parent_id": "", "csrf_token": token})
        assert response.status_code == 422 and "Hãy chọn đơn vị cấp trên" in response.text
    renamed = client.post(f"/admin/units/{a.ids['root']}", data={
        "name": "Ủy ban MTTQ tỉnh Hải Âu mới", "kind": "province", "parent_id": "",
        "csrf_token": token})
    assert renamed.status_code == 303
    db.session.expire_all()
    assert set(db.session.scalars(select(Unit.id).where(Unit.province_id.is_(None)))) == roots
    assert db.session.get(Unit, a.ids["commune"]).province_id == a.ids["root"]


def test_an_official_code_of_the_other_province_is_refused_not_a_server_error(app, provinces):
    """Regression: the code check saw only the admin's province, so a code used in B passed
    it and the database's unique index answered with a server error."""
    a, b = provinces
    db.session.get(Unit, b.ids["commune"]).code = "99001"
    db.session.commit()
    client = _client(app, a.user(Role.ADMIN))
    response = client.post("/admin/units", data={
        "name": "Xã Mới", "kind": "commune", "parent_id": a.ids["root"], "code": "99001",
        "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 422 and "99001" in response.text
    assert not _leaks(response.text, b)


@pytest.mark.parametrize("login", ["kylan-editor", "KyLan-Editor"])
def test_a_login_of_the_other_province_cannot_be_taken(app, provinces, login):
    """Regression: the login check saw only the admin's province, so B's login (in any case)
    could be created again in A: a server error, or a second account answering B's login."""
    a, b = provinces
    client = _client(app, a.user(Role.ADMIN))
    response = client.post("/admin/users", data={
        "login": login, "name": "Người mới", "role": "editor", "unit_id": a.ids["dept"],
        "active": "on", "password": "mat-khau-123", "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 422 and "đã được dùng" in response.text
    assert not _leaks(response.text, b)
    assert len(db.session.scalars(select(User).where(User.login.ilike("kylan-editor"))).all()) == 1
