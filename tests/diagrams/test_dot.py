"""DOT building: golden diagrams, the visual grammar, junctions, options and selection.

Golden files live in tests/golden/diagrams/; regenerate them after an intended change with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/diagrams/test_dot.py tests/diagrams/test_mermaid.py``
and review the diff.
"""

from __future__ import annotations

import inspect
import itertools
import re
from pathlib import Path
from typing import Any, get_type_hints

import pytest

import argmap
from argmap.analysis.report import Tone
from argmap.diagrams import DiagramOptions, to_dot
from argmap.diagrams.theme import COLOR, PRINT, TONES, to_gray
from argmap.model import ArgumentMap, Claim, Evidence, Relation
from tests.support import DATA, GOLDEN, SEED_MAP
from tests.support.diagrams import verdict_options
from tests.support.golden import assert_golden

FIXTURES = DATA / "diagrams"
GOLDEN_DIR = GOLDEN / "diagrams"
GRAMMAR = FIXTURES / "grammar.yaml"
#: A map whose verdicts stand, fall and are left open (Gordon and Walton's murder case).
MURDER = DATA / "analysis" / "carneades-murder.yaml"


def node_lines(source: str) -> dict[str, str]:
    """The statement of each node of DOT source, by its quoted or bare name."""
    found: dict[str, str] = {}
    for line in source.splitlines():
        match = re.match(r'\t+("(?:[^"\\]|\\.)*"|[\w.]+) \[', line)
        if match and "->" not in line and match.group(1) not in ("graph", "node", "edge"):
            found[match.group(1).strip('"')] = line
    return found


def edge_lines(source: str) -> list[tuple[str, str, str]]:
    """(tail, head, attributes) of each visible edge of DOT source."""
    edges = []
    for line in source.splitlines():
        match = re.match(r'\t+("[^"]*"|\S+) -> ("[^"]*"|\S+)(?: \[(.*)\])?$', line)
        if match and "style=invis" not in (match.group(3) or ""):
            edges.append((match.group(1).strip('"'), match.group(2).strip('"'), match.group(3)))
    return edges


# -- golden files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "options"),
    [
        ("seed.dot", SEED_MAP, {}),
        (
            "seed-print-legend-actors.dot",
            SEED_MAP,
            {"theme": "print", "legend": True, "group_by": "actor"},
        ),
        (
            "seed-focus.dot",
            SEED_MAP,
            {"focus": "avoid-irritation", "depth": 1, "direction": "LR", "hide_text": True},
        ),
        ("grammar.dot", GRAMMAR, {"legend": True, "show_weights": True}),
        (
            "seed-verdict-schemes.dot",
            SEED_MAP,
            verdict_options(SEED_MAP, show_schemes=True, legend=True),
        ),
        ("murder-verdict-print.dot", MURDER, verdict_options(MURDER, theme="print", legend=True)),
        (
            "grammar-kinds.dot",
            GRAMMAR,
            {"group_by": "kind", "hide_evidence": True, "wrap_width": 0, "title": False},
        ),
    ],
)
def test_golden_dot(name: str, path: Path, options: dict[str, Any]) -> None:
    assert_golden(GOLDEN_DIR / name, to_dot(argmap.read_map(path), **options).source)


# -- the grammar on the seed map ---------------------------------------------------------------


def test_seed_map_draws_every_node_and_relation(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map).source
    nodes = node_lines(source)
    assert {n.id for n in seed_map.nodes} <= set(nodes)
    # Two junctions: the linked r-balance and r-calculation, which r-critique undercuts.
    assert {"r-balance", "r-calculation"} <= set(nodes)
    edges = edge_lines(source)
    # 13 relations; r-balance has two premise lines and r-calculation one, plus one arrow
    # out of each junction: 11 plain edges + 3 + 2.
    assert len(edges) == 11 + 3 + 2


def test_thesis_is_emphasised(seed_map: ArgumentMap) -> None:
    nodes = node_lines(to_dot(seed_map).source)
    thesis = nodes["symbolic-sanctions"]
    assert "THESIS" in thesis and "penwidth=3" in thesis and "bold" in thesis
    assert "penwidth=3" not in nodes["sanctions-imposed"]


