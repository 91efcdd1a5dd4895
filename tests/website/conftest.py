"""Helpers for the website tests: the demo's units and items sent through the routes."""

from sqlalchemy import select

from editorial.units.models import Unit
from editorial.website.models import WebItem


def unit_named(db, fragment: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.name.contains(fragment)))


def send(auth, kind: str = "news", title: str = "Hội nghị điển hình tiên tiến", **extra):
    """Send a tin or bài as the logged-in user."""
    data = {"kind": kind, "title": title, "summary": "Sáng 14/3, Ủy ban MTTQ huyện tổ chức…"}
    return auth.post("/website/items", data | extra)


def last_item(db) -> WebItem:
    db.session.expire_all()
    return db.session.scalars(select(WebItem).order_by(WebItem.id.desc())).first()


def decide(auth, item: WebItem, decision: str = "publish", published_on: str = "2023-03-15",
           note: str = "", version: int | None = None):
    return auth.post(f"/website/items/{item.id}/decide", {
        "decision": decision, "published_on": published_on, "note": note,
        "version": item.version if version is None else version})
