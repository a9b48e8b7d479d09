"""The demo flow behind ``make demo``: the fullest thing the platform does, on the embedded default.

1. base model (cold GGUF load measured once, warm cache load now) and its adapter targets;
2. the built-in task suite;
3. a real LoRA trained on one task on the CPU (PEFT), scored before and after, written as PEFT;
4. the T2L hypernetwork turning a batch of descriptions into adapters in one forward pass;
5. the catalog: file those adapters, then find the trained one by describing its task in new words;
6. the dispatcher (Python SDK): describe the task, get the retrieved adapter applied, generate.

Everything lands under ``T2L_HOME`` (default ``~/.cache/t2l``); a second run reuses the trained
LoRA and the catalog entries (adapters are filed once, by content).
"""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.table import Table

console = Console()
DEMO_TASK = "extraction.first_word"  # learnt in ~30 CPU steps: base 0 % → LoRA 100 % exact (measured)


def run_demo(prompt: str) -> dict[str, Any]:
    """Run every step, print what happens, and return the figures as a dict."""
    from hypernet.encoder import load_encoder
    from t2l.settings import get_settings

    settings = get_settings()
    device = settings.resolved_device()
    report: dict[str, Any] = {"base_model": settings.base_model, "encoder": settings.encoder, "device": device}
    loaded = _base_model(settings, device, prompt, report)
    encoder = load_encoder(settings.encoder, device=device)
    task = _task_suite(report)
    oracle_dir = _train_oracle(loaded, task, settings, report)
    generated = _generate(loaded, encoder, settings, report)
    _catalog(settings, loaded, task, oracle_dir, generated, report)
    _dispatch(task, report)
    return report


def _dispatch(task, report: dict[str, Any]) -> None:
    from library.sdk import SkillLibrary

    console.rule("[bold]6. dispatch: describe the task, generate with the adapter that serves it")
    description, example = task.heldout_descriptions[1], task.test[0]
    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR
    from hypernet.tasks import builtin_suite

    # with no trained default installed, a description no adapter matches gets a ΔW = 0 adapter
    with SkillLibrary.open(allow_untrained=not DEFAULT_CHECKPOINT_DIR.is_dir()) as lib:
        started = time.perf_counter()
        answer = lib.generate(description, example.input, max_new_tokens=12)
        seconds = time.perf_counter() - started
        report.update(dispatch_source=answer.provenance.source, dispatch_output=answer.output)
        console.print(f"[cyan]description:[/] {description}\n[cyan]input:[/] {example.input}\n"
                      f"[green]output:[/] {answer.output}   (expected: {example.output})\n"
                      f"[dim]{answer.provenance.summary()}; {seconds:.2f} s including model and catalog start-up[/]")
        # zero-shot: a task no training saw, described in words no training saw; the hypernetwork
        # synthesises its adapter unless the catalog already holds a close enough one
        unseen = builtin_suite().get("extraction.file_extension")
        examples = list(unseen.test[:8])
        results = lib.generate_batch([(unseen.heldout_descriptions[0], e.input) for e in examples], max_new_tokens=8)
        exact = sum(unseen.score(r.output, e)["exact"] for r, e in zip(results, examples)) / len(examples)
        report.update(zero_shot_task=unseen.id, zero_shot_exact=exact, zero_shot_source=results[0].provenance.source)
        console.print(f"\n[cyan]held-out task[/] {unseen.id}: [cyan]description:[/] {unseen.heldout_descriptions[0]}")
        for r, e in list(zip(results, examples))[:3]:
            console.print(f"  {e.input!r} → [green]{r.output}[/]   (expected: {e.output})")
        console.print(f"exact match on {len(examples)} test examples: [bold]{100 * exact:.0f}%[/]  "
                      f"[dim]{results[0].provenance.summary()}[/]")


def _base_model(settings, device: str, prompt: str, report: dict[str, Any]):
    from hypernet.base_model import load_base_model, read_cache_manifest
    from hypernet.chat import complete
    from hypernet.targets import discover_targets

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
    started = time.perf_counter()
    answer = complete(warm.model, warm.tokenizer, [prompt], max_new_tokens=24)[0]
    report["generation"] = answer
    console.print(f"[cyan]user:[/] {prompt}\n[green]base model:[/] {answer}  "
                  f"[dim]({time.perf_counter() - started:.2f} s)[/]")
    return warm


def _task_suite(report: dict[str, Any]):
    from hypernet.tasks import builtin_suite

    console.rule("[bold]2. task suite")
    suite = builtin_suite()
    report["tasks"] = len(suite.tasks)
    console.print(f"{len(suite.tasks)} built-in tasks in {len(suite.families())} families; "
                  f"{len(suite.heldout_tasks)} held out whole for zero-shot tests")
    return suite.get(DEMO_TASK)


