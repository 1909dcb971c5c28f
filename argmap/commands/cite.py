"""``argmap cite``: the sources maps cite, exported or formatted as a reading list."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap.citations.bibliography import Bibliography, read_bibliography
from argmap.citations.checks import check_citations
from argmap.citations.export import export_citations
from argmap.citations.selection import cited_sources
from argmap.commands._result import Output, Result, check_output
from argmap.errors import BibliographyError, MapError
from argmap.workspace.citations import format_reading_list, workspace_cited_sources
from argmap.workspace.reading import read_maps

__all__ = ["READING_LISTS", "cite_files"]

#: The export formats that are formatted lists, where each entry can say who cites it.
READING_LISTS = ("text", "markdown", "html")

PathLike = str | os.PathLike[str]


def cite_files(
    paths: Iterable[PathLike],
    *,
    fmt: str = "bibtex",
    style: str = "apa",
    node: str | None = None,
    with_support: bool = False,
    bibliographies: Iterable[PathLike] = (),
    output: PathLike | None = None,
) -> Result:
    """The sources the maps cite, with every key resolved in their bibliographies.

    The maps are read as one workspace with the maps they use. Several maps are merged,
    each source once; nodes a map imports from another map bring their citations. A
    reading list (text, markdown, html) that spans several maps says under each entry
    which maps and nodes cite it, with their locators. Cited keys missing from the
    bibliography fail the command, each reported at the citation's line in its map.

    Args:
        paths: map files or folders of them.
        fmt: one of :data:`argmap.citations.EXPORT_FORMATS`.
        style: the citation style of reading lists.
        node: only the sources this node cites.
        with_support: with ``node``, also those of every node that supports it.
        bibliographies: bibliography files to use instead of the maps' own.
        output: the file to write; the export is the result's text otherwise.

    Raises:
        MapError: a map, or a map it uses, has errors.
        BibliographyError: a bibliography cannot be read.
        ValueError: ``with_support`` without ``node``, or an unknown format or style.
    """
    if with_support and node is None:
        raise ValueError("with_support needs a node")
    workspace = read_maps(list(paths))
    if workspace.errors:
        raise MapError(workspace.errors)
    result = Result(inputs=dict(workspace.inputs))
    given = workspace.given
    involved = list(dict.fromkeys(m for g in given for m in workspace.uses_closure(g)))
    extra = [Path(os.fspath(p)) for p in bibliographies]
    if output is not None:
        protected = dict(result.inputs)
        protected.update({p.resolve(): str(p) for p in extra})
        check_output(output, inputs=protected)
    bibliography: Bibliography | None
    if extra:
        bibliography = read_bibliography(extra)
        result.inputs.update({p.resolve(): str(p) for p in extra})
    else:
        bibliography, problems = workspace.bibliography(involved)
        if bibliography is None:
            if not problems:
                problems = [
                    issue
                    for m in involved
                    for issue in check_citations(workspace.maps[m], Bibliography())
                ]
            raise BibliographyError(problems)
    if node is None:
        # Imported nodes bring their citations: the works a map builds on are read too.
        sources = workspace_cited_sources(workspace, bibliography, maps=given)
    else:
        amaps = [workspace.maps[m] for m in given]
        sources = cited_sources(amaps, bibliography, node=node, with_support=with_support)
    selected = {c.location for s in sources for c in s.citing}
    missing = [
        issue
        for map_id in involved
        for issue in check_citations(workspace.maps[map_id], bibliography)
        if issue.location in selected
    ]
    if missing:
        result.add(missing)
        result.failed = True
        return result
    wanted = {s.key for s in sources}
    result.add(
        issue
        for issue in bibliography.issues
        if any(issue.location == bibliography[k].location for k in wanted)
    )
    spans_maps = len({c.map_id for s in sources for c in s.citing}) > 1 or any(
        c.node is not None and "#" in c.node for s in sources for c in s.citing
    )
    if spans_maps and fmt in READING_LISTS:
        labels = {
            (map_id, n.id): n.label for map_id, amap in workspace.maps.items() for n in amap.nodes
        }
        text = format_reading_list(sources, style=style, output=fmt, labels=labels)
    else:
        text = export_citations(sources, fmt=fmt, style=style)
    if output is None:
        result.text = text
    else:
        result.outputs.append(Output(Path(os.fspath(output)), text))
    return result
