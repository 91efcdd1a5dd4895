"""What the board, the unit's list and the home pages read: a few queries, however many slots."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from editorial import clock
from editorial.calendar.grid import Month
from editorial.extensions import db
from editorial.observances.services import slot_deadline_function
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, PlanStatus, SlotStatus
from editorial.plans.services import slot_unit_label
from editorial.registrations import rules
from editorial.registrations.models import Message, Registration, ThreadRead
from editorial.registrations.rules import Side


@dataclass(frozen=True)
class Card:
    """One slot as the board and the lists show it."""

    slot: Slot
    registration: Registration | None
    state: rules.BoardState
    deadline: date
    days_left: int
    unit_label: str

    @property
    def title(self) -> str:
        """The title as the unit registered it, else the slot's (agreed title or topic)."""
        return (self.registration.final_title if self.registration else "") or self.slot.title

    @property
    def waiting_on(self) -> Side | None:
        return self.registration.waiting_on if self.registration else None


@dataclass(frozen=True)
class BoardFilter:
    """The board's filters: a state, a unit, a channel; unknown values are ignored."""

    state: rules.BoardState | None = None
    unit_id: int | None = None
    channel: Channel | None = None

    @classmethod
    def parse(cls, args) -> BoardFilter:
        state, unit, channel = args.get("state", ""), args.get("unit", ""), args.get("channel", "")
        return cls(state=rules.BoardState(state) if state in rules.BoardState._value2member_map_
                   else None, unit_id=int(unit) if unit.isdecimal() else None,
                   channel=Channel(channel) if channel in Channel._value2member_map_ else None)

    def query(self, **changes) -> dict:
        """The filters as query-string arguments, with `changes` applied."""
        args = {"state": self.state and self.state.value, "unit": self.unit_id,
                "channel": self.channel and self.channel.value}
        args.update(changes)
        return {k: v for k, v in args.items() if v}


@dataclass
class Board:
    month: Month
    cards: list[Card]
    counters: Counter = field(default_factory=Counter)
    total: int = 0


def _cards_query():
    """Live slots with column, plan, unit and registration: one SELECT."""
    return (select(Slot, Registration)
            .join(Slot.column).join(PlanColumn.plan)
            .outerjoin(Registration, Registration.slot_id == Slot.id)
            .options(contains_eager(Slot.column).contains_eager(PlanColumn.plan),
                     joinedload(Slot.assigned_unit), joinedload(Registration.unit))
            .where(Slot.status != SlotStatus.CANCELLED, Plan.status == PlanStatus.ACTIVE)
            .order_by(Slot.period_start, PlanColumn.position, Slot.id))


def _for_unit(query, unit_id: int | None):
    if unit_id is None:
        return query
    return query.where(or_(Slot.assigned_unit_id == unit_id, Slot.all_units.is_(True)))


def _cards(query, today: date) -> list[Card]:
    deadline_of = slot_deadline_function()
    cards = []
    for slot, registration in db.session.execute(query).unique():
        weekly = slot.column.cadence == Cadence.WEEKLY
        due = deadline_of(slot.period_start, weekly)
        state = rules.board_state(slot.status.value, due, today)
        cards.append(Card(slot, registration, state, due, rules.days_left(due, today),
                          slot_unit_label(slot)))
    return cards


def board(month: Month, filters: BoardFilter) -> Board:
    """Every slot of the month, counted per state, then narrowed to the state asked for."""
    query = _for_unit(_cards_query().where(Slot.period_start.between(month.first, month.last)),
                      filters.unit_id)
    if filters.channel is not None:
        query = query.where(PlanColumn.channel == filters.channel)
    cards = _cards(query, clock.today())
    counters = Counter(card.state for card in cards)
    shown = [c for c in cards if filters.state is None or c.state == filters.state]
    return Board(month, shown, counters, len(cards))


def unit_cards(unit_id: int, today: date, months_ahead: int = 2) -> list[Card]:
    """The unit's open slots, from last month to `months_ahead` months ahead (into next
    year's plan once it is active)."""
    start = Month.of(today).previous().first
    end = Month.of(today)
    for _step in range(months_ahead):
        end = end.next()
    end = end.last
    query = _for_unit(_cards_query().where(
        Slot.period_start.between(start, end),
        Slot.status.not_in([SlotStatus.DONE, SlotStatus.CANCELLED])), unit_id)
    return _cards(query, today)


def waiting_for_editors(limit: int = 50) -> list[Card]:
    """Slots whose unit registered or countered and waits for Ban PT-TG."""
    query = _cards_query().where(Registration.waiting_on == Side.EDITOR).limit(limit)
    return _cards(query, clock.today())


def unread_count(user, unit_id: int) -> int:
    """Thread entries by others, on the unit's slots, that the user has not seen."""
    seen = func.coalesce(ThreadRead.last_message_id, 0)
    query = (select(func.count(Message.id))
             .join(Slot, Slot.id == Message.slot_id)
             .outerjoin(ThreadRead, (ThreadRead.slot_id == Message.slot_id)
                        & (ThreadRead.user_id == user.id))
             .where(Message.author_id != user.id, Message.id > seen,
                    or_(Slot.assigned_unit_id == unit_id, Slot.all_units.is_(True))))
    return db.session.scalar(query) or 0


def unread_slot_ids(user, slot_ids: list[int]) -> set[int]:
    """Which of the slots have entries the user has not seen."""
    if not slot_ids:
        return set()
    seen = func.coalesce(ThreadRead.last_message_id, 0)
    query = (select(Message.slot_id).distinct()
             .outerjoin(ThreadRead, (ThreadRead.slot_id == Message.slot_id)
                        & (ThreadRead.user_id == user.id))
             .where(Message.slot_id.in_(slot_ids), Message.author_id != user.id,
                    Message.id > seen))
    return set(db.session.scalars(query))


def upcoming_window(today: date) -> tuple[date, date]:
    """The days the home page lists upcoming dates for."""
    return today, today + timedelta(days=30)
