"""Gather each role's home: a few bounded queries built on the registrations' reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from editorial.calendar.event import CalendarEvent, EventKind
from editorial.calendar.grid import Month
from editorial.events import sources
from editorial.registrations import queries
from editorial.registrations.rules import BoardState
from editorial.website.rules import Tally
from editorial.website.services import tally, waiting_count

UPCOMING = {EventKind.REGISTRATION_DEADLINE, EventKind.RECORDING, EventKind.AIR, EventKind.PRINT,
            EventKind.EVENT_NEWS_DUE, EventKind.QUOTA_DEADLINE, EventKind.REPORT_DEADLINE}


@dataclass
class OfficerHome:
    """What the officer's unit owes: this month's slots, other open ones, dates, unread."""

    month: Month
    this_month: list[queries.Card]
    other_open: list[queries.Card]
    upcoming: list[CalendarEvent]
    unread: int
    unread_slots: set[int] = field(default_factory=set)
    website: Tally = field(default_factory=Tally)  # this month's published tin, bài


@dataclass
class EditorHome:
    """This month's board summary, the overdue units, and what waits for Ban PT-TG."""

    board: queries.Board
    overdue_units: list[str]
    waiting: list[queries.Card]
    website_waiting: int = 0  # tin, bài waiting for Ban Biên tập
    website_short: int = 0  # district units still short of this month's quota


def officer_home(user, today: date) -> OfficerHome:
    """The officer's unit: slots of this month first, then the rest still open."""
    month = Month.of(today)
    cards = queries.unit_cards(user.unit_id, today)
    mine = [c for c in cards if month.first <= c.slot.period_start <= month.last]
    others = [c for c in cards if c not in mine and c.state != BoardState.DONE]
    start, end = queries.upcoming_window(today)
    events = [e for e in sources.unit_events(start, end, user.unit_id) if e.kind in UPCOMING]
    unread_slots = queries.unread_slot_ids(user, [c.slot.id for c in cards])
    website = tally(today.year, today.month).get(user.unit_id, Tally())
    return OfficerHome(month, mine, others, events[:12], queries.unread_count(user, user.unit_id),
                       unread_slots, website)


def editor_home(today: date) -> EditorHome:
    """The month's counters, the units whose slots are overdue, the slots waiting for editors."""
    month = Month.of(today)
    board = queries.board(month, queries.BoardFilter())
    earlier = queries.board(month.previous(), queries.BoardFilter())  # still owed from last month
    overdue = sorted({f"{c.unit_label} ({c.slot.period_start.month}/{c.slot.period_start.year})"
                      for b in (earlier, board) for c in b.cards if c.state == BoardState.OVERDUE})
    short = sum(not t.met() for t in tally(today.year, today.month).values())
    return EditorHome(board, overdue, queries.waiting_for_editors(), waiting_count(), short)
