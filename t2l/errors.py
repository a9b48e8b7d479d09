"""Errors the platform reports to users: each carries a message that says what to do."""


class T2LError(Exception):
    """Base of every error that the CLI prints as a clear one-line message (no traceback)."""


class ModelLoadError(T2LError):
    """A base model or encoder could not be found, read or converted."""


class SettingError(T2LError, ValueError):
    """A setting or input the user gave cannot be used (the message says which and why)."""
