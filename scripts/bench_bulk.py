"""Bulk generation end to end: adapters/s from ``submit`` until every adapter is searchable.

    # 2-core CPU, both stacks, with the one-at-a-time baseline and the full-size fault run:
    PYTHONPATH=. .venv/bin/python scripts/bench_bulk.py --n 10000 --stacks embedded,redis-postgresql --runs bulk,baseline,fault
    # one GPU (a local worker with several pool processes sharing the card):
    PYTHONPATH=. python scripts/bench_bulk.py --device cuda --concurrency 8 --chunk-size 512 --n 50000
    # one worker per GPU (scale-out on one host):
    PYTHONPATH=. python scripts/bench_bulk.py --device cuda --workers 2 --concurrency 8 --chunk-size 512 --n 50000

Per stack (``embedded``: SQLite catalog and broker under a fresh T2L_HOME; ``redis-postgresql``:
a fresh PostgreSQL database and a Redis database, flushed), real ``t2l worker`` processes:

1. warm-up: a small job, so every pool process has loaded its models (workers are long-lived;
   their start is not part of a job's throughput);
2. **bulk**: ``--n`` synthetic descriptions in chunks of ``--chunk-size``; the clock runs from the
   ``submit_job`` call until the job is done *and* a fresh catalog (as a searcher opens it) holds
   every description in its index (a sample is then found by its own text, untimed);
3. **one at a time** (baseline): the same pipeline with one description per task (claim, embed,
   generate, serialise, store, one catalog transaction), ``--baseline-n`` descriptions;
4. **fault** (``--runs ...,fault``): a fresh stack, ``--fault-n`` descriptions, ``kill -9`` of the worker's whole
   process group once half are done, a new worker, ``t2l jobs resume``, then exact counts.

Where the time goes comes from the workers' own per-chunk stage clocks (``job_chunks.timings``):
encode, hypernet, serialise (device->host copy + safetensors bytes), store (sha256 + write +
fsync), database (claim, key lookup, the chunk's transaction; not its final COMMIT), index (once,
by the chunk that finishes the job). The hypernetwork's output heads get small random weights
(``--checkpoint`` to use a real one): a fresh init makes every adapter identical, which the
content-addressed store would write once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STAGES = ("encode", "hypernet", "serialise", "store", "database", "index")
SMOLLM2 = {"vocab_size": 49152, "hidden_size": 576, "intermediate_size": 1536, "num_hidden_layers": 30,
           "num_attention_heads": 9, "num_key_value_heads": 3, "tie_word_embeddings": True}


def build_checkpoint(directory: Path, size: str) -> Path:
    """An untrained SmolLM2 hypernetwork (q_proj, v_proj) with random output heads, saved."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from hypernet.checkpoint import save_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.model import build_hypernet
    from hypernet.targets import discover_targets, select_targets

    with torch.device("meta"):
        model = LlamaForCausalLM(LlamaConfig(**SMOLLM2))
    targets = select_targets(discover_targets(model), ["q_proj", "v_proj"])
    options = {"latent_dim": 32, "head_hidden": 32} if size == "small" else {}
    config = HypernetConfig.from_targets(targets, base_model="smollm2-135m-instruct", encoder="all-minilm-l6-v2",
                                         embedding_dim=384, **options)
    hypernet = build_hypernet(config).eval()
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for head in hypernet.heads.values():
            head.weight.normal_(0.0, 0.02, generator=generator)
    save_checkpoint(hypernet, directory, trained=False)
    return directory


