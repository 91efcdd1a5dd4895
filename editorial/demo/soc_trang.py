"""Sóc Trăng 2023 as data: the units and the twelve monthly topics of seed 001, word for word."""

PROVINCE = "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng"
ALL_UNITS_LABEL = "Ủy ban MTTQVN các huyện, thị xã, thành phố"  # month 12 of the plan
DEPARTMENTS = [("Ban Phong trào – Tuyên giáo", "Ban PT-TG"), ("Văn phòng", "Văn phòng")]
PLAN_TITLE = (
    "Kế hoạch thực hiện chuyên mục trên Đài PTTH Sóc Trăng, chuyên trang trên Báo Sóc Trăng "
    "và cộng tác tin, bài trên Trang Thông tin điện tử Mặt trận Tổ quốc tỉnh Sóc Trăng năm 2023"
)
COLUMNS = [
    ("Chuyên mục Mặt trận trên Đài Phát thanh – Truyền hình Sóc Trăng", "radio_tv"),
    ("Chuyên trang Mặt trận trên Báo Sóc Trăng", "newspaper"),
]

# (login, unit name, short name) for the eleven district-level units, in the plan's order.
DISTRICTS = [
    ("tpsoctrang", "Ủy ban MTTQVN thành phố Sóc Trăng", "TP. Sóc Trăng"),
    ("myxuyen", "Ủy ban MTTQVN huyện Mỹ Xuyên", "Mỹ Xuyên"),
    ("kesach", "Ủy ban MTTQVN huyện Kế Sách", "Kế Sách"),
    ("vinhchau", "Ủy ban MTTQVN thị xã Vĩnh Châu", "Vĩnh Châu"),
    ("thanhtri", "Ủy ban MTTQVN huyện Thạnh Trị", "Thạnh Trị"),
    ("chauthanh", "Ủy ban MTTQVN huyện Châu Thành", "Châu Thành"),
    ("nganam", "Ủy ban MTTQVN thị xã Ngã Năm", "Ngã Năm"),
    ("culaodung", "Ủy ban MTTQVN huyện Cù Lao Dung", "Cù Lao Dung"),
    ("trande", "Ủy ban MTTQVN huyện Trần Đề", "Trần Đề"),
    ("mytu", "Ủy ban MTTQVN huyện Mỹ Tú", "Mỹ Tú"),
    ("longphu", "Ủy ban MTTQVN huyện Long Phú", "Long Phú"),
]

# (month, suggested content, index into DISTRICTS or None for all units, done)
TOPICS = [
    (1, "MTTQ các cấp tỉnh Sóc Trăng chăm lo cho người nghèo nhân dịp Tết Nguyên đán Quý Mão "
        "năm 2023.", 0, True),
    (2, "Phát huy vai trò của người có uy tín trong công tác tuyên truyền vận động đồng bào dân "
        "tộc thiểu số thực hiện các chủ trương của Đảng, chính sách, pháp luật nhà nước, phát "
        "triển kinh tế, giảm nghèo bền vững.", 1, True),
    (3, "MTTQ Việt Nam các cấp thực hiện tốt công tác tham gia xây dựng Đảng, chính quyền; giám "
        "sát và phản biện xã hội", 2, False),
    (4, "MTTQ các cấp chăm lo cho đồng bào dân tộc Khmer đón tết Chôl-Chnăm-Thmây năm 2023.", 3,
     False),
    (5, "Đổi mới phương thức hoạt động công tác MTTQ các cấp trong huyện (đổi mới công tác tuyên "
        "truyền, phương thức hoạt động và tổ chức)", 4, False),
    (6, "Phát huy vai trò của MTTQ Việt Nam trong việc tạo điều kiện, hỗ trợ vận động các tổ chức "
        "tôn giáo tham gia xây dựng nông thôn mới, đô thị văn minh.", 5, False),
    (7, "MTTQ các cấp tham gia thực hiện công tác \"Đền ơn đáp nghĩa\", chăm lo cho gia đình chính "
        "sách, phụng dưỡng mẹ Việt Nam anh hùng.", 6, False),
    (8, "Đẩy mạnh vận động xã hội hóa xây dựng nông thôn mới (phối hợp xây dựng đoàn đường kiểu "
        "mẫu, xây dựng cầu, lộ giao thông nông thôn…)", 7, False),
    (9, "MTTQ các cấp đẩy mạnh thực hiện phong trào thi đua “Đoàn kết sáng tạo, nâng cao năng "
        "suất, chất lượng, hiệu quả, hội nhập quốc tế”.", 8, False),
    (10, "Toàn dân hưởng ứng Tháng cao điểm \"Vì người nghèo\" (17/10 – 18/11/2023), xây dựng mô "
         "hình thoát nghèo bền vững.", 9, False),
    (11, "Chào mừng kỷ niệm 93 năm ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – "
         "18/11/2023) gắn với Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư.", 10, False),
    (12, "Một số kết quả nổi bật trong công tác Mặt trận năm 2023", None, False),
]

STAFF = [  # (login, name, role, unit: "province" | department short name)
    ("quantri", "Quản trị hệ thống", "admin", "province"),
    ("bientap", "Nguyễn Thị Biên Tập", "editor", "Ban PT-TG"),
    ("xem", "Thường trực (chỉ xem)", "viewer", "province"),
]
