"""Thành phố Cần Thơ after the 2025 merger, as demo data: what the province decided, its demo
logins and its 2026 plan. The units come from `data/can_tho_units.csv` (see SOURCES.md).

The plan is **illustrative**: no committee signed it. Its topics follow the dates of 2026
(the elections of 15/3, Press Day, the member organizations' founding days, the Front's 96th
anniversary), assigned to communes, wards, departments and member organizations."""

UNITS_FILE = "can_tho_units.csv"
PROVINCE = "Ủy ban MTTQ Việt Nam thành phố Cần Thơ"  # the first row of the file
PROVINCE_CODE = "92"
FOCAL_CODE = "CT-BTG"  # Ban Tuyên giáo và Công tác xã hội (example department)
ALL_UNITS_LABEL = "Ủy ban MTTQ Việt Nam các xã, phường"
ASSIGNABLE = "commune,department,member_org"
QUOTAS = {"commune": [2, 1], "member_org": [1, 1]}  # tin + bài a month on the city's website

OUTLET = "Báo và Phát thanh, Truyền hình Cần Thơ"  # the merged press agency
COLUMNS = [
    (f"Chuyên mục Mặt trận trên sóng phát thanh – truyền hình của {OUTLET}", "radio_tv"),
    (f"Chuyên trang Mặt trận trên {OUTLET}", "newspaper"),
]
PLAN_TITLE = (
    "Kế hoạch thực hiện chuyên mục, chuyên trang Mặt trận trên Báo và Phát thanh, Truyền hình "
    "Cần Thơ và cộng tác tin, bài trên Trang Thông tin điện tử Ủy ban MTTQ Việt Nam thành phố "
    "Cần Thơ năm 2026 (minh họa)"
)

# (month, suggested content, unit code) — one unit a month in both columns.
TOPICS = [
    (1, "MTTQ Việt Nam thành phố Cần Thơ chăm lo Tết cho người nghèo, gia đình chính sách nhân "
        "dịp Tết Nguyên đán Bính Ngọ năm 2026.", "31135"),
    (2, "Tuyên truyền Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng trong các tầng "
        "lớp Nhân dân.", "CT-BTG"),
    (3, "MTTQ các cấp tham gia tổ chức thành công cuộc bầu cử đại biểu Quốc hội khóa XVI và đại "
        "biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 – 2031; 95 năm Ngày thành lập Đoàn TNCS Hồ "
        "Chí Minh (26/3/1931 – 26/3/2026).", "CT-DTN"),
    (4, "Phát huy vai trò của người có uy tín trong đồng bào dân tộc Khmer vui đón Tết Chôl Chnăm "
        "Thmây năm 2026.", "31507"),
    (5, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; kỷ niệm 136 năm Ngày "
        "sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026).", "31528"),
    (6, "Mặt trận với công tác tuyên truyền nhân kỷ niệm 101 năm Ngày Báo chí Cách mạng Việt Nam "
        "(21/6/1925 – 21/6/2026).", "CT-BDCPL"),
    (7, "Đền ơn đáp nghĩa, chăm lo gia đình thương binh, liệt sĩ nhân 79 năm Ngày Thương binh – "
        "Liệt sĩ (27/7/1947 – 27/7/2026).", "CT-LDLD"),
    (8, "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” gắn với phát triển sản phẩm "
        "OCOP của các xã, phường.", "31673"),
    (9, "Giám sát và phản biện xã hội của Mặt trận sau sắp xếp chính quyền địa phương hai cấp.",
     "CT-HND"),
    (10, "Phụ nữ thành phố Cần Thơ thi đua lao động sáng tạo; 96 năm Ngày thành lập Hội Liên hiệp "
         "Phụ nữ Việt Nam (20/10/1930 – 20/10/2026).", "CT-HLHPN"),
    (11, "Kỷ niệm 96 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2026) "
         "gắn với Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư.", "31135"),
    (12, "Cựu chiến binh gương mẫu trong xây dựng nông thôn mới, đô thị văn minh; 37 năm Ngày "
         "thành lập Hội Cựu chiến binh Việt Nam (6/12/1989 – 6/12/2026).", "CT-HCCB"),
]

STAFF = [  # (login, name, role, unit code)
    ("ct.quantri", "Quản trị Cần Thơ", "admin", PROVINCE_CODE),
    ("ct.bientap", "Trần Văn Biên Tập", "editor", FOCAL_CODE),
    ("ct.xem", "Thường trực Cần Thơ (chỉ xem)", "viewer", PROVINCE_CODE),
    ("hoiccb", "Cán bộ Hội Cựu chiến binh", "officer", "CT-HCCB"),
    ("ninhkieu", "Cán bộ phường Ninh Kiều", "officer", "31135"),
    ("psoctrang", "Cán bộ phường Sóc Trăng", "officer", "31507"),
    ("xkesach", "Cán bộ xã Kế Sách", "officer", "31528"),
    ("xtrande", "Cán bộ xã Trần Đề", "officer", "31673"),
    ("doantn", "Cán bộ Đoàn Thanh niên", "officer", "CT-DTN"),
    ("hoiphunu", "Cán bộ Hội Liên hiệp Phụ nữ", "officer", "CT-HLHPN"),
    ("bandcpl", "Cán bộ Ban Dân chủ – Pháp luật", "officer", "CT-BDCPL"),
]
