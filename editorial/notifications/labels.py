"""The words shown for reminder kinds and mail states."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.notifications.rules import Kind, MailStatus

KIND_LABELS = {
    Kind.REGISTRATION: _l("Hạn đăng ký chủ đề (cán bộ đơn vị)"),
    Kind.OVERDUE: _l("Đơn vị quá hạn đăng ký (biên tập viên)"),
    Kind.REPORT: _l("Hạn nộp báo cáo (cán bộ đơn vị)"),
    Kind.QUOTA: _l("Hạn tin, bài Trang Thông tin điện tử trong tháng (cán bộ đơn vị)"),
    Kind.WEBSITE: _l("Tin, bài: kết quả duyệt đăng và kết quả tháng"),
    Kind.EVENT_NEWS: _l("Hạn gửi tin sự kiện, 1 ngày làm việc sau sự kiện (cán bộ đơn vị)"),
    Kind.DIGEST: _l("Bản tin buổi sáng (biên tập viên)"),
    Kind.CHANGE: _l("Yêu cầu thay đổi lịch và quyết định"),
    Kind.NEGOTIATION: _l("Trao đổi đăng ký: đăng ký, đề xuất khác, thống nhất, tin nhắn, đã "
                         "thực hiện"),
}


MAIL_STATUS_LABELS = {
    MailStatus.QUEUED: _l("Chờ gửi"),
    MailStatus.SENDING: _l("Đang gửi"),
    MailStatus.SENT: _l("Đã gửi"),
    MailStatus.FAILED: _l("Gửi lỗi"),
    MailStatus.HELD: _l("Giữ trong hộp thư đi"),
}
