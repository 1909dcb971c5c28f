"""Scheme names in AIF: the names and AIFdb ids seen in AIFdb's corpora resolve to the
catalogue, and AIF files that name their schemes keep them when read and written.

The names are listed in ``tests/data/aif-schemes/aifdb-scheme-names.tsv``; the AIF files
beside it use every one of them (origin and licence in the folder's README). Where the
shared corpora are present, the Argumentative Microtexts in AIF are read too.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from argmap.formats.aif import dump_aif, parse_aif, read_aif
from argmap.model import ArgumentMap
from argmap.schemes import aif_scheme_name, builtin_catalogue, is_unnamed
from tests.support import DATA, SEED_MAP

CATALOGUE = builtin_catalogue()
FOLDER = DATA / "aif-schemes"
FILES = sorted(FOLDER.glob("*.json"))
SCHEME_TYPES = ("RA", "CA", "MA", "PA")

#: Scheme names seen in AIFdb that are not catalogue entries, and why.
NOT_IN_CATALOGUE = {
    "ModusPonens": "a rule of deductive logic, not a presumptive scheme: it leaves no"
    " question open beyond whether its premises hold, which any support already asks",
}


def _rows() -> list[dict[str, str]]:
    lines = (FOLDER / "aifdb-scheme-names.tsv").read_text(encoding="utf-8").splitlines()
    return list(
        csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    )


ROWS = _rows()


def _graph(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("AIF", data)  # type: ignore[no-any-return]


def _scheme_nodes(path: Path) -> list[dict[str, Any]]:
    return [n for n in _graph(path)["nodes"] if n.get("type") in SCHEME_TYPES]


def _name_of(row: dict[str, str]) -> str | None:
    return aif_scheme_name({"text": row["text"], "scheme": row["scheme"]})


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['corpus']}:{r['text']}:{r['scheme']}" for r in ROWS]
)
def test_each_name_seen_in_aifdb_resolves_or_is_knowingly_left_out(row: dict[str, str]) -> None:
    name = _name_of(row)
    if name is None:
        assert all(is_unnamed(row[f]) for f in ("text", "scheme") if row[f])
        return
    found = CATALOGUE.find(name)
    if found is None:
        assert row["scheme"] in NOT_IN_CATALOGUE, name
        return
    # The text and the scheme field, where both are there, name one entry.
    for field in ("text", "scheme"):
        if row[field] and not is_unnamed(row[field]):
            assert CATALOGUE.find(row[field]) is found, (field, row)
    if found.aifdb is not None and row["id"]:
        assert row["id"] == str(found.aifdb), row


def test_every_aifdb_id_the_catalogue_records_was_seen_in_aifdb() -> None:
    seen = {row["id"]: CATALOGUE.find(_name_of(row) or "") for row in ROWS if row["id"]}
    recorded = [s for s in CATALOGUE if s.aifdb is not None]
    assert recorded
    for scheme in recorded:
        assert seen.get(str(scheme.aifdb)) is scheme, scheme.id


def test_the_names_left_out_are_seen_and_still_not_in_the_catalogue() -> None:
    # A name that comes to resolve must leave the list: an unexpected pass fails here.
    for name in NOT_IN_CATALOGUE:
        assert any(row["scheme"] == name for row in ROWS)
        assert CATALOGUE.find(name) is None


def test_the_files_use_every_combination_seen_in_aifdb() -> None:
    used = {
        (n["type"], n.get("text", ""), n.get("scheme", ""), n.get("schemeID", ""))
        for path in FILES
        for n in _scheme_nodes(path)
    }
    for row in ROWS:
        assert (row["node"], row["text"], row["scheme"], row["id"]) in used, row


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_reader_names_each_relation_by_the_scheme_its_node_names(path: Path) -> None:
    amap = read_aif(path)
    nodes = {n["nodeID"]: n for n in _scheme_nodes(path)}
    named = 0
    for relation in amap.relations:
        assert relation.id is not None and relation.scheme is not None
        node = nodes[relation.id]
        expected = aif_scheme_name(node)
        if expected is None:  # no scheme chosen: the node's own text, as OVA shows it
            assert relation.scheme == node["text"]
            continue
        named += 1
        assert relation.scheme == expected
        assert CATALOGUE.find(relation.scheme) is CATALOGUE.find(expected)
    assert named >= 4


def test_araucaria_schemes_are_the_scheme_field_not_the_node_type() -> None:
    amap = read_aif(FOLDER / "araucaria-style.json")
    schemes = [CATALOGUE.find(r.scheme or "") for r in amap.relations]
    assert [s.id if s else None for s in schemes[:3]] == [
        "analogy",
        "cause-to-effect",
        "commitment",
    ]
    assert amap.relations[-1].scheme == "RA"  # the one node that names none


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_reading_and_writing_keeps_every_scheme_name_and_id(path: Path) -> None:
    amap = read_aif(path)
    written = dump_aif(amap)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(written) == data
    assert parse_aif(written, filename=path.name) == amap


def test_a_map_made_in_argmap_is_written_with_aifdbs_names_and_ids(seed_map: ArgumentMap) -> None:
    nodes = {n["nodeID"]: n for n in json.loads(dump_aif(seed_map))["nodes"]}
    by_scheme = {r.id: r.scheme for r in seed_map.relations if r.scheme is not None}
    assert by_scheme, "the seed map names schemes"
    for relation_id, scheme in by_scheme.items():
        found = CATALOGUE.find(scheme)
        assert found is not None
        node = nodes[relation_id]
        assert node["text"] == found.aif_name
        if found.aifdb is None:
            assert "schemeID" not in node
        else:
            assert (node["scheme"], node["schemeID"]) == (
                found.aif_name.replace(" ", ""),
                str(found.aifdb),
            )
    # ... and read back, the same map.
    assert parse_aif(dump_aif(seed_map), filename=SEED_MAP.name) == seed_map


def test_a_scheme_changed_after_reading_is_written_with_its_own_fields() -> None:
    amap = read_aif(FOLDER / "araucaria-style.json")
    amap.relations[0].scheme = "expert-opinion"  # it was Analogy (1)
    amap.relations[1].scheme = "abduction"  # it was CauseToEffect: no AIFdb id is known
    nodes = {n["nodeID"]: n for n in json.loads(dump_aif(amap))["nodes"]}
    first, second = nodes[amap.relations[0].id or ""], nodes[amap.relations[1].id or ""]
    # AraucariaDB's text (the node type) stays; the scheme fields follow the change.
    assert (first["text"], first["scheme"], first["schemeID"]) == ("RA", "ExpertOpinion", "15")
    assert second["text"] == "RA" and "scheme" not in second and "schemeID" not in second
    again = read_aif(FOLDER / "araucaria-style.json")
    assert [r.scheme for r in again.relations][:2] == ["Analogy", "CauseToEffect"]


def test_the_microtexts_name_only_example_or_no_scheme(corpora: Path) -> None:
    counts: dict[str, int] = {}
    for path in sorted((corpora / "microtexts-aif").glob("*.json")):
        for node in _scheme_nodes(path):
            found = CATALOGUE.lookup(node["text"])
            assert found.status != "unknown", (path.name, node["text"])
            key = found.scheme.id if found.scheme is not None else found.status
            counts[key] = counts.get(key, 0) + 1
        amap = read_aif(path)
        assert json.loads(dump_aif(amap)) == json.loads(path.read_text(encoding="utf-8"))
    assert set(counts) == {"example", "unnamed"}
    assert counts["example"] >= 1
