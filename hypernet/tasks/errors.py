"""Errors about task files and task ids; ``T2LError`` subclasses, so the CLI prints one clear line."""

from __future__ import annotations

from t2l.errors import T2LError


class TaskFileError(T2LError):
    """A task file could not be imported. The message names the file and the line (JSONL) or the
    field path (JSON) at fault; nothing from that file was imported."""


class UnknownTaskError(T2LError, KeyError):
    """No task has this id (also a ``KeyError``, as a lookup by key that failed)."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else ""
