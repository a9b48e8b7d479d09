"""Adapter directories of every method the platform trains, read, checked and written back.

``t2l train oracle --method M`` writes one directory per task; this module reads any of them:

- ``lora``, ``rslora``, ``qlora``: PEFT LoRA (``use_rslora`` picks the scaling alpha/sqrt(r)
  instead of alpha/r; a QLoRA adapter is plain LoRA weights trained on a 4-bit base and looks like
  ``lora`` on disk, so its method comes from ``metrics.json`` or is declared). Read into a
  ``hypernet.peft_format.LoraAdapter``: their update is ``scaling * B @ A``, which the
  dispatcher's slots apply.
- ``dora`` (PEFT LoRA with ``use_dora``: a magnitude vector per module beside A and B),
  ``prompt-tuning`` (PEFT PROMPT_TUNING: ``prompt_embeddings`` [virtual tokens, hidden]) and
  ``bottleneck`` (``hypernet.bottleneck``): kept as ``AdapterFiles``, the two files verbatim
  after checking them; they are applied by PEFT or by hooks (``hypernet.evaluate.peft_applied``).

Both kinds offer what the catalog needs: ``rank``, ``alpha``, ``use_rslora``, ``target_modules``
and ``check_against(module_shapes)``. ``peft_format`` stays the one place that knows LoRA's layout.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from hypernet.peft_format import (
    CONFIG_NAME,
    KEY_PREFIX,
    WEIGHTS_NAME,
    AdapterFormatError,
    LoraAdapter,
    adapter_from_bytes,
    all_finite,
    directory_files,
    lora_rank_alpha,
    parse_config,
    read_directory_config,
)
from t2l.atomic import write_directory

METHODS = ("lora", "rslora", "dora", "qlora", "prompt-tuning", "bottleneck")  # = hypernet.train.methods.METHODS
SLOT_METHODS = ("lora", "rslora", "qlora")  # plain LoRA weights: the update is scaling * B @ A
PEFT_TYPES = {"lora": "LORA", "rslora": "LORA", "dora": "LORA", "qlora": "LORA", "prompt-tuning": "PROMPT_TUNING",
              "bottleneck": "BOTTLENECK"}
METRICS_NAME = "metrics.json"  # written beside the adapter by `t2l train oracle`; names the method
_METHOD_KEY = "peft_method"  # in a LoRA config's "t2l" block: what the files alone cannot say (qlora)


def check_method(method: str) -> str:
    if method not in METHODS:
        raise AdapterFormatError(f"unknown adapter method {method!r}; the methods are {', '.join(METHODS)}")
    return method


@dataclass(frozen=True)
class AdapterFiles:
    """A DoRA, prompt-tuning or bottleneck adapter: its two files in memory, checked.

    ``config`` is the ``adapter_config.json`` content, ``weights`` the safetensors bytes as read
    (never re-serialised, so an export gives back the same bytes), ``tensor_shapes`` the shape of
    every tensor in it.
    """

    method: str
    config: dict[str, Any]
    weights: bytes
    tensor_shapes: dict[str, tuple[int, ...]] = field(repr=False)

    @property
    def peft_type(self) -> str:
        return PEFT_TYPES[self.method]

    @property
    def rank(self) -> int:
        """LoRA's r (DoRA); 0 for methods without one."""
        return int(self.config["r"]) if self.method == "dora" else 0

    @property
    def alpha(self) -> float:
        return float(self.config["lora_alpha"]) if self.method == "dora" else 0.0

    @property
    def use_rslora(self) -> bool:
        return self.method == "dora" and bool(self.config.get("use_rslora"))

    @property
    def target_modules(self) -> list[str]:
        if self.method == "dora":
            targets = self.config.get("target_modules") or []
            return [targets] if isinstance(targets, str) else list(targets)
        if self.method == "bottleneck":
            return list(self.config["sites"])
        return []

    @property
    def virtual_tokens(self) -> int:
        """Positions a prompt-tuning adapter adds in front of every input (0 for other methods)."""
        if self.method != "prompt-tuning":
            return 0
        return int(self.config["num_virtual_tokens"]) * int(self.config.get("num_transformer_submodules") or 1)

    @property
    def nbytes(self) -> int:
        return len(self.weights)

    def num_parameters(self) -> int:
        return sum(math.prod(s) for s in self.tensor_shapes.values())

    def config_bytes(self) -> bytes:
        return json.dumps(self.config, indent=2, sort_keys=True).encode()

    def check_against(self, module_shapes: dict[str, tuple[int, int]]) -> None:
        """Raise ``AdapterFormatError`` unless the adapter fits a base model whose linear layers
        are ``module_shapes[path] = (in_features, out_features)``."""
        if self.method == "dora":
            for path, (a, b, _) in _dora_modules(self.tensor_shapes).items():
                if path not in module_shapes:
                    raise AdapterFormatError(f"adapter targets '{path}', which the base model does not have")
                in_features, out_features = module_shapes[path]
                if a[1] != in_features or b[0] != out_features:
                    raise AdapterFormatError(
                        f"{path}: adapter is {a[1]}→{b[0]}, the base model's layer is {in_features}→{out_features} "
                        "(an adapter for another base model?)")
        elif self.method == "prompt-tuning":
            hidden = hidden_size(module_shapes)
            if int(self.config["token_dim"]) != hidden:
                raise AdapterFormatError(
                    f"soft prompt has {self.config['token_dim']}-d embeddings, the base model's are {hidden}-d "
                    "(an adapter for another base model?)")
        else:
            from hypernet.bottleneck import check_bottleneck_files

            widths = check_bottleneck_files(self.config, self.tensor_shapes)
            sites = set(self.config["sites"])
            wanted = {p for p in module_shapes if p.rsplit(".", 1)[-1] in sites}
            if set(widths) != wanted:
                missing = sorted(set(widths) - wanted) or sorted(wanted - set(widths))
                raise AdapterFormatError(
                    f"bottleneck adapter was made for other modules than the base model has ({missing[0]}; "
                    "an adapter for another base model?)")
            for path, width in widths.items():
                if module_shapes[path][1] != width:
                    raise AdapterFormatError(f"{path}: bottleneck width {width}, the base model's layer gives "
                                             f"{module_shapes[path][1]} (an adapter for another base model?)")

    def save(self, directory: str | Path) -> Path:
        """Write both files as an adapter directory, atomically (an existing one is replaced
        only once the new one is complete)."""
        return write_adapter_dir(directory, self.config_bytes(), self.weights)


