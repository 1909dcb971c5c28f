"""The layers: who imports whom, no import cycles, no process-global state, provenance that
travels with a map, a lazy public namespace; and tests laid out as the package is."""

from __future__ import annotations

import ast
import copy
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import click
import pytest

import argmap
from argmap.citations import read_map_bibliography
from argmap.cli import COMMANDS, main

PACKAGE = Path(argmap.__file__).parent
SEED = Path("maps/shagina-2018-japan-sanctions.yaml")
FORBIDDEN_IN_MODEL = ("argmap.checks", "argmap.formats", "argmap.citations", "argmap.diagrams")
#: The layers below the workspace know no workspace, no command and no command line.
UPPER = ("argmap.workspace", "argmap.commands", "argmap.cli", "argmap.diagrams")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every argmap module a file imports, at module level or inside functions."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    nodes = _runtime_nodes(ast.parse(path.read_text(encoding="utf-8")))
    found = _names_imported(nodes, package)
    return {name for name in found if name == "argmap" or name.startswith("argmap.")}


def _names_imported(nodes: Iterable[ast.AST], package: str) -> set[str]:
    """Every module, and name from a module, that import statements among ``nodes`` name;
    relative imports resolved from ``package``."""
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of a module but those under ``if TYPE_CHECKING:`` (never run)."""
    found: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        found.append(node)
        for child in ast.iter_child_nodes(node):
            is_typing = isinstance(child, ast.If) and ast.unparse(child.test) in (
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            )
            if is_typing:
                assert isinstance(child, ast.If)
                stack.extend(child.orelse)
            else:
                stack.append(child)
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {
    name: {m for m in _imports(path) if m in MODULES and m != name}
    for name, path in MODULES.items()
}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("argmap.model")))
def test_the_model_imports_no_checks_formats_citations_or_diagrams(module: str) -> None:
    bad = sorted(
        m for m in _imports(MODULES[module]) if m.startswith(FORBIDDEN_IN_MODEL) or m == "argmap"
    )
    assert bad == []


@pytest.mark.parametrize(
    "module",
    sorted(m for m in MODULES if m.startswith(("argmap.model", "argmap.graph", "argmap.formats"))),
)
def test_model_graph_and_formats_import_no_workspace_command_cli_or_diagrams(module: str) -> None:
    assert sorted(m for m in _imports(MODULES[module]) if m.startswith(UPPER)) == []


@pytest.mark.parametrize(
    "module",
    sorted(m for m in MODULES if not m.startswith(("argmap.commands", "argmap.cli"))),
)
def test_only_commands_and_the_command_line_know_commands(module: str) -> None:
    imported = _imports(MODULES[module])
    assert sorted(m for m in imported if m.startswith(("argmap.commands", "argmap.cli"))) == []


WRITES = {"write_atomic", "write_text", "write_bytes", "mkdir", "open", "unlink", "rename"}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("argmap.diagrams")))
def test_diagrams_do_no_disk_io(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert sorted(calls & WRITES) == []
    assert "argmap._io" not in _imports(MODULES[module])


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith("argmap.cli")))
def test_the_library_sets_no_process_wide_policy(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {"gc", "weakref", "signal"} & imported


def test_the_import_graph_sees_function_level_imports() -> None:
    assert "argmap.checks" in GRAPH["argmap.formats._pipeline"]
    # to_networkx imports networkx only when it is called.
    assert "networkx" in {
        alias.name
        for node in ast.walk(ast.parse(MODULES["argmap.graph.convert"].read_text()))
        if isinstance(node, ast.Import)
        for alias in node.names
    }


def test_no_module_imports_itself_back() -> None:
    # A package's __init__ re-exports its submodules, which import siblings through the
    # package: edges into an __init__ from its own submodules are not cycles of code.
    def edges(name: str) -> set[str]:
        return {m for m in GRAPH[name] if not (name.startswith(m + ".") and m in MODULES)}

    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(edges(name)):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name, [name])
    assert cycles == []


# -- the tests' own layout: they mirror the package, and import no test module or benchmark

TESTS = Path(__file__).resolve().parent


def _test_files() -> list[Path]:
    """Every Python file of the tests (their npm tools' folder aside)."""
    found = []
    for folder, subfolders, files in os.walk(TESTS):
        subfolders[:] = sorted(d for d in subfolders if d not in ("node_modules", "__pycache__"))
        found += [Path(folder, f) for f in sorted(files) if f.endswith(".py")]
    return found


TEST_FILES = _test_files()
TEST_MODULES = [p for p in TEST_FILES if p.name.startswith("test_")]


def _imported_names(path: Path) -> set[str]:
    """Every module (and name from a module) a file imports, anywhere in it."""
    package = ".".join(path.relative_to(TESTS.parent).parent.parts)
    return _names_imported(ast.walk(ast.parse(path.read_text(encoding="utf-8"))), package)


def _is_test_or_bench(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "bench" or (
        parts[0] == "tests" and any(p.startswith("test_") or p == "conftest" for p in parts)
    )


def test_the_layout_checks_see_the_tests() -> None:
    assert TESTS / "test_architecture.py" in TEST_MODULES
    assert any(len(p.relative_to(TESTS).parts) > 2 for p in TEST_MODULES)
    assert _is_test_or_bench("tests.analysis.test_dung.FRAMEWORKS")
    assert _is_test_or_bench("bench.render")
    assert not _is_test_or_bench("tests.support.frameworks.FRAMEWORKS")


@pytest.mark.parametrize(
    "folder",
    sorted({str(p.parent.relative_to(TESTS)) for p in TEST_MODULES if p.parent != TESTS}),
)
def test_each_folder_of_tests_mirrors_a_package(folder: str) -> None:
    assert (PACKAGE / folder / "__init__.py").is_file(), f"tests/{folder}/ has no argmap/{folder}/"
    assert (TESTS / folder / "__init__.py").is_file(), f"tests/{folder}/ is no package"


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_test_file_imports_a_test_module_or_a_benchmark(path: Path) -> None:
    assert sorted(n for n in _imported_names(path) if _is_test_or_bench(n)) == []


@pytest.mark.parametrize(
    "path",
    [p for p in TEST_FILES if p not in TEST_MODULES and p.name != "conftest.py"],
    ids=lambda p: str(p.relative_to(TESTS)),
)
def test_support_files_hold_no_tests_and_no_fixtures(path: Path) -> None:
    """What tests import holds neither tests (pytest would not run them) nor fixtures
    (only conftest.py shares those)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    assert [f.name for f in functions if f.name.startswith("test_")] == []
    fixtures = [f for f in functions if any("fixture" in ast.unparse(d) for d in f.decorator_list)]
    assert [f.name for f in fixtures] == []


def test_a_map_read_from_a_file_equals_the_same_map_built_in_code() -> None:
    amap = argmap.read_map(SEED)
    built = argmap.ArgumentMap.model_validate(amap.model_dump(by_alias=True))
    assert amap.origin == str(SEED)
    assert built.origin is None
    assert built == amap


@pytest.mark.parametrize(
    "copied",
    [lambda m: m.model_copy(), lambda m: m.model_copy(deep=True), copy.copy, copy.deepcopy],
    ids=["model_copy", "model_copy-deep", "copy", "deepcopy"],
)
def test_a_copy_knows_where_its_map_came_from(copied: object) -> None:
    amap = argmap.read_map(SEED)
    twin = copied(amap)  # type: ignore[operator]
    assert twin.origin == str(SEED) and twin.provenance is amap.provenance
    assert read_map_bibliography(twin).sources == read_map_bibliography(amap).sources
    twin.relations[0] = twin.relations[0].model_copy(update={"target": "nowhere"})
    [error] = [i for i in argmap.check(twin) if i.is_error]
    assert error.location is not None and error.location.file == str(SEED)


def test_check_is_pure_and_sees_every_change() -> None:
    amap = argmap.read_map(SEED)
    assert argmap.check(amap) == []
    amap.relations[0].target = "nowhere"
    errors = [i for i in argmap.check(amap) if i.is_error]
    assert [i.code for i in errors] == ["unknown-node"]
    assert errors[0].location is not None and errors[0].location.file == str(SEED)
    evidence = next(n for n in amap.nodes if isinstance(n, argmap.Evidence))
    evidence.cites.clear()
    assert "uncited-evidence" in [i.code for i in argmap.check(amap)]


def test_reading_gives_the_map_and_what_reading_found_without_checking() -> None:
    from argmap.formats.mapfile import load_map

    text = SEED.read_text(encoding="utf-8").replace("to: symbolic-sanctions", "to: nowhere", 1)
    loaded = load_map(text, filename="m.yaml")
    assert loaded.amap is not None and loaded.issues == []
    [error] = [i for i in argmap.check(loaded.amap) if i.is_error]
    assert str(error.location).startswith("m.yaml:")
    with pytest.raises(argmap.MapError, match="nowhere"):
        argmap.parse_map(text, filename="m.yaml")


def test_look_ups_by_id_follow_changes_to_the_map() -> None:
    amap = argmap.read_map(SEED)
    first = amap.nodes[0]
    assert amap.node(first.id) is first
    first.id = "renamed"
    assert amap.has_node("renamed") and amap.node("renamed") is first
    amap.nodes.append(argmap.Claim(id="late", text="Added later."))
    assert amap.node("late").text == "Added later."
    with pytest.raises(KeyError):
        amap.node("no-such-node")


def test_the_public_names_are_sorted_and_each_is_argmaps_own() -> None:
    assert argmap.__all__ == sorted(argmap.__all__)
    for name in argmap.__all__:
        value = getattr(argmap, name)
        if name not in ("__version__", "Node"):  # Node: a typing alias of the node classes
            assert getattr(value, "__module__", "").startswith("argmap"), name
    assert 35 <= len(argmap.__all__) <= 50
    assert set(argmap.__all__) <= set(dir(argmap))


def _modules_loaded_by(*code: str) -> set[str]:
    script = "\n".join([*code, "import sys", "print(' '.join(sorted(sys.modules)))"])
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_importing_argmap_loads_no_pydantic_networkx_or_csl_engine() -> None:
    loaded = _modules_loaded_by("import argmap")
    assert not {"pydantic", "networkx", "yaml", "importlib.metadata"} & loaded
    assert not any(m.startswith("argmap.citations") for m in loaded)


def test_the_help_lists_commands_without_importing_them() -> None:
    loaded = _modules_loaded_by(
        "import sys",
        "sys.argv = ['argmap', '--help']",
        "from argmap.cli import main",
        "main(standalone_mode=False)",
    )
    assert not {m for m in loaded if m.startswith("argmap.cli.")}
    assert "pydantic" not in loaded


def test_checking_a_map_loads_neither_networkx_nor_the_csl_engine() -> None:
    loaded = _modules_loaded_by(
        "import sys",
        f"sys.argv = ['argmap', 'check', {str(SEED)!r}]",
        "from argmap.cli import main",
        "try:\n    main(standalone_mode=False)\nexcept SystemExit:\n    pass",
    )
    assert "argmap.cli.check" in loaded
    assert "networkx" not in loaded
    assert not any(m.startswith("argmap.citations.csl_engine") for m in loaded)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_of_each_command_is_its_help(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None and command.help is not None
    assert command.help.split("\n\n")[0].replace("\n", " ") == COMMANDS[name][1]


def _runtime_requirements() -> list[str]:
    """The distributions argmap's own metadata requires outside any extra."""
    from importlib.metadata import requires

    names = []
    for line in requires("argmap") or []:
        if "extra ==" not in line:
            names.append(re.split(r"[\s<>=!~;\[(]", line, maxsplit=1)[0])
    return names


def _used_top_level_modules() -> set[str]:
    """Every top-level module the package imports, or looks up by name for its data."""
    found: set[str] = set()
    for path in MODULES.values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _runtime_nodes(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.partition(".")[0])
            elif (
                isinstance(node, ast.Call)
                and ast.unparse(node.func).endswith("find_spec")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value).partition(".")[0])
    return found


def test_every_runtime_dependency_is_used_by_the_package() -> None:
    from importlib.metadata import packages_distributions

    used = _used_top_level_modules()
    providers = packages_distributions()
    provided = {
        dist.lower().replace("_", "-") for module in used for dist in providers.get(module, [])
    }
    requirements = _runtime_requirements()
    assert requirements, "argmap's metadata lists no runtime requirement"
    unused = [r for r in requirements if r.lower().replace("_", "-") not in provided]
    assert unused == [], f"runtime dependencies nothing in argmap imports: {unused}"
