"""An argument scheme: its premises, its conclusion and the critical questions it raises.

These models describe the entries of the bundled catalogue and any scheme a map defines
for itself; both have the same shape, so a map's ``schemes:`` list can reuse them as they
are. They are frozen: a catalogue is shared, and one user of it must not change it for
another.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

#: A lower-case slug: letters and digits in words joined by single hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
#: Text that must not be empty (or only white space).
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]

QuestionKind: TypeAlias = Literal["premise", "assumption", "exception"]
QUESTION_KINDS: tuple[QuestionKind, ...] = ("premise", "assumption", "exception")


class _Frozen(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        defer_build=True,
    )


class Premise(_Frozen):
    """One premise of a scheme, named so that a critical question can point at it.

    >>> Premise(id="assertion", text="S says that A is true.").id
    'assertion'
    """

    id: Slug
    text: Text


class CriticalQuestion(_Frozen):
    """A question that a use of the scheme leaves open until the argument answers it.

    ``kind`` says what a question puts in doubt, and so what answers it:

    - ``premise``: whether one of the scheme's premises holds (named by ``premise``); an
      argument answers it by supporting that premise.
    - ``assumption``: a condition the inference takes for granted without stating it; an
      argument answers it by showing that the condition holds.
    - ``exception``: a circumstance that, if present, defeats the inference; an argument
      answers it by showing that the circumstance is absent (and an undercut raises it).

    >>> q = CriticalQuestion(id="field", kind="premise", premise="within-field",
    ...                      text="Is A really a question of F?")
    >>> q.kind, q.premise
    ('premise', 'within-field')
    """

    id: Slug
    """Unique within its scheme; referred to as ``SCHEME-ID#QUESTION-ID``."""
    kind: QuestionKind
    premise: Slug | None = None
    """The premise a ``premise`` question puts in doubt (by its id); only for that kind."""
    text: Text

    @model_validator(mode="after")
    def _premise_matches_kind(self) -> CriticalQuestion:
        if self.kind == "premise" and self.premise is None:
            raise ValueError(
                "a question of kind premise names the premise it puts in doubt (premise: ID)"
            )
        if self.kind != "premise" and self.premise is not None:
            raise ValueError(
                f"only a question of kind premise names a premise; this one is of kind"
                f" {self.kind} and names {self.premise!r}"
            )
        return self


class Scheme(_Frozen):
    """An argument scheme: a pattern of presumptive inference with its critical questions.

    ``aif`` lists the names AIFdb and OVA write for the scheme (the text or ``scheme``
    field of an RA node), ``aifdb`` its scheme id there where known; ``aliases`` are other
    names people use. All of them, the id and the title name the scheme in a look-up.

    >>> s = Scheme(
    ...     id="sign", title="Argument from sign",
    ...     premises=[{"id": "finding", "text": "Sign S is observed."},
    ...               {"id": "link", "text": "S generally indicates A."}],
    ...     conclusion="A is presumably the case.",
    ...     questions=[
    ...         {"id": "strength", "kind": "premise", "premise": "link",
    ...          "text": "How reliably does S indicate A?"},
    ...         {"id": "other-causes", "kind": "exception",
    ...          "text": "Could something else account for S?"}])
    >>> s.question("strength").premise, s.ref("other-causes")
    ('link', 'sign#other-causes')
    """

    id: Slug
    title: Text
    """The scheme's name as a reader writes it: ``Argument from expert opinion``."""
    aif: list[Text] = Field(default_factory=list)
    aifdb: int | None = Field(default=None, ge=1)
    aliases: list[Text] = Field(default_factory=list)
    variant_of: Slug | None = None
    """The id of the more general scheme this one refines (in the same catalogue)."""
    premises: list[Premise] = Field(min_length=1)
    conclusion: Text
    questions: list[CriticalQuestion] = Field(min_length=2)

    @property
    def aif_name(self) -> str:
        """The name AIF tools write on the scheme's nodes: its first AIF name, else its
        title."""
        return self.aif[0] if self.aif else self.title

    @property
    def names(self) -> list[str]:
        """Every name of the scheme: its id, title, AIF names and aliases, in that order."""
        return [self.id, self.title, *self.aif, *self.aliases]

    def premise(self, premise_id: str) -> Premise:
        """The premise with this id.

        Raises:
            KeyError: the scheme has no such premise.
        """
        for p in self.premises:
            if p.id == premise_id:
                return p
        raise KeyError(premise_id)

    def question(self, question_id: str) -> CriticalQuestion:
        """The critical question with this id.

        Raises:
            KeyError: the scheme has no such question.
        """
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def ref(self, question_id: str) -> str:
        """How a map refers to one of the scheme's questions: ``SCHEME-ID#QUESTION-ID``."""
        return f"{self.id}#{self.question(question_id).id}"

    @model_validator(mode="after")
    def _ids_unique_and_premises_named(self) -> Scheme:
        problems: list[str] = []
        for what, ids in (
            ("premise", [p.id for p in self.premises]),
            ("question", [q.id for q in self.questions]),
        ):
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            problems.extend(f"{what} id {i!r} is used more than once" for i in repeated)
        premise_ids = {p.id for p in self.premises}
        problems.extend(
            f"question {q.id!r} names premise {q.premise!r}, which the scheme does not have"
            f" (its premises: {', '.join(sorted(premise_ids))})"
            for q in self.questions
            if q.premise is not None and q.premise not in premise_ids
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self
