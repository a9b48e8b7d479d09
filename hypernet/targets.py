"""Which linear layers of a base model an adapter can target, read from the loaded model itself.

Nothing here knows a model family: layer indices come from the module path (``...layers.7.self_attn
.q_proj``), shapes from the ``nn.Linear`` itself, so one code path serves every causal LM.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from torch import nn

# The first integer path component is the transformer block index (layers.N, h.N, blocks.N ...).
_LAYER_INDEX = re.compile(r"(?:^|\.)(\d+)(?:\.|$)")


@dataclass(frozen=True)
class TargetModule:
    """One kind of linear layer (e.g. ``q_proj``), present in ``layers`` with the same shape.

    ``paths[i]`` is the module path in block ``layers[i]`` (e.g. ``model.layers.3.self_attn.q_proj``).
    """

    name: str
    in_features: int
    out_features: int
    layers: tuple[int, ...]
    paths: tuple[str, ...]

    @property
    def num_layers(self) -> int:
        return len(self.layers)

    def lora_parameter_count(self, rank: int) -> int:
        return rank * (self.in_features + self.out_features) * self.num_layers


def discover_targets(model: nn.Module) -> dict[str, TargetModule]:
    """All per-block linear layers of ``model``, grouped by their name in the block.

    Returns ``{"q_proj": TargetModule(...), ...}`` in the order first seen. Linear layers outside
    the numbered blocks (the LM head, embeddings projections) are left out: adapters target
    the blocks. A name whose shape differs between blocks (rare, e.g. MoE or pruned models) is
    reported with ``ValueError`` rather than guessed.
    """
    shapes: dict[str, set[tuple[int, int]]] = defaultdict(set)
    found_at: dict[str, dict[int, str]] = defaultdict(dict)
    for path, module in model.named_modules():
        if not isinstance(module, nn.Linear):
            continue
        match = _LAYER_INDEX.search(path)
        if match is None:
            continue
        name = path.rsplit(".", 1)[-1]
        shapes[name].add((module.in_features, module.out_features))
        layer = int(match.group(1))
        if layer in found_at[name]:
            raise ValueError(f"two linear layers named '{name}' in block {layer}: {found_at[name][layer]}, {path}")
        found_at[name][layer] = path
    targets: dict[str, TargetModule] = {}
    for name, found in shapes.items():
        if len(found) != 1:
            raise ValueError(f"linear layers named '{name}' have different shapes across blocks: {sorted(found)}")
        (in_features, out_features), = found
        by_layer = sorted(found_at[name].items())
        targets[name] = TargetModule(
            name, in_features, out_features, tuple(i for i, _ in by_layer), tuple(p for _, p in by_layer)
        )
    return targets


def select_targets(available: dict[str, TargetModule], names: list[str] | tuple[str, ...]) -> list[TargetModule]:
    """The requested target modules, in the requested order, or a ``ValueError`` naming what exists."""
    if not names:
        raise ValueError("no target modules requested")
    missing = [n for n in names if n not in available]
    if missing:
        raise ValueError(f"target modules {missing} not in this model; it has {sorted(available)}")
    return [available[n] for n in names]
