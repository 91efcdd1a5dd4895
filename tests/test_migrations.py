"""The migrations build the schema from empty, on SQLite and PostgreSQL, and match the models."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect


def test_migrations_from_empty_match_the_models(app, db, runner):
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    tables = set(inspect(db.engine).get_table_names())
    assert {"units", "users", "plans", "plan_columns", "slots"} <= tables
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output