def hidden_size(module_shapes: dict[str, tuple[int, int]]) -> int:
    """The base model's hidden size, from its linear layers: the LM head's input width (else the
    first attention query projection's)."""
    for path, (in_features, _) in module_shapes.items():
        if path == "lm_head" or path.endswith(".q_proj"):
            return int(in_features)
    raise AdapterFormatError("cannot tell the base model's hidden size from its layers (no lm_head or q_proj)")


def method_of(adapter: LoraAdapter | AdapterFiles) -> str:
    """The adapter's method name (one of ``METHODS``)."""
    if isinstance(adapter, AdapterFiles):
        return adapter.method
    if adapter.use_dora:  # generated by a DoRA hypernetwork (magnitudes beside A and B)
        return "dora"
    if adapter.metadata.get(_METHOD_KEY) == "qlora":
        return "qlora"
    return "rslora" if adapter.use_rslora else "lora"


def read_adapter_bytes(
    config_bytes: bytes, weights_bytes: bytes, *, method: str | None = None, source: str = "adapter"
) -> LoraAdapter | AdapterFiles:
    """Parse an adapter's two files: a ``LoraAdapter`` for lora/rslora/qlora, ``AdapterFiles``
    for the others. ``method`` (declared, e.g. ``qlora``) must agree with the files; raises
    ``AdapterFormatError`` naming what is wrong."""
    config = parse_config(config_bytes, source)
    found = _method_in_config(config, source)
    if method is not None:
        check_method(method)
        declared_qlora = method == "qlora" and found in ("lora", "rslora")
        if method != found and not declared_qlora:
            raise AdapterFormatError(f"{source}: declared as a {method} adapter, but its files hold a {found} adapter")
        found = method
    if found in SLOT_METHODS:
        adapter = adapter_from_bytes(config_bytes, weights_bytes, source=source)
        if found == "qlora":
            adapter.metadata[_METHOD_KEY] = "qlora"
        return adapter
    tensors = _load_tensors(weights_bytes, source)
    shapes = {name: tuple(t.shape) for name, t in tensors.items()}
    try:
        if found == "dora":
            _check_dora(config, shapes)
        elif found == "prompt-tuning":
            _check_prompt(config, shapes)
        else:
            from hypernet.bottleneck import BottleneckError, check_bottleneck_files

            try:
                check_bottleneck_files(config, shapes)
            except BottleneckError as exc:
                raise AdapterFormatError(str(exc)) from exc
    except AdapterFormatError as exc:
        raise AdapterFormatError(f"{source}: {exc}") from exc
    for name, tensor in tensors.items():
        if not all_finite(tensor):
            raise AdapterFormatError(f"{source}: {name} contains NaN or Inf")
    return AdapterFiles(found, config, weights_bytes, shapes)


