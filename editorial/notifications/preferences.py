"""Each user's reminder preferences: read as rule values, saved from the form."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from editorial.extensions import db
from editorial.notifications import rules
from editorial.notifications.models import Preference


def as_rules(row: Preference | None) -> rules.Preferences:
    """The stored row as the rules' value (defaults when there is no row)."""
    if row is None:
        return rules.Preferences()
    try:
        days = rules.parse_days(row.days_before)
    except ValueError:
        days = rules.DEFAULT_DAYS
    muted = frozenset(k for k in row.muted.split(",") if k)
    return rules.Preferences(days, muted, row.email, row.email_enabled)


def preferences_of(user_ids: Iterable[int]) -> dict[int, rules.Preferences]:
    """The preferences of those users who saved some (one query)."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = db.session.scalars(select(Preference).where(Preference.user_id.in_(ids)))
    return {row.user_id: as_rules(row) for row in rows}


def preferences_for(user_id: int) -> rules.Preferences:
    return as_rules(db.session.get(Preference, user_id))


def save_preferences(user_id: int, choice: rules.Preferences) -> None:
    """Store a user's choices (the next planning run applies them to unsent reminders)."""
    row = db.session.get(Preference, user_id) or Preference(user_id=user_id)
    row.days_before = rules.format_days(choice.days_before)
    row.muted = ",".join(sorted(choice.muted))
    row.email = choice.email or None
    row.email_enabled = choice.email_enabled
    db.session.add(row)
    db.session.flush()
