"""Text helpers: folding for search, and quoting a title inside a sentence."""

import pytest

from editorial.text import fold, quote


def test_fold_drops_diacritics_and_case():
    assert fold("Ủy ban MTTQ  Kế Sách") == "uy ban mttq ke sach"


@pytest.mark.parametrize(("title", "quoted"), [
    ("Ngày hội Đại đoàn kết", "“Ngày hội Đại đoàn kết”"),
    ("“Ngày hội Đại đoàn kết”", "“Ngày hội Đại đoàn kết”"),
    ('"Ngày hội"', "“Ngày hội”"),
    ("Ngày hội “Đại đoàn kết toàn dân tộc” năm 2026",
     "“Ngày hội ‘Đại đoàn kết toàn dân tộc’ năm 2026”"),
    ('Phát động "Ngày vì người nghèo"', "“Phát động ‘Ngày vì người nghèo’”"),
])
def test_a_title_is_quoted_once_with_inner_quotes_single(title, quoted):
    assert quote(title) == quoted
