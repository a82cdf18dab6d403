"""``credit-disclosure check``: check a file of licence or penalty records against the standard.

Thin over :func:`credit_disclosure.io.check_file`: parse the options, draw a
progress bar, print the report. Exit codes: 0 no record has an error (warnings
allowed), 1 at least one record (or the file itself) has an error, 2 the
check could not run (no such file, unknown kind, bad option).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import IO, Any

from .._atomic import atomic_output
from .._i18n import Lang, default_lang, error_text, os_reason, ui
from ..errors import CreditDisclosureError
from ..io import Report, check_file, write_annotated_xlsx
from ..quality import html_report, score_file
from ..samples import sample_path
from ..standard import RecordKind, StandardVersion, ValidationOptions
from ._args import add_lang_argument, date_arg, lang_of
from ._output import (
    add_excel_argument,
    add_output_argument,
    excel_bom,
    json_document,
    open_output,
    output_error,
)

__all__ = ["load_options", "register", "run"]

_FORMATS = ("text", "json", "csv", "xlsx", "html")


class ProgressBar:
    """A one-line progress bar on a terminal stream, shown only when a check takes a while.

    Nothing is drawn before ``delay`` seconds have passed, so small files never
    show one; :meth:`finish` erases the line.
    """

    def __init__(
        self, stream: IO[str], *, delay: float = 0.5, width: int = 28, lang: Lang = "en"
    ) -> None:
        self.stream = stream
        self.lang = lang
        self.delay = delay
        self.width = width
        self.start = time.monotonic()
        self.drawn = False

    def __call__(self, fraction: float | None, rows: int) -> None:
        elapsed = time.monotonic() - self.start
        if elapsed < self.delay:
            return
        rate = rows / elapsed if elapsed > 0 else 0.0
        counted = ui("cli.progress.rows", self.lang, rows=f"{rows:,}")
        if fraction is None:
            bar = counted
        else:
            filled = int(self.width * fraction)
            bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {fraction:4.0%}  {counted}"
        speed = ui("cli.progress.rate", self.lang, rate=f"{rate / 1000:.1f}")
        self.stream.write(f"\r{ui('cli.progress.checking', self.lang, bar=bar)}  {speed} ")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Erase the bar (if one was drawn)."""
        if self.drawn:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


