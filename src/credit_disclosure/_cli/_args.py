"""Argument types shared by the subcommands."""

from __future__ import annotations

import argparse
from datetime import date

from .._i18n import Lang, default_lang, ui
from .._text import to_halfwidth
from ..errors import CreditDisclosureError
from ..standard import parse_date


def date_arg(text: str) -> date:
    """A date on the command line, in any form the exchange files use; a usage error otherwise.

    ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYYMMDD``, ``YYYY.MM.DD`` and full-width
    digits (``２０２６－０９－２８``) are all read; a day that does not exist is refused.

    >>> date_arg("2026.09.28"), date_arg("２０２６－０９－２８"), date_arg("20260928")
    (datetime.date(2026, 9, 28), datetime.date(2026, 9, 28), datetime.date(2026, 9, 28))
    >>> date_arg("2026-02-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, a day that exists): '2026-02-30'
    """
    cleaned = to_halfwidth(text).strip().replace(".", "/")
    try:
        if not cleaned or not cleaned[0].isdigit() or len(cleaned) < 8:
            raise ValueError(text)
        return parse_date(cleaned)
    except (CreditDisclosureError, ValueError):
        raise argparse.ArgumentTypeError(ui("usage.not_date", "en", value=repr(text))) from None


def add_lang_argument(parser: argparse.ArgumentParser, lang: Lang, *, both: bool = False) -> None:
    """Add ``--lang zh|en`` (and ``both`` where a command offers it) to ``parser``.

    Every subcommand takes it through this one helper, and so do the command groups
    (``calendar``, ``keys``, ``ledger``), so ``calendar --lang zh show`` and
    ``calendar show --lang zh`` mean the same. The default is *absent* (not ``None``), so an
    action's own unset ``--lang`` does not overwrite its group's; :func:`lang_of` reads it, with
    the locale as the default (:func:`credit_disclosure._i18n.default_lang`).
    """
    parser.add_argument(
        "--lang",
        choices=("en", "zh", "both") if both else ("en", "zh"),
        default=argparse.SUPPRESS,
        help=ui("help.lang.both" if both else "help.lang", lang),
    )


def lang_of(args: argparse.Namespace) -> Lang:
    """The language a command writes in: ``--lang`` (``both`` reads as English labels), or
    the locale's (:func:`default_lang`).

    >>> lang_of(argparse.Namespace(lang="zh")), lang_of(argparse.Namespace(lang="both"))
    ('zh', 'en')
    """
    chosen = getattr(args, "lang", None)
    if chosen is None:
        return default_lang()
    return "zh" if chosen == "zh" else "en"
