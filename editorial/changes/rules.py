"""Pure rules of change requests: kinds, states, who may act when, and the before → after."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class ChangeKind(enum.StrEnum):
    MOVE_DATE = "move_date"  # move the recording, air or print date
    TOPIC = "topic"  # change the topic (the final title once registered)
    SWAP = "swap"  # swap the month with another unit's slot
    CANCEL = "cancel"


class ChangeState(enum.StrEnum):
    AWAITING_CONSENT = "awaiting_consent"  # a swap waits for the other unit
    PENDING = "pending"  # waits for an editor
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


OPEN = (ChangeState.AWAITING_CONSENT, ChangeState.PENDING)
DATE_FIELDS = ("record_date", "air_date", "print_date")
# Slot statuses on which a change may be requested: planned or agreed. While a registration
# is being negotiated the thread is where values change (an agreement there would otherwise
# overwrite an approved change); done and cancelled slots are history.
CHANGEABLE = ("planned", "agreed")
NEGOTIATING = ("registered", "negotiating")


class Step(enum.StrEnum):
    CONSENT = "consent"
    DECLINE = "decline"
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"


def allowed(step: Step, state: ChangeState, *, is_requester: bool, is_other_unit: bool,
            is_editor: bool) -> bool:
    """Whether this person may take this step on a request in this state."""
    if state not in OPEN:
        return False
    if step == Step.WITHDRAW:
        return is_requester
    if step in (Step.CONSENT, Step.DECLINE):
        return state == ChangeState.AWAITING_CONSENT and is_other_unit
    return state == ChangeState.PENDING and is_editor  # approve, reject


def initial_state(kind: ChangeKind) -> ChangeState:
    """A swap first needs the other unit's consent; everything else goes to the editors."""
    return ChangeState.AWAITING_CONSENT if kind == ChangeKind.SWAP else ChangeState.PENDING


@dataclass(frozen=True)
class Diff:
    """One changed value, for the before → after display."""

    field: str
    before: str
    after: str


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def diff(before: dict, after: dict) -> list[Diff]:
    """The fields whose value differs, in the order of `after`."""
    return [Diff(k, _text(before.get(k)), _text(v)) for k, v in after.items()
            if _text(before.get(k)) != _text(v)]


def date_problem(day: date, period: tuple[date, date], slack_days: int = 45) -> bool:
    """True when a new date falls too far from the slot's period (the registration rule)."""
    from datetime import timedelta

    return not period[0] - timedelta(days=slack_days) <= day <= period[1] + timedelta(
        days=slack_days)
