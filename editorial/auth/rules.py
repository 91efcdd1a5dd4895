"""Pure rules of identity: the roles and what they may read."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    """What a user may do: officers act for their unit, editors for the province."""

    OFFICER = "officer"
    EDITOR = "editor"
    ADMIN = "admin"
    VIEWER = "viewer"


READS_ALL = (Role.EDITOR, Role.ADMIN, Role.VIEWER)  # who reads every unit's calendar


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """How failed logins lock: `free` failures pass, then each further failure locks for twice
    as long as the one before, from `base_seconds` up to `max_seconds`; a count that saw no
    failure for `forget_seconds` starts again from zero."""

    free: int
    base_seconds: int
    max_seconds: int
    forget_seconds: int

    def lock_seconds(self, failures: int) -> int:
        """How long the account (or address) is locked after its `failures`-th failure."""
        if failures < self.free:
            return 0
        return min(self.base_seconds * 2 ** min(failures - self.free, 30), self.max_seconds)


# One login: five tries, then 30 s, 1 min, 2 min … up to 15 min; forgotten after a day.
ACCOUNT_THROTTLE = ThrottlePolicy(free=5, base_seconds=30, max_seconds=900,
                                  forget_seconds=86400)
# One address (a whole office may share it): thirty tries, then the same growth; an hour.
ADDRESS_THROTTLE = ThrottlePolicy(free=30, base_seconds=30, max_seconds=900,
                                  forget_seconds=3600)
