"""One chunk of a bulk generation job, end to end, in a worker process.

``run_chunk`` is the plain function the ``t2l.generate_chunk`` task wraps:

1. claim the chunk (``library.jobs.claim_chunk``: nothing to do if it is done or cancelled);
2. skip descriptions whose idempotency key is already filed (a redelivery after a crash, or a
   description another job made with the same checkpoint and settings);
3. embed the rest in one batch, run the hypernetwork once for the batch, write one safetensors
   file per adapter into the content-addressed store (outside any transaction: the compute and the
   writes must not hold the database's write lock);
4. in one transaction: mark the chunk done (compare-and-set), insert every catalog row
   (``library.adapters.file_adapters``, ON CONFLICT on the key) and add to the job's counters;
5. the chunk that finishes its job brings this host's description index file level with the
   database (the database holds every embedding; a searcher catches up on open and every 2 s).

Delivery is at least once (late acks), so every step is idempotent: a chunk run twice files
nothing twice and counts nothing twice; files written for a chunk whose transaction then rolls back
are content-addressed, so a retry reuses them and an unreferenced one is harmless.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from t2l.errors import T2LError

if TYPE_CHECKING:
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    from hypernet.checkpoint import Checkpoint
    from hypernet.peft_format import LoraAdapter
    from library.catalog import Catalog

METHOD = "t2l"
DTYPES = ("float32", "bfloat16", "float16")
PRECISIONS = ("float32", "bfloat16")
# Encoder batch (CPU, GPU). On the CPU small batches win: texts are sorted by length and each batch
# is padded to its longest (measured 14 ms/description at 32, 27 ms at 512 on the busy 2-core CPU).
ENCODE_BATCH = (16, 256)
STORE_THREADS = 4  # parallel file writes: each waits on its fsync (measured 2x faster than one by one)


# --- what a job fixes for all its adapters ----------------------------------------------------------


@dataclass(frozen=True)
class GenerationSpec:
    """The settings one job generates with, stored in ``jobs.params["generation"]``.

    The idempotency key of an adapter is (description, checkpoint weights sha256, these settings):
    the same request always maps to the same catalog row, whichever job or retry files it.
    """

    checkpoint_path: str  # absolute; workers on other hosts need the checkpoint at this path
    checkpoint_sha256: str
    checkpoint_name: str  # Checkpoint.id, e.g. "untrained-3f2a…" (what adapters' metadata records)
    checkpoint_row: int  # catalog checkpoints.id
    base_model: str
    encoder: str  # the hypernetwork's encoder
    dtype: str = "float32"  # of the stored weights
    namespace: str = "default"
    precision: str = "float32"  # of the encoder and hypernetwork compute ("bfloat16": faster, slightly other weights)

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, got {self.dtype!r}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, got {self.precision!r}")

    def key(self, description: str) -> str:
        from library.adapters import idempotency_key

        settings = {"method": METHOD, "dtype": self.dtype, "namespace": self.namespace, "base_model": self.base_model,
                    "precision": self.precision}
        return idempotency_key(description, self.checkpoint_sha256, settings)

    def to_params(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> GenerationSpec:
        return cls(**params["generation"])


# --- timing -----------------------------------------------------------------------------------------


@dataclass
class StageTimer:
    """Seconds spent per pipeline stage (encode, hypernet, serialise, store, database, index)."""

    seconds: dict[str, float] = field(default_factory=dict)
    device: Any = None  # a CUDA device is synchronised before a stage's clock stops

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            if self.device is not None and getattr(self.device, "type", "cpu") == "cuda":
                import torch

                torch.cuda.synchronize(self.device)
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def rounded(self) -> dict[str, float]:
        return {stage: round(value, 6) for stage, value in self.seconds.items()}


# --- the models a worker process holds -------------------------------------------------------------


@dataclass
class Generator:
    """A hypernetwork and its encoder, loaded once per worker process and device."""

    checkpoint: Checkpoint
    encoder: SentenceTransformer
    device: torch.device

    @property
    def token_limit(self) -> int:
        return int(self.encoder.max_seq_length)


_generators: dict[tuple[str, str, str], Generator] = {}


def load_generator(spec: GenerationSpec, device: str) -> Generator:
    """The job's hypernetwork and encoder on ``device``, cached per process; ``CheckpointError``
    if the checkpoint at the job's path is not the one the job was submitted with."""
    import torch

    from hypernet.checkpoint import CheckpointError, load_checkpoint
    from hypernet.encoder import load_encoder

    key = (spec.checkpoint_path, spec.checkpoint_sha256, device, spec.precision)
    if key not in _generators:
        checkpoint = load_checkpoint(spec.checkpoint_path, device=device)
        if checkpoint.sha256 != spec.checkpoint_sha256:
            raise CheckpointError(
                f"the checkpoint at {spec.checkpoint_path} is not the one this job was submitted with "
                f"(sha256 {checkpoint.sha256[:12]}…, expected {spec.checkpoint_sha256[:12]}…): it changed since"
            )
        encoder = load_encoder(checkpoint.config.encoder, device=device)
        if spec.precision == "bfloat16":  # measured on this CPU (AVX-512 BF16): encoder 2.3x, hypernetwork 2-3x
            checkpoint.hypernet.to(torch.bfloat16)
            encoder.to(torch.bfloat16)
        _generators[key] = Generator(checkpoint, encoder, torch.device(device))
    return _generators[key]


