"""Carrying a plan's wording from one year to another: "93 năm … (18/11/1930 – 18/11/2023)"
becomes "96 năm … (18/11/1930 – 18/11/2026)" when the plan is copied from 2023 to 2026.

Only what the rules recognise is changed, and every change is listed with its reason; any
other mention of a year near the old one is flagged for a person to read, never guessed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from editorial.calendar.anniversaries import Anniversary, load_anniversaries
from editorial.calendar.lunar import can_chi

_DASH = r"\s*[-–—]\s*"
_DM = r"\d{1,2}/\d{1,2}"
# A date range: its start may lack the year ("17/10 – 18/11/2023"); its end has one.
_RANGE = re.compile(
    rf"(?<![\d/])(?P<start>(?P<sdm>{_DM}|\d{{1,2}})(?:/(?P<y0>\d{{4}}))?)(?P<dash>{_DASH})"
    rf"(?P<edm>{_DM}|\d{{1,2}})/(?P<y1>\d{{4}})(?![\d/])"
)
_ORDINAL = re.compile(r"(?<![\d/.,])(?P<n>\d{1,3})(?P<gap>\s+)năm\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?P<y>\d{4})(?!\d)")
_CELEBRATING = re.compile(r"(?:kỷ niệm|chào mừng|mừng)\s*$", re.IGNORECASE)


class Change(NamedTuple):
    """One change: the fragment as it was, as it is now, and why (in Vietnamese)."""

    old: str
    new: str
    reason: str


@dataclass(frozen=True, slots=True)
class Recounted:
    """A text before and after recounting, the changes made and what a person must check."""

    before: str
    after: str
    changes: list[Change]
    flags: list[str]


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int
    new: str
    reason: str


def _fold_chars(text: str) -> str:
    """Lower case without diacritics, one character for one, so positions still match."""
    out = []
    for c in text:
        plain = unicodedata.normalize("NFD", c.replace("đ", "d").replace("Đ", "D"))
        plain = "".join(p for p in plain if not unicodedata.combining(p)).lower()
        out.append(plain if len(plain) == 1 else c)
    return "".join(out)


def _name_pattern(name: str) -> re.Pattern[str]:
    """A folded name as a pattern: any spacing, any dash, and "ngày" optional in front."""
    parts = [r"\s+".join(map(re.escape, p.split())) for p in re.split(r"[-–—]", _fold_chars(name))]
    body = _DASH.join(p for p in parts if p)
    if body.startswith("ngay" + r"\s+"):
        body = r"(?:ngay\s+)?" + body[len("ngay" + r"\s+"):]
    return re.compile(body)


class _Recounter:
    """The state of one recount: the text, its folded twin, the edits and the flags."""

    def __init__(self, text: str, from_year: int, to_year: int, table: list[Anniversary]):
        self.text, self.folded = text, _fold_chars(text)
        self.from_year, self.to_year, self.delta = from_year, to_year, to_year - from_year
        self.counted = [(a, _name_pattern(a.name)) for a in table if a.year is not None]
        self.periods = {(a.day, a.month, a.end_day, a.end_month) for a in table
                        if a.end_month is not None and a.calendar == "solar"}
        self.edits: list[_Edit] = []
        self.flags: list[tuple[int, str]] = []  # (where, note): listed in text order

    def add(self, start: int, end: int, new: str, reason: str) -> None:
        if not any(e.start < end and start < e.end for e in self.edits):
            self.edits.append(_Edit(start, end, new, reason))

    def flag(self, where: int, note: str) -> None:
        self.flags.append((where, note))

    def covered(self, start: int, end: int) -> bool:
        return any(e.start <= start and end <= e.end for e in self.edits)

    def shifted(self, year: int) -> str:
        return str(year + self.delta)

    def ranges(self) -> None:
        """End years of date ranges; a start year too when it is the plan's year."""
        for m in _RANGE.finditer(self.text):
            y0 = int(m["y0"]) if m["y0"] else None
            y1 = int(m["y1"])
            # "15/12/2023 – 15/1/2024" moves as a whole; "… – 3/2/2024" alone is flagged.
            if not (y1 == self.from_year or y0 == self.from_year == y1 - 1):
                continue
            start = m["sdm"] + (f"/{self.shifted(y0)}" if y0 == self.from_year else
                                f"/{y0}" if y0 is not None else "")
            new = f"{start}{m['dash']}{m['edm']}/{self.shifted(y1)}"
            self.add(m.start(), m.end(), new, f"khoảng ngày chuyển sang năm {self.to_year}")
            if not self._stable(m, y0):
                self.flag(m.start(), f"“{m[0]}”: đã đổi năm, nhưng ngày cụ thể của năm "
                                  f"{self.to_year} có thể khác, cần kiểm tra lại.")

    def _stable(self, m: re.Match[str], y0: int | None) -> bool:
        """True when the range's days are the same every year (an anniversary, a period)."""
        if y0 is not None and y0 < self.from_year - 1 and m["sdm"] == m["edm"]:
            return True
        days = tuple(int(x) for x in (m["sdm"] + "/" + m["edm"]).split("/"))
        return len(days) == 4 and days in self.periods

    def ordinals(self) -> None:
        """"93 năm" of a known anniversary, or of one whose founding year the text gives."""
        for m in _ORDINAL.finditer(self.text):
            if re.match(r"\s*\d{4}", self.text[m.end():]):
                continue  # "tháng 5 năm 2023": a date, not an ordinal
            n, origin, what = int(m["n"]), *self._origin(m)
            if origin is None:
                if _CELEBRATING.search(self.text[max(0, m.start() - 20):m.start()]):
                    self.flag(m.start(), f"“{m[0]}…”: không nhận ra ngày kỷ niệm nào, "
                                      "chưa đếm lại số năm.")
                continue
            if n != self.from_year - origin:
                self.flag(m.start(), f"“{m[0]} {what}”: {n} năm không khớp với năm "
                                  f"{self.from_year} (năm gốc {origin}), chưa đổi.")
                continue
            new_n = self.to_year - origin
            if new_n <= 0:
                self.flag(m.start(), f"“{m[0]} {what}”: chưa đến năm kỷ niệm đầu tiên.")
                continue
            self.add(m.start(), m.end(), f"{new_n}{m['gap']}{m[0][-3:]}",
                     f"số năm kỷ niệm {what} (năm gốc {origin})")

    def _origin(self, m: re.Match[str]) -> tuple[int | None, str]:
        """The origin year after an ordinal: a known name, else a range in the same clause."""
        after = len(self.text) - len(self.text[m.end():].lstrip())
        best: tuple[int, Anniversary] | None = None
        for a, pattern in self.counted:
            found = pattern.match(self.folded, after)
            if found and (best is None or found.end() > best[0]):
                best = (found.end(), a)
        if best is not None:
            return best[1].year, self.text[after:best[0]]
        clause = re.split(r"[.;!?]|\d{1,3}\s+năm\b", self.text[m.end():], maxsplit=1)[0]
        for r in _RANGE.finditer(clause):
            if r["y0"] and int(r["y1"]) == self.from_year:
                return int(r["y0"]), f"({r[0]})"
        return None, ""

    def year_names(self) -> None:
        """The lunar year's name beside Tết, xuân, or the plan's year."""
        old, new = can_chi(self.from_year), can_chi(self.to_year)
        pattern = r"\b" + r"\s+".join(_fold_chars(old).split()) + r"\b"
        for m in re.finditer(pattern, self.folded):
            before = self.folded[max(0, m.start() - 30):m.start()]
            after = self.folded[m.end():m.end() + 12]
            if re.search(r"(tet|xuan)\b[^.;]*$", before) or re.match(
                rf"\s*(nam\s+)?{self.from_year}\b", after
            ):
                written = self.text[m.start():m.end()]
                self.add(m.start(), m.end(), new.upper() if written.isupper() else new,
                         f"tên năm âm lịch: {old} ({self.from_year}) → {new} ({self.to_year})")
                if bare := re.match(rf"\s+({self.from_year})(?!\d)", self.text[m.end():]):
                    at = m.end() + bare.start(1)  # "Tết Nhâm Dần 2022": the year of that Tết
                    self.add(at, at + 4, str(self.to_year), "năm của Tết")
            else:
                self.flag(m.start(), f"“{self.text[m.start():m.end()]}”: tên năm âm lịch ngoài "
                                  "ngữ cảnh Tết, chưa đổi.")

    def plan_years(self) -> None:
        """"năm 2023" → "năm 2026"."""
        for m in re.finditer(rf"\bnăm(\s+){self.from_year}(?!\d)", self.text, re.IGNORECASE):
            word = m[0][:3]
            self.add(m.start(), m.end(), f"{word}{m[1]}{self.to_year}", "năm của kế hoạch")

    def leftovers(self) -> None:
        """Years near the old one that no rule changed: flagged, never changed."""
        near = {self.from_year - 1, self.from_year, self.from_year + 1}
        for m in _YEAR.finditer(self.text):
            if int(m["y"]) in near and not self.covered(m.start(), m.end()):
                self.flag(m.start(), f"“{_around(self.text, m.start(), m.end())}”: năm {m['y']} "
                                  "không thuộc mẫu nào đã biết, chưa đổi, cần xem lại.")

    def result(self) -> Recounted:
        pieces, changes, cursor = [], [], 0
        for e in sorted(self.edits, key=lambda e: e.start):
            pieces += [self.text[cursor:e.start], e.new]
            changes.append(Change(self.text[e.start:e.end], e.new, e.reason))
            cursor = e.end
        after = "".join(pieces) + self.text[cursor:]
        flags = [note for _, note in sorted(self.flags, key=lambda f: f[0])]
        return Recounted(self.text, after, changes, flags)


def _around(text: str, start: int, end: int) -> str:
    """A match with up to two words before it, within its clause, for a flag's quotation."""
    before = re.search(r"(?:[^\s,;.()]+\s+){0,2}[^\s,;.()]*$", text[:start])
    after = re.match(r"[^\s,;.()]*", text[end:])
    return (before[0] if before else "") + text[start:end] + (after[0] if after else "")


def recount(
    text: str, from_year: int, to_year: int, anniversaries: Iterable[Anniversary] | None = None
) -> Recounted:
    """`text` (written for `from_year`) reworded for `to_year`, with its changes and flags.

    `anniversaries` defaults to the shipped table; its names are matched without diacritics."""
    table = list(load_anniversaries() if anniversaries is None else anniversaries)
    r = _Recounter(text, from_year, to_year, table)
    if from_year != to_year:
        r.ranges()
        r.ordinals()
        r.year_names()
        r.plan_years()
        r.leftovers()
    if unicodedata.normalize("NFC", text) != text:
        r.flag(-1, "Văn bản không ở dạng Unicode dựng sẵn (NFC): có chỗ có thể không "
                       "nhận ra.")
    return r.result()
