"""LaTeX decoding: the fast path equals pylatexenc; names are split before decoding."""

from __future__ import annotations

import random

import pytest

from argmap.citations.latex import (
    PersonName,
    _pylatexenc,
    decode_latex,
    decode_latex_with_case,
    split_names,
    split_people,
)


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ("plain text, no LaTeX", "plain text, no LaTeX"),
        (r"{Japan}'s Dilemma", "Japan's Dilemma"),
        (r"M{\"u}ller", "Müller"),
        (r"M\"{u}ller", "Müller"),
        (r"M\"uller", "Müller"),
        (r"Erd\H{o}s", "Erdős"),
        (r"Garc{\'\i}a", "García"),
        (r"\c{C}elik", "Çelik"),
        (r"{\O}stergaard", "Østergaard"),
        (r"Stra\ss e", "Straße"),
        (r"Perspective \& Analysis", "Perspective & Analysis"),
        (r"50\% and \$5 and \#1 and a\_b", "50% and $5 and #1 and a_b"),
        ("1990--2000", "1990\u20132000"),
        ("yes---no", "yes\u2014no"),
        ("Vis-{\\`a}-Vis", "Vis-\u00e0-Vis"),
        ("p.~5", "p.\u00a05"),
        ("``quoted''", "\u201cquoted\u201d"),
        (r"\emph{Nota bene}", "Nota bene"),
        ("$x^2$ is math", "x^2 is math"),
        (r"$\alpha$-stable, $O(n \log n)$", "\u03b1-stable, O(n log n)"),
        (r"A \mkbibquote{quoted} word", "A \u201cquoted\u201d word"),
        (r"well\hyphen known \mkbibemph{and} \mkbibbold{bold}", "well-known and bold"),
        (r"With {\LaTeX} and \TeX{} in {\BibTeX}", "With LaTeX and TeX in BibTeX"),
        (r"\url{https://example.org/a_b%20c?d=1&e=2}", "https://example.org/a_b%20c?d=1&e=2"),
        (r"\href{https://example.org}{the site}", "the site <https://example.org>"),
        (r"\textbf{Bold} \textsc{Caps}", "Bold Caps"),
        ("毛泽东", "毛泽东"),
    ],
)
def test_decode_latex_known_values(latex: str, text: str) -> None:
    assert decode_latex(latex) == text


def test_decode_latex_equals_pylatexenc_on_generated_values() -> None:
    # Random sequences of the pieces BibTeX values are made of, including every command
    # the fast path handles and several it must leave to pylatexenc.
    pieces = [
        "a", "B", "z", " ", "  ", "\n", "-", "--", "---", "'", "''", "`", "``", "~",
        "{", "}", "\\'", '\\"', "\\^", "\\`", "\\~", "\\=", "\\.", "\\c", "\\v", "\\H",
        "\\k", "\\r", "\\ss", "\\o", "\\O", "\\aa", "\\AE", "\\i", "\\j", "\\l", "e", "o",
        "u", "{e}", "{\\i}", "\\&", "\\%", "\\$", "\\_", "\\#", "&", "%", "$", "!`", "?`",
        "\\textit", "\\emph", "{}", ",", ".", "\\\\", "\\{", "\\}", "é", "ü", "Δ", "\\ ",
        "\\url", "\\url{https://x.org/a_b%20c}", "{\\LaTeX}", "\\LaTeX", "\\TeX", "\\BibTeX",
        "\\textbf", "\\textsc", "\\mbox", "$x^2$", "$\\alpha$", "$a_{i}$", "$", "^", "_",
        "\\href", "\\alpha", "%",
    ]  # fmt: skip
    rng = random.Random(20181128)
    compared = 0
    for _ in range(4000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if value.count("{") != value.count("}"):
            continue  # bibtexparser never yields a value with unbalanced braces
        try:
            expected = _pylatexenc(value)
        except Exception:  # pragma: no cover - pylatexenc refuses a few malformed values
            continue
        assert decode_latex(value) == expected, value
        compared += 1
    assert compared > 1000


def test_decode_latex_with_case_marks_protected_runs_only() -> None:
    assert decode_latex_with_case(r"{NATO} and \'{E}cole {\'e}t{\'e} {Baltic}") == [
        ("NATO", True),
        (" and École été ", False),
        ("Baltic", True),
    ]


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Shagina, Maria", [PersonName(family="Shagina", given="Maria")]),
        (
            "van der Berg, Jan and Ludwig van Beethoven",
            [
                PersonName(family="Berg", given="Jan", particle="van der"),
                PersonName(family="Beethoven", given="Ludwig", particle="van"),
            ],
        ),
        (
            "de la Fontaine, Jr., Jean",
            [PersonName(family="Fontaine", given="Jean", particle="de la", suffix="Jr.")],
        ),
        (
            r"M{\"u}ller, J{\'e}r{\^o}me and {\"O}zil, Mesut",
            [
                PersonName(family="Müller", given="Jérôme"),
                PersonName(family="Özil", given="Mesut"),
            ],
        ),
        (
            "{Institute for Security and Development Policy} and {Simon and Schuster}",
            [
                PersonName(literal="Institute for Security and Development Policy"),
                PersonName(literal="Simon and Schuster"),
            ],
        ),
        ("毛泽东 and Иванов, Иван", [PersonName(family="毛泽东"), PersonName("Иванов", "Иван")]),
    ],
)
def test_split_names_before_decoding(value: str, names: list[PersonName]) -> None:
    assert split_names(value) == names