# --- compute: descriptions in, safetensors files out ------------------------------------------------


@dataclass
class GeneratedFiles:
    """What ``generate_files`` made: for each description that worked, its adapter (weights are
    views into the batch), its PEFT config and safetensors bytes, and its embedding."""

    indices: list[int]  # positions in the input of the descriptions that worked
    adapters: list[LoraAdapter]
    configs: list[dict[str, Any]]
    files: list[bytes]
    embeddings: np.ndarray  # [len(indices), dim], L2-normalised float32
    failures: dict[int, str]  # position -> why no adapter was made


def generate_files(
    generator: Generator, texts: Sequence[str], *, dtype: str = "float32", timer: StageTimer | None = None,
) -> GeneratedFiles:
    """Embed ``texts`` in one batch, run the hypernetwork once, and serialise one PEFT adapter per
    text. Texts the encoder would truncate, or whose weights come out NaN/Inf, are reported in
    ``failures`` instead of failing the batch."""
    import numpy as np
    import torch

    from hypernet.generate import adapter_metadata, nonfinite_samples
    from hypernet.peft_format import (LoraAdapter, finite_samples, lora_keys, magnitude_key, peft_config,
                                      safetensors_batch)

    timer = timer or StageTimer()
    timer.device = generator.device
    hypernet, config = generator.checkpoint.hypernet, generator.checkpoint.config
    failures: dict[int, str] = {}
    with timer("encode"):
        limit = generator.token_limit
        lengths = [len(ids) for ids in generator.encoder.tokenizer(list(texts), add_special_tokens=True)["input_ids"]]
        for i, n in enumerate(lengths):
            if n > limit:
                failures[i] = f"{n} tokens; the encoder reads at most {limit} and would ignore the rest"
        indices = [i for i in range(len(texts)) if i not in failures]
        embeddings = generator.encoder.encode(
            [texts[i] for i in indices], batch_size=ENCODE_BATCH[generator.device.type == "cuda"],
            convert_to_tensor=True, normalize_embeddings=True, show_progress_bar=False,
        ) if indices else None
    if embeddings is None:
        return GeneratedFiles([], [], [], [], np.zeros((0, config.embedding_dim), np.float32), failures)
    with timer("hypernet"), torch.inference_mode():
        # DoRA hypernetworks also emit magnitude vectors
        weights, magnitudes = hypernet(embeddings, with_magnitudes=True) if config.use_dora else (hypernet(embeddings), None)
        if generator.device.type == "cpu":  # numpy: torch.isfinite measured 2.7 ms per adapter on this CPU
            checked = [t for pair in weights.values() for t in pair] + list((magnitudes or {}).values())
            ok = np.logical_and.reduce([finite_samples(t) for t in checked])
            bad = np.flatnonzero(~ok).tolist()
        else:
            bad = nonfinite_samples(weights, magnitudes)  # one device sync for the batch
    if bad:
        for row in bad:
            failures[indices[row]] = "the hypernetwork produced NaN/Inf weights for this description"
        rows = [row for row in range(len(indices)) if row not in set(bad)]
        keep = torch.tensor(rows, device=embeddings.device)
        weights = {name: (a.index_select(0, keep), b.index_select(0, keep)) for name, (a, b) in weights.items()}
        if magnitudes is not None:
            magnitudes = {name: m.index_select(0, keep) for name, m in magnitudes.items()}
        embeddings = embeddings.index_select(0, keep)
        indices = [indices[row] for row in rows]
    torch_dtype = getattr(torch, dtype)
    with timer("serialise"):
        host: dict[str, tuple[torch.Tensor, torch.Tensor]] = {
            name: (a.to("cpu", torch_dtype), b.to("cpu", torch_dtype)) for name, (a, b) in weights.items()
        }  # one device->host copy per module for the whole batch
        tensors: dict[str, torch.Tensor] = {}
        per_adapter: list[dict[str, tuple[torch.Tensor, torch.Tensor]]] = [{} for _ in indices]
        per_adapter_m: list[dict[str, torch.Tensor] | None] = [
            {} if magnitudes is not None else None for _ in indices]
        for spec in config.targets:
            a, b = host[spec.name]
            m = magnitudes[spec.name].to("cpu", torch_dtype) if magnitudes is not None else None
            for layer, path in enumerate(spec.paths):
                key_a, key_b = lora_keys(path)
                tensors[key_a], tensors[key_b] = a[:, layer], b[:, layer]
                # one unbind per layer, not one indexing per adapter and layer (60 x N Python calls)
                for weights_i, pair in zip(per_adapter, zip(a[:, layer].unbind(0), b[:, layer].unbind(0))):
                    weights_i[path] = pair
                if m is not None:  # DoRA: PEFT's magnitude vector beside A and B
                    tensors[magnitude_key(path)] = m[:, layer]
                    for magnitudes_i, vector in zip(per_adapter_m, m[:, layer].unbind(0)):
                        magnitudes_i[path] = vector  # type: ignore[index]
        files = safetensors_batch(tensors)
        adapters, configs = [], []
        for n, i in enumerate(indices):
            adapter = LoraAdapter(
                rank=config.rank, alpha=config.alpha, use_rslora=config.use_rslora, base_model=config.base_model,
                lora_dropout=config.lora_dropout, target_modules=list(config.target_names), weights=per_adapter[n],
                magnitudes=per_adapter_m[n],
                metadata={**adapter_metadata(config, texts[i], generator.checkpoint.id),
                          **({} if hypernet.dtype == torch.float32 else {"precision": str(hypernet.dtype)[6:]})},
            )
            adapters.append(adapter)
            configs.append(peft_config(adapter))
        vectors = embeddings.float().cpu().numpy()
    return GeneratedFiles(indices, adapters, configs, files, vectors, failures)


