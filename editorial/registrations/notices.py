"""What each step of the negotiation tells the other side: a notification linking to the
thread, and a line of their next digest mail. In Vietnamese whatever language the actor
reads, like every notification and mail."""

from __future__ import annotations

from editorial.notifications import services as notifications
from editorial.notifications.rules import Kind
from editorial.plans.models import Slot
from editorial.plans.rules import Cadence
from editorial.registrations import rules
from editorial.registrations.rules import MessageKind, Side
from editorial.units import settings

HEADS = {
    MessageKind.PROPOSAL: "{who} đã gửi đăng ký",
    MessageKind.COUNTER: "{who} đề xuất khác",
    MessageKind.AGREE: "{who} đồng ý – đã thống nhất",
    MessageKind.MESSAGE: "{who} nhắn về",
    MessageKind.DONE: "{who} báo đã thực hiện",
}
RESUBMITTED = "{who} đã gửi lại đăng ký"


def thread_url(slot: Slot) -> str:
    return f"/registrations/slots/{slot.id}"


def period_of(slot: Slot) -> str:
    """"tháng 4/2023", or "tuần 03/04/2023" for a weekly column."""
    start = slot.period_start
    if slot.column.cadence == Cadence.WEEKLY:
        return f"tuần {start:%d/%m/%Y}"
    return f"tháng {start.month}/{start.year}"


def title_of(slot: Slot, kind: MessageKind, who: str, resubmitted: bool = False) -> str:
    head = (RESUBMITTED if resubmitted else HEADS[kind]).format(who=who)
    return f"{head}: {slot.column.name} {period_of(slot)} – {slot.title}"


def tell_other(user, slot: Slot, side: Side, kind: MessageKind, body: str = "",
               resubmitted: bool = False, late: bool = False, unit_id: int | None = None) -> int:
    """Tell the other side of the slot (now their turn) what `user`, acting for `side`, did;
    `unit_id` is the registering unit of a shared slot that has none of its own."""
    who = user.unit.label if side == Side.UNIT else settings.focal_name(user.unit.root_id)
    title = title_of(slot, kind, who, resubmitted)
    if late:
        title += " (đăng ký muộn)"
    return notifications.notify_side(slot, rules.other(side.value), Kind.NEGOTIATION, title,
                                     thread_url(slot), user, body=body[:1000], unit_id=unit_id)
