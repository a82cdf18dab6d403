"""``credit-disclosure schema``: print a schema of the data standard or the issue catalogue.

Thin over :mod:`credit_disclosure.schema`: JSON Schema (2020-12), Frictionless
Table Schema (with ``--kind``) or Data Package (without), and the catalogue of
issue codes. Exit codes: 0 printed, 2 bad usage or an output file that cannot
be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .._i18n import Lang, os_reason, ui
from ..schema import JSON_SCHEMA_DIALECT, data_package, issue_catalogue, json_schema, table_schema
from ..standard import RecordKind, StandardVersion
from ._args import add_lang_argument, lang_of
from ._output import open_output

__all__ = ["register", "run"]

_FORMATS = ("jsonschema", "tableschema", "issues")


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``schema`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "schema",
        help=ui("help.schema", lang),
        description=ui("help.schema.about", lang),
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in RecordKind],
        help=ui("help.schema.kind", lang),
    )
    parser.add_argument(
        "--standard",
        choices=[v.value for v in StandardVersion],
        default=StandardVersion.V2018.value,
        help=ui("help.check.standard", lang),
    )
    parser.add_argument("--format", choices=_FORMATS, default="jsonschema", help=ui("help.schema.format", lang))
    parser.add_argument(
        "--headers",
        choices=("code", "name_zh"),
        default="code",
        help=ui("help.schema.headers", lang),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=ui("help.schema.output", lang))
    add_lang_argument(parser, lang)  # the documents are data (both languages); this is for messages
    parser.set_defaults(handler=run)


def _document(args: argparse.Namespace) -> dict[str, Any]:
    version = StandardVersion(args.standard)
    if args.format == "issues":
        return issue_catalogue()
    if args.format == "tableschema":
        if args.kind is None:
            return data_package(version, headers=args.headers)
        return table_schema(args.kind, version, headers=args.headers)
    if args.kind is not None:
        return json_schema(args.kind, version)
    defs = {k.value: json_schema(k, version) for k in RecordKind}
    for schema in defs.values():
        del schema["$schema"]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:credit-disclosure:schema:{version.value}",
        "title": f"双公示 record ({version.value}): a licence or a penalty",
        "oneOf": [{"$ref": f"#/$defs/{k}"} for k in defs],
        "$defs": defs,
    }


def run(args: argparse.Namespace) -> int:
    """Print (or write) the requested document; return the exit code."""
    text = json.dumps(_document(args), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            with open_output(args.output) as fp:  # written whole or not at all
                fp.write(text)
        except OSError as exc:
            message = ui("cli.cannot_write", lang_of(args), path=args.output, reason=os_reason(exc, lang_of(args)))
            print(f"credit-disclosure schema: {message}", file=sys.stderr)
            return 2
        return 0
    sys.stdout.write(text)
    return 0
