"""Pure rules of the negotiation: deadlines, board states, whose turn it is, staff rows.

No Flask, no SQLAlchemy, no clock: "today" and the month's deadline rule are parameters.
Statuses and sides are their string values, so the ORM enums compare equal to them.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

UNIT, EDITOR = "unit", "editor"


class BoardState(enum.StrEnum):
    """What the board shows of a slot; "overdue" is derived, never stored."""

    UNREGISTERED = "unregistered"  # chưa đăng ký
    REGISTERED = "registered"  # đã đăng ký
    NEGOTIATING = "negotiating"  # đang trao đổi
    AGREED = "agreed"  # đã thống nhất
    OVERDUE = "overdue"  # quá hạn
    DONE = "done"  # đã thực hiện


class Action(enum.StrEnum):
    REGISTER = "register"  # save a draft or submit the registration
    COUNTER = "counter"
    AGREE = "agree"
    MESSAGE = "message"
    DONE = "done"


class Refusal(enum.StrEnum):
    """Why an action is refused; the service turns each into a Vietnamese message."""

    CANCELLED = "cancelled"
    LOCKED = "locked"
    NOT_UNIT = "not_unit"
    NOT_REGISTERED = "not_registered"
    NOT_YOUR_TURN = "not_your_turn"
    NOT_AGREED = "not_agreed"


def days_left(deadline: date, today: date) -> int:
    """Days until the deadline: 0 on the day, negative once past."""
    return (deadline - today).days


def is_late(day: date, deadline: date) -> bool:
    """A registration is late when submitted after the deadline's day."""
    return day > deadline


def board_state(status: str, deadline: date, today: date) -> BoardState | None:
    """The board's state of a slot; None for a cancelled slot (not on the board)."""
    if status == "cancelled":
        return None
    if status == "planned":
        return BoardState.OVERDUE if today > deadline else BoardState.UNREGISTERED
    return BoardState(status)


def side_for(role: str, user_unit_id: int, user_registers: bool,
             slot_unit_id: int | None, all_units: bool) -> str | None:
    """Which party a user acts for on a slot, or None when they may only read it. An officer
    acts for their own unit's slot only: an "all units" month is one slot per unit, so no unit
    can answer for another. A shared slot without a unit (none is made any more) is open to
    the units of a kind that registers."""
    if role in ("editor", "admin"):
        return EDITOR
    if role != "officer":
        return None
    if user_unit_id == slot_unit_id or (slot_unit_id is None and all_units and user_registers):
        return UNIT
    return None


def refusal(action: Action, status: str, side: str, waiting_on: str | None) -> Refusal | None:
    """Why `side` may not do `action` on a slot in `status`, or None when it may."""
    if status == "cancelled":
        return Refusal.CANCELLED
    if action == Action.MESSAGE:
        return None
    if action == Action.DONE:
        return None if status == "agreed" else (
            Refusal.LOCKED if status == "done" else Refusal.NOT_AGREED)
    if status in ("agreed", "done"):
        return Refusal.LOCKED
    if action == Action.REGISTER:
        if side != UNIT:
            return Refusal.NOT_UNIT
        return None if status in ("planned", "registered") else Refusal.NOT_YOUR_TURN
    if status == "planned":
        return Refusal.NOT_REGISTERED
    return None if waiting_on == side else Refusal.NOT_YOUR_TURN


def other(side: str) -> str:
    return EDITOR if side == UNIT else UNIT


@dataclass(frozen=True)
class Proposed:
    """The values a proposal puts on the table."""

    title: str
    record_date: date | None = None
    air_date: date | None = None
    print_date: date | None = None


def for_channel(values: Proposed, channel: str) -> Proposed:
    """Only the dates a channel has: radio–TV records and airs, a newspaper prints."""
    if channel == "radio_tv":
        return Proposed(values.title, values.record_date, values.air_date, None)
    if channel == "newspaper":
        return Proposed(values.title, None, None, values.print_date)
    return values


SLACK = timedelta(days=45)  # how far outside its period a slot's dates may fall


def proposal_problems(values: Proposed, channel: str, complete: bool,
                      period: tuple[date, date] | None = None) -> list[str]:
    """What is wrong with proposed values; `complete` demands what a submission needs."""
    problems = []
    days = [d for d in (values.record_date, values.air_date, values.print_date) if d]
    if period and any(not period[0] - SLACK <= d <= period[1] + SLACK for d in days):
        problems.append("far_from_period")
    if complete and not values.title.strip():
        problems.append("title")
    if complete and channel == "radio_tv" and values.air_date is None:
        problems.append("air_date")
    if complete and channel == "newspaper" and values.print_date is None:
        problems.append("print_date")
    if values.record_date and values.air_date and values.record_date > values.air_date:
        problems.append("record_after_air")
    return problems


def done_problem(day: date, today: date, period: tuple[date, date]) -> str | None:
    """What is wrong with the day a slot is said to have run: it cannot be after today, nor
    further before the slot's period than any of its dates may be (the 45 days of SLACK)."""
    if day > today:
        return "future"
    if day < period[0] - SLACK:
        return "before_period"
    return None


def staff_rows(names: Sequence[str], roles: Sequence[str]) -> tuple[list[dict[str, str]], bool]:
    """The staff rows typed in the form, blank rows dropped; False when a role has no name."""
    rows, ok = [], True
    for i, name in enumerate(names):
        role = roles[i].strip() if i < len(roles) else ""
        name = name.strip()
        if name:
            rows.append({"name": name[:120], "role": role[:120]})
        elif role:
            ok = False
    return rows, ok


class Side(enum.StrEnum):
    """The two parties of the negotiation."""

    UNIT = "unit"  # the district unit's officers
    EDITOR = "editor"  # Ban PT-TG


class MessageKind(enum.StrEnum):
    MESSAGE = "message"  # a plain message
    PROPOSAL = "proposal"  # the unit submits (or resubmits) its registration
    COUNTER = "counter"  # either side proposes other values
    AGREE = "agree"  # the standing proposal is accepted: agreed, locked
    DONE = "done"  # the slot ran
