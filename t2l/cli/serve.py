"""``t2l serve``: the skill library over HTTP (FastAPI + uvicorn; see library/service.py).

    t2l serve --port 8000                       # then: SkillLibrary.open("http://127.0.0.1:8000")
    t2l serve --checkpoint runs/sft/final --store-generated

The encoder loads and the catalog opens at start; the base model loads on the first dispatch.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console(stderr=True)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    checkpoint: Path | None = typer.Option(None, "--checkpoint", "-c", help="Hypernetwork checkpoint (default: the installed one)."),
    allow_untrained: bool = typer.Option(False, "--allow-untrained", help="Synthesise with an untrained hypernetwork (ΔW = 0) when none is installed."),
    threshold: float | None = typer.Option(None, "--threshold", help="Default retrieval threshold (cosine; default: calibrated)."),
    store_generated: bool = typer.Option(False, "--store-generated", help="File every generated adapter in the catalog."),
    max_body_bytes: int = typer.Option(1 << 20, "--max-body-bytes", min=1024, help="Largest request body accepted."),
    num_slots: int = typer.Option(64, "--slots", min=1, help="Preallocated adapter slots on the base model."),
    max_batch: int = typer.Option(32, "--max-batch", min=1, help="Concurrent /v1/generate requests served as one batch (1: off)."),
    method: list[str] = typer.Option([], "--method", help="Retrieve only adapters of these methods (repeatable; default: every method: lora, rslora, qlora in the batched slots, dora, prompt-tuning, bottleneck one adapter per pass)."),
) -> None:
    """Serve search, dispatch, generation and adapter downloads over HTTP."""
    import uvicorn

    from library.sdk import LocalSkillLibrary
    from library.service import create_app

    library = LocalSkillLibrary.open(checkpoint=checkpoint, allow_untrained=allow_untrained, threshold=threshold,
                                     store_generated=store_generated, num_slots=num_slots, methods=method or None)
    ckpt = library.dispatcher.checkpoint
    console.print(f"serving {library.dispatcher.base_model} on http://{host}:{port} (threshold "
                  f"{library.dispatcher.threshold:.2f}; hypernetwork: {ckpt.id if ckpt else 'none' + (' (untrained allowed)' if allow_untrained else '')}); "
                  f"API docs at /docs")
    try:
        uvicorn.run(create_app(library, max_body_bytes=max_body_bytes, max_batch=max_batch), host=host, port=port, log_level="info")
    finally:
        library.close()


def register(app: typer.Typer) -> None:
    app.command()(serve)
