"""Fields an entry inherits: ``crossref`` parents and ``xdata`` containers, as biber does.

An entry's own fields always win. ``xdata = {a, b}`` copies every field of the ``@xdata``
entries ``a`` and ``b`` (in that order) that the entry lacks. ``crossref = {p}`` then
inherits the fields of ``p`` (itself resolved first) by biblatex's default inheritance
rules: every field under its own name, except those that only make sense for the parent
(``ids``, ``crossref``, ``xref``, ``label``, ``options``, ``shorthand``, ``sortkey``, ...),
and, between the common types, renamed as the table says:

- ``mvbook``, ``book`` to ``inbook``, ``bookinbook``, ``suppbook``: ``author`` becomes
  ``author`` and ``bookauthor``;
- ``mvbook`` to ``book``, ``inbook``, ``bookinbook``, ``suppbook``; ``mvcollection``,
  ``mvreference`` to ``collection``, ``reference``, ``incollection``, ``inreference``,
  ``suppcollection``; ``mvproceedings`` to ``proceedings``, ``inproceedings``: ``title``
  becomes ``maintitle``;
- ``book`` to ``inbook``, ``bookinbook``, ``suppbook``; ``collection``, ``reference`` to
  ``incollection``, ``inreference``, ``suppcollection``; ``proceedings`` to
  ``inproceedings``: ``title`` becomes ``booktitle``;
- ``periodical`` to ``article``, ``suppperiodical``: ``title`` becomes ``journaltitle``.

(``subtitle`` and ``titleaddon`` follow ``title`` in each row; the parent's ``shorttitle``,
``sorttitle``, ``indextitle`` and ``indexsorttitle`` are not inherited where ``title`` is
renamed.) BibTeX's own types read as their BibLaTeX equivalents here (``conference`` is
``inproceedings``). ``xref`` names a parent without inheriting anything.

A parent that is not in the bibliography, or a chain of parents that loops back, is a
located warning on the field that names it; the entry keeps its own fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from argmap.errors import Issue

if TYPE_CHECKING:
    from argmap.citations.bibliography import BibEntry

__all__ = ["INHERITANCE", "NOT_INHERITED", "resolve_inheritance"]

#: Fields a child never takes from its parent (biblatex's ``\noinherit`` for all types).
NOT_INHERITED = frozenset(
    {
        "ids",
        "crossref",
        "xref",
        "xdata",
        "entryset",
        "entrysubtype",
        "execute",
        "label",
        "options",
        "presort",
        "related",
        "relatedoptions",
        "relatedstring",
        "relatedtype",
        "shorthand",
        "shorthandintro",
        "sortkey",
    }
)
_TITLES_OF_PARENT = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")


def _titles(prefix: str) -> dict[str, tuple[str, ...]]:
    renamed: dict[str, tuple[str, ...]] = {
        "title": (f"{prefix}title",),
        "subtitle": (f"{prefix}subtitle",),
        "titleaddon": (f"{prefix}titleaddon",),
    }
    renamed.update(dict.fromkeys(_TITLES_OF_PARENT, ()))
    return renamed


_IN_BOOK = ("inbook", "bookinbook", "suppbook")
_IN_COLLECTION = ("incollection", "inreference", "suppcollection")

#: (parent type, child type) -> {parent field: child fields it becomes}; () drops it.
INHERITANCE: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}


def _rule(parents: tuple[str, ...], children: tuple[str, ...], **renamed: tuple[str, ...]) -> None:
    for parent in parents:
        for child in children:
            INHERITANCE.setdefault((parent, child), {}).update(renamed)


_rule(("mvbook", "book"), _IN_BOOK, author=("author", "bookauthor"))
_rule(("mvbook",), ("book", *_IN_BOOK), **_titles("main"))
_rule(
    ("mvcollection", "mvreference"),
    ("collection", "reference", *_IN_COLLECTION),
    **_titles("main"),
)
_rule(("mvproceedings",), ("proceedings", "inproceedings"), **_titles("main"))
_rule(("book",), _IN_BOOK, **_titles("book"))
_rule(("collection", "reference"), _IN_COLLECTION, **_titles("book"))
_rule(("proceedings",), ("inproceedings",), **_titles("book"))
_rule(("periodical",), ("article", "suppperiodical"), **_titles("journal"))

#: BibTeX types read as the BibLaTeX types the rules name.
_TYPE_ALIASES = {"conference": "inproceedings", "electronic": "online", "www": "online"}


def _keys(value: str) -> list[str]:
    return [key.strip() for key in value.split(",") if key.strip()]


def resolve_inheritance(entries: Mapping[str, BibEntry]) -> tuple[dict[str, BibEntry], list[Issue]]:
    """Give each entry the fields it inherits from its ``xdata`` and ``crossref`` parents.

    Args:
        entries: every entry of the bibliography, by key.

    Returns:
        The entries, in the same order, those with parents replaced by copies holding the
        inherited fields too (listed in ``inherited``) and their parents (in ``parents``);
        and a warning for each missing parent or loop.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> bib = parse_bibliography('''@inproceedings{p1, author = {Dung, P. M.},
    ...   title = {Acceptability}, pages = {321--357}, crossref = {ijcai93}}
    ... @proceedings{ijcai93, title = {Proceedings of {IJCAI}}, year = 1993,
    ...   publisher = {Morgan Kaufmann}}''')
    >>> bib["p1"].text["booktitle"], bib["p1"].text["year"], bib["p1"].text["title"]
    ('Proceedings of IJCAI', '1993', 'Acceptability')
    >>> sorted(bib["p1"].inherited), [p.key for p in bib["p1"].parents]
    (['booktitle', 'publisher', 'year'], ['ijcai93'])
    """
    lower = {key.lower(): key for key in entries}
    done: dict[str, BibEntry] = {}
    issues: list[Issue] = []
    # Parents are resolved before their children with a stack of their own, not by
    # recursion: a chain of hundreds of crossrefs must not exhaust Python's stack.
    path: list[str] = []
    on_path: set[str] = set()

    def parent_of(child: BibEntry, field: str, key: str) -> BibEntry | None:
        found = lower.get(key.lower())
        if found is None:
            issues.append(
                Issue(
                    "warning",
                    f"entry {child.key!r} names {key!r} in {field}, which is not in the "
                    "bibliography; nothing is inherited from it",
                    code="missing-parent",
                    location=child.field_location(field),
                )
            )
            return None
        if found in on_path:
            loop = " -> ".join([*path[path.index(found) :], found])
            issues.append(
                Issue(
                    "warning",
                    f"entry {child.key!r} names {key!r} in {field}, which leads back to it "
                    f"({loop}); that link is not followed",
                    code="inheritance-cycle",
                    location=child.field_location(field),
                )
            )
            return None
        return done[found]

    def next_parent(key: str) -> str | None:
        """A parent of the entry still to resolve, if any."""
        for _, parent_key in _links(entries[key]):
            found = lower.get(parent_key.lower())
            if found is not None and found not in done and found not in on_path:
                return found
        return None

    for root in entries:
        if root in done:
            continue
        path.append(root)
        on_path.add(root)
        while path:
            key = path[-1]
            pending = next_parent(key)
            if pending is not None:
                path.append(pending)
                on_path.add(pending)
                continue
            done[key] = _inherit(entries[key], parent_of)
            path.pop()
            on_path.discard(key)
    resolved = {key: done[key] for key in entries}
    return resolved, issues


def _links(entry: BibEntry) -> list[tuple[str, str]]:
    """The parents an entry names: ``(field, key)`` for its xdata, crossref and xref."""
    own = entry.fields
    if "crossref" not in own and "xdata" not in own and "xref" not in own:
        return []
    return [
        (field, parent_key)
        for field in ("xdata", "crossref", "xref")
        for parent_key in _keys(own.get(field, ""))
    ]


def _inherit(
    entry: BibEntry, parent_of: Callable[[BibEntry, str, str], BibEntry | None]
) -> BibEntry:
    """The entry with the fields of its (resolved) parents that it lacks."""
    links = _links(entry)
    if not links:
        return entry
    fields = dict(entry.fields)
    text = dict(entry.text)
    names = dict(entry.names)
    inherited: set[str] = set()
    parents: list[BibEntry] = []
    for field, parent_key in links:
        parent = parent_of(entry, field, parent_key)
        if parent is None:
            continue
        parents.append(parent)
        if field == "xref":
            continue
        for source, targets in _renamed(parent, entry, whole=field == "xdata"):
            if source not in parent.fields:
                continue
            for target in targets:
                if target in fields:
                    continue
                fields[target] = parent.fields[source]
                text[target] = parent.text[source]
                if source in parent.names:
                    names[target] = parent.names[source]
                inherited.add(target)
    return dataclasses.replace(
        entry,
        fields=fields,
        text=text,
        names=names,
        inherited=frozenset(inherited),
        parents=tuple(parents),
    )


def _renamed(
    parent: BibEntry, child: BibEntry, *, whole: bool
) -> list[tuple[str, tuple[str, ...]]]:
    """Each parent field with the child fields it becomes, renamed ones first."""
    if whole:  # xdata: every field as it is
        return [(name, (name,)) for name in parent.fields if name not in NOT_INHERITED]
    ptype = _TYPE_ALIASES.get(parent.type, parent.type)
    ctype = _TYPE_ALIASES.get(child.type, child.type)
    rules = INHERITANCE.get((ptype, ctype), {})
    pairs = [(name, targets) for name, targets in rules.items()]
    pairs += [
        (name, (name,)) for name in parent.fields if name not in rules and name not in NOT_INHERITED
    ]
    return pairs
