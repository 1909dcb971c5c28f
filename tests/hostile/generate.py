"""The big or unwritable inputs of the hostile corpus, made where the tests run.

Files too large to keep in the repository (a 5 MB string, 100,000 authors), nested a
thousand levels deep, or that git cannot hold (named pipes, links to devices, a file named
with escape sequences) are written by :func:`write_all` into a copy of the corpus, once a
test session. ``python -m tests.hostile.generate FOLDER`` writes them for a look by hand.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

#: Each generated file: its path in the corpus, and what writes its text.
GENERATED: dict[str, Callable[[], str]] = {}


def _file(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(make: Callable[[], str]) -> Callable[[], str]:
        GENERATED[name] = make
        return make

    return register


def _map(map_id: str, title: str, body: str, *, header: str = "") -> str:
    return f"argmap: 1\nid: {map_id}\ntitle: {title}\n{header}{body}"


_THESIS = "nodes:\n  - {id: thesis, kind: claim, thesis: true, text: The thesis.}\n"


# -- small files, huge cost --------------------------------------------------------------


@_file("big/long-string.yaml")
def _long_string() -> str:
    # 5 MB in one double-quoted scalar, escapes included (the quoted scanner's slow path).
    text = "Long \\u00e9\\t string. " * 238_000
    return _map("long-string", f'"{text}"', _THESIS)


@_file("big/authors.bib")
def _authors_bib() -> str:
    names = " and ".join(f"Author{i}, A." for i in range(100_000))
    return f"@book{{many, author = {{{names}}}, title = {{Many}}, year = {{2020}}}}\n"


@_file("big/authors.yaml")
def _authors_map() -> str:
    body = "nodes:\n  - {id: thesis, kind: claim, thesis: true, text: T., cites: [{key: many}]}\n"
    header = "bibliography: [authors.bib]\n"
    return _map("authors", "A work by 100,000 authors", body, header=header)


def _block_characters(count: int) -> list[str]:
    """One character from each of ``count`` blocks of 128 code points past Latin."""
    chars: list[str] = []
    point = 0x0300
    while len(chars) < count:
        if not 0xD800 <= point <= 0xDFFF:
            chars.append(chr(point))
        point += 128
    return chars


@_file("big/blocks.yaml")
def _blocks() -> str:
    chars = _block_characters(8_000)
    lines = ["nodes:", "  - {id: thesis, kind: claim, thesis: true, text: The thesis.}"]
    for i in range(80):
        text = "".join(chars[i * 100 : (i + 1) * 100])
        lines.append(f"  - {{id: n{i}, kind: claim, text: {json.dumps(text, ensure_ascii=False)}}}")
    lines.append("relations:")
    lines.extend(f"  - {{kind: supports, from: n{i}, to: thesis}}" for i in range(80))
    return _map("blocks", "Characters of 8,000 blocks of Unicode", "\n".join(lines) + "\n")


@_file("big/names.yaml")
def _names() -> str:
    lines = ["nodes:", "  - {id: thesis, kind: claim, thesis: true, text: T.}"]
    lines += [f"  - {{id: node-number-{i}, kind: claim, text: N.}}" for i in range(3_000)]
    lines.append("relations:")
    lines += [f"  - {{kind: supports, from: node-numbr-{i}x, to: thesis}}" for i in range(3_000)]
    return _map("names", "3,000 unknown ids among 3,000 alike", "\n".join(lines) + "\n")


@_file("big/actors.yaml")
def _actors() -> str:
    lines = ["actors:"]
    lines += [f"  - {{id: actor-number-{i}, name: Actor {i}}}" for i in range(3_000)]
    lines += ["nodes:", "  - {id: thesis, kind: claim, thesis: true, text: T.}"]
    lines += [f"  - {{id: n{i}, kind: claim, text: N., actor: actr-{i}}}" for i in range(3_000)]
    return _map("actors", "3,000 unknown actors among 3,000", "\n".join(lines) + "\n")


@_file("big/dense.yaml")
def _dense() -> str:
    # 70 claims each attacking every other: 4,830 relations that Graphviz lays out for minutes.
    lines = ["nodes:", "  - {id: n0, kind: claim, thesis: true, text: T.}"]
    lines += [f"  - {{id: n{i}, kind: claim, text: N.}}" for i in range(1, 70)]
    lines.append("relations:")
    lines += [
        f"  - {{kind: attacks, from: n{i}, to: n{j}}}"
        for i in range(70)
        for j in range(70)
        if i != j
    ]
    return _map("dense", "70 claims attacking each other", "\n".join(lines) + "\n")


@_file("big/huge-header.af")
def _huge_header() -> str:
    return "p af " + "9" * 5_000 + "\n1 2\n"


# -- nesting and numbers that stop a reader --------------------------------------------------


@_file("big/flow.yaml")
def _flow() -> str:
    return _map("flow", "[" * 600 + "]" * 600, _THESIS)


@_file("big/block.yaml")
def _block() -> str:
    lines = ["meta:"] + [f"{'  ' * (i + 1)}k{i}:" for i in range(600)]
    return _map("block", "Block mappings 600 levels deep", "\n".join(lines) + " end\n" + _THESIS)


@_file("big/deep.json")
def _deep_json() -> str:
    return '{"argmap": 1, "id": "deep", "title": ' + "[" * 1_200 + "]" * 1_200 + "}\n"


@_file("big/deep.aif.json")
def _deep_aif() -> str:
    return '{"nodes": ' + "[" * 1_200 + "]" * 1_200 + ', "edges": []}\n'


@_file("big/deep.argdown.json")
def _deep_argdown() -> str:
    return '{"statements": ' + "[" * 1_200 + "]" * 1_200 + ', "arguments": {}}\n'


@_file("big/deep-attribute.graphml")
def _deep_attribute() -> str:
    deep = "[" * 100_000 + "]" * 100_000
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="d0" for="node" attr.name="tags" attr.type="string"/>\n'
        '  <key id="d1" for="node" attr.name="text" attr.type="string"/>\n'
        '  <graph edgedefault="directed">\n'
        f'    <node id="a"><data key="d1">A claim.</data><data key="d0">{deep}</data></node>\n'
        "  </graph>\n</graphml>\n"
    )


@_file("big/nested.graphml")
def _nested_graphml() -> str:
    depth = 3_000
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        + '<graph edgedefault="directed"><node id="a">' * depth
        + "</node></graph>" * depth
        + "</graphml>\n"
    )


@_file("big/crossref.bib")
def _crossref() -> str:
    lines = [f"@book{{c{i}, crossref = {{c{i + 1}}}, title = {{Part {i}}}}}" for i in range(600)]
    lines.append("@book{c600, author = {Doe, Jane}, title = {End}, publisher = {P}, year = {2020}}")
    return "\n".join(lines) + "\n"


@_file("big/crossref.yaml")
def _crossref_map() -> str:
    body = "nodes:\n  - {id: thesis, kind: claim, thesis: true, text: T., cites: [{key: c0}]}\n"
    header = "bibliography: [crossref.bib]\n"
    return _map("crossref", "A chain of 600 crossrefs", body, header=header)


_DIGITS = "9" * 5_000


@_file("big/weight.yaml")
def _weight_yaml() -> str:
    body = (
        "nodes:\n  - {id: thesis, kind: claim, thesis: true, text: T.}\n"
        f"  - {{id: f, kind: factor, direction: push, text: F., weight: {_DIGITS}}}\n"
        "relations:\n  - {kind: pushes, from: f, to: thesis}\n"
    )
    return _map("weight", "A weight of 5,000 digits", body)


@_file("big/weight.json")
def _weight_json() -> str:
    return (
        '{"argmap": 1, "id": "weight", "title": "A weight of 5,000 digits", "nodes": [\n'
        ' {"id": "thesis", "kind": "claim", "thesis": true, "text": "T."},\n'
        ' {"id": "f", "kind": "factor", "direction": "push", "text": "F.",\n'
        f'  "weight": {_DIGITS}}}],\n'
        ' "relations": [{"kind": "pushes", "from": "f", "to": "thesis"}]}\n'
    )


@_file("big/number.aif.json")
def _number_aif() -> str:
    return (
        '{"nodes": [{"nodeID": "1", "text": "A claim.", "type": "I",\n'
        f'            "timestamp": {_DIGITS}}}],\n "edges": []}}\n'
    )


@_file("big/deep.csl")
def _deep_style() -> str:
    group = "<group>" * 5_000 + '<text variable="title"/>' + "</group>" * 5_000
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n'
        "  <info><title>Deep</title><id>http://example.org/deep</id>"
        "<updated>2024-01-01T00:00:00+00:00</updated></info>\n"
        f"  <citation><layout>{group}</layout></citation>\n"
        f"  <bibliography><layout>{group}</layout></bibliography>\n</style>\n"
    )


@_file("big/braces.bib")
def _braces() -> str:
    title = "{" * 50_000 + "x" + "}" * 50_000
    return f"@book{{braces, author = {{Doe, Jane}}, title = {{{title}}}, year = {{2020}}}}\n"


@_file("big/braces.yaml")
def _braces_map() -> str:
    body = "nodes:\n  - {id: thesis, kind: claim, thesis: true, text: T., cites: [{key: braces}]}\n"
    return _map("braces", "Braces 50,000 deep", body, header="bibliography: [braces.bib]\n")


# -- files git cannot hold -----------------------------------------------------------------

#: A file name that is a terminal's escape sequences (set the window title, clear the screen).
ESCAPED_NAME = "\x1b]0;pwned\x07\x1b[2J.yaml"
#: A file larger than argmap reads (sparse: it takes no room on the disk).
OVERSIZED = 300 * 1024 * 1024


def write_all(root: Path) -> None:
    """Write the generated files, the pipes and the links into the corpus copy ``root``."""
    for name, make in GENERATED.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")
    devices = root / "devices"
    for name in ("pipe.bib", "pipe.yaml", "pipe.af", "pipe.csl"):
        os.mkfifo(devices / name)
    for name in ("zero.bib", "zero.csl"):
        (devices / name).symlink_to("/dev/zero")
    with (root / "big" / "oversized.yaml").open("wb") as handle:
        handle.truncate(OVERSIZED)
    names = root / "terminal" / "names"
    names.mkdir()
    # No thesis: a warning names the file.
    (names / ESCAPED_NAME).write_text(
        "argmap: 1\nid: named\ntitle: A file named with escape sequences\n"
        "nodes:\n  - {id: claim, kind: claim, text: A claim.}\n",
        encoding="utf-8",
    )


def link_outputs(folder: Path) -> None:
    """In a copy of ``outputs/``: another name (a hard link) and a symbolic link for the
    files a command reads, which it must not write over either; a link to /dev/null and a
    named pipe, which an output must not replace."""
    os.link(folder / "used.yaml", folder / "hard-link.yaml")
    (folder / "symlink.bib").symlink_to("used.bib")
    (folder / "null").symlink_to("/dev/null")
    os.mkfifo(folder / "pipe")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for folder in ("devices", "terminal"):
        (target / folder).mkdir(exist_ok=True)
    write_all(target)
    print(f"wrote {len(GENERATED)} files, pipes and links into {target}")
