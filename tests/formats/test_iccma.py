"""ICCMA framework files: i23, ASPARTIX and TGF, read, written, and refused with locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import FormatError, Framework
from argmap.analysis import extensions
from argmap.formats.iccma import dump_af, parse_af, read_af, write_af

FW = Framework(["1", "2", "3", "4"], attacks=[("1", "2"), ("2", "3"), ("3", "3"), ("4", "1")])


def test_i23_arguments_are_numbered_and_hash_lines_are_comments() -> None:
    text = "# ICCMA 2023\np af 4\n# attacks follow\n1 2\n2 3\n\n3 3\n   # indented comment\n4 1\n"
    fw = parse_af(text)
    assert fw == FW
    assert fw.arguments == ("1", "2", "3", "4")


def test_i23_of_arguments_that_nothing_attacks() -> None:
    assert parse_af("p af 3\n") == Framework(["1", "2", "3"])
    assert extensions(parse_af("p af 3\n"), "grounded") == [frozenset({"1", "2", "3"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["x.af:1:1: error: empty framework file: expected the header 'p af N'"]),
        (
            "p cnf 3\n",
            ["x.af:1:1: error: expected the header 'p af N' (N the number of arguments), "
             "got 'p cnf 3'"],
        ),
        (
            "p af 2\n1\n1 2 3\n",
            ["x.af:2:1: error: expected an attack 'I J' (two argument numbers), got '1'",
             "x.af:3:5: error: expected an attack 'I J' (two argument numbers), got '1 2 3'"],
        ),
        (
            "p af 2\n0 1\n1 x\n2 3\n",
            ["x.af:2:1: error: expected an argument number from 1, got '0'",
             "x.af:3:3: error: expected an argument number from 1, got 'x'",
             "x.af:4:3: error: argument 3 is out of range: the header declares arguments 1 to 2"],
        ),
        ("p af 2\np af 2\n", ["x.af:2:1: error: a second 'p af' header"]),
        ("p af 2\n+1 2\n", ["x.af:2:1: error: expected an argument number from 1, got '+1'"]),
    ],
)  # fmt: skip
def test_bad_i23_is_refused_with_every_problem_located(text: str, expected: list[str]) -> None:
    with pytest.raises(FormatError) as caught:
        parse_af(text, filename="x.af")
    assert [str(i) for i in caught.value.issues] == expected


def test_apx_with_quoted_names_and_comments() -> None:
    text = 'arg(a). arg("b c").\n% a comment\natt(a, "b c"). att("b c",a). % trailing\n'
    fw = parse_af(text, fmt="apx")
    assert fw == Framework(["a", "b c"], attacks=[("a", "b c"), ("b c", "a")])
    assert parse_af(dump_af(fw, fmt="apx"), fmt="apx") == fw


def test_bad_apx_is_refused_with_every_problem_located() -> None:
    with pytest.raises(FormatError) as caught:
        parse_af("arg(a).\natt(a,z). arg(a, b).\nfoo\n", fmt="apx", filename="x.apx")
    assert [str(i) for i in caught.value.issues] == [
        "x.apx:2:7: error: the attack names 'z', which no 'arg(z).' declares",
        "x.apx:2:11: error: 'arg' takes one name",
        "x.apx:3:1: error: expected a fact 'arg(a).' or 'att(a,b).', got 'foo'",
    ]


def test_tgf_lists_arguments_then_a_hash_line_then_attacks() -> None:
    fw = parse_af("a label of a\nb\n#\na b\nb b\n", fmt="tgf")
    assert fw == Framework(["a", "b"], attacks=[("a", "b"), ("b", "b")])
    assert dump_af(fw, fmt="tgf") == "a\nb\n#\na b\nb b\n"
    with pytest.raises(FormatError) as caught:
        parse_af("a\n#\na c\nb\n", fmt="tgf", filename="x.tgf")
    assert [str(i) for i in caught.value.issues] == [
        "x.tgf:3:3: error: the attack names 'c', which is not an argument listed before the "
        "'#' line",
        "x.tgf:4:1: error: expected an attack 'a b' (two argument names), got 'b'",
    ]


def test_i23_numbers_named_arguments_and_says_which_is_which() -> None:
    fw = Framework(["x", "y"], attacks=[("y", "x")])
    assert dump_af(fw) == "p af 2\n# 1 x\n# 2 y\n2 1\n"
    assert dump_af(FW) == "p af 4\n1 2\n2 3\n3 3\n4 1\n"


@pytest.mark.parametrize("suffix", [".af", ".i23", ".apx", ".tgf"])
def test_files_round_trip_with_the_format_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"fw{suffix}"
    write_af(FW, path)
    assert read_af(path) == FW


def test_unknown_suffixes_and_missing_files_are_located_errors(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="unknown framework file suffix"):
        read_af(tmp_path / "fw.txt")
    with pytest.raises(FormatError, match="no such file"):
        read_af(tmp_path / "missing.af")


def test_a_large_i23_file_reads_to_the_same_framework_as_its_attack_list() -> None:
    lines = ["p af 2000"] + [f"{1 + (7 * i) % 2000} {1 + (13 * i) % 2000}" for i in range(4000)]
    fw = parse_af("\n".join(lines) + "\n")
    pairs = {tuple(line.split()) for line in lines[1:]}
    assert fw.attacks == pairs
    assert fw == Framework([str(i) for i in range(1, 2001)], pairs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "line"), [("i23", 2), ("apx", 2), ("tgf", 3)])
def test_lines_are_counted_at_newlines_only(fmt: str, line: int) -> None:
    # Found by fuzzing: a vertical tab counted as a line break put errors past the end.
    text = {"i23": "p af 2\x0b\n1 x\n", "apx": "arg(a).\x0b\natt(a,z).\n", "tgf": "1\x0b\n#\n1\n"}[
        fmt
    ]
    with pytest.raises(FormatError) as caught:
        parse_af(text, fmt=fmt, filename="x")  # type: ignore[arg-type]
    assert [issue.location.line for issue in caught.value.issues if issue.location] == [line]
