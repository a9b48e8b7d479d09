"""Data-parallel training over the processes ``torchrun`` starts, one per GPU.

Every process draws the same global batch from the same seeded generator and trains on its own
slice of it; ``DistributedDataParallel`` averages the gradients, so N processes take the step one
process would take on the whole batch. Decisions made by the clock (a time-budgeted schedule,
``--max-minutes``) follow process 0's clock, so every process stops at the same step. Outside
``torchrun`` (``WORLD_SIZE`` unset or 1) nothing here does anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

import torch
import torch.distributed as dist

from t2l.errors import SettingError

T = TypeVar("T")


@dataclass(frozen=True)
class Group:
    """This process's place among the training processes."""

    rank: int = 0
    world_size: int = 1
    device: str | None = None  # this process's device (cuda:LOCAL_RANK under torchrun on CUDA)

    @property
    def active(self) -> bool:
        return self.world_size > 1

    @property
    def is_main(self) -> bool:
        """The process that writes checkpoints, curves and progress."""
        return self.rank == 0


SINGLE = Group()


def join_from_env(device: str | None = None) -> Group:
    """Join the process group ``torchrun`` describes in the environment (NCCL on CUDA, else gloo);
    a single process when it describes none. ``device``: where to train when alone; under torchrun
    each process takes the GPU of its ``LOCAL_RANK`` (or the CPU when ``device`` says so)."""
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    if world_size <= 1:
        return Group(device=device)
    rank, local_rank = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", os.environ["RANK"]))
    on_cuda = torch.cuda.is_available() and not (device or "").startswith("cpu")
    if on_cuda:
        if local_rank >= torch.cuda.device_count():
            raise SettingError(f"process {rank} has LOCAL_RANK {local_rank}, but only {torch.cuda.device_count()} "
                               "GPUs are visible: start no more processes per node than GPUs")
        torch.cuda.set_device(local_rank)
        device = f"cuda:{local_rank}"
    else:
        device = "cpu"
    if not dist.is_initialized():
        dist.init_process_group("nccl" if on_cuda else "gloo")
    return Group(rank=rank, world_size=world_size, device=device)


def leave(group: Group) -> None:
    """Leave the process group (at the end of a run)."""
    if group.active and dist.is_initialized():
        dist.destroy_process_group()


@contextmanager
def joined(device: str | None = None) -> Iterator[Group]:
    """``join_from_env`` for the length of a run. On a clean end every process waits for the others
    before the group is torn down: a gloo process that tears down while a peer is still in its last
    collective can abort (SIGABRT; seen once in CI). After an error it is torn down at once, since
    the other processes may never arrive."""
    group = join_from_env(device)
    try:
        yield group
    except BaseException:
        leave(group)
        raise
    wait_for_all(group)
    leave(group)


def check_batch(group: Group, size: int) -> None:
    """A clear error, before any work, for a global batch the processes cannot share evenly."""
    if size % group.world_size:
        raise SettingError(f"a batch of {size} does not split evenly over {group.world_size} processes: "
                           f"make the batch a multiple of {group.world_size}")


def my_share(group: Group, batch: Sequence[T]) -> list[T]:
    """This process's slice of a global batch (every process holds the same one)."""
    check_batch(group, len(batch))
    return list(batch[group.rank::group.world_size])


def from_main(group: Group, values: Sequence[float], device: torch.device | str) -> list[float]:
    """Process 0's ``values`` on every process (e.g. its clock, so that all stop at one step)."""
    if not group.active:
        return list(values)
    shared = torch.tensor(list(values), dtype=torch.float64, device=device)
    dist.broadcast(shared, 0)
    return shared.tolist()


def mean_over_processes(group: Group, value: torch.Tensor) -> torch.Tensor:
    """The mean of a (detached) tensor over the processes, e.g. the loss of the whole global batch."""
    if not group.active:
        return value.detach()
    total = value.detach().clone()
    dist.all_reduce(total)
    return total / group.world_size


def wait_for_all(group: Group) -> None:
    """Until every process gets here (e.g. once process 0 has written the checkpoint)."""
    if group.active:
        dist.barrier()
