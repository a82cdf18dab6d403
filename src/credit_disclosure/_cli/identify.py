"""credit-disclosure identify (alias id): what kind of identifier a value is, and why not.

Thin over :mod:`credit_disclosure.identifiers`: for each value, the kinds it is
valid as (as :func:`~credit_disclosure.identifiers.detect` says) and their parsed
parts, or, when it is valid as nothing, the precise error of each kind it
could have been (code, position, Chinese and English message). Exit codes:
0 every value is valid, 1 at least one is not, 2 bad usage.
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
from datetime import date
from typing import Any

import attrs

from .._i18n import UI_TEXTS, Lang, ui
from .._text import compact_identifier, redact
from ..errors import ValidationError
from ..identifiers import KINDS, REGISTRY, IdentifierKind, candidates
from ._args import add_lang_argument, date_arg, lang_of
from ._output import json_document, print_json

__all__ = ["register", "run"]


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``identify`` subcommand (alias ``id``)."""
    parser = subparsers.add_parser(
        "identify",
        aliases=["id"],
        help=ui("help.identify", lang),
        description=ui("help.identify.about", lang),
    )
    parser.add_argument(
        "values", nargs="+", metavar="VALUE", help=ui("help.identify.values", lang)
    )
    parser.add_argument(
        "--kind", choices=KINDS, help=ui("help.identify.kind", lang)
    )
    parser.add_argument(
        "--as-of",
        type=date_arg,
        default=None,
        metavar="YYYY-MM-DD",
        help=ui("help.identify.as_of", lang),
    )
    parser.add_argument(
        "--strict", action="store_true", help=ui("help.identify.strict", lang)
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=ui("help.identify.format", lang),
    )
    parser.add_argument(
        "--json", action="store_true", help=ui("help.identify.json", lang)
    )
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


#: Parts of a person's number not shown: with the division and birth date they rebuild it.
_PERSONAL_PARTS = frozenset({"sequence", "check", "compact", "value", "number"})


def _options(kind: IdentifierKind, args: argparse.Namespace) -> dict[str, Any]:
    if kind.strict:
        return {"strict": args.strict}
    if kind.dated:
        return {"as_of": args.as_of}
    return {}


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def examine(value: str, args: argparse.Namespace) -> dict[str, Any]:
    """The report on one value: kinds, parts per kind, errors per plausible kind."""
    kinds = (args.kind,) if args.kind else KINDS
    # No identity number in any output (docs/errors.md): the value is shown redacted, and a
    # person's number loses the parts that, with division and birth date, would rebuild it.
    report: dict[str, Any] = {"value": redact(value), "kinds": [], "parts": {}, "errors": []}
    # Errors are shown for the kinds the value's shape fits (all kinds if it fits none).
    plausible = [k for k in kinds if k in candidates(compact_identifier(value))] or list(kinds)
    for kind in kinds:
        entry = REGISTRY[kind]
        try:
            info: Any = entry.module.parse(value, **_options(entry, args))
        except ValidationError as err:
            if kind in plausible:
                report["errors"].append(
                    {
                        "kind": kind,
                        "code": err.code,
                        "position": err.position,
                        "message_en": err.message_en,
                        "message_zh": err.message_zh,
                    }
                )
            continue
        report["kinds"].append(kind)
        parts = attrs.asdict(info, value_serializer=lambda _i, _a, v: _plain(v))
        if entry.personal:
            parts = {k: v for k, v in parts.items() if k not in _PERSONAL_PARTS}
        report["parts"][kind] = parts
    if report["kinds"]:
        report["errors"] = []
    return report


def _part(name: str, value: object, lang: Lang) -> str | None:
    """A parsed part as a line; ``None`` for an English-only part in Chinese output."""
    if lang == "en":
        return f"{name}: {value}"
    if name.endswith("_en"):
        return None  # the English name of a part whose Chinese name is shown too
    label = ui(f"part.{name}", lang) if f"part.{name}" in UI_TEXTS else name
    if isinstance(value, bool):
        value = ui(f"value.{str(value).lower()}", lang)
    elif isinstance(value, str) and f"gender.{value}" in UI_TEXTS:
        value = ui(f"gender.{value}", lang)
    return f"{label}：{value}"


def _print_text(report: dict[str, Any], lang: Lang = "en") -> None:
    print(report["value"])
    if report["kinds"]:
        for kind in report["kinds"]:
            print("  " + ui("cli.identify.valid_as", lang, kind=kind, kind_zh=REGISTRY[kind].name_zh))
            for name, part in report["parts"][kind].items():
                line = _part(name, part, lang)
                if line is not None:
                    print(f"    {line}")
        return
    print("  " + ui("cli.identify.invalid", lang))
    for err in report["errors"]:
        where = "" if err["position"] is None else ui("cli.identify.at", lang, position=err["position"])
        if lang == "zh":
            message = err["message_zh"]
        else:
            message = f"{err['message_en']} ({err['message_zh']})"
        kind = err["kind"]
        line = ui(
            "cli.identify.error", lang, kind=kind, kind_zh=REGISTRY[kind].name_zh, code=err["code"],
            where=where, message=message,
        )
        print(f"  {line}")


def run(args: argparse.Namespace) -> int:
    """Examine every value; exit 0 if all are valid, 1 if any is not."""
    values = args.values
    if values == ["-"]:  # one value a line from standard input
        values = [line.strip() for line in sys.stdin if line.strip()]
    reports = [examine(value, args) for value in values]
    if args.format == "json":
        print_json(json_document(as_of=args.as_of or date.today(), values=reports))
    elif args.json:
        json.dump(reports, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for report in reports:
            _print_text(report, lang_of(args))
    return 0 if all(r["kinds"] for r in reports) else 1
