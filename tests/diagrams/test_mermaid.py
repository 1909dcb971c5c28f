"""Mermaid flowcharts: golden output, the grammar, escaping, and Mermaid's own parser.

Mermaid's parser runs where ``node`` and the npm packages ``mermaid`` and ``jsdom`` are
installed: in the folder named by ``ARGMAP_MERMAID_MODULES`` (a ``node_modules``), or in
tests/tools/node_modules; elsewhere those tests are skipped.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.diagrams import to_mermaid
from argmap.diagrams.escape import wrap
from argmap.model import ArgumentMap
from tests.support import DATA, GOLDEN, MAPS, SEED_MAP, TOOLS
from tests.support.golden import assert_golden

FIXTURES = DATA / "diagrams"
GRAMMAR = FIXTURES / "grammar.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
NODE_LINE = re.compile(r'^    (n\d+)(\(|\[/|\[|\{\{)"(.*)"(\)|/\]|\]|\}\})$')


def mermaid_modules() -> Path | None:
    """A node_modules folder holding mermaid and jsdom, if there is one."""
    candidates = [os.environ.get("ARGMAP_MERMAID_MODULES"), TOOLS / "node_modules"]
    for candidate in candidates:
        folder = Path(candidate) if candidate else None
        if folder and (folder / "mermaid").is_dir() and (folder / "jsdom").is_dir():
            return folder
    return None


def decode(label: str) -> list[str]:
    """The text lines a reader sees in a label (our own tags dropped, entities decoded)."""
    text = re.sub(r"</?(small|b)>", "", label).replace("<br>", "\n")
    assert "<" not in text and '"' not in text, text
    text = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)
    text = re.sub(r"#(\w+);", lambda m: html.unescape(f"&{m.group(1)};"), text)
    return text.split("\n")


@pytest.mark.parametrize(
    ("name", "path", "options"),
    [
        ("seed.mmd", SEED_MAP, {}),
        ("grammar.mmd", GRAMMAR, {"direction": "LR", "hide_text": True}),
        ("hostile.mmd", HOSTILE, {}),
    ],
)
def test_golden_mermaid(name: str, path: Path, options: dict[str, object]) -> None:
    assert_golden(GOLDEN / "diagrams" / name, to_mermaid(argmap.read_map(path), **options))  # type: ignore[arg-type]


def test_grammar_links_follow_the_relation_kinds() -> None:
    source = to_mermaid(argmap.read_map(GRAMMAR))
    lines = source.splitlines()
    # Labels are wrapped once, by argmap: Mermaid's own wrapping is turned off.
    assert lines[:2] == ['%%{init: {"flowchart": {"wrappingWidth": 2000}}}%%', "flowchart BT"]
    assert '    n7 ==>|"push"| n0' in lines
    assert '    n8 -.->|"pull"| n0' in lines
    # The attack is undercut, so it runs through a junction too.
    assert "    n4 --- j2" in lines and "    j2 --x n0" in lines
    # The linked argument joins at a junction; the undercut and the question point at
    # the junctions of the inferences they target.
    assert "    n1 --- j0" in lines and "    n2 --- j0" in lines and "    j0 --> n0" in lines
    assert '    n5 -.-x|"undercuts"| j2' in lines
    assert '    n9 -.-o|"questions"| j1' in lines


def test_every_label_reads_as_written() -> None:
    amap = argmap.read_map(HOSTILE)
    source = to_mermaid(amap, wrap_width=0)
    labels = {}
    for line in source.splitlines():
        match = NODE_LINE.match(line)
        if match:
            labels[match.group(1)] = decode(match.group(3))
    assert len(labels) == len(amap.nodes)
    for index, node in enumerate(amap.nodes):
        shown = labels[f"n{index}"]
        for line in wrap(node.text, 0) + wrap(node.title or "", 0):
            assert line in shown, (node.id, line, shown)
    # One statement a line: no label opened a new one.
    statements = [line for line in source.splitlines() if line.startswith("    ")]
    assert all(line.count('"') in (0, 2) for line in statements if not line.startswith("    j"))


def test_schemes_label_the_link_into_each_conclusion(seed_map: ArgumentMap) -> None:
    assert "<i>" not in to_mermaid(seed_map)
    lines = to_mermaid(seed_map, show_schemes=True).splitlines()
    # After the word that names the kind, on the link out of a junction.
    assert '    n6 ==>|"push<br><i>Practical reasoning</i>"| n4' in lines
    assert '    n7 ==>|"push"| n4' in lines
    assert '    j7 -->|"<i>Value-based<br>practical reasoning</i>"| n0' in lines


def test_an_unknown_scheme_name_is_escaped_as_any_label() -> None:
    amap = argmap.read_map(HOSTILE)
    [line] = [x for x in to_mermaid(amap, show_schemes=True).splitlines() if "<i>" in x]
    label = line[line.index('|"') + 2 : line.rindex('"|')]
    assert label.startswith("<i>") and label.endswith("</i>")
    text = label[3:-4].replace("<br>", " ")
    assert "<" not in text and '"' not in text
    # Each entity decoded once, in one pass, as Mermaid reads them.
    shown = re.sub(
        r"#(\d+|[a-z]+);",
        lambda m: chr(int(m[1])) if m[1].isdigit() else html.unescape(f"&{m[1]};"),
        text,
    )
    assert shown == amap.relations[0].scheme
    assert line.count('"') == 2 and line.count("|") == 2


def test_focus_and_hide_evidence(seed_map: ArgumentMap) -> None:
    source = to_mermaid(seed_map, focus="abe-balancing", depth=1, hide_evidence=True)
    assert "The Abe administration" in source and "The dilemma" in source
    assert "Ukraine crisis" not in source and "Solidarity" not in source
    with pytest.raises(argmap.RenderError, match="cannot focus on 'nope'"):
        to_mermaid(seed_map, focus="nope")


def test_mermaid_parser_accepts_every_map(tmp_path: Path) -> None:
    modules = mermaid_modules()
    node = shutil.which("node")
    if modules is None or node is None:
        pytest.skip("node with the mermaid and jsdom packages is not installed")
    files = []
    paths = [*sorted(MAPS.glob("*.yaml")), GRAMMAR, HOSTILE]
    for path in paths:
        amap = argmap.read_map(path)
        variants = [{}, {"direction": "LR", "hide_text": True, "show_schemes": True}]
        for variant, options in enumerate(variants):
            target = tmp_path / f"{amap.id}-{variant}.mmd"
            target.write_text(to_mermaid(amap, **options), encoding="utf-8")  # type: ignore[arg-type]
            files.append(str(target))
    bad = tmp_path / "bad.mmd"
    bad.write_text('flowchart BT\n    a["x"] -.-y b["y"]\n', encoding="utf-8")
    script = str(FIXTURES / "mermaid-parse.mjs")
    result = subprocess.run(
        [node, script, str(modules), *files, str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = result.stdout.splitlines()
    # The broken file shows the parser does reject what it cannot read.
    assert lines[-1].startswith(f"ERR {bad}"), result.stdout + result.stderr
    assert lines[:-1] == [f"OK {f}" for f in files], result.stdout + result.stderr
