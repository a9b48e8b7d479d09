"""``t2l generate``: task descriptions in, PEFT adapter directories out.

    t2l generate "Reverse the order of the words." --out adapters/reverse
    t2l generate --descriptions tasks.jsonl --out adapters/        # one subdirectory per line

Which hypernetwork: ``--checkpoint DIR``; else the default checkpoint
(``hypernet/checkpoints/default/``) if one is installed; else the command stops and says how to get
one. ``--init`` instead builds an untrained hypernetwork for the configured base model: its
adapters are valid PEFT files with ΔW = 0 (they leave the model unchanged), useful only to try the
pipeline; their metadata says ``untrained-...``. We refuse rather than silently fall back to it,
since an adapter that does nothing looks like a working one.

Descriptions file: JSON Lines, one object per line with ``description`` (text) and optionally
``name`` (the subdirectory: letters, digits, ``.``, ``_``, ``-``); other keys are ignored, blank
lines skipped. Every malformed line is reported with its number before any work starts. Batch
output is written to a staging directory and moved into place only when every adapter is
generated and checked, so a failure writes nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from t2l.errors import T2LError

if TYPE_CHECKING:
    from hypernet.checkpoint import Checkpoint

console = Console(stderr=True)
DEFAULT_TARGET_MODULES = ("q_proj", "v_proj")  # the paper's targets, used by --init
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_DTYPES = ("float32", "bfloat16", "float16")


@dataclass(frozen=True)
class Request:
    """One adapter to make: its description, output name and source line (0 for the argument)."""

    description: str
    name: str
    line: int


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "adapter"


def read_requests(path: Path) -> list[Request]:
    """Parse a descriptions JSONL file; ``T2LError`` listing every malformed line (1-based numbers)."""
    from hypernet.generate import MAX_DESCRIPTION_CHARS

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise T2LError(f"cannot read descriptions file {path}: {exc}") from exc
    requests: list[Request] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            problems.append(f"line {number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(item, dict):
            problems.append(f"line {number}: expected an object with a \"description\", got {type(item).__name__}")
            continue
        text = item.get("description")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"line {number}: \"description\" must be non-empty text")
            continue
        if len(text.strip()) > MAX_DESCRIPTION_CHARS:
            problems.append(f"line {number}: description has {len(text.strip())} characters (at most {MAX_DESCRIPTION_CHARS})")
            continue
        name = item.get("name", f"{number:05d}-{_slug(text)}")
        if not isinstance(name, str) or not _NAME.match(name):
            problems.append(f"line {number}: \"name\" must be 1-100 letters, digits, '.', '_' or '-', got {name!r}")
            continue
        if name in seen:
            problems.append(f"line {number}: name {name!r} already used on line {seen[name]}")
            continue
        seen[name] = number
        requests.append(Request(text.strip(), name, number))
    if problems:
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise T2LError(f"{path}: {len(problems)} malformed line(s):\n  " + "\n  ".join(problems[:20]) + more)
    if not requests:
        raise T2LError(f"{path} holds no descriptions")
    return requests


def resolve_checkpoint(checkpoint: Path | None, init: bool, device: str) -> Checkpoint:
    """The hypernetwork to use: --checkpoint, --init, or the default checkpoint (see module doc)."""
    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR, load_checkpoint

    if checkpoint is not None and init:
        raise T2LError("--checkpoint and --init exclude each other")
    if checkpoint is not None:
        return load_checkpoint(checkpoint, device=device)
    if init:
        return _untrained(device)
    if DEFAULT_CHECKPOINT_DIR.is_dir():
        return load_checkpoint(DEFAULT_CHECKPOINT_DIR, device=device)
    raise T2LError(
        f"no trained hypernetwork checkpoint: none given (--checkpoint DIR) and none installed at "
        f"{DEFAULT_CHECKPOINT_DIR}. Train one (the SFT/reconstruction trainers save checkpoint "
        "directories) and pass --checkpoint, or copy it there; or pass --init to try the pipeline with an "
        "untrained hypernetwork (its adapters have ΔW = 0 and do not change the model)"
    )


def _untrained(device: str) -> Checkpoint:
    """An untrained hypernetwork whose shapes come from the configured base model and encoder."""
    from hypernet.base_model import load_base_model
    from hypernet.checkpoint import untrained_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.encoder import load_encoder
    from hypernet.targets import discover_targets, select_targets
    from t2l.settings import get_settings

    settings = get_settings()
    loaded = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir)
    targets = select_targets(discover_targets(loaded.model), list(DEFAULT_TARGET_MODULES))
    from hypernet.generate import embedding_dim

    dim = embedding_dim(load_encoder(settings.encoder))
    config = HypernetConfig.from_targets(targets, base_model=loaded.name, encoder=settings.encoder, embedding_dim=dim)
    return untrained_checkpoint(config, device=device)


def _check_free(path: Path, force: bool) -> None:
    if path.exists() and (not path.is_dir() or any(path.iterdir())) and not force:
        raise T2LError(f"{path} already exists; pass --force to replace it")


def generate(
    description: str | None = typer.Argument(None, help="The task, in a sentence or two."),
    out: Path = typer.Option(..., "--out", "-o", help="Adapter directory (one description) or parent directory (--descriptions)."),
    descriptions: Path | None = typer.Option(None, "--descriptions", "-d", help="JSON Lines file: {\"description\": ..., \"name\": ...} per line."),
    checkpoint: Path | None = typer.Option(None, "--checkpoint", "-c", help="Hypernetwork checkpoint directory (default: the installed default)."),
    init: bool = typer.Option(False, "--init", help="Use an untrained hypernetwork (ΔW = 0 adapters; for trying the pipeline)."),
    batch_size: int = typer.Option(256, "--batch-size", min=1, help="Descriptions per hypernetwork forward pass."),
    dtype: str = typer.Option("float32", "--dtype", help=f"Adapter weight dtype: {', '.join(_DTYPES)}."),
    force: bool = typer.Option(False, "--force", help="Replace existing adapter directories."),
) -> None:
    """Generate LoRA adapters (PEFT format) from task descriptions with the T2L hypernetwork."""
    if (description is None) == (descriptions is None):
        raise T2LError("give either one DESCRIPTION or --descriptions FILE.jsonl")
    if dtype not in _DTYPES:
        raise T2LError(f"--dtype must be one of {', '.join(_DTYPES)}")
    if descriptions is not None:
        requests = read_requests(descriptions)
        for r in requests:
            _check_free(out / r.name, force)
    else:
        requests = [Request(description or "", out.name, 0)]
        _check_free(out, force)

    import torch

    from hypernet.encoder import load_encoder
    from hypernet.generate import validate_descriptions
    from t2l.settings import get_settings

    validate_descriptions([r.description for r in requests])  # cheap checks before loading anything
    settings = get_settings()
    device = settings.resolved_device()
    ckpt = resolve_checkpoint(checkpoint, init, device)
    config = ckpt.config
    if config.base_model != settings.base_model:
        console.print(f"[yellow]note:[/] the checkpoint was made for base model '{config.base_model}' "
                      f"(T2L_BASE_MODEL is '{settings.base_model}'); the adapters are for '{config.base_model}'")
    encoder = load_encoder(config.encoder, device=device)  # the encoder the hypernetwork was trained on
    validate_descriptions([r.description for r in requests], encoder)
    torch_dtype = getattr(torch, dtype)
    started = time.perf_counter()
    if descriptions is None:
        _write_one(ckpt, encoder, requests[0], out, torch_dtype)
    else:
        _write_many(ckpt, encoder, requests, out, torch_dtype, batch_size, force)
    seconds = time.perf_counter() - started
    console.print(f"wrote {len(requests)} adapter(s) to {out} with hypernetwork {ckpt.id} "
                  f"({config.size}, {config.base_model}) in {seconds:.2f} s")


def _write_one(ckpt: Checkpoint, encoder, request: Request, out: Path, dtype) -> None:
    from hypernet.generate import generate_adapters
    from hypernet.peft_format import save_peft_adapter

    (adapter,) = generate_adapters(ckpt.hypernet, encoder, [request.description], checkpoint_id=ckpt.id, dtype=dtype)
    save_peft_adapter(adapter, out)


def _write_many(ckpt: Checkpoint, encoder, requests: list[Request], out: Path, dtype, batch_size: int, force: bool) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from hypernet.generate import generate_adapters
    from hypernet.peft_format import save_peft_adapter

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generating-", dir=out))
    try:
        columns = (TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=console) as progress:
            task = progress.add_task("generate", total=len(requests))
            for start in range(0, len(requests), batch_size):
                chunk = requests[start : start + batch_size]
                adapters = generate_adapters(
                    ckpt.hypernet, encoder, [r.description for r in chunk], checkpoint_id=ckpt.id,
                    batch_size=batch_size, dtype=dtype, metadata=[{"name": r.name, "line": r.line} for r in chunk],
                )
                for request, adapter in zip(chunk, adapters):
                    save_peft_adapter(adapter, staging / request.name)
                progress.advance(task, len(chunk))
        for request in requests:  # all generated and checked: now move into place
            target = out / request.name
            if target.exists() and force:
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            os.replace(staging / request.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def register(app: typer.Typer) -> None:
    app.command()(generate)
