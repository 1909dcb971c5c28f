"""What is worth a warning before a diagram is drawn: it would come out, but not as meant.

Missing bibliographies and cited keys (citations then show as keys), ``--weights`` on a
map that has none, and characters no installed font can draw (boxes instead of text).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from argmap.citations.bibliography import Bibliography
from argmap.citations.checks import check_citations
from argmap.diagrams.fonts import has_fontconfig, missing_glyphs
from argmap.errors import Issue, Location
from argmap.model import ArgumentMap, Factor

__all__ = ["diagram_warnings"]


def diagram_warnings(
    amap: ArgumentMap,
    *,
    bibliography: Bibliography | None,
    bibliography_issues: Sequence[Issue] = (),
    show_weights: bool = False,
    check_fonts: bool = True,
) -> list[Issue]:
    """The warnings for drawing a map, located in its file where it was read from one.

    Args:
        amap: the map.
        bibliography: its bibliography, or None where it names none or it could not be read.
        bibliography_issues: why the bibliography could not be read.
        show_weights: the diagram is to show weights.
        check_fonts: ask fontconfig whether every character of the labels can be drawn
            (a note says so where fontconfig is missing).

    >>> from argmap.model import Citation, Claim
    >>> amap = ArgumentMap(id="m", title="M",
    ...     nodes=[Claim(id="a", text="A", cites=[Citation(key="k")])])
    >>> for issue in diagram_warnings(amap, bibliography=None, check_fonts=False):
    ...     print(issue.message.split(";")[0])
    the map cites 1 work but names no bibliography file under 'bibliography:'
    """
    issues: list[Issue] = []
    cited = amap.cited_keys()
    if bibliography is not None:
        issues.extend(check_citations(amap, bibliography))
    elif bibliography_issues:
        message = "the bibliography was not read; citations show as keys:"
        issues.append(_issue(message, ("bibliography",)))
        issues.extend(bibliography_issues)
    elif cited:
        works = f"{len(cited)} work{'s' if len(cited) != 1 else ''}"
        issues.append(
            _issue(
                f"the map cites {works} but names no bibliography file under "
                "'bibliography:'; citations show as keys",
                ("bibliography",),
            )
        )
    if show_weights and not _has_weights(amap):
        issues.append(_issue("weights are to be shown, but no factor or relation has a weight", ()))
    if check_fonts:
        issues.extend(_font_issues(amap))
    return [dataclasses.replace(_located(amap, i), severity="warning") for i in issues]


def _has_weights(amap: ArgumentMap) -> bool:
    return any(isinstance(n, Factor) and n.weight is not None for n in amap.nodes) or any(
        r.weight is not None for r in amap.relations
    )


def _font_issues(amap: ArgumentMap) -> Iterable[Issue]:
    if not has_fontconfig():
        yield Issue("warning", "fontconfig (fc-list) is not installed: fonts were not checked")
        return
    texts = [amap.title, *(a.name for a in amap.actors)]
    for node in amap.nodes:
        texts.extend([node.text, node.title or ""])
    missing = set(missing_glyphs(texts))
    if not missing:
        return
    for index, node in enumerate(amap.nodes):
        for field in ("title", "text"):
            value = getattr(node, field) or ""
            chars = sorted({c for c in value if c in missing})
            if chars:
                shown = "".join(chars[:6]) + ("…" if len(chars) > 6 else "")
                points = ", ".join(f"U+{ord(c):04X}" for c in chars[:3])
                yield Issue(
                    "warning",
                    f"node {node.id!r}: no installed font can draw {shown!r} ({points}); "
                    "they will show as boxes: install a font for this script "
                    "(e.g. Debian's fonts-noto-core or fonts-noto-cjk)",
                    code="missing-glyphs",
                    path=("nodes", index, field),
                )


def _issue(message: str, path: tuple[str, ...]) -> Issue:
    return Issue("warning", message, code="diagram", path=path)


def _located(amap: ArgumentMap, issue: Issue) -> Issue:
    if issue.location is not None:
        return issue
    provenance = amap.provenance
    if provenance is not None and provenance.locator is not None:
        return dataclasses.replace(issue, location=provenance.locator.locate(issue.path))
    if amap.origin is not None:
        return dataclasses.replace(issue, location=Location(amap.origin))
    return issue
