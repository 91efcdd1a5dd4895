"""Importing a signed plan: the rows of its .docx/.xlsx table checked against the province's
units (a preview), then saved as a draft plan's slots in one go when nothing is wrong."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from editorial.calendar.grid import Month
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.plans import importing, lineage
from editorial.plans.importing import PreviewRow
from editorial.plans.labels import CHANNEL_LABELS
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, PlanStatus, SlotStatus
from editorial.units import settings
from editorial.units.models import Unit

# The columns' names as a plan writes them (stored words of the province, not UI text).
COLUMN_NAMES = {
    Channel.RADIO_TV: "Chuyên mục trên Đài Phát thanh – Truyền hình",
    Channel.NEWSPAPER: "Chuyên trang trên Báo",
    Channel.WEBSITE: "Tin, bài trên Trang Thông tin điện tử",
}


@dataclass(frozen=True)
class ImportRequest:
    """What the editor asked for: the file, the plan's year, its channels and its title."""

    data: bytes
    filename: str
    year: int
    channels: tuple[Channel, ...]
    title: str = ""


@dataclass
class ImportPreview:
    """Every row as it will be saved, the units it names, and what stops the import."""

    request: ImportRequest
    province_id: int
    title: str
    rows: list[PreviewRow]
    unit_labels: dict[int, str]
    all_units: list[Unit]
    plan: Plan | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.ok for r in self.rows)

    def channels_of(self, row: PreviewRow) -> tuple[Channel, ...]:
        """The columns the row will be saved in."""
        return row_channels(row, self.request.channels)

    def unit_label(self, row: PreviewRow) -> str:
        """The unit the row will be given, by name."""
        if row.all_units:
            return settings.duties(self.province_id).all_units_label or _("Tất cả đơn vị")
        return self.unit_labels.get(row.unit_id, "") if row.unit_id else ""


def preview(request: ImportRequest, province_id: int) -> ImportPreview:
    """Read and check the file; RuleViolation when it cannot be read at all."""
    try:
        rows = importing.read_table(request.data, request.filename)
    except ValueError as error:
        raise RuleViolation(str(error)) from None
    units = _units_of_year(request.year)
    checked = importing.check_rows(rows, lineage.unit_names(units))
    checked = _unit_twice(_with_channels(checked, request.channels), request.channels)
    title = (request.title.strip() or importing.document_title(request.data, request.filename)
             or _default_title(request.year))
    everyone = _all_units(province_id, request.year)
    found = ImportPreview(request, province_id, title, checked, {u.id: u.name for u in units},
                          everyone, _plan_of(province_id, request.year))
    found.problems = _plan_problems(found)
    return found


def channel_names() -> dict[str, tuple[str, ...]]:
    """Each channel's words as a "Kênh" cell may write them (the exporter writes Vietnamese)."""
    with force_locale("vi"):
        vietnamese = {c: str(label) for c, label in CHANNEL_LABELS.items()}
    return {c.value: (c.value, vietnamese[c], str(CHANNEL_LABELS[c])) for c in Channel}


def row_channels(row: PreviewRow, chosen: tuple[Channel, ...]) -> tuple[Channel, ...]:
    """The columns a row goes into: those its "Kênh" cell names, else every chosen one."""
    named, _unknown = importing.read_channels(row.row.channels_text, channel_names())
    return tuple(c for c in chosen if c.value in named) if named else chosen


def _with_channels(rows: list[PreviewRow], chosen: tuple[Channel, ...]) -> list[PreviewRow]:
    """Flag a "Kênh" cell naming no known channel, or only channels not being imported."""
    out = []
    for r in rows:
        named, unknown = importing.read_channels(r.row.channels_text, channel_names())
        problems = [_("Không nhận ra kênh “%(k)s”.", k=k) for k in unknown]
        if named and not row_channels(r, chosen):
            problems.append(_("Dòng này thuộc kênh không được chọn để nhập."))
        out.append(dataclasses.replace(r, problems=(*r.problems, *problems)) if problems else r)
    return out


