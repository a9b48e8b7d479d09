"""FAISS index over description embeddings; FAISS ids are ``descriptions.id``.

Vectors are L2-normalised, so inner product is cosine similarity. Small catalogs use an exact
flat index; at ``hnsw_threshold`` vectors it becomes HNSW (approximate; no training step, so
incremental adds stay cheap). With a GPU and faiss-gpu, searches run exactly on a GPU copy.

The database is the source of truth (embeddings are stored there as bytes); the index file is a
cache of it, named after the catalog's ``catalog_id`` and checked against the database's
``(count, max id, sum of ids)`` when opened (``library.catalog.sync_index``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

DEFAULT_HNSW_THRESHOLD = 20_000  # flat search costs ~0.15 ms per 1,000 vectors on 2 CPU cores
DEFAULT_HNSW_M = 32
DEFAULT_EF_CONSTRUCTION = 40
DEFAULT_EF_SEARCH = 256  # recall@10 0.944 at 128 on 1M synthetic vectors; see docs/BENCHMARKS.md


@dataclass(frozen=True)
class Fingerprint:
    """What the index holds, comparable with the same numbers computed by the database."""

    count: int
    max_id: int
    id_sum: int

    def __str__(self) -> str:
        return f"{self.count} descriptions, max id {self.max_id}, id sum {self.id_sum}"


EMPTY = Fingerprint(0, 0, 0)


def as_matrix(vectors: np.ndarray | list, dim: int | None = None) -> np.ndarray:
    """A C-contiguous float32 [n, dim] array (FAISS wants exactly that)."""
    matrix = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    if dim is not None and matrix.shape[1] != dim:
        raise ValueError(f"embeddings have dimension {matrix.shape[1]}, the index has {dim}")
    return matrix


def normalize(vectors: np.ndarray) -> np.ndarray:
    matrix = as_matrix(vectors).copy()
    faiss.normalize_L2(matrix)
    return matrix


class DescriptionIndex:
    """An id-mapped inner-product index (``IndexIDMap2`` over Flat or HNSW)."""

    def __init__(
        self,
        dim: int | None,
        *,
        path: Path | None = None,
        hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
        hnsw_m: int = DEFAULT_HNSW_M,
        ef_construction: int = DEFAULT_EF_CONSTRUCTION,
        ef_search: int = DEFAULT_EF_SEARCH,
        use_gpu: bool | None = None,
        _index: faiss.Index | None = None,
    ) -> None:
        self.dim = dim
        self.path = path
        self.hnsw_threshold = hnsw_threshold
        self.hnsw_m = hnsw_m
        self.ef_construction = ef_construction
        self.ef_search = ef_search
        self.use_gpu = faiss_gpu_available() if use_gpu is None else use_gpu
        # None until the first add when the dimension is not known yet (an empty catalog)
        self.index: faiss.IndexIDMap2 | None = _index if _index is not None else (self._new_flat() if dim else None)
        self._ids = (
            faiss.vector_to_array(self.index.id_map).astype(np.int64) if self.index is not None else np.zeros(0, np.int64)
        )
        self._gpu: tuple | None = None  # (resources, GpuIndexFlatIP, ids), built on first search
        self._order: np.ndarray | None = None  # argsort of _ids, for id -> row lookups
        self.dirty = False

    # --- construction ---------------------------------------------------------------------------

    def _new_flat(self) -> faiss.IndexIDMap2:
        return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))

    def _new_hnsw(self) -> faiss.IndexIDMap2:
        hnsw = faiss.IndexHNSWFlat(self.dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = self.ef_construction
        hnsw.hnsw.efSearch = self.ef_search
        return faiss.IndexIDMap2(hnsw)

    @property
    def kind(self) -> str:
        if self.index is None:
            return "flat"
        return "hnsw" if isinstance(faiss.downcast_index(self.index.index), faiss.IndexHNSW) else "flat"

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    def ids(self) -> np.ndarray:
        return self._ids

    def fingerprint(self) -> Fingerprint:
        if not len(self._ids):
            return EMPTY
        return Fingerprint(len(self._ids), int(self._ids.max()), int(self._ids.sum()))

    # --- changes ----------------------------------------------------------------------------------

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> int:
        """Add vectors under their description ids; ids already present are skipped (a retried
        sync never doubles an entry). Returns how many were added."""
        ids = np.asarray(ids, dtype=np.int64)
        vectors = as_matrix(vectors, self.dim)
        if self.index is None:
            self.dim = vectors.shape[1]
            self.index = self._new_flat()
        if len(ids) != len(vectors):
            raise ValueError(f"{len(ids)} ids for {len(vectors)} vectors")
        if len(self._ids) and len(ids) and ids.min() <= self._ids.max():
            keep = ~np.isin(ids, self._ids)
            ids, vectors = ids[keep], vectors[keep]
        if not len(ids):
            return 0
        if self.kind == "flat" and self.ntotal + len(ids) >= self.hnsw_threshold:
            self._switch_to_hnsw(ids, vectors)
        else:
            self.index.add_with_ids(vectors, ids)
            self._ids = np.concatenate([self._ids, ids])
        self._order = None
        if self._gpu is not None:
            resources, gpu_index, gpu_ids = self._gpu
            gpu_index.add(vectors)
            self._gpu = (resources, gpu_index, np.concatenate([gpu_ids, ids]))
        self.dirty = True
        return len(ids)

    def _switch_to_hnsw(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        old_ids, old_vectors = self.vectors()
        index = self._new_hnsw()
        all_ids = np.concatenate([old_ids, ids])
        index.add_with_ids(np.concatenate([old_vectors, vectors]), all_ids)
        self.index, self._ids = index, all_ids

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of everything in the index, in insertion order."""
        if self.index is None or self.ntotal == 0:
            return self._ids.copy(), np.zeros((0, self.dim or 0), np.float32)
        return self._ids.copy(), np.array(self._matrix(), dtype=np.float32)

    @classmethod
    def build(cls, dim: int, ids: np.ndarray, vectors: np.ndarray, **options) -> DescriptionIndex:
        """A new index holding exactly ``ids``/``vectors`` (flat or HNSW by size)."""
        index = cls(dim, **options)
        index.add(ids, vectors)
        return index

    # --- search -----------------------------------------------------------------------------------

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores [nq, k], description ids [nq, k]); missing slots have id -1."""
        if self.ntotal == 0:
            queries = as_matrix(queries)
            return np.full((len(queries), 1), -np.inf, np.float32), np.full((len(queries), 1), -1, np.int64)
        queries = as_matrix(queries, self.dim)
        k = max(1, min(k, self.ntotal))
        if self.use_gpu:
            return self._search_gpu(queries, k)
        with _threads(1 if len(queries) <= 4 else None):
            if self.kind == "hnsw":
                params = faiss.SearchParametersHNSW()
                params.efSearch = max(self.ef_search, k)
                return self.index.search(queries, k, params=params)
            return self.index.search(queries, k)

    def search_subset(self, query: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Exact (scores, ids) of the best ``k`` among ``ids`` only (ids the index lacks are
        ignored): for filters so selective that approximate candidates would miss them. FAISS
        scores only the selected rows of the stored vectors (no copy)."""
        rows = self._rows(np.asarray(ids, dtype=np.int64))
        rows = rows[rows >= 0]
        if not len(rows):
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        params = faiss.SearchParameters()
        params.sel = faiss.IDSelectorBatch(rows)
        with _threads(1):
            scores, found = self._flat().search(as_matrix(query, self.dim)[:1], min(k, len(rows)), params=params)
        keep = found[0] >= 0
        return scores[0][keep], self._ids[found[0][keep]]

    def vectors_for(self, ids: np.ndarray | list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(ids found, their vectors) for the given ids; ids the index lacks are left out."""
        ids = np.asarray(ids, dtype=np.int64)
        if self.index is None or not len(ids):
            return np.zeros(0, np.int64), np.zeros((0, self.dim or 0), np.float32)
        rows = self._rows(ids)
        keep = rows >= 0
        return ids[keep], np.array(self._matrix()[rows[keep]])

    def _rows(self, ids: np.ndarray) -> np.ndarray:
        """Row of each id in insertion order (-1 if absent)."""
        if self._order is None:
            self._order = np.argsort(self._ids, kind="stable")
        sorted_ids = self._ids[self._order]
        at = np.clip(np.searchsorted(sorted_ids, ids), 0, max(len(sorted_ids) - 1, 0))
        found = (sorted_ids[at] == ids) if len(sorted_ids) else np.zeros(len(ids), bool)
        return np.where(found, self._order[at] if len(sorted_ids) else -1, -1)

    def _flat(self) -> faiss.IndexFlat:
        """The flat index holding the vectors in insertion order (HNSW's storage, or the index)."""
        storage = faiss.downcast_index(self.index.index)
        return faiss.downcast_index(storage.storage) if isinstance(storage, faiss.IndexHNSW) else storage

    def _matrix(self) -> np.ndarray:
        """The stored vectors as a numpy view (no copy; valid until the next add)."""
        flat = self._flat()
        return faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * self.dim).reshape(flat.ntotal, self.dim)

    def _search_gpu(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if self._gpu is None:
            resources = faiss.StandardGpuResources()
            gpu_index = faiss.GpuIndexFlatIP(resources, self.dim)
            ids, vectors = self.vectors()
            gpu_index.add(vectors)
            self._gpu = (resources, gpu_index, ids)
        _, gpu_index, ids = self._gpu
        scores, positions = gpu_index.search(queries, k)
        return scores, np.where(positions >= 0, ids[np.clip(positions, 0, None)], -1)

    # --- persistence ------------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> Path:
        """Write the index atomically (temporary file, then rename)."""
        path = Path(path or self.path or "")
        if not path.name:
            raise ValueError("no path to save the index to")
        if self.index is None:
            path.unlink(missing_ok=True)  # an empty catalog has no index file
            self.path, self.dirty = path, False
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self.index, temp)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.path, self.dirty = path, False
        return path

    @classmethod
    def load(cls, path: Path, **options) -> DescriptionIndex:
        """Read an index written by :meth:`save` (``RuntimeError`` from FAISS if it is damaged)."""
        index = faiss.read_index(str(path))
        if not isinstance(index, faiss.IndexIDMap2):
            raise RuntimeError(f"{path} is not an id-mapped FAISS index")
        return cls(index.d, path=Path(path), _index=index, **options)


@contextmanager
def _threads(count: int | None) -> Iterator[None]:
    """Run FAISS with ``count`` OpenMP threads. One query gains nothing from threads, and on a busy
    machine their barrier costs ~15 ms a search (measured: 0.14 ms with one thread, 16 ms with
    two while another process held a core). The setting is per calling thread."""
    if count is None:
        yield
        return
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def faiss_gpu_available() -> bool:
    return hasattr(faiss, "StandardGpuResources") and faiss.get_num_gpus() > 0
