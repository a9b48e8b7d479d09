"""Write a directory of small files all at once: readers see the old directory or the new one, never
a half-written mix (adapter directories, hypernetwork checkpoints)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_directory(directory: str | Path, files: Mapping[str, bytes], *, shared: bool = False) -> Path:
    """Write ``files`` (name -> bytes) as ``directory``: into a staging directory beside it, then
    renamed into place; an existing ``directory`` is replaced only once the new one is complete.
    ``shared``: the directory gets the umask's permissions (``mkdtemp`` makes it owner-only)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        if shared:
            staging.chmod(0o777 & ~_umask())
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if directory.exists():
            old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
            os.replace(directory, old)
            os.replace(staging, directory)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return directory


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
