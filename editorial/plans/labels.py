"""The words shown for channels and slot states."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.plans.rules import Channel, SlotStatus

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
