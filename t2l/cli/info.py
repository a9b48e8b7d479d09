"""``t2l info`` and ``t2l demo``: what the platform is configured with, and the demo flow."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

console = Console()


def info(
    show_targets: bool = typer.Option(False, "--targets", help="Load the base model and list its adapter targets."),
) -> None:
    """Print the settings (from T2L_* variables) and, with --targets, the base model's linear layers."""
    from t2l.settings import get_settings

    settings = get_settings()
    table = Table(title="t2l settings", show_header=False)
    for key in ("home", "base_model", "encoder", "device"):
        table.add_row(key, str(getattr(settings, key)))
    table.add_row("database", settings.resolved_database_url)
    table.add_row("broker", settings.resolved_broker_url)
    table.add_row("storage", settings.resolved_storage_url)
    console.print(table)
    if show_targets:
        from hypernet.base_model import load_base_model
        from hypernet.targets import discover_targets

        loaded = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir)
        targets = discover_targets(loaded.model)
        out = Table(title=f"adapter targets of {loaded.name}")
        for column in ("module", "in", "out", "layers"):
            out.add_column(column)
        for t in targets.values():
            out.add_row(t.name, str(t.in_features), str(t.out_features), str(t.num_layers))
        console.print(out)


def demo(
    prompt: str = typer.Option("Reverse the words of: the cat sat on the mat", help="What to ask the base model."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Run the fullest flow the platform has: load model and encoder, generate, embed."""
    from t2l.demo import run_demo

    report = run_demo(prompt)
    if as_json:
        console.print_json(json.dumps(report))


def register(app: typer.Typer) -> None:
    app.command()(info)
    app.command()(demo)
