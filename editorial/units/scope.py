"""Several provinces on one server: while a request acts for a user of one province, every
ORM query sees only that province's rows. One filter in one place, so no page, export, feed or
search can forget it: each model that belongs to a province says how (`in_province`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import g, has_app_context
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from editorial.extensions import db
from editorial.units.models import Unit


def unit_in_province(column, province_id: int):
    """The condition "this unit column points into that province's tree"."""
    return column.in_(select(Unit.id).where(Unit.in_province(province_id)))


def current_province() -> int | None:
    """The province the current request acts in; None outside requests (jobs, the CLI)."""
    return g.get("province_id") if has_app_context() else None


def enter(province_id: int | None) -> None:
    """Act inside one province from now on, for this request or app context."""
    g.province_id = province_id


@contextmanager
def inside(province_id: int | None) -> Iterator[None]:
    """Act inside one province for the block (a job working through each province)."""
    before = current_province()
    enter(province_id)
    try:
        yield
    finally:
        enter(before)


def _scoped_models() -> list[type]:
    """Every mapped class that says how it belongs to a province."""
    return [m.class_ for m in db.Model.registry.mappers if hasattr(m.class_, "in_province")]


@event.listens_for(Session, "do_orm_execute")
def _filter(state: ORMExecuteState) -> None:
    """Add each scoped model's province condition to a SELECT run inside a province."""
    province = current_province()
    if province is None or not state.is_select or state.is_relationship_load:
        return  # a lazy or eager load inherits its parent query's criteria: added again, they
        # would pile up with each level of loading (slot → column → plan → unit)
    state.statement = state.statement.options(*_criteria(province))


def _criteria(province: int) -> tuple:
    """The filter's options for one province, built once per request (or app context), not
    once per query: a page runs dozens of queries and there are a dozen scoped models."""
    built = g.setdefault("scope_criteria", {})
    if province not in built:
        built[province] = tuple(
            with_loader_criteria(model, model.in_province(province), include_aliases=True)
            for model in _scoped_models())
    return built[province]
