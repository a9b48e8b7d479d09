"""Calibrate the dispatcher's default threshold on the built-in task suite.

    .venv/bin/python scripts/calibrate_dispatch.py [--out calibration.json]

Catalog (a fresh SQLite catalog, through the catalog API): one adapter per *training* task of the
suite, filed with that task's training descriptions. Queries: the held-out descriptions of those
tasks (should retrieve their own task's adapter) and every description of the suite's held-out
*tasks* (should not retrieve: nothing in the catalog does them). F1 of "retrieved the right
adapter" picks the threshold (library/threshold.py). Then, for stability, the same choice on 5
random task partitions (20 % of tasks uncatalogued each), scored exactly as the catalog's "best"
ranking scores (max cosine over an adapter's descriptions); the script checks that this scoring
agrees with the catalog's on the main split.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import torch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the sweep and the chosen threshold as JSON")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    from hypernet.encoder import load_encoder
    from hypernet.peft_format import LoraAdapter
    from hypernet.tasks import builtin_suite
    from library.adapters import NewAdapter
    from library.catalog import open_catalog
    from library.embed import encoder_embed_fn
    from library.threshold import QueryOutcome, best_threshold, sweep
    from t2l.settings import Settings

    suite = builtin_suite(seed=0)
    embed = encoder_embed_fn(load_encoder("all-minilm-l6-v2"))
    texts: list[str] = []
    owner: list[str] = []
    heldout_phrase: list[bool] = []
    for task in suite.tasks:
        for text, late in [(d, False) for d in task.descriptions] + [(d, True) for d in task.heldout_descriptions]:
            texts.append(text)
            owner.append(task.id)
            heldout_phrase.append(late)
    started = time.perf_counter()
    vectors = embed(texts)
    print(f"embedded {len(texts)} descriptions of {len(suite.tasks)} tasks in {time.perf_counter() - started:.0f} s")
    owner_arr, late_arr = np.array(owner), np.array(heldout_phrase)

    # --- the main split, through the real catalog ------------------------------------------------
    catalogued = [t.id for t in suite.train_tasks]
    tiny = {"model.layers.0.self_attn.q_proj": (torch.zeros(1, 4), torch.zeros(4, 1))}
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        with open_catalog(settings, embed=embed) as catalog:
            items = []
            for task_id in catalogued:
                rows = np.flatnonzero((owner_arr == task_id) & ~late_arr)
                items.append(NewAdapter(
                    adapter=LoraAdapter(rank=1, alpha=1.0, weights=tiny, target_modules=["q_proj"]),
                    descriptions=[texts[i] for i in rows], base_model="calibration", params={"task": task_id},
                    embeddings=vectors[rows],
                ))
            task_of = {row.id: row.params["task"] for row in catalog.add(items)}
            queries = [i for i in range(len(texts)) if (late_arr[i] and owner[i] in task_of.values())
                       or owner[i] in suite.heldout_task_ids]
            outcomes = []
            for i in queries:
                hit = catalog.search(vectors[i], k=1)[0]
                outcomes.append(QueryOutcome(float(hit.score), task_of[hit.adapter.id] == owner[i],
                                             owner[i] in task_of.values()))
    chosen = best_threshold(outcomes)
    n_pos = sum(o.catalogued for o in outcomes)
    print(f"main split: {len(catalogued)} catalogued tasks, {n_pos} queries of catalogued tasks, "
          f"{len(outcomes) - n_pos} of {len(suite.heldout_task_ids)} uncatalogued tasks")
    print(f"top-1 is the own task for {np.mean([o.own_task for o in outcomes if o.catalogued]):.1%} of catalogued queries")
    print("threshold  precision  recall   F1     accuracy  retrieved")
    for row in sweep(outcomes, [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, chosen["threshold"]]):
        print(f"{row['threshold']:9.2f}  {row['precision']:9.3f}  {row['recall']:6.3f}  {row['f1']:.3f}  "
              f"{row['accuracy']:8.3f}  {row['retrieved']:9.3f}")
    print(f"chosen (max F1): {chosen['threshold']:.2f}  F1 {chosen['f1']:.3f}  precision {chosen['precision']:.3f}  "
          f"recall {chosen['recall']:.3f}")

    # --- the same in numpy: check it agrees, then random partitions for stability ---------------
    def outcomes_for(catalogued_ids: set[str]) -> list[QueryOutcome]:
        ids = sorted(catalogued_ids)
        pools = [vectors[(owner_arr == t) & ~late_arr] for t in ids]
        out = []
        for i in range(len(texts)):
            if not ((late_arr[i] and owner[i] in catalogued_ids) or owner[i] not in catalogued_ids):
                continue
            best = [float((pool @ vectors[i]).max()) for pool in pools]
            j = int(np.argmax(best))
            out.append(QueryOutcome(best[j], ids[j] == owner[i], owner[i] in catalogued_ids))
        return out

    check = outcomes_for(set(catalogued))
    gap = max(abs(a.score - b.score) for a, b in zip(sorted(check, key=lambda o: o.score), sorted(outcomes, key=lambda o: o.score)))
    assert len(check) == len(outcomes) and gap < 1e-4, f"numpy scoring disagrees with the catalog ({gap})"
    rng = np.random.default_rng(0)
    all_ids = [t.id for t in suite.tasks]
    folds = []
    for fold in range(args.folds):
        out = set(rng.choice(all_ids, size=len(all_ids) // 5, replace=False).tolist())
        row = best_threshold(outcomes_for(set(all_ids) - out))
        at_default = sweep(outcomes_for(set(all_ids) - out), [chosen["threshold"]])[0]
        folds.append({"best": row, "at_chosen": at_default})
        print(f"fold {fold}: best threshold {row['threshold']:.2f} (F1 {row['f1']:.3f}); at {chosen['threshold']:.2f}: "
              f"F1 {at_default['f1']:.3f}")
    if args.out:
        args.out.write_text(json.dumps({"chosen": chosen, "sweep": sweep(outcomes, np.arange(0.3, 1.0, 0.01)),
                                        "folds": folds}, indent=2))


if __name__ == "__main__":
    main()
