"""Feeds as a user reads them: secrets, choices, scopes, and cached bytes per data version."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from editorial import clock
from editorial.auth.models import User
from editorial.errors import NotAllowed, NotFound
from editorial.events import sources
from editorial.events.event import CalendarEvent
from editorial.extensions import db
from editorial.feeds import ical, rules, versioning
from editorial.feeds.cache import Built, FeedCache
from editorial.feeds.models import FeedSettings
from editorial.feeds.tokens import SCOPE_PATTERN, feed_token, new_user_secret, token_matches
from editorial.models_base import utcnow
from editorial.plans.models import Slot
from editorial.units.models import Unit

USE_STAMP_EVERY = timedelta(hours=1)  # last use is written at most hourly: polls stay reads
# Feeds are always Vietnamese (not the session's language): the cache is shared by all readers.
DESCRIPTION = "Lịch biên tập MTTQ: hạn đăng ký, ngày ghi hình, phát sóng, đăng báo, ngày kỷ niệm."


def cache() -> FeedCache:
    """This app's feed cache (one per app, so test apps never share entries)."""
    return current_app.extensions.setdefault("feeds.cache", FeedCache())


def _server_key() -> str:
    return current_app.config.get("FEED_SECRET_KEY") or current_app.config["SECRET_KEY"]


def _base_url() -> str:
    return current_app.config["BASE_URL"]


def settings_of(user: User) -> FeedSettings:
    """The user's feed settings, created with a fresh secret on first use."""
    settings = db.session.get(FeedSettings, user.id)
    if settings is None:
        settings = FeedSettings(user=user, secret=new_user_secret(), hidden_groups="",
                                alarm="none", changed_at=utcnow())
        db.session.add(settings)
        db.session.flush()
    return settings


def reset_secret(user: User) -> FeedSettings:
    """A new per-user secret: every old feed URL of the user answers 404 from now on."""
    settings = settings_of(user)
    settings.secret = new_user_secret()
    settings.changed_at = utcnow()
    return settings


def save_choices(user: User, hidden: frozenset[str], alarm: str) -> FeedSettings:
    """Store what the user's feeds leave out and which reminders they carry."""
    settings = settings_of(user)
    settings.hidden_groups = rules.dump_hidden(hidden)
    settings.alarm = alarm
    settings.changed_at = utcnow()
    return settings


def unit_filter(user: User, scope: str) -> int | None:
    """The unit filter of a scope for this user; NotAllowed when it is not theirs."""
    try:
        return rules.scope_filter(scope, is_editor=user.is_editor, own_unit_id=user.unit_id)
    except rules.ScopeRefused:
        raise NotAllowed(_("Bạn không xem được lịch “%(scope)s”.", scope=scope)) from None


def feed_url(user: User, scope: str) -> str:
    """The absolute personal feed URL (BASE_URL + path) of a user and scope."""
    unit_id = unit_filter(user, scope)
    if unit_id is not None and unit_id != user.unit_id and db.session.get(Unit, unit_id) is None:
        raise NotFound(_("Không tìm thấy đơn vị."))
    token = feed_token(_server_key(), user.id, scope, settings_of(user).secret)
    # A plain path, not url_for: the CLI has no request, and BASE_URL carries any sub-path.
    return ical.absolute_url(_base_url(), f"/feeds/{user.id}/{scope}/{token}.ics")


def public_url() -> str:
    """The absolute URL of the public feed of anniversaries and holidays."""
    return ical.absolute_url(_base_url(), "/feeds/public.ics")


def authorize(user_id: int, scope: str, token: str) -> tuple[FeedSettings, int | None]:
    """The settings and unit filter behind a feed URL; NotFound for anything not valid now."""
    settings = db.session.scalar(select(FeedSettings).where(FeedSettings.user_id == user_id))
    if (settings is None or not settings.user.is_active or not SCOPE_PATTERN.fullmatch(scope)
            or not token_matches(token, _server_key(), user_id, scope, settings.secret)):
        raise NotFound(_("Địa chỉ lịch không tồn tại hoặc đã được đổi."))
    try:
        return settings, unit_filter(settings.user, scope)
    except NotAllowed:
        raise NotFound(_("Địa chỉ lịch không tồn tại hoặc đã được đổi.")) from None


def record_use(settings: FeedSettings, scope: str) -> None:
    """Stamp the last use, at most once an hour per user (so most polls write nothing)."""
    now = utcnow()
    if settings.last_used_at is None or now - settings.last_used_at >= USE_STAMP_EVERY \
            or settings.last_used_scope != scope:
        settings.last_used_at, settings.last_used_scope = now, scope


def personal_feed(settings: FeedSettings, scope: str, unit_id: int | None) -> Built:
    """The user's feed for a scope, from the cache unless the data or choices changed."""
    version = versioning.current()  # read before the data: a racing write only re-builds
    window = rules.feed_window(clock.today())
    key = ("user", settings.user_id, scope, unit_id, settings.hidden_groups, settings.alarm,
           settings.changed_at, version, window, _base_url())

    def build() -> Built:
        hidden = rules.hidden_kinds(rules.parse_hidden(settings.hidden_groups))
        events = [e for e in sources.events_between(*window, unit_id) if e.kind not in hidden]
        name = f"Lịch MTTQ – {_scope_name(settings.user, unit_id)}"
        return _built(events, name, f"lich-mttq-{settings.user_id}-{scope}",
                      rules.alarm_offsets(settings.alarm), version[1], settings.changed_at)

    return cache().get(key, build)


def public_feed() -> Built:
    """Anniversaries and holidays for everyone, at a fixed URL."""
    version = versioning.current()
    window = rules.feed_window(clock.today())

    def build() -> Built:
        events = [e for e in sources.events_between(*window) if e.kind in rules.PUBLIC_KINDS]
        return _built(events, "Ngày lễ, ngày kỷ niệm – MTTQ", "lich-mttq-public", (),
                      version[1])

    return cache().get(("public", version, window, _base_url()), build)


def slot_calendar(slot_id: int) -> tuple[bytes, str]:
    """The events of one slot (record, air, print dates or its deadline) as an .ics file."""
    slot = db.get_or_404(Slot, slot_id)
    days = [d for d in (slot.period_start, slot.period_end, slot.record_date, slot.air_date,
                        slot.print_date) if d is not None]
    link = f"/slots/{slot.id}"
    events = [e for e in sources.events_between(min(days), max(days)) if e.url == link]
    if not events:
        raise NotFound(_("Mục này chưa có ngày nào để thêm vào lịch."))
    body = ical.serialize(events, name=slot.topic[:120], base_url=_base_url(),
                          calendar_uid=f"lich-mttq-slot-{slot.id}")
    return body, f"lich-mttq-{slot.id}.ics"


def _scope_name(user: User, unit_id: int | None) -> str:
    if unit_id is None:
        return "toàn tỉnh"
    unit = user.unit if unit_id == user.unit_id else db.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(_("Không tìm thấy đơn vị."))
    return unit.label


def _built(events: list[CalendarEvent], name: str, calendar_uid: str,
           alarms: tuple[timedelta, ...], *changed: datetime | None) -> Built:
    """Serialize once; the ETag is the bytes' hash, Last-Modified the latest input change."""
    body = ical.serialize(events, name=name, base_url=_base_url(), description=DESCRIPTION,
                          refresh=rules.REFRESH, alarms=alarms, calendar_uid=calendar_uid)
    moved: date = clock.today().replace(day=1)
    return Built(body, rules.entity_tag(body), rules.last_modified(*changed, window_moved=moved))
