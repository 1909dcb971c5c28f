"""BibTeX and BibLaTeX exports write the entries back as read, with what they need."""

from __future__ import annotations

import pytest

from argmap.citations import (
    cited_sources,
    export_citations,
    parse_bibliography,
    read_bibliography,
)
from argmap.citations.bibliography import BibEntry
from argmap.errors import Location
from tests.support import DATA, SEED_BIB

CROSSREF = DATA / "citations" / "crossref.bib"


def _blocks(text: str) -> list[str]:
    return text.strip().split("\n\n")


def test_a_cited_paper_is_written_as_read_with_its_volume_xdata_and_strings() -> None:
    bib = read_bibliography(CROSSREF)
    source = CROSSREF.read_text(encoding="utf-8")
    text = export_citations([bib["cayrol2005acceptability"]], fmt="bibtex")
    blocks = _blocks(text)
    # The @string definitions first, then the paper, its volume, and the volume's xdata.
    assert blocks[0] == "@string{lncs = {Lecture Notes in Computer Science}}"
    assert blocks[1] == "@string{springer = {Springer}}"
    assert [b.split("{", 1)[1].split(",", 1)[0] for b in blocks[2:]] == [
        "cayrol2005acceptability", "ecsqaru2005", "lncs-springer",
    ]  # fmt: skip
    for block in blocks:
        assert block in source  # each written exactly as in the file
    paper = blocks[2]
    for line in (
        "@InProceedings{cayrol2005acceptability,",
        "  Crossref  = {ecsqaru2005},",
        "  Keywords  = {bipolar argumentation, acceptability},",
        "  File      = {papers/cayrol2005.pdf},",
        "  Annote    = {Support as a second relation beside attack; \\emph{d-admissible} sets.},",
        "  MRNumber  = {2200213},",
    ):
        assert line in paper.splitlines()
    # The export reads back to the same entries, inheritance and all.
    again = parse_bibliography(text)
    assert again.issues == []
    assert again["cayrol2005acceptability"].text == bib["cayrol2005acceptability"].text


def test_parents_come_after_every_entry_that_names_them_even_when_cited_first() -> None:
    bib = read_bibliography(CROSSREF)
    text = export_citations(
        [bib["ecsqaru2005"], bib["prakken2002role"], bib["cayrol2005acceptability"]],
        fmt="bibtex",
    )
    keys = [b.split("{", 1)[1].split(",", 1)[0] for b in _blocks(text) if b[:7] != "@string"]
    assert keys == [
        "prakken2002role", "cayrol2005acceptability", "kakas2002computational",
        "ecsqaru2005", "lncs-springer",
    ]  # fmt: skip


def test_an_articles_institution_and_unknown_fields_stay_as_written() -> None:
    bib = parse_bibliography(
        r"""@article{a,
  author      = {M{\"u}ller, J{\'e}r{\^o}me},
  title       = {{NATO}'s Baltic Flank},
  journal     = {Survival},
  institution = {IISS},
  year        = 2020,
  month       = mar,
  keywords    = {deterrence; Baltic},
  mrnumber    = {MR123},
  note        = {See \url{https://example.org/a_b%20c}},
}"""
    )
    text = export_citations(bib, fmt="bibtex")
    assert text == bib["a"].raw + "\n"
    biblatex = export_citations(bib, fmt="biblatex")
    assert biblatex == (
        "@article{a,\n"
        "  author       = {M{\\\"u}ller, J{\\'e}r{\\^o}me},\n"
        "  title        = {{NATO}'s Baltic Flank},\n"
        "  journaltitle = {Survival},\n"
        "  institution  = {IISS},\n"
        "  date         = {2020-03},\n"
        "  keywords     = {deterrence; Baltic},\n"
        "  mrnumber     = {MR123},\n"
        "  note         = {See \\url{https://example.org/a_b%20c}}\n"
        "}\n"
    )


@pytest.mark.parametrize(
    ("bibtex", "biblatex"),
    [
        (
            "@techreport{k, title = {T}, institution = {I}, address = {A}, year = 2018}",
            "@report{k,\n  title = {T},\n  institution = {I},\n  location = {A},\n"
            "  year = 2018,\n  type = {techreport}\n}",
        ),
        (
            "@phdthesis{k, title = {T}, school = {S}, year = 2015, type = {Doctoral thesis}}",
            "@thesis{k,\n  title = {T},\n  institution = {S},\n  year = 2015,\n"
            "  type = {Doctoral thesis}\n}",
        ),
        (
            "@mastersthesis{k, title = {T}, school = {S}, year = 2015}",
            "@thesis{k,\n  title = {T},\n  institution = {S},\n  year = 2015,\n"
            "  type = {mathesis}\n}",
        ),
        (
            "@conference{k, title = {T}, booktitle = {B}, year = 1999, month = {7}}",
            "@inproceedings{k,\n  title = {T},\n  booktitle = {B},\n  date = {1999-07}\n}",
        ),
        (
            "@misc{k, title = {T}, pdf = {a.pdf}, annote = {N}, archiveprefix = {arXiv},"
            " primaryclass = {cs.AI}, key = {Kay}}",
            "@misc{k,\n  title = {T},\n  file = {a.pdf},\n  annotation = {N},\n"
            "  eprinttype = {arXiv},\n  eprintclass = {cs.AI},\n  sortkey = {Kay}\n}",
        ),
        # A date that agrees with year and month replaces them; one that differs keeps them.
        (
            "@article{k, title = {T}, journal = {J}, year = 2018, month = sep,"
            " date = {2018-09-25}}",
            "@article{k,\n  title = {T},\n  journaltitle = {J},\n  date = {2018-09-25}\n}",
        ),
        # Nothing to convert: the entry as written.
        (
            "@article{k, title = {T}, journaltitle = {J}, journal = {Old}, year = 2018,"
            " month = sep, date = {2019}}",
            "@article{k, title = {T}, journaltitle = {J}, journal = {Old}, year = 2018,"
            " month = sep, date = {2019}}",
        ),
    ],
)
def test_biblatex_converts_only_what_has_an_equivalent(bibtex: str, biblatex: str) -> None:
    assert export_citations(parse_bibliography(bibtex), fmt="biblatex") == biblatex + "\n"


def test_a_biblatex_entry_is_written_as_it_is() -> None:
    text = "@online{k,\n  title = {T},\n  url = {https://example.org},\n  date = {2021},\n}"
    assert export_citations(parse_bibliography(text), fmt="biblatex") == text + "\n"


def test_entries_built_in_code_still_export_through_csl() -> None:
    built = BibEntry(
        key="made",
        type="book",
        fields={"title": "Made in Code", "year": "2024"},
        text={"title": "Made in Code", "year": "2024"},
        names={},
        location=Location("<code>"),
    )
    read = read_bibliography(SEED_BIB)["shagina2018dilemma"]
    text = export_citations([read, built], fmt="bibtex")
    assert text.startswith(read.raw + "\n\n@book{made,\n")
    assert "  title = {Made in Code},\n  year = {2024}\n}" in text


def test_the_seed_map_exports_its_cited_entries_verbatim() -> None:
    from argmap import read_map
    from tests.support import SEED_MAP

    amap = read_map(SEED_MAP)
    bib = read_bibliography(SEED_BIB)
    text = export_citations(cited_sources(amap, bib), fmt="bibtex")
    source = SEED_BIB.read_text(encoding="utf-8")
    for block in _blocks(text):
        assert block in source
