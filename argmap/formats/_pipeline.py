"""The one way every reader turns data into a map: validate, record provenance, locate.

A format's parser turns its text into the plain data of a map file (and knows where each
value was written); :func:`load_data` does the rest the same way for all of them and gives
the map with what reading found. Checking what the map means is a separate step
(:func:`argmap.check`); the public ``parse_*``/``read_*`` functions take both steps at once
through :func:`checked`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.errors import Issue, _IssuesError, sort_issues
from argmap.model import ArgumentMap
from argmap.model._base import STRINGS_CHECKED
from argmap.model._messages import issues_from_validation
from argmap.model._structure import structure_error_of
from argmap.model.provenance import Locator, Provenance, locate_issues

__all__ = ["Loaded", "checked", "load_data", "validate", "validate_fields"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading a text gave: the map (None when a field is invalid) and the issues.

    The issues are those of the text and of the map's fields, located; a map whose
    structure is unsound is returned all the same, and :func:`argmap.check` reports its
    structure and meaning. After an error among ``issues`` the map may hold values read as
    null in place of refused ones.
    """

    amap: ArgumentMap | None
    issues: list[Issue] = field(default_factory=list)
    #: Validation ran the structural checks on the map and they found nothing: a caller
    #: that checks the map straight away need not run them again.
    sound: bool = False

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.is_error]


def validate_fields(data: Any, *, strings_checked: bool = False) -> ArgumentMap:
    """Validate map data's fields; a map whose structure is unsound is returned all the same.

    For readers that repair what the checks refuse (the AIF reader keeps unsound schemes
    as data): they run :func:`argmap.check` on the result. ``strings_checked``: the reader
    has searched every string of the data for characters no XML file can carry and bounded
    its nesting, so ``meta`` need not be searched again (see ``STRINGS_CHECKED``).

    Raises:
        ValidationError: a field is invalid.
    """
    context = {STRINGS_CHECKED: True} if strings_checked else None
    try:
        return ArgumentMap.model_validate(data, context=context)
    except ValidationError as exc:
        errors = exc.errors()
        structure = [s for s in map(structure_error_of, errors) if s is not None]
        if structure and len(structure) == len(errors):
            return structure[0].amap
        raise


def validate(data: Any) -> tuple[ArgumentMap | None, list[Issue]]:
    """Validate map data: the map (None when a field is invalid) and the path-only issues.

    A map whose fields are valid but whose structure is not (a duplicate id, a relation to
    a missing node) is still returned, with those issues.
    """
    try:
        return ArgumentMap.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors()
        structure = [s for s in map(structure_error_of, errors) if s is not None]
        if structure and len(structure) == len(errors):
            return structure[0].amap, list(structure[0].issues)
        return None, issues_from_validation(exc, data)


def load_data(
    data: Any,
    *,
    filename: str,
    locator: Locator | None = None,
    found: Sequence[Issue] = (),
    origin: str | None = None,
) -> Loaded:
    """Validate a reader's data into a map that knows where it came from.

    Args:
        data: the map as plain data (what a map file holds).
        filename: the name issues are reported under.
        locator: where the data's values were written, by path; the map keeps it in its
            provenance, so that every later check is located too.
        found: issues the parser found already (located); values they refused are not
            reported twice.
        origin: the file the map was read from, if any.
    """
    issues = list(found)
    amap, invalid = validate(data)
    sound = amap is not None and not invalid
    if amap is not None:
        amap.with_provenance(Provenance(origin, locator))
        if not any(issue.is_error for issue in issues):
            invalid = []  # the structure is check()'s to report, with the rest
    if locator is not None:
        invalid = locate_issues(invalid, locator)
    refused = {issue.location for issue in issues if issue.is_error}
    issues.extend(i for i in invalid if i.location is None or i.location not in refused)
    return Loaded(amap, sort_issues(issues), sound)


def checked(
    loaded: Loaded, *, filename: str, error: type[_IssuesError]
) -> tuple[ArgumentMap, list[Issue]]:
    """The map read and checked, with its warnings; what the public readers return.

    The map is checked (:func:`argmap.check`) unless reading found errors already: checks
    of values read as null would only echo them.

    Raises:
        error: reading or checking found an error; every issue is listed, in file order.
    """
    from argmap.checks import map_issues

    issues = list(loaded.issues)
    if loaded.amap is not None and not loaded.errors:
        # check(), without the structural steps that validation has just run.
        found = map_issues(loaded.amap, structure=not loaded.sound)
        issues.extend(locate_issues(found, locator) if (locator := _locator(loaded)) else found)
    issues = sort_issues(issues)
    if loaded.amap is None or any(issue.is_error for issue in issues):
        raise error(issues, source=filename)
    return loaded.amap, issues


def _locator(loaded: Loaded) -> Locator | None:
    provenance = None if loaded.amap is None else loaded.amap.provenance
    return None if provenance is None else provenance.locator
