"""``argmap render``: one map or a folder of maps, text to stdout, images to files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from argmap.citations import read_map_bibliography
from argmap.diagrams import to_dot, to_mermaid
from argmap.model import ArgumentMap, Claim, Node, Relation
from tests.support import DATA, SEED_MAP
from tests.support.cli import run

GRAMMAR = DATA / "diagrams" / "grammar.yaml"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with the seed map, the grammar fixture and a broken map."""
    folder = tmp_path / "maps"
    folder.mkdir()
    shutil.copy(SEED_MAP, folder / SEED_MAP.name)
    shutil.copy(GRAMMAR, folder / "grammar.yaml")
    (folder / "broken.yaml").write_text(
        "argmap: 1\nid: broken\ntitle: Broken\nnodes:\n  - {id: a, kind: claim, text: A}\n"
        "relations:\n  - {kind: supports, from: a, to: nowhere}\n",
        encoding="utf-8",
    )
    return folder


def test_dot_to_standard_output_matches_the_library() -> None:
    code, out, _ = run(
        "render", str(SEED_MAP), "--format", "dot", "--legend", "--theme", "print", "--no-bib"
    )
    assert code == 0
    assert out == to_dot(argmap.read_map(SEED_MAP), legend=True, theme="print").source


def test_the_key_block_lists_the_cited_works_in_the_chosen_style() -> None:
    amap = argmap.read_map(SEED_MAP)
    bib = read_map_bibliography(amap)
    for style in ("apa", "ieee"):
        code, out, _ = run("render", str(SEED_MAP), "-f", "dot", "--style", style)
        assert code == 0
        items = argmap.citations.csl_items([bib["shagina2018dilemma"]])
        [entry] = argmap.citations.format_references(items, style=style).values()
        expected = to_dot(amap, references={"shagina2018dilemma": entry}).source
        assert out == expected
    assert (
        "Shagina, M. (2018). Japan\u2019s dilemma with sanctions policy"
        in run("render", str(SEED_MAP), "-f", "dot")[1]
    )


