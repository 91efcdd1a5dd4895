"""File, consent to, decide and withdraw change requests; editors' direct edits. Each step
checks who acts and the version the form was rendered with, and is written to the audit log."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from editorial import clock
from editorial.audit import services as audit
from editorial.changes import rules
from editorial.changes.forms import ChangeInput, EditInput
from editorial.changes.labels import KIND_LABELS, STATE_LABELS
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import ChangeKind, ChangeState, Step
from editorial.errors import Conflict, NotAllowed, NotFound, RuleViolation
from editorial.extensions import db
from editorial.notifications import recipients
from editorial.notifications import services as notifications
from editorial.notifications.recipients import EDITOR, UNIT
from editorial.notifications.rules import Kind
from editorial.plans.locks import lock_slots
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import SlotStatus
from editorial.plans.values import field_label
from editorial.units import settings
from editorial.units.models import Unit


def snapshot(slot: Slot) -> dict:
    """The slot values a change may touch."""
    return {"topic": slot.topic, "final_title": slot.final_title,
            "assigned_unit_id": slot.assigned_unit_id, "status": slot.status.value,
            "record_date": slot.record_date, "air_date": slot.air_date,
            "print_date": slot.print_date}


def load(request_id: int) -> ChangeRequest:
    """A request with its slots, requester and unit; NotFound when there is none."""
    query = (select(ChangeRequest).where(ChangeRequest.id == request_id)
             .options(joinedload(ChangeRequest.slot), joinedload(ChangeRequest.other_slot),
                      joinedload(ChangeRequest.requester), joinedload(ChangeRequest.unit)))
    found = db.session.scalar(query)
    if found is None:
        raise NotFound(_("Không tìm thấy yêu cầu thay đổi này."))
    return found


def _siblings(slot: Slot) -> list[Slot]:
    """The slots of the same plan, month and unit (radio–TV and newspaper move together)."""
    query = (select(Slot).join(Slot.column)
             .where(PlanColumn.plan_id == slot.column.plan_id,
                    Slot.period_start == slot.period_start,
                    Slot.assigned_unit_id == slot.assigned_unit_id)
             .order_by(Slot.column_id))
    return list(db.session.scalars(query))


def _check_changeable(slot: Slot) -> None:
    if slot.status.value in rules.NEGOTIATING:
        raise RuleViolation(_("Nội dung đang trong quá trình đăng ký, trao đổi: hãy đề xuất "
                              "thay đổi ngay trong phần trao đổi với %(focal)s.",
                              focal=settings.focal_name()))
    if slot.status.value not in rules.CHANGEABLE:
        raise RuleViolation(_("Nội dung đã thực hiện hoặc đã hủy, không thể thay đổi."))


def _check_swap(slot: Slot, other: Slot | None) -> None:
    """A swap pairs two months of the same plan, both still unregistered, of two units."""
    if other is None or other.column.plan_id != slot.column.plan_id:
        raise RuleViolation(_("Không tìm thấy tháng muốn đổi trong cùng kế hoạch."))
    if other.assigned_unit_id in (None, slot.assigned_unit_id) or slot.all_units:
        raise RuleViolation(_("Chỉ đổi tháng với một đơn vị khác."))
    for s in _siblings(slot) + _siblings(other):
        if s.status != SlotStatus.PLANNED:
            raise RuleViolation(_("Chỉ đổi tháng khi cả hai tháng chưa đăng ký."))


def _check_values(slot: Slot, data: ChangeInput) -> None:
    """The request makes sense for this slot now."""
    _check_changeable(slot)
    if data.kind == ChangeKind.MOVE_DATE and rules.date_problem(
            data.new_date, (slot.period_start, slot.period_end)):
        raise RuleViolation(_("Ngày mới phải gần kỳ của nội dung (trong vòng 45 ngày)."))
    if data.kind == ChangeKind.SWAP:
        _check_swap(slot, db.session.get(Slot, data.other_slot_id))


def file_request(user, slot: Slot, data: ChangeInput) -> ChangeRequest:
    """An officer asks to change their unit's slot."""
    if user.role.value != "officer" or slot.assigned_unit_id != user.unit_id:
        raise NotAllowed(_("Chỉ cán bộ của đơn vị phụ trách mới gửi yêu cầu thay đổi."))
    _check_values(slot, data)
    request = ChangeRequest(
        slot=slot, kind=data.kind, state=rules.initial_state(data.kind), requester=user,
        unit_id=user.unit_id, reason=data.reason, field=data.field, new_date=data.new_date,
        new_topic=data.new_topic, other_slot_id=data.other_slot_id,
        other_unit_id=_other_unit(data))
    db.session.add(request)
    db.session.flush()
    audit.record(user, "change.request", request, after=proposed(request), note=data.reason,
                 unit_id=user.unit_id)
    _tell(user, request, *_next_party(request))
    return request