def _train_oracle(loaded, task, settings, report: dict[str, Any]):
    from hypernet.evaluate import evaluate_task
    from hypernet.peft_format import load_peft_adapter
    from hypernet.train.oracle import train_oracles
    from hypernet.train.peft_lora import LoraTrainConfig

    console.rule(f"[bold]3. a LoRA for '{task.id}', trained here with PEFT")
    examples = task.test[:16]
    before = evaluate_task(loaded, task, examples)
    out = settings.home / "demo" / "oracle"
    config = LoraTrainConfig(steps=30, batch_size=8, lr=3e-3, dropout=0.0, checkpoint_every=10)
    started = time.perf_counter()
    # PEFT wraps the model in place: train on a copy so later steps see the plain base model
    import copy

    trainee = copy.copy(loaded)
    trainee.model = copy.deepcopy(loaded.model)
    [result] = train_oracles(trainee, [task], out, config)
    adapter = load_peft_adapter(result.directory)
    after = evaluate_task(loaded, task, examples, adapters=[adapter])
    report.update(oracle_exact_before=before["exact"], oracle_exact_after=after["exact"],
                  oracle_train_seconds=round(result.seconds, 1))
    how = "reused from an earlier run" if result.skipped else f"trained in {time.perf_counter() - started:.0f} s"
    console.print(f"{config.steps} steps × {config.batch_size} examples ({how}); exact match on "
                  f"{len(examples)} test examples: base [bold]{before['exact']:.0f}%[/] → "
                  f"with the LoRA [bold]{after['exact']:.0f}%[/]")
    console.print(f"PEFT adapter directory: {result.directory}")
    return result.directory


def _generate(loaded, encoder, settings, report: dict[str, Any]):
    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR, load_checkpoint, untrained_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.generate import embedding_dim, generate_adapters
    from hypernet.targets import discover_targets, select_targets
    from workers.synthetic import synthetic_descriptions

    console.rule("[bold]4. Text-to-LoRA: descriptions → adapters in one forward pass")
    targets = discover_targets(loaded.model)
    default = DEFAULT_CHECKPOINT_DIR
    if (default / "config.json").exists():
        checkpoint = load_checkpoint(default, targets=targets)
        console.print(f"hypernetwork: trained checkpoint {checkpoint.id} ({default})")
    else:
        config = HypernetConfig.from_targets(select_targets(targets, ["q_proj", "v_proj"]), base_model=loaded.name,
                                             encoder=settings.encoder, embedding_dim=embedding_dim(encoder))
        checkpoint = untrained_checkpoint(config)
        console.print("[yellow]no trained hypernetwork is installed yet (hypernet/checkpoints/default/); using an "
                      "untrained one: its adapters are valid PEFT files with ΔW = 0[/]")
    descriptions = synthetic_descriptions(64, seed=0)
    started = time.perf_counter()
    adapters = generate_adapters(checkpoint.hypernet, encoder, descriptions, targets, checkpoint_id=checkpoint.id)
    seconds = time.perf_counter() - started
    report.update(generated=len(adapters), generate_per_second=round(len(adapters) / seconds, 1),
                  checkpoint=checkpoint.id)
    console.print(f"{len(adapters)} adapters from synthetic descriptions in {seconds:.2f} s "
                  f"([bold]{len(adapters) / seconds:.0f} adapters/s[/], encoder included), e.g. "
                  f"'{descriptions[0]}'")
    return adapters


def _catalog(settings, loaded, task, oracle_dir, generated, report: dict[str, Any]) -> None:
    from library.adapters import NewAdapter
    from library.catalog import open_catalog
    from hypernet.peft_format import module_shapes

    console.rule("[bold]5. catalog: file the adapters, find one by describing a task")
    with open_catalog(settings) as catalog:
        catalog.import_dir(oracle_dir, list(task.descriptions[:8]), base_model=loaded.name, tags=["demo", "oracle"],
                           shapes_loader=lambda name: module_shapes(loaded.model))
        catalog.add([NewAdapter(adapter=a, descriptions=[a.metadata["description"]], base_model=loaded.name,
                                params={"checkpoint": a.metadata["checkpoint"]}, tags=["demo", "generated"])
                     for a in generated])
        query = task.heldout_descriptions[0]
        started = time.perf_counter()
        hits = catalog.search(query, k=3)
        report["search_ms"] = round(1000 * (time.perf_counter() - started), 1)
        table = _hits_table(hits, query, report["search_ms"])
    console.print(table)
    report["top_hit_is_trained_lora"] = bool(hits) and hits[0].adapter.method == "import"


def _hits_table(hits, query: str, ms: float) -> Table:
    table = Table(title=f"search: '{query}'  ({ms} ms, query embedding included)")
    for column in ("adapter", "score", "method", "description"):
        table.add_column(column)
    for hit in hits:
        table.add_row(str(hit.adapter.id), f"{hit.score:.3f}", hit.adapter.method, hit.matched_description[:60])
    return table
