"""The dispatcher: a task description in, the right adapter applied to the base model out.

Per description: embed it once, look it up in the catalog (adapters for this base model only);
if the best match scores at least the threshold, use that adapter ("retrieved"), else synthesise
one with the hypernetwork ("generated"; optionally filed in the catalog). A retrieved adapter
whose file is damaged or that does not fit the slots falls back to synthesis, and the provenance
says why. Adapters are applied through ``library.slots``: preallocated slots on the base model,
an LRU of packed adapters in host memory, and mixed-adapter batches in one forward pass per step.

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
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hypernet.generate import DescriptionError, adapter_metadata, validate_descriptions
from hypernet.train.data import user_message
from hypernet.peft_format import AdapterFormatError, LoraAdapter, adapter_from_bytes
from library.errors import AdapterNotFoundError, BlobIntegrityError, IncompatibleAdapterError
from library.provenance import Generation, Provenance
from t2l.errors import T2LError

if TYPE_CHECKING:
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


class DispatchError(T2LError):
    """A request cannot be served as asked (see the message for what to change)."""


class NoHypernetworkError(DispatchError):
    """Synthesis is needed but no hypernetwork checkpoint is available."""


class InputError(DispatchError, ValueError):
    """A generation input (or a setting such as the threshold) is unusable."""


@dataclass
class Dispatched:
    """An adapter chosen for a description: its provenance and its weights, packed for the slots."""

    provenance: Provenance
    packed: PackedAdapter
    layout: SlotLayout

    @property
    def adapter(self) -> LoraAdapter:
        """The adapter as a ``LoraAdapter`` (CPU views of the cached weights; PEFT-saveable)."""
        return self.packed.unpack(self.layout)


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
    ) -> None:
        from library.embed import encoder_embed_fn
        from library.slots import AdapterCache

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
        self.cache: AdapterCache = AdapterCache(cache_bytes)
        self._loaded = loaded
        self._slots: AdapterSlots | None = None
        self._checkpoint_rows: dict[str, int] = {}
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

    def search(self, text: str, k: int = 5) -> list[SearchHit]:
        """Catalog adapters for this base model that best match ``text`` (under the lock: the
        catalog's index refreshes itself on search and is not thread-safe)."""
        (text,) = validate_descriptions([text], self.encoder)
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 100:
            raise InputError(f"k must be an integer in [1, 100], got {k!r}")
        with self._lock:
            return self.catalog.search(np.asarray(self.embed([text]), dtype=np.float32)[0], k=k,
                                       base_model=self.base_model)

    def cached_adapter(self, key: str) -> LoraAdapter | None:
        """The adapter cached under ``key`` (a provenance's ``key``), or None once evicted."""
        with self._lock:
            packed = self.cache.get(key)
            return packed.unpack(self.layout) if packed is not None else None

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
            for i, text in enumerate(unique):
                hits = self.catalog.search(vectors[i], k=1, base_model=self.base_model)
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
        """The catalog adapter of a search hit, packed for the slots: from the host cache, else read
        from the store (hash-checked). Raises ``BlobIntegrityError``, ``AdapterFormatError`` or
        ``IncompatibleAdapterError`` when it cannot be used (``dispatch`` then synthesises)."""
        with self._lock:
            return self._retrieve(hit, description if description is not None else hit.matched_description,
                                  self.threshold if threshold is None else check_threshold(threshold))

    def _retrieve(self, hit: SearchHit, text: str, limit: float) -> Dispatched:
        from library.slots import pack_adapter

        row = hit.adapter
        key = f"catalog-{row.id}-{row.content_hash[:16]}"
        packed = self.cache.get(key)
        if packed is None:
            # the hit's row already holds the PEFT config: one hash-checked store read, no second query
            config = json.dumps(row.peft_config, sort_keys=True).encode()
            adapter = adapter_from_bytes(config, self.catalog.store.get(row.content_hash), source=f"adapter {row.id}")
            packed = pack_adapter(adapter, self.layout, key=key, pin=self._pin())
            self.cache.put(packed)
        provenance = Provenance(
            source="retrieved", description=text, threshold=limit, key=key, score=float(hit.score),
            adapter_id=row.id, matched_description=hit.matched_description,
        )
        return Dispatched(provenance, packed, self.layout)

    def _generated(
        self, texts: list[str], vectors: np.ndarray, hits: list[tuple[SearchHit | None, str | None]],
        limit: float, store: bool,
    ) -> list[Dispatched]:
        from library.slots import pack_adapter

        ckpt = self._hypernetwork(hits)
        keys = [f"gen-{ckpt.id}-{hashlib.sha256(t.encode()).hexdigest()[:24]}" for t in texts]
        packed: list[PackedAdapter | None] = [self.cache.get(k) for k in keys]
        todo = [i for i, p in enumerate(packed) if p is None]
        adapters: dict[int, LoraAdapter] = {}
        if todo:
            for i, adapter in zip(todo, self._synthesize(ckpt, [texts[i] for i in todo], vectors[todo])):
                adapters[i] = adapter
                packed[i] = pack_adapter(adapter, self.layout, key=keys[i], pin=self._pin())
                self.cache.put(packed[i])  # type: ignore[arg-type]
        stored_ids: dict[int, int] = {}
        if store:
            stored_ids = self._store(ckpt, texts, vectors, packed, adapters)  # type: ignore[arg-type]
        out = []
        for i, text in enumerate(texts):
            hit, why = hits[i]
            provenance = Provenance(
                source="generated", description=text, threshold=limit, key=keys[i],
                score=float(hit.score) if hit is not None else None,
                adapter_id=stored_ids.get(i), matched_description=hit.matched_description if hit else None,
                checkpoint=ckpt.id, stored=i in stored_ids, fallback=why,
            )
            out.append(Dispatched(provenance, packed[i], self.layout))  # type: ignore[arg-type]
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

        from hypernet.generate import generate_weights
        from hypernet.lora import adapters_from_weights

        config = ckpt.config
        if config.encoder != self.catalog.encoder:  # the hypernetwork reads another encoder's space
            from library.embed import cached_embed_fn

            vectors = np.asarray(cached_embed_fn(config.encoder, self.device)(texts), dtype=np.float32)
        if vectors.shape[1] != config.embedding_dim:
            raise DispatchError(f"hypernetwork {ckpt.id} reads {config.embedding_dim}-d embeddings, the encoder "
                                f"gives {vectors.shape[1]}-d (use the encoder it was trained with)")
        paths = {t.name: t for t in config.targets} if all(t.paths for t in config.targets) else self.layout.targets
        weights = generate_weights(ckpt.hypernet, torch.from_numpy(vectors))
        return adapters_from_weights(
            weights, paths, rank=config.rank, alpha=config.alpha, use_rslora=config.use_rslora,
            base_model=config.base_model, lora_dropout=config.lora_dropout,
            metadata=[adapter_metadata(config, t, ckpt.id) for t in texts],
        )

    def _store(
        self, ckpt: Checkpoint, texts: list[str], vectors: np.ndarray, packed: list[PackedAdapter],
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
                adapter=fresh.get(i) or packed[i].unpack(self.layout), descriptions=[text], base_model=self.base_model,
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
        At most ``num_slots`` distinct adapters at once."""
        with self._lock:
            slots = self.slots
            taken: list[int] = []
            for item in dispatched:
                taken.append(slots.load(item.packed, keep=taken))
            return taken

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
            messages = [user_message(i, d) if item.packed.metadata.get("prompt_description") else i
                        for i, d, item in zip(inputs, descriptions, dispatched)]
            if messages != inputs:
                self._check_lengths(messages, max_new_tokens)
            loaded = self.loaded
            outputs: list[str] = []
            step = self.num_slots
            for start in range(0, len(requests), step):
                items = dispatched[start : start + step]
                slots = self.activate(items)
                if len(set(slots)) == 1:
                    slots = slots[:1]  # one adapter: every sample reads the same slot (no gather)
                with self.slots.applied(slots):
                    outputs += complete(loaded.model, loaded.tokenizer, messages[start : start + step],
                                        max_new_tokens=max_new_tokens)
        return [Generation(i, o, d.provenance) for i, o, d in zip(inputs, outputs, dispatched)]

    def generate(self, description: str, input: str, **options: Any) -> Generation:
        """``generate_batch`` for one request."""
        return self.generate_batch([(description, input)], **options)[0]

    def _check_lengths(self, inputs: list[str], max_new_tokens: int) -> None:
        from hypernet.chat import chat_prompts

        tokenizer = self.loaded.tokenizer
        limit = getattr(self.loaded.model.config, "max_position_embeddings", None)
        if not limit:
            return
        lengths = [len(ids) for ids in tokenizer(chat_prompts(tokenizer, inputs), add_special_tokens=False)["input_ids"]]
        too_long = [(i, n) for i, n in enumerate(lengths) if n + max_new_tokens > limit]
        if too_long:
            i, n = too_long[0]
            raise InputError(f"input #{i} is {n} tokens; with max_new_tokens={max_new_tokens} that exceeds the base "
                             f"model's context of {limit} tokens")


__all__ = [
    "DEFAULT_THRESHOLD",
    "DescriptionError",
    "DispatchError",
    "Dispatched",
    "Dispatcher",
    "InputError",
    "NoHypernetworkError",
    "check_threshold",
    "resolve_checkpoint",
]
