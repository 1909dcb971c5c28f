"""Benchmark: building the HTML page of a map, next to Graphviz drawing its SVG.

For synthetic maps of 100, 500 and 1,000 nodes (those of ``bench.render``, each citing
one of 13 works) it times Graphviz's ``dot -Tsvg`` and, in the same run, ``to_html`` on
the SVG it drew (formatting every node's citation and the bibliography), and reports the
page's size: the whole page, and what it adds to the SVG (budgets: 50 KB beyond the SVG;
2 MB for a 500-node page).

Run: ``.venv/bin/python -m bench.html_page [--sizes 100 500 1000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import functools

from argmap import to_dot
from argmap.citations.bibliography import Bibliography, parse_bibliography
from argmap.diagrams.backend import pipe
from argmap.diagrams.html import to_html
from bench._timing import best_of
from tests.support.synthetic import synthetic_map


def bibliography() -> Bibliography:
    """The 13 works the synthetic maps cite."""
    return parse_bibliography(
        "".join(
            f"@article{{source{i}, author={{Author{i}, Ann}}, title={{Work number {i}}}, "
            f"journal={{Journal of Benchmarks}}, year={{{2000 + i}}}, pages={{1--40}}}}\n"
            for i in range(13)
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bib = bibliography()
    print("| nodes | `dot -Tsvg` | `to_html` | ratio | SVG | page | beyond the SVG |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        amap = synthetic_map(size)
        source = to_dot(amap).source
        svg = pipe(source, format="svg").decode("utf-8")
        page = to_html(amap, svg, bibliography=bib)
        drawing = best_of(functools.partial(pipe, source, format="svg"), args.repeat)
        building = best_of(functools.partial(to_html, amap, svg, bibliography=bib), args.repeat)
        svg_size, page_size = len(svg.encode()), len(page.encode())
        print(
            f"| {size:,} | {drawing:.2f} s | {building:.2f} s | {building / drawing:.2f} "
            f"| {svg_size / 1e6:.2f} MB | {page_size / 1e6:.2f} MB "
            f"| {(page_size - svg_size) / 1e3:,.0f} KB |"
        )


if __name__ == "__main__":
    main()
