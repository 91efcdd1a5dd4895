"""The negotiation's steps over HTTP, and reading a user's notifications."""

from __future__ import annotations

from sqlalchemy import select

from editorial.auth.models import User
from editorial.extensions import db
from editorial.notifications.models import Notification
from tests.registrations.helpers import REGISTRATION, version_on_page


def register(auth, slot_id: int, **changes):
    data = dict(REGISTRATION, action="submit", **changes)
    data["version"] = version_on_page(auth.client, slot_id)
    return auth.post(f"/registrations/slots/{slot_id}/register", data)


def counter(auth, slot_id: int, body: str = "Đề nghị phát vào Chủ nhật.",
            record_date: str = "2023-04-11", air_date: str = "2023-04-16"):
    return auth.post(f"/registrations/slots/{slot_id}/counter", {
        "version": version_on_page(auth.client, slot_id), "title": "Đồng bào Khmer vui đón Tết",
        "record_date": record_date, "air_date": air_date, "body": body})


def agree(auth, slot_id: int):
    return auth.post(f"/registrations/slots/{slot_id}/agree",
                     {"version": version_on_page(auth.client, slot_id)})


def message(auth, slot_id: int, body: str):
    return auth.post(f"/registrations/slots/{slot_id}/message", {"body": body})


def done(auth, slot_id: int):
    return auth.post(f"/registrations/slots/{slot_id}/done", {
        "version": version_on_page(auth.client, slot_id), "done_date": "2023-04-16",
        "note": "https://stv.example/chuyen-muc-thang-4"})


def user_id(login: str) -> int:
    return db.session.scalar(select(User.id).where(User.login == login))


def notes_of(login: str) -> list[Notification]:
    """The user's notifications, oldest first, read afresh."""
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user_id(login)).order_by(Notification.id)))
