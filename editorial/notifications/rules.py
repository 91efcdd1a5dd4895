"""Who is reminded of what, and when: pure rules (no Flask, no database, no clock)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

SEND_AT = time(7, 30)  # reminders go out at 07:30, Vietnam's time
OVERDUE_DAYS_SHOWN = 7  # an overdue notice still makes sense a week later, not after
MAX_DAYS_BEFORE = 30
MAX_ATTEMPTS = 5
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Kind(enum.StrEnum):
    """What a reminder is about; users mute them by kind."""

    REGISTRATION = "registration"  # register the month's topic (unit officers)
    OVERDUE = "overdue"  # a unit missed the registration deadline (editors)
    REPORT = "report"  # a report is due (unit officers)
    QUOTA = "quota"  # the month's website news and articles are due (unit officers)
    EVENT_NEWS = "event_news"  # news of an announced event is due (unit officers)
    WEBSITE = "website"  # an item published or rejected; the month's scoreboard
    DIGEST = "digest"  # the editors' morning digest
    CHANGE = "change"  # a change request to consent to, decide, or its decision
    NEGOTIATION = "negotiation"  # a registration, counter-proposal, agreement, message, done


PLANNED_KINDS = (Kind.REGISTRATION, Kind.OVERDUE, Kind.REPORT, Kind.QUOTA, Kind.EVENT_NEWS)
DEFAULT_DAYS = (3, 1)


@dataclass(frozen=True, slots=True)
class Preferences:
    """A user's choices; users who never opened the page get these defaults."""

    days_before: tuple[int, ...] = DEFAULT_DAYS
    muted: frozenset[str] = frozenset()
    email: str | None = None
    email_enabled: bool = True

    def wants(self, kind: str) -> bool:
        return kind not in self.muted

    @property
    def mails(self) -> bool:
        """True when reminders should also go out by e-mail."""
        return self.email_enabled and bool(self.email)


def parse_days(text: str) -> tuple[int, ...]:
    """"3, 1" → (3, 1): distinct whole days 1–30, largest first; ValueError otherwise."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts or len(parts) > 5 or not all(p.isdecimal() for p in parts):
        raise ValueError(text)
    days = sorted({int(p) for p in parts}, reverse=True)
    if days[-1] < 1 or days[0] > MAX_DAYS_BEFORE:
        raise ValueError(text)
    return tuple(days)


def format_days(days: Iterable[int]) -> str:
    return ",".join(str(d) for d in days)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated duty: who must act (recipients) and who hears when it is missed (watchers)."""

    kind: Kind
    subject: str
    due: date
    what: str  # "đăng ký chủ đề tháng 4/2023 – Chuyên mục PT-TH"
    detail: str
    url: str
    recipients: tuple[int, ...]
    watchers: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Planned:
    """A reminder row as it should be."""

    kind: str
    subject: str
    recipient_id: int
    offset_days: int
    deadline: date
    due_at: datetime
    expires_at: datetime
    title: str
    body: str
    url: str

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.kind, self.subject, self.recipient_id, self.offset_days)


def at_local(day: date, tz: tzinfo, when: time = SEND_AT) -> datetime:
    """That day at `when` in `tz`, as an aware datetime."""
    return datetime.combine(day, when, tzinfo=tz)


def plan(deadlines: Iterable[Deadline], prefs: Mapping[int, Preferences],
         tz: tzinfo) -> Iterator[Planned]:
    """Every reminder the deadlines call for, given each user's preferences."""
    default = Preferences()
    for d in deadlines:
        end_of_day = at_local(d.due + timedelta(days=1), tz, time(0))
        for user in d.recipients:
            choice = prefs.get(user, default)
            if not choice.wants(d.kind):
                continue
            for offset in (*(-n for n in choice.days_before), 0):
                yield _planned(d, user, offset, tz, end_of_day)
        for user in d.watchers:
            if prefs.get(user, default).wants(Kind.OVERDUE):
                expires = end_of_day + timedelta(days=OVERDUE_DAYS_SHOWN)
                yield _planned(d, user, 1, tz, expires, Kind.OVERDUE)


def _planned(d: Deadline, user: int, offset: int, tz: tzinfo, expires: datetime,
             kind: Kind | None = None) -> Planned:
    title = f"Hạn {d.what}" if kind is None else f"Quá hạn {d.what}"
    return Planned(str(kind or d.kind), d.subject, user, offset, d.due,
                   at_local(d.due + timedelta(days=offset), tz), expires, title, d.detail, d.url)


def headline(title: str, deadline: date, today: date, kind: str) -> str:
    """The title as sent, with the countdown computed at sending time (never stale)."""
    if kind == Kind.DIGEST:
        return title
    left = (deadline - today).days
    if left > 0:
        return f"Còn {left} ngày – {title} ({deadline:%d/%m/%Y})"
    if left == 0:
        return f"Hôm nay – {title} ({deadline:%d/%m/%Y})"
    return f"{title} ({deadline:%d/%m/%Y})"


@dataclass(frozen=True, slots=True)
class Due:
    """What the sweep needs to know about a due reminder row."""

    id: int
    key: tuple[str, str, int, int]
    due_at: datetime = field(compare=False)


def catch_up(due: Iterable[Due]) -> tuple[list[int], list[int]]:
    """(send, skip): of several due reminders about the same thing for the same person (the
    scheduler was down), only the latest is sent; the earlier ones are marked skipped."""
    latest: dict[tuple[str, str, int], Due] = {}
    skip: list[int] = []
    for row in sorted(due, key=lambda r: (r.due_at, r.id)):
        group = row.key[:3]
        if group in latest:
            skip.append(latest[group].id)
        latest[group] = row
    return sorted(r.id for r in latest.values()), sorted(skip)


DIGEST_WAIT = timedelta(minutes=5)  # NOTIFY_DIGEST_MINUTES: how long steps gather into one mail


def digest_ready(oldest: datetime, now: datetime, wait: timedelta = DIGEST_WAIT) -> bool:
    """A user's waiting notifications go out in one mail once the oldest has waited `wait`:
    the steps of the next minutes join it instead of each sending a mail of its own."""
    return oldest <= now - wait


def digest_subject(titles: list[str]) -> str:
    """The digest's subject: the one title, or how many updates and the first of them."""
    if len(titles) == 1:
        return titles[0]
    return f"{len(titles)} cập nhật mới – {titles[0]}"


def retry_delay(attempts: int) -> timedelta:
    """Back off 5, 10, 20, 40 … minutes after each failure, at most 6 hours."""
    return min(timedelta(minutes=5) * 2 ** max(attempts - 1, 0), timedelta(hours=6))


def gives_up(attempts: int) -> bool:
    return attempts >= MAX_ATTEMPTS


class MailStatus(enum.StrEnum):
    QUEUED = "queued"  # waiting for the mail job (or its next retry)
    SENDING = "sending"  # claimed by the mail job
    SENT = "sent"
    FAILED = "failed"  # gave up after the last retry; an admin may resend
    HELD = "held"  # no SMTP server configured: kept here for admins to read
