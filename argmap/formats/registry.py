"""The file formats argmap converts between: names, suffixes, readers and writers.

=============  =====================================  ======  ======
format         suffixes                               read    write
=============  =====================================  ======  ======
yaml           ``.yaml``, ``.yml``                    yes     yes
json           ``.json`` (an argmap map)              yes     yes
aif            ``.aif.json``, ``.aif``                yes     yes
argdown        ``.argdown``, ``.ad``                  yes*    yes
argdown-json   ``.argdown.json``                      yes     no
graphml        ``.graphml``                           yes     yes
gexf           ``.gexf``                              yes     yes
=============  =====================================  ======  ======

\\* reading Argdown source runs the Argdown parser (``@argdown/cli``).

A plain ``.json`` file is looked into when no format is given: an object with
``statements`` and ``arguments`` is Argdown JSON, one with ``nodes`` and ``edges`` (or an
``AIF`` wrapper) is AIF, anything else an argmap map. Readers of other modules are imported
only when their format is used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap._io import read_text, write_atomic
from argmap.checks import check
from argmap.errors import FormatError, Issue, Location
from argmap.model import ArgumentMap

__all__ = [
    "MAP_FORMATS",
    "READABLE",
    "WRITABLE",
    "Format",
    "convert",
    "directory_plan",
    "dump_as",
    "format_of",
    "import_as",
]

Reader = Callable[[str, str], tuple[ArgumentMap, list[Issue]]]
Writer = Callable[[ArgumentMap], str]


@dataclass(frozen=True, slots=True)
class Format:
    """A file format: its name, its suffixes (the first is used for output) and a summary."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    readable: bool = True
    writable: bool = True


MAP_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", (".yaml", ".yml"), "argmap map file, YAML"),
        Format("json", (".json",), "argmap map file, JSON"),
        Format("aif", (".aif.json", ".aif"), "AIF JSON (AIFdb, OVA, xAIF)"),
        Format("argdown", (".argdown", ".ad"), "Argdown source (reading needs @argdown/cli)"),
        Format(
            "argdown-json", (".argdown.json",), "the JSON 'argdown json' writes", writable=False
        ),
        Format("graphml", (".graphml",), "GraphML (Gephi, Cytoscape, yEd)"),
        Format("gexf", (".gexf",), "GEXF 1.2 (Gephi)"),
    )
}
READABLE = tuple(name for name, f in MAP_FORMATS.items() if f.readable)
WRITABLE = tuple(name for name, f in MAP_FORMATS.items() if f.writable)


def _suffix_format(path: str | os.PathLike[str]) -> str | None:
    name = Path(path).name.lower()
    best: tuple[int, str] | None = None
    for fmt in MAP_FORMATS.values():
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
        known = ", ".join(s for f in MAP_FORMATS.values() for s in f.suffixes)
        raise _refusal(
            path,
            "unknown-format",
            f"cannot tell the format from the file name; use a known suffix ({known}) "
            f"or name the format ({', '.join(MAP_FORMATS)})",
        )
    if found == "json" and text is not None:
        return _sniff_json(text)
    return found


def _sniff_json(text: str) -> str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
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


def _warnings(amap: ArgumentMap) -> list[Issue]:
    return [issue for issue in check(amap) if not issue.is_error]


def import_as(
    text: str, fmt: str, *, filename: str = "<string>"
) -> tuple[ArgumentMap, list[Issue]]:
    """Read text of a named format into a map; return it with the warnings found.

    Raises:
        FormatError: the text cannot be read as that format.
        MapError: an argmap map file is invalid.
        ValueError: ``fmt`` is not a readable format.
    """
    found: list[Issue] = []
    if fmt in ("yaml", "json"):
        from argmap.formats.mapfile import parse_map

        amap = parse_map(
            text, filename=filename, fmt="json" if fmt == "json" else "yaml", warnings=found
        )
        return amap, found
    if fmt == "aif":
        from argmap.formats.aif import parse_aif

        return parse_aif(text, filename=filename, warnings=found), found
    if fmt == "argdown":
        from argmap.formats.argdown import parse_argdown

        return parse_argdown(text, filename=filename, warnings=found), found
    if fmt == "argdown-json":
        from argmap.formats.argdown import parse_argdown_json

        return parse_argdown_json(text, filename=filename, warnings=found), found
    if fmt in ("graphml", "gexf"):
        from argmap.formats.graphml import parse_gexf, parse_graphml

        parse = parse_graphml if fmt == "graphml" else parse_gexf
        amap = parse(text, filename=filename)
        return amap, _warnings(amap)
    raise ValueError(f"cannot read format {fmt!r}; readable formats: {', '.join(READABLE)}")