def test_a_broken_bibliography_does_not_stop_the_diagram(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text("@book{k, title={A}\n", encoding="utf-8")
    text = SEED_MAP.read_text(encoding="utf-8").replace(
        "bibliography: [../bibliography/shagina-japan-russia.bib]", "bibliography: [refs.bib]"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("render", str(tmp_path / "m.yaml"), "-f", "dot")
    assert code == 0
    assert '[1]</TD><TD ALIGN="LEFT" BALIGN="LEFT">shagina2018dilemma</TD>' in out
    line = text.splitlines().index("bibliography: [refs.bib]") + 1
    assert err.startswith(
        f"{tmp_path / 'm.yaml'}:{line}:15: warning: the bibliography was not read; "
        "citations show as keys:\n"
    )
    assert f"{tmp_path / 'refs.bib'}:1:6: warning: this @book entry is never closed" in err


def test_mermaid_to_standard_output_with_options() -> None:
    code, out, _ = run(
        "render", str(SEED_MAP), "-f", "mermaid", "--direction", "LR", "--hide-evidence"
    )
    assert code == 0
    assert out == to_mermaid(argmap.read_map(SEED_MAP), direction="LR", hide_evidence=True)


def test_every_option_reaches_the_diagram() -> None:
    args = ["render", str(GRAMMAR), "-f", "dot", "--group-by", "kind", "--focus", "need"]
    args += ["--depth", "2", "--wrap", "12", "--hide-citations", "--hide-text", "--weights"]
    args += ["--no-title", "--direction", "LR"]
    code, out, _ = run(*args)
    assert code == 0
    expected = to_dot(
        argmap.read_map(GRAMMAR),
        group_by="kind",
        focus="need",
        depth=2,
        wrap_width=12,
        hide_citations=True,
        hide_text=True,
        show_weights=True,
        title=False,
        direction="LR",
    )
    assert out == expected.source


@pytest.mark.dot
def test_image_goes_next_to_the_map(maps: Path) -> None:
    source = maps / SEED_MAP.name
    before = source.read_bytes()
    code, _, err = run("render", str(source))
    target = source.with_suffix(".svg")
    assert code == 0 and f"wrote {target}" in err
    assert target.read_bytes().startswith(b"<?xml")
    assert source.read_bytes() == before


@pytest.mark.dot
@pytest.mark.parametrize(("name", "magic"), [("m.png", b"\x89PNG"), ("m.pdf", b"%PDF")])
def test_output_format_from_the_suffix(tmp_path: Path, name: str, magic: bytes) -> None:
    code, _, _ = run("render", str(SEED_MAP), "-o", str(tmp_path / name))
    assert code == 0
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_output_format_given_overrides_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "diagram.txt"
    code, _, _ = run("render", str(SEED_MAP), "-o", str(target), "-f", "dot")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith('digraph "shagina-2018-japan-sanctions"')


def test_unknown_suffix_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("render", str(SEED_MAP), "-o", str(tmp_path / "m.jpg"))
    assert code == 1
    assert "cannot tell the format from '.jpg'" in err and "Traceback" not in err


def test_bad_map_is_reported_located_without_traceback(maps: Path) -> None:
    code, out, err = run("render", str(maps / "broken.yaml"), "-f", "dot")
    assert code == 1 and out == ""
    assert f"{maps / 'broken.yaml'}:7:" in err and "nowhere" in err
    assert "Traceback" not in err


def test_unknown_focus_names_the_node() -> None:
    code, _, err = run("render", str(SEED_MAP), "-f", "dot", "--focus", "nope")
    assert code == 1
    assert err == f"{SEED_MAP}: error: no node 'nope' to focus on\n"


def test_refuses_to_overwrite_the_map(maps: Path) -> None:
    source = maps / "grammar.yaml"
    before = source.read_bytes()
    code, _, err = run("render", str(source), "-o", str(source), "-f", "dot")
    assert code == 1 and "the output is the input file" in err
    assert source.read_bytes() == before


def test_missing_graphviz_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    code, _, err = run("render", str(SEED_MAP), "-o", str(tmp_path / "m.svg"))
    assert code == 1
    assert "apt-get install graphviz" in err and "brew install graphviz" in err
    code, out, _ = run("render", str(SEED_MAP), "-f", "dot")
    assert code == 0 and out.startswith("digraph")


@pytest.mark.dot
def test_folder_renders_every_map_and_fails_at_the_end(maps: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    code, _, err = run("render", str(maps), "-o", str(outdir))
    assert code == 1
    assert sorted(p.name for p in outdir.iterdir()) == [
        "grammar.svg",
        "shagina-2018-japan-sanctions.svg",
    ]
    assert "Rendering" in err
    assert f"2 of 3 maps rendered to {outdir}, 1 failed:" in err
    assert f"{maps / 'broken.yaml'}:7:" in err


def test_folder_of_good_maps_succeeds_in_a_text_format(maps: Path, tmp_path: Path) -> None:
    (maps / "broken.yaml").unlink()
    outdir = tmp_path / "out"
    code, out, err = run("render", str(maps), "-o", str(outdir), "-f", "mermaid")
    assert code == 0 and out == ""
    assert sorted(p.name for p in outdir.iterdir()) == [
        "grammar.mmd",
        "shagina-2018-japan-sanctions.mmd",
    ]
    assert "2 of 2 maps rendered" in err


def test_large_map_suggests_focus(tmp_path: Path) -> None:
    nodes: list[Node] = [Claim(id="t", text="Thesis", thesis=True)]
    nodes += [Claim(id=f"c{i}", text=f"Reason {i}") for i in range(1001)]
    relations = [Relation(kind="supports", source=f"c{i}", target="t") for i in range(1001)]
    path = tmp_path / "large.yaml"
    argmap.write_map(ArgumentMap(id="large", title="Large", nodes=nodes, relations=relations), path)
    code, out, err = run("render", str(path), "-f", "dot", "--hide-text")
    assert code == 0 and out.startswith("digraph large")
    assert "large has 1002 nodes" in err and "--focus t --depth 2" in err
    code, _, err = run("render", str(path), "-f", "dot", "--focus", "c1")
    assert code == 0 and "--focus" not in err


# -- analysis, verdicts and schemes ------------------------------------------------------------


def test_analysis_verdict_colours_the_dot_as_the_library_does() -> None:
    from tests.support.diagrams import verdict_options

    code, out, err = run(
        "render", str(SEED_MAP), "-f", "dot", "--analysis", "verdict", "--legend", "--no-bib"
    )
    assert (code, err) == (0, "")
    amap = argmap.read_map(SEED_MAP)
    assert out == to_dot(amap, **verdict_options(SEED_MAP, legend=True)).source
    assert "<B>✓</B> <B>holds: preponderance</B>" in out


def test_schemes_are_off_for_images_unless_asked_for() -> None:
    amap = argmap.read_map(SEED_MAP)
    code, out, _ = run("render", str(SEED_MAP), "-f", "dot", "--no-bib")
    assert code == 0 and out == to_dot(amap).source and "<I>" not in out
    code, out, _ = run("render", str(SEED_MAP), "-f", "dot", "--no-bib", "--schemes")
    assert code == 0 and out == to_dot(amap, show_schemes=True).source
    code, out, _ = run("render", str(SEED_MAP), "-f", "mermaid", "--schemes")
    assert code == 0 and out == to_mermaid(amap, show_schemes=True)


@pytest.mark.dot
def test_analysis_verdict_colours_the_svg(tmp_path: Path) -> None:
    from argmap.diagrams.theme import COLOR

    target = tmp_path / "seed.svg"
    code, _, err = run("render", str(SEED_MAP), "--analysis", "verdict", "-o", str(target))
    assert code == 0, err
    svg = target.read_text(encoding="utf-8")
    # Every node but the question is filled with the tone of its verdict; all stand.
    assert svg.count(f'fill="{COLOR.tones["stands"].fillcolor}"') == 12
    assert svg.count(">✓</text>") == 12 and ">holds: preponderance</text>" in svg


@pytest.mark.dot
def test_the_page_shows_verdicts_and_schemes_unless_told_not_to(tmp_path: Path) -> None:
    from tests.support.pages import page_data

    page = tmp_path / "seed.html"
    code, _, err = run("render", str(SEED_MAP), "--analysis", "verdict", "-o", str(page))
    assert code == 0, err
    text = page.read_text(encoding="utf-8")
    data = page_data(text)
    assert list(data["verdicts"]) == ["symbolic-sanctions", "sanctions-imposed", "avoid-irritation"]
    assert len(data["inferences"]) == 6 and data["annotationLabel"] == "Analysis"
    assert data["nodes"]["symbolic-sanctions"]["tone"] == "stands"
    assert ">Practical reasoning</text>" in text
    code, _, err = run("render", str(SEED_MAP), "-o", str(page), "--no-verdicts", "--no-schemes")
    assert code == 0, err
    text = page.read_text(encoding="utf-8")
    assert "verdicts" not in page_data(text) and "inferences" not in page_data(text)
    assert 'id="argmap-verdicts"' not in text and ">Practical reasoning</text>" not in text


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (
            ["-f", "mermaid", "--analysis", "verdict"],
            "note: --analysis: no effect on mermaid (Mermaid draws its own way)\n",
        ),
        (
            ["-f", "dot", "--no-verdicts"],
            "note: --no-verdicts has no effect on dot (only the html page shows verdicts)\n",
        ),
    ],
)
def test_options_that_change_nothing_say_so(args: list[str], note: str) -> None:
    code, _, err = run("render", str(SEED_MAP), *args)
    assert (code, err) == (0, note)


def test_an_unknown_analysis_lists_the_choices() -> None:
    code, out, err = run("render", str(SEED_MAP), "-f", "dot", "--analysis", "verdicts")
    assert (code, out) == (2, "")
    assert err.endswith(
        "Error: Invalid value for '--analysis': 'verdicts' is not one of 'verdict', "
        "'grounded', 'preferred', 'df-quad'.\n"
    )
