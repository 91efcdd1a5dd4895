"""The tree drawn by parent on the pages: /units indented, the admin parent picker with "– "
marks, the feed scope picker in the same order; a unit added last still sits under its parent."""

from __future__ import annotations

import re

from sqlalchemy import select

from editorial.extensions import db
from editorial.units.models import Unit


def _add_commune_under_ke_sach() -> None:
    """A commune added after every district: a flat sort by position would put it elsewhere."""
    ke_sach = db.session.scalar(select(Unit).where(Unit.name.contains("huyện Kế Sách")))
    db.session.add(Unit(name="Ủy ban MTTQ xã Thử Nghiệm", kind="commune", parent=ke_sach,
                        position=0))
    db.session.commit()


def _order(html: str, *names: str) -> list[int]:
    return [html.index(name) for name in names]


def test_the_units_page_indents_children_under_their_parent(demo, login_as, client):
    _add_commune_under_ke_sach()
    login_as("bientap")
    html = client.get("/units").get_data(as_text=True)
    positions = _order(html, "tỉnh Sóc Trăng", "huyện Kế Sách", "xã Thử Nghiệm", "Vĩnh Châu")
    assert positions == sorted(positions)
    item = re.search(r'<li class="depth depth-(\d)"[^>]*><a [^>]*>Ủy ban MTTQ xã Thử Nghiệm', html)
    assert item and item.group(1) == "2"


def test_the_admin_parent_picker_marks_each_level(demo, login_as, client):
    _add_commune_under_ke_sach()
    login_as("quantri")
    html = client.get("/admin/units").get_data(as_text=True)
    picker = html[html.index('name="parent_id"'):]
    assert re.search(r">– Ủy ban MTTQVN huyện Kế Sách</option>\s*<option [^>]*>– – Ủy ban MTTQ "
                     r"xã Thử Nghiệm</option>", picker)


def test_the_feed_scope_picker_follows_the_tree(demo, login_as, client):
    _add_commune_under_ke_sach()
    login_as("bientap")
    html = client.get("/feeds").get_data(as_text=True)
    picker = html[html.index('id="feed-scope"'):]
    picker = picker[:picker.index("</select>")]
    assert "– – Ủy ban MTTQ xã Thử Nghiệm" in picker
    positions = _order(picker, "Kế Sách", "Thử Nghiệm", "Vĩnh Châu")
    assert positions == sorted(positions)
