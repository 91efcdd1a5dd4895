"""The words shown for change requests' kinds and states."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.changes.rules import ChangeKind, ChangeState

STATE_LABELS = {
    ChangeState.AWAITING_CONSENT: _l("Chờ đơn vị kia đồng ý"),
    ChangeState.PENDING: _l("Chờ duyệt"),
    ChangeState.APPROVED: _l("Đã duyệt"),
    ChangeState.REJECTED: _l("Không duyệt"),
    ChangeState.WITHDRAWN: _l("Đã rút"),
}


KIND_LABELS = {
    ChangeKind.MOVE_DATE: _l("Dời ngày"),
    ChangeKind.TOPIC: _l("Đổi nội dung"),
    ChangeKind.SWAP: _l("Đổi tháng với đơn vị khác"),
    ChangeKind.CANCEL: _l("Hủy"),
}
