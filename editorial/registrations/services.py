"""The negotiation's actions: register, counter, agree, message, mark done; each audited."""

from __future__ import annotations

import json
from dataclasses import replace

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from editorial import clock
from editorial.audit import services as audit
from editorial.errors import Conflict, NotAllowed, NotFound, RuleViolation
from editorial.extensions import db
from editorial.observances.services import slot_deadline_function
from editorial.plans.labels import STATUS_LABELS
from editorial.plans.locks import lock_slots
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, SlotStatus
from editorial.registrations import notices, rules
from editorial.registrations.forms import DoneInput, ProposalInput, RegistrationInput
from editorial.registrations.models import Message, Registration, ThreadRead
from editorial.registrations.rules import MessageKind, Side
from editorial.text import search_key
from editorial.units import settings


def load_slot(slot_id: int, lock: bool = False) -> Slot:
    """A slot with its column, plan and unit; NotFound when there is none. With `lock`, for a
    change: the slot's row is locked first and read as last committed."""
    if lock:
        lock_slots(slot_id)
    query = (select(Slot).where(Slot.id == slot_id)
             .options(joinedload(Slot.column).joinedload(PlanColumn.plan),
                      joinedload(Slot.assigned_unit)))
    slot = db.session.scalar(query)
    if slot is None:
        raise NotFound(_("Không tìm thấy nội dung này."))
    return slot


def registration_of(slot: Slot) -> Registration | None:
    return db.session.scalar(select(Registration).where(Registration.slot_id == slot.id))


def thread(slot_id: int) -> list[Message]:
    """The slot's thread, oldest first, with authors and units loaded."""
    query = (select(Message).where(Message.slot_id == slot_id)
             .options(joinedload(Message.author), joinedload(Message.unit))
             .order_by(Message.created_at, Message.id))
    return list(db.session.scalars(query))


def deadline(slot: Slot):
    """The slot's registration deadline, from the month's rule."""
    weekly = slot.column.cadence == Cadence.WEEKLY
    return slot_deadline_function()(slot.period_start, weekly)


def side_of(user, slot: Slot) -> Side | None:
    """The party the user acts for on this slot, or None (read only)."""
    registers = settings.duties(user.unit.root_id).registers(user.unit.kind)
    side = rules.side_for(user.role.value, user.unit_id, registers, slot.assigned_unit_id,
                          slot.all_units)
    return Side(side) if side else None


def require_side(user, slot: Slot) -> Side:
    """The party the user acts for, or NotAllowed (403) for a read-only user."""
    side = side_of(user, slot)
    if side is None:
        if user.is_officer:
            raise NotAllowed(_("Nội dung này do đơn vị khác phụ trách; bạn chỉ có thể xem."))
        raise NotAllowed(_("Tài khoản của bạn chỉ có quyền xem."))
    return side


def _refusal_text(reason: rules.Refusal) -> str:
    return {
        rules.Refusal.CANCELLED: _("Nội dung này đã bị hủy."),
        rules.Refusal.LOCKED: _("Nội dung đã thống nhất và đã khóa; muốn thay đổi, hãy gửi yêu "
                                "cầu thay đổi."),
        rules.Refusal.NOT_UNIT: _("Chỉ đơn vị phụ trách mới đăng ký nội dung này."),
        rules.Refusal.NOT_REGISTERED: _("Đơn vị chưa gửi đăng ký cho nội dung này."),
        rules.Refusal.NOT_YOUR_TURN: _("Đang chờ bên kia trả lời đề xuất hiện tại."),
        rules.Refusal.NOT_AGREED: _("Chỉ đánh dấu đã thực hiện sau khi hai bên đã thống nhất."),
    }[reason]


def _check(user, slot: Slot, action: rules.Action, version: int | None) -> Side:
    """Who acts, after checking permission, the slot's version and the rules."""
    side = require_side(user, slot)
    if version is not None and version != slot.version:
        raise Conflict(_("Nội dung này vừa được người khác cập nhật (trạng thái hiện tại: "
                         "%(state)s). Những gì bạn nhập vẫn còn trong biểu mẫu; hãy xem lại "
                         "rồi gửi lại nếu vẫn cần.", state=STATUS_LABELS[slot.status]))
    registration = registration_of(slot)
    waiting = registration.waiting_on.value if registration and registration.waiting_on else None
    reason = rules.refusal(action, slot.status.value, side.value, waiting)
    if reason is not None:
        raise RuleViolation(_refusal_text(reason))
    return side


def _problems_text(problems: list[str]) -> str:
    texts = {"title": _("Vui lòng nhập tên chính thức của nội dung."),
             "air_date": _("Vui lòng đề xuất ngày phát sóng."),
             "print_date": _("Vui lòng đề xuất ngày đăng báo."),
             "record_after_air": _("Ngày ghi hình phải trước hoặc trùng ngày phát sóng."),
             "far_from_period": _("Các ngày đề xuất phải gần kỳ của nội dung (trong vòng 45 "
                                  "ngày trước hoặc sau).")}
    return " ".join(texts[p] for p in problems)


