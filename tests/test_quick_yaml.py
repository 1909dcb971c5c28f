"""The fast reader of map-style YAML: for every text it accepts, the full reading's data
(values, types, key order) with no issue; every other text refused.

``ARGMAP_FUZZ_EXAMPLES=N`` runs N examples per generated test instead of the short default.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats._quick_yaml import _IMPLICIT, _RESOLVED_KEYS, scan_plain
from argmap.formats._tree import MapSyntaxError, NotPlainError, load, load_plain
from argmap.formats.mapfile import dump_map
from bench.corpus import synthetic_map
from tests.conftest import DATA, MAPS, SEED_MAP
from tests.test_tree import DATA_TREES

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "0")) or None
SETTINGS = settings(
    max_examples=EXAMPLES or 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


def _agrees(text: str) -> bool:
    """Whether the scanner accepts ``text``; if it does, it must give load's data, typed."""
    try:
        scanned = scan_plain(text)
    except NotPlainError:
        return False
    try:
        full = load(text, "t.yaml", syntax="yaml")
    except MapSyntaxError as exc:
        raise AssertionError(f"accepted a text load refuses: {exc}\n{text}") from None
    assert full is not None, f"accepted an empty text:\n{text!r}"
    data, issues, _ = full
    assert not issues, f"accepted a text load reports: {issues}\n{text}"
    # repr tells 1 from 1.0 and True, '1' from 1, and shows the order of keys.
    assert repr(scanned) == repr(data), f"\n{text}"
    return True


def _clean(text: str) -> bool:
    try:
        full = load(text, "t.yaml", syntax="yaml")
    except MapSyntaxError:
        return False
    return full is not None and not full[1]


YAML_FILES = sorted([*MAPS.glob("*.yaml"), *DATA.rglob("*.yaml")])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: Path(p).name)
def test_every_clean_yaml_file_of_the_repository_is_accepted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if not _clean(text):
        assert not _agrees(text)
        return
    assert _agrees(text), f"{path.name} is refused"


def test_the_files_reports_name_the_ones_the_full_reading_finds_faulty() -> None:
    # The repository's test data holds maps with faults on purpose; these are refused.
    faulty = [path.name for path in YAML_FILES if not _clean(path.read_text(encoding="utf-8"))]
    assert all(MAPS not in path.parents for path in YAML_FILES if path.name in faulty)


def test_corpus_maps_as_dump_map_writes_them_are_accepted() -> None:
    rng = random.Random(3)
    for index in range(0, 1000, 97):
        text = dump_map(synthetic_map(index, 1000, rng))
        assert _agrees(text), text[:200]


def test_load_plain_tries_the_scanner_first_and_falls_back() -> None:
    text = SEED_MAP.read_text(encoding="utf-8")
    assert load_plain(text, syntax="yaml") == scan_plain(text)
    # Outside the subset, libyaml's events still give the data.
    with pytest.raises(NotPlainError):
        scan_plain("a: |2\n   x\n")
    assert load_plain("a: |2\n   x\n", syntax="yaml") == {"a": " x\n"}
    with pytest.raises(NotPlainError):
        load_plain("a: &x 1\nb: *x\n", syntax="yaml")


