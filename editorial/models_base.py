"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Enum, TypeDecorator


class UTCDateTime(TypeDecorator):
    """An instant stored in UTC and always read back as an aware datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given for a UTC column")
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    """The current instant, aware, in UTC (the column default)."""
    return datetime.now(UTC)


def enum_column(cls: type) -> Enum:
    """A portable enum column: the member values in a VARCHAR, the same on SQLite and PostgreSQL."""
    return Enum(cls, native_enum=False, length=20, values_callable=lambda c: [m.value for m in c])
