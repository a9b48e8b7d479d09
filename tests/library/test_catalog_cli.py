"""The commands, run in-process through the real entry point (``t2l.cli.main``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from hypernet.peft_format import save_peft_adapter
from cli_helpers import run_t2l as _t2l

BASE = "smollm2-135m-instruct"


@pytest.fixture
def cli(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # rich tables: keep rows on one line
    return lambda *args: _t2l(capsys, monkeypatch, *args)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_add_list_show_search_export(cli, settings, smol_shapes, adapter_factory, tmp_path: Path):
    from library.adapters import add_evaluation, ensure_base_model
    from library.catalog import open_catalog

    with open_catalog(settings) as catalog, catalog.begin() as session:
        ensure_base_model(session, BASE, smol_shapes)  # as if an earlier import had loaded the model
    code, out, err = cli("db", "current")
    assert code == 0 and "up to date" in out
    trivia = save_peft_adapter(adapter_factory(1), tmp_path / "trivia")
    french = save_peft_adapter(adapter_factory(2), tmp_path / "french")
    assert cli("catalog", "add", str(trivia), "-d", "Answer trivia questions.", "--tag", "qa")[0] == 0
    code, out, err = cli("catalog", "add", str(french), "-d", "Translate English to French.", "-d",
                         "Render English text in French.", "--namespace", "lang", "--tag", "translation")
    assert code == 0 and "added adapter 2" in out, err
    code, out, _ = cli("catalog", "add", str(french), "-d", "Translate English to French.", "--namespace", "lang")
    assert code == 0 and "already in the catalog as adapter 2" in out

    code, out, _ = cli("catalog", "list", "--json")
    listed = json.loads(out)
    assert [a["id"] for a in listed] == [1, 2] and listed[1]["tags"] == ["translation"]
    with open_catalog(settings) as catalog, catalog.begin() as session:
        add_evaluation(session, 2, "held-out translation", "exact", 0.75, num_examples=32)
    code, out, _ = cli("catalog", "show", "2", "--json")
    shown = json.loads(out)
    assert shown["descriptions"] == ["Translate English to French.", "Render English text in French."]
    assert shown["method"] == "import" and shown["base_model"] == BASE
    assert shown["evaluations"] == [{"benchmark": "held-out translation", "metric": "exact", "score": 0.75, "n": 32}]

    code, out, _ = cli("search", "put this sentence into French", "-k", "2", "--json")
    hits = json.loads(out)
    assert code == 0 and [h["id"] for h in hits] == [2, 1] and hits[0]["score"] > hits[1]["score"]
    code, out, _ = cli("search", "put this sentence into French", "--tag", "qa", "--json")
    assert [h["id"] for h in json.loads(out)] == [1]
    code, out, _ = cli("search", "put this sentence into French", "--namespace", "nowhere")
    assert code == 0 and "no adapters match" in out

    code, out, _ = cli("catalog", "export", "2", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "adapter_model.safetensors").read_bytes() == (
        french / "adapter_model.safetensors").read_bytes()
    code, out, _ = cli("catalog", "reindex")
    assert code == 0 and "3 descriptions (flat)" in out


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_methods_on_the_command_line(cli, settings, tmp_path: Path):
    from method_helpers import make_method_adapter, tiny_llama

    from hypernet.peft_format import module_shapes
    from library.adapters import ensure_base_model
    from library.catalog import open_catalog

    tiny = tiny_llama()
    with open_catalog(settings) as catalog, catalog.begin() as session:
        ensure_base_model(session, "tiny-llama", module_shapes(tiny))
    for i, method in enumerate(("lora", "dora", "prompt-tuning", "bottleneck")):
        directory, _ = make_method_adapter(tiny, method, tmp_path / method, seed=i)
        code, out, err = cli("catalog", "add", str(directory), "-d", f"Translate English to French ({method}).",
                             "--base-model", "tiny-llama")
        assert code == 0 and f"added adapter {i + 1} ({method}," in out, err
    code, out, err = cli("catalog", "add", str(tmp_path / "dora"), "-d", "x", "--base-model", "tiny-llama",
                         "--method", "qlora")
    assert code == 2 and "declared as a qlora adapter, but its files hold a dora adapter" in err
    code, out, _ = cli("search", "put this into French", "--method", "dora", "--method", "bottleneck", "--json")
    assert code == 0 and sorted(h["peft_method"] for h in json.loads(out)) == ["bottleneck", "dora"]
    code, out, _ = cli("catalog", "list", "--method", "prompt-tuning", "--json")
    assert [(a["id"], a["peft_type"]) for a in json.loads(out)] == [(3, "PROMPT_TUNING")]
    code, out, err = cli("search", "put this into French", "--method", "adalora")
    assert code == 2 and "unknown adapter method 'adalora'" in err
    code, out, _ = cli("catalog", "export", "4", str(tmp_path / "out"))
    assert code == 0 and json.loads((tmp_path / "out" / "adapter_config.json").read_text())["adapter_type"] == "bottleneck"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_errors_are_one_line_and_exit_2(cli, settings, adapter_factory, smol_shapes, tmp_path: Path, monkeypatch):
    from library.catalog import open_catalog
    from library.adapters import ensure_base_model

    with open_catalog(settings) as catalog, catalog.begin() as session:
        ensure_base_model(session, BASE, smol_shapes)
    foreign = save_peft_adapter(adapter_factory(3, hidden=64, kv=32), tmp_path / "foreign")
    cases = [
        (("catalog", "show", "77"), "no adapter with id 77"),
        (("catalog", "export", "77", str(tmp_path / "x")), "no adapter with id 77"),
        (("catalog", "add", str(foreign), "-d", "x"), "another base model"),
        (("catalog", "add", str(tmp_path), "-d", "x"), "not an adapter directory"),
    ]
    for args, message in cases:
        code, out, err = cli(*args)
        assert code == 2 and message in err and "Traceback" not in err, (args, err)
        assert err.count("error:") == 1
    monkeypatch.setenv("T2L_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/t2l")
    code, _, err = cli("catalog", "list")
    assert code == 2 and "cannot reach the catalog database" in err


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_unmigrated_database_is_refused_until_upgrade(cli, db_url, monkeypatch):
    monkeypatch.setenv("T2L_DATABASE_URL", db_url)
    code, _, err = cli("search", "anything")
    assert code == 2 and "run `t2l db upgrade`" in err
    code, out, _ = cli("db", "upgrade")
    assert code == 0 and "empty -> 0003" in out
    code, out, _ = cli("catalog", "list", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli("db", "downgrade", "base")
    assert code == 0 and "-> base" in out


def test_db_upgrade_works_from_any_directory(tmp_path: Path):
    """A real process, started outside the repository: migrations are found through the package."""
    import os
    import subprocess

    env = {**os.environ, "T2L_HOME": str(tmp_path / "home"), "T2L_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "t2l", *args], cwd=tmp_path, env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    result = run("db", "upgrade")
    assert result.returncode == 0 and "empty -> 0003" in result.stdout, result.stderr
    result = run("catalog", "show", "1")
    assert result.returncode == 2 and "no adapter with id 1" in result.stderr and "Traceback" not in result.stderr