def _default_title(year: int) -> str:
    return f"Kế hoạch thực hiện chuyên mục, chuyên trang năm {year}"


def _units_of_year(year: int) -> list[Unit]:
    """The units slots can be given to, that exist in the plan's year (with former names)."""
    return settings.assignable_units(year)


def _all_units(province_id: int, year: int) -> list[Unit]:
    """The units an "all units" row gives a slot each."""
    return [u for u in settings.registering_units(province_id) if u.exists_in(year)]


def _plan_of(province_id: int, year: int) -> Plan | None:
    return db.session.scalar(select(Plan).where(Plan.unit_id == province_id, Plan.year == year))


def _unit_twice(rows: list[PreviewRow], chosen: tuple[Channel, ...]) -> list[PreviewRow]:
    """Flag a unit given a second row in one month of one channel (a column has one slot a
    month per unit; an "all units" month already gives every unit its slot)."""
    taken: dict[tuple[int | None, Channel], dict[int | str, int]] = {}
    out = []
    for r in rows:
        unit = importing.ALL if r.all_units else r.unit_id
        if r.ok and unit is not None:
            firsts = []
            for channel in row_channels(r, chosen):
                units = taken.setdefault((r.row.month, channel), {})
                firsts.append(units.get(unit) or units.get(importing.ALL) or (
                    min(units.values()) if unit == importing.ALL and units else None))
                units.setdefault(unit, r.row.number)
            if first := min((f for f in firsts if f is not None), default=None):
                message = _("Đơn vị này đã có dòng %(n)s trong cùng tháng.", n=first)
                r = dataclasses.replace(r, problems=(*r.problems, message))
        out.append(r)
    return out


def _plan_problems(found: ImportPreview) -> list[str]:
    """What stops the whole import: a published plan, a column already there, no rows."""
    year, plan = found.request.year, found.plan
    problems = []
    if not found.rows:
        problems.append(_("Bảng không có dòng nào."))
    if any(r.all_units for r in found.rows) and not found.all_units:
        problems.append(_("Tỉnh chưa có đơn vị nào để giao tháng “tất cả đơn vị”."))
    if plan is None:
        return problems
    if plan.status != PlanStatus.DRAFT:
        problems.append(_("Năm %(year)s đã có kế hoạch đã ban hành; không nhập thêm vào kế "
                          "hoạch này.", year=year))
    for column in plan.columns:
        if column.channel in found.request.channels:
            problems.append(_("Kế hoạch nháp năm %(year)s đã có cột %(channel)s.", year=year,
                              channel=CHANNEL_LABELS[column.channel]))
    return problems


def save(found: ImportPreview) -> Plan:
    """The plan (a new draft, or the year's draft with new columns) with the rows' slots."""
    if not found.ok:
        raise RuleViolation(_("Tệp còn lỗi; chưa lưu gì. Hãy sửa tệp rồi tải lên lại."))
    plan = found.plan or Plan(year=found.request.year, unit_id=found.province_id,
                              title=found.title, status=PlanStatus.DRAFT)
    start = len(plan.columns)
    for position, channel in enumerate(found.request.channels, start=start):
        column = PlanColumn(name=COLUMN_NAMES[channel], channel=channel,
                            cadence=Cadence.MONTHLY, position=position)
        column.slots.extend(slot for r in found.rows
                            if channel in row_channels(r, found.request.channels)
                            for slot in _slots(found, r))
        plan.columns.append(column)
    db.session.add(plan)
    db.session.flush()
    return plan


def _slots(found: ImportPreview, r: PreviewRow) -> list[Slot]:
    """A row's slots in one column: one, or one per unit for an "all units" month."""
    month = Month(found.request.year, r.row.month or 1)
    owners = [u.id for u in found.all_units] if r.all_units else [r.unit_id]
    status = SlotStatus.DONE if r.row.done else SlotStatus.PLANNED
    return [Slot(period_start=month.first, period_end=month.last, topic=r.row.content,
                 assigned_unit_id=owner, all_units=r.all_units, status=status)
            for owner in owners]
