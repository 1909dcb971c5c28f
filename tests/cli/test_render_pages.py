"""``argmap render`` for reviewers: the HTML page, page sizes, warnings, folder handling."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.diagrams.fonts import has_fontconfig, missing_glyphs
from tests.support import BIBLIOGRAPHY, SEED_MAP
from tests.support.cli import run

SEED_TEXT = SEED_MAP.read_text(encoding="utf-8")


def seed_copy(folder: Path, text: str = SEED_TEXT, name: str = "seed.yaml") -> Path:
    """The seed map in a folder of its own, its bibliography beside it; a copy under
    another name has an id of its own, as maps of one folder must."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BIBLIOGRAPHY / "shagina-japan-russia.bib", folder / "refs.bib")
    text = text.replace("../bibliography/shagina-japan-russia.bib", "refs.bib")
    if name != "seed.yaml":
        text = text.replace("\nid: shagina-2018-japan-sanctions\n", f"\nid: {Path(name).stem}\n", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.dot
def test_html_page_from_the_suffix_or_the_format(tmp_path: Path) -> None:
    source = seed_copy(tmp_path)
    code, _, err = run("render", str(source), "-o", str(tmp_path / "out" / "page.html"))
    assert code == 0, err
    page = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "(Shagina, 2018, p. 1)" in page
    code, _, err = run("render", str(source), "-f", "html", "-s", "ieee")
    assert code == 0 and err == f"wrote {tmp_path / 'seed.html'}\n"
    assert "[1]" in (tmp_path / "seed.html").read_text(encoding="utf-8")


def test_a_missing_key_is_a_located_warning(tmp_path: Path) -> None:
    text = SEED_TEXT.replace(
        "{key: shagina2018dilemma, locator: p. 1}", "{key: shagina2018dilema, locator: p. 1}", 1
    )
    source = seed_copy(tmp_path, text)
    code, out, err = run("render", str(source), "-f", "dot")
    assert code == 0 and out.startswith("digraph")
    line = line_of(text, "shagina2018dilema")
    assert err.startswith(f"{source}:{line}:")
    assert "warning: node 'abe-balancing' cites 'shagina2018dilema'" in err
    assert "did you mean 'shagina2018dilemma'?" in err
    code, out, err = run("render", str(source), "-f", "dot", "--strict")
    assert code == 1 and out == ""
    assert err.endswith("argmap: error: 1 warning with --strict: nothing written\n")


def test_a_map_without_bibliography_is_a_warning(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("bibliography: [../bibliography/shagina-japan-russia.bib]\n", "")
    source = tmp_path / "m.yaml"
    source.write_text(text, encoding="utf-8")
    code, _, err = run("render", str(source), "-f", "dot")
    assert code == 0
    assert "warning: the map cites 1 work but names no bibliography file" in err
    assert run("render", str(source), "-f", "dot", "--no-bib")[2] == ""


def test_weights_on_a_map_without_weights_are_a_warning(tmp_path: Path) -> None:
    source = seed_copy(tmp_path)
    code, _, err = run("render", str(source), "-f", "dot", "--weights")
    assert code == 0
    assert err == (
        f"{source}:1:1: warning: weights are to be shown, but no factor or relation has a weight\n"
    )
    weighted = SEED_TEXT.replace(
        "kind: pushes, from: g7-solidarity", "kind: pushes, weight: 0.8, from: g7-solidarity"
    )
    source = seed_copy(tmp_path / "w", weighted)
    assert run("render", str(source), "-f", "dot", "--weights")[2] == ""


@pytest.mark.skipif(not has_fontconfig(), reason="fontconfig (fc-list) is not installed")
def test_a_script_without_a_font_is_a_warning(tmp_path: Path) -> None:
    if not missing_glyphs(["日本"]):
        pytest.skip("a CJK font is installed here, so nothing is missing")
    text = SEED_TEXT.replace("title: No irritation for Moscow", "title: モスクワを刺激しない")
    source = seed_copy(tmp_path, text)
    code, _, err = run("render", str(source), "-f", "svg", "-o", str(tmp_path / "m.svg"))
    assert code == 0
    line = line_of(text, "モスクワ")
    assert f"{source}:{line}:12: warning: node 'avoid-irritation': no installed font" in err
    assert "they will show as boxes" in err
    # Latin, Greek and the diagram's own symbols are covered by any usable font.
    assert missing_glyphs(["Ελλάδα · café — “quoted” ───▶ ●"]) == []
    # DOT and Mermaid are text: their fonts are the reader's business.
    assert "no installed font" not in run("render", str(source), "-f", "dot")[2]


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    code, _, err = run("render", str(tmp_path))
    assert code == 2
    assert f"no map files (.yaml, .yml, .json) in {tmp_path}" in err


def test_a_file_name_for_a_folder_of_maps_is_refused(tmp_path: Path) -> None:
    seed_copy(tmp_path / "maps")
    code, _, err = run("render", str(tmp_path / "maps"), "-o", str(tmp_path / "two.svg"))
    assert code == 2
    assert "names a file, but" in err and "give a folder with -o" in err
    assert not (tmp_path / "two.svg").exists()


@pytest.mark.dot
def test_a_folder_renders_to_html_with_warnings(tmp_path: Path) -> None:
    seed_copy(tmp_path / "maps")
    text = SEED_TEXT.replace("{key: shagina2018dilemma, locator: p. 1}", "{key: nobody}", 1)
    seed_copy(tmp_path / "maps", text, name="other.yaml")
    code, _, err = run("render", str(tmp_path / "maps"), "-f", "html", "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.html", "seed.html"]
    assert "warning: node 'abe-balancing' cites 'nobody'" in err
    code, _, err = run(
        "render", str(tmp_path / "maps"), "-f", "html", "-o", str(tmp_path / "strict"), "--strict"
    )
    assert code == 1
    assert sorted(p.name for p in (tmp_path / "strict").iterdir()) == ["seed.html"]
    assert "1 of 2 maps rendered" in err


@pytest.mark.dot
def test_size_and_dpi_reach_graphviz(tmp_path: Path) -> None:
    source = seed_copy(tmp_path)
    code, out, _ = run("render", str(source), "-f", "dot", "--size", "slide", "--dpi", "200")
    assert code == 0
    assert 'page="13.3333,7.5"' in out and "margin=0.2" in out and "dpi=200" in out


def test_each_map_of_a_folder_lists_its_own_sources(tmp_path: Path) -> None:
    seed_copy(tmp_path / "maps", name="a.yaml")
    bare = SEED_TEXT.replace("bibliography: [../bibliography/shagina-japan-russia.bib]\n", "")
    (tmp_path / "maps" / "b.yaml").write_text(bare, encoding="utf-8")
    code, _, err = run("render", str(tmp_path / "maps"), "-f", "dot", "-o", str(tmp_path / "out"))
    assert code == 0, err
    first = (tmp_path / "out" / "a.dot").read_text(encoding="utf-8")
    second = (tmp_path / "out" / "b.dot").read_text(encoding="utf-8")
    assert "Shagina, M. (2018)" in first
    assert "Shagina, M. (2018)" not in second
    assert 'BALIGN="LEFT">shagina2018dilemma</TD>' in second
