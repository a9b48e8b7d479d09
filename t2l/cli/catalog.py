"""``t2l db ...``, ``t2l catalog ...`` and ``t2l search``: the catalog from the command line.

Each command opens the catalog named by the settings, does one thing in one transaction and
closes it (saving the description index if it changed). Heavy imports happen inside commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from library.catalog import Catalog
    from library.models import Adapter

console = Console()
err_console = Console(stderr=True)

db_app = typer.Typer(help="The catalog database: apply and inspect migrations.", no_args_is_help=True)
catalog_app = typer.Typer(help="Adapters in the catalog: import, export, list, show, reindex.", no_args_is_help=True)
METHOD_HELP = "Adapter method: lora, rslora, dora, qlora, prompt-tuning, bottleneck (repeatable: any of them)."


def _engine():  # noqa: ANN202
    from library.db import make_engine
    from t2l.settings import get_settings

    return make_engine(get_settings().resolved_database_url)


def _open() -> Catalog:
    from library.catalog import open_catalog

    catalog = open_catalog()
    return catalog


def _warn(catalog: Catalog) -> None:
    for message in catalog.messages:
        err_console.print(f"[yellow]warning:[/] {message}")
    catalog.messages.clear()


# --- db ---------------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision (default: the newest).")) -> None:
    """Apply migrations up to REVISION."""
    from library.db import display_url
    from library.migrate import current_revision, upgrade

    engine = _engine()
    before = current_revision(engine)
    upgrade(engine, revision)
    after = current_revision(engine)
    console.print(f"{display_url(engine)}: {before or 'empty'} -> {after}")


@db_app.command("downgrade")
def db_downgrade(revision: str = typer.Argument(..., help="Target revision ('base' removes every catalog table).")) -> None:
    """Revert migrations down to REVISION."""
    from library.db import display_url
    from library.migrate import current_revision, downgrade

    engine = _engine()
    before = current_revision(engine)
    downgrade(engine, revision)
    console.print(f"{display_url(engine)}: {before} -> {current_revision(engine) or 'base'}")


@db_app.command("current")
def db_current() -> None:
    """Print the database's revision and this code's newest."""
    from library.db import display_url
    from library.migrate import current_revision, head_revision

    engine = _engine()
    current, head = current_revision(engine), head_revision()
    state = "up to date" if current == head else ("not migrated" if current is None else "needs `t2l db upgrade`")
    console.print(f"{display_url(engine)}: {current or 'none'} (head {head}, {state})")


# --- catalog ----------------------------------------------------------------------------------------


@catalog_app.command("add")
def catalog_add(
    directory: Path = typer.Argument(..., help="An adapter directory: PEFT LoRA / DoRA / prompt tuning, or bottleneck."),
    description: list[str] = typer.Option(..., "--description", "-d", help="What the adapter does (repeatable)."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A label (repeatable)."),
    namespace: str = typer.Option("default", "--namespace", "-n"),
    base_model: Optional[str] = typer.Option(None, "--base-model", help="Default: T2L_BASE_MODEL."),
    method: Optional[str] = typer.Option(
        None, "--method", help="Declare the method (e.g. qlora, whose files look like lora's); default: read from "
        "the directory (its metrics.json, else its config)."),
) -> None:
    """Import an adapter directory of any method `t2l train oracle` trains (checked against the base
    model's layer shapes)."""
    from t2l.settings import get_settings

    settings = get_settings()
    model = base_model or settings.base_model
    with _open() as catalog:
        adapter, created = catalog.import_dir(
            directory, description, base_model=model, tags=tag, namespace=namespace,
            shapes_loader=lambda name: _load_shapes(name, settings.model_cache_dir), method=method,
        )
        _warn(catalog)
    verb = "added" if created else "already in the catalog as"
    rank = f", rank {adapter.rank}" if adapter.rank else ""
    console.print(f"{verb} adapter {adapter.id} ({adapter.peft_method}, {adapter.content_hash[:12]}{rank}, {model})")


def _load_shapes(name: str, cache_dir: Path) -> dict[str, tuple[int, int]]:
    from hypernet.base_model import load_base_model
    from hypernet.peft_format import module_shapes

    err_console.print(f"loading base model '{name}' once to record its layer shapes ...")
    return module_shapes(load_base_model(name, cache_dir=cache_dir).model)


@catalog_app.command("export")
def catalog_export(
    adapter_id: int = typer.Argument(..., metavar="ID"),
    directory: Path = typer.Argument(..., help="New directory to write the adapter to."),
) -> None:
    """Write adapter ID in its method's standard format: a PEFT directory (loads with
    peft.PeftModel.from_pretrained) or, for bottleneck adapters, hypernet.bottleneck's."""
    with _open() as catalog:
        path = catalog.export(adapter_id, directory)
    console.print(f"wrote adapter {adapter_id} to {path}")


@catalog_app.command("list")
def catalog_list(
    namespace: Optional[str] = typer.Option(None, "--namespace", "-n"),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Only adapters with this tag (repeatable: all)."),
    base_model: Optional[str] = typer.Option(None, "--base-model"),
    method: list[str] = typer.Option([], "--method", help=METHOD_HELP),
    limit: int = typer.Option(50, "--limit"),
    offset: int = typer.Option(0, "--offset"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List adapters, oldest first."""
    from library.adapters import list_adapters

    with _open() as catalog, catalog.begin() as session:
        rows = list_adapters(session, namespace=namespace, tags=tag, base_model=base_model, peft_methods=method,
                             limit=limit, offset=offset)
        records = [_summary(a) for a in rows]
    if as_json:
        console.print_json(json.dumps(records))
        return
    table = Table(title=f"{len(records)} adapters")
    for column in ("id", "namespace", "base model", "origin", "method", "rank", "tags", "description"):
        table.add_column(column)
    for r in records:
        table.add_row(str(r["id"]), r["namespace"], r["base_model"], r["method"], r["peft_method"], str(r["rank"]),
                      ",".join(r["tags"]), _short(r["description"]))
    console.print(table)


@catalog_app.command("show")
def catalog_show(adapter_id: int = typer.Argument(..., metavar="ID"), as_json: bool = typer.Option(False, "--json")) -> None:
    """Everything the catalog knows about adapter ID."""
    from library.adapters import get_adapter

    with _open() as catalog, catalog.begin() as session:
        adapter = get_adapter(session, adapter_id)
        record = {
            **_summary(adapter),
            "descriptions": [d.text for d in adapter.descriptions],
            "evaluations": [
                {"benchmark": e.benchmark, "metric": e.metric, "score": e.score, "n": e.num_examples}
                for e in adapter.evaluations
            ],
        }
    if as_json:
        console.print_json(json.dumps(record))
        return
    table = Table(title=f"adapter {adapter_id}", show_header=False)
    for key, value in record.items():
        if key in ("descriptions", "evaluations"):
            value = "\n".join(v if isinstance(v, str) else json.dumps(v) for v in value) or "-"
        table.add_row(key, str(value))
    console.print(table)


@catalog_app.command("reindex")
def catalog_reindex() -> None:
    """Rebuild the description index from the embeddings stored in the database."""
    import time

    with _open() as catalog:
        started = time.perf_counter()
        index = catalog.reindex()
    console.print(f"index rebuilt: {index.ntotal} descriptions ({index.kind}) in {time.perf_counter() - started:.1f} s -> {index.path}")


def search(
    text: str = typer.Argument(..., help="Describe the task."),
    k: int = typer.Option(5, "-k", help="How many adapters."),
    as_json: bool = typer.Option(False, "--json"),
    base_model: Optional[str] = typer.Option(None, "--base-model"),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Only adapters with this tag (repeatable: all)."),
    namespace: Optional[str] = typer.Option(None, "--namespace", "-n"),
    ranking: str = typer.Option("best", "--ranking", help="'best' description or 'pooled' descriptions."),
    method: list[str] = typer.Option([], "--method", help=METHOD_HELP),
) -> None:
    """Find adapters whose descriptions match TEXT."""
    with _open() as catalog:
        hits = catalog.search(text, k=k, base_model=base_model, tags=tag, namespace=namespace, ranking=ranking,  # type: ignore[arg-type]
                              peft_methods=method)
        _warn(catalog)
        records = [hit.to_dict() for hit in hits]
    if as_json:
        console.print_json(json.dumps(records))
        return
    if not records:
        console.print("no adapters match")
        return
    table = Table(title=f"adapters for: {text}")
    for column in ("id", "score", "namespace", "base model", "method", "tags", "matched description"):
        table.add_column(column)
    for r in records:
        table.add_row(str(r["id"]), f"{r['score']:.3f}", r["namespace"], r["base_model"], r["peft_method"],
                      ",".join(r["tags"]), _short(r["matched_description"]))
    console.print(table)


def _summary(adapter: Adapter) -> dict[str, Any]:
    return {
        "id": adapter.id,
        "namespace": adapter.namespace,
        "base_model": adapter.base_model.name,
        "method": adapter.method,
        "peft_method": adapter.peft_method,
        "peft_type": adapter.peft_type,
        "rank": adapter.rank,
        "alpha": adapter.alpha,
        "target_modules": adapter.target_modules,
        "tags": adapter.tag_names,
        "description": adapter.description,
        "checkpoint_id": adapter.checkpoint_id,
        "encoder": adapter.encoder,
        "seed": adapter.seed,
        "status": adapter.status,
        "content_hash": adapter.content_hash,
        "storage_uri": adapter.storage_uri,
        "size_bytes": adapter.size_bytes,
        "created_at": adapter.created_at.isoformat() if adapter.created_at else None,
    }


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(catalog_app, name="catalog")
    app.command("search")(search)
