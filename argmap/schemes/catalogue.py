"""A catalogue of argument schemes and the look-up of what a map writes in ``scheme:``.

A name is looked up by its *key*: the name without case, accents, spaces or punctuation,
and without a leading "argument from (the)" or a trailing "argument", "scheme" or
"inference". So ``expert-opinion``, ``Expert Opinion``, ``ExpertOpinion`` (AIFdb's
``scheme`` field) and ``Argument From Expert Opinion`` all name one scheme, and no two
schemes of a catalogue may share a key.

Some names say that *no* scheme was chosen: ``Default Inference``, ``Default Conflict``,
``Default Rephrase`` and ``Default Preference`` (what OVA and AIFdb write on RA, CA, MA
and PA nodes by default), the bare node types (``RA``, ...: AraucariaDB's text of a
scheme node without a scheme) and the generic labels of xAIF (``Inference``, ...). They
are *unnamed*, not unknown: a map or AIF file that uses them names no scheme, and a check
has nothing to report.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from argmap.errors import Issue, Path, _IssuesError
from argmap.schemes.scheme import CriticalQuestion, Scheme

#: Names that say no scheme was chosen (see the module's docstring).
UNNAMED: tuple[str, ...] = (
    "Default Inference",
    "Default Conflict",
    "Default Rephrase",
    "Default Preference",
    "Default Transition",
    "RA",
    "CA",
    "MA",
    "PA",
    "Inference",
    "Conflict",
    "Rephrase",
    "Preference",
)

_PREFIX = re.compile(r"^arguments?from(?:the)?(?=.)")
_SUFFIX = re.compile(r"(?<=.)(?:argument|scheme|inference)$")
_CUTOFF = 0.75


@functools.lru_cache(maxsize=4096)
def scheme_key(name: str) -> str:
    """The form in which names are compared: case, accents and punctuation removed.

    >>> scheme_key("Argument From Expert Opinion"), scheme_key("expert-opinion")
    ('expertopinion', 'expertopinion')
    >>> scheme_key("CauseToEffect"), scheme_key("Slippery slope argument")
    ('causetoeffect', 'slipperyslope')
    >>> scheme_key("Argument from the Group and its Members")
    'groupanditsmembers'
    >>> scheme_key("Argumentación por analogía"), scheme_key("Аргумент от аналогии")
    ('argumentacionporanalogia', 'аргументотаналогии')
    """
    decomposed = unicodedata.normalize("NFKD", name).casefold()
    key = "".join(ch for ch in decomposed if ch.isalnum())  # accents were split off
    return _SUFFIX.sub("", _PREFIX.sub("", key))


_UNNAMED_KEYS = frozenset(scheme_key(name) for name in UNNAMED)


def is_unnamed(name: str) -> bool:
    """True when a scheme name says that no scheme was chosen (``Default Inference``, ...).

    >>> is_unnamed("Default Inference"), is_unnamed("RA"), is_unnamed("Expert Opinion")
    (True, True, False)
    """
    return scheme_key(name) in _UNNAMED_KEYS


def aif_scheme_name(node: Mapping[str, object]) -> str | None:
    """The scheme an AIF scheme node names: its text, else its ``scheme`` field.

    OVA writes the scheme as the node's text (``Expert Opinion``), and AIFdb repeats it
    in ``scheme`` (``ExpertOpinion``), but AraucariaDB's nodes carry only their type as
    text (``RA``) and the scheme in ``scheme``. The first of the two that is a name and
    does not say "no scheme" is the scheme (the text first: it is what OVA shows, and
    both name the same scheme where both are there); None when neither names one.

    >>> aif_scheme_name({"type": "RA", "text": "RA", "scheme": "CauseToEffect"})
    'CauseToEffect'
    >>> aif_scheme_name({"type": "RA", "text": "Expert Opinion", "scheme": "ExpertOpinion"})
    'Expert Opinion'
    >>> aif_scheme_name({"type": "RA", "text": "Default Inference"}) is None
    True
    """
    for field in ("text", "scheme"):
        value = node.get(field)
        if isinstance(value, str) and value.strip() and not is_unnamed(value):
            return value
    return None


SchemeStatus: TypeAlias = Literal["found", "unnamed", "unknown"]


@dataclass(frozen=True, slots=True)
class SchemeLookup:
    """What a scheme name stands for in a catalogue.

    ``status`` is ``found`` (``scheme`` is the entry), ``unnamed`` (the name says no scheme
    was chosen) or ``unknown`` (``suggestion`` is the closest entry, if one is close).
    """

    name: str
    status: SchemeStatus
    scheme: Scheme | None = None
    suggestion: Scheme | None = None

    @property
    def message(self) -> str | None:
        """What a check reports for an unknown name (None when it is found or unnamed)."""
        if self.status != "unknown":
            return None
        hint = f"; did you mean {_describe(self.suggestion)}?" if self.suggestion else ""
        return f"unknown argument scheme {self.name!r}{hint}"


@dataclass(frozen=True, slots=True)
class QuestionLookup:
    """What a ``SCHEME#QUESTION`` reference stands for; ``message`` when it is not found."""

    ref: str
    scheme: Scheme | None = None
    question: CriticalQuestion | None = None
    message: str | None = None

    @property
    def found(self) -> bool:
        """True when the reference names a critical question of the catalogue."""
        return self.question is not None