ACCEPTED = [
    ("a: x#y\n", {"a": "x#y"}),
    ("a: x #y\n", {"a": "x"}),
    ("a: x  # y: z\n", {"a": "x"}),
    ("a: b:c\n", {"a": "b:c"}),
    ("a: 'b: c'\n", {"a": "b: c"}),
    (
        "a: ~\nb: 0x1F\nc: 017\nd: .inf\ne: 0o17\n",
        {"a": None, "b": 31, "c": 17, "d": float("inf"), "e": 15},
    ),
    (
        "a: yes\nb: no\nc: True\nd: 'true'\ne: -1.5e3\n",
        {"a": "yes", "b": "no", "c": True, "d": "true", "e": -1500.0},
    ),
    ("a: it's\nb: 'it''s'\nc: \"say \\\"hi\\\"\"\n", {"a": "it's", "b": "it's", "c": 'say "hi"'}),
    ("a:\n- x\n- y\nb: 1\n", {"a": ["x", "y"], "b": 1}),
    ("a:\n  - x\n  -   y\n", {"a": ["x", "y"]}),
    ("- a: 1\n  b: 2\n- c: 3\n", [{"a": 1, "b": 2}, {"c": 3}]),
    ("-   a: 1\n    b:\n    - x\n", [{"a": 1, "b": ["x"]}]),
    ("a: one\n  two\n\n  three\n\n\n  four\nb: 1\n", {"a": "one two\nthree\n\nfour", "b": 1}),
    ("a: 'one\n  two''s\n\n  three'\n", {"a": "one two's\nthree"}),
    ('a: "one \\\n  two\\n\n  three"\n', {"a": "one two\n three"}),
    ("a: |\n  x\n\n   y\nb: |-\n  z\n", {"a": "x\n\n y\n", "b": "z"}),
    ("a: >-\n  x\n  y\n\n  z\nb: >\n  w\n", {"a": "x y\nz", "b": "w\n"}),
    ("a: [x, 'y, z', \"w\", 1, [], {}]\n", {"a": ["x", "y, z", "w", 1, [], {}]}),
    (
        "a: {key: k, locator: p. 1, of: [x, y]}\n",
        {"a": {"key": "k", "locator": "p. 1", "of": ["x", "y"]}},
    ),
    ("# head\na:   # after a key\n  # inside\n  b: 1   \n\n# end\n", {"a": {"b": 1}}),
    ("a:\n  text on\n  its own lines\n", {"a": "text on its own lines"}),
    ("a:\nb:\n", {"a": None, "b": None}),
    ("  a: 1\n  b: 2\n", {"a": 1, "b": 2}),
    ("a : 1\n", {"a": 1}),
    ("- - x\n  -  - y\n     - z\n", [["x", ["y", "z"]]]),
    ("a scalar\n  as the whole text\n", "a scalar as the whole text"),
    ("[a, b]\n", ["a", "b"]),
    ("a: [multi.line:1, x]\n", {"a": ["multi.line:1", "x"]}),
]