def test_a_braced_accent_at_the_start_of_a_name_is_not_a_corporate_name() -> None:
    (name,) = split_names(r"{\"O}zil, Mesut")
    assert not name.is_literal
    assert str(name) == "Özil, Mesut"


def test_split_people_equals_bibtexparser_on_generated_values() -> None:
    from bibtexparser.middlewares.names import split_multiple_persons_names

    pieces = [
        "a", "and", "And", "AND", "an", "d", " ", "  ", "\n", "\t", "{", "}", "x",
        "Smith, J.", "{Simon and Schuster}", "~", "\\", "\\{", "and{", "}and", ",",
        'M\\"uller', "\\o", "\\'e", "Erd\\H{o}s",
    ]  # fmt: skip
    rng = random.Random(1128)
    for _ in range(5000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert split_people(value) == split_multiple_persons_names(value), value


def _compare_with_pylatexenc(text: str) -> int:
    """Check every decoded field of a .bib against pylatexenc; the count of values compared."""
    from bibtexparser.entrypoint import parse_string

    from argmap.citations import parse_bibliography
    from argmap.citations.bibliography import VERBATIM_FIELDS

    ours = parse_bibliography(text)
    reference = parse_string(text)  # bibtexparser's own parse: enclosing braces removed
    expected: dict[str, str] = {}  # pylatexenc is slow: each distinct value once
    compared = 0
    for entry in reference.entries:
        mine = ours[entry.key]
        for field in entry.fields:
            name = field.key.lower()
            if name == "month" or name in VERBATIM_FIELDS or "#" in field.value:
                continue
            value = field.value
            if value not in expected:
                expected[value] = _pylatexenc(value)
            assert mine.text[name] == expected[value], (entry.key, name)
            compared += 1
    return compared


def test_every_field_of_a_2000_entry_bibliography_decodes_as_pylatexenc_does() -> None:
    # bench.bibliography compares all fields of the 10,000-entry file too; pylatexenc's
    # side of that takes half a minute, too long for every test run.
    from tests.support.synthetic import generate

    text = generate(2_000)
    # The data holds what used to send whole values to pylatexenc.
    for latex in ("\\url{", "{\\LaTeX}", "$x^2$", "\\emph{", "{\\'e}"):
        assert latex in text
    assert _compare_with_pylatexenc(text) > 12_000


def test_every_field_of_the_test_bibliographies_decodes_as_pylatexenc_does() -> None:
    from tests.support import DATA, SEED_BIB

    paths = [SEED_BIB, *sorted((DATA / "citations").glob("*.bib"))]
    compared = 0
    for path in paths:
        if path.name in ("broken.bib", "latin1.bib"):
            continue  # unreadable on purpose
        compared += _compare_with_pylatexenc(path.read_text(encoding="utf-8"))
    assert compared > 50
