"""Preallocated LoRA slots on a loaded base model, and an LRU cache of adapters packed for them.

Why slots: PEFT applies an adapter by wrapping modules (``load_adapter`` + ``set_adapter``); on
this project's 2-core CPU that costs 0.15-1 s per adapter and grows with every adapter loaded
(docs/BENCHMARKS.md, "Dispatch"). Here the model gets fixed buffers once, per target module kind
``A [S, L, r, in]`` and ``B [S, L, out, r]`` plus a scaling per slot. Switching an adapter in
copies its stacked A and B into one slot (two copies per module kind; no re-wrapping, no disk).
A batch of requests names one slot per sample and runs through ``hypernet.lora.batched_lora``:
one forward pass per step whatever mix of adapters the batch carries.

Tiers: the slots are the device tier (an LRU over S slots); ``AdapterCache`` is the host tier
(packed CPU tensors, pinned when the model is on a GPU, bounded in bytes); below it the catalog
(blob store + database). Everything here is torch only: no database, no files.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import torch
from torch import nn

from hypernet.lora import batched_lora
from hypernet.model import LoraWeights
from hypernet.peft_format import LoraAdapter
from hypernet.targets import TargetModule
from library.errors import IncompatibleAdapterError


@dataclass(frozen=True)
class SlotLayout:
    """What every slot can hold: these target module kinds, up to this rank, in this dtype."""

    targets: dict[str, TargetModule]
    rank: int
    dtype: torch.dtype = torch.float32

    def __post_init__(self) -> None:
        if not self.targets:
            raise ValueError("a slot layout needs at least one target module")
        if self.rank <= 0:
            raise ValueError(f"slot rank must be positive, got {self.rank}")

    @property
    def position_of(self) -> dict[str, tuple[str, int]]:
        """module path -> (target name, layer position)."""
        return {p: (name, i) for name, t in self.targets.items() for i, p in enumerate(t.paths)}

    def describe(self) -> str:
        return f"{', '.join(self.targets)} up to rank {self.rank}"


@dataclass
class PackedAdapter:
    """An adapter stacked in slot layout: ``weights[name] = (A [L, r, in], B [L, out, r])``, zero
    where the adapter has no layer or a lower rank (zeros add nothing to ``B @ A``).

    Keeps what is needed to give the ``LoraAdapter`` back (``unpack``) without a second copy.
    """

    key: str
    weights: dict[str, tuple[torch.Tensor, torch.Tensor]]
    scaling: float
    rank: int
    alpha: float
    use_rslora: bool
    paths: tuple[str, ...]  # the module paths the adapter really has
    target_modules: list[str]
    base_model: str = ""
    lora_dropout: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def nbytes(self) -> int:
        return sum(a.numel() * a.element_size() + b.numel() * b.element_size() for a, b in self.weights.values())

    def unpack(self, layout: SlotLayout) -> LoraAdapter:
        """The adapter as a ``LoraAdapter`` whose tensors are views of the packed ones (CPU if packed
        on the CPU)."""
        where = layout.position_of
        weights = {}
        for path in self.paths:
            name, position = where[path]
            a, b = self.weights[name]
            weights[path] = (a[position, : self.rank], b[position, :, : self.rank])
        return LoraAdapter(
            rank=self.rank, alpha=self.alpha, weights=weights, target_modules=list(self.target_modules),
            base_model=self.base_model, use_rslora=self.use_rslora, lora_dropout=self.lora_dropout,
            metadata=dict(self.metadata),
        )


def pack_adapter(
    adapter: LoraAdapter, layout: SlotLayout, *, key: str, device: str | torch.device = "cpu", pin: bool = False
) -> PackedAdapter:
    """Stack ``adapter`` into ``layout``; ``IncompatibleAdapterError`` if it targets a module the
    slots lack, has a higher rank, or has shapes of another base model."""
    if adapter.rank > layout.rank:
        raise IncompatibleAdapterError(
            f"adapter has rank {adapter.rank}; the dispatcher's slots hold {layout.describe()}"
        )
    where = layout.position_of
    stray = sorted(p for p in adapter.weights if p not in where)
    if stray:
        raise IncompatibleAdapterError(
            f"adapter targets {stray[0]}{f' (and {len(stray) - 1} more)' if len(stray) > 1 else ''}, "
            f"which the dispatcher's slots do not cover (they hold {layout.describe()})"
        )
    r = adapter.rank
    for path, (a_in, b_in) in adapter.weights.items():
        t = layout.targets[where[path][0]]
        if tuple(a_in.shape) != (r, t.in_features) or tuple(b_in.shape) != (t.out_features, r):
            raise IncompatibleAdapterError(
                f"{path}: adapter is {tuple(a_in.shape)}/{tuple(b_in.shape)}, the base model's layer is "
                f"{t.in_features}→{t.out_features} (an adapter for another base model?)"
            )
    weights = {}
    for name, t in layout.targets.items():
        have = [adapter.weights.get(p) for p in t.paths]
        if r == layout.rank and all(h is not None for h in have) and not pin:
            # the common case (every layer, the slots' rank): one stacking copy per matrix kind
            weights[name] = (torch.stack([h[0] for h in have]).to(layout.dtype),  # type: ignore[index]
                             torch.stack([h[1] for h in have]).to(layout.dtype))  # type: ignore[index]
            continue
        a = torch.zeros(t.num_layers, layout.rank, t.in_features, dtype=layout.dtype, pin_memory=pin)
        b = torch.zeros(t.num_layers, t.out_features, layout.rank, dtype=layout.dtype, pin_memory=pin)
        for position, pair in enumerate(have):
            if pair is not None:
                a[position, :r].copy_(pair[0])
                b[position, :, :r].copy_(pair[1])
        weights[name] = (a, b)
    if torch.device(device).type != "cpu":
        weights = {n: (a.to(device, non_blocking=True), b.to(device, non_blocking=True)) for n, (a, b) in weights.items()}
    return PackedAdapter(
        key=key, weights=weights, scaling=float(adapter.scaling), rank=r, alpha=float(adapter.alpha),
        use_rslora=adapter.use_rslora, paths=tuple(adapter.weights), target_modules=list(adapter.target_modules),
        base_model=adapter.base_model, lora_dropout=adapter.lora_dropout, metadata=dict(adapter.metadata),
    )


def _copy(dst: torch.Tensor, src: torch.Tensor) -> None:
    """``dst.copy_(src)``; between CPU tensors of one dtype as one plain memcpy (numpy, bytes).

    Why: torch splits a CPU copy over its OpenMP threads; for an adapter's ~1 MB per matrix that
    buys nothing, and on a loaded 2-core machine waiting for the second thread cost 7 ms per
    switch instead of 0.26 ms (measured; docs/BENCHMARKS.md "Dispatch").
    """
    if dst.device.type == "cpu" and src.device.type == "cpu" and dst.dtype == src.dtype \
            and dst.is_contiguous() and src.is_contiguous() and dst.shape == src.shape:
        dst.view(torch.uint8).numpy()[...] = src.view(torch.uint8).numpy()
    else:
        dst.copy_(src, non_blocking=True)


class Cacheable(Protocol):
    key: str

    @property
    def nbytes(self) -> int: ...


C = TypeVar("C", bound=Cacheable)


class AdapterCache(Generic[C]):
    """Host tier: packed adapters (or anything with a ``key`` and ``nbytes``, e.g. the files of
    adapters applied outside the slots) by key, least recently used dropped first past ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.nbytes = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[str, C] = OrderedDict()

    def get(self, key: str) -> C | None:
        packed = self._items.get(key)
        if packed is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return packed

    def put(self, packed: C) -> None:
        old = self._items.pop(packed.key, None)
        if old is not None:
            self.nbytes -= old.nbytes
        self._items[packed.key] = packed
        self.nbytes += packed.nbytes
        while self.nbytes > self.max_bytes and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self.nbytes -= dropped.nbytes

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class AdapterSlots:
    """``num_slots`` preallocated LoRA slots for ``model`` (device tier, LRU over slots).

    ``load`` copies a packed adapter into a slot (a free one, else the least recently used one not
    in ``keep``); ``applied(slots)`` runs the model with sample i carrying slot ``slots[i]``.
    """

    def __init__(self, model: nn.Module, layout: SlotLayout, num_slots: int = 64) -> None:
        if num_slots <= 0:
            raise ValueError(f"num_slots must be positive, got {num_slots}")
        self.model = model
        self.layout = layout
        self.num_slots = num_slots
        self.device = next(model.parameters()).device
        r, dtype, device = layout.rank, layout.dtype, self.device
        self.a = {n: torch.zeros(num_slots, t.num_layers, r, t.in_features, dtype=dtype, device=device)
                  for n, t in layout.targets.items()}
        self.b = {n: torch.zeros(num_slots, t.num_layers, t.out_features, r, dtype=dtype, device=device)
                  for n, t in layout.targets.items()}
        self.scaling = torch.zeros(num_slots, dtype=dtype, device=device)
        self._slot_of: OrderedDict[str, int] = OrderedDict()  # key -> slot, least recent first
        self._key_in: list[str | None] = [None] * num_slots
        self.loads = 0  # how many times an adapter was copied in (for stats and tests)

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (*self.a.values(), *self.b.values()))

    def find(self, key: str) -> int | None:
        """The slot holding ``key`` (marked recently used), or None."""
        slot = self._slot_of.get(key)
        if slot is not None:
            self._slot_of.move_to_end(key)
        return slot

    def load(self, packed: PackedAdapter, *, keep: Collection[int] = ()) -> int:
        """Put ``packed`` in a slot and return it; a slot already holding its key is reused."""
        slot = self.find(packed.key)
        if slot is not None:
            return slot
        slot = self._free_slot(keep)
        with torch.no_grad():
            for name, (a, b) in packed.weights.items():
                _copy(self.a[name][slot], a)
                _copy(self.b[name][slot], b)
            self.scaling[slot] = packed.scaling
        old = self._key_in[slot]
        if old is not None:
            del self._slot_of[old]
        self._key_in[slot] = packed.key
        self._slot_of[packed.key] = slot
        self.loads += 1
        return slot

    def _free_slot(self, keep: Collection[int]) -> int:
        for slot, key in enumerate(self._key_in):
            if key is None:
                return slot
        for key, slot in self._slot_of.items():  # least recently used first
            if slot not in keep:
                return slot
        raise RuntimeError(f"all {self.num_slots} slots are in use by this batch; split the batch")

    def weights_for(self, slots: Sequence[int]) -> tuple[LoraWeights, torch.Tensor]:
        """``batched_lora`` inputs for samples carrying ``slots``: views for a run of consecutive
        slots (one adapter, or a batch laid out in order), else one gather per batch (not per step)."""
        if not slots:
            raise ValueError("no slots given")
        first = slots[0]
        if list(slots) == list(range(first, first + len(slots))):
            pick: slice | torch.Tensor = slice(first, first + len(slots))
            return ({n: (self.a[n][pick], self.b[n][pick]) for n in self.a}, self.scaling[pick])
        index = torch.tensor(list(slots), device=self.device)
        weights = {n: (self.a[n].index_select(0, index), self.b[n].index_select(0, index)) for n in self.a}
        return weights, self.scaling.index_select(0, index)

    @contextmanager
    def applied(self, slots: Sequence[int]) -> Iterator[None]:
        """Run ``self.model`` inside the block with sample i carrying the adapter in ``slots[i]``
        (the model's batch must have ``len(slots)`` samples, or a multiple with copies adjacent)."""
        weights, scaling = self.weights_for(slots)
        with batched_lora(self.model, weights, scaling, targets=self.layout.targets):
            yield
