"""``credit-disclosure mask``: mask values of one kind, or every record of a CSV, XLSX or JSON Lines file.

Thin over :mod:`credit_disclosure.privacy` and :func:`credit_disclosure.io.open_table`.
With ``--kind``, each VALUE is masked with that kind's rule in the profile and
printed on its own line. With ``--input``, the file is read as ``check`` reads
it (encoding detected: UTF-8, UTF-8 with BOM, GBK/GB18030; headers in any of
the three styles; CSV, XLSX or JSON Lines), each record is masked by the
profile, and the records are written as CSV (inert in a spreadsheet: no cell
runs as a formula) or JSON Lines, to standard output or atomically to
``-o FILE``. A column the profile cannot classify is masked completely in
records that may be a person's (``--unknown-fields mask``, the default) or the
run is refused naming it (``--unknown-fields refuse``). A row
that cannot be read is reported on standard error (row number, code) and the
run goes on: every input row is either written or reported. A row in which a
quoted value swallowed lines that look like rows (``row.multiline``) is
reported and not written: another record may hide in any of its fields.

Exit codes: 0 every row masked and written; 1 some rows reported; 2 the run
could not start (no such file, a refused column, a file without a header row,
bad usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Final

from .._i18n import Lang, error_text, os_reason, ui
from .._text import redact
from ..convert import format_value
from ..errors import CreditDisclosureError, ValidationError
from ..io import FileFormat, RawRow, inert_csv_writer, io_issue, open_table
from ..privacy import (
    PROFILES,
    FieldPrivacy,
    MaskingProfile,
    Personal,
    UnknownFields,
    ValueKind,
    get_profile,
)
from ..samples import sample_path
from ..standard import Issue, RecordKind
from ._args import add_lang_argument, lang_of
from ._output import add_excel_argument, add_output_argument, excel_bom, open_output, output_error

__all__ = ["register", "run"]

_NAME = "credit-disclosure mask"

#: Rows read with these issues are reported and not written: a quoted value that swallowed
#: lines looking like rows may hold another record (a name, an ID) inside any field, even one
#: that is never masked (the decision number), so no masking of the row can be trusted.
_NOT_WRITTEN: Final = frozenset({"row.multiline"})
_OUTPUT_FORMATS = ("csv", "jsonl")


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``mask`` subcommand."""
    parser = subparsers.add_parser(
        "mask",
        help=ui("help.mask", lang),
        description=ui("help.mask.about", lang),
    )
    parser.add_argument("values", nargs="*", metavar="VALUE", help=ui("help.mask.values", lang))
    parser.add_argument(
        "--kind", "-k", choices=[k.value for k in ValueKind], help=ui("help.mask.kind", lang)
    )
    parser.add_argument(
        "--profile", "-p", choices=sorted(PROFILES), default="public",
        help=ui("help.mask.profile", lang),
    )
    parser.add_argument(
        "--input", "-i", metavar="FILE", help=ui("help.mask.input", lang)
    )
    parser.add_argument(
        "--sample",
        choices=[k.value for k in RecordKind],
        help=ui("help.mask.sample", lang),
    )
    parser.add_argument(
        "--encoding", default=None, help=ui("help.mask.encoding", lang)
    )
    parser.add_argument("--sheet", default=None, help=ui("help.mask.sheet", lang))
    parser.add_argument(
        "--unknown-fields",
        choices=[UnknownFields.MASK.value, UnknownFields.REFUSE.value],
        default=None,
        help=ui("help.mask.unknown_fields", lang),
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="HEADER=KIND[:subject]",
        help=ui("help.mask.field", lang),
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=_OUTPUT_FORMATS,
        default=None,
        help=ui("help.mask.format", lang),
    )
    add_output_argument(parser, lang, what="masked")
    add_lang_argument(parser, lang)
    add_excel_argument(parser, lang)
    parser.set_defaults(handler=run)


def _usage(err: IO[str], message: str) -> int:
    err.write(f"{_NAME}: {message}\n")
    return 2


