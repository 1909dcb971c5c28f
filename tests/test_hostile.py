"""The hostile corpus (tests/hostile/): what files from others can make argmap do.

Each case of ``tests/hostile/cases.yaml`` runs the ``argmap`` program in a subprocess, from
a copy of the corpus made once a session (with the big files, pipes and links of
``tests/hostile/generate.py``), under limits set in the child with ``resource.setrlimit``:
1 GB of address space and 5 s of processor time (wall-clock time would measure the other
jobs of a shared machine; a process that waits without working is stopped after 20 s).
Every case must exit 0 or 1 within them, print no traceback and no raw control character,
and put each error on a located line; then each case's own expectations are checked.
Cases that another part of argmap is still to fix are strict xfails: they fail the run on
the day they pass, so that the mark comes off. Run them in parallel (``-n 2``).

The signals, round trips and the characters a map may hold are tested here too; the
HTML page's cases run in Chromium in ``tests/test_hostile_browser.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap.errors import MapError
from argmap.model import ArgumentMap, Claim
from argmap.model._text import UNWRITABLE
from tests.hostile.generate import link_outputs, write_all
from tests.support.hostile import CORPUS, assert_bounded, run_argmap

CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
README = CORPUS / "README.md"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus with its generated files, made once a session (a worker)."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(
        CORPUS,
        root,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.md", "cases.yaml"),
    )
    write_all(root)
    (root / "out").mkdir()
    return root


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case.get("needs") == "dot":
        marks.append(pytest.mark.dot)
    if "xfail" in case:
        marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_a_hostile_case(case: dict[str, Any], corpus: Path, tmp_path: Path) -> None:
    cwd = corpus
    if "isolated" in case:
        cwd = tmp_path / case["isolated"]
        shutil.copytree(corpus / case["isolated"], cwd, symlinks=True)
        link_outputs(cwd)
    before = {name: _digest(cwd / name) for name in case.get("unchanged", [])}
    terminal = case.get("stdout") != "piped"
    run = run_argmap(case["run"], cwd, terminal=terminal)
    assert_bounded(run, terminal=terminal)
    assert run.code == case["exit"], run.show()
    if case.get("json"):
        json.loads(run.stdout)
    for line in case.get("lines", []):
        assert line in run.lines, f"missing line: {line}\n{run.show()}"
    for name in case.get("located", []):
        pattern = re.compile(rf"^{re.escape(name)}:\d+(?::\d+)?: error: ")
        assert any(pattern.match(line) for line in run.lines), run.show()
    text = (cwd / case["in"]).read_text(encoding="utf-8") if "in" in case else run.stdout
    for wanted in case.get("has", []):
        assert wanted in text, f"missing: {wanted}\n{run.show()}"
    for unwanted in case.get("lacks", []):
        assert unwanted.lower() not in text.lower(), f"found: {unwanted}\n{run.show()}"
    for name, digest in before.items():
        assert _digest(cwd / name) == digest, f"{name} was changed\n{run.show()}"


# -- the corpus's description ---------------------------------------------------------------

_BEGIN, _END = "<!-- cases: generated from cases.yaml -->", "<!-- end of cases -->"
_GROUPS = {
    "links": "Links: only http, https and DOIs become links",
    "devices": "Devices, pipes and oversized files: refused before a byte is read",
    "costly": "Small files, huge cost: work bounded",
    "tracebacks": "Inputs that stopped a reader with a traceback",
    "outputs": "Outputs: no command writes over a file it read",
    "terminal": "Terminals: escape sequences printed as text",
    "text": "Text that an output format cannot carry",
}


def _tables() -> str:
    parts = []
    for group, heading in _GROUPS.items():
        rows = [c for c in CASES if c["group"] == group]
        parts.append(f"### {heading}\n\n| case | what | argmap must |\n| --- | --- | --- |")
        for case in rows:
            must = case["must"] + (f" (*xfail: {case['xfail']}*)" if "xfail" in case else "")
            cells = [f"`{case['id']}`", case["what"], must]
            parts[-1] += "\n| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    return "\n\n".join(parts)


def test_the_readme_lists_every_case() -> None:
    assert {c["group"] for c in CASES} == set(_GROUPS)
    assert len({c["id"] for c in CASES}) == len(CASES)
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(_BEGIN)
    _, _, tail = rest.partition(_END)
    current = f"{head}{_BEGIN}\n\n{_tables()}\n\n{_END}{tail}"
    if os.environ.get("ARGMAP_REGENERATE"):
        README.write_text(current, encoding="utf-8")
        text = current
    assert text == current, (
        "tests/hostile/README.md is stale: ARGMAP_REGENERATE=1 .venv/bin/pytest "
        "tests/test_hostile.py -k readme"
    )


# -- signals: no temporary file left behind --------------------------------------------------

#: Runs the program with an audit hook that sends it a signal at one step of writing the
#: output: once the temporary file is complete (its mode is set), or as it is moved over
#: the target. The signal's handler then interrupts the writer right there.
_SIGNALLED = """
import os, signal, sys
from argmap.cli import run

