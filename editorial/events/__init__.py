"""The one list of event sources and the aggregator: every dated feature owns an `events.py`
with `events_between(start, end, scope)`; the grid, the agenda, the homes, the feeds and the
reminders all read `sources.events_between`, so the browser, the phone and the reminders agree.
The event value itself is pure and lives in :mod:`editorial.calendar.event`."""
