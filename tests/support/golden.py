"""Golden files: text outputs compared with the committed copy, rewritten on request."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, text: str) -> None:
    """Compare text with a golden file, or rewrite it when ARGMAP_REGENERATE=1."""
    if os.environ.get("ARGMAP_REGENERATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with ARGMAP_REGENERATE=1 to create it"
    assert text == path.read_text(encoding="utf-8")
