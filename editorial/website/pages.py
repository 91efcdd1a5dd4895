"""What the website page shows a user: their unit's month against the quota, the events
waiting for news, and for Ban Biên tập the items waiting for a decision."""

from __future__ import annotations

from datetime import date, timedelta

from editorial.calendar.reports import Quota
from editorial.units import settings
from editorial.website import labels, services
from editorial.website.rules import QUOTA, Tally

LOOK_BACK, LOOK_AHEAD = timedelta(days=30), timedelta(days=60)


def _own_unit(user) -> int | None:
    """The unit an officer works for; None for those who act for or read every unit."""
    return user.unit_id if user.is_officer else None


def _quota_of(user) -> Quota:
    """The quota the user's kind of unit owes (the province's usual one for editors)."""
    table = settings.duties(user.unit.root_id)
    own = table.quota_of(user.unit.kind) if user.is_officer else None
    return own or next(iter(table.quotas.values()), QUOTA)


def overview(user, today: date) -> dict:
    """The context of /website for `user` on `today`."""
    unit_id = _own_unit(user)
    month_tally = services.tally(today.year, today.month)
    items = services.month_items(unit_id, today.year, today.month) if unit_id else []
    waiting = services.waiting_items() if user.reads_all else []
    return {
        "today": today, "quota": _quota_of(user), "unit_id": unit_id, "items": items,
        "mine": month_tally.get(unit_id, Tally(quota=_quota_of(user))), "waiting": waiting,
        "board": [(u, month_tally[u.id]) for u, _q in settings.quota_units(today.year)]
        if user.reads_all else [],
        "late": services.late_item_ids(items + waiting),
        "due": services.news_due_between(today - LOOK_BACK, today + LOOK_AHEAD, unit_id),
        "events": services.recent_events(unit_id, today - LOOK_BACK),
        "kind_labels": labels.KIND_LABELS, "status_labels": labels.STATUS_LABELS,
    }
