"""Old spellings of public names kept working, with a warning that names the new one."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def renamed_keyword(old: str, new: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Accept the keyword ``old`` as ``new``, with a :class:`DeprecationWarning`.

    >>> @renamed_keyword("format", "fmt")
    ... def dump(*, fmt: str = "yaml") -> str:
    ...     return fmt
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     dump(format="json"), str(caught[0].message)
    ('json', 'dump(format=...) is deprecated; use fmt=...')
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(f"{func.__name__}() got both {old}= and {new}=")
                warnings.warn(
                    f"{func.__name__}({old}=...) is deprecated; use {new}=...",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return wrapper

    return decorate


def deprecated_reader(old: str, new: Callable[..., R]) -> Callable[..., tuple[R, list[Any]]]:
    """An old ``import_*`` reader that returned ``(map, warnings)``, kept over ``new``.

    ``new`` is the ``parse_*`` that replaces it: it takes ``warnings=`` (a list it appends
    the warnings to) and returns the map. Calling the old name warns
    (:class:`DeprecationWarning`) and gives what it always gave.

    >>> def parse_x(text, *, filename="<string>", warnings=None):
    ...     warnings.append(f"{filename}: odd") if warnings is not None else None
    ...     return text.upper()
    >>> import_x = deprecated_reader("import_x", parse_x)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     import_x("m", filename="f"), str(caught[0].message)
    (('M', ['f: odd']), 'import_x() is deprecated; use parse_x(text, warnings=[...])')
    """
    name = getattr(new, "__name__", "parse")

    def reader(*args: Any, **kwargs: Any) -> tuple[R, list[Any]]:
        warnings.warn(
            f"{old}() is deprecated; use {name}(text, warnings=[...])",
            DeprecationWarning,
            stacklevel=2,
        )
        found: list[Any] = []
        return new(*args, warnings=found, **kwargs), found

    reader.__name__ = reader.__qualname__ = old
    reader.__doc__ = f"Deprecated: :func:`{name}` with ``warnings=[...]`` gives the warnings."
    return reader