def test_push_and_pull_differ_in_colour_and_form(seed_map: ArgumentMap) -> None:
    edges = {(t, h): a for t, h, a in edge_lines(to_dot(seed_map).source)}
    push = edges[("g7-solidarity", "sanctions-imposed")]
    pull = edges[("territorial-dispute", "sanctions-imposed")]
    assert "arrowhead=normal" in push and "style=solid" in push
    # A pull runs from its factor toward the outcome, as every arrow does, with a hollow head.
    assert "arrowhead=empty" in pull and "dir=" not in pull and "arrowtail" not in pull
    assert "style=dashed" in pull and "dir=" not in push
    assert COLOR.edges["pushes"].color in push and COLOR.edges["pulls"].color in pull


def test_linked_premises_join_at_a_junction(seed_map: ArgumentMap) -> None:
    edges = edge_lines(to_dot(seed_map).source)
    into = sorted(t for t, h, _ in edges if h == "r-balance")
    assert into == ["avoid-irritation", "sanctions-imposed"]
    assert all("arrowhead=none" in a for t, h, a in edges if h == "r-balance")
    out = [(h, a) for t, h, a in edges if t == "r-balance"]
    assert len(out) == 1 and out[0][0] == "symbolic-sanctions"
    assert "arrowhead=normal" in out[0][1]


def test_undercut_points_at_the_inference_it_attacks(seed_map: ArgumentMap) -> None:
    edges = edge_lines(to_dot(seed_map).source)
    undercut = [a for t, h, a in edges if t == "closing-critique"]
    assert len(undercut) == 1
    assert ("closing-critique", "r-calculation") in {(t, h) for t, h, _ in edges}
    assert "arrowhead=tee" in undercut[0] and "style=dashed" in undercut[0]
    # The inference itself still runs from its premise through the junction.
    assert ("russia-strategic-role", "r-calculation") in {(t, h) for t, h, _ in edges}
    assert ("r-calculation", "avoid-irritation") in {(t, h) for t, h, _ in edges}


def test_direction_puts_the_thesis_on_top_or_right(seed_map: ArgumentMap) -> None:
    assert "rankdir=BT" in to_dot(seed_map).source
    assert "rankdir=LR" in to_dot(seed_map, direction="LR").source


def test_citation_markers_number_keys_in_order_of_first_citation() -> None:
    source = to_dot(argmap.read_map(GRAMMAR)).source
    nodes = node_lines(source)
    assert "[1, p. 4]" in nodes["thesis"]
    assert "[2]" in nodes["need"]
    assert "[1, pp. 5-6; 2, tab. 2]" in nodes["data"]
    key_block = nodes["#key-block"]
    assert key_block.index("smith2020") < key_block.index("jones2019")


def test_citation_labels_and_references_replace_numbers_and_keys() -> None:
    amap = argmap.read_map(GRAMMAR)
    source = to_dot(
        amap,
        citation_labels={"smith2020": "Smith 2020"},
        references={"smith2020": "Smith, A. (2020). Taxes & schools. <Press>."},
    ).source
    nodes = node_lines(source)
    assert "[Smith 2020, p. 4]" in nodes["thesis"]
    assert "[2]" in nodes["need"]
    assert "Smith, A. (2020). Taxes &amp; schools. &lt;Press&gt;." in nodes["#key-block"]


def test_hide_citations_removes_markers_and_key_block(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map, hide_citations=True).source
    assert "[1, p. 1]" not in source and "#key-block" not in source
    assert "#key-block" not in to_dot(seed_map, key_block=False).source


def test_print_theme_uses_only_greys(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map, theme="print", legend=True, group_by="kind").source
    colours = set(re.findall(r"#[0-9a-fA-F]{6}\b", source))
    assert colours
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours
    # Grayscale keeps the push and pull forms apart.
    assert PRINT.edges["pushes"].style != PRINT.edges["pulls"].style
    assert PRINT.nodes["push"].style != PRINT.nodes["pull"].style


def test_every_kind_has_a_distinct_form_without_colour() -> None:
    node_forms = {(s.shape, s.style, s.penwidth) for s in PRINT.nodes.values()}
    assert len(node_forms) == len(PRINT.nodes)
    edge_forms = {(s.style, s.arrowhead, s.penwidth) for s in PRINT.edges.values()}
    assert len(edge_forms) == len(PRINT.edges)


def test_group_by_actor_boxes_nodes_under_actor_names(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map, group_by="actor").source
    labels = re.findall(r"label=<([^>]*)> labeljust=l style=\"rounded,dashed\"", source)
    assert labels == [
        "Japan",
        "Abe administration",
        "Russia",
        "G7 and the West",
    ]
    # Within an actor box the actor's name is not repeated on each node.
    assert "CLAIM · Japan" not in source


