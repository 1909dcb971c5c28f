"""Timing shared by the benchmarks."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator


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


@contextlib.contextmanager
def reading_recipe() -> Iterator[None]:
    """The garbage-collector recipe for reading large maps and corpora.

    The one ``docs/performance.md`` gives under "Reading big corpora from Python".

    Reading makes many objects and no cyclic garbage, so the cyclic collector is off
    meanwhile; what was read is then frozen out of later collections (it stays).
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
