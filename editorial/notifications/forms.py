"""The preferences form: parsed into the rules' value, with Vietnamese errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import gettext as _

from editorial.notifications import rules


@dataclass
class PreferencesForm:
    """What the user typed, the parsed choice, and the errors by field."""

    email: str = ""
    email_enabled: bool = True
    days: str = "3, 1"
    kinds: set[str] = field(default_factory=lambda: {str(k) for k in rules.Kind})
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_preferences(cls, choice: rules.Preferences) -> PreferencesForm:
        return cls(email=choice.email or "", email_enabled=choice.email_enabled,
                   days=", ".join(str(d) for d in choice.days_before),
                   kinds={str(k) for k in rules.Kind if choice.wants(k)})

    @classmethod
    def parse(cls, data: Mapping) -> PreferencesForm:
        kinds = {k for k in data.getlist("kinds") if k in {str(k) for k in rules.Kind}}
        form = cls(email=data.get("email", "").strip(), email_enabled="email_enabled" in data,
                   days=data.get("days", "").strip(), kinds=kinds)
        form.validate()
        return form

    def validate(self) -> None:
        if self.email and (len(self.email) > 254 or not rules.EMAIL.match(self.email)):
            self.errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
        try:
            rules.parse_days(self.days)
        except ValueError:
            self.errors["days"] = _("Nhập số ngày báo trước từ 1 đến %(max)s, cách nhau bởi "
                                    "dấu phẩy (tối đa 5 số), ví dụ: 3, 1.",
                                    max=rules.MAX_DAYS_BEFORE)

    def choice(self) -> rules.Preferences:
        """The parsed value (call only when there are no errors)."""
        muted = frozenset(str(k) for k in rules.Kind) - self.kinds
        return rules.Preferences(rules.parse_days(self.days), muted, self.email or None,
                                 self.email_enabled)
