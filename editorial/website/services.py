"""Announce events, submit tin, bài, decide on them (each audited, officers told of decisions);
the monthly tally against the quota, the year's scoreboard, the news due after events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import extract, func, or_, select
from sqlalchemy.orm import joinedload

from editorial import clock
from editorial.audit import services as audit
from editorial.auth import services as users
from editorial.calendar.dates import VN_TZ, dmy
from editorial.errors import Conflict, NotAllowed, RuleViolation
from editorial.extensions import db
from editorial.notifications import services as notifications
from editorial.notifications.rules import Kind
from editorial.observances.services import work_calendar
from editorial.text import fold
from editorial.units import settings
from editorial.units.models import Unit
from editorial.units.services import picked_unit
from editorial.website import rules
from editorial.website.forms import ItemInput
from editorial.website.labels import KIND_LABELS, STATUS_LABELS
from editorial.website.models import WebEvent, WebItem
from editorial.website.rules import ItemStatus, Tally

# How far before a window an event may lie and still fall due in it (Tết holidays included).
DUE_REACH = timedelta(days=31)


@dataclass(frozen=True)
class ScoreRow:
    """One unit's line of the scoreboard: twelve monthly tallies and the months met."""

    unit: Unit
    months: tuple[Tally, ...]
    met: int


def check_can_send(user) -> None:
    """Officers send for their unit and editors for any; viewers only read."""
    if not (user.is_editor or user.is_officer):
        raise NotAllowed(_("Chỉ cán bộ của đơn vị mới gửi tin, bài của đơn vị mình."))


def check_can_decide(user) -> None:
    """Only Ban Biên tập (editors, admins) publish or reject."""
    if not user.is_editor:
        raise NotAllowed(_("Chỉ Ban Biên tập mới duyệt tin, bài."))


def acting_unit(user, unit_id: int | None) -> int:
    """The unit a user acts for: an officer their own, an editor the one chosen."""
    check_can_send(user)
    if user.is_editor:
        if unit_id is None:
            raise RuleViolation(_("Hãy chọn đơn vị."))
        unit = picked_unit(unit_id)
        if not settings.duties(unit.root_id).owes_quota(unit.kind):
            raise RuleViolation(_("Chỉ gửi tin, bài thay cho đơn vị có chỉ tiêu tin, bài."))
        return unit.id
    if unit_id not in (None, user.unit_id):
        raise NotAllowed(_("Chỉ cán bộ của đơn vị mới gửi tin, bài của đơn vị mình."))
    return user.unit_id


def announce_event(user, title: str, event_date: date, unit_id: int | None = None) -> WebEvent:
    """A unit announces an event it will send news about (an editor may do it for a unit);
    the same event (its day, its title up to case and diacritics) is announced once."""
    unit_id = acting_unit(user, unit_id)
    same_day = db.session.scalars(select(WebEvent.title).where(
        WebEvent.unit_id == unit_id, WebEvent.event_date == event_date))
    if any(fold(other) == fold(title) for other in same_day):
        raise RuleViolation(_("Sự kiện “%(title)s” ngày %(day)s đã được báo rồi.",
                              title=title, day=dmy(event_date)))
    event = WebEvent(unit_id=unit_id, title=title, event_date=event_date,
                     created_by_id=user.id)
    db.session.add(event)
    db.session.flush()
    audit.record(user, "website.event", event, after={"title": title, "event_date": event_date},
                 unit_id=event.unit_id)
    return event


def _linked_event(event_id: int | None, unit_id: int) -> int | None:
    """The event an item reports on must be one of the same unit's."""
    if event_id is None:
        return None
    event = db.session.get(WebEvent, event_id)
    if event is None or event.unit_id != unit_id:
        raise RuleViolation(_("Sự kiện đã chọn không phải của đơn vị này."))
    if db.session.scalar(select(_covered().where(WebEvent.id == event.id))):
        raise RuleViolation(_("Sự kiện “%(title)s” đã có tin gửi Ban Biên tập.",
                              title=event.title))
    return event.id


def _covered():
    """Whether an event already has a submitted or published item about it."""
    return select(WebItem.id).where(WebItem.event_id == WebEvent.id,
                                    WebItem.status.in_(rules.LIVE)).exists()