# --- the chunk, end to end --------------------------------------------------------------------------


class _ChunkClosed(Exception):
    """The chunk was finished or cancelled by someone else while this worker computed it."""


def run_chunk(
    catalog: Catalog,
    job_id: int,
    position: int,
    *,
    worker: str = "",
    device: str = "cpu",
    loader: Callable[[GenerationSpec, str], Generator] = load_generator,
) -> dict[str, Any]:
    """Process chunk ``position`` of job ``job_id`` (see the module doc). Returns a small JSON
    summary: ``status`` is "done", "failed" (a problem with the whole chunk, e.g. its checkpoint
    is missing on this host: recorded on the chunk, the job goes on) or "skipped" (nothing to do:
    already done, cancelled, or finished concurrently by a duplicate delivery).

    ``DatabaseUnavailableError`` and ``OSError`` (storage) propagate: the task retries them.
    """
    from library.adapters import NewAdapter, PreparedBlob
    from library.jobs import (
        add_progress,
        claim_chunk,
        fail_chunk,
        filed_keys,
        finish_chunk,
        set_chunk_timings,
    )

    timer = StageTimer()
    summary: dict[str, Any] = {"job": job_id, "chunk": position}
    with timer("database"), catalog.begin() as session:
        claimed = claim_chunk(session, job_id, position, worker or f"pid {os.getpid()}")
    if claimed is None:
        return {**summary, "status": "skipped"}
    spec = GenerationSpec.from_params(claimed.params)
    texts = [item.text for item in claimed.items]
    keys = [spec.key(text) for text in texts]
    with timer("database"), catalog.begin() as session:
        filed = filed_keys(session, keys)
    todo = []
    for i, key in enumerate(keys):
        if key not in filed:
            filed.add(key)  # a description repeated within the chunk is made once
            todo.append(i)
    errors: list[dict[str, Any]] = []
    new: list[NewAdapter] = []
    if todo:
        try:
            generator = loader(spec, device)
            made = generate_files(generator, [texts[i] for i in todo], dtype=spec.dtype, timer=timer)
        except T2LError as exc:  # the whole chunk cannot be made here (bad checkpoint, ...): record it
            with timer("database"), catalog.begin() as session:
                finished = fail_chunk(session, claimed, str(exc)) and add_progress(
                    session, job_id, done=0, failed=len(texts)
                )
            if finished:
                update_index_file(catalog)
            return {**summary, "status": "failed", "error": str(exc)}
        errors = [{"line": claimed.items[todo[i]].line, "error": why} for i, why in sorted(made.failures.items())]
        with timer("store"), ThreadPoolExecutor(STORE_THREADS) as pool:
            blobs = list(pool.map(catalog.store.put, made.files))
        # one encoder pass serves the hypernetwork and the catalog when the catalog searches with the
        # same encoder (the usual case); otherwise the catalog's encoder embeds them once more
        vectors = made.embeddings if same_encoder(catalog.encoder, spec.encoder) else (
            catalog.embed([texts[todo[i]] for i in made.indices]) if made.indices else made.embeddings)
        for n, i in enumerate(made.indices):
            line = claimed.items[todo[i]].line
            new.append(NewAdapter(
                adapter=made.adapters[n], descriptions=[texts[todo[i]]], base_model=spec.base_model, method=METHOD,
                checkpoint_id=spec.checkpoint_row, encoder=spec.encoder, namespace=spec.namespace,
                params={"job": job_id, "line": line, "dtype": spec.dtype}, key=keys[todo[i]],
                embeddings=vectors[n : n + 1], prepared=PreparedBlob(made.configs[n], blobs[n]),
            ))
    done, failed = len(texts) - len(errors), len(errors)
    try:
        with timer("database"), catalog.begin() as session:
            if not finish_chunk(session, claimed, done=done, failed=failed, errors=errors, timings=timer.rounded()):
                raise _ChunkClosed
            if new:
                from library.adapters import file_adapters

                file_adapters(session, catalog.store, None, new)  # ids only: no ORM rows loaded back
            finished = add_progress(session, job_id, done=done, failed=failed)
    except _ChunkClosed:
        return {**summary, "status": "skipped"}
    if finished:
        with timer("index"):
            update_index_file(catalog)
        with catalog.begin() as session:
            set_chunk_timings(session, claimed.chunk_id, timer.rounded())
    return {**summary, "status": "done", "done": done, "failed": failed, "new": len(new),
            "existing": len(texts) - len(todo), "attempt": claimed.attempt, "seconds": timer.rounded()}


