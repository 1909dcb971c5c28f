"""Argument schemes with their critical questions: the bundled catalogue and its look-up.

A relation's ``scheme:`` names the kind of inference it is (``expert-opinion``,
``Argument From Expert Opinion``, ``ExpertOpinion``: any name of a scheme, compared
without case or punctuation), and ``SCHEME#QUESTION`` (``expert-opinion#field``) names
one of the critical questions that a use of the scheme leaves open.

>>> from argmap.schemes import builtin_catalogue
>>> catalogue = builtin_catalogue()
>>> scheme = catalogue.lookup("Argument From Expert Opinion").scheme
>>> scheme.id, [q.id for q in scheme.questions][:3]
('expert-opinion', ['expertise', 'field', 'opinion'])
"""

from __future__ import annotations

from argmap.schemes._file import builtin_catalogue, parse_catalogue, read_catalogue
from argmap.schemes.catalogue import (
    UNNAMED,
    Catalogue,
    CatalogueError,
    QuestionLookup,
    SchemeLookup,
    aif_scheme_name,
    is_unnamed,
    scheme_key,
)
from argmap.schemes.scheme import CriticalQuestion, Premise, QuestionKind, Scheme

__all__ = [
    "UNNAMED",
    "Catalogue",
    "CatalogueError",
    "CriticalQuestion",
    "Premise",
    "QuestionKind",
    "QuestionLookup",
    "Scheme",
    "SchemeLookup",
    "aif_scheme_name",
    "builtin_catalogue",
    "is_unnamed",
    "parse_catalogue",
    "read_catalogue",
    "scheme_key",
]
