"""The layers: what the model imports, no import cycles, the check cache, the GC pause."""

from __future__ import annotations

import ast
import gc
import importlib
import subprocess
import sys
import threading
import weakref
from pathlib import Path

import click
import pytest

import argmap
from argmap import _gc
from argmap.cli import COMMANDS, main
from argmap.graph import algorithms

PACKAGE = Path(argmap.__file__).parent
SEED = Path("maps/shagina-2018-japan-sanctions.yaml")
FORBIDDEN_IN_MODEL = ("argmap.checks", "argmap.formats", "argmap.citations", "argmap.diagrams")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every argmap module a file imports, at module level or inside functions."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "argmap" or name.startswith("argmap.")}


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


def test_a_map_read_from_a_file_equals_the_same_map_built_in_code() -> None:
    amap = argmap.read_map(SEED)
    copy = argmap.ArgumentMap.model_validate(amap.model_dump(by_alias=True))
    assert amap.origin == str(SEED)
    assert copy.origin is None
    assert copy == amap


def test_a_map_read_and_checked_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    amap = argmap.read_map(SEED)
    calls = []
    real = algorithms.support_cycles

    def counting(m: argmap.ArgumentMap) -> list[algorithms.SupportCycle]:
        calls.append(m)
        return real(m)

    monkeypatch.setattr(algorithms, "support_cycles", counting)
    first = argmap.check(amap)
    assert calls == []
    assert all(issue.location is not None for issue in first)
    amap.nodes[0].text = "Changed in place."
    assert argmap.check(amap) == first
    assert len(calls) == 1


def test_a_mutated_map_is_checked_again() -> None:
    amap = argmap.read_map(SEED)
    assert not [i for i in argmap.check(amap) if i.is_error]
    amap.relations[0].target = "nowhere"
    errors = [i for i in argmap.check(amap) if i.is_error]
    assert [i.code for i in errors] == ["unknown-node"]
    assert errors[0].location is not None and errors[0].location.file == str(SEED)


def test_a_map_changed_inside_its_lists_is_checked_again() -> None:
    amap = argmap.read_map(SEED)
    assert argmap.check(amap) == []
    evidence = next(n for n in amap.nodes if isinstance(n, argmap.Evidence))
    evidence.cites.clear()
    assert [i.code for i in argmap.check(amap)] == ["uncited-evidence"]
    evidence.cites.extend(argmap.read_map(SEED).node(evidence.id).cites)
    assert argmap.check(amap) == []
    premises = next(r.source for r in amap.relations if isinstance(r.source, list))
    premises.append(premises[0])
    assert [i.code for i in argmap.check(amap)] == ["repeated-premise"]
    premises.pop()
    amap.relations.reverse()
    assert argmap.check(amap) == []
    amap.relations[0] = amap.relations[0].model_copy(update={"target": "nowhere"})
    assert [i.code for i in argmap.check(amap) if i.is_error] == ["unknown-node"]


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


def test_the_gc_pause_restores_the_collector_on_every_path() -> None:
    assert gc.isenabled()
    with _gc.paused_gc():
        assert not gc.isenabled()
        with _gc.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(argmap.MapError):
        argmap.parse_map("argmap: 1\nid: m\n")
    assert gc.isenabled()
    gc.disable()
    try:
        with _gc.paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_gc_pause_is_restored_when_threads_overlap() -> None:
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with _gc.paused_gc():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    entered.wait(5)
    with _gc.paused_gc():
        pass
    assert not gc.isenabled()
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_the_gc_pause_leaves_no_young_objects_behind() -> None:
    argmap.read_map(SEED)
    assert gc.get_count()[0] < 700


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


@pytest.mark.parametrize(
    ("package", "old", "new"),
    [
        ("argmap.model", "Direction", "FactorDirection"),
        ("argmap.diagrams", "Direction", "LayoutDirection"),
        ("argmap.diagrams", "FORMATS", "DIAGRAM_FORMATS"),
        ("argmap.citations", "FORMATS", "EXPORT_FORMATS"),
        ("argmap.citations", "STYLES", "CITATION_STYLES"),
    ],
)
def test_old_names_still_work_and_warn(package: str, old: str, new: str) -> None:
    namespace = importlib.import_module(package)
    with pytest.warns(DeprecationWarning, match=new):
        value = getattr(namespace, old)
    assert value is getattr(namespace, new)
    assert old not in namespace.__all__


def test_the_old_format_keyword_still_works_and_warns(seed_map: argmap.ArgumentMap) -> None:
    with pytest.warns(DeprecationWarning, match="use fmt="):
        old = argmap.dump_map(seed_map, format="json")  # type: ignore[call-arg]
    assert old == argmap.dump_map(seed_map, fmt="json")
    with pytest.raises(TypeError, match="both"):
        argmap.dump_map(seed_map, format="json", fmt="json")  # type: ignore[call-arg]


def test_the_gc_pause_keeps_what_the_caller_froze_frozen() -> None:
    # A first read builds the model's validators and caches, and frees what they replace;
    # frozen objects that are freed leave the count, which is not what this test is about.
    argmap.read_map(SEED)
    kept = [[n] for n in range(1000)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        argmap.read_map(SEED)
        assert gc.get_freeze_count() == frozen
        assert gc.get_count()[0] < 700
    finally:
        gc.unfreeze()
    assert kept[-1] == [999]


def test_the_callers_cyclic_garbage_is_collected_not_moved_on_by_a_pause() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    argmap.read_map(SEED)
    gc.collect()
    probe = weakref.ref(Node())  # a cycle: only the collector frees it
    alive_before = probe() is not None
    argmap.read_map(SEED)
    assert alive_before
    assert probe() is None