@dataclass
class Stack:
    """A catalog + broker + store, and the worker processes serving it."""

    name: str
    home: Path
    env: dict[str, str]
    queue: str
    args: argparse.Namespace
    workers: list[subprocess.Popen] = field(default_factory=list)
    pg_database: str | None = None

    def settings(self):
        from t2l.settings import Settings

        return Settings(home=self.home, database_url=self.env.get("T2L_DATABASE_URL", ""),
                        broker_url=self.env.get("T2L_BROKER_URL", ""),
                        result_backend=self.env.get("T2L_RESULT_BACKEND", ""), device="cpu")

    def start_workers(self) -> None:
        for i in range(self.args.workers):
            device = self.args.device
            if device == "cuda" and self.args.workers > 1:
                device = f"cuda:{i}"  # one worker per GPU
            log = (self.home / f"worker-{len(self.workers)}.log").open("a")
            self.workers.append(subprocess.Popen(
                [sys.executable, "-m", "t2l", "worker", "--device", device, "--concurrency",
                 str(self.args.concurrency), "--queues", self.queue, "--hostname", f"bench{len(self.workers)}@%h",
                 "--loglevel", "WARNING"],
                cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            ))

    def kill_workers(self) -> None:
        for process in self.workers:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the worker and its pool processes
            except ProcessLookupError:
                pass
            process.wait(timeout=30)
        self.workers.clear()


