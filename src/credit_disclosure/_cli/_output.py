"""Where a subcommand's output goes: standard output, or a file written atomically.

Every subcommand that can write a file takes ``-o``/``--output`` through
:func:`add_output_argument` and opens it with :func:`open_output`, which writes through
:func:`credit_disclosure.io.atomic_output`: the file appears complete or not at all
(an error or Ctrl-C leaves an existing file as it was and no temporary file behind).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import IO, Any

import attrs

from .._atomic import atomic_output
from .._i18n import Lang, os_reason, ui
from .._version import __version__

__all__ = [
    "add_excel_argument",
    "add_output_argument",
    "add_text_json_argument",
    "answer_body",
    "excel_bom",
    "json_document",
    "open_output",
    "output_error",
    "print_json",
]

#: Marks a head member that does not apply to a subcommand (left out of its JSON).
_ABSENT: Any = object()


def json_document(
    *, standard: object = _ABSENT, as_of: object = _ABSENT, **body: object
) -> dict[str, Any]:
    """The one envelope of every ``--format json`` object: tool and version first.

    ``standard`` (the data standard's version) and ``as_of`` (the date judged by) are
    members only where the subcommand has them; ``None`` says "applies, but not given".
    A date is written ``YYYY-MM-DD``.
    The body's members follow.

    >>> doc = json_document(as_of=date(2026, 9, 28), year=2026)
    >>> list(doc), doc["tool"], doc["as_of"]
    (['tool', 'tool_version', 'as_of', 'year'], 'credit-disclosure', '2026-09-28')
    """
    head: dict[str, Any] = {"tool": "credit-disclosure", "tool_version": __version__}
    if standard is not _ABSENT:
        head["standard"] = standard.value if isinstance(standard, Enum) else standard
    if as_of is not _ABSENT:
        head["as_of"] = as_of.isoformat() if isinstance(as_of, date) else as_of
    return {**head, **body}


def answer_body(answer: Any) -> dict[str, Any]:
    """A service answer (``_wire_models``) as a member of a JSON report: its members without
    ``tool_version``, which the report's head says once.

    >>> from credit_disclosure._wire_models import MaskAnswer
    >>> answer_body(MaskAnswer(profile="public", record={}, tool_version="1.0"))
    {'profile': 'public', 'record': {}}
    """
    body: dict[str, Any] = attrs.asdict(answer, filter=lambda field, _: field.name != "tool_version")
    return body


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"not JSON: {type(value).__name__}")


def print_json(document: dict[str, Any], *, file: IO[str] | None = None, indent: int | None = 2) -> None:
    """Write ``document`` as JSON (dates as ``YYYY-MM-DD``, Chinese as is) and a new line.

    >>> print_json(json_document(as_of=date(2026, 9, 28)), indent=None)  # doctest: +ELLIPSIS
    {"tool": "credit-disclosure", "tool_version": "...", "as_of": "2026-09-28"}
    """
    out = file or sys.stdout
    out.write(json.dumps(document, ensure_ascii=False, indent=indent, default=_json_default))
    out.write("\n")


def add_excel_argument(parser: Any, lang: Lang) -> None:
    """Add ``--excel``/``--no-excel``: a UTF-8 BOM on CSV written to standard output."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--excel",
        dest="excel",
        action="store_true",
        default=None,
        help=ui("help.output.excel", lang),
    )
    group.add_argument(
        "--no-excel",
        dest="excel",
        action="store_false",
        help=ui("help.output.no_excel", lang),
    )


def excel_bom(args: Any) -> bool:
    """Whether CSV on standard output gets a BOM: ``--excel``/``--no-excel``, else an explicit
    ``--lang zh`` (the clerk's setting; a Chinese locale alone does not add one to a pipe).

    >>> import argparse
    >>> excel_bom(argparse.Namespace(excel=None, lang="zh")), excel_bom(argparse.Namespace(excel=None, lang=None))
    (True, False)
    >>> excel_bom(argparse.Namespace(excel=False, lang="zh"))
    False
    """
    chosen = getattr(args, "excel", None)
    if chosen is not None:
        return bool(chosen)
    return getattr(args, "lang", None) == "zh"


def add_text_json_argument(parser: Any, lang: Lang, *, dest: str = "format") -> None:
    """Add ``--format text|json`` (text by default) to ``parser``, its help in ``lang``."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", dest=dest,
        help=ui("help.format.text_json", lang),
    )


def add_output_argument(parser: Any, lang: Lang, *, what: str = "output") -> None:
    """Add ``-o``/``--output FILE`` (``-`` or absent: standard output) to ``parser``; ``what``
    names the written thing (``help.what.<what>`` of the catalogue)."""
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help=ui("help.output", lang, what=ui(f"help.what.{what}", lang)),
    )


@contextlib.contextmanager
def open_output(
    path: str | None,
    *,
    stdout: IO[str] | None = None,
    encoding: str = "utf-8",
    excel: bool = False,
) -> Iterator[IO[str]]:
    """Yield the text stream to write to: ``stdout`` for ``None`` or ``-``, else an atomic file.

    The file is written with ``encoding`` (``utf-8-sig`` for CSV that Excel opens); with
    ``excel`` (``--excel``, :func:`excel_bom`) standard output starts with the same BOM.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "report.txt"
    >>> with open_output(str(target)) as fp:
    ...     _ = fp.write("ok\\n")
    >>> target.read_text()
    'ok\\n'
    """
    if path is None or path == "-":
        stream = stdout or sys.stdout
        if excel:
            stream.write("\ufeff")  # Excel and WPS then read the Chinese as UTF-8
        yield stream
        return
    with atomic_output(path, encoding=encoding) as fp:
        yield fp


def output_error(
    command: str, path: str | None, exc: OSError, err: IO[str], lang: Lang = "en"
) -> int:
    """Report an output file that could not be written (in ``lang``); return exit code 2."""
    message = ui("cli.cannot_write", lang, path=path, reason=os_reason(exc, lang))
    err.write(f"credit-disclosure {command}: {message}\n")
    return 2

