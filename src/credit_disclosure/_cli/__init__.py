"""Subcommands of the ``credit-disclosure`` command line, one module each.

Each module defines ``register(subparsers)`` that adds its parser and sets
``handler`` (a callable taking the parsed namespace and returning an exit
code) with ``parser.set_defaults(handler=...)``. Commands contain no rules:
they call the library.
"""

from ._args import add_lang_argument

__all__ = ["add_lang_argument"]
