from __future__ import annotations

from pathlib import Path

import numpy as np

from library.index import EMPTY, DescriptionIndex


def _unit(rng, n, dim=32):
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_flat_search_is_exact_and_uses_database_ids():
    rng = np.random.default_rng(0)
    vectors, queries = _unit(rng, 300), _unit(rng, 20)
    ids = np.arange(1000, 1300, dtype=np.int64)
    index = DescriptionIndex.build(32, ids, vectors)
    assert index.kind == "flat" and index.ntotal == 300
    scores, found = index.search(queries, 5)
    want = np.argsort(-(queries @ vectors.T), axis=1)[:, :5] + 1000
    assert np.array_equal(found, want)
    np.testing.assert_allclose(scores[:, 0], np.max(queries @ vectors.T, axis=1), rtol=1e-5)


def test_becomes_hnsw_past_threshold_keeps_ids_and_recall(tmp_path: Path):
    rng = np.random.default_rng(1)
    vectors, queries = _unit(rng, 2000), _unit(rng, 50)
    index = DescriptionIndex(32, hnsw_threshold=1000)
    index.add(np.arange(1, 901), vectors[:900])
    assert index.kind == "flat"
    index.add(np.arange(901, 2001), vectors[900:])  # incremental add across the threshold
    assert index.kind == "hnsw" and index.ntotal == 2000
    assert index.fingerprint() == type(EMPTY)(2000, 2000, 2000 * 2001 // 2)
    _, found = index.search(queries, 10)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10] + 1
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, exact)])
    assert recall >= 0.95
    ids, stored = index.vectors()
    assert np.array_equal(ids, np.arange(1, 2001)) and np.allclose(stored, vectors)
    subset = np.array([5, 77, 1500, 1999, 3000])  # 3000 is not in the index: ignored
    sub_scores, sub_ids = index.search_subset(queries[0], subset, 3)
    best3 = sorted(((float(vectors[i - 1] @ queries[0]), i) for i in subset[:4]), reverse=True)[:3]
    assert sub_ids.tolist() == [i for _, i in best3]
    np.testing.assert_allclose(sub_scores, [s for s, _ in best3], rtol=1e-5)
    path = index.save(tmp_path / "i.faiss")
    again = DescriptionIndex.load(path)
    assert again.kind == "hnsw" and again.fingerprint() == index.fingerprint()
    assert np.array_equal(again.search(queries, 10)[1], found)


def test_duplicate_ids_are_not_added_twice():
    rng = np.random.default_rng(2)
    vectors = _unit(rng, 10)
    index = DescriptionIndex(32)
    assert index.add(np.arange(10), vectors) == 10
    assert index.add(np.arange(5, 12), _unit(rng, 7)) == 2
    assert index.ntotal == 12 and sorted(index.ids().tolist()) == list(range(12))


def test_empty_index_has_no_dimension_until_first_add(tmp_path: Path):
    index = DescriptionIndex(None)
    assert index.fingerprint() == EMPTY and index.ntotal == 0
    assert index.search(np.ones((1, 8), np.float32), 3)[1].tolist() == [[-1]]
    index.save(tmp_path / "empty.faiss")
    assert not (tmp_path / "empty.faiss").exists()
    index.add([7], np.ones((1, 8), np.float32) / np.sqrt(8))
    assert index.dim == 8 and index.search(np.ones((1, 8), np.float32), 3)[1].tolist() == [[7]]
