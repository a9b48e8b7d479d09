"""Do training-only siblings help T2L on the held-out tasks they border, and only there?

A held-out task is *bordered* when, for most of its first three held-out descriptions (those
``t2l eval`` asks with), the nearest training description (the encoder's cosine) belongs to a
training-only sibling: a task of the task file that the built-in suite lacks (``t2l tasks export
--extra``). The rule needs only the task file and the encoder, so it is fixed before any run. For every
T2L row of the evaluation, the comparisons ``t2l eval`` prints (against the multi-task LoRA; aligned −
mismatched) are then made twice, on the bordered tasks and on the others:

    python3 scripts/sibling_split.py EVAL.json --task-file suite-extra.jsonl [--encoder NAME] [--row NAME ...]
    python3 scripts/sibling_split.py --task-file suite-extra.jsonl      # only which tasks are bordered
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ASKED = 3  # held-out descriptions per task in the evaluations (t2l eval --descriptions 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_json", type=Path, nargs="?", help="EVAL.json of t2l eval or t2l eval-report")
    parser.add_argument("--task-file", type=Path, required=True, help="the task file the runs trained on")
    parser.add_argument("--encoder", default=None, help="encoder name or directory (default: T2L_ENCODER)")
    parser.add_argument("--row", action="append", default=[], metavar="NAME",
                        help="only this T2L row of the report (repeat it; every row's baselines stay)")
    args = parser.parse_args()
    if args.row and args.eval_json is None:
        parser.error("--row names rows of an EVAL.json: give one")

    import torch

    from hypernet.encoder import load_encoder
    from hypernet.eval_compare import comparisons
    from hypernet.evaluate import MethodResult
    from hypernet.generate import encode_descriptions
    from hypernet.separability import bordered, nearest_owner
    from hypernet.tasks import builtin_suite, load_task_suite
    from t2l.errors import T2LError
    from t2l.settings import get_settings

    try:
        suite = load_task_suite(args.task_file)
        suite_ids = {t.id for t in builtin_suite().tasks}
        training = [t for t in suite.tasks if t.id not in suite.heldout_task_ids]
        siblings = {t.id for t in training if t.id not in suite_ids}
        if not siblings:
            raise T2LError(f"{args.task_file} has no training task that the built-in suite lacks")
        results, runs = _read_rows(args.eval_json) if args.eval_json else ([], [])  # before 10 minutes of embedding
        _check_rows(args.row, results)
        encoder = load_encoder(args.encoder or get_settings().encoder)
    except (T2LError, OSError, ValueError) as exc:
        raise SystemExit(f"sibling_split: {exc}") from None
    heldout = [t for t in suite.tasks if t.id in suite.heldout_task_ids and t.heldout_descriptions]
    texts = [d for t in training for d in t.descriptions]
    owner = torch.tensor([i for i, t in enumerate(training) for _ in t.descriptions])
    asked = [d for t in heldout for d in t.heldout_descriptions[:ASKED]]
    found = nearest_owner(encode_descriptions(encoder, texts, device="cpu"), owner,
                          encode_descriptions(encoder, asked, device="cpu")).tolist()
    nearest, i = {}, 0
    for t in heldout:
        n = len(t.heldout_descriptions[:ASKED])
        nearest[t.id], i = [training[k].id for k in found[i:i + n]], i + n
    border = bordered(nearest, siblings)
    print(f"{len(siblings)} training-only siblings border {len(border)} of {len(heldout)} held-out tasks:")
    for task, sibling in sorted(border.items()):
        print(f"  {task} (nearest: {sibling})")
    if args.eval_json is None:
        return

    def within(keep) -> list[MethodResult]:
        return [MethodResult(r.method, {t: s for t, s in r.per_task.items() if keep(t)}) for r in results]
    parts = {"bordered": within(lambda t: t in border), "others": within(lambda t: t not in border)}
    compared = {name: {(c.method, c.baseline): c for c in comparisons(rows, runs)} for name, rows in parts.items()}
    print(f"\n| T2L row | against | bordered ({len(border)}) | others |\n|---|---|---:|---:|")
    for key, c in compared["bordered"].items():
        if c.kind != "difference" or "base + description" in c.baseline or (args.row and c.method not in args.row):
            continue
        other = compared["others"].get(key)
        print(f"| {c.method} | {c.baseline} | {c.value_text()} | {other.value_text() if other else ''} |")


def _check_rows(names: list[str], results: list) -> None:
    """``ValueError`` for a --row that names no T2L row of the report, with the nearest names there are."""
    import difflib

    t2l_rows = [r.method for r in results if r.method.startswith("T2L")]
    for name in names:
        if name not in t2l_rows:
            near = difflib.get_close_matches(name, t2l_rows, n=3, cutoff=0.5)
            raise ValueError(f"--row {name!r} is no T2L row of the report"
                             + (f" (nearest: {'; '.join(near)})" if near else ""))


def _read_rows(path: Path) -> tuple[list, list[str]]:
    """The rows of ``t2l eval``'s EVAL.json and the run of each (``ValueError`` if it is not one)."""
    from hypernet.eval_compare import recorded_runs
    from hypernet.evaluate import MethodResult

    try:
        data = json.loads(path.read_text())
        results = [MethodResult.from_json(row) for row in data["results"]]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"{path} is not an EVAL.json of t2l eval ({type(exc).__name__}: {exc})") from None
    return results, recorded_runs(data.get("runs"), results)


if __name__ == "__main__":
    main()
