"""Where a subcommand's output goes: standard output, or a file written atomically.

Every subcommand that can write a file takes ``-o``/``--output`` through
:func:`add_output_argument` and opens it with :func:`open_output`, which writes through
:func:`credit_disclosure.io.atomic_output`: the file appears complete or not at all
(an error or Ctrl-C leaves an existing file as it was and no temporary file behind).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Any

from .._atomic import atomic_output

__all__ = ["add_output_argument", "open_output", "output_error"]


def add_output_argument(parser: Any, *, what: str = "the output") -> None:
    """Add ``-o``/``--output FILE`` (``-`` or absent: standard output) to ``parser``."""
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help=f"write {what} to FILE (written whole or not at all; default or '-': stdout)",
    )


@contextlib.contextmanager
def open_output(
    path: str | None, *, stdout: IO[str] | None = None, encoding: str = "utf-8"
) -> Iterator[IO[str]]:
    """Yield the text stream to write to: ``stdout`` for ``None`` or ``-``, else an atomic file.

    The file is written with ``encoding`` (``utf-8-sig`` for CSV that Excel opens).

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "report.txt"
    >>> with open_output(str(target)) as fp:
    ...     _ = fp.write("ok\\n")
    >>> target.read_text()
    'ok\\n'
    """
    if path is None or path == "-":
        yield stdout or sys.stdout
        return
    with atomic_output(path, encoding=encoding) as fp:
        yield fp


def output_error(command: str, path: str | None, exc: OSError, err: IO[str]) -> int:
    """Report an output file that could not be written; return exit code 2."""
    reason = exc.strerror or type(exc).__name__
    err.write(f"credit-disclosure {command}: cannot write {path}: {reason}\n")
    return 2

