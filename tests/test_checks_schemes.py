"""The scheme checks: scheme names, a map's own schemes and ``answers:``, each problem
with its exact message at the line and column of the offending value."""

from __future__ import annotations

import textwrap

import pytest

import argmap
from argmap.formats.mapfile import load_map
from argmap.schemes import builtin_catalogue
from argmap.schemes.inferences import find_answers, find_inferences, map_catalogue

HEAD = """\
argmap: 1
id: m
title: M
"""

OWN_SCHEME = """\
schemes:
  - id: sanctions-signal
    title: Argument from a sanctions signal
    variant_of: practical-reasoning
    premises:
      - {id: measure, text: "State S imposed a measure M on T."}
      - {id: cost, text: "M costs S and T little."}
    conclusion: "M was meant as a signal to third parties."
    questions:
      - {id: cost, kind: premise, premise: cost, text: "Is M really cheap for both?"}
      - {id: audience, kind: exception, text: "Did any third party take note of M?"}
"""


def check(body: str) -> list[str]:
    """The issues of a map written as YAML, as ``line:col: severity: message``."""
    loaded = load_map(HEAD + textwrap.dedent(body), filename="m.yaml")
    assert loaded.amap is not None, loaded.issues
    return [str(issue).removeprefix("m.yaml:") for issue in argmap.check(loaded.amap)]


