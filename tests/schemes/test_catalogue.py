"""The bundled catalogue of argument schemes, and catalogue files with located errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from pydantic import ValidationError

import argmap
from argmap.formats.mapfile import read_map
from argmap.schemes import (
    Catalogue,
    CatalogueError,
    CriticalQuestion,
    Scheme,
    builtin_catalogue,
    parse_catalogue,
    read_catalogue,
    scheme_key,
)
from tests.support import ROOT

CATALOGUE = builtin_catalogue()
SCHEMES = list(CATALOGUE)

#: The schemes a reviewer most needs (Walton, Reed and Macagno 2008), by catalogue id.
REQUIRED = {
    "expert-opinion",
    "position-to-know",
    "witness-testimony",
    "popular-opinion",
    "popular-practice",
    "analogy",
    "cause-to-effect",
    "correlation-to-cause",
    "sign",
    "example",
    "verbal-classification",
    "commitment",
    "ethotic",
    "direct-ad-hominem",
    "circumstantial-ad-hominem",
    "inconsistent-commitment",
    "bias",
    "practical-reasoning",
    "value-based-practical-reasoning",
    "positive-consequences",
    "negative-consequences",
    "positive-values",
    "negative-values",
    "fear-appeal",
    "danger-appeal",
    "waste",
    "sunk-costs",
    "gradualism",
    "slippery-slope",
    "precedent",
    "rules",
    "established-rule",
    "exceptional-case",
    "evidence-to-hypothesis",
    "abduction",
    "ignorance",
    "composition",
    "division",
    "alternatives",
    "need-for-help",
    "distress",
}


def test_the_catalogue_holds_the_schemes_a_reviewer_needs() -> None:
    ids = {s.id for s in SCHEMES}
    assert ids >= REQUIRED, sorted(REQUIRED - ids)
    assert len(SCHEMES) >= 30


@pytest.mark.parametrize("scheme", SCHEMES, ids=[s.id for s in SCHEMES])
def test_every_entry_has_premises_a_conclusion_and_critical_questions(scheme: Scheme) -> None:
    assert len(scheme.premises) >= 1
    assert scheme.conclusion.strip()
    assert len(scheme.questions) >= 2
    assert scheme.title[:1].isupper()
    for text in [p.text for p in scheme.premises] + [scheme.conclusion]:
        assert text.endswith("."), text
        assert text == text.strip() and "  " not in text, text
    for q in scheme.questions:
        assert q.text.endswith("?"), q.text
        assert q.text == q.text.strip() and "  " not in q.text, q.text


@pytest.mark.parametrize("scheme", SCHEMES, ids=[s.id for s in SCHEMES])
def test_premise_questions_name_a_premise_of_their_scheme(scheme: Scheme) -> None:
    premise_ids = [p.id for p in scheme.premises]
    assert len(set(premise_ids)) == len(premise_ids)
    question_ids = [q.id for q in scheme.questions]
    assert len(set(question_ids)) == len(question_ids)
    for q in scheme.questions:
        if q.kind == "premise":
            assert q.premise in premise_ids, (q.id, q.premise)
        else:
            assert q.premise is None, q.id


def test_ids_are_unique() -> None:
    ids = [s.id for s in SCHEMES]
    assert len(set(ids)) == len(ids)


def test_no_two_entries_share_a_name_or_an_aifdb_id() -> None:
    owners: dict[str, set[str]] = {}
    for scheme in SCHEMES:
        for name in scheme.names:
            owners.setdefault(scheme_key(name), set()).add(scheme.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}
    aif_names = [scheme_key(name) for s in SCHEMES for name in s.aif]
    assert len(set(aif_names)) == len(aif_names)
    aifdb_ids = [s.aifdb for s in SCHEMES if s.aifdb is not None]
    assert len(set(aifdb_ids)) == len(aifdb_ids)


def test_variants_refine_another_scheme_without_cycles() -> None:
    for scheme in SCHEMES:
        seen = {scheme.id}
        parent = scheme.variant_of
        while parent is not None:
            assert parent not in seen, (scheme.id, parent)
            seen.add(parent)
            parent = CATALOGUE[parent].variant_of


def test_the_catalogue_ships_with_the_package() -> None:
    data = resources.files("argmap.schemes").joinpath("catalogue.yaml")
    assert data.is_file()
    assert builtin_catalogue() is CATALOGUE  # read once


def test_the_catalogue_is_read_only() -> None:
    with pytest.raises(ValidationError):
        CATALOGUE["sign"].title = "Sign"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        CATALOGUE["sign"].questions[0].text = "Changed?"  # type: ignore[misc]


def test_a_catalogue_written_as_json_reads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "schemes.json"
    path.write_text(
        json.dumps({"schemes": [s.model_dump(exclude_defaults=True) for s in SCHEMES]}),
        encoding="utf-8",
    )
    assert list(read_catalogue(path)) == SCHEMES


def test_a_catalogue_error_is_an_argmap_error_naming_each_problem() -> None:
    with pytest.raises(CatalogueError) as caught:
        Catalogue([CATALOGUE["sign"], CATALOGUE["sign"]])
    assert isinstance(caught.value, argmap.ArgmapError)
    assert [(i.path, i.message) for i in caught.value.issues] == [
        (("schemes", 1, "id"), "scheme id 'sign' is used twice")
    ]


SIGN = """\
schemes:
  - id: sign
    title: Argument from sign
    aif: [Sign]
    premises:
      - {id: finding, text: Sign S is found.}
      - {id: indication, text: S generally indicates A.}
    conclusion: A is presumably so.
    questions:
      - {id: strength, kind: premise, premise: indication, text: How reliable is S?}
      - {id: other, kind: exception, text: Could something else account for S?}