def same_encoder(a: str, b: str) -> bool:
    """Whether two encoder specs name the same encoder (a packaged name and its directory do)."""
    from hypernet.encoder import resolve_encoder_path

    if a == b:
        return True
    try:
        return resolve_encoder_path(a) == resolve_encoder_path(b)
    except T2LError:
        return False


def update_index_file(catalog: Catalog) -> int:
    """Add every description the database holds and this process's index lacks, and save the
    index file; returns how many were added. Run when a job finishes, so the next searcher on
    this host opens an index that is already complete."""
    from library.catalog import add_missing

    index = catalog.index  # opening it syncs it with the database
    with catalog.begin() as session:
        added = add_missing(session, index, -1)
    catalog.save_index()
    return added


# --- per-process state for the Celery task ----------------------------------------------------------

_catalog: Catalog | None = None


def worker_catalog() -> Catalog:
    """This process's catalog (opened on first use, inside the pool process: never before fork)."""
    global _catalog
    if _catalog is None:
        from library.catalog import open_catalog
        from t2l.settings import get_settings

        _catalog = open_catalog(get_settings())
    return _catalog


_threads_set = False


def _before_fork(sender: Any = None, instance: Any = None, **_: Any) -> None:
    """In the worker's parent, before it forks its pool: record the concurrency (pool processes
    inherit the variable) and import the heavy libraries once, so each pool process starts with
    them (measured: two pool processes importing torch and sentence-transformers side by side took
    ~25 s on the busy 2-core machine). Imports only: CUDA must not be initialised before fork."""
    os.environ["T2L_WORKER_CONCURRENCY"] = str(getattr(instance, "concurrency", None) or 1)
    _create_catalog()
    import sentence_transformers  # noqa: F401
    import torch  # noqa: F401

    import hypernet.checkpoint  # noqa: F401
    import hypernet.generate  # noqa: F401
    import library.adapters  # noqa: F401
    import library.catalog  # noqa: F401


