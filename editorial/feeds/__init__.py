"""iCal feeds: the calendar events as RFC 5545 text, and the secret tokens in feed URLs.

``ical`` turns a list of :class:`~editorial.calendar.event.CalendarEvent` into bytes and
``tokens`` mints and checks the per-user feed secrets. Both are pure: no Flask, no
database, no clock. The feed routes and caching that use them live beside them.
"""