def test_group_by_kind_boxes_nodes_by_kind(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map, group_by="kind").source
    labels = re.findall(r"label=<([^>]*)> labeljust=l style=\"rounded,dashed\"", source)
    assert labels == ["Claims", "Evidence", "Push factors", "Pull factors", "Questions"]


def test_focus_shows_the_neighbourhood_only(seed_map: ArgumentMap) -> None:
    nodes = set(node_lines(to_dot(seed_map, focus="avoid-irritation", depth=1).source))
    # Its direct neighbours, the whole linked argument it is a premise of, and the
    # undercutter of the inference into it (the undercut joins it to the inference).
    assert {
        "avoid-irritation",
        "asia-pacific-geopolitics",
        "russia-strategic-role",
        "symbolic-sanctions",
        "sanctions-imposed",
        "closing-critique",
    } <= nodes
    assert "ukraine-crisis-timing" not in nodes
    assert "g7-solidarity" not in nodes
    only = set(node_lines(to_dot(seed_map, focus="avoid-irritation", depth=0).source))
    assert {n for n in only if not n.startswith("#")} == {"avoid-irritation"}


def test_focus_grows_with_depth(seed_map: ArgumentMap) -> None:
    sizes = [
        len(node_lines(to_dot(seed_map, focus="ukraine-crisis-timing", depth=d).source))
        for d in range(5)
    ]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_focus_on_a_missing_node_names_it(seed_map: ArgumentMap) -> None:
    with pytest.raises(argmap.RenderError, match="cannot focus on 'nope'"):
        to_dot(seed_map, focus="nope")
    with pytest.raises(argmap.RenderError, match="depth must be a whole number from 0 up"):
        to_dot(seed_map, focus="avoid-irritation", depth=-1)


def test_hide_evidence_drops_evidence_and_its_relations(seed_map: ArgumentMap) -> None:
    source = to_dot(seed_map, hide_evidence=True).source
    assert "ukraine-crisis-timing" not in source
    assert "interests-collide" in source


def test_hidden_premise_of_a_linked_argument_keeps_the_rest() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="c", text="C", thesis=True),
            Claim(id="a", text="A"),
            Evidence(id="e", text="E", cites=[{"key": "k"}]),  # type: ignore[list-item]
        ],
        relations=[Relation(kind="supports", source=["a", "e"], target="c")],
    )
    edges = edge_lines(to_dot(amap, hide_evidence=True).source)
    assert [(t, h) for t, h, _ in edges] == [("a", "#relation-0"), ("#relation-0", "c")]


def test_show_weights_labels_factors_and_relations() -> None:
    amap = argmap.read_map(GRAMMAR)
    plain = to_dot(amap).source
    weighted = to_dot(amap, show_weights=True).source
    assert "weight 0.7" in weighted and "weight 0.7" not in plain
    assert ">0.9<" in weighted and ">0.9<" not in plain


def test_node_ids_with_colons_do_not_become_ports() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[Claim(id="aif:1", text="One", thesis=True), Claim(id="aif:2", text="Two")],
        relations=[Relation(kind="supports", source="aif:2", target="aif:1")],
    )
    edges = edge_lines(to_dot(amap).source)
    assert [(t, h) for t, h, _ in edges] == [("#node-1", "#node-0")]
    assert 'id="aif:1"' in to_dot(amap).source


def test_empty_map_gives_a_valid_empty_diagram() -> None:
    amap = ArgumentMap(id="empty", title="Empty")
    source = to_dot(amap, legend=True).source
    assert source.startswith("digraph empty {") and source.rstrip().endswith("}")


def test_options_type_lists_every_option_of_to_dot() -> None:
    parameters = inspect.signature(to_dot).parameters
    keyword_only = {n for n, p in parameters.items() if p.kind is p.KEYWORD_ONLY}
    assert keyword_only == set(get_type_hints(DiagramOptions))


