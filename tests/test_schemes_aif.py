"""Real AIF files name their schemes: each name is a catalogue entry or knowingly not one.

The files are AIFdb nodesets (``tests/data/aifdb-schemes/``, origin and licence in its
README) and, where the shared corpora are present, the Argumentative Microtexts in AIF.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from argmap.formats.aif import read_aif
from argmap.schemes import aif_scheme_name, builtin_catalogue, is_unnamed, scheme_key
from tests.conftest import DATA

CATALOGUE = builtin_catalogue()
FOLDER = DATA / "aifdb-schemes"
FILES = sorted(FOLDER.glob("*/*.json"))
SCHEME_TYPES = ("RA", "CA", "MA", "PA")

#: Scheme names of the real files that are not catalogue entries, and why.
NOT_IN_CATALOGUE = {
    "Modus Ponens": "a rule of deductive logic, not a presumptive scheme: it leaves no"
    " question open beyond whether its premises hold, which any support already asks",
}
#: The names of the files that say no scheme was chosen (what each means).
UNNAMED_IN_FILES = {
    "Default Inference": "an RA node whose analyst chose no scheme (OVA, AIFdb)",
    "Default Conflict": "a CA node with no conflict scheme chosen",
    "Default Rephrase": "an MA node with no rephrase scheme chosen",
    "RA": "AraucariaDB writes the node type as the text; the scheme is in 'scheme'",
}


def _scheme_nodes(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    graph = data.get("AIF", data)
    return [n for n in graph["nodes"] if n.get("type") in SCHEME_TYPES]


def _names(nodes: list[dict[str, Any]]) -> list[str]:
    """Every name a scheme node writes: its text and its ``scheme`` field."""
    return [n[f] for n in nodes for f in ("text", "scheme") if isinstance(n.get(f), str)]


def test_the_files_are_the_ones_the_readme_describes() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert len(FILES) == 15
    for path in FILES:
        number = path.stem.removeprefix("nodeset")
        row = next(
            line for line in readme.splitlines() if line.startswith(f"| `{path.parent.name}/`")
        )
        assert re.search(rf"(?:nodeset|, ){number}\b", row), path


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_every_scheme_name_resolves_or_is_knowingly_left_out(path: Path) -> None:
    for name in _names(_scheme_nodes(path)):
        found = CATALOGUE.lookup(name)
        if found.status == "unnamed":
            assert name in UNNAMED_IN_FILES, name
        elif found.status == "unknown":
            assert any(scheme_key(name) == scheme_key(n) for n in NOT_IN_CATALOGUE), name


def test_the_names_left_out_are_used_and_still_not_in_the_catalogue() -> None:
    # A name that comes to resolve must leave the list: an unexpected pass fails here.
    used = {scheme_key(name) for path in FILES for name in _names(_scheme_nodes(path))}
    for name in [*NOT_IN_CATALOGUE, *UNNAMED_IN_FILES]:
        assert scheme_key(name) in used, name
        assert CATALOGUE.lookup(name).scheme is None, name


def test_the_files_name_the_schemes_the_readme_lists() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for folder in ("araucaria", "us2016"):
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{folder}/`"))
        column = re.sub(r" \(.*?\)", "", row.split(" | ")[-1].rstrip(" |"))
        listed = {scheme_key(name) for name in re.split(r"[,;] ", column)}
        nodes = [n for path in FILES if path.parent.name == folder for n in _scheme_nodes(path)]
        used = {scheme_key(name) for name in map(aif_scheme_name, nodes) if name is not None}
        used |= {
            scheme_key(n["text"])
            for n in nodes
            if is_unnamed(n["text"]) and n["text"] not in SCHEME_TYPES
        }
        assert used == listed, folder


def test_aifdb_scheme_ids_agree_with_the_catalogue() -> None:
    seen: dict[str, str] = {}
    for path in FILES:
        for node in _scheme_nodes(path):
            name, number = aif_scheme_name(node), node.get("schemeID")
            scheme = CATALOGUE.lookup(name).scheme if name is not None else None
            if scheme is None or number is None:
                continue
            assert seen.setdefault(number, scheme.id) == scheme.id, (path.name, node["nodeID"])
            if scheme.aifdb is not None:
                assert int(number) == scheme.aifdb, (path.name, node["nodeID"], name)
    # Every AIFdb id the catalogue records is confirmed by a node of the files.
    recorded = {s.aifdb: s.id for s in CATALOGUE if s.aifdb is not None}
    assert {int(n): sid for n, sid in seen.items() if int(n) in recorded} == recorded


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_the_aif_reader_keeps_the_scheme_of_every_relation(path: Path) -> None:
    amap = read_aif(path)
    nodes = {n["nodeID"]: n for n in _scheme_nodes(path)}
    for relation in amap.relations:
        assert relation.id is not None and relation.scheme is not None
        kept = {"text": relation.scheme, "scheme": relation.meta["aif"].get("scheme")}
        assert aif_scheme_name(kept) == aif_scheme_name(nodes[relation.id])


def test_the_microtexts_name_only_example_or_no_scheme(corpora: Path) -> None:
    counts: dict[str, int] = {}
    for path in sorted((corpora / "microtexts-aif").glob("*.json")):
        for node in _scheme_nodes(path):
            found = CATALOGUE.lookup(node["text"])
            assert found.status != "unknown", (path.name, node["text"])
            key = found.scheme.id if found.scheme is not None else found.status
            counts[key] = counts.get(key, 0) + 1
    assert set(counts) == {"example", "unnamed"}
    assert counts["example"] >= 1
