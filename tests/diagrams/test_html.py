"""The HTML page: escaping, its content security policy, the data it carries, its size."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape as html_escape
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import render, to_dot
from argmap.analysis.verdict import verdicts
from argmap.citations import formatting, read_map_bibliography
from argmap.citations.bibliography import Bibliography, parse_bibliography
from argmap.diagrams.backend import pipe
from argmap.diagrams.html import escape_json, to_html
from argmap.model import ArgumentMap
from argmap.schemes.inferences import find_inferences, map_catalogue
from tests.support import SEED_BIB, SEED_MAP
from tests.support.maps import HOSTILE, HOSTILE_BIB, hostile_map, large_map, marked_map
from tests.support.pages import page_data, parse_page


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def fake_svg(amap: ArgumentMap) -> str:
    """An SVG of the shape Graphviz writes, for tests that need no dot."""
    groups = "".join(f'<g id="{n.id}" class="node"><title>{n.id}</title></g>' for n in amap.nodes)
    return f'<?xml version="1.0"?>\n<svg viewBox="0 0 100 100">{groups}</svg>'


@pytest.mark.parametrize("text", HOSTILE)
def test_json_cannot_close_its_script_element(text: str) -> None:
    escaped = escape_json({"text": text})
    assert not set("<>&\u2028\u2029") & set(escaped)
    assert json.loads(escaped) == {"text": text}


def test_hostile_text_stays_data() -> None:
    amap = hostile_map()
    bibliography = parse_bibliography(HOSTILE_BIB)
    page = to_html(amap, fake_svg(amap), bibliography=bibliography)
    parsed = parse_page(page)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object", "embed")]
    handlers = [(t, a) for t, attrs in parsed.tags for a in attrs if a.lower().startswith("on")]
    assert handlers == []
    data = page_data(page)
    nodes = data["nodes"]
    assert isinstance(nodes, dict)
    assert nodes["t"]["title"] == HOSTILE[0] and nodes["t"]["text"] == HOSTILE[1]
    assert nodes["t"]["cites"][0]["quote"] == HOSTILE[2]
    assert nodes["t"]["cites"][0]["note"] == HOSTILE[3]
    assert nodes["e"]["text"] == HOSTILE[4]
    # The bibliography entry is the CSL engine's escaped HTML: text, not an element.
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_policy_allows_exactly_the_inlined_script_and_style() -> None:
    amap = hostile_map()
    page = to_html(amap, fake_svg(amap))
    parsed = parse_page(page)
    policy = next(
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None
    rules = dict(rule.split(" ", 1) for rule in policy.split("; "))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == sha256(parsed.scripts[1])
    assert rules["style-src"] == sha256(parsed.styles[0])
    assert "unsafe-inline" not in policy and "http" not in policy


def test_the_page_fetches_nothing() -> None:
    amap = argmap.read_map(SEED_MAP)
    page = to_html(amap, fake_svg(amap), bibliography=read_map_bibliography(amap))
    parsed = parse_page(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and tag not in ("link", "img", "iframe"), tag
        href = attrs.get("href") or "#"
        # Links the reader may follow (a reference's URL) are fine; nothing loads by itself.
        assert href.startswith("#") or (tag == "a" and href.startswith("https://")), href
    assert "url(" not in parsed.styles[0] and "@import" not in parsed.styles[0]
    assert "fetch(" not in parsed.scripts[1] and "XMLHttpRequest" not in parsed.scripts[1]


def test_seed_page_carries_formatted_citations_and_links() -> None:
    amap = argmap.read_map(SEED_MAP)
    bibliography = argmap.read_bibliography(SEED_BIB)
    page = to_html(amap, fake_svg(amap), bibliography=bibliography, style="chicago")
    nodes = page_data(page)["nodes"]
    assert isinstance(nodes, dict)
    imposed = nodes["sanctions-imposed"]
    assert imposed["kind"] == "Claim" and imposed["actor"] == "Japan"
    assert imposed["citation"] == "(Shagina 2018, 1)"
    assert imposed["cites"][0]["quote"] == "Japan imposed sanctions on Russia, albeit reluctantly"
    assert imposed["cites"][0]["reference"].startswith("Shagina, Maria. 2018.")
    links = {group["heading"]: group["items"] for group in imposed["links"]}
    assert links["Pushed by"] == [{"id": "g7-solidarity"}, {"id": "obligation-to-west"}]
    assert {"id": "territorial-dispute"} in links["Pulled away by"]
    assert links["Supports"] == [{"id": "symbolic-sanctions", "with": ["avoid-irritation"]}]
    critique = {g["heading"]: g["items"] for g in nodes["closing-critique"]["links"]}
    assert critique["Undercuts the inference"] == [
        {"id": "russia-strategic-role", "to": "avoid-irritation"}
    ]
    assert '<section id="argmap-references">' in page
    assert '<li id="ref-shagina2018dilemma">Shagina, Maria. 2018.' in page


def test_annotations_show_as_status() -> None:
    amap = argmap.read_map(SEED_MAP)
    statuses = {"symbolic-sanctions": "in", "closing-critique": "undec"}
    page = to_html(amap, fake_svg(amap), annotations=statuses, annotation_label="Grounded")
    data = page_data(page)
    nodes = data["nodes"]
    assert isinstance(nodes, dict)
    assert {k: v["status"] for k, v in nodes.items() if "status" in v} == statuses
    assert data["annotationLabel"] == "Grounded"


def analysed_page(amap: ArgumentMap, **options: Any) -> str:
    """The page of a map with its verdicts and its inferences' schemes, as render draws it."""
    found = find_inferences(amap, map_catalogue(amap)[0])
    return to_html(amap, fake_svg(amap), verdicts=verdicts(amap), inferences=found, **options)