class CatalogueError(_IssuesError):
    """Schemes do not form a catalogue; ``.issues`` lists every problem, each with a path.

    A path points into the list of schemes (``schemes[3].aif[1]``) and, for a catalogue
    read from a file, the issue is located at the offending value.
    """

    kind = "scheme catalogue"


class Catalogue:
    """An ordered, read-only collection of schemes, looked up by id or by any name.

    >>> from argmap.schemes import builtin_catalogue
    >>> catalogue = builtin_catalogue()
    >>> catalogue["expert-opinion"].title
    'Argument from expert opinion'
    >>> catalogue.lookup("ExpertOpinion").scheme.id
    'expert-opinion'
    """

    __slots__ = ("_by_id", "_by_key", "_schemes")

    def __init__(self, schemes: Iterable[Scheme]) -> None:
        """Collect schemes into a catalogue.

        Raises:
            CatalogueError: two schemes share an id or a name (compared by
                :func:`scheme_key`), a name says that no scheme was chosen, or a
                ``variant_of`` names no other scheme of the catalogue.
        """
        self._schemes = tuple(schemes)
        self._by_id: dict[str, Scheme] = {}
        self._by_key: dict[str, Scheme] = {}
        issues: list[Issue] = []

        def problem(index: int, where: Path, message: str, code: str) -> None:
            issues.append(Issue("error", message, code=code, path=("schemes", index, *where)))

        for index, scheme in enumerate(self._schemes):
            if scheme.id in self._by_id:
                problem(index, ("id",), f"scheme id {scheme.id!r} is used twice", "duplicate-id")
                continue
            self._by_id[scheme.id] = scheme
            for where, name in _named_fields(scheme):
                key = scheme_key(name)
                owner = self._by_key.get(key)
                if not key or key in _UNNAMED_KEYS:
                    problem(
                        index,
                        where,
                        f"{name!r} cannot name a scheme: it says that no scheme was chosen"
                        if key
                        else f"{name!r} cannot name a scheme: it has no letter or digit",
                        "reserved-name",
                    )
                elif owner is not None and owner is not scheme:
                    problem(
                        index,
                        where,
                        f"{name!r} (of scheme {scheme.id!r}) already names scheme {owner.id!r};"
                        " names are compared without case, spaces and punctuation",
                        "duplicate-name",
                    )
                else:
                    self._by_key[key] = scheme
        for index, scheme in enumerate(self._schemes):
            parent = scheme.variant_of
            if parent is not None and (parent not in self._by_id or parent == scheme.id):
                problem(
                    index,
                    ("variant_of",),
                    f"scheme {scheme.id!r} is a variant of {parent!r}, which is not another"
                    " scheme of the catalogue",
                    "unknown-scheme",
                )
        if issues:
            raise CatalogueError(issues)

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self._schemes)

    def __len__(self) -> int:
        return len(self._schemes)

    def __contains__(self, scheme_id: object) -> bool:
        return scheme_id in self._by_id

    def __getitem__(self, scheme_id: str) -> Scheme:
        """The scheme with this id (exactly; :meth:`lookup` accepts any of its names)."""
        return self._by_id[scheme_id]

    def __repr__(self) -> str:
        return f"<Catalogue of {len(self)} schemes>"

    def with_schemes(self, schemes: Iterable[Scheme]) -> Catalogue:
        """This catalogue and further schemes (a map's own): a new catalogue.

        Raises:
            CatalogueError: a new scheme reuses an id or a name of the catalogue; the
                paths of the issues count the new schemes from 0 (``schemes[0]`` is the
                first of them), as a map's ``schemes:`` list does.
        """
        base = len(self._schemes)
        try:
            return Catalogue([*self._schemes, *schemes])
        except CatalogueError as exc:
            raise CatalogueError(
                [
                    Issue(i.severity, i.message, code=i.code, path=_shifted(i.path, -base))
                    for i in exc.issues
                ]
            ) from None

    def find(self, name: str) -> Scheme | None:
        """The scheme a name names, or None: :meth:`lookup` without its suggestion.

        >>> from argmap.schemes import builtin_catalogue
        >>> builtin_catalogue().find("CauseToEffect").id
        'cause-to-effect'
        """
        return self._by_key.get(scheme_key(name))

    def lookup(self, name: str) -> SchemeLookup:
        """Resolve a scheme name as a map or an AIF file writes it.

        >>> from argmap.schemes import builtin_catalogue
        >>> catalogue = builtin_catalogue()
        >>> catalogue.lookup("Argument From Expert Opnion").message
        "unknown argument scheme 'Argument From Expert Opnion'; did you mean 'expert-opinion' (Argument from expert opinion)?"
        >>> catalogue.lookup("Default Inference").status
        'unnamed'
        """  # noqa: E501
        key = scheme_key(name)
        found = self._by_key.get(key)
        if found is not None:
            return SchemeLookup(name, "found", scheme=found)
        if key in _UNNAMED_KEYS:
            return SchemeLookup(name, "unnamed")
        close = difflib.get_close_matches(key, list(self._by_key), n=1, cutoff=_CUTOFF)
        return SchemeLookup(name, "unknown", suggestion=self._by_key[close[0]] if close else None)

    def lookup_question(self, ref: str) -> QuestionLookup:
        """Resolve a ``SCHEME#QUESTION`` reference (what ``answers:`` will name).

        The scheme part is any name of the scheme (as for :meth:`lookup`); the question
        part is the question's id, compared by key as well.

        >>> from argmap.schemes import builtin_catalogue
        >>> catalogue = builtin_catalogue()
        >>> catalogue.lookup_question("Expert Opinion#field").question.kind
        'premise'
        >>> catalogue.lookup_question("expert-opinion#feild").message
        "no critical question 'feild' in scheme 'expert-opinion'; did you mean 'expert-opinion#field'?"
        """  # noqa: E501
        scheme_name, hash_, question_id = ref.partition("#")
        if not hash_ or not scheme_name.strip() or not question_id.strip():
            return QuestionLookup(
                ref,
                message=f"{ref!r} is not a critical question reference; expected"
                " SCHEME#QUESTION, such as 'expert-opinion#field'",
            )
        found = self.lookup(scheme_name)
        scheme = found.scheme
        if scheme is None:
            message = found.message or f"{scheme_name!r} names no scheme"
            return QuestionLookup(ref, message=f"in {ref!r}: {message}")
        by_key = {scheme_key(q.id): q for q in scheme.questions}
        question = by_key.get(scheme_key(question_id))
        if question is not None:
            return QuestionLookup(ref, scheme=scheme, question=question)
        close = difflib.get_close_matches(question_id, [q.id for q in scheme.questions], n=1)
        hint = (
            f"; did you mean {scheme.ref(close[0])!r}?"
            if close
            else f"; its questions: {', '.join(q.id for q in scheme.questions)}"
        )
        return QuestionLookup(
            ref,
            scheme=scheme,
            message=f"no critical question {question_id!r} in scheme {scheme.id!r}{hint}",
        )


def _shifted(path: Path, by: int) -> Path:
    index = path[1]
    assert isinstance(index, int)
    return (path[0], index + by, *path[2:])


def _named_fields(scheme: Scheme) -> Iterator[tuple[Path, str]]:
    yield ("id",), scheme.id
    yield ("title",), scheme.title
    for field in ("aif", "aliases"):
        for i, name in enumerate(getattr(scheme, field)):
            yield (field, i), name


def _describe(scheme: Scheme) -> str:
    return f"{scheme.id!r} ({scheme.title})"
