"""Bottleneck adapters (Houlsby et al. 2019): after each sub-layer, down-project, non-linearity,
up-project, residual.

PEFT has no bottleneck adapters and AdapterHub's ``adapters`` pins transformers 4.x, so this small
module does it with forward hooks on the sub-layers' output projections (the attention's
``o_proj`` and the MLP's ``down_proj`` by default): ``out = h + up(act(down(h)))`` where ``h`` is
the sub-layer's output, before the block's residual add. ``up`` starts at zero, so a new adapter
leaves the model unchanged. On disk: ``adapter_config.json`` (AdapterHub-style keys:
``architecture``, ``reduction_factor``, ``non_linearity``) and ``adapter_model.safetensors``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from t2l.errors import SettingError

CONFIG_NAME = "adapter_config.json"
WEIGHTS_NAME = "adapter_model.safetensors"
ACTIVATIONS = {"relu": nn.ReLU, "gelu": nn.GELU, "silu": nn.SiLU}


class BottleneckError(SettingError):
    """A bottleneck adapter that does not fit the model, or a malformed one."""


@dataclass(frozen=True)
class BottleneckConfig:
    reduction_factor: int = 16
    non_linearity: str = "relu"
    sites: tuple[str, ...] = ("o_proj", "down_proj")  # sub-layer output projections
    paths: tuple[str, ...] = field(default=())  # module paths, filled when attached to a model

    def __post_init__(self) -> None:
        if self.reduction_factor <= 0:
            raise BottleneckError("reduction_factor must be positive")
        if self.non_linearity not in ACTIVATIONS:
            raise BottleneckError(f"non_linearity must be one of {sorted(ACTIVATIONS)}, not {self.non_linearity!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"adapter_type": "bottleneck", "architecture": "houlsby", **asdict(self)}


class Bottleneck(nn.Module):
    def __init__(self, width: int, hidden: int, non_linearity: str) -> None:
        super().__init__()
        self.down = nn.Linear(width, hidden)
        self.act = ACTIVATIONS[non_linearity]()
        self.up = nn.Linear(hidden, width)
        nn.init.zeros_(self.up.weight)  # a new adapter is the identity
        nn.init.zeros_(self.up.bias)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return h + self.up(self.act(self.down(h)))


class BottleneckAdapters(nn.Module):
    """One bottleneck per adapted module path."""

    def __init__(self, config: BottleneckConfig, widths: dict[str, int]) -> None:
        super().__init__()
        self.config = config
        self.paths = list(widths)
        self.blocks = nn.ModuleList(
            Bottleneck(w, max(1, w // config.reduction_factor), config.non_linearity) for w in widths.values())

    @classmethod
    def for_model(cls, model: nn.Module, config: BottleneckConfig) -> BottleneckAdapters:
        widths = {path: m.out_features for path, m in model.named_modules()
                  if isinstance(m, nn.Linear) and path.rsplit(".", 1)[-1] in config.sites}
        if not widths:
            raise BottleneckError(f"the model has no linear modules named {list(config.sites)}")
        return cls(BottleneckConfig(config.reduction_factor, config.non_linearity, config.sites, tuple(widths)), widths)


@contextmanager
def attached(model: nn.Module, adapters: BottleneckAdapters) -> Iterator[nn.Module]:
    """``model`` with the adapters after their modules for the block; hooks removed however it exits."""
    modules = dict(model.named_modules())
    missing = [p for p in adapters.paths if p not in modules]
    if missing:
        raise BottleneckError(f"bottleneck adapters for modules this model lacks: {missing[:3]}")
    handles = []
    try:
        for path, block in zip(adapters.paths, adapters.blocks):
            module = modules[path]
            if module.out_features != block.up.out_features:
                raise BottleneckError(f"{path}: adapter width {block.up.out_features}, module gives {module.out_features}")
            block.to(module.weight.device)
            handles.append(module.register_forward_hook(lambda m, args, out, b=block: b(out.to(b.up.weight.dtype)).to(out.dtype)))
        yield model
    finally:
        for handle in handles:
            handle.remove()


def save_bottleneck(adapters: BottleneckAdapters, directory: Path, metadata: dict[str, Any] | None = None) -> None:
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tensors = {k: v.detach().float().cpu().contiguous() for k, v in adapters.state_dict().items()}
    save_file(tensors, str(directory / WEIGHTS_NAME))
    (directory / CONFIG_NAME).write_text(json.dumps(adapters.config.to_dict() | {"t2l": metadata or {}}, indent=2))


def is_bottleneck_dir(directory: Path) -> bool:
    path = Path(directory) / CONFIG_NAME
    return path.exists() and json.loads(path.read_text()).get("adapter_type") == "bottleneck"


def check_bottleneck_files(raw: dict[str, Any], shapes: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """``{module path: width}`` of a saved bottleneck adapter, read from its config (``raw``) and
    its tensors' shapes alone (no model: the catalog checks imports this way). Raises
    ``BottleneckError`` when the config is malformed or a tensor is missing or of the wrong shape."""
    try:
        config = BottleneckConfig(int(raw["reduction_factor"]), str(raw["non_linearity"]), tuple(raw["sites"]))
        paths = [str(p) for p in raw["paths"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise BottleneckError(f"bottleneck config lacks or garbles {exc}") from exc
    if not paths:
        raise BottleneckError("bottleneck config names no module paths")
    widths: dict[str, int] = {}
    expected: set[str] = set()
    for i, path in enumerate(paths):
        down = shapes.get(f"blocks.{i}.down.weight")
        if down is None or len(down) != 2:
            raise BottleneckError(f"{path}: tensor blocks.{i}.down.weight is missing or not a matrix")
        hidden, width = down
        want = {f"blocks.{i}.down.weight": (hidden, width), f"blocks.{i}.down.bias": (hidden,),
                f"blocks.{i}.up.weight": (width, hidden), f"blocks.{i}.up.bias": (width,)}
        for name, shape in want.items():
            if tuple(shapes.get(name, ())) != shape:
                raise BottleneckError(f"{path}: tensor {name} is {shapes.get(name)}, expected {list(shape)}")
        if hidden != max(1, width // config.reduction_factor):
            raise BottleneckError(f"{path}: hidden width {hidden} does not match width {width} / reduction_factor "
                                  f"{config.reduction_factor}")
        widths[path] = width
        expected |= set(want)
    if stray := sorted(set(shapes) - expected):
        raise BottleneckError(f"unexpected tensor {stray[0]} (not one of the {len(paths)} bottleneck blocks)")
    return widths


def load_bottleneck(directory: Path, model: nn.Module) -> BottleneckAdapters:
    """The adapters saved in ``directory``, checked against ``model``'s modules and widths."""
    from safetensors.torch import load_file

    directory = Path(directory)
    try:
        raw = json.loads((directory / CONFIG_NAME).read_text())
        config = BottleneckConfig(raw["reduction_factor"], raw["non_linearity"], tuple(raw["sites"]))
        tensors = load_file(str(directory / WEIGHTS_NAME))
    except (OSError, KeyError, ValueError) as exc:
        raise BottleneckError(f"{directory} is not a readable bottleneck adapter: {exc}") from exc
    adapters = BottleneckAdapters.for_model(model, config)
    if list(adapters.paths) != list(raw.get("paths", [])):
        raise BottleneckError(f"{directory} was made for other modules than this model has (another base model?)")
    try:
        adapters.load_state_dict(tensors)
    except RuntimeError as exc:
        raise BottleneckError(f"{directory}: weights do not fit this model: {exc}") from exc
    return adapters
