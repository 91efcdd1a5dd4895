"""Gather each role's home: a few bounded queries built on the registrations' reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from editorial.calendar.event import CalendarEvent, EventKind
from editorial.calendar.grid import Month
from editorial.dashboard import checklist
from editorial.events import sources
from editorial.plans.labels import CHANNEL_LABELS
from editorial.registrations import queries
from editorial.registrations.rules import BoardState
from editorial.website.rules import Tally
from editorial.website.services import tally, waiting_count

CHECKED = {EventKind.EVENT_NEWS_DUE, EventKind.REPORT_DEADLINE}
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
    checklist: list[tuple[Month, list[checklist.Item]]] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        """How many of the checklist's obligations are overdue (the badge)."""
        return sum(checklist.overdue_count(items) for _month, items in self.checklist)


@dataclass
class EditorHome:
    """This month's board summary, the overdue units, and what waits for Ban PT-TG."""

    board: queries.Board
    overdue_units: list[str]
    waiting: list[queries.Card]
    website_waiting: int = 0  # tin, bài waiting for Ban Biên tập
    website_short: int = 0  # district units still short of this month's quota


def officer_home(user, today: date) -> OfficerHome:
    """The officer's unit: the checklist of this month and the next, upcoming dates, unread."""
    month = Month.of(today)
    cards = queries.unit_cards(user.unit_id, today)
    mine = [c for c in cards if month.first <= c.slot.period_start <= month.last]
    others = [c for c in cards if c.slot.period_start > month.next().last
              and c.state != BoardState.DONE]  # the checklist holds this month and the next
    start, end = queries.upcoming_window(today)
    window = sources.unit_events(month.previous().first, max(end, month.next().last),
                                 user.unit_id)
    events = [e for e in window if e.kind in UPCOMING and start <= e.day <= end]
    unread_slots = queries.unread_slot_ids(user, [c.slot.id for c in cards])
    tallies = {m: tally(m.year, m.month).get(user.unit_id) for m in (month, month.next())}
    return OfficerHome(month, mine, others, events[:12], queries.unread_count(user, user.unit_id),
                       unread_slots, tallies[month] or Tally(),
                       _checklist(month, cards, window, tallies, today))


def _checklist(month: Month, cards: list[queries.Card], events: list[CalendarEvent],
               tallies: dict[Month, Tally | None], today: date
               ) -> list[tuple[Month, list[checklist.Item]]]:
    """This month's and next month's obligations; last month's still owed join this month."""
    groups: dict[Month, list[checklist.Item]] = {month: [], month.next(): []}
    for card in cards:
        own = Month.of(card.slot.period_start)
        owner = month if own.first < month.first else own
        if owner in groups and not (owner != own and card.state == BoardState.DONE):
            groups[owner].append(checklist.item_for_card(
                card, str(CHANNEL_LABELS[card.slot.column.channel]), today))
    for event in events:
        owner = Month.of(event.day)
        if event.kind == EventKind.QUOTA_DEADLINE and owner in groups:
            shown = tallies.get(owner)
            if shown is not None:  # the unit owes a quota
                groups[owner].append(checklist.item_for_quota(owner, event.day, shown, today))
        elif event.kind in CHECKED and owner in groups:
            groups[owner].append(checklist.item_for_event(event, today))
    return [(m, sorted(items, key=lambda i: (i.due, i.what))) for m, items in groups.items()]


def editor_home(today: date) -> EditorHome:
    """The month's counters, the units whose slots are overdue, the slots waiting for editors."""
    month = Month.of(today)
    board = queries.board(month, queries.BoardFilter())
    earlier = queries.board(month.previous(), queries.BoardFilter())  # still owed from last month
    overdue = sorted({f"{c.unit_label} ({c.slot.period_start.month}/{c.slot.period_start.year})"
                      for b in (earlier, board) for c in b.cards if c.state == BoardState.OVERDUE})
    short = sum(not t.met() for t in tally(today.year, today.month).values())
    return EditorHome(board, overdue, queries.waiting_for_editors(), waiting_count(), short)
