"""The words shown for channels, slot states and plan states."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.plans.rules import Channel, PlanStatus, SlotStatus

CHANNEL_LABELS = {
    Channel.RADIO_TV: _l("Đài PT-TH"),
    Channel.NEWSPAPER: _l("Báo"),
    Channel.WEBSITE: _l("Trang thông tin điện tử"),
}


STATUS_LABELS = {
    SlotStatus.PLANNED: _l("Chưa đăng ký"),
    SlotStatus.REGISTERED: _l("Đã đăng ký"),
    SlotStatus.NEGOTIATING: _l("Đang trao đổi"),
    SlotStatus.AGREED: _l("Đã thống nhất"),
    SlotStatus.DONE: _l("Đã thực hiện"),
    SlotStatus.CANCELLED: _l("Đã hủy"),
}


PLAN_STATUS_LABELS = {
    PlanStatus.DRAFT: _l("Bản nháp"),
    PlanStatus.ACTIVE: _l("Đã ban hành"),
    PlanStatus.ARCHIVED: _l("Đã lưu trữ"),
}
