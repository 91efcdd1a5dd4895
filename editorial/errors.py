"""Domain exceptions; `editorial.web.errors` maps each to one HTTP answer."""


class DomainError(Exception):
    """A request the rules refuse; the message is shown to the user as it is."""

    status = 400


class NotAllowed(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class RuleViolation(DomainError):
    status = 422


class Conflict(DomainError):
    """Somebody else changed the thing first (a stale version)."""

    status = 409
