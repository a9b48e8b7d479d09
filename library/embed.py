"""Description embeddings: the sentence encoder's vectors, L2-normalised, float32."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# What add/search take to embed texts themselves: texts -> [n, dim] normalised float32.
EmbedFn = Callable[[Sequence[str]], np.ndarray]


def encoder_embed_fn(encoder: SentenceTransformer, batch_size: int = 64) -> EmbedFn:
    """An ``EmbedFn`` over a loaded sentence-transformers encoder."""

    def embed(texts: Sequence[str]) -> np.ndarray:
        vectors = encoder.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    return embed


@lru_cache(maxsize=4)
def cached_embed_fn(spec: str, device: str = "cpu") -> EmbedFn:
    """The encoder named by ``spec`` (see hypernet.encoder), loaded once per process."""
    from hypernet.encoder import load_encoder

    return encoder_embed_fn(load_encoder(spec, device=device))


def to_bytes(vector: np.ndarray) -> bytes:
    return np.ascontiguousarray(vector, dtype="<f4").tobytes()


def from_bytes(blobs: Sequence[bytes], dim: int | None = None) -> np.ndarray:
    """Stack stored embeddings back into a [n, dim] float32 matrix."""
    if not blobs:
        return np.zeros((0, dim or 0), np.float32)
    matrix = np.frombuffer(b"".join(blobs), dtype="<f4").astype(np.float32)
    return matrix.reshape(len(blobs), -1)
