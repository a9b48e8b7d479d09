"""The T2L hypernetwork: description embeddings in, LoRA A/B matrices for every targeted layer out.

Architecture after Charakorn et al. (ICML 2025), ``hyper_modulator.py``: a task encoder
(Linear + LayerNorm), learned layer-index and module-type embeddings, a mixer MLP, two pre-LN
residual MLP blocks, a projection to the head width and one output head per module type. Unlike
the published code, which runs one task and one module type at a time, every (description, module,
layer[, A/B[, rank row]]) is a row of one batch: N descriptions give all their adapters in one pass.

Sizes (output per row): L emits r*(in+out), split into A and B; M emits r*max(in,out) and a learned
A-vs-B embedding chooses which matrix a row is; S emits one rank row (max(in,out) values) with a
learned rank-position embedding. Bias-HyperInit: head weights are zero and the head bias holds
PEFT's initial A (kaiming-uniform) and zeros for B, so at step 0 every adapter is PEFT's fresh
LoRA init with ΔW = B·A = 0. M and S keep one bias per (A/B[, rank row]) so that this holds for
them too (the published M/S bias repeats A's init in B, so their ΔW is not 0 at init).

Per-layer offsets (``config.layer_bias``, size L): a learned [L, width] term added to each
module's head output, so the hypernetwork can start from a given adapter, e.g. the multi-task LoRA
(``init_from_adapter``: head bias 0, offsets = that adapter's A and B): at step 0 every description
then gets exactly that adapter, and training learns what the description adds to it.

A fixed block (``config.fixed_rank``, size L): the last ``fixed_rank`` rank rows of every emitted
adapter are buffers holding a given adapter (``set_fixed_adapter``), the same for all descriptions
and never trained; the heads emit the other rows, which start as a fresh LoRA (B = 0). So at step 0
every description gets exactly that adapter, as with ``init_from_adapter``, but what the
description adds is a rank block of its own that starts at zero rather than a perturbation of the
given adapter's factors.

DoRA (``config.use_dora``): one more head per module type emits a relative magnitude change
``delta [N, L, out]``; the magnitude is ``m = ||W||_row * (1 + delta)``, where ``||W||_row`` are the
base model's row norms, stored in the hypernetwork as buffers (``set_base_norms``) so that a
checkpoint can emit PEFT's absolute ``lora_magnitude_vector`` without the base model at hand. The
head starts at zero, so at step 0 ``m = ||W||`` and, with B = 0, the adapter changes nothing.

Imports only torch and the config: no file I/O, no encoder, no base model.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from hypernet.config import HypernetConfig, TargetSpec

# module name -> (A [N, L, r, in], B [N, L, out, r]); the update of layer l for sample n is
# scaling * B[n, l] @ A[n, l], exactly PEFT's lora_B.weight @ lora_A.weight.
LoraWeights = dict[str, tuple[torch.Tensor, torch.Tensor]]
# module name -> DoRA magnitudes [N, L, out] (PEFT's lora_magnitude_vector per layer)
Magnitudes = dict[str, torch.Tensor]


class ResidualMLPBlock(nn.Module):
    """x + MLP(LayerNorm(x)) with SiLU and dropout (the published block)."""

    def __init__(self, width: int, dropout: float) -> None:
        super().__init__()
        self.mlp = nn.Sequential(
            nn.LayerNorm(width),
            nn.Linear(width, 4 * width),
            nn.SiLU(),
            nn.Dropout(dropout),
            nn.Linear(4 * width, width),
            nn.SiLU(),
            nn.Dropout(dropout),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.mlp(x)


def peft_initial_a(rank: int, in_features: int) -> torch.Tensor:
    """PEFT's default ``lora_A`` init (kaiming-uniform with a=sqrt(5), i.e. U(±1/sqrt(in)))."""
    a = torch.empty(rank, in_features)
    nn.init.kaiming_uniform_(a, a=math.sqrt(5))
    return a


