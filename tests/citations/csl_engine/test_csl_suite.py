"""Conformance with the CSL processor test suite, against a committed list of failures.

Every fixture of ``../shared/corpora/csl-test-suite/`` is one test: a fixture outside
``tests/data/csl-known-failures.txt`` must render identically, and one on the list must
still fail (a fixed fixture is taken off the list with ``make csl-known-failures``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.citations import csl_suite

PATHS = csl_suite.fixture_paths() if csl_suite.SUITE.is_dir() else []
KNOWN = csl_suite.known_failures()
needs_suite = pytest.mark.skipif(
    not PATHS, reason=f"the CSL test suite is not at {csl_suite.SUITE}"
)


@needs_suite
@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_fixture(path: Path) -> None:
    passed, expected, actual = csl_suite.outcome(path)
    if path.stem in KNOWN:
        assert not passed, (
            f"{path.stem} now passes: an unexpected pass; take it off the list of known"
            " failures (make csl-known-failures)"
        )
    else:
        assert passed, f"{path.stem}\nexpected:\n{expected}\nactual:\n{actual}"


@needs_suite
def test_the_known_failures_are_fixtures_of_the_suite() -> None:
    names = {p.stem for p in PATHS}
    assert names >= KNOWN, sorted(KNOWN - names)


@needs_suite
def test_at_least_the_measured_share_of_fixtures_passes() -> None:
    # The committed list is the measured state: at least 98.5% of the fixtures render
    # exactly as citeproc-js prints them, entities and layout whitespace included.
    assert 1 - len(KNOWN) / len(PATHS) >= 0.985


def test_the_comparison_is_exact_but_for_line_endings(tmp_path: Path) -> None:
    # As the suite's own runner compares: "&#38;" is not "&amp;", nor "<b>" "&#60;b&#62;".
    fixture = tmp_path / "escaping_Ampersand.txt"
    fixture.write_text(
        ">>===== MODE =====>>\ncitation\n<<===== MODE =====<<\n"
        ">>===== RESULT =====>>\r\nA &#38; B\r\n<<===== RESULT =====<<\n"
        ">>===== CSL =====>>\n"
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        '<citation><layout><text variable="title"/></layout></citation></style>\n'
        "<<===== CSL =====<<\n"
        '>>===== INPUT =====>>\n[{"id": "a", "type": "book", "title": "A & B"}]\n'
        "<<===== INPUT =====<<\n",
        encoding="utf-8",
    )
    assert csl_suite.outcome(fixture) == (True, "A &#38; B", "A &#38; B")
    fixture.write_text(
        fixture.read_text(encoding="utf-8").replace("A &#38; B", "A &amp; B"), encoding="utf-8"
    )
    assert csl_suite.outcome(fixture) == (False, "A &amp; B", "A &#38; B")
