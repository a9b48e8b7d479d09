"""The dispatcher: a task description in, the right adapter applied to the base model out.

Per description: embed it once, look it up in the catalog (adapters for this base model only);
if the best match scores at least the threshold, use that adapter ("retrieved"), else synthesise
one with the hypernetwork ("generated"; optionally filed in the catalog). A retrieved adapter
whose file is damaged or that does not fit the slots falls back to synthesis, and the provenance
says why. Adapters are applied through ``library.slots``: preallocated slots on the base model,
an LRU of packed adapters in host memory, and mixed-adapter batches in one forward pass per step.

Adapter methods (``APPLIED_THROUGH``): LoRA, rsLoRA and QLoRA adapters are plain LoRA weights and go
in the slots, each with its own scaling (alpha/r, or alpha/sqrt(r) for rsLoRA). A QLoRA adapter is
applied to the full-precision base model, as PEFT applies one to an unquantised model: its
weights do not depend on the 4-bit format, but the base it was trained on was quantised, so its
answers can differ slightly from the 4-bit model's. DoRA and prompt-tuning adapters are applied
by PEFT, bottleneck adapters by forward hooks (``hypernet.evaluate.peft_applied``): correct, but
slower, since each such adapter serves its own requests in a separate pass (and PEFT wraps the
model each time). The provenance says which path served (``applied``). ``methods=`` restricts
retrieval to some methods (e.g. only those the slots take). A DoRA hypernetwork's synthesised
adapters take the DoRA path too.

    dispatcher = Dispatcher.from_settings()
    [answer] = dispatcher.generate_batch([("Reverse the order of the words.", "the cat sat")])
    answer.output, answer.provenance.source

``DEFAULT_THRESHOLD`` was calibrated on the built-in task suite (scripts/calibrate_dispatch.py;
docs/BENCHMARKS.md, "Dispatch"). All public methods hold one lock: the base model and its slots
serve one batch at a time.
"""

from __future__ import annotations

import hashlib
import json
import math
import tempfile
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hypernet.generate import DescriptionError, adapter_metadata, validate_descriptions
from hypernet.train.data import user_message
from hypernet.adapter_files import METHODS, AdapterFiles, read_adapter_bytes
from hypernet.peft_format import AdapterFormatError, LoraAdapter
from library.errors import AdapterNotFoundError, BlobIntegrityError, IncompatibleAdapterError
from library.provenance import Generation, Provenance
from t2l.errors import T2LError

if TYPE_CHECKING:
    from collections.abc import Iterator

    import torch
    from sentence_transformers import SentenceTransformer

    from hypernet.base_model import LoadedModel
    from hypernet.checkpoint import Checkpoint
    from library.catalog import Catalog
    from library.lookup import SearchHit
    from library.slots import AdapterCache, AdapterSlots, PackedAdapter, SlotLayout
    from t2l.settings import Settings

# Calibrated on the built-in task suite (F1 of "retrieve the right task's adapter", catalogued vs
# held-out tasks): see scripts/calibrate_dispatch.py and docs/BENCHMARKS.md "Dispatch".
DEFAULT_THRESHOLD = 0.78
DEFAULT_TARGETS = ("q_proj", "v_proj")  # slots' modules when no hypernetwork says otherwise
MAX_INPUT_CHARS = 16_000
MAX_NEW_TOKENS = 1024
# Retrieved adapters that cannot be used: fall back to synthesis. Database outages are not here.
_UNUSABLE = (BlobIntegrityError, AdapterFormatError, IncompatibleAdapterError, AdapterNotFoundError)
# How each adapter method is applied: batched in the slots, or one adapter per pass by PEFT or hooks.
APPLIED_THROUGH = {"lora": "slots", "rslora": "slots", "qlora": "slots", "dora": "peft", "prompt-tuning": "peft",
                   "bottleneck": "hooks"}


class DispatchError(T2LError):
    """A request cannot be served as asked (see the message for what to change)."""