class HyperNetwork(nn.Module):
    """Maps description embeddings [N, embedding_dim] to LoRA weights for every target (see module doc)."""

    def __init__(self, config: HypernetConfig) -> None:
        super().__init__()
        self.config = config
        c = config
        latent, r = c.latent_dim, c.generated_rank
        self.task_encoder = nn.Sequential(nn.Linear(c.embedding_dim, latent // 2), nn.LayerNorm(latent // 2))
        self.layer_embedding = nn.Sequential(
            nn.Embedding(max(t.num_layers for t in c.targets), latent // 4), nn.LayerNorm(latent // 4)
        )
        self.module_embedding = nn.Sequential(nn.Embedding(len(c.targets), latent // 4), nn.LayerNorm(latent // 4))
        self.mixer = nn.Sequential(
            nn.Dropout(c.dropout),
            nn.Linear(latent, 4 * latent),
            nn.SiLU(),
            nn.Dropout(c.dropout),
            nn.Linear(4 * latent, latent),
            nn.SiLU(),
            nn.Dropout(c.dropout),
        )
        self.block1 = ResidualMLPBlock(latent, c.dropout)
        self.block2 = ResidualMLPBlock(latent, c.dropout)
        self.to_head = nn.Sequential(
            nn.LayerNorm(latent),
            nn.Linear(latent, 4 * latent),
            nn.SiLU(),
            nn.Dropout(c.dropout),
            nn.Linear(4 * latent, c.head_hidden),
            nn.SiLU(),
        )
        if c.size in ("M", "S"):
            # one learned vector per (module type, A or B), added to the trunk state before block2
            self.ab_embedding = nn.Parameter(torch.randn(len(c.targets), 2, latent))
            self.ab_norm = nn.LayerNorm(latent)
        if c.size == "S":
            self.rank_embedding = nn.Sequential(nn.Embedding(r, latent), nn.LayerNorm(latent))
        self.heads = nn.ModuleDict({t.name: nn.Linear(c.head_hidden, self._head_width(t), bias=False) for t in c.targets})
        self.head_bias = nn.ParameterDict({t.name: nn.Parameter(self._initial_bias(t)) for t in c.targets})
        for head in self.heads.values():
            nn.init.zeros_(head.weight)
        if c.layer_bias:
            self.layer_bias = nn.ParameterDict(
                {t.name: nn.Parameter(torch.zeros(t.num_layers, self._head_width(t))) for t in c.targets})
        if c.fixed_rank:  # zero until set_fixed_adapter (or a checkpoint's weights)
            self.fixed = nn.Module()
            for t in c.targets:
                self.fixed.register_buffer(f"{t.name}_a", torch.zeros(t.num_layers, c.fixed_rank, t.in_features))
                self.fixed.register_buffer(f"{t.name}_b", torch.zeros(t.num_layers, t.out_features, c.fixed_rank))
        if c.use_dora:
            self.magnitude_heads = nn.ModuleDict({t.name: nn.Linear(c.head_hidden, t.out_features) for t in c.targets})
            for head in self.magnitude_heads.values():
                nn.init.zeros_(head.weight)
                nn.init.zeros_(head.bias)
            # NaN until set_base_norms (or a checkpoint's weights): emitting magnitudes without them is an error
            self._norms_checked = False
            self.base_norms = nn.Module()
            for t in c.targets:
                self.base_norms.register_buffer(t.name, torch.full((t.num_layers, t.out_features), float("nan")))

        # Row r of the batch is (module row_module[r], layer position row_layer[r]); rows of one
        # module are contiguous so each head reads a slice, not a gather.
        layers, modules, self._slices = [], [], []
        for m, t in enumerate(c.targets):
            self._slices.append((t, len(layers), len(layers) + t.num_layers))
            layers += range(t.num_layers)
            modules += [m] * t.num_layers
        self.register_buffer("row_layer", torch.tensor(layers, dtype=torch.long), persistent=False)
        self.register_buffer("row_module", torch.tensor(modules, dtype=torch.long), persistent=False)
        self.register_buffer("rank_position", torch.arange(r), persistent=False)

    def _head_width(self, t: TargetSpec) -> int:
        r = self.config.generated_rank
        return {"L": r * (t.in_features + t.out_features), "M": r * max(t.in_features, t.out_features),
                "S": max(t.in_features, t.out_features)}[self.config.size]

    def _initial_bias(self, t: TargetSpec) -> torch.Tensor:
        """Bias-HyperInit: the head's output at step 0 is PEFT's initial A and a zero B."""
        r, size = self.config.generated_rank, self.config.size
        a = peft_initial_a(r, t.in_features)
        if size == "L":
            return torch.cat([a.flatten(), torch.zeros(r * t.out_features)])
        width = max(t.in_features, t.out_features)
        rows = torch.zeros(2, r, width)  # [A/B, rank row, values]; unused columns stay 0
        rows[0, :, : t.in_features] = a
        return rows.flatten(1) if size == "M" else rows

    @property
    def dtype(self) -> torch.dtype:
        return self.head_bias[self.config.targets[0].name].dtype

    def encode_task(self, embeddings: torch.Tensor) -> torch.Tensor:
        """[N, d] encoder embeddings -> [N, latent/2] task codes. The embedding is L2-normalised and
        scaled by sqrt(d) first (as the paper), so raw or normalised encoder output both work."""
        if embeddings.ndim != 2 or embeddings.shape[1] != self.config.embedding_dim:
            raise ValueError(
                f"expected embeddings of shape [N, {self.config.embedding_dim}], got {tuple(embeddings.shape)}"
            )
        x = F.normalize(embeddings.to(self.dtype), dim=-1) * math.sqrt(self.config.embedding_dim)
        return self.task_encoder(x)

    @torch.no_grad()
    def set_base_norms(self, norms: dict[str, torch.Tensor]) -> None:
        """Record the base model's weight row norms ``{module: [L, out]}`` (``base_row_norms``)."""
        if not self.config.use_dora:
            raise ValueError("base norms are only used by a DoRA hypernetwork (config.use_dora)")
        for t in self.config.targets:
            if t.name not in norms or tuple(norms[t.name].shape) != (t.num_layers, t.out_features):
                got = tuple(norms[t.name].shape) if t.name in norms else "nothing"
                raise ValueError(f"{t.name}: base norms must be [{t.num_layers}, {t.out_features}], got {got}")
            getattr(self.base_norms, t.name).copy_(norms[t.name])
        self._norms_checked = False

    def forward(
        self, embeddings: torch.Tensor, *, with_magnitudes: bool = False
    ) -> LoraWeights | tuple[LoraWeights, Magnitudes | None]:
        """Description embeddings [N, d] -> ``{module: (A [N, L, r, in], B [N, L, out, r])}``, one pass;
        with ``with_magnitudes``, also DoRA magnitudes ``{module: [N, L, out]}`` (None unless ``use_dora``)."""
        weights, magnitudes = self._emit(embeddings)
        return (weights, magnitudes) if with_magnitudes else weights

    def forward_with_magnitudes(self, embeddings: torch.Tensor) -> tuple[LoraWeights, Magnitudes | None]:
        """``self(embeddings, with_magnitudes=True)``, typed (module hooks still see the call)."""
        return self(embeddings, with_magnitudes=True)  # type: ignore[return-value]

    def _emit(self, embeddings: torch.Tensor) -> tuple[LoraWeights, Magnitudes | None]:
        task = self.encode_task(embeddings)  # [N, latent/2]
        n, rows = task.shape[0], self.row_layer.shape[0]
        position = torch.cat([self.layer_embedding(self.row_layer), self.module_embedding(self.row_module)], dim=-1)
        h = torch.cat([task[:, None, :].expand(n, rows, -1), position[None].expand(n, -1, -1)], dim=-1)
        h = self.block1(self.mixer(h))  # [N, R, latent]
        if self.config.size in ("M", "S"):
            h = h[:, :, None, :] + self.ab_norm(self.ab_embedding)[self.row_module]  # [N, R, 2, latent]
        if self.config.size == "S":
            h = h[..., None, :] + self.rank_embedding(self.rank_position)  # [N, R, 2, r, latent]
        h = self.to_head(self.block2(h))

        out: LoraWeights = {}
        for t, start, stop in self._slices:  # one matmul per module type (heads differ in width)
            y = self.heads[t.name](h[:, start:stop]) + self.head_bias[t.name]
            if self.config.layer_bias:
                y = y + self.layer_bias[t.name]
            out[t.name] = self._split(y, t)
            if self.config.fixed_rank:  # the fixed rows after the emitted ones, for every description
                a, b = out[t.name]
                fixed_a, fixed_b = getattr(self.fixed, f"{t.name}_a"), getattr(self.fixed, f"{t.name}_b")
                out[t.name] = (torch.cat([a, fixed_a.to(a.dtype).expand(n, -1, -1, -1)], dim=-2),
                               torch.cat([b, fixed_b.to(b.dtype).expand(n, -1, -1, -1)], dim=-1))
        if not self.config.use_dora:
            return out, None
        if self.config.size != "L":  # M/S rows carry A/B (and rank) axes; magnitudes are per layer
            raise NotImplementedError("DoRA magnitudes are emitted by size L hypernetworks only")
        if not self._norms_checked:  # once, not a device sync per forward
            if any(torch.isnan(norms).any() for norms in self.base_norms.buffers()):
                raise ValueError("this DoRA hypernetwork has no base-model norms: call set_base_norms first")
            self._norms_checked = True
        magnitudes: Magnitudes = {}
        for t, start, stop in self._slices:
            magnitudes[t.name] = getattr(self.base_norms, t.name) * (1 + self.magnitude_heads[t.name](h[:, start:stop]))
        return out, magnitudes

    def _split(self, y: torch.Tensor, t: TargetSpec) -> tuple[torch.Tensor, torch.Tensor]:
        r, i, o = self.config.generated_rank, t.in_features, t.out_features
        if self.config.size == "L":  # y [N, L, r*(in+out)]
            a, b = y.split([r * i, r * o], dim=-1)
            return a.unflatten(-1, (r, i)), b.unflatten(-1, (r, o)).transpose(-1, -2)
        if self.config.size == "M":  # y [N, L, 2, r*max]
            y = y.unflatten(-1, (r, -1))  # [N, L, 2, r, max]
        # y [N, L, 2, r, max]: row 0 holds A's rank rows, row 1 B's columns
        return y[:, :, 0, :, :i], y[:, :, 1, :, :o].transpose(-1, -2)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())


def _checked_layers(hypernet: HyperNetwork, weights: dict[str, tuple[torch.Tensor, torch.Tensor]], scaling: float,
                    rank: int, holder: str):
    """``(target, A [L, rank, in], B [L, out, rank])`` for every module the hypernetwork emits, B rescaled
    so that the update is the same under the hypernetwork's scaling; ``ValueError`` naming a missing
    module or a wrong shape (``holder``: what takes the adapter, for the message)."""
    c = hypernet.config
    missing = sorted(set(c.target_names) - set(weights))
    if missing:
        raise ValueError(f"the adapter has no weights for {missing}, which the hypernetwork emits")
    for t in c.targets:
        a, b = weights[t.name]
        want_a, want_b = (t.num_layers, rank, t.in_features), (t.num_layers, t.out_features, rank)
        if tuple(a.shape) != want_a or tuple(b.shape) != want_b:
            raise ValueError(f"{t.name}: adapter A {tuple(a.shape)} / B {tuple(b.shape)}, {holder} "
                             f"A {want_a} / B {want_b} (another rank or base model?)")
        yield t, a, b * (scaling / c.scaling)  # same update scaling * B @ A under the hypernetwork's scaling


@torch.no_grad()
def init_from_adapter(hypernet: HyperNetwork, weights: dict[str, tuple[torch.Tensor, torch.Tensor]],
                      scaling: float) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """Make ``hypernet`` (size L, ``layer_bias``) emit exactly one adapter for every description:
    ``weights[module] = (A [L, r, in], B [L, out, r])`` applied with ``scaling``. Head weights must
    still be zero (a fresh hypernetwork); B is rescaled to the hypernetwork's own scaling. Returns
    what it now emits for every description, ``{module: (A, rescaled B)}``."""
    c = hypernet.config
    if not c.layer_bias:
        raise ValueError("init_from_adapter needs a hypernetwork built with layer_bias=True (size L)")
    if any(head.weight.abs().sum() > 0 for head in hypernet.heads.values()):
        raise ValueError("init_from_adapter is for a fresh hypernetwork (its head weights are already trained)")
    emitted = {}
    for t, a, b in list(_checked_layers(hypernet, weights, scaling, c.rank, "the hypernetwork emits")):
        rows = torch.cat([a.flatten(1), b.transpose(1, 2).flatten(1)], dim=1)  # the head's layout (see _split)
        hypernet.head_bias[t.name].zero_()
        hypernet.layer_bias[t.name].copy_(rows.to(hypernet.layer_bias[t.name]))
        emitted[t.name] = (a, b)
    return emitted


@torch.no_grad()
def set_fixed_adapter(hypernet: HyperNetwork, weights: dict[str, tuple[torch.Tensor, torch.Tensor]],
                      scaling: float) -> None:
    """Fill the fixed block (``config.fixed_rank``) with one adapter: ``weights[module] = (A [L, r, in],
    B [L, out, r])`` applied with ``scaling``, r = fixed_rank. B is rescaled to the hypernetwork's own
    scaling, so the block adds exactly that adapter's update to every description's."""
    c = hypernet.config
    if not c.fixed_rank:
        raise ValueError("this hypernetwork has no fixed adapter block (config.fixed_rank is 0)")
    for t, a, b in list(_checked_layers(hypernet, weights, scaling, c.fixed_rank, "the fixed block holds")):
        fixed_a, fixed_b = getattr(hypernet.fixed, f"{t.name}_a"), getattr(hypernet.fixed, f"{t.name}_b")
        fixed_a.copy_(a.to(fixed_a))
        fixed_b.copy_(b.to(fixed_b))


@torch.no_grad()
def randomize_heads(hypernet: HyperNetwork, std: float, *, seed: int = 0) -> None:
    """Head weights drawn from N(0, std²) instead of zero. With zero heads the trunk gets no gradient
    at first, and what the heads learn first is shared by every task; a warm start (``init_from_adapter``)
    stayed ~90 % one adapter for all tasks (docs/EVAL.md, session 10). Seeded, so runs repeat."""
    generator = torch.Generator().manual_seed(seed)
    for head in hypernet.heads.values():  # in target order, fixed by the config
        head.weight.copy_(torch.randn(head.weight.shape, generator=generator) * std)


def base_row_norms(model: nn.Module, config: HypernetConfig) -> dict[str, torch.Tensor]:
    """``{module: [L, out]}``: the L2 norm of each output row of every targeted base weight (what
    DoRA's magnitude starts from), in float32 on the CPU."""
    norms = {}
    for t in config.targets:
        rows = [model.get_submodule(path).weight.detach().float().norm(dim=1).cpu() for path in t.paths]
        norms[t.name] = torch.stack(rows)
    return norms


def build_hypernet(config: HypernetConfig, *, device: str | torch.device = "cpu") -> HyperNetwork:
    """A freshly initialised hypernetwork, seeded by ``config.seed`` without touching the global RNG."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(config.seed)
        model = HyperNetwork(config)
    return model.to(device)


def parameter_count(config: HypernetConfig) -> int:
    """Parameters of a hypernetwork with this config, counted on the meta device (nothing allocated)."""
    with torch.device("meta"):
        return HyperNetwork(config).num_parameters()
