"""A CSL 1.0 citation processor compiled for speed: styles become closures once.

Used by :mod:`argmap.citations.formatting`; the styles themselves are unchanged CSL files.
"""

from argmap.citations.csl_engine._output import to_html, to_markdown, to_text
from argmap.citations.csl_engine._style import Cite, Entry, Processor, Style, prepare

__all__ = ["Cite", "Entry", "Processor", "Style", "prepare", "to_html", "to_markdown", "to_text"]
