"""The one "try the change, commit, or roll back and show the form again" of every form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Response, redirect
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from editorial.errors import Conflict, RuleViolation
from editorial.extensions import db

T = TypeVar("T")
STALE = _l("Nội dung này vừa được người khác cập nhật. Hãy xem lại rồi gửi lại.")
# PostgreSQL's deadlock and serialization failures: somebody else's write won; try again.
_RETRYABLE = {"40P01", "40001"}


def attempt(change: Callable[[], T], done: str | Callable[[T], Response],
            again: Callable[[str, int], Response], stale: str | None = None) -> Response:
    """Run `change` and commit once, then answer `done` (a URL to see, or a function of the
    change's result). A refusal (422), a stale version or a lost race (409) rolls back and
    answers `again(message, status)`: the page redrawn as it now is, with what was typed."""
    try:
        result = change()
        db.session.commit()
    except (RuleViolation, Conflict) as error:
        return _again(again, str(error), error.status)
    except StaleDataError:
        return _again(again, stale or str(STALE), 409)
    except DBAPIError as error:
        if _sqlstate(error) not in _RETRYABLE:
            raise
        return _again(again, stale or str(STALE), 409)
    return redirect(done, code=303) if isinstance(done, str) else done(result)


def _again(again: Callable[[str, int], Response], message: str, status: int) -> Response:
    """Roll back, then the page again with the reason, answered with `status`."""
    db.session.rollback()
    response = again(message, status)
    response.status_code = status
    return response


def _sqlstate(error: DBAPIError) -> str | None:
    """The SQLSTATE of a driver error (psycopg), None for other databases."""
    return getattr(error.orig, "sqlstate", None)
