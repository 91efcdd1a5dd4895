"""One INSERT … ON CONFLICT for both databases: concurrent writers of the same key never fail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from editorial.extensions import db

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_on_conflict(model: type, values: Mapping[str, Any] | Sequence[Mapping[str, Any]],
                       keys: Sequence[str], update: Mapping[str, Any] | None = None):
    """The INSERT of `values` into `model`'s table that, where a row with the same `keys`
    exists, sets `update` on it (column → value or SQL expression) or, without `update`,
    leaves it as it is. Both SQLite and PostgreSQL do this atomically."""
    insert = _INSERTS[db.engine.dialect.name](model.__table__).values(values)
    if update:
        return insert.on_conflict_do_update(index_elements=list(keys), set_=dict(update))
    return insert.on_conflict_do_nothing(index_elements=list(keys))
