"""Request batching for the service: concurrent ``generate`` calls share one mixed-adapter batch.

Each HTTP request runs in its own thread; alone, each would run the base model on a batch of one.
``GenerationBatcher.generate`` queues the request and waits; one worker thread takes what is
queued (up to ``max_batch``, waiting at most ``max_wait_s`` for more after the first) and serves
it with one ``Dispatcher.generate_batch`` call: every request keeps its own adapter, and the whole
group costs one forward pass per step. Requests are checked before queueing, so a bad one fails
alone; if a batch still fails, its requests are retried one by one so only the culprit errors.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from library.dispatch import check_inputs, check_threshold

if TYPE_CHECKING:
    from library.dispatch import Dispatcher
    from library.provenance import Generation


@dataclass
class _Pending:
    request: tuple[str, str]
    options: dict[str, Any]
    future: Future = field(default_factory=Future)

    @property
    def group(self) -> Hashable:
        return tuple(sorted(self.options.items()))


class GenerationBatcher:
    """Groups concurrent generation requests into mixed-adapter batches (see the module doc)."""

    def __init__(self, dispatcher: Dispatcher, *, max_batch: int = 32, max_wait_s: float = 0.01) -> None:
        self.dispatcher = dispatcher
        self.max_batch = max(1, min(max_batch, dispatcher.num_slots))
        self.max_wait_s = max_wait_s
        self.batches = 0  # batches served (for stats and tests)
        self._queue: queue.Queue[_Pending | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="t2l-generation-batcher", daemon=True)
        self._thread.start()

    def generate(
        self, description: str, input: str, *, max_new_tokens: int = 64,
        threshold: float | None = None, store: bool | None = None,
    ) -> Generation:
        """Like ``Dispatcher.generate``, served in a batch with whatever else is queued."""
        from hypernet.generate import validate_descriptions

        validate_descriptions([description], self.dispatcher.encoder)
        check_inputs([input])
        if threshold is not None:
            check_threshold(threshold)
        pending = _Pending((description, input), {"max_new_tokens": max_new_tokens, "threshold": threshold,
                                                  "store": store})
        self._queue.put(pending)
        return pending.future.result()

    def close(self) -> None:
        """Stop the worker after what is queued."""
        self._queue.put(None)
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            taken, stop = [first], False
            deadline = time.monotonic() + self.max_wait_s
            while len(taken) < self.max_batch:
                try:
                    item = self._queue.get(timeout=max(deadline - time.monotonic(), 0))
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                taken.append(item)
            groups: dict[Hashable, list[_Pending]] = {}
            for item in taken:  # one batch per set of generation options
                groups.setdefault(item.group, []).append(item)
            for items in groups.values():
                self._serve(items)
            if stop:
                return

    def _serve(self, items: list[_Pending]) -> None:
        try:
            results = self.dispatcher.generate_batch([i.request for i in items], **items[0].options)
            self.batches += 1
        except Exception as exc:  # noqa: BLE001 - handed to the waiting callers
            if len(items) == 1:
                items[0].future.set_exception(exc)
                return
            for item in items:  # find the culprit: the others still get their answers
                self._serve([item])
            return
        for item, result in zip(items, results):
            item.future.set_result(result)
