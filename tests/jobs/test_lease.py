"""The lease: one holder at a time, renewals, expiry, takeover, release."""

from datetime import UTC, datetime, timedelta

from editorial.jobs import lease

T0 = datetime(2023, 4, 2, 0, 0, tzinfo=UTC)


def test_one_holder_until_the_lease_expires(db):
    assert lease.acquire("a", T0, 30)
    assert not lease.acquire("b", T0 + timedelta(seconds=1), 30)
    assert lease.acquire("a", T0 + timedelta(seconds=20), 30)  # renewed until T0 + 50 s
    assert not lease.acquire("b", T0 + timedelta(seconds=45), 30)
    assert lease.holds("a", T0 + timedelta(seconds=45))
    assert lease.acquire("b", T0 + timedelta(seconds=51), 30)  # a stopped renewing
    assert not lease.holds("a", T0 + timedelta(seconds=51))
    assert not lease.acquire("a", T0 + timedelta(seconds=52), 30)
    held = lease.current()
    assert (held.holder, held.acquired_at) == ("b", T0 + timedelta(seconds=51))


def test_renewing_keeps_the_first_acquisition_time(db):
    lease.acquire("a", T0, 30)
    lease.acquire("a", T0 + timedelta(seconds=10), 30)
    held = lease.current()
    assert held.acquired_at == T0 and held.renewed_at == T0 + timedelta(seconds=10)


def test_a_clean_stop_hands_over_at_once(db):
    lease.acquire("a", T0, 30)
    lease.release("a", T0 + timedelta(seconds=5))
    assert lease.acquire("b", T0 + timedelta(seconds=6), 30)
    lease.release("a", T0 + timedelta(seconds=7))  # not a's any more: changes nothing
    assert lease.holds("b", T0 + timedelta(seconds=8))


def test_leases_are_timed_by_one_clock_for_every_machine(db):
    """On PostgreSQL the database server's clock times every lease, so two machines whose own
    clocks drift apart still agree who holds it; on SQLite it is this machine's clock."""
    from editorial import clock

    now = lease.database_now()
    assert now.tzinfo is not None and abs(now - clock.now()) < timedelta(seconds=5)
    assert lease.acquire("a", now, 30) and lease.holds("a", lease.database_now())
    later = lease.database_now()
    assert later >= now  # the server's clock moves on within one session (not frozen)
