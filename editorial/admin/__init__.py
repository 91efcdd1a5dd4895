"""The admin pages: users, units, plans."""
