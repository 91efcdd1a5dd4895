"""Parse the subscription page's choices, with Vietnamese labels and errors."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from editorial.errors import RuleViolation
from editorial.feeds.rules import ALARMS, GROUPS

GROUP_LABELS = {
    "production": _l("Ngày ghi hình, phát sóng, đăng báo"),
    "deadlines": _l("Hạn đăng ký, hạn gửi tin bài, hạn báo cáo"),
    "decisions": _l("Quyết định điều chỉnh lịch"),
    "meetings": _l("Cuộc họp"),
    "anniversaries": _l("Ngày kỷ niệm"),
    "holidays": _l("Ngày lễ, Tết"),
}
ALARM_LABELS = {
    "none": _l("Không nhắc"),
    "day_before": _l("9 giờ sáng hôm trước"),
    "three_days": _l("9 giờ sáng, 3 ngày trước"),
    "week_and_day": _l("1 tuần trước và hôm trước (9 giờ sáng)"),
}


@dataclass(frozen=True)
class Choices:
    """What the feeds show (the groups left out) and their reminders."""

    hidden: frozenset[str]
    alarm: str

    @classmethod
    def parse(cls, form: MultiDict) -> Choices:
        """Ticked boxes are the groups shown; anything unknown is refused, not guessed."""
        shown = set(form.getlist("show"))
        unknown = shown - set(GROUPS)
        if unknown:
            raise RuleViolation(_("Mục không hợp lệ: %(names)s.", names=", ".join(sorted(unknown))))
        alarm = form.get("alarm", "none")
        if alarm not in ALARMS:
            raise RuleViolation(_("Lựa chọn nhắc việc không hợp lệ."))
        return cls(hidden=frozenset(set(GROUPS) - shown), alarm=alarm)