def read_adapter_dir(directory: str | Path, *, method: str | None = None) -> LoraAdapter | AdapterFiles:
    """Read an adapter directory of any method. Without ``method``, a ``metrics.json`` beside the
    files (``t2l train oracle`` writes one) names it, else the config does."""
    directory = Path(directory)
    config_path, weights_path = directory / CONFIG_NAME, directory / WEIGHTS_NAME
    for path in (config_path, weights_path):
        if not path.is_file():
            raise AdapterFormatError(f"{directory} is not an adapter directory: {path.name} is missing")
    if method is None and (directory / METRICS_NAME).is_file():
        try:
            recorded = json.loads((directory / METRICS_NAME).read_text()).get("method")
        except (ValueError, AttributeError):
            recorded = None
        method = recorded if recorded in METHODS else None
    return read_adapter_bytes(read_directory_config(directory), weights_path.read_bytes(), method=method,
                              source=str(directory))


def write_adapter_dir(directory: str | Path, config_bytes: bytes, weights_bytes: bytes) -> Path:
    """Write ``adapter_config.json`` and ``adapter_model.safetensors`` (and ``t2l.json``:
    ``directory_files``) into ``directory`` atomically: a staging directory renamed into place (an
    existing one is replaced last)."""
    return write_directory(directory, directory_files(config_bytes, weights_bytes))


# --- per method -----------------------------------------------------------------------------------


def _method_in_config(config: dict[str, Any], source: str) -> str:
    if config.get("adapter_type") == "bottleneck":
        return "bottleneck"
    peft_type = config.get("peft_type")
    if peft_type == "PROMPT_TUNING":
        return "prompt-tuning"
    if peft_type == "LORA":
        if config.get("use_dora"):
            return "dora"
        if (config.get("t2l") or {}).get(_METHOD_KEY) == "qlora":
            return "qlora"
        return "rslora" if config.get("use_rslora") else "lora"
    raise AdapterFormatError(
        f"{source}: peft_type is {peft_type!r}; the catalog holds LORA (lora, rslora, dora, qlora), PROMPT_TUNING "
        "and bottleneck adapters")


def _load_tensors(weights_bytes: bytes, source: str) -> dict[str, torch.Tensor]:
    from safetensors.torch import load

    try:
        return load(weights_bytes)
    except Exception as exc:  # safetensors raises its own error types for damaged files
        raise AdapterFormatError(f"{source}: {WEIGHTS_NAME} is not a readable safetensors file: {exc}") from exc


# the magnitude's key: "lora_magnitude_vector" (PEFT >= 0.12), "lora_magnitude_vector.weight" before
_DORA_PARTS = {".lora_A.weight": 0, ".lora_B.weight": 1, ".lora_magnitude_vector": 2, ".lora_magnitude_vector.weight": 2}


def _dora_modules(shapes: dict[str, tuple[int, ...]]) -> dict[str, tuple[tuple[int, ...], ...]]:
    """{module path: (A shape, B shape, magnitude shape)} of a DoRA state dict."""
    parts: dict[str, list[tuple[int, ...] | None]] = {}
    for name, shape in shapes.items():
        for suffix, position in _DORA_PARTS.items():
            if name.endswith(suffix):
                path = name[: -len(suffix)].removeprefix(KEY_PREFIX)
                parts.setdefault(path, [None, None, None])[position] = shape
                break
        else:
            raise AdapterFormatError(f"unexpected tensor '{name}' (not a DoRA lora_A, lora_B or magnitude)")
    for path, found in parts.items():
        if any(p is None for p in found):
            raise AdapterFormatError(f"{path} lacks one of lora_A, lora_B and lora_magnitude_vector")
    return {path: tuple(found) for path, found in parts.items()}  # type: ignore[misc]


def _check_dora(config: dict[str, Any], shapes: dict[str, tuple[int, ...]]) -> None:
    rank, _ = lora_rank_alpha(config, dora=True)  # the caller names the source
    modules = _dora_modules(shapes)
    if not modules:
        raise AdapterFormatError("adapter has no DoRA weights")
    for path, (a, b, m) in modules.items():
        if len(a) != 2 or len(b) != 2 or a[0] != rank or b[1] != rank or m != (b[0],):
            raise AdapterFormatError(f"{path}: lora_A {a}, lora_B {b} and magnitude {m} do not fit rank {rank}")


def _check_prompt(config: dict[str, Any], shapes: dict[str, tuple[int, ...]]) -> None:
    try:
        tokens = int(config["num_virtual_tokens"]) * int(config.get("num_transformer_submodules") or 1)
        dim = int(config["token_dim"])
    except (KeyError, TypeError, ValueError) as exc:
        raise AdapterFormatError(f"{CONFIG_NAME} needs integer 'num_virtual_tokens' and 'token_dim'") from exc
    if set(shapes) != {"prompt_embeddings"}:
        raise AdapterFormatError(f"a soft prompt holds one tensor 'prompt_embeddings', not {sorted(shapes)[:3]}")
    if shapes["prompt_embeddings"] != (tokens, dim):
        raise AdapterFormatError(f"prompt_embeddings is {list(shapes['prompt_embeddings'])}, the config says "
                                 f"[{tokens}, {dim}]")
