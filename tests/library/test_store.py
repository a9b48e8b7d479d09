from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from library.errors import BlobIntegrityError
from library.store import AdapterStore


def test_put_get_roundtrip_is_content_addressed(tmp_path: Path):
    store = AdapterStore(str(tmp_path / "store"))
    blob = store.put(b"weights-1")
    assert blob.sha256 == hashlib.sha256(b"weights-1").hexdigest() and blob.size == 9
    assert blob.uri.startswith("file://") and blob.uri.endswith(f"{blob.sha256}.safetensors")
    assert store.get(blob.sha256) == b"weights-1"
    again = store.put(b"weights-1")  # the same content is stored once
    assert again == blob
    files = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
    assert files == [Path(store.path(blob.sha256))]


def test_truncated_or_overwritten_blob_is_refused(tmp_path: Path):
    store = AdapterStore(str(tmp_path))
    blob = store.put(b"x" * 1000)
    path = Path(store.path(blob.sha256))
    path.write_bytes(b"x" * 500)
    with pytest.raises(BlobIntegrityError, match="damaged.*500 bytes"):
        store.get(blob.sha256)
    # a damaged file of the wrong size is replaced by the next put of that content
    store.put(b"x" * 1000)
    assert store.get(blob.sha256) == b"x" * 1000
    path.unlink()
    with pytest.raises(BlobIntegrityError, match="missing"):
        store.get(blob.sha256)


def test_failed_write_leaves_no_visible_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = AdapterStore(str(tmp_path))

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        store.put(b"half-written")
    assert not store.exists(hashlib.sha256(b"half-written").hexdigest())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no temporary file either


def test_any_fsspec_url(tmp_path: Path):
    store = AdapterStore("memory://t2l-test-store")
    blob = store.put(b"in memory")
    assert blob.uri.startswith("memory://") and store.get(blob.sha256) == b"in memory"
    store.fs.pipe_file(store.path(blob.sha256), b"in memorY")
    with pytest.raises(BlobIntegrityError):
        store.get(blob.sha256)
