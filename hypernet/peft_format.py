"""The one place that knows PEFT's on-disk LoRA format.

A PEFT LoRA adapter is a directory with ``adapter_config.json`` and ``adapter_model.safetensors``
whose keys look like ``base_model.model.<module path>.lora_A.weight`` ([r, in]) and
``...lora_B.weight`` ([out, r]). ``peft.PeftModel.from_pretrained(base, dir)`` loads what
``save_peft_adapter`` writes, and ``load_peft_adapter`` reads what PEFT writes.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

from t2l import __version__
from t2l.atomic import write_directory
from t2l.errors import T2LError

CONFIG_NAME = "adapter_config.json"
WEIGHTS_NAME = "adapter_model.safetensors"
# t2l's own keys (provenance: description, checkpoint, version) travel beside the adapter in their own
# file: PEFT warns about every config key it does not know ("...upgrade the PEFT version")
SIDECAR_NAME = "t2l.json"
OWN_KEYS = ("t2l", "t2l_version")
KEY_PREFIX = "base_model.model."
_A_SUFFIX = ".lora_A.weight"
_B_SUFFIX = ".lora_B.weight"
_M_SUFFIX = ".lora_magnitude_vector"  # DoRA's magnitude, as PEFT >= 0.12 saves it
# Config features that change what the weights mean; we refuse them rather than load them wrongly.
_UNSUPPORTED_CONFIG = {
    "use_dora": "DoRA adapters",
    "modules_to_save": "adapters with modules_to_save",
    "rank_pattern": "per-module ranks (rank_pattern)",
    "alpha_pattern": "per-module alphas (alpha_pattern)",
}


def all_finite(tensor: torch.Tensor) -> bool:
    """True when no value of ``tensor`` is NaN or Inf.

    On the CPU through numpy: ``torch.isfinite(t).all()`` measured 2.5 ms for one adapter's 460,800
    float32 values on this CPU, numpy 0.04 ms. bfloat16 (unknown to numpy) by its exponent bits.
    """
    if tensor.device.type != "cpu" or tensor.dtype not in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
        return bool(torch.isfinite(tensor).all())
    tensor = tensor.detach()
    if tensor.dtype == torch.bfloat16:  # all exponent bits set = Inf or NaN
        bits = tensor.view(torch.int16).numpy()
        return not bool(((bits & 0x7F80) == 0x7F80).any())
    return bool(np.isfinite(tensor.numpy()).all())


def finite_samples(tensor: torch.Tensor) -> np.ndarray:
    """For a CPU tensor [N, ...], a bool array [N]: True where sample i has no NaN/Inf (numpy,
    as :func:`all_finite`; any strides, no copy of the values)."""
    tensor = tensor.detach()
    n = tensor.shape[0]
    if tensor.dtype == torch.bfloat16:
        bits = tensor.view(torch.int16).numpy()
        return ~((bits & 0x7F80) == 0x7F80).reshape(n, -1).any(1)
    return np.isfinite(tensor.numpy()).reshape(n, -1).all(1)


class AdapterFormatError(T2LError):
    """An adapter directory or file is not a valid PEFT LoRA adapter this platform can use."""


@dataclass
class LoraAdapter:
    """One LoRA adapter in memory: ``weights[module_path] = (A [r, in], B [out, r])``.

    ``module_path`` is the module's path in the base model (``model.layers.3.self_attn.q_proj``).
    The update applied to that module is ``scaling * B @ A``. With ``magnitudes`` (``{module_path:
    [out]}``) it is a DoRA adapter: written with ``use_dora`` and PEFT's ``lora_magnitude_vector``
    (reading DoRA back is ``hypernet.adapter_files``' job: this class is not applied by the slots).
    """

    rank: int
    alpha: float
    weights: dict[str, tuple[torch.Tensor, torch.Tensor]]
    target_modules: list[str]
    base_model: str = ""
    use_rslora: bool = True
    lora_dropout: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)
    magnitudes: dict[str, torch.Tensor] | None = None

    @property
    def use_dora(self) -> bool:
        return self.magnitudes is not None

    @property
    def scaling(self) -> float:
        return self.alpha / math.sqrt(self.rank) if self.use_rslora else self.alpha / self.rank

    def num_parameters(self) -> int:
        extra = sum(m.numel() for m in self.magnitudes.values()) if self.magnitudes else 0
        return sum(a.numel() + b.numel() for a, b in self.weights.values()) + extra

    def validate(self) -> None:
        """Shapes agree with the rank and every value is finite; raises ``AdapterFormatError``."""
        self.check_shapes()
        for path, (a, b) in self.weights.items():
            if not (all_finite(a) and all_finite(b)):
                raise AdapterFormatError(f"{path}: adapter weights contain NaN or Inf")
        for path, m in (self.magnitudes or {}).items():
            if not all_finite(m):
                raise AdapterFormatError(f"{path}: DoRA magnitudes contain NaN or Inf")

    def check_shapes(self) -> None:
        """Shapes agree with the rank (no value is read); raises ``AdapterFormatError``."""
        if self.rank <= 0:
            raise AdapterFormatError(f"rank must be positive, got {self.rank}")
        if not self.weights:
            raise AdapterFormatError("adapter has no LoRA weights")
        for path, (a, b) in self.weights.items():
            if a.ndim != 2 or b.ndim != 2 or a.shape[0] != self.rank or b.shape[1] != self.rank:
                raise AdapterFormatError(
                    f"{path}: lora_A {tuple(a.shape)} and lora_B {tuple(b.shape)} do not match rank {self.rank}"
                )
        if self.magnitudes is not None:
            if set(self.magnitudes) != set(self.weights):
                raise AdapterFormatError("DoRA magnitudes must cover exactly the modules with LoRA weights")
            for path, m in self.magnitudes.items():
                if tuple(m.shape) != (self.weights[path][1].shape[0],):
                    raise AdapterFormatError(f"{path}: DoRA magnitude {tuple(m.shape)} does not match "
                                             f"lora_B {tuple(self.weights[path][1].shape)}")

    def check_against(self, module_shapes: dict[str, tuple[int, int]]) -> None:
        """Raise ``AdapterFormatError`` unless every module exists in the base model with the
        adapter's shapes; ``module_shapes[path] = (in_features, out_features)``."""
        for path, (a, b) in self.weights.items():
            if path not in module_shapes:
                raise AdapterFormatError(f"adapter targets '{path}', which the base model does not have")
            in_features, out_features = module_shapes[path]
            if a.shape[1] != in_features or b.shape[0] != out_features:
                raise AdapterFormatError(
                    f"{path}: adapter is {a.shape[1]}→{b.shape[0]}, the base model's layer is "
                    f"{in_features}→{out_features} (an adapter for another base model?)"
                )


def stack_adapters(first: LoraAdapter, second: LoraAdapter) -> LoraAdapter:
    """One LoRA whose update is the sum of both updates (PEFT's "cat" combination): rank r1 + r2,
    A stacked, B side by side, each B rescaled so that its own scaling is kept. Both must adapt the
    same modules; DoRA adapters have no such sum."""
    if first.use_dora or second.use_dora:
        raise AdapterFormatError("DoRA adapters cannot be stacked (their magnitudes do not add)")
    if set(first.weights) != set(second.weights):
        only = sorted(set(first.weights) ^ set(second.weights))
        raise AdapterFormatError(f"the adapters adapt different modules: {', '.join(only[:3])}"
                                 + (", ..." if len(only) > 3 else ""))
    for path, (a1, b1) in first.weights.items():
        a2, b2 = second.weights[path]
        if a1.shape[1] != a2.shape[1] or b1.shape[0] != b2.shape[0]:
            raise AdapterFormatError(f"{path}: the adapters are for different shapes (in {a1.shape[1]} / "
                                     f"{a2.shape[1]}, out {b1.shape[0]} / {b2.shape[0]}): another base model?")
    stacked = LoraAdapter(rank=first.rank + second.rank, alpha=first.alpha, weights={},
                          target_modules=sorted(set(first.target_modules) | set(second.target_modules)),
                          base_model=first.base_model or second.base_model, use_rslora=first.use_rslora,
                          metadata={"stacked": [first.metadata, second.metadata]})
    for path, (a1, b1) in first.weights.items():
        a2, b2 = second.weights[path]
        a = torch.cat([a1, a2.to(a1)], dim=0)
        b = torch.cat([b1 * (first.scaling / stacked.scaling), b2.to(b1) * (second.scaling / stacked.scaling)], dim=1)
        stacked.weights[path] = (a, b)
    return stacked


def peft_config(adapter: LoraAdapter) -> dict[str, Any]:
    """The ``adapter_config.json`` content PEFT expects for this adapter."""
    return {
        "peft_type": "LORA",
        "task_type": "CAUSAL_LM",
        "base_model_name_or_path": adapter.base_model,
        "r": adapter.rank,
        "lora_alpha": adapter.alpha,
        "use_rslora": adapter.use_rslora,
        "use_dora": adapter.use_dora,
        "lora_dropout": adapter.lora_dropout,
        "target_modules": sorted(adapter.target_modules),
        "bias": "none",
        "fan_in_fan_out": False,
        "init_lora_weights": True,
        "inference_mode": True,
        "modules_to_save": None,
        "revision": None,
        "t2l_version": __version__,
        "t2l": adapter.metadata,
    }


def peft_state_dict(adapter: LoraAdapter, dtype: torch.dtype | None = None) -> dict[str, torch.Tensor]:
    """The safetensors content: ``base_model.model.<path>.lora_{A,B}.weight`` -> contiguous CPU tensors."""
    out: dict[str, torch.Tensor] = {}
    for path, (a, b) in adapter.weights.items():
        out[f"{KEY_PREFIX}{path}{_A_SUFFIX}"] = a.detach().to("cpu", dtype or a.dtype).contiguous()
        out[f"{KEY_PREFIX}{path}{_B_SUFFIX}"] = b.detach().to("cpu", dtype or b.dtype).contiguous()
    for path, m in (adapter.magnitudes or {}).items():
        out[magnitude_key(path)] = m.detach().to("cpu", dtype or m.dtype).contiguous()
    return out


def adapter_to_bytes(adapter: LoraAdapter, dtype: torch.dtype | None = None) -> tuple[bytes, bytes]:
    """(``adapter_config.json`` bytes, ``adapter_model.safetensors`` bytes), deterministic for equal input.

    The weights bytes equal ``safetensors.torch.save(peft_state_dict(adapter, dtype))`` byte for
    byte (tested); ``AdapterFormatError`` on bad shapes or any NaN/Inf.
    """
    adapter.check_shapes()
    config = json.dumps(peft_config(adapter), indent=2, sort_keys=True).encode()
    tensors: dict[str, torch.Tensor] = {}
    for path, (a, b) in adapter.weights.items():
        key_a, key_b = lora_keys(path)
        tensors[key_a], tensors[key_b] = a.detach()[None], b.detach()[None]
    for path, m in (adapter.magnitudes or {}).items():
        tensors[magnitude_key(path)] = m.detach()[None]
    if not _writable(tensors, dtype):  # mixed dtypes or an exotic one: the reference writer
        from safetensors.torch import save

        adapter.validate()
        return config, save(peft_state_dict(adapter, dtype))
    try:
        return config, safetensors_batch(tensors, dtype)[0]
    except AdapterFormatError:
        adapter.validate()  # names the module with the bad values
        raise


def lora_keys(path: str) -> tuple[str, str]:
    """The safetensors keys of a module's ``lora_A`` and ``lora_B`` weights."""
    return f"{KEY_PREFIX}{path}{_A_SUFFIX}", f"{KEY_PREFIX}{path}{_B_SUFFIX}"


def magnitude_key(path: str) -> str:
    """The safetensors key of a module's DoRA magnitude vector."""
    return f"{KEY_PREFIX}{path}{_M_SUFFIX}"


# safetensors' dtype names for the dtypes adapters use
_SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64"}


def _writable(tensors: dict[str, torch.Tensor], dtype: torch.dtype | None) -> bool:
    dtypes = {dtype or t.dtype for t in tensors.values()}
    return len(dtypes) == 1 and next(iter(dtypes)) in _SAFETENSORS_DTYPES


def safetensors_batch(tensors: dict[str, torch.Tensor], dtype: torch.dtype | None = None) -> list[bytes]:
    """One safetensors file per sample: ``tensors[key]`` is [N, *shape] (sample i's tensor is
    ``tensors[key][i]``, any strides, any device), all of one float dtype (or cast to ``dtype``).
    Raises ``AdapterFormatError`` naming the samples with any NaN/Inf.

    The bytes equal ``safetensors.torch.save({key: t[i]})`` for each i (tested). Why not that:
    it makes a contiguous copy and a ``bytes`` per tensor, then joins them (~3.5 ms for an
    adapter's 120 tensors); here each key is copied once for the whole batch into one buffer
    whose rows are the files, and finiteness is checked in one numpy pass (``torch.isfinite``
    measured 2.5 ms per adapter on this CPU, numpy 0.04 ms). Layout as the reference writer for
    one dtype: tensors sorted by name, compact JSON header padded with spaces to 8 bytes.
    """
    if not _writable(tensors, dtype):
        raise ValueError("safetensors_batch needs tensors of one float dtype")
    out_dtype = dtype or next(iter(tensors.values())).dtype
    names = sorted(tensors)
    n = tensors[names[0]].shape[0] if names else 0
    itemsize = torch.empty(0, dtype=out_dtype).element_size()
    header: dict[str, Any] = {}
    offset = 0
    for name in names:
        shape = list(tensors[name].shape[1:])
        if tensors[name].shape[0] != n:
            raise ValueError(f"{name}: batch of {tensors[name].shape[0]}, others have {n}")
        size = math.prod(shape) * itemsize
        header[name] = {"dtype": _SAFETENSORS_DTYPES[out_dtype], "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    start = 8 + len(head)
    out: list[bytes] = []
    bad: list[int] = []
    block = max(1, _SCRATCH_BYTES // (start + offset))
    for first in range(0, n, block):
        count = min(block, n - first)
        # a reused buffer: a fresh one costs a page fault per 4 KiB on first touch (measured 2.2 ms
        # per 1.8 MB adapter on this VM, more than the copy itself)
        files = _scratch(count * (start + offset)).view(count, start + offset)
        files[:, :8] = torch.frombuffer(bytearray(len(head).to_bytes(8, "little")), dtype=torch.uint8)
        files[:, 8:start] = torch.frombuffer(bytearray(head), dtype=torch.uint8)
        data = files[:, start:].view(out_dtype)  # [count, values]; start is a multiple of 8
        position = 0
        for name in names:
            tensor = tensors[name][first : first + count]
            size = math.prod(tensor.shape[1:])
            data[:, position : position + size].view(tensor.shape).copy_(tensor)  # casts, transposes, moves
            position += size
        if not all_finite(data):
            bad += [first + i for i in range(count) if not all_finite(data[i])]
        rows = files.numpy()
        out += [rows[i].tobytes() for i in range(count)]
    if bad:
        raise AdapterFormatError(
            f"adapter weights contain NaN or Inf (sample{'s' if len(bad) > 1 else ''} {', '.join(map(str, bad[:5]))})"
        )
    return out


_SCRATCH_BYTES = 32 << 20  # per thread; a batch is written in blocks of this size
_scratch_local = threading.local()


def _scratch(nbytes: int) -> torch.Tensor:
    """This thread's reusable byte buffer, at least ``nbytes`` long."""
    buffer = getattr(_scratch_local, "buffer", None)
    if buffer is None or buffer.numel() < nbytes:
        buffer = _scratch_local.buffer = torch.empty(max(nbytes, _SCRATCH_BYTES), dtype=torch.uint8)
    return buffer[:nbytes]


def parse_config(config_bytes: bytes, source: str) -> dict[str, Any]:
    """``adapter_config.json`` as a dict; ``AdapterFormatError`` unless it is a JSON object."""
    try:
        config = json.loads(config_bytes)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AdapterFormatError(f"{source}: {CONFIG_NAME} is not valid JSON: {exc}") from exc
    if not isinstance(config, dict):
        raise AdapterFormatError(f"{source}: {CONFIG_NAME} must hold a JSON object")
    return config


def lora_rank_alpha(config: dict[str, Any], source: str = "", *, dora: bool = False) -> tuple[int, float]:
    """(r, lora_alpha) of a LoRA config (DoRA's too, with ``dora``), after refusing the config
    features that change what the weights mean; ``AdapterFormatError`` (prefixed ``source: ``) otherwise."""
    where = f"{source}: " if source else ""
    for key, what in _UNSUPPORTED_CONFIG.items():
        if config.get(key) and not (dora and key == "use_dora"):
            raise AdapterFormatError(f"{where}{what} are not supported yet")
    try:
        return int(config["r"]), float(config["lora_alpha"])
    except (KeyError, TypeError, ValueError) as exc:
        raise AdapterFormatError(f"{where}{CONFIG_NAME} needs integer 'r' and number 'lora_alpha'") from exc


def adapter_from_bytes(config_bytes: bytes, weights_bytes: bytes, *, source: str = "adapter") -> LoraAdapter:
    """Parse the two files of a PEFT LoRA adapter; raises ``AdapterFormatError`` on anything unusable."""
    from safetensors.torch import load

    config = parse_config(config_bytes, source)
    if config.get("peft_type") != "LORA":
        raise AdapterFormatError(f"{source}: peft_type is {config.get('peft_type')!r}; only LORA adapters are supported here")
    rank, alpha = lora_rank_alpha(config, source)
    try:
        tensors = load(weights_bytes)
    except Exception as exc:  # safetensors raises its own error types for damaged files
        raise AdapterFormatError(f"{source}: {WEIGHTS_NAME} is not a readable safetensors file: {exc}") from exc
    pairs: dict[str, dict[str, torch.Tensor]] = {}
    for key, tensor in tensors.items():
        for suffix, part in ((_A_SUFFIX, "A"), (_B_SUFFIX, "B")):
            if key.endswith(suffix):
                path = key[: -len(suffix)].removeprefix(KEY_PREFIX)
                # PEFT writes no adapter name; some tools write ``lora_A.default.weight``
                pairs.setdefault(path, {})[part] = tensor
                break
        else:
            if ".lora_A." in key or ".lora_B." in key:
                path, _, rest = key.removeprefix(KEY_PREFIX).partition(".lora_")
                pairs.setdefault(path, {})[rest[0]] = tensor
            else:
                raise AdapterFormatError(f"{source}: unexpected tensor '{key}' (not a LoRA A/B weight)")
    weights: dict[str, tuple[torch.Tensor, torch.Tensor]] = {}
    for path, parts in pairs.items():
        if set(parts) != {"A", "B"}:
            raise AdapterFormatError(f"{source}: {path} has lora_{'A' if 'A' in parts else 'B'} but not its pair")
        weights[path] = (parts["A"], parts["B"])
    targets = config.get("target_modules") or sorted({p.rsplit(".", 1)[-1] for p in weights})
    if isinstance(targets, str):
        targets = [targets]
    adapter = LoraAdapter(
        rank=rank,
        alpha=alpha,
        weights=weights,
        target_modules=list(targets),
        base_model=str(config.get("base_model_name_or_path") or ""),
        use_rslora=bool(config.get("use_rslora", False)),
        lora_dropout=float(config.get("lora_dropout") or 0.0),
        metadata=dict(config.get("t2l") or {}),
    )
    adapter.validate()
    return adapter


def directory_files(config_bytes: bytes, weights_bytes: bytes) -> dict[str, bytes]:
    """The files of an adapter directory (or archive) for a config as the catalog keeps it: in a PEFT
    config, t2l's own keys move from ``adapter_config.json`` into ``t2l.json``, so PEFT reads a
    config it knows whole. Any other config is written as given."""
    config = parse_config(config_bytes, CONFIG_NAME)
    own = {key: config.pop(key) for key in OWN_KEYS if key in config} if "peft_type" in config else {}
    if not own:  # also a bottleneck adapter's config: not PEFT's, so nothing warns about t2l's keys there
        return {CONFIG_NAME: config_bytes, WEIGHTS_NAME: weights_bytes}
    return {CONFIG_NAME: json.dumps(config, indent=2, sort_keys=True).encode(), WEIGHTS_NAME: weights_bytes,
            SIDECAR_NAME: json.dumps(own, indent=2, sort_keys=True).encode()}


def joined_config(config_bytes: bytes, sidecar_bytes: bytes | None, source: str) -> bytes:
    """``adapter_config.json`` with the keys of a ``t2l.json`` beside it put back: the config as the
    catalog keeps it (``directory_files`` undone). Without a sidecar, the bytes as given."""
    if sidecar_bytes is None:
        return config_bytes
    config = parse_config(config_bytes, source)
    try:
        own = json.loads(sidecar_bytes)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AdapterFormatError(f"{source}: {SIDECAR_NAME} is not valid JSON: {exc}") from exc
    if not isinstance(own, dict) or set(own) - set(OWN_KEYS):
        raise AdapterFormatError(f"{source}: {SIDECAR_NAME} must be a JSON object with only {', '.join(OWN_KEYS)}")
    return json.dumps(config | own, indent=2, sort_keys=True).encode()


def read_directory_config(directory: Path) -> bytes:
    """``directory``'s ``adapter_config.json`` joined with its ``t2l.json``, if it has one."""
    sidecar = directory / SIDECAR_NAME
    return joined_config((directory / CONFIG_NAME).read_bytes(),
                         sidecar.read_bytes() if sidecar.is_file() else None, str(directory))


def save_peft_adapter(adapter: LoraAdapter, directory: str | Path, dtype: torch.dtype | None = None) -> Path:
    """Write ``adapter`` as a PEFT adapter directory, atomically (all files or nothing): PEFT's two
    files and ``t2l.json`` (``directory_files``).

    An existing directory is replaced only once the new one is complete.
    """
    return write_directory(directory, directory_files(*adapter_to_bytes(adapter, dtype)))


def load_peft_adapter(directory: str | Path) -> LoraAdapter:
    """Read a PEFT LoRA adapter directory; raises ``AdapterFormatError`` with the reason."""
    directory = Path(directory)
    config_path, weights_path = directory / CONFIG_NAME, directory / WEIGHTS_NAME
    for path in (config_path, weights_path):
        if not path.is_file():
            raise AdapterFormatError(f"{directory} is not a PEFT adapter directory: {path.name} is missing")
    return adapter_from_bytes(read_directory_config(directory), weights_path.read_bytes(), source=str(directory))


def module_shapes(model: torch.nn.Module) -> dict[str, tuple[int, int]]:
    """``{module path: (in_features, out_features)}`` of every linear layer of ``model``."""
    return {
        path: (module.in_features, module.out_features)
        for path, module in model.named_modules()
        if isinstance(module, torch.nn.Linear)
    }