class NoHypernetworkError(DispatchError):
    """Synthesis is needed but no hypernetwork checkpoint is available."""


class InputError(DispatchError, ValueError):
    """A generation input (or a setting such as the threshold) is unusable."""


class UnsupportedMethodError(DispatchError):
    """An adapter of a method this dispatcher does not apply (see its ``methods``), or an
    operation its method does not allow (e.g. putting a prompt-tuning adapter in a LoRA slot)."""


@dataclass
class FilesAdapter:
    """A catalog adapter applied outside the slots (DoRA, prompt tuning, bottleneck): its files,
    cached in the host tier beside packed LoRA adapters."""

    key: str
    files: AdapterFiles

    @property
    def nbytes(self) -> int:
        return self.files.nbytes


@dataclass
class Dispatched:
    """An adapter chosen for a description: its provenance and either its LoRA weights packed for
    the slots (``packed``) or, for DoRA, prompt-tuning and bottleneck adapters, its files."""

    provenance: Provenance
    packed: PackedAdapter | None
    layout: SlotLayout | None
    files: FilesAdapter | None = None

    @property
    def prompt_description(self) -> bool:
        """Whether the adapter was trained with the description in the prompt (then it goes there)."""
        metadata = self.packed.metadata if self.packed is not None else (
            self.files.files.config.get("t2l") or {} if self.files is not None else {})
        return bool(metadata.get("prompt_description"))

    @property
    def adapter(self) -> LoraAdapter | AdapterFiles:
        """A ``LoraAdapter`` (CPU views of the cached weights; PEFT-saveable), or the
        ``AdapterFiles`` of an adapter of another method."""
        if self.files is not None:
            return self.files.files
        return self.packed.unpack(self.layout)  # type: ignore[union-attr,arg-type]


def _files_of(adapter: LoraAdapter, key: str) -> FilesAdapter:
    """A generated DoRA adapter as the files PEFT applies (as a retrieved DoRA adapter is served)."""
    from hypernet.peft_format import adapter_to_bytes

    config, weights = adapter_to_bytes(adapter)
    return FilesAdapter(key, read_adapter_bytes(config, weights, method="dora"))  # type: ignore[arg-type]


def _unpacked(cached: PackedAdapter | FilesAdapter, layout: SlotLayout) -> LoraAdapter | AdapterFiles:
    return cached.files if isinstance(cached, FilesAdapter) else cached.unpack(layout)


def check_threshold(threshold: Any) -> float:
    """A cosine threshold in [-1, 1]; ``InputError`` otherwise."""
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not math.isfinite(threshold):
        raise InputError(f"threshold must be a number in [-1, 1], got {threshold!r}")
    if not -1.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be in [-1, 1] (a cosine similarity), got {threshold}")
    return float(threshold)


