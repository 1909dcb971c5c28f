"""The one way every reader turns data into a map: validate, translate, check, locate, raise.

A format's parser turns its text into the plain data of a map file (and knows where each
value was written); this pipeline does the rest the same way for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from pydantic import ValidationError

from argmap._provenance import Locator, Provenance, locate_issues, remember
from argmap.checks import check_validated
from argmap.errors import Issue, _IssuesError, sort_issues
from argmap.formats._messages import issues_from_validation
from argmap.model import ArgumentMap
from argmap.model._structure import structure_error_of

#: Turns a path-only issue about the built map into a located one.
Locate = Callable[[Issue], Issue]


def validate_fields(data: Any) -> ArgumentMap:
    """Validate map data's fields; a map whose structure is unsound is returned all the same.

    For readers that repair what the checks refuse (the AIF reader keeps unsound schemes
    as data): they run :func:`argmap.check` on the result.

    Raises:
        ValidationError: a field is invalid.
    """
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        structure = [s for s in map(structure_error_of, errors) if s is not None]
        if structure and len(structure) == len(errors):
            return structure[0].amap
        raise


def validate(data: Any) -> tuple[ArgumentMap | None, list[Issue]]:
    """Validate map data: the map (None when a field is invalid) and the path-only issues.

    A map whose fields are valid but whose structure is not (a duplicate id, a relation to
    a missing node) is still returned, with those issues, so that the checks can find the
    rest and every issue can be located.
    """
    try:
        return ArgumentMap.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors()
        structure = [s for s in map(structure_error_of, errors) if s is not None]
        if structure and len(structure) == len(errors):
            return structure[0].amap, list(structure[0].issues)
        return None, issues_from_validation(exc, data)


def read_data(
    data: Any,
    *,
    filename: str,
    error: type[_IssuesError],
    locator: Locator | None = None,
    locate: Locate | None = None,
    found: Sequence[Issue] = (),
    origin: str | None = None,
    dropped: Collection[str] = (),
) -> tuple[ArgumentMap, list[Issue]]:
    """Make a checked map of a reader's data; return it with its warnings, located.

    Args:
        data: the map as plain data (what a map file holds).
        filename: the name errors are reported under.
        error: the error class to raise (:class:`MapError` for map files,
            :class:`FormatError` for interchange formats).
        locator: where the data's values were written, by path; kept beside the map so that
            later checks (citations, say) are located too.
        locate: for readers whose data is not laid out as in their text: locates one issue.
        found: issues the parser found already (located); values they refused are not
            reported twice, and after errors among them the map is not checked.
        origin: the file the map was read from, if any.
        dropped: codes of warnings the caller has no use for; they are left out before
            anything is located (a map read with its corpus: ``not-resolved``).

    Raises:
        error: any issue is an error; every issue is listed, located, in file order.
    """
    issues = list(found)
    amap, invalid = validate(data)
    if amap is not None:
        remember(amap, Provenance(origin, locator))
    if amap is not None:
        # The checks repeat the structural issues; after the parser's own errors (a refused
        # value read as null) they would only echo them.
        invalid = [] if any(i.is_error for i in issues) else check_validated(amap, invalid)
        invalid = [i for i in invalid if i.is_error or i.code not in dropped]
    located = _located(invalid, locator, locate)
    refused = {issue.location for issue in issues if issue.is_error}
    issues.extend(i for i in located if i.location is None or i.location not in refused)
    if amap is None or any(issue.is_error for issue in issues):
        raise error(sort_issues(issues), source=filename)
    return amap, sort_issues(issues)


def _located(issues: list[Issue], locator: Locator | None, locate: Locate | None) -> list[Issue]:
    if locate is not None:
        issues = [i if i.location is not None else locate(i) for i in issues]
    if locator is not None:
        return locate_issues(issues, locator)
    return issues
