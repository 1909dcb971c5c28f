"""The hostile corpus's HTML pages in Chromium: nothing a map or a .bib holds runs as script.

The pages are written by the ``argmap`` program from ``tests/hostile/page/`` (node ids
``__proto__``, ``constructor``, ``toString``; every text a payload) and
``tests/hostile/links/`` (references whose URLs are ``javascript:``, ``data:`` and
``vbscript:``). Every payload calls ``window.argmapInjected()``: a Playwright binding that
records each call, so that a script that ran by any road (markup, an attribute, a link, a
template) is seen. Each test also fails on a script error, a console error or a
Content-Security-Policy violation (what clicking a ``javascript:`` link in the page
causes). Playwright drives Debian's chromium, as ``tests/diagrams/test_browser.py`` does.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.browser import WATCH
from tests.support.hostile import CORPUS, assert_bounded, run_argmap

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

pytestmark = [pytest.mark.browser, pytest.mark.dot]

#: Ids of the page map that are also names every JavaScript object has.
OBJECT_NAMES = ("__proto__", "constructor", "hasOwnProperty", "toString", "valueOf")


@dataclass
class Visit:
    """A page as the browser loaded it, and what it did that a page of argmap must not."""

    page: Page
    injected: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.injected == [], f"injected script ran: {self.injected}"
        violations = self.page.evaluate("window.__violations")
        assert violations == [], violations
        assert self.problems == [], self.problems


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pages the program writes from the corpus: a map's page and a reading list."""
    folder = tmp_path_factory.mktemp("hostile-pages")
    for name in ("page", "links"):
        shutil.copytree(CORPUS / name, folder / name)
    made = {
        "page": ["render", "page/page.yaml", "-o", "page.html"],
        "links": ["render", "links/links.yaml", "-o", "links.html"],
        "list": ["cite", "page/page.yaml", "links/links.yaml", "-f", "html", "-o", "list.html"],
    }
    for args in made.values():
        run = run_argmap(args, folder)
        assert_bounded(run)
        assert run.code == 0, run.show()
    return {name: folder / args[-1] for name, args in made.items()}


@pytest.fixture
def visit(browser: Browser) -> Iterator[Any]:
    contexts = []

    def open_page(path: Path, fragment: str = "") -> Visit:
        context = browser.new_context()
        contexts.append(context)
        seen = Visit(context.new_page())
        context.expose_binding(
            "argmapInjected", lambda source, *args: seen.injected.append(str(source["frame"].url))
        )
        page = seen.page
        page.add_init_script(WATCH)
        page.on("pageerror", lambda error: seen.problems.append(f"script error: {error}"))
        page.on(
            "console",
            lambda message: (
                seen.problems.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("dialog", lambda dialog: seen.problems.append(f"dialog: {dialog.message}"))
        page.goto(path.as_uri() + fragment)
        page.wait_for_load_state("load")
        return seen

    yield open_page
    for context in contexts:
        context.close()


def _hrefs(page: Page) -> list[str]:
    """Every link target in the page, the SVG's included, as written."""
    script = """Array.from(document.querySelectorAll('[href], [*|href]')).map(
        e => e.getAttribute('href') || e.getAttributeNS(XLINK, 'href'))"""
    return list(page.evaluate(script.replace("XLINK", "'http://www.w3.org/1999/xlink'")))


def _assert_web_or_page(hrefs: list[str]) -> None:
    for href in hrefs:
        assert href.startswith(("https://", "http://", "#")), f"a link to {href!r}"


def test_the_map_page_runs_nothing_it_was_given(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["page"])
    page = seen.page
    nodes = page.locator("g.node[tabindex='0']")
    assert nodes.count() == 6
    links = page.locator("#argmap-details a")
    fit = page.locator("#argmap-fit")  # following a link moves the view: back to it all
    for i in range(nodes.count()):
        fit.click()
        nodes.nth(i).click()
        assert page.locator("#argmap-panel").is_visible()
        _assert_web_or_page(_hrefs(page))
        # Every link of the panel leads to another node of the page: follow each.
        for j in range(links.count()):
            fit.click()
            nodes.nth(i).click()
            target = links.nth(j).get_attribute("href")
            links.nth(j).click()
            page.wait_for_function("h => location.hash === h", arg=target)
    _assert_web_or_page(_hrefs(page))
    seen.assert_clean()


def test_the_text_of_every_payload_is_shown_as_text(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["page"], "#thesis")
    page = seen.page
    details = page.locator("#argmap-details").inner_text()
    for text in (
        "<img src=x onerror=window.argmapInjected()>",
        "\"'`; window.argmapInjected(); //",
        "<script>window.argmapInjected()</script>",
        "]]><script>window.argmapInjected()</script>",
        "{{constructor.constructor('window.argmapInjected()')()}}",
    ):
        assert text in details
    assert page.title() == "</title><script>window.argmapInjected()</script>"
    assert page.locator("img, iframe, object, embed").count() == 0
    seen.assert_clean()


def test_the_links_page_links_only_to_the_web(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["links"])
    page = seen.page
    nodes = page.locator("g.node[tabindex='0']")
    for i in range(nodes.count()):
        nodes.nth(i).click()
        _assert_web_or_page(_hrefs(page))
    hrefs = _hrefs(page)
    assert "https://doi.org/10.1000/xyz" in hrefs
    seen.assert_clean()


def test_the_reading_list_links_only_to_the_web(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["list"])
    page = seen.page
    hrefs = _hrefs(page)
    assert hrefs == ["https://doi.org/10.1000/xyz"] * 2
    text = page.locator("body").inner_text()
    assert "javascript:window.argmapInjected()" in text
    assert "vbscript:msgbox(1)" in text
    seen.assert_clean()


@pytest.mark.parametrize("name", OBJECT_NAMES)
def test_a_node_named_as_an_object_property_opens_from_its_fragment(
    visit: Any, pages: dict[str, Path], name: str
) -> None:
    seen = visit(pages["page"], f"#{name}")
    page = seen.page
    assert page.locator("#argmap-panel").is_visible()
    assert page.locator("#argmap-details .argmap-id").inner_text() == name
    seen.assert_clean()


def test_searching_a_page_with_a_node_named_proto(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["page"])
    page = seen.page
    page.locator("#argmap-search").fill("prototype")
    assert seen.problems == []
    assert page.locator("#argmap-results li").all_inner_texts() == ["The prototype"]
    seen.assert_clean()


@pytest.mark.parametrize("fragment", ["#constructor", "#__proto__", "#toString", "#%", "#%E0%A4%A"])
def test_a_fragment_naming_no_node_opens_nothing(
    visit: Any, pages: dict[str, Path], fragment: str
) -> None:
    seen = visit(pages["links"], fragment)
    page = seen.page
    assert not page.locator("#argmap-panel").is_visible()
    page.locator("g.node[tabindex='0']").first.click()
    assert page.locator("#argmap-panel").is_visible()
    seen.assert_clean()
