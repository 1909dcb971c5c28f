"""Timing shared by the benchmarks."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(func: Callable[[], object], repeat: int) -> float:
    """The shortest wall time of ``repeat`` runs of ``func``, in seconds.

    Each run starts after a full collection, so that no run pays for another's garbage;
    the best is taken because on a shared machine noise only ever adds time.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)
