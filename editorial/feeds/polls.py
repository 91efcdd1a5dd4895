"""The hot path: a calendar client polls a feed URL all day long.

A poll is two small reads, both plain column selects (no ORM objects): the user's feed
row, and the data version. The bytes come from the process cache under a key made of
everything they depend on, so they are built once per change, not once per poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, update

from editorial import clock
from editorial.auth.models import User
from editorial.auth.rules import READS_ALL
from editorial.calendar.event import CalendarEvent
from editorial.errors import NotFound
from editorial.events import sources
from editorial.extensions import db
from editorial.feeds import ical, rules, versioning
from editorial.feeds.cache import Built
from editorial.feeds.models import FeedSettings
from editorial.feeds.services import (
    DESCRIPTION,
    PUBLIC_DESCRIPTION,
    base_url,
    cache,
    category_words,
    server_key,
)
from editorial.feeds.tokens import SCOPE_PATTERN, token_matches
from editorial.models_base import utcnow
from editorial.units import scope
from editorial.units.models import Unit

USE_STAMP_EVERY = timedelta(hours=1)  # last use is written at most hourly: polls stay reads
_READER = select(
    FeedSettings.user_id, FeedSettings.secret, FeedSettings.hidden_groups, FeedSettings.alarm,
    FeedSettings.changed_at, FeedSettings.last_used_at, FeedSettings.last_used_scope,
    User.role, User.active, User.unit_id,
    func.coalesce(Unit.province_id, Unit.id).label("province"),
).join(User, User.id == FeedSettings.user_id).join(Unit, Unit.id == User.unit_id).where(
    FeedSettings.user_id == bindparam("user_id"))


@dataclass(frozen=True, slots=True)
class Reader:
    """Who reads a personal feed, and the unit filter their scope gives."""

    user_id: int
    scope: str
    unit_id: int | None
    own_unit_id: int
    hidden_groups: str
    alarm: str
    changed_at: datetime
    last_used_at: datetime | None
    last_used_scope: str | None
    province_id: int


def authorize(user_id: int, scope: str, token: str) -> Reader:
    """The reader behind a feed URL; NotFound for anything not valid right now."""
    # A plain column read on the session's connection: no ORM objects on the hot path.
    row = db.session.connection().execute(_READER, {"user_id": user_id}).first()
    if (row is None or not row.active or not SCOPE_PATTERN.fullmatch(scope)
            or not token_matches(token, server_key(), user_id, scope, row.secret)):
        raise _gone()
    reads_all = row.role in READS_ALL  # as User.reads_all
    try:
        unit_id = rules.scope_filter(scope, reads_all=reads_all, own_unit_id=row.unit_id)
    except rules.ScopeRefused:
        raise _gone() from None
    return Reader(user_id, scope, unit_id, row.unit_id, row.hidden_groups, row.alarm,
                  row.changed_at, row.last_used_at, row.last_used_scope, row.province)


def _gone() -> NotFound:
    return NotFound(_("Địa chỉ lịch không tồn tại hoặc đã được đổi."))


def record_use(reader: Reader) -> None:
    """Stamp the last use, at most hourly per user, so most polls write nothing."""
    now = utcnow()
    last = reader.last_used_at
    if last is None or now - last >= USE_STAMP_EVERY or reader.last_used_scope != reader.scope:
        db.session.execute(update(FeedSettings).where(FeedSettings.user_id == reader.user_id)
                           .values(last_used_at=now, last_used_scope=reader.scope))


def personal_feed(reader: Reader) -> Built:
    """The reader's feed, from the cache unless the data or their choices changed."""
    version = versioning.current()  # read before the data: a racing write only re-builds
    window = rules.feed_window(clock.today())
    key = ("user", reader.user_id, reader.scope, reader.unit_id, reader.hidden_groups,
           reader.alarm, reader.changed_at, version, window, base_url())

    def build() -> Built:
        scope.enter(reader.province_id)  # the reader's province only, as in the app
        hidden = rules.hidden_kinds(rules.parse_hidden(reader.hidden_groups))
        events = [e for e in sources.unit_events(*window, reader.unit_id)
                  if e.kind not in hidden]
        name = f"Lịch MTTQ – {_scope_name(reader.unit_id)}"
        return _built(events, name, f"lich-mttq-{reader.user_id}-{reader.scope}",
                      rules.alarm_offsets(reader.alarm), version[1], reader.changed_at)

    return cache().get(key, build)


def public_feed() -> Built:
    """Anniversaries and holidays for everyone, at a fixed URL."""
    version = versioning.current()
    window = rules.feed_window(clock.today())

    def build() -> Built:
        events = [e for e in sources.events_between(*window) if e.kind in rules.PUBLIC_KINDS]
        return _built(events, "Ngày lễ, ngày kỷ niệm – MTTQ", "lich-mttq-public", (),
                      version[1], description=PUBLIC_DESCRIPTION)

    return cache().get(("public", version, window, base_url()), build)


def _scope_name(unit_id: int | None) -> str:
    """Feeds are always Vietnamese: the cache is shared by readers of every language."""
    if unit_id is None:
        return "toàn tỉnh"
    unit = db.session.get(Unit, unit_id)  # another province's unit is not found
    if unit is None:
        raise NotFound(_("Không tìm thấy đơn vị."))
    return unit.label


def _built(events: list[CalendarEvent], name: str, calendar_uid: str,
           alarms: tuple[timedelta, ...], *changed: datetime | None,
           description: str = DESCRIPTION) -> Built:
    """Serialize once; the ETag is the bytes' hash, Last-Modified the latest input change."""
    body = ical.serialize(events, name=name, base_url=base_url(), description=description,
                          refresh=rules.REFRESH, alarms=alarms, calendar_uid=calendar_uid,
                          categories=category_words())
    moved = clock.today().replace(day=1)
    return Built(body, rules.entity_tag(body), rules.last_modified(*changed, window_moved=moved))
