"""Import a file under scripts/ as a module, so its functions can be tested without running it, or
run its ``main`` in this process as the command line would."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module (its ``main`` is not called)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no scripts/{name}.py"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class ScriptRun:
    """What ``python3 scripts/<name>.py ARGS`` would have given: exit status and both outputs."""

    returncode: int
    stdout: str
    stderr: str


def run_script(name: str, *args: str) -> ScriptRun:
    """``scripts/<name>.py ARGS`` run from the repository root, in this process: a subprocess would
    import torch and the model stacks again (about 10 s a run on 2 cores). ``SystemExit`` becomes the
    exit status as Python reports it (a message goes to stderr with status 1); any other exception
    propagates, failing the test as a traceback would."""
    module = load_script(name)
    out, err = io.StringIO(), io.StringIO()
    argv, sys.argv = sys.argv, [str(SCRIPTS / f"{name}.py"), *args]
    code = 0
    try:
        with contextlib.chdir(SCRIPTS.parent), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                module.main()
            except SystemExit as exc:
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
    finally:
        sys.argv = argv
    return ScriptRun(code, out.getvalue(), err.getvalue())
