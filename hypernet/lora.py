"""Functional per-sample LoRA: run a frozen base model on a batch where sample i carries its own adapter.

Inside ``with batched_lora(model, weights, scaling):`` every targeted ``nn.Linear`` returns
``W x + scaling * B_i (A_i x)`` for the rows of sample i, computed with two batched matmuls on
views of the generated tensors: no per-token copies of A and B (the published code's hooks copy
them once per token), no re-wrapped model, and the hooks are removed however the block exits.
Gradients flow into whatever produced A and B, so SFT trains the hypernetwork straight through it.
With DoRA magnitudes, each targeted layer instead returns PEFT's DoRA output for sample i:
``m_i / ||W + s B_i A_i||_row * (W x + s B_i A_i x) + bias``, the norm detached as in PEFT (and the
DoRA paper), computed once per block from r×r products, never forming W + s B A.

Also converts between these batched tensors and ``LoraAdapter`` objects (``peft_format``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from hypernet.model import LoraWeights, Magnitudes
from hypernet.peft_format import LoraAdapter
from hypernet.targets import TargetModule, discover_targets


def _per_layer(
    model: nn.Module, weights: LoraWeights, targets: dict[str, TargetModule], magnitudes: Magnitudes | None = None
) -> list[tuple[nn.Linear, torch.Tensor, torch.Tensor, torch.Tensor | None]]:
    """(linear layer, A [N, r, in], Bᵀ [N, r, out], DoRA magnitude [N, out] or None) for every
    targeted layer, after checking shapes."""
    if magnitudes is not None and set(magnitudes) != set(weights):
        raise ValueError(f"DoRA magnitudes for {sorted(magnitudes)} but LoRA weights for {sorted(weights)}")
    n = None
    plan = []
    for name, (a, b) in weights.items():
        if name not in targets:
            raise ValueError(f"LoRA weights for '{name}', which this model does not have (it has {sorted(targets)})")
        target = targets[name]
        if a.ndim != 4 or b.ndim != 4:
            raise ValueError(f"{name}: expected A [N, L, r, in] and B [N, L, out, r], got {tuple(a.shape)}, {tuple(b.shape)}")
        want_a = (target.num_layers, a.shape[2], target.in_features)
        want_b = (target.num_layers, target.out_features, a.shape[2])
        if tuple(a.shape[1:]) != want_a or tuple(b.shape[1:]) != want_b or a.shape[0] != b.shape[0]:
            raise ValueError(
                f"{name}: A {tuple(a.shape)} / B {tuple(b.shape)} do not fit this model's {target.num_layers} "
                f"layers of {target.in_features}→{target.out_features} (weights for another base model?)"
            )
        if n is not None and a.shape[0] != n:
            raise ValueError(f"{name}: batch of {a.shape[0]} adapters, other modules have {n}")
        n = a.shape[0]
        m = None
        if magnitudes is not None:
            m = magnitudes[name]
            if tuple(m.shape) != (a.shape[0], target.num_layers, target.out_features):
                raise ValueError(f"{name}: DoRA magnitudes {tuple(m.shape)}, expected "
                                 f"{(a.shape[0], target.num_layers, target.out_features)}")
        # cast once per context (bf16 base models), not once per call; Bᵀ is a free view
        dtype = model.get_submodule(target.paths[0]).weight.dtype
        a, bt = a.to(dtype), b.to(dtype).transpose(-1, -2)
        for position, path in enumerate(target.paths):
            plan.append((model.get_submodule(path), a[:, position], bt[:, position],
                         None if m is None else m[:, position]))
    return plan


def dora_row_norms(weight: torch.Tensor, a: torch.Tensor, bt: torch.Tensor, scale: float | torch.Tensor) -> torch.Tensor:
    """``||W + s B_i A_i||`` per output row, [N, out], without forming the [N, out, in] sum:
    ``||W||² + 2 s <B_i, W A_iᵀ> + s² <B_i A_i A_iᵀ, B_i>`` row by row, in float32.
    ``scale`` is a float or [N, 1, 1]."""
    w, a32, b = weight.float(), a.float(), bt.float().transpose(1, 2)  # b: [N, out, r]
    s = scale if not isinstance(scale, torch.Tensor) else scale.float().reshape(-1, 1)
    cross = (b * torch.matmul(w, a32.transpose(1, 2))).sum(-1)  # [N, out]
    square = (torch.bmm(b, torch.bmm(a32, a32.transpose(1, 2))) * b).sum(-1)
    total = w.pow(2).sum(1) + 2 * s * cross + s * s * square
    return total.clamp_min(0).sqrt()


@contextmanager
def batched_lora(
    model: nn.Module,
    weights: LoraWeights,
    scaling: float | torch.Tensor,
    *,
    targets: dict[str, TargetModule] | None = None,
    dropout: float = 0.0,
    magnitudes: Magnitudes | None = None,
) -> Iterator[None]:
    """Apply per-sample LoRA weights to ``model`` for the duration of the block.

    ``weights[name] = (A [N, L, r, in], B [N, L, out, r])`` as ``HyperNetwork.forward`` returns
    (layer position l is ``targets[name].paths[l]``). ``scaling`` is a float or a tensor [N]
    (per-sample scaling, e.g. for adapters of different ranks/alphas). The batch the model sees
    must have N samples, or N*k with each sample's k copies adjacent (``generate`` with beams or
    ``num_return_sequences`` repeats samples that way). ``dropout`` is LoRA dropout on the
    branch's input (pass the config's ``lora_dropout`` while training, 0 otherwise).
    ``targets`` defaults to ``discover_targets(model)``. ``magnitudes`` (``{module: [N, L, out]}``)
    make every layer a DoRA layer (see the module doc); gradients reach them, not the norms.
    """
    plan = _per_layer(model, weights, targets if targets is not None else discover_targets(model), magnitudes)
    if not plan:
        yield
        return
    n = plan[0][1].shape[0]
    scale = scaling
    if isinstance(scaling, torch.Tensor):
        if scaling.shape != (n,):
            raise ValueError(f"per-sample scaling must have shape [{n}], got {tuple(scaling.shape)}")
        scale = scaling.reshape(n, 1, 1)

    def make_hook(a: torch.Tensor, bt: torch.Tensor, dora_scale: torch.Tensor | None):
        def hook(module: nn.Module, args: tuple[Any, ...], output: torch.Tensor) -> torch.Tensor:
            x = args[0]
            if x.shape[0] % n:
                raise ValueError(f"batched_lora holds {n} adapters but the model got a batch of {x.shape[0]}")
            # [N*k, T, in] -> [N, k*T, in]: sample i's k copies are adjacent, so a view groups them
            flat = x.reshape(n, -1, x.shape[-1])
            if dropout:
                flat = F.dropout(flat, dropout, training=True)
            low = torch.bmm(flat, a.transpose(1, 2))  # [N, k*T, r]
            if isinstance(scale, torch.Tensor):
                low = low * scale.to(low.dtype)
            delta = torch.bmm(low, bt)  # [N, k*T, out]
            if not isinstance(scale, torch.Tensor):
                delta = delta * scale
            if dora_scale is None:
                return output + delta.reshape(output.shape)
            # PEFT's DoRA: (m/||W'|| - 1) * (W x) + m/||W'|| * (s B A x), on top of W x + bias
            grouped = output.reshape(n, -1, output.shape[-1])
            base = grouped if module.bias is None else grouped - module.bias
            return (grouped + (dora_scale - 1) * base + dora_scale * delta).reshape(output.shape)

        return hook

    handles = []
    try:
        for module, a, bt, m in plan:
            dora_scale = None
            if m is not None:
                with torch.no_grad():
                    norms = dora_row_norms(module.weight, a, bt, scale)
                # [N, 1, out], cast once per block (bf16 models), not once per call
                dora_scale = (m.float() / norms)[:, None, :].to(module.weight.dtype)
            handles.append(module.register_forward_hook(make_hook(a, bt, dora_scale)))
        yield
    finally:
        for handle in handles:
            handle.remove()


def adapters_from_weights(
    weights: LoraWeights,
    targets: Sequence[TargetModule] | dict[str, TargetModule],
    *,
    rank: int,
    alpha: float,
    use_rslora: bool = True,
    base_model: str = "",
    lora_dropout: float = 0.0,
    metadata: Sequence[dict[str, Any]] | None = None,
    dtype: torch.dtype | None = None,
    magnitudes: Magnitudes | None = None,
) -> list[LoraAdapter]:
    """Split batched tensors into one ``LoraAdapter`` per sample, with CPU tensors keyed by module path.

    ``targets`` supply the module paths (``TargetModule.paths`` or ``TargetSpec.paths``).
    Each adapter owns one block per module (its layers are non-overlapping views of it, which
    safetensors saves as separate tensors), so keeping one adapter does not keep the whole batch.
    ``magnitudes`` (``{module: [N, L, out]}``) make them DoRA adapters.
    """
    by_name = targets if isinstance(targets, dict) else {t.name: t for t in targets}
    n = next(iter(weights.values()))[0].shape[0]
    if metadata is not None and len(metadata) != n:
        raise ValueError(f"{len(metadata)} metadata entries for {n} adapters")
    per_sample: list[dict[str, tuple[torch.Tensor, torch.Tensor]]] = [{} for _ in range(n)]
    for name, (a, b) in weights.items():
        paths = by_name[name].paths
        if len(paths) != a.shape[1]:
            raise ValueError(f"{name}: {a.shape[1]} layers of weights but {len(paths)} module paths")
        # one device->host transfer per module; then one copy per adapter (not per layer) that
        # also makes B [L, out, r] contiguous, PEFT's layout
        a_cpu = a.detach().to("cpu", dtype or a.dtype)
        b_cpu = b.detach().to("cpu", dtype or b.dtype)
        for i in range(n):
            a_i = a_cpu[i].clone(memory_format=torch.contiguous_format)
            b_i = b_cpu[i].clone(memory_format=torch.contiguous_format)
            for position, path in enumerate(paths):
                per_sample[i][path] = (a_i[position], b_i[position])
    per_sample_m: list[dict[str, torch.Tensor] | None] = [None] * n
    if magnitudes is not None:
        per_sample_m = [{} for _ in range(n)]
        for name, m in magnitudes.items():
            m_cpu = m.detach().to("cpu", dtype or m.dtype)
            for i in range(n):
                m_i = m_cpu[i].clone()
                for position, path in enumerate(by_name[name].paths):
                    per_sample_m[i][path] = m_i[position]  # type: ignore[index]
    return [
        LoraAdapter(
            rank=rank,
            alpha=alpha,
            weights=per_sample[i],
            target_modules=list(weights),
            base_model=base_model,
            use_rslora=use_rslora,
            lora_dropout=lora_dropout,
            metadata=dict(metadata[i]) if metadata is not None else {},
            magnitudes=per_sample_m[i],
        )
        for i in range(n)
    ]


def weights_from_adapters(
    adapters: Sequence[LoraAdapter],
    targets: Sequence[TargetModule] | dict[str, TargetModule],
    *,
    device: str | torch.device = "cpu",
    dtype: torch.dtype = torch.float32,
) -> tuple[LoraWeights, torch.Tensor]:
    """Stack adapters into batched tensors for ``batched_lora``: (weights, per-sample scaling [N]).

    Adapters must share one rank; a module an adapter leaves out gets zeros (no update).
    """
    if not adapters:
        raise ValueError("no adapters to stack")
    ranks = {ad.rank for ad in adapters}
    if len(ranks) != 1:
        raise ValueError(f"adapters of different ranks {sorted(ranks)} cannot share one batch")
    (r,) = ranks
    if any(ad.use_dora for ad in adapters):  # the slots apply scaling * B @ A only
        raise ValueError("DoRA adapters cannot be stacked as plain LoRA weights (their magnitudes would be lost)")
    by_name = targets if isinstance(targets, dict) else {t.name: t for t in targets}
    known = {p for t in by_name.values() for p in t.paths}
    for ad in adapters:
        stray = sorted(set(ad.weights) - known)
        if stray:
            raise ValueError(f"adapter weights for modules outside the targets: {stray[:3]}")
    used = [t for t in by_name.values() if any(p in ad.weights for ad in adapters for p in t.paths)]
    weights: LoraWeights = {}
    for t in used:
        a = torch.zeros(len(adapters), t.num_layers, r, t.in_features, dtype=dtype)
        b = torch.zeros(len(adapters), t.num_layers, t.out_features, r, dtype=dtype)
        for i, ad in enumerate(adapters):
            for position, path in enumerate(t.paths):
                if path in ad.weights:
                    a[i, position], b[i, position] = ad.weights[path]
        weights[t.name] = (a.to(device), b.to(device))
    scaling = torch.tensor([ad.scaling for ad in adapters], dtype=dtype, device=device)
    return weights, scaling
