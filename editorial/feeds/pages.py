"""What the subscription page shows: the URL, its subscribe links and QR code, the choices."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from markupsafe import Markup

from editorial.auth.models import User
from editorial.errors import NotFound
from editorial.feeds import qr, rules, services
from editorial.feeds.forms import ALARM_LABELS, GROUP_LABELS
from editorial.units import services as units


def scope_choices(user: User) -> list[tuple[str, str, int]]:
    """The feeds a user may subscribe to, with their labels and depth (units in tree order)."""
    if not user.reads_all:
        return [("me", _("Đơn vị của tôi (%(unit)s)", unit=user.unit.label), 0)]
    choices = [("me", _("Của tôi (toàn tỉnh)"), 0), ("province", _("Toàn tỉnh"), 0)]
    choices += [(rules.unit_scope(u.id), u.label, depth) for u, depth in units.unit_tree()]
    return choices


def subscription(user: User, scope: str) -> dict[str, Any]:
    """The page's context for one scope (NotAllowed when the scope is not the user's)."""
    url = services.feed_url(user, scope)
    choices = scope_choices(user)
    label = {value: text for value, text, _depth in choices}.get(scope)
    if label is None:  # a unit scope of a unit that does not exist
        raise NotFound(_("Không tìm thấy đơn vị."))
    settings = services.settings_of(user)
    name = f"Lịch MTTQ – {label}"
    return {
        "scope": scope, "scope_label": label, "scopes": choices, "url": url,
        "webcal": rules.webcal(url), "links": rules.subscribe_links(url, name),
        "qr": Markup(qr.svg(rules.webcal(url), _("Mã QR để đăng ký lịch trên điện thoại"))),
        "public_url": services.public_url(), "settings": settings,
        "hidden": rules.parse_hidden(settings.hidden_groups),
        "group_labels": GROUP_LABELS, "alarm_labels": ALARM_LABELS,
    }


def notice(done: str) -> str:
    """The message after a redirect from a change (empty when there is none)."""
    return {"choices": _("Đã lưu lựa chọn. Lịch trên điện thoại sẽ cập nhật ở lần tải sau."),
            "reset": _("Đã đổi địa chỉ lịch. Địa chỉ cũ không còn dùng được: hãy đăng ký lại "
                       "bằng địa chỉ mới bên dưới.")}.get(done, "")
