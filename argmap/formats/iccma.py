"""The ICCMA formats of abstract argumentation frameworks: i23 (``.af``), ASPARTIX, TGF.

- ``i23``, the ICCMA 2023 format: a header ``p af N``, then one attack ``I J`` a line;
  the arguments are named ``"1"`` to ``"N"``; lines that start with ``#`` are comments.
- ``apx``, the ASPARTIX format: facts ``arg(a).`` and ``att(a,b).``, any number a line;
  ``%`` starts a comment. Names are ASP constants or double-quoted strings.
- ``tgf``, the Trivial Graph Format: one argument a line (its name, then an optional
  label), a line ``#``, then one attack ``a b`` a line.

Bad input raises :class:`~argmap.errors.FormatError` with every problem of the file, each
located ``file:line:column``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, TypeAlias

from argmap._io import read_text, write_atomic
from argmap.analysis.framework import Framework
from argmap.errors import FormatError, Issue, Location, sort_issues

__all__ = [
    "AF_FORMATS",
    "AF_SUFFIXES",
    "AfFormat",
    "af_format_for",
    "dump_af",
    "parse_af",
    "read_af",
    "write_af",
]

AfFormat: TypeAlias = Literal["i23", "apx", "tgf"]
AF_FORMATS: tuple[AfFormat, ...] = ("i23", "apx", "tgf")
#: The file name suffixes of each format (the first is the one written).
AF_SUFFIXES: dict[AfFormat, tuple[str, ...]] = {
    "i23": (".af", ".i23"),
    "apx": (".apx",),
    "tgf": (".tgf",),
}

#: The most arguments an i23 header may declare. A 16-byte file can declare a billion
#: arguments, each of which would be made; a million takes a few hundred megabytes.
MAX_ARGUMENTS = 1_000_000

_NAME = r'(?:"(?:[^"\\]|\\.)*"|[^\s(),."%]+)'
_FACT = re.compile(rf"\s*(arg|att)\s*\(\s*({_NAME})\s*(?:,\s*({_NAME})\s*)?\)\s*\.")
_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|[0-9]+")


def parse_af(text: str, *, fmt: AfFormat = "i23", filename: str = "<string>") -> Framework:
    """Read a framework from ICCMA text.

    >>> fw = parse_af("p af 3\\n# a comment\\n1 2\\n2 3\\n")
    >>> fw.arguments, sorted(fw.attacks)
    (('1', '2', '3'), [('1', '2'), ('2', '3')])
    >>> parse_af("p af 2\\n1 3\\n", filename="x.af")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: x.af: 1 error in interchange file
    x.af:2:3: error: argument 3 is out of range: the header declares arguments 1 to 2

    Raises:
        FormatError: the text is not in the format; every problem is listed, located.
        ValueError: ``fmt`` is not one of :data:`AF_FORMATS`.
    """
    if fmt == "i23":
        return _parse_i23(text, filename)
    if fmt == "apx":
        return _parse_apx(text, filename)
    if fmt == "tgf":
        return _parse_tgf(text, filename)
    raise ValueError(f"unknown framework format {fmt!r}; expected one of {', '.join(AF_FORMATS)}")


def dump_af(fw: Framework, *, fmt: AfFormat = "i23") -> str:
    """The framework as ICCMA text.

    In i23 the arguments are numbered in the framework's order; where their names are not
    already ``"1"`` to ``"N"``, a comment line before the attacks gives each number's name.

    >>> print(dump_af(Framework(["a", "b"], attacks=[("a", "b")]), fmt="apx"), end="")
    arg(a).
    arg(b).
    att(a,b).

    Raises:
        ValueError: a name cannot be written in ``fmt`` (TGF names hold no white space).
    """
    order = {name: i for i, name in enumerate(fw.arguments)}
    attacks = sorted(fw.attacks, key=lambda e: (order[e[0]], order[e[1]]))
    if fmt == "i23":
        lines = [f"p af {len(fw.arguments)}"]
        if any(name != str(i + 1) for i, name in enumerate(fw.arguments)):
            lines.extend(f"# {i + 1} {_one_line(name)}" for i, name in enumerate(fw.arguments))
        lines.extend(f"{order[a] + 1} {order[b] + 1}" for a, b in attacks)
    elif fmt == "apx":
        lines = [f"arg({_apx_name(a)})." for a in fw.arguments]
        lines.extend(f"att({_apx_name(a)},{_apx_name(b)})." for a, b in attacks)
    elif fmt == "tgf":
        for name in fw.arguments:
            if not name or name != "".join(name.split()) or name == "#":
                raise ValueError(f"TGF cannot name an argument {name!r}")
        lines = [*fw.arguments, "#", *(f"{a} {b}" for a, b in attacks)]
    else:
        raise ValueError(f"unknown framework format {fmt!r}")
    return "\n".join(lines) + "\n"


def af_format_for(path: str | os.PathLike[str]) -> AfFormat | None:
    """The format a file name's suffix implies, or None.

    >>> af_format_for("bench/a.af"), af_format_for("x.APX"), af_format_for("m.yaml")
    ('i23', 'apx', None)
    """
    suffix = Path(path).suffix.lower()
    for fmt, suffixes in AF_SUFFIXES.items():
        if suffix in suffixes:
            return fmt
    return None


def read_af(path: str | os.PathLike[str], *, fmt: AfFormat | None = None) -> Framework:
    """Read a framework file; the format comes from the suffix unless ``fmt`` is given.

    Raises:
        FormatError: the file is missing, unreadable, of no known suffix, or invalid.
    """
    name = os.fspath(path)
    chosen = fmt or af_format_for(name)
    if chosen is None:
        known = ", ".join(s for suffixes in AF_SUFFIXES.values() for s in suffixes)
        raise FormatError(
            [
                Issue(
                    "error",
                    f"unknown framework file suffix; expected one of {known}",
                    code="unknown-format",
                    location=Location(name),
                )
            ],
            source=name,
        )
    return parse_af(read_text(name, FormatError), fmt=chosen, filename=name)


def write_af(fw: Framework, path: str | os.PathLike[str], *, fmt: AfFormat | None = None) -> None:
    """Write a framework file atomically; the format comes from the suffix (default i23)."""
    write_atomic(path, dump_af(fw, fmt=fmt or af_format_for(path) or "i23"))


# -- i23 -------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    r"""The lines of a text as editors count them: split at ``\n`` only.

    ``str.splitlines`` also splits at form feeds, vertical tabs and other separators, so
    line numbers would run past the file's last line.

    >>> _lines("1 2\x0b3\r\n4")
    ['1 2\x0b3\r', '4']
    """
    return text.split("\n")


def _parse_i23(text: str, filename: str) -> Framework:
    lines = _lines(text)
    header = next((k for k, line in enumerate(lines) if _is_content(line)), None)
    if header is not None:
        parts = lines[header].split()
        if (
            len(parts) == 3
            and parts[:2] == ["p", "af"]
            and parts[2].isascii()
            and parts[2].isdigit()
            and len(parts[2]) <= len(str(MAX_ARGUMENTS))
            and int(parts[2]) <= MAX_ARGUMENTS
        ):
            fast = _fast_i23(int(parts[2]), lines, header + 1)
            if fast is not None:
                return fast
    numbers: list[int] = []
    issues = list(_i23_issues(lines, filename, numbers))
    if issues:
        raise FormatError(issues, source=filename)
    # Only input the quick reading doubts but that is well-formed gets here.
    return Framework._from_numbers(int(lines[header or 0].split()[2]), numbers)


def _fast_i23(n: int, lines: list[str], start: int) -> Framework | None:
    """The framework of well-formed i23 lines, or None at the first doubt."""
    words: list[str] = []
    extend = words.extend
    for k in range(start, len(lines)):
        parts = lines[k].split()
        if len(parts) != 2:
            if not parts or parts[0][0] == "#":
                continue
            return None
        if parts[0][0] == "#":
            continue
        extend(parts)
    digits = "".join(words)
    if not (digits.isascii() and digits.isdigit()):
        return None
    numbers = list(map(int, words))
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        return None
    return Framework._from_numbers(n, numbers)


def _i23_issues(lines: list[str], filename: str, numbers: list[int]) -> Iterator[Issue]:
    """The problems of i23 lines; the argument numbers of good attacks go to ``numbers``."""
    headed = False  # the first line of content was read (as a header, good or bad)
    n: int | None = None  # the number of arguments it declares, if it is good
    for number, line in enumerate(lines, start=1):
        if not _is_content(line):
            continue
        tokens = list(_tokens(line))
        words = [t for _, t in tokens]
        if not headed:
            headed = True
            is_header = len(words) == 3 and words[:2] == ["p", "af"]
            if is_header and words[2].isascii() and words[2].isdigit():
                if len(words[2]) <= len(str(MAX_ARGUMENTS)) and int(words[2]) <= MAX_ARGUMENTS:
                    n = int(words[2])
                    continue
                yield _issue(
                    filename,
                    number,
                    tokens[2][0],
                    f"the header declares {_count(words[2])} arguments; argmap reads "
                    f"frameworks of at most {MAX_ARGUMENTS:,} arguments",
                    "header",
                )
                continue
            yield _issue(
                filename,
                number,
                tokens[0][0],
                f"expected the header 'p af N' (N the number of arguments), got {line.strip()!r}",
                "header",
            )
            continue
        if words[:2] == ["p", "af"]:
            yield _issue(filename, number, tokens[0][0], "a second 'p af' header", "header")
            continue
        if len(words) != 2:
            yield _issue(
                filename,
                number,
                tokens[min(2, len(tokens) - 1)][0],
                f"expected an attack 'I J' (two argument numbers), got {line.strip()!r}",
                "attack",
            )
            continue
        good = 0
        for column, word in tokens:
            if not (word.isascii() and word.isdigit()) or int(word) == 0:
                yield _issue(
                    filename,
                    number,
                    column,
                    f"expected an argument number from 1, got {word!r}",
                    "argument",
                )
            elif n is not None and int(word) > n:
                declared = f"arguments 1 to {n}" if n else "no arguments"
                yield _issue(
                    filename,
                    number,
                    column,
                    f"argument {word} is out of range: the header declares {declared}",
                    "argument",
                )
            else:
                good += 1
        if good == 2:
            numbers.extend(int(word) for word in words)
    if not headed:
        yield _issue(filename, 1, 1, "empty framework file: expected the header 'p af N'", "header")


def _count(digits: str) -> str:
    """A declared count for a message: with separators, or its length when it is huge.

    >>> _count("1000000000"), _count("9" * 5000)
    ('1,000,000,000', 'a 5000-digit number of')
    """
    if len(digits) > 30:
        return f"a {len(digits)}-digit number of"
    return f"{int(digits):,}"


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


# -- apx -------------------------------------------------------------------------------------


def _parse_apx(text: str, filename: str) -> Framework:
    arguments: list[str] = []
    attacks: list[tuple[str, str, int, int, int]] = []
    issues: list[Issue] = []
    for number, line in enumerate(_lines(text), start=1):
        body = _strip_apx_comment(line)
        position = 0
        while True:
            while position < len(body) and body[position].isspace():
                position += 1
            if position >= len(body):
                break
            match = _FACT.match(body, position)
            if match is None:
                issues.append(
                    _issue(
                        filename,
                        number,
                        position + 1,
                        "expected a fact 'arg(a).' or 'att(a,b).', got "
                        f"{body[position:].strip()[:40]!r}",
                        "fact",
                    )
                )
                break
            kind, first, second = match.group(1), match.group(2), match.group(3)
            if kind == "arg" and second is None:
                arguments.append(_apx_unquote(first))
            elif kind == "att" and second is not None:
                attacks.append(
                    (
                        _apx_unquote(first),
                        _apx_unquote(second),
                        number,
                        match.start(2) + 1,
                        match.start(3) + 1,
                    )
                )
            else:
                expected = "one name" if kind == "arg" else "two names"
                issues.append(
                    _issue(filename, number, position + 1, f"'{kind}' takes {expected}", "fact")
                )
            position = match.end()
    known = set(arguments)
    for a, b, number, *columns in attacks:
        for end, column in zip((a, b), columns, strict=True):
            if end not in known:
                issues.append(
                    _issue(
                        filename,
                        number,
                        column,
                        f"the attack names {end!r}, which no 'arg({_apx_name(end)}).' declares",
                        "argument",
                    )
                )
    if issues:
        raise FormatError(sort_issues(issues), source=filename)
    return Framework(arguments, [(a, b) for a, b, *_ in attacks])


def _strip_apx_comment(line: str) -> str:
    quoted = False
    escaped = False
    for k, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "%" and not quoted:
            return line[:k]
    return line


def _apx_unquote(name: str) -> str:
    if name.startswith('"'):
        return re.sub(r"\\(.)", r"\1", name[1:-1])
    return name


def _apx_name(name: str) -> str:
    if _CONSTANT.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


# -- tgf -------------------------------------------------------------------------------------


def _parse_tgf(text: str, filename: str) -> Framework:
    arguments: list[str] = []
    attacks: list[tuple[str, str]] = []
    issues: list[Issue] = []
    in_edges = False
    known: set[str] = set()
    for number, line in enumerate(_lines(text), start=1):
        tokens = list(_tokens(line))
        if not tokens:
            continue
        if not in_edges:
            if tokens[0][1] == "#":
                in_edges = True
                continue
            arguments.append(tokens[0][1])
            known.add(tokens[0][1])
            continue
        if len(tokens) < 2:
            issues.append(
                _issue(
                    filename,
                    number,
                    tokens[0][0],
                    f"expected an attack 'a b' (two argument names), got {line.strip()!r}",
                    "attack",
                )
            )
            continue
        for column, word in tokens[:2]:
            if word not in known:
                issues.append(
                    _issue(
                        filename,
                        number,
                        column,
                        f"the attack names {word!r}, which is not an argument listed "
                        "before the '#' line",
                        "argument",
                    )
                )
        attacks.append((tokens[0][1], tokens[1][1]))
    if issues:
        raise FormatError(issues, source=filename)
    return Framework(arguments, attacks)


# -- shared ----------------------------------------------------------------------------------


def _tokens(line: str) -> Iterator[tuple[int, str]]:
    """The words of a line with their 1-based columns."""
    for match in re.finditer(r"\S+", line):
        yield match.start() + 1, match.group()


def _one_line(name: str) -> str:
    return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _issue(filename: str, line: int, column: int, message: str, code: str) -> Issue:
    return Issue("error", message, code=f"af-{code}", location=Location(filename, line, column))
