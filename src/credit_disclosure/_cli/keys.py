"""``credit-disclosure keys``: generate and manage a keyset file for field encryption.

Thin over :class:`credit_disclosure.privacy.Keyset`. Key material is written
only to the keyset file (mode 0600) or, for ``generate`` without ``--out``, to
standard output; every other subcommand prints metadata only (ids, algorithms,
primary, status, dates). Exit codes: 0 success, 1 the keyset file is invalid or
the step is refused, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._i18n import Lang, error_text, ljust, ui
from ..errors import CreditDisclosureError
from ..privacy import Algorithm, Key, Keyset
from ._args import add_lang_argument, lang_of
from ._output import json_document, print_json

__all__ = ["register", "run_add", "run_generate", "run_promote", "run_retire", "run_show"]

_ALGORITHMS = [a.value for a in Algorithm]


def _iso_datetime(text: str) -> datetime:
    """An ISO 8601 date-time from the command line (UTC when it gives no offset)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(ui("usage.not_datetime", "en", value=repr(text))) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _moment(moment: datetime | None) -> datetime:
    if moment is None:  # the command line is the edge: here the clock may be read
        return datetime.now(timezone.utc).replace(microsecond=0)
    return moment


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``keys`` subcommand and its steps."""
    parser = subparsers.add_parser(
        "keys",
        help=ui("help.keys", lang),
        description=ui("help.keys.about", lang),
    )
    add_lang_argument(parser, lang)
    steps = parser.add_subparsers(title=ui("help.keys.steps", lang), metavar="STEP")
    now = {
        "metavar": "ISO-DATETIME",
        "type": _iso_datetime,
        "help": ui("help.keys.now", lang),
    }

    gen = steps.add_parser("generate", help=ui("help.keys.generate", lang))
    gen.add_argument(
        "--algorithm", "-a", action="append", choices=_ALGORITHMS, help=ui("help.keys.algorithm", lang)
    )
    gen.add_argument("--out", "-o", type=Path, help=ui("help.keys.out", lang))
    gen.add_argument("--force", action="store_true", help=ui("help.keys.force", lang))
    gen.add_argument("--now", **now)
    gen.add_argument("--format", choices=("text", "json"), default="text", help=ui("help.keys.format", lang))
    add_lang_argument(gen, lang)
    gen.set_defaults(handler=run_generate)

    add = steps.add_parser("add", help=ui("help.keys.add", lang))
    add.add_argument("keyset", type=Path, help=ui("help.keys.keyset", lang))
    add.add_argument(
        "--algorithm", "-a", required=True, choices=_ALGORITHMS, help=ui("help.keys.add_algorithm", lang)
    )
    add.add_argument("--primary", action="store_true", help=ui("help.keys.primary", lang))
    add.add_argument("--now", **now)
    add.add_argument("--format", choices=("text", "json"), default="text", help=ui("help.keys.format", lang))
    add_lang_argument(add, lang)
    add.set_defaults(handler=run_add)

    promote = steps.add_parser("promote", help=ui("help.keys.promote", lang))
    promote.add_argument("keyset", type=Path, help=ui("help.keys.keyset", lang))
    promote.add_argument("key_id", type=int, help=ui("help.keys.key_id", lang))
    promote.add_argument("--format", choices=("text", "json"), default="text", help=ui("help.keys.format", lang))
    add_lang_argument(promote, lang)
    promote.set_defaults(handler=run_promote)

    retire = steps.add_parser("retire", help=ui("help.keys.retire", lang))
    retire.add_argument("keyset", type=Path, help=ui("help.keys.keyset", lang))
    retire.add_argument("key_id", type=int, help=ui("help.keys.key_id", lang))
    retire.add_argument("--now", **now)
    retire.add_argument("--format", choices=("text", "json"), default="text", help=ui("help.keys.format", lang))
    add_lang_argument(retire, lang)
    retire.set_defaults(handler=run_retire)

    show = steps.add_parser("show", help=ui("help.keys.show", lang))
    show.add_argument("keyset", type=Path, help=ui("help.keys.keyset", lang))
    show.add_argument("--format", choices=("text", "json"), default="text", help=ui("help.keys.format", lang))
    show.add_argument(
        "--json", action="store_true", help=ui("help.keys.json", lang)
    )
    add_lang_argument(show, lang)
    show.set_defaults(handler=run_show)

    def no_step(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    parser.set_defaults(handler=no_step)


def _fail(message: str) -> int:
    print(f"credit-disclosure keys: {message}", file=sys.stderr)
    return 2  # unusable input (docs/errors.md, "Exit codes")


def _load(path: Path, lang: Lang) -> Keyset | None:
    try:
        return Keyset.load(path)
    except OSError as exc:
        _fail(ui("cli.cannot_read", lang, path=path, reason=exc.strerror))
    except CreditDisclosureError as exc:
        if getattr(exc, "code", None) == "keyset.wrapped":
            _fail(ui("cli.keys.wrapped", lang, path=path))
        else:
            _fail(f"{path}: {error_text(exc, lang)}")
    return None


def _print_table(keyset: Keyset, lang: Lang) -> None:
    widths = (11, 12, 8, 8, 26)
    names = ("id", "algorithm", "primary", "status", "created", "retired")
    head = [ui(f"cli.keys.{n}", lang) for n in names]
    print(" ".join(ljust(h, w) for h, w in zip(head, widths)) + " " + head[-1])
    for d in keyset.describe():
        primary = ui("value.yes" if d["primary"] else "value.no", lang)
        status = ui(f"cli.keys.status.{d['status']}", lang) if lang == "zh" else d["status"]
        cells = (d["id"], d["algorithm"], primary, status, d["created_at"])
        print(" ".join(ljust(str(c), w) for c, w in zip(cells, widths)) + f" {d['retired_at'] or '-'}")


def run_generate(args: argparse.Namespace) -> int:
    """Generate a keyset; write it to ``--out`` (mode 0600) or to stdout."""
    algorithms = [Algorithm(a) for a in (args.algorithm or ["AES256_GCM"])]
    keyset = Keyset.generate(*algorithms, now=_moment(args.now))
    if args.out is None:
        print(keyset.to_json())
        return 0
    if args.out.exists() and not args.force:
        return _fail(ui("cli.keys.exists", lang_of(args), path=args.out))
    return _save(args.out, keyset, args)


def _print_keys(path: Path, keyset: Keyset, args: argparse.Namespace) -> None:
    """The keys' metadata (never material): a table, or the JSON envelope."""
    if args.format == "json":
        print_json(json_document(keyset=str(path), keys=keyset.describe()))
    else:
        _print_table(keyset, lang_of(args))


