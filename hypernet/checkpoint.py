"""Hypernetwork checkpoints: a directory with ``model.safetensors`` (weights) and ``config.json``.

No pickles anywhere. A checkpoint's id is the sha256 of its weights file; ``config.json`` records
it too, so a damaged or swapped weights file is detected on load. The config carries the target
shapes and module paths, so generating adapters from a checkpoint needs no base model; loading it
*against* a base model (``targets=``) checks that the shapes agree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from hypernet.config import HypernetConfig, HypernetConfigError
from hypernet.model import HyperNetwork, build_hypernet
from hypernet.targets import TargetModule
from t2l import __version__
from t2l.atomic import write_directory
from t2l.errors import T2LError

WEIGHTS_NAME = "model.safetensors"
CONFIG_NAME = "config.json"
CHECKPOINT_FORMAT = "t2l-hypernet/1"
# Where `t2l generate` and the dispatcher look when no --checkpoint is given (the shipped default).
DEFAULT_CHECKPOINT_DIR = Path(__file__).resolve().parent / "checkpoints" / "default"


class CheckpointError(T2LError):
    """A hypernetwork checkpoint is missing, damaged, or made for another base model."""


@dataclass
class Checkpoint:
    """A hypernetwork ready to generate, with the identity of its weights."""

    hypernet: HyperNetwork
    sha256: str  # of the safetensors bytes of the weights
    path: Path | None  # None for an in-memory (e.g. untrained) hypernetwork
    trained: bool = True

    @property
    def config(self) -> HypernetConfig:
        return self.hypernet.config

    @property
    def id(self) -> str:
        """Short id for metadata and logs; untrained networks are marked so nobody mistakes them."""
        return self.sha256[:16] if self.trained else f"untrained-{self.sha256[:16]}"


def weights_bytes(hypernet: HyperNetwork) -> bytes:
    """The safetensors file content of the hypernetwork's weights (deterministic for equal weights)."""
    from safetensors.torch import save

    state = {k: v.detach().to("cpu").contiguous() for k, v in hypernet.state_dict().items()}
    return save(state, metadata={"format": CHECKPOINT_FORMAT})


def save_checkpoint(
    hypernet: HyperNetwork,
    directory: str | Path,
    *,
    extra: dict[str, Any] | None = None,
    trained: bool = True,
) -> Checkpoint:
    """Write ``hypernet`` to ``directory`` atomically (complete or not at all); returns its ``Checkpoint``.

    ``extra`` (JSON) is stored beside the config, for trainers (step, losses ...); it is not read back
    into the model. ``trained=False`` marks a checkpoint of an untrained network (its id says so).
    """
    directory = Path(directory)
    data = weights_bytes(hypernet)
    sha = hashlib.sha256(data).hexdigest()
    meta = {
        "format": CHECKPOINT_FORMAT,
        "t2l_version": __version__,
        "weights_sha256": sha,
        "parameters": hypernet.num_parameters(),
        "trained": trained,
        "config": hypernet.config.to_dict(),
        "extra": extra or {},
    }
    # shared: a checkpoint is read by other users' workers
    write_directory(directory, {WEIGHTS_NAME: data, CONFIG_NAME: json.dumps(meta, indent=2).encode()}, shared=True)
    return Checkpoint(hypernet=hypernet, sha256=sha, path=directory, trained=trained)


def read_checkpoint_config(directory: str | Path) -> tuple[HypernetConfig, dict[str, Any]]:
    """(config, the whole ``config.json``) of a checkpoint directory, without loading weights."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CheckpointError(f"no hypernetwork checkpoint at {directory} (not a directory)")
    for name in (CONFIG_NAME, WEIGHTS_NAME):
        if not (directory / name).is_file():
            raise CheckpointError(f"{directory} is not a hypernetwork checkpoint: {name} is missing")
    try:
        meta = json.loads((directory / CONFIG_NAME).read_text())
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"{directory / CONFIG_NAME} is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("format") != CHECKPOINT_FORMAT:
        got = meta.get("format") if isinstance(meta, dict) else None
        raise CheckpointError(f"{directory}: checkpoint format {got!r} is not {CHECKPOINT_FORMAT!r}")
    try:
        return HypernetConfig.from_dict(meta.get("config")), meta
    except HypernetConfigError as exc:
        raise CheckpointError(f"{directory}: bad hypernetwork config: {exc}") from exc


def check_targets(config: HypernetConfig, targets: dict[str, TargetModule], *, where: str = "checkpoint") -> None:
    """Raise ``CheckpointError`` unless every target of ``config`` exists in the base model with the
    same shape and layer paths (``targets`` = ``discover_targets(base_model)``)."""
    for spec in config.targets:
        have = targets.get(spec.name)
        if have is None:
            raise CheckpointError(
                f"{where} was made for base model '{config.base_model}' and targets '{spec.name}', "
                f"which this base model does not have (it has {sorted(targets)})"
            )
        if (have.in_features, have.out_features, have.num_layers) != spec.shape:
            raise CheckpointError(
                f"{where} was made for base model '{config.base_model}': its {spec.name} is "
                f"{spec.in_features}→{spec.out_features} in {spec.num_layers} layers, this base model's is "
                f"{have.in_features}→{have.out_features} in {have.num_layers} layers; use a checkpoint "
                "trained for this base model"
            )
        if spec.paths and tuple(have.paths) != spec.paths:
            raise CheckpointError(
                f"{where} was made for base model '{config.base_model}': its {spec.name} layers are "
                f"{spec.paths[0]}, ...; this base model's are {have.paths[0]}, ... (another architecture)"
            )


def load_checkpoint(
    directory: str | Path,
    *,
    targets: dict[str, TargetModule] | None = None,
    device: str | torch.device = "cpu",
) -> Checkpoint:
    """Load a checkpoint directory in eval mode on ``device``.

    With ``targets`` (``discover_targets(base_model)``) the checkpoint must fit that base model.
    The weights file must hash to the sha256 recorded in ``config.json``.
    """
    from safetensors.torch import load

    directory = Path(directory)
    config, meta = read_checkpoint_config(directory)
    if targets is not None:
        check_targets(config, targets, where=f"checkpoint {directory}")
    data = (directory / WEIGHTS_NAME).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if meta.get("weights_sha256") != sha:
        raise CheckpointError(
            f"{directory / WEIGHTS_NAME} does not match the sha256 recorded in {CONFIG_NAME} (damaged or replaced)"
        )
    try:
        state = load(data)
    except Exception as exc:  # safetensors raises its own types for damaged files
        raise CheckpointError(f"{directory / WEIGHTS_NAME} is not a readable safetensors file: {exc}") from exc
    hypernet = HyperNetwork(config)
    try:
        hypernet.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{directory}: weights do not fit the recorded config: {exc}") from exc
    return Checkpoint(
        hypernet=hypernet.to(device).eval(), sha256=sha, path=directory, trained=bool(meta.get("trained", True))
    )


def untrained_checkpoint(config: HypernetConfig, *, device: str | torch.device = "cpu") -> Checkpoint:
    """A freshly initialised hypernetwork (every adapter it makes has ΔW = 0), identified by its hash."""
    hypernet = build_hypernet(config).eval()
    sha = hashlib.sha256(weights_bytes(hypernet)).hexdigest()
    return Checkpoint(hypernet=hypernet.to(device), sha256=sha, path=None, trained=False)
