"""The calendar data version moves with every calendar write, and only then."""

from datetime import date

from sqlalchemy import select, update

from editorial.feeds import versioning
from editorial.feeds.models import FeedSettings
from editorial.models_base import utcnow
from editorial.plans.models import Slot
from editorial.units.models import Unit


def test_orm_writes_move_the_version(db, demo):
    before, _ = versioning.current()
    slot = db.session.scalars(select(Slot)).first()
    slot.air_date = date(2023, 3, 9)
    db.session.commit()
    after, changed_at = versioning.current()
    assert after == before + 1 and changed_at is not None


def test_bulk_statements_move_the_version(db, demo):
    before, _ = versioning.current()
    db.session.execute(update(Unit).values(short_name=Unit.short_name))
    db.session.commit()
    assert versioning.current()[0] == before + 1


def test_neutral_and_empty_writes_leave_it(db, demo, client, login_as):
    login_as("kesach")
    client.get("/feeds")  # creates the feed settings: a neutral write
    before = versioning.current()
    settings = db.session.scalars(select(FeedSettings)).first()
    settings.last_used_at = utcnow()
    db.session.commit()
    slot = db.session.scalars(select(Slot)).first()
    slot.topic = slot.topic  # no net change
    db.session.commit()
    assert versioning.current() == before


def test_missing_row_is_created_on_the_first_write(db):
    assert versioning.current() == (0, None)
    db.session.add(Unit(name="Ủy ban MTTQ xã Thử", kind="commune"))
    db.session.commit()
    assert versioning.current()[0] == 1
