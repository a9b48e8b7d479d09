"""Descriptions in, LoRA adapters out: validate, encode, run the hypernetwork once per batch, check.

Two levels:
- ``generate_weights``: batched tensors on the hypernetwork's device (for throughput, serving and
  evaluation; nothing leaves the GPU);
- ``generate_adapters``: one ``LoraAdapter`` per description, CPU tensors keyed by module path,
  ready for ``peft_format.save_peft_adapter``.

Descriptions are checked before any work: non-empty after stripping, at most
``MAX_DESCRIPTION_CHARS`` characters, and at most the encoder's ``max_seq_length`` tokens (256 for
all-MiniLM-L6-v2, roughly 1,000 characters of English) because the encoder silently cuts what is
longer and the adapter would then ignore the end of the description. Generated weights that are
not finite raise ``GenerationError``; the caller then has nothing to write.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import torch

from hypernet.lora import adapters_from_weights
from hypernet.model import HyperNetwork, LoraWeights, Magnitudes
from hypernet.peft_format import LoraAdapter
from t2l.errors import T2LError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from hypernet.config import HypernetConfig
    from hypernet.targets import TargetModule

MAX_DESCRIPTION_CHARS = 4000  # checked before tokenising; the token limit below is the real bound
_MAX_LISTED = 5


class DescriptionError(T2LError, ValueError):
    """A task description is empty, too long, or not text."""


class GenerationError(T2LError):
    """The hypernetwork produced unusable weights (NaN or Inf)."""


def validate_descriptions(descriptions: Sequence[str], encoder: SentenceTransformer | None = None) -> list[str]:
    """The descriptions, stripped; ``DescriptionError`` naming every bad one (by index) otherwise.

    With ``encoder``, descriptions longer than its ``max_seq_length`` tokens are refused too.
    """
    if isinstance(descriptions, str) or not isinstance(descriptions, Sequence):
        raise DescriptionError("descriptions must be a list of strings")
    if not descriptions:
        raise DescriptionError("no descriptions given")
    problems: list[str] = []
    cleaned: list[str] = []
    for i, text in enumerate(descriptions):
        if not isinstance(text, str):
            problems.append(f"#{i} is {type(text).__name__}, not text")
            text = ""
        elif not text.strip():
            problems.append(f"#{i} is empty")
        elif len(text.strip()) > MAX_DESCRIPTION_CHARS:
            problems.append(f"#{i} has {len(text.strip())} characters (at most {MAX_DESCRIPTION_CHARS})")
        cleaned.append(text.strip())
    if not problems and encoder is not None:
        limit = encoder.max_seq_length
        lengths = [len(ids) for ids in encoder.tokenizer(cleaned, add_special_tokens=True)["input_ids"]]
        problems += [
            f"#{i} is {n} tokens; the encoder reads at most {limit} and would ignore the rest"
            for i, n in enumerate(lengths)
            if n > limit
        ]
    if problems:
        more = f" (and {len(problems) - _MAX_LISTED} more)" if len(problems) > _MAX_LISTED else ""
        raise DescriptionError("bad task description: " + "; ".join(problems[:_MAX_LISTED]) + more)
    return cleaned


def encode_descriptions(
    encoder: SentenceTransformer, descriptions: Sequence[str], *, device: str | torch.device | None = None
) -> torch.Tensor:
    """[N, d] L2-normalised embeddings as a tensor on ``device`` (default: the encoder's)."""
    embeddings = encoder.encode(
        list(descriptions),
        batch_size=256,
        convert_to_tensor=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    return embeddings.to(device) if device is not None else embeddings


def embedding_dim(encoder: SentenceTransformer) -> int:
    """The encoder's output size (the method's name changed in sentence-transformers 6)."""
    method = getattr(encoder, "get_embedding_dimension", None) or encoder.get_sentence_embedding_dimension
    return int(method())


def nonfinite_samples(weights: LoraWeights, magnitudes: Magnitudes | None = None) -> list[int]:
    """Indices of samples with any NaN/Inf in their A, B or DoRA magnitudes (one device sync for
    the whole batch; each tensor read once)."""
    bad: torch.Tensor | None = None
    for tensor in [t for pair in weights.values() for t in pair] + list((magnitudes or {}).values()):
        sample_bad = ~torch.isfinite(tensor).flatten(1).all(1)
        bad = sample_bad if bad is None else bad | sample_bad
    return [] if bad is None else bad.nonzero().flatten().tolist()


class DoraUnsupportedError(T2LError):
    """A DoRA hypernetwork was given to a path that applies or writes plain LoRA only."""


def generate_weights(hypernet: HyperNetwork, embeddings: torch.Tensor) -> LoraWeights:
    """Embeddings [N, d] -> ``{module: (A [N, L, r, in], B [N, L, out, r])}`` on the hypernetwork's
    device, in one forward pass; ``GenerationError`` if any value is NaN/Inf. A DoRA hypernetwork
    is refused here (its magnitudes would be dropped): use ``generate_weights_and_magnitudes``."""
    if hypernet.config.use_dora:
        raise DoraUnsupportedError(
            "this hypernetwork emits DoRA adapters: generate_weights would drop their magnitudes "
            "(use generate_weights_and_magnitudes)")
    return generate_weights_and_magnitudes(hypernet, embeddings)[0]


@torch.inference_mode()
def generate_weights_and_magnitudes(
    hypernet: HyperNetwork, embeddings: torch.Tensor
) -> tuple[LoraWeights, Magnitudes | None]:
    """As ``generate_weights``, plus DoRA magnitudes ``{module: [N, L, out]}`` (None unless DoRA)."""
    if hypernet.training:
        raise ValueError("generate_weights needs the hypernetwork in eval mode (dropout would randomise adapters)")
    device = hypernet.row_layer.device
    weights, magnitudes = hypernet.forward_with_magnitudes(embeddings.to(device))
    bad = nonfinite_samples(weights, magnitudes)
    if bad:
        raise GenerationError(f"the hypernetwork produced NaN/Inf weights for {len(bad)} of "
                              f"{embeddings.shape[0]} descriptions (#{', #'.join(map(str, bad[:_MAX_LISTED]))}); "
                              "the checkpoint is probably damaged or diverged")
    return weights, magnitudes


def generate_adapters(
    hypernet: HyperNetwork,
    encoder: SentenceTransformer,
    descriptions: Sequence[str],
    targets: Sequence[TargetModule] | dict[str, TargetModule] | None = None,
    *,
    checkpoint_id: str = "",
    batch_size: int = 256,
    dtype: torch.dtype | None = None,
    metadata: Sequence[dict[str, Any]] | None = None,
) -> list[LoraAdapter]:
    """One PEFT-ready ``LoraAdapter`` per description, in order.

    All descriptions are validated before anything runs; then each chunk of ``batch_size`` is
    encoded and generated in one forward pass. ``targets`` give the module paths (default: the
    paths stored in the hypernetwork's config). Each adapter's metadata records the description,
    ``checkpoint_id``, the encoder, the hypernetwork's size and seed, on top of ``metadata[i]``.
    ``dtype`` is the adapters' tensor dtype (default: the hypernetwork's).
    """
    config = hypernet.config
    texts = validate_descriptions(descriptions, encoder)
    if metadata is not None and len(metadata) != len(texts):
        raise ValueError(f"{len(metadata)} metadata entries for {len(texts)} descriptions")
    source = config.targets if targets is None else targets
    paths = source if isinstance(source, dict) else {t.name: t for t in source}
    missing = [n for n in config.target_names if n not in paths or not paths[n].paths]
    if missing:
        raise ValueError(f"no module paths for {missing}: pass targets=discover_targets(base_model)")
    adapters: list[LoraAdapter] = []
    for start in range(0, len(texts), batch_size):
        chunk = texts[start : start + batch_size]
        weights, magnitudes = generate_weights_and_magnitudes(hypernet, encode_descriptions(encoder, chunk))
        adapters += adapters_from_weights(
            weights,
            paths,
            rank=config.rank,
            alpha=config.alpha,
            use_rslora=config.use_rslora,
            base_model=config.base_model,
            lora_dropout=config.lora_dropout,
            metadata=[
                {**(metadata[start + i] if metadata is not None else {}), **adapter_metadata(config, text, checkpoint_id)}
                for i, text in enumerate(chunk)
            ],
            dtype=dtype,
            magnitudes=magnitudes,
        )
    return adapters


def adapter_metadata(config: HypernetConfig, description: str, checkpoint_id: str) -> dict[str, Any]:
    """What a generated adapter records about its making. ``prompt_description`` (only when set)
    tells whoever applies the adapter to put the description in the prompt too, as in training."""
    return {
        "description": description,
        "checkpoint": checkpoint_id,
        "encoder": config.encoder,
        "hypernet_size": config.size,
        "seed": config.seed,
        **({"prompt_description": True} if config.prompt_description else {}),
    }


def fixed_block_adapter(hypernet: HyperNetwork, *, checkpoint_id: str = "",
                        dtype: torch.dtype | None = None) -> LoraAdapter:
    """The fixed block of a residual hypernetwork (``config.fixed_rank``, e.g. the multi-task LoRA it
    was trained around) as an adapter of its own: what every generated adapter shares, without what
    the description adds. Applying it alone is the residual hypernetwork's baseline on any tasks.
    The block is stored under the hypernetwork's scaling, so alpha is chosen to give that scaling
    at rank ``fixed_rank``. ``ValueError`` for a hypernetwork without a fixed block."""
    config = hypernet.config
    if not config.fixed_rank:
        raise ValueError("this hypernetwork has no fixed adapter block (config.fixed_rank is 0)")
    rank = config.fixed_rank
    # rounded: alpha is written to adapter_config.json, where 16.000000000000004 would only confuse
    alpha = round(config.scaling * (math.sqrt(rank) if config.use_rslora else rank), 9)
    weights = {t.name: (getattr(hypernet.fixed, f"{t.name}_a")[None], getattr(hypernet.fixed, f"{t.name}_b")[None])
               for t in config.targets}
    metadata = {**adapter_metadata(config, "", checkpoint_id), "fixed_block": True}
    del metadata["description"]
    (adapter,) = adapters_from_weights(weights, config.targets, rank=rank, alpha=alpha, use_rslora=config.use_rslora,
                                       base_model=config.base_model, lora_dropout=config.lora_dropout,
                                       metadata=[metadata], dtype=dtype)
    return adapter
