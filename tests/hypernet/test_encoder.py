from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hypernet.encoder import load_encoder
from t2l.errors import ModelLoadError


def test_encoder_embeds_descriptions_by_meaning(encoder):
    texts = [
        "Reverse the order of the words in a sentence.",
        "Write the words of the sentence backwards, last word first.",
        "Convert a temperature from Celsius to Fahrenheit.",
    ]
    vectors = encoder.encode(texts, normalize_embeddings=True)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert similar > unrelated + 0.2


def test_bad_encoder_paths_are_clear_errors(tmp_path: Path):
    with pytest.raises(ModelLoadError, match="neither a packaged encoder"):
        load_encoder(str(tmp_path / "missing"))
    with pytest.raises(ModelLoadError, match="not a sentence-transformers directory"):
        load_encoder(str(tmp_path))