def _local_fields(specs: Iterable[str]) -> dict[str, FieldPrivacy]:
    """``HEADER=KIND[:subject]`` options as field descriptions; ``ValueError`` names a bad one."""
    out: dict[str, FieldPrivacy] = {}
    kinds = ", ".join(k.value for k in ValueKind)
    for spec in specs:
        header, eq, rest = spec.rpartition("=")
        kind_text, colon, when = rest.partition(":")
        if not eq or not header.strip() or (colon and when != "subject"):
            raise ValueError(f"--field {spec!r}: write HEADER=KIND or HEADER=KIND:subject")
        try:
            kind = ValueKind(kind_text.strip())
        except ValueError:
            raise ValueError(f"--field {spec!r}: KIND is one of {kinds}") from None
        personal = Personal.SUBJECT if colon else Personal.ALWAYS
        out[header] = FieldPrivacy(kind, personal, source="--field")
    return out


def _profile(args: argparse.Namespace) -> MaskingProfile:
    profile = get_profile(args.profile)
    if args.unknown_fields is not None:
        profile = profile.evolve(unknown_fields=UnknownFields(args.unknown_fields))
    if args.field:
        profile = profile.with_fields(_local_fields(args.field))
    return profile


def run(
    args: argparse.Namespace,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
) -> int:
    """Mask the values, or the records of the input file; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    lang = lang_of(args)
    source = args.input
    if args.sample is not None:
        if source is not None:
            return _usage(err, ui("cli.mask.input_or_sample", lang))
        source = str(sample_path(RecordKind(args.sample)))
    if source is not None and (args.kind is not None or args.values):
        return _usage(err, ui("cli.mask.input_or_values", lang))
    try:
        profile = _profile(args)
    except ValueError as exc:
        return _usage(err, error_text(exc, lang))
    if source is None:
        if args.kind is None or not args.values:
            return _usage(err, ui("cli.mask.need_values", lang))
        kind = ValueKind(args.kind)
        for value in args.values:
            out.write(profile.mask_value(value, kind) + "\n")
        return 0
    return _mask_file(args, source, profile, out, err, stdin)


def _shown(header: object) -> str:
    """A header as it may be printed: anything that could be an identity number hidden."""
    return redact(str(header))


def _output_format(args: argparse.Namespace, input_format: FileFormat) -> str:
    if args.output_format is not None:
        return str(args.output_format)
    if args.output not in (None, "-"):
        suffix = Path(args.output).suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            return "jsonl"
        if suffix in (".csv", ".txt", ".tsv"):
            return "csv"
    return "jsonl" if input_format is FileFormat.JSONL else "csv"


def _report(err: IO[str], name: str, issue: Issue, lang: Lang) -> None:
    if issue.row is None:
        where = ui("cli.file", lang)
    else:
        where = ui("cli.row", lang, row=issue.row)
    message = issue.message_zh if lang == "zh" else f"{issue.message_en} ({issue.message_zh})"
    err.write(f"{name}: {where}: {issue.code}: {message}\n")


def _mask_file(
    args: argparse.Namespace,
    source: str,
    profile: MaskingProfile,
    out: IO[str],
    err: IO[str],
    stdin: IO[bytes] | None,
) -> int:
    lang = lang_of(args)
    target: Any = (stdin or sys.stdin.buffer) if source == "-" else source
    try:
        reader = open_table(target, encoding=args.encoding, sheet=args.sheet)
    except (OSError, CreditDisclosureError, LookupError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.strerror:
            reason = os_reason(exc, lang)
        else:
            reason = error_text(exc, lang)
        return _usage(err, ui("cli.cannot_read", lang, path=source, reason=reason))
    with reader:
        name = reader.name
        if args.sample is not None:
            name = ui("cli.bundled_sample", lang, name=sample_path(RecordKind(args.sample)).name)
        headers = reader.headers
        if any(issue.code == "file.empty" for issue in reader.file_issues):
            return _usage(err, f"{name}: file.empty: {ui('cli.mask.no_header', lang)}")
        columns = list(dict.fromkeys(h for h in headers if h.strip()))
        unknown = profile.unclassified(columns)
        if columns and len(unknown) == len(columns) and reader.format is not FileFormat.JSONL:
            # Not one header names a field: the first row is probably data (a headerless
            # export), and would be written in clear as the header. Refuse.
            return _usage(
                err, f"{name}: file.header_unknown: {ui('cli.mask.header_unknown', lang)}"
            )
        if unknown:
            listed = ui("list.sep", lang).join(
                ui("cli.column", lang, n=headers.index(str(h)) + 1, header=repr(_shown(h)))
                for h in unknown
            )
            if profile.unknown_fields is UnknownFields.REFUSE:
                refuse = ui("cli.mask.unclassified_refuse", lang)
                return _usage(err, f"{name}: privacy.field_unclassified: {listed}: {refuse}")
            if profile.unknown_fields is UnknownFields.MASK:
                masked = ui("cli.mask.unclassified_mask", lang)
                err.write(f"{_NAME}: {name}: privacy.field_unclassified: {listed}: {masked}\n")
        fmt = _output_format(args, reader.format)
        bom = fmt == "csv" and (args.output not in (None, "-") or excel_bom(args))
        try:
            with open_output(args.output, stdout=out, encoding="utf-8") as fp:
                if bom:
                    fp.write("\ufeff")  # Excel and WPS read a CSV with a BOM as UTF-8
                tally = _write(reader, profile, columns, fmt, fp, err, name, lang)
        except OSError as exc:
            if args.output is None or args.output == "-":
                raise  # standard output: the entry point handles a closed pipe
            return output_error("mask", args.output, exc, err, lang)
        for issue in reader.file_issues:
            _report(err, name, issue, lang)
        blank = reader.blank_rows
    written, flagged, dropped = tally
    # Every input row is accounted for: written, reported and not written, or blank.
    summary = ui(
        "cli.mask.summary", lang, written=written, flagged=flagged, dropped=dropped, blank=blank
    )
    err.write(f"{_NAME}: {name}: {summary}\n")
    return 1 if flagged or dropped or reader.file_issues else 0


def _write(
    reader: Iterable[RawRow],
    profile: MaskingProfile,
    columns: list[str],
    fmt: str,
    fp: IO[str],
    err: IO[str],
    name: str,
    lang: Lang,
) -> tuple[int, int, int]:
    """Mask and write every usable row, report the others: (written, written but reported, not written)."""
    writer: Any = None
    known = frozenset(columns)
    if fmt == "csv":
        writer = inert_csv_writer(fp)  # no cell runs as a formula in Excel or WPS
        writer.writerow(columns)
    written = flagged = dropped = 0
    for raw in reader:
        issues: tuple[Issue, ...] = raw.issues
        if raw.usable and writer is not None and not known.issuperset(raw.values):
            # a JSON Lines object with keys the CSV header does not have: never drop them silently
            issues += (io_issue("row.columns", raw.row, cells=len(raw.values), columns=len(columns)),)
            raw = RawRow(raw.row, {}, issues, usable=False)
        if not raw.usable or any(i.code in _NOT_WRITTEN for i in issues):
            dropped += 1
            for issue in issues:
                _report(err, name, issue, lang)
            continue
        try:
            masked: Mapping[str, object] = profile.mask_record(raw.values)
        except ValidationError as exc:  # an unclassified key under --unknown-fields refuse
            dropped += 1
            err.write(f"{name}: {ui('cli.row', lang, row=raw.row)}: {error_text(exc, lang)}\n")
            continue
        except Exception as exc:  # a masking bug must not lose the other rows
            dropped += 1
            unexpected = io_issue("row.unexpected", raw.row, reason=type(exc).__name__)
            _report(err, name, unexpected, lang)
            continue
        if writer is not None:
            writer.writerow([format_value(masked.get(c)) for c in columns])
        else:
            fp.write(json.dumps(dict(masked), ensure_ascii=False, default=format_value) + "\n")
        written += 1
        if issues:  # written, but read with a problem (bytes replaced): say so
            flagged += 1
            for issue in issues:
                _report(err, name, issue, lang)
    return written, flagged, dropped
