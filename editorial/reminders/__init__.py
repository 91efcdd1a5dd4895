"""Planning reminders: the deadlines come from the one event pipeline (the grid's and the
feed's own events), so what officers are reminded of is what their calendars show."""
