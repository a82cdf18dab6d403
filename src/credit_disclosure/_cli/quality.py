"""``credit-disclosure quality``: timeliness, completeness and accuracy scores of a file of records.

Thin over :func:`credit_disclosure.quality.score_file`: read the file row by
row, score every record, print the table grouped by agency, month or kind.
Exit codes: 0 the scores were computed, 2 they could not be (no such file,
unknown kind, bad option).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any

from .._i18n import UI_TEXTS, Lang, error_text, ui
from ..errors import CreditDisclosureError
from ..quality import GROUPINGS, score_file
from ..samples import sample_path
from ..standard import RecordKind
from ._args import add_lang_argument, date_arg, lang_of
from ._output import (
    add_excel_argument,
    add_output_argument,
    excel_bom,
    json_document,
    open_output,
    output_error,
    print_json,
)

__all__ = ["register", "run"]

_FORMATS = ("text", "csv", "json")


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``quality`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "quality",
        help=ui("help.quality", lang),
        description=ui("help.quality.about", lang),
    )
    parser.add_argument("file", nargs="?", help=ui("help.quality.file", lang))
    parser.add_argument(
        "--sample", action="store_true", help=ui("help.quality.sample", lang)
    )
    parser.add_argument(
        "--kind", choices=[k.value for k in RecordKind], help=ui("help.quality.kind", lang)
    )
    parser.add_argument(
        "--published-col",
        metavar="COLUMN",
        help=ui("help.quality.published_col", lang),
    )
    parser.add_argument(
        "--by",
        choices=GROUPINGS,
        action="append",
        help=ui("help.quality.by", lang),
    )
    parser.add_argument("--format", choices=_FORMATS, default="text", help=ui("help.quality.format", lang))
    add_output_argument(parser, lang, what="table")
    parser.add_argument(
        "--as-of",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help=ui("help.quality.as_of", lang),
    )
    add_lang_argument(parser, lang)
    add_excel_argument(parser, lang)
    parser.set_defaults(handler=run)


def _reason(code: str, lang: Lang) -> str:
    """Why timeliness is unknown: the code in English (as in the JSON), its name in Chinese."""
    return ui(f"reason.{code}", lang) if f"reason.{code}" in UI_TEXTS else code


def run(args: argparse.Namespace) -> int:
    """Score the file and print the table; return the exit code."""
    lang = lang_of(args)
    kind: RecordKind | None
    source: Path | str | IO[bytes]
    if args.sample:
        kind = RecordKind(args.kind or "penalty")
        source = sample_path(kind)
    elif args.file:
        kind = RecordKind(args.kind) if args.kind else None
        # "-" reads standard input, as every command that reads a file does
        source = sys.stdin.buffer if args.file == "-" else args.file
    else:
        print(f"credit-disclosure quality: {ui('cli.quality.need_file', lang)}", file=sys.stderr)
        return 2
    try:
        metrics = score_file(source, kind=kind, published_col=args.published_col, as_of=args.as_of)
    except (OSError, ValueError, KeyError, CreditDisclosureError) as exc:
        print(f"credit-disclosure quality: {error_text(exc, lang)}", file=sys.stderr)
        return 2
    table = metrics.table(tuple(args.by or ("agency",)))
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"  # CSV: Excel reads it
    try:
        excel = args.format == "csv" and excel_bom(args)
        with open_output(args.output, encoding=encoding, excel=excel) as fp:
            if args.format == "csv":
                table.to_csv(fp)
            elif args.format == "json":
                as_of = args.as_of or date.today()
                print_json({**json_document(as_of=as_of), **json.loads(table.to_json())}, file=fp)
            else:
                print(table.to_text(lang), file=fp)
                reasons = ui("list.sep", lang).join(
                    f"{_reason(reason, lang)} {count}"
                    for reason, count in table.total.unknown_reasons
                )
                if reasons:
                    print(ui("cli.quality.unknown", lang, reasons=reasons), file=fp)
    except OSError as exc:
        if args.output is None or args.output == "-":
            raise  # standard output: the entry point handles a closed pipe
        return output_error("quality", args.output, exc, sys.stderr, lang)
    return 0
