"""Running Graphviz: the only module of argmap that starts a process.

:func:`pipe` is the one choke point: it finds ``dot``, feeds it DOT source on standard
input and returns the bytes it writes. A missing program becomes
:class:`~argmap.errors.GraphvizNotFoundError` with install instructions, a failure of
Graphviz a :class:`~argmap.errors.RenderError` with its message.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Literal, TypeAlias

from argmap.diagrams.pages import POINTS, Page, bounding_box, plan_pages, requested_page
from argmap.errors import GraphvizNotFoundError, RenderError

__all__ = [
    "ENGINES",
    "IMAGE_FORMATS",
    "INSTALL_HINT",
    "Engine",
    "ImageFormat",
    "dot_path",
    "layout",
    "pipe",
]

Engine: TypeAlias = Literal["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage"]
ENGINES: tuple[Engine, ...] = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage")
ImageFormat: TypeAlias = Literal["svg", "png", "pdf"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("svg", "png", "pdf")

#: Settings that keep the nodes of spring and radial layouts apart: without them neato,
#: fdp, sfdp and twopi draw nodes over each other. ``prism`` moves overlapping nodes apart
#: while keeping the layout's shape; ``sep`` leaves a margin. (circo spaces its circles by
#: node size itself, and overlap removal would squeeze them.)
_SPREAD: dict[str, tuple[str, ...]] = dict.fromkeys(
    ("neato", "fdp", "sfdp", "twopi"), ("-Goverlap=prism", "-Gsep=+12", "-Gsplines=true")
)

#: Environment variable naming the ``dot`` program to run (otherwise ``dot`` on PATH).
DOT_ENV = "ARGMAP_DOT"

INSTALL_HINT = """\
Graphviz's `dot` program was not found on PATH; it is needed for SVG, PNG and PDF output
(DOT and Mermaid output work without it). Install Graphviz:
  Debian/Ubuntu:  sudo apt-get install graphviz
  Fedora:         sudo dnf install graphviz
  macOS:          brew install graphviz
  conda:          conda install -c conda-forge graphviz
  Windows:        winget install graphviz (or choco install graphviz), then add its
                  bin folder to PATH
or set ARGMAP_DOT to the full path of `dot`."""


def dot_path() -> str | None:
    """Where Graphviz's ``dot`` is: ``$ARGMAP_DOT`` if set, else ``dot`` on PATH."""
    configured = os.environ.get(DOT_ENV)
    if configured:
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    return shutil.which("dot")


def _not_found() -> str:
    """Why ``dot`` was not found: the configured path is wrong, or Graphviz is missing."""
    configured = os.environ.get(DOT_ENV)
    if not configured:
        return INSTALL_HINT
    resolved = Path(configured).expanduser().resolve()
    if not resolved.exists():
        problem = "does not exist"
    elif resolved.is_dir():
        problem = "is a folder, not the dot program"
    else:
        problem = "is not an executable program"
    shown = configured if str(resolved) == configured else f"{configured} ({resolved})"
    return (
        f"{DOT_ENV} is set to {shown}, which {problem}; set it to the full path of "
        "Graphviz's dot program, or unset it to use dot from PATH"
    )


def pipe(
    source: str, *, format: ImageFormat, engine: Engine = "dot", timeout: float | None = None
) -> bytes:
    """Lay out and draw DOT source with Graphviz; return the image file's bytes.

    Args:
        source: DOT source.
        format: ``"svg"``, ``"png"`` or ``"pdf"``.
        engine: the Graphviz layout engine (``dot`` draws hierarchies; the others
            spring models, circles and radial layouts).
        timeout: seconds after which Graphviz is stopped.

    A source whose graph asks for a ``page`` (see :mod:`argmap.diagrams.pages`) is laid
    out once and drawn on pages of exactly that size: a PDF gets as many pages as the
    drawing needs at full size, an image one page with the drawing shrunk to fit.

    Raises:
        GraphvizNotFoundError: ``dot`` is not installed.
        RenderError: Graphviz failed, timed out, or the format or engine is unknown.
    """
    if format not in IMAGE_FORMATS:
        raise RenderError(f"unknown image format {format!r}; use one of {', '.join(IMAGE_FORMATS)}")
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}; use one of {', '.join(ENGINES)}")
    page = requested_page(source)
    if page is not None:
        return _pipe_pages(source, page, format=format, engine=engine, timeout=timeout)
    return _run(source, [f"-K{engine}", f"-T{format}", *_SPREAD.get(engine, ())], timeout)


def layout(source: str, *, engine: Engine = "dot", timeout: float | None = None) -> str:
    """The diagram laid out by Graphviz, as DOT with positions and its bounding box ``bb``.

    Raises:
        GraphvizNotFoundError: ``dot`` is not installed.
        RenderError: Graphviz failed or timed out.
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}; use one of {', '.join(ENGINES)}")
    laid_out = _run(source, [f"-K{engine}", "-Tdot", *_SPREAD.get(engine, ())], timeout)
    return laid_out.decode("utf-8")


def _pipe_pages(
    source: str, page: Page, *, format: ImageFormat, engine: Engine, timeout: float | None
) -> bytes:
    """Draw the source on pages of an exact size: lay it out once, then draw each window."""
    laid_out = layout(source, engine=engine, timeout=timeout)
    paginate = format == "pdf"
    views = plan_pages(bounding_box(laid_out), page, paginate=paginate)
    # neato -n2 keeps the positions and edges of the layout it is given.
    settings = [f"-Gmargin={page.margin / POINTS:g}" if paginate else "-Gmargin=0"]
    if format != "png":
        # Graphviz scales vector output by dpi/72 too; a page is measured in points.
        settings.append("-Gdpi=72")
    drawn = [
        _run(laid_out, ["-Kneato", "-n2", f"-T{format}", *settings, f"-Gviewport={v.attribute()}"],
             timeout)
        for v in views
    ]  # fmt: skip
    if len(drawn) == 1:
        return drawn[0]
    return _join_pdf(drawn)


def _join_pdf(documents: list[bytes]) -> bytes:
    """One PDF of the pages of several, in order."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for document in documents:
        writer.append(PdfReader(io.BytesIO(document)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _run(source: str, arguments: list[str], timeout: float | None) -> bytes:
    """Run Graphviz with these arguments on the source; return what it wrote."""
    program = dot_path()
    if program is None:
        raise GraphvizNotFoundError(_not_found())
    command = [program, *arguments]
    try:
        completed = subprocess.run(
            command,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise GraphvizNotFoundError(_not_found()) from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {timeout:g} s and was stopped") from None
    except OSError as exc:
        if os.environ.get(DOT_ENV):
            raise GraphvizNotFoundError(_not_found()) from None
        raise RenderError(f"cannot run Graphviz ({program}): {exc.strerror}") from None
    message = completed.stderr.decode("utf-8", errors="replace").strip()
    if completed.returncode != 0:
        raise RenderError(
            f"Graphviz failed (exit {completed.returncode}): {message or 'no message'}"
        )
    if not completed.stdout:
        raise RenderError(f"Graphviz wrote nothing: {message or 'no message'}")
    return completed.stdout
