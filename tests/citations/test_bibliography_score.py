"""Real bibliographies, formatted by argmap, against citeproc-js and pandoc 3, entry by entry.

The corpus, the oracles and the ledger of classified differences are described in
:mod:`tests.citations.bibliography_score`. A difference the ledger lacks fails, and so does a
ledger line that no longer differs (take it off with
``python -m tests.citations.bibliography_score --write``). Skipped where node with citeproc-js
(``make tools``) or the ``pypandoc-binary`` wheel is missing.
"""

from __future__ import annotations

import re

import pytest

from tests.citations import bibliography_score as scorer
from tests.support.pandoc import MISSING, pandoc_path

pytestmark = [
    pytest.mark.skipif(
        not scorer.has_citeproc_js(), reason="node with the citeproc package (make tools)"
    ),
    pytest.mark.skipif(pandoc_path() is None, reason=MISSING),
]

#: The measured rates of entries equal to each oracle's; a fall below fails.
MEASURED = {
    ("citeproc-js", "apa"): 0.99,
    ("citeproc-js", "chicago"): 0.98,
    ("pandoc", "apa"): 0.835,
    ("pandoc", "chicago"): 0.735,
}


@pytest.fixture(scope="module")
def result() -> scorer.Score:
    return scorer.score()


def test_the_corpus_holds_at_least_500_works_in_every_format(result: scorer.Score) -> None:
    assert result.compared["citeproc-js", "apa"] >= 500
    suffixes = {path.suffix for path in scorer.corpus_files()}
    assert suffixes >= {".bib", ".json", ".yaml", ".ris"}


def test_every_difference_is_in_the_ledger(result: scorer.Score) -> None:
    known = scorer.ledger()
    new = [d for d in result.differences if d.id not in known]
    assert not new, "\n".join(
        f"{' '.join(d.id)}\n  argmap: {d.ours}\n  {d.oracle}: {d.theirs}" for d in new
    )


def test_every_ledger_line_still_differs(result: scorer.Score) -> None:
    found = {d.id for d in result.differences}
    gone = sorted(set(scorer.ledger()) - found)
    assert not gone, f"now equal: take these off the ledger (--write): {gone}"


def test_every_difference_is_classified_with_a_reason() -> None:
    for key, (kind, reason) in scorer.ledger().items():
        assert kind in scorer.CLASSES and kind != "unclassified", key
        assert reason.strip(), key


@pytest.mark.parametrize(("oracle", "style"), list(MEASURED))
def test_rates_stay_at_least_as_measured(result: scorer.Score, oracle: str, style: str) -> None:
    assert result.rate(oracle, style) >= MEASURED[oracle, style]


def test_every_corpus_file_has_its_origin_and_licence_recorded() -> None:
    readme = (scorer.CORPUS / "README.md").read_text(encoding="utf-8")
    for path in scorer.corpus_files():
        row = next((line for line in readme.splitlines() if f"`{path.name}`" in line), "")
        assert row, f"{path.name} is not in the corpus README"
        assert re.search(r"\b[0-9a-f]{40}\b", row), f"{path.name}: no commit"
        assert re.search(r"MIT|Apache|LPPL", row), f"{path.name}: no licence"
