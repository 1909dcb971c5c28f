"""crossref and xdata inheritance: biblatex's default table, located warnings."""

from __future__ import annotations

import json
import subprocess

import pytest

from argmap.citations import parse_bibliography, read_bibliography, to_csl
from tests.support import DATA
from tests.support.pandoc import require_pandoc

CROSSREF = DATA / "citations" / "crossref.bib"


def test_papers_inherit_from_their_volume_and_its_xdata() -> None:
    bib = read_bibliography(CROSSREF)
    assert bib.issues == []
    paper = bib["cayrol2005acceptability"]
    # The proceedings' title becomes the paper's booktitle; its own title stays.
    assert paper["title"].startswith("On the Acceptability")
    assert paper["booktitle"].startswith("Symbolic and Quantitative Approaches")
    assert paper.names["editor"][0].given == "Lluís"
    # Fields of the @xdata entry reach the paper through its parent.
    assert paper["series"] == "Lecture Notes in Computer Science"
    assert paper["publisher"] == "Springer Berlin Heidelberg"  # '#' and @string joined
    assert paper["year"] == "2005" and paper["month"] == "7"
    assert paper.inherited == {
        "booktitle", "editor", "volume", "year", "month", "series", "publisher", "location",
    }  # fmt: skip
    assert [parent.key for parent in paper.parents] == ["ecsqaru2005"]
    chapter = bib["prakken2002role"]
    assert chapter["booksubtitle"].startswith("Essays in Honour")  # subtitle -> booksubtitle
    assert "subtitle" not in chapter


def test_own_fields_win_and_parent_only_fields_stay_with_the_parent() -> None:
    bib = parse_bibliography(
        """@incollection{c, author = {A, B}, title = {Child}, year = 2001,
             crossref = {p}}
           @collection{p, editor = {E, F}, title = {Parent}, year = 2000,
             shorttitle = {P}, options = {useprefix=true}, ids = {old}, publisher = {Pub}}"""
    )
    child = bib["c"]
    assert child["year"] == "2001" and child["booktitle"] == "Parent"
    assert child["publisher"] == "Pub"
    for field in ("shorttitle", "options", "ids", "crossref", "subtitle"):
        assert field not in child or field == "crossref"
    assert child.fields["crossref"] == "p"  # its own field, kept


def test_types_without_a_rule_inherit_fields_under_their_own_names() -> None:
    bib = parse_bibliography(
        """@misc{c, title = {Child}, crossref = {p}}
           @misc{p, title = {Parent}, howpublished = {Online}, year = 1999}"""
    )
    assert bib["c"]["title"] == "Child" and "booktitle" not in bib["c"]
    assert bib["c"]["howpublished"] == "Online" and bib["c"]["year"] == "1999"


def test_missing_parents_and_loops_are_located_warnings() -> None:
    bib = parse_bibliography(
        "@inproceedings{a, author = {A, B}, title = {T}, year = 2000,\n"
        "  crossref = {nowhere}}\n"
        "@book{b, author = {A, B}, title = {B}, year = 2000,\n"
        "  crossref = {c}}\n"
        "@book{c, author = {A, B}, title = {C}, year = 2000,\n"
        "  xdata = {b}}\n",
        filename="loop.bib",
    )
    messages = [str(issue) for issue in bib.issues]
    assert (
        "loop.bib:2: warning: entry 'a' names 'nowhere' in crossref, which is not in the "
        "bibliography; nothing is inherited from it" in messages
    )
    assert (
        "loop.bib:6: warning: entry 'c' names 'b' in xdata, which leads back to it "
        "(b -> c -> b); that link is not followed" in messages
    )
    # The inproceedings lacks the booktitle its parent would have given.
    assert "loop.bib:1:1: warning: @inproceedings entry 'a' has no booktitle" in messages


def test_crossref_resolves_across_files(tmp_path: pytest.TempPathFactory) -> None:
    parents = tmp_path / "volumes.bib"  # type: ignore[operator]
    parents.write_text("@proceedings{v, title = {Vol}, year = 1990}\n", encoding="utf-8")
    papers = tmp_path / "papers.bib"  # type: ignore[operator]
    papers.write_text(
        "@inproceedings{p, author = {A, B}, title = {P}, crossref = {v}}\n", encoding="utf-8"
    )
    bib = read_bibliography([papers, parents])
    assert bib["p"]["booktitle"] == "Vol" and bib["p"]["year"] == "1990"
    assert bib.issues == []


@pytest.mark.pandoc
def test_inherited_items_agree_with_pandoc() -> None:
    """pandoc's BibLaTeX reader implements the same inheritance; its items match ours.

    Left aside: fields we do not map to CSL (pandoc's ``annote`` and ``keyword``), the
    series, which pandoc sentence-cases and we keep as written, and the @xdata container,
    which pandoc does not list.
    """
    pandoc = require_pandoc()
    done = subprocess.run(
        [pandoc, "-f", "biblatex", "-t", "csljson", str(CROSSREF)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    theirs = {item["id"]: item for item in json.loads(done.stdout)}
    bib = read_bibliography(CROSSREF)
    assert set(theirs) == {key for key, entry in bib.items() if entry.type != "xdata"}
    for key, item in theirs.items():
        ours = to_csl(bib[key])
        assert ours.pop("collection-title") == "Lecture Notes in Computer Science"
        assert item.pop("collection-title") == "Lecture notes in computer science"
        for field in ("annote", "keyword"):
            item.pop(field, None)
            ours.pop(field, None)
        # pandoc decodes {\'\i} as a dotless i with a combining accent.
        text = json.dumps(item, ensure_ascii=False).replace("\u0131\u0301", "\u00ed")
        assert json.loads(text) == ours, key
