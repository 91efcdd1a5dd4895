"""Pure rules of identity: the roles and what they may read."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a user may do: officers act for their unit, editors for the province."""

    OFFICER = "officer"
    EDITOR = "editor"
    ADMIN = "admin"
    VIEWER = "viewer"


READS_ALL = (Role.EDITOR, Role.ADMIN, Role.VIEWER)  # who reads every unit's calendar
