"""The ``t2l`` command. Subcommand groups live in their own modules and import heavy
libraries inside the command functions, so ``t2l --help`` starts fast."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from t2l.errors import T2LError

app = typer.Typer(
    name="t2l",
    help="Text-to-LoRA skill library: describe a task, get a LoRA adapter.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


def _register() -> None:
    from t2l.cli import catalog, dispatch, evaluate, generate, info, jobs, serve, tasks, train, worker

    # the order of `t2l --help`
    for group in (info, generate, worker, tasks, catalog, jobs, train, evaluate, dispatch, serve):
        group.register(app)


_register()


def main() -> None:
    """Console-script entry point: user-facing errors print one clear line, exit code 2."""
    try:
        app()
    except T2LError as exc:
        err_console.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
