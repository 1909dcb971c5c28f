"""Looking up what a map writes in ``scheme:`` and in ``answers: SCHEME#QUESTION``."""

from __future__ import annotations

import pytest

from argmap.schemes import (
    UNNAMED,
    CatalogueError,
    CriticalQuestion,
    Scheme,
    aif_scheme_name,
    builtin_catalogue,
    is_unnamed,
)

CATALOGUE = builtin_catalogue()
SCHEMES = list(CATALOGUE)
QUESTIONS = [(s, q) for s in SCHEMES for q in s.questions]


@pytest.mark.parametrize(
    "name",
    [
        "expert-opinion",
        "Expert Opinion",
        "ExpertOpinion",
        "expert opinion",
        "EXPERT_OPINION",
        "argument from expert opinion",
        "Argument From Expert Opinion",
        "Argument from expert opinion.",
        "Expert-opinion argument",
        "  Expert  Opinion ",
    ],
)
def test_a_scheme_is_found_by_any_spelling_of_its_names(name: str) -> None:
    found = CATALOGUE.lookup(name)
    assert (found.status, found.scheme, found.message) == (
        "found",
        CATALOGUE["expert-opinion"],
        None,
    )


@pytest.mark.parametrize("scheme", SCHEMES, ids=[s.id for s in SCHEMES])
def test_every_name_of_every_entry_finds_that_entry(scheme: Scheme) -> None:
    for name in scheme.names:
        assert CATALOGUE.lookup(name).scheme is scheme, name


MISSPELT = [
    ("Argument From Expert Opnion", "expert-opinion"),
    ("Expert Opinon", "expert-opinion"),
    ("Positon To Know", "position-to-know"),
    ("Cause to Efect", "cause-to-effect"),
    ("CorrelationToCuase", "correlation-to-cause"),
    ("Slipery slope", "slippery-slope"),
    ("popular opinon", "popular-opinion"),
    ("Argument from analogie", "analogy"),
    ("Practical Reasonning", "practical-reasoning"),
    ("Negative Consequenses", "negative-consequences"),
    ("Verbal Clasification", "verbal-classification"),
    ("Established Rules", "established-rule"),
    ("Witness Testimonie", "witness-testimony"),
    ("Circumstancial Ad Hominem", "circumstantial-ad-hominem"),
]


@pytest.mark.parametrize(("name", "meant"), MISSPELT)
def test_a_misspelt_name_suggests_the_scheme_meant(name: str, meant: str) -> None:
    found = CATALOGUE.lookup(name)
    assert (found.status, found.scheme) == ("unknown", None)
    assert found.suggestion is CATALOGUE[meant]


def test_the_message_for_an_unknown_name_says_what_was_meant() -> None:
    assert CATALOGUE.lookup("Argument From Expert Opnion").message == (
        "unknown argument scheme 'Argument From Expert Opnion'; did you mean"
        " 'expert-opinion' (Argument from expert opinion)?"
    )


@pytest.mark.parametrize("name", ["Argument from astrology", "Modus Ponens", "x"])
def test_a_name_like_no_scheme_gets_no_suggestion(name: str) -> None:
    found = CATALOGUE.lookup(name)
    assert (found.status, found.suggestion) == ("unknown", None)
    assert found.message == f"unknown argument scheme {name!r}"


@pytest.mark.parametrize("name", [*UNNAMED, "default inference", "DefaultConflict", "ra"])
def test_names_that_say_no_scheme_was_chosen_are_unnamed_not_unknown(name: str) -> None:
    found = CATALOGUE.lookup(name)
    assert (found.status, found.scheme, found.message) == ("unnamed", None, None)
    assert is_unnamed(name)


def test_the_scheme_an_aif_node_names() -> None:
    assert aif_scheme_name({"text": "RA", "scheme": "CauseToEffect"}) == "CauseToEffect"
    # The text first: it is what OVA shows; both name one scheme.
    assert aif_scheme_name({"text": "Expert Opinion", "scheme": "ExpertOpinion"}) == (
        "Expert Opinion"
    )
    assert aif_scheme_name({"text": "Default Inference", "scheme": "ExpertOpinion"}) == (
        "ExpertOpinion"
    )
    assert aif_scheme_name({"text": "Analogy"}) == "Analogy"
    assert aif_scheme_name({"text": "Default Inference", "scheme": "Default Inference"}) is None
    assert aif_scheme_name({"text": "RA", "scheme": None}) is None
    assert aif_scheme_name({"text": "  "}) is None


