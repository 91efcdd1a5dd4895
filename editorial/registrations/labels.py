"""Vietnamese labels of the board's states and the thread's entries."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.registrations.rules import BoardState, MessageKind, Side

STATE_LABELS = {
    BoardState.UNREGISTERED: _l("Chưa đăng ký"),
    BoardState.REGISTERED: _l("Đã đăng ký"),
    BoardState.NEGOTIATING: _l("Đang trao đổi"),
    BoardState.AGREED: _l("Đã thống nhất"),
    BoardState.OVERDUE: _l("Quá hạn"),
    BoardState.DONE: _l("Đã thực hiện"),
}
KIND_LABELS = {
    MessageKind.MESSAGE: _l("Tin nhắn"),
    MessageKind.PROPOSAL: _l("Đăng ký"),
    MessageKind.COUNTER: _l("Đề xuất khác"),
    MessageKind.AGREE: _l("Đồng ý – đã thống nhất"),
    MessageKind.DONE: _l("Đã thực hiện"),
}
# What a saved step says back, on the panel after the save (and after the redirect without htmx).
SAVED_NOTICES = {
    "draft": _l("Đã lưu nháp. Bản nháp chỉ đơn vị mình thấy; bấm “Gửi đăng ký” khi xong."),
    "submit": _l("Đã gửi đăng ký. Đơn vị sẽ được báo khi có trả lời."),
}
SIDE_LABELS = {Side.UNIT: _l("Đơn vị thực hiện"), Side.EDITOR: _l("Ban đầu mối")}