def _other_unit(data: ChangeInput) -> int | None:
    if data.kind != ChangeKind.SWAP:
        return None
    return db.session.get(Slot, data.other_slot_id).assigned_unit_id


def can_see(user, request: ChangeRequest) -> bool:
    """Editors and viewers see every request; an officer, their own unit's and swaps offered
    to their unit."""
    return user.role.value != "officer" or user.unit_id in (request.unit_id,
                                                             request.other_unit_id)


def _next_party(request: ChangeRequest) -> tuple[bool, list[int | None]]:
    """Who must act next, as (editors?, units): the other unit for a swap awaiting consent,
    else the editors."""
    if request.state == ChangeState.AWAITING_CONSENT:
        return False, [request.other_unit_id]
    return True, []


def _parties(request: ChangeRequest) -> list[int | None]:
    """The requester's unit and, for a swap, the other unit: they hear the decision."""
    return [request.unit_id, request.other_unit_id]


def _officers(slot: Slot, unit_ids) -> set[int]:
    """The officers of those units (of the slot's province)."""
    return {u for unit in unit_ids if unit for u in recipients.side_users(slot, UNIT, unit)}


def _tell(actor, request: ChangeRequest, editors: bool, unit_ids: list[int | None]) -> None:
    """Put the request's new state in the notification centres (and next digest mail) of
    the focal department's editors and the units' officers, never the actor's; in Vietnamese
    whatever language the person acting reads (notifications and mail are Vietnamese)."""
    told = _officers(request.slot, unit_ids)
    if editors:
        told |= set(recipients.side_users(request.slot, EDITOR))
    with force_locale("vi"):
        title = (f"{KIND_LABELS[request.kind]} #{request.id}: {STATE_LABELS[request.state]} – "
                 f"{request.slot.title}")
        body = f"Lý do: {request.reason}"
        if request.decision_note:
            body += f"\nGhi chú của người quyết định: {request.decision_note}"
    notifications.tell(told, title, body, f"/changes/{request.id}", clock.now(), Kind.CHANGE,
                       actor.id)


def _tell_edit(actor, slot: Slot, unit_ids: set[int | None], changed: list[str]) -> None:
    """The officers of the units concerned hear of an editor's direct change of their slot."""
    month = f"{slot.period_start.month}/{slot.period_start.year}"
    with force_locale("vi"):
        fields = ", ".join(field_label(k).lower() for k in changed)
    notifications.tell(_officers(slot, sorted(i for i in unit_ids if i)),
                       f"Kế hoạch tháng {month} được điều chỉnh – {slot.title}",
                       f"{settings.focal_name()} đã sửa: {fields}.", f"/slots/{slot.id}",
                       clock.now(), Kind.CHANGE, actor.id)


def proposed(request: ChangeRequest) -> dict:
    """The slot values the request asks for."""
    if request.kind == ChangeKind.MOVE_DATE:
        return {request.field: request.new_date}
    if request.kind == ChangeKind.TOPIC:
        return {_topic_field(request.slot): request.new_topic}
    if request.kind == ChangeKind.CANCEL:
        return {"status": SlotStatus.CANCELLED.value}
    return {"assigned_unit_id": request.other_unit_id}  # as filed, not as the slot is now


def _topic_field(slot: Slot) -> str:
    """Before registration the suggested topic changes; after it, the final title."""
    return "topic" if slot.status == SlotStatus.PLANNED else "final_title"


def apply(request: ChangeRequest) -> list[tuple[Slot, dict, dict]]:
    """Change the slot(s) as approved; returns (slot, before, after) for the audit log."""
    slot = request.slot
    _check_values(slot, ChangeInput(request.kind, request.reason, request.field,
                                    request.new_date, request.new_topic, request.other_slot_id))
    if request.kind == ChangeKind.SWAP:
        _check_same_units(request)
        return _swap(slot, request.other_slot)
    before = snapshot(slot)
    for name, value in proposed(request).items():
        setattr(slot, name, SlotStatus(value) if name == "status" else value)
    return [(slot, before, snapshot(slot))]


def _check_same_units(request: ChangeRequest) -> None:
    """Both months still belong to the units that asked and consented."""
    if (request.slot.assigned_unit_id != request.unit_id
            or request.other_slot.assigned_unit_id != request.other_unit_id):
        raise RuleViolation(_("Một trong hai tháng đã được giao cho đơn vị khác sau khi gửi "
                              "yêu cầu; không thể đổi."))


def _swap(slot: Slot, other: Slot) -> list[tuple[Slot, dict, dict]]:
    """Each unit takes the other's month, in every channel; a topic belongs to its month
    (Tết Chôl Chnăm Thmây stays in April), so only the units are exchanged."""
    changes = []
    others = {s.column_id: s for s in _siblings(other)}
    for mine in _siblings(slot):
        theirs = others.get(mine.column_id)
        if theirs is None:
            continue
        before_mine, before_theirs = snapshot(mine), snapshot(theirs)
        mine.assigned_unit_id, theirs.assigned_unit_id = (theirs.assigned_unit_id,
                                                          mine.assigned_unit_id)
        changes += [(mine, before_mine, snapshot(mine)), (theirs, before_theirs,
                                                           snapshot(theirs))]
    return changes


