"""Tasks for training and testing the hypernetwork: a built-in suite generated in code from data
packages (no network), and loaders for users' task files (JSONL, Super-NaturalInstructions JSON).

    from hypernet.tasks import builtin_suite, load_task_file
    suite = builtin_suite(seed=0)
    task = suite.get("string.reverse_words")
"""

from hypernet.tasks.builtin import builtin_suite
from hypernet.tasks.errors import TaskFileError, UnknownTaskError
from hypernet.tasks.files import load_task_file, load_task_suite, write_task_file
from hypernet.tasks.metrics import METRICS, score
from hypernet.tasks.types import Example, Task, TaskSuite

__all__ = [
    "METRICS",
    "Example",
    "Task",
    "TaskFileError",
    "TaskSuite",
    "UnknownTaskError",
    "builtin_suite",
    "load_task_file",
    "load_task_suite",
    "score",
    "write_task_file",
]