CASES = [
    pytest.param(
        """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B}
        relations:
          - {id: r, kind: supports, from: b, to: a, scheme: Argument From Expert Opnion}
        """,
        [
            "8:53: warning: supports relation 'r': unknown argument scheme 'Argument From "
            "Expert Opnion'; did you mean 'expert-opinion' (Argument from expert opinion)?"
        ],
        id="misspelt scheme",
    ),
    pytest.param(
        """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B}
        relations:
          - {kind: supports, from: b, to: a, scheme: Gut Feeling}
        """,
        [
            "8:46: warning: supports relation (relations[0]): unknown argument scheme "
            "'Gut Feeling'; define it under the map's 'schemes'"
        ],
        id="unknown scheme",
    ),
    pytest.param(
        """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B}
          - {id: c, kind: claim, text: C}
        relations:
          - {kind: supports, from: b, to: a, scheme: Default Inference}
          - {kind: attacks, from: c, to: a, scheme: Default Conflict}
          - {kind: supports, from: c, to: b, scheme: ExpertOpinion}
        """,
        [],
        id="names that choose no scheme, and AIFdb's spelling",
    ),
    pytest.param(
        textwrap.indent(OWN_SCHEME, " " * 8)
        + """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B, answers: [sanctions-signal#cost]}
        relations:
          - {kind: supports, from: b, to: a, scheme: sanctions-signal}
        """,
        [],
        id="a scheme of the map's own",
    ),
    pytest.param(
        """\
        schemes:
          - id: analogy
            title: Argument from likeness
            variant_of: likeness
            premises: [{id: p, text: P.}]
            conclusion: C.
            questions:
              - {id: q1, kind: assumption, text: Q1?}
              - {id: q2, kind: assumption, text: Q2?}
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
        """,
        [
            "5:9: error: the map's schemes: scheme id 'analogy' is used twice",
            "7:17: error: the map's schemes: scheme 'analogy' is a variant of 'likeness', "
            "which is not another scheme of the catalogue",
        ],
        id="own scheme that clashes with the catalogue",
    ),
    pytest.param(
        """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B, answers: [expert-opinion#feild, expert-opinon#field]}
          - {id: c, kind: claim, text: C, answers: [field]}
        relations:
          - {id: r, kind: supports, from: [b, c], to: a, scheme: expert-opinion}
        """,
        [
            "6:45: warning: node 'b': no critical question 'feild' in scheme "
            "'expert-opinion'; did you mean 'expert-opinion#field'?",
            "6:67: warning: node 'b': in 'expert-opinon#field': unknown argument scheme "
            "'expert-opinon'; did you mean 'expert-opinion' (Argument from expert opinion)?",
            "7:45: warning: node 'c': 'field' is not a critical question reference; expected "
            "SCHEME#QUESTION, such as 'expert-opinion#field'",
        ],
        id="answers that name no critical question",
    ),
    pytest.param(
        """\
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: b, kind: claim, text: B}
          - {id: c, kind: claim, text: C, answers: [analogy#differences]}
        relations:
          - {id: r, kind: supports, from: b, to: a, scheme: expert-opinion}
          - {kind: attacks, from: c, to: b, answers: [expert-opinion#field]}
        """,
        [
            "7:45: warning: node 'c' answers 'analogy#differences', but no inference of "
            "scheme 'analogy' is linked to it; name the scheme on the inference it answers "
            "for (scheme: analogy)",
        ],
        id="an answer no inference of its scheme is linked to",
    ),
    pytest.param(
        """\
        uses: [other.yaml]
        nodes:
          - {id: a, kind: claim, text: A, thesis: true}
          - {id: u, kind: claim, text: U, answers: [practical-reasoning#means]}
        relations:
          - {kind: supports, from: u, to: a}
          - {kind: undercuts, from: u, to: "other#r-x", answers: [practical-reasoning#means]}
        """,
        [
            "10:36: warning: 'other#r-x' names a node of another map; not resolved: read the "
            "map with its corpus (argmap.read_maps, or argmap check on its folder)",
        ],
        id="an answer about another map's inference waits for the workspace",
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_scheme_problems_are_reported_where_they_are_written(
    body: str, expected: list[str]
) -> None:
    assert check(body) == expected


def test_schemes_of_the_map_are_refused_with_the_catalogues_messages() -> None:
    body = OWN_SCHEME.replace("kind: exception", "kind: exeption").replace(
        "title: Argument from a sanctions signal",
        "title: Argument from a sanctions signal\n    colour: red",
    )
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(HEAD + body + "nodes: []\n", filename="m.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "m.yaml:7:5: error: unknown field 'colour' in scheme 'sanctions-signal'; expected one "
        "of: id, title, aif, aifdb, aliases, variant_of, premises, conclusion, questions",
        "m.yaml:15:30: error: the kind of question 'audience' of scheme 'sanctions-signal' "
        "must be one of premise, assumption, exception, not 'exeption'",
    ]


def test_answers_must_be_a_list() -> None:
    body = "nodes:\n  - {id: a, kind: claim, text: A, answers: expert-opinion#field}\n"
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(HEAD + body, filename="m.yaml")
    assert [str(i) for i in caught.value.issues] == [
        "m.yaml:5:44: error: 'answers' must be a list of SCHEME#QUESTION references, got "
        "the string 'expert-opinion#field'; write answers: [expert-opinion#field]"
    ]


STATES = """\
nodes:
  - {id: t, kind: claim, text: T, thesis: true}
  - {id: g, kind: claim, text: G}
  - {id: alt, kind: claim, text: No other means, answers: [practical-reasoning#alternatives]}
  - {id: doubt, kind: claim, text: The means may fail}
  - {id: q, kind: question, text: Is it feasible?, answers: [practical-reasoning#feasibility]}
relations:
  - {id: r, kind: supports, from: [g, alt], to: t, scheme: practical-reasoning}
  - {id: u, kind: undercuts, from: doubt, to: r, answers: [practical-reasoning#means]}
  - {kind: questions, from: q, to: r}
  - {id: plain, kind: undercuts, from: g, to: r}
"""


def test_each_question_is_answered_raised_or_open() -> None:
    amap = argmap.parse_map(HEAD + STATES, filename="m.yaml")
    [inference] = find_inferences(amap, map_catalogue(amap)[0])
    states = {s.question.id: (s.status, s.answered_by, s.raised_by) for s in inference.questions}
    assert states == {
        "alternatives": ("answered", ("alt",), ()),
        "conflicting-goals": ("open", (), ()),
        "side-effects": ("open", (), ()),
        "feasibility": ("raised", (), ("q",)),
        "means": ("raised", (), ("u",)),
    }
    # The second undercut names no question: it is a challenge of its own.
    assert inference.challenges == ("plain",)
    assert argmap.check(amap) == []


def test_an_answer_bears_on_every_inference_of_its_scheme_it_is_linked_to() -> None:
    body = STATES.replace(
        "  - {kind: questions, from: q, to: r}\n",
        "  - {kind: questions, from: q, to: r}\n"
        "  - {id: r2, kind: supports, from: g, to: alt, scheme: practical-reasoning}\n"
        "  - {kind: supports, from: x, to: g}\n",
    ).replace(
        "  - {id: doubt,",
        "  - {id: x, kind: claim, text: X, answers: [practical-reasoning#means]}\n  - {id: doubt,",
    )
    amap = argmap.parse_map(HEAD + body, filename="m.yaml")
    answers = {a.element: a.inferences for a in find_answers(amap, builtin_catalogue())}
    # 'alt' is a premise of r (0) and the conclusion of r2 (3): it answers for r alone;
    # 'x' supports 'g', a premise of both.
    assert answers["alt"] == (0,)
    assert answers["x"] == (0, 3)


def test_every_catalogue_scheme_can_be_named_and_each_of_its_questions_answered() -> None:
    catalogue = builtin_catalogue()
    for scheme in catalogue:
        for name in scheme.names:
            assert catalogue.lookup(name).scheme is scheme, name
        refs = [scheme.ref(q.id) for q in scheme.questions]
        text = HEAD + textwrap.dedent(
            f"""\
            nodes:
              - {{id: t, kind: claim, text: T, thesis: true}}
              - {{id: p, kind: claim, text: P, answers: [{", ".join(refs)}]}}
            relations:
              - {{id: r, kind: supports, from: p, to: t, scheme: {scheme.id}}}
            """
        )
        amap = argmap.parse_map(text, filename="m.yaml")
        assert argmap.check(amap) == [], scheme.id
        [inference] = find_inferences(amap, catalogue)
        assert [s.status for s in inference.questions] == ["answered"] * len(refs)
