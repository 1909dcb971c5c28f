"""The options diagrams are drawn with in the tests, as the ``render`` command chooses them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from argmap.analysis.report import node_annotations


def verdict_options(path: Path, **options: Any) -> dict[str, Any]:
    """The options ``argmap render --analysis verdict`` draws a map with."""
    marks = node_annotations(argmap.read_map(path), "verdict")
    return {
        "annotations": marks.labels,
        "annotation_key": marks.key,
        "tones": marks.tones,
        **options,
    }
