"""CSL-JSON items that the citation tests and the page tests share."""

from __future__ import annotations

import json
from typing import Any

from tests.support import GOLDEN

#: The varied bibliography's items, as citeproc-js's oracle files were made from.
ITEMS: list[dict[str, Any]] = json.loads(
    (GOLDEN / "citations" / "varied.json").read_text(encoding="utf-8")
)


def marked_items() -> list[dict[str, Any]]:
    """Real entries of the varied bibliography with the inline HTML CSL allows and more.

    Names and titles carry ``<b>``, ``<sup>``, ``<sub>``, ``<i>``, small caps, no-case
    and no-decoration spans; tags CSL does not allow, and addresses that are no web
    address or DOI, must print as text.
    """
    by_id = {i["id"]: i for i in ITEMS}
    carneades = dict(by_id["gordon2006carneades"])
    carneades["author"] = [
        {"family": "<b>Gordon</b>", "given": "Thomas F."},
        {"family": "Walton", "given": "<i>Douglas</i> N."},
    ]
    carneades["title"] = (
        'The <b>Carneades <b>argumentation</b> framework</b>: <span style="font-variant:'
        'small-caps;">using <span style="font-variant:small-caps;">presumptions</span></span>'
        ' and H<sub>2</sub>O <span class="nocase">eXceptions</span>'
    )
    carneades["container-title"] = (
        'Computational models of <span class="nodecor">argument</span>: Proceedings of'
        ' <b>COMMA</b> 2006 <script>alert(1)</script> <a href="https://example.org">x</a>'
    )
    carneades["URL"] = "JaVaScRiPt:alert(document.cookie)"
    stab = dict(by_id["stab2014essays"])
    stab["URL"] = "data:text/html,<script>alert(1)</script>"
    stab["DOI"] = "vbscript:msgbox(1)"
    dung = dict(by_id["dung1995acceptability"])
    dung["URL"] = "https://example.org/dung?a=1&b=2"
    del dung["DOI"]  # so that the styles print the URL
    return [carneades, stab, dung]