def _row_number(text: str) -> int:
    """A spreadsheet row number (1 or more) on the command line."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(ui("usage.not_row", "en", value=repr(text)))
    return number


def load_options(path: str) -> ValidationOptions:
    """Read :class:`ValidationOptions` from a JSON or TOML settings file (by its suffix).

    The library's :meth:`ValidationOptions.from_file` (the one data-file loader): its
    coded errors name the file and what is wrong with it; a file that cannot be opened
    is an :class:`OSError`.
    """
    return ValidationOptions.from_file(path)


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``check`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "check",
        help=ui("help.check", lang),
        description=ui("help.check.about", lang),
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help=ui("help.check.file", lang)
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help=ui("help.check.sample", lang),
    )
    parser.add_argument(
        "--standard",
        choices=[v.value for v in StandardVersion],
        default="2018",
        help=ui("help.check.standard", lang),
    )
    parser.add_argument(
        "--kind",
        choices=["auto", *(k.value for k in RecordKind)],
        default="auto",
        help=ui("help.check.kind", lang),
    )
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        dest="output_format",
        help=ui("help.check.format", lang),
    )
    add_output_argument(parser, lang, what="report")
    parser.add_argument(
        "--as-of",
        type=date_arg,
        default=None,
        metavar="DATE",
        help=ui("help.check.as_of", lang),
    )
    add_lang_argument(parser, lang, both=True)
    add_excel_argument(parser, lang)
    parser.add_argument(
        "--options",
        default=None,
        metavar="FILE",
        help=ui("help.check.options", lang),
    )
    parser.add_argument("--encoding", default=None, help=ui("help.check.encoding", lang))
    parser.add_argument("--sheet", default=None, help=ui("help.check.sheet", lang))
    parser.add_argument(
        "--header-row",
        type=_row_number,
        default=None,
        metavar="N",
        help=ui("help.check.header_row", lang),
    )
    parser.add_argument(
        "--max-issues",
        type=int,
        default=None,
        metavar="N",
        help=ui("help.check.max_issues", lang),
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help=ui("help.check.progress", lang),
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help=ui("help.check.no_progress", lang)
    )
    parser.set_defaults(handler=run)


def run(
    args: argparse.Namespace,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
) -> int:
    """Run ``check`` with parsed ``args``; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    said = lang_of(args)  # the language of the messages ("both" writes English ones)
    kind = None if args.kind == "auto" else RecordKind(args.kind)
    source: str | Path | IO[bytes]
    if args.sample:
        if args.file:
            err.write(f"credit-disclosure check: {ui('cli.check.file_or_sample', said)}\n")
            return 2
        source = sample_path(kind or RecordKind.PENALTY)
    elif args.file == "-":
        source = stdin or sys.stdin.buffer
    elif args.file:
        source = args.file
    else:
        err.write(f"credit-disclosure check: {ui('cli.check.need_file', said)}\n")
        return 2
    if args.output_format == "xlsx" and (
        args.output in (None, "-") or not isinstance(source, (str, Path))
    ):
        err.write(f"credit-disclosure check: {ui('cli.check.xlsx_needs', said)}\n")
        return 2
    options = None
    if args.options is not None:
        try:
            options = load_options(args.options)
        except CreditDisclosureError as exc:
            err.write(f"credit-disclosure check: {error_text(exc, said)}\n")
            return 2
        except OSError as exc:
            reason = os_reason(exc, said)
            err.write(f"credit-disclosure check: --options {args.options}: {reason}\n")
            return 2
    show = args.progress if args.progress is not None else err.isatty()
    bar = ProgressBar(err, delay=0.0 if args.progress else 0.5, lang=said) if show else None
    try:
        report = check_file(
            source,
            kind=kind,
            version=StandardVersion(args.standard),
            as_of=args.as_of,
            options=options,
            encoding=args.encoding,
            sheet=args.sheet,
            header_row=args.header_row,
            progress=bar,
        )
    except (OSError, CreditDisclosureError, LookupError, ValueError) as exc:
        if bar is not None:
            bar.finish()
        err.write(f"credit-disclosure check: {error_text(exc, said)}\n")
        return 2
    if bar is not None:
        bar.finish()
    if args.sample:
        name = sample_path(report.kind or RecordKind.PENALTY).name
        report.source = ui("cli.bundled_sample", said, name=name)
    lang = getattr(args, "lang", None) or default_lang()
    if args.output_format == "xlsx":
        try:
            with report, atomic_output(args.output, binary=True) as bfp:
                write_annotated_xlsx(report, source, bfp, lang=lang, sheet=args.sheet)
        except OSError as exc:
            return output_error("check", args.output, exc, err, said)
        return 0 if report.ok else 1
    if args.output_format == "html":
        return _write_html(report, source, args, options, lang, out, err)
    csv = args.output_format == "csv"
    encoding = "utf-8-sig" if csv else "utf-8"  # CSV: Excel reads it
    excel = csv and excel_bom(args)
    try:
        with report, open_output(args.output, stdout=out, encoding=encoding, excel=excel) as fp:
            if args.output_format == "json":
                report.to_json(fp, head=json_document(as_of=args.as_of or date.today()))
            elif args.output_format == "csv":
                report.to_csv(fp)
            else:
                report.write_text(fp, lang=lang, max_issues=args.max_issues)
    except OSError as exc:
        if args.output is None or args.output == "-":
            raise  # standard output: the entry point handles a closed pipe
        return output_error("check", args.output, exc, err, said)
    return 0 if report.ok else 1


def _write_html(
    report: Report,
    source: str | Path | IO[bytes],
    args: argparse.Namespace,
    options: ValidationOptions | None,
    lang: str,
    out: IO[str],
    err: IO[str],
) -> int:
    """``--format html``: the standalone page, with the file's quality scores when it can be read again."""
    metrics = None
    if isinstance(source, (str, Path)):
        try:
            metrics = score_file(
                source,
                kind=report.kind,
                version=report.version,
                as_of=args.as_of,
                options=options,
                encoding=args.encoding,
                sheet=args.sheet,
                header_row=report.header_line or None,
            )
        except (OSError, CreditDisclosureError, LookupError, ValueError):
            metrics = None  # the charts of the scores are left out; the check itself stands
    limit = {} if args.max_issues is None else {"max_issues": args.max_issues}
    try:
        with report:
            page = html_report(report, metrics=metrics, lang=lang, **limit)
        with open_output(args.output, stdout=out, encoding="utf-8") as fp:
            fp.write(page)
    except OSError as exc:
        if args.output is None or args.output == "-":
            raise  # standard output: the entry point handles a closed pipe
        return output_error("check", args.output, exc, err, lang_of(args))
    return 0 if report.ok else 1
