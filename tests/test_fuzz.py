"""Fuzzing every reader: mutated real files and generated structures.

Every outcome must be a result (a map, a bibliography, an argumentation framework) or the
reader's documented error whose issues are all located inside the file; never another
exception, never a hang, never a file written. Real files come from ``maps/``,
``bibliography/``, ``tests/data/`` and ``../shared/corpora/`` (ICCMA frameworks are
written from the seed map); each is mutated by byte flips, deletions, insertions of the
format's syntax characters, truncation and duplicated lines.

The default run is short. ``ARGMAP_FUZZ_EXAMPLES=N`` runs N examples per test instead
(e.g. 5000 for a long run); failures print a ``@reproduce_failure`` line to replay.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, cast

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap._io import read_text
from argmap.analysis.framework import to_framework
from argmap.citations.bibliography import parse_bibliography
from argmap.errors import BibliographyError, FormatError, Issue, MapError
from argmap.formats.iccma import AfFormat, dump_af, parse_af
from argmap.formats.mapfile import dump_map, read_map
from argmap.formats.registry import import_as
from tests.support import BIBLIOGRAPHY, CORPORA, DATA, MAPS, SEED_MAP

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "0")) or None
#: Seconds one input may take before it counts as a hang.
TIME_LIMIT = 10.0

FUZZ = settings(
    max_examples=EXAMPLES or 40,
    deadline=None,  # bounded by the alarm below instead: timings on a shared machine vary
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)


class HangError(Exception):
    """An input took longer than :data:`TIME_LIMIT` seconds."""


@contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Raise :class:`HangError` in the reader when it runs longer than ``seconds``."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise HangError(f"no result after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the readers and their seed files --------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    """A reader under test: its format name, file suffix, error type and syntax."""

    name: str
    suffix: str
    error: type[Exception]
    syntax: bytes
    read: Callable[[Path], object]


def _read_format(fmt: str) -> Callable[[Path], object]:
    def read(path: Path) -> object:
        return import_as(read_text(path, FormatError), fmt, filename=str(path))

    return read


def _read_af(fmt: AfFormat) -> Callable[[Path], object]:
    def read(path: Path) -> object:
        return parse_af(read_text(path, FormatError), fmt=fmt, filename=str(path))

    return read


def _read_bib(path: Path) -> object:
    return parse_bibliography(read_text(path, BibliographyError), filename=str(path))


JSON_SYNTAX = b'{}[]:,"\\ 0-.eE\n'
XML_SYNTAX = b"<>/=\"'&;!?-[] \n"
READERS = {
    "yaml": Reader("yaml", ".yaml", MapError, b"-:{}[],#&*!|>'\"%@`? \t\n", read_map),
    "json": Reader("json", ".json", MapError, JSON_SYNTAX, read_map),
    "bib": Reader("bib", ".bib", BibliographyError, b'@{}(),="#%\\ \n', _read_bib),
    "aif": Reader("aif", ".json", FormatError, JSON_SYNTAX, _read_format("aif")),
    "argdown-json": Reader(
        "argdown-json", ".json", FormatError, JSON_SYNTAX, _read_format("argdown-json")
    ),
    "graphml": Reader("graphml", ".graphml", FormatError, XML_SYNTAX, _read_format("graphml")),
    "gexf": Reader("gexf", ".gexf", FormatError, XML_SYNTAX, _read_format("gexf")),
    "i23": Reader("i23", ".i23", FormatError, b"p af#-0123456789 \n\t", _read_af("i23")),
    "apx": Reader("apx", ".apx", FormatError, b'arg(att)., "%\n', _read_af("apx")),
    "tgf": Reader("tgf", ".tgf", FormatError, b"#0123456789 \n\t", _read_af("tgf")),
}
#: What a reader of another kind raises for a map it read but found invalid.
MAP_ERRORS: tuple[type[Exception], ...] = (MapError, FormatError)


def _corpus(folder: str, pattern: str, count: int) -> list[Path]:
    root = CORPORA / folder
    return sorted(root.glob(pattern))[:count] if root.is_dir() else []


def seeds(name: str) -> list[bytes]:
    """The real files each reader is fuzzed from (the map's JSON is dumped from the seed)."""
    if name == "json":
        return [dump_map(read_map(SEED_MAP), fmt="json").encode("utf-8")]
    if name in ("i23", "apx", "tgf"):
        # No ICCMA files ship with the project: the frameworks of the seed map and of a
        # ring of attacks, as argmap writes them, and small hand-written ones.
        ring = parse_af("p af 40\n" + "".join(f"{i} {i % 40 + 1}\n" for i in range(1, 41)))
        fmt = cast(AfFormat, name)
        written = [dump_af(ring, fmt=fmt), dump_af(to_framework(read_map(SEED_MAP)), fmt=fmt)]
        by_hand = {
            "i23": "p af 3\n# a comment\n1 2\n2 3\n3 1\n",
            "apx": 'arg(a). arg("b c").\n% a comment\natt(a, "b c"). att("b c",a).\n',
            "tgf": "1 first\n2 second\n3\n#\n1 2\n2 3\n",
        }
        return [text.encode("utf-8") for text in [*written, by_hand[name]]]
    paths = {
        "yaml": [*MAPS.glob("*.yaml"), *DATA.glob("*/*.yaml")],
        "bib": [*BIBLIOGRAPHY.glob("*.bib"), *(DATA / "citations").glob("*.bib")],
        "aif": [*(DATA / "aif").glob("*.json"), *_corpus("microtexts-aif", "*.json", 8)],
        "argdown-json": [*(DATA / "argdown").glob("*.json")],
        "graphml": [*(DATA / "interchange").glob("*.graphml")],
        "gexf": [*(DATA / "interchange").glob("*.gexf")],
    }[name]
    return [p.read_bytes() for p in sorted(paths)]


# -- mutations ---------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, original: bytes, syntax: bytes) -> bytes:
    """``original`` after one to four random edits."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "insert":
            chars = draw(st.lists(st.sampled_from(list(syntax)), min_size=1, max_size=4))
            data[at:at] = bytes(chars)
        elif kind == "truncate":
            del data[at:]
        elif kind == "duplicate":
            lines = bytes(data).splitlines(keepends=True)
            if lines:
                i = draw(st.integers(0, len(lines) - 1))
                lines.insert(i, lines[i])
                data = bytearray(b"".join(lines))
    return bytes(data)


# -- the contract ------------------------------------------------------------------------


def assert_located(issues: list[Issue], path: Path, data: bytes) -> None:
    """Every issue is located in the file read, at a line it has (or just past its end)."""
    lines = data.count(b"\n") + 1
    assert issues, "an error without issues"
    for issue in issues:
        location = issue.location
        assert location is not None, f"unlocated: {issue}"
        assert location.file == str(path), f"located in another file: {issue}"
        assert location.line is not None, f"no line: {issue}"
        assert 1 <= location.line <= lines + 1, f"line outside the file ({lines} lines): {issue}"
        assert location.column is None or location.column >= 1, f"bad column: {issue}"


def check_reader(reader: Reader, data: bytes, folder: Path) -> None:
    """Read ``data`` as ``reader`` does from a file; hold the outcome to the contract."""
    path = folder / f"input{reader.suffix}"
    path.write_bytes(data)
    before = sorted(folder.rglob("*"))
    expected = (reader.error, *MAP_ERRORS) if reader.name != "bib" else (reader.error,)
    try:
        with time_limit():
            reader.read(path)
    except expected as exc:
        assert_located(exc.issues, path, data)  # type: ignore[attr-defined]
    assert sorted(folder.rglob("*")) == before, "the reader wrote a file"
    assert path.read_bytes() == data, "the reader changed its input"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("name", list(READERS))
def test_mutated_real_files(name: str, folder: Path) -> None:
    reader = READERS[name]
    originals = seeds(name)
    assert originals, f"no seed files for {name}"

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        original = data.draw(st.sampled_from(originals), label="seed")
        check_reader(reader, data.draw(mutated(original, reader.syntax), label="input"), folder)

    run()


# -- generated structures --------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["claim", "evidence", "factor", "supports", "push", "I", "RA", "CA", "a"])
)
JSONISH = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _replace_at(value: Any, path: list[int], new: Any) -> Any:
    """``value`` with the sub-value that ``path`` picks (by index, modulo) replaced."""
    if not path or not isinstance(value, dict | list) or not value:
        return new
    if isinstance(value, dict):
        key = list(value)[path[0] % len(value)]
        return {**value, key: _replace_at(value[key], path[1:], new)}
    i = path[0] % len(value)
    return [*value[:i], _replace_at(value[i], path[1:], new), *value[i + 1 :]]


def _seed_data(name: str) -> list[Any]:
    if name in ("yaml", "json"):
        return [yaml.safe_load(SEED_MAP.read_text(encoding="utf-8"))]
    documents = []
    for text in seeds(name):
        try:
            documents.append(json.loads(text))
        except json.JSONDecodeError:
            continue  # a seed that is broken on purpose
    return documents


@pytest.mark.parametrize("name", ["yaml", "json", "aif", "argdown-json"])
def test_generated_structures(name: str, folder: Path) -> None:
    """Real documents with one value anywhere replaced by random data of any type."""
    reader = READERS[name]
    documents = _seed_data(name)

    @FUZZ
    @given(
        st.sampled_from(documents),
        st.lists(st.integers(0, 50), max_size=6),
        JSONISH,
    )
    def run(document: Any, path: list[int], new: Any) -> None:
        changed = _replace_at(document, path, new)
        if name == "yaml":
            text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
        else:
            text = json.dumps(changed, ensure_ascii=False, indent=1)
        check_reader(reader, text.encode("utf-8"), folder)

    run()


FIELD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from('{}\\@,=#%"~$^_'),
    max_size=20,
)


@st.composite
def bib_entries(draw: st.DrawFn) -> str:
    """BibTeX text of entries with random types, keys, fields and values."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["article", "book", "misc", "string", "comment", "preamble", "x"])
        )
        key = draw(st.text(alphabet="abc:_-1{}", max_size=6))
        fields = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(
                        ["author", "title", "year", "month", "url", "editor", "crossref", "Title"]
                    ),
                    FIELD_TEXT,
                    st.sampled_from(["{}", '""', ""]),
                ),
                max_size=5,
            )
        )
        body = ",\n".join(
            f"  {field} = {quote[:1]}{value}{quote[1:]}" for field, value, quote in fields
        )
        parts.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(parts)


def test_generated_bibliographies(folder: Path) -> None:
    reader = READERS["bib"]

    @FUZZ
    @given(bib_entries())
    def run(text: str) -> None:
        check_reader(reader, text.encode("utf-8"), folder)

    run()


@pytest.mark.parametrize("name", ["yaml", "aif", "graphml"])
def test_convert_writes_its_output_and_nothing_else(name: str, tmp_path: Path) -> None:
    """``argmap convert`` on mutated files: a clean exit, and no file but the output."""
    from click.testing import CliRunner

    from argmap.cli import main

    reader = READERS[name]
    originals = seeds(name)
    source = tmp_path / f"input{reader.suffix}"
    target = tmp_path / "out" / "converted.yaml"

    @settings(FUZZ, max_examples=EXAMPLES or 15)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        original = data.draw(st.sampled_from(originals), label="seed")
        text = data.draw(mutated(original, reader.syntax), label="input")
        source.write_bytes(text)
        if target.exists():
            target.unlink()
        with time_limit():
            result = CliRunner().invoke(
                main, ["convert", str(source), "--from", name, "-o", str(target)]
            )
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
        assert files == sorted([source, *([target] if result.exit_code == 0 else [])])
        assert source.read_bytes() == text

    run()
