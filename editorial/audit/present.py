"""The audit log as people read it: actions, states, fields and values in words, people, units,
slots and plans by name (each kind looked up once for a whole page), lists as lists."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import gettext as _

from editorial.audit import labels
from editorial.audit.models import AuditEntry
from editorial.audit.names import Link, load
from editorial.auth.labels import ROLE_LABELS
from editorial.changes.labels import STATE_LABELS as CHANGE_STATE_LABELS
from editorial.plans.labels import CHANNEL_LABELS, PLAN_STATUS_LABELS, STATUS_LABELS
from editorial.registrations.labels import SIDE_LABELS
from editorial.units.labels import KIND_LABELS as UNIT_KIND_LABELS
from editorial.units.settings import focal_name
from editorial.website.labels import KIND_LABELS as ITEM_KIND_LABELS
from editorial.website.labels import STATUS_LABELS as ITEM_STATUS_LABELS

Value = str | list[str]
EMPTY = "—"
REQUEST_NOTE = re.compile(r"Yêu cầu thay đổi #(\d+)")  # slot.change's note names its request
REMOVABLE = ("slots", "plan_columns", "web_events")  # rows the app deletes (a draft's rows)
UNIT_FIELDS = ("assigned_unit_id", "unit_id", "focal_unit_id", "parent_id")
KIND_LIST_FIELDS = ("assignable", "registering", "unit_kinds")
# Fields whose stored codes mean different things by subject; the first match wins.
CODED = {
    ("plans", "status"): PLAN_STATUS_LABELS,
    ("web_items", "status"): ITEM_STATUS_LABELS,
    ("web_items", "kind"): ITEM_KIND_LABELS,
    ("units", "kind"): UNIT_KIND_LABELS,
    (None, "status"): STATUS_LABELS,
    (None, "state"): CHANGE_STATE_LABELS,
    (None, "role"): ROLE_LABELS,
    **{(None, field): codes for field, codes in labels.CODE_LABELS.items()},
}


@dataclass(frozen=True)
class Field:
    """One recorded field: its name in words, its value before and after (None: not recorded)."""

    label: str
    before: Value | None
    after: Value | None


@dataclass(frozen=True)
class Line:
    """One entry for people."""

    entry: AuditEntry
    action: str
    target: Link
    unit: str
    fields: list[Field]
    note: Link

    @property
    def before(self) -> list[tuple[str, Value]]:
        return [(f.label, f.before) for f in self.fields if f.before is not None]

    @property
    def after(self) -> list[tuple[str, Value]]:
        return [(f.label, f.after) for f in self.fields if f.after is not None]


def action_label(code: str) -> str:
    """An action in words (an unknown code stays as it is)."""
    return str(labels.ACTION_LABELS.get(code, code))


def field_label(field: str) -> str:
    return str(labels.FIELD_LABELS.get(field, field))


def stored(raw: str | None) -> dict:
    """An entry's before or after as stored (JSON text of a dict)."""
    values = json.loads(raw) if raw else {}
    return values if isinstance(values, dict) else {"": values}


def changed_fields(entry: AuditEntry) -> list[tuple[str, object, object, bool, bool]]:
    """(field, before, after, has before, has after) of what the entry recorded; when both sides
    are there, only the fields that changed."""
    before, after = stored(entry.before), stored(entry.after)
    keys = sorted(dict.fromkeys([*before, *after]), key=_rank)
    if before and after:
        keys = [k for k in keys if before.get(k) != after.get(k)]
    # A field one side did not record is shown on the other side only.
    return [(k, before.get(k), after.get(k), k in before, k in after) for k in keys]


_ORDER = {field: rank for rank, field in enumerate(dict.fromkeys(
    ["title", "name", "login", "topic", "final_title", *labels.FIELD_LABELS]))}


def _rank(field: str) -> int:
    """Fields in the order people read them: what it is called first, then state and dates."""
    return _ORDER.get(field, len(_ORDER))