SIGNAL, EVENT = int(sys.argv[1]), sys.argv[2]
sent = []

def hook(event, args):
    if event == EVENT and str(args[0]).endswith(".tmp") and not sent:
        sent.append(True)
        os.kill(os.getpid(), SIGNAL)

sys.argv = ["argmap", *sys.argv[3:]]
sys.addaudithook(hook)
run()
"""


@pytest.mark.parametrize("event", ["os.chmod", "os.rename"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary_file(
    corpus: Path, tmp_path: Path, signum: int, event: str
) -> None:
    target = tmp_path / "converted.graphml"
    target.write_text("the old content\n", encoding="utf-8")
    program = [sys.executable, "-c", _SIGNALLED, str(int(signum)), event]
    run = run_argmap(["convert", "outputs/used.yaml", "-o", str(target)], corpus, program=program)
    assert run.code in (1, 128 + signum), run.show()
    assert "Traceback" not in run.stderr, run.show()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["converted.graphml"], run.show()
    assert target.read_text(encoding="utf-8") == "the old content\n"


# -- the characters a map may hold -----------------------------------------------------------

#: Characters every format must carry and give back: tab, CR, NEL, DEL, C1 controls, line
#: and paragraph separators, a BOM, bidirectional controls, noncharacters XML allows, the
#: last code point.
KEPT = "\t\r\x85\x7f\x80\x9b\x9f\u2028\u2029\ufeff\u202e\u202c\ufdd0\U0001fffe\U0010ffff"
#: Formats that write and read back maps (Argdown's parser normalises text: see the README).
ROUND_TRIPS = {
    "yaml": ".yaml",
    "json": ".json",
    "graphml": ".graphml",
    "gexf": ".gexf",
    "aif": ".aif.json",
}


def _texts(amap: ArgumentMap) -> list[str]:
    texts = [amap.title, amap.description or ""]
    for node in amap.nodes:
        texts += [node.title or "", node.text, *node.tags]
        texts += [t or "" for c in node.cites for t in (c.quote, c.note, c.locator)]
    texts += [r.note or "" for r in amap.relations]
    return texts


@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_every_character_a_map_may_hold_reads_back_the_same(
    corpus: Path, tmp_path: Path, fmt: str
) -> None:
    source = corpus / "text" / "kept.yaml"
    original = argmap.read_map(source)
    assert set(KEPT) <= set("".join(_texts(original)))
    written = tmp_path / f"kept{ROUND_TRIPS[fmt]}"
    back = tmp_path / "back.yaml"
    for args in (
        ["convert", str(source), "-o", str(written)],
        ["convert", str(written), "-o", str(back)],
    ):
        run = run_argmap(args, corpus)
        assert_bounded(run)
        assert run.code == 0, run.show()
    if fmt in ("graphml", "gexf"):
        import xml.etree.ElementTree as ET

        ET.parse(written)  # well-formed for any XML reader, not only argmap's
    assert _texts(argmap.read_map(back)) == _texts(original)


@pytest.mark.parametrize("code", sorted({*range(0x20), 0xFFFE, 0xFFFF} - {0x09, 0x0A, 0x0D}))
def test_a_character_no_xml_file_carries_is_refused_at_its_value(code: int) -> None:
    node = f'{{"id": "t", "kind": "claim", "text": "ab\\u{code:04x}"}}'
    text = f'{{"argmap": 1, "id": "m", "title": "T",\n "nodes": [{node}]}}'
    with pytest.raises(MapError) as caught:
        argmap.parse_map(text, fmt="json", filename="m.json")
    [issue] = caught.value.issues
    what = "a noncharacter" if code >= 0xFFFE else "a control character"
    assert str(issue) == (
        f"m.json:2:49: error: 'text' holds U+{code:04X}, {what}, at character 3; "
        "remove it: no XML file (GraphML, GEXF, SVG) can carry it"
    )


def test_the_refused_characters_are_those_xml_refuses() -> None:
    # XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    def is_xml_char(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000

    refused = [c for c in range(0x110000) if UNWRITABLE.match(chr(c))]
    assert refused == [c for c in range(0x110000) if not is_xml_char(c)]
    with pytest.raises(ValueError, match="text"):
        Claim(id="c", text="escape \x1b[2J")
