"""Find adapters by describing a task: FAISS over descriptions, then the database for metadata.

Results are adapters, not descriptions. Ranking:
- ``best``: an adapter scores its best-matching description's cosine similarity;
- ``pooled``: an adapter scores the cosine between the query and the normalised mean of all its
  description embeddings (candidates come from the ``best`` pass, then are re-ranked).
docs/BENCHMARKS.md ("Catalog and lookup") has the measurement that picked the default.

Filters (base model, tags, namespace, adapter methods) are applied to an over-fetched candidate list; if too few
candidates survive, an exact search scores just the descriptions of the adapters the filters allow
(ids from SQL, at most ``_EXACT_LIMIT``; vectors from the index); for broader filters the
over-fetch grows instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from library.adapters import _load_adapters, check_methods, filtered
from library.embed import EmbedFn
from library.errors import CatalogError
from library.models import Adapter, AdapterTag, BaseModel, Description

if TYPE_CHECKING:
    from library.index import DescriptionIndex

Ranking = Literal["best", "pooled"]
DEFAULT_RANKING: Ranking = "best"
_OVERFETCH = 4  # descriptions fetched per wanted adapter (adapters have several descriptions)
_MAX_FETCH = 4096  # the most descriptions one over-fetched search asks FAISS for
_EXACT_LIMIT = 50_000  # filters allowing at most this many descriptions are searched exactly


@dataclass(frozen=True)
class Filters:
    namespace: str | None
    tags: tuple[str, ...]
    base_model: str | None
    methods: tuple[str, ...] = ()  # any of these ``peft_method`` values; empty: any method

    @property
    def active(self) -> bool:
        return self.namespace is not None or bool(self.tags) or self.base_model is not None or bool(self.methods)


@dataclass
class SearchHit:
    """One result: the adapter (an ORM row, with ``base_model`` and ``tags`` loaded), its score,
    and the description that matched best."""

    adapter: Adapter
    score: float
    matched_description: str

    def to_dict(self) -> dict:
        a = self.adapter
        return {
            "id": a.id,
            "score": round(float(self.score), 6),
            "matched_description": self.matched_description,
            "description": a.description,
            "base_model": a.base_model.name,
            "namespace": a.namespace,
            "tags": a.tag_names,
            "method": a.method,
            "peft_method": a.peft_method,
            "peft_type": a.peft_type,
            "rank": a.rank,
            "alpha": a.alpha,
            "target_modules": a.target_modules,
            "content_hash": a.content_hash,
            "storage_uri": a.storage_uri,
            "created_at": a.created_at.isoformat() if a.created_at else None,
        }


def search(
    session: Session,
    index: DescriptionIndex,
    query: str | np.ndarray,
    *,
    k: int = 5,
    embed: EmbedFn | None = None,
    base_model: str | None = None,
    tags: Sequence[str] = (),
    namespace: str | None = None,
    ranking: Ranking = DEFAULT_RANKING,
    peft_methods: str | Sequence[str] | None = None,
) -> list[SearchHit]:
    """The ``k`` ready adapters that best match ``query`` (text, embedded with ``embed``, or an
    already normalised vector), best first, restricted by the given filters (``peft_methods``:
    any of these methods, e.g. ``("lora", "rslora")``; None: any)."""
    if k <= 0:
        return []
    if ranking not in ("best", "pooled"):
        raise CatalogError(f"ranking must be 'best' or 'pooled', not {ranking!r}")
    vector = _query_vector(query, embed)
    filters = Filters(namespace, tuple(dict.fromkeys(tags)), base_model, check_methods(peft_methods))
    # the top k by best description are exact once k distinct adapters are among the candidates;
    # pooled re-ranks, so it starts from a wider candidate set
    best = _best_per_adapter(session, index, vector, k if ranking == "best" else k * _OVERFETCH, filters)
    if ranking == "pooled":
        best = _pooled(session, index, vector, best)
    top = sorted(best.items(), key=lambda item: -item[1][0])[:k]
    rows = {a.id: a for a in _load_adapters(session, [aid for aid, _ in top])}
    return [SearchHit(rows[aid], score, text) for aid, (score, text) in top if aid in rows]


def _query_vector(query: str | np.ndarray, embed: EmbedFn | None) -> np.ndarray:
    if isinstance(query, str):
        if not query.strip():
            raise CatalogError("the search text is empty")
        if embed is None:
            raise CatalogError("searching by text needs an embed function (an encoder)")
        return np.asarray(embed([query]), dtype=np.float32)[:1]
    vector = np.asarray(query, dtype=np.float32).reshape(1, -1)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _best_per_adapter(
    session: Session, index: DescriptionIndex, vector: np.ndarray, want: int, filters: Filters
) -> dict[int, tuple[float, str]]:
    """{adapter id: (best description score, that description's text)} for at least ``want``
    adapters when that many match (fewer when fewer match)."""
    fetch = want * _OVERFETCH
    scores, ids = index.search(vector, fetch)
    found = _describe(session, ids[0], scores[0], filters)
    if len(found) >= want or fetch >= index.ntotal:
        return found
    if filters.active:  # selective filters: score exactly the descriptions they allow, if few
        subset = _matching_description_ids(session, filters)
        if subset is not None:
            scores, ids = index.search_subset(vector, subset, fetch)
            return _describe(session, ids, scores, filters)
    while len(found) < want and fetch < min(index.ntotal, _MAX_FETCH):  # broad filters, or rows not ready
        fetch = min(fetch * 8, _MAX_FETCH)
        scores, ids = index.search(vector, fetch)
        found = _describe(session, ids[0], scores[0], filters)
    return found


def _describe(session: Session, ids: np.ndarray, scores: np.ndarray, filters: Filters) -> dict[int, tuple[float, str]]:
    # One primary-key join; the filters are applied here, not in SQL: on SQLite without
    # statistics, a filter in the same query made the planner scan a low-selectivity index
    # instead of the primary keys (measured: 50 ms instead of 2 ms at 5,000 adapters).
    valid = ids >= 0
    score_of = dict(zip(ids[valid].tolist(), scores[valid].tolist()))
    if not score_of:
        return {}
    rows = session.execute(
        select(Description.id, Description.adapter_id, Description.text, Adapter.status, Adapter.namespace,
               Adapter.base_model_id, Adapter.peft_method)
        .join(Adapter, Adapter.id == Description.adapter_id)
        .where(Description.id.in_(list(score_of)))
    ).all()
    base_model_id = None
    if filters.base_model is not None:
        base_model_id = session.scalar(select(BaseModel.id).where(BaseModel.name == filters.base_model))
        if base_model_id is None:
            return {}
    allowed = {
        r.adapter_id for r in rows
        if r.status == "ready"
        and (filters.namespace is None or r.namespace == filters.namespace)
        and (base_model_id is None or r.base_model_id == base_model_id)
        and (not filters.methods or r.peft_method in filters.methods)
    }
    if filters.tags and allowed:
        have: dict[int, set[str]] = {}
        tag_rows = session.execute(
            select(AdapterTag.adapter_id, AdapterTag.tag).where(AdapterTag.adapter_id.in_(list(allowed)))
        )
        for adapter_id, tag in tag_rows:
            have.setdefault(adapter_id, set()).add(tag)
        allowed = {aid for aid in allowed if set(filters.tags) <= have.get(aid, set())}
    best: dict[int, tuple[float, str]] = {}
    for description_id, adapter_id, text, *_ in rows:
        score = score_of[description_id]
        if adapter_id in allowed and (adapter_id not in best or score > best[adapter_id][0]):
            best[adapter_id] = (score, text)
    return best


def _matching_description_ids(session: Session, filters: Filters) -> np.ndarray | None:
    """Ids of the descriptions of adapters passing the filters, or None if over ``_EXACT_LIMIT``.

    With a tag filter the query is driven from the tag index (``CROSS JOIN`` fixes SQLite's join
    order; PostgreSQL plans it as an inner join): SQLite without statistics otherwise started from
    the namespace index (a third of the table instead of a twentieth): ~50 ms at 100,000 adapters."""
    if not filters.tags:
        stmt = filtered(
            select(Description.id).join(Adapter, Adapter.id == Description.adapter_id),
            namespace=filters.namespace, tags=(), base_model=filters.base_model, status="ready",
            peft_methods=filters.methods,
        ).limit(_EXACT_LIMIT + 1)
        ids = np.fromiter(session.scalars(stmt), dtype=np.int64)
        return None if len(ids) > _EXACT_LIMIT else ids
    params: dict = {"tag0": filters.tags[0], "limit": _EXACT_LIMIT + 1}
    where = ["t.tag = :tag0", "a.id = t.adapter_id", "a.status = 'ready'", "d.adapter_id = a.id"]
    if filters.namespace is not None:
        where.append("a.namespace = :namespace")
        params["namespace"] = filters.namespace
    if filters.base_model is not None:
        where.append("a.base_model_id = (SELECT b.id FROM base_models b WHERE b.name = :base_model)")
        params["base_model"] = filters.base_model
    if filters.methods:
        where.append(f"a.peft_method IN ({', '.join(f':method{n}' for n in range(len(filters.methods)))})")
        params.update({f"method{n}": m for n, m in enumerate(filters.methods)})
    for n, tag in enumerate(filters.tags[1:], start=1):
        where.append(f"EXISTS (SELECT 1 FROM adapter_tags t{n} WHERE t{n}.adapter_id = a.id AND t{n}.tag = :tag{n})")
        params[f"tag{n}"] = tag
    query = sql_text(
        "SELECT d.id FROM adapter_tags t CROSS JOIN adapters a CROSS JOIN descriptions d "
        f"WHERE {' AND '.join(where)} LIMIT :limit"
    )
    ids = np.fromiter(session.scalars(query, params), dtype=np.int64)
    return None if len(ids) > _EXACT_LIMIT else ids


def _pooled(
    session: Session, index: DescriptionIndex, vector: np.ndarray, best: dict[int, tuple[float, str]]
) -> dict[int, tuple[float, str]]:
    """Re-score candidates by the cosine to the mean of their description embeddings (vectors
    from the in-memory index; only the ids come from the database)."""
    if not best:
        return {}
    pairs = session.execute(select(Description.id, Description.adapter_id).where(Description.adapter_id.in_(list(best)))).all()
    found, vectors = index.vectors_for([p[0] for p in pairs])
    owner = dict(pairs)
    sums: dict[int, np.ndarray] = {}
    for description_id, row in zip(found.tolist(), vectors):
        adapter_id = owner[description_id]
        sums[adapter_id] = sums[adapter_id] + row if adapter_id in sums else row.astype(np.float64)
    pooled: dict[int, tuple[float, str]] = {}
    for adapter_id, total in sums.items():
        centroid = total / max(float(np.linalg.norm(total)), 1e-12)
        pooled[adapter_id] = (float(centroid @ vector[0]), best[adapter_id][1])
    return pooled
