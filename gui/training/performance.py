"""What keeps the window responsive while a run trains on the same CPU (measured, see each)."""

from __future__ import annotations

import gc
import os
import sys
import threading

# While a run trains, the interpreter hands the GIL between threads every 0.5 ms instead of
# Python's default 5 ms. The training loop releases the GIL in every torch op and must win it
# back after each; with the default, a GUI thread busy painting made it wait up to 5 ms each
# time, which cost 25-45 % of the throughput in bench/bench_gui_training.py (0.5 ms: 0-3 %).
TRAINING_SWITCH_INTERVAL_S = 0.0005
_switch_users = 0
_switch_saved = 0.005
_switch_lock = threading.Lock()


def fast_gil_handoff(on: bool) -> None:
    """Shorten the GIL switch interval while at least one run trains; restore it after."""
    global _switch_users, _switch_saved
    with _switch_lock:
        if on:
            if _switch_users == 0:
                _switch_saved = sys.getswitchinterval()
                sys.setswitchinterval(min(_switch_saved, TRAINING_SWITCH_INTERVAL_S))
            _switch_users += 1
        elif _switch_users > 0:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_saved)


# How much nicer (lower priority) the training thread is than the GUI thread. When both want
# the CPU, the GUI thread then wakes first, so painting and input are served within a few
# milliseconds; when the GUI is idle (most of the time) training gets the whole core anyway.
TRAINING_NICENESS = int(os.environ.get("NETCANVAS_TRAINING_NICENESS", "3"))


def lower_thread_priority() -> None:
    """Make the calling (training) thread a little nicer; Linux applies nice per thread."""
    if TRAINING_NICENESS <= 0 or not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(
            os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + TRAINING_NICENESS
        )
    except (OSError, AttributeError):  # not permitted or not supported: keep the default
        pass


_warmed = False


def warm_training_stack() -> None:
    """Import what a first training step imports, on the calling (background) thread.

    Creating any torch optimiser imports torch._dynamo and sympy (~800 modules, 3-8 s here).
    Done inside the first run, that import held the interpreter long enough to stall the window
    for up to 0.9 s while its plots should be live; the torch and data loaders call this once
    instead, while the user is already waiting.

    It then freezes the collector's view of the heap. torch, torch._dynamo and sympy leave
    ~450 000 long-lived objects, and every full collection walked them all, holding the GIL for
    0.1-0.35 s: the window froze that long whenever one fell due, during training too.
    ``gc.freeze()`` moves them to the permanent generation, so later collections only walk what
    was made since (they then take milliseconds). The price is bounded and paid once: the few
    thousand garbage objects the imports left (a collection found ~8 700), and any reference
    cycle among the objects alive now (the start-up window), are never collected; collecting
    first would be one more 0.35 s freeze of the window.
    """
    global _warmed
    if _warmed:
        return
    import torch

    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    gc.freeze()
    _warmed = True
