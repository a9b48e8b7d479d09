"""The hypernetwork's configuration: one dataclass that validates itself and round-trips through JSON.

Target shapes come from ``hypernet.targets.discover_targets`` on the real base model (see
``HypernetConfig.from_targets``), never from a table of model families; with the module paths
stored too, a checkpoint directory is enough to generate PEFT adapters without loading the base model.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal

from t2l.errors import T2LError

if TYPE_CHECKING:
    from hypernet.targets import TargetModule

Size = Literal["L", "M", "S"]
SIZES: tuple[str, ...] = ("L", "M", "S")
CONFIG_FORMAT = 1


class HypernetConfigError(T2LError, ValueError):
    """A hypernetwork configuration is inconsistent or cannot be read."""


@dataclass(frozen=True)
class TargetSpec:
    """One kind of targeted linear layer: its shape, how many blocks have it, and their module paths."""

    name: str
    in_features: int
    out_features: int
    num_layers: int
    paths: tuple[str, ...] = ()  # paths[i] is layer position i's module path; () when unknown

    def __post_init__(self) -> None:
        if not self.name or not isinstance(self.name, str):
            raise HypernetConfigError(f"target module name must be a non-empty string, got {self.name!r}")
        for key in ("in_features", "out_features", "num_layers"):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise HypernetConfigError(f"target '{self.name}': {key} must be a positive integer, got {value!r}")
        object.__setattr__(self, "paths", tuple(self.paths))
        if self.paths and len(self.paths) != self.num_layers:
            raise HypernetConfigError(
                f"target '{self.name}': {len(self.paths)} module paths for {self.num_layers} layers"
            )

    @classmethod
    def from_target_module(cls, target: TargetModule) -> TargetSpec:
        return cls(target.name, target.in_features, target.out_features, target.num_layers, target.paths)

    @property
    def shape(self) -> tuple[int, int, int]:
        """What must agree between a checkpoint and a base model: (in, out, layers)."""
        return (self.in_features, self.out_features, self.num_layers)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "paths": list(self.paths)}


@dataclass(frozen=True)
class HypernetConfig:
    """Everything needed to rebuild a ``HyperNetwork`` (and to interpret its output) from JSON."""

    base_model: str  # the base model's name as the settings spell it (e.g. "smollm2-135m-instruct")
    encoder: str  # the sentence encoder whose embeddings the network reads
    embedding_dim: int  # that encoder's output size
    targets: tuple[TargetSpec, ...]
    rank: int = 8
    alpha: float = 16.0
    use_rslora: bool = True  # scaling alpha/sqrt(r), as the paper; else alpha/r
    use_dora: bool = False  # also emit DoRA magnitude vectors (one per output row of each layer)
    # a learned output offset per layer (size L), e.g. started from a multi-task LoRA (init_from_adapter)
    layer_bias: bool = False
    # the last ``fixed_rank`` of the ``rank`` rank rows are a fixed adapter (buffers, not trained),
    # e.g. the multi-task LoRA; the heads emit the other rank - fixed_rank rows (size L, no DoRA).
    # The residual form of a warm start: the shared skill stays whole, and the description's part
    # starts at zero in its own rows, as from scratch (``hypernet.model.set_fixed_adapter``)
    fixed_rank: int = 0
    lora_dropout: float = 0.05  # dropout on the LoRA branch's input during SFT (PEFT's lora_dropout)
    size: Size = "L"  # L: r*(in+out) per row; M: r*max(in,out) with an A/B embedding; S: one rank row
    latent_dim: int = 128  # width of the trunk (task code latent/2, layer and module embeddings latent/4)
    head_hidden: int = 512  # width of the last trunk layer, which feeds the output heads
    dropout: float = 0.05  # dropout inside the trunk
    seed: int = 0  # seed of the initial weights (training seeds live in ``training``)
    training: dict[str, Any] = field(default_factory=dict)  # free-form, recorded by trainers

    def __post_init__(self) -> None:
        targets = tuple(t if isinstance(t, TargetSpec) else TargetSpec(**_target_kwargs(t)) for t in self.targets)
        object.__setattr__(self, "targets", targets)
        if not targets:
            raise HypernetConfigError("a hypernetwork needs at least one target module")
        names = [t.name for t in targets]
        if len(set(names)) != len(names):
            raise HypernetConfigError(f"target module names repeat: {names}")
        if self.size not in SIZES:
            raise HypernetConfigError(f"size must be one of {', '.join(SIZES)}, got {self.size!r}")
        for key in ("embedding_dim", "rank", "latent_dim", "head_hidden"):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise HypernetConfigError(f"{key} must be a positive integer, got {value!r}")
        if self.latent_dim % 4:
            # the trunk input is task code (latent/2) + layer (latent/4) + module (latent/4)
            raise HypernetConfigError(f"latent_dim must be a multiple of 4, got {self.latent_dim}")
        if not (isinstance(self.alpha, (int, float)) and math.isfinite(self.alpha) and self.alpha > 0):
            raise HypernetConfigError(f"alpha must be a positive number, got {self.alpha!r}")
        for key in ("dropout", "lora_dropout"):
            value = getattr(self, key)
            if not (isinstance(value, (int, float)) and 0.0 <= value < 1.0):
                raise HypernetConfigError(f"{key} must be in [0, 1), got {value!r}")
        if not isinstance(self.training, dict):
            raise HypernetConfigError("training must be a JSON object")
        if self.layer_bias and self.size != "L":
            raise HypernetConfigError(f"per-layer output offsets exist for size L hypernetworks only, not {self.size}")
        if self.use_dora and self.size != "L":
            raise HypernetConfigError(f"DoRA magnitudes are emitted by size L hypernetworks only, not {self.size}")
        if not isinstance(self.fixed_rank, int) or isinstance(self.fixed_rank, bool) \
                or not 0 <= self.fixed_rank < self.rank:
            raise HypernetConfigError(f"fixed_rank must be an integer from 0 to rank - 1 ({self.rank - 1}), "
                                      f"got {self.fixed_rank!r}")
        if self.fixed_rank and (self.size != "L" or self.use_dora):
            raise HypernetConfigError("a fixed adapter block (fixed_rank) needs a size L hypernetwork without DoRA")

    @classmethod
    def from_targets(
        cls,
        targets: list[TargetModule] | tuple[TargetModule, ...],
        *,
        base_model: str,
        encoder: str,
        embedding_dim: int,
        **options: Any,
    ) -> HypernetConfig:
        """A config for the given discovered targets (``select_targets(discover_targets(model), names)``)."""
        return cls(
            base_model=base_model,
            encoder=encoder,
            embedding_dim=embedding_dim,
            targets=tuple(TargetSpec.from_target_module(t) for t in targets),
            **options,
        )

    @property
    def scaling(self) -> float:
        """The factor on ``B @ A`` (rsLoRA: alpha/sqrt(r); classic LoRA: alpha/r)."""
        return self.alpha / math.sqrt(self.rank) if self.use_rslora else self.alpha / self.rank

    @property
    def generated_rank(self) -> int:
        """Rank rows the heads emit per description (the rest are the fixed block)."""
        return self.rank - self.fixed_rank

    @property
    def prompt_description(self) -> bool:
        """Whether adapters of this hypernetwork expect the description in the prompt as well
        (it was trained that way: ``t2l train sft --prompt-description``)."""
        return bool(self.training.get("prompt_description", False))

    @property
    def target_names(self) -> list[str]:
        return [t.name for t in self.targets]

    def target(self, name: str) -> TargetSpec:
        for t in self.targets:
            if t.name == name:
                return t
        raise KeyError(name)

    def lora_parameter_count(self) -> int:
        """Parameters of one generated adapter."""
        return sum(self.rank * (t.in_features + t.out_features) * t.num_layers for t in self.targets)

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["targets"] = [t.to_dict() for t in self.targets]
        out["training"] = dict(self.training)
        out["format"] = CONFIG_FORMAT
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HypernetConfig:
        """Inverse of ``to_dict``; unknown keys and a newer format are errors, not silently dropped."""
        if not isinstance(data, dict):
            raise HypernetConfigError("a hypernetwork config must be a JSON object")
        data = dict(data)
        fmt = data.pop("format", CONFIG_FORMAT)
        if fmt != CONFIG_FORMAT:
            raise HypernetConfigError(f"config format {fmt} is not supported (this version reads {CONFIG_FORMAT})")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise HypernetConfigError(f"unknown hypernetwork config keys: {unknown}")
        missing = sorted(f.name for f in fields(cls) if f.name in {"base_model", "encoder", "embedding_dim", "targets"}
                         and f.name not in data)
        if missing:
            raise HypernetConfigError(f"hypernetwork config lacks {missing}")
        if not isinstance(data["targets"], list):
            raise HypernetConfigError("targets must be a list of {name, in_features, out_features, num_layers}")
        data["targets"] = tuple(TargetSpec(**_target_kwargs(t)) for t in data["targets"])
        return cls(**data)


def _target_kwargs(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise HypernetConfigError(f"a target must be an object with name/in_features/out_features/num_layers, got {item!r}")
    allowed = {"name", "in_features", "out_features", "num_layers", "paths"}
    extra = sorted(set(item) - allowed)
    if extra or not {"name", "in_features", "out_features", "num_layers"} <= set(item):
        raise HypernetConfigError(f"target {item.get('name', item)!r}: expected keys {sorted(allowed)}, got {sorted(item)}")
    return item