def check_inputs(inputs: Sequence[Any]) -> list[str]:
    """Inputs as given; ``InputError`` naming each empty, huge or non-text one (by index)."""
    problems = []
    for i, text in enumerate(inputs):
        if not isinstance(text, str):
            problems.append(f"#{i} is {type(text).__name__}, not text")
        elif not text.strip():
            problems.append(f"#{i} is empty")
        elif len(text) > MAX_INPUT_CHARS:
            problems.append(f"#{i} has {len(text)} characters (at most {MAX_INPUT_CHARS})")
    if problems:
        raise InputError("bad input: " + "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
    return list(inputs)


def resolve_checkpoint(path: str | Path | None, *, device: str = "cpu") -> Checkpoint | None:
    """``path``'s checkpoint, else the installed default one, else None (synthesis unavailable)."""
    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR, load_checkpoint

    if path is not None:
        return load_checkpoint(path, device=device)
    if DEFAULT_CHECKPOINT_DIR.is_dir():
        return load_checkpoint(DEFAULT_CHECKPOINT_DIR, device=device)
    return None


class Dispatcher:
    """Chooses, loads and applies adapters for task descriptions (see the module doc).

    ``catalog``: an opened catalog. ``encoder``: the sentence encoder (description token limits
    are checked with it; without it the catalog's embed function is used). ``loaded``: the base
    model, or None to load ``base_model`` on first need. ``checkpoint``: the hypernetwork, or None:
    then a description without a catalog match fails with ``NoHypernetworkError`` unless
    ``allow_untrained`` (an untrained hypernetwork: adapters with ΔW = 0, marked "untrained-...").
    ``methods``: the adapter methods retrieval may pick (default: all of them, see the module doc);
    e.g. ``("lora", "rslora", "qlora")`` keeps every request in the batched slots.
    """

    def __init__(
        self,
        catalog: Catalog,
        *,
        base_model: str,
        loaded: LoadedModel | None = None,
        encoder: SentenceTransformer | None = None,
        checkpoint: Checkpoint | None = None,
        allow_untrained: bool = False,
        threshold: float = DEFAULT_THRESHOLD,
        store_generated: bool = False,
        num_slots: int = 64,
        slot_rank: int | None = None,
        cache_bytes: int = 2 << 30,
        device: str = "cpu",
        model_cache_dir: Path | None = None,
        target_names: Sequence[str] | None = None,
        methods: Sequence[str] | None = None,
    ) -> None:
        from library.adapters import check_methods
        from library.embed import encoder_embed_fn
        from library.slots import AdapterCache

        self.methods = check_methods(methods) or METHODS
        self.catalog = catalog
        self.base_model = base_model
        self.encoder = encoder
        self.embed = encoder_embed_fn(encoder) if encoder is not None else catalog.embed
        self.checkpoint = checkpoint
        self.allow_untrained = allow_untrained
        self.threshold = check_threshold(threshold)
        self.store_generated = store_generated
        self.num_slots = num_slots
        self.slot_rank = slot_rank
        self.device = device
        self.model_cache_dir = model_cache_dir
        self.target_names = tuple(target_names or (checkpoint.config.target_names if checkpoint else DEFAULT_TARGETS))
        self.cache: AdapterCache[PackedAdapter | FilesAdapter] = AdapterCache(cache_bytes)
        self._loaded = loaded
        self._slots: AdapterSlots | None = None
        self._checkpoint_rows: dict[str, int] = {}
        self._module_shapes: dict[str, tuple[int, int]] | None = None
        self._lock = threading.RLock()

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, *, checkpoint: str | Path | None = None, **options: Any
    ) -> Dispatcher:
        """A dispatcher over the catalog, base model and encoder the settings name; ``checkpoint``
        (or the installed default) is the hypernetwork. ``options`` go to ``Dispatcher``."""
        from hypernet.encoder import load_encoder
        from library.catalog import open_catalog
        from library.embed import encoder_embed_fn
        from t2l.settings import get_settings

        settings = settings or get_settings()
        device = settings.resolved_device()
        encoder = load_encoder(settings.encoder, device=device)
        ckpt = resolve_checkpoint(checkpoint, device=device)
        catalog = open_catalog(settings, embed=encoder_embed_fn(encoder))
        return cls(catalog, base_model=settings.base_model, encoder=encoder, checkpoint=ckpt, device=device,
                   model_cache_dir=settings.model_cache_dir, **options)

    def close(self) -> None:
        self.catalog.close()

    # --- the base model and its slots ------------------------------------------------------------

    @property
    def loaded(self) -> LoadedModel:
        """The base model (loaded on first use)."""
        if self._loaded is None:
            from hypernet.base_model import load_base_model

            self._loaded = load_base_model(self.base_model, cache_dir=self.model_cache_dir, device=self.device)
        return self._loaded

    @property
    def slots(self) -> AdapterSlots:
        if self._slots is None:
            from hypernet.targets import discover_targets, select_targets
            from library.slots import AdapterSlots, SlotLayout

            model = self.loaded.model
            available = discover_targets(model)
            try:
                chosen = select_targets(available, list(self.target_names))
            except ValueError as exc:
                raise DispatchError(f"cannot make adapter slots on base model '{self.base_model}': {exc}") from exc
            if self.checkpoint is not None:
                from hypernet.checkpoint import check_targets

                check_targets(self.checkpoint.config, available, where=f"hypernetwork {self.checkpoint.id}")
            rank = self.slot_rank or max(8, self.checkpoint.config.rank if self.checkpoint else 8)
            layout = SlotLayout({t.name: t for t in chosen}, rank, next(model.parameters()).dtype)
            self._slots = AdapterSlots(model, layout, self.num_slots)
        return self._slots

    @property
    def layout(self) -> SlotLayout:
        return self.slots.layout

    def _pin(self) -> bool:
        return self.slots.device.type == "cuda"  # pinned host copies make host->device copies async

    # --- choosing adapters -----------------------------------------------------------------------

    def search(self, text: str, k: int = 5, *, peft_methods: str | Sequence[str] | None = None) -> list[SearchHit]:
        """Catalog adapters for this base model that best match ``text``, of any method or of
        ``peft_methods`` (under the lock: the catalog's index refreshes itself on search and is not
        thread-safe)."""
        (text,) = validate_descriptions([text], self.encoder)
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 100:
            raise InputError(f"k must be an integer in [1, 100], got {k!r}")
        with self._lock:
            return self.catalog.search(np.asarray(self.embed([text]), dtype=np.float32)[0], k=k,
                                       base_model=self.base_model, peft_methods=peft_methods)

    def cached_adapter(self, key: str) -> LoraAdapter | AdapterFiles | None:
        """The adapter cached under ``key`` (a provenance's ``key``), or None once evicted."""
        with self._lock:
            cached = self.cache.get(key)
            if isinstance(cached, FilesAdapter):
                return cached.files
            return cached.unpack(self.layout) if cached is not None else None

    def dispatch(self, description: str, *, threshold: float | None = None, store: bool | None = None) -> Dispatched:
        """The adapter for one description (see ``dispatch_many``)."""
        return self.dispatch_many([description], threshold=threshold, store=store)[0]

    def dispatch_many(
        self, descriptions: Sequence[str], *, threshold: float | None = None, store: bool | None = None
    ) -> list[Dispatched]:
        """One ``Dispatched`` per description, in order: retrieved when the best catalog match
        scores ``>= threshold`` (default ``self.threshold``), else generated (one hypernetwork pass
        for all of them; filed in the catalog when ``store``, default ``self.store_generated``).

        Raises ``DescriptionError`` (empty, huge or non-text descriptions), ``InputError`` (bad
        threshold), ``NoHypernetworkError`` (synthesis needed, no hypernetwork).
        """
        limit = self.threshold if threshold is None else check_threshold(threshold)
        store = self.store_generated if store is None else bool(store)
        texts = validate_descriptions(descriptions, self.encoder)
        with self._lock:
            unique = list(dict.fromkeys(texts))
            vectors = np.asarray(self.embed(unique), dtype=np.float32)
            chosen: dict[str, Dispatched] = {}
            to_make: list[tuple[int, SearchHit | None, str | None]] = []
            # only methods it applies; no filter when it applies all (a filter can cost an exact search)
            methods = None if set(self.methods) == set(METHODS) else self.methods
            for i, text in enumerate(unique):
                hits = self.catalog.search(vectors[i], k=1, base_model=self.base_model, peft_methods=methods)
                hit = hits[0] if hits else None
                if hit is not None and hit.score >= limit:
                    try:
                        chosen[text] = self._retrieve(hit, text, limit)
                        continue
                    except _UNUSABLE as exc:
                        why = (f"catalog adapter #{hit.adapter.id} matched (score {hit.score:.3f}) but could "
                               f"not be used: {exc}; synthesised one instead")
                        to_make.append((i, hit, why))
                        continue
                to_make.append((i, hit, None))
            if to_make:
                made = self._generated([unique[i] for i, _, _ in to_make], vectors[[i for i, _, _ in to_make]],
                                       [(hit, why) for _, hit, why in to_make], limit, store)
                chosen.update(zip((unique[i] for i, _, _ in to_make), made))
            return [chosen[t] for t in texts]

    def retrieve(self, hit: SearchHit, *, description: str | None = None, threshold: float | None = None) -> Dispatched:
        """The catalog adapter of a search hit, packed for the slots (or, for DoRA, prompt-tuning
        and bottleneck adapters, its files): from the host cache, else read from the store
        (hash-checked). Raises ``BlobIntegrityError``, ``AdapterFormatError`` or
        ``IncompatibleAdapterError`` when it cannot be used (``dispatch`` then synthesises), and
        ``UnsupportedMethodError`` for a method outside this dispatcher's ``methods``."""
        with self._lock:
            return self._retrieve(hit, description if description is not None else hit.matched_description,
                                  self.threshold if threshold is None else check_threshold(threshold))

    def _retrieve(self, hit: SearchHit, text: str, limit: float) -> Dispatched:
        from library.slots import pack_adapter

        row = hit.adapter
        method = row.peft_method
        if method not in self.methods:
            raise UnsupportedMethodError(
                f"catalog adapter #{row.id} is a {method} adapter; this dispatcher applies only "
                f"{', '.join(self.methods)} adapters (its methods setting)")
        key = f"catalog-{row.id}-{row.content_hash[:16]}"
        cached = self.cache.get(key)
        if cached is None:
            # the hit's row already holds the PEFT config: one hash-checked store read, no second query
            config = json.dumps(row.peft_config, sort_keys=True).encode()
            adapter = read_adapter_bytes(config, self.catalog.store.get(row.content_hash), method=method,
                                         source=f"adapter {row.id}")
            if isinstance(adapter, AdapterFiles):
                adapter.check_against(self._shapes())  # as pack_adapter does for LoRA: refuse another model's
                cached = FilesAdapter(key, adapter)
            else:
                cached = pack_adapter(adapter, self.layout, key=key, pin=self._pin())
            self.cache.put(cached)
        provenance = Provenance(
            source="retrieved", description=text, threshold=limit, key=key, score=float(hit.score),
            adapter_id=row.id, matched_description=hit.matched_description, method=method,
            applied=APPLIED_THROUGH[method],
        )
        if isinstance(cached, FilesAdapter):
            return Dispatched(provenance, None, None, cached)
        return Dispatched(provenance, cached, self.layout)

    def _shapes(self) -> dict[str, tuple[int, int]]:
        if self._module_shapes is None:
            from hypernet.peft_format import module_shapes

            self._module_shapes = module_shapes(self.loaded.model)
        return self._module_shapes

    def _generated(
        self, texts: list[str], vectors: np.ndarray, hits: list[tuple[SearchHit | None, str | None]],
        limit: float, store: bool,
    ) -> list[Dispatched]:
        from library.slots import pack_adapter

        ckpt = self._hypernetwork(hits)
        dora = ckpt.config.use_dora  # DoRA adapters cannot live in LoRA slots: served by PEFT, as retrieved ones
        method = "dora" if dora else "rslora" if ckpt.config.use_rslora else "lora"
        if method not in self.methods:
            raise UnsupportedMethodError(f"hypernetwork {ckpt.id} makes {method} adapters; this dispatcher applies "
                                         f"only {', '.join(self.methods)} adapters (its methods setting)")
        keys = [f"gen-{ckpt.id}-{hashlib.sha256(t.encode()).hexdigest()[:24]}" for t in texts]
        cached: list[PackedAdapter | FilesAdapter | None] = [self.cache.get(k) for k in keys]
        todo = [i for i, p in enumerate(cached) if p is None]
        adapters: dict[int, LoraAdapter] = {}
        if todo:
            for i, adapter in zip(todo, self._synthesize(ckpt, [texts[i] for i in todo], vectors[todo])):
                adapters[i] = adapter
                cached[i] = _files_of(adapter, keys[i]) if dora else pack_adapter(
                    adapter, self.layout, key=keys[i], pin=self._pin())
                self.cache.put(cached[i])  # type: ignore[arg-type]
        stored_ids: dict[int, int] = {}
        if store:
            stored_ids = self._store(ckpt, texts, vectors, cached, adapters)  # type: ignore[arg-type]
        out = []
        for i, text in enumerate(texts):
            hit, why = hits[i]
            provenance = Provenance(
                source="generated", description=text, threshold=limit, key=keys[i],
                score=float(hit.score) if hit is not None else None,
                adapter_id=stored_ids.get(i), matched_description=hit.matched_description if hit else None,
                checkpoint=ckpt.id, stored=i in stored_ids, fallback=why, method=method,
                applied=APPLIED_THROUGH[method],
            )
            item = cached[i]
            out.append(Dispatched(provenance, None, None, item) if isinstance(item, FilesAdapter)
                       else Dispatched(provenance, item, self.layout))  # type: ignore[arg-type]
        return out

    def _hypernetwork(self, hits: list[tuple[SearchHit | None, str | None]]) -> Checkpoint:
        if self.checkpoint is not None:
            return self.checkpoint
        if self.allow_untrained:
            self.checkpoint = self._untrained()
            return self.checkpoint
        from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR

        best = max((h.score for h, _ in hits if h is not None), default=None)
        why = next((w for _, w in hits if w), None)
        reason = why.split("; synthesised")[0] if why else (
            "the catalog has no adapter for this base model" if best is None
            else f"the best catalog match scores {best:.3f}, below the threshold"
        )
        raise NoHypernetworkError(
            f"{reason}, and no hypernetwork checkpoint is available to synthesise one (none given, none "
            f"installed at {DEFAULT_CHECKPOINT_DIR}). Pass a trained checkpoint (--checkpoint DIR), lower the "
            "threshold, or allow an untrained hypernetwork (--allow-untrained: ΔW = 0 adapters, for trying the pipeline)"
        )

    def _untrained(self) -> Checkpoint:
        from hypernet.checkpoint import untrained_checkpoint
        from hypernet.config import HypernetConfig

        targets = [self.layout.targets[n] for n in self.target_names]
        dim = int(np.asarray(self.embed(["dimension probe"])).shape[1])
        config = HypernetConfig.from_targets(targets, base_model=self.base_model, encoder=self.catalog.encoder,
                                             embedding_dim=dim)
        return untrained_checkpoint(config, device=self.device)

    def _synthesize(self, ckpt: Checkpoint, texts: list[str], vectors: np.ndarray) -> list[LoraAdapter]:
        import torch

        from hypernet.generate import generate_weights_and_magnitudes
        from hypernet.lora import adapters_from_weights

        config = ckpt.config
        if config.encoder != self.catalog.encoder:  # the hypernetwork reads another encoder's space
            from library.embed import cached_embed_fn

            vectors = np.asarray(cached_embed_fn(config.encoder, self.device)(texts), dtype=np.float32)
        if vectors.shape[1] != config.embedding_dim:
            raise DispatchError(f"hypernetwork {ckpt.id} reads {config.embedding_dim}-d embeddings, the encoder "
                                f"gives {vectors.shape[1]}-d (use the encoder it was trained with)")
        paths = {t.name: t for t in config.targets} if all(t.paths for t in config.targets) else self.layout.targets
        weights, magnitudes = generate_weights_and_magnitudes(ckpt.hypernet, torch.from_numpy(vectors))
        return adapters_from_weights(
            weights, paths, rank=config.rank, alpha=config.alpha, use_rslora=config.use_rslora,
            base_model=config.base_model, lora_dropout=config.lora_dropout,
            metadata=[adapter_metadata(config, t, ckpt.id) for t in texts], magnitudes=magnitudes,
        )

    def _store(
        self, ckpt: Checkpoint, texts: list[str], vectors: np.ndarray, cached: list[PackedAdapter | FilesAdapter],
        fresh: dict[int, LoraAdapter],
    ) -> dict[int, int]:
        """File generated adapters in the catalog (idempotent); {position: catalog id}."""
        from library.adapters import NewAdapter, register_checkpoint

        if not ckpt.trained:
            raise DispatchError(f"refusing to store adapters of the untrained hypernetwork {ckpt.id} in the catalog "
                                "(they do nothing and would be retrieved later); dispatch without store")
        if ckpt.id not in self._checkpoint_rows:
            with self.catalog.begin() as session:
                row = register_checkpoint(session, ckpt.id, self.base_model, str(ckpt.path or "memory"),
                                          sha256=ckpt.sha256, config=ckpt.config.to_dict())
                self._checkpoint_rows[ckpt.id] = row.id
        items = [
            NewAdapter(
                adapter=fresh.get(i) or _unpacked(cached[i], self.layout), descriptions=[text], base_model=self.base_model,
                method="t2l", checkpoint_id=self._checkpoint_rows[ckpt.id], encoder=ckpt.config.encoder,
                seed=ckpt.config.seed, params={"source": "dispatch"}, embeddings=vectors[i : i + 1],
            )
            for i, text in enumerate(texts)
        ]
        rows = self.catalog.add(items)
        return {i: row.id for i, row in enumerate(rows)}

    # --- applying and generating -----------------------------------------------------------------

    def activate(self, dispatched: Sequence[Dispatched]) -> list[int]:
        """Copy each adapter into a slot (unless one already holds it); the slots, in order.
        At most ``num_slots`` distinct adapters at once. ``UnsupportedMethodError`` for an adapter
        that is not plain LoRA weights (``applied`` gives the model carrying one)."""
        with self._lock:
            slots = self.slots
            taken: list[int] = []
            for item in dispatched:
                if item.packed is None:
                    p = item.provenance
                    raise UnsupportedMethodError(f"adapter {p.key} is a {p.method} adapter: it has no LoRA weights "
                                                 "for the slots (Dispatcher.applied applies it)")
                taken.append(slots.load(item.packed, keep=taken))
            return taken

    @contextmanager
    def applied(self, item: Dispatched) -> Iterator[torch.nn.Module]:
        """The base model carrying a DoRA, prompt-tuning or bottleneck adapter for the block (PEFT
        or hooks; the base model is as before afterwards). LoRA adapters go in the slots instead."""
        from hypernet.evaluate import peft_applied

        if item.files is None:
            raise UnsupportedMethodError("a LoRA adapter is applied through the slots: use activate and slots.applied")
        with self._lock, tempfile.TemporaryDirectory(prefix="t2l-adapter-") as tmp:
            # PEFT reads adapters from a directory: a private copy of the two files
            directory = item.files.files.save(Path(tmp) / "adapter")
            with peft_applied(self.loaded, directory) as model:
                yield model

    def generate_batch(
        self,
        requests: Sequence[tuple[str, str]],
        *,
        max_new_tokens: int = 64,
        threshold: float | None = None,
        store: bool | None = None,
    ) -> list[Generation]:
        """Greedy answers for ``(description, input)`` pairs, each with its own adapter, batched:
        up to ``num_slots`` distinct adapters share one forward pass per step."""
        from hypernet.chat import complete

        if isinstance(requests, (str, bytes)) or not isinstance(requests, Sequence) or not requests:
            raise InputError("requests must be a non-empty list of (description, input) pairs")
        if any(not isinstance(r, (tuple, list)) or len(r) != 2 for r in requests):
            raise InputError("each request must be a (description, input) pair")
        if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, int) or not 1 <= max_new_tokens <= MAX_NEW_TOKENS:
            raise InputError(f"max_new_tokens must be an integer in [1, {MAX_NEW_TOKENS}], got {max_new_tokens!r}")
        inputs = check_inputs([r[1] for r in requests])
        descriptions = [r[0] for r in requests]
        validate_descriptions(descriptions, self.encoder)
        with self._lock:
            self._check_lengths(inputs, max_new_tokens)
            dispatched = self.dispatch_many(descriptions, threshold=threshold, store=store)
            # adapters from a hypernetwork trained with the description in the prompt get it there too
            messages = [user_message(i, d) if item.prompt_description else i
                        for i, d, item in zip(inputs, descriptions, dispatched)]
            # a soft prompt's virtual tokens take context positions too
            extra = [item.files.files.virtual_tokens if item.files is not None else 0 for item in dispatched]
            if messages != inputs or any(extra):
                self._check_lengths(messages, max_new_tokens, extra)
            loaded = self.loaded
            outputs = [""] * len(requests)
            step = self.num_slots
            in_slots = [i for i, item in enumerate(dispatched) if item.packed is not None]
            for start in range(0, len(in_slots), step):
                rows = in_slots[start : start + step]
                slots = self.activate([dispatched[i] for i in rows])
                if len(set(slots)) == 1:
                    slots = slots[:1]  # one adapter: every sample reads the same slot (no gather)
                with self.slots.applied(slots):
                    answers = complete(loaded.model, loaded.tokenizer, [messages[i] for i in rows],
                                       max_new_tokens=max_new_tokens)
                for i, answer in zip(rows, answers):
                    outputs[i] = answer
            by_adapter: dict[str, list[int]] = {}  # the slower path: one pass per DoRA/prompt/bottleneck adapter
            for i, item in enumerate(dispatched):
                if item.files is not None:
                    by_adapter.setdefault(item.files.key, []).append(i)
            for rows in by_adapter.values():
                with self.applied(dispatched[rows[0]]) as model:
                    for start in range(0, len(rows), step):
                        chunk = rows[start : start + step]
                        answers = complete(model, loaded.tokenizer, [messages[i] for i in chunk],
                                           max_new_tokens=max_new_tokens)
                        for i, answer in zip(chunk, answers):
                            outputs[i] = answer
        return [Generation(i, o, d.provenance) for i, o, d in zip(inputs, outputs, dispatched)]

    def generate(self, description: str, input: str, **options: Any) -> Generation:
        """``generate_batch`` for one request."""
        return self.generate_batch([(description, input)], **options)[0]

    def _check_lengths(self, inputs: list[str], max_new_tokens: int, extra: Sequence[int] | None = None) -> None:
        """``InputError`` when an input's tokens, plus ``extra[i]`` (a soft prompt's virtual
        tokens), plus ``max_new_tokens`` exceed the base model's context."""
        from hypernet.chat import chat_prompts

        tokenizer = self.loaded.tokenizer
        limit = getattr(self.loaded.model.config, "max_position_embeddings", None)
        if not limit:
            return
        extra = list(extra) if extra is not None else [0] * len(inputs)
        lengths = [len(ids) for ids in tokenizer(chat_prompts(tokenizer, inputs), add_special_tokens=False)["input_ids"]]
        too_long = [(i, n) for i, n in enumerate(lengths) if n + extra[i] + max_new_tokens > limit]
        if too_long:
            i, n = too_long[0]
            soft = f" plus the {extra[i]} virtual tokens of its prompt-tuning adapter" if extra[i] else ""
            raise InputError(f"input #{i} is {n} tokens{soft}; with max_new_tokens={max_new_tokens} that exceeds the "
                             f"base model's context of {limit} tokens")


__all__ = [
    "DEFAULT_THRESHOLD",
    "DescriptionError",
    "DispatchError",
    "Dispatched",
    "Dispatcher",
    "InputError",
    "NoHypernetworkError",
    "UnsupportedMethodError",
    "check_threshold",
    "resolve_checkpoint",
]
