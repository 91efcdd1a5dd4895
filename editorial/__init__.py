"""Lịch biên tập MTTQ: the application factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, has_request_context, session

from editorial import config
from editorial.extensions import babel, csrf, db, htmx, login_manager, migrate


def blueprints() -> list:
    """Every blueprint of the app, in one explicit list."""
    from editorial.admin.province_views import bp as province_settings
    from editorial.admin.unit_import_views import bp as unit_import
    from editorial.admin.views import bp as admin
    from editorial.audit.views import bp as audit
    from editorial.auth.views import bp as auth
    from editorial.calendar_views.views import bp as calendar_views
    from editorial.changes.views import bp as changes
    from editorial.dashboard.views import bp as dashboard
    from editorial.feeds.views import bp as feeds
    from editorial.jobs.views import bp as jobs
    from editorial.jobs.views import health
    from editorial.notifications.views import bp as notifications
    from editorial.observances.views import bp as observances
    from editorial.plans.copy_views import bp as plan_copy
    from editorial.plans.editor_views import bp as plan_editor
    from editorial.plans.import_views import bp as plan_import
    from editorial.plans.matrix_views import bp as plan_matrix
    from editorial.plans.suggest_views import bp as plan_suggest
    from editorial.plans.views import bp as plans
    from editorial.registrations.views import bp as registrations
    from editorial.search.views import bp as search
    from editorial.units.views import bp as units
    from editorial.website.views import bp as website

    return [auth, dashboard, calendar_views, plans, plan_editor, registrations, search, units,
            observances, changes, audit, feeds, notifications, jobs, admin, province_settings,
            unit_import, website, plan_import, plan_copy, plan_suggest, plan_matrix, health]


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, CLI, error handlers."""
    app = Flask(
        __name__, instance_relative_config=True, template_folder="../templates",
        static_folder="../static",
    )
    app.config.from_mapping(config.load(app.instance_path, overrides))
    _init_extensions(app)
    for bp in blueprints():
        app.register_blueprint(bp)
    from editorial import cli
    from editorial.web import assets, errors, requestlog, security, templating, tenancy

    requestlog.register(app)  # first: its clock and id start before any other hook answers
    errors.register(app)
    security.register(app)
    tenancy.register(app)
    templating.register(app)
    assets.register(app)
    cli.register(app)
    return app


def _locale() -> str:
    """The language the user chose, Vietnamese by default (and outside requests: CLI, jobs)."""
    return session.get("lang", "vi") if has_request_context() else "vi"


def _init_extensions(app: Flask) -> None:
    """Bind the extension objects to this app."""
    db.init_app(app)
    migrate.init_app(app, db, directory=str(_root() / "migrations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
    login_manager.session_protection = "strong"
    csrf.init_app(app)
    htmx.init_app(app)
    babel.init_app(app, locale_selector=_locale, default_translation_directories="translations")
    from editorial.auth import models  # noqa: F401  (the user loader)


def _root():
    """The repository root (where migrations/ lives)."""
    from pathlib import Path

    return Path(__file__).resolve().parent.parent