def withdraw_event(user, event: WebEvent) -> None:
    """Remove an announced event; items already sent about it stay, no longer linked."""
    acting_unit(user, event.unit_id)  # the unit's officers, or an editor
    values = {"title": event.title, "event_date": event.event_date.isoformat()}
    for item in db.session.scalars(select(WebItem).where(WebItem.event_id == event.id)):
        item.event_id = None
    db.session.flush()
    audit.record(user, "website.withdraw_event", ("web_events", event.id), before=values,
                 unit_id=event.unit_id)
    db.session.delete(event)
    db.session.flush()


def item_values(item: WebItem) -> dict:
    """What the audit log keeps of an item."""
    return {"kind": item.kind.value, "title": item.title, "status": item.status.value,
            "event_id": item.event_id, "published_on": item.published_on, "note": item.note}


def submit_item(user, data: ItemInput) -> WebItem:
    """A unit's officer (or an editor on its behalf) sends a tin or bài to Ban Biên tập."""
    unit_id = acting_unit(user, data.unit_id)
    item = WebItem(unit_id=unit_id, author_id=user.id, kind=data.kind, title=data.title,
                   summary=data.summary, link=data.link, submitted_at=clock.now(),
                   event_id=_linked_event(data.event_id, unit_id), status=ItemStatus.SUBMITTED)
    db.session.add(item)
    db.session.flush()
    audit.record(user, "website.submit", item, after=item_values(item), unit_id=unit_id)
    return item


def decide(user, item: WebItem, publish: bool, published_on: date | None, note: str,
           version: int) -> None:
    """Ban Biên tập publishes an item (on a day) or rejects it; one decision wins a race."""
    check_can_decide(user)
    if version != item.version or item.status != ItemStatus.SUBMITTED:
        raise Conflict(_("Tin, bài này vừa được người khác xử lý (trạng thái hiện tại: "
                         "%(state)s).", state=STATUS_LABELS[item.status]))
    if publish and published_on is None:
        raise RuleViolation(_("Vui lòng chọn ngày đăng."))
    today = clock.today()
    sent_on = min(item.submitted_at.astimezone(VN_TZ).date(), today)
    if publish and not sent_on <= published_on <= today:  # it ran after it was sent
        raise RuleViolation(_("Ngày đăng phải từ ngày gửi (%(sent)s) đến hôm nay.",
                              sent=dmy(sent_on)))
    before = item_values(item)
    item.status = ItemStatus.PUBLISHED if publish else ItemStatus.REJECTED
    item.published_on = published_on if publish else None
    item.note, item.decided_by_id, item.decided_at = note, user.id, clock.now()
    db.session.flush()  # the version check: a second decider fails here
    audit.record(user, "website.publish" if publish else "website.reject", item, before=before,
                 after=item_values(item), note=note, unit_id=item.unit_id)
    _tell(item)


def _tell(item: WebItem) -> None:
    """The unit's officers hear the decision, in Vietnamese (notifications and mail are)."""
    with force_locale("vi"):
        kind = str(KIND_LABELS[item.kind])
    if item.status == ItemStatus.PUBLISHED:
        title = f"{kind} đã được đăng ngày {dmy(item.published_on)}: {item.title}"
    else:
        title = f"{kind} không được đăng: {item.title}"
    body = f"Ghi chú của Ban Biên tập: {item.note}" if item.note else ""
    notifications.notify(users.officer_ids(item.unit_id), title, body, "/website", clock.now(),
                         kind=Kind.WEBSITE)


def _published_between(start: date, end: date):
    """The condition of items that ran on the website in [start, end)."""
    return (WebItem.status == ItemStatus.PUBLISHED, WebItem.published_on >= start,
            WebItem.published_on < end)


def tally(year: int, month: int) -> dict[int, Tally]:
    """Each unit's published tin and bài of the month against its quota (zeros for none)."""
    start, end = rules.month_bounds(year, month)
    counts = {unit.id: Tally(quota=quota) for unit, quota in settings.quota_units(year)}
    rows = db.session.execute(select(WebItem.unit_id, WebItem.kind, func.count())
                              .where(*_published_between(start, end))
                              .group_by(WebItem.unit_id, WebItem.kind))
    for unit_id, kind, count in rows:
        if unit_id in counts:
            counts[unit_id] = counts[unit_id].add(kind, count)
    return counts


