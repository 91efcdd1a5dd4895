"""What each kind of calendar event is called, in words (the feeds' CATEGORIES)."""

from flask_babel import lazy_gettext as _l

from editorial.calendar.event import EventKind

KIND_LABELS = {
    EventKind.RECORDING: _l("Ghi hình"),
    EventKind.AIR: _l("Phát sóng"),
    EventKind.PRINT: _l("Đăng báo"),
    EventKind.SLOT: _l("Chuyên mục, chuyên trang"),
    EventKind.REGISTRATION_DEADLINE: _l("Hạn đăng ký"),
    EventKind.CHANGE_DECISION: _l("Quyết định thay đổi lịch"),
    EventKind.QUOTA_DEADLINE: _l("Hạn tin, bài"),
    EventKind.EVENT_NEWS_DUE: _l("Hạn gửi tin sự kiện"),
    EventKind.REPORT_DEADLINE: _l("Hạn báo cáo"),
    EventKind.MEETING: _l("Cuộc họp"),
    EventKind.ANNIVERSARY: _l("Ngày kỷ niệm"),
    EventKind.HOLIDAY: _l("Ngày nghỉ lễ"),
}
