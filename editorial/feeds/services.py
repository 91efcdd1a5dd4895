"""Feed settings and URLs: per-user secrets, choices, scopes, the cache, one slot's .ics."""

from __future__ import annotations

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from editorial.auth.models import User
from editorial.calendar.event import EventKind
from editorial.errors import NotAllowed, NotFound
from editorial.events import sources
from editorial.events.labels import KIND_LABELS
from editorial.extensions import db
from editorial.feeds import ical, rules
from editorial.feeds.cache import FeedCache
from editorial.feeds.models import FeedSettings
from editorial.feeds.tokens import feed_token, new_user_secret
from editorial.models_base import utcnow
from editorial.plans.models import Slot
from editorial.plans.services import DEADLINE_LEAD
from editorial.units.models import Unit

# Feeds are always Vietnamese (not the session's language): the cache is shared by all readers.
DESCRIPTION = "Lịch biên tập MTTQ: hạn đăng ký, ngày ghi hình, phát sóng, đăng báo, ngày kỷ niệm."
PUBLIC_DESCRIPTION = "Lịch biên tập MTTQ: ngày nghỉ lễ và ngày kỷ niệm."


FEED_LOCALE = "vi"


def category_words() -> dict[EventKind, str]:
    """Each event kind's CATEGORIES word, in the feeds' language."""
    with force_locale(FEED_LOCALE):
        return {kind: str(label) for kind, label in KIND_LABELS.items()}


def cache() -> FeedCache:
    """This app's feed cache (one per app, so test apps never share entries)."""
    return current_app.extensions.setdefault("feeds.cache", FeedCache())


def server_key() -> str:
    """The HMAC key of feed tokens: FEED_SECRET_KEY, else the app's SECRET_KEY."""
    return current_app.config.get("FEED_SECRET_KEY") or current_app.config["SECRET_KEY"]


def base_url() -> str:
    """The public base URL that feed links and URLs start with."""
    return current_app.config["BASE_URL"]


def settings_of(user: User) -> FeedSettings:
    """The user's feed settings, created with a fresh secret on first use."""
    settings = db.session.get(FeedSettings, user.id)
    if settings is None:
        try:  # a first visit from two tabs at once: the second uses the first one's row
            with db.session.begin_nested():
                settings = FeedSettings(user=user, secret=new_user_secret(), hidden_groups="",
                                        alarm="none", changed_at=utcnow())
                db.session.add(settings)
        except IntegrityError:
            settings = db.session.get(FeedSettings, user.id)
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
        return rules.scope_filter(scope, reads_all=user.reads_all, own_unit_id=user.unit_id)
    except rules.ScopeRefused:
        raise NotAllowed(_("Bạn không xem được lịch “%(scope)s”.", scope=scope)) from None


def feed_url(user: User, scope: str) -> str:
    """The absolute personal feed URL (BASE_URL + path) of a user and scope."""
    unit_id = unit_filter(user, scope)
    if unit_id is not None and unit_id != user.unit_id and db.session.get(Unit, unit_id) is None:
        raise NotFound(_("Không tìm thấy đơn vị."))
    token = feed_token(server_key(), user.id, scope, settings_of(user).secret)
    # A plain path, not url_for: the CLI has no request, and BASE_URL carries any sub-path.
    return ical.absolute_url(base_url(), f"/feeds/{user.id}/{scope}/{token}.ics")


def public_url() -> str:
    """The absolute URL of the public feed of anniversaries and holidays."""
    return ical.absolute_url(base_url(), "/feeds/public.ics")


def slot_calendar(slot_id: int) -> tuple[bytes, str]:
    """The events of one slot (record, air, print dates or its deadline) as an .ics file."""
    slot = db.get_or_404(Slot, slot_id)
    days = [d for d in (slot.period_start - DEADLINE_LEAD, slot.period_end, slot.record_date,
                        slot.air_date, slot.print_date) if d is not None]
    link = f"/slots/{slot.id}"
    events = [e for e in sources.events_between(min(days), max(days)) if e.url == link]
    if not events:
        raise NotFound(_("Mục này chưa có ngày nào để thêm vào lịch."))
    body = ical.serialize(events, name=slot.title[:120], base_url=base_url(), refresh=None,
                          calendar_uid=f"lich-mttq-slot-{slot.id}", categories=category_words())
    return body, f"lich-mttq-{slot.id}.ics"
