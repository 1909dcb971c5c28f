"""``argmap review``: a reviewer's report on each map given, in Markdown, HTML or JSON."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TypeAlias

from argmap.commands._result import Output, Result, check_output
from argmap.errors import MapError
from argmap.review.html import format_html
from argmap.review.markdown import format_markdown
from argmap.review.report import MapReview, dump_reviews, review_map
from argmap.schemes.catalogue import Catalogue, CatalogueError
from argmap.schemes.inferences import map_catalogue
from argmap.workspace.model import Workspace
from argmap.workspace.reading import read_maps
from argmap.workspace.view import map_view

__all__ = ["REVIEW_FORMATS", "ReviewFormat", "review_files"]

ReviewFormat: TypeAlias = Literal["markdown", "html", "json"]
REVIEW_FORMATS: tuple[ReviewFormat, ...] = ("markdown", "html", "json")

PathLike = str | os.PathLike[str]


def review_files(
    paths: Iterable[PathLike], *, fmt: ReviewFormat = "markdown", output: PathLike | None = None
) -> Result:
    """Review maps: per inference its scheme and which critical questions are answered,
    raised or open; claims without support or on one source; evidence without a locator or
    a quote; support that rests only on another map; conclusions the analysis rejects.

    The maps are read as one workspace with the maps they use; each map given is reviewed
    with the nodes and inferences of other maps it names.

    Args:
        paths: map files or folders of them.
        fmt: ``markdown`` (to paste into a report), ``html`` (one page) or ``json``.
        output: the file to write; the report is the result's text otherwise.

    Raises:
        MapError: a map, or a map it uses, has errors.
        OutputError: ``output`` is one of the files read.
    """
    workspace = read_maps(list(paths))
    # The review needs no bibliography (it names sources by key); reading the files keeps
    # an output from being written over one, and one that is missing is only a warning.
    workspace.issues = [
        dataclasses.replace(i, severity="warning") if i.path[:1] == ("bibliography",) else i
        for i in workspace.issues
    ]
    if workspace.errors:
        raise MapError(workspace.errors)
    result = Result(inputs=dict(workspace.inputs))
    if output is not None:
        check_output(output, inputs=result.inputs)
    result.add(workspace.issues)
    reviews = [_review(workspace, map_id) for map_id in workspace.given]
    text = render_reviews(reviews, fmt=fmt)
    if output is None:
        result.text = text
    else:
        result.outputs.append(Output(Path(os.fspath(output)), text))
    return result


def render_reviews(reviews: list[MapReview], *, fmt: ReviewFormat) -> str:
    """The reviews in one of :data:`REVIEW_FORMATS`."""
    if fmt == "json":
        return dump_reviews(reviews)
    if fmt == "html":
        return format_html(reviews)
    return format_markdown(reviews)


def _review(workspace: Workspace, map_id: str) -> MapReview:
    view = map_view(workspace, map_id)
    return review_map(view.amap, imported=view.imported, catalogue=_catalogue(workspace, view.maps))


def _catalogue(workspace: Workspace, map_ids: list[str]) -> Catalogue:
    """The bundled catalogue with the own schemes of every map a review draws on.

    A map whose schemes clash with those before it adds none (its check says why).
    """
    catalogue, _ = map_catalogue(workspace.maps[map_ids[0]])
    for map_id in map_ids[1:]:
        try:
            catalogue = catalogue.with_schemes(workspace.maps[map_id].schemes)
        except CatalogueError:
            continue
    return catalogue
