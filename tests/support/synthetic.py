"""Synthetic inputs, seeded so that every run builds the same: big maps and bibliographies.

The benchmarks time argmap on them, and tests use them where size or variety matters.
"""

from __future__ import annotations

import random

from argmap import ArgumentMap
from argmap.model import Citation, Claim, Evidence, Factor, Node, Question, Relation, RelationKind

WORDS = [
    "sanctions",
    "balance",
    "obligation",
    "interests",
    "dispute",
    "geopolitics",
    "solidarity",
    "strategy",
    "territory",
    "alliance",
    "economy",
    "security",
    "energy",
    "trade",
    "region",
    "policy",
    "government",
    "pressure",
]


#: How far apart (in node numbers) related nodes usually are in a synthetic map.
LOCAL = 25


def synthetic_map(size: int, *, seed: int = 7) -> ArgumentMap:
    """A valid map of ``size`` nodes and about two relations a node, the same every run."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."

    nodes: list[Node] = [Claim(id="n0", title="Thesis", text=sentence(), thesis=True)]
    relations: list[Relation] = []
    for i in range(1, size):
        cite = [Citation(key=f"source{i % 13}", locator=f"p. {i % 40 + 1}")]
        roll = rng.random()
        node: Node
        kind: RelationKind = "supports"
        if roll < 0.15:
            node = Factor(id=f"n{i}", text=sentence(), direction="push", cites=cite)
            kind = "pushes"
        elif roll < 0.3:
            node = Factor(id=f"n{i}", text=sentence(), direction="pull", cites=cite)
            kind = "pulls"
        elif roll < 0.45:
            node = Evidence(id=f"n{i}", title=f"Evidence {i}", text=sentence(), cites=cite)
        elif roll < 0.5:
            node = Question(id=f"n{i}", text=sentence())
            kind = "questions"
        else:
            node = Claim(id=f"n{i}", title=f"Claim {i}", text=sentence(), cites=cite)
        nodes.append(node)
        # A tree toward the thesis keeps the map connected and acyclic in its supports;
        # as in real maps, a node mostly relates to nodes of the same part of the argument.
        parent = rng.randrange(max(0, i - LOCAL), i)
        relations.append(Relation(id=f"r{i}", kind=kind, source=f"n{i}", target=f"n{parent}"))
    claims = [n.id for n in nodes if isinstance(n, Claim)]

    def before(i: int) -> str:
        """A claim shortly before node i: supports point backwards, so none is circular."""
        return rng.choice([c for c in claims if i - LOCAL <= int(c[1:]) < i] or ["n0"])

    for i in range(1, size):
        roll = rng.random()
        source = f"n{i}"
        if roll < 0.7 and isinstance(nodes[i], Claim | Evidence):
            target = before(i + LOCAL // 2)
            if target != source:
                relations.append(Relation(kind="attacks", source=source, target=target))
        elif roll < 0.85 and i > 3 and isinstance(nodes[i], Claim):
            relations.append(Relation(kind="undercuts", source=source, target=f"r{i - 1}"))
        elif isinstance(nodes[i], Claim | Evidence):
            other = f"n{rng.randrange(max(1, i - LOCAL), min(size, i + LOCAL))}"
            if other != source and isinstance(nodes[int(other[1:])], Claim | Evidence):
                relations.append(
                    Relation(
                        kind="supports",
                        source=[source, other],
                        target=before(min(i, int(other[1:]))),
                    )
                )
    return ArgumentMap(
        id=f"synthetic-{size}",
        title=f"Synthetic map of {size} nodes",
        nodes=nodes,
        relations=relations,
    )


_GIVEN = [
    "Maria",
    "J{\\'e}r{\\^o}me",
    "Ana",
    "S{\\o}ren",
    "Fran{\\c{c}}ois",
    "Jan",
    'Zo{\\"e}',
    'Bj{\\"o}rn',
    "Kees",
    "{\\L}ukasz",
    "Ji{\\v{r}}{\\'\\i}",
    "Catarina",
    "Paul",
    "Åsa",
]
_FAMILY = [
    "Shagina",
    'M{\\"u}ller',
    "Garc{\\'\\i}a M{\\'a}rquez",
    "{\\O}stergaard",
    "Erd{\\H{o}}s",
    "van der Berg",
    "de la Fontaine",
    "Dvo{\\v{r}}{\\'a}k",
    "Smith",
    "{\\v{S}}koda",
    "Nu{\\~n}ez",
    "O'Brien",
    "Walton",
    'Br{\\"a}ndstr{\\"o}m',
]
_WORDS = [
    "Sanctions",
    "Policy",
    "{Japan}",
    "{Russia}",
    "Dilemma",
    "Balancing",
    "Act",
    "Economic",
    "Statecraft",
    "Argumentation",
    "{NATO}",
    "Theory",
    "R{\\'e}sum{\\'e}",
    'Na{\\"\\i}ve',
    "Analysis",
    "\\&",
    "and",
    "of",
    "the",
    "in",
    "Stra{\\ss}e",
    "{\\AE}sthetics",
    "Caf{\\'e}",
    "Vis-{\\`a}-Vis",
    "{COVID}-19",
    "Europe",
    "{\\LaTeX}",
    "\\TeX{}",
    "$O(n \\log n)$",
    "$x^2$",
    "$\\alpha$-Stable",
    "\\emph{Ad Hoc}",
]
_JOURNALS = [
    "Journal of Strategic Studies",
    "Revue fran{\\c{c}}aise de science politique",
    'Zeitschrift f{\\"u}r Politik',
    "Argumentation",
    "Survival",
]
_PUBLISHERS = [
    "Oxford University Press",
    "Presses de Sciences Po",
    "Springer",
    "Institute for Security \\& Development Policy",
    "{\\'E}ditions du Seuil",
]
_PLACES = ["Stockholm", 'Z{\\"u}rich', "Paris", "K{\\o}benhavn"]
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def generate(count: int, *, seed: int = 2018) -> str:
    """BibTeX text of ``count`` varied entries with LaTeX accents, braces and specials."""
    rng = random.Random(seed)
    chunks = []
    for n in range(count):
        authors = " and ".join(
            f"{rng.choice(_FAMILY)}, {rng.choice(_GIVEN)}" for _ in range(rng.randint(1, 4))
        )
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 12)))
        year = rng.randint(1950, 2025)
        kind = rng.choice(["article", "book", "techreport", "incollection"])
        fields = [f"author = {{{authors}}}", f"title = {{{title}}}", f"year = {{{year}}}"]
        if kind == "article":
            first = rng.randint(1, 400)
            fields += [
                f"journal = {{{rng.choice(_JOURNALS)}}}",
                f"volume = {{{rng.randint(1, 60)}}}",
                f"pages = {{{first}--{first + rng.randint(5, 40)}}}",
                f"doi = {{10.{rng.randint(1000, 9999)}/x{n}.{year}}}",
                f"note = {{Preprint at \\url{{https://arxiv.org/abs/{year % 100:02d}01.{n:05d}}}}}",
            ]
        elif kind == "incollection":
            fields += [
                f"booktitle = {{{' '.join(rng.choice(_WORDS) for _ in range(5))}}}",
                f"editor = {{{rng.choice(_FAMILY)}, {rng.choice(_GIVEN)}}}",
                f"publisher = {{{rng.choice(_PUBLISHERS)}}}",
            ]
        else:
            fields += [
                f"publisher = {{{rng.choice(_PUBLISHERS)}}}",
                f"address = {{{rng.choice(_PLACES)}}}",
                f"url = {{https://example.org/{kind}/{n}}}",
                f"howpublished = {{\\url{{https://example.org/{kind}/{n}?a=1%20b}}}}",
            ]
        fields.append(f"month = {rng.choice(_MONTHS)}")
        body = ",\n  ".join(fields)
        chunks.append(f"@{kind}{{key{n},\n  {body}\n}}\n")
    return "\n".join(chunks)
