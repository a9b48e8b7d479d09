"""Run the ``t2l`` command in this process, as a user would call it, and capture what it prints."""

from __future__ import annotations

import sys

import pytest


def run_t2l(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``t2l ARGS``; settings are re-read from the environment."""
    from t2l.cli import main
    from t2l.settings import get_settings

    get_settings.cache_clear()
    monkeypatch.setattr(sys, "argv", ["t2l", *args])
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
