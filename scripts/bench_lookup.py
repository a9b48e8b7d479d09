"""Catalog and lookup benchmark: bulk insert, lookup latency and recall, task-lookup recall@1.

    .venv/bin/python scripts/bench_lookup.py                 # the full run recorded in docs/BENCHMARKS.md
    .venv/bin/python scripts/bench_lookup.py --quick         # a one-minute smoke run

Parts (each prints its figures beside a baseline measured in the same run):
1. bulk insert of ``--rows`` adapters (tiny rank-1 LoRAs, one description + embedding, one tag
   each) through ``add_adapters`` into SQLite and PostgreSQL, ``--batch`` rows per transaction;
   blob writes are timed separately (baseline: one adapter per transaction);
2. lookup at ``--rows`` on those real rows: ``Catalog.search`` by vector (FAISS + the SQL that
   turns description hits into adapters), warm, one query at a time; the query's encoder pass is
   timed separately and end to end (baseline: the same search on an exact flat index);
3. FAISS alone at ``--faiss-rows`` synthetic vectors: HNSW p50/p99 and recall@10 against exact
   search (baseline: exact flat search latency);
4. recall@1 of task lookup on the built-in task suite (one entry per task with its training
   descriptions; queries are the held-out descriptions), ``best`` vs ``pooled`` ranking.

Synthetic embeddings: each vector is normalise(a + t·(b − a) + σ·g/√d) for two random real
MiniLM embeddings a, b of task descriptions, t ~ U(0, 0.5), σ = 0.5, g standard normal: they
live where real description embeddings live, not on a uniform sphere (which no text produces).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
BASE = "smollm2-135m-instruct"


def log(message: str) -> None:
    print(message, flush=True)


def load() -> str:
    """The machine's load average: other processes share these cores and skew the timings."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000.0, q))


def timed_ms(values: list[float]) -> str:
    return f"p50 {pct(values, 50):.2f} ms, p99 {pct(values, 99):.2f} ms"


# --- data ---------------------------------------------------------------------------------------


def anchor_texts() -> tuple[list[str], list[str], object | None]:
    """Real description texts (the task suite's, when it exists) and the suite itself."""
    try:
        from hypernet.tasks import builtin_suite

        suite = builtin_suite()
        train = sorted({d for t in suite.tasks for d in t.descriptions})
        held = sorted({d for t in suite.tasks for d in t.heldout_descriptions})
        return train, held, suite
    except ImportError:
        import itertools

        verbs = ["Summarize", "Translate", "Classify", "Rewrite", "Reverse the words of", "Paraphrase", "Explain"]
        objects = ["news articles", "tweets", "emails", "poems", "recipes", "reviews", "code comments"]
        texts = [f"{v} {o}" for v, o in itertools.product(verbs, objects)]
        return texts, texts, None


