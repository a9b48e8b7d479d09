"""Filing adapters in the catalog and reading them back. Every function takes a session and
never commits: the caller owns the transaction (``with sessions.begin() as session: ...``).

Order of a bulk add (``add_adapters``): serialise every adapter and write its weights to the
store (``prepare_adapters``; content-addressed, so a retry rewrites nothing), derive idempotency
keys, skip those already filed, check shapes against the base model, embed descriptions, then
insert all rows with a few multi-row statements. The FAISS index learns the new description ids only after the caller's
commit (a session ``after_commit`` hook), so a rolled-back insert never reaches the index.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
from sqlalchemy import JSON, event, func, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from library.embed import EmbedFn, from_bytes, to_bytes
from library.errors import AdapterMethodError, AdapterNotFoundError, CatalogError, IncompatibleAdapterError
from library.models import Adapter, AdapterTag, BaseModel, CatalogInfo, Checkpoint, Description, Evaluation, utcnow
from library.store import AdapterStore, StoredBlob
from t2l.atomic import write_directory

if TYPE_CHECKING:
    import torch

    from hypernet.adapter_files import AdapterFiles
    from hypernet.peft_format import LoraAdapter
    from library.index import DescriptionIndex

_CHUNK = 1000  # rows per IN (...) list; well under every backend's parameter limit


@dataclass
class NewAdapter:
    """One adapter to file. ``descriptions[0]`` is its provenance description (the text it was
    generated from); more descriptions make it easier to find. ``embeddings`` (optional,
    [len(descriptions), dim], normalised) saves an encoder pass when the caller has them.
    ``adapter``: LoRA weights, or the files of a DoRA, prompt-tuning or bottleneck adapter
    (``hypernet.adapter_files``); its ``peft_method`` is read from it."""

    adapter: LoraAdapter | AdapterFiles
    descriptions: list[str]
    base_model: str
    method: str = "t2l"  # "t2l" (hypernetwork), "import" (hand-trained PEFT adapter), ...
    checkpoint_id: int | None = None
    encoder: str | None = None  # provenance: the encoder the hypernetwork read the description with
    seed: int | None = None
    params: dict[str, Any] = field(default_factory=dict)  # generation settings
    tags: list[str] = field(default_factory=list)
    namespace: str = "default"
    key: str | None = None  # idempotency key; derived from the fields above when None
    embeddings: np.ndarray | None = None
    dtype: torch.dtype | None = None  # store LoRA weights in this dtype (default: as given; files are kept as read)
    prepared: PreparedBlob | None = None  # set by prepare_adapters (serialised and stored)


@dataclass(frozen=True)
class PreparedBlob:
    """An adapter serialised to PEFT and its weights written to the store."""

    config: dict[str, Any]  # adapter_config.json content
    blob: StoredBlob


def prepare_adapters(store: AdapterStore, items: Sequence[NewAdapter]) -> None:
    """Serialise each item to PEFT bytes and write its weights to the store (no database work);
    ``AdapterFiles`` are stored as read.

    ``add_adapters`` calls this for items not prepared yet; callers may call it first, outside
    the database transaction (e.g. in parallel), to keep the transaction short.
    """
    from hypernet.adapter_files import AdapterFiles
    from hypernet.peft_format import adapter_to_bytes

    for item in items:
        if item.prepared is None:
            if isinstance(item.adapter, AdapterFiles):
                item.prepared = PreparedBlob(dict(item.adapter.config), store.put(item.adapter.weights))
                continue
            config, weights = adapter_to_bytes(item.adapter, item.dtype)
            item.prepared = PreparedBlob(json.loads(config), store.put(weights))


def idempotency_key(description: str, checkpoint: int | str | None, settings: Mapping[str, Any]) -> str:
    """sha256 of (description, checkpoint, generation settings) as canonical JSON: the same
    request always maps to the same adapter row, so a retried job never files a second one."""
    payload = {"description": description, "checkpoint": checkpoint, "settings": dict(settings)}
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def default_key(item: NewAdapter, content_hash: str) -> str:
    settings: dict[str, Any] = {
        **item.params,
        "method": item.method,
        "base_model": item.base_model,
        "namespace": item.namespace,
        "seed": item.seed,
    }
    if item.checkpoint_id is None:  # not generated: the weights themselves identify the request
        settings["content"] = content_hash
    return idempotency_key(item.descriptions[0], item.checkpoint_id, settings)


# --- base models and checkpoints ------------------------------------------------------------------


def ensure_base_model(
    session: Session, name: str, shapes: Mapping[str, tuple[int, int]] | None = None
) -> BaseModel:
    """The ``base_models`` row named ``name``, created if missing; ``shapes`` (from
    ``hypernet.peft_format.module_shapes``) are cached on it when given."""
    row = session.scalar(select(BaseModel).where(BaseModel.name == name))
    if row is None:
        stmt = _dialect_insert(session, BaseModel)
        if stmt is not None:  # a concurrent creator may win the unique name: then read theirs
            session.execute(stmt.values(name=name).on_conflict_do_nothing(index_elements=["name"]))
        else:
            session.execute(insert(BaseModel).values(name=name))
        row = session.scalars(select(BaseModel).where(BaseModel.name == name)).one()
    if shapes is not None:
        row.module_shapes = {path: [int(i), int(o)] for path, (i, o) in shapes.items()}
    return row


def register_checkpoint(
    session: Session, name: str, base_model: str, uri: str, *, sha256: str | None = None,
    config: Mapping[str, Any] | None = None,
) -> Checkpoint:
    """The ``checkpoints`` row named ``name`` (created if missing) for a hypernetwork checkpoint."""
    row = session.scalar(select(Checkpoint).where(Checkpoint.name == name))
    if row is None:
        row = Checkpoint(
            name=name, base_model_id=ensure_base_model(session, base_model).id, uri=uri, sha256=sha256,
            config=dict(config or {}),
        )
        session.add(row)
        session.flush()
    return row


# --- catalog facts --------------------------------------------------------------------------------


def catalog_fact(session: Session, key: str) -> str | None:
    return session.scalar(select(CatalogInfo.value).where(CatalogInfo.key == key))


def set_catalog_fact(session: Session, key: str, value: str) -> None:
    row = session.get(CatalogInfo, key)
    if row is None:
        session.add(CatalogInfo(key=key, value=value))
    else:
        row.value = value
    session.flush()


def _check_embedding_dim(session: Session, dim: int) -> None:
    """Every embedding in one catalog has one dimension (the index's); the first add fixes it."""
    known = catalog_fact(session, "embedding_dim")
    if known is None:
        set_catalog_fact(session, "embedding_dim", str(dim))
    elif int(known) != dim:
        raise CatalogError(
            f"description embeddings have dimension {dim}, this catalog's are {known}: "
            "use the encoder the catalog was built with (T2L_ENCODER)"
        )


# --- adding ---------------------------------------------------------------------------------------


def add_adapters(
    session: Session,
    store: AdapterStore,
    index: DescriptionIndex | None,
    items: Sequence[NewAdapter],
    *,
    embed: EmbedFn | None = None,
) -> list[Adapter]:
    """``file_adapters``, returning one ``Adapter`` row per item, in order (loaded with their
    base model and tags; bulk jobs that need only ids save that load with ``file_adapters``)."""
    wanted = file_adapters(session, store, index, items, embed=embed)
    loaded = {a.id: a for a in _load_adapters(session, wanted)}
    return [loaded[i] for i in wanted]


def file_adapters(
    session: Session,
    store: AdapterStore,
    index: DescriptionIndex | None,
    items: Sequence[NewAdapter],
    *,
    embed: EmbedFn | None = None,
) -> list[int]:
    """File ``items`` in bulk, idempotently: an item whose key is already filed gets the
    existing row, unchanged. Returns one adapter id per item, in order.

    Raises ``IncompatibleAdapterError`` (shapes differ from the base model's cached shapes),
    ``CatalogError`` (no descriptions, or no embeddings and no ``embed``). Nothing is inserted
    when anything fails before the INSERTs; blobs already written are harmless (content-addressed,
    and an orphan blob is never referenced).
    ``index`` may be None (a worker without an index): other processes catch up from the database.
    """
    if not items:
        return []
    for position, item in enumerate(items):
        if not item.descriptions or not all(d.strip() for d in item.descriptions):
            raise CatalogError(f"item {position}: an adapter needs at least one non-empty description")
    base_models = {name: ensure_base_model(session, name) for name in {item.base_model for item in items}}
    for position, item in enumerate(items):  # before any blob is written
        _check_shapes(item, base_models[item.base_model], position)
    # blobs next: content-addressed, so a write for an item that turns out to be filed already,
    # or for a batch that fails later, leaves nothing wrong behind
    prepare_adapters(store, items)
    keys = [item.key or default_key(item, item.prepared.blob.sha256) for item in items]  # type: ignore[union-attr]
    existing = _ids_by_key(session, keys)

    new_positions: list[int] = []
    seen: set[str] = set(existing)
    for position, key in enumerate(keys):
        if key not in seen:  # a key repeated within the batch is filed once
            seen.add(key)
            new_positions.append(position)

    if new_positions:
        vectors = _embeddings([items[p] for p in new_positions], embed)
        _check_embedding_dim(session, vectors[0].shape[1])
        rows = [_adapter_row(items[p], keys[p], base_models[items[p].base_model].id) for p in new_positions]
        inserted = _insert_adapters(session, rows)
        existing.update(inserted)
        if len(inserted) < len(rows):  # a concurrent writer filed some keys first: use theirs
            existing.update(_ids_by_key(session, [r["idempotency_key"] for r in rows if r["idempotency_key"] not in inserted]))
        fresh = [(p, inserted[keys[p]]) for p in new_positions if keys[p] in inserted]
        _insert_tags(session, [(aid, t) for p, aid in fresh for t in sorted(set(items[p].tags))])
        by_position = dict(zip(new_positions, vectors))
        _insert_descriptions(
            session, index,
            [(aid, text, vec) for p, aid in fresh for text, vec in zip(items[p].descriptions, by_position[p])],
        )

    return [existing[key] for key in keys]


def add_descriptions(
    session: Session,
    index: DescriptionIndex | None,
    adapter_id: int,
    texts: Sequence[str],
    *,
    embeddings: np.ndarray | None = None,
    embed: EmbedFn | None = None,
) -> list[int]:
    """Attach more descriptions to an adapter (texts it already has are skipped); returns the
    new description ids."""
    get_adapter(session, adapter_id)
    have = set(session.scalars(select(Description.text).where(Description.adapter_id == adapter_id)))
    keep = [i for i, t in enumerate(texts) if t.strip() and t not in have and t not in texts[:i]]
    if not keep:
        return []
    if embeddings is None:
        if embed is None:
            raise CatalogError("descriptions need embeddings: pass embeddings= or an embed function")
        embeddings = embed([texts[i] for i in keep])
    else:
        embeddings = np.asarray(embeddings, dtype=np.float32)[keep]
    _check_embedding_dim(session, embeddings.shape[1])
    return _insert_descriptions(session, index, [(adapter_id, texts[i], v) for i, v in zip(keep, embeddings)])


def _check_shapes(item: NewAdapter, base_model: BaseModel, position: int) -> None:
    from hypernet.peft_format import AdapterFormatError

    if not base_model.module_shapes:
        return  # shapes unknown (never registered): the generator is trusted
    shapes = {path: (int(i), int(o)) for path, (i, o) in base_model.module_shapes.items()}
    try:
        item.adapter.check_against(shapes)
    except AdapterFormatError as exc:
        raise IncompatibleAdapterError(
            f"item {position} ({item.descriptions[0][:60]!r}) does not fit base model '{base_model.name}': {exc}"
        ) from exc


def _embeddings(items: Sequence[NewAdapter], embed: EmbedFn | None) -> list[np.ndarray]:
    missing = [item for item in items if item.embeddings is None]
    computed: list[np.ndarray] = []
    if missing:
        if embed is None:
            raise CatalogError("adapters without description embeddings need an embed function (an encoder)")
        flat = embed([text for item in missing for text in item.descriptions])
        start = 0
        for item in missing:
            computed.append(flat[start : start + len(item.descriptions)])
            start += len(item.descriptions)
    out, it = [], iter(computed)
    for item in items:
        vectors = next(it) if item.embeddings is None else np.asarray(item.embeddings, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(item.descriptions):
            raise CatalogError(f"{len(item.descriptions)} descriptions but embeddings of shape {vectors.shape}")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out.append((vectors / np.maximum(norms, 1e-12)).astype(np.float32))
    return out


def _adapter_row(item: NewAdapter, key: str, base_model_id: int) -> dict[str, Any]:
    from hypernet.adapter_files import PEFT_TYPES, method_of

    adapter, config, blob = item.adapter, item.prepared.config, item.prepared.blob  # type: ignore[union-attr]
    peft_method = method_of(adapter)
    return {
        "idempotency_key": key,
        "content_hash": blob.sha256,
        "method": item.method,
        "peft_type": PEFT_TYPES[peft_method],
        "peft_method": peft_method,
        "rank": adapter.rank,
        "alpha": float(adapter.alpha),
        "use_rslora": bool(adapter.use_rslora),
        "target_modules": sorted(adapter.target_modules),
        "peft_config": config,
        "base_model_id": base_model_id,
        "checkpoint_id": item.checkpoint_id,
        "description": item.descriptions[0],
        "encoder": item.encoder,
        "seed": item.seed,
        "params": dict(item.params),
        "storage_uri": blob.uri,
        "size_bytes": blob.size,
        "status": "ready",
        "namespace": item.namespace,
    }


def _dialect_insert(session: Session, model: Any) -> Any:
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        return None
    return dialect_insert(model)


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _allocate_ids(session: Session, table: str, count: int) -> list[int]:
    """``count`` ids from a PostgreSQL serial column's sequence."""
    return list(session.scalars(
        sql_text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"), {"n": count}
    ))


def _copy_rows(session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL ``COPY table (columns) FROM STDIN`` inside the session's transaction."""
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _copy_value(column: Any, value: Any) -> Any:
    return json.dumps(value) if value is not None and isinstance(column.type, JSON) else value


# Why a PostgreSQL path: a multi-row INSERT ... RETURNING is parsed by psycopg in Python (about
# 1,700 adapters/s measured), and a pipelined executemany still costs the server one statement a
# row. COPY into a temporary table and one INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING
# is set-based, keeps the conflict rule, and is several times faster. SQLite's driver is C and
# takes the multi-row INSERT ... RETURNING directly.


def _insert_adapters(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert rows; returns {idempotency key: id} of those inserted. A key filed concurrently by
    another writer is skipped (ON CONFLICT DO NOTHING), not an error."""
    table = Adapter.__table__
    now = utcnow()
    rows = [{**row, "created_at": now} for row in rows]
    if _is_postgresql(session):
        columns = [c for c in table.columns if c.name != "id"]
        names = [c.name for c in columns]
        session.execute(sql_text(
            f"CREATE TEMP TABLE t2l_new_adapters ON COMMIT DROP AS SELECT {', '.join(names)} FROM adapters WITH NO DATA"
        ))
        _copy_rows(session, "t2l_new_adapters", names, ([_copy_value(c, row[c.name]) for c in columns] for row in rows))
        result = session.execute(sql_text(
            f"INSERT INTO adapters ({', '.join(names)}) SELECT {', '.join(names)} FROM t2l_new_adapters "
            "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key"
        ))
        inserted = {key: adapter_id for adapter_id, key in result}
        session.execute(sql_text("DROP TABLE t2l_new_adapters"))  # a second batch in this transaction
        return inserted
    stmt = _dialect_insert(session, table)
    stmt = stmt.on_conflict_do_nothing(index_elements=["idempotency_key"]) if stmt is not None else insert(table)
    result = session.execute(stmt.returning(table.c.id, table.c.idempotency_key), rows)
    return {key: adapter_id for adapter_id, key in result}


def _insert_tags(session: Session, rows: list[tuple[int, str]]) -> None:
    if not rows:
        return
    if _is_postgresql(session):
        _copy_rows(session, "adapter_tags", ["adapter_id", "tag"], rows)
    else:
        session.execute(insert(AdapterTag.__table__), [{"adapter_id": a, "tag": t} for a, t in rows])


def _insert_descriptions(
    session: Session, index: DescriptionIndex | None, rows: list[tuple[int, str, np.ndarray]]
) -> list[int]:
    if not rows:
        return []
    table = Description.__table__
    now = utcnow()
    if _is_postgresql(session):
        ids = _allocate_ids(session, "descriptions", len(rows))
        _copy_rows(session, "descriptions", ["id", "adapter_id", "text", "embedding", "created_at"],
                   ((i, aid, text, to_bytes(vec), now) for i, (aid, text, vec) in zip(ids, rows)))
    else:
        values = [{"adapter_id": aid, "text": text, "embedding": to_bytes(vec), "created_at": now} for aid, text, vec in rows]
        result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), values)
        ids = [row[0] for row in result]
    if index is not None:
        _add_after_commit(session, index, np.asarray(ids, np.int64), np.stack([vec for _, _, vec in rows]))
    return ids


def _add_after_commit(session: Session, index: DescriptionIndex, ids: np.ndarray, vectors: np.ndarray) -> None:
    """Queue an index add that happens only if the session's transaction commits."""
    if not session.info.get("t2l_index_hooks"):
        session.info["t2l_index_hooks"] = True
        event.listen(session, "after_commit", _apply_pending)
        event.listen(session, "after_transaction_end", _drop_pending)
    session.info.setdefault("t2l_index_pending", []).append((index, ids, vectors))


def _apply_pending(session: Session) -> None:
    for index, ids, vectors in session.info.pop("t2l_index_pending", []):
        index.add(ids, vectors)


def _drop_pending(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the outermost transaction ended without a commit
        session.info.pop("t2l_index_pending", None)


def in_list(session: Session, column: Any, values: Sequence[Any]) -> Any:
    """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``, one parameter instead of
    one per value (psycopg parses a long statement in Python each time it is sent)."""
    if _is_postgresql(session):
        from sqlalchemy import any_, bindparam
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(list(values))


def _ids_by_key(session: Session, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        stmt = select(Adapter.idempotency_key, Adapter.id).where(in_list(session, Adapter.idempotency_key, chunk))
        found.update(session.execute(stmt).tuples().all())
    return found


def _load_adapters(session: Session, ids: Sequence[int]) -> list[Adapter]:
    out: list[Adapter] = []
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        out.extend(session.scalars(select(Adapter).where(in_list(session, Adapter.id, unique[start : start + _CHUNK]))))
    return out


# --- reading --------------------------------------------------------------------------------------


def get_adapter(session: Session, adapter_id: int) -> Adapter:
    """The adapter with this id, or ``AdapterNotFoundError``."""
    adapter = session.get(Adapter, adapter_id)
    if adapter is None:
        raise AdapterNotFoundError(f"no adapter with id {adapter_id} in the catalog")
    return adapter


def find_by_key(session: Session, key: str) -> Adapter | None:
    """The adapter filed under this idempotency key, if any."""
    return session.scalar(select(Adapter).where(Adapter.idempotency_key == key))


def list_adapters(
    session: Session,
    *,
    namespace: str | None = None,
    tags: Iterable[str] = (),
    base_model: str | None = None,
    status: str | None = "ready",
    peft_methods: Iterable[str] = (),
    limit: int = 100,
    offset: int = 0,
) -> list[Adapter]:
    """Adapters matching every given filter (all ``tags`` required; any of ``peft_methods``),
    oldest first."""
    stmt = filtered(select(Adapter), namespace=namespace, tags=tags, base_model=base_model, status=status,
                    peft_methods=peft_methods)
    return list(session.scalars(stmt.order_by(Adapter.id).limit(limit).offset(offset)))


def add_evaluation(
    session: Session, adapter_id: int, benchmark: str, metric: str, score: float, *,
    num_examples: int | None = None, details: Mapping[str, Any] | None = None,
) -> Evaluation:
    """Record one score of an adapter (shown by ``t2l catalog show``)."""
    get_adapter(session, adapter_id)
    row = Evaluation(adapter_id=adapter_id, benchmark=benchmark, metric=metric, score=float(score),
                     num_examples=num_examples, details=dict(details or {}))
    session.add(row)
    session.flush()
    return row


def count_adapters(session: Session) -> int:
    return int(session.scalar(select(func.count(Adapter.id))) or 0)


def filtered(
    stmt: Any, *, namespace: str | None, tags: Iterable[str], base_model: str | None, status: str | None,
    peft_methods: Iterable[str] = (),
) -> Any:
    """Add the catalog's metadata filters to a statement that selects from ``adapters``."""
    if methods := check_methods(peft_methods):
        stmt = stmt.where(Adapter.peft_method.in_(methods))
    if status is not None:
        stmt = stmt.where(Adapter.status == status)
    if namespace is not None:
        stmt = stmt.where(Adapter.namespace == namespace)
    if base_model is not None:
        stmt = stmt.where(Adapter.base_model_id == select(BaseModel.id).where(BaseModel.name == base_model).scalar_subquery())
    for tag in dict.fromkeys(tags):
        stmt = stmt.where(select(AdapterTag.adapter_id).where(AdapterTag.adapter_id == Adapter.id, AdapterTag.tag == tag).exists())
    return stmt


def check_methods(peft_methods: str | Iterable[str] | None) -> tuple[str, ...]:
    """A method filter as a tuple (empty: any method); ``CatalogError`` for an unknown name."""
    from hypernet.adapter_files import METHODS

    if peft_methods is None:
        return ()
    methods = (peft_methods,) if isinstance(peft_methods, str) else tuple(dict.fromkeys(peft_methods))
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise CatalogError(f"unknown adapter method {unknown[0]!r}; the methods are {', '.join(METHODS)}")
    return methods


def description_embeddings(session: Session, adapter_ids: Sequence[int]) -> dict[int, np.ndarray]:
    """{adapter id: [n, dim] stored description embeddings}."""
    grouped: dict[int, list[bytes]] = {}
    for start in range(0, len(adapter_ids), _CHUNK):
        rows = session.execute(
            select(Description.adapter_id, Description.embedding)
            .where(Description.adapter_id.in_(adapter_ids[start : start + _CHUNK]))
            .order_by(Description.id)
        )
        for adapter_id, blob in rows:
            grouped.setdefault(adapter_id, []).append(blob)
    return {aid: from_bytes(blobs) for aid, blobs in grouped.items()}


# --- adapter files --------------------------------------------------------------------------------


def _peft_bytes(session: Session, store: AdapterStore, adapter_id: int) -> tuple[Adapter, bytes, bytes]:
    row = get_adapter(session, adapter_id)
    config = json.dumps(row.peft_config, indent=2, sort_keys=True).encode()
    return row, config, store.get(row.content_hash)


def read_adapter(session: Session, store: AdapterStore, adapter_id: int) -> LoraAdapter | AdapterFiles:
    """The adapter in memory (hash-verified): a ``LoraAdapter`` for lora, rslora and qlora,
    ``AdapterFiles`` for dora, prompt-tuning and bottleneck (``hypernet.adapter_files``)."""
    from hypernet.adapter_files import read_adapter_bytes

    row, config, weights = _peft_bytes(session, store, adapter_id)
    return read_adapter_bytes(config, weights, method=row.peft_method, source=f"adapter {adapter_id}")


def load_adapter(session: Session, store: AdapterStore, adapter_id: int) -> LoraAdapter:
    """The adapter's LoRA weights in memory (hash-verified), ready to apply to its base model.
    ``AdapterMethodError`` for an adapter without plain LoRA weights (use ``read_adapter``)."""
    from hypernet.adapter_files import SLOT_METHODS
    from hypernet.peft_format import adapter_from_bytes

    row, config, weights = _peft_bytes(session, store, adapter_id)
    if row.peft_method not in SLOT_METHODS:
        raise AdapterMethodError(f"adapter {adapter_id} is a {row.peft_method} adapter, not plain LoRA weights: "
                                 "read it with read_adapter, or export it (t2l catalog export)")
    adapter = adapter_from_bytes(config, weights, source=f"adapter {adapter_id}")
    if row.peft_method == "qlora":
        adapter.metadata["peft_method"] = "qlora"
    return adapter


def export_adapter(session: Session, store: AdapterStore, adapter_id: int, directory: str | Path) -> Path:
    """Write the adapter in its method's standard format, atomically (a complete directory or
    none): ``adapter_config.json`` + ``adapter_model.safetensors``, which
    ``peft.PeftModel.from_pretrained`` loads for the PEFT methods and
    ``hypernet.bottleneck.load_bottleneck`` for bottleneck adapters. The weights are the stored
    bytes; the config is the stored JSON, a PEFT config's t2l keys in ``t2l.json`` beside it
    (``hypernet.peft_format.directory_files``)."""
    from hypernet.adapter_files import read_adapter_bytes
    from hypernet.peft_format import directory_files

    row, config, weights = _peft_bytes(session, store, adapter_id)
    read_adapter_bytes(config, weights, method=row.peft_method, source=f"adapter {adapter_id}")  # refuse to export junk
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise CatalogError(f"{directory} exists and is not empty; choose a new directory")
    return write_directory(directory, directory_files(config, weights))  # replaces an empty one


def import_peft_adapter(
    session: Session,
    store: AdapterStore,
    index: DescriptionIndex | None,
    directory: str | Path,
    descriptions: Sequence[str],
    *,
    base_model: str,
    tags: Sequence[str] = (),
    namespace: str = "default",
    embed: EmbedFn | None = None,
    shapes_loader: Callable[[str], Mapping[str, tuple[int, int]]] | None = None,
    method: str | None = None,
) -> tuple[Adapter, bool]:
    """File an existing adapter directory (e.g. ``t2l train oracle`` output, or hand-trained)
    under ``base_model``: PEFT LoRA (rsLoRA, DoRA, QLoRA included), PEFT prompt tuning, or our
    bottleneck format (``hypernet.adapter_files``). ``method`` declares it (needed only for a
    QLoRA adapter without its ``metrics.json``: its files look like LoRA's); it must agree with
    the files (``AdapterFormatError`` otherwise).

    Its shapes are checked against the base model's, cached in ``base_models`` (``shapes_loader``
    fills the cache the first time, e.g. by loading the model): ``IncompatibleAdapterError`` if
    it was made for another model, and nothing is filed. Importing the same weights into the same
    namespace again returns the existing adapter (with any new descriptions attached) and
    ``False``; a new import returns ``True``.
    """
    from hypernet.adapter_files import AdapterFiles, method_of, read_adapter_dir
    from hypernet.peft_format import adapter_to_bytes

    adapter = read_adapter_dir(directory, method=method)
    row = ensure_base_model(session, base_model)
    if not row.module_shapes:
        if shapes_loader is None:
            raise CatalogError(f"the shapes of base model '{base_model}' are unknown; cannot check the adapter")
        ensure_base_model(session, base_model, shapes_loader(base_model))
    item = NewAdapter(
        adapter=adapter, descriptions=list(descriptions), base_model=base_model, method="import",
        tags=list(tags), namespace=namespace, params={"source": str(Path(directory).resolve())},
    )
    weights = adapter.weights if isinstance(adapter, AdapterFiles) else adapter_to_bytes(adapter)[1]
    content_hash = hashlib.sha256(weights).hexdigest()
    item.key = idempotency_key("", None, {"import": content_hash, "namespace": namespace, "base_model": base_model})
    before = find_by_key(session, item.key)
    if before is not None:
        if before.peft_method != method_of(adapter):
            raise CatalogError(f"these weights are already filed as adapter {before.id}, a {before.peft_method} "
                               f"adapter; not filing them again as {method_of(adapter)}")
        add_descriptions(session, index, before.id, descriptions, embed=embed)
        return before, False
    return add_adapters(session, store, index, [item], embed=embed)[0], True