def make_stack(name: str, args: argparse.Namespace, workdir: Path) -> Stack:
    from library.catalog import open_catalog
    from library.db import make_engine
    from library.migrate import upgrade

    home = workdir / f"{name}-{uuid.uuid4().hex[:6]}"
    home.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("T2L_")}
    env.update(T2L_HOME=str(home), PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]))
    stack = Stack(name, home, env, f"bench-{uuid.uuid4().hex[:8]}", args)
    if name == "redis-postgresql":
        import redis
        from sqlalchemy import create_engine, text

        redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
        redis.Redis.from_url(redis_url).flushdb()
        stack.pg_database = f"t2l_bulkbench_{uuid.uuid4().hex[:10]}"  # not t2l_bench_*: another script uses that prefix
        admin = create_engine(f"{args.pg_server}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{stack.pg_database}"'))
        admin.dispose()
        url = f"{args.pg_server}/{stack.pg_database}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        env.update(T2L_DATABASE_URL=url, T2L_BROKER_URL=redis_url, T2L_RESULT_BACKEND=redis_url)
    open_catalog(stack.settings()).close()  # created and migrated before a worker touches it
    return stack


def drop_stack(stack: Stack, args: argparse.Namespace) -> None:
    stack.kill_workers()
    if stack.pg_database:
        import redis
        from sqlalchemy import create_engine, text

        admin = create_engine(f"{args.pg_server}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{stack.pg_database}" WITH (FORCE)'))
        admin.dispose()
        redis.Redis.from_url(f"redis://127.0.0.1:6379/{args.redis_db}").flushdb()
    if not args.keep:
        shutil.rmtree(stack.home, ignore_errors=True)


def cpu_seconds(stack: Stack) -> float:
    """CPU time (user + system) used so far by the stack's worker processes (their process groups:
    the worker and its pool processes), from /proc. On a shared machine wall-clock rates depend on
    the neighbours; CPU seconds per adapter much less."""
    groups = {process.pid for process in stack.workers}
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) in groups:  # fields[2] = pgrp (field 5 of stat)
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def searcher_embed(settings):  # noqa: ANN001, ANN201
    from library.embed import cached_embed_fn

    return cached_embed_fn(settings.encoder, "cpu")


# --- one timed job -------------------------------------------------------------------------------------


def timed_job(stack: Stack, checkpoint: Path, *, n: int, seed: int, chunk_size: int, namespace: str,
              sample: int = 20) -> dict[str, Any]:
    """Submit ``n`` synthetic descriptions, wait, check searchability; the figures of one run."""
    from library.catalog import open_catalog
    from library.jobs import job_progress
    from workers.app import make_celery_app
    from workers.jobs import submit_job, synthetic_items, wait_for_job

    settings = stack.settings()
    items = synthetic_items(n, seed)  # the input exists before the clock starts (a file on disk)
    catalog = open_catalog(settings)
    app = make_celery_app(settings)
    embed = searcher_embed(settings)  # the searcher's encoder is loaded before the clock starts too
    cpu_before, load_before = cpu_seconds(stack), os.getloadavg()[0]
    started = time.perf_counter()
    job = submit_job(catalog, app, items, checkpoint_dir=checkpoint, chunk_size=chunk_size,
                     dtype=stack.args.dtype, namespace=namespace, queue=stack.queue, precision=stack.args.precision)
    submitted = time.perf_counter()
    progress = wait_for_job(catalog, job.id, poll_seconds=0.2, timeout=stack.args.timeout)
    done_at = time.perf_counter()
    worker_cpu = cpu_seconds(stack) - cpu_before
    # Searchable: a searcher (a new catalog object, its encoder already loaded as in a running
    # search service) opens the index file the worker that finished the job saved, checked against
    # the database, and it holds every description. The clock stops there; a sample of searches by
    # each adapter's own text then verifies it (not timed).
    from sqlalchemy import func, select

    from library.models import Description

    with open_catalog(settings, embed=embed) as searcher:
        index = searcher.index
        with searcher.begin() as session:
            descriptions = session.scalar(select(func.count(Description.id)))
        finished = time.perf_counter()
        texts = random.Random(seed).sample([item.text for item in items.items], min(sample, n))
        found = sum(searcher.search(text, k=1, namespace=namespace)[0].adapter.description == text
                    for text in texts)
        with searcher.begin() as session:
            in_db = job_progress(session, job.id, with_timings=True)
        searchable = index.ntotal == descriptions and found == len(texts)
    catalog.close()
    seconds = finished - started
    worker_seconds = seconds * stack.args.workers * stack.args.concurrency
    stage_ms = {k: 1000 * in_db.timings.get(k, 0.0) / n for k in STAGES}
    return {
        "job": job.id, "n": n, "chunk_size": chunk_size, "status": progress.status, "done": progress.done,
        "failed": progress.failed, "seconds": round(seconds, 2), "adapters_per_s": round(n / seconds, 1),
        "submit_s": round(submitted - started, 2), "wait_s": round(done_at - submitted, 2),
        "searchable_s": round(finished - done_at, 2), "searchable": searchable, "index_ntotal": index.ntotal,
        "sample_found": f"{found}/{len(texts)}", "stage_ms_per_adapter": {k: round(v, 3) for k, v in stage_ms.items()},
        "other_ms_per_adapter": round(1000 * worker_seconds / n - sum(stage_ms.values()), 3),
        "redelivered": in_db.redelivered,
        # CPU the workers used per adapter, and the rate 2 (os.cpu_count()) dedicated cores would give at that cost
        "worker_cpu_ms_per_adapter": round(1000 * worker_cpu / n, 2),
        "rate_at_full_cpu": round(n / worker_cpu * (os.cpu_count() or 1), 1) if worker_cpu else None,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def fault_run(stack: Stack, checkpoint: Path, *, n: int, chunk_size: int) -> dict[str, Any]:
    """kill -9 the worker(s) once half the job is done, start new ones, resume; exact counts."""
    from sqlalchemy import func, select

    from library.catalog import open_catalog
    from library.models import Adapter, JobChunk
    from workers.app import make_celery_app
    from workers.jobs import job_status, resume_job, submit_job, synthetic_items, wait_for_job

    settings = stack.settings()
    catalog, app = open_catalog(settings), make_celery_app(settings)
    items = synthetic_items(n, 7)
    started = time.perf_counter()
    job = submit_job(catalog, app, items, checkpoint_dir=checkpoint, chunk_size=chunk_size, dtype=stack.args.dtype,
                     namespace="fault", queue=stack.queue, precision=stack.args.precision)
    while job_status(catalog, job.id).done < n // 2:
        time.sleep(0.1)
    stack.kill_workers()
    at_kill = job_status(catalog, job.id)
    killed = time.perf_counter()
    stack.start_workers()
    resumed_chunks = resume_job(catalog, app, job.id)
    final = wait_for_job(catalog, job.id, poll_seconds=0.5, timeout=stack.args.timeout)
    ended = time.perf_counter()
    with catalog.begin() as session:
        where = Adapter.namespace == "fault"
        adapters = session.scalar(select(func.count(Adapter.id)).where(where))
        keys = session.scalar(select(func.count(func.distinct(Adapter.idempotency_key))).where(where))
        hashes = list(session.scalars(select(Adapter.content_hash).where(where)))
        chunk_sum = session.scalar(select(func.sum(JobChunk.done)).where(JobChunk.job_id == job.id))
    missing_files = sum(not catalog.store.exists(h) for h in hashes)
    catalog.close()
    return {
        "n": n, "chunk_size": chunk_size, "killed_at_done": at_kill.done, "chunks_at_kill": at_kill.chunks,
        "seconds_to_kill": round(killed - started, 1), "seconds_after_kill": round(ended - killed, 1),
        "resumed_chunks": resumed_chunks, "status": final.status, "done": final.done, "failed": final.failed,
        "adapters": adapters, "distinct_keys": keys, "distinct_files": len(set(hashes)),
        "missing_files": missing_files, "chunk_done_sum": chunk_sum, "redelivered": final.redelivered,
        "exact": adapters == keys == len(set(hashes)) == n == final.done and not missing_files,
    }


def run_stack(name: str, args: argparse.Namespace, workdir: Path, checkpoint: Path) -> dict[str, Any]:
    runs = set(args.runs.split(","))
    result: dict[str, Any] = {"stack": name}
    warm_n = args.chunk_size * args.concurrency * args.workers * 2
    if runs & {"bulk", "baseline"}:
        stack = make_stack(name, args, workdir)
        try:
            stack.start_workers()
            result["warmup_s"] = timed_job(stack, checkpoint, n=warm_n, seed=99, chunk_size=args.chunk_size,
                                           namespace="warmup", sample=2)["seconds"]
            if "bulk" in runs:
                result["bulk"] = timed_job(stack, checkpoint, n=args.n, seed=args.seed, chunk_size=args.chunk_size,
                                           namespace="bulk")
                print(json.dumps({name: {"bulk": result["bulk"]}}), flush=True)
            if "baseline" in runs:
                result["one_at_a_time"] = timed_job(stack, checkpoint, n=args.baseline_n, seed=args.seed + 1,
                                                    chunk_size=1, namespace="one-at-a-time")
                print(json.dumps({name: {"one_at_a_time": result["one_at_a_time"]}}), flush=True)
        finally:
            drop_stack(stack, args)
    if "fault" in runs:  # a fresh stack: the disk holds one 10,000-adapter store at a time
        stack = make_stack(name, args, workdir)
        try:
            stack.start_workers()
            timed_job(stack, checkpoint, n=warm_n, seed=99, chunk_size=args.chunk_size, namespace="warmup", sample=2)
            result["fault"] = fault_run(stack, checkpoint, n=args.fault_n, chunk_size=args.chunk_size)
            print(json.dumps({name: {"fault": result["fault"]}}), flush=True)
        finally:
            drop_stack(stack, args)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stacks", default="embedded,redis-postgresql")
    parser.add_argument("--device", default="cpu", help="cpu, cuda (with --workers K: cuda:0..K-1)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (one per GPU)")
    parser.add_argument("--concurrency", type=int, default=2, help="pool processes per worker")
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--dtype", default="float32", help="stored adapter weights")
    parser.add_argument("--precision", default="float32", help="encoder + hypernetwork compute: float32, bfloat16")
    parser.add_argument("--size", default="default", choices=["default", "small"],
                        help="hypernetwork size when no --checkpoint: default (L, 8.6 M) or small (latent/head 32)")
    parser.add_argument("--checkpoint", type=Path, default=None)
    parser.add_argument("--runs", default="bulk,baseline", help="any of bulk, baseline, fault (the kill -9 run)")
    parser.add_argument("--baseline-n", type=int, default=300, help="descriptions one at a time")
    parser.add_argument("--fault-n", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=None, help="where the stacks live (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the stacks' files")
    parser.add_argument("--pg-server", default=os.environ.get("T2L_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis-db", type=int, default=12)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="t2l-bench-bulk-"))
    workdir.mkdir(parents=True, exist_ok=True)
    checkpoint = args.checkpoint or build_checkpoint(workdir / f"checkpoint-{args.size}", args.size)
    import torch

    report: dict[str, Any] = {
        "command": " ".join(sys.argv), "host": platform.node(), "cpus": os.cpu_count(), "torch": torch.__version__,
        "load_average_start": os.getloadavg(), "device": args.device, "workers": args.workers,
        "concurrency": args.concurrency, "chunk_size": args.chunk_size, "dtype": args.dtype,
        "precision": args.precision,
        "checkpoint": str(checkpoint), "size": None if args.checkpoint else args.size,
        "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True).stdout.strip(),
        "stacks": [],
    }
    if args.device.startswith("cuda"):
        report["gpu"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none visible"
    try:
        for name in [s for s in args.stacks.split(",") if s]:
            report["stacks"].append(run_stack(name, args, workdir, checkpoint))
    finally:
        report["load_average_end"] = os.getloadavg()
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, default=str))


