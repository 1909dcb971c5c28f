"""The HTML page in a real browser: headless Chromium, driven by Playwright.

Each page is loaded from a ``file:`` URL while every request, console message, script
error and Content-Security-Policy violation is recorded; a test fails on any of them.
The screenshots in docs/ are taken here too: regenerate them with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/diagrams/test_browser.py``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

import argmap
from argmap import render
from argmap.citations import read_map_bibliography
from argmap.citations.bibliography import parse_bibliography
from tests.support import DATA, ROOT, SEED_BIB, SEED_MAP
from tests.support.browser import WATCH
from tests.support.maps import HOSTILE, HOSTILE_BIB, hostile_map, large_map, marked_map

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

pytestmark = [pytest.mark.browser, pytest.mark.dot]


@dataclass
class Visit:
    """A loaded page and everything it did."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        violations = self.page.evaluate("window.__violations")
        assert violations == [], violations
        assert self.problems == [], self.problems
        # The page itself, and nothing else: no font, script, image or beacon.
        assert self.requests == [self.url.split("#")[0]], self.requests


class Opener(Protocol):
    """Opens a URL in a fresh browser context and watches what the page does."""

    def __call__(self, url: str, *, width: int = 1280, height: int = 800) -> Visit: ...


@pytest.fixture
def visit(browser: Browser) -> Iterator[Opener]:
    contexts: list[BrowserContext] = []

    def open_page(url: str, *, width: int = 1280, height: int = 800) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(WATCH)
        seen = Visit(page, url)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                seen.problems.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda error: seen.problems.append(f"script error: {error}"))
        page.on("dialog", lambda dialog: seen.problems.append(f"dialog: {dialog.message}"))
        page.goto(url)
        page.wait_for_load_state("load")
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    amap = argmap.read_map(SEED_MAP)
    target = tmp_path_factory.mktemp("html") / "seed.html"
    return render(amap, target, bibliography=read_map_bibliography(amap))


def test_the_page_loads_offline_without_errors(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri())
    page = seen.page
    assert page.title() == argmap.read_map(SEED_MAP).title
    # 13 nodes, and the junctions of the two inferences that name a scheme.
    assert page.locator("g.node[tabindex='0']").count() == 13 + 2
    assert page.locator("g.node[aria-label^='Inference: ']").count() == 2
    assert page.locator("#argmap-references li").count() == 1
    seen.assert_clean()


def test_clicking_a_node_shows_its_citations_and_links(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri())
    page = seen.page
    page.locator('[id="argmap-node-sanctions-imposed"]').click()
    panel = page.locator("#argmap-panel")
    assert panel.is_visible()
    details = page.locator("#argmap-details").inner_text()
    assert "Sanctions imposed, reluctantly" in details
    assert "(Shagina, 2018, p. 1)" in details
    assert "Japan imposed sanctions on Russia, albeit reluctantly" in details
    assert "Shagina, M. (2018). Japan\u2019s dilemma" in details
    assert page.evaluate("location.hash") == "#sanctions-imposed"
    # A link in the panel opens the node it names.
    page.locator("#argmap-details .argmap-links a", has_text="Solidarity with the G7").click()
    page.wait_for_function("location.hash === '#g7-solidarity'")
    assert "PUSH FACTOR" in page.locator("#argmap-details").inner_text().upper()
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    seen.assert_clean()


def test_search_finds_a_node(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri())
    page = seen.page
    page.keyboard.press("/")
    page.keyboard.type("kuril")
    results = page.locator("#argmap-results li")
    assert results.count() == 1 and results.inner_text() == "The territorial dispute"
    assert page.locator("g.node.argmap-match").count() == 1
    # The other 12 nodes and the 2 inferences' junctions.
    assert page.locator("g.node.argmap-dim").count() == 12 + 2
    page.keyboard.press("Enter")
    assert "The territorial dispute" in page.locator("#argmap-details").inner_text()
    page.locator("#argmap-search").fill("no such words anywhere")
    assert page.locator("#argmap-results").inner_text() == "No node matches."
    seen.assert_clean()


