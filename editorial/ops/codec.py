"""Pure helpers of the backup format: one database value ↔ one JSON value, and the order rows
of a self-referencing table must be inserted in (no Flask, no database)."""

from __future__ import annotations

import base64
import math
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

# A value JSON cannot carry as itself becomes a one-key object {"$tag": text}; JSON columns are
# wrapped too ({"$json": …}), so an object in the archive is always a tag, never data.
_TAGS = ("$datetime", "$date", "$time", "$bytes", "$decimal", "$uuid", "$seconds", "$float",
         "$json")


def encode(value: Any) -> Any:
    """The JSON form of a value read from the database; aware instants are written in UTC."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, timedelta):
        return {"$seconds": repr(value.total_seconds())}
    if isinstance(value, dict | list):
        return {"$json": value}
    raise TypeError(f"cannot back up a value of type {type(value).__name__}")


def decode(value: Any) -> Any:
    """The Python value of a JSON form written by `encode`."""
    if not isinstance(value, dict):
        return value
    if len(value) != 1 or next(iter(value)) not in _TAGS:
        raise ValueError(f"not a backup value: {value!r}")
    tag, text = next(iter(value.items()))
    if tag == "$json":
        return text
    return _DECODERS[tag](text)


_DECODERS = {
    "$datetime": datetime.fromisoformat,
    "$date": date.fromisoformat,
    "$time": time.fromisoformat,
    "$bytes": lambda text: base64.b64decode(text.encode("ascii"), validate=True),
    "$decimal": Decimal,
    "$uuid": uuid.UUID,
    "$seconds": lambda text: timedelta(seconds=float(text)),
    "$float": float,
}


def encode_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row (column → value) in its JSON form."""
    return {name: encode(value) for name, value in row.items()}


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row read back from its JSON form."""
    return {name: decode(value) for name, value in row.items()}


def parents_first(rows: Sequence[dict[str, Any]], key: str,
                  references: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of a table that points at itself, each after the rows it references (a unit
    after its parent and province), so a database checking foreign keys at once accepts them.
    Rows caught in a cycle keep their order at the end (the database then says no)."""
    references = tuple(references)
    if not references:
        return list(rows)
    present = {row[key] for row in rows}
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    waiting = list(rows)
    while waiting:
        ready = [row for row in waiting if all(
            row[ref] is None or row[ref] == row[key] or row[ref] in placed
            or row[ref] not in present for ref in references)]
        if not ready:
            return ordered + waiting
        ordered += ready
        placed.update(row[key] for row in ready)
        ready_ids = {id(row) for row in ready}
        waiting = [row for row in waiting if id(row) not in ready_ids]
    return ordered
