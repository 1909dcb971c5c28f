"""How a map shows itself in Jupyter, installed by the package rather than known by the model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The function that turns a map into a MIME bundle; the ``argmap`` package installs the
#: diagram's, so that the model never imports the diagram code.
SHOW: list[Callable[[Any], dict[str, str]]] = []