def _snapshot(slot: Slot) -> dict:
    return {"status": slot.status.value, "final_title": slot.final_title,
            "record_date": slot.record_date, "air_date": slot.air_date,
            "print_date": slot.print_date}


def _post(user, slot: Slot, side: Side, kind: MessageKind, body: str = "",
          proposed: rules.Proposed | None = None) -> Message:
    message = Message(slot_id=slot.id, author_id=user.id, unit_id=user.unit_id, side=side,
                      kind=kind, body=body)
    if proposed is not None:
        message.title = proposed.title
        message.record_date, message.air_date = proposed.record_date, proposed.air_date
        message.print_date = proposed.print_date
    db.session.add(message)
    slot.updated_at = clock.now()  # every entry bumps the slot's version
    return message


def sibling_of(slot: Slot) -> Slot | None:
    """The same month's slot of the plan's other channel for the same unit, if unregistered."""
    query = (select(Slot).join(Slot.column)
             .where(PlanColumn.plan_id == slot.column.plan_id, Slot.id != slot.id,
                    Slot.period_start == slot.period_start,
                    Slot.assigned_unit_id.is_(slot.assigned_unit_id)
                    if slot.assigned_unit_id is None
                    else Slot.assigned_unit_id == slot.assigned_unit_id,
                    Slot.all_units.is_(slot.all_units), Slot.status == SlotStatus.PLANNED)
             .order_by(PlanColumn.position).limit(1))
    return db.session.scalar(query)


def register(user, slot: Slot, data: RegistrationInput) -> Registration:
    """Save the unit's registration as a draft, or submit it (late after the deadline); with
    `also_sibling`, the same month's other channel gets the same registration."""
    sibling = sibling_of(slot) if data.also_sibling else None
    typed = data.proposed  # both channels' dates, each slot keeps its own
    reg = _register_one(user, slot, replace(
        data, proposed=rules.for_channel(typed, slot.column.channel.value)))
    if sibling is not None:
        _register_one(user, sibling, replace(
            data, version=sibling.version,
            proposed=rules.for_channel(typed, sibling.column.channel.value)))
    return reg


def _register_one(user, slot: Slot, data: RegistrationInput) -> Registration:
    side = _check(user, slot, rules.Action.REGISTER, data.version)
    problems = rules.proposal_problems(data.proposed, slot.column.channel.value, data.submit,
                                       (slot.period_start, slot.period_end))
    if problems:
        raise RuleViolation(_problems_text(problems))
    reg = registration_of(slot) or Registration(slot_id=slot.id, unit_id=user.unit_id)
    if reg.submitted and not data.submit:
        raise RuleViolation(_("Đăng ký đã gửi; hãy bấm “Gửi lại đăng ký” để cập nhật."))
    _fill(reg, user, data)
    db.session.add(reg)
    if not data.submit:
        slot.updated_at = clock.now()
        audit.record(user, "registration.save_draft", slot, after={"title": reg.final_title})
        return reg
    first = not reg.submitted
    if first:
        reg.submitted_at = clock.now()
        reg.late = rules.is_late(clock.today(), deadline(slot))
    before = _snapshot(slot)
    slot.status, reg.waiting_on = SlotStatus.REGISTERED, Side.EDITOR
    _post(user, slot, side, MessageKind.PROPOSAL, reg.notes, data.proposed)
    audit.record(user, "registration.submit", slot, before=before,
                 after={"status": slot.status.value, **_values(reg)},
                 note="" if first else "resubmitted")
    if first and reg.late:
        audit.record(user, "registration.late", slot, after={"deadline": deadline(slot)})
    notices.tell_other(user, slot, side, MessageKind.PROPOSAL, reg.notes, resubmitted=not first,
                       late=first and reg.late)
    return reg


def _fill(reg: Registration, user, data: RegistrationInput) -> None:
    reg.final_title, reg.outline, reg.notes = data.proposed.title, data.outline, data.notes
    reg.record_date, reg.air_date = data.proposed.record_date, data.proposed.air_date
    reg.print_date = data.proposed.print_date
    reg.staff_json = json.dumps(data.staff, ensure_ascii=False)
    reg.staff_folded = search_key(" ".join(f"{p['name']} {p['role']}" for p in data.staff))
    reg.updated_by_id = user.id


def _values(reg: Registration) -> dict:
    return {"title": reg.final_title, "record_date": reg.record_date, "air_date": reg.air_date,
            "print_date": reg.print_date, "staff": reg.staff, "late": reg.late}