def _actor_flags(user, request: ChangeRequest) -> dict:
    return {"is_requester": user.id == request.requester_id,
            "is_other_unit": (user.is_officer
                              and user.unit_id == request.other_unit_id),
            "is_editor": user.is_editor}


def allowed_steps(user, request: ChangeRequest) -> list[Step]:
    """The steps this user may take on the request now (for the buttons)."""
    flags = _actor_flags(user, request)
    return [s for s in Step if rules.allowed(s, request.state, **flags)]


_RESULT = {Step.CONSENT: ChangeState.PENDING, Step.DECLINE: ChangeState.REJECTED,
           Step.APPROVE: ChangeState.APPROVED, Step.REJECT: ChangeState.REJECTED,
           Step.WITHDRAW: ChangeState.WITHDRAWN}


def take_step(user, request: ChangeRequest, step: Step, version: int, note: str = "") -> None:
    """Consent, decline, approve, reject or withdraw; exactly one decision wins a race."""
    if step == Step.APPROVE:  # the slots it changes are locked before the request's row
        lock_slots(*(s.id for s in _siblings(request.slot)),
                   *(s.id for s in (_siblings(request.other_slot) if request.other_slot
                                    else [])))
    if version != request.version or request.state not in rules.OPEN:
        raise Conflict(_("Yêu cầu này vừa được người khác xử lý (trạng thái hiện tại: "
                         "%(state)s).", state=STATE_LABELS[request.state]))
    if not rules.allowed(step, request.state, **_actor_flags(user, request)):
        raise NotAllowed(_("Bạn không thể thực hiện bước này với yêu cầu này."))
    before = {"state": request.state.value}
    parties = _parties(request)
    request.state = _RESULT[step]
    if step == Step.CONSENT:
        request.consent_by_id, request.consent_at = user.id, clock.now()
    else:
        request.decided_by_id, request.decided_at = user.id, clock.now()
        request.decision_note = note
    db.session.flush()  # the version check: a second decider fails here, before the slot
    audit.record(user, f"change.{step.value}", request, before=before,
                 after={"state": request.state.value}, note=note, unit_id=request.unit_id)
    if step == Step.APPROVE:
        for slot, old, new in apply(request):
            audit.record(user, "slot.change", slot, before=old, after=new,
                         note=f"Yêu cầu thay đổi #{request.id}")
        db.session.flush()
    if step == Step.CONSENT:
        _tell(user, request, True, [request.unit_id])
    elif step == Step.WITHDRAW:
        _tell(user, request, True, parties)
    else:
        _tell(user, request, False, parties)


def direct_edit(user, slot: Slot, data: EditInput, version: int) -> None:
    """An editor changes the plan directly; recorded like an approved request."""
    if not user.is_editor:
        raise NotAllowed(_("Chỉ biên tập viên mới sửa trực tiếp kế hoạch."))
    lock_slots(slot.id)  # and read it as last committed
    if version != slot.version:
        raise Conflict(_("Nội dung này vừa được người khác cập nhật; hãy xem lại rồi lưu lại."))
    _check_changeable(slot)
    if data.assigned_unit_id is not None and db.session.get(Unit, data.assigned_unit_id) is None:
        raise RuleViolation(_("Không tìm thấy đơn vị được chọn."))
    before = snapshot(slot)
    slot.topic = data.topic
    if data.assigned_unit_id is not None:
        slot.assigned_unit_id, slot.all_units = data.assigned_unit_id, False
    for name, value in data.dates.items():
        if value is not None and rules.date_problem(value, (slot.period_start, slot.period_end)):
            raise RuleViolation(_("Ngày mới phải gần kỳ của nội dung (trong vòng 45 ngày)."))
        setattr(slot, name, value)
    db.session.flush()
    after = snapshot(slot)
    audit.record(user, "slot.edit", slot, before=before, after=after)
    changed = [k for k in after if after[k] != before.get(k)]
    if changed:
        _tell_edit(user, slot, {before["assigned_unit_id"], slot.assigned_unit_id}, changed)


def move_date(user, slot: Slot, field: str, day, version: int) -> None:
    """An editor drags a slot's date to another day of the month grid."""
    if field not in rules.DATE_FIELDS:
        raise RuleViolation(_("Không thể dời mục này."))
    dates = {f: getattr(slot, f) for f in rules.DATE_FIELDS} | {field: day}
    direct_edit(user, slot, EditInput(slot.topic, None, dates), version)


def open_count() -> int:
    """How many requests wait for an editor (the navigation badge)."""
    return db.session.scalar(select(func.count()).select_from(ChangeRequest).where(
        ChangeRequest.state == ChangeState.PENDING)) or 0


