"""Errors of the catalog, each a ``T2LError`` so the CLI prints one line and exits 2."""

from __future__ import annotations

from t2l.errors import T2LError


class CatalogError(T2LError):
    """Base of the catalog's errors."""


class DatabaseUnavailableError(CatalogError):
    """The catalog database cannot be reached (server down, wrong URL, no permission)."""


class SchemaVersionError(CatalogError):
    """The database is not migrated, behind the code (run ``t2l db upgrade``) or newer than it."""


class AdapterNotFoundError(CatalogError, LookupError):
    """No adapter with the given id."""


class BlobIntegrityError(CatalogError):
    """A stored adapter file is missing, truncated or does not match its content hash."""


class IncompatibleAdapterError(CatalogError):
    """An adapter does not fit the base model it is filed under (other shapes, unknown modules)."""


class IndexMismatchError(CatalogError):
    """The FAISS description index does not agree with the database (run ``t2l catalog reindex``)."""


class AdapterMethodError(CatalogError):
    """An adapter's method cannot be used as asked (e.g. LoRA weights of a prompt-tuning adapter)."""