def dump_as(amap: ArgumentMap, fmt: str) -> str:
    """The map as text of a named format.

    Raises:
        ValueError: ``fmt`` is not a writable format.
    """
    if fmt in ("yaml", "json"):
        from argmap.formats.mapfile import dump_map

        return dump_map(amap, fmt="json" if fmt == "json" else "yaml")
    if fmt == "aif":
        from argmap.formats.aif import dump_aif

        return dump_aif(amap)
    if fmt == "argdown":
        from argmap.formats.argdown import dump_argdown

        return dump_argdown(amap)
    if fmt == "graphml":
        from argmap.formats.graphml import dump_graphml

        return dump_graphml(amap)
    if fmt == "gexf":
        from argmap.formats.graphml import dump_gexf

        return dump_gexf(amap)
    raise ValueError(f"cannot write format {fmt!r}; writable formats: {', '.join(WRITABLE)}")


def _check_name(fmt: str | None, allowed: tuple[str, ...], what: str) -> None:
    if fmt is not None and fmt not in allowed:
        raise ValueError(f"unknown {what} format {fmt!r}; expected one of: {', '.join(allowed)}")


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    from_format: str | None = None,
    to_format: str | None = None,
) -> list[Issue]:
    """Convert one file to another format; formats follow the suffixes unless named.

    The output is written atomically (its folder is created when missing); the input is
    never modified (converting a file onto itself is refused).

    Args:
        source: the file to read.
        target: the file to write.
        from_format: the input format (see :data:`MAP_FORMATS`); inferred when None.
        to_format: the output format; inferred from ``target``'s suffix when None.

    Returns:
        The warnings found while reading (errors raise).

    Raises:
        FormatError: a format cannot be inferred, the input cannot be read as its format,
            or the target is the source.
        MapError: an argmap map file is invalid.
        ValueError: a named format is unknown.
    """
    _check_name(from_format, READABLE, "input")
    _check_name(to_format, WRITABLE, "output")
    src, dst = Path(source), Path(target)
    if dst.exists() and src.exists() and dst.resolve() == src.resolve():
        raise _refusal(
            target, "same-file", "the output is the input file; choose another output path"
        )
    out_format = to_format or format_of(dst)
    if out_format not in WRITABLE:
        raise _refusal(
            target,
            "unwritable-format",
            f"argmap cannot write {out_format}; writable formats: {', '.join(WRITABLE)}",
        )
    text = read_text(src, FormatError)
    in_format = from_format or format_of(src, text=text)
    amap, issues = import_as(text, in_format, filename=os.fspath(source))
    output = dump_as(amap, out_format)
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(dst, output)
    except OSError as exc:
        raise _refusal(
            target, "unwritable", f"cannot write the output: {exc.strerror or exc}"
        ) from None
    return issues


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
    _check_name(from_format, READABLE, "input")
    _check_name(to_format, WRITABLE, "output")
    root, out_root = Path(source), Path(target)
    if from_format is None:
        suffixes = tuple(s for name in READABLE for s in MAP_FORMATS[name].suffixes)
    else:
        suffixes = MAP_FORMATS[from_format].suffixes
        if from_format in ("aif", "argdown-json"):
            suffixes = (*suffixes, ".json")
    out_suffix = MAP_FORMATS[to_format].suffixes[0]
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
