"""t2l: the application shell (settings, errors, command line) around hypernet/, library/, workers/."""

__version__ = "0.1.0"