@pytest.mark.parametrize(("text", "data"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_the_subset_reads_as_yaml_reads_it(text: str, data: object) -> None:
    assert scan_plain(text) == data
    assert _agrees(text)


REFUSED = [
    "",
    "# nothing\n",
    "|\n x\n",
    "[a, b]\nc: d\n",
    "a: &x 1\n",
    "a: *x\n",
    "a: !!str 1\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: 1\n...\n",
    "a:\tb\n",
    "a: b\r\n",
    "\ufeffa: 1\n",
    "a: b\x85c\n",
    "a: b\u2028c\n",
    "a: 1\na: 2\n",
    "'a': 1\n",
    '"a": 1\n',
    "? a\n: 1\n",
    "true: 1\n",
    "null: 1\n",
    "1: x\n",
    "a: b: c\n",
    "a: b:\n",
    "a: b :\n",
    "a: @x\n",
    "a: `x\n",
    "a: | x\n",
    "a: |2\n  x\n",
    "a: |+\n  x\n",
    "a: - x\n",
    "a: 'x'y\n",
    "a: 'x'#c\n",
    "a: 1\n b: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "- a: 1\n b: 2\n",
    "- a: 1\n   b: 2\n",
    "a: 1\n- x\n",
    "a:\n  - x\n  b: 1\n",
    "a: x\n  - y\n",
    "a: x\n  # c\n  y\n",
    "a: x # c\n  y\n",
    "a: x\n  y: z\n",
    "a: [x, y,]\n",
    "a: [x: y]\n",
    "a: {x}\n",
    "a: {x: }\n",
    "a: [x, [y\n",
    "a: [x,\n  y]\n",
    "a: {x: 1, x: 2}\n",
    "a: 'open\n",
    'a: "bad \\q"\n',
    'a: "\\ud800"\n',
    "a: |\n  x",
    "a: |\n\n  \n  x\n",
    "a: >\n  x\n    y\n",
    "a: |\nb: 1\n",
    "  a: 1\nb: 2\n",
]


@pytest.mark.parametrize("text", REFUSED, ids=repr)
def test_the_scanner_refuses_what_it_does_not_know(text: str) -> None:
    with pytest.raises(NotPlainError):
        scan_plain(text)
    # Whatever load makes of it, the reading falls back and stays right.
    _agrees(text)


def test_the_scanner_resolves_with_the_full_readings_own_table() -> None:
    # Every resolver is keyed by first character (a wildcard one would need every scalar
    # checked), and each pattern is anchored, as the scanner's fast checks assume.
    assert None not in _IMPLICIT
    assert all(
        pattern.pattern.startswith("^") and pattern.pattern.endswith("$")
        for resolvers in _IMPLICIT.values()
        for _, pattern in resolvers
    )


@SETTINGS
@given(
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
    | st.sampled_from(
        ["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "yes", "on"]
    )
)
def test_a_key_is_refused_exactly_when_the_core_schema_does_not_read_it_as_a_string(
    key: str,
) -> None:
    full = load(f"{key}: 1\n", "k.yaml", syntax="yaml")
    assert full is not None
    if full[1]:
        with pytest.raises(NotPlainError):
            scan_plain(f"{key}: 1\n")
    else:
        assert scan_plain(f"{key}: 1\n") == {key: 1}
    assert (key in _RESOLVED_KEYS) == bool(full[1])


def test_a_refusal_names_the_line() -> None:
    with pytest.raises(NotPlainError, match="c: &x 3"):
        scan_plain("a: 1\nb: 2\nc: &x 3\n")


# -- generated texts ----------------------------------------------------------------------

WORDS = [
    "text", "Japan's", "p.", "1", "-1", "0.5", "yes", "no", "~", "null", "true", "False",
    "0x1F", "017", "0o17", ".inf", "-.Inf", ".nan", "1e3", "a#b", "#c", "x:", ":x", "a:b",
    "-", "- x", "?", "'q'", '"d"', "[a]", "{b}", "a,b", "@x", "&a", "*a", "!t", "|", ">",
    "%", "`", "é", "\u3000", "\xa0", "\\", "---", "...", "it''s", "say \"x\"",
]  # fmt: skip
KEYS = st.sampled_from(["id", "kind", "text", "a", "b-c", "_d", "true", "1", "x y", "e"])
SCALAR = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join) | st.sampled_from(
    ["", "a\nb", "two\n\nlines\n", " lead", "trail ", "1", "true"]
)
MAP_DATA = st.recursive(
    SCALAR | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=16,
)


@SETTINGS
@given(
    DATA_TREES | MAP_DATA,
    st.sampled_from([None, True, False]),
    st.sampled_from([None, "'", '"', "|", ">"]),
    st.sampled_from([20, 40, 92]),
    st.booleans(),
)
def test_safe_dump_in_every_style_agrees(
    data: object, flow: bool | None, style: str | None, width: int, wide: bool
) -> None:
    text = yaml.safe_dump(
        data,
        default_flow_style=flow,
        default_style=style,
        width=width,
        allow_unicode=wide,
        sort_keys=False,
    )
    _agrees(text)


def test_the_scanner_accepts_most_generated_block_style_maps() -> None:
    rng = random.Random(11)
    accepted = 0
    for _ in range(300):
        text = yaml.safe_dump(_map_like(rng), sort_keys=False, allow_unicode=True, width=92)
        accepted += _agrees(text)
    assert accepted >= 270, accepted


def _map_like(rng: random.Random) -> dict[str, object]:
    """Data shaped like a map: identifier keys, sentences, numbers, lists, nested items."""

    def sentence() -> str:
        words = [
            rng.choice([*WORDS[:3], "the", "Western", "sanctions", "balance"])
            for _ in range(rng.randint(1, 30))
        ]
        return " ".join(words)

    def node(i: int) -> dict[str, object]:
        item: dict[str, object] = {"id": f"n{i}", "kind": rng.choice(["claim", "evidence"])}
        if rng.random() < 0.5:
            item["text"] = sentence()
        if rng.random() < 0.3:
            item["weight"] = rng.choice([0.5, 1, 0, -2.5])
        if rng.random() < 0.4:
            item["tags"] = [sentence() for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.4:
            item["cites"] = [{"key": "k1", "locator": f"p. {rng.randint(1, 99)}"}]
        return item

    return {
        "argmap": 1,
        "id": "m",
        "title": sentence(),
        "nodes": [node(i) for i in range(rng.randint(0, 6))],
        "relations": [
            {"from": "n0", "to": f"n{k}", "kind": "supports"} for k in range(rng.randint(0, 2))
        ],
    }


@st.composite
def hand_written(draw: st.DrawFn) -> str:
    """A text as people write map files: any indentation, indentless or indented
    sequences, comments in odd places, extra spaces, texts wrapped over lines."""
    step = draw(st.sampled_from([2, 3, 4]))
    out: list[str] = []

    def scalar(value: object, at: int) -> str:
        if not isinstance(value, str):
            return yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()
        how = draw(st.sampled_from(["plain", "plain", "single", "double", "wrap", "block", "flow"]))
        if how == "single":
            return "'" + value.replace("'", "''") + "'"
        if how == "double":
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if how == "wrap":
            words = value.split(" ")
            cut = draw(st.integers(0, len(words)))
            gap = "\n" * draw(st.sampled_from([1, 1, 2, 3]))
            pad = " " * draw(st.integers(max(at - 1, 0), at + 3))
            return " ".join(words[:cut]) + gap + pad + " ".join(words[cut:])
        if how == "block":
            header = draw(st.sampled_from(["|", "|-", ">", ">-"]))
            pad = " " * (at + draw(st.integers(0, 3)))
            return header + "".join(
                "\n" + (pad + line if line else "") for line in value.split("\n")
            )
        if how == "flow":
            return "[" + ", ".join(value.split(" ")) + "]"
        return value

    def comment() -> str:
        return draw(st.sampled_from(["", "", "", " # note", "  #: x", " #"]))

    def emit(value: object, at: int, prefix: str) -> None:
        colon = draw(st.sampled_from([": ", ": ", ":  ", " : "]))
        if isinstance(value, dict) and value:
            first = True
            for key, item in value.items():
                lead = prefix if first else " " * at
                first = False
                if draw(st.integers(0, 9)) == 0:
                    out.append(
                        " " * draw(st.integers(0, at + 2)) + "# " + draw(st.sampled_from(WORDS))
                    )
                if isinstance(item, dict | list) and item:
                    out.append(f"{lead}{key}:{comment()}")
                    inner = at if isinstance(item, list) and draw(st.booleans()) else at + step
                    emit(item, inner, " " * inner)
                elif draw(st.integers(0, 5)) == 0:
                    out.append(f"{lead}{key}:")
                    out.append(" " * (at + step) + scalar(item, at + step))
                else:
                    out.append(f"{lead}{key}{colon.rstrip()} {scalar(item, at + 1)}{comment()}")
        elif isinstance(value, list) and value:
            for k, item in enumerate(value):
                dash = draw(st.sampled_from(["- ", "- ", "-  "]))
                lead = prefix if k == 0 else " " * at
                if isinstance(item, dict | list) and item:
                    if isinstance(item, dict) and draw(st.booleans()):
                        emit(item, at + len(dash), lead + dash)
                    else:
                        out.append(f"{lead}-{comment()}")
                        emit(item, at + step, " " * (at + step))
                else:
                    out.append(f"{lead}{dash}{scalar(item, at + 1)}{comment()}")
                if draw(st.integers(0, 9)) == 0:
                    out.append(" " * draw(st.integers(0, 6)))
        else:
            out.append(prefix + scalar(value, at + 1))

    emit(draw(st.dictionaries(KEYS, MAP_DATA, min_size=1, max_size=5)), 0, "")
    return "\n".join(out) + draw(st.sampled_from(["\n", "\n", "", "\n\n"]))


@SETTINGS
@given(hand_written())
def test_hand_written_variants_agree(text: str) -> None:
    _agrees(text)


PIECES = [
    "&a ", "*a", "!!str ", "!x ", "\nid: again\n", ": ", "- ", "-", "{", "}", "[", "]", "'",
    '"', "\\", "1: x\n", "~", "\t", "#", " #", "|", ">-", "\n", "\n  ", "  ", ",", "?", "%",
    "@", "`", "\n---\n", "\n...\n", "\r", "\x85", "\u2028", "\ufeff", "true", "0x", "\n- ",
    "\n  - x\n", "  y\n", ":", "'x'", "''",
]  # fmt: skip


@SETTINGS
@given(st.data())
def test_mutated_map_files_agree(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([*YAML_FILES[:2], None]))
    if path is None:
        text = dump_map(synthetic_map(data.draw(st.integers(0, 50)), 60, random.Random(1)))
    else:
        text = path.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 4)) :]
    _agrees(text)


FLOW_WORDS = st.text(alphabet="ab1.#@/-_:,~ ", min_size=1, max_size=8) | st.sampled_from(
    ["p. 1", "m1#m1-n2", "m#n@sha256:0123abcd", ".inf", "0x1F", "-x", "a #b", "true", "~"]
)


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(["id", "kind", "from", "to", "true", "a-b"]), FLOW_WORDS),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([", ", ",", " , "]),
    st.sampled_from(["k: ", "- ", "k:\n  - "]),
)
def test_flow_mappings_as_argmap_writes_them_agree(
    pairs: list[tuple[str, str]], comma: str, lead: str
) -> None:
    text = lead + "{" + comma.join(f"{k}: {v}" for k, v in pairs) + "}\n"
    _agrees(text)
