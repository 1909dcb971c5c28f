"""The self-contained HTML page of a map: its SVG diagram, node details, the bibliography.

:func:`to_html` is pure: it takes the SVG that Graphviz drew (see
:func:`argmap.render`) and returns one HTML document that needs nothing else: the
page's script and style (``assets/page.js``, and ``assets/page.css`` with the classes of
the formatted references) are inlined and allowed by their SHA-256 hashes in a
``Content-Security-Policy`` that forbids everything else, so the page makes no request,
fetches no font, and runs no script a map's text could smuggle in. Node data travels as
JSON in a ``<script type="application/json">`` block, escaped so that no text can close it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from argmap.citations.bibliography import Bibliography
from argmap.citations.formatting import HTML_CSS, format_cited, format_node_citations
from argmap.diagrams._analysis import inference_data, verdict_data, verdict_summary
from argmap.diagrams.theme import COLOR, NODE_ROLES, Tone, node_role
from argmap.model import ArgumentMap, Factor, Node

if TYPE_CHECKING:
    from argmap.analysis.verdict import Verdict
    from argmap.schemes.inferences import Inference

__all__ = ["content_security_policy", "escape_json", "to_html"]

#: What a relation does to its target, as the side panel words it (the target's view).
_INCOMING = {
    "supports": "Supported by",
    "attacks": "Attacked by",
    "undercuts": "Undercut by",
    "pushes": "Pushed by",
    "pulls": "Pulled away by",
    "questions": "Questioned by",
    "rephrases": "Rephrased by",
    "prefers": "Less preferred than",
}
#: ... and the source's view.
_OUTGOING = {
    "supports": "Supports",
    "attacks": "Attacks",
    "undercuts": "Undercuts",
    "pushes": "Pushes toward",
    "pulls": "Pulls away from",
    "questions": "Questions",
    "rephrases": "Rephrases",
    "prefers": "Is preferred to",
}
_ROLE_NAMES = {
    "thesis": "Thesis",
    "claim": "Claim",
    "evidence": "Evidence",
    "push": "Push factor",
    "pull": "Pull factor",
    "question": "Question",
}
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SVG_START = re.compile(r"<svg\b")
_NODE_GROUP = re.compile(r'<g id="([^"]*)" class="node">')
#: What the page puts before a node's id in its diagram: ``page.html#node-id`` then names
#: no element, so the browser does not jump to it (the diagram pans instead), and no id
#: of the map can clash with the page's own.
_NODE_PREFIX = "argmap-node-"


def escape_json(data: Any) -> str:
    r"""JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\u`` escapes, so no text can close the element or
    open a comment; U+2028 and U+2029 too, which older JavaScript reads as line breaks.

    >>> escape_json({"text": "</script><b>&"})
    '{"text": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    >>> escape_json("\u2028") == '"\\u2028"'
    True
    """
    text = json.dumps(data, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def content_security_policy(script: str, style: str) -> str:
    """A policy that allows this one script and this one style sheet, and nothing else.

    >>> content_security_policy("", "").split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]
    """
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _asset(name: str) -> str:
    return files("argmap.diagrams").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def _style_sheet() -> str:
    """The page's one style sheet: its own, then the classes of the formatted references.

    The references are the CSL engine's HTML, which sets small caps, upright text and the
    like by class (:data:`argmap.citations.formatting.HTML_CSS`); a ``style`` attribute or
    a second sheet would need the policy to allow more.
    """
    return _asset("page.css") + "/* The formatted references' classes. */\n" + HTML_CSS


def to_html(
    amap: ArgumentMap,
    svg: str,
    *,
    bibliography: Bibliography | None = None,
    style: str = "apa",
    annotations: Mapping[str, str] | None = None,
    annotation_label: str = "Status",
    annotation_key: str | None = None,
    tones: Mapping[str, Tone] | None = None,
    verdicts: Sequence[Verdict] = (),
    inferences: Sequence[Inference] = (),
) -> str:
    """One self-contained HTML page of a map, built around its diagram.

    The page shows the diagram with pan and zoom, a search box, and a side panel that a
    click (or Enter on a focused node) opens: the node's kind, actor, text, quotes with
    their locators, its formatted citations, the nodes that support, attack, push or pull
    it (as links), its status when ``annotations`` gives one, its verdict when
    ``verdicts`` has one (each proof standard's answer and what would flip it, each pro
    and con and whether it applies), and the schemes of the inferences into it with the
    state of each critical question. Under the diagram come a summary of the verdicts
    and a legend; below it the formatted bibliography. ``page.html#node-id`` opens the
    page at a node, ``page.html#relation-id`` at an inference drawn as a junction.

    Args:
        amap: the map.
        svg: the map's diagram as Graphviz drew it (``dot -Tsvg`` of
            :func:`argmap.to_dot`); its node elements carry the node ids. It is inlined
            as it is; a script in it would not run, as the policy allows only the page's.
        bibliography: where the map's keys resolve; without it (or when it lacks a key
            the map cites) citations are shown as their keys and locators.
        style: the citation style of citations and bibliography (see
            :data:`argmap.citations.formatting.CITATION_STYLES`).
        annotations: a label for some nodes, by id, such as the result of an analysis
            (``"in"``, ``"out"``, ``"undec"``, or a strength).
        annotation_label: what the panel calls the annotation.
        annotation_key: what the annotations mean, for the page's legend.
        tones: how the analysis reads each node (``"stands"``, ``"falls"``, ``"open"``),
            as :func:`argmap.to_dot` colours it; the panel and legend show it too.
        verdicts: the verdicts on the map's thesis and outcomes
            (:func:`argmap.analysis.verdict.verdicts`).
        inferences: the map's inferences with their schemes
            (:func:`argmap.schemes.inferences.find_inferences`); those that name a scheme
            are shown.

    Returns:
        The HTML document.

    Raises:
        ValueError: ``svg`` holds no ``<svg>`` element, or the style is unknown.

    >>> from argmap.model import Claim
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="t", text="</script>")])
    >>> page = to_html(amap, '<svg viewBox="0 0 1 1"></svg>')
    >>> "</script>" in page.split('id="argmap-data"')[1].split("</script>")[0]
    False
    """
    start = _SVG_START.search(svg)
    if start is None:
        raise ValueError("the diagram is not SVG: it has no <svg> element")
    script, sheet = _asset("page.js"), _style_sheet()
    keys = amap.cited_keys()
    references = format_cited(bibliography, keys, style=style) if bibliography else {}
    entries = format_cited(bibliography, keys, style=style, output="html") if bibliography else {}
    # Numbers and year suffixes come from the whole reading list, which a missing key
    # leaves undefined: then no in-text citation is formatted (each cite shows its key).
    complete = bibliography is not None and all(key in bibliography for key in keys)
    citations = (
        format_node_citations(amap, bibliography, style=style)
        if bibliography is not None and complete
        else {}
    )
    links = _all_links(amap)
    nodes = {
        node.id: _node_data(
            amap, node, citations, references, links.get(node.id, []), annotations, tones
        )
        for node in amap.nodes
    }
    steps, schemes = inference_data(amap, inferences)
    for key, step in steps.items():
        into = nodes.get(step["conclusion"])
        if into is not None:
            into.setdefault("inferences", []).append(key)
    data: dict[str, Any] = {"nodes": nodes, "annotationLabel": annotation_label}
    if steps:
        data["inferences"], data["schemes"] = steps, schemes
    if verdicts:
        from argmap.analysis.verdict import STANDARD_NAMES

        data["verdicts"] = verdict_data(verdicts)
        data["standards"] = STANDARD_NAMES
    shown_tones = set((tones or {}).values())
    title = html.escape(amap.title)
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" '
        f'content="{html.escape(content_security_policy(script, sheet))}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f'<meta name="generator" content="argmap">\n<title>{title}</title>\n',
        f"<style>{sheet}</style>\n</head>\n<body>\n",
        '<header id="argmap-bar">\n',
        f'<h1 id="argmap-title">{title}</h1>\n',
        '<div id="argmap-tools" role="search">\n',
        '<label for="argmap-search">Search</label>\n',
        '<input id="argmap-search" type="search" autocomplete="off" '
        'placeholder="Search nodes (/)" aria-controls="argmap-results">\n',
        '<button type="button" id="argmap-zoom-in" title="Zoom in (+)">+</button>\n',
        '<button type="button" id="argmap-zoom-out" title="Zoom out (-)">&#8722;</button>\n',
        '<button type="button" id="argmap-fit" title="Fit to the window (0)">Fit</button>\n',
        "</div>\n",
        '<ul id="argmap-results" aria-live="polite"></ul>\n',
        "</header>\n<main>\n",
        '<figure id="argmap-diagram" aria-label="Diagram of the argument map">\n',
        _NODE_GROUP.sub(f'<g id="{_NODE_PREFIX}\\1" class="node">', svg[start.start() :].strip()),
        "\n" + verdict_summary(verdicts),
        ""
        if _LEGEND_IN_SVG in svg
        else _legend(
            amap,
            tones=shown_tones,
            schemes=any("scheme" in step for step in steps.values()),
            annotation_key=annotation_key if annotations or tones else None,
        ),
        "</figure>\n",
        '<aside id="argmap-panel" aria-live="polite" hidden>\n',
        '<button type="button" id="argmap-close" title="Close (Esc)">&#215;</button>\n',
        '<div id="argmap-details"></div>\n</aside>\n</main>\n',
        _description(amap),
        _bibliography(entries),
        f'<script type="application/json" id="argmap-data">{escape_json(data)}</script>\n',
        f"<script>{script}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


#: The title of the legend Graphviz drew into the diagram (``to_dot(..., legend=True)``).
_LEGEND_IN_SVG = "<title>#legend</title>"


def _legend(
    amap: ArgumentMap,
    *,
    tones: set[Tone] | None = None,
    schemes: bool = False,
    annotation_key: str | None = None,
) -> str:
    """A legend of the kinds of node and relation the map has, under the diagram.

    The page has no reader to ask what a dashed orange arrow means, so it explains its
    shapes and lines unless the diagram holds Graphviz's own legend, and the colours and
    badges of an analysis and the scheme titles on arrows where the diagram has them.
    The samples are small SVG drawings in the diagram's colours (attributes, not styles,
    as the page's Content-Security-Policy allows no inline style).
    """
    roles = {node_role(n) for n in amap.nodes}
    kinds = {r.kind for r in amap.relations}
    rows = []
    for role in NODE_ROLES:
        if role not in roles:
            continue
        style = COLOR.nodes[role]
        dash = ' stroke-dasharray="4 2"' if "dashed" in style.style else ""
        corner = ' rx="4"' if "rounded" in style.style else ""
        sample = (
            f'<rect x="2" y="3" width="32" height="14" fill="{style.fillcolor}" '
            f'stroke="{style.color}" stroke-width="{min(style.penwidth, 2.5):g}"{dash}{corner}/>'
        )
        rows.append((sample, style.legend))
    for kind, edge in COLOR.edges.items():
        if kind not in kinds:
            continue
        line = (
            f'<line x1="2" y1="10" x2="27" y2="10" stroke="{edge.color}" '
            f'stroke-width="{min(edge.penwidth, 2.5):g}"{_LEGEND_DASHES.get(edge.style, "")}/>'
        )
        rows.append(
            (line + _LEGEND_HEADS.get(edge.arrowhead, "").format(c=edge.color), edge.legend)
        )
    if schemes:
        sample = '<text x="1" y="13" font-size="8.5" font-style="italic" fill="#555">Scheme</text>'
        rows.append((sample, "the argument scheme of an inference"))
    for tone, marked in COLOR.tones.items():
        if tone not in (tones or ()):
            continue
        dash = _LEGEND_DASHES.get(marked.border, "")
        sample = (
            f'<rect x="2" y="3" width="32" height="14" fill="{marked.fillcolor}" '
            f'stroke="{marked.color}"{dash}/><text x="18" y="14.5" font-size="11" '
            f'font-weight="bold" text-anchor="middle" fill="{marked.color}">{marked.mark}</text>'
        )
        rows.append((sample, marked.legend))
    if not rows:
        return ""
    items = "".join(
        f'<li><svg width="36" height="20" viewBox="0 0 36 20" aria-hidden="true">{sample}'
        f"</svg> {html.escape(meaning)}</li>"
        for sample, meaning in rows
    )
    key = ""
    if annotation_key:
        line = "Framed line on a node" if tones else "Bold line on a node"
        key = f"<p><strong>{line}</strong>: {html.escape(annotation_key)}</p>"
    return (
        '<details id="argmap-legend" open><summary>Legend</summary>'
        f"<ul>{items}</ul><p>Arrows point from a reason to what it bears on.</p>{key}</details>\n"
    )


#: The line styles of the legend's samples.
_LEGEND_DASHES = {"dashed": ' stroke-dasharray="5 3"', "dotted": ' stroke-dasharray="1 3"'}
#: The arrowheads of the legend's samples, at the right end of the line (x = 27..34).
_LEGEND_HEADS = {
    "normal": '<polygon points="26,5 34,10 26,15" fill="{c}" stroke="{c}"/>',
    "empty": '<polygon points="26,5 34,10 26,15" fill="#fff" stroke="{c}" stroke-width="1.5"/>',
    "tee": '<line x1="30" y1="4" x2="30" y2="16" stroke="{c}" stroke-width="2.5"/>',
    "odot": '<circle cx="30" cy="10" r="3.5" fill="#fff" stroke="{c}" stroke-width="1.5"/>',
    "vee": '<polyline points="26,5 33,10 26,15" fill="none" stroke="{c}" stroke-width="1.5"/>',
    "diamond": '<polygon points="26,10 30,6 34,10 30,14" fill="{c}" stroke="{c}"/>',
}


def _description(amap: ArgumentMap) -> str:
    if amap.description is None:
        return ""
    return f'<section id="argmap-about"><p>{html.escape(amap.description)}</p></section>\n'


def _bibliography(entries: Mapping[str, str]) -> str:
    if not entries:
        return ""
    # The entries are the CSL engine's HTML output, in which every piece of text is escaped.
    rows = "".join(
        f'<li id="ref-{html.escape(key, quote=True)}">{entry}</li>\n'
        for key, entry in entries.items()
    )
    return (
        '<section id="argmap-references">\n<h2>References</h2>\n'
        f'<ul class="argmap-bibliography">\n{rows}</ul>\n</section>\n'
    )


def _node_data(
    amap: ArgumentMap,
    node: Node,
    citations: Mapping[str, str],
    references: Mapping[str, str],
    links: list[dict[str, Any]],
    annotations: Mapping[str, str] | None,
    tones: Mapping[str, Tone] | None,
) -> dict[str, Any]:
    role = node_role(node)
    data: dict[str, Any] = {
        "kind": _ROLE_NAMES[role],
        "role": role,
        "label": node.label,
        "text": node.text,
    }
    if node.title is not None:
        data["title"] = node.title
    if node.actor is not None:
        data["actor"] = next((a.name for a in amap.actors if a.id == node.actor), node.actor)
    if isinstance(node, Factor) and node.weight is not None:
        data["weight"] = node.weight
    if node.tags:
        data["tags"] = list(node.tags)
    if node.note is not None:
        data["note"] = node.note
    if node.cites:
        data["cites"] = [
            {
                "key": c.key,
                **({"locator": c.locator} if c.locator else {}),
                **({"quote": c.quote} if c.quote else {}),
                **({"note": c.note} if c.note else {}),
                **({"reference": references[c.key]} if c.key in references else {}),
            }
            for c in node.cites
        ]
        if citations.get(node.id):
            data["citation"] = citations[node.id]
    if links:
        data["links"] = links
    if annotations is not None and node.id in annotations:
        data["status"] = str(annotations[node.id])
    if tones is not None and node.id in tones:
        data["tone"] = tones[node.id]
    return data


def _all_links(amap: ArgumentMap) -> dict[str, list[dict[str, Any]]]:
    """The relations into and out of each node, grouped by what they say, in map order."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    relations = {r.id: r for r in amap.relations if r.id is not None}
    for relation in amap.relations:
        sources = relation.sources
        incoming = groups.setdefault(relation.target, {})
        incoming.setdefault(_INCOMING[relation.kind], []).append(_link(sources))
        target = relations.get(relation.target)
        for node_id in dict.fromkeys(sources):
            heading = _OUTGOING[relation.kind]
            if target is not None:
                # The target is an inference: name its premises and conclusion.
                item = {**_link(target.sources), "to": target.target}
                heading = f"{heading} the inference"
            else:
                item = _link([relation.target])
            partners = [s for s in sources if s != node_id]
            if partners:
                item["with"] = partners
            groups.setdefault(node_id, {}).setdefault(heading, []).append(item)
    return {
        node_id: [{"heading": heading, "items": items} for heading, items in by_heading.items()]
        for node_id, by_heading in groups.items()
    }


def _link(ids: list[str]) -> dict[str, Any]:
    return {"ids": ids} if len(ids) > 1 else {"id": ids[0]}
