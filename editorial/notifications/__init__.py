"""Reminders, the in-app notification centre, e-mail and its outbox."""