def _save(path: Path, keyset: Keyset, args: argparse.Namespace) -> int:
    try:
        keyset.save(path)
    except OSError as exc:
        return _fail(ui("cli.cannot_write", lang_of(args), path=path, reason=exc.strerror))
    _print_keys(path, keyset, args)
    return 0


def _change(path: Path, step: Callable[[Keyset], Keyset], args: argparse.Namespace) -> int:
    """Load the keyset at ``path``, apply ``step``, save it; exit 2 if any of that fails."""
    keyset = _load(path, lang_of(args))
    if keyset is None:
        return 2
    try:
        changed = step(keyset)
    except CreditDisclosureError as exc:
        return _fail(error_text(exc, lang_of(args)))
    return _save(path, changed, args)


def run_add(args: argparse.Namespace) -> int:
    """Add a fresh key (optionally primary) and save the keyset."""
    key = Key.generate(Algorithm(args.algorithm), now=_moment(args.now))
    return _change(args.keyset, lambda keyset: keyset.add(key, primary=args.primary), args)


def run_promote(args: argparse.Namespace) -> int:
    """Make a key the primary of its purpose and save the keyset."""
    return _change(args.keyset, lambda keyset: keyset.promote(args.key_id), args)


def run_retire(args: argparse.Namespace) -> int:
    """Retire a key (its material is deleted) and save the keyset."""
    now = _moment(args.now)
    return _change(args.keyset, lambda keyset: keyset.retire(args.key_id, now=now), args)


def run_show(args: argparse.Namespace) -> int:
    """Print the keys' metadata."""
    keyset = _load(args.keyset, lang_of(args))
    if keyset is None:
        return 2
    if args.json:
        print(json.dumps(keyset.describe(), ensure_ascii=False, indent=2))
    else:
        _print_keys(args.keyset, keyset, args)
    return 0
