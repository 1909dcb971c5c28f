"""Messages for mistakes people make, each at the real fault and in the reader's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import SEED_BIB, SEED_MAP
from tests.support.cli import run

SEED_BIB_LINE = "bibliography: [../bibliography/shagina-japan-russia.bib]"


def seed_with_bibliography(folder: Path, bib_text: str | None, *, name: str = "refs.bib") -> Path:
    """The seed map in ``folder``, naming ``name``; that .bib holds ``bib_text`` when given."""
    text = SEED_MAP.read_text(encoding="utf-8")
    assert SEED_BIB_LINE in text
    path = folder / "m.yaml"
    path.write_text(text.replace(SEED_BIB_LINE, f"bibliography: [{name}]"), encoding="utf-8")
    if bib_text is not None:
        (folder / name).write_text(bib_text, encoding="utf-8")
    return path


def bib_line() -> int:
    """The line of the seed map's ``bibliography:`` entry."""
    lines = SEED_MAP.read_text(encoding="utf-8").splitlines()
    return lines.index(SEED_BIB_LINE) + 1


SEED_ENTRIES = SEED_BIB.read_text(encoding="utf-8")

#: (.bib text, expected error, after ``refs.bib:``): braces and commas blamed where they are.
BIB_CASES = [
    pytest.param(
        "@article{a,\n  title = {Good},\n  author = {Smith, {John},\n  year = 2000\n}\n\n"
        "@book{b,\n  title = {B},\n}\n",
        "3:12: error: the brace opened here is not closed before field 'year' on line 4; add '}'",
        id="unclosed-value-brace",
    ),
    pytest.param(
        "@book{b,\n  author = {A, B},\n  title = {B}\n  year = 2001\n}\n",
        "3:14: error: expected ',' after this value, before field 'year' on line 4",
        id="missing-comma",
    ),
    pytest.param(
        "@book{b,\n  author = {A, B},\n  title = {B},\n  year = 2001\n\n@misc{c, title={C}}\n",
        "1:6: error: this @book entry is never closed; end it with '}'",
        id="unclosed-entry",
    ),
    pytest.param(
        "@book{b,\n  author = {A, {B},\n  title = {B},\n  year = 2001\n}",
        "2:12: error: the brace opened here is not closed before field 'title' on line 3; add '}'",
        id="unclosed-name-brace",
    ),
]


@pytest.mark.parametrize(("bib_text", "expected"), BIB_CASES)
def test_a_broken_bib_entry_is_blamed_at_the_fault(
    tmp_path: Path, bib_text: str, expected: str
) -> None:
    amap = seed_with_bibliography(tmp_path, bib_text + "\n" + SEED_ENTRIES)
    code, out, _ = run("check", str(amap))
    assert code == 1
    assert f"{tmp_path / 'refs.bib'}:{expected}" in out.splitlines()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "argmap: 1\nid: x\ntitle: T\nnodes:\n\t- id: a\n",
            "5:1: error: tabs are not allowed for indentation; use spaces",
        ),
        (
            "argmap: 1\nid: x\ntitle: T\nnodes:\n  - id: a\n  \t kind: claim\n",
            "6:3: error: tabs are not allowed for indentation; use spaces",
        ),
    ],
)
def test_tab_indentation_is_named(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert out == f"{path}:{expected}\n"


def test_checking_a_bibliography_not_named_bib_says_what_to_run(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text("% my references\n" + SEED_ENTRIES, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 1
    assert out == (
        f"{path}:1:1: error: this is a BibTeX bibliography, not an argument map; name it "
        "under 'bibliography:' in a map and run 'argmap check' on the map, which checks the "
        "map and its bibliography\n"
    )
    assert err == "1 file checked: 1 error, 0 warnings\n"


@pytest.mark.parametrize("command", ["check", "cite"])
def test_a_missing_bibliography_is_reported_at_the_map_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    (tmp_path / "maps").mkdir()
    seed_with_bibliography(tmp_path / "maps", None, name="../refs/gone.bib")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(command, "maps/m.yaml")
    assert code == 1
    message = (
        f"maps/m.yaml:{bib_line()}:16: error: bibliography file ../refs/gone.bib does not "
        f"exist (looked for {tmp_path.resolve() / 'refs' / 'gone.bib'}; paths under "
        "'bibliography:' are relative to the map's folder)"
    )
    assert message in (out + err).splitlines()


@pytest.mark.parametrize(
    ("configured", "problem"),
    [
        ("/nonexistent/dot", "/nonexistent/dot, which does not exist"),
        ("{tmp}", "{tmp}, which is a folder, not the dot program"),
        ("{tmp}/dot.txt", "{tmp}/dot.txt, which is not an executable program"),
    ],
)
def test_a_wrong_argmap_dot_names_the_configured_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, configured: str, problem: str
) -> None:
    (tmp_path / "dot.txt").write_text("not a program", encoding="utf-8")
    monkeypatch.setenv("ARGMAP_DOT", configured.format(tmp=tmp_path))
    code, _, err = run("render", str(SEED_MAP), "-o", str(tmp_path / "m.svg"))
    assert code == 1
    assert err == (
        f"argmap: error: ARGMAP_DOT is set to {problem.format(tmp=tmp_path)}; set it to the "
        "full path of Graphviz's dot program, or unset it to use dot from PATH\n"
    )
    assert not (tmp_path / "m.svg").exists()


def test_counts_are_singular_for_one(tmp_path: Path) -> None:
    # One broken entry (an error) and one book without a year (a warning).
    amap = seed_with_bibliography(
        tmp_path,
        SEED_ENTRIES + "\n@book{k, author={A, B}, title={T}}\n@misc{m, title={M\n",
    )
    code, _, err = run("check", str(amap))
    assert code == 1
    assert err == "1 file checked: 1 error, 1 warning\n"


def test_a_line_like_a_field_inside_a_braced_value_is_text(tmp_path: Path) -> None:
    # The missing-comma check must not take a value's own text for the next field.
    bib = "@misc{m,\n  title = {T},\n  abstract = {We asked\n  n = 30 people},\n  year = 2001\n}\n"
    amap = seed_with_bibliography(tmp_path, bib + "\n" + SEED_ENTRIES)
    code, out, _ = run("check", str(amap))
    assert (code, out) == (0, "")
