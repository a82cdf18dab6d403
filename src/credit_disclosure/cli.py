"""The ``credit-disclosure`` command line (also ``python -m credit_disclosure``).

Thin over the library: each subcommand lives in ``credit_disclosure._cli`` and
calls public functions; no rule is decided here.

>>> main(["--version"])  # doctest: +ELLIPSIS
credit-disclosure ...
0
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import IO, Any, Final, NoReturn

from ._cli import add_lang_argument as _add_lang_argument
from ._i18n import UI_TEXTS as _UI_TEXTS
from ._i18n import Lang as _Lang
from ._i18n import default_lang as _default_lang
from ._i18n import error_text as _error_text
from ._i18n import os_reason as _os_reason
from ._i18n import resolve_lang as _resolve_lang
from ._i18n import ui as _ui
from ._text import redact as _redact
from ._version import __version__
from .errors import CreditDisclosureError as _LibraryError

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_UNUSABLE", "build_parser", "main"]

#: Subcommand modules under ``credit_disclosure._cli``, in the order ``--help`` lists them.
_COMMANDS: tuple[str, ...] = (
    "calendar",
    "check",
    "deadline",
    "identify",
    "keys",
    "ledger",
    "mask",
    "policy",
    "quality",
    "schema",
    "serve",
    "status",
)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns as a terminal shows them: a Chinese
    character takes two columns and a line may break between any two of them; other words
    are kept whole.

    >>> _wrap("每个命令 and option", 10)
    ['每个命令', 'and option']
    >>> _wrap("标准输出。默认", 8)  # closing punctuation stays on its line
    ['标准输出。', '默认']
    """
    words = re.findall(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+", text)
    lines: list[str] = []
    line, used = "", 0
    for word in words:
        if word.isspace():
            word = " "
            if not line:
                continue
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
        # a line never starts with closing punctuation: it stays on the line before
        if line and used + size > width and word != " " and word not in _CLOSING:
            lines.append(line.rstrip())
            line, used = "", 0
        elif word == " " and used + 1 > width:
            continue
        line, used = line + word, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


#: Punctuation that closes (，。）…): never the first character of a line.
_CLOSING: Final = frozenset("，。、；：）」』》！？,.;:)]")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout in the interface's language: the usage prefix from the catalogue
    and, in Chinese, lines wrapped by the columns a terminal gives each character."""

    def __init__(self, prog: str, *, lang: _Lang) -> None:
        super().__init__(prog)
        self._lang: _Lang = lang

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _ui("help.usage", self._lang) if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(text, width) if self._lang == "zh" else super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if self._lang != "zh":
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    """argparse in the interface's language (``lang``), whose usage errors (which quote the
    rejected value) are redacted. Its subcommands' parsers are made in the same language."""

    def __init__(self, *args: Any, lang: _Lang = "en", **kwargs: Any) -> None:
        self.lang: _Lang = lang
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, **{**kwargs, "add_help": False})  # -h is added below, in lang
        self._positionals.title = _ui("help.positionals", lang)
        self._optionals.title = _ui("help.options", lang)
        if add_help:
            self.add_argument("-h", "--help", action="help", help=_ui("help.help", lang))

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(self.prog, lang=self.lang)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(_Parser, lang=self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = _ui("usage.error", self.lang, message=_usage_error(message, self.lang))
        self.exit(EXIT_UNUSABLE, _redact(f"{self.prog}: {text}") + "\n")


def _template_pattern(template: str) -> re.Pattern[str]:
    """An English ``usage.*`` template as a pattern over a whole message, its fields as groups."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile(
        "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts)),
        re.DOTALL,
    )


#: argparse's usage errors and this program's argument types' (their English templates in
#: the catalogue, ``usage.*``, as patterns) and the interface text each becomes.
_USAGE_ERRORS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (_template_pattern(text.en), text_id)
    for text_id, text in _UI_TEXTS.items()
    if text_id.startswith("usage.") and text_id != "usage.error"
)


def _usage_error(message: str, lang: _Lang) -> str:
    """argparse's usage error ``message`` in ``lang`` (as argparse wrote it in English, or when
    no known template matches: a message of this program's own is passed through).

    >>> _usage_error("unrecognized arguments: --bogus", "zh")
    '无法识别的参数：--bogus'
    >>> _usage_error("argument --format: invalid choice: 'x' (choose from 'text', 'json')", "zh")
    "参数 --format：无效的选择：'x'（可选：'text', 'json'）"
    >>> _usage_error("argument --format: expected one argument", "en")
    'argument --format: expected one argument'
    """
    if lang != "zh":
        return message
    for pattern, text_id in _USAGE_ERRORS:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        params = found.groupdict()
        if "message" in params:
            params["message"] = _usage_error(params["message"], lang)
        return _ui(text_id, lang, **params)
    return message


def build_parser(lang: _Lang | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand, its help in ``lang``
    (``"zh"`` or ``"en"``; default: the locale's, :func:`credit_disclosure._i18n.default_lang`).

    >>> build_parser().prog
    'credit-disclosure'
    >>> print(build_parser("zh").format_usage())
    用法：credit-disclosure [-h] [--version] [--lang {en,zh}] COMMAND ...
    <BLANKLINE>
    """
    lang = _resolve_lang(lang)
    parser = _Parser(prog="credit-disclosure", description=_ui("help.main.about", lang), lang=lang)
    parser.add_argument(
        "--version", action="version", version=f"credit-disclosure {__version__}",
        help=_ui("help.main.version", lang),
    )
    _add_lang_argument(parser, lang)  # also before the command: ``--lang zh check FILE``
    subparsers = parser.add_subparsers(title=_ui("help.main.commands", lang), metavar="COMMAND")
    for name in _COMMANDS:
        module = importlib.import_module(f"credit_disclosure._cli.{name}")
        module.register(subparsers, lang)
    return parser


def _command_of(argv: Sequence[str]) -> str:
    """The command's name in ``argv`` (for the prefix of an error line): the first word that
    is neither an option nor the value of a ``--lang`` given before it.

    >>> _command_of(["--lang", "zh", "check", "a.csv"]), _command_of(["--lang=en", "term"])
    ('check', 'term')
    """
    args = iter(argv)
    for arg in args:
        if arg in ("--la", "--lan", "--lang"):
            next(args, None)
        elif arg[:1] != "-":
            return arg
    return ""


def _lang_of_argv(argv: Sequence[str]) -> _Lang:
    """The language ``--help`` is written in, found before the parser is built (argparse
    answers ``--help`` as soon as it reads it): the last ``--lang`` (or ``--la``, ``--lan``)
    before ``--``, ``both`` read as English; else the locale's, as for the output.

    >>> _lang_of_argv(["check", "--help", "--lang", "zh"]), _lang_of_argv(["--lang=both", "-h"])
    ('zh', 'en')
    >>> _lang_of_argv(["check", "--", "--lang", "zh"]) == _default_lang()
    True
    """
    chosen: str | None = None
    args = iter(argv)
    for arg in args:
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name not in ("--la", "--lan", "--lang"):
            continue
        given = value if equals else next(args, None)
        if given in ("en", "zh", "both"):
            chosen = given
    if chosen is None:
        return _default_lang()
    return "zh" if chosen == "zh" else "en"


#: The exit codes of every subcommand (docs/errors.md, "Exit codes").
EXIT_CLEAN: Final = 0
#: The input was read and has findings: records with errors, invalid values, a late publication.
EXIT_FINDINGS: Final = 1
#: The command could not do its work: bad usage, unusable input, a library error.
EXIT_UNUSABLE: Final = 2


class _PipeGuard(io.TextIOBase):
    """Stands in for ``sys.stdout`` while a command runs: a closed pipe is not an error.

    When the reader goes away (``credit-disclosure check big.csv | head -2``), writes are
    dropped from then on and the command runs to its end, so that it still returns its
    real exit status (1 when the file has errors). File descriptor 1 is pointed at the null
    device, so that the interpreter's last flush does not fail again.
    """

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream
        self.broken = False

    def _broke(self) -> None:
        self.broken = True
        try:
            fd = self._stream.fileno()
        except (OSError, ValueError, AttributeError):
            return  # not a real file (a test's capture): nothing will flush it later
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._broke()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._broke()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return not self.broken and self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def buffer(self) -> _BinaryPipeGuard:
        return _BinaryPipeGuard(self)


class _BinaryPipeGuard(io.RawIOBase):
    """``sys.stdout.buffer`` under a :class:`_PipeGuard`: the same closed-pipe rule for bytes."""

    def __init__(self, text: _PipeGuard) -> None:
        super().__init__()
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if not self._text.broken:
            self._text.flush()
            raw = getattr(self._text._stream, "buffer", None)
            try:
                if raw is None:
                    self._text._stream.write(bytes(data).decode(self._text.encoding))
                else:
                    raw.write(data)
                    raw.flush()
            except BrokenPipeError:
                self._text._broke()
        return size


class _RedactingStderr(io.TextIOBase):
    """Stands in for ``sys.stderr`` while a command runs: every line goes through redact().

    Standard error carries messages only, never data, so whatever a subcommand writes there
    (an OS error quoting a file name, a message it built itself) is redacted line by line.
    """

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        pending = self._pending + text
        head, sep, self._pending = pending.rpartition("\n")
        if sep:
            self._emit(head + sep)
        return len(text)

    def flush(self) -> None:
        if self._pending:  # a progress bar's line without an end, or a last partial line
            self._emit(self._pending)
            self._pending = ""
        with contextlib.suppress(OSError):
            self._stream.flush()

    def _emit(self, text: str) -> None:
        with contextlib.suppress(OSError):  # stderr closed: the exit status still says it
            self._stream.write(_redact(text))

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"


def _fail(command: str, message: str) -> int:
    """Say why ``command`` could not run, on stderr, redacted; return :data:`EXIT_UNUSABLE`."""
    try:
        sys.stderr.write(_redact(f"credit-disclosure {command}: {message}") + "\n")
        sys.stderr.flush()
    except OSError:  # stderr closed too: the exit status still says it
        pass
    return EXIT_UNUSABLE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    One table for every subcommand: 0 clean, 1 findings (records with errors, invalid
    values, a late publication), 2 bad usage or unusable input. Any library error
    (:class:`~credit_disclosure.errors.CreditDisclosureError`) and any unreadable file
    that a subcommand did not handle itself ends here with a one-line message and 2; an
    unexpected error too, without a traceback that could quote a value. When standard
    output is closed early (``| head``), the command still runs to its end, quietly, and
    returns its real status.

    >>> main(["--help"])  # doctest: +ELLIPSIS
    usage: credit-disclosure ...
    0
    """
    parser = build_parser(_lang_of_argv(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        code = exc.code
        return code if isinstance(code, int) else (EXIT_CLEAN if code is None else EXIT_UNUSABLE)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_UNUSABLE
    command = _command_of(sys.argv[1:] if argv is None else argv)
    stdout, stderr = sys.stdout, sys.stderr
    guard = _PipeGuard(stdout)
    sys.stdout, sys.stderr = guard, _RedactingStderr(stderr)
    try:
        result = handler(args)
        guard.flush()
    except _LibraryError as exc:  # the code and the message in the command's language
        lang = args.lang if getattr(args, "lang", None) in ("en", "zh") else None
        return _fail(command, _error_text(exc, lang or _default_lang()))
    except BrokenPipeError:  # a pipe other than stdout, written to directly
        return EXIT_UNUSABLE
    except OSError as exc:  # a file a subcommand did not name itself
        where = f"{exc.filename}: " if exc.filename else ""
        lang = args.lang if getattr(args, "lang", None) in ("en", "zh") else None
        return _fail(command, f"{where}{_os_reason(exc, lang or _default_lang())}")
    except Exception as exc:  # a bug: say so, but never print a value (no traceback)
        if os.environ.get("CREDIT_DISCLOSURE_DEBUG"):
            raise
        return _fail(command, f"unexpected error ({type(exc).__name__}: {exc}); please report it")
    finally:
        sys.stderr.flush()
        sys.stdout, sys.stderr = stdout, stderr
    if result not in (EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE):
        return EXIT_UNUSABLE
    return int(result)
