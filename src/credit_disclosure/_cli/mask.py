"""``credit-disclosure mask``: mask values of one kind, or the records of a CSV or JSON-lines file.

Thin over :mod:`credit_disclosure.privacy`. With ``--kind``, each VALUE is
masked with that kind's rule in the profile and printed on its own line. With
``--input``, each record (CSV with field-code headers, or JSON lines keyed by
field code) is masked by the profile and written to standard output in the
same format. Exit codes: 0 success, 1 unreadable input, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from ..privacy import PROFILES, ValueKind, get_profile

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``mask`` subcommand."""
    parser = subparsers.add_parser(
        "mask",
        help="mask values of one kind, or whole records, with a masking profile",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument("values", nargs="*", metavar="VALUE", help="values to mask (with --kind)")
    parser.add_argument("--kind", "-k", choices=[k.value for k in ValueKind])
    parser.add_argument("--profile", "-p", choices=sorted(PROFILES), default="public")
    parser.add_argument("--input", "-i", type=Path, help="a .csv or .jsonl file of records")
    parser.add_argument(
        "--encoding", default="utf-8-sig", help="encoding of a CSV input (default utf-8-sig)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Mask the values or the records of the input file."""
    profile = get_profile(args.profile)
    if args.input is not None and (args.kind is not None or args.values):
        print(
            "credit-disclosure mask: --input masks whole records by field code;"
            " --kind and VALUEs are for single values: give one or the other",
            file=sys.stderr,
        )
        return 2
    if args.input is None:
        if args.kind is None or not args.values:
            print(
                "credit-disclosure mask: give --kind and VALUEs, or --input FILE", file=sys.stderr
            )
            return 2
        kind = ValueKind(args.kind)
        for value in args.values:
            print(profile.mask_value(value, kind))
        return 0
    where: Any = None  # what to blame a parse error on: a csv reader, or a line number
    try:
        if args.input.suffix.lower() == ".csv":
            with args.input.open(encoding=args.encoding, newline="") as fh:
                where = reader = csv.DictReader(fh)
                writer = csv.DictWriter(sys.stdout, fieldnames=reader.fieldnames or [])
                writer.writeheader()
                for row in reader:
                    writer.writerow(profile.mask_record(row))
        else:
            with args.input.open(encoding="utf-8") as fh:
                for where, text in enumerate(fh, start=1):
                    if text.strip():
                        record = json.loads(text)
                        if not isinstance(record, dict):
                            return _fail(args.input, where, "not a JSON object")
                        print(json.dumps(profile.mask_record(record), ensure_ascii=False))
    except OSError as exc:
        return _fail(args.input, None, exc.strerror or type(exc).__name__)
    except UnicodeDecodeError:  # its message would quote the bytes: name the encoding only
        encoding = args.encoding if args.input.suffix.lower() == ".csv" else "utf-8"
        return _fail(args.input, None, f"not {encoding} text (use --encoding)")
    except (ValueError, csv.Error) as exc:
        line = where.line_num if isinstance(where, csv.DictReader) else where
        return _fail(args.input, line, type(exc).__name__)
    return 0


def _fail(path: Path, line: int | None, reason: str) -> int:
    where = f"{path}" if not line else f"{path}, line {line}"
    print(f"credit-disclosure mask: cannot read {where}: {reason}", file=sys.stderr)
    return 1