def test_the_verdicts_of_the_thesis_and_outcomes_travel_with_the_page(
    seed_map: ArgumentMap,
) -> None:
    data = page_data(analysed_page(seed_map))
    found = data["verdicts"]
    assert list(found) == ["symbolic-sanctions", "sanctions-imposed", "avoid-irritation"]
    imposed = found["sanctions-imposed"]
    assert (imposed["roles"], imposed["status"], imposed["holds"]) == (
        ["outcome"],
        "accepted",
        "yes",
    )
    assert imposed["tone"] == "stands" and "node" not in imposed
    assert [c["premises"] for c in imposed["cons"]] == [
        ["territorial-dispute"],
        ["asia-pacific-geopolitics"],
        ["russia-strategic-role"],
    ]
    answers = {a["standard"]: a for a in imposed["standards"]}
    assert answers["dialectical-validity"]["answer"] == "no"
    assert answers["dialectical-validity"]["flip"] == "it would be met if all 3 cons fell"
    assert data["standards"]["preponderance"] == "preponderance of the evidence"


def test_the_summary_under_the_diagram_names_each_verdict(seed_map: ArgumentMap) -> None:
    page = analysed_page(seed_map)
    summary = page[page.index('<details id="argmap-verdicts"') : page.index("</details>")]
    rows = re.findall(r"<li[^>]*>(.*?)</li>", summary)
    text = [re.sub(r"<[^>]+>", "", row) for row in rows]
    assert text == [
        "✓ Symbolic sanctions (thesis): holds by preponderance of the evidence (2 pros, no con)",
        "✓ Sanctions imposed, reluctantly (outcome): accepted, stated as fact (2 pros, 3 cons)",
        "✓ No irritation for Moscow (outcome): holds by preponderance of the evidence "
        "(2 pros, no con)",
    ]
    assert '<a href="#sanctions-imposed">' in summary
    # The summary sits in the diagram's frame, above the legend.
    order = [page.index(f'id="argmap-{part}"') for part in ("diagram", "verdicts", "legend")]
    assert order == sorted(order) and order[-1] < page.index("</figure>")


def test_a_verdict_that_fails_and_one_left_open_are_told_apart() -> None:
    amap = argmap.read_map("tests/data/analysis/carneades-murder.yaml")
    page = analysed_page(amap)
    summary = page[page.index('<details id="argmap-verdicts"') : page.index("</details>")]
    assert '<li class="argmap-tone-falls"><span class="argmap-mark" aria-label="falls">✗' in (
        summary
    )
    assert "fails a scintilla of evidence" in summary
    weighted = argmap.read_map("tests/data/analysis/weighted-decision.yaml")
    tones = {v["tone"] for v in page_data(analysed_page(weighted))["verdicts"].values()}
    assert tones == {"stands"}


