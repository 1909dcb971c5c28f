"""Argdown: write a map as Argdown source, and read the JSON that the Argdown parser produces.

Export (:func:`dump_argdown`) writes Argdown as an Argdown user would (checked with
``@argdown/cli`` in the tests, its map export included):

- the map is a level-1 heading, its title, with the map's metadata as heading data;
- every node is a statement titled by the node's title, ``[Symbolic sanctions]: text``
  (by its id where it has no title, or one Argdown cannot hold or another node has);
- a relation is an Argdown relation from its source: ``+>`` for supports, pushes,
  rephrases and prefers, ``->`` for attacks, pulls and questions, ``_>`` for undercuts
  (and questions) of an inference. It is written as a reference to its source statement
  with the relation below it, in the map's order;
- an argument appears only where Argdown needs one: premises that support only together
  (a linked relation) and an inference that another relation undercuts or questions. It
  is titled by the relation's id; its premises support it (``+ [premise]``), it points at
  the target, and its description is the relation's note;
- what Argdown cannot say is kept as Argdown data, ``{argmap: {...}}``, and only that:
  a node's id (where it is not its title's slug), kind, thesis, actor, citations, tags,
  weights, notes and meta; a relation's id, its kind where the Argdown relation and its
  source do not tell it, weight, scheme and citations. argmap, Argdown, argmap is exact.

Text is escaped only where Argdown's grammar needs it (see :func:`escape_text`);
text that Argdown shows otherwise than written (escaped, or over several lines) is kept
verbatim in the data too.

Import reads what ``argdown json`` writes (with or without its ``map`` section). A
document argmap wrote comes back exactly; any other Argdown becomes a map by these rules:

- a statement (an equivalence class) becomes a node whose id is its title (slugified when
  it is not a valid id) and whose text is its first non-empty text, tags removed; tags
  become node tags, ``#question`` makes a question, ``#push``/``#pull`` a factor and the
  first ``#thesis`` the thesis;
- an argument becomes a claim node tagged ``argument`` (text: its description, else its
  title). Its premise-conclusion structure becomes relations: the premises jointly
  support the argument node (``<id>.premises``), the argument supports its main
  conclusion (``<id>.inference``, the scheme being the inference rules), and intermediate
  conclusions are supported by the statements before them (``<id>.step-<n>``);
- support and entailment become ``supports`` (``pushes`` from a push factor); attack
  ``attacks`` (``pulls`` from a pull factor); contrary and
  contradictory become ``attacks`` both ways (``meta.argdown.relationType`` says which);
  an undercut becomes ``undercuts`` aimed at the inference of the argument it targets
  (for an argument without premise-conclusion structure, its first outgoing relation).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError, Issue, Location
from argmap.errors import Path as IssuePath
from argmap.formats._format import FileFormat
from argmap.formats._ids import fresh_id, slugify
from argmap.formats._pipeline import checked, load_data
from argmap.formats._syntax import JsonLocator as _JsonLocator
from argmap.formats._syntax import MapSyntaxError, load_json
from argmap.model import ArgumentMap
from argmap.model.node import Factor

__all__ = [
    "ARGDOWN_ENV",
    "argdown_json",
    "dump_argdown",
    "escape_text",
    "parse_argdown",
    "parse_argdown_json",
    "read_argdown",
    "read_argdown_json",
    "write_argdown",
]

#: The environment variable naming the ``argdown`` program when it is not on PATH.
ARGDOWN_ENV = "ARGMAP_ARGDOWN"
#: The key of argmap's own data on Argdown elements.
DATA_KEY = "argmap"


# -- export ----------------------------------------------------------------------------------

#: The Argdown relation an argmap relation is written as, from its source toward its target.
_TOWARD_TARGET = {
    "supports": "+>",
    "pushes": "+>",
    "rephrases": "+>",
    "prefers": "+>",
    "attacks": "->",
    "pulls": "->",
    "questions": "->",
    "undercuts": "_>",
}
#: Characters that open something in Argdown text wherever they stand: an escape, a tag,
#: a mention, emphasis, a statement or argument reference, a link, data, an HTML comment.
_ALWAYS_ESCAPED = frozenset("\\#@*_[<{")
#: A "special character" of Argdown's lexer: a run between two dots or two colons.
_SPECIAL = re.compile(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")
#: The special characters Argdown turns into symbols (its default shortcodes).
_SHORTCODE_NAMES = (
    "A E O P -> <-> ~ ^ v v_ <> [] happy smile smiley laugh lol rofl joy heart ? question "
    "love wink shush meh eye-roll sad disappointed scream +1 up -1 down think star y agree n "
    "disagree"
)
_SHORTCODES = frozenset(
    f"{mark}{name}{mark}" for mark in ".:" for name in _SHORTCODE_NAMES.split(" ")
)
#: Characters written as JSON \\u escapes inside Argdown data: the lexer would otherwise
#: read them as the end of the data, a comment, front matter, a tag or a mention.
_DATA_UNSAFE = re.compile(r"[{}=/<>#\[\]@*_]")
#: A YAML plain scalar that reads back as the same string (no quotes needed).
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9.-]*( [A-Za-z0-9.-]+)*$")
_YAML_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf"})


def escape_text(text: str) -> str:
    r"""Text as Argdown reads it back verbatim, escaped only where Argdown's grammar needs it.

    White space is collapsed (a statement is one line). A backslash goes before ``\ # @ *
    _ [ < {`` (what opens an escape, tag, mention, emphasis, reference, link or data),
    before a ``/`` that would start a comment with the next character, before each ``=``
    of a run of three (front matter), and before a shortcode Argdown would turn into a
    symbol (``:smile:``, ``.A.``). Any other run between two dots or two colons (``e.g.``,
    ``.=[.``) Argdown keeps as written, escapes and all, so it is left alone; closing
    brackets, apostrophes and commas stay too.

    >>> print(escape_text("Japan's sanctions on Russia, e.g. p. 3 -> done"))
    Japan's sanctions on Russia, e.g. p. 3 -> done
    >>> print(escape_text("[a]: #b @c *d* e_f {g} <h> // i /* j :smile: \\ k"))
    \[a]: \#b \@c \*d\* e\_f \{g} \<h> \// i \/\* j \:smile: \\ k
    >>> print(escape_text("a .=[. b"))
    a .=[. b
    """
    collapsed = " ".join(text.split())
    # A run of three "=" could open front matter that runs to the next such run.
    fences = {i for run in re.finditer("={3,}", collapsed) for i in range(*run.span())}
    out: list[str] = []
    index = 0
    while index < len(collapsed):
        char = collapsed[index]
        following = collapsed[index + 1 : index + 2]
        if char in ".:":
            special = _SPECIAL.match(collapsed, index)
            if special is not None:
                if special.group().strip() in _SHORTCODES:
                    out.append("\\" + char)
                    index += 1
                else:
                    out.append(special.group())
                    index = special.end()
                continue
        if (
            char in _ALWAYS_ESCAPED
            or (char == "/" and following != "" and following in "/*")
            or index in fences
        ):
            out.append("\\")
        out.append(char)
        index += 1
    return "".join(out)


def _is_verbatim(text: str) -> bool:
    """True when Argdown shows the text exactly as written, so that data need not keep it.

    Text with a character :func:`escape_text` escapes, a backtick (Markdown code, where
    escapes do not count) or more than single spaces is shown escaped or collapsed, and
    argmap keeps it verbatim in the statement's data too.

    >>> _is_verbatim("Japan's sanctions, reluctantly (p. 3)."), _is_verbatim("a #tag")
    (True, False)
    """
    return escape_text(text) == text and "`" not in text


def _yaml(value: Any) -> str:
    r"""A value as YAML flow that Argdown's data lexer reads back exactly.

    >>> print(_yaml({"key": "shagina2018dilemma", "locator": "p. 1", "x": [1, True, None]}))
    {key: shagina2018dilemma, locator: p. 1, x: [1, true, null]}
    >>> print(_yaml({"text": "a {b} // c", "x": "true", "z": ""}))
    {text: "a \u007bb\u007d \u002f\u002f c", x: "true", z: ""}
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_yaml_key(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
            return value
        quoted = json.dumps(value, ensure_ascii=False)
        return _DATA_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return json.dumps(value)


def _yaml_key(key: str) -> str:
    return _yaml(key)


def _data(value: dict[str, Any]) -> str:
    """Argdown data holding argmap's fields: ``{argmap: {...}}``."""
    return _yaml({DATA_KEY: value})


#: Characters a title cannot hold: the lexer reads them as the end of the title, or as
#: emphasis, a tag, a mention, data or an escape (Argdown titles have no escapes).
_TITLE_UNSAFE = re.compile(r"[\[\]*#@{}<>\\]|//|/\*|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def _is_title(text: str | None) -> bool:
    """True when Argdown reads ``[text]`` (and ``<text>``) back as this very title.

    A title starts with a letter or digit (``[-x]`` would read as a relation).

    >>> [_is_title(t) for t in ("Japan's G7, again", "a_b", "_a_", "x*", "a]", "-(", None)]
    [True, True, False, False, False, False, False]
    """
    return (
        text is not None
        and text[:1].isalnum()
        and " ".join(text.split()) == text
        and _TITLE_UNSAFE.search(text) is None
    )


def _statement_titles(amap: ArgumentMap) -> dict[str, str]:
    """The Argdown statement title of each node: its title, else its id, else ``Statement n``.

    A title Argdown cannot hold (see :func:`_is_title`) or that another node already has
    gives way to the next choice, so that every node stays a statement of its own.
    """
    titles: dict[str, str] = {}
    taken: set[str] = set()
    for number, node in enumerate(amap.nodes, start=1):
        chosen = next(
            (t for t in (node.title, node.id) if t is not None and _is_title(t) and t not in taken),
            None,
        )
        if chosen is None:
            chosen = fresh_id(f"Statement {number}", taken)
        taken.add(chosen)
        titles[node.id] = chosen
    return titles


def _argument_titles(amap: ArgumentMap, argued: set[int], taken: set[str]) -> dict[int, str]:
    """The argument title of each relation drawn as an argument: its id, or ``Argument n``."""
    titles: dict[int, str] = {}
    used = set(taken)
    for index in sorted(argued):
        relation = amap.relations[index]
        title = relation.id
        if title is None or not _is_title(title) or title in used:
            title = fresh_id(f"Argument {len(titles) + 1}", used)
        used.add(title)
        titles[index] = title
    return titles


def _argued(amap: ArgumentMap) -> set[int]:
    """The relations drawn as Argdown arguments: linked ones, and those another targets."""
    targeted = {r.target for r in amap.relations}
    return {
        index
        for index, relation in enumerate(amap.relations)
        if len(relation.sources) > 1 or (relation.id is not None and relation.id in targeted)
    }


def _inferred_kind(kind: str, arrow: str, direction: str | None) -> bool:
    """True when the reader tells the relation's kind from its Argdown type and source."""
    if arrow == "+>":
        return kind == ("pushes" if direction == "push" else "supports")
    if arrow == "->":
        return kind == ("pulls" if direction == "pull" else "attacks")
    return kind == "undercuts"


def dump_argdown(amap: ArgumentMap) -> str:
    """The map as Argdown that an Argdown user would write, and the parser reads back.

    >>> from argmap.model import Claim, Factor, Relation
    >>> amap = ArgumentMap(id="m", title="Demo", nodes=[
    ...     Claim(id="t", title="Symbolic", text="Sanctions were symbolic.", thesis=True),
    ...     Factor(id="g7", title="G7", text="Japan's G7 solidarity.", direction="push")],
    ...     relations=[Relation(id="r1", kind="pushes", source="g7", target="t")])
    >>> print(dump_argdown(amap))
    # Demo {argmap: {map: {argmap: 1, id: m, title: Demo}}}
    <BLANKLINE>
    [Symbolic]: Sanctions were symbolic. {argmap: {id: t, thesis: true}}
    <BLANKLINE>
    [G7]: Japan's G7 solidarity. {argmap: {id: g7, kind: factor, direction: push}}
    <BLANKLINE>
    [G7] {argmap: {relation: {id: r1}}}
      +> [Symbolic]
    <BLANKLINE>

    Raises:
        FormatError: a relation names a node of another map (``MAP-ID#NODE-ID``), which
            an Argdown document has no way to refer to.
    """
    from argmap.formats.mapfile import to_plain

    foreign = [e for r in amap.relations for e in [*r.sources, r.target] if "#" in e]
    if foreign:
        message = (
            f"relations name {len(foreign)} nodes of other maps ({foreign[0]!r}, ...); an "
            "Argdown document cannot refer to another map: convert the map to AIF, which "
            "holds them, or draw the maps together with argmap render --with-uses"
        )
        raise FormatError([Issue("error", message, code="cross-map")], source=amap.id)
    plain = to_plain(amap)
    metadata = {k: v for k, v in plain.items() if k not in ("nodes", "relations")}
    lines = [f"# {escape_text(amap.title)} {_data({'map': metadata})}", ""]
    titles = _statement_titles(amap)
    directions = {n.id: n.direction for n in amap.nodes if isinstance(n, Factor)}
    for node, data in zip(amap.nodes, plain.get("nodes", []), strict=True):
        title = titles[node.id]
        fields = {k: v for k, v in data.items() if k not in ("id", "title", "text", "kind")}
        head: dict[str, Any] = {}
        if slugify(title) != node.id:
            head["id"] = node.id
        if node.title != title:
            head["title"] = node.title
        if not _is_verbatim(node.text):
            head["text"] = node.text
        if node.kind != "claim":
            head["kind"] = node.kind
        fields = {**head, **fields}
        shown = f" {_data(fields)}" if fields else ""
        lines.extend([f"[{title}]: {escape_text(node.text)}{shown}", ""])
    argued = _argued(amap)
    arguments = _argument_titles(amap, argued, set(titles.values()))
    argument_of = {amap.relations[i].id: t for i, t in arguments.items()}
    for index, relation in enumerate(amap.relations):
        fields = {k: v for k, v in plain["relations"][index].items() if k not in ("from", "to")}
        arrow = _TOWARD_TARGET[relation.kind]
        if relation.target in argument_of:
            arrow, target = "_>", f"<{argument_of[relation.target]}>"
        else:
            target = f"[{titles[relation.target]}]"
        direction = directions.get(relation.sources[0]) if len(relation.sources) == 1 else None
        if _inferred_kind(relation.kind, arrow, direction):
            del fields["kind"]
        if index in argued:
            description = ""
            if relation.note is not None:
                description = f": {escape_text(relation.note)}"
                if _is_verbatim(relation.note):
                    del fields["note"]
            lines.append(f"<{arguments[index]}>{description} {_data({'relation': fields})}")
            lines.extend(f"  + [{titles[source]}]" for source in relation.sources)
        else:
            lines.append(f"[{titles[relation.sources[0]]}] {_data({'relation': fields})}")
        lines.extend([f"  {arrow} {target}", ""])
    return "\n".join(lines)


def write_argdown(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map as an Argdown file, atomically."""
    write_atomic(path, dump_argdown(amap))


# -- running the Argdown parser ----------------------------------------------------------


def _argdown_program() -> str:
    configured = os.environ.get(ARGDOWN_ENV)
    if configured:
        return configured
    found = shutil.which("argdown")
    if found is None:
        raise FormatError(
            [
                Issue(
                    "error",
                    "the Argdown parser is not installed: run 'npm install -g @argdown/cli' "
                    f"(or set {ARGDOWN_ENV} to the 'argdown' program)",
                    code="argdown-missing",
                )
            ],
            source="argdown",
        )
    return found


#: Seconds the Argdown parser may take on one file before it is stopped.
_PARSER_TIMEOUT = 120
_ARGDOWN_ERROR = re.compile(r"At (\d+):(\d+)\s*\n(.*)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def argdown_json(text: str, *, filename: str = "<string>") -> str:
    """Run the Argdown parser (``argdown json``) on Argdown source; return its JSON text.

    Raises:
        FormatError: the parser is not installed, did not finish in two minutes, or found
            syntax errors (each located at ``filename:line:column``).
    """
    program = _argdown_program()
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as tmp:
        source = Path(tmp) / "input.argdown"
        source.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out"
        try:
            done = subprocess.run(
                [program, "json", str(source), str(out)],
                capture_output=True,
                text=True,
                timeout=_PARSER_TIMEOUT,
                check=False,
            )
        except OSError as exc:
            raise FormatError(
                [Issue("error", f"cannot run the Argdown parser {program!r}: {exc}")],
                source=filename,
            ) from None
        except subprocess.TimeoutExpired:
            message = f"the Argdown parser did not finish in {_PARSER_TIMEOUT} s"
            raise FormatError(
                [Issue("error", message, code="argdown", location=Location(filename))],
                source=filename,
            ) from None
        result = out / "input.json"
        output = _ANSI.sub("", done.stdout + done.stderr)
        if done.returncode != 0 or not result.exists():
            issues = [
                Issue(
                    "error",
                    f"Argdown syntax error: {m.group(3).strip()}",
                    code="syntax",
                    location=Location(filename, int(m.group(1)), int(m.group(2))),
                )
                for m in _ARGDOWN_ERROR.finditer(output)
            ]
            if not issues:
                message = output.strip() or f"argdown exited with status {done.returncode}"
                issues = [Issue("error", message, code="argdown", location=Location(filename))]
            raise FormatError(issues, source=filename)
        return result.read_text(encoding="utf-8")


def parse_argdown(
    text: str, *, filename: str = "<string>", warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read Argdown source into a map, with the Argdown parser (see :func:`argdown_json`).

    Args:
        text: Argdown source.
        filename: the name used in error locations.
        warnings: a list the warnings are appended to (see :func:`parse_argdown_json`).
    """
    return parse_argdown_json(
        argdown_json(text, filename=filename),
        filename=filename,
        argdown_filename=filename,
        warnings=warnings,
    )


def read_argdown(
    path: str | os.PathLike[str], *, warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read an Argdown file into a map, with the Argdown parser."""
    name = os.fspath(path)
    return parse_argdown(read_text(path, FormatError), filename=name, warnings=warnings)


# -- import ----------------------------------------------------------------------------------


def parse_argdown_json(
    text: str,
    *,
    filename: str = "<string>",
    argdown_filename: str | None = None,
    warnings: list[Issue] | None = None,
) -> ArgumentMap:
    """Read the JSON that ``argdown json`` writes into a map.

    Args:
        text: the JSON that ``argdown json`` writes.
        filename: the name used in error locations.
        argdown_filename: the Argdown file the JSON was made from, if known: issues about
            statements and arguments are then located at their line and column in it.
        warnings: a list the warnings are appended to; the map is the one return value
            of every ``parse_*`` and ``read_*``, whether or not the caller wants them.

    Raises:
        FormatError: invalid JSON, not Argdown JSON, or a map that fails its checks.
    """
    try:
        data = load_json(text, filename)
    except MapSyntaxError as exc:
        raise FormatError([exc.issue], source=filename) from None
    problems = _shape_problems(data)
    if problems:
        root = _JsonLocator(text, filename).locate(())
        issues = [Issue("error", p, code="shape", location=root) for p in problems]
        raise FormatError(issues, source=filename)
    reader = _Reader(data, filename=filename, source=argdown_filename, text=text)
    plain = reader.build()
    loaded = load_data(plain, filename=filename, locator=reader, found=reader.issues)
    amap, found = checked(loaded, filename=filename, error=FormatError)
    if warnings is not None:
        warnings.extend(found)
    return amap


def read_argdown_json(
    path: str | os.PathLike[str], *, warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read an Argdown JSON file (``argdown json`` output) into a map."""
    name = os.fspath(path)
    return parse_argdown_json(read_text(path, FormatError), filename=name, warnings=warnings)


def _shape_problems(data: Any) -> list[str]:
    """What makes the data no Argdown JSON, every problem at once."""
    if not isinstance(data, dict):
        return ["not Argdown JSON: expected an object with 'statements' and 'arguments'"]
    problems = []
    for key in ("statements", "arguments"):
        elements = data.get(key)
        if elements is None:
            problems.append(f"not Argdown JSON: missing '{key}' (the output of 'argdown json')")
        elif not isinstance(elements, dict):
            problems.append(f"'{key}' must be an object keyed by title")
        else:
            problems.extend(
                f"{key}[{title!r}] must be an object"
                for title, element in elements.items()
                if not isinstance(element, dict)
            )
    relations = data.get("relations", [])
    if not isinstance(relations, list):
        problems.append("'relations' must be a list")
    else:
        problems.extend(
            f"relations[{i}] must be an object with from, to and relationType"
            for i, relation in enumerate(relations)
            if not isinstance(relation, dict) or not {"from", "to", "relationType"} <= set(relation)
        )
    if data.get("sections") is not None and not isinstance(data["sections"], list):
        problems.append("'sections' must be a list")
    return problems


def _listed(value: Any) -> list[Any]:
    """A list from Argdown JSON, or an empty one where something else stands.

    >>> _listed([1]), _listed(None), _listed(3), _listed("ab")
    ([1], [], [], [])
    """
    return value if isinstance(value, list) else []


def _clean_text(member: dict[str, Any]) -> str:
    """A statement's text without its tags (Argdown keeps ``#tag`` in the text)."""
    text = str(member.get("text") or "")
    ranges = [
        r
        for r in _listed(member.get("ranges"))
        if isinstance(r, dict)
        and r.get("type") == "tag"
        and isinstance(r.get("start"), int)
        and isinstance(r.get("stop"), int)
    ]
    for r in sorted(ranges, key=lambda r: r["start"], reverse=True):
        text = text[: r["start"]] + text[r["stop"] + 1 :]
    return " ".join(text.split())


def _tags_of(element: dict[str, Any]) -> list[str]:
    tags: dict[str, None] = {}
    for tag in _listed(element.get("tags")):
        tags[str(tag)] = None
    for member in _listed(element.get("members")):
        if isinstance(member, dict):
            for tag in _listed(member.get("tags")):
                tags[str(tag)] = None
    return list(tags)


def _node_fields(member: dict[str, Any]) -> dict[str, Any] | None:
    """The node fields argmap wrote on a statement's definition: ``{argmap: {...}}``."""
    data = member.get("data")
    if isinstance(data, dict) and isinstance(data.get(DATA_KEY), dict):
        fields: dict[str, Any] = data[DATA_KEY]
        if "relation" not in fields:
            return fields
    return None


def _relation_fields(member: dict[str, Any]) -> dict[str, Any] | None:
    """The relation fields argmap wrote on a statement reference: ``{argmap: {relation: ...}}``."""
    data = member.get("data")
    if isinstance(data, dict) and isinstance(data.get(DATA_KEY), dict):
        fields = data[DATA_KEY].get("relation")
        if isinstance(fields, dict):
            return fields
    return None


def _kind_of(relation_type: str, direction: str | None) -> str:
    """The relation kind an Argdown relation from a source of this direction stands for."""
    if relation_type == "support":
        return "pushes" if direction == "push" else "supports"
    if relation_type == "attack":
        return "pulls" if direction == "pull" else "attacks"
    return "undercuts"


def _own_data(element: dict[str, Any], key: str) -> dict[str, Any] | None:
    """argmap's data on an element (``{"argmap": {key: {...}}}``), if it has any."""
    candidates = [element.get("data")]
    candidates += [m.get("data") for m in _listed(element.get("members")) if isinstance(m, dict)]
    for data in candidates:
        if isinstance(data, dict) and isinstance(data.get(DATA_KEY), dict):
            value = data[DATA_KEY].get(key)
            if isinstance(value, dict):
                return value
    return None


class _Reader:
    """Turns Argdown JSON into plain map data, collecting warnings as it goes."""

    def __init__(
        self, data: dict[str, Any], *, filename: str, source: str | None, text: str
    ) -> None:
        self.statements: dict[str, dict[str, Any]] = data["statements"]
        self.arguments: dict[str, dict[str, Any]] = data["arguments"]
        self.relations: list[dict[str, Any]] = list(data.get("relations") or [])
        self.sections: list[Any] = list(data.get("sections") or [])
        self.filename = filename
        self.source = source
        self.issues: list[Issue] = []
        self.node_id: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()
        self.positions: dict[tuple[str, int], tuple[int, int]] = {}
        # Without the Argdown source, issues are placed in the JSON text itself.
        self.json = _JsonLocator(text, filename)
        self.json_paths: dict[tuple[str, int], tuple[str, str]] = {}
        self.nodes: list[dict[str, Any]] = []
        self.out: list[dict[str, Any]] = []
        self.thesis: str | None = None
        self.directions: dict[str, str] = {}
        #: Written by argmap: the map's heading carries argmap data.
        self.exported = False

    # ids and locations

    def _unique(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    def _position(self, element: dict[str, Any]) -> tuple[int, int] | None:
        for item in [element, *(_listed(element.get("members")))]:
            line = item.get("startLine") if isinstance(item, dict) else None
            if isinstance(line, int) and not isinstance(line, bool) and line >= 1:
                column = item.get("startColumn")
                fits = isinstance(column, int) and not isinstance(column, bool) and column >= 1
                return line, column if fits else 1
        return None

    def _warn(self, message: str, code: str, element: dict[str, Any] | None = None) -> None:
        position = self._position(element) if element is not None and self.source else None
        file = self.source or self.filename
        location = Location(file, *position) if position else Location(file)
        if not self.source:
            location = self.json.locate(())
        self.issues.append(Issue("warning", message, code=code, location=location))

    def locate(self, path: IssuePath, *, key: bool = False) -> Location:
        """Where a value of the built map came from: its statement or argument.

        With the Argdown source, that is the statement's line there; without it, the
        statement's entry in the JSON text.
        """
        element = None
        if len(path) >= 2 and path[0] in ("nodes", "relations"):
            element = (str(path[0]), int(path[1]))
        if self.source:
            where = self.positions.get(element) if element else None
            return Location(self.source, *where) if where else Location(self.source)
        return self.json.locate(self.json_paths.get(element, ()) if element else ())

    # building

    def build(self) -> dict[str, Any]:
        metadata = self._metadata()
        statements = list(self.statements.items())
        if self.exported:
            # In the order written: JSON objects put titles like "2018" first.
            statements.sort(key=lambda item: self._line(item[1]))
        for title, element in statements:
            self._statement(title, element)
        relation_args: dict[str, dict[str, Any]] = {}
        for title, element in self.arguments.items():
            fields = _own_data(element, "relation")
            if fields is not None:
                relation_args[title] = fields
            else:
                self._argument(title, element)
        inference_of = self._inferences(relation_args)
        self._relations(relation_args, inference_of)
        return {**metadata, "nodes": self.nodes, "relations": self.out}

    def _metadata(self) -> dict[str, Any]:
        for section in self.sections:
            if isinstance(section, dict):
                fields = _own_data(section, "map")
                if fields is not None:
                    self.exported = True
                    return {k: v for k, v in fields.items() if k not in ("nodes", "relations")}
        stem = Path(self.source or self.filename).name.split(".")[0]
        title = next(
            (s["title"] for s in self.sections if isinstance(s, dict) and s.get("title")),
            stem or "Argdown map",
        )
        return {"argmap": 1, "id": slugify(stem or "argdown"), "title": str(title)}

    def _add_node(self, key: tuple[str, str], node: dict[str, Any], element: Any) -> None:
        node_id = self._unique(str(node["id"]))
        node["id"] = node_id
        if node.get("kind") == "factor" and isinstance(node.get("direction"), str):
            self.directions[node_id] = node["direction"]
        self.node_id[key] = node_id
        position = self._position(element) if isinstance(element, dict) else None
        if position:
            self.positions[("nodes", len(self.nodes))] = position
        kind, title = key
        self.json_paths[("nodes", len(self.nodes))] = (f"{kind}s", title)
        self.nodes.append(node)

    def _text(self, element: dict[str, Any], roles: Iterable[str] | None = None) -> str:
        members = [m for m in _listed(element.get("members")) if isinstance(m, dict)]
        wanted = set(roles) if roles is not None else None
        for member in members:
            role = member.get("role")
            if wanted is not None and (not isinstance(role, str) or role not in wanted):
                continue
            text = _clean_text(member)
            if text:
                return text
        return ""

    def _exported_statement(self, title: str, element: dict[str, Any]) -> None:
        """A statement argmap wrote: its title, text, and the fields in its data."""
        members = [m for m in _listed(element.get("members")) if isinstance(m, dict)]
        definition = next((m for m in members if _node_fields(m) is not None), None)
        if definition is None:
            definition = next((m for m in members if _clean_text(m)), {})
        fields = dict(_node_fields(definition) or {})
        node: dict[str, Any] = {
            "id": fields.pop("id", slugify(title)),
            "kind": fields.pop("kind", "claim"),
        }
        shown = fields.pop("title", title)
        if shown is not None:
            node["title"] = shown
        node["text"] = fields.pop("text", _clean_text(definition) or title)
        node.update(fields)
        self._add_node(("statement", title), node, element)

    def _statement(self, title: str, element: dict[str, Any]) -> None:
        if self.exported:
            self._exported_statement(title, element)
            return
        text = self._text(element)
        tags = _tags_of(element)
        node: dict[str, Any] = {"id": slugify(title), "kind": "claim", "text": text or title}
        untitled = title.startswith("Untitled ")
        if not untitled and title != text:
            node["title"] = title
        if "question" in tags:
            node["kind"] = "question"
        elif "push" in tags or "pull" in tags:
            node["kind"] = "factor"
            node["direction"] = "push" if "push" in tags else "pull"
        elif "thesis" in tags:
            if self.thesis is None:
                node["thesis"] = True
                self.thesis = title
            else:
                self._warn(
                    f"statement [{title}] is tagged #thesis, but [{self.thesis}] already is "
                    "the thesis; read as a claim",
                    "several-theses",
                    element,
                )
        if tags:
            node["tags"] = tags
        data = element.get("data") or next(
            (m.get("data") for m in _listed(element.get("members")) if isinstance(m, dict)
             and m.get("data")), None)  # fmt: skip
        argdown: dict[str, Any] = {"type": "statement"}
        if untitled:
            argdown["title"] = title
        if isinstance(data, dict):
            argdown["data"] = data
        node["meta"] = {"argdown": argdown}
        self._add_node(("statement", title), node, element)

    def _argument(self, title: str, element: dict[str, Any]) -> None:
        description = self._text(element, roles={"argument-description"})
        tags = _tags_of(element)
        node: dict[str, Any] = {
            "id": slugify(title),
            "kind": "claim",
            "title": title,
            "text": description or title,
            "tags": ["argument", *(t for t in tags if t != "argument")],
            "meta": {"argdown": {"type": "argument"}},
        }
        if isinstance(element.get("data"), dict):
            node["meta"]["argdown"]["data"] = element["data"]
        self._add_node(("argument", title), node, element)

    def _add_relation(self, relation: dict[str, Any], element: Any = None) -> None:
        position = self._position(element) if isinstance(element, dict) else None
        if position:
            self.positions[("relations", len(self.out))] = position
        self.out.append(relation)

    def _inferences(self, relation_args: dict[str, dict[str, Any]]) -> dict[str, str]:
        """Relations from premise-conclusion structures; the inference id of each argument."""
        inference_of: dict[str, str] = {}
        for title, fields in relation_args.items():
            if isinstance(fields.get("id"), str):
                inference_of[title] = fields["id"]
        for title, element in self.arguments.items():
            if title in relation_args:
                continue
            pcs = [s for s in _listed(element.get("pcs")) if isinstance(s, dict)]
            if not pcs:
                continue
            arg_id = self.node_id[("argument", title)]
            current: list[str] = []
            step = 0
            for statement in pcs:
                node = self.node_id.get(("statement", str(statement.get("title"))))
                if node is None:
                    continue
                inference = statement.get("inference")
                if not isinstance(inference, dict) and statement.get("role") not in (
                    "main-conclusion",
                    "intermediary-conclusion",
                ):
                    if node not in current:
                        current.append(node)
                    continue
                rules = inference.get("inferenceRules") if isinstance(inference, dict) else None
                scheme = "; ".join(str(r) for r in _listed(rules) if str(r).strip()) or None
                premises = [p for p in current if p != node]
                if statement.get("role") == "main-conclusion":
                    if premises:
                        self._add_relation(
                            {
                                "id": self._unique(f"{arg_id}.premises"),
                                "kind": "supports",
                                "from": premises if len(premises) > 1 else premises[0],
                                "to": arg_id,
                            },
                            element,
                        )
                    relation: dict[str, Any] = {
                        "id": self._unique(f"{arg_id}.inference"),
                        "kind": "supports",
                        "from": arg_id,
                        "to": node,
                    }
                    if scheme:
                        relation["scheme"] = scheme
                    inference_of[title] = relation["id"]
                    self._add_relation(relation, element)
                elif premises:
                    step += 1
                    relation = {
                        "id": self._unique(f"{arg_id}.step-{step}"),
                        "kind": "supports",
                        "from": premises if len(premises) > 1 else premises[0],
                        "to": node,
                    }
                    if scheme:
                        relation["scheme"] = scheme
                    self._add_relation(relation, element)
                current = [node]
        return inference_of

    def _endpoint(self, name: Any, kind: Any) -> str | None:
        # An undercut of a reconstructed argument points at its "inference".
        key = ("argument" if kind in ("argument", "inference") else "statement", str(name))
        return self.node_id.get(key)

    def _relations(
        self, relation_args: dict[str, dict[str, Any]], inference_of: dict[str, str]
    ) -> None:
        premises: dict[str, list[str]] = {t: [] for t in relation_args}
        targets: dict[str, tuple[str, str, str]] = {}
        generic: list[dict[str, Any]] = []
        for relation in self.relations:
            if not isinstance(relation, dict):
                continue
            to, frm = str(relation["to"]), str(relation["from"])
            if relation.get("toType") == "argument" and to in relation_args:
                source = self._endpoint(frm, relation.get("fromType"))
                if source is not None and relation.get("relationType") == "support":
                    premises[to].append(source)
                    continue
            if relation.get("fromType") == "argument" and frm in relation_args:
                kind = (to, str(relation.get("toType")), str(relation.get("relationType")))
                targets.setdefault(frm, kind)
                continue
            generic.append(relation)
        # argmap's own relations, in the order the map listed them (that of the document)
        ordered: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
        for title, fields in relation_args.items():
            target = targets.get(title)
            sources = premises.get(title) or []
            element = self.arguments[title]
            if target is None or not sources:
                self._warn(
                    f"argument <{title}> has argmap data but no premises or no target; left out",
                    "incomplete-relation",
                    element,
                )
                continue
            to_title, to_type, relation_type = target
            if to_type == "argument":
                to_id = inference_of.get(to_title) or self._endpoint(to_title, "argument")
            else:
                to_id = self._endpoint(to_title, to_type)
            relation = dict(fields)
            if "kind" not in relation:
                direction = self.directions.get(sources[0]) if len(sources) == 1 else None
                relation["kind"] = _kind_of(relation_type, direction)
            description = self._text(element, roles={"argument-description"})
            if "note" not in relation and description:
                relation["note"] = description
            linked = isinstance(fields.get("from"), list) or len(sources) > 1
            relation["from"] = sources if linked else sources[0]
            relation["to"] = to_id
            ordered.append((self._line(element), relation, element))
        if self.exported:
            generic = self._exported_relations(generic, inference_of, ordered)
        for _, relation, element in sorted(ordered, key=lambda item: item[0]):
            self._add_relation(relation, element)
        self._generic(generic, inference_of)

    def _line(self, element: dict[str, Any]) -> int:
        position = self._position(element)
        return position[0] if position else 0

    def _exported_relations(
        self,
        relations: list[dict[str, Any]],
        inference_of: dict[str, str],
        ordered: list[tuple[int, dict[str, Any], dict[str, Any]]],
    ) -> list[dict[str, Any]]:
        """Match the relations argmap wrote under statement references with their data.

        argmap writes each relation as a reference to its source, carrying the relation's
        data, and one relation line below it: the n-th reference of a statement with
        relation data goes with the n-th relation from that statement. Returns the
        relations no data goes with (written by hand), to be read by the general rules.
        """
        records: dict[str, list[dict[str, Any]]] = {}
        for title, element in self.statements.items():
            members = [m for m in _listed(element.get("members")) if isinstance(m, dict)]
            found = [m for m in members if _relation_fields(m) is not None]
            records[title] = sorted(found, key=lambda m: self._line(m))
        left: list[dict[str, Any]] = []
        for relation in relations:
            frm = str(relation["from"])
            waiting = records.get(frm) if relation.get("fromType") != "argument" else None
            source = self._endpoint(frm, relation.get("fromType"))
            to_title, to_type = str(relation["to"]), relation.get("toType")
            if to_type == "argument":
                target = inference_of.get(to_title) or self._endpoint(to_title, "argument")
            else:
                target = self._endpoint(to_title, to_type)
            if not waiting or source is None or target is None:
                left.append(relation)
                continue
            member = waiting.pop(0)
            fields = dict(_relation_fields(member) or {})
            if "kind" not in fields:
                relation_type = str(relation.get("relationType"))
                fields["kind"] = _kind_of(relation_type, self.directions.get(source))
            fields["from"], fields["to"] = source, target
            ordered.append((self._line(member), fields, member))
        return left

    def _generic(self, relations: list[dict[str, Any]], inference_of: dict[str, str]) -> None:
        outgoing: dict[str, list[int]] = {}
        pending_undercuts: list[dict[str, Any]] = []
        for relation in relations:
            rtype = str(relation.get("relationType"))
            source = self._endpoint(relation["from"], relation.get("fromType"))
            target = self._endpoint(relation["to"], relation.get("toType"))
            if source is None or target is None:
                self._warn(
                    f"{rtype} relation from {relation['from']!r} to {relation['to']!r} names "
                    "an element the JSON does not define; left out",
                    "unknown-element",
                )
                continue
            if rtype == "undercut":
                pending_undercuts.append(relation)
                continue
            meta = {"argdown": {"relationType": rtype}}
            direction = self.directions.get(source)
            if rtype in ("support", "entails"):
                pairs = [(source, target)]
                kind = "pushes" if direction == "push" else "supports"
            elif rtype == "attack":
                pairs = [(source, target)]
                kind = "pulls" if direction == "pull" else "attacks"
            elif rtype in ("contrary", "contradictory"):
                pairs = [(source, target), (target, source)]
                kind = "attacks"
            else:
                self._warn(
                    f"unknown Argdown relation type {rtype!r} from {relation['from']!r} to "
                    f"{relation['to']!r}; read as an attack",
                    "unknown-relation-type",
                )
                pairs = [(source, target)]
                kind = "attacks"
            for frm, to in pairs:
                if frm == to:
                    continue
                outgoing.setdefault(frm, []).append(len(self.out))
                self._add_relation({"kind": kind, "from": frm, "to": to, "meta": meta})
        for relation in pending_undercuts:
            source = self._endpoint(relation["from"], relation.get("fromType"))
            to_title = str(relation["to"])
            target = inference_of.get(to_title)
            if target is None:
                node = self._endpoint(to_title, relation.get("toType"))
                first = outgoing.get(node or "", [])
                if first:
                    out = self.out[first[0]]
                    out.setdefault("id", self._unique(f"{out['from']}.to.{out['to']}"))
                    target = out["id"]
            meta = {"argdown": {"relationType": "undercut"}}
            if target is None:
                self._warn(
                    f"undercut of {to_title!r}, which has no inference to undercut; read as "
                    "an attack on it",
                    "undercut-without-inference",
                    self.arguments.get(to_title),
                )
                target_node = self._endpoint(to_title, relation.get("toType"))
                self._add_relation(
                    {"kind": "attacks", "from": source, "to": target_node, "meta": meta}
                )
                continue
            self._add_relation({"kind": "undercuts", "from": source, "to": target, "meta": meta})


FORMATS = (
    FileFormat(
        "argdown",
        (".argdown", ".ad"),
        "Argdown source (reading needs @argdown/cli)",
        parse=parse_argdown,
        dump=dump_argdown,
    ),
    FileFormat(
        "argdown-json",
        (".argdown.json",),
        "the JSON 'argdown json' writes",
        parse=parse_argdown_json,
        found_as=(".json",),
    ),
)