def test_deep_links_and_keyboard_open_nodes(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri() + "#avoid-irritation")
    page = seen.page
    assert "No irritation for Moscow" in page.locator("#argmap-details").inner_text()
    assert page.evaluate("window.scrollY") == 0  # the diagram pans to the node instead
    page.locator('[id="argmap-node-closing-critique"]').focus()
    page.keyboard.press("Enter")
    details = page.locator("#argmap-details").inner_text()
    assert "The closing critique" in details and "UNDERCUTS THE INFERENCE" in details.upper()
    before = page.locator("svg").first.get_attribute("viewBox")
    page.locator("#argmap-search").blur()
    page.keyboard.press("+")
    assert page.locator("svg").first.get_attribute("viewBox") != before
    seen.assert_clean()


def test_hostile_labels_stay_text(visit: Opener, tmp_path: Path) -> None:
    amap = hostile_map()
    target = render(amap, tmp_path / "hostile.html", bibliography=parse_bibliography(HOSTILE_BIB))
    seen = visit(target.as_uri() + "#t")
    page = seen.page
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    details = page.locator("#argmap-details").inner_text()
    for text in (HOSTILE[0], HOSTILE[1], HOSTILE[2]):
        assert text in details
    assert page.title() == HOSTILE[0]
    page.locator("#argmap-search").fill("onerror")
    assert page.locator("#argmap-results li").count() == 2
    page.locator("#argmap-fit").click()  # the deep link zoomed in on the thesis
    page.locator('[id="argmap-node-f"]').click()
    assert HOSTILE[0] in page.locator("#argmap-details").inner_text()
    assert page.evaluate("window.__pwned") is None
    seen.assert_clean()


def test_a_500_node_page_stays_responsive(visit: Opener, tmp_path: Path) -> None:
    amap = large_map(500)
    bibliography = argmap.read_bibliography(SEED_BIB)
    target = render(amap, tmp_path / "large.html", bibliography=bibliography)
    seen = visit(target.as_uri())
    page = seen.page
    assert page.locator("g.node[tabindex='0']").count() == 500
    started = time.perf_counter()
    page.locator("#argmap-search").fill("reason 499,")
    assert page.locator("#argmap-results li").inner_text() == "Node 499"
    page.keyboard.press("Enter")
    assert "(Shagina, 2018, p. 5)" in page.locator("#argmap-details").inner_text()
    assert time.perf_counter() - started < 5
    seen.assert_clean()


def test_print_leaves_the_controls_out(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri() + "#sanctions-imposed")
    page = seen.page
    page.emulate_media(media="print")
    assert not page.locator("#argmap-tools").is_visible()
    assert page.locator("#argmap-panel").is_visible()
    assert page.locator("#argmap-references").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("#argmap-tools").is_visible()
    seen.assert_clean()


def test_statuses_are_shown(visit: Opener, tmp_path: Path) -> None:
    amap = argmap.read_map(SEED_MAP)
    target = render(amap, tmp_path / "status.html", annotations={"symbolic-sanctions": "out"})
    seen = visit(target.as_uri() + "#symbolic-sanctions")
    page = seen.page
    assert page.locator("g.node.argmap-status-out").count() == 1
    assert "Status\nout" in page.locator("#argmap-details").inner_text()
    seen.assert_clean()


def test_small_caps_and_upright_references_render_under_the_policy(
    visit: Opener, tmp_path: Path
) -> None:
    amap, bibliography = marked_map()
    target = render(amap, tmp_path / "marked.html", bibliography=bibliography)
    seen = visit(target.as_uri())
    page = seen.page
    caps = page.locator("#argmap-references .csl-small-caps").first
    assert caps.evaluate("e => getComputedStyle(e).fontVariantCaps") == "small-caps"
    # An upright run inside an italic title: the class turns the italics off.
    upright = page.locator("#argmap-references em .csl-nodecor").first
    assert upright.evaluate("e => getComputedStyle(e.parentElement).fontStyle") == "italic"
    assert upright.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    seen.assert_clean()


