"""Pausing the cyclic garbage collector around work that allocates much and frees little."""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_LOCK = threading.Lock()
#: How many pauses are running (nested calls, other threads), and the collector's state
#: before the first of them.
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is turned into objects.

    Parsing allocates hundreds of thousands of objects and no cyclic garbage; each
    automatic collection rescans every object made so far, which makes reading a large
    map quadratic (10,000 nodes: 3 s instead of 0.4 s). Reference counting still frees
    memory meanwhile.

    Pauses nest, in one thread or several: the first one remembers whether the collector
    was enabled, the last one to end restores that, on every path (exceptions included).
    The objects made meanwhile then join the oldest generation without being scanned
    (:func:`gc.freeze` and :func:`gc.unfreeze`), so that the pause leaves no debt behind
    for whatever the caller does next: scanning them as young objects would take a sixth
    of reading a large corpus and find nothing to free, since reading makes no cycles.
    They are scanned with the rest of a long-lived heap, when Python next collects it
    all. The caller's own young objects are collected as the pause begins (they are
    few), so that its cyclic garbage is not moved on with them. Where the caller has
    frozen objects of its own (a server before it forks), those stay frozen and the new
    objects are collected once as the young generation instead.
    """
    global _depth, _was_enabled
    with _LOCK:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            if _was_enabled:
                # The caller's young objects (a few thousand at most) are collected now,
                # so that only what the pause makes is moved on unscanned at its end.
                gc.collect(1)
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            restore = _depth == 0 and _was_enabled
            if restore:
                gc.enable()
        if restore:
            _promote_young()


def _promote_young() -> None:
    """Move every young object to the oldest generation, unscanned (see :func:`paused_gc`)."""
    if gc.get_freeze_count():
        gc.collect(0)
    else:
        gc.freeze()
        gc.unfreeze()


def without_gc(func: Callable[P, R]) -> Callable[P, R]:
    """Run the decorated function with the cyclic garbage collector paused."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused_gc():
            return func(*args, **kwargs)

    return wrapper