def print_report(report: dict[str, Any]) -> None:
    print(f"\n{report['command']}\nload average {report['load_average_start']} -> {report['load_average_end']}")
    print("\n| stack | run | adapters | chunk | seconds | adapters/s | searchable | "
          + " | ".join(f"{s} ms" for s in STAGES) + " | other ms | worker CPU ms | load |")
    print("|---|---|---:|---:|---:|---:|---|" + "---:|" * (len(STAGES) + 2) + "---|")
    for stack in report["stacks"]:
        for run in ("bulk", "one_at_a_time"):
            r = stack.get(run)
            if not r:
                continue
            stages = " | ".join(f"{r['stage_ms_per_adapter'][s]:.2f}" for s in STAGES)
            print(f"| {stack['stack']} | {run} | {r['n']} | {r['chunk_size']} | {r['seconds']} | "
                  f"**{r['adapters_per_s']}** | {r['searchable']} ({r['sample_found']}) | {stages} | "
                  f"{r['other_ms_per_adapter']:.2f} | {r['worker_cpu_ms_per_adapter']:.1f} | "
                  f"{r['load_average'][0]}-{r['load_average'][1]} |")
        if stack.get("bulk") and stack.get("one_at_a_time"):
            bulk, one = stack["bulk"], stack["one_at_a_time"]
            print(f"| {stack['stack']} | bulk / one at a time | | | | {bulk['adapters_per_s'] / one['adapters_per_s']:.1f}x |"
                  + " |" * (len(STAGES) + 1)
                  + f" {one['worker_cpu_ms_per_adapter'] / bulk['worker_cpu_ms_per_adapter']:.1f}x less | |")
    for stack in report["stacks"]:
        if stack.get("fault"):
            f = stack["fault"]
            print(f"\nfault [{stack['stack']}]: killed at {f['killed_at_done']}/{f['n']} {f['chunks_at_kill']}, "
                  f"{f['resumed_chunks']} chunks resumed; {f['status']}: {f['adapters']} adapters, {f['distinct_keys']} "
                  f"keys, {f['distinct_files']} files, {f['missing_files']} missing, {f['redelivered']} extra "
                  f"deliveries; exact={f['exact']} ({f['seconds_to_kill']} s + {f['seconds_after_kill']} s)")


if __name__ == "__main__":
    main()