class Presenter:
    """Turns a page of entries into lines, with one query per kind of name they mention."""

    def __init__(self, entries: Iterable[AuditEntry]) -> None:
        self.entries = list(entries)
        wanted: dict[str, set[int]] = defaultdict(set)
        for entry in self.entries:
            if entry.subject_id is not None:
                wanted[entry.subject_type].add(entry.subject_id)
            if match := REQUEST_NOTE.fullmatch(entry.note or ""):
                wanted["change_requests"].add(int(match[1]))
            for values in (stored(entry.before), stored(entry.after)):
                _wanted_by(values, wanted)
        self.names = load(wanted)

    def lines(self) -> list[Line]:
        return [self.line(e) for e in self.entries]

    def line(self, entry: AuditEntry) -> Line:
        subject = entry.subject_type
        fields = [Field(field_label(k), self.value(k, b, subject) if has_b else None,
                        self.value(k, a, subject) if has_a else None)
                  for k, b, a, has_b, has_a in changed_fields(entry)]
        return Line(entry, action_label(entry.action), self.target(entry),
                    entry.unit.label if entry.unit else "", fields, self.note(entry))

    def target(self, entry: AuditEntry) -> Link:
        """What the entry is about, by name, with its page."""
        kind, key = entry.subject_type, entry.subject_id
        found = self.names.get(kind, {}).get(key)
        if found is not None:
            return found
        generic = str(labels.SUBJECT_LABELS.get(kind, kind))
        if kind == "scoreboard" and key:
            return Link(_("Bảng thi đua tháng %(m)s/%(y)s", m=key % 100, y=key // 100),
                        url_for("website.scoreboard", year=key // 100))
        if key is not None and kind in REMOVABLE:  # a row since removed
            return Link(_("%(what)s (đã xóa)", what=generic))
        return Link(generic)

    def note(self, entry: AuditEntry) -> Link:
        text = entry.note or ""
        if match := REQUEST_NOTE.fullmatch(text):
            request = self.names["change_requests"].get(int(match[1]))
            return Link(_("Theo yêu cầu: %(request)s", request=request.text), request.url) \
                if request else Link(_("Theo yêu cầu thay đổi"))
        return Link(str(labels.NOTE_LABELS.get(text, text)))

    def value(self, field: str, raw: object, subject: str) -> Value:
        """One stored value in words."""
        if raw is None or raw == "" or raw == []:
            return EMPTY
        if isinstance(raw, bool):
            return str(labels.YES if raw else labels.NO)
        if field in UNIT_FIELDS:
            return self.unit(raw)
        if field == "formed_from":
            return [self.unit(u) for u in _listed(raw)]
        if field == "slots":
            return [self.names["slots"].get(s, Link(str(s))).text for s in _listed(raw)]
        if field == "event_id":
            return self.names["web_events"].get(raw, Link(str(raw))).text
        if field == "staff":
            return [_person(p) for p in _listed(raw)]
        if field in KIND_LIST_FIELDS:
            return [_coded(UNIT_KIND_LABELS, k) for k in _listed(raw)]
        if field == "channels":
            return [_coded(CHANNEL_LABELS, c) for c in _listed(raw)]
        if field == "quotas" and isinstance(raw, dict):
            return [_quota(kind, q) for kind, q in raw.items()]
        if field == "side":
            return focal_name() if raw == "editor" else _coded(SIDE_LABELS, raw)
        if isinstance(raw, list):
            return [_flat(self.value(field, v, subject)) for v in raw]
        if isinstance(raw, dict):
            return [f"{field_label(k)}: {_flat(self.value(k, v, subject))}" for k, v in raw.items()]
        codes = CODED.get((subject, field)) or CODED.get((None, field))
        if codes is not None and str(raw) in codes:
            return str(codes[str(raw)])
        return _text(raw)

    def unit(self, raw: object) -> str:
        text = str(raw)
        return self.names["units"].get(int(text), Link(text)).text if text.isdecimal() else text


def _wanted_by(values: dict, wanted: dict[str, set[int]]) -> None:
    """Note the ids a set of stored values names (units, slots, events)."""
    for field, raw in values.items():
        if field in UNIT_FIELDS and str(raw).isdecimal():
            wanted["units"].add(int(str(raw)))
        elif field == "formed_from":
            wanted["units"].update(u for u in _listed(raw) if isinstance(u, int))
        elif field == "slots":
            wanted["slots"].update(s for s in _listed(raw) if isinstance(s, int))
        elif field == "event_id" and isinstance(raw, int):
            wanted["web_events"].add(raw)


def _listed(raw: object) -> list:
    """A stored list (a comma-separated text counts as one)."""
    if isinstance(raw, list):
        return raw
    if isinstance(raw, str):
        return [part for part in raw.split(",") if part]
    return [raw]


def _coded(codes: dict, raw: object) -> str:
    return str(codes[str(raw)]) if str(raw) in codes else str(raw)


def _person(raw: object) -> str:
    """A registered staff member: name (role)."""
    if not isinstance(raw, dict):
        return str(raw)
    name, role = raw.get("name") or "", raw.get("role") or ""
    return f"{name} ({role})" if name and role else name or role


def _quota(kind: str, quota: object) -> str:
    """One kind of unit's monthly quota, stored as [news, articles]."""
    news, articles = ([*quota, 0, 0][:2] if isinstance(quota, list)
                      else (quota.get("news", 0), quota.get("articles", 0))
                      if isinstance(quota, dict) else (quota, 0))
    return _("%(kind)s: %(news)s tin, %(articles)s bài", kind=_coded(UNIT_KIND_LABELS, kind),
             news=news, articles=articles)


def _flat(value: Value) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _text(raw: object) -> str:
    """A plain value: an ISO date as dd/mm/yyyy, a ticked box as Có, anything else as it is."""
    text = str(raw)
    if text == "on":
        return str(labels.YES)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).strftime("%d/%m/%Y")
        except ValueError:
            return text
    return text


def flat(value: Value | None) -> str:
    """A value on one line (the CSV's cells): a list's items joined by semicolons."""
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else value
