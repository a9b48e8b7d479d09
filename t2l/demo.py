"""The demo flow behind ``make demo``: the fullest thing the platform does, on the embedded default."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console

console = Console()


def run_demo(prompt: str) -> dict[str, Any]:
    """Load the base model (cold from GGUF if no cache, then warm from the cache), generate, embed."""
    from hypernet.base_model import load_base_model, read_cache_manifest
    from hypernet.chat import complete
    from hypernet.encoder import load_encoder
    from hypernet.targets import discover_targets
    from t2l.settings import get_settings

    settings = get_settings()
    device = settings.resolved_device()
    report: dict[str, Any] = {"base_model": settings.base_model, "encoder": settings.encoder, "device": device}

    console.rule("[bold]1. base model")
    first = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir, device=device)
    if first.cache_dir is not None:
        manifest = read_cache_manifest(first.cache_dir)
        report["cold_load_seconds"] = manifest["build_seconds"]
        when = "this run" if not first.from_cache else f"when the cache was built ({manifest['built_at']})"
        console.print(f"cold load (GGUF → dequantise → safetensors cache), measured {when}: "
                      f"[bold]{manifest['build_seconds']:.1f} s[/]")
    warm = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir, device=device)
    report["warm_load_seconds"] = round(warm.load_seconds, 3)
    console.print(f"warm load (verified safetensors cache): [bold]{warm.load_seconds:.2f} s[/]")
    targets = discover_targets(warm.model)
    params = sum(p.numel() for p in warm.model.parameters())
    console.print(f"{warm.name}: {params / 1e6:.1f} M parameters; adapter targets: "
                  + ", ".join(f"{t.name} {t.in_features}→{t.out_features} ×{t.num_layers}" for t in targets.values()))

    console.rule("[bold]2. greedy generation")
    started = time.perf_counter()
    answer = complete(warm.model, warm.tokenizer, [prompt], max_new_tokens=24)[0]
    report["generation_seconds"] = round(time.perf_counter() - started, 3)
    report["generation"] = answer
    console.print(f"[cyan]user:[/] {prompt}\n[green]base model:[/] {answer}  "
                  f"[dim]({report['generation_seconds']:.2f} s)[/]")

    console.rule("[bold]3. description embedding")
    started = time.perf_counter()
    encoder = load_encoder(settings.encoder, device=device)
    report["encoder_load_seconds"] = round(time.perf_counter() - started, 3)
    description = "Reverse the order of the words in a sentence."
    embedding = encoder.encode([description], normalize_embeddings=True)[0]
    report["embedding_dim"] = int(embedding.shape[0])
    console.print(f"'{description}' → {embedding.shape[0]}-d vector, first values "
                  f"{[round(float(x), 4) for x in embedding[:4]]}, norm {float((embedding ** 2).sum() ** 0.5):.3f}")
    return report
