"""What is worth a warning before a diagram is drawn: it would come out, but not as meant.

Missing bibliographies and cited keys (citations then show as keys), ``--weights`` on a
map that has none, characters no installed font can draw (boxes instead of text), and a
diagram too large for its page at 8 pt text (shrunk, or split across pages).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from argmap.citations.bibliography import Bibliography
from argmap.citations.checks import check_citations
from argmap.diagrams.backend import Engine, layout
from argmap.diagrams.dot import DiagramOptions, to_dot
from argmap.diagrams.fonts import has_fontconfig, missing_glyphs
from argmap.diagrams.pages import bounding_box, page_fit, requested_page
from argmap.errors import Issue, Location
from argmap.model import ArgumentMap, Factor

__all__ = ["diagram_warnings", "page_issues"]


def diagram_warnings(
    amap: ArgumentMap,
    *,
    bibliography: Bibliography | None,
    bibliography_issues: Sequence[Issue] = (),
    check_keys: bool = True,
    show_weights: bool = False,
    check_fonts: bool = True,
    options: DiagramOptions | None = None,
    fmt: str | None = None,
    engine: Engine = "dot",
) -> list[Issue]:
    """The warnings for drawing a map, located in its file where it was read from one.

    Args:
        amap: the map.
        bibliography: its bibliography, or None where it names none or it could not be read.
        bibliography_issues: why the bibliography could not be read.
        check_keys: warn about cited keys that will show as keys (False where the
            diagram is to list keys, not works).
        show_weights: the diagram is to show weights.
        check_fonts: ask fontconfig whether every character of the labels can be drawn
            (a note says so where fontconfig is missing).
        options: the diagram's options; with a ``size``, the diagram is laid out (by
            Graphviz, with ``engine``) to tell whether it fits its page at full size.
        fmt: the output format (``"pdf"`` gets pages; an image is one page).
        engine: the Graphviz layout engine.

    >>> from argmap.model import Citation, Claim
    >>> amap = ArgumentMap(id="m", title="M",
    ...     nodes=[Claim(id="a", text="A", cites=[Citation(key="k")])])
    >>> for issue in diagram_warnings(amap, bibliography=None, check_fonts=False):
    ...     print(issue.message.split(";")[0])
    the map cites 1 work but names no bibliography file under 'bibliography:'
    """
    issues: list[Issue] = (
        _citation_issues(amap, bibliography, bibliography_issues) if check_keys else []
    )
    if show_weights and not _has_weights(amap):
        issues.append(_issue("weights are to be shown, but no factor or relation has a weight", ()))
    if check_fonts:
        issues.extend(_font_issues(amap))
    if options is not None and options.get("size") is not None and fmt in _PAGED_FORMATS:
        issues.extend(page_issues(amap, options, fmt=fmt, engine=engine))
    return [dataclasses.replace(_located(amap, i), severity="warning") for i in issues]


def _citation_issues(
    amap: ArgumentMap, bibliography: Bibliography | None, bibliography_issues: Sequence[Issue]
) -> list[Issue]:
    """Cited keys missing from the bibliography, or why there is no bibliography to look in."""
    if bibliography is not None:
        return check_citations(amap, bibliography)
    if bibliography_issues:
        message = "the bibliography was not read; citations show as keys:"
        return [_issue(message, ("bibliography",)), *bibliography_issues]
    cited = amap.cited_keys()
    if not cited:
        return []
    works = f"{len(cited)} work{'s' if len(cited) != 1 else ''}"
    message = (
        f"the map cites {works} but names no bibliography file under 'bibliography:'; "
        "citations show as keys"
    )
    return [_issue(message, ("bibliography",))]


#: The formats drawn on pages: PDF as many as it takes, the others one.
_PAGED_FORMATS = ("pdf", "svg", "png", "html")
_ONE_PAGE = {"a4": "one A4 page", "letter": "one Letter page", "slide": "one slide"}
#: The smallest text argmap draws, in points.
_SMALLEST_TEXT = 8.0


def page_issues(
    amap: ArgumentMap, options: DiagramOptions, *, fmt: str, engine: Engine = "dot"
) -> list[Issue]:
    """A warning where the diagram does not fit one page of its ``size`` at full size.

    A PDF is then split across pages; an image is shrunk, and its smallest text comes
    out below 8 pt. Either way the warning names the options that make the diagram
    smaller. Lays the diagram out with Graphviz (a process).
    """
    size = options.get("size")
    if size is None:
        return []
    source = to_dot(amap, **options).source
    page = requested_page(source)
    if page is None:
        return []
    x0, y0, x1, y1 = bounding_box(layout(source, engine=engine))
    fit = page_fit(x1 - x0, y1 - y0, page)
    if fit.pages == 1:
        return []
    helps = "--hide-text (titles only), --hide-evidence, --no-key-block or --focus ID --depth N"
    if options.get("direction", "TB") == "TB" and size != "slide":
        helps += ", or --direction LR (a landscape page)"
    one = _ONE_PAGE[size]
    if fmt == "pdf":
        message = (
            f"the diagram does not fit {one} with text at 8 pt or more: it takes "
            f"{fit.pages} pages ({fit.columns} across, {fit.rows} down); for fewer: {helps}"
        )
    else:
        message = (
            f"the diagram does not fit {one} with text at 8 pt or more: it is shrunk to "
            f"{fit.scale:.0%}, its smallest text {_SMALLEST_TEXT * fit.scale:.1f} pt; write a "
            f"PDF for pages at full size, or show less: {helps}"
        )
    return [Issue("warning", message, code="page-fit")]


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
