"""``credit-disclosure serve``: run the HTTP service (the ``service`` extra: Litestar, uvicorn).

Thin over :func:`credit_disclosure.service.serve`. Limits come from the options,
else from ``CREDIT_DISCLOSURE_SERVICE_*`` environment variables, else the defaults.
Exit codes: 0 stopped, 2 bad usage or the extra is missing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from .._i18n import Lang, error_text, ui
from ..errors import MissingOptionalDependency
from ._args import add_lang_argument, lang_of

__all__ = ["register", "run"]


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``serve`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "serve",
        help=ui("help.serve", lang),
        description=ui("help.serve.about", lang),
    )
    parser.add_argument("--host", default=None, help=ui("help.serve.host", lang))
    parser.add_argument("--port", type=int, default=None, help=ui("help.serve.port", lang))
    parser.add_argument(
        "--max-body-bytes", type=int, default=None, help=ui("help.serve.max_body_bytes", lang)
    )
    parser.add_argument(
        "--max-rows", type=int, default=None, help=ui("help.serve.max_rows", lang)
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help=ui("help.serve.timeout", lang)
    )
    parser.add_argument(
        "--max-concurrency",
        type=int,
        default=None,
        help=ui("help.serve.max_concurrency", lang),
    )
    parser.add_argument(
        "--api-key-file",
        metavar="FILE",
        help=ui("help.serve.api_key_file", lang),
    )
    parser.add_argument(
        "--ledger",
        metavar="URL",
        help=ui("help.serve.ledger", lang),
    )
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help=ui("help.serve.log_level", lang),
    )
    add_lang_argument(parser, lang)  # the service answers in both languages; this is for messages
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the service and block until it stops; return the exit code."""
    try:
        from ..service import ServiceSettings, serve
    except MissingOptionalDependency as exc:
        print(f"credit-disclosure serve: {error_text(exc, lang_of(args))}", file=sys.stderr)
        return 2
    try:
        keys = (
            None
            if args.api_key_file is None
            else ServiceSettings.read_api_keys(args.api_key_file)
        )
        settings = ServiceSettings.from_env(
            host=args.host,
            port=args.port,
            max_body_bytes=args.max_body_bytes,
            max_rows=args.max_rows,
            timeout_seconds=args.timeout,
            max_concurrency=args.max_concurrency,
            api_keys=keys,
            ledger_url=args.ledger,
        )
    except (OSError, ValueError) as exc:
        print(f"credit-disclosure serve: {error_text(exc, lang_of(args))}", file=sys.stderr)
        return 2
    # The command line is an application: it may configure logging (the library never does).
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    serve(settings)
    return 0