def counter(user, slot: Slot, data: ProposalInput) -> Message:
    """Propose other values; the other side's turn."""
    side = _check(user, slot, rules.Action.COUNTER, data.version)
    problems = rules.proposal_problems(data.proposed, slot.column.channel.value, True,
                                       (slot.period_start, slot.period_end))
    if problems:
        raise RuleViolation(_problems_text(problems))
    reg = registration_of(slot)
    slot.status, reg.waiting_on = SlotStatus.NEGOTIATING, Side(rules.other(side.value))
    message = _post(user, slot, side, MessageKind.COUNTER, data.body, data.proposed)
    notices.tell_other(user, slot, side, MessageKind.COUNTER, data.body,
                       unit_id=_unit_of(slot, reg))
    audit.record(user, "registration.counter", slot, after={
        "side": side.value, "title": data.proposed.title, "record_date": data.proposed.record_date,
        "air_date": data.proposed.air_date, "print_date": data.proposed.print_date})
    return message


def standing_proposal(slot_id: int) -> Message | None:
    """The proposal on the table: the thread's latest proposal or counter."""
    query = (select(Message).where(Message.slot_id == slot_id,
                                   Message.kind.in_([MessageKind.PROPOSAL, MessageKind.COUNTER]))
             .order_by(Message.id.desc()).limit(1))
    return db.session.scalar(query)


def agree(user, slot: Slot, version: int) -> None:
    """Accept the standing proposal: its values become the slot's, and the slot is locked."""
    side = _check(user, slot, rules.Action.AGREE, version)
    proposal = standing_proposal(slot.id)
    before = _snapshot(slot)
    slot.final_title = proposal.title or slot.topic
    slot.record_date, slot.air_date = proposal.record_date, proposal.air_date
    slot.print_date, slot.status = proposal.print_date, SlotStatus.AGREED
    reg = registration_of(slot)
    reg.waiting_on = None
    _post(user, slot, side, MessageKind.AGREE)
    notices.tell_other(user, slot, side, MessageKind.AGREE, unit_id=_unit_of(slot, reg))
    audit.record(user, "registration.agree", slot, before=before, after=_snapshot(slot))


def post_message(user, slot: Slot, body: str) -> Message:
    """A plain message in the thread (no version needed: it changes no value)."""
    side = _check(user, slot, rules.Action.MESSAGE, None)
    message = _post(user, slot, side, MessageKind.MESSAGE, body)
    notices.tell_other(user, slot, side, MessageKind.MESSAGE, body,
                       unit_id=_unit_of(slot, registration_of(slot)))
    return message


def mark_done(user, slot: Slot, data: DoneInput) -> None:
    """The slot ran: its actual air or print date, and a link or note."""
    side = _check(user, slot, rules.Action.DONE, data.version)
    _check_done_day(slot, data.day)
    before = _snapshot(slot)
    if slot.column.channel == Channel.NEWSPAPER:
        slot.print_date = data.day
    else:
        slot.air_date = data.day
    slot.status, slot.done_note = SlotStatus.DONE, data.note
    _post(user, slot, side, MessageKind.DONE, data.note)
    notices.tell_other(user, slot, side, MessageKind.DONE, data.note,
                       unit_id=_unit_of(slot, registration_of(slot)))
    audit.record(user, "registration.done", slot, before=before, after=_snapshot(slot))


def _unit_of(slot: Slot, reg: Registration | None) -> int | None:
    """The unit side's unit: the slot's own, or for a shared slot the one that registered."""
    if slot.assigned_unit_id is not None or reg is None:
        return slot.assigned_unit_id
    return reg.unit_id


def _check_done_day(slot: Slot, day) -> None:
    """A slot runs on a day already past (or today), not long before its month."""
    today = clock.today()
    problem = rules.done_problem(day, today, (slot.period_start, slot.period_end))
    if problem == "future":
        raise RuleViolation(_("Ngày thực hiện %(day)s chưa đến (hôm nay là %(today)s): chỉ "
                              "đánh dấu đã thực hiện sau khi đã phát sóng hoặc đăng báo.",
                              day=day.strftime("%d/%m/%Y"), today=today.strftime("%d/%m/%Y")))
    if problem == "before_period":
        raise RuleViolation(_("Ngày thực hiện %(day)s quá sớm so với kỳ của nội dung (tháng "
                              "%(month)s): không được trước kỳ quá 45 ngày.",
                              day=day.strftime("%d/%m/%Y"),
                              month=f"{slot.period_start.month}/{slot.period_start.year}"))


def mark_read(user, slot_id: int, messages: list[Message]) -> None:
    """Remember the last entry the user saw on the slot."""
    if not messages:
        return
    read = db.session.get(ThreadRead, (user.id, slot_id))
    if read is None:
        try:  # two tabs opening the thread at once: the second finds the first one's row
            with db.session.begin_nested():
                read = ThreadRead(user_id=user.id, slot_id=slot_id, last_message_id=0)
                db.session.add(read)
        except IntegrityError:
            read = db.session.get(ThreadRead, (user.id, slot_id))
    read.last_message_id = max(read.last_message_id, messages[-1].id)