def scoreboard(year: int) -> list[ScoreRow]:
    """Every unit's twelve monthly tallies against its quota and months met, in a few
    queries."""
    owing = settings.quota_units(year)
    units = [unit for unit, _quota in owing]
    months = {unit.id: [Tally(quota=quota)] * 12 for unit, quota in owing}
    month = extract("month", WebItem.published_on)
    rows = db.session.execute(
        select(WebItem.unit_id, month, WebItem.kind, func.count())
        .where(*_published_between(date(year, 1, 1), date(year + 1, 1, 1)))
        .group_by(WebItem.unit_id, month, WebItem.kind))
    for unit_id, number, kind, count in rows:
        if unit_id in months:
            months[unit_id][int(number) - 1] = months[unit_id][int(number) - 1].add(kind, count)
    return [ScoreRow(unit, tuple(months[unit.id]), rules.months_met(months[unit.id]))
            for unit in units]


def news_due_between(start: date, end: date,
                     unit_id: int | None = None) -> list[tuple[WebEvent, date]]:
    """Announced events still without a (submitted or published) item, whose news falls due
    in [start, end], earliest first."""
    query = (select(WebEvent).options(joinedload(WebEvent.unit))
             .where(~_covered(), WebEvent.event_date.between(start - DUE_REACH, end))
             .order_by(WebEvent.event_date, WebEvent.id))
    if unit_id is not None:
        query = query.where(WebEvent.unit_id == unit_id)
    cal = work_calendar()
    pairs = [(event, rules.news_due(event.event_date, cal)) for event in
             db.session.scalars(query)]
    return [(event, due) for event, due in pairs if start <= due <= end]


def _month_start_instant(start: date) -> datetime:
    return datetime.combine(start, time(), tzinfo=VN_TZ)


def month_items(unit_id: int, year: int, month: int) -> list[WebItem]:
    """A unit's items sent or published in the month, and any still waiting; newest first."""
    start, end = rules.month_bounds(year, month)
    query = (select(WebItem).options(joinedload(WebItem.event))
             .where(WebItem.unit_id == unit_id,
                    or_(WebItem.status == ItemStatus.SUBMITTED,
                        WebItem.published_on.between(start, end - timedelta(days=1)),
                        WebItem.submitted_at.between(_month_start_instant(start),
                                                     _month_start_instant(end))))
             .order_by(WebItem.submitted_at.desc(), WebItem.id.desc()))
    return list(db.session.scalars(query))


def waiting_count() -> int:
    """How many items wait for Ban Biên tập's decision (the editors' home)."""
    return db.session.scalar(select(func.count()).select_from(WebItem).where(
        WebItem.status == ItemStatus.SUBMITTED)) or 0


def waiting_items() -> list[WebItem]:
    """Every unit's items waiting for Ban Biên tập's decision, oldest first."""
    query = (select(WebItem).where(WebItem.status == ItemStatus.SUBMITTED)
             .options(joinedload(WebItem.unit), joinedload(WebItem.author),
                      joinedload(WebItem.event))
             .order_by(WebItem.submitted_at, WebItem.id))
    return list(db.session.scalars(query))


def recent_events(unit_id: int | None, since: date) -> list[WebEvent]:
    """Events since a day (of one unit, or all) still without news, to link an item to."""
    query = (select(WebEvent).options(joinedload(WebEvent.unit))
             .where(WebEvent.event_date >= since, ~_covered())
             .order_by(WebEvent.event_date.desc(), WebEvent.id.desc()))
    if unit_id is not None:
        query = query.where(WebEvent.unit_id == unit_id)
    return list(db.session.scalars(query))


def late_item_ids(items: list[WebItem]) -> set[int]:
    """The items about an event that reached Ban Biên tập after their news was due."""
    cal = work_calendar()
    return {item.id for item in items if item.event is not None and rules.is_late(
        item.submitted_at.astimezone(VN_TZ).date(), rules.news_due(item.event.event_date, cal))}
