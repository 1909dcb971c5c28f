"""The format registry: formats declared once in their modules, found and used by name."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import argmap
from argmap.formats import registry
from argmap.formats._format import FileFormat
from argmap.formats.aif import parse_aif
from argmap.formats.argdown import dump_argdown, parse_argdown_json
from tests.support import SEED_MAP

#: Formats whose reader needs no outside program.
SELF_CONTAINED = ("yaml", "json", "aif", "graphml", "gexf")


def test_each_format_is_declared_once_by_its_own_module() -> None:
    declared = [
        fmt for module in registry._MODULES for fmt in importlib.import_module(module).FORMATS
    ]
    assert [f.name for f in declared] == list(registry.MAP_FORMATS)
    assert len({f.name for f in declared}) == len(declared)
    for fmt in declared:
        assert isinstance(fmt, FileFormat)
        assert fmt.suffixes and all(s.startswith(".") for s in fmt.suffixes), fmt.name
    assert tuple(f.name for f in declared if f.parse is not None) == registry.READABLE
    assert tuple(f.name for f in declared if f.dump is not None) == registry.WRITABLE
    assert "argdown-json" in registry.READABLE and "argdown-json" not in registry.WRITABLE


def test_the_formats_cannot_be_changed_through_the_registry() -> None:
    with pytest.raises(TypeError):
        registry.MAP_FORMATS["yaml"] = registry.MAP_FORMATS["json"]  # type: ignore[index]


@pytest.mark.parametrize("fmt", SELF_CONTAINED)
def test_every_self_contained_format_gives_the_seed_map_back(fmt: str) -> None:
    seed = argmap.read_map(SEED_MAP)
    text = registry.dump_as(seed, fmt)
    again, warnings = registry.import_as(
        text, fmt, filename=f"seed{registry.MAP_FORMATS[fmt].suffixes[0]}"
    )
    assert again == seed
    assert [w.code for w in warnings] == [w.code for w in argmap.check(seed)]


def test_the_declared_reader_is_the_public_one() -> None:
    assert registry.MAP_FORMATS["aif"].parse is parse_aif
    assert registry.MAP_FORMATS["argdown-json"].parse is parse_argdown_json
    assert registry.MAP_FORMATS["argdown"].dump is dump_argdown


def test_unknown_or_one_way_formats_are_refused_by_name() -> None:
    seed = argmap.read_map(SEED_MAP)
    with pytest.raises(
        ValueError, match="cannot write format 'argdown-json'; writable formats: yaml"
    ):
        registry.dump_as(seed, "argdown-json")
    with pytest.raises(ValueError, match="cannot read format 'docx'; readable formats: yaml, json"):
        registry.import_as("", "docx")


def test_the_registry_imports_a_format_module_only_when_a_format_is_used() -> None:
    script = (
        "import json, sys\n"
        "import argmap.formats.registry as r\n"
        "before = {m for m in sys.modules if m.startswith('argmap.formats.')}\n"
        "r.format_of('a.yaml')\n"
        "after = {m for m in sys.modules if m.startswith('argmap.formats.')}\n"
        "print(json.dumps(sorted(before))); print(json.dumps(sorted(after)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    before, after = (json.loads(line) for line in out)
    assert before == ["argmap.formats._format", "argmap.formats.registry"]
    assert {"argmap.formats.mapfile", "argmap.formats.graphml"} <= set(after)
