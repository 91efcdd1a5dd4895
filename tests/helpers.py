"""Test helpers: the CSRF token as a browser sees it, a logged-in client, a query counter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from flask.testing import FlaskClient
from sqlalchemy import event


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page as a browser would."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html) or re.search(
        r'"X-CSRFToken": "([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Auth:
    """Log the test client in and out through the real login form."""

    def __init__(self, client: FlaskClient):
        self.client = client

    def login(self, login: str, password: str = "mttq2023"):
        token = csrf_token(self.client)
        return self.client.post("/login", data={"login": login, "password": password,
                                                "csrf_token": token})

    def post(self, path: str, data: dict | None = None, **kwargs):
        """POST with the session's CSRF token, as the page's forms do."""
        data = dict(data or {}, csrf_token=csrf_token(self.client, "/"))
        return self.client.post(path, data=data, **kwargs)




@contextmanager
def count_queries(engine) -> Iterator[list[str]]:
    """Collect the SQL statements run on `engine` inside the block."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