def test_inferences_carry_their_scheme_and_the_state_of_each_question(
    seed_map: ArgumentMap,
) -> None:
    data = page_data(analysed_page(seed_map))
    steps = data["inferences"]
    # Every relation that names a scheme, by the name of its junction or relation.
    assert sorted(steps) == [
        "r-abe",
        "r-balance",
        "r-calculation",
        "r-g7",
        "r-territory",
        "r-timing",
    ]
    calculation = steps["r-calculation"]
    assert calculation["premises"] == ["russia-strategic-role"]
    assert calculation["conclusion"] == "avoid-irritation"
    # A scheme is written once, however many inferences use it.
    assert calculation["scheme"] == steps["r-g7"]["scheme"] == "practical-reasoning"
    assert sorted(data["schemes"]) == [
        "cause-to-effect",
        "example",
        "practical-reasoning",
        "value-based-practical-reasoning",
    ]
    scheme = data["schemes"]["practical-reasoning"]
    assert scheme["title"] == "Practical reasoning"
    assert scheme["conclusion"] == "a should, practically speaking, do X."
    texts = [q["text"] for q in scheme["questions"]]
    states = dict(zip(texts, calculation["questions"], strict=True))
    assert [q["status"] for q in calculation["questions"]].count("open") == 4
    means = states["Will X really bring G about?"]
    assert means["status"] == "raised" and "answeredBy" not in means
    assert means["raisedBy"] == [
        {"id": "russia-role-question"},
        {"ids": ["closing-critique"], "kind": "undercuts"},
    ]
    # The conclusion's panel lists the inferences into it.
    nodes = data["nodes"]
    assert nodes["avoid-irritation"]["inferences"] == ["r-calculation"]
    assert nodes["sanctions-imposed"]["inferences"] == ["r-g7", "r-territory"]
    assert "inferences" not in nodes["g7-solidarity"]


def test_without_verdicts_or_inferences_the_page_shows_neither(seed_map: ArgumentMap) -> None:
    page = to_html(seed_map, fake_svg(seed_map))
    data = page_data(page)
    assert "verdicts" not in data and "inferences" not in data
    assert 'id="argmap-verdicts"' not in page and "argument scheme" not in page


def test_hostile_scheme_names_and_titles_stay_text() -> None:
    amap = hostile_map()
    page = analysed_page(amap)
    data = page_data(page)
    [step] = data["inferences"].values()
    assert step["named"] == HOSTILE[1] and "scheme" not in step
    summary = page[page.index('<details id="argmap-verdicts"') : page.index("</details>")]
    assert html_escape(HOSTILE[0]) in summary and "<script>" not in summary
    parsed = parse_page(page)
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object", "embed")]


def test_tones_and_the_analysis_key_reach_the_panel_and_legend(seed_map: ArgumentMap) -> None:
    from argmap.analysis.report import node_annotations

    marks = node_annotations(seed_map, "verdict")
    page = to_html(
        seed_map,
        fake_svg(seed_map),
        annotations=marks.labels,
        annotation_label="Analysis",
        annotation_key=marks.key,
        tones=marks.tones,
    )
    nodes = page_data(page)["nodes"]
    assert nodes["sanctions-imposed"]["tone"] == "stands"
    assert nodes["sanctions-imposed"]["status"] == "accepted; contested"
    assert "tone" not in nodes["russia-role-question"]
    legend = page[page.index('<details id="argmap-legend"') :]
    assert "stands (holds, accepted, in)" in legend and "falls (" not in legend
    assert "<strong>Framed line on a node</strong>: verdict of the proof standards" in legend


def test_text_that_is_not_svg_is_refused() -> None:
    with pytest.raises(ValueError, match="no <svg> element"):
        to_html(argmap.read_map(SEED_MAP), "<html></html>")


