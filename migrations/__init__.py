"""Alembic migrations of the catalog database. Apply with ``t2l db upgrade`` (see library/migrate.py);
``alembic -c migrations/alembic.ini ...`` also works for writing new revisions."""
