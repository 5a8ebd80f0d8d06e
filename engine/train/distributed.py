"""DistributedDataParallel under torchrun: the environment it sets, and the process group.

``torchrun --nproc_per_node=N netcanvas-cli train ...`` starts N copies of the CLI with
WORLD_SIZE, RANK and LOCAL_RANK set; each copy trains on its shard of the data and only rank 0
writes files. The trainer notices the variables through :func:`from_env`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch


@dataclass(frozen=True)
class DistContext:
    rank: int
    world_size: int
    local_rank: int

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def from_env() -> DistContext | None:
    """The torchrun context when this process is one of several, else None."""
    world = int(os.environ.get("WORLD_SIZE", "1") or 1)
    if world <= 1:
        return None
    return DistContext(
        rank=int(os.environ.get("RANK", "0")),
        world_size=world,
        local_rank=int(os.environ.get("LOCAL_RANK", "0")),
    )


def is_main_process() -> bool:
    """True unless this is a non-zero torchrun rank: only the main process writes files."""
    ctx = from_env()
    return ctx is None or ctx.is_main


def rank_device(ctx: DistContext, requested: torch.device) -> torch.device:
    """Each rank takes the GPU matching its LOCAL_RANK; CPU ranks share the CPU."""
    import torch

    if requested.type == "cuda":
        return torch.device("cuda", ctx.local_rank % max(1, torch.cuda.device_count()))
    return requested


def ensure_process_group(ctx: DistContext, device: torch.device) -> None:
    """Join the process group (nccl on CUDA, gloo otherwise) unless already joined."""
    import torch.distributed as dist

    if dist.is_initialized():
        return
    # DistributedDataParallel imports torch._dynamo, which imports a hundred torch.distributed
    # modules; those imported after the group exists keep it as a default argument, so
    # destroy_process_group could never free it and its gloo and TCPStore threads lived on
    # into interpreter shutdown, where rank 0 now and then died with SIGABRT. Import first.
    import torch._dynamo

    backend = "nccl" if device.type == "cuda" else "gloo"
    if device.type == "cuda":
        torch.cuda.set_device(device)
    dist.init_process_group(backend=backend, rank=ctx.rank, world_size=ctx.world_size)


def all_reduce_sum(values: torch.Tensor) -> torch.Tensor:
    import torch.distributed as dist

    dist.all_reduce(values, op=dist.ReduceOp.SUM)
    return values


def shutdown() -> None:
    """Leave the process group once every rank has got here (see Trainer.leave_process_group).

    The barrier lets gloo's worker threads finish with the last collective's tensors before the
    group is freed: freeing it joins those threads while holding the GIL, which they may need.
    """
    import torch
    import torch.distributed as dist

    if not dist.is_initialized():
        return
    if dist.get_backend() == "nccl":
        dist.barrier(device_ids=[torch.cuda.current_device()])
    else:
        dist.barrier()
    dist.destroy_process_group()