def test_missing_keys_show_as_keys() -> None:
    amap = hostile_map()
    page = to_html(amap, fake_svg(amap), bibliography=Bibliography())
    cite = page_data(page)["nodes"]["t"]["cites"][0]
    assert cite["key"] == "evil" and "reference" not in cite
    assert "citation" not in page_data(page)["nodes"]["t"]


@pytest.mark.dot
# What the seed's page adds to its SVG: the script and style sheet (about 26 KB), the data
# of its 13 nodes, 3 verdicts and 6 inferences with their 4 schemes, and the references.
@pytest.mark.parametrize(("amap", "limit"), [("seed", 60_000), ("large", 2_000_000)])
def test_page_sizes_stay_within_budget(amap: str, limit: int) -> None:
    chosen = argmap.read_map(SEED_MAP) if amap == "seed" else large_map(500)
    bibliography = argmap.read_bibliography(SEED_BIB)
    svg = pipe(to_dot(chosen, show_schemes=True).source, format="svg").decode()
    # The page as render draws it: with the verdicts and the schemes.
    found = find_inferences(chosen, map_catalogue(chosen)[0])
    page = to_html(
        chosen, svg, bibliography=bibliography, verdicts=verdicts(chosen), inferences=found
    )
    size = len(page.encode()) if amap == "large" else len(page.encode()) - len(svg.encode())
    assert size <= limit, size


def test_the_page_styles_the_references_classes_under_its_policy() -> None:
    amap, bibliography = marked_map()
    page = to_html(amap, fake_svg(amap), bibliography=bibliography)
    parsed = parse_page(page)
    [sheet] = parsed.styles
    assert formatting.HTML_CSS in sheet
    references = page[page.index('<section id="argmap-references">') :]
    used = set(re.findall(r'class="(csl-[a-z-]+)"', references))
    assert {"csl-small-caps", "csl-nodecor"} <= used
    assert used <= set(re.findall(r"\.(csl-[a-z-]+)", sheet))
    # Classes only: the policy allows the one sheet, and no style attribute.
    assert not [attrs for _, attrs in parsed.tags if "style" in attrs]


@pytest.mark.dot
def test_render_writes_the_page_with_references(tmp_path: Path) -> None:
    amap = argmap.read_map(SEED_MAP)
    bibliography = read_map_bibliography(amap)
    target = render(amap, tmp_path / "seed.html", bibliography=bibliography, style="mla")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert '<g id="argmap-node-symbolic&#45;sanctions" class="node">' in svg
    # The sources box of the diagram itself lists the formatted reference, not the key.
    assert "Shagina, Maria. Japan\u2019s Dilemma" in svg
    # The page shows the verdicts and the schemes unless asked not to: its readers
    # cannot ask for them.
    assert 'font-style="italic"' in svg and ">Practical reasoning</text>" in svg
    data = page_data(page)
    assert len(data["verdicts"]) == 3 and len(data["inferences"]) == 6
    plain = render(amap, tmp_path / "plain.html", verdicts=False, show_schemes=False)
    text = plain.read_text(encoding="utf-8")
    assert ">Practical reasoning</text>" not in text
    assert "verdicts" not in page_data(text) and "inferences" not in page_data(text)
    with pytest.raises(argmap.RenderError, match="needs a map"):
        render(to_dot(amap), tmp_path / "x.html")


@pytest.mark.parametrize("style", ["apa", "chicago", "ieee", "mla", "harvard"])
def test_citations_of_all_nodes_at_once_match_one_by_one(style: str) -> None:
    from argmap.citations.formatting import format_node_citation, format_node_citations
    from tests.support.synthetic import synthetic_map

    amap = synthetic_map(60)
    bibliography = parse_bibliography(
        "".join(
            f"@book{{source{i}, author={{Same, Ann}}, title={{Book {i}}}, year={{2018}}}}\n"
            for i in range(13)
        )
    )
    together = format_node_citations(amap, bibliography, style=style)
    one_by_one = {
        n.id: format_node_citation(amap, n.id, bibliography, style=style)
        for n in amap.nodes
        if n.cites
    }
    assert together == one_by_one
    assert len(set(together.values())) > 13  # year suffixes and locators differ
