"""The file formats argmap converts between, as their modules declare them.

Each format module declares its formats once (``FORMATS``, see
:class:`~argmap.formats._format.FileFormat`); this module only knows which modules those
are, and imports them on first use, not at ``import argmap``:

>>> for fmt in _declared().values():
...     print(f"{fmt.name:13} {' '.join(fmt.suffixes):19} {fmt.readable:d} {fmt.writable:d}")
yaml          .yaml .yml          1 1
json          .json               1 1
aif           .aif.json .aif      1 1
argdown       .argdown .ad        1 1
argdown-json  .argdown.json       1 0
graphml       .graphml            1 1
gexf          .gexf               1 1

Reading Argdown source runs the Argdown parser (``@argdown/cli``). A plain ``.json``
file is looked into when no format is given: an object with ``statements`` and
``arguments`` is Argdown JSON, one with ``nodes`` and ``edges`` (or an ``AIF`` wrapper) is
AIF, anything else an argmap map.
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from argmap.errors import FormatError, Issue, Location
from argmap.formats._format import FileFormat

if TYPE_CHECKING:
    from collections.abc import Mapping

    from argmap.model import ArgumentMap

    #: Every format by name (read-only), in the order of :data:`_MODULES`.
    MAP_FORMATS: Mapping[str, FileFormat]
    #: The names of the formats argmap reads.
    READABLE: tuple[str, ...]
    #: The names of the formats argmap writes.
    WRITABLE: tuple[str, ...]

__all__ = [
    "MAP_FORMATS",
    "READABLE",
    "WRITABLE",
    "FileFormat",
    "directory_plan",
    "dump_as",
    "format_of",
    "import_as",
]

#: The modules that declare formats, in the order formats are listed.
_MODULES = (
    "argmap.formats.mapfile",
    "argmap.formats.aif",
    "argmap.formats.argdown",
    "argmap.formats.graphml",
)


@functools.cache
def _declared() -> dict[str, FileFormat]:
    formats: dict[str, FileFormat] = {}
    for module in _MODULES:
        for fmt in importlib.import_module(module).FORMATS:
            formats[fmt.name] = fmt
    return formats


def __getattr__(name: str) -> Any:
    # MAP_FORMATS (every format by name), READABLE and WRITABLE (the names of the formats
    # argmap reads and writes) import the format modules, so they are made on first use.
    if name == "MAP_FORMATS":
        return MappingProxyType(_declared())
    if name == "READABLE":
        return _readable()
    if name == "WRITABLE":
        return _writable()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _readable() -> tuple[str, ...]:
    return tuple(n for n, f in _declared().items() if f.readable)


def _writable() -> tuple[str, ...]:
    return tuple(n for n, f in _declared().items() if f.writable)


def _suffix_format(path: str | os.PathLike[str]) -> str | None:
    name = Path(path).name.lower()
    best: tuple[int, str] | None = None
    for fmt in _declared().values():
        for suffix in fmt.suffixes:
            longer = best is None or len(suffix) > best[0]
            if name.endswith(suffix) and len(name) > len(suffix) and longer:
                best = (len(suffix), fmt.name)
    return best[1] if best else None


def _refusal(path: str | os.PathLike[str], code: str, message: str) -> FormatError:
    """The error for a file that cannot be converted at all, located at the file."""
    name = os.fspath(path)
    return FormatError([Issue("error", message, code=code, location=Location(name))], source=name)


def format_of(path: str | os.PathLike[str], *, text: str | None = None) -> str:
    """The format a file name implies; for a plain ``.json`` input, what its content says.

    Raises:
        FormatError: the suffix is not one argmap knows.

    >>> format_of("maps/a.yaml"), format_of("x.aif.json"), format_of("g.graphml")
    ('yaml', 'aif', 'graphml')
    >>> format_of("d.json", text='{"statements": {}, "arguments": {}}')
    'argdown-json'
    """
    found = _suffix_format(path)
    if found is None:
        known = ", ".join(s for f in _declared().values() for s in f.suffixes)
        raise _refusal(
            path,
            "unknown-format",
            f"cannot tell the format from the file name; use a known suffix ({known}) "
            f"or name the format ({', '.join(_declared())})",
        )
    if found == "json" and text is not None:
        return _sniff_json(text)
    return found


def _sniff_json(text: str) -> str:
    from argmap.formats._syntax import MapSyntaxError, load_json

    try:
        data = load_json(text, "<sniffed>")
    except MapSyntaxError:
        return "json"
    if not isinstance(data, dict):
        return "json"
    if "argmap" in data:
        return "json"
    if "statements" in data and "arguments" in data:
        return "argdown-json"
    if "AIF" in data or ("nodes" in data and ("edges" in data or "locutions" in data)):
        return "aif"
    return "json"


def import_as(
    text: str, fmt: str, *, filename: str = "<string>"
) -> tuple[ArgumentMap, list[Issue]]:
    """Read text of a named format into a map; return it with the warnings found.

    Raises:
        FormatError: the text cannot be read as that format.
        MapError: an argmap map file is invalid.
        ValueError: ``fmt`` is not a readable format.
    """
    declared = _declared().get(fmt)
    if declared is None or declared.parse is None:
        readable = ", ".join(_readable())
        raise ValueError(f"cannot read format {fmt!r}; readable formats: {readable}")
    found: list[Issue] = []
    return declared.parse(text, filename=filename, warnings=found), found


def dump_as(amap: ArgumentMap, fmt: str) -> str:
    """The map as text of a named format.

    Raises:
        ValueError: ``fmt`` is not a writable format.
    """
    declared = _declared().get(fmt)
    if declared is None or declared.dump is None:
        writable = ", ".join(_writable())
        raise ValueError(f"cannot write format {fmt!r}; writable formats: {writable}")
    return declared.dump(amap)


def _check_name(fmt: str | None, allowed: tuple[str, ...], what: str) -> None:
    if fmt is not None and fmt not in allowed:
        raise ValueError(f"unknown {what} format {fmt!r}; expected one of: {', '.join(allowed)}")


def directory_plan(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    from_format: str | None = None,
    to_format: str = "yaml",
) -> list[tuple[Path, Path]]:
    """The (input, output) pairs that converting a folder makes, sorted by input path.

    Inputs are the files under ``source`` (sub-folders included, hidden files left out)
    whose suffix belongs to ``from_format`` (plain ``.json`` counts for ``aif`` and
    ``argdown-json``, whose corpora often use it), or to any readable format when none is
    named. Each output keeps its relative path, with the input suffix replaced by the
    first suffix of ``to_format`` (when two inputs would share an output, the later one
    keeps its whole name: ``a.json`` becomes ``a.json.yaml`` beside ``a.yaml``).

    Raises:
        ValueError: a named format is unknown.
    """
    _check_name(from_format, _readable(), "input")
    _check_name(to_format, _writable(), "output")
    root, out_root = Path(source), Path(target)
    formats = _declared()
    if from_format is None:
        suffixes = tuple(s for f in formats.values() if f.readable for s in f.suffixes)
    else:
        suffixes = (*formats[from_format].suffixes, *formats[from_format].found_as)
    out_suffix = formats[to_format].suffixes[0]
    pairs = []
    used: set[Path] = set()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        name = path.name.lower()
        matched = [s for s in suffixes if name.endswith(s) and len(name) > len(s)]
        if not matched:
            continue
        stem = path.name[: -len(max(matched, key=len))]
        output = out_root / relative.parent / (stem + out_suffix)
        if output in used:
            # a.yaml and a.json both exist: keep both, the second as a.json.yaml
            output = out_root / relative.parent / (path.name + out_suffix)
        used.add(output)
        pairs.append((path, output))
    return pairs
