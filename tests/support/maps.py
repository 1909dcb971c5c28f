"""Maps built in code that tests of several packages draw, page and open in a browser."""

from __future__ import annotations

import json

from argmap.citations.bibliography import Bibliography, parse_bibliography
from argmap.model import ArgumentMap, Citation, Claim, Evidence, Factor, Node, Relation
from tests.support.items import marked_items

#: Text that tries every way out of a JSON block, an attribute and an element.
HOSTILE = [
    "</script><script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "\"'`; window.__pwned = 1; //",
    "line\u2028separator\u2029paragraph",
    "\\N \\G escapes & &amp; <!-- --> ]]>",
    "<svg onload=window.__pwned=1>",
]
HOSTILE_BIB = (
    "@misc{evil, title={</script><img src=x onerror=alert(1)>}, "
    'author={Quote, "Double"}, year={2024}}\n'
)


def hostile_map() -> ArgumentMap:
    """A map whose every label, quote, locator and note is hostile text."""
    nodes: list[Node] = [
        Claim(
            id="t",
            title=HOSTILE[0],
            text=HOSTILE[1],
            thesis=True,
            cites=[Citation(key="evil", locator="p. <1>", quote=HOSTILE[2], note=HOSTILE[3])],
        ),
        Evidence(id="e", text=HOSTILE[4], cites=[Citation(key="evil", quote=HOSTILE[5])]),
        Factor(id="f", text=HOSTILE[3], direction="pull", note=HOSTILE[0]),
    ]
    relations = [
        Relation(kind="supports", source="e", target="t", scheme=HOSTILE[1]),
        Relation(kind="pulls", source="f", target="t"),
    ]
    return ArgumentMap(id="hostile", title=HOSTILE[0], nodes=nodes, relations=relations)


def large_map(count: int) -> ArgumentMap:
    """A map of ``count`` nodes in a tree under one thesis, each citing the seed paper."""
    nodes: list[Node] = [Claim(id="n0", text="The thesis", thesis=True)]
    relations: list[Relation] = []
    for i in range(1, count):
        kind = Evidence if i % 3 == 0 else Claim
        nodes.append(
            kind(
                id=f"n{i}",
                title=f"Node {i}",
                text=f"Reason {i}, which says something of moderate length about the matter.",
                cites=[
                    Citation(key="shagina2018dilemma", locator=f"p. {i % 9 + 1}", quote="a clause")
                ],
            )
        )
        relations.append(
            Relation(
                kind="supports" if i % 4 else "attacks", source=f"n{i}", target=f"n{(i - 1) // 3}"
            )
        )
    return ArgumentMap(id="large", title="Large", nodes=nodes, relations=relations)


def marked_map() -> tuple[ArgumentMap, Bibliography]:
    """A map citing real entries whose titles carry small caps, no-decoration spans and more.

    The entries are those of :func:`tests.support.items.marked_items`, read as the CSL-JSON
    file a map may name as its bibliography.
    """
    items = marked_items()
    nodes: list[Node] = [
        Claim(
            id="t",
            title="Carneades weighs arguments",
            text="Proof standards decide which claims are acceptable.",
            thesis=True,
            cites=[Citation(key=items[0]["id"], locator="p. 195")],
        ),
        *(
            Evidence(id=f"e{i}", text=f"Cited work {i}.", cites=[Citation(key=item["id"])])
            for i, item in enumerate(items[1:], start=1)
        ),
    ]
    relations = [Relation(kind="supports", source=n.id, target="t") for n in nodes[1:]]
    amap = ArgumentMap(id="marked", title="Marked references", nodes=nodes, relations=relations)
    return amap, parse_bibliography(json.dumps(items), filename="marked.json")
