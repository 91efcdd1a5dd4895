"""The negotiation's pure rules: deadlines, board states, turns, sides, staff rows."""

from datetime import date

import pytest

from editorial.registrations import rules
from editorial.registrations.rules import Action, BoardState, Proposed, Refusal


def test_days_left_and_lateness():
    assert rules.days_left(date(2023, 3, 3), date(2023, 3, 15)) == -12
    assert rules.days_left(date(2023, 4, 5), date(2023, 4, 5)) == 0
    assert not rules.is_late(date(2023, 4, 5), date(2023, 4, 5))
    assert rules.is_late(date(2023, 4, 6), date(2023, 4, 5))


@pytest.mark.parametrize(("status", "today", "state"), [
    ("planned", date(2023, 4, 5), BoardState.UNREGISTERED),
    ("planned", date(2023, 4, 6), BoardState.OVERDUE),
    ("registered", date(2023, 4, 30), BoardState.REGISTERED),
    ("negotiating", date(2023, 4, 6), BoardState.NEGOTIATING),
    ("agreed", date(2023, 4, 6), BoardState.AGREED),
    ("done", date(2023, 4, 6), BoardState.DONE),
    ("cancelled", date(2023, 4, 6), None),
])
def test_board_state(status, today, state):
    assert rules.board_state(status, date(2023, 4, 5), today) == state


@pytest.mark.parametrize(("role", "unit", "registers", "slot_unit", "all_units", "side"), [
    ("editor", 1, False, 7, False, "editor"),
    ("admin", 1, False, 7, False, "editor"),
    ("officer", 7, True, 7, False, "unit"),
    ("officer", 8, True, 7, False, None),
    ("officer", 8, True, 7, True, None),  # month 12: another unit's part of "all units"
    ("officer", 7, True, 7, True, "unit"),  # … and its own part
    ("officer", 8, True, None, True, "unit"),  # a shared slot of old: units that register
    ("officer", 2, False, None, True, None),  # … not a kind that does not register
    ("viewer", 7, True, 7, False, None),
])
def test_side_for(role, unit, registers, slot_unit, all_units, side):
    assert rules.side_for(role, unit, registers, slot_unit, all_units) == side


@pytest.mark.parametrize(("action", "status", "side", "waiting", "refused"), [
    (Action.REGISTER, "planned", "unit", None, None),
    (Action.REGISTER, "registered", "unit", "editor", None),  # resubmit while waiting
    (Action.REGISTER, "planned", "editor", None, Refusal.NOT_UNIT),
    (Action.REGISTER, "negotiating", "unit", "unit", Refusal.NOT_YOUR_TURN),
    (Action.COUNTER, "planned", "editor", None, Refusal.NOT_REGISTERED),
    (Action.COUNTER, "registered", "editor", "editor", None),
    (Action.COUNTER, "registered", "unit", "editor", Refusal.NOT_YOUR_TURN),
    (Action.AGREE, "negotiating", "unit", "unit", None),
    (Action.AGREE, "negotiating", "editor", "unit", Refusal.NOT_YOUR_TURN),
    (Action.AGREE, "agreed", "editor", None, Refusal.LOCKED),
    (Action.COUNTER, "done", "unit", None, Refusal.LOCKED),
    (Action.DONE, "negotiating", "unit", "unit", Refusal.NOT_AGREED),
    (Action.DONE, "agreed", "unit", None, None),
    (Action.DONE, "done", "editor", None, Refusal.LOCKED),
    (Action.MESSAGE, "agreed", "unit", None, None),
    (Action.MESSAGE, "cancelled", "editor", None, Refusal.CANCELLED),
])
def test_refusal(action, status, side, waiting, refused):
    assert rules.refusal(action, status, side, waiting) == refused


def test_proposal_problems_by_channel():
    bare = Proposed(title=" ")
    assert rules.proposal_problems(bare, "radio_tv", False) == []  # a draft may be empty
    assert rules.proposal_problems(bare, "radio_tv", True) == ["title", "air_date"]
    assert rules.proposal_problems(bare, "newspaper", True) == ["title", "print_date"]
    backwards = Proposed("T", record_date=date(2023, 4, 9), air_date=date(2023, 4, 8))
    assert rules.proposal_problems(backwards, "radio_tv", True) == ["record_after_air"]


def test_staff_rows_drop_blanks_and_refuse_a_role_without_a_name():
    rows, ok = rules.staff_rows(["  An ", "", "Bình"], ["Biên tập", "", ""])
    assert ok and rows == [{"name": "An", "role": "Biên tập"}, {"name": "Bình", "role": ""}]
    assert rules.staff_rows([""], ["Quay phim"]) == ([], False)


def test_dates_must_stay_near_the_slots_period():
    april = (date(2023, 4, 1), date(2023, 4, 30))
    near = Proposed("T", record_date=date(2023, 3, 20), air_date=date(2023, 5, 10))
    assert rules.proposal_problems(near, "radio_tv", True, april) == []
    a_year_off = Proposed("T", air_date=date(2022, 4, 14))
    assert rules.proposal_problems(a_year_off, "radio_tv", True, april) == ["far_from_period"]
