"""The catalog as one object: database, adapter store, description index and encoder, opened from
settings. Long-lived processes (dispatcher, workers) open one per process; commands open one per
invocation. The plain functions it wraps live in ``library.adapters`` and ``library.lookup``.

    from library.catalog import open_catalog
    with open_catalog() as catalog:
        hits = catalog.search("translate English to French", k=5)
        with catalog.begin() as session:                     # the caller's transaction
            rows = add_adapters(session, catalog.store, catalog.index, items, embed=catalog.embed)
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from library import adapters as ops
from library.db import check_reachable, make_engine, make_sessions, translate_db_errors
from library.embed import EmbedFn, cached_embed_fn, from_bytes
from library.errors import CatalogError
from library.index import EMPTY, DescriptionIndex, Fingerprint
from library.migrate import check_schema, upgrade
from library.models import Adapter, Description
from library.lookup import DEFAULT_RANKING, Ranking, SearchHit, search
from library.store import AdapterStore

if TYPE_CHECKING:
    from hypernet.adapter_files import AdapterFiles
    from hypernet.peft_format import LoraAdapter
    from t2l.settings import Settings

_REBUILD_CHUNK = 50_000
_REFRESH_WINDOW = 10_000  # ids below the index's max re-checked on refresh (out-of-order commits)


# --- index <-> database ---------------------------------------------------------------------------


def db_fingerprint(session: Session) -> Fingerprint:
    """(count, max id, sum of ids) of ``descriptions``, computed by the database."""
    count, max_id, id_sum = session.execute(
        select(func.count(Description.id), func.max(Description.id), func.sum(Description.id))
    ).one()
    return Fingerprint(int(count or 0), int(max_id or 0), int(id_sum or 0)) if count else EMPTY


def add_missing(session: Session, index: DescriptionIndex, above: int) -> int:
    """Add to ``index`` every stored description with id > ``above`` it does not hold yet."""
    ids = np.fromiter(session.scalars(select(Description.id).where(Description.id > above)), dtype=np.int64)
    missing = ids[~np.isin(ids, index.ids())] if len(ids) else ids
    added = 0
    for start in range(0, len(missing), _REBUILD_CHUNK):
        chunk = missing[start : start + _REBUILD_CHUNK].tolist()
        rows = session.execute(select(Description.id, Description.embedding).where(Description.id.in_(chunk))).all()
        added += index.add([r[0] for r in rows], from_bytes([r[1] for r in rows]))
    return added


def sync_index(session: Session, index: DescriptionIndex) -> str | None:
    """Bring ``index`` level with the database if only new rows are missing. Returns a message
    when it added rows, None when it already agreed; raises ``IndexMismatchError`` when the two
    disagree otherwise (rows the database no longer has, or a file from another catalog)."""
    from library.errors import IndexMismatchError

    in_db, in_index = db_fingerprint(session), index.fingerprint()
    if in_db == in_index:
        return None
    if in_index.count < in_db.count:
        added = add_missing(session, index, -1)
        if index.fingerprint() == in_db:
            return f"description index was behind the database by {added} descriptions; caught up"
    raise IndexMismatchError(
        f"description index ({in_index}) disagrees with the database ({in_db}): run `t2l catalog reindex`"
    )


def rebuild_index(session: Session, **options: Any) -> DescriptionIndex:
    """A new index from the embeddings stored in the database (no encoder pass)."""
    ids: list[np.ndarray] = []
    vectors: list[np.ndarray] = []
    last = -1
    while True:  # keyset pagination: constant memory per round, no OFFSET scans
        rows = session.execute(
            select(Description.id, Description.embedding)
            .where(Description.id > last)
            .order_by(Description.id)
            .limit(_REBUILD_CHUNK)
        ).all()
        if not rows:
            break
        ids.append(np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))
        vectors.append(from_bytes([r[1] for r in rows]))
        last = rows[-1][0]
    if not ids:
        return DescriptionIndex(None, **options)
    all_vectors = np.concatenate(vectors)
    return DescriptionIndex.build(all_vectors.shape[1], np.concatenate(ids), all_vectors, **options)


def index_path(engine: Engine, home: Path, catalog_id: str) -> Path:
    """Where this catalog's index lives: beside an SQLite file, else under ``home/index``; the
    file is named after the database's ``catalog_id``, so it never pairs with another catalog."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db_file = Path(url.database).expanduser().resolve()
        return db_file.parent / f"{db_file.name}.{catalog_id}.faiss"
    return home / "index" / f"{catalog_id}.faiss"


