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
SIDE_LABELS = {Side.UNIT: _l("Đơn vị thực hiện"), Side.EDITOR: _l("Ban đầu mối")}
