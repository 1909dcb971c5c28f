"""The pandoc the tests compare argmap with: pandoc 3 of the ``pypandoc-binary`` wheel.

One pandoc for every test and for the bibliography scorer, whatever ``pandoc`` is on
PATH (Debian's is 2.17, years behind the citeproc that pandoc 3 carries). The wheel is a
development dependency (``make install``); where it is missing, :func:`pandoc_path` is
None and the tests marked ``pandoc`` are skipped with :data:`MISSING` as the reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: Why the tests marked ``pandoc`` are skipped where :func:`pandoc_path` is None.
MISSING = "the pypandoc-binary wheel (pandoc 3) is not installed: make install"


@cache
def pandoc_path() -> str | None:
    """The pandoc binary the ``pypandoc-binary`` wheel ships; None where it is not installed."""
    try:
        import pypandoc  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    path = Path(pypandoc.__file__).parent / "files" / "pandoc"
    return str(path) if path.is_file() else None


def require_pandoc() -> str:
    """The wheel's pandoc, for a test marked ``pandoc`` (which is skipped without it)."""
    path = pandoc_path()
    assert path is not None, MISSING
    return path
