"""``t2l tasks``: browse the built-in task suite, export it, and check task files."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

# emoji=False: descriptions quote codes such as :red_heart: that must print as written.
console = Console(emoji=False)
tasks_app = typer.Typer(
    help="Browse the built-in task suite, export it as JSONL, check task files.",
    no_args_is_help=True,
)

_SEED = typer.Option(0, "--seed", help="Seed the examples are drawn with.")
_FILE = typer.Option(
    None, "--file", help="Read tasks from this .jsonl/.json file instead of the built-in suite."
)


def _suite(seed: int, file: Path | None):
    from hypernet.tasks import builtin_suite, load_task_suite

    return load_task_suite(file) if file else builtin_suite(seed=seed)


@tasks_app.command("list")
def list_tasks(
    family: str | None = typer.Option(None, "--family", help="Only this family."),
    heldout: bool = typer.Option(
        False, "--heldout", help="Only the held-out tasks (never seen in training)."
    ),
    seed: int = _SEED,
    file: Path | None = _FILE,
) -> None:
    """List tasks: id, family, metric, split sizes, whether held out, and one description."""
    suite = _suite(seed, file)
    if family and family not in suite.families():
        from t2l.errors import T2LError

        raise T2LError(f"no family {family!r}; families: {', '.join(suite.families())}")
    rows = [
        t
        for t in suite.tasks
        if (not family or t.family == family) and (not heldout or t.id in suite.heldout_task_ids)
    ]
    table = Table(
        title=f"{len(rows)} of {len(suite.tasks)} tasks ({len(suite.heldout_task_ids)} held out)"
    )
    # Ids are copied into other commands, so they are never broken; the description takes the rest.
    table.add_column("id", no_wrap=True, min_width=max((len(t.id) for t in rows), default=2))
    table.add_column("held out")
    table.add_column("train/val/test")
    table.add_column("metric")
    table.add_column("description", overflow="fold", ratio=1)
    for t in rows:
        held = "yes" if t.id in suite.heldout_task_ids else ""
        splits = f"{len(t.train)}/{len(t.validation)}/{len(t.test)}"
        table.add_row(t.id, held, splits, t.metric, Text(t.descriptions[0]))
    console.print(table)


@tasks_app.command("show")
def show(
    task_id: str = typer.Argument(..., help="Task id, e.g. string.reverse_words."),
    examples: int = typer.Option(5, "--examples", help="How many training examples to print."),
    seed: int = _SEED,
    file: Path | None = _FILE,
) -> None:
    """Print one task: its descriptions (training and held-out) and some examples."""
    suite = _suite(seed, file)
    task = suite.get(task_id)
    status = (
        "held out (zero-shot test task)" if task_id in suite.heldout_task_ids else "training task"
    )
    console.print(
        Text(f"{task.id}  family={task.family}  metric={task.metric}  {status}", style="bold")
    )
    console.print(
        f"examples: {len(task.train)} train, {len(task.validation)} validation, {len(task.test)} test"
    )
    console.print(f"\n[bold]descriptions[/] ({len(task.descriptions)}, first 8):")
    for d in task.descriptions[:8]:
        console.print(f"  - {d}", markup=False)
    console.print(f"\n[bold]held-out descriptions[/] ({len(task.heldout_descriptions)}, first 3):")
    for d in task.heldout_descriptions[:3]:
        console.print(f"  - {d}", markup=False)
    table = Table(title="training examples")
    table.add_column("input", overflow="fold")
    table.add_column("output", overflow="fold")
    for e in task.train[:examples]:
        table.add_row(Text(e.input), Text(e.output))
    console.print(table)


@tasks_app.command("export")
def export(
    path: Path = typer.Argument(..., help="Where to write the JSONL file."),
    seed: int = _SEED,
    n_train: int = typer.Option(64, "--n-train"),
    n_validation: int = typer.Option(16, "--n-validation"),
    n_test: int = typer.Option(32, "--n-test"),
    extra: bool = typer.Option(False, help="Also the training-only siblings of some tasks (e.g. \"add 14\" "
                                           "beside \"add 12\"); the held-out tasks stay the same."),
    train_every: int = typer.Option(1, "--train-every", min=1,
                                    help="Keep every K-th training task (in suite order, so each family keeps "
                                         "about 1/K of its tasks) and every held-out task: a smaller training "
                                         "set for a scaling study, tested on the same zero-shot tasks."),
) -> None:
    """Write the built-in suite as JSONL (explicit splits and held-out flags; `--file` reads it back)."""
    from hypernet.tasks import TaskSuite, builtin_suite, write_task_file

    suite = builtin_suite(seed=seed, n_train=n_train, n_validation=n_validation, n_test=n_test, extra=extra)
    if train_every > 1:
        kept = {t.id for t in suite.train_tasks[::train_every]} | suite.heldout_task_ids
        suite = TaskSuite(tuple(t for t in suite.tasks if t.id in kept), suite.heldout_task_ids)
    count = write_task_file(suite, path)
    typer.echo(f"wrote {count} tasks ({len(suite.heldout_task_ids)} held out) to {path}")


@tasks_app.command("validate")
def validate(path: Path = typer.Argument(..., help="A .jsonl or .json task file.")) -> None:
    """Check a task file; prints what it holds, or the first problem with its line or field."""
    from hypernet.tasks import load_task_suite

    suite = load_task_suite(path)
    n_examples = sum(len(t.examples) for t in suite.tasks)
    typer.echo(
        f"{path}: {len(suite.tasks)} tasks, {n_examples} examples, {len(suite.heldout_task_ids)} held out"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(tasks_app, name="tasks")