def shown(text: str) -> str:
    """Text as read off the page: one line per block, blank lines dropped."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def test_a_node_with_a_verdict_shows_it_in_its_panel(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri() + "#sanctions-imposed")
    page = seen.page
    verdict = shown(page.locator("#argmap-details .argmap-verdict").inner_text())
    assert verdict.startswith(
        "VERDICT\n✓ Accepted, stated as fact. Its pros and cons (2 pushes, 3 pulls) meet a "
        "scintilla of evidence; fail dialectical validity"
    )
    for line in (
        "✓ Solidarity with the G7 (pushes): applies",
        "✓ The territorial dispute (pulls): applies",
        "preponderance of the evidence (its standard)\n? open: the map gives no weights\n"
        "What would change it: give weights: it is met if the strongest pro outweighs the "
        "strongest con",
        "dialectical validity\n✗ not met: contested by 3 cons that stand\n"
        "What would change it: it would be met if all 3 cons fell",
        "Its cons argue against it without refuting it: the map states it as fact.",
    ):
        assert line in verdict
    # A pro opens the node it names.
    page.locator(".argmap-verdict a", has_text="Obligation to the West").click()
    page.wait_for_function("location.hash === '#obligation-to-west'")
    assert page.locator("#argmap-details .argmap-verdict").count() == 0  # no verdict of its own
    seen.assert_clean()


def test_the_summary_lists_the_verdicts_and_opens_their_nodes(
    visit: Opener, seed_page: Path
) -> None:
    seen = visit(seed_page.as_uri())
    page = seen.page
    summary = page.locator("#argmap-verdicts")
    assert summary.is_visible() and not page.locator("#argmap-panel").is_visible()
    assert summary.locator("li").all_inner_texts() == [
        "✓ Symbolic sanctions (thesis): holds by preponderance of the evidence (2 pros, no con)",
        "✓ Sanctions imposed, reluctantly (outcome): accepted, stated as fact (2 pros, 3 cons)",
        "✓ No irritation for Moscow (outcome): holds by preponderance of the evidence "
        "(2 pros, no con)",
    ]
    summary.locator("a", has_text="No irritation for Moscow").click()
    page.wait_for_function("location.hash === '#avoid-irritation'")
    details = page.locator("#argmap-details").inner_text()
    assert "No irritation for Moscow" in details and "VERDICT" in details.upper()
    assert page.evaluate("window.scrollY") == 0
    seen.assert_clean()


def test_an_inference_shows_its_scheme_and_open_questions(visit: Opener, seed_page: Path) -> None:
    seen = visit(seed_page.as_uri())
    page = seen.page
    junction = page.locator('[id="argmap-node-r-calculation"]')
    assert junction.get_attribute("aria-label") == "Inference: Practical reasoning"
    junction.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#r-calculation"
    details = page.locator("#argmap-details")
    text = shown(details.inner_text())
    assert text.startswith(
        "INFERENCE\nPractical reasoning\nRussia's place in Japan's strategic concerns → "
        "No irritation for Moscow (supports)\nPremises"
    )
    assert "Agent a has goal G." in text and "Conclusion\na should, practically speaking" in text
    questions = details.locator(".argmap-question")
    assert questions.count() == 5
    assert details.locator(".argmap-question-open").count() == 4
    assert details.locator(".argmap-question-raised").inner_text() == (
        "RAISED Will X really bring G about? Raised by Is Russia the answer?; "
        "The closing critique (undercuts)."
    )
    # Who raised it is a link to that node.
    details.locator(".argmap-question-raised a", has_text="Is Russia the answer?").click()
    page.wait_for_function("location.hash === '#russia-role-question'")
    seen.assert_clean()
    # The conclusion's panel shows the same inference among those into it.
    into = visit(seed_page.as_uri() + "#avoid-irritation")
    conclusion = shown(into.page.locator("#argmap-details").inner_text())
    assert "INFERENCES AND THEIR SCHEMES\nPractical reasoning\nRussia's place" in conclusion
    assert into.page.locator("#argmap-details .argmap-question-raised").count() == 1
    into.assert_clean()


def render_with_analysis(source: Path, target: Path, *extra: str) -> Path:
    """``argmap render SOURCE --analysis verdict -o TARGET``, as a reviewer runs it."""
    from click.testing import CliRunner

    from argmap.cli import main

    result = CliRunner().invoke(
        main, ["render", str(source), "--analysis", "verdict", "-o", str(target), *extra]
    )
    assert result.exit_code == 0, result.output
    return target


def shape_fill(page: Page, node_id: str) -> str | None:
    """The fill of a node's own shape (the element after its title) in the page's SVG."""
    shape = page.locator(f'[id="argmap-node-{node_id}"] > title + *')
    return shape.get_attribute("fill")


def test_a_page_drawn_with_the_verdicts_colours_its_nodes(visit: Opener, tmp_path: Path) -> None:
    from argmap.diagrams.theme import COLOR

    target = render_with_analysis(SEED_MAP, tmp_path / "seed.html")
    seen = visit(target.as_uri() + "#symbolic-sanctions")
    page = seen.page
    stands = COLOR.tones["stands"]
    assert shape_fill(page, "symbolic-sanctions") == stands.fillcolor
    # A question states nothing: it keeps its kind's colour.
    assert shape_fill(page, "russia-role-question") == COLOR.nodes["question"].fillcolor
    facts = shown(page.locator("#argmap-details dl").first.inner_text())
    assert "Analysis\n✓ holds: preponderance" in facts
    legend = page.locator("#argmap-legend").inner_text()
    assert stands.legend in legend and "Framed line on a node: verdict of the proof" in legend
    murder = render_with_analysis(DATA / "analysis" / "carneades-murder.yaml", tmp_path / "m.html")
    seen = visit(murder.as_uri() + "#intent")
    falls = COLOR.tones["falls"]
    assert shape_fill(seen.page, "intent") == falls.fillcolor
    facts = shown(seen.page.locator("#argmap-details dl").first.inner_text())
    assert "Analysis\n✗ fails: beyond reasonable doubt" in facts
    assert falls.legend in seen.page.locator("#argmap-legend").inner_text()
    seen.assert_clean()


@pytest.mark.skipif(
    os.environ.get("ARGMAP_REGENERATE") != "1", reason="screenshots are taken on regeneration"
)
def test_take_the_screenshots_of_the_readme(visit: Opener, seed_page: Path, tmp_path: Path) -> None:
    docs = ROOT / "docs"
    seen = visit(seed_page.as_uri(), width=1200, height=720)
    seen.page.locator('[id="argmap-node-sanctions-imposed"]').click()
    seen.page.screenshot(path=str(docs / "html-page.png"))
    seen.page.locator('[id="argmap-node-r-calculation"]').click()
    seen.page.screenshot(path=str(docs / "html-page-inference.png"))
    murder = render_with_analysis(
        DATA / "analysis" / "carneades-murder.yaml", tmp_path / "murder.svg", "--legend"
    )
    shown = visit(murder.as_uri(), width=1040, height=740)
    shown.page.screenshot(path=str(docs / "analysis-verdict.png"))
    amap = argmap.read_map(SEED_MAP)
    # The slide the diagrams guide shows: titles only and no Sources box, so that the
    # slide keeps its text at full size.
    slide = render(
        amap,
        tmp_path / "slide.svg",
        size="slide",
        hide_text=True,
        hide_evidence=True,
        key_block=False,
    )
    shown = visit(slide.as_uri(), width=1280, height=720)
    shown.page.screenshot(path=str(docs / "seed-map-slide.png"))
    for name in (
        "html-page.png",
        "html-page-inference.png",
        "analysis-verdict.png",
        "seed-map-slide.png",
    ):
        assert (docs / name).stat().st_size < 220_000


#: Texts that would call the page's binding if the page ever ran them as script.
INJECTED = [
    "</script><script>argmapInjected('script')</script>",
    "<img src=x onerror=\"argmapInjected('img')\">",
    "<svg onload=\"argmapInjected('svg')\">",
    "javascript:argmapInjected('url')",
]


def prototype_map() -> argmap.ArgumentMap:
    """A map whose node ids are the names every JavaScript object inherits."""
    ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]
    nodes: list[argmap.Node] = [
        argmap.Claim(id=ids[0], title="Proto thesis", text=INJECTED[0], thesis=True),
        *(
            argmap.Claim(id=node_id, title=f"Node {node_id}", text=INJECTED[i % 4])
            for i, node_id in enumerate(ids[1:], start=1)
        ),
    ]
    relations = [argmap.Relation(kind="supports", source=i, target=ids[0]) for i in ids[1:]]
    return argmap.ArgumentMap(id="proto", title=INJECTED[1], nodes=nodes, relations=relations)


@pytest.fixture
def proto_page(tmp_path: Path) -> Path:
    return render(prototype_map(), tmp_path / "proto.html")


def watch_injection(seen: Visit) -> list[str]:
    """Calls of ``argmapInjected`` by any script the page runs (there must be none)."""
    calls: list[str] = []
    seen.page.expose_binding("argmapInjected", lambda _source, *args: calls.append(repr(args)))
    seen.requests.clear()
    seen.page.reload()
    seen.page.wait_for_load_state("load")
    return calls


@pytest.mark.parametrize("fragment", ["", "#%", "#%E0%A4%A", "#constructor", "#__proto__"])
def test_ids_named_like_object_properties_and_bad_fragments_are_safe(
    visit: Opener, proto_page: Path, fragment: str
) -> None:
    seen = visit(proto_page.as_uri() + fragment)
    calls = watch_injection(seen)
    page = seen.page
    assert page.locator("g.node[tabindex='0']").count() == 5
    if fragment in ("#constructor", "#__proto__"):
        expected = "Node constructor" if fragment == "#constructor" else "Proto thesis"
        assert expected in page.locator("#argmap-details").inner_text()
    # Every node opens on a click, with a malformed fragment in the address or not.
    for node_id, title in (("__proto__", "Proto thesis"), ("constructor", "Node constructor")):
        page.locator(f'[id="argmap-node-{node_id}"]').dispatch_event("click")
        assert title in page.locator("#argmap-details").inner_text()
        assert page.evaluate("location.hash") == "#" + node_id
    # Search reads every node, "__proto__" included.
    page.locator("#argmap-search").fill("proto thesis")
    assert page.locator("#argmap-results li").all_inner_texts() == ["Proto thesis"]
    page.locator("#argmap-search").fill("node")
    assert page.locator("#argmap-results li").count() == 4
    assert page.locator("g.node.argmap-match").count() == 4
    page.keyboard.press("Enter")
    assert calls == []
    seen.assert_clean()


def test_a_fragment_naming_an_inherited_property_of_no_node_does_nothing(
    visit: Opener, seed_page: Path
) -> None:
    for fragment in ("#constructor", "#__proto__", "#toString", "#%", "#%zz"):
        seen = visit(seed_page.as_uri() + fragment)
        page = seen.page
        assert not page.locator("#argmap-panel").is_visible()
        page.locator('[id="argmap-node-sanctions-imposed"]').click()
        assert "Sanctions imposed, reluctantly" in page.locator("#argmap-details").inner_text()
        seen.assert_clean()


def test_the_page_explains_its_shapes_and_lines_without_a_legend_option(
    visit: Opener, seed_page: Path
) -> None:
    seen = visit(seed_page.as_uri())
    legend = seen.page.locator("#argmap-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for meaning in ("thesis", "push factor", "pull factor", "pushes toward", "pulls away from"):
        assert meaning in text
    assert "Arrows point from a reason to what it bears on." in text
    # The legend takes its own strip under the diagram and hides no node.
    box = legend.bounding_box()
    diagram = seen.page.locator("#argmap-diagram > svg").bounding_box()
    assert box is not None and diagram is not None
    assert box["y"] >= diagram["y"] + diagram["height"] - 1
    seen.assert_clean()