@pytest.mark.parametrize(
    ("scheme", "question"), QUESTIONS, ids=[f"{s.id}#{q.id}" for s, q in QUESTIONS]
)
def test_every_critical_question_is_found_by_its_reference(
    scheme: Scheme, question: CriticalQuestion
) -> None:
    for ref in (f"{scheme.id}#{question.id}", f"{scheme.title}#{question.id}"):
        found = CATALOGUE.lookup_question(ref)
        assert (found.scheme, found.question, found.message) == (scheme, question, None), ref
        assert found.found


def test_a_question_is_found_through_an_aif_name_and_any_case() -> None:
    found = CATALOGUE.lookup_question("ExpertOpinion#Trustworthiness")
    assert found.question is CATALOGUE["expert-opinion"].question("trustworthiness")


BAD_REFS = [
    (
        "expert-opinion#feild",
        "no critical question 'feild' in scheme 'expert-opinion'; did you mean"
        " 'expert-opinion#field'?",
    ),
    (
        "sign#why",
        "no critical question 'why' in scheme 'sign'; its questions: strength,"
        " other-explanations, finding",
    ),
    (
        "Expert Opnion#field",
        "in 'Expert Opnion#field': unknown argument scheme 'Expert Opnion'; did you mean"
        " 'expert-opinion' (Argument from expert opinion)?",
    ),
    (
        "Default Inference#field",
        "in 'Default Inference#field': 'Default Inference' names no scheme",
    ),
    (
        "expert-opinion",
        "'expert-opinion' is not a critical question reference; expected SCHEME#QUESTION,"
        " such as 'expert-opinion#field'",
    ),
    (
        "expert-opinion#",
        "'expert-opinion#' is not a critical question reference; expected SCHEME#QUESTION,"
        " such as 'expert-opinion#field'",
    ),
]


@pytest.mark.parametrize(("ref", "message"), BAD_REFS, ids=[r for r, _ in BAD_REFS])
def test_a_bad_question_reference_says_what_is_wrong(ref: str, message: str) -> None:
    found = CATALOGUE.lookup_question(ref)
    assert (found.found, found.message) == (False, message)


def _scheme(**fields: object) -> Scheme:
    data: dict[str, object] = {
        "id": "sanctions-signal",
        "title": "Argument from a sanctions signal",
        "premises": [
            {"id": "measure", "text": "State S imposed a measure M on T."},
            {"id": "cost", "text": "M costs S little and T little."},
        ],
        "conclusion": "M was meant as a signal to third parties, not as pressure on T.",
        "questions": [
            {"id": "cost", "kind": "premise", "premise": "cost", "text": "Is M really cheap?"},
            {"id": "audience", "kind": "exception", "text": "Did a third party take note?"},
        ],
    }
    data.update(fields)
    return Scheme.model_validate(data)


def test_a_map_adds_its_own_schemes_to_a_new_catalogue() -> None:
    own = _scheme(aliases=["signalling sanctions"])
    extended = CATALOGUE.with_schemes([own])
    assert len(extended) == len(CATALOGUE) + 1
    assert extended.lookup("Signalling Sanctions").scheme is own
    assert extended.lookup_question("sanctions-signal#audience").found
    assert extended.lookup("expert opinion").scheme is CATALOGUE["expert-opinion"]
    assert "sanctions-signal" not in CATALOGUE  # the bundled catalogue is left as it was


def test_a_map_scheme_may_not_take_a_name_of_the_catalogue() -> None:
    own = _scheme(aif=["Symbolic Sanctions", "Sign"])
    with pytest.raises(CatalogueError) as caught:
        CATALOGUE.with_schemes([own])
    assert [(i.path, i.message) for i in caught.value.issues] == [
        (
            ("schemes", 0, "aif", 1),
            "'Sign' (of scheme 'sanctions-signal') already names scheme 'sign'; names are"
            " compared without case, spaces and punctuation",
        )
    ]


def test_a_map_scheme_may_refine_a_catalogue_scheme() -> None:
    own = _scheme(variant_of="practical-reasoning")
    assert CATALOGUE.with_schemes([own])["sanctions-signal"].variant_of == "practical-reasoning"


def test_a_scheme_may_be_named_in_any_script_and_found_without_its_accents() -> None:
    own = _scheme(aliases=["Señal de sanciones", "Санкционный сигнал"])
    extended = CATALOGUE.with_schemes([own])
    assert extended.lookup("senal de sanciones").scheme is own
    assert extended.lookup("санкционный  сигнал").scheme is own
