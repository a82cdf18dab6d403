"""The ``credit-disclosure`` command line (also ``python -m credit_disclosure``).

Thin over the library: each subcommand lives in ``credit_disclosure._cli`` and
calls public functions; no rule is decided here.

>>> main(["--version"])  # doctest: +ELLIPSIS
credit-disclosure ...
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ._version import __version__

__all__ = ["build_parser", "main"]

#: Subcommand modules under ``credit_disclosure._cli``, in the order ``--help`` lists them.
_COMMANDS: tuple[str, ...] = (
    "check",
    "deadline",
    "identify",
    "keys",
    "ledger",
    "mask",
    "policy",
    "quality",
    "schema",
    "status",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand.

    >>> build_parser().prog
    'credit-disclosure'
    """
    parser = argparse.ArgumentParser(
        prog="credit-disclosure",
        description=(
            "双公示 credit disclosure toolkit: check licence and penalty records against the "
            "national data standard, validate identifiers, compute working-day deadlines, "
            "disclosure terms and credit repair, mask and encrypt personal data."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"credit-disclosure {__version__}"
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in _COMMANDS:
        module = importlib.import_module(f"credit_disclosure._cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Exit codes: 0 success, 1 the input has errors (for ``check``), 2 bad usage.

    >>> main(["--help"])  # doctest: +ELLIPSIS
    usage: credit-disclosure ...
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        result: int = handler(args)
    except BrokenPipeError:  # e.g. `credit-disclosure check ... | head`
        return 0
    return result
