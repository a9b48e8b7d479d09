"""``t2l dispatch`` end to end on the embedded default catalog: the answer and its adapter, as text
and JSON; a clear one-line error (exit 2) when synthesis is needed and no hypernetwork exists."""

from __future__ import annotations

import json
import sys

import pytest


@pytest.fixture
def home_with_model_cache(model_cache):
    from t2l.settings import get_settings

    home = get_settings().home
    home.mkdir(parents=True, exist_ok=True)
    return home


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from t2l.cli import main

    monkeypatch.setattr(sys, "argv", ["t2l", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    out = capsys.readouterr()
    return int(stopped.value.code or 0), out.out, out.err


def test_dispatch_prints_the_answer_and_the_adapter(home_with_model_cache, monkeypatch, capsys, tmp_path):
    code, out, err = run(monkeypatch, capsys, "dispatch", "Reverse the order of the words.", "--input", "one two",
                         "--input", "red blue", "--json", "--allow-untrained", "--max-new-tokens", "3",
                         "--save", str(tmp_path / "adapter"))
    assert code == 0, err
    body = json.loads(out)
    assert len(body["outputs"]) == 2 and all(isinstance(o, str) for o in body["outputs"])
    assert body["adapter"]["source"] == "generated" and body["adapter"]["checkpoint"].startswith("untrained-")
    assert body["adapter"]["applied"] == "slots"
    assert (tmp_path / "adapter" / "adapter_model.safetensors").is_file()

    code, out, err = run(monkeypatch, capsys, "dispatch", "Reverse the order of the words.")
    assert code == 2 and "no hypernetwork checkpoint is available" in " ".join(err.split())
    code, out, err = run(monkeypatch, capsys, "dispatch", "   ", "--allow-untrained")
    assert code == 2 and "empty" in err
    code, out, err = run(monkeypatch, capsys, "dispatch", "Reverse the words.", "--allow-untrained", "--method", "ia3")
    assert code == 2 and "unknown adapter method 'ia3'" in err
