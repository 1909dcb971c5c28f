"""The JSON Schema of map files: valid, up to date, accepting every real map, refusing bad ones.

The committed copy for editors, docs/argmap-map.schema.json, is regenerated with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/formats/test_schema.py`` (or ``argmap schema -o``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats.schema import dump_json_schema
from tests.support import MAPS, ROOT, SEED_MAP

COMMITTED = ROOT / "docs" / "argmap-map.schema.json"
MAP_FILES = sorted(p for p in MAPS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(argmap.json_schema())


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = argmap.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_committed_copy_for_editors_is_up_to_date() -> None:
    text = dump_json_schema()
    if os.environ.get("ARGMAP_REGENERATE"):
        COMMITTED.write_text(text, encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == text, (
        "docs/argmap-map.schema.json is stale: run 'argmap schema -o docs/argmap-map.schema.json'"
    )


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.name for p in MAP_FILES])
def test_every_map_in_maps_validates(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    errors = [e.message for e in validator.iter_errors(load(path))]
    assert errors == []


def test_maps_argmap_writes_validate(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    amap = argmap.read_map(SEED_MAP)
    for fmt in ("yaml", "json"):
        data = yaml.safe_load(argmap.dump_map(amap, fmt=fmt))
        assert list(validator.iter_errors(data)) == []


def seed_data() -> dict[str, Any]:
    data = load(SEED_MAP)
    assert isinstance(data, dict)
    return data


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


# Each bad value, where it goes, and the path at which the schema must report it.
BAD_VALUES = [
    (("nodes", 0, "kind"), "thought", ("nodes", 0)),
    (("nodes", 6, "weight"), 1.5, ("nodes", 6, "weight")),
    (("nodes", 0, "id"), "has space", ("nodes", 0, "id")),
    (("relations", 0, "kind"), "endorses", ("relations", 0, "kind")),
    (("relations", 0, "colour"), "red", ("relations", 0)),
    (("argmap",), 2, ("argmap",)),
    (("nodes", 0, "cites", 0, "key"), "bad key", ("nodes", 0, "cites", 0, "key")),
    (("nodes", 0, "text"), "   ", ("nodes", 0, "text")),
]


@pytest.mark.parametrize(("where", "value", "reported"), BAD_VALUES)
def test_bad_values_are_reported_where_they_are(
    where: tuple[str | int, ...],
    value: Any,
    reported: tuple[str | int, ...],
    validator: jsonschema.Draft202012Validator,
) -> None:
    data = seed_data()
    _set(data, where, value)
    paths = {tuple(e.absolute_path) for e in validator.iter_errors(data)}
    assert reported in paths or any(p[: len(reported)] == reported for p in paths), paths
    with pytest.raises(argmap.MapError):
        argmap.parse_map(json.dumps(data), filename="bad.json")


def test_a_node_must_say_its_kind(validator: jsonschema.Draft202012Validator) -> None:
    data = seed_data()
    del data["nodes"][0]["kind"]
    assert list(validator.iter_errors(data))


def test_the_descriptions_carry_no_doctests() -> None:
    assert ">>>" not in dump_json_schema()


def test_argmap_schema_prints_the_schema_and_writes_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == argmap.json_schema()
    out = tmp_path / "map.schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == dump_json_schema()