def cached_embed(embed, texts: list[str]) -> np.ndarray:
    """Encoder output for ``texts``, cached under .t2l/bench-cache (encoding 16k texts takes
    minutes on 2 CPU cores; the figures measured here do not include it)."""
    import hashlib

    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = REPO / ".t2l" / "bench-cache" / f"minilm-{key}.npy"
    if path.exists():
        return np.load(path)
    vectors = embed(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def synthetic(anchors: np.ndarray, n: int, rng: np.random.Generator, sigma: float = 0.5) -> np.ndarray:
    d = anchors.shape[1]
    out = np.empty((n, d), np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        a = anchors[rng.integers(0, len(anchors), m)]
        b = anchors[rng.integers(0, len(anchors), m)]
        t = rng.uniform(0, 0.5, (m, 1)).astype(np.float32)
        x = a + t * (b - a) + sigma * rng.standard_normal((m, d), dtype=np.float32) / np.sqrt(d)
        out[start : start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def tiny_adapters(n: int, rng: np.random.Generator):
    """n distinct rank-1 LoRAs on one real SmolLM2 module (576→576): ~2.4 kB each in fp16."""
    import torch

    from hypernet.peft_format import LoraAdapter

    a = torch.from_numpy(rng.standard_normal((n, 1, 576), dtype=np.float32) * 0.02)
    b = torch.from_numpy(rng.standard_normal((n, 576, 1), dtype=np.float32) * 0.02)
    for i in range(n):
        yield LoraAdapter(rank=1, alpha=2.0, weights={"model.layers.0.self_attn.q_proj": (a[i], b[i])},
                          target_modules=["q_proj"], base_model=BASE)


def exact_topk(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    import faiss

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return flat.search(queries, k)[1]


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    k = truth.shape[1]
    return float(np.mean([len(set(f[:k].tolist()) & set(t.tolist())) / k for f, t in zip(found, truth)]))


# --- parts ---------------------------------------------------------------------------------------


def make_database(kind: str, work: Path) -> tuple[str, callable]:
    from sqlalchemy import create_engine, text

    if kind == "sqlite":
        return f"sqlite:///{work / 'bench.db'}", lambda: None
    name = f"t2l_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"{PG_SERVER}/{name}", drop


def part_catalog(kind: str, args, work: Path, texts: list[str], vectors: np.ndarray, queries: np.ndarray,
                 query_texts: list[str], embed, results: dict) -> None:
    from library.adapters import NewAdapter, add_adapters, file_adapters, prepare_adapters
    from library.catalog import open_catalog
    from library.db import make_engine
    from library.index import DescriptionIndex
    from library.migrate import upgrade
    from t2l.settings import Settings

    n = len(vectors)
    url, drop = make_database(kind, work)
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        settings = Settings(home=work / f"home-{kind}", database_url=url, storage_url=str(work / "store"))
        catalog = open_catalog(settings, embed=embed)
        rng = np.random.default_rng(1)
        items = results.setdefault("_items", None) or [
            NewAdapter(adapter=adapter, descriptions=[texts[i % len(texts)] + f" (variant {i})"], base_model=BASE,
                       tags=[f"family-{i % 20}"], namespace=("default", "team-a", "team-b")[i % 3],
                       embeddings=vectors[i : i + 1], dtype=None, seed=i)
            for i, adapter in enumerate(tiny_adapters(n, rng))
        ]
        results["_items"] = items
        if "prepare_per_s" not in results:  # once: the second backend finds the blobs present
            timed = min(n, 10_000)
            started = time.perf_counter()
            prepare_adapters(catalog.store, items[:timed])
            seconds = time.perf_counter() - started
            results["prepare_per_s"] = timed / seconds
            log(f"  prepare_adapters: {timed:,} adapters serialised to PEFT + blob written (atomic, fsync) in "
                f"{seconds:.1f} s = {timed / seconds:,.0f}/s (outside the database transaction)")
            catalog.store.fsync = False  # the rest only need to exist for the database part
            prepare_adapters(catalog.store, items[timed:])
            catalog.store.fsync = True

        # baseline: one adapter per transaction
        single = min(200, n // 10)
        started = time.perf_counter()
        for item in items[:single]:
            with catalog.begin() as session:
                add_adapters(session, catalog.store, None, [item])
        single_rate = single / (time.perf_counter() - started)
        half = single + (n - single) // 2 // args.batch * args.batch
        rates = {}
        for name, add, lo, hi in (("add_adapters", add_adapters, single, half), ("file_adapters", file_adapters, half, n)):
            started = time.perf_counter()
            for start in range(lo, hi, args.batch):
                with catalog.begin() as session:
                    add(session, catalog.store, None, items[start : min(start + args.batch, hi)])
            rates[name] = (hi - lo) / (time.perf_counter() - started)
        results[f"{kind}_bulk_rows_per_s"] = rates
        results[f"{kind}_single_rows_per_s"] = single_rate
        log(f"  {kind}: bulk insert, blobs already stored, each adapter +1 description with embedding +1 tag, "
            f"{args.batch} per transaction: add_adapters (returns Adapter rows) {rates['add_adapters']:,.0f}/s, "
            f"file_adapters (returns ids) {rates['file_adapters']:,.0f}/s; baseline one adapter per "
            f"transaction: {single_rate:,.0f}/s")
        again = time.perf_counter()
        with catalog.begin() as session:  # a retried batch: found by idempotency key, nothing new
            add_adapters(session, catalog.store, None, items[single : single + args.batch])
        log(f"  {kind}: retrying a batch of {args.batch} (all present) took {time.perf_counter() - again:.2f} s")

        started = time.perf_counter()
        index = catalog.reindex()
        log(f"  {kind}: reindex {index.ntotal:,} descriptions from stored embeddings -> {index.kind} "
            f"in {time.perf_counter() - started:.1f} s")
        results[f"{kind}_reindex_s"] = time.perf_counter() - started

        def lookups(qs: np.ndarray) -> list[float]:
            for q in qs[:50]:
                catalog.search(q, k=5)  # warm-up
            times = []
            for q in qs:
                t0 = time.perf_counter()
                catalog.search(q, k=5)
                times.append(time.perf_counter() - t0)
            return times

        hnsw_times = lookups(queries)
        # adapter-level recall@5 of the approximate index (one description per adapter here)
        truth = exact_topk(vectors, queries[:200], 5) + 1  # description ids start at 1, in order
        got = np.array([[h.adapter.id for h in catalog.search(q, k=5)] for q in queries[:200]])
        adapter_recall = recall(got, truth)
        flat = DescriptionIndex.build(vectors.shape[1], np.arange(1, n + 1), vectors, hnsw_threshold=10**12)
        catalog._index = flat
        flat_times = lookups(queries[:200])
        log(f"  {kind}: lookup at {n:,} adapters (vector in, adapters out, k=5): {timed_ms(hnsw_times)}, "
            f"recall@5 vs exact {adapter_recall:.3f}; baseline exact flat index: {timed_ms(flat_times)}")
        results[f"{kind}_lookup_ms"] = {"p50": pct(hnsw_times, 50), "p99": pct(hnsw_times, 99),
                                        "recall_at_5": adapter_recall, "flat_p50": pct(flat_times, 50),
                                        "flat_p99": pct(flat_times, 99)}
        catalog._index = index
        filtered = []
        for q in queries[:200]:
            t0 = time.perf_counter()
            catalog.search(q, k=5, namespace="team-a", tags=["family-7"])
            filtered.append(time.perf_counter() - t0)
        log(f"  {kind}: lookup with namespace + tag filters (1 in 60 adapters match): {timed_ms(filtered)}")
        results[f"{kind}_filtered_lookup_ms"] = {"p50": pct(filtered, 50), "p99": pct(filtered, 99)}

        if embed is not None:
            encode, total = [], []
            for text in query_texts[:200]:
                t0 = time.perf_counter()
                embed([text])
                encode.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                catalog.search(text, k=5)
                total.append(time.perf_counter() - t0)
            log(f"  {kind}: query embedding alone (MiniLM, CPU): {timed_ms(encode)}; text in, adapters out: {timed_ms(total)}")
            results[f"{kind}_text_lookup_ms"] = {"encode_p50": pct(encode, 50), "encode_p99": pct(encode, 99),
                                                 "p50": pct(total, 50), "p99": pct(total, 99)}
        catalog.close()
    finally:
        drop()


def part_faiss(args, anchors: np.ndarray, results: dict) -> None:
    from library.index import DescriptionIndex

    rng = np.random.default_rng(2)
    n = args.faiss_rows
    vectors = synthetic(anchors, n, rng)
    queries = synthetic(anchors, args.queries, rng)
    started = time.perf_counter()
    index = DescriptionIndex.build(vectors.shape[1], np.arange(n), vectors)
    build = time.perf_counter() - started
    log(f"  FAISS {index.kind} over {n:,} synthetic vectors built in {build:.0f} s")
    truth = exact_topk(vectors, queries, 10)
    default_ef = index.ef_search
    for ef in sorted({128, default_ef, 512}):
        index.ef_search = ef
        for q in queries[:50]:
            index.search(q[None], 10)
        times, found = [], []
        for q in queries:
            t0 = time.perf_counter()
            found.append(index.search(q[None], 10)[1][0])
            times.append(time.perf_counter() - t0)
        r = recall(np.array(found), truth)
        mark = " (default)" if ef == default_ef else ""
        log(f"  FAISS {index.kind} at {n:,}, k=10, efSearch {ef}{mark}: {timed_ms(times)}, recall@10 vs exact {r:.3f}")
        results[f"faiss_{n}_ef{ef}"] = {"p50": pct(times, 50), "p99": pct(times, 99), "recall_at_10": r}
    index.ef_search = default_ef
    flat = DescriptionIndex.build(vectors.shape[1], np.arange(n), vectors, hnsw_threshold=10**12)
    times = []
    for q in queries[:20]:
        t0 = time.perf_counter()
        flat.search(q[None], 10)
        times.append(time.perf_counter() - t0)
    log(f"  baseline exact flat search at {n:,}: {timed_ms(times)}")
    results[f"faiss_{n}_flat"] = {"p50": pct(times, 50), "p99": pct(times, 99), "build_s": build}


def part_suite(suite, embed, work: Path, results: dict) -> None:
    raw_embed = embed
    embed = lambda texts: cached_embed(raw_embed, list(texts))  # noqa: E731
    from library.adapters import NewAdapter
    from library.catalog import open_catalog
    from t2l.settings import Settings

    rng = np.random.default_rng(3)
    tasks = list(suite.tasks)
    train_vectors = embed([d for t in tasks for d in t.descriptions])
    settings = Settings(home=work / "home-suite", storage_url=str(work / "store-suite"))
    catalog = open_catalog(settings, embed=embed)
    items, start = [], 0
    for task, adapter in zip(tasks, tiny_adapters(len(tasks), rng)):
        n = len(task.descriptions)
        items.append(NewAdapter(adapter=adapter, descriptions=list(task.descriptions), base_model=BASE,
                                params={"task": task.id}, embeddings=train_vectors[start : start + n]))
        start += n
    rows = catalog.add(items)
    task_of = {row.id: row.params["task"] for row in rows}
    queries = [(t.id, d) for t in tasks for d in t.heldout_descriptions]
    query_vectors = embed([d for _, d in queries])
    line = []
    for ranking in ("best", "pooled"):
        hits1 = hits5 = 0
        for (task_id, _), vector in zip(queries, query_vectors):
            found = [task_of[h.adapter.id] for h in catalog.search(vector, k=5, ranking=ranking)]
            hits1 += found[:1] == [task_id]
            hits5 += task_id in found
        r1, r5 = hits1 / len(queries), hits5 / len(queries)
        results[f"suite_{ranking}"] = {"recall_at_1": r1, "recall_at_5": r5}
        line.append(f"{ranking}: recall@1 {r1:.3f}, recall@5 {r5:.3f}")
    log(f"  task suite: {len(tasks)} tasks, {len(train_vectors)} training descriptions, {len(queries)} held-out "
        f"queries; " + "; ".join(line))
    catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000, help="adapters in the catalog for parts 1-2")
    parser.add_argument("--faiss-rows", type=int, default=1_000_000, help="vectors for part 3")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=1000, help="adapters per add_adapters transaction")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: catalog,faiss,suite")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.faiss_rows, args.queries = 5_000, 50_000, 200
    skip = set(filter(None, args.skip.split(",")))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    import faiss

    from library.embed import cached_embed_fn

    log(f"# bench_lookup: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"FAISS {faiss.__version__} ({faiss.omp_get_max_threads()} threads, GPUs {faiss.get_num_gpus()})")
    results: dict = {"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}}
    embed = cached_embed_fn("all-minilm-l6-v2", "cpu")
    train_texts, held_texts, suite = anchor_texts()
    started = time.perf_counter()
    pick = np.random.default_rng(5).permutation(len(train_texts))[:3000]
    anchors = cached_embed(embed, [train_texts[i] for i in sorted(pick)])
    log(f"anchors: {len(anchors)} real description embeddings ({time.perf_counter() - started:.1f} s, cached)")
    work = Path(tempfile.mkdtemp(prefix="t2l-bench-"))
    try:
        if "catalog" not in skip:
            rng = np.random.default_rng(0)
            vectors = synthetic(anchors, args.rows, rng)
            queries = synthetic(anchors, args.queries, rng)
            for kind in args.backends.split(","):
                log(f"## catalog on {kind}, {args.rows:,} adapters ({load()})")
                part_catalog(kind, args, work, train_texts, vectors, queries, held_texts, embed, results)
        if "faiss" not in skip:
            log(f"## FAISS alone, {args.faiss_rows:,} vectors ({load()})")
            part_faiss(args, anchors, results)
        if "suite" not in skip and suite is not None:
            log(f"## task lookup on the built-in suite ({load()})")
            part_suite(suite, embed, work, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results.pop("_items", None)
    log(f"# done ({load()})")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    log(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
