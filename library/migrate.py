"""Apply and check the catalog's Alembic migrations, with no ini file and from any directory.

The scripts live in the ``migrations`` package (installed with t2l), found through its
``__file__``; ``t2l db upgrade`` calls :func:`upgrade`, and :func:`check_schema` makes every
other entry point refuse a database that is unmigrated, behind, or newer than this code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from library.db import check_reachable, display_url, translate_db_errors
from library.errors import SchemaVersionError


def _script_location() -> Path:
    import migrations

    # __path__, not __file__: also right when an old editable install maps it as a namespace
    return Path(next(iter(migrations.__path__))).resolve()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_script_location()))
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts().get_current_head()
    assert head is not None, "migrations/versions holds no revision"
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for a database never migrated."""
    check_reachable(engine)
    with translate_db_errors(engine), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (default: the newest), in one transaction."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate down to ``revision`` (``base`` removes every table of the catalog)."""
    _run(engine, command.downgrade, revision)


def _run(engine: Engine, action, revision: str) -> None:  # noqa: ANN001
    check_reachable(engine)
    current = current_revision(engine)
    if current is not None and not _known(current):
        raise SchemaVersionError(_newer_message(engine, current))
    config = alembic_config()
    with translate_db_errors(engine), engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def _known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id
        return False


def _newer_message(engine: Engine, current: str) -> str:
    return (
        f"the catalog database {display_url(engine)} is at revision {current}, which this t2l does not "
        f"know (its newest is {head_revision()}): the database was migrated by a newer t2l; upgrade t2l"
    )


def check_schema(engine: Engine) -> None:
    """Return when the database is at this code's head revision; otherwise raise
    ``SchemaVersionError`` saying what to do (or ``DatabaseUnavailableError``)."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    where = display_url(engine)
    if current is None:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
        what = "has tables but no migration record" if tables else "is empty"
        raise SchemaVersionError(f"the catalog database {where} {what}: run `t2l db upgrade` first")
    if not _known(current):
        raise SchemaVersionError(_newer_message(engine, current))
    raise SchemaVersionError(
        f"the catalog database {where} is at revision {current}, this t2l needs {head}: run `t2l db upgrade`"
    )
