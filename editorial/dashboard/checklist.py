"""The officer's checklist: what the unit owes this month and the next (registrations, the
website quota, news of announced events, reports), each with its state and the one next action.

`item_for_card` and `item_for_event` are pure: they turn what the reads found into lines."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

from flask_babel import lazy_gettext as _l

from editorial.calendar.event import CalendarEvent, EventKind
from editorial.calendar.grid import Month
from editorial.registrations.queries import Card
from editorial.registrations.rules import BoardState, Side
from editorial.website.rules import Tally


class Standing(enum.StrEnum):
    """Where an obligation stands for the unit."""

    TODO = "todo"  # the unit must act, the deadline is ahead
    OVERDUE = "overdue"  # the unit must act, the deadline has passed
    WAITING = "waiting"  # the other side (Ban PT-TG, Ban Biên tập) must act
    PASSED = "passed"  # a deadline gone by whose hand-in the app does not see (reports)
    DONE = "done"


STANDING_LABELS = {Standing.TODO: _l("Cần làm"), Standing.OVERDUE: _l("Quá hạn"),
                   Standing.WAITING: _l("Chờ bên kia"), Standing.PASSED: _l("Đã qua hạn"),
                   Standing.DONE: _l("Xong")}


@dataclass(frozen=True)
class Item:
    """One line of the checklist."""

    what: str  # the obligation, in words
    due: date
    standing: Standing
    action: str  # the one next action, in words
    url: str
    detail: str = ""
    slot_id: int | None = None  # a slot's line: its thread may have unread entries


def item_for_card(card: Card, channel: str, today: date) -> Item:
    """A slot the unit holds: register it, answer the editor, wait, run it, or nothing."""
    return replace(_card_item(card, channel, today), slot_id=card.slot.id)


def _card_item(card: Card, channel: str, today: date) -> Item:
    slot, state = card.slot, card.state
    url = f"/registrations/slots/{slot.id}"
    what = f"{channel}: {card.title}"
    if state in (BoardState.UNREGISTERED, BoardState.OVERDUE):
        standing = Standing.OVERDUE if state == BoardState.OVERDUE else Standing.TODO
        return Item(what, card.deadline, standing, str(_l("Đăng ký")), url)
    if state == BoardState.DONE:
        return Item(what, card.deadline, Standing.DONE, str(_l("Đã thực hiện")), url)
    if state == BoardState.AGREED:
        ran = [d for d in (slot.air_date, slot.print_date) if d is not None]
        if ran and max(ran) < today:
            return Item(what, max(ran), Standing.TODO, str(_l("Đánh dấu đã thực hiện")), url)
        return Item(what, min(ran) if ran else card.deadline, Standing.WAITING,
                    str(_l("Chuẩn bị theo lịch đã thống nhất")), url)
    if card.waiting_on == Side.UNIT:
        return Item(what, card.deadline, Standing.TODO, str(_l("Trả lời Ban PT-TG")), url)
    return Item(what, card.deadline, Standing.WAITING, str(_l("Chờ Ban PT-TG trả lời")), url)


def item_for_quota(month: Month, due: date, tally: Tally, today: date) -> Item:
    """The month's website quota: met, still to send, or missed."""
    what = str(_l("Tin, bài Trang TTĐT tháng %(m)s/%(y)s", m=month.month, y=month.year))
    detail = str(_l("Tin: %(n)s/%(q)s · Bài: %(a)s/%(qa)s", n=tally.news, q=tally.quota.news,
                    a=tally.articles, qa=tally.quota.articles))
    if tally.met():
        return Item(what, due, Standing.DONE, str(_l("Đạt chỉ tiêu")), "/website", detail)
    standing = Standing.OVERDUE if due < today else Standing.TODO
    return Item(what, due, standing, str(_l("Gửi tin, bài")), "/website", detail)


def item_for_event(event: CalendarEvent, today: date) -> Item:
    """A dated duty from the calendar: news of an event, or a report."""
    standing = Standing.OVERDUE if event.day < today else Standing.TODO
    if event.kind == EventKind.EVENT_NEWS_DUE:
        return Item(event.title, event.day, standing, str(_l("Gửi tin sự kiện")), "/website")
    # Reports are handed in outside the app for now: a passed deadline is shown, not counted.
    return Item(event.title, event.day, Standing.PASSED if event.day < today else Standing.TODO,
                str(_l("Nộp báo cáo")), event.url or "")


def overdue_count(items: list[Item]) -> int:
    return sum(item.standing == Standing.OVERDUE for item in items)
