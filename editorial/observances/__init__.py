"""Holidays, working-day exceptions, anniversaries and report deadlines, from the database
and the pure rules in `editorial.calendar`."""