"""


def _edit(old: str, new: str) -> str:
    assert old in SIGN
    return SIGN.replace(old, new)


SECOND = """\
  - id: symptom
    title: Argument from symptom
    aif: [{name}]
    premises: [{{id: seen, text: A symptom is seen.}}]
    conclusion: The illness is present.
    questions:
      - {{id: specific, kind: assumption, text: Is the symptom specific?}}
      - {{id: seen, kind: premise, premise: seen, text: Was it really seen?}}
"""

BAD_FILES = [
    (
        "unknown field",
        _edit("    aif: [Sign]\n", "    aif: [Sign]\n    colour: red\n"),
        "f.yaml:5:5: error: unknown field 'colour' in scheme 'sign'; expected one of: id,"
        " title, aif, aifdb, aliases, variant_of, premises, conclusion, questions",
    ),
    (
        "missing conclusion",
        _edit("    conclusion: A is presumably so.\n", ""),
        "f.yaml:2:5: error: scheme 'sign' has no 'conclusion'",
    ),
    (
        "one question",
        _edit(
            "      - {id: other, kind: exception, text: Could something else account for S?}\n", ""
        ),
        "f.yaml:10:7: error: scheme 'sign' needs at least 2 questions, has 1",
    ),
    (
        "no premises",
        _edit(
            "      - {id: finding, text: Sign S is found.}\n"
            "      - {id: indication, text: S generally indicates A.}\n",
            "      []\n",
        ).replace("    premises:\n      []", "    premises: []"),
        "f.yaml:5:15: error: scheme 'sign' needs at least 1 premises, has 0",
    ),
    (
        "id not a slug",
        _edit("  - id: sign\n", "  - id: Sign Argument\n"),
        "f.yaml:2:9: error: 'Sign Argument' is not a valid id (schemes[0].id): use lower-case"
        " letters and digits, in words joined by single hyphens",
    ),
    (
        "kind misspelt",
        _edit("kind: exception", "kind: exeption"),
        "f.yaml:11:27: error: the kind of question 'other' of scheme 'sign' must be one of"
        " premise, assumption, exception, not 'exeption'",
    ),
    (
        "premise question naming no premise",
        _edit("kind: premise, premise: indication,", "kind: premise,"),
        "f.yaml:10:9: error: question 'strength' of scheme 'sign': a question of kind premise"
        " names the premise it puts in doubt (premise: ID)",
    ),
    (
        "question naming a premise the scheme lacks",
        _edit("premise: indication", "premise: indicator"),
        "f.yaml:2:5: error: scheme 'sign': question 'strength' names premise 'indicator',"
        " which the scheme does not have (its premises: finding, indication)",
    ),
    (
        "empty text",
        _edit("conclusion: A is presumably so.", "conclusion: '  '"),
        "f.yaml:8:17: error: the conclusion of scheme 'sign' must not be empty",
    ),
    (
        "a name of another scheme",
        SIGN + SECOND.format(name="SIGN"),
        "f.yaml:14:11: error: 'SIGN' (of scheme 'symptom') already names scheme 'sign';"
        " names are compared without case, spaces and punctuation",
    ),
    (
        "a name that says no scheme",
        SIGN + SECOND.format(name="Default Inference"),
        "f.yaml:14:11: error: 'Default Inference' cannot name a scheme: it says that no scheme"
        " was chosen",
    ),
    (
        "variant of an unknown scheme",
        _edit("    aif: [Sign]\n", "    aif: [Sign]\n    variant_of: symptoms\n"),
        "f.yaml:5:17: error: scheme 'sign' is a variant of 'symptoms', which is not another"
        " scheme of the catalogue",
    ),
    (
        "repeated key",
        _edit("    aif: [Sign]\n", "    aif: [Sign]\n    title: Sign\n"),
        "f.yaml:5:5: error: duplicate key 'title' (first at line 3)",
    ),
    (
        "not YAML",
        _edit("    aif: [Sign]\n", "    aif: [Sign\n"),
        "f.yaml:5:13: error: not valid YAML: did not find expected ',' or ']' (while parsing"
        " a flow sequence)",
    ),
    ("empty file", "", "f.yaml: error: the file is empty; a catalogue holds a 'schemes' list"),
    (
        "no schemes list",
        "schemes: {sign: 1}\n",
        "f.yaml:1:10: error: 'schemes' must be a list, not a mapping",
    ),
    (
        "a list of the wrong things",
        "- sign\n",
        "f.yaml:1:1: error: the catalogue must be a mapping, not a list",
    ),
    (
        "names not a list",
        _edit("aif: [Sign]", "aif: Sign"),
        "f.yaml:4:10: error: the aif of scheme 'sign' must be a list, not the text 'Sign'",
    ),
    (
        "aifdb id as text",
        _edit("    aif: [Sign]\n", "    aif: [Sign]\n    aifdb: '30'\n"),
        "f.yaml:5:12: error: the aifdb of scheme 'sign' must be a whole number, not the text '30'",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_catalogue_file_is_reported_where_it_is_wrong(text: str, expected: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(text, filename="f.yaml")
    assert [str(i) for i in caught.value.issues] == [expected]


def test_every_problem_of_a_file_is_reported_in_file_order() -> None:
    text = _edit("  - id: sign\n", "  - id: Sign\n").replace("kind: exception", "kind: other")
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(text, filename="f.yaml")
    assert str(caught.value).splitlines()[0] == "f.yaml: 2 errors in scheme catalogue"
    assert [str(i.location) for i in caught.value.issues] == ["f.yaml:2:9", "f.yaml:11:27"]


def test_a_missing_catalogue_file_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(tmp_path / "none.yaml")
    assert [str(i) for i in caught.value.issues] == [
        f"{tmp_path / 'none.yaml'}: error: no such file"
    ]


def test_a_scheme_built_in_code_is_checked_like_one_read_from_a_file() -> None:
    with pytest.raises(ValidationError, match="names premise 'p2', which the scheme does not"):
        Scheme(
            id="x",
            title="X",
            premises=[{"id": "p1", "text": "P."}],  # type: ignore[list-item]
            conclusion="C.",
            questions=[
                {"id": "a", "kind": "premise", "premise": "p2", "text": "A?"},  # type: ignore[list-item]
                {"id": "b", "kind": "exception", "text": "B?"},  # type: ignore[list-item]
            ],
        )
    with pytest.raises(ValidationError, match="only a question of kind premise names a premise"):
        CriticalQuestion(id="a", kind="exception", premise="p1", text="A?")


def test_a_good_catalogue_file_reads_into_a_catalogue_that_looks_names_up() -> None:
    catalogue = parse_catalogue(SIGN + SECOND.format(name="Symptom Argument"), filename="f.yaml")
    assert [s.id for s in catalogue] == ["sign", "symptom"]
    assert catalogue.lookup("symptom").scheme is catalogue["symptom"]
    assert catalogue.lookup("SIGN").scheme is catalogue["sign"]


def test_a_file_of_own_schemes_extends_the_catalogue_with_errors_located_in_it() -> None:
    text = SECOND.format(name="Symptom").replace("  - id: symptom", "schemes:\n  - id: symptom")
    extended = parse_catalogue(text, filename="own.yaml", extends=CATALOGUE)
    assert len(extended) == len(CATALOGUE) + 1
    assert extended.lookup("symptom").scheme is extended["symptom"]
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(text.replace("[Symptom]", "[Sign]"), filename="own.yaml", extends=CATALOGUE)
    assert [str(i) for i in caught.value.issues] == [
        "own.yaml:4:11: error: 'Sign' (of scheme 'symptom') already names scheme 'sign';"
        " names are compared without case, spaces and punctuation"
    ]


def test_the_documented_example_of_an_own_scheme_reads() -> None:
    page = (ROOT / "docs" / "guide" / "schemes.md").read_text(encoding="utf-8")
    example = page.split('```yaml title="my-schemes.yaml"\n', 1)[1].split("```", 1)[0]
    extended = parse_catalogue(example, filename="schemes.md", extends=CATALOGUE)
    own = extended.lookup("Sanctions Signal").scheme
    assert own is not None and own.variant_of == "practical-reasoning"


def test_the_documented_example_of_schemes_on_inferences_is_the_seed_maps() -> None:
    from argmap.formats._syntax import load

    page = (ROOT / "docs" / "guide" / "schemes.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```yaml\n")[1:]]
    [example] = [b for b in blocks if b.startswith("relations:")]
    loaded = load(example, "schemes.md", syntax="yaml")
    assert loaded is not None
    shown = loaded[0]["relations"]
    seed = {
        r.id: r for r in read_map(ROOT / "maps" / "shagina-2018-japan-sanctions.yaml").relations
    }
    for relation in shown:
        actual = seed[relation["id"]]
        assert (relation["kind"], relation["from"], relation["to"]) == (
            actual.kind,
            actual.source,
            actual.target,
        )
        assert relation.get("scheme") == actual.scheme
        assert relation.get("answers", []) == actual.answers
    # Every relation of the seed map that names a scheme or a question is shown.
    assert {r["id"] for r in shown} == {r.id for r in seed.values() if r.scheme or r.answers}
