"""The plans' event source: slots become air, print, recording and deadline events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from editorial.events.event import CalendarEvent, EventKind
from editorial.plans.models import Cadence, Channel, Slot, SlotStatus

DeadlineOf = Callable[[date, bool], date]  # (period start, weekly) → deadline

_DATED = (
    (EventKind.RECORDING, "record_date", "Ghi hình"),
    (EventKind.AIR, "air_date", "Phát sóng"),
    (EventKind.PRINT, "print_date", "Đăng báo"),
)
_CHANNEL_WORDS = {Channel.RADIO_TV: "Chuyên mục PT-TH", Channel.NEWSPAPER: "Chuyên trang Báo",
                  Channel.WEBSITE: "Trang TTĐT"}


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
              "sequence": slot.version, "last_modified": slot.updated_at,
              "description": _description(slot, channel, unit)}
    short = slot.assigned_unit.label if slot.assigned_unit and not slot.all_units else unit
    dated = False
    for kind, attr, verb in _DATED:
        day = getattr(slot, attr)
        if day is not None:
            dated = True
            yield CalendarEvent(uid=f"slot-{slot.id}-{kind.value}", kind=kind,
                                title=f"{verb}: {channel} ({short}) – {slot.title}", start=day,
                                **common)
    if not dated and slot.status == SlotStatus.PLANNED:
        due = deadline_of(slot.period_start, slot.column.cadence == Cadence.WEEKLY)
        yield CalendarEvent(uid=f"slot-{slot.id}-deadline", kind=EventKind.REGISTRATION_DEADLINE,
                            title=f"Hạn đăng ký {channel}: {unit}", start=due, **common)


def _description(slot: Slot, channel: str, unit: str) -> str:
    """The planned topic, and the title as it will really run once the unit registered it."""
    lines = [f"{channel}: {slot.topic}"]
    if slot.final_title and slot.final_title != slot.topic:
        lines.append(f"Tên chính thức: {slot.final_title}")
    return "\n".join([*lines, f"Đơn vị: {unit}"])
