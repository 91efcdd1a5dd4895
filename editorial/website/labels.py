"""The words shown for website items' kinds and states."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.website.rules import ItemKind, ItemStatus

KIND_LABELS = {ItemKind.NEWS: _l("Tin"), ItemKind.ARTICLE: _l("Bài")}


STATUS_LABELS = {ItemStatus.SUBMITTED: _l("Chờ duyệt"), ItemStatus.PUBLISHED: _l("Đã đăng"),
                 ItemStatus.REJECTED: _l("Không đăng")}