# --- the catalog object ---------------------------------------------------------------------------


class Catalog:
    """An opened catalog. ``index`` and ``embed`` load on first use (FAISS file, encoder)."""

    def __init__(
        self, engine: Engine, store: AdapterStore, *, home: Path, encoder: str, device: str = "cpu",
        embed: EmbedFn | None = None, index_options: Mapping[str, Any] | None = None,
        refresh_seconds: float = 2.0,
    ) -> None:
        self.engine = engine
        self.sessions = make_sessions(engine)
        self.store = store
        self.home = home
        self.encoder = encoder
        self.device = device
        self.index_options = dict(index_options or {})
        self.refresh_seconds = refresh_seconds
        self.messages: list[str] = []  # what opening the index had to fix, for the CLI to show
        self._embed = embed
        self._index: DescriptionIndex | None = None
        self._refreshed = 0.0

    # --- plumbing -------------------------------------------------------------------------------

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with translate_db_errors(self.engine), self.sessions.begin() as session:
            yield session

    @property
    def embed(self) -> EmbedFn:
        if self._embed is None:
            self._check_encoder()
            self._embed = cached_embed_fn(self.encoder, self.device)
        return self._embed

    def _check_encoder(self) -> None:
        with self.begin() as session:
            recorded = ops.catalog_fact(session, "encoder")
            if recorded is None:
                ops.set_catalog_fact(session, "encoder", self.encoder)
            elif recorded != self.encoder:
                raise CatalogError(
                    f"this catalog's descriptions were embedded with encoder '{recorded}', but T2L_ENCODER "
                    f"is '{self.encoder}': use the same encoder"
                )

    @property
    def index(self) -> DescriptionIndex:
        if self._index is None:
            self._index = self._open_index()
            self._refreshed = time.monotonic()
        return self._index

    def _open_index(self) -> DescriptionIndex:
        with self.begin() as session:
            catalog_id = ops.catalog_fact(session, "catalog_id") or "catalog"
            path = index_path(self.engine, self.home, catalog_id)
            index: DescriptionIndex | None = None
            if path.exists():
                try:
                    index = DescriptionIndex.load(path, **self.index_options)
                except RuntimeError as exc:
                    self.messages.append(f"description index {path} is unreadable ({exc}); rebuilt it")
            elif db_fingerprint(session) != EMPTY:
                self.messages.append(f"description index {path} was missing; rebuilt it from the database")
            if index is not None:
                try:
                    note = sync_index(session, index)
                    if note:
                        self.messages.append(note)
                except CatalogError as exc:
                    self.messages.append(f"{exc}; rebuilt it from the stored embeddings")
                    index = None
            if index is None:
                index = rebuild_index(session, **self.index_options)
        index.path = path
        if index.dirty or not path.exists():
            index.save(path)
        return index

    def refresh(self) -> int:
        """Pick up descriptions other processes committed since the index was opened (the
        recent id range only; a full check happens at open). Returns how many were added."""
        if self._index is None:
            _ = self.index
            return 0
        with self.begin() as session:
            added = add_missing(session, self._index, max(self._index.fingerprint().max_id - _REFRESH_WINDOW, 0))
        self._refreshed = time.monotonic()
        return added

    def reindex(self) -> DescriptionIndex:
        """Rebuild the index from the database's stored embeddings and save it."""
        with self.begin() as session:
            catalog_id = ops.catalog_fact(session, "catalog_id") or "catalog"
            index = rebuild_index(session, **self.index_options)
        index.save(index_path(self.engine, self.home, catalog_id))
        self._index = index
        return index

    def save_index(self) -> None:
        if self._index is not None and self._index.dirty:
            self._index.save()

    def close(self) -> None:
        self.save_index()
        self.engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the API in one transaction each --------------------------------------------------------

    def add(self, items: Sequence[ops.NewAdapter]) -> list[Adapter]:
        """``add_adapters`` in its own transaction (one for the whole batch)."""
        embed = self.embed if any(item.embeddings is None for item in items) else None
        with self.begin() as session:
            return ops.add_adapters(session, self.store, self.index, items, embed=embed)

    def search(
        self, query: str | np.ndarray, *, k: int = 5, base_model: str | None = None, tags: Sequence[str] = (),
        namespace: str | None = None, ranking: Ranking = DEFAULT_RANKING,
        peft_methods: str | Sequence[str] | None = None,
    ) -> list[SearchHit]:
        index = self.index
        if time.monotonic() - self._refreshed > self.refresh_seconds:
            self.refresh()
        embed = self.embed if isinstance(query, str) else None
        with self.begin() as session:
            return search(session, index, query, k=k, embed=embed, base_model=base_model, tags=tags,
                          namespace=namespace, ranking=ranking, peft_methods=peft_methods)

    def get(self, adapter_id: int) -> Adapter:
        with self.begin() as session:
            return ops.get_adapter(session, adapter_id)

    def load(self, adapter_id: int) -> LoraAdapter:
        with self.begin() as session:
            return ops.load_adapter(session, self.store, adapter_id)

    def read(self, adapter_id: int) -> LoraAdapter | AdapterFiles:
        with self.begin() as session:
            return ops.read_adapter(session, self.store, adapter_id)

    def export(self, adapter_id: int, directory: str | Path) -> Path:
        with self.begin() as session:
            return ops.export_adapter(session, self.store, adapter_id, directory)

    def import_dir(
        self, directory: str | Path, descriptions: Sequence[str], *, base_model: str, tags: Sequence[str] = (),
        namespace: str = "default", shapes_loader: Any = None, method: str | None = None,
    ) -> tuple[Adapter, bool]:
        with self.begin() as session:
            return ops.import_peft_adapter(
                session, self.store, self.index, directory, descriptions, base_model=base_model, tags=tags,
                namespace=namespace, embed=self.embed, shapes_loader=shapes_loader, method=method,
            )


def open_catalog(settings: Settings | None = None, *, embed: EmbedFn | None = None, **index_options: Any) -> Catalog:
    """Open the catalog the settings name (``T2L_DATABASE_URL``, ``T2L_STORAGE_URL``, ...).

    Raises ``DatabaseUnavailableError`` when the database cannot be reached and
    ``SchemaVersionError`` when it is not at this code's migration head. The embedded default
    (SQLite under ``T2L_HOME``, no URL set) is created and migrated on first use.
    """
    from t2l.settings import get_settings

    settings = settings or get_settings()
    url = settings.resolved_database_url
    engine = make_engine(url)
    if not settings.database_url and not Path(make_url(url).database or "").exists():
        upgrade(engine)  # the embedded default needs no setup step
    check_reachable(engine)
    check_schema(engine)
    return Catalog(
        engine,
        AdapterStore(settings.resolved_storage_url),
        home=settings.home,
        encoder=settings.encoder,
        device=_device(settings),
        embed=embed,
        index_options=index_options,
    )


def _device(settings: Settings) -> str:
    # the encoder is small: only an explicit device setting moves it off the CPU
    return settings.device if settings.device != "auto" else "cpu"
