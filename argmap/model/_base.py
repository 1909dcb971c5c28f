"""The shared pydantic configuration and field types of the map model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from argmap.model._text import TOO_DEEP, clean, find_unwritable
from argmap.model.reference import endpoint

ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.:\-]*$"

#: A stable identifier: letters, digits, ``_ . : -``; it starts with a letter, digit or ``_``.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1)]
#: A node of this map (``NODE-ID``) or of another map (``MAP-ID#NODE-ID``), the latter
#: optionally pinned to the hash of the node's text (``MAP-ID#NODE-ID@sha256:HEX``, 8 to 64
#: lower-case hex digits of the SHA-256 of the text, UTF-8).
REF_PATTERN = (
    r"^[A-Za-z0-9_][A-Za-z0-9_.:\-]*(?:#[A-Za-z0-9_][A-Za-z0-9_.:\-]*(?:@sha256:[0-9a-f]{8,64})?)?$"
)
#: Validation parses the latter into a :class:`~argmap.model.reference.Reference`.
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, min_length=1), AfterValidator(endpoint)]
# The same, for the patterns of fields (validated by pydantic's regex engine, which sees no
# surrogates: it refuses a string holding one before any pattern is tried).
_UNWRITABLE = r"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF"
#: Text: not empty, not only white space, and none of :data:`argmap.model._text.UNWRITABLE`.
TEXT_PATTERN = rf"^[^{_UNWRITABLE}]*[^\s{_UNWRITABLE}][^{_UNWRITABLE}]*$"
#: Text that must not be empty (or only white space), of characters every format can carry.
Text = Annotated[str, StringConstraints(min_length=1, pattern=TEXT_PATTERN)]
#: A number in [0, 1].
Weight = Annotated[float, Field(ge=0.0, le=1.0)]


#: The validation context key by which a reader says that it has already checked every
#: string of the data it validates for :data:`argmap.model._text.UNWRITABLE` and bounded its
#: nesting (the AIF reader checks the whole file at once), so that ``meta`` is not searched
#: again value by value.
STRINGS_CHECKED = "argmap_strings_checked"


def _writable_meta(meta: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    """Refuse ``meta`` data holding a key or string of :data:`argmap.model._text.UNWRITABLE`,
    or nested deeper than :data:`argmap.model._text.MAX_NESTING` levels."""
    if not meta or (info.context is not None and info.context.get(STRINGS_CHECKED)):
        return meta
    if clean(meta):
        return meta  # nearly all: one pass that builds no paths
    for path, problem, is_key in find_unwritable(meta):
        if problem == TOO_DEEP:
            raise PydanticCustomError(
                "too_deep", "meta holds {problem}; a map needs far fewer", {"problem": problem}
            )
        shown = path[:-1] if is_key else path
        where = "meta" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in shown)
        if is_key:
            where = f"a key of {where}"
        raise PydanticCustomError(
            "unwritable_text", "{where} holds {problem}", {"where": where, "problem": problem}
        )
    return meta


#: Data carried from other formats that argmap has no field for (kept for round trips).
Meta = Annotated[dict[str, Any], AfterValidator(_writable_meta)]


class Model(BaseModel):
    """Base of every map model: unknown fields are errors; aliases and names both work.

    Each model's validator is built when the model is first used, not on import: reading
    a map builds the map's validator alone (its nodes, relations and actors inside it),
    which is most of what a short command such as ``argmap check`` would otherwise wait
    for; ``Claim(...)`` builds its own the first time it is called.
    """

    model_config = ConfigDict(
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        validate_default=False,
        strict=True,
        defer_build=True,
    )

    def __init__(self, /, **data: Any) -> None:
        """Build the model from its fields; a wrong field is a :class:`ModelError` that
        says what is wrong in argmap's words, as reading a map file would."""
        try:
            super().__init__(**data)
        except ValidationError as exc:
            from argmap.model._messages import model_error

            raise model_error(type(self), exc, data) from None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # Models inside a model (a map's nodes, say) are validated by pydantic's core, not
        # by their __init__: the map's errors are reported together, by path.
        cls.__pydantic_custom_init__ = False
