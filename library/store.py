"""Content-addressed adapter store: ``<root>/<h[:2]>/<h[2:4]>/<sha256>.safetensors``.

The blob is the adapter's ``adapter_model.safetensors`` alone; its ``adapter_config.json`` lives in
the catalog row (``adapters.peft_config``). Why: the config carries per-adapter metadata (the
description, seed, ...), so storing it in the blob would make equal weights look like different
content; keeping weights alone makes "the same content stored once" hold, and the config is small
JSON the database keeps anyway. ``library.catalog.export_adapter`` writes both as a PEFT directory.

The root is a local directory by default, any fsspec URL by configuration (``T2L_STORAGE_URL``).
Writes are atomic: locally a temporary file in the same directory is renamed into place; on
object stores one ``pipe`` is one object PUT, which is never visible half-written. Reads check the
sha256, so a truncated or damaged file is reported, never returned.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass

import fsspec
from fsspec.implementations.local import LocalFileSystem

from library.errors import BlobIntegrityError

SUFFIX = ".safetensors"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class StoredBlob:
    """Where one blob lives: its sha256 (hex), URI and size in bytes."""

    sha256: str
    uri: str
    size: int


class AdapterStore:
    """Put and get adapter blobs by sha256. ``url`` is a directory path or an fsspec URL."""

    def __init__(self, url: str, *, fsync: bool = True) -> None:
        self.url = url
        self.fs, root = fsspec.core.url_to_fs(url)
        self.root = root.rstrip("/")
        self.local = isinstance(self.fs, LocalFileSystem)
        # fsync before rename: after a crash the file is either whole or absent, not empty.
        self.fsync = fsync

    def path(self, sha256: str) -> str:
        return f"{self.root}/{sha256[:2]}/{sha256[2:4]}/{sha256}{SUFFIX}"

    def uri(self, sha256: str) -> str:
        path = self.path(sha256)
        return f"file://{path}" if self.local else self.fs.unstrip_protocol(path)

    def put(self, data: bytes) -> StoredBlob:
        """Store ``data`` once under its sha256 (an existing blob of that hash is kept as is)."""
        digest = sha256_hex(data)
        path = self.path(digest)
        blob = StoredBlob(digest, self.uri(digest), len(data))
        if self._exists_whole(path, len(data)):
            return blob
        if self.local:
            self._put_local(path, data)
        else:
            self.fs.pipe_file(path, data)
        return blob

    def _exists_whole(self, path: str, size: int) -> bool:
        try:
            return self.fs.size(path) == size
        except (FileNotFoundError, OSError):
            return False

    def _put_local(self, path: str, data: bytes) -> None:
        directory = os.path.dirname(path)
        os.makedirs(directory, exist_ok=True)
        temp = os.path.join(directory, f".{uuid.uuid4().hex}.part")
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                if self.fsync:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(temp, path)  # atomic on one filesystem; equal content, so a race is harmless
        except BaseException:
            try:
                os.unlink(temp)
            except FileNotFoundError:
                pass
            raise

    def get(self, sha256: str) -> bytes:
        """The blob's bytes, verified; ``BlobIntegrityError`` if missing, truncated or altered."""
        path = self.path(sha256)
        try:
            data = self.fs.cat_file(path)
        except FileNotFoundError:
            raise BlobIntegrityError(f"adapter file {self.uri(sha256)} is missing from the store") from None
        actual = sha256_hex(data)
        if actual != sha256:
            raise BlobIntegrityError(
                f"adapter file {self.uri(sha256)} is damaged: its sha256 is {actual[:12]}…, expected "
                f"{sha256[:12]}… ({len(data)} bytes; truncated or overwritten)"
            )
        return data

    def exists(self, sha256: str) -> bool:
        return self.fs.exists(self.path(sha256))
