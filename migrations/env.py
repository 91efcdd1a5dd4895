"""Alembic environment: runs the migrations against the Flask app's database."""

from alembic import context
from flask import current_app

from editorial.extensions import db

config = context.config


def run_offline() -> None:
    """Write SQL instead of running it (`flask db upgrade --sql`)."""
    context.configure(url=str(db.engine.url), target_metadata=db.metadata, literal_binds=True,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on a live connection; batch mode keeps SQLite ALTERs working."""
    options = current_app.extensions["migrate"].configure_args
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=db.metadata, **options)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
