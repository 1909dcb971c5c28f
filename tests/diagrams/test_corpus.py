"""Diagrams of a map that builds on another: imported nodes dashed and labelled with their map.

The map drawn is test data that names nodes of the seed map and undercuts one of its
inferences (tests/data/workspace/undercutting.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.workspace.view import map_view
from tests.support import DATA

SEED = "shagina-2018-japan-sanctions"
COMPANION_ID = "undercutting"
COMPANION = DATA / "workspace" / f"{COMPANION_ID}.yaml"
IMPORTED = [
    f"{SEED}#symbolic-sanctions",
    f"{SEED}#territorial-dispute",
    f"{SEED}#sanctions-imposed",
    f"{SEED}#closing-critique",
]


def test_the_view_holds_the_imported_nodes_and_the_inference_undercut() -> None:
    shown = map_view(argmap.read_maps(COMPANION), COMPANION_ID)
    view, imported = shown.amap, shown.imported
    assert list(imported) == IMPORTED
    assert set(imported.values()) == {SEED}
    assert [n.id for n in view.nodes][3:] == IMPORTED
    assert view.thesis is not None and view.thesis.id == "u-thesis"
    undercut = view.relation("u-undercut")
    assert undercut.target == f"{SEED}#r-territory"
    assert view.relation(f"{SEED}#r-territory").sources == [f"{SEED}#territorial-dispute"]
    # The owner's actors come along under keys of their own.
    assert view.node(f"{SEED}#territorial-dispute").actor == f"{SEED}#russia"


def test_with_uses_one_draws_the_seed_map_whole_without_a_second_thesis() -> None:
    corpus = argmap.read_maps(COMPANION)
    shown = map_view(corpus, COMPANION_ID, depth=1)
    view, imported = shown.amap, shown.imported
    seed = corpus.maps[SEED]
    assert len(imported) == len(seed.nodes)
    assert len(view.relations) == len(seed.relations) + 5
    assert [n.id for n in view.nodes if getattr(n, "thesis", False)] == ["u-thesis"]
    with pytest.raises(ValueError, match="depth"):
        map_view(corpus, SEED, depth=-1)


def test_dot_draws_imported_nodes_dashed_with_their_map_in_the_label() -> None:
    shown = map_view(argmap.read_maps(COMPANION), COMPANION_ID)
    view, imported = shown.amap, shown.imported
    source = argmap.to_dot(view, imported=imported).source
    line = next(x for x in source.splitlines() if f'id="{SEED}#closing-critique"' in x)
    assert f"CLAIM · from {SEED}</FONT>" in line
    assert 'style="rounded,filled,dashed"' in line
    own = next(x for x in source.splitlines() if 'id="u-same"' in x)
    assert "dashed" not in own and "from " not in own
    assert f'"u-cost" -> "{SEED}#r-territory"' in source


def test_mermaid_gives_imported_nodes_a_dashed_class() -> None:
    shown = map_view(argmap.read_maps(COMPANION), COMPANION_ID)
    view, imported = shown.amap, shown.imported
    text = argmap.to_mermaid(view, imported=imported)
    assert "    classDef imported stroke-dasharray:5 3\n    class n3,n4,n5,n6 imported\n" in text
    assert f"<small>CLAIM · from {SEED}</small><br><b>The closing critique</b>" in text


def test_render_draws_what_a_map_names_of_another_and_more_with_uses() -> None:
    runner = CliRunner()
    plain = runner.invoke(main, ["render", str(COMPANION), "-f", "dot"])
    deep = runner.invoke(main, ["render", str(COMPANION), "-f", "dot", "--with-uses", "1"])
    assert plain.exit_code == deep.exit_code == 0
    assert plain.stdout.count(f"from {SEED}") == 4
    assert deep.stdout.count(f"from {SEED}") == 13
    mermaid = runner.invoke(main, ["render", str(COMPANION), "-f", "mermaid"])
    assert "class n3,n4,n5,n6 imported" in mermaid.stdout


@pytest.mark.dot
def test_the_html_page_draws_imported_nodes_labelled_with_their_map(tmp_path: Path) -> None:
    out = tmp_path / "companion.html"
    result = CliRunner().invoke(main, ["render", str(COMPANION), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    # Graphviz writes hyphens in SVG text as character references.
    assert page.count(f"from {SEED.replace('-', '&#45;')}") == 4
