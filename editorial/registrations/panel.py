"""A slot's negotiation panel: its state, registration, thread, and the forms the viewer may use.

Each form is filled from the current values, or, after a refused submission (409/422), from
exactly what the user typed, so nothing typed is ever lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from werkzeug.datastructures import MultiDict

from editorial import clock
from editorial.plans.models import Slot
from editorial.plans.rules import Channel
from editorial.registrations import rules, services
from editorial.registrations.models import Message, Registration
from editorial.registrations.rules import Side

BLANK_STAFF_ROWS = 2


@dataclass
class Panel:
    """Everything the panel template shows."""

    slot: Slot
    registration: Registration | None
    messages: list[Message]
    side: Side | None
    state: rules.BoardState | None
    deadline: date
    days_left: int
    allowed: set[str] = field(default_factory=set)
    forms: dict[str, MultiDict] = field(default_factory=dict)
    standing: Message | None = None
    error: str = ""
    error_action: str = ""
    sibling: Slot | None = None  # the month's other channel, to register with this one
    notice: str = ""  # what the last save did ("Đã lưu nháp …")
    today: date | None = None  # the latest day a slot can be marked done


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _values(title: str, record: date | None, air: date | None, printed: date | None) -> list:
    return [("title", title), ("record_date", _iso(record)), ("air_date", _iso(air)),
            ("print_date", _iso(printed))]


def _register_form(slot: Slot, reg: Registration | None) -> MultiDict:
    if reg is None:
        return MultiDict(_values(slot.topic, None, None, None)
                         + [("staff_name", "")] * BLANK_STAFF_ROWS)
    rows = _values(reg.final_title, reg.record_date, reg.air_date, reg.print_date)
    rows += [("outline", reg.outline), ("notes", reg.notes)]
    for person in reg.staff + [{"name": "", "role": ""}] * BLANK_STAFF_ROWS:
        rows += [("staff_name", person["name"]), ("staff_role", person["role"])]
    return MultiDict(rows)


def _forms(slot: Slot, reg: Registration | None, standing: Message | None) -> dict:
    counter = (_values(standing.title or "", standing.record_date, standing.air_date,
                       standing.print_date) if standing else [])
    done_day = slot.print_date if slot.column.channel == Channel.NEWSPAPER else slot.air_date
    return {"register": _register_form(slot, reg), "counter": MultiDict(counter),
            "message": MultiDict(), "done": MultiDict([("done_date", _iso(done_day))])}


def _allowed(slot: Slot, reg: Registration | None, side: Side | None) -> set[str]:
    if side is None:
        return set()
    waiting = reg.waiting_on.value if reg and reg.waiting_on else None
    return {action.value for action in rules.Action
            if rules.refusal(action, slot.status.value, side.value, waiting) is None}


def build(user, slot: Slot, typed: MultiDict | None = None, action: str = "",
          error: str = "") -> Panel:
    """The panel of `slot` for `user`; `typed` refills the form of `action` after an error."""
    reg = services.registration_of(slot)
    messages = services.thread(slot.id)
    proposals = [m for m in messages if m.is_proposal]
    standing = proposals[-1] if proposals else None
    side = services.side_of(user, slot)
    due, today = services.deadline(slot), clock.today()
    forms = _forms(slot, reg, standing)
    if typed is not None and action in forms:
        forms[action] = typed
    allowed = _allowed(slot, reg, side)
    sibling = services.sibling_of(slot) if "register" in allowed else None
    return Panel(slot, reg, messages, side, rules.board_state(slot.status.value, due, today),
                 due, rules.days_left(due, today), allowed, forms, standing, error, action,
                 sibling, today=today)
