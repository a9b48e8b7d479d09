"""``t2l eval``: the paper's table on the held-out tasks (or the training tasks).

    t2l eval --oracles runs/oracle --multitask runs/multitask/adapter \\
             --recon runs/recon/checkpoint --sft runs/sft/checkpoint --out docs/EVAL.md

Rows: base model; base model with the description in its prompt; multi-task LoRA (description in
the prompt, as it was trained); oracle LoRAs (one per task, the upper bound); T2L by reconstruction;
T2L by SFT. A row whose input is not given is left out. Each row is the mean over tasks, and per
family, of exact and lenient match on the test examples; description-dependent rows average over
``--descriptions`` descriptions per task (held-out descriptions on held-out tasks; training
descriptions on training tasks).
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from t2l.errors import T2LError

if TYPE_CHECKING:
    from hypernet.evaluate import MethodResult

console = Console(stderr=True)


def evaluate(
    split: str = typer.Option("heldout", help="heldout (zero-shot tasks) or train; with --tasks, whether the "
                                              "descriptions come from each task's held-out or training pool."),
    limit: int = typer.Option(32, min=1, help="Test examples per task."),
    descriptions: int = typer.Option(3, min=1, help="Descriptions per task for the description-dependent rows."),
    tasks: Optional[str] = typer.Option(None, help="Comma-separated task ids instead of the split."),
    task_file: Optional[Path] = typer.Option(None, help="A task file instead of the built-in suite."),
    oracles: Optional[Path] = typer.Option(None, help="Directory of oracle LoRAs (t2l train oracle)."),
    multitask: Optional[Path] = typer.Option(None, help="Multi-task LoRA adapter directory."),
    recon: list[Path] = typer.Option(
        [], help="Reconstruction-trained hypernetwork checkpoint; repeat for several (one row each)."),
    sft: list[Path] = typer.Option(
        [], "--sft", help="SFT-trained hypernetwork checkpoint (repeatable: one row each; one trained with "
                          "--prompt-description is evaluated with the description in the prompt)."),
    sft_prompted: Optional[Path] = typer.Option(None, help="Same as another --sft (kept for older scripts)."),
    method_oracles: list[Path] = typer.Option(
        [], "--method-oracles", help="A directory of `t2l train oracle --method M` adapters: one row per method (repeatable)."),
    skip_base: bool = typer.Option(False, help="Leave out the two base-model rows."),
    mismatched: bool = typer.Option(
        False, help="Also a row per T2L checkpoint whose adapters come from another task's descriptions "
                    "(another family's where there is one), prompts unchanged: does the adapter follow the description?"),
    batch_size: Optional[int] = typer.Option(
        None, min=1, help="Answers per generate call, several tasks together (default: 256 on a GPU; "
                          "on the CPU tasks go one at a time unless it is given)."),
    out: Path = typer.Option(Path("docs/EVAL.md"), help="Markdown report; .json and .png beside it."),
    device: Optional[str] = typer.Option(None),
) -> None:
    """Score every available method on the chosen tasks and write the table."""
    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.eval_report import write_report
    from hypernet.evaluate import MISMATCHED, evaluate_method, hypernet_row, mismatched_partners
    from hypernet.peft_format import load_peft_adapter
    from hypernet.targets import discover_targets
    from t2l.cli.train import load_for_training, select_tasks, split_of
    from t2l.settings import get_settings

    settings = get_settings()
    chosen = select_tasks(split, tasks, task_file)
    tasks_split = split_of((t.id for t in chosen), task_file)  # which targets the rows answer
    if mismatched and len(chosen) < 2:  # before the model loads
        raise T2LError("--mismatched gives each task another task's descriptions: choose at least two tasks")
    for directory in method_oracles:  # before the model loads: a half-finished run is named at once
        missing = [t.id for t in chosen if not (directory / t.id / "metrics.json").exists()]
        if not (directory / "config.json").exists() or missing:
            raise T2LError(f"{directory} is not a finished `t2l train oracle --method` run for these tasks "
                           f"(missing: {', '.join(missing[:5]) or 'config.json'})")
    loaded = load_for_training(device)
    model_device = str(next(loaded.model.parameters()).device)
    targets = discover_targets(loaded.model)

    def texts(task):
        pool = task.heldout_descriptions if split == "heldout" else task.descriptions
        return list(pool[:descriptions])

    results, context = [], {"split": split if tasks is None else "the tasks given by --tasks",
                            "tasks": str(len(chosen)), "test examples per task": str(limit),
                            "descriptions per task": str(descriptions),
                            # --split picks the pool even with --tasks: held-out descriptions of a
                            # training task test a hypernetwork on wordings it never saw
                            "descriptions from": "each task's held-out descriptions (never used in training)"
                            if split == "heldout" else "each task's training descriptions",
                            "base model": loaded.name}

    def report(name: str):
        def on_task(task_id: str, scores: dict) -> None:
            console.print(f"  {name:<22} {task_id:<40} exact {scores['exact']:5.1f}  lenient {scores['lenient']:5.1f}",
                          markup=False)  # row names hold [run] suffixes
        return on_task

    families = {t.id: t.family for t in chosen}
    command = "t2l " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    partial = out.with_suffix(".partial.json")  # the rows so far: an interrupted run keeps what it scored

    def run(name: str, **kw) -> None:
        results.append(evaluate_method(name, loaded, chosen, limit=limit, on_task=report(name),
                                       batch_size=batch_size, **kw))
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps({"command": command, "context": context, "families": families,
                                       "split": tasks_split, "partial": True,
                                       "results": [r.to_json() for r in results]}, indent=2))
    if not skip_base:
        run("base model", note="the raw input only")
        run("base + description", prompts_for=texts, note="the task description, a blank line, then the input")
    if multitask is not None:
        shared = load_peft_adapter(multitask)
        context["multi-task LoRA"] = str(multitask)
        run("multi-task LoRA", prompts_for=texts, adapters_for=lambda t: [shared] * len(texts(t)),
            note="one LoRA trained on all training tasks; description in the prompt, as trained")
    if oracles is not None:
        context["oracle LoRAs"] = str(oracles)
        run("oracle LoRA", adapters_for=lambda t: [load_peft_adapter(oracles / t.id)],
            note="one LoRA trained on each task's own examples (upper bound)")
    for directory in method_oracles:
        from hypernet.evaluate import peft_applied

        trained = json.loads((directory / "config.json").read_text())
        costs = [json.loads((directory / t.id / "metrics.json").read_text()) for t in chosen]
        params = costs[0].get("trainable_parameters", 0)
        seconds = sum(c["seconds"] for c in costs) / len(costs)
        context[f"{trained['method']} adapters"] = str(directory)
        run(f"{trained['method']} (oracle)", model_for=lambda t, d=directory: peft_applied(loaded, d / t.id),
            note=f"{trained['method']} per task: {params:,} trainable parameters, "
                 f"{trained['steps']} steps × {trained['batch_size']}, {seconds:.0f} s per task to train")
    encoder = None
    sft_paths = [*sft, *([sft_prompted] if sft_prompted else [])]
    hypernets = [("T2L (recon)", p) for p in recon] + [("T2L (SFT)", p) for p in sft_paths]
    partners = mismatched_partners(chosen) if mismatched else {}  # one pairing for every checkpoint
    for name, path in hypernets:
        encoder = encoder or load_encoder(settings.encoder, device=model_device)
        checkpoint = load_checkpoint(path, targets=targets, device=model_device)
        in_prompt = checkpoint.hypernet.config.prompt_description
        name += " + description" if in_prompt else ""
        same_kind = sft_paths if name.startswith("T2L (SFT)") else recon
        if len(same_kind) > 1:  # several rows of one kind: name each by its run directory (and kept step)
            if path.parent.name == "steps":  # RUN/steps/step-NNNNNN (t2l train sft --keep-checkpoints)
                name += f" [{path.parent.parent.name} {path.name}]"
            elif path.name == "average":  # RUN/average (t2l train sft --average-from)
                name += f" [{path.parent.name} average]"
            else:
                name += f" [{(path.parent if path.name in ('best', 'checkpoint') else path).name}]"
        context[f"{name} checkpoint"] = f"{path} (sha256 {checkpoint.sha256[:16]})"
        run(name, **hypernet_row(checkpoint.hypernet, encoder, texts, targets, checkpoint_id=checkpoint.id),
            note="adapter generated from the description; the description is also in the prompt (trained so)"
            if in_prompt else "adapter generated from the description alone; the prompt is the raw input")
        if mismatched:
            context[f"{name} mismatched"] = "adapters from the descriptions of: " + ", ".join(
                f"{t.id} ← {partners[t.id].id}" for t in chosen[:3]) + (", ..." if len(chosen) > 3 else "")
            run(name + MISMATCHED,
                **hypernet_row(checkpoint.hypernet, encoder, texts, targets, checkpoint_id=checkpoint.id,
                               adapter_texts=lambda task: texts(partners[task.id])),
                note="ablation: adapter generated from another task's description"
                     + ("; the prompt keeps the task's own description" if in_prompt else ""))

    title = ("Evaluation on the chosen tasks" if tasks
             else f"Evaluation on {'held-out (zero-shot)' if split == 'heldout' else 'training'} tasks")
    paths = write_report(results, families, out, title=title, command=command, context=context, split=tasks_split)
    partial.unlink(missing_ok=True)  # the full report replaces it
    table = Table(title=title)
    for column in ("method", "exact", "lenient", "seconds"):
        table.add_column(column)
    for r in results:
        table.add_row(escape(r.method), f"{r.mean('exact'):.1f}", f"{r.mean('lenient'):.1f}", f"{r.seconds:.0f}")
    Console().print(table)
    _print_comparisons(results, split=tasks_split)
    console.print("written: " + ", ".join(str(p) for p in paths))


def _print_comparisons(results: Sequence[MethodResult], runs: Sequence[str] | None = None,
                       split: str | None = None) -> None:
    from hypernet.eval_compare import comparisons, target_checks

    compared = comparisons(results, runs)
    for comparison in compared:
        console.print("  " + comparison.describe(), markup=False)  # row names hold [run] suffixes
    for check in target_checks(compared, split):
        console.print("  " + check.describe(), markup=False)


def _run_tags(sources: list[Path]) -> list[str]:
    """One distinct, readable tag per merged file: its folder's name, else its file name, else its
    position (the first file's rows keep their names, so its tag is empty)."""
    for name_of in (lambda p: p.parent.name, lambda p: p.stem, lambda p: ""):
        tags = [name_of(p) for p in sources]
        if all(tags[1:]) and len(set(tags)) == len(tags):
            return [""] + tags[1:]
    return [""] + [str(n) for n in range(2, len(sources) + 1)]


def _chosen_rows(results: list[MethodResult], runs: list[str], names: list[str]
                 ) -> tuple[list[MethodResult], list[str]]:
    """The rows named (merged names), in that order, each with its run; an unknown or repeated name is
    refused with the nearest names there are, so a typo does not silently drop a row."""
    import difflib

    index = {r.method: i for i, r in enumerate(results)}
    if len(set(names)) != len(names):
        repeated = sorted({n for n in names if names.count(n) > 1})
        raise T2LError(f"--row names {repeated[0]!r} more than once")
    for name in names:
        if name not in index:
            near = difflib.get_close_matches(name, list(index), n=3, cutoff=0.5)
            raise T2LError(f"no row named {name!r} in these reports"
                           + (f"; nearest: {', '.join(repr(n) for n in near)}" if near else ""))
    return [results[index[n]] for n in names], [runs[index[n]] for n in names]


def eval_report(
    sources: list[Path] = typer.Argument(..., help="EVAL.json files written by `t2l eval` (their rows are merged)."),
    out: Path = typer.Option(..., help="Markdown report to write; .json and .png beside it."),
    task_file: Optional[Path] = typer.Option(None, help="Where the tasks' families come from for an EVAL.json "
                                                        "that does not record them (default: the built-in suite)."),
    title: str = typer.Option("Evaluation", help="The report's heading."),
    samples: bool = typer.Option(True, "--samples/--no-samples",
                                 help="Keep every row's sample answers in the merged JSON (each source keeps its own)."),
    keep_rows: Optional[list[str]] = typer.Option(None, "--row", help="Keep only this row, by its merged name "
                                            "(repeat it; the report follows this order), e.g. the paper's table "
                                            "out of a report of many sessions."),
) -> None:
    r"""One report from several `t2l eval` runs on the same tasks. Rows of the second and later files
    are named "<row> \[tag]"; each T2L row is compared with its own run's baselines, or else those of
    the nearest earlier file that has them, or else a later one (over the tasks both rows scored). A
    merged report can be merged again: its rows keep the runs they came from."""
    from hypernet.eval_compare import nested_run, recorded_runs
    from hypernet.eval_report import write_report
    from hypernet.evaluate import MethodResult
    from t2l.cli.train import select_tasks, split_of

    written = out.with_suffix(".json").resolve()
    if any(source.resolve() == written for source in sources):
        raise T2LError(f"{out} would overwrite its own input {out.with_suffix('.json')}: choose another --out")
    results, runs, families, context = [], [], {}, {}
    for number, (source, tag) in enumerate(zip(sources, _run_tags(sources)), 1):
        try:
            data = json.loads(source.read_text())
            rows = [MethodResult.from_json(row) for row in data["results"]]
            families.update(data.get("families") or {})
        except FileNotFoundError:
            raise T2LError(f"{source}: no such file") from None
        except OSError as exc:
            raise T2LError(f"{source}: cannot read it ({exc.strerror or exc})") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise T2LError(f"{source} is not an EVAL.json written by `t2l eval` ({type(exc).__name__}: {exc})") from None
        context[f"source {number}" + (f" [{tag}]" if tag else "")] = (
            f"{source}: `{data.get('command', '?')}`" + (" (interrupted: the rows it finished)" if data.get("partial") else ""))
        # a merged report keeps its own runs (recorded, or read from its row names if it predates that)
        for row, inner in zip(rows, recorded_runs(data.get("runs"), rows)):
            row.method += f" [{tag}]" if tag else ""
            if not samples:  # a merged report of many sessions is mostly their answers, which the sources hold
                row.samples = {}
            results.append(row)
            runs.append(nested_run(inner, tag))
    if keep_rows:
        results, runs = _chosen_rows(results, runs, keep_rows)
    missing = {t for r in results for t in r.per_task} - set(families)
    if missing:
        known = {t.id: t.family for t in select_tasks("all", None, task_file)}
        if unknown := sorted(missing - set(known)):
            raise T2LError(f"no family for {len(unknown)} tasks ({', '.join(unknown[:3])}): pass the --task-file they came from")
        families.update({t: known[t] for t in missing})
    command = "t2l eval-report " + " ".join(shlex.quote(a) for a in sys.argv[2:])
    # which targets the rows answer: from the tasks themselves (a suite's held-out or training tasks)
    split = split_of({t for r in results for t in r.per_task}, task_file)
    paths = write_report(results, families, out, title=title, command=command, context=context, runs=runs,
                         split=split)
    _print_comparisons(results, runs, split)
    console.print("written: " + ", ".join(str(p) for p in paths))


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
    app.command("eval-report")(eval_report)