def test_to_dot_starts_no_process(seed_map: ArgumentMap, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("to_dot started a process")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert to_dot(seed_map, legend=True).source


# -- an analysis's tones and the schemes of inferences -----------------------------------------


def test_tones_are_the_analysis_tones() -> None:
    from typing import get_args

    assert set(TONES) == set(get_args(Tone)) == set(COLOR.tones) == set(PRINT.tones)


def test_a_tone_fills_the_node_and_frames_its_annotation_as_a_badge() -> None:
    options = verdict_options(MURDER)
    assert set(options["tones"].values()) == {"stands", "falls"}
    nodes = node_lines(to_dot(argmap.read_map(MURDER), **options).source)
    for node_id, tone in options["tones"].items():
        marked = COLOR.tones[tone]
        line = nodes[node_id]
        assert f'fillcolor="{marked.fillcolor}"' in line
        assert f'STYLE="{marked.border}" COLOR="{marked.color}"' in line
        assert f"<B>{marked.mark}</B> <B>{options['annotations'][node_id]}</B>" in line
    assert "fails: beyond reasonable doubt" in nodes["intent"]
    # Without tones, an annotation is a bold line and the node keeps its kind's colour.
    plain = node_lines(to_dot(argmap.read_map(MURDER), annotations=options["annotations"]).source)
    assert (
        "STYLE=" not in plain["intent"]
        and "<B>fails: beyond reasonable doubt</B>" in plain["intent"]
    )
    assert f'fillcolor="{COLOR.nodes["claim"].fillcolor}"' in plain["intent"]


def test_tones_read_in_grayscale_by_fill_mark_and_frame() -> None:
    tones = list(PRINT.tones.values())
    fills = [int(t.fillcolor[1:3], 16) for t in tones]
    # Fills of clearly different greys (stands lightest), and for each tone its own mark
    # and frame, so that no tone depends on colour alone.
    assert fills == sorted(fills, reverse=True)
    assert min(a - b for a, b in itertools.pairwise(fills)) >= 12
    assert len({t.mark for t in tones}) == len({t.border for t in tones}) == 3
    colours = list(COLOR.tones.values())
    assert [to_gray(c.fillcolor) for c in colours] == [t.fillcolor for t in tones]


def test_the_legend_explains_the_tones_shown_and_the_framed_line() -> None:
    options = verdict_options(MURDER, legend=True)
    legend = node_lines(to_dot(argmap.read_map(MURDER), **options).source)["#legend"]
    assert "<B>Framed line on a node</B>: verdict of the proof standards" in legend
    assert COLOR.tones["stands"].legend in legend and COLOR.tones["falls"].legend in legend
    assert COLOR.tones["open"].legend not in legend  # no node is left open
    # Focused on part of the map, the legend names only the tones of the nodes shown.
    near = to_dot(argmap.read_map(MURDER), **{**options, "focus": "kill", "depth": 0})
    legend = node_lines(near.source)["#legend"]
    assert COLOR.tones["stands"].legend in legend and COLOR.tones["falls"].legend not in legend


def test_schemes_label_the_arrow_into_each_conclusion(seed_map: ArgumentMap) -> None:
    assert "<I>" not in to_dot(seed_map).source  # off unless asked for
    edges = {(t, h): a for t, h, a in edge_lines(to_dot(seed_map, show_schemes=True).source)}
    assert "<I>Practical reasoning</I>" in edges[("g7-solidarity", "sanctions-imposed")]
    assert "label" not in edges[("obligation-to-west", "sanctions-imposed")]  # names none
    # A junction's label is on the arrow out of it, not on the premises' lines.
    assert (
        "<I>Value-based<BR/>practical reasoning</I>" in edges[("r-balance", "symbolic-sanctions")]
    )
    assert "label" not in edges[("sanctions-imposed", "r-balance")]
    assert (
        "<I>Argument from cause<BR/>to effect</I>" in edges[("abe-balancing", "symbolic-sanctions")]
    )
    weighted = to_dot(argmap.read_map(GRAMMAR), show_schemes=True, show_weights=True).source
    assert ">0.9<" in weighted


def test_scheme_names_are_looked_up_and_unknown_ones_escaped() -> None:
    hostile = '"]; x [label=<<B>x</B>>]; \\N & <i>'
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[Claim(id="a", text="A"), Claim(id="b", text="B"), Claim(id="c", text="C")],
        relations=[
            Relation(
                kind="supports", source="a", target="c", scheme="Argument From Expert Opinion"
            ),
            Relation(kind="supports", source="b", target="c", scheme=hostile),
        ],
    )
    edges = edge_lines(to_dot(amap, show_schemes=True, wrap_width=0).source)
    labels = [a for t, h, a in edges]
    assert "<I>Argument from expert opinion</I>" in labels[0]
    assert (
        "<I>&quot;]; x [label=&lt;&lt;B&gt;x&lt;/B&gt;&gt;]; \\\\N &amp; &lt;i&gt;</I>" in labels[1]
    )
