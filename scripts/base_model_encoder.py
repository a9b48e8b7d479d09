"""Write a base model's own mean-pooled hidden states as a sentence-transformers encoder directory.

A candidate description encoder that needs no other download: the base model's decoder (its
embedding and transformer layers, without the LM head) and a mean over the tokens. Point
``scripts/task_separability.py --encoder DIR`` (or any ``--encoder`` option) at the directory:

    python3 scripts/base_model_encoder.py --out /tmp/smol-encoder [--base-model smollm2-135m-instruct]

Session 15, 65 of the suite's training tasks (``task_separability.py --every 6``): SmolLM2-135M's
mean-pooled states find the right task for 66.9 % of held-out descriptions by the mean (89.2 % by
the nearest description), all-MiniLM-L6-v2 for 96.3 % (97.0 %).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_encoder(base_model: str, out: Path, *, cache_dir: Path | None = None, max_seq_length: int = 128) -> Path:
    """Save ``base_model``'s decoder and tokenizer under ``out/transformer`` and a mean-pooling
    sentence-transformers encoder over them at ``out``; returns ``out``."""
    from hypernet.base_model import load_base_model

    loaded = load_base_model(base_model, cache_dir=cache_dir)  # a bad model fails here, before anything is written

    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    # the decoder alone: loading a causal LM's files as a bare model would drop a tied input
    # embedding (stored once, as the LM head) and start it from random weights
    decoder_dir = out / "transformer"
    loaded.model.get_decoder().save_pretrained(decoder_dir)
    # without a chat template: sentence-transformers would wrap every description in it (system
    # prompt included), and those shared tokens would dominate the mean
    loaded.tokenizer.chat_template = None
    loaded.tokenizer.save_pretrained(decoder_dir)
    transformer = Transformer(str(decoder_dir), max_seq_length=max_seq_length)
    if transformer.tokenizer.pad_token is None:  # decoder tokenizers often have none; mean pooling masks it
        transformer.tokenizer.pad_token = transformer.tokenizer.eos_token
    pooling = Pooling(transformer.get_word_embedding_dimension(), pooling_mode="mean")
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="directory to write the encoder into")
    parser.add_argument("--base-model", default=None, help="base model name or directory (default: T2L_BASE_MODEL)")
    parser.add_argument("--max-seq-length", type=int, default=128, help="tokens read per description")
    args = parser.parse_args()
    if args.max_seq_length < 1:
        parser.error(f"--max-seq-length must be at least 1, not {args.max_seq_length}")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"--out {args.out} is a file, not a directory")

    from t2l.errors import T2LError
    from t2l.settings import get_settings

    settings = get_settings()
    try:
        out = write_encoder(args.base_model or settings.base_model, args.out, cache_dir=settings.model_cache_dir,
                            max_seq_length=args.max_seq_length)
    except T2LError as exc:
        sys.exit(f"error: {exc}")
    print(f"encoder written to {out}")


if __name__ == "__main__":
    main()