def _create_catalog() -> None:
    """Open (and so create and migrate, for the embedded default) the catalog before Celery's
    database result backend, which shares the embedded SQLite file, adds its tables to it: a
    catalog file holding only Celery's tables is refused as unmigrated. Closed before the fork."""
    import logging

    from library.catalog import open_catalog
    from t2l.errors import T2LError

    try:
        open_catalog().close()
    except T2LError as exc:  # the worker still starts; its tasks will report the same error
        logging.getLogger(__name__).warning("catalog not ready: %s", exc)


def connect_worker_signals() -> None:
    from celery.signals import celeryd_after_setup

    celeryd_after_setup.connect(_before_fork, weak=False)
    # forked pool processes would otherwise warn, and may deadlock, on the tokenizer's thread pool
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def configure_threads() -> None:
    """One share of the CPU per pool process: ``cpu_count / concurrency`` torch threads (or
    ``T2L_TORCH_THREADS``). Two processes with two threads each on two cores measured far slower
    than one thread each (OpenMP threads spin-waiting on each other)."""
    global _threads_set
    if _threads_set:
        return
    import torch

    threads = int(os.environ.get("T2L_TORCH_THREADS") or 0)
    if not threads:
        concurrency = int(os.environ.get("T2L_WORKER_CONCURRENCY") or 1)
        threads = max(1, (os.cpu_count() or 1) // concurrency)
    torch.set_num_threads(threads)
    _threads_set = True


def run_chunk_in_worker(job_id: int, position: int, worker: str) -> dict[str, Any]:
    """What the task calls: this process's catalog and models, the worker's device."""
    from t2l.settings import get_settings

    configure_threads()
    return run_chunk(worker_catalog(), job_id, position, worker=worker, device=get_settings().resolved_device())
