"""The plans' event source: slots become air, print, recording and deadline events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from editorial.calendar.event import EVERYTHING, CalendarEvent, EventKind, Scope
from editorial.observances import services as observances
from editorial.plans import services
from editorial.plans.models import Slot
from editorial.plans.rules import Cadence, Channel, SlotStatus

DeadlineOf = Callable[[date, bool], date]  # (period start, weekly) → deadline

_DATED = (
    (EventKind.RECORDING, "record_date", "Ghi hình"),
    (EventKind.AIR, "air_date", "Phát sóng"),
    (EventKind.PRINT, "print_date", "Đăng báo"),
)
_CHANNEL_WORDS = {Channel.RADIO_TV: "Chuyên mục PT-TH", Channel.NEWSPAPER: "Chuyên trang Báo",
                  Channel.WEBSITE: "Trang TTĐT"}


def events_between(start: date, end: date, scope: Scope = EVERYTHING) -> list[CalendarEvent]:
    """The dated things of the slots of [start, end] (of one unit's calendar when scoped)."""
    slots = services.slots_between(start, end, scope.unit_id)
    deadline_of = observances.slot_deadline_function()
    return list(slot_events(slots, deadline_of, services.slot_unit_name, start, end))


def slot_events(slots: Iterable[Slot], deadline_of: DeadlineOf, unit_label: Callable[[Slot], str],
                start: date, end: date) -> Iterator[CalendarEvent]:
    """Every event of the slots that falls in [start, end]."""
    for slot in slots:
        for event in _events_of(slot, deadline_of, unit_label(slot)):
            if start <= event.day <= end:
                yield event


def _events_of(slot: Slot, deadline_of: DeadlineOf, unit: str) -> Iterator[CalendarEvent]:
    """The dated things of one slot: its agreed dates, or its registration deadline."""
    channel = _CHANNEL_WORDS[slot.column.channel]
    common = {"unit_id": slot.assigned_unit_id, "url": f"/slots/{slot.id}",
              "channel": slot.column.channel.value,
              "sequence": slot.version, "last_modified": slot.updated_at,
              "description": _description(slot, channel, unit)}
    short = slot.assigned_unit.label if slot.assigned_unit else unit
    dated = False
    for kind, attr, verb in _DATED:
        day = getattr(slot, attr)
        if day is not None:
            dated = True
            yield CalendarEvent(uid=f"slot-{slot.id}-{kind.value}", kind=kind,
                                title=f"{verb}: {channel} ({short}) – {slot.title}", start=day,
                                **common)
    if not dated and slot.status == SlotStatus.PLANNED:
        weekly = slot.column.cadence == Cadence.WEEKLY
        due = deadline_of(slot.period_start, weekly)
        yield CalendarEvent(uid=f"slot-{slot.id}-deadline", kind=EventKind.REGISTRATION_DEADLINE,
                            title=f"Hạn đăng ký {channel}: {unit}", start=due,
                            subject=f"slot:{slot.id}", duty=_duty(slot, weekly, channel, short),
                            **common)


def _duty(slot: Slot, weekly: bool, channel: str, unit: str) -> str:
    """What the unit's officers are reminded to do before the deadline."""
    start = slot.period_start
    period = f"tuần {start:%d/%m/%Y}" if weekly else f"tháng {start.month}/{start.year}"
    return f"đăng ký chủ đề {period} – {channel} – {unit}"


def _description(slot: Slot, channel: str, unit: str) -> str:
    """The planned topic, and the title as it will really run once the unit registered it."""
    lines = [f"{channel}: {slot.topic}"]
    if slot.final_title and slot.final_title != slot.topic:
        lines.append(f"Tên chính thức: {slot.final_title}")
    return "\n".join([*lines, f"Đơn vị: {unit}"])
