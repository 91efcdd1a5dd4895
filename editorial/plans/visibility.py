"""A draft plan is the editors' own until it is published: for anybody else (officers,
viewers, feed readers) every ORM query of a request leaves out draft plans, their columns and
their slots, so no page, search, export or form can show one. The event sources (grid, agenda,
feeds, reminders) and the registration board read only published plans for everybody."""

from __future__ import annotations

from functools import cache

from flask import g, has_request_context
from flask_login import current_user
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from editorial.auth.rules import Role
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import PlanStatus


def sees_drafts() -> bool:
    """Whether the current request may see draft plans (editors and admins)."""
    return bool(g.get("sees_drafts")) if has_request_context() else True


def decide_drafts() -> None:
    """Before each request: whether its user may see drafts (the plan editor installs it)."""
    g.sees_drafts = False  # while the user itself loads: nothing of a plan is read
    g.sees_drafts = current_user.is_authenticated and current_user.has_role(Role.EDITOR)


def _published_columns():
    return select(PlanColumn.id).join(Plan, PlanColumn.plan_id == Plan.id).where(
        Plan.status != PlanStatus.DRAFT)


@event.listens_for(Session, "do_orm_execute")
def _hide_drafts(state: ORMExecuteState) -> None:
    """Add "not a draft" to every SELECT of plans, columns and slots for other readers."""
    if sees_drafts() or not state.is_select or state.is_relationship_load:
        return  # relationship loads inherit the parent query's criteria
    state.statement = state.statement.options(*_published_only())


@cache
def _published_only() -> tuple:
    """The "not a draft" options: the same for every query, so built once."""
    return (
        with_loader_criteria(Plan, Plan.status != PlanStatus.DRAFT, include_aliases=True),
        with_loader_criteria(PlanColumn, PlanColumn.plan_id.in_(
            select(Plan.id).where(Plan.status != PlanStatus.DRAFT)), include_aliases=True),
        with_loader_criteria(Slot, Slot.column_id.in_(_published_columns()),
                             include_aliases=True),
    )
