from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from library.db import make_engine
from library.errors import DatabaseUnavailableError, SchemaVersionError
from library.migrate import check_schema, current_revision, downgrade, head_revision, upgrade
from library.models import Base

CATALOG_TABLES = {"adapters", "adapter_tags", "base_models", "catalog_info", "checkpoints", "descriptions",
                  "evaluations", "jobs", "job_chunks"}


def test_upgrade_empty_database_to_head_and_back_down(db_url: str):
    engine = make_engine(db_url)
    with pytest.raises(SchemaVersionError, match="is empty: run `t2l db upgrade`"):
        check_schema(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    check_schema(engine)
    tables = set(inspect(engine).get_table_names())
    assert CATALOG_TABLES <= tables
    # the migration creates what the models describe, with the naming convention's names
    assert set(Base.metadata.tables) == CATALOG_TABLES
    unique = {u["name"] for u in inspect(engine).get_unique_constraints("adapters")}
    assert "uq_adapters_idempotency_key" in unique
    with engine.connect() as connection:
        catalog_id = connection.execute(text("SELECT value FROM catalog_info WHERE key = 'catalog_id'")).scalar()
    assert catalog_id and len(catalog_id) == 32
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert not CATALOG_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)  # and up again: downgrade left nothing behind that blocks it
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_newer_database_is_refused(db_url: str):
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    with pytest.raises(SchemaVersionError, match="newer t2l"):
        check_schema(engine)
    with pytest.raises(SchemaVersionError, match="newer t2l"):
        upgrade(engine)
    engine.dispose()


def test_tables_without_migration_record_are_refused(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    Base.metadata.create_all(engine)
    with pytest.raises(SchemaVersionError, match="no migration record"):
        check_schema(engine)


def test_unreachable_database_is_a_clear_error():
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/t2l", connect_timeout=2)
    with pytest.raises(DatabaseUnavailableError, match="cannot reach the catalog database .*127.0.0.1:1"):
        check_schema(engine)


def test_migrations_create_exactly_what_the_models_describe(db_url: str):
    """No model change without a migration: autogenerate against head finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, Base.metadata) if not _is_alembic_version(d)]
    assert diff == []
    engine.dispose()


def _is_alembic_version(diff) -> bool:  # noqa: ANN001
    return diff[0] == "remove_table" and diff[1].name == "alembic_version"


def test_0003_names_the_method_of_existing_adapters(db_url: str):
    """Rows filed before adapters had methods are LoRA: rsLoRA where ``use_rslora`` is set."""
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO base_models (id, name, created_at) VALUES (1, 'm', CURRENT_TIMESTAMP)"))
        for i, rslora in ((1, True), (2, False)):
            connection.execute(text(
                "INSERT INTO adapters (id, idempotency_key, content_hash, method, peft_type, rank, alpha, use_rslora, "
                "target_modules, peft_config, base_model_id, description, params, storage_uri, size_bytes, status, "
                "namespace, created_at) VALUES (:i, :k, 'h', 't2l', 'LORA', 8, 16, :r, '[]', '{}', 1, 'd', '{}', 'u', "
                "1, 'ready', 'default', CURRENT_TIMESTAMP)"), {"i": i, "k": f"key{i}", "r": rslora})
    upgrade(engine)
    with engine.connect() as connection:
        methods = dict(connection.execute(text("SELECT id, peft_method FROM adapters ORDER BY id")).all())
    assert methods == {1: "rslora", 2: "lora"}
    downgrade(engine, "0002")  # and back: the column goes, the rows stay
    assert "peft_method" not in {c["name"] for c in inspect(engine).get_columns("adapters")}
    engine.dispose()
