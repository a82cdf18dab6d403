"""Argument types shared by the subcommands."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from datetime import date

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
        raise argparse.ArgumentTypeError(
            f"not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, a day that exists): {text!r}"
        ) from None


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """``"zh"`` when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is Chinese, else ``"en"``.

    The first of the three variables that is set decides, as for the C library.

    >>> default_lang({"LANG": "zh_CN.UTF-8"}), default_lang({"LANG": "en_US.UTF-8"})
    ('zh', 'en')
    >>> default_lang({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}), default_lang({})
    ('en', 'en')
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
